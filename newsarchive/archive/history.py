"""An article's history: its versions, each with a word diff against the one before.

The diff is by words, as `git diff --word-diff` shows it: `[-removed-]{+added+}`. Words are
runs of letters and digits, single punctuation marks and single CJK characters (Chinese and
Japanese are written without spaces), so a corrected comma or one changed character is
marked on its own.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import click

_TOKEN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|\w+|\s+|[^\w\s]")

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
#: Marks around removed and added text in plain output, as git --word-diff=plain writes them.
PLAIN_MARKS = {DELETE: ("[-", "-]"), INSERT: ("{+", "+}")}
COLOURS = {DELETE: "red", INSERT: "green"}


@dataclass(frozen=True)
class Change:
    """A run of text a diff keeps, removes or adds."""

    op: str
    """"equal", "delete" or "insert"."""
    text: str

    def to_dict(self) -> dict:
        return {"op": self.op, "text": self.text}


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def word_diff(old: str | None, new: str | None) -> list[Change]:
    """The changes that turn `old` into `new`, word by word; the texts, joined, give each side.

    A removal followed by an addition is a replacement. Whitespace alone between two changes
    goes into them ("[-a b-]{+c d+}" rather than "[-a-]{+c+} [-b-]{+d+}").
    """
    before, after = tokens(old or ""), tokens(new or "")
    # autojunk off: it would treat frequent words (and spaces) as noise on long bodies
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    raw: list[Change] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            raw.append(Change(EQUAL, "".join(before[i1:i2])))
            continue
        if i2 > i1:
            raw.append(Change(DELETE, "".join(before[i1:i2])))
        if j2 > j1:
            raw.append(Change(INSERT, "".join(after[j1:j2])))
    return _merge(_absorb_lone_spaces(raw))


def _absorb_lone_spaces(changes: list[Change]) -> list[Change]:
    result: list[Change] = []
    for index, change in enumerate(changes):
        between_changes = (0 < index < len(changes) - 1 and change.op == EQUAL
                           and change.text.isspace() and "\n\n" not in change.text
                           and changes[index - 1].op != EQUAL and changes[index + 1].op != EQUAL)
        if between_changes:
            result += [Change(DELETE, change.text), Change(INSERT, change.text)]
        else:
            result.append(change)
    return result


def _merge(changes: Iterable[Change]) -> list[Change]:
    """Join neighbouring runs: all removals of a stretch before all its additions."""
    result: list[Change] = []
    stretch: dict[str, list[str]] = {DELETE: [], INSERT: []}

    def flush():
        for op in (DELETE, INSERT):
            if stretch[op]:
                result.append(Change(op, "".join(stretch[op])))
                stretch[op] = []

    for change in changes:
        if change.op == EQUAL:
            flush()
            if result and result[-1].op == EQUAL:
                result[-1] = Change(EQUAL, result[-1].text + change.text)
            else:
                result.append(change)
        else:
            stretch[change.op].append(change.text)
    flush()
    return [change for change in result if change.text]


def is_changed(changes: list[Change]) -> bool:
    return any(change.op != EQUAL for change in changes)


def render(changes: list[Change], *, colour: bool = False, full: bool = False) -> str:
    """The diff as text with [-removed-]{+added+} marks (or red and green on a terminal).

    Unless `full`, paragraphs without a change are left out, each run of them shown as a
    "[… N unchanged paragraphs …]" line.
    """
    def mark(change: Change) -> str:
        if change.op == EQUAL:
            return change.text
        if colour:
            return click.style(change.text, fg=COLOURS[change.op],
                               strikethrough=change.op == DELETE)
        start, end = PLAIN_MARKS[change.op]
        return f"{start}{change.text}{end}"

    # paragraphs as lists of changes, split at blank lines inside equal runs
    paragraphs: list[list[Change]] = [[]]
    for change in changes:
        if change.op != EQUAL:
            paragraphs[-1].append(change)
            continue
        pieces = re.split(r"(\n\s*\n)", change.text)
        for number, piece in enumerate(pieces):
            if number % 2:
                paragraphs.append([])
            elif piece:
                paragraphs[-1].append(Change(EQUAL, piece))
    lines, skipped = [], 0
    for paragraph in paragraphs:
        if not full and not is_changed(paragraph):
            skipped += bool(paragraph)
            continue
        if skipped:
            lines.append(_skipped(skipped))
            skipped = 0
        lines.append("".join(mark(change) for change in paragraph))
    if skipped and len(lines):
        lines.append(_skipped(skipped))
    return "\n\n".join(lines)


def _skipped(count: int) -> str:
    return f"[… {count} unchanged paragraph{'s' if count > 1 else ''} …]"


def history(versions: list[dict]) -> list[dict]:
    """Versions (oldest first, as Archive.article_versions gives them), each with the changes
    to its headline and body since the version before (None for the first)."""
    result, previous = [], None
    for number, version in enumerate(versions, 1):
        entry = {"version": number, **version}
        if previous is None:
            entry["headline_changes"] = entry["body_changes"] = None
        else:
            entry["headline_changes"] = [change.to_dict() for change in
                                         word_diff(previous["headline"], version["headline"])]
            entry["body_changes"] = [change.to_dict() for change in
                                     word_diff(previous["body"], version["body"])]
        result.append(entry)
        previous = version
    return result


def render_history(url: str, entries: list[dict], *, colour: bool = False,
                   full: bool = False) -> str:
    """What `newsarchive history` prints: each version's header, then what changed in it."""
    count = len(entries)
    out = [f"{url}: {count} version{'s' if count != 1 else ''}"]
    for entry in entries:
        header = (f"version {entry['version']}  {entry['fetched_at']}"
                  f"  {entry['content_hash'][:12]}  page {entry['page_id']}")
        out.append("")
        out.append(click.style(header, bold=True) if colour else header)
        if entry["body_changes"] is None:
            out.append(f"  {entry['headline']}")
            continue
        headline = [Change(**c) for c in entry["headline_changes"]]
        body = [Change(**c) for c in entry["body_changes"]]
        if is_changed(headline):
            out.append("  headline: " + render(headline, colour=colour, full=True))
        else:
            out.append(f"  {entry['headline']}")
        if is_changed(body):
            text = render(body, colour=colour, full=full)
            out.append("\n".join("  " + line if line else "" for line in text.split("\n")))
        elif not is_changed(headline):
            out.append("  (same headline and body)")
    return "\n".join(out)

