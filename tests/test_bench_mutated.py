"""bench/mutated.py: each page broken every way (figures not judged here)."""
from __future__ import annotations

from bench import mutated


def test_each_page_is_broken_every_way():
    page = b"<html><head><title>T</title><script>x</script></head><body><div><p>Text</p></div></body></html>"
    broken = list(mutated.broken_pages([("https://e.com/a", page)]))
    assert len(broken) == len(mutated.MUTATIONS) + len(mutated.SNIPPETS) == 17
    kinds = {kind: body for kind, _, body in broken}
    assert b"</div>" not in kinds["div_never_closed"] and b"</title>" not in kinds["title_never_closed"]
    figures = kinds[f"{mutated.INSERTED}_figures"]
    assert figures.startswith(b"<html><head><title>T</title><script>x</script></head><body><figure>")
    assert figures.count(b"<figure>") == mutated.INSERTED and figures.endswith(b"<div><p>Text</p></div></body></html>")
