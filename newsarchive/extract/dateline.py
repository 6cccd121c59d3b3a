"""The dateline a news body opens with ("WASHINGTON (Reuters) —", "London, 24 Sep –", "MADRID.").

A dateline is a place (in capitals, or capitalised with an agency, region or date to vouch
for it), optionally a region ("Wis.", "Lebanon", "[India]"), a date ("24 Sep") and a credit
("(AP)", "/PRNewswire/", AAP's bare "AAP"), ended by a separator: a dash (with or without spaces,
the cp1252 dash U+0097 too), a period after a place in capitals or a lone capitalised place, or a
colon in English pages ("KATHMANDU:", "New Delhi (PTI):"). A credit may stand alone ("(Reuters)
—", "Jan. 7 (Bloomberg) --"). Openings that merely look alike (kickers such as "VIDEO –",
"BREAKING:", labels, transcripts, trademark signs, tickers) are rejected by the shape rules and
the tables of meta_tables.py (agencies, wires, dashes, kicker words, the colon's languages).

Where to look is a declared cascade (DATELINE): the body's first paragraph, an element the page
marks as its dateline, a paragraph behind short leading lines, the page's lede; the rule that
found it goes to Article.sources["dateline"].
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from lxml import etree

from . import meta_tables as tables
from .cascade import Cascade, Rule
from .dates import find_text_dates
from .tables import BYLINE_PATTERN
from .text import alternatives, bytes_contain

# Latin capitals (ranges include some lower-case in Latin Extended-A and in Vietnamese's
# letters, which alternate capital and small; checked below)
_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſẠ-ỹ"
_LOWER = "a-zß-öø-ÿẠ-ỹ"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]*[{_UPPER}.]|[{_UPPER}]"
_CAPS_PLACE = rf"(?:{_CAPS_WORD})(?:\s+(?:{_CAPS_WORD}|de|del|la|sur|am|an|im|upon))*?"
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}'’\-]+(?:[-/][{_UPPER}][{_LOWER}]+)*"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:\s+(?:{_TITLE_WORD}|am|an|im|ob|bei|de|del|la|le|sur|upon|on|upon-\w+)){{0,3}}?"
_REGION = rf"(?:,\s*(?:[{_UPPER}][\w'’.\-]*\.?(?:\s+[{_UPPER}][\w'’.\-]*){{0,2}}))"
_AGENCY = r"(?:\s*\((?:[A-Za-zÀ-ÿ][\w/.&!\-]*(?:\s+[\w/.&!\-]+){0,2})\))"  # "(The Sports Network)", "(Reuters Life!)"
# a month's name as the months table spells it ("Jan", "January", "Sept."): not any word, so that
# "SYDNEY, Jan 7 AAP -" reads as a date and an agency, not as a region and "7 AAP"
_MONTH_NAMES = "(?i:" + alternatives(tables.MONTHS) + ")"
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DATE = (rf"(?:,?\s+(?:(?P<day1>\d{{1,2}})\.?\s+{_MONTH}|(?P<month2>{_MONTH_NAMES})\.?\s+(?P<day2>\d{{1,2}})"
         rf"|(?P<day3>\d{{1,2}})\.(?P<month3>\d{{1,2}})\.(?P<year3>\d{{2,4}})?)(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?)")
_DATE_PLAIN = re.sub(r"\?P<\w+>", "", _DATE)
_DATE_GLUED = _DATE_PLAIN.replace(r"(?:,?\s+", r"(?:,?\s*", 1)  # a date right after a dash: "--Jan. 7, 2008--"
_DASHES = alternatives(tables.DATELINE_DASHES)
_SPACED_DASHES = "".join(re.escape(dash) for dash in tables.DATELINE_SPACED_DASHES)
# a dash with or without spaces; a hyphen (or AP's old underscore) with a space before it and one
# after it, or a hyphen glued to a capital after it ("TORONTO (AP) -Raptors coach"), never
# inside a word ("Winston-Salem")
_DASH = rf"\s*(?:{_DASHES})\s*|\s+[{_SPACED_DASHES}](?:\s+|$)|\s+-(?=[{_UPPER}\"“])"
_WIRES = alternatives(tables.PRESS_WIRES)
_SLASHED = "|".join(re.escape(name) for name in sorted((*tables.PRESS_WIRES, *tables.AGENCY_NAMES), key=len,
                                                         reverse=True))
# "(BUSINESS WIRE)", "(Marketwire - Jan. 7, 2008)", "/PRNewswire-FirstCall/", TASS's "/TASS/"
_WIRE = rf"(?:\((?:{_WIRES})(?:\s*-\s*[^()]{{3,24}})?\)|/(?:{_SLASHED})(?:-[\w]+)?/)"
# a wire agency without parentheses after the date: AAP's "SYDNEY, Jan 7 AAP -", IRNA's "Tehran, Jan 7, IRNA --"
_BARE_AGENCY = "(?:,?\\s+(?:" + "|".join(re.escape(name) for name in tables.DATELINE_BARE_AGENCIES) + "))"
# a state or country in brackets after the place, ANI's form: "Mumbai (Maharashtra) [India], Jan 13 (ANI):"
_BRACKETED_REGION = rf"(?:(?:\s+\([{_UPPER}][\w .]{{1,24}}\))?\s+\[[{_UPPER}][\w .]{{1,24}}\])"
_PLACE = rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?P<region>{_BRACKETED_REGION}?{_REGION}{{0,2}})"

# place, then any of region / date / agency, then a dash
_DASHED = re.compile(
    rf"^{_PLACE}(?:(?P<date>{_DATE_PLAIN}){_BARE_AGENCY}?)?"
    rf"(?P<agency>{_AGENCY})?(?P<date_after>{_DATE_PLAIN})?(?:{_DASH})(?P<rest>.*)$", re.S)
# a press release: place and date, the wire between dashes or slashes, maybe a date, a dash
_WIRED = re.compile(
    rf"^{_PLACE}(?P<date>{_DATE_PLAIN})?(?:{_DASH}|\.?\s*)(?P<agency>{_WIRE})(?:{_DASH}|\.\s+)"
    rf"(?:(?P<date_after>{_DATE_GLUED})(?:{_DASH}))?(?P<rest>.*)$", re.S)
# place and agency glued to the text ("Hong Kong (CNN Business)A muddled view") or a stray quote
# or alone on its line ("Charlotte, NC (Sports Network)<br>Jake Delhomme ...")
_AGENCY_ONLY = re.compile(
    rf"^{_PLACE}(?P<date>{_DATE_PLAIN})?(?P<agency>{_AGENCY})"
    rf"(?:\s*\"\s+|\s*(?=[{_UPPER}])|(?P<alone>\s*$))(?P<rest>.*)$", re.S)
# a credit alone, the place left out: "(Reuters) — The ...", "(CNN)President ...", a station's
# call sign "(KRON) — ", a German press release's place "(Leipzig) - Von ..."
_CREDIT_ALONE = re.compile(
    rf"^(?P<agency>\((?P<credit>[^()\n]{{2,30}})\))(?:(?P<dash>{_DASH})|(?=[{_UPPER}]))(?P<rest>.*)$", re.S)
_CALL_SIGN = re.compile(rf"^[{_UPPER}]{{2,6}}$")
# a date and a credit, the place left out (Bloomberg's form): "Jan. 7 (Bloomberg) -- ..."
_DATED_CREDIT = re.compile(rf"^(?P<date>{_DATE_GLUED})(?P<agency>{_AGENCY})(?:{_DASH})(?P<rest>.*)$", re.S)
# a place in capitals (or a lone capitalised place) closed by a period: "MADRID. The ...", "Berlin. Der ..."
_STOPPED = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_TITLE_WORD})(?P<region>{_REGION}?)(?P<date>{_DATE_PLAIN})?(?P<agency>{_AGENCY})?\.\s+"
    rf"(?P<rest>[\"“„«‘'(]?[{_UPPER}].*)$", re.S)
# a place and its date with nothing after them but the text, an Indian paper's form:
# "Chandigarh, January 7 Punjab's ..."; the date vouches for the place
_DATED = re.compile(
    rf"^{_PLACE}(?P<date>{_DATE_PLAIN})(?P<agency>{_AGENCY})?\s+(?P<rest>[\"“‘'(]?[{_UPPER}].*)$", re.S)
# a place closed by a colon, the South Asian form: "KATHMANDU: ...", "LAHORE, Jan 7: ...", "New Delhi (PTI): ..."
_COLONED = re.compile(
    rf"^{_PLACE}(?P<date>{_DATE_PLAIN})?(?P<agency>{_AGENCY})?\s*:\s+"
    rf"(?P<rest>[\"“‘'(]?[{_UPPER}0-9].*)$", re.S)
# an outlet's name beside the place, before or after it (meta_tables.DATELINE_OUTLET_PATTERNS):
# "JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -"
_OUTLET = "(?:" + "|".join(tables.DATELINE_OUTLET_PATTERNS) + r")(?![\w.])"
_PLACE_ALONE = rf"(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})"
_OUTLET_AFTER = re.compile(rf"^{_PLACE_ALONE},\s*(?P<outlet>{_OUTLET})(?:{_DASH})(?P<rest>.*)$", re.S)
_OUTLET_BEFORE = re.compile(rf"^(?P<outlet>{_OUTLET}),\s*{_PLACE_ALONE}(?:{_DASH})(?P<rest>.*)$", re.S)
# the label of a transcript's or listing's next line ("MONTAGNE:", "WHERE:"): the colon is no dateline's
_LABEL_LINE = re.compile(rf"^[{_UPPER}][{_UPPER}'’.\- ]{{0,30}}(?:,[^:]{{1,30}})?:\s")

#: The dateline shapes, tried in this order (a press release's wire before the plain dash), each
#: with the characters one of which it needs within a dateline's length.
_DASH_MARKS = frozenset((*tables.DATELINE_DASHES, *(f" {dash}" for dash in tables.DATELINE_SPACED_DASHES)))
_SHAPES = (("wire", _WIRED, frozenset("(/")), ("dash", _DASHED, _DASH_MARKS), ("glued", _AGENCY_ONLY, frozenset("(")),
           ("period", _STOPPED, frozenset(".")), ("colon", _COLONED, frozenset(":")), ("dated", _DATED, frozenset(",")))
_MARKS = re.compile(alternatives(_DASH_MARKS | set("(/.:,")))


@dataclass
class DatelineResult:
    text: str | None = None
    """The dateline without its dash ("London, 24 Sep"), or None."""
    place: str | None = None
    """The place part ("London", "LA CROSSE, Wis.")."""
    date: str | None = None
    """ISO date of the dateline's date part, or None when it has none."""
    paragraphs: list[str] = field(default_factory=list)
    """The body paragraphs with the dateline removed from the first one."""


@dataclass
class MarkedDateline:
    """An element the page marks as the dateline (class "dateline"), read before the body pass
    prunes the tree: its text, and the first text after it (where the story starts)."""
    text: str
    following: str


@dataclass
class _Page:
    """What the dateline rules read: the body's paragraphs and the page's metadata."""
    paragraphs: list[str]
    meta: object
    marked: MarkedDateline | None
    named: "_PlaceWords"
    language: str | None


@dataclass
class _Found:
    index: int
    """The paragraph the dateline opens (-1: none of the body's; the body kept no trace of it)."""
    dateline: tuple
    """find_dateline's (text, place, date parts, rest)."""
    drop: bool = False
    """The paragraph is the dateline element's text, kept by the body: it goes."""


def apply_dateline(paragraphs: list[str], meta, *, fetched_at: datetime | None = None,
                   marked: MarkedDateline | None = None) -> DatelineResult:
    """Split the dateline off the body's opening, when it has one, by the first of the
    dateline rules that finds one; the rule's name goes to meta.sources["dateline"].

    meta: the page's Metadata (its date_published gives a year to "24 Sep"; when it has no
    date, the dateline's date becomes date_published with source "dateline").
    marked: the page's dateline element (read_marked_dateline), when it has one.
    """
    paragraphs = list(paragraphs or [])
    result = DatelineResult(paragraphs=paragraphs)
    if not paragraphs:
        return result
    page = _Page(paragraphs, meta, marked, _PlaceWords(meta), getattr(meta, "language", None))
    answer = DATELINE.first(page)
    if answer.rule is None:
        return result
    found = answer.value
    text, place, date_parts, rest = found.dateline
    result.text, result.place = text, place
    if meta is not None:
        meta.sources["dateline"] = answer.rule
    day = dateline_date(date_parts, _reference_date(getattr(meta, "date_published", None), fetched_at))
    result.date = day.isoformat() if day else None
    index, rest = found.index, rest.strip()
    if index >= 0:
        kept = [] if found.drop or not rest else [rest]
        result.paragraphs = paragraphs[:index] + kept + paragraphs[index + 1:]
        if day is not None and meta is not None and getattr(meta, "date_published", None) is None:
            meta.date_published = day.isoformat()
            meta.sources["date_published"] = "dateline"
    _credit_agency(meta, text)
    return result


def _first_paragraph(page: _Page) -> _Found | None:
    """The body's first paragraph opens with a dateline: where wire copy and most papers put it,
    on older pages behind the day's date ("Saturday, January 5, 2008 WASHINGTON - ...") or a
    byline run into the same block."""
    following = page.paragraphs[1] if len(page.paragraphs) > 1 else None
    first = page.paragraphs[0]
    found = find_dateline(first, named_places=page.named, language=page.language,
                          following=following, lone_words=True)
    if found is None and following and len(first) <= tables.DATELINE_MAX_CHARS:
        found = _dateline_line(first)
    if found is None:
        # the dateline behind what opens the block with it; that opening leaves the body too
        for behind in (_after_date_opening(first), _after_run_in_byline(first)):
            if behind:
                found = find_dateline(behind, named_places=page.named, language=page.language,
                                      following=following, lone_words=True)
                if found:
                    break
    return _Found(0, found) if found else None


def _after_date_opening(paragraph: str) -> str | None:
    """The paragraph after the day's date run into it, when a capital follows the date
    ("Saturday, January 5, 2008 WASHINGTON - ..."), or None."""
    rest = after_leading_date(paragraph)
    return rest if rest and rest[:1].isupper() else None


def _after_run_in_byline(paragraph: str) -> str | None:
    """The paragraph after a wire byline run into it ("By JOHN SMITH, Associated Press Writer
    WASHINGTON - ..."), or None."""
    byline = tables.RUN_IN_BYLINE_PATTERN.match(paragraph)
    return paragraph[byline.end():] if byline else None


_LEADING_WORD = re.compile(r"[^\W\d_]{3,12}\.?,?")
_TIME_AFTER_DATE = re.compile(r",?[\s|·•–—-]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?)?[\s|·•–—-]*", re.I)


def after_leading_date(paragraph: str) -> str | None:
    """The paragraph after the date opening it (a weekday before it, a time after it), or
    None when no date opens it: the day's date a page prints over the story, on a line of its
    own ("" left) or run into the story's first line."""
    head = paragraph[:80]
    dates = find_text_dates(head)
    if not dates:
        return None
    at = head.find(dates[0])
    before = head[:at].strip()
    if before and not _LEADING_WORD.fullmatch(before):
        return None
    return paragraph[_TIME_AFTER_DATE.match(paragraph, at + len(dates[0])).end():]


_KNOWN_PLACES_FOLDED = frozenset(place.casefold() for place in tables.DATELINE_KNOWN_PLACES)
_REGION_ABBREVIATIONS = frozenset(tables.DATELINE_REGION_ABBREVIATIONS)


def _dateline_line(line: str):
    """A paragraph that is a dateline and nothing else, without a dash ("CHARLOTTE, N.C.",
    "LONDON, Jan. 7"): only with a state's abbreviation, a date or a well-known place in
    capitals, since a line of a name ("JOHN SMITH, Staff Writer") or a section label ("Berlin")
    has the same shape (a place and a credit alone on their line are a shape of their own)."""
    found = find_dateline(_as_opening(line))
    if found is None or found[3].strip():
        return None
    text, place, date_parts, _rest = found
    parts = [part.strip() for part in (place or "").split(",")]
    if date_parts or (_is_caps(parts[0]) and parts[0].casefold() in _KNOWN_PLACES_FOLDED) or any(
            part in _REGION_ABBREVIATIONS for part in parts[1:]):
        return found
    return None


def _dateline_element(page: _Page) -> _Found | None:
    """An element marked as the dateline right before the body's text ("<span class=dateline>
    AUBURN, Wash. —</span><p>After ..."); a body that kept it as a paragraph of its own loses it."""
    marked = page.marked
    if marked is None:
        return None
    found = find_dateline(_as_opening(marked.text), language=page.language)
    if found is None or found[3].strip():
        return None
    start = _WORDS.findall(marked.following.casefold())
    own = _WORDS.findall(marked.text.casefold())
    for index, paragraph in enumerate(page.paragraphs[:3]):
        words = _WORDS.findall(paragraph.casefold())
        if words and words == own:
            return _Found(index, found, drop=True)
        if start and words[:len(start)] == start:
            return _Found(-1, found)
        if start and words[:len(own)] == own and words[len(own):len(own) + len(start)] == start:
            # the element's text run into the paragraph without a dash: "LONDON The council ..."
            rest = paragraph[_end_of_words(paragraph, len(own)):].lstrip(" \t\n:,.;—–-")
            return _Found(index, (*found[:3], rest))
    return None


def _end_of_words(text: str, count: int) -> int:
    """The offset just after the first `count` words of a text."""
    end = 0
    for end_match, _ in zip(_WORDS.finditer(text), range(count)):
        end = end_match.end()
    return end


def _after_leading_lines(page: _Page) -> _Found | None:
    """A dateline after a few short leading paragraphs the body kept (captions, a byline,
    kickers, the standfirst)."""
    index, found = later_dateline(page.paragraphs, standfirst=getattr(page.meta, "description", None),
                                  language=page.language)
    return _Found(index, found) if found else None


def _lede(page: _Page) -> _Found | None:
    """A dateline opening the page's lede when the body kept only what follows the lede (or kept
    it a few paragraphs in, behind lines no other rule looked past: it goes from there)."""
    opening = getattr(page.meta, "opening_text", None)
    found = find_dateline(opening, named_places=page.named, language=page.language) if opening else None
    if found is None:
        return None
    for index, paragraph in enumerate(page.paragraphs[:_LEDE_SEARCH_PARAGRAPHS]):
        here = find_dateline(paragraph, named_places=page.named, language=page.language)
        if here is not None and here[0] == found[0]:
            return _Found(index, here)
    return _Found(-1, found)


#: How many of the body's paragraphs are searched for the lede's dateline, to take it from there.
_LEDE_SEARCH_PARAGRAPHS = 4


DATELINE = Cascade("dateline", (
    Rule("first-paragraph", "the opening of the body's first paragraph (\"WASHINGTON (AP) —\", \"LAHORE:\")",
         "where wire copy and papers put it, and what the reader sees first: the body loses it", _first_paragraph),
    Rule("dateline-element", "an element whose class marks the dateline (<span class=\"dateline\">), "
         "read before pruning, when the body's text follows it",
         "the page's own markup of a dateline that is not in the first paragraph's text; after "
         "first-paragraph because a class named so also holds dates and teaser lines elsewhere", _dateline_element),
    Rule("after-leading-lines", "the opening of a paragraph after a few short ones (captions, a credit "
         "line, the standfirst), vouched for by an agency, region, date or known place",
         "a dateline behind lines the body kept; later than the page's own markup, and stricter "
         "about the shape", _after_leading_lines),
    Rule("lede", "the opening of the page's first text block after the headline (Metadata.opening_text)",
         "the body left the lede out; the body keeps its text, so it comes last", _lede),
))
"""The dateline's rules, first answer wins; the answer is a _Found."""


def _as_opening(text: str) -> str:
    """A dateline element's text as a paragraph would open with it: ended by a dash."""
    text = " ".join(text.split()).rstrip(":").strip()
    return text if _DASH_TAIL.search(text) else text + " —"


#: the class attributes tested, then their elements: half the cost of testing every element
_MARKED = etree.XPath(f"//*/@class[contains(., '{tables.DATELINE_ELEMENT_CLASS_PART}')]/..")


_CLASS_PART_BYTES = tables.DATELINE_ELEMENT_CLASS_PART.encode()


def read_marked_dateline(tree, markup: str | bytes | None = None) -> MarkedDateline | None:
    """The first element the page marks as its dateline whose text is a dateline, with the text
    after it; read before the body pass prunes the tree.

    markup: the page's HTML text (or its UTF-8 bytes); when given and no class in it can mark a
    dateline, the tree is not searched (a scan of the text costs a fifth of the search).
    """
    if tree is None:
        return None
    if markup is not None and not (bytes_contain(markup, _CLASS_PART_BYTES) if isinstance(markup, bytes)
                                   else tables.DATELINE_ELEMENT_CLASS_PART in markup):
        return None
    for element in _MARKED(tree)[:5]:
        text = " ".join("".join(element.itertext()).split())
        if not text or len(text) > tables.DATELINE_MAX_CHARS:
            continue
        found = find_dateline(_as_opening(text))
        if found is None or found[3].strip():
            continue
        following = _text_after(element)
        if following:
            return MarkedDateline(text, following)
    return None


_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template", "figure", "figcaption", "img", "picture"})


def _text_after(element, words: int = 8, limit: int = 30) -> str:
    """The first words of text after an element in the page (its tail, its following elements'
    text), skipping scripts and images; "" when none comes within `limit` elements."""
    found: list[str] = []
    for text in _texts_after(element, limit):
        found.extend(text.split())
        if len(found) >= words:
            break
    return " ".join(found[:words])


def _texts_after(element, limit: int):
    node = element
    while node is not None:
        if node.tail:
            yield node.tail
        for sibling in node.itersiblings():
            if isinstance(sibling.tag, str) and sibling.tag not in _SKIPPED_TAGS:
                yield from sibling.itertext()
            elif sibling.tail:
                yield sibling.tail
            limit -= 1
            if limit <= 0:
                return
        node = node.getparent()


_CREDIT = re.compile(r"\(([^()]+)\)\s*$")


def _credit_agency(meta, dateline: str) -> None:
    """A wire story without a byline: the agency the dateline credits ("Hamburg (dpa/lno)", a
    regional desk's code after the slash) is its author."""
    match = _CREDIT.search(dateline or "")
    if meta is None or getattr(meta, "authors", None) or not match:
        return
    credit = " ".join(match.group(1).split())
    if credit.split("/")[0].strip().casefold() in _AGENCY_NAMES_FOLDED:
        meta.authors = [credit]
        meta.sources["authors"] = "dateline-agency"


#: How many short paragraphs (photo captions, kickers the body kept) may come before the dateline.
_LEADING_SHORT_PARAGRAPHS = 6
_SHORT_PARAGRAPH = 300
#: Most words of a credit line before the dateline: a line of its own ("F.P. Report", "Monday,
#: January 7, 2008"), or one that opens as a byline ("By MATT MOORE, Associated Press Writer").
_CREDIT_LINE_WORDS = 8
_BYLINE_LINE_WORDS = 15
_CAPTION = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in tables.CAPTION_WORDS) + r")\b", re.I)
#: A long caption names its credit at its start or its end: how much of each is searched.
_CAPTION_ENDS = 200


def later_dateline(paragraphs: list[str], standfirst: str | None = None, language: str | None = None):
    """A dateline vouched for by an agency, region, date or a known place, after a few short
    leading paragraphs (photo captions, kickers, a date line the body kept).

    standfirst: the page's description; a body that opens with it (the summary under the
    headline) has its first story paragraph second, where any dateline shape counts. So it
    does after a credit line ("F.P. Report", then "BHAKKAR: ...").
    """
    for index in range(1, min(len(paragraphs), _LEADING_SHORT_PARAGRAPHS + 1)):
        before = paragraphs[index - 1]
        if len(before) > _SHORT_PARAGRAPH and not (_CAPTION.search(before[:_CAPTION_ENDS])
                                                   or _CAPTION.search(before[-_CAPTION_ENDS:])):
            break
        # the standfirst test only when the first paragraph is passed (most bodies open long)
        any_shape = index == 1 and (is_standfirst(paragraphs[0], standfirst) or _is_credit_line(before))
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        found = find_dateline(paragraphs[index], strong_only=not any_shape, language=language,
                              following=following)
        if found is not None:
            return index, found
    return 0, None


def _is_credit_line(paragraph: str) -> bool:
    """A byline ("By JOHN SMITH, AP Sports Writer"), or a line of a few words that ends
    without a sentence's punctuation ("Staff Report", a date line)."""
    words = paragraph.split()
    if BYLINE_PATTERN.match(paragraph) and len(words) <= _BYLINE_LINE_WORDS:
        return True
    return 0 < len(words) <= _CREDIT_LINE_WORDS and paragraph.rstrip()[-1:] not in ".!?:;\"”"


def is_standfirst(paragraph: str, description: str | None) -> bool:
    """True when a paragraph is the page's description (give or take its punctuation)."""
    if not paragraph or not description:
        return False
    summary = _WORDS.findall(description.casefold())
    # the paragraph's opening is enough: it equals the summary or starts with it
    words = _WORDS.findall(paragraph[: len(description) + _STANDFIRST_SLACK].casefold())
    if len(paragraph) > len(description) + _STANDFIRST_SLACK:
        return len(summary) >= 8 and words[:len(summary)] == summary
    return len(words) >= 5 and (words == summary or (len(summary) >= 8 and words[:len(summary)] == summary))


#: Characters a paragraph may run longer than the description and still be it (punctuation, spaces).
_STANDFIRST_SLACK = 40


_WORDS = re.compile(r"\w+")


class _PlaceWords:
    """page_place_words, read only when a rule asks whether a word is one of them."""

    def __init__(self, meta):
        self.meta, self.words = meta, None

    def __contains__(self, word) -> bool:
        if self.words is None:
            self.words = page_place_words(self.meta)
        return word in self.words


def page_place_words(meta) -> frozenset[str]:
    """Words the page itself files the article under (tags, section, URL path): a capitalised
    word opening the body that is also one of these is a place the page is about."""
    if meta is None:
        return frozenset()
    words = set()
    for value in [*(getattr(meta, "tags", None) or []), getattr(meta, "section", None) or ""]:
        words.add(value.strip().casefold())
    url = getattr(meta, "canonical_url", None) or ""
    path = url.split("://", 1)[-1].partition("/")[2].split("?", 1)[0]
    words.update(part.casefold() for part in re.split(r"[/_.\-]+", path) if part)
    return frozenset(word for word in words if len(word) >= 3)


#: Fewest words after a bare place (no agency, region or date), when any follow on its line.
DATELINE_MIN_REST_WORDS = 3


def find_dateline(paragraph: str, strong_only: bool = False, named_places: frozenset = frozenset(),
                  language: str | None = None, following: str | None = None, lone_words: bool = False):
    """(dateline text, place, date parts, rest of the paragraph) or None.

    strong_only: accept only datelines vouched for by an agency, a region, a date or a known place.
    named_places: lower-case words the page files itself under; they vouch for a place too.
    language: the page's language; a colon ends a dateline only in DATELINE_COLON_LANGUAGES
    (or when the page does not say).
    following: the next paragraph; when it opens with a label and a colon too, the page is a
    transcript or a listing ("MONTAGNE: ...", "WHERE: ..."), and no colon opens a dateline.
    lone_words: one capitalised word before a dash and a sentence is a place (the body's first
    paragraph: "Londres - Manchester United a raté ...").
    """
    head = paragraph.lstrip().lstrip(_INVISIBLE).lstrip()
    if "\u0400" <= head[:1] <= "\u04ff" or "\u4e00" <= head[:1] <= "\u9fff" or head[:1] == "【" \
            or "\u0600" <= head[:1] <= "\u06ff" or "\u0370" <= head[:1] <= "\u03ff" \
            or "\u0900" <= head[:1] <= "\u097f" \
            or _KOREAN_WIRE_START.match(head):
        return _non_latin_wire(head)  # Cyrillic, Greek, CJK, Arabic, Devanagari: only the wire forms
    alone = _CREDIT_ALONE.match(head[:80]) if head[:1] == "(" else None
    if alone and _credit_alone_plausible(alone):
        credit = alone.group("credit").strip()
        place = credit if credit in tables.DATELINE_KNOWN_PLACES else None
        return alone.group("agency"), place, {}, head[alone.start("rest"):]
    dated = _DATED_CREDIT.match(head[:80]) if head[:1].isalnum() else None
    if dated and _is_known_credit(dated.group("agency")) and _date_plausible(dated):
        text = _DASH_TAIL.sub("", head[:dated.start("rest")]).strip()
        return text, None, _date_parts(dated), head[dated.start("rest"):]
    window = head[: tables.DATELINE_MAX_CHARS + 400]
    marks = set(_MARKS.findall(window, 0, tables.DATELINE_MAX_CHARS + 10))
    if "," in marks and not _DASH_MARKS.isdisjoint(marks):
        found = _outlet_dateline(window)
        if found is not None:
            return found
    for shape, pattern, needs in _SHAPES:
        if needs.isdisjoint(marks):
            continue  # cheaper than the pattern: most paragraphs open with no dateline at all
        if shape == "colon" and not _colon_allowed(window, language, following):
            continue
        match = pattern.match(window)
        if match is None:
            continue
        rest_start = match.start("rest")
        opening = head[:rest_start]
        if len(opening) > tables.DATELINE_MAX_CHARS + 5:
            continue
        if not _plausible(match, shape, named_places, lone_words):
            continue
        strong = bool(match.group("agency") or match.group("region")
                      or match.groupdict().get("date") or match.groupdict().get("date_after")
                      or match.group("place").strip() in tables.DATELINE_KNOWN_PLACES)
        if strong_only and not strong:
            continue
        if not strong and 0 < len(head[rest_start:].split()) < DATELINE_MIN_REST_WORDS:
            # "Loft – BizWest": a title and its site, not a place opening a sentence
            continue
        if shape == "colon" and len(head[rest_start:].split()) < tables.DATELINE_COLON_MIN_REST_WORDS:
            continue
        text = _DASH_TAIL.sub("", opening).strip().rstrip(":").rstrip(",").rstrip('"').strip()
        if shape == "period" and not (match.group("region") and _ENDS_WITH_ABBREVIATION.search(text)):
            text = text.rstrip(".").strip()
        if shape == "wire":  # "LAS VEGAS--(BUSINESS WIRE)--Jan. 7, 2008" -> "LAS VEGAS (BUSINESS WIRE) Jan. 7, 2008"
            text = " ".join(_INNER_DASH.sub(" ", text).split()).rstrip(".").strip()
        place = (match.group("place") + (match.group("region") or "")).strip().rstrip(",-")
        return text, place, _date_parts(match), head[rest_start:]
    return None


def _outlet_dateline(window: str):
    """find_dateline's answer for a place with the outlet's name beside it ("JAKARTA, KOMPAS.com -"):
    the place is the city alone, and the outlet vouches for it as an agency would."""
    for pattern in (_OUTLET_AFTER, _OUTLET_BEFORE):
        match = pattern.match(window)
        if match is None or match.start("rest") > tables.DATELINE_MAX_CHARS + 5:
            continue
        place = match.group("place").strip()
        if place.casefold().strip(".") in tables.DATELINE_NOT_PLACES or len(place.split()) > 3:
            continue
        if not _is_caps(place) and not place[:1].isupper():
            continue
        text = _DASH_TAIL.sub("", window[:match.start("rest")]).strip()
        return text, place, {}, window[match.start("rest"):]
    return None


# Russian wire copy: a place in Cyrillic capitals, a date (day and month word), then the
# agency between slashes after a period ("МОСКВА, 5 января. /ТАСС/.") or after a dash and
# closed by a period ("МОСКВА, 5 янв — РИА Новости.")
_CYRILLIC_PLACE = r"(?P<place>[А-ЯЁ][А-ЯЁ\-]+(?:\s+[А-ЯЁ][А-ЯЁ\-]+){0,2})"
_RUSSIAN_DATE = r"(?:,\s+(?P<date>\d{1,2}\s+[а-яё]{3,9}\.?))?"
_RUSSIAN_AGENCY = alternatives(tables.RUSSIAN_AGENCY_NAMES)
_RUSSIAN_WIRE = re.compile(
    rf"^{_CYRILLIC_PLACE}{_RUSSIAN_DATE}(?:\.\s*/(?P<slashed>{_RUSSIAN_AGENCY})/\.?|\s*[—–-]\s*(?P<dashed>{_RUSSIAN_AGENCY})\.)"
    rf"\s*[—–-]?\s*(?P<rest>[«\"(]?[А-ЯЁA-Z0-9].*)$", re.S)
# Chinese wire copy: agency, place, month and day, 电 ("新华社北京1月5日电")
_CHINESE_WIRE = re.compile(
    r"^(?P<agency>" + "|".join(map(re.escape, tables.CHINESE_WIRE_AGENCIES)) + r")"
    r"(?P<place>[\u4e00-\u9fff]{2,6}?)(?P<month>\d{1,2})月(?P<day>\d{1,2})日电(?P<credit>\s*[（(][^）)]{1,30}[）)])?"
    r"\s*(?P<rest>.+)$", re.S)


# Japanese: place and agency, or place, "=" and reporter, in lenticular brackets
# ("【ワシントン共同】", "【北京時事】", "【ワシントン=山田太郎】")
_JAPANESE_AGENCY = alternatives(tables.JAPANESE_WIRE_AGENCIES)
_JAPANESE_WIRE = re.compile(
    rf"^【(?P<place>[^【】=＝\s]{{1,15}}?)(?:(?:{_JAPANESE_AGENCY})|[=＝][^【】]{{1,20}})】\s*(?P<rest>.+)$", re.S)
# Korean: "(place=agency)", then the reporter and an equals sign ("(서울=연합뉴스) 홍길동 기자 =")
_KOREAN_AGENCY = alternatives(tables.KOREAN_WIRE_AGENCIES)
_KOREAN_REPORTER = alternatives(tables.KOREAN_REPORTER_WORDS)
_KOREAN_WIRE_START = re.compile(r"\([\uac00-\ud7a3]{1,10}=")
_KOREAN_WIRE = re.compile(
    rf"^\((?P<place>[\uac00-\ud7a3]{{1,10}})=(?:{_KOREAN_AGENCY})\)"
    rf"(?:\s*[\uac00-\ud7a3]{{2,4}}(?:\s*[\uac00-\ud7a3]{{2,4}})?\s*(?:{_KOREAN_REPORTER})\s*=)?\s*(?P<rest>.+)$",
    re.S)
# Arabic: a place (a few words), an optional date after the Arabic comma, the agency in brackets,
# and a dash ("القاهرة (رويترز) -", "بيروت، 24 سبتمبر (أ ف ب) -")
_ARABIC_AGENCY = alternatives(tables.ARABIC_WIRE_AGENCIES)
_ARABIC_WIRE = re.compile(
    rf"^(?P<place>[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+){{0,2}})(?:\s*[،,]\s*[^()\n]{{1,25}}?)?"
    rf"\s*\((?:{_ARABIC_AGENCY})\)\s*[-–—]\s*(?P<rest>.+)$", re.S)

# Greek: a place in capitals, an optional date, the agency in brackets, a dash
# ("ΑΘΗΝΑ (ΑΠΕ-ΜΠΕ) -", "ΛΕΥΚΩΣΙΑ, 24 Σεπτεμβρίου (ΚΥΠΕ) -")
_GREEK_AGENCY = alternatives(tables.GREEK_WIRE_AGENCIES)
_GREEK_WIRE = re.compile(
    rf"^(?P<place>[Α-ΩΆ-Ώ][Α-ΩΆ-Ώ\-]+(?:\s+[Α-ΩΆ-Ώ][Α-ΩΆ-Ώ\-]+){{0,2}})(?:,\s*[^()\n]{{1,25}}?)?"
    rf"\s*\((?:{_GREEK_AGENCY})\)\s*[-–—]\s*(?P<rest>.+)$", re.S)

# Hindi: a place, the date, the agency in brackets ("नई दिल्ली, 24 सितंबर (भाषा) सरकार ने ...");
# without a date, a dash after the agency ("मुंबई (आईएएनएस) - ..."): words and a bracketed
# credit alone open sentences too
_HINDI_AGENCY = alternatives(tables.HINDI_WIRE_AGENCIES)
_HINDI_WIRE = re.compile(
    rf"^(?P<place>[\u0900-\u097f]+(?:\s+[\u0900-\u097f]+){{0,2}})"
    rf"(?:\s*,\s*[^()\n]{{1,25}}?\s*\((?:{_HINDI_AGENCY})\)\s*[-–—:]?|\s*\((?:{_HINDI_AGENCY})\)\s*[-–—:])"
    rf"\s*(?P<rest>.+)$", re.S)

# Hindi's own dateline: a known place, maybe its date, then a colon and the text ("नई दिल्ली:
# सरकार ने ...", "पटना, 24 सितंबर: ..."); a dash after a place joins it to the next one as often
# ("मुंबई - पुणे एक्सप्रेसवे")
_HINDI_PLACED = re.compile(
    rf"^(?P<place>{alternatives(tables.HINDI_DATELINE_PLACES)})(?:\s*,\s*[^:()\n]{{1,25}}?)?"
    rf"\s*:\s*(?P<rest>.+)$", re.S)


def _non_latin_wire(head: str):
    """find_dateline's answer for Russian, Chinese, Japanese, Korean, Arabic, Greek and Hindi
    wire datelines (and Hindi's own, a known place before a colon), or None."""
    first = head[:1]
    for pattern in (_JAPANESE_WIRE, _KOREAN_WIRE, _ARABIC_WIRE, _GREEK_WIRE, _HINDI_WIRE):
        match = pattern.match(head[:tables.DATELINE_MAX_CHARS + 400])
        if match is not None:
            text = head[:match.start("rest")].strip().rstrip("-–—=").strip()
            if pattern is _KOREAN_WIRE:
                text = text[:text.index(")") + 1]  # the reporter's name is no part of it
            elif pattern is _JAPANESE_WIRE:
                text = text.strip("【】")  # the brackets close it as a dash does elsewhere
            return text, match.group("place"), {}, head[match.start("rest"):]
    if "\u0900" <= first <= "\u097f":
        match = _HINDI_PLACED.match(head[:tables.DATELINE_MAX_CHARS + 400])
        if match is None or len(head[match.start("rest"):].split()) < tables.DATELINE_COLON_MIN_REST_WORDS:
            return None
        text = head[:match.start("rest")].strip().rstrip(":").strip()
        return text, match.group("place"), {}, head[match.start("rest"):]
    if "А" <= first <= "Я" or first == "Ё":
        match = _RUSSIAN_WIRE.match(head[:tables.DATELINE_MAX_CHARS + 400])
        if match is None:
            return None
        agency = match.group("slashed") or match.group("dashed")
        date = match.group("date")
        text = f"{match.group('place')}{', ' + date if date else ''} ({agency})"
        parts = _russian_date_parts(date) if date else {}
        return text, match.group("place"), parts, head[match.start("rest"):]
    if "\u4e00" <= first <= "\u9fff":
        match = _CHINESE_WIRE.match(head)
        if match is None:
            return None
        text = head[:match.start("credit") if match.group("credit") else match.start("rest")].strip()
        return text, match.group("place"), {"day": int(match.group("day")), "month": int(match.group("month")),
                                            "year": None}, head[match.start("rest"):]
    return None


def _russian_date_parts(date: str) -> dict:
    day, month_word = date.split()[:2]
    month = tables.TEXT_DATE_MONTHS.get(month_word.rstrip(".").lower())
    return {"day": int(day), "month": month, "year": None} if month else {}


#: Characters no reader sees that may stand before a dateline (zero-width space, joiner, BOM).
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _credit_alone_plausible(match) -> bool:
    """A known agency, wire or broadcaster, glued to the text or not; before a dash also a call
    sign or a well-known place."""
    credit = match.group("credit").strip()
    if _is_known_credit(credit):
        return True
    return bool(match.group("dash")) and bool(_CALL_SIGN.match(credit) or credit in tables.DATELINE_KNOWN_PLACES)


def _colon_allowed(head: str, language: str | None, following: str | None) -> bool:
    if ":" not in head[: tables.DATELINE_MAX_CHARS + 5]:
        return False
    if language and language.split("-")[0].lower() not in tables.DATELINE_COLON_LANGUAGES:
        return False
    return not (following and _LABEL_LINE.match(following.lstrip()))


_DASH_TAIL = re.compile(rf"(?:{_DASH}|\s+-)$")
_INNER_DASH = re.compile(_DASH)
_ENDS_WITH_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}$|\b[A-Z][a-z]{1,4}\.$")


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _plausible(match, shape: str, named_places: frozenset = frozenset(), lone_words: bool = False) -> bool:
    """Shape rules: what vouches for the place being a place."""
    place = match.group("place").strip()
    region = match.group("region") or ""
    agency = match.group("agency") or ""
    has_date = bool(match.groupdict().get("date") or match.groupdict().get("date_after"))
    if place.lower().strip(".") in tables.DATELINE_NOT_PLACES:
        return False
    if place.split()[0].lower().strip(".:") in tables.DATELINE_NOT_PLACE_WORDS:
        return False
    if place.split()[0].casefold().strip(".,") in _NOT_LONE_PLACES:
        return False  # "Mittwoch, 01.11.2023", "Monday, January 7": a date line
    if agency and not _agency_plausible(agency):
        return False
    letters = sum(ch.isalpha() for ch in place)
    if letters < 3 and not agency:
        return False
    caps = _is_caps(place)
    if region and not _region_plausible(region):
        return False
    if has_date and not _date_plausible(match):
        return False
    known = place in tables.DATELINE_KNOWN_PLACES or place.casefold() in named_places
    if shape == "wire":
        return True  # the wire's name vouches for the form
    if shape == "dated" and (place.split()[0].casefold() in tables.DATELINE_TIME_OPENERS
                             or any(word.casefold().strip(".,") in _NOT_LONE_PLACES for word in place.split())):
        return False  # "On Monday, January 7 The ...", "Am Montag, 7. Januar Die ...": a time, no place
    if match.groupdict().get("alone") is not None and not (caps or known or region):
        return False  # a line of a name and a credit alone: "Jane Smith (AP)" is a photo credit
    if shape == "glued" and match.start("rest") > match.end("agency") and not (
            caps or region or has_date or _is_known_credit(agency)):
        return False  # "Microsoft (MSFT) Chief Executive ...": a ticker; "(CNN Business)A" is glued
    if shape == "colon":
        # a known agency or a date ("Chennai, Jan 7:"), a place in capitals (no kicker: checked
        # above) or a well-known place; a region alone before a colon is a transcript's speaker
        # ("STEVE INSKEEP, HOST:"); a place name has a word of four letters or more ("MSM MIA:"
        # is a kicker)
        if (agency and _is_known_agency(agency)) or has_date:
            return True
        if region:
            return False
        return (caps and len(place.split()) <= 3 and max(map(len, place.split())) >= 4) or known
    if shape == "period":
        # "MADRID." or "Berlin." : a capitals place, or a well-known place
        if caps:
            return letters >= 4 or bool(agency)
        return known and not region
    if caps:
        # kickers in capitals run longer than place names ("LE POINT SUR LA SITUATION")
        if len(place.split()) > 3:
            return False
        return letters >= 4 or bool(agency or region or has_date)
    # a capitalised (not capitals) place needs something that makes it a dateline: a known
    # place, an agency, a date, a state, or (one word before a dash, in the body's first
    # paragraph) a sentence after it ("Londres - Manchester United a raté ...")
    return bool(known or agency or has_date or (region and _region_is_abbreviation(region))
                or (lone_words and shape == "dash" and not region and _lone_word_place(place, match.group("rest"))))


#: Fewest words of the sentence after a lone capitalised word before a dash, for it to be a place.
DATELINE_LONE_WORD_REST_WORDS = 5
_NOT_LONE_PLACES = frozenset((*tables.WEEKDAYS, *tables.MONTHS))


def _lone_word_place(place: str, rest: str) -> bool:
    """"Gundremmingen - Die beiden ...": one capitalised word (not a weekday or month) before a
    dash, a sentence opening with a capital after it."""
    return (" " not in place and len(place) >= 4 and place.casefold() not in _NOT_LONE_PLACES
            and rest[:1] in _SENTENCE_OPENERS and len(rest.split()) >= DATELINE_LONE_WORD_REST_WORDS)


_SENTENCE_OPENERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ\"“„«‘'")


_AGENCY_NAMES_FOLDED = {name.casefold() for name in (*tables.AGENCY_NAMES, *tables.RUSSIAN_AGENCY_NAMES)}
_WIRES_FOLDED = {name.casefold() for name in (*tables.PRESS_WIRES, *tables.DATELINE_BROADCASTERS)}


def _agency_inner(agency: str) -> str:
    return agency.strip().strip("()/").strip()


def _is_known_agency(agency: str) -> bool:
    inner = _agency_inner(agency)
    return inner.casefold() in _AGENCY_NAMES_FOLDED or re.split(r"[\s/]", inner)[0].casefold() in _AGENCY_NAMES_FOLDED


def _is_known_credit(agency: str) -> bool:
    """A known agency, press wire or broadcaster, with or without its parentheses."""
    inner = _agency_inner(agency).casefold()
    return inner in _AGENCY_NAMES_FOLDED or inner in _WIRES_FOLDED


# a US politician's party and state ("Obama (D-Ill.) — ..."), no credit
_PARTY_TAG = re.compile(r"^[DRI]-[A-Z]")


#: A credit that is a news site's address: "bdnews24.com", "Rediff.com", "NDTV.com".
_SITE_CREDIT = re.compile(r"^[A-Za-z0-9][\w-]{1,30}\.(?:com|net|org|in|pk|bd|lk|np|co\.uk|co\.in)$", re.I)


def _agency_plausible(agency: str) -> bool:
    """"(AP)", "(dpa/lno)", "(CNN Business)": a known agency, a capitalised name or a short
    abbreviation; not a trademark sign ("Magellan(R)")."""
    inner = _agency_inner(agency)
    if inner.casefold().strip(".") in tables.DATELINE_NOT_AGENCIES or _PARTY_TAG.match(inner):
        return False
    first = re.split(r"[\s/]", inner)[0]
    if _is_known_agency(agency):
        return True
    if len(inner.split()) > 2:
        return False  # a credit of three words is a known one ("The Sports Network"), not a name
    # a lower-case credit is one short word ("(dpo)", "(epd)"): "(who was there)" is an aside;
    # or a news site's address ("(bdnews24.com)", "(Rediff.com)")
    return first[:1].isupper() or (first.isalpha() and first.islower() and len(first) <= 5 and inner == first) \
        or bool(_SITE_CREDIT.match(inner))


def _region_plausible(region: str) -> bool:
    parts = [part.strip() for part in region.split(",") if part.strip()]
    return all(len(part) <= 25 and len(part.split()) <= 3 for part in parts)


def _region_is_abbreviation(region: str) -> bool:
    parts = [part.strip() for part in region.split(",") if part.strip()]
    return any(part in tables.DATELINE_REGION_ABBREVIATIONS or _is_caps(part) for part in parts)


def _date_parts(match) -> dict:
    for suffix in ("", "_after"):
        group = match.groupdict().get("date" + suffix)
        if not group:
            continue
        return _parse_date_group(group)
    return {}


_DATE_ONLY = re.compile(r"^" + _DATE.replace(r"(?:,?\s+", r"(?:,?\s*", 1))


def _parse_date_group(text: str) -> dict:
    match = _DATE_ONLY.search(text)
    if not match:
        return {}
    parts = match.groupdict()
    if parts.get("day3"):
        year = int(parts["year3"]) if parts.get("year3") else None
        if year is not None and year < 100:
            year += 2000
        return {"day": int(parts["day3"]), "month": int(parts["month3"]),
                "year": year if year is not None and 1990 <= year <= 2100 else None}
    day = parts.get("day1") or parts.get("day2")
    month_word = (parts.get("month") or parts.get("month2") or "").lower().rstrip(".")
    month = tables.MONTHS.get(month_word)
    if not day or not month:
        return {}
    return {"day": int(day), "month": month, "year": int(parts["year"]) if parts.get("year") else None}


def _date_plausible(match) -> bool:
    for name in ("date", "date_after"):
        group = match.groupdict().get(name)
        if group:
            parts = _parse_date_group(group)
            if not parts or not (1 <= parts["day"] <= 31 and 1 <= parts["month"] <= 12):
                return False
    return True


def _reference_date(published: str | None, fetched_at: datetime | None) -> date:
    if published:
        try:
            return date.fromisoformat(published[:10])
        except ValueError:
            pass
    if fetched_at is not None:
        return fetched_at.date()
    return date.today()


def dateline_date(parts: dict, reference: date) -> date | None:
    """The dateline's date, the year taken from the reference (publication or fetch) date.

    A dateline a little after the reference in the calendar belongs to the year before
    ("30 Dec" on a page published 2 Jan).
    """
    if not parts:
        return None
    year = parts.get("year") or reference.year
    try:
        day = date(year, parts["month"], parts["day"])
    except ValueError:
        return None
    if not parts.get("year") and day > reference + timedelta(days=31):
        try:
            day = date(year - 1, parts["month"], parts["day"])
        except ValueError:
            return None
    return day
