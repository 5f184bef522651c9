"""The Telegram front end's rules, fast: addressing, buttons, flood control, rendering, logs."""

from __future__ import annotations

import dataclasses
import io
import json
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from botapi import DEFAULT_TOKEN, BotAPIServer, telegram_html_text
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import Message, Update

from bot.knowledge import Citation, Pack
from bot.matching import Engine, Outcome, Reply
from bot.replies import TELEGRAM_LIMIT
from bot.settings import Settings
from bot.tgbot.addressing import addressed_question
from bot.tgbot.buttons import Buttons
from bot.tgbot.floods import Admission, FloodLimiter
from bot.tgbot.logs import JsonFormatter, TokenFilter
from bot.tgbot.runtime import Runtime
from bot.tgbot.views import (
    about_text,
    help_text,
    inline_results,
    non_text_hint,
    render_reply,
    section_view,
    sections_view,
    start_text,
    usage_text,
)

USERNAME = "BerBot"
BOT_ID = 123456789
BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Ber Bot", "username": USERNAME}
ALICE = BotAPIServer.user(1001, "Alice", username="alice")
PRIVATE = {"id": 1001, "type": "private", "first_name": "Alice"}
GROUP = {"id": -100123, "type": "supergroup", "title": "Readers"}


def message(
    text: str, chat: dict[str, Any], *, reply_from: dict[str, Any] | None = None
) -> Message:
    """Parse a message the way python-telegram-bot receives it, entities included."""
    api = BotAPIServer()
    data = api.text_message(chat, ALICE, text)
    if reply_from is not None:
        data["reply_to_message"] = {
            "message_id": 99,
            "from": reply_from,
            "chat": chat,
            "date": 0,
            "text": "earlier",
        }
    update = Update.de_json({"update_id": 1, "message": data}, None)
    assert update.message is not None
    return update.message


def html_ok(html: str) -> bool:
    """Return whether Telegram would take this HTML in one message."""
    return len(html) <= TELEGRAM_LIMIT and len(telegram_html_text(html)) <= TELEGRAM_LIMIT


# -- who is the bot addressed by --------------------------------------------------------------


@pytest.mark.parametrize(
    ("chat", "text", "reply_from", "question"),
    [
        (PRIVATE, "Who won?", None, "Who won?"),
        (PRIVATE, "/ask Who won?", None, "Who won?"),
        (PRIVATE, "/ask@BerBot   Who   won?", None, "Who won?"),
        (PRIVATE, "/ask", None, ""),
        (PRIVATE, "/help", None, None),
        (GROUP, "/ask Who won?", None, "Who won?"),
        (GROUP, "/ask@BerBot Who won?", None, "Who won?"),
        (GROUP, "/ASK@berbot Who won?", None, "Who won?"),
        (GROUP, "/ask@BerBot\nWho won?", None, "Who won?"),
        (GROUP, "/ask@OtherBot Who won?", None, None),
        (GROUP, "/start@OtherBot", None, None),
        (GROUP, "/ask", None, ""),
        (GROUP, "@BerBot who won?", None, "who won?"),
        (GROUP, "who won, @berbot?", None, "who won, ?"),
        (GROUP, "@BerBot", None, ""),
        (GROUP, "who won?", None, None),
        (GROUP, "@alice who won?", None, None),
        (GROUP, "@BerBotFan who won?", None, None),
        (GROUP, "and when did they leave?", BOT_USER, "and when did they leave?"),
        (GROUP, "and when did they leave?", ALICE, None),
    ],
)
def test_addressed_question_follows_the_group_etiquette(
    chat: dict[str, Any], text: str, reply_from: dict[str, Any] | None, question: str | None
) -> None:
    found = addressed_question(
        message(text, chat, reply_from=reply_from), username=USERNAME, bot_id=BOT_ID
    )
    assert found == question


def test_text_mention_of_the_bot_addresses_it() -> None:
    data = {
        "message_id": 5,
        "from": ALICE,
        "chat": GROUP,
        "date": 0,
        "text": "Ber Bot who won?",
        "entities": [{"type": "text_mention", "offset": 0, "length": 7, "user": BOT_USER}],
    }
    update = Update.de_json({"update_id": 1, "message": data}, None)
    assert update.message is not None
    assert addressed_question(update.message, username=USERNAME, bot_id=BOT_ID) is not None


# -- buttons ----------------------------------------------------------------------------------


def test_every_fact_button_fits_in_64_bytes_and_decodes_to_its_fact(pack: Pack) -> None:
    buttons = Buttons(pack)
    for fact in pack.facts:
        for data, action in ((buttons.answer(fact), "answer"), (buttons.ask(fact), "ask")):
            assert len(data.encode()) <= 64
            press = buttons.decode(data)
            assert press is not None and press.action == action and press.fact == fact


def test_a_fact_with_a_long_id_still_gets_a_short_button(pack: Pack) -> None:
    long = dataclasses.replace(pack.facts[0], id="a-" + "very-" * 20 + "long-id")
    other = dataclasses.replace(pack.facts[1], id="a-" + "very-" * 20 + "long-id-too")
    buttons = Buttons(dataclasses.replace(pack, facts=(long, other)))
    for fact in (long, other):
        data = buttons.answer(fact)
        assert len(data.encode()) <= 64
        press = buttons.decode(data)
        assert press is not None and press.fact == fact


def test_section_buttons_decode_to_their_section(pack: Pack) -> None:
    buttons = Buttons(pack)
    for index in range(len(buttons.sections)):
        assert buttons.decode(buttons.section(index)) == buttons.decode(f"s:{index}")
        press = buttons.decode(buttons.section(index))
        assert press is not None and press.section == index
    press = buttons.decode(buttons.all_sections())
    assert press is not None and press.action == "sections"


@pytest.mark.parametrize(
    "data",
    [
        None,
        "",
        "f:",
        "f:no-such-fact",
        "q:../../../etc/passwd",
        "s:",
        "s:-1",
        "s:99",
        "s:1.5",
        "s:١",
        "t:extra",
        "x:who-won",
        "who-won",
        "f:" + "a" * 100,
        "é" * 40,
        42,
    ],
)
def test_unknown_or_forged_button_data_is_rejected(pack: Pack, data: object) -> None:
    assert Buttons(pack).decode(data) is None


def test_callback_data_from_an_update_decodes(pack: Pack) -> None:
    buttons = Buttons(pack)
    fact = pack.facts[0]
    api = BotAPIServer()
    sent = {"message_id": 7, "from": BOT_USER, "chat": PRIVATE, "date": 0, "text": "Pick one"}
    update = Update.de_json(
        {"update_id": 3, **api.callback_update(ALICE, sent, buttons.answer(fact))}, None
    )
    assert update.callback_query is not None
    press = buttons.decode(update.callback_query.data)
    assert press is not None and press.fact == fact


@settings(max_examples=200, deadline=None)
@given(data=st.text(max_size=80))
def test_any_button_data_decodes_to_a_known_fact_or_nothing(pack: Pack, data: str) -> None:
    press = Buttons(pack).decode(data)
    assert press is None or press.fact is None or press.fact in pack.facts


def test_topic_keyboards_fit_telegram_limits(pack: Pack) -> None:
    buttons = Buttons(pack)
    text, keyboard = sections_view(buttons)
    assert html_ok(text)
    assert len(keyboard.inline_keyboard) == len(buttons.sections)
    for index in range(len(buttons.sections)):
        text, keyboard = section_view(buttons, index)
        assert html_ok(text)
        rows = keyboard.inline_keyboard
        assert 2 <= len(rows) <= 100
        for row in rows:
            for button in row:
                assert isinstance(button.callback_data, str)
                assert len(button.callback_data.encode()) <= 64
                assert buttons.decode(button.callback_data) is not None


# -- flood control ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_flood_limiter_allows_ten_then_one_notice_then_silence_until_cooldown() -> None:
    clock = Clock()
    limiter = FloodLimiter(limit=10, window=30.0, clock=clock)
    verdicts = []
    for _ in range(13):
        verdicts.append(limiter.check(1))
        clock.now += 0.5
    assert verdicts == [Admission.ALLOW] * 10 + [Admission.NOTICE] + [Admission.SILENT] * 2

    assert limiter.check(2) is Admission.ALLOW, "other users are unaffected"
    # The notice came at 1005.0; the user is ignored for the next 30 seconds.
    clock.now = 1034.9
    assert limiter.check(1) is Admission.SILENT
    clock.now = 1035.0
    assert limiter.check(1) is Admission.ALLOW, "the cooldown ends"


def test_flood_limiter_counts_a_sliding_window() -> None:
    clock = Clock()
    limiter = FloodLimiter(limit=10, window=30.0, clock=clock)
    for _ in range(200):
        assert limiter.check(1) is Admission.ALLOW
        clock.now += 3.1  # about ten in any 30 seconds, never eleven


# -- rendering --------------------------------------------------------------------------------


def test_fixed_texts_are_valid_telegram_html(engine: Engine) -> None:
    pack = engine.pack
    for text in (
        start_text(pack),
        help_text(pack, USERNAME),
        about_text(pack),
        usage_text("Who won <the> battle & why?"),
        non_text_hint(pack),
    ):
        assert html_ok(text), text
    assert "\n" not in usage_text("Who won?")


def test_suggestions_become_at_most_three_buttons(engine: Engine) -> None:
    buttons = Buttons(engine.pack)
    questions = tuple(f.questions[0] for f in engine.pack.facts[:5])
    reply = Reply(question="?", outcome=Outcome.SUGGEST, text="Which?", suggestions=questions)
    text, keyboard = render_reply(reply, engine.pack, buttons)
    assert keyboard is not None
    assert [row[0].text for row in keyboard.inline_keyboard] == list(questions[:3])
    assert questions[0] not in text, "suggestions are offered as buttons, not repeated as text"


citations = st.lists(
    st.builds(Citation, section=st.sampled_from(["Lead", "Battle", "A & <B>"]), text=st.text()),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(max_size=6000) | st.sampled_from(["<" * 1500, '"' * 2000, "&" * 5000]),
    cited=citations,
    suggestions=st.lists(st.text(max_size=200), max_size=4),
)
def test_any_reply_renders_as_valid_telegram_html_within_the_limit(
    engine: Engine, text: str, cited: list[Citation], suggestions: list[str]
) -> None:
    reply = Reply(
        question="q",
        outcome=Outcome.DECLINE,
        text=text,
        citations=tuple(cited),
        suggestions=tuple(suggestions),
    )
    html, _ = render_reply(reply, engine.pack, Buttons(engine.pack))
    assert html_ok(html)
    assert html.startswith("<b>")


@settings(max_examples=150, deadline=None)
@given(question=st.text(min_size=1, max_size=4000))
def test_engine_replies_to_any_long_question_render_within_the_limit(
    engine: Engine, question: str
) -> None:
    reply = engine.answer(question)
    html, keyboard = render_reply(reply, engine.pack, Buttons(engine.pack))
    assert html_ok(html)
    if keyboard is not None:
        assert len(keyboard.inline_keyboard) <= 3


@pytest.mark.parametrize(
    "question",
    [
        ("Who won the battle and why did the MAA attack? " * 100)[:4000],
        "<b>" * 1333,
        "&" * 4000,
        '"Who won?" ' * 360,
        "@BerBot " * 500,
        "é" * 4000,
        "/ask " + "who " * 998,
    ],
    ids=["words", "tags", "ampersands", "quotes", "mentions", "accents", "ask"],
)
def test_engine_replies_to_4000_character_messages_render_within_the_limit(
    engine: Engine, question: str
) -> None:
    assert len(question) <= 4000
    html, _ = render_reply(engine.answer(question), engine.pack, Buttons(engine.pack))
    assert html_ok(html)


# -- inline mode ------------------------------------------------------------------------------


def runtime(engine: Engine) -> Runtime:
    return Runtime(engine=engine, settings=Settings(), buttons=Buttons(engine.pack))


@pytest.mark.parametrize("query", ["who won", "", "   ", "MAA", "what is the capital of Peru?"])
def test_inline_results_are_at_most_five_distinct_cited_answers(engine: Engine, query: str) -> None:
    results, _ = inline_results(runtime(engine), query)
    assert len(results) <= 5
    assert len({r.id for r in results}) == len(results)
    for result in results:
        assert len(result.id.encode()) <= 64
        content = result.input_message_content
        assert html_ok(content.message_text)  # type: ignore[union-attr]
        assert result.title


def test_empty_inline_query_offers_the_example_questions(engine: Engine) -> None:
    results, reply = inline_results(runtime(engine), "")
    assert reply is None
    assert [r.title for r in results] == list(engine.starters())


# -- logging ----------------------------------------------------------------------------------


def test_token_filter_redacts_message_arguments_and_traceback() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TokenFilter(DEFAULT_TOKEN))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        url = f"http://127.0.0.1/bot{DEFAULT_TOKEN}/getMe"
        logger.warning(f"inline {url}")
        logger.warning("tuple %s and %d", url, 7)
        logger.warning("mapping %(url)s", {"url": url})
        logger.warning("object %s", ValueError(url))
        logger.warning("secret alone %s", DEFAULT_TOKEN.partition(":")[2])
        try:
            raise RuntimeError(url)
        except RuntimeError:
            logger.exception("failed")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert DEFAULT_TOKEN.partition(":")[2] not in output
    assert output.count("[REDACTED]") == 6
    assert "and 7" in output


def test_json_formatter_writes_one_object_with_extra_fields() -> None:
    record = logging.makeLogRecord(
        {"msg": "question %s", "args": ("answer",), "levelname": "INFO", "name": "bot"}
    )
    record.latency_ms = 3
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "question answer"
    assert entry["latency_ms"] == 3
    assert entry["level"] == "INFO"


def test_only_the_telegram_module_imports_telegram() -> None:
    """The core and the console start without python-telegram-bot."""
    import subprocess

    code = (
        "import sys, bot.matching, bot.replies, bot.conversation, bot.console, bot.settings; "
        "print('telegram' in sys.modules)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False"
