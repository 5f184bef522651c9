"""The engine serves any article: what holds for one pack holds for the other, with no code
written for either; what is particular to an article lives in its pack."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot import lang
from bot.knowledge import KnowledgeError, Pack, load_pack
from bot.matching import Context, Engine, Outcome, Reply
from bot.reply import Reason
from tests.commandline import REFITTED

ROOT = Path(__file__).resolve().parent.parent
PACKS = {
    "ber": ROOT / "knowledge",
    "lantern-festival": ROOT / "tests" / "packs" / "lantern-festival",
}


@pytest.fixture(scope="module", params=sorted(PACKS))
def pack_engine(request: pytest.FixtureRequest) -> tuple[Pack, Engine]:
    pack = load_pack(PACKS[request.param])
    return pack, Engine(pack)


def test_every_fact_is_found_by_its_own_phrasings(pack_engine: tuple[Pack, Engine]) -> None:
    """Each phrasing gets its fact, or a fact quoting the very same article text."""
    pack, engine = pack_engine
    wrong = []
    for fact in pack.facts:
        for question in fact.questions:
            reply = engine.answer(question)
            quoted = {c.text for c in reply.citations}
            if reply.fact_id != fact.id and not {c.text for c in fact.citations} <= quoted:
                wrong.append((fact.id, question, reply.outcome.value, reply.fact_id))
    assert wrong == []


@pytest.mark.parametrize(
    "question",
    [
        "what is the capital of Australia?",
        "tell me a joke",
        "who won the football cup final?",
        "",
        "🙂🙂",
    ],
)
def test_questions_about_nothing_in_the_article_are_declined(
    pack_engine: tuple[Pack, Engine], question: str
) -> None:
    _, engine = pack_engine
    reply = engine.answer(question)
    assert reply.outcome is Outcome.DECLINE
    assert reply.suggestions  # ... with questions the bot can answer instead


def test_a_phrasing_with_typos_still_finds_its_fact(pack_engine: tuple[Pack, Engine]) -> None:
    """Dropping a letter from a long word of each fact's first phrasing changes no answer."""
    pack, engine = pack_engine
    kept = 0
    for fact in pack.facts:
        question = fact.questions[0]
        long_words = [w for w in re.findall(r"[a-z]{7,}", question)]
        if not long_words:
            continue
        word = long_words[0]
        typo = question.replace(word, word[:3] + word[4:], 1)
        kept += engine.answer(typo).fact_id == fact.id
    # Nearly all: a slip may still turn one word into another word of the pack.
    assert kept >= 0.9 * sum(bool(re.findall(r"[a-z]{7,}", f.questions[0])) for f in pack.facts)


def test_a_follow_up_leans_on_the_entity_last_discussed(pack_engine: tuple[Pack, Engine]) -> None:
    """ "Who is it?" is asked of whoever the last answer was about."""
    pack, engine = pack_engine
    person = next(e for e in pack.entities if e.kind == "person")
    about = next(f for f in pack.facts if person.id in f.about)
    first = engine.answer(about.questions[0])
    assert first.fact_id == about.id
    assert person.id in first.context.entities


def test_the_second_pack_passes_check_and_scores_its_question_file() -> None:
    pack = PACKS["lantern-festival"]
    done = subprocess.run(
        [sys.executable, "-m", "bot", "eval", "--knowledge", str(pack),
         str(pack / "questions.yaml"), "--min-accuracy", "0.9"],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]
    checked = subprocess.run(
        [sys.executable, "-m", "bot", "check", "--knowledge", str(pack)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout[-2000:] + checked.stderr[-2000:]


def _code_strings() -> list[tuple[str, str]]:
    """Return every string literal and name in bot/'s code (not docstrings), with its file."""
    found = []
    for path in sorted((ROOT / "bot").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        } | {
            id(node.value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if id(node) not in docstrings:
                    found.append((path.name, node.value))
            elif isinstance(node, ast.Name):
                found.append((path.name, node.id))
    return found


@pytest.mark.parametrize("name", sorted(PACKS))
def test_no_name_of_an_article_is_written_in_the_code(name: str) -> None:
    """The names of the article's groups, people and places, and the words for its kind of event,
    are the pack's: none is written in the engine's or the front ends' code."""
    pack = load_pack(PACKS[name])
    names = {w for entity in pack.entities for w in entity.id.split("-") if len(w) >= 3}
    names |= {
        w.casefold()
        for entity in pack.entities
        for alias in entity.aliases
        for w in re.findall(r"\b[A-Z][A-Za-z]{2,}", alias)
    }
    names |= set(pack.domain.event_words)
    # Capitalised words that are also plain English or French ("National", "Movement").
    plain = set(lang.STOPWORDS) | set(lang.SYNONYMS) | set(lang.SYNONYMS.values())
    names -= plain | {"national", "movement", "liberation", "river", "valley", "old", "market"}
    names -= {"army", "forces", "force", "side", "mrs", "local", "place", "french"}
    # (Nouns any body's name may be built on, in the language data: "mission", as "movement".)
    names -= {"mission"}
    found = sorted(
        {
            (file, word)
            for file, text in _code_strings()
            # (Words of any letters: "français" is no "fran".)
            for word in re.findall(r"[^\W\d_]+", text.casefold())
            if word in names
        }
    )
    assert found == []


def test_number_words_are_every_number_not_the_article_s() -> None:
    """Any number word folds to its digits, so an article's "seventeen" reads like "17"."""
    for word, value in [("seventeen", "17"), ("ninety", "90"), ("quatorze", "14"),
                        ("thousand", "1000"), ("fourteen", "14")]:  # fmt: skip
        assert lang.NUMBER_WORDS[word] == value
    assert lang.join_compound_numbers("twenty-three men, vingt-trois hommes") == "23 men, 23 hommes"
    assert lang.like_num("seventy-one") and lang.like_num("12") and not lang.like_num("one")


def test_a_phrase_pattern_no_language_has_is_an_error_not_a_pattern_matching_everything() -> None:
    """A misspelt pattern name would otherwise give the empty pattern, which every message
    matches."""
    assert re.search(lang.pattern("sequel"), "and then what happened?")
    assert not re.search(lang.pattern("sequel"), "who held it then?")
    with pytest.raises(KeyError, match="no language has a pattern named 'sequal'"):
        lang.pattern("sequal")


def test_a_broken_domain_file_names_the_file_and_what_is_wrong(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(PACKS["ber"], tmp_path / "pack")
    domain = tmp_path / "pack" / "domain.yaml"
    domain.write_text("event_wordz: [battle]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"domain\.yaml.*unknown key\(s\) event_wordz"):
        load_pack(tmp_path / "pack")
    domain.write_text("starters: [no-such-fact]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="no-such-fact"):
        load_pack(tmp_path / "pack")
    domain.write_text("stopwords: [Two Words]\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="not a single lowercase"):
        load_pack(tmp_path / "pack")


FESTIVAL_ANSWERS = [
    # plain, and with typos in long and short words
    ("who founded the festival?", "festival-founder"),
    ("wen was the festivl founded", "festival-founded"),
    ("how many volunters help every year", "volunteers"),
    # in French
    ("combien de scènes y a-t-il ?", "stages-count"),
    ("quand a lieu le festival ?", "festival-dates"),
    # addressed to the bot in a group
    ("/ask@LanternBot how many acts perform?", "acts-count"),
    # small talk before the question, with a common word of a name ("the Old Quay") in it
    ("hello there, how old are you? who is the director?", "eberle-director"),
    # wrapped in chatter
    (
        "My aunt went last year and loved it, she keeps talking about the lanterns. "
        "Who is the director of the festival these days?",
        "eberle-director",
    ),
]


@pytest.fixture(scope="module")
def festival() -> Engine:
    return Engine(load_pack(PACKS["lantern-festival"]))


@pytest.mark.parametrize(("question", "fact_id"), FESTIVAL_ANSWERS)
def test_the_second_pack_answers_the_fact(festival: Engine, question: str, fact_id: str) -> None:
    reply = festival.answer(question)
    assert (reply.outcome, reply.fact_id) == (Outcome.ANSWER, fact_id)


@pytest.mark.parametrize(
    "question",
    [
        "who won the football cup final?",  # off topic
        "when was the festival of Avignon founded?",  # another festival
        "what happened in Paris at the festival?",  # a place the article never names
    ],
)
def test_the_second_pack_declines_other_events(festival: Engine, question: str) -> None:
    assert not festival.answer(question).answered


def test_a_pack_telling_no_dated_event_answers_of_today(festival: Engine) -> None:
    """The festival's article tells how things are: "today" asks what it says. (Of an article
    telling dated events, "today" asks what it does not: see test_matching.)"""
    reply = festival.answer("Who directs the festival today?")
    assert (reply.outcome, reply.fact_id) == (Outcome.ANSWER, "eberle-director")
    assert not festival.answer("what happened after 2020?").answered


def test_a_bare_why_after_an_answer_naming_nobody_asks_nothing_of_it(festival: Engine) -> None:
    """A reason is someone's: "What river is Ashwick on?", "why?" has none to give."""
    first = festival.answer("What river is Ashwick on?")
    assert first.fact_id == "ashwick-river-town"
    assert not festival.answer("why?", context=first.context).answered


def test_a_slip_in_the_second_pack_s_own_place_is_no_other_event(festival: Engine) -> None:
    reply = festival.answer("when was the festival of ashwik founded?")
    assert (reply.outcome, reply.fact_id) == (Outcome.ANSWER, "festival-founded")


def test_the_second_pack_says_whose_report_an_answer_is(festival: Engine) -> None:
    """ "Who says so?" after an answer "according to the ALT" is that answer again."""
    first = festival.answer("How many people attend the festival?")
    assert first.fact_id == "festival-attendance"
    again = festival.answer("who says so?", context=first.context)
    assert (again.fact_id, again.reason) == ("festival-attendance", Reason.REPEATED)


def test_the_second_pack_follows_up(festival: Engine) -> None:
    """ "When did he take over?" after the director is asked of the director."""
    first = festival.answer("who runs the festival as director?")
    assert first.fact_id == "eberle-director"
    follow = festival.answer("and what did he do before?", context=first.context)
    assert follow.fact_id == "eberle-background"


ASKED_WHEN = [
    ("ber", ["who won the battle?", "and when?"], "battle-date"),
    ("ber", ["qui a gagné la bataille ?", "et quand ?"], "battle-date"),
    (
        "lantern-festival",
        ["Why has the Lantern Float been criticised?", "when?"],
        "wire-free-lanterns",
    ),
]


@pytest.mark.parametrize(("name", "turns", "fact_id"), ASKED_WHEN)
def test_a_bare_when_after_an_answer_that_gives_no_date_gets_the_date_of_its_sentence(
    name: str, turns: list[str], fact_id: str
) -> None:
    """ "Who won?", "and when?": the fact asked when that quotes the sentence just given (the
    date of that fighting), not who won again."""
    engine = Engine(load_pack(PACKS[name]))
    first = engine.answer(turns[0])
    assert first.answered and first.fact_id != fact_id
    follow = engine.answer(turns[1], context=first.context)
    assert (follow.outcome, follow.fact_id) == (Outcome.ANSWER, fact_id)
    assert follow.reason is Reason.ASKED_OF_LAST
    assert set(follow.citations) & set(first.citations), "the same sentence of the article"


AFTER_WHO = [
    ("ber", ["who captured Ber after the MAA left for good?", "when did they leave?"],
     "burkinabe-left-ber"),
    ("ber", ["qui a pris Ber après le départ du MAA ?", "quand sont-ils partis ?"],
     "burkinabe-left-ber"),
    ("lantern-festival", ["who organises the festival?", "when did they take over?"],
     "alt-since-1996"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "turns", "fact_id"), AFTER_WHO)
def test_after_a_who_question_they_are_whoever_the_answer_named(
    name: str, turns: list[str], fact_id: str
) -> None:
    """The question named the MAA, the answer the forces that came after: "they" are those."""
    engine = Engine(load_pack(PACKS[name]))
    first = engine.answer(turns[0])
    assert first.answered
    assert engine.answer(turns[1], context=first.context).fact_id == fact_id


NOT_ASKED_WHEN = [
    # The fact names something out of a sentence about something else: that sentence's date
    # is not the date of what was asked.
    ("ber", ["What does MAA stand for?", "and when?"]),
    ("ber", ["What does MNLA stand for?", "when?"]),
    ("lantern-festival", ["What does the acronym ALT stand for?", "when?"]),
]


@pytest.mark.parametrize(("name", "turns"), NOT_ASKED_WHEN)
def test_a_bare_when_is_not_answered_from_a_sentence_the_last_answer_only_names_from(
    name: str, turns: list[str]
) -> None:
    engine = Engine(load_pack(PACKS[name]))
    first = engine.answer(turns[0])
    assert first.answered
    assert engine.answer(turns[1], context=first.context).reason is not Reason.ASKED_OF_LAST


TELLS_WHEN = [
    # The last fact is asked when: it is asked again, as ever.
    ("ber", ["When did the MAA leave Ber?", "when?"], "maa-left-ber"),
    # ... or its answer gives a date, however it was asked.
    ("ber", ["what happened after the battle?", "when?"], "maa-attacked-again"),
    ("ber", ["why did the MAA and MNLA fight?", "since when?"], "ethnic-tensions"),
    # (The organiser has run it "since 1996": its own answer tells when.)
    ("lantern-festival", ["Who organises the festival?", "when?"], "festival-organiser"),
    # ... or a place, or a number.
    ("ber", ["why did the MAA and MNLA fight?", "where particularly?"], "ethnic-tensions"),
    (
        "ber",
        ["were the deserters released?", "how many were there?"],
        "suspected-deserters-released",
    ),
]


@pytest.mark.parametrize(("name", "turns", "fact_id"), TELLS_WHEN)
def test_a_bare_when_where_or_how_many_after_an_answer_that_tells_it_is_that_answer_again(
    name: str, turns: list[str], fact_id: str
) -> None:
    engine = Engine(load_pack(PACKS[name]))
    first = engine.answer(turns[0])
    assert first.fact_id == fact_id
    assert engine.answer(turns[1], context=first.context).fact_id == fact_id


STANDALONE = [
    ("ber", "where was the battle?"),
    ("ber", "who won?"),
    ("ber", "how many civilians were killed?"),
    # A pronoun whose someone the question names first leans on nothing before it.
    ("ber", "who were the civilians that lost their lives?"),
    ("ber", "what did the MAA say they chased away?"),
    # "il y a" is "there is", "s'est-il passé" "did it happen": no "il" stands for anyone.
    ("ber", "il y a eu combien de blessés parmi les civils ?"),
    ("ber", "que s'est-il passé à Ber le 5 mai ?"),
    # A long message says itself which fight its "that one" is, and is read clause by clause
    # as it is when asked first.
    (
        "ber",
        "I keep reading about the Mali War and Operation Serval lately. There's this smaller "
        "fight at Ber that keeps turning up in footnotes. Who won that one?",
    ),
    ("lantern-festival", "where is the festival held?"),
    ("lantern-festival", "how many stages are there?"),
    ("lantern-festival", "who founded the festival?"),
]


@pytest.mark.parametrize(("name", "question"), STANDALONE)
def test_a_question_that_stands_alone_gets_the_same_answer_whatever_came_before(
    name: str, question: str
) -> None:
    """Asked after the first question of every fact, it gets what it gets on its own ("are
    there" asks about no place, "who won?" leans on nothing, and neither does a pronoun the
    question itself says whom it stands for)."""
    pack = load_pack(PACKS[name])
    engine = Engine(pack)
    alone = engine.answer(question)
    assert alone.answered
    after = {
        fact.id: engine.answer(question, context=engine.answer(fact.questions[0]).context)
        for fact in pack.facts
    }
    changed = {k: r.fact_id for k, r in after.items() if r.fact_id != alone.fact_id}
    assert changed == {}


def test_a_long_message_naming_whom_its_them_stands_for_is_read_as_if_asked_first() -> None:
    """Its "them" is the people it names before it, not whoever the conversation named: read
    as when asked first, after any question, it is not answered with the fact that only names
    those it asks about."""
    question = (
        "The civilians killed included a girl and an old man. Does anyone know which side "
        "fired the shots that killed them, or was it crossfire?"
    )
    pack = load_pack(PACKS["ber"])
    engine = Engine(pack)
    assert not engine.answer(question).answered
    answered = {
        fact.id: reply.fact_id
        for fact in pack.facts
        if (
            reply := engine.answer(question, context=engine.answer(fact.questions[0]).context)
        ).answered
    }
    assert answered == {}


LONG_FOLLOW_UPS = [
    # A long turn leaning by a "he" or "they" it does not name itself leans on the conversation.
    (
        "who is the MAA spokesperson?",
        "ok that is helpful, thanks, and what did he say about the MNLA after the fighting?",
        "maa-claimed-attack",
    ),
    (
        "How many deserters were detained in Ber?",
        "interesting, and were they ever let go in the end or are they still being held somewhere?",
        "suspected-deserters-released",
    ),
    # ... and so does a long "that fight" naming no place of its own: the last fight, not Ber's.
    (
        "Which town did the MAA raid on February 23?",
        "Thanks a lot, I had not heard of it. When exactly did that fight take place?",
        "first-clash-in-khalil",
    ),
]


@pytest.mark.parametrize(("first", "then", "fact_id"), LONG_FOLLOW_UPS)
def test_a_long_follow_up_leaning_on_the_conversation_is_answered_in_its_light(
    engine: Engine, first: str, then: str, fact_id: str
) -> None:
    opened = engine.answer(first)
    assert opened.answered
    assert engine.answer(then, context=opened.context).fact_id == fact_id


CHAINS = [
    ("ber", ["when did the MAA leave Ber?", "did they come back?", "when?"]),
    ("ber", ["who took Ber after the MAA abandoned it?", "and when did the Burkinabe ones leave?"]),
    ("ber", ["where was the first big fight between the MAA and the MNLA?", "when was that?"]),
    ("lantern-festival", ["who founded the festival?", "when?"]),
]


@pytest.mark.parametrize(("name", "turns"), CHAINS)
def test_a_conversation_opened_by_a_question_standing_alone_goes_on_as_if_it_began_there(
    name: str, turns: list[str]
) -> None:
    """What came before a question that stands alone does not lead its follow-ups astray."""
    pack = load_pack(PACKS[name])
    engine = Engine(pack)

    def last(context: Context | None) -> Reply:
        reply = None
        for turn in turns:
            reply = engine.answer(turn, context=context)
            context = reply.context
        assert reply is not None
        return reply

    alone = last(None)
    assert alone.answered
    after = {fact.id: last(engine.answer(fact.questions[0]).context) for fact in pack.facts}
    assert {k: r.fact_id for k, r in after.items() if r.fact_id != alone.fact_id} == {}


def test_a_short_turn_naming_nothing_of_the_article_does_not_lean_on_it() -> None:
    """ "Tell me a joke" after a question is still declined, not read as a follow-up."""
    pack = load_pack(PACKS["lantern-festival"])
    engine = Engine(pack)
    first = engine.answer("how many volunteers help out?")
    assert first.answered
    assert not engine.answer("tell me a joke", context=first.context).answered


TYPED = [
    # chat spellings, and words typed without their vowels
    ("ber", "hw mny civilans wer kiled", "civilians-killed"),
    ("ber", "wat hapnd to the maraboots son", "marabout-son-kidnapped"),
    ("ber", "ws ber undr mnla contrl b4 the atack", "mnla-controlled-ber"),
    ("ber", "did any1 die", "casualties-overview"),
    ("ber", "did the timbucktu source giv any detials or nah", "malian-source-no-details"),
    ("lantern-festival", "hw mny volunteers r there", "volunteers"),
    ("lantern-festival", "wen ws the festvl fndd", "festival-founded"),
]


@pytest.mark.parametrize(("name", "question", "fact_id"), TYPED)
def test_questions_typed_the_way_people_type_find_their_fact(
    name: str, question: str, fact_id: str
) -> None:
    engine = Engine(load_pack(PACKS[name]))
    reply = engine.answer(question)
    assert (reply.outcome, reply.fact_id) == (Outcome.ANSWER, fact_id)


@pytest.mark.parametrize(
    ("name", "typed", "meant"),
    [
        # two words run together
        ("ber", "whowon thebattle", "who won the battle"),
        ("ber", "how manycivilians were killedin ber", "how many civilians were killed in ber"),
        ("ber", "what happened onmay 5", "what happened on may 5"),
        ("lantern-festival", "howmany stages", "how many stages"),
        # a phrasal verb made a noun
        ("ber", "maa pullout date", "maa pull out date"),
        ("ber", "who did the takeover of ber", "who did the take over of ber"),
        ("lantern-festival", "when was the trust takeover", "when was the trust take over"),
        # (not a French word that happens to end like one: "partout")
        ("ber", "ils sont partout", "ils sont partout"),
        # two letters of an often used word swapped
        ("ber", "which arym took the tonw", "which army took the town"),
    ],
)
def test_words_run_together_or_with_letters_swapped_are_read_as_meant(
    name: str, typed: str, meant: str
) -> None:
    vocabulary = Engine(load_pack(PACKS[name])).vocabulary
    assert vocabulary.analyze(typed) == vocabulary.analyze(meant)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # "Où", its accent folded away, is "ou" (or): opening or ending a question, it asks where.
        ("où se trouve Ber ?", "where se trouve Ber ?"),
        ("et où ?", "where?"),
        ("ils sont allés où ?", "ils sont allés where?"),
        ("où ça ?", "where?"),
        # ... but between two names, or before a word that makes it "or", or opening a
        # question that asks with another word, it is "or".
        ("le MAA ou le MNLA ?", "le MAA le MNLA ?"),
        ("ou bien le MNLA ?", "bien le MNLA ?"),
        ("ou le MNLA ?", "le MNLA ?"),
        ("ou pas ?", "pas ?"),
        ("Ou alors, qui a gagné ?", "alors, qui a gagné ?"),
    ],
)
def test_ou_opening_or_ending_a_french_question_asks_where(typed: str, meant: str) -> None:
    vocabulary = Engine(load_pack(PACKS["ber"])).vocabulary
    assert set(vocabulary.analyze(typed)) == set(vocabulary.analyze(meant))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        # "wun" is as near "win" as "won": the pack's questions say "who won the" far more
        ("who wun the battle", "who won the battle"),
        # "prisonners" is as near the English word as the French: its neighbours tell which
        ("how many prisonners did they take", "how many prisoners did they take"),
        ("combien de prisonners", "combien de prisonniers"),
    ],
)
def test_a_slip_as_near_several_words_is_read_as_the_one_its_neighbours_go_with(
    typed: str, meant: str
) -> None:
    vocabulary = Engine(load_pack(PACKS["ber"])).vocabulary
    assert vocabulary.in_context(typed.split()) == meant.split()
    assert vocabulary.analyze(typed) == vocabulary.analyze(meant)


@pytest.mark.parametrize(
    ("name", "typed", "meant"),
    [
        # the pack's questions say "who won the", never "who one the"
        ("ber", "who one the battle", "who won the battle"),
        ("ber", "witch group attacked", "which group attacked"),
        ("ber", "how many prisoners did the mnla loose", "how many prisoners did the mnla lose"),
        ("lantern-festival", "witch town hosts the festival", "which town hosts the festival"),
        ("lantern-festival", "wear is the festival held", "where is the festival held"),
        # a word used beside its neighbours is the word it is, and so is one whose other
        # reading the pack never uses there (its questions ask what award the festival "win")
        ("ber", "which one won", "which one won"),
        ("ber", "where was the fort", "where was the fort"),
        ("lantern-festival", "what award did the festival one", "what award did the festival one"),
    ],
)
def test_a_word_typed_for_one_that_sounds_alike_is_read_as_its_neighbours_want(
    name: str, typed: str, meant: str
) -> None:
    vocabulary = Engine(load_pack(PACKS[name])).vocabulary
    assert vocabulary.spelled(typed.split()) == meant.split()
    assert vocabulary.analyze(typed) == vocabulary.analyze(meant)


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("who wun the batle in ber", "who won the battle in ber"),
        ("whowon thebattle", "who won the battle"),
        ("wat hapnd to the maraboots son", "wat happened to the marabouts son"),
        ("last lots konna", "last lots konna"),  # words of the language and names stay
        # a letter too many in a long word, wherever it is; not in a short one ("paris")
        ("the timbucktu source", "the timbuktu source"),
        ("paris", "paris"),
    ],
)
def test_the_words_meant_are_the_words_typed_with_their_slips_mended(
    typed: str, meant: str
) -> None:
    """What the second opinion reads: the words, mended as tokenising mends them."""
    vocabulary = Engine(load_pack(PACKS["ber"])).vocabulary
    assert vocabulary.spelled(typed.split()) == meant.split()
    assert vocabulary.analyze(" ".join(vocabulary.spelled(typed.split()))) == vocabulary.analyze(
        typed
    )


@pytest.mark.parametrize(
    "word", ["because", "whole", "along", "apart", "maybe", "research", "bother", "shot", "form"]
)
def test_a_real_word_is_not_split_nor_corrected_into_another(word: str) -> None:
    vocabulary = Engine(load_pack(PACKS["ber"])).vocabulary
    assert len(vocabulary.analyze(word)) <= 1
    assert vocabulary.analyze(word) == vocabulary.analyze(word) and vocabulary.token(word) in (
        None,
        vocabulary.stemmer.stemWord(word),
    )


@pytest.mark.parametrize("name", ["Konna", "Kidal", "Tessalit", "Léré", "Gao"])
def test_a_place_the_pack_does_not_know_stays_a_name_of_its_own(name: str) -> None:
    """An unknown name is what tells a near miss: it is never corrected into a known word."""
    vocabulary = Engine(load_pack(PACKS["ber"])).vocabulary
    (token,) = vocabulary.analyze(name)
    assert token.lstrip("@") in (vocabulary.stemmer.stemWord(name.lower()), "lere", "gao")


@pytest.mark.parametrize("word", ["last", "lots", "best"])
def test_a_real_word_is_not_taken_for_one_typed_without_vowels(word: str) -> None:
    """Only a word missing its vowels ("cntrl") or two letters or more ("hapnd") is corrected
    by its consonants: "last" is not "lost"."""
    engine = Engine(load_pack(PACKS["ber"]))
    assert engine.vocabulary.token(word) != engine.vocabulary.token("lost")


@pytest.mark.parametrize(
    ("name", "question", "answered_by"),
    [
        ("ber", "did the UN condemn the attack on Ber?", None),
        ("ber", "who did the MAA take Ber from?", "maa-seized-ber"),
        ("lantern-festival", "did the UN fund the festival?", None),
        ("lantern-festival", "did the EU fund the lantern festival?", None),
        ("lantern-festival", "WHO RUNS THE FESTIVAL, THE ALT?", "festival-organiser"),
        ("lantern-festival", "what does ALT stand for?", "alt-full-name"),
    ],
)
def test_an_acronym_the_pack_does_not_know_is_another_body_and_its_own_are_its_own(
    name: str, question: str, answered_by: str | None
) -> None:
    assert_answered_by(name, question, answered_by)


@pytest.mark.parametrize(
    ("name", "question"),
    [
        # "d'" is elided, so no "of" is left between the event and the place
        ("ber", "la bataille d'In Khalil, qui l'a gagnée ?"),
        ("ber", "who won the battle of In Khalil?"),
        ("lantern-festival", "le festival d'Avignon, qui l'a fondé ?"),
    ],
)
def test_an_event_named_after_another_place_is_declined_in_french_as_in_english(
    name: str, question: str
) -> None:
    engine = Engine(load_pack(PACKS[name]))
    assert not engine.answer(question).answered


@pytest.mark.parametrize(
    ("name", "question", "answered_by"),
    [
        # Never asked "where", but its answer names a place besides the article's own.
        ("ber", "where did the army source report from?", "malian-source-report"),
        # (Offered while the shared verdict was fitted on the Ber pack's classifier's view of
        # questions it had been fitted on: it trusted a likelihood the second pack's, fitted on
        # phrasings alone, gives lower. Fitted out of fold, it does not.)
        ("lantern-festival", "where did the flood happen?", "flood-2007"),
        # ... and one whose answer names none is not where it happened.
        pytest.param(
            "ber",
            "where did the girl die?",
            None,
            marks=pytest.mark.xfail(
                strict=True,
                reason="answered with who the civilians killed were: " + REFITTED,
            ),
        ),
    ],
)
def test_where_is_answered_by_a_fact_whose_answer_names_another_place(
    name: str, question: str, answered_by: str | None
) -> None:
    assert_answered_by(name, question, answered_by)


def assert_answered_by(name: str, question: str, fact_id: str | None) -> None:
    """Assert a pack answers a question outright with a fact, or (None) does not answer it."""
    reply = Engine(load_pack(PACKS[name])).answer(question)
    if fact_id is None:
        assert not reply.answered, reply.fact_id
    else:
        assert (reply.outcome, reply.fact_id) == (Outcome.ANSWER, fact_id)


@pytest.mark.parametrize(
    ("question", "fact_id"),
    [
        # "a river town on the River Lenne" places Ashwick; a curator's "where is the main
        # stage?" places the stage.
        ("where is Ashwick?", "festival-location"),
        ("where is the main stage?", "quay-stage"),
        # "crosses Ashwick from Market Square" places neither.
        ("where is Market Square?", None),
    ],
)
def test_where_a_place_is_is_answered_only_by_a_fact_placing_it(
    question: str, fact_id: str | None
) -> None:
    engine = Engine(load_pack(PACKS["lantern-festival"]))
    reply = engine.answer(question)
    assert reply.fact_id == fact_id and reply.answered == (fact_id is not None)
