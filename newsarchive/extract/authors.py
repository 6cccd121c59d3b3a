"""Authors: JSON-LD, meta, microdata, rel=author and visible bylines, cleaned to plain names.

Each source gives candidates marked person or organisation; the first source that names a
person wins, and organisations (the site, an agency) are used only when no person is named.
Sources run cheapest and surest first: declared data (JSON-LD, meta, microdata), byline markup,
byline lines near the headline; then, only on pages still without a person, whole-page
fallbacks: Chinese reporter credits, signatures closing the text, labelled bylines anywhere,
the blog's own comment marker, member profile links, and a credited source ("Quelle: X").
"""
from __future__ import annotations

import functools
import re
import threading
from bisect import bisect_right
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import accumulate, chain, islice

from lxml import etree

from ..hosts import host_of, site_labels
from . import meta_tables as tables
from .cascade import Answer, Cascade, Rule
from .dates import find_text_dates
from .dom import following_elements, preceding_elements
from .headline import url_domain_labels
from .structured import StructuredData, itemprop_value, json_loads, type_names
from .text import BytesSearch, alternatives, paragraphs_of

_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URL = re.compile(r"https?://\S+|www\.\S+")
_DIGITS = re.compile(r"\d")
_DATE_TAIL = re.compile(r"\b(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}"
                        r"|(?:" + "|".join(tables.WEEKDAYS) + r")\b"
                        r"|(?:" + "|".join(sorted(tables.MONTHS, key=len, reverse=True)) + r")\.?\s+\d{1,2}\b"
                        r"|\d{1,2}\.?\s+(?:" + "|".join(sorted(tables.MONTHS, key=len, reverse=True)) + r")\b).*$", re.I)
_PREFIX = re.compile(
    r"^\s*(?:" + "|".join(sorted((re.escape(p) for p in tables.BYLINE_PREFIXES + tables.AUTHOR_LEAD_PHRASES),
                                 key=len, reverse=True))
    + r")(?:\s*[:：]\s*|\s+)", re.I)
# a date (and time) opening a byline line: "11.12.2019 - Jane Doe", "06.11.2023 13:30 von Olga"
_LEADING_DATE = re.compile(r"^\s*(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})(?:,?\s*\d{1,2}[:.]\d{2}(?:\s*uhr)?)?"
                           r"\s*[-–—|,·•/]?\s*", re.I)
# "Veröffentlicht am 8. Februar 2022 von PETA-Team": the name follows the last "von"/"by"
_NAME_AFTER = re.compile(r"(?:^|\s)(?:" + "|".join(tables.BYLINE_NAME_WORDS) + r")\s+(?=[^\W\d_])", re.I)
_REJECT = re.compile(r"(?:^|\W)(?:" + "|".join(re.escape(w) for w in tables.AUTHOR_REJECT_WORDS) + r")(?:\W|$)", re.I)
# "Peter Maahn/SP-X": an agency code glued to a full name with a slash
_AGENCY_CODE_TAIL = re.compile(r"(?<=\s\w)(\w*)/[A-Z][A-Za-z-]{0,6}$")
_IMAGE_WORDS = re.compile(r"\b(?:" + "|".join(tables.AUTHOR_IMAGE_WORDS) + r")\b", re.I)
_TRAILING_IMAGE_WORD = re.compile(r"\s+(?:" + "|".join(tables.AUTHOR_IMAGE_WORDS) + r")$", re.I)
_GLUED_FIELD = re.compile(r"\s+[^\W\d_][\w-]*\s*:\s.*$")
_DASH_TAIL = re.compile(r"\s[-–—]\s(.+)$")
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]?")
_TRAILING_CONNECTOR = re.compile(r"(?:\s+(?:" + "|".join(re.escape(w) for w in tables.BYLINE_TRAILING_WORDS) + r"))+$", re.I)
_ROLE = re.compile(r"\b(?:" + "|".join(sorted((re.escape(r) for r in tables.AUTHOR_ROLE_WORDS), key=len, reverse=True))
                   + r")\b", re.I)
_SPLIT = re.compile("|".join(re.escape(c) for c in sorted(set(tables.AUTHOR_CONNECTORS), key=len, reverse=True))
                    + r"|,|;|\s/\s|\|", re.I)
_AGENCIES = {name.casefold() for name in tables.AGENCY_NAMES}
_TRAILING_WORDS = frozenset(word.casefold() for word in tables.BYLINE_TRAILING_WORDS)
_DETERMINERS = frozenset(tables.AUTHOR_DETERMINER_WORDS)
_ORG_TYPES = {"organization", "newsmediaorganization", "corporation", "organisation", "brand", "website"}


@dataclass
class AuthorName:
    name: str
    is_person: bool = True
    marked: bool = False
    """Named as the author by a label or the platform ("记者 X", WordPress' bypostauthor), so
    a name even when its form proves nothing (a CJK name, a first name alone)."""


def clean_author(text: str) -> str | None:
    """One name from one author string: prefix, handles, emails, dates and roles removed."""
    if not text:
        return None
    text = " ".join(text.replace("\u00a0", " ").split())
    text = text.lstrip("© ")  # "© Kathrin Führes": the author credited as the rights holder
    text = _URL.sub(" ", text)
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    text = _DATE_TAIL.sub("", text)
    for _ in range(2):
        text = _PREFIX.sub("", text)
    text = _LEADING_REPORTER_WORD.sub("", text)  # "记者王敬照": the word "reporter" glued to the name
    if _REJECT.search(text):
        return None
    text = _PARENTHESES.sub(" ", text)
    tail = _DASH_TAIL.search(text)
    if tail and (names_organisation(tail.group(1), set()) or names_organisation(tail.group(1).title(), set())
                 or _ROLE.search(tail.group(1)) or tail.group(1).strip() in tables.DATELINE_KNOWN_PLACES):
        text = text[: tail.start()]  # "Kiran C Nair - Chrome Safe Browsing team", "Jane Doe - Berlin"
    glued = _GLUED_FIELD.search(text)
    if glued and len(text[: glued.start()].split()) >= 2:
        text = text[: glued.start()]  # "Marcel Sommer Sendung: hr-INFO": the next labelled field glued on
    text = _TRAILING_IMAGE_WORD.sub("", text)  # "Martin Haase Icon": the alt text of the author's picture
    text = _AGENCY_CODE_TAIL.sub(r"\1", text)
    text = _TRAILING_CONNECTOR.sub("", text.strip())
    text = text.strip(" ,;:-–—|·•()[]\"'→←»«›‹>")  # "Jane Doe →": a link's arrow
    if not text:
        return None
    # "Staff Writer Jane Doe": drop role words, unless they are the name ("Rasender Reporter")
    without_roles = " ".join(_ROLE.sub(" ", text).split()).strip(" ,;:-–—|·•()[]\"'")
    pseudonym = len(without_roles.split()) == 1 and len(text.split()) == 2 and "," not in text \
        and not _CJK_NAME.match(without_roles)
    if not pseudonym and without_roles != text and without_roles.split() and (
            without_roles.split()[0].casefold() in _AGENCIES or without_roles.split()[0].casefold() in _DETERMINERS):
        return None  # "AP National Political Writer", "Our Foreign Staff": a desk's job title, no name
    text = text if pseudonym else without_roles
    if not text or text.casefold() in tables.NOT_AUTHORS or "admin" in text.casefold():
        return None
    if text.endswith(".") and len(text.split()) >= 2 and len(text.split()[-1]) > 4:
        text = text[:-1]  # "Patrick ANGEVIN.": a sentence's period, not an initial's or "Jr."
    if not text[0].isalnum() or text.casefold() in _TRAILING_WORDS:
        return None  # ".push", "{ \"@type\"": script text; "am" left of "von am 20.06.2018": no name
    words = text.split()
    if len(words) > 1 and words[0][0].islower() and words[0].lower() not in tables.NAME_PARTICLES \
            and not _DOMAIN_NAME.search(words[0]):
        return None  # "deinen Hochzeitsbloggern": a phrase, not a name ("auto-motor.at Redaktion" is a desk)
    # "freeman1984" is a handle; "L_104485" is an id
    handle = " " not in text and text[:1].isalpha() and len(text) >= 4 and len(_DIGITS.findall(text)) * 2 < len(text)
    if _DIGITS.search(text) and not _is_agency(text) and not handle:
        return None
    if len(text) > 60 or len(text.split()) > 6 or not re.search(r"[^\W\d_]", text):
        return None
    return text


def _is_agency(text: str) -> bool:
    return text.casefold() in _AGENCIES


def _after_date_or_stamp(text: str) -> str:
    """The part after "von"/"by" when a date or "published" stands before it."""
    matches = list(_NAME_AFTER.finditer(text))
    if not matches:
        return text
    last = matches[-1]
    before = text[: last.start()]
    if before and (_DIGITS.search(before) or _REJECT.search(before)):
        return text[last.end():]
    return text


# "By TPN, in News, Portugal, Business": the sections the story is filed in follow the name
_SECTIONS_AFTER = re.compile(r",\s+(?:" + "|".join(tables.FILED_IN_WORDS) + r")\s+(?=[^\W\d_])")


def split_authors(text: str) -> list[str]:
    """Several names in one string ("A and B", "A, B & C", "Von A und B") as cleaned names."""
    return list(_split_authors(text)) if text else []


@functools.lru_cache(maxsize=4096)
def _split_authors(text: str) -> tuple[str, ...]:
    # cached by the string: some twenty regular expressions a name, and the same author
    # strings come again (a page's JSON-LD and meta, a site's other pages; 40% of the calls
    # over the eval pages)
    text = _LEADING_DATE.sub("", " ".join(text.split()))
    text = _after_date_or_stamp(text)
    chinese_label = bool(_CHINESE_LABEL.match(text))
    text = _PREFIX.sub("", text)
    text = _SECTIONS_AFTER.split(text, maxsplit=1)[0]
    # "Doe, Jane" is one name written backwards, not two
    pieces = _SPLIT.split(text)
    if any(len(piece.strip()) <= 1 for piece in pieces) and not chinese_label:
        pieces = [text]  # "Mac & i": one name with a connector in it, not a name and a letter
    parts = [name for part in pieces
             for name in (_spaced_han_names(part) if chinese_label else _dash_joined_names(part))]
    names = []
    for at, part in enumerate(parts):
        if at and tables.ROLE_LINE_PATTERN.match(part.strip()):
            continue  # "Bob Smith, Gazette Staff Writer": the name's role, the paper's name in it
        name = clean_author(part)
        if name and name not in names:
            names.append(name)
    return tuple(names)


_SPACED_HAN_NAMES = re.compile(r"^\s*[\u4e00-\u9fff]{2,4}(?:[ \u3000]+[\u4e00-\u9fff]{2,4})+\s*$")


# Simplified-Chinese labels ("作者：", "记者"): Japanese writes "大渡 美咲" with a space inside one name
_CHINESE_LABEL = re.compile(r"^\s*(?:" + "|".join(tables.CHINESE_BYLINE_LABELS) + r")")


def _dash_joined_names(part: str) -> list[str]:
    """"Matthias Hille - Lukas Balbach": two full names joined by a dash are two people."""
    halves = [half.strip() for half in re.split(r"\s[-–—]\s", part)]
    if len(halves) > 1 and all(looks_like_full_name(half) for half in halves):
        return halves
    return [part]


def _spaced_han_names(part: str) -> list[str]:
    """Chinese names are written without spaces, so "作者：宋怡 杨志华" names two people."""
    return part.split() if _SPACED_HAN_NAMES.match(part) else [part]


_PAGE_TYPES = frozenset(kind.lower() for kind in tables.AUTHORED_WORK_TYPES)


def authored_object(structured: StructuredData) -> dict | None:
    """The article object, else a WebPage naming an author (Yoast graphs without an Article) or
    another authored work that is the page's subject (a Recipe, a Review)."""
    if structured.article:
        return structured.article
    for obj in structured.json_ld:
        if {kind.lower() for kind in type_names(obj)} & _PAGE_TYPES and (obj.get("author") or obj.get("creator")):
            return obj
    return None


def _completed_from_description(name: str, description) -> str:
    """A first name alone ("Nils") completed by the Person's description opening with the
    full name ("Nils Pickert ist freier Autor...")."""
    if " " in name or not name or not isinstance(description, str):
        return name
    match = re.match(re.escape(name) + r"\s+([^\W\d_][\w'’-]+)", description.strip())
    if match and match.group(1)[0].isupper() and match.group(1).lower() not in _SENTENCE_WORDS:
        return f"{name} {match.group(1)}"
    return name


def _json_object(text: str):
    try:
        value = json_loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def jsonld_authors(structured: StructuredData) -> list[AuthorName]:
    article = authored_object(structured)
    if not article:
        return []
    value = article.get("author") or article.get("creator")
    by_id = {obj["@id"]: obj for obj in structured.json_ld if isinstance(obj.get("@id"), str)}
    found: list[AuthorName] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict) and "name" not in item and item.get("@id") in by_id:
            item = by_id[item["@id"]]  # a reference to a Person elsewhere in the @graph
        if isinstance(item, str) and item.lstrip().startswith("{"):
            item = _json_object(item)  # a Person encoded twice: '{ "@type":"Person", "name":"Jane Doe" }'
        if isinstance(item, str):
            found += [AuthorName(name, not _is_agency(name)) for name in split_authors(item)]
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = name[0] if name else None
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName') or ''} {item.get('familyName') or ''}"
            if not isinstance(name, str):
                continue
            name = _completed_from_description(name.strip(), item.get("description"))
            kinds = {kind.lower() for kind in type_names(item)}
            is_person = not (kinds & _ORG_TYPES) and not _is_agency(name.strip())
            found += [AuthorName(part, is_person) for part in split_authors(name)]
    return found


def meta_authors(structured: StructuredData) -> list[AuthorName]:
    """Names of the first author meta key that gives any, from all its values (a site puts
    its own name in one <meta name=author> and the reporter's in another)."""
    # <meta itemprop="author"> inside the page's microdata (a cited paper's authors) is read
    # by itemprop_authors with its context; here it would pass for the page's own author meta
    microdata = {(element.get("content") or "").strip() for element in structured.itemprops.get("author", [])
                 if element.tag == "meta" and not element.get("name") and not element.get("property")}
    for key in tables.AUTHOR_META_KEYS:
        names: list[AuthorName] = []
        values = [value for value in structured.meta_all.get(key, []) if value not in microdata]
        # many values are a paper's reference list, not its authors: then the first only
        for value in values if len(values) <= 3 else values[:1]:
            if value.startswith(("http://", "https://", "/")):
                continue
            names += [name for name in names_in_value(value) if name.name not in [n.name for n in names]]
        if names:
            return names
    return []


def names_in_value(value: str) -> list[AuthorName]:
    """The names in one author string; when one part names an organisation ("Bayerische
    Landesanstalt für Wald und Forstwirtschaft", "hessenschau.de, Frankfurt, Germany"), the parts
    not shaped like a person's name are pieces of it (or its address), not people."""
    names = split_authors(value)
    if len(names) > 1 and any(names_organisation(name, set()) for name in names):
        names = [name for name in names if names_organisation(name, set()) or looks_like_full_name(name)
                 or _is_agency(name)]
    return [AuthorName(name, not _is_agency(name)) for name in names]


# compiled once: element.xpath(string) compiles its expression on every call
_ITEMPROP_NAME = etree.XPath(".//*[@itemprop='name']")
_TEXT_LINKS = etree.XPath(".//a[normalize-space()]")


def itemprop_authors(structured: StructuredData) -> list[AuthorName]:
    found = []
    for element in structured.itemprops.get("author", []) + structured.itemprops.get("creator", []):
        if element.tag == "meta":
            value = element.get("content")
        else:
            inner = _ITEMPROP_NAME(element)
            value = itemprop_value(inner[0]) if inner else itemprop_value(element)
            if value is None and element.get("itemscope") is not None:
                value = " ".join(element.text_content().split())
        for name in split_authors(value or ""):
            if name not in [a.name for a in found]:
                found.append(AuthorName(name, not _is_agency(name)))
    # a page marking many authors marks its teasers too: the first is the article's own
    return found[:1] if len(found) > 3 else found


def rel_author_names(tree, anchors=None) -> list[AuthorName]:
    """Names in <a rel="author"> links. anchors: the page's <a> elements with a rel attribute
    (StructuredData.rel_anchors), which spare a walk over every link."""
    found = []
    for element in tree.iter("a") if anchors is None else anchors:
        if "author" not in (element.get("rel") or "").split():
            continue
        for name in split_authors(element.text_content()):
            if name not in [a.name for a in found]:
                found.append(AuthorName(name, not _is_agency(name)))
    # many rel=author links are the bylines of teasers: keep the first, the article's own
    return found[:1] if len(found) > 3 else found


_BYLINE_TOKENS = tables.BYLINE_CLASS_TOKENS


_BYLINE_MARK = re.compile("|".join(_BYLINE_TOKENS), re.I)
# the same search on lower-cased ASCII: re.I over an alternation tests every alternative at
# every position and is several times slower; for ASCII text both find the same tokens
_BYLINE_TOKENS_LOWER = tuple(token.lower() for token in _BYLINE_TOKENS)
_BYLINE_TOKENS_BYTES = tuple(token.encode("ascii") for token in _BYLINE_TOKENS_LOWER)
_BYLINE_SKIP_TAGS = frozenset({"body", "html", "article", "main", "section", "img", "meta", "script", "style",
                               "link", "header", "footer", "form", "nav"})


_SKIP_CONTAINER = re.compile(r"(?:^|[\s_-])(?:" + "|".join(tables.AUTHOR_SKIP_CONTAINER_TOKENS) + r")s?(?:$|[\s_-])", re.I)
_COMMENT_CONTAINER = re.compile(r"(?:^|[\s_-])(?:comment|respond|reply|form)s?(?:$|[\s_-])", re.I)
_SKIP_CONTAINER_BUT_CREDITS = re.compile(
    r"(?:^|[\s_-])(?:" + "|".join(token for token in tables.AUTHOR_SKIP_CONTAINER_TOKENS
                                  if token not in tables.CREDIT_CONTAINER_TOKENS) + r")s?(?:$|[\s_-])", re.I)


# an author box at the end of the text ("author-bio footer") is the article's own
_SKIP_CONTAINER_BUT_AUTHOR_BOXES = re.compile(
    r"(?:^|[\s_-])(?:" + "|".join(token for token in tables.AUTHOR_SKIP_CONTAINER_TOKENS if token != "footer")
    + r")s?(?:$|[\s_-])", re.I)


def _headline_ancestors(tree, headline_element=None) -> frozenset:
    """The page parts holding the headline (else the first <h1>): the article's own, whatever
    their class says ("caption" over a hero image, "has-sidebar" on <body>)."""
    if headline_element is None:
        headline_element = next(tree.iter("h1"), None)
    return frozenset(headline_element.iterancestors()) if headline_element is not None else frozenset()


#: How many levels above a name its page part is looked for: real pages nest some 60 deep at
#: most, and markup whose closing tags are missing nests thousands deep, where walking every
#: ancestor of every name cost seconds.
SKIPPED_PART_MAX_LEVELS = 100


def _inside_skipped_part(element, keep=frozenset(), skip=None) -> bool:
    """True inside comments, sidebars, forms, captions...: names there are not the authors.

    keep: the headline's ancestors; a page part holding the headline is the article's own
    (WordPress puts "has-sidebar" on <body>), so its class tokens do not count.
    """
    node = element
    levels = SKIPPED_PART_MAX_LEVELS
    while node is not None and node.tag not in ("body", "html") and node not in keep and levels:
        levels -= 1
        if node.tag in ("label", "figcaption", "footer", "aside", "nav"):  # not form: ASP.NET wraps pages in one
            return True
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if marks.strip() and (skip or _SKIP_CONTAINER).search(marks) and (
                _COMMENT_CONTAINER.search(marks) or not _holds_most_text(node)):
            return True  # a layout part ("widget Blog") holding most of the text is the article; comments never
        node = node.getparent()
    return False


def _holds_most_text(node) -> bool:
    """A page part holding most of the page's text is the article's, whatever its class says
    (Blogger wraps each post in "widget Blog")."""
    memo = getattr(_text_shares, "memo", None)
    if memo is None:
        return _measured_holds_most_text(node, {})
    answer = memo.get(node)
    if answer is None:
        answer = memo[node] = _measured_holds_most_text(node, memo)
    return answer


def _measured_holds_most_text(node, memo: dict) -> bool:
    body = node.getroottree().getroot().find("body")
    if body is None or len(node.text_content()) <= 2000:
        return False
    inside = _visible_text_length(node)
    if inside <= 2000:
        return False
    body_length = memo.get("body")
    if body_length is None:
        body_length = memo["body"] = _visible_text_length(body)
    return inside * 2 > body_length


_text_shares = threading.local()


@contextmanager
def remembering_text_shares():
    """_holds_most_text's answers kept while one page's authors are read: its bylines share
    their page parts (all of them, in markup nested thousands deep), each measured once."""
    previous = getattr(_text_shares, "memo", None)
    _text_shares.memo = {}
    try:
        yield
    finally:
        _text_shares.memo = previous


def _visible_text_length(node) -> int:
    """Characters of the text outside <script> and <style> (each text piece stripped): all the
    text, less what those hold (HTML parsing gives them only text). Two walks in C; the XPath
    descendant::text()[not(parent::script or parent::style)] gave the same and cost 14 times
    as much on markup nested 1,800 deep (29 ms against 2 for 270 kB)."""
    total = sum(len(text.strip()) for text in node.itertext())
    return total - sum(len(text.strip()) for hidden in node.iter("script", "style") for text in hidden.itertext())


def byline_marked_elements(tree) -> list:
    """Elements whose class or id names a byline, in page order.

    Every element is visited (a tag-filtered walk in C beats //*[@class or @id] or //@class,
    which build their node sets in libxml2 first), but its class and id are only gathered:
    the page's values are then searched for the tokens all at once, a substring search per
    token over their lower-cased join, instead of a test per value in Python (a page has
    ~130 distinct values, seldom seen on another site: 0.48 -> 0.37 ms a page).
    """
    elements, values = [], []
    add_element, add_value = elements.append, values.append
    for element in tree.iter(etree.Element):
        value = element.get("class")
        if value is not None:
            add_element(element)
            add_value(value)
        value = element.get("id")
        if value is not None:
            add_element(element)
            add_value(value)
    marked = _values_naming_byline(values)
    found: list = []
    for at in marked:
        if not found or found[-1] is not elements[at]:  # its class and its id may both name one
            found.append(elements[at])
    return found


def _values_naming_byline(values: list[str]) -> list[int]:
    """Indexes of the class/id values holding a byline token, ascending. (The tokens hold no
    space or line break, so one found in the join lies inside one value.)"""
    hits: set[int] = set()
    joined = "\n".join(values)
    if not joined.isascii():
        # re.I folds a few non-ASCII letters (the long s, the Kelvin sign) that lower() keeps,
        # and lower() may lengthen a non-ASCII value: those are tested apart
        hits.update(at for at, value in enumerate(values) if not value.isascii() and _BYLINE_MARK.search(value))
        values = [value if value.isascii() else "" for value in values]
        joined = "\n".join(values)
    # ASCII now: searched as bytes by the C library's memmem (text.BytesSearch), 40% faster
    lowered = BytesSearch(joined.lower().encode("ascii"))
    ends = None  # where each value's line ends, worked out at the first hit
    for token in _BYLINE_TOKENS_BYTES:
        found = lowered.find(token)
        while found >= 0:
            if ends is None:
                ends = list(accumulate(len(value) + 1 for value in values))
            at = bisect_right(ends, found)
            hits.add(at)
            found = lowered.find(token, ends[at])  # the next value on
    return sorted(hits)


_BOX_NAME_WITHIN = 60
"""How far into an author box's text its name may start (after "Über den Autor", "Written by")."""


def byline_authors(tree, headline_element=None, marked=None) -> list[AuthorName]:
    """Names in elements whose class/id marks a byline (first such element that names someone).

    marked: byline_marked_elements(tree), when the caller has them already."""
    keep = _headline_ancestors(tree, headline_element)
    tried = 0
    for element in byline_marked_elements(tree) if marked is None else marked:
        if element.tag in _BYLINE_SKIP_TAGS:
            continue
        if _inside_skipped_part(element, keep):
            continue
        tried += 1
        if tried > 30:
            break
        # only the text's opening is read: a marked element may hold the whole article
        text = _opening_text(element, 120)
        if text and len(text) > 120:
            # an author box with a bio: its first link is the name, when it heads the box (a
            # link deep in a note's prose is a word of it: "... change some scenes")
            links = _TEXT_LINKS(element)
            name = " ".join(links[0].text_content().split()) if links else ""
            text = name if name and _name_at(element, name) <= _BOX_NAME_WITHIN else ""
        if not text:
            # an author box holding only the author's picture: its alt text names them
            text = next((img.get("alt", "") for img in element.iter("img") if img.get("alt")), "")
            text = _IMAGE_WORDS.sub(" ", text).strip()
        if not text:
            continue
        if element.find(".//br") is not None:
            text = _without_role_lines(element, text)
        names = [name for name in split_authors(text) if reads_as_name(name)]
        if names:
            return [AuthorName(name, not _is_agency(name)) for name in names[:6]]
    return []


def _without_role_lines(element, text: str) -> str:
    """A byline set over lines ("By Bob Smith<br>Gazette Staff Writer") without its role
    lines: the words before the role on that line are the paper's, not the writer's name."""
    lines = paragraphs_of(element)  # cut at <br> and blocks, blanks collapsed
    kept = [line for line in lines if not tables.ROLE_LINE_PATTERN.match(line)]
    return " ".join(kept) if len(kept) < len(lines) else text


def _opening_text(element, limit: int) -> str:
    """The element's text with whitespace collapsed, whole when at most `limit` characters long,
    else an opening of it longer than `limit` (the rest is not joined)."""
    words: list[str] = []
    chars = -1
    for piece in element.itertext():
        piece_words = piece.split()
        words += piece_words
        chars += sum(map(len, piece_words)) + len(piece_words)
        if chars > limit:
            break
    return " ".join(words)


def _name_at(element, name: str) -> int:
    """Where the name first occurs in the element's collapsed text (-1: nowhere), reading
    only as much of the text as that takes."""
    at = _opening_text(element, _BOX_NAME_WITHIN + len(name)).find(name)
    if at < 0:  # beyond the opening, or nowhere: the whole text says which
        at = " ".join(" ".join(element.itertext()).split()).find(name)
    return at


_BYLINE_START = re.compile(
    r"^\s*(?:" + "|".join(sorted((re.escape(p) for p in tables.BYLINE_TEXT_PREFIXES), key=len, reverse=True))
    # the prefix is a whole word: "Digital" does not open with "di", "Bypass" not with "by", "文章"
    # ("article") not with "文"; names glued to "记者" are read by cjk_credit_authors
    + r")(?:\s*[:：]\s*|\s+)[^\W\d_]", re.I)


def prefixed_byline_authors(headline_element, window: int = 60, tree=None) -> list[AuthorName]:
    """Unmarked bylines after the headline: short text opening with "By", "Von", "Autor:"...

    Without a known headline element, the first <h1> (or an <h2> in the article) anchors the search.
    """
    if headline_element is None and tree is not None:
        anchors = tree.xpath("//h1|//article//h2|//main//h2")
        headline_element = anchors[0] if anchors else None
    if headline_element is None:
        return []
    # lazy walks: the XPath axes would collect every element of the page before cutting (and
    # a third of the pages asked find their byline among the first few elements)
    following = islice(following_elements(headline_element), window)
    # a byline line just above the headline ("05.02.2020 - Redaktion: Jane Doe"), nearest first
    preceding = islice(preceding_elements(headline_element), _ABOVE_WINDOW)
    first_paragraph_seen = False
    last, last_text = None, None  # the element whose line text was read last, and that text
    for element in chain(following, preceding):
        tag = element.tag  # each read makes a new string: read once
        if tag in _BYLINE_SKIP_TAGS or not isinstance(tag, str):
            continue
        if last is not None and _wraps_alone(last, element):
            full_text = last_text  # a wrapper's only child has its line text (a quarter of the window)
        else:
            full_text = _line_text(element)
        last, last_text = element, full_text
        if full_text is None:  # a container or a paragraph of text: no byline line
            if tag == "p" and not first_paragraph_seen:
                first_paragraph_seen = True
                run_in = tables.RUN_IN_BYLINE_PATTERN.match(_opening_text(element, 150))
                names = split_authors(run_in.group(0)) if run_in else []
                if names:  # "By JOHN SMITH, Associated Press Writer WASHINGTON - ...": one block
                    return [AuthorName(name) for name in names]
            continue
        if tag == "p" and full_text and not first_paragraph_seen:
            first_paragraph_seen = True
            names = bold_name_line(element, full_text)
            if names:
                return [AuthorName(name) for name in names]
        if _NO_BYLINE_CACHE.get(full_text) or _reads_as_no_byline(full_text):
            continue  # most lines: the tests, asked of the text alone, all fail
        names = _line_byline(full_text, element)
        if names:
            return names
    return []


_NO_BYLINE_CACHE: dict[str, bool] = {}


def _reads_as_no_byline(line: str) -> bool:
    """True when no test of prefixed_byline_authors can find a byline in this line, whatever
    element holds it: _line_byline asked of the text alone.
    Cached by the text: menus, share buttons and labels repeat on every page of a site, and
    nested elements give the same line again (most of the rule's regex work)."""
    inert = _NO_BYLINE_CACHE.get(line)
    if inert is None:
        inert = _line_byline(line) is not _MAYBE_BYLINE
        if len(_NO_BYLINE_CACHE) > 50_000:
            _NO_BYLINE_CACHE.clear()
        _NO_BYLINE_CACHE[line] = inert
    return inert


#: _line_byline's answer for a text alone where a test that reads the element might find a byline.
_MAYBE_BYLINE = object()


#: A name, a comma and a newsroom role: "Jane Doe, Staff Writer", "JOHN SMITH, AP Business Writer".
_NAME_BEFORE_ROLE = re.compile(
    r"^([^,]{3,40}),\s+(?:[\w.'’&-]+\s+){0,4}(?:" + "|".join(tables.BYLINE_ROLE_NOUNS) + r")s?$", re.I)


def _line_byline(full_text: str, element=None):
    """The byline names of one line of prefixed_byline_authors' window ([] when it holds none).
    Asked of the text alone (element None), a test that would read the element (a link inside,
    a label's next text, a line break) answers _MAYBE_BYLINE instead."""
    text = _LEADING_DATE.sub("", full_text)
    # "11.12.2019 - Amelie Loevenich": a date, then the author (a linked one is a teaser's title)
    if text != full_text and looks_like_full_name(text) and reads_as_name(text):
        if element is None:
            return _MAYBE_BYLINE
        if element.tag != "a" and element.find(".//a") is None:
            return [AuthorName(text)]
    if _BYLINE_LABEL.match(text):
        if element is None:
            return _MAYBE_BYLINE  # the name is in the text after the element
        text = f"{text} {text_after(element)}"
    if text and len(text) <= 120 and not _BYLINE_START.match(text):
        text = byline_inside_line(text) or text
    if text and len(text) <= 100 and not _BYLINE_START.match(text):
        name = _NAME_BEFORE_DATE.match(text)
        if name and looks_like_full_name(name.group(1).strip()) and reads_as_name(name.group(1).strip()):
            return _MAYBE_BYLINE if element is None else [AuthorName(name.group(1).strip())]
    if text and len(text) <= 100 and not _BYLINE_START.match(text):
        named = _NAME_BEFORE_ROLE.match(text)
        if named and looks_like_full_name(named.group(1).strip()) and reads_as_name(named.group(1).strip()):
            # "Jane Doe, Staff Writer": a byline without its "By", the role naming it one
            return _MAYBE_BYLINE if element is None else [AuthorName(named.group(1).strip())]
    if not text or len(text) > 100 or not _BYLINE_START.match(text):
        return []
    if element is None:
        return _MAYBE_BYLINE
    # "Von A und B<br>Kakuma /Kenia": the byline is the line before the break, a place follows
    first_line = _first_line(element) if element.find("br") is not None else None
    if first_line and _BYLINE_START.match(first_line):
        text = first_line
    names = [name for name in split_authors(text) if reads_as_name(name)]
    return [AuthorName(name, not _is_agency(name)) for name in names[:6]]


def _first_line(element) -> str:
    """The element's text up to its first <br> after some text."""
    parts: list[str] = []
    for piece in _pieces(element):
        if piece is _BREAK:
            if "".join(parts).strip():
                break
            continue
        parts.append(piece)
    return " ".join("".join(parts).split())


_BREAK = object()


def _pieces(node):
    """The texts inside a node in reading order, with _BREAK for each <br>."""
    yield node.text or ""
    for child in node:
        if child.tag == "br":
            yield _BREAK
        elif isinstance(child.tag, str):
            yield from _pieces(child)
        yield child.tail or ""


def _wraps_alone(wrapper, element) -> bool:
    """The element is the wrapper's only child, with no text beside it: their texts (and so
    their _line_text) are the same."""
    return element.getparent() is wrapper and len(wrapper) == 1 and not (wrapper.text or "").strip() \
        and not (element.tail or "").strip()


_LINE_CHARS, _LINE_WORDS = 150, 12
"""Text longer than both is no line prefixed_byline_authors reads: its byline tests take at
most 120 characters, its date-then-name test at most 5 words after a date of at most 24
characters."""


def _line_text(element) -> str | None:
    """The element's text with whitespace collapsed, or None once it is longer than a byline
    line (_LINE_CHARS and _LINE_WORDS), without joining the rest of a container's text.

    None exactly when the whole text has more than _LINE_WORDS words and _LINE_CHARS
    characters (both only grow as text is added), so the pieces are only joined, not split
    word by word, while they cannot be that long yet: most elements hold a short line."""
    if not len(element):  # half the elements near a headline: their own text, no iterator
        text = element.text
        if not text:
            return ""
        words = text.split()
        if len(words) > _LINE_WORDS and sum(map(len, words)) + len(words) - 1 > _LINE_CHARS:
            return None
        return " ".join(words)
    pieces = []
    budget = _LINE_CHARS + 1
    texts = element.itertext()
    for piece in texts:
        pieces.append(piece)
        budget -= len(piece) + 1
        if budget < 0:
            break
    else:  # the pieces joined by spaces are at most _LINE_CHARS long: a line
        return " ".join(" ".join(pieces).split())
    words = " ".join(pieces).split()
    chars = sum(map(len, words))
    while not (len(words) > _LINE_WORDS and chars + len(words) - 1 > _LINE_CHARS):
        piece = next(texts, None)
        if piece is None:
            return " ".join(words)
        piece_words = piece.split()
        words += piece_words
        chars += sum(map(len, piece_words))
    return None


# "新华社记者 才扬 摄": a photographer's credit (摄, "photographed") names no author
_HAN_NAME = r"(?!" + "|".join(tables.CJK_PHOTO_CREDIT_WORDS) + r")[\u4e00-\u9fff][\u4e00-\u9fff·]{1,4}"
_HAN_NAMES = rf"{_HAN_NAME}(?:[ \u3000、，,]+{_HAN_NAME})*"
_GAP = r"[ \t\u3000]*\n?[ \t\u3000]*"  # text nodes are joined by newlines: a name in a link is one node on
_CREDIT_END = (r"(?=[ \t\u3000]*(?:[）)】\]\n]|$|" + alternatives(tables.CJK_REPORT_WORDS)
               + r"|[\u4e00-\u9fff]{2,6}(?:报道|報導)))")
# "（记者 胡晓蓉）", "本报记者罗科苏盈发自北京", "□ 本报记者 葛灵丹", "（姚峰 上海报道）", "作者：宋怡 杨志华"
_CJK_CREDIT = re.compile(
    r"(?:" + alternatives(tables.CJK_REPORTER_WORDS) + r")(?:" + _GAP + r"[:：])?" + _GAP
    + rf"(?P<reporter>{_HAN_NAMES}){_CREDIT_END}(?![ \u3000]*(?:" + "|".join(tables.CJK_PHOTO_CREDIT_WORDS) + "))"
    + rf"|[（(]{_GAP}(?P<reporting>{_HAN_NAMES})[ \u3000]+[\u4e00-\u9fff]{{2,6}}?(?:报道|報導)[ \u3000]*[）)]"
    + r"|(?:^|\n|[ \u3000])(?:" + alternatives(tables.CJK_AUTHOR_LABELS) + r")" + _GAP + r"[:：]" + _GAP
    + rf"(?P<labelled>{_HAN_NAMES})(?=[ \t\u3000]*(?:\n|$|[）)]))")
_CJK_EDITOR = re.compile(r"(?:" + alternatives(tables.CJK_EDITOR_LABELS) + r")" + _GAP + r"[:：]" + _GAP
                         + rf"(?P<editor>{_HAN_NAMES})(?=[ \t\u3000]*(?:\n|$|[）)]))")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _titled_in_chinese(tree, headline_element=None) -> bool:
    """Only such pages are read for Chinese credits (a cheap test before reading all the text)."""
    headline_element = headline_element if headline_element is not None else next(tree.iter("h1"), None)
    heading = headline_element.text_content() if headline_element is not None else ""
    title = tree.findtext(".//title") or ""
    if not title.strip() and not heading.strip():
        heading = tree.xpath("substring(normalize-space(//body), 1, 400)")  # untitled: the page's opening
    return bool(_HAN.search(title) or _HAN.search(heading))
_CJK_NAME_SEPARATORS = re.compile(r"[ \u3000、，,]+")


# The text nodes outside <script> and <style>, as plain strings (lxml's default "smart" results
# each keep a proxy of their parent): one step over the text nodes, as libxml2 merges a
# two-step path's node sets in page order (15 times the cost on a page of 250 KB).
_VISIBLE_TEXTS = etree.XPath("descendant::text()[not(parent::script or parent::style)]", smart_strings=False)


def cjk_credit_authors(tree, headline_element=None) -> list[AuthorName]:
    """Reporters credited in Chinese page text: "（记者 胡晓蓉）" closing the article, "本报记者X发自北京"
    opening it, "作者：X" under the headline. The first credit after the headline wins."""
    body = tree.find("body")
    if body is None or not _titled_in_chinese(tree, headline_element):
        return []
    pieces = [piece.strip() for piece in _VISIBLE_TEXTS(body) if piece.strip()]
    text = "\n".join(pieces)
    start = 0
    if headline_element is not None:
        headline = " ".join(headline_element.text_content().split())
        start = max(text.find(headline), 0) if headline else 0
    match = _CJK_CREDIT.search(text, start) or (_CJK_CREDIT.search(text) if start else None)
    if match:
        names = [_credited_names(match)]
        # credits in a row ("本报实习生 刘国栋 周炜 本报记者 王燕平") name the story's writers together
        while (match := _CJK_CREDIT.match(text, _CREDIT_GAP.match(text, match.end()).end())) is not None:
            names.append(_credited_names(match))
        names = " ".join(names)
    else:
        names = chinese_name_line(pieces)
        signer = None if names else chinese_notice_signer(pieces)
        if signer:
            return [AuthorName(signer, is_person=False)]
        if not names:
            # no reporter credited: the editor responsible for the story ("责任编辑：焦鹏") signs it
            match = _CJK_EDITOR.search(text, start) or (_CJK_EDITOR.search(text) if start else None)
            if not match:
                return []
            names = match.group("editor")
    names = [_LEADING_REPORTER_WORD.sub("", name) for name in _CJK_NAME_SEPARATORS.split(names)]  # "作者：记者王敬照"
    return [AuthorName(name, marked=True) for name in names if len(name) >= 2 and not _is_cjk_organisation(name)]


def _credited_names(match) -> str:
    return match.group("reporter") or match.group("reporting") or match.group("labelled")


_LEADING_REPORTER_WORD = re.compile(r"^(?:" + alternatives(tables.CJK_REPORTER_WORDS) + r")")
_CREDIT_GAP = re.compile(r"[\s，,、；;]*")
_SURNAME_FIRST = re.compile(r"^(?:" + "|".join(tables.CHINESE_COMPOUND_SURNAMES) + r"|[" + tables.CHINESE_SURNAMES
                            + r"])[\u4e00-\u9fff]{1,2}$")


_CHINESE_DATE_LINE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def chinese_notice_signer(pieces: list[str]) -> str | None:
    """The office signing a notice above its date at the end ("吉林省人民政府 / 2022年1月27日")."""
    for number in range(len(pieces) - 1, 0, -1):
        if _CHINESE_DATE_LINE.match(pieces[number]) and _is_cjk_organisation(pieces[number - 1]):
            return pieces[number - 1]
    return None


def chinese_name_line(pieces: list[str], window: int = 25) -> str | None:
    """An unlabelled line of names between a title and the text ("犬儒病 / 胡平 / ——当代中国的精神
    危机"): only names, the first with a common surname, a title-like line before, text after."""
    for number in range(1, min(window, len(pieces) - 1)):
        names = _CJK_NAME_SEPARATORS.split(pieces[number])
        if not 1 <= len(names) <= 5 or not all(_CJK_NAME.match(name) and len(name) <= 4 for name in names):
            continue
        # a pen name passes when a title line before opens with it ("茉莉：我是怎样卷入八九民运的")
        if not _SURNAME_FIRST.match(names[0]) and not any(
                piece.startswith((names[0] + "：", names[0] + ":")) for piece in pieces[:number]):
            continue
        before, after = pieces[number - 1], pieces[number + 1]
        if len(before) >= 4 and (len(after) >= 20 or after.startswith(("——", "--"))):
            return pieces[number]
    return None


_CJK_ORGANISATION = re.compile(r"^[\u3400-\u9fff]{2,}(?:" + alternatives(tables.CJK_ORGANISATION_ENDINGS) + r")$")


def _is_cjk_organisation(name: str) -> bool:
    """"云南网", "新华日报": a Chinese or Japanese name ending like a paper, site or office."""
    return bool(_CJK_ORGANISATION.match(name))


_LABELLED_BYLINE = re.compile(
    r"^\s*(?:(?:" + alternatives(tables.BYLINE_LABELS) + r")\s*[:：]|(?:" + alternatives(tables.BYLINE_PHRASES)
    + r")\s)\s*", re.I)
_LABEL_ALONE = re.compile(r"^\s*(?:" + alternatives(tables.BYLINE_LABELS) + r")\s*[:：]?\s*$", re.I)
_LABEL_CARRIERS = ("p", "div", "span", "em", "i", "b", "strong", "small", "li", "td", "h4", "h5", "h6", "address")


# every word a label or byline line may open with: one test per element finds the few candidates
_ANY_LABEL_START = re.compile(r"^\s*(?:" + alternatives(set(tables.BYLINE_LABELS) | set(tables.BYLINE_PHRASES)
                                                        | set(tables.BYLINE_TEXT_PREFIXES) | set(tables.SOURCE_LABELS))
                              + r")", re.I)


_LABEL_FIRST_WORDS = frozenset(
    phrase.split()[0].casefold().rstrip(":：") for phrase in
    set(tables.BYLINE_LABELS) | set(tables.BYLINE_PHRASES) | set(tables.BYLINE_TEXT_PREFIXES) | set(tables.SOURCE_LABELS))


def label_line_elements(tree, limit: int = 3000) -> list:
    """The elements (of the first `limit` text carriers) whose text opens with a label or byline word."""
    found = []
    for number, element in enumerate(tree.iter(*_LABEL_CARRIERS)):
        if number > limit:
            break
        text = element.text
        if not text or not text.strip():
            continue
        # a set lookup of the first word spares the long regex most elements
        first = text.split(None, 1)[0].casefold().rstrip(":：")
        if (first in _LABEL_FIRST_WORDS or "\u3400" <= first[:1] <= "\u9fff") and _ANY_LABEL_START.match(text):
            found.append(element)
    return found


def labelled_byline_authors(tree, headline_element=None, lines=None) -> list[AuthorName]:
    """A labelled byline anywhere in the page outside comments, sidebars and footers ("Autor: X"
    closing the article, "<b>Von:</b><br> X"): the label says what the name is, wherever it stands.

    lines: label_line_elements(tree), when the caller has them already."""
    keep = _headline_ancestors(tree, headline_element)
    lines = label_line_elements(tree) if lines is None else lines
    for element in lines:
        if _LABEL_ALONE.match(element.text) and len(element) == 0:
            # a credits box: "<div>Interview</div><div>SVEN MICHAELSEN</div>"
            text = f"{element.text.strip().rstrip(':：')}: {text_after(element)}"
        elif _LABELLED_BYLINE.match(element.text):
            text = " ".join(" ".join(element.itertext()).split())
            if _BYLINE_LABEL.match(text) or _LABELLED_BYLINE.sub("", text) == "":
                text = f"{text} {text_after(element)}"
        else:
            continue
        # the label tells an author from a photo credit, so credit boxes count here
        if len(text) > 120 or _inside_skipped_part(element, keep, _SKIP_CONTAINER_BUT_CREDITS):
            continue
        names = [name for name in split_authors(_LABELLED_BYLINE.sub("", text)) if reads_as_name(name)]
        if names:
            return [AuthorName(name, not _is_agency(name)) for name in names[:6]]
    return prefixed_line_authors(lines, keep)


#: How many lines opening with a byline word ("By", "Von") or a source label ("Quelle:") a rule
#: reads: a page of thousands is a list of teasers or comments (each costs ~0.05 ms to take apart).
LABEL_LINES_MAX = 200


def prefixed_line_authors(lines, keep=frozenset()) -> list[AuthorName]:
    """A short line of its own opening with "Von", "By", "Par"... anywhere outside comments,
    sidebars and footers ("<h5><em>Von Leonora Holling</em></h5>" far below the headline), when
    it names full names only. lines: label_line_elements of the page."""
    found: list[list[str]] = []
    opening = 0
    for element in lines:
        if not _BYLINE_START.match(element.text) or element.tail and element.tail.strip():
            continue
        opening += 1
        if opening > LABEL_LINES_MAX:
            break
        text = " ".join(" ".join(element.itertext()).split())
        if len(text) > 100 or _inside_skipped_part(element, keep):
            continue
        names = split_authors(text)
        if names and all(looks_like_full_name(name) and reads_as_name(name) for name in names) and names not in found:
            found.append(names)
            if len(found) > 1:
                return []  # several such lines are the bylines of teasers, not the article's own
    return [AuthorName(name) for name in found[0][:6]] if found else []


_SOURCE_LABEL = re.compile(r"^\s*(?:" + alternatives(tables.SOURCE_LABELS) + r")\s*[:：]\s*", re.I)


def source_label_organisations(tree, headline_element=None, lines=None) -> list[AuthorName]:
    """The source a story credits outside captions ("Quelle: kathpress" under the text,
    "Herausgeber: Nordex SE"): an agency or organisation, the author when no person is named."""
    keep = _headline_ancestors(tree, headline_element)
    labelled = 0
    for element in label_line_elements(tree) if lines is None else lines:
        if not _SOURCE_LABEL.match(element.text):
            continue
        labelled += 1
        if labelled > LABEL_LINES_MAX:
            break
        text = " ".join(" ".join(element.itertext()).split())
        if _SOURCE_LABEL.sub("", text) == "":
            text = f"{text} {text_after(element)}"
        text = _SOURCE_LABEL.sub("", text)
        if not text or len(text) > 60 or _inside_skipped_part(element, keep):
            continue
        names = [name for name in split_authors(text) if reads_as_name(name) or names_organisation(name, set())]
        if names:
            return [AuthorName(name, is_person=False, marked=True) for name in names[:3]]
    return []


_PROFILE_PATH = re.compile(r"/(?:" + alternatives(tables.PROFILE_PATH_SEGMENTS) + r")/[^?#]+", re.I)


def profile_link_authors(headline_element, tree=None, window: int = 40) -> list[AuthorName]:
    """A link to a member's or author's profile page next to the headline ("/members/127862",
    "/user/jane", "/author/jane-doe"): user-written posts name their writer that way."""
    if headline_element is None and tree is not None:
        headline_element = next(tree.iter("h1"), None)
    if headline_element is None:
        return []
    keep = frozenset(headline_element.iterancestors())
    links = list(islice((a for a in following_elements(headline_element, "a") if a.get("href") is not None),
                        window)) \
        + list(islice((a for a in preceding_elements(headline_element, "a") if a.get("href") is not None),
                      _ABOVE_WINDOW))
    for link in links:
        profile = _PROFILE_PATH.search(link.get("href", ""))
        if not profile:
            continue
        text = " ".join(link.text_content().split()) or next(
            (img.get("alt", "") for img in link.iter("img") if img.get("alt")), "")
        if not text or len(text) > 40 or len(text.split()) > 3 or _inside_skipped_part(link, keep):
            continue
        # the profile is this name's: its path holds a member number or the name itself ("/user/register" does not)
        path = profile.group(0)
        if not re.search(r"/\d+(?:$|[/?#.-])", path) and _SQUASH.sub("", text).casefold() not in _SQUASH.sub(
                "", link.get("href", "")).casefold():
            continue
        names = [name for name in split_authors(text) if reads_as_name(name)]
        if names:
            return [AuthorName(names[0], not _is_agency(names[0]))]
    return []


_AUTHOR_ARCHIVE = re.compile(r"/(?:" + alternatives(tables.AUTHOR_ARCHIVE_PATH_SEGMENTS) + r")/([^/?#]+)/?(?:$|[?#])",
                             re.I)


def author_archive_authors(tree, headline_element=None, limit: int = 2000) -> list[AuthorName]:
    """The writer named by the page's links to an author's archive ("/author/martin": "Alles von
    Martin Junker" under the text, the name heading an author box): WordPress, Ghost and most
    news CMSs link a post to its writer's page so. Only when every such link outside comments
    and teasers names the same one or two people by full name."""
    keep = _headline_ancestors(tree, headline_element)
    names: dict[str, str | None] = {}  # archive slug -> the full name its links give
    for link in islice(tree.iter("a"), limit):
        match = _AUTHOR_ARCHIVE.search(link.get("href") or "")
        if not match or _inside_skipped_part(link, keep, _SKIP_CONTAINER_BUT_AUTHOR_BOXES):
            continue
        name = clean_author(" ".join(link.text_content().split()))
        full = name if name and looks_like_full_name(name) and reads_as_name(name) else None
        slug = match.group(1).lower()
        names[slug] = names.get(slug) or full
        if len(names) > 2:
            return []  # links to many writers' archives: a list of authors, not a byline
    people = list(dict.fromkeys(name for name in names.values() if name))
    return [AuthorName(name) for name in people]


def post_author_comment_names(tree, marked=None) -> list[AuthorName]:
    """The name on a comment the blog marks as written by the post's author (WordPress'
    "bypostauthor" class): the platform's own word on who wrote the post.

    marked: byline_marked_elements(tree), when the caller has walked them already: the
    class holds "author", so the comment is among them."""
    if marked is None:
        # selecting the class attributes and stepping to their elements is about twice as
        # fast in libxml2 as testing every element with //*[contains(@class, ...)]
        comments = tree.xpath("//@class[contains(., 'bypostauthor')]/..")[:1]
    else:
        comments = list(islice((element for element in marked if "bypostauthor" in (element.get("class") or "")), 1))
    for comment in comments:
        for element in comment.xpath(".//*[contains(concat(' ', normalize-space(@class), ' '), ' fn ')]"
                                     "|.//*[contains(@class, 'comment-author')]"):
            names = [name for name in split_authors(" ".join(element.text_content().split())) if reads_as_name(name)]
            if names:
                return [AuthorName(names[0], marked=True)]
    return []


_EMPHASIS_TAGS = frozenset({"em", "i", "b", "strong", "font", "span"})


def signature_authors(tree, limit: int = 400) -> list[AuthorName]:
    """An emphasised name closing the article's text: "<p><em>Denis Clerc</em></p>" right
    after a long paragraph (or a short line after one) and with no long paragraph but footnotes
    after it; or opening it: "<p><strong>Jane Doe/John Roe</strong></p>" right before the first
    long paragraph, with none before it (the byline as the text's first line)."""
    for paragraph in tree.iter("p"):
        limit -= 1
        if limit < 0:
            break
        # the shape first: reading every paragraph's text would cost more than the rest
        if (paragraph.text or "").strip():
            continue
        children = [child for child in paragraph if isinstance(child.tag, str)]
        if len(children) != 1 or children[0].tag not in _EMPHASIS_TAGS or (children[0].tail or "").strip():
            continue
        text = " ".join(" ".join(paragraph.itertext()).split())
        if not text or len(text) > 60:
            continue
        # names joined by a slash: each side a full name ("Jane Doe/John Roe", not "dpa/lno")
        parts = [part for part in text.split("/")] if text.count("/") == 1 else [text]
        names = [name for part in parts for name in split_authors(part)
                 if looks_like_full_name(name) and reads_as_name(name)]
        if not names or (len(parts) > 1 and len(names) < 2):
            continue
        # the text ends just before: a long paragraph, perhaps a short source line between ("Blessing, 816 Seiten")
        before = [sibling for sibling in paragraph.itersiblings(preceding=True) if isinstance(sibling.tag, str)][:2]
        if not any(sibling.tag == "p" and len(sibling.text_content()) >= 150 for sibling in before):
            if _opens_the_text(paragraph):
                return [AuthorName(name) for name in names]
            continue
        if len(text) > 40:
            continue
        # and nothing long follows but footnotes, unless the name is set right as a signature is
        after = [sibling for sibling in paragraph.itersiblings() if isinstance(sibling.tag, str)][:2]
        if not _set_right(paragraph) and any(len(sibling.text_content()) >= 150
                                             and not _FOOTNOTE.match(sibling.text_content()) for sibling in after):
            continue
        return [AuthorName(name) for name in names]
    return []


def _opens_the_text(paragraph) -> bool:
    """A line right before the text's first long paragraph (one or two lines between, none long
    before it in its container): the byline heading the text."""
    after = [sibling for sibling in paragraph.itersiblings() if isinstance(sibling.tag, str)][:2]
    if not any(sibling.tag == "p" and len(sibling.text_content()) >= 150 for sibling in after):
        return False
    before = [sibling for sibling in paragraph.itersiblings(preceding=True) if isinstance(sibling.tag, str)][:6]
    return all(len(sibling.text_content()) < 150 for sibling in before) and not _inside_skipped_part(paragraph)


def closing_sign_off_authors(tree, limit: int = 400) -> list[AuthorName]:
    """The last paragraph of the text when it is a name over a date or a role, split by a line
    break ("Kazım TÜRKMEN<br>DITIB-Bundesvorsitzender", "Benni<br>10. September 2017")."""
    for paragraph in tree.iter("p"):
        limit -= 1
        if limit < 0:
            break
        children = [child for child in paragraph if isinstance(child.tag, str)]
        if len(children) != 1 or children[0].tag != "br" or not paragraph.text or not children[0].tail:
            continue
        name, second = " ".join(paragraph.text.split()), " ".join(children[0].tail.split())
        if _SALUTATION.match(name):
            name, second = second, ""  # "Liebe Grüße<br>Anna Berg": the name follows the greeting
        if not name or len(name) > 40 or len(second) > 60 or "(" in second or _DOMAIN_NAME.search(second):
            continue
        dated = bool(_DATE_LINE.match(second))
        if not (looks_like_full_name(name) or (dated and _FIRST_NAME.match(name))) or not reads_as_name(name) \
                or name in tables.DATELINE_KNOWN_PLACES:
            continue
        if second and not dated and (len(second.split()) > 4 or second.endswith((".", "!", "?"))
                                     or _DIGITS.search(second)):
            continue  # a role is a few words, not a sentence
        later = [sibling for sibling in paragraph.itersiblings() if isinstance(sibling.tag, str)]
        earlier = [sibling for sibling in paragraph.itersiblings(preceding=True) if isinstance(sibling.tag, str)][:3]
        if any(sibling.text_content().strip() for sibling in later) \
                or sum(len(sibling.text_content()) for sibling in earlier if sibling.tag == "p") < 200 \
                or _inside_skipped_part(paragraph):
            continue
        return [AuthorName(name)]
    return []


_DATE_LINE = re.compile(r"^\d{1,2}\.?\s+\w+\.?\s+\d{4}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$|^\d{4}-\d{2}-\d{2}$|^\w+\.?\s+\d{1,2},?\s+\d{4}$")
_SALUTATION = re.compile(r"^(?:" + alternatives(tables.SIGN_OFF_GREETINGS) + r")[\s,!.]*$", re.I)
_FIRST_NAME = re.compile(r"^[^\W\d_][^\W\d_]{2,14}$")


_FOOTNOTE = re.compile(r"^\s*(?:[(\[]\d{1,2}[)\]]|\d{1,2}[.)]\s|\*)")
_RIGHT_ALIGNED = re.compile(r"text-align\s*:\s*right", re.I)


def _set_right(element) -> bool:
    return (element.get("align") or "").lower() == "right" or bool(_RIGHT_ALIGNED.search(element.get("style") or ""))


# "Posted in Datenschutz by damianduchamps on August 3, 2019": by, a name, on, a date
_BY_NAME_ON_DATE = re.compile(r"(?:^|\s)(?:by|von|par|por)\s+(\S+(?:\s+\S+){0,3}?)\s+(?:on|am|le|el|at)\s+\D{0,12}\d",
                              re.I)


#: "by Jane Doe" closing a line after its date.
_BY_NAME_AT_END = re.compile(r"^\W*(?:" + "|".join(tables.BYLINE_NAME_WORDS) + r")\s+([^\W\d_]\S*(?:\s+\S+){0,3})\s*$",
                             re.I)


def byline_inside_line(text: str) -> str | None:
    """A byline inside a meta line: a "| By Jane Doe |" segment, "... by Jane on <date>", or
    "<date> by Jane Doe" (a blog's "January 7, 2008 by Jane Doe", "Posted: 10:45 AM Jan 7,
    2008 by Jane Doe")."""
    for segment in re.split(r"\s[|·•]\s", text):
        if _BYLINE_START.match(segment.strip()):
            return segment.strip()
    match = _BY_NAME_ON_DATE.search(text)
    if match:
        return f"by {match.group(1)}"
    dates = find_text_dates(text)  # (it rules out a text without a year first, in C)
    if dates:
        match = _BY_NAME_AT_END.match(text[text.rfind(dates[-1]) + len(dates[-1]):])
        if match:
            return f"by {match.group(1)}"
    return None


# "Sehernur Karsu | 05.04.2025 - Güncelleme: ...": a name, a bar, the date
_NAME_BEFORE_DATE = re.compile(r"^([^\W\d_][^|·•\d]{3,50}?)\s*[|·•]\s*\d")


def bold_name_line(paragraph, text: str) -> list[str]:
    """The article's first paragraph when it is only a bold name or two ("<p><strong>Jane
    Doe/John Roe</strong></p>"): a signature over the text."""
    bold = [child for child in paragraph if isinstance(child.tag, str)]
    if len(bold) != 1 or bold[0].tag not in ("strong", "b") or len(text) > 80:
        return []
    if " ".join(" ".join(bold[0].itertext()).split()) != text:
        return []
    parts = [part.strip() for part in re.split(r"/|&| and | und ", text)]
    if parts and all(looks_like_full_name(part) and reads_as_name(part) for part in parts):
        return parts
    return []


_ABOVE_WINDOW = 15

_BYLINE_LABEL = re.compile(
    r"^\s*(?:" + "|".join(sorted((re.escape(p.rstrip(":")) for p in tables.BYLINE_TEXT_PREFIXES), key=len, reverse=True))
    + r")\s*[:：]\s*$", re.I)


def text_after(element, limit: int = 100) -> str:
    """The text standing right after an element in its parent ("<b>Von:</b><br> Jane Doe")."""
    parts = [element.tail or ""]
    for sibling in element.itersiblings():
        if sum(len(part) for part in parts) > limit or " ".join("".join(parts).split()):
            break
        if isinstance(sibling.tag, str):
            parts.append(" ".join(sibling.itertext()))
        parts.append(sibling.tail or "")
    return " ".join("".join(parts).split())[:limit]


_SQUASH = re.compile(r"[\W_]+")
_ORGANISATION_WORDS = re.compile(r"(?:^|[\s.-])(?:" + "|".join(re.escape(word) for word in tables.ORGANISATION_WORDS)
                                 + r")(?:$|[\s.,-])")  # case kept: "AG" is a company, "Ag" may be a name
_DOMAIN_NAME = re.compile(r"\.[a-z]{2,4}$", re.I)
# German compounds ending in an organisation word: "Landesanstalt", "Bundesverband", "Verbraucherzentrale"
_ORGANISATION_COMPOUND = re.compile(r"\w(?:" + "|".join(tables.ORGANISATION_WORD_ENDINGS) + r")\b", re.I)


def site_keys_of(site_name: str | None, url: str | None) -> set[str]:
    """Squashed forms of the site's name and of the host's main label ("stern", "sternde")."""
    keys = {_SQUASH.sub("", site_name or "").casefold()}
    keys |= {_SQUASH.sub("", label).casefold() for label in url_domain_labels(url or "")}
    return {key for key in keys if len(key) >= 3}


def names_organisation(name: str, site_keys: set[str]) -> bool:
    """The site itself ("STERN.de", "Interscenario"), a domain, or a name with an organisation
    word ("Hanns-Seidel-Stiftung e.V.", "Example GmbH")."""
    squashed = _SQUASH.sub("", name).casefold()
    # one word opening the site's name or host ("Google" on googleblog.com): the brand
    brand = " " not in name.strip() and len(squashed) >= 4 and any(key.startswith(squashed) for key in site_keys)
    return brand or squashed in site_keys or bool(_DOMAIN_NAME.search(name)) or bool(_ORGANISATION_WORDS.search(name)) \
        or bool(_ORGANISATION_COMPOUND.search(name)) or _is_cjk_organisation(name)


class _AuthorPage:
    """What the author rules read on one page; the label lines and byline-marked elements
    are found once, when a rule first asks, for the rules that share them."""

    def __init__(self, tree, structured: StructuredData, headline_element, site_name=None, url=None):
        self.tree, self.structured, self.headline_element = tree, structured, headline_element
        self.site_name, self.url = site_name, url

    @functools.cached_property
    def lines(self) -> list:
        return label_line_elements(self.tree)

    @functools.cached_property
    def marked(self) -> list:
        return byline_marked_elements(self.tree)


AUTHORS = Cascade("authors", [
    Rule("json-ld", "the JSON-LD article's author (names, or Person objects)",
         "the publisher's own statement for machines", lambda p: jsonld_authors(p.structured)),
    Rule("meta", "<meta name=author>, article:author, parsely/sailthru author keys",
         "declared by the publisher too, but often filled with a desk or the site's name",
         lambda p: meta_authors(p.structured)),
    Rule("itemprop", "microdata itemprop=author / creator elements",
         "declared in the markup, but templates mark teasers' authors too",
         lambda p: itemprop_authors(p.structured)),
    Rule("rel-author", "<a rel=author> links",
         "a link the page marks as the author's, also used on teasers", lambda p: rel_author_names(p.tree, p.structured.rel_anchors)),
    Rule("byline-marked", "an element whose class or id says byline/author near the headline",
         "the byline as shown, found by its markup", lambda p: byline_authors(p.tree, p.headline_element, p.marked)),
    Rule("byline-prefixed", "a \"By Jane Doe\" line after the headline",
         "a shown byline found by its wording, not its markup", lambda p: prefixed_byline_authors(p.headline_element, tree=p.tree)),
    Rule("cjk-credit", "a reporter credit in Chinese text (\"（记者 胡晓蓉）\")",
         "the Chinese press' own byline convention, in the text", lambda p: cjk_credit_authors(p.tree, p.headline_element)),
    Rule("signature", "an emphasised name opening or closing the text",
         "shape only (a short emphasised line): after the labelled forms", lambda p: signature_authors(p.tree)),
    Rule("sign-off", "the text's last paragraph as name over a date or role",
         "shape only, at the end of the text", lambda p: closing_sign_off_authors(p.tree)),
    Rule("byline-labelled", "an \"Autor: X\" / \"Von: X\" label line anywhere outside comments and sidebars",
         "a whole-page search: costly, and far from the headline", lambda p: labelled_byline_authors(p.tree, p.headline_element, p.lines)),
    Rule("post-author-comment", "the name on a comment marked bypostauthor",
         "the blog platform's word, but only indirect", lambda p: post_author_comment_names(p.tree, p.marked)),
    Rule("profile-link", "a link to a member or author profile page near the headline",
         "user-written posts name their writer that way; the link text may be a handle",
         lambda p: profile_link_authors(p.headline_element, p.tree)),
    Rule("author-archive-link", "links to an author archive page (/author/jane-doe/) anywhere outside comments, "
                                "all naming one or two people by full name",
         "the CMS's own link from a post to its writer's archive, but often in a box far from the "
         "headline: after every byline form", lambda p: author_archive_authors(p.tree, p.headline_element)),
    Rule("source-label", "a \"Quelle: X\" / \"Herausgeber: X\" credit",
         "an organisation, the author only when no person is named", lambda p: source_label_organisations(p.tree, p.headline_element, p.lines)),
    Rule("site-owner", "the site's name or the creator's handle when it spells the host's first label",
         "a personal site's pages that name nobody: asked only when no rule above named anyone",
         lambda p: site_owner(p.structured, p.site_name, p.url)),
])


def read_authors(tree, structured: StructuredData, *, site_name: str | None = None,
                 headline_element=None, url: str | None = None) -> list[str]:
    """The article's authors: people first, organisations only when no person is named."""
    return author_answer(tree, structured, site_name=site_name, headline_element=headline_element, url=url).value or []


def author_answer(tree, structured: StructuredData, *, site_name: str | None = None,
                  headline_element=None, url: str | None = None) -> Answer:
    """read_authors with the name of the AUTHORS rule that gave the names ("site-owner" when
    only the site's name says who wrote it)."""
    with remembering_text_shares():
        return _author_answer(tree, structured, site_name=site_name, headline_element=headline_element, url=url)


def _author_answer(tree, structured: StructuredData, *, site_name: str | None,
                   headline_element, url: str | None) -> Answer:
    page = _AuthorPage(tree, structured, headline_element, site_name, url)
    rules = AUTHORS.rules[:-1]  # all but site-owner, asked below
    organisations: list[str] = []
    organisations_rule = None
    site = (site_name or "").casefold()
    site_keys = site_keys_of(site_name, url)
    for number, rule in enumerate(rules):
        names = rule.run(page)
        people = [a for a in names if a.is_person and not names_organisation(a.name, site_keys)]
        if organisations:
            # the publisher named an organisation: page text overrides it only with real full names
            # a CJK name cannot be told from a tag by its form: only a declared one counts
            people = [a for a in people if a.marked or looks_like_full_name(a.name, cjk=number <= _DECLARED_SOURCES)]
        people = [a.name for a in people]
        if people:
            people = [_without_site_suffix(name, site, site_keys) for name in people]
            if any(len(name.split()) == 1 for name in people):
                people = _complete_first_names(people, [lambda rule=later: rule.run(page)
                                                        for later in rules[number + 1:_STRUCTURAL_SOURCES]])
            # agencies named beside people are co-authors ("Jane Doe, dpa")
            return Answer(_unique(people + [a.name for a in names if not a.is_person and _is_agency(a.name)]), rule.name)
        if not organisations or (all(_SQUASH.sub("", name).casefold() in site_keys for name in organisations)
                                 and names and all(a.marked for a in names)):
            # a credited source ("Quelle: kathpress") says more than the site's own name
            organisations = [a.name for a in names]
            organisations_rule = rule.name if names else organisations_rule
    if not organisations:
        owner = AUTHORS["site-owner"].run(page)
        return Answer([owner], "site-owner") if owner else Answer()
    return Answer(_unique(organisations), organisations_rule)


_CAMEL_WORD = re.compile(r"[A-ZÀ-Þ][a-zß-ÿ]+")
_NAME_TITLE = re.compile(r"^(?:(?:" + "|".join(re.escape(title) for title in tables.NAME_TITLES) + r")\s*)+", re.I)


def site_owner(structured: StructuredData, site_name: str | None, url: str | None) -> str | None:
    """The person a personal site is named after, for its pages that name no author: the site's
    name or the creator's handle ("Dr. Alexander Klier" on alexander-klier.net, "@AlexanderLasch"
    on alexanderlasch.wordpress.com) spelling the host's first label."""
    labels = site_labels(host_of(url))
    if len(labels) < 2:
        return None
    label = _SQUASH.sub("", labels[0]).casefold()
    handle = (structured.meta.get("twitter:creator") or "").strip().lstrip("@")
    handle_words = " ".join(_CAMEL_WORD.findall(handle)) if "".join(_CAMEL_WORD.findall(handle)) == handle else None
    for value in (site_name, structured.meta.get("application-name"), handle_words):
        name = _NAME_TITLE.sub("", clean_author(value) or "") if value else ""
        # a name in capitals is a brand's logo ("HUGO BOSS" on hugoboss.com), not a person's site
        if name and looks_like_full_name(name) and reads_as_name(name) and not name.isupper() \
                and _SQUASH.sub("", name).casefold() == label:
            return name
    return None


def _without_site_suffix(name: str, site: str, site_keys: frozenset[str] | set[str] = frozenset()) -> str:
    """"Adam Aaronson PhillyVoice" -> "Adam Aaronson": the site's name (or the host's main
    label, "Matthias herrpfleger") glued to the byline."""
    if site and name.casefold().endswith(" " + site) and len(name) > len(site) + 3:
        return name[: -len(site)].strip()
    words = name.split()
    # lower case only: "Stefan Niggemeier" on niggemeier.de keeps his surname
    if len(words) >= 2 and words[-1][:1].islower() and _SQUASH.sub("", words[-1]).casefold() in site_keys:
        return " ".join(words[:-1])
    return name


def _complete_first_names(people: list[str], later_sources) -> list[str]:
    """A lone first name ("Nils") is completed by a later source naming "Nils Pickert"."""
    completed = list(people)
    for source in later_sources:
        fuller = [a.name for a in source() if len(a.name.split()) >= 2]
        completed = [name if " " in name else next(
            (full for full in fuller if full.split()[0].casefold() == name.casefold()), name) for name in completed]
        if all(" " in name for name in completed):
            break
    return completed


_SENTENCE_WORDS = frozenset(word for words in tables.STOPWORDS.values() for word in words.split()) \
    - tables.NAME_PARTICLES - {"a", "i", "e", "y", "o"}


def reads_as_name(name: str) -> bool:
    """A name read from page text: a handle, or up to five words without sentence words."""
    words = name.split()
    if len(words) > 5 or (len(words) > 1 and name.endswith((".", "!", "?")) and len(words[-1]) > 4):
        return False  # a sentence ("Suche nach wichtigen Spots unterwegs.")
    return not any(word.lower() in _SENTENCE_WORDS for word in words)


_CJK_NAME = re.compile(r"^[\u3400-\u9fff\uac00-\ud7af]{2,5}$")


_STRUCTURAL_SOURCES = 6
"""AUTHORS rules before this index read markup and bylines; the later ones are costly
whole-page fallbacks, not asked to complete a first name."""

_DECLARED_SOURCES = 2
"""AUTHORS rules up to this index are declared (JSON-LD, meta, itemprop), not page text."""



def looks_like_full_name(name: str, cjk: bool = False) -> bool:
    """Two to five words, each capitalised except name particles ("Anna von Berg"), or, when
    cjk, a Chinese, Japanese or Korean name of two to five characters."""
    if _CJK_NAME.match(name):
        return cjk
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    return all(word[0].isupper() or word.lower() in tables.NAME_PARTICLES for word in words) \
        and sum(word[0].isupper() for word in words) >= 2


def _unique(names: list[str]) -> list[str]:
    seen, out = set(), []
    for name in names:
        key = name.casefold()
        if key not in seen:
            seen.add(key)
            out.append(name)
    return out
