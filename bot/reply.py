"""What the engine returns: plain data for any front end to render."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol

from bot.dialogue import Context
from bot.knowledge import Citation
from bot.opinion import Opinion
from bot.signals import Signal


class Explains(Protocol):
    """Works out, when asked, what moved a fact's score: most replies are never explained."""

    def signals(self) -> tuple[Signal, ...]:
        """Return the signals that moved the score, each with what it saw."""
        ...


class Outcome(StrEnum):
    """What the engine decided to do with a question."""

    ANSWER = "answer"
    SUGGEST = "suggest"
    DECLINE = "decline"


class Reason(StrEnum):
    """Why the engine decided as it did."""

    MATCHED = "matched"
    """A fact scored above the threshold and clear of the runner-up."""
    CLOSE = "close"
    """A fact scored a little under the threshold, clear of the runner-up, and the verdict
    finds it very likely to answer."""
    LIKELIEST = "likeliest"
    """A fact scored enough but stood no clear lead over the runner-up, and the verdict finds
    it very likely to answer."""
    SECONDED = "seconded"
    """The runner-up instead of the best-scoring fact: the classifier, reading the message on
    its own, finds the best unlikely and the runner-up likely, and the runner-up scored enough
    itself."""
    RECOGNISED = "recognised"
    """A fact scored under the threshold but enough to offer, no other fact did, and the
    classifier, reading the message on its own, finds it the likeliest and very likely."""
    NEXT = "next"
    """"And after that?": the fact that tells what happened next."""
    ASKED_OF_LAST = "asked-of-last"
    """"And when?" after an answer: that answer again if it tells when, else the fact asked
    it that quotes the same sentence."""
    REPEATED = "repeated"
    """"Who made that claim?": the last answer again, which says who."""
    UNSOURCED = "unsourced"
    """"According to whom?" of an answer the article tells in its own words: that answer
    again, saying it names no one for it."""
    CONFIRMED = "confirmed"
    """"Are you sure?": the last answer again, with the article's words it rests on."""
    CORRECTED = "corrected"
    """A claim about what a group is, put right by what the article says it is."""
    QUOTED = "quoted"
    """No fact covers it, but one article sentence does."""
    UNSURE = "unsure"
    """Close facts, none clear enough to answer."""
    UNLIKELY = "unlikely"
    """A fact that scored enough, but that the verdict finds unlikely to answer: offered."""
    LIKE_UNANSWERED = "like-unanswered"
    """A fact that scored enough, but the classifier finds the message likelier one of the
    questions the article does not answer: offered."""
    NOT_COVERED = "not-covered"
    """About the article, but nothing in it answers."""
    OFF_TOPIC = "off-topic"
    """Nothing to do with the article."""
    EMPTY = "empty"
    """No question at all."""
    NO_STORY = "no-story"
    """"And after that?" when the article tells nothing more."""
    NOTHING_TO_CONFIRM = "nothing-to-confirm"
    """"Are you sure?" when there is no answer of mine to stand by."""
    DISPUTED = "disputed"
    """An answer the classifier finds unlikely, offered as "did you mean" instead."""
    ALREADY_TOLD = "already-told"
    """An answer the message tells before asking what came after it: offered, not given."""
    MORE = "more"
    """ "Tell me more" after an answer: the fact telling the next sentence of the story the reader
    has not been shown."""
    PICKED = "picked"
    """A number typed for one of the questions the last reply offered: that question's
    answer."""
    SECTION = "section"
    """A message naming only one of the article's sections ("tell me about the aftermath"):
    the questions that section answers, offered."""


SCORED = frozenset(
    {Reason.MATCHED, Reason.CLOSE, Reason.LIKELIEST, Reason.SECONDED, Reason.RECOGNISED}
)
"""The reasons of an answer a fact's score earned."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A fact the question could be about, with its score."""

    fact_id: str
    """The fact's id."""
    question: str
    """The fact's canonical question."""
    score: float
    """Match score from 0 to 1."""


@dataclass(frozen=True, slots=True)
class Reply:
    """The engine's decision on one question: plain data for any front end to render."""

    question: str
    """The question as asked."""
    outcome: Outcome
    """Answer, suggest or decline."""
    text: str
    """The direct answer, or the line that explains a suggestion or a decline."""
    citations: tuple[Citation, ...] = ()
    """The article text the answer quotes."""
    confidence: float = 0.0
    """Score of the best match, from 0 to 1."""
    suggestions: tuple[str, ...] = ()
    """Questions the bot can answer, offered instead."""
    fact_id: str | None = None
    """The fact answered, if any."""
    runner_up: Candidate | None = None
    """The next-best fact, for debugging and tuning (for `Reason.SECONDED`, the fact that
    scored best and was passed over)."""
    on_topic: bool = False
    """Whether a declined question is about the article (but not covered) rather than off-topic."""
    quoted: bool = False
    """Answered by quoting an article sentence that no curated fact covers."""
    context: Context = field(default_factory=Context)
    """The conversation context to pass with the next question."""
    reason: Reason = Reason.MATCHED
    """Why the engine decided as it did."""
    explanation: Explains | None = None
    """What moved the best fact's score, worked out when asked (`signals`)."""
    threshold: float = 0.0
    """The score an answer had to reach."""
    opinion: Opinion | None = None
    """The classifier's view, when it disputed the answer."""
    verdict: tuple[float, float] | None = None
    """How likely the verdict found the best fact to answer, and the floor it had to reach
    (when it was asked: of a fact that scored enough to be answered, its floor; of one a
    little under, `Reason.CLOSE`, or level with the runner-up, `Reason.LIKELIEST`, the
    likelihood that answers it)."""
    also: tuple[Reply, ...] = ()
    """The answers to the message's other questions, in its order, each a reply of its own
    ("who died, and how many were hurt?"): this reply answers the first."""
    unanswered: tuple[Reply, ...] = ()
    """The replies to the message's questions that found no answer, when others did ("who won,
    and what did France think of it?"), each saying which it is (`place`)."""
    place: int = 0
    """Which of its message's questions this reply is to (from 1), when it asked several."""

    @property
    def signals(self) -> tuple[Signal, ...]:
        """Return what moved the best fact's score, each signal with what it saw."""
        return self.explanation.signals() if self.explanation is not None else ()

    @property
    def answered(self) -> bool:
        """Return whether the reply answers the question."""
        return self.outcome is Outcome.ANSWER
