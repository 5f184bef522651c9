"""Wiring: the Application, its handlers in the order they are tried, and its command menus."""

from __future__ import annotations

import asyncio
import logging
import os
import time
from pathlib import Path
from typing import Any, cast

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    InlineQueryHandler,
    MessageHandler,
    PersistenceInput,
    PicklePersistence,
    filters,
)

from bot.matching import Engine
from bot.settings import Settings
from bot.tgbot.buttons import Buttons
from bot.tgbot.handlers import (
    about_command,
    ask_command,
    button_press,
    chat_migrated,
    edited_message,
    error_handler,
    help_command,
    inline_query,
    non_text_message,
    quiz_command,
    start_command,
    text_message,
    topics_command,
    unknown_command,
    why_command,
)
from bot.tgbot.reading import ReadingBot
from bot.tgbot.runtime import RUNTIME, App, OnReply, Runtime
from bot.tgbot.transport import AiohttpRequest

log = logging.getLogger(__name__)

STATE_FILE = "telegram-state.pickle"
"""Conversation state (follow-up context, answered questions) kept under the data directory."""
RATE_LIMIT_RETRIES = 10
"""How often a request that Telegram answers with 429 is retried, each after the wait it asks."""

PRIVATE_COMMANDS = (
    BotCommand("start", "What I do, with example questions"),
    BotCommand("ask", "Ask a question about the article"),
    BotCommand("quiz", "A quiz question from the article"),
    BotCommand("why", "Why I answered as I did"),
    BotCommand("topics", "Browse what I know, by section"),
    BotCommand("about", "The article, its source and licence"),
    BotCommand("help", "How to ask, here and in groups"),
)
GROUP_COMMANDS = (
    BotCommand("ask", "Ask a question about the article"),
    BotCommand("quiz", "A quiz question for the group"),
    BotCommand("why", "Why I answered as I did (reply it to an answer)"),
    BotCommand("topics", "Browse what I know, by section"),
    BotCommand("about", "The article, its source and licence"),
    BotCommand("help", "How to ask me in a group"),
)


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
            CommandHandler("quiz", quiz_command, filters=new),
            CommandHandler("why", why_command, filters=new),
            MessageHandler(new & private & filters.COMMAND, unknown_command),
            MessageHandler(new & filters.TEXT & ~filters.COMMAND, text_message),
            MessageHandler(filters.UpdateType.EDITED_MESSAGE & filters.TEXT, edited_message),
            MessageHandler(new & private & filters.ATTACHMENT, non_text_message),
            MessageHandler(filters.StatusUpdate.MIGRATE, chat_migrated),
            CallbackQueryHandler(button_press),
            InlineQueryHandler(inline_query),
        ]
    )
    application.add_error_handler(error_handler)


async def post_init(application: App) -> None:
    """Register the command menus per chat scope and log who the bot is and what it knows."""
    runtime = cast(Runtime, application.bot_data[RUNTIME])
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


class RoundPersistence(PicklePersistence):  # type: ignore[type-arg]
    """The conversations kept in one pickle file, written once for each round of changes the
    Application hands over (every `update_interval`, and on the way out): python-telegram-bot's
    own PicklePersistence writes the whole file again for each chat changed, so a round of a
    thousand chats meant a thousand writes of all of them, the bot answering no one meanwhile."""

    def __init__(self, filepath: Path, **options: Any) -> None:
        super().__init__(filepath, on_flush=True, **options)
        self._changed = False
        self._write: asyncio.Task[None] | None = None

    def _load_singlefile(self) -> None:
        """Read the file; one that is no valid pickle (a write cut short, another program's) is
        set aside under another name, with a WARNING saying where, and the bot starts with no
        conversations: python-telegram-bot's own stops the start with a traceback. (If it
        cannot be set aside, the start stops: writing over it would lose it.)"""
        try:
            super()._load_singlefile()
        except TypeError as error:
            aside = self.filepath.with_name(f"{self.filepath.name}.unreadable-{time.time_ns()}")
            try:
                self.filepath.replace(aside)
            except FileNotFoundError:
                pass  # (gone meanwhile: nothing to keep)
            else:
                # (The exception's kind only: its message may quote the file.)
                log.warning(
                    "could not read the conversations in %s (%s); kept as %s, starting without "
                    "them",
                    self.filepath,
                    type(error.__cause__ or error).__name__,
                    aside.name,
                    extra={"event": "state-unreadable"},
                )
            self.conversations, self.user_data, self.chat_data = {}, {}, {}
            self.bot_data, self.callback_data = self.context_types.bot_data(), None

    def _dump_singlefile(self) -> None:
        """Write the file whole or not at all: to a file beside it, then renamed over it
        (python-telegram-bot's own writes in place, so a write cut off left it cut short and
        the conversations in it lost)."""
        part = self.filepath.with_name(f"{self.filepath.name}.part")
        data = {
            "conversations": self.conversations,
            "user_data": self.user_data,
            "chat_data": self.chat_data,
            "bot_data": self.bot_data,
            "callback_data": self.callback_data,
        }
        try:
            self._dump_file(part, data)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
        part.replace(self.filepath)

    async def update_chat_data(self, chat_id: int, data: dict[Any, Any]) -> None:
        if self.chat_data is None or self.chat_data.get(chat_id) != data:
            await super().update_chat_data(chat_id, data)
            self._write_soon()

    async def drop_chat_data(self, chat_id: int) -> None:
        await super().drop_chat_data(chat_id)
        self._write_soon()

    async def update_conversation(
        self, name: str, key: tuple[int | str, ...], new_state: object | None
    ) -> None:
        await super().update_conversation(name, key, new_state)
        self._write_soon()

    async def flush(self) -> None:
        """Write the file, if anything changed since it was last written (even to nothing
        left: python-telegram-bot's own flush writes no file of empty stores, so the last
        chat's conversation dropped would come back). A write that fails is tried again with
        the next round, or on the way out."""
        if not self._changed:
            return
        self._changed = False
        try:
            self._dump_singlefile()
        except BaseException:
            self._changed = True
            raise

    async def _write_round(self) -> None:
        try:
            await self.flush()
        except Exception:
            log.exception(
                "could not write the conversations to %s; trying again with the next round",
                self.filepath,
                extra={"event": "state-not-written"},
            )

    def _write_soon(self) -> None:
        """Write the file once the round's other changes are in: the Application hands them
        over as tasks started together, so one started now runs after them all."""
        self._changed = True
        if self._write is None or self._write.done():
            self._write = asyncio.get_running_loop().create_task(self._write_round())


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
    persistence = RoundPersistence(
        settings.data_dir / STATE_FILE,
        # Only conversations are worth keeping; bot_data holds the engine, built afresh each run.
        store_data=PersistenceInput(bot_data=False, user_data=False, callback_data=False),
    )
    bot_options: dict[str, Any] = {"base_url": settings.api_url} if settings.api_url else {}
    bot = ReadingBot(
        settings.token,
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        rate_limiter=AIORateLimiter(max_retries=RATE_LIMIT_RETRIES),
        # The pool sizes ApplicationBuilder would give: many sends at once, one poll. (Sent
        # with aiohttp rather than the library's httpx: `bot.tgbot.transport`.)
        request=AiohttpRequest(connection_pool_size=256),
        get_updates_request=AiohttpRequest(connection_pool_size=1),
        **bot_options,
    )
    builder = ApplicationBuilder().bot(bot).persistence(persistence).post_init(post_init)
    application: App = builder.build()
    application.bot_data[RUNTIME] = Runtime(
        engine=engine, settings=settings, buttons=Buttons(engine.pack), on_reply=on_reply
    )
    add_handlers(application)
    return application
