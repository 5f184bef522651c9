"""The engine built at one start is kept for the next, and used only for the very files it was
built from: an edited pack is loaded and checked afresh, a broken one still refuses to start, and
only a saved engine nobody else could have written is loaded."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from commandline import ROOT, run_bot

from bot.cache import ready_engine
from bot.matching import Thresholds

QUESTIONS = "who won the battle?\nquand le MAA a-t-il de nouveau attaqué Ber ?\ntell me a joke\n"


def ask(cache: Path | str, *extra: str, stdin: str = QUESTIONS) -> subprocess.CompletedProcess[str]:
    return run_bot(
        "ask",
        "--json",
        *extra,
        stdin=stdin,
        env={"BERBOT_CACHE_DIR": str(cache), "BERBOT_RECORD_UNANSWERED": "false"},
    )


def saved(cache: Path) -> list[Path]:
    return sorted(cache.glob("engine-*.pickle"))


def test_a_second_start_loads_the_engine_the_first_saved_and_answers_alike(
    tmp_path: Path,
) -> None:
    first = ask(tmp_path)
    assert first.returncode == 0, first.stderr
    [engine] = saved(tmp_path)
    inode = engine.stat().st_ino

    second = ask(tmp_path)
    assert second.stdout == first.stdout
    # Nothing was built or saved again.
    assert saved(tmp_path) == [engine]
    assert engine.stat().st_ino == inode  # (saving writes a new file in its place)
    # And it answers as an engine built from nothing saved does.
    assert ask("off").stdout == first.stdout


def test_an_edited_fact_file_is_loaded_afresh(pack_copy: Path, tmp_path: Path) -> None:
    question = "When did the MAA attack Ber again?\n"
    before = ask(tmp_path, "--knowledge", str(pack_copy), stdin=question)
    assert json.loads(before.stdout)["answer"] == "The MAA attacked Ber again on May 5."

    facts = pack_copy / "facts" / "aftermath.yaml"
    text = facts.read_text(encoding="utf-8")
    edited = "  answer: On May 5, the MAA attacked Ber again.\n"
    facts.write_text(
        text.replace("  answer: The MAA attacked Ber again on May 5.\n", edited, 1),
        encoding="utf-8",
    )
    after = ask(tmp_path, "--knowledge", str(pack_copy), stdin=question)
    assert after.returncode == 0, after.stderr
    assert json.loads(after.stdout)["answer"] == "On May 5, the MAA attacked Ber again."
    assert len(saved(tmp_path)) == 2


def test_a_broken_fact_file_refuses_to_start_though_an_engine_was_saved(
    pack_copy: Path, tmp_path: Path
) -> None:
    assert ask(tmp_path, "--knowledge", str(pack_copy)).returncode == 0
    facts = pack_copy / "facts" / "aftermath.yaml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(
        text.replace("  answer: The MAA attacked Ber again on May 5.\n", "", 1), encoding="utf-8"
    )

    broken = ask(tmp_path, "--knowledge", str(pack_copy))
    assert broken.returncode != 0
    assert broken.stdout == ""
    assert "aftermath.yaml" in broken.stderr
    assert "maa-attacked-again" in broken.stderr


def test_an_unreadable_saved_engine_is_built_afresh(tmp_path: Path) -> None:
    first = ask(tmp_path)
    [engine] = saved(tmp_path)
    engine.write_bytes(b"\x80\x05 not an engine")

    again = ask(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    assert engine.read_bytes() != b"\x80\x05 not an engine"


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    # (A file where the directory should be: nothing can be saved in it.)
    blocked = tmp_path / "cache"
    blocked.write_text("not a directory", encoding="utf-8")

    done = ask(blocked / "berbot")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert [json.loads(line)["answered"] for line in done.stdout.splitlines()] == [
        True,
        True,
        False,
    ]


def test_a_saved_engine_others_could_have_written_is_not_loaded(tmp_path: Path) -> None:
    first = ask(tmp_path)
    [engine] = saved(tmp_path)
    engine.chmod(0o666)

    again = ask(tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout
    assert "not the user's own file" in again.stderr
    # Built afresh and saved again, for this user alone.
    assert engine.stat().st_mode & 0o777 == 0o600


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="needs Linux's /proc")
def test_a_fact_file_that_cannot_be_read_is_named_as_before(
    pack_copy: Path, tmp_path: Path
) -> None:
    # (A file no one can read, root included: reading process memory this way fails.)
    (pack_copy / "facts" / "broken.yaml").symlink_to("/proc/self/mem")

    done = ask(tmp_path, "--knowledge", str(pack_copy))
    assert done.returncode != 0
    assert "broken.yaml" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_cache_directory_others_can_write_to_is_not_used(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o777)
    shared.chmod(0o777)

    done = ask(shared)
    assert done.returncode == 0, done.stderr
    assert "others can write to it" in done.stderr
    assert saved(shared) == []


def test_a_link_in_place_of_a_saved_engine_is_not_followed(tmp_path: Path) -> None:
    first = ask(tmp_path)
    [engine] = saved(tmp_path)
    elsewhere = tmp_path / "elsewhere.pickle"
    engine.rename(elsewhere)
    engine.symlink_to(elsewhere)

    again = ask(tmp_path)
    assert again.stdout == first.stdout
    assert "not using the saved engine" in again.stderr
    # Built afresh and saved in its place, as a file of its own.
    assert not engine.is_symlink() and engine.is_file()


def test_drafts_kept_and_drafts_left_out_are_saved_apart(pack_copy: Path, tmp_path: Path) -> None:
    facts = pack_copy / "facts" / "aftermath.yaml"
    text = facts.read_text(encoding="utf-8")
    draft = "- id: maa-attacked-again\n"
    facts.write_text(text.replace(draft, f"{draft}  draft: true\n", 1), encoding="utf-8")

    for _ in range(2):  # built, then loaded
        curators = ready_engine(pack_copy, thresholds=Thresholds(), cache=tmp_path, drafts=True)
        readers = ready_engine(pack_copy, thresholds=Thresholds(), cache=tmp_path, drafts=False)
        assert "maa-attacked-again" in {f.id for f in curators.pack.facts}
        assert "maa-attacked-again" not in {f.id for f in readers.pack.facts}
    assert len(saved(tmp_path)) == 2


def test_a_saved_engine_keeps_the_pack_where_it_was_named(pack_copy: Path, tmp_path: Path) -> None:
    """The same files reached by another path are another pack's place: its engine says so."""
    link = tmp_path / "link"
    link.symlink_to(pack_copy)
    cache = tmp_path / "cache"
    for _ in range(2):
        for place in (pack_copy, link):
            engine = ready_engine(place, thresholds=Thresholds(), cache=cache)
            assert engine.pack.directory == place


def test_the_console_and_the_second_pack_load_what_they_saved(tmp_path: Path) -> None:
    lantern = ROOT / "tests" / "packs" / "lantern-festival"
    env = {"BERBOT_CACHE_DIR": str(tmp_path), "BERBOT_RECORD_UNANSWERED": "false"}
    question = "who founded the festival?\n"

    def console() -> subprocess.CompletedProcess[str]:
        return run_bot("console", "--knowledge", str(lantern), stdin=f"{question}/quit\n", env=env)

    first = console()
    assert first.returncode == 0, first.stderr
    assert "Margit Sallow" in first.stdout
    [engine] = saved(tmp_path)
    inode = engine.stat().st_ino

    assert console().stdout == first.stdout
    # `ask` keeps drafts as the console does: the same engine, loaded.
    assert "Margit Sallow" in ask(tmp_path, "--knowledge", str(lantern), stdin=question).stdout
    assert saved(tmp_path) == [engine]
    assert engine.stat().st_ino == inode
