"""Prune obvious chrome from the whole tree before any scoring.

Scripts, styles, forms controls and hidden elements go silently; page-structure chrome
(nav, aside, footer, header, ARIA landmarks) and elements whose class/id says what they are
(sidebar, share, comments, related, ads...) go too, each recorded as a labelled
Boilerplate block so a user can audit what was removed.
"""
from __future__ import annotations

import re
import threading
from contextlib import contextmanager
from operator import add

from lxml import etree

from .tables import BLOCK_TAGS as _BLOCKS
from .tables import (
    BAD_TOKENS, BODY_TOKEN_PAIRS, BODY_TOKENS, CHROME_ROLES, CHROME_TAGS, COMPONENT_PART_PAIRS,
    CONTENT_WIDGET_TOKENS,
    DROP_TAGS, GOOD_TOKENS, HEADING_TAGS, LEAD_TOKENS, WIDGET_TOKENS,
    SCREEN_READER_TOKENS, STATE_TOKENS, WEAK_BAD_TOKENS,
)
from .dom import holds_blocks
from .text import text_of

_CAMEL = re.compile(r"([a-z0-9])([A-Z])")
_WORD = re.compile(r"[0-9a-zA-Z]+")
_BAD_TOKEN_SET = frozenset(BAD_TOKENS)
#: The first tokens of BODY_TOKEN_PAIRS: a class/id holding none of them holds no such pair.
_BODY_PAIR_OPENINGS = frozenset(first for first, _ in BODY_TOKEN_PAIRS)
_HOLDS_MAIN = etree.XPath(
    "boolean(descendant::h1 or descendant::*[contains(concat(' ', normalize-space(@itemprop), ' '),"
    " ' articleBody ')])")
_XML_SPACE = re.compile(r"[ \t\r\n]+")
_CLASSED = etree.XPath("descendant::*[@class]")
_CLASS_VALUES = etree.XPath("descendant::*/@class", smart_strings=False)  # joined, never traced back
_RESPONSIVE_SHOW = re.compile(r"(?::|^d-\w+-)(?:block|flex|grid|inline|inline-block|inline-flex|table|contents)$|^visible-")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)

#: Elements smaller than this (characters) may be removed on a weak class/id token alone.
WEAK_TOKEN_MAX_TEXT = 150
#: A block named a caption may be this long (characters, spaces collapsed).
CAPTION_MAX_TEXT = 400

#: A hidden element holding at least this share of the page's text is content that scripts
#: reveal (streamed rendering puts the whole page in a hidden div), not hidden chrome; so is
#: one holding PROSE_MAJORITY of the page's prose (an article body a script shows once the
#: page has loaded, under menus and footers that outweigh it in text but not in prose).
HIDDEN_CONTENT_SHARE = 0.5

#: A noscript element with at least this much text (characters) holds the page's content.
NOSCRIPT_CONTENT_LEN = 500

#: Paragraphs this long (characters) count as prose when looking for the article's wrapper.
PROSE_MIN_LEN = 100
#: An element holding this share of the page's prose is the article's wrapper, not chrome.
PROSE_MAJORITY = 0.5
#: Labels whose class/id tokens remove an element even when it holds most of the prose
#: (a long comment thread is still comments).
HARD_LABELS = frozenset({"comments"})

#: A chrome element holding at least this share of the page's text, with the headline or an
#: articleBody inside, is the page's wrapper, not chrome.
WRAPPER_TEXT_SHARE = 0.3


def _class_value(el) -> str:
    value = el.get("class")
    ident = el.get("id")
    if ident:
        return f"{value} {ident}" if value else ident
    return value or ""


def class_info(el, *, with_id: bool = True) -> tuple:
    """What an element's class and id (or its class alone) say, cached by the attribute text
    (pages repeat the same classes many times), as one tuple shared by pruning and scoring:
    (tokens, strong chrome label, any chrome label, names the article body, hidden by class,
    holds a chrome token, holds an article-like token)."""
    value = _class_value(el) if with_id else (el.get("class") or "")
    if not value:
        return _NO_CLASS
    return _CLASS_CACHE.get(value) or _classify(value, el.get("class"))


def _classify(value: str, classes: str | None) -> tuple:
    """class_info's tuple for a class/id value (and the class attribute alone), cached."""
    tokens = split_class_words(value)
    strong, weak, names_body, names_chrome, names_good = token_labels(tokens)
    info = (tokens, strong, weak, names_body, hidden_by_class(classes), names_chrome, names_good)
    if len(_CLASS_CACHE) > 50_000:
        _CLASS_CACHE.clear()
    _CLASS_CACHE[value] = info
    return info


def token_labels(tokens: tuple[str, ...]) -> tuple:
    """(strong chrome label, any chrome label, names the article body, holds a chrome token,
    holds an article-like token) of class/id tokens, each token and each adjacent pair glued
    ("side", "bar" -> "sidebar") looked up. Most classes name no chrome: one set test rules
    that out before the ordered look-up."""
    if len(tokens) > 1:
        # the pairs glued by map in C, and made as tuples only when no token names the body
        # and one opens a body pair (2.0 against 3.1 us a class value; pages bring some fifty
        # new values each)
        ordered = [*tokens, *map(add, tokens, tokens[1:])]
        names_body = not BODY_TOKENS.isdisjoint(ordered) or (
            not _BODY_PAIR_OPENINGS.isdisjoint(tokens)
            and not BODY_TOKEN_PAIRS.isdisjoint(zip(tokens, tokens[1:])))
    else:
        ordered = tokens
        names_body = bool(tokens) and not BODY_TOKENS.isdisjoint(tokens)
    names_chrome = not _BAD_TOKEN_SET.isdisjoint(ordered)
    names_good = not GOOD_TOKENS.isdisjoint(tokens) and any(
        token in GOOD_TOKENS and (i == 0 or (tokens[i - 1], token) not in COMPONENT_PART_PAIRS)
        for i, token in enumerate(tokens))
    strong = weak = None
    if names_chrome and not names_body:
        # page builders wrap every text block in a "widget" ("elementor-widget-text-editor")
        content_widget = not CONTENT_WIDGET_TOKENS.isdisjoint(tokens)
        for i, token in enumerate(ordered):
            label = BAD_TOKENS.get(token)
            if label is None or (content_widget and token in WIDGET_TOKENS):
                continue
            if 0 < i < len(tokens) and tokens[i - 1] in STATE_TOKENS:
                # "no-caption", "has-sidebar", "with-comments": a state of the element
                continue
            if weak is None:
                weak = label
            if token not in WEAK_BAD_TOKENS:
                strong = label
                break
    return strong, weak, names_body, names_chrome, names_good


def split_class_words(value: str) -> tuple[str, ...]:
    """Lower-case words of a class/id value, camelCase split ("articleBody x-2" -> article, body,
    x, 2); most class names are lower case already and skip the camelCase pass."""
    if value == value.lower():
        return tuple(_WORD.findall(value))
    # words are ASCII runs, lowered one by one: lowering the whole value first would turn
    # some non-ASCII capitals into ASCII letters (the Kelvin sign into "k")
    return tuple(word.lower() for word in _WORD.findall(_CAMEL.sub(r"\1 \2", value)))


def hidden_by_class(classes: str | None) -> bool:
    """True for screen-reader-only and hidden classes ("sr-only", "hidden"), unless another
    class shows the element on larger screens ("hidden md:block")."""
    if not classes:
        return False
    words = classes.lower().split()
    if not SCREEN_READER_TOKENS.isdisjoint(words):
        return not any(_RESPONSIVE_SHOW.search(w) for w in words)
    return False


_NO_CLASS = ((), None, None, False, False, False, False)
_CLASS_CACHE: dict[str, tuple] = {}


def class_tokens(el) -> list[str]:
    """Lower-case word tokens of an element's class and id ("articleBody" -> article, body)."""
    return list(class_info(el)[0])


def joined_tokens(tokens: list[str]) -> set[str]:
    """The tokens and every adjacent pair glued together ("article", "body" -> "articlebody")."""
    out = set(tokens)
    out.update(a + b for a, b in zip(tokens, tokens[1:]))
    return out


#: Characters the HTML parser keeps in text but lxml refuses to set: C0 controls other than tab
#: and line breaks (a vertical tab pasted from a word processor), and the non-characters U+FFFE/F.
_UNSETTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def settable_text(text: str) -> str:
    """Text as lxml takes it back into the tree: each refused character a space (a reader
    sees none of them)."""
    return _UNSETTABLE.sub(" ", text) if not text.isprintable() and _UNSETTABLE.search(text) else text


def remove_element(el) -> None:
    """Remove an element from the tree, keeping its tail text in place. Inside
    holding_removed(), the removed element is kept until the block ends."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = settable_text((prev.tail or "") + tail)
        else:
            parent.text = settable_text((parent.text or "") + tail)
    parent.remove(el)
    removed = getattr(_held, "removed", None)
    if removed is not None:
        removed.append(el)


_held = threading.local()


@contextmanager
def holding_removed():
    """Keep every element removed inside the block alive until it ends.

    lxml frees a removed subtree when the last Python reference into it goes; each reference
    to an element inside it that goes while the subtree's own top is unreferenced first walks
    the subtree looking for other references. The passes keep many such references (dicts of
    text statistics, prose weights, the h1s) and let them go in hash or page order: a removed
    block of N referenced elements cost O(N^2) (a sidebar of 20,000 teasers with headings:
    12 s). Holding the removed tops until those references have gone makes each walk stop at
    once and frees each subtree in one pass at the end.
    """
    outer = getattr(_held, "removed", None)
    _held.removed = []
    try:
        yield
    finally:
        _held.removed = outer


def names_article_body(tokens: list[str]) -> bool:
    """True when class/id tokens name the article body itself ("article-body", "entry-content")."""
    if not tokens:
        return False
    if any(a + b in BODY_TOKENS or (a, b) in BODY_TOKEN_PAIRS for a, b in zip(tokens, tokens[1:])):
        return True
    return any(t in BODY_TOKENS for t in tokens)


def is_hidden(el) -> bool:
    """True for elements a reader never sees (hidden attribute, display:none, screen-reader-only)."""
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if el.get("aria-hidden") == "true" and el.tag not in ("html", "body") and not is_shown_prose(el):
        return True
    return hidden_by_class(el.get("class"))


def is_shown_prose(el) -> bool:
    """A paragraph of prose that only assistive tech is told to skip: aria-hidden hides
    nothing from the eye, and paywalls mark the article's rest so ("<p class="paywall"
    aria-hidden="true">"). Decorative copies and icons are short or not paragraphs."""
    return el.tag == "p" and len(text_of(el)) >= PROSE_MIN_LEN


def chrome_label(el, *, weak_allowed: bool) -> str | None:
    """The boilerplate label an element's tag, role or class/id gives it, or None."""
    label = CHROME_TAGS.get(el.tag)
    if label is not None:
        return label
    role = el.get("role")
    if role:
        label = CHROME_ROLES.get(role.lower())
        if label is not None:
            return label
    info = class_info(el)
    return info[2] if weak_allowed else info[1]


def holds_article(el, page_text_len: int, prose: dict | None = None, prose_total: int = 0,
                  holders: set | None = None) -> bool:
    """True when a chrome-looking element is really the page's wrapper around the article.

    A wrapper named after a layout with a sidebar ("container penci_sidebar") holds the
    headline or the articleBody; a page-structure element (header, aside) only counts as a
    wrapper when it also holds a large share of the page's text. `holders`: the page's
    main_holders, when known (else the element's subtree is searched).
    """
    if el.tag in ("html", "body"):
        return True
    if prose_total:
        # measured in prose (long paragraphs), which is cheaper and steadier than all text
        large = prose.get(el, 0) >= WRAPPER_TEXT_SHARE * prose_total
    else:
        large = len(text_of(el)) >= WRAPPER_TEXT_SHARE * page_text_len
    if not large and el.tag in CHROME_TAGS:
        return False
    holds_main = el in holders if holders is not None else _HOLDS_MAIN(el)
    if holds_main and (large or el.tag not in CHROME_TAGS):
        return True
    if not large or len(el.findall(".//p")) < 5:
        return False
    if el.tag not in CHROME_TAGS:
        return True
    link_len = sum(len(text_of(a)) for a in el.iter("a"))
    return link_len < 0.3 * len(text_of(el))


def main_holders(h1s: list, marked_bodies: list) -> set:
    """The elements that hold an h1 or an element whose itemprop is articleBody (microdata):
    a chrome-looking one of them is the page's wrapper (holds_article). Made once before the
    pruning walk, from the h1s it meets anyway and the structured pass's itemprops, instead of
    searching each judged element's subtree: the walk removes only elements it has reached,
    after their ancestors, so the set holds for every element it judges later."""
    holders: set = set()
    for el in h1s:
        holders.update(el.iterancestors())
    for el in marked_bodies:
        # the token test of _HOLDS_MAIN: itemprop split at XML whitespace only
        if "articleBody" in _XML_SPACE.split(el.get("itemprop") or ""):
            holders.update(el.iterancestors())
    return holders


def thread_beside_text(el, prose: dict, prose_total: int, holds_main=_HOLDS_MAIN) -> bool:
    """True when a comment thread stands beside the text it discusses: prose outside it, and
    neither the headline nor an articleBody inside it. A short post with a long thread under
    it leaves the thread most of the page's prose, yet the thread is still comments; a forum
    page (no prose outside the thread) keeps its discussion. holds_main: the page's test for
    "holds the h1 or an articleBody" (prune_chrome passes its main_holders look-up)."""
    return prose_total - prose.get(el, 0) >= PROSE_MIN_LEN and not holds_main(el)


def is_article_header(el) -> bool:
    """A <header> of the article, not the site's banner: it holds the h1 with a paragraph
    beside it, or a block named as the lead ("content__intro"). Its lead is body."""
    # tag-filtered iterators in C, where find(".//h1") parses its path in Python first
    # (el, a header, is neither of the tags it looks for)
    has_h1 = next(el.iter("h1"), None) is not None
    if has_h1 and next(el.iter("p"), None) is not None:
        return True
    if not has_h1 and next(el.iterancestors("article", "main"), None) is None:
        # the site's banner: neither the headline nor inside the article
        return False
    # one substring pass over all its classes first: most headers name no lead at all
    classes = " ".join(_CLASS_VALUES(el)).lower()
    if not any(token in classes for token in LEAD_TOKENS):
        return False
    return any(not LEAD_TOKENS.isdisjoint(class_info(node)[0]) for node in _CLASSED(el))


def is_small(el) -> bool:
    """Short enough to be removed on a weak class token (a date line, a tag list)."""
    text = text_of(el)
    if len(text) > WEAK_TOKEN_MAX_TEXT:
        return False
    return True


def is_caption_size(el) -> bool:
    """No longer than a caption of a few sentences (spaces collapsed), and shaped like one:
    a line of text, or lines beside each other (text and credit, full and truncated), not a
    card (a video's title and description, a teaser with its details)."""
    for child in el:
        if isinstance(child.tag, str) and child.tag in _BLOCKS and (child.tag in HEADING_TAGS or any(
                isinstance(c.tag, str) and c.tag in _BLOCKS for c in child)):
            return False
    return len(" ".join(text_of(el).split())) <= CAPTION_MAX_TEXT


def prune_chrome(root, record, *, include_captions: bool = False,
                 marked_bodies: list | None = None) -> None:
    """Remove chrome from the tree in one pre-order walk; `record(el, label)` is called first.

    `record` receives each removed chrome block before it leaves the tree (not scripts,
    styles or hidden elements, which a reader never sees). `marked_bodies`: the elements the
    structured pass found with itemprop articleBody (None: search for them where needed).
    """
    body = root.find("body")
    if body is None:
        body = root
    # what a reader never sees goes silently, in one pass in C over the page: the head,
    # scripts, styles, form controls (DROP_TAGS), comments and processing instructions (a pass
    # of its own cost as much as a quarter of this one)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *DROP_TAGS, with_tail=False)
    h1s: list = []
    prose = prose_weights(body, h1s)
    holders = main_holders(h1s, marked_bodies) if marked_bodies is not None else None
    holds_main = holders.__contains__ if holders is not None else _HOLDS_MAIN
    prose_total = prose.get(body, 0)
    majority = PROSE_MAJORITY * prose_total
    # a stack of elements to judge, next on top: children go on reversed (el[::-1], one C
    # call, is the cheapest way lxml gives them)
    groups = ProseGroups(prose)
    page_text_len = -1  # measured when first needed: most pages never ask (0.03 ms)

    def page_text() -> int:
        nonlocal page_text_len
        if page_text_len < 0:
            page_text_len = len(text_of(body))
        return page_text_len

    def remove(el) -> None:
        groups.forget(el)
        remove_element(el)

    stack = body[::-1]
    while stack:
        el = stack.pop()
        tag = el.tag  # an element's: comments, processing instructions and DROP_TAGS are stripped
        # the attributes' names in one call, and only the attributes it names read: a read
        # costs about as much as the names (~0.12 us), and most elements have no attribute
        # besides class and id, or none at all
        names = el.keys()
        get = el.get
        cls = get("class") if "class" in names else None
        ident = get("id") if "id" in names else None
        if cls is None and ident is None:
            info, named = _NO_CLASS, 0
        else:
            key = f"{cls} {ident}" if cls and ident else cls or ident  # as _class_value
            info = (_CLASS_CACHE.get(key) or _classify(key, cls)) if key else _NO_CLASS
            named = (cls is not None) + (ident is not None)
        if len(names) > named:
            # attributes besides class and id: look for those that hide it or give it a role
            style = get("style") if "style" in names else None
            role = get("role") if "role" in names else None
            hidden = info[4] or "hidden" in names or (
                style is not None and _HIDDEN_STYLE.search(style) is not None) or (
                "aria-hidden" in names and get("aria-hidden") == "true" and not is_shown_prose(el))
        else:
            hidden, role = info[4], None
        if not hidden and role is None and not (info[1] or info[2]) and tag not in _JUDGED_BY_TAG:
            # most elements: nothing hides it or gives it a role, its class and id name
            # nothing and its tag tells nothing, so it stays (the tests below cost ~2 us each)
            stack.extend(el[::-1])
            continue
        if tag == "noscript" and len(text_of(el)) < NOSCRIPT_CONTENT_LEN:
            # tracking pixels and "enable JavaScript" notices; a page that renders its
            # article only for readers without scripts keeps it here
            remove(el)
            continue
        if hidden and len(text_of(el)) < HIDDEN_CONTENT_SHARE * page_text() \
                and not (prose_total and prose.get(el, 0) >= majority):
            # a large hidden subtree, or one holding most of the prose, is content that
            # scripts reveal (streamed rendering, a body shown once the page has loaded)
            remove(el)
            continue
        if (tag == "figcaption" or (tag == "cite" and in_figure(el))) and not include_captions:
            # a figure's caption, and the credit it cites beside the caption ("<cite>NASA</cite>")
            record(el, "caption")
            remove(el)
            continue
        label = CHROME_TAGS.get(tag) or (CHROME_ROLES.get(role.lower()) if role else None)
        if tag in HEADING_TAGS and ident and info[1] not in HARD_LABELS:
            # a heading's id is an anchor named after its words ("nav_setup__1"), not its
            # role; "comments-title" still heads the comments
            info = class_info(el, with_id=False)
        strong, weak = info[1], info[2]
        # tag (or role) and class both naming chrome: an <aside class="sidebar">
        named_twice = label is not None and strong is not None
        if label is None:
            label = strong
        if label is not None and prose_total and label not in HARD_LABELS \
                and groups(el) >= majority \
                and not (named_twice and not holds_main(el)):
            # a "share"/"widget"/"header" wrapper that holds most of the page's prose is
            # the article's wrapper, whatever its class says; a sidebar named so twice is
            # one only when the headline or the articleBody is inside it
            label = None
        if label is None and weak is not None and tag in _BLOCKS \
                and not (prose_total and prose.get(el, 0) >= majority) \
                and (is_small(el) or (weak == "caption" and prose_total - prose.get(el, 0) >= PROSE_MIN_LEN
                                      and is_caption_size(el))):
            # weak names ("tag", "meta", "date") only remove whole blocks, never a link in a
            # sentence; a caption may run to a few sentences (agency captions do) when the text
            # it illustrates stands beside it (a video page's only prose is its caption)
            label = weak
        if label == "caption" and include_captions:
            label = None
        if tag == "header" and label == "other" and is_article_header(el):
            # the article's own header: headline, lead and meta line together; its parts
            # are judged one by one (the lead is body, the breadcrumb is not)
            label = None
        if label is not None and (
                not holds_article(el, page_text() if not prose_total else 0, prose, prose_total, holders)
                or (label in HARD_LABELS
                    and thread_beside_text(el, prose, prose_total, holds_main))):
            record(el, label)
            remove(el)
            continue
        stack.extend(el[::-1])


#: Tags prune_chrome judges by the tag itself (chrome, captions, noscript), and headings, whose
#: class is judged without their id: an element of none of them whose attributes name, hide
#: and give a role to nothing is never removed. (DROP_TAGS are stripped before the walk.)
_JUDGED_BY_TAG = frozenset({"noscript", "figcaption", "cite", *CHROME_TAGS, *HEADING_TAGS})


def in_figure(el) -> bool:
    """True inside a <figure> (a cited credit there is the picture's, not a quote's source)."""
    return any(anc.tag == "figure" for anc in el.iterancestors())


def prose_weights(body, h1s: list | None = None) -> dict:
    """Element -> amount of prose under it: text of paragraphs of 100+ characters that are
    not mostly links, summed up the ancestors (a few hundred paragraphs at most).
    `h1s`, when given, collects the page's h1 elements on the same walk."""
    weights: dict = {}
    level: dict = {}  # paragraph -> its prose
    for el in body.iter("p", "pre", "div", "td", "dd", "li", "h1"):
        tag = el.tag
        if tag == "h1":
            if h1s is not None:
                h1s.append(el)
            continue
        if tag != "p" and tag != "pre":
            # a text block counts when it opens with text and holds no blocks
            opening = el.text
            if not opening or opening.isspace() or holds_blocks(el):
                continue
        text = text_of(el)
        if len(text) < PROSE_MIN_LEN:
            continue
        length = len(text.strip())
        if length < PROSE_MIN_LEN:
            continue
        if len(el) and sum(len(text_of(a)) for a in el.iter("a")) > 0.3 * length:
            continue
        level[el] = level.get(el, 0) + length
    # summed up one level at a time: the paragraphs of an article share their ancestors after
    # a level or two, so each ancestor is reached once, not once per paragraph below it
    while level:
        above: dict = {}
        for node, length in level.items():
            weights[node] = weights.get(node, 0) + length
            parent = node.getparent()
            if parent is not None:
                above[parent] = above.get(parent, 0) + length
        level = above
    return weights


def group_prose(el, prose: dict) -> int:
    """Prose under an element and its siblings of the same class: an article cut into
    sections ("sidebar-grid__container" four times) holds its prose across all of them."""
    own = prose.get(el, 0)
    cls = el.get("class")
    parent = el.getparent()
    if not own or not cls or parent is None:
        return own
    return sum(prose.get(sib, 0) for sib in parent if sib.get("class") == cls)


class ProseGroups:
    """group_prose for the pruning walk: each (parent, class) group summed once, and kept
    current as the walk removes its members. Summing the siblings again for every one of
    them made a page of thousands of alike blocks ("share" boxes) quadratic."""

    def __init__(self, prose: dict):
        self.prose = prose
        self.sums: dict = {}

    def __call__(self, el) -> int:
        own = self.prose.get(el, 0)
        cls = el.get("class")
        parent = el.getparent()
        if not own or not cls or parent is None:
            return own
        key = (parent, cls)
        total = self.sums.get(key)
        if total is None:
            total = self.sums[key] = group_prose(el, self.prose)
        return total

    def forget(self, el) -> None:
        """Take an element about to leave the tree out of its group's sum."""
        if self.sums:
            key = (el.getparent(), el.get("class"))
            if key in self.sums:
                self.sums[key] -= self.prose.get(el, 0)


def strip_comments(root) -> None:
    """Drop HTML comments and processing instructions (their tails stay)."""
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
