"""Every setting, read from the environment once into one frozen object."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from bot.errors import BotError
from bot.matching import Thresholds

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")
_LOG_FORMATS = ("plain", "json")
_TRUE = ("1", "true", "yes", "on")
_FALSE = ("0", "false", "no", "off", "")


class SettingsError(BotError):
    """An environment variable holds a value the bot cannot use; names the variable."""

    label = "Invalid setting"
    exit_status = 2

    def __init__(self, variable: str, problem: str) -> None:
        self.variable = variable
        super().__init__(f"{variable}: {problem}")


@dataclass(frozen=True, slots=True)
class Settings:
    """The bot's configuration."""

    token: str | None = None
    """TELEGRAM_BOT_TOKEN: the bot's token from BotFather."""
    api_url: str | None = None
    """TELEGRAM_API_URL: Bot API base URL, e.g. http://localhost:8081/bot; unset: Telegram's."""
    webhook_url: str | None = None
    """TELEGRAM_WEBHOOK_URL: public HTTPS address for webhook mode; unset means long polling."""
    webhook_secret: str | None = None
    """TELEGRAM_WEBHOOK_SECRET: secret token Telegram sends with each webhook request."""
    webhook_listen: str = "0.0.0.0"
    """TELEGRAM_WEBHOOK_LISTEN: address the webhook server listens on."""
    webhook_port: int = 8443
    """TELEGRAM_WEBHOOK_PORT: port the webhook server listens on."""
    data_dir: Path = field(default_factory=lambda: default_data_dir(os.environ))
    """BERBOT_DATA_DIR: where conversation state and the unanswered-questions log are kept."""
    cache_dir: Path | None = field(default_factory=lambda: default_cache_dir(os.environ))
    """BERBOT_CACHE_DIR: where the built engine is kept between starts; `off` keeps none."""
    knowledge: Path | None = None
    """BERBOT_KNOWLEDGE: knowledge pack directory; unset means the bundled pack."""
    log_level: str = "INFO"
    """LOG_LEVEL: DEBUG, INFO, WARNING or ERROR."""
    log_format: str = "plain"
    """LOG_FORMAT: plain lines, or json lines for log collectors."""
    log_questions: bool = False
    """BERBOT_LOG_QUESTIONS: include question text in logs (off: outcomes and latency only)."""
    record_unanswered: bool = True
    """BERBOT_RECORD_UNANSWERED: record declined and "did you mean" questions for curators."""
    context_ttl: float = 1800.0
    """BERBOT_CONTEXT_TTL: seconds a conversation's follow-up context is kept."""
    thresholds: Thresholds = field(default_factory=Thresholds)
    """BERBOT_ANSWER_THRESHOLD, BERBOT_SUGGEST_THRESHOLD: scores to answer and to suggest."""

    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, only: Collection[str] | None = None
    ) -> Settings:
        """Read the settings from the environment; raise SettingsError naming a bad variable.

        With `only`, read just those fields and leave the others at their defaults, so a command
        is never refused for a setting it does not use.
        """
        env = os.environ if environ is None else environ
        defaults = cls()
        readers: dict[str, Callable[[], object]] = {
            "token": lambda: _text(env, "TELEGRAM_BOT_TOKEN"),
            "api_url": lambda: _url(env, "TELEGRAM_API_URL", ("http://", "https://")),
            "webhook_url": lambda: _url(env, "TELEGRAM_WEBHOOK_URL", ("https://", "http://")),
            "webhook_secret": lambda: _secret(env, "TELEGRAM_WEBHOOK_SECRET"),
            "webhook_listen": lambda: (
                _text(env, "TELEGRAM_WEBHOOK_LISTEN") or defaults.webhook_listen
            ),
            "webhook_port": lambda: int(
                _number(env, "TELEGRAM_WEBHOOK_PORT", defaults.webhook_port, 1, 65535)
            ),
            "data_dir": lambda: Path(_text(env, "BERBOT_DATA_DIR") or default_data_dir(env)),
            "cache_dir": lambda: _cache_dir(env),
            "knowledge": lambda: _path(env, "BERBOT_KNOWLEDGE"),
            "log_level": lambda: _choice(env, "LOG_LEVEL", _LOG_LEVELS, defaults.log_level).upper(),
            "log_format": lambda: _choice(
                env, "LOG_FORMAT", _LOG_FORMATS, defaults.log_format
            ).lower(),
            "log_questions": lambda: _flag(env, "BERBOT_LOG_QUESTIONS", defaults.log_questions),
            "record_unanswered": lambda: _flag(
                env, "BERBOT_RECORD_UNANSWERED", defaults.record_unanswered
            ),
            "context_ttl": lambda: _number(
                env, "BERBOT_CONTEXT_TTL", defaults.context_ttl, 0.0, 10**7
            ),
            "thresholds": lambda: _thresholds(env, defaults.thresholds),
        }
        unknown = set(only or ()) - set(readers)
        if unknown:
            raise ValueError(f"no such setting: {', '.join(sorted(unknown))}")
        chosen = readers if only is None else {k: v for k, v in readers.items() if k in only}
        return cls(**{name: read() for name, read in chosen.items()})  # type: ignore[arg-type]


def _thresholds(env: Mapping[str, str], defaults: Thresholds) -> Thresholds:
    answer = _number(env, "BERBOT_ANSWER_THRESHOLD", defaults.answer, 0.0, 1.0)
    suggest = _number(env, "BERBOT_SUGGEST_THRESHOLD", defaults.suggest, 0.0, 1.0)
    if suggest > answer:
        raise SettingsError("BERBOT_SUGGEST_THRESHOLD", "must not be above the answer threshold")
    return Thresholds(answer=answer, suggest=suggest)


def _path(env: Mapping[str, str], name: str) -> Path | None:
    value = _text(env, name)
    return Path(value) if value else None


def default_data_dir(env: Mapping[str, str]) -> Path:
    """Return the per-user data directory: $XDG_DATA_HOME/berbot, else ~/.local/share/berbot."""
    base = _text(env, "XDG_DATA_HOME")
    return (Path(base) if base else Path.home() / ".local" / "share") / "berbot"


def default_cache_dir(env: Mapping[str, str]) -> Path:
    """Return the per-user cache directory: $XDG_CACHE_HOME/berbot, else ~/.cache/berbot."""
    base = _text(env, "XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "berbot"


def _cache_dir(env: Mapping[str, str]) -> Path | None:
    value = _text(env, "BERBOT_CACHE_DIR")
    if value is None:
        return default_cache_dir(env)
    return None if value.lower() == "off" else Path(value)


def _text(env: Mapping[str, str], name: str) -> str | None:
    value = env.get(name, "").strip()
    return value or None


def _url(env: Mapping[str, str], name: str, schemes: tuple[str, ...]) -> str | None:
    value = _text(env, name)
    if value is not None and not value.startswith(schemes):
        raise SettingsError(name, f"must start with {' or '.join(schemes)}, got {value!r}")
    return value


def _secret(env: Mapping[str, str], name: str) -> str | None:
    value = _text(env, name)
    allowed = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
    if value is not None and (not 1 <= len(value) <= 256 or set(value) - allowed):
        raise SettingsError(name, "must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
    return value


def _choice(env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str) -> str:
    value = _text(env, name)
    if value is None:
        return default
    if value.upper() not in (c.upper() for c in choices):
        raise SettingsError(name, f"must be one of {', '.join(choices)}, got {value!r}")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    value = env.get(name)
    if value is None:
        return default
    if value.strip().lower() in _TRUE:
        return True
    if value.strip().lower() in _FALSE:
        return False
    raise SettingsError(name, f"must be true or false, got {value!r}")


def _number(env: Mapping[str, str], name: str, default: float, low: float, high: float) -> float:
    value = _text(env, name)
    if value is None:
        return default
    try:
        number = float(value)
    except ValueError:
        raise SettingsError(name, f"must be a number, got {value!r}") from None
    if not low <= number <= high:
        raise SettingsError(name, f"must be between {low:g} and {high:g}, got {value!r}")
    return number
