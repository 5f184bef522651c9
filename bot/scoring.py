"""Retrieve and score: shortlist the facts that share the question's telling words, score their
phrasings, and weigh each against what the question asks (the signals)."""

from __future__ import annotations

from bisect import insort
from collections.abc import Mapping
from dataclasses import dataclass
from operator import truediv
from types import MappingProxyType

from rapidfuzz import fuzz, process

from bot import lang
from bot.index import ASKED_KINDS, FactIndex
from bot.interpret import Query
from bot.opinion import Classifier, Likelihood, percent
from bot.signals import Asked, Judge, Signal, SignalCheck, active, judge_fact
from bot.vocabulary import Vocabulary
from bot.weights import Thresholds, Weights


@dataclass(slots=True)
class Match:
    """A fact's score for one reading of a question."""

    fact: int
    """The fact's position in the pack."""
    score: float
    """Its score, from 0 to 1."""
    factor: float = 1.0
    """What the signals multiplied its score by."""
    explanation: Explanation | None = None
    """What moved the score, worked out when asked (given to the best fact only)."""
    opinion: tuple[float, float] | None = None
    """How likely the classifier found the fact, and what its share multiplied the score by."""


_NO_ENDORSED: Mapping[str, frozenset[int]] = MappingProxyType({})


class Ranker:
    """Ranks a pack's facts against a reading of a question."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        index: FactIndex,
        weights: Weights,
        classifier: Classifier | None = None,
        thresholds: Thresholds | None = None,
    ) -> None:
        self.index = index
        self.weights = weights
        asked_kinds = {
            token: kind for kind, word in ASKED_KINDS if (token := vocabulary.token(word))
        }
        self.judge = Judge(index, vocabulary, weights, asked_kinds, vocabulary.token("why"))
        self._asked_words = index.typed_question_tokens | set(asked_kinds)
        self._after = vocabulary.tokens(lang.SEQUEL_WORDS)
        # The classifier's share moves a score by at most that share: past these bounds it
        # could not change what is done with the best fact, and its share is not worked out.
        # (It may still dispute an answer scoring under `Weights.overruled`: `Decider.doubt`.)
        limits = thresholds or Thresholds()
        share = weights.opinion_share
        self._beyond_doubt = (limits.sure / (1 - share), share / (1 - share))
        # (The lowest of the scores offered, answered in a long message, or answered when the
        # verdict finds the fact very likely: `Thresholds.near`.)
        lowest = min(limits.suggest, limits.answer * weights.long_bar, limits.answer - limits.near)
        self._beyond_reach = (lowest - share) / (1 - share)
        # Each fact's position among the classifier's (None: a fact it does not know).
        self._classified = [
            classifier.number(fact.id) if classifier is not None else None for fact in index.facts
        ]
        self._positions = {n: f for f, n in enumerate(self._classified) if n is not None}

    def rank(self, query: Query, likely: Likelihood | None = None) -> list[Match]:
        """Return the facts best matching a reading, best first (at least the top three);
        `likely`: the classifier's view of the message, which a share of each score goes by."""
        weights = self._weights(query)
        # ("Which side seized it?": the facts are picked by what was seized.)
        picking = [t for t in query.tokens if t not in query.side] if query.side else query.tokens
        # (A "they" standing for nobody may be any of several: all of them are to be offered.)
        shortlist = self.retrieve(picking or query.tokens, wide=query.unresolved)
        if query.last is not None and query.last not in shortlist:
            # (A follow-up may ask more of what was just told in words it shares with others.)
            shortlist.append(query.last)
        if not shortlist:
            return []
        total = sum(weights.values())
        raw = self._overlaps(query, shortlist, weights, total)
        asked = self._asked(query, likely)
        checks = active(asked)
        ranked = self._judged(query, raw, asked, checks)
        if likely is not None:
            # (The second opinion may find a fact the words missed.)
            ranked = self._with_likeliest(
                query, ranked, shortlist, likely, weights, total, asked, checks
            )
        # Character-level likeness settles near ties that token overlap cannot tell apart.
        joined = " ".join(sorted(query.tokens))
        share = self.weights.spelling_share
        for match in ranked[:3]:
            # Both sides are sorted token strings, so plain ratio is token_sort_ratio at a
            # fraction of its cost.
            found = process.extractOne(joined, self.index.choices[match.fact], scorer=fuzz.ratio)
            if found is not None:
                # (Held to what the signals found: a fact that does not answer the question
                # gains little by reading like it.)
                likeness = match.factor**self.weights.likeness_hold * found[1] / 100
                match.score = (1 - share) * match.score + share * likeness
        if likely is not None:
            self._seconded(ranked, likely, query.last is None)
        ranked.sort(key=_descending)
        if ranked:
            top = ranked[0]
            top.explanation = Explanation(self, query, asked, checks, top.fact, top.opinion)
        return ranked

    def _with_likeliest(
        self,
        query: Query,
        ranked: list[Match],
        shortlist: list[int],
        likely: Likelihood,
        weights: dict[str, float],
        total: float,
        asked: Asked,
        checks: tuple[SignalCheck, ...],
    ) -> list[Match]:
        """Return the ranking with the fact the classifier finds likeliest scored too, when the
        words the shortlist was drawn by missed it ("what did the Arab group's representative
        say his fighters were up to while camped near the town?" shares no telling word with
        the MAA's search for gangs) and the ranking is not beyond doubt: scored as any other, by
        the words it shares and the signals."""
        first, second = _two_best(ranked)
        sure, lead = self._beyond_doubt
        if first >= sure and first - second >= lead:
            return ranked
        probabilities = likely.of_facts(query.last is None)
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        if probabilities[best] < self.weights.likeliest_probability:
            return ranked
        fact = self._positions.get(best)
        if fact is None or fact in shortlist:
            return ranked
        raw = self._overlaps(query, [fact], weights, total)
        extra = self._judged(query, raw, asked, checks)
        return sorted([*ranked, *extra], key=_descending)

    def _seconded(self, ranked: list[Match], likely: Likelihood, alone: bool) -> None:
        """Let a share of each score go by how likely the classifier finds the fact, reading the
        message as typed: a second, independent opinion, robust to slips and rewording. (Held
        to what the signals found, as likeness is: a fact that does not answer the question
        gains little from it.) When nothing it could say would change what is done with the
        best fact, it is not asked, and the scores stand as they are."""
        first, second = _two_best(ranked)
        sure, lead = self._beyond_doubt
        if first < self._beyond_reach or (first >= sure and first - second >= lead):
            return
        probabilities = likely.of_facts(alone)
        share, scale = self.weights.opinion_share, self.weights.opinion_scale
        for match in ranked:
            number = self._classified[match.fact]
            probability = probabilities[number] if number is not None else 0.0
            before = match.score
            match.score = (1 - share) * before + share * min(
                1.0, probability * scale
            ) * match.factor
            match.opinion = (probability, match.score / before if before else 1.0)

    def _weights(self, query: Query) -> dict[str, float]:
        # In a long, chatty question the words the pack never uses are mostly filler.
        unknown = self.weights.filler_idf if query.long else self.index.unknown_idf
        weights = {t: self.index.idf.get(t, unknown) for t in query.tokens}
        if query.focus:
            for t in weights:
                if t not in query.focus:
                    weights[t] *= self.weights.chatter_weight
        return weights

    def retrieve(self, tokens: list[str], *, wide: bool = False) -> list[int]:
        """Return the facts worth scoring in full: those sharing most of the telling words
        (`wide`: a few more of them)."""
        telling = self._telling(tokens)
        if not telling:
            return []
        shared: dict[int, float] = {}
        for entries in telling:
            for fact, closeness, _ in entries:
                shared[fact] = shared.get(fact, 0.0) + closeness
        w = self.weights
        # (What heapq.nlargest returns, faster for the few dozen facts a question touches.)
        chosen = sorted(shared, key=shared.__getitem__, reverse=True)[
            : w.shortlist + (w.wider_shortlist if wide else 0)
        ]
        # A fact sharing far less than the best one is not worth scoring.
        floor = w.shortlist_share * shared[chosen[0]]
        chosen = [fact for fact in chosen if shared[fact] >= floor]
        exact = self.index.exact.get(frozenset(tokens))
        if exact is not None and exact not in chosen and exact in shared:
            chosen.append(exact)
        return chosen

    def _telling(self, tokens: list[str]) -> list[tuple[tuple[int, float, float], ...]]:
        """Return the postings of the question's telling words: a word most facts use tells
        them apart too little to pay for walking all of them."""
        index = self.index
        lists = sorted((p for t in tokens if (p := index.postings.get(t))), key=len)
        telling = [p for p in lists if len(p) <= index.common]
        if not telling or (
            len(telling) == 1 and len(lists) > 1 and len(lists[1]) <= 2 * index.common
        ):
            # One telling word alone shortlists too narrowly: the next one counts too, unless
            # it is in most facts.
            return lists[:2]
        return telling

    def _overlaps(
        self, query: Query, shortlist: list[int], weights: dict[str, float], total: float
    ) -> list[tuple[float, Match]]:
        """Score each shortlisted fact by its closest phrasing and its coverage of the question."""
        index = self.index
        pairs = list(weights.items())
        raw: list[tuple[float, Match]] = []
        for fact in shortlist:
            postings = index.local_postings[fact]
            phrasing_weights = index.local_weights[fact]
            overlap = [0.0] * len(phrasing_weights)
            found = False
            for token, weight in pairs:
                numbers = postings.get(token)
                if numbers:
                    found = True
                    for number in numbers:
                        overlap[number] += weight
            if not found:
                continue
            # (Each phrasing's share of the words the two have between them, worked out at C
            # speed: a phrasing sharing none scores 0.)
            closest = max(map(truediv, overlap, map(total.__add__, phrasing_weights)))
            vocab = index.vocab[fact]
            covered = sum([weight for token, weight in pairs if token in vocab])
            share = self.weights.phrasing_share
            score = share * 2 * closest + (1 - share) * covered / total
            raw.append((score, Match(fact, score)))
        raw.sort(key=_first, reverse=True)
        return raw

    def _judged(
        self,
        query: Query,
        raw: list[tuple[float, Match]],
        asked: Asked,
        checks: tuple[SignalCheck, ...],
    ) -> list[Match]:
        """Apply the signals, finishing facts in order of their raw score until none left could
        reach the top three (signals only lower a score, the follow-up boost aside)."""
        w, judge = self.weights, self.judge
        scale = w.elsewhere**query.elsewhere
        # The facts the reader has had ("what else?") are lowered, the last one's neighbours
        # raised.
        excluded = self.index.positions(query.exclude) if query.exclude else ()
        ranked: list[Match] = []
        for score, match in raw:
            near = match.fact in query.near
            reach = score * scale * (w.near_boost if near else 1.0)
            if len(ranked) >= 3 and reach <= ranked[2].score:
                break
            factor = 1.0
            for check in checks:  # (judge_fact, without the call: it runs for every fact)
                factor *= check(judge, asked, match.fact, None)
            score *= scale * factor
            match.factor = scale * factor
            if match.fact in excluded:
                score *= w.already_given
            elif near:
                score = min(1.0, score * w.near_boost)
            match.score = score
            insort(ranked, match, key=_descending)
        return ranked

    def explain(
        self,
        query: Query,
        asked: Asked,
        checks: tuple[SignalCheck, ...],
        fact: int,
        opinion: tuple[float, float] | None = None,
    ) -> list[Signal]:
        """Return the signals that moved a fact's score, each with what it saw."""
        found: list[Signal] = []
        if query.elsewhere:
            scale = self.weights.elsewhere**query.elsewhere
            found.append(Signal("elsewhere", scale, f"{query.elsewhere} sign(s) of another event"))
        judge_fact(self.judge, asked, fact, checks, found)
        if self.index.facts[fact].id in query.exclude:
            found.append(Signal("already-given", self.weights.already_given, "asked for another"))
        if opinion is not None:
            probability, factor = opinion
            found.append(
                Signal("classifier", round(factor, 3), f"finds it {percent(probability)} likely")
            )
        return found

    def _asked(self, query: Query, likely: Likelihood | None = None) -> Asked:
        """Work out, once a reading, what its signals hold each fact against."""
        index, tokens = self.index, query.tokens
        # The first question word says what is asked; a later "when" is mostly a conjunction
        # ("who died when the fighting broke out?").
        first = next((t for t in tokens if t in self._asked_words), None)
        if first in query.soft:
            first = None
        setting = index.setting_tokens
        if query.polar and sum(t in index.places for t in tokens) > 1:
            # "Is Ber in Gao Region?": the article's own place is what is claimed of, here.
            setting = setting - index.places
        checked = frozenset(tokens) - query.soft - self._asked_words - setting
        if query.premise:
            # What it asks came after tells when, not what is asked: "who spoke for them after
            # they took Ber?" is answered by a fact not telling that they took it.
            checked = checked - query.premise - self._after
        topics = [t for t in tokens if t not in index.weak_tokens]
        subjects = [t for t in topics if not t.startswith("@")]
        unknown = [t for t in subjects if t not in index.idf and not t.isdigit()]
        # (Only words the article uses: a word it never uses counts against every fact already;
        # but "was anyone punished?" asks whether that was done at all, which no fact says.)
        said, weak = index.article_tokens, index.weak_tokens
        claimed = (
            frozenset(
                t
                for t in checked
                if (t in said or query.anyone) and t not in weak and t not in self._after
            )
            if query.polar
            else frozenset()
        )
        dated = [t for t in tokens if lang.is_figure(t)]
        dated_setting = (
            bool(dated)
            and not index.title_events.isdisjoint(tokens)
            and all(t in index.setting_tokens or t in weak or t in lang.MONTHS for t in tokens)
        )
        months = (
            query.months.intersection(checked) - query.told
            if query.months and query.since is None and query.after is None
            else frozenset()
        )
        endorsed = (
            self._endorsed(checked, likely)
            if likely is not None and not query.long
            else _NO_ENDORSED
        )
        return Asked(
            query,
            first,
            checked,
            topics,
            subjects,
            unknown,
            claimed,
            months,
            dated_setting,
            endorsed,
        )

    def _endorsed(self, checked: frozenset[str], likely: Likelihood) -> dict[str, frozenset[int]]:
        """Return, for the plain words of a message read as `checked` tokens, the facts the
        classifier weighs them most towards (`Asked.endorsed`)."""
        token = self.judge.vocabulary.token
        positions = self._positions
        endorsed: dict[str, frozenset[int]] = {}
        for word, numbers in likely.learned(
            self.weights.learned_weight, self.weights.learned_facts
        ):
            found = token(word)
            if found is None or found not in checked or found.startswith("@"):
                continue
            facts = frozenset(positions[n] for n in numbers if n in positions)
            if facts:
                endorsed[found] = endorsed.get(found, frozenset()) | facts
        return endorsed


class Explanation:
    """What moved one fact's score for one reading, worked out the first time it is asked for:
    explaining costs more than ranking, and most replies are never explained."""

    __slots__ = ("_args", "_ranker", "_signals")

    def __init__(
        self,
        ranker: Ranker,
        query: Query,
        asked: Asked,
        checks: tuple[SignalCheck, ...],
        fact: int,
        opinion: tuple[float, float] | None = None,
    ) -> None:
        self._ranker = ranker
        self._args = (query, asked, checks, fact, opinion)
        self._signals: tuple[Signal, ...] | None = None

    def of(self, fact: int, opinion: tuple[float, float] | None) -> Explanation:
        """Return what moved another fact's score for the same reading (`opinion`: the
        classifier's of it, as `Match.opinion`)."""
        query, asked, checks, _, _ = self._args
        return Explanation(self._ranker, query, asked, checks, fact, opinion)

    def signals(self) -> tuple[Signal, ...]:
        """Return the signals that moved the score, each with what it saw."""
        if self._signals is None:
            self._signals = tuple(self._ranker.explain(*self._args))
        return self._signals


def _two_best(ranked: list[Match]) -> tuple[float, float]:
    """Return the best score and the next, of a ranking not yet sorted."""
    first = second = 0.0
    for match in ranked:
        if match.score > first:
            first, second = match.score, first
        elif match.score > second:
            second = match.score
    return first, second


def _first(pair: tuple[float, Match]) -> float:
    return pair[0]


def _descending(match: Match) -> float:
    return -match.score
