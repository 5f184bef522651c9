"""Score signals: each says how much a fact fails to account for one thing the question asks,
as a factor below 1 and a reason, so `--debug` and `/why` can show what moved a score.

Each signal returns its factor; given a list (`found`), it also adds what it saw there. Ranking
asks for factors alone, and reasons only for the fact it ends up with.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

from bot import lang
from bot.index import FactIndex
from bot.interpret import Later, Query
from bot.vocabulary import Vocabulary
from bot.weights import Weights


class Signal(NamedTuple):
    """One thing that moved a fact's score (a named tuple: made for every fact a question
    is held against, so it must be cheap to make)."""

    name: str
    """What the signal checks, e.g. "missing-number"."""
    factor: float
    """How much it multiplied the score by."""
    reason: str
    """What it saw, in a few words."""


class Asked(NamedTuple):
    """What one reading of a question asks, worked out once for every fact it is held against."""

    query: Query
    """The reading."""
    first: str | None
    """Its first question word (a later "when" is mostly a conjunction)."""
    checked: frozenset[str]
    """Its tokens that a fact must account for."""
    topics: list[str]
    """Its tokens that say what it is about (not question words or numbers)."""
    subjects: list[str]
    """... less names."""
    unknown: list[str]
    """... that no fact uses."""
    claimed: frozenset[str]
    """For a yes/no question, the telling tokens a fact must say to answer it."""
    months: frozenset[str]
    """The months it puts its events in ("what happened there in April?"), when it asks
    neither before nor after them."""
    dated_setting: bool
    """Whether it asks only whether the article's own event was on a date ("was the battle
    on May 5?"): then the facts telling what else happened that day do not answer it."""
    endorsed: Mapping[str, frozenset[int]]
    """For its words, the facts the classifier learned them as words of: a fact lacking such
    a word lacks only the word, not what it asks ("pulled out" of the fact asked "leave")."""


@dataclass(frozen=True, slots=True)
class Judge:
    """What the signals need: the pack's index and vocabulary, and the weights."""

    index: FactIndex
    vocabulary: Vocabulary
    weights: Weights
    asked_kinds: dict[str, str]
    """Question words that need a kind of answer: "many" a number, "when" a date."""
    why: str | None
    """The token of "why"."""


Found = list[Signal] | None
SignalCheck = Callable[[Judge, Asked, int, Found], float]
NO_ANSWER = frozenset(
    """
    tells-the-described tells-the-given other-month other-time later-than-told
    earlier-than-asked wider-event other-place other-count counts-the-doer opposite not-which
    """.split()
)
"""The signals finding that a fact tells something else than what is asked: of another time,
place, event or count, or only what the question gives."""
_SOMEONE = ("group", "person")
"""The kinds of entity whose attributes a question may ask."""


def _fired(found: Found, name: str, factor: float, reason: str) -> float:
    if found is not None:
        found.append(Signal(name, factor, reason))
    return factor


def asked_for(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """Asking who, when, where or why, of a fact never asked that way (where: unless its answer
    names a place besides the article's own, as where it happened); or how many, when or a
    name, of a fact that holds no number, date or name ("How many planes?"), or no number but
    those the question gives."""
    first, index, w = asked.first, judge.index, judge.weights
    factor = 1.0
    if first in index.typed_question_tokens and first not in index.asked_words[fact]:
        missing = w.missing_why if first == judge.why else w.missing_question_word
        factor = _fired(found, "missing-question-word", missing, f"never asked '{first}'")
        if asked.query.again:
            # The last question's words asked again with another question word: what they
            # match is no answer unless it is asked that way.
            factor *= _fired(found, "asked-anew", w.asked_anew, "the last question, asked so")
    needed = judge.asked_kinds.get(first or "")
    if needed is not None and needed not in index.kinds[fact]:
        factor *= _fired(found, "missing-kind", w.missing_kind, f"gives no {needed}")
    elif (
        needed == "number"
        and (numbers := index.numbers[fact])
        and numbers <= asked.checked | asked.query.told
    ):
        # "How many men were in the fourteen pick-ups?" of the fact telling of fourteen.
        factor *= _fired(found, "missing-kind", w.missing_kind, "gives only the numbers given")
    return factor


def pinpoint(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Where exactly were the prisoners handed over to Mauritania?" is not answered by the
    fact naming no place but those the question names."""
    index, tokens = judge.index, asked.query.tokens
    placed = asked.query.placed
    if placed is not None:
        # ("Where is Timbuktu?" of "a source from Timbuktu said militants stormed Ber": it
        # names another place, but not where Timbuktu is.)
        if placed in index.places_placed[fact]:
            return 1.0
        reason = f"does not place {placed[1:]}"
        return _fired(found, "no-finer-place", judge.weights.missing_kind, reason)
    if fact in index.pinpointed or any(
        t in index.places and t not in tokens for t in index.answers[fact]
    ):
        return 1.0
    reason = "names no place but those asked of"
    return _fired(found, "no-finer-place", judge.weights.missing_kind, reason)


def referent(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What was his name?": a fact that does not name him is not about him; "what is that
    group's full name?": a fact neither asked about the group nor saying anything of it is not
    about it, whoever the sentences it quotes name."""
    index, vocabulary = judge.index, judge.vocabulary
    missing = {
        t
        for t in asked.query.referents
        if t not in index.vocab[fact]
        or (vocabulary.kind(t) == "group" and t not in index.about[fact])
    }
    if not missing:
        return 1.0
    factor = judge.weights.missing_referent
    return _fired(found, "missing-referent", factor, ", ".join(sorted(missing)))


def attributes(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """Asking what kind, how old, how long..., of a fact never asked that."""
    product = 1.0
    for missing in sorted(asked.query.asks - judge.index.asks[fact]):
        # (People's names are not a group's, however alike the question reads.)
        factor = judge.weights.missing_attribute ** (2 if missing == "names" else 1)
        product *= _fired(found, "missing-attribute", factor, f"never asked for {missing}")
    return product


def holder(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "How old was the elderly man?" is not the fact asked only how old the girl was, though
    its sentence names him too."""
    query, held = asked.query, judge.index.held[fact]
    for attribute in sorted(query.asks):
        own = held.get(attribute)
        if own and own.isdisjoint(query.holders):
            people = ", ".join(sorted(query.holders))
            reason = f"never asked the {attribute} of {people}"
            return _fired(found, "other-holder", judge.weights.other_holder, reason)
    return 1.0


def attribute_of(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """Asking what kind, how old, what full name..., of a group or person a fact is not about:
    "the Tuareg group's full name" is not given by the fact giving the Arab group's, whose
    sentence names the Tuareg one too."""
    about, kind = judge.index.about[fact], judge.vocabulary.kind
    named = [t for t in asked.query.tokens if t.startswith("@") and kind(t) in _SOMEONE]
    if not named or not about.isdisjoint(named) or not any(kind(t) in _SOMEONE for t in about):
        return 1.0
    factor = judge.weights.other_referent
    return _fired(found, "other-referent", factor, ", ".join(t[1:] for t in named))


def definition(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What is AFISMA?", "who are the Tuaregs?": a fact never asked what they are only
    names them; it does not tell what they are."""
    if asked.query.defined <= judge.index.defines[fact]:
        return 1.0
    names = ", ".join(sorted(t.lstrip("@") for t in asked.query.defined))
    factor = judge.weights.missing_definition
    return _fired(found, "not-a-definition", factor, f"never asked what {names} is")


def doer(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Who killed him?" of a fact never asked who did anything, or telling of a killing and
    never asked who did it: it may tell only that it happened. (A fact asked who did something
    else may say it in other words: "who runs it as director?" of one asked "who directs it?")"""
    index = judge.index
    doers, said = index.doers[fact], index.asserted[fact]
    if doers and not doers.isdisjoint(asked.query.tokens):
        return 1.0
    missing = [
        t
        for t in asked.query.doers - doers - index.done_by_named[fact]
        if t in index.idf and t not in index.weak_tokens and (not doers or t in said)
    ]
    if not missing:
        return 1.0
    factor = judge.weights.missing_doer
    return _fired(found, "missing-doer", factor, f"never says who did {', '.join(sorted(missing))}")


def subject(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Why did the MNLA kidnap the marabout's son?" is not the fact asked only what the MAA
    did to him."""
    index, query = judge.index, asked.query
    factor = 1.0
    if query.said and fact not in index.saying:
        # "What did the MNLA say?" is not what the MNLA is, nor what it did.
        named = ", ".join(sorted(t.lstrip("@") for t in query.said))
        factor = _fired(found, "not-said", judge.weights.unsaid, f"tells nothing {named} said")
    if query.deeds and query.deeds <= index.received[fact]:
        # "What did the Mauritanian Army do with them?" of "the MAA returned them to the
        # Mauritanian Army": it tells what the army was given, not what it did.
        named = ", ".join(sorted(t.lstrip("@") for t in query.deeds))
        factor *= _fired(
            found, "only-given", judge.weights.only_given, f"tells only what {named} was given"
        )
    own = index.subjects[fact]
    if own and not own.isdisjoint(query.subjects):
        return factor
    done_to = query.subjects & index.undergone[fact]
    if done_to and query.polar:
        # "Did the MNLA take Ber?" of "the MAA seized Ber from the MNLA": it says who did.
        return factor
    if own and not done_to:
        named = ", ".join(sorted(t.lstrip("@") for t in query.subjects))
        return factor * _fired(
            found, "other-doer", judge.weights.other_doer, f"never asked what {named} did"
        )
    if not done_to and not own and query.subjects and query.counted:
        # "How many civilians did the MNLA kill?" of a fact telling no one's deeds (a count of
        # the dead): it never says who killed them.
        named = ", ".join(sorted(t.lstrip("@") for t in query.subjects))
        return factor * _fired(
            found, "other-doer", judge.weights.other_doer, f"never says what {named} did"
        )
    if not done_to:
        if query.defined or not query.subjects or not query.subjects <= index.defines[fact]:
            return factor
        # "What did the MNLA do?", "who did the MNLA capture?" of "MNLA stands for ...": it
        # tells what the MNLA is, not what it did.
        named = ", ".join(sorted(t.lstrip("@") for t in query.subjects))
        return factor * _fired(
            found, "only-what-it-is", judge.weights.only_what_is, f"tells only what {named} is"
        )
    # "How did the MNLA seize Ber?" of "the MAA seized Ber from the MNLA", "how many prisoners
    # did the MNLA take?" of "three prisoners were taken from the MNLA side": it tells what was
    # done to the MNLA, not what it did.
    named = ", ".join(sorted(t.lstrip("@") for t in done_to))
    return factor * _fired(
        found, "done-to", judge.weights.done_to, f"tells only what was done to {named}"
    )


def opposite(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "When did the Burkinabe forces arrive?" is not told by the fact asked when they left:
    a deed the fact never tells, whose opposite it is asked about."""
    index = judge.index
    own, vocab = index.own_deeds[fact], index.vocab[fact]
    if not own or not own.isdisjoint(asked.checked):
        return 1.0  # ("The Burkinabe arrived and then left: when did they leave?")
    for token in asked.checked:
        opposites = index.opposites.get(token)
        if opposites and token not in vocab and not own.isdisjoint(opposites):
            told = ", ".join(sorted(own & opposites))
            return _fired(found, "opposite", judge.weights.opposite, f"tells {told}, not {token}")
    return 1.0


def reason(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Why did they leave?" is not the fact asked only why they kept their pick-ups."""
    own = judge.index.reasons[fact]
    if not own or not own.isdisjoint(asked.query.reasons):
        return 1.0
    deeds = ", ".join(sorted(asked.query.reasons))
    return _fired(found, "other-reason", judge.weights.other_reason, f"never asked why of {deeds}")


def count(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "How many French troops were wounded?" is not the fact asked only how many civilians
    were, when it never names them; "how many men manned the pick-ups?" not the fact asked only
    how many things were; "were they killed by the MAA?" not the fact counting the MAA's own
    losses."""
    index, counted = judge.index, asked.query.counted
    if asked.query.counts_people and fact in index.things_counted:
        # "How many men manned the pick-ups?" of the fact counting the pick-ups.
        return _fired(
            found, "other-count", judge.weights.other_count**2, "counts things, not people"
        )
    doers = asked.query.agents & index.counted[fact]
    if doers and doers.isdisjoint(counted):
        # "Were they killed by the MAA?" of the fact counting the MAA's own dead.
        named = ", ".join(sorted(t.lstrip("@") for t in doers))
        return _fired(found, "counts-the-doer", judge.weights.other_count, f"counts {named}'s own")
    own = index.counted[fact]
    if not counted or not own.isdisjoint(counted):
        return 1.0
    received = index.received[fact]
    # A fact naming them only as given what it counts does not count them ("how many
    # Mauritanians were captured?" of "returned three prisoners to the Mauritanian Army").
    if counted.isdisjoint(received):
        if not own:
            return 1.0
        taken_from = index.undergone[fact] - received
        # A fact naming them may count them, unless it names others what it counts was taken
        # from ("how many MAA fighters were captured?" of "prisoners taken from the MNLA").
        if not counted.isdisjoint(index.vocab[fact]) and (
            not taken_from or not counted.isdisjoint(taken_from)
        ):
            return 1.0
    named = ", ".join(sorted(t.lstrip("@") for t in counted))
    return _fired(found, "other-count", judge.weights.other_count, f"never asked how many {named}")


def claim(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """A yes/no question is answered by a fact saying what it asks, not one near it: each of its
    telling words that the fact's statement (and its own yes/no phrasings) lacks, but for
    those the classifier learned as the fact's words ("was the MAA hunting for gangs?")."""
    missing = {
        t
        for t in asked.claimed - judge.index.asserted[fact]
        if fact not in asked.endorsed.get(t, ())
    }
    if not missing:
        return 1.0
    offered = asked.query.alternatives & asked.claimed
    if missing <= offered and offered - missing:
        # "Were they civilians or fighters?": one of them said is what it asks.
        return 1.0
    product = 1.0
    for token in sorted(missing) if found is not None else missing:
        product *= _fired(found, "unasserted", judge.weights.unasserted, token.lstrip("@"))
    return product


def premise(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What happened to him after he was taken?": not that he was taken."""
    given = asked.query.premise
    if not given or not given <= judge.index.told[fact]:
        return 1.0
    return _fired(found, "tells-the-given", judge.weights.given, "tells only what is given")


def described(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What happened to the truck they seized?": not that they seized it, when that is all
    the fact's answer does."""
    given = asked.query.described
    index = judge.index
    if not given or not given.issubset(index.answers[fact]):
        return 1.0
    if not index.answer_deeds[fact] <= given | set(asked.query.tokens):
        return 1.0  # (it tells a deed besides: "... the prisoners captured, returned them")
    reason = "tells only how it is described"
    return _fired(found, "tells-the-described", judge.weights.given, reason)


def other_time(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Who held it then?": a fact telling of an earlier (or, "back then", a later) time."""
    since, until = asked.query.since, asked.query.until
    when = judge.index.when[fact]
    if since is None or when == (0, 0):
        return 1.0
    if when < since or (until is not None and when > until):
        return _fired(found, "other-time", judge.weights.other_time, "tells of another time")
    past, sentences = asked.query.last, judge.index.fact_sentences
    if (
        asked.query.after_last
        and past is not None
        and when == since
        and sentences[fact]
        and sentences[past]
        and max(sentences[fact]) < min(sentences[past])
    ):
        # ("What did the MAA take on May 5?", "and what happened after that?": not the
        # attack the article tells of before the vehicles seized, on the same day.)
        return _fired(found, "other-time", judge.weights.other_time, "tells of what came before")
    return 1.0


def other_month(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What happened there in April?" is not told by a fact whose sentences name only other
    months: it tells of another event."""
    named = judge.index.months[fact]
    if not named or not named.isdisjoint(asked.months):
        return 1.0
    month = min(asked.months)
    return _fired(found, "other-month", judge.weights.other_month, month)


def earlier(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What happened after May 16?" is not told by what happened on May 16, or before; but
    "who controls Ber after May 7?" is by the fact its curator asks "who controlled Ber after
    May 7?": a phrasing asking after that day with every word the question is about (not "who
    left after May 7?", nor "what happened after May 7?", about nothing)."""
    after, when = asked.query.after, judge.index.when[fact]
    if after is None or when == (0, 0) or when > after:
        return 1.0
    asked_so = judge.index.asked_after[fact].get(after)
    if asked_so is not None:
        skipped = judge.index.after_tokens
        about = [t for t in asked.topics if not lang.is_figure(t) and t not in skipped]
        if about and asked_so.issuperset(about):
            return 1.0
    return _fired(found, "earlier-than-asked", judge.weights.earlier, "tells of that day or before")


def later(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Who controls Ber today?" is not told by who held it on a day of the article's; "what
    happened after 2013?" by nothing it tells."""
    beyond, factor = asked.query.beyond, judge.weights.later_than_told
    if beyond is Later.PRESENT:
        if judge.index.when[fact] == (0, 0):
            return 1.0  # (A fact telling no dated event may tell how things are.)
        return _fired(found, "later-than-told", judge.weights.present, "asks of the present")
    if beyond is Later.PAST_THE_END:
        # (Nothing the article tells answers it: held down twice as far.)
        reason = "asks of a time after the last year it gives"
        return _fired(found, "later-than-told", factor**2, reason)
    return 1.0


def wider(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Who won the Mali War?" is not told by who won the battle that was part of it: only
    a fact naming the wider event tells of it."""
    if asked.query.wider.issubset(judge.index.answers[fact]):
        return 1.0  # (not "prisoner of war", said along the way in a quoted sentence)
    return _fired(found, "wider-event", judge.weights.wider_event, "never tells of it")


def place(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "What did they do in X?" is not the fact whose source was from X."""
    missing = asked.query.located - judge.index.fact_places[fact]
    if not missing:
        return 1.0
    factor = judge.weights.missing_place
    return _fired(found, "other-place", factor, ", ".join(sorted(missing)))


def unexplained(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """Dates, numbers, names and telling words of the question that the fact does not have."""
    index, w = judge.index, judge.weights
    # (A yes/no question's words are held against what the fact says instead: see `claim`.)
    missing = asked.checked - index.vocab[fact] - asked.claimed
    product = 1.0
    if not asked.query.long:
        # Words only the rest of its sentence says: it answers another part of the sentence.
        quoted = asked.checked - index.about[fact] - missing - asked.claimed
        for token in sorted(quoted) if found is not None else quoted:
            if token.startswith("@"):
                # (So with a group or a person only the rest of its sentence names, not its
                # answer: "who spoke for the MNLA?" of the fact naming the MAA's spokesman,
                # whose sentence names the MNLA. Not a place: where it happened is told along.)
                if token not in index.places and token not in index.answers[fact]:
                    product *= _fired(found, "sentence-only", w.sentence_only, token[1:])
            elif token not in index.weak_tokens:
                product *= _fired(found, "sentence-only", w.sentence_only, token)
    if not missing:
        return product
    for token in sorted(missing) if found is not None else missing:
        if lang.is_figure(token):
            product *= _fired(found, "missing-number", w.missing_number, token)
        elif token.startswith("@"):
            # Another place than the fact's is another event; another group or person may
            # just be named along the way.
            kind = judge.vocabulary.kind(token)
            if token in index.places:
                product *= _fired(found, "missing-place", w.missing_place, token[1:])
            elif kind == "person":
                product *= _fired(found, "missing-person", w.missing_person, token[1:])
            else:
                product *= _fired(found, "missing-group", w.missing_group, token[1:])
        elif not asked.query.long and token not in index.weak_tokens:
            if fact in asked.endorsed.get(token, ()):
                product *= _fired(found, "learned-word", w.learned_word, token)
            else:
                product *= _fired(found, "missing-word", w.missing_word, token)
    return product


def thing(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Which French regiment was stationed near Ber?": no fact names a regiment, so none
    gives it, however well it tells of the French near Ber."""
    name = asked.query.thing
    if name is None or name in judge.index.vocab[fact]:
        return 1.0
    return _fired(found, "missing-thing", judge.weights.missing_thing, f"never names a {name}")


def which(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Which gangs was the MAA hunting?" is not told by the fact saying it was hunting gangs:
    it names them only as some gangs, never which."""
    token = asked.query.which
    if token is None or token not in judge.index.unidentified[fact]:
        return 1.0
    factor = judge.weights.unidentified
    return _fired(found, "not-which", factor, f"never says which {token}")


def setting(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """ "Did the battle happen on April 25?" is not answered by what happened on April 25."""
    if fact in judge.index.setting_facts:
        return 1.0
    return _fired(found, "other-subject", judge.weights.other_subject, "not the event asked of")


def names_only(judge: Judge, asked: Asked, fact: int, found: Found) -> float:
    """Sharing only names is not an answer when the question asks about something else: "what
    is the capital of France?" is not about the French army; nor, of events at another place
    than the article's own, when it shares none of what is asked ("what did the MAA steal at
    In Khalil?" is not the fact telling only that the MAA raided it)."""
    vocab = judge.index.vocab[fact]
    if any(t in vocab for t in asked.topics) and (
        not (asked.unknown or asked.query.located) or any(t in vocab for t in asked.subjects)
    ):
        return 1.0
    if any(fact in asked.endorsed.get(t, ()) for t in asked.subjects):
        return 1.0  # (a word the classifier learned as the fact's: see `unexplained`)
    # A date is no name: "what happened in 2007?" of the fact telling of 2007.
    if not asked.topics and any(len(t) == 4 and t.isdigit() and t in vocab for t in asked.checked):
        return 1.0
    return _fired(found, "names-only", judge.weights.names_only, "shares only names")


SIGNALS: tuple[SignalCheck, ...] = (
    asked_for,
    pinpoint,
    referent,
    attributes,
    holder,
    attribute_of,
    definition,
    doer,
    subject,
    opposite,
    reason,
    count,
    claim,
    premise,
    described,
    other_time,
    other_month,
    earlier,
    later,
    wider,
    place,
    setting,
    unexplained,
    thing,
    which,
    names_only,
)
"""Every signal, in the order they are checked and shown."""


def active(asked: Asked) -> tuple[SignalCheck, ...]:
    """Return the signals that may fire for a reading: the others need not be checked per fact."""
    query = asked.query
    needs = (
        asked.first,
        query.pinpoint or query.placed,
        query.referents,
        query.asks,
        query.holders,
        query.asks,
        query.defined,
        query.doers,
        query.subjects or query.deeds,
        asked.checked,
        query.reasons,
        query.counted or query.counts_people or query.agents,
        asked.claimed,
        query.premise,
        query.described,
        query.since,
        asked.months,
        query.after,
        query.beyond,
        query.wider,
        query.located,
        asked.dated_setting,
        asked.checked,
        query.thing,
        query.which,
        True,
    )
    return tuple([check for check, need in zip(SIGNALS, needs, strict=True) if need])


def judge_fact(
    judge: Judge, asked: Asked, fact: int, checks: tuple[SignalCheck, ...], found: Found = None
) -> float:
    """Return the product of the signals' factors for a fact, adding what fired to `found`.

    `checks` are the signals active for the reading (`active(asked)`).
    """
    factor = 1.0
    for check in checks:
        factor *= check(judge, asked, fact, found)
    return factor
