"""Declared cascades: each field's readers as an ordered list of named rules, run by one engine.

A field (headline, date_published, authors, the body container ...) is read by trying rules in
a declared order; the first rule that answers gives the value, and its name is recorded in
`Article.sources[field]` so anyone can audit where a value came from
(`select url from articles where sources ->> 'date_published' = 'url-path'`).

Every rule says what it reads and why it ranks where it does; the rule lists are data that
docs/extraction.md and the tests walk. Rules are cheap closures over a per-page context the
reader builds once; the engine stops at the first answer, so later (costlier) rules only run on
pages the earlier ones could not read.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Rule:
    """One way of reading a field."""

    name: str
    """The provenance recorded in Article.sources ("json-ld", "h1-nearest-body")."""
    reads: str
    """What the rule reads, in a phrase ("the JSON-LD article's datePublished")."""
    why: str
    """Why it ranks where it does among the field's rules."""
    run: Callable[[Any], Any]
    """Given the reader's context, the value, or None (or an empty value) when it has none."""


@dataclass(frozen=True)
class Answer:
    """A cascade's result: the value and the name of the rule that gave it (None: no rule did)."""

    value: Any = None
    rule: str | None = None


class Cascade:
    """The ordered rules of one field; `first(context)` runs them until one answers."""

    def __init__(self, field: str, rules: Sequence[Rule], *, register: bool = True):
        """register: list it in CASCADES (the declared ones; False for a cascade made on the fly)."""
        names = [rule.name for rule in rules]
        if len(set(names)) != len(names):
            raise ValueError(f"{field}: rule names must be unique, got {names}")
        self.field = field
        self.rules = tuple(rules)
        self._by_name = {rule.name: rule for rule in self.rules}
        if register:
            CASCADES[field] = self

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __getitem__(self, name: str) -> Rule:
        return self._by_name[name]

    def names(self) -> list[str]:
        return [rule.name for rule in self.rules]

    def first(self, context, start: int = 0) -> Answer:
        """The first answer (not None, not empty) of the rules from `start` on.

        A rule may answer with an Answer of its own to name a detail after its name
        ("container:article" from the rule "container")."""
        for rule in self.rules[start:]:
            value = rule.run(context)
            if isinstance(value, Answer):
                if value.value is not None:
                    return value
                continue
            if value is not None and value != [] and value != "":
                return Answer(value, rule.name)
        return Answer()


CASCADES: dict[str, Cascade] = {}
"""Every declared cascade by field name (filled as the reader modules are imported)."""


_FIELD_ORDER = ("headline", "date_published", "date_modified", "authors", "dateline", "body")


def describe() -> list[dict]:
    """The declared rules of every cascade, in order: {field, rank, name, reads, why} rows."""
    from . import authors, body, dateline, dates, headline  # noqa: F401 - importing declares their cascades
    order = {name: at for at, name in enumerate(_FIELD_ORDER)}
    cascades = sorted(CASCADES.values(), key=lambda cascade: order.get(cascade.field, len(order)))
    return [{"field": cascade.field, "rank": rank, "name": rule.name, "reads": rule.reads, "why": rule.why}
            for cascade in cascades for rank, rule in enumerate(cascade.rules, start=1)]


_TAG = re.compile(r"(<[a-z0-9]+(?: [^<>]*)?>)")


def rules_markdown() -> str:
    """The rule tables of docs/extraction.md ("Provenance"), one per field, from the declarations."""
    lines, field = [], None
    for row in describe():
        if row["field"] != field:
            field = row["field"]
            lines += ["", f"`sources[\"{field}\"]`:", "", "| # | rule | reads | why it ranks here |", "|---|---|---|---|"]
        reads, why = (_TAG.sub(r"`\1`", row[key]).replace("|", "\\|") for key in ("reads", "why"))
        lines.append(f"| {row['rank']} | `{row['name']}` | {reads} | {why} |")
    return "\n".join(lines[1:]) + "\n"


if __name__ == "__main__":  # python -m newsarchive.extract.cascade: the tables for the docs
    from newsarchive.extract import cascade  # the package's module, where the readers declared theirs
    print(cascade.rules_markdown(), end="")
