"""Whether each answer says only what its citations say: its numbers, dates and names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot import lang
from bot.knowledge import Fact, Pack

_WORD = re.compile(r"[^\W_]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[“\"(]\s*)$")
_STEM = 4
"""Letters two names must share from their start to count as one ("Mali", "Malian")."""


@dataclass(frozen=True, slots=True)
class Ungrounded:
    """A fact whose answer says numbers or names that its citations do not."""

    fact: Fact
    """The fact."""
    words: tuple[str, ...]
    """The numbers and names of the answer that no citation holds, as the answer writes them."""

    def __str__(self) -> str:
        said = ", ".join(f"'{word}'" for word in self.words)
        return (
            f"{self.fact.file}: fact '{self.fact.id}': the answer says {said}, "
            "which its citations do not"
        )


def ungrounded(pack: Pack) -> list[Ungrounded]:
    """Return every fact whose answer holds a number, date or name its citations lack.

    The article's own title is always grounded, and so is the side an infobox line numbers
    ("Casualties1" is the first side's, named in "Combatant1").
    """
    names = _entity_names(pack)
    known = _name_words(pack)
    sides = _sides(pack)
    found = []
    for fact in pack.facts:
        cited = " ".join(
            [pack.article.title, *(c.text for c in fact.citations), *_sides_of(fact, sides)]
        )
        missing = [
            *_missing_numbers(fact.answer, cited),
            *_missing_names(fact.answer, cited, names, known),
        ]
        if missing:
            found.append(Ungrounded(fact, tuple(dict.fromkeys(missing))))
    return found


def numbers(text: str) -> dict[str, str]:
    """Return the numbers a text says, as digits, each with how the text writes it."""
    said: dict[str, str] = {}
    for match in _WORD.finditer(lang.join_compound_numbers(text.lower())):
        word = match[0]
        value = word if word.isdigit() else lang.NUMBER_WORDS.get(word)
        if value is not None:
            said.setdefault(str(int(value)), word)
    return said


def _missing_numbers(answer: str, cited: str) -> list[str]:
    have = numbers(cited)
    return [written for value, written in numbers(answer).items() if value not in have]


def _capitalised(text: str) -> list[tuple[str, bool]]:
    """Return the capitalised words of a text, each with whether it opens a sentence."""
    found = []
    for match in _WORD.finditer(text):
        word = match[0]
        if word[0].isupper() and not lang.like_num(word.lower()):
            found.append((word, _SENTENCE_START.search(text[: match.start()]) is not None))
    return found


def _name_words(pack: Pack) -> frozenset[str]:
    """Return the words the article or the pack's entities write as names (casefolded)."""
    words = {
        w.casefold() for e in pack.entities for n in (e.name, *e.aliases) for w in _WORD.findall(n)
    }
    for sentence in pack.article.sentences:
        words.update(w.casefold() for w, opens in _capitalised(sentence.text) if not opens)
    return frozenset(words - lang.STOPWORDS)


def _sides(pack: Pack) -> dict[str, str]:
    """Return each numbered side's infobox line by its number ("1": "Combatant1: ...")."""
    label = pack.domain.sides_label
    if not label:
        return {}
    pattern = re.compile(rf"{re.escape(label)}(\d+):")
    return {
        m[1]: s.text for s in pack.article.sentences if (m := pattern.match(s.text)) is not None
    }


def _sides_of(fact: Fact, sides: dict[str, str]) -> list[str]:
    """Return the side lines that the fact's numbered infobox citations refer to."""
    numbered = (re.match(r"[^\W\d_]+(\d+):", c.text) for c in fact.citations)
    return [sides[m[1]] for m in numbered if m is not None and m[1] in sides]


def _same_name(word: str, other: str) -> bool:
    a, b = word.casefold(), other.casefold()
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= _STEM and longer.startswith(shorter)


def _entity_names(pack: Pack) -> list[set[str]]:
    """Return, for each entity, every word of every name it goes by ("the" and such aside)."""
    return [
        {w.casefold() for name in (e.name, *e.aliases, e.id) for w in _WORD.findall(name)}
        - lang.STOPWORDS
        for e in pack.entities
    ]


def _missing_names(
    answer: str, cited: str, entities: Iterable[set[str]], known: frozenset[str]
) -> list[str]:
    cited_words = _WORD.findall(cited)
    folded = {w.casefold() for w in cited_words}
    named = [words for words in entities if words & folded]
    missing = []
    for word, opens in _capitalised(answer):
        # A capitalised word opening a sentence is a name only if the pack writes it as one.
        if opens and word.casefold() not in known:
            continue
        if any(_same_name(word, other) for other in cited_words):
            continue
        # "the MAA" for a citation naming the Arab Movement of Azawad: one entity, two names.
        if any(word.casefold() in words for words in named):
            continue
        missing.append(word)
    return missing
