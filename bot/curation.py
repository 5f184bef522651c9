"""Read what readers asked that the bot could not answer: group the same question in other
words, find the closest article sentences, and draft facts for a curator."""

from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import snowballstemmer
import yaml
from rapidfuzz import fuzz

from bot import lang
from bot.article import Sentence
from bot.knowledge import Pack, load_pack
from bot.matching import Engine, Outcome
from bot.text import NUMBER_WORDS, STOPWORDS, normalize, strip_address
from bot.unanswered import BUSY_TIMEOUT, UnansweredError

SAME_QUESTION = 85
"""rapidfuzz token_set_ratio from which two wordings count as the same question."""
SAME_WORD = 85
"""rapidfuzz ratio from which a question's word counts as a sentence's word ("marabou")."""
CLOSE_ENOUGH = 0.5
"""Share of the best sentence's score from which a close sentence is cited in a draft."""
SCORE_LABEL = "how much of the question each holds, rare words counting more"

# The words that make a sentence a question; they never appear in the sentences that answer it.
_QUESTION_STEMS = frozenset(["who", "what", "when", "where", "why", "how", "which", "mani"])
_PHRASING_KEY = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class CloseSentence:
    """An article sentence that comes close to a question."""

    sentence: Sentence
    """The article sentence."""
    score: float
    """How close, from 0 to 100: the share of the question's content words (stems, names as
    their entity) the sentence holds, each word weighted by how rare it is in the article."""


@dataclass(frozen=True, slots=True)
class QuestionGroup:
    """Unanswered questions that are the same question in other words."""

    wordings: tuple[str, ...]
    """Distinct wordings, most asked first."""
    declined: int
    """Times the bot declined it."""
    suggested: int
    """Times the bot answered it with "did you mean"."""
    on_topic: bool
    """Whether the engine judged any wording to be about the battle."""
    last_asked: str
    """When it was last asked: UTC, ISO 8601."""
    closest: tuple[CloseSentence, ...]
    """Article sentences that come closest, best first."""

    @property
    def count(self) -> int:
        """Return how many times the question was asked."""
        return self.declined + self.suggested


class _Keys:
    """Reduce text to content-word stems, names folded to entity ids, for fuzzy comparison."""

    def __init__(self, pack: Pack) -> None:
        self._stemmer = snowballstemmer.stemmer("english")
        self._synonyms = pack.synonyms
        names: dict[str, str] = {}
        for entity in pack.entities:
            for alias in (*entity.aliases, entity.id.replace("-", " ")):
                if key := normalize(alias):
                    names.setdefault(key, entity.id)
        self._names = names
        longest_first = sorted(names, key=len, reverse=True)
        self._name_re = re.compile(r"\b(?:" + "|".join(map(re.escape, longest_first)) + r")\b")
        # The words of each entity's names: a sentence naming "the marabout's son" holds
        # "marabout" for a question that asks about the marabout.
        self._name_words = {
            entity.id: frozenset(
                self._stem(word)
                for alias in (*entity.aliases, entity.id.replace("-", " "))
                for word in normalize(alias).split()
                if word not in STOPWORDS
            )
            for entity in pack.entities
        }
        # Naming the battle's own place or year does not make a question a different one.
        self._setting = frozenset(self.tokens(pack.article.title))

    def tokens(self, text: str) -> list[str]:
        """Return the content tokens of `text`, in order, without repeats."""
        normal = self._name_re.sub(lambda m: f" @{self._names[m[0]]} ", normalize(text))
        tokens: list[str] = []
        for word in normal.split():
            word = NUMBER_WORDS.get(word, word)
            if word in STOPWORDS:
                continue
            if not word.startswith("@"):
                word = self._stem(word)
            if word not in tokens:
                tokens.append(word)
        return tokens

    def _stem(self, word: str) -> str:
        return str(self._stemmer.stemWord(self._synonyms.get(word, word)))

    def held(self, text: str) -> _Held:
        """Return what a sentence holds: its tokens, and the words of the names it names."""
        tokens = frozenset(self.tokens(text))
        named = (self._name_words.get(t[1:], frozenset()) for t in tokens if t.startswith("@"))
        return _Held(tokens, frozenset().union(*named) - tokens)

    def marks(self, tokens: Iterable[str]) -> frozenset[str]:
        """Return the names and numbers that make one question differ from another."""
        return frozenset(
            t for t in tokens if (t.startswith("@") or t.isdigit()) and t not in self._setting
        )


@dataclass(frozen=True, slots=True)
class _Held:
    """The words of an article sentence, as a question's are compared with them."""

    words: frozenset[str]
    """Its content tokens."""
    name_words: frozenset[str]
    """The words of the names of the entities it names, which it does not say itself."""


NAME_WORD_CREDIT = 0.5
"""How much a question's word counts when a sentence holds it only in the name of an entity it
names: the marabout's son is about the marabout, less than a sentence saying "marabout" is."""


@dataclass(slots=True)
class _Tally:
    normalized: str
    tokens: list[str]
    wordings: Counter[str]
    declined: int = 0
    suggested: int = 0
    on_topic: bool = False
    last_asked: str = ""

    @property
    def count(self) -> int:
        return self.declined + self.suggested

    def absorb(self, other: _Tally) -> None:
        self.wordings.update(other.wordings)
        self.declined += other.declined
        self.suggested += other.suggested
        self.on_topic = self.on_topic or other.on_topic
        self.last_asked = max(self.last_asked, other.last_asked)
        self.tokens += [t for t in other.tokens if t not in self.tokens]


def most_frequent(
    db_path: Path, limit: int = 10, *, pack: Pack | None = None, sentences: int = 3
) -> list[QuestionGroup]:
    """Return the most asked unanswered questions, same-question wordings grouped together."""
    pack = pack if pack is not None else load_pack()
    keys = _Keys(pack)
    tallies = _merge(_read_tallies(db_path, keys), keys)
    tallies.sort(key=lambda t: (t.count, t.last_asked), reverse=True)
    sentence_tokens = [keys.held(s.text) for s in pack.article.sentences]
    weights = _rarity(sentence_tokens)
    groups: list[QuestionGroup] = []
    for tally in tallies[: max(limit, 0)]:
        groups.append(
            QuestionGroup(
                wordings=_distinct_wordings(tally.wordings),
                declined=tally.declined,
                suggested=tally.suggested,
                on_topic=tally.on_topic,
                last_asked=tally.last_asked,
                closest=_closest(
                    tally.tokens, pack.article.sentences, sentence_tokens, weights, sentences
                ),
            )
        )
    return groups


def _read_tallies(db_path: Path, keys: _Keys) -> list[_Tally]:
    if not db_path.is_file():
        return []
    try:
        uri = f"{db_path.resolve().as_uri()}?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT)) as connection:
            exists = connection.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'unanswered'"
            ).fetchone()
            if exists is None:
                return []
            rows = connection.execute(
                "SELECT normalized, question, outcome, on_topic, COUNT(*), MAX(asked_at) "
                "FROM unanswered GROUP BY normalized, question, outcome, on_topic"
            ).fetchall()
    except sqlite3.Error as error:
        raise UnansweredError(f"{db_path}: {error}") from error
    tallies: dict[str, _Tally] = {}
    for normalized, question, outcome, on_topic, count, last_asked in rows:
        tally = tallies.get(normalized)
        if tally is None:
            tally = tallies[normalized] = _Tally(normalized, keys.tokens(normalized), Counter())
        tally.wordings[_wording(question)] += count
        if outcome == Outcome.SUGGEST.value:
            tally.suggested += count
        else:
            tally.declined += count
        tally.on_topic = tally.on_topic or bool(on_topic)
        tally.last_asked = max(tally.last_asked, last_asked or "")
    return list(tallies.values())


def _merge(tallies: list[_Tally], keys: _Keys) -> list[_Tally]:
    """Fold each normalised form into a more asked one that says the same in other words."""
    tallies = sorted(tallies, key=lambda t: (-t.count, t.normalized))
    leaders: list[tuple[_Tally, str, frozenset[str]]] = []
    for tally in tallies:
        key, marks = " ".join(tally.tokens), keys.marks(tally.tokens)
        for leader, leader_key, leader_marks in leaders:
            if marks == leader_marks and _same_question(key, leader_key):
                leader.absorb(tally)
                break
        else:
            leaders.append((tally, key, marks))
    return [leader for leader, _, _ in leaders]


def _same_question(a: str, b: str) -> bool:
    # token_set_ratio is 100 whenever one side's words are a subset of the other's; the
    # token_sort_ratio floor stops a one-word question ("who") from swallowing longer ones.
    if not a or not b:
        return a == b
    return fuzz.token_set_ratio(a, b) >= SAME_QUESTION and fuzz.token_sort_ratio(a, b) >= 70


def _rarity(sentence_tokens: Sequence[_Held]) -> dict[str, float]:
    """Return each word's weight: the rarer in the article, the more it tells sentences apart."""
    count = len(sentence_tokens)
    held = Counter(t for tokens in sentence_tokens for t in tokens.words | tokens.name_words)
    return {t: math.log((count + 1) / (n + 0.5)) for t, n in held.items()}


def _closest(
    tokens: Sequence[str],
    sentences: Sequence[Sentence],
    sentence_tokens: Sequence[_Held],
    weights: Mapping[str, float],
    limit: int,
) -> tuple[CloseSentence, ...]:
    """Return the sentences holding most of the question's words, rare words weighing most."""
    asked = [t for t in tokens if t not in _QUESTION_STEMS]
    if not asked or limit <= 0:
        return ()
    # A word the article never uses weighs as its rarest: the score then also says how much
    # of the question the article has words for at all.
    unseen = max(weights.values(), default=1.0)
    total = sum(weights.get(t, unseen) for t in asked)
    query = " ".join(asked)
    scored = []
    for sentence, held in zip(sentences, sentence_tokens, strict=True):
        share = sum(weights.get(t, unseen) * _credit(held, t) for t in asked) / total
        if share > 0:
            # Between equal shares, the sentence saying least besides what was asked comes first.
            tie = fuzz.token_sort_ratio(query, " ".join(sorted(held.words)))
            scored.append((share, tie, -sentence.index, sentence))
    scored.sort(key=lambda s: s[:3], reverse=True)
    return tuple(CloseSentence(s[3], round(100 * s[0], 1)) for s in scored[:limit])


def _credit(held: _Held, token: str) -> float:
    """Return how much of a question's word a sentence holds: 1, NAME_WORD_CREDIT or 0."""
    if _holds(held.words, token):
        return 1.0
    return NAME_WORD_CREDIT if _holds(held.name_words, token) else 0.0


def _holds(words: frozenset[str], token: str) -> bool:
    if token in words:
        return True
    # A slip in a long word ("marabou") still finds it; names and numbers must be exact.
    if len(token) < 5 or token.startswith("@") or token.isdigit():
        return False
    return any(fuzz.ratio(token, word) >= SAME_WORD for word in words)


def _wording(question: str) -> str:
    return " ".join(strip_address(question).split())


def _phrasing_key(question: str) -> str:
    """Return the key the pack loader uses to tell whether two phrasings are the same."""
    return " ".join(_PHRASING_KEY.findall(question.casefold()))


def _distinct_wordings(wordings: Counter[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for wording, _ in sorted(wordings.items(), key=lambda w: (-w[1], w[0])):
        key = _phrasing_key(wording)
        if key and key not in seen:
            seen.add(key)
            kept.append(wording)
    return tuple(kept)


def render_groups(groups: Sequence[QuestionGroup], db_path: Path) -> str:
    """Render the most asked unanswered questions with the sentences that come closest."""
    if not groups:
        return f"No unanswered questions recorded in {db_path}."
    lines = [f"Most asked unanswered questions ({db_path}):"]
    for number, group in enumerate(groups, 1):
        how = [f"{group.declined} declined"] if group.declined else []
        how += [f'{group.suggested} "did you mean"'] if group.suggested else []
        topic = "" if group.on_topic else ", off-topic"
        lines.append(
            f"\n{number}. asked {_times(group.count)} ({', '.join(how)}{topic}), "
            f"last {_when(group.last_asked)}"
        )
        lines.extend(f"   - {wording}" for wording in group.wordings[:5])
        if len(group.wordings) > 5:
            lines.append(f"   - ... and {len(group.wordings) - 5} more wordings")
        if group.closest:
            lines.append(f"   closest article sentences (score: {SCORE_LABEL}):")
            for close in group.closest:
                s = close.sentence
                lines.append(f"     {close.score:3.0f}%  [{s.index}] ({s.section}) {s.text}")
    return "\n".join(lines)


# -- a draft for the knowledge pack ------------------------------------------------------------


class _FactsDumper(yaml.SafeDumper):
    """Indent lists under their key, as the hand-written fact files do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def draft_yaml(groups: Sequence[QuestionGroup], pack: Pack, *, engine: Engine | None = None) -> str:
    """Return a facts-file draft: facts marked `draft: true`, citing the closest sentences,
    with the groups' wordings as phrasings.

    Left out, and named in comments: questions that are off-topic, that lean on the conversation
    before them ("and after that?"), or that the pack's reviewed facts answer now (`engine`, by
    default one on the pack without its drafts: a draft answers no reader).
    """
    if engine is None and any(not fact.draft for fact in pack.facts):
        engine = Engine(pack.without_drafts())
    taken_ids = {fact.id for fact in pack.facts}
    # The loader refuses a phrasing that belongs to two facts, so wordings already in the pack
    # (or in an earlier draft fact) are left out.
    taken_phrasings = {_phrasing_key(q) for fact in pack.facts for q in fact.questions}
    keys = _Keys(pack)
    lines = [
        "# Draft facts for the questions readers asked most that the bot could not answer.",
        "# Each is marked `draft: true`: the console answers with it, readers on Telegram never",
        "# see it, and `python -m bot check --strict` fails until it is reviewed. For each one:",
        "# rewrite the answer (here the closest sentence) as one short line from the cited",
        "# sentences, keep only the citations that back it, fix or drop phrasings, move it to",
        "# the facts/ file of its section, delete `draft: true` and run `python -m bot check`.",
    ]
    left_out: dict[str, list[str]] = {"off-topic": [], "needing the conversation": []}
    answered: list[str] = []
    drafted = 0
    for group in groups:
        first = group.wordings[0]
        if _leans_on_conversation(first):
            left_out["needing the conversation"].append(first)
            continue
        if not group.on_topic:
            # Off-topic questions want no fact; named below in case the engine misjudged.
            left_out["off-topic"].append(first)
            continue
        reply = engine.answer(first) if engine is not None else None
        if reply is not None and reply.answered:
            answered.append(f"{first} ({reply.fact_id or 'a quoted sentence'})")
            continue
        questions = _new_wordings(group.wordings, taken_phrasings)
        best = group.closest[0].score if group.closest else 0.0
        citations = [c.sentence.text for c in group.closest if c.score >= CLOSE_ENOUGH * best]
        if not questions or not citations:
            continue
        lines.extend(_draft_fact(group, questions, citations, taken_ids, keys))
        drafted += 1
    if not drafted:
        lines.append(
            "\n# Nothing to draft: every on-topic question asked has a fact or a phrasing."
        )
    if answered:
        lines.append(f"\n# Left out as answered now: {'; '.join(answered)}")
    for why, wordings in left_out.items():
        if wordings:
            lines.append(f"\n# Left out as {why}: {'; '.join(wordings)}")
    return "\n".join(lines) + "\n"


def _leans_on_conversation(wording: str) -> bool:
    """Return whether a question asks nothing without the one before it ("and after that?")."""
    leaning = (
        lang.STOPWORDS
        | lang.QUESTION_WORDS
        | lang.FOLLOW_UP_WORDS
        | lang.FOLLOW_UP_OPENERS
        | lang.OPENERS
        | lang.PRONOUNS
        | lang.AFTER_WORDS
        | lang.LATER_WORDS
        | lang.OTHER_WORDS
    )
    return all(word in leaning for word in normalize(wording).split())


def _new_wordings(wordings: Sequence[str], taken_phrasings: set[str]) -> list[str]:
    """Return the wordings not yet phrased in the pack or a draft, and mark them taken."""
    questions = []
    for wording in wordings:
        key = _phrasing_key(wording)
        if key and key not in taken_phrasings:
            taken_phrasings.add(key)
            questions.append(wording)
    return questions


def _draft_fact(
    group: QuestionGroup,
    questions: list[str],
    citations: list[str],
    taken_ids: set[str],
    keys: _Keys,
) -> list[str]:
    """Return the draft lines of one group's fact, and mark its id taken."""
    fact_id = _fact_id(questions[0], taken_ids)
    taken_ids.add(fact_id)
    about = [t[1:] for t in keys.tokens(" ".join(questions)) if t.startswith("@")]
    fact: dict[str, Any] = {
        "id": fact_id,
        "draft": True,
        "answer": citations[0],
        "cite": citations,
        "about": list(dict.fromkeys(about)),
        "questions": questions,
    }
    heading = f"\n# asked {_times(group.count)}, last {_when(group.last_asked)}"
    dumped = yaml.dump([fact], Dumper=_FactsDumper, allow_unicode=True, sort_keys=False, width=1000)
    return [heading, dumped.rstrip("\n")]


def _times(count: int) -> str:
    return f"{count} time{'s' if count != 1 else ''}"


def _when(iso: str) -> str:
    """Return an ISO 8601 UTC time as "2025-05-01 14:03 UTC"."""
    try:
        return datetime.fromisoformat(iso).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return iso


def _fact_id(question: str, taken: set[str]) -> str:
    words = [w for w in normalize(question).split() if w not in STOPWORDS][:6]
    base = "-".join(["draft", *words]) if words else "draft-question"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}-{number}", number + 1
    return candidate
