"""What the bot shows: texts, keyboards, replies as Telegram HTML, and inline results."""

from __future__ import annotations

import hashlib
from html import escape
from typing import TYPE_CHECKING

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)
from telegram.constants import ParseMode

from bot.knowledge import Fact, Pack, Source
from bot.matching import Context, Outcome, Reply
from bot.replies import TELEGRAM_LIMIT, render_html, render_why, shown
from bot.tgbot.buttons import Buttons

if TYPE_CHECKING:
    from bot.tgbot.runtime import Runtime

SUGGESTION_BUTTONS = 3
INLINE_RESULTS = 5

FLOOD_NOTICE = "You're asking faster than I can keep up. Give me half a minute, then ask again."
STALE_BUTTON = "That button is out of date. Send /topics or ask me again."
UNKNOWN_COMMAND = "I don't know that command. Try /help or /topics, or just type a question."
APOLOGY = "Sorry, something went wrong with that one. Please try again."
NO_QUIZ = "I have no quiz to offer: no fact here has an answer of a kind I can quiz on."
NOTHING_FOUND = "Nothing found: tap to see what I can answer"
NOTHING_FOUND_START = "_found-nothing"
"""The deep link the "nothing found" button opens: no fact's, so it gets the welcome."""
SHARE_LABEL = "Link to this answer"
SECTION_LABELS = {"Infobox": "Key facts", "Lead": "Overview"}


def label(text: str, limit: int = 120) -> str:
    """Return text cut to `limit` characters with an ellipsis, for a button or a title."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def keyboard(rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """Return one button a row, from (text, callback data) pairs."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label(text), callback_data=data)] for text, data in rows]
    )


def reply_html(reply: Reply, source: Source, *, with_suggestions: bool = True) -> str:
    """Render a reply as Telegram HTML that always fits in one message."""
    return render_html(reply, source, with_suggestions=with_suggestions)


def share_url(username: str, payload: str) -> str:
    """Return the deep link that opens a private chat with the bot on /start <payload>."""
    return f"https://t.me/{username}?start={payload}"


def with_link(html: str, reply: Reply, buttons: Buttons, pack: Pack, username: str | None) -> str:
    """Add to an answer's HTML the deep link that answers its fact again, when it fits."""
    fact = pack.fact(reply.fact_id) if reply.answered and reply.fact_id is not None else None
    if fact is None or not username:
        return html
    link = f'<a href="{escape(share_url(username, buttons.link(fact)))}">{SHARE_LABEL}</a>'
    joined = f"{html}\n{link}"
    return joined if len(joined) <= TELEGRAM_LIMIT else html


def render_reply(
    reply: Reply, pack: Pack, buttons: Buttons, *, username: str | None = None
) -> tuple[str, InlineKeyboardMarkup | None]:
    """Render a reply as Telegram HTML, with its suggestions as "did you mean" buttons and, for
    an answer, the link that shares it."""
    suggested = reply.suggestions[:SUGGESTION_BUTTONS]
    facts = [buttons.by_question.get(q) for q in suggested]
    offered = [(q, f) for q, f in zip(suggested, facts, strict=True) if f is not None]
    if not offered or len(offered) != len(facts):
        return with_link(reply_html(reply, pack.source), reply, buttons, pack, username), None
    text = reply_html(reply, pack.source, with_suggestions=False)
    text = with_link(text, reply, buttons, pack, username)
    return text, keyboard([(shown(q), buttons.answer(f)) for q, f in offered])


def why_text(reply: Reply, pack: Pack) -> str:
    """Return /why's explanation of a reply as Telegram HTML."""
    first, *rest = render_why(reply, pack)
    return "\n".join([f"<b>{escape(first)}</b>", *(escape(line) for line in rest)])


def fact_reply(fact: Fact) -> Reply:
    """Return the reply that answers one fact, as if its canonical question had been asked."""
    return Reply(
        question=fact.questions[0],
        outcome=Outcome.ANSWER,
        text=fact.answer,
        citations=fact.citations,
        confidence=1.0,
        fact_id=fact.id,
        on_topic=True,
        context=Context(entities=fact.about, fact_id=fact.id),
    )


def start_text(pack: Pack) -> str:
    """Return the greeting: what the bot is and how to ask."""
    title = escape(pack.article.title)
    return (
        f"<b>I answer questions about the {title}</b>, quoting the Wikipedia article's own "
        "sentences.\nAsk in your own words, or try one of these. /topics lists everything I know."
    )


def help_text(pack: Pack, username: str) -> str:
    """Return how to ask, in private chats, groups and inline."""
    bot = escape(f"@{username}")
    title = escape(pack.article.title)
    return "\n".join(
        [
            f"<b>Ask me anything about the {title}.</b> Every answer quotes the article.",
            "Here, just type a question, e.g. <i>Who won?</i> Follow-ups such as "
            "<i>and when did they leave?</i> continue the conversation.",
            f"In groups: <code>/ask your question</code>, mention me ({bot} your question), "
            "or reply to one of my answers.",
            f"In any chat: type <code>{bot} your question</code> to pick and share an answer.",
            "/quiz a quiz question from the article, here or in a group",
            "/why why I answered as I did: reply it to an answer, or send it right after one",
            "/topics browse what I know, by section",
            "/about the article, its source and licence",
        ]
    )


def about_text(pack: Pack) -> str:
    """Return the article's title, source link and licence."""
    source = pack.source
    return "\n".join(
        [
            f"<b>{escape(source.title)}</b>",
            f'Everything I say comes from the <a href="{escape(source.url)}">'
            f"{escape(source.publisher)} article</a>.",
            f'Licence: <a href="{escape(source.licence_url)}">{escape(source.licence)}</a>',
            f"<i>{escape(source.notice)}</i>",
        ]
    )


def usage_text(example: str) -> str:
    """Return the one-line hint for an /ask without a question."""
    return f"Put your question after the command, e.g. <code>/ask {escape(example)}</code>"


def private_usage_text(example: str) -> str:
    """Return the hint for a blank message in a private chat, where any text is a question."""
    return f"Just type your question here, e.g. <i>{escape(example)}</i>"


def non_text_hint(pack: Pack) -> str:
    """Return the hint for stickers, photos and voice messages in a private chat."""
    return f"I can only read text. Ask me a question about the {escape(pack.article.title)}."


def starters_view(runtime: Runtime) -> tuple[str, InlineKeyboardMarkup]:
    """Return the /start message: the greeting, with three example questions as buttons."""
    buttons = runtime.buttons
    starters = [f for q in runtime.engine.starters() if (f := buttons.by_question.get(q))]
    rows = [(f.questions[0], buttons.ask(f)) for f in starters[:3]]
    return start_text(runtime.engine.pack), keyboard(rows)


def sections_view(buttons: Buttons) -> tuple[str, InlineKeyboardMarkup]:
    """Return the /topics message: one button per section."""
    rows = [
        (f"{SECTION_LABELS.get(name, name)} ({len(facts)})", buttons.section(index))
        for index, (name, facts) in enumerate(buttons.sections)
    ]
    return "<b>What I know, by section.</b> Pick one to see its questions.", keyboard(rows)


def section_view(buttons: Buttons, index: int) -> tuple[str, InlineKeyboardMarkup]:
    """Return one section's questions as buttons, and a way back to the sections."""
    name, facts = buttons.sections[index]
    # Telegram allows 100 buttons in a keyboard; keep room for the way back.
    rows = [(f.questions[0], buttons.ask(f)) for f in facts[:99]]
    rows.append(("« All sections", buttons.all_sections()))
    title = escape(SECTION_LABELS.get(name, name))
    return f"<b>{title}</b>: pick a question.", keyboard(rows)


def inline_results(
    runtime: Runtime, query: str, username: str | None = None
) -> tuple[list[InlineQueryResultArticle], Reply | None]:
    """Return up to five inline answers for a query, best first, and the engine's reply when it
    was asked: none for a query the bot would decline."""
    pack = runtime.engine.pack
    buttons = runtime.buttons
    text = query.strip()
    if not text:
        starters = [f for q in runtime.engine.starters() if (f := buttons.by_question.get(q))]
        return _fact_results([], starters, runtime, username), None
    reply = runtime.engine.answer(text)
    results: list[InlineQueryResultArticle] = []
    if reply.answered and reply.fact_id is None:
        quote = reply.citations[0].text if reply.citations else reply.text
        digest = hashlib.blake2b(quote.encode(), digest_size=12).hexdigest()
        results.append(
            _article(f"x{digest}", label(text, 100), quote, reply_html(reply, pack.source))
        )
    offered = runtime.engine.offers(reply, limit=INLINE_RESULTS)
    facts = [f for c in offered if (f := pack.fact(c.fact_id)) is not None]
    return _fact_results(results, facts, runtime, username), reply


def nothing_found() -> InlineQueryResultsButton:
    """Return the button shown above no results: it opens a private chat with the bot."""
    return InlineQueryResultsButton(text=NOTHING_FOUND, start_parameter=NOTHING_FOUND_START)


def _fact_results(
    results: list[InlineQueryResultArticle],
    facts: list[Fact],
    runtime: Runtime,
    username: str | None,
) -> list[InlineQueryResultArticle]:
    """Add one result per distinct fact to `results`, up to five in all, and return them."""
    pack, buttons = runtime.engine.pack, runtime.buttons
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen or len(results) >= INLINE_RESULTS:
            continue
        seen.add(fact.id)
        reply = fact_reply(fact)
        html = with_link(reply_html(reply, pack.source), reply, buttons, pack, username)
        url = share_url(username, buttons.link(fact)) if username else None
        results.append(
            _article(buttons.ask(fact)[2:], fact.questions[0], fact.answer, html, url=url)
        )
    return results


def _article(
    result_id: str, title: str, description: str, html: str, *, url: str | None = None
) -> InlineQueryResultArticle:
    return InlineQueryResultArticle(
        id=result_id,
        title=title,
        description=label(description, 120),
        input_message_content=InputTextMessageContent(html, parse_mode=ParseMode.HTML),
        url=url,
    )
