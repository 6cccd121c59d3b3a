"""One identity per URL: the key requests, the frontier and archive look-ups all use.

    url_key("HTTP://Example.com:80/news/2.html?utm_source=nl&b=2&a=1#top")
    -> "http://example.com/news/2.html?a=1&b=2"

A key is w3lib's canonical form (what Scrapy's request fingerprints use: query arguments
sorted, percent-encoding normalised, fragment dropped) with the scheme and host lower-cased,
the default port dropped and tracking parameters (TRACKING_PARAMETERS) removed. The host keeps
its "www.": a site's www twin is the same site, but not necessarily the same page.

Also here, because discovery and the archive must agree on them: which canonical URLs a page
may claim (trusted_canonical), what kind of link a URL is (SKIP_PATTERNS, skip_kind), and
whether a URL looks like an article (looks_like_article), which decides where the crawl budget
goes first. No Scrapy here.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

from .hosts import without_www

#: Query parameters that say where a reader came from, never which page: dropped from keys.
#: Names are matched whole, lower-cased; an entry ending in "*" is a prefix.
TRACKING_PARAMETERS = (
    "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "__hstc", "__hssc", "__hsfp",
    "hsctatracking", "mkt_tok", "igshid", "igsh", "si", "ref_src", "ref_url", "cmpid",
    "ito", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee", "sr_share",
    "oly_anon_id", "oly_enc_id", "vero_id", "rb_clickid", "s_cid", "wt_mc", "wt.mc_id",
    "at_medium", "at_campaign", "xtor", "ocid", "ncid", "spm", "smid",
)

_EXACT = frozenset(name for name in TRACKING_PARAMETERS if not name.endswith("*"))
_PREFIXES = tuple(name[:-1] for name in TRACKING_PARAMETERS if name.endswith("*"))
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking_parameter(name: str) -> bool:
    name = name.lower()
    return name in _EXACT or name.startswith(_PREFIXES)


@functools.lru_cache(maxsize=16384)
def url_key(url: str) -> str:
    """The normalised key of a URL (see the module docstring); non-http(s) URLs as given.

    Cached: storing one fetch asks for the keys of its two URLs nine times, and w3lib's
    canonicalisation was a fifth of store_page's time (bench/archive.py).
    """
    url = url.strip()
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: leave the URL to w3lib as it is
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    if parts.username or parts.password:
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        kept = [(name, value) for name, value in pairs if not is_tracking_parameter(name)]
        if len(kept) != len(pairs):
            query = urlencode(kept)
    return canonicalize_url(urlunsplit((scheme, netloc, parts.path or "/", query, "")))


def site_host(url: str) -> str:
    """host[:port] of a URL, lower-cased, without a leading "www." (one site, both twins)."""
    return without_www(urlsplit(url_key(url)).netloc)


def is_home_page(url: str) -> bool:
    """True for a site's root: "/", "/index.html" and the like, without a query."""
    parts = urlsplit(url)
    return not parts.query and re.fullmatch(r"/?(index\.\w+)?", parts.path or "/") is not None


def trusted_canonical(canonical: str | None, page_url: str, *,
                      claimed_elsewhere: bool = False) -> str | None:
    """The key of a page's canonical URL when it can be trusted as the story's identity, else None.

    Trusted only when it stays on the page's site (same host, www twins alike), is not the
    home page (templates that point every page's canonical at the root) and is not claimed
    already by different text fetched from another URL (`claimed_elsewhere`, which the archive
    knows: a site that stamps one canonical on many pages).
    """
    if not canonical or claimed_elsewhere:
        return None
    key = url_key(canonical)
    if urlsplit(key).scheme not in _DEFAULT_PORTS or site_host(key) != site_host(page_url):
        return None
    if is_home_page(key):
        return None
    return key


# -- what kind of link a URL is -----------------------------------------------------------------

#: Links not followed by default, by kind: regexes searched in the URL's path and query,
#: lower-cased ("/tag/climate", "?s=storm"). A site overrides a kind with its own patterns
#: (Site.skip = {"tag": [...]}), or follows it with an empty list.
SKIP_PATTERNS: dict[str, tuple[str, ...]] = {
    "tag": (r"/(tags?|topics?|schlagworte?|stichworte?|themen|etiquetas?|mots-cles|keywords?"
            r"|hashtags?|etiket(ler)?|argomenti|onderwerp(en)?|temat|emner|aiheet)/", r"[?&]tags?="),
    "author": (r"/(authors?|autor(en|es|zy|[ei])?|auteurs?|byline|contributors?|journalists?"
               r"|writers?|redakteure?|people|profiles?|yazar(lar)?|forfattere?|skribent(er)?"
               r"|toimittajat?|szerzok?)/",),
    "search": (r"/(search|suche|recherche|buscar|busca|zoeken|cerca)(/|\.\w+)?($|\?)",
               r"[?&](q|s|query|search|searchterm|keys)="),
    "login": (r"/(login|log-in|logout|signin|sign-in|signup|sign-up|register|registration"
              r"|account|my-account|myaccount|anmelden|connexion|subscribe|abo|wp-login\.php"
              r"|wp-admin|user/(login|register|password))(/|\.\w+)?($|\?)",
              r"[?&](redirect_to|return_to|returnurl)="),
    "print": (r"/print(/|\.\w+)?($|\?)", r"^/print/",
              r"[?&](print|printable|output)=(1|true|yes|print)", r"[?&]view=print",
              r"/(drucken|imprimer)(/|$)"),
    "share": (r"/(share|sharer|sharing|email-a-friend|send-to-friend)(/|\.\w+)?($|\?)",
              r"/intent/(tweet|post)", r"[?&](share|sharer|shareurl|share_to)="),
    "comment": (r"/(comments?|kommentare?|commentaires?|comentarios?)(/|$|\?)",
                r"/(feed|rss)/comments", r"[?&](replytocom|showcomment|comment_id|comments?)="),
    "calendar": (r"^/(\d{4})(/\d{1,2}){0,2}/?($|\?)", r"/(calendar|kalender|calendrier"
                 r"|archives?|archiv)/\d{4}", r"[?&](date|day|month|year|m)=\d{4,8}(&|$)",
                 r"/(calendar|kalender|calendrier|events-calendar)(/|$)"),
}


def compile_skip_table(overrides: Mapping[str, Sequence[str | re.Pattern]] | None = None
                       ) -> dict[str, list[re.Pattern]]:
    """SKIP_PATTERNS with a site's overrides (kind -> patterns, text or compiled; [] follows
    that kind; a kind the table lacks is added)."""
    table = {**SKIP_PATTERNS, **(overrides or {})}
    return {kind: [pattern if isinstance(pattern, re.Pattern) else re.compile(pattern, re.I)
                   for pattern in patterns]
            for kind, patterns in table.items()}


DEFAULT_SKIP_TABLE = compile_skip_table()


def _path_and_query(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + ("?" + parts.query if parts.query else "")


def skip_kind(url: str, table: Mapping[str, Sequence[re.Pattern]] = DEFAULT_SKIP_TABLE, *,
              allow: Sequence[re.Pattern] = (), deny: Sequence[re.Pattern] = ()) -> str | None:
    """Why a link is not followed ("tag", "author", ..., "denied"), else None.

    The site's allow/deny patterns (regexes searched in the whole URL) come first: a URL that
    matches `deny`, or none of `allow` when there is one, is "denied"; a URL matching `allow`
    is followed whatever the table says.
    """
    if any(pattern.search(url) for pattern in deny):
        return "denied"
    if allow:
        return None if any(pattern.search(url) for pattern in allow) else "denied"
    target = _path_and_query(url)
    for kind, patterns in table.items():
        if any(pattern.search(target) for pattern in patterns):
            return kind
    return None


_ARTICLE_PATH = [re.compile(pattern, re.I) for pattern in (
    r"/(19|20)\d\d/[01]?\d/",                        # /2024/05/... dated paths
    r"/(19|20)\d\d-[01]\d-[0-3]\d",                  # /2024-05-17-...
    r"[-_/]\d{5,}(\.\w+)?/?$",                       # a numeric story id at the end
    r"(^|/)[^/]*?\w+-\w+-\w+[^/]*/?$",               # a slug of three words or more
    r"/(story|article|artikel|articles|news|a|p)/[^/]+\.\w{2,5}$",
)]
_HUB_PATH = [re.compile(pattern, re.I) for pattern in (
    r"/page/\d+/?$",                                 # listing pagination
    r"/(section|sections|category|categories|ressort|rubrique|topics?)/",
)]


@functools.lru_cache(maxsize=16384)  # asked again for each page linking the URL
def looks_like_article(url: str) -> bool:
    """True when a URL's path says article (dated path, story id, long slug), not a hub.

    The query is not looked at: `?p=2` pages a section or an article alike."""
    path = urlsplit(url).path or "/"
    if is_home_page(url) or any(pattern.search(path) for pattern in _HUB_PATH):
        return False
    return any(pattern.search(path) for pattern in _ARTICLE_PATH)


#: Request priorities (Scrapy: higher first): the crawl budget goes to news sitemaps and
#: feeds, then to what looks like an article, then to hubs (home, sections, other pages).
PRIORITIES = {"sitemap": 300, "feed": 300, "article": 200, "hub": 100}
