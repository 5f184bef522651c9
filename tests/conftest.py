"""Shared fixtures: the real bundled pack and an engine built on it."""

from __future__ import annotations

import os
import shutil
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
