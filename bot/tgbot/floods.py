"""Flood limiting: past a few questions in half a minute, one notice, then quiet for a while."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum

FLOOD_LIMIT = 10
"""Questions a user may ask within FLOOD_WINDOW seconds before the bot goes quiet for them."""
FLOOD_WINDOW = 30.0
"""Seconds over which questions are counted, and how long a flooding user is ignored."""


class Admission(StrEnum):
    """What to do with a user's next question."""

    ALLOW = "allow"
    NOTICE = "notice"
    SILENT = "silent"


class FloodLimiter:
    """Count each user's questions in a sliding window; past the limit, one notice, then quiet."""

    def __init__(
        self,
        *,
        limit: int = FLOOD_LIMIT,
        window: float = FLOOD_WINDOW,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._quiet_until: dict[int, float] = {}

    def check(self, user_id: int) -> Admission:
        """Count one question from this user and say whether to answer it."""
        now = self._clock()
        until = self._quiet_until.get(user_id)
        if until is not None:
            if now < until:
                return Admission.SILENT
            del self._quiet_until[user_id]
            self._recent.pop(user_id, None)
        recent = self._recent.setdefault(user_id, deque())
        while recent and now - recent[0] >= self.window:
            recent.popleft()
        if len(recent) >= self.limit:
            self._quiet_until[user_id] = now + self.window
            return Admission.NOTICE
        recent.append(now)
        if len(self._recent) > 10_000:
            self._forget_idle(now)
        return Admission.ALLOW

    def _forget_idle(self, now: float) -> None:
        idle = [
            u for u, times in self._recent.items() if not times or now - times[-1] >= self.window
        ]
        for user_id in idle:
            del self._recent[user_id]
