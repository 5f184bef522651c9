"""Score signals: each says how much a fact fails to account for one thing the question asks,
as a factor below 1 and a reason, so `--debug` and `/why` can show what moved a score."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from bot import lang
from bot.index import FactIndex
from bot.interpret import Query
from bot.vocabulary import Vocabulary
from bot.weights import Weights


class Signal(NamedTuple):
    """One thing that moved a fact's score (a named tuple: made for every fact a question
    is held against, so it must be cheap to make)."""

    name: str
    """What the signal checks, e.g. "missing-number"."""
    factor: float
    """How much it multiplied the score by."""
    reason: str
    """What it saw, in a few words."""


class Asked(NamedTuple):
    """What one reading of a question asks, worked out once for every fact it is held against."""

    query: Query
    """The reading."""
    first: str | None
    """Its first question word (a later "when" is mostly a conjunction)."""
    checked: frozenset[str]
    """Its tokens that a fact must account for."""
    topics: list[str]
    """Its tokens that say what it is about (not question words or numbers)."""
    subjects: list[str]
    """... less names."""
    unknown: list[str]
    """... that no fact uses."""


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
    missing = asked.checked - index.vocab[fact]
    if not missing:
        return []
    signals = []
    for token in sorted(missing):
        if token.isdigit() or token in lang.MONTHS:
            signals.append(Signal("missing-number", w.missing_number, token))
        elif token.startswith("@"):
            # Another place than the fact's is another event; another group or person may
            # just be named along the way.
            if token in index.places:
                signals.append(Signal("missing-place", w.missing_place, token[1:]))
            elif v.kind(token) == "person":
                signals.append(Signal("missing-person", w.missing_person, token[1:]))
            else:
                signals.append(Signal("missing-group", w.missing_group, token[1:]))
        elif not asked.query.long and token not in index.weak_tokens:
            signals.append(Signal("missing-word", w.missing_word, token))
    return signals


def names_only(judge: Judge, asked: Asked, fact: int) -> list[Signal]:
    """Sharing only names is not an answer when the question asks about something else: "what
    is the capital of France?" is not about the French army."""
    vocab = judge.index.vocab[fact]
    if any(t in vocab for t in asked.topics) and (
        not asked.unknown or any(t in vocab for t in asked.subjects)
    ):
        return []
    return [Signal("names-only", judge.weights.names_only, "shares only names")]


SIGNALS: tuple[SignalCheck, ...] = (
    question_word,
    answer_kind,
    referent,
    attributes,
    premise,
    other_time,
    place,
    unexplained,
    names_only,
)
"""Every signal, in the order they are checked and shown."""


def active(asked: Asked) -> tuple[SignalCheck, ...]:
    """Return the signals that may fire for a reading: the others need not be checked per fact."""
    query = asked.query
    needs = (
        asked.first,
        asked.first,
        query.referents,
        query.asks,
        query.premise,
        query.since,
        query.located,
        asked.checked,
        True,
    )
    return tuple([check for check, need in zip(SIGNALS, needs, strict=True) if need])


def judge_fact(
    judge: Judge, asked: Asked, fact: int, checks: tuple[SignalCheck, ...]
) -> tuple[float, list[Signal]]:
    """Return the product of the signals' factors for a fact, and the signals that fired.

    `checks` are the signals active for the reading (`active(asked)`).
    """
    fired = [signal for check in checks for signal in check(judge, asked, fact)]
    factor = 1.0
    for signal in fired:
        factor *= signal.factor
    return factor, fired
