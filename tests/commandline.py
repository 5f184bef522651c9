"""Run the real command line in a subprocess, with no bot settings leaking in from outside."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clean_environ(**values: str) -> dict[str, str]:
    """Return this process's environment without the bot's settings, plus `values`."""
    environ = {
        k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BERBOT_", "LOG_"))
    }
    environ.update(values)
    return environ


REFITTED = "the classifier was refitted on the blind-written questions of train.yaml too"
"""Why a few examples the tests describe flipped: fitted on many more questions, the classifier
weighs their words otherwise (the held-aside questions gained more than these lost)."""


def run_bot(
    *args: str,
    stdin: str = "",
    env: dict[str, str] | None = None,
    cwd: Path = ROOT,
    prefix: tuple[str, ...] = (),
    check: bool = False,
    timeout: float = 60,
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` (after `prefix`, a wrapper command) and return what it printed."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=clean_environ(**(env or {})),
        timeout=timeout,
        check=check,
    )
