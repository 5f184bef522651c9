"""The README's examples are true: its conversation replays, its commands exist."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

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
    variables = set(re.findall(r'env, "([A-Z_]+)"', source)) - {"XDG_DATA_HOME", "XDG_CACHE_HOME"}
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


def test_the_curator_workflow_runs_as_the_readme_writes_it(tmp_path: Path) -> None:
    """init, check, console, eval --save/--compare and unanswered, on a new article's pack, with
    the commands of the README's curator section."""
    festival = ROOT / "tests" / "packs" / "lantern-festival"
    pack, questions = tmp_path / "pack", str(festival / "questions.yaml")
    data = {"BERBOT_DATA_DIR": str(tmp_path / "data")}
    source = ["--url", "https://example.org/wiki/Lantern", "--licence", "CC BY-SA 4.0"]

    # 1. Start a pack: every fact a draft.
    init = run_bot("pack", "init", str(festival / "article.txt"), str(pack), *source)
    assert init.returncode == 0, init.stderr
    # 2. Check it: accepted, drafts counted; --strict fails while any is left.
    check = run_bot("check", "--knowledge", str(pack))
    assert check.returncode == 0, check.stdout[-2000:]
    assert re.search(r"\n\d+ draft facts \(draft: true\) to review: ", check.stdout)
    assert run_bot("check", "--strict", "--knowledge", str(pack)).returncode == 1
    # 3. Try it: the banner names the pack, draft answers are marked, a number asks a suggestion,
    # and what it could not answer is recorded.
    console = run_bot(
        "console",
        "--knowledge",
        str(pack),
        "--debug",
        stdin="who founded the festival?\nwho is the mayor of Ashwick?\n1\n",
        env=data,
    )
    assert console.returncode == 0, console.stderr
    assert console.stdout.startswith(
        f"Ask me about the Ashwick Lantern Festival, from pack {pack} ("
    )
    turns = console.stdout.split("you> ")[1:]
    assert "(draft fact: readers on Telegram are not shown it" in turns[0]
    assert "Margit Sallow" in turns[0]
    assert "\n  1. " in turns[1]
    assert turns[2].startswith("1\n(") and "score" in turns[2]
    # 4. See what an edit changes.
    before = tmp_path / "before.json"
    saved = run_bot("eval", questions, "--knowledge", str(pack), "--save", str(before))
    assert saved.returncode == 0 and before.exists()
    (pack / "facts" / "budget.yaml").write_text(
        "- id: budget\n"
        "  answer: The Trust has not disclosed the festival's total budget.\n"
        "  cite:\n"
        "  - The Trust has not disclosed the festival's total budget.\n"
        "  questions:\n"
        "  - how big is their budget\n"
        "  - how much does it cost to put the festival on\n",
        encoding="utf-8",
    )
    compared = run_bot("eval", questions, "--knowledge", str(pack), "--compare", str(before))
    assert compared.returncode == 0, compared.stderr
    assert re.search(
        rf"compared with {re.escape(str(before))}: \d+ questions? changed", compared.stdout
    )
    assert "now: answer budget (right)" in compared.stdout
    # 5. Read what readers asked, draft facts for it, and back to check.
    listed = run_bot("unanswered", "--knowledge", str(pack), env=data)
    assert listed.returncode == 0, listed.stderr
    assert "who is the mayor of Ashwick?" in listed.stdout
    assert "closest article sentences" in listed.stdout
    drafted = run_bot("unanswered", "--draft", "--knowledge", str(pack), env=data)
    assert "- who is the mayor of Ashwick?" in drafted.stdout
    (pack / "facts" / "drafts.yaml").write_text(drafted.stdout, encoding="utf-8")
    again = run_bot("check", "--knowledge", str(pack))
    assert again.returncode == 0, again.stdout[-2000:] + again.stderr
