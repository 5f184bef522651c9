"""Record what the bot could not answer, from a background thread, for curators to read
(`bot.curation`)."""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from bot import lang
from bot.errors import BotError
from bot.matching import MAX_QUESTION_CHARS, Outcome, Reply
from bot.settings import Settings
from bot.text import normalize

DB_FILE = "unanswered.sqlite3"
BUSY_TIMEOUT = 5.0
"""Seconds a write waits for another writer's lock before giving up on its batch."""
QUEUE_LIMIT = 10_000
"""Records waiting to be written; beyond this, new ones are dropped rather than held in memory."""

_log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS unanswered (
    asked_at TEXT NOT NULL,
    question TEXT NOT NULL,
    normalized TEXT NOT NULL,
    outcome TEXT NOT NULL,
    on_topic INTEGER NOT NULL,
    chat_type TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS unanswered_normalized ON unanswered (normalized);
"""
_INSERT = (
    "INSERT INTO unanswered (asked_at, question, normalized, outcome, on_topic, chat_type) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)
_BATCH = 500


class UnansweredError(BotError):
    """The unanswered-questions database cannot be read; names the file."""

    label = "Cannot read the unanswered questions"


@dataclass(frozen=True, slots=True)
class UnansweredQuestion:
    """One question the bot declined or answered with "did you mean"; nothing about who asked."""

    asked_at: str
    """When it was asked: UTC, ISO 8601 to the second."""
    question: str
    """The question as written."""
    normalized: str
    """The question as lowercase words (bot.text.normalize), for grouping."""
    outcome: str
    """decline or suggest."""
    on_topic: bool
    """Whether the engine judged it to be about the battle."""
    chat_type: str
    """Where it was asked: console, private, group, supergroup, inline, ..."""


class Recorder:
    """Writes unanswered questions to SQLite from a background thread, so answering never waits."""

    def __init__(self, path: Path | None) -> None:
        """Record into the database at `path`; None records nothing."""
        self.path = path
        self._closed = False
        self._failing = False
        self._dropping = False
        self._queue: queue.Queue[UnansweredQuestion | None] | None = None
        self._thread: threading.Thread | None = None
        if path is not None:
            self._queue = queue.Queue(maxsize=QUEUE_LIMIT)
            # A daemon thread: a writer stuck on a lock must not keep the process from exiting.
            self._thread = threading.Thread(
                target=self._write_loop,
                args=(self._queue, path),
                name="unanswered-recorder",
                daemon=True,
            )
            self._thread.start()

    @classmethod
    def from_settings(cls, settings: Settings) -> Recorder:
        """Return a recorder for the data directory; one that does nothing if recording is off."""
        return cls(database_path(settings.data_dir) if settings.record_unanswered else None)

    @property
    def enabled(self) -> bool:
        """Return whether replies are being recorded."""
        return self._queue is not None and not self._closed

    def record(self, reply: Reply, chat_type: str) -> None:
        """Queue a declined or "did you mean" reply for writing; never blocks and never raises."""
        if self._queue is None or self._closed:
            return
        if reply.outcome is Outcome.ANSWER:
            # (A message asking several questions: those it found no answer to are asked.)
            for part in reply.unanswered:
                self.record(part, chat_type)
            return
        try:
            # (A lone surrogate, from bytes no encoding reads or a forged update's "\ud83d",
            # is no text SQLite can store: written as "?", not losing the whole batch.)
            question = " ".join(reply.question[:MAX_QUESTION_CHARS].split())
            question = question.encode("utf-8", "replace").decode("utf-8")
            normalized = normalize(question)
            # "hi" and "thanks" ask nothing a curator could add a fact for.
            if not normalized or lang.courtesy(normalized) is not None:
                return
            self._queue.put_nowait(
                UnansweredQuestion(
                    asked_at=datetime.now(UTC).isoformat(timespec="seconds"),
                    question=question,
                    normalized=normalized,
                    outcome=reply.outcome.value,
                    on_topic=reply.on_topic,
                    chat_type=chat_type.strip().lower()[:32] or "unknown",
                )
            )
        except queue.Full:
            if not self._dropping:
                self._dropping = True
                _log.warning(
                    "Unanswered questions are arriving faster than %s can take them; "
                    "dropping some (answering continues).",
                    self.path,
                )
        except Exception:  # A curator's log must never cost a reader their answer.
            if not self._dropping:
                self._dropping = True
                _log.warning("Could not queue an unanswered question", exc_info=True)

    def close(self, timeout: float = 10.0) -> None:
        """Write what is still queued and stop the writer; later records are ignored."""
        if self._queue is None or self._thread is None or self._closed:
            return
        self._closed = True
        with suppress(queue.Full):
            self._queue.put(None, timeout=timeout)
        self._thread.join(timeout)
        if self._thread.is_alive():
            _log.warning(
                "Gave up waiting for %s; %d unanswered question(s) were not recorded.",
                self.path,
                self._queue.qsize(),
            )

    def __enter__(self) -> Recorder:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _write_loop(self, pending: queue.Queue[UnansweredQuestion | None], path: Path) -> None:
        connection: sqlite3.Connection | None = None
        try:
            while True:
                first = pending.get()
                if first is None:
                    return
                batch, stop = _drain(pending, first)
                try:
                    if connection is None:
                        connection = _connect(path)
                    with connection:
                        connection.executemany(_INSERT, [_row(r) for r in batch])
                except Exception as error:  # A bad disk or a bad record must not end the writer.
                    self._failed(error)
                    # Reopen next time: the disk may have been freed or the file made writable.
                    if connection is not None:
                        connection.close()
                        connection = None
                else:
                    if self._failing:
                        self._failing = False
                        _log.info("Recording unanswered questions in %s again.", self.path)
                if stop:
                    return
        finally:
            if connection is not None:
                connection.close()

    def _failed(self, error: Exception) -> None:
        if self._failing:
            _log.debug("Still cannot record unanswered questions: %s", error)
            return
        self._failing = True
        _log.warning(
            "Cannot record unanswered questions in %s: %s. Answering continues; "
            "questions are not recorded until the database is writable again.",
            self.path,
            error,
        )


def database_path(data_dir: Path) -> Path:
    """Return where the unanswered questions of a data directory are kept."""
    return data_dir / DB_FILE


def _drain(
    pending: queue.Queue[UnansweredQuestion | None], first: UnansweredQuestion
) -> tuple[list[UnansweredQuestion], bool]:
    """Take what else is already queued, so a burst is written in one transaction."""
    batch = [first]
    while len(batch) < _BATCH:
        try:
            item = pending.get_nowait()
        except queue.Empty:
            break
        if item is None:
            return batch, True
        batch.append(item)
    return batch, False


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT)
    try:
        # WAL lets curators read while the bot writes; the busy timeout rides out short locks.
        connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
        connection.execute("PRAGMA journal_mode = WAL").fetchone()
        connection.execute("PRAGMA synchronous = NORMAL")
        connection.executescript(_SCHEMA)
    except sqlite3.Error:
        connection.close()
        raise
    return connection


def _row(record: UnansweredQuestion) -> tuple[str, str, str, str, int, str]:
    return (
        record.asked_at,
        record.question,
        record.normalized,
        record.outcome,
        int(record.on_topic),
        record.chat_type,
    )


# -- what curators read ------------------------------------------------------------------------
