"""The conversation core the console and Telegram share: context per key, time-out, persistence."""

from __future__ import annotations

import json
import pickle
from typing import Any

import pytest

from bot.conversation import (
    TRACKED_MESSAGES,
    ChatConversations,
    Conversations,
    restore_context,
    store_context,
)
from bot.matching import Context

WHO_WON = Context(entities=("mnla", "ber"), fact_id="who-won", tokens=("who", "won"))
LEFT = Context(entities=("maa", "ber"), fact_id="maa-left-ber", tokens=("when", "leav"))


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_each_key_keeps_its_own_context() -> None:
    conversations = Conversations(ttl=60.0, clock=Clock())
    conversations.keep(1, WHO_WON)
    conversations.keep(2, LEFT)
    assert conversations.get(1) == WHO_WON
    assert conversations.get(2) == LEFT
    assert conversations.get(3) is None


def test_keeping_again_replaces_the_context_and_forget_drops_it() -> None:
    conversations = Conversations(clock=Clock())
    conversations.keep("you", WHO_WON)
    conversations.keep("you", LEFT)
    assert conversations.get("you") == LEFT
    conversations.forget("you")
    assert conversations.get("you") is None


def test_context_expires_after_the_ttl() -> None:
    clock = Clock()
    conversations = Conversations(ttl=60.0, clock=clock)
    conversations.keep(1, WHO_WON)
    clock.now += 60.0
    assert conversations.get(1) == WHO_WON, "still within the time-out"
    clock.now += 0.5
    assert conversations.get(1) is None


def test_without_a_ttl_a_context_never_expires() -> None:
    """The console's conversation lasts until /reset, however long the pause."""
    clock = Clock()
    conversations = Conversations(clock=clock)
    conversations.keep("you", WHO_WON)
    clock.now += 365 * 24 * 3600.0
    assert conversations.get("you") == WHO_WON


def test_expired_contexts_are_dropped_from_the_store_when_another_is_kept() -> None:
    clock = Clock()
    store: dict[Any, Any] = {}
    conversations = Conversations(store, ttl=60.0, clock=clock)
    conversations.keep(1, WHO_WON)
    clock.now += 61.0
    conversations.keep(2, LEFT)
    assert list(store) == [2]


def test_a_limit_keeps_only_the_most_recently_kept() -> None:
    store: dict[Any, Any] = {}
    conversations = Conversations(store, limit=2, clock=Clock())
    for key in (1, 2, 3, 1):
        conversations.keep(key, WHO_WON)
    assert list(store) == [3, 1]


def test_context_survives_a_round_trip_through_plain_data() -> None:
    stored = store_context(LEFT, 100.0)
    assert json.loads(json.dumps(stored)) == stored, "plain data, safe to pickle across versions"
    assert restore_context(stored, now=150.0, ttl=60.0) == LEFT


def test_the_stored_format_is_the_one_already_persisted() -> None:
    """State saved by earlier versions of the bot is still read."""
    saved = {"at": 100.0, "entities": ["maa", "ber"], "fact_id": "maa-left-ber", "tokens": []}
    assert restore_context(saved, now=100.0, ttl=60.0) == Context(
        entities=("maa", "ber"), fact_id="maa-left-ber"
    )


def test_whether_the_last_turn_was_answered_survives_a_round_trip() -> None:
    declined = Context(entities=("maa",), fact_id="maa-left-ber", answered=False)
    assert restore_context(store_context(declined, 100.0), now=100.0, ttl=None) == declined
    assert (
        restore_context({**store_context(declined, 100.0), "answered": "no"}, now=100.0, ttl=None)
        is None
    )


def test_the_facts_given_in_a_conversation_survive_a_round_trip() -> None:
    """ "What else?" after a restart still asks for none of them."""
    talked = Context(fact_id="maa-left-ber", given=("maa-left-ber", "who-won"))
    assert restore_context(store_context(talked, 100.0), now=100.0, ttl=None) == talked
    assert talked.told() == {"maa-left-ber", "who-won"}
    assert (
        restore_context({**store_context(talked, 100.0), "given": [3]}, now=100.0, ttl=None) is None
    )


def test_chat_conversations_survive_a_save_and_restore() -> None:
    clock = Clock()
    data: dict[Any, Any] = {}
    chat = ChatConversations(data, ttl=60.0, clock=clock)
    chat.remember(user_id=7, answer_id=50, after=LEFT, question_id=49, before=WHO_WON)

    restored = ChatConversations(pickle.loads(pickle.dumps(data)), ttl=60.0, clock=clock)
    assert restored.previous(7) == LEFT
    assert restored.previous(8, replying_to=50) == LEFT
    answered = restored.answered(49)
    assert answered is not None
    assert (answered.reply_id, answered.before) == (50, WHO_WON)


def test_a_reply_continues_the_answer_it_replies_to_else_the_askers_conversation() -> None:
    chat = ChatConversations({}, ttl=60.0, clock=Clock())
    chat.remember(user_id=7, answer_id=50, after=WHO_WON)
    chat.remember(user_id=7, answer_id=51, after=LEFT)
    assert chat.previous(7, replying_to=50) == WHO_WON
    assert chat.previous(7) == LEFT
    assert chat.previous(7, replying_to=999) == LEFT, "an unknown answer falls back to the user's"
    assert chat.previous(8) is None


def test_a_chat_remembers_a_bounded_number_of_answers() -> None:
    chat = ChatConversations({}, ttl=60.0, clock=Clock())
    for n in range(TRACKED_MESSAGES + 1):
        chat.remember(user_id=7, answer_id=1000 + n, after=WHO_WON, question_id=n)
    assert chat.answered(0) is None
    assert chat.answered(TRACKED_MESSAGES) is not None
    assert chat.previous(9, replying_to=1000) is None


@pytest.mark.parametrize(
    "stored",
    [
        None,
        {},
        "garbage",
        {"at": "yesterday"},
        {"at": 100.0},
        {"at": float("nan"), "entities": [], "fact_id": None, "tokens": []},
        {"at": 100.0, "entities": 3, "fact_id": None, "tokens": []},
        {"at": 100.0, "entities": "maa", "fact_id": None, "tokens": []},
        {"at": 100.0, "entities": [], "fact_id": 5, "tokens": []},
        {"at": 100.0, "entities": [], "tokens": []},
    ],
)
def test_garbage_stored_context_is_ignored(stored: object) -> None:
    assert restore_context(stored, now=100.0, ttl=60.0) is None


@pytest.mark.parametrize(
    "data",
    [
        {"contexts": "garbage", "threads": [1, 2], "answers": None},
        {"contexts": {7: "garbage"}, "threads": {50: {"at": "x"}}, "answers": {49: "garbage"}},
        {"contexts": {7: None}, "threads": {}, "answers": {49: {"reply": "fifty"}}},
    ],
)
def test_garbage_chat_state_is_ignored_and_replaced(data: dict[Any, Any]) -> None:
    chat = ChatConversations(data, ttl=60.0, clock=Clock())
    assert chat.previous(7, replying_to=50) is None
    assert chat.answered(49) is None
    chat.remember(user_id=7, answer_id=50, after=LEFT, question_id=49)
    assert chat.previous(7) == LEFT
    assert chat.previous(8, replying_to=50) == LEFT


def test_the_places_asked_of_survive_a_round_trip() -> None:
    """ "And how many died?" after a restart still asks of the place the last question named."""
    located = Context(located=frozenset({"@in-khalil"}))
    assert restore_context(store_context(located, 100.0), now=100.0, ttl=None) == located
    # (A context kept before the places were has none; one whose places are not names none.)
    kept = store_context(located, 100.0)
    del kept["located"]
    assert restore_context(kept, now=100.0, ttl=None) == Context()
    assert (
        restore_context({**store_context(located, 100.0), "located": [1]}, now=100.0, ttl=None)
        is None
    )


def test_the_questions_offered_survive_a_round_trip() -> None:
    """A reader who types "2" after a restart still picks the second question offered."""
    offered = Context(offered=("Who won?", "When did the MAA leave Ber?"))
    assert restore_context(store_context(offered, 100.0), now=100.0, ttl=None) == offered
    assert (
        restore_context({**store_context(offered, 100.0), "offered": [2]}, now=100.0, ttl=None)
        is None
    )
