"""Fit a pack's classifier (`python -m bot pack fit`): scikit-learn, from the `fit` extra, fits
it once; the bot only reads the weights it wrote (`bot.opinion`)."""

from __future__ import annotations

import functools
import json
from collections.abc import Sequence
from pathlib import Path

from rapidfuzz import fuzz

from bot.errors import BotError
from bot.evaluation import ANSWERED_KINDS, Item
from bot.knowledge import CLASSIFIER_FILE, Fact, Pack
from bot.opinion import UNANSWERED, WORD_FEATURE, Classifier, features, fingerprint, with_tokens
from bot.text import normalize
from bot.vocabulary import Vocabulary

UNANSWERED_KINDS = {"absent"}
"""The kinds of question fitted as the class of those no fact answers: on the article's events,
asking what it does not say. (Questions of other events or off the subject were left out: the
classifier learned their years and names as a sign, and "after 2012 who won the battle?" went
unanswered; other stages tell them.)"""
STRENGTH = 20.0
"""The inverse of the regularisation strength: the phrasings are few, and each matters."""
SMALLEST_WEIGHT = 0.4
"""Weights smaller than this are dropped: they change few probabilities that matter, and would
make the file and the reading of each question several times larger."""


class FittingUnavailable(BotError):
    """scikit-learn, which fits the classifier, is not installed."""

    label = "Cannot fit"
    exit_status = 2


def require_fitting() -> None:
    """Raise FittingUnavailable, saying how to install it, unless scikit-learn is installed."""
    try:
        import sklearn  # noqa: F401
    except ImportError as error:
        raise FittingUnavailable("fitting needs scikit-learn: pip install '.[fit]'") from error


_phrasing = functools.cache(normalize)
"""A phrasing normalised, once: every development question is held against them all."""


def answering_fact(facts: Sequence[Fact], item: Item) -> int | None:
    """Return the fact a scored question is asked of, as its number: of the facts that would
    count as answering it (an expected phrase in the answer or its cited sentences, as scoring
    has it), the one with a phrasing most like it. None for a question no fact answers, a
    conversation (its last turn leans on the others) or a question that should not be
    answered."""
    if len(item.turns) != 1 or item.kind not in ANSWERED_KINDS:
        return None
    expected = [phrase.casefold() for phrase in item.expect if phrase.strip()]
    answering = [
        number
        for number, fact in enumerate(facts)
        if any(
            phrase in text.casefold()
            for text in (fact.answer, *(c.text for c in fact.citations))
            for phrase in expected
        )
    ]
    if not answering:
        return None
    question = normalize(item.turns[0])

    def likeness(number: int) -> float:
        return max(
            (fuzz.token_set_ratio(question, _phrasing(q)) for q in facts[number].questions),
            default=0.0,
        )

    return max(answering, key=likeness)


def unanswered_question(item: Item) -> bool:
    """Return whether a scored question is fitted as one that no fact answers: one on the
    article's events that it does not answer (`UNANSWERED_KINDS`), standing alone."""
    return len(item.turns) == 1 and item.kind in UNANSWERED_KINDS


def fit(pack: Pack, questions: Sequence[tuple[str, Sequence[Item]]] = ()) -> Classifier:
    """Return a classifier fitted on the pack's phrasings, one class per fact, and on the
    questions of scored question files (`questions`: each file's name and items), each as a
    phrasing of the fact it is asked of (`answering_fact`); the questions about the article's
    events that it does not answer (kind `absent`) as one more class, after the facts'
    (`bot.opinion.UNANSWERED`)."""
    require_fitting()
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vocabulary = Vocabulary(pack)

    def read(question: str) -> str:
        normal = normalize(question)
        return with_tokens(normal, vocabulary.analyze(question, normal=normal))

    texts: list[str] = []
    labels: list[int] = []
    for number, fact in enumerate(pack.facts):
        for question in fact.questions:
            texts.append(read(question))
            labels.append(number)
    used: dict[str, int] = {}
    for name, items in questions:
        for item in items:
            answered = answering_fact(pack.facts, item)
            if answered is None and unanswered_question(item):
                answered = len(pack.facts)
            if answered is not None:
                texts.append(read(item.turns[0]))
                labels.append(answered)
                used[name] = used.get(name, 0) + 1
    vectorizer = TfidfVectorizer(analyzer=features, binary=True)
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=STRENGTH, max_iter=5000).fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    idf = {str(name): round(float(v), 4) for name, v in zip(names, vectorizer.idf_, strict=True)}
    weights: dict[str, tuple[list[int], list[float]]] = {}
    coefficients = model.coef_.T  # one row per feature, one column per fact
    for name, row, value in zip(names, coefficients, vectorizer.idf_, strict=True):
        kept = [n for n, weight in enumerate(row) if abs(weight) >= SMALLEST_WEIGHT]
        if kept:
            weights[str(name)] = (kept, [round(float(row[n] * value), 3) for n in kept])
    # A whole word or a pair of words that weighs on no fact only lengthens a question a
    # little: left out (about as many as are kept), the file and the bot's memory are the
    # smaller for it. (Letter groups are kept: they count a word the classifier half knows.)
    idf = {f: v for f, v in idf.items() if f in weights or not f.startswith(WORD_FEATURE)}
    return Classifier(
        [fact.id for fact in pack.facts] + ([UNANSWERED] if len(pack.facts) in labels else []),
        [round(float(b), 4) for b in model.intercept_],
        idf,
        weights,
        fingerprint((fact.id, fact.questions) for fact in pack.facts),
        used,
    )


def write(classifier: Classifier, directory: Path) -> Path:
    """Write a classifier into a pack's directory; return the file written."""
    path = directory / CLASSIFIER_FILE
    path.write_text(json.dumps(classifier.to_data(), separators=(",", ":")) + "\n", "utf-8")
    return path
