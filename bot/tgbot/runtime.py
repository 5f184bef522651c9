"""What every handler needs, kept in bot_data, and each chat's conversations."""

from __future__ import annotations

import random
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

from telegram.ext import Application, ContextTypes

from bot.conversation import ChatConversations
from bot.matching import Engine, Reply
from bot.quiz import Quizzes
from bot.settings import Settings
from bot.tgbot.buttons import Buttons
from bot.tgbot.floods import FloodLimiter

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
Ctx: TypeAlias = ContextTypes.DEFAULT_TYPE
OnReply: TypeAlias = Callable[[Reply, str], None]

RUNTIME = "berbot"
"""The bot_data key of the Runtime."""


EXPLAINED_ANSWERS = 2000
"""Answers whose replies are kept in memory for /why, the oldest going first."""


class Explained:
    """The engine's replies behind the bot's recent answers, in memory only, for /why."""

    def __init__(self, limit: int = EXPLAINED_ANSWERS) -> None:
        self.limit = limit
        self._by_message: OrderedDict[tuple[int, int], Reply] = OrderedDict()
        self._last: OrderedDict[tuple[int, int], Reply] = OrderedDict()

    def keep(self, reply: Reply, *, chat_id: int, message_id: int, asker: int) -> None:
        """Keep the reply an answer message carries, as the asker's latest in the chat."""
        for store, key in (
            (self._by_message, (chat_id, message_id)),
            (self._last, (chat_id, asker)),
        ):
            store.pop(key, None)
            store[key] = reply
            while len(store) > self.limit:
                store.popitem(last=False)

    def find(self, *, chat_id: int, asker: int, replying_to: int | None) -> Reply | None:
        """Return the reply behind the answer replied to, else the asker's latest in the chat."""
        if replying_to is not None:
            return self._by_message.get((chat_id, replying_to))
        return self._last.get((chat_id, asker))


@dataclass(slots=True)
class Runtime:
    """What every handler needs; kept in bot_data, which is not persisted."""

    engine: Engine
    settings: Settings
    buttons: Buttons
    on_reply: OnReply | None = None
    flood: FloodLimiter = field(default_factory=FloodLimiter)
    quizzes: Quizzes = field(init=False)
    """Made from the engine's pack with the runtime."""
    rng: random.Random = field(default_factory=random.Random)
    """Chooses quizzes and orders their options."""
    explained: Explained = field(default_factory=Explained)

    def __post_init__(self) -> None:
        self.quizzes = Quizzes(self.engine.pack, self.engine.vocabulary)


def runtime_of(context: Ctx) -> Runtime:
    """Return the Runtime that build_application put in bot_data."""
    return cast(Runtime, context.bot_data[RUNTIME])


def conversations(context: Ctx) -> ChatConversations:
    """Return the conversations of the update's chat, kept in its persisted chat_data."""
    # Updates without a chat (inline queries) have no chat_data; nothing is kept for them.
    chat_data = context.chat_data if context.chat_data is not None else {}
    return ChatConversations(chat_data, ttl=runtime_of(context).settings.context_ttl)
