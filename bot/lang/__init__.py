"""Language data: what English and French words do in a question, whatever the article.

Laid out as spaCy lays out its languages: each language's module holds its words; this module
joins them into what the engine reads. What belongs to one article or its subject lives in its
pack (`knowledge/domain.yaml`), never here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import dropwhile

from bot.lang import en, fr

STOPWORDS = en.STOP_WORDS | fr.STOP_WORDS
ENGLISH_WORDS_STOPPED = en.FRENCH_STOP_WORD_HOMOGRAPHS
QUESTION_WORDS = en.QUESTION_WORDS | fr.QUESTION_WORDS
TYPED_QUESTION_WORDS = en.TYPED_QUESTION_WORDS
SENTENCE_QUESTION_WORDS = en.SENTENCE_QUESTION_WORDS
ANSWER_QUESTION_WORDS = en.ANSWER_QUESTION_WORDS
SHARPENING_WORDS = en.SHARPENING_WORDS | fr.SHARPENING_WORDS
AUXILIARIES = en.AUXILIARIES
DO_FORMS = en.DO_FORMS
COPULAS = en.COPULAS
VERB_FORMS = en.IRREGULAR_PAST | en.IRREGULAR_PARTICIPLES
"""Past forms and participles of English verbs that do not end in -ed."""
SAID_ENDINGS = en.SAID_ENDINGS
IDLE_WORDS = en.IDLE_WORDS
OUTCOME_MARKS = en.OUTCOME_MARKS | fr.OUTCOME_MARKS
IDENTITY_COPULAS = en.COPULAS | fr.COPULAS
FRENCH_ACCENTED = fr.ACCENTED
"""French words as written, for those read without their accents ("etaient": "étaient")."""
MEANING_WORDS = en.DEFINING | fr.DEFINING
"""Verbs asking what a name means ("what does MNLA stand for?"), not what it did."""
DEFINING_WORDS = IDENTITY_COPULAS | MEANING_WORDS
"""Words after a name that say what it is ("ALT stands for ...", "X is a ...")."""
GROUP_PRONOUNS = en.GROUP_PRONOUNS | fr.GROUP_PRONOUNS
PERSON_PRONOUNS = en.PERSON_PRONOUNS | fr.PERSON_PRONOUNS
SUBJECT_PRONOUNS = en.SUBJECT_PRONOUNS | fr.SUBJECT_PRONOUNS
PERSON_NOUNS = en.PERSON_NOUNS | fr.PERSON_NOUNS
RELATION_NOUNS = en.RELATION_NOUNS
"""(English only: the names a person's names make are put in English.)"""
DEFINITE_WORDS = en.DEFINITE_WORDS
"""(English only: read in the pack's answers, as `participle` is.)"""
COUNT_QUALIFIERS = en.COUNT_QUALIFIERS
THING_ASKING = en.THING_ASKING | fr.THING_ASKING
PARTITIVE_NOUNS = en.PARTITIVE_NOUNS | fr.PARTITIVE_NOUNS
PLACE_PRONOUNS = en.PLACE_PRONOUNS
THING_POSSESSIVES = en.THING_POSSESSIVES | fr.THING_POSSESSIVES
"""(French "sa", "ses" may be a person's too: they stand for a group or a place only when one
was named last.)"""
ROLE_NOUNS = en.LEADER_ROLES | en.PERSON_LABELS
"""Nouns for a role someone holds ("leader", "director"; French ones read as the same tokens)."""
RELATIVE_WORDS = en.RELATIVE_WORDS
RELATIVE_PRONOUNS = en.RELATIVE_PRONOUNS | fr.RELATIVE_PRONOUNS
DETERMINERS = en.DETERMINERS | fr.DETERMINERS
OWNER_WORDS = en.OWNER_WORDS | fr.OWNER_WORDS
participle = en.participle
"""Whether a word may be a past participle ("seized", "taken"): English's test."""
EXISTENTIAL_WORDS = en.EXISTENTIAL_WORDS | fr.EXISTENTIAL_WORDS
PRONOUNS = GROUP_PRONOUNS | PERSON_PRONOUNS
REFERRING = PRONOUNS | PLACE_PRONOUNS | THING_POSSESSIVES
"""Words that stand for someone or somewhere named before ("they", "it", "there", "its")."""
FOLLOW_UP_OPENERS = en.FOLLOW_UP_OPENERS | fr.FOLLOW_UP_OPENERS
OPENERS = FOLLOW_UP_OPENERS | en.OPENERS | fr.OPENERS
BETWEEN_WORDS = en.BETWEEN_WORDS | fr.BETWEEN_WORDS
AND_WORDS = en.AND_WORDS | fr.AND_WORDS
OR_WORDS = en.OR_WORDS | fr.OR_WORDS
OTHER_WORDS = en.OTHER_WORDS | fr.OTHER_WORDS
AFTER_WORDS = en.AFTER_WORDS | fr.AFTER_WORDS
AFTER_DAY_WORDS = en.AFTER_DAY_WORDS | fr.AFTER_DAY_WORDS
BEFORE_WORDS = en.BEFORE_WORDS | fr.BEFORE_WORDS
REPORTING = en.REPORTING + fr.REPORTING
LATER_WORDS = en.LATER_WORDS | fr.LATER_WORDS
SEQUEL_WORDS = AFTER_WORDS | LATER_WORDS
"""Words asking what came after something ("after", "later", "ensuite")."""
TIME_BOUND_WORDS = AFTER_WORDS | BEFORE_WORDS | LATER_WORDS | en.SPAN_WORDS | fr.SPAN_WORDS
"""Words by which a time bounds what is asked ("after April", "since April", "avant avril")
rather than saying when it happened."""
SOMEONE_WORDS = en.SOMEONE_WORDS | fr.SOMEONE_WORDS
ANY_WORDS = en.ANY_WORDS | fr.ANY_WORDS
PRESENT_WORDS = en.PRESENT_WORDS | fr.PRESENT_WORDS
COUNTING_WORDS = en.COUNTING_WORDS | fr.COUNTING_WORDS
AGENT_WORDS = en.AGENT_WORDS | fr.AGENT_WORDS
RECIPIENT_LEADS = en.RECIPIENT_LEADS | fr.RECIPIENT_LEADS
SOURCE_LEADS = en.SOURCE_LEADS | fr.SOURCE_LEADS
TAKING_WORDS = en.TAKING_WORDS | fr.TAKING_WORDS
OPPOSITES = en.OPPOSITES + fr.OPPOSITES
"""Deeds and their opposites, as pairs of words (see `en.OPPOSITES`)."""
UNDERGOING_WORDS = en.UNDERGOING_WORDS | fr.UNDERGOING_WORDS
NOT_RECIPIENT = en.NOT_RECIPIENT | fr.NOT_RECIPIENT
NAME_DESCRIPTORS = en.NAME_DESCRIPTORS | fr.NAME_DESCRIPTORS
SECTION_REQUEST_WORDS = en.SECTION_REQUEST_WORDS | fr.SECTION_REQUEST_WORDS
NEGATED = en.NEGATED
NEGATED_UNMARKED = en.NEGATED_UNMARKED
REASON_QUESTION_WORDS = en.REASON_QUESTION_WORDS
WHILE_WORDS = en.WHILE_WORDS | fr.WHILE_WORDS
OF_WORDS = en.OF_WORDS | fr.OF_WORDS
SETTLEMENT_NOUNS = en.SETTLEMENT_NOUNS
TIME_QUALIFIERS = en.TIME_QUALIFIERS | fr.TIME_QUALIFIERS
PLACE_LEADS = en.PLACE_LEADS | fr.PLACE_LEADS
ARTICLES = en.ARTICLES | fr.ARTICLES
PARTICLES = en.PARTICLES
PLAIN_CAPS = en.PLAIN_CAPS
SIDE_WORDS = en.SIDE_WORDS | fr.SIDE_WORDS
FORCE_WORDS = en.FORCE_WORDS | fr.FORCE_WORDS
BODY_NOUNS = en.BODY_NOUNS | fr.BODY_NOUNS
GROUP_NOUNS_LAST = en.GROUP_NOUNS
"""Nouns a group's name may end in, each for another of its tuple."""
GROUP_NOUNS_FIRST = fr.GROUP_NOUNS
"""Nouns a group's name may open with, each for another of its tuple."""
JOINING_QUESTION_WORDS = en.JOINING_QUESTION_WORDS | fr.JOINING_QUESTION_WORDS
EDGE_WHERE_WORDS = fr.EDGE_WHERE_WORDS
EDGE_WHERE_TAILS = fr.EDGE_WHERE_TAILS
OR_FOLLOWERS = fr.OR_FOLLOWERS
PLACE_PREPOSITIONS = en.PLACE_PREPOSITIONS
PLACING_WORDS = en.PLACING_WORDS | fr.PLACING_WORDS
PREPOSITIONS = en.PREPOSITIONS | fr.PREPOSITIONS
GENERIC = en.GENERIC
HAPPEN_WORDS = frozenset(en.HAPPEN_WORDS)
ASKING_WORDS = en.ASKING_WORDS
CLAIM_ASKS = en.CLAIM_ASKS | fr.CLAIM_ASKS
CLAIM_QUALIFIERS = (*en.CLAIM_QUALIFIERS, *fr.CLAIM_QUALIFIERS)
UNKNOWN = en.UNKNOWN
JOINING_WORDS = en.JOINING_WORDS
UNKNOWN_PHRASES = en.UNKNOWN_PHRASES
DISPUTING_WORDS = frozenset((*en.DISPUTING, "really"))
REPORTING_WORDS = en.REPORTED_MARKS | fr.REPORTED_MARKS
"""Words every "reported_by" pattern holds."""
HEDGE_WORDS = en.HEDGE_WORDS
STRENGTH_WORDS = en.STRENGTH_WORDS


def _number_words() -> dict[str, str]:
    words: dict[str, str] = {}
    for value, word in enumerate(en.NUMBER_UNITS):
        words[word] = str(value)
    for value, word in enumerate(en.NUMBER_TENS, start=2):
        words[word] = str(value * 10)
    for table in (en.NUMBER_SCALES, fr.NUMBER_UNITS, fr.NUMBER_TENS, fr.NUMBER_SCALES):
        words.update((word, str(value)) for word, value in table.items())
    words.update((wrong, words[right]) for wrong, right in en.NUMBER_MISSPELLINGS.items())
    for word in en.AMBIGUOUS_NUMBERS:
        words.pop(word, None)
    return words


NUMBER_WORDS = _number_words()
"""Number words folded to digits, so "fourteen" and "14" match and contradict alike. Words that
are also something else ("one", "un", "seize", "neuf", "sept") are left alone."""

NUMBER_SCALE_WORDS = frozenset((*en.NUMBER_SCALES, *fr.NUMBER_SCALES))
"""Number words that scale the one before ("two thousand"); alone ("several thousand") they
give no exact count."""

_TENS = {w: int(d) for w, d in NUMBER_WORDS.items() if d.endswith("0") and len(d) == 2}
_UNITS = {w: int(d) for w, d in NUMBER_WORDS.items() if len(d) == 1 and d != "0"}
_UNITS.update({"one": 1, "un": 1, "sept": 7, "neuf": 9})
_TENS_WORDS, _UNIT_WORDS = "|".join(sorted(_TENS)), "|".join(sorted(_UNITS))
_COMPOUND = re.compile(rf"\b({_TENS_WORDS})-(?:et-)?({_UNIT_WORDS})\b")


NUMBER_PATTERN = "|".join(
    [
        r"\d+",
        rf"(?:{_TENS_WORDS})-(?:et-)?(?:{_UNIT_WORDS})",
        *sorted({*NUMBER_WORDS, *_UNITS}, key=len, reverse=True),
    ]
)
"""A regex of any number: digits, a number word, a hyphenated one ("twenty-three")."""


_TEENS = {w: int(d) for w, d in NUMBER_WORDS.items() if 10 <= int(d) <= 19}
_THOUSAND = frozenset(w for w, value in (*en.NUMBER_SCALES.items(), *fr.NUMBER_SCALES.items())
                      if value == 1000)  # fmt: skip
SPOKEN_NUMBER_MARKS = frozenset(w for w, value in _TENS.items() if value >= 20) | _THOUSAND
"""Words that may open a number said in several words ("twenty three", "two thousand")."""


def join_spoken_numbers(words: list[str]) -> list[str]:
    """Return the words with numbers said in several words as digits: "twenty three" is 23,
    "twenty thirteen" and "two thousand (and) thirteen" the year 2013."""
    joined: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        following = words[position + 1] if position + 1 < len(words) else ""
        tens = _TENS.get(word, 0)
        if tens >= 20 and following in _UNITS:
            joined.append(str(tens + _UNITS[following]))
            position += 2
        elif tens >= 20 and following in _TEENS:
            joined.append(str(tens * 100 + _TEENS[following]))  # ("twenty thirteen": a year)
            position += 2
        elif following in _THOUSAND and word in _UNITS:
            # ... and what follows it, past an "and": "two thousand (and) thirteen".
            after = position + 2
            if words[after : after + 1] in (["and"], ["et"]):
                after += 1
            within = (
                _TEENS.get(words[after], _UNITS.get(words[after], 0)) if after < len(words) else 0
            )
            joined.append(str(_UNITS[word] * 1000 + within))
            position = after + 1 if within else position + 2
        else:
            joined.append(word)
            position += 1
    return joined


def join_compound_numbers(text: str) -> str:
    """Write hyphenated numbers as digits: "twenty-three" and "vingt-trois" are 23."""
    return _COMPOUND.sub(lambda m: str(_TENS[m[1]] + _UNITS[m[2]]), text)


def like_num(word: str) -> bool:
    """Return whether a word is a number: digits, or a number word of either language."""
    return (
        word.replace(",", "").replace(".", "").isdigit()
        or word in NUMBER_WORDS
        or (_COMPOUND.fullmatch(word) is not None)
    )


MONTH_FORMS = {
    **{m: m for m in en.MONTHS},
    **dict(zip(fr.MONTHS, en.MONTHS, strict=True)),
    **{m[:3]: m for m in en.MONTHS if m[:3] not in en.MONTH_ABBREVIATIONS_KEPT_APART},
}
"""Each way of writing a month (English, French, "feb"), to the English name it is matched as."""
MONTHS = frozenset(MONTH_FORMS)


def is_figure(token: str) -> bool:
    """Return whether a token is a date's or a count's: a month or a number."""
    return token in MONTHS or token.isdigit()


MONTHS_AS_WORDS = en.MONTHS_AS_WORDS
ORDINALS = {**en.ORDINALS, **fr.ORDINALS}
"""Ordinal words of either language, to the day they give beside a month's name."""
_ORDINAL_ENDINGS = sorted({*en.ORDINAL_ENDINGS, *fr.ORDINAL_ENDINGS}, key=len, reverse=True)
ORDINAL_DIGITS = re.compile(rf"(\d{{1,2}})(?:{'|'.join(_ORDINAL_ENDINGS)})")
"""A day written in digits with an ordinal's ending ("5th", "1er"); matched whole."""
TENS = dict(_TENS)
"""Tens words of either language, to their value ("twenty": 20)."""
MONTH_NUMBERS = {m: n for n, m in enumerate(en.MONTHS, start=1)}
"""Each English month's number in the year, to put dates in order."""
MONTH_NAMES = tuple(m.capitalize() for m in en.MONTHS)
"""The months as written in an English text."""
FRENCH_MONTHS = tuple(fr.MONTHS)
"""The months as a French text names them (unaccented), in the year's order."""
LAST_DAY = 31
"""The last day a month may have."""


def _synonyms() -> dict[str, str]:
    table: dict[str, str] = {}
    for language in (en.SYNONYMS, fr.SYNONYMS):
        for canonical, words in language.items():
            for word in words:
                table.setdefault(word, canonical)
    return table


SYNONYMS: Mapping[str, str] = _synonyms()
"""Each word, English or French, to the English word it is matched as."""

ELIDED_IDIOMS = tuple((re.compile(p), meaning, marks) for p, meaning, marks in fr.IDIOMS)
"""(regex, meaning, marks): idioms read before elided letters ("qu'", "l'") are dropped."""
IDIOMS = tuple((re.compile(p), meaning, marks) for p, meaning, marks in en.IDIOMS)
"""(regex, meaning, marks): phrases whose words mislead one by one, see `en.IDIOMS`."""


def pattern(name: str, **words: str) -> str:
    """Return a phrase pattern of both languages, with the pack's words filled in."""
    parts = [language.PATTERNS[name] for language in (en, fr) if name in language.PATTERNS]
    if not parts:
        # (An empty pattern would match every message.)
        raise KeyError(f"no language has a pattern named {name!r}")
    return "|".join(part.format(**words) if words else part for part in parts)


def attribute_patterns(**words: str) -> dict[str, str]:
    """Return what each attribute is asked with in both languages, the pack's words filled in."""
    joined: dict[str, str] = {}
    for language in (en, fr):
        for name, alternatives in language.ATTRIBUTES.items():
            filled = alternatives.format(**words)
            joined[name] = f"{joined[name]}|{filled}" if name in joined else filled
    return joined


GREETINGS = en.GREETINGS | fr.GREETINGS
THANKS = en.THANKS | fr.THANKS
FAREWELLS = en.FAREWELLS | fr.FAREWELLS
FOLLOW_UP_WORDS = en.FOLLOW_UP_WORDS | fr.FOLLOW_UP_WORDS
FRENCH_INVERSION = fr.INVERSION
ACKNOWLEDGEMENTS = en.ACKNOWLEDGEMENTS | fr.ACKNOWLEDGEMENTS
_COURTESY_PHRASES = en.COURTESY_PHRASES | fr.COURTESY_PHRASES
_FILLER = en.GREETING_FILLER | fr.GREETING_FILLER
_COURTESY = GREETINGS | THANKS | FAREWELLS | ACKNOWLEDGEMENTS
_COURTESY_OR_FILLER = _COURTESY | _FILLER
_WORDS = re.compile(r"[a-z]+")
_FRENCH_ONLY = (
    fr.STOP_WORDS
    | fr.CHAT_WORDS
    | fr.QUESTION_WORDS
    | fr.GREETINGS
    | fr.THANKS
    | fr.FAREWELLS
    | fr.ACKNOWLEDGEMENTS
) - (
    en.STOP_WORDS
    | en.QUESTION_WORDS
    | en.GREETINGS
    | en.THANKS
    | en.FAREWELLS
    | en.ACKNOWLEDGEMENTS
)
_ENGLISH_ONLY = (
    en.STOP_WORDS | en.QUESTION_WORDS | en.GREETINGS | en.THANKS | en.FAREWELLS | en.AUXILIARIES
) - (fr.STOP_WORDS | fr.QUESTION_WORDS | fr.GREETINGS | fr.THANKS | fr.FAREWELLS | {"ok"})
# ("ok" is said in both: "ok merci" is French.)


_ELISION = re.compile(rf"(?<![a-z'])(?:{'|'.join(fr.ELIDED)})'[a-z]")
"""An elided French word before the next: "l'article", "qu'est", "d'In Khalil"."""


def language_of(folded: str, words: list[str] | None = None) -> str:
    """Return "fr" when a lowercase, accent-folded text (or its `words_of`) reads as French,
    else "en". A message of one letter alone tells no language ("y" may be a chat "why"); an
    elided word tells French ("résume l'article")."""
    if words is None:
        words = words_of(folded)
    elided = "'" in folded and _ELISION.search(folded) is not None
    if (_FRENCH_ONLY.isdisjoint(words) and not elided) or (len(words) == 1 and len(words[0]) == 1):
        return "en"
    french = sum(len(w) > 1 and w in _FRENCH_ONLY for w in words) + elided
    if french:
        # (A French word of one letter, "y" or "a", counts only beside longer ones: alone it
        # may be a chat "why".)
        french += sum(len(w) == 1 and w in _FRENCH_ONLY for w in words)
    # (Beside an elision, a word of one letter is the elided one: the "d" of "d'accord".)
    english = sum(w in _ENGLISH_ONLY and not (elided and len(w) == 1) for w in words)
    return "fr" if french > english else "en"


def words_of(folded: str) -> list[str]:
    """Return the words of a lowercase, accent-folded text."""
    return _WORDS.findall(folded)


_GREETING_LEAD = GREETINGS | en.GREETING_ADDRESS | fr.GREETING_ADDRESS
"""Words a greeting before a question may hold ("hello there, ...", "salut le bot, ...")."""
_ABOUT_THE_BOT = re.compile(rf"^(?:{pattern('about_the_bot')})$")
_LANGUAGE_REQUEST = re.compile(rf"^(?:{pattern('language_request')})$")
_LANGUAGE_NAMED = {"french": "fr", "francais": "fr", "english": "en", "anglais": "en"}


def requested_language(words: list[str]) -> str | None:
    """Return the language a message asks to be answered in and asks nothing else ("in French
    please" -> "fr", "en anglais svp" -> "en"), else None."""
    if len(words) > 6 or _LANGUAGE_NAMED.keys().isdisjoint(words):
        return None
    found = _LANGUAGE_REQUEST.match(" ".join(words))
    if found is None:
        return None
    return _LANGUAGE_NAMED[next(g for g in found.groups() if g)]


_COURTESY_PHRASE = re.compile(
    rf"\b(?:{'|'.join(sorted(_COURTESY_PHRASES, key=len, reverse=True))})\b"
)
_COURTESY_WORDS = 8
"""Words a message of courtesy holds at most ("thank you so much, that was really helpful")."""
_COURTESY_MAY_HOLD = (
    _COURTESY_OR_FILLER
    | {word for phrase in _COURTESY_PHRASES for word in phrase.split()}
    | set(re.findall(r"[a-z]+", pattern("about_the_bot")))
)
"""Every word a message of courtesy may hold: a message with any other is none (a look that
spares most questions the rest)."""


_CREATIVE = re.compile(pattern("creative"))


def asks_to_make(folded: str) -> bool:
    """Return whether a lowercase, accent-folded message asks for something to be made, not
    told: a poem, a song, a story, a joke ("write me a poem about the desert", "écris-moi une
    chanson"), and asks no question before ("who won? and write me a song about it" asks one)."""
    found = _CREATIVE.search(folded)
    return found is not None and QUESTION_WORDS.isdisjoint(words_of(folded[: found.start()]))


def courtesy(folded: str, words: list[str] | None = None) -> str | None:
    """Return "greeting", "thanks", "farewell" or "acknowledgement" when a lowercase,
    accent-folded message (or its `words_of`) is only that, or "about" when it asks only what
    the bot is or does ("are you a bot?", "what can you do?"). An acknowledgement holding a
    question word is a question ("ok so how?")."""
    if words is None:
        words = words_of(folded)
    if not words or len(words) > _COURTESY_WORDS or not _COURTESY_MAY_HOLD.issuperset(words):
        return None
    said = " ".join(words)
    if _ABOUT_THE_BOT.match(said):
        return "about"
    asked = list(dropwhile(_GREETING_LEAD.__contains__, words))
    if asked and len(asked) < len(words) and _ABOUT_THE_BOT.match(" ".join(asked)):
        # "Hi, can you speak French?": greeted, then asked what the bot is.
        return "about"
    if _COURTESY_PHRASE.search(said):
        # "ok, see you": each phrase read as the word that says it.
        words = _COURTESY_PHRASE.sub(lambda m: _COURTESY_PHRASES[m[0]], said).split()
    if not _COURTESY_OR_FILLER.issuperset(words):
        return None
    kinds = {
        "thanks"
        if w in THANKS
        else "farewell"
        if w in FAREWELLS
        else "acknowledgement"
        if w in ACKNOWLEDGEMENTS
        else "greeting"
        for w in words
        if w in _COURTESY
    }
    if kinds == {"acknowledgement"} and not QUESTION_WORDS.isdisjoint(words):
        return None
    # ("thanks, bye": the leave-taking is what is answered.)
    order = ("farewell", "thanks", "greeting", "acknowledgement")
    return next((kind for kind in order if kind in kinds), None)


SHORT_WORDS = en.SHORT_WORDS
CHAT_SPELLINGS = en.CHAT_SPELLINGS | fr.CHAT_SPELLINGS
FRENCH_CHAT_SPELLINGS = fr.CHAT_SPELLINGS_IN_FRENCH
ELIDED = fr.ELIDED
FRENCH_INFLECTIONS = fr.INFLECTIONS
FRENCH_BASE_ENDINGS = fr.BASE_ENDINGS
FRENCH_BASE_LETTERS = fr.BASE_LETTERS
FUNCTION_WORDS = (
    QUESTION_WORDS | BETWEEN_WORDS | AND_WORDS | OTHER_WORDS | AFTER_WORDS | BEFORE_WORDS
)
"""Words that join or ask rather than tell: no inflected word is read as one of them."""
CONTRACTIONS = en.CONTRACTIONS
HOMOPHONES = en.HOMOPHONES
