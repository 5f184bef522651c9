"""The answer engine: match a question to a curated fact, or decide not to answer."""

from __future__ import annotations

import math
import re
from bisect import insort
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from itertools import chain

import snowballstemmer
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, JaroWinkler

from bot.article import INFOBOX, Sentence
from bot.knowledge import Citation, Entity, Fact, Pack
from bot.text import (
    MONTH_FORMS,
    MONTH_NUMBERS,
    MONTHS,
    NUMBER_WORDS,
    STOPWORDS,
    fold,
    normalize,
    strip_address,
)

MAX_QUESTION_CHARS = 1000
"""Only this much of a longer message is matched: its start and, where the question mostly is
in a long message, its end."""

# Words that steer how a question is read.
_GROUP_PRONOUNS = frozenset("they them their theirs ils elles eux leur leurs".split())
_PERSON_PRONOUNS = frozenset("he him his she her il lui elle".split())
_PLACE_PRONOUNS = frozenset("there it".split())
_PRONOUNS = _GROUP_PRONOUNS | _PERSON_PRONOUNS
_FOLLOW_UP_OPENERS = frozenset("and et also so then puis aussi".split())
_OPENERS = _FOLLOW_UP_OPENERS | frozenset("ok okay well but alors donc mais".split())
# People a question may count or ask about who are no entity of their own: "they" may be them.
_PEOPLE_NOUNS = ("prisoners", "captives", "civilians", "victims", "hostages", "prisonniers")
_BETWEEN_WORDS = frozenset("between each entre".split())
_OTHER_WORDS = frozenset("else other another autre autres encore".split())
_QUESTION_WORDS = frozenset(
    "who what when where why how which whom whose "
    "qui quoi quand ou pourquoi comment quel quelle quels quelles combien".split()
)
_TYPED_QUESTION_WORDS = ("who", "when", "where", "why")
_GENERIC = frozenset("what happen say said tell know article wikipedia text".split())
_BATTLE_WORDS = frozenset("battle battles bataille combat combats fight fighting clashes".split())
_PLACE_PREPOSITIONS = frozenset("in at near from".split())
_NOTHING: frozenset[str] = frozenset()
_AFTER_WORDS = frozenset("after apres once".split())
_LATER_WORDS = frozenset("later eventually afterwards afterward ensuite finalement tard".split())
_WHILE_WORDS = frozenset("when while during as pendant lorsque".split())
_OF_WORDS = frozenset("of at in for de du d a".split())
_SHORT_TYPO_TARGETS = frozenset("who what when where why how the and did was won win ber".split())
_COPULAS = frozenset("is was are were".split())
_AUXILIARIES = frozenset("is was are were did does do has have had can could will would".split())
_SETTING_LABELS = ("Conflict:", "Place:", "Partof:")
_ASKED_KINDS = (("number", "many"), ("date", "when"), ("name", "name"))

# What a question asks for besides who, when, where, why and how many, by the words asking it.
# A fact answers such a question only if one of its phrasings asks it too: "what kind of planes
# did the French fly?" is not answered by the fact that the French flew planes.
_ATTRIBUTES = {
    "kind": r"(?:what|which|quel|quelle|quels|quelles) (?:kinds?|types?|sorts?|models?|makes?"
    r"|brands?|genres?|sortes?|marques?|modeles?)"
    r"|(?:what|which|quel|quels)(?:\s+@\S+)? (?:aircraft|planes?|jets?|helicopters?|avions?)",
    "age": r"how old|ages?|aged",
    "hour": r"(?:what|which|quelle) (?:time|hour|heure)|time of day|morning|afternoon|evening|night"
    r"|nighttime|dawn|dusk|midnight|noon|matin|soir|nuit|aube",
    "duration": r"how long|combien de temps|durations?|duree|how many (?:days|hours|weeks|months)",
    "size": r"(?<!civilian )population(?! civile)|populated|lives? in|living in"
    r"|people (?:live|lived|living) (?:in|there)|vivent|habitent|how (?:big|large)"
    r"|(?:habitants|inhabitants|residents) (?:y a|compte|are there|does|do|has|have|live)"
    r"|combien (?:d )?(?:habitants|residents)",
    "weapon": r"weapons?|arms|guns?|firearms?|armes?|artillery|rifles?",
    "leader": r"command|commanded|commanding|commanders?|commandants?|leaders?|leadership|chefs?"
    r"|dirigeants?|dirigeait|who led",
    "name": r"name|named|called|nom|appelle|appelait",
    "rank": r"rank|grade",
    "amount": r"how much (?:money|cash)|how much (?:\S+ ){1,5}?worth|money|cash|ransom|rancon"
    r"|argent",
    # People's names ("what were their names?"), which a group's full name does not give.
    "names": r"(?:their|his|her|whose) names|leurs noms|appelaient"
    r"|names of (?:the )?(?:\S+ ){0,3}?(?:people|victims|civilians|prisoners|captives|deserters"
    r"|detainees|men|fighters|dead|killed|wounded)"
    r"|noms des (?:victimes|prisonniers|deserteurs|morts)",
    "strength": r"how many\s+(?:of them|(?:@\S+ )?(?:fighters|men|soldiers|troops)|@\S+)\s+"
    r"(?:were there"
    r"|took part|fought|attacked|were involved|were sent)"
    # (Not "how many fighters did they lose, or take prisoner".)
    r"|how many (?:fighters|men|soldiers|troops) did(?![\w@ -]{0,40}\b(?:lose|die|kill|grab"
    r"|take|took|captur|seiz|prison|detain|return|releas))"
    r"|(?:fighter|troop|soldier|men) count"
    r"|number of (?:fighters|troops|soldiers|men) (?:did|were there|involved|took part)"
    r"|how (?:strong|large|big) (?:was|were) (?:the|their)|size of the (?:force|forces|group|army)"
    r"|effectifs?|combien (?:de|d) (?:combattants|soldats|hommes) (?:avait|comptait|y avait)",
}
# Every alternative above holds one of these words, so a question with none asks for nothing: a
# set lookup spares most questions the slow regex.
_ATTRIBUTE_WORDS = frozenset(
    form
    for pattern in _ATTRIBUTES.values()
    for word, plural in re.findall(r"([a-z]+?)(s\?)?(?![a-z])", pattern)
    for form in ((word, word + "s") if plural else (word,))
) - frozenset(
    "what which quel quelle quels quelles how of the their was were did do does has have are "
    "there y a de d combien many number took part fought involved in who day "
    # ("Names" alone asks for people's names: the words around it are no sign of their own.)
    "his her whose leurs des people victims civilians prisoners captives deserters detainees "
    "dead killed wounded victimes prisonniers deserteurs morts "
    # (Nor are the words that only rule a reading out, nor the regex's own escapes.)
    "lose die kill grab take took captur seiz prison detain return releas civilian civile "
    "group force forces army them attacked sent b s w".split()
)
# ... or, for "how many MAA were there?", "many" and one of these.
_STRENGTH_WORDS = frozenset("there part fought involved attacked sent".split())
_ATTRIBUTE = re.compile(
    "|".join(rf"\b(?P<{name}>{pattern})\b" for name, pattern in _ATTRIBUTES.items())
)

# A place something happens in, or that a force enters, leaves, takes or attacks.
_LOCATED = re.compile(
    r"\b(?:in|at|of|dans|en|a|leave|left|leaving|quit|quitte|enter|entered|reach|reached"
    r"|take|took|taken|capture|captured|seize|seized|attack|attacked|raid|raided|storm"
    r"|stormed|occupy|occupied|retake|retook|prendre|pris|attaque|attaquer)"
    r"(?:\s+(?:over|back|control of))?\s+@(\S+)"
)
_OTHER_SIDE = re.compile(
    r"\b(?:other|opposing|autre) (?:side|camp|group|faction|party|groupe|bord)s?\b"
)
_DAY = re.compile(rf"\b({'|'.join(m.capitalize() for m in MONTH_NUMBERS)}) (\d{{1,2}})\b")
_NEXT = re.compile(
    r"^(?:and |et |so |ok |okay )?(?:then |what |que s est il )?(?:happened |came |comes |passe )?"
    r"(?:after that|afterwards?|next|then|and then|then what|apres|ensuite|apres ca|apres cela"
    r"|puis|after)$"
)
_CORRECTION = re.compile(
    r"^(?:(?:no|non|nope|sorry|oops|pardon)\s+)?(?:i|je)\s+(?:mean|meant|voulais dire|veux dire)\b"
)
_THAT_EVENT = re.compile(
    r"\b(?:that|this|the same) (?:fight|raid|clash|attack|one|event|incident)\b"
)
# "the MAA is a Tuareg group": what a question says a group is, to hold against what the
# article says it is.
_IDENTITY_COPULAS = _COPULAS | frozenset("est sont etait etaient".split())
_IDENTITY = re.compile(
    rf"(?:(@[\w-]+) (?:{'|'.join(sorted(_IDENTITY_COPULAS))})"
    rf"|(?:{'|'.join(sorted(_COPULAS))}) (?:the )?(@[\w-]+)) (?:(?:a|an|also|too|just|mostly"
    r"|mainly|largely|predominantly|primarily|all|really|actually|basically|essentially|entirely"
    r"|composed|of|un|une|aussi"
    r"|majoritairement|principalement|surtout|compose|composes|composee|de|d) )*(@[\w-]+|[a-z]+)"
)
# "who captured it then?": the time of the last answer, or after it; "back then": at it.
_THEN = re.compile(r"\b(?:then|after that|afterwards?|by then|at that point|next)\b")
_BACK_THEN = re.compile(
    r"\b(?:back then|at (?:the|that) time|at that point in time|a l epoque|a ce moment la)\b"
)
_THAT_TOWN = re.compile(r"\b(?:that|this|cette) (?:town|city|village|ville)\b")
# ... and so is "the town" back then.
_THE_TOWN = re.compile(r"\b(?:the|la) (?:town|city|village|ville)\b")
# A question asked inside a sentence: "I'd really like to know ... how many civilians were hurt."
_EMBEDDED_QUESTION = re.compile(
    r"\b(?:know|tell me|wondering|wonder|curious|find out|understand|learn|explain)\b"
    r"[^.!?]{0,60}?\b(?:how|who|when|where|why|what|which)\b"
    # ... or a request for one: "I need the number of MNLA fighters killed."
    r"|\b(?:need|want|looking for|give me|tell me)\b(?: to know)?(?: the| an?)?"
    r" (?:exact |precise )?(?:number|figure|count|total|date|names?|details?) of\b",
    re.IGNORECASE,
)
_DISPUTING = ("real", "actual", "correct", "true", "right")
_DISPUTED = re.compile(
    rf"\b(?:{'|'.join(_DISPUTING)})\s+(?:number|figure|count|toll|year|date|total|answer)s?"
    r"\b|\b(?:was it|is it|were they|was that|did it) really\b"
)
# (Words a disputing question holds at least one of: a set lookup spares the rest the regex.)
_DISPUTING_WORDS = frozenset((*_DISPUTING, "really"))
_COMMON_NOUN = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ism|ail|ails)$")
_ASKING_WORDS = frozenset("about know knows ask asking tell me wondering wonder sure say".split())
_WHO_SAID = re.compile(
    r"^(?:and |so |but |ok )?(?:who (?:made|said|says|claimed|claims|reported|reports|stated)"
    r" (?:that|this|it|so)(?: claim)?|says who|according to whom|who is the source"
    r"|qui a dit (?:ca|cela)|selon qui)(?: exactly| then| again)?$"
)
# A name of a people, written capitalised in an answer ("Tilemsi Arabs").
_PEOPLE = re.compile(r"(?<=[a-z] )[A-Z][a-z]+")
# Words that may follow a claim about what a group is ("a Tuareg group", "a Tuareg outfit").
_GROUP_NOUNS = frozenset(
    "group groups movement outfit militia organisation organization faction people fighters "
    "rebels force forces groupe mouvement".split()
)
_CLAIM_FOLLOWERS = STOPWORDS | _GROUP_NOUNS | _QUESTION_WORDS
# What a question asks of a claim about a group: why, or whether it is so ("..., right?").
_CLAIM_ASKS = frozenset("why pourquoi right correct true yes confirm vrai non".split())
# ... and the questions that ask something else instead ("..., but when did the battle happen?").
_OTHER_ASKS = frozenset("who when where how which what qui quand ou comment quel quelle".split())
_PARTICIPLE = re.compile(r"(?:ed|en|ing)$")
# A name where a place goes, or naming an event: "at Waterloo", "the Konna fighting".
_PLACED_NAME = re.compile(
    r"\b(?:in|at|near)\s+([A-Z][a-z]{2,}|[A-Z]{4,})\b"
    r"|\b([A-Z][a-z]{2,}|[A-Z]{4,})\s+(?:clash|clashes|fight|fighting|battle|siege|attack|raid"
    r"|offensive|massacre|ambush|war|uprising|operation)\b"
)
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-z]{2,}|[A-Z]{4,})\b")
_DOUBLED = re.compile(r"(.)\1")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_SENTENCE_BREAK = re.compile(r"[.!?？]\s+\S")
_SENTENCE = re.compile(r"[^.!?？]+(?:[.!?？]+|$)")
_CLAUSE = re.compile(r"[.!?;:,]+(?:\s|$)|\s+(?:but|so)\s")
_MONTH_NAMES = "|".join(m.capitalize() for m in sorted(MONTHS) if m.isascii())
_DATE = re.compile(rf"\b(?:(?:{_MONTH_NAMES})(?: \d{{1,2}})?(?:, \d{{4}})?|\d{{4}}s?)\b")
# A capitalised word (not an acronym) inside a sentence: a name that answers "what was the name".
_PROPER_NAME = re.compile(r"(?<=[a-z,] )[A-Z][a-z]+")
_COUNT = re.compile(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|twenty-three)\b",
    re.IGNORECASE,
)

# Message length: clauses are tried from this many words, and chatty filler is discounted from
# the next.
_CLAUSED_QUESTION = 8
_LONG_QUESTION = 14
_LONG_BAR = 0.85  # a long message is answered from this share of the usual threshold
_FILLER_IDF = 1.0  # weight of an unfamiliar word in a long message
_TELLING_QUESTION = 3  # telling words a long message's question needs to outweigh the message
_CHATTER_WEIGHT = 0.5  # share of its weight a word keeps outside a long message's questions

# Ranking: the first pass shortlists facts, the second scores their phrasings.
_SHORTLIST = 4  # facts scored in full (plus one whose phrasing the question repeats exactly)
_SHORTLIST_SHARE = 0.6  # ... of those sharing at least this much of what the best one shares
_SHARE_BONUS = 4.0  # how much a close phrasing counts against plain shared words, pass one
_COMMON_SHARE, _COMMON_FLOOR = 0.25, 12  # a word in more facts than this is left out of pass one
_PHRASING_SHARE = 0.5  # the best phrasing's overlap, against the whole fact's coverage

# How much a fact's score shrinks for each thing in the question it does not account for.
_MISSING_WHY = 0.4  # asks why, and the fact is never asked why: reasons are rarely given
_MISSING_QUESTION_WORD = 0.7  # asks who/when/where, and the fact is never asked that way
_MISSING_KIND = 0.45  # asks "how many", "when" or a name, and the fact holds none
_MISSING_ATTRIBUTE = 0.45  # asks what kind, how old, what time, how long..., and the fact is
# never asked that
_MISSING_REFERENT = 0.45  # a follow-up's "he" stands for someone the fact does not name
_MISSING_NUMBER = 0.45  # a number, year or month the fact does not mention
_MISSING_ENTITY = 0.7  # a group or person the fact does not mention
_MISSING_PLACE = 0.5  # a place the fact does not mention
_MISSING_PERSON = 0.5  # a person the fact does not mention
_MISSING_KNOWN_WORD = 0.8  # a word other facts use
_MISSING_UNKNOWN_WORD = 0.8  # a word no fact uses
_GIVEN = 0.5  # a fact telling only what the question takes as given
_ELSEWHERE_FACTOR = 0.35  # each sign that the question is about another event or place
_NEAR_BOOST = 1.15  # in a follow-up, for facts next to the last one answered
_OTHER_TIME = 0.8  # "who captured it then?", for a fact telling of an earlier time


class Outcome(StrEnum):
    """What the engine decided to do with a question."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    DECLINE = "decline"


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Scores that separate answering, suggesting and declining."""

    answer: float = 0.48
    """Lowest score that is answered outright."""
    margin: float = 0.02
    """How far the best fact must lead the runner-up to be answered outright."""
    sure: float = 0.8
    """A score this high is answered whatever the runner-up scored."""
    suggest: float = 0.42
    """Lowest score that is offered as "did you mean"."""
    quote: float = 0.99
    """Share of the question an article sentence must cover to be quoted without a fact."""


@dataclass(frozen=True, slots=True)
class Context:
    """What the conversation was last about, so follow-ups can lean on it."""

    entities: tuple[str, ...] = ()
    """Entity ids last discussed, most recent first."""
    fact_id: str | None = None
    """The fact last answered."""
    tokens: tuple[str, ...] = ()
    """The last question's tokens, for elliptical follow-ups ("and in May?")."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact the question could be about, with its score."""

    fact_id: str
    """The fact's id."""
    question: str
    """The fact's canonical question."""
    score: float
    """Match score from 0 to 1."""


@dataclass(frozen=True, slots=True)
class Reply:
    """The engine's decision on one question: plain data for any front end to render."""

    question: str
    """The question as asked."""
    outcome: Outcome
    """Answer, suggest or decline."""
    text: str
    """The direct answer, or the line that explains a suggestion or a decline."""
    citations: tuple[Citation, ...] = ()
    """The article text the answer quotes."""
    confidence: float = 0.0
    """Score of the best match, from 0 to 1."""
    suggestions: tuple[str, ...] = ()
    """Questions the bot can answer, offered instead."""
    fact_id: str | None = None
    """The fact answered, if any."""
    runner_up: Candidate | None = None
    """The next-best fact, for debugging and tuning."""
    on_topic: bool = False
    """Whether a declined question is about the battle (but not covered) rather than off-topic."""
    quoted: bool = False
    """Answered by quoting an article sentence that no curated fact covers."""
    context: Context = field(default_factory=Context)
    """The conversation context to pass with the next question."""

    @property
    def answered(self) -> bool:
        """Return whether the reply answers the question."""
        return self.outcome is Outcome.ANSWER


@dataclass(slots=True)
class _Query:
    """One way of reading a question, with what the rest of the message says about it.

    Never changed once made (other readings are made with `replace`); not frozen only because
    a frozen dataclass is slower to make, and every question makes a few.
    """

    tokens: list[str]
    """The tokens matched."""
    soft: frozenset[str] = frozenset()
    """Tokens borrowed from the conversation: they help a fact match but never count against it."""
    exclude: str | None = None
    """A fact the reader has already had ("what else ...")."""
    elsewhere: int = 0
    """Signs that the message is about another event or place."""
    near: frozenset[int] = frozenset()
    """Facts next to the last one answered, favoured in a follow-up."""
    long: bool = False
    """Whether the whole message is long and chatty: its unfamiliar words are mostly filler."""
    clause: bool = False
    """Whether this reads one clause of a longer message."""
    located: frozenset[str] = frozenset()
    """Places other than the battle's own that the question asks about events in ("in Gao")."""
    referents: frozenset[str] = frozenset()
    """The people that the question's pronouns ("he", "his") stand for."""
    asks: frozenset[str] = frozenset()
    """What the question asks for besides a who, when, where or why: a kind, an age, an hour..."""
    premise: frozenset[str] = frozenset()
    """What "what happened to X after ..." takes as given: a fact saying only that is no answer."""
    focus: frozenset[str] = frozenset()
    """In a long message, the tokens of its questions: the rest is chatter and weighs less."""
    since: tuple[int, int] | None = None
    """The (month, day) a follow-up asks about events from ("who captured it then?")."""
    until: tuple[int, int] | None = None
    """... and to ("who held it back then?")."""


@dataclass(slots=True)
class _Match:
    fact: int
    score: float
    phrasing: int


class Engine:
    """Answers questions from one knowledge pack; build once, then ask many times."""

    def __init__(self, pack: Pack, *, thresholds: Thresholds | None = None) -> None:
        self.pack = pack
        self.thresholds = thresholds or Thresholds()
        self._stemmer = snowballstemmer.stemmer("english")
        self._entities: dict[str, Entity] = {e.id: e for e in pack.entities}
        alias_to_id: dict[str, str] = {}
        for entity in pack.entities:
            for alias in (*entity.aliases, entity.id.replace("-", " ")):
                key = normalize(alias)
                if key:
                    alias_to_id.setdefault(key, entity.id)
        self._alias_to_id = alias_to_id
        # Names are found word by word: each word that starts a name points to the names it
        # starts, longest first.
        self._names_by_first: dict[str, list[tuple[list[str], str]]] = {}
        for alias in sorted(alias_to_id, key=len, reverse=True):
            parts = alias.split()
            self._names_by_first.setdefault(parts[0], []).append((parts, f"@{alias_to_id[alias]}"))
        self._token_cache: dict[str, str | None] = {}
        # Synonyms also fold by stem, so "grabbing" goes where "grabbed" does; not short ones,
        # whose stem is too often another word ("pays" would take "pay" along).
        self._stem_synonyms: dict[str, str] = {}
        for word, canonical in pack.synonyms.items():
            if len(word) < 5:
                continue
            stem, target = self._stemmer.stemWord(word), self._stemmer.stemWord(canonical)
            if stem != target:
                self._stem_synonyms.setdefault(stem, target)

        texts = [q for f in pack.facts for q in f.questions]
        texts += [f.answer for f in pack.facts] + [s.text for s in pack.article.sentences]
        normals = {t: normalize(t) for t in texts}
        pack_words = {w for normal in normals.values() for w in normal.split()}
        self._known_words = pack_words | set(pack.synonyms) | set(pack.synonyms.values())
        self._known_words |= set(MONTH_FORMS) | {w for alias in alias_to_id for w in alias.split()}
        # Typos are corrected towards words the pack itself uses, and words of three or four
        # letters ("teh", "wen", "wher") only towards function words, where a wrong guess costs
        # little: too many short words are a letter away from a pack word ("cats", "case").
        self._known_stems = {self._stemmer.stemWord(w) for w in self._known_words}
        # Typos keep their first letter, so each word is only compared with its letter's words.
        self._typo_targets: dict[str, list[str]] = {}
        # Long synonyms too ("combatu" -> "combattu"); short ones are too near other words.
        for word in sorted(pack_words | {w for w in pack.synonyms if len(w) >= 7}):
            if len(word) > 2 and not word.isdigit() and word not in STOPWORDS:
                self._typo_targets.setdefault(word[0], []).append(word)
        self._short_targets = sorted(_SHORT_TYPO_TARGETS)
        # Names are matched before typos are corrected, so a slip in one ("Arab movment",
        # "spokesparson") is corrected first, towards the words of the names.
        self._alias_targets: dict[str, list[str]] = {}
        for word in sorted({w for alias in alias_to_id for w in alias.split() if len(w) >= 5}):
            self._alias_targets.setdefault(word[0], []).append(word)
        self._alias_fixes: dict[str, str] = {}

        self._facts = pack.facts
        phrasing_tokens: list[frozenset[str]] = []
        phrasing_fact: list[int] = []
        fact_words: list[set[str]] = []
        self._fact_asks: list[frozenset[str]] = []
        # What each fact tells, for questions that take something as given.
        self._fact_told: list[frozenset[str]] = []
        # Each fact's answer, analysed once for all that is worked out from it below.
        answers = [self._analyze(f.answer, normal=normals[f.answer]) for f in pack.facts]
        for index, fact in enumerate(pack.facts):
            words: set[str] = set()
            asks: set[str] = set()
            told: set[str] = set()
            for question in fact.questions:
                normal = normals[question]
                asks |= self._asks(normal)
                tokens = frozenset(self._analyze(question, normal=normal))
                phrasing_tokens.append(tokens)
                phrasing_fact.append(index)
                words |= tokens
                if _AFTER_WORDS.isdisjoint(normal.split()):
                    # A phrasing asking what happened "after" something takes it as given.
                    told |= tokens
            fact_words.append(words)
            answer = answers[index]
            # An answer saying "later" tells what came after, whatever it repeats.
            self._fact_told.append(
                frozenset() if self._token("after") in answer else frozenset(told | set(answer))
            )
            self._fact_asks.append(frozenset(asks))
        self._fact_phrasing_words = [frozenset(w) for w in fact_words]
        self._sentences: tuple[Sentence, ...] = pack.article.sentences
        self._sentence_tokens = [frozenset(self._analyze(s.text)) for s in self._sentences]
        self._sentences_with: dict[str, list[int]] = {}
        for index, sentence_tokens in enumerate(self._sentence_tokens):
            for token in sentence_tokens:
                self._sentences_with.setdefault(token, []).append(index)
        self._fact_sentences = [
            frozenset(s.index for c in f.citations if (s := pack.article.find(c.text)))
            for f in pack.facts
        ]
        self._fact_vocab: list[frozenset[str]] = []
        self._fact_kinds: list[frozenset[str]] = []
        for fact, answer, words, cited in zip(
            pack.facts, answers, fact_words, self._fact_sentences, strict=True
        ):
            said = {t for i in cited for t in self._sentence_tokens[i]}
            said |= set(answer)
            # A sentence's date often stands in the one before it ("A truck and two pick-ups
            # were seized" is the May 5 raid), so neighbouring dates do not contradict it.
            nearby = {
                t
                for i in cited
                for j in (i - 1, i + 1)
                if 0 <= j < len(self._sentences)
                for t in self._sentence_tokens[j]
                if t in MONTHS or t.isdigit()
            }
            self._fact_vocab.append(frozenset(words | said | nearby))
            self._fact_kinds.append(
                _answer_kinds([fact.answer, *(self._sentences[i].text for i in cited)])
            )

        count = len(pack.facts)
        document_frequency: dict[str, int] = {}
        for words in fact_words:
            for token in words:
                document_frequency[token] = document_frequency.get(token, 0) + 1
        self._idf = {t: math.log((count + 1) / (df + 0.5)) for t, df in document_frequency.items()}
        # A word no fact uses weighs a little less than the rarest word a fact does use.
        self._unknown_idf = 0.75 * math.log((count + 1) / 0.5)

        self._phrasing_weight = [sum(self._idf[t] for t in p) for p in phrasing_tokens]
        self._phrasing_strings = [" ".join(sorted(p)) for p in phrasing_tokens]
        # For each token, what it adds to each fact's first-pass score: its weight where the
        # fact's text or phrasings hold it, plus its largest share of one phrasing of the fact
        # (so a fact with a phrasing close to the question stands out among facts that merely
        # share common words). The first pass sums a few such rows element by element.
        share: dict[str, dict[int, float]] = {}
        for pid, tokens in enumerate(phrasing_tokens):
            for token in tokens:
                row = share.setdefault(token, {})
                part = self._idf[token] / self._phrasing_weight[pid]
                if part > row.get(phrasing_fact[pid], 0.0):
                    row[phrasing_fact[pid]] = part
        # Sparse, so memory grows with the pack, not with its square.
        postings: dict[str, list[tuple[int, float, float]]] = {}
        for index, vocab in enumerate(self._fact_vocab):
            for token in vocab:
                weight = self._idf.get(token, self._unknown_idf)
                bonus = _SHARE_BONUS * share.get(token, {}).get(index, 0.0)
                postings.setdefault(token, []).append((index, weight + bonus, weight))
        self._postings = {t: tuple(p) for t, p in postings.items()}
        self._common = max(_COMMON_FLOOR, int(_COMMON_SHARE * count))
        # Phrasings that read the same once analysed ("who won?", "Who won the battle?") are
        # scored once; a question that reads exactly like one goes straight to its fact.
        local: list[dict[str, list[int]]] = [{} for _ in pack.facts]
        self._exact: dict[frozenset[str], int] = {}
        seen: set[tuple[int, frozenset[str]]] = set()
        for pid, tokens in enumerate(phrasing_tokens):
            if (phrasing_fact[pid], tokens) in seen:
                continue
            seen.add((phrasing_fact[pid], tokens))
            self._exact.setdefault(tokens, phrasing_fact[pid])
            for token in tokens:
                local[phrasing_fact[pid]].setdefault(token, []).append(pid)
        self._local_postings = [{t: tuple(p) for t, p in f.items()} for f in local]
        self._fact_choices: list[list[str]] = [[] for _ in pack.facts]
        for pid, index in enumerate(phrasing_fact):
            if self._phrasing_strings[pid] not in self._fact_choices[index]:
                self._fact_choices[index].append(self._phrasing_strings[pid])

        self._article_tokens = frozenset(t for s in self._sentence_tokens for t in s)
        # The battle's own name, place and war: naming them never contradicts a fact.
        setting = [pack.article.title] + [
            s.text for s in self._sentences if s.text.startswith(_SETTING_LABELS)
        ]
        self._setting_tokens = frozenset(t for s in setting for t in self._analyze(s))
        self._topical = frozenset(
            t for t in self._article_tokens | {f"@{e.id}" for e in pack.entities} if not t.isdigit()
        ) - {self._token(w) for w in _QUESTION_WORDS | _GENERIC}
        self._question_tokens = frozenset(t for w in _QUESTION_WORDS if (t := self._token(w)))
        self._typed_question_tokens = frozenset(
            t for w in _TYPED_QUESTION_WORDS if (t := self._token(w))
        )
        # Tokens that alone do not make a question about anything: question words, numbers.
        self._weak_tokens = (
            self._question_tokens
            | {self._token(w) for w in _GENERIC}
            | {t for t in document_frequency if t.isdigit()}
        )
        self._home = pack.article.title.split("(")[0].split()[-1].casefold()
        self._home_entity = self._alias_to_id.get(self._home)
        citing: dict[int, set[int]] = {}
        for index, cited in enumerate(self._fact_sentences):
            for sentence in cited:
                citing.setdefault(sentence, set()).add(index)
        self._neighbours = {
            fact.id: frozenset(
                j
                for sentence in cited
                for near in (sentence - 1, sentence, sentence + 1)
                for j in citing.get(near, ())
                if j != index
            )
            for index, (fact, cited) in enumerate(
                zip(pack.facts, self._fact_sentences, strict=True)
            )
        }
        self._place_tokens = frozenset(f"@{e.id}" for e in pack.entities if e.kind == "place")
        # Where each fact's events happen: the places its phrasings and sentences put anything
        # "in" or "at" ("raided the town of In Khalil"), not those merely named ("a source from
        # Timbuktu"). The battle's own town and country are everywhere.
        self._everywhere = frozenset(t for t in self._place_tokens if t in self._setting_tokens)
        self._fact_places = [
            frozenset(
                place
                for text in (fact.answer, *(self._sentences[i].text for i in cited))
                for place in self._located(normals[text])
            )
            for fact, cited in zip(pack.facts, self._fact_sentences, strict=True)
        ]
        self._why = self._token("why")
        self._happen_tokens = frozenset(
            t
            for w in ("happen", "become", "became", "do", "did", "end", "up", "go", "went")
            if (t := self._token(w))
        )
        dates, dated = self._date_sentences()
        self._next_fact = self._follow_on(pack, dates, dated)
        self._fact_index = {fact.id: index for index, fact in enumerate(pack.facts)}
        # Facts whose answer says who told it ("Ramadane claimed...", "according to...").
        say = self._token("say")
        self._reported = frozenset(
            f.id for f, answer in zip(pack.facts, answers, strict=True) if say in answer
        )
        # When each fact's event happens, as (month, day): (0, 0) for a fact telling no story,
        # or summing up the battle from the infobox.
        self._fact_when = [
            (0, 0)
            if any(self._sentences[i].section == INFOBOX for i in cited)
            else max((dates[i] for i in cited), default=(0, 0))
            for cited in self._fact_sentences
        ]
        # Where and when each fact's own event happens, when it is not the battle's own place:
        # "who won that fight?" after the raid on In Khalil is about In Khalil in February.
        self._fact_setting: dict[str, tuple[str, ...]] = {}
        for fact, answered, located in zip(pack.facts, answers, self._fact_places, strict=True):
            where = sorted(located - self._everywhere)
            if where:
                months = [t for t in answered if t in MONTHS]
                days = [t for t in answered if t.isdigit()] if months else []
                self._fact_setting[fact.id] = (*where, *months, *days)
        # The battle's two sides, from the infobox: "the other side" is one of them.
        self._sides = tuple(
            t
            for s in self._sentences
            if s.text.startswith("Combatant")
            for t in self._sentence_tokens[s.index]
            if t.startswith("@")
        )
        self._people_tokens = frozenset(t for w in _PEOPLE_NOUNS if (t := self._token(w)))
        self._other_tokens = frozenset(t for w in _OTHER_WORDS if (t := self._token(w)))
        self._battle_tokens = frozenset(self._token(w) for w in _BATTLE_WORDS)
        self._asked_kinds: dict[str, str] = {}
        for kind, word in _ASKED_KINDS:
            if (asked := self._token(word)) is not None:
                self._asked_kinds[asked] = kind
        self._asked_words = self._typed_question_tokens | set(self._asked_kinds)
        self._starters = self._pick_starters()
        # What the article says each group is ("The MAA is composed mostly of Tilemsi Arabs"),
        # by the peoples it names ("Tilemsi", "Arabs"); and every such name, as what a question
        # may claim a group is.
        self._identity: dict[str, tuple[Fact, frozenset[str]]] = {}
        for fact, answer in zip(pack.facts, answers, strict=True):
            opening = self._name(normals[fact.answer]).split()
            opening = opening[1:] if opening[:1] == ["the"] else opening
            if len(opening) > 2 and self._kind(opening[0]) == "group" and opening[1] in _COPULAS:
                peoples = {self._stemmer.stemWord(fold(w)) for w in _PEOPLE.findall(fact.answer)}
                peoples |= {t for t in answer if t[:1] == "@"}
                self._identity.setdefault(opening[0], (fact, frozenset(peoples)))
        self._identity_words = frozenset(
            w for _, said in self._identity.values() for w in said if w[:1] != "@"
        )

    # -- analysis ---------------------------------------------------------------------------

    def _analyze(self, text: str, *, normal: str | None = None) -> list[str]:
        """Turn text into matching tokens: aliases to entity ids, synonyms folded, stems."""
        if normal is None:
            normal = normalize(text)
        words = normal.split()
        if not self._known_words.issuperset(words):
            words = [self._alias_fixes.get(w) or self._fix_alias_word(w) for w in words]
        tokens: list[str] = []
        cache = self._token_cache
        for word in self._name_words(words):
            token = cache.get(word, "")
            if token == "":
                token = self._token(word)
            if token and token not in tokens:
                tokens.append(token)
        return tokens

    def _fix_alias_word(self, word: str) -> str:
        """Return the word of a name this is a typo of ("ramadan" -> "ramadane"), or the word."""
        fixed = word
        if len(word) >= 5 and word not in self._known_words and not word.isdigit():
            fixed = self._correct(word, among=self._alias_targets) or word
        if len(self._alias_fixes) > 50_000:
            self._alias_fixes.clear()
        self._alias_fixes[word] = fixed
        return fixed

    def _asks(self, normal: str) -> frozenset[str]:
        """Return what a normalised question asks for besides who, when, where and why."""
        vocabulary = normal.split()
        if _ATTRIBUTE_WORDS.isdisjoint(vocabulary) and (
            "many" not in vocabulary or _STRENGTH_WORDS.isdisjoint(vocabulary)
        ):
            return frozenset()
        # Names come out first: "the religious leader's son" asks for no leader.
        named = self._name(normal)
        return frozenset(m.lastgroup for m in _ATTRIBUTE.finditer(named) if m.lastgroup)

    def _kind(self, token: str) -> str | None:
        """Return the kind of entity a token names ("person", "group", "place"), if any."""
        entity = self._entities.get(token[1:]) if token.startswith("@") else None
        return entity.kind if entity else None

    def _elsewhere_in(self, normal: str, tokens: list[str]) -> frozenset[str]:
        """Return the places besides the battle's own that a question asks about events in."""
        if not any(t in self._place_tokens and t not in self._everywhere for t in tokens):
            return frozenset()
        return frozenset(self._located(normal)) - self._everywhere

    def _located(self, normal: str) -> list[str]:
        """Return the places a normalised text puts something in or at ("in Gao" -> Gao)."""
        named = self._name(normal)
        return [f"@{m[1]}" for m in _LOCATED.finditer(named) if f"@{m[1]}" in self._place_tokens]

    def _name(self, normal: str) -> str:
        """Replace each name in a normalised text with its entity's token ("the MAA" -> "@maa")."""
        words = normal.split()
        named = self._name_words(words)
        return normal if named is words else " ".join(named)

    def _name_words(self, words: list[str]) -> list[str]:
        """Return the words with each name replaced by its entity's token (the same list if
        they name nothing)."""
        starts = self._names_by_first
        if starts.keys().isdisjoint(words):
            return words
        named: list[str] = []
        done = 0
        for index in [i for i, word in enumerate(words) if word in starts]:
            if index < done:
                continue  # inside a name already found
            after = words[index + 1] if index + 1 < len(words) else ""
            for parts, token in starts[words[index]]:
                # (Most names of two words or more are ruled out by their second word.)
                if len(parts) == 1 or (
                    parts[1] == after and words[index : index + len(parts)] == parts
                ):
                    named += words[done:index]
                    named.append(token)
                    done = index + len(parts)
                    break
        if not named:
            return words
        named += words[done:]
        return named

    def _token(self, word: str) -> str | None:
        cached = self._token_cache.get(word, "")
        if cached != "":
            return cached
        token = self._make_token(word)
        if len(self._token_cache) > 50_000:
            self._token_cache.clear()
        self._token_cache[word] = token
        return token

    def _make_token(self, word: str) -> str | None:
        if word.startswith("@"):
            return word
        word = NUMBER_WORDS.get(word, word)
        if word in MONTH_FORMS:
            # Months are matched unstemmed and in English: "fevrier", "feb" and "February" agree.
            return MONTH_FORMS[word]
        if word in STOPWORDS or word.isdigit():
            return None if word in STOPWORDS else word
        stemmed = self._stemmer.stemWord(word)
        # A word unknown as written but known by its stem ("detailed", "details") is no typo.
        if word not in self._known_words and stemmed not in self._known_stems and len(word) > 2:
            corrected = self._correct(word)
            if corrected is None:
                pass
            elif corrected in STOPWORDS:
                return None
            elif corrected in MONTH_FORMS:
                return MONTH_FORMS[corrected]
            else:
                word = corrected
        stem = str(self._stemmer.stemWord(self.pack.synonyms.get(word, word)))
        return self._stem_synonyms.get(stem, stem)

    def _correct(self, word: str, *, among: dict[str, list[str]] | None = None) -> str | None:
        """Return the pack word this is a typo of, or None: one slip, or two in a long word.

        `among` holds other words to correct towards, by first letter.
        """
        # Typos keep the first letter; very short words are only read as function words.
        if among is not None:
            targets = among.get(word[0], [])
        elif len(word) <= 4:
            targets = self._short_targets
        else:
            targets = self._typo_targets.get(word[0], [])
        limit = 2 if len(word) >= 10 else 1
        best: tuple[float, float, str] | None = None
        for target, distance, _ in process.extract_iter(
            word, targets, scorer=OSA.distance, score_cutoff=limit
        ):
            # A letter is dropped mostly where it was doubled ("wonn"); otherwise "paris" would
            # read as the French "pris".
            if len(target) < len(word) and not _DOUBLED.search(word):
                continue
            # Of equally near words, the one alike in more letters, and at the start, wins:
            # "wher" is "where", not "when"; "waht" is "what", not "want".
            key = (distance, -JaroWinkler.similarity(word, target), str(target))
            if best is None or key < best:
                best = key
        return best[2] if best else None

    def _weight(self, token: str) -> float:
        return self._idf.get(token, self._unknown_idf)

    # -- answering --------------------------------------------------------------------------

    def answer(self, question: str, *, context: Context | None = None) -> Reply:
        """Answer one question, using the conversation context for follow-ups."""
        text = question
        if len(text) > MAX_QUESTION_CHARS:
            head = MAX_QUESTION_CHARS // 4
            text = f"{text[:head]}. {text[head - MAX_QUESTION_CHARS :]}"
        normal = normalize(text)
        words = normal.split()
        tokens = self._analyze(text, normal=normal)
        if context is not None and context.fact_id is not None and _NEXT.match(normal):
            # "and after that?": what happens next in the story, if the article tells any more.
            following = self._next_fact.get(context.fact_id)
            if following is None:
                return self._decline(question, tokens, context)
            asked = self._analyze(following.questions[0])
            return self._answer_with(question, following, 1.0, asked, context)
        if (
            context is not None
            and context.fact_id in self._reported
            and _WHO_SAID.match(normal) is not None
        ):
            # "who made that claim?": the last answer, which says who.
            fact = self._facts[self._fact_index[context.fact_id]]
            return self._answer_with(question, fact, 1.0, tokens, context)
        if not tokens:
            return self._decline(question, tokens, context, empty=not words)
        previous = context or Context()
        if (
            not _IDENTITY_COPULAS.isdisjoint(words)
            and any(t in self._identity for t in tokens)
            and (identity := self._identity_of(self._name(normal)))
        ):
            # "Since the MAA is a Tuareg group, why...": what the article says it is instead.
            return self._answer_with(question, identity, 1.0, tokens, previous)
        if context is not None and _asks_about(words):
            # "what about Timbuktu?" asks the last question again: its "what" asks nothing.
            tokens = [t for t in tokens if t != self._token(words[0])] or tokens
        said = _CORRECTION.match(normal) if context is not None else None
        if said is not None and not self._question_tokens.isdisjoint(
            self._analyze(normal[said.end() :])
        ):
            said = None  # "I mean, how many civilians were killed?" asks anew
        correction = said is not None
        if said is not None:
            # "no, I meant the second time": the last question again, put right.
            dropped = {self._token(w) for w in said[0].split()}
            tokens = [t for t in tokens if t not in dropped] or tokens
        if context is not None and (side := _OTHER_SIDE.search(normal)):
            tokens = self._other_side(tokens, previous, side[0])
        long = len(words) >= _LONG_QUESTION
        # A message may wrap one question in chatter: its clauses are read on their own too
        # (worked out here only for a long message, whose questions are needed at once, or one
        # of several sentences, whose chatter's names count less).
        several = _SENTENCE_BREAK.search(text) is not None
        clauses = _clauses(text) if long or several else []
        # "Everyone says 40 men. What's the real number?": the number said is put to the test,
        # and counts against no fact.
        disputed = (
            frozenset(t for t in tokens if t.isdigit())
            if not _DISPUTING_WORDS.isdisjoint(words) and _DISPUTED.search(normal)
            else _NOTHING
        )
        # The question without its opening words: "and when did they...", "so after that, ..."
        core = words[next((i for i, w in enumerate(words) if w not in _OPENERS), len(words)) :]
        # In a long message, what is asked for is read from its questions, not its chatter.
        questions = [normalize(c) for is_asked, c in clauses if is_asked] if long else []
        focus = (
            frozenset(t for q in questions for t in self._analyze(q, normal=q))
            if questions
            else _NOTHING
        )
        plain = _Query(
            tokens,
            exclude=previous.fact_id if _OTHER_WORDS & set(words) else None,
            elsewhere=self._elsewhere(
                text,
                words,
                years=not disputed,
                names_in=" ".join(c for asks, c in clauses if asks)
                if any(asks for asks, _ in clauses)
                else None,
            ),
            asks=frozenset().union(*map(self._asks, questions))
            if questions
            else self._asks(normal),
            long=long,
            located=self._elsewhere_in(normal, tokens),
            focus=focus,
            premise=self._given(core),
            soft=(_NOTHING if long or _WHILE_WORDS.isdisjoint(core[1:]) else self._setting(core))
            | disputed,
        )
        attempts = [plain]
        later: list[_Query] = []
        that_event = context is not None and _THAT_EVENT.search(normal) is not None
        # "who captured it then?": then, or after; "who held it back then?": then.
        back = context is not None and _BACK_THEN.search(normal) is not None
        then = back or (context is not None and _THEN.search(normal) is not None)
        # "who held that town?": the place last discussed, as "there" is.
        town = context is not None and (
            _THAT_TOWN.search(normal) is not None or (back and _THE_TOWN.search(normal) is not None)
        )
        if context is not None and (
            that_event or then or town or correction or self._is_follow_up(words, tokens)
        ):
            # A conversation moves along the article: facts next to the last one come first.
            attempts[0] = replace(
                plain, near=self._neighbours.get(previous.fact_id or "", frozenset())
            )
            last = self._fact_index.get(previous.fact_id or "")
            if then and last is not None and (when := self._fact_when[last]) != (0, 0):
                attempts[0] = replace(attempts[0], since=when, until=when if back else None)
            place = next((e for e in previous.entities if self._kind(f"@{e}") == "place"), None)
            if town and place is not None and f"@{place}" not in self._everywhere:
                words = [*words, "there"]
            if that_event and previous.fact_id in self._fact_setting:
                # "who won that fight?": the fight last answered, with its place and date.
                setting = self._fact_setting[previous.fact_id]
                tokens = tokens + [t for t in setting if t not in tokens]
                places = frozenset(t for t in setting if t.startswith("@"))
                attempts[0] = replace(
                    attempts[0], tokens=tokens, located=attempts[0].located | places
                )
            resolved = self._resolve_pronouns(words, tokens, previous)
            if resolved != tokens:
                # "he": whoever the pronoun stands for is what is asked about, however the
                # question is read. ("They" may as well be the prisoners as a group.)
                added = frozenset(resolved) - set(tokens)
                referents = frozenset(
                    t for t in added if self._kind(t) == "person" or t in self._people_tokens
                )
                # "how many died there?" after In Khalil asks about events in In Khalil.
                there = frozenset(
                    t
                    for t in added
                    if "there" in words and t in self._place_tokens and t not in self._everywhere
                )
                attempts[0] = replace(
                    attempts[0], referents=referents, located=attempts[0].located | there
                )
                resolved_query = replace(attempts[0], tokens=resolved, soft=added - there)
                # "There" is that place, however the rest is read.
                attempts = [resolved_query] if there else [resolved_query, attempts[0]]
            carried = self._carry_over(tokens, previous)
            # "and the MNLA?", "what about May?": nothing but names and dates is no question
            # of its own, so the last question's words come first.
            elliptical = correction or (
                all(
                    t.startswith("@")
                    or t in self._weak_tokens
                    or t in MONTHS
                    or t.isdigit()
                    or t in self._other_tokens  # "another one?", "encore ?"
                    for t in tokens
                )
                # ("What happened to them?" after the prisoners asks about the prisoners.)
                and self._people_tokens.isdisjoint(resolved)
            )
            # (So does a correction.) Asked again, the last question's words count in full.
            carry = replace(
                attempts[-1],
                tokens=carried,
                soft=_NOTHING if elliptical else frozenset(carried) - set(tokens),
            )
            if elliptical:
                # "what about Timbuktu?": the last question, asked of that place.
                places = frozenset(
                    t for t in tokens if t in self._place_tokens and t not in self._everywhere
                )
                # The names alone are no question, so nothing else is tried.
                # And whoever it names is who the answer must be about: "and the MNLA?"
                named = frozenset(t for t in tokens if self._kind(t) in ("group", "person"))
                if named:
                    # ... and of what the last question asked: "when did the MAA leave Ber?",
                    # "and the MNLA?" is not answered by a fact where nobody leaves.
                    named |= {
                        t
                        for t in carried
                        if t not in tokens and t not in self._weak_tokens and not t.startswith("@")
                    }
                attempts = [
                    replace(
                        carry, located=carry.located | places, referents=carry.referents | named
                    )
                ]
            elif not that_event:
                later.append(carry)

        best_reply: Reply | None = None
        best_key = (False, False, 0.0)
        readings = chain(
            ((a, False) for a in attempts),
            self._clause_readings(
                plain,
                several,
                tokens,
                # ("that fight" is read whole: its clauses would lose which fight.)
                lambda: (
                    (clauses or _clauses(text))[:8]
                    if len(words) >= _CLAUSED_QUESTION and not that_event
                    else []
                ),
            ),
            ((a, False) for a in later),
        )
        whole: Reply | None = None
        for number, (attempt, from_question) in enumerate(readings):
            reply = self._decide(question, attempt, previous)
            if number == 0 and reply.answered and questions and several:
                # A long message of several sentences answered as a whole is answered from its
                # question instead, when the question says enough on its own ("could you help me
                # out?" does not).
                whole = reply
                continue
            if reply.answered and (number == 0 or len(words) < _CLAUSED_QUESTION or from_question):
                telling = sum(t not in self._weak_tokens for t in attempt.tokens)
                if whole is not None and telling < _TELLING_QUESTION:
                    return whole
                return reply
            # An answer to a clause of a question beats one to a clause of the chatter around it.
            key = (reply.answered, reply.answered and from_question, reply.confidence)
            if best_reply is None or key > best_key:
                best_reply, best_key = reply, key
        if whole is not None:
            return whole
        assert best_reply is not None
        return best_reply

    def _clause_readings(
        self,
        plain: _Query,
        several: bool,
        tokens: list[str],
        split: Callable[[], list[tuple[bool, str]]],
    ) -> Iterator[tuple[_Query, bool]]:
        """Read each clause of a message as a question of its own, saying which ones ask.

        Only read when the whole message is not answered outright, so most questions never
        pay for it.
        """
        # A date anywhere in the message still holds for each clause.
        dates = [t for t in tokens if t in MONTHS or (t.isdigit() and len(t) == 4)]
        # A clause naming none of the article's own people or places is about whatever else
        # the message's other sentences named: "... Napoleon at Waterloo. Who won the battle?"
        around = plain.elsewhere if plain.long or several else 0
        for is_asked, clause in split():
            clause_normal = normalize(clause)
            clause_tokens = self._analyze(clause, normal=clause_normal)
            telling = [t for t in clause_tokens if t not in self._weak_tokens]
            # Two words make a question ("who won?"), but not a clause of chatter, which needs
            # two telling ones: "I know the article doesn't give it" tells nothing.
            if (
                not telling
                or len(clause_tokens) < (2 if is_asked else 3)
                or (len(telling) < 2 and not is_asked)
            ):
                continue
            carried = [t for t in dates if t not in clause_tokens]
            clause_tokens += carried
            if clause_tokens == tokens:
                continue
            borrowed: frozenset[str] = frozenset()
            if _PRONOUNS.intersection(clause_normal.split()):
                # "what were they doing?": they are whoever the message named before.
                borrowed = frozenset(
                    t
                    for t in tokens
                    if self._kind(t) in ("group", "person") and t not in clause_tokens
                )
                clause_tokens += sorted(borrowed)
            own = any(t.startswith("@") for t in clause_tokens)
            clause_words = clause_normal.split()
            # ("who died when the fighting broke out?": the scene is set, not asked about.)
            setting = (
                self._setting(clause_words)
                if is_asked and not _WHILE_WORDS.isdisjoint(clause_words[1:])
                else _NOTHING
            )
            reading = replace(
                plain,
                tokens=clause_tokens,
                # A date the article gives is the reader's context; one it never gives still
                # says the message is about another event.
                soft=borrowed.union(t for t in carried if t in self._article_tokens)
                | setting
                | (plain.soft & frozenset(clause_tokens) if plain.soft else _NOTHING),
                long=False,
                clause=True,
                elsewhere=max(
                    self._elsewhere(
                        # (A disputed year, soft in the whole message, is no other event.)
                        clause,
                        clause_normal.split(),
                        years=not any(t.isdigit() for t in plain.soft),
                    ),
                    0 if own else around,
                ),
                asks=self._asks(clause_normal),
                located=self._elsewhere_in(clause_normal, clause_tokens),
            )
            yield reading, is_asked

    def _elsewhere(
        self, text: str, words: list[str], *, years: bool = True, names_in: str | None = None
    ) -> int:
        """Count signs that the question is about another place or event than this article's.

        `years`: whether a year the article never gives is one ("in 2014"); not when the
        question disputes it. `names_in`: the questions of a message of several sentences,
        the part of it whose every unknown name counts.
        """
        signs = 0
        if years and not self._article_tokens.issuperset(_YEAR.findall(text)):
            signs += 1
        # "the battle of Gao": a battle named after a place that is not this one.
        # ("batle of Gao": a slip in the word for battle too.)
        battles = not _BATTLE_WORDS.isdisjoint(words) or not self._known_words.issuperset(words)
        for index in range(len(words) - 2) if battles and not _OF_WORDS.isdisjoint(words) else ():
            word = words[index]
            if words[index + 1] not in _OF_WORDS or not (
                word in _BATTLE_WORDS
                or (word not in self._known_words and self._token(word) in self._battle_tokens)
            ):
                continue
            named = self._name(" ".join(words[index + 2 : index + 5])).split()[:1]
            following = [w for w in words[index + 2 : index + 4] if w not in STOPWORDS]
            if named and named[0].startswith("@"):
                entity = named[0][1:]
            else:
                place = following[0] if following else self._home
                if place not in self._alias_to_id:
                    signs += place not in self._known_words and not place.isdigit()
                    continue
                entity = self._alias_to_id[place]
            signs += entity != self._home_entity and self._entities[entity].kind == "place"
        # A capitalised word the article never uses, and no typo of one: another name.
        # Outside the questions of a message of several sentences that speaks of this battle,
        # only a name where a place goes, or naming an event, counts: "at Waterloo" and "the
        # Konna fighting" do, "I saw it on Twitter" does not.
        about_this = names_in is not None and (
            not _BATTLE_WORDS.isdisjoint(words) or self._name_words(words) is not words
        )
        asked = names_in if about_this and names_in is not None else text
        names = {fold(raw) for raw in _CAPITALISED.findall(strip_address(asked))[:20]}
        if about_this:
            names.update(
                fold(at or named) for at, named in _PLACED_NAME.findall(strip_address(text))[:20]
            )
        names -= STOPWORDS
        # So is an unknown word where a place goes in a short question, in lower case: "what
        # happened in kidal?"
        if len(words) < _LONG_QUESTION and not _PLACE_PREPOSITIONS.isdisjoint(words):
            names.update(
                words[index + 1]
                for index, word in enumerate(words[:-1])
                if word in _PLACE_PREPOSITIONS
                and len(words[index + 1]) > 3
                # ("in action", "in detail": no place's name.)
                and not _COMMON_NOUN.search(words[index + 1])
            )
        for word in names:
            if word not in self._known_words and self._correct(word) is None:
                signs += 1
        return signs

    def _carry_over(self, tokens: list[str], previous: Context) -> list[str]:
        """Complete an elliptical follow-up ("and the MNLA?") with the last question's words."""
        kinds = {self._entities[t[1:]].kind for t in tokens if t[1:] in self._entities}
        # A follow-up that asks in its own words ("when?") no longer asks what the last one did.
        asks = any(t in self._question_tokens for t in tokens)
        # Nor does one naming a month ask of the last one's date: "no, in April".
        dated = any(t in MONTHS for t in tokens)
        kept = [
            t
            for t in previous.tokens
            if t not in tokens
            and not (t[1:] in self._entities and self._entities[t[1:]].kind in kinds)
            and not (asks and t in self._question_tokens)
            and not (dated and (t in MONTHS or t.isdigit()))
        ]
        return tokens + kept

    def _date_sentences(self) -> tuple[list[tuple[int, int]], list[bool]]:
        """Return each sentence's (month, day), and whether the sentence gives it itself.

        A sentence without a date is dated like the one before it in its section; one with none
        before it is (0, 0).
        """
        dates: list[tuple[int, int]] = []
        dated: list[bool] = []
        for sentence in self._sentences:
            found = _DAY.search(sentence.text)
            same_section = (
                bool(dates) and self._sentences[len(dates) - 1].section == sentence.section
            )
            dated.append(found is not None)
            if found:
                dates.append((MONTH_NUMBERS[found[1].lower()], int(found[2])))
            else:
                dates.append(dates[-1] if same_section else (0, 0))
        return dates, dated

    def _follow_on(
        self, pack: Pack, dates: list[tuple[int, int]], dated: list[bool]
    ) -> dict[str, Fact]:
        """Return what happens next after each fact, for "and after that?".

        That is the fact citing the first later sentence that moves the story on: one dated
        after the fact, or saying "afterward" or "later". The infobox tells no story. `dates`
        and `dated` are `_date_sentences()`.
        """
        sequence = {self._token("after"), self._token("soon")}
        story = [s.index for s in self._sentences if s.section != INFOBOX]
        citing: dict[int, Fact] = {}
        for fact, cited in zip(pack.facts, self._fact_sentences, strict=True):
            for index in sorted(cited):
                citing.setdefault(index, fact)
        follow_on: dict[str, Fact] = {}
        for fact, cited in zip(pack.facts, self._fact_sentences, strict=True):
            told = [i for i in cited if self._sentences[i].section != INFOBOX]
            if not told:
                continue
            when = max(dates[i] for i in told)
            for index in story:
                if index <= max(told) or index not in citing or dates[index] < when:
                    continue  # told before, cited by nothing, or earlier in time
                if (dated[index] and dates[index] > when) or not sequence.isdisjoint(
                    self._sentence_tokens[index]
                ):
                    follow_on[fact.id] = citing[index]
                    break
        return follow_on

    def _identity_of(self, named: str) -> Fact | None:
        """Return what the article says a group is, when the question asks whether it is
        something ("is the MNLA a Tuareg group?"), or asks only why or whether it is another
        thing ("since the MAA is a Tuareg group, why...", "the MNLA is mostly Arab, right?")."""
        words = named.split()
        for found in _IDENTITY.finditer(named):
            group, claim = found[1] or found[2], found[3]
            if group not in self._identity:
                continue
            fact, said = self._identity[group]
            if claim.startswith("@"):
                if self._kind(claim) != "group":
                    continue
                claimed = claim
            elif (claimed := self._stemmer.stemWord(claim)) not in self._identity_words:
                continue  # "the MAA was stronger": no claim about what it is
            following = named[found.end() :].split()[:1]
            if following and following[0] not in _CLAIM_FOLLOWERS:
                continue  # "were the MNLA Tuareg prisoners released?": about the prisoners
            if found[2] is not None and found.start() == 0:
                return fact  # "is the MNLA a Tuareg group?"
            wrong = claimed not in said and self._token(claim) not in said
            # A false claim is put right when the question asks nothing else about it.
            if wrong and _CLAIM_ASKS.intersection(words) and _OTHER_ASKS.isdisjoint(words):
                return fact
        return None

    def _setting(self, words: list[str]) -> frozenset[str]:
        """Return the words of a clause that only sets the scene: "who died when the fighting
        broke out?" asks who died. Names and dates in it still count."""
        cut = next(i for i, w in enumerate(words) if i and w in _WHILE_WORDS)
        if cut + 1 >= len(words) or words[cut - 1] in _ASKING_WORDS:
            # "MNLA lost Ber when?", "what does it say about when...": a question word.
            return frozenset()
        asked = set(self._analyze(" ".join(words[:cut])))
        return frozenset(
            t
            for t in self._analyze(" ".join(words[cut:]))
            if t not in asked and not t.startswith("@") and not t.isdigit() and t not in MONTHS
        )

    def _given(self, words: list[str]) -> frozenset[str]:
        """Return what a question takes as given: the event it asks what came after, or, for
        "later", all that a fact telling no later event says of whoever it asks about."""
        if not _AFTER_WORDS.isdisjoint(words):
            return self._premise(words)
        return _NOTHING if _LATER_WORDS.isdisjoint(words) else self._later(words)

    def _premise(self, words: list[str]) -> frozenset[str]:
        """Return what "what happened to the son after he was taken?" takes as given: the
        event's words that the question does not also ask about ("did the MAA keep Ber after
        raiding it again?" is not answered by the raid)."""
        cut = next(i for i, w in enumerate(words) if w in _AFTER_WORDS)
        if cut == 0:
            return frozenset()  # "After they left, who took Ber?"
        asked = self._analyze(" ".join(words[:cut]))
        given = self._analyze(" ".join(words[cut + 1 :]))
        return frozenset(
            t
            for t in given
            if t not in self._weak_tokens
            and not t.startswith("@")
            and t not in MONTHS
            and t not in self._setting_tokens  # "after the battle" gives nothing away
            and t not in asked
        )

    def _later(self, words: list[str]) -> frozenset[str]:
        """Return what "what happened to the marabout's son later?" takes as given: whoever it
        asks about, and all that a fact telling no later event says of them."""
        asked = self._analyze(" ".join(w for w in words if w not in _LATER_WORDS))
        if self._happen_tokens.isdisjoint(asked) or any(
            t not in self._weak_tokens and not t.startswith("@") and t not in self._happen_tokens
            for t in asked
        ):
            return frozenset()
        return frozenset(t for t in asked if t.startswith("@") and t not in self._setting_tokens)

    def _other_side(self, tokens: list[str], previous: Context, phrase: str) -> list[str]:
        """Name the other combatant for "and the other side?" after one side was discussed."""
        if any(t in self._sides for t in tokens):
            return tokens
        last = next((f"@{e}" for e in previous.entities if f"@{e}" in self._sides), None)
        others = [t for t in self._sides if t != last]
        if last is None or len(others) != 1:
            return tokens
        # The words that said "the other side" are now its name.
        said = {self._token(w) for w in phrase.split()}
        return [*(t for t in tokens if t not in said), others[0]]

    def _is_follow_up(self, words: list[str], tokens: list[str]) -> bool:
        vocabulary = set(words)
        if vocabulary & (_GROUP_PRONOUNS | _PERSON_PRONOUNS | _PLACE_PRONOUNS | _OTHER_WORDS):
            return True
        if words and (words[0] in _FOLLOW_UP_OPENERS or _asks_about(words)):
            return True
        return len(tokens) <= 2 and not any(t.startswith("@") for t in tokens)

    def _resolve_pronouns(self, words: list[str], tokens: list[str], context: Context) -> list[str]:
        wanted: list[str] = []
        vocabulary = set(words)
        # "They" after "how many prisoners were taken?" are the prisoners, not a group.
        people = [t for t in context.tokens if t in self._people_tokens and t not in tokens]
        if vocabulary & _GROUP_PRONOUNS and not people:
            wanted.append("group")
        if vocabulary & _PERSON_PRONOUNS:
            wanted.append("person")
        if vocabulary & _PLACE_PRONOUNS:
            wanted.append("place")
        named = {self._entities[t[1:]].kind for t in tokens if t[1:] in self._entities}
        if not wanted:
            wanted = [kind for kind in ("group", "person") if kind not in named]
        resolved = list(tokens)
        if vocabulary & _GROUP_PRONOUNS:
            resolved += people
        # "between them", "each other": two of them.
        wanted_groups = 2 if vocabulary & _BETWEEN_WORDS else 1
        for kind in wanted:
            found = 0
            for entity_id in context.entities:
                entity = self._entities.get(entity_id)
                if entity is not None and entity.kind == kind:
                    token = f"@{entity_id}"
                    if token not in resolved:
                        resolved.append(token)
                    found += 1
                    if kind != "group" or found == wanted_groups:
                        break
        return resolved

    def _rank(self, query: _Query) -> list[_Match]:
        tokens = query.tokens
        # In a long, chatty question the words the pack never uses are mostly filler.
        unknown = _FILLER_IDF if query.long else self._unknown_idf
        weights = {t: self._idf.get(t, unknown) for t in tokens}
        if query.focus:
            for t in weights:
                if t not in query.focus:
                    weights[t] *= _CHATTER_WEIGHT
        total = sum(weights.values())
        # Shortlist on the question's telling words: a word most facts use ("when", "Ber")
        # tells them apart too little to pay for walking all of them.
        lists = sorted((p for t in tokens if (p := self._postings.get(t))), key=len)
        if not lists:
            return []
        telling = [p for p in lists if len(p) <= self._common]
        if not telling or (
            len(telling) == 1 and len(lists) > 1 and len(lists[1]) <= 2 * self._common
        ):
            # One telling word alone shortlists too narrowly: the next one counts too, unless
            # it is in most facts.
            telling = lists[:2]
        shared: dict[int, float] = {}
        for entries in telling:
            for index, closeness, _ in entries:
                shared[index] = shared.get(index, 0.0) + closeness
        best: dict[int, _Match] = {}
        weight_of = self._phrasing_weight
        exact = self._exact.get(frozenset(tokens))
        pairs = list(weights.items())
        for index in self._shortlist(shared, exact):
            postings = self._local_postings[index]
            overlap: dict[int, float] = {}
            add = overlap.get
            for token, weight in pairs:
                pids = postings.get(token)
                if pids:
                    for pid in pids:
                        overlap[pid] = add(pid, 0.0) + weight
            closest, pid = -1.0, -1
            for phrasing, shared_weight in overlap.items():
                closeness = shared_weight / (total + weight_of[phrasing])
                if closeness > closest:
                    closest, pid = closeness, phrasing
            if pid >= 0:
                best[index] = _Match(index, 2 * closest, pid)
        # Penalties only lower a score (the follow-up boost aside), so facts are finished in
        # order of their raw score until none left could reach the top three.
        raw: list[tuple[float, _Match]] = []
        for m in best.values():
            vocab = self._fact_vocab[m.fact]
            covered = sum([weight for token, weight in pairs if token in vocab])
            raw.append((_PHRASING_SHARE * m.score + (1 - _PHRASING_SHARE) * covered / total, m))
        raw.sort(key=_first, reverse=True)
        scale = _ELSEWHERE_FACTOR**query.elsewhere
        # The first question word says what is asked; a later "when" is mostly a conjunction
        # ("who died when the fighting broke out?").
        first = next((t for t in tokens if t in self._asked_words), None)
        if first in query.soft:
            first = None
        checked = frozenset(tokens) - query.soft - self._asked_words - self._setting_tokens
        topics = [t for t in tokens if t not in self._weak_tokens]
        subjects = [t for t in topics if not t.startswith("@")]
        unexplained = [t for t in subjects if t not in self._idf and not t.isdigit()]
        ranked: list[_Match] = []
        for score, match in raw:
            reach = score * scale * (_NEAR_BOOST if match.fact in query.near else 1.0)
            if len(ranked) >= 3 and reach <= ranked[2].score:
                break
            score *= scale * self._contradiction(query, match.fact, first, checked)
            if self._facts[match.fact].id == query.exclude:
                score *= 0.5
            elif match.fact in query.near:
                score = min(1.0, score * _NEAR_BOOST)
            vocab = self._fact_vocab[match.fact]
            # Sharing only names is not an answer when the question asks about something else:
            # "what is the capital of France?" is not about the French army at Ber.
            if not any(t in vocab for t in topics) or (
                unexplained and not any(t in vocab for t in subjects)
            ):
                score *= 0.5
            insort(ranked, _Match(match.fact, score, match.phrasing), key=_descending)
        # Character-level similarity settles near ties that token overlap cannot tell apart.
        joined = " ".join(sorted(tokens))
        for match in ranked[:3]:
            # Both sides are sorted token strings, so plain ratio is token_sort_ratio at a
            # fraction of its cost.
            found = process.extractOne(joined, self._fact_choices[match.fact], scorer=fuzz.ratio)
            if found is not None:
                match.score = 0.85 * match.score + 0.15 * (found[1] / 100)
        ranked.sort(key=lambda m: m.score, reverse=True)
        return ranked

    @staticmethod
    def _shortlist(shared: dict[int, float], exact: int | None) -> list[int]:
        """Return the facts worth scoring in full: those sharing most with the question."""
        # (What heapq.nlargest returns, faster for the few dozen facts a question touches.)
        chosen = sorted(shared, key=shared.__getitem__, reverse=True)[:_SHORTLIST]
        # A fact sharing far less than the best one is not worth scoring.
        floor = _SHORTLIST_SHARE * shared[chosen[0]]
        chosen = [index for index in chosen if shared[index] >= floor]
        if exact is not None and exact not in chosen and exact in shared:
            chosen.append(exact)
        return chosen

    def _contradiction(
        self, query: _Query, fact: int, first: str | None, checked: frozenset[str]
    ) -> float:
        """Return a factor below 1 when the question names dates, numbers or names the fact lacks,
        or asks who/when/where/why where the fact answers something else.

        `first` is the question's first question word; `checked` its other tokens that count.
        """
        factor = 1.0
        if first is not None:
            if (
                first in self._typed_question_tokens
                and first not in self._fact_phrasing_words[fact]
            ):
                factor *= _MISSING_WHY if first == self._why else _MISSING_QUESTION_WORD
            needed = self._asked_kinds.get(first)
            if needed is not None and needed not in self._fact_kinds[fact]:
                # "How many planes?" cannot be answered by a fact that holds no number.
                factor *= _MISSING_KIND
        if query.referents - self._fact_vocab[fact]:
            # "what was his name?": a fact that does not name him is not about him.
            factor *= _MISSING_REFERENT
        for missing in query.asks - self._fact_asks[fact]:
            # (People's names are not a group's, however alike the question reads.)
            factor *= _MISSING_ATTRIBUTE ** (2 if missing == "names" else 1)
        if query.premise and query.premise <= self._fact_told[fact]:
            # "What happened to the son after he was taken?": not that he was taken.
            factor *= _GIVEN
        if query.since is not None and self._at_other_time(fact, query.since, query.until):
            factor *= _OTHER_TIME
        if query.located - self._fact_places[fact]:
            # "What did the MAA do in Timbuktu?" is not the fact whose source was from there.
            factor *= _MISSING_PLACE
        for token in checked - self._fact_vocab[fact]:
            if token.isdigit() or token in MONTHS:
                factor *= _MISSING_NUMBER
            elif token.startswith("@"):
                # Another place than the fact's is another event; another group or person may
                # just be named along the way.
                place = token in self._place_tokens
                factor *= (
                    _MISSING_PLACE
                    if place
                    else _MISSING_PERSON
                    if self._kind(token) == "person"
                    else _MISSING_ENTITY
                )
            elif not query.long and token not in self._weak_tokens:
                # A word that carries meaning and that this fact does not explain.
                factor *= _MISSING_KNOWN_WORD if token in self._idf else _MISSING_UNKNOWN_WORD
        return factor

    def _at_other_time(
        self, fact: int, since: tuple[int, int], until: tuple[int, int] | None
    ) -> bool:
        """Return whether a fact tells of a time before `since`, or after `until`."""
        when = self._fact_when[fact]
        return when != (0, 0) and (when < since or (until is not None and when > until))

    def _decide(self, question: str, query: _Query, previous: Context) -> Reply:
        tokens = query.tokens
        ranked = self._rank(query)
        limits = self.thresholds
        if not ranked:
            return self._decline(question, tokens, previous)
        top = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        runner_score = runner.score if runner else 0.0
        runner_up = self._candidate(runner) if runner else None
        fact = self._facts[top.fact]
        # Two facts that quote the same sentence are not a real choice: either answers.
        same_quote = runner is not None and bool(
            self._fact_sentences[top.fact] & self._fact_sentences[runner.fact]
        )
        clear = top.score >= limits.sure or top.score - runner_score >= limits.margin or same_quote
        bar = limits.answer * (_LONG_BAR if query.long else 1.0)
        if top.score >= bar and clear:
            return self._answer_with(question, fact, top.score, tokens, previous, runner_up)
        # A clause is quoted for no more than the whole message would be.
        # Nor is a sentence quoted for a question asking what no sentence gives (a kind, an age).
        quoted = (
            None
            if query.elsewhere or query.clause or query.asks or self._why in tokens
            else self._quote(question, tokens, previous)
        )
        if quoted is not None:
            return replace(quoted, runner_up=self._candidate(top))
        if top.score >= limits.suggest and not query.elsewhere:
            close = [m for m in ranked[:3] if m.score >= max(limits.suggest, top.score - 0.15)]
            return Reply(
                question=question,
                outcome=Outcome.SUGGEST,
                text="I'm not sure which of these you mean:",
                confidence=round(top.score, 3),
                suggestions=tuple(self._facts[m.fact].questions[0] for m in close),
                runner_up=runner_up,
                on_topic=True,
                context=self._next_context(tokens, previous, None),
            )
        return self._decline(question, tokens, previous, ranked=ranked)

    def _answer_with(
        self,
        question: str,
        fact: Fact,
        score: float,
        tokens: list[str],
        previous: Context,
        runner_up: Candidate | None = None,
    ) -> Reply:
        return Reply(
            question=question,
            outcome=Outcome.ANSWER,
            text=fact.answer,
            citations=fact.citations,
            confidence=round(score, 3),
            fact_id=fact.id,
            runner_up=runner_up,
            on_topic=True,
            context=self._next_context(tokens, previous, fact),
        )

    def _quote(self, question: str, tokens: list[str], previous: Context) -> Reply | None:
        """Answer with one article sentence when it covers nearly all of the question."""
        weights = {t: self._weight(t) for t in tokens if t not in self._setting_tokens}
        content = {t: w for t, w in weights.items() if t not in self._question_tokens}
        total = sum(content.values())
        if len(content) < 3:
            return None
        wanted = self._answer_kinds(tokens)
        best_index, best_cover = -1, 0.0
        # A sentence without the question's weightiest word covers too little of it (at the
        # usual threshold: a lower one reads every sentence).
        heaviest = max(content, key=content.__getitem__)
        if self.thresholds.quote > 1 - content[heaviest] / total:
            candidates: Iterable[int] = self._sentences_with.get(heaviest, ())
        else:
            candidates = range(len(self._sentence_tokens))
        for index in candidates:
            sentence_tokens = self._sentence_tokens[index]
            if not all(kind(sentence_tokens) for kind in wanted):
                continue
            cover = sum(w for t, w in content.items() if t in sentence_tokens) / total
            if cover > best_cover:
                best_index, best_cover = index, cover
        if best_cover < self.thresholds.quote:
            return None
        sentence = self._sentences[best_index]
        return Reply(
            question=question,
            outcome=Outcome.ANSWER,
            text="No curated fact covers this, but the article says:",
            citations=(Citation(sentence.section, sentence.text),),
            confidence=round(best_cover * 0.6, 3),
            on_topic=True,
            quoted=True,
            context=self._next_context(tokens, previous, None),
        )

    def _answer_kinds(self, tokens: list[str]) -> list[Callable[[frozenset[str]], bool]]:
        """Return checks a sentence must pass: a date for "when", a number for "how many"."""
        checks: list[Callable[[frozenset[str]], bool]] = []
        asked = set(tokens)
        if self._token("when") in asked:
            checks.append(lambda s: any(t in MONTHS or t.isdigit() for t in s))
        if self._token("many") in asked:
            checks.append(lambda s: any(t.isdigit() for t in s))
        if asked & {self._token("who"), self._token("where")}:
            checks.append(lambda s: any(t.startswith("@") for t in s))
        return checks

    def _decline(
        self,
        question: str,
        tokens: list[str],
        previous: Context | None,
        *,
        empty: bool = False,
        ranked: list[_Match] | None = None,
    ) -> Reply:
        on_topic = any(t in self._topical for t in tokens)
        context = previous or Context()
        if empty:
            text = f"Ask me anything about the {self.pack.article.title}, for example:"
        elif on_topic:
            text = _absent_line(question)
        else:
            text = (
                f"That isn't something the article on the {self.pack.article.title} covers. "
                "I can answer questions like these:"
            )
        suggestions = self._starters
        if on_topic and ranked:
            suggestions = tuple(self._facts[m.fact].questions[0] for m in ranked[:3])
        runner = self._candidate(ranked[0]) if ranked else None
        return Reply(
            question=question,
            outcome=Outcome.DECLINE,
            text=text,
            confidence=round(ranked[0].score, 3) if ranked else 0.0,
            suggestions=suggestions,
            runner_up=runner,
            on_topic=on_topic,
            context=context,
        )

    def _candidate(self, match: _Match) -> Candidate:
        fact = self._facts[match.fact]
        return Candidate(fact.id, fact.questions[0], round(match.score, 3))

    def _next_context(self, tokens: list[str], previous: Context, fact: Fact | None) -> Context:
        mentioned = [t[1:] for t in tokens if t.startswith("@")]
        about = list(fact.about) if fact else []
        entities: list[str] = []
        for entity_id in (*mentioned, *about, *previous.entities):
            if entity_id not in entities and entity_id in self._entities:
                entities.append(entity_id)
        return Context(
            entities=tuple(entities[:6]),
            fact_id=fact.id if fact else previous.fact_id,
            tokens=tuple(tokens),
        )

    def _pick_starters(self) -> tuple[str, ...]:
        picked: list[str] = []
        for section in ("Lead", "Battle", "Aftermath", "Infobox", "Background"):
            fact = next((f for f in self._facts if f.section == section), None)
            if fact is not None and len(picked) < 3:
                picked.append(fact.questions[0])
        return tuple(picked)

    def starters(self) -> tuple[str, ...]:
        """Return three example questions the bot answers, for greetings and declines."""
        return self._starters


def _answer_kinds(texts: list[str]) -> frozenset[str]:
    """Say what a fact's text can answer: a count, a date (both, when it says "unknown")."""
    text = " ".join(texts)
    kinds = set()
    if _DATE.search(text):
        kinds.add("date")
    if _COUNT.search(_DATE.sub(" ", text)):
        kinds.add("number")
    # The infobox's "Unknown" (or an answer saying so), not "unknown militants".
    if "Unknown" in text or "unknown" in texts[0]:
        kinds |= {"date", "number"}
    if any(_PROPER_NAME.search(t) for t in texts[1:]):
        kinds.add("name")
    return frozenset(kinds)


def _first(pair: tuple[float, _Match]) -> float:
    return pair[0]


def _descending(match: _Match) -> float:
    return -match.score


def _clauses(text: str) -> list[tuple[bool, str]]:
    """Split a message into clauses, saying which ask, those of its questions first.

    Each question's clauses come from its end, where a message mostly asks. Of a question,
    the clause that ends it asks (unless it asks only inside a clause: "I'd like to know how
    many..."), and so does one opening with a question word or asking inside it; the others
    are the chatter it is wrapped in, read only when the message asks nothing at all.
    """
    sentences = _SENTENCE.findall(text)
    # Whether each sentence asks as a whole (None: it does not ask at all).
    asking = {
        s: s.rstrip().endswith(("?", "？")) or _opens_question(s)
        for s in sentences
        if s.rstrip().endswith(("?", "？")) or _opens_question(s) or _EMBEDDED_QUESTION.search(s)
    }
    told = [] if asking else list(reversed(sentences))
    clauses: list[tuple[bool, str]] = []
    for sentence in (*asking, *told):
        parts = [part for part in _CLAUSE.split(sentence) if part.strip()]
        whole = asking.get(sentence)
        if whole is not None and len(parts) > 1 and len(sentences) > 1:
            # A question is first read whole, then clause by clause.
            clauses.append((True, sentence))
        clauses += [
            (
                whole is not None
                and (
                    (n == 0 and whole)
                    or _opens_question(c)
                    or _EMBEDDED_QUESTION.search(c) is not None
                ),
                c,
            )
            for n, c in enumerate(reversed(parts))
        ]
    return clauses


def _asks_about(words: list[str]) -> bool:
    """Return whether a question is "what about X?", "how about X?" or "and about X?"."""
    return words[1:2] == ["about"] and words[0] in ("what", "how", "and", "et")


def _opens_question(clause: str) -> bool:
    """Return whether a clause starts the way a question does ("who...", "did...")."""
    first = fold(clause[:40]).split()[:1]
    return bool(first) and (first[0] in _QUESTION_WORDS or first[0] in _AUXILIARIES)


def _absent_line(question: str) -> str:
    """Say the article does not answer this, echoing a wh-question as indirect speech."""
    asked = " ".join(strip_address(question).split()).rstrip(" ?？!.")
    words = asked.split()
    if not asked or len(asked) > 160 or fold(words[0]) not in _QUESTION_WORDS:
        return "The article doesn't say; that isn't covered. These are close to what it does cover:"
    lead = asked[0].lower() + words[0][1:]
    rest = words[1:]
    if rest and rest[0].lower() in _COPULAS and len(rest) > 1 and not _PARTICIPLE.search(rest[-1]):
        # "what is the capital of France" -> "what the capital of France is"
        return f"The article doesn't say {lead} {' '.join(rest[1:])} {rest[0].lower()}."
    # "who did...", "what kind of planes did...": no indirect speech without rewording the verb.
    if any(word.lower() in _AUXILIARIES - _COPULAS for word in rest[:4]) or (
        rest and rest[0].lower() in _AUXILIARIES
    ):
        return f"The article doesn't answer “{asked}?”"
    return f"The article doesn't say {lead} {' '.join(rest)}.".replace(" .", ".")
