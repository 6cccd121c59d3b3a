"""The body pass: from the parsed page to the article's paragraphs and its boilerplate.

prune chrome -> score containers -> select and merge siblings -> drop the headline ->
separate boilerplate blocks inside the container -> paragraphs -> trim the edges (bylines,
credits, trailers) -> cross-check with JSON-LD articleBody -> decide whether it is an article.
The pass mutates the tree: metadata has been read before it runs.
"""
from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass, field

from ..article import Boilerplate
from ..hosts import host_of, without_www
from .app_state import app_state_html
from .cascade import Answer, Cascade, Rule
from .meta_tables import AGENCY_NAMES, ARTICLE_PAGE_TYPES, LISTING_TYPES, ROLE_LINE_PATTERN
from .dateline import after_leading_date, find_dateline
from .decode import parse_html
from .dom import holds_blocks
from .boilerplate import (
    describe_block, drop_image_captions, drop_titled_comments, heading_label, promo_label, separate_boilerplate,
    text_before, text_lines,
)
from .prune import class_tokens, holding_removed, prune_chrome, remove_element, strip_comments
from .score import best_candidate, merge_siblings, score_candidates, text_stats
from .tables import (
    BLOCK_TAGS, BREADCRUMB_PATTERN, CELL_TAGS, DEK_TOKENS, LEAD_TOKENS, BYLINE_PATTERN, CAPTION_TAIL_PATTERN, CONSENT_PATTERN, INLINE_CREDIT_PATTERN, MACHINERY_PATTERN, NEWSLETTER_PROMPT_PATTERN, NEWSLETTER_PROMPT_WORDS,
    NEWSLETTER_CONSENT_PATTERN, FOLLOW_BLOG_PATTERN,
    SHARE_TAIL_PATTERN, CONTRIBUTOR_PATTERN, META_LINE_PATTERN,
    TIME_PATTERN, CONTACT_PATTERN, CREDIT_PATTERN, HEADING_TAGS, TRAILER_PATTERN,
    POINTER_LINE_PATTERN, COMMENT_PROMPT_PATTERN, NEWSROOM_ROLE_PATTERN, COPULA_PATTERN, SLOT_LABELS,
    READ_MORE_TAIL_PATTERN, PAYWALL_NOTICE_PATTERN, PAYWALL_NOTICE_MAX_LEN, READER_PROMPT_PATTERN,
    PAYWALL_SUBSCRIBER_WORDS, PAYWALL_ONLY_WORDS, PAYWALL_CJK_MARKS, PAYWALL_NOTICE_MAX_WORDS,
    PAYWALL_OFFER_MAX_LEN, COOKIE_NOTICE_PHRASES,
    READER_PROMPT_HINTS, AFFILIATE_DISCLOSURE_PATTERN, AFFILIATE_DISCLOSURE_HINTS,
    QUOTE_MARKS, STAMP_LABEL_PATTERN,
    GALLERY_COUNTER_PATTERN, COMMENT_POLICY_PATTERN, FIGURE_CAPTION_PATTERN, CREDITS_LINE_PATTERN,
    RELATIVE_TIME_PATTERN, DOWNLOAD_LINE_PATTERN, DOWNLOAD_LINE_HINTS, CJK_BYLINE_PATTERN, SIGNATURE_EMAIL_PATTERN,
)
from .text import (
    case_folds_beyond_lower, clean_space, hints_pattern, holds_hint_lower, normalize_phrase, paragraphs_of,
    remembered, text_of, text_weight, tokens,
)

log = logging.getLogger(__name__)

#: A body shorter than this (characters) from the markup sends the pass to the page's app state.
APP_STATE_TRIGGER_LEN = 300
#: How many times longer the app state's body must be to replace the markup's.
APP_STATE_MIN_GAIN = 3
#: What may follow a paywall's notice on its line: a stop, or a new sentence (upper case).
PAYWALL_NOTICE_ENDS = ".!?。！？:：,;–—-|»›>…"
#: Less text than this (Latin-character equivalents) is no article.
MIN_ARTICLE_WEIGHT = 200
#: With an article type declared, this much is enough.
MIN_DECLARED_ARTICLE_WEIGHT = 80
#: A body container with this share of its text in links is a list of headlines (is_link_list).
LINK_LIST_MIN_SHARE = 0.8
#: A teaser list (is_teaser_list): linked headlines to at least this many pages, at most this
#: many paragraphs a headline (its summary, a "read more"); a headline link has at least this
#: many words and characters, and is the whole text of one of these wrappers or stands alone.
TEASER_MIN_HEADS = 4
TEASER_MAX_PARAGRAPHS_PER_HEAD = 3
TEASER_HEAD_MIN_WORDS, TEASER_HEAD_MIN_CHARS = 4, 25
TEASER_HEAD_WRAPPERS = frozenset({"h2", "h3", "h4", "h5", "h6", "b", "strong"})
#: Most text (characters) above the headline inside the container that is still kicker and meta.
KICKER_MAX_LEN = 300
#: Share of words a heading must share with the headline to be taken for it.
HEADLINE_MIN_OVERLAP = 0.6
#: Share of the headline's words a heading at the top of the body must hold to be taken for it.
HEADLINE_MIN_COVER = 0.6
#: A heading longer than this many times the headline (plus the slack, characters) is a lead.
HEADING_LEAD_RATIO = 2
HEADING_LEAD_SLACK = 40
#: Tags of blocks that may hold the lead paragraph.
LEAD_TAGS = frozenset({"p", "div", "h2", "section", "span", "strong"})
#: A lead is at least this long and all lead blocks together at most LEAD_MAX_LEN (characters).
LEAD_MIN_LEN = 50
LEAD_MAX_LEN = 1200
#: A lead is prose: closed like a sentence, or more than one sentence.
SENTENCE_END = frozenset(".!?…\"”»“'。！？")
SENTENCE_BREAK = re.compile(r"\w[.!?…][\"”»“']? +[\"„“«]?[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]")
#: A block named a dek ("abstract", "summary") this long, of three sentences or more, is the lead.
DEK_LEAD_MIN_LEN = 250
#: The headline and the container must meet within this many levels above the headline.
LEAD_MAX_STEPS = 6
#: Without a headline element, the lead is looked for this many levels up from the container.
LEAD_MAX_LEVELS = 3
#: How far from a paragraph's end a photo credit or share button may start (characters).
CREDIT_TAIL_LEN = 120
#: Longest line (characters) of an author's signature (name, role) above a contact line.
SIGNATURE_MAX_LEN = 60
#: Most words of a closing signature that ends in an e-mail address.
SIGNATURE_EMAIL_MAX_WORDS = 6
#: Longest paragraph (characters) that may be a newsletter sign-up prompt.
NEWSLETTER_PROMPT_MAX_LEN = 200
#: Longest paragraph (characters) that may be a call to the reader ("Follow us on ...").
READER_PROMPT_MAX_LEN = 200
#: Longest closing paragraph (characters) that may be a line about the author, and the verbs
#: that follow the author's name in one.
AUTHOR_BIO_MAX_LEN = 300
AUTHOR_BIO_VERBS = ("is ", "was ", "has been ", "covers ", "writes ", "reports ", "ist ", "war ", "schreibt ",
                    "est ", "es ", "è ", "is een ")
#: A line of this many items or more between these separators, each of a few words, is a menu.
MENU_SEPARATOR = re.compile(r"\s+[|·•]\s+")
MENU_MIN_ITEMS = 3
MENU_ITEM_MAX_WORDS = 4
#: Longest line (characters) that may be a timestamp ("Publiziert: 03.04.2020, 12:35").
STAMP_LINE_MAX_LEN = 80
#: Longest paragraph (characters) that may be an affiliate disclosure, and how far into it the
#: disclosure's words are looked for (its first sentence or two say it).
AFFILIATE_DISCLOSURE_MAX_LEN = 500
AFFILIATE_HINT_WINDOW = 200
#: Longest closing paragraph (characters) that may be the rules of the comment section.
COMMENT_POLICY_MAX_LEN = 1200
#: Substrings (lower case) one of which every match of CAPTION_TAIL_PATTERN holds: an agency's
#: name, a word for photo, or the copyright sign.
CAPTION_TAIL_HINTS = ("©", "photo", "foto", "image", "picture", "bild", "getty", "shutterstock",
                      "reuters", "afp", "imago", "dpa", "epa")
#: Paragraphs up to this long (characters) are tested for prompts, which need their lower case.
SHORT_LINE_MAX_LEN = max(NEWSLETTER_PROMPT_MAX_LEN, READER_PROMPT_MAX_LEN)
#: Longest paragraph (characters) that may be a one-line promo ("Related post: ...").
PROMO_MAX_LEN = 100
#: Longest paragraph (characters) that may be a caption.
CAPTION_MAX_LEN = 400
#: Longest heading (characters) closing the body that is taken for an emptied box's title.
CLOSING_HEADING_MAX_LEN = 80
#: Longest paragraph (characters) that may be a photo credit line anywhere in the body.
CREDIT_LINE_MAX_LEN = 150
#: Repeated paragraphs are dropped only while all their copies are less than this share of the body.
REPEATED_MAX_SHARE = 0.25
#: Meta lines (time, byline) right under the lead that are cut with the leading ones.
LEAD_META_MAX_LINES = 3
META_LINE_MAX_LEN = 80
#: Longest closing line (characters) that may be a trailer ("Erstellt am ... abgelegt unter")
#: or a date line ("page.html - Created ... - Last Modified: ...").
TRAILER_MAX_LEN = 300
CLOSING_META_MAX_LEN = 120
#: Longest closing line (characters) that is a pointer to another page ("... findest Du hier.").
POINTER_LINE_MAX_LEN = 100
#: Longest line (characters) taken for a name alone at the body's start.
NAME_LINE_MAX_LEN = 40
#: Longest closing paragraph (characters) that is a call to comment.
COMMENT_PROMPT_MAX_LEN = 400
#: The call must begin within this many characters of the paragraph's start.
COMMENT_PROMPT_MAX_START = 120
#: Longest closing line (characters) taken for an author's newsroom role.
ROLE_LINE_MAX_LEN = 60
#: Characters of discussion that make a page without other text a discussion page.
DISCUSSION_MIN_LEN = 500
#: A closing line of initials only: an agency's or editor's sign-off.
AGENCY_SIGN_OFF = re.compile(r"^(?:[A-Z]{2,6}|\([A-Za-z]{2,6}(?:/[A-Za-z]{1,6})*\))(?:/[A-Za-z]{1,6})*$")
#: An editor's initials in lower case closing a text ("amw"): only the very last line, under
#: a text of its own (a page of a few short words is no signed article).
EDITOR_SIGN_OFF = re.compile(r"^[a-z]{2,4}$")
#: Text (characters) that must come before an editor's lower-case sign-off.
SIGN_OFF_MIN_TEXT = 200
#: Parts of a table that stand for the whole table when chosen as the article.
TABLE_PART_TAGS = frozenset({"tr", "tbody", "thead", "tfoot"})
#: A paragraph beside a table longer than this (characters) makes the table part of a text.
TABLE_PROSE_MIN_LEN = 80
#: Paragraphs at the edges shorter than this may be bylines, credits or trailers.
EDGE_MAX_LEN = 200


@dataclass
class BodyResult:
    """What the body pass found."""

    paragraphs: list[str] = field(default_factory=list)
    """Body paragraphs in order (list items, subheadings, quotes as their own paragraphs)."""
    boilerplate: list[Boilerplate] = field(default_factory=list)
    """Every block removed from in or around the article, labelled, in page order."""
    is_article: bool = False
    """False for hubs, listings, error pages and empty pages."""
    source: str | None = None
    """The rule that gave the text: a BODY_CONTAINER rule ("site-profile", "container:<tag>",
    "whole-page"), or what replaced its text ("json-ld-articlebody", "discussion", "app-state")."""


#: Work bound: removed blocks described in full on one page (their titled sections found and
#: split off). Past it a removed block keeps its label and its text's lines only, which costs
#: a fraction: a generated page of 20,000 removed teasers spent a third of its time describing
#: them. Real pages remove a few hundred blocks at most (281 on the eval pages).
DESCRIBED_BLOCKS_MAX = 2000


class BlockLog:
    """Collects removed blocks as Boilerplate records, ordered by their place in the page."""

    def __init__(self, described_max: int | None = None):
        self._items: list[tuple[int, int, Boilerplate]] = []
        self.described_max = DESCRIBED_BLOCKS_MAX if described_max is None else described_max
        self.described = 0
        """Removed blocks described in full so far."""
        self.past_bound = 0
        """Removed blocks only listed (their lines, no sections): the page passed the bound."""

    def __call__(self, block, label: str) -> None:
        parts = block if isinstance(block, list) else [block]
        line = parts[0].sourceline or 0
        if len(parts) == 1:
            if self.described >= self.described_max:
                self.past_bound += 1
                lines = text_lines(text_of(parts[0]))
                if lines:
                    self.add(Boilerplate(label=label, heading=None, text="\n".join(lines)), line)
                return
            self.described += 1
            for record in describe_block(parts[0], label):
                self.add(record, line)
            return
        heading = clean_space(text_of(parts[0])) or None
        lines = [text for part in parts[1:] for text in paragraphs_of(part)]
        if heading or lines:
            self.add(Boilerplate(label=heading_label(heading) or label, heading=heading,
                                 text="\n".join(lines)), line)

    def add(self, record: Boilerplate, line: int) -> None:
        self._items.append((line, len(self._items), record))

    def take(self, label: str) -> list[Boilerplate]:
        """Remove and return the records of one label, in page order."""
        taken = [item for item in sorted(self._items, key=lambda item: (item[0], item[1]))
                 if item[2].label == label]
        self._items = [item for item in self._items if item[2].label != label]
        return [item[2] for item in taken]

    def records(self) -> list[Boilerplate]:
        return [item[2] for item in sorted(self._items, key=lambda item: (item[0], item[1]))]


def extract_body(tree, structured, *, headline: str | None, url: str | None,
                 include_captions: bool = False, profile=None) -> BodyResult:
    """Split a parsed page into the article's paragraphs and its labelled boilerplate."""
    if tree is None:
        return BodyResult()
    with holding_removed():  # the removed blocks outlive the passes' references into them
        return _body_or_app_state(tree, structured, headline=headline, url=url,
                                  include_captions=include_captions, profile=profile)


def _body_or_app_state(tree, structured, *, headline, url, include_captions, profile) -> BodyResult:
    try:
        result = _extract_body(tree, structured, headline=headline, url=url,
                               include_captions=include_captions, profile=profile)
    except Exception:  # noqa: BLE001 - an odd page gives an empty body, never an exception
        log.debug("body extraction failed for %s", url, exc_info=True)
        return BodyResult()
    if text_length(result.paragraphs) < APP_STATE_TRIGGER_LEN and structured is not None \
            and structured.scripts:
        try:
            return body_from_app_state(result, structured, headline=headline, url=url,
                                       include_captions=include_captions, profile=profile)
        except Exception:  # noqa: BLE001 - the markup's body stands
            log.debug("app-state body failed for %s", url, exc_info=True)
    return result


def text_length(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


def body_from_app_state(result: BodyResult, structured, *, headline, url, include_captions,
                        profile) -> BodyResult:
    """The body a page renders with scripts from the HTML in its app state, when its markup
    gave almost nothing: that HTML goes through the same passes as a page of its own."""
    html = app_state_html(structured.scripts, headline)
    if html is None:
        return result
    tree = parse_html("<html><body>" + html + "</body></html>")
    inner = _extract_body(tree, structured, headline=headline, url=url,
                          include_captions=include_captions, profile=profile)
    if text_length(inner.paragraphs) < APP_STATE_MIN_GAIN * max(1, text_length(result.paragraphs)):
        return result
    return BodyResult(paragraphs=inner.paragraphs, boilerplate=result.boilerplate + inner.boilerplate,
                      is_article=looks_like_article(inner.paragraphs, structured), source="app-state")


def _extract_body(tree, structured, *, headline, url, include_captions, profile) -> BodyResult:
    if profile is None:
        from ..sites import profile_for
        profile = profile_for(url)
    blocks = BlockLog()
    root = tree
    if profile is not None and (profile.drop or profile.keep):
        # a profile's selectors see the page without comments (pruning strips them too)
        strip_comments(root)
    if profile is not None and profile.drop:
        for el in profile.select(root, profile.drop):
            if el.getparent() is not None:
                blocks(el, "other")
                remove_element(el)
    kept = profile.select(root, profile.keep) if profile is not None and profile.keep else []
    itemprops = getattr(structured, "itemprops", None)
    prune_chrome(root, blocks, include_captions=include_captions,
                 marked_bodies=itemprops.get("articlebody", []) if itemprops is not None else None)
    body = root.find("body")
    if body is None:
        body = root
    drop_titled_comments(body, blocks, normalize_phrase(headline) if headline else None)
    stats = text_stats(body)
    choice = BODY_CONTAINER.first(_BodyPage(root, body, stats, kept))
    elements, source = choice.value or [], choice.rule
    if not elements:
        paragraphs = discussion_text(blocks)
        return BodyResult(paragraphs=paragraphs, boilerplate=blocks.records(),
                          is_article=bool(paragraphs) and looks_like_article(paragraphs, structured),
                          source="discussion" if paragraphs else None)
    headline_key = normalize_phrase(headline) if headline else None
    if not kept:
        elements = add_lead(elements, body, headline_key, structured)
    drop_headline(elements, headline_key, blocks, page_description(structured))
    # a hub's shape, read before boilerplate separation takes teasers away as boxes; a page
    # that declares an article (a reading list of links) is none
    undeclared = not declared_types(structured)[0]
    link_list = undeclared and is_link_list(elements, stats)
    heads = teaser_heads(elements) if undeclared else {}
    separate_boilerplate(elements, stats, blocks, headline_key=headline_key,
                         page_host=page_host(url, structured))
    if not include_captions:
        drop_image_captions(elements, blocks)
    paragraphs = [p for el in elements for p in paragraphs_of(el)]
    # the texts of the article's table cells and headings matter only when a closing line
    # names a boilerplate heading or a paragraph repeats (one page in twenty): read then
    cells = TextsOnDemand(lambda: data_cell_texts(elements))
    paragraphs = trim_edges(paragraphs, headline_key, structured, blocks, cells=cells)
    paragraphs = drop_captions(paragraphs, blocks)
    paragraphs = cut_at_paywall(paragraphs, blocks)
    paragraphs = strip_read_more_tails(paragraphs, blocks)
    paragraphs = drop_repeated_short(paragraphs, blocks,
                                     subheadings=TextsOnDemand(lambda: heading_texts(elements) | cells.texts))
    paragraphs = drop_closing_heading(paragraphs, elements, blocks)
    paragraphs, replaced = checked_against_article_body(paragraphs, structured, blocks)
    if replaced:
        source = "json-ld-articlebody"
    if not paragraphs:
        paragraphs = discussion_text(blocks)
        source = "discussion" if paragraphs else None
    is_article = looks_like_article(paragraphs, structured)
    if not kept and ((is_article and (link_list or is_teaser_list(heads, paragraphs)))
                     or is_listing(structured, body, stats)):
        # a hub or section page: its teasers (or its list of headlines) are not a body
        is_article = False
        for text in paragraphs:
            blocks.add(Boilerplate(label="related", heading=None, text=text), 1 << 30)
        paragraphs = []
        source = None
    return BodyResult(paragraphs=paragraphs, boilerplate=blocks.records(), is_article=is_article, source=source)


def discussion_text(blocks: BlockLog) -> list[str]:
    """A page with no text but its discussion (a forum thread, a live ticker set as
    comments) has the discussion for its content: its lines, when they are long enough."""
    comments = [r for r in blocks.records() if r.label == "comments"]
    if sum(len(r.text or "") for r in comments) < DISCUSSION_MIN_LEN:
        return []
    lines = [line for r in blocks.take("comments") for line in (r.text or "").split("\n") if line.strip()]
    # the thread's own buttons ("Kommentieren", "Reply") stay chrome
    return [line for line in lines if promo_label(line, 0.0) is None]


def page_host(url: str | None, structured) -> str | None:
    """The page's host without "www.", from its URL or its declared canonical URL."""
    for candidate in (url, getattr(structured, "canonical_url", None),
                      (getattr(structured, "og", None) or {}).get("url")):
        host = host_of(candidate)
        if host:
            return without_www(host)
    return None


def _attached(el, root) -> bool:
    return el.getroottree().getroot() is root


def select_elements(body, stats) -> list:
    """The article's container and its article-like siblings, in page order."""
    return BODY_CONTAINER.first(_BodyPage(body, body, stats, [], )).value or []


class _BodyPage:
    """What the container rules read: the pruned tree, its <body>, text statistics and the
    elements a site profile keeps."""

    def __init__(self, root, body, stats, kept):
        self.root, self.body, self.stats, self.kept = root, body, stats, kept


def _scored_container(page: _BodyPage):
    # the tree is pruned, which strips comments and processing instructions
    scores = score_candidates(page.body, page.stats, comment_free=True)
    top = best_candidate(scores)
    if top is None:
        return None
    top = whole_table(top, page.stats)
    return Answer(merge_siblings(top, scores, page.stats), f"container:{top.tag}")


BODY_CONTAINER = Cascade("body", [
    Rule("site-profile", "the elements a site profile's keep selectors name",
         "a person looked at the site's markup and said where its text is", lambda page: [
             el for el in page.kept if _attached(el, page.root)]),
    Rule("container", "the best-scored block (paragraph text, commas, class and tag weights) with its "
                      "article-like siblings; recorded with the chosen element's tag (\"container:article\")",
         "the general rule for every page", _scored_container),
    Rule("whole-page", "the whole <body> when no block scores",
         "a page of bare text or a single table: better all of it than nothing",
         lambda page: [page.body] if page.stats.text_len(page.body) else None),
])


def whole_table(el, stats):
    """A data table's row chosen as the article when prose paragraphs stand beside the
    table (a letter above its signatories): the table is the block, so they are merged.
    A layout table (no paragraphs beside it) keeps its row."""
    if el.tag not in TABLE_PART_TAGS:
        return el
    for anc in el.iterancestors():
        if anc.tag == "table":
            parent = anc.getparent()
            if parent is not None and any(
                    sib.tag == "p" and stats.text_len(sib) > TABLE_PROSE_MIN_LEN for sib in parent):
                return anc
            return el
        if anc.tag not in TABLE_PART_TAGS:
            break
    return el


def find_headline_element(body, headline_key: str | None):
    """The page's headline element: an h1 (or h2) whose text is the headline, else the first h1."""
    first_h1 = None
    for heading in body.iter("h1", "h2"):
        if heading.tag == "h1" and first_h1 is None:
            first_h1 = heading
        if headline_key and normalize_phrase(text_of(heading)) == headline_key:
            return heading
    return first_h1


def add_lead(elements: list, body, headline_key: str | None, structured) -> list:
    """Put the article's lead (standfirst) in front of the body when it stands between the
    headline and the selected container, outside it: prose blocks that repeat the page's
    description or carry a lead-like class ("teaser-text", "entry-excerpt"). A dek or summary
    line under the headline is not the lead."""
    first = elements[0]
    descriptions = (page_description(structured), article_description(structured))
    heading = find_headline_element(body, headline_key)
    if heading is not None and (heading is first or first in set(heading.iterancestors())):
        return elements
    candidates = None
    if heading is not None:
        candidates = blocks_between(heading, first)
    if candidates is None:
        candidates = blocks_before(first)
    leads = [node for node in candidates if is_lead(node, *descriptions)]
    total = sum(len(text_of(el)) for el in leads)
    if not leads or total > LEAD_MAX_LEN:
        return elements
    return leads + elements


def blocks_between(heading, first) -> list | None:
    """Leaf blocks after the headline and before the container, when both sit close together
    under one ancestor; None when they do not."""
    ancestors = set(first.iterancestors())
    common, steps = heading.getparent(), 0
    while common is not None and common not in ancestors:
        common, steps = common.getparent(), steps + 1
    if common is None or common.tag in ("body", "html") or steps > LEAD_MAX_STEPS:
        return None
    found, seen_heading, heading_nodes = [], False, set(heading.iter())
    taken = set()  # found, for look-ups
    for node in common.iter():
        if node is first:
            break
        if node is heading:
            seen_heading = True
            continue
        if not seen_heading or node in heading_nodes or not isinstance(node.tag, str):
            continue
        if _is_lead_block(node) and not any(anc in taken for anc in node.iterancestors()):
            found.append(node)
            taken.add(node)
    return found


def blocks_before(first) -> list:
    """Blocks with text just before the container (its and its parents' preceding siblings),
    nearest last, stopping at a heading or at a block of other text."""
    found, node = [], first
    for _ in range(LEAD_MAX_LEVELS):
        sib = node.getprevious()
        while sib is not None:
            if isinstance(sib.tag, str):
                if sib.tag in HEADING_TAGS:
                    return found
                leaves = _lead_blocks_in(sib)
                if leaves:
                    found[:0] = leaves
                    return found
                if len(text_of(sib).strip()) > LEAD_MIN_LEN:
                    return found
            sib = sib.getprevious()
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            break
    return found


def _lead_blocks_in(root) -> list:
    """The outermost lead-like blocks with text under (and including) root, in page order."""
    found = []
    taken = set()  # found, for look-ups
    for el in root.iter():
        if not isinstance(el.tag, str) or not _is_lead_block(el):
            continue
        if found and any(anc in taken for anc in el.iterancestors()):
            continue
        if text_of(el).strip():
            found.append(el)
            taken.add(el)
    return found


def _is_lead_block(node) -> bool:
    """A leaf block, or a block named as the lead whatever it holds (a bullet-point lead)."""
    if node.tag in LEAD_TAGS and not holds_blocks(node):
        return True
    if node.tag in ("div", "section") and (
            LEAD_TOKENS.intersection(class_tokens(node))
            or "description" in (node.get("itemprop") or "").split()):
        return len(text_of(node)) <= LEAD_MAX_LEN
    return False


def is_lead(node, *descriptions: str) -> bool:
    """A prose block that reads as the article's lead (descriptions: the page's, normalised)."""
    text = clean_space(text_of(node))
    if len(text) < LEAD_MIN_LEN or not reads_as_prose(text) \
            or "alternativeHeadline" in (node.get("itemprop") or ""):
        return False
    links = sum(len(text_of(a)) for a in node.iter("a"))
    if links > 0.2 * len(text) or META_LINE_PATTERN.search(text) or BYLINE_PATTERN.match(text):
        return False
    tokens = set()
    for el in (node, node.getparent()):
        if el is not None:
            tokens.update(class_tokens(el))
    if tokens & LEAD_TOKENS or "description" in (node.get("itemprop") or "").split():
        return True
    if node.tag in HEADING_TAGS:
        return False
    if tokens & DEK_TOKENS:
        # a dek is a line under the headline; an "abstract" of several sentences is the lead
        return len(text) >= DEK_LEAD_MIN_LEN and len(SENTENCE_BREAK.findall(text)) >= 2
    phrase = normalize_phrase(text)
    return any(repeats_description(phrase, description) for description in descriptions)


def repeats_description(phrase: str, description: str) -> bool:
    """The lead repeats the page's description, maybe after a dateline ("Berlin. ...")."""
    return bool(description) and len(description) >= LEAD_MIN_LEN and len(phrase) >= LEAD_MIN_LEN and (
        description[:60] in phrase[:200] or phrase[:60] in description)


def page_description(structured) -> str:
    """The page's description (og:description, else meta description), normalised."""
    if structured is None:
        return ""
    return normalize_phrase((getattr(structured, "og", None) or {}).get("description")
                            or (getattr(structured, "meta", None) or {}).get("description") or "")


def article_description(structured) -> str:
    """The JSON-LD article's description, normalised: often the standfirst as shown, where
    og:description and the meta description were written for search results and shares."""
    article = getattr(structured, "article", None) if structured is not None else None
    description = article.get("description") if isinstance(article, dict) else None
    return normalize_phrase(description) if isinstance(description, str) else ""


def reads_as_prose(text: str) -> bool:
    """Sentences, not a title: a dek under a headline ("Rosé wine is great, but...") stops
    without a full stop; a lead ends like a sentence and runs to more than one line."""
    text = text.rstrip()
    return text[-1] in SENTENCE_END or SENTENCE_BREAK.search(text) is not None


def drop_headline(elements: list, headline_key: str | None, record, description: str = "") -> None:
    """Remove the headline from the body, with the kicker and meta lines above it. A heading
    that is the page's description and not the headline itself is the lead set as a heading
    ("<h2>Snopes writer asked if there were any un-angry Trump supporters</h2>"), which shares
    most of its words with the headline and stays."""
    first_h1 = None
    for container in elements:
        for heading in container.iter("h1", "h2"):
            text = normalize_phrase(text_of(heading))
            if not text:
                continue
            if heading.tag == "h1" and first_h1 is None:
                first_h1 = (heading, container)
            if headline_key and text != headline_key and headline_key not in text \
                    and is_description(text, description):
                continue
            if headline_key and (same_headline(text, headline_key) or (
                    covers_headline(text, headline_key) and not longer_than_headline(text, headline_key)
                    and text_before(heading, container, KICKER_MAX_LEN) <= KICKER_MAX_LEN)):
                _drop_before(heading, container, record)
                remove_element(heading)
                return
    if first_h1 is not None and not headline_key:
        # without a known headline, an h1 at the top of the article is its headline
        heading, container = first_h1
        if text_before(heading, container, KICKER_MAX_LEN) <= KICKER_MAX_LEN:
            _drop_before(heading, container, record)
            remove_element(heading)


def is_description(phrase: str, description: str) -> bool:
    """A heading's text is the page's description (the description may run on after it)."""
    return len(phrase) >= LEAD_MIN_LEN and bool(description) and (
        phrase == description or (description.startswith(phrase) and len(phrase) >= 0.8 * len(description)))


def covers_headline(text: str, headline_key: str) -> bool:
    """True when a heading holds most of the headline's words (a kicker and a longer title
    around the declared headline)."""
    head_words = set(tokens(headline_key))
    return bool(head_words) and len(set(tokens(text.lower())) & head_words) >= \
        HEADLINE_MIN_COVER * len(head_words)


def longer_than_headline(text: str, headline_key: str) -> bool:
    """A heading far longer than the headline is a lead set as a heading, which repeats the
    headline's words in sentences."""
    return len(text) > HEADING_LEAD_RATIO * len(headline_key) + HEADING_LEAD_SLACK


def same_headline(text: str, headline_key: str) -> bool:
    """True when a heading is the headline, allowing the small edits sites make between the
    h1 and the declared headline (site names, first names, punctuation)."""
    if text == headline_key or headline_key in text or text in headline_key:
        return True
    words, head_words = set(tokens(text.lower())), set(tokens(headline_key))
    if not words or not head_words:
        return False
    return len(words & head_words) / len(words | head_words) >= HEADLINE_MIN_OVERLAP


def _drop_before(heading, container, record) -> None:
    """Short blocks before the headline inside the container are kickers and meta, not body."""
    before = []
    node = heading
    while node is not None and node is not container:
        sib = node.getprevious()
        while sib is not None:
            if isinstance(sib.tag, str):
                before.append(sib)
            sib = sib.getprevious()
        node = node.getparent()
    total = sum(len(clean_space(text_of(el))) for el in before)
    if total <= KICKER_MAX_LEN:
        for el in before:
            if el.getparent() is not None and clean_space(text_of(el)):
                record(el, "other")
            remove_element(el)


#: Agency names as normalize_phrase spells them.
_AGENCY_KEYS = frozenset(normalize_phrase(name) for name in AGENCY_NAMES)


def edge_label(text: str, headline_key: str | None, site_key: str | None,
               author_keys: frozenset = frozenset()) -> str | None:
    """Why a short paragraph at the body's start is not body (byline, credit...), or None."""
    phrase = normalize_phrase(text)
    if not phrase:
        return "other"
    if headline_key and phrase == headline_key:
        return "other"
    if site_key and phrase == site_key:
        return "byline"
    if len(text) > EDGE_MAX_LEN:
        return None
    if phrase.removeprefix("the ") in _AGENCY_KEYS:
        return "byline"  # "By JOHN SMITH<br>The Associated Press": the wire credited on a line of its own
    if is_menu_line(text):
        return "navigation"  # "Print this story | E-mail this story | Comments (3)" over the text
    if BYLINE_PATTERN.match(text) and len(text.split()) <= 12:
        return "byline"
    if CJK_BYLINE_PATTERN.match(text):
        return "byline"
    if ROLE_LINE_PATTERN.match(text) and not COPULA_PATTERN.search(text):
        return "byline"
    if after_leading_date(text) == "":
        return "byline"  # the day's date alone ("Saturday, January 5, 2008"): the story's timestamp
    if META_LINE_PATTERN.search(text):
        return "byline"
    if CREDIT_PATTERN.match(text) or CAPTION_TAIL_PATTERN.search(text):
        return "caption"
    if BREADCRUMB_PATTERN.match(text):
        return "navigation"
    if len(text) <= 80 and TIME_PATTERN.search(text) and text[-1] not in ".!?":
        return "byline"
    if len(text) <= META_LINE_MAX_LEN // 2 + 20 and RELATIVE_TIME_PATTERN.search(text):
        # "Zimbili Vilakazi|Published 15 hours ago"
        return "byline"
    if author_keys and is_name_line(text) and normalize_phrase(text) in author_keys:
        return "byline"
    label = promo_label(text, 0.0)
    if label is not None and label != "related":
        return label
    return None


def declared_author_keys(structured) -> frozenset:
    """The author names the page declares (JSON-LD author, meta author), normalised."""
    if structured is None:
        return frozenset()
    names = []
    article = getattr(structured, "article", None) or {}
    authors = article.get("author") if isinstance(article, dict) else None
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict):
            author = author.get("name")
        if isinstance(author, str):
            names.append(author)
    meta_author = (getattr(structured, "meta", None) or {}).get("author")
    if isinstance(meta_author, str):
        names.append(meta_author)
    return frozenset(normalize_phrase(name) for name in names if name)


def is_menu_line(text: str) -> bool:
    """Three or more short items between pipes or dots ("Print this story | E-mail this story |
    Comments (3)", "Home · News · Sports"): a tool bar or menu set as a line of text."""
    items = MENU_SEPARATOR.split(text)
    return len(items) >= MENU_MIN_ITEMS and all(
        0 < len(item.split()) <= MENU_ITEM_MAX_WORDS and not item.rstrip().endswith(".") for item in items)


def is_author_bio(text: str, author_keys: frozenset) -> bool:
    """A sentence about the page's declared author, opened by the name and a verb of being or
    working ("Jane Doe is a reporter for ...", "Jane Doe covers ...", "Jane Doe ist Redakteurin ...")."""
    phrase = normalize_phrase(text)
    return any(phrase.startswith(key + " ") and phrase[len(key) + 1:].startswith(AUTHOR_BIO_VERBS)
               for key in author_keys if len(key.split()) >= 2)


def is_name_line(text: str) -> bool:
    """Two or three capitalised words alone on a line ("Mark Lavin"): a name, when the page
    declares it as its author's."""
    words = text.split()
    return 2 <= len(words) <= 3 and len(text) <= NAME_LINE_MAX_LEN and all(
        w[0].isupper() and w[1:].replace("-", "").replace(".", "").isalpha() and not w.isupper()
        for w in words)


def trim_edges(paragraphs: list[str], headline_key, structured, record,
               cells: Container[str] = frozenset()) -> list[str]:
    """Drop bylines, credits and chrome lines at the start, trailers and prompts at the end.
    `cells`: texts of data-table cells, which are never a closing boilerplate heading."""
    site = None
    if structured is not None:
        site = (getattr(structured, "og", None) or {}).get("site_name")
    site_key = normalize_phrase(site) if site else None
    author_keys = declared_author_keys(structured)
    start = 0
    while start < len(paragraphs):
        label = edge_label(paragraphs[start], headline_key, site_key, author_keys)
        if label is None:
            break
        record.add(Boilerplate(label=label, heading=None, text=paragraphs[start]), 1 << 29)
        start += 1
    paragraphs = drop_meta_under_lead(paragraphs, start, headline_key, site_key, record)
    end = cut_at_trailing_heading(paragraphs, start, record, cells)
    trimmed_contact = False
    while end > start:
        text = paragraphs[end - 1]
        label = None
        if len(text) <= TRAILER_MAX_LEN and TRAILER_PATTERN.match(text):
            # "Erstellt am ... und abgelegt unter ...": a post's filing line runs long
            label = "footer"
        elif len(text) <= EDGE_MAX_LEN:
            if CREDIT_PATTERN.match(text):
                label = "caption"
            elif CONTRIBUTOR_PATTERN.search(text) or CREDITS_LINE_PATTERN.match(text):
                label = "byline"
            elif len(text) <= CLOSING_META_MAX_LEN and META_LINE_PATTERN.search(text):
                # "Aktualisiert am 17.01.2021.", "Publiziert: 03.04.2020, 12:35" under the text
                label = "byline"
            elif len(text) <= POINTER_LINE_MAX_LEN and POINTER_LINE_PATTERN.search(text):
                label = "related"
            else:
                label = promo_label(text, 0.0)
        if label is None and len(text) <= COMMENT_PROMPT_MAX_LEN \
                and COMMENT_PROMPT_PATTERN.search(text, 0, COMMENT_PROMPT_MAX_START):
            # a paragraph that is a call to comment; a closing thought that ends in one stays
            label = "comments"
        if label is None and len(text) <= COMMENT_POLICY_MAX_LEN and COMMENT_POLICY_PATTERN.match(text):
            # the rules of the comment section under the text
            label = "comments"
        if site_key and normalize_phrase(text) == site_key:
            label = "byline"
        if label is None and len(text) <= SIGNATURE_MAX_LEN + 20 \
                and len(text.split()) <= SIGNATURE_EMAIL_MAX_WORDS and SIGNATURE_EMAIL_PATTERN.search(text):
            # a name (and role) closed by an e-mail address: the author's signature
            label = "byline"
        if label is None and end == len(paragraphs) and EDITOR_SIGN_OFF.match(text) \
                and text_length(paragraphs[start:end - 1]) >= SIGN_OFF_MIN_TEXT:
            label = "byline"
        if label is None and AGENCY_SIGN_OFF.match(text):
            # an agency's or editor's initials closing the text ("RIRM", "(dpa)", "AFP/jm")
            label = "byline"
        if label is None and is_signature_line(text) and len(text) <= ROLE_LINE_MAX_LEN \
                and NEWSROOM_ROLE_PATTERN.search(text) and not COPULA_PATTERN.search(text):
            # the role line of an author box under the text ("Leiterin Redaktion Leben")
            label = "byline"
        if label is None and author_keys and len(text) <= AUTHOR_BIO_MAX_LEN and is_author_bio(text, author_keys):
            # "Aaron Kliegman is a politics reporter for Fox News Digital.": the author box's line
            label = "byline"
        if label is None and trimmed_contact and is_signature_line(text):
            # the name and role lines of an author box whose contact line went already
            label = "byline"
        if label is None:
            break
        trimmed_contact = trimmed_contact or bool(CONTACT_PATTERN.match(text))
        record.add(Boilerplate(label=label, heading=None, text=text), 1 << 30)
        end -= 1
    return paragraphs[start:end]


def drop_meta_under_lead(paragraphs: list[str], start: int, headline_key, site_key,
                         record) -> list[str]:
    """The meta lines of a headline block (time, reading time, byline) standing between the
    lead and the text go like those above the lead."""
    lead = start + 1
    end = lead
    while end < min(len(paragraphs) - 1, lead + LEAD_META_MAX_LINES):
        text = paragraphs[end]
        label = edge_label(text, headline_key, site_key) if len(text) <= META_LINE_MAX_LEN else None
        if label is None or label == "other":
            break
        record.add(Boilerplate(label=label, heading=None, text=paragraphs[end]), 1 << 29)
        end += 1
    return paragraphs[:lead] + paragraphs[end:] if end > lead else paragraphs


def is_signature_line(text: str) -> bool:
    """A short line without sentence punctuation: a name or a role in a signature."""
    text = text.strip()
    return 0 < len(text) <= SIGNATURE_MAX_LEN and text[-1] not in ".!?:;\"”»)"


def cut_at_trailing_heading(paragraphs: list[str], start: int, record,
                            cells: Container[str] = frozenset()) -> int:
    """Index where the body ends: at a boilerplate heading line ("Tags", "You may also like")
    in the body's second half ("Kontakt:", "ERSCHIENEN IN"), everything after which is then
    boilerplate too. A line that only ends in a colon is no such heading: recipes, manuals and
    event notes label their own last lines ("1 Stück ca.:", "Anfahrt:")."""
    total = text_length(paragraphs[start:])
    seen = 0
    for i in range(start, len(paragraphs)):
        text = paragraphs[i]
        if seen >= 0.5 * total and len(text) <= 60:
            label = heading_label(text, exact=True)
            # a slot's label ("Advertisement") heads nothing after it; the cells are looked
            # at last, as they may be read from the tree when first asked about
            if label is not None and label not in SLOT_LABELS and text not in cells:
                rest = paragraphs[i + 1:]
                record.add(Boilerplate(label=label, heading=text, text="\n".join(rest)), 1 << 30)
                return i
        seen += len(text)
    return len(paragraphs)


def cut_at_paywall(paragraphs: list[str], record) -> list[str]:
    """A paywall's notice after the article's free part: the notice and the subscription offer
    after it go. When more text follows than came before, the page shows the whole article
    (to a crawler, or to a subscriber), and only the notice line goes."""
    # from this paragraph on, every line is short enough for a paywall's offer
    offer_from = len(paragraphs)
    while offer_from and len(paragraphs[offer_from - 1]) <= PAYWALL_OFFER_MAX_LEN:
        offer_from -= 1
    for i, text in enumerate(paragraphs):
        if i == 0 or len(text) > PAYWALL_NOTICE_MAX_LEN or not (
                is_paywall_notice(text) or (i + 1 >= offer_from and is_paywall_line(text))):
            continue
        rest = paragraphs[i + 1:]
        if text_length(rest) < text_length(paragraphs[:i]):
            record.add(Boilerplate(label="newsletter", heading=text, text="\n".join(rest)), 1 << 30)
            return paragraphs[:i]
        record.add(Boilerplate(label="newsletter", heading=None, text=text), 1 << 30)
        return paragraphs[:i] + rest
    return paragraphs


def is_paywall_notice(text: str) -> bool:
    """The line is a paywall's notice, not a sentence that opens like one ("This article is
    for subscribers who ..."): after the notice comes nothing, a stop, or a new sentence."""
    match = PAYWALL_NOTICE_PATTERN.match(text)
    if match is None:
        return False
    rest = text[match.end():].lstrip()
    return not rest or rest[0] in PAYWALL_NOTICE_ENDS or rest[0].isupper()


def is_paywall_line(text: str) -> bool:
    """A short line naming the subscribers and saying "only" (or a CJK mark saying both): a
    paywall's notice in any language, when nothing but an offer's short lines follows it."""
    if any(mark in text for mark in PAYWALL_CJK_MARKS):
        return True
    if len(text.split()) > PAYWALL_NOTICE_MAX_WORDS:
        return False
    words = _WORDS.findall(text.lower())
    return any(word.startswith(PAYWALL_SUBSCRIBER_WORDS) for word in words) \
        and any(word.startswith(PAYWALL_ONLY_WORDS) for word in words)


_WORDS = re.compile(r"\w+")


def drop_captions(paragraphs: list[str], record) -> list[str]:
    """Paragraphs that end with a photo credit are captions wherever they stand; the lines of a
    consent placeholder for an embedded video or post go too.

    Each paragraph's verdict depends on its text alone and is remembered by text: a third of
    the short paragraphs over the eval pages were judged before (a gallery's captions, a
    site's sign-up lines), and the verdict costs ~8 us."""
    kept = []
    for text in paragraphs:
        label, dropped, rest = remembered(_CAPTION_VERDICTS, text, caption_verdict)
        if label is None:
            kept.append(rest)
            continue
        record.add(Boilerplate(label=label, heading=None, text=dropped), 1 << 30)
        if rest:
            kept.append(rest)
    return kept


_CAPTION_VERDICTS: dict[str, tuple] = {}
#: Every hint of the newsletter, reader and download prompt tests, for one search of a short
#: line before them: 3.9 us a line where their three any() scans took 6.1.
_PROMPT_HINTS = hints_pattern((*NEWSLETTER_PROMPT_WORDS, *READER_PROMPT_HINTS, *DOWNLOAD_LINE_HINTS))


def caption_verdict(text: str) -> tuple[str | None, str | None, str]:
    """drop_captions' verdict on one paragraph: (label, the text recorded under it, the text
    that stays), label None when all of it stays.

    Each pattern is tried only where a cheap test (a substring its every match holds, the
    text's length) lets it match: searched over every paragraph, the patterns cost ~15 us
    per short paragraph; the tests rule most of them out in C."""
    size = len(text)
    lower = text.lower() if size <= SHORT_LINE_MAX_LEN else ""
    tail = text[-CREDIT_TAIL_LEN:]
    tail_lower = tail.lower()
    if size <= CAPTION_MAX_LEN and is_caption(text, tail_lower):
        return "caption", text, ""
    if size <= CREDIT_LINE_MAX_LEN and (CREDIT_PATTERN.match(text) or GALLERY_COUNTER_PATTERN.match(text)):
        # "Foto: ...", "Crédits photos : ...", "Image 2 of 5" standing between paragraphs
        return "caption", text, ""
    if size <= CAPTION_MAX_LEN and CONSENT_PATTERN.match(text):
        return "other", text, ""
    if lower and ("cookie" in lower or "çerez" in lower or "evästei" in lower or "sütik" in lower) \
            and any(map(lower.__contains__, COOKIE_NOTICE_PHRASES)):
        return "other", text, ""  # a cookie notice the page set among the paragraphs
    if "tw" in tail_lower and SHARE_TAIL_PATTERN.search(tail):
        # a quote with its "Click To Tweet" button: the quote stays, the button goes
        match = SHARE_TAIL_PATTERN.search(text)
        return "share", match.group(0).strip(), text[:match.start()].strip()
    if size <= CAPTION_MAX_LEN and MACHINERY_PATTERN.match(text):
        return "other", text, ""
    if size <= STAMP_LINE_MAX_LEN and (stamp := STAMP_LABEL_PATTERN.match(text)) \
            and after_leading_date(text[stamp.end():]) == "":
        # "Aktualisiert: 11.04.2020, 10:27" standing among the paragraphs: the story's timestamp
        return "byline", text, ""
    # one search for the three prompt tests' hints: nineteen short lines in twenty hold none
    prompt_hinted = bool(lower) and (_PROMPT_HINTS.search(lower) is not None or case_folds_beyond_lower(text))
    if size <= NEWSLETTER_PROMPT_MAX_LEN and (
            (prompt_hinted and any(map(lower.__contains__, NEWSLETTER_PROMPT_WORDS))
             and NEWSLETTER_PROMPT_PATTERN.search(text))
            or NEWSLETTER_CONSENT_PATTERN.match(text) or ("blog" in lower and FOLLOW_BLOG_PATTERN.search(text))):
        return "newsletter", text, ""
    if size <= READER_PROMPT_MAX_LEN and prompt_hinted and holds_hint_lower(text, lower, READER_PROMPT_HINTS) \
            and READER_PROMPT_PATTERN.search(text):
        # "Like this story? Share it with a friend!", "Follow us on Google News": the site
        # talking to its reader, wherever it stands
        return "other", text, ""
    if size <= AFFILIATE_DISCLOSURE_MAX_LEN and text[:1] not in QUOTE_MARKS \
            and any(map(text[:AFFILIATE_HINT_WINDOW].__contains__, AFFILIATE_DISCLOSURE_HINTS)) \
            and AFFILIATE_DISCLOSURE_PATTERN.search(text):
        # the page telling its reader that its links pay the site: a quote opening the
        # paragraph ("We earn a commission on every house," the agent said) is the story's
        return "other", text, ""
    if size <= READER_PROMPT_MAX_LEN and prompt_hinted and holds_hint_lower(text, lower, DOWNLOAD_LINE_HINTS) \
            and DOWNLOAD_LINE_PATTERN.search(text):
        # "Informationsschreiben vom 14. Oktober 2021 PDF | 38 KB": a link to a file
        return "related", text, ""
    if size <= PROMO_MAX_LEN and (label := promo_label(text, 0.0)) is not None:
        # "Related post: ..." lines, and chrome words standing as lines ("identifiez-vous",
        # "Embed"), inside the body that no block element of their own held
        return label, text, ""
    return None, None, text


def is_caption(text: str, tail_lower: str | None = None) -> bool:
    """The paragraph ends with a photo credit, names its credit inline, or is a numbered
    figure's caption or a video's description (CAPTION_TAIL_PATTERN, INLINE_CREDIT_PATTERN,
    FIGURE_CAPTION_PATTERN), each searched only when the substrings it needs are there.
    `tail_lower`: the lower case of the text's last CREDIT_TAIL_LEN characters, when made."""
    tail = text[-CREDIT_TAIL_LEN:]
    if tail_lower is None:
        tail_lower = tail.lower()
    if holds_hint_lower(tail, tail_lower, CAPTION_TAIL_HINTS) and CAPTION_TAIL_PATTERN.search(tail):
        return True
    if ":" in text and INLINE_CREDIT_PATTERN.search(text):
        return True
    # the figure pattern's only unanchored alternative needs a "|": without one, only its
    # anchored alternative can match, at the start
    if "|" in text:
        return FIGURE_CAPTION_PATTERN.search(text) is not None
    return FIGURE_CAPTION_PATTERN.match(text) is not None


def strip_read_more_tails(paragraphs: list[str], record) -> list[str]:
    """A paragraph closed by a bracketed "read more" link ("... [czytaj więcej]") keeps its
    text; the link's label goes."""
    out = []
    for text in paragraphs:
        match = READ_MORE_TAIL_PATTERN.search(text) if text.endswith("]") else None
        if match is not None:
            record.add(Boilerplate(label="related", heading=None, text=match.group(0).strip()), 1 << 30)
            text = text[:match.start()].rstrip()
        if text:
            out.append(text)
    return out


def heading_texts(elements: list) -> set[str]:
    """The texts of the headings inside the article's elements, and of bold run-in heads
    that open a block ("<p><b>Isolation</b><br>..."): a manual names its terms that way in
    a list and again above each term's section."""
    texts = set()
    for el in elements:
        for h in el.iter(*HEADING_TAGS, "b", "strong"):
            if h.tag in HEADING_TAGS or opens_block(h):
                texts.add(clean_space(text_of(h)))
    return texts


def drop_closing_heading(paragraphs: list[str], elements: list, record) -> list[str]:
    """A heading that closes the body heads nothing: it is the title of a box whose items
    were pruned or are loaded by a script ("News", "Kategorien", "Beitragsnavigation",
    "Weitere Artikel"). A heading over pictures ("Test Case 2" above a photo) heads them."""
    end = len(paragraphs)
    while end > 1 and len(paragraphs[end - 1]) <= CLOSING_HEADING_MAX_LEN:
        heading = last_heading_titled(elements, paragraphs[end - 1])
        if heading is None or image_follows(heading, elements):
            break
        end -= 1
        record.add(Boilerplate(label="related", heading=paragraphs[end], text=""), 1 << 30)
    return paragraphs if end == len(paragraphs) else paragraphs[:end]


def last_heading_titled(elements: list, text: str):
    """The last heading element in the article's elements whose text is `text`, or None."""
    found = None
    for el in elements:
        for h in el.iter(*HEADING_TAGS):
            if clean_space(text_of(h)) == text:
                found = h
    return found


def image_follows(heading, elements: list) -> bool:
    """An image comes after `heading` inside the article's elements."""
    node = heading
    while node is not None and not any(node is el for el in elements):
        for sibling in node.itersiblings():
            if next(sibling.iter("img"), None) is not None:  # the sibling itself included
                return True
        node = node.getparent()
    return False


class TextsOnDemand:
    """A set of texts read (by `read`) the first time it is asked about: for texts from the
    tree that a pass needs on few pages. The tree must not change before then."""

    def __init__(self, read):
        self._read = read
        self._texts = None

    @property
    def texts(self) -> set[str]:
        if self._texts is None:
            self._texts = self._read()
        return self._texts

    def __contains__(self, text) -> bool:
        return text in self.texts


def data_cell_texts(elements: list) -> set[str]:
    """The texts of the cells of data tables (rows of two or more cells) in the article: a
    column repeats its values ("started", "yes"), which is no repeated chrome."""
    texts = set()
    for el in elements:
        for row in el.iter("tr"):
            cells = [c for c in row if c.tag in CELL_TAGS]
            if len(cells) >= 2:
                texts.update(clean_space(text_of(c)) for c in cells)  # (not text_content's XPath)
    return texts


def opens_block(el) -> bool:
    """True when an inline element is the first thing in its parent (no text or element before)."""
    parent = el.getparent()
    # first child: nothing before it (index() would count the siblings before it)
    return parent is not None and not (parent.text or "").strip() and el.getprevious() is None


#: A letter or digit (a character str.isalnum() is true of).
_ALNUM = re.compile(r"[^\W_]")


def drop_repeated_short(paragraphs: list[str], record, subheadings: Container[str] = frozenset()) -> list[str]:
    """Paragraphs repeated in the body are chrome: "Advertisement" between paragraphs, the
    caption of every slide of a gallery. An article does not say the same paragraph twice,
    but a manual may give several sections the same subheading ("Setting up"), and a song or
    an exercise sheet the same short line twice ("Repeat Chorus"): a short line goes from its
    third time on."""
    # counted in C, and tested only when one is said three times (one page in twenty), not
    # each paragraph searched for a letter or digit by a generator first
    counts = Counter(paragraphs)
    if not counts or max(counts.values()) < 3:
        return paragraphs
    total = max(1, text_length(paragraphs))
    # filler text repeated all over a page is its content (test pages, poems), not chrome
    repeated = {text for text, n in counts.items()
                if n >= 3 and _ALNUM.search(text) and text not in subheadings
                and (len(text) <= 60 or n * len(text) < REPEATED_MAX_SHARE * total)}
    if not repeated:
        return paragraphs
    # in page order: iterating the set would order the blocks by string hash, run to run
    for text in dict.fromkeys(p for p in paragraphs if p in repeated):
        record.add(Boilerplate(label="other", heading=None, text=text), 1 << 30)
    return [p for p in paragraphs if p not in repeated]


def cross_check_article_body(paragraphs: list[str], structured, record) -> list[str]:
    """Use JSON-LD articleBody where it agrees with the DOM (see checked_against_article_body)."""
    return checked_against_article_body(paragraphs, structured, record)[0]


#: How many paragraphs before the first one articleBody holds are searched for the dateline
#: articleBody leaves out (captions and a kicker stand before it; thousands of teasers do not).
OPENING_PARAGRAPHS_FOR_DATELINE = 12


def checked_against_article_body(paragraphs: list[str], structured, record) -> tuple[list[str], bool]:
    """Use JSON-LD articleBody where it agrees with the DOM; True with the paragraphs when
    articleBody replaced the DOM's text.

    When the DOM text holds nearly all of articleBody, DOM paragraphs missing from it are
    extras (promos, captions) and go; when the DOM gave almost nothing but articleBody is
    long, the page renders its text with scripts and articleBody is the body.
    """
    article_body = getattr(structured, "article_body", None) if structured is not None else None
    if not article_body or len(article_body) < 200:
        return paragraphs, False
    ab_tokens = tokens(article_body)
    if not ab_tokens:
        return paragraphs, False
    dom_tokens = [tokens(p) for p in paragraphs]
    dom_count = sum(len(t) for t in dom_tokens)
    if dom_count < 0.3 * len(ab_tokens) and not _looks_like_markup(article_body):
        return [clean_space(part) for part in article_body.replace("\r", "").split("\n") if clean_space(part)], True
    ab_joined = token_phrase(ab_tokens)
    found = [token_phrase(t) in ab_joined if t else True for t in dom_tokens]
    for i, ok in enumerate(found[:OPENING_PARAGRAPHS_FOR_DATELINE]):
        # the paragraph the text opens with may carry a dateline articleBody leaves out
        if ok:
            break
        if found_after_dateline(paragraphs[i], ab_joined):
            found[i] = True
            break
    found_count = sum(len(t) for t, ok in zip(dom_tokens, found) if ok)
    # articleBody must cover what we found (it is the same text, not a truncated teaser)
    if found_count < 0.9 * len(ab_tokens) or found_count < 0.6 * dom_count:
        return paragraphs, False
    # the lead, which articleBody often leaves out, stays when it repeats the page's description
    description = page_description(structured)
    lead_open = True
    kept = []
    for text, ok in zip(paragraphs, found):
        if ok or (lead_open and repeats_description(normalize_phrase(text), description)):
            kept.append(text)
        else:
            record.add(Boilerplate(label="other", heading=None, text=text), 1 << 30)
        lead_open = lead_open and not ok
    return kept, False


def found_after_dateline(text: str, ab_joined: str) -> bool:
    """True when the paragraph opens with a dateline and the rest is in articleBody: many
    sites' articleBody leaves out the "MIAMI –" their first paragraph opens with."""
    opening = find_dateline(text)
    if opening is None:
        return False
    rest = tokens(opening[3])
    return bool(rest) and token_phrase(rest) in ab_joined


def token_phrase(words: list[str]) -> str:
    """Tokens joined with a space on each side, so that one phrase is found in another only
    at word boundaries."""
    return " " + " ".join(words) + " "


def _looks_like_markup(text: str) -> bool:
    return text.count("<") > 3 and text.count(">") > 3


def declared_types(structured) -> tuple[bool, bool]:
    """(declares one article, declares a listing) by schema.org types and og:type."""
    types = {t.lower() for t in (getattr(structured, "types", None) or ())}
    og_type = ((getattr(structured, "og", None) or {}).get("type") or "").lower()
    return bool(types & ARTICLE_PAGE_TYPES) or og_type == "article", bool(types & LISTING_TYPES)


def is_listing(structured, body, stats) -> bool:
    """A page that declares itself a collection (and no article) is a hub, not an article."""
    declared, listing = declared_types(structured)
    return listing and not declared


def is_link_list(elements: list, stats) -> bool:
    """A body container holding nearly all its text in links: a list of headlines (a hub of
    bare or <br>-separated links, as older section pages and link columns are set)."""
    total = sum(stats.text_len(el) for el in elements)
    return total > 0 and sum(stats.links.get(el, 0) for el in elements) >= LINK_LIST_MIN_SHARE * total


def teaser_heads(elements: list) -> dict[str, str]:
    """The body's linked headlines, text -> link: links of a headline's length that are the
    whole text of a heading or of a bold run, or stand before a line break or a block (a
    teaser's title above its summary)."""
    heads: dict[str, str] = {}
    for el in elements:
        for link in el.iter("a"):
            href = link.get("href")
            if not href or href.startswith(("#", "javascript:", "mailto:")):
                continue
            text = clean_space(text_of(link))
            if len(text) < TEASER_HEAD_MIN_CHARS or len(text.split()) < TEASER_HEAD_MIN_WORDS:
                continue
            parent = link.getparent()
            after = link.getnext()
            if (parent is not None and parent.tag in TEASER_HEAD_WRAPPERS
                    and clean_space(text_of(parent)) == text) or (
                    after is not None and (after.tag == "br" or after.tag in BLOCK_TAGS)
                    and not (link.tail or "").strip()):
                heads[text] = href
    return heads


def is_teaser_list(heads: dict[str, str], paragraphs: list[str]) -> bool:
    """A body that opens with a linked headline (heads: teaser_heads of its container) and is
    made of such teasers (a headline to another page and a line or two under it): a hub."""
    if not paragraphs:
        return False
    pages = len(set(heads.values()))
    return pages >= TEASER_MIN_HEADS and paragraphs[0] in heads \
        and len(paragraphs) <= TEASER_MAX_PARAGRAPHS_PER_HEAD * pages


def looks_like_article(paragraphs: list[str], structured) -> bool:
    """Enough running text for an article; a declared article type lowers the bar."""
    declared, listing = declared_types(structured)
    if listing and not declared:
        return False
    least = MIN_DECLARED_ARTICLE_WEIGHT if declared else MIN_ARTICLE_WEIGHT
    # a text weighs at least its length: most bodies pass on their length alone, without the
    # CJK scan of every paragraph that weighing takes
    return text_length(paragraphs) >= least or sum(text_weight(p) for p in paragraphs) >= least
