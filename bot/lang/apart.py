"""Where a phrase of chatter stands apart from the question it wraps, for the idioms of every
language: at the start of the text or after a punctuation mark, or before one or at the end.
"Seriously, who won?" holds chatter; "how many were seriously wounded?" does not."""

from __future__ import annotations

BEFORE = r"(?:^|(?<=[.!?,;:])|(?<=[.!?,;:] ))"
"""The phrase starts the text, or follows a punctuation mark."""
AFTER = r"(?=\s*[.!?,;:]|\s*$)"
"""The phrase ends the text, or a punctuation mark follows it."""
