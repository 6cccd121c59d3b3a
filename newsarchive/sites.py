"""Site profiles: extra keep/drop selectors for one site, from config, without code.

A profile file is TOML or JSON. TOML:

    [sites."example-news.com"]
    keep = ["div.story-text"]          # the article body is exactly these elements
    drop = [".promo-box", "#comments"] # remove these before extraction

JSON: {"sites": {"example-news.com": {"keep": [...], "drop": [...]}}}.

Selectors are CSS; one starting with "/" or "(" is XPath. A profile for "example-news.com"
also applies to its subdomains ("www.", "m."). The file is the one named by the environment
variable NEWSARCHIVE_SITES, else ./sites.toml when it exists.
"""
from __future__ import annotations

import json
import logging
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

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
    path = os.environ.get(ENV_VAR) or (DEFAULT_FILE if Path(DEFAULT_FILE).is_file() else None)
    try:
        stamp = (path, Path(path).stat().st_mtime_ns) if path else (None, 0)
    except OSError:
        stamp = (path, 0)
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
