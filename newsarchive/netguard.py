"""What a crawl may request: http(s) only, on the site's hosts, at public addresses.

An unattended crawl follows URLs that servers give it (links, sitemaps, redirects), so a hostile
or compromised site could point it at the machine it runs on or at its network: a cloud
metadata service, a router's admin page, a database port on 10.0.0.0/8. The crawler therefore
refuses, on every request and every redirect hop:

- any scheme but http and https (file:, ftp:, data:, javascript:, gopher: ...);
- a host that is not one of the site's hosts (offsite), unless the site allows it;
- a host that resolves to an address that is not globally routable (private, loopback,
  link-local, multicast, reserved, shared, unspecified; IPv4-mapped IPv6 judged as IPv4),
  unless the site is declared local: `local = true` in the site list, or a start URL whose
  host is itself a loopback address or "localhost" (that host only).

No Scrapy here: spiders/middlewares.py applies these rules to Scrapy's requests.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

#: The only schemes a crawl ever requests.
ALLOWED_SCHEMES = frozenset({"http", "https"})
LOCALHOST_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost",
                             "ip6-loopback"})


def netloc_of(url: str) -> str:
    """The lower-case host[:port] of a URL, without credentials ("" when it has none)."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname, parts.port
    except ValueError:
        return ""
    if not host:
        return ""
    host = host.rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}" if port is not None else host


def host_of(url: str) -> str:
    """The lower-case host of a URL, without port or brackets ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""


def scheme_refusal(url: str) -> str | None:
    """Why url may not be requested for its scheme, or None when it is http(s)."""
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme in ALLOWED_SCHEMES:
        return None
    return f"refused: {scheme or 'no'} scheme (only http and https are fetched): {url[:200]}"


def offsite_refusal(url: str, hosts) -> str | None:
    """Why url may not be requested as offsite (its host is not in hosts), or None."""
    netloc = netloc_of(url)
    if netloc in hosts:
        return None
    return f"refused: offsite host {netloc or '(none)'} (the site's hosts: " \
           f"{', '.join(sorted(hosts)) or 'none'})"


def address_kind(address: str) -> str | None:
    """What makes an IP address one a crawl must not reach ("private", "loopback", ...),
    None for a globally routable unicast address (or text that is no address)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0].strip("[]"))
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for kind in ("loopback", "link_local", "multicast", "unspecified", "reserved", "private"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    if not ip.is_global:  # shared address space (100.64.0.0/10), documentation ranges...
        return "non-global"
    return None


def address_refusal(host: str, address: str) -> str | None:
    """Why a request to host, resolved to address, is refused; None when it is public."""
    kind = address_kind(address)
    if kind is None:
        return None
    return (f"refused: {host} resolves to the {kind} address {address} "
            f"(declare the site local to crawl it)")


def is_loopback_host(host: str) -> bool:
    """True for "localhost" and loopback IP literals (127.0.0.0/8, ::1)."""
    host = host.lower().strip("[]").rstrip(".")
    if host in LOCALHOST_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_ip_literal(host: str) -> bool:
    try:
        ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return True


def implicitly_local_hosts(start_urls) -> set[str]:
    """The netlocs of start URLs whose host is itself loopback: local without a declaration."""
    return {netloc_of(url) for url in start_urls if is_loopback_host(host_of(url))}
