"""The command line, run for real in subprocesses: ask, console, check, eval."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from commandline import ROOT, clean_environ, run_bot

CONTRACT_KEYS = ["question", "answered", "answer", "citations", "confidence", "suggestions"]


def bot(
    *args: str, stdin: str = "", env: dict[str, str] | None = None, cwd: Path = ROOT
) -> subprocess.CompletedProcess[str]:
    # Recording unanswered questions has tests of its own.
    return run_bot(
        *args, stdin=stdin, env={"BERBOT_RECORD_UNANSWERED": "false", **(env or {})}, cwd=cwd
    )


def test_ask_json_answers_one_question_by_the_contract() -> None:
    done = bot("ask", "--json", "who won the battle?")
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert list(record) == CONTRACT_KEYS
    assert record["question"] == "who won the battle?"
    assert record["answered"] is True
    assert record["citations"][0].keys() == {"section", "text"}
    assert any("MAA victory" in c["text"] for c in record["citations"])
    assert 0 < record["confidence"] <= 1


def test_ask_json_reads_one_question_a_line_in_order() -> None:
    questions = ["who won?", "tell me a joke", "", "when did the MAA leave Ber?"]
    done = bot("ask", "--json", stdin="\n".join(questions) + "\n")
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["question"] for r in records] == questions
    assert [r["answered"] for r in records] == [True, False, False, True]
    assert records[1]["suggestions"] and records[1]["citations"] == []


def test_ask_without_conversation_treats_lines_alone() -> None:
    lines = "what is the MNLA mostly made up of?\nand the MAA?\n"
    alone = [json.loads(x) for x in bot("ask", "--json", stdin=lines).stdout.splitlines()]
    joined = [
        json.loads(x)
        for x in bot("ask", "--json", "--conversation", stdin=lines).stdout.splitlines()
    ]
    assert joined[1]["answered"]
    assert "Tilemsi Arabs" in joined[1]["answer"]
    assert "Tilemsi Arabs" not in alone[1]["answer"]


def test_ask_plain_text_shows_answer_and_cited_sections() -> None:
    done = bot("ask", "when did the MAA leave Ber?")
    assert done.returncode == 0
    assert "April 25" in done.stdout
    assert "(Battle)" in done.stdout


def test_console_keeps_the_conversation_and_shows_debug() -> None:
    script = "what is the MNLA mostly made up of?\nand the MAA?\n/reset\nand the MAA?\n/quit\n"
    done = bot("console", "--debug", stdin=script)
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("you> ")[1:]
    assert "[answer:" in turns[0] and "runner-up" in turns[0]
    assert "Tilemsi Arabs" in turns[1]
    assert "(conversation forgotten)" in turns[1]
    assert "Tilemsi Arabs" not in turns[2]


def test_console_opens_without_a_token_and_says_so() -> None:
    done = bot(stdin="who won?\n")
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith("TELEGRAM_BOT_TOKEN is not set")
    assert "MAA victory" in done.stdout


def test_check_reports_full_coverage() -> None:
    done = bot("check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "29 of 29 sentences cited, 0 gaps." in done.stdout
    assert "Result: MAA victory" in done.stdout


def test_check_lists_gaps_and_fails(pack_copy: Path) -> None:
    last = (
        "The MAA returned three Tuareg prisoners captured during the battle to the Mauritanian Army"
    )
    for path in (pack_copy / "facts").glob("*.yaml"):
        facts = yaml.safe_load(path.read_text(encoding="utf-8"))
        kept = [f for f in facts if not any(c in last or last in c for c in f["cite"])]
        path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = bot("check", "--knowledge", str(pack_copy))
    assert done.returncode == 1
    assert "gap: [28] (Aftermath) The MAA returned three Tuareg prisoners" in done.stdout


def test_broken_pack_stops_every_command_with_file_and_fact(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "lead.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts[0]["cite"] = ["Ber was founded by the French."]
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for command in ("check", "ask", "console"):
        done = bot(command, "--knowledge", str(pack_copy), stdin="who won?\n")
        assert done.returncode == 1
        assert f"lead.yaml: fact '{facts[0]['id']}': citation is not verbatim" in done.stderr
        assert "Traceback" not in done.stderr


def test_eval_prints_accuracy_by_kind_and_style_and_each_miss(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text(
        yaml.safe_dump(
            [
                {
                    "q": "who won?",
                    "kind": "answerable",
                    "expect": ["MAA victory"],
                    "style": "terse",
                },
                {"q": "who won the world cup?", "kind": "out_of_scope", "style": "plain"},
                {
                    "q": "who won?",
                    "kind": "answerable",
                    "expect": ["the MNLA won"],
                    "style": "plain",
                },
            ]
        ),
        encoding="utf-8",
    )
    done = bot("eval", str(questions))
    assert done.returncode == 0
    assert "66.7% (2/3), wrong answers 1 (33.3%)" in done.stdout
    assert "by kind: answerable 50% (1/2, 1 wrong), out_of_scope 100% (1/1)" in done.stdout
    assert "by style: plain 50% (1/2, 1 wrong), terse 100% (1/1)" in done.stdout
    assert "[answerable/plain] who won?" in done.stdout
    failing = bot("eval", str(questions), "--min-accuracy", "0.9")
    assert failing.returncode == 1


def test_eval_scores_items_as_sessions_and_shows_what_a_threshold_costs(tmp_path: Path) -> None:
    """--sessions asks the items one after another as conversations and scores every one;
    --risk shows the answered and wrong shares at several thresholds, the current one marked."""
    questions = tmp_path / "q.yaml"
    items = [
        {"q": "who won?", "kind": "answerable", "expect": ["MAA victory"], "style": "terse"},
        {"q": "tell me a joke", "kind": "out_of_scope", "style": "plain"},
        {"q": "where was the battle?", "kind": "answerable", "expect": ["Ber, Mali"]},
        {"q": "when did the MAA leave Ber?", "kind": "answerable", "expect": ["April 25"]},
    ]
    questions.write_text(yaml.safe_dump(items), encoding="utf-8")
    done = bot("eval", str(questions), "--sessions", "--risk")
    assert done.returncode == 0, done.stderr
    assert "as sessions of 5: 100.0% (4/4), wrong answers 0" in done.stdout
    assert "risk-coverage" in done.stdout
    assert re.search(r"0\.48: answered 75\.0%, wrong 0\.0%, accuracy 100\.0%  <- now", done.stdout)
    assert re.search(r"0\.40: answered \d", done.stdout)


def test_bad_question_file_is_a_clear_error(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text("- q: hi\n  kind: maybe\n", encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert "unknown kind 'maybe'" in done.stderr


@pytest.mark.parametrize("name", ["dev.yaml", "holdout.yaml"])
def test_development_set_is_in_the_published_format(name: str) -> None:
    from bot.evaluation import load_questions

    items = load_questions(ROOT / "tests" / "data" / name)
    assert len(items) >= 45


def test_ask_json_answers_a_long_batch_in_order() -> None:
    """Answers to a batch come in blocks, every one of them, in the order asked."""
    questions = [f"who won? {n}" if n % 2 else "when did the MAA leave Ber?" for n in range(600)]
    done = bot("ask", "--json", stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["question"] for a in answers] == questions


def test_ask_json_answers_each_line_as_it_arrives() -> None:
    """A reader that writes one question and waits gets its answer without closing stdin."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", "--json"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=clean_environ(),
    )  # fmt: skip
    assert process.stdin is not None and process.stdout is not None
    try:
        for question in ("who won?", "when did the MAA leave Ber?"):
            process.stdin.write(question + "\n")
            process.stdin.flush()
            assert json.loads(process.stdout.readline())["question"] == question
    finally:
        process.stdin.close()
        process.stdout.close()
        assert process.wait(timeout=30) == 0
