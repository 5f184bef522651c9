"""Reading updates: one Telegram cannot be read is skipped, never the batch or the bot with it.

python-telegram-bot reads a getUpdates batch in one go. One update it cannot parse (a poll from
an older or self-hosted Bot API server, lacking a field the library now requires) fails the
whole batch; the Updater asks again at once for the same batch, never gets past it, and stops
with an error on the way out. Its webhook server answers 500 or logs CRITICAL tracebacks for
bodies that are not updates. Here each update is read on its own: one that cannot be read is
logged once at WARNING with its id and left out, and polling moves past it; a webhook body that
is no update gets 400 and one WARNING line.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
from typing import Any
from urllib.parse import urlparse

import tornado.web
from telegram import Update
from telegram.ext import ExtBot
from tornado.httpserver import HTTPServer

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class ReadingBot(ExtBot[Any]):
    """An ExtBot whose getUpdates keeps every update it can read and moves past the others."""

    __slots__ = ("_read_past",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._read_past = 0
        """The offset that confirms every update received so far, readable or not."""

    async def _post(self, endpoint: str, data: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        if endpoint != "getUpdates":
            return await super()._post(endpoint, data, **kwargs)
        data = dict(data or {})
        # The Updater confirms up to the last update it was given; an unreadable update at the
        # end of a batch is confirmed here, or it would come back on every poll.
        if self._read_past > (data.get("offset") or 0):
            data["offset"] = self._read_past
        result = await super()._post(endpoint, data, **kwargs)
        if not isinstance(result, list):
            log.warning("getUpdates answered something other than a list of updates; ignored")
            return []
        readable = []
        for raw in result:
            if self.read(raw) is not None:
                readable.append(raw)
            update_id = raw.get("update_id") if isinstance(raw, dict) else None
            if isinstance(update_id, int) and update_id >= self._read_past:
                self._read_past = update_id + 1
        return readable

    def read(self, raw: object) -> Update | None:
        """Return the update `raw` holds, or None (logged once) when it cannot be read."""
        update_id = raw.get("update_id") if isinstance(raw, dict) else None
        try:
            if not isinstance(raw, dict):
                raise TypeError(f"a JSON {type(raw).__name__}, not an object")
            return Update.de_json(raw, self)
        except Exception as error:
            detail = " ".join(str(error).split())[:200]
            log.warning(
                "skipped update %s: python-telegram-bot cannot read it (%s: %s)",
                update_id if update_id is not None else "without an id",
                type(error).__name__,
                detail,
                extra={"event": "unreadable-update", "update_id": update_id},
            )
            return None


def body_problem(body: bytes) -> tuple[dict[str, Any] | None, str | None]:
    """Return a webhook body as an update's data, or None and what is wrong with it."""
    if not body.strip():
        return None, "its body is empty"
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        return None, "its body is not UTF-8"
    except ValueError:
        return None, "its body is not JSON, or truncated"
    except RecursionError:
        # json gives up on arrays or objects nested a few thousand deep with RecursionError.
        return None, "its body is JSON nested too deep"
    if not isinstance(data, dict):
        return None, f"its body is a JSON {_json_kind(data)}, not an update"
    update_id = data.get("update_id")
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        return None, "its body has no update_id"
    return data, None


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list):
        return "list"
    return "string" if isinstance(value, str) else type(value).__name__


class _UpdateHandler(tornado.web.RequestHandler):
    """Take updates Telegram posts: 403 without the secret, 400 for a body that is no update."""

    SUPPORTED_METHODS = ("POST",)

    def initialize(self, bot: ReadingBot, queue: asyncio.Queue[object], secret: str) -> None:
        """Keep what each request needs (tornado's per-request set-up)."""
        self.bot = bot
        self.queue = queue
        self.secret = secret

    async def post(self) -> None:
        """Queue the update the body holds."""
        sent = self.request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(sent.encode(), self.secret.encode()):
            self.set_status(403)
            return
        data, problem = body_problem(self.request.body)
        if problem is not None:
            log.warning(
                "webhook request refused: %s",
                problem,
                extra={"event": "bad-webhook-body"},
            )
            self.set_status(400)
            return
        update = self.bot.read(data)
        if update is not None:
            await self.queue.put(update)


class _Quiet(tornado.web.Application):
    def log_request(self, handler: tornado.web.RequestHandler) -> None:
        """Log nothing per request: the handler logs what matters, once."""


class WebhookServer:
    """A small HTTP server taking Telegram's webhook requests on the path of the webhook URL."""

    def __init__(
        self,
        bot: ReadingBot,
        queue: asyncio.Queue[object],
        *,
        url: str,
        listen: str,
        port: int,
        secret: str,
    ) -> None:
        path = "/" + urlparse(url).path.strip("/")
        routes = [(rf"{re.escape(path.rstrip('/'))}/?", _UpdateHandler, {
            "bot": bot, "queue": queue, "secret": secret,
        })]  # fmt: skip
        self._server = HTTPServer(_Quiet(routes))
        self.listen = listen
        self.port = port

    def start(self) -> None:
        """Listen for requests."""
        self._server.listen(self.port, address=self.listen)

    async def stop(self) -> None:
        """Stop listening and close open connections."""
        self._server.stop()
        await self._server.close_all_connections()
