"""Claims: a question that says what a group is ("since X is a Y group, why...") is held
against what the article says the group is."""

from __future__ import annotations

import re

from bot import lang
from bot.index import FactIndex
from bot.knowledge import Domain, Fact
from bot.vocabulary import Vocabulary


def _identity(group_nouns: tuple[str, ...]) -> re.Pattern[str]:
    """Return the pattern of a claim about what a group is: "X is a Y", "is X a Y", with the
    words that may come between (the pack's group nouns among them: French says "un groupe
    arabe", the noun first)."""
    between = sorted({*lang.CLAIM_QUALIFIERS, *group_nouns}, key=len, reverse=True)
    return re.compile(
        rf"(?:(@[\w-]+) (?:{'|'.join(sorted(lang.IDENTITY_COPULAS))})"
        rf"|(?:{'|'.join(sorted(lang.COPULAS))}) (?:the )?(@[\w-]+))"
        rf" (?:(?:{'|'.join(map(re.escape, between))}) )*(@[\w-]+|[a-z]+)"
    )


# Questions that ask something else than whether a claim holds ("..., but when did it happen?").
_OTHER_ASKS = lang.QUESTION_WORDS - lang.CLAIM_ASKS - frozenset(("why", "combien", "quoi"))


class Claims:
    """Finds claims about what a group is, and the fact that says what it is."""

    def __init__(self, vocabulary: Vocabulary, index: FactIndex, domain: Domain) -> None:
        self.v = vocabulary
        self.index = index
        self._identity = _identity(domain.group_nouns)
        # Words that may follow a claim about a group ("a Y group", "a Y outfit").
        self._followers = (
            vocabulary.stopwords
            | frozenset(domain.group_nouns)
            | lang.QUESTION_WORDS
            | lang.CLAIM_ASKS
        )

    def correction(self, words: list[str], tokens: list[str], normal: str) -> Fact | None:
        """Return what the article says a group is, when the question claims or asks what it is."""
        if lang.IDENTITY_COPULAS.isdisjoint(words) or not any(
            t in self.index.identity for t in tokens
        ):
            return None
        return self.identity_of(self.v.name(normal))

    def identity_of(self, named: str) -> Fact | None:
        """Return what the article says a group is, when the question asks whether it is
        something ("is X a Y group?"), or asks only why or whether it is another thing."""
        words = named.split()
        identity = self.index.identity
        for found in self._identity.finditer(named):
            group, claim = found[1] or found[2], found[3]
            if group not in identity:
                continue
            fact, said = identity[group]
            if claim.startswith("@"):
                if self.v.kind(claim) != "group":
                    continue
                claimed = claim
            elif (claimed := self.v.stemmer.stemWord(claim)) not in self.index.identity_words:
                continue  # "X was stronger": no claim about what it is
            following = named[found.end() :].split()[:1]
            if following and following[0] not in self._followers:
                continue  # "were the X Y prisoners released?": about the prisoners
            if found[2] is not None and found.start() == 0:
                return fact  # "is X a Y group?"
            wrong = claimed not in said and self.v.token(claim) not in said
            # A false claim is put right when the question asks nothing else about it.
            if wrong and lang.CLAIM_ASKS.intersection(words) and _OTHER_ASKS.isdisjoint(words):
                return fact
        return None
