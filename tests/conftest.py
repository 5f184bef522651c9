"""Shared fixtures: the real bundled pack and an engine built on it."""

from __future__ import annotations

import os
import shutil
import socket
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.knowledge import Pack, default_pack_dir, load_pack
from bot.matching import Engine

PACK_DIR = default_pack_dir()


@pytest.fixture(scope="session", autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The commands the tests run keep their built engine in the tests' own directory, not in
    the user's cache (XDG_CACHE_HOME is inherited by every command started)."""
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture(scope="session")
def pack() -> Pack:
    return load_pack(PACK_DIR)


@pytest.fixture(scope="session")
def engine(pack: Pack) -> Engine:
    return Engine(pack)


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled pack, for tests that break it."""
    target = tmp_path / "knowledge"
    shutil.copytree(PACK_DIR, target)
    for path in target.rglob("*"):
        path.chmod(0o644 if path.is_file() else 0o755)
    return target


PORT_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
PORTS_A_WORKER = 100


def handed_out_ports() -> tuple[int, int]:
    """The first and last port the system hands out for port 0: as Linux says, or the range
    IANA sets aside for it (macOS's and Windows' default) where it does not."""
    try:
        low, high = (int(n) for n in PORT_RANGE.read_text().split())
    except (OSError, ValueError):
        return 49152, 65535
    return low, high


def spare_ports() -> list[int]:
    """The unprivileged ports the system never hands out for port 0: below its range, then
    above it."""
    low, high = handed_out_ports()
    spare = [*range(1024, low), *range(high + 1, 65536)]
    # A system handing out every port leaves none spare: any port then, and a small chance
    # that a port-0 server takes it first.
    return spare or list(range(1024, 65536))


def worker_ports(worker: int, run: str) -> list[int]:
    """A stretch of the spare ports for one test worker (0 when the tests run alone): the
    workers of one run take stretches side by side, from a start drawn from the run's own
    identifier so that two runs at once on one host seldom meet; the stretches wrap round."""
    spare = spare_ports()
    stretches = max(1, len(spare) // PORTS_A_WORKER)
    first = (zlib.crc32(run.encode()) + worker) % stretches * PORTS_A_WORKER
    return spare[first : first + PORTS_A_WORKER]


@pytest.fixture
def listen_port(worker_id: str, testrun_uid: str) -> int:
    """A free local TCP port for a server the bot opens itself (the webhook's). Taken outside
    the range the system hands out for port 0, which the tests' own servers ask for, so that
    none of them can take it between its choosing and its use; and in a stretch of its own for
    each worker running the tests side by side ("gw0", "gw1"...; "master" when they run
    alone)."""
    worker = int(worker_id[2:]) + 1 if worker_id.startswith("gw") else 0
    ports = worker_ports(worker, testrun_uid)
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port from {ports[0]} to {ports[-1]}")
