"""The dateline a news body opens with ("WASHINGTON (Reuters) —", "London, 24 Sep –", "MADRID.").

A dateline is a place (in capitals, or capitalised with an agency, region or date to vouch
for it), optionally a region ("Wis.", "Lebanon"), a date ("24 Sep") and an agency in
parentheses ("(AP)"), ended by a dash, or by a period after a place in capitals or a lone
capitalised place. Openings that merely look alike (kickers such as "VIDEO –", sentences
with a dash) are rejected by the shape rules and the table of kicker words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from . import meta_tables as tables

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"  # Latin capitals (ranges include some lower-case in Latin Extended-A; checked below)
_LOWER = "a-zß-öø-ÿ"
_CAPS_WORD = rf"[{_UPPER}][{_UPPER}'’.\-]*[{_UPPER}.]|[{_UPPER}]"
_CAPS_PLACE = rf"(?:{_CAPS_WORD})(?:\s+(?:{_CAPS_WORD}|de|del|la|sur|am|an|im|upon))*?"
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}'’\-]+(?:[-/][{_UPPER}][{_LOWER}]+)*"
_TITLE_PLACE = rf"{_TITLE_WORD}(?:\s+(?:{_TITLE_WORD}|am|an|im|ob|bei|de|del|la|le|sur|upon|on|upon-\w+)){{0,3}}?"
_REGION = rf"(?:,\s*(?:[{_UPPER}][\w'’.\-]*\.?(?:\s+[{_UPPER}][\w'’.\-]*){{0,2}}))"
_AGENCY = r"(?:\s*\((?:[A-Za-zÀ-ÿ][\w/.&\-]*(?:\s+[\w/.&\-]+)?)\))"
_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_DATE = (rf"(?:,?\s+(?:(?P<day1>\d{{1,2}})\.?\s+{_MONTH}|(?P<month2>[^\W\d_]{{3,10}})\.?\s+(?P<day2>\d{{1,2}})"
         rf"|(?P<day3>\d{{1,2}})\.(?P<month3>\d{{1,2}})\.(?P<year3>\d{{2,4}})?)(?:,?\s+(?P<year>(?:19|20)\d{{2}}))?)")
_DATE_PLAIN = re.sub(r"\?P<\w+>", "", _DATE)
_DASH = r"\s*(?:—|–|―|−|--)\s*|\s+-\s+"
_KNOWN_AGENCIES = "|".join(re.escape(name) for name in sorted(tables.AGENCY_NAMES, key=len, reverse=True))

# place, then any of region / date / agency, then a dash
_DASHED = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?P<region>{_REGION}{{0,2}})(?P<date>{_DATE_PLAIN})?"
    rf"(?P<agency>{_AGENCY})?(?P<date_after>{_DATE_PLAIN})?(?:{_DASH})(?P<rest>.*)$", re.S)
# place and agency glued to the text ("Hong Kong (CNN Business)A muddled view") or a stray quote
_AGENCY_ONLY = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_TITLE_PLACE})(?P<region>{_REGION}{{0,2}})(?P<agency>{_AGENCY})"
    rf"(?:\s*\"\s+|\s*(?=[{_UPPER}]))(?P<rest>.*)$", re.S)
# a wire agency alone, the place left out: "(Reuters) — The ..."
_AGENCY_ALONE = re.compile(rf"^(?P<agency>\((?:{_KNOWN_AGENCIES})\))(?:{_DASH})(?P<rest>.*)$", re.S)
# a place in capitals (or a lone capitalised place) closed by a period: "MADRID. The ...", "Berlin. Der ..."
_STOPPED = re.compile(
    rf"^(?P<place>{_CAPS_PLACE}|{_TITLE_WORD})(?P<region>{_REGION}?)(?P<agency>{_AGENCY})?\.\s+"
    rf"(?P<rest>[\"“„«‘'(]?[{_UPPER}].*)$", re.S)


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


def apply_dateline(paragraphs: list[str], meta, *, fetched_at: datetime | None = None) -> DatelineResult:
    """Split the dateline off the body's first paragraph, when it opens with one.

    meta: the page's Metadata (its date_published gives a year to "24 Sep"; when it has no
    date, the dateline's date becomes date_published with source "dateline").
    """
    paragraphs = list(paragraphs or [])
    result = DatelineResult(paragraphs=paragraphs)
    if not paragraphs:
        return result
    named = page_place_words(meta)
    index, found = 0, find_dateline(paragraphs[0], named_places=named)
    if found is None:
        index, found = later_dateline(paragraphs, standfirst=getattr(meta, "description", None))
    if found is None:
        return _lede_dateline(result, meta, named, fetched_at)
    text, place, date_parts, rest = found
    result.text, result.place = text, place
    reference = _reference_date(getattr(meta, "date_published", None), fetched_at)
    day = dateline_date(date_parts, reference)
    result.date = day.isoformat() if day else None
    rest = rest.strip()
    result.paragraphs = paragraphs[:index] + ([rest] if rest else []) + paragraphs[index + 1:]
    if day is not None and meta is not None and getattr(meta, "date_published", None) is None:
        meta.date_published = day.isoformat()
        meta.sources["date_published"] = "dateline"
    _credit_agency(meta, text)
    return result


_CREDIT = re.compile(r"\(([^()]+)\)\s*$")


def _credit_agency(meta, dateline: str) -> None:
    """A wire story without a byline: the agency the dateline credits ("Hamburg (dpa/lno)", a
    regional desk's code after the slash) is its author."""
    match = _CREDIT.search(dateline or "")
    if meta is None or getattr(meta, "authors", None) or not match:
        return
    credit = " ".join(match.group(1).split())
    if credit.split("/")[0].strip().casefold() in _AGENCIES:
        meta.authors = [credit]
        meta.sources["authors"] = "dateline-agency"


_AGENCIES = frozenset(name.casefold() for name in tables.AGENCY_NAMES)


def _lede_dateline(result: DatelineResult, meta, named: frozenset, fetched_at) -> DatelineResult:
    """A dateline opening the page's lede when the body kept only what follows the lede."""
    opening = getattr(meta, "opening_text", None)
    found = find_dateline(opening, named_places=named) if opening else None
    if found is None:
        return result
    text, place, date_parts, _rest = found
    result.text, result.place = text, place
    day = dateline_date(date_parts, _reference_date(getattr(meta, "date_published", None), fetched_at))
    result.date = day.isoformat() if day else None
    _credit_agency(meta, text)
    return result


#: How many short paragraphs (photo captions, kickers the body kept) may come before the dateline.
_LEADING_SHORT_PARAGRAPHS = 6
_SHORT_PARAGRAPH = 300
_CAPTION = re.compile(r"\b(?:" + "|".join(re.escape(word) for word in tables.CAPTION_WORDS) + r")\b", re.I)


def later_dateline(paragraphs: list[str], standfirst: str | None = None):
    """A dateline vouched for by an agency, region, date or a known place, after a few short
    leading paragraphs (photo captions, kickers, a date line the body kept).

    standfirst: the page's description; a body that opens with it (the summary under the
    headline) has its first story paragraph second, where any dateline shape counts.
    """
    opens_with_standfirst = is_standfirst(paragraphs[0], standfirst)
    for index in range(1, min(len(paragraphs), _LEADING_SHORT_PARAGRAPHS + 1)):
        before = paragraphs[index - 1]
        if len(before) > _SHORT_PARAGRAPH and not _CAPTION.search(before):
            break
        found = find_dateline(paragraphs[index], strong_only=not (index == 1 and opens_with_standfirst))
        if found is not None:
            return index, found
    return 0, None


def is_standfirst(paragraph: str, description: str | None) -> bool:
    """True when a paragraph is the page's description (give or take its punctuation)."""
    if not paragraph or not description:
        return False
    words, summary = _WORDS.findall(paragraph.casefold()), _WORDS.findall(description.casefold())
    return len(words) >= 5 and (words == summary or (len(summary) >= 8 and words[:len(summary)] == summary))


_WORDS = re.compile(r"\w+")


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


def find_dateline(paragraph: str, strong_only: bool = False, named_places: frozenset = frozenset()):
    """(dateline text, place, date parts, rest of the paragraph) or None.

    strong_only: accept only datelines vouched for by an agency, a region, a date or a known place.
    named_places: lower-case words the page files itself under; they vouch for a place too.
    """
    head = paragraph.lstrip()
    alone = _AGENCY_ALONE.match(head[:80])
    if alone:
        return alone.group("agency"), None, {}, head[alone.start("rest"):]
    for pattern in (_DASHED, _AGENCY_ONLY, _STOPPED):
        match = pattern.match(head[: tables.DATELINE_MAX_CHARS + 400])
        if match is None:
            continue
        rest_start = match.start("rest")
        opening = head[:rest_start]
        if len(opening) > tables.DATELINE_MAX_CHARS + 5:
            continue
        if not _plausible(match, pattern is _STOPPED, named_places):
            continue
        strong = bool(match.groupdict().get("agency") or match.group("region")
                      or match.groupdict().get("date") or match.groupdict().get("date_after")
                      or match.group("place").strip() in tables.DATELINE_KNOWN_PLACES)
        if strong_only and not strong:
            continue
        if not strong and 0 < len(head[rest_start:].split()) < DATELINE_MIN_REST_WORDS:
            # "Loft – BizWest": a title and its site, not a place opening a sentence
            continue
        text = _DASH_TAIL.sub("", opening).strip().rstrip(",").rstrip('"').strip()
        if pattern is _STOPPED and not (match.group("region") and _ENDS_WITH_ABBREVIATION.search(text)):
            text = text.rstrip(".").strip()
        place = (match.group("place") + (match.group("region") or "")).strip().rstrip(",")
        date_parts = _date_parts(match)
        rest = head[rest_start:] + paragraph[len(paragraph.lstrip()) + len(head):]
        return text, place, date_parts, rest
    return None


_DASH_TAIL = re.compile(r"(?:\s*(?:—|–|―|−|--)\s*|\s+-\s+)$")
_ENDS_WITH_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.){2,}$|\b[A-Z][a-z]{1,4}\.$")


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _plausible(match, stopped: bool, named_places: frozenset = frozenset()) -> bool:
    """Shape rules: what vouches for the place being a place."""
    place = match.group("place").strip()
    region = match.group("region") or ""
    agency = match.group("agency") or ""
    has_date = bool(match.groupdict().get("date") or match.groupdict().get("date_after"))
    if place.lower().strip(".") in tables.DATELINE_NOT_PLACES:
        return False
    if place.split()[0].lower().strip(".:") in tables.DATELINE_NOT_PLACE_WORDS:
        return False
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
    if stopped:
        # "MADRID." or "Berlin." : a capitals place, or a well-known place
        if caps:
            return letters >= 4 or bool(agency)
        return known and not region
    if caps:
        # kickers in capitals run longer than place names ("LE POINT SUR LA SITUATION")
        if len(place.split()) > 3:
            return False
        return letters >= 4 or bool(agency or region or has_date)
    # a capitalised (not capitals) place needs something that makes it a dateline
    return bool(known or agency or has_date or (region and _region_is_abbreviation(region)))


_AGENCY_NAMES_FOLDED = {name.casefold() for name in tables.AGENCY_NAMES}


def _agency_plausible(agency: str) -> bool:
    """"(AP)", "(dpa/lno)", "(CNN Business)": a known agency, a capitalised name or a short abbreviation."""
    inner = agency.strip().strip("()").strip()
    first = re.split(r"[\s/]", inner)[0]
    if first.casefold() in _AGENCY_NAMES_FOLDED or inner.casefold() in _AGENCY_NAMES_FOLDED:
        return True
    return first[:1].isupper() or (first.isalpha() and first.islower() and len(first) <= 5)


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
