"""Button data: what a button asks for, encoded within Telegram's 64 bytes and checked on return."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Literal

from bot.knowledge import Fact, Pack, asked_facts

CALLBACK_DATA_LIMIT = 64
"""Telegram's limit on a button's callback data, in bytes."""
_START_PARAMETER = re.compile(r"[A-Za-z0-9_-]{1,64}")
"""What Telegram allows as a deep link's start parameter."""


@dataclass(frozen=True, slots=True)
class Press:
    """A button press, decoded and checked against the pack."""

    action: Literal["answer", "ask", "section", "sections"]
    """answer: replace the message with the fact's answer; ask: answer in a new message;
    section: list a section's questions; sections: list the sections."""
    fact: Fact | None = None
    """The fact to answer, for answer and ask."""
    section: int | None = None
    """The section's position in Buttons.sections, for section."""


class Buttons:
    """Encode button data within Telegram's 64 bytes and decode it back, rejecting the unknown."""

    def __init__(self, pack: Pack) -> None:
        self._token: dict[str, str] = {}
        self._fact: dict[str, Fact] = {}
        for fact in pack.facts:
            token = fact.id
            if len(f"f:{token}".encode()) > CALLBACK_DATA_LIMIT:
                token = "#" + hashlib.blake2b(fact.id.encode(), digest_size=12).hexdigest()
            self._token[fact.id] = token
            self._fact[token] = fact
        # Deep links name the fact by its id; an id Telegram would not take, by a digest ("_"
        # never appears in a fact id).
        self._link: dict[str, str] = {}
        self._linked: dict[str, Fact] = {}
        for fact in pack.facts:
            payload = fact.id
            if not _START_PARAMETER.fullmatch(payload):
                payload = "_" + hashlib.blake2b(fact.id.encode(), digest_size=12).hexdigest()
            self._link[fact.id] = payload
            self._linked[payload] = fact
        # (Every phrasing: a fact is offered in the language the reader asks in.)
        self.by_question = {q: pack.facts[n] for q, n in asked_facts(pack.facts).items()}
        grouped: dict[str, list[Fact]] = {}
        for fact in pack.facts:
            grouped.setdefault(fact.section, []).append(fact)
        order = [s for s in pack.article.sections if s in grouped]
        order += [s for s in grouped if s not in order]
        self.sections: tuple[tuple[str, tuple[Fact, ...]], ...] = tuple(
            (name, tuple(grouped[name])) for name in order
        )

    def answer(self, fact: Fact) -> str:
        """Return the data of a button that answers this fact in place of its message."""
        return f"f:{self._token[fact.id]}"

    def ask(self, fact: Fact) -> str:
        """Return the data of a button that answers this fact in a new message."""
        return f"q:{self._token[fact.id]}"

    def section(self, index: int) -> str:
        """Return the data of a button that lists one section's questions."""
        return f"s:{index}"

    def all_sections(self) -> str:
        """Return the data of a button that lists the sections."""
        return "t:"

    def link(self, fact: Fact) -> str:
        """Return the start parameter of a deep link that answers this fact."""
        return self._link[fact.id]

    def linked(self, payload: object) -> Fact | None:
        """Return the fact a deep link's start parameter names, or None."""
        return self._linked.get(payload) if isinstance(payload, str) else None

    def decode(self, data: object) -> Press | None:
        """Return what a button's data asks for, or None when it is unknown, stale or forged."""
        if not isinstance(data, str) or len(data.encode()) > CALLBACK_DATA_LIMIT:
            return None
        kind, colon, rest = data.partition(":")
        if not colon:
            return None
        if kind in ("f", "q"):
            fact = self._fact.get(rest)
            if fact is None:
                return None
            return Press("answer" if kind == "f" else "ask", fact=fact)
        if kind == "s":
            if not (rest.isascii() and rest.isdigit()) or int(rest) >= len(self.sections):
                return None
            return Press("section", section=int(rest))
        if kind == "t" and not rest:
            return Press("sections")
        return None
