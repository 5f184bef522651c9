"""The article as sections and citable sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

INFOBOX = "Infobox"
LEAD = "Lead"

_HEADING = re.compile(r"^==\s*(?P<name>[^=]+?)\s*==$")
_TITLE = re.compile(r"^=\s*(?P<name>[^=]+?)\s*=$")
# Wiki image markup left in infobox values, e.g. "border|20px Arab Movement of Azawad".
_IMAGE_MARKUP = re.compile(r"\b(?:border\|)?\d+px\s+")
# A sentence ends at . ! or ? (maybe followed by a closing quote) before a capital letter or a
# digit; a single capital before the dot ("J. Smith") or a known abbreviation does not end it.
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z0-9])")
_ABBREVIATIONS = (
    "Mr.",
    "Mrs.",
    "Dr.",
    "St.",
    "Gen.",
    "Col.",
    "Lt.",
    "Sgt.",
    "U.S.",
    "U.N.",
    "e.g.",
    "i.e.",
)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One citable sentence of the article."""

    index: int
    """Position in the article, from 0."""
    section: str
    """Section name: Infobox, Lead, or a heading such as Battle."""
    text: str
    """The sentence exactly as the article has it."""


@dataclass(frozen=True, slots=True)
class Article:
    """The parsed article."""

    title: str
    """The article's title, e.g. "Battle of Ber (2013)"."""
    text: str
    """The article as shipped, verbatim."""
    sections: tuple[str, ...]
    """Section names in reading order."""
    sentences: tuple[Sentence, ...]
    """Every citable sentence in reading order."""

    def find(self, quote: str) -> Sentence | None:
        """Return the sentence that contains `quote` verbatim, or None."""
        for sentence in self.sentences:
            if quote in sentence.text:
                return sentence
        return None


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences, keeping abbreviations and initials together."""
    pieces = _BOUNDARY.split(paragraph.strip())
    sentences: list[str] = []
    for piece in pieces:
        if sentences and _ends_without_sentence_end(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {piece}"
        else:
            sentences.append(piece)
    return [s for s in sentences if s]


def _ends_without_sentence_end(text: str) -> bool:
    last_word = text.rsplit(" ", 1)[-1]
    if last_word.endswith(_ABBREVIATIONS):
        return True
    # An initial such as "J." before a name.
    return len(last_word) == 2 and last_word[0].isupper() and last_word[1] == "."


def parse_article(text: str) -> Article:
    """Parse the article's plain-text form into sections and sentences."""
    title = ""
    section = LEAD
    sections: list[str] = []
    sentences: list[Sentence] = []
    paragraph: list[str] = []

    def add(section_name: str, sentence: str) -> None:
        if section_name not in sections:
            sections.append(section_name)
        sentences.append(Sentence(len(sentences), section_name, sentence))

    def flush() -> None:
        if paragraph:
            for sentence in split_sentences(" ".join(paragraph)):
                add(section, sentence)
            paragraph.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if (match := _TITLE.match(line)) and not title:
            title = match["name"]
            continue
        if match := _HEADING.match(line):
            flush()
            section = match["name"]
            continue
        if line == INFOBOX:
            flush()
            section = INFOBOX
            continue
        if section == INFOBOX and line.startswith("- "):
            add(INFOBOX, _IMAGE_MARKUP.sub("", line[2:]).strip())
            continue
        if section == INFOBOX:
            section = LEAD
        paragraph.append(line)
    flush()
    return Article(title=title, text=text, sections=tuple(sections), sentences=tuple(sentences))
