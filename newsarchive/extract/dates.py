"""Publication and modification dates: candidates from every source, parsed, checked, ranked.

Sources in order of trust: JSON-LD, meta tags, microdata itemprop, <time datetime>, inline
app state in scripts, the URL, visible date text near the headline (a date-marked element,
then the date written nearest the headline). Machine-readable values go through a fast ISO/RFC
parser; visible text goes through dateparser in the page's language (imported lazily, parsers
cached per language) after a cheap regex has found something that looks like a date.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from itertools import accumulate, chain

from lxml import etree

from . import meta_tables as tables
from ..hosts import host_of
from .cascade import Cascade, Rule
from .structured import StructuredData, is_article_object, itemprop_value
from .text import BytesSearch, alternatives, remembered


@dataclass(frozen=True)
class PageDate:
    """A parsed date and how much of it the page gave."""

    value: datetime
    has_time: bool = False
    has_zone: bool = False

    def iso(self) -> str:
        """ISO 8601: datetime with offset when time and zone are known, else the date alone."""
        if self.has_time and self.has_zone:
            return self.value.isoformat()
        return self.value.date().isoformat()


@dataclass
class DateFound:
    published: PageDate | None = None
    published_source: str | None = None
    """The DATE_PUBLISHED rule that gave `published` (a "-modified" suffix: the modified date
    stands in for it; "time-shown": the shown <time> corrects a meta value)."""
    modified: PageDate | None = None
    modified_source: str | None = None


# ---------------------------------------------------------------- parsing machine-readable values
_ISO = re.compile(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:T|\s+|,\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{1,2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?")
_COMPACT = re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?(?P<tz>Z)?$")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?$")


def parse_machine_date(text: str | None) -> PageDate | None:
    """Parse an ISO 8601, compact, RFC 2822 or epoch value as pages put in attributes."""
    if not text or not isinstance(text, str):
        return None
    text = text.strip()
    if not text:
        return None
    if _EPOCH.match(text):
        seconds = int(text[:10])
        return PageDate(datetime.fromtimestamp(seconds, timezone.utc), True, True)
    match = _ISO.search(text[:40]) or _COMPACT.match(text)
    if match:
        return _from_match(match)
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    return PageDate(value, True, value.tzinfo is not None)


def _from_match(match) -> PageDate | None:
    parts = match.groupdict()
    try:
        day = datetime(int(parts["y"]), int(parts["m"]), int(parts["d"]))
    except ValueError:
        return None
    if parts.get("H") is None:
        return PageDate(day)
    try:
        value = day.replace(hour=int(parts["H"]), minute=int(parts["M"]), second=int(parts.get("S") or 0))
    except ValueError:
        return PageDate(day)
    zone = parts.get("tz")
    if not zone:
        return PageDate(value, True, False)
    return PageDate(value.replace(tzinfo=_zone(zone)), True, True)


def _zone(text: str) -> timezone:
    if text in ("Z", "UTC", "GMT"):
        return timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


_US_SLASH = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def parse_us_slash_date(text: str) -> PageDate | None:
    """MM/DD/YYYY[ HH:MM[:SS]]: how servers format dates into attributes (not how people write)."""
    match = _US_SLASH.match(text)
    if not match:
        return None
    month, day, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    if month > 12:
        month, day = day, month
    try:
        return PageDate(datetime(year, month, day))
    except ValueError:
        return None


def plausible(found: PageDate | None, fetched_at: datetime) -> bool:
    """Reject dates before MIN_YEAR and dates after the fetch (a day's slack for time zones)."""
    if found is None:
        return False
    if found.value.year < tables.MIN_YEAR:
        return False
    limit = (fetched_at.astimezone(timezone.utc) if fetched_at.tzinfo else fetched_at).date() + timedelta(days=1)
    return found.value.date() <= limit


# ---------------------------------------------------------------- parsing visible text
_MONTH_WORD = r"[^\W\d_]{3,12}\.?"
_YEAR = r"(?:19|20)\d{2}"
_THAI_MONTH_NAMES = alternatives(tables.THAI_MONTHS)
_THAI_DATE = rf"(?P<thai_day>\d{{1,2}})\s*(?P<thai_month>{_THAI_MONTH_NAMES})\s*(?P<thai_year>(?:19|20|25)\d{{2}})\b"
_THAI_DATE_ALONE = re.compile(_THAI_DATE)
#: One pattern for every written form of a full date, so long texts are scanned once.
_TEXT_DATE = re.compile("|".join((
    # 19.10.2019, 19/10/2019, 19-10-2019 (day first outside the US: the page's locale decides)
    r"\b\d{1,2}[./-]\s?\d{1,2}[./-]\s?" + _YEAR + r"\b",
    # 2019-10-19, 2019/10/19, 2019.10.19
    r"\b" + _YEAR + r"[./-]\d{1,2}[./-]\d{1,2}\b",
    # 19. Oktober 2019, 19 October 2019, 19 de octubre de 2019, 1er mars 2019
    r"\b\d{1,2}(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?" + _MONTH_WORD + r",?\s+(?:de\s+)?" + _YEAR + r"\b",
    # October 19, 2019 / Oct. 19 2019
    r"\b" + _MONTH_WORD + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+" + _YEAR + r"\b",
    # 2019年10月19日, 2019년 10월 19일
    _YEAR + r"\s*[年년]\s*\d{1,2}\s*[月월]\s*\d{1,2}\s*[日일]?",
    # 2019. október 19. (Hungarian: year, month, day)
    r"\b" + _YEAR + r"\.\s+" + _MONTH_WORD + r"\s+\d{1,2}\.",
    # 19 ตุลาคม 2562, 19 ต.ค. 2562 (Thai, in the Buddhist Era)
    _THAI_DATE,
)))
#: Every full date above holds a four-digit year: texts without one are skipped unscanned.
_YEAR_HINT = re.compile(r"(?:19|20|25)\d{2}")
# 02.12.19 standing alone (a two-digit year only when nothing else is around it)
_TWO_DIGIT_YEAR_ALONE = re.compile(r"^\s*\d{1,2}\.\d{1,2}\.\d{2}\s*$")
# 30.10.23 inside a short date-marked element ("Party, 30.10.23"): the mark says it is a date
_TWO_DIGIT_YEAR = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2}(?![\d.])")
_RELATIVE = re.compile(r"\b(?:\d+|an?|one)\s+(?:minute|min|hour|hr|day|week)s?\s+ago\b|\b(?:yesterday|today)\b"
                       r"|\bvor\s+\d+\s+(?:Minuten|Stunden|Tagen)\b|\bil y a\s+\d+\s+(?:minutes|heures|jours)\b"
                       r"|\bhace\s+\d+\s+(?:minutos|horas|días)\b|\bgestern\b|\bheute\b", re.I)


def find_text_dates(text: str) -> list[str]:
    """Substrings of text that look like a full date (day, month and year), in text order."""
    if not _YEAR_HINT.search(text):
        alone = _TWO_DIGIT_YEAR_ALONE.match(text) if len(text) < 24 else None
        return [alone.group(0)] if alone else []
    return [match.group(0) for match in _TEXT_DATE.finditer(text)]


_DAY_MONTH_WORD_YEAR = re.compile(r"(\d{1,2})(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?([^\W\d_]{3,12})\.?,?\s+(?:de\s+)?"
                                  r"((?:19|20)\d{2})")
_MONTH_WORD_DAY_YEAR = re.compile(r"([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})")


def month_word_date(snippet: str) -> PageDate | None:
    """'19. Oktober 2019', 'Oct. 19, 2019' with a month name from the table, without dateparser."""
    text = snippet.strip()
    match = _DAY_MONTH_WORD_YEAR.fullmatch(text)
    if match:
        day, word, year = match.groups()
    else:
        match = _MONTH_WORD_DAY_YEAR.fullmatch(text)
        if not match:
            return None
        word, day, year = match.groups()
    month = tables.TEXT_DATE_MONTHS.get(word.lower())
    if month is None:
        return None
    try:
        return PageDate(datetime(int(year), month, int(day)))
    except ValueError:
        return None


def parse_text_date(snippet: str, language: str | None, fetched_at: datetime,
                    month_first: bool | None = None) -> PageDate | None:
    """Parse a human-written date with dateparser in the page's language.

    month_first: whether 02/10/2020 is February 10 (US English) rather than 2 October;
    by default, for English only.
    """
    if month_first is None:
        month_first = language == "en"
    return _parse_text_date(snippet, language, month_first)


@lru_cache(maxsize=4096)
def _parse_text_date(snippet: str, language: str | None, month_first: bool) -> PageDate | None:
    """parse_text_date for one snippet; cached because teasers and lists repeat the same dates."""
    cjk = re.match(r"((?:19|20)\d{2})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})", snippet)
    if cjk:
        try:
            return PageDate(datetime(int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3))))
        except ValueError:
            return None
    iso = _ISO.fullmatch(snippet.strip())
    if iso:
        return _from_match(iso)
    thai = _THAI_DATE_ALONE.fullmatch(snippet.strip())
    if thai:
        year = int(thai.group("thai_year"))
        year -= tables.BUDDHIST_ERA_OFFSET if year >= 2400 else 0
        try:
            return PageDate(datetime(year, tables.THAI_MONTHS[thai.group("thai_month")],
                                     int(thai.group("thai_day"))))
        except ValueError:
            return None
    numeric = re.fullmatch(r"(\d{1,2})[./-]\s?(\d{1,2})[./-]\s?(\d{4}|\d{2})", snippet.strip())
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        year = year + 2000 if year < 100 else year
        day, month = (second, first) if (month_first and first <= 12 and snippet.count("/")) or first > 31 else (first, second)
        if month > 12 and day <= 12:
            day, month = month, day
        try:
            return PageDate(datetime(year, month, day))
        except ValueError:
            return None
    from_table = month_word_date(snippet)
    if from_table is not None:
        return from_table
    value = _dateparser_parse(snippet, language)
    if value is None:
        return None
    return PageDate(value.replace(tzinfo=None))


def parse_relative_date(text: str, language: str | None, fetched_at: datetime) -> PageDate | None:
    """'3 hours ago', 'gestern', ... against the fetch time (a date alone: the zone is unknown)."""
    match = _RELATIVE.search(text)
    if not match:
        return None
    value = _dateparser_parse(match.group(0), language, relative_base=fetched_at.replace(tzinfo=None))
    return PageDate(value.replace(tzinfo=None)) if value else None


@lru_cache(maxsize=64)
def _parser(language: str | None):
    from dateparser.date import DateDataParser  # slow import: only when text dates are needed

    languages = [language] if language else None
    try:
        return DateDataParser(languages=languages, settings=_SETTINGS)
    except ValueError:  # a language dateparser does not know
        return DateDataParser(settings=_SETTINGS)


_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False,
             "PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY"}


def _dateparser_parse(snippet: str, language: str | None, relative_base: datetime | None = None):
    cleaned = " ".join(word for word in snippet.replace(",", " , ").split())
    for word, replacement in tables.MONTH_SPELLINGS.items():
        cleaned = re.sub(rf"(?i)\b{re.escape(word)}(?=\s|$)", replacement, cleaned)
    try:
        if relative_base is not None:
            import dateparser

            return dateparser.parse(cleaned, languages=[language] if language else None,
                                    settings={**_SETTINGS, "RELATIVE_BASE": relative_base})
        data = _parser(language).get_date_data(cleaned)
        if (not data or data.date_obj is None) and language not in (None, "en"):
            data = _parser("en").get_date_data(cleaned)  # English month names turn up on every site
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd strings
        return None
    return data.date_obj if data else None


# ---------------------------------------------------------------- candidates from the page
def jsonld_in_order(structured: StructuredData) -> list[dict]:
    """The JSON-LD objects as their dates are trusted: the main article, other articles, any object."""
    ordered = [] if structured.article is None else [structured.article]
    others = []
    for obj in structured.json_ld:
        if not is_article_object(obj):
            others.append(obj)
        elif obj is not structured.article:
            ordered.append(obj)
    return ordered + others


def jsonld_dates(structured: StructuredData, key: str, ordered: list[dict] | None = None) -> list[str]:
    """Values of key (datePublished...) from the main article first, then other articles, then any object.

    ordered: jsonld_in_order(structured), when the caller has it (the rules ask for four keys)."""
    values = []
    for obj in jsonld_in_order(structured) if ordered is None else ordered:
        value = obj.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str):
            values.append(value)
    return values


def meta_dates(structured: StructuredData, keys) -> list[str]:
    return [structured.meta[key] for key in keys if key in structured.meta]


def itemprop_dates(structured: StructuredData, name: str) -> list[str]:
    return [value for element in structured.itemprops.get(name, []) if element.tag != "meta"
            for value in [itemprop_value(element)] if value]


_FOREIGN_TAGS = frozenset({"blockquote", "aside", "footer", "nav", "iframe"})  # not form: ASP.NET wraps pages in one
_FOREIGN_MARKS = re.compile(r"(?:^|[\s_-])(" + "|".join(tables.DATE_SKIP_CONTAINER_TOKENS) + r")s?(?=$|[\s_-])", re.I)
_ARTICLE_SIDE = frozenset(tables.DATE_ARTICLE_SIDE_TOKENS)
_FOREIGN_DEPTH = 3


def _inside_article(node) -> bool:
    """An <aside> or sidebar inside an <article> holds that article's own facts (date, author)."""
    return any(ancestor.tag == "article" for ancestor in node.iterancestors())


def headline_keep(headline_element) -> frozenset:
    """The headline and its ancestors: they hold the article, so never a foreign part."""
    if headline_element is None:
        return frozenset()
    return frozenset([headline_element, *headline_element.iterancestors()])


def in_foreign_part(element, keep=frozenset()) -> bool:
    """True inside embeds, quotes, comments, sidebars, teasers: their dates are not the article's.

    keep: the headline's ancestors, which hold the article and so are never foreign (a page
    <header> holding the headline is the article's).
    """
    node, depth = element, 0
    while node is not None and node.tag not in ("body", "html") and node not in keep:
        if node.tag in _FOREIGN_TAGS and not (node.tag == "aside" and _inside_article(node)):
            return True
        if node.tag == "header" and not _inside_article(node) and node.find(".//h1") is None:
            return True  # the site's header (it shows today's date), not the article's (with the h1)
        # class words only on the nearest ancestors: page-wide wrappers say "has-sidebar", "teaser-body"
        if depth <= _FOREIGN_DEPTH:
            marks = f"{node.get('class') or ''} {node.get('id') or ''}"
            found = _FOREIGN_MARKS.findall(marks) if marks.strip() else []
            if found and not (set(token.lower() for token in found) <= _ARTICLE_SIDE and _inside_article(node)):
                return True
        depth += 1
        node = node.getparent()
    return False


def _any_of(words) -> re.Pattern:
    """One pattern finding any of the words as a substring (one scan instead of one per word)."""
    return re.compile(alternatives(words))


_DATE_CONTAINER = _any_of(tables.DATE_CONTAINER_TOKENS)
_MODIFIED_MARK = _any_of(tables.MODIFIED_TOKENS)
_UPDATED_WORD = _any_of(tables.UPDATED_WORDS)


def time_element_dates(tree, keep=frozenset()) -> list[tuple[str, bool]]:
    """datetime (or text) of <time> elements: (value, looks like a modification)."""
    found = []
    for element in tree.iter("time"):
        value = element.get("datetime") or element.text_content()
        if not value or not value.strip() or in_foreign_part(element, keep):
            continue
        marks = " ".join(filter(None, [element.get("class"), element.get("id"), element.get("itemprop"),
                                       (element.getparent().get("class") if element.getparent() is not None else None)])).lower()
        found.append((value.strip(), bool(_MODIFIED_MARK.search(marks))))
    return found


def shown_time(tree, keep, language: str | None, fetched_at: datetime, month_first: bool) -> PageDate | None:
    """The first <time> of the page's own part (not a modification) that shows its readers the
    day of its datetime attribute: the date the page displays, in machine form. None when that
    first <time> is one of a listing (teasers' dates, repeated in the same markup)."""
    elements = list(tree.iter("time"))
    for element in elements:
        value = element.get("datetime")
        if not value or in_foreign_part(element, keep):
            continue
        signature = _signature(element)
        if sum(_signature(other) == signature for other in elements) >= _LISTING_REPEATS:
            return None
        marks = f"{element.get('class') or ''} {element.get('itemprop') or ''}".lower()
        if _MODIFIED_MARK.search(marks):
            continue
        machine = parse_machine_date(value)
        snippets = find_text_dates(" ".join(element.text_content().split()))
        shown = parse_text_date(snippets[0], language, fetched_at, month_first) if snippets else None
        if machine is not None and shown is not None and shown.value.date() == machine.value.date():
            return machine
        return None
    return None


_SCRIPT_DATE = re.compile(
    r"[\"'](?:" + "|".join(tables.SCRIPT_DATE_KEYS) + r")[\"']\s*:\s*[\"']([^\"']{8,40})[\"']")


#: Each hint with the keys holding it and where: a key can start only around a hint's occurrence.
_SCRIPT_KEYS_BY_HINT = {hint: tuple((key, key.find(hint)) for key in tables.SCRIPT_DATE_KEYS if hint in key)
                        for hint in tables.SCRIPT_DATE_KEY_HINTS}


def script_date_starts(text: str) -> list[int]:
    """Where _SCRIPT_DATE can match in a script: the quote before a key, found from the
    occurrences of the keys' hints (five scans of a script that holds none, as before; a script
    holding one is not scanned again for each of fifteen keys, nor by the pattern as a whole)."""
    starts = set()
    for hint, keys in _SCRIPT_KEYS_BY_HINT.items():
        at = text.find(hint)
        while at >= 0:
            for key, offset in keys:
                start = at - offset - 1
                if start >= 0 and text[start] in "\"'" and text.startswith(key, start + 1):
                    starts.add(start)
            at = text.find(hint, at + 1)
    return sorted(starts)


_SCRIPT_HINTS_BYTES = tuple((hint.encode("ascii"), keys) for hint, keys in _SCRIPT_KEYS_BY_HINT.items())


def scripts_date_starts(texts: list[str]) -> list[list[int]]:
    """script_date_starts of each text. The ASCII texts (most scripts) are searched together,
    joined as bytes, by the C library's memmem (text.BytesSearch): Python's search advances a
    character or two at a time through script text."""
    starts: list = [None] * len(texts)
    ascii_texts = [at for at, text in enumerate(texts) if text.isascii()]
    if ascii_texts:
        search = BytesSearch("\n".join(texts[at] for at in ascii_texts).encode("ascii"))
        # where each text begins in the join (a hint holds no line break: none spans two)
        begins = list(accumulate((len(texts[at]) + 1 for at in ascii_texts), initial=0))
        found: dict[int, set] = {at: set() for at in ascii_texts}
        for hint, keys in _SCRIPT_HINTS_BYTES:
            position = search.find(hint)
            while position >= 0:
                index = bisect_right(begins, position) - 1
                text, local = texts[ascii_texts[index]], position - begins[index]
                for key, offset in keys:
                    start = local - offset - 1
                    if start >= 0 and text[start] in "\"'" and text.startswith(key, start + 1):
                        found[ascii_texts[index]].add(start)
                position = search.find(hint, position + 1)
        for at in ascii_texts:
            starts[at] = sorted(found[at])
    return [script_date_starts(text) if at is None else at for text, at in zip(texts, starts)]


def script_state_dates(tree, limit: int = 3, texts: list[str] | None = None) -> list[str]:
    """Publication dates in inline app state (JSON in <script>): pages rendered by JavaScript.

    texts: the scripts' texts as StructuredData.state_scripts holds them (read once by
    read_structured), when the caller has them."""
    found = []
    texts = [text for text in (_state_script_texts(tree) if texts is None else texts) if len(text) >= 20]
    for text, starts in zip(texts, scripts_date_starts(texts)):
        end = 0  # the matches as finditer gives them: leftmost first, none overlapping
        for start in starts:
            if start < end:
                continue
            match = _SCRIPT_DATE.match(text, start)
            if match is None:
                continue
            found.append(match.group(1))
            if len(found) >= limit:
                return found
            end = match.end()
    return found


def _state_script_texts(tree):
    """The text of every <script> without a src that is not JSON-LD (StructuredData.state_scripts)."""
    for script in tree.getroottree().iter("script"):  # in C; the XPath with attribute tests costs twice as much
        if script.get("src") is None and script.get("type") != "application/ld+json":
            yield script.text or ""


_URL_DATE = (
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])"),
    re.compile(r"[/_-]((?:19|20)\d{2})-(\d{2})-(\d{2})(?:[/_.-]|$)"),
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})(?:/|[-_.]|$)"),
)


def url_date(url: str | None) -> PageDate | None:
    """A full date in the URL path (/2019/10/19/, -2019-10-19-, /20191019/)."""
    if not url:
        return None
    path = url.split("?", 1)[0]
    for pattern in _URL_DATE:
        match = pattern.search(path)
        if match:
            try:
                return PageDate(datetime(int(match.group(1)), int(match.group(2)), int(match.group(3))))
            except ValueError:
                continue
    return None


_URL_MONTH = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")


def url_year_month(url: str | None) -> tuple[int, int] | None:
    """Year and month from a /YYYY/MM/ URL path, which dates found in text must agree with."""
    match = _URL_MONTH.search((url or "").split("?", 1)[0])
    return (int(match.group(1)), int(match.group(2))) if match else None


def agrees_with_month(value: PageDate, year_month: tuple[int, int] | None) -> bool:
    return year_month is None or (value.value.year, value.value.month) == year_month


_DATE_MARKED: dict[str, bool] = {}


def _marks_date(element) -> bool:
    """Whether the element's class, id or itemprop marks a date (and not a modification).
    Remembered by their text: a page repeats its classes, a site its templates (two searches
    of the lower-cased marks per element were a third of visible_dates)."""
    key = f"{element.get('class') or ''} {element.get('id') or ''} {element.get('itemprop') or ''}"
    return remembered(_DATE_MARKED, key, _names_date)


def _names_date(marks: str) -> bool:
    marks = marks.lower()
    return bool(_DATE_CONTAINER.search(marks)) and not _MODIFIED_MARK.search(marks)


_DATE_ELEMENT_TAGS = ("span", "div", "p", "time", "li", "small", "em", "abbr", "strong", "b", "font", "td", "dd")


def visible_dates(tree, language: str | None, fetched_at: datetime, headline_element=None,
                  month_first: bool | None = None) -> list[PageDate]:
    """Dates written in short elements marked as date/meta/byline (near the headline first).

    Outside the headline's region, elements repeated as a listing (teasers, event dates) are
    skipped: the text pass ranks those last."""
    candidates = []
    keep = headline_keep(headline_element)
    scope = _headline_region(headline_element)
    region = list(scope.iter("*")) if scope is not None else []
    # the page's marked elements are listed only when the headline's region gave no date or a
    # listing check needs them (most pages reaching this rule show their date by the headline)
    marked = None

    def marked_elements() -> list:
        nonlocal marked
        if marked is None:
            # tree.iter with tag names runs in C; an XPath union of self:: tests costs several times more
            marked = [element for element in tree.iter(*_DATE_ELEMENT_TAGS)
                      if element.get("class") or element.get("id") or element.get("itemprop")]
        return marked

    def then_marked():
        yield from marked_elements()

    seen = set()
    twins = None
    listed: dict = {}  # in_listing's answers by markup signature

    def twins_by_mark() -> dict:
        """elements by tag and class, made once when a listing check first needs them."""
        nonlocal twins
        if twins is None:
            twins = {}
            for other in chain(region, marked_elements()):
                twins.setdefault((other.tag, other.get("class")), []).append(other)
        return twins

    for element in chain(region, then_marked()):
        if element in seen or not isinstance(element.tag, str):
            continue
        seen.add(element)
        if not _marks_date(element):
            continue
        stamp = parse_machine_date(element.get("title") or element.get("data-date") or "")
        if plausible(stamp, fetched_at) and not in_foreign_part(element, keep):
            candidates.append(stamp)  # "3 hours ago" shown, the timestamp in the title attribute
            break
        text = " ".join(element.text_content().split())
        if not text or len(text) > 160 or in_foreign_part(element, keep):
            continue
        in_region = scope is not None and any(ancestor is scope for ancestor in element.iterancestors())
        if not in_region and in_listing(element, twins_by_mark(), listed):
            continue
        snippets = find_text_dates(text)
        if not snippets and len(element):
            text = " ".join(" ".join(element.itertext()).split())  # a date split over small elements
            snippets = find_text_dates(text)
        if not snippets and in_region and len(text) <= _DATE_LINE:
            snippets = _TWO_DIGIT_YEAR.findall(text)[:1]  # the article's date line, by the headline
        lowered = text.lower()
        for snippet in snippets:
            before = lowered[:lowered.find(snippet.lower())]
            if _UPDATED_WORD.search(before):
                continue
            found = parse_text_date(snippet, language, fetched_at, month_first)
            if plausible(found, fetched_at):
                candidates.append(found)
                break
        if candidates:
            break
        relative = parse_relative_date(text, language, fetched_at) if in_region and len(text) < 60 else None
        if plausible(relative, fetched_at):
            candidates.append(relative)
            break
    return candidates


#: A date-marked element this short beside the headline is the article's date line (category,
#: date, time), where a two-digit year is read too.
_DATE_LINE = 40


def in_listing(element, twins_by_mark: dict, known: dict | None = None) -> bool:
    """Whether the page holds the element's markup signature again and again with other texts.

    twins_by_mark: the candidate elements by (tag, class). known: answers by signature, which
    decides the answer (without it a page of thousands of alike bylines is quadratic)."""
    signature = _signature(element)
    if known is not None and signature in known:
        return known[signature]
    twins = [other for other in twins_by_mark.get((element.tag, element.get("class")), ())
             if _signature(other) == signature]
    listed = len(twins) >= _LISTING_REPEATS and len({other.text_content().strip() for other in twins}) > 1
    if known is not None:
        known[signature] = listed
    return listed


def _headline_region(headline_element):
    """The headline's parent block (and its parent): where bylines and dates usually sit."""
    if headline_element is None:
        return None
    region = headline_element.getparent()
    if region is not None and region.getparent() is not None and len(region.text_content()) < 300:
        region = region.getparent()
    return region


# ---------------------------------------------------------------- choosing
class _DatePage:
    """What the date rules read on one page, each costly part computed once, when first asked."""

    def __init__(self, tree, structured: StructuredData, url, language, fetched_at, headline_element):
        self.tree, self.structured, self.url = tree, structured, url
        self.language, self.fetched_at, self.headline_element = language, fetched_at, headline_element
        self.keep = headline_keep(headline_element)
        self.month_first = writes_month_first(structured, language)
        self.month_in_url = url_year_month(url)
        self.published: PageDate | None = None  # the first machine-readable value, as the rules run
        self._times = self._texts = self._jsonld = self._text_dates = None

    def parse_all(self, values, source: str) -> list[PageDate]:
        parsed_values = []
        for value in values:
            parsed = parse_machine_date(value)
            if parsed is None and source in ("meta", "itemprop", "time"):
                parsed = parse_us_slash_date(value)
            if parsed is None and source in ("meta", "itemprop", "time"):
                snippets = find_text_dates(value)
                parsed = parse_text_date(snippets[0], self.language, self.fetched_at) if snippets else None
            if plausible(parsed, self.fetched_at):
                parsed_values.append(parsed)
        return parsed_values

    def jsonld(self, key: str) -> list[str]:
        """jsonld_dates of key, the objects ordered once for the four keys the rules read."""
        if self._jsonld is None:
            self._jsonld = jsonld_in_order(self.structured)
        return jsonld_dates(self.structured, key, self._jsonld)

    def times(self) -> list[tuple[str, bool]]:
        if self._times is None:
            self._times = time_element_dates(self.tree, self.keep)
        return self._times

    def dated(self) -> DatedTexts:
        if self._texts is None:
            self._texts = dated_texts(self.tree, self.headline_element)
        return self._texts

    def near_headline(self) -> PageDate | None:
        best, updated = self.text_dates()
        return best or updated

    def text_dates(self) -> tuple[PageDate | None, PageDate | None]:
        """dates_in_text of the page, read once for both cascades."""
        if self._text_dates is None:
            self._text_dates = dates_in_text(self.tree, self.language, self.fetched_at,
                                             self.headline_element, month_first=self.month_first,
                                             texts=self.dated())
        return self._text_dates

    def shown_update(self) -> PageDate | None:
        """The date the text announces as an update: from the whole page's dated texts when
        date_published read them already, else from the article around the headline
        (update_scope), its short text nodes read directly: a fraction of reading the page."""
        if self._texts is not None:
            return self.text_dates()[1]
        block = self.update_scope()
        if block is None:
            return None
        for text in block.itertext():
            if len(text) > _SHORT_LINE or not _YEAR_HINT.search(text):
                continue
            lowered = text.lower()
            if not _UPDATED_WORD.search(lowered):
                continue
            for snippet in find_text_dates(text):
                at = lowered.find(snippet.lower())
                if _UPDATED_WORD.search(lowered[:at][-_BEFORE:]):
                    parsed = parse_text_date(snippet, self.language, self.fetched_at, self.month_first)
                    if plausible(parsed, self.fetched_at):
                        return parsed
        return None

    def update_scope(self):
        """Where an update note stands: the <article> (or <main>) around the headline, else the
        page's first <article>, else the headline's own block; None when that is the page."""
        headline = self.headline_element
        if headline is not None:
            for ancestor in headline.iterancestors("article", "main"):
                return ancestor
        article = next(self.tree.iter("article"), None)
        if article is not None:
            return article
        block = headline.getparent() if headline is not None else None
        if block is not None and len(block) == 1 and block.getparent() is not None:
            block = block.getparent()  # the headline in a wrapper of its own
        return None if block is None or block.tag in ("body", "html") else block

    def in_url_month(self, value: PageDate | None) -> PageDate | None:
        return value if value is not None and agrees_with_month(value, self.month_in_url) else None


def _url_path_date(page: _DatePage) -> PageDate | None:
    found = url_date(page.url)
    return found if plausible(found, page.fetched_at) else None


def _image_path_date(page: _DatePage) -> PageDate | None:
    found = url_date(page.structured.og.get("image") or page.structured.meta.get("twitter:image"))
    return found if plausible(found, page.fetched_at) else None


def _weak_meta_dates(page: _DatePage) -> list[PageDate]:
    return page.parse_all(meta_dates(page.structured, tables.WEAK_DATE_META_KEYS), "meta")


# Machine-readable rules answer with every parsed value (all of them inform the local form of a
# UTC value); the first value of the first rule that has one is the date.
DATE_PUBLISHED = Cascade("date_published", [
    Rule("json-ld", "the JSON-LD article's datePublished (else dateCreated)",
         "the publisher's own statement for machines, with time and zone",
         lambda p: p.parse_all(p.jsonld("datePublished") + p.jsonld("dateCreated"),
                               "json-ld")),
    Rule("meta", "article:published_time and the other published-date meta keys",
         "declared too, but some templates fill them with the page's build time",
         lambda p: p.parse_all(meta_dates(p.structured, tables.PUBLISHED_META_KEYS), "meta")),
    Rule("itemprop", "microdata itemprop=datePublished / dateCreated",
         "declared in the markup, often on teasers too", lambda p: p.parse_all(
             itemprop_dates(p.structured, "datepublished") + itemprop_dates(p.structured, "datecreated"), "itemprop")),
    Rule("time", "<time datetime> elements near the article, not in chrome or teasers",
         "machine-readable but not tied to the article by the markup",
         lambda p: p.parse_all([value for value, is_modified in p.times() if not is_modified], "time")),
    Rule("json-ld-upload", "an embedded video's JSON-LD uploadDate",
         "the video's date: the page's only when nothing above dates the page",
         lambda p: p.parse_all(p.jsonld("uploadDate"), "json-ld")),
    # scanning every inline script is costly: app state matters when the markup gave nothing,
    # or gave a UTC value that app state may render in the site's own zone
    Rule("script", "dates in inline app state (window.__STATE__ and the like)",
         "costly to scan; asked when the markup gave nothing or only a UTC value",
         lambda p: p.parse_all(script_state_dates(p.tree, texts=p.structured.state_scripts), "script")
         if p.published is None or is_utc(p.published) else []),
    Rule("url-path", "a /2016/05/04/ date in the article's URL",
         "a day without time: below every machine-readable value", _url_path_date),
    Rule("text-dated-element", "a date in an element marked as a date (class date/time/meta) near the headline",
         "visible text, parsed in the page's language; must agree with a year/month in the URL",
         lambda p: next(iter(value for value in visible_dates(p.tree, p.language, p.fetched_at, p.headline_element,
                                                              p.month_first) if p.in_url_month(value)), None)),
    Rule("meta-weak", "meta keys that often hold other dates (date, dc.date, last-modified ...)",
         "declared but ambiguous: only when the visible text has no marked date",
         lambda p: p.in_url_month(next(iter(_weak_meta_dates(p)), None))),
    Rule("text-near-headline", "the first date written in the text nearest the headline",
         "unmarked text: any date there may be another event's", lambda p: p.in_url_month(p.near_headline())),
    Rule("image-url-path", "a /2016/05/04/ upload path in the lead image's URL",
         "the image's upload, usually the article's day; a last resort", _image_path_date),
    Rule("description", "a date written in the page's description",
         "the last resort for pages whose text carries no date", lambda p: p.in_url_month(
             description_date(p.structured, p.language, p.fetched_at, p.month_first))),
])
_MACHINE_DATE_RULES = 6
"""DATE_PUBLISHED rules before this index read machine-readable values (all are collected)."""

DATE_MODIFIED = Cascade("date_modified", [
    Rule("json-ld", "the JSON-LD article's dateModified", "the publisher's statement for machines",
         lambda p: p.parse_all(p.jsonld("dateModified"), "json-ld")),
    Rule("meta", "article:modified_time and the other modified-date meta keys", "declared, below JSON-LD",
         lambda p: p.parse_all(meta_dates(p.structured, tables.MODIFIED_META_KEYS), "meta")),
    Rule("itemprop", "microdata itemprop=dateModified", "declared in the markup, often on teasers too",
         lambda p: p.parse_all(itemprop_dates(p.structured, "datemodified"), "itemprop")),
    # what a reader sees, asked only when the markup declares no modification (and read after
    # date_published, which the declared values above may correct)
    Rule("time", "a <time> element marked as the update (class or itemprop naming a modification)",
         "machine-readable, tied to the update by its markup only",
         lambda p: p.parse_all([value for value, is_modified in p.times() if is_modified], "time")),
    Rule("text-updated", "the date the text nearest the headline announces as an update "
                         "(\"Updated: ...\", \"Aktualisiert: ...\", \"Обновлено: ...\")",
         "visible text, parsed in the page's language",
         lambda p: [found] if (found := p.shown_update()) is not None else None),
])
_DECLARED_MODIFIED_RULES = 3
"""DATE_MODIFIED rules before this index read what the markup declares."""


def read_dates(tree, structured: StructuredData, *, url: str | None, language: str | None,
               fetched_at: datetime, headline_element=None) -> DateFound:
    """Pick date_published and date_modified (each with the name of the rule that gave it)."""
    found = DateFound()
    page = _DatePage(tree, structured, url, language, fetched_at, headline_element)
    modified_answer = DATE_MODIFIED.first(page, stop=_DECLARED_MODIFIED_RULES)
    modified, modified_source = (modified_answer.value or [None])[0], modified_answer.rule
    machine: list[PageDate] = []
    renderings: list[PageDate] = []  # date-only values the markup gives besides a timestamp
    for rule in DATE_PUBLISHED.rules[:_MACHINE_DATE_RULES]:
        parsed_values = rule.run(page)
        if parsed_values and found.published is None:
            found.published, found.published_source = parsed_values[0], rule.name
            page.published = found.published
        machine += parsed_values
        if rule.name in ("json-ld", "meta", "itemprop"):
            renderings += [value for value in parsed_values if not value.has_time]
    offsets = site_utc_offsets(language, structured.html_lang or structured.og.get("locale"), url)

    if found.published is not None and modified is not None \
            and modified.value.date() > found.published.value.date() \
            and shows_only_modified(found.published, modified,
                                    shown_days(page.dated(), language, fetched_at, page.month_first, page.keep), offsets):
        found.published, found.published_source = modified, f"{modified_source}-modified"
    if found.published_source == "meta":
        shown = shown_time(tree, page.keep, language, fetched_at, page.month_first)
        if shown is not None and abs((shown.value.date() - found.published.value.date()).days) > 1 \
                and found.published.value.date() not in shown_days(page.dated(), language, fetched_at,
                                                                   page.month_first, page.keep):
            found.published, found.published_source = shown, "time-shown"
    if found.published is not None and is_utc(found.published):
        weak = _weak_meta_dates(page)
        found.published = local_form(found.published, machine + weak, _url_path_date(page), page.near_headline,
                                     offsets, renderings + [value for value in weak if not value.has_time])
    elif found.published is not None and crosses_midnight_in_utc(found.published):
        near = page.near_headline()
        if near is not None and near.value.date() == found.published.value.astimezone(timezone.utc).date():
            found.published = near  # the page shows the day of the same instant in UTC
    if found.published is None:
        fallback = DATE_PUBLISHED.first(page, start=_MACHINE_DATE_RULES)
        found.published, found.published_source = fallback.value, fallback.rule
    if modified is None:
        shown = DATE_MODIFIED.first(page, start=_DECLARED_MODIFIED_RULES)
        modified, modified_source = (shown.value or [None])[0], shown.rule
    if modified is not None and found.published is not None and modified.value.date() < found.published.value.date():
        modified = None
    found.modified = modified
    found.modified_source = modified_source if modified is not None else None
    return found


def description_date(structured: StructuredData, language: str | None, fetched_at: datetime,
                     month_first: bool) -> PageDate | None:
    """A date written in the page's description ("... (Notizia del 14 Gennaio 2020)"): the last
    resort for pages whose visible text carries no date at all."""
    for key in ("description", "og:description", "twitter:description"):
        text = structured.meta.get(key) or ""
        for snippet in find_text_dates(text)[:1]:
            parsed = parse_text_date(snippet, language, fetched_at, month_first)
            if plausible(parsed, fetched_at):
                return parsed
    return None


def writes_month_first(structured: StructuredData, language: str | None) -> bool:
    """US English writes 02/10/2020 for February 10; British and most others mean 2 October."""
    if language != "en":
        return False
    locale = (structured.html_lang or structured.og.get("locale") or "").replace("_", "-").lower()
    region = locale.split("-")[1] if "-" in locale else ""
    return region not in tables.DAY_FIRST_ENGLISH_REGIONS


def is_utc(value: PageDate) -> bool:
    return value.has_zone and value.value.utcoffset() == timedelta(0)


def local_form(chosen: PageDate, others: list[PageDate], from_url: PageDate | None,
               shown=None, offsets: tuple = tables.ANY_UTC_OFFSETS,
               renderings: list[PageDate] | None = None) -> PageDate:
    """Prefer the page's local rendering of a UTC timestamp: readers date an article locally.

    others: every other machine-readable publication value; renderings: the date-only ones
    from JSON-LD, meta and itemprop. In turn: the same instant given with the site's own
    offset; the same minute and second some whole hours apart (the site's local clock under a
    UTC label); when the date shown nearest the headline is not the UTC day, a date-only
    rendering, that shown date, or the URL's date on the neighbour day where one of the
    site's UTC offsets puts the UTC time (any offset when the shown date and the URL agree).
    A local clock time on the UTC day keeps the UTC value. shown: the date, or a function
    finding it, called only when a neighbour day is possible (finding it reads the page text).
    """
    if not is_utc(chosen):
        return chosen
    for other in others:
        if other.has_zone and other.value.utcoffset() != timedelta(0) \
                and abs((other.value - chosen.value).total_seconds()) < 120:
            return other
    for other in others:
        if other.has_time and local_clock_of(chosen, other, offsets):
            return other if other.value.date() != chosen.value.date() else chosen
    day, hour = chosen.value.date(), chosen.value.hour
    url_next_door = from_url is not None and abs((from_url.value.date() - day).days) == 1
    if not (url_next_door or hour + offsets[0] < 0 or hour + offsets[1] >= 24):
        return chosen  # no zone of the site's reaches another day
    shown = shown() if callable(shown) else shown
    if shown is not None and shown.value.date() == chosen.value.date():
        return chosen
    if shown is not None and from_url is not None and shown.value.date() == from_url.value.date():
        offsets = tables.ANY_UTC_OFFSETS  # the page's text and its URL agree: no locale guess needed
    for other in (renderings or []) + [shown, from_url]:
        if other is not None and possible_local_day(chosen, other.value.date(), offsets):
            return other
    return chosen


def crosses_midnight_in_utc(value: PageDate) -> bool:
    """A timestamp with a local offset whose UTC rendering falls on another calendar day."""
    return value.has_zone and not is_utc(value) and \
        value.value.astimezone(timezone.utc).date() != value.value.date()


def site_utc_offsets(language: str | None, locale: str | None, url: str | None = None) -> tuple:
    """The UTC offsets the page's locale ("pt-BR") or language publishes from (SITE_UTC_OFFSETS).

    A locale without its country ("fr") takes it from the host's country-code domain
    (radio-canada.ca: "fr-ca")."""
    locale = (locale or "").replace("_", "-").lower()
    tld = (host_of(url) or "").rsplit(".", 1)[-1]
    regional = f"{(locale or language or '').split('-')[0]}-{tld}" if len(tld) == 2 and "-" not in locale else ""
    for key in (locale, regional, locale.split("-")[0], language):
        if key and key in tables.SITE_UTC_OFFSETS:
            return tables.SITE_UTC_OFFSETS[key]
    return tables.ANY_UTC_OFFSETS


def possible_local_day(utc: PageDate, day, offsets: tuple = tables.ANY_UTC_OFFSETS) -> bool:
    """Whether day is the UTC timestamp's neighbour day in one of the given UTC offsets."""
    shift = (day - utc.value.date()).days
    hour = utc.value.hour + utc.value.minute / 60
    return (shift == 1 and hour + offsets[1] >= 24) or (shift == -1 and hour + offsets[0] < 0)


def local_clock_of(utc: PageDate, other: PageDate, offsets: tuple = tables.ANY_UTC_OFFSETS) -> bool:
    """Same minute and second (not a round hour), some whole hours apart within the site's
    offsets, without a zone of its own: one of the two is the site's local clock time."""
    if (other.has_zone and not is_utc(other)) or (utc.value.minute, utc.value.second) == (0, 0):
        return False
    gap = (other.value.replace(tzinfo=None) - utc.value.replace(tzinfo=None)).total_seconds()
    return gap != 0 and gap % 3600 == 0 and offsets[0] * 3600 <= gap <= offsets[1] * 3600 \
        or gap != 0 and gap % 3600 == 0 and -offsets[1] * 3600 <= gap <= -offsets[0] * 3600


def shown_days(texts: DatedTexts, language: str | None, fetched_at: datetime, month_first: bool,
               keep=frozenset(), limit: int = 120) -> set:
    """Calendar days written in the page's own text (its first limit dated texts), outside
    navigation, teasers and comments (a navbar shows today's date)."""
    days = set()
    for item in texts.items[:limit]:
        if item.owner is None or in_foreign_part(item.owner, keep):
            continue
        for snippet in item.snippets:
            parsed = parse_text_date(snippet, language, fetched_at, month_first)
            if parsed is not None:
                days.add(parsed.value.date())
    return days


def shows_only_modified(published: PageDate, modified: PageDate, days: set,
                        offsets: tuple = tables.ANY_UTC_OFFSETS) -> bool:
    """The page shows its readers the modification day and not the publication day: readers
    (and those citing the page) date it by the day they see. A UTC publication time counts as
    shown on a neighbour day too, where the site's zone may put it."""
    if modified.value.date() not in days:
        return False
    published_day = published.value.date()
    return not any(day == published_day or (is_utc(published) and possible_local_day(published, day, offsets))
                   for day in days)


_SKIPPED_TEXT_TAGS = ("script", "style", "noscript", "template", "head", "title", "option", "select")
_SKIPPED_TEXT_PARENTS = frozenset(_SKIPPED_TEXT_TAGS)
#: Text nodes that may hold a full date (a 19xx/20xx year, or a short dotted date), outside code.
#: The body's texts are read by one walk in Python (dated_text_nodes); these XPath forms count
#: the few outside it and serve a headline outside the body. The parent test first: libxml2
#: copies a node's text for each contains(), and the texts before the body are mostly scripts
#: and styles (a third of _TEXTS_BEFORE's cost).
_DATED_TEXT_TEST = ("[not(" + " or ".join(f"parent::{tag}" for tag in _SKIPPED_TEXT_TAGS) + ")]"
                    "[contains(., '19') or contains(., '20') or (contains(., '.') and string-length() < 24)]")
_TEXTS_FROM_HEADLINE = etree.XPath("(descendant::text() | following::text())" + _DATED_TEXT_TEST)
_TEXTS_BEFORE = etree.XPath("count(preceding::text()" + _DATED_TEXT_TEST + ")")


def dated_text_nodes(scope, headline_element=None):
    """(text, owner) of every text node under scope that may hold a date (_DATED_TEXT_TEST), in
    document order (an element's text at its start, its tail after its subtree); at the start
    of headline_element, (None, None) marks where it stands among them.

    One walk reading each text once: libxml2 evaluating _DATED_TEXT_TEST on every text node
    (it copies a node's text for each contains()), then counting the texts before the headline
    on the preceding axis, cost twice as much. (Listing the text nodes and the headline with
    one XPath union costs a little less on news pages, but libxml2 sorts the union comparing
    text nodes through their siblings: quadratic on a page of many flat blocks.)

    The walk visits each element once (a tag-filtered iter in C) and keeps its open ancestors
    on a stack: an element whose parent is not the innermost open one closes those above its
    parent, whose tails come then. iterwalk's start and end events (a tuple each, twice the
    elements) cost 30% more (0.39 -> 0.27 ms a page). Comments are skipped, as iterwalk
    skips them (their text and tail alike)."""
    skipped = _SKIPPED_TEXT_PARENTS
    open_elements: list = []  # scope and the open ancestors of the element visited, innermost last
    close, open_ = open_elements.pop, open_elements.append
    for element in scope.iter(etree.Element):
        parent = element.getparent()
        while open_elements and open_elements[-1] is not parent:
            text = close().tail  # an element closed: its tail follows its subtree
            if text and ("19" in text or "20" in text or ("." in text and len(text) < 24)) and open_elements:
                owner = open_elements[-1]
                if owner.tag not in skipped:
                    yield text, owner
        if element is headline_element:
            yield None, None
        text = element.text
        if text and ("19" in text or "20" in text or ("." in text and len(text) < 24)) \
                and element.tag not in skipped:
            yield text, element
        open_(element)
    while len(open_elements) > 1:  # the elements still open close, innermost first; scope's tail is outside it
        text = close().tail
        if text and ("19" in text or "20" in text or ("." in text and len(text) < 24)):
            owner = open_elements[-1]
            if owner.tag not in skipped:
                yield text, owner


@dataclass
class TextDate:
    """A text node of the page that holds full dates."""

    position: int
    text: str
    owner: object
    """The element the text belongs to (a tail belongs to its element's parent)."""
    snippets: list[str]


@dataclass
class DatedTexts:
    """The page's dated text nodes in document order, found once and shared by the date rules."""

    items: list[TextDate]
    headline_at: int | None
    """How many dated texts come before the headline (None without a headline)."""


def dated_texts(tree, headline_element=None, limit: int = 400) -> DatedTexts:
    """Every text node holding a full date (at most limit), and where the headline sits among them."""
    body = tree.find("body")
    scope = body if body is not None else tree
    # how many dated texts come before the headline, counted as the walk passes them: those
    # outside the scope (before the body) first, then the scope's own up to the headline
    before = None
    inside = headline_element is not None and any(
        ancestor is scope for ancestor in headline_element.iterancestors())
    if headline_element is not None and not inside:
        # a headline outside the body (or no longer in the tree): its own texts and those after it
        nodes = list(dated_text_nodes(scope))
        before = len(nodes) - len(_TEXTS_FROM_HEADLINE(headline_element))
        walk = iter(nodes)
    else:
        walk = dated_text_nodes(scope, headline_element)
    outside = int(_TEXTS_BEFORE(scope)) if inside else 0
    items, headline_at = [], None
    index = 0
    for node, owner in walk:
        if node is None:  # the headline's start: how many dated texts precede it
            before = index + outside
            continue
        if before is not None and headline_at is None and index >= before:
            headline_at = len(items)
        index += 1
        snippets = find_text_dates(node)
        text = node
        if not snippets:
            if owner is None or len(node) > _SPLIT_PIECE or not (_YEAR_HINT.search(node) or _DAY_PIECE.match(node)):
                continue
            owner, text = split_date(owner)
            if owner is None or (items and (items[-1].owner is owner or owner in items[-1].owner.iterancestors())):
                continue  # the pieces' date, or a whole date inside them, is read already
            snippets = find_text_dates(text)
        items.append(TextDate(len(items), text, owner, snippets))
        if len(items) >= limit:
            break
    if before is not None and headline_at is None and len(items) < limit:
        headline_at = len(items)
    return DatedTexts(items, headline_at)


#: A text node this short may be one piece of a date split over elements ("Apr", "04", "2013"):
#: the year's piece, or a day with its dot ("8.<a>Dezember 2010</a>"), starts the search.
_SPLIT_PIECE = 20
_DAY_PIECE = re.compile(r"\s*\d{1,2}\.\s*$")
#: The most text a date split over elements holds with its neighbours ("8. <a>Dezember 2010</a> um 09:43").
_SPLIT_DATE_TEXT = 60


def split_date(element) -> tuple:
    """A full date written over several small elements (a calendar badge: <span>Apr</span>
    <span>04</span><span>2013</span>; a day before a linked month): the element or its parent
    whose short text, its pieces joined with spaces, holds one. (None, "") when none does."""
    for _ in range(2):
        if element is None or element.tag in ("body", "html"):
            break
        pieces, size = [], 0
        for piece in element.itertext():
            size += len(piece)
            if size > _SPLIT_DATE_TEXT:
                break
            pieces.append(piece)
        else:
            text = " ".join(" ".join(pieces).split())
            if find_text_dates(text):
                return element, text
        if size > _SPLIT_DATE_TEXT:
            break
        element = element.getparent()
    return None, ""


def _signature(element) -> tuple:
    parent = element.getparent()
    return (element.tag, element.get("class"), parent.tag if parent is not None else None,
            parent.get("class") if parent is not None else None)


#: How many dated texts of one markup signature make a listing (teasers, events, archive links).
_LISTING_REPEATS = 3


def listing_signatures(texts: DatedTexts) -> set:
    """Markup signatures (tag and class of the text's element and its parent) that carry dates
    again and again: the dates of a teaser list or an event calendar, not of the article."""
    counts = {}
    for item in texts.items:
        if item.owner is not None:
            signature = _signature(item.owner)
            counts[signature] = counts.get(signature, 0) + 1
    return {signature for signature, count in counts.items() if count >= _LISTING_REPEATS}


def announces_publication(prefix: str, text: str, owner) -> bool:
    """Whether the words before a date announce it as the publication date ("Published: ...").

    A preposition ("am", "on") does too in a short line; in a long block only in the line that
    opens it ("Dieser Artikel wurde am 14. Dezember 2015 ... veröffentlicht"), not in a sentence
    opening with the date ("On July 31, 2019, senators...") nor mid-paragraph ("... findet am
    Freitag, 8. Juni 2012 statt"): owner is the element the text belongs to.
    """
    words = prefix.split()
    if any(word in words or word + ":" in prefix or word + "：" in prefix
           for word in tables.PUBLISHED_WORDS):  # "公開日：": CJK text has its own colon
        return True
    if len(text) > _SHORT_LINE or not any(word in words or word + ":" in prefix
                                          for word in tables.PUBLISHED_PREPOSITIONS):
        return False
    if owner is None or len(owner.text_content()) <= _SHORT_LINE:
        return True
    # in a long block only a line opening the block ("Dieser Beitrag wurde am ..."), and not a
    # sentence opening with the date ("On July 31, 2019, senators ...")
    return len(words) > 1 and owner.text is not None and owner.text.strip() == text.strip()


def published_after(text: str, at: int, snippet: str, owner) -> bool:
    """Whether a verb after the date announces it ("wurde am <b>19. Mai 2010</b> um 23:03 Uhr
    gepostet"): German and Dutch put the participle at the end of the clause."""
    after = text[at + len(snippet):][:_AFTER]
    if len(after) < _AFTER and owner.tag in _INLINE_TAGS and owner.text is not None \
            and owner.text.strip() == text.strip():
        after += " " + text_after(owner, _AFTER - len(after))
    return not _PARTICIPLES.isdisjoint(re.findall(r"\w+", after.lower()))


def text_after(element, limit: int) -> str:
    """The first limit characters of text after element inside its parent."""
    pieces, size = [element.tail or ""], len(element.tail or "")
    sibling = element.getnext()
    while sibling is not None and size < limit:
        for piece in (sibling.text_content() if isinstance(sibling.tag, str) else "", sibling.tail or ""):
            pieces.append(piece)
            size += len(piece)
        sibling = sibling.getnext()
    return "".join(pieces)[:limit]


#: Characters read before a date for the words that announce it ("Published:", "Updated:"),
#: and after it for a participle that does ("... gepostet").
_BEFORE = _AFTER = 40
_PARTICIPLES = frozenset(tables.PUBLISHED_PARTICIPLES)
_INLINE_TAGS = frozenset({"span", "nobr", "b", "strong", "em", "i", "a", "time", "small", "font", "abbr"})
_SHORT_LINE = 150
_SET_OFF = re.compile(r"\s*[)\]:|\u2013\u2014-]")


def opens_as_dateline(text: str, at: int, snippet: str) -> bool:
    """A date opening a paragraph and set off from its sentence ("(21. November 2022) Die ...",
    "21.11.2022 – Die ..."): the article's date line, not a date the prose talks about."""
    return not text[:at].strip(" ([") and bool(_SET_OFF.match(text, at + len(snippet)))


_CITATION = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in tables.CITATION_WORDS) + r")(?!\w)")


def first_date_in_text(tree, language: str | None, fetched_at: datetime, headline_element=None,
                       limit: int = 400, month_first: bool | None = None,
                       texts: DatedTexts | None = None) -> PageDate | None:
    """The date written nearest the headline in the page's own text.

    A date announced as the publication ("Published: ...") wins; dates in teasers, comments and
    other foreign parts, and dates inside long prose ("since 4 August 2014 the law...") are
    skipped; a date announced as an update is used only when nothing else is found.
    """
    best, updated = dates_in_text(tree, language, fetched_at, headline_element, limit, month_first,
                                  texts)
    return best or updated


def dates_in_text(tree, language: str | None, fetched_at: datetime, headline_element=None,
                  limit: int = 400, month_first: bool | None = None,
                  texts: DatedTexts | None = None) -> tuple[PageDate | None, PageDate | None]:
    """(first_date_in_text's date, ignoring updates; the first date announced as an update
    ("Updated: ...", "Aktualisiert: ...")), each None when the text has none."""
    texts = texts or dated_texts(tree, headline_element, limit)
    headline_at = texts.headline_at
    keep = headline_keep(headline_element)
    listed = listing_signatures(texts)
    best, best_rank, updated = None, None, None
    for item in texts.items:
        position, text, owner = item.position, item.text, item.owner
        if owner is None:
            continue
        foreign = in_foreign_part(owner, keep)
        lowered = text.lower()
        for snippet in item.snippets:
            at = lowered.find(snippet.lower())
            prefix = lowered[:at][-_BEFORE:]
            announced = announces_publication(prefix, text, owner) or published_after(text, at, snippet, owner)
            if foreign and not announced:
                continue
            if not announced and (len(text) > _SHORT_LINE and not opens_as_dateline(lowered, at, snippet)
                                  or _CITATION.search(lowered)):
                continue  # a date inside prose or a reference is what the article talks about
            parsed = parse_text_date(snippet, language, fetched_at, month_first)
            if not plausible(parsed, fetched_at):
                continue
            if _UPDATED_WORD.search(prefix):
                updated = updated or parsed
                continue
            distance = 0 if headline_at is None else (
                position - headline_at if position >= headline_at else 2 * (headline_at - position))
            # a listing ranks below single dates, judged by the distance to the headline only
            rank = (0 if announced else 1, headline_at is not None and _signature(owner) in listed, distance)
            if best_rank is None or rank < best_rank:
                best, best_rank = parsed, rank
    return best, updated
