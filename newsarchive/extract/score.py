"""Score candidate containers and select the article's elements.

Readability's idea, on one pass of text statistics: every paragraph gives points (length,
commas) to its ancestors, a container's class/id and tag weigh in, and link-heavy
containers are discounted. The best container is widened to its parent when the parent
holds several good candidates, and siblings that look like more of the article join it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .prune import class_info
from .tables import (
    BAD_TOKENS, BLOCK_TAGS, CONTAINER_TAGS, COMMAS, CONTENT_WIDGET_TOKENS, COOKIE_NOTICE_PATTERN, TAG_WEIGHTS,
    WIDGET_TOKENS,
)
from .text import text_of, text_weight

#: Paragraphs shorter than this (characters) give no points.
MIN_PARAGRAPH_LEN = 25
_SCORED_TAGS = ("p", "pre", "td", "div", "section", "article", "blockquote", "center", "main",
                "body", "form", "font")
#: Text (characters) a container needs for its full class/id bonus.
FULL_BONUS_TEXT = 500
_BAD_TOKEN_SET = frozenset(BAD_TOKENS)
#: Table cells shorter than this (characters) are data, not prose: they give no points.
MIN_CELL_LEN = 100
#: How many wrappers above the top container may repeat as the article's parts.
COUSIN_MAX_LEVELS = 4
#: How far up a paragraph's points travel, and the divisor at each level.
ANCESTOR_DIVISORS = (1, 2, 6, 9, 12)
#: A paragraph's points: 1, its commas, one per CHARS_PER_POINT characters up to LENGTH_POINTS_MAX
#: (reached at LENGTH_POINTS_FULL characters whatever the script).
CHARS_PER_POINT = 100
LENGTH_POINTS_MAX = 3
LENGTH_POINTS_FULL = 300
#: Class/id weights: itemprop=articleBody, an article-like token, a token naming the body, a chrome token.
ARTICLE_BODY_ITEMPROP_WEIGHT = 60
ARTICLE_TOKEN_WEIGHT = 25
BODY_TOKEN_WEIGHT = 25
CHROME_TOKEN_WEIGHT = -25
#: Candidates scoring at least this share of the best, among the next RIVALS_CONSIDERED, are
#: parts of one article when two or more share an ancestor.
NEAR_BEST_SHARE = 0.75
RIVALS_CONSIDERED = 5
#: Walking up from the best candidate stops at a parent scoring below this share of it.
PARENT_MIN_SHARE = 1 / 3
#: A sibling joins the container when it scores at least SIBLING_MIN_SCORE and this share of it.
SIBLING_MIN_SCORE = 10.0
SIBLING_MIN_SHARE = 0.2
#: A same-class sibling or cousin needs this much text and at most this outward link density.
PART_MIN_TEXT = 100
PART_MAX_LINK_DENSITY = 0.3
#: A <p> sibling joins on its own: long with few links, or short, link-free and a full sentence.
SIBLING_P_MIN_TEXT = 80
SIBLING_P_MAX_LINK_DENSITY = 0.25
#: Same-class cousins replace the chosen elements when they hold this many times their text.
COUSINS_MIN_GAIN = 1.5
#: A sibling list of steps (a how-to's <ol> of instructions) joins with at least this many
#: items, at least half the chosen container's text, most of its text in the items, and few links.
STEP_LIST_MIN_ITEMS = 3
STEP_LIST_MIN_SHARE = 0.5
STEP_LIST_ITEM_SHARE = 0.8


@dataclass
class TextStats:
    """Per-element text length, link-text length and link count, from one bottom-up pass."""

    text: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)
    link_count: dict = field(default_factory=dict)
    block_text: dict = field(default_factory=dict)
    """Text inside an element's block-level children (the rest is its loose text)."""

    def text_len(self, el) -> int:
        return self.text.get(el, 0)

    def link_density(self, el) -> float:
        total = self.text.get(el, 0)
        return self.links.get(el, 0) / total if total else 0.0


def text_stats(root) -> TextStats:
    """Text, link-text and link counts of every element, summed bottom-up in one pass.

    Children come before their parent in reverse document order, so each element's own total
    is complete when it is reached and is then added to its parent's. Comments and processing
    instructions are skipped, their tails with them.
    """
    stats = TextStats()
    text, links, count, block_text = stats.text, stats.links, stats.link_count, stats.block_text
    text_get = text.get
    for el in reversed(list(root.iter(etree.Element))):
        own = el.text
        own = text_get(el, 0) + (len(own.strip()) if own else 0)
        text[el] = own
        tag = el.tag
        if tag == "a":
            links[el] = own
            count[el] = count.get(el, 0) + 1
        parent = el.getparent()
        if parent is not None:
            tail = el.tail
            text[parent] = text_get(parent, 0) + own + (len(tail.strip()) if tail else 0)
            if own and tag in BLOCK_TAGS:
                block_text[parent] = block_text.get(parent, 0) + own
            if el in links:
                links[parent] = links.get(parent, 0) + links[el]
                count[parent] = count.get(parent, 0) + count[el]
    return stats


def class_weight(el, stats: TextStats | None = None) -> float:
    """+25 for article-like class/id tokens, more for tokens naming the body, -25 for chrome.

    A bonus counts in full only for a container with some text: a tiny "detail-content" box
    must not outscore the article beside it on its name alone.
    """
    weight = _class_weight(el)
    if weight > 0 and stats is not None:
        weight *= min(1.0, stats.text_len(el) / FULL_BONUS_TEXT)
    return weight


def _class_weight(el) -> int:
    weight = 0
    if "articleBody" in (el.get("itemprop") or "").split():
        weight += ARTICLE_BODY_ITEMPROP_WEIGHT
    # the token tests were made once for this class/id value when pruning looked at it
    info = class_info(el)
    if info[5] and not is_content_widget(info[0]):  # a chrome token ("sidebar", "share")
        weight += CHROME_TOKEN_WEIGHT
    if info[6]:  # an article-like token ("article", "content")
        weight += ARTICLE_TOKEN_WEIGHT
    if info[3]:  # tokens naming the body itself ("article-body", "entry-content")
        weight += BODY_TOKEN_WEIGHT
    return weight


def is_content_widget(tokens: tuple) -> bool:
    """A page builder's text block ("elementor-widget elementor-widget-text-editor"): its only
    chrome word is "widget", beside a word that names a content widget. Pruning keeps such
    blocks; scoring must not take points off them for the word either."""
    if CONTENT_WIDGET_TOKENS.isdisjoint(tokens):
        return False
    bad = _BAD_TOKEN_SET.intersection(tokens)
    # a chrome word glued from two ("side", "bar") leaves no single bad token: not exempt
    return bool(bad) and bad <= WIDGET_TOKENS and not any(
        a + b in _BAD_TOKEN_SET for a, b in zip(tokens, tokens[1:]))


def is_paragraph(el) -> bool:
    """A p/pre, or a table cell or div-like element holding only inline content (a cell
    holding paragraphs is their container, as a div is: an older page's layout puts the
    article in one cell of a row beside the navigation's and the side boxes')."""
    tag = el.tag
    if tag in ("p", "pre"):
        return True
    if tag in ("td", "div", "section", "article", "blockquote", "center"):
        children = el[:]  # (a comment's tag is a function, in no tag set)
        for child in children:
            if child.tag in BLOCK_TAGS:
                return False
        if children:
            return True
        text = el.text
        return bool(text and text.strip())
    return False


def break_separated(el, loose_only: bool) -> list[str]:
    """The text directly in `el` (its text, its inline children's and their tails; with
    `loose_only`, of a container with blocks, the blocks' own text left out), cut where two
    or more <br> follow each other with only blanks between (a blank line), and at blocks."""
    parts: list[list[str]] = [[el.text or ""]]
    breaks = 0  # <br> in a row so far, blanks between them
    for child in el:
        tag = child.tag
        if tag == "br":
            breaks += 1
            if breaks == 2:
                parts.append([])
        elif loose_only and tag in BLOCK_TAGS:
            parts.append([])  # a block between two runs of text ends the one before it
            breaks = 0
        elif isinstance(tag, str) and tag != "img":
            parts[-1].append(text_of(child))
            breaks = 0
        tail = child.tail
        if tail:
            parts[-1].append(tail)
            if tail.strip():
                breaks = 0
    return ["".join(part) for part in parts]


def loose_text(el) -> str:
    """Text directly inside a container with block children (its text and its children's tails)."""
    text = el.text  # each .text/.tail read builds a new string: read once
    parts = [text] if text else []
    for child in el:
        tail = child.tail
        if tail:
            parts.append(tail)
        tag = child.tag
        if isinstance(tag, str) and tag not in BLOCK_TAGS and tag not in ("br", "img"):
            parts.append(text_of(child))
    return " ".join(parts)


def score_paragraph(text: str) -> float:
    """Points for one paragraph: 1, plus its commas, plus one per 100 characters (max 3)."""
    commas = sum(map(text.count, COMMAS))
    # a text weighs at least its length: 300 characters reach the cap without counting CJK
    if len(text) >= LENGTH_POINTS_FULL:
        return 1 + commas + LENGTH_POINTS_MAX
    return 1 + commas + min(text_weight(text) / CHARS_PER_POINT, LENGTH_POINTS_MAX)


def score_candidates(root, stats: TextStats, *, comment_free: bool | None = None) -> dict:
    """Candidate container -> final score (points times one minus link density).
    `comment_free`: True when the caller knows root holds no comment or processing
    instruction (a pruned tree: prune_chrome strips them), None to look."""
    scores: dict = {}
    # a container whose text all lies in its blocks has no loose text (its text, its inline
    # children's and the tails are blank): known from the statistics, without reading it,
    # when no comment's tail (which the statistics skip) can hold text
    if comment_free is None:
        comment_free = next(root.iter(etree.Comment, etree.ProcessingInstruction), None) is None
    text_len, block_text = stats.text.get, stats.block_text.get
    # only elements that can be paragraphs or hold loose text: inline elements are skipped in C
    for el in root.iter(*_SCORED_TAGS):
        tag = el.tag  # read once: each read makes a new string
        if tag == "p" or tag == "pre" or is_paragraph(el):  # (most are p: no call for them)
            if text_len(el, 0) < (MIN_CELL_LEN if tag == "td" else MIN_PARAGRAPH_LEN):
                continue
            text = text_of(el)
            ancestor = el.getparent()
        elif tag in CONTAINER_TAGS:
            if comment_free and text_len(el, 0) == block_text(el, 0):
                continue
            # text loose in a container with block children: a paragraph of the container
            text = loose_text(el)
            ancestor = el
        else:
            continue
        if len(text.strip()) < MIN_PARAGRAPH_LEN:
            continue
        if "ookie" in text and COOKIE_NOTICE_PATTERN.search(text):
            # a consent dialog's long paragraphs would make it the page's best text block
            continue
        # (a tag-filtered iterator in C: find("br") parses its path in Python first)
        if tag == "p" or next(el.iterchildren("br"), None) is None:
            points = score_paragraph(text)
        else:
            # paragraphs written as text between blank lines (<br><br>), as older pages and
            # forum posts do: each scores as a paragraph, as Readability's <br> pass makes them
            parts = [part for part in break_separated(el, ancestor is el)
                     if len(part.strip()) >= MIN_PARAGRAPH_LEN]
            if not parts:
                continue
            points = sum(map(score_paragraph, parts))
            if tag == "td" and len(parts) >= 2:
                ancestor = el  # a layout's cell holding the article's paragraphs: their container
        for divisor in ANCESTOR_DIVISORS:
            if ancestor is None:
                break
            if ancestor not in scores:  # (the <html> never is: its tag is asked only here)
                ancestor_tag = ancestor.tag
                if ancestor_tag == "html":
                    break
                scores[ancestor] = TAG_WEIGHTS.get(ancestor_tag, 0) + class_weight(ancestor, stats)
            scores[ancestor] += points / divisor
            ancestor = ancestor.getparent()
    link_density = stats.link_density
    return {el: score * (1 - link_density(el)) for el, score in scores.items()}


def best_candidate(scores: dict):
    """The highest-scoring container, widened to an ancestor that holds several good ones."""
    # a layout table's row of several cells holds the page's columns (navigation, the
    # article, side boxes), never the article alone: its cells are the candidates (the walk
    # up below passes over such a row, which has no score, to the table)
    scores = {el: score for el, score in scores.items() if el.tag != "tr" or not is_column_row(el)}
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    top, top_score = ranked[0]
    if top.tag == "body":
        return top
    # several near-best candidates under one ancestor: the article is split in parts
    near = [el for el, s in ranked[1:1 + RIVALS_CONSIDERED] if s >= NEAR_BEST_SHARE * top_score]
    if len(near) >= 2:
        ancestors = set(top.iterancestors())
        shared = None
        for el in near:
            for anc in el.iterancestors():
                if anc in ancestors:
                    shared = anc if shared is None or _is_below(anc, shared) else shared
                    break
        if shared is not None and shared.tag not in ("html",):
            count = sum(1 for el in near if shared in set(el.iterancestors()))
            if count >= 2:
                top = shared
    # walk up while the parent scores better (the text continues in the parent's other parts)
    last = scores.get(top, top_score)
    threshold = last * PARENT_MIN_SHARE
    parent = top.getparent()
    while parent is not None and parent.tag not in ("body", "html"):
        parent_score = scores.get(parent)
        if parent_score is None:
            parent = parent.getparent()
            continue
        if parent_score < threshold:
            break
        if parent_score > last:
            top = parent
            break
        last = parent_score
        parent = parent.getparent()
    # a container that is its parent's only child: take the parent (keeps wrappers together)
    while top.getparent() is not None and top.getparent().tag not in ("body", "html") \
            and len(top.getparent()) == 1:
        top = top.getparent()
    return top


def is_column_row(row) -> bool:
    """A table row of two or more cells: a layout's columns side by side."""
    return sum(1 for cell in row if cell.tag in ("td", "th")) >= 2


def _is_below(el, other) -> bool:
    return other in set(el.iterancestors())


def merge_siblings(top, scores: dict, stats: TextStats) -> list:
    """The top container plus siblings that look like more of the article, in page order."""
    parent = top.getparent()
    if parent is None:
        return [top]
    top_score = scores.get(top, 0)
    threshold = max(SIBLING_MIN_SCORE, top_score * SIBLING_MIN_SHARE)
    top_classes = class_key(top)
    chosen = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is top:
            chosen.append(sib)
            continue
        if top_classes and class_key(sib) == top_classes and stats.text_len(sib) >= PART_MIN_TEXT \
                and outward_link_density(sib, stats) < PART_MAX_LINK_DENSITY and scores.get(sib, 0) >= 0:
            # another part of the article in the same wrapper as the chosen one
            chosen.append(sib)
            continue
        if scores.get(sib, -1e9) >= threshold:
            chosen.append(sib)
            continue
        if is_step_list(sib, top, scores, stats):
            chosen.append(sib)
            continue
        if sib.tag == "p":
            length = stats.text_len(sib)
            density = stats.link_density(sib)
            if length > SIBLING_P_MIN_TEXT and density < SIBLING_P_MAX_LINK_DENSITY:
                chosen.append(sib)
            elif 0 < length <= SIBLING_P_MIN_TEXT and density == 0:
                text = text_of(sib).strip()
                if text and text[-1] in ".!?。！？\"”":
                    chosen.append(sib)
    cousins = same_class_cousins(top, stats, sum(stats.text_len(el) for el in chosen))
    return cousins or chosen


def is_step_list(sib, top, scores: dict, stats: TextStats) -> bool:
    """A block beside the container whose text is a list of prose items: a how-to's steps or
    a guide's numbered points. Each item's points reach the block through the item and the
    list (both weighed down as lists are), so the block scores below a paragraph sequence of
    the same text; it joins on its text instead, when it is not named chrome (score below 0)."""
    if scores.get(sib, 0) < 0 or stats.text_len(sib) < max(PART_MIN_TEXT, STEP_LIST_MIN_SHARE * stats.text_len(top)) \
            or stats.link_density(sib) >= SIBLING_P_MAX_LINK_DENSITY:
        return False
    lists = [sib] if sib.tag in ("ol", "ul") else list(sib.iter("ol", "ul"))
    for lst in lists:
        items = [li for li in lst if li.tag == "li"]
        if len(items) >= STEP_LIST_MIN_ITEMS \
                and sum(stats.text_len(li) for li in items) >= STEP_LIST_ITEM_SHARE * stats.text_len(sib):
            return True
    return False


def class_key(el) -> str:
    """An element's class without the tokens that number it: page builders give each block
    its own id among its classes ("elementor-element-0cf1ec3", "vc_custom_1671"), so blocks
    of one kind differ only there."""
    cls = el.get("class")
    if not cls:
        return ""
    # siblings and cousins repeat their class (two in three asks): each value is keyed once
    key = _CLASS_KEYS.get(cls)
    if key is None:
        if len(_CLASS_KEYS) > 50_000:
            _CLASS_KEYS.clear()
        if not any(ch.isdigit() for ch in cls):
            key = cls
        else:
            key = " ".join(t for t in cls.split() if not _is_numbering(t))
        _CLASS_KEYS[cls] = key
    return key


_CLASS_KEYS: dict[str, str] = {}


def _is_numbering(token: str) -> bool:
    """A class token that numbers one block: its last part is five or more characters with
    a digit ("0cf1ec3", "1671012345"); grid sizes ("col-12", "mt-4") are classes of kinds."""
    last = token.replace("_", "-").rsplit("-", 1)[-1]
    return len(last) >= 5 and any(ch.isdigit() for ch in last)


def outward_link_density(el, stats: TextStats) -> float:
    """Link density counting only links to other pages: a part of the article that opens
    with its table of contents ("#symptoms", "#cases") is not a list of links away."""
    density = stats.link_density(el)
    if density < PART_MAX_LINK_DENSITY:
        return density
    anchors = sum(stats.text_len(a) for a in el.iter("a") if (a.get("href") or "").startswith("#"))
    total = stats.text_len(el)
    return (stats.links.get(el, 0) - anchors) / total if total else 0.0


def same_class_cousins(top, stats: TextStats, chosen_len: int | None = None) -> list:
    """The article cut into parts each wrapped alike ("panel > panel-collapse", a page
    builder's rows): when a wrapper of the top container, up to a few levels above it, shares
    its class with siblings that hold text, all of them."""
    chosen_len = stats.text_len(top) if chosen_len is None else chosen_len
    wrapper = top.getparent()
    for _ in range(COUSIN_MAX_LEVELS):
        if wrapper is None or wrapper.getparent() is None or wrapper.tag in ("body", "html"):
            return []
        cls = class_key(wrapper)
        if cls:
            group = [sib for sib in wrapper.getparent() if class_key(sib) == cls
                     and stats.text_len(sib) >= PART_MIN_TEXT and outward_link_density(sib, stats) < PART_MAX_LINK_DENSITY]
            if len(group) >= 2 and sum(stats.text_len(g) for g in group) >= COUSINS_MIN_GAIN * chosen_len:
                return group
        wrapper = wrapper.getparent()
    return []
