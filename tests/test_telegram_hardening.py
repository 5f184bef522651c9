"""The Telegram bot under updates it cannot read, bodies that are no updates, groups that become
supergroups and blank messages: the real Application against the local Bot API server."""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import aiohttp
import pytest
from botapi import BotAPIServer, Call, serve_in_thread
from commandline import clean_environ
from conftest import PORTS_A_WORKER, handed_out_ports, spare_ports, worker_ports
from telegram.ext import ExtBot, PicklePersistence
from telegram_fixtures import (
    ALICE,
    BOB,
    LiveBot,
    api,
    assert_replies_valid,
    live,
    offline,
    running_bot,
    settings,
    shown,
)

from bot.matching import Engine, Outcome
from bot.settings import Settings
from bot.tgbot import Webhook, build_application, serve
from bot.tgbot.wiring import STATE_FILE, RoundPersistence

__all__ = ["api", "live", "offline", "settings"]  # fixtures used here
pytestmark = pytest.mark.usefixtures("offline")

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Who won the Battle of Ber?"
OTHER_QUESTION = "When did the MAA leave Ber?"
FIRST = "When did the Burkinabe forces leave Ber?"
FOLLOW_UP = "when did they leave?"


def answer_of(engine: Engine, question: str) -> str:
    reply = engine.answer(question)
    assert reply.outcome is Outcome.ANSWER, f"the pack no longer answers {question!r}"
    return reply.text


def skipped(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().startswith("skipped update")]


# -- 1. an update the library cannot read -----------------------------------------------------


async def test_an_unreadable_update_is_skipped_once_and_the_rest_of_its_batch_answered(
    api: BotAPIServer, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    # Queued before the bot starts, so its first poll gets all three in one batch.
    alice, bob = api.private_chat(ALICE), api.private_chat(BOB)
    api.push(api.text_update(alice, ALICE, QUESTION))
    bad = api.push(api.poll_update(bob, BOB))
    api.push(api.text_update(bob, BOB, OTHER_QUESTION))

    async with running_bot(api, settings, engine) as live:
        answers = await live.wait("sendMessage", since=0, count=2)
        polls_after_answering = len(api.calls("getUpdates"))
        await asyncio.sleep(1.0)
        # The bot waits on a long poll again rather than asking for the same batch over and over.
        assert len(api.calls("getUpdates")) <= polls_after_answering + 2
        # And it still answers what comes next.
        await live.ask(api.text_update(alice, ALICE, FIRST))

    assert {a.params["chat_id"] for a in answers} == {ALICE["id"], BOB["id"]}
    assert sorted(shown(a).split("\n")[0] for a in answers) == sorted(
        [answer_of(engine, QUESTION), answer_of(engine, OTHER_QUESTION)]
    )
    [warning] = skipped(caplog)
    assert warning.levelno == logging.WARNING
    assert f"skipped update {bad['update_id']}" in warning.getMessage()
    assert "persistent_id" in warning.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_an_unreadable_update_last_in_its_batch_is_confirmed_and_never_comes_back(
    api: BotAPIServer, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    chat = api.private_chat(ALICE)
    async with running_bot(api, settings, engine) as live:
        await api.wait_until_polling()
        bad = api.push(api.poll_update(chat, ALICE))
        # The unreadable update arrives alone: the last of its batch.
        [batch] = await live.wait("getUpdates", since=0, where=lambda c: bool(c.result))
        assert [u["update_id"] for u in batch.result] == [bad["update_id"]]
        await live.ask(api.text_update(chat, ALICE, QUESTION))
        offsets = [int(c.params.get("offset") or 0) for c in api.calls("getUpdates")]

    assert max(offsets) > bad["update_id"], "the offset moved past the unreadable update"
    assert len(skipped(caplog)) == 1, "logged once, not on every poll"
    assert api.calls("getUpdates")[-1].result == [], "nothing is left unconfirmed on the way out"


async def test_a_batch_of_nothing_but_unreadable_updates_moves_on(
    api: BotAPIServer, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    chat = api.private_chat(ALICE)
    for _ in range(3):
        api.push(api.poll_update(chat, ALICE))
    async with running_bot(api, settings, engine) as live:
        await live.ask(api.text_update(chat, ALICE, QUESTION))
    assert len(skipped(caplog)) == 3


def ends_with(update_id: int) -> Callable[[Call], bool]:
    """Match a getUpdates call whose batch ends with this update."""
    return lambda call: bool(call.result) and call.result[-1]["update_id"] == update_id


def test_bot_process_past_an_unreadable_update_answers_and_stops_cleanly(
    tmp_path: Path, engine: Engine
) -> None:
    """The reported failure: the process stayed deaf, logged megabytes and exited 1. Here one
    unreadable update comes in the middle of the first batch and one alone, last of its batch."""
    server = BotAPIServer()
    with serve_in_thread(server):
        env = clean_environ(
            BERBOT_DATA_DIR=str(tmp_path / "data"),
            TELEGRAM_BOT_TOKEN=server.token,
            TELEGRAM_API_URL=server.base_url,
        )
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        alice, bob = server.private_chat(ALICE), server.private_chat(BOB)
        server.push(server.text_update(alice, ALICE, QUESTION))
        middle = server.push(server.poll_update(bob, BOB))
        server.push(server.text_update(bob, BOB, OTHER_QUESTION))
        process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            first = server.wait_for_sync("sendMessage", count=2, timeout=30)
            last = server.push(server.poll_update(alice, ALICE))
            server.wait_for_sync("getUpdates", where=ends_with(last["update_id"]), timeout=15)
            mark = server.mark()
            server.push(server.text_update(alice, ALICE, FIRST))
            [answer] = server.wait_for_sync("sendMessage", since=mark, timeout=15)
            time.sleep(0.5)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, stderr
    assert sorted(shown(a).split("\n")[0] for a in first) == sorted(
        [answer_of(engine, QUESTION), answer_of(engine, OTHER_QUESTION)]
    )
    assert shown(answer).startswith(answer_of(engine, FIRST))
    skips = [line for line in stderr.splitlines() if "skipped update" in line]
    assert len(skips) == 2 and all(" WARNING " in line for line in skips), skips
    assert f"skipped update {middle['update_id']}:" in skips[0]
    assert f"skipped update {last['update_id']}:" in skips[1]
    assert "Traceback" not in stderr and "CRITICAL" not in stderr and " ERROR " not in stderr
    assert len(stderr) < 5_000, "a skipped update costs one line of log, not a flood"
    assert (tmp_path / "data" / "telegram-state.pickle").exists(), "state is saved on the way out"


# -- 2. a group that became a supergroup ------------------------------------------------------


async def test_an_answer_to_an_upgraded_group_reaches_the_supergroup_with_its_conversation(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    old = api.group_chat(-4001, kind="group")
    new_id = -1004001
    api.upgrade_group(old["id"], new_id)

    mark = api.mark()
    api.push(api.text_update(old, ALICE, f"/ask {FIRST}"))
    [answer] = await live.wait("sendMessage", since=mark)
    refused = [c for c in api.calls("sendMessage", since=mark) if c.status == 400]

    assert [c.params["chat_id"] for c in refused] == [old["id"]]
    assert answer.params["chat_id"] == new_id
    assert shown(answer).startswith(answer_of(engine, FIRST))

    # The conversation moved with the chat: a reply in the supergroup continues it.
    supergroup = api.group_chat(new_id)
    follow = await live.ask(api.text_update(supergroup, ALICE, FOLLOW_UP, reply_to=answer.result))
    with_context = engine.answer(FOLLOW_UP, context=engine.answer(FIRST).context).text
    assert with_context != engine.answer(FOLLOW_UP).text
    assert shown(follow).startswith(with_context)


async def test_the_upgrade_notice_moves_a_group_conversation_to_the_supergroup(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    old = api.group_chat(-4002, kind="group")
    new_id = -1004002
    await live.ask(api.text_update(old, ALICE, f"/ask {FIRST}"))

    notice = api.text_message(old, ALICE, "x")
    del notice["text"]
    notice["migrate_to_chat_id"] = new_id
    api.upgrade_group(old["id"], new_id)
    api.push({"message": notice})

    # Alice's own conversation (not a reply) continues in the supergroup.
    supergroup = api.group_chat(new_id)
    follow = await live.ask(api.text_update(supergroup, ALICE, f"/ask {FOLLOW_UP}"))
    assert shown(follow).startswith(
        engine.answer(FOLLOW_UP, context=engine.answer(FIRST).context).text
    )


# -- 3. webhook bodies that are not updates ---------------------------------------------------

NOT_UPDATES = {
    "not-json": b"hello there",
    "truncated": b'{"update_id": 7, "message": {"message_id": 1, "chat": {"id": 1',
    "empty": b"",
    "json-list": b"[1, 2, 3]",
    "no-update-id": b'{"message": {"message_id": 1}}',
    "not-utf8": b'{"update_id": 8, "x": "\xff\xfe"}',
    "json-null": b"null",
    "update-id-not-a-number": b'{"update_id": "9", "message": {"message_id": 1}}',
    # json.loads raises RecursionError, not ValueError, past a few thousand levels.
    "nested-too-deep": b"[" * 100_000,
}


async def test_webhook_bodies_that_are_not_updates_get_400_and_one_warning_each(
    api: BotAPIServer,
    settings: Settings,
    engine: Engine,
    listen_port: int,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = f"http://127.0.0.1:{listen_port}/telegram"
    hook = Webhook(url=url, listen="127.0.0.1", port=listen_port, secret="s3cret-Token_x")
    application = build_application(settings, engine)
    stop = asyncio.Event()
    task = asyncio.create_task(serve(application, stop=stop, webhook=hook))
    statuses: dict[str, int] = {}
    try:
        await api.wait_for("setWebhook")
        headers = {
            "X-Telegram-Bot-Api-Secret-Token": hook.secret,
            "Content-Type": "application/json",
        }
        async with aiohttp.ClientSession() as session:
            for name, body in NOT_UPDATES.items():
                async with session.post(url, data=body, headers=headers) as response:
                    statuses[name] = response.status
            # An update the library cannot read is taken (Telegram would resend it forever
            # otherwise) and skipped.
            old_poll = api.poll_update(api.private_chat(BOB), BOB)
            old_poll["update_id"] = 900
            async with session.post(url, json=old_poll, headers=headers) as response:
                statuses["unreadable-update"] = response.status

        mark = api.mark()
        api.push(api.text_update(api.private_chat(ALICE), ALICE, QUESTION))
        [answer] = await api.wait_for("sendMessage", since=mark)
        assert shown(answer).startswith(answer_of(engine, QUESTION))
    finally:
        stop.set()
        await task
    assert_replies_valid(api)

    assert statuses == {**dict.fromkeys(NOT_UPDATES, 400), "unreadable-update": 200}
    refusals = [r for r in caplog.records if "webhook request refused" in r.getMessage()]
    assert len(refusals) == len(NOT_UPDATES)
    assert all(r.levelno == logging.WARNING and not r.exc_info for r in refusals)
    assert [r.getMessage() for r in skipped(caplog)] and "update 900" in skipped(caplog)[
        0
    ].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not [
        r for r in caplog.records if r.levelno == logging.WARNING and r.name.startswith("tornado")
    ]


# -- 4. a blank private message ---------------------------------------------------------------


async def test_a_blank_private_message_gets_the_private_hint_not_the_command_one(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    hint = await live.ask(api.text_update(chat, ALICE, "   \n\t "))
    assert "/ask" not in shown(hint)
    assert "type your question" in shown(hint).lower()
    assert engine.starters()[0] in shown(hint)

    command = await live.ask(api.text_update(chat, ALICE, "/ask"))
    assert "/ask" in shown(command), "an /ask without a question is told to put it after /ask"


# -- 5. the conversations' file -----------------------------------------------------------------


async def test_a_write_of_the_conversations_that_fails_is_logged_and_made_again(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    path = tmp_path / "state.pickle"
    path.mkdir()  # (A directory where the file goes: the write fails.)
    persistence = RoundPersistence(path)
    persistence.set_bot(ExtBot("123456:fake-token-for-the-spec"))
    await persistence.update_chat_data(1, {"asked": "who won?"})
    for _ in range(3):
        await asyncio.sleep(0)
    [failed] = [r for r in caplog.records if "could not write the conversations" in r.message]
    assert failed.exc_info is not None

    path.rmdir()
    await persistence.flush()  # (as on the way out)
    assert await PicklePersistence(path).get_chat_data() == {1: {"asked": "who won?"}}


async def test_a_conversations_file_that_cannot_be_read_is_set_aside_and_the_bot_answers(
    api: BotAPIServer, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    settings.data_dir.mkdir(parents=True)
    state = settings.data_dir / STATE_FILE
    state.write_bytes(b"\x80\x04 cut short")  # (a write cut off: no pickle)
    chat = api.private_chat(ALICE)
    async with running_bot(api, settings, engine) as live:
        reply = await live.ask(api.text_update(chat, ALICE, QUESTION))
        follow_up = await live.ask(api.text_update(chat, ALICE, FOLLOW_UP))
    assert shown(reply).split("\n")[0] == answer_of(engine, QUESTION)
    assert "April 25" in shown(follow_up), "conversations are kept again"
    [aside] = settings.data_dir.glob(f"{STATE_FILE}.unreadable-*")
    assert aside.read_bytes() == b"\x80\x04 cut short", "nothing is lost"
    [warning] = [r for r in caplog.records if "could not read the conversations" in r.message]
    assert warning.levelno == logging.WARNING
    assert aside.name in warning.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    # And the file is the bot's again, with the conversation written on the way out.
    assert chat["id"] in await PicklePersistence(state).get_chat_data()


async def test_a_write_cut_off_midway_leaves_the_last_whole_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    path = tmp_path / "state.pickle"
    persistence = RoundPersistence(path)
    persistence.set_bot(ExtBot("123456:fake-token-for-the-spec"))
    await persistence.update_chat_data(1, {"asked": "who won?"})
    await persistence.flush()
    # Something that cannot be pickled stops the next write partway through the file.
    await persistence.update_chat_data(2, {"asked": "who won?", "unwritable": lambda: None})
    with pytest.raises(Exception, match="pickle"):
        await persistence.flush()
    assert await PicklePersistence(path).get_chat_data() == {1: {"asked": "who won?"}}
    assert [p.name for p in tmp_path.iterdir()] == ["state.pickle"], "no part left behind"


async def test_the_last_conversation_dropped_stays_dropped(tmp_path: Path) -> None:
    path = tmp_path / "state.pickle"
    persistence = RoundPersistence(path)
    persistence.set_bot(ExtBot("123456:fake-token-for-the-spec"))
    await persistence.update_chat_data(1, {"asked": "who won?"})
    await persistence.flush()
    await persistence.drop_chat_data(1)
    await persistence.flush()
    assert await PicklePersistence(path).get_chat_data() == {}


# -- the webhook's own port, for the specs that open one -----------------------------------------


def test_a_webhook_port_is_never_one_the_system_hands_out_whatever_the_worker() -> None:
    low, high = handed_out_ports()
    for worker in range(400):
        ports = worker_ports(worker, "one run")
        assert len(ports) == min(PORTS_A_WORKER, len(spare_ports()))
        assert all(1024 <= port <= 65535 and not low <= port <= high for port in ports)


def test_the_workers_of_one_run_take_webhook_ports_apart() -> None:
    stretches = len(spare_ports()) // PORTS_A_WORKER
    taken = [set(worker_ports(worker, "one run")) for worker in range(min(64, stretches))]
    assert len(set().union(*taken)) == sum(len(ports) for ports in taken)


def test_two_runs_at_once_start_their_webhook_ports_in_different_places() -> None:
    starts = {worker_ports(0, f"run {n}")[0] for n in range(20)}
    assert len(starts) > 15
