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


def read_language(tree, structured: StructuredData, sample_text: str | None = None) -> str | None:
    """Declared language, else detected from the given text (or the page's paragraphs)."""
    declared = declared_language(structured)
    if declared:
        return declared
    if sample_text is None:
        sample_text = " ".join(p.text_content() for p in islice(tree.iter("p"), 40))
        if len(sample_text) < 200:
            # pages without <p> (scripts, divs): the title and the body's own text
            texts = _BODY_TEXTS(tree)
            sample_text = " ".join(filter(None, [structured.title, sample_text, " ".join(texts)[:4000]]))
    return detect_language(sample_text)
