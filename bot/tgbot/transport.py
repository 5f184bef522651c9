"""The bot's HTTP client for the Bot API: python-telegram-bot's requests sent with aiohttp.

python-telegram-bot sends its requests with httpx by default; under a crowd of users that
client took about two fifths of the bot's time (a sampling profile of the benchmark's crowd),
more than the answer engine. aiohttp's client does the same work, a pool of kept-alive
connections, in less: on the benchmark's crowd the bot answered 434-483 updates a second where it
answered 296-334 with httpx (three runs each, taking turns, on an idle machine).
`AiohttpRequest` is the library's documented way to bring another client
(`telegram.request.BaseRequest`).

No error raised here holds a request's URL, which holds the token (the tracebacks of the errors
it chains are redacted where they are logged: `bot.tgbot.logs.TokenFilter`).
"""

from __future__ import annotations

import io
import urllib.request
from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


def _or(value: Any, default: float | None) -> float | None:
    """Return a timeout a call gave, or the default when it left it to the client."""
    return default if isinstance(value, DefaultValue) else value


def _plus(a: float | None, b: float | None) -> float | None:
    """Return two timeouts one after the other (None, no limit, when either has none)."""
    return None if a is None or b is None else a + b


def _proxy_for(origin: str) -> str | None:
    """Return the proxy the environment names for a server ("https://host:port"), or None:
    `HTTPS_PROXY` or `HTTP_PROXY` by its scheme, else `ALL_PROXY`, unless `NO_PROXY` exempts it;
    one written without a scheme ("host:3128") is an HTTP proxy, as httpx reads it."""
    scheme, _, host = origin.partition("://")
    proxies = urllib.request.getproxies()
    proxy = proxies.get(scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(host):
        return None
    return proxy if "://" in proxy else f"http://{proxy}"


class AiohttpRequest(BaseRequest):
    """Send python-telegram-bot's requests with aiohttp, over a pool of kept-alive connections.

    Timeouts are those `HTTPXRequest` has by default (5 s to connect, read or write, 1 s to wait
    for a free connection in the pool); a call's own override them. aiohttp has no timeout for
    writing a request, and times the reading only once the request is sent: a request with a
    file (the bot sends none) is given the four together as its whole time. Redirects are not
    followed, as httpx does not (followed, a POST would go on as a GET without its fields).
    Proxies come from the environment (`HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY`, `NO_PROXY`), as
    with httpx: looked up once a server, not once a request (aiohttp's `trust_env` reads the
    environment and `~/.netrc` again for every request: with it the bot answered 221 and 256
    updates a second on the benchmark's crowd, without it 431 and 478).
    """

    __slots__ = ("_connect", "_pool", "_pool_size", "_proxies", "_read", "_session", "_write")

    def __init__(
        self,
        connection_pool_size: int = 1,
        *,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read = read_timeout
        self._write = write_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._session: aiohttp.ClientSession | None = None
        self._proxies: dict[str, str | None] = {}
        """The proxy for each server (scheme, host and port) asked so far, or None."""

    @property
    def read_timeout(self) -> float | None:
        """The default read timeout (python-telegram-bot adds a long poll's time to it)."""
        return self._read

    async def initialize(self) -> None:
        """Open the connection pool (again, after a shutdown)."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self._pool_size, limit_per_host=0),
                headers={"User-Agent": self.USER_AGENT},
            )

    async def shutdown(self) -> None:
        """Close the connection pool (once: a second shutdown does nothing)."""
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """Send one request; return the HTTP status and the body (see `BaseRequest`)."""
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        connect = _or(connect_timeout, self._connect)
        # (aiohttp's `connect` is the wait for a pooled connection and the making of one.)
        waiting = _plus(_or(pool_timeout, self._pool), connect)
        read = _or(read_timeout, self._read)
        data: aiohttp.FormData | dict[str, str] | None = None
        whole = None
        if request_data is not None:
            data = request_data.json_parameters
            files = request_data.multipart_data
            if files:
                form = aiohttp.FormData(data)
                for name, (filename, content, mime_type) in files.items():
                    # (As a stream: aiohttp warns that a large body of bytes blocks the loop.)
                    body = io.BytesIO(content) if isinstance(content, bytes) else content
                    form.add_field(name, body, filename=filename, content_type=mime_type)
                data = form
                whole = _plus(_plus(waiting, _or(write_timeout, self._write)), read)
        timeout = aiohttp.ClientTimeout(
            total=whole, connect=waiting, sock_connect=connect, sock_read=read
        )
        end = url.find("/", url.find("//") + 2)
        origin = url if end < 0 else url[:end]
        if origin in self._proxies:
            proxy = self._proxies[origin]
        else:
            proxy = self._proxies[origin] = _proxy_for(origin)
        try:
            async with session.request(
                method, url, data=data, timeout=timeout, proxy=proxy, allow_redirects=False
            ) as response:
                return response.status, await response.read()
        except TimeoutError as error:
            # (aiohttp's timeouts are TimeoutErrors, connecting, reading or waiting for the pool.)
            raise TimedOut from error
        except (aiohttp.ClientConnectorError, aiohttp.ClientOSError) as error:
            # (What went wrong reaching the server, its host and port: never the URL's path.)
            raise NetworkError(f"aiohttp.{type(error).__name__}: {error}") from error
        except aiohttp.ClientError as error:
            # Its class only: aiohttp's other messages may hold the URL, and so the token.
            raise NetworkError(f"aiohttp.{type(error).__name__}") from error
