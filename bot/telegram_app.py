"""The Telegram front end: commands, questions in every kind of chat, buttons and inline mode."""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import os
import re
import secrets
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum
from html import escape
from typing import Any, Literal, TextIO, TypeAlias, cast
from urllib.parse import urlparse

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ChatType, MessageEntityType, ParseMode
from telegram.error import BadRequest, InvalidToken, NetworkError, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)

from bot.knowledge import Fact, Pack, Source, load_pack
from bot.matching import Context, Engine, Outcome, Reply
from bot.replies import render_html
from bot.settings import Settings
from bot.unanswered import Recorder

App: TypeAlias = Application[Any, Any, Any, Any, Any, Any]
Ctx: TypeAlias = ContextTypes.DEFAULT_TYPE
OnReply: TypeAlias = Callable[[Reply, str], None]

log = logging.getLogger(__name__)

STATE_FILE = "telegram-state.pickle"
"""Conversation state (follow-up context, answered questions) kept under the data directory."""
FLOOD_LIMIT = 10
"""Questions a user may ask within FLOOD_WINDOW seconds before the bot goes quiet for them."""
FLOOD_WINDOW = 30.0
"""Seconds over which questions are counted, and how long a flooding user is ignored."""
RATE_LIMIT_RETRIES = 10
"""How often a request that Telegram answers with 429 is retried, each after the wait it asks."""
POLL_TIMEOUT = timedelta(seconds=30)
"""How long one getUpdates call waits for news."""
ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
)
CALLBACK_DATA_LIMIT = 64
"""Telegram's limit on a button's callback data, in bytes."""
SUGGESTION_BUTTONS = 3
INLINE_RESULTS = 5
TRACKED_MESSAGES = 200
"""Answered questions remembered per chat, so an edited question can update its answer."""

PRIVATE_COMMANDS = (
    BotCommand("start", "What I do, with example questions"),
    BotCommand("ask", "Ask a question about the battle"),
    BotCommand("topics", "Browse what I know, by section"),
    BotCommand("about", "The article, its source and licence"),
    BotCommand("help", "How to ask, here and in groups"),
)
GROUP_COMMANDS = (
    BotCommand("ask", "Ask a question about the battle"),
    BotCommand("topics", "Browse what I know, by section"),
    BotCommand("about", "The article, its source and licence"),
    BotCommand("help", "How to ask me in a group"),
)

FLOOD_NOTICE = "You're asking faster than I can keep up. Give me half a minute, then ask again."
STALE_BUTTON = "That button is out of date. Send /topics or ask me again."
UNKNOWN_COMMAND = "I don't know that command. Try /help or /topics, or just type a question."
APOLOGY = "Sorry, something went wrong with that one. Please try again."
SECTION_LABELS = {"Infobox": "Key facts", "Lead": "Overview"}

_RUNTIME = "berbot"
_CONTEXTS = "contexts"  # user id -> follow-up context, per chat
_THREADS = "threads"  # bot message id -> the context after that answer, for replies to it
_ANSWERS = "answers"  # question message id -> the bot's answer and the context it was asked in


# -- flood control ----------------------------------------------------------------------------


class Admission(StrEnum):
    """What to do with a user's next question."""

    ALLOW = "allow"
    NOTICE = "notice"
    SILENT = "silent"


class FloodLimiter:
    """Count each user's questions in a sliding window; past the limit, one notice, then quiet."""

    def __init__(
        self,
        *,
        limit: int = FLOOD_LIMIT,
        window: float = FLOOD_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._quiet_until: dict[int, float] = {}

    def check(self, user_id: int) -> Admission:
        """Count one question from this user and say whether to answer it."""
        now = self._clock()
        until = self._quiet_until.get(user_id)
        if until is not None:
            if now < until:
                return Admission.SILENT
            del self._quiet_until[user_id]
            self._recent.pop(user_id, None)
        recent = self._recent.setdefault(user_id, deque())
        while recent and now - recent[0] >= self.window:
            recent.popleft()
        if len(recent) >= self.limit:
            self._quiet_until[user_id] = now + self.window
            return Admission.NOTICE
        recent.append(now)
        if len(self._recent) > 10_000:
            self._forget_idle(now)
        return Admission.ALLOW

    def _forget_idle(self, now: float) -> None:
        idle = [
            u for u, times in self._recent.items() if not times or now - times[-1] >= self.window
        ]
        for user_id in idle:
            del self._recent[user_id]


# -- buttons ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Press:
    """A button press, decoded and checked against the pack."""

    action: Literal["answer", "ask", "section", "sections"]
    """answer: replace the message with the fact's answer; ask: answer in a new message;
    section: list a section's questions; sections: list the sections."""
    fact: Fact | None = None
    """The fact to answer, for answer and ask."""
    section: int | None = None
    """The section's position in Buttons.sections, for section."""


class Buttons:
    """Encode button data within Telegram's 64 bytes and decode it back, rejecting the unknown."""

    def __init__(self, pack: Pack) -> None:
        self._token: dict[str, str] = {}
        self._fact: dict[str, Fact] = {}
        for fact in pack.facts:
            token = fact.id
            if len(f"f:{token}".encode()) > CALLBACK_DATA_LIMIT:
                token = "#" + hashlib.blake2b(fact.id.encode(), digest_size=12).hexdigest()
            self._token[fact.id] = token
            self._fact[token] = fact
        self.by_question: dict[str, Fact] = {}
        for fact in pack.facts:
            self.by_question.setdefault(fact.questions[0], fact)
        grouped: dict[str, list[Fact]] = {}
        for fact in pack.facts:
            grouped.setdefault(fact.section, []).append(fact)
        order = [s for s in pack.article.sections if s in grouped]
        order += [s for s in grouped if s not in order]
        self.sections: tuple[tuple[str, tuple[Fact, ...]], ...] = tuple(
            (name, tuple(grouped[name])) for name in order
        )

    def answer(self, fact: Fact) -> str:
        """Return the data of a button that answers this fact in place of its message."""
        return f"f:{self._token[fact.id]}"

    def ask(self, fact: Fact) -> str:
        """Return the data of a button that answers this fact in a new message."""
        return f"q:{self._token[fact.id]}"

    def section(self, index: int) -> str:
        """Return the data of a button that lists one section's questions."""
        return f"s:{index}"

    def all_sections(self) -> str:
        """Return the data of a button that lists the sections."""
        return "t:"

    def decode(self, data: object) -> Press | None:
        """Return what a button's data asks for, or None when it is unknown, stale or forged."""
        if not isinstance(data, str) or len(data.encode()) > CALLBACK_DATA_LIMIT:
            return None
        kind, colon, rest = data.partition(":")
        if not colon:
            return None
        if kind in ("f", "q"):
            fact = self._fact.get(rest)
            if fact is None:
                return None
            return Press("answer" if kind == "f" else "ask", fact=fact)
        if kind == "s":
            if not (rest.isascii() and rest.isdigit()) or int(rest) >= len(self.sections):
                return None
            return Press("section", section=int(rest))
        if kind == "t" and not rest:
            return Press("sections")
        return None


def _label(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _keyboard(rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(_label(text), callback_data=data)] for text, data in rows]
    )


# -- rendering --------------------------------------------------------------------------------


def reply_html(reply: Reply, source: Source, *, with_suggestions: bool = True) -> str:
    """Render a reply as Telegram HTML that always fits in one message."""
    return render_html(reply, source, with_suggestions=with_suggestions)


def render_reply(
    reply: Reply, pack: Pack, buttons: Buttons
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Render a reply as Telegram HTML, with its suggestions as "did you mean" buttons."""
    facts = [buttons.by_question.get(q) for q in reply.suggestions[:SUGGESTION_BUTTONS]]
    offered = [f for f in facts if f is not None]
    if not offered or len(offered) != len(facts):
        return reply_html(reply, pack.source), None
    text = reply_html(reply, pack.source, with_suggestions=False)
    return text, _keyboard([(f.questions[0], buttons.answer(f)) for f in offered])


def fact_reply(fact: Fact) -> Reply:
    """Return the reply that answers one fact, as if its canonical question had been asked."""
    return Reply(
        question=fact.questions[0],
        outcome=Outcome.ANSWER,
        text=fact.answer,
        citations=fact.citations,
        confidence=1.0,
        fact_id=fact.id,
        on_topic=True,
        context=Context(entities=fact.about, fact_id=fact.id),
    )


def start_text(pack: Pack) -> str:
    """Return the greeting: what the bot is and how to ask."""
    title = escape(pack.article.title)
    return (
        f"<b>I answer questions about the {title}</b>, quoting the Wikipedia article's own "
        "sentences.\nAsk in your own words, or try one of these. /topics lists everything I know."
    )


def help_text(pack: Pack, username: str) -> str:
    """Return how to ask, in private chats, groups and inline."""
    bot = escape(f"@{username}")
    title = escape(pack.article.title)
    return "\n".join(
        [
            f"<b>Ask me anything about the {title}.</b> Every answer quotes the article.",
            "Here, just type a question, e.g. <i>Who won?</i> Follow-ups such as "
            "<i>and when did they leave?</i> continue the conversation.",
            f"In groups: <code>/ask your question</code>, mention me ({bot} your question), "
            "or reply to one of my answers.",
            f"In any chat: type <code>{bot} your question</code> to pick and share an answer.",
            "/topics browse what I know, by section",
            "/about the article, its source and licence",
        ]
    )


def about_text(pack: Pack) -> str:
    """Return the article's title, source link and licence."""
    source = pack.source
    return "\n".join(
        [
            f"<b>{escape(source.title)}</b>",
            f'Everything I say comes from the <a href="{escape(source.url)}">'
            f"{escape(source.publisher)} article</a>.",
            f'Licence: <a href="{escape(source.licence_url)}">{escape(source.licence)}</a>',
            f"<i>{escape(source.notice)}</i>",
        ]
    )


def usage_text(example: str) -> str:
    """Return the one-line hint for an /ask without a question."""
    return f"Put your question after the command, e.g. <code>/ask {escape(example)}</code>"


def non_text_hint(pack: Pack) -> str:
    """Return the hint for stickers, photos and voice messages in a private chat."""
    return f"I can only read text. Ask me a question about the {escape(pack.article.title)}."


def sections_view(buttons: Buttons) -> tuple[str, InlineKeyboardMarkup]:
    """Return the /topics message: one button per section."""
    rows = [
        (f"{SECTION_LABELS.get(name, name)} ({len(facts)})", buttons.section(index))
        for index, (name, facts) in enumerate(buttons.sections)
    ]
    return "<b>What I know, by section.</b> Pick one to see its questions.", _keyboard(rows)


def section_view(buttons: Buttons, index: int) -> tuple[str, InlineKeyboardMarkup]:
    """Return one section's questions as buttons, and a way back to the sections."""
    name, facts = buttons.sections[index]
    # Telegram allows 100 buttons in a keyboard; keep room for the way back.
    rows = [(f.questions[0], buttons.ask(f)) for f in facts[:99]]
    rows.append(("« All sections", buttons.all_sections()))
    label = escape(SECTION_LABELS.get(name, name))
    return f"<b>{label}</b>: pick a question.", _keyboard(rows)


def inline_results(
    runtime: Runtime, query: str
) -> tuple[list[InlineQueryResultArticle], Reply | None]:
    """Return up to five inline answers for a query, and the engine's reply when it was asked."""
    pack = runtime.engine.pack
    buttons = runtime.buttons
    reply: Reply | None = None
    results: list[InlineQueryResultArticle] = []
    facts: list[Fact] = []
    text = query.strip()
    if not text:
        facts = [f for q in runtime.engine.starters() if (f := buttons.by_question.get(q))]
    else:
        reply = runtime.engine.answer(text)
        if reply.answered and reply.fact_id is None:
            quote = reply.citations[0].text if reply.citations else reply.text
            digest = hashlib.blake2b(quote.encode(), digest_size=12).hexdigest()
            results.append(
                _article(f"x{digest}", _label(text, 100), quote, reply_html(reply, pack.source))
            )
        if reply.fact_id is not None and (fact := pack.fact(reply.fact_id)) is not None:
            facts.append(fact)
        runner = pack.fact(reply.runner_up.fact_id) if reply.runner_up is not None else None
        if reply.answered and runner is not None:
            facts.append(runner)
        if reply.on_topic:
            facts += [f for q in reply.suggestions if (f := buttons.by_question.get(q))]
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen or len(results) >= INLINE_RESULTS:
            continue
        seen.add(fact.id)
        html = reply_html(fact_reply(fact), pack.source)
        results.append(_article(buttons.ask(fact)[2:], fact.questions[0], fact.answer, html))
    return results, reply


def _article(result_id: str, title: str, description: str, html: str) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id,
        title=title,
        description=_label(description, 120),
        input_message_content=InputTextMessageContent(html, parse_mode=ParseMode.HTML),
    )


# -- conversation state -----------------------------------------------------------------------


def store_context(context: Context, now: float) -> dict[str, Any]:
    """Return a context as plain data for persistence, stamped with the time it was made."""
    return {
        "at": now,
        "entities": list(context.entities),
        "fact_id": context.fact_id,
        "tokens": list(context.tokens),
    }


def restore_context(data: object, *, now: float, ttl: float) -> Context | None:
    """Return a stored context, or None when there is none, it is malformed or it has expired."""
    if not isinstance(data, dict):
        return None
    at = data.get("at")
    if not isinstance(at, int | float) or now - at > ttl:
        return None
    try:
        return Context(
            entities=tuple(data["entities"]),
            fact_id=data["fact_id"],
            tokens=tuple(data["tokens"]),
        )
    except (KeyError, TypeError):
        return None


def _put(mapping: MutableMapping[int, Any], key: int, value: Any) -> None:
    mapping.pop(key, None)
    mapping[key] = value
    while len(mapping) > TRACKED_MESSAGES:
        del mapping[next(iter(mapping))]


def _previous_context(
    chat_data: dict[Any, Any], message: Message | None, user_id: int, *, bot_id: int, ttl: float
) -> Context | None:
    """Return the context a question continues: the answer it replies to, else the user's last."""
    now = time.time()
    replied = message.reply_to_message if message is not None else None
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        thread = restore_context(
            chat_data.get(_THREADS, {}).get(replied.message_id), now=now, ttl=ttl
        )
        if thread is not None:
            return thread
    return restore_context(chat_data.get(_CONTEXTS, {}).get(user_id), now=now, ttl=ttl)


def _remember(
    chat_data: dict[Any, Any],
    *,
    user_id: int,
    answer_id: int,
    after: Context,
    ttl: float,
    question_id: int | None = None,
    before: Context | None = None,
) -> None:
    now = time.time()
    stored = store_context(after, now)
    contexts: dict[int, Any] = chat_data.setdefault(_CONTEXTS, {})
    for stale in [u for u, c in contexts.items() if restore_context(c, now=now, ttl=ttl) is None]:
        del contexts[stale]
    contexts[user_id] = stored
    _put(chat_data.setdefault(_THREADS, {}), answer_id, stored)
    if question_id is not None:
        record = {"reply": answer_id, "before": store_context(before, now) if before else None}
        _put(chat_data.setdefault(_ANSWERS, {}), question_id, record)


# -- addressing -------------------------------------------------------------------------------


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
    replied = message.reply_to_message
    to_bot = (
        replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    )
    if to_bot or _mentions(message, username, bot_id):
        return _without_mentions(text, username)
    return None


# -- the running bot --------------------------------------------------------------------------


@dataclass(slots=True)
class Runtime:
    """What every handler needs; kept in bot_data, which is not persisted."""

    engine: Engine
    settings: Settings
    buttons: Buttons
    on_reply: OnReply | None = None
    flood: FloodLimiter = field(default_factory=FloodLimiter)


def _runtime(context: Ctx) -> Runtime:
    return cast(Runtime, context.bot_data[_RUNTIME])


def _chat_data(context: Ctx) -> dict[Any, Any]:
    # Updates without a chat (inline queries) have no chat_data; nothing is kept for them.
    return context.chat_data if context.chat_data is not None else {}


def _notify(runtime: Runtime, reply: Reply, chat_type: str) -> None:
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


async def _send(
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


async def _admitted(update: Update, context: Ctx) -> bool:
    """Count a question against the user's flood allowance; send the one notice when exceeded."""
    user = update.effective_user
    if user is None:
        return True
    verdict = _runtime(context).flood.check(user.id)
    if verdict is Admission.NOTICE:
        log.info("flood control: user %s is ignored for %.0f s", user.id, FLOOD_WINDOW)
        await _send(update, context, FLOOD_NOTICE)
    return verdict is Admission.ALLOW


async def _answer(update: Update, context: Ctx, question: str) -> None:
    """Answer a question asked in a message, continuing the conversation it belongs to."""
    runtime = _runtime(context)
    chat, message, user = update.effective_chat, update.effective_message, update.effective_user
    if chat is None or message is None or user is None:
        return
    # No "typing" action: an answer takes well under a millisecond to prepare, and the action
    # would cost a Bot API call (and flood budget) per question.
    started = time.perf_counter()
    chat_data = _chat_data(context)
    ttl = runtime.settings.context_ttl
    previous = _previous_context(chat_data, message, user.id, bot_id=context.bot.id, ttl=ttl)
    reply = runtime.engine.answer(question, context=previous)
    text, markup = render_reply(reply, runtime.engine.pack, runtime.buttons)
    try:
        sent = await _send(update, context, text, markup)
    finally:
        # Logged and reported even when sending failed: the question was still asked.
        _log_question(runtime, reply, chat.type, started)
        _notify(runtime, reply, chat.type)
    if sent is not None:
        _remember(
            chat_data,
            user_id=user.id,
            answer_id=sent.message_id,
            after=reply.context,
            ttl=ttl,
            question_id=message.message_id,
            before=previous,
        )


def _example(engine: Engine) -> str:
    starters = engine.starters()
    return starters[0] if starters else f"What was the {engine.pack.article.title}?"


async def _usage(update: Update, context: Ctx) -> None:
    await _send(update, context, usage_text(_example(_runtime(context).engine)))


# -- handlers ---------------------------------------------------------------------------------


async def start_command(update: Update, context: Ctx) -> None:
    """Greet: what the bot is, with three example questions as buttons."""
    if not await _admitted(update, context):
        return
    runtime = _runtime(context)
    buttons = runtime.buttons
    starters = [f for q in runtime.engine.starters() if (f := buttons.by_question.get(q))]
    keyboard = _keyboard([(f.questions[0], buttons.ask(f)) for f in starters[:3]])
    await _send(update, context, start_text(runtime.engine.pack), keyboard)


async def help_command(update: Update, context: Ctx) -> None:
    """Explain how to ask in private chats, groups and inline mode."""
    if not await _admitted(update, context):
        return
    pack = _runtime(context).engine.pack
    await _send(update, context, help_text(pack, context.bot.username))


async def about_command(update: Update, context: Ctx) -> None:
    """Name the article, link its source and give its licence."""
    if not await _admitted(update, context):
        return
    await _send(update, context, about_text(_runtime(context).engine.pack))


async def topics_command(update: Update, context: Ctx) -> None:
    """Offer the sections the bot knows about, one button each."""
    if not await _admitted(update, context):
        return
    text, keyboard = sections_view(_runtime(context).buttons)
    await _send(update, context, text, keyboard)


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
    if question is None or not await _admitted(update, context):
        return
    if not question:
        await _usage(update, context)
        return
    await _answer(update, context, question)


async def edited_message(update: Update, context: Ctx) -> None:
    """Update the bot's answer when the question it answered is edited."""
    message = update.edited_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    question = addressed_question(message, username=context.bot.username, bot_id=context.bot.id)
    if question is None or not await _admitted(update, context):
        return
    chat_data = _chat_data(context)
    record = chat_data.get(_ANSWERS, {}).get(message.message_id)
    if record is None:
        # Never answered (or long forgotten): answer the edit as a new question.
        if question:
            await _answer(update, context, question)
        else:
            await _usage(update, context)
        return
    runtime = _runtime(context)
    started = time.perf_counter()
    ttl = runtime.settings.context_ttl
    previous = restore_context(record.get("before"), now=time.time(), ttl=ttl)
    pack = runtime.engine.pack
    if question:
        reply = runtime.engine.answer(question, context=previous)
        text, markup = render_reply(reply, pack, runtime.buttons)
    else:
        reply, text, markup = None, usage_text(_example(runtime.engine)), None
    try:
        await context.bot.edit_message_text(
            text, chat_id=chat.id, message_id=record["reply"], reply_markup=markup
        )
    except BadRequest as error:
        if "not modified" not in str(error).lower():
            raise
    if reply is not None:
        _log_question(runtime, reply, chat.type, started)
        _notify(runtime, reply, chat.type)
        _put(
            chat_data.setdefault(_THREADS, {}),
            record["reply"],
            store_context(reply.context, time.time()),
        )


async def non_text_message(update: Update, context: Ctx) -> None:
    """Answer a sticker, photo or voice message in a private chat with a short hint."""
    if not await _admitted(update, context):
        return
    await _send(update, context, non_text_hint(_runtime(context).engine.pack))


async def unknown_command(update: Update, context: Ctx) -> None:
    """Point a private chat's unknown command to the ones that exist."""
    if not await _admitted(update, context):
        return
    await _send(update, context, UNKNOWN_COMMAND)


async def button_press(update: Update, context: Ctx) -> None:
    """Act on a button: answer a suggested question, or browse the topics."""
    query = update.callback_query
    if query is None:
        return
    runtime = _runtime(context)
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
        await _edit_or_send(update, context, message, text, keyboard)
        return
    if press.action == "section" and press.section is not None:
        text, keyboard = section_view(runtime.buttons, press.section)
        await query.answer()
        await _edit_or_send(update, context, message, text, keyboard)
        return
    fact = press.fact
    chat = update.effective_chat
    if fact is None or chat is None:
        await query.answer(STALE_BUTTON)
        return
    await query.answer()
    started = time.perf_counter()
    chat_data = _chat_data(context)
    ttl = runtime.settings.context_ttl
    previous = _previous_context(
        chat_data, None, query.from_user.id, bot_id=context.bot.id, ttl=ttl
    )
    reply = runtime.engine.answer(fact.questions[0], context=previous)
    if reply.fact_id != fact.id:
        reply = fact_reply(fact)
    text, markup = render_reply(reply, runtime.engine.pack, runtime.buttons)
    try:
        if press.action == "answer":
            sent = await _edit_or_send(update, context, message, text, markup)
        else:
            sent = await context.bot.send_message(chat.id, text, reply_markup=markup)
    finally:
        _log_question(runtime, reply, chat.type, started)
        _notify(runtime, reply, chat.type)
    if sent is not None:
        answer_id = sent.message_id
        _remember(
            chat_data, user_id=query.from_user.id, answer_id=answer_id, after=reply.context, ttl=ttl
        )


async def _edit_or_send(
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


async def inline_query(update: Update, context: Ctx) -> None:
    """Offer up to five cited answers to a question typed after @ThisBot in any chat."""
    query = update.inline_query
    if query is None:
        return
    runtime = _runtime(context)
    started = time.perf_counter()
    results, reply = inline_results(runtime, query.query)
    try:
        await query.answer(results, cache_time=300)
    finally:
        if reply is not None:
            _log_question(runtime, reply, "inline", started)
            _notify(runtime, reply, "inline")


async def error_handler(update: object, context: Ctx) -> None:
    """Log a failed update; apologise in private chats for our own bugs; keep serving."""
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("update %s failed", update_id, exc_info=context.error)
    if isinstance(context.error, TelegramError) or not isinstance(update, Update):
        return
    chat = update.effective_chat
    if chat is not None and chat.type == ChatType.PRIVATE:
        try:
            await context.bot.send_message(chat.id, APOLOGY)
        except TelegramError as error:
            log.warning("could not apologise in chat %s: %s", chat.id, error)


def add_handlers(application: App) -> None:
    """Register every handler, in the order they are tried, and the error handler."""
    new = filters.UpdateType.MESSAGE
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("start", start_command, filters=new),
            CommandHandler("help", help_command, filters=new),
            CommandHandler("ask", ask_command, filters=new),
            CommandHandler("about", about_command, filters=new),
            CommandHandler("topics", topics_command, filters=new),
            MessageHandler(new & private & filters.COMMAND, unknown_command),
            MessageHandler(new & filters.TEXT & ~filters.COMMAND, text_message),
            MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, edited_message),
            MessageHandler(new & private & filters.ATTACHMENT, non_text_message),
            CallbackQueryHandler(button_press),
            InlineQueryHandler(inline_query),
        ]
    )
    application.add_error_handler(error_handler)


async def post_init(application: App) -> None:
    """Register the command menus per chat scope and log who the bot is and what it knows."""
    runtime = cast(Runtime, application.bot_data[_RUNTIME])
    bot = application.bot
    try:
        await bot.set_my_commands(PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats())
        await bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    except TelegramError as error:
        log.warning("could not register the command menus: %s", error)
    pack = runtime.engine.pack
    log.info(
        "bot @%s ready: pack %s (%d facts)",
        bot.username,
        pack.directory,
        len(pack.facts),
        extra={"event": "startup", "bot": bot.username, "facts": len(pack.facts)},
    )


def build_application(
    settings: Settings, engine: Engine, *, on_reply: OnReply | None = None
) -> App:
    """Build the bot: handlers, rate limiter, persisted conversations and command menus."""
    if not settings.token:
        raise ValueError("a bot token is needed to build the Telegram application")
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    # Opt in to python-telegram-bot's timedelta time periods: without it, its own handling of
    # every 429 (RetryAfter) raises a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "1")
    persistence = PicklePersistence(
        settings.data_dir / STATE_FILE,
        # Only conversations are worth keeping; bot_data holds the engine, built afresh each run.
        store_data=PersistenceInput(bot_data=False, user_data=False, callback_data=False),
    )
    builder = (
        ApplicationBuilder()
        .token(settings.token)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .rate_limiter(AIORateLimiter(max_retries=RATE_LIMIT_RETRIES))
        .persistence(persistence)
        .post_init(post_init)
    )
    if settings.api_url:
        builder = builder.base_url(settings.api_url)
    application: App = builder.build()
    application.bot_data[_RUNTIME] = Runtime(
        engine=engine, settings=settings, buttons=Buttons(engine.pack), on_reply=on_reply
    )
    add_handlers(application)
    return application


# -- running ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Webhook:
    """Where Telegram delivers updates in webhook mode."""

    url: str
    """The public address Telegram posts to; its path is the path served locally."""
    listen: str
    """The local address to listen on."""
    port: int
    """The local port to listen on."""
    secret: str
    """The secret Telegram sends in every request; requests without it are refused."""


def _polling_failed(error: TelegramError) -> None:
    log.warning("polling for updates failed (%s); retrying", error)


async def serve(
    application: App,
    *,
    stop: asyncio.Event,
    webhook: Webhook | None = None,
    poll_timeout: timedelta = POLL_TIMEOUT,
) -> None:
    """Run the bot until `stop` is set, then send pending replies and save the conversations."""
    updater = application.updater
    if updater is None:
        raise ValueError("the application has no updater")
    async with application:
        # run_polling would call post_init; this loop is ours, so call it here.
        if application.post_init is not None:
            await application.post_init(application)
        if webhook is None:
            await updater.start_polling(
                timeout=poll_timeout,
                allowed_updates=list(ALLOWED_UPDATES),
                error_callback=_polling_failed,
            )
        else:
            await updater.start_webhook(
                listen=webhook.listen,
                port=webhook.port,
                url_path=urlparse(webhook.url).path.lstrip("/"),
                webhook_url=webhook.url,
                allowed_updates=list(ALLOWED_UPDATES),
                secret_token=webhook.secret,
            )
        await application.start()
        log.info("serving updates by %s", "webhook" if webhook else "long polling")
        try:
            await stop.wait()
        finally:
            log.info("stopping: sending pending replies and saving conversations")
            if updater.running:
                await updater.stop()
            if application.running:
                await application.stop()


async def _serve_until_signalled(application: App, webhook: Webhook | None) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    try:
        await serve(application, stop=stop, webhook=webhook)
    finally:
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(signum)


def webhook_config(settings: Settings, args: argparse.Namespace) -> Webhook | None:
    """Return where to serve a webhook (from --webhook-url or the environment), or None to poll."""
    url = getattr(args, "webhook_url", None) or settings.webhook_url
    if not url:
        return None
    secret = settings.webhook_secret
    if secret is None:
        # Without a secret anyone who finds the address could post fake updates.
        secret = secrets.token_urlsafe(32)
        log.info("TELEGRAM_WEBHOOK_SECRET is not set; using a random secret for this run")
    return Webhook(
        url=url,
        listen=getattr(args, "listen", None) or settings.webhook_listen,
        port=getattr(args, "port", None) or settings.webhook_port,
        secret=secret,
    )


def unanswered_hook(recorder: Recorder) -> OnReply:
    """Return an `on_reply` hook that records what the bot could not answer, inline aside."""

    def record(reply: Reply, chat_type: str) -> None:
        # Inline queries arrive on every keystroke: "w", "wh", "who"... are not questions.
        if chat_type != "inline":
            recorder.record(reply, chat_type)

    return record


def run_bot(settings: Settings, args: argparse.Namespace) -> int:
    """Run the bot until SIGTERM or SIGINT and return the exit status."""
    configure_logging(settings)
    token = settings.token or ""
    engine = Engine(
        load_pack(getattr(args, "knowledge", None) or settings.knowledge),
        thresholds=settings.thresholds,
    )
    recorder = Recorder.from_settings(settings)
    application = build_application(settings, engine, on_reply=unanswered_hook(recorder))
    webhook = webhook_config(settings, args)
    try:
        asyncio.run(_serve_until_signalled(application, webhook))
    except InvalidToken:
        print(
            "Telegram rejected TELEGRAM_BOT_TOKEN (401 Unauthorized): "
            "check the token @BotFather gave you.",
            file=sys.stderr,
        )
        return 1
    except NetworkError as error:
        where = settings.api_url or "https://api.telegram.org"
        detail = str(error).replace(token, "[REDACTED]") if token else str(error)
        print(f"Cannot reach the Telegram Bot API at {where}: {detail}", file=sys.stderr)
        return 1
    finally:
        recorder.close()
    log.info("stopped")
    return 0


# -- logging ----------------------------------------------------------------------------------


class TokenFilter(logging.Filter):
    """Replace the bot token with [REDACTED] in every record: message, arguments and traceback."""

    def __init__(self, token: str) -> None:
        super().__init__()
        secret = token.partition(":")[2]
        # The part after the colon is the secret; redact it even where it appears alone.
        self._secrets = [token] + ([secret] if len(secret) >= 8 else [])

    def _clean(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[REDACTED]")
        return text

    def _clean_arg(self, value: object) -> object:
        if isinstance(value, str):
            return self._clean(value)
        if isinstance(value, int | float | bool) or value is None:
            return value
        text = str(value)
        cleaned = self._clean(text)
        return value if cleaned == text else cleaned

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; never drop it."""
        if isinstance(record.msg, str):
            record.msg = self._clean(record.msg)
        elif any(s in str(record.msg) for s in self._secrets):
            record.msg = self._clean(str(record.msg))
        if isinstance(record.args, dict):
            record.args = {k: self._clean_arg(v) for k, v in record.args.items()}
        elif isinstance(record.args, tuple):
            record.args = tuple(self._clean_arg(v) for v in record.args)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self._clean(record.stack_info)
        return True


_RECORD_FIELDS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    """Format each record as one JSON object a line, with any `extra` fields alongside."""

    def format(self, record: logging.LogRecord) -> str:
        """Return the record as a JSON line."""
        entry: dict[str, Any] = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in _RECORD_FIELDS})
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False, default=str)


def configure_logging(settings: Settings, *, stream: TextIO | None = None) -> None:
    """Log to stderr as plain or JSON lines at the configured level, never showing the token."""
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    if settings.log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(
            logging.Formatter(
                "%(asctime)s %(levelname)s %(name)s: %(message)s", "%Y-%m-%d %H:%M:%S"
            )
        )
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    # httpx logs every request URL, and a Bot API URL contains the token.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if settings.token:
        redact = TokenFilter(settings.token)
        for each in root.handlers:
            each.addFilter(redact)
