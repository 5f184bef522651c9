"""Index the pack once at start-up: what each fact tells, asks, cites, and where and when it is
set, so that answering a question costs no parsing."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import lang
from bot.article import INFOBOX, LEAD, Sentence
from bot.asks import Asks, polar
from bot.knowledge import Fact, Pack, asked_facts
from bot.lang.words import common_words
from bot.text import after_day, fold, normalize
from bot.vocabulary import Vocabulary
from bot.weights import Weights

if TYPE_CHECKING:
    from bot.interpret import Query

_DAY = re.compile(rf"\b({'|'.join(lang.MONTH_NAMES)}) (\d{{1,2}})\b")
_DATE = re.compile(
    rf"\b(?:(?:{'|'.join(lang.MONTH_NAMES)})(?: \d{{1,2}})?(?:, \d{{4}})?|\d{{4}}s?)\b"
)
_COUNT = re.compile(rf"(?<![A-Za-z]-)\b(?:{lang.NUMBER_PATTERN})\b", re.IGNORECASE)
"""A number, not one that is part of a name ("COVID-19")."""
_PLACING_SPAN = 5
"""How many words may link a place to another that places it ("Ber, in the north of Mali")."""
# A capitalised word (not an acronym) inside a sentence: a name that answers "what was the name".
_PROPER_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")
# A name of a people, written capitalised in an answer ("Tilemsi Arabs").
_PEOPLE = re.compile(r"(?<=[a-z] )[A-Z][a-z]+")


@dataclass(frozen=True, slots=True)
class Phrasings:
    """Every fact's phrasings, analysed: what the second ranking pass compares a question with."""

    tokens: tuple[frozenset[str], ...]
    """Each phrasing's tokens."""
    fact: tuple[int, ...]
    """Each phrasing's fact."""
    weight: tuple[float, ...]
    """Each phrasing's summed word weights."""


ASKED_KINDS = (("number", "many"), ("date", "when"), ("name", "name"))
"""The kind of answer a question word asks for: "how many" a number, "when" a date."""


class FactIndex:
    """All that is worked out from the pack before any question is asked."""

    def __init__(self, pack: Pack, vocabulary: Vocabulary, asks: Asks, weights: Weights) -> None:
        self.facts = pack.facts
        self.sentences: tuple[Sentence, ...] = pack.article.sentences
        self.fact_index = {fact.id: index for index, fact in enumerate(pack.facts)}
        v = vocabulary
        normals = v.normals
        self.answers = [v.analyze(f.answer, normal=normals[f.answer]) for f in pack.facts]
        # The deeds each answer tells, by the words that look like a verb's past ("returned"):
        # an answer telling one besides what a question says tells it something new.
        self.answer_deeds = [
            frozenset(
                t
                for w in v.name(normals[f.answer]).split()
                if not w.startswith("@")
                and lang.participle(w)
                and (t := v.token(w))
                and t not in lang.MONTHS
            )
            for f in pack.facts
        ]
        # Whom each answer names only as given or done to ("returned the prisoners to the
        # Mauritanian Army"): what they did is not what it tells.
        named_answers = [v.name(normals[f.answer]).split() for f in pack.facts]
        self.received = [_received(named, lang.RECIPIENT_LEADS) for named in named_answers]
        self.undergone = [
            _received(named, lang.RECIPIENT_LEADS | lang.SOURCE_LEADS) for named in named_answers
        ]
        """Per fact, whom its answer names only as given, done to or taken from ("seized Ber
        from the MNLA"): it tells nothing they did."""
        self.sentence_tokens = [frozenset(v.analyze(s.text)) for s in self.sentences]
        self.done_by_named = [_done_by_named(normals[f.answer], v) for f in pack.facts]
        """Per fact, the deeds its answer names the doer of: a group or a person before them
        ("the MAA returned three prisoners"), or after "by"."""
        self.unidentified = [
            _unidentified(normals[f.answer], v)
            - {found[0] for q in f.questions if (found := asks.thing(v.spelled_text(normals[q])))}
            for f in pack.facts
        ]
        """Per fact, the things its answer names only as some of them, never saying which
        ("in search of gangs", "a truck"), but for any thing its phrasings ask for by name
        ("which vehicles were seized?"): it does not tell "which gangs?"."""
        self.places_placed = [
            _placed([f.answer, *(c.text for c in f.citations)], v, asks.places) for f in pack.facts
        ]
        """Per fact, the places its answer or sentences place: another place follows them
        closely ("in Ber, Mali" places Ber; "a source from Timbuktu said" does not); and
        those a phrasing asks where they are."""
        self.sentences_with: dict[str, list[int]] = {}
        for index, sentence_tokens in enumerate(self.sentence_tokens):
            for token in sentence_tokens:
                self.sentences_with.setdefault(token, []).append(index)
        # Each citation's sentence, with how much of it the citation quotes.
        cited = [
            [(s, len(c.text)) for c in f.citations if (s := pack.article.find(c.text))]
            for f in pack.facts
        ]
        self.fact_sentences = [frozenset(s.index for s, _ in found) for found in cited]
        # The sentences a fact tells, not only names something from: it quotes most of them
        # (not "the Arab Movement of Azawad (MAA)" out of a sentence about a raid).
        self.told_sentences = [
            frozenset(s.index for s, quoted in found if 2 * quoted >= len(s.text))
            for found in cited
        ]
        self.phrasings, fact_words = self._phrasings(pack, vocabulary, asks)
        self.vocab, self.kinds = self._vocabularies(v, fact_words)
        self._read_opposites(v)
        # What each fact is about: what it is asked and what its answer says, not all that the
        # sentences it quotes name ("MAA stands for ..." quotes a sentence naming the MNLA).
        self.about = [
            frozenset(words).union(answer)
            for words, answer in zip(fact_words, self.answers, strict=True)
        ]
        # Each fact's own names: those its answer gives and those the curator said it is
        # about ("Mohamed Ould Ramadane was the MAA's spokesperson" is about the MAA too).
        own = [
            frozenset(t for t in answer if t.startswith("@")).union(f"@{e}" for e in fact.about)
            for fact, answer in zip(pack.facts, self.answers, strict=True)
        ]
        self.own_names = own
        # For each fact, the facts telling the same sentences about others (besides places),
        # each with what the curator said it is about: "the MAA is composed mostly of Tilemsi
        # Arabs, and the MNLA is composed mainly of Tuaregs" is told as two facts, each about
        # its own group. (Not the MAA's claim, told with its spokesman's name: both are about
        # him and the MAA.)
        about = [
            frozenset(f"@{e}" for e in fact.about if v.kind(f"@{e}") != "place")
            for fact in pack.facts
        ]
        # (Found among the facts telling the same sentences, not by comparing every pair: a
        # pack of thousands of facts builds as fast.)
        telling: dict[frozenset[int], list[int]] = {}
        for number, told in enumerate(self.told_sentences):
            telling.setdefault(told, []).append(number)
        self.other_parts = [
            tuple(
                (other, about[other])
                for other in telling[told]
                if other != number and about[other] and about[other].isdisjoint(own[number])
            )
            for number, told in enumerate(self.told_sentences)
        ]
        self._weigh(fact_words, weights.unknown_share)
        self._index_postings(weights)
        self._set_the_scene(pack, vocabulary, asks)
        self._tell_the_story(vocabulary)
        self._read_identities(vocabulary)
        self.starters = tuple(
            pack.facts[self.fact_index[i]].questions[0] for i in pack.domain.starters
        ) or _first_of_each_section(pack)
        # Each headed section's name as tokens, with its facts in the article's order: a
        # message naming only a section ("tell me about the aftermath") is offered them.
        self.sections = tuple(
            (name, frozenset(v.analyze(name)) - self.weak_tokens, facts)
            for name in pack.article.sections
            if name not in (INFOBOX, LEAD)
            and (
                facts := tuple(
                    sorted(
                        (n for n, f in enumerate(pack.facts) if f.section == name),
                        key=lambda n: min(self.fact_sentences[n], default=0),
                    )
                )
            )
        )
        # Each fact's first phrasing in each language its phrasings are in: a fact is offered
        # to a reader in the language they ask in, when it has a phrasing in it.
        first_asked = [f.questions[0] for f in pack.facts]
        self._phrased_in: dict[str, list[str]] = {}
        for number, fact in enumerate(pack.facts):
            for question in reversed(fact.questions):
                language = lang.language_of(fold(question))
                if language not in self._phrased_in:
                    self._phrased_in[language] = list(first_asked)
                self._phrased_in[language][number] = question
        first = {f.questions[0]: number for number, f in enumerate(pack.facts)}
        # The fact a question offered to the reader answers.
        self.phrased = asked_facts(pack.facts)
        self._starters_in = {
            language: tuple(phrased[first[q]] for q in self.starters)
            for language, phrased in self._phrased_in.items()
        }

    def more_of(self, fact: int, told: frozenset[str]) -> Fact | None:
        """Return what to tell a reader asking for more after a fact ("tell me more"): the fact
        telling the first sentence of the story after the fact's own that the reader has not
        been shown yet, by it or by the facts they have had (`told`, by id); from the story's
        start after a fact the infobox alone tells. None when the story has no more."""
        facts, sentences, telling = self.facts, self.sentences, self.told_sentences
        had = [n for n, f in enumerate(facts) if f.id in told or n == fact]
        shown = frozenset().union(*(telling[n] for n in had))
        own = [i for i in telling[fact] if sentences[i].section != INFOBOX]
        after = max(own, default=-1)
        new = [
            (min(fresh), n)
            for n in range(len(facts))
            if n not in had
            and (
                fresh := [
                    i
                    for i in telling[n]
                    if i > after and i not in shown and sentences[i].section != INFOBOX
                ]
            )
        ]
        return facts[min(new)[1]] if new else None

    def offered(self, fact: int, language: str) -> str:
        """Return how a fact is offered to a reader asking in a language: its first phrasing
        in it, else its first."""
        phrased = self._phrased_in.get(language)
        return phrased[fact] if phrased is not None else self.facts[fact].questions[0]

    def starters_in(self, language: str) -> tuple[str, ...]:
        """Return the starter questions, offered in a language (`offered`)."""
        return self._starters_in.get(language, self.starters)

    def part_named(self, query: Query, fact: int) -> int | None:
        """Return the fact telling the part of a fact's sentences a reading names instead, or
        None: "the Tuaregs are in which group?" reads most like the MAA's make-up ("is the MAA
        Arab or Tuareg?"), told in one sentence with the MNLA's, which is about them. (When the
        reader names, of their own, a group or person the other fact is about, and nothing the
        fact names or is about; in a follow-up, not the fact last answered, nor one the reader
        has had when asking for more.)"""
        parts = self.other_parts[fact]
        if not parts or any(t in self.own_names[fact] for t in query.tokens):
            return None
        # (Not a name the conversation lent: "they" in "who is it composed of?" after the MAA.)
        typed = [t for t in query.tokens if t not in query.soft]
        had = self.positions(query.exclude) if query.exclude else frozenset()
        return next(
            (
                other
                for other, names in parts
                if other not in had and other != query.last and any(t in names for t in typed)
            ),
            None,
        )

    def positions(self, fact_ids: Iterable[str]) -> frozenset[int]:
        """Return the positions in the pack of the facts with these ids (unknown ids left out)."""
        return frozenset(self.fact_index[f] for f in fact_ids if f in self.fact_index)

    def _phrasings(
        self, pack: Pack, vocabulary: Vocabulary, asks: Asks
    ) -> tuple[Phrasings, list[set[str]]]:
        """Analyse every phrasing: its tokens, what it asks for and what it takes as told."""
        tokens_of: list[frozenset[str]] = []
        fact_of: list[int] = []
        fact_words: list[set[str]] = []
        self.asks: list[frozenset[str]] = []
        # The deeds each fact is asked who did, and the words of its yes/no phrasings.
        self.doers: list[frozenset[str]] = []
        # Whom each fact is asked what they did ("when did the MAA return them?" -> the MAA).
        self.subjects: list[frozenset[str]] = []
        # The deeds each fact is asked why of ("why did the MAA keep pick-ups?" -> keep).
        self.reasons: list[frozenset[str]] = []
        # Who each fact is asked the number of ("how many civilians were killed?" -> civilian).
        self.counted: list[frozenset[str]] = []
        # The facts whose phrasings count things and never people ("how many pick-ups ...?").
        self.things_counted: set[int] = set()
        # Whom each fact is asked each attribute of, by kind of person ("how old was the girl
        # killed?" -> age: girl).
        self.held: list[dict[str, frozenset[str]]] = []
        # The names each fact is asked what or who they are ("what is the MAA?" -> @maa), or
        # its answer opens with.
        self.defines: list[frozenset[str]] = []
        self._polar_words: list[frozenset[str]] = []
        # What each fact tells, for questions that take something as given.
        self.told: list[frozenset[str]] = []
        # The days each fact's phrasings (not its yes/no ones) ask what came after, with their
        # tokens ("who controlled Ber after May 7?"): asked so, it tells what followed that day,
        # however its sentences are dated.
        self.asked_after: list[dict[tuple[int, int], frozenset[str]]] = []
        self.after_tokens = vocabulary.tokens(lang.AFTER_DAY_WORDS)
        after = vocabulary.token("after")
        kind_of = {t: kind for kind, word in ASKED_KINDS if (t := vocabulary.token(word))}
        question_words = vocabulary.tokens(lang.TYPED_QUESTION_WORDS) | set(kind_of)
        joining = vocabulary.tokens(lang.JOINING_QUESTION_WORDS)
        # The kinds of answer its own phrasings ask of each fact ("how much does it cost?"):
        # its curator says it answers them, in words (a sum "not disclosed") if not in figures.
        self._phrased_kinds: list[frozenset[str]] = []
        # The question word each fact is asked with, each phrasing's first ("so when did ...?"),
        # not one joining its clauses ("what did they lose when they lost it?").
        self._opening_words: list[frozenset[str]] = []
        # The facts a phrasing asks where something took place: their curators say they answer
        # it, whatever place their answer names ("where do the concerts take place?" of
        # "eleven stages across the town").
        self.pinpointed: set[int] = set()
        event_place = re.compile(lang.pattern("event_place"))
        place_located = re.compile(lang.pattern("place_located"))
        for index, fact in enumerate(pack.facts):
            asked_placed: set[str] = set()
            phrased: set[str] = set()
            opening: set[str] = set()
            words: set[str] = set()
            asked: set[str] = set()
            told: set[str] = set()
            doers: set[str] = set()
            subjects: set[str] = set()
            reasons: set[str] = set()
            counted: set[str] = set()
            counts: set[bool] = set()
            defines: set[str] = set()
            polar_words: set[str] = set()
            held: dict[str, frozenset[str]] = {}
            days_after: dict[tuple[int, int], frozenset[str]] = {}
            for question in fact.questions:
                normal = vocabulary.normals[question]
                # (Not a yes/no one: "were they still there after May 7?" may be told no.)
                day_after = after_day(normal.split())
                if day_after is not None and not polar(normal.split()):
                    day = day_after[0]
                    its_tokens = frozenset(vocabulary.analyze(question, normal=normal))
                    days_after[day] = days_after.get(day, frozenset()) | its_tokens
                attributes = asks.asks(normal)
                asked |= attributes
                doers |= asks.doers(normal)
                # ("What does MNLA stand for?" asks what it is, not what it did.)
                defined = asks.defined(question, normal)
                if not defined:
                    subjects |= asks.subjects(normal)
                reasons |= asks.reasons(normal)
                counted |= asks.counted(normal)
                spelled = vocabulary.spelled_text(normal)
                if event_place.search(spelled):
                    self.pinpointed.add(index)
                # ("where is the main stage?", "is the river in Ashwick?": its curator says it
                # places the stage, the river.)
                located = place_located.search(vocabulary.name(spelled))
                if located is not None:
                    asked_placed.update(p for p in located.groups() if p)
                if (people := asks.counts_people(normal)) is not None:
                    counts.add(people)
                defines |= defined
                analysed = vocabulary.analyze(question, normal=normal)
                tokens = frozenset(analysed)
                if attributes and (persons := asks.held(analysed)):
                    for attribute in attributes:
                        held[attribute] = held.get(attribute, frozenset()) | persons
                # (Asked as it opens: "... nearby when the fighting broke out, so did ...?"
                # asks no date.)
                first = next((t for t in analysed[:2] if t in question_words), None)
                asked_with = _asked_with(normal.split())
                if asked_with is None:
                    # (No question word: what asks is what a question's own reading finds
                    # first, "lieu" in "a-t-il lieu ... ?", less a clause's "when".)
                    asked_with = next(
                        (t for t in analysed if t in question_words and t not in joining), None
                    )
                    if asked_with is not None:
                        opening.add(asked_with)
                elif token := vocabulary.token(asked_with):
                    opening.add(token)
                if first in kind_of:
                    phrased.add(kind_of[first])
                if polar(normal.split()):
                    polar_words |= tokens
                tokens_of.append(tokens)
                fact_of.append(index)
                words |= tokens
                if lang.AFTER_WORDS.isdisjoint(normal.split()):
                    # A phrasing asking what happened "after" something takes it as given.
                    told |= tokens
            fact_words.append(words)
            answer = self.answers[index]
            # An answer saying "later" tells what came after, whatever it repeats.
            self.told.append(frozenset() if after in answer else frozenset(told | set(answer)))
            self.asks.append(frozenset(asked))
            self.doers.append(frozenset(doers))
            self.subjects.append(frozenset(subjects))
            self.reasons.append(frozenset(reasons))
            self.counted.append(frozenset(counted))
            if counts == {False}:
                self.things_counted.add(index)
            self.held.append(held)
            self.asked_after.append(days_after)
            # An answer that opens with a name tells what that is when the name is a place's
            # ("In Khalil was under the control of the MNLA ..." answers "what is In Khalil?")
            # or is said what it is ("ALT stands for ..."); not "Burkinabe forces left Ber".
            said = [
                w
                for w in vocabulary.name(vocabulary.normals[fact.answer]).split()
                if w not in lang.ARTICLES
            ][:2]
            opens = (
                said[:1]
                if said
                and said[0].startswith("@")
                and (said[0] in asks.places or not lang.DEFINING_WORDS.isdisjoint(said[1:]))
                else ()
            )
            self.defines.append(frozenset(defines.union(opens)))
            self._polar_words.append(frozenset(polar_words))
            self.places_placed[index] |= asked_placed
            self._phrased_kinds.append(frozenset(phrased))
            self._opening_words.append(frozenset(opening))
        return Phrasings(tuple(tokens_of), tuple(fact_of), ()), fact_words

    def _vocabularies(
        self, v: Vocabulary, fact_words: list[set[str]]
    ) -> tuple[list[frozenset[str]], list[frozenset[str]]]:
        """Return each fact's vocabulary (its phrasings, answer and sentences) and what kinds of
        thing it can answer (a date, a number, a name)."""
        vocab: list[frozenset[str]] = []
        kinds: list[frozenset[str]] = []
        self.asserted: list[frozenset[str]] = []
        self.numbers: list[frozenset[str]] = []
        """The numbers each fact's answer and sentences give."""
        for fact, answer, words, cited, polar_words, phrased in zip(
            self.facts,
            self.answers,
            fact_words,
            self.fact_sentences,
            self._polar_words,
            self._phrased_kinds,
            strict=True,
        ):
            said = {t for i in cited for t in self.sentence_tokens[i]}
            said |= set(answer)
            # A sentence's date often stands in the one before it ("A truck and two pick-ups
            # were seized" is the raid's), so neighbouring dates do not contradict it.
            nearby = {
                t
                for i in cited
                for j in (i - 1, i + 1)
                if 0 <= j < len(self.sentences)
                for t in self.sentence_tokens[j]
                if lang.is_figure(t)
            }
            vocab.append(frozenset(words | said | nearby))
            # What it says, for a yes/no question: its statement and its yes/no phrasings.
            self.asserted.append(frozenset(said | nearby | polar_words))
            texts = [fact.answer, *(self.sentences[i].text for i in cited)]
            self.numbers.append(self._counts(v, texts))
            told = answer_kinds(texts)
            kinds.append(told | phrased)
        return vocab, kinds

    @staticmethod
    def _counts(v: Vocabulary, texts: list[str]) -> frozenset[str]:
        """Return the numbers texts give, as tokens: not their dates' days and years."""
        undated = _DATE.sub(" ", " ".join(texts))
        return frozenset(t for m in _COUNT.finditer(undated) for t in v.analyze(m[0]))

    def _weigh(self, fact_words: list[set[str]], unknown_share: float) -> None:
        """Weigh each word by how few facts use it (inverse document frequency)."""
        count = len(self.facts)
        frequency: dict[str, int] = {}
        for words in fact_words:
            for token in words:
                frequency[token] = frequency.get(token, 0) + 1
        self.frequency = frequency
        self.idf = {t: math.log((count + 1) / (df + 0.5)) for t, df in frequency.items()}
        # A word no fact uses weighs a little less than the rarest word a fact does use.
        self.unknown_idf = unknown_share * math.log((count + 1) / 0.5)
        weights = tuple(sum(self.idf[t] for t in p) for p in self.phrasings.tokens)
        self.phrasings = Phrasings(self.phrasings.tokens, self.phrasings.fact, weights)

    def _read_opposites(self, v: Vocabulary) -> None:
        """Work out each deed's opposites as tokens ("arrive" -> leave), and each fact's own
        deeds: the words most of its phrasings say ("when did they leave?")."""
        opposites: dict[str, set[str]] = {}
        for one, other in lang.OPPOSITES:
            ones, others = v.tokens(one.split()), v.tokens(other.split())
            for token in ones:
                opposites.setdefault(token, set()).update(others - ones)
            for token in others:
                opposites.setdefault(token, set()).update(ones - others)
        self.opposites = {t: frozenset(o) for t, o in opposites.items() if o}
        said: list[dict[str, int]] = [{} for _ in self.facts]
        asked = [0] * len(self.facts)
        for tokens, fact in zip(self.phrasings.tokens, self.phrasings.fact, strict=True):
            asked[fact] += 1
            for token in tokens & self.opposites.keys():
                said[fact][token] = said[fact].get(token, 0) + 1
        self.own_deeds = [
            frozenset(t for t, n in counts.items() if 2 * n >= total)
            for counts, total in zip(said, asked, strict=True)
        ]

    def weight(self, token: str) -> float:
        """Return how much a token tells facts apart."""
        return self.idf.get(token, self.unknown_idf)

    def _index_postings(self, weights: Weights) -> None:
        """Index each token's facts for the first pass and each fact's phrasings for the second."""
        share = self._shares()
        # Sparse, so memory grows with the pack, not with its square.
        postings: dict[str, list[tuple[int, float, float]]] = {}
        for index, vocab in enumerate(self.vocab):
            for token in vocab:
                weight = self.weight(token)
                bonus = weights.share_bonus * share.get(token, {}).get(index, 0.0)
                postings.setdefault(token, []).append((index, weight + bonus, weight))
        self.postings = {t: tuple(p) for t, p in postings.items()}
        self.common = max(weights.common_floor, int(weights.common_share * len(self.facts)))
        self._index_phrasings()

    def _shares(self) -> dict[str, dict[int, float]]:
        """Return each token's largest share of one phrasing of each fact: a fact with a
        phrasing close to the question stands out among facts that merely share words."""
        phrasings = self.phrasings
        share: dict[str, dict[int, float]] = {}
        for pid, tokens in enumerate(phrasings.tokens):
            for token in tokens:
                row = share.setdefault(token, {})
                part = self.idf[token] / phrasings.weight[pid]
                if part > row.get(phrasings.fact[pid], 0.0):
                    row[phrasings.fact[pid]] = part
        return share

    def _index_phrasings(self) -> None:
        """Index each fact's phrasings by token, for the second pass.

        Phrasings that read the same once analysed ("who won?", "Who won the battle?") are
        scored once; a question that reads exactly like one goes straight to its fact.
        """
        phrasings = self.phrasings
        local: list[dict[str, list[int]]] = [{} for _ in self.facts]
        weights: list[list[float]] = [[] for _ in self.facts]
        self.exact: dict[frozenset[str], int] = {}
        seen: set[tuple[int, frozenset[str]]] = set()
        for pid, tokens in enumerate(phrasings.tokens):
            fact = phrasings.fact[pid]
            if (fact, tokens) in seen:
                continue
            seen.add((fact, tokens))
            self.exact.setdefault(tokens, fact)
            # (Numbered within their fact: a question's overlap with them is a short list.)
            number = len(weights[fact])
            weights[fact].append(phrasings.weight[pid])
            for token in tokens:
                local[fact].setdefault(token, []).append(number)
        self.local_postings = [{t: tuple(p) for t, p in f.items()} for f in local]
        self.local_weights = [tuple(w) for w in weights]
        """Each fact's distinct phrasings' summed word weights, as `local_postings` numbers them."""
        self.choices: list[list[str]] = [[] for _ in self.facts]
        for pid, index in enumerate(phrasings.fact):
            joined = " ".join(sorted(phrasings.tokens[pid]))
            if joined not in self.choices[index]:
                self.choices[index].append(joined)

    def _set_the_scene(self, pack: Pack, v: Vocabulary, asks: Asks) -> None:
        """Work out the article's own setting, its words, and where each fact is set."""
        self.article_tokens = frozenset(t for s in self.sentence_tokens for t in s)
        # The subject's own name, place and wider event: naming them never contradicts a fact.
        labels = tuple(f"{label}:" for label in pack.domain.setting_labels)
        setting = [pack.article.title]
        if labels:
            setting += [s.text for s in self.sentences if s.text.startswith(labels)]
        setting_tokens = [t for s in setting for t in v.analyze(s)]
        self.title_tokens = frozenset(v.analyze(pack.article.title))
        self.setting_tokens = frozenset(setting_tokens)
        # Each setting line's value of more than one word, as words ("ber mali", "mali war"):
        # "the clashes of the Mali War" name the article's own setting, not another event.
        self.setting_names = tuple(
            words
            for line in setting[1:]
            if len(words := tuple(normalize(line.partition(":")[2]).split())) > 1
        )
        self._question_words(pack, v)
        self.places = asks.places
        # What the title names besides places and years ("battle"), and the facts that answer
        # questions about it and no more ("when was the battle?"): its own date, place, sides.
        self.title_events = frozenset(
            t for t in self.title_tokens if t not in self.places and not t.isdigit()
        )
        plain = self.setting_tokens | self.weak_tokens
        self.setting_facts = frozenset(
            fact
            for tokens, fact in zip(self.phrasings.tokens, self.phrasings.fact, strict=True)
            if tokens <= plain and not tokens.isdisjoint(self.title_events)
        )
        # The article's own place: the first its title and setting lines name.
        self.home_entity = next((t[1:] for t in setting_tokens if t in self.places), None)
        # The subject's own places are everywhere.
        self.everywhere = self.places & self.setting_tokens
        # The wider event it was part of, by its name's tokens and those telling it from the
        # subject ("Mali War" -> war): asked of on its own, it is another event.
        named = [frozenset(v.analyze(" ".join(words))) for words in self.setting_names]
        wider = [
            (name, telling)
            for name in named
            if (
                telling := frozenset(
                    t for t in name - self.title_tokens - self.places if not t.isdigit()
                )
            )
        ]
        self.wider_named, self.wider = wider[0] if wider else (frozenset(), frozenset())
        self.fact_places = [self._located(pack, v, asks, index) for index in range(len(pack.facts))]
        # The question words each fact is asked with: those its phrasings open with, and
        # "where" when its answer names a place besides the article's own, however it is asked.
        where, home = v.token("where"), f"@{self.home_entity}"
        self.phrased_words = [
            opening | {where}
            if where and any(t in self.places and t != home for t in answer)
            else opening
            for opening, answer in zip(self._opening_words, self.answers, strict=True)
        ]
        # What each fact's answer itself gives: a date, a number (in so many words, not
        # "unknown"), a place besides the article's own.
        self.answer_kinds = [
            given_kinds(fact.answer)
            | ({"place"} if any(t in self.places and t != home for t in answer) else set())
            for fact, answer in zip(self.facts, self.answers, strict=True)
        ]
        # ... and those it answers: "when" too, when its answer gives a date.
        when = v.token("when")
        self.asked_words = [
            words | {when} if when and any(t in lang.MONTHS for t in answer) else words
            for words, answer in zip(self.phrased_words, self.answers, strict=True)
        ]
        self.sides = self._sides(pack.domain.sides_label, v)
        self.winner = self._winner(v)
        self.event_words = frozenset(pack.domain.event_words)
        self.event_tokens = v.tokens(pack.domain.event_words)
        self.people_tokens = v.tokens(pack.domain.people_nouns)
        self.people_nouns = frozenset(fold(w) for w in pack.domain.people_nouns)
        self.force_tokens = v.tokens(pack.domain.force_nouns)

    def _question_words(self, pack: Pack, v: Vocabulary) -> None:
        """Work out the tokens that ask rather than tell, and those that make a question topical."""
        self.question_tokens = v.tokens(lang.QUESTION_WORDS)
        self.typed_question_tokens = v.tokens(lang.TYPED_QUESTION_WORDS)
        generic = v.tokens(lang.GENERIC)
        named = self.article_tokens | {f"@{e.id}" for e in pack.entities}
        # The telling words of a name are the article's too: "who is the marabout?" of "the
        # marabout's son" asks about what it tells of ("how old are you?" of "the Old Quay"
        # does not).
        common = common_words()
        named |= v.tokens(
            [w for e in pack.entities for w in normalize(e.name).split() if w not in common]
        )
        self.topical = frozenset(t for t in named if not t.isdigit()) - self.question_tokens
        self.topical -= generic
        # Tokens that alone do not make a question about anything: question words, numbers.
        numbers = {t for t in self.frequency if t.isdigit()}
        self.weak_tokens = self.question_tokens | generic | numbers

    def _located(self, pack: Pack, v: Vocabulary, asks: Asks, fact: int) -> frozenset[str]:
        """Return where a fact's events happen: the places its answer and sentences put anything
        "in" or "at", not those merely named."""
        texts = [
            pack.facts[fact].answer,
            *(self.sentences[i].text for i in self.fact_sentences[fact]),
        ]
        return frozenset(place for text in texts for place in asks.located(v.normals[text]))

    def _winner(self, v: Vocabulary) -> str | None:
        """Return the side the fact asked who won names first ("The MAA won, ..."), if the
        pack has two sides and such a fact: "the winners" are that side, "the losers" the
        other."""
        win = v.token("win")
        if len(self.sides) != 2:
            return None
        for doers, answer in zip(self.doers, self.answers, strict=True):
            if win in doers:
                return next((t for t in answer if t in self.sides), None)
        return None

    def _sides(self, label: str | None, v: Vocabulary) -> tuple[str, ...]:
        """Return the sides the infobox names, in its order: "the other side" is one of them."""
        if not label:
            return ()
        lines = [s for s in self.sentences if s.section == INFOBOX and s.text.startswith(label)]
        return tuple(
            dict.fromkeys(t for s in lines for t in v.analyze(s.text) if t.startswith("@"))
        )

    def _tell_the_story(self, v: Vocabulary) -> None:
        """Date each fact, find its neighbours and what happens next after it."""
        self.neighbours = self._neighbours()
        dates, dated = self._date_sentences()
        # When each sentence's event happens, as (month, day), as `_date_sentences` dates it.
        self.sentence_when = dates
        self.next_fact = self._follow_on(v, dates, dated)
        # Facts whose answer says who told it ("X claimed...", "according to..."): they alone
        # answer "what did X say?" (`saying`, by position).
        say = v.token("say")
        self.reported = frozenset(
            f.id
            for f, answer in zip(self.facts, self.answers, strict=True)
            if say in answer or any(phrase in fold(f.answer) for phrase in lang.REPORTING)
        )
        self.saying = self.positions(self.reported)
        # Facts whose answer and sentences name no one who told them: the article's own word
        # ("according to whom?" has no one to answer).
        self.unsourced = frozenset(
            f.id
            for f in self.facts
            if f.id not in self.reported
            and not any(
                say in v.analyze(c.text) or any(p in fold(c.text) for p in lang.REPORTING)
                for c in f.citations
            )
        )
        # When each fact's event happens, as (month, day): (0, 0) for a fact telling no story,
        # or summing up from the infobox.
        self.when = [self._when(cited, dates) for cited in self.fact_sentences]
        # The months each fact's own sentences and answer name: a question putting its events
        # in another month asks of another event.
        self.months = [
            frozenset(t for i in cited for t in self.sentence_tokens[i] if t in lang.MONTHS)
            | frozenset(t for t in answer if t in lang.MONTHS)
            for cited, answer in zip(self.fact_sentences, self.answers, strict=True)
        ]
        # Where and when each fact's own event happens, when it is not the article's own
        # place: "who won that fight?" after another fight is about that one.
        self.setting: dict[str, tuple[str, ...]] = {}
        for fact, answered, located in zip(self.facts, self.answers, self.fact_places, strict=True):
            where = sorted(located - self.everywhere)
            if where:
                months = [t for t in answered if t in lang.MONTHS]
                days = [t for t in answered if t.isdigit()] if months else []
                self.setting[fact.id] = (*where, *months, *days)

    def _neighbours(self) -> dict[str, frozenset[int]]:
        """Return each fact's neighbours: the facts citing its sentences or the ones beside."""
        citing: dict[int, set[int]] = {}
        for index, cited in enumerate(self.fact_sentences):
            for sentence in cited:
                citing.setdefault(sentence, set()).add(index)
        neighbours: dict[str, frozenset[int]] = {}
        for index, (fact, cited) in enumerate(zip(self.facts, self.fact_sentences, strict=True)):
            near = {j for i in cited for n in (i - 1, i, i + 1) for j in citing.get(n, ())}
            neighbours[fact.id] = frozenset(near - {index})
        return neighbours

    def _when(self, cited: frozenset[int], dates: list[tuple[int, int]]) -> tuple[int, int]:
        """Return when a fact's event happens; (0, 0) for one citing the infobox."""
        if any(self.sentences[i].section == INFOBOX for i in cited):
            return (0, 0)
        return max((dates[i] for i in cited), default=(0, 0))

    def _date_sentences(self) -> tuple[list[tuple[int, int]], list[bool]]:
        """Return each sentence's (month, day), and whether the sentence gives it itself.

        A sentence without a date is dated like the one before it in its section; one with none
        before it is (0, 0).
        """
        dates: list[tuple[int, int]] = []
        dated: list[bool] = []
        for sentence in self.sentences:
            found = _DAY.search(sentence.text)
            same_section = (
                bool(dates) and self.sentences[len(dates) - 1].section == sentence.section
            )
            dated.append(found is not None)
            if found:
                dates.append((lang.MONTH_NUMBERS[found[1].lower()], int(found[2])))
            else:
                dates.append(dates[-1] if same_section else (0, 0))
        return dates, dated

    def _follow_on(
        self, v: Vocabulary, dates: list[tuple[int, int]], dated: list[bool]
    ) -> dict[str, Fact]:
        """Return what happens next after each fact, for "and after that?".

        That is the fact citing the first later sentence that moves the story on: one dated
        after the fact, or saying "afterward" or "later". The infobox tells no story.
        """
        sequence = {v.token("after"), v.token("soon")}
        story = [s.index for s in self.sentences if s.section != INFOBOX]
        citing: dict[int, Fact] = {}
        for fact, cited in zip(self.facts, self.fact_sentences, strict=True):
            for index in sorted(cited):
                citing.setdefault(index, fact)
        # A sentence moves the story on by its own later date or by saying "afterward".
        moves = [not sequence.isdisjoint(tokens) for tokens in self.sentence_tokens]
        follow_on: dict[str, Fact] = {}
        for fact, cited in zip(self.facts, self.fact_sentences, strict=True):
            told = [i for i in cited if self.sentences[i].section != INFOBOX]
            following = self._next_sentence(told, story, citing, dates, dated, moves)
            if following is not None:
                follow_on[fact.id] = citing[following]
        return follow_on

    @staticmethod
    def _next_sentence(
        told: list[int],
        story: list[int],
        citing: dict[int, Fact],
        dates: list[tuple[int, int]],
        dated: list[bool],
        moves: list[bool],
    ) -> int | None:
        """Return the first sentence after those told that a fact cites and that moves the
        story on, or None."""
        if not told:
            return None
        when, last = max(dates[i] for i in told), max(told)
        for i in story:
            if i <= last or i not in citing or dates[i] < when:
                continue  # told before, cited by nothing, or earlier in time
            if (dated[i] and dates[i] > when) or moves[i]:
                return i
        return None

    def _read_identities(self, v: Vocabulary) -> None:
        """Find what the article says each group is ("The X is composed mostly of Y people"),
        by the peoples it names; and every such name, as what a question may claim."""
        self.identity: dict[str, tuple[Fact, frozenset[str]]] = {}
        for fact, answer in zip(self.facts, self.answers, strict=True):
            opening = v.name(v.normals[fact.answer]).split()
            opening = opening[1:] if opening[:1] == ["the"] else opening
            if len(opening) > 2 and v.kind(opening[0]) == "group" and opening[1] in lang.COPULAS:
                peoples = {v.stemmer.stemWord(fold(w)) for w in _PEOPLE.findall(fact.answer)}
                peoples |= {t for t in answer if t[:1] == "@"}
                self.identity.setdefault(opening[0], (fact, frozenset(peoples)))
        self.identity_words = frozenset(
            w for _, said in self.identity.values() for w in said if w[:1] != "@"
        )


def answer_kinds(texts: list[str]) -> frozenset[str]:
    """Say what a fact's text can answer: a count, a date (both, when it says "unknown")."""
    text = " ".join(texts)
    kinds = set()
    if _DATE.search(text):
        kinds.add("date")
    if _COUNT.search(_DATE.sub(" ", text)):
        kinds.add("number")
    # The infobox's "Unknown" (or an answer saying so), not "unknown militants".
    if lang.UNKNOWN[0] in text or lang.UNKNOWN[1] in texts[0]:
        kinds |= {"date", "number"}
    # "... whose name was not recorded" answers "what was its name?".
    if lang.UNKNOWN_PHRASES.search(texts[0]):
        kinds |= {"date", "number", "name"}
    if any(_PROPER_NAME.search(t) for t in texts[1:]):
        kinds.add("name")
    return frozenset(kinds)


def given_kinds(text: str) -> frozenset[str]:
    """Return what a text gives in so many words: a date, a number."""
    kinds = set()
    if _DATE.search(text):
        kinds.add("date")
    if _COUNT.search(_DATE.sub(" ", text)):
        kinds.add("number")
    return frozenset(kinds)


def _first_of_each_section(pack: Pack) -> tuple[str, ...]:
    """Return the first question of the first fact of each of the article's first sections."""
    picked: list[str] = []
    for section in dict.fromkeys(s.section for s in pack.article.sentences if s.section != INFOBOX):
        fact = next((f for f in pack.facts if f.section == section), None)
        if fact is not None and len(picked) < 3:
            picked.append(fact.questions[0])
    return tuple(picked)


def _asked_with(words: list[str]) -> str | None:
    """Return the question word a phrasing asks with: its first, less a "when" joining two of
    its clauses ("what did they lose when they lost it?")."""
    return next(
        (
            w
            for i, w in enumerate(words)
            if w in lang.QUESTION_WORDS and (i < 2 or w not in lang.JOINING_QUESTION_WORDS)
        ),
        None,
    )


def _received(named: list[str], leads: frozenset[str]) -> frozenset[str]:
    """Return the names of a named, normalised text that only ever follow one of `leads`, words
    before whom something is given or done ("to", "aux") or taken ("from"), an article between,
    and not as a source or an ally ("according to", "loyal to")."""
    given: set[str] = set()
    doing: set[str] = set()
    for position, word in enumerate(named):
        if not word.startswith("@"):
            continue
        before = [w for w in named[max(0, position - 4) : position] if w not in lang.ARTICLES]
        received = (
            bool(before)
            and before[-1] in leads
            and (len(before) < 2 or before[-2] not in lang.NOT_RECIPIENT)
            and (before[-1] not in lang.SOURCE_LEADS or _taken_from(named, position))
        )
        (given if received else doing).add(word)
    return frozenset(given - doing)


def _taken_from(named: list[str], position: int) -> bool:
    """Return whether the name at `position`, after "from", is whom something was taken from:
    a deed of taking comes a few words before "from", what was taken between ("seized Ber from
    the MNLA", "were taken from the MNLA"); not a group's members ("fighters from the MAA",
    "suspected of being deserters from the army", "attacked by fighters from the MAA"), nor
    whom someone fled or came from."""
    lead = position - 1
    while lead > 0 and named[lead] not in lang.SOURCE_LEADS:
        lead -= 1
    for word in reversed(named[max(0, lead - _SOURCE_SPAN) : lead]):
        if word in lang.TAKING_WORDS:
            return True
        if word in lang.AGENT_WORDS or word in _LINKING:
            return False
    return False


_SOURCE_SPAN = 6
"""How many words before "from" a deed of taking may stand, what was taken between ("seized
the town of Ber from")."""
_LINKING = frozenset(lang.COPULAS | lang.AND_WORDS | {"being", "been"}) - lang.TAKING_WORDS
"""Words that end the search for a deed before "from": what comes before them is another
clause's ("people suspected of being deserters from", "seized Ber and fled from")."""


def _placed(texts: list[str], v: Vocabulary, places: frozenset[str]) -> frozenset[str]:
    """Return the places the texts place: another place comes right after them ("Ber, Mali"),
    or after words that place ("Ber, in the north of Mali", "Ber is near Timbuktu"); not
    after "and", "to", "from" ("between Timbuktu and Ber", "from Ber to Timbuktu")."""
    placed: set[str] = set()
    linking = lang.PLACING_WORDS | lang.ARTICLES | lang.OF_WORDS
    for text in texts:
        words = v.name(normalize(text)).split()
        for i, word in enumerate(words):
            if word not in places:
                continue
            after = words[i + 1 : i + 2 + _PLACING_SPAN]
            if after and after[0] in places and after[0] != word:
                placed.add(word)
                continue
            if not after or (after[0] not in lang.PLACING_WORDS and after[0] not in lang.COPULAS):
                continue
            for w in after[1:]:
                if w in places and w != word:
                    placed.add(word)
                    break
                if w not in linking:
                    break
    return frozenset(placed)


_DOER_SPAN = 6
"""How many words before a deed its doer may be named ("the MAA later claimed to have
released")."""


def _done_by_named(normal: str, v: Vocabulary) -> frozenset[str]:
    """Return the tokens of the words of a normalised answer that a group or person named
    before them does, or that one names after "by" (`FactIndex.done_by_named`)."""
    words = v.name(normal).split()
    doers = [
        w.startswith("@")
        and v.kind(w) in ("group", "person")
        and _lead(words, i) not in lang.PREPOSITIONS
        for i, w in enumerate(words)
    ]
    done: set[str] = set()
    for i, word in enumerate(words):
        if word.startswith("@") or word in v.stopwords:
            continue
        # (Not one done to them: "deserters ... were detained".)
        passive = i > 0 and words[i - 1] in lang.COPULAS
        before = not passive and any(doers[max(0, i - _DOER_SPAN) : i])
        after = i + 2 < len(words) and words[i + 1] in lang.AGENT_WORDS and doers[i + 2]
        if before or after:
            token = v.token(word)
            if token is not None:
                done.add(token)
    return frozenset(done)


_WHICH_SPAN = 2
"""How many words before a thing a word saying which one it is may be ("the two trucks"), or
before or after it a name ("the town of In Khalil")."""


def _unidentified(normal: str, v: Vocabulary) -> frozenset[str]:
    """Return the tokens of the things a normalised answer names only as some of them
    (`FactIndex.unidentified`): not after "the", "their"..., nor beside a name, nor after a
    word describing it ("an elderly man") or before a deed done to it ("people suspected of
    ...", "the civilians killed")."""
    words = v.name(normal).split()
    some: set[str] = set()
    which: set[str] = set()
    for i, word in enumerate(words):
        # (Names are named; small words and deeds are no things.)
        if word.startswith("@") or word in v.stopwords or lang.participle(word):
            continue
        token = v.token(word)
        if token is None or lang.is_figure(token) or word in lang.PREPOSITIONS:
            continue
        before = _words_before(words, i, v)
        near = before + words[i + 1 : i + 1 + _WHICH_SPAN]
        said = (
            any(w.startswith("@") for w in near)
            or not lang.DEFINITE_WORDS.isdisjoint(before)
            or (i > 0 and _describes(words[i - 1], v))
            or (i + 1 < len(words) and lang.participle(words[i + 1]))
        )
        (which if said else some).add(token)
    return frozenset(some - which)


def _words_before(words: list[str], at: int, v: Vocabulary) -> list[str]:
    """Return the `_WHICH_SPAN` words before words[at], past any dates ("the May 5 attack")."""
    before: list[str] = []
    i = at - 1
    while i >= 0 and len(before) < _WHICH_SPAN:
        token = v.token(words[i])
        if token is None or not (lang.is_figure(token) or token in lang.MONTHS):
            before.insert(0, words[i])
        i -= 1
    return before


def _describes(word: str, v: Vocabulary) -> bool:
    """Return whether a word before a thing describes it ("elderly", "armed"), rather than
    count it ("two", "several") or be a small word ("a", "of")."""
    if word in v.stopwords or word in lang.COUNT_QUALIFIERS or word in lang.PREPOSITIONS:
        return False
    token = v.token(word)
    return token is not None and not lang.is_figure(token)


def _lead(words: list[str], at: int) -> str:
    """Return the word before words[at], past any articles ("from the Malian army": "from")."""
    i = at - 1
    while i >= 0 and words[i] in lang.ARTICLES:
        i -= 1
    return words[i] if i >= 0 else ""
