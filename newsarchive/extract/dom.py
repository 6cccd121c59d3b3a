"""Lazy walks over an lxml tree that the XPath axes would evaluate in full.

`el.xpath("following::*[position() <= 80]")` makes libxml2 collect every following node of
the page before the predicate cuts it; a generator stops at the first element its caller
accepts, which on a news page is usually a few elements after the headline.
"""
from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from .tables import BLOCK_TAGS


def following_elements(element, *tags: str) -> Iterator:
    """Elements after `element` in document order, not its descendants (XPath's following
    axis), lazily; only those whose tag is in `tags` when tags are given."""
    tags = tags or (etree.Element,)  # elements only, as "*" (no comments or processing instructions)
    node = element
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(*tags)
        node = node.getparent()


def preceding_elements(element, *tags: str) -> Iterator:
    """Elements before `element` in the page, not its ancestors (XPath's preceding axis),
    nearest first, lazily; only those whose tag is in `tags` when tags are given."""
    tags = tags or (etree.Element,)
    node = element
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from reversed(list(sibling.iter(*tags)))
        node = node.getparent()


def holds_blocks(el) -> bool:
    """True when an element has a block-level child (a comment's tag is a function, which no
    tag set holds). A C slice and a plain loop: about half the cost of any() over the
    element's own iterator, and the passes ask this of most elements they meet."""
    for child in el[:]:
        if child.tag in BLOCK_TAGS:
            return True
    return False


def has_child(el, index: int) -> bool:
    """len(el) > index, without counting the children past it: len() walks every child, and
    a page may hold thousands of siblings."""
    try:
        el[index]
    except IndexError:
        return False
    return True
