"""Answering in a chat: sending and editing messages, flood checks, and reporting each answer."""

from __future__ import annotations

import logging
import time
from typing import Any

from telegram import InlineKeyboardMarkup, Message, ReplyParameters, Update
from telegram.constants import ChatType
from telegram.error import BadRequest

from bot.matching import Engine, Reply
from bot.tgbot.addressing import replied_to_bot
from bot.tgbot.floods import FLOOD_WINDOW, Admission
from bot.tgbot.runtime import Ctx, Runtime, conversations, runtime_of
from bot.tgbot.views import FLOOD_NOTICE, render_reply, usage_text

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


async def send(
    update: Update, context: Ctx, text: str, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Send to the update's chat; in groups, quote the message being answered."""
    chat = update.effective_chat
    message = update.effective_message
    if chat is None:
        return None
    quote = None
    if chat.type != ChatType.PRIVATE and message is not None:
        quote = ReplyParameters(message_id=message.message_id, allow_sending_without_reply=True)
    return await context.bot.send_message(
        chat.id, text, reply_markup=markup, reply_parameters=quote
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
    return await context.bot.send_message(chat.id, text, reply_markup=markup)


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
    text, markup = render_reply(reply, runtime.engine.pack, runtime.buttons)
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


def example(engine: Engine) -> str:
    """Return a question to show in the /ask hint."""
    starters = engine.starters()
    return starters[0] if starters else f"What was the {engine.pack.article.title}?"


async def send_usage(update: Update, context: Ctx) -> None:
    """Say how to ask, for an /ask without a question."""
    await send(update, context, usage_text(example(runtime_of(context).engine)))
