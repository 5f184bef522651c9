"""The second opinion: a classifier fitted on the pack's phrasings, read from the pack's
classifier.json, that turns answers the engine is unsure of into "did you mean" when it finds
another fact far likelier."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

import bot.evaluation
from bot.evaluation import OWN_PARTS, Item, fold_engines, load_questions, run_out_of_fold
from bot.fitting import answering_fact, fit, unanswered_question
from bot.knowledge import CLASSIFIER_FILE, KnowledgeError, Pack, load_pack
from bot.matching import Engine
from bot.opinion import UNANSWERED, Classifier, Likelihood, Opinion, features, with_tokens
from bot.replies import render_debug, render_why
from bot.reply import Outcome, Reason
from bot.text import normalize
from tests.commandline import REFITTED, ROOT, clean_environ, run_bot

SECOND_PACK = ROOT / "tests" / "packs" / "lantern-festival"
DISPUTED = "Which militia launched the assault on the town?"
"""A question the engine alone answers, unsure, with a fact the classifier finds unlikely."""


def test_features_are_words_word_pairs_and_letter_groups_within_words() -> None:
    found = features("who won battle")
    assert {"w who", "w won", "w battle", "w who won", "w won battle"} <= set(found)
    assert {" who ", " won ", " batt", "battl", "attle", "ttle "} <= set(found)
    assert len(found) == 3 + 2 + 6  # no letter group crosses words
    assert features("") == []


def test_a_message_s_matching_tokens_are_words_of_their_own_after_its_words() -> None:
    """(Synonyms folded and names as their entities: "triumphed" is "win", "the Arabs" the MAA.)"""
    text = with_tokens("who triumphed", ["who", "win"])
    assert text == "who triumphed ~who ~win"
    found = features(text)
    assert {"w ~who", "w ~win", "w who triumphed"} <= set(found)
    # Neither letter groups of a token nor pairs with one: a token is a meaning, not a spelling.
    assert not any("~" in f for f in found if not f.startswith("w ~"))
    assert "w triumphed ~who" not in found and "w ~who ~win" not in found
    assert with_tokens("", []) == ""


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        pytest.param(
            "which faction triumphed at Ber?",
            "who-won",
            marks=pytest.mark.xfail(
                strict=True,
                reason=REFITTED + ", the classifier finds 'which faction' likelier to ask "
                "who fought (44% against 36%)",
            ),
        ),
        ("which side triumphed at Ber?", "who-won"),
        ("how many noncombatants perished at Ber?", "civilians-killed"),
        ("what did the militiamen plunder on the second raid?", "houses-and-shops-looted"),
    ],
)
def test_the_classifier_reads_a_word_as_the_synonym_it_folds_into(
    engine: Engine, question: str, fact_id: str
) -> None:
    """A word the phrasings seldom or never use weighs as the word the language data or the
    pack's synonyms fold it into ("triumphed" as "won", "perished" as "killed"): read by its
    letters alone, "which faction triumphed at Ber?" was likeliest "who controlled Ber before?"."""
    likely = engine.likelihood(question)
    assert likely is not None
    opinion = likely.opinion(fact_id)
    assert opinion is not None and opinion.best == fact_id and opinion.probability > 0.6


def test_a_loaded_classifier_keeps_a_feature_in_a_few_bytes_besides_its_name(pack: Pack) -> None:
    """Every feature's weights lie end to end in flat arrays shared by all (`Classifier.rows`
    tells each its row): a feature costs its name, its slot and a few bytes, not a tuple, a
    bytes and an array of its own (about 200 bytes a feature: twice the memory, and ten times
    as long to unpickle with a saved engine)."""
    assert pack.classifier is not None
    data = json.loads(json.dumps(pack.classifier.to_data()))
    tracing = tracemalloc.is_tracing()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        loaded = Classifier.from_data(data, Path("classifier.json"))
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        if not tracing:
            tracemalloc.stop()
    assert json.loads(json.dumps(loaded.to_data())) == data
    # (The names are those of the classifier the `pack` fixture loaded, interned: loading them
    # again costs nothing. About 100 bytes a feature: its slot in `rows` and its row's number
    # the most of them.)
    assert kept < 128 * len(data["idf"])


@pytest.mark.parametrize(
    "question",
    ["who won the battle of ber", "battle battles battled at ber ber", "zzz qqq", "", "who"],
)
def test_reading_word_by_word_gives_the_probabilities_of_the_whole_feature_set(
    pack: Pack, question: str
) -> None:
    classifier = pack.classifier
    assert classifier is not None
    # TF-IDF with binary term frequency, scaled to length 1, then the logistic regression.
    found = {f: idf for f in features(question) if (idf := classifier.idf(f)) is not None}
    norm = math.sqrt(sum(idf**2 for idf in found.values())) or 1.0
    scores = list(classifier.intercepts)
    for feature in found:
        for number, weight in zip(*classifier.weights(feature), strict=True):
            scores[number] += weight / norm
    exps = [math.exp(s - max(scores)) for s in scores]
    expected = [e / sum(exps) for e in exps]
    for _ in range(2):  # the second time from the words it has worked out
        assert classifier.probabilities(question) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("directory", [None, SECOND_PACK], ids=["bundled", "second"])
def test_each_pack_ships_a_classifier_fitted_on_its_current_phrasings(
    directory: Path | None,
) -> None:
    pack = load_pack(directory)
    assert pack.classifier is not None, pack.classifier_note
    # (After them, the class of the questions no fact answers, when fitted on some.)
    assert pack.classifier.facts[: len(pack.facts)] == [f.id for f in pack.facts]
    assert pack.classifier.facts[len(pack.facts) :] in ([], [UNANSWERED])


@pytest.mark.parametrize(
    ("question", "unanswered"),
    [
        # A detail of a fact's event the article does not give...
        ("which gangs in particular was the MAA looking for?", True),
        ("what became of the seized truck?", True),
        # ... not what the fact says.
        ("What was the MAA searching for near Ber?", False),
        ("Which vehicles were seized on May 5?", False),
    ],
)
def test_the_classifier_learns_how_the_questions_no_fact_answers_are_put(
    pack: Pack, question: str, unanswered: bool
) -> None:
    """Fitted on the development questions the article does not answer as one more class, after
    the facts, it finds a question asking what the article lacks likelier one of them than one
    asked of any fact; among the facts alone, their likelihoods share what it leaves them."""
    assert pack.classifier is not None and pack.classifier.unanswered == len(pack.facts)
    likely = Likelihood(pack.classifier, normalize(question))
    assert likely.unanswered() is unanswered
    assert (likely.unanswered_share() > 0.5) is unanswered
    among_facts = likely.of_facts()
    assert among_facts[pack.classifier.unanswered] == 0
    assert sum(among_facts) == pytest.approx(1.0)


def test_the_words_it_learned_are_learned_as_words_of_facts_not_of_questions_none_answers(
    pack: Pack,
) -> None:
    """("exactly" weighs most on the class of the questions no fact answers: the facts it
    learned it as a word of are the facts it weighs most on after it.)"""
    classifier = pack.classifier
    assert classifier is not None and classifier.unanswered is not None
    learned = classifier.learned("exactly", 20.0, 3)
    assert learned and classifier.unanswered not in learned
    assert all(0 <= n < len(pack.facts) for n in learned)


def test_a_classifier_fitted_without_questions_no_fact_answers_has_no_class_for_them(
    pack: Pack,
) -> None:
    classifier = fit(replace(pack, classifier=None))
    assert classifier.unanswered is None and UNANSWERED not in classifier.facts
    likely = Likelihood(classifier, normalize("what became of the seized truck?"))
    assert likely.unanswered_share() == 0 and not likely.unanswered()
    assert likely.of_facts() == likely.probabilities()


def test_refitting_a_pack_gives_the_same_opinions_as_its_shipped_classifier(
    pack_copy: Path, pack: Pack
) -> None:
    (pack_copy / CLASSIFIER_FILE).unlink()
    data = ROOT / "tests" / "data"
    result = run_bot(
        "pack", "fit", str(pack_copy),
        "--questions", str(data / "dev.yaml"), "--questions", str(data / "train.yaml"),
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "fitted on" in result.stdout and "43 facts" in result.stdout
    assert "questions of dev.yaml" in result.stdout and "questions of train.yaml" in result.stdout
    refitted = load_pack(pack_copy).classifier
    shipped = pack.classifier
    assert refitted is not None and shipped is not None
    assert refitted.fitted_on == shipped.fitted_on
    assert refitted.questions == shipped.questions and shipped.questions["dev.yaml"] > 2000
    # (Fitted on the blind-written questions that are no longer held aside too.)
    assert shipped.questions["train.yaml"] > 4000
    for item in load_questions(ROOT / "tests" / "data" / "dev.yaml")[:200]:
        text = normalize(item.turns[-1])
        for a, b in zip(refitted.probabilities(text), shipped.probabilities(text), strict=True):
            assert a == pytest.approx(b, abs=0.01)


def test_out_of_fold_each_question_is_asked_of_a_classifier_fitted_without_it() -> None:
    """The file is dealt into five parts; each part is asked of an engine whose classifier was
    fitted on the phrasings and the other parts, and the results come back in the file's
    order."""
    pack = load_pack(SECOND_PACK)
    assert pack.classifier is not None
    items = load_questions(SECOND_PACK / "questions.yaml")

    def taught(item: Item) -> bool:  # (What a question teaches the classifier, see `fit`.)
        return answering_fact(pack.facts, item) is not None or unanswered_question(item)

    seen: list[int] = []
    for engine, positions in fold_engines(pack, items):
        classifier = engine.pack.classifier
        assert classifier is not None and classifier.fitted_on == pack.classifier.fitted_on
        others = [item for n, item in enumerate(items) if n not in positions]
        assert classifier.questions["questions"] == sum(map(taught, others)) > 0
        seen += positions
    assert sorted(seen) == list(range(len(items)))
    results = run_out_of_fold(pack, items).results
    assert [r.item for r in results] == items


def test_the_parts_fitted_side_by_side_are_those_fitted_one_after_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`fold_engines` fits the parts' classifiers in processes of their own, two at once here
    whatever the machine: each is the classifier `fit` gives in this process for the same
    questions."""
    monkeypatch.setattr(bot.evaluation, "FITTING_PROCESSES", 2)
    pack = load_pack(SECOND_PACK)
    items = load_questions(SECOND_PACK / "questions.yaml")
    for engine, positions in fold_engines(pack, items):
        others = [item for n, item in enumerate(items) if n not in positions]
        alone = fit(pack, [(OWN_PARTS, others)])
        assert engine.pack.classifier is not None
        assert engine.pack.classifier.to_data() == alone.to_data()


def test_out_of_fold_each_part_is_fitted_on_the_other_files_too() -> None:
    """Besides the other parts, each part's classifier is fitted on every question of the
    other files given, as the pack's was."""
    pack = load_pack(SECOND_PACK)
    items = load_questions(SECOND_PACK / "questions.yaml")
    other, asked = items[:40], items[40:]
    taught = [answering_fact(pack.facts, i) is not None or unanswered_question(i) for i in other]
    parts = 0
    for engine, positions in fold_engines(pack, asked, besides=[("other.yaml", other)]):
        classifier = engine.pack.classifier
        assert classifier is not None and classifier.questions["other.yaml"] == sum(taught) > 0
        assert max(positions) < len(asked)
        parts += 1
    assert parts == 5


def test_fitting_without_scikit_learn_says_how_to_install_it(pack_copy: Path) -> None:
    # The command line as it runs where scikit-learn is not installed.
    program = (
        "import sys; sys.modules['sklearn'] = None; from bot.__main__ import main; "
        "sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program, "pack", "fit", str(pack_copy), "--phrasings-only"],
        capture_output=True, text=True, cwd=ROOT, env=clean_environ(), timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert "Cannot fit: fitting needs scikit-learn: pip install" in result.stderr


def test_an_edited_phrasing_leaves_the_classifier_unused_until_refitted(pack_copy: Path) -> None:
    path = pack_copy / "facts" / "infobox.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Who won the Battle of Ber?", "Who won at Ber?", 1), "utf-8")
    pack = load_pack(pack_copy)
    assert pack.classifier is None
    assert pack.classifier_note is not None and "pack fit" in pack.classifier_note
    checked = run_bot("check", "--knowledge", str(pack_copy))
    assert checked.returncode == 0
    assert "warning: classifier.json was fitted on other phrasings" in checked.stdout
    # (Fitted on development questions too, it says to fit on them again.)
    assert "pack fit --questions dev.yaml" in checked.stdout
    strict = run_bot("check", "--strict", "--knowledge", str(pack_copy))
    assert strict.returncode == 1 and "classifier out of date (--strict)" in strict.stdout
    assert run_bot("pack", "fit", str(pack_copy), "--phrasings-only").returncode == 0
    assert load_pack(pack_copy).classifier is not None
    assert run_bot("check", "--strict", "--knowledge", str(pack_copy)).returncode == 0


def _development_questions(pack_dir: Path) -> int:
    """Return how many development questions a pack's classifier was fitted on."""
    classifier = load_pack(pack_dir).classifier
    assert classifier is not None
    return classifier.questions["dev.yaml"]


def test_refitting_without_the_question_files_it_was_fitted_on_says_so_and_keeps_it(
    pack_copy: Path,
) -> None:
    path = pack_copy / CLASSIFIER_FILE
    shipped = path.read_bytes()
    counted = _development_questions(pack_copy)
    refused = run_bot("pack", "fit", str(pack_copy))
    assert refused.returncode == 2
    assert f"was fitted on {counted} questions of dev.yaml" in refused.stderr
    assert (
        "--questions PATH/dev.yaml --questions PATH/train.yaml, or with --phrasings-only"
        in refused.stderr
    )
    assert path.read_bytes() == shipped  # nothing lost
    # Said so, it fits on the phrasings alone; after that, a plain refit needs nothing more.
    assert run_bot("pack", "fit", str(pack_copy), "--phrasings-only").returncode == 0
    refitted = load_pack(pack_copy).classifier
    assert refitted is not None and refitted.questions == {}
    assert run_bot("pack", "fit", str(pack_copy)).returncode == 0


def test_refitting_with_other_question_files_than_it_was_fitted_on_says_so(
    pack_copy: Path,
) -> None:
    path = pack_copy / CLASSIFIER_FILE
    shipped = path.read_bytes()
    other = SECOND_PACK / "questions.yaml"
    counted = _development_questions(pack_copy)
    refused = run_bot("pack", "fit", str(pack_copy), "--questions", str(other))
    assert refused.returncode == 2
    assert f"fitted on {counted} questions of dev.yaml" in refused.stderr
    assert "--questions PATH/questions.yaml --questions PATH/dev.yaml" in refused.stderr
    assert path.read_bytes() == shipped
    # Fitting on the phrasings only and on question files are two choices, not one.
    both = run_bot("pack", "fit", str(pack_copy), "--questions", str(other), "--phrasings-only")
    assert both.returncode == 2 and "not allowed with argument" in both.stderr
    assert path.read_bytes() == shipped


def test_a_pack_without_a_classifier_answers_and_check_suggests_fitting_one(
    pack_copy: Path,
) -> None:
    (pack_copy / CLASSIFIER_FILE).unlink()
    assert load_pack(pack_copy).classifier is None
    checked = run_bot("check", "--knowledge", str(pack_copy))
    assert checked.returncode == 0
    assert "No classifier: answers get no second opinion" in checked.stdout
    asked = run_bot("ask", "--knowledge", str(pack_copy), "--json", DISPUTED)
    assert json.loads(asked.stdout)["answered"] is True


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ('{"format": 99}', "not a classifier file of format 1"),
        (
            '{"format": 1, "facts": ["a"], "intercepts": [0.0], "idf": {"x": 1.0},'
            ' "weights": {"x": [[5], [0.5]]}}',
            "the weights of feature 'x' are malformed",
        ),
        (
            '{"format": 1, "facts": ["a"], "intercepts": [0.0], "idf": {"x": 1.0},'
            ' "weights": {"x": [[0], ["heavy"]]}}',
            "the weights of feature 'x' are malformed",
        ),
        (
            '{"format": 1, "facts": ["a"], "intercepts": [0.0], "idf": {"x": [1]}, "weights": {}}',
            "'idf' must map each feature to a number",
        ),
    ],
)
def test_a_broken_classifier_file_stops_the_bot_naming_the_file(
    pack_copy: Path, content: str, problem: str
) -> None:
    (pack_copy / CLASSIFIER_FILE).write_text(content, "utf-8")
    with pytest.raises(KnowledgeError, match=problem) as raised:
        load_pack(pack_copy)
    assert CLASSIFIER_FILE in str(raised.value)
    result = run_bot("ask", "--knowledge", str(pack_copy), "who won?")
    assert result.returncode == KnowledgeError.exit_status
    assert CLASSIFIER_FILE in result.stderr and problem in result.stderr


def test_an_unsure_answer_the_classifier_disputes_is_offered_as_did_you_mean(
    engine: Engine, pack: Pack
) -> None:
    alone = Engine(replace(pack, classifier=None)).answer(DISPUTED)
    assert alone.answered and alone.confidence < engine.weights.disputable
    reply = engine.answer(DISPUTED)
    assert reply.outcome is Outcome.SUGGEST and reply.reason is Reason.DISPUTED
    assert reply.opinion is not None and reply.opinion.fact == alone.fact_id
    assert reply.opinion.probability < engine.weights.disputed
    chosen = pack.fact(alone.fact_id or "")
    likelier = pack.fact(reply.opinion.best)
    assert chosen is not None and likelier is not None
    assert reply.suggestions == (chosen.questions[0], likelier.questions[0])
    why = " ".join(render_why(reply, pack))
    assert "looks more like" in why and chosen.questions[0] in why
    debug = render_debug(reply)
    assert "reason disputed" in debug
    assert f"[second opinion: {chosen.id} " in debug and f"likelier {likelier.id} " in debug


def test_a_ranking_led_beyond_doubt_is_left_as_it_is(engine: Engine, pack: Pack) -> None:
    """The classifier's share moves a score by at most that share: a best fact far enough
    above the bar and the runner-up keeps its place and its score, whatever it thinks. (Its
    share of the score, that is: the words it learned as a fact's, which several signals take
    as the fact's own, are another matter, and are learned of no fact here: see
    `Weights.learned_weight`.)"""
    alone = Engine(replace(pack, classifier=None))
    weights = replace(engine.weights, learned_weight=float("inf"))
    engine = Engine(pack, weights=weights)
    share = engine.weights.opinion_share
    # (Scores are shown rounded: a thousandth more keeps clear of the bounds.)
    sure, lead = engine.thresholds.sure / (1 - share) + 1e-3, share / (1 - share) + 1e-3
    checked = 0
    for item in load_questions(ROOT / "tests" / "data" / "dev.yaml"):
        question = item.turns[-1]
        ranked = alone.rank(question, limit=2)
        if len(ranked) < 2 or ranked[0].score < sure or ranked[0].score - ranked[1].score < lead:
            continue
        assert engine.rank(question, limit=2) == ranked, question
        checked += 1
    assert checked > 100


def test_a_best_fact_the_classifier_could_lift_into_the_verdict_s_band_gets_its_share(
    engine: Engine, pack: Pack
) -> None:
    """The classifier's share is left out only of a ranking it could not lift to any score
    that is acted on: a best fact that its share could raise to where the verdict may answer
    it (`Thresholds.near` under the bar) has it worked out, whatever it thinks."""
    alone = Engine(replace(pack, classifier=None))
    share, limits = engine.weights.opinion_share, engine.thresholds
    low = (limits.answer - limits.near - share) / (1 - share) + 1e-3
    high = (limits.answer * engine.weights.long_bar - share) / (1 - share) - 1e-3
    checked = unmoved = 0
    for item in load_questions(ROOT / "tests" / "data" / "dev.yaml"):
        question = item.turns[-1]
        ranked = alone.rank(question, limit=1)
        if not ranked or not low <= ranked[0].score < high:
            continue
        checked += 1
        unmoved += engine.rank(question, limit=1) == ranked
    assert checked > 50
    assert unmoved < checked / 10


def test_near_the_bar_the_classifier_is_one_of_the_signals_shown(engine: Engine) -> None:
    """Near the bar, how likely the classifier finds the fact is one of the signals that moved
    its score: the share of it that goes by that likelihood (a fact it finds likely keeps
    nearly all of a high score; one it finds unlikely loses a tenth)."""
    reply = engine.answer("when did the maa")
    [signal] = [s for s in reply.signals if s.name == "classifier"]
    assert signal.factor != 1.0 and "likely" in signal.reason
    assert engine.pack.classifier is not None
    view = engine.pack.classifier.opinion(normalize("when did the maa"), reply.fact_id or "")
    assert view is not None and signal.factor > 0.9 + 0.1 * view.probability - 0.01
    assert reply.runner_up is not None and reply.confidence - reply.runner_up.score < 0.1


def test_a_surer_answer_gives_way_to_a_classifier_as_sure_of_another_fact(
    engine: Engine, pack: Pack
) -> None:
    """Scores from 0.8 to 0.95 are put to the classifier as well, and give way when it finds
    another fact fairly likely (`overruling`) and this one unlikely: here that other fact
    scored enough itself, and is the answer (else both are offered)."""
    question = "@BerFactsBot ethnicity MAA vs MNLA"
    alone = Engine(replace(pack, classifier=None)).answer(question)
    reply = engine.answer(question)
    assert reply.reason is Reason.SECONDED and reply.opinion is not None
    assert reply.runner_up is not None and reply.runner_up.fact_id == alone.fact_id
    assert engine.weights.disputable <= reply.runner_up.score < engine.weights.overruled
    assert reply.opinion.probability < engine.weights.disputed
    assert reply.opinion.best_probability >= engine.weights.overruling
    assert alone.fact_id == reply.opinion.fact != reply.opinion.best == reply.fact_id


SECONDED = (
    "Raids are often about loot more than land, as in many wars. What did the MAA actually do "
    "during the May 5 attack on Ber?"
)


def test_a_disputed_answer_gives_way_to_the_runner_up_the_classifier_finds_likely(
    engine: Engine, pack: Pack
) -> None:
    """The ranking puts first a fact the classifier finds unlikely; the runner-up is the one it
    finds likely (at least `seconding`), and scored the bar itself: both find it a fit, and it
    is the answer, not an offer of both."""
    alone = Engine(replace(pack, classifier=None)).answer(SECONDED)
    reply = engine.answer(SECONDED)
    assert reply.answered and reply.reason is Reason.SECONDED
    assert reply.opinion is not None and reply.opinion.best == reply.fact_id
    assert reply.opinion.best_probability >= engine.weights.seconding
    assert reply.opinion.probability < engine.weights.disputed
    assert reply.runner_up is not None and reply.runner_up.fact_id == reply.opinion.fact
    assert reply.runner_up.score > reply.confidence >= reply.threshold
    assert alone.fact_id == reply.runner_up.fact_id
    why = " ".join(render_why(reply, pack))
    assert "looks much more like the one I answered" in why
    assert reply.runner_up.question in why


def test_a_disputed_answer_is_offered_when_the_likelier_fact_scored_under_the_bar(
    engine: Engine,
) -> None:
    """The classifier's pick is answered only when the ranking finds it a fit too: under the
    bar, the disputed answer and it are offered (`DISPUTED`)."""
    reply = engine.answer(DISPUTED)
    assert reply.reason is Reason.DISPUTED and reply.opinion is not None
    ranked = {c.fact_id: c.score for c in engine.rank(DISPUTED, limit=10)}
    assert ranked.get(reply.opinion.best, 0.0) < reply.threshold


class _View:
    """A classifier's view of one question, as `Decider.doubt` reads it: the fact it finds
    likeliest and how likely, and how likely it finds the answer."""

    def __init__(self, best: str, best_probability: float, probability: float) -> None:
        self.best, self.best_probability, self.probability = best, best_probability, probability

    def opinion(self, fact_id: str) -> Opinion:
        return Opinion(fact_id, self.best, self.best_probability, self.probability)


@pytest.mark.parametrize("other", [0.2, 0.35])
def test_a_surer_answer_stands_when_the_classifier_finds_no_other_fact_that_likely(
    engine: Engine, other: float
) -> None:
    """The classifier finds another fact likelier than the answer, and the answer unlikely, but
    none fairly likely: a ranking this sure stands; one less sure is disputed."""
    decider, weights = engine.decider, engine.weights
    fact = engine.index.fact_index["maa-seized-ber"]
    view = _View("french-did-not-intervene", other, weights.disputed / 2)
    surer = (weights.disputable + weights.overruled) / 2
    assert other < weights.overruling
    assert decider.doubt(view, fact, surer) is None  # type: ignore[arg-type]
    less_sure = weights.disputable - 0.05
    assert decider.doubt(view, fact, less_sure) is not None  # type: ignore[arg-type]
    likelier = _View("french-did-not-intervene", weights.overruling, weights.disputed / 2)
    assert decider.doubt(likelier, fact, surer) is not None  # type: ignore[arg-type]


def test_a_turn_leaning_on_the_conversation_is_not_disputed(engine: Engine) -> None:
    first = engine.answer("who were the 23 people held in ber?")
    reply = engine.answer("what happened to them in the end?", context=first.context)
    assert reply.answered and reply.confidence < engine.weights.disputable
    assert engine.pack.classifier is not None
    alone = normalize("what happened to them in the end?")
    view = engine.pack.classifier.opinion(alone, reply.fact_id or "")
    assert view is not None and view.best != reply.fact_id  # read alone, it would be


def _item(question: str, kind: str, *expect: str, turns: tuple[str, ...] = ()) -> Item:
    return Item(turns or (question,), kind, expect, "plain")


def test_a_development_question_is_fitted_as_a_phrasing_of_the_fact_answering_it(
    pack: Pack,
) -> None:
    """The facts scoring would count as answering it (an expected phrase in the answer or its
    cited sentences); of several, the one with a phrasing most like it. Not a conversation's
    last turn, nor a question that should not be answered."""
    facts = pack.facts
    number = {fact.id: n for n, fact in enumerate(facts)}
    assert (
        answering_fact(facts, _item("who came out on top?", "answerable", "MAA victory"))
        == (number["who-won"])
    )
    # "April 21" is in many facts' sentences: the one asked most like it.
    dated = _item("what day did the fighting start?", "answerable", "April 21")
    assert answering_fact(facts, dated) == number["battle-date"]
    assert answering_fact(facts, _item("who led the MNLA?", "absent")) is None
    assert answering_fact(facts, _item("", "answerable", "nowhere in it at all")) is None
    chat = _item("", "answerable", "April 25", turns=("who took Ber?", "when did they leave?"))
    assert answering_fact(facts, chat) is None


def test_fitting_on_development_questions_teaches_the_classifier_their_wording(
    pack: Pack,
) -> None:
    """A wording no phrasing has is learnt from a development question asked that way."""
    asked = "which mob came out of the scrap holding all the cards?"
    taught = [(asked, "answerable", "MAA victory")] * 3
    plain = fit(pack)
    fitted = fit(pack, [("mine.yaml", [_item(*row) for row in taught])])
    assert fitted.questions == {"mine.yaml": 3}
    position = fitted.facts.index("who-won")
    text = normalize("which mob came out of the scrap holding the cards")
    assert fitted.probabilities(text)[position] > plain.probabilities(text)[position] + 0.2


def test_a_claim_getting_a_figure_wrong_is_corrected_only_by_the_fact_checked(
    engine: Engine,
) -> None:
    """A claim's figure is checked against the fact it matched; a runner-up the classifier
    prefers, never checked, does not answer it as a correction."""
    reply = engine.answer("ethnicity MAA vs MNLA, 3 groups right?")
    assert reply.reason is not Reason.CORRECTED
    assert reply.reason is not Reason.SECONDED
