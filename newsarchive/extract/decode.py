"""Bytes to text, text to one lxml tree.

The charset comes from, in order: the HTTP Content-Type header, a byte-order mark,
the page's own <meta charset> / http-equiv declaration, then detection. A declared
charset is only trusted when the bytes actually decode with it: pages that declare
UTF-8 but are GBK or Windows-1252 are common, so a failed strict decode falls back
to detection instead of filling the text with replacement characters.
"""
from __future__ import annotations

import codecs
import re
import threading
import zlib
from typing import NamedTuple

import lxml.html
from lxml import etree

_CHARSET_PARAM = re.compile(rb"""charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)
_CHARSET_PARAM_STR = re.compile(r"""charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,400}?charset\s*=\s*["']?\s*([\w.:\-]+)""", re.I)
_XML_DECLARATION = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([\w.:\-]+)""", re.I)
_XML_DECLARATION_STR = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
#: Every tag but those of the page's head, paragraphs, headings, line breaks, links and images,
#: none of which nest: what a page nested past libxml2's depth limit is flattened to.
_NESTING_TAG = re.compile(
    rb"</?(?!(?:html|head|body|title|meta|link|base|script|style|p|h[1-6]|br|hr|a|img|time)[\s/>])"
    rb"[a-zA-Z][^>]*>", re.I)
#: A <title> start tag, and the first tag after it: when that is not "</title>", the title was
#: left open (or "<title>" typed for "</title>").
_TITLE_START = re.compile(rb"<title\b[^>]*>", re.I)
_TAG_START = re.compile(rb"<(?:/?[a-zA-Z]|!)")
_TITLE_END = re.compile(rb"</title|<title\s*>", re.I)

#: How far into the page a <meta charset> may be looked for (HTML says 1024; pages overshoot).
META_SCAN_BYTES = 8192

#: Labels pages declare that Python spells differently, or that browsers treat as a superset.
CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252", "us-ascii": "cp1252",
    "ascii": "cp1252", "iso-8859-9": "cp1254", "tis-620": "cp874", "iso-8859-11": "cp874",
    "x-sjis": "cp932", "shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932",
    "windows-31j": "cp932", "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "x-euc-jp": "euc_jp",
    "big5": "big5hkscs", "x-mac-roman": "mac_roman", "unicode": "utf-8", "utf8": "utf-8",
    "x-user-defined": "cp1252",
}

#: Valid non-ASCII characters needed per broken UTF-8 sequence to still read a page as UTF-8.
MIN_VALID_PER_ERROR = 20

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def normalize_charset(label: str | bytes | None) -> str | None:
    """A Python codec name for a declared charset label, or None when unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").lower()
    label = CHARSET_ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # UTF-16/32 declared in a meta tag of a page we could read as ASCII is a lie
    return CHARSET_ALIASES.get(name, name)


def header_charset(headers: dict | None) -> str | None:
    """The charset parameter of the Content-Type header (header names matched case-insensitively)."""
    if not headers:
        return None
    for name, value in headers.items():
        if isinstance(name, bytes):
            name = name.decode("latin-1")
        if name.lower() != "content-type" or value is None:
            continue
        if isinstance(value, (list, tuple)):
            value = value[0] if value else ""
        if isinstance(value, bytes):
            value = value.decode("latin-1")
        match = _CHARSET_PARAM_STR.search(value)
        return normalize_charset(match.group(1)) if match else None
    return None


def bom_charset(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, or None."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares in its first bytes (<meta charset>, http-equiv, <?xml?>)."""
    head = data[:META_SCAN_BYTES]
    match = _META_CHARSET.search(head) or _XML_DECLARATION.search(head)
    if not match:
        return None
    name = normalize_charset(match.group(1))
    if name and name.startswith("utf-16") or name and name.startswith("utf-32"):
        # a page readable as ASCII bytes cannot really be UTF-16: browsers read it as UTF-8
        return "utf-8"
    return name


def decodes_cleanly(data: bytes, charset: str) -> str | None:
    """The text if `data` decodes strictly with `charset`, else None."""
    try:
        return data.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def mostly_utf8(data: bytes) -> str | None:
    """The text when `data` is UTF-8 with a few broken sequences (a truncated character in a
    teaser), else None. Text in another encoding breaks UTF-8 on nearly every non-ASCII byte."""
    text = data.decode("utf-8", "replace")
    errors = text.count("\ufffd")
    if errors > max(8, len(data) // 5000):
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore")) - errors
    if non_ascii >= MIN_VALID_PER_ERROR * errors:
        return text
    return None


#: The encodings browsers support (the WHATWG Encoding Standard), as Python codecs: detection
#: only chooses among them. Left free, charset-normalizer reads short Western pages as
#: mac_latin2 or cp775, which no web page is written in.
WEB_ENCODINGS = (
    "utf_8", "utf_16", "cp866", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_5", "iso8859_6",
    "iso8859_7", "iso8859_8", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "koi8_r", "koi8_u", "mac_roman", "mac_cyrillic", "cp874", "cp1250", "cp1251",
    "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gb18030", "big5",
    "euc_jp", "iso2022_jp", "shift_jis", "cp932", "euc_kr", "cp949",
)

#: Multi-byte encodings by family: a detector's name for one is as good as another's.
MULTIBYTE_FAMILIES = {
    "gb18030": "gb", "gbk": "gb", "gb2312": "gb", "hz": "gb",
    "big5": "big5", "big5hkscs": "big5", "cp950": "big5",
    "cp932": "sjis", "shift_jis": "sjis", "shift_jis_2004": "sjis", "shift_jisx0213": "sjis",
    "euc_jp": "eucjp", "euc_jis_2004": "eucjp", "euc_jisx0213": "eucjp",
    "cp949": "kr", "euc_kr": "kr", "johab": "kr",
}


def detect_charset(data: bytes) -> str | None:
    """Best guess of the encoding with charset-normalizer, among the web's encodings."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a declared dependency
        return None
    best = from_bytes(data[:200_000], cp_isolation=list(WEB_ENCODINGS)).best()
    return normalize_charset(best.encoding) if best is not None else None


def multibyte_family(charset: str | None) -> str | None:
    if not charset:
        return None
    return MULTIBYTE_FAMILIES.get(codecs.lookup(charset).name.replace("-", "_"))


def stray_error_limit(data: bytes) -> int:
    """Most bad sequences a reading may have and still be the page's charset: a few stray
    bytes (a character cut in a teaser), not a wrong charset's errors on every other byte."""
    return max(3, len(data) // 2000)


def mostly_multibyte(data: bytes) -> str | None:
    """The text when undeclared bytes are Chinese, Japanese or Korean with a few broken
    sequences (a teaser cut in the middle of a character), else None.

    A detector drops a codec at its first bad byte, and then reads such a page as a Cyrillic
    single-byte charset. Each multi-byte codec that reads the bytes with a few errors is
    checked by detecting again on the bytes with the broken sequences taken out: Latin or
    Cyrillic text often reads as GBK pairs too, but is then detected as what it is.
    """
    for codec in ("gb18030", "big5hkscs", "cp932", "euc_jp", "cp949"):
        text = data.decode(codec, "replace")
        errors = text.count("\ufffd")
        if not errors or errors > stray_error_limit(data):
            continue
        repaired = text.replace("\ufffd", "").encode(codec, "ignore")
        if multibyte_family(detect_charset(repaired)) == MULTIBYTE_FAMILIES[codec]:
            return text
    return None


class Decoded(NamedTuple):
    """A page decoded to text."""

    text: str
    utf8: bytes | None = None
    """The page's own bytes when they are exactly `text` in UTF-8 (a valid UTF-8 page), so
    parse_html need not encode the text again."""


class ParsedPage(NamedTuple):
    """A page parsed to one tree, with its markup for substring tests."""

    tree: lxml.html.HtmlElement | None
    markup: str | bytes
    """The page's text, or its bytes when they are valid UTF-8 (an ASCII substring is in one
    exactly when it is in the other)."""


def parse_page(data: bytes | str, headers: dict | None = None) -> ParsedPage:
    """decode_page then parse_html, with the same tree; never raises.

    Bytes that decode_page would read as UTF-8 go to libxml2 undecoded: libxml2 checks every
    byte of its UTF-8 input and logs an encoding error at the first bad one, so Python's
    decoding (a tenth of a millisecond a page, only to learn the bytes are valid) runs only
    when the parse logged such an error or stopped logging (MAX_LOGGED_PARSE_ERRORS); invalid
    bytes then take decode_page's way.
    """
    if isinstance(data, (bytes, bytearray, memoryview)):
        data = bytes(data)
        if _utf8_candidate(data, headers):
            tree = _parse_utf8(data)
            if tree is not False:
                return ParsedPage(tree, data)
        if data[:2] == _GZIP_MAGIC:
            # a gzipped page served without its Content-Encoding (or compressed twice)
            unzipped = gunzipped(data)
            if unzipped is not None and unzipped[:2] != _GZIP_MAGIC:
                return parse_page(unzipped, headers)
    page = decode_page(data, headers)
    if looks_binary(page.text):
        return ParsedPage(None, page.text)  # an image, a PDF or an archive served as a page
    return ParsedPage(parse_html(page.text, utf8=page.utf8), page.text)


_GZIP_MAGIC = b"\x1f\x8b"
#: The most bytes a gzipped page is unpacked to (more is a bomb, not a page).
GUNZIPPED_MAX = 32 * 1024 * 1024


def gunzipped(data: bytes) -> bytes | None:
    """The gzip stream's bytes (GUNZIPPED_MAX at most), or None when it is no gzip stream."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, GUNZIPPED_MAX)
    except zlib.error:
        return None


#: Characters no text page holds but binary data read as text does: C0 controls other than
#: white space, and U+FFFD for bytes no decoding could read.
_BINARY_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
#: Share of such characters in a page's opening 4,096 above which it is binary (random bytes
#: read as cp1252 give ~12%; real pages in any encoding well under 1%).
BINARY_SHARE = 0.05


def looks_binary(text: str) -> bool:
    """True for binary data (an image, a PDF, a zip) read as text: no page to extract."""
    head = text[:4096]
    return len(head) >= 64 and len(_BINARY_CHARS.findall(head)) > BINARY_SHARE * len(head)


#: libxml2 logs at most this many errors a parse (XML_MAX_ERRORS): a log this long may have lost
#: an encoding error.
MAX_LOGGED_PARSE_ERRORS = 100
#: What libxml2 logs at a bad byte, and at the nesting limit (it stops reading there).
_UTF8_DOUBTS = frozenset({etree.ErrorTypes.ERR_INVALID_ENCODING, etree.ErrorTypes.ERR_INVALID_CHAR,
                          etree.ErrorTypes.ERR_RESOURCE_LIMIT})
#: The ASCII characters str.isspace() and the regex \s of a str count as white space.
_ASCII_SPACE = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def _utf8_candidate(data: bytes, headers: dict | None) -> bool:
    """Whether decode_page reads these bytes by its UTF-8 try and parse_html parses them as they
    are: no BOM, no UTF-16/32 header, not ASCII, and opening (after white space) with an ASCII
    character that is not an XML declaration's "<?xml"."""
    if not data or bom_charset(data) or data.isascii():
        return False
    header = header_charset(headers)
    if header and header.startswith(("utf-16", "utf-32")):
        return False
    opening = data[:64].lstrip(_ASCII_SPACE)
    return bool(opening) and opening[0] < 0x80 and opening[:5].lower() != b"<?xml"


def _parse_utf8(data: bytes):
    """parse_html's tree of bytes that may be UTF-8; False when they need decode_page's reading
    (libxml2 found a bad byte, or may have) or parse_html's fallbacks (the parse failed)."""
    try:
        tree, doubtful = _parse_utf8_bytes(data)
    except Exception:  # noqa: BLE001 - parse_html's own fallbacks need the text
        return False
    if doubtful and decodes_cleanly(data, "utf-8") is None:
        return False
    return tree if isinstance(tree.tag, str) else None


def decode_html(data: bytes | str, headers: dict | None = None) -> str:
    """Decode a page to text: HTTP charset, BOM, meta charset, then detection; never raises."""
    return decode_page(data, headers).text


def decode_page(data: bytes | str, headers: dict | None = None) -> Decoded:
    """decode_html's text, with the page's bytes when they are that text's UTF-8."""
    if data is None:
        return Decoded("")
    if isinstance(data, str):
        return Decoded(data)
    data = bytes(data)
    if not data:
        return Decoded("")
    bom = bom_charset(data)
    if bom:
        return Decoded(data.decode(bom, "replace").lstrip("\ufeff"))
    header = header_charset(headers)
    if header and header.startswith(("utf-16", "utf-32")):
        text = decodes_cleanly(data, header)
        if text is not None:
            return Decoded(text)
    if not data.isascii():
        # valid multi-byte UTF-8 almost never happens by chance in another encoding, while
        # pages that declare a legacy charset but are really UTF-8 are common
        text = decodes_cleanly(data, "utf-8")
        if text is not None:
            return Decoded(text, data)
        text = mostly_utf8(data)
        if text is not None:
            return Decoded(text)
    tried = []
    for charset in (header, declared_charset(data)):
        if charset and charset not in tried and not charset.startswith(("utf-16", "utf-32")):
            tried.append(charset)
            text = decodes_cleanly(data, charset)
            if text is not None:
                return Decoded(text)
    if data.isascii():
        return Decoded(data.decode("ascii"), data)
    detected = detect_charset(data)
    if multibyte_family(detected) is None:
        text = mostly_multibyte(data)
        if text is not None:
            return Decoded(text)
    if detected:
        text = decodes_cleanly(data, detected)
        if text is not None:
            return Decoded(text)
    for charset in tried + ["gb18030", "cp1252"]:
        if detected is None or charset != detected:
            # a declared charset with a few stray bytes is still the best reading
            text = data.decode(charset, "replace")
            if text.count("\ufffd") <= stray_error_limit(data):
                return Decoded(text)
    return Decoded(data.decode(detected or "utf-8", "replace"))


_local = threading.local()


def html_parser(encoding: str | None = None) -> etree.HTMLParser:
    """This thread's HTML parser (for text in `encoding`, when given): lxml.html elements
    through the C-level default class lookup, no ID table.

    lxml.html's own lookup is a Python callback run for every element proxy (to give forms
    and inputs their special classes, which extraction never uses); the default lookup makes
    every element an lxml.html.HtmlElement with no Python call, which speeds up every pass.
    libxml2's table of id attributes serves only XPath's id() and getElementById, which no
    pass calls; not filling it saves some 5% of the parse.
    """
    parsers = getattr(_local, "parsers", None)
    if parsers is None:
        parsers = _local.parsers = {}
    parser = parsers.get(encoding)
    if parser is None:
        parser = etree.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False,
                                  huge_tree=True, encoding=encoding)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
        parsers[encoding] = parser
    return parser


def parse_html(text: str, utf8: bytes | None = None) -> lxml.html.HtmlElement | None:
    """Parse a page once with lxml.html; None when there is nothing usable. Never raises.

    utf8: the text's exact UTF-8 encoding when the caller has it (Decoded.utf8)."""
    if not text or text.isspace():
        return None
    if isinstance(text, bytes):
        text, utf8 = decode_page(text)
    # lxml refuses str input that carries an encoding declaration
    declaration = _XML_DECLARATION_STR.match(text)
    if declaration:
        text, utf8 = text[declaration.end():], None
    try:
        tree = _parse_document(text, utf8)
    except (etree.ParserError, ValueError, TypeError):
        try:
            tree = lxml.html.fromstring(text.replace("\x00", ""), parser=html_parser())
        except Exception:  # noqa: BLE001 - unusable input is a None tree, never an exception
            return None
    except Exception:  # noqa: BLE001
        return None
    if tree is None or not isinstance(tree.tag, str):
        return None
    return tree


def _parse_document(text: str, utf8: bytes | None = None) -> lxml.html.HtmlElement:
    """The document tree of `text`, handed to libxml2 as UTF-8 bytes (`utf8`, else encoded
    here): from a str, lxml passes Latin-1, UTF-16 or UCS-4 buffers that libxml2 converts
    more slowly than Python encodes (some 6% of the parse). NUL characters are dropped
    (libxml2 would read each as U+FFFD)."""
    try:
        data = utf8 if utf8 is not None else text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: lxml reads the str itself
        return lxml.html.document_fromstring(text.replace("\x00", ""), parser=html_parser())
    return _parse_utf8_bytes(data)[0]


def _parse_utf8_bytes(data: bytes) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree of UTF-8 bytes (NULs dropped), and whether libxml2's first reading of them
    logged a bad byte or may have lost one (a full log, or a reading stopped part way)."""
    parser = html_parser("utf-8")
    data = data.replace(b"\x00", b"")
    tree = etree.fromstring(data, parser=parser)
    log = parser.error_log
    doubtful = len(log) >= MAX_LOGGED_PARSE_ERRORS or any(entry.type in _UTF8_DOUBTS for entry in log)
    if any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in log):
        # libxml2 gives up at 2,048 levels of nesting and drops the rest of the page: the page
        # is read again without its nesting tags (its paragraphs, headings and links stay)
        tree = etree.fromstring(_NESTING_TAG.sub(b"", data), parser=parser)
    if tree is not None and (tree.find("body") is None or _title_swallowed(tree)):
        # a <title> left open: HTML's parsing (libxml2 2.14 follows it) reads the rest of the
        # page as the title's text, so the page has no body (or only what stood before the
        # title); the browsers these pages were written for ended the title at the next tag,
        # and so does the second reading
        closed = title_closed(data)
        if closed is not None:
            tree = etree.fromstring(closed, parser=parser)
    if tree is None:
        raise etree.ParserError("Document is empty")
    return tree, doubtful


#: A <title> text longer than this is the rest of the page read into an unclosed title.
SWALLOWED_TITLE_LEN = 2000


def _title_swallowed(tree) -> bool:
    title = tree.find(".//title")
    return title is not None and len(title.text or "") > SWALLOWED_TITLE_LEN


def title_closed(data: bytes) -> bytes | None:
    """The page with its first <title> ended before the first tag after it ("<title>" typed for
    "</title>" becomes one); None when that tag is "</title>" or there is no title. Asked only
    of a page whose title swallowed it (no body, or a title longer than any): a closed title
    may hold a "<" of its own."""
    opening = _TITLE_START.search(data)
    if opening is None:
        return None
    tag = _TAG_START.search(data, opening.end())
    if tag is None:
        return None
    end = _TITLE_END.match(data, tag.start())
    if end is not None:
        if data[tag.start() + 1:tag.start() + 2] == b"/":
            return None  # closed as it should be
        return data[:tag.start()] + b"</title>" + data[end.end():]
    return data[:tag.start()] + b"</title>" + data[tag.start():]
