"""The shortcuts that keep extraction fast must not change what it finds: cheap guards agree
with the patterns they stand before, and the running counts agree with counting afresh.
(No timing here: bench/worstcase.py measures the time.)"""
import re

import lxml.html
import pytest

from newsarchive.extract import tables
from newsarchive.extract.boilerplate import ListItems, item_of_text_list
from newsarchive.extract.prune import ProseGroups, group_prose, prose_weights, remove_element
from newsarchive.extract.score import text_stats
from newsarchive.extract.text import holds_hint


def top_level_alternatives(pattern: re.Pattern) -> list[str]:
    """The pattern's source split at its top-level "|"."""
    parts, depth, start, escaped, in_class = [], 0, 0, False, False
    source = pattern.pattern
    for i, ch in enumerate(source):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
    parts.append(source[start:])
    return parts


@pytest.mark.parametrize("pattern, hints", [
    (tables.READER_PROMPT_PATTERN, tables.READER_PROMPT_HINTS),
    (tables.DOWNLOAD_LINE_PATTERN, tables.DOWNLOAD_LINE_HINTS),
])
def test_every_alternative_holds_a_hint(pattern, hints):
    # a hint must be written out in each alternative (groups opened, "-?" taken as "-"), else a
    # text the alternative matches could hold no hint and never reach the pattern
    for alternative in top_level_alternatives(pattern):
        plain = alternative.lower().replace("\\", "").replace("(?:", "").replace(")", "")
        plain = plain.replace("-?", "-")
        assert any(hint in plain for hint in hints), alternative


@pytest.mark.parametrize("text", [
    "Like this story? Share it with a friend!",
    "Follow The Herald on Google News",
    "Hat Ihnen dieser Artikel gefallen?",
    "Jetzt die News-App laden",
    "Contact Anna Berger at anna@example.com.",
    "ſhare it with your friends",  # ſ is an s to a case-insensitive pattern, not to lower()
    "FOLLOW OUR LIVE UPDATES",
])
def test_reader_prompt_guard_lets_matches_through(text):
    assert tables.READER_PROMPT_PATTERN.search(text)
    assert holds_hint(text, tables.READER_PROMPT_HINTS)


def test_guard_stops_plain_text():
    assert not holds_hint("The council voted on Tuesday.", tables.READER_PROMPT_HINTS)


def test_list_item_counts_follow_removals():
    html = ("<ul>" + "".join(f'<li><a href="/{i}">Link {i}</a></li>' for i in range(3))
            + "".join(f"<li>Plain item number {i}</li>" for i in range(4)) + "</ul>")
    ul = lxml.html.fragment_fromstring(html)
    stats = text_stats(ul)
    lists = ListItems(stats)
    items = list(ul)
    while len(ul) > 1:
        for li in list(ul):
            assert item_of_text_list(li, stats, lists) == item_of_text_list(li, stats)
        victim = ul[-1]
        lists.forget(victim)
        remove_element(victim)
    assert item_of_text_list(items[0], stats, lists) is False


def test_prose_groups_follow_removals():
    long = "A paragraph of prose that is long enough to count as running text for the page. " * 2
    html = "<div>" + "".join(f'<div class="share"><p>{long}</p></div>' for _ in range(4)) + "</div>"
    root = lxml.html.fragment_fromstring(html)
    prose = prose_weights(root)
    groups = ProseGroups(prose)
    while len(root):
        first = root[0]
        assert groups(first) == group_prose(first, prose)
        groups.forget(first)
        remove_element(first)


def test_has_child_is_len_above():
    from newsarchive.extract.dom import has_child
    root = lxml.html.fragment_fromstring("<div>" + "<p>x</p>" * 5 + "</div>")
    assert [has_child(root, i) for i in range(7)] == [len(root) > i for i in range(7)]


def test_text_before_stops_past_enough_with_the_same_answer():
    from newsarchive.extract.boilerplate import text_before
    root = lxml.html.fragment_fromstring("<div>" + "<p>ten chars</p>" * 50 + "<p id='x'>end</p></div>")
    target = root.get_element_by_id("x") if hasattr(root, "get_element_by_id") else root[-1]
    full = text_before(target, root)
    for enough in (0, 10, 100, 449, 450, 1000):
        early = text_before(target, root, enough)
        assert (early > enough) == (full > enough)
        assert early == full or early > enough


def test_removed_elements_are_held_until_the_block_ends():
    import weakref

    from newsarchive.extract.prune import holding_removed
    root = lxml.html.fragment_fromstring("<div><aside><h1>a</h1></aside><p>text</p></div>")
    with holding_removed():
        aside = root[0]
        ref = weakref.ref(aside)
        remove_element(aside)
        del aside
        assert ref() is not None  # held: the references into it go first
    assert ref() is None
    assert [child.tag for child in root] == ["p"]


def test_block_log_describes_up_to_its_bound_then_lists():
    from newsarchive.extract.body import BlockLog
    blocks = BlockLog(described_max=3)
    root = lxml.html.fragment_fromstring(
        "<div>" + "".join(f"<aside>\n<h3>Related</h3>\n<p>Teaser {i}</p>\n</aside>" for i in range(10)) + "</div>")
    for aside in list(root):
        blocks(aside, "other")
    assert (blocks.described, blocks.past_bound) == (3, 7)
    records = blocks.records()
    # described in full: the heading split off and named; past the bound: the text's lines
    assert records[0].heading == "Related" and records[0].label == "related"
    assert records[-1].heading is None and records[-1].text == "Related\nTeaser 9"


def test_a_page_past_the_description_bound_still_gives_its_article(monkeypatch):
    from newsarchive.extract import body as body_pass
    from newsarchive.extract import extract
    article = "".join(f"<p>{LONG_PARAGRAPH} Part {i}.</p>" for i in range(5))
    teasers = "".join(f'<aside class="related"><a href="/s/{i}">Story {i}</a></aside>' for i in range(40))
    html = f"<html><body><article><h1>Title</h1>{article}</article>{teasers}</body></html>"
    full = extract(html)
    counts = []
    original = body_pass.BlockLog.records

    def records(self):
        counts.append((self.described, self.past_bound))
        return original(self)

    monkeypatch.setattr(body_pass, "DESCRIBED_BLOCKS_MAX", 10)
    monkeypatch.setattr(body_pass.BlockLog, "records", records)
    bounded = extract(html)
    assert counts and counts[-1][0] == 10 and counts[-1][1] >= 30  # the bound engaged
    assert bounded.body == full.body
    assert [b.text for b in bounded.boilerplate] == [b.text for b in full.boilerplate]


LONG_PARAGRAPH = ("The council voted on Tuesday to approve the new budget, which raises spending on "
                  "schools, roads and parks, after a debate that lasted most of the evening.")


def test_a_page_nested_past_the_parser_limit_still_gives_its_article():
    from newsarchive.extract import extract
    article = "".join(f"<p>{LONG_PARAGRAPH} Part {i}.</p>" for i in range(5))
    nest = "<div><span>level</span>" * 3000 + "</div>" * 3000
    page = f"<html><head><title>Title</title></head><body>{nest}<article><h1>Title</h1>{article}</article></body></html>"
    result = extract(page.encode())
    assert all(f"Part {i}." in result.body for i in range(5))
