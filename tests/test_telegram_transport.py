"""The bot's HTTP client for the Bot API (aiohttp): real requests to servers on 127.0.0.1 that
answer, answer too late, or are not there, and what python-telegram-bot is told each time."""

from __future__ import annotations

import asyncio
import socket
import urllib.request
from collections.abc import AsyncIterator, Iterator

import pytest
from botapi import BotAPIServer
from telegram import InputFile
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.ext import ExtBot
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter
from telegram_fixtures import ALICE, api, offline

from bot.tgbot.transport import AiohttpRequest

__all__ = ["api", "offline"]  # fixtures used here
pytestmark = pytest.mark.usefixtures("offline")


def bot_on(api: BotAPIServer, request: AiohttpRequest) -> ExtBot[None]:
    return ExtBot(api.token, base_url=api.base_url, request=request, get_updates_request=request)


@pytest.fixture
async def silent_server() -> AsyncIterator[str]:
    """Serve 127.0.0.1 with a server that reads requests and never answers; yield its URL."""
    held: list[asyncio.StreamWriter] = []

    async def hold(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        await reader.read(65536)

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/bot"
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()


async def request_line(reader: asyncio.StreamReader) -> bytes:
    """Read a request's first line and its headers (these requests send no body); return the
    line."""
    line = await reader.readline()
    while (await reader.readline()).strip():
        pass
    return line


@pytest.fixture
def refusing() -> Iterator[int]:
    """Yield a port on 127.0.0.1 that refuses connections: bound, not listening, kept so."""
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        yield int(bound.getsockname()[1])


async def test_the_bot_sends_and_reads_bot_api_calls_through_it(api: BotAPIServer) -> None:
    chat = api.private_chat(ALICE)
    async with bot_on(api, AiohttpRequest()) as bot:
        me = await bot.get_me()
        message = await bot.send_message(chat["id"], "Who won? <b>The MAA</b>", parse_mode="HTML")
    assert me.username == api.bot_user["username"]
    assert message.text == "Who won? The MAA"
    [call] = api.calls("sendMessage")
    assert call.params["text"] == "Who won? <b>The MAA</b>"


async def test_a_file_goes_as_multipart_with_its_name_and_type(api: BotAPIServer) -> None:
    chat = api.private_chat(ALICE)
    document = InputFile(b"who won,MAA\n", filename="answers.csv")
    async with bot_on(api, AiohttpRequest()) as bot:
        # (The fake server knows no sendDocument: it records the call and answers 404.)
        with pytest.raises(TelegramError):
            await bot.send_document(chat["id"], document, caption="the answers")
    [call] = api.calls("sendDocument")
    assert call.params["document"] == {"filename": "answers.csv", "content_type": "text/csv"}
    assert call.params["caption"] == "the answers"


async def test_a_server_that_does_not_answer_in_time_is_a_timeout(silent_server: str) -> None:
    request = AiohttpRequest(read_timeout=0.3)
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            await request.post(f"{silent_server}123:SECRET/getMe")
    finally:
        await request.shutdown()


async def test_a_call_s_own_read_timeout_overrides_the_default(silent_server: str) -> None:
    request = AiohttpRequest(read_timeout=60)
    await request.initialize()
    try:
        started = asyncio.get_running_loop().time()
        with pytest.raises(TimedOut):
            await request.post(f"{silent_server}123:SECRET/getMe", read_timeout=0.3)
        assert asyncio.get_running_loop().time() - started < 30
    finally:
        await request.shutdown()


async def test_a_server_not_there_is_a_network_error_saying_so_without_the_url(
    refusing: int,
) -> None:
    token = "123456:SECRET-TOKEN-never-shown"
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as raised:
            await request.post(f"http://127.0.0.1:{refusing}/bot{token}/getMe")
    finally:
        await request.shutdown()
    assert not isinstance(raised.value, TimedOut)
    assert f"Cannot connect to host 127.0.0.1:{refusing}" in str(raised.value)
    assert "SECRET" not in str(raised.value)
    assert "getMe" not in str(raised.value)


async def test_a_redirect_is_not_followed(api: BotAPIServer) -> None:
    # (Followed, the POST would go on as a GET without its fields.)
    asked: list[bytes] = []

    async def redirect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        asked.append(await request_line(reader))
        target = f"{api.base_url}{api.token}/getMe".encode()
        writer.write(b"HTTP/1.1 302 Found\r\nConnection: close\r\nContent-Length: 0\r\n")
        writer.write(b"Location: %s\r\n\r\n" % target)
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(redirect, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(TelegramError):
            await request.post(f"http://127.0.0.1:{port}/bot123:SECRET/getMe")
    finally:
        await request.shutdown()
        server.close()
        await server.wait_closed()
    assert len(asked) == 1
    assert api.calls("getMe") == []


async def test_a_file_no_one_reads_times_out_within_its_timeouts(silent_server: str) -> None:
    request = AiohttpRequest(
        read_timeout=0.2, write_timeout=0.2, connect_timeout=0.2, pool_timeout=0.2
    )
    upload = RequestData(
        [RequestParameter.from_input("document", InputFile(b"x" * 8_000_000, "big.bin"))]
    )
    await request.initialize()
    try:
        with pytest.raises(TimedOut):
            # (Were it never to time out, this would fail rather than hang.)
            await asyncio.wait_for(
                request.post(f"{silent_server}123:SECRET/sendDocument", request_data=upload), 30
            )
    finally:
        await request.shutdown()


async def test_it_reopens_after_a_shutdown_and_refuses_calls_before(api: BotAPIServer) -> None:
    request = AiohttpRequest()
    # (python-telegram-bot hands on what its client raises as a NetworkError.)
    with pytest.raises(NetworkError, match="not initialized"):
        await request.post(f"{api.base_url}{api.token}/getMe")
    await request.initialize()
    await request.shutdown()
    await request.shutdown()  # (twice: nothing happens)
    await request.initialize()
    try:
        me = await request.post(f"{api.base_url}{api.token}/getMe")
    finally:
        await request.shutdown()
    assert isinstance(me, dict)
    assert me["username"] == api.bot_user["username"]


@pytest.mark.parametrize(
    ("variable", "address"),
    [("http_proxy", "http://127.0.0.1:{port}"), ("all_proxy", "127.0.0.1:{port}")],
)
async def test_the_bot_api_is_reached_through_the_proxy_the_environment_names(
    monkeypatch: pytest.MonkeyPatch, variable: str, address: str
) -> None:
    # A forward proxy on 127.0.0.1 that answers getMe itself: the request never goes further.
    lines: list[bytes] = []
    body = b'{"ok": true, "result": {"id": 1, "is_bot": true, "first_name": "Ber"}}'

    async def proxy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        lines.append(await request_line(reader))
        writer.write(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n")
        writer.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(proxy, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    for name in ("NO_PROXY", "no_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, address.format(port=port))
    lookups = []
    real_getproxies = urllib.request.getproxies

    def getproxies() -> dict[str, str]:
        lookups.append(1)
        return real_getproxies()

    monkeypatch.setattr(urllib.request, "getproxies", getproxies)
    request = AiohttpRequest()
    await request.initialize()
    try:
        me = await request.post("http://api.telegram.org/bot123:SECRET/getMe")
        again = await request.post("http://api.telegram.org/bot123:SECRET/getMe")
    finally:
        await request.shutdown()
        server.close()
        await server.wait_closed()
    assert me == again == {"id": 1, "is_bot": True, "first_name": "Ber"}
    assert lines == [b"POST http://api.telegram.org/bot123:SECRET/getMe HTTP/1.1\r\n"] * 2
    assert len(lookups) == 1, "the environment is read once a server, not once a request"


async def test_a_server_the_environment_exempts_from_the_proxy_is_reached_directly(
    api: BotAPIServer, monkeypatch: pytest.MonkeyPatch, refusing: int
) -> None:
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{refusing}")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    request = AiohttpRequest()
    await request.initialize()
    try:
        me = await request.post(f"{api.base_url}{api.token}/getMe")
    finally:
        await request.shutdown()
    assert me["username"] == api.bot_user["username"]
