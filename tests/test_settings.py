"""Settings are read from the environment once, and a bad value names its variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError


def test_defaults_need_nothing_but_a_home() -> None:
    settings = Settings.from_env({"XDG_DATA_HOME": "/srv/share"})
    assert settings.token is None
    assert settings.data_dir == Path("/srv/share/berbot")
    assert (settings.log_level, settings.log_format) == ("INFO", "plain")
    assert settings.record_unanswered and not settings.log_questions
    assert settings.thresholds.suggest <= settings.thresholds.answer


def test_the_built_engine_is_kept_in_the_user_cache_unless_turned_off() -> None:
    assert Settings.from_env({"XDG_CACHE_HOME": "/srv/cache"}).cache_dir == Path(
        "/srv/cache/berbot"
    )
    assert Settings.from_env({"BERBOT_CACHE_DIR": "/var/cache/b"}).cache_dir == Path("/var/cache/b")
    assert Settings.from_env({"BERBOT_CACHE_DIR": "OFF"}).cache_dir is None


def test_values_are_read_and_converted() -> None:
    settings = Settings.from_env(
        {
            "TELEGRAM_BOT_TOKEN": " 123:abc ",
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/bot",
            "TELEGRAM_WEBHOOK_PORT": "8080",
            "BERBOT_DATA_DIR": "/var/lib/berbot",
            "BERBOT_RECORD_UNANSWERED": "false",
            "LOG_FORMAT": "JSON",
            "LOG_LEVEL": "debug",
            "BERBOT_ANSWER_THRESHOLD": "0.6",
        }
    )
    assert settings.token == "123:abc"
    assert settings.webhook_port == 8080
    assert settings.data_dir == Path("/var/lib/berbot")
    assert not settings.record_unanswered
    assert (settings.log_format, settings.log_level) == ("json", "DEBUG")
    assert settings.thresholds.answer == 0.6


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("TELEGRAM_API_URL", "localhost:8081"),
        ("TELEGRAM_WEBHOOK_PORT", "eighty"),
        ("TELEGRAM_WEBHOOK_PORT", "70000"),
        ("TELEGRAM_WEBHOOK_SECRET", "has spaces"),
        ("LOG_LEVEL", "LOUD"),
        ("LOG_FORMAT", "xml"),
        ("BERBOT_RECORD_UNANSWERED", "maybe"),
        ("BERBOT_ANSWER_THRESHOLD", "2"),
        ("BERBOT_SUGGEST_THRESHOLD", "0.9"),
    ],
)
def test_a_bad_value_names_its_variable(variable: str, value: str) -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({variable: value})
    assert caught.value.variable == variable
    assert str(caught.value).startswith(f"{variable}: ")
