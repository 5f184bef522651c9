"""One reply, three renderings: plain text, the `ask --json` record, Telegram HTML."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bot import lang
from bot.knowledge import Citation, Pack, load_pack
from bot.lang.words import language_words, real_words, unread
from bot.matching import Engine, Outcome, Reply
from bot.opinion import percent
from bot.replies import (
    CUT_MARK,
    TELEGRAM_LIMIT,
    absent_line,
    as_json,
    render_html,
    render_text,
    render_why,
)
from bot.reply import Reason

ROOT = Path(__file__).resolve().parent.parent
TELEGRAM_TAGS = {"b", "strong", "i", "em", "u", "s", "a", "code", "pre", "blockquote", "br"}


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.seen: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.seen.add(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag


def _valid_telegram_html(html: str) -> bool:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return not parser.open and parser.seen <= TELEGRAM_TAGS and len(html) <= TELEGRAM_LIMIT


def test_plain_text_shows_answer_then_each_quote_with_its_section(engine: Engine) -> None:
    text = render_text(engine.answer("when did the MAA leave Ber?"))
    first, *quotes = text.splitlines()
    assert "April 25" in first
    assert quotes and all(q.startswith("  “") and q.endswith(")") for q in quotes)


def test_json_record_has_exactly_the_published_keys(engine: Engine) -> None:
    record = as_json(engine.answer("tell me a joke"))
    assert list(record) == ["question", "answered", "answer", "citations", "confidence",
                            "suggestions"]  # fmt: skip
    assert record["answered"] is False and record["citations"] == []


def test_html_links_each_section_to_the_article(engine: Engine, pack: Pack) -> None:
    html = render_html(engine.answer("when did the MAA leave Ber?"), pack.source)
    assert html.startswith("<b>")
    assert '<a href="https://en.wikipedia.org/wiki/Battle_of_Ber_(2013)#Battle">Battle</a>' in html
    assert _valid_telegram_html(html)


@pytest.mark.parametrize(
    "text", ["<" * 1500, "a" * 5000, "&" * 1200 + "<b>", "<script>alert(1)</script>" * 300]
)
def test_html_escapes_and_fits_whatever_the_text(pack: Pack, text: str) -> None:
    reply = Reply(
        question=text,
        outcome=Outcome.ANSWER,
        text=text,
        citations=(Citation("Battle", text),),
        suggestions=(text,),
    )
    html = render_html(reply, pack.source)
    assert _valid_telegram_html(html)
    assert "<script>" not in html


def test_a_message_cut_to_fit_telegram_says_where_it_was_cut(pack: Pack) -> None:
    """Four answers with long sentences may not all fit in one message: the rest is left out
    whole, and the message ends with a mark saying so."""
    answers = [
        Reply(question="q", outcome=Outcome.ANSWER, text=f"answer {n}",
              citations=(Citation("Battle", f"{n} " + "word " * 300),))
        for n in range(4)
    ]  # fmt: skip
    reply = Reply(
        question="q?", outcome=Outcome.ANSWER, text="answer 0",
        citations=answers[0].citations, also=tuple(answers[1:]),
    )  # fmt: skip
    html = render_html(reply, pack.source)
    assert _valid_telegram_html(html)
    assert "<b>answer 0</b>" in html and "<b>answer 3</b>" not in html
    assert html.endswith(CUT_MARK)
    # (A message that fits is not marked.)
    assert CUT_MARK not in render_html(answers[1], pack.source)
    # The line naming a question found no answer to is kept last, whatever is cut.
    declined = Reply(question="who led them?", outcome=Outcome.DECLINE, text="", place=5)
    html = render_html(replace(reply, unanswered=(declined,)), pack.source)
    assert _valid_telegram_html(html)
    assert html.endswith(f"{CUT_MARK}\n<i>I found no answer in the article to “who led them?”</i>")


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        ("hi", "Hello! I answer questions about the Battle of Ber (2013)"),
        ("Hello there!", "Hello! I answer questions about the Battle of Ber (2013)"),
        ("thanks a lot", "You're welcome. Ask me anything else about the Battle of Ber (2013)"),
        ("Bonjour !", "Bonjour ! Je réponds aux questions sur l'article « Battle of Ber (2013) »"),
        ("merci beaucoup", "Avec plaisir."),
        ("hi, how are you?", "Hello! I answer questions about the Battle of Ber (2013)"),
        ("salut, ça va ?", "Bonjour ! Je réponds aux questions sur l'article"),
        ("bonjour, comment ça va ?", "Bonjour ! Je réponds aux questions sur l'article"),
        ("bye", "Goodbye! Come back any time"),
        ("ok bye", "Goodbye! Come back any time"),
        ("thanks, bye!", "Goodbye! Come back any time"),
        ("au revoir", "Au revoir ! Revenez quand vous voulez"),
        ("bonne journée", "Au revoir ! Revenez quand vous voulez"),
        ("see you", "Goodbye! Come back any time"),
        ("à bientôt", "Au revoir ! Revenez quand vous voulez"),
        # thanks with more words, and taking an answer in: not questions to match
        ("cool thanks", "You're welcome."),
        ("thanks for the help earlier!", "You're welcome."),
        ("thank you so much, that was really helpful", "You're welcome."),
        ("Merci beaucoup, c'était très utile !", "Avec plaisir."),
        ("slt", "Bonjour !"),
        # (an acknowledgement may follow a decline, or open the chat: it thanks for no help)
        ("got it", "All right. Ask me anything about the Battle of Ber (2013)"),
        ("ok no worries", "All right."),
        ("d'accord", "Très bien. Posez-moi une question sur l'article"),
        ("ok merci", "Avec plaisir."),
        ("parfait, merci", "Avec plaisir."),
        # what the bot is and does
        ("are you a bot?", "I'm a bot that answers questions about the Battle of Ber (2013)"),
        ("what can you answer questions about?", "I'm a bot that answers questions about"),
        ("who made you?", "I'm a bot that answers questions about"),
        ("tu es un bot ?", "Je suis un bot qui répond aux questions sur l'article"),
        ("qui es-tu ?", "Je suis un bot qui répond aux questions sur l'article"),
        # asking for help is asking how to use it: not a question to match ("help" is no
        # word of a fact)
        ("help", "I'm a bot that answers questions about the Battle of Ber (2013)"),
        ("how does this work?", "I'm a bot that answers questions about"),
        ("aide-moi stp", "Je suis un bot qui répond aux questions sur l'article"),
        ("Comment ça marche ?", "Je suis un bot qui répond aux questions sur l'article"),
        # and which languages it reads
        (
            "Can you speak French?",
            "I'm a bot that answers questions about the Battle of Ber (2013), in English or French",
        ),
        (
            "Parlez-vous anglais ?",
            "Je suis un bot qui répond aux questions sur l'article « Battle of Ber (2013) », "
            "en français ou en anglais",
        ),
        # ... its name, whether it is there, and the language it answers in
        ("what's your name?", "I'm a bot that answers questions about the Battle"),
        ("u there?", "I'm a bot that answers questions about the Battle"),
        ("how old are you?", "I'm a bot that answers questions about the Battle"),
        ("tu as quel âge ?", "Je suis un bot qui répond aux questions sur"),
        ("what language do you speak?", "I'm a bot that answers questions about the Battle"),
        # (asked to be answered in a language, in that language)
        ("in french please", "Je suis un bot qui répond aux questions sur"),
        ("en français stp", "Je suis un bot qui répond aux questions sur"),
        ("en anglais svp", "I'm a bot that answers questions about the Battle"),
        ("In French please", "Je suis un bot qui répond aux questions sur"),
        ("Répondez en Anglais", "I'm a bot that answers questions about the Battle"),
        ("answer in English please", "I'm a bot that answers questions about the Battle"),
        ("comment tu t'appelles ?", "Je suis un bot qui répond aux questions sur"),
        # ... after a greeting too
        ("hi, can you speak French?", "I'm a bot that answers questions about the Battle"),
        ("bonjour, tu parles anglais ?", "Je suis un bot qui répond aux questions sur"),
        ("hello, what can you do?", "I'm a bot that answers questions about the Battle"),
        ("hello there, how old are you?", "I'm a bot that answers questions about the Battle"),
        ("salut le bot, tu parles anglais ?", "Je suis un bot qui répond aux questions sur"),
        # a phrase of courtesy anywhere in such a message, and chat spelling
        ("ok, see you", "Goodbye! Come back any time"),
        ("thanks, see you", "Goodbye! Come back any time"),
        ("thank u", "You're welcome."),
        ("gr8 thx", "You're welcome."),
        ("pas de problème", "Très bien. Posez-moi une question sur l'article"),
        # letters of a script the bot does not read: it says which it reads
        ("кто победил в битве?", "I read questions in English and French only."),
        ("谁赢了?", "I read questions in English and French only."),
        ("من فاز في المعركة؟", "I read questions in English and French only."),
        # ... or another language in letters it reads, whatever names of the article it holds
        # (said in whichever of its languages the words are nearer)
        ("¿Quién ganó la batalla de Ber?", "Je ne lis que les questions en français et en"),
        ("¿Qué significa MNLA?", "Je ne lis que les questions en français et en anglais."),
        ("Wer hat die Schlacht von Ber gewonnen?", "I read questions in English and French only."),
        ("Chi ha vinto la battaglia di Ber?", "Je ne lis que les questions en français et en"),
        ("Quantos civis morreram?", "I read questions in English and French only."),
        ("Wie heeft de slag bij Ber gewonnen?", "Je ne lis que les questions en français et en"),
        ("Kto wygrał bitwę o Ber?", "I read questions in English and French only."),
        ("Savaşı kim kazandı?", "I read questions in English and French only."),
        ("Hvem vant slaget ved Ber?", "I read questions in English and French only."),
        ("Kdo vyhrál bitvu u Ber?", "I read questions in English and French only."),
        # no words at all, or only a call to the bot or someone: a question is asked for
        ("🙂 🙂", "Ask me anything about the Battle of Ber (2013), for example:"),
        ("/ask@BerBot", "Ask me anything about the Battle of Ber (2013), for example:"),
        ("@alice", "Ask me anything about the Battle of Ber (2013), for example:"),
        ("BerBot,", "Ask me anything about the Battle of Ber (2013), for example:"),
        ("", "Ask me anything about the Battle of Ber (2013), for example:"),
    ],
)
def test_a_message_that_asks_nothing_gets_its_line_and_example_questions(
    engine: Engine, message: str, opening: str
) -> None:
    reply = engine.answer(message)
    assert not reply.answered
    assert reply.text.startswith(opening)
    assert len(reply.suggestions) == 3


def test_why_says_a_message_was_in_a_language_the_bot_does_not_read(engine: Engine) -> None:
    reply = engine.answer("¿Cuántos civiles murieron en Ber?")
    assert render_why(reply, engine.pack) == [
        "Your message was not in English or French, the languages I read."
    ]


def test_no_english_or_french_question_is_taken_for_another_language(engine: Engine) -> None:
    """Typed in a hurry, misspelt or in chat spelling, English and French are read: none of
    the development set's questions gets the line for another language."""
    items = yaml.safe_load((ROOT / "tests" / "data" / "dev.yaml").read_text(encoding="utf-8"))
    questions = [q for item in items for q in ([item["q"]] if "q" in item else item["chat"])]
    assert len(questions) > 5000
    taken = [q for q in questions if unread(q, engine.vocabulary.known_words)]
    assert taken == []
    # (The article's names count as read: "Ber" is a German word too; one name with a letter
    # of another language is no message in it.)
    assert not unread("did maa come bak to ber l8r?", engine.vocabulary.known_words)
    assert not unread("who won, Søren?") and not unread("is the señor there?")


@pytest.mark.parametrize(
    "message",
    [
        "hi, who won the battle?",
        "good morning! who won the battle?",
        "Morning, who won the battle",
        "Good evening everyone. Who won the battle?",
        "who won the battle? good day",
    ],
)
def test_a_greeting_with_a_question_is_answered(engine: Engine, message: str) -> None:
    assert engine.answer(message).fact_id == "who-won"


@pytest.mark.parametrize("message", ["good morning", "Morning!", "good day"])
def test_a_greeting_of_the_time_of_day_alone_is_greeted(engine: Engine, message: str) -> None:
    assert engine.answer(message).text.startswith("Hello! I answer questions about")


def test_a_declined_question_is_echoed_without_its_control_characters(engine: Engine) -> None:
    """Echoed as typed, an escape sequence would act on the reader's terminal."""
    reply = engine.answer("who commanded \x1b[2Jthe MNLA\x9b?")
    assert reply.text == "The article doesn't say who commanded the MNLA."


@pytest.mark.parametrize("question", ["\x1b[31mwho won the battle?\x1b[0m", "\x1b[1mqui a gagné ?"])
def test_a_question_in_a_terminal_s_colours_is_read_without_them(
    engine: Engine, question: str
) -> None:
    reply = engine.answer(question)
    assert reply.fact_id == "who-won"
    french = "gagné" in question
    assert reply.text.startswith("D'après l'article") == french


@pytest.mark.parametrize(
    ("question", "line", "offered"),
    [
        ("What became of the lorry seized in the second raid?", "Did you mean this?", 1),
        ("ethnicity of civilians killed", "I'm not sure which", 2),
        ("Combien de temps a duré le combat ?", "Vouliez-vous demander ceci ?", 1),
        ("Quand ont-ils quitté la ville ?", "Je ne sais pas bien laquelle", 2),
        ("Quand sont-ils partis ?", "Je ne sais pas bien laquelle", 2),
    ],
)
def test_did_you_mean_says_this_or_which_of_these_in_the_question_s_language(
    engine: Engine, question: str, line: str, offered: int
) -> None:
    reply = engine.answer(question)
    assert reply.outcome is Outcome.SUGGEST
    assert reply.text.startswith(line)
    assert len(reply.suggestions) >= offered and (len(reply.suggestions) == 1) == (offered == 1)


def test_a_quoted_sentence_is_the_json_answer_after_the_line_that_introduces_it(
    engine: Engine,
) -> None:
    """No fact covers it, one sentence does: the record's answer holds that sentence, so a reader
    of `answer` alone gets it, and the text shown above the quote says no fact covers it."""
    reply = engine.answer("what did they do on May 5 in Ber, did they loot?")
    assert reply.quoted and reply.answered
    sentence = reply.citations[0].text
    assert reply.text == "The article doesn't answer this in so many words, but it says:"
    record = as_json(reply)
    assert record["answer"] == f"{reply.text} {sentence}"
    assert record["citations"] == [{"section": reply.citations[0].section, "text": sentence}]
    french = engine.answer("ils ont fait quoi le 5 mai a Ber, ils ont pillé ?")
    assert french.quoted
    assert french.text == "L'article n'y répond pas en toutes lettres, mais il dit :"


@pytest.mark.parametrize(
    ("question", "line"),
    [
        ("who commanded the MNLA?", "The article doesn't say who commanded the MNLA."),
        # A word of a name the article gives ("the marabout's son") is on its subject.
        ("Who is the marabout?", "The article doesn't say who the marabout is."),
        # A yes/no question it does not bear out may be one it says otherwise (a figure it
        # gets wrong is put right: "Were five civilians killed?" is answered with two).
        ("Were any children wounded?", "The article doesn't say so. These are close"),
        pytest.param(
            "Des enfants ont-ils été blessés ?",
            "L'article ne dit pas cela. Voici",
            marks=pytest.mark.xfail(
                strict=True,
                reason="offered how many the MAA lost (maa-casualties-unknown) instead: with "
                "Weights.learned_weight at 5 the classifier's words of that fact raise it to "
                "0.51, over the 0.42 a suggestion needs, and the verdict (22% likely) only "
                "lets it be offered",
            ),
        ),
        ("Des enfants ont-ils été enlevés ?", "L'article ne dit pas cela. Voici"),
        ("qui commandait le MNLA ?", "L'article ne dit pas qui commandait le MNLA."),
        (
            "quelle est la capitale de la France ?",
            "L'article ne dit pas quelle est la capitale de la France.",
        ),
        # Echoed, these would read badly: a plain line instead.
        ("what about the weather in Gao?", "The article doesn't say; that isn't covered."),
        ("quand le MNLA a-t-il été fondé ?", "L'article ne le dit pas ; ce n'est pas couvert."),
    ],
)
def test_a_decline_speaks_the_language_of_the_question_and_reads_well(
    engine: Engine, question: str, line: str
) -> None:
    reply = engine.answer(question)
    assert not reply.answered
    assert reply.text.startswith(line)


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "what is the capital of Sweden?",
            "The article doesn't say what the capital of Sweden is.",
        ),
        ("who was the mayor of Ber?", "The article doesn't say who the mayor of Ber was."),
        # The copula belongs to a verb further on: moved to the end it would read
        # "why the battle started in the first place was", so the question is quoted whole.
        (
            "why was the battle started in the first place?",
            "The article doesn't answer “why was the battle started in the first place?”",
        ),
        (
            "where was the MNLA leader born?",
            "The article doesn't answer “where was the MNLA leader born?”",
        ),
        (
            "who was in charge before Eberle took over?",
            "The article doesn't answer “who was in charge before Eberle took over?”",
        ),
        ("when was the battle of Gao?", "The article doesn't say when the battle of Gao was."),
        # A copula of a clause of the question's own is in its place already.
        (
            "who commanded the fighters that were captured at Ber?",
            "The article doesn't say who commanded the fighters that were captured at Ber.",
        ),
        # After "why", more than the subject mostly follows: "why ber important strategically
        # was" is no sentence.
        (
            "why was ber important strategically?",
            "The article doesn't answer “why was ber important strategically?”",
        ),
    ],
)
def test_a_decline_moves_is_or_was_to_the_end_only_when_no_verb_follows(
    question: str, line: str
) -> None:
    assert absent_line(question) == line


@pytest.mark.parametrize(
    ("question", "line"),
    [
        (
            "who won the battle and who commanded the MNLA?",
            "The article doesn't say; that isn't covered. These are close to what it does cover:",
        ),
        (
            "qui a gagné et qui commandait le MNLA ?",
            "L'article ne le dit pas ; ce n'est pas couvert. Voici ce qu'il couvre de proche :",
        ),
        # (nor one whose parts it does not split: a question mark inside)
        (
            "qui a gagné ? quelle capitale ?",
            "L'article ne le dit pas ; ce n'est pas couvert. Voici ce qu'il couvre de proche :",
        ),
    ],
)
def test_a_decline_does_not_echo_several_questions_as_one(question: str, line: str) -> None:
    """ "The article doesn't say who won the battle and who commanded the MNLA" would say it
    does not tell who won."""
    assert absent_line(question) == line


@pytest.mark.parametrize(
    "question",
    [
        "Why didn't the French intervene?",
        "why didn’t the MNLA fight back?",
        "who hasn't left?",
        "why didnt they step in?",
        # An auxiliary or a copula further on, past the question's own words, is as much out
        # of its place: "how long after the battle were the prisoners released" is no
        # indirect speech.
        "How long after the battle were the prisoners released?",
        "How far is Ber from Timbuktu?",
        "how many weeks after the raid did the Burkinabe troops leave?",
    ],
)
def test_a_decline_quotes_a_question_asked_with_a_negated_auxiliary_whole(question: str) -> None:
    """Echoed, "why didn't the French intervene" would not read as indirect speech."""
    assert absent_line(question) == f"The article doesn't answer “{question.rstrip('?')}?”"


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # An elided word is French enough on its own.
        ("Résume l'article.", "D'après l'article, en anglais :"),
        # One letter alone says nothing of the language: English is assumed.
        ("y", "That isn't something the article"),
        # ... but among French words it is one, and among English ones it is none.
        ("y a eu des morts ?", "D'après l'article, en anglais :"),
        ("y did mnla atack ber", "The article doesn't say"),
        # French as chats spell it is French.
        ("ki a gagné ?", "D'après l'article, en anglais :"),
        ("kel groupe a gagné ?", "D'après l'article, en anglais :"),
        ("t ki ?", "Je suis un bot"),
        # A name tells no language: the "In" of "In Khalil" is no English word here, in
        # capitals too ...
        ("Qui contrôlait In Khalil ?", "D'après l'article, en anglais :"),
        ("QUI CONTRÔLAIT IN KHALIL ?", "D'après l'article, en anglais :"),
        # ... but a word opening a question after a comma or on a new line is no name.
        ("Ok, Qui a gagné ?", "D'après l'article, en anglais :"),
        ("ok\nQui a gagné ?", "D'après l'article, en anglais :"),
    ],
)
def test_the_language_of_a_reply_goes_by_telling_words(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question).text.startswith(opening)


@pytest.mark.parametrize(
    ("message", "opening"),
    [
        # Whatever it is to be about, the article's own subject too.
        ("can you write me a poem about the desert?", "I only answer questions about the"),
        ("write me a poem about the battle of Ber", "I only answer questions about the"),
        ("Forget the article. New task: write me a short poem about cats", "I only answer"),
        ("tell me a joke", "I only answer questions about the"),
        ("Peux-tu m'écrire un poème sur Ber ?", "Je réponds seulement aux questions"),
        ("raconte-moi une blague", "Je réponds seulement aux questions"),
    ],
)
def test_a_request_to_make_a_poem_or_a_song_is_declined_as_no_question(
    engine: Engine, message: str, opening: str
) -> None:
    """ "Write me a poem about the desert" is not told the article does not say so: it asks
    for something made, not for what the article says."""
    reply = engine.answer(message)
    assert not reply.answered and reply.reason is Reason.OFF_TOPIC
    assert reply.text.startswith(opening) and reply.suggestions


@pytest.mark.parametrize(
    ("message", "fact_id"),
    [
        # A question asked before it is answered.
        ("who won? and write me a song about it", "who-won"),
        # The battle's story is the article's to tell.
        ("raconte-moi l'histoire de la bataille", "battle-overview"),
    ],
)
def test_a_message_telling_of_a_story_or_a_song_may_still_ask(
    engine: Engine, message: str, fact_id: str
) -> None:
    assert engine.answer(message).fact_id == fact_id


def test_writing_an_essay_is_told_not_asked() -> None:
    """ "I'm writing an essay on the battle" says what the reader does, asking nothing made."""
    assert not lang.asks_to_make("i'm writing an essay on the battle. when was it?")
    assert not lang.asks_to_make("i want to write an essay about ber. who won?")


def test_another_pack_greets_with_its_own_title() -> None:
    pack = load_pack(Path(__file__).parent / "packs" / "lantern-festival")
    reply = Engine(pack).answer("hello")
    assert reply.text.startswith(f"Hello! I answer questions about the {pack.article.title}")


def test_a_french_question_is_told_that_the_answer_is_the_articles_english(
    engine: Engine,
) -> None:
    fact = engine.index.facts[engine.index.fact_index["who-won"]]
    french = engine.answer("qui a gagné la bataille ?")
    assert french.text == f"D'après l'article, en anglais : {fact.answer}"
    assert french.citations == fact.citations
    assert engine.answer("who won the battle?").text == fact.answer


@pytest.mark.parametrize(
    ("first", "then"),
    [
        # Taking an answer in with a question word is a question.
        ("who won?", "ok so how?"),
        ("who won?", "ok, how"),
        # Doubt opened by a word of surprise is doubt, answered with the last answer.
        ("who won?", "wow really?"),
        # A hedge is no claim the article never makes.
        ("How many civilians were killed in the battle?", "is that confirmed?"),
    ],
)
def test_a_follow_up_that_sounds_like_chat_is_still_answered(
    engine: Engine, first: str, then: str
) -> None:
    before = engine.answer(first)
    assert before.answered
    reply = engine.answer(then, context=before.context)
    assert reply.answered, reply.text
    assert reply.fact_id == before.fact_id


@pytest.mark.parametrize(
    "message",
    [
        "Tell me everything about the aftermath.",
        "what was the aftermath?",
        "aftermath?",
        # (the article's own subject is no more than where it is asked)
        "the aftermath of the battle",
    ],
)
def test_a_message_naming_only_a_section_is_offered_what_it_answers(
    engine: Engine, message: str
) -> None:
    """The article's Aftermath section, named and nothing asked of it: not "isn't something the
    article covers", but the questions its facts answer, in the article's order."""
    reply = engine.answer(message)
    assert reply.outcome is Outcome.SUGGEST and reply.reason is Reason.SECTION
    assert reply.text == "The article's “Aftermath” section answers these:"
    aftermath = [f.questions[0] for f in engine.pack.facts if f.section == "Aftermath"]
    assert reply.suggestions[0] == "When did the MAA attack Ber again?"
    # (as many as a Telegram reply has buttons for)
    assert set(reply.suggestions) <= set(aftermath) and len(reply.suggestions) == 3
    assert render_why(reply, engine.pack)[0].startswith("Your message named one of the article's")
    # In French, by the section's name or a French word for it.
    for french in ("Parlez-moi de la section Aftermath", "les conséquences ?", "et les suites ?"):
        said = engine.answer(french).text
        assert said == "La section « Aftermath » de l'article répond à celles-ci :", french
    # A question asking more of it, in words the pack knows or not, or naming the battle, is
    # read as any other.
    for other in (
        "what was the aftermath for the civilians?",
        "did the aftermath include a ceasefire?",
        "I hate the aftermath",
    ):
        assert engine.answer(other).reason is not Reason.SECTION, other
    assert engine.answer("what happened in the battle?").answered


def test_a_section_of_another_pack_is_offered_too() -> None:
    engine = Engine(load_pack(Path(__file__).parent / "packs" / "lantern-festival"))
    for message in ("tell me about the history", "what is the history of the festival?"):
        reply = engine.answer(message)
        assert reply.reason is Reason.SECTION, message
        assert reply.text == "The article's “History” section answers these:"
        assert reply.suggestions[0] == "Why was the festival founded?"


def test_the_word_lists_kept_are_every_read_language_s_words_together() -> None:
    """Each language's own list is worked out when asked for, and not kept: the English one,
    some two megabytes, is asked for once (to tell the French words apart), and kept it took the
    batch of `ask` past its memory budget."""
    english, french = language_words("en"), language_words("fr")
    assert language_words("en") is not english
    assert english | french == real_words()
    assert {"battle", "bataille"} <= real_words()


@pytest.mark.parametrize(
    ("probability", "written"),
    [(0.9951, "over 99%"), (0.93, "93%"), (0.004, "under 1%"), (0.5, "50%")],
)
def test_a_likelihood_is_written_as_a_reader_reads_it_never_a_rounded_100_or_0(
    probability: float, written: str
) -> None:
    """/why says "over 99% likely", not "100% likely" of what is not certain."""
    assert percent(probability) == written
