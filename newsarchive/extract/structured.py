"""Structured data a page declares about itself: JSON-LD, OpenGraph, meta tags, microdata.

Read once from the whole tree, before the body pass prunes it; every later pass
(metadata, body) consults the StructuredData instead of searching the tree again.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from lxml import etree

from ..hosts import join_url
from .meta_tables import ARTICLE_TYPES



@dataclass
class StructuredData:
    """What the page says about itself in machine-readable form."""

    json_ld: list[dict] = field(default_factory=list)
    """Every JSON-LD object, with arrays and @graph flattened into one list, page order."""
    types: set[str] = field(default_factory=set)
    """Every schema.org @type seen (JSON-LD, nested objects included, and microdata itemtype)."""
    article: dict | None = None
    """The main Article-like JSON-LD object, or None."""
    article_body: str | None = None
    """articleBody (or text) of the main Article-like object."""
    og: dict[str, str] = field(default_factory=dict)
    """OpenGraph properties without the "og:" prefix ("title", "site_name", ...); first wins."""
    meta: dict[str, str] = field(default_factory=dict)
    """meta name/property/itemprop/http-equiv (lower-cased) -> content; first wins."""
    meta_all: dict[str, list[str]] = field(default_factory=dict)
    """Like meta, keeping every value of a repeated key (article:tag, article:author...)."""
    itemprops: dict[str, list] = field(default_factory=dict)
    """Microdata: itemprop name (lower-cased) -> the elements carrying it, page order."""
    canonical_url: str | None = None
    """link rel=canonical, made absolute."""
    links: dict[str, list[str]] = field(default_factory=dict)
    """Other link rel values (author, amphtml, ...) -> absolute hrefs."""
    rel_anchors: list = field(default_factory=list)
    """The <a> elements with a rel attribute, page order (authors reads rel=author bylines)."""
    html_lang: str | None = None
    """The lang (or xml:lang) attribute of <html>."""
    title: str | None = None
    """The text of <title>."""
    scripts: list[str] = field(default_factory=list)
    """The text of every other inline script (app state a page may render its article from)."""
    state_scripts: list[str] | None = None
    """The text of every <script> without a src whose type is not application/ld+json as
    written, page order: where dates.script_state_dates looks for dates in app state (each
    script's text is decoded once, by read_structured; None: not read, the tree is)."""


#: The longest <title> read: the first this many characters of a longer one.
TITLE_MAX_LEN = 1000


def read_structured(tree, url: str | None) -> StructuredData:
    """Collect JSON-LD, OpenGraph, meta, microdata, canonical link, lang and title of a page."""
    data = StructuredData()
    if tree is None:
        return data
    data.state_scripts = []
    data.json_ld = read_json_ld(tree, data.scripts, data.state_scripts)
    for obj in data.json_ld:
        collect_types(obj, data.types)
    data.article = main_article(data.json_ld)
    if data.article is not None:
        body = data.article.get("articleBody") or data.article.get("text")
        if isinstance(body, list):
            body = "\n\n".join(str(part) for part in body if isinstance(part, str))
        data.article_body = body.strip() if isinstance(body, str) and body.strip() else None
    read_meta_tags(tree, data)
    read_links(tree, url, data)
    read_microdata(tree, data)
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or root.get("xml:lang")
    data.html_lang = lang.strip() if lang and lang.strip() else None
    first_title = next(root.iter("title"), None)  # a tag-filtered walk in C, faster than //title
    if first_title is not None:
        # no title runs this long: the rest is a page read into it (the readers compare every
        # segment of a title with the rest of it, which a page's length makes quadratic)
        text = " ".join(first_title.text_content()[:TITLE_MAX_LEN].split())
        data.title = text or None
    return data


# ---------------------------------------------------------------- JSON-LD
_CDATA = re.compile(r"<!\[CDATA\[|\]\]>")
_HTML_COMMENT = re.compile(r"<!--|-->")
_BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"(?m)^\s*//.*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_json_ld(tree, other_scripts: list[str] | None = None,
                 state_scripts: list[str] | None = None) -> list[dict]:
    """All JSON-LD objects of the page, flattened, tolerant of the usual breakage.

    other_scripts: receives the text of every other inline script, when given.
    state_scripts: receives StructuredData.state_scripts, when given."""
    objects: list[dict] = []
    for script in tree.iter("script"):
        written = script.get("type")
        kind = (written or "").strip().lower()
        text = script.text  # read once: each read decodes the script anew
        if state_scripts is not None and written != "application/ld+json" and script.get("src") is None:
            state_scripts.append(text or "")
        if not kind.startswith("application/ld+json"):
            if other_scripts is not None and text:
                other_scripts.append(text)
            continue
        text = text or ""
        for value in parse_json_lenient(text):
            flatten_json_ld(value, objects)
    return objects


def parse_json_lenient(text: str) -> list:
    """Parse one script's JSON, repairing comments, CDATA, control chars, trailing commas.

    Returns every top-level value found (some pages put several objects in one script).
    """
    text = text.strip()
    if not text:
        return []
    values = _decode_all(text)
    if values:
        return values
    repaired = _CDATA.sub("", text)
    repaired = _HTML_COMMENT.sub("", repaired)
    repaired = _BLOCK_COMMENT.sub("", repaired)
    repaired = _LINE_COMMENT.sub("", repaired)
    repaired = _CONTROL.sub(" ", repaired)
    repaired = _TRAILING_COMMA.sub(r"\1", repaired).strip().rstrip(";")
    return _decode_all(repaired)


def json_loads(text: str):
    """json.loads with lone surrogates made U+FFFD (see without_lone_surrogates)."""
    return _surrogates_replaced(text, json.loads(text))


def _surrogates_replaced(text: str, value):
    """The value decoded from `text`, its lone surrogates U+FFFD when the text escapes any."""
    return without_lone_surrogates(value) if _SURROGATE_ESCAPE.search(text) else value


#: A JSON escape of a UTF-16 surrogate ("\ud83d"): a pair of them decodes to one character, a
#: lone one to a str that no UTF-8 text (the archive's, a JSON export's) can hold.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def without_lone_surrogates(value):
    """A decoded JSON value with each lone surrogate in its strings (keys too) as U+FFFD: a
    page's "\ud800" would otherwise reach the Article and fail its storing."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_lone_surrogates(item) for item in value]
    if isinstance(value, dict):
        return {without_lone_surrogates(key): without_lone_surrogates(item) for key, item in value.items()}
    return value


def _decode_all(text: str) -> list:
    return _surrogates_replaced(text, _decode_values(text))


def _decode_values(text: str) -> list:
    decoder = json.JSONDecoder(strict=False)
    values, pos = [], 0
    while pos < len(text):
        while pos < len(text) and text[pos] in " \t\r\n,;":
            pos += 1
        if pos >= len(text):
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except ValueError:
            return values
        values.append(value)
    return values


def flatten_json_ld(value, out: list[dict]) -> None:
    """Append the objects of a JSON-LD value to out: arrays and @graph opened up."""
    if isinstance(value, list):
        for item in value:
            flatten_json_ld(item, out)
    elif isinstance(value, dict):
        graph = value.get("@graph")
        if graph is not None:
            if any(key not in ("@context", "@graph", "@id") for key in value):
                out.append(value)
            flatten_json_ld(graph, out)
        else:
            out.append(value)


def type_names(obj) -> list[str]:
    """The @type values of a JSON-LD object as plain names ("NewsArticle"), URL prefixes dropped."""
    if not isinstance(obj, dict):
        return []
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return [k.rstrip("/").rsplit("/", 1)[-1] for k in kinds if isinstance(k, str) and k]


def collect_types(obj, out: set[str], depth: int = 0) -> None:
    if depth > 6:
        return
    if isinstance(obj, list):
        for item in obj:
            collect_types(item, out, depth + 1)
    elif isinstance(obj, dict):
        out.update(type_names(obj))
        for value in obj.values():
            if isinstance(value, (dict, list)):
                collect_types(value, out, depth + 1)


def is_article_object(obj) -> bool:
    return any(name.lower() in ARTICLE_TYPES for name in type_names(obj))


def article_objects(objects: list[dict]) -> list[dict]:
    """Article-like objects, including those nested as a WebPage's mainEntity."""
    found = []
    for obj in objects:
        if is_article_object(obj):
            found.append(obj)
        for key in ("mainEntity", "mainEntityOfPage"):
            inner = obj.get(key)
            for item in inner if isinstance(inner, list) else [inner]:
                if is_article_object(item) and item not in found:
                    found.append(item)
    return found


def main_article(objects: list[dict]) -> dict | None:
    """The page's own article object: the one with a headline and the most body, else the first."""
    candidates = article_objects(objects)
    if not candidates:
        return None

    def weight(obj):
        body = obj.get("articleBody") or obj.get("text") or ""
        return (bool(obj.get("headline") or obj.get("name")), len(body) if isinstance(body, str) else 0)

    return max(candidates, key=weight)


# ---------------------------------------------------------------- meta, links, microdata
def read_meta_tags(tree, data: StructuredData) -> None:
    for element in tree.iter("meta"):
        content = element.get("content")
        if content is None:
            content = element.get("value")
        if content is None:
            continue
        content = content.strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attr)
            if not key:
                continue
            key = key.strip().lower()
            data.meta.setdefault(key, content)
            data.meta_all.setdefault(key, []).append(content)
            if key.startswith("og:"):
                data.og.setdefault(key[3:], content)


#: link rel values worth keeping (the rest are stylesheets, icons, preloads).
_KEPT_RELS = frozenset({"canonical", "author", "amphtml", "publisher", "shortlink"})
_KEPT_REL_HINT = re.compile("|".join(_KEPT_RELS))


def read_links(tree, url: str | None, data: StructuredData) -> None:
    # a tag-filtered walk in C, the rel read in Python: the XPath //link[@rel] | //a[@rel]
    # walked the tree twice in libxml2 and cost three times as much
    for element in tree.iter("link", "a"):
        rel = element.get("rel")
        if not rel:
            continue
        anchor = element.tag == "a"
        rel = rel.lower()
        if anchor:
            data.rel_anchors.append(element)
            if "author" not in rel:
                continue
        elif _KEPT_REL_HINT.search(rel) is None:
            # most rel values are stylesheets, icons, preloads and nofollow links: a substring
            # test rules them out before the href is read and the rel split (a third of the pass)
            continue
        href = element.get("href")
        if not href:
            continue
        rels = [value for value in rel.split() if value in _KEPT_RELS]
        if anchor:
            rels = [value for value in rels if value == "author"]
        href = href.strip()
        if not rels or not href or href.startswith(("javascript:", "#")):
            continue
        absolute = join_url(url, href)
        if absolute is None:
            continue
        for rel in rels:
            if rel == "canonical" and not anchor:
                if data.canonical_url is None:
                    data.canonical_url = absolute
            else:
                data.links.setdefault(rel, []).append(absolute)


# selecting the attributes and stepping to their elements is several times faster in
# libxml2 than testing every element with //*[@itemprop]; taking the attributes of the
# elements (//*/@) rather than of every node (//@, text nodes included) saves a quarter more
_ITEMPROP_ELEMENTS = etree.XPath("//*/@itemprop/..")
_ITEMTYPE_ELEMENTS = etree.XPath("//*/@itemtype/..")


def read_microdata(tree, data: StructuredData) -> None:
    for element in _ITEMPROP_ELEMENTS(tree):
        for name in element.get("itemprop", "").lower().split():
            data.itemprops.setdefault(name, []).append(element)
    for element in _ITEMTYPE_ELEMENTS(tree):
        for kind in element.get("itemtype", "").split():
            data.types.add(kind.rstrip("/").rsplit("/", 1)[-1])


def itemprop_value(element) -> str | None:
    """The value of a microdata property element, per the microdata spec's attribute rules."""
    tag = element.tag if isinstance(element.tag, str) else ""
    for attr in ("content", "datetime"):
        value = element.get(attr)
        if value and value.strip():
            return value.strip()
    if tag in ("a", "link", "area"):
        value = element.get("href")
    elif tag in ("img", "audio", "video", "source", "embed", "iframe"):
        value = element.get("src")
    elif tag == "time":
        value = element.text_content()
    else:
        value = element.text_content() if element.get("itemscope") is None else None
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
