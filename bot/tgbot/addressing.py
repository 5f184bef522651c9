"""Which messages are addressed to the bot, and the question in them."""

from __future__ import annotations

import re

from telegram import Message
from telegram.constants import ChatType, MessageEntityType


def _command(message: Message) -> tuple[str, str | None, int] | None:
    """Return (command, @target or None, length) when the message starts with a bot command."""
    text = message.text or ""
    first = message.entities[0] if message.entities else None
    if first is None or first.type != MessageEntityType.BOT_COMMAND or first.offset != 0:
        return None
    # Commands are ASCII, so the entity's UTF-16 length is its length in characters.
    name, _, target = text[1 : first.length].partition("@")
    return name.lower(), target or None, first.length


def _mentions(message: Message, username: str, bot_id: int) -> bool:
    wanted = f"@{username}".casefold()
    for entity, text in message.parse_entities(
        [MessageEntityType.MENTION, MessageEntityType.TEXT_MENTION]
    ).items():
        if entity.type == MessageEntityType.MENTION and text.casefold() == wanted:
            return True
        if entity.user is not None and entity.user.id == bot_id:
            return True
    return False


def _without_mentions(text: str, username: str) -> str:
    return " ".join(re.sub(rf"(?<!\w)@{re.escape(username)}\b", " ", text, flags=re.I).split())


def addressed_question(message: Message, *, username: str, bot_id: int) -> str | None:
    """Return the question a message puts to the bot: "" for none, None if not addressed to it.

    Private chats: any text (after /ask). Groups: /ask, /ask@ThisBot, a mention of the bot, or a
    reply to one of its messages; other chatter and commands for other bots are not addressed.
    """
    text = message.text
    if text is None:
        return None
    command = _command(message)
    if command is not None:
        name, target, length = command
        if name != "ask" or (target is not None and target.casefold() != username.casefold()):
            return None
        return _without_mentions(text[length:], username)
    if message.chat.type == ChatType.PRIVATE:
        return _without_mentions(text, username)
    if replied_to_bot(message, bot_id) is not None or _mentions(message, username, bot_id):
        return _without_mentions(text, username)
    return None


def replied_to_bot(message: Message | None, bot_id: int) -> int | None:
    """Return the id of the bot's message this one replies to, or None."""
    replied = message.reply_to_message if message is not None else None
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return replied.message_id
    return None
