"""Verdict: how likely the best fact answers a question, judged from what the ranking saw.

The ranking scores each fact; the decider answers the best one when its score clears the
threshold and the runner-up. A score alone mixes up a fact that answers with one that only
shares the question's words, so before answering, the decider asks the verdict: a logistic model
over measures that any pack has (the score and its lead, the classifier's view,
the kind of message, the question's words the pack or the fact never uses...; how likely the
classifier finds the message one that no fact answers is 0 in a pack whose classifier was not
fitted on such questions). An answer it
finds unlikely is offered as "did you mean" instead.

Its weights are in `verdict.json` beside this file, fitted on question sets whose right answers
are known by `python -m bot.verdict fit QUESTIONS.yaml...` (scikit-learn, in the fit extra): the
model is fitted on replies the engine gives without it, so refit it after changing the engine.
When the pack's classifier was fitted on development questions too, each is asked of a
classifier fitted without it (out of fold): as the questions the bot has never seen are.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.errors import BotError

if TYPE_CHECKING:
    from bot.evaluation import Item
    from bot.index import FactIndex
    from bot.interpret import Query
    from bot.knowledge import Pack
    from bot.matching import Engine
    from bot.scoring import Match

MEASURES = (
    "score",
    "lead",
    "likelihood",
    "no_likelihood",
    "long",
    "clause",
    "polar",
    "follow_up",
    "unresolved",
    "elsewhere",
    "tokens",
    "unknown_share",
    "same_quote",
    "missing_share",
    "missing_most",
    "known",
    "missing",
    "focus_missing_share",
    "unanswered",
)
"""What the verdict weighs, in order (`measures` says what each is)."""

PATH = Path(__file__).with_name("verdict.json")
"""The fitted weights the engine uses."""


class VerdictError(BotError):
    """The verdict's weights file is missing, unreadable or does not fit these measures."""

    label = "Broken verdict weights"


@dataclass(frozen=True, slots=True)
class Verdict:
    """A fitted logistic model: the likelihood that the best fact answers, and the floor under
    which it is not answered outright."""

    weights: tuple[float, ...]
    """One weight for each of `MEASURES`."""
    bias: float
    floor: float
    """Under this likelihood, an answer is offered instead of given."""

    def likelihood(self, measured: Sequence[float]) -> float:
        """Return how likely the measured best fact answers the question, from 0 to 1."""
        z = self.bias + sum([w * x for w, x in zip(self.weights, measured, strict=True)])
        # (Clamped: exp overflows past about 709.)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def measures(index: FactIndex, query: Query, ranked: list[Match], unanswered: float) -> list[float]:
    """Return what the verdict weighs of a ranking's best fact, in the order of `MEASURES`:
    its score and lead over the runner-up; how likely the classifier found it (and whether it
    was asked); whether the message is long, a clause of one, a yes/no question, a follow-up, a
    "they" standing for nobody, or shows signs of another event; how many tokens the question
    has and the share the pack never uses; whether the runner-up quotes the same sentence; and,
    of the question's known telling words, the share of their weight the fact lacks, the weight
    of the weightiest it lacks, how many there are and how many it lacks; and the share it
    lacks of those of a long message's questions, apart from its chatter (0 for a message
    without); and how likely the classifier finds the message one that no fact answers
    (`unanswered`, 0 for a follow-up: its words alone do not say what it asks)."""
    top = ranked[0]
    runner = ranked[1] if len(ranked) > 1 else None
    tokens = query.tokens
    idf, vocab = index.idf, index.vocab[top.fact]
    known = [t for t in tokens if t in idf and t not in index.weak_tokens]
    known_weight = sum([idf[t] for t in known])
    missing = [idf[t] for t in known if t not in vocab]
    same_quote = runner is not None and bool(
        index.fact_sentences[top.fact] & index.fact_sentences[runner.fact]
    )
    return [
        top.score,
        top.score - (runner.score if runner is not None else 0.0),
        top.opinion[0] if top.opinion is not None else 0.0,
        1.0 if top.opinion is None else 0.0,
        float(query.long),
        float(query.clause),
        float(query.polar),
        float(query.last is not None),
        float(query.unresolved),
        float(query.elsewhere > 0),
        float(len(tokens)),
        sum(t not in idf for t in tokens) / len(tokens) if tokens else 0.0,
        float(same_quote),
        sum(missing) / known_weight if known_weight else 0.0,
        max(missing, default=0.0),
        float(len(known)),
        float(len(missing)),
        _focus_missing(index, query, vocab),
        unanswered if query.last is None else 0.0,
    ]


def _focus_missing(index: FactIndex, query: Query, vocab: frozenset[str]) -> float:
    """Return the share of the weight of a long message's questions' known telling words that
    a fact (its `vocab`) lacks: "... for my report on the fighting in 2013. Which French
    soldiers were wounded at Ber?" asks nothing its chatter's words tell. (0 when its questions
    say too little to be read apart, as for a message without any.)"""
    # (In a fixed order: a sum of floats depends on it.)
    focus = sorted(t for t in query.focus if t in index.idf and t not in index.weak_tokens)
    weight = sum([index.idf[t] for t in focus])
    return sum([index.idf[t] for t in focus if t not in vocab]) / weight if weight else 0.0


def load_verdict(path: Path = PATH) -> Verdict:
    """Read fitted weights, checking each measure has one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise VerdictError(f"{path}: {error}") from error
    if not isinstance(data, dict):
        raise VerdictError(f"{path}: expected a mapping of measures to weights")
    weights = data.get("weights")
    if not isinstance(weights, dict):
        raise VerdictError(f"{path}: 'weights' must map each measure to a number")
    unknown = sorted(set(weights) - set(MEASURES))
    lacking = [m for m in MEASURES if m not in weights]
    if unknown or lacking:
        raise VerdictError(
            f"{path}: weights for measures it does not know ({', '.join(unknown) or 'none'}) "
            f"or none for some it needs ({', '.join(lacking) or 'none'}); refit it"
        )
    numbers = [weights[m] for m in MEASURES] + [data.get("bias"), data.get("floor")]
    if not all(isinstance(x, int | float) and math.isfinite(x) for x in numbers):
        raise VerdictError(f"{path}: every weight, 'bias' and 'floor' must be a finite number")
    floor = float(data["floor"])
    if not 0.0 <= floor <= 1.0:
        raise VerdictError(f"{path}: 'floor' must be between 0 and 1, not {floor}")
    return Verdict(tuple(float(weights[m]) for m in MEASURES), float(data["bias"]), floor)


STRENGTH = 0.1
"""The inverse of the regularisation strength: weights kept small, so that the score does not
all but decide alone (fitted with 1.0, the second pack's plain "where did the flood happen?",
scoring 0.59 and missing nothing, fell under the floor)."""
FOLDS = 5
"""How many parts a question file the pack's classifier was fitted on is cut into, to ask each
part of a classifier fitted without it: to fit the verdict, and to score the file out of fold
(`bot.evaluation.run_out_of_fold`)."""
FLOOR = 0.45
"""The floor a fit writes unless told another: on the held-aside questions it declined as many
wrong answers as it could without losing right ones."""


def observed(engine: Engine, items: Sequence[Item]) -> tuple[list[list[float]], list[int]]:
    """Ask every item with no verdict in the way, and return the measures of every ranking the
    decider is shown for its scored turn, each with whether answering its best fact would have
    been right. (Most are never judged at run time, which asks only of a fact about to be
    answered: fitted on those alone, the model did worse.)"""
    from bot.evaluation import ANSWERED_KINDS

    seen: list[tuple[list[float], int]] = []

    def observe(query: Query, ranked: list[Match], unanswered: float) -> None:
        seen.append((measures(engine.index, query, ranked, unanswered), ranked[0].fact))

    decider = engine.decider
    verdict = decider.verdict
    rows: list[list[float]] = []
    labels: list[int] = []
    facts = engine.index.facts
    shown = [
        " ".join([fact.answer, *(c.text for c in fact.citations)]).casefold() for fact in facts
    ]
    decider.verdict = None
    try:
        for item in items:
            context = None
            for number, turn in enumerate(item.turns):
                scored = number == len(item.turns) - 1
                decider.observe = observe if scored else None
                context = engine.answer(turn, context=context).context
            decider.observe = None
            answers = item.kind in ANSWERED_KINDS or item.kind == "either"
            for row, fact in seen:
                rows.append(row)
                right = answers and any(p.casefold() in shown[fact] for p in item.expect)
                labels.append(int(right))
            seen.clear()
    finally:
        decider.verdict, decider.observe = verdict, None
    return rows, labels


def observed_out_of_fold(
    pack: Pack, items: Sequence[Item], folds: int = FOLDS
) -> tuple[list[list[float]], list[int]]:
    """Return `observed` for questions the pack's classifier was fitted on: each item asked of
    an engine whose classifier was fitted on the pack's phrasings and the items of the other
    folds, as a question it has never seen is. (Fitted on questions it has seen, the verdict
    trusts the classifier more than it deserves on new ones.) The items are dealt into the
    folds in turn. (By their text instead, so that a question asked twice over falls in one
    fold, the development set gained 2 right answers and its sessions 1 wrong one; the
    held-aside set 3 wrong ones.)"""
    from bot.evaluation import fold_engines

    rows: list[list[float]] = []
    labels: list[int] = []
    for engine, positions in fold_engines(pack, items, folds, verdict=None):
        found = observed(engine, [items[n] for n in positions])
        rows += found[0]
        labels += found[1]
    return rows, labels


def fit(rows: list[list[float]], labels: list[int], *, floor: float = FLOOR) -> dict[str, Any]:
    """Return the weights of a logistic model fitted on observed measures, as saved."""
    from bot.fitting import require_fitting

    require_fitting()
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    if len(set(labels)) < 2:
        raise VerdictError(
            "the questions give no ranking whose best fact would be right, or none whose would "
            "be wrong: fit on questions of every kind"
        )
    scaler = StandardScaler().fit(rows)
    model = LogisticRegression(C=STRENGTH, max_iter=5000).fit(scaler.transform(rows), labels)
    # Undo the scaling, so that the bot weighs the measures as they are.
    scaled = model.coef_[0] / scaler.scale_
    bias = float(model.intercept_[0]) - float(sum(scaled * scaler.mean_))
    return {
        "floor": floor,
        "bias": round(bias, 6),
        "weights": {m: round(float(w), 6) for m, w in zip(MEASURES, scaled, strict=True)},
        "fitted_on": len(labels),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m bot.verdict fit QUESTIONS.yaml...`: refit the verdict's weights."""
    import argparse

    from bot.evaluation import load_questions
    from bot.knowledge import load_pack
    from bot.matching import Engine

    parser = argparse.ArgumentParser(prog="python -m bot.verdict", description=__doc__)
    parser.add_argument("command", choices=["fit"])
    parser.add_argument("questions", nargs="+", type=Path, metavar="QUESTIONS.yaml")
    parser.add_argument("--floor", type=float, default=FLOOR)
    parser.add_argument("--output", type=Path, default=PATH)
    args = parser.parse_args(argv)
    try:
        files = [(path.name, load_questions(path)) for path in args.questions]
        items = [item for _, questions in files for item in questions]
        pack = load_pack()
        # The questions of the files the classifier was fitted on are asked out of fold; any
        # others as they are (it never saw them).
        fitted_on = set(pack.classifier.questions) if pack.classifier is not None else set()
        seen = [item for name, questions in files if name in fitted_on for item in questions]
        unseen = [item for name, questions in files if name not in fitted_on for item in questions]
        rows, labels = observed_out_of_fold(pack, seen) if seen else ([], [])
        if unseen:
            more = observed(Engine(pack, verdict=None), unseen)
            rows, labels = rows + more[0], labels + more[1]
        fitted = fit(rows, labels, floor=args.floor)
    except BotError as error:
        print(f"{error.label}: {error}")
        return error.exit_status
    args.output.write_text(json.dumps(fitted, indent=1) + "\n", encoding="utf-8")
    how = f", {len(seen)} of them out of {FOLDS} folds" if seen else ""
    print(f"{args.output}: fitted on {len(labels)} rankings of {len(items)} questions{how}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
