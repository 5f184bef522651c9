"""The command line, run for real in subprocesses: ask, console, check, eval."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import shutil
import signal
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
import yaml
from commandline import ROOT, clean_environ, run_bot

from bot.knowledge import Pack

CONTRACT_KEYS = ["question", "answered", "answer", "citations", "confidence", "suggestions"]


def bot(
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    # Recording unanswered questions has tests of its own.
    environment = {"BERBOT_RECORD_UNANSWERED": "false", **(env or {})}
    return run_bot(*args, stdin=stdin, env=environment, cwd=cwd, timeout=timeout)


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


def test_ask_answers_several_quoted_questions_one_by_one() -> None:
    """Quoted questions given together are as many lines; a question's words given apart are
    one question."""
    questions = ["who won?", "when did the MAA leave Ber?"]
    done = bot("ask", "--json", *questions)
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert [r["question"] for r in records] == questions
    assert all(r["answered"] for r in records)
    for words in (["who", "won", "the", "battle?"], ["who", "fought", "the MNLA", "at Ber?"]):
        done = bot("ask", "--json", *words)
        assert [json.loads(line)["question"] for line in done.stdout.splitlines()] == [
            " ".join(words)
        ]


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


def test_ask_on_an_output_that_holds_only_ascii_escapes_what_it_cannot_write() -> None:
    """PYTHONIOENCODING=ascii (or an old terminal): the article's curly quotes and a question's
    accents come out escaped, JSON as JSON's own escapes, and input it cannot read is replaced."""
    ascii_only = {"PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "--json"],
        input="qui a gagné ?\n".encode(),
        capture_output=True,
        cwd=ROOT,
        env=clean_environ(**ascii_only),
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    record = json.loads(done.stdout)
    assert record["answered"] and record["question"].startswith("qui a gagn")

    question = bot("ask", "--json", "qui a gagné ? « vite »", env=ascii_only)
    assert question.stdout.isascii()
    assert json.loads(question.stdout)["question"] == "qui a gagné ? « vite »"

    text = bot("ask", "who won the battle?", env=ascii_only)
    assert text.returncode == 0, text.stderr
    assert "\\u201cResult: MAA victory\\u201d" in text.stdout


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
    assert turns[2] == "/reset\n(conversation forgotten)\n"
    assert "Tilemsi Arabs" not in turns[3]


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
    assert done.stdout.splitlines()[-1] == "pack knowledge (43 facts): OK"


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
    assert "28 of 29 sentences cited, 1 gap." in done.stdout
    assert done.stdout.splitlines()[-1].endswith(": 1 uncovered sentence")


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


def test_eval_out_of_fold_scores_the_questions_the_classifier_was_fitted_on_as_new_ones(
    tmp_path: Path,
) -> None:
    """--out-of-fold asks each fifth of a file the pack's classifier was fitted on of a
    classifier fitted without it, and prints those figures under the in-sample ones; of a file
    it was not fitted on, it says the figures printed are already out of sample."""
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "tests" / "packs" / "lantern-festival", pack)
    questions = pack / "questions.yaml"
    unfitted = bot("eval", "--knowledge", str(pack), "--out-of-fold", str(questions))
    assert unfitted.returncode == 0, unfitted.stderr
    assert f"{questions}: the classifier was fitted on no file of this name" in unfitted.stdout
    assert "out of 5 folds" not in unfitted.stdout
    fitted = bot("pack", "fit", str(pack), "--questions", str(questions))
    assert fitted.returncode == 0, fitted.stdout + fitted.stderr
    done = bot("eval", "--knowledge", str(pack), "--out-of-fold", str(questions))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert re.fullmatch(rf"{re.escape(str(questions))}: [\d.]+% \(\d+/113\), .*", lines[0])
    out_of_fold = [line for line in lines if line.startswith(f"{questions} out of 5 folds: ")]
    assert len(out_of_fold) == 1, done.stdout[-800:]
    assert re.search(r"\(\d+/113\), wrong answers \d+ ", out_of_fold[0])
    assert "fitted on no file of this name" not in done.stdout
    (pack / "classifier.json").unlink()
    none = bot("eval", "--knowledge", str(pack), "--out-of-fold", str(questions))
    assert none.returncode == 0, none.stderr
    assert f"{questions}: the pack has no current classifier" in none.stdout


def test_eval_out_of_fold_fits_each_part_on_the_other_files_given_too(tmp_path: Path) -> None:
    """Out of fold, each part's classifier is fitted, like the pack's, on the other files the
    pack's was fitted on that are given too, and says so from its own record; one that is not
    given is named. (With --totals-only, no question is printed: for files nobody may read.)"""
    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "tests" / "packs" / "lantern-festival", pack)
    items = yaml.safe_load((pack / "questions.yaml").read_text(encoding="utf-8"))
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text(yaml.safe_dump(items[:60]), encoding="utf-8")
    second.write_text(yaml.safe_dump(items[60:]), encoding="utf-8")
    fitted = bot("pack", "fit", str(pack), "--questions", str(first), "--questions", str(second))
    assert fitted.returncode == 0, fitted.stdout + fitted.stderr
    alone = bot("eval", "--knowledge", str(pack), "--out-of-fold", str(first), timeout=300)
    assert alone.returncode == 0, alone.stderr
    assert (
        f"{first}: out of fold, each part's classifier is fitted without second.yaml, which "
        "the pack's was fitted on too (not given here)"
    ) in alone.stdout
    both = bot(
        "eval", "--knowledge", str(pack), "--out-of-fold", "--totals-only", str(first),
        str(second), timeout=300,
    )  # fmt: skip
    assert both.returncode == 0, both.stderr
    assert "fitted without" not in both.stdout
    assert "misses:" in alone.stdout and "misses:" not in both.stdout
    assert not any(item["q"] in both.stdout for item in items if "q" in item)
    for path, count in ((first, 60), (second, len(items) - 60)):
        assert re.search(
            rf"^{re.escape(str(path))} out of 5 folds: .*/{count}\)", both.stdout, re.M
        )
    # What each part's classifier was fitted on, as it records it: as many of the other file
    # as the pack's classifier was fitted on.
    recorded = json.loads((pack / "classifier.json").read_text(encoding="utf-8"))["questions"]
    said = "  each part's classifier was fitted on the phrasings and questions: "
    parts = r"\d+(-\d+)? of the file's other parts"
    assert re.search(rf"^{said}{parts}$", alone.stdout, re.M)
    for path, other in ((first, "second.yaml"), (second, "first.yaml")):
        after = both.stdout[both.stdout.index(f"{path} out of 5 folds: ") :].splitlines()
        line = next(line for line in after if line.startswith(said))
        assert re.fullmatch(rf"{said}{parts}, {recorded[other]} of {other}", line)


def test_eval_finds_the_threshold_a_wrong_answer_rate_asks_for_and_it_holds() -> None:
    """--target-wrong X names the answer threshold that answers most while keeping wrong answers
    at or below X; set as BERBOT_ANSWER_THRESHOLD, the same questions keep to it."""
    questions = ROOT / "tests" / "packs" / "lantern-festival" / "questions.yaml"
    pack = ("--knowledge", str(questions.parent))
    done = bot("eval", str(questions), *pack, "--target-wrong", "0.02")
    assert done.returncode == 0, done.stderr
    found = re.search(
        r"at or below 2\.0%: BERBOT_ANSWER_THRESHOLD=(0\.\d\d) \(answered", done.stdout
    )
    assert found is not None, done.stdout[-800:]
    held = bot("eval", str(questions), *pack, env={"BERBOT_ANSWER_THRESHOLD": found[1]})
    first = held.stdout.splitlines()[0]
    wrong_share = float(re.search(r"wrong answers \d+ \(([\d.]+)%\)", first)[1])  # type: ignore[index]
    assert wrong_share <= 2.0, first


def test_bad_question_file_is_a_clear_error(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text("- q: hi\n  kind: maybe\n", encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert "item 1: unknown kind 'maybe' (one of answerable, unknown, absent," in done.stderr

    questions.write_text("- q: hi\n  kind: answerable\n  style: follow-up\n", encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert "item 1: unknown style 'follow-up' (one of plain, typo," in done.stderr
    assert "kind" not in done.stderr


def test_ask_json_with_debug_writes_what_debug_shows_to_standard_error() -> None:
    done = bot("ask", "--json", "--debug", stdin="who won the battle?\ntell me a joke\n")
    assert done.returncode == 0, done.stderr
    assert [json.loads(line)["answered"] for line in done.stdout.splitlines()] == [True, False]
    assert "[answer: who-won, score" in done.stderr
    assert "[decline:" in done.stderr


@pytest.mark.parametrize("name", ["dev.yaml", "train.yaml", "holdout.yaml"])
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


def test_knowledge_before_the_command_is_the_pack_used(pack_copy: Path) -> None:
    missing = bot("--knowledge", "/nonexistent", "check")
    assert missing.returncode == 1
    assert "/nonexistent: not a knowledge pack directory" in missing.stderr
    done = bot("--knowledge", str(pack_copy), "check")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"pack {pack_copy} (43 facts): OK"


def test_check_finds_a_number_or_name_the_citations_do_not_say(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "battle.yaml"
    text = path.read_text(encoding="utf-8")
    facts = yaml.safe_load(text)
    fact = next(f for f in facts if "fourteen" in f["answer"])
    wrong = fact["answer"].replace("fourteen", "three")
    assert wrong != fact["answer"]
    path.write_text(text.replace(fact["answer"], wrong + " Gao saw it.", 1), encoding="utf-8")
    done = bot("check", "--knowledge", str(pack_copy))
    assert done.returncode == 1
    assert (
        f"error: {path}: fact '{fact['id']}': the answer says 'three', 'Gao', "
        "which its citations do not"
    ) in done.stdout
    assert done.stdout.splitlines()[-1].endswith(": 1 answer not in its citations")


def test_every_answer_of_the_bundled_pack_is_in_its_citations(pack: Pack) -> None:
    from bot.grounding import ungrounded

    assert [str(u) for u in ungrounded(pack)] == []


MISTAKEN_PHRASING = "how many ordinary people died when the fighting started?"
"""A civilians question, given by mistake to a fact on what the MAA's spokesman said."""


def _add_a_fact_asked(pack: Path, phrasing: str) -> None:
    """Add to a pack a fact citing the spokesman's sentence, asked `phrasing` besides its own."""
    facts = pack / "facts" / "battle.yaml"
    facts.write_text(
        facts.read_text(encoding="utf-8") + "\n- id: ramadane-statement\n"
        "  answer: Ramadane said the MAA launched the attack against the MNLA.\n"
        "  cite:\n"
        "    - MAA spokesperson Mohamed Ould Ramadane stated that the MAA launched the attack "
        'against the MNLA, chasing away an "armed band".\n'
        "  questions:\n"
        "    - What did Ramadane say about the attack?\n"
        f"    - {phrasing}\n",
        encoding="utf-8",
    )


def test_eval_compare_lists_what_one_new_fact_changed_both_ways(
    tmp_path: Path, pack_copy: Path
) -> None:
    """A fact citing the Ramadane sentence, given a phrasing by mistake that asks about the
    civilians, takes a civilians question: --compare names it, with what the bot said before
    and after, and a fix that undoes it shows too."""
    questions = tmp_path / "q.yaml"
    civilians = (
        "My uncle used to live near Ber and I'm trying to find out whether ordinary people, not "
        "fighters, were killed when the fighting broke out there. How many civilians died?"
    )
    items = [
        {"q": civilians, "kind": "answerable", "expect": ["two civilians"], "style": "verbose"},
        {"q": "who won?", "kind": "answerable", "expect": ["MAA victory"], "style": "terse"},
    ]
    questions.write_text(yaml.safe_dump(items), encoding="utf-8")
    saved = tmp_path / "before.json"
    first = bot("eval", str(questions), "--knowledge", str(pack_copy), "--save", str(saved))
    assert first.returncode == 0, first.stderr
    assert f"saved 2 outcomes to {saved}" in first.stdout
    facts = pack_copy / "facts" / "battle.yaml"
    original = facts.read_text(encoding="utf-8")
    _add_a_fact_asked(pack_copy, MISTAKEN_PHRASING)
    changed = bot("eval", str(questions), "--knowledge", str(pack_copy), "--compare", str(saved))
    assert changed.returncode == 0, changed.stderr
    report = changed.stdout[changed.stdout.index("compared with") :]
    assert report.startswith(f"compared with {saved}: 1 question changed (1 now wrong)")
    assert f"  now wrong:\n  - [q.yaml] {civilians}\n" in report
    assert "      was: answer civilians-killed (right)\n      now: answer " in report
    assert "who won?" not in report

    now = tmp_path / "after.json"
    bot("eval", str(questions), "--knowledge", str(pack_copy), "--save", str(now))
    facts.write_text(original, encoding="utf-8")
    back = bot("eval", str(questions), "--knowledge", str(pack_copy), "--compare", str(now))
    assert "1 question changed (1 now right)" in back.stdout
    same = bot("eval", str(questions), "--knowledge", str(pack_copy), "--compare", str(saved))
    assert "no question changed its outcome or fact" in same.stdout


def test_eval_compare_with_totals_only_counts_the_changes_without_a_question(
    tmp_path: Path, pack_copy: Path
) -> None:
    """On a file nobody may read, --save --totals-only keeps no question's text (a digest of
    each names it), and --compare --totals-only says how many questions changed and which way,
    and prints none of them, nor what the bot said to them."""
    questions = tmp_path / "q.yaml"
    asked = MISTAKEN_PHRASING
    item = {"q": asked, "kind": "answerable", "expect": ["two civilians"], "style": "plain"}
    questions.write_text(yaml.safe_dump([item]), encoding="utf-8")
    saved = tmp_path / "before.json"
    first = bot(
        "eval", str(questions), "--knowledge", str(pack_copy), "--save", str(saved),
        "--totals-only",
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    kept = saved.read_text(encoding="utf-8")
    assert "ordinary people" not in kept and '"question"' not in kept
    assert json.loads(kept)["outcomes"][0]["digest"].startswith("sha256:")
    # A new fact given that very question as a phrasing by mistake takes it.
    _add_a_fact_asked(pack_copy, asked)
    done = bot(
        "eval", str(questions), "--knowledge", str(pack_copy), "--compare", str(saved),
        "--totals-only",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"compared with {saved}: 1 question changed (1 now wrong)" in done.stdout
    assert asked not in done.stdout and "[q.yaml]" not in done.stdout
    assert "was:" not in done.stdout and "now wrong:" not in done.stdout


def test_eval_compare_reads_a_file_saved_with_every_question_s_text_by_an_earlier_version(
    tmp_path: Path,
) -> None:
    """A --save file of the first layout (each question's text, no digest) still compares."""
    questions = tmp_path / "q.yaml"
    questions.write_text("- q: who won?\n  kind: answerable\n  expect: [MAA]\n", encoding="utf-8")
    saved = tmp_path / "before.json"
    assert bot("eval", str(questions), "--save", str(saved)).returncode == 0
    data = json.loads(saved.read_text(encoding="utf-8"))
    assert data["outcomes"][0]["question"] == "who won?"
    data["format"] = 1
    for record in data["outcomes"]:
        del record["digest"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    same = bot("eval", str(questions), "--compare", str(saved))
    assert same.returncode == 0, same.stderr
    assert "no question changed its outcome or fact" in same.stdout


def test_eval_compare_names_a_gone_question_of_a_digest_only_file_without_its_text(
    tmp_path: Path,
) -> None:
    """Compared with a file saved with --totals-only, a question no longer asked is listed
    without its text, which that file never kept; a record of it missing its digest is named
    as malformed."""
    questions = tmp_path / "q.yaml"
    both = "- q: who won?\n  kind: answerable\n  expect: [MAA]\n"
    questions.write_text(both + "- q: when?\n  kind: absent\n", encoding="utf-8")
    saved = tmp_path / "before.json"
    assert bot("eval", str(questions), "--save", str(saved), "--totals-only").returncode == 0
    questions.write_text(both, encoding="utf-8")
    gone = bot("eval", str(questions), "--compare", str(saved))
    assert gone.returncode == 0, gone.stderr
    assert "questions no longer asked:\n  - [q.yaml] (question not kept)\n" in gone.stdout
    data = json.loads(saved.read_text(encoding="utf-8"))
    del data["outcomes"][0]["digest"]
    saved.write_text(json.dumps(data), encoding="utf-8")
    broken = bot("eval", str(questions), "--compare", str(saved))
    assert broken.returncode != 0
    assert f"{saved}: a saved outcome is malformed: KeyError('digest')" in broken.stdout + (
        broken.stderr
    )


def test_eval_min_accuracy_is_a_share(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text("- q: who won?\n  kind: answerable\n  expect: [MAA]\n", encoding="utf-8")
    done = bot("eval", str(questions), "--min-accuracy", "99")
    assert done.returncode == 2
    assert "--min-accuracy: must be a share from 0 to 1, got 99 (for 99%, write 0.99)" in (
        done.stderr
    )
    assert bot("eval", str(questions), "--min-accuracy", "0.99").returncode == 0


def test_question_file_with_a_yaml_slip_names_line_and_problem(tmp_path: Path) -> None:
    questions = tmp_path / "q.yaml"
    questions.write_text("- q: who won?\n  kind: answerable\n   expect: [MAA]\n", encoding="utf-8")
    done = bot("eval", str(questions))
    assert done.returncode == 2
    assert f"Bad question file: {questions}: malformed YAML at line 3, column" in done.stderr
    assert "cannot read" not in done.stderr


def test_help_and_version_name_the_command_as_it_was_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.__main__ import main

    for argv0, name in (
        ("/usr/local/bin/berbot", "berbot"),
        ("/x/bot/__main__.py", "python -m bot"),
    ):
        monkeypatch.setattr(sys, "argv", [argv0])
        with pytest.raises(SystemExit):
            main(["--help"])
        assert capsys.readouterr().out.startswith(f"usage: {name} ")
    monkeypatch.setattr(sys, "argv", ["/usr/local/bin/berbot"])
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert re.fullmatch(r"berbot \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)


def test_ask_loads_neither_telegram_nor_the_installed_metadata() -> None:
    """`ask` starts with what answering needs: --version alone reads the package's metadata."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot", "ask", "who won?"],
        capture_output=True, text=True, cwd=ROOT, env=clean_environ(), timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    imported = {line.split("|")[-1].strip() for line in done.stderr.splitlines() if "|" in line}
    assert "bot.matching" in imported
    assert {"telegram", "importlib.metadata"}.isdisjoint(imported)


def test_a_bad_telegram_setting_refuses_only_the_telegram_bot() -> None:
    bad = {"TELEGRAM_WEBHOOK_PORT": "eighty", "LOG_LEVEL": "loud"}
    assert bot("ask", "who won?", env=bad).returncode == 0
    assert bot("check", env=bad).returncode == 0
    console = bot("console", stdin="who won?\n", env=bad)
    assert console.returncode == 0 and "MAA victory" in console.stdout
    run = bot("run", env={**bad, "TELEGRAM_BOT_TOKEN": "123:abc"})
    assert run.returncode == 2
    assert "Invalid setting: TELEGRAM_WEBHOOK_PORT: must be a number" in run.stderr
    # A setting a command does use still refuses it, naming the variable.
    thresholds = bot("ask", "who won?", env={"BERBOT_ANSWER_THRESHOLD": "2"})
    assert thresholds.returncode == 2
    assert "BERBOT_ANSWER_THRESHOLD" in thresholds.stderr


def test_ask_json_gives_every_answer_of_a_message_asking_several_questions() -> None:
    """Each answer on a line of its own, and each sentence quoted once."""
    done = bot("ask", "--json", "When did the MAA leave Ber? And how many pick-ups did they keep?")
    record = json.loads(done.stdout)
    assert record["answered"] is True
    assert record["answer"].splitlines() == [
        "The MAA left Ber on April 25.",
        "After leaving, the MAA kept fourteen armed pick-ups on the outskirts of Ber.",
    ]
    quoted = [c["text"] for c in record["citations"]]
    assert len(quoted) == len(set(quoted)) == 1


def test_console_asks_a_suggestion_by_its_number_and_knows_its_commands() -> None:
    script = "who commanded the MNLA?\n2\n9\nwho won?\n1\n/foo\n/exit\nwho won?\n"
    done = bot("console", stdin=script)
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("you> ")[1:]
    offered = [line for line in turns[0].splitlines() if line.startswith("  2. ")]
    assert offered == ["  2. Who seized the town of Ber?"]
    assert turns[1].startswith("2\n(Who seized the town of Ber?)\nFighters from the Arab Movement")
    # (The offer stands after a pick: another number asks another of its questions.)
    assert turns[2] == "9\n(choose a suggestion from 1 to 3)\n"
    assert turns[4] == "1\n(no suggestions to choose from: ask a question, not 1)\n"
    assert turns[5].startswith("/foo\n(no command /foo: the commands are /help, /why, /about")
    assert turns[6] == "/exit\n"


def test_console_explains_its_last_reply_and_names_the_article_s_source_and_licence() -> None:
    done = bot("console", stdin="/why\nwho won?\n/why\n/about\n/reset\n/why\n")
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("you> ")[1:]
    assert turns[0] == "/why\n(nothing to explain yet: ask a question first)\n"
    assert turns[2].startswith("/why\nI answered with the fact “Who won the Battle of Ber?”")
    about = turns[3].splitlines()
    assert about[1] == (
        "Battle of Ber (2013): everything I say comes from "
        "https://en.wikipedia.org/wiki/Battle_of_Ber_(2013)"
    )
    assert about[2] == "Licence: CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/"
    assert turns[5] == "/why\n(nothing to explain yet: ask a question first)\n"


def test_console_reads_help_and_quit_typed_without_the_slash() -> None:
    """A newcomer types "help" and "quit": they mean the commands, not questions."""
    done = bot("console", stdin="help\nHelp?\nquit\nwho won?\n")
    assert done.returncode == 0, done.stderr
    turns = done.stdout.split("you> ")[1:]
    assert turns[0].startswith("help\nAsk anything about the article; follow-ups remember")
    assert turns[1].startswith("Help?\nAsk anything about the article; follow-ups remember")
    assert turns[2] == "quit\n"  # (and "who won?" is never asked)


def test_console_asks_a_superscript_or_other_digit_as_typed() -> None:
    """Only a plain number picks a suggestion; "²" is a question like any other text."""
    done = bot("console", stdin="who commanded the MNLA?\n²\n1\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    turns = done.stdout.split("you> ")[1:]
    assert len(turns) == 3 and not turns[1].startswith("²\n(")
    assert turns[2].startswith("1\n(")


def test_console_banner_and_debug_name_the_pack(pack_copy: Path) -> None:
    done = bot("console", "--knowledge", str(pack_copy), stdin="/debug\n/debug\n")
    first = done.stdout.splitlines()[0]
    assert first.startswith(f"Ask me about the Battle of Ber (2013), from pack {pack_copy} (43")
    assert "(debug off)" in done.stdout
    assert (
        f"(debug on, pack {pack_copy} (43 facts))"
        in bot("console", "--knowledge", str(pack_copy), stdin="/debug\n").stdout
    )
    asked = bot("ask", "--debug", "--knowledge", str(pack_copy), "who won?")
    assert asked.stdout.splitlines()[0] == f"[pack {pack_copy} (43 facts)]"


def test_console_marks_an_answer_from_a_draft_fact(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "battle.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    fact = next(f for f in facts if "fourteen armed pick-ups" in " ".join(f["cite"]))
    fact["draft"] = True
    path.write_text(yaml.safe_dump(facts, allow_unicode=True, sort_keys=False), encoding="utf-8")
    done = bot("console", "--knowledge", str(pack_copy), stdin=fact["questions"][0] + "\n")
    assert "(43 facts, 1 of them drafts)" in done.stdout.splitlines()[0]
    assert "(draft fact: readers on Telegram are not shown it" in done.stdout


class _Terminal:
    """The console run at a terminal (a pty it controls), with HOME in a directory of its own."""

    def __init__(self, home: Path) -> None:
        self.primary, secondary = pty.openpty()

        def own_terminal() -> None:
            # After setsid, make the pty the controlling terminal: Ctrl-C then signals it.
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)
            # A shell starts a command at its prompt with Ctrl-C's default, whatever this
            # process has (started in the background by a script, `pytest &` with no job
            # control, it ignores Ctrl-C, and so would the console).
            signal.signal(signal.SIGINT, signal.SIG_DFL)

        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "console"],
            stdin=secondary, stdout=secondary, stderr=secondary, cwd=ROOT,
            start_new_session=True, preexec_fn=own_terminal,
            env=clean_environ(HOME=str(home), BERBOT_RECORD_UNANSWERED="false"),
        )  # fmt: skip
        os.close(secondary)
        self.seen = b""

    def read_until(self, mark: bytes, seconds: float = 30) -> None:
        """Read what the console shows until `mark`, for `seconds` at most (never blocking
        past them on a console that shows nothing more)."""
        deadline = time.monotonic() + seconds
        while mark not in self.seen and (left := deadline - time.monotonic()) > 0:
            if not select.select([self.primary], [], [], left)[0]:
                break
            try:
                chunk = os.read(self.primary, 4096)
            except OSError:
                break
            if not chunk:
                break  # (the end, where a closed terminal reads as one)
            self.seen += chunk

    def type(self, keys: bytes) -> None:
        os.write(self.primary, keys)

    def close(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()  # (reaped here, not left to warn in a later test)
        os.close(self.primary)

    def ended(self) -> int:
        """Return the console's exit status once it ends; fail saying what it showed if it
        is still running 30 seconds on."""
        try:
            return self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.read_until(b"\x00", seconds=1)  # (whatever it showed since)
            pytest.fail(f"the console is still running; it showed: {self.seen!r}")


def test_ctrl_c_at_the_console_prompt_ends_its_line(tmp_path: Path) -> None:
    """The console at a terminal: Ctrl-C leaves it with the shell's prompt on a new line, and
    the questions typed are kept in the history file."""
    terminal = _Terminal(tmp_path)
    try:
        terminal.read_until(b"you> ")
        terminal.type(b"who won?\n")
        terminal.read_until(b"(Lead)\r\nyou> ")
        # The terminal sends SIGINT for Ctrl-C. One that comes before readline waits for a key
        # is seen only at the next key, so it is typed again if the console is still there.
        for _ in range(10):
            time.sleep(0.2)
            terminal.type(b"\x03")
            with contextlib.suppress(subprocess.TimeoutExpired):
                terminal.process.wait(timeout=3)
                break
        status = terminal.ended()
        terminal.read_until(b"\n\n\n")
        assert status == 0, terminal.seen  # (nothing more comes: reads what is left)
    finally:
        terminal.close()
    # The prompt's line is ended (after the terminal's "^C", where it echoes one).
    assert re.search(rb"\nyou> (\^C)?\n$", terminal.seen.replace(b"\r\n", b"\n"))
    assert (tmp_path / ".berbot_history").read_text(encoding="utf-8").strip() == "who won?"


def test_the_line_that_leaves_the_console_is_not_kept_in_its_history(tmp_path: Path) -> None:
    terminal = _Terminal(tmp_path)
    try:
        terminal.read_until(b"you> ")
        terminal.type(b"who won?\n")
        terminal.read_until(b"(Lead)\r\nyou> ")
        terminal.type(b"/exit\n")
        assert terminal.ended() == 0, terminal.seen
    finally:
        terminal.close()
    assert (tmp_path / ".berbot_history").read_text(encoding="utf-8").split() == ["who", "won?"]


def test_a_piped_console_echoes_questions_without_their_control_characters() -> None:
    done = bot("console", stdin="who\x1b[31m won\x07?\n")
    assert done.returncode == 0, done.stderr
    assert "you> who won?\n" in done.stdout
    assert "\x1b" not in done.stdout and "\x07" not in done.stdout


def test_the_same_questions_get_the_same_replies_whatever_the_run() -> None:
    """Sets iterate in an order that changes from one run of Python to the next: nothing the
    bot reads or says may follow it (the sides of "both sides", the words of a reading the
    next turn leans on)."""
    script = (
        "what is the ethnic makeup of each side?\n"
        "and which side won?\n"
        "how many fighters did both sides lose?\n"
        "Quelle est la composition ethnique des deux camps ?\n"
        "et qui a gagné ?\n"
    )
    runs = [
        bot("ask", "--json", "--conversation", "--debug", stdin=script,
            env={"PYTHONHASHSEED": seed, "BERBOT_CACHE_DIR": "off"})
        for seed in ("1", "2", "3", "4")
    ]  # fmt: skip
    assert all(run.returncode == 0 for run in runs), runs[0].stderr
    assert len({run.stdout for run in runs}) == 1
    assert len({run.stderr for run in runs}) == 1
