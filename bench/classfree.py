"""newsarchive on pages stripped of every class and id attribute, as `--extractor bench.classfree:extract`.

Much of the chrome is found by its class ("sidebar", "comments", "newsletter"); a site whose
classes name nothing (table layouts, generated CSS-module or utility classes) or that names
things in words the tables do not hold must be read from its text and structure alone. Scored
beside newsarchive:extract, this shows how much each result leans on class names, and so how
it may fare on sites nobody tuned to:

    PYTHONPATH=. python ../shared/eval/score.py ../shared/eval/data/* --by-dataset --split check \
        --extractor bench.classfree:extract --extractor newsarchive:extract
"""
from __future__ import annotations

import lxml.html

from newsarchive.extract import extract as extract_page
from newsarchive.extract.decode import parse_page

#: The attributes taken away: what names an element, not what it is or says.
NAMING_ATTRIBUTES = ("class", "id")


def extract(html: bytes, url: str | None = None):
    """extract() of the page re-serialised without NAMING_ATTRIBUTES (the page as it is when
    it cannot be parsed)."""
    parsed = parse_page(html)
    if parsed is None or parsed.tree is None:
        return extract_page(html, url=url)
    for element in parsed.tree.iter():
        if isinstance(element.tag, str):
            for name in NAMING_ATTRIBUTES:
                element.attrib.pop(name, None)
    return extract_page(lxml.html.tostring(parsed.tree, encoding="utf-8"), url=url)
