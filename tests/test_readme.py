"""The README's examples are true: its conversation replays, its commands exist."""

from __future__ import annotations

import re

from commandline import ROOT, run_bot

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_sample_conversation_is_what_the_console_says() -> None:
    block = re.search(r"```console\n\$ python -m bot console\n(.*?)```", README, re.S)
    assert block is not None
    shown = block[1]
    questions = [line[len("you> ") :] for line in shown.splitlines() if line.startswith("you> ")]
    assert len(questions) >= 4
    done = run_bot(
        "console",
        stdin="\n".join(questions) + "\n",
        env={"BERBOT_RECORD_UNANSWERED": "false"},
        check=True,
    )
    assert done.stdout == shown


def test_every_command_in_the_table_exists() -> None:
    commands = set(re.findall(r"^\| `python -m bot (\w+)", README, re.M))
    assert {"console", "ask", "check", "eval", "run", "unanswered"} <= commands
    done = run_bot("--help", check=True)
    for command in commands:
        assert command in done.stdout


def test_configuration_table_names_every_setting() -> None:
    source = (ROOT / "bot" / "settings.py").read_text(encoding="utf-8")
    variables = set(re.findall(r'env, "([A-Z_]+)"', source)) - {"XDG_DATA_HOME"}
    assert len(variables) >= 12
    table = set(re.findall(r"^\| `([A-Z_]+)` \|", README, re.M))
    assert variables == table
