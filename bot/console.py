"""An interactive console for trying the bot without Telegram."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from bot.conversation import Conversations
from bot.matching import Engine, Reason, Reply
from bot.replies import render_debug, render_text, render_why, shown
from bot.text import printable

PROMPT = "you> "
YOU = "you"
"""The console's one conversation, kept under this key until /reset; it never times out."""
HISTORY_FILE = Path.home() / ".berbot_history"
"""Where the questions typed at the prompt are kept between sessions (up to 1,000)."""
HELP = (
    "Ask anything about the article; follow-ups remember the conversation.\n"
    "  1, 2, 3  ask the suggestion with that number\n"
    "  /why     explain the last reply     /about  the article, its source and licence\n"
    "  /reset   forget the conversation    /debug  show how each answer was chosen (on/off)\n"
    "  /quit    leave (or quit, /exit, Ctrl-D, Ctrl-C)"
)
COMMANDS = ("/help", "/why", "/about", "/reset", "/debug", "/quit", "/exit")
_BARE_COMMANDS = frozenset(("help", "quit", "exit"))
"""Commands also read without their slash."""


def _interactive_lines(prompt: str) -> Iterator[str]:
    with _history():
        while True:
            try:
                yield input(prompt)
            except (EOFError, KeyboardInterrupt):
                # End the prompt's line, so the shell's prompt starts on a line of its own.
                print()
                return


def _piped_lines(stream: TextIO) -> Iterator[str]:
    for line in stream:
        yield line.rstrip("\n")


@contextlib.contextmanager
def _history() -> Iterator[None]:
    """Give `input` line editing and a history kept between sessions, where readline exists."""
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows has no readline
        yield
        return
    with contextlib.suppress(OSError):
        readline.read_history_file(HISTORY_FILE)
    readline.set_history_length(1000)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            readline.write_history_file(HISTORY_FILE)


def _forget_last_line(line: str, interactive: bool) -> None:
    """Leave the line that ends a session ("/quit") out of the history kept between sessions,
    if it went into it (where the output is no terminal, `input` keeps no history)."""
    if not interactive:
        return
    try:
        import readline
    except ImportError:  # pragma: no cover - Windows has no readline
        return
    last = readline.get_current_history_length()
    if last and readline.get_history_item(last) == line:
        readline.remove_history_item(last - 1)


def banner(engine: Engine) -> str:
    """Return the console's first line: what it answers about, and from which pack."""
    pack = engine.pack
    return (
        f"Ask me about the {pack.article.title}, from pack {pack.describe()}. "
        "/help for commands, /quit to leave."
    )


def about(engine: Engine) -> str:
    """Return the article's title, its source and its licence, as plain text."""
    source = engine.pack.source
    return (
        f"{source.title}: everything I say comes from {source.url}\n"
        f"Licence: {source.licence}, {source.licence_url}\n{source.notice}"
    )


def run_console(
    engine: Engine,
    *,
    debug: bool = False,
    stdin: TextIO | None = None,
    out: Callable[[str], None] = print,
    on_reply: Callable[[Reply], None] | None = None,
) -> None:
    """Run a conversation: read questions, print answers, keep context until /reset."""
    stream = stdin or sys.stdin
    interactive = stream.isatty()
    out(banner(engine))
    lines = _interactive_lines(PROMPT) if interactive else _piped_lines(stream)
    conversation = Conversations()
    drafts = {fact.id for fact in engine.pack.drafts}
    last: Reply | None = None
    for line in lines:
        command = line.strip().lower()
        if not command:
            continue
        if not interactive:
            # (Echoed without its control characters: an escape sequence would act on the
            # terminal the transcript is read in.)
            out(f"{PROMPT}{printable(line)}")
        if command.rstrip("!.?") in _BARE_COMMANDS:
            # ("quit", "exit", "help" typed without the slash mean the same: no question
            # about an article is only that word.)
            command = f"/{command.rstrip('!.?')}"
        if command.startswith("/"):
            name = command.split()[0]
            if name in ("/quit", "/exit"):
                _forget_last_line(line, interactive)
                break
            if name == "/help":
                out(HELP)
            elif name == "/why":
                if last is None:
                    out("(nothing to explain yet: ask a question first)")
                else:
                    out("\n".join(render_why(last, engine.pack)))
            elif name == "/about":
                out(about(engine))
            elif name == "/reset":
                conversation.forget(YOU)
                last = None
                out("(conversation forgotten)")
            elif name == "/debug":
                debug = not debug
                out(f"(debug {'on, pack ' + engine.pack.describe() if debug else 'off'})")
            else:
                out(f"(no command {name}: the commands are {', '.join(COMMANDS)})")
            continue
        context = conversation.get(YOU)
        # isdecimal, not isdigit: "²" is a digit that int() cannot read, so it is asked as typed.
        if command.isdecimal():
            # (The engine answers a number picking one of the questions it offered; any other
            # number is told apart here, where the reader can be told what to type.)
            offered = context.offered if context is not None else ()
            if not offered:
                out(f"(no suggestions to choose from: ask a question, not {command})")
                continue
            if not 1 <= int(command) <= len(offered):
                out(f"(choose a suggestion from 1 to {len(offered)})")
                continue
        reply = last = engine.answer(line, context=context)
        conversation.keep(YOU, reply.context)
        if reply.reason is Reason.PICKED:
            out(f"({shown(reply.question)})")
        if debug:
            out(render_debug(reply))
        if any(answer.fact_id in drafts for answer in (reply, *reply.also)):
            out("(draft fact: readers on Telegram are not shown it until `draft: true` is removed)")
        out(render_text(reply))
        if on_reply is not None:
            on_reply(reply)
