"""Conversation state, shared by the console and Telegram: contexts, their time-out and format.

A context is kept as plain data stamped with the time it was made (see `store_context`), so
Telegram's persistence can pickle it across versions of the engine; whatever cannot be read back
is treated as no context at all.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable, MutableMapping
from dataclasses import dataclass
from typing import Any

from bot.matching import Context

TRACKED_MESSAGES = 200
"""Answers (and answered questions) remembered per chat, for replies to them and edits of them."""

_CONTEXTS = "contexts"  # user id -> the user's follow-up context, per chat
_THREADS = "threads"  # bot message id -> the context after that answer, for replies to it
_ANSWERS = "answers"  # question message id -> the bot's answer and the context it was asked in


def store_context(context: Context, now: float) -> dict[str, Any]:
    """Return a context as plain data for persistence, stamped with the time it was made."""
    return {
        "at": now,
        "entities": list(context.entities),
        "fact_id": context.fact_id,
        "tokens": list(context.tokens),
        "answered": context.answered,
        "given": list(context.given),
        "offered": list(context.offered),
        "located": sorted(context.located),
    }


def _strings(value: object) -> tuple[str, ...] | None:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(value)


def restore_context(data: object, *, now: float, ttl: float | None) -> Context | None:
    """Return a stored context, or None when there is none, it is malformed or it has expired.

    With `ttl` None a context never expires.
    """
    if not isinstance(data, dict):
        return None
    at = data.get("at")
    if not isinstance(at, int | float) or not math.isfinite(at):
        return None
    if ttl is not None and now - at > ttl:
        return None
    if "fact_id" not in data:
        return None
    fact_id = data["fact_id"]
    entities, tokens = _strings(data.get("entities")), _strings(data.get("tokens"))
    if entities is None or tokens is None or not (fact_id is None or isinstance(fact_id, str)):
        return None
    # (Kept before the outcome of the last turn was: read as answered, which is right unless
    # that turn was declined, as it keeps the fact answered before it.)
    answered = data.get("answered", True)
    # (Kept before the facts given were: none remembered.)
    given = _strings(data.get("given", []))
    # (Kept before the questions offered were: none to pick from.)
    offered = _strings(data.get("offered", []))
    # (Kept before the places asked about were: none.)
    located = _strings(data.get("located", []))
    if not isinstance(answered, bool) or given is None or offered is None or located is None:
        return None
    return Context(
        entities=entities,
        fact_id=fact_id,
        tokens=tokens,
        answered=answered,
        given=given,
        offered=offered,
        located=frozenset(located),
    )


class Conversations:
    """Each key's conversation context, kept as plain data in `store` until `ttl` seconds old.

    `store` may be any mapping, such as a chat's persisted data; entries that cannot be read are
    ignored and dropped. `limit` bounds how many are kept, the least recently kept going first.
    """

    def __init__(
        self,
        store: MutableMapping[Any, Any] | None = None,
        *,
        ttl: float | None = None,
        limit: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store: MutableMapping[Any, Any] = {} if store is None else store
        self.ttl = ttl
        self.limit = limit
        self._clock = clock

    def get(self, key: Hashable) -> Context | None:
        """Return the context the conversation under `key` has reached, or None."""
        return restore_context(self.store.get(key), now=self._clock(), ttl=self.ttl)

    def keep(self, key: Hashable, context: Context) -> None:
        """Keep `context` as where the conversation under `key` has got to, from now."""
        now = self._clock()
        store = self.store
        store.pop(key, None)
        # Entries stand in the order they were kept, so the expired and unreadable come first.
        while store and self._stale(next(iter(store.values())), now):
            del store[next(iter(store))]
        store[key] = store_context(context, now)
        while self.limit is not None and len(store) > self.limit:
            del store[next(iter(store))]

    def _stale(self, stored: object, now: float) -> bool:
        at = stored.get("at") if isinstance(stored, dict) else None
        if not isinstance(at, int | float) or not math.isfinite(at):
            return True
        return self.ttl is not None and now - at > self.ttl

    def forget(self, key: Hashable) -> None:
        """Forget the conversation under `key`: the next question starts afresh."""
        self.store.pop(key, None)


@dataclass(frozen=True, slots=True)
class Answered:
    """How a question was answered, so an edit of the question can update the answer."""

    reply_id: int
    """The message id of the bot's answer."""
    before: Context | None
    """The context the question was asked in."""


def _section(data: MutableMapping[Any, Any], name: str) -> MutableMapping[Any, Any]:
    """Return `data[name]` as a mapping, replacing whatever unreadable value was there."""
    value = data.get(name)
    if not isinstance(value, dict):
        value = data[name] = {}
    return value


class ChatConversations:
    """One chat's conversations: each user's, one thread per answer, and each answered question.

    Replies to an answer continue that answer's thread; other questions continue their asker's
    last one. Everything lives in `data` (the chat's persisted data) as plain data.
    """

    def __init__(
        self, data: MutableMapping[Any, Any], *, ttl: float, clock: Callable[[], float] = time.time
    ) -> None:
        self._data = data
        self._ttl = ttl
        self._clock = clock
        self.users = Conversations(_section(data, _CONTEXTS), ttl=ttl, clock=clock)
        self.threads = Conversations(
            _section(data, _THREADS), ttl=ttl, limit=TRACKED_MESSAGES, clock=clock
        )

    def previous(self, user_id: int, *, replying_to: int | None = None) -> Context | None:
        """Return the context a question continues: the answer it replies to, else the user's."""
        if replying_to is not None:
            thread = self.threads.get(replying_to)
            if thread is not None:
                return thread
        return self.users.get(user_id)

    def remember(
        self,
        *,
        user_id: int,
        answer_id: int,
        after: Context,
        question_id: int | None = None,
        before: Context | None = None,
    ) -> None:
        """Keep the context after an answer, for its asker and for replies to the answer."""
        self.users.keep(user_id, after)
        self.threads.keep(answer_id, after)
        if question_id is not None:
            now = self._clock()
            answers = _section(self._data, _ANSWERS)
            answers.pop(question_id, None)
            answers[question_id] = {
                "reply": answer_id,
                "before": store_context(before, now) if before else None,
            }
            while len(answers) > TRACKED_MESSAGES:
                del answers[next(iter(answers))]

    def answered(self, question_id: int) -> Answered | None:
        """Return how a question was answered, or None when it was not (or is forgotten)."""
        record = _section(self._data, _ANSWERS).get(question_id)
        if not isinstance(record, dict):
            return None
        reply_id = record.get("reply")
        if not isinstance(reply_id, int):
            return None
        before = restore_context(record.get("before"), now=self._clock(), ttl=self._ttl)
        return Answered(reply_id=reply_id, before=before)
