"""Interpret: read what a message asks (its clauses, what it asks for, what it takes as given,
and the signs that it is about another event) into plain `Query` data."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from enum import IntEnum
from itertools import pairwise

from bot import lang
from bot.asks import Asks, polar
from bot.index import FactIndex
from bot.knowledge import Domain
from bot.lang.words import common_words
from bot.text import after_day, fold, normalize, opens_question, strip_address
from bot.vocabulary import Vocabulary
from bot.weights import Weights

_NOTHING: frozenset[str] = frozenset()
_COMMON_NOUN = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ing|ism|ail|ails)$")
_CAPITALISED = re.compile(r"(?<=[a-z,;:] )(?:[A-Z][a-z]{2,}|[A-Z]{4,})\b")
# ... or after an elided "d'" or "l'" ("le festival d'Avignon").
_ELIDED_NAME = re.compile(r"(?<=[dlDL]['’])(?:[A-Z][a-z]{2,}|[A-Z]{4,})\b")
# ... or an acronym of two or three letters that a body's name goes for ("the UN", "l'ONU").
_ACRONYM = re.compile(r"\b[A-Z]{2,3}\b")
# What goes before a body's name: "the", and in French "le", "la", "du", "l'", "d'".
_BODY_BEFORE = re.compile(r"(?:^|[^a-z])(?:the |la |le |du |[ld]['’])$", re.IGNORECASE)
_ASKING_OPENERS = lang.QUESTION_WORDS | lang.AUXILIARIES | lang.COPULAS
"""Words that open a clause put as a question."""
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_LETTERS = re.compile(r"[a-z]+")
_PINPOINT = re.compile(lang.pattern("pinpoint"))
_EVENT_PLACE = re.compile(lang.pattern("event_place"))
_AFTER_THAT = re.compile(f"{lang.pattern('after_that')}|{lang.pattern('sequel')}")
"""What came after what the conversation told ("after that", "and then ...?", "next"): not
what it told."""
_TITLE_CASE_SHARE = 0.6
"""A message with this share of its words capitalised is written in title case: no name."""
# What sets off a phrase that opens a message: "In the battle of Ber, ...", "About Ber: ...".
_SCENE_END = re.compile(r"[,:;]")
# (Not the dots of "M.A.A. left", nor the comma of "1,000".)
_CLAUSE_END = re.compile(r"[;:!?？]|,(?=\s|$)|\.(?=\s+[A-Z]|\s*$)")
_SENTENCE_BREAK = re.compile(r"[.!?？]\s+\S")
_SENTENCE = re.compile(r"[^.!?？]+(?:[.!?？]+|$)")
# (And where "and" opens another question: "who attacked Ber and when did they leave?".)
_CLAUSE = re.compile(r"[.!?;:,]+(?:\s|$)|\s+(?:but|so)\s|(?i:" + lang.pattern("and_asking") + ")")
_EMBEDDED_QUESTION = re.compile(lang.pattern("embedded_question"), re.IGNORECASE)
_DISPUTED = re.compile(lang.pattern("disputed"))
_REPORTED = re.compile(lang.pattern("reported_by"))


class Later(IntEnum):
    """How a question asks of a time after the article's, by how much of it cannot tell."""

    NO = 0
    PRESENT = 1
    """The present ("who holds it today?"): what a dated event was does not tell it."""
    PAST_THE_END = 2
    """After the last year it gives ("what happened after 2013?"): nothing in it tells it."""


@dataclass(slots=True)
class Query:
    """One way of reading a question, with what the rest of the message says about it.

    Never changed once made (other readings are made with `replace`); not frozen only because
    a frozen dataclass is slower to make, and every question makes a few.
    """

    tokens: list[str]
    """The tokens matched."""
    soft: frozenset[str] = frozenset()
    """Tokens borrowed from the conversation: they help a fact match but never count against it."""
    exclude: frozenset[str] = _NOTHING
    """The facts the reader has already had, none of which answers the turn ("what else ...",
    "what did they do later?", "what happened after that?")."""
    elsewhere: int = 0
    """Signs that the message is about another event or place."""
    near: frozenset[int] = frozenset()
    """Facts next to the last one answered, favoured in a follow-up."""
    last: int | None = None
    """The last fact answered, in a follow-up: always scored in full."""
    leaning: bool = False
    """Whether it reads the turn in the light of the conversation (after any turn, answered
    or not), not as it stands."""
    long: bool = False
    """Whether the whole message is long and chatty: its unfamiliar words are mostly filler."""
    clause: bool = False
    """Whether this reads one clause of a longer message."""
    located: frozenset[str] = frozenset()
    """Places other than the article's own that the question asks about events in."""
    referents: frozenset[str] = frozenset()
    """The people that the question's pronouns ("he", "his") stand for."""
    asks: frozenset[str] = frozenset()
    """What the question asks for besides a who, when, where or why: a kind, an age, an hour..."""
    holders: frozenset[str] = frozenset()
    """The kinds of person it asks that of ("how old was the man?" -> man)."""
    pinpoint: bool = False
    """Whether it asks for a place finer than any it names ("where exactly ...?", "which
    town ...?"): only a fact whose answer names another place answers it."""
    placed: str | None = None
    """The place it asks where it is, and nothing more ("where is Timbuktu?" -> @timbuktu):
    only a fact placing it answers it, not one naming another place along the way."""
    premise: frozenset[str] = frozenset()
    """What "what happened to X after ..." takes as given: a fact saying only that is no answer."""
    months: frozenset[str] = frozenset()
    """The months it puts its events in ("what happened there in April?"), as written, not
    "marched"; none when a word makes a time a bound ("after April", "jusqu'en avril")."""
    anyone: bool = False
    """Whether a yes/no question asks whether anyone, or any of something, did or underwent a
    deed ("was anyone punished?", "were any fighters captured?"): a word the article never uses
    is then a deed no fact can say was done."""
    described: frozenset[str] = frozenset()
    """What "what happened to the truck they seized?" says of what it asks the fate of: a fact
    whose answer says only that is no answer."""
    focus: frozenset[str] = frozenset()
    """In a long message, the tokens of its questions: the rest is chatter and weighs less."""
    since: tuple[int, int] | None = None
    """The (month, day) a follow-up asks about events from ("who captured it then?")."""
    until: tuple[int, int] | None = None
    """... and to ("who held it back then?")."""
    after_last: bool = False
    """Whether a follow-up asks what came after the last answer (`last`: "and what happened
    after that?"): a fact the article tells of on its day, before it, came before it."""
    corrects: bool = False
    """Whether a follow-up puts the last answer, `exclude`, right ("no, I mean at Ber" after the
    raid at In Khalil): the sentences that fact quotes are not quoted for it either."""
    after: tuple[int, int] | None = None
    """The (month, day) a question asks what happened after ("what happened after May 16?"):
    a fact telling of that day or before is held down."""
    told: frozenset[str] = frozenset()
    """The dates and counts a message tells around a question asking when or how many: soft,
    put to the test, but still a sign of which year's events are asked of."""
    doers: frozenset[str] = frozenset()
    """The deeds it asks who did ("who killed him?" -> kill)."""
    polar: bool = False
    """Whether it is a yes/no question ("did they ...?"): only a fact saying so answers it."""
    subjects: frozenset[str] = frozenset()
    """Whom it asks what they did, by name ("what did the MNLA do?" -> the MNLA)."""
    deeds: frozenset[str] = frozenset()
    """Of them, whom it asks what they did in so many words ("what did the army do with
    them?"): a fact telling only what was given or done to them does not answer it."""
    reasons: frozenset[str] = frozenset()
    """The deeds it asks why of ("why did they leave?" -> leave)."""
    unresolved: bool = False
    """Whether its "they" or "he" stands for nobody the turn or the conversation names ("when
    did they leave?" first thing, or after a turn not understood): whoever the answer names
    is a guess."""
    beyond: Later = Later.NO
    """Whether it asks of a time after the article's (see `Later`)."""
    wider: frozenset[str] = frozenset()
    """The tokens of the wider event the article's was part of, when the question asks of
    it and names nothing of the article's own place ("who won the Mali War?" -> war)."""
    counted: frozenset[str] = frozenset()
    """Who it counts ("how many French troops were wounded?" -> the French army)."""
    counts_people: bool = False
    """Whether it counts people ("how many men ...?"), not things."""
    agents: frozenset[str] = frozenset()
    """Who it says did a deed it tells in the passive ("were they killed by the MAA?" -> the
    MAA): a fact counting their own losses does not answer it."""
    said: frozenset[str] = frozenset()
    """Whom it asks what they said ("what did the MNLA say?" -> the MNLA): only a fact telling
    what someone said answers it."""
    side: frozenset[str] = frozenset()
    """The side it asks for ("which side ...?"): what is asked, not a word a fact must use."""
    alternatives: frozenset[str] = frozenset()
    """The tokens of the alternatives a yes/no question offers ("were they civilians or
    fighters?" -> civilian, fighter): a fact saying one of them says what it asks."""
    thing: str | None = None
    """The thing it asks for by a name the pack never uses ("which regiment?" -> regiment)."""
    which: str | None = None
    """The thing it asks which one of by a name the pack uses ("which gangs?" -> gang): a fact
    naming such things only as some of them ("in search of gangs") does not say which."""
    defined: frozenset[str] = frozenset()
    """The names it asks only what or who they are ("what is AFISMA?" -> afisma): a fact that
    only names them does not tell it."""
    again: bool = False
    """Whether this reads the turn as the last answered question asked again with a question
    word of its own: then that word is what it adds, and a fact never asked that way does not
    answer it ("who won?", "where?" is not answered by who won again)."""


@dataclass(slots=True)
class Message:
    """A message, normalised and tokenised, with what is read from it as a whole.

    Never changed once made (but for `told`, filled in when first needed); not frozen because
    a frozen dataclass is slower to make.
    """

    text: str
    """The text matched (a very long message is cut to its start and end)."""
    normal: str
    """The normalised text."""
    words: list[str]
    """The normalised words."""
    tokens: list[str]
    """The matching tokens."""
    long: bool
    """Whether the message is long enough to be mostly chatter."""
    several: bool
    """Whether it has several sentences."""
    clauses: list[tuple[bool, str]]
    """Its clauses, saying which ask (worked out for long messages of several sentences)."""
    core: list[str]
    """Its words without their opening words ("and", "so", "ok")."""
    told: list[list[str]] | None = None
    """The tokens of each of its sentences that ask nothing, worked out the first time they are
    asked for (`Interpreter.told`): most messages never need them."""


class Interpreter:
    """Reads messages into queries for one pack."""

    def __init__(
        self, vocabulary: Vocabulary, index: FactIndex, asks: Asks, domain: Domain, weights: Weights
    ) -> None:
        self.v = vocabulary
        self.index = index
        self.reader = asks
        self.weights = weights
        events = "|".join(domain.event_nouns) or "(?!)"
        self._place_located = re.compile(lang.pattern("place_located"))
        self._event_located = re.compile(lang.pattern("event_located", events=events))
        # "Which side seized it?": the side is what is asked, as "who" asks a person; no fact
        # need use the word.
        sides = {*domain.group_nouns, *lang.SIDE_WORDS}
        self._side_tokens = frozenset(t for w in sides if (t := vocabulary.token(w)))
        # ("When?" and "how many?": what a figure told around the question is put to.)
        self._when, self._many = vocabulary.token("when"), vocabulary.token("many")
        # The tokens of the words asking what became of someone ("what happened to him later?").
        self._happen = vocabulary.tokens(lang.HAPPEN_WORDS)
        self._winners = re.compile(lang.pattern("winners"))
        self._losers = re.compile(lang.pattern("losers"))
        self._both_sides = re.compile(lang.pattern("both_sides"))
        self._not_names = frozenset(vocabulary.stopwords | lang.GENERIC)
        """Capitalised words that name nothing: the language's small words, and "Wikipedia"."""
        # The last year the article gives: "after" it, nothing in it tells what happened.
        years = [int(t) for t in index.article_tokens if _YEAR.fullmatch(t)]
        self._last_year = max(years, default=None)
        self._first_year = min(years, default=None)
        # A name where a place goes, or naming an event: "at Waterloo", "the Konna fighting".
        self._placed_name = re.compile(
            r"\b(?:in|at|near)\s+([A-Z][a-z]{2,}|[A-Z]{4,})\b"
            rf"|\b([A-Z][a-z]{{2,}}|[A-Z]{{4,}})\s+(?:{events})\b"
        )

    def message(self, text: str, max_chars: int) -> Message:
        """Normalise and tokenise a message, and split a long one into clauses."""
        if len(text) > max_chars:
            head = max_chars // 4
            text = f"{text[:head]}. {text[head - max_chars :]}"
        normal = normalize(text)
        words = normal.split()
        tokens = self.v.analyze(text, normal=normal)
        if not lang.OUTCOME_MARKS.isdisjoint(words):
            tokens = self._sides_by_outcome(normal, tokens)
        core = words[next((i for i, w in enumerate(words) if w not in lang.OPENERS), len(words)) :]
        # A phrase opening the message that names the article's subject only sets the scene:
        # it makes the message no longer, and what follows it is what is asked.
        scene = self._opening_scene(text, core, len(words) - len(core))
        core = core[scene:]
        if scene and core and lang.REFERRING.isdisjoint(core):
            # Naming the subject asks nothing of it: "in the battle of Ber, who spoke for the
            # MAA?" asks what "who spoke for the MAA?" does. (Unless what follows asks only of
            # it: "Ber, where is it?", "Ber, c'est où ?".)
            asked = " ".join(core)
            rest = self.v.analyze(asked, normal=asked)
            if not self.index.weak_tokens.issuperset(rest):
                tokens = rest
        long = len(words) - scene >= self.weights.long_question
        several = _SENTENCE_BREAK.search(text) is not None
        clauses = split_clauses(text) if long or several else []
        return Message(text, normal, words, tokens, long, several, clauses, core)

    def _sides_by_outcome(self, normal: str, tokens: list[str]) -> list[str]:
        """Return the tokens with "the winners" or "the losers" read as the side that won or
        the other ("and the losers, who were they mostly?" asks of the side that lost)."""
        winner = self.index.winner
        if winner is None:
            return tokens
        loser = next(s for s in self.index.sides if s != winner)
        for found, side in (
            (self._losers.search(normal), loser),
            (self._winners.search(normal), winner),
        ):
            if found is None:
                continue
            said = {self.v.token(w) for w in found[0].split()}
            return [*(t for t in tokens if t not in said and t != side), side]
        return tokens

    def _opening_scene(self, text: str, core: list[str], before: int) -> int:
        """Return how many words open a message only to name the article's subject, set off by
        a comma or a colon ("in the battle of Ber, ...", "about Ber: ..."); `before`: how many
        words come before them (openers such as "ok")."""
        title, token, stop = self.index.title_tokens, self.v.token, self.v.stopwords
        aliases = self.v.alias_to_id
        scene = 0
        for position, word in enumerate(core):
            if token(word) in title or (word in aliases and f"@{aliases[word]}" in title):
                scene = position + 1
            elif word not in stop or word in lang.AUXILIARIES or word in lang.QUESTION_WORDS:
                # ("is Ber in Mali?": a question's own verb is no part of a scene.)
                break
        if not scene:
            return 0
        head = _SCENE_END.split(text, maxsplit=1)
        return scene if len(head) == 2 and len(normalize(head[0]).split()) == before + scene else 0

    def plain(self, message: Message, tokens: list[str], *, exclude: frozenset[str]) -> Query:
        """Read a message as it stands, without the conversation."""
        words, normal, clauses = message.words, message.normal, message.clauses
        disputed = self._disputed(words, normal, tokens)
        told = self._told_figures(message)
        # In a long message, what is asked for is read from its questions, not its chatter.
        questions = [normalize(c) for is_asked, c in clauses if is_asked] if message.long else []
        focus = self._focus(questions)
        # What is asked for is read with the typos mended ("how many fightrs attackd").
        spelled = self.v.spelled_text(normal)
        asked = [self.v.spelled_text(q) for q in questions]
        asked_clauses = [c for asks, c in clauses if asks]
        core = message.core
        side = self._asked_side(core)
        asks = self._asks_of(asked, spelled)
        after = None if message.long else self._after_day(words)
        both = self._both(normal)
        # (A thing no fact names no fact gives; one that facts name, only those saying which.)
        thing, whole = self.reader.thing(*(asked or [spelled])) or (None, False)
        known = thing in self.index.idf
        which = thing if known and whole and thing not in self.index.weak_tokens else None
        return Query(
            [*tokens, *(t for t in both if t not in tokens)],
            exclude=exclude
            if (lang.OTHER_WORDS | lang.LATER_WORDS) & set(words) or _AFTER_THAT.search(normal)
            else _NOTHING,
            elsewhere=self.elsewhere(
                message.text,
                words,
                years=not disputed,
                names_in=" ".join(asked_clauses) if asked_clauses else None,
            ),
            asks=asks,
            holders=self.reader.held(focus or tokens) if asks else _NOTHING,
            # ("Where did it take place?" of each question a long message asks: "where" opens it.)
            pinpoint=_PINPOINT.search(spelled) is not None
            or any(_EVENT_PLACE.search(q) for q in asked or [spelled]),
            placed=next(filter(None, map(self._placed, asked or [spelled])), None),
            # (In a long message, only its questions: "my project on the Mali War" is chatter.)
            wider=self._wider(list(focus) if message.long else tokens),
            doers=(
                frozenset().union(*map(self.reader.doers, asked))
                if asked
                else self.reader.doers(spelled)
            ),
            reasons=(
                frozenset().union(*map(self.reader.reasons, asked))
                if asked
                else self.reader.reasons(spelled)
            ),
            counted=(
                frozenset().union(*map(self.reader.counted, asked))
                if asked
                else self.reader.counted(spelled)
            ),
            counts_people=any(self.reader.counts_people(q) for q in asked or [spelled]),
            agents=frozenset().union(*map(self.reader.agents, asked or [spelled])),
            subjects=(
                frozenset().union(*map(self.reader.subjects, asked))
                if asked
                else self.reader.subjects(spelled)
            )
            if _names_someone(tokens)
            else _NOTHING,
            deeds=frozenset().union(*map(self.reader.deeds, asked or [spelled]))
            if _names_someone(tokens)
            else _NOTHING,
            said=self._sayers(tokens, asked or [spelled]),
            thing=None if known else thing,
            which=which,
            # (In a long message asking one question, what it asks: "... What does AFISMA stand
            # for?"; not in one asking many, a question of each fact.)
            defined=(
                frozenset().union(*map(self.reader.defined, asked_clauses, asked))
                if message.text.count("?") <= 1
                else _NOTHING
            )
            if message.long
            else self.reader.defined(message.text, spelled),
            polar=(asks_polar := not message.long and polar(core)),
            alternatives=self._alternatives(core) if asks_polar else _NOTHING,
            anyone=_anyone(core),
            long=message.long,
            located=self.elsewhere_in(normal, tokens),
            focus=focus,
            premise=self.given(core, message.text),
            months=_months_named(message.text, tokens),
            described=self._described(asked or [spelled]),
            # (In a long message, only its questions: "I'm currently writing ..." is chatter.)
            beyond=max(map(self._beyond, map(str.split, questions)), default=Later.NO)
            if message.long
            else self._beyond(words),
            soft=self._scene(message.long, core)
            | disputed
            | self._reported(words, normal)
            | told
            | side
            | self._aside(message, tokens, focus)
            | (after[1] if after else _NOTHING)
            | frozenset(both)
            | self._bounds(words),
            after=after[0] if after else None,
            told=told,
            side=side,
        )

    def _alternatives(self, core: list[str]) -> frozenset[str]:
        """Return the tokens of the words on either side of each "or" of a question (`core`,
        its words: "were they civilians or fighters?" -> civilian, fighter; "the MAA or the
        MNLA")."""
        if lang.OR_WORDS.isdisjoint(core):
            return _NOTHING
        words = self.v.name(" ".join(core)).split()
        found: set[str] = set()
        for at, word in enumerate(words):
            if word not in lang.OR_WORDS or not 0 < at < len(words) - 1:
                continue
            after = next((w for w in words[at + 1 :] if w not in lang.DETERMINERS), None)
            for side in (words[at - 1], after):
                if side is not None and (token := self.v.token(side)):
                    found.add(token)
        return frozenset(found)

    def _both(self, normal: str) -> tuple[str, ...]:
        """Return the sides of the fighting a question names all at once ("the ethnic makeup
        of both sides", "chaque camp"), with the words naming them so: a fact about any side
        may answer, and none is held down for not saying "each side". (In a fixed order: the
        tokens' order is the reading's, whatever the run.)"""
        sides = self.index.sides
        found = self._both_sides.search(normal) if len(sides) >= 2 else None
        if found is None:
            return ()
        said = [t for w in found[0].split() if (t := self.v.token(w))]
        return tuple(dict.fromkeys([*sides, *said]))

    def _after_day(self, words: list[str]) -> tuple[tuple[int, int], frozenset[str]] | None:
        """Return the day a question asks of what came after ("what happened after May 16?",
        "que s'est-il passé après le 16 mai ?", "after the 16th of May"), as (month, day), with
        the tokens giving it: the day is when, not what, is asked, and what happened that day,
        or before, is held down (`signals.earlier`), unless its own phrasings ask after that
        day ("who controlled Ber after May 7?" of the fact telling who did from May 7). Only
        held down: who held a place after a day may be what that day's events made so; but
        "how many pick-ups did they keep after April 25?", told of April 25, is not answered:
        a cost the held-aside questions found worth paying."""
        found = after_day(words)
        if found is None:
            return None
        day, following = found
        said = {self.v.token(w) for w in following}
        return day, frozenset(t for t in said if t)

    def _beyond(self, words: list[str]) -> Later:
        """Return how a question asks of a time after the article's (`Query.beyond`)."""
        last = self._last_year
        if last is not None and not lang.AFTER_WORDS.isdisjoint(words):
            for before, word in pairwise(words):
                if before in lang.AFTER_WORDS and _YEAR.fullmatch(word) and int(word) >= last:
                    return Later.PAST_THE_END
        return Later.NO if lang.PRESENT_WORDS.isdisjoint(words) else Later.PRESENT

    def _asked_side(self, core: list[str]) -> frozenset[str]:
        """Return the token of the side a question asks for ("which side ...?"), if any."""
        if len(core) < 2 or core[0] not in lang.THING_ASKING:
            return _NOTHING
        token = self.v.token(core[1])
        return frozenset((token,)) if token in self._side_tokens else _NOTHING

    def _placed(self, spelled: str) -> str | None:
        """Return the place a question asks where it is, and nothing more (`Query.placed`)."""
        named = self.v.name(spelled)
        found = self._place_located.search(named)
        if found is None:
            # ("Was the battle fought in In Khalil?" asks where the article's own place is.)
            event = self._event_located.search(named)
            home = f"@{self.index.home_entity}"
            if (
                event is None
                or event[1] not in (None, home)
                # (A place the pack knows: not "was the battle at dawn?"; another place is
                # another event, which `elsewhere` tells.)
                or event[2] not in self.index.places
            ):
                return None
            return home if home in self.index.places else None
        place = next(p for p in found.groups() if p)
        return place if place in self.index.places else None

    def _disputed(self, words: list[str], normal: str, tokens: list[str]) -> frozenset[str]:
        """Return the numbers a message disputes."""
        # "Everyone says 40 men. What's the real number?": the number said is put to the test,
        # and counts against no fact.
        return (
            frozenset(t for t in tokens if t.isdigit())
            if not lang.DISPUTING_WORDS.isdisjoint(words) and _DISPUTED.search(normal)
            else _NOTHING
        )

    def _wider(self, tokens: list[str]) -> frozenset[str]:
        """Return the wider event's tokens when a question asks of it on its own ("how many
        died in the Mali War?"), not as the setting of the article's own place or event ("in
        the Mali War, who won at Ber?", "who won the battle during the Mali War?")."""
        index = self.index
        if (
            not index.wider
            or not index.wider_named.issubset(tokens)
            or f"@{index.home_entity}" in tokens
            or not index.title_events.isdisjoint(tokens)
        ):
            return _NOTHING
        return index.wider

    def _reported(self, words: list[str], normal: str) -> frozenset[str]:
        """Return the tokens saying whose report a question asks of, when they are nobody in
        particular: "how many were injured according to local sources?" asks how many were
        injured, whichever fact's sentence says so "according to local sources"."""
        if lang.REPORTING_WORDS.isdisjoint(words):
            return _NOTHING
        return frozenset(
            t for found in _REPORTED.finditer(normal) for t in self.v.analyze(found[0])
        )

    def _told_figures(self, message: Message) -> frozenset[str]:
        """Return the figures a message tells in sentences that ask nothing, when its question
        asks when or how many and does not name them: "I'm sure they stayed until June. When
        did they leave?" puts June to the test, "they say 40 died. How many?" forty; neither
        counts against any fact. A month is put to "when", a number to either, but not one of
        four digits, a year: "the battle of 2014. How many died?", "in 2015 there was another
        battle. When did they leave?" ask of another battle."""
        if (
            not message.several
            or not message.clauses
            or (self._when not in message.tokens and self._many not in message.tokens)
        ):
            # (Most messages of several sentences ask neither: they are not read again.)
            return _NOTHING
        asked = [
            t for is_asked, clause in message.clauses if is_asked for t in self.v.analyze(clause)
        ]
        dates, counts = self._when in asked, self._many in asked
        if not (dates or counts):
            return _NOTHING
        told = {
            t
            for said, own in zip(self.told(message), self._told_of_own(message), strict=True)
            for t in said
            if (t.isdigit() and (len(t) != 4 or (dates and own)) and (dates or counts))
            or (dates and t in lang.MONTHS)
        }
        return frozenset(told.difference(asked))

    def _told_of_own(self, message: Message) -> list[bool]:
        """Return, for each sentence of a message that asks nothing, whether it tells of the
        article's own place and of no other event: a year it tells is put to the test then ("my
        friend says the Ber fighting was in 2012. When was it?"), not so in "there was another
        battle at Ber in 2015"."""
        home = f"@{self.index.home_entity}"
        return [
            home in said
            and lang.OTHER_WORDS.isdisjoint(words := normalize(sentence).split())
            and not self.elsewhere(sentence, words, years=False)
            for said, sentence in zip(self.told(message), told_sentences(message.text), strict=True)
        ]

    def _focus(self, questions: list[str]) -> frozenset[str]:
        """Return the tokens of a long message's questions: none if it has none, or if they say
        too little on their own ("... the fighting in Ber for a school project. When did it
        happen?" asks of what the rest of the message tells)."""
        focus = frozenset(t for q in questions for t in self.v.analyze(q, normal=q))
        return focus if self.says_enough(focus) else _NOTHING

    def _aside(self, message: Message, tokens: list[str], focus: frozenset[str]) -> frozenset[str]:
        """Return the dates and numbers a long message tells, around questions naming the
        article's own place, in sentences that do not name it: its chatter's own times ("...
        came back from Libya in 2011 ... In the Ber fighting, which movement was mostly
        Tuareg?"), which count against no fact. ("In 2015 there was another battle of Ber.
        When did they leave Ber?" asks of 2015; and a question naming no place of the
        article's may ask of the time its chatter tells: "in 2015 there was another war. Who
        won it?")"""
        index = self.index
        if (
            not focus
            or index.everywhere.isdisjoint(focus)
            or not any(lang.is_figure(t) and t not in focus for t in tokens)
        ):
            return _NOTHING
        aside = {
            t
            for said in self.told(message)
            if index.everywhere.isdisjoint(said)
            for t in said
            if lang.is_figure(t)
        }
        return frozenset(aside - focus)

    def told(self, message: Message) -> list[list[str]]:
        """Return the tokens of each sentence of a message that asks nothing (what the reader
        tells), worked out once a message."""
        if message.told is None:
            message.told = [self.v.analyze(s) for s in told_sentences(message.text)]
        return message.told

    def says_enough(self, tokens: Iterable[str]) -> bool:
        """Return whether tokens say enough to be read as a question on their own."""
        telling = sum(t not in self.index.weak_tokens for t in tokens)
        return telling >= self.weights.telling_question

    def _asks_of(self, questions: list[str], normal: str) -> frozenset[str]:
        """Return what a message asks for: from its questions, if read apart, else from it all."""
        return (
            frozenset().union(*map(self.reader.asks, questions))
            if questions
            else self.reader.asks(normal)
        )

    def _scene(self, long: bool, core: list[str]) -> frozenset[str]:
        """Return the words of a short message that only set the scene ("when the fighting...")."""
        return _NOTHING if long or lang.WHILE_WORDS.isdisjoint(core[1:]) else self.setting(core)

    def clause_readings(
        self, plain: Query, message: Message, tokens: list[str], clauses: list[tuple[bool, str]]
    ) -> Iterator[tuple[Query, bool]]:
        """Read each clause of a message as a question of its own, saying which ones ask.

        Only read when the whole message is not answered outright, so most questions never
        pay for it.
        """
        # A date anywhere in the message still holds for each clause.
        bounds = self._bounds(message.words)
        dates = [
            t
            for t in tokens
            if t in lang.MONTHS or (t.isdigit() and len(t) == 4 and t not in bounds)
        ]
        # A clause naming none of the article's own people or places is about whatever else
        # the message's other sentences named: "... Napoleon at Waterloo. Who won the battle?"
        around = plain.elsewhere if plain.long or message.several else 0
        # The people the message counts, by the words it says them with ("the deserters", not
        # "the desert" that stems alike).
        people = frozenset(
            t
            for w in message.words
            if (w in self.index.people_nouns or f"{w}s" in self.index.people_nouns)
            and (t := self.v.token(w))
        )
        for is_asked, clause in clauses:
            reading = self._clause_reading(plain, tokens, dates, around, is_asked, clause, people)
            if reading is not None:
                yield reading, is_asked

    def _clause_reading(
        self,
        plain: Query,
        tokens: list[str],
        dates: list[str],
        around: int,
        is_asked: bool,
        clause: str,
        people: frozenset[str],
    ) -> Query | None:
        """Return a clause read as a question of its own, or None when it says too little;
        `people`: the tokens of the people the message counts ("several prisoners")."""
        clause_normal = normalize(clause)
        clause_tokens = self.v.analyze(clause, normal=clause_normal)
        clause_words = clause_normal.split()
        if self._says_too_little(clause_tokens, clause_words, is_asked=is_asked):
            return None
        # A "they" standing for nobody, in a message of several clauses, leaves unresolved
        # only the clauses that say it and name no one ("They didn't go far. What did the MAA
        # keep near Ber?": the question names whom it asks of).
        unresolved = (
            plain.unresolved
            and not _names_someone(clause_tokens)
            and not (
                lang.GROUP_PRONOUNS.isdisjoint(clause_words)
                and lang.PERSON_PRONOUNS.isdisjoint(clause_words)
            )
        )
        carried = [t for t in dates if t not in clause_tokens]
        clause_tokens += carried
        if clause_tokens == tokens:
            return None
        borrowed = self._borrowed(tokens, clause_tokens, clause_words, people)
        clause_tokens += sorted(borrowed)
        own = any(t.startswith("@") for t in clause_tokens)
        # ("who died when the fighting broke out?": the scene is set, not asked about.)
        setting = (
            self.setting(clause_words)
            if is_asked and not lang.WHILE_WORDS.isdisjoint(clause_words[1:])
            else _NOTHING
        )
        asks = self.reader.asks(spelled := self.v.spelled_text(clause_normal))
        return replace(
            plain,
            tokens=clause_tokens,
            soft=self._clause_soft(plain, borrowed, carried, setting, clause_tokens),
            long=False,
            clause=True,
            unresolved=unresolved,
            elsewhere=max(
                self.elsewhere(
                    # (A disputed year, soft in the whole message, is no other event; one told
                    # around "when?" still is.)
                    clause,
                    clause_words,
                    years=not any(t.isdigit() and t not in plain.told for t in plain.soft),
                ),
                0 if own else around,
            ),
            asks=asks,
            holders=self.reader.held(clause_tokens) if asks else _NOTHING,
            pinpoint=_PINPOINT.search(spelled) is not None
            or _EVENT_PLACE.search(spelled) is not None,
            doers=self.reader.doers(spelled),
            reasons=self.reader.reasons(spelled),
            counted=self.reader.counted(spelled),
            counts_people=bool(self.reader.counts_people(spelled)),
            subjects=self.reader.subjects(spelled) if _names_someone(clause_tokens) else _NOTHING,
            deeds=self.reader.deeds(spelled) if _names_someone(clause_tokens) else _NOTHING,
            said=self._sayers(clause_tokens, [spelled]),
            located=self.elsewhere_in(clause_normal, clause_tokens),
            wider=self._wider(clause_tokens),
        )

    def _sayers(self, tokens: list[str], asked: list[str]) -> frozenset[str]:
        """Return whom the questions `asked` (normalised, spelled) ask what they said, when the
        reading's `tokens` say "say" (or "call") and name someone at all."""
        if self.reader.says.isdisjoint(tokens) or not _names_someone(tokens):
            return _NOTHING
        return frozenset().union(*map(self.reader.sayers, asked))

    def _says_too_little(
        self, clause_tokens: list[str], clause_words: list[str], *, is_asked: bool
    ) -> bool:
        """Return whether a clause tells too little to be read as a question of its own."""
        telling = [t for t in clause_tokens if t not in self.index.weak_tokens]
        # Two words make a question ("who won?"), but not a clause of chatter, which needs
        # two telling ones: "I know the article doesn't give it" tells nothing.
        # Nor is a clause of names alone, not put as a question: "who killed him, the MAA or
        # the MNLA?" offers whom the question asks between, and asks nothing of them itself.
        return (
            not telling
            or len(clause_tokens) < (2 if is_asked else 3)
            or (len(telling) < 2 and not is_asked)
            or (
                all(t.startswith("@") for t in clause_tokens)
                and bool(clause_words)
                and clause_words[0] not in _ASKING_OPENERS
            )
        )

    def _borrowed(
        self,
        tokens: list[str],
        clause_tokens: list[str],
        clause_words: list[str],
        people: frozenset[str],
    ) -> frozenset[str]:
        """Return the people and groups of the message that a clause's pronouns stand for."""
        if not lang.PRONOUNS.intersection(clause_words):
            return frozenset()
        # "what were they doing?": they are whoever the message named before, or the people
        # it counted ("several prisoners were taken ... to whom were they handed?").
        return frozenset(
            t
            for t in tokens
            if (self.v.kind(t) in ("group", "person") or t in people) and t not in clause_tokens
        )

    def _clause_soft(
        self,
        plain: Query,
        borrowed: frozenset[str],
        carried: list[str],
        setting: frozenset[str],
        clause_tokens: list[str],
    ) -> frozenset[str]:
        """Return the tokens of a clause that help a fact match but never count against it."""
        # A date the article gives is the reader's context; one it never gives still says
        # the message is about another event.
        return (
            borrowed.union(t for t in carried if t in self.index.article_tokens)
            | setting
            | (plain.soft & frozenset(clause_tokens) if plain.soft else _NOTHING)
        )

    def elsewhere_in(self, normal: str, tokens: list[str]) -> frozenset[str]:
        """Return the places besides the article's own that a question asks about events in."""
        index = self.index
        if not any(t in index.places and t not in index.everywhere for t in tokens):
            return frozenset()
        return frozenset(self.reader.located(normal)) - index.everywhere

    def elsewhere(
        self, text: str, words: list[str], *, years: bool = True, names_in: str | None = None
    ) -> int:
        """Count signs that the question is about another place or event than the article's.

        `years`: whether a year the article never gives is one ("in 2014"); not when the
        question disputes it. `names_in`: the questions of a message of several sentences,
        the part of it whose every unknown name counts.
        """
        signs = 0
        if years and not self.index.article_tokens.union(self._bounds(words)).issuperset(
            _YEAR.findall(text)
        ):
            signs += 1
        signs += self._other_events(self.v.as_heard(words))
        names, acronyms = self._names(text, words, names_in)
        for word in names:
            if (
                word not in self.v.known_words
                and self.v.correct(word) is None
                and not self.v.sounds_like_place(word)
            ):
                signs += 1
        return signs + acronyms

    def _bounds(self, words: list[str]) -> frozenset[str]:
        """Return the years a message gives as a bound the article's own years keep: "after the
        2012 crisis", "après la crise de 2012" tell of a time the article's events are in, not
        of another event, and name nothing a fact must tell."""
        first = self._first_year
        if first is None or lang.AFTER_DAY_WORDS.isdisjoint(words):
            return _NOTHING
        return frozenset(
            word
            for position, word in enumerate(words)
            if _YEAR.fullmatch(word)
            and int(word) < first
            and not lang.AFTER_DAY_WORDS.isdisjoint(words[max(0, position - 4) : position])
        )

    def _other_events(self, words: list[str]) -> int:
        """Count events named after a place that is not the article's ("the battle of Gao", or
        with the "of" elided: "la bataille d'In Khalil")."""
        index = self.index
        # ("batle of Gao": a slip in the word for the event too.)
        events = not index.event_words.isdisjoint(words) or not self.v.known_words.issuperset(words)
        if not events:
            return 0
        signs = 0
        for position in range(len(words) - 1):
            word = words[position]
            if not (
                word in index.event_words
                or (word not in self.v.known_words and self.v.token(word) in index.event_tokens)
            ):
                continue
            named = (
                self._named_place(words[position + 1 : position + 4])
                if self.v.starts_name(words[position + 1])
                else None
            )
            if named is not None:
                signs += named != self.index.home_entity
            elif words[position + 1] in lang.OF_WORDS:
                signs += self._names_another_place(words[position + 2 : position + 5])
        return signs

    def _named_place(self, following: list[str]) -> str | None:
        """Return the pack's place the words right after "la bataille" name, if any (an elided
        "d'" leaves no "of"; "In Khalil" begins with one)."""
        named = self.v.name(" ".join(following)).split()[:1]
        return named[0][1:] if named and self.v.kind(named[0]) == "place" else None

    def _names_another_place(self, following: list[str]) -> int:
        """Return 1 if the words after "the battle of" name a place other than the article's."""
        index = self.index
        bare = tuple(w for w in following if w not in lang.ARTICLES)
        if any(bare[: len(name)] == name for name in index.setting_names):
            return 0  # "the clashes of the Mali War": the article's own wider event
        named = self.v.name(" ".join(following)).split()[:1]
        if named and named[0].startswith("@"):
            entity = named[0][1:]
        else:
            content = [w for w in following[:2] if w not in self.v.stopwords]
            if not content:
                return 0  # "the battle of ?": no other place named
            place = content[0]
            after = following[following.index(place) + 1 : following.index(place) + 2]
            if (
                after
                and after[0] in lang.SETTLEMENT_NOUNS
                and place in common_words()
                and place not in self.v.alias_to_id
                and not self.v.sounds_like_place(place)
            ):
                return 0  # "the fighting at the desert town": a kind of town, not a name
            if place not in self.v.alias_to_id and place not in self.v.known_words:
                # A slip is read as the name it is a slip of: "the battle of berr" is the
                # article's own, "the battle of timbukto" another's.
                place = self.v.correct(place) or place
            if place not in self.v.alias_to_id:
                return int(place not in self.v.known_words and not place.isdigit())
            entity = self.v.alias_to_id[place]
        return int(entity != index.home_entity and self.v.entities[entity].kind == "place")

    def _names(self, text: str, words: list[str], names_in: str | None) -> tuple[set[str], int]:
        """Return the names a question uses: capitalised words, and words where a place goes;
        and apart, how many unknown bodies it names by acronym ("the UN").

        Outside the questions of a message of several sentences that speaks of the article's
        subject, only a name where a place goes, or naming an event, counts: "at Waterloo" and
        "the Konna fighting" do, "I saw it on Twitter" does not.
        """
        about_this = names_in is not None and (
            not self.index.event_words.isdisjoint(words) or self.v.name_words(words) is not words
        )
        asked = names_in if about_this and names_in is not None else text
        asked = strip_address(asked)
        names = _capitalised(asked)
        acronyms = self._acronyms(asked)
        if about_this:
            names.update(
                fold(at or named)
                for at, named in self._placed_name.findall(strip_address(text))[:20]
            )
        # ("According to Wikipedia": where the article comes from names no other event.)
        names -= self._not_names
        # So is an unknown word where a place goes in a short question, in lower case: "what
        # happened in kidal?"
        if len(words) < self.weights.long_question and not lang.PLACE_PREPOSITIONS.isdisjoint(
            words
        ):
            names.update(
                words[position + 1]
                for position, word in enumerate(words[:-1])
                if word in lang.PLACE_PREPOSITIONS
                and len(words[position + 1]) > 3
                # ("from thanks": a word that carries no meaning names no place.)
                and words[position + 1] not in self.v.stopwords
                # ("in action", "in detail": no place's name.)
                and not _COMMON_NOUN.search(words[position + 1])
                # ("in early May", "in late 2012": a time, told by the month or year after it.)
                and not (
                    words[position + 1] in lang.TIME_QUALIFIERS
                    and _tells_time(words[position + 2 : position + 3])
                )
            )
        return names, acronyms

    def _acronyms(self, text: str) -> int:
        """Count the acronyms where a body's name goes ("the UN", "l'ONU") that are neither
        the pack's names nor its words (an acronym may spell a word of the language too: "the
        UN"); none in a text written in capitals, where they are its words."""
        aliases, known = self.v.alias_to_id, self.v.known_words
        found: set[str] = set()
        for match in _ACRONYM.finditer(text):
            acronym = match[0].lower()
            if acronym in aliases or acronym in lang.PLAIN_CAPS or acronym in found:
                continue
            start = match.start()
            if (acronym in known and acronym not in lang.STOPWORDS) or not _BODY_BEFORE.search(
                text[max(0, start - 5) : start]
            ):
                continue
            found.add(acronym)
        return len(found) if found and not _shouted(text) else 0

    def setting(self, words: list[str]) -> frozenset[str]:
        """Return the words of a clause that only sets the scene: "who died when the fighting
        broke out?" asks who died. Names and dates in it still count."""
        cut = next(i for i, w in enumerate(words) if i and w in lang.WHILE_WORDS)
        if cut + 1 >= len(words) or words[cut - 1] in lang.ASKING_WORDS:
            # "X lost it when?", "what does it say about when...": a question word.
            return frozenset()
        asked = set(self.v.analyze(" ".join(words[:cut])))
        if not asked:
            # "Q: when did ...", "hey bot, when did ...": nothing comes before "when" but words
            # that ask nothing, so it asks the question.
            return frozenset()
        return frozenset(
            t
            for t in self.v.analyze(" ".join(words[cut:]))
            if t not in asked and not t.startswith("@") and not t.isdigit() and t not in lang.MONTHS
        )

    def _described(self, questions: list[str]) -> frozenset[str]:
        """Return the telling tokens by which questions asking what became of something
        describe it (`Asks.described`), less those the rest of the question says."""
        index = self.index
        found: set[str] = set()
        for question in questions:
            described, clause = self.reader.described(question)
            if not clause:
                continue
            rest = set(self.v.analyze(" ".join(described)))
            found.update(
                t
                for t in self.v.analyze(" ".join(clause))
                if t not in index.weak_tokens
                and not t.startswith("@")
                and not lang.is_figure(t)
                and t not in index.setting_tokens
                and t not in rest
            )
        return frozenset(found)

    def given(self, words: list[str], text: str) -> frozenset[str]:
        """Return what a question (its words, and its `text` as typed) takes as given: the event
        it asks what came after, or, for "later", all that a fact telling no later event says
        of whoever it asks about."""
        if not lang.AFTER_WORDS.isdisjoint(words):
            return self._premise(words, text)
        return _NOTHING if lang.LATER_WORDS.isdisjoint(words) else self._later(words)

    def _premise(self, words: list[str], text: str) -> frozenset[str]:
        """Return what "what happened to X after he was taken?" takes as given: the event's
        words that the question does not also ask about, up to the end of its clause ("...
        after he was taken, was he ever freed?" does not take his freedom as given)."""
        cut = next(i for i, w in enumerate(words) if w in lang.AFTER_WORDS)
        if cut == 0:
            return frozenset()  # "After they left, who took it?"
        event = _until_asked(words[:cut], words[cut + 1 :])
        for clause in _CLAUSE_END.split(text):
            said = normalize(clause).split()
            at = next((i for i, w in enumerate(said) if w in lang.AFTER_WORDS), None)
            if at == 0:
                return frozenset()  # ("What happened? After they left, who took it?")
            if at is not None:
                event = _until_asked(said[:at], said[at + 1 :])
                break
        asked = self.v.analyze(" ".join(words[:cut]))
        given = self.v.analyze(" ".join(event))
        index = self.index
        return frozenset(
            t
            for t in given
            if t not in index.weak_tokens
            and not t.startswith("@")
            and t not in lang.MONTHS
            and t not in index.setting_tokens  # "after the battle" gives nothing away
            and t not in asked
        )

    def _later(self, words: list[str]) -> frozenset[str]:
        """Return what "what happened to X later?" takes as given: whoever it asks about, and
        all that a fact telling no later event says of them."""
        index, happen = self.index, self._happen
        asked = self.v.analyze(" ".join(w for w in words if w not in lang.LATER_WORDS))
        # ("Do" is a word that matches nothing: "what did they do with them afterwards?")
        if (happen.isdisjoint(asked) and lang.HAPPEN_WORDS.isdisjoint(words)) or any(
            t not in index.weak_tokens and not t.startswith("@") and t not in happen for t in asked
        ):
            return frozenset()
        return frozenset(t for t in asked if t.startswith("@") and t not in index.setting_tokens)


def _anyone(words: list[str]) -> bool:
    """Return whether a question's words ask whether anyone did or underwent something
    (`Query.anyone`)."""
    return not lang.SOMEONE_WORDS.isdisjoint(words) or (
        len(words) > 1 and words[1] in lang.ANY_WORDS
    )


def _months_named(text: str, tokens: list[str]) -> frozenset[str]:
    """Return the month tokens of a message that its words name as months (`Query.months`)."""
    if lang.MONTHS.isdisjoint(tokens):
        return _NOTHING
    # (Read before elision drops "jusqu'", and before stems join "marched" to "march".)
    words = _LETTERS.findall(fold(text))
    if not lang.TIME_BOUND_WORDS.isdisjoint(words):
        return _NOTHING
    written = {lang.MONTH_FORMS[w] for w in words if w in lang.MONTH_FORMS}
    return frozenset(t for t in tokens if t in written)


def _until_asked(before: list[str], event: list[str]) -> list[str]:
    """Return the words of what a question takes as given up to where the question itself
    goes on, when it has not yet said its verb before "after" (`before`): "how many days after
    the battle did they leave?" takes only the battle as given; "what happened after they did
    the raid?", the raid."""
    if any(w in lang.AUXILIARIES or w in lang.HAPPEN_WORDS or w.endswith("ed") for w in before):
        return event
    end = next((i for i, w in enumerate(event) if w in lang.DO_FORMS), len(event))
    return event[:end]


def _names_someone(tokens: list[str]) -> bool:
    """Return whether tokens name anyone (whom a question asks what they did is only looked
    for then)."""
    return any(t.startswith("@") for t in tokens)


def _shouted(text: str) -> bool:
    """Return whether most of a text's letters are capitals."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _capitalised(text: str) -> set[str]:
    """Return the capitalised words of a text that may be names, folded: none when most of
    its words are capitalised ("Who Won The Battle?"), which then tells nothing."""
    found = _CAPITALISED.findall(text)
    if len(found) >= 2:
        words = [w for w in text.split() if w[0].isalpha()]
        if sum(w[0].isupper() for w in words) >= _TITLE_CASE_SHARE * len(words):
            return set()
    names = {fold(raw) for raw in found[:20]}
    if "'" in text or "’" in text:
        names.update(fold(raw) for raw in _ELIDED_NAME.findall(text)[:20])
    return names


def split_clauses(text: str) -> list[tuple[bool, str]]:
    """Split a message into clauses, saying which ask, those of its questions first.

    Each question's clauses come from its end, where a message mostly asks. Of a question,
    the clause that ends it asks (unless it asks only inside a clause: "I'd like to know how
    many..."), and so does one opening with a question word or asking inside it; the others
    are the chatter it is wrapped in, read only when the message asks nothing at all.
    """
    sentences = _SENTENCE.findall(text)
    # Whether each sentence asks as a whole (None: it does not ask at all).
    asking = {
        s: s.rstrip().endswith(("?", "？")) or opens_question(s)
        for s in sentences
        if s.rstrip().endswith(("?", "？")) or opens_question(s) or _EMBEDDED_QUESTION.search(s)
    }
    told = [] if asking else list(reversed(sentences))
    clauses: list[tuple[bool, str]] = []
    for sentence in (*asking, *told):
        parts = [part for part in _CLAUSE.split(sentence) if part.strip()]
        whole = asking.get(sentence)
        if whole is not None and len(parts) > 1 and len(sentences) > 1:
            # A question is first read whole, then clause by clause.
            clauses.append((True, sentence))
        clauses += [(_asks_in(whole, n, c), c) for n, c in enumerate(reversed(parts))]
    return clauses


def told_sentences(text: str) -> list[str]:
    """Return the sentences of a message that ask nothing: what the reader tells."""
    return [
        s
        for s in _SENTENCE.findall(text)
        if not s.rstrip().endswith(("?", "？"))
        and not opens_question(s)
        and not _EMBEDDED_QUESTION.search(s)
    ]


def _asks_in(whole: bool | None, position: int, clause: str) -> bool:
    """Return whether a clause of a sentence asks (`whole`: whether the sentence asks)."""
    if whole is None:
        return False
    return (
        (position == 0 and whole)
        or opens_question(clause)
        or _EMBEDDED_QUESTION.search(clause) is not None
    )


def _tells_time(following: list[str]) -> bool:
    """Return whether the word after another is a month or a year: that other word then says
    when ("early May"), not where."""
    return bool(following) and (following[0] in lang.MONTHS or bool(_YEAR.fullmatch(following[0])))
