"""How the engine decides: answer the right fact, suggest, or decline honestly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import lang
from bot.article import INFOBOX
from bot.index import _placed, _received, given_kinds
from bot.interpret import Query
from bot.knowledge import Pack, load_pack
from bot.matching import MAX_QUESTION_CHARS, Context, Engine, Outcome, Reason
from bot.replies import as_json, render_html, render_text, render_why, shown
from bot.text import asked_parts, normalize
from tests.commandline import REFITTED

SECOND_PACK = Path(__file__).resolve().parent / "packs" / "lantern-festival"


_OFFERED_SINCE = pytest.mark.xfail(
    strict=True,
    reason="offered, not answered, since the classifier was fitted on the development questions, "
    "its likelihood counted once and its idle word features left out (fewer wrong answers, and "
    "these few right ones lost)",
)


def _lost_to_tokens(why: str) -> pytest.MarkDecorator:
    """A spec lost when the classifier came to read a message's matching tokens beside its
    words (more right answers on questions written blind: this one not)."""
    return pytest.mark.xfail(strict=True, reason=f"since the classifier reads tokens: {why}")


def _lost_to_refit(why: str) -> pytest.MarkDecorator:
    """A spec lost when the classifier and verdict were fitted again on the development
    questions read anew (French "qu'ont-ils ...?" read as asking what): an answer that stood
    on its verdict's floor."""
    return pytest.mark.xfail(
        strict=True, reason=f'since the refit reading "qu\'ont-ils ...?" as what: {why}'
    )


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("who won the battle of ber?", "who-won"),
        ("WHO WON???", "who-won"),
        ("/ask@BerBot who won the battle", "who-won"),
        ("@BerBot when was the battle", "battle-date"),
        ("wen did the MAA leav ber", "maa-left-ber"),
        ("when did the arabs withdraw from ber?", "maa-left-ber"),
        ("quand le MAA a-t-il quitté Ber ?", "maa-left-ber"),
        ("how many civilians were killed", "civilians-killed"),
        ("combien de civils ont été tués ?", "civilians-killed"),
        ("did the french intervene?", "french-did-not-intervene"),
        ("what happened to the marabout's son", "marabout-son-kidnapped"),
        ("when did the Burkina Faso troops leave Ber", "burkinabe-left-ber"),
        ("which town got raided on Feb 23?", "first-clash-in-khalil"),
        ("wat town did the maa raid in febuary", "first-clash-in-khalil"),
        ("who wun the batle of ber", "who-won"),
        # A slip in a name is corrected before names are matched.
        ("whos mohamed ould ramadan", "ramadane-identity"),
        ("whats the name of the arab movment spokesparson", "ramadane-identity"),
        # Of two equally near words, the one alike in more letters.
        ("wher is ber", "battle-location"),
        ("waht is the MAA exactly", "maa-full-name"),
        ("What happened to the son of the local Muslim holy man?", "marabout-son-kidnapped"),
        # Fighters lost are casualties, not the force's size.
        ("how many fighters did the MAA lose?", "maa-casualties-unknown"),
        ("le MAA c koi en entier", "maa-full-name"),
        # A clause that only sets the scene does not count against the answer.
        (
            "Who were the civilians that died in Ber when the fighting broke out?",
            "civilian-victims",
        ),
        (
            "What were the French forces up to while the fighting went on?",
            "french-did-not-intervene",
        ),
        ("C ki le porte-parole du MAA ?", "ramadane-identity"),
        # Words of politeness ask nothing.
        ("Can someone tell me what date the clashes there broke out?", "battle-date"),
        ("les soldats burkinabe sont partis de ber kan ?", "burkinabe-left-ber"),
        # A yes/no question claims what it asks, not what it takes as given ("after ...").
        ("did the maa stay in ber after taking it?", "maa-left-ber"),
        # French as typed in chats and by sound.
        ("kombien de civils sont mor a ber ?", "civilians-killed"),
        ("kel jour le MAA a kitte ber ?", "maa-left-ber"),
        ("le MAA a kité Ber kel jour ?", "maa-left-ber"),
        # A possessive typed without its apostrophe, before the word it qualifies.
        ("Who was the MAAs spokesman back then?", "ramadane-identity"),
        # ... but a plural ending a phrase stays a plural.
        ("who won at Berr, the arabs or the tuaregs?", "who-won"),
        # An opening "so" or "and" is no part of the question; chat shorthand asks nothing.
        ("so after the fighting, who won?", "who-won"),
        ("who won the battle ASAP", "who-won"),
        ("Who was the MAA`s spokesman?", "ramadane-identity"),
        # The infobox is part of the article, not a word to match.
        ("What does the infobox list as civilian casualties?", "civilians-killed"),
        # What happened after it is what the next fact tells.
        (
            "what happened to the deserters after they were detained?",
            "suspected-deserters-released",
        ),
        # "In action" is no place.
        # What a question takes as given is not its answer.
        # A claim about what a group is, in a question that asks something else, is no question.
        ("MAA is Arab, I know. But who won the battle of Ber?", "who-won"),
        # A question proper is answered before one that only checks what the message takes
        # as given.
        (
            "So this guy Ramadane, he was speaking for the Arab movement, right? What reason did "
            "he give for keeping their trucks near the town? It sounds a bit suspicious to me.",
            "maa-monitoring-for-gangs",
        ),
        # ... but a question with its question word late, or after "so", "but", "tell me", is
        # one.
        (
            "So what reason did Ramadane give for keeping the trucks near the town of Ber after "
            "they left? Was he speaking for the Arab movement?",
            "maa-monitoring-for-gangs",
        ),
        (
            "Tell me who won the battle of Ber in the end, I am curious? Did many civilians die "
            "in it?",
            "who-won",
        ),
        (
            "The battle of Ber happened when exactly, in which year? Who won it in the end?",
            "battle-date",
        ),
        (
            "My teacher said the MAA is a Tuareg group, but when did the battle happen?",
            "battle-date",
        ),
        # A name in the chatter of a message about this battle is no other event...
        ("Hi, I saw something about this battle on Twitter yesterday. Who won?", "who-won"),
        # ... and a request in a clause of its own is the question.
        pytest.param(
            "I want the details of the looting on May 5 please, everything the article says.",
            "houses-and-shops-looted",
            marks=_OFFERED_SINCE,
        ),
        # A number the question disputes counts against no fact.
        (
            "Everyone knows the MAA lost like 40 men at Ber. What's the real number?",
            "maa-casualties-unknown",
        ),
        (
            "Everyone knows the MAA lost like 40 men at Ber. What's the actual number?",
            "maa-casualties-unknown",
        ),
        (
            "My friend swears over a hundred deserters were arrested. Give me the real figure.",
            "suspected-deserters-detained",
        ),
        # ... as does a date told around a question asking when.
        (
            "I always thought the Burkinabe soldiers stayed until June. When did they leave Ber?",
            "burkinabe-left-ber",
        ),
        ("A friend says it was in March. When did the MAA leave Ber?", "maa-left-ber"),
        # ... and a year told of the article's own place.
        (
            "My friend insists the Ber fighting happened in 2012 during the first rebellion, but "
            "I'm fairly sure it was later than that. On what date did the clashes in Ber break "
            "out?",
            "battle-date",
        ),
        # The article's own wider event, named in the chatter, is no other event.
        (
            "I'm putting together a blog post on the smaller clashes of the Mali War that never "
            "made the front pages. Ber keeps coming up in my notes, but my sources disagree on "
            "the basics. Could you tell me which side actually came out on top there?",
            "who-won",
        ),
        # A question saying a group is what the article says it is not is put right...
        ("Since the MAA is a Tuareg group too, why did it fight the MNLA?", "maa-ethnic-makeup"),
        ("Since the MNLA is mostly Arab, why did it fight the MAA?", "mnla-ethnic-makeup"),
        ("why is the maa mostly tuareg", "maa-ethnic-makeup"),
        (
            "Since the Arab movement is itself a Tuareg organisation, why did it fight other "
            "Tuaregs?",
            "maa-ethnic-makeup",
        ),
        ("le MAA est un groupe touareg, non ?", "maa-ethnic-makeup"),
        (
            "Puisque le MAA est lui-même un groupe touareg, pourquoi a-t-il combattu le MNLA ?",
            "maa-ethnic-makeup",
        ),
        # Later is what a fact telling a later event tells.
        ("what happened to the deserters later?", "suspected-deserters-released"),
        # ... and one asking whether it is, answered.
        ("is the MNLA a Tuareg group?", "mnla-ethnic-makeup"),
        ("The MAA is basically a Tuareg outfit, right?", "maa-ethnic-makeup"),
        # (The pack's group nouns may come between: "a group of Arabs", "un groupe touareg".)
        ("is the MNLA a group of Arabs?", "mnla-ethnic-makeup"),
        ("the MNLA is a movement of Arabs, right?", "mnla-ethnic-makeup"),
        ("was the MAA a force of Arabs, right?", "maa-ethnic-makeup"),
        # Dates and initials as dictation writes them.
        ("what happened on may fifth?", "maa-attacked-again"),
        ("what does m.n.l.a stand for?", "mnla-full-name"),
        ("what is the M A A?", "maa-full-name"),
        # A word sounding like one of the pack's places, where a place goes, is that place.
        ("who won the battle of bear?", "who-won"),
        ("how many civilians were killed in bear?", "civilians-killed"),
        # A group named right before someone holding a role for it names that person.
        ("who was the maa spox?", "ramadane-identity"),
        # A yes/no question claims what happened, not when: "later" is no claim.
        ("did the MAA return to the town later?", "maa-attacked-again"),
        ("did the Arabs come back later on?", "maa-attacked-again"),
        # The pack's words for the fighting and the townspeople, as readers put them.
        ("On what day did the shooting start?", "battle-date"),
        ("how many townsfolk were hurt?", "civilians-wounded"),
        # What the article says of something is that thing; what counts as something, it.
        ("what does the article actually give as the result of the battle?", "who-won"),
        ("Is the Battle of Ber counted as part of the Mali War?", "part-of-mali-war"),
        # Speaking on someone's behalf is speaking for them; bursting into a place, storming it.
        ("who was speaking on behalf of the Arab group?", "ramadane-identity"),
        ("who burst into the town?", "maa-seized-ber"),
        ("who burst in on April 21?", "maa-seized-ber"),
        # The winners and the losers are the sides, by how the fighting came out.
        ("who were the winners made up of?", "maa-ethnic-makeup"),
        ("what is the full name of the losing side?", "mnla-full-name"),
        ("qui sont les perdants ?", "mnla-full-name"),
        # "The name of the town" asks which town, not a group's name.
        ("What was the name of the town the MAA raided on February 23?", "first-clash-in-khalil"),
        (
            "Quel était le nom de la ville attaquée par le MAA le 23 février ?",
            "first-clash-in-khalil",
        ),
        # A name typed or heard in pieces is the name.
        ("are the MNLA mostly twa regs?", "mnla-ethnic-makeup"),
        ("who controlled inn kahlil when it was raided?", "in-khalil-mnla-control"),
        # A slip in a later word of a long name, once its first two are right.
        ("who is Mohammed Ould Ramadan?", "ramadane-identity"),
        # Going away or getting out of a place is leaving it; soldiers are forces.
        ("when did the burkinabe soldiers get out of Ber?", "burkinabe-left-ber"),
        ("when did the MAA go away from Ber?", "maa-left-ber"),
        ("did the french step in?", "french-did-not-intervene"),
        # The people a group is mostly made of are not the group: who they are is its make-up.
        ("who are the tilemsi arabs?", "maa-ethnic-makeup"),
        # A group's name may end in any noun for a group ("Tuareg group", "Tuareg outfit"), and
        # an attribute of it is not given by a fact about another, whose sentence names it.
        (
            "what is the full name of the Tuareg organisation that held the town before the raid?",
            "mnla-full-name",
        ),
        ("which Tuareg outfit held Ber before the battle?", "mnla-controlled-ber"),
        # Who speaks for a group is asked as its leader is: of that group.
        ("who spoke for the MAA?", "ramadane-identity"),
        ("qui était le porte-parole du MAA ?", "ramadane-identity"),
        ("how many people did the MAA lock up in Ber?", "suspected-deserters-detained"),
        # How it came to pass is no question of its own: "ended up winning" is winning.
        ("who ended up winning?", "who-won"),
        ("who wound up holding Ber?", "malian-forces-controlled-ber"),
        # Whose report a figure is, when nobody in particular, asks nothing of its own (the
        # killed count is the one the article gives "according to local sources").
        ("How many civilians were injured according to local sources?", "civilians-wounded"),
        ("combien de civils ont été blessés selon des sources locales ?", "civilians-wounded"),
        # The wider war named as the setting of the article's own event, or asked of as what
        # the battle was part of.
        ("In the Mali War, who won at Ber?", "who-won"),
        ("Who won the battle during the Mali War?", "who-won"),
        ("what war was the battle part of?", "part-of-mali-war"),
        (
            "I'm doing a project on the Mali War for school. Who won the battle of Ber?",
            "who-won",
        ),
    ],
)
def test_answers_the_fact(engine: Engine, question: str, fact_id: str) -> None:
    """... or a fact quoting the very same sentences: two such facts are not a real choice."""
    reply = engine.answer(question)
    assert reply.outcome is Outcome.ANSWER, reply
    expected = engine.pack.facts[engine.index.fact_index[fact_id]]
    assert reply.fact_id == fact_id or {c.text for c in expected.citations} <= {
        c.text for c in reply.citations
    }, reply.fact_id
    assert reply.citations, "an answer always quotes the article"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # A word the fact does not explain ("melee"), or a yes/no question's word its
        # statement does not say ("MNLA"), makes the bot unsure: it offers the fact. (Not "in
        # action": the classifier learned it as a word of the casualties.)
        ("MNLA killed in the melee at Ber, please.", "mnla-casualties"),
        # (Handed to an army is not freed: the fact says only the first.)
        ("When were the prisoners released?", "prisoners-returned-to-mauritania"),
    ],
)
def test_an_unsure_reading_offers_the_fact(engine: Engine, question: str, fact_id: str) -> None:
    reply = engine.answer(question)
    assert reply.outcome is Outcome.SUGGEST, reply
    expected = engine.pack.facts[engine.index.fact_index[fact_id]]
    assert expected.questions[0] in reply.suggestions


@pytest.mark.parametrize(
    "question",
    [
        "When was the Battle of Gao?",
        # ... but a name of another event is, and a question after it is about that event.
        "The Kidal clashes must be in your article too. Who won them?",
        "My grandfather talks about the Konna fighting all the time. Who won that battle?",
        # ... but names in a message that does not speak of it are.
        "I have been following Real Madrid all season long and it has been a wild ride for us "
        "fans. Who won the last match?",
        # A question naming nothing of the article's is about what the message named.
        "I was reading about Napoleon at Waterloo for a history class at school. Who won the "
        "battle there?",
        "My cousin in Paris keeps talking about the Tour de France this summer. Who won it and "
        "when did it start?",
        # A year the article never gives is another event, however long the message.
        "The MAA must have attacked Ber again in 2014 too, right? Tell me what happened then.",
        "What happened in Ber in 2012?",
        "There was another battle near Ber in 2015. When did it start?",
        # The wider war the battle was part of is another event: the article tells only that
        # the battle was part of it.
        "Who won the Mali War?",
        "Qui a gagné la guerre du Mali ?",
        "How many people died in the Mali War?",
        "Who won the battle of Konna?",
        "when did the MNLA take Kidal?",
        "wat happend in kidal in febuary 2013",
        # A country or town typed in lower case is another place, whatever follows it, and so
        # is a name between a word describing it and "village".
        "how many civilians died in niger during the war",
        "how many civilians were killed in gaza yesterday",
        "what did the maa loot in senegal back then",
        "who won the battle in that remote tessalit village?",
        "who attacked in gossi may 5",
        "What did the MAA do in Timbuktu in April 2013?",
        "who won the batle of tessalit",
        "why did the maa keep fourty pickups outside ber",
        "how many civilians died when the MAA attacked Gao?",
        "what's the weather like in Paris today?",
        "tell me a joke",
        "how do I bake bread?",
        # Asked of the bot itself: "later" is no "after the battle".
        "what are you doing later?",
        "r u busy tonight?",
        # (A word sounding like the article's place is that place only where a place goes.)
        "what happened at the bar?",
        "who won the world cup?",
        # An acronym the pack does not know is another body ("the UN", "l'ONU", "the US").
        "did the UN condemn the attack on Ber?",
        "did the US intervene at Ber?",
        # ... and a role said of a group that does not hold it is not its holder.
        "Who was the spokesman of the National Movement for the Liberation of Azawad?",
        "est-ce que l'ONU a condamné l'attaque de Ber ?",
        # "kite" is read as the French "kité" (quitté) only in French.
        "what is a kite?",
    ],
)
def test_declines_other_events_and_chatter(engine: Engine, question: str) -> None:
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id
    assert reply.suggestions, "a decline offers questions the bot can answer"
    assert len(reply.suggestions) <= 3


def test_a_slip_in_the_article_s_own_place_after_the_battle_of_is_no_other_event(
    engine: Engine,
) -> None:
    """ "The battle of berr" is a slip for the article's own place, not another battle: nothing
    counts it as another event, and the battle's date is offered; "the battle of Gao" is one,
    and so is a slip for another place the pack names ("timbukto")."""
    slip = engine.answer("when was the battle of berr?")
    assert slip.explanation is not None
    assert "elsewhere" not in {s.name for s in slip.explanation.signals()}
    assert not slip.answered
    assert slip.suggestions[0] == "When was the Battle of Ber?"
    for other in ("when was the battle of gao?", "when was the battle of timbukto?"):
        assert engine.answer(other).outcome is Outcome.DECLINE, other


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("Which side came out on top in the fighting at the desert town?", False),
        ("who won the fight in the small town?", False),
        ("who fought at konna?", True),
        # ... while a word that is no common one names a place, whatever follows it.
        ("who won the fighting at the Konna town?", True),
        ("who won the fighting at Konna?", True),
        ("who won the battle of the chad region?", True),
    ],
)
def test_a_common_word_before_town_describes_it_and_names_no_other_place(
    engine: Engine, question: str, elsewhere: bool
) -> None:
    """ "The desert town" is a kind of town, not a town called Desert: no sign of another event."""
    message = engine.interpreter.message(question, 500)
    query = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    assert bool(query.elsewhere) == elsewhere


@pytest.mark.parametrize(
    ("question", "elsewhere"),
    [
        ("What did the militia plunder in early May?", False),
        ("who attacked ber in late april", False),
        ("what happened in mid 2013?", False),
        # ... while the place the time is told of still counts, and so does a name right
        # before a date.
        ("what happened in kidal in april", True),
        ("what happened in tessalit?", True),
        ("who attacked in gossi may 5", True),
    ],
)
def test_a_word_right_before_a_month_or_a_year_tells_when_and_names_no_place(
    engine: Engine, question: str, elsewhere: bool
) -> None:
    """ "In early May" puts the question in time: "early" (a word saying which part of a month
    or year) is not a town the article never names, as an unknown word after "in" otherwise
    is ("in kidal", "in gossi may 5")."""
    message = engine.interpreter.message(question, 500)
    query = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    assert bool(query.elsewhere) == elsewhere


@pytest.mark.parametrize(
    "question",
    [
        "Who commanded the MNLA?",
        "How many fighters did the MAA have?",
        "What weapons did the MNLA use?",
        # An attribute of something the article names, which it does not give.
        "What kind of planes did the French fly over Ber?",
        "how old was the marabout's son?",
        "what time of day did the attack start?",
        "how many people live in Ber?",
        "Combien d'habitants y a-t-il à Ber ?",
        # The article gives no reason for it.
        "Why didn't the French intervene?",
        # Nor what became of him once taken.
        "What happened to the marabout's son after he was taken?",
        "/ask how many MAA fighters attacked ber",
        "how many MAA were there?",
        "and when was the girl killed?",
        "What were the names of the three Tuareg prisoners?",
        # Nor which aircraft, whatever the question's wording.
        "Does the article say which aircraft the French flew over Ber?",
        "what happened to the marabout's son later?",
        # ... however it is asked ("do" is a word that matches nothing).
        "what did the MAA do with the marabout's son later?",
        "Where did the Burkinabe soldiers go after they pulled out of Ber?",
        # Nor where anyone went once they left, whatever the fact says of their leaving.
        "where did the MAA go after pulling out of Ber?",
        "Où sont allés les combattants du MAA après avoir quitté Ber ?",
        # ... nor where anyone was taken once held (not where from: see below).
        "where were the 23 detainees taken afterwards?",
        "Où les déserteurs présumés ont-ils été transférés ensuite ?",
        "les déserteurs présumés ont été emmenés où ?",
        # "Kinda" is "kind of", in chat spelling.
        "what kinda weapon did the french planes carry",
        # A clause of names alone asks nothing: the question is who killed him.
        "Who exactly killed the elderly man, the MAA or the MNLA?",
        # A person the fact does not name is not who it tells of.
        "Quel âge avait le fils du marabout ?",
        # Nor a rank, nor a sum of money.
        "What was the name or rank of the Malian military source from Timbuktu?",
        "how much money was stolen from the shops on May 5?",
        # That someone died is not how: the article never says how anyone was killed.
        "how did the girl die?",
        "how did the elderly man get killed?",
        "how were the girl and the elderly man killed?",
        # The prisoners were handed to an army: whether anyone then freed them, it never says.
        pytest.param(
            "were the Tuareg prisoners freed?",
            marks=pytest.mark.xfail(
                strict=True,
                reason="answered with their return to the Mauritanian army: "
                + REFITTED
                + ", and learns 'freed' ('released') as a word of that fact, which the claim "
                "signal then does not hold against it",
            ),
        ),
        "Were the MNLA Tuareg prisoners released?",
        "Les prisonniers ont-ils été libérés ensuite ?",
        # A clause telling nothing ("I know the article doesn't give it") is no question.
        "I know the article doesn't give it, but just estimate: roughly how many MAA fighters "
        "took part in the attack? Any number is fine.",
        # A count told around "how many" is put to the test, but a fact giving only that
        # count does not tell another: the men in the pick-ups are not the pick-ups.
        "The article surely says how many men were in those fourteen pick-ups. How many?",
        # A year told around "how many" names which battle is asked of, and around "when"
        # still tells of another year's events.
        "Tell me about the battle of Ber in 2014. How many civilians died?",
        "In 2015 there was another battle of Ber. When did the MAA leave Ber?",
    ],
)
def test_does_not_answer_what_the_article_does_not_say(engine: Engine, question: str) -> None:
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id
    assert reply.on_topic
    assert reply.suggestions


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        # What the reader says they know is not what they ask.
        (
            "The civilians killed included a 15-year-old girl and an elderly man. "
            "Who fought in the Battle of Ber?",
            "combatants",
        ),
        (
            "I know the MAA won and seized Ber from the MNLA. When did the MAA leave Ber?",
            "maa-left-ber",
        ),
    ],
)
def test_a_message_restating_one_fact_is_answered_from_its_question(
    engine: Engine, message: str, fact_id: str
) -> None:
    assert engine.answer(message).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "signal"),
    [
        # A fact telling that someone was killed, never asked who killed them.
        ("who killed the elderly man?", "missing-doer"),
        ("who actually killed the girl?", "missing-doer"),
        ("qui a tué la fille ?", "missing-doer"),
        # ... nor one telling it was done to someone, named or not ("deserters ... were
        # detained in Ber").
        ("who detained the deserters?", "missing-doer"),
        # A thing asked for by a name no fact uses is given by none.
        ("Which French regiment was stationed near Ber?", "missing-thing"),
        ("Quel régiment français était stationné près de Ber ?", "missing-thing"),
        # ... nor by a fact naming it only as some of them, never which ("in search of gangs",
        # "a truck and two pick-ups").
        ("which gangs did the MAA say it was hunting?", "not-which"),
        ("quels gangs le MAA disait-il chercher ?", "not-which"),
        ("which truck did the MAA seize?", "not-which"),
        # Why they did one thing is not why they did another.
        ("why did the MAA leave Ber?", "other-reason"),
        ("pourquoi le MAA a-t-il quitté Ber ?", "other-reason"),
        ("how come the MAA left Ber?", "other-reason"),
        # What one group did is not what another was asked to have done.
        ("why did the MNLA kidnap the marabout's son?", "other-doer"),
        ("pourquoi le MNLA a-t-il enlevé le fils du marabout ?", "other-doer"),
        # "Which side" asks who as "who" does.
        ("which side killed the two civilians?", "missing-doer"),
        ("Which side's fire killed the two civilians?", "missing-doer"),
        ("quel camp a tué les civils ?", "missing-doer"),
        # A yes/no question is answered by a fact saying it, not by one near it.
        ("were kids among the wounded?", "unasserted"),
        ("was anybody hurt on may 5?", "unasserted"),
        ("did france attack the MAA?", "unasserted"),
        ("les français ont-ils attaqué le MAA ?", "unasserted"),
        # ... and the article's own place is part of what is claimed, beside another place.
        ("is ber in gao region?", "unasserted"),
        # How many of some people is not how many of others, when the fact never names them.
        ("How many French troops were wounded?", "other-count"),
        ("combien de Français ont été blessés ?", "other-count"),
        # How many a group killed is not told by a fact telling no one's deeds (the article
        # never says who killed the civilians; the infobox counts them).
        ("how many civilians did the MNLA kill in Ber?", "other-doer"),
        ("combien de civils le MNLA a-t-il tués ?", "other-doer"),
        # What one group did (here, said) is not told by a fact asked what another did: the
        # closest, the MAA's claim, tells what the MAA said.
        ("What did the MNLA say about the battle?", "other-doer"),
        ("Qu'a dit le MNLA sur la bataille ?", "other-doer"),
        # (Of the facts naming the MNLA and the battle, the nearest tells what the MAA said.)
        ("Qu'a déclaré le MNLA après la bataille ?", "other-doer"),
        # A dated event does not tell the present; nothing tells what came after the article.
        ("who controls Ber today?", "later-than-told"),
        ("Qui contrôle Ber aujourd'hui ?", "later-than-told"),
        ("What happened to Ber after 2013?", "later-than-told"),
        ("que s'est-il passé après 2013 ?", "later-than-told"),
    ],
)
def test_a_fact_near_the_question_is_not_its_answer(
    engine: Engine, question: str, signal: str
) -> None:
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id
    assert signal in [s.name for s in reply.signals], reply.signals


def test_which_one_is_answered_only_by_a_fact_saying_which(engine: Engine) -> None:
    """A fact naming something only as some of them ("in search of gangs", "a truck") does not
    say which; one saying "the", naming it or describing it does ("the town of In Khalil",
    "an elderly man", "people suspected of being deserters"), as does one its curator asks
    which of."""
    index = engine.index
    unidentified = {f.id: index.unidentified[n] for n, f in enumerate(engine.pack.facts)}
    assert "gang" in unidentified["maa-monitoring-for-gangs"]
    assert "truck" in unidentified["vehicles-seized"]
    assert "town" not in unidentified["first-clash-in-khalil"]
    assert unidentified["civilian-victims"].isdisjoint({"civilian", "girl", "man"})
    assert "peopl" not in unidentified["suspected-deserters-detained"]
    for question, fact_id in (
        ("which town did the MAA raid in February?", "first-clash-in-khalil"),
        ("which civilians were killed?", "civilian-victims"),
        ("which girl was killed?", "civilian-victims"),
        ("which man was killed?", "civilian-victims"),
        ("which people were detained in Ber?", "suspected-deserters-detained"),
        ("quelles personnes ont été détenues à Ber ?", "suspected-deserters-detained"),
        ("which vehicles were seized?", "vehicles-seized"),
        # ("the May 5 attack": a date between "the" and the thing.)
        ("which attack did the MAA abandon Ber after?", "maa-abandoned-ber"),
    ):
        assert engine.answer(question).fact_id == fact_id, question
    # Asked with a deed after it, as with a small word; and in a message whose chatter says
    # "which" first.
    for question in (
        "which gangs threatened the city?",
        "which gangs of Ber was the MAA hunting?",
        "I read that the MAA hunted gangs around the town, which surprised me. Which gangs "
        "were they after?",
        # (What a long message asks is read from its questions, not its chatter's "which".)
        "I heard about the raid on Ber in May, which people in town still recall. Which truck "
        "was seized?",
    ):
        reply = engine.answer(question)
        assert not reply.answered and "not-which" in [s.name for s in reply.signals], question
    # A word before the thing asked, or a kind of it, is not what is asked ("what civilian
    # casualty figures", "what kind of vehicles"), nor is a deed ("what happened").
    for question in (
        "what civilian casualty figures does the infobox give?",
        "what kind of gangs was the MAA looking for?",
        "what happened to the gangs?",
    ):
        reply = engine.answer(question)
        assert "not-which" not in [s.name for s in reply.signals], question
    # Nor is a sentence quoted for it: the sentence names them as the fact does.
    first = engine.answer("Ramadane said they were hunting gangs around Ber.")
    assert not engine.answer("which gangs exactly?", context=first.context).answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("were the wounded civilians or fighters?", "civilians-wounded"),
        ("were the people detained deserters or prisoners?", "suspected-deserters-detained"),
    ],
)
def test_a_yes_no_question_offering_alternatives_is_answered_by_a_fact_saying_one(
    engine: Engine, question: str, fact_id: str
) -> None:
    """ "Were the wounded civilians or fighters?" asks which: the fact saying four civilians
    were wounded answers it, though it never says "fighters"."""
    reply = engine.answer(question)
    assert (reply.answered, reply.fact_id) == (True, fact_id)
    assert "unasserted" not in [s.name for s in reply.signals]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # ... while a fact asked who did it, or saying it, still answers.
        ("who kidnapped the marabout's son?", "marabout-son-kidnapped"),
        ("qui a enlevé le fils du marabout ?", "marabout-son-kidnapped"),
        ("who attacked Ber?", "maa-seized-ber"),
        ("which group attacked Ber?", "maa-seized-ber"),
        # (The side asked for is what is asked, not a word the fact must use.)
        ("which side seized the town?", "maa-seized-ber"),
        ("quel camp s'est emparé de la ville ?", "maa-seized-ber"),
        # (Restating is saying.)
        ("what did Ramadane say about AFISMA?", "maa-willing-to-work-with-french-and-afisma"),
        ("qu'a dit Ramadane sur l'AFISMA ?", "maa-willing-to-work-with-french-and-afisma"),
        ("What did the MAA say it was chasing away?", "maa-claimed-attack"),
        pytest.param(
            "why did the MAA kidnap the marabout's son?",
            "marabout-son-prisoner-of-war-claim",
            marks=pytest.mark.xfail(
                reason="the fact is asked why the MAA 'took' him: 'kidnap' is another deed to "
                "the why-check (other-reason), so the engine offers it instead of answering",
            ),
        ),
        ("when did the MAA return the prisoners?", "prisoners-returned-to-mauritania"),
        # (How many a group took or kept, of a fact telling what it did.)
        ("how many prisoners did the MAA take?", "prisoners-taken"),
        ("how many pick-ups did the MAA keep?", "maa-pickups-on-outskirts"),
        # A fact never asked who did it, whose answer names who did ("the MAA returned ...",
        # "Malian forces later claimed to have released ...").
        ("who returned the prisoners?", "prisoners-returned-to-mauritania"),
        ("who released the deserters?", "suspected-deserters-released"),
        ("why did the MAA keep pick-ups near Ber?", "maa-monitoring-for-gangs"),
        # (Why someone said something is why of what they said.)
        ("why did ramadane say the maa was watching the city?", "maa-monitoring-for-gangs"),
        ("did the French intervene?", "french-did-not-intervene"),
        ("did the MNLA lose?", "who-won"),
        ("Who were the civilian victims who lost their lives in the clashes?", "civilian-victims"),
        # ... and a count of the people it is asked about, or of fighters of whichever side.
        ("how many civilians were wounded?", "civilians-wounded"),
        ("How many fighters did the Arab militia lose?", "maa-casualties-unknown"),
        # A French verb's forms are one word ("attaquée", "attaquaient", "attaquer").
        ("Qui l'a attaquée ?", "maa-seized-ber"),
        # ... and a time within the article's, or "currently" in the chatter around a question.
        ("who controlled Ber after May 7?", "malian-forces-controlled-ber"),
        (
            "I'm currently writing a short essay on northern Mali for my history class and my "
            "teacher wants precise dates. Who controlled Ber after May 7?",
            "malian-forces-controlled-ber",
        ),
    ],
)
def test_who_did_it_and_yes_no_questions_are_answered_by_a_fact_saying_it(
    engine: Engine, question: str, fact_id: str
) -> None:
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("Who commanded the MNLA?", "The article doesn't say who commanded the MNLA."),
        (
            "what is the capital of France?",
            "The article doesn't say what the capital of France is.",
        ),
        ("Who was the mayor of Ber?", "The article doesn't say who the mayor of Ber was."),
        (
            "What kind of rifles did the MNLA carry?",
            "The article doesn't answer “What kind of rifles did the MNLA carry?”",
        ),
    ],
)
def test_absent_line_echoes_the_question(engine: Engine, question: str, line: str) -> None:
    reply = engine.answer(question)
    assert not reply.answered
    assert reply.text == line


def test_talking_for_a_while_asks_no_spokesperson(engine: Engine) -> None:
    reader = engine.interpreter.reader
    assert "spokesperson" not in reader.asks("how long did they talk for")
    assert "spokesperson" in reader.asks("who spoke on behalf of the mnla")


@pytest.mark.parametrize(
    "question", ["who spoke for the MNLA?", "who talked on behalf of the MNLA?"]
)
def test_another_groups_spokesperson_is_not_the_one_the_article_names(
    engine: Engine, question: str
) -> None:
    """The article names the MAA's spokesman only: its sentence names the MNLA too."""
    reply = engine.answer(question)
    assert not reply.answered
    assert "other-referent" in [s.name for s in reply.signals]


@pytest.mark.parametrize(
    "question",
    [
        "which gangs in particular was the MAA looking for?",
        "what became of the seized truck?",
        # (Nor is the sentence on the looting quoted: it gives a day, not how many.)
        "how many houses exactly were looted on May 5?",
    ],
)
def test_a_question_put_as_those_no_fact_answers_is_not_answered_by_the_fact_near_it(
    engine: Engine, question: str
) -> None:
    """The verdict weighs how likely the classifier finds the message one of the questions no
    fact answers; nor is a sentence quoted for a message it finds likelier one of them."""
    reply = engine.answer(question)
    assert not reply.answered and not reply.quoted


def test_a_decline_near_a_fact_says_the_answer_cannot_be_found_not_that_it_is_absent(
    engine: Engine,
) -> None:
    # The fact offered first may be what was asked: "the article doesn't say" could be untrue.
    reply = engine.answer("how long did the fight last?")
    assert not reply.answered
    assert reply.confidence >= engine.weights.near_decline
    assert reply.text.startswith("I can't find that in the article.")
    assert reply.suggestions[0] == "When did the MAA leave Ber?"


@pytest.mark.parametrize(
    "question",
    [
        "who is the MAA mostly made up of?",
        "Who were the civilians who lost their lives?",
        "Quel a été le premier gros affrontement entre le MAA et le MNLA ?",
        "When did the Burkinabe troops leave Ber?",
    ],
)
@pytest.mark.parametrize(
    "typed",
    [
        pytest.param(str.title, id="title case"),
        pytest.param(lambda q: q.replace(" ", "  "), id="double spaces"),
        pytest.param(lambda q: q.replace(" ", "\n", 3), id="line breaks"),
    ],
)
def test_how_a_question_is_laid_out_does_not_change_its_answer(
    engine: Engine, question: str, typed: Callable[[str], str]
) -> None:
    """Capitals on every word name nothing, and idioms ("made up of", "lost their lives")
    read across any spacing."""
    alone = engine.answer(question)
    assert alone.answered
    assert engine.answer(typed(question)).fact_id == alone.fact_id


@pytest.mark.parametrize(
    "question",
    [
        "Qu'a fait l'armée française pendant les combats ?",
        "C'était quand, la bataille de Ber ?",
        "Comment s'appelle le porte-parole du MAA ?",
        "D'où venait la source militaire malienne ?",
    ],
)
def test_french_typed_without_apostrophes_is_read_as_with_them(
    engine: Engine, question: str
) -> None:
    """ "larmée", "cétait", "sappelle", "doù": the elided letter glued to a word."""
    alone = engine.answer(question)
    assert alone.answered
    assert engine.answer(question.replace("'", "")).fact_id == alone.fact_id


@pytest.mark.parametrize(
    "question", ["when did the MNLA capture Ménaka?", "when did the MAA leave Ber?"]
)
@pytest.mark.parametrize("lead", ["Q: ", "hey bot, ", "pls tell me ", "ok so "])
def test_words_before_a_question_that_ask_nothing_change_nothing(
    engine: Engine, question: str, lead: str
) -> None:
    """Its "when" still asks (it is no "when the fighting broke out"), and the message is no
    longer, so no lower bar lets the other town's capture be answered with the battle's date."""
    alone = engine.answer(question)
    led = engine.answer(lead + question)
    assert (led.outcome, led.fact_id) == (alone.outcome, alone.fact_id)


@pytest.mark.parametrize("padding", [20, 200])
def test_a_question_wrapped_in_chatter_is_found(engine: Engine, padding: int) -> None:
    """However many clauses of chatter come first, and however long the message."""
    chatter = "I have read a lot, and my family argued, and nobody agrees, " * padding
    reply = engine.answer(f"{chatter}so, sorry for the length: when did the MAA leave Ber?")
    assert reply.fact_id == "maa-left-ber"


@pytest.mark.parametrize(
    ("message", "focused"),
    [
        (
            "I'm writing about the fighting in Ber for a school project and my notes are a "
            "mess. When did it happen?",
            False,
        ),
        (
            "I'm writing about northern Mali for a school project and my notes are a mess. "
            "When did the MAA leave Ber?",
            True,
        ),
    ],
)
def test_a_long_message_is_read_from_its_question_only_when_the_question_says_enough(
    engine: Engine, message: str, focused: bool
) -> None:
    """The chatter around a question weighs less than the question, unless the question says
    too little on its own to be read apart ("when did it happen?")."""
    read = engine.interpreter.message(message, 500)
    assert read.long
    query = engine.interpreter.plain(read, read.tokens, exclude=frozenset())
    assert bool(query.focus) == focused


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        (
            "My grandfather fought in Chad back in 1991, and in 2012 my uncle left Gao for good. "
            "When did the MAA leave Ber?",
            "maa-left-ber",
        ),
        (
            "My grandfather fought in Chad back in 1991 and talked about it every January. "
            "Which group took Ber from the MNLA?",
            "maa-seized-ber",
        ),
        # A question naming none of the article's places may ask of the time its chatter tells.
        ("In 2015 there was another battle up there, a big one. Who won it?", None),
    ],
)
def test_the_dates_a_long_message_tells_around_a_question_about_the_place_are_its_own(
    engine: Engine, message: str, fact_id: str | None
) -> None:
    """The years and months the chatter of a long message tells count against no fact, when
    its question names the article's own place: they are the chatter's own times."""
    reply = engine.answer(message)
    assert reply.answered == (fact_id is not None)
    assert reply.fact_id == fact_id


def test_a_clause_of_chatter_does_not_outweigh_the_question(engine: Engine) -> None:
    reply = engine.answer(
        "I'm curious about the French military in Mali, and specifically in Ber, where they were "
        "around at the time; did they actually do anything during that battle or not?"
    )
    assert reply.fact_id == "french-did-not-intervene"


def test_words_only_the_rest_of_a_quoted_sentence_says_do_not_make_a_fact_the_answer(
    engine: Engine,
) -> None:
    """The fact that the MAA left quotes the sentence saying it kept armed pick-ups on the
    outskirts; how long the pick-ups stayed is not when the MAA left."""
    reply = engine.answer("how long did the armed pick-ups remain outside the town?")
    assert "sentence-only" in {signal.name for signal in reply.signals}
    assert reply.confidence < engine.thresholds.answer
    # ... while the fact whose own words they are still answers.
    assert engine.answer("how many pick-ups did the MAA keep?").fact_id == (
        "maa-pickups-on-outskirts"
    )


@pytest.mark.xfail(
    strict=True,
    reason="answered with when the MAA left, under the bar (0.40), by the verdict (0.91 likely): "
    "refitted with set CK among the training questions (it declined after the CG refit)",
)
def test_how_long_the_pick_ups_stayed_is_not_answered_by_when_the_maa_left(engine: Engine) -> None:
    reply = engine.answer("how long did the armed pick-ups remain outside the town?")
    assert not reply.answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # Read most like the MAA's make-up ("is the MAA Arab or Tuareg?"), whose sentence
        # tells the MNLA's too: the Tuaregs are the MNLA's part of it.
        ("which group are the Tuaregs in?", "mnla-ethnic-makeup"),
        ("de quel groupe sont les touaregs ?", "mnla-ethnic-makeup"),
        # A question naming the fact's own group keeps it, whatever else it names.
        ("is the MAA arab or tuareg?", "maa-ethnic-makeup"),
    ],
)
def test_a_question_naming_the_other_part_of_a_sentence_gets_that_part(
    engine: Engine, question: str, fact_id: str
) -> None:
    """Two facts telling one sentence ("the MAA is composed mostly of Tilemsi Arabs, and the
    MNLA is composed mainly of Tuaregs") each answer of their own part: a question naming a
    group only the other is about gets the other, not a reply naming another group; the fact
    it stands in for is the runner-up."""
    reply = engine.answer(question)
    assert (reply.answered, reply.fact_id) == (True, fact_id)
    assert reply.runner_up is None or reply.runner_up.fact_id != reply.fact_id


@pytest.mark.parametrize("question", ["what did the tuaregs do?", "did the tuaregs fight?"])
def test_the_other_part_of_a_sentence_is_no_answer_to_a_question_neither_answers(
    engine: Engine, question: str
) -> None:
    """What the Tuaregs did is told by neither group's make-up: the classifier doubts the
    fact on top, and its doubt is not set aside by giving the other part instead."""
    reply = engine.answer(question)
    assert reply.fact_id != "mnla-ethnic-makeup"


@pytest.mark.parametrize(
    "question",
    ["which ethnic group did the MAA attack?", "which ethnic group did the Arabs attack?"],
)
def test_the_other_part_of_a_sentence_is_given_only_when_it_scores_as_an_answer(
    engine: Engine, question: str
) -> None:
    """The group a question names as the attacker is not what it asks the make-up of: the
    MAA's make-up, scored far under the bar for it, is not given in the MNLA's stead."""
    reply = engine.answer(question)
    assert reply.fact_id != "maa-ethnic-makeup"


def test_a_name_the_conversation_lent_gives_no_other_part(engine: Engine) -> None:
    """ "They" standing for the MAA in a question of the other side's make-up ("and the
    movement they pushed out, who is it composed of?") does not make it a question of the
    MAA's: only a name the reader typed asks of the other part."""
    index = engine.index
    mnla, maa = (index.fact_index[f] for f in ("mnla-ethnic-makeup", "maa-ethnic-makeup"))
    typed = Query(tokens=["@maa", "compos"])
    assert index.part_named(typed, mnla) == maa
    assert index.part_named(replace(typed, soft=frozenset({"@maa"})), mnla) is None


def test_a_group_only_the_rest_of_a_quoted_sentence_names_counts_against_the_fact(
    engine: Engine,
) -> None:
    """The fact naming the MAA's spokesman quotes a sentence naming the MNLA too; who spoke for
    the MNLA is not what its answer tells."""
    reply = engine.answer("who spoke for the MNLA?")
    assert ("sentence-only", "mnla") in {(s.name, s.reason) for s in reply.signals}
    assert reply.confidence < engine.answer("who spoke for the MAA?").confidence
    # ... while a place its sentence names along the way is no other event.
    assert engine.answer("who was the MAA's spokesman in Ber?").fact_id == "ramadane-identity"


def test_what_came_after_is_asked_of_the_event_its_clause_names(engine: Engine) -> None:
    """ "What happened to X after he was kidnapped, was he released?": the kidnapping is taken
    as given, the release is asked; the fact telling only the kidnapping is no answer."""
    kidnapped = engine.answer(
        "What happened to the marabout's son after he was kidnapped, was he released?"
    )
    assert not kidnapped.answered
    # ... while what came after a detention is the release the article tells of.
    detained = engine.answer(
        "what became of the deserters after they were detained, did anyone free them?"
    )
    assert detained.fact_id == "suspected-deserters-released"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("Who spoke for the MAA after they took Ber?", "ramadane-identity"),
        ("who was the MAA's spokesman once they had captured Ber?", "ramadane-identity"),
    ],
)
def test_what_a_question_takes_as_given_is_not_held_against_the_facts(
    engine: Engine, question: str, fact_id: str
) -> None:
    """The event a question asks what came after tells when, not what is asked: a fact not
    saying it still answers ("who spoke for the MAA after they took Ber?")."""
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "given"),
    [
        # The clause ends at its punctuation, not at the dots of an acronym or a number's comma.
        ("what happened to the town after the M.A.A. left?", {"leav"}),
        ("what happened after 1,000 fighters arrived there?", {"1", "000", "fighter", "arriv"}),
        # An "after" opening its clause asks what came after it, whatever came before.
        ("What happened to the son? After he was kidnapped, was he freed?", set()),
        # ... and ends where the question goes on ("did they ...").
        ("how long after the looting did the MAA leave Ber?", {"loot"}),
        ("what happened after they did the raid?", {"attack"}),
    ],
)
def test_what_a_question_takes_as_given_is_read_from_its_clause(
    engine: Engine, question: str, given: set[str]
) -> None:
    message = engine.interpreter.message(question, 500)
    assert engine.interpreter.plain(message, message.tokens, exclude=frozenset()).premise == given


@pytest.mark.parametrize(
    "message",
    [
        "The MAA kept fourteen armed pick-ups outside Ber after April 25. What happened to those "
        "vehicles later?",
        "The marabout's son was kidnapped by the MAA. What happened to him afterwards?",
    ],
)
def test_what_a_message_tells_before_asking_what_came_after_is_not_its_answer(
    engine: Engine, message: str
) -> None:
    """The reader who tells an event and asks what came after it knows the event: the fact
    telling it is offered, not given as the answer (the article may not say what came after)."""
    reply = engine.answer(message)
    assert not reply.answered
    assert reply.reason is Reason.ALREADY_TOLD
    assert reply.suggestions
    assert render_why(reply, engine.pack)[0].startswith("Your message already tells")
    # ... while the same fact answers a question the message does not already answer.
    reply = engine.answer("The MAA kept armed pick-ups outside Ber. How many did they keep?")
    assert reply.fact_id == "maa-pickups-on-outskirts"


def test_what_a_question_takes_as_given_is_not_its_answer_when_the_question_is_not_answered(
    engine: Engine,
) -> None:
    """ "Given that X, how many ...?": when the article does not answer what is asked, the
    clause telling X, read on its own, is no answer to the message."""
    reply = engine.answer(
        "Given that the French flew planes over the town, how many planes did they send?"
    )
    assert not reply.answered
    # (Read on its own, the clause is answered.)
    assert engine.answer("the French flew planes over the town").fact_id == (
        "french-did-not-intervene"
    )


@pytest.mark.parametrize(
    "message",
    [
        "My laptop keeps overheating when I play games and I already cleaned the fan. The shop "
        "wants a lot of money. What else can I try?",
        "We moved house last week and the boxes are everywhere, my back hurts. What should I try?",
    ],
)
def test_a_clause_using_no_word_of_the_article_answers_nothing(
    engine: Engine, message: str
) -> None:
    """Whatever phrasing a clause of chatter happens to share a word with ("try" in "I'm trying
    to put events in order; on what date ..."), it is not a question about the article."""
    reply = engine.answer(message)
    assert reply.outcome is Outcome.DECLINE and reply.fact_id is None


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        # The chatter weighs less than the question...
        (
            "My aunt lived in Ber back then and mentioned a young girl died during the fighting. "
            "I'd like to know what is actually on record. Were there any children among the dead?",
            "civilian-victims",
        ),
        # ... dates the article gives are context, not another event...
        (
            "I'm trying to build a timeline of the Ber events for a blog post. I have April 21 for "
            "the battle and April 25 for the MAA leaving. What happened at the very end, in "
            "mid-May, with the prisoners?",
            "prisoners-returned-to-mauritania",
        ),
        # ... and the question outweighs the message read as a whole...
        (
            "Hi! I'm putting together a timeline of northern Mali in spring 2013 for my blog. "
            "When did the Arab fighters pull out of Ber after taking it?",
            "maa-left-ber",
        ),
        # ... unless it says too little on its own.
        (
            "I'm writing a school report on the Tuareg and Arab groups in northern Mali and for "
            "the background section I need to know what ethnic group the Arab Movement of Azawad "
            "mostly consists of. Could you help me out with that?",
            "maa-ethnic-makeup",
        ),
        # A question asked inside a sentence is a question.
        (
            "I keep seeing conflicting reports and I'd really like to know, as precisely as the "
            "article can say, how many civilians were hurt or killed when the Arab Movement of "
            "Azawad went into Ber. Can you break it down?",
            "casualties-overview",
        ),
        # A name in the chatter ("I saw it on Twitter") is no other event.
        (
            "Hi. I'm confused about the story of the marabout's son that I saw on Twitter. As I "
            "understand it the MAA took him, but what was their argument that this was acceptable?",
            "marabout-son-prisoner-of-war-claim",
        ),
        # ... and so is a request for a figure.
        (
            "For my casualty database I need the number of MNLA fighters killed at Ber. Was that "
            "figure ever established, or is it recorded as unknown?",
            "mnla-casualties",
        ),
        # A "they" in the chatter, standing for nobody, leaves the question naming whom it
        # asks of sure of its answer.
        (
            "Even after withdrawing, from what I read they didn't go very far, which seems like a "
            "classic intimidation move. What did the MAA keep on the outskirts of Ber after "
            "leaving the town?",
            "maa-pickups-on-outskirts",
        ),
        # A "when" that sets the scene is no date asked, in a clause too.
        (
            "This is a sad one but I've been trying to find out about the people who were caught "
            "in the middle. Every report talks about the armed groups and nobody about the "
            "civilians. Who were the civilians that died in Ber when the fighting broke out?",
            "civilian-victims",
        ),
    ],
)
def test_a_long_message_is_answered_from_its_question(
    engine: Engine, message: str, fact_id: str
) -> None:
    assert engine.answer(message).fact_id == fact_id


def test_off_topic_decline_says_what_the_bot_covers(engine: Engine) -> None:
    reply = engine.answer("what's the weather like in Paris today?")
    assert not reply.on_topic
    assert "Battle of Ber (2013)" in reply.text
    assert reply.suggestions == engine.starters()


def test_unknown_casualties_are_answered_as_unknown(engine: Engine) -> None:
    reply = engine.answer("how many MAA fighters were killed?")
    assert reply.answered
    assert "unknown" in reply.text.lower()
    assert any(c.section == "Infobox" and "Unknown" in c.text for c in reply.citations)


def test_follow_up_they_means_the_group_last_discussed(engine: Engine) -> None:
    first = engine.answer("who attacked Ber?")
    assert first.answered
    second = engine.answer("and when did they leave?", context=first.context)
    assert second.fact_id == "maa-left-ber"
    assert any("April 25" in c.text for c in second.citations)


@pytest.mark.parametrize(
    ("turns", "fact_id"),
    [
        # After a question asked of a date, a pronoun goes on from it in time ...
        (["what happened on May 5?", "who captured it?"],
         "burkinabe-and-malian-forces-captured-ber"),
        (["what did the MAA do on May 5?", "what did they take there?"], "vehicles-seized"),
        # ... unless it says it goes back,
        (["what happened on May 5?", "who held it before that?"], "mnla-controlled-ber"),
        (["When did the MAA attack Ber again?", "when did they first attack it?"],
         "first-clash-in-khalil"),
        # ... or the question before it was asked of no date: "they" may have done it earlier.
        (["When did the MAA leave Ber?", "who did they take it from?"], "maa-seized-ber"),
    ],
)  # fmt: skip
def test_a_turn_leaning_on_a_dated_answer_by_a_pronoun_goes_on_from_it_in_time(
    engine: Engine, turns: list[str], fact_id: str
) -> None:
    """After May 5, "who captured it?" is who took Ber after that, not who seized it in April.
    (The second pack's facts give no dates the index reads, so there is nothing to go on from.)"""
    first = engine.answer(turns[0])
    assert first.answered
    assert engine.answer(turns[1], context=first.context).fact_id == fact_id


@pytest.mark.parametrize(
    ("turns", "fact_id"),
    [
        (["who won the Battle of Ber?", "where?"], "battle-location"),
        # (Where they won is no place of the question's: offered, not answered.)
        (["who won?", "where?"], None),
        (["what were the casualties of the battle of Ber?", "and when?"], "battle-date"),
        # No fact is asked "where" of the MNLA's losses: not them again. (Reworded, "how many
        # MNLA fighters died in Ber?", "where?" still gets a neighbour never asked where.)
        (["how many MNLA fighters were killed?", "where?"], None),
        (["How many fighters did the MNLA lose?", "and where was that?"], None),
    ],
)  # fmt: skip
def test_a_bare_question_word_asks_the_last_question_anew_and_only_a_fact_asked_so_answers(
    engine: Engine, turns: list[str], fact_id: str | None
) -> None:
    """ "who won?", "where?" is where they won: the last question's words with a new question
    word. A fact those words match but never asked that way (who won, again) is no answer."""
    first = engine.answer(turns[0])
    assert first.answered
    second = engine.answer(turns[1], context=first.context)
    assert second.fact_id == fact_id
    assert second.answered == (fact_id is not None)


@pytest.mark.parametrize(
    ("before", "turn", "anew"),
    [
        (["who won?"], "where?", True),
        # A turn offered, not answered, since leaves the answered one the conversation's.
        (["who won the battle?", "where?"], "and when was it?", True),
        # No question word of its own: the last question, asked of the MNLA.
        (["when did the MAA leave Ber?"], "and the MNLA?", False),
        # The same question word as the last question's: nothing asked anew ...
        (["where did the battle take place?"], "where?", False),
        # ... nor as the last answer's, a question offered ("did you mean") since.
        (["where did the battle take place?", "how many fighters?"], "where?", False),
        # Nothing answered yet: no answer to hold against.
        (["what is the capital of France?"], "where?", False),
    ],
)  # fmt: skip
def test_only_a_question_word_of_its_own_after_an_answer_asks_the_last_question_anew(
    engine: Engine, before: list[str], turn: str, anew: bool
) -> None:
    previous = None
    for question in before:
        previous = engine.answer(question, context=previous).context
    assert previous is not None
    message = engine.interpreter.message(turn, MAX_QUESTION_CHARS)
    plain = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    found = engine.dialogue.readings(message, plain, message.tokens, previous, correction=False)
    assert any(reading.again for reading in [*found.first, *found.later]) is anew


def test_a_context_kept_before_facts_were_remembered_counts_its_last_fact_as_given(
    engine: Engine,
) -> None:
    kept = Context(entities=("maa", "ber"), fact_id="maa-left-ber", tokens=("when", "@maa"))
    reply = engine.answer("what else?", context=kept)
    assert reply.answered and reply.fact_id != "maa-left-ber"
    assert reply.context.given == (reply.fact_id, "maa-left-ber")


def test_a_fact_whose_answer_gives_a_date_answers_when_however_it_is_asked(
    engine: Engine,
) -> None:
    """The fact telling who held Ber from May 7 is only ever asked "who": its answer gives
    the date all the same."""
    asked = engine.index.facts[engine.index.fact_index["malian-forces-controlled-ber"]].questions
    assert not any(q.lower().startswith("when") for q in asked)
    reply = engine.answer("when did Malian forces take control of Ber?")
    assert reply.fact_id == "malian-forces-controlled-ber"
    assert "May 7" in reply.text


def test_a_bare_when_after_a_turn_left_unanswered_asks_of_the_last_answer(
    engine: Engine,
) -> None:
    first = engine.answer("who won?")
    lost = engine.answer("asdfgh", context=first.context)
    assert not lost.answered
    reply = engine.answer("when?", context=lost.context)
    assert reply.fact_id == "battle-date"


@pytest.mark.parametrize(
    ("first", "turn", "reason"),
    [
        # A follow-up that asks the last question again is about the conversation's subject ...
        ("what were the casualties?", "and when?", Reason.NOT_COVERED),
        # ... and one about something else is not, whatever came before.
        ("who won?", "what's the weather in Paris?", Reason.OFF_TOPIC),
    ],
)  # fmt: skip
def test_a_declined_follow_up_is_on_the_subject_of_the_conversation(
    engine: Engine, first: str, turn: str, reason: Reason
) -> None:
    reply = engine.answer(turn, context=engine.answer(first).context)
    assert not reply.answered
    assert reply.reason is reason


def test_a_bare_number_picks_the_question_offered_with_it(engine: Engine) -> None:
    """ "2" after "did you mean" answers the second question offered, whichever fact it is,
    and only when that many were offered; "2" alone is a question like any other."""
    offer = engine.answer("tell me about the aftermath")
    assert offer.outcome is Outcome.SUGGEST and len(offer.suggestions) == 3
    assert offer.context.offered == offer.suggestions
    for typed, number in [("2", 1), (" #3 ", 2), ("1.", 0)]:
        picked = engine.answer(typed, context=offer.context)
        wanted = engine.index.facts[engine.index.phrased[offer.suggestions[number]]]
        assert (picked.reason, picked.fact_id) == (Reason.PICKED, wanted.id)
        assert picked.question == offer.suggestions[number]
        # (The offer stands, as a menu does: the next number asks another of them.)
        assert picked.context.offered == offer.suggestions
    assert engine.answer("2 more", context=offer.context).reason is not Reason.PICKED


@pytest.mark.parametrize("offered", ["who won?", None, "tell me about the aftermath"])
def test_a_number_picking_nothing_offered_asks_for_a_question(
    engine: Engine, offered: str | None
) -> None:
    """ "2" after an answer, out of the blue or past the questions offered is no question of the
    article, to be matched (after "when did the MAA leave?" it got the May 5 attack): the reply
    asks for one and offers the starters, which the next number picks."""
    context = engine.answer(offered).context if offered else None
    number = "4" if offered and "aftermath" in offered else "2"
    reply = engine.answer(number, context=context)
    assert not reply.answered and reply.reason is Reason.EMPTY
    assert reply.suggestions == engine.starters()
    picked = engine.answer("2", context=reply.context)
    assert picked.reason is Reason.PICKED and picked.question == engine.starters()[1]


@pytest.mark.parametrize(
    "more",
    [
        "tell me more",
        "More please",
        "can you tell me more?",
        "go on",
        "what else?",
        "dis-m'en plus",
    ],
)
def test_tell_me_more_gives_what_the_article_says_next_of_the_last_answer(
    engine: Engine, more: str
) -> None:
    """ "Tell me more" after an answer: the fact telling the next sentence of the story that no
    answer so far has quoted; asked again, the one after."""
    index = engine.index
    told = index.told_sentences
    reply = engine.answer("when did the MAA leave Ber?")
    shown = set(told[index.fact_index[reply.fact_id]])
    last = max(shown)
    for _ in range(4):
        reply = engine.answer(more, context=reply.context)
        assert reply.reason is Reason.MORE
        telling = told[index.fact_index[reply.fact_id]]
        assert any(i > last and i not in shown for i in telling), reply.fact_id
        shown |= telling
        last = max(i for i in telling if index.sentences[i].section != INFOBOX)
    assert render_why(reply, engine.pack)[0].startswith("You asked for more:")
    # With nothing answered before, it is a message like any other.
    assert engine.answer(more).reason is not Reason.MORE


def test_tell_me_more_after_what_only_the_infobox_says_starts_the_story(engine: Engine) -> None:
    place = engine.answer("where did the Battle of Ber take place?")
    assert place.answered
    more = engine.answer("tell me more", context=place.context)
    assert more.reason is Reason.MORE and more.answered


@pytest.mark.parametrize("message", ["tell me more", "go on", "anything else?", "dis-m'en plus"])
def test_tell_me_more_before_anything_was_told_offers_what_may_be_asked(
    engine: Engine, message: str
) -> None:
    """Nothing to say more of: the example questions, not a "did you mean" of whatever facts
    the words "tell" and "more" happen to match."""
    reply = engine.answer(message)
    assert reply.reason is Reason.EMPTY
    assert len(reply.suggestions) == len(engine.starters())


def test_tell_me_more_after_the_last_of_the_story_says_there_is_no_more(engine: Engine) -> None:
    """The article's last sentence, and the facts that tell it, have been told: no more."""
    reply = engine.answer("when were the prisoners returned to the Mauritanian Army?")
    for _ in range(5):
        assert reply.answered
        reply = engine.answer("tell me more", context=reply.context)
        if reply.reason is not Reason.MORE:
            break
    assert not reply.answered and reply.reason is Reason.NO_STORY


@pytest.mark.parametrize(
    ("message", "parts"),
    [
        ("who won?", ["who won?"]),
        ("who died and how many were hurt?", ["who died", "how many were hurt?"]),
        (
            "who won the battle & when did they leave?",
            ["who won the battle", "when did they leave?"],
        ),
        ("I read it. Who won? Why?", ["Who won?", " Why?"]),
        # a statement before "and" is no question, and a full stop ends no sentence in an
        # abbreviation
        (
            "I know the MAA left Ber and what did they keep?",
            ["I know the MAA left Ber and what did they keep?"],
        ),
        ("What happened on Apr. 21? And who won?", ["What happened on Apr. 21?", "who won?"]),
        (
            "Who won at Ber? What did the M.A.A. keep?",
            ["Who won at Ber?", " What did the M.A.A. keep?"],
        ),
        ("qui a gagné et quand ?", ["qui a gagné", "quand ?"]),
        ("what's the weather and who won?", ["what's the weather", "who won?"]),
        # a comma or a semicolon before a question word splits as "and" does; not after one word
        (
            "how many were killed, how many wounded; who won?",
            ["how many were killed", "how many wounded", "who won?"],
        ),
        ("Where, when and why did the MAA attack?", ["Where, when and why did the MAA attack?"]),
        ("combien de morts, combien de blessés ?", ["combien de morts", "combien de blessés ?"]),
        # ("qu'a", "qu'est-ce": a question its first word does not tell)
        ("Qui a gagné ? Et qu'a dit la France ?", ["Qui a gagné ?", "qu'a dit la France ?"]),
        ("qui a gagné et qu'en pense la France ?", ["qui a gagné", "qu'en pense la France ?"]),
        # at most four
        ("who? what? when? where? why? how?", ["who?", " what?", " when?", " where?"]),
    ],
)
def test_the_questions_a_message_asks_are_read_in_its_order(message: str, parts: list[str]) -> None:
    assert asked_parts(message) == parts


@pytest.mark.parametrize(
    ("message", "facts"),
    [
        ("who won the battle and when did the MAA leave?", ["who-won", "maa-left-ber"]),
        # (Read whole, "who ... leave?" is asked of no fact: its clauses are read, as with a
        # comma before the "and".)
        ("who attacked Ber and when did they leave?", ["maa-seized-ber", "maa-left-ber"]),
        ("qui a attaqué Ber et quand sont-ils partis ?", ["maa-seized-ber", "maa-left-ber"]),
        (
            "When did the MAA leave Ber? And how many pick-ups did they keep?",
            ["maa-left-ber", "maa-pickups-on-outskirts"],
        ),
        # (a bare "and when?" is asked of the question before it)
        ("qui a gagné et quand ?", ["who-won", "battle-date"]),
        (
            "how many civilians were killed, how many were wounded, and how many prisoners were "
            "taken?",
            ["civilians-killed", "civilians-wounded", "prisoners-taken"],
        ),
        # (Read whole, it finds the two facts level and would offer them: asked in turn, its
        # questions are each answered outright, with a fact it was offered.)
        (
            "Which group attacked Ber in April, and which forces took it in May?",
            ["maa-seized-ber", "burkinabe-and-malian-forces-captured-ber"],
        ),
    ],
)
def test_a_message_asking_several_questions_gets_each_answer(
    engine: Engine, message: str, facts: list[str]
) -> None:
    """Each question of the message, asked in turn in the conversation the ones before left,
    answered in its order; the conversation goes on from the last, having had them all."""
    reply = engine.answer(message)
    assert [reply.fact_id, *(a.fact_id for a in reply.also)] == facts
    assert reply.question == message
    assert set(facts) <= reply.context.told()
    why = render_why(reply, engine.pack)
    assert any(line.startswith("Your message also asked") for line in why)


@pytest.mark.parametrize(
    "message",
    [
        "who won the battle?",
        # the second question is not answered: the first alone is, as it would be asked alone
        "who won the battle and what did the French government think of it?",
        # one question naming two things
        "what do the MAA and the MNLA stand for?",
    ],
)
def test_a_message_asking_one_answered_question_gets_one_answer(
    engine: Engine, message: str
) -> None:
    assert engine.answer(message).also == ()


def test_a_message_only_offered_facts_is_not_answered_by_one_of_its_questions_alone(
    engine: Engine,
) -> None:
    """Read whole, the message finds its facts level and offers them; asked in turn, only one
    of its questions is answered outright: that one answer, out of the message, is not given."""
    message = "What did the MAA take in the May raid, and who held the town after that?"
    reply = engine.answer(message)
    assert reply.outcome is Outcome.SUGGEST
    assert len(reply.suggestions) >= 2


def test_a_french_message_asking_several_questions_says_once_the_answers_are_english(
    engine: Engine,
) -> None:
    reply = engine.answer("qui a gagné et quand ?")
    assert len(reply.also) == 1
    assert render_text(reply).count("D'après l'article, en anglais") == 1
    assert reply.also[0].text == engine.pack.fact(reply.also[0].fact_id or "").answer


@pytest.mark.parametrize(
    ("message", "answered", "line"),
    [
        (
            "Who won the battle? What did the French government think of it?",
            ["who-won"],
            "I found no answer in the article to “What did the French government think of it?”",
        ),
        (
            "What did the French government think? When did the MAA leave Ber? "
            "What did the UN say?",
            ["maa-left-ber"],
            "I found no answer in the article to “What did the French government think?” or "
            "“What did the UN say?”",
        ),
        (
            "Qui a gagné la bataille ? Quel était l'avis du gouvernement français ?",
            ["who-won"],
            "Je n'ai pas trouvé de réponse dans l'article à « Quel était l'avis du gouvernement "
            "français ? »",
        ),
    ],
)
def test_a_message_asking_several_questions_says_which_found_no_answer(
    engine: Engine, message: str, answered: list[str], line: str
) -> None:
    """The questions of a message that found no answer are not dropped without a word: the
    reply says which they were, in every rendering, and /why explains each."""
    reply = engine.answer(message)
    assert [reply.fact_id, *(a.fact_id for a in reply.also)] == answered
    assert reply.unanswered and not any(part.answered for part in reply.unanswered)
    assert render_text(reply).endswith(line)
    assert render_html(reply, engine.pack.source).endswith(f"<i>{escape(line)}</i>")
    # (The JSON answer holds the answers alone: the line quotes the reader's own words.)
    assert as_json(reply)["answer"] == "\n".join(a.text for a in (reply, *reply.also))
    why = render_why(reply, engine.pack)
    assert sum(line.startswith("Your message also asked") for line in why) == len(reply.also) + len(
        reply.unanswered
    )


def test_a_message_asking_several_questions_all_answered_has_no_unanswered_line(
    engine: Engine,
) -> None:
    reply = engine.answer("who won the battle and when did the MAA leave?")
    assert reply.also and reply.unanswered == ()
    assert "found no answer" not in render_text(reply)


@pytest.mark.parametrize(
    ("message", "answered"),
    [
        (
            "Could you please tell me, in as much detail as the article allows, what happened "
            "on May 5?",
            ["maa-attacked-again"],
        ),
        (
            "Could you please tell me, in as much detail as the article and its sources allow, "
            "what happened on May 5?",
            ["maa-attacked-again"],
        ),
        (
            "Can you tell me, in as much detail as possible, what happened on May 5? And who won?",
            ["maa-attacked-again", "who-won"],
        ),
        # Nor is a tag asking nothing.
        (
            "My grandfather lived near Timbuktu in those years. How many civilians were killed, "
            "do you know?",
            ["civilians-killed"],
        ),
        ("How many civilians were killed, right?", ["civilians-killed"]),
    ],
)
def test_a_request_to_be_told_is_not_a_question_of_its_own(
    engine: Engine, message: str, answered: list[str]
) -> None:
    """ "Could you please tell me, in as much detail as ...," asks to be told what follows, and
    "..., do you know?" asks nothing: neither is answered on its own nor said to have found no
    answer."""
    reply = engine.answer(message)
    assert [reply.fact_id, *(a.fact_id for a in reply.also)] == answered
    assert reply.unanswered == () and "found no answer" not in render_text(reply)


@pytest.mark.parametrize(
    ("message", "fact_id", "unanswered"),
    [
        (
            "Could you tell me what the French government thought, and who won?",
            "who-won",
            "Could you tell me what the French government thought",
        ),
        (
            "Could you tell me who the mayor was, and when did the MAA leave Ber?",
            "maa-left-ber",
            "Could you tell me who the mayor was",
        ),
    ],
)
def test_a_request_asking_something_of_its_own_is_still_said_to_have_no_answer(
    engine: Engine, message: str, fact_id: str, unanswered: str
) -> None:
    reply = engine.answer(message)
    assert reply.fact_id == fact_id
    assert [part.question for part in reply.unanswered] == [unanswered]


@pytest.mark.parametrize(
    ("message", "answered", "unanswered"),
    [
        # Nothing says how many died at In Khalil: not the deaths at Ber.
        (
            "What happened at In Khalil in February exactly? How many died?",
            ["first-clash-in-khalil"],
            ["How many died?"],
        ),
        # ... but a later question naming a place or date of its own asks of that.
        (
            "What happened at In Khalil in February? And what happened on May 5?",
            ["first-clash-in-khalil", "maa-attacked-again"],
            [],
        ),
    ],
)
def test_a_later_question_of_a_message_asks_of_the_place_the_one_before_did(
    engine: Engine, message: str, answered: list[str], unanswered: list[str]
) -> None:
    """A question of a message naming no place, no one and no date of its own asks of the
    events the question before it put somewhere else than the article's own place."""
    reply = engine.answer(message)
    assert [reply.fact_id, *(a.fact_id for a in reply.also)] == answered
    assert [part.question.strip() for part in reply.unanswered] == unanswered


def test_what_else_is_never_offered_the_answer_just_given(engine: Engine) -> None:
    first = engine.answer("who won?")
    doubted = engine.answer("are you sure?", context=first.context)
    reply = engine.answer("what else happened?", context=doubted.context)
    offered = engine.index.facts[engine.index.fact_index["who-won"]].questions[0]
    assert reply.fact_id != "who-won"
    assert offered not in reply.suggestions


def test_what_else_is_never_answered_with_the_answer_just_given(engine: Engine) -> None:
    """ "Who were the combatants?", "who else?": the article names no third side, and the
    answer just given, however well it scores alone, is no answer to it."""
    first = engine.answer("who were the combatants?")
    assert first.fact_id == "combatants"
    reply = engine.answer("who else?", context=first.context)
    assert reply.fact_id != "combatants"
    assert not reply.answered


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("what happened to the marabout's son?", "what happened to him after that?"),
        ("when did the MAA attack Ber again?", "and what happened to the town after that?"),
        ("quand le MAA a-t-il attaqué Ber à nouveau ?", "et après ça, qu'est-il arrivé ?"),
    ],
)
def test_what_happened_after_that_is_never_answered_with_what_was_just_told(
    engine: Engine, first_asked: str, then: str
) -> None:
    """ "After that" asks what came after what the conversation told: the answer just given,
    however well the turn's words match it, is no answer to it."""
    first = engine.answer(first_asked)
    assert first.answered
    reply = engine.answer(then, context=first.context)
    assert reply.fact_id != first.fact_id
    assert first.text not in reply.text


@pytest.mark.parametrize(
    ("then", "fact_id"),
    [
        # Asked of another group, the role is that group's: no fact says who spoke for the MNLA.
        ("and who spoke for the MNLA?", None),
        ("and the MNLA's?", None),
        ("what did the MNLA say?", None),
        # ... but "he" is still the MAA's spokesman, whatever group the turn names.
        ("and what did he say about the MNLA?", "maa-claimed-attack"),
    ],
)
def test_a_role_asked_of_another_group_is_not_the_person_who_held_it_for_the_last(
    engine: Engine, then: str, fact_id: str | None
) -> None:
    """ "Who was the MAA spokesman?" is read as the person holding that role; a turn after it
    naming another group and no pronoun asks for that group's, not for him."""
    first = engine.answer("who was the MAA spokesman?")
    assert first.fact_id == "ramadane-identity"
    reply = engine.answer(then, context=first.context)
    assert reply.fact_id == fact_id
    assert reply.answered == (fact_id is not None)


@pytest.mark.parametrize("between", ["and the MNLA's?", "and who is the MNLA spokesman?"])
def test_he_is_still_the_role_holder_after_a_turn_that_asked_of_another_groups_role(
    engine: Engine, between: str
) -> None:
    """After "who was the MAA spokesman?" and a turn asking for the MNLA's (declined: the
    article names none), "he" is still the MAA's: the role the declined turn asked of in his
    stead is not what "what did he say" asks."""
    first = engine.answer("who was the MAA spokesman?")
    declined = engine.answer(between, context=first.context)
    assert not declined.answered
    reply = engine.answer("and what did he say about the MNLA?", context=declined.context)
    assert reply.fact_id == "maa-claimed-attack"


@pytest.mark.parametrize(
    ("first_asked", "then", "said"),
    [
        (
            "What did the MAA take on May 5?",
            "how many civilians died that day?",
            "how many civilians died on May 5?",
        ),
        (
            "Qu'a pris le MAA le 5 mai ?",
            "combien de civils sont morts ce jour-là ?",
            "combien de civils sont morts le 5 mai ?",
        ),
    ],
)
def test_that_day_is_the_day_the_last_question_named(
    engine: Engine, first_asked: str, then: str, said: str
) -> None:
    """ "That day" stands for the date the last question named: the turn gets the reply it
    would have got had it said the date (the article counts civilians killed in the battle
    of April 21, none on May 5), and the reply says which day it read."""
    first = engine.answer(first_asked)
    assert first.answered
    reply = engine.answer(then, context=first.context)
    spelled = engine.answer(said, context=first.context)
    assert (reply.answered, reply.fact_id) == (spelled.answered, spelled.fact_id) == (False, None)
    assert reply.question == then
    assert "5" in reply.text


@pytest.mark.parametrize(
    ("first_asked", "then", "fact_id"),
    [
        ("what did Ramadane claim after the MAA left?", "and who is he?", "ramadane-identity"),
        ("qu'a dit Ramadane après le départ du MAA ?", "et qui est-il ?", "ramadane-identity"),
        ("who attacked Ber?", "who are they?", "maa-full-name"),
        ("qui a attaqué Ber ?", "qui sont-ils ?", "maa-full-name"),
    ],
)
def test_who_is_he_asks_who_the_one_he_stands_for_is(
    engine: Engine, first_asked: str, then: str, fact_id: str
) -> None:
    """ "And who is he?" asks who the one the conversation named is, as "who is Ramadane?"
    does: not the last question again (what he claimed)."""
    first = engine.answer(first_asked)
    assert first.answered
    reply = engine.answer(then, context=first.context)
    assert reply.fact_id == fact_id
    assert reply.question == then


@pytest.mark.parametrize(
    ("first_asked", "then", "fact_id"),
    [
        ("what's the MNLA?", "what ethnicity are most of its members?", "mnla-ethnic-makeup"),
        ("what's the MAA?", "what ethnicity are most of its members?", "maa-ethnic-makeup"),
        ("c'est quoi le MNLA ?", "de quelle ethnie sont la plupart de ses membres ?",
         "mnla-ethnic-makeup"),
    ],
)  # fmt: skip
def test_its_stands_for_the_group_named_last(
    engine: Engine, first_asked: str, then: str, fact_id: str
) -> None:
    """ "What ethnicity are most of its members?" asks of the group the conversation named
    last: its owner is what is asked about, not whichever group fits the rest best. (So do
    "sa", "ses" in French.)"""
    first = engine.answer(first_asked)
    assert first.answered
    reply = engine.answer(then, context=first.context)
    assert (reply.answered, reply.fact_id) == (True, fact_id)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("quel fut le premier affrontement ?", "first-clash-in-khalil"),
        ("qui avait pris Ber ?", "maa-seized-ber"),
    ],
)
def test_a_french_past_of_etre_or_avoir_is_no_word_of_what_is_asked(
    engine: Engine, question: str, fact_id: str
) -> None:
    """ "Fut", "avait", "sera" are "was", "had", "will be": no word a fact must have (the
    first was declined, "fut" taken for a thing no fact names)."""
    assert not {"fut", "avait"} & set(engine.vocabulary.analyze(question))
    reply = engine.answer(question)
    assert (reply.answered, reply.fact_id) == (True, fact_id)


def test_a_date_with_its_month_mistyped_is_the_date(engine: Engine) -> None:
    """ "Qui a atacké Ber le 21 avrill ?" asks who attacked on April 21: a month's name a letter
    off beside a day is read as the month (it was declined, "avril" taken for a figure the
    facts lack)."""
    reply = engine.answer("qui a atacké Ber le 21 avrill ?")
    assert (reply.answered, reply.fact_id) == (True, "maa-seized-ber")


@pytest.mark.xfail(
    strict=True,
    reason="offered, not answered: " + REFITTED + ", and finds the girl's age 10% likely",
)
def test_a_person_named_by_a_noun_is_asked_of_in_french_too(engine: Engine) -> None:
    first = engine.answer("le fils du marabout a été tué ?")
    reply = engine.answer("et la fille de 15 ans ?", context=first.context)
    assert (reply.answered, reply.fact_id) == (True, "civilian-victims")


def test_a_person_named_by_a_noun_is_asked_of_instead_of_the_one_named_last(
    engine: Engine,
) -> None:
    """ "And the girl?" after the marabout's son asks of the girl, not of him: a noun for a
    person names someone, as a name does (it got that he was kidnapped)."""
    first = engine.answer("who kidnapped the marabout's son?")
    assert first.fact_id == "marabout-son-kidnapped"
    reply = engine.answer("and the girl?", context=first.context)
    assert reply.fact_id != "marabout-son-kidnapped" or not reply.answered
    # A noun that may be him still stands for him: he is named by no other.
    for who, then in (
        ("who is Ramadane?", "and the man?"),
        ("qui est Ramadane ?", "et cet homme ?"),
    ):
        first = engine.answer(who)
        reply = engine.answer(then, context=first.context)
        assert (reply.answered, reply.fact_id) == (True, "ramadane-identity")


@pytest.mark.parametrize(
    "turns",
    [
        ("who is the MAA spokesman?", "what did he say?", "and about France?"),
        ("qui est le porte-parole du MAA ?", "qu'est-ce qu'il a dit ?", "et sur la France ?"),
    ],
)
def test_and_about_a_group_after_what_he_said_asks_what_he_said_of_it(
    engine: Engine, turns: tuple[str, ...]
) -> None:
    """ "What did he say?", "and about France?" asks what the spokesman said of France: not
    who speaks for France, as "and the MNLA's?" after "who was the MAA spokesman?" asks (it
    was declined, the spokesman of the French asked for). (Of two things he said, scoring
    level, "what did he say?" may be answered with one or offer both.)"""
    reply = engine.answer(turns[0])
    assert reply.answered
    said = engine.answer(turns[1], context=reply.context)
    assert said.outcome in (Outcome.ANSWER, Outcome.SUGGEST)
    context = said.context
    reply = engine.answer(turns[-1], context=context)
    assert (reply.answered, reply.fact_id) == (True, "maa-willing-to-work-with-french-and-afisma")
    # Asked who holds the role for another group, it is still whoever does (no one named).
    assert not engine.answer("and who spoke for the MNLA?", context=context).answered


def test_how_many_after_an_answer_naming_someone_asks_nothing_of_them(engine: Engine) -> None:
    """ "How many?" after "why did the MAA keep pick-ups outside Ber?", answered with what its
    spokesman claimed, asks how many pick-ups: only a turn whose "he" stands for him asks of
    him (it was declined, the spokesman held against every fact)."""
    first = engine.answer("why did the MAA keep pick-ups outside Ber?")
    assert first.answered
    reply = engine.answer("how many?", context=first.context)
    assert reply.answered
    assert any("fourteen" in c.text for c in reply.citations), reply.citations


def test_why_tho_asks_why_of_the_last_question(engine: Engine) -> None:
    """ "Y tho" after a question of the pick-ups asks why the MAA kept them: "though" is no
    word of what is asked (it was read as off the subject)."""
    first = engine.answer("how many pickups did maa keep outside ber")
    assert first.answered
    reply = engine.answer("y tho", context=first.context)
    assert (reply.answered, reply.fact_id) == (True, "maa-monitoring-for-gangs")
    assert not [s for s in reply.signals if s.name == "missing-word"], reply.signals


def test_the_town_then_is_the_town_last_discussed(engine: Engine) -> None:
    """ "Who controlled the town then?" after the first clash, at In Khalil, asks who held In
    Khalil at the time, as "that town" does: not who held the article's own town."""
    context = None
    for turn in ("what was the first major clash between the two groups?", "when was it?"):
        reply = engine.answer(turn, context=context)
        assert reply.answered
        context = reply.context
    reply = engine.answer("who controlled the town then?", context=context)
    assert (reply.answered, reply.fact_id) == (True, "in-khalil-mnla-control")


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("which group attacked Ber on April 21?", "who was their spokesman?"),
        ("qui a attaqué Ber le 21 avril ?", "et leur porte-parole, c'était qui ?"),
    ],
)
def test_who_holds_a_role_after_a_question_is_asked_on_its_own(
    engine: Engine, first_asked: str, then: str
) -> None:
    """ "Who was their spokesman?" after the attack asks who spoke for the MAA: a question of
    its own, not the last one asked again of him (it got what he said of the attack)."""
    first = engine.answer(first_asked)
    assert first.answered
    reply = engine.answer(then, context=first.context)
    assert (reply.answered, reply.fact_id) == (True, "ramadane-identity")


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("who was the MAA's leader?", "and its spokesman?"),
        ("qui était le chef du MAA ?", "et son porte-parole ?"),
    ],
)
def test_a_role_asked_in_the_stead_of_another_is_asked_alone(
    engine: Engine, first_asked: str, then: str
) -> None:
    """ "Who was the MAA's leader?" (the article names none), "and its spokesman?": the
    spokesman is asked of instead of the leader, not besides him."""
    first = engine.answer(first_asked)
    assert not first.answered
    reply = engine.answer(then, context=first.context)
    assert (reply.answered, reply.fact_id) == (True, "ramadane-identity")


def test_la_bas_is_the_place_last_discussed(engine: Engine) -> None:
    """ "Là-bas" stands for the place the conversation last named, as "there" does: after
    the raid on In Khalil, who held the town there is who held In Khalil."""
    first = engine.answer("quelle ville le MAA a-t-il attaquée en février ?")
    assert first.answered
    reply = engine.answer("qui contrôlait la ville là-bas ?", context=first.context)
    assert (reply.answered, reply.fact_id) == (True, "in-khalil-mnla-control")


@pytest.mark.parametrize(
    ("turns", "fact_id"),
    [
        (("did the MAA attack Ber more than once?", "when was the second time?",
          "what did they do?"), "maa-attacked-again"),
        (("qui a attaqué Ber le 5 mai ?", "qu'ont-ils fait ?"), "maa-attacked-again"),
        (("Did the French bomb the MAA in Ber?", "what did they do then?"),
         "french-did-not-intervene"),
        (("were French troops there during the fighting?", "so what did they do?"),
         "french-did-not-intervene"),
        # (No date asked or named: what they did at all. The article tells many things the MAA
        # did: offered, where the pick-ups' fact was given again.)
        (("how many armed pick-ups did the MAA keep?", "where?", "what were they doing there?"),
         None),
    ],
)  # fmt: skip
def test_what_did_they_do_asks_what_the_one_they_stands_for_did(
    engine: Engine, turns: tuple[str, ...], fact_id: str
) -> None:
    """ "And what did they do?" asks what whoever "they" stands for did, on the day the last
    question named or asked for: not the last question again with "do" for its verb (after
    "when was the second time?", it got the MAA abandoning Ber; after the French bombing,
    declined, nothing)."""
    context = None
    for turn in turns[:-1]:
        context = engine.answer(turn, context=context).context
    assert context is not None
    reply = engine.answer(turns[-1], context=context)
    assert (reply.answered, reply.fact_id) == (fact_id is not None, fact_id)
    assert reply.question == turns[-1]


@pytest.mark.parametrize(
    ("question", "first_offered"),
    [
        ("what did the MAA do?", "When was the first major conflict between the MAA and the MNLA?"),
        ("qu'a fait le MAA ?", "quel a été le premier affrontement entre le MAA et le MNLA ?"),
    ],
)
def test_what_did_a_group_do_offers_its_deeds_in_the_story_s_order(
    engine: Engine, question: str, first_offered: str
) -> None:
    """ "What did the MAA do?" asks of everything it did: what the article tells of its deeds
    is offered, the earliest first (it was declined, offering only what "MAA" stands for)."""
    reply = engine.answer(question)
    assert (reply.outcome, reply.reason) == (Outcome.SUGGEST, Reason.UNSURE)
    assert reply.suggestions[0] == first_offered
    assert len(reply.suggestions) == 3


@pytest.mark.parametrize(
    ("turns", "fact_id"),
    [
        (("Was there a second attack on the town?", "what did they make off with that time?"),
         None),
        (("Le MAA a-t-il attaqué Ber une deuxième fois ?", "qu'ont-ils emporté cette fois ?"),
         None),
    ],
)  # fmt: skip
def test_that_time_is_the_event_last_told(
    engine: Engine, turns: tuple[str, ...], fact_id: str | None
) -> None:
    """ "That time", "cette fois" stand for the event the last answer told, as "that attack"
    does: after the second attack (May 5), what they took that time is asked of that day and
    place, and the MAA abandoning Ber after it is no answer (it was given)."""
    first = engine.answer(turns[0])
    assert first.fact_id == "maa-attacked-again"
    reply = engine.answer(turns[1], context=first.context)
    assert reply.fact_id != "maa-abandoned-ber"
    assert (reply.answered, reply.fact_id) == (fact_id is not None, fact_id)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "Ones" stands for whoever is named before it: no word of what is asked.
        ("when did the Burkinabe ones go?", "burkinabe-left-ber"),
        ("how many of the Tuareg ones were returned?", "prisoners-taken"),
        # "Anything in particular" asks of anything ("particularly" is the article's word).
        ("were the detainees suspected of anything in particular?",
         "suspected-deserters-detained"),
    ],
)  # fmt: skip
def test_filler_words_are_no_words_of_what_is_asked(
    engine: Engine, question: str, fact_id: str
) -> None:
    reply = engine.answer(question)
    assert (reply.answered, reply.fact_id) == (True, fact_id)


@pytest.mark.parametrize(
    ("then", "said"),
    [
        ("who were they?", "who were "),
        ("and who are they?", "who are "),
        ("qui étaient-ils ?", "qui étaient "),
        ("qui sont-ils ?", "qui sont "),
    ],
)
def test_who_is_he_keeps_the_verb_the_reader_put(engine: Engine, then: str, said: str) -> None:
    """ "Who were they?" is asked as "who were <them>?", not "who is": a reply that echoes it
    says "doesn't say who the Tuaregs were", not "who the Tuaregs is"."""
    first = engine.answer("who attacked Ber?")
    restated = engine.dialogue.who_is(then, first.context)
    assert restated is not None
    assert restated.startswith(said)


def test_who_is_he_with_nobody_for_he_is_read_as_typed(engine: Engine) -> None:
    """With no one named before, "who is he?" stands for nobody: nothing is made up for it."""
    first = engine.answer("when was the battle?")
    assert engine.dialogue.who_is("who is he?", first.context) is None


def test_that_day_is_no_date_when_the_last_question_named_none(engine: Engine) -> None:
    """ "When was the battle?", "who controlled Ber that day?": the last question named no day,
    and the answer's date is not taken for one (the turn is read as it was typed)."""
    first = engine.answer("when was the battle?")
    assert first.answered
    assert engine.dialogue.dated("who controlled Ber that day?", first.context) is None


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("who did the MAA kidnap?", "What is a marabout?"),
        ("who did the MAA kidnap?", "so what's a marabout exactly?"),
        ("qui le MAA a-t-il enlevé ?", "c'est quoi un marabout ?"),
        ("qui le MAA a-t-il enlevé ?", "Qu'est-ce qu'un marabout ?"),
    ],
)
def test_what_a_kind_of_thing_is_is_asked_on_its_own_whatever_came_before(
    engine: Engine, first_asked: str, then: str
) -> None:
    """ "What is a marabout?" names no one the conversation told of (an indefinite "a"): it gets
    what it gets asked first, not a fact about the marabout's son just answered."""
    first = engine.answer(first_asked)
    assert first.answered and "marabout" in first.text
    alone = engine.answer(then)
    after = engine.answer(then, context=first.context)
    assert (after.outcome, after.fact_id, after.text) == (alone.outcome, alone.fact_id, alone.text)
    assert not after.answered


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("what did Ramadane say about the attack?", "what else did he say?"),
        # ("d autre", typed without its apostrophe, is "else" as "d'autre" is)
        ("c était qui le porte-parole ?", "il a dit quoi d autre ?"),
    ],
)
def test_follow_up_what_else_did_he_say_moves_to_another_ramadane_fact(
    engine: Engine, first_asked: str, then: str
) -> None:
    first = engine.answer(first_asked)
    assert first.answered
    second = engine.answer(then, context=first.context)
    assert second.answered
    assert second.fact_id != first.fact_id
    assert any("Ramadane" in c.text for c in second.citations)


def test_a_follow_up_asking_who_did_it_needs_a_fact_naming_the_doer(engine: Engine) -> None:
    """ "Who killed them?" after the civilians' toll: no fact says who killed them, and the
    one naming the victims is no answer, even with the conversation leaning on it."""
    first = engine.answer("how many civilians died?")
    assert first.fact_id == "civilians-killed"
    who = engine.answer("who killed them?", context=first.context)
    assert not who.answered, who.fact_id


def test_two_neighbours_of_the_last_answer_scoring_alike_are_not_guessed_between(
    engine: Engine,
) -> None:
    """ "What did they keep near the town?" after when the MAA left: the two facts after it
    (what it kept there, and why) are both lifted as its neighbours, beyond doubt and level.
    Neither is answered for that alone: the sentence holding the turn's words is quoted, or
    the fact telling what was kept answered."""
    first = engine.answer("When did the MAA leave Ber?")
    assert first.fact_id == "maa-left-ber"
    kept = engine.answer("What did they keep near the town?", context=first.context)
    assert kept.answered and kept.fact_id in (None, "maa-pickups-on-outskirts")
    assert [c.text for c in kept.citations] == [
        "The MAA left Ber on April 25 but kept fourteen armed pick-ups on the outskirts of the "
        "town."
    ]
    if kept.fact_id is None:
        # Quoted, `/why` says the fact closest scored enough but did not stand clear.
        why = " ".join(render_why(kept, engine.pack))
        assert "No fact stood clear as the answer" in why
        assert "above the 0.48 an answer needs, but not clearly enough" in why


def test_a_follow_up_asking_what_came_later_is_not_answered_with_the_last_answer(
    engine: Engine,
) -> None:
    """ "What did they do with it later?" takes the last answer as given: it is not the answer
    again, and a fact telling what came next still is."""
    first = engine.answer("what was seized on May 5?")
    assert first.fact_id == "vehicles-seized"
    later = engine.answer("what did they do with the truck later?", context=first.context)
    assert later.fact_id != "vehicles-seized"

    first = engine.answer("how many suspected deserters were detained?")
    assert first.fact_id == "suspected-deserters-detained"
    later = engine.answer("what happened to them afterwards?", context=first.context)
    assert (later.outcome, later.fact_id) == (Outcome.ANSWER, "suspected-deserters-released")


def test_elliptical_follow_up_borrows_the_last_question(engine: Engine) -> None:
    first = engine.answer("what is the MNLA mostly made up of?")
    assert first.fact_id == "mnla-ethnic-makeup"
    assert engine.answer("and the MAA?", context=first.context).fact_id == "maa-ethnic-makeup"
    assert engine.answer("and the MAA?").fact_id != "maa-ethnic-makeup"


@pytest.mark.parametrize(
    "question",
    [
        "who was the MNLA's spokesperson?",
        "what did the MNLA spokesman say?",
        "who was the spokesperson of the MNLA?",
        "qui était le porte-parole du MNLA ?",
    ],
)
def test_a_role_said_of_a_group_that_does_not_hold_it_is_not_its_holder(
    engine: Engine, question: str
) -> None:
    """The pack names Ramadane "the spokesman" because he is the MAA's ("MAA spokesman" is
    one of his names): the MNLA's spokesman is someone the article does not name."""
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id


@pytest.mark.parametrize(
    "question",
    ["who is the MAA spokesperson?", "who was the spokesman?", "qui est le porte-parole ?"],
)
def test_a_role_said_alone_or_of_its_group_is_its_holder(engine: Engine, question: str) -> None:
    assert engine.answer(question).fact_id == "ramadane-identity"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("who did the MAA take Ber from?", "maa-seized-ber"),
        ("is it OK to ask who won the battle?", "who-won"),
        ("WHO CAPTURED BER, THE MAA?", "maa-seized-ber"),
    ],
)
def test_the_packs_own_acronyms_and_words_in_capitals_name_no_other_body(
    engine: Engine, question: str, fact_id: str
) -> None:
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    "question",
    [
        "where did the fighting go down?",
        "where did it happen?",
        "where did the battle take place?",
        "where did the fighting take place?",
    ],
)
def test_where_something_happened_is_no_destination(engine: Engine, question: str) -> None:
    assert engine.answer(question).fact_id == "battle-location"


def test_where_someone_was_taken_asks_where_they_ended_up(engine: Engine) -> None:
    """ "Where did they take him?" of the marabout's son is not what the MAA claimed he was:
    the article never says where he was taken. (Of someone named, "where did the MAA take the
    prisoners?" may be answered by whom they were handed to.)"""
    asked = engine.answer("who kidnapped the marabout's son?")
    reply = engine.answer("where did they take him?", context=asked.context)
    assert not reply.answered
    assert "never asked for destination" in [s.reason for s in reply.signals]
    assert "destination" in engine.interpreter.reader.asks("where did they take them after that")
    assert engine.answer("where did the MAA take the prisoners?").answered


def test_a_when_joining_a_phrasings_clauses_does_not_make_its_fact_answer_when(
    engine: Engine,
) -> None:
    """One phrasing of the MNLA's casualties asks "what losses ... when it lost Ber": the fact
    is asked what, not when, and the day it lost Ber is not its answer."""
    reply = engine.answer("MNLA lost ber when")
    assert not reply.answered, reply.fact_id
    assert engine.answer("what losses did the MNLA suffer?").fact_id == "mnla-casualties"


@pytest.mark.parametrize("sum_asked", ["whats 2+2", "2+2?"])
def test_a_sum_to_work_out_does_not_lean_on_the_last_answer(engine: Engine, sum_asked: str) -> None:
    first = engine.answer("who won the battle?")
    assert first.answered
    assert not engine.answer(sum_asked, context=first.context).answered


def test_follow_up_he_must_be_in_the_answer(engine: Engine) -> None:
    """'What was his name?' after the marabout's son is not answered with the MAA's name."""
    first = engine.answer("what happened to the marabout's son?")
    assert first.fact_id == "marabout-son-kidnapped"
    second = engine.answer("what was his name?", context=first.context)
    assert not second.answered, second.fact_id


@pytest.mark.parametrize(
    ("first", "first_fact", "follow_up", "fact_id"),
    [
        # "Their names" are people's names, which a group's full name does not give.
        ("How many deserters were detained in Ber?", "suspected-deserters-detained",
         "what were their names?", None),
        ("when did the MAA return the prisoners?", "prisoners-returned-to-mauritania",
         "what were their names?", None),
        # "That fight" is the event last answered, with its place and date: nothing says who
        # won at In Khalil, and the battle of Ber's result is not it.
        ("Which town did the MAA raid on February 23?", "first-clash-in-khalil",
         "who won that fight and how many died?", None),
        ("who attacked Ber?", "maa-seized-ber", "when was that attack?", "battle-date"),
        # A correction asks the last question again, put right.
        ("when did the MAA attack Ber?", "battle-date", "no, I meant the second time",
         "maa-attacked-again"),
        # ... whose new date stands for the last one's.
        ("what did the MAA do on May 5?", "maa-attacked-again", "sorry, I meant on April 25",
         "maa-left-ber"),
        # ... and its place: the last answer stands when it was of that place already.
        ("how many civilians were killed at In Khalil?", None, "no, I mean at Ber",
         "civilians-killed"),
        ("when did the MAA leave?", "maa-left-ber", "I mean Ber", "maa-left-ber"),
        ("who is Ramadane?", "ramadane-identity", "I mean the MAA spokesperson",
         "ramadane-identity"),
        # "There" is the place last discussed.
        ("when did the MAA raid In Khalil?", "first-clash-in-khalil",
         "how many people died there?", None),
        # ... and a short turn leaning on a question asked of events elsewhere, naming no
        # place, no one and no date of its own, asks of them too: nothing says how many died
        # at In Khalil, nor is it the deaths at Ber.
        ("What happened at In Khalil in February?", "first-clash-in-khalil",
         "and how many died?", None),
        ("What happened at In Khalil in February?", "first-clash-in-khalil",
         "who controlled it?", "in-khalil-mnla-control"),
        ("What happened at In Khalil in February?", "first-clash-in-khalil",
         "and what happened on May 5?", "maa-attacked-again"),
        # "The other side" is the other combatant.
        ("What is the MAA made up of?", "maa-ethnic-makeup", "and the other side?",
         "mnla-ethnic-makeup"),
        # ... said "the other one" too, and the facts next to the last answer, about the side
        # just told of, are no nearer for it.
        ("which group was mostly Arab?", "maa-ethnic-makeup",
         "and what's the other one's full name?", "mnla-full-name"),
        ("what does MAA stand for?", "maa-full-name", "and the other one?", "mnla-full-name"),
        # ... and the answer must be about it: nothing says when the MNLA left Ber.
        ("when did the MAA leave Ber?", "maa-left-ber", "what about the other side?", None),
        # "What about X?" asks the last question of X, and nothing else.
        ("When did the MAA attack Ber?", "battle-date", "what about Timbuktu?", None),
        ("when did the MAA leave Ber?", "maa-left-ber", "what about the Burkinabe?",
         "burkinabe-left-ber"),
        # ... the last question asked, even when the article does not answer it: nothing says
        # who led either side.
        ("who led the MAA attack?", None, "and the MNLA?", None),
        # The prisoners' names are asked for, and nothing gives them.
        ("who returned prisoners to mauritania?", "prisoners-returned-to-mauritania",
         "what were the prisoners' names?", None),
        # ... and of whom it names by nouns alone, instead of those the last one named.
        ("how many civilians were killed?", "civilians-killed",
         "and the fighters on the MNLA side?", "mnla-casualties"),
        # "And after that?" is what happens next in time: the MAA abandons the town after the
        # May 5 raid, and the Background, told after the battle's lead, happened before it.
        ("What did the MAA do on May 5?", "maa-attacked-again", "and after that?",
         "maa-abandoned-ber"),
        ("What did the MAA do on May 5?", "maa-attacked-again", "what happened next?",
         "maa-abandoned-ber"),
        ("What did the MAA do on May 5?", "maa-attacked-again", "et après ?",
         "maa-abandoned-ber"),
        ("who won?", "who-won", "and after that?", "maa-left-ber"),
        # ... not what the article tells of before the last answer on the same day: the raid
        # in which the vehicles were seized.
        ("What did the MAA take in the May raid?", "vehicles-seized",
         "and what happened to the town after that?", "maa-abandoned-ber"),
        # ... asked "and then ...?" or "... next?" too (nor is the article's sentence of the
        # February raid, quoted, an answer to it).
        ("What did the MAA take in the May raid?", "vehicles-seized",
         "and then what happened to the town?", "maa-abandoned-ber"),
        ("What did the MAA take in the May raid?", "vehicles-seized",
         "then what did the MAA do?", "maa-abandoned-ber"),
        ("What did the MAA take in the May raid?", "vehicles-seized",
         "Thanks. And then what happened to the town?", "maa-abandoned-ber"),
        # ... but an opening "then" may only mean "in that case".
        ("who seized Ber from the MNLA?", "maa-seized-ber", "then who did they seize it from?",
         "maa-seized-ber"),
        # ... and nothing after the story's end.
        ("What happened to the three Tuareg prisoners?", "prisoners-returned-to-mauritania",
         "and after that?", None),
        # A "they" standing for the one group the last answer named asks what that group did:
        # nothing says when the MNLA had taken Ber (not when the MAA took it).
        ("who held Ber before April 21?", "mnla-controlled-ber", "when had they taken it?",
         None),
        # "Then" is the time last discussed, or after it: not the MAA's capture in April.
        ("did the MAA stay in Ber after the May 5 raid?", "maa-abandoned-ber",
         "who captured it then?", "burkinabe-and-malian-forces-captured-ber"),
        ("when did the Burkinabe leave?", "burkinabe-left-ber", "who was in control after that?",
         "malian-forces-controlled-ber"),
        # "Les forces burkinabè" (the accent on the last letter, no agreement) is their name.
        ("quand le MAA a-t-il quitté Ber ?", "maa-left-ber", "et les forces burkinabè ?",
         "burkinabe-left-ber"),
        # "Why did they attack?" is not answered by a fact asked why of something else done
        # to something ("why is Timbuktu mentioned?"): the article gives no reason.
        ("who won?", "who-won", "why did they attack?", None),
        # A follow-up asking of a word the pack never uses is not the last question again.
        ("who won the battle of ber?", "who-won", "was it decisive?", None),
        ("qui a gagné ?", "who-won", "pourquoi ont-ils attaqué ?", None),
        # A bare "why?" is told by the fact asked why that quotes the sentence after the answer.
        ("Did the MAA leave anything behind near Ber?", "maa-pickups-on-outskirts",
         "why?", "maa-monitoring-for-gangs"),
        # ... but not a reason of another section, or of someone the answer does not name.
        ("When did the Burkinabe forces leave Ber?", "burkinabe-left-ber", "why?", None),
        ("How many civilians were killed in the battle?", "civilians-killed", "why?", None),
        # "They" are the people the last answer told of, in whatever words they were asked
        # (unless the last question named the group they are: not the prisoners it counts).
        ("How many non-combatants lost their lives?", "civilians-killed",
         "Who were they?", "civilian-victims"),
        ("How many casualties did the MNLA suffer?", "mnla-casualties",
         "what are they made up of?", "mnla-ethnic-makeup"),
        # "That group" is the group the last answer named, not one its sentence names too.
        ("Before April 21, which group ran the town of Ber?", "mnla-controlled-ber",
         "What is that group's full name?", "mnla-full-name"),
        # "Who made that claim?" is answered by the last answer, which says who.
        ("why did the MAA keep vehicles outside Ber?", "maa-monitoring-for-gangs",
         "who made that claim?", "maa-monitoring-for-gangs"),
        ("why did the MAA keep vehicles outside Ber?", "maa-monitoring-for-gangs",
         "who mentioned that?", "maa-monitoring-for-gangs"),
        # ... as is one whose answer says whose report it is ("according to local sources").
        ("how many civilians were killed?", "civilians-killed", "who said so?",
         "civilians-killed"),
        ("pourquoi le MAA surveillait-il la ville ?", "maa-monitoring-for-gangs",
         "qui l'a dit ?", "maa-monitoring-for-gangs"),
        ("how many civilians were killed?", "civilians-killed",
         "where does that figure come from?", "civilians-killed"),
        ("combien de civils ont été tués ?", "civilians-killed",
         "qui a donné ces informations ?", "civilians-killed"),
        pytest.param("combien de civils ont été tués ?", "civilians-killed",
                     "d'où vient ce chiffre ?", "civilians-killed",
                     marks=_lost_to_tokens(
                         "its verdict fell from 0.45 to 0.44, under the floor: offered")),
        # "Où ?" asks where, as "where?" does: the last question, asked anew.
        ("qui a gagné la bataille de Ber ?", "who-won", "où ?", "battle-location"),
        # ... but not one asking about something else.
        ("why did the MAA keep vehicles outside Ber?", "maa-monitoring-for-gangs",
         "who said it was an armed band?", "maa-claimed-attack"),
        # "I mean" with a question of its own asks it.
        ("when did the MAA attack Ber?", "battle-date", "I mean, how many civilians were killed?",
         "civilians-killed"),
        # "The town" is the last place only back then.
        ("what happened at In Khalil?", "first-clash-in-khalil",
         "did the French fly planes over the town?", "french-did-not-intervene"),
        # "They" after a question about prisoners are the prisoners.
        pytest.param("How many prisoners did the MAA take?", "prisoners-taken",
                     "what ethnicity were they?", "prisoners-returned-to-mauritania",
                     marks=_lost_to_refit(
                         "its verdict went from 0.4502 to 0.4497, under the 0.45 floor: offered")),
        # (The MNLA's prisoners are told by the prisoners taken, "three prisoners were taken
        # from the MNLA side", as by its casualties, "unknown, apart from 3 prisoners".)
        ("How many prisoners did the MNLA lose at Ber?", "prisoners-taken",
         "what happened to them?", "prisoners-returned-to-mauritania"),
        # "Between them" is both sides last discussed.
        ("why are the two groups at odds?", "ethnic-tensions",
         "since when have things gotten worse between them?", "ethnic-tensions"),
        # "That town back then" is the place and the time last discussed.
        ("what happened at In Khalil?", "first-clash-in-khalil", "who held the town back then?",
         "in-khalil-mnla-control"),
        # "This fight" is the one the conversation is about, and no one it named ...
        ("why did the MAA keep vehicles outside Ber?", "maa-monitoring-for-gangs",
         "was this fight part of some bigger conflict?", "part-of-mali-war"),
        # ... and "that fight" after another one is that one, which the article does not tell.
        ("Which town did the MAA raid on February 23?", "first-clash-in-khalil",
         "who won that fight and how many died?", None),
    ],
)  # fmt: skip
def test_follow_up(
    engine: Engine, first: str, first_fact: str, follow_up: str, fact_id: str | None
) -> None:
    opening = engine.answer(first)
    assert opening.fact_id == first_fact
    reply = engine.answer(follow_up, context=opening.context)
    assert reply.fact_id == fact_id, reply
    assert reply.answered is (fact_id is not None)


def test_a_correction_is_not_answered_with_what_it_puts_right(engine: Engine) -> None:
    """ "No, I mean at Ber" after the first clash, at In Khalil: neither that fact again nor its
    sentence quoted (the place it names is the article's own, which every fact is at), but the
    battle's date, answered or offered."""
    first = engine.answer("when did the MAA first fight the MNLA?")
    assert first.fact_id == "first-clash-in-khalil"
    reply = engine.answer("no, I mean at Ber", context=first.context)
    assert reply.fact_id != "first-clash-in-khalil", reply
    assert all("In Khalil" not in citation.text for citation in reply.citations), reply
    assert reply.fact_id == "battle-date" or "When was the Battle of Ber?" in reply.suggestions
    # ... and why it asked is told of what it offered first, not of the fact set aside.
    why = render_why(reply, engine.pack)
    assert why[0].startswith(f"I wasn't sure: “{reply.suggestions[0]}” scored"), why
    assert all(reply.suggestions[0] not in line for line in why[1:]), why


def test_a_context_naming_an_unknown_fact_is_ignored(engine: Engine) -> None:
    """A conversation saved before a fact was renamed still gets answers."""
    for follow_up in (
        "who held it then?",
        "who said that?",
        "and after that?",
        "who won that fight?",
        "are you sure?",
    ):
        reply = engine.answer(follow_up, context=Context(entities=("maa",), fact_id="renamed"))
        assert reply.outcome in Outcome


@pytest.mark.parametrize(
    "doubt",
    ["are you sure?", "Really?", "seriously though?", "is that true?", "source?",
     "and how do you know that?", "t'es sûr ?", "C'est vrai ?", "you're wrong",
     "That's not true.", "I don't believe you", "c'est faux", "tu te trompes !",
     # ... and what the reader holds instead, said after it or alone.
     "that's wrong, it was 10", "no, it was ten", "No, there were five.", "nope, that was the MNLA",
     "c'est faux, il y en avait 10", "non, c'était dix",
     # ... or what they read or heard elsewhere (alone, only a figure: see below).
     "are you sure? I read it was ten", "I read it was ten", "I thought there were five",
     "I've read it was ten",
     "t'es sûr ? j'ai lu que c'était dix", "je croyais qu'il y en avait dix"],
)  # fmt: skip
def test_doubt_about_an_answer_gets_that_answer_again_with_its_sources(
    engine: Engine, doubt: str
) -> None:
    opening = engine.answer("how many civilians were killed?")
    assert opening.answered

    reply = engine.answer(doubt, context=opening.context)

    assert reply.reason is Reason.CONFIRMED
    assert (reply.fact_id, reply.citations) == (opening.fact_id, opening.citations)
    assert reply.text.endswith(opening.text) and reply.text != opening.text
    assert reply.context.fact_id == opening.fact_id
    assert render_why(reply, engine.pack)[0].startswith("You doubted my last answer: it again")
    # (Asked, a "yes" answers it; said, none does.)
    assert reply.text.startswith(("Yes, ", "Oui, ")) is ("?" in doubt)


@pytest.mark.parametrize(
    "doubt",
    ["was that confirmed?", "has it been verified?", "c'est confirmé ?", "est-ce vérifié ?"],
)
def test_asking_whether_an_answer_was_confirmed_gets_it_again_without_a_yes(
    engine: Engine, doubt: str
) -> None:
    """ "Was that confirmed?" after the deserters' release asks about the last answer: it comes
    again, as the article says it (Malian forces claimed the release), with no "yes" before it
    that would confirm what the article only reports. (It got their detention.)"""
    opening = engine.answer("were the deserters freed?")
    assert opening.answered and "claimed" in opening.text

    reply = engine.answer(doubt, context=opening.context)

    assert reply.reason is Reason.CONFIRMED
    assert (reply.fact_id, reply.citations) == (opening.fact_id, opening.citations)
    assert reply.text.endswith(opening.text)
    assert reply.text.startswith(("That is what the article says: ", "C'est ce que dit l'article"))


@pytest.mark.parametrize(
    ("first_asked", "then", "line"),
    [
        ("Who attacked Ber on April 21?", "according to whom?", "The article says this in its "),
        ("who won?", "says who?", "The article says this in its own words"),
        ("qui a gagné ?", "selon qui ?", "L'article le dit lui-même"),
        ("who won?", "what's the source?", "The article says this in its own words"),
        ("qui a gagné ?", "d'après qui ?", "L'article le dit lui-même"),
        ("qui a gagné ?", "quelle source ?", "L'article le dit lui-même"),
    ],
)
def test_according_to_whom_of_the_article_s_own_word_says_it_names_no_one(
    engine: Engine, first_asked: str, then: str, line: str
) -> None:
    """ "According to whom?" after an answer the article tells in its own voice (its lead,
    its infobox) gets that answer again, saying the article names no one for it: not the
    answer again as if it said who."""
    opening = engine.answer(first_asked)
    assert opening.answered

    reply = engine.answer(then, context=opening.context)

    assert reply.reason is Reason.UNSOURCED
    assert (reply.fact_id, reply.citations) == (opening.fact_id, opening.citations)
    assert reply.text.startswith(line) and reply.text.endswith(
        engine.pack.fact(opening.fact_id).answer
    )
    assert render_why(reply, engine.pack)[0].startswith("You asked who said it: the article")


def test_according_to_whom_of_a_sentence_naming_its_source_gives_it_again(engine: Engine) -> None:
    """... while an answer whose sentence names who said it is given again as it is: the
    Malian military source's report of who held Ber."""
    opening = engine.answer("who controlled Ber before the battle?")
    assert opening.fact_id == "mnla-controlled-ber"
    reply = engine.answer("according to whom?", context=opening.context)
    assert (reply.reason, reply.fact_id) == (Reason.REPEATED, opening.fact_id)
    assert any("military source" in c.text for c in reply.citations)


@pytest.mark.parametrize(
    "asked", ["who says?", "who said?", "what's the source?", "qui dit ça ?", "d'après qui ?"]
)
def test_a_bare_who_says_asks_who_said_the_last_answer(engine: Engine, asked: str) -> None:
    """ "Who says?", "what's the source?" ask who said what was just answered, as "according
    to whom?" does: the marabout's son was no hostage, the MAA claimed; "who says?" was read
    as a new question, and answered with his kidnapping."""
    opening = engine.answer("was the marabout's son a hostage?")
    assert opening.fact_id == "marabout-son-prisoner-of-war-claim"
    reply = engine.answer(asked, context=opening.context)
    assert (reply.reason, reply.fact_id) == (Reason.REPEATED, opening.fact_id)
    assert "MAA claimed" in reply.text


@pytest.mark.parametrize("asked", ["Et après, qui ?", "après qui ?", "who said the MAA attacked?"])
def test_who_came_after_or_who_said_something_else_is_not_who_said_the_last_answer(
    engine: Engine, asked: str
) -> None:
    """ "Et après, qui ?" asks who came next, not who said it (as "d'après qui ?" does); "who
    said the MAA attacked?" asks of a saying of its own."""
    opening = engine.answer("Qui a pris Ber ?")
    assert opening.answered
    reply = engine.answer(asked, context=opening.context)
    assert reply.reason not in (Reason.REPEATED, Reason.UNSOURCED)


def test_doubt_after_a_decline_or_out_of_the_blue_confirms_nothing(engine: Engine) -> None:
    answered = engine.answer("who won?")
    declined = engine.answer("who commanded the MNLA?", context=answered.context)
    assert not declined.answered and declined.context.fact_id == answered.fact_id

    for doubt in (
        engine.answer("are you sure?", context=declined.context),
        engine.answer("are you sure?"),
    ):
        assert not doubt.answered and doubt.reason is Reason.NOTHING_TO_CONFIRM
        assert doubt.text.startswith("I have given no answer to confirm.")
        assert doubt.suggestions == engine.starters()
        assert render_why(doubt, engine.pack) == [
            "You doubted my last answer, but I had given none to stand by."
        ]
    french = engine.answer("t'es sûr ?", context=declined.context)
    assert french.text.startswith("Je n'ai donné aucune réponse à confirmer.")
    # The conversation stays where it was (but for the questions the reply offers).
    stayed = engine.answer("are you sure?", context=declined.context)
    assert stayed.context == replace(declined.context, offered=stayed.suggestions)
    # A real question that happens to start with doubt is still read as a question.
    asked = engine.answer("really? when did the MAA leave Ber?", context=answered.context)
    assert asked.reason is not Reason.CONFIRMED
    assert asked.fact_id == engine.answer("when did the MAA leave Ber?").fact_id


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [("how many civilians were killed?", "and soldiers?"),
     ("when did the MAA take Ber?", "and the MNLA?")],
)  # fmt: skip
def test_doubt_leaves_the_conversation_where_it_was(
    engine: Engine, first: str, follow_up: str
) -> None:
    opening = engine.answer(first)
    doubted = engine.answer("are you sure?", context=opening.context)
    assert doubted.context == opening.context
    after_doubt = engine.answer(follow_up, context=doubted.context)
    directly = engine.answer(follow_up, context=opening.context)
    assert (after_doubt.outcome, after_doubt.fact_id) == (directly.outcome, directly.fact_id)


def test_context_starts_empty_and_records_the_answer(engine: Engine) -> None:
    reply = engine.answer("who was kidnapped?", context=Context())
    assert reply.context.fact_id == reply.fact_id
    assert "marabout-son" in reply.context.entities


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("/ask@SomeBot Who WON?", "who won"),
        ("@SomeBot  quand a eu lieu l'attaque ?", "quand a eu lieu attaque"),
        ("the marabout's son", "the marabout son"),
        ("Burkinabé", "burkinabe"),
        ("\x00who\u202ewon\x1b", "whowon"),
        ("how many lives were lost", "how many deaths were lost"),
        ("did they lose their lives in Ber", "did they lose their deaths in ber"),
        ("who lives in Ber", "who lives in ber"),
        ("Qu'est-ce qui s'est passé ?", "quoi est passe"),
        ("<script>alert('x')</script> who won", "who won"),
        ("who got kidnapped? #mali #ber", "who got kidnapped"),
        ("what is the MAA made up of", "what is the maa composed of"),
        ("who made that claim", "who made that claim"),
        ("who was running the town?", "who was controlling the town"),
        ("did they run away?", "did they run away"),
        ("once the troops went home", "once the troops left"),
        ("I won't lie, who won?", "i will not lie who won"),
        ("they can’t say", "they can not say"),
        ("didn't they", "did not they"),
        ("@SomeBot: who won?", "who won"),
        ("/ask@SomeBot, who won?", "who won"),
        ("SomeBot, who won?", "who won"),
        ("bot: qui a gagné ?", "qui a gagne"),
        ("who won? @SomeBot.", "who won"),
        ("what did the bot say", "what did the bot say"),
        ("robots, who won", "robots who won"),
        ("I'd like to know when the battle took place", "when the battle happen"),
        ("Can you tell me who won?", "who won"),
        ("what does the article actually give as the result?", "what as the result"),
        ("does the article say who won?", "who won"),
        (
            "what does the article say about the French?",
            "what does the article say about the french",
        ),
        ("is it counted as part of the war?", "is it as part of the war"),
        # Verbs of two words are the one word they mean.
        ("Who carried off the holy man's son?", "who took the holy man son"),
        ("they rounded them up", "they detain them"),
        ("who held onto the town?", "who kept the town"),
        ("who counted the dead?", "who counted the dead"),
        ("what was the body count among civilians?", "what was the body count among civilians"),
        ("hang on, who won?", "hang on who won"),
        ("Do you know who won?", "who won"),
        ("Je voudrais savoir qui a gagné", "qui a gagne"),
        ("Pourriez-vous m'indiquer qui a gagné ?", "qui a gagne"),
        ("Est-ce que tu sais qui a gagné ?", "qui a gagne"),
        ("Dites-moi, qui a gagné ?", "qui a gagne"),
        ("Out of curiosity, who won?", "who won"),
        ("Sorry to bother you, but who won?", "who won"),
        ("Does anyone here know who won?", "who won"),
        ("Can I ask something? Who won?", "who won"),
        ("Can you help me? Who won?", "who won"),
        ("can you help me understand why they left?", "can you help me understand why they left"),
        ("One more thing: who won?", "who won"),
        ("who won in the text?", "who won"),
        ("I just read the article. Who won?", "who won"),
        ("hmm, who won", "who won"),
        ("wait, who won", "who won"),
        ("how long did they wait?", "how long did they wait"),
        ("thanks in advance", "thanks"),
        ("Au fait, qui a gagné ?", "qui a gagne"),
        ("Qu'ont-ils fait ?", "quoi ont ils fait"),
        ("Quelqu'un sait qui a gagné ?", "qui a gagne"),
        ("qui a gagné selon l'article ?", "qui a gagne"),
        ("Merci d'avance !", "merci"),
        ("Are you sure? Who won?", "who won"),
        ("Be honest, who won?", "who won"),
        ("I doubt you know, but who won?", "who won"),
        ("Seriously though, who won?", "who won"),
        ("Who won? Straight answer please.", "who won"),
        ("Who won? Cite the article.", "who won"),
        ("Who won? Answer in one word.", "who won"),
        ("tl;dr of the battle", "tl dr of the battle"),
        ("was it a short battle?", "was it a short battle"),
        ("who was the source of the report?", "who was the source of the report"),
        ("Franchement, qui a gagné ?", "qui a gagne"),
        ("T'es sûr ? Qui a gagné ?", "qui a gagne"),
        ("hmmmmm, who won?", "who won"),
        ("I've just read the article, who won?", "who won"),
        ("Be straight up with me, who won?", "who won"),
        ("Briefly, what happened?", "what happened"),
        ("For my essay: who won?", "who won"),
        # The same words are the question's own where they do not stand apart from it.
        ("How many were seriously wounded?", "how many were seriously wounded"),
        ("Which group briefly held Ber?", "which group briefly held ber"),
        ("Was food in short supply?", "was food in short supply"),
        (
            "What was in the text of the peace agreement?",
            "what was in the text of the peace agreement",
        ),
        (
            "Did Amnesty call for a report on the killings?",
            "did amnesty call for a report on the killings",
        ),
        (
            "Did they have any idea the attack was coming?",
            "did they have any idea the attack was coming",
        ),
        ("Did France give a clear answer?", "did france give a clear answer"),
        ("Did they show the text of the accord?", "did they show the text of the accord"),
        ("Did someone know about the attack?", "did someone know about the attack"),
        ("one other thing he said?", "one other thing he said"),
        ("did the MAA prove it?", "did the maa prove it"),
        ("la junte du coup d'État", "la junte du coup etat"),
        ("Combien ont été sérieusement blessés ?", "combien ont ete serieusement blesses"),
        ("Confirm: who won?", "who won"),
        ("Confirm: did the MAA win?", "did the maa win"),
        ("confirm: the MAA won?", "confirm the maa won"),
        ("did the army confirm who attacked?", "did the army confirm who attacked"),
        # "How much old" is how old, as some write it in a language not their own.
        ("how much old was the girl?", "how old was the girl"),
        ("how much money was taken?", "how much money was taken"),
        ("How come they left Ber?", "why they left ber"),
        # A day written as an ordinal is its digits, beside a month's name only.
        ("what happened on may fifth?", "what happened on may 5"),
        ("the twenty first of April", "the 21 of april"),
        ("What happened on May 5th?", "what happened on may 5"),
        ("que s'est-il passé le 1er mai ?", "que est il passe le 1 mai"),
        ("who attacked first?", "who attacked first"),
        # "y" opening a question before its verb is "why", as chat writes it; not the French "y".
        ("y did they keep pickups near ber", "why did they keep pickups near ber"),
        ("il y a eu combien de morts ?", "il y a eu combien de morts"),
        # "Prendre d'assaut" is attacking; "d'où" asks where.
        ("qui a pris d'assaut la ville ?", "qui a attaque la ville"),
        ("d'où venait-il ?", "endroit venait il"),
        # "2" and "4" before "the" or after "according" are "to" and "for"; a count stays one.
        ("handed 2 the mauritanians", "handed to the mauritanians"),
        ("according 2 ramadane", "according to ramadane"),
        ("a message 4 the MAA", "a message for the maa"),
        ("2 civilians died", "2 civilians died"),
        # A number said in several words is its digits; "twenty thirteen" is a year.
        ("the twenty three suspected deserters", "the 23 suspected deserters"),
        ("who won in twenty thirteen?", "who won in 2013"),
        ("in two thousand and thirteen", "in 2013"),
        ("vingt trois déserteurs", "23 deserteurs"),
        # Initials spelled out are the name they spell ("il Y A" is none).
        ("what is the M A A?", "what is the maa"),
        ("what does m.n.l.a. stand for?", "what does mnla stand for"),
        ("Y A-T-IL EU DES MORTS ?", "y a t il eu des morts"),
        # A verb of two words is the one word it means, its object kept.
        ("did the French step in?", "did the french intervene"),
        ("did they lock them up?", "did they detain them"),
        ("when did the fighting break out?", "when did the fighting start"),
        ("kinda", "kind of"),
        ("did they break out of jail?", "did they break out of jail"),
        # Driving off with something is taking it, not driving anyone off.
        ("what did they drive off with?", "what did they took"),
        ("they drove the MNLA off", "they drove the mnla off"),
        # "Non-" joins the word it negates ("noncombatants"); the French "non" stands alone.
        ("which non-combatants died?", "which noncombatants died"),
        ("non merci", "non merci"),
        # Getting involved is intervening; turning someone over is handing them over.
        ("did the French get involved?", "did the french intervene"),
        ("who were they turned over to?", "who were they return to"),
        # Idioms that say nothing of their own words: biting the dust, coming out on top.
        ("how many bit the dust?", "how many died"),
        ("who came out on top?", "who won"),
        # Acting or serving as something is being it.
        ("who acted as the spokesman?", "who was the spokesman"),
        ("who served as their mouthpiece?", "who was their mouthpiece"),
        # Chat spelling.
        ("wat did they do ther", "what did they do there"),
        # What something is named as, it is: no name is asked for.
        (
            "what does the article name as the first clash?",
            "what does the article is the first clash",
        ),
        # Forming the bulk of something is being most of it.
        ("which arabs form the bulk of the MAA?", "which arabs mostly the maa"),
        # What happened at someone's hands, they did: nothing was handed over.
        ("what happened to him at the hands of the MAA?", "what happened to him by the maa"),
        # A French apostrophe typed as a space is one still; "a t il" stays, and English too.
        ("qu ont-ils gardé ?", "quoi ont ils garde"),
        ("qu est ce que le MAA ?", "quoi le maa"),
        ("le MAA c est qui ?", "le maa est qui"),
        ("le MNLA a t il perdu ?", "le mnla a t il perdu"),
        ("what s up with the MAA?", "what s up with the maa"),
        # A greeting of the time of day first, or "good ..." apart, is chatter; not a time asked.
        ("Good morning! Who won?", "who won"),
        ("who won? good day", "who won"),
        ("May 5, evening: what happened?", "may 5 evening what happened"),
        ("who attacked first, morning?", "who attacked first morning"),
        # A month's name mistyped by a letter beside a day is the month's; not a word of its
        # own, nor a slip of two months ("mays": "may" or "mars"?), nor away from a day.
        ("qui a attaqué Ber le 21 avrill ?", "qui a attaque ber le 21 avril"),
        ("who attacked ber on aprill 21st?", "who attacked ber on april 21"),
        ("what was the MAAs 2nd attack?", "what was the maas second attack"),
        # "y tho" is "why though", as "y did they ...?" is "why did they ...?".
        ("y tho", "why though"),
        ("on 21 arpil", "on 21 april"),
        ("on 5 mays", "on 5 mays"),
        ("the 4 main pick-ups", "the 4 main pick ups"),
        ("what happened in aprill?", "what happened in aprill"),
    ],
)
def test_normalize(raw: str, normal: str) -> None:
    assert normalize(raw) == normal


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", "🙂🔥💥", "<b>who</b> won?" * 3, "x" * 10_000, "who won " * 1500,
     "\u202ecan you read this\u202c", "مرحبا من فاز", "'; DROP TABLE facts; --", "\x00\x01\x02"],
)  # fmt: skip
def test_any_text_gets_an_outcome(engine: Engine, text: str) -> None:
    reply = engine.answer(text)
    assert reply.outcome in set(Outcome)
    assert reply.text


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400), follow=st.booleans())
def test_engine_never_raises_and_answers_only_with_verbatim_quotes(
    engine: Engine, pack: Pack, text: str, follow: bool
) -> None:
    context = engine.answer("who attacked Ber?").context if follow else None
    reply = engine.answer(text, context=context)
    assert reply.outcome in set(Outcome)
    if reply.answered:
        assert reply.citations
        assert all(pack.article.find(c.text) is not None for c in reply.citations)
    else:
        assert not reply.citations


def test_a_sentence_no_fact_covers_is_quoted_and_marked(pack_copy: Path) -> None:
    """With the deserters' facts gone, the article's own sentence still answers, as a quote."""
    sentence = "Twenty-three people suspected of being deserters from the Malian army were detained"
    path = pack_copy / "facts" / "aftermath.yaml"
    facts = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = [
        f for f in facts if not any(c.startswith(sentence) or "deserters" in c for c in f["cite"])
    ]
    assert len(kept) < len(facts)
    path.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    engine = Engine(load_pack(pack_copy))

    reply = engine.answer("were suspected deserters from the Malian army detained in Ber?")

    assert reply.answered and reply.quoted and reply.fact_id is None
    assert [c.text[: len(sentence)] for c in reply.citations] == [sentence]
    assert not engine.answer("were suspected deserters detained in Gao in 2012?").answered


def test_a_when_question_is_quoted_only_a_sentence_giving_a_date(engine: Engine) -> None:
    """A number in a sentence is not a date: "the 23 suspected deserters" says not when."""
    reply = engine.answer("when were the 23 detainees released exactly?")
    assert not reply.answered and not reply.quoted


def test_what_someone_did_is_not_quoted_from_a_sentence_where_another_does_it(
    engine: Engine,
) -> None:
    """The sentence naming the MNLA, a saying and a storming is a Malian source's report."""
    reply = engine.answer("What did the MNLA say about the attack?")
    assert not reply.answered and not reply.quoted


def test_how_many_is_not_answered_by_the_number_it_gives(engine: Engine) -> None:
    """A fact whose only count the question already holds tells it nothing new."""
    assert engine.answer("how many pick-ups did the MAA keep near Ber?").fact_id == (
        "maa-pickups-on-outskirts"
    )
    reply = engine.answer("how many men rode in the 14 armed pick-ups?")
    assert reply.fact_id != "maa-pickups-on-outskirts" and not reply.answered


def test_asking_how_something_was_done_is_not_answered_by_that_it_was(engine: Engine) -> None:
    """The article says the prisoners were returned, not how they were taken there."""
    told = engine.answer("when were the prisoners returned to Mauritania?")
    assert told.fact_id == "prisoners-returned-to-mauritania"
    reply = engine.answer("How were the prisoners transported to Mauritania?")
    assert not reply.answered
    assert reply.runner_up is not None
    assert reply.runner_up.fact_id == "prisoners-returned-to-mauritania"


@pytest.mark.parametrize(
    ("claim", "that_day"),
    [("Did the battle of Ber happen on April 25?", "maa-left-ber"),
     ("Was the battle fought on May 5?", "maa-attacked-again"),
     ("Did the battle take place on May 16?", "prisoners-returned-to-mauritania")],
)  # fmt: skip
def test_asking_whether_the_event_itself_was_on_a_date_is_not_answered_by_that_day(
    engine: Engine, claim: str, that_day: str
) -> None:
    """What else happened on the day named does not say when the battle was: the claim is
    declined, or put right by the battle's own date (April 21)."""
    day = claim.rstrip("?").split(" on ")[-1]
    assert engine.answer(f"What happened on {day}?").fact_id == that_day
    reply = engine.answer(claim)
    assert reply.fact_id != that_day
    assert not reply.answered or (reply.reason is Reason.CORRECTED and "April 21" in reply.text), (
        reply.fact_id
    )
    assert engine.answer("when was the battle?").fact_id == "battle-date"


@pytest.mark.parametrize(
    "question",
    [
        "how many MNLA fighters were in Ber?",
        "How many MAA fighters were stationed in Ber?",
        "how many MNLA fighters defended Ber?",
        "how many MAA fighters participated?",
        "combien de combattants du MNLA étaient à Ber ?",
        "combien d'hommes du MNLA étaient présents ?",
    ],
)
def test_how_many_were_there_asks_a_force_s_size_not_its_losses(
    engine: Engine, question: str
) -> None:
    """Being in a town, holding or defending it is what a force's size counts: the fact
    giving its casualties answers none of these, though it counts the same fighters."""
    message = engine.interpreter.message(question, 1000)
    assert engine.interpreter.plain(message, message.tokens, exclude=None).asks == {"strength"}
    assert not engine.answer(question).answered
    assert engine.answer("how many MNLA fighters were killed in Ber?").fact_id == "mnla-casualties"
    assert engine.answer("combien de combattants du MNLA ont été tués ?").fact_id == (
        "mnla-casualties"
    )


def test_a_count_of_people_is_not_answered_with_a_count_of_things(engine: Engine) -> None:
    """The pick-ups were counted, not the men in them: a question counting people is no
    question the fact counting vehicles answers, however close its other words."""
    for question in (
        "how many men manned the armed pick-ups?",
        "how many fighters drove the pickups?",
    ):
        assert not engine.answer(question).answered, question
    assert engine.answer("how many pick-ups did the MAA keep near Ber?").fact_id == (
        "maa-pickups-on-outskirts"
    )
    assert engine.index.things_counted >= {engine.index.fact_index["maa-pickups-on-outskirts"]}


@pytest.mark.parametrize(
    ("question", "agents"),
    [
        ("were they all killed by the MAA?", {"@maa"}),
        ("how many people were shot by the MNLA?", {"@mnla"}),
        ("les civils ont-ils été tués par le MAA ?", {"@maa"}),
        # Losses suffered by a side befell it; standing by a side is no deed done to anyone.
        ("how many casualties were suffered by the MAA?", set()),
        ("how many losses were sustained by the MAA?", set()),
        ("combien de pertes ont été subies par le MAA ?", set()),
        ("combien de morts par le MAA ?", set()),
        ("who stood by the MAA?", set()),
        ("what happened when by the MAA?", set()),
        ("how many MAA fighters were killed?", set()),
    ],
)
def test_a_deed_told_in_the_passive_reads_who_did_it(
    engine: Engine, question: str, agents: set[str]
) -> None:
    spelled = engine.vocabulary.spelled_text(normalize(question))
    assert engine.interpreter.reader.agents(spelled) == agents


def test_who_did_a_deed_is_not_answered_with_their_own_losses(engine: Engine) -> None:
    """ "Were they killed by the MAA?" asks what the MAA did; the fact counting the MAA's own
    dead tells what befell it, however alike the words."""
    for question in (
        "Five civilians were killed in the fighting. Were they all killed by the MAA?",
        "les civils ont-ils tous été tués par le MAA ?",
    ):
        reply = engine.answer(question)
        assert reply.fact_id != "maa-casualties-unknown", question
    reply = engine.answer("were they all killed by the MAA?")
    assert not reply.answered, reply.fact_id
    for question in (
        "how many casualties were suffered by the MAA?",
        "combien de pertes ont été subies par le MAA ?",
    ):
        assert engine.answer(question).fact_id == "maa-casualties-unknown", question
    assert engine.answer("how many MAA fighters were killed?").fact_id == "maa-casualties-unknown"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("how many mnla fightrs attackd ber", "how many mnla fighters attacked ber"),
     ("how many fightrs did the mnla send", "how many fighters did the mnla send")],
)  # fmt: skip
def test_what_a_question_asks_for_is_read_with_its_typos_mended(
    engine: Engine, typed: str, meant: str
) -> None:
    """A force's size is asked for however "fighters" is typed: the casualties are no answer."""
    read = [engine.interpreter.message(q, 1000) for q in (typed, meant)]
    asks = [engine.interpreter.plain(m, m.tokens, exclude=None).asks for m in read]
    assert asks[0] == asks[1] == {"strength"}
    assert engine.answer(typed).outcome is Outcome.DECLINE


@pytest.mark.parametrize(
    "wrapped",
    [
        "I'd like to know {q}",
        "Can you tell me {q}",
        "Do you know {q}",
        "@SomeBot: {q}",
        "SomeBot, {q}",
        "{q} thanks",
        "Out of curiosity, {q}",
        "Sorry to bother you, but {q}",
        "Does anyone know {q}",
        "Can I ask something? {q}",
        "One more thing: {q}",
        "hmm, {q}",
        "{q} Thanks in advance!",
        "{q} (according to the article)",
        "According to Wikipedia, {q}",
        "Are you sure? {q}",
        "Be honest, {q}",
        "Seriously though, {q}",
        "{q} Straight answer please, no fluff.",
        "{q} Cite the article.",
    ],
)
@pytest.mark.parametrize(
    "question",
    ["when did the battle of Ber take place?", "which country is Ber in?", "who won the battle?"],
)
def test_a_request_or_courtesy_around_a_question_leaves_its_answer_as_it_is(
    engine: Engine, wrapped: str, question: str
) -> None:
    alone = engine.answer(question)
    assert alone.answered
    reply = engine.answer(wrapped.format(q=question))
    assert (reply.outcome, reply.fact_id) == (alone.outcome, alone.fact_id)
    assert reply.confidence >= min(alone.confidence, 0.8), "nearly as sure as of the question"


@pytest.mark.parametrize(
    "wrapped",
    [
        "Je voudrais savoir {q}",
        "Pouvez-vous me dire {q}",
        "Savez-vous {q}",
        "Au fait, {q}",
        "Quelqu'un sait {q}",
        "{q} Merci d'avance !",
        "Franchement, {q}",
        "En bref, {q}",
    ],
)
@pytest.mark.parametrize("question", ["qui a gagné la bataille de Ber ?", "où se trouve Ber ?"])
def test_a_french_request_around_a_question_leaves_its_answer_as_it_is(
    engine: Engine, wrapped: str, question: str
) -> None:
    alone = engine.answer(question)
    assert alone.answered
    reply = engine.answer(wrapped.format(q=question))
    assert (reply.outcome, reply.fact_id) == (alone.outcome, alone.fact_id)


@pytest.mark.parametrize(
    ("question", "core"),
    [("Is Ber in Mali?", "is ber in mali"),
     ("Did the battle of Ber happen in April?", "did the battle of ber happen in april"),
     ("Ber was taken by whom?", "ber was taken by whom"),
     ("in the battle of Ber who won", "in the battle of ber who won"),
     ("In the battle of Ber, who won?", "who won"),
     ("ok so about Ber: who won?", "who won")],
)  # fmt: skip
def test_only_a_phrase_set_off_by_a_comma_or_colon_is_taken_as_the_scene(
    engine: Engine, question: str, core: str
) -> None:
    """A question's own verb or question word is never part of the scene it names."""
    assert " ".join(engine.interpreter.message(question, 4000).core) == core


@pytest.mark.parametrize(
    "scene", ["In the battle of Ber, ", "About Ber: ", "Dans la bataille de Ber, "]
)
@pytest.mark.parametrize(
    "question",
    [
        "what did the MNLA say in response to losing the town?",
        "did AFISMA ever take the MAA up on its offer to work together?",
        "when was the Arab Movement of Azawad founded?",
    ],
)
def test_a_phrase_naming_the_subject_before_a_question_does_not_make_it_long(
    engine: Engine, scene: str, question: str
) -> None:
    """A long message's unknown words count as filler and its bar is lower; the article's own
    subject, named to set the scene, must not tip a short question the article does not answer
    into that reading, nor make its question word ("..., when was ...") read as a conjunction."""
    alone = engine.answer(question)
    assert not alone.answered
    message = engine.interpreter.message(scene + question, 4000)
    assert not message.long
    assert not engine.answer(scene + question).answered


@pytest.mark.parametrize("scene", ["In the battle of Ber, ", "About Ber: "])
@pytest.mark.parametrize(
    "question",
    ["who was the MAA spokesperson?", "who is Ramadane", "what's the MAA?", "who won?"],
)
def test_a_phrase_naming_the_subject_before_a_question_asks_nothing_of_it(
    engine: Engine, scene: str, question: str
) -> None:
    """Its words are no part of what is asked: they pulled "who was the MAA spokesperson?"
    towards what the MAA said of the battle. (A question that asks nothing else keeps them:
    "Ber, c'est où ?", "Ber, where is it?".)"""
    alone = engine.answer(question)
    led = engine.answer(scene + question)
    assert (led.answered, led.fact_id) == (alone.answered, alone.fact_id)


# -- what or who something is -----------------------------------------------------------------


@pytest.mark.parametrize(
    "question",
    [
        "what is AFISMA?",
        "what is AFISMA exactly?",
        "qu'est-ce que l'AFISMA ?",
        "who are the Tuaregs?",
        "what is Azawad?",
        # ... named first, as in French.
        "AFISMA, what is that?",
        "and AFISMA, what is it?",
    ],
)
def test_what_a_name_is_is_told_only_by_a_fact_asked_it(engine: Engine, question: str) -> None:
    """The article names AFISMA and says which group is mostly Tuareg, but never says what
    AFISMA or the Tuaregs are: a fact that only names them is no answer."""
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("what is the MAA?", "maa-full-name"),
        ("who was Ramadane?", "ramadane-identity"),
        ("qu'est-ce que le MNLA ?", "mnla-full-name"),
        # Asking more of a name is no longer asking what it is.
        ("what is the MAA composed of?", "maa-ethnic-makeup"),
        # An answer that opens with the name tells what it is.
        ("what is In Khalil?", "in-khalil-mnla-control"),
        ("What does MNLA stand for?", "mnla-full-name"),
        # In capitals throughout, a word is no name for being in capitals.
        ("WHAT WAS LOOTED?", "houses-and-shops-looted"),
        ("and the MNLA, who are they?", "mnla-full-name"),
    ],
)
def test_what_a_name_is_is_answered_by_the_fact_asked_it(
    engine: Engine, question: str, fact_id: str
) -> None:
    assert engine.answer(question).fact_id == fact_id


def test_and_x_who_is_that_asks_what_x_is_not_the_last_question_of_x(engine: Engine) -> None:
    first = engine.answer("qui a attaqué Ber ?")
    reply = engine.answer("et le MNLA, c'était qui ?", context=first.context)
    assert reply.fact_id == "mnla-full-name"


def test_a_follow_up_with_a_question_of_its_own_is_also_read_on_its_own(engine: Engine) -> None:
    """ "Et que s'est-il passé le 5 mai ?" leans on nothing but its "et": read as the last
    question asked of May 5 it matches nothing, read on its own it is the May 5 attack."""
    context = None
    for turn in ["quand le MAA a-t-il quitté Ber ?", "pourquoi ?"]:
        context = engine.answer(turn, context=context).context
    reply = engine.answer("et que s'est-il passé le 5 mai ?", context=context)
    assert reply.fact_id == "maa-attacked-again"


def test_what_about_a_place_is_only_the_last_question_asked_of_it(engine: Engine) -> None:
    """ "What about Timbuktu?" asks when the MAA attacked Timbuktu: the article does not say,
    and the sentence that only names Timbuktu is no answer."""
    first = engine.answer("When did the MAA attack Ber?")
    assert not engine.answer("what about Timbuktu?", context=first.context).answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # The article tells only that the MAA raided In Khalil, then held by the MNLA: not
        # what was taken there, nor who won.
        ("what did the MAA steal at In Khalil?", None),
        ("qu'est-ce que le MAA a volé à In Khalil ?", None),
        # ... what it does tell of it is answered.
        ("when did the MAA raid In Khalil?", "first-clash-in-khalil"),
        ("who controlled In Khalil?", "in-khalil-mnla-control"),
        # (At the article's own place, the looting is told.)
        ("what did the MAA steal at Ber?", "houses-and-shops-looted"),
    ],
)
def test_an_event_elsewhere_is_answered_only_by_a_fact_sharing_more_than_its_names(
    engine: Engine, question: str, fact_id: str | None
) -> None:
    """A question of events at another place than the article's own, sharing with a fact only
    the names (the place, who was there) and none of what it asks, is not answered by it."""
    reply = engine.answer(question)
    assert reply.fact_id == fact_id
    assert reply.answered == (fact_id is not None)


def test_a_correction_that_asks_anew_is_its_question_without_its_opening(engine: Engine) -> None:
    first = engine.answer("when did the MNLA attack Ber?")
    reply = engine.answer("sorry, I meant when did the MAA attack", context=first.context)
    assert reply.fact_id == engine.answer("when did the MAA attack").fact_id == "battle-date"


def test_a_bare_when_whose_french_lieu_also_reads_as_where_asks_when(engine: Engine) -> None:
    """ "Quand a-t-elle eu lieu ?": its "lieu" reads as where too, but it asks when."""
    first = engine.answer("qui a gagné la bataille de Ber ?")
    reply = engine.answer("quand a-t-elle eu lieu ?", context=first.context)
    assert reply.fact_id == "battle-date"


def test_a_bare_where_after_an_answer_that_gives_no_place_is_asked_anew(engine: Engine) -> None:
    """The battle's date is asked "quand a eu lieu ...", whose "lieu" reads as where: its
    answer gives no place, so "where?" after it asks where the battle was."""
    first = engine.answer("when was the battle?")
    assert first.fact_id == "battle-date"
    assert engine.answer("where?", context=first.context).fact_id == "battle-location"


def test_the_forms_of_a_french_verb_are_read_as_one_word(engine: Engine) -> None:
    """The synonyms list "attaquer" and "attaque"; its other forms are found from them."""
    forms = ["attaquee", "attaquees", "attaquaient", "attaquent", "attaquer", "attaque"]
    assert {engine.vocabulary.token(form) for form in forms} == {engine.vocabulary.token("attack")}


@pytest.mark.parametrize(
    ("word", "not_read_as"),
    [
        # A form is found only from a listed verb or noun, never a word that joins or asks...
        ("entree", "between"),
        ("entrent", "between"),
        ("excusez", "why"),
        # ... and a bare "s" or "e" is no ending of a verb: "livres" are books.
        ("livres", "return"),
        ("trucs", "peace"),
    ],
)
def test_a_french_word_is_no_form_of_a_word_that_joins_or_asks(
    engine: Engine, word: str, not_read_as: str
) -> None:
    assert engine.vocabulary.token(word) != engine.vocabulary.token(not_read_as)


@pytest.mark.parametrize(
    ("french", "english"),
    [
        ("pendant", "during"),
        ("lors", "during"),
        ("venait", "come"),
        ("plupart", "mostly"),
        ("issus", "composed"),
        ("signale", "reported"),
        # "Faire" asks nothing of its own, as "do" does not: "qu'ont-ils fait le 5 mai ?"
        ("fait", "did"),
        ("faisaient", "doing"),
    ],
)
def test_french_words_are_read_as_the_english_words_they_mean(
    engine: Engine, french: str, english: str
) -> None:
    assert engine.vocabulary.token(french) == engine.vocabulary.token(english)


@pytest.mark.parametrize(
    ("word", "meaning"),
    [
        # How someone described something is what they said of it.
        ("described", "said"),
        ("characterised", "said"),
        ("portrayed", "said"),
        # The pack's words: a contingent is a force, a runaway from the army a deserter.
        ("contingent", "troops"),
        ("runaways", "deserters"),
        # Words of the language: what befell someone happened to them; a district is a region.
        ("befell", "happened"),
        ("district", "region"),
        ("decamped", "left"),
        ("wrested", "seized"),
        ("bulk", "mostly"),
        ("tally", "number"),
        # The pack's: hostilities and a confrontation are fighting, a turncoat a deserter, the
        # soldiery an army.
        ("hostilities", "fighting"),
        ("confrontation", "battle"),
        ("conflagration", "war"),
        ("turncoats", "deserters"),
        ("defector", "deserter"),
        ("soldiery", "army"),
    ],
)
def test_words_are_read_as_the_words_they_mean(engine: Engine, word: str, meaning: str) -> None:
    assert engine.vocabulary.token(word) == engine.vocabulary.token(meaning)


def test_the_mouthpiece_of_a_group_is_its_spokesperson(engine: Engine) -> None:
    assert "@ramadane" in engine.vocabulary.analyze("what did the mouthpiece say?")


def test_a_turncoat_or_a_defector_is_one_of_the_suspected_deserters(engine: Engine) -> None:
    for question in ("how many alleged turncoats were detained?", "were the defectors freed?"):
        assert "@deserters" in engine.vocabulary.analyze(question)


def test_gallic_is_french(engine: Engine) -> None:
    assert "@french-army" in engine.vocabulary.analyze("did the Gallic military step in?")


def test_a_french_inverted_pronoun_restates_its_subject_and_stands_for_no_one_else(
    engine: Engine,
) -> None:
    """ "La bataille a-t-elle ...": "elle" is the battle, not someone still to be named."""
    reply = engine.answer("la bataille a-t-elle fait des victimes ?")
    assert reply.fact_id == "casualties-overview"


def test_d_ou_asks_where_even_before_a_relative_qui(engine: Engine) -> None:
    """ "D'où" is never "ou" (or): "d'où venait la source qui ...?" asks where from."""
    message = engine.interpreter.message("D'où venait la source qui a signalé l'attaque ?", 500)
    assert engine.vocabulary.token("where") in message.tokens


def test_a_polite_french_opening_asks_nothing(engine: Engine) -> None:
    assert engine.answer("excusez-moi, qui a gagné la bataille ?").fact_id == "who-won"


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many French troops were wounded?", {"@french-army"}),
        ("how many MAA fighters were killed?", {"@maa"}),
        ("how many civilians died?", {"civilian"}),
        ("combien de civils ont été tués ?", {"civilian"}),
        # Nobody named: a verb, a pronoun, a noun for fighters or a length of time.
        ("how many died?", set()),
        ("how many of them were there?", set()),
        ("how many fighters did they lose?", set()),
        ("combien de temps a duré le combat ?", set()),
    ],
)
def test_how_many_reads_who_is_counted(engine: Engine, question: str, counted: set[str]) -> None:
    spelled = engine.vocabulary.spelled_text(normalize(question))
    assert engine.interpreter.reader.counted(spelled) == counted


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Local sources stated that at least two civilians were killed", {"number"}),
        ("The MAA left Ber on April 25", {"date"}),
        # A number written into a name counts nothing.
        ("The 2020 edition was cancelled because of COVID-19", {"date"}),
        ("French F-16 jets flew over the town", set()),
    ],
)
def test_an_answer_gives_a_number_only_when_it_counts_something(text: str, kinds: set[str]) -> None:
    assert given_kinds(text) == kinds


@pytest.mark.parametrize(
    "question", ["What happened to Ber after 2013?", "que s'est-il passé après 2013 ?"]
)
def test_what_came_after_the_article_s_last_year_is_declined(engine: Engine, question: str) -> None:
    """Nothing the article tells happened after the last year it gives: not even "did you
    mean" one of its facts."""
    assert engine.answer(question).outcome is Outcome.DECLINE


@pytest.mark.parametrize("question", ["When did they leave?", "Quand sont-ils partis ?"])
def test_a_they_standing_for_nobody_is_not_guessed(engine: Engine, question: str) -> None:
    """First thing, "they" names nobody: the MAA left, and so did the Burkinabe forces."""
    reply = engine.answer(question)
    assert reply.outcome is Outcome.SUGGEST
    offered = {f.id for f in engine.pack.facts if set(f.questions) & set(reply.suggestions)}
    assert {"maa-left-ber", "burkinabe-left-ber"} <= offered


def test_a_they_the_conversation_named_is_answered(engine: Engine) -> None:
    first = engine.answer("Who captured Ber after the MAA abandoned it?")
    assert engine.answer("and when did they leave?", context=first.context).answered
    # ... as is a "they" no other fact's answer could stand for.
    assert engine.answer("Who did they kidnap?").fact_id == "marabout-son-kidnapped"


def test_a_they_after_a_quoted_sentence_stands_for_whom_it_told_of(engine: Engine) -> None:
    """ "Who captured Ber after the MAA abandoned it?", "who else?" (a sentence quoted:
    Burkinabe and Malian forces captured it), "and when did they leave?": they are those the
    sentence told of, not the MAA the question named."""
    context = None
    for turn in ["Who captured Ber after the MAA abandoned it?", "who else?"]:
        context = engine.answer(turn, context=context).context
    reply = engine.answer("and when did they leave?", context=context)
    assert reply.fact_id == "burkinabe-left-ber"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [("hapend", "happened"), ("clame", "claim"), ("wen", "when"), ("hapnd", "happened")],
)
def test_a_word_typed_as_heard_is_read_as_the_pack_word_it_sounds_like(
    engine: Engine, typed: str, meant: str
) -> None:
    assert engine.vocabulary.token(typed) == engine.vocabulary.token(meant)


@pytest.mark.parametrize("name", ["konna", "kidal", "tessalit", "lere", "niamey", "goita"])
def test_a_name_the_pack_does_not_know_stays_a_name(engine: Engine, name: str) -> None:
    """What tells a near miss is the unknown place: it is corrected into no word of the pack."""
    assert engine.vocabulary.token(name) == engine.vocabulary.stemmer.stemWord(name)


def test_a_typo_with_its_vowels_as_heard_still_asks_its_question(engine: Engine) -> None:
    assert engine.answer("wat hapend to the marabout son").fact_id == "marabout-son-kidnapped"


def test_what_someone_had_to_do_with_it_asks_how_they_come_into_it_not_what_they_did(
    engine: Engine,
) -> None:
    """ "Have to do with" asks how a group comes into the story: it is no deed of theirs that
    only facts asked what they did could tell."""
    assert engine.interpreter.reader.subjects("what did @afisma have to do with it") == set()
    reply = engine.answer("what did AFISMA have to do with it?")
    assert reply.fact_id == "maa-willing-to-work-with-french-and-afisma"


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("may I ask who won the battle?", "who-won"),
        ("May I know when the MAA left Ber?", "maa-left-ber"),
        # ... while beside a day, a year or a word leading to a date, it is the month.
        ("what happened on may 5?", "maa-attacked-again"),
        ("did the MAA attack Ber again in May?", "maa-attacked-again"),
    ],
)
def test_may_is_a_month_only_where_a_date_goes(engine: Engine, question: str, fact_id: str) -> None:
    """ "May I ask ...?" asks nothing of May: read as the month, it counted against every fact
    telling of no May."""
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("may i ask who won", False),
        ("who may have attacked ber", False),
        ("did they march on ber", False),
        ("what happened 5 may", True),
        ("the may raid", True),
        ("what did the maa do that may", True),
        ("what was taken in their may raid", True),
        ("what happened between april and may", True),
        ("since march", True),
        ("may 2013", True),
    ],
)
def test_a_month_that_is_also_a_word_is_read_as_the_month_but_where_it_is_the_word(
    engine: Engine, text: str, month: bool
) -> None:
    tokens = engine.vocabulary.analyze(text)
    assert any(t in ("may", "march") for t in tokens) == month


def test_french_but_and_am_carry_no_meaning(engine: Engine) -> None:
    """ "Mais" (but) was read as "mai" (May), a month counted against every fact telling no
    May; "suis" (am) as a word the question asks about."""
    assert engine.vocabulary.analyze("mais je ne suis pas sûr de son nom") == ["name"]
    assert "may" in engine.vocabulary.analyze("le 5 mai")
    reply = engine.answer(
        "Toutes les déclarations du MAA viennent de la même personne, mais je ne suis pas sûr "
        "de l'orthographe de son nom. Comment s'appelle le porte-parole du MAA ?"
    )
    assert reply.fact_id == "ramadane-identity"


def test_words_run_together_are_a_name_only_when_one_is_no_word_at_all(engine: Engine) -> None:
    """("the fence" run together is a letter away from "the French", but both are words.)"""
    tokens = engine.vocabulary.analyze("Is that their claim? Don't sit on the fence.")
    assert "@french-army" not in tokens
    assert "@tuareg" in engine.vocabulary.analyze("are they mostly twa regs?")


def test_a_word_written_as_said_is_the_word(engine: Engine) -> None:
    """("doin" was read as "down", a letter away.)"""
    assert engine.vocabulary.spelled_text("what are you doin") == "what are you doing"
    assert engine.vocabulary.spelled_text("who was kidnappin") == "who was kidnapping"
    assert engine.vocabulary.spelled_text("any kidz here") == "any kids here"


def test_the_losers_after_the_winner_was_named_are_the_other_side(engine: Engine) -> None:
    first = engine.answer("Who came out on top?")
    assert first.fact_id == "who-won"
    then = engine.answer("And the losers, who were they mostly, ethnically?", context=first.context)
    assert then.fact_id == "mnla-ethnic-makeup"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # Two or three words of a body's long name, one of them the noun it is built on.
        ("was the international mission in Ber?", "@afisma"),
        ("la mission internationale était-elle à Ber ?", "@afisma"),
        ("what did the former colonial power do?", "@french-army"),
        ("what about the national movement?", "@mnla"),
        # Any noun for a group for another.
        ("which Tuareg outfit held Ber?", "@mnla"),
        ("le groupe arabe", "@maa"),
    ],
)
def test_a_body_is_named_by_part_of_its_long_name(engine: Engine, text: str, name: str) -> None:
    assert name in engine.vocabulary.analyze(text)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # A word describing the body, typed inside its name.
        ("the Arab armed group", ["@maa"]),
        ("le groupe armé arabe", ["@maa"]),
        ("les forces armées maliennes", ["@malian-forces"]),
        # ... is still its own word elsewhere, and after an article ("les armes": weapons).
        ("the armed pick-ups", ["weapon", "pick", "up"]),
        ("les armes arabes", ["weapon", "@maa"]),
    ],
)
def test_a_word_describing_a_body_inside_its_name_keeps_the_name(
    engine: Engine, text: str, tokens: list[str]
) -> None:
    assert engine.vocabulary.analyze(text) == tokens


@pytest.mark.parametrize(
    "question",
    ["what happened after May 16?", "que s'est-il passé après le 16 mai ?"],
)
def test_what_happened_after_a_day_is_not_what_happened_that_day(
    engine: Engine, question: str
) -> None:
    """The prisoners were handed over on May 16, the last day the article tells: it does not
    say what came after, so the fact telling of that day does not answer."""
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id
    assert "earlier-than-asked" in [s.name for s in reply.signals], reply.signals


@pytest.mark.parametrize(
    ("question", "after"),
    [
        ("what happened after May 16?", (5, 16)),
        ("what happened after the 16th of May?", (5, 16)),
        ("que s'est-il passé après le 16 mai ?", (5, 16)),
        ("what did they do after 7 May?", (5, 7)),
        # "Once" a day came is no bound; nor is a day that is none.
        ("what happened once May 7 came?", None),
        ("what happened after May 40?", None),
    ],
)
def test_after_a_day_is_read_as_a_bound(
    engine: Engine, question: str, after: tuple[int, int] | None
) -> None:
    message = engine.interpreter.message(question, 500)
    assert engine.interpreter.plain(message, message.tokens, exclude=frozenset()).after == after


def test_what_happened_after_a_day_may_be_what_happened_later(engine: Engine) -> None:
    # (The day asked after is when, not what, is asked: no fact need tell it.)
    assert engine.answer("did the MAA come back to Ber after April 25?").fact_id == (
        "maa-attacked-again"
    )
    # ... and what a day's events made so still holds after it.
    assert engine.answer("who controlled Ber after May 7?").fact_id == (
        "malian-forces-controlled-ber"
    )


@pytest.mark.parametrize(
    "question",
    ["who controls ber after may 7?", "who held Ber after May 7", "ber after may 7?"],
)
def test_a_fact_asked_what_came_after_a_day_is_not_held_down_for_telling_that_day(
    engine: Engine, question: str
) -> None:
    """The fact telling that Malian forces held Ber from May 7 is asked "who controlled Ber
    after May 7?" by its curator: it tells what came after that day, though its sentence is
    dated May 7 (these were offered, held down as telling of that day)."""
    reply = engine.answer(question)
    assert (reply.answered, reply.fact_id) == (True, "malian-forces-controlled-ber")
    assert "earlier-than-asked" not in [s.name for s in reply.signals], reply.signals


@pytest.mark.parametrize(
    "question",
    [
        pytest.param(
            "what happened after May 7?",
            marks=pytest.mark.xfail(
                strict=True,
                reason="answered with the day the Burkinabè left (a fact of that day, though "
                "its sentence says who held the town after), held down (x0.50) to 0.481 "
                "against the 0.48 bar: the classifier, refitted with set CE among the "
                "training questions, finds that fact 93% likely",
            ),
        ),
        "who left after may 7?",
        "que s'est-il passé après le 7 mai ?",
    ],
)
def test_a_question_after_a_day_about_what_no_phrasing_asks_after_it_is_still_held_down(
    engine: Engine, question: str
) -> None:
    """... but what no phrasing of a fact asks after that day is held down as ever: "what
    happened after May 7?" asks of nothing the fact is asked, and a yes/no phrasing ("were the
    Burkinabe still in Ber after May 7?") may be told no."""
    assert not engine.answer(question).answered


def test_only_bursting_into_a_place_is_storming_it(engine: Engine) -> None:
    attack = engine.vocabulary.token("stormed")
    assert attack in engine.vocabulary.analyze("who burst into Ber?")
    assert attack not in engine.vocabulary.analyze("what burst inside the house?")


def test_a_body_described_inside_its_name_is_asked_of(engine: Engine) -> None:
    reply = engine.answer("when did the Arab armed group first clash with the Tuareg separatists?")
    assert reply.fact_id == "first-clash-in-khalil"


@pytest.mark.parametrize(
    "text",
    [
        # No noun a body is built on: "international support" is no mission.
        "did the MAA get international support?",
        # Words two bodies' names share name neither ("Arab Movement of Azawad", "National
        # Movement for the Liberation of Azawad").
        "what is the movement of azawad?",
    ],
)
def test_part_of_a_long_name_not_naming_one_body_names_none(engine: Engine, text: str) -> None:
    tokens = engine.vocabulary.analyze(text)
    assert not [t for t in tokens if t in ("@afisma", "@mnla")], tokens
    assert tokens.count("@maa") == text.count("MAA"), tokens


def test_a_they_after_a_declined_turn_stands_for_whom_that_turn_named(engine: Engine) -> None:
    """The article does not say why the Burkinabe troops were there, but "they" next are them,
    not the MAA, whom the article tells leaving first."""
    first = engine.answer("why were burkinabe troops in mali anyway")
    assert not first.answered
    then = engine.answer("when did they leave ber", context=first.context)
    assert then.fact_id == "burkinabe-left-ber"


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        # "Comment s'appelle ...?" asks a name, not a manner ...
        ("Comment s'appelle le groupe qui a capturé Ber ?", "name"),
        # ... and what another clause asks is not how: "et combien de morts ?", "and who".
        ("Comment le MNLA a-t-il pris Ber et combien de morts ?", None),
        ("Comment les habitants ont-ils réagi à la mort des civils ?", None),
        ("Tell me how the fighting went and who was killed.", None),
    ],
)
def test_how_asks_the_manner_only_of_a_killing_or_a_death_it_asks_how_of(
    engine: Engine, text: str, attribute: str | None
) -> None:
    spelled = engine.vocabulary.spelled_text(engine.interpreter.message(text, 500).normal)
    asked = engine.interpreter.reader.asks(spelled)
    assert "manner" not in asked
    assert attribute is None or attribute in asked


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        # What something was worth asks an amount, however far "worth" comes.
        ("How much were the goods stolen during the May raid worth in total?", "amount"),
        ("what was the value of the looted goods?", "amount"),
        ("Combien valaient les biens pillés en mai ?", "amount"),
        # How someone was killed asks the manner, in English and in French: the article tells
        # who was killed, never how.
        ("How was the old man killed?", "manner"),
        ("Could you tell me how the old man was actually killed?", "manner"),
        ("Comment le vieil homme a-t-il été tué pendant les combats ?", "manner"),
        ("Comment est-il mort ?", "manner"),
    ],
)
def test_an_attribute_no_fact_is_asked_is_read_and_not_answered(
    engine: Engine, text: str, attribute: str
) -> None:
    spelled = engine.vocabulary.spelled_text(engine.interpreter.message(text, 500).normal)
    assert attribute in engine.interpreter.reader.asks(spelled)
    assert not engine.answer(text).answered


@pytest.mark.parametrize(
    "question",
    [
        "How old was the old gentleman who died?",
        "how old was the elderly man killed in Ber?",
        "Quel âge avait l'homme âgé tué pendant la bataille ?",
    ],
)
def test_an_attribute_of_one_person_is_not_answered_by_the_fact_giving_another_s(
    engine: Engine, question: str
) -> None:
    """The fact giving the girl's age names the elderly man too, but never his age."""
    reply = engine.answer(question)
    assert not reply.answered
    assert "other-holder" in {signal.name for signal in reply.signals}


@pytest.mark.parametrize(
    "question", ["how old was the girl killed?", "quel âge avait la fille tuée ?"]
)
def test_the_attribute_asked_of_the_person_a_fact_gives_it_of_is_answered(
    engine: Engine, question: str
) -> None:
    assert engine.answer(question).fact_id == "civilian-victims"


@pytest.mark.parametrize(
    ("question", "leader"),
    [
        ("Who was in charge of the Tuareg separatists holding the town?", True),
        ("qui était à la tête du MNLA ?", True),
        # In charge of a place is holding it, not leading anyone.
        ("who was in charge of Ber before the attack?", False),
    ],
)
def test_in_charge_of_a_group_asks_its_leader(engine: Engine, question: str, leader: bool) -> None:
    spelled = engine.vocabulary.spelled_text(engine.interpreter.message(question, 500).normal)
    assert ("leader" in engine.interpreter.reader.asks(spelled)) is leader
    assert engine.answer(question).answered is not leader


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what was the name of the military source from Timbuktu?", True),
        ("what was the source from Timbuktu called?", True),
        # Naming someone is a deed, not asking a name.
        ("did the Malian army name the attackers?", False),
        ("name the leader of the MAA", True),
        ("what is the name their spokesman gave?", True),
    ],
)
def test_a_name_is_asked_by_the_noun_not_by_the_deed_of_naming(
    engine: Engine, question: str, name: bool
) -> None:
    spelled = engine.vocabulary.spelled_text(engine.interpreter.message(question, 500).normal)
    assert ("name" in engine.interpreter.reader.asks(spelled)) is name


def test_a_fact_asked_whether_someone_was_named_does_not_give_a_name(engine: Engine) -> None:
    """The fact telling that the source named nobody was asked "did the army name the
    attackers?": that asks no name of it, so it does not give the source's."""
    reply = engine.answer("what was the name of the military source from Timbuktu?")
    assert not reply.answered, reply.fact_id
    assert "name" not in engine.index.asks[engine.index.fact_index["malian-source-report"]]


@pytest.mark.parametrize(
    ("text", "placed"),
    [
        ("The battle was fought in Ber, Mali.", {"@ber"}),
        ("Ber lies in the north of Mali.", {"@ber"}),
        ("Ber is near Timbuktu.", {"@ber"}),
        ("Ber was under the control of the MNLA in Mali.", set()),
        ("Ber, north of Timbuktu, was stormed.", {"@ber"}),
        # Two places joined, or one a journey's end, place neither.
        ("Fighting between Timbuktu and Ber.", set()),
        ("They drove from Ber to Timbuktu.", set()),
        ("A source from Timbuktu said militants had stormed Ber.", set()),
    ],
)
def test_a_place_is_placed_by_another_right_after_it_or_after_words_that_place(
    engine: Engine, text: str, placed: set[str]
) -> None:
    assert _placed([text], engine.vocabulary, engine.index.places) == placed


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # The article says only "Ber, Mali": the sentence naming Gao Region for the groups'
        # tensions does not place Ber in it.
        ("Which region is Ber in?", None),
        ("in which region is Ber located?", None),
        ("Dans quelle région se trouve Ber ?", None),
        ("Ber est dans quelle région ?", None),
        # ... and what country it is in, it does say.
        ("what country is Ber in?", "battle-location"),
    ],
)
def test_which_region_a_place_is_in_asks_where_it_is(
    engine: Engine, question: str, fact_id: str | None
) -> None:
    reply = engine.answer(question)
    assert reply.fact_id == fact_id
    assert reply.answered == (fact_id is not None)


@pytest.mark.parametrize(
    ("first_asked", "then"),
    [
        ("Which region is Ber in?", "is it in Gao Region?"),
        ("dans quelle région se trouve Ber ?", "est-elle dans la région de Gao ?"),
        ("dans quelle région se trouve Ber ?", "c'est dans la région de Gao ?"),
    ],
)
def test_is_it_in_a_place_asks_of_the_place_last_named(
    engine: Engine, first_asked: str, then: str
) -> None:
    """ "Which region is Ber in?" (declined), "is it in Gao Region?": asked of Ber, which the
    article does not place in Gao Region; not the sentence naming Gao Region for the groups'
    tensions. (In French as in English.)"""
    first = engine.answer(first_asked)
    reply = engine.answer(then, context=first.context)
    assert not reply.answered
    assert reply.question == then
    assert engine.dialogue.restated(then, first.context) is not None
    assert engine.answer("is Ber in Gao Region?").answered is False


@pytest.mark.parametrize(
    ("first_asked", "then", "answered"),
    [
        ("Where is Ber?", "what region is it in?", False),
        ("Where is Ber?", "where is it?", True),
        ("what town did the MAA raid in February?", "where is it?", False),
        ("what town did the MAA raid in February?", "what country is it in?", False),
        ("où a eu lieu la bataille ?", "dans quelle région est-elle ?", False),
        ("quelle ville le MAA a-t-il attaquée en février ?", "c'est où ?", False),
    ],
)
def test_where_is_it_asks_where_the_place_last_named_is(
    engine: Engine, first_asked: str, then: str, answered: bool
) -> None:
    """ "Where is it?", "what region is it in?" ask where the place the conversation last
    named is, as if they named it: the article places Ber in Mali and no region, and In Khalil
    nowhere. (The region's sentence is of the groups' tensions, the raid's of who held In
    Khalil: neither is an answer.)"""
    first = engine.answer(first_asked)
    assert first.answered
    restated = engine.dialogue.restated(then, first.context)
    assert restated is not None
    reply = engine.answer(then, context=first.context)
    named = engine.answer(restated, context=first.context)
    assert (reply.answered, reply.fact_id) == (named.answered, named.fact_id)
    assert reply.answered is answered
    assert reply.question == then


@pytest.mark.parametrize("question", ["c'est où In Khalil ?", "et c'est où In Khalil exactement ?"])
def test_where_a_place_the_article_never_places_is_not_answered_in_french(
    engine: Engine, question: str
) -> None:
    """ "C'est où In Khalil ?" asks where In Khalil is, which the article never says: not who
    held it when it was raided."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize(
    ("knowledge", "question", "offered"),
    [
        (None, "Is Ber in Niger?", "Where did the Battle of Ber take place?"),
        (None, "Is Ber in Mauritania?", "Where did the Battle of Ber take place?"),
        (None, "Ber est-il au Niger ?", "Où a eu lieu la bataille de Ber ?"),
        (None, "Wasn't Ber in Niger?", "Where did the Battle of Ber take place?"),
        # ... and "was the battle fought in X?" where the article's own event was: the raid on
        # In Khalil, the tensions in the Gao Region are other events there.
        (
            None,
            "Was the battle of Ber fought in In Khalil?",
            "Where did the Battle of Ber take place?",
        ),
        (None, "was the battle fought in Gao region?", "Where did the Battle of Ber take place?"),
        (None, "did the battle take place in Timbuktu?", "Where did the Battle of Ber take place?"),
        (SECOND_PACK, "is Ashwick in Scotland?", "Where is the Ashwick Lantern Festival held?"),
    ],
)
def test_a_place_asked_of_and_not_placed_so_is_offered_where_it_is(
    engine: Engine, knowledge: Path | None, question: str, offered: str
) -> None:
    """Declined or offered, "is Ber in Niger?" is first offered where the article says Ber is."""
    reply = (engine if knowledge is None else Engine(load_pack(knowledge))).answer(question)
    assert not reply.answered
    assert shown(reply.suggestions[0]) == offered


@pytest.mark.parametrize(
    "question",
    [
        "where exactly were the prisoners handed to the mauritanians?",
        "Où exactement en Mauritanie les prisonniers ont-ils été remis ?",
        # Where an event took place asks for a place as much.
        "where did the return of the Tuareg prisoners to the Mauritanian army take place?",
        "where did the prisoner exchange with the Mauritanians happen?",
        "Où a eu lieu la remise des prisonniers ?",
        # ... and where a place is: the raid's fact names In Khalil, and no place it is in.
        "Where is In Khalil?",
        "Où est In Khalil ?",
        # ... and not by a fact naming the place and another along the way: "a source from
        # Timbuktu said militants stormed Ber" does not say where Timbuktu is.
        "Where is Timbuktu?",
        "where's Timbuktu?",
        "Hi! Where is Timbuktu?",
        "Où est Tombouctou ?",
        "Tombouctou, c'est où ?",
        # ... typed tersely, the place first: the one sentence naming Gao Region does not say
        # where it is.
        "gao region where is it",
        "Gao Region, where?",
        # ... asked yes or no too: the fact telling the prisoners went to the Mauritanian Army
        # does not place Ber.
        "Is Ber in Mauritania?",
        "Was the town of Ber in Burkina Faso?",
        "Ber est-il en Mauritanie ?",
        "Hi, is Ber in Mauritania?",
        "Is Ber really in Mauritania?",
    ],
)
def test_where_exactly_is_not_answered_by_a_fact_naming_only_the_places_asked_of(
    engine: Engine, question: str
) -> None:
    """The fact says the prisoners went to the Mauritanian Army, and no place finer: it is
    offered, neither answered nor quoted."""
    reply = engine.answer(question)
    assert not reply.answered
    assert "no-finer-place" in {signal.name for signal in reply.signals}


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("where exactly did the battle take place?", "battle-location"),
        ("which town did the MAA seize?", "maa-seized-ber"),
        ("where did the battle take place?", "battle-location"),
        ("where is ber?", "battle-location"),
        # ("in Ber, Mali" places Ber)
        ("where's Ber?", "battle-location"),
        ("is Ber in Mali?", "battle-location"),
        # (in someone's hands, or control, is no place)
        ("Was In Khalil in MNLA control?", "in-khalil-mnla-control"),
        # ("ou", folded, is also "or"; a relative "where" asks no place)
        ("Le combat ou la bataille a eu lieu quand ?", "battle-date"),
        (
            "Ber is a small town where little ever happens. When was the battle there?",
            "battle-date",
        ),
        ("Où s'est passée la bataille ?", "battle-location"),
        ("where did the first clash between the MAA and the MNLA happen?", "first-clash-in-khalil"),
    ],
)
def test_where_exactly_is_answered_by_a_fact_naming_a_place_not_asked_of(
    engine: Engine, question: str, fact_id: str
) -> None:
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    "name", ["the preacher's kid", "the child of the imam", "the religious man's boy"]
)
def test_a_person_named_by_whose_they_are_is_named_by_any_owner_with_any_relation(
    engine: Engine, name: str
) -> None:
    """The pack lists "preacher's son" and "marabout's kid": "preacher's kid" is the same one."""
    assert engine.vocabulary.analyze(name) == ["@marabout-son"]


def test_where_something_was_taken_from_is_no_destination(engine: Engine) -> None:
    assert "destination" not in engine.interpreter.reader.asks("where were the vehicles taken from")


def test_the_other_one_is_the_other_side_only_after_a_side_was_asked_for(engine: Engine) -> None:
    """After "when did the MAA attack Ber again?", "the other one" is another attack, not the
    MNLA."""
    first = engine.answer("when did the MAA attack Ber again?")
    tokens = engine.interpreter.message("and the other one?", 4000).tokens
    assert "@mnla" not in engine.dialogue.other_side("and the other one", tokens, first.context)


@pytest.mark.parametrize(
    ("named", "received"),
    [
        ("on may 16 the @maa returned 3 prisoners to the @mauritanian-army", {"@mauritanian-army"}),
        ("les prisonniers ont ete remis aux @mauritanian-army", {"@mauritanian-army"}),
        # a source, an ally: not someone given anything
        ("4 civilians were injured according to a @tuareg resident", set()),
        ("fighters loyal to the @mnla held the town", set()),
        # named as the doer too
        ("the @maa gave the town to the @mnla and the @mnla left", set()),
    ],
)
def test_who_an_answer_names_only_as_given_something(named: str, received: set[str]) -> None:
    assert _received(named.split(), lang.RECIPIENT_LEADS) == received


@pytest.mark.parametrize(
    ("named", "undergone"),
    [
        ("the @maa seized @ber from the @mnla", {"@mnla"}),
        ("3 prisoners were taken from the @mnla side", {"@mnla"}),
        ("on may 16 the @maa returned 3 prisoners to the @mauritanian-army", {"@mauritanian-army"}),
        # named as the doer too, or as whom something is received from: a giver
        ("fighters from the @maa seized @ber from the @mnla", {"@mnla"}),
        ("the festival receives part of its funding from the @lvac", set()),
        ("the @mnla took the town back from the @maa and the @maa left", set()),
        ("the @maa seized the town of @ber from the @mnla", {"@mnla"}),
        # not whom someone comes, flees or deserts from
        ("people suspected of being deserters from the @malian-forces were detained", set()),
        ("a hundred fighters from the @maa seized @ber", set()),
        ("the town was attacked by fighters from the @maa", set()),
        ("they fled from the @mnla", set()),
    ],
)
def test_who_an_answer_names_only_as_done_to_or_taken_from(named: str, undergone: set[str]) -> None:
    leads = lang.RECIPIENT_LEADS | lang.SOURCE_LEADS
    assert _received(named.split(), leads) == undergone


@pytest.mark.parametrize(
    "question",
    [
        "how did the MNLA seize Ber?",
        "how did the MNLA take the town?",
        "comment le MNLA a-t-il pris Ber ?",
        "pourquoi le MNLA a-t-il pris Ber ?",
        # ... nor how many prisoners it took by the fact telling those taken from it.
        "How many prisoners did the MNLA take?",
    ],
)
def test_what_a_group_did_is_not_answered_by_a_fact_telling_what_was_done_to_it(
    engine: Engine, question: str
) -> None:
    """ "Fighters from the MAA seized Ber from the MNLA" tells what the MAA did and what befell
    the MNLA: how or why the MNLA took the town it does not tell."""
    assert not engine.answer(question).answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # asked yes or no, it says who did instead
        ("did the MNLA seize Ber?", "maa-seized-ber"),
        ("le MNLA a-t-il pris Ber ?", "maa-seized-ber"),
        # asked what befell the group, it tells it
        ("did the MNLA lose the town?", "who-won"),
        ("how many men did the MNLA lose?", "mnla-casualties"),
        # asked of the doer, it answers
        ("who seized Ber from the MNLA?", "maa-seized-ber"),
        ("how did the Malian army detain the deserters?", "suspected-deserters-detained"),
    ],
)
def test_a_fact_telling_what_was_done_to_a_group_answers_what_befell_it(
    engine: Engine, question: str, fact_id: str
) -> None:
    assert engine.answer(question).fact_id == fact_id


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("how many MNLA fighters were captured?", True),
        ("how many Tuaregs were taken prisoner?", True),
        ("how many MAA fighters were captured?", False),
        ("combien de combattants du MAA ont été capturés ?", False),
        # (nor a count of what was given to someone a count of them)
        ("how many Mauritanians were captured?", False),
    ],
)
def test_a_count_of_prisoners_taken_from_one_side_is_not_the_other_side_s(
    engine: Engine, question: str, counted: bool
) -> None:
    """ "Three prisoners were taken from the MNLA side" names the MAA too (it took them), but
    counts none of the MAA's; "returned three prisoners to the Mauritanian Army" counts no
    Mauritanians. (The MNLA's casualties, "3 prisoners", count them too.)"""
    reply = engine.answer(question)
    assert (reply.fact_id in ("prisoners-taken", "mnla-casualties")) is counted
    assert reply.fact_id != "prisoners-returned-to-mauritania"


def test_a_french_follow_up_typed_without_its_apostrophe_is_answered(engine: Engine) -> None:
    first = engine.answer("quand sont-ils partis ?")
    typed = engine.answer("qu ont-ils gardé ?", context=first.context)
    assert typed.answered
    assert typed.fact_id == engine.answer("qu'ont-ils gardé ?", context=first.context).fact_id


@pytest.mark.parametrize(
    ("turns", "english"),
    [
        (("Que s'est-il passé le 5 mai ?", "Qu'ont-ils pris ?"),
         ("What happened on May 5?", "What did they take?")),
        (("Que s'est-il passé le 5 mai ?", "Et qu'ont-ils pris ?"),
         ("What happened on May 5?", "And what did they take?")),
    ],
)  # fmt: skip
def test_an_opening_qu_before_a_verb_and_its_pronoun_asks_what(
    engine: Engine, turns: tuple[str, str], english: tuple[str, str]
) -> None:
    """ "Qu'ont-ils pris ?" asks what they took, as "what did they take?" does: after the second
    attack it is what the MAA took that day (it was answered with their seizing Ber in April,
    the elided "qu'" gone and nothing left to ask what)."""
    french = engine.answer(turns[1], context=engine.answer(turns[0]).context)
    asked = engine.answer(english[1], context=engine.answer(english[0]).context)
    assert asked.answered
    assert (french.outcome, french.fact_id) == (asked.outcome, asked.fact_id)
    assert normalize(turns[1]).startswith(("quoi ", "et quoi "))


@pytest.mark.parametrize(
    ("question", "carried_off"),
    [
        ("Qui l'a emporté ?", False),
        ("Le MAA l'a-t-il emporté ?", False),
        ("Qu'ont-ils emporté ?", True),
        ("Les combattants ont emporté des pick-up ?", True),
    ],
)  # fmt: skip
def test_l_emporter_is_winning_and_emporter_carrying_off(
    engine: Engine, question: str, carried_off: bool
) -> None:
    """ "L'emporter" is to win ("qui l'a emporté ?"); "emporter" something is to carry it off,
    as "prendre" is ("qu'ont-ils emporté ?" asked what the MAA won, and was answered who won)."""
    tokens = engine.interpreter.message(question, 500).tokens
    assert (engine.vocabulary.token("capture") in tokens) is carried_off
    assert (engine.vocabulary.token("win") in tokens) is not carried_off


def test_what_befell_someone_is_not_asked_as_what_they_did(engine: Engine) -> None:
    reader = engine.interpreter.reader
    assert reader.subjects("what did the @mnla lose") == set()
    assert reader.subjects("le @mnla a t il perdu @ber") == set()
    assert reader.subjects("when did the @mnla suffer losses") == set()
    assert reader.subjects("what did the @mnla seize") == {"@mnla"}


def _held_down_by(engine: Engine, question: str, signal: str) -> None:
    """Assert that a question is not answered, the signal named having held its best fact down."""
    reply = engine.answer(question)
    assert not reply.answered, reply.fact_id
    assert signal in [s.name for s in reply.signals], reply.signals


def _answered_without(engine: Engine, question: str, fact: str, signal: str) -> None:
    """Assert that a question is answered with a fact, the signal named not firing."""
    reply = engine.answer(question)
    assert reply.fact_id == fact, (reply.outcome, reply.signals)
    assert signal not in [s.name for s in reply.signals]


def _asked_clauses(engine: Engine, text: str) -> list[Query]:
    """Return the readings of the clauses of a message that ask."""
    message = engine.interpreter.message(text, 1000)
    plain = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    readings = engine.interpreter.clause_readings(plain, message, message.tokens, message.clauses)
    return [reading for reading, asks in readings if asks]


def test_a_pronoun_in_a_clause_stands_for_the_people_the_message_counted(engine: Engine) -> None:
    """ "Several prisoners were taken ... To whom were they handed?": "they" are the prisoners,
    people the article tells of though they are no entity, as well as whoever was named."""
    text = (
        "I am reading about the aftermath of the fighting in the town. Several prisoners were "
        "taken by the Arab movement. To whom were they handed in the end?"
    )
    prisoners = engine.vocabulary.token("prisoners")
    asked = _asked_clauses(engine, text)
    assert asked and all(prisoners in r.tokens and prisoners in r.soft for r in asked)
    assert engine.answer(text).fact_id == "prisoners-returned-to-mauritania"
    # (People, by the words that say them: "the desert" stems as "deserters" does.)
    text = (
        "Some fighters fled into the desert after the battle in the town. How many of them were "
        "killed in the fighting?"
    )
    desert = engine.vocabulary.token("deserters")
    asked = _asked_clauses(engine, text)
    assert asked and all(desert not in reading.soft for reading in asked)


@pytest.mark.parametrize(
    "question",
    [
        "I'm writing about armed groups in northern Mali after the 2012 crisis. The battle of "
        "Ber keeps coming up in my sources. Which side actually prevailed there?",
        "Après 2012, le nord du Mali était divisé. Qui a gagné la bataille de Ber ?",
        "Après la crise de 2012, qui a gagné la bataille de Ber ?",
        "after 2012 who won the battle of Ber?",
        "Who won the battle of Ber after the crisis of 2012?",
    ],
)
def test_a_year_the_article_comes_after_is_no_other_event(engine: Engine, question: str) -> None:
    """ "After the 2012 crisis" bounds a time the article's events are in: unlike "in 2012", it
    names no other event."""
    message = engine.interpreter.message(question, 1000)
    assert engine.interpreter.plain(message, message.tokens, exclude=frozenset()).elsewhere == 0
    assert engine.answer(question).fact_id == "who-won"
    assert not engine.answer("Who won the battle of Ber in 2012?").answered
    assert not engine.answer("I'm reading about the 2012 fighting in Ber. Who won?").answered


@pytest.mark.parametrize(
    "question",
    [
        "what is the ethnic makeup of each side?",
        "what are both sides mostly made up of?",
        "Quelle est la composition ethnique des deux camps ?",
    ],
)
def test_both_sides_at_once_are_asked_of_either(engine: Engine, question: str) -> None:
    """ "Each side" names both sides: the fact about either, quoting the sentence telling of
    both, answers; "side" is no word it misses."""
    message = engine.interpreter.message(question, 1000)
    reading = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    assert set(engine.index.sides) <= set(reading.tokens) & reading.soft
    reply = engine.answer(question)
    assert reply.answered
    assert reply.fact_id in {"maa-ethnic-makeup", "mnla-ethnic-makeup"}


def test_what_someone_did_is_not_answered_with_what_they_were_given(engine: Engine) -> None:
    """ "The MAA returned the prisoners to the Mauritanian Army" tells what the MAA did, and what
    the army was given; what the army did with them it does not tell."""
    returned = engine.index.fact_index["prisoners-returned-to-mauritania"]
    assert engine.index.received[returned] == {"@mauritanian-army"}
    # ("according to a Tuareg resident": a source, not someone given anything.)
    assert not engine.index.received[engine.index.fact_index["civilians-wounded"]]
    for question in (
        "What did the Mauritanian Army do with the three prisoners?",
        "What did the Mauritanian Army then do with the prisoners?",
        "Qu'a fait l'armée mauritanienne des prisonniers ?",
    ):
        assert not engine.answer(question).answered, question
    for question in (
        "What did the MAA do with the three prisoners?",
        "What did the Mauritanian Army receive?",
    ):
        assert engine.answer(question).fact_id == "prisoners-returned-to-mauritania", question


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("The MAA kept 40 pick-ups on the outskirts, right?", "maa-pickups-on-outskirts"),
        ("Didn't the Malian army release 32 deserters?", "suspected-deserters-released"),
        pytest.param(
            "I read that 50 civilians died at Ber. Is that right?",
            "civilians-killed",
            marks=pytest.mark.xfail(
                strict=True,
                reason="put right by who the civilians killed were (civilian-victims, quoting "
                "the same sentence): 'read' weighs 7.9 on that fact to the classifier, over the "
                "5 it takes to be learned as its word (Weights.learned_weight)",
            ),
        ),
        ("Did the MAA attack Ber again on May 6?", "maa-attacked-again"),
        ("Est-ce que 50 civils sont morts ?", "civilians-killed"),
        ("Were five civilians killed?", "civilians-killed"),
        # (A "who" inside it asks nothing of its own.)
        ("Was the girl who died 12 years old?", "civilian-victims"),
        # A day put right with its month; a count by a count in an answer that also dates it;
        # "..., correct?" is no word a fact must have.
        ("The MAA left Ber on May 25, correct?", "maa-left-ber"),
        ("did the burkinabe leave ber on april 7?", "burkinabe-left-ber"),
        ("The MAA returned five prisoners, correct?", "prisoners-returned-to-mauritania"),
        pytest.param(
            "Did the MAA steal three trucks on May 5?",
            "vehicles-seized",
            marks=pytest.mark.xfail(
                strict=True,
                reason="declined: " + REFITTED + ", and no longer learns 'steal' "
                "as a word of the vehicles seized",
            ),
        ),
        # "Around" a count is its rough size, not the outskirts the pack reads "around" as.
        ("Were around 20 people detained at Ber?", "suspected-deserters-detained"),
        ("were around twenty people detained?", "suspected-deserters-detained"),
        # A claim hedged with what the reader believes is still a claim.
        ("The MAA left Ber on April 24, I believe?", "maa-left-ber"),
        ("Le MAA a quitté Ber le 24 avril, je crois ?", "maa-left-ber"),
    ],
)
def test_a_claim_getting_a_figure_wrong_is_put_right_by_the_fact_giving_the_figure(
    engine: Engine, question: str, fact_id: str
) -> None:
    """Only the figure is wrong: the fact that answers the claim but for it gives the
    article's own, and `/why` says the question took as given what the article says
    otherwise."""
    reply = engine.answer(question)
    assert (reply.fact_id, reply.reason) == (fact_id, Reason.CORRECTED)
    assert "took as given something the article says otherwise" in render_why(reply, engine.pack)[0]


@pytest.mark.parametrize(
    "question",
    [
        # A year the article never gives is another time, not a figure to put right.
        "Did the MAA attack Ber in 2014?",
        # A claim no fact answers but for the figure is not put right.
        "Did the MAA kill 40 French soldiers, right?",
        # Asking how many besides is a question, not a claim.
        "How many civilians died, 50, right?",
        # A count is not put right by a day ("left Ber on April 25").
        "Did the MAA leave Ber 4 days after the battle?",
        "Did 6 Burkinabe soldiers leave Ber?",
        # A figure the fact gives is no claim to put right: it is answered.
        "Were 2 civilians killed?",
    ],
)
def test_a_figure_is_put_right_only_in_a_claim_the_fact_answers_but_for_it(
    engine: Engine, question: str
) -> None:
    reply = engine.answer(question)
    assert reply.reason is not Reason.CORRECTED


@pytest.mark.parametrize(
    ("question", "opposite"),
    [
        ("when did burkinabe troops arrive", "burkinabe-left-ber"),
        ("When did the Burkinabe forces come to Ber?", "burkinabe-left-ber"),
        ("quand les forces burkinabées sont-elles arrivées ?", "burkinabe-left-ber"),
    ],
)
def test_a_deed_is_not_answered_by_the_fact_telling_its_opposite(
    engine: Engine, question: str, opposite: str
) -> None:
    """Arriving is not leaving: the fact asked when they left does not tell when they came."""
    reply = engine.answer(question)
    assert reply.fact_id != opposite
    assert not reply.answered


def test_a_question_asking_a_deed_and_its_opposite_is_answered_by_either(engine: Engine) -> None:
    reply = engine.answer("The Burkinabe arrived and then left - when did they leave?")
    assert reply.fact_id == "burkinabe-left-ber"


@pytest.mark.parametrize(
    "question", ["who lost the battle?", "which side lost?", "qui a perdu la bataille ?"]
)
def test_a_fact_asked_of_a_deed_and_its_opposite_answers_both(
    engine: Engine, question: str
) -> None:
    """Who lost is asked of the fact telling who won: its phrasings ask both."""
    assert engine.answer(question).fact_id == "who-won"


@pytest.mark.parametrize("question", ["who r the burkinabe", "Qui sont les Burkinabè ?"])
def test_who_a_group_is_is_not_told_by_an_answer_only_opening_with_its_name(
    engine: Engine, question: str
) -> None:
    """ "Burkinabe forces left Ber on May 7" names them first, but says what they did, not who
    they are ("In Khalil was under the control of ..." does say what In Khalil is)."""
    reply = engine.answer(question)
    assert reply.fact_id != "burkinabe-left-ber"
    assert engine.answer("what is In Khalil?").fact_id == "in-khalil-mnla-control"


@pytest.mark.parametrize(
    "question",
    [
        "what did the MAA do?",
        "what did the MNLA do?",
        "who did the MNLA capture?",
        "qu'a fait le MNLA ?",
    ],
)
def test_what_a_group_did_is_not_answered_by_what_it_is(engine: Engine, question: str) -> None:
    """ "MNLA stands for ..." tells what the MNLA is ("what does MNLA stand for?" asks what it
    is, not what it did), not what it did."""
    reply = engine.answer(question)
    assert reply.fact_id not in ("maa-full-name", "mnla-full-name")
    assert engine.answer("wat does mnla mean pls").fact_id == "mnla-full-name"


def test_what_one_side_called_another_is_what_it_said_not_what_the_other_is(
    engine: Engine,
) -> None:
    """ "What did the MAA call the MNLA?" asks the MAA's words for the MNLA ("an armed
    band"): not what MNLA stands for, which nothing the MAA said tells."""
    reply = engine.answer("what did the MAA call the MNLA")
    assert reply.fact_id == "maa-claimed-attack"
    assert reply.runner_up is not None and reply.runner_up.fact_id == "mnla-full-name"
    [ranked] = [m for m in engine.rank("what did the MAA call the MNLA", limit=3)
                if m.fact_id == "mnla-full-name"]  # fmt: skip
    assert ranked.score < reply.confidence
    assert engine.answer("what did ramadane call the mnla?").fact_id == "maa-claimed-attack"
    assert engine.answer("what is the MNLA called?").fact_id == "mnla-full-name"


def test_a_long_message_asking_what_a_name_stands_for_asks_a_definition(engine: Engine) -> None:
    reply = engine.answer(
        "The spokesman said the MAA was willing to work with the French and AFISMA, and I'm not "
        "sure I know what that second acronym means, it isn't spelled out in my notes. What "
        "does AFISMA stand for?"
    )
    assert not reply.answered
    assert "not-a-definition" in [s.name for s in reply.signals]


def test_no_said_of_something_else_is_no_doubt(engine: Engine) -> None:
    """ "No, it was great, thanks" gives nothing the reader holds instead of the answer."""
    opening = engine.answer("how many civilians were killed?")
    reply = engine.answer("no it was great thanks", context=opening.context)
    assert reply.reason is not Reason.CONFIRMED
    # What was heard of a name, said alone, may be a claim of its own, not doubt of the answer.
    for said in (
        "I heard it was the MNLA that started it",
        "I heard it was one of the worst clashes",
        "j'ai lu que c'était un groupe arabe",
    ):
        reply = engine.answer(said, context=opening.context)
        assert reply.reason is not Reason.CONFIRMED, said


@pytest.mark.parametrize(
    "question",
    [
        "what happened at In Khalil in April 2013?",
        "que s'est-il passé à In Khalil en avril ?",
        "who raided In Khalil in May?",
    ],
)
def test_a_month_the_fact_does_not_date_its_event_in_is_another_event(
    engine: Engine, question: str
) -> None:
    """The raid on In Khalil was in February: asked of it in another month, the question is
    about another event the article does not tell."""
    _held_down_by(engine, question, "other-month")


@pytest.mark.parametrize(
    "question",
    [
        "what happened at In Khalil until April?",
        "what happened at In Khalil since April?",
        # A word stemmed as a month is none.
        "who marched on In Khalil?",
    ],
)
def test_a_bound_or_a_word_that_only_stems_as_a_month_names_no_month(
    engine: Engine, question: str
) -> None:
    message = engine.interpreter.message(question, 500)
    reading = engine.interpreter.plain(message, message.tokens, exclude=frozenset())
    assert reading.months == frozenset()
    assert "other-month" not in [s.name for s in engine.answer(question).signals]


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # The month it was in, as the fact's sentences give it.
        ("what happened at In Khalil in February?", "first-clash-in-khalil"),
        ("how many civilians were killed in April?", "civilians-killed"),
        # A month bounding a span is not when it happened ("jusqu'" is read before elision).
        ("when did the MAA attack Ber again after April?", "maa-attacked-again"),
        ("who held Ber before April?", "mnla-controlled-ber"),
        ("que s'est-il passé à In Khalil jusqu'en avril ?", "first-clash-in-khalil"),
    ],
)
def test_a_month_the_fact_dates_its_event_in_or_a_bound_is_no_other_event(
    engine: Engine, question: str, fact: str
) -> None:
    _answered_without(engine, question, fact, "other-month")


@pytest.mark.parametrize(
    "question",
    [
        "what happened to the truck the MAA seized?",
        "What happened to the truck and pick-ups that were seized?",
        "qu'est-il arrivé au camion que le MAA a saisi ?",
    ],
)
def test_what_became_of_something_is_not_told_by_the_deed_that_describes_it(
    engine: Engine, question: str
) -> None:
    """The article says a truck was seized and nothing of it after: the fact telling the
    seizure tells the reader only what the question says of the truck."""
    _held_down_by(engine, question, "tells-the-described")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # A fact telling a deed besides ("returned") tells what became of them.
        ("What happened to the prisoners the MAA took?", "prisoners-returned-to-mauritania"),
        # Whose son he was is no clause describing him.
        ("what happened to the marabout's son?", "marabout-son-kidnapped"),
        ("what happened to the son of the marabout?", "marabout-son-kidnapped"),
    ],
)
def test_what_became_of_something_is_told_by_a_fact_saying_more(
    engine: Engine, question: str, fact: str
) -> None:
    _answered_without(engine, question, fact, "tells-the-described")


@pytest.mark.parametrize(
    ("question", "described"),
    [
        ("what happened to the truck the maa seized", ["the", "@maa", "seized"]),
        ("what became of the lorry seized in the raid", ["seized", "in", "the", "raid"]),
        ("what happened to the men who were held", ["were", "held"]),
        ("what did the army do with the three prisoners they took", ["took"]),
        ("what happened to the son of the cleric", []),
        # When it happened to them is no description of them.
        ("what happened to the civilians when the maa attacked", []),
        ("what happened to the men during the fighting", []),
        ("what happened to the men after they were held", []),
        ("who seized the truck", []),
    ],
)
def test_what_became_of_something_is_read_with_what_describes_it(
    engine: Engine, question: str, described: list[str]
) -> None:
    assert engine.interpreter.reader.described(question)[1] == described


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        (
            "There's something about a marabout's son - what happened to him?",
            "marabout-son-kidnapped",
        ),
        ("something about the deserters?", "suspected-deserters-released"),
        ("il y a quelque chose sur le fils du marabout ?", "marabout-son-kidnapped"),
    ],
)
def test_something_says_nothing_a_fact_must_account_for(
    engine: Engine, question: str, fact: str
) -> None:
    """'Something about X' asks about X: 'something' is no word of the question's topic."""
    reply = engine.answer(question)
    assert reply.fact_id == fact, (reply.outcome, reply.signals)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # In English, "son" is the noun, though French reads it as a stop word ("his").
        ("Whose son was taken?", ["who", "son", "captur"]),
        ("who took the son", ["who", "captur", "son"]),
        # ... and a name holding it is still the name.
        ("the son of the marabout", ["@marabout-son"]),
        # In French it is "his".
        ("quel est son nom", ["which", "name"]),
        # "chose" is the verb, not the end of "quelque chose".
        ("why the MAA chose to leave", ["whi", "@maa", "choos", "leav"]),
        ("il y a quelque chose sur le MAA", ["@maa"]),
    ],
)
def test_an_english_noun_spelt_as_a_french_stop_word_is_read_in_english(
    engine: Engine, text: str, tokens: list[str]
) -> None:
    assert engine.vocabulary.analyze(text) == tokens


def test_whose_son_was_taken_is_the_kidnapping(engine: Engine) -> None:
    reply = engine.answer("Whose son was taken?")
    assert reply.fact_id == "marabout-son-kidnapped", (reply.outcome, reply.signals)


@pytest.mark.parametrize(
    "question",
    [
        "did anyone get punished for killing the girl?",
        "Were any of the detainees mistreated?",
        "quelqu'un a-t-il été puni pour la mort de la fille ?",
    ],
)
def test_whether_anyone_underwent_a_deed_the_article_never_names_is_not_answered(
    engine: Engine, question: str
) -> None:
    """Asked whether anyone was punished, the fact naming the girl says nothing of it: a deed
    the article never names is one no fact says was done."""
    _held_down_by(engine, question, "unasserted")


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        # "Any" of the object asks nothing of the kind.
        (
            "did the army informant provide any details about the assault?",
            "malian-source-no-details",
        ),
        # A deed the article names is asked as before.
        ("were any civilians wounded?", "civilians-wounded"),
        ("quelqu'un sait qui a gagné ?", "who-won"),
    ],
)
def test_any_of_the_object_or_a_deed_the_article_names_is_asked_as_before(
    engine: Engine, question: str, fact: str
) -> None:
    reply = engine.answer(question)
    assert reply.fact_id == fact, (reply.outcome, reply.signals)


def test_a_word_the_classifier_learned_as_a_facts_own_is_not_held_against_it(
    engine: Engine,
) -> None:
    """A word no phrasing of a fact uses, but which the classifier learned as one of its
    words from the questions it was fitted on, is no word the fact lacks; a word it never
    learned so still is."""
    learned = engine.answer("when did the looting spree take place?")
    assert learned.fact_id == "houses-and-shops-looted"
    assert ("learned-word", "spree") in [(s.name, s.reason) for s in learned.signals]
    unlearned = engine.answer("when did the looting festival take place?")
    assert not unlearned.answered
    assert "missing-word" in [s.name for s in unlearned.signals]


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("le fis du marabou a été anlevé par ki ?", "marabout-son-kidnapped"),
        ("les soldats burkinabè sont repartis de Ber à quelle date ?", "burkinabe-left-ber"),
    ],
)
def test_a_question_sharing_a_learned_word_with_a_fact_shares_more_than_names(
    engine: Engine, question: str, fact_id: str
) -> None:
    """A question whose only words in common with a fact are names is not about it, unless
    one of its other words is one the classifier learned as the fact's ("repartis" of the
    Burkinabe forces leaving, "anlevé" of the kidnapping)."""
    assert engine.answer(question).fact_id == fact_id


def test_a_yes_no_question_in_words_the_classifier_learned_as_the_facts_is_answered(
    engine: Engine,
) -> None:
    """A yes/no question is answered by a fact saying what it claims: a claim in words the
    fact's statement lacks, but which the classifier learned as the fact's ("hunting" of the
    MAA's search for gangs), says it too. A claim in words it never learned so does not."""
    reply = engine.answer("Did Ramadane say the MAA was hunting for gangs near Ber?")
    assert reply.fact_id == "maa-monitoring-for-gangs"
    assert not engine.answer("Did the French army bomb the MAA?").answered


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        (
            "What did the Arab group's representative say his fighters were up to while camped "
            "near the town?",
            "maa-monitoring-for-gangs",
        ),
        (
            "On what date did the Arab militia vacate the settlement after the initial clash?",
            "maa-left-ber",
        ),
    ],
)
def test_the_fact_the_classifier_finds_likeliest_is_scored_when_the_words_miss_it(
    engine: Engine, question: str, fact_id: str
) -> None:
    """The facts scored in full are drawn by the words a question shares with them; the one
    the classifier finds likeliest is scored too, as any other, when they miss it."""
    tokens = engine.interpreter.message(question, 4000).tokens
    drawn = engine.ranker.retrieve(tokens)
    assert engine.index.fact_index[fact_id] not in drawn
    assert engine.answer(question).fact_id == fact_id


def test_a_long_message_is_answered_from_a_little_over_four_fifths_of_the_bar(
    engine: Engine,
) -> None:
    """A long message's unfamiliar words are mostly filler, which its score pays for: it is
    answered from 0.82 of the bar (0.39 of 0.48), which this one, read whole at 0.40, reaches
    (at 0.85 of it, only its question read alone was answered)."""
    question = (
        "For my essay I need to quote the attackers' own version of events. "
        "What did the MAA say it had done at Ber?"
    )
    reply = engine.answer(question)
    assert reply.answered and reply.fact_id == "maa-claimed-attack"
    assert reply.threshold == pytest.approx(engine.thresholds.answer * engine.weights.long_bar)
    assert reply.threshold <= reply.confidence < engine.thresholds.answer * 0.85


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        ("were the French around at Ber", "french-did-not-intervene"),
        (
            "the MAA called the marabout's son a hostage, did they not?",
            "marabout-son-prisoner-of-war-claim",
        ),
    ],
)
def test_the_one_fact_offered_is_answered_when_the_classifier_recognises_the_question(
    engine: Engine, pack: Pack, question: str, fact_id: str
) -> None:
    """A question scoring under the bar, enough to offer one fact and no other, is answered
    with it when the classifier, reading the message on its own, finds that fact the likeliest
    of all and very likely; `/why` says so. Without that (`Weights.recognised` out of reach),
    the fact is offered."""
    reply = engine.answer(question)
    assert (reply.outcome, reply.reason, reply.fact_id) == (
        Outcome.ANSWER,
        Reason.RECOGNISED,
        fact_id,
    )
    assert reply.confidence < reply.threshold
    assert reply.opinion is not None and reply.opinion.probability >= 0.9
    why = " ".join(render_why(reply, pack))
    assert "but read letter by letter it looks most like that fact's questions" in why
    # Only just under the bar: a threshold raised to answer less does not answer more so.
    raised = Engine(pack, thresholds=replace(engine.thresholds, answer=0.9)).answer(question)
    assert raised.reason is not Reason.RECOGNISED and not raised.answered
    strict = Engine(pack, weights=replace(engine.weights, recognised=1.01)).answer(question)
    assert strict.outcome is Outcome.SUGGEST
    fact = pack.fact(fact_id)
    assert fact is not None and strict.suggestions == (fact.questions[0],)


def test_a_follow_up_is_not_answered_because_its_words_alone_look_like_a_fact_s(
    engine: Engine, pack: Pack
) -> None:
    """A follow-up's words alone do not say what it asks: the classifier recognising them is
    no reason to answer, and the fact is offered (out of fold on the development and training
    questions as sessions, answering them gave 5 more right and 1 more wrong). A question that
    stands alone is answered so whatever came before it."""
    fact = pack.fact("marabout-son-prisoner-of-war-claim")
    assert fact is not None
    first = engine.answer("who kidnapped the marabout's son?")
    reply = engine.answer("they called him a hostage, did they not?", context=first.context)
    assert (reply.outcome, reply.suggestions[:1]) == (Outcome.SUGGEST, (fact.questions[0],))
    other = engine.answer("who won the battle?")
    alone = engine.answer("were the French around at Ber", context=other.context)
    assert (alone.reason, alone.fact_id) == (Reason.RECOGNISED, "french-did-not-intervene")


@pytest.mark.parametrize(
    ("before", "question"),
    [
        # A fact a signal found to tell something else than asked (how it is described).
        (None, "what happened to the vehicles they seized?"),
        # A turn leaning on a conversation whose last turn was not answered (another battle).
        ("who won the battle of Gao?", "and were the French around?"),
    ],
)
def test_a_fact_the_classifier_recognises_is_still_offered_when_the_turn_rules_it_out(
    engine: Engine, before: str | None, question: str
) -> None:
    """However sure the classifier is, a fact held down as telling something else, or asked
    of by a turn that leans on a conversation, is offered, not answered."""
    context = engine.answer(before).context if before is not None else None
    reply = engine.answer(question, context=context)
    assert reply.outcome is Outcome.SUGGEST
    assert reply.reason is not Reason.RECOGNISED
