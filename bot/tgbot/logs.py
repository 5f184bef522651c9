"""Logging: plain or JSON lines, with the bot token redacted everywhere."""

from __future__ import annotations

import json
import logging
import sys
from typing import Any, TextIO

from bot.settings import Settings


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
    # httpx, python-telegram-bot's own HTTP client, logs every request URL, and a Bot API URL
    # contains the token. (The bot sends with aiohttp, which logs none: bot.tgbot.transport.)
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    if settings.token:
        redact = TokenFilter(settings.token)
        for each in root.handlers:
            each.addFilter(redact)
