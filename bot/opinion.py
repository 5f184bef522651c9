"""A second opinion on which fact a question asks about: a text classifier over the pack's own
phrasings, independent of the ranking's word matching.

It reads the question as character n-grams (2 to 5 letters, within words) and word unigrams and
bigrams, weighted by TF-IDF, and scores every fact with a logistic regression fitted on the
pack's phrasings (`python -m bot pack fit`, which writes the pack's `classifier.json`). Character
n-grams hold up under typos and inflections that word matching misses; a model fitted on every
phrasing at once weighs what tells facts apart. The engine asks it only about answers it is not
sure of, and offers "did you mean" instead when the classifier is sure the question is about
another fact.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from bot.errors import BotError

FORMAT = 1
"""The classifier file's format; a file of another format is refitted, not read."""
CHAR_SIZES = (2, 3, 4, 5)
"""The lengths of the character n-grams read within each word (padded with a space)."""


class ClassifierFileError(BotError):
    """The pack's classifier file cannot be read."""

    label = "Bad classifier file"
    exit_status = 2


def features(normal: str) -> list[str]:
    """Return a normalised question's features: its words and word pairs, and the character
    n-grams of each word padded with spaces ("ber" -> " b", "be", ..., " ber ")."""
    words = normal.split()
    found = [f"w {w}" for w in words]
    found += [f"w {a} {b}" for a, b in pairwise(words)]
    for word in words:
        padded = f" {word} "
        length = len(padded)
        for size in CHAR_SIZES:
            if size > length:
                break
            found += [padded[i : i + size] for i in range(length - size + 1)]
    return found


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


class Classifier:
    """A fitted classifier: each feature's inverse document frequency and weight on each fact."""

    def __init__(
        self,
        facts: list[str],
        intercepts: list[float],
        idf: dict[str, float],
        weights: dict[str, list[float]],
        fitted_on: str,
    ) -> None:
        self.facts = facts
        self.intercepts = intercepts
        self.idf = idf
        self.weights = weights
        """Per feature: fact number, weight, fact number, weight, ... (small weights dropped)."""
        self.fitted_on = fitted_on
        self._number = {fact_id: n for n, fact_id in enumerate(facts)}

    def probabilities(self, normal: str) -> list[float]:
        """Return how likely each fact is, in the order of `facts`, for a normalised question."""
        counts = Counter(features(normal))
        idf = self.idf
        values = {
            f: (1.0 + math.log(n)) * idf[f] for f, n in counts.items() if f in idf
        }  # (sublinear term frequency)
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        scores = list(self.intercepts)
        weights = self.weights
        for feature, value in values.items():
            row = weights.get(feature)
            if row is None:
                continue
            value /= norm
            for i in range(0, len(row), 2):
                scores[int(row[i])] += value * row[i + 1]
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def opinion(self, normal: str, fact_id: str) -> Opinion | None:
        """Return the classifier's view of a normalised question asked of a fact, or None if
        it does not know the fact."""
        number = self._number.get(fact_id)
        if number is None:
            return None
        probabilities = self.probabilities(normal)
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        return Opinion(fact_id, self.facts[best], probabilities[best], probabilities[number])

    def to_data(self) -> dict[str, Any]:
        """Return the classifier as the data its file holds."""
        return {
            "format": FORMAT,
            "fitted_on": self.fitted_on,
            "facts": self.facts,
            "intercepts": self.intercepts,
            "idf": self.idf,
            "weights": self.weights,
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
        for feature, row in weights.items():
            if (
                not isinstance(row, list)
                or len(row) % 2
                or feature not in idf
                or any(not 0 <= n < len(facts) for n in row[::2])
            ):
                raise wrong(f"the weights of feature {feature!r} are malformed")
        return cls(facts, intercepts, idf, weights, str(data.get("fitted_on", "")))


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
