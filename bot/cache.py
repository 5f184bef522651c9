"""Keep a built engine between starts: the first start after any change to the pack, the code
or the libraries it uses loads the pack, checks it and builds the engine, then saves what it
built; later starts load that instead, in a fraction of the time.

What is saved is named by what the engine is built from: a digest of every file of the pack and
of this package, the pack's place as given, the thresholds, whether drafts are kept, the Python
version, the user, and the installed files of the libraries that shape it. An edited fact file is
a different name, so it is loaded and checked afresh (and a broken one refuses to start as
before); a saved engine is never used for anything but the exact files it was built from.

Loading a saved engine runs what it holds, so only a file the user alone could have written is
loaded: a regular file (not a link) of theirs, in a directory of theirs that nobody else can
write to.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import pickle
import stat
import sys
from dataclasses import astuple
from pathlib import Path
from typing import TYPE_CHECKING

from bot.knowledge import digest, load_pack
from bot.matching import Engine, Thresholds

if TYPE_CHECKING:
    import logging

FORMAT = "1"
"""Changes whenever what is saved changes shape in a way the digests would not show."""
_KEPT = 4
"""How many saved engines a cache directory keeps, the most recently used."""
_SUFFIX = ".pickle"
_PACKAGE = Path(__file__).resolve().parent
_OWNED = hasattr(os, "getuid") and hasattr(os, "O_NOFOLLOW")
"""Whether files have owners to check (not on Windows, where nothing is saved)."""
_LIBRARIES = ("rapidfuzz", "snowballstemmer", "Stemmer", "yaml")
"""The libraries whose code shapes a built engine: its matching, its stems and its pack."""


def _log() -> logging.Logger:
    """Return this module's logger (logging is imported only when there is something to say:
    most starts have nothing, and are the faster for it)."""
    import logging

    return logging.getLogger(__name__)


def ready_engine(
    directory: Path, *, thresholds: Thresholds, cache: Path | None, drafts: bool = True
) -> Engine:
    """Return the engine for a pack: loaded from `cache` when saved there for these very
    files, else built (raising KnowledgeError on a broken pack) and saved there if it can be.
    With `cache` None, always build. `drafts`: whether draft facts are kept."""
    if cache is None or not _OWNED or not _private(cache):
        return _build(directory, thresholds, drafts)
    try:
        name = _name(directory, thresholds, drafts)
    except OSError:
        # (A file it cannot read: loading the pack says which, and why.)
        return _build(directory, thresholds, drafts)
    path = cache / name
    engine = _load(path)
    if engine is None:
        engine = _build(directory, thresholds, drafts)
        # (Files edited while it was built: what was built is not what the name says.)
        if _name(directory, thresholds, drafts) == name:
            _save(engine, path)
    return engine


def _build(directory: Path, thresholds: Thresholds, drafts: bool) -> Engine:
    pack = load_pack(directory)
    return Engine(pack if drafts else pack.without_drafts(), thresholds=thresholds)


def _name(directory: Path, thresholds: Thresholds, drafts: bool) -> str:
    """Return the file name of what would be saved for this pack, code, libraries and user."""
    parts = (
        FORMAT,
        sys.version,
        _libraries(),
        digest(_PACKAGE),
        digest(directory),
        str(directory),
        repr(astuple(thresholds)),
        str(drafts),
    )
    name = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"engine-{os.getuid()}-{name}{_SUFFIX}"


def _libraries() -> str:
    """Return what tells one install of the libraries from another: their files' names, sizes
    and modification times (cheap to read, and changed by any upgrade)."""
    seen: list[str] = []
    for library in _LIBRARIES:
        spec = importlib.util.find_spec(library)
        if spec is None or spec.origin is None:
            seen.append(f"{library}: none")
            continue
        origin = Path(spec.origin)
        files = origin.parent.iterdir() if spec.submodule_search_locations else [origin]
        for path in sorted(files):
            if path.is_file():
                info = path.stat()
                seen.append(f"{path}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(seen)


def _private(cache: Path) -> bool:
    """Return whether a cache directory is the user's alone (making it so if it is new)."""
    try:
        cache.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = cache.stat()
    except OSError as error:
        _log().info("not keeping the built engine in %s: %s", cache, error)
        return False
    if info.st_uid != os.getuid() or info.st_mode & 0o022:
        _log().warning("not keeping the built engine in %s: others can write to it", cache)
        return False
    return True


def _load(path: Path) -> Engine | None:
    """Return the engine saved at `path`, or None when there is none, it cannot be read, or
    someone else could have written it."""
    try:
        handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    except FileNotFoundError:
        return None
    except OSError as error:
        _log().warning("not using the saved engine %s: %s", path, error)
        return None
    with os.fdopen(handle, "rb") as saved:
        info = os.fstat(saved.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            _log().warning("not using the saved engine %s: it is not the user's own file", path)
            return None
        try:
            engine = pickle.load(saved)
        # (A file cut short or written by another version can fail in many ways: any of them
        # only means building afresh.)
        except Exception as error:
            _log().info("not using the saved engine %s: %s", path, error)
            return None
    if not isinstance(engine, Engine):
        return None
    # Kept among the most recently used, which pruning spares.
    with contextlib.suppress(OSError):
        os.utime(path)
    return engine


def _save(engine: Engine, path: Path) -> None:
    """Save an engine at `path`, whole or not at all; failing to is only a slower next start."""
    import tempfile  # (Only a start that built the engine saves it.)

    try:
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=_SUFFIX)
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(engine, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    # (Pickling can fail in many ways too, none of them a reason not to answer.)
    except Exception as error:
        _log().info("not saving the built engine in %s: %s", path.parent, error)
        return
    _prune(path.parent)


def _prune(directory: Path) -> None:
    """Remove all but the most recently used few of the user's saved engines."""
    # (Another start may be saving or pruning at the same time.)
    with contextlib.suppress(OSError):
        mine = directory.glob(f"engine-{os.getuid()}-*{_SUFFIX}")
        saved = sorted(mine, key=lambda p: p.stat().st_mtime, reverse=True)
        for old in saved[_KEPT:]:
            old.unlink(missing_ok=True)
