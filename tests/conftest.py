"""Shared fixtures: the real bundled pack and an engine built on it."""

from __future__ import annotations

import os
import shutil
import socket
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


@pytest.fixture
def listen_port(worker_id: str) -> int:
    """A free local TCP port for a server the bot opens itself (the webhook's). Taken below the
    range the system hands out for port 0, which the tests' own servers ask for, so that none
    of them can take it between its choosing and its use; and in a range of its own for each
    worker running the tests side by side ("gw0", "gw1"...; "master" when they run alone)."""
    number = int(worker_id[2:]) + 1 if worker_id.startswith("gw") else 0
    first = 20000 + 200 * number
    for port in range(first, first + 200):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    pytest.fail(f"no free port from {first} to {first + 199}")
