"""Fixtures for the Telegram tests: an offline guard, a Bot API server, and a running bot.

Test modules import the fixtures they use by name; `engine` comes from conftest.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from botapi import BotAPIServer, Call, telegram_html_text

from bot.matching import Engine, Reply
from bot.replies import TELEGRAM_LIMIT
from bot.settings import Settings
from bot.tgbot import build_application, serve

ALICE = BotAPIServer.user(1001, "Alice", username="alice")
BOB = BotAPIServer.user(1002, "Bob", username="bob")
CAROL = BotAPIServer.user(1003, "Carol")
OTHER_BOT = BotAPIServer.user(2001, "Other", username="OtherBot", is_bot=True)

# Short enough that a stopped bot never waits long on a poll; long polling itself is exercised.
POLL_TIMEOUT = timedelta(seconds=5)


def _is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode()
    if not isinstance(host, str):
        return False
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Fail any attempt to resolve or connect to anything but this machine."""
    attempts: list[str] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def refuse(target: object) -> OSError:
        attempts.append(repr(target))
        return OSError(f"tests may not reach the network ({target!r})")

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not _is_local(host):
            raise refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise refuse(address)
        return real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_local(address[0]):
            raise refuse(address)
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    yield attempts
    assert not attempts, f"a test tried to reach the network: {attempts}"


@pytest.fixture
async def api() -> AsyncIterator[BotAPIServer]:
    """Serve a fake Bot API on 127.0.0.1 for the test."""
    async with BotAPIServer() as server:
        yield server


@pytest.fixture
def settings(api: BotAPIServer, tmp_path: Path) -> Settings:
    """Return settings pointing the bot at the fake server, with state under tmp_path."""
    return Settings(token=api.token, api_url=api.base_url, data_dir=tmp_path / "data")


@pytest.fixture
def restore_logging() -> Iterator[None]:
    """Put the root logger's handlers and levels back after a test that configures logging."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    noisy = {name: logging.getLogger(name).level for name in ("httpx", "httpcore")}
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    for handler in handlers:
        if handler not in root.handlers:
            root.addHandler(handler)
    root.setLevel(level)
    for name, old in noisy.items():
        logging.getLogger(name).setLevel(old)


def reply_problems(call: Call) -> list[str]:
    """Return what is wrong with a message the bot sent: HTML Telegram rejects, or too long."""
    texts: list[tuple[str, Any]] = []
    if call.method in ("sendMessage", "editMessageText"):
        texts.append((call.params.get("text", ""), call.params.get("parse_mode")))
        preview = call.params.get("link_preview_options") or {}
        if not preview.get("is_disabled"):
            return [f"{call.method} without link previews disabled"]
    elif call.method == "answerInlineQuery":
        for result in call.params.get("results", []):
            content = result.get("input_message_content", {})
            texts.append((content.get("message_text", ""), content.get("parse_mode")))
    problems = []
    for text, parse_mode in texts:
        if parse_mode != "HTML":
            problems.append(f"{call.method} not in HTML parse mode: {text[:60]!r}")
            continue
        if len(text) > TELEGRAM_LIMIT:
            problems.append(f"{call.method} is {len(text)} characters long")
        try:
            telegram_html_text(text)
        except ValueError as error:
            problems.append(f"{call.method} has invalid Telegram HTML ({error}): {text[:80]!r}")
    return problems


def assert_replies_valid(api: BotAPIServer) -> None:
    """Check every message the bot sent or edited, including inline results."""
    problems = [p for call in api.calls() for p in reply_problems(call)]
    assert not problems, problems


def shown(call: Call) -> str:
    """Return the text a user sees for a sent or edited message."""
    return telegram_html_text(call.params["text"])


def buttons(call: Call) -> list[tuple[str, str]]:
    """Return a message's inline buttons as (label, callback data)."""
    markup = call.params.get("reply_markup") or {}
    return [
        (b["text"], b["callback_data"]) for row in markup.get("inline_keyboard", []) for b in row
    ]


@dataclass
class LiveBot:
    """The real Application, serving updates from the fake Bot API server."""

    api: BotAPIServer
    task: asyncio.Task[None]

    async def wait(
        self,
        method: str,
        *,
        since: int,
        count: int = 1,
        where: Callable[[Call], bool] | None = None,
        timeout: float = 10.0,
    ) -> list[Call]:
        """Wait for the bot's calls, failing at once if the bot itself stopped."""
        waiter = asyncio.ensure_future(
            self.api.wait_for(method, since=since, count=count, where=where, timeout=timeout)
        )
        done, _ = await asyncio.wait({waiter, self.task}, return_when=asyncio.FIRST_COMPLETED)
        if waiter in done:
            return waiter.result()
        waiter.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiter
        self.task.result()
        raise AssertionError("the bot stopped serving")

    async def send(
        self, update: dict[str, Any], *, expect: str = "sendMessage", count: int = 1
    ) -> list[Call]:
        """Deliver an update and return the bot's next `count` calls of `expect`."""
        mark = self.api.mark()
        self.api.push(update)
        return await self.wait(expect, since=mark, count=count)

    async def ask(self, update: dict[str, Any]) -> Call:
        """Deliver an update and return the one message the bot sends in answer."""
        [call] = await self.send(update)
        return call

    async def only_answer(self, ignored: list[dict[str, Any]], sentinel: dict[str, Any]) -> Call:
        """Deliver updates the bot should ignore, then one it answers; return that one answer.

        Updates are handled in order, so once the sentinel is answered the others were handled:
        any reply to them would be among the calls already recorded.
        """
        mark = self.api.mark()
        for update in ignored:
            self.api.push(update)
        self.api.push(sentinel)
        [answer] = await self.wait("sendMessage", since=mark)
        sent = self.api.calls("sendMessage", since=mark)
        assert sent == [answer], [shown(c) for c in sent]
        return answer


@contextlib.asynccontextmanager
async def running_bot(
    api: BotAPIServer,
    settings: Settings,
    engine: Engine,
    *,
    on_reply: Callable[[Reply, str], None] | None = None,
) -> AsyncIterator[LiveBot]:
    """Run the Application that `python -m bot run` builds until the block ends."""
    application = build_application(settings, engine, on_reply=on_reply)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, stop=stop, poll_timeout=POLL_TIMEOUT))
    try:
        yield LiveBot(api, task)
    finally:
        stop.set()
        await task
    assert_replies_valid(api)


@pytest.fixture
async def live(
    api: BotAPIServer, settings: Settings, engine: Engine, offline: list[str]
) -> AsyncIterator[LiveBot]:
    """Run the bot against the fake server for one test."""
    async with running_bot(api, settings, engine) as bot:
        yield bot
