"""Hosts: which site a URL belongs to. One definition of the "www." a site's name goes without."""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit

#: Host labels that name a service of the site ("www.", the mobile "m.", "amp."), not the site.
SERVICE_LABELS = ("www", "m", "amp", "mobile")


def host_of(url: str | None) -> str | None:
    """Lower-case host of a URL (a bare "example.com" too), without a trailing dot, or None."""
    if not url:
        return None
    try:
        host = urlsplit(url if "//" in url else f"//{url}").hostname
    except ValueError:
        return None
    return host.lower().rstrip(".") if host else None


def join_url(base: str | None, href: str) -> str | None:
    """href (stripped) made absolute against base (as it is without one), or None when urllib
    cannot read the result: a page's own markup may hold "http://[broken" or a port past 65535,
    on which urljoin and urlsplit raise."""
    href = href.strip()
    try:
        absolute = urljoin(base, href) if base else href
        urlsplit(absolute).port  # noqa: B018 - reading the port is what checks it
    except ValueError:
        return None
    return absolute


def without_www(host: str | None) -> str:
    """The host as the site's name: lower case, without a leading "www."."""
    return (host or "").lower().removeprefix("www.")


def site_labels(host: str | None) -> list[str]:
    """The host's labels without the service labels ("news", "example", "com" for www.news.example.com)."""
    return [label for label in (host or "").split(".") if label and label not in SERVICE_LABELS]
