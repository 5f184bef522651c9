"""The handlers: one per command, message kind, button press, inline query and error."""

from __future__ import annotations

import logging
import time
from html import escape
from typing import Any, cast

from telegram import CallbackQuery, Message, Poll, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, TelegramError

from bot.knowledge import Fact
from bot.quiz import RECENT
from bot.replies import NOTHING_TO_EXPLAIN, text_language
from bot.tgbot.addressing import addressed_question, replied_to_bot
from bot.tgbot.buttons import Press
from bot.tgbot.floods import Admission
from bot.tgbot.replying import (
    admitted,
    answer_question,
    edit_or_send,
    explain_later,
    fact_answer,
    migrate,
    quote_of,
    report,
    send,
    send_plain,
    send_usage,
    to_chat,
    usage_for,
)
from bot.tgbot.runtime import Ctx, conversations, runtime_of
from bot.tgbot.views import (
    APOLOGY,
    FLOOD_NOTICE,
    NO_QUIZ,
    STALE_BUTTON,
    UNKNOWN_COMMAND,
    about_text,
    help_text,
    inline_results,
    non_text_hint,
    nothing_found,
    render_reply,
    section_view,
    sections_view,
    starters_view,
    why_text,
)

log = logging.getLogger(__name__)

RECENT_QUIZZES = "quizzes"
"""The chat_data key of the facts of the chat's last quizzes (fact ids only, nobody's id)."""


async def start_command(update: Update, context: Ctx) -> None:
    """Answer a shared fact's deep link (/start <fact>); otherwise greet, with three example
    questions as buttons."""
    if not await admitted(update, context):
        return
    runtime = runtime_of(context)
    fact = runtime.buttons.linked(context.args[0]) if context.args else None
    if fact is not None:
        await _answer_link(update, context, fact)
        return
    text, keyboard = starters_view(runtime)
    await send(update, context, text, keyboard)


async def _answer_link(update: Update, context: Ctx, fact: Fact) -> None:
    """Answer the fact a deep link names, in the conversation of the one who opened it."""
    runtime = runtime_of(context)
    chat, user = update.effective_chat, update.effective_user
    if chat is None or user is None:
        return
    started = time.perf_counter()
    chats = conversations(context)
    reply = fact_answer(runtime, fact, chats.previous(user.id))
    pack, username = runtime.engine.pack, context.bot.username
    text, markup = render_reply(reply, pack, runtime.buttons, username=username)
    try:
        sent = await send(update, context, text, markup)
    finally:
        report(runtime, reply, chat.type, started)
    if sent is not None:
        chats.remember(user_id=user.id, answer_id=sent.message_id, after=reply.context)
        explain_later(runtime, reply, sent, user.id)


async def quiz_command(update: Update, context: Ctx) -> None:
    """Send a quiz poll made from one fact, not one of the chat's last few."""
    chat = update.effective_chat
    if chat is None or not await admitted(update, context):
        return
    runtime = runtime_of(context)
    chat_data = context.chat_data if context.chat_data is not None else {}
    recent = chat_data.get(RECENT_QUIZZES)
    if not isinstance(recent, list):
        recent = chat_data[RECENT_QUIZZES] = []
    quiz = runtime.quizzes.make(rng=runtime.rng, recent=recent)
    if quiz is None:
        await send(update, context, NO_QUIZ)
        return
    quote = quote_of(update)
    await to_chat(
        context,
        chat.id,
        lambda chat_id: context.bot.send_poll(
            chat_id,
            quiz.question,
            list(quiz.options),
            type=Poll.QUIZ,
            # A list of ints; the library types it as Literal 0-11.
            correct_option_ids=cast(Any, [quiz.correct]),
            explanation=quiz.explanation,
            # Plain text: the fact's words are shown as they are, whatever they hold.
            question_parse_mode=None,
            explanation_parse_mode=None,
            reply_parameters=quote,
        ),
    )
    recent.append(quiz.fact_id)
    del recent[:-RECENT]
    log.info("quiz on fact=%s", quiz.fact_id, extra={"event": "quiz", "fact_id": quiz.fact_id})


async def why_command(update: Update, context: Ctx) -> None:
    """Explain an answer: the one replied to, else the asker's latest in this chat."""
    message, chat, user = update.effective_message, update.effective_chat, update.effective_user
    if message is None or chat is None or not await admitted(update, context):
        return
    runtime = runtime_of(context)
    reply = runtime.explained.find(
        chat_id=chat.id,
        asker=user.id if user is not None else 0,
        replying_to=replied_to_bot(message, context.bot.id),
    )
    text = why_text(reply, runtime.engine.pack) if reply is not None else escape(NOTHING_TO_EXPLAIN)
    await send(update, context, text)


async def help_command(update: Update, context: Ctx) -> None:
    """Explain how to ask in private chats, groups and inline mode."""
    if not await admitted(update, context):
        return
    pack = runtime_of(context).engine.pack
    await send(update, context, help_text(pack, context.bot.username))


async def about_command(update: Update, context: Ctx) -> None:
    """Name the article, link its source and give its licence."""
    if not await admitted(update, context):
        return
    await send(update, context, about_text(runtime_of(context).engine.pack))


async def topics_command(update: Update, context: Ctx) -> None:
    """Offer the sections the bot knows about, one button each."""
    if not await admitted(update, context):
        return
    text, keyboard = sections_view(runtime_of(context).buttons)
    await send(update, context, text, keyboard)


async def ask_command(update: Update, context: Ctx) -> None:
    """Answer the question after /ask, or say how to ask one."""
    await _answer_addressed(update, context)


async def text_message(update: Update, context: Ctx) -> None:
    """Answer private text, and group messages that mention the bot or reply to it."""
    await _answer_addressed(update, context)


async def _answer_addressed(update: Update, context: Ctx) -> None:
    message = update.effective_message
    if message is None:
        return
    question = addressed_question(message, username=context.bot.username, bot_id=context.bot.id)
    if question is None or not await admitted(update, context):
        return
    if not question:
        await send_usage(update, context)
        return
    await answer_question(update, context, question)


async def edited_message(update: Update, context: Ctx) -> None:
    """Update the bot's answer when the question it answered is edited."""
    message = update.edited_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    question = addressed_question(message, username=context.bot.username, bot_id=context.bot.id)
    if question is None or not await admitted(update, context):
        return
    chats = conversations(context)
    answered = chats.answered(message.message_id)
    if answered is None:
        # Never answered (or long forgotten): answer the edit as a new question.
        if question:
            await answer_question(update, context, question)
        else:
            await send_usage(update, context)
        return
    runtime = runtime_of(context)
    started = time.perf_counter()
    if question:
        reply = runtime.engine.answer(question, context=answered.before)
        text, markup = render_reply(
            reply, runtime.engine.pack, runtime.buttons, username=context.bot.username
        )
    else:
        reply, text, markup = None, usage_for(update, runtime.engine), None
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat.id, message_id=answered.reply_id, reply_markup=markup
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
    if reply is not None:
        report(runtime, reply, chat.type, started)
        chats.threads.keep(answered.reply_id, reply.context)
        if message.from_user is not None:
            runtime.explained.keep(
                reply, chat_id=chat.id, message_id=answered.reply_id, asker=message.from_user.id
            )


async def chat_migrated(update: Update, context: Ctx) -> None:
    """Move a group's conversations to the supergroup it has become."""
    message = update.effective_message
    if message is not None and message.migrate_to_chat_id is not None:
        migrate(context, message.chat.id, message.migrate_to_chat_id)


async def non_text_message(update: Update, context: Ctx) -> None:
    """Answer a sticker, photo or voice message in a private chat with a short hint."""
    if not await admitted(update, context):
        return
    await send(update, context, non_text_hint(runtime_of(context).engine.pack))


async def unknown_command(update: Update, context: Ctx) -> None:
    """Point a private chat's unknown command to the ones that exist."""
    if not await admitted(update, context):
        return
    await send(update, context, UNKNOWN_COMMAND)


async def button_press(update: Update, context: Ctx) -> None:
    """Act on a button: answer a suggested question, or browse the topics."""
    query = update.callback_query
    if query is None:
        return
    runtime = runtime_of(context)
    press = runtime.buttons.decode(query.data)
    if press is None:
        log.info("stale or unknown button data from user %s", query.from_user.id)
        await query.answer(STALE_BUTTON)
        return
    verdict = runtime.flood.check(query.from_user.id)
    if verdict is not Admission.ALLOW:
        await query.answer(FLOOD_NOTICE if verdict is Admission.NOTICE else None)
        return
    message = query.message if isinstance(query.message, Message) else None
    if press.action == "sections":
        text, keyboard = sections_view(runtime.buttons)
        await query.answer()
        await edit_or_send(update, context, message, text, keyboard)
        return
    if press.action == "section" and press.section is not None:
        text, keyboard = section_view(runtime.buttons, press.section)
        await query.answer()
        await edit_or_send(update, context, message, text, keyboard)
        return
    await _answer_press(update, context, query, press, message)


async def _answer_press(
    update: Update, context: Ctx, query: CallbackQuery, press: Press, message: Message | None
) -> None:
    """Answer a button's fact, in place of its message or in a new one, in the conversation."""
    runtime = runtime_of(context)
    fact = press.fact
    chat = update.effective_chat
    if fact is None or chat is None:
        await query.answer(STALE_BUTTON)
        return
    await query.answer()
    started = time.perf_counter()
    chats = conversations(context)
    # (A button under a French reply was offered in French: it is answered so.)
    language = text_language(message.text or "") if message is not None else "en"
    reply = fact_answer(runtime, fact, chats.previous(query.from_user.id), language=language)
    text, markup = render_reply(
        reply, runtime.engine.pack, runtime.buttons, username=context.bot.username
    )
    try:
        if press.action == "answer":
            sent = await edit_or_send(update, context, message, text, markup)
        else:
            sent = await send_plain(context, chat.id, text, markup)
    finally:
        report(runtime, reply, chat.type, started)
    if sent is not None:
        chats.remember(user_id=query.from_user.id, answer_id=sent.message_id, after=reply.context)
        explain_later(runtime, reply, sent, query.from_user.id)


async def inline_query(update: Update, context: Ctx) -> None:
    """Offer up to five cited answers to a question typed after @ThisBot in any chat."""
    query = update.inline_query
    if query is None:
        return
    runtime = runtime_of(context)
    started = time.perf_counter()
    results, reply = inline_results(runtime, query.query, context.bot.username)
    try:
        button = nothing_found() if not results else None
        await query.answer(results, cache_time=300, button=button)
    finally:
        if reply is not None:
            report(runtime, reply, "inline", started)


async def error_handler(update: object, context: Ctx) -> None:
    """Log a failed update; apologise in private chats for our own bugs; keep serving."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=context.error)
    if isinstance(context.error, TelegramError) or not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:
        try:
            await send_plain(context, chat.id, APOLOGY)
        except TelegramError as error:
            log.warning("could not apologise in chat %s: %s", chat.id, error)
