"""A second opinion on which fact a question asks about: a text classifier over the pack's own
phrasings (and development questions), independent of the ranking's word matching.

It reads the question as its words, its word pairs and the five-letter groups within its words,
weighted by TF-IDF, and scores every fact with a logistic regression fitted on all the pack's
phrasings at once, and on the questions of development question files, each as a phrasing of
the fact that answers it (`python -m bot pack fit --questions FILE` writes the pack's
`classifier.json`; scikit-learn fits it, and this module only reads the weights). Whole words
and word pairs that weigh on no fact are left out of the file, so they no longer lengthen a
question as TF-IDF would have them. Reading the question another way than the
ranking does, it tends to disagree where the ranking is wrong. The engine uses it twice: as one
signal of every fact's score (a small share of the score goes by how likely it finds the fact),
and as a judge of answers the engine is not sure of, offered as "did you mean" instead when the
classifier finds another fact likelier and that one unlikely.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise, repeat
from operator import add, mul, sub
from pathlib import Path
from typing import Any

from bot.errors import BotError

FORMAT = 1
"""The classifier file's format; a file of another format is refused (refitting mends it)."""
WORDS_KEPT = 4096
"""Words whose features are kept worked out, at most (about 1 kB each)."""
CHAR_SIZES = (5,)
"""The lengths of the character n-grams read within each word, padded with a space. Five letters
alone did as well as two to five on the held-aside questions, at a quarter of the time."""


class ClassifierFileError(BotError):
    """The pack's classifier file cannot be read."""

    label = "Bad classifier file"
    exit_status = 2


UNANSWERED = "(unanswered)"
"""The class of the questions no fact answers, when the classifier was fitted on some (the
development questions on the article's events that it does not answer, kind `absent`): last
among its facts. It learns how such questions are put ("which gangs exactly?", "was he ever
freed?"), and the likelier it finds a question one of them, the less likely it finds any fact."""

WORD_FEATURE = "w "
"""What opens the feature of a whole word or a pair of words ("w war", "w the war")."""


TOKEN_MARK = "~"
"""Marks a matching token added to a question's words for the classifier (`with_tokens`)."""


def with_tokens(normal: str, tokens: Iterable[str]) -> str:
    """Return a normalised question with its matching tokens (synonyms folded, names as their
    entities) after its words, each marked: the classifier weighs them as words of their own."""
    marked = " ".join(TOKEN_MARK + t for t in tokens)
    return f"{normal} {marked}" if marked else normal


def word_features(word: str) -> list[str]:
    """Return a word's own features: the word, and the character n-grams of it padded with
    spaces ("war" -> " war ", "attack" -> " atta", "attac", "ttack", "tack ")."""
    found = [f"{WORD_FEATURE}{word}"]
    if word.startswith(TOKEN_MARK):
        return found
    padded = f" {word} "
    length = len(padded)
    for size in CHAR_SIZES:
        if size > length:
            break
        found += [padded[i : i + size] for i in range(length - size + 1)]
    return found


def pair_features(words: list[str]) -> list[str]:
    """Return the features of each two words side by side."""
    return [f"{WORD_FEATURE}{a} {b}" for a, b in pairwise(words)]


def features(normal: str) -> list[str]:
    """Return a normalised question's features: its words' own, then its word pairs'."""
    words = normal.split()
    plain = [w for w in words if not w.startswith(TOKEN_MARK)]
    return [f for word in words for f in word_features(word)] + pair_features(plain)


def fingerprint(phrasings: Iterable[tuple[str, Iterable[str]]]) -> str:
    """Return what a classifier was fitted on, as a digest of each fact's id and phrasings."""
    digest = hashlib.sha256()
    for fact_id, questions in phrasings:
        digest.update(fact_id.encode())
        for question in questions:
            digest.update(b"\x1f" + question.encode())
        digest.update(b"\x1e")
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Opinion:
    """What the classifier thinks of a question and of the fact the engine chose."""

    fact: str
    """The fact the engine chose."""
    best: str
    """The fact it finds most likely."""
    best_probability: float
    """How likely it finds that fact."""
    probability: float
    """How likely it finds the fact asked about."""


_OFFSETS = "I" if array("I").itemsize >= 4 else "L"
"""The type of the classifier's row bounds: an unsigned number of at least 32 bits."""


def _compact(
    numbers: Sequence[int], values: Sequence[float]
) -> tuple[Sequence[int], Sequence[float]]:
    """Return facts' numbers and weights as compactly as they can be kept: bytes (or 16-bit
    numbers past 255 facts) and doubles."""
    kept: Sequence[int] = bytes(numbers) if all(n < 256 for n in numbers) else array("H", numbers)
    return kept, array("d", values)


class Classifier:
    """A fitted classifier: each feature's inverse document frequency and weight on each fact.

    A question is read as the set of its features, each valued by its inverse document
    frequency, the whole scaled to length 1 (TF-IDF with binary term frequency).
    """

    def __init__(
        self,
        facts: list[str],
        intercepts: list[float],
        idf: dict[str, float],
        weights: Mapping[str, tuple[Sequence[int], Sequence[float]]],
        fitted_on: str,
        questions: Mapping[str, int] | None = None,
    ) -> None:
        self.facts = facts
        self.intercepts = intercepts
        # Each feature is a row: its inverse document frequency, and its weights on the facts
        # they fall on, the rows' weights laid end to end in two flat arrays (the facts'
        # numbers and the weights, doubles), `_bounds` telling where each row begins and ends.
        # Kept so, a feature costs its name, a slot in `rows`, its row's number and a few
        # bytes, not a tuple, a bytes and an array of its own (twice the memory, and ten times
        # as long to unpickle with a saved engine). (The features are interned: in the
        # process that loads the file, each word's kept features are these same strings; an
        # engine saved and loaded again keeps its own copies, which costs memory only.)
        self.rows: dict[str, int] = {sys.intern(f): row for row, f in enumerate(idf)}
        """Per feature, its row."""
        self._idf = array("d", idf.values())
        facts_of: list[int] = []
        values: list[float] = []
        bounds = [0]
        for feature in idf:
            numbers, weighed = weights.get(feature, ((), ()))
            facts_of.extend(numbers)
            values.extend(weighed)
            bounds.append(len(values))
        self._facts_of, self._weights = _compact(facts_of, values)
        self._bounds = array(_OFFSETS, bounds)
        self.fitted_on = fitted_on
        self.questions = dict(questions or {})
        """How many questions of each scored question file it was fitted on besides the
        phrasings (`pack fit --questions`)."""
        self._number = {fact_id: n for n, fact_id in enumerate(facts)}
        self.unanswered = self._number.get(UNANSWERED)
        """The position of the class of questions no fact answers, if it was fitted on some."""
        self._words: dict[
            str, tuple[tuple[str, ...], float, tuple[Sequence[int], Sequence[float]]]
        ] = {}
        self._learned: dict[str, tuple[int, ...]] = {}
        self._learned_for: tuple[float, int] | None = None

    def idf(self, feature: str) -> float | None:
        """Return a feature's inverse document frequency, or None if it is not one of the
        classifier's features."""
        row = self.rows.get(feature)
        return None if row is None else self._idf[row]

    def weights(self, feature: str) -> tuple[Sequence[int], Sequence[float]]:
        """Return the numbers of the facts a feature weighs on and its weight on each (its
        coefficient times its inverse document frequency; small coefficients are dropped):
        none for a feature it does not know."""
        row = self.rows.get(feature)
        if row is None:
            return (), ()
        return self._row(row)

    def _row(self, row: int) -> tuple[Sequence[int], Sequence[float]]:
        start, end = self._bounds[row], self._bounds[row + 1]
        return self._facts_of[start:end], self._weights[start:end]

    def _summed(self, features: Iterable[str]) -> tuple[Sequence[int], Sequence[float]]:
        """Return the features' summed weights on the facts they weigh on."""
        summed: dict[int, float] = {}
        rows, bounds, facts_of, weights = self.rows, self._bounds, self._facts_of, self._weights
        for feature in features:
            row = rows.get(feature)
            if row is not None:
                for at in range(bounds[row], bounds[row + 1]):
                    number = facts_of[at]
                    summed[number] = summed.get(number, 0.0) + weights[at]
        return _compact(list(summed), list(summed.values()))

    def _word(
        self, word: str
    ) -> tuple[tuple[str, ...], float, tuple[Sequence[int], Sequence[float]]]:
        """Return a word's known features, their squared values and their summed weights on
        the facts they weigh on, worked out once a word: most of a question is words seen
        before."""
        found = self._words.get(word)
        if found is None:
            rows, idf = self.rows, self._idf
            known = tuple(dict.fromkeys(sys.intern(f) for f in word_features(word) if f in rows))
            found = (known, sum(idf[rows[f]] ** 2 for f in known), self._summed(known))
            if len(self._words) < WORDS_KEPT:
                self._words[word] = found
        return found

    def learned(self, word: str, least: float, most: int) -> tuple[int, ...]:
        """Return the facts (their numbers) a word's features weigh at least `least` on, among
        the `most` they weigh most on: the facts it learned the word as a word of. (Kept once
        worked out for the few words that have any, for one `least` and `most`: an engine's.)"""
        key = (least, most)
        if key != self._learned_for:
            self._learned_for, self._learned = key, {}
        found = self._learned.get(word)
        if found is not None:
            return found
        numbers, values = self._word(word)[2]
        if not numbers or max(values) < least:
            return ()
        # (Among the facts: the class of the questions no fact answers is none.)
        weighed = zip(values, numbers, strict=True)
        ranked = sorted((vn for vn in weighed if vn[1] != self.unanswered), reverse=True)[:most]
        found = tuple(n for v, n in ranked if v >= least)
        if len(self._learned) < WORDS_KEPT:
            self._learned[word] = found
        return found

    def probabilities(self, normal: str) -> list[float]:
        """Return how likely each fact is, in the order of `facts`, for a normalised question."""
        rows, idf = self.rows, self._idf
        words = normal.split()
        totals = [0.0] * len(self.facts)
        sum_of_values = 0.0
        seen: set[str] = set()
        # Each word's and each word pair's weights are added where they fall: on a few facts.
        entries: list[tuple[Sequence[int], Sequence[float]]] = []
        for word in dict.fromkeys(words):
            known, word_sum, entry = self._word(word)
            entries.append(entry)
            if not seen.isdisjoint(known):
                # A letter group two words share ("attack", "attacks") counts once.
                shared = seen.intersection(known)
                word_sum -= sum(idf[rows[f]] ** 2 for f in shared)
                numbers, values = self._summed(shared)
                entries.append((numbers, [-value for value in values]))
            seen.update(known)
            sum_of_values += word_sum
        plain = [w for w in words if not w.startswith(TOKEN_MARK)]
        for pair in dict.fromkeys(pair_features(plain)):
            row = rows.get(pair)
            if row is not None:
                value = idf[row]
                sum_of_values += value * value
                entries.append(self._row(row))
        for numbers, values in entries:
            for number, weight in zip(numbers, values, strict=True):
                totals[number] += weight
        scale = 1.0 / (math.sqrt(sum_of_values) or 1.0)
        scores = list(map(add, self.intercepts, map(mul, totals, repeat(scale))))
        exps = list(map(math.exp, map(sub, scores, repeat(max(scores)))))
        return list(map(mul, exps, repeat(1.0 / sum(exps))))

    def opinion(self, normal: str, fact_id: str) -> Opinion | None:
        """Return the classifier's view of a normalised question asked of a fact, among the
        facts alone (`Likelihood.opinion`), or None if it does not know the fact."""
        return Likelihood(self, normal).opinion(fact_id)

    def opinion_of(self, probabilities: list[float], fact_id: str) -> Opinion | None:
        """Return the classifier's view of a fact, given the `probabilities` it found for a
        question, or None if it does not know the fact."""
        number = self._number.get(fact_id)
        if number is None:
            return None
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        return Opinion(fact_id, self.facts[best], probabilities[best], probabilities[number])

    def number(self, fact_id: str) -> int | None:
        """Return a fact's position among the classifier's, or None if it does not know it."""
        return self._number.get(fact_id)

    def to_data(self) -> dict[str, Any]:
        """Return the classifier as the data its file holds (as fitting writes it: a weights row
        for each feature that weighs on some fact, in the order of the features)."""
        return {
            "format": FORMAT,
            "fitted_on": self.fitted_on,
            "questions": self.questions,
            "facts": self.facts,
            "intercepts": self.intercepts,
            "idf": {feature: self._idf[row] for feature, row in self.rows.items()},
            "weights": {
                feature: (list(numbers), list(values))
                for feature, row in self.rows.items()
                for numbers, values in [self._row(row)]
                if values
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], path: Path) -> Classifier:
        """Return the classifier a file's data holds; raise ClassifierFileError saying what
        is wrong with it."""

        def wrong(what: str) -> ClassifierFileError:
            return ClassifierFileError(f"{path}: {what} (refit it: python -m bot pack fit)")

        if not isinstance(data, Mapping) or data.get("format") != FORMAT:
            raise wrong(f"not a classifier file of format {FORMAT}")
        facts, intercepts = data.get("facts"), data.get("intercepts")
        idf, weights = data.get("idf"), data.get("weights")
        if not (isinstance(facts, list) and all(isinstance(f, str) for f in facts)):
            raise wrong("'facts' must be a list of fact ids")
        if not (isinstance(intercepts, list) and len(intercepts) == len(facts)):
            raise wrong("'intercepts' must hold one number per fact")
        if not (isinstance(idf, dict) and isinstance(weights, dict)):
            raise wrong("'idf' and 'weights' must be mappings of features")
        if not all(isinstance(v, int | float) for v in idf.values()):
            raise wrong("'idf' must map each feature to a number")
        for feature, row in weights.items():
            if (
                not isinstance(row, list)
                or len(row) != 2
                or not isinstance(row[0], list)
                or not isinstance(row[1], list)
                or not all(isinstance(v, int | float) for v in row[1])
                or len(row[0]) != len(row[1])
                or feature not in idf
                or any(not (isinstance(n, int) and 0 <= n < len(facts)) for n in row[0])
            ):
                raise wrong(f"the weights of feature {feature!r} are malformed")
        questions = data.get("questions", {})
        if not (
            isinstance(questions, dict)
            and all(isinstance(k, str) and isinstance(v, int) for k, v in questions.items())
        ):
            raise wrong("'questions' must map question files to how many of their questions")
        return cls(facts, intercepts, idf, weights, str(data.get("fitted_on", "")), questions)


class Likelihood:
    """How likely the classifier finds each fact for one message, worked out the first time it
    is asked for (a message answered without it never pays for it)."""

    __slots__ = ("_answered", "_classifier", "_learned", "_probabilities", "_text")

    def __init__(self, classifier: Classifier, normal: str) -> None:
        self._classifier = classifier
        self._text = normal
        self._probabilities: list[float] | None = None
        self._answered: list[float] | None = None
        self._learned: list[tuple[str, tuple[int, ...]]] | None = None

    def probabilities(self) -> list[float]:
        """Return how likely each fact is, in the order of the classifier's facts."""
        if self._probabilities is None:
            self._probabilities = self._classifier.probabilities(self._text)
        return self._probabilities

    def learned(self, least: float, most: int) -> list[tuple[str, tuple[int, ...]]]:
        """Return the words of the message the classifier learned as words of some facts,
        each with those facts' numbers (`Classifier.learned`), worked out once a message (an
        engine asks with the same `least` and `most` every time: its weights)."""
        if self._learned is None:
            learned = self._classifier.learned
            self._learned = [
                (w, facts)
                for w in dict.fromkeys(self._text.split())
                if not w.startswith(TOKEN_MARK) and (facts := learned(w, least, most))
            ]
        return self._learned

    def of_facts(self, asked_alone: bool = False) -> list[float]:
        """Return how likely each fact is. For a message read on its own (`asked_alone`), as
        `probabilities` has it: the class of the questions no fact answers takes its share, and
        a question put as they are is unlikely of every fact. Otherwise among the facts alone,
        that class's share going to them as they share the rest: for a follow-up, whose words
        alone do not say what it asks ("what ethnicity were they?" of the prisoners just
        answered), and to weigh one fact against another (`opinion`)."""
        number = self._classifier.unanswered
        if number is None or asked_alone:
            return self.probabilities()
        if self._answered is None:
            probabilities = self.probabilities()
            scale = 1.0 / ((1.0 - probabilities[number]) or 1.0)
            self._answered = [p * scale for p in probabilities]
            self._answered[number] = 0.0
        return self._answered

    def unanswered_share(self) -> float:
        """Return how likely the classifier finds the message one that no fact answers (0 when
        it was fitted on none)."""
        number = self._classifier.unanswered
        return 0.0 if number is None else self.probabilities()[number]

    def unanswered(self) -> bool:
        """Return whether the classifier finds the message likelier one that no fact answers
        than one asked of any fact (never when it was fitted on none)."""
        number = self._classifier.unanswered
        return number is not None and self._likeliest(number)

    def _likeliest(self, number: int) -> bool:
        """Return whether the class numbered so is (one of) the likeliest of all."""
        probabilities = self.probabilities()
        return probabilities[number] >= max(probabilities)

    def recognises(self, fact_id: str, least: float) -> Opinion | None:
        """Return the classifier's view of a fact when, reading the message on its own, it
        finds that fact the likeliest of all (the questions no fact answers among them) and at
        least `least` likely; None otherwise."""
        number = self._classifier.number(fact_id)
        if number is None or not self._likeliest(number):
            return None
        probability = self.probabilities()[number]
        return Opinion(fact_id, fact_id, probability, probability) if probability >= least else None

    def opinion(self, fact_id: str) -> Opinion | None:
        """Return the classifier's view of a fact for this message (`Classifier.opinion`)."""
        return self._classifier.opinion_of(self.of_facts(), fact_id)


def percent(probability: float) -> str:
    """Return a likelihood as a reader reads it: "93%", and never a rounded "100%" or "0%"
    ("over 99%", "under 1%")."""
    if probability >= _ALL_BUT:
        return "over 99%"
    if probability < 1 - _ALL_BUT:
        return "under 1%"
    return f"{probability:.0%}"


_ALL_BUT = 0.995
"""A likelihood from which a percentage would round to 100%."""


def load(path: Path) -> Classifier | None:
    """Return the classifier in a file, or None if there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ClassifierFileError(f"{path}: cannot be read ({error.strerror})") from error
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ClassifierFileError(f"{path}: not valid JSON ({error})") from error
    return Classifier.from_data(data, path)
