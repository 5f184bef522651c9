"""Serving: long polling or a webhook until SIGINT or SIGTERM, and the `run` command's body."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import secrets
import signal
import sys
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from telegram import Update
from telegram.error import InvalidToken, NetworkError, TelegramError
from telegram.ext import Updater

from bot.cache import ready_engine
from bot.knowledge import default_pack_dir
from bot.matching import Reply
from bot.settings import Settings
from bot.tgbot.logs import configure_logging
from bot.tgbot.reading import ReadingBot, WebhookServer
from bot.tgbot.runtime import App, OnReply
from bot.tgbot.wiring import build_application
from bot.unanswered import Recorder

log = logging.getLogger(__name__)

POLL_TIMEOUT = timedelta(seconds=30)
"""How long one getUpdates call waits for news."""
ALLOWED_UPDATES = (
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.INLINE_QUERY,
)


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
    try:
        await application.initialize()
    except BaseException:
        # python-telegram-bot leaves the bot's HTTP clients open when its start fails (the token
        # rejected, the server out of reach, the state file unreadable): closed here, or aiohttp
        # warns of each on the way out, after the one line that says what went wrong.
        with contextlib.suppress(Exception):
            await application.bot.shutdown()
        raise
    async with application:  # (initialised: it only shuts it down on the way out)
        # run_polling would call post_init; this loop is ours, so call it here.
        if application.post_init is not None:
            await application.post_init(application)
        server = None
        if webhook is None:
            await updater.start_polling(
                timeout=poll_timeout,
                allowed_updates=list(ALLOWED_UPDATES),
                error_callback=_polling_failed,
            )
        else:
            server = _webhook_server(application, webhook)
            # Listening before the webhook is set: Telegram's first delivery finds the server.
            server.start()
            await application.bot.set_webhook(
                url=webhook.url,
                allowed_updates=list(ALLOWED_UPDATES),
                secret_token=webhook.secret,
            )
        await application.start()
        log.info("serving updates by %s", "webhook" if webhook else "long polling")
        try:
            await stop.wait()
        finally:
            log.info("stopping: sending pending replies and saving conversations")
            await _stop_receiving(updater, server)
            if application.running:
                await application.stop()


def _webhook_server(application: App, webhook: Webhook) -> WebhookServer:
    bot = application.bot
    if not isinstance(bot, ReadingBot):
        raise TypeError("the application's bot must be a ReadingBot")
    return WebhookServer(
        bot,
        application.update_queue,
        url=webhook.url,
        listen=webhook.listen,
        port=webhook.port,
        secret=webhook.secret,
    )


async def _stop_receiving(updater: Updater, server: WebhookServer | None) -> None:
    """Stop taking updates; whatever went wrong, the application is still stopped after."""
    try:
        if server is not None:
            await server.stop()
        if updater.running:
            await updater.stop()
    except Exception:
        log.exception("could not stop receiving updates cleanly; stopping the bot anyway")


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
    # Draft facts are for curators to try in the console; readers never see them.
    directory = getattr(args, "knowledge", None) or settings.knowledge or default_pack_dir()
    engine = ready_engine(
        Path(directory), thresholds=settings.thresholds, cache=settings.cache_dir, drafts=False
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
