"""The package as users install it: a plain wheel carries its knowledge pack."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from commandline import clean_environ

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bot installed from a plain wheel into a directory of its own."""
    tmp_path = tmp_path_factory.mktemp("installed")
    wheels, site = tmp_path / "wheels", tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run(
        [*pip, "wheel", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (wheel,) = wheels.glob("berbot-*.whl")
    subprocess.run(
        [*pip, "install", "--no-deps", "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return site


def installed_bot(site: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGS` importing only the installed copy (-P: not the working dir)."""
    return subprocess.run(
        [sys.executable, "-P", "-m", "bot", *args],
        cwd=cwd, env=clean_environ(PYTHONPATH=str(site), BERBOT_RECORD_UNANSWERED="false"),
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_installed_wheel_finds_its_bundled_pack_from_any_directory(
    site: Path, tmp_path: Path
) -> None:
    assert (site / "bot" / "knowledge" / "article.txt").is_file()
    assert (site / "bot" / "knowledge" / "facts").is_dir()

    # Run from a directory with no source tree, importing only the installed copy.
    env = clean_environ(PYTHONPATH=str(site))
    code = "import bot.knowledge as k, sys; sys.stdout.write(str(k.default_pack_dir()))"
    where = subprocess.run(
        [sys.executable, "-P", "-c", code], cwd=tmp_path, env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout).is_relative_to(site)
    done = installed_bot(site, "ask", "--json", "who won the battle?", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["answered"]
    assert any("MAA victory" in c["text"] for c in record["citations"])
    assert done.stderr == ""


def test_in_a_checkout_whose_pack_differs_the_installed_bot_uses_it_and_says_so(
    site: Path, tmp_path: Path
) -> None:
    """A curator editing a checkout's knowledge/ and running the installed bot from it gets
    their edits checked, and is told which pack that is; an unchanged checkout says nothing."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(ROOT / "pyproject.toml", checkout)
    shutil.copytree(site / "bot" / "knowledge", checkout / "knowledge")
    facts = checkout / "knowledge" / "facts"

    same = installed_bot(site, "check", cwd=checkout / "knowledge" / "facts")
    assert same.returncode == 0, same.stderr
    assert same.stderr == ""
    assert same.stdout.splitlines()[-1] == f"pack {site / 'bot' / 'knowledge'} (43 facts): OK"

    lead = facts / "lead.yaml"
    lead.write_text(lead.read_text(encoding="utf-8") + "\n- id: draft-more\n  draft: true\n"
                    "  answer: 'Place: Ber, Mali'\n  cite: ['Place: Ber, Mali']\n"
                    "  questions: [what place was it]\n", encoding="utf-8")  # fmt: skip
    edited = installed_bot(site, "check", cwd=checkout)
    assert edited.returncode == 0, edited.stderr
    assert edited.stderr == (
        f"Using this checkout's pack {checkout / 'knowledge'}: it differs from the installed one, "
        f"{site / 'bot' / 'knowledge'} (pass --knowledge to choose).\n"
    )
    assert edited.stdout.splitlines()[-1] == "pack knowledge (44 facts, 1 of them drafts): OK"
    chosen = installed_bot(
        site, "check", "--knowledge", str(site / "bot" / "knowledge"), cwd=checkout
    )
    assert chosen.stderr == "" and "(43 facts): OK" in chosen.stdout
