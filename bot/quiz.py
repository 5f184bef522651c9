"""Quizzes from the fact base: a fact's question, its short answer among wrong answers of the
same kind (a date among dates, a number among numbers, a group among groups), and the sentence
it cites as the explanation.

What kind of answer a fact gives is read from the fact itself: a question asking when whose
answer holds one date; asking how many, whose answer holds one number next to what is counted;
asking who or where, whose answer names one entity of the pack, the one the fact is about, first
among those the question does not name, and not alongside another of its kind. Facts that fit
none, whose short answer is longer than a poll option may be, or that have too few wrong answers
of their kind, make no quiz.
"""

from __future__ import annotations

import random
import re
from collections.abc import Collection
from dataclasses import dataclass

from bot import lang
from bot.knowledge import Fact, Pack
from bot.text import normalize
from bot.vocabulary import Vocabulary

QUESTION_LIMIT = 300
"""Telegram's limit on a poll's question, in characters."""
OPTION_LIMIT = 100
"""Telegram's limit on a poll option, in characters."""
EXPLANATION_LIMIT = 200
"""Telegram's limit on a quiz's explanation, in characters."""
WRONG_OPTIONS = 3
"""Wrong options offered when the fact's kind has that many; never fewer than two."""
RECENT = 5
"""Quizzes a chat is not given again until this many others have come."""
COUNTED_WITHIN = 5
"""Words after a number within which what it counts must be named, as the question names it."""

_DATE = re.compile(rf"\b({'|'.join(lang.MONTH_NAMES)})\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\b")


@dataclass(frozen=True, slots=True)
class Quiz:
    """A quiz poll: one question, one right option among wrong ones, and why it is right."""

    fact_id: str
    """The fact the quiz is made from."""
    question: str
    """The poll's question: the fact's canonical question."""
    options: tuple[str, ...]
    """The options, in the order shown."""
    correct: int
    """The position of the right option."""
    explanation: str
    """The cited sentence, cut to Telegram's limit."""


@dataclass(frozen=True, slots=True)
class ShortAnswer:
    """What a fact answers, in a few words, and the kind of answer it is."""

    fact: Fact
    """The fact."""
    kind: str
    """"date", "number", or the kind of entity named ("group", "person", "place")."""
    text: str
    """The answer as an option shows it."""
    value: str
    """What two answers are compared by: the same value is the same answer."""
    named: frozenset[str]
    """Values the fact's question and answer mention: never offered as wrong answers."""


def cut(text: str, limit: int) -> str:
    """Return text cut to `limit` characters, the cut marked with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class Quizzes:
    """Makes quiz polls from a pack's facts."""

    def __init__(self, pack: Pack, vocabulary: Vocabulary) -> None:
        self._v = vocabulary
        self._question_tokens = vocabulary.tokens(lang.QUESTION_WORDS)
        self._verb_tokens = vocabulary.tokens(lang.AUXILIARIES | lang.IDENTITY_COPULAS)
        answers = [a for fact in pack.facts if (a := self.short_answer(fact)) is not None]
        # Wrong answers of a kind: every date and number a quizzable fact gives, and every
        # entity of the kind the pack names.
        self._pool: dict[str, dict[str, str]] = {}
        for answer in answers:
            self._pool.setdefault(answer.kind, {}).setdefault(answer.value, answer.text)
        for entity in pack.entities:
            self._pool.setdefault(entity.kind, {}).setdefault(entity.id, _capitalised(entity.name))
        self.answers = tuple(
            a for a in answers if len(a.text) <= OPTION_LIMIT and len(self._wrong(a)) >= 2
        )

    def short_answer(self, fact: Fact) -> ShortAnswer | None:
        """Return what a fact answers in a few words, and its kind; None for no quiz."""
        question = fact.questions[0]
        if len(question) > QUESTION_LIMIT:
            return None
        asked = self._v.analyze(question)
        token = self._v.token
        if token("when") in asked[:1]:
            return self._date(fact, question)
        if token("how") in asked[:1] and token("many") in asked:
            return self._number(fact, asked)
        if token("who") in asked[:1]:
            return self._entity(fact, asked, ("group", "person"))
        if token("where") in asked[:1]:
            return self._entity(fact, asked, ("place",))
        return None

    def _date(self, fact: Fact, question: str) -> ShortAnswer | None:
        found = {(m[1], int(m[2])): m[0] for m in _DATE.finditer(fact.answer)}
        asked = {(m[1], int(m[2])) for m in _DATE.finditer(question)}
        if len(found) != 1 or asked & found.keys():
            return None
        [(key, text)] = found.items()
        value = f"{key[0]} {key[1]}"
        return ShortAnswer(fact, "date", text, value, frozenset({value}))

    def _number(self, fact: Fact, asked: list[str]) -> ShortAnswer | None:
        counted = set(asked) - self._question_tokens - self._verb_tokens
        raw = self._v.name(normalize(fact.answer)).split()
        words = [lang.NUMBER_WORDS.get(w, w) for w in raw]
        numbers = {w for w in words if w.isdigit()} | {t for t in asked if t.isdigit()}
        found = []
        for position, word in enumerate(words):
            after = self._v.tokens(words[position + 1 : position + 1 + COUNTED_WITHIN])
            # "several thousand" is no count: a scale word is one only after a number.
            vague = raw[position] in lang.NUMBER_SCALE_WORDS and not (
                position and words[position - 1].isdigit()
            )
            if word.isdigit() and not vague and word not in asked and after & counted:
                found.append(word)
        if len(set(found)) != 1:
            return None
        return ShortAnswer(fact, "number", found[0], found[0], frozenset(numbers))

    def _entity(self, fact: Fact, asked: list[str], kinds: tuple[str, ...]) -> ShortAnswer | None:
        v = self._v
        content = [t for t in asked if not t.startswith("@")]
        if not set(content) - self._question_tokens - self._verb_tokens:
            return None  # "who is X?" asks what X is, not for an entity
        words = v.name(normalize(fact.answer)).split()
        named = [w for w in words if v.kind(w) is not None]
        candidates = [t for t in named if t not in asked and v.kind(t) in kinds]
        about = [f"@{e}" for e in fact.about if f"@{e}" in candidates]
        if not candidates or not about or about[0] != candidates[0]:
            return None
        chosen = candidates[0]
        kind = v.kind(chosen)
        if kind is None or self._coordinated(words, chosen, kind):
            return None
        entity = v.entities[chosen[1:]]
        mentioned = frozenset(t[1:] for t in (*named, *asked) if t.startswith("@"))
        return ShortAnswer(fact, kind, _capitalised(entity.name), entity.id, mentioned)

    def _coordinated(self, words: list[str], chosen: str, kind: str) -> bool:
        """Return whether the entity is named alongside another of its kind ("X and Y")."""
        for position, word in enumerate(words):
            if word != chosen:
                continue
            around = (words[position + 1 : position + 3], words[max(0, position - 2) : position])
            after, before = around
            if len(after) == 2 and after[0] in lang.AND_WORDS and self._v.kind(after[1]) == kind:
                return True
            if len(before) == 2 and before[1] in lang.AND_WORDS and self._v.kind(before[0]) == kind:
                return True
        return False

    def _wrong(self, answer: ShortAnswer) -> list[str]:
        """Return the texts of the wrong answers a fact's quiz may offer."""
        seen = {answer.text.casefold()}
        wrong = []
        for value, text in self._pool.get(answer.kind, {}).items():
            if value in answer.named or value == answer.value or text.casefold() in seen:
                continue
            if len(text) <= OPTION_LIMIT:
                seen.add(text.casefold())
                wrong.append(text)
        return wrong

    def make(self, *, rng: random.Random, recent: Collection[str] = ()) -> Quiz | None:
        """Return a quiz on a fact not among the `recent` ones (while others remain)."""
        fresh = [a for a in self.answers if a.fact.id not in recent] or list(self.answers)
        if not fresh:
            return None
        answer = rng.choice(fresh)
        wrong = self._wrong(answer)
        options = [*rng.sample(wrong, min(WRONG_OPTIONS, len(wrong))), answer.text]
        rng.shuffle(options)
        return Quiz(
            fact_id=answer.fact.id,
            question=answer.fact.questions[0],
            options=tuple(options),
            correct=options.index(answer.text),
            explanation=cut(self._backing(answer), EXPLANATION_LIMIT),
        )

    def _backing(self, answer: ShortAnswer) -> str:
        """Return the cited sentence that gives the short answer, else the first one cited."""
        citations = answer.fact.citations
        for citation in citations:
            if answer.kind == "date":
                gives = any(
                    f"{m[1]} {int(m[2])}" == answer.value for m in _DATE.finditer(citation.text)
                )
            elif answer.kind == "number":
                words = normalize(citation.text).split()
                gives = answer.value in {lang.NUMBER_WORDS.get(w, w) for w in words}
            else:
                gives = f"@{answer.value}" in self._v.analyze(citation.text)
            if gives:
                return citation.text
        return citations[0].text


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]
