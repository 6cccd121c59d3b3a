import lxml.html

from newsarchive.extract.dom import following_elements, holds_blocks, preceding_elements

PAGE = """<html><body>
<div id="top"><h1 id="headline">Title <b>bold</b></h1><p id="p1">one</p></div>
<section><div id="d1"><p id="p2">two</p></div><p id="p3">three</p></section>
</body></html>"""


def test_following_elements_matches_the_xpath_following_axis():
    tree = lxml.html.fromstring(PAGE)
    headline = tree.get_element_by_id("headline")
    assert list(following_elements(headline)) == headline.xpath("following::*")
    assert [e.get("id") for e in following_elements(headline, "p", "div")] == ["p1", "d1", "p2", "p3"]


def test_following_elements_is_lazy():
    tree = lxml.html.fromstring(PAGE)
    walk = following_elements(tree.get_element_by_id("headline"), "p")
    assert next(walk).get("id") == "p1"


def test_preceding_elements_is_the_xpath_preceding_axis_nearest_first():
    tree = lxml.html.fromstring(PAGE)
    last = tree.get_element_by_id("p3")
    assert list(preceding_elements(last)) == last.xpath("preceding::*")[::-1]
    assert [e.get("id") for e in preceding_elements(last, "p")] == ["p2", "p1"]


def test_holds_blocks_looks_at_children_only():
    div = lxml.html.fragment_fromstring("<div>a<!-- c --><span><p>deep</p></span><b>x</b></div>")
    assert not holds_blocks(div)  # the p is a grandchild
    assert holds_blocks(div[1])
    assert holds_blocks(lxml.html.fragment_fromstring("<div><!-- c --><ul><li>x</li></ul></div>"))
    assert not holds_blocks(lxml.html.fragment_fromstring("<p>text only</p>"))
