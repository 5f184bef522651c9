"""Dialogue: read a turn in the light of the conversation (pronouns, ellipsis, "then", "that
town", "the other side") and return the readings to try, most likely first."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from bot import lang
from bot.asks import Asks
from bot.index import FactIndex
from bot.interpret import Message, Query
from bot.text import fold, normalize
from bot.vocabulary import Vocabulary

_NOTHING: frozenset[str] = frozenset()


# A sum to work out ("what's 2+2?") asks nothing of the conversation, however short.
_SUM = re.compile(r"\d\s*[+*×÷=^]\s*\d")
_KIND_DEFINED = re.compile(lang.pattern("kind_defined"))
"""What a kind of thing is ("what is a marabout?"): asked on its own, whatever came before."""

_PLACE = frozenset({"place"})
_PERSONAL_PRONOUNS = lang.PERSON_PRONOUNS | lang.GROUP_PRONOUNS
# A verb put before its subject, in French: "ont-ils", "a-t-il".
_INVERTED = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b(?![-\w])")
_PEOPLE = frozenset({"group", "person", "people"})


@dataclass(frozen=True, slots=True)
class Context:
    """What the conversation was last about, so follow-ups can lean on it."""

    entities: tuple[str, ...] = ()
    """Entity ids last discussed, most recent first."""
    fact_id: str | None = None
    """The fact last answered."""
    tokens: tuple[str, ...] = ()
    """The last question's tokens, for elliptical follow-ups ("and in May?")."""
    answered: bool = True
    """Whether the last turn was answered with the fact `fact_id` names. After a decline, a
    "did you mean" or a quoted sentence, `fact_id` is still the fact answered before, which
    "are you sure?" is not about."""
    given: tuple[str, ...] = ()
    """The facts answered in the conversation, most recent first: "what else?" asks for none of
    them."""
    offered: tuple[str, ...] = ()
    """The questions the last reply offered ("did you mean"), which a reader may pick by their
    number ("2")."""
    located: frozenset[str] = frozenset()
    """The places besides the article's own that the last question asked about events in
    ("what happened at In Khalil?"), answered or not: a turn leaning on it and naming no place
    or date of its own asks of events there too ("and how many died?")."""

    def told(self) -> frozenset[str]:
        """Return the facts the reader has had in this conversation."""
        return frozenset((*self.given, self.fact_id) if self.fact_id else self.given)


@dataclass(slots=True)
class Readings:
    """The ways to read a turn: tried in order, `later` only after the message's clauses."""

    first: list[Query]
    """Readings tried before the message's clauses."""
    later: list[Query] = field(default_factory=list)
    """Readings tried after them."""
    whole: bool = False
    """Whether the message must be read whole, not clause by clause ("that fight")."""
    plain: Query | None = None
    """The turn read on its own but for the places it asks about events in taken from the
    conversation (`Context.located`), when it takes any."""


class Dialogue:
    """Reads follow-ups against the conversation."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        index: FactIndex,
        asks: Asks,
        event_nouns: tuple[str, ...],
        group_nouns: tuple[str, ...] = (),
    ):
        self.v = vocabulary
        self.index = index
        self.asks = asks
        events = "|".join(event_nouns) or "(?!)"
        # "that group", "ce mouvement": a group the conversation named, and no other.
        groups = "|".join(map(re.escape, group_nouns)) or "(?!)"
        self._that_group = re.compile(rf"\b(?:{lang.pattern('demonstrative')}) (?:{groups})\b")
        self._that_event = re.compile(lang.pattern("that_event", events=events))
        self._then = re.compile(lang.pattern("then"))
        self._back_then = re.compile(lang.pattern("back_then"))
        self._sequel = re.compile(lang.pattern("sequel"))
        self._that_day = re.compile(lang.pattern("that_day"), re.IGNORECASE)
        self._who_is_pronoun = re.compile(lang.pattern("who_is_pronoun"))
        self._is_it_in = re.compile(lang.pattern("is_it_in"))
        self._where_is_it = re.compile(lang.pattern("where_is_it"))
        self._what_did_pronoun = re.compile(lang.pattern("what_did_pronoun"))
        self._when = vocabulary.token("when")
        self._role_nouns = vocabulary.tokens(lang.ROLE_NOUNS)
        self._that_town = re.compile(lang.pattern("that_town"))
        self._the_town = re.compile(lang.pattern("the_town"))
        self._other_side = re.compile(lang.pattern("other_side"))
        self._correction = re.compile(rf"^(?:{lang.pattern('correction')})")
        self._other_tokens = vocabulary.tokens(lang.OTHER_WORDS)
        self._side_tokens = vocabulary.tokens(lang.SIDE_WORDS)
        # Nouns that only say whom a turn is about, as names do: "and the fighters on the MNLA
        # side?" asks the last question of them.
        self._naming_tokens = vocabulary.tokens(
            lang.SIDE_WORDS | lang.FORCE_WORDS | lang.PERSON_NOUNS | frozenset(group_nouns)
        )
        # ... and, with the nouns for people the pack counts, those a follow-up's own replace.
        self._renaming_tokens = self._naming_tokens | index.people_tokens
        self._person_tokens = vocabulary.tokens(lang.PERSON_NOUNS)
        self._say = vocabulary.token("say")
        self._hedges = vocabulary.tokens(lang.HEDGE_WORDS)
        self._existential = re.compile(lang.pattern("existential"))
        self._demonstrative = re.compile(
            rf"\b(?:{lang.pattern('demonstrative')}) (?!(?:{'|'.join(sorted(lang.STOPWORDS))})\b)\w"
        )

    def other_side(self, normal: str, tokens: list[str], previous: Context) -> list[str]:
        """Name the other side for "and the other side?" after one side was discussed."""
        side = self._other_side.search(normal)
        sides = self.index.sides
        if side is None or any(t in sides for t in tokens):
            return tokens
        if side[0].rstrip("s").endswith(" one") and not self._asked_of_a_side(previous):
            # "The other one" is the other side only after a question asking for a side or
            # what one is ("which group was mostly Arab?", "what does MAA stand for?"); after
            # "when did the MAA attack again?" it is the other attack.
            return tokens
        last = next((f"@{e}" for e in previous.entities if f"@{e}" in sides), None)
        others = [t for t in sides if t != last]
        if last is None or len(others) != 1:
            return tokens
        # The words that said "the other side" are now its name.
        said = {self.v.token(w) for w in side[0].split()}
        return [*(t for t in tokens if t not in said), others[0]]

    def _asked_of_a_side(self, previous: Context) -> bool:
        """Return whether the last question asked for a side, or the last answer tells what
        a side is or is like (its full name, its make-up)."""
        if not self._side_tokens.isdisjoint(previous.tokens):
            return True
        index = self.index
        last = index.fact_index.get(previous.fact_id or "")
        return (
            last is not None
            and bool(index.asks[last])
            and not index.defines[last].isdisjoint(index.sides)
        )

    def correction(self, normal: str, tokens: list[str]) -> tuple[bool, list[str]]:
        """Read "no, I meant the second time": the last question again, put right."""
        said = self._correction.match(normal)
        if said is None:
            return False, tokens
        dropped = {self.v.token(w) for w in said[0].split()}
        kept = [t for t in tokens if t not in dropped] or tokens
        # "Sorry, I meant when did the MAA attack?" asks anew (its opening asks nothing).
        asks_anew = not self.index.question_tokens.isdisjoint(self.v.analyze(normal[said.end() :]))
        return not asks_anew, kept

    def readings(
        self,
        message: Message,
        plain: Query,
        tokens: list[str],
        previous: Context,
        *,
        correction: bool,
    ) -> Readings:
        """Return the readings of a turn: on its own, and leaning on the conversation when it
        does lean on it."""
        if _SUM.search(message.text) or _KIND_DEFINED.search(message.normal):
            return Readings([plain])
        words = self.referring(message)
        cues = self._cues(message.normal)
        that_event, then, _, town, _ = cues
        # "this fight", "that town": the turn leans on the conversation through the event or
        # place it names, not through a pronoun ("this" in it stands for no one).
        rest = self._that_event.sub(" ", " ".join(words)).split() if that_event else words
        pronouns = then or correction or self.is_follow_up(rest, tokens)
        leans = that_event or town or pronouns
        # "What happened on May 5?", "who captured it?": a turn that leans by a pronoun on a
        # question asked of a date goes on from it in time, unless it says it goes back
        # ("before that", "first"). ("When did the MAA leave?", "who did they take it from?"
        # asks of no date: it may go back. Nor is a French inverted subject, "ont-ils", one.)
        onward = (
            pronouns
            and any(t in lang.MONTHS for t in previous.tokens)
            and not lang.REFERRING.isdisjoint(rest)
            and lang.BEFORE_WORDS.isdisjoint(rest)
            and not self._inverted(message)
        )
        if not leans and not self.may_lean(tokens):
            return Readings([plain])
        if (
            message.long
            and not (that_event or town or then or correction)
            and self._says_whom(words)
        ):
            # A long message whose "they" or "them" it names itself before ("The civilians
            # killed included a girl and an old man. Which side fired the shots that killed
            # them?"), or that has none, leans on nothing: read as it is when asked first,
            # whatever came before. (Reading only those with a pronoun so, the training
            # questions as sessions got 7 fewer right answers and 9 more wrong.)
            return Readings([plain])
        located = (
            self.still_located(tokens, previous.located) if leans and not message.long else _NOTHING
        )
        if located:
            plain = replace(plain, located=plain.located | located)
        found = self._leaning(
            words,
            cues,
            plain,
            tokens,
            previous,
            correction=correction,
            pronouns=pronouns or not leans,
            onward=onward,
        )
        found.first = [r if r is plain else replace(r, leaning=True) for r in found.first]
        found.later = [r if r is plain else replace(r, leaning=True) for r in found.later]
        if not leans or message.long:
            # "who won?", "where were the planes?": read on its own first, and in the light of
            # the conversation only when that reading is not answered. (So is a long message,
            # which mostly says itself whom its "they" are.)
            found.first.insert(0, plain)
            # ... and its clauses are read too, as when it is asked first, when it names the
            # place of its "that fight" itself ("There's this smaller fight at Ber... Who won
            # that one?"); naming none ("Thanks, I had not heard of it. When did that fight
            # take place?"), the fight is the last one, read whole.
            if message.long and any(t in self.index.places for t in plain.tokens):
                found.whole = False
        if located:
            found.plain = plain
        return found

    def _says_whom(self, words: list[str]) -> bool:
        """Return whether a turn needs the conversation for no one it speaks of: any "they" or
        "he" in it stands for someone it names before it, and it says no "there" nor "else".
        (A long message without such a pronoun may still lean by an "it", "that source" or an
        opening "and"; read on its own, it mostly says itself what it asks.)"""
        return (
            "there" not in words
            and lang.OTHER_WORDS.isdisjoint(words)
            and not self.unresolved(words, None)
        )

    def still_located(self, tokens: list[str], located: frozenset[str]) -> frozenset[str]:
        """Return the places the last question asked about events in (`located`), which a
        short turn leaning on it still asks of when it names nobody, no place and no date of
        its own: "what happened at In Khalil in February?", "and how many died?" is not
        answered by the deaths elsewhere. ("Were the captives handed to the Malian army or
        some other?" says itself what it asks of.)"""
        if not located or any(t.startswith("@") or t in lang.MONTHS or t.isdigit() for t in tokens):
            return _NOTHING
        return located

    @staticmethod
    def _inverted(message: Message) -> bool:
        """Return whether a French question puts its verb before its subject ("ont-ils")."""
        return (
            _INVERTED.search(message.text.lower()) is not None
            and lang.language_of(message.normal, message.words) == "fr"
        )

    def _leaning(
        self,
        words: list[str],
        cues: tuple[bool, bool, bool, bool, bool],
        plain: Query,
        tokens: list[str],
        previous: Context,
        *,
        correction: bool,
        pronouns: bool = True,
        onward: bool = False,
    ) -> Readings:
        """Return the readings of a turn that leans on the conversation, given its words that
        may refer back and its cues ("that fight", "then", "back then", "that town", and
        whether it asks what came next, "and then what happened?").

        `pronouns`: whether anything but "that fight" or "that town" leans on it; if not, no
        one the conversation named is taken for what the turn asks about. `onward`: whether it
        goes on in time from the last answer, as "then" says.
        """
        that_event, then, back, town, sequel = cues
        # ("And after that?", "what happened later then?", "what did they do next?"; not "and
        # then who held it before that?")
        after = (
            not back
            and lang.BEFORE_WORDS.isdisjoint(words)
            and (sequel or (then and not lang.SEQUEL_WORDS.isdisjoint(words)))
        )
        first = self._moved_along(
            plain, previous, then=then or onward or after, back=back, after=after
        )
        words = self._there(words, previous, town=town)
        if that_event and previous.fact_id in self.index.setting:
            first, tokens = self._with_setting(first, tokens, previous.fact_id)
        if pronouns or town:
            attempts, resolved = self._resolved(words, tokens, previous, first)
        else:
            attempts, resolved = [first], tokens
        # Whoever "he" stands for is asked of however the turn is read: "and what did he say
        # about the MNLA?" after a turn that replaced him by his role.
        # (Not one the turn does not stand for: "how many?" after "why did the MAA keep its
        # pick-ups?", answered with what its spokesman claimed, asks nothing of him.)
        persons = (
            [t for t in resolved if t not in tokens and self.v.kind(t) == "person"]
            if not lang.PERSON_PRONOUNS.isdisjoint(words)
            else []
        )
        by_role = self._by_role(words, tokens)
        carried = self.carry_over(
            [*tokens, *persons],
            previous,
            groups=self._groups_asked_of(words, tokens)
            if not self._said_of(words, tokens, previous)
            else [],
            by_role=by_role,
        )
        # "and the MNLA?", "what about May?": nothing but names and dates is no question of its
        # own, so the last question's words come first (so does a correction; "et le MNLA,
        # c'était qui ?" asks what it is).
        # ("And who was their spokesperson?" asks who holds a role: no ellipsis, though the role
        # is read as the name of whoever holds it.)
        elliptical = correction or (
            not plain.defined and not by_role and self._elliptical(tokens, resolved)
        )
        # Asked again, the last question's words count in full.
        carry = replace(
            attempts[-1],
            tokens=carried,
            soft=_NOTHING if elliptical else frozenset(carried) - set(tokens),
            again=self._asks_anew(tokens, previous),
        )
        if elliptical:
            # ... and read on its own after, if it has a word of its own besides names, dates
            # and question words ("and what happened on May 5?"; not "what about Timbuktu?",
            # "and when?").
            asking = self.index.typed_question_tokens
            alone = not correction and any(
                not t.startswith("@") and t not in lang.MONTHS and not t.isdigit()
                and t not in asking and t not in self._other_tokens
                for t in tokens
            )  # fmt: skip
            ellipsis = self._ellipsis(carry, tokens, carried)
            if correction and (elsewhere := self._told_elsewhere(tokens, previous)):
                # "No, I mean at Ber" after the first clash, at In Khalil: not that again.
                ellipsis = replace(ellipsis, exclude=elsewhere, corrects=True)
            return Readings([ellipsis], [first] if alone else [], whole=that_event)
        # (A yes/no turn claiming what neither the pack nor the article ever says, "was it
        # decisive?", asks what no fact asserts: not the last question again. "What was her
        # job?" may ask in words of its own what the last answer tells.)
        idf, said, weak = self.index.idf, self.index.article_tokens, self.index.weak_tokens
        unknown = plain.polar and any(
            t not in idf
            and t not in said
            and t[0] != "@"
            and not t.isdigit()
            and t not in weak
            and t not in self._hedges  # ("is that confirmed?", "was it the MAA tho?")
            for t in tokens
        )
        return Readings(attempts, [] if that_event or unknown else [carry], whole=that_event)

    def _asks_anew(self, tokens: list[str], previous: Context) -> bool:
        """Return whether a turn asks the last answered question anew, with a question word
        of its own that the last one did not use ("who won?", "where?"; not "and the MNLA?",
        nor a "where?" after a "where" question). (A turn left unanswered since keeps the
        answered one as the conversation's: "who won?", "where?" offered, "and when?".)"""
        index = self.index
        last = index.fact_index.get(previous.fact_id or "")
        own = {t for t in tokens if t in index.typed_question_tokens}
        if last is None or not own:
            return False
        if previous.answered:
            return own.isdisjoint(previous.tokens)
        # (After a turn offered or declined, the words kept are that turn's: what the last
        # answer is asked with tells instead.)
        return own.isdisjoint(index.asked_words[last])

    def _cues(self, normal: str) -> tuple[bool, bool, bool, bool, bool]:
        """Return whether a turn says "that fight", "then", "back then", "that town" and
        asks what came next ("and then what happened?")."""
        that_event = self._that_event.search(normal) is not None
        # "who captured it then?": then, or after; "who held it back then?": then.
        back = self._back_then.search(normal) is not None
        then = back or self._then.search(normal) is not None
        # "who held that town?", "who held the town then?": the place last discussed, as
        # "there" is. ("Who held the town?" alone is mostly the article's own.)
        town = self._that_town.search(normal) is not None or (
            then and self._the_town.search(normal) is not None
        )
        return that_event, then, back, town, self._sequel.search(normal) is not None

    def restated(self, question: str, previous: Context) -> str | None:
        """Return a turn said again with what it leans on spelled out, when it leans on it by
        nothing else: "that day" (`dated`), "and who is he?" (`who_is`), "is it in Gao
        Region?" (`_placed_in`), "what region is it in?" (`_where_is`), "and what did they
        do?" (`_what_did`); or None."""
        dated = self.dated(question, previous)
        if dated is not None:
            return dated
        normal = normalize(question)  # (once, for both)
        return (
            self._who_is(normal, previous)
            or self._placed_in(normal, previous)
            or self._where_is(normal, previous)
            or self._what_did(normal, previous)
        )

    def _what_did(self, normal: str, previous: Context) -> str | None:
        """Return "and what did they do?" (`normal`: normalised) asked of whom "they" stands
        for, on the day the last question named or asked for ("when did the MAA attack
        again?", "what did they do?": "what did the MAA do on May 5?"): not the last question
        again, with "do" for its verb. None when it asks something else, or of no one."""
        name = self._stood_for(self._what_did_pronoun, normal, previous)
        if name is None:
            return None
        # The day the last question named, or asked for ("when was the second attack?").
        month, day = (0, 0)
        named = _day_named(previous.tokens)
        last = self.index.fact_index.get(previous.fact_id or "") if previous.answered else None
        if named is not None:
            month, day = lang.MONTH_NUMBERS[named[0]], named[1]
        elif last is not None and self._when in previous.tokens:
            month, day = self.index.when[last]
        french = lang.language_of(normal) == "fr"
        if not month:
            return f"qu'a fait {name} ?" if french else f"what did {name} do?"
        if french:
            return f"qu'a fait {name} le {day} {lang.FRENCH_MONTHS[month - 1]} ?"
        return f"what did {name} do on {lang.MONTH_NAMES[month - 1]} {day}?"

    def _last_place(self, previous: Context) -> str | None:
        """Return the place the conversation named last (an entity id), or None."""
        entities = self.v.entities
        return next(
            (e for e in previous.entities if e in entities and entities[e].kind == "place"),
            None,
        )

    def _where_is(self, normal: str, previous: Context) -> str | None:
        """Return "where is it?", "what region is it in?" (`normal`: normalised) asked of the
        place the conversation last named ("what region is Ber in?"); or None."""
        found = self._where_is_it.fullmatch(normal)
        place = self._last_place(previous) if found is not None else None
        if found is None or place is None:
            return None
        name = self.v.entities[place].name
        if lang.language_of(normal) == "fr":
            groups = [g for g in found.groups() if g]
            if len(groups) == 2:
                return f"dans {groups[0]} {groups[1]} se trouve {name} ?"
            return f"où se trouve {name} ?"
        at = next(i for i, g in enumerate(found.groups(), 1) if g)
        return f"{normal[: found.start(at)]}{name}{normal[found.end(at) :]}?"

    def _placed_in(self, normal: str, previous: Context) -> str | None:
        """Return "is it in Gao Region?" (`normal`: normalised) asked of the place the
        conversation last named ("is Ber in Gao Region?"), when what it is said to be in is a
        place too; or None."""
        found = self._is_it_in.fullmatch(normal)
        if found is None:
            return None
        said = [g for g in found.groups() if g][-1]  # (what it is said to be in)
        within = self.v.analyze(said)
        if len(within) != 1 or within[0] not in self.index.places:
            return None
        place = self._last_place(previous)
        if place is None or f"@{place}" == within[0]:
            return None
        name = self.v.entities[place].name
        if lang.language_of(normal) == "fr":
            return f"est-ce que {name} est dans {said} ?"
        return f"is {name} in {said}?"

    def who_is(self, question: str, previous: Context) -> str | None:
        """Return "who is he?" asked of whom "he" stands for ("who is Mohamed Ould Ramadane?"):
        it asks what they are, not the last question again (after "what did Ramadane claim?",
        not what he claimed). None when it asks something else or "he" stands for nobody."""
        return self._who_is(normalize(question), previous)

    def _who_is(self, normal: str, previous: Context) -> str | None:
        name = self._stood_for(self._who_is_pronoun, normal, previous)
        if name is None:
            return None
        # The verb as the reader put it: "who were they?" is "who were the Tuaregs?", which a
        # reply echoing it says back ("doesn't say who the Tuaregs were"), not "who is".
        verb = next((w for w in normal.split() if w in lang.IDENTITY_COPULAS), None)
        if lang.language_of(normal) == "fr":
            return f"qui {lang.FRENCH_ACCENTED.get(verb or 'est', verb)} {name} ?"
        return f"who {verb or 'is'} {name}?"

    def _stood_for(self, pattern: re.Pattern[str], normal: str, previous: Context) -> str | None:
        """Return the name of whom the pronoun of a turn `pattern` matches whole stands for
        (its first group that matched), or None when it does not match or stands for nobody."""
        found = pattern.fullmatch(normal)
        if found is None:
            return None
        pronoun = next(g for g in found.groups() if g)
        entities = self.v.entities
        entity = next(
            (t[1:] for t in self.resolve_pronouns([pronoun], [], previous) if t[1:] in entities),
            None,
        )
        return entities[entity].name if entity is not None else None

    def dated(self, question: str, previous: Context) -> str | None:
        """Return a turn saying "that day" with the date the last question named in its stead
        ("what did the MAA take on May 5?", "how many civilians died that day?": on May 5), or
        None when it says no such thing or the last question named no day of a month. (Not
        the last answer's date: "when was the battle?", "who held Ber that day?" is no question
        of the battle's day only.)"""
        found = self._that_day.search(question)
        if found is None:
            return None
        date = _day_named(previous.tokens)
        if date is None:
            return None
        month, day = date
        if lang.language_of(fold(question)) == "fr":
            said = f"le {day} {lang.FRENCH_MONTHS[lang.MONTH_NUMBERS[month] - 1]}"
        else:
            said = f"on {month.capitalize()} {day}"
        return f"{question[: found.start()]}{said}{question[found.end() :]}"

    def _moved_along(
        self, plain: Query, previous: Context, *, then: bool, back: bool, after: bool = False
    ) -> Query:
        """Return the plain reading, favouring the facts around the last one answered; with
        `then`, asking of its time or after, and with `after`, of what came after it."""
        index = self.index
        # A conversation moves along the article: facts next to the last one come first.
        last = index.fact_index.get(previous.fact_id or "")
        near = index.neighbours.get(previous.fact_id or "", frozenset())
        named = {t for t in plain.tokens if t.startswith("@") and t not in index.places}
        if named and near:
            # "and the other one's full name?": a neighbour about someone else than the turn
            # names is no nearer for being next to the last answer.
            near = frozenset(
                f
                for f in near
                if not index.subjects[f]
                or not index.subjects[f].isdisjoint(named)
                or not index.about[f].isdisjoint(named)
            )
        first = replace(plain, near=near, last=last)
        if then and last is not None and (when := index.when[last]) != (0, 0):
            first = replace(first, since=when, until=when if back else None, after_last=after)
        return first

    def referring(self, message: Message) -> list[str]:
        """Return the words of a turn that may refer back, less an existential "there" ("how
        many stages are there?" asks about no place) or "il y a", "s'est-il passé" (no one is
        "il"), and less a French inverted pronoun after the subject it restates ("la bataille
        a-t-elle fait des victimes ?": "elle" is the battle)."""
        words = message.words
        if "-" in message.text and (inverted := _INVERTED.search(message.text.lower())):
            pronoun = inverted[0].rsplit("-", 1)[1]
            if pronoun in words:
                at = words.index(pronoun)
                # (Before the verb, and its "t": a word of its own is the subject.)
                verb = at - 2 if at >= 2 and words[at - 1] == "t" else at - 1
                before = words[: max(0, verb)]
                if any(w not in lang.STOPWORDS and w not in lang.QUESTION_WORDS for w in before):
                    words = words[:at] + words[at + 1 :]
        if lang.EXISTENTIAL_WORDS.isdisjoint(words) or not self._existential.search(message.normal):
            return words
        return self._existential.sub(" ", message.normal).split()

    def _there(self, words: list[str], previous: Context, *, town: bool) -> list[str]:
        """Return the words, with "there" for "that town" when a place was last discussed."""
        place = next((e for e in previous.entities if self.v.kind(f"@{e}") == "place"), None)
        if town and place is not None and f"@{place}" not in self.index.everywhere:
            return [*words, "there"]
        return words

    def _with_setting(
        self, first: Query, tokens: list[str], fact_id: str
    ) -> tuple[Query, list[str]]:
        """Return the reading and tokens of "that fight": the last fight, its place and date."""
        # "who won that fight?": the fight last answered, with its place and date.
        setting = self.index.setting[fact_id]
        tokens = tokens + [t for t in setting if t not in tokens]
        places = frozenset(t for t in setting if t.startswith("@"))
        return replace(first, tokens=tokens, located=first.located | places), tokens

    def _resolved(
        self, words: list[str], tokens: list[str], previous: Context, first: Query
    ) -> tuple[list[Query], list[str]]:
        """Return the readings with the pronouns resolved and as they stand, and the tokens."""
        resolved = self.resolve_pronouns(words, tokens, previous)
        if resolved == tokens:
            return [first], resolved
        # "he": whoever the pronoun stands for is what is asked about, however the question is
        # read. ("They" may as well be the prisoners as a group; "that group" is the group.)
        index = self.index
        added = frozenset(resolved) - set(tokens)
        that_group = self._that_group.search(" ".join(words)) is not None
        referents = frozenset(
            t
            for t in added
            if self.v.kind(t) == "person"
            or t in index.people_tokens
            or (that_group and self.v.kind(t) == "group")
        )
        # "how many died there?" after another place asks about events in that place.
        there = frozenset(
            t for t in added if "there" in words and t in index.places and t not in index.everywhere
        )
        # "What ethnicity are its members?": whose they are is what is asked about.
        owner = frozenset(
            t
            for t in added
            if not lang.THING_POSSESSIVES.isdisjoint(words) and self.v.kind(t) in ("group", "place")
        )
        first = replace(
            first,
            referents=referents | owner,
            located=first.located | there,
            subjects=first.subjects or self._subjects_meant(words, added, previous),
        )
        resolved_query = replace(first, tokens=resolved, soft=added - there - owner)
        # "There" is that place, and "its" its owner, however the rest is read.
        return ([resolved_query] if there or owner else [resolved_query, first]), resolved

    def _subjects_meant(
        self, words: list[str], added: frozenset[str], previous: Context
    ) -> frozenset[str]:
        """Return whom a turn asks what they did through a pronoun standing for the one group
        or person the last answer named: "when had they taken it?" after the MNLA was told of
        asks what the MNLA did (not when the MAA took it)."""
        named = [t for t in added if self.v.kind(t) in ("group", "person")]
        last = self.index.fact_index.get(previous.fact_id or "") if previous.answered else None
        if len(named) != 1 or last is None:
            return _NOTHING
        told = {t for t in self.index.answers[last] if self.v.kind(t) in ("group", "person")}
        if told != set(named):
            return _NOTHING
        text = " ".join(named[0] if w in lang.SUBJECT_PRONOUNS else w for w in words)
        return self.asks.subjects(text)

    def _elliptical(self, tokens: list[str], resolved: list[str]) -> bool:
        index = self.index
        return all(
            t.startswith("@")
            or t in index.weak_tokens
            or t in lang.MONTHS
            or t.isdigit()
            or t in self._other_tokens  # "another one?", "encore ?"
            or t in self._naming_tokens
            for t in tokens
        ) and index.people_tokens.isdisjoint(resolved)  # ("what happened to them?")

    def _told_elsewhere(self, tokens: list[str], previous: Context) -> frozenset[str]:
        """Return the last fact answered, when a correction names a place (the article's own
        too) and that fact's own event was at another: what the correction puts right."""
        named = {t for t in tokens if t in self.index.places}
        fact = previous.fact_id
        if not named or not previous.answered or fact not in self.index.setting:
            return _NOTHING
        setting = {t for t in self.index.setting[fact] if t in self.index.places}
        return frozenset([fact]) if setting and setting.isdisjoint(named) else _NOTHING

    def _ellipsis(self, carry: Query, tokens: list[str], carried: list[str]) -> Query:
        """Return "what about X?" read as the last question, asked of X."""
        index = self.index
        places = frozenset(t for t in tokens if t in index.places and t not in index.everywhere)
        # Whoever it names is who the answer must be about: "and the other group?"
        named = frozenset(t for t in tokens if self.v.kind(t) in ("group", "person"))
        if named:
            # ... and of what the last question asked: "when did X leave?", "and Y?" is not
            # answered by a fact where nobody leaves.
            named |= {
                t
                for t in carried
                if t not in tokens and t not in index.weak_tokens and not t.startswith("@")
            }
        return replace(carry, located=carry.located | places, referents=carry.referents | named)

    def is_follow_up(self, words: list[str], tokens: list[str]) -> bool:
        """Return whether a turn leans on the conversation: a pronoun, an opener, or nothing
        but question words ("when?", "why?"). A turn that names what it asks about stands
        alone: "where was the battle?" gets the same answer whatever came before."""
        vocabulary = set(words)
        if not vocabulary.isdisjoint(lang.OTHER_WORDS):
            return True
        if not vocabulary.isdisjoint(lang.REFERRING) and not self._named_before(words):
            return True
        if words and (words[0] in lang.FOLLOW_UP_OPENERS or asks_about(words)):
            return True
        if self._demonstrative.search(" ".join(words)) and self._demonstrative.search(
            " ".join(self._without_relatives(words))
        ):
            return True  # "where was that source based?"
        weak = self.index.weak_tokens
        return all(t in weak for t in tokens)

    def unresolved(self, words: list[str], previous: Context | None) -> bool:
        """Return whether a turn's "they" or "he" stands for nobody: the turn names nobody and
        nothing before it ("Ber était-elle ... ?" restates Ber; "s'est-il passé" names no one:
        see `referring`), and the conversation nobody of that kind ("they" may be people it
        counted, as the prisoners)."""
        if lang.GROUP_PRONOUNS.isdisjoint(words) and lang.PERSON_PRONOUNS.isdisjoint(words):
            return False  # (most turns: nothing to stand for anyone)
        kinds = set()
        for word in self.v.name_words(words):
            if word in lang.GROUP_PRONOUNS:
                kinds.add("group")
            elif word in lang.PERSON_PRONOUNS:
                kinds.add("person")
            elif not kinds and self._someone(word):
                return False
        if not kinds:
            return False
        if previous is None:
            return True
        if "group" in kinds and self._people(previous):
            return False
        entities = self.v.entities
        return not any(e in entities and entities[e].kind in kinds for e in previous.entities)

    def _named_before(self, words: list[str]) -> bool:
        """Return whether each pronoun of a turn has someone or somewhere the turn names before
        it to stand for: "who were the civilians that lost their lives?", "who took Ber after
        the MAA abandoned it?" lean on nothing before them."""
        named: set[str] = set()
        for word in self.v.name_words(words):
            if word in lang.REFERRING:
                # ("it" stands for a place, "they" for a group or people, "he" for a person.)
                wanted = _PLACE if word in lang.PLACE_PRONOUNS else _PEOPLE
                if named.isdisjoint(wanted):
                    return False
            elif self._someone(word):
                named.add(self.v.kind(word) or "people")
        return True

    def _without_relatives(self, words: list[str]) -> list[str]:
        """Return the words less each "that" after someone named, which says who ("the
        civilians that died"), not which one the conversation named."""
        named = self.v.name_words(words)
        return [
            w
            for i, w in enumerate(named)
            if not (w in lang.RELATIVE_WORDS and i and self._someone(named[i - 1]))
        ]

    def _someone(self, word: str) -> bool:
        """Return whether a word (or a name's token) names someone or somewhere a pronoun may
        stand for."""
        if word[0] == "@":
            return True
        token = self.v.token(word)
        return token in self.index.people_tokens or token in self.index.force_tokens

    def may_lean(self, tokens: list[str]) -> bool:
        """Return whether a short turn naming nobody may lean on the conversation ("where were
        the planes?"), or stand alone ("who won?")."""
        if len(tokens) > 2 or any(t.startswith("@") for t in tokens):
            return False
        # ("tell me a joke" names nothing the article speaks of and asks nothing of it: it
        # cannot lean on it. "Since when?" asks.)
        index = self.index
        return any(t in index.question_tokens for t in tokens) or all(
            t in index.idf or t in index.weak_tokens for t in tokens
        )

    def resolve_pronouns(self, words: list[str], tokens: list[str], context: Context) -> list[str]:
        """Add whoever the turn's pronouns stand for, from the conversation."""
        vocabulary = set(words)
        people = [t for t in self._people(context) if t not in tokens]
        # Not someone holding a role only for groups other than those the turn asks of.
        groups = self._groups_asked_of(words, tokens)
        wanted = self._wanted_kinds(vocabulary, tokens, people, context)
        resolved = list(tokens)
        if vocabulary & lang.GROUP_PRONOUNS:
            resolved += people
        # "between them", "each other": two of them.
        wanted_groups = 2 if vocabulary & lang.BETWEEN_WORDS else 1
        for kind in wanted:
            found = 0
            for entity_id in context.entities:
                entity = self.v.entities.get(entity_id)
                if entity is None or entity.kind != kind:
                    continue
                token = f"@{entity_id}"
                if groups and self.v.role_of_another(token, groups):
                    continue
                if token not in resolved:
                    resolved.append(token)
                found += 1
                if kind != "group" or found == wanted_groups:
                    break
        return resolved

    def _people(self, context: Context) -> list[str]:
        """Return the people "they" may be, besides a group: those the last question named
        ("how many prisoners were taken?") or, when it named no group, those the answer to it
        told of ("how many non-combatants died?": civilians; not the prisoners told of in
        answer to "how many casualties did the MNLA suffer?")."""
        index, entities = self.index, self.v.entities
        last = index.fact_index.get(context.fact_id or "") if context.answered else None
        told: list[str] = []
        if last is not None and not any(
            t[1:] in entities and entities[t[1:]].kind == "group" for t in context.tokens
        ):
            told = index.answers[last]
        return [t for t in dict.fromkeys([*context.tokens, *told]) if t in index.people_tokens]

    def _wanted_kinds(
        self, vocabulary: set[str], tokens: list[str], people: list[str], context: Context
    ) -> list[str]:
        wanted: list[str] = []
        if vocabulary & lang.THING_POSSESSIVES:
            # "What ethnicity are its members?": the group or the place named last.
            kinds = (self.v.kind(f"@{e}") for e in context.entities)
            last = next((k for k in kinds if k in ("group", "place")), None)
            if last is not None:
                wanted.append(last)
        if vocabulary & lang.GROUP_PRONOUNS and not people:
            wanted.append("group")
        if vocabulary & lang.PERSON_PRONOUNS:
            wanted.append("person")
        if vocabulary & lang.PLACE_PRONOUNS:
            wanted.append("place")
        if not wanted:
            named = {self.v.entities[t[1:]].kind for t in tokens if t[1:] in self.v.entities}
            if self._renames_person(tokens, context):
                named.add("person")  # ("and the girl?" after the marabout's son: not him)
            wanted = [kind for kind in ("group", "person") if kind not in named]
        return wanted

    def _groups_asked_of(self, words: list[str], tokens: list[str]) -> list[str]:
        """Return the groups a turn names when no pronoun of it stands for someone ("he",
        "they"): it asks of them, so someone the conversation named by a role held only for
        other groups is not whom it asks of ("who was the MAA spokesman?", "and who spoke for
        the MNLA?" asks for the MNLA's; "and what did he say about the MNLA?" is still his)."""
        if not _PERSONAL_PRONOUNS.isdisjoint(words):
            return []
        entities = self.v.entities
        return [t for t in tokens if t[1:] in entities and entities[t[1:]].kind == "group"]

    def _renames_person(self, tokens: list[str], previous: Context) -> bool:
        """Return whether a turn names a person by a noun in the stead of the one the
        conversation named last by another ("and the girl?" after the marabout's son; not
        "and the man?" after Ramadane, whom it may be)."""
        own = self._person_tokens.intersection(tokens)
        if not own:
            return False
        entities = self.v.entities
        last = next(
            (e for e in previous.entities if e in entities and entities[e].kind == "person"), None
        )
        if last is None:
            return False
        # (Its name read as English: "son" is not the French "his".)
        stopped = lang.ENGLISH_WORDS_STOPPED
        theirs = self._person_tokens.intersection(
            self.v.token(stopped.get(w, w)) for w in normalize(entities[last].name).split()
        )
        return bool(theirs) and theirs.isdisjoint(own)

    def _said_of(self, words: list[str], tokens: list[str], previous: Context) -> bool:
        """Return whether a turn asks what was said of someone after a question of what was
        said: "what did he say?", "and about France?" (but "and who spoke for the MNLA?",
        "and the MNLA's?" ask who holds the role for them)."""
        return (
            self._say in previous.tokens
            and asks_about(words)
            and self.index.question_tokens.isdisjoint(tokens)
            and self._role_nouns.isdisjoint(tokens)
        )

    def _by_role(self, words: list[str], tokens: list[str]) -> bool:
        """Return whether a turn names someone by their role ("and its spokesperson?")."""
        said = {self.v.token(w) for w in words}
        return any(
            not said.isdisjoint(self.v.role_tokens(t, every=True))
            for t in tokens
            if self.v.kind(t) == "person"
        )

    def carry_over(
        self,
        tokens: list[str],
        previous: Context,
        *,
        groups: Sequence[str] = (),
        by_role: bool = False,
    ) -> list[str]:
        """Complete an elliptical follow-up ("and the MNLA?") with the last question's words
        (`groups`: those it asks of, `_groups_asked_of`; `by_role`: whether it names someone
        by their role, asked in the stead of the role the last one asked of: "who led the
        MAA?", "and its spokesperson?")."""
        entities = self.v.entities
        kinds = {entities[t[1:]].kind for t in tokens if t[1:] in entities}
        # A follow-up that asks in its own words ("when?") no longer asks what the last one did.
        asks = any(t in self.index.question_tokens for t in tokens)
        # Nor does one naming a month ask of the last one's date: "no, in April".
        dated = any(t in lang.MONTHS for t in tokens)
        # "How many civilians ...?", "and the fighters?": the fighters instead of civilians.
        nouns = self._renaming_tokens
        renamed = not nouns.isdisjoint(tokens)
        # "Was the marabout's son killed?", "and the girl?": the girl instead of him.
        kinds |= {"person"} if self._renames_person(tokens, previous) else set()
        # Nor does one naming someone ask of the role the last one asked of in their stead
        # ("and the MNLA's?" after the MAA's spokesman, then "what did he say?": of him).
        roles = {r for t in tokens for r in self.v.role_tokens(t, every=True)}
        kept = [
            t
            for t in previous.tokens
            if t not in tokens
            and not (t[1:] in entities and entities[t[1:]].kind in kinds)
            and not (renamed and t in nouns)
            and not (asks and t in self.index.question_tokens)
            and not (dated and lang.is_figure(t))
            and t not in roles
            and not (by_role and t in self._role_nouns)
        ]
        if groups:
            # "Who was the MAA spokesman?", "and the MNLA's?": the MNLA's spokesman, not the
            # person the MAA's role named.
            kept = [
                r
                for t in kept
                for r in (self.v.role_of_another(t, groups) or [t])
                if r not in tokens
            ]
        return tokens + kept


_ASKS_ABOUT = re.compile(lang.pattern("asks_about"))


def _day_named(tokens: Sequence[str]) -> tuple[str, int] | None:
    """Return the day of a month that a question's tokens name ("may", "5"), as the month's
    English name and the day, or None."""
    for at, token in enumerate(tokens):
        month = lang.MONTH_FORMS.get(token)
        if month is None:
            continue
        for beside in (tokens[at + 1 : at + 2], tokens[max(at - 1, 0) : at]):
            if beside and beside[0].isdigit() and 1 <= int(beside[0]) <= lang.LAST_DAY:
                return month, int(beside[0])
    return None


def asks_about(words: list[str]) -> bool:
    """Return whether a question is "what about X?", "how about X?" or "and about X?"."""
    return len(words) > 1 and _ASKS_ABOUT.fullmatch(f"{words[0]} {words[1]}") is not None
