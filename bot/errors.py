"""The one base of every expected failure, so the command line can report them alike."""

from __future__ import annotations


class BotError(Exception):
    """An expected failure: the command line prints `label` and the message, then exits."""

    label = "Error"
    """What kind of failure, as the command line introduces it."""
    exit_status = 1
    """The command line's exit status for it."""
