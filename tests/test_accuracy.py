"""Answer quality cannot silently regress: the question sets keep their accuracy."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.evaluation import Item, is_correct
from bot.knowledge import load_pack
from bot.matching import Engine

ROOT = Path(__file__).resolve().parent.parent

# A little under what the bot scores today, and a little over the share of questions it answers
# wrongly (see the README); tighten them as it improves. (The development set grew harder in
# steps, with questions read and worked on: typed, described and paraphrased ones. The
# classifier is fitted on the development and training questions, so their figures are
# in-sample; the held-aside ones are not.)
LIMITS = {"dev.yaml": (0.92, 0.025), "train.yaml": (0.92, 0.02), "holdout.yaml": (0.9, 0.02)}


@pytest.mark.parametrize(("name", "limits"), sorted(LIMITS.items()))
def test_question_set_stays_above_its_floor_and_under_its_wrong_answers(
    name: str, limits: tuple[float, float]
) -> None:
    floor, most_wrong = limits
    done = subprocess.run(
        [sys.executable, "-m", "bot", "eval", str(ROOT / "tests" / "data" / name),
         "--min-accuracy", str(floor), "--max-wrong", str(most_wrong), "--totals-only"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    # (Totals only: the held-aside and training questions' misses are never shown, even by a
    # failing run.)
    assert done.returncode == 0, done.stdout
    assert "by kind:" in done.stdout and "misses:" not in done.stdout


def test_eval_fails_above_its_share_of_wrong_answers() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "eval", str(ROOT / "tests" / "data" / "dev.yaml"),
         "--max-wrong", "0.001"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert re.search(r"^wrong answers \d+\.\d% are above 0\.1%$", done.stdout, re.MULTILINE)


def test_every_answer_of_a_message_asking_several_questions_is_scored() -> None:
    """An expected phrase the second answer gives counts, as the reader sees it."""
    engine = Engine(load_pack())
    message = "who won the battle and when did the MAA leave?"
    item = Item((message,), "answerable", ("April 25",), "verbose")
    reply = engine.answer(message)
    assert "April 25" not in reply.text and is_correct(item, reply)
