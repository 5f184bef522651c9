"""The Telegram bot end to end: the real Application over HTTP against a local Bot API server."""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import io
import json
import logging
import os
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from html import escape
from pathlib import Path
from typing import Any

import pytest
from botapi import BotAPIServer, Call, serve_in_thread, telegram_html_text
from commandline import clean_environ
from telegram.ext import PicklePersistence
from telegram_fixtures import (
    ALICE,
    BOB,
    CAROL,
    OTHER_BOT,
    POLL_TIMEOUT,
    LiveBot,
    api,
    assert_replies_valid,
    buttons,
    live,
    offline,
    restore_logging,
    running_bot,
    settings,
    shown,
)

from bot.matching import Engine, Outcome, Reply
from bot.replies import text_language
from bot.settings import Settings
from bot.tgbot import (
    FLOOD_LIMIT,
    FLOOD_NOTICE,
    STALE_BUTTON,
    STATE_FILE,
    Webhook,
    build_application,
    configure_logging,
    serve,
    unanswered_hook,
    webhook_config,
)
from bot.tgbot.wiring import RoundPersistence
from bot.unanswered import Recorder

__all__ = ["api", "live", "offline", "restore_logging", "settings"]  # fixtures used here
pytestmark = pytest.mark.usefixtures("offline")

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who won the Battle of Ber?"
OTHER_QUESTION = "When did the MAA leave Ber?"
FIRST = "When did the Burkinabe forces leave Ber?"
FOLLOW_UP = "when did they leave?"
# Questions the engine may hesitate over; the first that gets "did you mean" is used.
VAGUE = (
    "How many fighters did the MAA have?",
    "What does AFISMA stand for?",
    "were burkina faso troops ever in ber",
    "Why did the MNLA win the Battle of Ber?",
    "what did they claim",
    "what happened?",
    "exactly how many houses were looted on May 5?",
    "MNLA fighter count?",
)


def answer_of(engine: Engine, question: str, **kwargs: Any) -> str:
    """Return the direct answer the engine gives, as the bot shows it in bold."""
    reply = engine.answer(question, **kwargs)
    assert reply.outcome is Outcome.ANSWER, f"the pack no longer answers {question!r}"
    return reply.text


def follow_up_answer(engine: Engine) -> str:
    """Return the answer to FOLLOW_UP asked after FIRST, which it does not get on its own."""
    with_context = answer_of(engine, FOLLOW_UP, context=engine.answer(FIRST).context)
    assert with_context != engine.answer(FOLLOW_UP).text, "the follow-up must need its context"
    return with_context


def quotes(call: Call, message: dict[str, Any]) -> bool:
    """Return whether a sent message quotes (replies to) the given message."""
    parameters = call.params.get("reply_parameters") or {}
    return parameters.get("message_id") == message["message_id"]


# -- private chats ----------------------------------------------------------------------------


async def test_private_question_gets_bold_answer_and_linked_citation(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    mark = api.mark()
    answer = await live.ask(api.text_update(chat, ALICE, QUESTION))

    html = answer.params["text"]
    assert html.startswith(f"<b>{answer_of(engine, QUESTION)}")
    assert "<blockquote>" in html
    assert 'href="https://en.wikipedia.org/wiki/Battle_of_Ber_(2013)' in html
    assert answer.params["chat_id"] == ALICE["id"]
    assert "reply_parameters" not in answer.params, "private answers need no quote"
    assert api.calls("sendChatAction", since=mark) == [], "an instant answer needs no 'typing'"


async def test_a_message_asking_two_questions_gets_both_answers_in_bold(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    message = "who won the battle and when did the MAA leave?"
    reply = engine.answer(message)
    answer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, message))
    html = answer.params["text"]
    assert html.startswith(f"<b>{reply.text}</b>")
    second = reply.also[0]
    assert f"<b>{second.text}</b>" in html
    assert all(escape(c.text) in html for c in second.citations)
    # /why explains both, within what a message holds.
    why = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/why"))
    assert "Your message also asked" in shown(why)


async def test_a_message_asking_many_questions_gets_at_most_four_answers_in_one_message(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    facts = engine.pack.facts
    message = " ".join(f.questions[0] for f in facts[:12])
    reply = engine.answer(message)
    assert reply.also and 1 + len(reply.also) <= 4
    answer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, message))
    assert len(answer.params["text"]) <= 4096
    assert all(f"<b>{escape(a.text)}</b>" in answer.params["text"] for a in (reply, *reply.also))
    why = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/why"))
    assert len(why.params["text"]) <= 4096


async def test_start_explains_the_bot_and_offers_three_example_questions(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    greeting = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/start"))

    assert "Battle of Ber (2013)" in shown(greeting)
    labels = [label for label, _ in buttons(greeting)]
    assert labels == list(engine.starters())[:3]
    assert len(labels) == 3


async def test_start_button_answers_its_question(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    greeting = await live.ask(api.text_update(chat, ALICE, "/start"))
    label, data = buttons(greeting)[0]

    mark = api.mark()
    api.push(api.callback_update(ALICE, greeting.result, data))
    [answer] = await live.wait("sendMessage", since=mark)
    [ack] = await live.wait("answerCallbackQuery", since=mark)

    assert shown(answer).startswith(answer_of(engine, label))
    assert not ack.params.get("text"), "a working button needs no toast"


async def test_help_says_how_to_ask_here_in_groups_and_inline(
    live: LiveBot, api: BotAPIServer
) -> None:
    text = shown(await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/help")))

    assert "/ask" in text
    assert f"@{api.username}" in text
    assert "/topics" in text and "/about" in text


async def test_about_names_the_article_its_source_and_licence(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    about = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/about"))

    source = engine.pack.source
    assert source.title in shown(about)
    assert source.licence in shown(about)
    assert f'href="{source.url}"' in about.params["text"]
    assert f'href="{source.licence_url}"' in about.params["text"]


async def test_topics_browse_sections_then_answer_a_question(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    topics = await live.ask(api.text_update(chat, ALICE, "/topics"))
    sections = buttons(topics)
    assert len(sections) == len({f.section for f in engine.pack.facts})
    assert any(label.startswith("Battle") for label, _ in sections)

    battle = next(data for label, data in sections if label.startswith("Battle"))
    [listing] = await live.send(
        api.callback_update(ALICE, topics.result, battle), expect="editMessageText"
    )
    questions = buttons(listing)
    battle_facts = [f for f in engine.pack.facts if f.section == "Battle"]
    assert [label for label, _ in questions[:-1]] == [f.questions[0] for f in battle_facts]
    assert questions[-1][0] == "« All sections"

    _, data = questions[0]
    answer = await live.ask(api.callback_update(ALICE, listing.result, data))
    assert shown(answer).startswith(battle_facts[0].answer)

    [back] = await live.send(
        api.callback_update(ALICE, listing.result, questions[-1][1]), expect="editMessageText"
    )
    assert buttons(back) == sections


async def test_unknown_command_in_private_points_to_help(live: LiveBot, api: BotAPIServer) -> None:
    reply = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/weather"))
    assert "/help" in shown(reply)


async def test_sticker_in_private_gets_a_hint_and_in_a_group_nothing(
    live: LiveBot, api: BotAPIServer
) -> None:
    hint = await live.ask(api.sticker_update(api.private_chat(ALICE), ALICE))
    assert "text" in shown(hint)

    group = api.group_chat()
    sentinel = api.text_update(group, BOB, f"/ask {QUESTION}")
    await live.only_answer([api.sticker_update(group, ALICE)], sentinel)


async def test_four_thousand_character_message_gets_a_valid_short_reply(
    live: LiveBot, api: BotAPIServer
) -> None:
    question = ("Who won the battle and why did the MAA " * 120)[:4000]
    reply = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, question))

    assert len(reply.params["text"]) <= 4096
    telegram_html_text(reply.params["text"])


async def test_markup_in_a_question_is_shown_as_typed(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    question = 'Who was the <b>president</b> of France & "why" <script>x</script>?'
    reply = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, question))

    assert "<script>" not in reply.params["text"]
    assert "<b>president</b>" not in reply.params["text"]
    if engine.answer(question).outcome is Outcome.DECLINE:
        # The decline echoes the question: the user sees their own characters, not markup.
        assert "<b>president</b>" in shown(reply)


async def test_edited_question_updates_the_answer_instead_of_sending_another(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    question = api.text_update(chat, ALICE, QUESTION)
    first = await live.ask(question)

    mark = api.mark()
    api.push(api.edited_update(question["message"], OTHER_QUESTION))
    [edit] = await live.wait("editMessageText", since=mark)

    assert edit.params["message_id"] == first.result["message_id"]
    assert shown(edit).startswith(answer_of(engine, OTHER_QUESTION))
    assert api.calls("sendMessage", since=mark) == []
    assert api.message(ALICE["id"], first.result["message_id"])["text"] == shown(edit)


def hesitant_question(engine: Engine) -> tuple[str, Reply]:
    """Return a question the engine answers with "did you mean" and at least two suggestions."""
    for question in VAGUE:
        reply = engine.answer(question)
        if reply.outcome is Outcome.SUGGEST and len(reply.suggestions) >= 2:
            return question, reply
    raise AssertionError(f"the engine no longer hesitates over any of {VAGUE}")


async def test_did_you_mean_buttons_answer_in_place(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    question, vague = hesitant_question(engine)

    offer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, question))
    choices = buttons(offer)
    assert [label for label, _ in choices] == list(vague.suggestions)[:3]
    assert all(len(data.encode()) <= 64 for _, data in choices)
    assert not any(label in shown(offer) for label, _ in choices), "offered once, as buttons"

    label, data = choices[1]
    mark = api.mark()
    api.push(api.callback_update(ALICE, offer.result, data))
    [edit] = await live.wait("editMessageText", since=mark)
    await live.wait("answerCallbackQuery", since=mark)

    assert edit.params["message_id"] == offer.result["message_id"]
    assert shown(edit).startswith(answer_of(engine, label))
    assert buttons(edit) == []


async def test_typing_the_number_of_an_offered_question_answers_it(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    """A reader who types "2" rather than pressing the second button gets its answer."""
    question, _ = hesitant_question(engine)
    chat = api.private_chat(ALICE)
    offer = await live.ask(api.text_update(chat, ALICE, question))
    second, _ = buttons(offer)[1]

    picked = await live.ask(api.text_update(chat, ALICE, "2"))
    assert shown(picked).startswith(answer_of(engine, second))


async def test_declined_question_offers_questions_it_can_answer_as_buttons(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    question = "What is the capital of Peru?"
    declined = engine.answer(question)
    assert declined.outcome is Outcome.DECLINE

    reply = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, question))
    assert shown(reply).startswith(declined.text)
    assert [label for label, _ in buttons(reply)] == list(declined.suggestions)[:3]


async def test_a_french_reader_is_offered_french_questions_that_answer_in_place(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    question = "Quand ont-ils quitté la ville ?"
    vague = engine.answer(question)
    assert vague.outcome is Outcome.SUGGEST and len(vague.suggestions) >= 2
    assert all(text_language(s) == "fr" for s in vague.suggestions)

    offer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, question))
    choices = buttons(offer)
    assert [label for label, _ in choices] == [s[:1].upper() + s[1:] for s in vague.suggestions[:3]]
    _, data = choices[0]
    mark = api.mark()
    api.push(api.callback_update(ALICE, offer.result, data))
    [edit] = await live.wait("editMessageText", since=mark)
    # (Answered as the French question it was offered as: with the French line before it.)
    assert shown(edit).startswith(answer_of(engine, vague.suggestions[0]))
    assert shown(edit).startswith("D'après l'article, en anglais :")


@pytest.mark.parametrize(
    "data",
    ["f:no-such-fact", "q:../../etc", "s:999", "s:-1", "t:x", "garbage", "", "f:" + "x" * 62],
)
async def test_forged_or_stale_button_gets_a_polite_answer(
    live: LiveBot, api: BotAPIServer, data: str, caplog: pytest.LogCaptureFixture
) -> None:
    chat = api.private_chat(ALICE)
    greeting = await live.ask(api.text_update(chat, ALICE, "/start"))

    [ack] = await live.send(
        api.callback_update(ALICE, greeting.result, data), expect="answerCallbackQuery"
    )
    assert ack.params["text"] == STALE_BUTTON
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # Still serving.
    await live.ask(api.text_update(chat, ALICE, QUESTION))


# -- groups -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        f"/ask@BerBot {QUESTION}",
        f"/ask {QUESTION}",
        f"@BerBot {QUESTION}",
        f"{QUESTION} @berbot",
    ],
    ids=["ask@bot", "ask", "mention", "mention-after"],
)
async def test_group_answers_questions_addressed_to_the_bot_quoting_them(
    live: LiveBot, api: BotAPIServer, engine: Engine, text: str
) -> None:
    group = api.group_chat()
    question = api.text_update(group, ALICE, text)
    answer = await live.ask(question)

    assert answer.params["chat_id"] == group["id"]
    assert shown(answer).startswith(answer_of(engine, QUESTION))
    assert quotes(answer, question["message"])


async def test_group_reply_to_the_bot_continues_that_conversation(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    with_context = follow_up_answer(engine)

    group = api.group_chat()
    first = await live.ask(api.text_update(group, ALICE, f"/ask {FIRST}"))
    # Bob replies to the answer Alice got: the reply continues that conversation.
    follow = api.text_update(group, BOB, FOLLOW_UP, reply_to=first.result)
    answer = await live.ask(follow)

    assert shown(answer).startswith(with_context)
    assert quotes(answer, follow["message"])


async def test_group_chatter_and_commands_for_other_bots_are_ignored(
    live: LiveBot, api: BotAPIServer
) -> None:
    group = api.group_chat()
    bob_says = api.text_update(group, BOB, "I think the MAA won")
    ignored = [
        bob_says,
        api.text_update(group, ALICE, QUESTION),
        api.text_update(group, ALICE, f"/ask@OtherBot {QUESTION}"),
        api.text_update(group, ALICE, "/start@OtherBot"),
        api.text_update(group, ALICE, f"@carol {QUESTION}"),
        api.text_update(group, ALICE, "agreed", reply_to=bob_says["message"]),
        api.text_update(group, OTHER_BOT, "beep"),
        api.sticker_update(group, ALICE),
    ]
    sentinel = api.text_update(group, CAROL, f"/ask@BerBot {QUESTION}")
    answer = await live.only_answer(ignored, sentinel)
    assert quotes(answer, sentinel["message"])


@pytest.mark.parametrize("text", ["/ask", "/ask@BerBot", "@BerBot"])
async def test_group_ask_without_a_question_gets_a_one_line_usage_hint(
    live: LiveBot, api: BotAPIServer, text: str
) -> None:
    group = api.group_chat()
    question = api.text_update(group, ALICE, text)
    hint = await live.ask(question)

    assert "/ask" in shown(hint)
    assert "\n" not in shown(hint)
    assert quotes(hint, question["message"])


async def test_group_edited_question_updates_the_quoted_answer(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    group = api.group_chat()
    question = api.text_update(group, ALICE, f"/ask {QUESTION}")
    first = await live.ask(question)

    [edit] = await live.send(
        api.edited_update(question["message"], f"/ask {OTHER_QUESTION}"), expect="editMessageText"
    )
    assert edit.params["chat_id"] == group["id"]
    assert edit.params["message_id"] == first.result["message_id"]
    assert shown(edit).startswith(answer_of(engine, OTHER_QUESTION))


# -- inline mode ------------------------------------------------------------------------------


async def test_inline_query_offers_up_to_five_cited_answers(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    [offer] = await live.send(api.inline_update(ALICE, "who won"), expect="answerInlineQuery")
    results = offer.params["results"]

    assert 1 <= len(results) <= 5
    top = results[0]
    fact = engine.pack.fact(engine.answer("who won").fact_id or "")
    assert fact is not None
    assert top["title"] == fact.questions[0]
    assert top["description"].startswith(fact.answer[:50])
    message = top["input_message_content"]
    assert message["parse_mode"] == "HTML"
    assert message["message_text"].startswith(f"<b>{fact.answer}")
    assert "<blockquote>" in message["message_text"]
    assert len({r["id"] for r in results}) == len(results)


async def test_empty_inline_query_offers_the_example_questions(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    [offer] = await live.send(api.inline_update(ALICE, ""), expect="answerInlineQuery")
    titles = [r["title"] for r in offer.params["results"]]
    assert titles == list(engine.starters())


# -- limits and faults ------------------------------------------------------------------------


async def test_429_on_send_message_delays_the_answer_but_never_loses_it(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    api.fail("sendMessage", status=429, retry_after=1)
    mark = api.mark()
    answer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))

    refused = [c for c in api.calls("sendMessage", since=mark) if c.status == 429]
    assert len(refused) == 1
    assert shown(answer).startswith(answer_of(engine, QUESTION))


async def test_502_on_get_updates_is_retried_and_polling_recovers(
    live: LiveBot, api: BotAPIServer
) -> None:
    api.fail("getUpdates", status=502)
    mark = api.mark()
    answer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))

    assert len([c for c in api.calls("getUpdates", since=0) if c.status == 502]) == 1
    assert api.calls("sendMessage", since=mark) == [answer]


async def test_failed_reply_is_logged_and_the_bot_keeps_serving(
    live: LiveBot, api: BotAPIServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="bot.tgbot.handlers")
    chat = api.private_chat(ALICE)
    api.fail("sendMessage", status=400, description="Bad Request: chat not found")
    mark = api.mark()
    api.push(api.text_update(chat, ALICE, QUESTION))
    api.push(api.text_update(chat, ALICE, OTHER_QUESTION))

    [answer] = await live.wait("sendMessage", since=mark)
    assert "MAA" in shown(answer)
    assert any("failed" in r.getMessage() for r in caplog.records if r.name == "bot.tgbot.handlers")


async def test_flooding_user_gets_one_notice_then_silence_while_others_are_answered(
    live: LiveBot, api: BotAPIServer
) -> None:
    flooder = api.private_chat(ALICE)
    mark = api.mark()
    for number in range(FLOOD_LIMIT + 3):
        api.push(api.text_update(flooder, ALICE, f"{QUESTION} ({number})"))
    api.push(api.text_update(api.private_chat(BOB), BOB, QUESTION))

    await live.wait("sendMessage", since=mark, where=lambda c: c.params["chat_id"] == BOB["id"])
    to_alice = [
        c for c in api.calls("sendMessage", since=mark) if c.params["chat_id"] == ALICE["id"]
    ]
    assert len(to_alice) == FLOOD_LIMIT + 1
    assert [shown(c) for c in to_alice].count(FLOOD_NOTICE) == 1
    assert shown(to_alice[-1]) == FLOOD_NOTICE


async def test_handler_bug_is_logged_answered_with_an_apology_and_others_still_served(
    api: BotAPIServer, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    class Faulty(Engine):
        def answer(self, question: str, **kwargs: Any) -> Reply:
            if "boom" in question:
                raise RuntimeError("a bug in the engine")
            return super().answer(question, **kwargs)

    faulty = Faulty(engine.pack)
    async with running_bot(api, settings, faulty) as live:
        apology = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "boom"))
        assert "went wrong" in shown(apology)
        answer = await live.ask(api.text_update(api.private_chat(BOB), BOB, QUESTION))
        assert shown(answer).startswith(answer_of(engine, QUESTION))
    assert any(r.exc_info and "a bug in the engine" in str(r.exc_info[1]) for r in caplog.records)


async def test_on_reply_hook_sees_every_reply_and_its_failure_never_stops_an_answer(
    api: BotAPIServer, settings: Settings, engine: Engine
) -> None:
    seen: list[tuple[str, str, str]] = []

    def record(reply: Reply, chat_type: str) -> None:
        seen.append((reply.question, reply.outcome.value, chat_type))
        raise OSError("the unanswered log is on a full disk")

    async with running_bot(api, settings, engine, on_reply=record) as live:
        answer = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))
        assert shown(answer).startswith(answer_of(engine, QUESTION))
        group = api.group_chat()
        await live.ask(api.text_update(group, BOB, "/ask what is the capital of Peru?"))
        await live.send(api.inline_update(ALICE, "who won"), expect="answerInlineQuery")

    assert seen == [
        (QUESTION, "answer", "private"),
        ("what is the capital of Peru?", "decline", "supergroup"),
        ("who won", "answer", "inline"),
    ]


async def test_declined_questions_are_recorded_without_ids_and_inline_keystrokes_are_not(
    api: BotAPIServer, settings: Settings, engine: Engine, tmp_path: Path
) -> None:
    database = tmp_path / "unanswered.sqlite3"
    recorder = Recorder(database)
    async with running_bot(api, settings, engine, on_reply=unanswered_hook(recorder)) as live:
        await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "who commanded the MNLA?"))
        await live.ask(api.text_update(api.group_chat(), BOB, "/ask what is the capital of Peru?"))
        await live.ask(api.text_update(api.private_chat(CAROL), CAROL, QUESTION))
        await live.send(api.inline_update(ALICE, "who commanded"), expect="answerInlineQuery")
    recorder.close()

    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute(
            "SELECT question, outcome, chat_type FROM unanswered ORDER BY rowid"
        ).fetchall()
        columns = [c[1] for c in connection.execute("PRAGMA table_info(unanswered)")]
    assert rows == [
        ("who commanded the MNLA?", "decline", "private"),
        ("what is the capital of Peru?", "decline", "supergroup"),
    ]
    assert not any("id" in column.split("_") for column in columns)


async def test_command_menus_are_registered_per_scope_at_startup(
    live: LiveBot, api: BotAPIServer
) -> None:
    await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/help"))
    menus = {c.params["scope"]["type"]: c.params["commands"] for c in api.calls("setMyCommands")}

    assert set(menus) == {"all_private_chats", "all_group_chats"}
    private = [c["command"] for c in menus["all_private_chats"]]
    group = [c["command"] for c in menus["all_group_chats"]]
    assert {"start", "help", "ask", "about", "topics"} <= set(private)
    assert "ask" in group and "start" not in group


# -- conversation state -----------------------------------------------------------------------


async def test_follow_up_context_survives_a_restart(
    api: BotAPIServer, settings: Settings, engine: Engine
) -> None:
    with_context = follow_up_answer(engine)
    chat = api.private_chat(ALICE)

    async with running_bot(api, settings, engine) as live:
        await live.ask(api.text_update(chat, ALICE, FIRST))
    assert (settings.data_dir / "telegram-state.pickle").exists()

    async with running_bot(api, settings, engine) as live:
        answer = await live.ask(api.text_update(chat, ALICE, FOLLOW_UP))
    assert shown(answer).startswith(with_context)


async def test_the_conversations_are_written_once_a_round_however_many_chats_changed(
    api: BotAPIServer, settings: Settings, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # python-telegram-bot's PicklePersistence writes its whole file once for each chat that
    # changed: a round of a thousand chats was a thousand writes of all of them.
    writes: list[int] = []
    write = RoundPersistence._dump_singlefile

    def counted(persistence: RoundPersistence) -> None:
        writes.append(len(persistence.chat_data or {}))
        write(persistence)

    monkeypatch.setattr(RoundPersistence, "_dump_singlefile", counted)
    application = build_application(settings, engine)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, stop=stop, poll_timeout=POLL_TIMEOUT))
    try:
        live = LiveBot(api, task)
        for n in range(40):
            user = api.user(7000 + n, f"Reader{n}")
            await live.ask(api.text_update(api.private_chat(user), user, FIRST))
        await application.update_persistence()
        for _ in range(3):
            await asyncio.sleep(0)
        assert writes == [40]
    finally:
        stop.set()
        await task
    assert writes == [40], "nothing changed since: nothing written on the way out"
    stored = PicklePersistence(settings.data_dir / STATE_FILE)
    assert len(await stored.get_chat_data()) == 40


async def test_doubt_after_an_answer_is_answered_with_it_again_even_after_a_restart(
    api: BotAPIServer, settings: Settings, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    async with running_bot(api, settings, engine) as live:
        first = await live.ask(api.text_update(chat, ALICE, FIRST))
    async with running_bot(api, settings, engine) as live:
        doubt = await live.ask(api.text_update(chat, ALICE, "are you sure?"))
        declined = await live.ask(api.text_update(chat, ALICE, "who commanded the MNLA?"))
        doubt_after_decline = await live.ask(api.text_update(chat, ALICE, "are you sure?"))
    assert shown(doubt).startswith("Yes, that is what the article says: ")
    assert shown(first).split("\n")[0] in shown(doubt)
    assert not shown(declined).startswith("Yes")
    assert shown(doubt_after_decline).startswith("I have given no answer to confirm.")


async def test_follow_up_context_expires(
    api: BotAPIServer, settings: Settings, engine: Engine
) -> None:
    without_context = engine.answer(FOLLOW_UP).text
    expiring = dataclasses.replace(settings, context_ttl=0)
    chat = api.private_chat(ALICE)
    async with running_bot(api, expiring, engine) as live:
        await live.ask(api.text_update(chat, ALICE, FIRST))
        answer = await live.ask(api.text_update(chat, ALICE, FOLLOW_UP))
    assert shown(answer).startswith(without_context)


async def test_follow_up_context_is_kept_per_user_in_groups(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    group = api.group_chat()
    await live.ask(api.text_update(group, ALICE, f"/ask {FIRST}"))
    # Bob has no conversation yet: his follow-up gets the context-free answer.
    answer = await live.ask(api.text_update(group, BOB, f"/ask {FOLLOW_UP}"))
    assert shown(answer).startswith(engine.answer(FOLLOW_UP).text)


# -- webhook mode -----------------------------------------------------------------------------


async def test_webhook_mode_refuses_requests_without_the_secret_and_answers_the_rest(
    api: BotAPIServer, settings: Settings, engine: Engine, listen_port: int
) -> None:
    import aiohttp

    url = f"http://127.0.0.1:{listen_port}/telegram"
    hook = Webhook(url=url, listen="127.0.0.1", port=listen_port, secret="s3cret-Token_x")
    application = build_application(settings, engine)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, stop=stop, webhook=hook))
    try:
        await api.wait_for("setWebhook")
        assert api.webhook is not None
        assert api.webhook["url"] == url
        assert api.webhook["secret_token"] == hook.secret

        forged = api.text_update(api.private_chat(BOB), BOB, QUESTION)
        forged["update_id"] = 999
        async with aiohttp.ClientSession() as session:
            # python-telegram-bot registers the webhook before its server listens (Telegram
            # retries a delivery that finds nobody): wait until it does.
            for _ in range(100):
                try:
                    async with session.post(url, json=forged) as response:
                        assert response.status == 403
                    break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.05)
            else:
                pytest.fail(f"the webhook server never listened on {url}")
            headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong"}
            async with session.post(url, json=forged, headers=headers) as response:
                assert response.status == 403

        mark = api.mark()
        api.push(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))
        [answer] = await api.wait_for("sendMessage", since=mark)
        assert answer.params["chat_id"] == ALICE["id"]
        assert shown(answer).startswith(answer_of(engine, QUESTION))
    finally:
        stop.set()
        await task
    assert_replies_valid(api)


async def test_the_offline_guard_stops_a_bot_without_a_local_api_url(
    offline: list[str], settings: Settings, engine: Engine
) -> None:
    """Without TELEGRAM_API_URL the bot would call api.telegram.org: the tests' guard refuses."""
    from telegram.error import NetworkError

    real = Settings(token=settings.token, data_dir=settings.data_dir)
    with pytest.raises(NetworkError):
        await serve(build_application(real, engine), stop=asyncio.Event())
    assert offline and "api.telegram.org" in offline[0]
    offline.clear()


# -- logging ----------------------------------------------------------------------------------


async def test_logs_at_debug_never_contain_the_token(
    api: BotAPIServer, settings: Settings, engine: Engine, restore_logging: None
) -> None:
    output = io.StringIO()
    debug = dataclasses.replace(settings, log_level="DEBUG")
    configure_logging(debug, stream=output)
    api.fail("getUpdates", status=502)
    api.fail("sendMessage", status=429, retry_after=1)
    async with running_bot(api, debug, engine) as live:
        await live.ask(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))
    logging.getLogger("bot.test").debug("leak %s", f"{api.base_url}{api.token}/getMe")

    logs = output.getvalue()
    assert api.token not in logs
    assert api.token.partition(":")[2] not in logs
    assert "[REDACTED]/getMe" in logs
    assert f"bot @{api.username} ready" in logs
    assert f"({len(engine.pack.facts)} facts)" in logs
    assert "question answer fact=who-won" in logs and " ms (private)" in logs


async def test_info_logs_name_outcome_and_latency_but_not_the_question(
    api: BotAPIServer, settings: Settings, engine: Engine, restore_logging: None
) -> None:
    output = io.StringIO()
    configure_logging(settings, stream=output)
    secret = "Who won the battle, asked my friend Zebedee?"
    async with running_bot(api, settings, engine) as live:
        await live.ask(api.text_update(api.private_chat(ALICE), ALICE, secret))

    logs = output.getvalue()
    assert "question answer fact=" in logs and " ms (private)" in logs
    assert "Zebedee" not in logs, "question text is logged only when BERBOT_LOG_QUESTIONS is on"


async def test_json_logs_are_one_object_a_line_and_include_question_text_when_asked(
    api: BotAPIServer, settings: Settings, engine: Engine, restore_logging: None
) -> None:
    output = io.StringIO()
    verbose = dataclasses.replace(settings, log_format="json", log_questions=True)
    configure_logging(verbose, stream=output)
    async with running_bot(api, verbose, engine) as live:
        await live.ask(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))

    entries = [json.loads(line) for line in output.getvalue().splitlines()]
    questions = [e for e in entries if e.get("event") == "question"]
    assert len(questions) == 1
    assert questions[0]["question"] == QUESTION
    assert questions[0]["outcome"] == "answer"
    assert isinstance(questions[0]["latency_ms"], int)
    assert api.token not in output.getvalue()


# -- the command line -------------------------------------------------------------------------


def _environment(data_dir: Path, **values: str) -> dict[str, str]:
    """Return the environment for a bot process: no settings from outside, state in data_dir."""
    env = clean_environ(BERBOT_DATA_DIR=str(data_dir))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(values)
    return env


def _bot_process(env: dict[str, str], command: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "bot", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize(
    ("command", "stop"),
    [(["run"], signal.SIGTERM), ([], signal.SIGINT)],
    ids=["run-SIGTERM", "no-subcommand-SIGINT"],
)
def test_bot_process_answers_then_stops_cleanly_on_a_signal(
    tmp_path: Path, engine: Engine, command: list[str], stop: signal.Signals
) -> None:
    server = BotAPIServer()
    with serve_in_thread(server):
        env = _environment(
            tmp_path / "data", TELEGRAM_BOT_TOKEN=server.token, TELEGRAM_API_URL=server.base_url
        )
        process = _bot_process(env, command)
        try:
            server.wait_until_polling_sync(timeout=30)
            mark = server.mark()
            server.push(server.text_update(server.private_chat(ALICE), ALICE, QUESTION))
            [answer] = server.wait_for_sync("sendMessage", since=mark, timeout=15)
            process.send_signal(stop)
            _, stderr = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, stderr
    assert shown(answer).startswith(answer_of(engine, QUESTION))
    assert f"bot @{server.username} ready" in stderr
    assert server.token not in stderr
    assert "Traceback" not in stderr
    assert (tmp_path / "data" / "telegram-state.pickle").exists(), "state is saved on the way out"


def test_bot_process_never_shows_readers_a_draft_fact(
    tmp_path: Path, engine: Engine, pack_copy: Path
) -> None:
    """A fact marked `draft: true` answers in the console, but the Telegram bot leaves it out."""
    fact_id = engine.answer(QUESTION).fact_id
    for path in (pack_copy / "facts").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        if f"- id: {fact_id}\n" in text:
            path.write_text(
                text.replace(f"- id: {fact_id}\n", f"- id: {fact_id}\n  draft: true\n"),
                encoding="utf-8",
            )
    server = BotAPIServer()
    with serve_in_thread(server):
        env = _environment(
            tmp_path / "data", TELEGRAM_BOT_TOKEN=server.token, TELEGRAM_API_URL=server.base_url
        )
        process = _bot_process(env, ["run", "--knowledge", str(pack_copy)])
        try:
            server.wait_until_polling_sync(timeout=30)
            mark = server.mark()
            server.push(server.text_update(server.private_chat(ALICE), ALICE, QUESTION))
            [answer] = server.wait_for_sync("sendMessage", since=mark, timeout=15)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, stderr
    assert not shown(answer).startswith(answer_of(engine, QUESTION))
    assert f"ready: pack {pack_copy} (42 facts)" in stderr


def test_bot_without_token_says_how_to_set_it_and_exits_2(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        cwd=ROOT,
        env=_environment(tmp_path / "data"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "TELEGRAM_BOT_TOKEN" in lines[0] and "python -m bot console" in lines[0]


def test_no_subcommand_without_a_token_opens_the_console_saying_so(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot"],
        cwd=ROOT,
        env=_environment(tmp_path / "data"),
        input="",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    first = result.stdout.splitlines()[0]
    assert "TELEGRAM_BOT_TOKEN" in first and "console" in first


def test_bot_with_a_rejected_token_says_so_in_one_line_and_exits_1(tmp_path: Path) -> None:
    server = BotAPIServer(token="123456789:AAHthe-real-token-is-different-xyz")
    with serve_in_thread(server):
        wrong = "123456789:AAHwrong-token-0000000000000000000"
        env = _environment(
            tmp_path / "data", TELEGRAM_BOT_TOKEN=wrong, TELEGRAM_API_URL=server.base_url
        )
        result = subprocess.run(
            [sys.executable, "-m", "bot", "run"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert [c.status for c in server.calls("getMe")] == [401]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "TELEGRAM_BOT_TOKEN" in result.stderr.strip().splitlines()[-1]
    assert wrong not in result.stderr


def test_run_bot_reads_the_pack_and_webhook_options_from_args(tmp_path: Path) -> None:
    """`run --webhook-url` and friends reach the bot (checked without starting it)."""
    from bot.__main__ import _parser

    args = _parser().parse_args(
        ["run", "--webhook-url", "https://example.org/tg", "--listen", "127.0.0.1", "--port", "9"]
    )
    assert isinstance(args, argparse.Namespace)
    hook = webhook_config(Settings(token="1:x", data_dir=tmp_path, webhook_secret="abc"), args)
    assert hook == Webhook("https://example.org/tg", "127.0.0.1", 9, "abc")
    unset = webhook_config(Settings(token="1:x", data_dir=tmp_path), args)
    assert unset is not None and len(unset.secret) >= 32, "a webhook is never left unprotected"
