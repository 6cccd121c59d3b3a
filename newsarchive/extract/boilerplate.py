"""Separate boilerplate blocks inside (and around) the selected article container.

Blocks are recognised by what they look like, never by which site they are on: a heading
from the boilerplate-heading table ("Latest news", "Lesen Sie auch", "相关新闻"), a block that
is mostly links (teaser lists), a one-paragraph promo ("Read more: ..."), a chrome phrase
("Advertisement"), captions and credits.
"""
from __future__ import annotations


from lxml import etree

from ..article import Boilerplate
from ..hosts import host_of, without_www
from .dom import has_child, holds_blocks
from .prune import class_tokens, remove_element
from .tables import (
    AMBIGUOUS_COMMENT_HEADINGS, BLOCK_TAGS, BOILERPLATE_HEADINGS, CHROME_PARAGRAPHS, COMMENT_COUNT_HEADING_PATTERN,
    HEADING_TAGS, INLINE_TAGS, PAGINATION_LINE_PATTERN, PAGINATION_WORDS, PROMO_PREFIXES, PROMO_PROSE_OPENINGS,
    QUOTE_MARKS, READ_MORE_LINKS, SHARE_LINE_PATTERN, SHARE_VERBS, SLOT_LABELS,
)
from .text import (
    clean_space, normalize_phrase, paragraphs_of, phrase_length_floor, remembered, text_of,
)

#: Longest text (characters) a heading can have.
MAX_HEADING_LEN = 90
#: A block whose link text is at least this share of its text is a link list.
LINK_LIST_DENSITY = 0.5
#: Characters of text outside the links that make a link-dense paragraph running text.
LINKED_PROSE_MIN_LEN = 60
#: A teaser card closed by a "Read more" link has at most this many links and characters.
TEASER_MAX_LINKS = 4
TEASER_MAX_LEN = 600
TEASER_TITLE_MIN_LEN = 15
#: Text (characters) that must come before a titled teaser card in the container.
TEASER_MIN_TEXT_BEFORE = 200
#: Share of a block's text inside its one link for it to be a teaser card.
TEASER_LINK_DENSITY = 0.8
#: Most text (characters) beside a linked headline that is still the card's date or kicker.
TEASER_META_MAX_LEN = 40
#: A paragraph longer than this (characters) with less than this share of link text is running
#: text that ends the block a boilerplate heading heads.
PROSE_PARAGRAPH_LEN = 200
PROSE_LINK_SHARE = 0.3
#: A "Label: linked title" line: longest label (characters), least share of link text.
TEASER_LABEL_MAX_LEN = 30
TEASER_LINE_LINK_DENSITY = 0.5
#: Longest paragraph (characters) dropped as a teaser when it is a single link.
SINGLE_LINK_MAX_LEN = 200
#: A block's own title sits near its top: only this many levels below it are searched.
TITLE_MAX_DEPTH = 3
#: Longest phrase (characters) that may be a promo line unless it is mostly links.
PROMO_MAX_PHRASE_LEN = 160
#: A phrase longer than this is neither a promo line nor a chrome phrase (unless mostly links).
_PROMO_OR_CHROME_MAX_LEN = max(PROMO_MAX_PHRASE_LEN, *map(len, CHROME_PARAGRAPHS))
#: Tokens of a class/id that mark an element as a block title.
TITLE_TOKENS = frozenset({"title", "heading", "headline", "hed"})
#: Tokens of a class/id that name a teaser box (also a dek's name, so only after the text began).
TEASER_TOKENS = frozenset({"teaser", "teasers"})


def heading_label(text: str | None, *, exact: bool = False) -> str | None:
    """The label of a boilerplate heading ("Latest news" -> "related"), or None.

    A real heading may also start with a table entry ("More from Reuters"); with `exact`
    (a plain paragraph) only the entry itself, or the entry before a colon, counts.
    """
    if text and len(text) > MAX_HEADING_LEN and phrase_length_floor(text) > MAX_HEADING_LEN:
        return None  # too long for a heading, known without lowering the text
    # half the short texts asked about were asked before (a block's first line is asked as a
    # line and again as its heading; a site's menus and box titles recur on its pages), and
    # the answer depends on the text alone
    return remembered(_EXACT_HEADING_LABELS if exact else _HEADING_LABELS, text, _heading_label, exact)


_HEADING_LABELS: dict = {}
_EXACT_HEADING_LABELS: dict = {}


def _heading_label(text: str | None, exact: bool) -> str | None:
    phrase = normalize_phrase(text)
    if not phrase or len(phrase) > MAX_HEADING_LEN:
        return None
    label = BOILERPLATE_HEADINGS.get(phrase)
    if label is not None:
        return label
    if text.rstrip().endswith(":"):
        # entries kept with their colon ("Like this:") name a widget only in that form
        label = BOILERPLATE_HEADINGS.get(phrase + ":")
        if label is not None:
            return label
    if exact:
        head, colon, rest = phrase.partition(":")
        return BOILERPLATE_HEADINGS.get(head.strip()) if colon and not rest.strip() else None
    # "More from Reuters", "Related: Politics", "Read more about ..."
    words = phrase.split(" ")
    for n in (4, 3, 2, 1):
        if len(words) > n:
            label = BOILERPLATE_HEADINGS.get(" ".join(words[:n]))
            if label is not None and n >= 2:
                return label
    head = phrase.split(":")[0].strip()
    if head != phrase:
        return BOILERPLATE_HEADINGS.get(head)
    return None


def heading_elements(el) -> set:
    """Elements inside a block that title a part of it: headings and short 'title' blocks.

    A heading that is all link is a teaser's title, not a section title, unless its text is a
    known boilerplate heading.
    """
    found = set()
    if len(el):
        candidates = list(el.iter(*HEADING_TAGS)) or title_classed(el)
    else:
        candidates = [el] if el.tag in HEADING_TAGS else ()
    for node in candidates:
        if node.tag not in HEADING_TAGS and (
                node.tag not in BLOCK_TAGS or not TITLE_TOKENS.intersection(class_tokens(node))
                or holds_blocks(node)):
            continue
        if found and _below_any(node, found, el):
            continue
        text = clean_space(text_of(node))
        if not text or len(text) > MAX_HEADING_LEN:
            continue
        link_len = sum(len(clean_space(text_of(a))) for a in node.iter("a") if _real_link(a))
        if link_len >= 0.5 * len(text) and heading_label(text) is None:
            continue
        found.add(node)
    return found


def _below_any(node, found: set, top) -> bool:
    """True when one of node's ancestors up to `top` is in `found` (all of which lie inside
    top): the walk stops at top instead of climbing to the page's root."""
    anc = node.getparent()
    while anc is not None:
        if anc in found:
            return True
        if anc is top:
            return False
        anc = anc.getparent()
    return False


def title_classed(el, depth: int = TITLE_MAX_DEPTH, found: list | None = None) -> list:
    """Elements up to `depth` levels below `el` whose class says title or heading
    ("block-title", "sectionHeading"), in page order. Walked in Python: most removed blocks
    are a few elements, where an XPath call costs more than the walk."""
    if found is None:
        found = []
    for child in el:
        cls = child.get("class")
        if cls and ("itle" in cls or "eading" in cls) and isinstance(child.tag, str):
            found.append(child)
        if depth > 1 and len(child):  # (a call per childless element cost more than the test)
            title_classed(child, depth - 1, found)
    return found


def block_lines(el, headings: set) -> list[tuple[str, bool]]:
    """The lines of a removed block, cheaply: its text pieces grouped by the block element (or
    heading) that holds them, as (text, is_heading) pairs in page order.

    One walk over the nodes: each element's own text belongs to the nearest heading or block
    at or above it, its tail (and a comment's or processing instruction's) to the one above it;
    pieces of one owner in a row make one line. The walk visits each node once (iter in C)
    and keeps the open elements on a stack beside their owners: a node whose parent is not
    the innermost open element closes those above its parent, whose tails come then; a
    childless element closes at once. iterwalk's start and end events (a tuple each, twice
    the elements) cost 13% more (0.293 against 0.259 ms a page). A piece is grouped inline
    where the walk meets most of them: a call for each cost half the gain.
    """
    lines: list[tuple[str, bool]] = []
    current, pieces, current_is_heading = None, [], False

    def add(piece: str, owner: tuple) -> None:
        nonlocal current, pieces, current_is_heading
        if owner[0] is not current:
            if pieces:
                _add_line(lines, pieces, current_is_heading)
            current, pieces, current_is_heading = owner[0], [], owner[1]
        pieces.append(piece)

    blocks = BLOCK_TAGS
    owner = (el, el in headings)  # (block or heading, is heading) whose line a piece joins
    open_elements, owners = [el], [owner]
    nodes = el.iter()
    next(nodes, None)  # el itself
    piece = el.text  # the piece met last, grouped when the walk goes on
    for node in nodes:
        if piece:
            if owner[0] is not current:
                if pieces:
                    _add_line(lines, pieces, current_is_heading)
                current, pieces, current_is_heading = owner[0], [], owner[1]
            pieces.append(piece)
        parent = node.getparent()
        while open_elements[-1] is not parent:
            owners.pop()
            piece = open_elements.pop().tail
            if piece:
                owner = owners[-1]
                if owner[0] is not current:
                    if pieces:
                        _add_line(lines, pieces, current_is_heading)
                    current, pieces, current_is_heading = owner[0], [], owner[1]
                pieces.append(piece)
        tag = node.tag
        if tag.__class__ is not str:  # a comment or processing instruction: only its tail
            piece, owner = node.tail, owners[-1]
            continue
        if node in headings:
            owner = (node, True)
        elif tag in blocks:
            owner = (node, False)
        else:
            owner = owners[-1]
        piece = node.text
        if len(node):
            open_elements.append(node)
            owners.append(owner)
            continue
        if piece:  # a childless element: its text, then its tail (its parent's owner's)
            if owner[0] is not current:
                if pieces:
                    _add_line(lines, pieces, current_is_heading)
                current, pieces, current_is_heading = owner[0], [], owner[1]
            pieces.append(piece)
        piece, owner = node.tail, owners[-1]
    if piece:
        add(piece, owner)
    while len(open_elements) > 1:  # the elements still open close, innermost first; el's tail is outside it
        owners.pop()
        piece = open_elements.pop().tail
        if piece:
            add(piece, owners[-1])
    if pieces:
        _add_line(lines, pieces, current_is_heading)
    return lines


def _add_line(lines: list, pieces: list[str], is_heading: bool) -> None:
    # most runs between a block's children are indentation: one isspace() rules them out
    joined = "".join(pieces)
    if not joined.isspace():
        text = clean_space(joined)
        if text:
            lines.append((text, is_heading))


def _real_link(a) -> bool:
    href = (a.get("href") or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:"))


def describe_block(el, label: str) -> list[Boilerplate]:
    """Boilerplate records of a removed element: one per titled section, heading split off."""
    text = text_of(el)
    if not text or text.isspace():
        # no text, no records (most removed blocks: icons, empty ad slots, spacers); a
        # heading needs text, so none is looked for
        return []
    headings = heading_elements(el)
    if headings:
        lines = block_lines(el, headings)
    else:
        # no titled sections: the text's own line breaks make its lines (menus, notices)
        lines = [(line, False) for line in text_lines(text)]
    records: list[Boilerplate] = []
    heading, body = None, []

    def close():
        if heading is not None or body:
            records.append(Boilerplate(label=(heading_label(heading) if heading else None) or label,
                                       heading=heading, text="\n".join(body)))

    for text, is_heading in lines:
        if is_heading or (not body and heading is None and len(lines) > 1 and heading_label(text)):
            close()
            heading, body = text, []
        else:
            body.append(text)
    close()
    return records


def text_lines(text: str) -> list[str]:
    """Non-empty lines of a text, spaces collapsed. Split and joined with str methods: a
    menu's text is mostly indentation, which whitespace regexes walk character by character."""
    return [" ".join(line.split()) for line in text.replace("\u200b", "").split("\n")
            if line and not line.isspace()]


def is_leaf_block(el) -> bool:
    """A block element with no block children (a paragraph-like leaf)."""
    return el.tag in BLOCK_TAGS and not holds_blocks(el)


def is_heading_like(el) -> bool:
    """A real heading, or a short block whose only content is bold/strong text."""
    if el.tag in HEADING_TAGS:
        return True
    if el.tag in ("p", "div") and len(el) == 1 and not (el.text or "").strip():
        child = el[0]
        return child.tag in ("strong", "b") and not (child.tail or "").strip()
    return False


def heading_block(heading, container, paragraphs_end: bool = False):
    """The block a boilerplate heading heads: its own wrapper, or itself and what follows
    (up to a <p> with paragraphs_end, else up to a long one)."""
    parent = heading.getparent()
    block = [heading]
    if parent is not None and parent is not container and not has_child(parent, 12):
        if parent.index(heading) == 0 or all(
                not text_of(sib).strip() for sib in parent[:parent.index(heading)]):
            return [parent]
    sib = heading.getnext()
    level = heading.tag
    while sib is not None:
        if not isinstance(sib.tag, str):
            sib = sib.getnext()
            continue
        if sib.tag in HEADING_TAGS and (level not in HEADING_TAGS or sib.tag <= level):
            break
        if sib.tag == "p" and (paragraphs_end or is_prose_paragraph(sib)):
            break
        block.append(sib)
        if sib.tag in ("ul", "ol", "dl", "table") or len(block) > 6:
            break
        sib = sib.getnext()
    return block


def is_prose_paragraph(el) -> bool:
    """A long paragraph that is mostly not links: running text, not a teaser."""
    length = len(clean_space(text_of(el)))
    if length <= PROSE_PARAGRAPH_LEN:
        return False
    links = sum(len(clean_space(text_of(a))) for a in el.iter("a"))
    return links < PROSE_LINK_SHARE * length


def wholly_emphasised(el) -> bool:
    """A paragraph whose whole content is one em/strong/i/b element."""
    if len(el) != 1 or (el.text or "").strip():
        return False
    child = el[0]
    return child.tag in ("em", "strong", "i", "b") and not (child.tail or "").strip()


def is_data_row(el, stats) -> bool:
    """A row of a data table: several cells, one of them with text outside links (a film, its
    year and a note; a date and a venue). The table was judged as a whole before its rows; a
    row whose cells are all links is a menu laid out as a table, and is judged alone."""
    if el.tag != "tr":
        return False
    cells = [c for c in el if c.tag in ("td", "th")]
    return len(cells) >= 2 and any(stats.text_len(c) > stats.links.get(c, 0) for c in cells)


def item_of_text_list(el, stats, lists: ListItems | None = None) -> bool:
    """A list item among items that are mostly plain text (a checklist of questions, one of
    them linked): an item of the list, not a teaser to another story. `lists`: the walk's
    running counts of each list's items (else the list is counted here)."""
    if el.tag != "li":
        return False
    parent = el.getparent()
    if parent is None:
        return False
    items, plain = (lists or ListItems(stats)).counts(parent)
    # the others: every item but this one
    items -= 1
    if stats.link_density(el) < LINK_LIST_DENSITY:
        plain -= 1
    return bool(items) and plain * 2 > items


class ListItems:
    """How many items each list holds, and how many of them are plain text (not mostly a
    link), counted once per list and kept current as the boilerplate walk removes items:
    counting the siblings again for every item made a list of thousands of links quadratic."""

    def __init__(self, stats):
        self.stats = stats
        self._counts: dict = {}

    def counts(self, parent) -> list[int]:
        counts = self._counts.get(parent)
        if counts is None:
            items = [li for li in parent if li.tag == "li"]
            density = self.stats.link_density
            counts = self._counts[parent] = [
                len(items), sum(1 for li in items if density(li) < LINK_LIST_DENSITY)]
        return list(counts)

    def forget(self, el) -> None:
        """Take an element about to leave the tree out of its list's counts."""
        if self._counts and el.tag == "li":
            counts = self._counts.get(el.getparent())
            if counts is not None:
                counts[0] -= 1
                if self.stats.link_density(el) < LINK_LIST_DENSITY:
                    counts[1] -= 1


def is_cell_of_data_row(el) -> bool:
    """An element that is the whole content of a cell in a row of two or more cells."""
    for anc in el.iterancestors():
        if anc.tag in ("td", "th"):
            row = anc.getparent()
            return row is not None and sum(1 for c in row if c.tag in ("td", "th")) >= 2 \
                and clean_space(text_of(anc)) == clean_space(text_of(el))
        if anc.tag in ("table", "body"):
            return False
    return False


def is_linked_prose(el, stats) -> bool:
    """A paragraph of sentences that carry their sources as links ("Trump imposed tariffs in
    2018, <a>prompting Mexico to retaliate</a>"): more running text outside its links than a
    list's separators and labels ("Listen: <a> Download: <a>") ever hold."""
    # a paragraph that wraps a block (a "Trending" box set inside the <p> it interrupts) is
    # still prose: its blocks are judged one by one
    return el.tag == "p" and stats.text_len(el) - stats.links.get(el, 0) >= LINKED_PROSE_MIN_LEN


def is_teaser_card(el, stats, container=None, offset: int = 0) -> bool:
    """A block that is one link wrapped around a headline (and maybe a summary), or, after
    the text has begun, a title line that is one link and a summary under it (maybe closed
    by a "Read more" link to the same page): a teaser. A video or gallery that opens the
    article, titled and described alike, is part of it. `offset`: text of the article's
    elements before the container."""
    count = stats.link_count.get(el, 0)
    if count == 1 and stats.link_density(el) >= TEASER_LINK_DENSITY:
        link = next(el.iter("a"), None)
        return link is not None and next(link.iter(*HEADING_TAGS), None) is not None
    if count == 1 and container is not None \
            and stats.text_len(el) - stats.links.get(el, 0) <= TEASER_META_MAX_LEN:
        # a linked headline with its date or kicker beside it ("<a><h3>Title</h3></a>
        # <time>23. 12. 2024</time>"), once the text has begun
        link = next(el.iter("a"), None)
        return link is not None and next(link.iter(*HEADING_TAGS), None) is not None \
            and offset + text_before(el, container, TEASER_MIN_TEXT_BEFORE) >= TEASER_MIN_TEXT_BEFORE
    if not (1 <= count <= TEASER_MAX_LINKS and stats.text_len(el) <= TEASER_MAX_LEN) \
            or container is None or is_leaf_block(el):
        return False
    links = list(el.iter("a"))
    if not links:
        return False
    href = (links[0].get("href") or "").strip()
    if not href or href.startswith("#") or any((a.get("href") or "").strip() != href for a in links):
        return False
    # the card's picture link (no text) may come before its title link
    title_link = next((a for a in links if text_of(a).strip()), links[0])
    title = clean_space(text_of(title_link))
    text = clean_space(text_of(el))
    titled = len(title) >= TEASER_TITLE_MIN_LEN and text.startswith(title) \
        and len(text) > len(title) + 40 and clean_space(text_of(_block_of(title_link, el))) == title
    read_more = len(links) >= 2 and normalize_phrase(text_of(links[-1])) in READ_MORE_LINKS
    return (titled or read_more) \
        and offset + text_before(el, container, TEASER_MIN_TEXT_BEFORE) >= TEASER_MIN_TEXT_BEFORE


def is_teaser_box(el, stats, article_len: int) -> bool:
    """A small linked block named a teaser (class "basicTeaser", element <pp-inline-teaser>):
    once the article's text has begun, a teaser points to another page. (At the top, "teaser"
    names the article's own dek, which has no link of its own.)"""
    if not stats.link_count.get(el, 0):
        return False
    if "teaser" not in el.tag and TEASER_TOKENS.isdisjoint(class_tokens(el)):
        return False
    length = stats.text_len(el)
    return 0 < length <= TEASER_MAX_LEN and length < 0.5 * article_len


def text_before(el, container, enough: int | None = None) -> int:
    """Characters of text in the container before an element. With `enough`, the count stops
    once it passes that many (the callers compare it with a threshold): on a page of thousands
    of cards, counting from the container's start for each one was quadratic."""
    total = 0
    for node in container.iter():
        if node is el:
            return total
        if node.text:
            total += len(node.text.strip())
        if node.tail and node is not container:
            total += len(node.tail.strip())
        if enough is not None and total > enough:
            return total
    return total


#: Headings that may title a comment section (h1 is the page's own).
_SECTION_HEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")
#: Longest heading (characters) that may title a comment section ("12 thoughts on “...”").
MAX_COMMENT_HEADING_LEN = 160


def drop_titled_comments(body, record, headline_key: str | None = None) -> None:
    """Remove the comment sections a heading titles ("Comments", "Top Rated Comments", "3 thoughts
    on ..."), before the container is chosen: a thread of long comments under a short article
    outscores it. Pruning finds most threads by their class; this finds them on pages whose
    classes name nothing (table layouts, generated class names). The section is the largest
    block the heading opens; a heading inside running text titles no section and stays.
    `headline_key`: the headline, normalised, which a counted title may name unquoted."""
    for heading in list(body.iter(*_SECTION_HEADING_TAGS)):
        if heading.getparent() is None or not is_comments_heading(clean_space(text_of(heading)), headline_key):
            continue
        section = titled_section(heading, body)
        if section is not None:
            record(section, "comments")
            remove_element(section)


def is_comments_heading(text: str, headline_key: str | None = None) -> bool:
    """A comment section's title: a comments heading of the boilerplate table, or one with its
    count, naming the article (quoted, or by its headline) if it names anything."""
    if not text or len(text) > MAX_COMMENT_HEADING_LEN:
        return False
    counted = COMMENT_COUNT_HEADING_PATTERN.match(text)
    if counted:
        title = counted.group("title")
        return not title or title[0] in QUOTE_MARKS or (
            headline_key is not None and normalize_phrase(title) == headline_key)
    return heading_label(text, exact=True) == "comments" and normalize_phrase(text) not in AMBIGUOUS_COMMENT_HEADINGS


def titled_section(heading, body):
    """The largest element that `heading` opens (nothing with text before it inside), below
    <body> and holding no <h1>; None when the heading opens nothing but itself."""
    section = None
    child, parent = heading, heading.getparent()
    while parent is not None and parent is not body and not text_before(child, parent, 0) \
            and next(parent.iter("h1"), None) is None:
        section, child, parent = parent, parent, parent.getparent()
    return section


def _block_of(node, stop):
    """The nearest block element holding a node, no higher than `stop`."""
    for anc in node.iterancestors():
        if anc is stop or anc.tag in BLOCK_TAGS:
            return anc
    return stop


def promo_label(text: str, link_share: float) -> str | None:
    """The label of a one-paragraph promo or chrome phrase inside the body, or None."""
    if link_share < 0.5 and len(text) > _PROMO_OR_CHROME_MAX_LEN \
            and phrase_length_floor(text) > _PROMO_OR_CHROME_MAX_LEN:
        # a paragraph of running text (most callers' paragraphs) is neither a chrome phrase
        # nor a promo line: known without its normalised phrase, half of whose cost is lowering
        return None
    # the answer depends on the text and on which side of 0.3 and 0.5 the link share lies;
    # 40% of the texts asked about were asked before (a site's promo lines and buttons)
    return remembered(_PROMO_LABELS[(link_share >= 0.3) + (link_share >= 0.5)], text, _promo_label,
                      link_share)


# the patterns' first words, tested first: most lines open with neither
_PAGINATION_OPENINGS = tuple(word + " " for word in PAGINATION_WORDS)
_SHARE_OPENINGS = tuple(verb + " " for verb in SHARE_VERBS)

#: promo_label's answers by link share: below 0.3, below 0.5, from 0.5.
_PROMO_LABELS: tuple[dict, dict, dict] = ({}, {}, {})


def _promo_label(text: str, link_share: float) -> str | None:
    phrase = normalize_phrase(text)
    if not phrase:
        return None
    label = CHROME_PARAGRAPHS.get(phrase)
    if label is not None:
        return label
    if phrase.startswith(_PAGINATION_OPENINGS) and PAGINATION_LINE_PATTERN.match(phrase):
        return "navigation"
    if phrase.startswith(_SHARE_OPENINGS) and SHARE_LINE_PATTERN.match(phrase):
        return "share"
    if (len(phrase) <= PROMO_MAX_PHRASE_LEN or link_share >= 0.5) and phrase.startswith(PROMO_PREFIXES) \
            and not phrase.startswith(PROMO_PROSE_OPENINGS):
        for prefix in PROMO_PREFIXES:
            if phrase.startswith(prefix) and (link_share >= 0.3 or len(phrase) <= 100):
                rest = phrase[len(prefix):len(prefix) + 1]
                if not rest or not rest.isalnum() or not prefix[-1].isalnum():
                    return "related"
    return None


def is_internal_link(a, page_host: str | None) -> bool:
    """A link to another page of the same site (relative, or to the page's host)."""
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return False
    if "//" not in href[:8]:
        return True
    host = without_www(host_of(href))
    return bool(page_host) and (host == page_host or host.endswith("." + page_host)
                                or page_host.endswith("." + host))


def is_teaser_line(el, stats) -> bool:
    """A "Label: linked title" line: a label, a colon, then mostly link text."""
    text = text_of(el)
    head, colon, rest = text.partition(":")
    return bool(colon) and len(head) <= TEASER_LABEL_MAX_LEN and bool(rest.strip()) \
        and stats.link_density(el) >= TEASER_LINE_LINK_DENSITY


def orphaned_heading(el):
    """The heading right before a block that is the only thing it heads (the next element is
    another heading, or there is none): when the block goes, its title goes with it."""
    prev = el.getprevious()
    while prev is not None and not isinstance(prev.tag, str):
        prev = prev.getprevious()
    if prev is None or prev.tag not in HEADING_TAGS or (prev.tail or "").strip():
        return None
    if len(clean_space(text_of(prev))) > MAX_HEADING_LEN or (el.tail or "").strip():
        return None
    nxt = el.getnext()
    while nxt is not None and not isinstance(nxt.tag, str):
        nxt = nxt.getnext()
    if nxt is not None and nxt.tag not in HEADING_TAGS:
        return None
    return prev


def separate_boilerplate(elements: list, stats, record, *, headline_key: str | None = None,
                         page_host: str | None = None) -> None:
    """Remove boilerplate blocks from the selected elements, calling record(el_or_list, label)."""
    lists = ListItems(stats)

    def remove(el) -> None:
        lists.forget(el)
        remove_element(el)

    offset = 0
    # a sibling merged into the article may be one teaser grid: blocks are weighed against
    # the whole article, not only the element they sit in
    article_len = max(1, sum(stats.text_len(el) for el in elements))
    for container in elements:
        stack = container[::-1]  # next on top (el[::-1]: children reversed in one C call)
        container_len = max(1, stats.text_len(container))
        while stack:
            el = stack.pop()
            tag = el.tag
            if tag not in BLOCK_TAGS:
                # an inline element with no blocks inside has nothing to separate; a site's own
                # element (<teaserparagraph><teaser><div>...) may hold them further down. Most
                # are the links and emphases of paragraphs, without children: passed at once
                if not len(el) or not isinstance(tag, str) or el.getparent() is None:
                    continue
                if not holds_blocks(el):
                    if tag not in INLINE_TAGS:
                        stack.extend(el[::-1])
                    continue
                blocks_inside = True
            else:
                if el.getparent() is None:
                    continue
                blocks_inside = holds_blocks(el)
            leaf = not blocks_inside and tag in BLOCK_TAGS  # is_leaf_block(el)
            links = stats.link_count.get(el, 0)
            label = None
            if is_heading_like(el):
                label = heading_label(text_of(el))
            elif leaf and stats.text_len(el) <= MAX_HEADING_LEN:
                label = heading_label(text_of(el), exact=True)
            if label is not None and is_cell_of_data_row(el):
                # a column's name in a data table ("Comment", "Tags"), not a section's heading
                label = None
            if label is not None and links and is_teaser_line(el, stats):
                # "Les også: <a>Another story</a>" set in bold: a teaser of its own, not the
                # heading of what follows
                record([el], label)
                remove(el)
                continue
            if label is not None:
                # an ad's label heads its slot (a script's box, a sponsored link), never the
                # article's next paragraph however short
                block = heading_block(el, container, paragraphs_end=label in SLOT_LABELS)
                if sum(stats.text_len(b) for b in block) < 0.5 * container_len:
                    record(block, label)
                    for part in block:
                        remove(part)
                    continue
            # the teaser tests need a link: a link-free block (most of them) skips the calls
            if links and is_teaser_box(el, stats, article_len) \
                    and offset + text_before(el, container, TEASER_MIN_TEXT_BEFORE) >= TEASER_MIN_TEXT_BEFORE:
                record([el], "related")
                remove(el)
                continue
            if tag in BLOCK_TAGS and tag not in HEADING_TAGS:
                length = stats.text_len(el)
                if length and links >= 2 and stats.link_density(el) >= LINK_LIST_DENSITY \
                        and length < 0.5 * container_len \
                        and not is_data_row(el, stats) and not is_linked_prose(el, stats):
                    heading = orphaned_heading(el)
                    if heading is not None:
                        # the title of the teaser list ("Exklusive Hintergründe – für Sie
                        # recherchiert") goes with it
                        record([heading, el], "related")
                        remove(heading)
                    else:
                        record([el], "related" if tag not in ("nav",) else "navigation")
                    remove(el)
                    continue
                if links and length and length < 0.5 * article_len \
                        and is_teaser_card(el, stats, container, offset):
                    record([el], "related")
                    remove(el)
                    continue
                if length and length <= 400 and leaf:
                    label = promo_label(text_of(el), stats.link_density(el))
                    if label is None and links == 1 and length <= SINGLE_LINK_MAX_LEN \
                            and tag in ("p", "div", "li") and not item_of_text_list(el, stats, lists) \
                            and (stats.link_density(el) >= 0.9
                                 or (stats.link_density(el) >= 0.3 and wholly_emphasised(el))) \
                            and (stats.link_density(el) >= 0.97
                                 or is_internal_link(next(el.iter("a")), page_host)):
                        # a paragraph that is one link to the same site ("<em>Also: <a>...</a></em>"):
                        # a teaser to another story
                        label = "related"
                    if label is not None:
                        record([el], label)
                        remove(el)
                        continue
            stack.extend(el[::-1])
        offset += stats.text_len(container)


#: Longest line (characters) under an image that may be its caption.
IMAGE_CAPTION_MAX_LEN = 200
#: Words of an image's alt text that a line under it must open with to be its caption
#: ("Unigine Heaven benchmark results" -> "... results for the new MacBook Pro").
CAPTION_ALT_MIN_WORDS = 3


def drop_image_captions(elements: list, record) -> None:
    """Remove the caption lines of images inside the article: the line right under an image
    (nothing but line breaks between) that repeats or opens with the image's alt text
    ("<img alt='Unigine Heaven benchmark results'><br><span>Unigine Heaven benchmark results
    for the new MacBook Pro</span>"), or that stands in the image's <figure>. Seen on
    appleinsider.com, mbl.is, parcoabruzzo.it and vogelwarte.ch. A line set in italics under
    an image is left alone: some sites caption so, others put the article's own notes so."""
    roots = set(elements)
    for container in elements:
        for img in list(container.iter("img")):
            if img.getparent() is None or not _attached_to(img, roots):
                continue
            line = _caption_line_after(img, roots)
            if line is not None:
                record(line, "caption")
                remove_element(line)


def _attached_to(el, roots: set) -> bool:
    return any(anc in roots for anc in el.iterancestors())


#: Most element children of a wrapper holding an image alone (the image, <source>s, a <noscript> copy).
IMAGE_WRAPPER_MAX_CHILDREN = 8


def _caption_line_after(img, roots: set):
    node = img
    # out of the wrappers that hold the image alone (a link, a <p>, an "article-img" div); one
    # of many children is no such wrapper's, and reading a big parent's text for each of its
    # images cost seconds on a page of thousands of figures
    while node.getparent() is not None and node.getparent() not in roots \
            and not has_child(node.getparent(), IMAGE_WRAPPER_MAX_CHILDREN) and not text_of(node.getparent()).strip():
        node = node.getparent()
    if (node.tail or "").strip():
        return None
    line = node.getnext()
    while line is not None and (not isinstance(line.tag, str) or line.tag == "br"):
        if (line.tail or "").strip():
            return None
        line = line.getnext()
    if line is None or (line.tail or "").strip():
        return None
    text = clean_space(text_of(line))
    if not text or len(text) > IMAGE_CAPTION_MAX_LEN or next(line.iter("img"), None) is not None:
        return None
    alt = normalize_phrase(img.get("alt") or "")
    phrase = normalize_phrase(text)
    if alt and (alt == phrase or (len(alt.split()) >= CAPTION_ALT_MIN_WORDS and phrase.startswith(alt))):
        return line
    if any(anc.tag == "figure" for anc in line.iterancestors()):
        return line
    return None
