"""The words of each language that are words in their own right: a typo is never corrected into
another word, nor split in two, when it is one of them ("last" is not "lost", "because" is not
"be cause").

The lists are data, built once from wordfreq's frequency lists (`python -m bot.lang.words`, with
the `words` extra installed) and shipped in `bot/lang/data/`: the bot reads them, and never
imports wordfreq. A word is left out of a list when a word one slip away is far more common:
"wich" and "teh" are typos of "which" and "the", not words.

Beside them, the lists of languages the bot does not read (`UNREAD`): a message in Spanish or
German is told which languages the bot reads, not that the article lacks what it asks.
"""

from __future__ import annotations

import re
import sys
from array import array
from bisect import bisect_left
from functools import cache
from pathlib import Path

from bot.text import fold

DATA = Path(__file__).parent / "data"
LANGUAGES = {"en": 30_000, "fr": 20_000}
"""Each language, and how many of its most used words its list starts from."""
TYPO_GAP = 1.5
"""A word is taken for a typo of one a slip away used this much more often (on wordfreq's
Zipf scale, a factor of ten per unit)."""


UNREAD = {
    language: 10_000
    for language in ("es", "de", "it", "pt", "nl", "pl", "tr", "ro", "fi", "nb", "sv", "da", "cs")
}
"""Each language the bot does not read, and how many of its most used words its list starts
from: each list keeps those of three letters or more that are none of the first `READ_ONLY`
words of a language the bot reads ("quien", "viele", but not "de", "die", "con", "per")."""
READ_ONLY = 20_000
UNREAD_LEAST = 2
"""How many words of one unread language a message needs to read as written in it (besides
holding no more words of the languages the bot reads): "quien gano" is Spanish, "paella" is
not."""

COMMON = 10_000
"""How many of a language's most used words are common: too common to tell what a text is about
("old" in "the Old Quay", "son" in "the marabout's son")."""


@cache
def real_words() -> frozenset[str]:
    """Return the words of every language's list, folded as questions are."""
    return frozenset(word for language in LANGUAGES for word in _listed(language))


def language_words(language: str) -> frozenset[str]:
    """Return the words of one language's list, folded as questions are. (Not kept: the
    English one, some two megabytes, is asked for once, to tell the French words apart.)"""
    return frozenset(_listed(language))


@cache
def common_words() -> frozenset[str]:
    """Return every language's most used words (the first COMMON of its list), folded."""
    return frozenset(word for language in LANGUAGES for word in _listed(language)[:COMMON])


def unread(text: str, known: frozenset[str] | set[str] = frozenset()) -> bool:
    """Return whether a text (as typed: not normalised, which reads the German "wer" as
    "were") reads as a language the bot does not read: at least `UNREAD_LEAST` signs of one
    such language (a word each: one of its list or written with a letter English and French
    never write; and a "¿" or "¡"), and no fewer than words of the languages it reads.
    `known`: words that count as read whatever their language (a pack's own, "Tessalit",
    "Ramadane")."""
    read = real_words()
    marked = 0
    foreign: list[str] = []
    reading = 0
    for word in _WORD.findall(text.casefold()):
        folded = fold(word)
        if folded in known:
            continue
        # (Words of two letters are read in too many languages to tell one: "de", "la", "en".)
        is_read = len(folded) > 2 and folded in read
        reading += is_read
        if not _UNREAD_LETTERS.isdisjoint(word):
            marked += 1
        elif len(folded) > 2 and not is_read:
            foreign.append(folded)
    inverted = "¿" in text or "¡" in text
    if marked + len(foreign) + inverted < UNREAD_LEAST:
        return False
    most = max(sum(_unread_word(w, language) for w in foreign) for language in UNREAD)
    signs = most + marked + inverted
    return signs >= UNREAD_LEAST and signs >= reading


_WORD = re.compile(r"[^\W\d_]+")
_UNREAD_LETTERS = frozenset("ñßąęłśźżćńşğıășțőűãõåøæěřůčšžýđ")
"""Letters of languages the bot does not read that English and French never write (French
writes "ç", "œ" and accents on vowels)."""


def _unread_word(word: str, language: str) -> bool:
    """Return whether a folded word is on an unread language's list."""
    hashes, hashed = _unread_hashes(language), hash(word)
    at = bisect_left(hashes, hashed)
    return at < len(hashes) and hashes[at] == hashed


@cache
def _unread_hashes(language: str) -> array[int]:
    """Return the hashes of one unread language's words, sorted: the lists hold some hundred
    thousand words, which as strings would take a dozen megabytes to tell a language."""
    with (DATA / f"unread_{language}.txt").open(encoding="utf-8") as lines:
        return array("q", sorted(hash(line.strip()) for line in lines))


@cache
def _listed(language: str) -> tuple[str, ...]:
    """Return one language's list, most used first."""
    return tuple((DATA / f"words_{language}.txt").read_text(encoding="utf-8").split())


def build(language: str, size: int) -> list[str]:
    """Return the list of a language's real words, most used first (needs wordfreq)."""
    import wordfreq  # a build-time dependency only: the `words` extra
    from rapidfuzz.distance import OSA

    zipf: dict[str, float] = {}
    for word in wordfreq.top_n_list(language, size):
        folded = fold(word)
        if folded.isalpha() and folded not in zipf:
            zipf[folded] = wordfreq.zipf_frequency(word, language)
    # Words one slip apart share a key: themselves or themselves less one letter.
    by_key: dict[str, list[str]] = {}
    for word in zipf:
        for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
            by_key.setdefault(key, []).append(word)
    kept = []
    for word, frequency in zipf.items():
        near = {
            other
            for key in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}
            for other in by_key.get(key, ())
        }
        # (Typos keep their first letter: "bother" is no typo of "other".)
        if not any(
            zipf[other] >= frequency + TYPO_GAP and OSA.distance(word, other) <= 1
            for other in near
            if other != word and other[0] == word[0]
        ):
            kept.append(word)
    return kept


def build_unread(language: str, size: int) -> list[str]:
    """Return the list of an unread language's words, most used first (needs wordfreq)."""
    import wordfreq  # a build-time dependency only: the `words` extra

    read = {fold(w) for lg in LANGUAGES for w in wordfreq.top_n_list(lg, READ_ONLY)}
    words = (fold(w) for w in wordfreq.top_n_list(language, size))
    return list(dict.fromkeys(w for w in words if w.isalpha() and len(w) > 2 and w not in read))


def main() -> None:
    """Write every language's list to `bot/lang/data/`."""
    DATA.mkdir(exist_ok=True)
    for language, size in LANGUAGES.items():
        words = build(language, size)
        (DATA / f"words_{language}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"{language}: {len(words)} words", file=sys.stderr)
    for language, size in UNREAD.items():
        words = build_unread(language, size)
        (DATA / f"unread_{language}.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
        print(f"{language} (unread): {len(words)} words", file=sys.stderr)


if __name__ == "__main__":
    main()
