"""Text of a subtree as paragraphs, and the small text measures the passes share."""
from __future__ import annotations

import re

from lxml import etree

from .tables import BLOCK_TAGS, CELL_TAGS, CJK_RANGES

_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"\w+", re.UNICODE)
#: Every character Python counts as whitespace (str.isspace, the regex \s).
WHITESPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
              "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
#: Edge characters a phrase loses before it is compared: trailing colons, arrows and
#: separators ("Related:", "Mehr ›"), leading quotes and bullets. Stripped with str.strip,
#: not an end-anchored regex, which would try every position of a long paragraph.
_TRAILING_PUNCT = WHITESPACE + ":：.!?»›>-–—|/▾▼▸▶►→↓"
_LEADING_PUNCT = WHITESPACE + "«‹<-–—|/►▶»"


def clean_space(text: str | None) -> str:
    """Collapse runs of whitespace (non-breaking and zero-width spaces included) to one space."""
    if not text:
        return ""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


def alternatives(phrases) -> str:
    """One regex alternation of the phrases, escaped, longest first: a phrase wins over one
    that is its own start ("AFP时事" before "AFP")."""
    return "|".join(sorted((re.escape(phrase) for phrase in phrases), key=len, reverse=True))


def normalize_phrase(text: str | None) -> str:
    """A short text as compared with the phrase tables: lower-case, spaces collapsed, no edge punctuation.
    Turkish "İ" lowers to "i" (str.lower() gives "i" and a combining dot: "İlgili" would never
    be the table's "ilgili")."""
    text = clean_space(text).lower().rstrip(_TRAILING_PUNCT).lstrip(_LEADING_PUNCT)
    return text.replace("’", "'").replace("i\u0307", "i")


def phrase_length_floor(text: str | None) -> int:
    """At most len(normalize_phrase(text)), without lowering the text (on non-ASCII text the
    costliest step): lowering never shortens a text, and the edge characters stripped are
    no letters, so they are the same before and after."""
    return len(clean_space(text).rstrip(_TRAILING_PUNCT).lstrip(_LEADING_PUNCT))


#: Characters a case-insensitive pattern takes for an ASCII letter (ı and İ for i, ſ for s)
#: where str.lower() does not give that letter (holds_hint tests them one by one).
_CASE_FOLD_ODD = frozenset("ıİſ")


def holds_hint(text: str, hints: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern whose every match holds one of `hints`
    (lower case) cannot match `text`: a test of substrings, far cheaper than the pattern."""
    return holds_hint_lower(text, text.lower(), hints)


def holds_hint_lower(text: str, lower: str, hints: tuple[str, ...]) -> bool:
    """holds_hint for a caller that has made `lower` (text.lower()) already, to test several
    hint lists on one text."""
    if case_folds_beyond_lower(text):
        return True
    return any(map(lower.__contains__, hints))


def case_folds_beyond_lower(text: str) -> bool:
    """True when text holds a letter that a case-insensitive pattern matches but lower() does
    not turn into its hint's letter (dotless ı, dotted İ, the long s): a test of hints in
    text.lower() cannot rule such a text out."""
    # (isascii reads a flag; three substring scans in C beat hashing every character)
    return not text.isascii() and ("ı" in text or "İ" in text or "ſ" in text)


def hints_pattern(hints) -> re.Pattern:
    """A pattern found in a text exactly when one of `hints` is in it, its alternatives merged
    by their common starts (a trie): re tries an alternation's branches one by one at every
    position, which for sixty words costs more than sixty substring scans; merged, a position
    tries one branch per distinct character. A hint holding a shorter one adds nothing."""
    trie: dict = {}
    for hint in hints:
        node = trie
        for ch in hint:
            node = node.setdefault(ch, {})
        node[""] = {}  # a hint ends here

    def alternation(node: dict) -> str:
        if "" in node:  # a hint ends here: what would follow is not needed for a match
            return ""
        branches = [re.escape(ch) + alternation(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(alternation(trie) if trie else "(?!)")  # (no hints: never found)


def tokens(text: str | None) -> list[str]:
    """Word tokens, as the referee counts them."""
    return _TOKEN.findall(text or "")


def text_weight(text: str) -> int:
    """Length of a text in Latin-character equivalents: a CJK character counts as three."""
    n = len(text)
    if n and CJK_RANGES.search(text):
        n += 2 * len(CJK_RANGES.findall(text))
    return n


#: What opening and closing an element does to paragraphs_of's lines: a block ends the line
#: before it and the one inside it, a cell puts a space at both ends, a heading (when marked)
#: ends lines like a block and marks the ones inside it.
_INLINE, _BLOCK, _CELL, _HEADING = 0, 1, 2, 4


def paragraphs_of(root, *, skip=None, headings=None) -> list:
    """The text under `root` split at block-level elements, whitespace collapsed, empties dropped.

    `skip`: a set of elements whose subtrees are left out (their tails are kept).
    `headings`: a set of elements whose text is a heading; when given, the result is a list
    of (text, is_heading) pairs instead of strings.

    The walk visits each element once (a tag-filtered iter in C) and keeps its open ancestors
    on a stack: an element whose parent is not the innermost open one closes those above its
    parent, whose tails come then; a childless element closes at once. iterwalk's start and end
    events (a tuple each, twice the elements) cost a fifth more (0.212 -> 0.175 ms a page).
    Comments and processing instructions are skipped, their tails too, as iterwalk skips them.
    (Reading a block of childless inline elements as one text was slower than this walk.)
    """
    out: list = []
    buf: list[str] = []
    marking = headings is not None
    heading_open = False

    def flush():
        text = clean_space("".join(buf))
        if text:
            out.append((text, heading_open) if marking else text)
        buf.clear()

    def opened(el, tag) -> int:
        """Start el's line effects; its kind, what closing it will do."""
        nonlocal heading_open
        kind = _INLINE
        if marking and el in headings:
            if buf:
                flush()
            heading_open = True
            kind = _HEADING
        if tag in BLOCK_TAGS:
            if buf:
                flush()
            return kind | _BLOCK
        if tag in CELL_TAGS:
            buf.append(" ")
            return kind | _CELL
        if tag == "br" and buf:
            flush()
        return kind

    def closed(kind: int) -> None:
        nonlocal heading_open
        if kind & _HEADING:
            if buf:
                flush()
            heading_open = False
        if kind & _BLOCK:
            if buf:
                flush()
        elif kind & _CELL:
            buf.append(" ")

    if skip is not None and root in skip:  # all left out but its tail, as before
        buf.append(root.tail or "")
        flush()
        return out
    # el.text and el.tail are read once each: every read builds a new string in lxml
    blocks, cells = BLOCK_TAGS, CELL_TAGS
    plain = skip is None and not marking
    elements = root.iter(etree.Element)
    next(elements, None)  # root itself, opened here
    open_elements, kinds = [root], [opened(root, root.tag)]
    text = root.text
    if text:
        buf.append(text)
    for el in elements:
        parent = el.getparent()
        while open_elements[-1] is not parent:
            kind = kinds.pop()
            if kind:
                closed(kind)
            tail = open_elements.pop().tail
            if tail:
                buf.append(tail)
        tag = el.tag
        if plain:  # the common call: the three tests of opened() inline
            if tag in blocks:
                kind = _BLOCK
                if buf:
                    flush()
            elif tag in cells:
                kind = _CELL
                buf.append(" ")
            else:
                kind = _INLINE
                if tag == "br" and buf:
                    flush()
        elif skip is not None and el in skip:
            # its subtree is left out (the elements under it are passed over), its tail kept
            for _ in range(sum(1 for _ in el.iter(etree.Element)) - 1):
                next(elements)
            tail = el.tail
            if tail:
                buf.append(tail)
            continue
        else:
            kind = opened(el, tag)
        text = el.text
        if text:
            buf.append(text)
        if len(el):
            open_elements.append(el)
            kinds.append(kind)
        else:
            if kind:
                closed(kind)
            tail = el.tail
            if tail:
                buf.append(tail)
    while kinds:  # the elements still open close, innermost first; root's tail is outside it
        kind = kinds.pop()
        if kind:
            closed(kind)
        element = open_elements.pop()
        if open_elements:
            tail = element.tail
            if tail:
                buf.append(tail)
    if buf:
        flush()
    return out


def text_of(el) -> str:
    """All text under an element, as lxml.html's text_content() gives it. That runs an XPath
    (string()) per call, whose set-up costs more than the text of most elements; lxml's text
    serializer builds the same string in about half the time, and a childless element's text
    is read directly, a third of the serializer's set-up (0.16 against 0.45 us): most
    paragraphs, links and headings the passes measure hold no element. Comments keep
    text_content()."""
    if isinstance(el.tag, str):
        if not len(el):
            return el.text or ""
        return etree.tostring(el, method="text", encoding=str, with_tail=False)
    return el.text_content()


def element_text(el) -> str:
    """All text of an element, whitespace collapsed."""
    try:
        return clean_space(text_of(el))
    except (ValueError, AttributeError):
        return ""


def _libc_memmem():
    """The C library's memmem (glibc, macOS, the BSDs), or None where there is none (Windows)."""
    try:
        import ctypes

        memmem = ctypes.CDLL(None)["memmem"]  # the symbols already loaded: no library search
    except (OSError, AttributeError, TypeError):
        return None, None
    memmem.restype = ctypes.c_void_p
    memmem.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t)
    return memmem, lambda data: ctypes.cast(ctypes.c_char_p(data), ctypes.c_void_p).value


_MEMMEM, _ADDRESS = _libc_memmem()


def bytes_contain(haystack: bytes, needle: bytes) -> bool:
    """needle in haystack, by the C library's memmem where there is one: a page's markup
    (~110 kB) is searched for a word in 0.04 ms instead of 0.12 (Python's search for a word of
    common letters, as markup is made of, advances a byte or two at a time)."""
    if _MEMMEM is None or not needle:
        return needle in haystack
    return _MEMMEM(haystack, len(haystack), needle, len(needle)) is not None


class BytesSearch:
    """bytes.find over one bytes object by the C library's memmem (see bytes_contain), for a
    caller searching it for many words from many places."""

    def __init__(self, haystack: bytes):
        self.haystack = haystack  # held: the address below points into it
        self._base = _ADDRESS(haystack) if _MEMMEM is not None else None

    def find(self, needle: bytes, start: int = 0) -> int:
        """haystack.find(needle, start), start >= 0."""
        size = len(self.haystack)
        if self._base is None or not needle or start > size:
            return self.haystack.find(needle, start)
        found = _MEMMEM(self._base + start, size - start, needle, len(needle))
        return -1 if found is None else found - self._base


#: Most answers each remembered() cache keeps before it starts again, and the longest text it
#: keeps an answer for (headings, prompts, captions and promo lines are short; a long text is
#: seldom asked about twice and costs memory).
REMEMBERED_MAX = 20_000
REMEMBERED_TEXT_MAX = 400
_UNKNOWN = object()


def remembered(cache: dict, text, judge, *args):
    """judge(text, *args), kept in `cache` by text: for the passes' pure verdicts on short
    texts, which a site repeats page after page (a cache per verdict and arguments)."""
    if text and len(text) > REMEMBERED_TEXT_MAX:
        return judge(text, *args)
    answer = cache.get(text, _UNKNOWN)
    if answer is _UNKNOWN:
        if len(cache) > REMEMBERED_MAX:
            cache.clear()
        answer = cache[text] = judge(text, *args)
    return answer
