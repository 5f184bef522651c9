"""Keep a built engine between starts: the first start after any change to the pack or to the
code loads the pack, checks it and builds the engine, then saves what it built; later starts load
that instead, in a fraction of the time.

What is saved is named by a digest of everything the engine is built from: every file of the
pack and of this package, the pack's place, the thresholds, whether drafts are kept and the
Python version. An edited fact file is a different name, so it is loaded and checked afresh (and
a broken one refuses to start as before); a saved engine is never used for anything but the
exact files it was built from.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
from dataclasses import astuple
from pathlib import Path

from bot.knowledge import digest, load_pack
from bot.matching import Engine, Thresholds

FORMAT = "1"
"""Changes whenever what is saved changes shape in a way the digests would not show."""
_KEPT = 4
"""How many saved engines a cache directory keeps (the newest): one per pack and version."""
_PREFIX, _SUFFIX = "engine-", ".pickle"
_PACKAGE = Path(__file__).resolve().parent

log = logging.getLogger(__name__)


def ready_engine(
    directory: Path, thresholds: Thresholds, *, cache: Path | None, drafts: bool = True
) -> Engine:
    """Return the engine for a pack: loaded from `cache` when saved there for these very
    files, else built (raising KnowledgeError on a broken pack) and saved there if it can be.
    With `cache` None, always build. `drafts`: whether draft facts are kept."""
    try:
        name = _name(directory, thresholds, drafts) if cache is not None else None
    except OSError:
        name = None  # (a file it cannot read: loading the pack says which, and why)
    if cache is None or name is None:
        return _build(directory, thresholds, drafts)
    path = cache / f"{_PREFIX}{name}{_SUFFIX}"
    engine = _load(path)
    if engine is None:
        engine = _build(directory, thresholds, drafts)
        _save(engine, path)
    return engine


def _build(directory: Path, thresholds: Thresholds, drafts: bool) -> Engine:
    pack = load_pack(directory)
    return Engine(pack if drafts else pack.without_drafts(), thresholds=thresholds)


def _name(directory: Path, thresholds: Thresholds, drafts: bool) -> str:
    """Return the name of what would be saved for this pack, code, thresholds and Python."""
    parts = (
        FORMAT,
        sys.version,
        digest(_PACKAGE),
        digest(directory),
        str(directory.resolve()),
        repr(astuple(thresholds)),
        str(drafts),
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]


def _load(path: Path) -> Engine | None:
    """Return the engine saved at `path`, or None when there is none, it cannot be read, or
    someone else could have written it (loading a saved engine runs what it holds)."""
    try:
        with path.open("rb") as saved:
            mode = os.fstat(saved.fileno())
            if mode.st_uid != os.getuid() or mode.st_mode & 0o022:
                log.warning("not using %s: it is not the bot user's own file", path)
                return None
            engine = pickle.load(saved)
    except FileNotFoundError:
        return None
    # (A file cut short or written by another version can fail in many ways: any of them
    # only means building afresh.)
    except Exception as error:
        log.debug("not using the saved engine %s: %s", path, error)
        return None
    return engine if isinstance(engine, Engine) else None


def _save(engine: Engine, path: Path) -> None:
    """Save an engine at `path`, whole or not at all; a directory that cannot be written is
    only a slower next start."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(engine, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
        _prune(path.parent)
    except OSError as error:
        log.debug("not saving the built engine in %s: %s", path.parent, error)


def _prune(directory: Path) -> None:
    """Remove all but the newest few saved engines."""
    saved = sorted(
        directory.glob(f"{_PREFIX}*{_SUFFIX}"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in saved[_KEPT:]:
        old.unlink(missing_ok=True)
