"""Normalise text: the first stage, shared by questions, phrasings and article sentences."""

from __future__ import annotations

import re
import unicodedata

from bot.lang import (
    CHAT_SPELLINGS,
    CONTRACTIONS,
    ELIDED_IDIOMS,
    IDIOMS,
    MONTH_FORMS,
    MONTH_NUMBERS,
    MONTHS,
    NUMBER_WORDS,
    STOPWORDS,
    join_compound_numbers,
)

__all__ = [
    "MONTHS",
    "MONTH_FORMS",
    "MONTH_NUMBERS",
    "NUMBER_WORDS",
    "STOPWORDS",
    "fold",
    "normalize",
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
_ELISION = re.compile(r"\b(?:l|d|qu|s|n|j|c|m|t|jusqu|lorsqu|puisqu)'(?=\w)")
_NON_WORD = re.compile(r"[^a-z0-9]+")
_CHAT_WORDS = frozenset(CHAT_SPELLINGS)
_IDIOM_MARKS = tuple((mark, n) for n, (_, _, marks) in enumerate(IDIOMS) for mark in marks)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})


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


def _idioms(text: str, idioms: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]) -> str:
    for idiom, meaning, marks in idioms:
        for mark in marks:
            if mark in text:
                text = idiom.sub(meaning, text)
                break
    return text


def _english_idioms(text: str) -> str:
    # Most questions hold no idiom's mark: one pass over the marks tells.
    found = {number for mark, number in _IDIOM_MARKS if mark in text}
    for number in sorted(found):
        idiom, meaning, _ = IDIOMS[number]
        text = idiom.sub(meaning, text)
    return text


def normalize(text: str) -> str:
    """Return the question as lowercase words: no accents, punctuation, commands or mentions."""
    # Each pass runs only when its mark is there: most questions need none of them.
    if "<" in text or "[" in text:
        text = _MARKUP.sub(" ", text)
    if "#" in text:
        text = _HASHTAG.sub(" ", text)
    text = fold(text)
    text = strip_address(text)
    # (French idioms are read before elided letters go; each runs only when its mark is there.)
    text = _idioms(text, ELIDED_IDIOMS)
    if "'" in text:
        if "n't" in text:
            text = _CONTRACTED.sub(lambda m: CONTRACTIONS[m[0]], text)
        text = _ELISION.sub("", _POSSESSIVE.sub(r"\1", text).replace("n't", " not"))
    text = _english_idioms(text)
    if "-" in text:
        # Join numbers written with hyphens ("twenty-three") before punctuation goes.
        text = join_compound_numbers(text)
    words = _NON_WORD.sub(" ", text).split()
    if not _CHAT_WORDS.isdisjoint(words):
        words = [CHAT_SPELLINGS.get(word, word) for word in words]
    return " ".join(words)
