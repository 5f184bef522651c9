"""/quiz, /why, ranked inline results and shareable answers: the real Application against the
local Bot API server, and the quiz rules on both packs."""

from __future__ import annotations

import pickle
import random
import re
import shutil
from pathlib import Path

import pytest
from botapi import BotAPIServer, Call
from telegram_fixtures import (
    ALICE,
    BOB,
    LiveBot,
    api,
    buttons,
    live,
    offline,
    running_bot,
    settings,
    shown,
)

from bot.knowledge import Pack, load_pack
from bot.matching import Engine, Outcome
from bot.quiz import EXPLANATION_LIMIT, OPTION_LIMIT, RECENT, Quiz, Quizzes
from bot.replies import NOTHING_TO_EXPLAIN, render_why
from bot.settings import Settings

__all__ = ["api", "live", "offline", "settings"]  # fixtures used here
pytestmark = pytest.mark.usefixtures("offline")

ROOT = Path(__file__).resolve().parent.parent
PACKS = {"ber": None, "lantern-festival": ROOT / "tests" / "packs" / "lantern-festival"}
DATE = re.compile(r"^[A-Z][a-z]+ \d{1,2}(, \d{4})?$")
DECLINED = "who commanded the MNLA?"
RANKED = "when did the maa"
FIRST = "When did the Burkinabe forces leave Ber?"
FOLLOW_UP = "when did they leave?"


def pack_engine(name: str, engine: Engine) -> Engine:
    directory = PACKS[name]
    return engine if directory is None else Engine(load_pack(directory))


def link(fact_id: str) -> str:
    return f"https://t.me/BerBot?start={fact_id}"


def check_quiz(quiz_question: str, options: list[str], correct: int, explanation: str,
               pack: Pack, quizzes: Quizzes) -> None:  # fmt: skip
    """Check a quiz as a reader would: a fact's question, its short answer right, wrong options
    of the same kind, all different and short, and the fact's cited sentence as explanation."""
    [answer] = [a for a in quizzes.answers if a.fact.questions[0] == quiz_question]
    assert options[correct] == answer.text
    assert 3 <= len(options) <= 4, "two or three wrong options"
    assert len({o.casefold() for o in options}) == len(options)
    assert all(1 <= len(o) <= OPTION_LIMIT for o in options)
    wrong = [o for i, o in enumerate(options) if i != correct]
    if answer.kind == "date":
        assert all(DATE.match(o) for o in options), options
    elif answer.kind == "number":
        assert all(o.isdigit() for o in options), options
    else:
        names = {e.name.casefold() for e in pack.entities if e.kind == answer.kind}
        assert all(o.casefold() in names for o in options), options
    mentioned = {e.name.casefold() for e in pack.entities if e.id in answer.named}
    assert not {o.casefold() for o in wrong} & mentioned, "nothing the answer names is wrong"
    assert len(explanation) <= EXPLANATION_LIMIT
    cited = [c.text for c in answer.fact.citations]
    assert explanation in cited or (
        explanation.endswith("…") and any(c.startswith(explanation[:-1]) for c in cited)
    )


# -- the quiz rules, on both packs ------------------------------------------------------------


@pytest.mark.parametrize("name", list(PACKS))
def test_every_quiz_is_a_fact_question_with_its_answer_among_wrong_ones_of_its_kind(
    name: str, engine: Engine
) -> None:
    chosen = pack_engine(name, engine)
    quizzes = Quizzes(chosen.pack, chosen.vocabulary)
    assert len(quizzes.answers) >= 5
    kinds = {a.kind for a in quizzes.answers}
    assert len(kinds) >= 2
    rng = random.Random(7)
    for _ in range(60):
        quiz = quizzes.make(rng=rng)
        assert isinstance(quiz, Quiz)
        check_quiz(
            quiz.question, list(quiz.options), quiz.correct, quiz.explanation, chosen.pack, quizzes
        )


@pytest.mark.parametrize(
    ("fact_id", "short"),
    [
        ("who-won", "The MAA"),
        ("battle-date", "April 21, 2013"),
        ("suspected-deserters-detained", "23"),
        ("battle-location", "Mali"),
        # Another group is named first ("After the Burkinabe forces left..."): not the answer.
        ("malian-forces-controlled-ber", None),
        # "Burkinabe and Malian forces captured it": either alone would be half an answer.
        ("burkinabe-and-malian-forces-captured-ber", None),
        # "Who is Ramadane?" asks what he is, not for a group.
        ("ramadane-identity", None),
        # "How many casualties?" "unknown, apart from 3 prisoners": 3 counts something else.
        ("mnla-casualties", None),
        # Not a when, how many, who or where question.
        ("maa-full-name", None),
    ],
)
def test_short_answers_of_ber_facts(engine: Engine, fact_id: str, short: str | None) -> None:
    fact = engine.pack.fact(fact_id)
    assert fact is not None
    answer = Quizzes(engine.pack, engine.vocabulary).short_answer(fact)
    assert (answer.text if answer is not None else None) == short


@pytest.mark.parametrize(
    ("fact_id", "short"),
    [
        ("acts-count", "140"),
        ("stages-count", "11"),
        # "Several thousand paper lanterns": no exact count, so not 1000.
        ("lanterns-number", None),
    ],
)
def test_short_answers_of_the_second_packs_facts(
    engine: Engine, fact_id: str, short: str | None
) -> None:
    chosen = pack_engine("lantern-festival", engine)
    fact = chosen.pack.fact(fact_id)
    assert fact is not None
    answer = Quizzes(chosen.pack, chosen.vocabulary).short_answer(fact)
    assert (answer.text if answer is not None else None) == short


def test_an_answer_longer_than_a_poll_option_makes_no_quiz(tmp_path: Path) -> None:
    directory = tmp_path / "long-name"
    shutil.copytree(PACKS["lantern-festival"], directory)
    aliases = directory / "aliases.yaml"
    long_name = "the " + "Ashwick Lantern Trust and its many friends " * 3
    aliases.write_text(
        aliases.read_text(encoding="utf-8").replace("name: the ALT", f"name: {long_name}"),
        encoding="utf-8",
    )
    chosen = Engine(load_pack(directory))
    quizzes = Quizzes(chosen.pack, chosen.vocabulary)
    organiser = chosen.pack.fact("festival-organiser")
    assert organiser is not None
    short = quizzes.short_answer(organiser)
    assert short is not None and len(short.text) > OPTION_LIMIT
    assert "festival-organiser" not in {a.fact.id for a in quizzes.answers}
    rng = random.Random(3)
    for _ in range(30):
        quiz = quizzes.make(rng=rng)
        assert quiz is not None and all(len(o) <= OPTION_LIMIT for o in quiz.options)


def test_the_explanation_is_cut_with_an_ellipsis_within_telegrams_limit() -> None:
    from bot.quiz import cut

    sentence = "word " * 60
    assert len(cut(sentence, EXPLANATION_LIMIT)) == EXPLANATION_LIMIT
    assert cut(sentence, EXPLANATION_LIMIT).endswith("…")
    assert cut("short", EXPLANATION_LIMIT) == "short"


# -- /quiz ------------------------------------------------------------------------------------


def poll_of(call: Call) -> tuple[str, list[str], int, str]:
    params = call.params
    options = [o["text"] if isinstance(o, dict) else o for o in params["options"]]
    return params["question"], options, params["correct_option_ids"][0], params["explanation"]


async def test_quiz_in_a_private_chat_is_a_quiz_poll_from_the_fact_base(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    [call] = await live.send(
        api.text_update(api.private_chat(ALICE), ALICE, "/quiz"), expect="sendPoll"
    )
    assert call.params["type"] == "quiz"
    assert "explanation_parse_mode" not in call.params, "the cited sentence is sent as it is"
    check_quiz(*poll_of(call), engine.pack, Quizzes(engine.pack, engine.vocabulary))
    poll = call.result["poll"]
    assert poll["correct_option_ids"] == [call.params["correct_option_ids"][0]]


LONGER = (
    ", as the organisers recall in every programme they print, in the notes they hand to the "
    "volunteers, and in the short talk given at the Quay Stage before the first concert of the "
    "weekend begins"
)


def pack_with_long_citations(tmp_path: Path) -> Path:
    """Copy the second pack, every sentence its quizzes cite made longer than a quiz's
    explanation may be."""
    directory = tmp_path / "long-pack"
    shutil.copytree(PACKS["lantern-festival"], directory)
    original = Engine(load_pack(directory))
    quizzes = Quizzes(original.pack, original.vocabulary)
    cited = {c.text for a in quizzes.answers for c in a.fact.citations}
    files = [directory / "article.txt", *sorted((directory / "facts").glob("*.yaml"))]
    for path in files:
        text = path.read_text(encoding="utf-8")
        for sentence in sorted(cited, key=len, reverse=True):
            longer = sentence[:-1] + LONGER + "." if sentence.endswith(".") else sentence + LONGER
            text = text.replace(sentence, longer)
        path.write_text(text, encoding="utf-8")
    return directory


async def test_a_quiz_whose_cited_sentence_is_too_long_gets_it_cut_with_an_ellipsis(
    api: BotAPIServer, settings: Settings, tmp_path: Path
) -> None:
    long = Engine(load_pack(pack_with_long_citations(tmp_path)))
    quizzes = Quizzes(long.pack, long.vocabulary)
    cited = [c.text for a in quizzes.answers for c in a.fact.citations]
    assert quizzes.answers and all(len(c) > EXPLANATION_LIMIT for c in cited)

    async with running_bot(api, settings, long) as live:
        chat = api.private_chat(ALICE)
        [call] = await live.send(api.text_update(chat, ALICE, "/quiz"), expect="sendPoll")
    explanation = call.params["explanation"]
    assert len(explanation) <= EXPLANATION_LIMIT and explanation.endswith("…")
    assert any(c.startswith(explanation[:-1]) for c in cited), "cut, but otherwise verbatim"
    assert call.result["poll"]["explanation"] == explanation, "Telegram took it"
    check_quiz(*poll_of(call), long.pack, quizzes)


async def test_quizzes_vary_and_do_not_repeat_the_last_few_in_a_chat(
    live: LiveBot, api: BotAPIServer
) -> None:
    chat = api.private_chat(ALICE)
    questions = []
    for _ in range(RECENT + 3):
        [call] = await live.send(api.text_update(chat, ALICE, "/quiz"), expect="sendPoll")
        questions.append(call.params["question"])
    for start in range(len(questions) - RECENT):
        window = questions[start : start + RECENT + 1]
        assert len(set(window)) == len(window), questions
    # Another chat keeps its own history.
    [other] = await live.send(
        api.text_update(api.private_chat(BOB), BOB, "/quiz"), expect="sendPoll"
    )
    assert other.params["question"]


@pytest.mark.parametrize("text", ["/quiz", "/quiz@BerBot"])
async def test_quiz_in_a_group_quotes_the_command(
    live: LiveBot, api: BotAPIServer, text: str
) -> None:
    group = api.group_chat()
    command = api.text_update(group, ALICE, text)
    [call] = await live.send(command, expect="sendPoll")
    assert call.params["chat_id"] == group["id"]
    assert call.params["reply_parameters"]["message_id"] == command["message"]["message_id"]


async def test_quiz_for_another_bot_is_ignored(live: LiveBot, api: BotAPIServer) -> None:
    group = api.group_chat()
    mark = api.mark()
    api.push(api.text_update(group, ALICE, "/quiz@OtherBot"))
    await live.send(api.text_update(group, BOB, "/quiz@BerBot"), expect="sendPoll")
    assert len(api.calls("sendPoll", since=mark)) == 1


async def test_quizzes_keep_no_user_ids(
    api: BotAPIServer, settings: Settings, engine: Engine
) -> None:
    group = api.group_chat()
    async with running_bot(api, settings, engine) as live:
        for user in (ALICE, BOB):
            await live.send(api.text_update(group, user, "/quiz"), expect="sendPoll")
    with (settings.data_dir / "telegram-state.pickle").open("rb") as stored:
        state = pickle.load(stored)
    kept = repr(state.get("chat_data", {}).get(group["id"], {}))
    assert "quizzes" in kept
    assert str(ALICE["id"]) not in kept and str(BOB["id"]) not in kept
    assert not state.get("user_data")


async def test_quiz_and_why_are_in_the_command_menus(live: LiveBot, api: BotAPIServer) -> None:
    await live.ask(api.text_update(api.private_chat(ALICE), ALICE, "/help"))
    menus = {c.params["scope"]["type"]: c.params["commands"] for c in api.calls("setMyCommands")}
    for scope in ("all_private_chats", "all_group_chats"):
        assert {"quiz", "why"} <= {c["command"] for c in menus[scope]}


# -- /why -------------------------------------------------------------------------------------


async def test_why_right_after_a_decline_gives_its_figures_and_signals(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    await live.ask(api.text_update(chat, ALICE, DECLINED))
    why = shown(await live.ask(api.text_update(chat, ALICE, "/why")))

    reply = engine.answer(DECLINED)
    assert reply.outcome is Outcome.DECLINE and reply.runner_up is not None and reply.signals
    assert f"{reply.threshold:.2f}" in why
    assert reply.runner_up.question in why and f"{reply.runner_up.score:.2f}" in why
    for signal in reply.signals:
        assert signal.reason in why and f"×{signal.factor:.2f}" in why


async def test_why_as_a_reply_explains_that_answer_not_the_latest(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    group = api.group_chat()
    first = await live.ask(api.text_update(group, ALICE, f"/ask {RANKED}"))
    await live.ask(api.text_update(group, ALICE, f"/ask {DECLINED}"))
    # Bob asks about the answer Alice got, naming the bot as groups do.
    why = shown(await live.ask(api.text_update(group, BOB, "/why@BerBot", reply_to=first.result)))

    reply = engine.answer(RANKED)
    assert reply.answered and reply.runner_up is not None
    fact = engine.pack.fact(reply.fact_id or "")
    assert fact is not None and fact.questions[0] in why
    assert f"{reply.confidence:.2f}" in why and f"{reply.threshold:.2f}" in why
    assert reply.runner_up.question in why and f"{reply.runner_up.score:.2f}" in why


def test_the_readme_why_example_is_what_the_bot_says(engine: Engine) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Why this answer")[1].split("```text\n")[1].split("```")[0]
    assert example.splitlines() == render_why(engine.answer(RANKED), engine.pack)[:2]


async def test_why_with_nothing_to_explain_says_so_politely(
    live: LiveBot, api: BotAPIServer
) -> None:
    chat = api.private_chat(ALICE)
    first = shown(await live.ask(api.text_update(chat, ALICE, "/why")))
    greeting = await live.ask(api.text_update(chat, ALICE, "/start"))
    about_greeting = shown(
        await live.ask(api.text_update(chat, ALICE, "/why", reply_to=greeting.result))
    )
    assert first == about_greeting == NOTHING_TO_EXPLAIN


# -- inline mode ------------------------------------------------------------------------------


async def test_inline_query_offers_the_engine_ranking_best_first_each_with_its_link(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    [offer] = await live.send(api.inline_update(ALICE, RANKED), expect="answerInlineQuery")
    results = offer.params["results"]

    ranked = engine.offers(engine.answer(RANKED), limit=5)
    assert len(ranked) >= 2
    assert [r["title"] for r in results] == [c.question for c in ranked]
    for result, candidate in zip(results, ranked, strict=True):
        assert result["url"] == link(candidate.fact_id)
        assert (
            f'href="{link(candidate.fact_id)}"' in result["input_message_content"]["message_text"]
        )
    assert "button" not in offer.params


async def test_inline_query_asking_several_questions_offers_each_answer_first(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    """ "who won the battle and when did the MAA leave?" typed after the bot's name: each
    answer is a result of its own, in the message's order, before the ranking's others."""
    asked = "who won the battle and when did the MAA leave?"
    reply = engine.answer(asked)
    answers = [reply, *reply.also]
    assert len(answers) == 2
    [offer] = await live.send(api.inline_update(ALICE, asked), expect="answerInlineQuery")
    results = offer.params["results"]
    assert [r["url"] for r in results[:2]] == [link(a.fact_id) for a in answers if a.fact_id]


async def test_inline_query_naming_a_section_offers_its_questions(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    """ "aftermath" typed after the bot's name: the questions the chat reply offers, first."""
    offered = engine.answer("aftermath").suggestions
    assert len(offered) == 3
    [offer] = await live.send(api.inline_update(ALICE, "aftermath"), expect="answerInlineQuery")
    titles = [r["title"] for r in offer.params["results"]]
    assert titles[:3] == list(offered)


async def test_inline_query_the_bot_would_decline_offers_nothing_but_a_hint(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    assert engine.answer(DECLINED).outcome is Outcome.DECLINE
    assert engine.answer(DECLINED).suggestions, "the chat reply would offer questions"
    [offer] = await live.send(api.inline_update(ALICE, DECLINED), expect="answerInlineQuery")

    assert offer.params["results"] == []
    button = offer.params["button"]
    assert "Nothing found" in button["text"]
    # The button opens the private chat on /start with its parameter: the welcome.
    greeting = await live.ask(
        api.text_update(api.private_chat(ALICE), ALICE, f"/start {button['start_parameter']}")
    )
    assert len(buttons(greeting)) == 3


# -- shareable answers ------------------------------------------------------------------------


async def test_start_with_a_fact_id_answers_that_fact_and_continues_from_it(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    fact = engine.pack.fact("burkinabe-left-ber")
    assert fact is not None
    answer = await live.ask(api.text_update(chat, ALICE, f"/start {fact.id}"))
    assert shown(answer).startswith(fact.answer)
    assert f'href="{link(fact.id)}"' in answer.params["text"]

    follow = await live.ask(api.text_update(chat, ALICE, FOLLOW_UP))
    assert shown(follow).startswith(
        engine.answer(FOLLOW_UP, context=engine.answer(FIRST).context).text
    )


async def test_every_answer_carries_the_link_that_answers_it_again(
    live: LiveBot, api: BotAPIServer, engine: Engine
) -> None:
    chat = api.private_chat(ALICE)
    answer = await live.ask(api.text_update(chat, ALICE, RANKED))
    fact_id = engine.answer(RANKED).fact_id
    assert fact_id is not None
    assert f'href="{link(fact_id)}"' in answer.params["text"]
    decline = await live.ask(api.text_update(chat, ALICE, DECLINED))
    assert "t.me/" not in decline.params["text"], "only answers are shared"

    again = await live.ask(api.text_update(api.private_chat(BOB), BOB, f"/start {fact_id}"))
    assert shown(again).split("\n")[0] == shown(answer).split("\n")[0]


@pytest.mark.parametrize(
    "payload",
    ["nope", "who-won-not", "_" + "0" * 24, "../who-won", "x" * 65, "WHO-WON"],
)
async def test_start_with_an_unknown_or_forged_payload_gets_the_welcome(
    live: LiveBot, api: BotAPIServer, engine: Engine, payload: str
) -> None:
    greeting = await live.ask(api.text_update(api.private_chat(ALICE), ALICE, f"/start {payload}"))
    assert [label for label, _ in buttons(greeting)] == list(engine.starters())[:3]
