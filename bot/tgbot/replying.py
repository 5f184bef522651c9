"""Answering in a chat: sending and editing messages, flood checks, and reporting each answer."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from telegram import InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated

from bot.knowledge import Fact
from bot.matching import Context, Engine, Reply
from bot.tgbot.addressing import replied_to_bot
from bot.tgbot.floods import FLOOD_WINDOW, Admission
from bot.tgbot.runtime import Ctx, Runtime, conversations, runtime_of
from bot.tgbot.views import (
    FLOOD_NOTICE,
    fact_reply,
    private_usage_text,
    render_reply,
    usage_text,
)

T = TypeVar("T")

log = logging.getLogger(__name__)


def report(runtime: Runtime, reply: Reply, chat_type: str, started: float) -> None:
    """Log a question's outcome and latency, and pass the reply to the on_reply hook."""
    _log_question(runtime, reply, chat_type, started)
    if runtime.on_reply is None:
        return
    try:
        runtime.on_reply(reply, chat_type)
    except Exception:
        log.exception("the on_reply hook failed; the answer is sent anyway")


def _log_question(runtime: Runtime, reply: Reply, chat_type: str, started: float) -> None:
    latency = round((time.perf_counter() - started) * 1000)
    fields: dict[str, Any] = {
        "event": "question",
        "outcome": reply.outcome.value,
        "fact_id": reply.fact_id,
        "confidence": reply.confidence,
        "latency_ms": latency,
        "chat_type": chat_type,
    }
    text = (
        f"question {reply.outcome.value} fact={reply.fact_id or '-'} in {latency} ms ({chat_type})"
    )
    if runtime.settings.log_questions:
        fields["question"] = reply.question[:300]
        text += f": {reply.question[:300]!r}"
    log.info(text, extra=fields)


async def to_chat(context: Ctx, chat_id: int, sending: Callable[[int], Awaitable[T]]) -> T:
    """Send with `sending(chat_id)`; if the group has become a supergroup, move the chat's
    conversations to the supergroup and send there."""
    try:
        return await sending(chat_id)
    except ChatMigrated as moved:
        new_id = moved.new_chat_id
        log.info(
            "chat %s is now supergroup %s: its conversations move there",
            chat_id,
            new_id,
            extra={"event": "chat-migrated", "chat_id": chat_id, "new_chat_id": new_id},
        )
        migrate(context, chat_id, new_id)
        return await sending(new_id)


def migrate(context: Ctx, old_id: int, new_id: int) -> None:
    """Move a chat's conversations to its new id, unless they have moved already."""
    if old_id in context.application.chat_data:
        context.application.migrate_chat_data(old_chat_id=old_id, new_chat_id=new_id)


def quote_of(update: Update) -> ReplyParameters | None:
    """Return how to quote the message being answered: in groups only."""
    chat, message = update.effective_chat, update.effective_message
    if chat is None or chat.type == ChatType.PRIVATE or message is None:
        return None
    return ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)


async def send(
    update: Update, context: Ctx, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Send to the update's chat; in groups, quote the message being answered."""
    chat = update.effective_chat
    if chat is None:
        return None
    quote = quote_of(update)
    return await to_chat(
        context,
        chat.id,
        lambda chat_id: context.bot.send_message(
            chat_id, text, reply_markup=markup, reply_parameters=quote
        ),
    )


async def send_plain(
    context: Ctx, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Send a new message to a chat, quoting nothing."""
    return await to_chat(
        context, chat_id, lambda target: context.bot.send_message(target, text, reply_markup=markup)
    )


async def edit_or_send(
    update: Update,
    context: Ctx,
    message: Message | None,
    text: str,
    markup: InlineKeyboardMarkup | None,
) -> Message | None:
    """Replace the button's message; send a new one when it can no longer be edited."""
    chat = update.effective_chat
    if message is not None:
        try:
            edited = await message.edit_text(text, reply_markup=markup)
        except BadRequest as error:
            if "not modified" in str(error).lower():
                return message
            log.info("could not edit message %s (%s); sending a new one", message.message_id, error)
        else:
            return edited if isinstance(edited, Message) else message
    if chat is None:
        return None
    return await send_plain(context, chat.id, text, markup)


async def admitted(update: Update, context: Ctx) -> bool:
    """Count a question against the user's flood allowance; send the one notice when exceeded."""
    user = update.effective_user
    if user is None:
        return True
    verdict = runtime_of(context).flood.check(user.id)
    if verdict is Admission.NOTICE:
        log.info("flood control: user %s is ignored for %.0f s", user.id, FLOOD_WINDOW)
        await send(update, context, FLOOD_NOTICE)
    return verdict is Admission.ALLOW


async def answer_question(update: Update, context: Ctx, question: str) -> None:
    """Answer a question asked in a message, continuing the conversation it belongs to."""
    runtime = runtime_of(context)
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or message is None or user is None:
        return
    # No "typing" action: an answer takes well under a millisecond to prepare, and the action
    # would cost a Bot API call (and flood budget) per question.
    started = time.perf_counter()
    chats = conversations(context)
    previous = chats.previous(user.id, replying_to=replied_to_bot(message, context.bot.id))
    reply = runtime.engine.answer(question, context=previous)
    text, markup = render_reply(
        reply, runtime.engine.pack, runtime.buttons, username=context.bot.username
    )
    try:
        sent = await send(update, context, text, markup)
    finally:
        # Logged and reported even when sending failed: the question was still asked.
        report(runtime, reply, chat.type, started)
    if sent is not None:
        chats.remember(
            user_id=user.id,
            answer_id=sent.message_id,
            after=reply.context,
            question_id=message.message_id,
            before=previous,
        )
        explain_later(runtime, reply, sent, user.id)


def explain_later(runtime: Runtime, reply: Reply, sent: Message, asker: int) -> None:
    """Keep the reply an answer message carries, for /why."""
    runtime.explained.keep(reply, chat_id=sent.chat_id, message_id=sent.message_id, asker=asker)


def fact_answer(
    runtime: Runtime, fact: Fact, previous: Context | None, *, language: str = "en"
) -> Reply:
    """Return the reply answering a chosen fact, in the conversation when it answers it there,
    asked as it is offered in a language (a French reader's button is its French phrasing)."""
    engine = runtime.engine
    number = engine.index.fact_index.get(fact.id)
    asked = engine.index.offered(number, language) if number is not None else fact.questions[0]
    reply = engine.answer(asked, context=previous)
    return reply if reply.fact_id == fact.id else fact_reply(fact)


def example(engine: Engine) -> str:
    """Return a question to show in the /ask hint."""
    starters = engine.starters()
    return starters[0] if starters else f"What was the {engine.pack.article.title}?"


def usage_for(update: Update, engine: Engine) -> str:
    """Return how to ask: after /ask, or in a private chat simply by typing."""
    message, chat = update.effective_message, update.effective_chat
    text = message.text if message is not None else None
    if chat is not None and chat.type == ChatType.PRIVATE and not (text or "").startswith("/"):
        return private_usage_text(example(engine))
    return usage_text(example(engine))


async def send_usage(update: Update, context: Ctx) -> None:
    """Say how to ask, for an /ask without a question or a blank private message."""
    await send(update, context, usage_for(update, runtime_of(context).engine))
