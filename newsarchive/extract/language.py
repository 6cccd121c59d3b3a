"""The page's language as a lower-case primary subtag: declared first, detected otherwise."""
from __future__ import annotations

import re
from collections import Counter
from itertools import islice

from lxml import etree

from . import meta_tables as tables
from .structured import StructuredData

_SUBTAG = re.compile(r"^[a-z]{2,3}$")
_STOPWORDS = {lang: frozenset(words.split()) for lang, words in tables.STOPWORDS.items()}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
#: word -> the languages whose stopword list holds it (one lookup per word instead of one per language)
_STOPWORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _lang, _words in _STOPWORDS.items():
    for _word in _words:
        _STOPWORD_LANGUAGES[_word] = _STOPWORD_LANGUAGES.get(_word, ()) + (_lang,)
#: one character class per script; ranges listed earlier win where they overlap, as before
_SCRIPTS = tuple((lang, re.compile(f"[{low}-{high}]")) for low, high, lang in tables.SCRIPT_LANGUAGES)


def primary_subtag(value: str | None) -> str | None:
    """'en-GB' / 'de_DE' / 'EN' -> 'en'; None for empty or malformed values."""
    if not value or not isinstance(value, str):
        return None
    first = value.strip().split(",")[0].strip()
    tag = re.split(r"[-_]", first, maxsplit=1)[0].lower()
    if len(tag) == 3 and tag not in tables.THREE_LETTER_LANGUAGES:
        return None  # "utf", "eng"-like junk and private tags; real 3-letter codes are listed
    return tag if _SUBTAG.match(tag) and tag not in ("xx",) else None


def declared_language(structured: StructuredData) -> str | None:
    """<html lang>, JSON-LD inLanguage, meta content-language / language / og:locale."""
    article = structured.article or {}
    in_language = article.get("inLanguage")
    if isinstance(in_language, dict):
        in_language = in_language.get("name") or in_language.get("alternateName")
    for value in (structured.html_lang, in_language, structured.meta.get("content-language"),
                  structured.meta.get("language"), structured.meta.get("dc.language"),
                  structured.og.get("locale")):
        tag = primary_subtag(value if isinstance(value, str) else None)
        if tag:
            return tag
    return None


def detect_language(text: str) -> str | None:
    """A light guess from the text: script for non-Latin scripts, stopword counts otherwise."""
    sample = text[:4000]
    if not sample.strip():
        return None
    if not sample.isascii():
        scripts = Counter({lang: len(pattern.findall(sample)) for lang, pattern in _SCRIPTS})
        letters = len(_LETTER.findall(sample))
        lang, count = scripts.most_common(1)[0]
        if letters and count:
            if scripts["ja"] > 0.05 * letters:
                return "ja"
            if count > 0.3 * letters:
                return lang
    words = _WORD.findall(sample.lower())
    counts = Counter()
    for word, number in Counter(words).items():
        for lang in _STOPWORD_LANGUAGES.get(word, ()):
            counts[lang] += number
    if len(words) < 5 or not counts:
        return None
    lang, count = counts.most_common(1)[0]
    return lang if count >= 3 else None


# plain strings: lxml's default "smart" results each keep a proxy of their parent element
_BODY_TEXTS = etree.XPath("//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]",
                          smart_strings=False)
_HIDDEN_TAGS = frozenset({"script", "style", "noscript"})
_SAMPLE_CHARS = 4000


def body_text_opening(tree, limit: int = _SAMPLE_CHARS) -> str:
    """The body's text nodes outside script, style and noscript, joined by spaces, cut at
    `limit` characters: " ".join(_BODY_TEXTS(tree))[:limit], reading only the nodes the cut
    keeps (the XPath tests every text node's ancestors: some 3.6 ms on a page of divs)."""
    bodies = list(tree.iter("body"))
    if len(bodies) != 1:
        return " ".join(_BODY_TEXTS(tree))[:limit]
    texts: list[str] = []
    left = limit  # what the joined texts may still take, counting the space before each
    body = bodies[0]
    if body.text is not None:
        texts.append(body.text)
        left -= len(body.text) + 1
    # page order without recursion (a huge tree nests thousands deep): an element's text, its
    # children's texts, then its tail; a hidden child's or a comment's content is left out,
    # its tail is not (that text node is outside it)
    stack = [(body, iter(body))]
    while stack and left >= 0:
        element, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            text = element.tail if stack else None  # the body's tail is outside the body
        elif isinstance(child.tag, str) and child.tag not in _HIDDEN_TAGS:
            stack.append((child, iter(child)))
            text = child.text
        else:
            text = child.tail
        if text is not None:
            texts.append(text)
            left -= len(text) + 1
    return " ".join(texts)[:limit]


def read_language(tree, structured: StructuredData, sample_text: str | None = None) -> str | None:
    """Declared language, else detected from the given text (or the page's paragraphs)."""
    declared = declared_language(structured)
    if declared:
        return declared
    if sample_text is None:
        sample_text = " ".join(p.text_content() for p in islice(tree.iter("p"), 40))
        if len(sample_text) < 200:
            # pages without <p> (scripts, divs): the title and the body's own text
            sample_text = " ".join(filter(None, [structured.title, sample_text, body_text_opening(tree)]))
    return detect_language(sample_text)
