"""Normalise text: the first stage, shared by questions, phrasings and article sentences."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import OSA

from bot.lang import (
    AFTER_DAY_WORDS,
    ARTICLES,
    AUXILIARIES,
    CHAT_SPELLINGS,
    CONTRACTIONS,
    ELIDED,
    ELIDED_IDIOMS,
    FRENCH_CHAT_SPELLINGS,
    IDIOMS,
    LAST_DAY,
    MONTH_FORMS,
    MONTH_NUMBERS,
    MONTHS,
    NUMBER_WORDS,
    OF_WORDS,
    ORDINAL_DIGITS,
    ORDINALS,
    QUESTION_WORDS,
    SPOKEN_NUMBER_MARKS,
    STOPWORDS,
    TENS,
    join_compound_numbers,
    join_spoken_numbers,
    language_of,
    pattern,
    words_of,
)

__all__ = [
    "MONTHS",
    "MONTH_FORMS",
    "MONTH_NUMBERS",
    "NUMBER_WORDS",
    "STOPWORDS",
    "fold",
    "normalize",
    "printable",
    "strip_address",
]

# A command or mention addressed to the bot: "/ask", "/ask@SomeBot", "@SomeBot", "@SomeBot:".
_ADDRESS = re.compile(r"(?:^|\s)(?:/[a-z_]+(?:@\w+)?|@\w+)(?=[\s,:;.!?]|$)[,:;]?")
# A bot called by its name before the question: "SomeBot, who won?", "bot: who won?".
_VOCATIVE = re.compile(r"^\s*\w*bot\s*[,:]", re.IGNORECASE)
_MARKUP = re.compile(
    r"<(script|style)\b[^<>]{0,60}>.{0,200}?</\1>|</?[a-z][^<>]{0,60}>|\[/?[a-z]{1,10}\]",
    re.IGNORECASE | re.DOTALL,
)
# Hashtags tag a message ("#mali #ber"); they ask nothing.
_HASHTAG = re.compile(r"(?:^|\s)#\w+")
_POSSESSIVE = re.compile(r"(\w)'s\b")
_CONTRACTED = re.compile(r"\b(?:" + "|".join(map(re.escape, CONTRACTIONS)) + r")\b")
_ELIDING = (*ELIDED, "jusqu", "lorsqu", "puisqu")
"""French words that drop their last letter before a vowel, an apostrophe after them."""
_ELISION = re.compile(rf"\b(?:{'|'.join(_ELIDING)})'(?=\w)")
# (Typed with a space for the apostrophe; not "t": "a t il" is "a-t-il", "t es" is read as is.)
_SPACED_ELIDED = frozenset(_ELIDING) - {"t"}
_SPACED_ELISION = re.compile(rf"(?<![\w'-])({'|'.join(sorted(_SPACED_ELIDED))}) (?=[aeiouyh])")
# (Folded text is lowercase ASCII: every character but a letter or a digit parts words.)
_WORD = re.compile(r"[a-z0-9]+")
_CHAT_WORDS = frozenset(CHAT_SPELLINGS)
_FRENCH_CHAT_WORDS = frozenset(FRENCH_CHAT_SPELLINGS)
# Letters spelled out, as dictation and some typists write a name's initials: "m.n.l.a",
# "M.A.A.", "M A A" (capitals only, three or more: "il Y A" is no name).
_SPELLED = re.compile(r"\b[A-Za-z](?:\.[A-Za-z])+\.?(?!\w)|\b[A-Z](?: [A-Z]){2,}\b")
# (Quicker looks for either form, which most questions do not hold.)
_SPELLED_MARK = re.compile(r"[A-Z] [A-Z] [A-Z]")
_DOTTED_MARK = re.compile(r"\b[A-Za-z]\.[A-Za-z]\b")
_ORDINAL_WORDS = frozenset(ORDINALS)
_DIGIT_THEN_LETTER = re.compile(r"\d[a-z]")
_DAY_REACH = 2
"""Words between an ordinal and the month's name it gives the day of ("the fifth of May")."""
_DAY = re.compile(r"\d{1,2}")
_MISTYPED_MONTH_LEAST = 4
"""The fewest letters of a mistyped month's name: "mia", "ma" are too often words of their own
or slips of other words."""
_SLIPPED_MONTH_LEAST = 5
"""The fewest letters of a month's name read through a slip: one letter off "mars", "june" or
"may" is too often a word of the pack's or a rare one ("maas", "mans", "jude")."""
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})


_TERMINAL_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
"""A terminal escape sequence (ECMA-48: a control sequence, or an escape and one character)."""
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Return text without its control characters (C0 and C1; tabs and line breaks kept): echoed
    as typed, an escape sequence would act on the terminal it is read in."""
    if "\x1b" in text:
        text = _TERMINAL_ESCAPE.sub("", text)
    return _CONTROL.sub("", text)


def fold(text: str) -> str:
    """Lowercase, strip accents and control characters, unify apostrophes; keep only ASCII."""
    # Matching works on ASCII words: decomposing and dropping the rest removes accents, control
    # characters, emoji and scripts the pack has no words in, all at C speed.
    if text.isascii() and "`" not in text:
        return text.lower()
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return text.encode("ascii", "ignore").decode("ascii").lower()


def strip_address(text: str) -> str:
    """Remove a leading /ask (or /ask@Bot), @mentions of the bot and a bot called by its name
    ("SomeBot, ...") from a question."""
    # (Most questions hold no mark of either: the regexes need not run.)
    if "/" in text or "@" in text:
        text = _ADDRESS.sub(" ", text)
    if "bot" in text[:40].lower():
        text = _VOCATIVE.sub(" ", text, count=1)
    return text.strip()


def _marked(
    idioms: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...],
) -> dict[str, tuple[int, ...]]:
    """Return, for each word that marks an idiom, the idioms it marks."""
    marked: dict[str, tuple[int, ...]] = {}
    for number, (_, _, marks) in enumerate(idioms):
        for mark in marks:
            marked[mark] = (*marked.get(mark, ()), number)
    return marked


_ENGLISH_MARKS = _marked(IDIOMS)
_ELIDED_MARKS = _marked(ELIDED_IDIOMS)


def _idioms(
    text: str,
    words: set[str],
    idioms: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...],
    marked: dict[str, tuple[int, ...]],
) -> str:
    """Read the idioms whose marks are among the text's words."""
    # Most questions hold no idiom's mark: one look at their words tells.
    if marked.keys().isdisjoint(words):
        return text
    hits = marked.keys() & words
    for number in sorted({number for word in hits for number in marked[word]}):
        idiom, meaning, _ = idioms[number]
        text = idiom.sub(meaning, text)
    return text


def _spelled_out(match: re.Match[str]) -> str:
    return match[0].replace(".", "").replace(" ", "")


def _days(words: list[str]) -> list[str]:
    """Return the words with each day of a date written as digits: "may fifth", "the twenty
    first of april", "May 5th", "le 1er mai" (only beside a month's name: "who attacked
    first?", "the 2nd battle" keep theirs)."""
    days: list[str] = []
    for position, word in enumerate(words):
        around = words[max(0, position - _DAY_REACH) : position + _DAY_REACH + 1]
        if MONTHS.isdisjoint(around):
            days.append(word)
            continue
        found = ORDINAL_DIGITS.fullmatch(word)
        if found is not None:
            days.append(found[1])
            continue
        day = ORDINALS.get(word)
        if day is None:
            days.append(word)
            continue
        if days and TENS.get(days[-1], 0) >= 20 and day < 10:
            day += TENS[days.pop()]  # ("twenty first")
        days.append(str(day))
    return days


def _month_meant(word: str) -> str | None:
    """Return the month's full name of five letters or more a word is one letter off (a letter
    left out, added or changed, or two swapped), when it is no word of its own and no slip of
    two months ("mays": "may" or "mars"?); else None."""
    meant = {name for name in MONTH_FORMS if OSA.distance(word, name, score_cutoff=1) == 1}
    if len({MONTH_FORMS[name] for name in meant}) != 1:
        return None
    from bot.lang.words import real_words  # (only for a word a slip from a month beside a day)

    name = max(meant, key=len)
    return name if len(name) >= _SLIPPED_MONTH_LEAST and word not in real_words() else None


def _months_spelled(words: list[str]) -> list[str]:
    """Return the words with a month's name mistyped beside a day in digits spelled right:
    "le 21 avrill", "aprill 21st" (see `_month_meant`)."""
    spelled = words
    for position, word in enumerate(words):
        if len(word) < _MISTYPED_MONTH_LEAST or word in MONTHS or not word.isalpha():
            continue
        beside = words[max(0, position - 1) : position] + words[position + 1 : position + 2]
        if not any(_DAY.fullmatch(w) or ORDINAL_DIGITS.fullmatch(w) for w in beside):
            continue
        month = _month_meant(word)
        if month is not None:
            spelled = [*spelled[:position], month, *spelled[position + 1 :]]
    return spelled


def after_day(words: list[str]) -> tuple[tuple[int, int], list[str]] | None:
    """Return the day a question's normalised words ask of what came after ("what happened
    after May 16?", "que s'est-il passé après le 16 mai ?", "after the 16th of May"), as
    (month, day), with the words giving it; None if it asks after no day."""
    if AFTER_DAY_WORDS.isdisjoint(words):
        return None
    for position, word in enumerate(words):
        if word not in AFTER_DAY_WORDS:
            continue
        following = [
            w for w in words[position + 1 : position + 5] if w not in ARTICLES and w not in OF_WORDS
        ][:2]
        months = [MONTH_FORMS[w] for w in following if w in MONTH_FORMS]
        # (Normalising wrote a day's ordinal as its digits: "the 16th", "le 1er".)
        days = [int(w) for w in following if w.isdigit()]
        if months and days and 1 <= days[0] <= LAST_DAY:
            return (MONTH_NUMBERS[months[0]], days[0]), following
    return None


def normalize(text: str) -> str:
    """Return the question as lowercase words: no accents, punctuation, commands or mentions."""
    # Each pass runs only when its mark is there: most questions need none of them.
    if "\x1b" in text:
        # (A terminal's colours typed or pasted with a question: "\x1b[31mwho won?\x1b[0m".)
        text = _TERMINAL_ESCAPE.sub(" ", text)
    if "<" in text or "[" in text:
        text = _MARKUP.sub(" ", text)
    if ("." in text and _DOTTED_MARK.search(text)) or _SPELLED_MARK.search(text):
        text = _SPELLED.sub(_spelled_out, text)
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
    text = fold(text)
    if "  " in text or "\n" in text or "\t" in text:
        # Idioms are written with single spaces: "made  up\nof" is "made up of".
        text = " ".join(text.split())
    text = strip_address(text)
    # (French idioms are read before elided letters go; each runs only when its mark is there.)
    kept = _WORD.findall(text)
    words = set(kept)
    if (
        not _SPACED_ELIDED.isdisjoint(words)
        and _SPACED_ELISION.search(text)
        and language_of(text, kept) == "fr"
    ):
        # An apostrophe typed as a space: "qu ont-ils gardé ?", "le MAA c est qui ?" (in a
        # message that reads as French: "l armée" alone is left as typed).
        text = _SPACED_ELISION.sub(r"\1'", text)
        kept = _WORD.findall(text)
        words = set(kept)
    read = _idioms(text, words, ELIDED_IDIOMS, _ELIDED_MARKS)
    if "'" in read:
        if "n't" in read:
            read = _CONTRACTED.sub(lambda m: CONTRACTIONS[m[0]], read)
        read = _ELISION.sub("", _POSSESSIVE.sub(r"\1", read).replace("n't", " not"))
    if read is not text:
        # (The words have changed: read them again.)
        kept = _WORD.findall(read)
        text, words = read, set(kept)
    read = _idioms(text, words, IDIOMS, _ENGLISH_MARKS)
    if "-" in read:
        # Join numbers written with hyphens ("twenty-three") before punctuation goes.
        read = join_compound_numbers(read)
    if read is not text:
        kept = _WORD.findall(read)
        text = read
    if not SPOKEN_NUMBER_MARKS.isdisjoint(kept):
        kept = join_spoken_numbers(kept)
    if _DAY.search(text) and MONTHS.isdisjoint(kept):
        kept = _months_spelled(kept)
    if not MONTHS.isdisjoint(kept) and (
        not _ORDINAL_WORDS.isdisjoint(kept) or _DIGIT_THEN_LETTER.search(text)
    ):
        kept = _days(kept)
    if not _CHAT_WORDS.isdisjoint(kept):
        kept = [CHAT_SPELLINGS.get(word, word) for word in kept]
    if not _FRENCH_CHAT_WORDS.isdisjoint(kept) and language_of(text, kept) == "fr":
        kept = [FRENCH_CHAT_SPELLINGS.get(word, word) for word in kept]
    return " ".join(kept)


_AND_ASKING = re.compile(pattern("and_asking"), re.IGNORECASE)
# What a message asks up to each question mark, and where a sentence within it begins.
_ASKED = re.compile(r"[^?？]+[?？]+|[^?？]*\S[^?？]*$")
_NEXT_SENTENCE = re.compile(r"[.!]+\s+(?=[A-Z«\"'])")
_QUESTION_OPENING = re.compile(pattern("question_opening"))


def asked_parts(text: str) -> list[str]:
    """Return the questions a message asks one after the other, in its order ("when did they
    leave? and what did they keep?", "who died, and how many were hurt?"): what ends with a
    question mark, from the last sentence before it ("I read it. Who won?"), each split where
    "and", a comma or a semicolon opens another question (not after a single word: "Where,
    when and why ...?" asks one), and each a question from its first word ("I know they left
    and what did they keep?" asks one). One part (the whole text) for most; at most
    `MAX_PARTS`."""
    if text.count("?") + text.count("？") < 2 and _AND_ASKING.search(text) is None:
        return [text]
    parts: list[str] = []
    for asked in _ASKED.findall(text):
        # (Not split at every full stop: "Apr. 21", "the M.A.A." end no sentence.)
        sentence = _NEXT_SENTENCE.split(asked)[-1]
        first, *more = _AND_ASKING.split(sentence)
        if any(len(part.split()) == 1 for part in [first, *more][:-1]):
            # ("Where, when and why did they attack?" asks one question.)
            first, more = sentence, []
        parts += [first] if opens_question(first.replace("?", " ").replace("？", " ")) else []
        parts += [p for p in more if p.strip(" ?？.!,")]
    return parts[:MAX_PARTS] if len(parts) > 1 else [text]


MAX_PARTS = 4
"""The questions of one message answered at most: an answer each, with their sentences, fits in
one Telegram message."""


def opens_question(clause: str) -> bool:
    """Return whether a clause starts the way a question does ("who...", "did...", "what's",
    "qu'a-t-il dit...")."""
    folded = fold(clause[:40]).lstrip()
    first = words_of(folded)[:1]
    return bool(first) and (
        first[0] in QUESTION_WORDS
        or first[0] in AUXILIARIES
        or _QUESTION_OPENING.match(folded) is not None
    )
