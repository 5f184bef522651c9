"""Decide: answer the best fact, offer "did you mean", quote one sentence, or decline, and say
why; the words of each reply come from `replies`."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace

from bot import lang, replies
from bot.dialogue import Context
from bot.index import FactIndex
from bot.interpret import Query
from bot.knowledge import Citation, Fact
from bot.opinion import Likelihood, Opinion
from bot.reply import Candidate, Outcome, Reason, Reply
from bot.scoring import Explanation, Match
from bot.signals import NO_ANSWER
from bot.verdict import Verdict, measures
from bot.vocabulary import Vocabulary
from bot.weights import Thresholds, Weights


class Decider:
    """Turns a ranking into a reply."""

    def __init__(
        self,
        vocabulary: Vocabulary,
        index: FactIndex,
        thresholds: Thresholds,
        weights: Weights,
        title: str,
        verdict: Verdict | None = None,
    ) -> None:
        self.v = vocabulary
        self.index = index
        self.thresholds = thresholds
        self.weights = weights
        self.title = title
        self._who = vocabulary.token("who")
        self.verdict: Verdict | None = verdict
        """Asked before answering whether the best fact is likely to answer (None: never)."""
        self.observe: Callable[[Query, list[Match], float], None] | None = None
        """Shown every ranking the decider weighs (not an empty one, nor a clause of chatter),
        to fit the verdict."""
        # The language the article, and so the answers, are written in.
        self.language = replies.text_language(" ".join(s.text for s in index.sentences[:40]))

    @contextmanager
    def unobserved(self) -> Iterator[None]:
        """Weigh rankings without showing them to `observe`: the verdict is fitted on messages
        read whole, not on the questions the engine asks of their parts."""
        observe, self.observe = self.observe, None
        try:
            yield
        finally:
            self.observe = observe

    def decide(
        self,
        question: str,
        query: Query,
        ranked: list[Match],
        previous: Context,
        classified: Likelihood | None = None,
    ) -> Reply:
        """Return the reply to one reading of a question, given its ranked facts (and the
        classifier's view of the message, `classified`)."""
        tokens = query.tokens
        limits = self.thresholds
        if not ranked:
            return self.decline(question, tokens, previous)
        if query.clause and self.index.topical.isdisjoint(tokens):
            # A clause of a longer message that uses no word of the article ("what else can I
            # try?") is chatter around it: whatever it matches, it matches by chance.
            return self.decline(question, tokens, previous)
        top = ranked[0]
        runner = ranked[1] if len(ranked) > 1 else None
        runner_up = self.candidate(runner) if runner else None
        given, explanation = self.index.facts[top.fact], top.explanation
        given_runner, given_score = runner_up, top.score
        part = self._part_named(query, ranked, classified)
        if part is not None:
            # Answered, it is with the part of its sentences the question names, at its own
            # score (the fact it stands in for the runner-up).
            given, given_runner, given_score = (
                self.index.facts[part.fact],
                self.candidate(top),
                part.score,
            )
            explanation = (
                explanation.of(part.fact, part.opinion) if explanation is not None else None
            )
        led = self._clear(top, runner, query)
        # (Answering would guess whom a "they" standing for nobody stands for; or "who else?",
        # "what happened later?" is asked, and a fact the reader has had in this conversation
        # is no answer to it, however it scores.)
        barred = self._guessed(query, top, runner) or bool(
            query.exclude and top.fact in self.index.positions(query.exclude)
        )
        clear = led and not barred
        bar = limits.answer * (self.weights.long_bar if query.long else 1.0)
        if self.observe is not None:
            self.observe(query, ranked, _unanswered_share(classified))
        judged: tuple[float, float] | None = None
        # A fact just under the bar, or scoring enough but level with the runner-up, is
        # answered when found very likely to answer on everything the ranking saw (the lead
        # over the runner-up among it).
        weighed: Reason | None = None
        doubted = False
        if limits.answer - limits.near <= top.score < bar:
            weighed = Reason.CLOSE if clear and top.factor > limits.near_signals else None
        elif top.score >= bar and not (led or barred or query.elsewhere):
            weighed = Reason.LIKELIEST
        if weighed is not None and self.verdict is not None:
            likely = self.verdict.likelihood(
                measures(self.index, query, ranked, _unanswered_share(classified))
            )
            doubted = likely < self.verdict.floor
            if likely >= limits.likely and not _reads_unanswered(classified, query):
                return self.answer_with(
                    question, given, given_score, tokens, previous, given_runner, reason=weighed,
                    explanation=explanation, threshold=bar, verdict=(likely, limits.likely),
                )  # fmt: skip
        if top.score >= bar and clear:
            verdict = self.verdict
            # (Not asked of a score beyond doubt, nor of one of the fact's own phrasings.)
            if (
                verdict is not None
                and top.score < limits.sure
                and self.index.exact.get(frozenset(tokens)) != top.fact
            ):
                likely = verdict.likelihood(
                    measures(self.index, query, ranked, _unanswered_share(classified))
                )
                judged = (likely, verdict.floor)
            if judged is None or (
                judged[0] >= judged[1] and not _reads_unanswered(classified, query)
            ):
                return self.answer_with(
                    question, given, given_score, tokens, previous, given_runner,
                    explanation=explanation, threshold=bar, verdict=judged,
                )  # fmt: skip
            # (Scored enough, but unlikely to answer what was asked: offered, not given.)
        unlikely = _reads_unanswered(classified, query)
        quoted = None if unlikely else self._quoted(question, query, previous)
        if quoted is not None:
            return replace(quoted, runner_up=self.candidate(top), threshold=bar)
        deeds = self._deeds_of(query)
        if deeds and top.score < bar:
            # "What did the MAA do?": what the article tells of its deeds, to choose from.
            return self._offer(question, query, deeds, previous, bar)
        recognised = self._recognised(
            query, top, runner, bar, barred or unlikely or doubted, classified
        )
        if recognised is not None:
            reply = self.answer_with(
                question, given, given_score, tokens, previous, given_runner,
                reason=Reason.RECOGNISED, explanation=explanation, threshold=bar,
            )  # fmt: skip
            return replace(reply, opinion=recognised)
        if top.score >= limits.suggest and not query.elsewhere:
            return self._suggest(
                question, query, ranked, previous, runner_up, bar, judged,
                unanswered=unlikely and judged is not None and judged[0] >= judged[1],
            )  # fmt: skip
        return self.decline(
            question,
            tokens,
            previous,
            ranked=ranked,
            explanation=top.explanation,
            threshold=bar,
            first=self._placing(query),
        )

    def _recognised(
        self,
        query: Query,
        top: Match,
        runner: Match | None,
        bar: float,
        barred: bool,
        classified: Likelihood | None,
    ) -> Opinion | None:
        """Return the classifier's view of the one fact a question scored enough to offer,
        under the bar, when it recognises the question as one of that fact's: reading the
        message on its own, it finds the fact the likeliest of all (the questions no fact
        answers among them) and at least `Weights.recognised` likely. None otherwise (the fact
        is offered): for a turn read in the light of the conversation (its words alone do not
        say what it asks); a fact the turn rules out, or the verdict was asked of and found
        under its floor, or of a message read as no question of a fact's (`barred`); a sign
        of another event; or a fact a signal found to tell something else than what is asked
        (`signals.NO_ANSWER`: "what happened to the vehicles seized?")."""
        limits = self.thresholds
        if (
            classified is None
            or barred
            or query.elsewhere
            or query.leaning
            # (Just under the bar, whatever the threshold: one raised to answer less does not
            # answer more so.)
            or not max(limits.suggest, bar - self.weights.recognised_band) <= top.score < bar
            or (runner is not None and runner.score >= limits.suggest)
        ):
            return None
        if top.explanation is not None and any(
            s.name in NO_ANSWER for s in top.explanation.signals()
        ):
            return None
        return classified.recognises(self.index.facts[top.fact].id, self.weights.recognised)

    def _placing(self, query: Query) -> tuple[int, ...]:
        """Return the facts placing the place a question asks where it is ("is Ber in
        Niger?"): offered first when none answers it, they tell where it is."""
        if query.placed is None:
            return ()
        index = self.index
        placing = [n for n, places in enumerate(index.places_placed) if query.placed in places]
        # (A fact asked where something is first: "Ber, Mali" also opens the fact on who won.)
        return tuple(sorted(placing, key=lambda n: n not in index.pinpointed)[:1])

    def _deeds_of(self, query: Query) -> tuple[int, ...]:
        """Return the facts telling what someone did, in the story's order, when a question
        asks only that ("what did the MAA do?": its tokens the question word and whom it asks
        of), or none."""
        index = self.index
        if not query.subjects or query.elsewhere:
            return ()
        asking = index.weak_tokens | index.typed_question_tokens
        if any(t not in asking and t not in query.subjects for t in query.tokens):
            return ()
        told = [n for n, own in enumerate(index.subjects) if own & query.subjects]
        # (In the story's order: the dated first, by their dates.)
        return tuple(sorted(told, key=lambda n: (index.when[n] == (0, 0), index.when[n])))

    def _offer(
        self, question: str, query: Query, facts: tuple[int, ...], previous: Context, bar: float
    ) -> Reply:
        """Return the reply offering some facts to choose from ("did you mean")."""
        offered = facts[:3]
        return Reply(
            question=question,
            outcome=Outcome.SUGGEST,
            text=replies.unsure_text(question, len(offered)),
            confidence=0.0,
            suggestions=self._offered(question, list(offered)),
            on_topic=True,
            context=self.next_context(query.tokens, previous, None),
            reason=Reason.UNSURE,
            threshold=bar,
        )

    def _clear(self, top: Match, runner: Match | None, query: Query) -> bool:
        """Return whether the top fact stands clear enough of the runner-up to be answered
        (the reading `query` it ranks for)."""
        limits = self.thresholds
        runner_score = runner.score if runner else 0.0
        # Two facts that quote the same sentence are not a real choice: either answers.
        same_quote = runner is not None and bool(
            self.index.fact_sentences[top.fact] & self.index.fact_sentences[runner.fact]
        )
        # (The classifier's share may order two facts, but not by itself set one clear of the
        # other: the lead must hold on the ranking's own scores too. Only the verdict may
        # answer a fact so led, `Reason.LIKELIEST`.)
        lead = top.score - runner_score >= limits.margin and (
            runner is None or _own(top) - _own(runner) >= limits.margin
        )
        # A score beyond doubt is answered whatever the runner-up scored, but for one as high
        # and level with it: two facts the follow-up boost lifted together ("what did they
        # keep near the town?": what the MAA kept, or why). Not when the turn asks past what
        # the reader has had ("what else did he say?", "and later?"): that is ruled out, and
        # either of the rest answers.
        sure = top.score >= limits.sure and (
            top.score - runner_score >= limits.margin or bool(query.exclude)
        )
        return sure or lead or same_quote

    def _guessed(self, query: Query, top: Match, runner: Match | None) -> bool:
        """Return whether answering would guess whom a turn's "they" stands for: it stands for
        nobody named, and another fact, quoting other sentences, scores near the best ("when
        did they leave?": the MAA, or the Burkinabe forces)."""
        return (
            query.unresolved
            and runner is not None
            and top.score - runner.score < self.weights.suggestion_window
            and not self.index.fact_sentences[top.fact] & self.index.fact_sentences[runner.fact]
        )

    def _suggest(
        self,
        question: str,
        query: Query,
        ranked: list[Match],
        previous: Context,
        runner_up: Candidate | None,
        bar: float,
        judged: tuple[float, float] | None = None,
        *,
        unanswered: bool = False,
    ) -> Reply:
        """Return the reply offering the facts that score close to the best ("did you mean"):
        `judged`, the verdict on the best when it scored enough but was found unlikely, or
        likely enough but the message likelier one no fact answers (`unanswered`)."""
        top = ranked[0]
        floor = max(self.thresholds.suggest, top.score - self.weights.suggestion_window)
        close = [m for m in ranked[:3] if m.score >= floor]
        if query.exclude:
            # "What else?" is not offered what the reader has just had.
            told = self.index.positions(query.exclude)
            close = [m for m in close if m.fact not in told]
            if not close:
                return self.decline(
                    question, query.tokens, previous,
                    ranked=[m for m in ranked if m.fact not in told] or None, threshold=bar,
                )  # fmt: skip
            if top.fact in told:
                # (What is offered first is what the reply's score and reasons are of, as
                # `/why` tells them; the runner-up is the next not had either.)
                top = close[0]
                rest = (m for m in ranked if m.fact not in told and m is not top)
                runner_up = self.candidate(runner) if (runner := next(rest, None)) else None
        # ("Is Ber in Mauritania?": first, where the article says it is.)
        first = self._placing(query)
        offered = [*first, *(m.fact for m in close if m.fact not in first)][:3]
        return Reply(
            question=question,
            outcome=Outcome.SUGGEST,
            text=replies.unsure_text(question, len(offered)),
            confidence=round(top.score, 3),
            suggestions=self._offered(question, offered),
            runner_up=runner_up,
            on_topic=True,
            context=self.next_context(query.tokens, previous, None),
            reason=Reason.UNSURE
            if judged is None
            else Reason.LIKE_UNANSWERED
            if unanswered
            else Reason.UNLIKELY,
            explanation=top.explanation,
            threshold=bar,
            verdict=judged,
        )

    def section(
        self,
        question: str,
        name: str,
        facts: tuple[int, ...],
        previous: Context,
        tokens: list[str],
    ) -> Reply:
        """Return the reply to a message naming only a section of the article: the questions
        its first facts answer, offered (the conversation goes on about what it named)."""
        return Reply(
            question=question,
            outcome=Outcome.SUGGEST,
            text=replies.section_text(question, name),
            suggestions=self._offered(question, list(facts[: self.weights.section_offers])),
            on_topic=True,
            context=self.next_context(tokens, previous, None),
            reason=Reason.SECTION,
        )

    def seconded(self, reply: Reply, view: Opinion, previous: Context) -> Reply | None:
        """Return the answer with the runner-up instead of an answer the classifier disputes,
        when the runner-up is the fact it finds likelier, at least `seconding` likely, and
        scored the bar itself: the ranking and the classifier then both find it a fit. None
        otherwise (both are offered)."""
        runner = reply.runner_up
        index = self.index
        if (
            runner is None
            or runner.fact_id != view.best
            or view.best_probability < self.weights.seconding
            or runner.score < reply.threshold
            or reply.fact_id is None
        ):
            return None
        passed = index.facts[index.fact_index[reply.fact_id]]
        seconded = self.answer_with(
            reply.question,
            index.facts[index.fact_index[runner.fact_id]],
            runner.score,
            list(reply.context.tokens),
            previous,
            Candidate(passed.id, passed.questions[0], reply.confidence),
            reason=Reason.SECONDED,
            threshold=reply.threshold,
        )
        return replace(seconded, opinion=view)

    def disputed(self, reply: Reply, view: Opinion, previous: Context) -> Reply:
        """Return an answer the classifier disputes as "did you mean": its fact, and the one the
        classifier finds likelier (when readers are served it)."""
        index = self.index
        offered = [index.fact_index[reply.fact_id or ""]]
        other = index.fact_index.get(view.best)
        if other is not None:
            offered.append(other)
        return replace(self._as_offer(reply, offered, previous, Reason.DISPUTED), opinion=view)

    def offered(self, reply: Reply, previous: Context) -> Reply:
        """Return an answer the message already tells as "did you mean" its fact: the reader
        asks for more than it, which the article may not say."""
        offered = [self.index.fact_index[reply.fact_id or ""]]
        return self._as_offer(reply, offered, previous, Reason.ALREADY_TOLD)

    def _as_offer(
        self, reply: Reply, offered: list[int], previous: Context, reason: Reason
    ) -> Reply:
        """Return an answer turned into "did you mean" the facts `offered`."""
        return replace(
            reply,
            outcome=Outcome.SUGGEST,
            text=replies.unsure_text(reply.question, len(offered)),
            citations=(),
            suggestions=self._offered(reply.question, offered),
            fact_id=None,
            # (The reader never saw the fact: it is not among those given.)
            context=replace(
                reply.context, fact_id=previous.fact_id, answered=False, given=previous.given
            ),
            reason=reason,
        )

    def _quoted(self, question: str, query: Query, previous: Context) -> Reply | None:
        # A clause is quoted for no more than the whole message would be, nor a sentence for a
        # question asking what no sentence gives (a kind, an age, a reason), nor one asking
        # what someone did, or when or how they did it: a sentence naming them and the deed may
        # have another do it ("what did the MNLA say?" of a sentence where a Malian source says
        # it; "when did the MNLA raid In Khalil?" of one where the MAA raids it, then held by
        # the MNLA). Nor for "where exactly?": a sentence covering the question names no place
        # it does not; nor for "which gangs?": it may name them only as some gangs.
        if (
            query.elsewhere
            or query.clause
            or query.pinpoint
            or query.asks
            or query.subjects
            or query.which
            or self.v.token("why") in query.tokens
        ):
            return None
        # (Asked what came after the last answer, "and then what happened to the town?", not
        # with a sentence of before it; a time the turn only leans on ("who held the town when
        # it was stormed?" after the May attack) may be the wrong one to hold it to.)
        since = query.since if query.after_last else None
        # (Nor, putting the last answer right, with a sentence of it.)
        told: frozenset[int] = frozenset()
        if query.corrects:
            index = self.index
            told = frozenset(
                s for f in index.positions(query.exclude) for s in index.fact_sentences[f]
            )
        return self.quote(question, query.tokens, previous, since=since, told=told)

    def answer_with(
        self,
        question: str,
        fact: Fact,
        score: float,
        tokens: list[str],
        previous: Context,
        runner_up: Candidate | None = None,
        *,
        reason: Reason = Reason.MATCHED,
        explanation: Explanation | None = None,
        threshold: float = 0.0,
        verdict: tuple[float, float] | None = None,
    ) -> Reply:
        """Return the reply answering with a fact."""
        return Reply(
            question=question,
            outcome=Outcome.ANSWER,
            text=replies.answer_text(question, fact.answer, self.language),
            citations=fact.citations,
            confidence=round(score, 3),
            fact_id=fact.id,
            runner_up=runner_up,
            on_topic=True,
            context=self.next_context(tokens, previous, fact),
            reason=reason,
            explanation=explanation,
            threshold=threshold,
            verdict=verdict,
        )

    def confirm(self, question: str, fact: Fact, previous: Context) -> Reply:
        """Return the last answer again to a reader who doubts it ("are you sure?"), saying the
        article says so; the conversation stays where it was."""
        reply = self.answer_with(
            question, fact, 1.0, list(previous.tokens), previous, reason=Reason.CONFIRMED
        )
        return replace(reply, text=replies.confirmed_text(question, fact.answer))

    def unsourced(self, question: str, fact: Fact, previous: Context) -> Reply:
        """Return the last answer again to a reader asking whose word it is, when the article
        tells it in its own words: saying that it names no one for it."""
        reply = self.answer_with(
            question, fact, 1.0, list(previous.tokens), previous, reason=Reason.UNSOURCED
        )
        return replace(reply, text=replies.unsourced_text(question, fact.answer))

    def quote(
        self,
        question: str,
        tokens: list[str],
        previous: Context,
        *,
        since: tuple[int, int] | None = None,
        told: frozenset[int] = frozenset(),
    ) -> Reply | None:
        """Answer with one article sentence when it covers nearly all of the question; with
        `since`, not with one dated before it (a sentence without a date of its own has the
        date of the one before it in its section; one with none before it, none)."""
        index = self.index
        weights = {t: index.weight(t) for t in tokens if t not in index.setting_tokens}
        content = {t: w for t, w in weights.items() if t not in index.question_tokens}
        total = sum(content.values())
        if len(content) < 3:
            return None
        wanted = self._sentence_checks(tokens)
        best_index, best_cover = -1, 0.0
        # A sentence without the question's weightiest word covers too little of it (at the
        # usual threshold: a lower one reads every sentence).
        heaviest = max(content, key=content.__getitem__)
        candidates: Iterable[int] = range(len(index.sentence_tokens))
        if self.thresholds.quote > 1 - content[heaviest] / total:
            candidates = index.sentences_with.get(heaviest, ())
        for position in candidates:
            if position in told:
                continue
            sentence_tokens = index.sentence_tokens[position]
            if not all(check(sentence_tokens) for check in wanted):
                continue
            when = index.sentence_when[position]
            if since is not None and when != (0, 0) and when < since:
                continue
            cover = sum(w for t, w in content.items() if t in sentence_tokens) / total
            if cover > best_cover:
                best_index, best_cover = position, cover
        if best_cover < self.thresholds.quote:
            return None
        sentence = index.sentences[best_index]
        return Reply(
            question=question,
            outcome=Outcome.ANSWER,
            text=replies.quote_intro(question),
            citations=(Citation(sentence.section, sentence.text),),
            confidence=round(best_cover * self.weights.quote_confidence, 3),
            on_topic=True,
            quoted=True,
            # (Whom the sentence names is whom it told of: "who else?", quoted "Burkinabe and
            # Malian forces captured it", then "when did they leave?" asks of them.)
            context=self.next_context(
                tokens, previous, None, told=self._named(self.v.analyze(sentence.text))
            ),
            reason=Reason.QUOTED,
        )

    def _sentence_checks(self, tokens: list[str]) -> list[Callable[[frozenset[str]], bool]]:
        """Return checks a sentence must pass: a date for "when", a number for "how many"."""
        checks: list[Callable[[frozenset[str]], bool]] = []
        asked = set(tokens)
        token = self.v.token
        if token("when") in asked:
            # (A month or a year: "the 23 detainees" dates nothing.)
            checks.append(lambda s: any(t in lang.MONTHS or _year(t) for t in s))
        if token("many") in asked:
            checks.append(lambda s: any(t.isdigit() for t in s))
        if asked & {token("who"), token("where")}:
            checks.append(lambda s: any(t.startswith("@") for t in s))
        return checks

    def _part_named(
        self, query: Query, ranked: list[Match], classified: Likelihood | None
    ) -> Match | None:
        """Return the match of the fact telling the part of the best one's sentences the
        question names (`FactIndex.part_named`), when it scores as an answer on its own and the
        classifier does not doubt the best one; or None."""
        top = ranked[0]
        part = self.index.part_named(query, top.fact)
        # (Nor when the classifier doubts the best one: it stands then, to be offered.)
        if part is None or self.doubt(classified, top.fact, top.score) is not None:
            return None
        # (Not a part the ranking found no answer: "which ethnic group did the MAA attack?"
        # names the MAA, whose make-up scores far under the bar for it.)
        match = next((m for m in ranked if m.fact == part), None)
        return match if match is not None and match.score >= self.thresholds.answer else None

    def doubt(self, likely: Likelihood | None, fact: int, score: float) -> Opinion | None:
        """Return the classifier's view of an answer with a fact at a score under `overruled`,
        when, reading the message on its own, it finds another fact likelier and this one
        unlikely (`disputed`), the two quoting no sentence in common, and, for a score from
        `disputable` up, that other fact at least `overruling` likely (then the answer is
        offered as "did you mean", or the other fact answered instead, see
        `Engine._seconded`); else None."""
        weights = self.weights
        if likely is None or score >= weights.overruled:
            return None
        index = self.index
        view = likely.opinion(index.facts[fact].id)
        if view is None or view.best == view.fact or view.probability >= weights.disputed:
            return None
        if score >= weights.disputable and view.best_probability < weights.overruling:
            return None
        other = index.fact_index.get(view.best)
        if other is not None and index.fact_sentences[fact] & index.fact_sentences[other]:
            return None
        return view

    def decline(
        self,
        question: str,
        tokens: list[str],
        previous: Context | None,
        *,
        empty: bool = False,
        ranked: list[Match] | None = None,
        reason: Reason | None = None,
        explanation: Explanation | None = None,
        threshold: float = 0.0,
        first: tuple[int, ...] = (),
    ) -> Reply:
        """Return the reply declining a question, with questions the bot can answer instead
        (`first`, facts to offer before the ranking's)."""
        index = self.index
        on_topic = any(t in index.topical for t in tokens) or (
            # "and when?" after an answer: a follow-up asking nothing of its own, or asking the
            # last question again, is about what the conversation is about.
            bool(tokens)
            and previous is not None
            and previous.fact_id is not None
            and (
                index.weak_tokens.issuperset(tokens)
                or any(t in previous.tokens and t not in index.weak_tokens for t in tokens)
            )
        )
        if reason is None:
            reason = Reason.EMPTY if empty else Reason.NOT_COVERED if on_topic else Reason.OFF_TOPIC
        if on_topic and ranked:
            offered = [*first, *(m.fact for m in ranked[:3] if m.fact not in first)][:3]
            suggestions = self._offered(question, offered)
        else:
            suggestions = self.index.starters_in(replies.question_language(question))
        best = ranked[0].score if ranked else 0.0
        near = best >= self.weights.near_decline
        return Reply(
            question=question,
            outcome=Outcome.DECLINE,
            text=replies.decline_text(reason, question, self.title, near=near),
            confidence=round(best, 3),
            suggestions=suggestions,
            runner_up=self.candidate(ranked[0]) if ranked else None,
            on_topic=on_topic,
            context=_unanswered(
                previous,
                self._named(tokens) if on_topic else (),
                self.weights.context_entities,
                asked=tuple(tokens) if reason is Reason.NOT_COVERED else None,
            ),
            reason=reason,
            explanation=explanation,
            threshold=threshold,
        )

    def _named(self, tokens: list[str]) -> tuple[str, ...]:
        """Return the pack's names a turn's tokens hold, as entity ids."""
        entities = self.v.entities
        return tuple(t[1:] for t in tokens if t.startswith("@") and t[1:] in entities)

    def _offered(self, question: str, facts: list[int]) -> tuple[str, ...]:
        """Return facts as offered to the reader of a question: in their language."""
        language = replies.question_language(question)
        return tuple(self.index.offered(fact, language) for fact in facts)

    def candidate(self, match: Match) -> Candidate:
        """Return a ranked fact as a candidate to show."""
        fact = self.index.facts[match.fact]
        return Candidate(fact.id, fact.questions[0], round(match.score, 3))

    def next_context(
        self,
        tokens: list[str],
        previous: Context,
        fact: Fact | None,
        *,
        told: Sequence[str] = (),
    ) -> Context:
        """Return the conversation's context after this reply (`told`: whom it told of, when
        it quotes a sentence and gives no fact)."""
        mentioned = [t[1:] for t in tokens if t.startswith("@")]
        about = list(fact.about) if fact else list(told)
        # "Who took it after the MAA left?": whoever the answer names is whom a "they" next
        # stands for, before whoever the question named.
        lead = [e for e in about if e not in mentioned] if self._who in tokens else []
        entities: list[str] = []
        for entity_id in (*lead, *mentioned, *about, *previous.entities):
            if entity_id not in entities and entity_id in self.v.entities:
                entities.append(entity_id)
        # (From the last fact too: a context kept before facts were remembered has it alone.)
        given = previous.given
        if previous.fact_id is not None and previous.fact_id not in given:
            given = (previous.fact_id, *given)
        if fact is not None:
            given = (fact.id, *(f for f in given if f != fact.id))
        given = given[: self.weights.context_facts]
        return Context(
            entities=tuple(entities[: self.weights.context_entities]),
            fact_id=fact.id if fact else previous.fact_id,
            tokens=tuple(tokens),
            answered=fact is not None,
            given=given,
        )


def _reads_unanswered(classified: Likelihood | None, query: Query) -> bool:
    """Return whether the classifier finds a message, read on its own, likelier one of the
    questions no fact answers than one asked of any fact: a fact the verdict must be asked of
    is then offered, not given, and no sentence is quoted for it (it covers the question's
    words, not what it asks). Worked out only when asked: most answers never need it."""
    return classified is not None and query.last is None and classified.unanswered()


def _unanswered_share(classified: Likelihood | None) -> float:
    """Return how likely the classifier finds the message one that no fact answers (a measure
    the verdict weighs; worked out only when it is asked)."""
    return classified.unanswered_share() if classified is not None else 0.0


def _unanswered(
    previous: Context | None,
    named: tuple[str, ...] = (),
    most: int | None = None,
    *,
    asked: tuple[str, ...] | None = None,
) -> Context:
    """Return the context after a turn left unanswered: the conversation as it was, but for
    whom the turn named, whom a "they" next stands for first ("why were the Burkinabe troops
    there?", declined, then "when did they leave?")."""
    if previous is None:
        return Context(entities=named[:most], tokens=asked or (), answered=False)
    entities = previous.entities
    if named:
        entities = tuple(dict.fromkeys((*named, *entities)))[:most]
    # (Built directly: dataclasses.replace costs more than the rest of declining.)
    return Context(
        entities=entities,
        fact_id=previous.fact_id,
        tokens=previous.tokens if asked is None else asked,
        answered=False,
        given=previous.given,
    )


def _year(token: str) -> bool:
    """Return whether a token is a year ("2013")."""
    return len(token) == 4 and token.isdigit()


def _own(match: Match) -> float:
    """Return a fact's score before the classifier's share was counted in."""
    return match.score / match.opinion[1] if match.opinion is not None else match.score
