"""The cascade engine, and the docs' rule tables kept current with the declarations."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsarchive.extract.cascade import Answer, Cascade, Rule, describe, with_rules

DOCS = Path(__file__).resolve().parent.parent / "docs" / "extraction.md"


def test_the_first_rule_that_answers_wins_and_later_ones_do_not_run():
    asked = []

    def rule(name, value):
        return Rule(name, "reads", "why", lambda context: asked.append(name) or value)

    cascade = Cascade("test-field", [rule("none", None), rule("empty", []), rule("first", "A"), rule("later", "B")],
                      register=False)
    assert cascade.first(object()) == Answer("A", "first")
    assert asked == ["none", "empty", "first"]
    assert cascade.first(object(), start=3) == Answer("B", "later")
    assert Cascade("test-none", [rule("none", None)], register=False).first(object()) == Answer()


def test_a_rule_may_name_a_detail_of_its_answer():
    cascade = Cascade("test-detail", [Rule("container", "r", "w", lambda context: Answer([1], "container:article"))],
                      register=False)
    assert cascade.first(None) == Answer([1], "container:article")


def test_rule_names_are_unique_within_a_field():
    with pytest.raises(ValueError):
        Cascade("test-dupes", [Rule("a", "r", "w", lambda c: 1), Rule("a", "r", "w", lambda c: 2)], register=False)


def test_every_field_declares_its_rules_and_the_docs_list_them_in_order():
    fields = {row["field"] for row in describe()}
    assert {"headline", "date_published", "date_modified", "authors", "body"} <= fields
    assert all(row["reads"] and row["why"] for row in describe())
    # regenerate with: python -m newsarchive.extract.cascade docs/extraction.md
    document = DOCS.read_text(encoding="utf-8")
    assert with_rules(document) == document
