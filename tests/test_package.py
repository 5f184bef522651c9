"""The package as users install it: a plain wheel carries its knowledge pack."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from commandline import clean_environ

ROOT = Path(__file__).resolve().parent.parent


def test_installed_wheel_finds_its_bundled_pack_from_any_directory(tmp_path: Path) -> None:
    wheels, site, elsewhere = tmp_path / "wheels", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
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
    assert (site / "bot" / "knowledge" / "article.txt").is_file()
    assert (site / "bot" / "knowledge" / "facts").is_dir()

    # Run from a directory with no source tree, importing only the installed copy.
    env = clean_environ(PYTHONPATH=str(site))
    code = "import bot.knowledge as k, sys; sys.stdout.write(str(k.default_pack_dir()))"
    where = subprocess.run(
        [sys.executable, "-P", "-c", code], cwd=elsewhere, env=env, capture_output=True,
        text=True, check=True,
    )  # fmt: skip
    assert Path(where.stdout).is_relative_to(site)
    done = subprocess.run(
        [sys.executable, "-P", "-m", "bot", "ask", "--json", "who won the battle?"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    record = json.loads(done.stdout)
    assert record["answered"]
    assert any("MAA victory" in c["text"] for c in record["citations"])
