"""Render the engine's replies: plain text for the console and `ask`, HTML for Telegram."""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from itertools import takewhile
from typing import Any

from bot import lang
from bot.asks import polar
from bot.knowledge import Citation, Pack, Source
from bot.lang.words import unread
from bot.opinion import percent
from bot.reply import SCORED, Outcome, Reason, Reply
from bot.text import asked_parts, fold, normalize, printable, strip_address

TELEGRAM_LIMIT = 4096
"""Telegram's limit on a message's length, in characters after entity parsing."""
CUT_MARK = "<i>[…]</i>"
"""What ends a Telegram message cut to fit its limit, where the rest was left out."""


_UNSURE = {
    "en": ("Did you mean this?", "I'm not sure which of these you mean:"),
    "fr": (
        "Vouliez-vous demander ceci ?",
        "Je ne sais pas bien laquelle de ces questions vous posez :",
    ),
}
"""The line before "did you mean" suggestions: for one, and for several."""
_QUOTE_INTRO = {
    "en": "The article doesn't answer this in so many words, but it says:",
    "fr": "L'article n'y répond pas en toutes lettres, mais il dit :",
}
"""The line before a quoted sentence that no fact covers."""
_IN_ANOTHER_LANGUAGE = {
    ("fr", "en"): "D'après l'article, en anglais : {answer}",
    ("en", "fr"): "From the article, in French: {answer}",
}
"""An answer to a question asked in another language than the article's, which it quotes."""
_UNANSWERED = {
    "en": ("I found no answer in the article to {asked}", "“{}”", " or "),
    "fr": ("Je n'ai pas trouvé de réponse dans l'article à {asked}", "« {} »", " ni à "),
}
"""The line after the answers to a message asking several questions that says which of them
found no answer, each quoted, and the words joining them."""
_QUOTED_PART = 120
"""The characters of a question found no answer to that the line quotes at most."""
_PARTICIPLE = re.compile(r"(?:ed|en|ing)$")
_ASKS_ABOUT = re.compile(lang.pattern("asks_about"))
_UNVERIFIED = re.compile(lang.pattern("unverified"))
_AUXILIARIES = lang.AUXILIARIES - lang.COPULAS
_CLAUSE_OPENERS = lang.RELATIVE_WORDS | lang.QUESTION_WORDS
"""Words opening a clause of a question's own ("the fighters that were captured")."""


_DECLINES = {
    "en": {
        "empty": "Ask me anything about the {title}, for example:",
        "unreadable": (
            "I read questions in English and French only. Ask me anything about the {title}, "
            "for example:"
        ),
        "farewell": "Goodbye! Come back any time with a question about the {title}, such as:",
        "no-story": "The article tells nothing more after that. These are close to what it covers:",
        "nothing-to-confirm": (
            "I have given no answer to confirm. Ask me anything about the {title}, for example:"
        ),
        "off-topic": (
            "That isn't something the article on the {title} covers. "
            "I can answer questions like these:"
        ),
        "make": (
            "I only answer questions about the {title}, with the article's own sentences: I "
            "don't write poems, songs, stories or jokes. You could ask, for example:"
        ),
        "greeting": (
            "Hello! I answer questions about the {title} with the article's own sentences. "
            "Ask me anything about it, for example:"
        ),
        "thanks": "You're welcome. Ask me anything else about the {title}, for example:",
        # (An acknowledgement may follow a decline, or nothing: it thanks for no help.)
        "acknowledgement": "All right. Ask me anything about the {title}, for example:",
        "about": (
            "I'm a bot that answers questions about the {title}, in English or French, with the "
            "article's own sentences, and says so when the article does not say. Ask me "
            "anything about it, for example:"
        ),
        "absent": "The article doesn't say {asked}.",
        "absent-plain": (
            "The article doesn't say; that isn't covered. These are close to what it does cover:"
        ),
        "absent-polar": "The article doesn't say so. These are close to what it does say:",
        "not-found": "I can't find that in the article. These are the closest things it covers:",
        "section": "The article's “{section}” section answers these:",
    },
    "fr": {
        "empty": "Posez-moi une question sur l'article « {title} », par exemple :",
        "unreadable": (
            "Je ne lis que les questions en français et en anglais. Posez-moi une question sur "
            "l'article « {title} », par exemple :"
        ),
        "farewell": (
            "Au revoir ! Revenez quand vous voulez avec une question sur l'article « {title} », "
            "par exemple :"
        ),
        "no-story": "L'article ne dit rien de plus après cela. Voici ce qu'il couvre de proche :",
        "nothing-to-confirm": (
            "Je n'ai donné aucune réponse à confirmer. Posez-moi une question sur l'article "
            "« {title} », par exemple :"
        ),
        "off-topic": (
            "L'article « {title} » ne parle pas de cela. "
            "Je peux répondre à des questions comme celles-ci :"
        ),
        "make": (
            "Je réponds seulement aux questions sur l'article « {title} », avec ses propres "
            "phrases : je n'écris ni poèmes, ni chansons, ni histoires, ni blagues. Par exemple :"
        ),
        "greeting": (
            "Bonjour ! Je réponds aux questions sur l'article « {title} », avec ses propres "
            "phrases. Par exemple :"
        ),
        "thanks": "Avec plaisir. Une autre question sur l'article « {title} » ? Par exemple :",
        "acknowledgement": (
            "Très bien. Posez-moi une question sur l'article « {title} », par exemple :"
        ),
        "about": (
            "Je suis un bot qui répond aux questions sur l'article « {title} », en français ou "
            "en anglais, avec ses propres phrases, et qui le dit quand l'article ne le dit pas. "
            "Par exemple :"
        ),
        "absent": "L'article ne dit pas {asked}.",
        "absent-plain": (
            "L'article ne le dit pas ; ce n'est pas couvert. Voici ce qu'il couvre de proche :"
        ),
        "absent-polar": "L'article ne dit pas cela. Voici ce qu'il dit de proche :",
        "not-found": (
            "Je ne trouve pas cela dans l'article. Voici ce qu'il couvre de plus proche :"
        ),
        "section": "La section « {section} » de l'article répond à celles-ci :",
    },
}
"""The lines that say why a question is not answered, in the language it was asked in."""

_CONFIRMED = {
    "en": (
        "Yes, that is what the article says: {answer}",
        "That is what the article says: {answer}",
    ),
    "fr": ("Oui, c'est ce que dit l'article : {answer}", "C'est ce que dit l'article : {answer}"),
}
"""The line that answers doubt about the last answer before that answer: asked ("are you
sure?"), or said ("you're wrong"), which no "yes" answers."""


_UNSOURCED = {
    "en": "The article says this in its own words, naming no one as its source: {answer}",
    "fr": "L'article le dit lui-même, sans nommer de source : {answer}",
}
"""The line before the last answer given again to "according to whom?", when the article
names no one for it."""


_WORD_INSIDE = re.compile(r"(?<=[^\W\d_])( +)([^\W\d_][\w'’-]*)")
"""A word after another and a space: capitalised there, a name ("Qui contrôlait In Khalil ?"),
which tells no language (its "In" read as English). (Not after a comma or a line's end: "Ok,
Qui a gagné ?" opens a question there.)"""


@lru_cache(maxsize=16)
def question_language(question: str) -> str:
    """Return the language a question is asked in ("en" or "fr"), its names left out when
    other words remain. (Kept for the last few questions: a reply asks it for its answer's
    line, its suggestions and its decline.)"""
    text = printable(strip_address(question))
    folded = fold(text)
    words = lang.words_of(folded)
    # ("In French please": a language asked for by its name is no name to leave out.)
    requested = lang.requested_language(words)
    if requested is not None:
        return requested
    unnamed = fold(_WORD_INSIDE.sub(_unnamed, text))
    if kept := lang.words_of(unnamed):
        folded, words = unnamed, kept
    return lang.language_of(folded, words)


def _unnamed(inside: re.Match[str]) -> str:
    return inside[1] if inside[2][0].isupper() else inside[0]


def section_text(question: str, section: str) -> str:
    """Return the line before the questions a section of the article answers, in the
    question's language."""
    return _DECLINES[question_language(question)]["section"].format(section=section)


def unsure_text(question: str, offered: int) -> str:
    """Return the line before "did you mean" suggestions, in the question's language."""
    one, several = _UNSURE[question_language(question)]
    return one if offered == 1 else several


def quote_intro(question: str) -> str:
    """Return the line before a quoted sentence no fact covers, in the question's language."""
    return _QUOTE_INTRO[question_language(question)]


def answer_text(question: str, answer: str, article_language: str) -> str:
    """Return a fact's answer to a question, saying in the question's language that it is in
    the article's when the two differ."""
    line = _IN_ANOTHER_LANGUAGE.get((question_language(question), article_language))
    return answer if line is None else line.format(answer=answer)


def text_language(text: str) -> str:
    """Return the language a text is written in ("en" or "fr"), or the one it asks to be
    answered in ("in French please")."""
    folded = fold(text)
    words = lang.words_of(folded)
    return lang.requested_language(words) or lang.language_of(folded, words)


def confirmed_text(question: str, answer: str) -> str:
    """Return the last answer given again to a reader who doubts it, in the doubt's language."""
    asked, said = _CONFIRMED[question_language(question)]
    # ("Was that confirmed?" is not answered "yes": the article may say only that it was said.)
    yes = ("?" in question or "？" in question) and not _UNVERIFIED.search(fold(question))
    return (asked if yes else said).format(answer=answer)


def unsourced_text(question: str, answer: str) -> str:
    """Return the last answer given again to "according to whom?", saying the article names
    no one for it, in the question's language."""
    return _UNSOURCED[question_language(question)].format(answer=answer)


def decline_text(reason: Reason, question: str, title: str, *, near: bool = False) -> str:
    """Return the line that says why a question is not answered, in the question's language.

    A greeting or thanks that is nothing else gets a greeting back and a hint. `near`: a fact
    came close, so the bot says it cannot find the answer, not that the article lacks it.
    """
    folded = fold(strip_address(question))
    words = lang.words_of(folded)
    language = question_language(question)  # (the decline's suggestions asked it already)
    lines = _DECLINES[language]
    if reason is Reason.EMPTY:
        # Another language than it reads: say what it reads (in the language its words are
        # nearest, as the example questions after it are).
        return lines["unreadable" if not_read(question) else "empty"].format(title=title)
    if reason is Reason.NOT_COVERED:
        return absent_line(question, language=language, near=near)
    if reason is Reason.NO_STORY:
        return lines["no-story"]
    if reason is Reason.NOTHING_TO_CONFIRM:
        return lines["nothing-to-confirm"].format(title=title)
    # (Read as the engine reads it too, normalised: "thank u", "gr8 thx".)
    courtesy = lang.courtesy(folded, words) or lang.courtesy(normalize(question))
    if courtesy is not None:
        return lines[courtesy].format(title=title)
    if lang.asks_to_make(folded):
        return lines["make"].format(title=title)
    return lines["off-topic"].format(title=title)


def not_read(question: str) -> bool:
    """Return whether a message is written in a language the bot does not read: another
    script ("Кто победил?"), or another language in letters it reads ("¿Quién ganó?"). (Not a
    message that only calls the bot or someone: "/ask", "@alice".)"""
    text = strip_address(question)
    return any(c.isalpha() and not fold(c) for c in text) or unread(text)


def absent_line(question: str, *, language: str | None = None, near: bool = False) -> str:
    """Say the article does not answer this, echoing a wh-question as indirect speech.

    A question that would not read well echoed ("what about X?", an inverted French verb) gets
    a plain line instead. `near`: a fact came close, so, but for a yes/no question, the line
    says the answer cannot be found rather than that the article lacks it.
    """
    asked = " ".join(printable(strip_address(question)).split()).rstrip(" ?？!.")
    folded = fold(asked)
    language = language or lang.language_of(folded)
    lines = _DECLINES[language]
    words = asked.split()
    # A yes/no question the article does not bear out ("were five civilians killed?") may be
    # one it says otherwise: not "that isn't covered".
    is_polar = polar(lang.words_of(folded))
    if near and not is_polar:
        return lines["not-found"]
    plain = lines["absent-polar" if is_polar else "absent-plain"]
    if not asked or len(asked) > 160 or len(words) < 2 or fold(words[0]) not in lang.QUESTION_WORDS:
        return plain
    if len(asked_parts(question)) > 1 or "?" in asked or "？" in asked:
        # (Several questions read as one do not echo as one: "doesn't say who won the battle
        # and who commanded the MNLA" says the article lacks who won.)
        return plain
    if _ASKS_ABOUT.match(folded):
        return plain
    lead = asked[0].lower() + words[0][1:]
    rest = words[1:]
    if language == "fr":
        # "qui commandait le MNLA ?" -> "ne dit pas qui commandait le MNLA"; an inverted verb
        # ("quand a-t-il ...") would need its words put back in order.
        if any(ending in folded for ending in lang.FRENCH_INVERSION):
            return plain
        return lines["absent"].format(asked=f"{lead} {' '.join(rest)}")
    copula = rest[0].lower() in lang.COPULAS
    # ("why was Ber important strategically": not "why Ber important strategically was".)
    placed = fold(words[0]) not in lang.REASON_QUESTION_WORDS
    if copula and placed and len(rest) > 1 and not any(_verb_form(word) for word in rest[1:]):
        # "what is the capital of France" -> "what the capital of France is"; not "why was the
        # battle started ..." nor "where was he born", whose copula belongs to a verb.
        return lines["absent"].format(asked=f"{lead} {' '.join(rest[1:])} {rest[0].lower()}")
    # "who did...", "what kind of planes did...", "how long after the battle were they
    # released", "how far is Ber from Timbuktu": no indirect speech without putting the verb
    # back in its place. (Up to a clause of its own: "... the fighters that were captured".)
    own = takewhile(lambda w: fold(w) not in _CLAUSE_OPENERS, rest)
    if any(_auxiliary(word) or word.lower() in lang.COPULAS for word in own):
        return f"The article doesn't answer “{asked}?”"
    return lines["absent"].format(asked=f"{lead} {' '.join(rest)}")


def _auxiliary(word: str) -> bool:
    """Return whether a word is an auxiliary, negated or not ("did", "didn't", "wasn't")."""
    word = word.lower()
    return word in _AUXILIARIES or word.endswith(lang.NEGATED) or word in lang.NEGATED_UNMARKED


def _verb_form(word: str) -> bool:
    """Return whether a word reads as a verb's participle or past form ("started", "born")."""
    if word.lower() in lang.VERB_FORMS:
        return True
    # A capitalised word is a name ("Sweden", "Ahmed"), whatever its ending.
    return word[:1].islower() and bool(_PARTICIPLE.search(word))


def shown(question: str) -> str:
    """Return a question as offered to a reader: opening with a capital, as a curator may not
    have written it ("quand le MAA a-t-il quitté Ber ?")."""
    return question[:1].upper() + question[1:]


def each_answer(reply: Reply) -> list[tuple[Reply, tuple[Citation, ...]]]:
    """Return a reply's answers (itself, then those of `also`), each with the citations to show
    under it: its own, less those an answer before it already showed."""
    shown_before: set[Citation] = set()
    answers = []
    for answer in (reply, *reply.also):
        answers.append((answer, tuple(c for c in answer.citations if c not in shown_before)))
        shown_before.update(answer.citations)
    return answers


def unanswered_text(reply: Reply) -> str:
    """Return the line saying which of a message's questions found no answer (its other
    questions did: `Reply.unanswered`), each quoted, in the message's language; "" when
    none."""
    line, quote, joining = _UNANSWERED[question_language(reply.question)]
    quoted = []
    for part in reply.unanswered:
        asked = " ".join(printable(part.question).split())
        if len(asked) > _QUOTED_PART:
            asked = asked[: _QUOTED_PART - 1].rstrip() + "…"
        if asked:
            quoted.append(quote.format(asked))
    return line.format(asked=joining.join(quoted)) if quoted else ""


def render_text(reply: Reply) -> str:
    """Render a reply as plain text: the answer, then each cited sentence with its section
    (and for a message asking several questions, which found no answer)."""
    lines = []
    for answer, citations in each_answer(reply):
        lines.append(answer.text)
        lines.extend(f"  “{c.text}” ({c.section})" for c in citations)
    if unanswered := unanswered_text(reply):
        lines.append(unanswered)
    if reply.suggestions:
        lines.extend(f"  {number}. {shown(q)}" for number, q in enumerate(reply.suggestions, 1))
    return "\n".join(lines)


def render_debug(reply: Reply) -> str:
    """Render the engine's decision for a curator: fact, score, runner-up and outcome (and so
    for each other question of a message asking several)."""
    return "\n".join(
        [
            _debug(reply),
            *(
                f"[{'also' if a.answered else 'unanswered'} “{a.question.strip()}”]\n{_debug(a)}"
                for a in sorted((*reply.also, *reply.unanswered), key=lambda a: a.place)
            ),
        ]
    )


def _debug(reply: Reply) -> str:
    """Render one answer's decision (`render_debug`)."""
    runner = reply.runner_up
    runner_text = f"{runner.fact_id} ({runner.score:.3f})" if runner else "none"
    topic = "on-topic" if reply.on_topic else "off-topic"
    kind = "quoted sentence" if reply.quoted else (reply.fact_id or "-")
    line = (
        f"[{reply.outcome.value}: {kind}, score {reply.confidence:.3f}, "
        f"runner-up {runner_text}, {topic}]"
    )
    moved = ", ".join(f"{s.name} x{s.factor:.2f} ({s.reason})" for s in reply.signals)
    threshold = f"threshold {reply.threshold:.2f}" if reply.threshold else ""
    judged = (
        "verdict {} (floor {})".format(*_apart(*reply.verdict, "{:.%df}", 2))
        if reply.verdict
        else ""
    )
    parts = (f"reason {reply.reason.value}", threshold, judged, moved)
    why = "; ".join(part for part in parts if part)
    view = reply.opinion
    if view is None:
        return f"{line}\n[{why}]"
    second = (
        f"[second opinion: {view.fact} {view.probability:.2f}, "
        f"likelier {view.best} {view.best_probability:.2f}]"
    )
    return f"{line}\n[{why}]\n{second}"


NOTHING_TO_EXPLAIN = (
    "There's no answer of mine to explain yet. Reply /why to one of my answers, "
    "or send it right after one."
)
"""What /why says when there is no answer to explain."""


def _apart(value: float, bar: float, form: str, digits: int) -> tuple[str, str]:
    """Return a figure and the bar it is held against, written (`form`, with the number of
    digits to fill in) with as many digits as it takes to show them apart when they differ:
    "0.448 under 0.45", not "0.45 under 0.45"."""
    while True:
        shown = form % digits
        written = shown.format(value), shown.format(bar)
        if written[0] != written[1] or value == bar or digits >= 4:
            return written
        digits += 1


def render_why(reply: Reply, pack: Pack) -> list[str]:
    """Explain in plain words why the engine replied as it did, with the figures it reports:
    the score, the threshold it had to reach, the runner-up and the signals that moved it; and
    so for each other question of a message asking several."""
    lines = _why(reply, pack)
    for answer in sorted((*reply.also, *reply.unanswered), key=lambda a: a.place):
        lines.append(f"Your message also asked “{answer.question.strip()}”:")
        lines.extend(_why(answer, pack))
    return lines


def _why(reply: Reply, pack: Pack) -> list[str]:
    """Explain one answer (`render_why`)."""
    runner = reply.runner_up
    title = pack.article.title
    score, bar = _apart(reply.confidence, reply.threshold, "{:.%df}", 2)
    lines: list[str]
    if reply.reason is Reason.NEXT:
        lines = [
            "You asked what happened next: this is what the article tells after my last answer."
        ]
    elif reply.reason is Reason.ASKED_OF_LAST:
        lines = [
            "You asked when, and my last answer does not say it: this is the fact that does, "
            "from the same sentence of the article."
        ]
    elif reply.reason is Reason.MORE:
        lines = [
            "You asked for more: this is what the article says next, after the sentences my "
            "answers so far have quoted."
        ]
    elif reply.reason is Reason.PICKED:
        lines = ["You typed the number of one of the questions I offered: this is its answer."]
    elif reply.reason is Reason.REPEATED:
        lines = ["You asked who said it: my last answer again, which says who."]
    elif reply.reason is Reason.UNSOURCED:
        lines = [
            "You asked who said it: the article tells my last answer in its own words, naming "
            "no one for it."
        ]
    elif reply.reason is Reason.CONFIRMED:
        lines = ["You doubted my last answer: it again, with the article's own words it rests on."]
    elif reply.reason is Reason.CORRECTED:
        lines = [
            "Your question took as given something the article says otherwise, "
            "so I answered with what it says."
        ]
    elif reply.reason is Reason.QUOTED:
        quoted = (
            "one sentence of the article holds nearly all of its words "
            f"(confidence {score}), so I quoted it."
        )
        if runner is not None and runner.score >= reply.threshold:
            # (Scored enough, but level with another or judged unlikely to answer it.)
            return [
                f"No fact stood clear as the answer, but {quoted}",
                f"The closest fact, “{runner.question}”, scored {runner.score:.2f}, above the "
                f"{bar} an answer needs, but not clearly enough to be the answer.",
            ]
        lines = [f"No fact I know covers the question, but {quoted}"]
        if runner is not None:
            lines.append(
                f"The closest fact, “{runner.question}”, scored {runner.score:.2f}, "
                f"below the {bar} an answer needs."
            )
        return lines
    elif reply.reason is Reason.SECTION:
        return [
            "Your message named one of the article's sections and asked nothing else of it, "
            "so I offered the questions that section answers."
        ]
    elif reply.outcome is Outcome.ANSWER:
        fact = pack.fact(reply.fact_id) if reply.fact_id is not None else None
        matched = f"the fact “{fact.questions[0]}”" if fact is not None else "a fact"
        if reply.reason is Reason.SECONDED and reply.opinion is not None and runner is not None:
            view = reply.opinion
            return [
                f"I answered with {matched}. Your question matched “{runner.question}” "
                f"better ({runner.score:.2f} against {score}), but read letter by letter it "
                f"looks much more like the one I answered (likelihood "
                f"{view.best_probability:.2f}) than like that one ({view.probability:.2f}), "
                f"and the one I answered scored above the {bar} an answer needs itself."
            ]
        if reply.reason is Reason.RECOGNISED and reply.opinion is not None:
            likely = percent(reply.opinion.probability)
            lines = [
                f"I answered with {matched}: your question matched it with a score of {score}, "
                f"under the {bar} an answer needs, and no other fact scored enough to offer; "
                "but read letter by letter it looks most like that fact's questions "
                f"({likely} likely), more than like any other fact's or like a question the "
                "article does not answer."
            ]
        elif reply.reason is Reason.CLOSE and reply.verdict is not None:
            likely, floor = _apart(*reply.verdict, "{:.%d%%}", 0)
            lines = [
                f"I answered with {matched}: your question matched it with a score of "
                f"{score}, a little under the {bar} an answer needs, but judged on everything "
                f"the ranking saw it is {likely} likely to answer what you "
                f"asked, which answers a score so close (from {floor})."
            ]
        else:
            lines = [
                f"I answered with {matched}: your question matched it with a score of {score}, "
                f"and an answer needs {bar}."
            ]
        if runner is not None:
            lines.append(f"The runner-up, “{runner.question}”, scored {runner.score:.2f}.")
        else:
            lines.append("No other fact came close.")
        if reply.reason is Reason.LIKELIEST and reply.verdict is not None:
            likely, floor = _apart(*reply.verdict, "{:.%d%%}", 0)
            lines.append(
                "That lead is too small to answer on (it must hold without the classifier's "
                f"share too), but judged on everything the ranking saw it is "
                f"{likely} likely to answer what you asked, which answers without "
                f"a clear lead (from {floor})."
            )
        if reply.verdict is not None and reply.reason not in (Reason.CLOSE, Reason.LIKELIEST):
            likely, floor = _apart(*reply.verdict, "{:.%d%%}", 0)
            lines.append(
                f"Judged on everything the ranking saw, it is {likely} likely to answer "
                f"what you asked (an answer needs {floor})."
            )
    elif reply.reason in (Reason.UNLIKELY, Reason.LIKE_UNANSWERED) and reply.verdict is not None:
        likely, floor = _apart(*reply.verdict, "{:.%d%%}", 0)
        best = f"“{shown(reply.suggestions[0])}”" if reply.suggestions else "the best match"
        judged = (
            f"and judged on everything the ranking saw it is {likely} likely to answer what "
            f"you asked (an answer needs {floor}); but the second opinion finds your question "
            "likelier one of those the article does not answer than one asked of any fact"
            if reply.reason is Reason.LIKE_UNANSWERED
            else "but judged on everything the ranking saw (its lead, what your question has "
            "that the fact lacks, the second opinion, and how much your question looks like "
            f"those the article does not answer) it is only {likely} likely to answer what "
            f"you asked, under the {floor} an answer needs"
        )
        lines = [
            f"I wasn't sure: {best} scored {score}, above the {bar} an answer needs, {judged}, "
            "so I asked which you meant."
        ]
        if runner is not None:
            lines.append(f"The runner-up, “{runner.question}”, scored {runner.score:.2f}.")
    elif reply.reason is Reason.ALREADY_TOLD:
        best = f"“{shown(reply.suggestions[0])}”" if reply.suggestions else "the best match"
        lines = [
            f"Your message already tells what {best} answers (confidence {score}) and asks what "
            "came after it, so I did not give it as the answer, and asked which you meant."
        ]
    elif reply.reason is Reason.DISPUTED and reply.opinion is not None:
        view = reply.opinion
        chosen, other = pack.fact(view.fact), pack.fact(view.best)
        chosen_text = f"“{chosen.questions[0]}”" if chosen is not None else "the best match"
        other_text = f"“{other.questions[0]}”" if other is not None else "another fact"
        lines = [
            f"I wasn't sure: {chosen_text} scored {score} and an answer needs {bar}, but read "
            f"letter by letter your question looks more like {other_text} (likelihood "
            f"{view.best_probability:.2f}) than like it ({view.probability:.2f}), "
            "so I asked which you meant."
        ]
        if runner is not None:
            lines.append(f"The runner-up, “{runner.question}”, scored {runner.score:.2f}.")
    elif reply.outcome is Outcome.SUGGEST:
        best = f"“{shown(reply.suggestions[0])}”" if reply.suggestions else "the best match"
        if reply.confidence >= reply.threshold:
            close = f"above the {bar} an answer needs, but too close to the runner-up"
        else:
            close = f"below the {bar} an answer needs"
        lines = [f"I wasn't sure: {best} scored {score}, {close}, so I asked which you meant."]
        if runner is not None:
            lines.append(f"The runner-up, “{runner.question}”, scored {runner.score:.2f}.")
    elif reply.reason is Reason.EMPTY:
        if not_read(reply.question):
            return ["Your message was not in English or French, the languages I read."]
        return ["There was no question in that message to answer."]
    elif reply.reason is Reason.NO_STORY:
        return ["The article tells nothing more after my previous answer."]
    elif reply.reason is Reason.NOTHING_TO_CONFIRM:
        return ["You doubted my last answer, but I had given none to stand by."]
    elif reply.reason is Reason.OFF_TOPIC:
        lines = [f"It didn't look like a question about the {title}: no fact shares its words."]
        if runner is not None:
            lines[0] = (
                f"It didn't look like a question about the {title}: the closest fact, "
                f"“{runner.question}”, scored only {runner.score:.2f}."
            )
        return lines
    else:
        lines = ["Nothing in the article answers it."]
        if runner is not None:
            bar_text = f", below the {bar} an answer needs" if reply.threshold else ""
            lines = [
                f"Nothing in the article answers it: the closest fact, “{runner.question}”, "
                f"scored {runner.score:.2f}{bar_text}."
            ]
    moved = reply.signals
    if moved:
        lines.append(
            "What moved the score: "
            + "; ".join(f"{s.reason} (×{s.factor:.2f}, {s.name})" for s in moved)
            + "."
        )
    elif reply.reason in SCORED and reply.outcome is Outcome.ANSWER:
        lines.append(
            "No signal moved the score: it is how closely your words match the fact's phrasings."
        )
    return lines


def as_json(reply: Reply) -> dict[str, Any]:
    """Return the `ask --json` record for a reply (the contract outside evaluation reads)."""
    # A quoted sentence is the answer itself, after the line that says no fact covers it.
    quoted = f"{reply.text} {reply.citations[0].text}" if reply.quoted and reply.citations else ""
    answers = each_answer(reply)
    return {
        "question": reply.question,
        "answered": reply.answered,
        # (A message asking several questions: each answer on a line of its own.)
        # (Not the line naming the questions found no answer: it quotes the reader's words,
        # which no answer says.)
        "answer": quoted or "\n".join(a.text for a, _ in answers),
        "citations": [
            {"section": c.section, "text": c.text} for _, cited in answers for c in cited
        ],
        "confidence": reply.confidence,
        "suggestions": list(reply.suggestions),
    }


def render_html(reply: Reply, source: Source, *, with_suggestions: bool = True) -> str:
    """Render a reply as Telegram HTML: bold answer, cited sentences quoted with linked sections."""
    unanswered = unanswered_text(reply)
    footer = f"<i>{escape(unanswered)}</i>" if unanswered else ""
    room = TELEGRAM_LIMIT - len(f"<b></b>\n{CUT_MARK}\n{footer}")
    parts = [f"<b>{_escape_within(reply.text, room)}</b>"]
    for number, (answer, citations) in enumerate(each_answer(reply)):
        if number:
            parts.append(f"<b>{escape(answer.text)}</b>")
        for citation in citations:
            url = escape(source.section_url(citation.section))
            link = f'<a href="{url}">{escape(citation.section)}</a>'
            parts.append(f"<blockquote>{escape(citation.text)}\n— {link}</blockquote>")
    if with_suggestions and reply.suggestions:
        parts.append("\n".join(f"• {escape(shown(q))}" for q in reply.suggestions))
    return fit_html(parts, footer=footer)


def fit_html(parts: list[str], *, footer: str = "") -> str:
    """Join HTML blocks, dropping whole trailing blocks so the message stays within the limit,
    and marking where they were dropped (`CUT_MARK`); a footer is kept last, whatever is
    dropped.

    The first block must fit on its own (with the mark and the footer).
    """
    tail = [footer] if footer else []
    kept = parts[:1]
    for part in parts[1:]:
        if len("\n".join([*kept, part, *tail])) > TELEGRAM_LIMIT:
            while len(kept) > 1 and len("\n".join([*kept, CUT_MARK, *tail])) > TELEGRAM_LIMIT:
                kept.pop()
            kept.append(CUT_MARK)
            break
        kept.append(part)
    return "\n".join([*kept, *tail])


def _escape_within(text: str, limit: int) -> str:
    """Escape text for HTML, cutting it (and marking the cut) so the result fits in `limit`."""
    escaped = escape(text)
    if len(escaped) <= limit:
        return escaped
    # Escaping works character by character, so cutting the overflow's length always converges.
    budget = limit - 1
    while len(escape(text)) > budget:
        text = text[: len(text) - (len(escape(text)) - budget)]
    return escape(text) + "…"
