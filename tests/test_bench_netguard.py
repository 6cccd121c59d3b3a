"""The benchmark's network guard: peers run in a process that cannot leave loopback."""
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.netguard import is_loopback  # noqa: E402


@pytest.mark.parametrize("host", ["127.0.0.1", "127.3.4.5", "::1", "[::1]", "localhost", None])
def test_loopback_hosts(host):
    assert is_loopback(host)


@pytest.mark.parametrize("host", ["192.0.2.1", "10.0.0.1", "example.com", "2001:db8::1"])
def test_other_hosts(host):
    assert not is_loopback(host)


GUARDED = """
import socket, sys
sys.path.insert(0, {root!r})
from bench.netguard import allow_only_loopback, NetworkBlocked
allow_only_loopback()
server = socket.socket(); server.bind(("127.0.0.1", 0)); server.listen(1)
socket.create_connection(server.getsockname(), timeout=2).close()   # loopback still works
for target in (("192.0.2.1", 80), ("example.com", 80)):               # TEST-NET address, a name
    try:
        socket.create_connection(target, timeout=2)
    except NetworkBlocked:
        print("blocked", target[0])
"""


def test_guard_blocks_everything_but_loopback_in_its_process():
    # in a subprocess: the guard patches the socket module of the whole process
    out = subprocess.run([sys.executable, "-c", GUARDED.format(root=str(ROOT))], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:2] == ["blocked 192.0.2.1", "blocked example.com"]
