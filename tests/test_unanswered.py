"""Questions the bot could not answer: recorded, grouped, listed and drafted as facts."""

from __future__ import annotations

import logging
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from commandline import ROOT, clean_environ, run_bot

from bot.curation import draft_yaml, most_frequent
from bot.knowledge import Pack, load_pack
from bot.matching import Context, Engine, Outcome, Reply
from bot.text import normalize
from bot.unanswered import BUSY_TIMEOUT, DB_FILE, Recorder, database_path

COLUMNS = ["asked_at", "question", "normalized", "outcome", "on_topic", "chat_type"]
WARNING = "Cannot record unanswered questions"
CONSOLE_QUESTIONS = [
    "who won the battle?",
    "who led the MNLA?",
    "how long did the battle last?",
    "how many fighters did the MAA have?",
    "what weapons did the MNLA use?",
    "tell me a joke",
    "when did the MAA leave Ber?",
]


def bot(
    *args: str,
    data_dir: Path,
    stdin: str = "",
    env: dict[str, str] | None = None,
    prefix: tuple[str, ...] = (),
) -> subprocess.CompletedProcess[str]:
    environ = {"BERBOT_DATA_DIR": str(data_dir), **(env or {})}
    return run_bot(*args, stdin=stdin, env=environ, prefix=prefix)


def rows(db_path: Path, columns: str = "question, outcome, chat_type") -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(f"SELECT {columns} FROM unanswered ORDER BY rowid").fetchall()


def unanswered(question: str, outcome: Outcome = Outcome.DECLINE, on_topic: bool = True) -> Reply:
    """A reply the engine could give to a question it cannot answer."""
    return Reply(question=question, outcome=outcome, text="", on_topic=on_topic)


def record(db_path: Path, *questions: str | Reply) -> None:
    with Recorder(db_path) as recorder:
        for question in questions:
            reply = question if isinstance(question, Reply) else unanswered(question)
            recorder.record(reply, "private")


@pytest.fixture(scope="module")
def console_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory filled by one console session."""
    data_dir = tmp_path_factory.mktemp("data")
    done = bot("console", data_dir=data_dir, stdin="\n".join(CONSOLE_QUESTIONS) + "\n/quit\n")
    assert done.returncode == 0, done.stderr
    return data_dir


def test_console_records_each_declined_and_did_you_mean_question(
    console_data: Path, engine: Engine
) -> None:
    expected = []
    context: Context | None = None
    for question in CONSOLE_QUESTIONS:
        reply = engine.answer(question, context=context)
        context = reply.context
        if not reply.answered:
            expected.append((question, reply.outcome.value, "console"))
    assert len(expected) >= 2
    assert rows(database_path(console_data)) == expected


def test_a_question_no_store_can_hold_as_typed_is_recorded_with_the_rest(tmp_path: Path) -> None:
    """A lone surrogate (a forged update's "\\ud83d") is written as "?", and the questions
    queued with it are not lost."""
    db_path = tmp_path / DB_FILE
    record(db_path, "who led the MNLA \ud83d?", "tell me a joke")
    assert [q for q, *_ in rows(db_path)] == ["who led the MNLA ??", "tell me a joke"]


def test_console_reads_bytes_its_locale_cannot_as_replacement_characters(tmp_path: Path) -> None:
    """Under the C locale, a byte no encoding reads is "\ufffd" to the console: the question
    is answered and recorded, with no warning that recording stopped."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        input=b"who led the MNLA \xff\xfe?\n/quit\n",
        capture_output=True,
        cwd=ROOT,
        env=clean_environ(BERBOT_DATA_DIR=str(tmp_path), LC_ALL="C", LANG="C"),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert b"Cannot record" not in done.stderr
    assert [q for q, *_ in rows(database_path(tmp_path))] == ["who led the MNLA \ufffd\ufffd?"]


def test_the_questions_of_a_message_found_no_answer_are_recorded(tmp_path: Path) -> None:
    """An answer to one question of a message asking several, the others found no answer:
    those are what a curator may add facts for."""
    db_path = tmp_path / DB_FILE
    parts = (unanswered("what did France think?"), unanswered("who led the MNLA?"))
    answered = Reply(question="who won? what did France think? who led the MNLA?",
                     outcome=Outcome.ANSWER, text="The MAA won.", unanswered=parts)  # fmt: skip
    record(db_path, answered)
    assert [q for q, *_ in rows(db_path)] == ["what did France think?", "who led the MNLA?"]


def test_did_you_mean_replies_are_recorded_as_suggestions(tmp_path: Path) -> None:
    db_path = tmp_path / DB_FILE
    with Recorder(db_path) as recorder:
        recorder.record(unanswered("who led the MNLA?", Outcome.SUGGEST), "inline")
        recorder.record(unanswered("tell me a joke", Outcome.DECLINE, on_topic=False), "group")
    assert rows(db_path, "question, outcome, on_topic, chat_type") == [
        ("who led the MNLA?", "suggest", 1, "inline"),
        ("tell me a joke", "decline", 0, "group"),
    ]


def test_records_hold_the_normalised_question_and_the_utc_time(console_data: Path) -> None:
    recorded = rows(database_path(console_data), "question, normalized, asked_at")
    assert recorded
    for question, normalized, asked_at in recorded:
        assert normalized == normalize(str(question))
        when = datetime.fromisoformat(str(asked_at))
        assert when.utcoffset() == timedelta(0)
        assert datetime.now(UTC) - when < timedelta(minutes=10)


def test_database_keeps_no_user_or_chat_ids(console_data: Path) -> None:
    with closing(sqlite3.connect(database_path(console_data))) as connection:
        tables = connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
        ).fetchall()
        columns = [row[1] for row in connection.execute("PRAGMA table_info(unanswered)")]
    assert tables == [("unanswered",)]
    assert columns == COLUMNS


def test_ask_records_nothing(tmp_path: Path) -> None:
    """`ask` is the evaluation path: scoring question files must not fill the curators' log."""
    done = bot("ask", "--json", data_dir=tmp_path, stdin="tell me a joke\nwho led the MNLA?\n")
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_recording_off_creates_no_database(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    done = bot(
        "console",
        data_dir=data_dir,
        stdin="tell me a joke\nwhat weapons did the MNLA use?\nwho won?\n",
        env={"BERBOT_RECORD_UNANSWERED": "false"},
    )
    assert done.returncode == 0, done.stderr
    assert "MAA victory" in done.stdout
    assert not data_dir.exists()


def test_recorder_that_is_off_ignores_replies(tmp_path: Path) -> None:
    from bot.settings import Settings

    settings = Settings.from_env(
        {"BERBOT_DATA_DIR": str(tmp_path), "BERBOT_RECORD_UNANSWERED": "0"}
    )
    with Recorder.from_settings(settings) as recorder:
        assert not recorder.enabled
        recorder.record(unanswered("tell me a joke"), "private")
    assert list(tmp_path.iterdir()) == []


def test_answers_are_not_recorded(tmp_path: Path, engine: Engine) -> None:
    db_path = tmp_path / DB_FILE
    record(db_path, engine.answer("who won the battle?"), "tell me a joke")
    assert rows(db_path) == [("tell me a joke", "decline", "private")]


@pytest.fixture
def read_only_data(tmp_path: Path) -> Iterator[Path]:
    """A data directory whose database (and the directory itself) cannot be written."""
    data_dir = tmp_path / "data"
    record(database_path(data_dir), "recorded before it was made read-only")
    database_path(data_dir).chmod(0o444)
    data_dir.chmod(0o555)
    try:
        yield data_dir
    finally:
        data_dir.chmod(0o755)
        database_path(data_dir).chmod(0o644)


def obeying_file_permissions() -> tuple[str, ...]:
    """Return a command prefix under which even root cannot write a read-only file."""
    if os.geteuid() != 0:
        return ()
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, which writes read-only files, and setpriv is missing")
    return (setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", "--")


def test_read_only_database_still_answers_and_warns_once(read_only_data: Path) -> None:
    questions = ["tell me a joke", "who led the MNLA?", "what weapons did the MNLA use?"] * 3
    done = bot(
        "console",
        data_dir=read_only_data,
        stdin="\n".join([*questions, "who won?"]) + "\n",
        prefix=obeying_file_permissions(),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("you> ") == len(questions) + 1
    assert "MAA victory" in done.stdout
    assert done.stderr.count(WARNING) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert rows(database_path(read_only_data)) == [
        ("recorded before it was made read-only", "decline", "private")
    ]


def test_unusable_data_directory_logs_one_warning_and_never_raises(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    not_a_directory = tmp_path / "data"
    not_a_directory.write_text("a file where the data directory should be", encoding="utf-8")
    with (
        caplog.at_level(logging.WARNING, logger="bot.unanswered"),
        Recorder(database_path(not_a_directory)) as recorder,
    ):
        for number in range(20):
            recorder.record(unanswered(f"question number {number}"), "group")
            time.sleep(0.001)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert [WARNING in r.getMessage() for r in warnings] == [True]


def test_locked_database_does_not_hold_up_answers(tmp_path: Path) -> None:
    """A writer holding the lock delays the records, never the replies, and nothing is lost."""
    db_path = tmp_path / DB_FILE
    record(db_path, "creates the database")
    # The lock is released from a timer thread while the recorder is waiting for it.
    with closing(sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)) as other:
        other.execute("BEGIN IMMEDIATE")
        with Recorder(db_path) as recorder:
            started = time.perf_counter()
            for question in ("first while locked", "second while locked", "third while locked"):
                recorder.record(unanswered(question), "supergroup")
            # (Held up by the lock, one record would wait out the busy timeout, seconds.)
            assert time.perf_counter() - started < BUSY_TIMEOUT / 5
            release = threading.Timer(0.5, other.execute, args=("COMMIT",))
            release.start()
            recorder.close()
            release.join()
    assert [q for q, _, _ in rows(db_path)] == [
        "creates the database",
        "first while locked",
        "second while locked",
        "third while locked",
    ]


def test_same_question_in_other_words_is_one_group(tmp_path: Path, pack: Pack) -> None:
    db_path = tmp_path / DB_FILE
    record(
        db_path,
        "Who led the MNLA?",
        "who led the mnla",
        "who was the leader of the MNLA",
        "Who was the MNLA's leader?",
        "/ask@BerBot who led the Tuareg rebels?",
        "what weapons did the MNLA use?",
        "which weapons did the Tuareg rebels use",
        "who led the MAA?",
    )
    groups = most_frequent(db_path, 10, pack=pack)
    assert [g.count for g in groups] == [5, 2, 1]
    leaders, weapons, maa = groups
    assert leaders.wordings == (
        "Who led the MNLA?",
        "Who was the MNLA's leader?",
        "who led the Tuareg rebels?",
        "who was the leader of the MNLA",
    )
    assert weapons.wordings == (
        "what weapons did the MNLA use?",
        "which weapons did the Tuareg rebels use",
    )
    assert maa.wordings == ("who led the MAA?",)


def test_groups_count_declines_and_suggestions_and_honour_the_limit(
    tmp_path: Path, pack: Pack
) -> None:
    db_path = tmp_path / DB_FILE
    record(
        db_path,
        unanswered("how long did the battle last?", Outcome.SUGGEST),
        unanswered("how long did the fighting last", Outcome.DECLINE),
        unanswered("tell me a joke", Outcome.DECLINE, on_topic=False),
    )
    first, second = most_frequent(db_path, 10, pack=pack)
    assert (first.count, first.declined, first.suggested, first.on_topic) == (2, 1, 1, True)
    assert (second.wordings, second.on_topic) == (("tell me a joke",), False)
    assert len(most_frequent(db_path, 1, pack=pack)) == 1


def test_closest_sentences_are_article_sentences_sharing_the_question_words(
    tmp_path: Path, pack: Pack
) -> None:
    db_path = tmp_path / DB_FILE
    record(db_path, "what weapons did the MNLA use?")
    (group,) = most_frequent(db_path, 10, pack=pack)
    assert 1 <= len(group.closest) <= 3
    assert all(close.sentence in pack.article.sentences for close in group.closest)
    assert "weapon" in group.closest[0].sentence.text
    assert [c.score for c in group.closest] == sorted(
        (c.score for c in group.closest), reverse=True
    )


def test_closest_sentence_is_the_one_naming_the_rare_word_asked(tmp_path: Path, pack: Pack) -> None:
    """ "who is the marabout?": the sentence about the marabout's son, not a short infobox line
    that shares only common words; a slip in the rare word still finds it."""
    db_path = tmp_path / DB_FILE
    record(db_path, "who is the marabout?", "how many pick-ups did the MAA keep outside the town")
    record(db_path, "what did the marabou's son do?")
    groups = {g.wordings[0]: g for g in most_frequent(db_path, 10, pack=pack)}
    marabout = groups["who is the marabout?"].closest
    assert marabout[0].sentence.text.startswith("The marabout's son was also kidnapped")
    assert all(c.sentence.section != "Infobox" for c in marabout)
    typo = groups["what did the marabou's son do?"].closest
    assert typo[0].sentence.text.startswith("The marabout's son was also kidnapped")
    pickups = groups["how many pick-ups did the MAA keep outside the town"].closest
    assert "fourteen armed pick-ups" in pickups[0].sentence.text
    assert pickups[0].score > pickups[-1].score


def test_no_database_means_no_groups(tmp_path: Path, pack: Pack) -> None:
    assert most_frequent(tmp_path / DB_FILE, 10, pack=pack) == []
    assert not (tmp_path / DB_FILE).exists()


def check(pack_dir: Path) -> subprocess.CompletedProcess[str]:
    return bot("check", "--knowledge", str(pack_dir), data_dir=pack_dir.parent / "data")


def test_draft_passes_check_once_saved_in_the_pack(
    tmp_path: Path, pack: Pack, pack_copy: Path
) -> None:
    existing = pack.facts[0].questions[0]
    db_path = tmp_path / DB_FILE
    record(
        db_path,
        "who led the MNLA?",
        "who was the leader of the MNLA",
        "what weapons did the MNLA use?",
        unanswered(existing, Outcome.SUGGEST),
        unanswered("tell me a joke", on_topic=False),
    )
    draft = draft_yaml(most_frequent(db_path, 10, pack=pack), pack)
    facts = yaml.safe_load(draft)
    sentences = {s.text for s in pack.article.sentences}
    assert [f["questions"] for f in facts] == [
        ["who led the MNLA?", "who was the leader of the MNLA"],
        ["what weapons did the MNLA use?"],
    ]
    for fact in facts:
        assert fact["draft"] is True
        assert "TODO" not in fact["answer"] and fact["answer"] in fact["cite"]
        assert fact["cite"] and set(fact["cite"]) <= sentences
        assert fact["about"] == ["mnla"]
        assert pack.fact(fact["id"]) is None
    assert "Left out as off-topic: tell me a joke" in draft

    (pack_copy / "facts" / "drafts.yaml").write_text(draft, encoding="utf-8")
    done = check(pack_copy)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "2 draft facts (draft: true) to review" in done.stdout
    assert done.stdout.rstrip().endswith("(45 facts, 2 of them drafts): OK")
    strict = bot("check", "--strict", "--knowledge", str(pack_copy), data_dir=pack_copy.parent)
    assert strict.returncode == 1
    # New facts leave the classifier out of date until it is refitted (`pack fit`).
    assert strict.stdout.rstrip().endswith(
        ": 2 drafts (--strict); classifier out of date (--strict)"
    )


def test_draft_leaves_out_follow_ups_greetings_and_what_is_answered_now(
    tmp_path: Path, pack: Pack
) -> None:
    """A question that asks nothing without the one before it, a greeting, and a question
    the reviewed facts answer now are not drafted; each but the greeting is named."""
    db_path = tmp_path / DB_FILE
    record(
        db_path,
        "and after that?",
        unanswered("what happened next?", Outcome.DECLINE),
        unanswered("hi", on_topic=False),
        "when did the MAA leave Ber?",
        "who was the marabout?",
    )
    draft = draft_yaml(most_frequent(db_path, 10, pack=pack), pack)
    facts = yaml.safe_load(draft)
    assert [f["questions"] for f in facts] == [["who was the marabout?"]]
    assert "Left out as needing the conversation: " in draft
    assert "and after that?" in draft and "what happened next?" in draft
    assert "Left out as answered now: when did the MAA leave Ber? (maa-left-ber)" in draft
    assert "hi" not in draft.split()


def test_second_draft_does_not_clash_with_the_first(tmp_path: Path, pack_copy: Path) -> None:
    """Fact ids and phrasings already in the pack, drafted or curated, are never reused."""
    db_path = tmp_path / DB_FILE
    record(db_path, "who was the MNLA leader?")
    first = load_pack(pack_copy)
    (pack_copy / "facts" / "drafts.yaml").write_text(
        draft_yaml(most_frequent(db_path, 10, pack=first), first), encoding="utf-8"
    )
    record(db_path, "who was the MNLA leader?", "Who was the MNLA's leader?")
    second = load_pack(pack_copy)
    draft = draft_yaml(most_frequent(db_path, 10, pack=second), second)
    (fact,) = yaml.safe_load(draft)
    assert fact["questions"] == ["Who was the MNLA's leader?"]
    assert fact["id"] == "draft-who-mnla-leader-2"
    (pack_copy / "facts" / "drafts-2.yaml").write_text(draft, encoding="utf-8")
    done = check(pack_copy)
    assert done.returncode == 0, done.stdout + done.stderr


def test_unanswered_command_lists_most_asked_with_closest_sentences(console_data: Path) -> None:
    done = bot("unanswered", "--data-dir", str(console_data), data_dir=ROOT / "not-used")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Most asked unanswered questions")
    assert "what weapons did the MNLA use?" in done.stdout
    assert (
        "closest article sentences (score: how much of the question each holds, "
        "rare words counting more):" in done.stdout
    )
    assert re.search(r"\n +\d+%  \[19\] \(Battle\) The marabout's son was also", done.stdout)
    limited = bot("unanswered", "--limit", "1", data_dir=console_data)
    assert limited.stdout.count("\n1. asked") == 1
    assert "\n2. asked" not in limited.stdout


def test_unanswered_command_prints_a_draft_of_facts(console_data: Path) -> None:
    done = bot("unanswered", "--draft", data_dir=console_data)
    assert done.returncode == 0, done.stderr
    facts = yaml.safe_load(done.stdout)
    assert facts and all(f["draft"] is True for f in facts)
    assert any("what weapons did the MNLA use?" in f["questions"] for f in facts)
    assert not any("tell me a joke" in f["questions"] for f in facts)


@pytest.mark.parametrize("limit", ["0", "-3", "two"])
def test_unanswered_limit_must_be_a_positive_count(tmp_path: Path, limit: str) -> None:
    done = bot("unanswered", "--limit", limit, data_dir=tmp_path)
    assert done.returncode == 2
    assert "argument --limit:" in done.stderr
    assert "No unanswered questions" not in done.stdout


def test_unanswered_command_with_nothing_recorded_says_so(tmp_path: Path) -> None:
    done = bot("unanswered", data_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"No unanswered questions recorded in {tmp_path / DB_FILE}."


def test_unanswered_command_names_an_unreadable_database(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_text("not a database", encoding="utf-8")
    done = bot("unanswered", data_dir=tmp_path)
    assert done.returncode == 1
    assert f"Cannot read the unanswered questions: {tmp_path / DB_FILE}" in done.stderr
    assert "Traceback" not in done.stderr


def test_greetings_and_thanks_are_not_recorded(tmp_path: Path) -> None:
    db_path = tmp_path / DB_FILE
    record(
        db_path,
        unanswered("hi", on_topic=False),
        unanswered("Merci beaucoup !", on_topic=False),
        "who led the MNLA?",
    )
    assert rows(db_path, "question") == [("who led the MNLA?",)]
