"""Score signals: each says how much a fact fails to account for one thing the question asks,
as a factor below 1 and a reason, so `--debug` and `/why` can show what moved a score."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot import lang
from bot.index import FactIndex
from bot.interpret import Query
from bot.vocabulary import Vocabulary
from bot.weights import Weights


@dataclass(frozen=True, slots=True)
class Signal:
    """One thing that moved a fact's score."""

    name: str
    """What the signal checks, e.g. "missing-number"."""
    factor: float
    """How much it multiplied the score by."""
    reason: str
    """What it saw, in a few words."""


@dataclass(frozen=True, slots=True)
class Asked:
    """What one reading of a question asks, worked out once for every fact it is held against."""

    query: Query
    """The reading."""
    first: str | None
    """Its first question word (a later "when" is mostly a conjunction)."""
    checked: frozenset[str]
    """Its tokens that a fact must account for."""


@dataclass(frozen=True, slots=True)
class Judge:
    """What the signals need: the pack's index and vocabulary, and the weights."""

    index: FactIndex
    vocabulary: Vocabulary
    weights: Weights
    asked_kinds: dict[str, str]
    """Question words that need a kind of answer: "many" a number, "when" a date."""
    why: str | None
    """The token of "why"."""


SignalCheck = Callable[[Judge, Asked, int], list[Signal]]


def question_word(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """Asking who, when, where or why, of a fact never asked that way."""
    first, index, w = asked.first, judge.index, judge.weights
    if (
        first is None
        or first not in index.typed_question_tokens
        or first in index.phrasing_words[fact]
    ):
        return []
    factor = w.missing_why if first == judge.why else w.missing_question_word
    return [Signal("missing-question-word", factor, f"never asked '{first}'")]


def answer_kind(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """ "How many planes?" cannot be answered by a fact that holds no number."""
    needed = judge.asked_kinds.get(asked.first or "")
    if needed is None or needed in judge.index.kinds[fact]:
        return []
    return [Signal("missing-kind", judge.weights.missing_kind, f"gives no {needed}")]


def referent(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """ "What was his name?": a fact that does not name him is not about him."""
    missing = asked.query.referents - judge.index.vocab[fact]
    if not missing:
        return []
    return [Signal("missing-referent", judge.weights.missing_referent, ", ".join(sorted(missing)))]


def attributes(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """Asking what kind, how old, how long..., of a fact never asked that."""
    signals = []
    for missing in sorted(asked.query.asks - judge.index.asks[fact]):
        # (People's names are not a group's, however alike the question reads.)
        factor = judge.weights.missing_attribute ** (2 if missing == "names" else 1)
        signals.append(Signal("missing-attribute", factor, f"never asked for {missing}"))
    return signals


def premise(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """ "What happened to him after he was taken?": not that he was taken."""
    given = asked.query.premise
    if not given or not given <= judge.index.told[fact]:
        return []
    return [Signal("tells-the-given", judge.weights.given, "tells only what is taken as given")]


def other_time(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """ "Who held it then?": a fact telling of an earlier (or, "back then", a later) time."""
    since, until = asked.query.since, asked.query.until
    when = judge.index.when[fact]
    if since is None or when == (0, 0):
        return []
    if when < since or (until is not None and when > until):
        return [Signal("other-time", judge.weights.other_time, "tells of another time")]
    return []


def place(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """ "What did they do in X?" is not the fact whose source was from X."""
    missing = asked.query.located - judge.index.fact_places[fact]
    if not missing:
        return []
    return [Signal("other-place", judge.weights.missing_place, ", ".join(sorted(missing)))]


def unexplained(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """Dates, numbers, names and telling words of the question that the fact does not have."""
    index, w, v = judge.index, judge.weights, judge.vocabulary
    signals = []
    for token in sorted(asked.checked - index.vocab[fact]):
        if token.isdigit() or token in lang.MONTHS:
            signals.append(Signal("missing-number", w.missing_number, token))
        elif token.startswith("@"):
            # Another place than the fact's is another event; another group or person may
            # just be named along the way.
            kind = "place" if token in index.places else v.kind(token) or "group"
            factor = {"place": w.missing_place, "person": w.missing_person}.get(
                kind, w.missing_group
            )
            signals.append(Signal(f"missing-{kind}", factor, token[1:]))
        elif not asked.query.long and token not in index.weak_tokens:
            signals.append(Signal("missing-word", w.missing_word, token))
    return signals


SIGNALS: tuple[SignalCheck, ...] = (
    question_word,
    answer_kind,
    referent,
    attributes,
    premise,
    other_time,
    place,
    unexplained,
)
"""Every signal, in the order they are checked and shown."""


def judge_fact(judge: Judge, asked: Asked, fact: int) -> tuple[float, list[Signal]]:
    """Return the product of every signal's factor for a fact, and the signals that fired."""
    fired = [signal for check in SIGNALS for signal in check(judge, asked, fact)]
    factor = 1.0
    for signal in fired:
        factor *= signal.factor
    return factor, fired
