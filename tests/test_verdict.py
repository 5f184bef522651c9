"""The verdict: before answering, a logistic model over what the ranking saw judges how likely
the best fact is to answer what was asked; an answer it finds unlikely is offered instead."""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bot.interpret import Query
from bot.knowledge import Pack
from bot.matching import Context, Engine
from bot.opinion import Likelihood
from bot.replies import render_debug, render_why
from bot.reply import Outcome, Reason, Reply
from bot.scoring import Match
from bot.verdict import MEASURES, PATH, Verdict, VerdictError, load_verdict, measures
from tests.commandline import ROOT, clean_environ

DEV = ROOT / "tests" / "data" / "dev.yaml"
TRAIN = ROOT / "tests" / "data" / "train.yaml"
REGION = (
    "I can never remember the administrative geography of northern Mali. The article mentions "
    "Gao Region and Timbuktu. Which region of Mali is Ber actually in?"
)
"""A question the article does not answer, whose best fact (where tensions rose) scores enough
to be answered."""


def _constant(likelihood_sign: float) -> Verdict:
    """A verdict that finds every answer likely (+1) or unlikely (-1), whatever it measures."""
    return Verdict(tuple(0.0 for _ in MEASURES), 30.0 * likelihood_sign, 0.45)


def test_an_answer_the_verdict_finds_unlikely_is_offered_instead(pack: Pack) -> None:
    trusting = Engine(pack, verdict=_constant(+1)).answer("which side seized the town?")
    assert trusting.outcome is Outcome.ANSWER and trusting.verdict is not None
    assert trusting.verdict[0] > 0.99
    doubting = Engine(pack, verdict=_constant(-1)).answer("which side seized the town?")
    assert doubting.outcome is Outcome.SUGGEST and doubting.reason is Reason.UNLIKELY
    fact = pack.fact(trusting.fact_id or "")
    assert fact is not None and doubting.suggestions[0] == fact.questions[0]
    assert doubting.verdict is not None and doubting.verdict[0] < 0.01
    assert "verdict 0.00 (floor 0.45)" in render_debug(doubting)
    why = " ".join(render_why(doubting, pack))
    assert "only 0% likely to answer what you asked" in why and "under the 45%" in why


def test_a_likelihood_just_under_the_floor_is_shown_apart_from_it(pack: Pack) -> None:
    """Rounded alike, "only 45% likely ..., under the 45% an answer needs" would contradict
    itself: as many digits as it takes to tell them apart."""
    just_under = Verdict(tuple(0.0 for _ in MEASURES), math.log(0.448 / 0.552), 0.45)
    reply = Engine(pack, verdict=just_under).answer("which side seized the town?")
    assert reply.outcome is Outcome.SUGGEST and reply.reason is Reason.UNLIKELY
    assert reply.verdict is not None and reply.verdict[0] == pytest.approx(0.448)
    why = " ".join(render_why(reply, pack))
    assert "only 44.8% likely to answer what you asked" in why and "under the 45.0%" in why
    assert "verdict 0.448 (floor 0.450)" in render_debug(reply)


def test_a_likely_answer_is_offered_when_the_message_reads_as_one_no_fact_answers(
    pack: Pack,
) -> None:
    """Two independent views: however likely the verdict finds the best fact, a message the
    classifier, reading it on its own, finds likelier one of the questions the article does
    not answer gets "did you mean" (the MAA's search for gangs says not who the gangs were)."""
    trusting = Engine(pack, verdict=_constant(+1))
    question = "who exactly were those gangs the MAA hunted?"
    reply = trusting.answer(question)
    assert reply.outcome is Outcome.SUGGEST and reply.reason is Reason.LIKE_UNANSWERED
    assert reply.verdict is not None and reply.verdict[0] > 0.99
    assert reply.suggestions == (pack.fact("maa-monitoring-for-gangs").questions[0],)
    why = " ".join(render_why(reply, pack))
    assert "likelier one of those the article does not answer" in why
    # (A question put as those a fact answers is answered as the verdict finds.)
    assert trusting.answer("which side seized the town?").outcome is Outcome.ANSWER


def test_it_is_not_asked_of_a_score_beyond_doubt_nor_of_a_fact_s_own_phrasing(
    pack: Pack,
) -> None:
    doubting = Engine(pack, verdict=_constant(-1))
    sure = doubting.answer("who won the battle?")
    assert sure.confidence >= doubting.thresholds.sure
    assert sure.outcome is Outcome.ANSWER and sure.verdict is None
    for fact in pack.facts:
        for question in fact.questions:
            reply = doubting.answer(question)
            assert reply.reason is not Reason.UNLIKELY, question


def test_without_a_verdict_the_score_alone_decides(pack: Pack) -> None:
    reply = Engine(pack, verdict=None).answer("which side seized the town?")
    assert reply.outcome is Outcome.ANSWER and reply.verdict is None
    assert "verdict" not in render_debug(reply)


def test_the_shipped_verdict_offers_a_neighbouring_fact_instead_of_answering_with_it(
    pack: Pack, engine: Engine
) -> None:
    alone = Engine(pack, verdict=None).answer(REGION)
    assert alone.outcome is Outcome.ANSWER
    reply = engine.answer(REGION)
    assert reply.outcome is Outcome.SUGGEST and reply.reason is Reason.UNLIKELY
    assert reply.confidence >= reply.threshold
    assert reply.verdict is not None and reply.verdict[0] < reply.verdict[1]


def test_answers_it_finds_likely_show_how_likely(engine: Engine, pack: Pack) -> None:
    reply = engine.answer("which group seized the town?")
    assert reply.outcome is Outcome.ANSWER and reply.verdict is not None
    likely, floor = reply.verdict
    assert likely >= floor
    assert f"it is {likely:.0%} likely to answer what you asked" in " ".join(
        render_why(reply, pack)
    )


CLOSE = "Where were tensions between the Arab and Tuareg communities running highest?"
"""A question whose best fact (where tensions rose) scores a little under the bar. (Until
"saw" was learned as a word of that fact, "Which region of the theatre saw the worst
Arab–Tuareg friction?" was one; it is answered now without the verdict.)"""


def test_a_score_just_under_the_bar_is_answered_when_the_verdict_finds_it_very_likely(
    pack: Pack, engine: Engine
) -> None:
    # (The classifier alone recognises it as that fact's question, reason `recognised`: left
    # out, to test the verdict's part.)
    weights = replace(engine.weights, recognised=1.01)
    alone = Engine(pack, verdict=None, weights=weights).answer(CLOSE)
    assert alone.outcome is not Outcome.ANSWER
    limits = engine.thresholds
    assert limits.answer - limits.near <= alone.confidence < limits.answer
    reply = engine.answer(CLOSE)
    assert reply.outcome is Outcome.ANSWER and reply.fact_id == "ethnic-tensions"
    assert reply.reason is Reason.CLOSE and "reason close" in render_debug(reply)
    assert reply.verdict is not None and reply.verdict == (reply.verdict[0], limits.likely)
    assert reply.verdict[0] >= limits.likely
    why = " ".join(render_why(reply, pack))
    assert "a little under the 0.48 an answer needs" in why and "answers a score so close" in why
    # Found only likely (not very), it is offered; and further under the bar, declined.
    unsure = Engine(pack, verdict=_constant(0), weights=weights).answer(CLOSE)
    assert unsure.outcome is Outcome.SUGGEST
    sure = Engine(pack, verdict=_constant(+1))
    far = sure.answer("what did the MAA have for breakfast?")
    assert far.outcome is not Outcome.ANSWER
    # Nor does it overrule a signal that held the fact down as no answer.
    held = sure.answer("what happened to the vehicles they seized?")
    assert limits.answer - limits.near <= held.confidence < limits.answer
    assert held.outcome is not Outcome.ANSWER
    assert "tells-the-described" in [s.name for s in held.signals]


def test_the_band_under_the_bar_the_verdict_may_answer_reaches_down_to_0_36(
    pack: Pack, engine: Engine
) -> None:
    """A reworded question scoring under 0.40 on its fact is answered when the verdict finds
    it very likely: the band reaches 0.12 under the bar."""
    limits = engine.thresholds
    assert limits.answer - limits.near == pytest.approx(0.36)
    question = "Who did the Arab group say it would still gladly cooperate with?"
    reply = engine.answer(question)
    assert reply.outcome is Outcome.ANSWER and reply.reason is Reason.CLOSE
    assert reply.fact_id == "maa-willing-to-work-with-french-and-afisma"
    assert 0.36 <= reply.confidence < 0.40
    assert reply.verdict is not None and reply.verdict[0] >= limits.likely


LEVEL = "Did the MAA withdraw from Ber the same day it attacked, or did it stay longer?"
"""A question whose best fact (when the MAA left Ber) scores enough, but leads the runner-up
(what the MAA did after its second attack) only by what the classifier added."""


def test_a_fact_level_with_the_runner_up_is_answered_when_the_verdict_finds_it_very_likely(
    pack: Pack, engine: Engine
) -> None:
    reply = engine.answer(LEVEL)
    assert reply.outcome is Outcome.ANSWER and reply.fact_id == "maa-left-ber"
    assert reply.reason is Reason.LIKELIEST and "reason likeliest" in render_debug(reply)
    limits = engine.thresholds
    assert reply.confidence >= limits.answer and reply.runner_up is not None
    assert reply.runner_up.fact_id == "maa-abandoned-ber"
    assert reply.verdict is not None and reply.verdict[1] == limits.likely
    assert reply.verdict[0] >= limits.likely
    why = " ".join(render_why(reply, pack))
    assert "That lead is too small to answer on" in why
    assert "which answers without a clear lead (from 90%)" in why
    # Found only likely (not very), both are offered (the classifier's own pick, answered
    # instead of a disputed answer when it scored enough, `Weights.seconding`, left out).
    unseconded = replace(engine.weights, seconding=1.01)
    level = Engine(pack, verdict=_constant(0), weights=unseconded).answer(LEVEL)
    index = engine.index
    offered = {index.facts[index.phrased[q]].id for q in level.suggestions}
    assert level.outcome is Outcome.SUGGEST
    assert {"maa-left-ber", "maa-abandoned-ber"} <= offered


def test_no_verdict_answers_a_fact_without_a_lead_that_the_turn_rules_out(pack: Pack) -> None:
    """However likely the verdict finds it, a fact level with the runner-up is not answered for
    "who else?" when the reader has had it, nor for a "they" standing for nobody when the
    runner-up quotes other sentences: either would be a guess."""
    engine = Engine(pack, verdict=_constant(+1))
    interpreter, index = engine.interpreter, engine.index
    message = interpreter.message("who else took the town?", 1000)
    plain = interpreter.plain(message, message.tokens, exclude=frozenset())
    won, left = index.fact_index["who-won"], index.fact_index["maa-left-ber"]
    assert not index.fact_sentences[won] & index.fact_sentences[left]

    def decided(query: Query) -> Reply:
        # (Level: 0.70 and 0.69, above the bar and under a score beyond doubt.)
        ranked = [Match(won, 0.70), Match(left, 0.69)]
        return engine.decider.decide("who else took the town?", query, ranked, Context())

    assert decided(plain).reason is Reason.LIKELIEST
    assert not decided(replace(plain, exclude=frozenset({"who-won"}))).answered
    assert not decided(replace(plain, unresolved=True)).answered


def test_a_score_beyond_doubt_level_with_the_runner_up_is_left_to_the_verdict(
    pack: Pack,
) -> None:
    """A score that high is answered whatever the runner-up scored, but not over a runner-up
    as high and level with it: then it is answered only when the verdict finds it very
    likely, as any fact without a clear lead. Unless the turn asks for another one ("what else
    did they take?"): either of two it has not had answers that."""
    base = Engine(pack)
    interpreter, index = base.interpreter, base.index
    left, gangs = index.fact_index["maa-left-ber"], index.fact_index["maa-monitoring-for-gangs"]
    assert not index.fact_sentences[left] & index.fact_sentences[gangs]
    sure, margin = base.thresholds.sure, base.thresholds.margin

    def decided(verdict: Verdict, question: str, scores: tuple[float, float]) -> Reply:
        engine = Engine(pack, verdict=verdict)
        message = interpreter.message(question, 1000)
        query = interpreter.plain(message, message.tokens, exclude=frozenset({"who-won"}))
        ranked = [Match(left, scores[0]), Match(gangs, scores[1])]
        return engine.decider.decide(question, query, ranked, Context())

    level = (sure + 0.08, sure + 0.08 - margin / 2)
    clear = (sure + 0.08, sure + 0.08 - margin * 2)
    asked = "what did they do near the town?"
    assert decided(_constant(-1), asked, clear).fact_id == "maa-left-ber"
    assert not decided(_constant(-1), asked, level).answered
    very_likely = decided(_constant(+1), asked, level)
    assert very_likely.fact_id == "maa-left-ber" and very_likely.reason is Reason.LIKELIEST
    assert decided(_constant(-1), "what else did they do near the town?", level).answered


def test_what_it_measures_reads_the_question_against_the_best_fact(engine: Engine) -> None:
    interpreter, ranker = engine.interpreter, engine.ranker

    def measured(question: str, last: int | None = None) -> dict[str, float]:
        message = interpreter.message(question, 1000)
        query = replace(interpreter.plain(message, message.tokens, exclude=frozenset()), last=last)
        ranked = ranker.rank(query)
        assert engine.pack.classifier is not None
        spelled = engine.vocabulary.spelled_text(message.normal)
        unanswered = Likelihood(engine.pack.classifier, spelled).unanswered_share()
        return dict(zip(MEASURES, measures(engine.index, query, ranked, unanswered), strict=True))

    plain = measured("when did the MAA leave Ber?")
    assert plain["missing"] == plain["missing_share"] == plain["unknown_share"] == 0
    assert plain["lead"] > 0 and plain["known"] >= 2
    # Words no fact uses, and a known word this fact does not.
    padded = measured("when did the MAA leave Ber with the camels and the prisoners?")
    assert padded["unknown_share"] > 0 and padded["missing"] == 1
    assert padded["missing_share"] > 0 and padded["missing_most"] > 0
    # In a long message, the share its questions' words lack apart from its chatter's.
    chatter = "My teacher wants a report on the fighting in northern Mali in 2013, I chose it. "
    unasked = measured(chatter + "Which French soldiers were wounded at Ber?")
    asked = measured(chatter + "How many civilians were wounded at Ber?")
    assert unasked["focus_missing_share"] > 0 and asked["missing_share"] > 0
    assert asked["focus_missing_share"] == plain["focus_missing_share"] == 0
    # How likely the classifier finds the message one that no fact answers; 0 for a follow-up,
    # whose words alone do not say what it asks.
    assert plain["unanswered"] < 0.1
    assert measured("what became of the seized truck?")["unanswered"] > 0.5
    assert measured("what became of the seized truck?", last=0)["unanswered"] == 0


def test_refitting_on_the_question_files_gives_the_shipped_weights(tmp_path: Path) -> None:
    """The verdict is fitted on the files the bundled classifier was fitted on: the
    development questions and the blind-written ones no longer held aside."""
    fitted = tmp_path / "verdict.json"
    result = subprocess.run(
        [sys.executable, "-m", "bot.verdict", "fit", str(DEV), str(TRAIN), "--output", str(fitted)],
        capture_output=True, text=True, cwd=ROOT, env=clean_environ(), timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    # (Out of fold: the bundled classifier was fitted on these questions too.)
    assert "fitted on" in result.stdout and "out of 5 folds" in result.stdout
    assert re.search(r"of (\d+) questions, \1 of them out of 5 folds", result.stdout)
    refitted, shipped = load_verdict(fitted), load_verdict(PATH)
    assert refitted.floor == shipped.floor
    assert refitted.bias == pytest.approx(shipped.bias, rel=1e-3, abs=1e-3)
    assert refitted.weights == pytest.approx(shipped.weights, rel=1e-3, abs=1e-3)


def test_fitting_on_questions_of_one_outcome_says_what_is_missing(tmp_path: Path) -> None:
    questions = tmp_path / "questions.yaml"
    questions.write_text('- q: "what is the capital of Peru?"\n  kind: out_of_scope\n', "utf-8")
    fitted = tmp_path / "verdict.json"
    result = subprocess.run(
        [sys.executable, "-m", "bot.verdict", "fit", str(questions), "--output", str(fitted)],
        capture_output=True, text=True, cwd=ROOT, env=clean_environ(), timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == VerdictError.exit_status, result.stderr
    assert (
        "Broken verdict weights: " in result.stdout and "questions of every kind" in result.stdout
    )
    assert "Traceback" not in result.stderr and not fitted.exists()


def test_fitting_without_scikit_learn_says_how_to_install_it(tmp_path: Path) -> None:
    program = (
        "import sys; sys.modules['sklearn'] = None; from bot.verdict import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    fitted = tmp_path / "verdict.json"
    result = subprocess.run(
        [sys.executable, "-c", program, "fit", str(DEV), "--output", str(fitted)],
        capture_output=True, text=True, cwd=ROOT, env=clean_environ(), timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Cannot fit: fitting needs scikit-learn: pip install" in result.stdout
    assert not fitted.exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "Expecting property name"),
        ("[]", "expected a mapping"),
        ('{"weights": 3, "bias": 0, "floor": 0.5}', "'weights' must map each measure"),
        (
            json.dumps({"weights": {"score": 1.0}, "bias": 0, "floor": 0.5}),
            "none for some it needs (lead",
        ),
        (
            json.dumps({"weights": dict.fromkeys([*MEASURES, "mood"], 1.0), "bias": 0}),
            "measures it does not know (mood)",
        ),
        (
            json.dumps({"weights": dict.fromkeys(MEASURES, 1.0), "bias": "x", "floor": 0.5}),
            "must be a finite number",
        ),
        (
            json.dumps({"weights": dict.fromkeys(MEASURES, 1.0), "bias": 0, "floor": 2}),
            "'floor' must be between 0 and 1",
        ),
    ],
)
def test_a_broken_weights_file_is_named_with_what_is_wrong(
    tmp_path: Path, content: str, problem: str
) -> None:
    broken = tmp_path / "verdict.json"
    broken.write_text(content, "utf-8")
    with pytest.raises(VerdictError) as raised:
        load_verdict(broken)
    assert str(broken) in str(raised.value) and problem in str(raised.value)
    with pytest.raises(VerdictError):
        load_verdict(tmp_path / "missing.json")
