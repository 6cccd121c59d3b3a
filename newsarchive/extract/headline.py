"""The article's own headline, reconciled from JSON-LD, OpenGraph/meta, <h1> and <title>.

Sites decorate titles with their name (" | Site", "Site - ") and sometimes a section; the
article's <h1> usually has neither. The affixes are learned by comparing the candidates with
each other and with the site name, never from a list of sites.
"""
from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, islice, takewhile
from urllib.parse import urlsplit

from lxml import etree

from ..hosts import host_of, join_url, site_labels, without_www
from . import meta_tables as tables
from .cascade import Cascade, Rule
from .dates import find_text_dates
from .dateline import after_leading_date
from .dom import following_elements, holds_blocks, preceding_elements
from .prune import split_class_words
from .structured import StructuredData

_WORD = re.compile(r"\w+", re.UNICODE)


def norm(text: str | None) -> str:
    """Comparison form: NFKC, case-folded, words only."""
    return _norm(text or "")


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    # the same site names and titles are compared many times per page
    return " ".join(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def clean_text(text: str | None) -> str | None:
    if not text:
        return None
    if "&" in text and ";" in text:
        text = html.unescape(text)
    # soft hyphens stay: they are part of the text as published
    text = " ".join(unicodedata.normalize("NFC", text).split())
    return text or None


@dataclass
class HeadlineFound:
    text: str | None
    element: object | None = None
    """The <h1> (or other element) showing the headline, when one does."""
    source: str | None = None
    """The HEADLINE rule that gave it."""


def site_name_hints(structured: StructuredData, url: str | None, site_name: str | None) -> list[str]:
    """Names the site may go by, surest first: the host's main label, the declared names."""
    hints = []
    for address in (url, structured.canonical_url, *_copied_urls(url)):
        hints += url_domain_labels(address or "")
    hints += [site_name] if site_name else []
    for key in tables.SITE_NAME_META_KEYS:
        value = structured.meta.get(key)
        if value and len(value) < 60:
            hints.append(value.lstrip("@"))
            # "www.site.cn,Site Daily,Site Group": a list of the site's names
            if _NAME_LIST.search(value):
                hints += [part.strip() for part in _NAME_LIST.split(value)[:4] if part.strip()]
    return [hint for hint in dict.fromkeys(hints) if norm(hint)]


def site_domain_labels(host: str) -> list[str]:
    """The host's main label and its domain: "example" and "example.com" for news.example.com,
    "example" and "example.co.uk" for www.example.co.uk (the label before a country's "co.uk")."""
    labels = site_labels(host)
    suffix = 2 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in tables.SECOND_LEVEL_DOMAIN_LABELS else 1
    if len(labels) <= suffix:
        return []
    return [labels[-suffix - 1], ".".join(labels[-suffix - 1:])]


@lru_cache(maxsize=1024)
def url_domain_labels(address: str) -> tuple[str, ...]:
    """site_domain_labels of an address's host; cached: the page's address (and its canonical
    one, mostly the same) is taken apart by the headline and the author readers alike."""
    return tuple(site_domain_labels(host_of(address) or ""))


_NAME_LIST = re.compile(r"[,;，；、]")
_EMBEDDED_URL = re.compile(r"/(https?://[^/\s]+)", re.I)


def _copied_urls(url: str | None) -> list[str]:
    """The original address inside a web archive's copy ("/web/2014.../http://site.com/a")."""
    return _EMBEDDED_URL.findall(url or "")[:1]


# "Vor- und Nachteile", "Fußball- und Leichtathletik": a word cut short before a conjunction
_ELISION = re.compile(r"(?<=\w)- (?=(?:" + "|".join(tables.ELISION_CONJUNCTIONS) + r")\s)")
_ELISION_MARK = "\u2060-\u2060 "


def _separator_in(separator: str, text: str) -> bool:
    if separator != "- ":
        return separator in text
    return separator in _ELISION.sub(_ELISION_MARK, text)


def _split_at(separator: str, text: str) -> list[str]:
    if separator != "- ":
        return text.split(separator)
    return [part.replace(_ELISION_MARK, "- ") for part in _ELISION.sub(_ELISION_MARK, text).split(separator)]


def split_title(text: str, keep_kickers: bool = False) -> list[str]:
    """Split a title at the first separator kind that occurs in it; with keep_kickers, not at a
    colon, which joins a kicker to its headline ("Dad: Child's MP3 player came with porn")."""
    for separator in tables.TITLE_SEPARATORS:
        if keep_kickers and separator in _KICKER_SEPARATORS:
            continue
        if _separator_in(separator, text):
            return [part.strip() for part in _split_at(separator, text)]
    return [text]


_KICKER_SEPARATORS = (": ", "：")


@lru_cache(maxsize=4096)
def _squash(text: str) -> str:
    # cached like _norm: each hint is squashed again for every title segment tested
    return norm(text).replace(" ", "")


def _words_covered(squashed: str, words: list[str], part: str) -> int:
    """How many of the words the squashed part covers where it occurs starting and ending at
    word edges (0 where it does not): "Bergsteigen.com" names the site in "Bergsteigen.com
    Magazin", not in "Skibergsteigen"."""
    found = squashed.find(part)
    if found < 0:
        return 0  # most parts: the word edges need not be mapped
    starts, ends, at = {}, {}, 0
    for index, word in enumerate(words):
        starts[at] = index
        at += len(word)
        ends[at] = index
    while found >= 0:
        if found in starts and found + len(part) in ends:
            return ends[found + len(part)] - starts[found] + 1
        found = squashed.find(part, found + 1)
    return 0


_GENERIC_TITLES = frozenset(norm(title) for title in tables.GENERIC_PAGE_TITLES)
_GENERIC_WORDS = frozenset(title for title in _GENERIC_TITLES if " " not in title) | {"online"}
_BYLINE_SEGMENT = re.compile(r"^(?:" + "|".join(tables.BYLINE_NAME_WORDS) + r")\s+\S", re.I)


def is_site_segment(segment: str, hints: list[str], trailing: bool = False) -> bool:
    """True when a title segment is (a form of) the site's name, or, ending the title, a byline
    ("| by Jane Doe"; a leading "Von München bis Aachen:" is the headline's own)."""
    if trailing and _BYLINE_SEGMENT.match(segment.strip()) and len(segment.split()) <= 5:
        return True
    words = norm(segment).split()
    squashed = "".join(words)
    if not squashed or " ".join(words) in _GENERIC_TITLES:
        return True  # "Blog Archiv", "News": a page label beside the headline
    for hint in hints:
        hint_squashed = _squash(hint)
        if not hint_squashed:
            continue
        if squashed == hint_squashed:
            return True
        # a short name and a generic or section word ("BBC NEWS", "CNN.com Online", "BBC SPORT")
        if len(words) >= 2 and "".join(words[:-1]) == hint_squashed and (
                words[-1] in _GENERIC_WORDS or words[-1] in tables.SITE_SECTION_WORDS):
            return True
        # the name with a word or two more ("Golem.de News"), not a sentence naming the site
        # ("How we designed Dropbox ATF")
        covered = _words_covered(squashed, words, hint_squashed) \
            if len(hint_squashed) >= 4 and hint_squashed in squashed else 0
        if covered and len(words) - covered <= 2 and len(squashed) <= len(hint_squashed) + 16:
            return True
        # a short form of the name ("Spiegel" for "Der Spiegel"), not one word of a motto
        if len(squashed) >= 4 and squashed in hint_squashed and 2 * len(squashed) >= len(hint_squashed):
            return True
    return False


def _site_rank(segment: str, hints: list[str]) -> int:
    """Index of the first (surest) hint the segment names, len(hints) for none."""
    return next((at for at, hint in enumerate(hints) if is_site_segment(segment, [hint])), len(hints))


def is_site_name(text: str | None, hints: list[str]) -> bool:
    """True when the whole text is one of the site's names ("Anwalt Niemeyer" on anwaltniemeyer.de),
    an article before it or not ("The Daily Courier" on dailycourier.com)."""
    squashed = _squash(text or "")
    if not squashed:
        return False
    first, _, rest = norm(text).partition(" ")
    bare = rest.replace(" ", "") if rest and first in tables.SITE_NAME_ARTICLES else None
    return any(squashed == hint or bare == hint for hint in map(_squash, hints))


def strip_site_affixes(text: str | None, hints: list[str]) -> str | None:
    """Remove leading/trailing title segments that name the site."""
    text = clean_text(text)
    if not text:
        return None
    text = _strip_glued_site_name(text, hints)
    for separator in tables.TITLE_SEPARATORS:
        # the plain test first: only "- " needs the elisions marked (most titles have no such separator)
        if separator not in text or not _separator_in(separator, text):
            continue
        parts = [part.strip() for part in _split_at(separator, text)]
        changed = False
        if len(parts) == 2 and is_site_segment(parts[0], hints) and is_site_segment(parts[-1], hints, trailing=True):
            # both name the site ("site.de // » Jane Doe" with Jane Doe as the copyright holder):
            # the one matching the surer name goes
            first, last = _site_rank(parts[0], hints), _site_rank(parts[-1], hints)
            if first != last:
                return parts[-1] if first < last else parts[0]
        while len(parts) > 1 and is_site_segment(parts[-1], hints, trailing=True):
            parts.pop()
            changed = True
        while len(parts) > 1 and is_site_segment(parts[0], hints):
            parts.pop(0)
            changed = True
        if changed:
            return strip_site_affixes(separator.join(parts), hints)
    return _cut_at_site_segment(text, hints)


def _cut_at_site_segment(text: str, hints: list[str]) -> str:
    """The headline before a site name standing between other segments ("Headline : Blog name |
    Tagline | Founded 2005"): what follows the site's name is the site's too."""
    segments = title_segments(text)
    for at, (segment, rest) in enumerate(segments[1:-1], start=1):
        if norm(segment) not in _GENERIC_TITLES and is_site_segment(segment, hints):
            leaf = segments[at + 1][1]
            if rest[len(segment):].lstrip().startswith(_BREADCRUMB_ARROWS) and not is_site_segment(leaf, hints):
                # "Site - News » Headline": a breadcrumb arrow leads from the section to the page
                return leaf
            head = text[: len(text) - len(rest)].rstrip(" -–—|:·•»«/~_*")
            if len(norm(head).split()) >= 2:
                return strip_site_affixes(head, hints)  # "Headline - News - Site - Town": the section too
    return text


_BREADCRUMB_ARROWS = ("»", "›", ">", "→")


def is_headline_like(text: str | None) -> bool:
    """Text (not markup, not script), not punctuation only, not a generic page name ("Home")."""
    key = norm(text)
    return bool(_TWO_LETTERS.search(key)) and key not in _GENERIC_TITLES and not is_code(text)


_TWO_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_]", re.S)
# markup ("<a href=...><font color=...>": a <title> left open swallows the page after it) and
# script ("'/sport2/hi/default.stm'; break; } }": a title written by a script, read as text)
_CODE = re.compile(r"<[a-z][a-z0-9]*(?:\s[^<>]*)?/?>|</[a-z]|&lt;/?[a-z]|[;{}]\s*[{}]|\bfunction\s*\("
                   r"|\bbreak\s*;|\w\(\)\s*;", re.I)


def is_code(text: str | None) -> bool:
    """True for markup or script text: what a page shows never looks like either."""
    return bool(text) and _CODE.search(text) is not None


_GLUE = "-_|–—:："


def _opens_with_glued_site_name(text: str, hints: list[str]) -> bool:
    """"SJSUSpartans.com—Official Web Site of ...": the site's name glued to what follows."""
    folded = text.casefold()
    for hint in hints:
        hint_folded = hint.casefold().strip()
        if len(hint_folded) >= 4 and folded.startswith(hint_folded) and folded[len(hint_folded):][:1] in _GLUE \
                and folded[len(hint_folded):][:1] != "":
            return True
    return False


def _strip_glued_site_name(text: str, hints: list[str]) -> str:
    """"标题-新华网", "Title_Site": a site name glued on with a bare dash or underscore."""
    folded = text.casefold()
    for hint in hints:
        hint_folded = hint.casefold().strip()
        if len(hint_folded) < 2 or not folded.endswith(hint_folded):
            continue
        head = text[: len(text) - len(hint_folded)]
        if head and head[-1] in "-_|–—:：" and len(head.strip(" -_|–—:：")) >= 4:
            return head.rstrip(" -_|–—:：")
    return text


_LEADING_DATE = re.compile(r"^\s*(?:\d{1,2}\.\s*[^\W\d_]+\.?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}"
                           r"|[^\W\d_]+\.?\s+\d{1,2},\s+\d{4})\s*[-–—|:]?\s+(?=\S)")


def _in_breadcrumb(element) -> bool:
    """A breadcrumb's step: the element or an ancestor is a list item of one (microdata's
    itemListElement), or it holds the step's item meta. (Asked of each h1: a walk up the
    ancestors in Python costs less than an XPath call.)"""
    if element.get("itemprop") == "itemListElement":
        return True
    for ancestor in element.iterancestors():
        if ancestor.get("itemprop") == "itemListElement":
            return True
    for child in element:
        if child.tag == "meta" and child.get("itemprop") == "item":
            return True
    return False


# compiled once: tree.xpath(string) compiles its expression on every call
_IN_ARTICLE = etree.XPath("ancestor::article or ancestor::main")


def heading_texts(tree, elements: list | None = None) -> list[tuple[str, object]]:
    """Texts of the page's <h1> elements (those with words), page order."""
    found = []
    for element in (list(tree.iter("h1")) if elements is None else elements)[:8]:
        if _in_breadcrumb(element):
            continue  # a breadcrumb's last step dressed as an h1
        text = clean_text(without_kicker(element).rstrip("¶# \n\t"))
        if text:
            text = _LEADING_DATE.sub("", text)  # "1. Februar 2022 Bundesministerin ...": a date line in the h1
        if text and len(text) < 400:
            found.append((text, element))
    return found


_KICKER_CLASS = re.compile("|".join(re.escape(token) for token in tables.HEADLINE_KICKER_CLASS_TOKENS), re.I)


def without_kicker(heading) -> str:
    """The heading's text without a kicker element opening it ("<span class=dachzeile>").

    Only a marked first child with the headline's words after it: the kicker is a label
    over the headline, not part of it.
    """
    full = visible_text(heading)
    children = [child for child in heading if isinstance(child.tag, str)]
    if not children or (heading.text or "").strip():
        return full
    marked = _KICKER_CLASS.search(children[0].get("class") or "")
    # "<span>Kicker</span><span aria-hidden="true"> – </span><span>Headline</span>": a separator
    # shown only to the eye stands between a kicker and the headline
    separated = len(children) >= 3 and _is_presentational_separator(children[1])
    # "<a href="...?storytopic=3">Eintracht Presse</a> : Headline": the section's link opens the
    # heading (XOOPS and other news modules title every story so)
    linked_section = children[0].tag == "a" and (children[0].tail or "").lstrip()[:1] in _SECTION_LINK_SEPARATORS
    if not (marked or separated or linked_section):
        return full
    kicker = visible_text(children[0])
    rest = full[full.find(kicker) + len(kicker):] if kicker.strip() else full
    rest = rest.strip(" \n\t-–—:|·")
    return rest if len(rest.split()) >= 2 else full


#: What stands between a section's link and the headline in a heading.
_SECTION_LINK_SEPARATORS = frozenset(":|»›>")

_HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})


_HIDDEN_CLASS = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(token) for token in tables.HIDDEN_SEPARATOR_CLASS_TOKENS)
                           + r")(?![\w-])", re.I)


def _is_presentational_separator(element) -> bool:
    """A punctuation-only child shown only to the eye or only to screen readers."""
    hidden = (element.get("aria-hidden") == "true" or element.get("role") == "presentation"
              or bool(_HIDDEN_CLASS.search(element.get("class") or "")))
    return hidden and not any(ch.isalnum() for ch in element.text_content())


def visible_text(element) -> str:
    """Text of an element without the content of script/style/noscript children or comments.

    Only the element's own descendants count: a page wrapped whole in <noscript> still has
    a headline.
    """
    parts = [element.text or ""] if isinstance(element.tag, str) else []
    for child in element:
        if child.tag == "br":
            parts.append(" ")  # a headline broken over two lines: the words stay apart
        elif isinstance(child.tag, str) and child.tag not in _HIDDEN_TAGS and not _hidden_by_markup(child):
            parts.append(visible_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_DISPLAY_NONE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def _hidden_by_markup(element) -> bool:
    """Hidden with the hidden attribute or an inline style (an editor's link inside the h1)."""
    return element.get("hidden") is not None or bool(_DISPLAY_NONE.search(element.get("style") or ""))


def _jsonld_headline(structured: StructuredData) -> str | None:
    article = structured.article
    if not article:
        return None
    value = article.get("headline")
    if not value and isinstance(article.get("name"), str):
        # "name" is often a type label ("Wikimedia list article"): trust it when <title> agrees
        value = article["name"] if overlaps(article["name"], structured.title or "") else None
    if isinstance(value, list):
        value = value[0] if value else None
    return clean_text(value) if isinstance(value, str) else None


def _words(text: str) -> set[str]:
    return set(norm(text).split())


def overlaps(a: str, b: str) -> bool:
    """True when two headlines share most of their words (one may carry a kicker or suffix)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.6


# a colon joins a kicker to its headline ("Brexit: Talks fail"), unless spaced like a separator
_ANY_SEPARATOR = re.compile("|".join(re.escape(separator) for separator in
                                     sorted(set(tables.TITLE_SEPARATORS) - {": ", "："} | {" : "}, key=len, reverse=True)))


@lru_cache(maxsize=1024)
def title_segments(title: str) -> tuple[tuple[str, str], ...]:
    """Every segment of a title split at all separator kinds at once, each with the title's
    text from that segment to the end: "A : B | C" gives A, B (B | C), C (C). Cached: the
    page's <title> is segmented by four readers."""
    marked = _ELISION.sub(_ELISION_MARK, title)
    segments, start = [], 0
    for match in _ANY_SEPARATOR.finditer(marked):
        segments.append((marked[start:match.start()], marked[start:]))
        start = match.end()
    segments.append((marked[start:], marked[start:]))
    return tuple((segment.replace(_ELISION_MARK, "- ").strip(), rest.replace(_ELISION_MARK, "- ").strip())
                 for segment, rest in segments if segment.strip())


def site_like_headings(h1s, title: str | None, hints: list[str]) -> set[str]:
    """h1 texts that are the site's logo or section: they reappear after the headline in a
    longer <title> ("Headline - Section - Site" with the h1 "Section - Site", "Headline : Blog |
    Tagline" with the h1 "Blog"), unless the title opens with the site's name ("SITE: Headline")."""
    title = clean_text(title)
    if not title:
        return set()
    segments = title_segments(title)
    if len(segments) < 2 or is_site_segment(segments[0][0], hints):
        return set()
    tails = {norm(segment) for segment, _ in segments[1:]}
    runs = {norm(rest) for segment, rest in segments[1:] if norm(rest) != norm(segment)}
    # a single segment only when short: an h1 as long as the title is usually the headline
    # itself; several end segments repeated by the h1 ("Section - Site") are a name
    found = {norm(text) for text, _ in h1s}
    return {text for text in found if text in runs
            or (text in tails and len(text) <= 0.6 * len(norm(title)))}


def learned_affixes(title: str | None, declared: list[str | None]) -> set[str]:
    """Affixes learned by comparing <title> with a declared title it contains: "Blog name:
    Headline" beside og:title "Headline" shows "Blog name" is the site's (comparison form)."""
    title_key = norm(title)
    found = set()
    for text in declared:
        key = norm(clean_text(text))
        if not key or key == title_key or len(key.split()) < 2:
            continue
        if title_key.startswith(key + " "):
            found.add(title_key[len(key) + 1:])
        elif title_key.endswith(" " + key):
            found.add(title_key[: -len(key) - 1])
    return found


def _opens_with_site_segment(heading: str, title: str | None, hints: list[str]) -> bool:
    """True when the heading opens with the site's name as <title> gives it and goes on: the
    site's name and motto ("ProNATs e.V. Verein zur ..." beside "Kinder und Arbeit » ProNATs e.V.")."""
    key = norm(heading)
    for segment, _ in title_segments(clean_text(title) or "")[1:]:
        name = norm(segment)
        if name and key.startswith(name + " ") and name not in _GENERIC_TITLES and is_site_segment(segment, hints):
            return True
    return False


def _shown_variant(declared: str, related) -> HeadlineFound | None:
    """The <h1> showing a variant of the declared headline, or None.

    An <h1> that is part of the declared title (which carries an extra kicker or suffix) or
    that shares most but not all of its words (an edited variant) is the headline as shown;
    a declared title ending a longer <h1> (the h1 adds a kicker) stays declared, one opening
    it (the h1 goes on: "Zitronenkuchen vom Blech: einfach köstlich!") gives way to the h1.
    """
    if related:
        shown, element = related[0]
        declared_key, shown_key = norm(declared), norm(shown)
        if shown_key != declared_key and (declared_key not in shown_key or _goes_on(declared, shown)):
            return HeadlineFound(shown, element)
    return None


_AFFIX_MARKS = ("|", "ǀ", "│", "┃", "｜", "»", "«", "::", "·", "•", "[", "(")


def _goes_on(declared: str, shown: str) -> bool:
    """True when the shown text opens with the declared title and continues the sentence,
    not with a site label after a bar ("Title | SITE.NET")."""
    if not norm(shown).startswith(norm(declared) + " "):
        return False
    at = shown.casefold().find(declared.casefold())
    tail = shown[at + len(declared):].lstrip() if at >= 0 else ""
    return bool(tail) and not tail.startswith(_AFFIX_MARKS)


_SEPARATOR_STARTS = tuple({separator.strip() for separator in tables.TITLE_SEPARATORS if separator.strip()})


def _cut_short(meta: str, title: str) -> bool:
    """True when <title> goes on where the meta title stops mid-sentence (an unescaped quote
    ended the attribute: 'califica a Biden de' for 'califica a Biden de "incapacitado"')."""
    if not norm(title).startswith(norm(meta) + " ") or not title.casefold().startswith(meta.casefold()):
        return False
    tail = title[len(meta):].strip()
    return bool(tail) and not tail.startswith(_SEPARATOR_STARTS + _AFFIX_MARKS)


def _agreed_page_name(h1s, structured: StructuredData):
    """A page name ("Über uns", "Willkommen!") that the h1 and the social title both give:
    the page is about that, not a generic label to look past."""
    declared = {norm(structured.meta.get(key)) for key in ("og:title", "twitter:title") if structured.meta.get(key)}
    for text, element in h1s:
        key = norm(text)
        if key in _GENERIC_TITLES and key in declared:
            return text, element
    return None


def _ends_with_words(longer: str, shorter: str) -> bool:
    """True when the longer text ends with the shorter one's words (three or more)."""
    key = norm(shorter)
    return len(key.split()) >= 3 and norm(longer).endswith(" " + key)


def _agrees_with_any(text: str, others) -> bool:
    return any(other and overlaps(text, other) for other in others)


def _shown_without_kicker(declared: str, h1s):
    """The <h1> when the declared headline is that h1 with a kicker in front of it
    ("Kücknitz - So lief die Auktion..." declared, "So lief die Auktion..." shown)."""
    declared_key = norm(declared)
    for text, element in h1s:
        key = norm(text)
        if len(key.split()) >= 3 and declared_key.endswith(" " + key) and len(declared_key) - len(key) <= 60:
            at = declared.casefold().rfind(text.strip().casefold()[:12])
            # "Akkutechnik: Hat Quantumscape ...": a colon makes the kicker part of the headline
            if at > 0 and declared[:at].rstrip().endswith((":", "：")):
                continue
            return text, element
    return None


def _shown_against_seo_pair(jsonld: str, cleaned_title: str | None, h1s, social_metas):
    """The <h1> when the page carries two headlines, each given twice: the h1 and the social
    title show one, <title> and JSON-LD give the other, written for search engines."""
    if not cleaned_title or norm(cleaned_title) != norm(jsonld):
        return None
    social = {norm(text) for text in social_metas if text}
    for text, element in h1s[:1]:
        if norm(text) in social and norm(text) != norm(jsonld):
            return text, element
    return None


_KICKER_COLON = re.compile(r"^(.{1,60}?)[:：]\s+(?=\S)")


_GLUE_MARKS = ("-", "–", "—", "|", "_", "·", "•", "»", ":", "/", "ㅣ", "｜", "：")


def _without_affix_shown_by(text: str, others: list[str]) -> str:
    """The text without an affix glued to its end that another declared title leaves off
    ("Headline-정치" beside a meta headline "Headline": "정치" is the section)."""
    for other in others:
        key = norm(other)
        if len(key.split()) >= 2 and norm(text).startswith(key + " ") and text.casefold().startswith(other.casefold()):
            if text[len(other):].lstrip().startswith(_GLUE_MARKS):
                return other
    return text


_CHROME_CLASS = re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(token) for token in tables.HEADLINE_CHROME_CLASS_TOKENS)
                           + r")(?![a-z])", re.I)


def in_page_chrome(heading) -> bool:
    """True when an <h1> sits in the breadcrumb or navigation: a label for search engines,
    while the article shows its headline in a heading of its own."""
    for element in [heading, *list(heading.iterancestors())[:8]]:
        if element.tag == "nav" or _CHROME_CLASS.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
    return False


def _article_heading_against_seo_pair(tree, h1_elements, jsonld: str, cleaned_title: str | None, social_metas):
    """The article's own heading where the h1 is a breadcrumb label: when <title> and JSON-LD
    agree on one headline and the article's heading shows the social title's (with a kicker
    before it, or the social title adding one), the shown one is the headline."""
    if not cleaned_title or norm(cleaned_title) != norm(jsonld):
        return None
    if not h1_elements or not in_page_chrome(h1_elements[0]):
        return None
    headings = tree.xpath("(//article//h2 | //main//h2)[1]")
    if not headings:
        return None
    shown = clean_text(without_kicker(headings[0]))
    shown_key = norm(shown)
    social_key = next((norm(social) for social in social_metas if social), "")
    # the shown heading or the (first) social title agreeing with JSON-LD: one headline, no pair
    if len(shown_key.split()) < 3 or shown_key == norm(jsonld) or social_key == norm(jsonld):
        return None
    for social in social_metas:
        key = norm(social)
        if not key:
            continue
        if shown_key == key or shown_key.endswith(" " + key):
            return social, headings[0]
        if key.endswith(" " + shown_key):
            return shown, headings[0]
    return None


def _common_tail_after_kickers(first: str, second: str | None) -> str | None:
    """The headline two declared titles share after different kickers ("Industriell
    Revolutioniert?: Anno 1800 Beta" and "Vorschauen: Anno 1800 Beta")."""
    if not second or ": " not in first or ": " not in second:
        return None
    head_a, tail_a = first.rsplit(": ", 1)
    head_b, tail_b = second.rsplit(": ", 1)
    if norm(tail_a) != norm(tail_b) or norm(head_a) == norm(head_b) or len(norm(tail_a).split()) < 2:
        return None
    return tail_a.strip()


def _social_without_kicker(jsonld: str, h1s, social_metas) -> str | None:
    """The social title when it is the JSON-LD headline without the kicker before its colon,
    and the h1 shows that headline with the kicker: the kicker labels the story, the social
    title says where the headline proper starts ("Neue Leipziger Schule: Judy Lybke ...")."""
    if not h1s or norm(h1s[0][0]) != norm(jsonld):
        return None
    match = _KICKER_COLON.match(jsonld)
    if not match or len(norm(match.group(1)).split()) > 6:
        return None
    rest = norm(jsonld[match.end():])
    return next((text for text in social_metas if text and norm(text) == rest), None)


def _in_article(element) -> bool:
    """True inside <article> or <main>: the article's own heading, not the page's chrome."""
    return bool(_IN_ARTICLE(element))


def _shares_words(a: str, b: str) -> bool:
    """True when two titles share two words, one of them a long one: the same story reworded."""
    shared = _words(a) & _words(b)
    return len(shared) >= 2 and any(len(word) >= 5 for word in shared)


def _without_whole_title_names(hints: list[str], title: str | None, h1s, structured: StructuredData) -> list[str]:
    """The hints without a "site name" that is the whole <title> (a misfilled og:site_name)
    where an <h1> repeats one of that title's parts: the title holds headline and name."""
    segments = {norm(segment) for segment, _ in title_segments(clean_text(title) or "")}
    if len(segments) < 2 or not any(norm(text) in segments for text, _ in h1s):
        return hints
    whole = {norm(text) for text in (title, structured.meta.get("og:title"), structured.meta.get("twitter:title")) if text}
    return [hint for hint in hints if norm(hint) not in whole]


def first_content_h2(tree):
    """The first <h2> with a few words outside navigation, hidden text and sidebars: the page's
    heading where the page has no <h1> and its <title> names only the site."""
    for element in islice(tree.iter("h2"), 12):
        if _HIDDEN_CLASS.search(element.get("class") or "") or in_page_chrome(element) or _in_side_part(element) \
                or _links_away(element):
            continue
        text = clean_text(without_kicker(element))
        if text and len(text.split()) >= 2 and len(text) < 200 and is_headline_like(text):
            return text, element
    return None


def _links_away(heading) -> bool:
    """True when a heading's words are a link: a teaser's title pointing to another page."""
    link = next(heading.iter("a"), None)
    return link is not None and norm(link.text_content()) == norm(heading.text_content())


def article_header_h2(tree, hints: list[str]):
    """The <h2> heading an article's own header ("<header class=contentHeader>", "<div
    class=page-header>") on a page without an <h1>: the headline as the page shows it. None where
    two headers show one (a listing of posts, each with its own header)."""
    found = []
    for element in islice(tree.iter("h2"), 20):
        parent = element.getparent()
        marks = f"{parent.get('class') or ''} {parent.get('id') or ''}" if parent is not None else ""
        # a <header> counts inside the article (the page's own <header> holds the site's name)
        if parent is None or not (_ARTICLE_HEADER.search(marks) or (parent.tag == "header" and _in_article(parent))):
            continue
        if _SITE_HEADER.search(marks) or in_page_chrome(element) or _links_away(element) \
                or (parent.getparent() is not None and _in_side_part(parent.getparent())):
            continue
        text = clean_text(without_kicker(element))
        if text and len(text.split()) >= 2 and len(text) < 200 and is_headline_like(text) \
                and not is_site_segment(text, hints):
            found.append((text, element))
            if len(found) > 1:
                return None
    return found[0] if found else None


_ARTICLE_HEADER = re.compile(r"(?:page|entry|article|post|content|story)[-_]?header|header[-_]?(?:page|entry|article|post|content)",
                             re.I)
_SITE_HEADER = re.compile(r"site|masthead|global|top|main[-_]?header|^header$|navbar", re.I)


_SIDE_PART = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(token) for token in tables.HEADING_SIDE_PART_TOKENS)
                        + r")(?![a-z])", re.I)


def _in_side_part(element) -> bool:
    """Inside a sidebar, widget, menu or footer (by tag or class/id), within six ancestors."""
    for ancestor in [element, *islice(element.iterancestors(), 6)]:
        if ancestor.tag in ("nav", "aside", "footer", "header") \
                or _SIDE_PART.search(f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}"):
            return True
    return False


def logo_headings(h1s, title: str | None, hints: list[str], structured: StructuredData) -> set[str]:
    """Comparison forms of the h1s that name the site, its section or motto, not the article."""
    # an h1 repeating the OpenGraph/Twitter title is the headline, even at the end of <title>
    social = {norm(structured.meta.get(key)) for key in ("og:title", "twitter:title") if structured.meta.get(key)}
    # ... or ending a declared title where <title> goes on: the headline after a kicker
    # ("Zoonosen – Wie ..." declared, "Zoonosen – Wie ... | Site" in <title>)
    declared_keys = [key for key in social | {norm(_jsonld_headline(structured))} if key]
    logos = {text for text in site_like_headings(h1s, title, hints) - social
             if norm(title).endswith(" " + text) or not any(key.endswith(" " + text) for key in declared_keys)}
    affixes = learned_affixes(title, [structured.meta.get(key) for key in ("og:title", "twitter:title")])
    logos |= {norm(text) for text, _ in h1s if is_site_name(text, hints) or norm(text) in affixes
              or (not declared_keys and _opens_with_site_segment(text, title, hints))}
    return logos


#: The article's text starts at the first paragraph this long (characters) outside the page's side parts.
ARTICLE_TEXT_MIN_LEN = 150
#: On a page of short paragraphs (wire copy of a sentence or two each), where none reaches
#: ARTICLE_TEXT_MIN_LEN, running text is two paragraphs of this length in a row.
SHORT_PARAGRAPH_MIN_LEN = 70
#: How many table cells and divs are searched for text outside <p> (old table layouts).
TEXT_BLOCKS_SEARCHED = 3000
#: How many elements before the article's text are searched for its heading.
HEADING_WINDOW = 60
#: A masthead <h1> stands this many links (a navigation) above the story's heading, which has
#: this many words at least.
MASTHEAD_MIN_LINKS = 12
MASTHEAD_HEADLINE_MIN_WORDS = 4
#: A line <title> opens with is the headline when it has this many words at least.
TITLE_LINE_MIN_WORDS = 4
#: A heading has this many words at most (a headline, not a paragraph).
HEADING_MAX_WORDS = 30
#: A box title is short and heads teasers: at least BOX_MIN_LINKS links of TEASER_MIN_WORDS words
#: or more, making BOX_LINK_SHARE of its box's text.
BOX_TITLE_MAX_WORDS = 4
BOX_MIN_LINKS = 2
TEASER_MIN_WORDS = 3
BOX_LINK_SHARE = 0.6

_HEADLINE_CLASS = re.compile(r"(?<![a-z])(?:" + "|".join(tables.HEADLINE_CLASS_TOKENS) + r")(?![a-z])", re.I)
#: A class word glued from a story word and a headline word, as older templates name the
#: headline ("storyheadline", "mainheadline", "arttitle", "newsheadline"): camelCase ones
#: ("storyHeadline") split into words and are found by _HEADLINE_CLASS.
_GLUED_HEADLINE_WORD = re.compile(
    r"(?<![a-z])(?:" + "|".join(tables.HEADLINE_CLASS_PREFIXES) + r")[-_]?(?:headline|title|hdline|hed)\d?(?![a-z])")
_EMPHASIS_TAGS = ("b", "strong", "font", "big")
_BLOCKS_WITH_TEXT = ("p", "td", "div", "font")


def article_text_start(tree, min_len: int = ARTICLE_TEXT_MIN_LEN):
    """The first paragraph of running text outside the page's side parts: where an old page's
    article starts. A <p>, else a table cell or div holding the text itself (between <br>s)."""
    for element in tree.iter("p"):
        if len(element.text_content()) >= min_len and not _links_most(element) and not _in_side_part(element):
            return element
    for element in islice(tree.iter(*_BLOCKS_WITH_TEXT[1:]), TEXT_BLOCKS_SEARCHED):
        own = len((element.text or "").strip()) + sum(len((child.tail or "").strip()) for child in element)
        if own >= min_len and not _in_side_part(element):
            return element
    return _short_paragraphs_start(tree)


def _short_paragraphs_start(tree):
    """The first of two running-text paragraphs in a row, each SHORT_PARAGRAPH_MIN_LEN long."""
    for element in tree.iter("p"):
        following = element.getnext()
        if following is not None and following.tag == "p" and _is_short_paragraph(element) \
                and _is_short_paragraph(following) and not _in_side_part(element):
            return element
    return None


def _is_short_paragraph(element) -> bool:
    return len(element.text_content().strip()) >= SHORT_PARAGRAPH_MIN_LEN and not _links_most(element)


def _links_most(element) -> bool:
    total = len(element.text_content())
    linked = sum(len(link.text_content()) for link in element.iter("a"))
    return total > 0 and linked >= BOX_LINK_SHARE * total


def is_box_title(heading, text: str) -> bool:
    """A section or box title ("Latest News", "HOT JOBS", "National News"): a boilerplate
    heading by its words, or a short heading over a list of teasers (links of several words
    making most of its box's text; a share bar's or menu's one-word links do not count)."""
    from .boilerplate import heading_label  # the body's table of box headings, many languages
    if len(text.split()) > BOX_TITLE_MAX_WORDS:
        return False
    if heading_label(text, exact=True) is not None:
        return True
    box = heading.getparent()
    if box is None or box.tag in ("body", "html"):
        return False
    own = set(heading.iter("a"))  # the heading's own link is no teaser
    teaser_lengths = []  # each link's text read once
    for link in box.iter("a"):
        if link not in own:
            text = link.text_content()
            if len(text.split()) >= TEASER_MIN_WORDS:
                teaser_lengths.append(len(text))
    if len(teaser_lengths) < BOX_MIN_LINKS:
        return False
    rest = len(box.text_content()) - len(heading.text_content())
    return rest > 0 and sum(teaser_lengths) >= BOX_LINK_SHARE * rest


_HEADLINE_WORDS = frozenset(tables.HEADLINE_CLASS_TOKENS)


def _names_headline(names: str) -> bool:
    """True when a class/id value names a headline in one of the glued forms, or camelCase
    ("storyHeadline", "articleTitle") whose words hold a headline word."""
    if not names.strip():
        return False
    if names != names.lower():
        words = split_class_words(names)
        if any(word in _HEADLINE_WORDS and (i == 0 or words[i - 1] != "sub") for i, word in enumerate(words)):
            return True
    return _GLUED_HEADLINE_WORD.search(names.lower()) is not None


def _is_heading_element(element) -> bool:
    tag = element.tag
    if tag in ("h1", "h2", "h3", "h4"):
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    if _HEADLINE_CLASS.search(names) or _names_headline(names):
        return True
    # a bold line standing alone: "<font size=+2><b>Headline</b></font>" over an old page's text
    if tag in _EMPHASIS_TAGS:
        parent = element.getparent()
        return parent is not None and not (parent.text or "").strip() and not (element.tail or "").strip() \
            and (tag != "font" or (element.get("size") or "").lstrip("+").isdigit() or bool(element.get("class")))
    return False


def heading_nearest_text(tree, hints: list[str], title: str | None = None):
    """The page's own heading nearest before the article's text: (text, element) or None.

    A heading is an h1-h4, an element whose class says headline/title, a bold line standing
    alone, or a line that <title> opens with (`title`: "Headline-India-The Times of India" over
    a <span class="arttle">); it is text of two to HEADING_MAX_WORDS words, not the site's name,
    not a box title and not a byline."""
    start = article_text_start(tree)
    if start is None:
        return None
    title_key = norm(title) if title else ""
    for element in islice(chain(_before_own_text(start), preceding_elements(start)), HEADING_WINDOW):
        if in_page_chrome(element):
            continue
        if not _is_heading_element(element) and not (title_key and _opens_title(element, title_key)):
            continue
        text = clean_text(without_kicker(element))
        if not text or not 2 <= len(text.split()) <= HEADING_MAX_WORDS or not is_headline_like(text):
            continue
        if is_site_segment(text, hints) or _BYLINE_LINE.match(text) or after_leading_date(text) == "" \
                or is_box_title(element, text):
            continue
        return text, element
    return None


def _before_own_text(block) -> list:
    """A cell or div holding the text itself (between <br>s): the elements inside it before any
    of that text, nearest first, where its heading stands ("<td><b>Headline</b><br><br>Text...").
    A paragraph's own elements are its words, never its heading."""
    if block.tag == "p" or (block.text or "").strip():
        return []
    before = []
    for child in block:
        if (child.tail or "").strip():
            break
        before.append(child)
        if len(before) > HEADING_WINDOW:
            return []
    else:
        return []
    return [element for child in reversed(before) for element in reversed(list(child.iter(etree.Element)))]


def _opens_title(element, title_key: str) -> bool:
    """True when a line's text (no blocks inside, a few words) is what <title> opens with,
    before the rest of the title's words."""
    if holds_blocks(element):
        return False
    key = norm(element.text_content())
    return len(key.split()) >= TITLE_LINE_MIN_WORDS and len(key) < len(title_key) and title_key.startswith(key + " ")


_BYLINE_LINE = re.compile(r"^(?:" + "|".join(re.escape(word) for word in tables.BYLINE_OPENERS) + r")\s+\S", re.I)


class _HeadlinePage:
    """What the headline rules compare on one page, learned once: the site's names, the <h1>s
    that are not logos, the declared titles (JSON-LD, meta, <title>) with site affixes cut."""

    def __init__(self, tree, structured: StructuredData, url: str | None, site_name: str | None):
        self.tree, self.structured, self.url = tree, structured, url
        hints = site_name_hints(structured, url, site_name)
        self.title = title = structured.title
        self.h1_elements = list(tree.iter("h1"))  # a tag-filtered walk in C, several times faster than //h1
        h1s = heading_texts(tree, self.h1_elements)
        self.any_h1 = bool(h1s)
        hints = _without_whole_title_names(hints, title, h1s, structured)
        logos = logo_headings(h1s, title, hints, structured)
        # an h1 that is a link to the site's front page is its logo ("<h1><a href="/">Site</a></h1>")
        logos |= {norm(text) for text, element in h1s if _links_home(element, url)}
        # a logo h1 names the site, and so does each of its parts ("Salsa-Figuren - Rueda in Berlin")
        hints += [name for text, _ in h1s if norm(text) in logos for name in [text, *split_title(text)]]
        self.hints = hints
        self.named_h1s = [(text, element) for text, element in h1s if norm(text) not in logos]
        # a section's or box's title in an <h1> ("National News" over teasers, or over the story
        # a page files under it) is no candidate
        self.h1s = h1s = [(text, element) for text, element in self.named_h1s
                          if is_headline_like(text) and not is_box_title(element, text)
                          and not _is_section_name(text, min_words=2)]
        # the page's hints are final here; og:title and twitter:title are stripped twice below and
        # often repeat <title> or each other: each text once
        self._stripped: dict[str | None, str | None] = {}
        strip = self._strip
        jsonld = strip(_jsonld_headline(structured))
        jsonld = jsonld if is_headline_like(jsonld) else None
        page_agrees = bool(title) and _agrees_with_any(title, [text for text, _ in h1s])
        if jsonld and page_agrees and len(jsonld.split()) <= 4 and not _agrees_with_any(
                jsonld, [title, *(text for text, _ in h1s), *(structured.meta.get(key) for key in tables.HEADLINE_META_KEYS)]):
            # "Wikimedia list article": a short type label sharing nothing with a page whose <title>
            # and h1 agree with each other
            jsonld = None
        self.jsonld = jsonld
        self.social_metas = [strip(structured.meta.get(key)) for key in ("og:title", "twitter:title")]
        cleaned_title = strip(title)
        self.cleaned_title = cleaned_title if is_headline_like(cleaned_title) else None

    def _strip(self, text: str | None) -> str | None:
        """strip_site_affixes with the page's hints, each text once."""
        if text not in self._stripped:
            self._stripped[text] = strip_site_affixes(text, self.hints)
        return self._stripped[text]

    # The fields below are read only by the rules after "json-ld" (and by a few before it, on
    # some pages): on most pages the JSON-LD headline answers first, so they are worked out only
    # when a rule asks (a third of the page's headline cost when all were made up front).

    @cached_property
    def metas(self) -> list[str]:
        """The meta titles (og:title, twitter:title, ...) with site affixes cut, without the
        site's name, section labels and short titles sharing nothing with the page."""
        structured, hints, strip = self.structured, self.hints, self._strip
        metas = [strip(structured.meta.get(key)) for key in tables.HEADLINE_META_KEYS
                 if not is_site_name(structured.meta.get(key), hints)]
        metas = [text for text in metas if is_headline_like(text) and not is_site_segment(text, hints)]
        others = [text for text in [self.title, *(text for text, _ in self.h1s)] if text]
        # a short meta title sharing no word with <title> or any h1 is a section or site label
        return [text for text in metas if len(text.split()) > 2 or not others
                or any(overlaps(text, other) for other in others)]

    @cached_property
    def declared(self) -> list[str]:
        return [text for text in [self.jsonld, *self.metas, self.cleaned_title] if text]

    @cached_property
    def known(self) -> set[str]:
        structured = self.structured
        known = {norm(text) for text in self.declared}
        # an <h1> repeating a declared title whole shows that its "affix" was the headline's own
        # ("Welpen kaufen – Tipps zu jeder Hunderasse" on a site called Welpenkaufen24)
        known |= {norm(clean_text(text)) for text in [self.title, *(structured.meta.get(key) for key in tables.HEADLINE_META_KEYS)]
                  if text and len(norm(text).split()) >= 3}
        return known

    @cached_property
    def known_segments(self) -> set[str]:
        """An <h1> equal to one segment of a declared title: "Section: Headline", "Headline - Kicker"."""
        return {norm(part) for text in self.declared for part in split_title(text) if len(norm(part).split()) >= 2}

    @cached_property
    def related(self) -> list[tuple[str, object]]:
        """The h1s sharing most words with a declared title."""
        declared = self.declared
        return [(text, element) for text, element in self.h1s if any(overlaps(text, other) for other in declared)]

    def showing(self, text: str) -> HeadlineFound:
        """The headline with the <h1> that shows it (or one like it): the first h1 sharing
        most of its words, else the first related h1 (worked out only then)."""
        for candidate, element in self.h1s:
            if overlaps(candidate, text):
                return HeadlineFound(text, element)
        return HeadlineFound(text, self.related[0][1] if self.related else None)

    @cached_property
    def title_names_site(self) -> bool:
        """<title> gives no headline to check a heading against: none, the site's name, the name
        glued to a motto ("SJSUSpartans.com—Official Web Site of ..."), or a section's title.
        Asked only by the late rules, so worked out only then."""
        title, hints = self.cleaned_title, self.hints
        return not title or is_site_name(title, hints) or is_site_segment(title, hints) \
            or _opens_with_glued_site_name(clean_text(self.title) or "", hints) or _names_a_section(title, self.tree, self.url, self.structured)


def _found(pair) -> HeadlineFound | None:
    return HeadlineFound(*pair) if pair is not None else None


# ------------------------------------------------------------ rules on pages with a JSON-LD headline
# JSON-LD is the publisher's own statement and wins, unless the page shows another headline that a
# second source backs (an SEO headline in JSON-LD), or the shown h1 only differs by a kicker, an
# affix or words JSON-LD cut off.

def _h1_without_jsonld_kicker(page: _HeadlinePage):
    return _found(_shown_without_kicker(page.jsonld, page.h1s)) if page.jsonld else None


def _h1_against_seo_pair(page: _HeadlinePage):
    return _found(_shown_against_seo_pair(page.jsonld, page.cleaned_title, page.h1s, page.social_metas)) \
        if page.jsonld else None


def _article_heading_against_seo_pair_rule(page: _HeadlinePage):
    return _found(_article_heading_against_seo_pair(page.tree, page.h1_elements, page.jsonld, page.cleaned_title,
                                                    page.social_metas)) if page.jsonld else None


def _h1_without_jsonld_affix(page: _HeadlinePage):
    if not page.jsonld:
        return None
    for text, element in page.h1s[:1]:
        if any(social and norm(social) == norm(text) for social in page.social_metas) \
                and _without_affix_shown_by(page.jsonld, [text]) != page.jsonld:
            return HeadlineFound(text, element)  # JSON-LD adds an affix the h1 and social title leave off
    return None


def _social_without_jsonld_kicker(page: _HeadlinePage):
    social = _social_without_kicker(page.jsonld, page.h1s, page.social_metas) if page.jsonld else None
    return page.showing(social) if social is not None else None


def _h1_continuing_jsonld(page: _HeadlinePage):
    jsonld = page.jsonld
    if not jsonld:
        return None
    for text, element in page.h1s[:1]:
        # the h1 goes on where JSON-LD stops, in one run of text (not a subtitle element)
        if len(norm(jsonld).split()) >= 3 and _goes_on(jsonld, text) and not any(
                isinstance(child.tag, str) and child.tag != "br" for child in element):
            return HeadlineFound(text, element)
    return None


def _meta_extending_jsonld(page: _HeadlinePage):
    """JSON-LD headlines are often cut at 110 characters: a meta title that extends it wins."""
    jsonld, best = page.jsonld, None
    if jsonld and (jsonld.endswith(("…", "...")) or len(jsonld) >= 100):
        stem = norm(jsonld.rstrip(".… "))
        for text in page.declared:
            if len(norm(text)) > len(stem) and norm(text).startswith(stem):
                best = text
    return page.showing(best) if best else None


# ------------------------------------------------------------ rules on pages without one

def _heading_below_masthead(page: _HeadlinePage):
    """The heading over the text when the page's one <h1> is its masthead: the h1 is the whole
    <title> (no segment beside it, nothing else declared), and a navigation's worth of links
    stands between it and the text ("The Independent on Saturday" over a menu, the story's
    heading below)."""
    if page.jsonld or len(page.h1s) != 1 or not page.title or any(page.social_metas):
        return None
    text, element = page.h1s[0]
    if norm(text) != norm(page.title) or len(split_title(page.title)) > 1:
        return None
    found = heading_nearest_text(page.tree, page.hints)
    if found is None or found[1] is element or len(found[0].split()) < MASTHEAD_HEADLINE_MIN_WORDS \
            or overlaps(found[0], text):
        return None
    heading = found[1]
    between = sum(1 for node in takewhile(lambda node: node is not heading, following_elements(element))
                  if node.tag == "a")
    return HeadlineFound(*found) if between >= MASTHEAD_MIN_LINKS else None


def _h1_declared(page: _HeadlinePage):
    for text, element in page.h1s:
        if norm(text) in page.known or norm(text) in page.known_segments:
            return HeadlineFound(text, element)
        if "\xad" in text:
            # the h1 hyphenated for narrow screens ("Mes\xadsen\xadger"): the declared spelling
            plain = next((other for other in page.declared if norm(other) == norm(text.replace("\xad", ""))), None)
            if plain is not None:
                return HeadlineFound(plain, element)
    return None


def _h1_in_article_reworded(page: _HeadlinePage):
    if page.related:
        return None
    return _found(next(((text, element) for text, element in page.h1s[:1] if _in_article(element)
                        and len(norm(text).split()) >= 3 and any(_shares_words(text, other) for other in page.declared)),
                       None))


def _title_extending_meta(page: _HeadlinePage):
    if page.metas and page.cleaned_title and _cut_short(page.metas[0], page.cleaned_title):
        return page.showing(page.cleaned_title)
    return None


def _meta_common_tail(page: _HeadlinePage):
    common = _common_tail_after_kickers(page.metas[0], page.cleaned_title) if page.metas else None
    return page.showing(common) if common is not None else None


def _meta_headline(page: _HeadlinePage) -> str | None:
    return _without_affix_shown_by(page.metas[0], page.metas[1:]) if page.metas else None


def _h1_variant_of_meta(page: _HeadlinePage):
    declared = _meta_headline(page)
    return _shown_variant(declared, page.related) if declared else None


def _meta_title(page: _HeadlinePage):
    declared = _meta_headline(page)
    return page.showing(declared) if declared else None


def _title_without_h1_kicker(page: _HeadlinePage):
    if page.related and page.cleaned_title and _ends_with_words(page.related[0][0], page.cleaned_title):
        return HeadlineFound(page.cleaned_title, page.related[0][1])  # the h1 adds a kicker to the title
    return None


def _h1_agrees_with_title(page: _HeadlinePage):
    return HeadlineFound(*page.related[0]) if page.related else None


def _heading_nearest_body(page: _HeadlinePage):
    found = heading_nearest_text(page.tree, page.hints, page.title)
    if found is None:
        return None
    text, element = found
    title = page.cleaned_title
    if title and overlaps(text, title):
        kicker = _KICKER_COLON.match(title)
        if kicker and norm(title[kicker.end():]) == norm(text) and not is_site_segment(kicker.group(1), page.hints) \
                and not _is_section_name(kicker.group(1)) and not _spaced_separator(kicker.group(1), page.structured):
            return HeadlineFound(title, element)  # <title> keeps the kicker the heading leaves off
        return HeadlineFound(text, element)
    if element.tag != "h1" and _first_not_box_title(page.h1s) is not None:
        return None  # a subheading nearer the text than the page's <h1>: the h1 rules below decide
    return HeadlineFound(text, element) if page.title_names_site else None


def _h1_beside_site_title(page: _HeadlinePage):
    if page.h1s and page.cleaned_title and (is_site_name(page.cleaned_title, page.hints)
                                            or is_site_name(page.title, page.hints)):
        return _first_not_box_title(page.h1s)  # the <title> only names the site
    return None


def _names_a_section(title: str, tree, url: str | None = None, structured: StructuredData | None = None) -> bool:
    """True when <title> (its affixes cut) is a section's or box's title: the section the page
    declares (article:section) or files itself under in its URL path ("BBC NEWS | Business" on
    /2/hi/business/...), a boilerplate heading ("Latest News"), or the title of a box of teasers
    on the page ("National News")."""
    from .boilerplate import heading_label
    title = _without_trailing_date(title)  # "Top Stories; January 05, 2008": the section of that day
    if len(title.split()) > BOX_TITLE_MAX_WORDS:
        return False
    key = norm(title)
    declared = structured.meta.get("article:section") if structured is not None else None
    if key == norm(declared) or key in {norm(segment) for segment in _url_path(url).split("/")}:
        return True
    if heading_label(title, exact=True) is not None:
        return True
    if _is_section_name(title, min_words=2):
        return True  # "National News", "Top Stories": a section's name (one word may be a headline)
    return any(norm(element.text_content()) == key and is_box_title(element, title)
               for element in islice(tree.iter("h1", "h2", "h3", "h4"), 20))


def _url_path(url: str | None) -> str:
    """The path of the page's URL ("" for none, or one urllib cannot read)."""
    try:
        return urlsplit(url or "").path
    except ValueError:
        return ""


def _spaced_separator(before_colon: str, structured: StructuredData) -> bool:
    """A colon with a space before it separates title segments ("Eintracht Presse : Headline",
    "The Hindu : National : Headline"), except in French, where every colon has one."""
    lang = (structured.html_lang or "").lower()
    return before_colon.endswith(" ") and not lang.startswith("fr")


def _is_section_name(text: str, min_words: int = 1) -> bool:
    """Words of a section's name only, min_words or more: "National", "Top Stories", "Local Sports"."""
    words = norm(text).split()
    return len(words) >= min_words and all(word in tables.SECTION_NAME_WORDS for word in words)


def _without_trailing_date(title: str) -> str:
    """The title without a full date closing it ("DAWN - Top Stories; January 05, 2008")."""
    dates = find_text_dates(title)
    if dates:
        at = title.rfind(dates[-1])
        if at > 0 and not title[at + len(dates[-1]):].strip():
            return title[:at].rstrip(" ;,|–—-")
    return title


def _links_home(heading, url: str | None) -> bool:
    """True when the heading's words are one link to the front page of its site."""
    link = next(heading.iter("a"), None)
    if link is None or norm(link.text_content()) != norm(heading.text_content()):
        return False
    href = (link.get("href") or "").strip()
    target = join_url(url, href) if href else None
    if target is None:
        return False
    parts, home = urlsplit(target), host_of(url)
    return parts.path in ("", "/") and not parts.query and (not home or without_www(host_of(target)) == without_www(home))


def _first_not_box_title(headings) -> HeadlineFound | None:
    """The first heading that is not a section or box title ("National News" over teasers)."""
    return next((HeadlineFound(text, element) for text, element in headings if not is_box_title(element, text)), None)


def _h2_beside_site_title(page: _HeadlinePage):
    if not page.any_h1 and page.cleaned_title and is_site_segment(page.cleaned_title, page.hints):
        return _found(first_content_h2(page.tree))  # the site's name as <title>, the page's own heading below
    return None


def _h2_article_header(page: _HeadlinePage):
    if page.any_h1:
        return None
    heading = article_header_h2(page.tree, page.hints)
    # one repeating <title> whole adds nothing: the title's affixes are cut below
    if heading is not None and norm(heading[0]) != norm(page.title):
        return HeadlineFound(*heading)  # the page's heading, where no h1 and no declared title show it
    return None


def _title_longest_segment(page: _HeadlinePage):
    if not page.cleaned_title:
        return None
    parts = split_title(page.cleaned_title, keep_kickers=True)
    if len(parts) > 1:
        longest = max(parts, key=len)
        if len(longest.split()) >= 4 and len(longest) > 0.6 * len(page.cleaned_title) - 10:
            return HeadlineFound(longest, None)
    return None


HEADLINE = Cascade("headline", [
    Rule("h1-page-name", "an <h1> giving a generic page name (\"Über uns\") that og:title gives too",
         "two sources agree the page is about that name: not a label to look past",
         lambda page: _found(_agreed_page_name(page.named_h1s, page.structured))),
    Rule("h1-without-json-ld-kicker", "the <h1> when the JSON-LD headline is it with a kicker in front",
         "the kicker labels the story; the shown h1 is the headline proper",
         _h1_without_jsonld_kicker),
    Rule("h1-against-seo-pair", "the <h1> when h1 and og:title agree against <title> and JSON-LD",
         "two shown/social sources against two written for search engines", _h1_against_seo_pair),
    Rule("article-heading-against-seo-pair", "the article's <h2> when the h1 is a breadcrumb label",
         "as above, for pages whose h1 sits in the navigation", _article_heading_against_seo_pair_rule),
    Rule("h1-without-json-ld-affix", "the <h1> when it and og:title leave off an affix JSON-LD adds",
         "two sources against one", _h1_without_jsonld_affix),
    Rule("og:title-without-kicker", "og:title when it is JSON-LD's headline without the kicker before its colon",
         "the social title says where the headline proper starts", _social_without_jsonld_kicker),
    Rule("h1-continuing-json-ld", "the <h1> when it goes on in one run where JSON-LD stops",
         "JSON-LD headlines are cut for length; the shown one is whole", _h1_continuing_jsonld),
    Rule("meta-extending-json-ld", "a meta title extending a JSON-LD headline cut at ~110 characters",
         "the same headline, uncut", _meta_extending_jsonld),
    Rule("json-ld", "the JSON-LD article's headline (name), site affixes cut",
         "the publisher's own statement: wins over every rule below", lambda page: page.showing(page.jsonld)
         if page.jsonld else None),
    Rule("heading-below-masthead", "the heading nearest the text when the only <h1> is the whole <title> "
                                   "and a navigation's links stand between them",
         "a masthead in an <h1>, as older papers set it: the title names the paper, not the story",
         _heading_below_masthead),
    Rule("h1-declared", "an <h1> equal to a declared title (og:title, meta, <title>) or one of its segments",
         "shown and declared agree: the headline as the page shows it", _h1_declared),
    Rule("h1-in-article-reworded", "the first <h1> inside <article>/<main> sharing words with a declared title",
         "a reworded headline, tied to the article by the markup", _h1_in_article_reworded),
    Rule("title-extending-meta", "<title> when it goes on where the meta title stops mid-sentence",
         "an unescaped quote cut the meta attribute short", _title_extending_meta),
    Rule("meta-common-tail", "the headline two declared titles share after different kickers",
         "what both agree on", _meta_common_tail),
    Rule("h1-variant-of-meta", "the <h1> showing part or an edited variant of the meta title",
         "the meta title vouches for it; the page shows it that way", _h1_variant_of_meta),
    Rule("meta-title", "og:title / twitter:title / meta title, site affixes cut",
         "declared for sharing: the headline as the publisher words it", _meta_title),
    Rule("title-without-h1-kicker", "<title> when an <h1> agreeing with it adds a kicker in front",
         "the kicker is a label, the title the headline", _title_without_h1_kicker),
    Rule("h1-agrees-with-title", "the first <h1> sharing words with <title>",
         "the page's own heading, checked against <title>", _h1_agrees_with_title),
    Rule("heading-nearest-body", "the page's own heading nearest before the article's first paragraph "
                                 "(h1-h4, a headline class, a bold line alone), not a box title or the site's name",
         "an older page's headline, where nothing declares one: taken when it agrees with <title> (<title>'s "
         "kicker kept) or <title> only names the site", _heading_nearest_body),
    Rule("h1-beside-site-title", "the first <h1> when <title> only names the site",
         "nothing declared to check it against, but nothing better either", _h1_beside_site_title),
    Rule("h2-beside-site-title", "the first content <h2> on a page with no <h1> whose <title> names the site",
         "the page's heading where the page has no h1", _h2_beside_site_title),
    Rule("h2-article-header", "the <h2> in an article header (class page-header, entry-header ...) without an <h1>",
         "the heading as the article shows it", _h2_article_header),
    Rule("title-longest-segment", "the longest segment of <title> when the rest are labels",
         "an unknown affix is shorter than the headline it decorates", _title_longest_segment),
    Rule("title", "<title> with the site's affixes cut", "always there, often decorated",
         lambda page: HeadlineFound(page.cleaned_title, None) if page.cleaned_title else None),
    Rule("h1-only", "the first <h1> that is not a box title, related to nothing declared",
         "a logo or section name as often as not: last", lambda page: _first_not_box_title(page.h1s)),
])


def read_headline(tree, structured: StructuredData, *, url: str | None = None,
                  site_name: str | None = None) -> HeadlineFound:
    """Reconcile the headline candidates into the article's own headline.

    Site names, sections and taglines are first learned by comparing <title>, the social titles,
    the site's declared names and the h1s (logo h1s are set aside); then the HEADLINE rules run
    in order and the first that answers gives the headline and its source.
    """
    page = _HeadlinePage(tree, structured, url, site_name)
    answer = HEADLINE.first(page)
    if answer.value is None:
        return HeadlineFound(None, None)
    found = answer.value
    found.source = answer.rule
    return found
