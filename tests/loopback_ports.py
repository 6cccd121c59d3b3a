"""A port of 127.0.0.1 free at the moment: for a server a test starts, or, left unused, for a
site that is down (nothing listens: connection refused)."""
import socket


def free_loopback_port() -> int:
    """A port the system just handed out on 127.0.0.1 and took back."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
