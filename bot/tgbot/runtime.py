"""What every handler needs, kept in bot_data, and each chat's conversations."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeAlias, cast

from telegram.ext import Application, ContextTypes

from bot.conversation import ChatConversations
from bot.matching import Engine, Reply
from bot.settings import Settings
from bot.tgbot.buttons import Buttons
from bot.tgbot.floods import FloodLimiter

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
Ctx: TypeAlias = ContextTypes.DEFAULT_TYPE
OnReply: TypeAlias = Callable[[Reply, str], None]

RUNTIME = "berbot"
"""The bot_data key of the Runtime."""


@dataclass(slots=True)
class Runtime:
    """What every handler needs; kept in bot_data, which is not persisted."""

    engine: Engine
    settings: Settings
    buttons: Buttons
    on_reply: OnReply | None = None
    flood: FloodLimiter = field(default_factory=FloodLimiter)


def runtime_of(context: Ctx) -> Runtime:
    """Return the Runtime that build_application put in bot_data."""
    return cast(Runtime, context.bot_data[RUNTIME])


def conversations(context: Ctx) -> ChatConversations:
    """Return the conversations of the update's chat, kept in its persisted chat_data."""
    # Updates without a chat (inline queries) have no chat_data; nothing is kept for them.
    chat_data = context.chat_data if context.chat_data is not None else {}
    return ChatConversations(chat_data, ttl=runtime_of(context).settings.context_ttl)
