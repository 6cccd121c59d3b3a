"""Site profiles (extra keep/drop selectors for one site) and the site list, from config.

A profile file is TOML or JSON. TOML:

    [sites."example-news.com"]
    keep = ["div.story-text"]          # the article body is exactly these elements
    drop = [".promo-box", "#comments"] # remove these before extraction

JSON: {"sites": {"example-news.com": {"keep": [...], "drop": [...]}}}.

Selectors are CSS; one starting with "/" or "(" is XPath. A profile for "example-news.com"
also applies to its subdomains ("www.", "m."). The file is the one named by the environment
variable NEWSARCHIVE_SITES, else ./sites.toml when it exists.

The same file holds the site list of scheduled crawls: a [sites.NAME] table with `start` URLs
is a site (see Site for its keys), and its keep/drop apply to its hosts:

    [sites.example]
    start = ["https://example-news.com/", "https://example-news.com/news-sitemap.xml"]
    depth = 2
    max_pages = 500
    keep = ["div.story-text"]

load_site_list() reads and checks it (SiteListError names the site, the key and what was
expected); the profile loader stays lenient (a broken file gives no profiles, with a warning).
"""
from __future__ import annotations

import json
import logging
import os
import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .hosts import host_of, without_www

log = logging.getLogger(__name__)

ENV_VAR = "NEWSARCHIVE_SITES"
DEFAULT_FILE = "sites.toml"


@dataclass
class SiteProfile:
    """Extra selectors for one host."""

    host: str
    keep: list[str] = field(default_factory=list)
    """Selectors of the article body: when any matches, those elements are the body."""
    drop: list[str] = field(default_factory=list)
    """Selectors of elements removed (and kept as boilerplate) before extraction."""

    def select(self, tree, selectors: list[str]) -> list:
        """Elements of `tree` matching any of `selectors`, in page order, without duplicates."""
        found, seen = [], set()
        for selector in selectors:
            for el in run_selector(tree, selector):
                if el not in seen:
                    seen.add(el)
                    found.append(el)
        order = {el: i for i, el in enumerate(tree.iter())} if len(found) > 1 else {}
        return sorted(found, key=lambda el: order.get(el, 0))


def run_selector(tree, selector: str) -> list:
    """Matches of one CSS (or XPath) selector; an invalid selector matches nothing."""
    selector = selector.strip()
    if not selector:
        return []
    try:
        if selector.startswith(("/", "(")):
            result = tree.xpath(selector)
        else:
            result = tree.cssselect(selector)
    except Exception:  # noqa: BLE001 - a bad selector in user config must not break extraction
        log.warning("invalid site selector %r", selector)
        return []
    return [el for el in result if hasattr(el, "tag") and isinstance(el.tag, str)]


def parse_profiles(data: dict) -> dict[str, SiteProfile]:
    """Profiles keyed by host from the loaded file's data."""
    sites = data.get("sites", data) if isinstance(data, dict) else {}
    profiles = {}
    for host, entry in (sites or {}).items():
        if not isinstance(entry, dict):
            continue
        if not set(entry) <= PROFILE_KEYS:
            # a site of the site list: its keep/drop apply to its hosts
            try:
                site = parse_site(host, entry)
            except SiteListError as error:
                log.warning("site profiles: %s", error)
                continue
            for key, profile in site_profiles([site]).items():
                profiles.setdefault(key, profile)
            continue
        host = without_www(host.strip().rstrip("."))
        profiles[host] = SiteProfile(
            host=host,
            keep=[str(s) for s in entry.get("keep", []) if s],
            drop=[str(s) for s in entry.get("drop", []) if s],
        )
    return profiles


def load_profiles(path: str | os.PathLike | None = None) -> dict[str, SiteProfile]:
    """Read a profile file (TOML or JSON by content); {} when there is none or it is unreadable."""
    if path is None:
        path = os.environ.get(ENV_VAR) or (DEFAULT_FILE if Path(DEFAULT_FILE).is_file() else None)
    if not path:
        return {}
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        log.warning("cannot read site profiles from %s", path)
        return {}
    try:
        data = json.loads(raw) if raw.lstrip().startswith("{") else tomllib.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError):
        log.warning("cannot parse site profiles in %s", path)
        return {}
    return parse_profiles(data)


_cache: dict = {}


def _profiles() -> dict[str, SiteProfile]:
    """The profiles of the configured file, re-read when the file or the setting changes."""
    # asked once a page: one stat of the path as a string (two through pathlib cost 9 us)
    path = os.environ.get(ENV_VAR)
    try:
        status = os.stat(path or DEFAULT_FILE)
    except (OSError, ValueError):
        status = None
    if not path and status is not None and stat.S_ISREG(status.st_mode):
        path = DEFAULT_FILE
    stamp = (path, status.st_mtime_ns if path and status is not None else 0)
    if _cache.get("stamp") != stamp:
        _cache["stamp"] = stamp
        _cache["profiles"] = load_profiles(path) if path else {}
    return _cache["profiles"]


def profile_for(url: str | None, profiles: dict[str, SiteProfile] | None = None) -> SiteProfile | None:
    """The profile of a URL's host or of its closest parent domain, or None."""
    host = host_of(url)
    if not host:
        return None
    profiles = _profiles() if profiles is None else profiles
    if not profiles:
        return None
    labels = host.split(".")
    for i in range(len(labels) - 1):
        profile = profiles.get(".".join(labels[i:]))
        if profile is not None:
            return profile
    return None


# --- The site list ----------------------------------------------------------------------------
#
# A table under [sites] with a `start` key (or any key other than keep/drop) is a site of the
# site list, named by its key; one with only keep/drop is a host-keyed profile, as before.

#: Defaults of a site's optional keys.
DEFAULT_DEPTH = 3
DEFAULT_MAX_PAGES = 1000
DEFAULT_DELAY = 1.0
DEFAULT_CONCURRENCY = 2
DEFAULT_REVISIT = ("1h", "6h", "1d", "7d")

#: The keys of a site-list entry (keep and drop make its profile).
SITE_KEYS = ("start", "hosts", "depth", "max_pages", "delay", "concurrency", "revisit",
             "allow", "deny", "skip", "local", "keep", "drop")
PROFILE_KEYS = {"keep", "drop"}

#: A site's name: stats keys, download slots and the crawls.site column carry it.
SITE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.I)
DURATION_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
DEFAULT_PORTS = {"http": 80, "https": 443}


class SiteListError(ValueError):
    """A site list that cannot be used: the message names the file, the site, the key and
    what was expected."""


@dataclass(frozen=True)
class Site:
    """One site of the site list: where to start, what belongs to it, how politely and how far."""

    name: str
    """The site's name (its table's key): `--site NAME`, `-a site=NAME`, the `crawls.site` column,
    the download slot and the stats keys `newsarchive/<name>/<counter>`."""
    start: tuple[str, ...]
    """Start URLs (home, section, sitemap or feed pages), absolute http(s) URLs, fetched every run."""
    hosts: frozenset[str]
    """Hosts (lower-case, with a port unless the scheme's default) whose URLs belong to the site
    and are followed. Default: the start URLs' hosts and their www twins."""
    depth: int = DEFAULT_DEPTH
    """Link hops followed from the start pages (depth 0); pages a start sitemap or feed lists
    are one hop away."""
    max_pages: int = DEFAULT_MAX_PAGES
    """The most pages requested from this site in one run."""
    delay: float = DEFAULT_DELAY
    """Seconds between two requests to the site (robots.txt `Crawl-delay` wins when longer)."""
    concurrency: int = DEFAULT_CONCURRENCY
    """Requests to the site in flight at once."""
    revisit: tuple[float, ...] = ()
    """When to re-check an archived article, as ages in seconds (counted from its publication
    date, else from when it was first seen), ascending; after the last, never. Default 1h, 6h,
    1d, 7d; `revisit = []` turns revisits off (a sitemap or feed dating it still does)."""
    allow: tuple[re.Pattern, ...] = ()
    """URL patterns (regex, searched in the whole URL) a page linked from a page, sitemap or feed
    must match one of to be fetched; none: every URL of the site. Start URLs and sitemaps
    (robots.txt lines, sitemap index entries) are exempt: they are where links come from."""
    deny: tuple[re.Pattern, ...] = ()
    """URL patterns (regex, searched) of pages never fetched, likewise; deny wins over allow."""
    skip: dict[str, tuple[re.Pattern, ...]] | None = field(default=None, hash=False)
    """Per-site overrides of the skipped-URL-kind table (tag, author, search, print...): kind ->
    patterns; an empty list follows that kind. None: the default table."""
    local: bool = False
    """Declared local: its hosts may be loopback or private addresses."""
    profile: SiteProfile | None = field(default=None, hash=False)
    """Extraction keep/drop selectors for the site's pages (its `keep` and `drop` keys)."""

    def owns(self, url: str) -> bool:
        """True when url is http(s) and its host (and port) is one of the site's hosts."""
        netloc = url_netloc(url)
        return netloc is not None and netloc in self.hosts

    def allows(self, url: str) -> bool:
        """True unless the site's allow/deny patterns exclude url."""
        if any(pattern.search(url) for pattern in self.deny):
            return False
        return not self.allow or any(pattern.search(url) for pattern in self.allow)

    def follows(self, url: str) -> bool:
        """True when a link to url is to be followed: owned, allowed and not denied."""
        return self.owns(url) and self.allows(url)


#: An http(s) URL whose authority is already in url_netloc's form (lower-case host, no user
#: info, no trailing dot, maybe a port): read with one match instead of urlsplit and its
#: properties, a tenth of the cost. Every crawled page asks this of each link it has (on
#: real pages, a hundred links to distinct hosts elsewhere): 0.41 -> 0.05 ms per eval page.
_PLAIN_AUTHORITY = re.compile(r"(https?)://([a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::([0-9]{1,5}))?"
                              r"(?=[/?#]|\Z)")


def url_netloc(url: str) -> str | None:
    """The host of an http(s) URL, lower-case, with its port unless it is the scheme's
    default ("example.com", "127.0.0.1:8001"); None for other URLs."""
    plain = _PLAIN_AUTHORITY.match(url)
    if plain is not None:
        scheme, host, port = plain.groups()
        if port is None:
            return host
        if int(port) <= 65535:
            return host if int(port) == DEFAULT_PORTS[scheme] else f"{host}:{int(port)}"
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except (ValueError, AttributeError):
        return None
    if parts.scheme.lower() not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != DEFAULT_PORTS[parts.scheme.lower()]:
        return f"{host}:{port}"
    return host


def www_twins(netloc: str) -> set[str]:
    """A host and its www twin ("example.com" <-> "www.example.com"); IP addresses and
    single-label hosts (localhost) have none."""
    host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
    if host.startswith("["):
        return {netloc}
    if netloc.startswith("www."):
        return {netloc, netloc[4:]}
    if "." not in host or host.replace(".", "").isdigit():
        return {netloc}
    return {netloc, "www." + netloc}


def parse_duration(value) -> float:
    """Seconds in a duration: a number of seconds, or "90m", "6h", "2d", "1w"; ValueError else."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        seconds = float(value)
    else:
        match = _DURATION.match(str(value))
        if not match:
            raise ValueError(value)
        seconds = float(match.group(1)) * DURATION_UNITS[match.group(2).lower()]
    if seconds <= 0:
        raise ValueError(value)
    return seconds


class _Checker:
    """Reads one entry's keys, raising SiteListError naming the file, site and key."""

    def __init__(self, path, name: str, entry: dict):
        self.path, self.name, self.entry = path, name, entry

    def fail(self, key: str | None, expected: str, got=None, *, show_got: bool = True) -> SiteListError:
        where = f"{self.path}: site {self.name!r}" + (f", key {key!r}" if key else "")
        detail = f"expected {expected}"
        if show_got:
            detail += f", got {got!r}"
        return SiteListError(f"{where}: {detail}")

    def number(self, key: str, kind, default, minimum):
        value = self.entry.get(key, default)
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        if kind is int:
            ok = ok and float(value).is_integer()
        if not ok or value < minimum:
            what = "an integer" if kind is int else "a number of seconds"
            raise self.fail(key, f"{what} >= {minimum:g}", value)
        return kind(value)

    def strings(self, key: str, default=(), *, allow_single: bool = True) -> list[str]:
        value = self.entry.get(key, default)
        if allow_single and isinstance(value, str):
            value = [value]
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings", value)
        return [v.strip() for v in value if v.strip()]

    def patterns(self, key: str, value=None) -> tuple[re.Pattern, ...]:
        texts = self.strings(key) if value is None else value
        compiled = []
        for text in texts:
            try:
                compiled.append(re.compile(text))
            except re.error as error:
                raise self.fail(key, f"regular expressions ({text!r}: {error})",
                                show_got=False) from None
        return tuple(compiled)


def parse_site(name: str, entry, path="site list", *, taken: dict[str, str] | None = None) -> Site:
    """A Site from its table in the site list; SiteListError for any mistake."""
    check = _Checker(path, name, entry if isinstance(entry, dict) else {})
    if not isinstance(entry, dict):
        raise check.fail(None, "a table of keys (start, hosts, depth...)", entry)
    if not SITE_NAME.match(name):
        raise check.fail(None, "a name of ASCII letters, digits, '.', '_' and '-', opening with a "
                         "letter or digit (it is used in stats keys and the crawls.site column)",
                         show_got=False)
    unknown = sorted(set(entry) - set(SITE_KEYS))
    if unknown:
        raise check.fail(unknown[0], "one of the keys " + ", ".join(SITE_KEYS), show_got=False)
    if "start" not in entry:
        raise check.fail("start", "a list of start URLs (this key is required)", show_got=False)
    start = check.strings("start")
    if not start:
        raise check.fail("start", "at least one start URL", entry["start"])
    start_hosts = []
    for url in start:
        netloc = url_netloc(url)
        if netloc is None:
            raise check.fail("start", "absolute http(s) URLs", url)
        start_hosts.append(netloc)
    if "hosts" in entry:
        hosts = set()
        for host in check.strings("hosts"):
            netloc = url_netloc(host if "//" in host else f"http://{host}")
            if netloc is None or "/" in host.split("//")[-1]:
                raise check.fail("hosts", "host names (with a port when not 80/443), "
                                 "like \"example-news.com\"", host)
            hosts.add(netloc)
        outside = [url for url, host in zip(start, start_hosts) if host not in hosts]
        if outside:
            raise check.fail("hosts", f"every start URL's host among the hosts ({outside[0]} "
                             f"is on {url_netloc(outside[0])})", sorted(hosts))
    else:
        hosts = set().union(*(www_twins(host) for host in start_hosts))
    for host in sorted(hosts):
        owner = (taken or {}).get(host)
        if owner is not None and owner != name:
            raise check.fail("hosts", f"hosts of this site only ({host} belongs to site "
                             f"{owner!r} already)", show_got=False)
    revisit_value = entry.get("revisit", list(DEFAULT_REVISIT))
    if revisit_value is False:
        revisit_value = []
    if not isinstance(revisit_value, (list, tuple)):
        raise check.fail("revisit", 'a list of durations like ["1h", "6h", "1d", "7d"] '
                         "(or [] for none)", revisit_value)
    try:
        revisit = tuple(parse_duration(value) for value in revisit_value)
    except ValueError:
        raise check.fail("revisit", 'durations like "90m", "6h", "1d", "1w" or seconds',
                         revisit_value) from None
    if any(b <= a for a, b in zip(revisit, revisit[1:])):
        raise check.fail("revisit", "durations in ascending order", revisit_value)
    skip_value = entry.get("skip")
    skip = None
    if skip_value is not None:
        if not isinstance(skip_value, dict):
            raise check.fail("skip", "a table of URL kind = [patterns] (e.g. skip.tag = "
                             "['/topics/'], skip.print = [] to follow print pages)", skip_value)
        skip = {}
        for kind, value in skip_value.items():
            key = f"skip.{kind}"
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise check.fail(key, "a list of URL patterns (regex)", value)
            skip[str(kind)] = check.patterns(key, [v for v in value if v.strip()])
    local = entry.get("local", False)
    if not isinstance(local, bool):
        raise check.fail("local", "true or false", local)
    keep, drop = check.strings("keep"), check.strings("drop")
    profile = SiteProfile(host=start_hosts[0], keep=keep, drop=drop) if keep or drop else None
    return Site(
        name=name, start=tuple(start), hosts=frozenset(hosts),
        depth=check.number("depth", int, DEFAULT_DEPTH, 0),
        max_pages=check.number("max_pages", int, DEFAULT_MAX_PAGES, 1),
        delay=check.number("delay", float, DEFAULT_DELAY, 0),
        concurrency=check.number("concurrency", int, DEFAULT_CONCURRENCY, 1),
        revisit=revisit, allow=check.patterns("allow"), deny=check.patterns("deny"),
        skip=skip, local=local, profile=profile)


def parse_site_list(data: dict, path="site list", names=None) -> dict[str, Site]:
    """The sites of a loaded site list, in file order (only `names`, in that order, when given)."""
    tables = data.get("sites") if isinstance(data, dict) else None
    if not isinstance(tables, dict):
        raise SiteListError(f"{path}: expected [sites.NAME] tables, found none")
    sites: dict[str, Site] = {}
    taken: dict[str, str] = {}
    for name, entry in tables.items():
        if isinstance(entry, dict) and set(entry) <= PROFILE_KEYS:
            continue  # a host-keyed keep/drop profile
        site = parse_site(name, entry, path, taken=taken)
        sites[name] = site
        taken.update((host, name) for host in site.hosts)
    if not sites:
        raise SiteListError(f"{path}: expected at least one [sites.NAME] table with a `start` "
                            "list, found only host profiles")
    if names:
        missing = [name for name in names if name not in sites]
        if missing:
            raise SiteListError(f"{path}: no site named {missing[0]!r}; expected one of "
                                + ", ".join(sites))
        sites = {name: sites[name] for name in dict.fromkeys(names)}
    return sites


def read_config(path) -> dict:
    """The data of a TOML (or JSON, by content) file; SiteListError when unreadable."""
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SiteListError(f"{path}: cannot read the site list ({error})") from None
    try:
        return json.loads(raw) if raw.lstrip().startswith("{") else tomllib.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError) as error:
        raise SiteListError(f"{path}: expected TOML (or JSON): {error}") from None


def load_site_list(path, names=None) -> dict[str, Site]:
    """The sites of a site-list file, keyed by name in file order; with `names`, only those.

    Raises SiteListError, naming the site, the key and what was expected, for any mistake:
    an unknown key, a missing or non-http start URL, a bad number, pattern or duration, a host
    claimed by two sites, a name not in the file.
    """
    return parse_site_list(read_config(path), path, names)


def site_profiles(sites) -> dict[str, SiteProfile]:
    """Host-keyed profiles of the sites that have keep/drop selectors (for profile_for())."""
    profiles = {}
    for site in sites.values() if isinstance(sites, dict) else sites:
        if site.profile is None:
            continue
        for netloc in site.hosts:
            host = netloc.rsplit(":", 1)[0] if not netloc.endswith("]") else netloc
            profiles.setdefault(without_www(host), site.profile)
    return profiles
