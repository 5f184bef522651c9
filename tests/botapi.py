"""A fake Telegram Bot API server on 127.0.0.1 that speaks the real wire format.

Bots reach it by setting their base URL to `server.base_url` (python-telegram-bot's `base_url`
meaning: `http://127.0.0.1:PORT/bot`, the token is appended). It answers
`POST /bot<token>/<method>` with form-encoded, JSON or multipart bodies (python-telegram-bot sends
form-encoded fields whose nested values are JSON) exactly as Telegram does:
`{"ok": true, "result": ...}`, or `{"ok": false, "error_code": ..., "description": ...}` with
`parameters.retry_after` on a 429.

A test (or a benchmark) drives it like this::

    async with BotAPIServer() as api:
        settings = Settings(token=api.token, api_url=api.base_url)
        application = build_application(settings, engine)  # then run it: serve(application, ...)
        mark = api.mark()
        api.push(api.text_update(api.private_chat(ALICE), ALICE, "Who won?"))
        [call] = await api.wait_for("sendMessage", since=mark)
        print(call.params["text"])

- Updates: `push(update)` queues an update for getUpdates (long polling honours `timeout`, and
  updates stay queued until a later `offset` confirms them, as on Telegram). After `setWebhook`
  they are POSTed to the webhook URL instead, with the secret token header.
- Builders make realistic update dicts: `text_update` (entities for bot commands and mentions are
  added), `edited_update`, `callback_update`, `inline_update`, `sticker_update`; `user`,
  `private_chat` and `group_chat` build the parties. Message ids are shared per chat between users'
  messages and the bot's, as on Telegram.
- Every call is recorded as a `Call` (method, decoded params, HTTP status, result) when it is
  answered; `calls()`, `mark()`, `wait_for()` and `wait_for_sync()` read them. A long poll still
  waiting is not answered yet: `polls` and `wait_until_polling()` tell that the bot is polling.
  Bot messages are stored, so a test can reply to one (`call.result` is the Message dict
  Telegram returned) and read its current text (`message()`).
- Faults: `fail(method, status=429, retry_after=1, times=1)` makes the next calls of a method fail
  (502 answers with an HTML body as a proxy would); a wrong token gets 401 on every method.
  `upgrade_group(old, new)` turns a group into a supergroup: from then on every call aimed at the
  old chat id gets 400 with `parameters.migrate_to_chat_id`, as Telegram answers. `poll_update`
  builds a message with a poll in the format of an older Bot API server (options without
  `persistent_id`), which python-telegram-bot 22.8 cannot read.
- Polls: `sendPoll` checks what Telegram checks for a quiz (question 1-300 characters, 2-12
  options of 1-100 characters each, the correct option within them, an explanation of at most
  200 characters) and answers a Message with the Poll in the current (Bot API 10) format.
- Checks as Telegram does: HTML text must use Telegram's tags and entities and be at most 4096
  characters once parsed; button data at most 64 bytes; inline result ids at most 64 bytes.
- `serve_in_thread(server)` runs it on its own event loop in a background thread, for a bot in
  another process or another loop. All public methods are thread-safe.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import ClientError, ClientSession, ClientTimeout, web

DEFAULT_TOKEN = "123456789:AAHfakeTOKENfor-tests_0123456789abcdef"
MESSAGE_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64

_COMMAND = re.compile(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![\w@])")
_MENTION = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{3,32}(?!\w)")

TELEGRAM_TAGS: dict[str, frozenset[str]] = {
    "b": frozenset(),
    "strong": frozenset(),
    "i": frozenset(),
    "em": frozenset(),
    "u": frozenset(),
    "ins": frozenset(),
    "s": frozenset(),
    "strike": frozenset(),
    "del": frozenset(),
    "span": frozenset({"class"}),
    "tg-spoiler": frozenset(),
    "a": frozenset({"href"}),
    "code": frozenset({"class"}),
    "pre": frozenset(),
    "blockquote": frozenset({"expandable"}),
    "tg-emoji": frozenset({"emoji-id"}),
}
"""Tags Telegram's HTML parse mode accepts, with the attributes each may carry."""
TELEGRAM_ENTITIES = frozenset({"lt", "gt", "amp", "quot"})
"""The only named character references Telegram accepts (numeric ones are all accepted)."""

# Fields whose values are plain strings on the wire; everything else may be JSON-encoded.
_STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "query",
        "title",
        "description",
        "url",
        "secret_token",
        "inline_message_id",
        "callback_query_id",
        "inline_query_id",
        "parse_mode",
        "action",
        "next_offset",
        "language_code",
        "ip_address",
    }
)
_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
}


class TelegramHTMLError(ValueError):
    """Text that Telegram's HTML parse mode would reject."""


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            raise TelegramHTMLError(f"unsupported start tag <{tag}>")
        for name, _ in attrs:
            if name not in TELEGRAM_TAGS[tag]:
                raise TelegramHTMLError(f"unsupported attribute {name!r} in <{tag}>")
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raise TelegramHTMLError(f"self-closing tag <{tag}/> is not supported")

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise TelegramHTMLError(f"unmatched end tag </{tag}>")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            raise TelegramHTMLError(f"unescaped angle bracket in {data[:40]!r}")
        if "&" in data:
            raise TelegramHTMLError(f"unescaped ampersand in {data[:40]!r}")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in TELEGRAM_ENTITIES:
            raise TelegramHTMLError(f"unsupported entity &{name};")
        self.text.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        try:
            code = int(name[1:], 16) if name[:1] in "xX" else int(name)
            self.text.append(chr(code))
        except (ValueError, OverflowError):
            raise TelegramHTMLError(f"bad character reference &#{name};") from None

    def handle_comment(self, data: str) -> None:
        raise TelegramHTMLError("comments are not supported")

    def handle_decl(self, decl: str) -> None:
        raise TelegramHTMLError("declarations are not supported")

    def handle_pi(self, data: str) -> None:
        raise TelegramHTMLError("processing instructions are not supported")

    def unknown_decl(self, data: str) -> None:
        raise TelegramHTMLError("declarations are not supported")


def telegram_html_text(html: str) -> str:
    """Return the text a user sees for Telegram HTML; raise TelegramHTMLError if it is invalid."""
    parser = _TelegramHTML()
    parser.feed(html)
    parser.close()
    if parser.rawdata:
        raise TelegramHTMLError(f"unterminated markup at {parser.rawdata[:40]!r}")
    if parser.stack:
        raise TelegramHTMLError(f"unclosed tag <{parser.stack[-1]}>")
    return "".join(parser.text)


def utf16_length(text: str) -> int:
    """Return a text's length in UTF-16 code units, the unit of Telegram's entity offsets."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(frozen=True)
class Call:
    """One request the bot made."""

    method: str
    """The Bot API method, e.g. sendMessage."""
    params: dict[str, Any]
    """The parameters, with JSON-encoded values decoded."""
    status: int
    """The HTTP status answered."""
    result: Any
    """The `result` answered, or None when the call failed."""
    at: float = field(default_factory=time.monotonic)
    """When it arrived (time.monotonic)."""


@dataclass
class _Failure:
    status: int
    times: int
    retry_after: int | None
    description: str | None


class BotAPIServer:
    """A Bot API server for one bot, on 127.0.0.1 and a free port."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        username: str = "BerBot",
        first_name: str = "Ber Bot",
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": int(token.partition(":")[0]) if token.partition(":")[0].isdigit() else 1,
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self.port = 0
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._chats: dict[int, dict[str, Any]] = {}
        self._messages: dict[tuple[int, int], dict[str, Any]] = {}
        self._failures: dict[str, list[_Failure]] = {}
        self._query_ids = itertools.count(1)
        self._webhook: dict[str, Any] | None = None
        self._upgraded: dict[int, int] = {}
        self._poll_ids = itertools.count(1)
        self._allowed_updates: list[str] | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._arrived: asyncio.Event | None = None
        self._closing = False
        self._polls = 0
        self._runner: web.AppRunner | None = None
        self._session: ClientSession | None = None
        self._delivery: asyncio.Task[None] | None = None

    # -- lifecycle ------------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """Return the base URL a bot uses, in python-telegram-bot's sense (token appended)."""
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def username(self) -> str:
        """Return the bot's username, without the @."""
        return str(self.bot_user["username"])

    @property
    def bot_id(self) -> int:
        """Return the bot's user id."""
        return int(self.bot_user["id"])

    async def start(self) -> None:
        """Start serving on 127.0.0.1 and a free port."""
        self._loop = asyncio.get_running_loop()
        self._arrived = asyncio.Event()
        self._closing = False
        app = web.Application(client_max_size=20 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, handler_cancellation=True)
        await self._runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        await web.SockSite(self._runner, sock).start()
        self._session = ClientSession(timeout=ClientTimeout(total=10))
        self._delivery = asyncio.create_task(self._deliver_webhooks())

    async def stop(self) -> None:
        """Stop serving; pending long polls return at once."""
        self._closing = True
        self._wake()
        if self._delivery is not None:
            self._delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._delivery
        if self._session is not None:
            await self._session.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> BotAPIServer:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # -- what the test does ---------------------------------------------------------------------

    def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for the bot (getUpdates or webhook), numbering it if it has no id."""
        with self._lock:
            update.setdefault("update_id", next(self._update_ids))
            self._updates.append(update)
        self._wake()
        return update

    def fail(
        self,
        method: str,
        *,
        status: int = 429,
        times: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Make the next `times` calls of `method` fail with this HTTP status.

        A 429 carries `parameters.retry_after` (default 1 s); a 502 answers an HTML page, as a
        proxy in front of the Bot API would.
        """
        if status == 429 and retry_after is None:
            retry_after = 1
        with self._lock:
            self._failures.setdefault(method, []).append(
                _Failure(status, times, retry_after, description)
            )

    def upgrade_group(self, old_chat_id: int, new_chat_id: int, title: str = "Ber readers") -> None:
        """Make a group a supergroup: calls aimed at the old id are refused with the new one."""
        self._remember_chat({"id": new_chat_id, "type": "supergroup", "title": title})
        with self._lock:
            self._upgraded[old_chat_id] = new_chat_id

    def calls(self, method: str | None = None, *, since: int = 0) -> list[Call]:
        """Return the calls recorded (of one method, from position `since` on)."""
        with self._lock:
            recorded = self._calls[since:]
        return [c for c in recorded if method is None or c.method == method]

    def mark(self) -> int:
        """Return the position of the next call, for `since=` in calls and wait_for."""
        with self._lock:
            return len(self._calls)

    async def wait_for(
        self,
        method: str,
        *,
        count: int = 1,
        since: int = 0,
        timeout: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Wait for `count` successful calls of `method` (matching `where`) after `since`."""
        deadline = time.monotonic() + timeout
        while (found := self._calls_by(method, count, since, where, deadline)) is None:
            await asyncio.sleep(0.01)
        return found

    def wait_for_sync(
        self,
        method: str,
        *,
        count: int = 1,
        since: int = 0,
        timeout: float = 10.0,
        where: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until `count` successful calls of `method` arrived after `since`."""
        deadline = time.monotonic() + timeout
        while (found := self._calls_by(method, count, since, where, deadline)) is None:
            time.sleep(0.02)
        return found

    def _calls_by(
        self,
        method: str,
        count: int,
        since: int,
        where: Callable[[Call], bool] | None,
        deadline: float,
    ) -> list[Call] | None:
        """Return the first `count` matching calls if they came, None to wait on; raise at the
        deadline."""
        found = self._matching(method, since, where)
        if len(found) >= count:
            return found[:count]
        if time.monotonic() > deadline:
            raise TimeoutError(self._timeout_message(method, count, found, since))
        return None

    def _matching(
        self, method: str, since: int, where: Callable[[Call], bool] | None
    ) -> list[Call]:
        return [
            c
            for c in self.calls(method, since=since)
            if c.status == 200 and (where is None or where(c))
        ]

    def _timeout_message(self, method: str, count: int, found: list[Call], since: int) -> str:
        seen = ", ".join(f"{c.method}:{c.status}" for c in self.calls(since=since)) or "nothing"
        return f"expected {count} {method} call(s), got {len(found)}; calls since mark: {seen}"

    @property
    def polls(self) -> int:
        """Return how many getUpdates requests have arrived, including any still waiting."""
        with self._lock:
            return self._polls

    async def wait_until_polling(self, *, timeout: float = 10.0) -> None:
        """Wait until the bot has asked for updates at least once."""
        deadline = time.monotonic() + timeout
        while not self.polls:
            if time.monotonic() > deadline:
                raise TimeoutError(self._timeout_message("getUpdates", 1, [], 0))
            await asyncio.sleep(0.01)

    def wait_until_polling_sync(self, *, timeout: float = 10.0) -> None:
        """Block until the bot has asked for updates at least once."""
        deadline = time.monotonic() + timeout
        while not self.polls:
            if time.monotonic() > deadline:
                raise TimeoutError(self._timeout_message("getUpdates", 1, [], 0))
            time.sleep(0.02)

    def message(self, chat_id: int, message_id: int) -> dict[str, Any] | None:
        """Return a message the bot sent or edited, as it stands now."""
        with self._lock:
            return self._messages.get((chat_id, message_id))

    @property
    def webhook(self) -> dict[str, Any] | None:
        """Return the webhook the bot set (url, secret_token, ...), or None."""
        with self._lock:
            return dict(self._webhook) if self._webhook else None

    # -- building updates -----------------------------------------------------------------------

    @staticmethod
    def user(
        user_id: int, first_name: str = "Ada", *, username: str | None = None, is_bot: bool = False
    ) -> dict[str, Any]:
        """Return a User."""
        user: dict[str, Any] = {"id": user_id, "is_bot": is_bot, "first_name": first_name}
        if username:
            user["username"] = username
        user["language_code"] = "en"
        return user

    def private_chat(self, user: dict[str, Any]) -> dict[str, Any]:
        """Return the private Chat between a user and the bot."""
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return self._remember_chat(chat)

    def group_chat(
        self, chat_id: int = -1001234567890, title: str = "Ber readers", *, kind: str = "supergroup"
    ) -> dict[str, Any]:
        """Return a group or supergroup Chat."""
        return self._remember_chat({"id": chat_id, "type": kind, "title": title})

    def _remember_chat(self, chat: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._chats[chat["id"]] = chat
        return chat

    def _next_message_id(self, chat_id: int) -> int:
        with self._lock:
            counter = self._message_ids.setdefault(chat_id, itertools.count(1))
            return next(counter)

    def text_message(
        self,
        chat: dict[str, Any],
        sender: dict[str, Any],
        text: str,
        *,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Return a text Message with the entities Telegram would add (commands, mentions)."""
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat["id"]),
            "from": sender,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        entities = text_entities(text)
        if entities:
            message["entities"] = entities
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    def text_update(
        self,
        chat: dict[str, Any],
        sender: dict[str, Any],
        text: str,
        *,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Return an Update carrying a new text message."""
        return {"message": self.text_message(chat, sender, text, reply_to=reply_to)}

    def edited_update(self, message: dict[str, Any], text: str) -> dict[str, Any]:
        """Return an Update saying `message` was edited to `text`."""
        edited = {k: v for k, v in message.items() if k != "entities"}
        edited["text"] = text
        edited["edit_date"] = int(time.time())
        entities = text_entities(text)
        if entities:
            edited["entities"] = entities
        return {"edited_message": edited}

    def sticker_update(self, chat: dict[str, Any], sender: dict[str, Any]) -> dict[str, Any]:
        """Return an Update carrying a sticker."""
        sticker = {
            "file_id": "CAACAgIAAxkBAAEBcdFmZ2bOgq",
            "file_unique_id": "AgADcQADr8ZRGg",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "👍",
        }
        message = {
            "message_id": self._next_message_id(chat["id"]),
            "from": sender,
            "chat": chat,
            "date": int(time.time()),
            "sticker": sticker,
        }
        return {"message": message}

    def poll_update(self, chat: dict[str, Any], sender: dict[str, Any]) -> dict[str, Any]:
        """Return an Update carrying a poll as an older Bot API server sends it: its options
        lack `persistent_id` and the poll lacks `allows_revoting` and `members_only`."""
        poll = {
            "id": f"old{next(self._poll_ids)}",
            "question": "Who won?",
            "options": [
                {"text": "One side", "voter_count": 0},
                {"text": "The other", "voter_count": 0},
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": True,
            "type": "regular",
            "allows_multiple_answers": False,
        }
        message = {
            "message_id": self._next_message_id(chat["id"]),
            "from": sender,
            "chat": chat,
            "date": int(time.time()),
            "poll": poll,
        }
        return {"message": message}

    def callback_update(
        self, sender: dict[str, Any], message: dict[str, Any], data: str
    ) -> dict[str, Any]:
        """Return an Update for a press on a button of `message` (a message the bot sent)."""
        query = {
            "id": str(next(self._query_ids)),
            "from": sender,
            "message": message,
            "chat_instance": f"ci{message['chat']['id']}",
            "data": data,
        }
        return {"callback_query": query}

    def inline_update(self, sender: dict[str, Any], query: str) -> dict[str, Any]:
        """Return an Update for `@bot query` typed in some chat."""
        inline = {
            "id": str(next(self._query_ids)),
            "from": sender,
            "query": query,
            "offset": "",
            "chat_type": "sender",
        }
        return {"inline_query": inline}

    # -- serving --------------------------------------------------------------------------------

    def _wake(self) -> None:
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._set_arrived()
        else:
            loop.call_soon_threadsafe(self._set_arrived)

    def _set_arrived(self) -> None:
        # Waiters hold the old event; a fresh one serves the next round.
        if self._arrived is not None:
            self._arrived.set()
        self._arrived = asyncio.Event()

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        method = request.match_info["method"]
        params = await _read_params(request)
        if request.match_info["token"] != self.token:
            return self._record(method, params, 401, None)
        with self._lock:
            failures = self._failures.get(method, [])
            failure = failures[0] if failures else None
            if failure is not None:
                failure.times -= 1
                if failure.times <= 0:
                    failures.pop(0)
        if failure is not None:
            return self._record(
                method, params, failure.status, None, failure.retry_after, failure.description
            )
        handler = getattr(self, f"_api_{method.lower()}", None)
        if handler is None:
            return self._record(
                method, params, 404, None, description="Not Found: method not found"
            )
        try:
            result = await handler(params)
        except _APIError as error:
            return self._record(
                method,
                params,
                error.status,
                None,
                description=error.description,
                parameters=error.parameters,
            )
        return self._record(method, params, 200, result)

    def _record(
        self,
        method: str,
        params: dict[str, Any],
        status: int,
        result: Any,
        retry_after: int | None = None,
        description: str | None = None,
        parameters: dict[str, Any] | None = None,
    ) -> web.Response:
        with self._lock:
            self._calls.append(Call(method, params, status, result))
        if status == 200:
            return web.json_response({"ok": True, "result": result})
        if status == 502:
            page = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"
            return web.Response(status=502, text=page, content_type="text/html")
        body: dict[str, Any] = {"ok": False, "error_code": status}
        if status == 429:
            body["description"] = description or f"Too Many Requests: retry after {retry_after}"
            body["parameters"] = {"retry_after": retry_after}
        else:
            body["description"] = description or _DESCRIPTIONS.get(status, "Error")
        if parameters:
            body["parameters"] = parameters
        return web.json_response(body, status=status)

    def _chat(self, chat_id: Any) -> dict[str, Any]:
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        if not isinstance(chat_id, int):
            raise _APIError(400, "Bad Request: chat not found")
        with self._lock:
            known = self._chats.get(chat_id)
            moved = self._upgraded.get(chat_id)
        if moved is not None:
            raise _APIError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                {"migrate_to_chat_id": moved},
            )
        if known is not None:
            return known
        return {"id": chat_id, "type": "private" if chat_id > 0 else "supergroup"}

    async def _api_getme(self, params: dict[str, Any]) -> Any:
        return self.bot_user

    async def _api_getupdates(self, params: dict[str, Any]) -> Any:
        with self._lock:
            self._polls += 1
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        if params.get("allowed_updates") is not None:
            self._allowed_updates = list(params["allowed_updates"]) or None
        with self._lock:
            if self._webhook:
                raise _APIError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
            if offset:
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
        deadline = time.monotonic() + timeout
        while True:
            arrived = self._arrived
            pending = self._pending(offset)[:limit]
            remaining = deadline - time.monotonic()
            if pending or self._closing or remaining <= 0 or arrived is None:
                return pending
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(remaining):
                    await arrived.wait()

    def _pending(self, offset: int) -> list[dict[str, Any]]:
        with self._lock:
            pending = [u for u in self._updates if u["update_id"] >= offset]
        allowed = self._allowed_updates
        if allowed:
            pending = [u for u in pending if any(kind in u for kind in allowed)]
        return pending

    async def _api_sendmessage(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params.get("chat_id"))
        text = self._checked_text(params)
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
            "text": text,
        }
        markup = self._checked_markup(params)
        if markup is not None:
            message["reply_markup"] = markup
        reply = params.get("reply_parameters")
        if isinstance(reply, dict):
            with self._lock:
                quoted = self._messages.get((chat["id"], int(reply.get("message_id", 0))))
            if quoted is not None:
                message["reply_to_message"] = quoted
        with self._lock:
            self._messages[(chat["id"], message["message_id"])] = message
        return message

    async def _api_sendpoll(self, params: dict[str, Any]) -> Any:
        chat = self._chat(params.get("chat_id"))
        question = params.get("question")
        if not isinstance(question, str) or not 1 <= len(question.strip()) <= 300:
            raise _APIError(400, "Bad Request: poll question length must be 1-300")
        options = params.get("options")
        if not isinstance(options, list) or not 2 <= len(options) <= 12:
            raise _APIError(400, "Bad Request: poll must have 2-12 options")
        texts = [o.get("text") if isinstance(o, dict) else o for o in options]
        for text in texts:
            if not isinstance(text, str) or not 1 <= len(text.strip()) <= 100:
                raise _APIError(400, "Bad Request: poll options length must be 1-100")
        kind = params.get("type") or "regular"
        correct = params.get("correct_option_ids")
        if correct is None and params.get("correct_option_id") is not None:
            correct = [params["correct_option_id"]]
        if kind == "quiz" and not (
            isinstance(correct, list)
            and len(correct) == 1
            and all(isinstance(i, int) and 0 <= i < len(texts) for i in correct)
        ):
            raise _APIError(400, "Bad Request: wrong correct option id specified")
        explanation = params.get("explanation")
        if explanation is not None:
            shown = str(explanation)
            if str(params.get("explanation_parse_mode") or "").upper() == "HTML":
                try:
                    shown = telegram_html_text(shown)
                except TelegramHTMLError as error:
                    raise _APIError(400, f"Bad Request: can't parse entities: {error}") from None
            if utf16_length(shown) > 200:
                raise _APIError(400, "Bad Request: poll explanation is too long")
        poll: dict[str, Any] = {
            "id": str(next(self._poll_ids)),
            "question": question,
            "options": [
                {"text": text, "voter_count": 0, "persistent_id": f"o{index}"}
                for index, text in enumerate(texts)
            ],
            "total_voter_count": 0,
            "is_closed": False,
            "is_anonymous": params.get("is_anonymous", True) is not False,
            "type": kind,
            "allows_multiple_answers": False,
            "allows_revoting": False,
            "members_only": False,
        }
        if kind == "quiz":
            poll["correct_option_ids"] = correct
            if explanation is not None:
                poll["explanation"] = explanation
        message: dict[str, Any] = {
            "message_id": self._next_message_id(chat["id"]),
            "from": self.bot_user,
            "chat": chat,
            "date": int(time.time()),
            "poll": poll,
        }
        with self._lock:
            self._messages[(chat["id"], message["message_id"])] = message
        return message

    async def _api_editmessagetext(self, params: dict[str, Any]) -> Any:
        text = self._checked_text(params)
        markup = self._checked_markup(params)
        if params.get("inline_message_id"):
            return True
        chat = self._chat(params.get("chat_id"))
        key = (chat["id"], int(params.get("message_id") or 0))
        with self._lock:
            current = self._messages.get(key)
            if current is None:
                raise _APIError(400, "Bad Request: message to edit not found")
            if current.get("text") == text and current.get("reply_markup") == markup:
                raise _APIError(
                    400,
                    "Bad Request: message is not modified: specified new message content and "
                    "reply markup are exactly the same as a current content and reply markup of "
                    "the message",
                )
            edited = {k: v for k, v in current.items() if k != "reply_markup"}
            edited["text"] = text
            edited["edit_date"] = int(time.time())
            if markup is not None:
                edited["reply_markup"] = markup
            self._messages[key] = edited
        return edited

    async def _api_answercallbackquery(self, params: dict[str, Any]) -> Any:
        if len(str(params.get("text") or "")) > 200:
            raise _APIError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    async def _api_answerinlinequery(self, params: dict[str, Any]) -> Any:
        results = params.get("results")
        if not isinstance(results, list) or len(results) > 50:
            raise _APIError(400, "Bad Request: RESULTS_TOO_MUCH")
        for result in results:
            if len(str(result.get("id", "")).encode()) > 64:
                raise _APIError(400, "Bad Request: RESULT_ID_INVALID")
            content = result.get("input_message_content") or {}
            self._checked_text(
                {"text": content.get("message_text"), "parse_mode": content.get("parse_mode")}
            )
        button = params.get("button")
        if button is not None:
            start = button.get("start_parameter") if isinstance(button, dict) else None
            if not button.get("text") or not (
                isinstance(start, str) and re.fullmatch(r"[A-Za-z0-9_-]{1,64}", start)
            ):
                raise _APIError(400, "Bad Request: BUTTON_START_PARAM_INVALID")
        return True

    async def _api_sendchataction(self, params: dict[str, Any]) -> Any:
        self._chat(params.get("chat_id"))
        return True

    async def _api_setmycommands(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_deletemycommands(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_deletewebhook(self, params: dict[str, Any]) -> Any:
        with self._lock:
            self._webhook = None
            if params.get("drop_pending_updates"):
                self._updates.clear()
        return True

    async def _api_setwebhook(self, params: dict[str, Any]) -> Any:
        url = params.get("url") or ""
        with self._lock:
            self._webhook = dict(params) if url else None
        if params.get("allowed_updates") is not None:
            self._allowed_updates = list(params["allowed_updates"]) or None
        self._wake()
        return True

    async def _api_getwebhookinfo(self, params: dict[str, Any]) -> Any:
        with self._lock:
            hook = self._webhook or {}
            pending = len(self._updates)
        return {
            "url": hook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }

    async def _api_close(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_logout(self, params: dict[str, Any]) -> Any:
        return True

    def _checked_text(self, params: dict[str, Any]) -> str:
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _APIError(400, "Bad Request: message text is empty")
        if str(params.get("parse_mode") or "").upper() == "HTML":
            try:
                text = telegram_html_text(text)
            except TelegramHTMLError as error:
                raise _APIError(400, f"Bad Request: can't parse entities: {error}") from None
        if utf16_length(text) > MESSAGE_LIMIT:
            raise _APIError(400, "Bad Request: message is too long")
        return text

    def _checked_markup(self, params: dict[str, Any]) -> dict[str, Any] | None:
        markup = params.get("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise _APIError(400, "Bad Request: can't parse reply keyboard markup JSON object")
        for row in markup.get("inline_keyboard", []):
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                    raise _APIError(400, "Bad Request: BUTTON_DATA_INVALID")
                if not button.get("text"):
                    raise _APIError(400, "Bad Request: text buttons are unallowed")
        return markup

    async def _deliver_webhooks(self) -> None:
        """POST queued updates to the webhook, one at a time, as Telegram does."""
        # Checking the flag as well as being cancelled: on Python 3.11 wait_for can swallow a
        # cancellation that races with the event it waits for.
        while not self._closing:
            with self._lock:
                hook = dict(self._webhook) if self._webhook else None
            arrived = self._arrived
            update = self._pending(0)[:1] if hook else []
            if hook and update:
                headers = {}
                if hook.get("secret_token"):
                    headers["X-Telegram-Bot-Api-Secret-Token"] = str(hook["secret_token"])
                delivered = False
                if self._session is not None:
                    try:
                        async with self._session.post(
                            hook["url"], json=update[0], headers=headers
                        ) as response:
                            delivered = response.status == 200
                    except (ClientError, TimeoutError):
                        delivered = False
                if delivered:
                    with self._lock:
                        self._updates = [u for u in self._updates if u is not update[0]]
                else:
                    await asyncio.sleep(0.2)
                continue
            if arrived is None:
                return
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(0.5):
                    await arrived.wait()


class _APIError(Exception):
    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = {k: _decode(k, v) for k, v in request.query.items()}
    if request.method != "POST" or not request.can_read_body:
        return params
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params.update(body)
        return params
    form = await request.post()
    for key, value in form.items():
        if isinstance(value, str):
            params[key] = _decode(key, value)
        else:
            params[key] = {"filename": value.filename, "content_type": value.content_type}
    return params


def _decode(key: str, value: str) -> Any:
    if key in _STRING_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def text_entities(text: str) -> list[dict[str, Any]]:
    """Return the entities Telegram adds to a text: a leading bot command and @mentions."""
    entities: list[dict[str, Any]] = []
    command = _COMMAND.match(text)
    if command:
        entities.append({"type": "bot_command", "offset": 0, "length": utf16_length(command[0])})
    for mention in _MENTION.finditer(text):
        entities.append(
            {
                "type": "mention",
                "offset": utf16_length(text[: mention.start()]),
                "length": utf16_length(mention[0]),
            }
        )
    return entities


@contextlib.contextmanager
def serve_in_thread(server: BotAPIServer) -> Iterator[BotAPIServer]:
    """Run the server on its own event loop in a background thread, for the length of a `with`."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="fake-bot-api", daemon=True)
    thread.start()
    try:
        asyncio.run_coroutine_threadsafe(server.start(), loop).result(timeout=10)
        yield server
    finally:
        asyncio.run_coroutine_threadsafe(server.stop(), loop).result(timeout=30)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
