"""The answer engine: a question flows through the stages below, each a module of its own.

normalise (`text`) → tokenise (`vocabulary`) → interpret (`interpret`, `claims`) → dialogue
(`dialogue`) → retrieve and score (`scoring`, `signals`) → decide (`decide`) → render
(`replies`, in each front end). Everything is worked out from the pack at start-up (`index`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import chain
from typing import Literal

from bot import lang
from bot.article import INFOBOX
from bot.asks import Asks
from bot.claims import Claims
from bot.decide import Decider
from bot.dialogue import Context, Dialogue, asks_about
from bot.index import ASKED_KINDS, FactIndex
from bot.interpret import Interpreter, Message, Query, split_clauses
from bot.knowledge import Fact, Pack
from bot.lang.words import unread
from bot.opinion import Likelihood, with_tokens
from bot.reply import SCORED, Candidate, Outcome, Reason, Reply
from bot.scoring import Ranker
from bot.signals import Signal
from bot.text import asked_parts, fold, normalize, opens_question, strip_address
from bot.verdict import Verdict, load_verdict
from bot.vocabulary import Vocabulary
from bot.weights import Thresholds, Weights

__all__ = [
    "MAX_QUESTION_CHARS",
    "Candidate",
    "Context",
    "Engine",
    "Outcome",
    "Reason",
    "Reply",
    "Signal",
    "Thresholds",
    "Weights",
]

MAX_QUESTION_CHARS = 1000
"""Only this much of a longer message is matched: its start and, where the question mostly is
in a long message, its end."""

_NEXT = re.compile(
    rf"^(?:{lang.pattern('next_openers')})?(?:{lang.pattern('next_lead')})?"
    rf"(?:{lang.pattern('next_verb')})?(?:{lang.pattern('next')})$"
)
# A bare number picking one of the questions offered: "2", "#2", "2.", " 2 " (any decimal
# digit, as int() reads them).
_PICK = re.compile(r"\s*#?\s*(\d)\s*[.)]?\s*")
_MORE = re.compile(lang.pattern("more"))
# How a question of a message asking several is answered, to be given with the others: outright,
# or, for a bare "and when?", by the date of what the one before it asked.
_PART_ANSWERS = SCORED | {Reason.ASKED_OF_LAST}
_OFFERED = 3
"""The facts a message whose questions are then asked in turn would offer, among which each
answer given must be."""
# A claim asks only whether it holds ("..., right?"), not who, when or how many besides.
_ASKING_ELSE = lang.QUESTION_WORDS - lang.CLAIM_ASKS
_CLAUSE_OPENERS = frozenset(("and", "or", "but", "et", "ou", "mais"))
_WHO_SAID = re.compile(
    rf"^(?:{lang.pattern('who_said_openers')})?(?:{lang.pattern('who_said')})"
    rf"(?:{lang.pattern('who_said_closers')})?$"
)
_DOUBT = re.compile(
    rf"^(?:{lang.pattern('doubt_openers')})?(?:{lang.pattern('doubt')})"
    rf"(?:{lang.pattern('doubt_closers')})?$"
)
_BARE_WORDS = re.compile(r"[a-z0-9']+")
_DOUBT_WORDS = 8
"""Doubt about the last answer is said in a few words ("are you sure about that?")."""
_DOUBT_CHARS = 100
"""... and characters: a longer message is not looked at as doubt."""
_DOUBT_TOKENS = 3
"""... which leave few tokens ("how do you know that?": how, know)."""
_OF_THE_BOT = re.compile(lang.pattern("of_the_bot"))
"""A question asked of the bot itself ("what are you doing later?")."""


_OPENING_WORDS = re.compile(rf"^\W*(?:(?:{'|'.join(sorted(lang.OPENERS))})\W+)+", re.IGNORECASE)


def _checks_only(clause: str) -> bool:
    """Return whether a clause of a message asks no question of its own, only whether what it
    says is so ("So Ramadane spoke for the MAA, right?", "the MNLA held Ber before?"): it has no
    question word and does not open as a question once an opening "so", "and", "but" is set
    aside ("Did the MAA win, right?" and "Tell me who won?" ask)."""
    folded = fold(clause)
    return lang.QUESTION_WORDS.isdisjoint(lang.words_of(folded)) and not opens_question(
        _OPENING_WORDS.sub("", folded)
    )


def _asks_in_sentences(message: Message) -> bool:
    """Return whether a message is long, of several sentences, and asks in some of them."""
    asked_questions = message.long and any(asks for asks, _ in message.clauses)
    return bool(asked_questions and message.several)


class Engine:
    """Answers questions from one knowledge pack; build once, then ask many times."""

    def __init__(
        self,
        pack: Pack,
        *,
        thresholds: Thresholds | None = None,
        weights: Weights | None = None,
        verdict: Verdict | Literal["fitted"] | None = "fitted",
    ) -> None:
        """`verdict`: asked before answering whether the best fact is likely to answer; by
        default the fitted one shipped with the bot, None for none."""
        self.pack = pack
        self.thresholds = thresholds or Thresholds()
        self.weights = weights or Weights()
        self.vocabulary = Vocabulary(pack)
        asks = Asks(self.vocabulary, pack.domain)
        self.index = FactIndex(pack, self.vocabulary, asks, self.weights)
        self.interpreter = Interpreter(self.vocabulary, self.index, asks, pack.domain, self.weights)
        self.claims = Claims(self.vocabulary, self.index, pack.domain)
        self.dialogue = Dialogue(
            self.vocabulary, self.index, asks, pack.domain.event_nouns, pack.domain.group_nouns
        )
        self.ranker = Ranker(
            self.vocabulary, self.index, self.weights, pack.classifier, self.thresholds
        )
        self._sentence_question_tokens = self.vocabulary.tokens(lang.SENTENCE_QUESTION_WORDS)
        # The question words a bare follow-up asks of the answer just given, and the kind of
        # answer each needs of it (`FactIndex.answer_kinds`).
        needs = {word: kind for kind, word in ASKED_KINDS} | {"where": "place"}
        self._answer_question_tokens = {
            token: needs[word]
            for word in lang.ANSWER_QUESTION_WORDS
            if (token := self.vocabulary.token(word))
        }
        self._sharpening = self.vocabulary.tokens(lang.SHARPENING_WORDS)
        self._section_requests = self.vocabulary.tokens(lang.SECTION_REQUEST_WORDS)
        self._claimed = self.vocabulary.tokens(lang.CLAIM_ASKS - lang.QUESTION_WORDS)
        self._why = self.vocabulary.token("why")
        self._request = re.compile(lang.pattern("request"))
        self._idle = self.vocabulary.tokens(lang.IDLE_WORDS) | self.index.weak_tokens
        self.decider = Decider(
            self.vocabulary,
            self.index,
            self.thresholds,
            self.weights,
            pack.article.title,
            load_verdict() if verdict == "fitted" else verdict,
        )

    def answer(self, question: str, *, context: Context | None = None) -> Reply:
        """Answer one question, using the conversation context for follow-ups."""
        if (number := _PICK.fullmatch(question)) is not None:
            # "2": the second question offered, or, with none such, a request to ask one.
            picked = self._picked(int(number[1]), context) if context is not None else None
            if picked is not None and context is not None:
                # (The offer stands: "3" next asks another of the questions offered.)
                return replace(picked, context=replace(picked.context, offered=context.offered))
            reply = self.decider.decline(question, [], context, empty=True)
            return replace(reply, context=replace(reply.context, offered=reply.suggestions))
        reply = self._reply(question, context)
        # (Not a message declined whole: its questions asked alone lose what it tells of
        # another event, "in 2014", "at Anefis", and a bare "and when?" its subject.)
        answered = reply.answered and reply.reason in SCORED
        if answered or reply.outcome is Outcome.SUGGEST:
            parts = self._questions_of(question)
            if len(parts) > 1 and answered:
                reply = self._each_answered(question, parts, reply, context)
            elif len(parts) > 1:
                # (Read whole, a message asking two things may find the two facts level, and
                # offer them: each of its questions asked in turn may be answered outright.)
                reply = self._parts_answered(question, parts, reply, context)
        if reply.suggestions:
            # (Kept for the next turn: "2" asks the second of them.)
            return replace(reply, context=replace(reply.context, offered=reply.suggestions))
        return reply

    def _each_answered(
        self, question: str, parts: list[str], reply: Reply, context: Context | None
    ) -> Reply:
        """Return the answer to a message asking several questions ("who died, and how many
        were hurt?"): each asked in turn, in the conversation the ones before it left, and
        those answered outright with a fact of their own given together, in the message's
        order, with those it found no answer to (`Reply.unanswered`). The message's answer
        alone when it is not one of theirs, unless it stood level with one of theirs and two
        or more were answered."""
        answered, unanswered = self._asked_in_turn(parts, reply, context)
        runner = reply.runner_up
        if all(given.fact_id != reply.fact_id for given in answered) and not (
            len(answered) > 1
            and runner is not None
            and any(given.fact_id == runner.fact_id for given in answered)
            and 0 <= reply.confidence - runner.score < self.thresholds.margin
        ):
            # (Read whole, the message got a fact none of its questions did: that one, unless
            # it stood level with one of theirs and two or more were answered: "how many
            # civilians were killed, how many were wounded, and how many prisoners were
            # taken?" read whole found the casualties' overview and the wounded level.)
            return reply
        if len(answered) == 1:
            # (One question answered, as the message read whole is: the others are not.)
            return replace(reply, unanswered=tuple(unanswered))
        return self._together(question, answered, unanswered)

    def _parts_answered(
        self, question: str, parts: list[str], reply: Reply, context: Context | None
    ) -> Reply:
        """Return the answers to a message asking several questions that, read whole, was only
        offered facts ("which group attacked, and which one was defending?" finds the two
        level): its questions asked in turn, given together when two or more are answered
        outright, each with one of the first `_OFFERED` facts the message would offer (`offers`:
        those shown, then the ranking's best); else the offer."""
        # (A question answered alone, or with a fact the message read whole would not offer,
        # answers a part out of the message's context more often than it helps.)
        answered, unanswered = self._asked_in_turn(parts, reply, context)
        if len(answered) < 2:
            return reply
        offered = {c.fact_id for c in self.offers(reply, limit=_OFFERED)}
        if any(given.fact_id not in offered for given in answered):
            return reply
        return self._together(question, answered, unanswered)

    def _asked_in_turn(
        self, parts: list[str], reply: Reply, context: Context | None
    ) -> tuple[list[Reply], list[Reply]]:
        """Return a message's questions asked in turn, each in the conversation the ones before
        it left: those answered outright with a fact of their own, and those it found no answer
        to (but not one answered with `reply`'s fact: it has none of its own to give)."""
        answered: list[Reply] = []
        unanswered: list[Reply] = []
        replies = []
        located: frozenset[str] = frozenset()
        with self.decider.unobserved():
            for part in parts:
                # (A later question naming no place, no one and no date of its own asks of the
                # events the one before it asked of: "what happened at In Khalil in February?
                # How many died?")
                replies.append(asked := self._reply(part, context, located=located))
                located = asked.context.located
                if asked.answered:
                    context = asked.context
        for place, asked in enumerate(replies, 1):
            asked = replace(asked, place=place)
            if asked.answered and any(asked.fact_id == given.fact_id for given in answered):
                continue  # (answered by a fact given already: "when did they leave, and when?")
            if asked.answered and asked.reason in _PART_ANSWERS:
                answered.append(asked)
            elif not (asked.answered and asked.fact_id == reply.fact_id is not None):
                # (A sentence quoted, "and then?": no fact of its own to give beside the others.)
                unanswered.append(asked)
        return answered, unanswered

    def _together(self, question: str, answered: list[Reply], unanswered: list[Reply]) -> Reply:
        """Return the answers to a message's questions given together, in its order: the first
        with the others (`Reply.also`) and those it found no answer to (`Reply.unanswered`)."""
        first, *rest = answered
        fact = self.pack.fact
        if (told := fact(first.fact_id or "")) is not None and first.text != told.answer:
            # (Said once, before the first: "D'après l'article, en anglais : ...".)
            rest = [replace(a, text=f.answer) if (f := fact(a.fact_id or "")) else a for a in rest]
        # (The reader has had every answer, whichever the conversation goes on from.)
        after = answered[-1].context
        had = [a.fact_id for a in reversed(answered) if a.fact_id is not None]
        after = replace(after, given=tuple(dict.fromkeys([*after.given, *had])))
        return replace(
            first, question=question, also=tuple(rest), unanswered=tuple(unanswered), context=after
        )

    def _questions_of(self, question: str) -> list[str]:
        """Return the questions a message asks one after the other (`asked_parts`), but those
        asking nothing of their own ("Could you tell me, in as much detail as you can, what
        ...?": the request is the frame of the question after it; "..., do you know?")."""
        parts = asked_parts(question)
        return [p for p in parts if not self._asks_nothing(p)] if len(parts) > 1 else parts

    def _asks_nothing(self, part: str) -> bool:
        """Return whether a part of a message asks nothing of its own: it only asks to be told
        what the next one asks ("could you please tell me, in as much detail as the article
        allows, ..."), a request to be told followed by no question word; or no word of it is
        read ("..., do you know?", "..., right?")."""
        folded = fold(strip_address(part)).lstrip(" ,.!")
        request = self._request.match(folded)
        if request is not None and lang.QUESTION_WORDS.isdisjoint(
            lang.words_of(folded[request.end() :])
        ):
            return True
        return not self.interpreter.message(part, MAX_QUESTION_CHARS).tokens

    def _picked(self, number: int, context: Context) -> Reply | None:
        """Return the answer to the question offered that a bare number picks ("2", "#2"),
        or None when none was offered with that number."""
        if not 1 <= number <= len(context.offered):
            return None
        asked = context.offered[number - 1]
        position = self.index.phrased.get(asked)
        if position is None:
            return None
        tokens = self.vocabulary.analyze(asked)
        fact = self.index.facts[position]
        return self.decider.answer_with(asked, fact, 1.0, tokens, context, reason=Reason.PICKED)

    def _reply(
        self, question: str, context: Context | None, *, located: frozenset[str] = frozenset()
    ) -> Reply:
        """Reply to a message, using the conversation context for follow-ups; the conversation
        after it keeps the places the message asked about events in (`Context.located`).
        `located`: those the question before it in the same message asked of."""
        if context is not None and (said := self.dialogue.restated(question, context)) is not None:
            # "That day" is the day the last question named, "he" the one the conversation
            # named, "it" the place: asked as if said.
            reply, located = self._replied(said, context, located)
            reply = replace(reply, question=question)
        else:
            reply, located = self._replied(question, context, located)
        if located != reply.context.located:
            reply = replace(reply, context=replace(reply.context, located=located))
        return reply

    def _replied(
        self, question: str, context: Context | None, before: frozenset[str]
    ) -> tuple[Reply, frozenset[str]]:
        """Return the reply to a message, and the places it asks about events in: its own, the
        message's before it (`before`) or the conversation's."""
        message = self.interpreter.message(question, MAX_QUESTION_CHARS)
        special = self._special(question, message, context)
        if special is not None:
            return special, frozenset()
        previous = context or Context()
        tokens = message.tokens
        correction = False
        if context is not None:
            if asks_about(message.words):
                # "what about X?" asks the last question again: its "what" asks nothing.
                what = self.vocabulary.token(message.words[0])
                tokens = [t for t in tokens if t != what] or tokens
            correction, tokens = self.dialogue.correction(message.normal, tokens)
            tokens = self.dialogue.other_side(message.normal, tokens, previous)
        plain = self.interpreter.plain(message, tokens, exclude=previous.told())
        if self.dialogue.unresolved(self.dialogue.referring(message), context):
            plain = replace(plain, unresolved=True)
        located = plain.located
        if before and not located:
            located = self.dialogue.still_located(tokens, before)
            if located:
                plain = replace(plain, located=located)
        if context is None:
            readings, later, whole = [plain], [], False
        else:
            found = self.dialogue.readings(message, plain, tokens, previous, correction=correction)
            readings, later, whole = found.first, found.later, found.whole
            if found.plain is not None:
                # ("And how many died?" after a question of events elsewhere: of them too.)
                plain = found.plain
                located = plain.located
        tried: Iterable[tuple[Query, bool]] = [(r, False) for r in readings]
        if later or (len(message.words) >= self.weights.claused_question and not whole):
            # Clauses are read lazily, only when the whole message is not answered outright.
            tried = chain(
                tried,
                self._clauses(message, plain, tokens, whole),
                ((r, False) for r in later),
            )
        likely = self._likely(message)
        reply, standalone = self._best(question, message, tried, previous, plain, likely)
        if standalone:
            # (An answer the classifier disputes is none: a claim getting a figure wrong may
            # then be put right.)
            reply = self._seconded(reply, likely, previous)
        if not reply.answered and standalone:
            corrected = self._figure_corrected(question, message, plain, previous, likely)
            if corrected is not None:
                return corrected, located
        if reply.outcome is Outcome.DECLINE:
            named = self._section_named(message.tokens)
            if named is not None:
                # "Tell me about the aftermath": what that section answers.
                section = self.decider.section(question, *named, previous, message.tokens)
                return section, located
        if not standalone:
            return reply, located
        if context is not None and reply.answered and tokens is message.tokens:
            reply = self._afresh(reply)
        return reply, located

    def _figure_corrected(
        self,
        question: str,
        message: Message,
        plain: Query,
        previous: Context,
        likely: Likelihood | None,
    ) -> Reply | None:
        """Return the answer putting right a figure a claim gets wrong ("the MAA kept 40
        pick-ups on the outskirts, right?", "were 50 civilians killed?"): the fact answering it
        but for its figures, when that fact gives its own, of the same kind. None when the
        message claims nothing, or the fact would not answer it either. (Not a year: "did they
        attack again in 2014?" asks of another time, which the article's events are not.)"""
        words = set(message.words)
        claims = plain.polar or not lang.CLAIM_ASKS.isdisjoint(words)
        # (What opens the message or a clause of it asks: "how many died, 50?" asks how many;
        # "was the girl who died 12?" asks only whether she was.)
        opening = {
            w
            for before, w in zip(["and", *message.words], message.words, strict=False)
            if before in _CLAUSE_OPENERS
        }
        if not claims or not _ASKING_ELSE.isdisjoint(opening):
            return None
        figures = frozenset(
            t for t in plain.tokens if t.isdigit() and len(t) != 4 and t not in plain.soft
        )
        if not figures:
            return None
        # A figure beside a month is a day, and its month goes with it: "they left on May 25"
        # of the fact "on April 25" (not a month alone, "did they return five prisoners in
        # April?").
        tokens = plain.tokens
        beside = {t: tokens[max(i - 1, 0) : i + 2] for i, t in enumerate(tokens) if t in figures}
        asked_days = {t for t, near in beside.items() if not lang.MONTHS.isdisjoint(near)}
        months = frozenset(
            m for near in beside.values() for m in near if m in lang.MONTHS and m not in plain.soft
        )
        # (Nor is "..., correct?" a word the fact must have.)
        reading = replace(plain, soft=plain.soft | figures | months | self._claimed)
        ranked = self.ranker.rank(reading, likely)
        # (The verdict is not told how likely the classifier finds the message one that no
        # fact answers: read with its figures, it may well be, and they are what is put right.)
        reply = self.decider.decide(question, reading, ranked, previous)
        if not reply.answered or reply.reason not in SCORED or reply.fact_id is None:
            return None
        # A figure is put right by one of the same kind: a day by a day (its month with it),
        # a count by a count ("did they leave 4 days after the battle?" is not put right by
        # the day they left, nor "did they return five prisoners?" by the day they did).
        index = self.index
        fact = index.fact_index[reply.fact_id]
        answer = set(index.answers[fact])
        counts = answer & index.numbers[fact]
        days = {t for t in answer if t.isdigit() and len(t) != 4} - counts
        asked_counts = figures - asked_days
        wrong_count = bool(asked_counts and counts) and not asked_counts <= counts
        wrong_day = bool(asked_days and days) and not asked_days | months <= answer
        if not (wrong_count or wrong_day):
            return None
        # (Only the fact whose figure was checked corrects it: not a runner-up seconded.)
        reply = self._seconded(reply, likely, previous, second=False)
        return replace(reply, reason=Reason.CORRECTED) if reply.answered else None

    def _section_named(self, tokens: list[str]) -> tuple[str, tuple[int, ...]] | None:
        """Return the section of the article a message names and asks nothing else of ("tell
        me everything about the aftermath", "the aftermath of the battle"), with its facts:
        every word of it but those asking for a part of the article, the article's own title,
        the kind of event it tells and the small ones is the section's name."""
        index = self.index
        telling = {
            t
            for t in tokens
            if t not in index.weak_tokens
            and t not in index.title_tokens
            and t not in index.event_tokens
            and t not in self._section_requests
        }
        if not telling:
            return None
        return next(
            ((name, facts) for name, words, facts in index.sections if telling <= words), None
        )

    def likelihood(self, text: str) -> Likelihood | None:
        """Return the classifier's view of a message read on its own, as the engine reads it
        (None when the pack has no classifier)."""
        return self._likely(self.interpreter.message(text, MAX_QUESTION_CHARS))

    def _likely(self, message: Message) -> Likelihood | None:
        """Return the classifier's view of a message, as typed but with its slips mended as
        tokenising mends them, and its matching tokens after its words (`with_tokens`; None
        when the pack has no classifier)."""
        classifier = self.pack.classifier
        if classifier is None:
            return None
        spelled = self.vocabulary.spelled_text(message.normal)
        return Likelihood(classifier, with_tokens(spelled, message.tokens))

    def _afresh(self, reply: Reply) -> Reply:
        """Return an answer to a turn read on its own with the context it would have left had
        it opened the conversation: what came before it is behind the reader now."""
        if reply.fact_id is None:
            return reply
        fact = self.index.facts[self.index.fact_index[reply.fact_id]]
        fresh = self.decider.next_context(list(reply.context.tokens), Context(), fact)
        return replace(reply, context=fresh)

    def _special(self, question: str, message: Message, context: Context | None) -> Reply | None:
        """Answer the turns that need no ranking: "and after that?", "who said that?", a claim
        about what a group is, and an empty message."""
        decider, index = self.decider, self.index
        if lang.asks_to_make(fold(strip_address(question))):
            # "Write me a poem about the desert": nothing the article tells, whatever it is about.
            return decider.decline(question, [], context, reason=Reason.OFF_TOPIC)
        last = context.fact_id if context is not None else None
        if last is not None and context is not None and _NEXT.match(message.normal):
            # "and after that?": what happens next in the story, if the article tells any more.
            following = index.next_fact.get(last)
            if following is None:
                return decider.decline(question, message.tokens, context, reason=Reason.NO_STORY)
            asked = self.vocabulary.analyze(following.questions[0])
            return decider.answer_with(question, following, 1.0, asked, context, reason=Reason.NEXT)
        if _MORE.fullmatch(message.normal) and (
            last is not None or frozenset(message.tokens) not in index.exact
        ):
            if last is None or context is None:
                # "tell me more" before anything was told: what may be asked. (Not a fact's
                # own phrasing: "details?")
                return decider.decline(question, [], context, empty=True)
            # "tell me more": what the article says next of what was just told.
            more = index.more_of(index.fact_index[last], context.told())
            if more is None:
                return decider.decline(question, message.tokens, context, reason=Reason.NO_STORY)
            asked = self.vocabulary.analyze(more.questions[0])
            return decider.answer_with(question, more, 1.0, asked, context, reason=Reason.MORE)
        asked_anew = self._asked_of_last(message, context)
        if asked_anew is not None and context is not None:
            # "who won?", "and when?": the date of what was just told, not what was just told.
            asked = self.vocabulary.analyze(asked_anew.questions[0])
            return decider.answer_with(
                question, asked_anew, 1.0, asked, context, reason=Reason.ASKED_OF_LAST
            )
        if (
            last in index.fact_index
            and context is not None
            and context.answered
            and _WHO_SAID.match(message.normal)
        ):
            # "who made that claim?": the last answer, which says who, or that no one is named.
            fact = index.facts[index.fact_index[last]]
            if last in index.unsourced:
                return decider.unsourced(question, fact, context)
            return decider.answer_with(
                question, fact, 1.0, message.tokens, context, reason=Reason.REPEATED
            )
        # (Doubt is a few words, most of them read as no words to match: a message of more
        # tokens is not looked at as doubt.)
        if len(message.tokens) <= _DOUBT_TOKENS and self._doubts(question):
            doubted = (
                index.fact_index.get(last)
                if last is not None and context is not None and context.answered
                else None
            )
            if doubted is None or context is None:
                # Doubt of a decline, or of nothing: no answer to stand by.
                return decider.decline(question, [], context, reason=Reason.NOTHING_TO_CONFIRM)
            # "are you sure?": the last answer again, with the sentences it quotes.
            return decider.confirm(question, index.facts[doubted], context)
        if not message.tokens:
            return decider.decline(question, [], context, empty=not message.words)
        if unread(question, self.vocabulary.known_words):
            # "¿Quién ganó la batalla?": which languages the bot reads, not that the article
            # lacks it.
            return decider.decline(question, [], context, empty=True)
        if lang.courtesy(message.normal) is not None:
            # "ok got it", "cool thanks", "are you a bot?": said to the bot, not asked of the
            # article (the reply says which).
            return decider.decline(question, [], context)
        if self._idle.issuperset(message.tokens) and _OF_THE_BOT.search(message.normal):
            # "What are you doing later?" asks nothing of the article ("later" is "after").
            return decider.decline(question, [], context)
        corrected = self.claims.correction(message.words, message.tokens, message.normal)
        if corrected is not None:
            # "Since X is a Y group, why...": what the article says it is instead.
            return decider.answer_with(
                question, corrected, 1.0, message.tokens, context or Context(),
                reason=Reason.CORRECTED,
            )  # fmt: skip
        return None

    def _asked_of_last(self, message: Message, context: Context | None) -> Fact | None:
        """Return the fact a bare "and when?", "where?" or "how many?" asks for after an
        answer: that answer again when it gives the date, place or number; else, for "when",
        the one fact asked it that quotes a sentence the answer just given tells ("who won?",
        "and when?": the date of that fighting, not who won again). None when the turn says
        more, the last fact is asked that way, or no single fact fits."""
        # (A turn left unanswered since keeps the last answer the conversation's.)
        if context is None or context.fact_id is None:
            return None
        index = self.index
        tokens = [t for t in message.tokens if t not in self._sharpening]
        if not tokens or not index.weak_tokens.issuperset(tokens):
            return None
        last = index.fact_index.get(context.fact_id)
        if last is None:
            return None
        asking = [t for t in tokens if t in self._answer_question_tokens]
        if len(asking) == 1 and self._tells(last, asking[0]):
            # "What happened after the battle?", "when?": the answer just given tells it.
            return index.facts[last]
        # ("Quand a-t-elle eu lieu ?" asks when, though its "lieu" reads as where.)
        asked = [t for t in tokens if t in self._sentence_question_tokens]
        if not asked and tokens == [self._why]:
            # A bare "why?" asks it of the last answer too, and the reason mostly comes in
            # the sentence after (see below).
            asked = tokens
        if len(asked) != 1:
            return None
        if asked[0] in index.phrased_words[last]:
            return None  # (asked so, it is asked again, as any question is)
        told = index.told_sentences[last]
        named: frozenset[str] = frozenset()
        if asked[0] == self._why:
            # ("Why?" is mostly told by the sentence after, in the same section: "... kept
            # fourteen armed pick-ups on the outskirts. Ramadane claimed that the MAA was
            # monitoring the city ..."), by a fact about whoever the answer names.
            sentences = index.sentences
            told = told | {
                s + 1
                for s in told
                if s + 1 < len(sentences)
                and sentences[s].section == sentences[s + 1].section != INFOBOX
            }
            named = frozenset(
                t for t in index.answers[last] if self.vocabulary.kind(t) in ("group", "person")
            )
            if not named:
                return None  # (a reason is someone's: an answer naming nobody has none to ask)
        fitting = [
            number
            for number, sentences in enumerate(index.fact_sentences)
            if number != last
            and asked[0] in index.phrased_words[number]
            and sentences & told
            and (not named or not named.isdisjoint(index.about[number]))
        ]
        return index.facts[fitting[0]] if len(fitting) == 1 else None

    def _tells(self, fact: int, word: str) -> bool:
        """Return whether a fact's answer gives what a bare question word asks for: a date, a
        place or a number. (Its phrasings may ask otherwise: "quand a eu lieu ..." reads "lieu"
        as where.)"""
        return self._answer_question_tokens[word] in self.index.answer_kinds[fact]

    @staticmethod
    def _doubts(question: str) -> bool:
        """Return whether a turn only doubts the last answer ("are you sure?", "really?")."""
        if len(question) > _DOUBT_CHARS:
            return False
        words = _BARE_WORDS.findall(fold(strip_address(question)))
        return len(words) <= _DOUBT_WORDS and _DOUBT.match(" ".join(words)) is not None

    def _clauses(
        self, message: Message, plain: Query, tokens: list[str], whole: bool
    ) -> Iterator[tuple[Query, bool]]:
        """Yield each clause of a message read on its own (not "that fight", read whole)."""
        if len(message.words) < self.weights.claused_question or whole:
            return
        clauses = (message.clauses or split_clauses(message.text))[: self.weights.max_clauses]
        checks = [asks and _checks_only(clause) for asks, clause in clauses]
        if any(checks) and any(
            asks and not check for (asks, _), check in zip(clauses, checks, strict=True)
        ):
            # A question proper is read before one that only checks what the message takes as
            # given ("So Ramadane spoke for the MAA, right? What reason did he give for ...?").
            order = sorted(range(len(clauses)), key=checks.__getitem__)
            clauses = [clauses[n] for n in order]
        yield from self.interpreter.clause_readings(plain, message, tokens, clauses)

    def _best(
        self,
        question: str,
        message: Message,
        tried: Iterable[tuple[Query, bool]],
        previous: Context,
        plain: Query,
        likely: Likelihood | None,
    ) -> tuple[Reply, bool]:
        """Try the readings in order; return the first answered well enough, else the best, and
        whether it reads the message on its own rather than in the light of the conversation."""
        best: Reply | None = None
        best_key = (False, False, 0.0)
        best_alone = True
        whole: Reply | None = None
        whole_alone = True
        short = len(message.words) < self.weights.claused_question
        # A long message of several sentences answered as a whole is answered from its
        # question instead, when the question says enough on its own.
        prefer_question = _asks_in_sentences(message)
        asked_read = False
        told_before = None if plain.premise else self._told_before(message)
        for number, (reading, from_question) in enumerate(tried):
            ranked = self.ranker.rank(reading, likely)
            reply = self.decider.decide(question, reading, ranked, previous, likely)
            alone = reading is plain or reading.clause
            if reply.answered and told_before and self._restated(reply, told_before):
                reply = self.decider.offered(reply, previous)
            if number == 0 and reply.answered and prefer_question:
                whole, whole_alone = reply, alone
                continue
            if reply.answered and (number == 0 or short or from_question):
                settled = self._settled(reply, reading, whole, message)
                return settled, whole_alone if settled is whole else alone
            asked_read = asked_read or from_question
            if reply.answered and reading.clause and not from_question and asked_read:
                # "Given that X, how many ...?": once what is asked has been read and not
                # answered, a clause telling what it takes as given is no answer to it.
                continue
            # An answer to a clause of a question beats one to a clause of the chatter around it.
            key = (reply.answered, reply.answered and from_question, reply.confidence)
            if best is None or key > best_key:
                best, best_key, best_alone = reply, key, alone
        if whole is not None:
            return whole, whole_alone
        assert best is not None
        return best, best_alone

    def _seconded(
        self, reply: Reply, likely: Likelihood | None, previous: Context, *, second: bool = True
    ) -> Reply:
        """Return an answer the engine is not sure of as "did you mean" when the classifier,
        reading the message on its own, finds another fact likelier and this one unlikely,
        unless the two facts quote the same sentence (either then answers); or, with `second`,
        as the answer with that other fact, when it is the runner-up, likely, and scored enough
        itself."""
        if reply.reason not in SCORED or reply.fact_id is None:
            return reply
        view = self.decider.doubt(likely, self.index.fact_index[reply.fact_id], reply.confidence)
        if view is None:
            return reply
        seconded = self.decider.seconded(reply, view, previous) if second else None
        return seconded or self.decider.disputed(reply, view, previous)

    def _settled(
        self, reply: Reply, reading: Query, whole: Reply | None, message: Message
    ) -> Reply:
        """Return the answer to a reading, or to the whole message if the reading says little
        and the whole's answer is not what the message's other sentences already say."""
        if (
            whole is not None
            and not self.interpreter.says_enough(reading.tokens)
            and not self._restated(whole, self._told(message))
        ):
            return whole
        return reply

    def _told_before(self, message: Message) -> frozenset[str] | None:
        """Return what a message tells, in its sentences that ask nothing, when it asks what
        came after ("The prisoners ended up with the Mauritanian Army on May 16. What did they
        do with them after that?"): an answer it already tells is not what it asks. None for a
        message of one sentence, or asking nothing after anything."""
        if (
            not message.several
            or not message.clauses
            or lang.SEQUEL_WORDS.isdisjoint(message.words)
        ):
            return None
        asked = {w for asks, clause in message.clauses if asks for w in normalize(clause).split()}
        if lang.SEQUEL_WORDS.isdisjoint(asked):
            return None
        return self._told(message) or None

    def _told(self, message: Message) -> frozenset[str]:
        """Return the tokens of the sentences of a message that ask nothing."""
        return frozenset(t for said in self.interpreter.told(message) for t in said)

    def _restated(self, reply: Reply, told: frozenset[str]) -> bool:
        """Return whether what a message tells (`told`) already says a reply's answer ("The MAA
        abandoned Ber after May 5. When did the MAA leave Ber?"): its dates and numbers, and
        most of its other telling words."""
        if reply.fact_id is None:
            return False
        index = self.index
        answer = index.answers[index.fact_index[reply.fact_id]]
        if any(lang.is_figure(t) and t not in told for t in answer):
            return False
        answer = [t for t in answer if t not in index.weak_tokens] or answer
        return sum(t in told for t in answer) >= self.weights.restated_share * len(answer)

    def rank(self, question: str, *, limit: int = 5) -> list[Candidate]:
        """Return the facts that best match a question on its own, best first."""
        message = self.interpreter.message(question, MAX_QUESTION_CHARS)
        if not message.tokens:
            return []
        plain = self.interpreter.plain(message, message.tokens, exclude=frozenset())
        ranked = self.ranker.rank(plain, self._likely(message))
        return [self.decider.candidate(m) for m in ranked[:limit]]

    def offers(self, reply: Reply, *, limit: int = 5) -> list[Candidate]:
        """Return the facts to offer for a reply to a question asked on its own, best first: the
        facts it answers (each of a message asking several) or the questions it offers ("did
        you mean", a section's), then the ranking's others that reach the suggestion threshold;
        none for a declined question."""
        if reply.outcome is Outcome.DECLINE:
            return []
        index = self.index
        # (Each fact once, first where it comes, with its own score.)
        scores: dict[int, float] = {}
        for answer in (reply, *reply.also):
            if answer.fact_id is not None:
                scores.setdefault(index.fact_index[answer.fact_id], answer.confidence)
        if reply.outcome is Outcome.SUGGEST:
            for asked in reply.suggestions:
                if (n := index.phrased.get(asked)) is not None:
                    scores.setdefault(n, reply.confidence)
        first = [
            Candidate(index.facts[n].id, index.facts[n].questions[0], score)
            for n, score in scores.items()
        ]
        ids = {c.fact_id for c in first}
        ranked = [
            c
            for c in self.rank(reply.question, limit=limit)
            if c.score >= self.thresholds.suggest and c.fact_id not in ids
        ]
        return [*first, *ranked][:limit]

    def starters(self) -> tuple[str, ...]:
        """Return three example questions the bot answers, for greetings and declines."""
        return self.index.starters
