"""What a text asks for besides who, when, where and why, and where it puts things: read the
same way in questions and in the pack's phrasings and sentences."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot import lang
from bot.knowledge import Domain
from bot.lang.words import common_words
from bot.text import normalize
from bot.vocabulary import Vocabulary

# Words the attribute patterns hold that are no sign of an attribute of their own: question
# words, function words, the words that only rule a reading out, and regex escapes.
_NO_SIGN = frozenset(
    "what which quel quelle quels quelles how of the their was were did do does has have are "
    "there y a de d combien many number took part fought involved in who day his her whose leurs "
    "des people dead killed wounded morts lose die kill grab take took captur seiz prison detain "
    "return releas group force forces army them attacked sent b s w where had".split()
)

_DOER_WORDS = frozenset("who qui which quel quelle".split())
# Every "subject" pattern holds one of these words, or a French "a" after a question word.
_SUBJECT_WORDS = frozenset("did does do has have had would will could ont avait avaient".split())
_FRENCH_ASKING = frozenset("pourquoi quand comment ou t que quoi".split())
# "How were they taken there?", "how did she die?" ask the manner (and hold no other sign of an
# attribute).
_HOW_PASSIVE = re.compile(rf"\bhow (?:{'|'.join(sorted(lang.COPULAS))}|did|do|does)\b")
_NONE: frozenset[str] = frozenset()
# A question asking what something is opens (or, in French, may end) with one of these.
_DEFINING = frozenset("what who quoi qui que qu est c".split())
_NAME_WORDS = 4
"""Words a name asked about may have ("the National Movement for ..." is one entity's)."""
_COUNTED_WORDS = 3
"""Words after "how many" that may say who is counted ("how many MAA fighters ...")."""
_WORD = re.compile(r"\w[\w'-]*")
# Nouns a name may stand before ("the French army"), besides the pack's own.
_FORCES = tuple(lang.FORCE_WORDS)
_POLAR = re.compile(lang.pattern("polar"))
_EMBEDDED = re.compile(lang.pattern("embedded_question"))
# A French yes/no question opens with "est-ce que" or puts its subject after its verb.
_INVERTED = frozenset("ce t il elle ils elles on".split())


def polar(words: list[str]) -> bool:
    """Return whether words open a yes/no question ("did the ...", "les X ont-ils ...")."""
    if not words or (words[0] not in lang.AUXILIARIES and _INVERTED.isdisjoint(words[:6])):
        return False  # (the pattern would not match: spare most questions its cost)
    text = " ".join(words)
    found = _POLAR.match(text)
    # "can you tell me which ...?", "do you know when ...?": a question asked inside a request.
    return (
        found is not None
        and lang.QUESTION_WORDS.isdisjoint(found[0].split())
        and _EMBEDDED.search(text) is None
    )


class Asks:
    """Reads what a text asks for ("how old", "what kind") and the places it puts things in."""

    def __init__(self, vocabulary: Vocabulary, domain: Domain) -> None:
        self._vocabulary = vocabulary
        self._asked_thing = re.compile(lang.pattern("asked_thing"))
        groups = [e.id for e in vocabulary.entities.values() if e.kind == "group"]
        patterns = lang.attribute_patterns(
            groups=_alternatives(tuple(groups)),
            things=_alternatives(domain.kind_nouns),
            people=_alternatives(domain.people_nouns),
            forces=_alternatives(domain.force_nouns),
            population=_population(domain.people_adjectives),
        )
        for name, words in domain.attributes.items():
            extra = rf"{_alternatives(words)}"
            patterns[name] = f"{patterns[name]}|{extra}" if name in patterns else extra
        # (Deeds worded like an attribute come first, matched and left unnamed.)
        self._attribute = re.compile(
            "|".join(
                [
                    rf"(?:{lang.pattern('attribute_deeds')})",
                    *(rf"\b(?P<{name}>{pattern})\b" for name, pattern in patterns.items()),
                ]
            )
        )
        # Every alternative holds one of these words, so a question with none asks for
        # nothing: a set lookup spares most questions the slow regex.
        self._signs = (
            frozenset(
                form
                for pattern in patterns.values()
                for word, plural in re.findall(r"([a-z]+?)(s\?)?(?![a-z])", pattern)
                for form in ((word, word + "s") if plural else (word,))
            )
            - _NO_SIGN
            - frozenset(domain.people_nouns)
            # (A group's name is no sign: "in charge of the MNLA" is "charge".)
            - {word for group in groups for word in re.findall(r"[a-z]+", group)}
        )
        self._doer = re.compile(lang.pattern("doer"))
        self._definition = re.compile(lang.pattern("definition"))
        self._subject = re.compile(lang.pattern("subject"))
        self._reason = re.compile(
            lang.pattern(
                "reason",
                nouns=_alternatives(
                    (*domain.group_nouns, *domain.people_nouns, *domain.force_nouns, *_FORCES)
                ),
            )
        )
        # "Why did he say ...?" asks why of what he said, not of his saying it.
        self._saying = vocabulary.token("say")
        # ("What did the MAA call the MNLA?": what one names another is what one says of it.)
        self.says = frozenset(filter(None, (self._saying, vocabulary.token("call"))))
        """The tokens of the verbs whose subject says something ("say", "call")."""
        self.places = frozenset(
            f"@{e.id}" for e in vocabulary.entities.values() if e.kind == "place"
        )
        # Who a count may be of: the pack's groups and people, and its nouns for people it
        # counts ("how many civilians ...?", "how many French troops ...?"); a noun for a
        # fighting force says too little ("how many fighters did they lose?"), and is passed.
        self._counted_nouns = frozenset(domain.people_nouns)
        self._force_nouns = frozenset(domain.force_nouns)
        self._counted_names = frozenset(
            f"@{e.id}" for e in vocabulary.entities.values() if e.kind in ("group", "person")
        )
        self._counting = re.compile(lang.pattern("counting"))
        self._passive_agent = re.compile(lang.pattern("passive_agent"))
        self._deed_subject = re.compile(lang.pattern("deed_subject"))
        self._fate = re.compile(lang.pattern("fate"))
        self._persons = vocabulary.tokens(lang.PERSON_NOUNS)
        # Words that make a count one of people: the pack's and the language's nouns for them.
        self._people_words = (
            self._counted_nouns
            | self._force_nouns
            | frozenset(domain.group_nouns)
            | lang.PERSON_NOUNS
        )
        self._located = re.compile(
            rf"\b(?:{lang.pattern('locating')})(?:\s+(?:{lang.pattern('locating_particles')}))?"
            r"\s+@(\S+)"
        )

    def thing(self, *spelled: str) -> tuple[str, bool] | None:
        """Return the token of the thing spelled-out questions ask for by name ("which regiment
        ...?" -> regiment), and whether that thing is all the phrase asks for: the first so
        asked, else the first asked, else None.

        A thing is all its phrase asks for when a small word, a sharpening word or a deed comes
        next, or nothing ("which gangs were ...", "which gangs exactly?", "which militants
        stormed ..."); not when it is a deed itself ("what happened"), another thing comes
        next ("what civilian casualty figures ...") or it asks for a kind or part of another
        ("what kind of vehicles ...")."""
        stopwords = self._vocabulary.stopwords
        first = None
        for text in spelled:
            if lang.THING_ASKING.isdisjoint(text.split()):
                continue
            named = self._vocabulary.name(text)
            for found in self._asked_thing.finditer(named):
                word = next(w for w in found.groups() if w)
                token = self._vocabulary.token(word)
                if token is None or word in stopwords or token.isdigit():
                    continue
                after = named[found.end() :].split()[:1]
                whole = (
                    not lang.participle(word)
                    and word not in lang.PARTITIVE_NOUNS
                    and (
                        not after
                        or after[0] in stopwords
                        or after[0] in lang.SHARPENING_WORDS
                        or lang.participle(after[0])
                    )
                )
                if whole:
                    return token, True
                first = first or (token, False)
        return first

    def held(self, tokens: Iterable[str]) -> frozenset[str]:
        """Return the kinds of person among a text's tokens ("the elderly man" -> man): whom
        what it asks for is asked of."""
        return frozenset(t for t in tokens if t in self._persons)

    def asks(self, normal: str) -> frozenset[str]:
        """Return what a normalised question asks for besides who, when, where and why."""
        vocabulary = normal.split()
        if (
            self._signs.isdisjoint(vocabulary)
            and ("many" not in vocabulary or lang.STRENGTH_WORDS.isdisjoint(vocabulary))
            and ("how" not in vocabulary or _HOW_PASSIVE.search(normal) is None)
        ):
            return frozenset()
        # Names come out first: "the religious leader's son" asks for no leader.
        named = self._vocabulary.name(normal)
        return frozenset(m.lastgroup for m in self._attribute.finditer(named) if m.lastgroup)

    def doers(self, normal: str) -> frozenset[str]:
        """Return the deeds a normalised text asks who did ("who killed him?" -> kill): a text
        asking who something happened to ("who was killed?") asks none."""
        if _DOER_WORDS.isdisjoint(normal.split()):
            return _NONE
        v = self._vocabulary
        # (Names are marked only when no plain object follows: marking them costs more.)
        found = list(self._doer.finditer(normal)) or self._doer.finditer(v.name(normal))
        # The deed is the last word of each match with a token, but a name ("qui l'a gagnée",
        # "who had taken the ...").
        return frozenset(
            verb
            for m in found
            if (
                verb := next(
                    (t for w in reversed(m[0].split()[1:]) if w[0] != "@" and (t := v.token(w))),
                    None,
                )
            )
        )

    def defined(self, text: str, normal: str) -> frozenset[str]:
        """Return the names a question asks only what or who they are, as tokens ("what is the
        MAA?" -> @maa, "qu'est-ce que l'AFISMA ?" -> afisma, from its `text` and its normalised
        words): none when it asks more of them ("what is the MAA composed of?") or asks of
        something that is no name ("who was the spokesman?")."""
        words = normal.split()
        start = next((i for i, w in enumerate(words) if w not in lang.OPENERS), len(words))
        if start == len(words) or (
            words[start] not in _DEFINING
            and words[-1] not in _DEFINING
            and _DEFINING.isdisjoint(words[-3:-1])
        ):
            return _NONE  # (the pattern would not match: spare most questions its cost)
        found = self._definition.fullmatch(self._vocabulary.name(" ".join(words[start:])))
        if found is None:
            return _NONE
        asked = next(group for group in found.groups() if group).split()
        names = [w for w in asked if w not in lang.ARTICLES and w not in lang.SHARPENING_WORDS]
        if not 0 < len(names) <= _NAME_WORDS:
            return _NONE
        # A name the pack does not know is one as typed, with a capital, and no common word
        # ("AFISMA"; not "WHO WON?", "Who Is The MAA Made Of?").
        unknown = [w for w in names if not w.startswith("@")]
        if unknown and (
            not _capitalised(text).issuperset(unknown) or not common_words().isdisjoint(unknown)
        ):
            return _NONE
        return frozenset(names)

    def subjects(self, normal: str) -> frozenset[str]:
        """Return whom a normalised question asks what they did ("what did the MNLA do with
        them?" -> the MNLA), as their tokens: not what befell them ("what did the MNLA
        lose?")."""
        words = normal.split()
        if _SUBJECT_WORDS.isdisjoint(words) and (
            "a" not in words or (_FRENCH_ASKING.isdisjoint(words) and words[0] != "a")
        ):
            return _NONE
        named = self._vocabulary.name(normal)
        if "@" not in named:
            return _NONE
        found: set[str] = set()
        for match in self._subject.finditer(named):
            # (Nor what it is: "what does MNLA stand for?", "what does MNLA mean?".)
            verbs = _verbs(named, match)
            if lang.UNDERGOING_WORDS.isdisjoint(verbs) and lang.MEANING_WORDS.isdisjoint(verbs):
                found.update(name for name in match.groups() if name)
        return frozenset(found)

    def sayers(self, normal: str) -> frozenset[str]:
        """Return whom a normalised question asks what they said ("what did the MNLA say
        about it?", "what did the MAA call the MNLA?" -> the MNLA, the MAA; "qu'a dit le
        MNLA ?"), as their tokens."""
        v = self._vocabulary
        named = v.name(normal)
        found: set[str] = set()
        for match in self._subject.finditer(named):
            if any(v.token(w) in self.says for w in _verbs(named, match)):
                found.update(name for name in match.groups() if name)
        return frozenset(found)

    def reasons(self, normal: str) -> frozenset[str]:
        """Return the deeds a normalised question asks why of ("why did they leave?" ->
        leave), as tokens."""
        if "why" not in normal and "pourquoi" not in normal:
            return _NONE
        named = self._vocabulary.name(normal)
        token = self._vocabulary.token
        return frozenset(
            t
            for found in self._reason.finditer(named)
            for w in found.groups()
            if w and (t := token(w)) and t != self._saying
        )

    def counted(self, normal: str) -> frozenset[str]:
        """Return who a normalised question counts ("how many French troops were wounded?" ->
        the French army), as tokens: the groups, people and nouns for people that follow
        "how many" (none for "how many died?" or "how many of them?")."""
        if lang.COUNTING_WORDS.isdisjoint(normal.split()):
            return _NONE  # (the pattern would not match: spare most questions its cost)
        v = self._vocabulary
        named = v.name(normal)
        found: set[str] = set()
        for match in self._counting.finditer(named):
            for word in named[match.end() :].split()[:_COUNTED_WORDS]:
                if word in self._counted_names:
                    found.add(word)
                elif word in self._counted_nouns and (token := v.token(word)):
                    found.add(token)
                elif word not in self._force_nouns:
                    break
        return frozenset(found)

    def agents(self, normal: str) -> frozenset[str]:
        """Return who a normalised question says did a deed it tells in the passive ("were they
        killed by the MAA?" -> the MAA; "tués par le MAA"), as their tokens."""
        if lang.AGENT_WORDS.isdisjoint(normal.split()):
            return _NONE
        named = self._vocabulary.name(normal)
        return frozenset(
            name for found in self._passive_agent.finditer(named) for name in found.groups() if name
        )

    def deeds(self, normal: str) -> frozenset[str]:
        """Return whom a normalised question asks what they did, in so many words ("what did
        the army do with them?" -> the army; "qu'a fait l'armée ?"), as their tokens: only a
        fact telling a deed of theirs answers it, not one telling what was done to them."""
        named = self._vocabulary.name(normal)
        if "@" not in named:
            return _NONE
        return frozenset(
            name for found in self._deed_subject.finditer(named) for name in found.groups() if name
        )

    def described(self, normal: str) -> tuple[list[str], list[str]]:
        """Return the words by which a normalised question asking what became of something
        describes it ("what happened to the truck (that) they seized?" -> they seized; "... the
        lorry seized in the raid" -> seized in the raid), with the question's words before
        them: a fact telling only that tells the reader nothing new. No words when it
        describes it by no clause ("what happened to the cleric's son?", "the son of the
        cleric")."""
        found = self._fate.search(self._vocabulary.name(normal))
        if found is None:
            return [], []
        before = found.string[: found.end()].split()
        words = found.string[found.end() :].split()
        start = 0
        while start < len(words) and (
            words[start] in lang.DETERMINERS
            or lang.is_figure(words[start])
            or words[start] in lang.NUMBER_WORDS
        ):
            start += 1
        position = start + 1  # (the head noun's first word is never the clause's)
        while position < len(words):
            word = words[position]
            if word in lang.SEQUEL_WORDS or word in lang.WHILE_WORDS:
                # ("... after they were taken": what came after, `Query.premise`; "... when the
                # town fell": when, not which.)
                return [], []
            if word in lang.OWNER_WORDS:
                owner = position + 1 < len(words) and words[position + 1] in lang.DETERMINERS
                position += 2 if owner else 1
                continue
            if word in lang.RELATIVE_PRONOUNS:
                return before + words[:position], words[position + 1 :]
            if word in lang.DETERMINERS or word in lang.PLACE_LEADS or lang.participle(word):
                return before + words[:position], words[position:]
            position += 1
        return [], []

    def counts_people(self, normal: str) -> bool | None:
        """Return whether a normalised question counts people ("how many men ...?", "how many
        of the MAA ...?") or anything else ("how many pick-ups ...?", and so "how many died?"
        too): None when it asks no "how many", or names nothing before its verb ("how many
        were there?")."""
        if lang.COUNTING_WORDS.isdisjoint(normal.split()):
            return None
        named = self._vocabulary.name(normal)
        stop = self._vocabulary.stopwords
        for match in self._counting.finditer(named):
            for word in named[match.end() :].split()[:_COUNTED_WORDS]:
                if word in self._people_words or word in self._counted_names:
                    return True
                if word in lang.AUXILIARIES or word in stop:
                    break
                return False
        return None

    def located(self, normal: str) -> list[str]:
        """Return the places a normalised text puts something in or at ("in Gao" -> Gao)."""
        named = self._vocabulary.name(normal)
        return [f"@{m[1]}" for m in self._located.finditer(named) if f"@{m[1]}" in self.places]


def _capitalised(text: str) -> frozenset[str]:
    """Return the words of a text that begin with a capital, normalised: none when most of
    its words after the first do ("WHO INTERVENED?", "Who Withdrew?"), which tells nothing."""
    words = _WORD.findall(text)
    capitals = [w for w in words if w[0].isupper()]
    if 2 * len([w for w in words[1:] if w[0].isupper()]) > len(words) - 1:
        return frozenset()
    return frozenset(normalize(" ".join(capitals)).split())


def _population(adjectives: tuple[str, ...]) -> str:
    """Return "population" where it asks a size: not "the civil population" (one look-behind
    a word, since each must be of fixed width)."""
    before = "".join(f"(?<!{re.escape(w)} )" for w in adjectives)
    after = f"(?! (?:{_alternatives(adjectives)}))" if adjectives else ""
    return f"{before}population{after}"


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"


def _verbs(named: str, match: re.Match[str]) -> list[str]:
    """Return the words of a "subject" match of a named text, but its names, with the word
    after it: its verb is among them, the word the match ends in (English: "did the @mnla l"
    ends in the verb's first letter), one inside it (French: "a dit le @mnla") or the one after
    it ("le @mnla a t il perdu")."""
    words = named[match.start() :].split()[: len(match[0].split()) + 1]
    return [w for w in words if not w.startswith("@")]
