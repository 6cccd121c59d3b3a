"""Keep a benchmark process on loopback: every socket connection or name lookup for a
non-loopback address raises instead.

Some peers fetch things while they extract (newspaper4k downloads a page's images in
Article.parse() unless told not to); a benchmark must measure them without a single packet
leaving the machine, whatever a peer's defaults are.
"""
from __future__ import annotations

import ipaddress
import socket

_LOCAL_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"})


class NetworkBlocked(OSError):
    """A connection or lookup outside loopback was attempted."""


def is_loopback(host) -> bool:
    """True for 127.0.0.0/8, ::1, "localhost" and Unix-socket paths."""
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _target_host(address):
    if isinstance(address, tuple) and address:
        return address[0]
    return None  # AF_UNIX paths and the like


def allow_only_loopback() -> None:
    """Patch the socket module of this process so only loopback traffic is possible."""
    if getattr(socket, "_newsarchive_guarded", False):
        return
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def guarded_connect(self, address):
        if not is_loopback(_target_host(address)):
            raise NetworkBlocked(f"benchmark network guard: connection to {address!r} blocked")
        return real_connect(self, address)

    def guarded_connect_ex(self, address):
        if not is_loopback(_target_host(address)):
            raise NetworkBlocked(f"benchmark network guard: connection to {address!r} blocked")
        return real_connect_ex(self, address)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if not is_loopback(host):
            raise NetworkBlocked(f"benchmark network guard: lookup of {host!r} blocked")
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = guarded_connect
    socket.socket.connect_ex = guarded_connect_ex
    socket.getaddrinfo = guarded_getaddrinfo
    socket._newsarchive_guarded = True
