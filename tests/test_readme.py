"""The README's examples are true: its conversation replays, its commands exist."""

from __future__ import annotations

import json
import re
import shlex

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


def test_ask_json_examples_are_what_ask_writes() -> None:
    block = re.search(r"```console\n(\$ python -m bot ask --json .*?)```", README, re.S)
    assert block is not None
    lines = block[1].splitlines()
    assert len(lines) >= 4
    for command, shown in zip(lines[::2], lines[1::2], strict=True):
        question = shlex.split(command)[-1]
        done = run_bot("ask", "--json", question, check=True)
        assert json.loads(done.stdout) == json.loads(shown)
        assert done.stdout == shown + "\n"


def test_quick_start_activates_the_environment_the_later_commands_need() -> None:
    """Later sections say `python -m bot ...`: the Quick start activates the virtual environment
    before its first bare `pip` or `python`, and says how to in a new shell."""
    section = README[README.index("## Quick start") : README.index("## Commands")]
    for block in re.findall(r"```sh\n(.*?)```", section, re.S):
        steps = [step.strip() for step in block.replace("\n", " ").split("&&")]
        bare = [i for i, step in enumerate(steps) if re.match(r"(pip|python|berbot)\b", step)]
        assert bare, block
        assert ". .venv/bin/activate" in steps[: bare[0]], block
    assert "in a new shell, run `. .venv/bin/activate` first" in " ".join(section.split())
    later = README[README.index("## Commands") :]
    assert re.search(r"^python -m bot ", later, re.M)


def test_curator_section_walks_one_workflow_in_order() -> None:
    section = README[README.index("## Curating a pack") :]
    section = section[: section.index("\n## ")]
    steps = [
        "python -m bot pack init ARTICLE.txt DIR",
        "python -m bot check --knowledge DIR",
        "python -m bot console --knowledge DIR",
        "--compare before.json",
        "python -m bot unanswered --knowledge DIR",
    ]
    where = [section.find(step) for step in steps]
    assert -1 not in where and where == sorted(where), where
    assert "--save before.json" in section and "check --strict" in section
