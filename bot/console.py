"""An interactive console for trying the bot without Telegram."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from bot.conversation import Conversations
from bot.matching import Engine, Reply
from bot.replies import render_debug, render_text

PROMPT = "you> "
YOU = "you"
"""The console's one conversation, kept under this key until /reset; it never times out."""
HISTORY_FILE = Path.home() / ".berbot_history"
HELP = (
    "Ask anything about the article; follow-ups remember the conversation.\n"
    "  /reset  forget the conversation    /debug  show how each answer was chosen\n"
    "  /quit   leave (or Ctrl-D)"
)


def _interactive_lines(prompt: str) -> Iterator[str]:
    with _history():
        while True:
            try:
                yield input(prompt)
            except EOFError:
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
    title = engine.pack.article.title
    out(f"Ask me about the {title}. /help for commands, /quit to leave.")
    lines = _interactive_lines(PROMPT) if interactive else _piped_lines(stream)
    conversation = Conversations()
    for line in lines:
        command = line.strip().lower()
        if not command:
            continue
        if command in ("/quit", "/exit"):
            break
        if command == "/help":
            out(HELP)
            continue
        if command == "/reset":
            conversation.forget(YOU)
            out("(conversation forgotten)")
            continue
        if command == "/debug":
            debug = not debug
            out(f"(debug {'on' if debug else 'off'})")
            continue
        if not interactive:
            out(f"{PROMPT}{line}")
        reply = engine.answer(line, context=conversation.get(YOU))
        conversation.keep(YOU, reply.context)
        if debug:
            out(render_debug(reply))
        out(render_text(reply))
        if on_reply is not None:
            on_reply(reply)
