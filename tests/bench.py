"""Benchmark the bot: engine latency, `ask` throughput and start-up, memory, growth, Telegram.

Run from the repository root::

    python tests/bench.py [--json FILE] [--quick]

It prints a table of figures, each next to its target, and can write the same as JSON. `--quick`
runs tiny sizes, only to show that every figure is still produced. Nothing here fails on a time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
# Run as a script, this file sees tests/ on sys.path but not the repository root.
for _path in (str(ROOT), str(TESTS)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

if TYPE_CHECKING:
    from botapi import BotAPIServer

DEV_QUESTIONS = TESTS / "data" / "dev.yaml"
CHILD = "--child"
SEED = 20130421
COLD_QUESTION = "who won?"
PACK_FILES = ("article.txt", "source.yaml", "aliases.yaml", "synonyms.yaml")
# Question words and short function words keep their place in synthetic phrasings, so a
# synthetic fact is asked the way a real one is, about other things.
_KEPT_WORDS = frozenset("who what when where why how which whom whose many much did does".split())
_WORD = re.compile(r"\b[A-Za-z][a-z]{2,}\b")
_PREFIXES = ("tell me", "quick question:", "do you know", "I wonder", "can you say", "hey,")
_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


@dataclass(frozen=True, slots=True)
class Sizes:
    """How much work each part of the benchmark does."""

    questions: int
    """Development items used (0: all)."""
    passes: int
    """Warm passes over the questions, in process."""
    batch_lines: int
    """Lines piped through `ask --json`."""
    batch_runs: int
    """Batch runs; the median is reported."""
    cold_runs: int
    """Runs of `ask "who won?"` and of each start-up probe."""
    growth: tuple[int, ...]
    """Pack sizes, as multiples of the real pack."""
    growth_passes: int
    """Warm passes per synthetic pack."""
    baseline_questions: int
    """Questions put through the naive baseline per synthetic pack."""
    users: int
    """Simulated Telegram users."""
    per_user: int
    """Questions each asks, one after another (at most 10: the bot's flood limit)."""
    idle: int
    """Questions sent one at a time to an idle bot."""
    limited_users: int
    """Users in the run under the production rate limiter."""
    limited_per_user: int
    """Questions each of them asks."""


FULL = Sizes(0, 40, 5000, 3, 9, (1, 10, 100), 5, 100, 200, 8, 100, 20, 5)
QUICK = Sizes(12, 2, 40, 1, 2, (1, 2), 1, 5, 4, 2, 3, 2, 1)


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure, with its target when the issue sets one."""

    group: str
    """Heading it is printed under."""
    label: str
    """What it measures, for the table."""
    value: float
    """The measurement."""
    unit: str
    """Its unit."""
    target: float | None = None
    """The issue's target, if any."""
    at_most: bool = True
    """Whether the target is a ceiling (else a floor)."""

    @property
    def met(self) -> bool | None:
        """Return whether the target is met, or None when there is none."""
        if self.target is None:
            return None
        return self.value <= self.target if self.at_most else self.value >= self.target


@dataclass(slots=True)
class Report:
    """Every figure of one run, in the order they are printed."""

    figures: dict[str, Figure] = field(default_factory=dict)
    """Figures by their JSON name."""
    growth: list[dict[str, float]] = field(default_factory=list)
    """One row per pack size."""
    conditions: dict[str, Any] = field(default_factory=dict)
    """The machine, the software and the load the run had."""

    def add(self, name: str, figure: Figure) -> None:
        """Record a figure under its JSON name."""
        self.figures[name] = figure

    def as_json(self) -> dict[str, Any]:
        """Return the report as plain data."""
        return {
            "conditions": self.conditions,
            "figures": {
                name: {
                    "label": f.label,
                    "value": f.value,
                    "unit": f.unit,
                    "target": f.target,
                    "target_is": None if f.target is None else ("max" if f.at_most else "min"),
                    "met": f.met,
                }
                for name, f in self.figures.items()
            },
            "growth": self.growth,
        }


# -- small helpers ----------------------------------------------------------------------------


def percentile(values: Sequence[float], q: float) -> float:
    """Return the q-th percentile (0-100), interpolating between the closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100
    low, high = math.floor(rank), math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def log(message: str) -> None:
    """Say what is being measured, on stderr, so stdout holds only the table."""
    print(f"[bench] {message}", file=sys.stderr, flush=True)


def load_turns(limit: int = 0) -> list[list[str]]:
    """Return the development items as conversations (a lone question is one turn)."""
    from bot.evaluation import load_questions

    items = load_questions(DEV_QUESTIONS)
    turns = [list(item.turns) for item in items]
    return turns[:limit] if limit else turns


_SAVED = Path(tempfile.gettempdir()) / f"berbot-bench-cache-{os.getpid()}"
"""Where the commands measured here keep their built engine (BERBOT_CACHE_DIR), so a run
neither reads nor fills the user's own cache."""


def clean_env(**extra: str) -> dict[str, str]:
    """Return the environment without the bot's own settings, plus `extra`."""
    # Bytecode is allowed to be cached, as it is for an installed package (pip compiles it),
    # and so is the built engine, as every start after the first finds it: a start-up measures
    # loading the bot rather than compiling or building it.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("TELEGRAM_", "BERBOT_", "LOG_", "PYTHONDONTWRITEBYTECODE"))
    }
    env["BERBOT_CACHE_DIR"] = str(_SAVED)
    env.update(extra)
    return env


@dataclass(frozen=True, slots=True)
class Measured:
    """A finished subprocess: wall time, peak memory and what it printed."""

    seconds: float
    """Wall time from spawn to exit."""
    peak_rss_mb: float
    """The command's own peak resident memory."""
    stdout: bytes
    stderr: bytes
    returncode: int


# Each measured command is started by a small launcher, because a child's ru_maxrss counts the
# memory of the process it was spawned from (Linux carries the old address space's high-water
# mark across exec), and this process is far larger than the commands it measures. The launcher
# spawns the command, forwards SIGTERM to it, and writes its wall time, peak RSS and exit status.
_LAUNCHER = """
import json, os, signal, sys, time
result, argv = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.posix_spawn(argv[0], argv, os.environ)
signal.signal(signal.SIGTERM, lambda signum, frame: os.kill(pid, signum))
with open(result + ".pid", "w") as out:
    out.write(str(pid))
_, status, usage = os.wait4(pid, 0)
seconds = time.perf_counter() - start
with open(result, "w") as out:
    json.dump([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)], out)
"""


def _kib_to_mb(kib: float) -> float:
    # Linux reports KiB; figures are in decimal megabytes, the stricter reading of "MB".
    return kib * 1024 / 1e6


def launch(
    command: Sequence[str],
    result: Path,
    *,
    stdin: Any,
    stdout: Any,
    stderr: Any,
    env: dict[str, str],
) -> subprocess.Popen[bytes]:
    """Start a command through the launcher, which writes its figures to `result`."""
    result.unlink(missing_ok=True)
    return subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER, str(result), *command],
        cwd=ROOT,
        env=env,
        stdin=stdin,
        stdout=stdout,
        stderr=stderr,
        start_new_session=True,
    )


def launched(result: Path) -> tuple[float, float, int]:
    """Return the launched command's wall time (s), peak RSS (MB) and exit status."""
    seconds, peak_kib, status = json.loads(result.read_text(encoding="utf-8"))
    return float(seconds), _kib_to_mb(peak_kib), int(status)


def measure(
    command: Sequence[str],
    *,
    stdin: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300.0,
) -> Measured:
    """Run a command from the repository root; time it from spawn to exit, take its peak RSS."""
    with contextlib.ExitStack() as stack:
        work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="berbot-run-")))
        source = stack.enter_context(stdin.open("rb")) if stdin else subprocess.DEVNULL
        errors = stack.enter_context(tempfile.TemporaryFile())
        result = work / "result.json"
        process = launch(
            command,
            result,
            stdin=source,
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env if env is not None else clean_env(),
        )
        # A stuck command is killed, so the benchmark always ends.
        watchdog = threading.Timer(timeout, os.killpg, (process.pid, signal.SIGKILL))
        watchdog.start()
        try:
            out, _ = process.communicate()
        finally:
            watchdog.cancel()
        errors.seek(0)
        err = errors.read()
        if process.returncode != 0 or not result.exists():
            raise RuntimeError(f"{' '.join(command)} did not finish:\n{err.decode()[-2000:]}")
        seconds, peak_mb, status = launched(result)
    if status != 0:
        tail = err.decode(errors="replace")[-2000:]
        raise RuntimeError(f"{' '.join(command)} exited {status}:\n{tail}")
    return Measured(seconds, peak_mb, out, err, status)


def bench_child(*args: str) -> list[str]:
    """Return the command that runs one of this script's child modes."""
    return [sys.executable, str(Path(__file__).resolve()), CHILD, *args]


# -- engine latency, in process ---------------------------------------------------------------


def engine_latency(report: Report, sizes: Sizes) -> None:
    """Time engine.answer warm and in process, taking turns with the naive rapidfuzz baseline."""
    from rapidfuzz import process

    from bot.knowledge import load_pack
    from bot.matching import Context, Engine

    turns = load_turns(sizes.questions)
    engine = Engine(load_pack())
    phrasings = [q for fact in engine.pack.facts for q in fact.questions]
    clock = time.perf_counter_ns

    def conversation(questions: list[str], ours: list[float]) -> None:
        context: Context | None = None
        for question in questions:
            start = clock()
            reply = engine.answer(question, context=context)
            ours.append((clock() - start) / 1000)
            context = reply.context

    def baseline(questions: list[str], naive: list[float]) -> None:
        for question in questions:
            start = clock()
            process.extractOne(question, phrasings)
            naive.append((clock() - start) / 1000)

    # The first pass meets every word for the first time: typo correction and stemming run
    # instead of hitting the engine's word cache, as they do for new traffic.
    first: list[float] = []
    for questions in turns:
        conversation(questions, first)
    # Engine and baseline take turns pass by pass: a slow spell of the machine hits both, and
    # neither evicts the other's data from the CPU caches between two questions.
    ours: list[float] = []
    naive: list[float] = []
    for _ in range(sizes.passes):
        for questions in turns:
            conversation(questions, ours)
        for questions in turns:
            baseline(questions, naive)
    group = "Engine, warm, in process (real pack)"
    report.add("engine_median_us", Figure(group, "median", percentile(ours, 50), "us", 100))
    report.add("engine_p95_us", Figure(group, "p95", percentile(ours, 95), "us"))
    report.add("engine_p99_us", Figure(group, "p99", percentile(ours, 99), "us", 1000))
    report.add("engine_samples", Figure(group, "questions timed", len(ours), "answers"))
    report.add(
        "engine_first_pass_median_us",
        Figure(group, "first pass (cold word cache) median", percentile(first, 50), "us"),
    )
    report.add(
        "engine_first_pass_p99_us",
        Figure(group, "first pass (cold word cache) p99", percentile(first, 99), "us"),
    )
    group = "Naive baseline: extractOne(question, all phrasings), same run"
    report.add("baseline_median_us", Figure(group, "median", percentile(naive, 50), "us"))
    report.add("baseline_p99_us", Figure(group, "p99", percentile(naive, 99), "us"))
    report.add(
        "baseline_ratio_median",
        Figure(
            group, "baseline / engine, median", percentile(naive, 50) / percentile(ours, 50), "x"
        ),
    )
    report.add(
        "baseline_ratio_p99",
        Figure(group, "baseline / engine, p99", percentile(naive, 99) / percentile(ours, 99), "x"),
    )


# -- the ask command ---------------------------------------------------------------------------


def ask_batch(report: Report, sizes: Sizes, work: Path) -> None:
    """Pipe a few thousand questions through `python -m bot ask --json`, start-up included, and
    the same lines through a plain BM25 ranker over the article's sentences, taking turns."""
    questions = [q for turns in load_turns() for q in turns]
    lines = [questions[i % len(questions)] for i in range(sizes.batch_lines)]
    stdin = work / "batch.txt"
    stdin.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    ranker = [sys.executable, str(ROOT / "tests" / "bm25_ranker.py")]
    # Started once before, as `ask` always has been but after the pack or the code changed.
    measure([sys.executable, "-m", "bot", "ask", COLD_QUESTION])
    runs, baseline = [], []
    for _ in range(sizes.batch_runs):
        for command, timed in (([sys.executable, "-m", "bot", "ask", "--json"], runs),
                               (ranker, baseline)):  # fmt: skip
            run = measure(command, stdin=stdin)
            answered = run.stdout.count(b"\n")
            if answered != len(lines):
                raise RuntimeError(f"{command[-1]} answered {answered} of {len(lines)} lines")
            timed.append(run)
    seconds = statistics.median(r.seconds for r in runs)
    plain = statistics.median(r.seconds for r in baseline)
    group = "`python -m bot ask --json`, batch over stdin (start-up included)"
    report.add(
        "ask_batch_questions_per_s",
        Figure(group, "throughput", len(lines) / seconds, "questions/s", 5000, at_most=False),
    )
    report.add("ask_batch_lines", Figure(group, "lines", len(lines), "lines"))
    report.add("ask_batch_seconds", Figure(group, "wall time (median)", seconds, "s"))
    report.add(
        "ask_batch_rss_mb", Figure(group, "peak RSS", max(r.peak_rss_mb for r in runs), "MB", 60)
    )
    report.add(
        "bm25_questions_per_s",
        Figure(group, "plain BM25 ranker (rank-bm25), same lines", len(lines) / plain,
               "questions/s"),
    )  # fmt: skip
    report.add(
        "ask_batch_bm25_ratio",
        Figure(group, "bot / BM25 throughput", plain / seconds, "x", 0.5, at_most=False),
    )


def _import_summary(stderr: str) -> tuple[list[tuple[str, float]], int]:
    """Return packages by cumulative import time (ms), and how many telegram modules loaded.

    Packages are counted wherever they are first imported (yaml inside bot.knowledge, say), so
    the list names what the time is spent on rather than who asked for it.
    """
    packages: list[tuple[str, float]] = []
    telegram = 0
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "imported package" in line:
            continue
        _, cumulative, name = line.split("|")
        module = name.strip()
        if module.split(".")[0] == "telegram":
            telegram += 1
        if "." not in module or module.startswith("bot."):
            packages.append((module, int(cumulative) / 1000))
    packages.sort(key=lambda item: item[1], reverse=True)
    return packages, telegram


# Run with `python -c` from the repository root, so nothing is imported before the clock starts
# but what the interpreter itself loads.
_STARTUP_PROBE = """
import time
started = time.perf_counter()
import json
import bot.__main__
from bot.knowledge import default_pack_dir, load_pack
from bot.matching import Engine
from bot.cache import ready_engine
from bot.replies import as_json
from bot.settings import Settings
imported = time.perf_counter()
settings = Settings.from_env()
engine = ready_engine(default_pack_dir(), thresholds=settings.thresholds, cache=settings.cache_dir)
ready = time.perf_counter()
json.dumps(as_json(engine.answer(QUESTION)), ensure_ascii=False)
answered = time.perf_counter()
pack = load_pack()
loaded = time.perf_counter()
Engine(pack, thresholds=settings.thresholds)
built = time.perf_counter()
print(json.dumps({
    "imports": (imported - started) * 1000,
    "engine_ready": (ready - imported) * 1000,
    "first_answer": (answered - ready) * 1000,
    "pack_load": (loaded - answered) * 1000,
    "index_build": (built - loaded) * 1000,
}))
"""


def cold_start(report: Report, sizes: Sizes) -> None:
    """Time `python -m bot ask "who won?"` from process start to exit, and split the cost."""
    command = [sys.executable, "-m", "bot", "ask", COLD_QUESTION]
    measure(command)  # fills the page cache and writes bytecode, as any second start finds it
    runs = [measure(command) for _ in range(sizes.cold_runs)]
    # The first start after the pack or the code changed builds the engine, and saves it.
    first = []
    for _ in range(sizes.cold_runs):
        with tempfile.TemporaryDirectory(prefix="berbot-bench-first-") as empty:
            first.append(measure(command, env=clean_env(BERBOT_CACHE_DIR=empty)))
    bare = [measure([sys.executable, "-c", "pass"]) for _ in range(sizes.cold_runs)]
    probe = [sys.executable, "-c", _STARTUP_PROBE.replace("QUESTION", repr(COLD_QUESTION))]
    probes = [json.loads(measure(probe).stdout) for _ in range(sizes.cold_runs)]
    traced = measure([sys.executable, "-X", "importtime", *command[1:]])
    top, telegram = _import_summary(traced.stderr.decode(errors="replace"))

    group = '`python -m bot ask "who won?"`, cold start (median of runs)'
    report.add(
        "ask_cold_start_ms",
        Figure(
            group,
            "wall time, start to exit",
            statistics.median(r.seconds for r in runs) * 1000,
            "ms",
            300,
        ),
    )
    bare_ms = statistics.median(r.seconds for r in bare) * 1000
    report.add("interpreter_start_ms", Figure(group, "  of which: bare interpreter", bare_ms, "ms"))
    rest = report.figures["ask_cold_start_ms"].value - bare_ms
    for key, label in (
        ("imports", "imports (bot, yaml, rapidfuzz, ...)"),
        ("engine_ready", "loading the engine saved by an earlier start"),
        ("first_answer", "first answer and JSON"),
    ):
        value = statistics.median(p[key] for p in probes)
        rest -= value
        report.add(f"startup_{key}_ms", Figure(group, f"  of which: {label}", value, "ms"))
    report.add(
        "startup_rest_ms",
        Figure(group, "  of which: the rest (runpy, argparse, exit)", rest, "ms"),
    )
    report.add(
        "ask_first_start_ms",
        Figure(
            group,
            "first start after a change (builds the engine and saves it)",
            statistics.median(r.seconds for r in first) * 1000,
            "ms",
        ),
    )
    for key, label in (
        ("pack_load", "pack load (load_pack, validation)"),
        ("index_build", "index build (Engine(pack))"),
    ):
        value = statistics.median(p[key] for p in probes)
        report.add(f"startup_{key}_ms", Figure(group, f"  of which: {label}", value, "ms"))
    report.add(
        "ask_telegram_modules",
        Figure(group, "telegram modules imported by `ask`", telegram, "modules", 0),
    )
    report.add(
        "ask_rss_mb",
        Figure(group, "peak RSS of `ask`", max(r.peak_rss_mb for r in runs), "MB", 60),
    )
    slowest = {module: round(ms, 1) for module, ms in top[:10]}
    report.conditions["ask_slowest_imports_ms"] = slowest
    log(f"slowest imports of `ask`, cumulative ms (-X importtime): {slowest}")


# -- growth -----------------------------------------------------------------------------------


class _Inventor:
    """Make up words that no pack uses and that are never made up twice."""

    def __init__(self, rng: random.Random, taken: set[str]) -> None:
        self._rng = rng
        self._taken = taken

    def word(self) -> str:
        while True:
            word = "".join(self._rng.choices(_SYLLABLES, k=self._rng.choice((3, 3, 4))))
            if word not in self._taken:
                self._taken.add(word)
                return word


def _phrasing_key(text: str) -> str:
    # The loader's own rule for "the same phrasing": case and punctuation ignored.
    return " ".join(re.findall(r"\w+", text.casefold()))


def _variant(text: str, renames: dict[str, str], inventor: _Inventor, rng: random.Random) -> str:
    """Rewrite a text with this copy's names for its words (new words decided on first sight)."""
    from bot.text import STOPWORDS

    def rename(match: re.Match[str]) -> str:
        word = match[0]
        lower = word.lower()
        if lower in STOPWORDS or lower in _KEPT_WORDS:
            return word
        if lower not in renames:
            # About half of a copy's words are its own, like another article's names and
            # subjects; the rest it shares with the real pack, so postings grow with it.
            renames[lower] = inventor.word() if rng.random() < 0.5 else lower
        new = renames[lower]
        return new.capitalize() if word[0].isupper() else new

    return _WORD.sub(rename, text)


def synthetic_pack(target: Path, copies: int) -> tuple[int, int]:
    """Write a valid pack of the real facts plus copies-1 rewritten copies; return its size.

    Each copy has new fact ids and its own phrasings (words renamed per copy, some reordered,
    some prefixed), every phrasing unique; citations stay the real verbatim sentences.
    """
    import yaml

    from bot.knowledge import default_pack_dir

    source = default_pack_dir()
    if target.exists():
        shutil.rmtree(target)
    (target / "facts").mkdir(parents=True)
    for name in PACK_FILES:
        shutil.copyfile(source / name, target / name)
    real: list[dict[str, Any]] = []
    for path in sorted((source / "facts").glob("*.yaml")):
        shutil.copyfile(path, target / "facts" / path.name)
        real.extend(yaml.safe_load(path.read_text(encoding="utf-8")) or [])
    seen = {_phrasing_key(q) for fact in real for q in fact["questions"]}
    taken = {w.lower() for fact in real for q in fact["questions"] for w in _WORD.findall(q)}
    taken |= {w.lower() for w in _WORD.findall((source / "article.txt").read_text("utf-8"))}
    phrasings = len(seen)
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for copy in range(1, copies):
        rng = random.Random(f"{SEED}-{copy}")
        inventor = _Inventor(rng, taken)
        renames: dict[str, str] = {}
        facts = []
        for fact in real:
            questions = []
            for question in fact["questions"]:
                text = _variant(question, renames, inventor, rng)
                words = text.split()
                if len(words) > 3 and rng.random() < 0.3:
                    i = rng.randrange(1, len(words) - 1)
                    words[i], words[i + 1] = words[i + 1], words[i]
                if rng.random() < 0.3:
                    words.insert(0, rng.choice(_PREFIXES))
                text = " ".join(words)
                while _phrasing_key(text) in seen:
                    text = f"{text.rstrip('? ')} {inventor.word()}?"
                seen.add(_phrasing_key(text))
                questions.append(text)
            phrasings += len(questions)
            facts.append(
                {
                    "id": f"{fact['id']}-x{copy}",
                    "answer": _variant(fact["answer"], renames, inventor, rng),
                    "cite": fact["cite"],
                    "about": fact.get("about", []),
                    "questions": questions,
                }
            )
        with (target / "facts" / f"zz-copy-{copy:03d}.yaml").open("w", encoding="utf-8") as out:
            yaml.dump(facts, out, Dumper=dumper, allow_unicode=True, sort_keys=False, width=200)
    return len(real) * copies, phrasings


def engine_probe(pack_dir: str, questions_file: str, passes: str, baseline: str) -> None:
    """Child: load and index a pack, time answers warm and cold, and the baseline; print JSON."""
    from rapidfuzz import process

    from bot.knowledge import load_pack
    from bot.matching import Context, Engine

    turns: list[list[str]] = json.loads(Path(questions_file).read_text(encoding="utf-8"))
    started = time.perf_counter()
    pack = load_pack(pack_dir)
    loaded = time.perf_counter()
    engine = Engine(pack)
    built = time.perf_counter()
    clock = time.perf_counter_ns

    def run(latencies: list[float]) -> None:
        for questions in turns:
            context: Context | None = None
            for question in questions:
                start = clock()
                reply = engine.answer(question, context=context)
                latencies.append((clock() - start) / 1000)
                context = reply.context

    first: list[float] = []
    run(first)
    warm: list[float] = []
    for _ in range(int(passes)):
        run(warm)
    phrasings = [q for fact in pack.facts for q in fact.questions]
    naive = []
    for question in [q for t in turns for q in t][: int(baseline)]:
        start = clock()
        process.extractOne(question, phrasings)
        naive.append((clock() - start) / 1000)
    # The high-water mark of this process's own memory, not inherited from whoever spawned it.
    status = Path("/proc/self/status").read_text(encoding="utf-8")
    peak_kib = int(re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)[1])  # type: ignore[index]
    print(
        json.dumps(
            {
                "facts": len(pack.facts),
                "phrasings": len(phrasings),
                "load_ms": (loaded - started) * 1000,
                "build_ms": (built - loaded) * 1000,
                "median_us": percentile(warm, 50),
                "p99_us": percentile(warm, 99),
                "first_pass_median_us": percentile(first, 50),
                "first_pass_p99_us": percentile(first, 99),
                "baseline_median_us": percentile(naive, 50),
                "rss_mb": _kib_to_mb(peak_kib),
            }
        )
    )


def _exponent(small: float, large: float, size_small: float, size_large: float) -> float:
    """Return k in cost ~ size**k between two sizes (1.0 is linear)."""
    return math.log(large / small) / math.log(size_large / size_small)


def growth(report: Report, sizes: Sizes, work: Path) -> None:
    """Build packs of 1x..100x the real one and measure each in a fresh process."""
    questions = work / "growth-questions.json"
    questions.write_text(json.dumps(load_turns(sizes.questions)), encoding="utf-8")
    for multiple in sizes.growth:
        pack_dir = work / f"pack-{multiple}x"
        log(f"growth: writing the {multiple}x pack")
        synthetic_pack(pack_dir, multiple)
        log(f"growth: loading, indexing and asking the {multiple}x pack")
        probe = measure(
            bench_child(
                "engine",
                str(pack_dir),
                str(questions),
                str(sizes.growth_passes),
                str(sizes.baseline_questions),
            ),
            timeout=1800,
        )
        row = {"size": float(multiple), **json.loads(probe.stdout)}
        report.growth.append(row)
        shutil.rmtree(pack_dir)
    first, last = report.growth[0], report.growth[-1]
    group = f"Growth: {last['size']:.0f}x pack ({last['phrasings']:.0f} phrasings)"
    report.add("growth_largest_median_us", Figure(group, "median", last["median_us"], "us"))
    report.add("growth_largest_p99_us", Figure(group, "p99", last["p99_us"], "us", 10_000))
    report.add("growth_largest_build_ms", Figure(group, "index build", last["build_ms"], "ms"))
    report.add("growth_largest_rss_mb", Figure(group, "peak RSS", last["rss_mb"], "MB"))
    for key, label, target in (
        ("median_us", "latency median", 1.0),
        ("p99_us", "latency p99", 1.0),
        ("build_ms", "index build time", None),
        ("load_ms", "pack load time", None),
    ):
        exponent = _exponent(first[key], last[key], first["phrasings"], last["phrasings"])
        report.add(
            f"growth_exponent_{key.rsplit('_', 1)[0]}",
            Figure(group, f"growth exponent of {label} (1 = linear)", exponent, "", target),
        )


# -- Telegram, end to end ----------------------------------------------------------------------


def _own_cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


class BotProcess:
    """The bot, run as `python -m bot run` in a subprocess against the fake Bot API server."""

    def __init__(self, api: BotAPIServer, work: Path, *, production_limiter: bool) -> None:
        name = "limited" if production_limiter else "unlimited"
        self.log_file = work / f"bot-{name}.log"
        self.result = work / f"bot-{name}.json"
        env = clean_env(
            TELEGRAM_BOT_TOKEN=api.token,
            TELEGRAM_API_URL=api.base_url,
            BERBOT_DATA_DIR=str(work / f"data-{name}"),
        )
        command = [sys.executable, "-m", "bot", "run"] if production_limiter else bench_child("bot")
        with self.log_file.open("wb") as log_out:
            self.launcher = launch(
                command,
                self.result,
                stdin=subprocess.DEVNULL,
                stdout=log_out,
                stderr=log_out,
                env=env,
            )

    @property
    def pid(self) -> int:
        """Return the bot's own process id (not the launcher's)."""
        pid_file = self.result.with_name(self.result.name + ".pid")
        deadline = time.monotonic() + 30
        while not pid_file.exists() or not pid_file.read_text():
            if time.monotonic() > deadline:
                raise RuntimeError("the bot was not started")
            time.sleep(0.01)
        return int(pid_file.read_text())

    def finished(self) -> bool:
        """Return whether the bot exited."""
        return self.launcher.poll() is not None

    def cpu_seconds(self) -> float:
        """Return the CPU time the running bot has used so far (user and system)."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        # utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks.
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def failure(self) -> str:
        """Return the end of the bot's log, for an error message."""
        return self.log_file.read_text(encoding="utf-8", errors="replace")[-3000:]

    async def stop(self, timeout: float = 60.0) -> float:
        """Stop the bot as a supervisor would (SIGTERM) and return its peak RSS in MB."""
        if not self.finished():
            self.launcher.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while not self.finished():
            if time.monotonic() > deadline:
                os.killpg(self.launcher.pid, signal.SIGKILL)
            await asyncio.sleep(0.05)
        if not self.result.exists():
            raise RuntimeError(f"the bot's launcher failed:\n{self.failure()}")
        return launched(self.result)[1]


@dataclass(slots=True)
class Traffic:
    """What the simulated users saw."""

    latencies: list[float] = field(default_factory=list)
    """Seconds from getUpdates handing the update out to its sendMessage arriving."""
    first_handout: float = math.inf
    """When the first update was handed out (server clock, time.monotonic)."""
    last_answer: float = 0.0
    """When the last answer arrived."""
    failed_calls: int = 0
    """Bot API calls the server answered with an error."""

    @property
    def per_second(self) -> float:
        """Return answered updates per second, from the first handed out to the last answered."""
        span = self.last_answer - self.first_handout
        return len(self.latencies) / span if span > 0 else 0.0


async def converse(
    api: BotAPIServer,
    conversations: dict[int, deque[str]],
    *,
    timeout: float,
    bot: BotProcess,
) -> Traffic:
    """Let each user ask their questions in a private chat, each waiting for the previous answer.

    Times come from the server's own records of getUpdates and sendMessage, so the driver's
    polling does not enter them.
    """
    traffic = Traffic()
    handed: dict[int, float] = {}
    waiting: dict[int, int] = {}
    users = {uid: api.user(uid, f"User{uid}") for uid in conversations}
    parties = {uid: (api.private_chat(user), user) for uid, user in users.items()}

    def ask(uid: int) -> None:
        chat, user = parties[uid]
        update = api.push(api.text_update(chat, user, conversations[uid].popleft()))
        waiting[uid] = update["update_id"]

    cursor = api.mark()
    for uid in conversations:
        ask(uid)
    deadline = time.monotonic() + timeout
    while waiting:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{len(waiting)} questions unanswered after {timeout:.0f} s")
        if bot.finished():
            raise RuntimeError(f"the bot stopped:\n{bot.failure()}")
        await asyncio.sleep(0.002)
        calls = api.calls(since=cursor)
        cursor += len(calls)
        for call in calls:
            if call.status != 200:
                traffic.failed_calls += 1
            elif call.method == "getUpdates":
                for update in call.result:
                    handed.setdefault(update["update_id"], call.at)
            elif call.method == "sendMessage":
                update_id = waiting.pop(int(call.params["chat_id"]), None)
                if update_id is None:
                    continue
                out = handed.get(update_id, call.at)
                traffic.first_handout = min(traffic.first_handout, out)
                traffic.last_answer = max(traffic.last_answer, call.at)
                traffic.latencies.append(call.at - out)
                if conversations[int(call.params["chat_id"])]:
                    ask(int(call.params["chat_id"]))
    return traffic


async def _started(api: BotAPIServer, bot: BotProcess, timeout: float = 60.0) -> None:
    """Wait until the bot is about to poll for updates."""
    # A long poll is recorded only when it returns, so the sign of polling is the deleteWebhook
    # that python-telegram-bot sends just before its first getUpdates.
    deadline = time.monotonic() + timeout
    while not api.calls("deleteWebhook"):
        if bot.finished() or time.monotonic() > deadline:
            raise RuntimeError(f"the bot did not start polling:\n{bot.failure()}")
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)


def _conversations(
    questions: list[str], first_uid: int, users: int, each: int
) -> dict[int, deque[str]]:
    """Give each of `users` users the next `each` questions, in order."""
    picks = iter(questions[i % len(questions)] for i in range(users * each))
    return {first_uid + u: deque(next(picks) for _ in range(each)) for u in range(users)}


async def telegram_traffic(sizes: Sizes, work: Path) -> dict[str, float]:
    """Run the bot against the fake server: a crowd, then one question at a time, then limited."""
    from botapi import BotAPIServer

    questions = [q for turns in load_turns() for q in turns]
    figures: dict[str, float] = {}
    async with BotAPIServer() as api:
        bot = BotProcess(api, work, production_limiter=False)
        try:
            await _started(api, bot)
            bot_cpu, our_cpu, wall = bot.cpu_seconds(), _own_cpu_seconds(), time.monotonic()
            crowd = await converse(
                api,
                _conversations(questions, 100_000, sizes.users, sizes.per_user),
                timeout=300,
                bot=bot,
            )
            # Which side was busy: the bot, or this process (the Bot API server and the users).
            wall = time.monotonic() - wall
            figures["bot_cpu_pct"] = (bot.cpu_seconds() - bot_cpu) / wall * 100
            figures["server_cpu_pct"] = (_own_cpu_seconds() - our_cpu) / wall * 100
            alone = Traffic()
            for n in range(sizes.idle):
                one = await converse(
                    api, _conversations(questions[n:], 200_000 + n, 1, 1), timeout=30, bot=bot
                )
                alone.latencies += one.latencies
                alone.failed_calls += one.failed_calls
        finally:
            figures["bot_rss_mb"] = await bot.stop()
    async with BotAPIServer() as api:
        bot = BotProcess(api, work, production_limiter=True)
        try:
            await _started(api, bot)
            limited = await converse(
                api,
                _conversations(questions, 300_000, sizes.limited_users, sizes.limited_per_user),
                timeout=300,
                bot=bot,
            )
        finally:
            figures["bot_production_rss_mb"] = await bot.stop()
    figures.update(
        answered_per_s=crowd.per_second,
        updates=len(crowd.latencies),
        latency_median_ms=percentile(crowd.latencies, 50) * 1000,
        latency_p99_ms=percentile(crowd.latencies, 99) * 1000,
        idle_latency_median_ms=percentile(alone.latencies, 50) * 1000,
        idle_latency_p99_ms=percentile(alone.latencies, 99) * 1000,
        failed_calls=crowd.failed_calls + alone.failed_calls + limited.failed_calls,
        limited_answered_per_s=limited.per_second,
    )
    return figures


def telegram(report: Report, sizes: Sizes, work: Path) -> None:
    """Measure the Telegram bot end to end, over HTTP on 127.0.0.1."""
    f = asyncio.run(telegram_traffic(sizes, work))
    group = (
        f"Telegram end to end: {sizes.users} users x {sizes.per_user} private questions, "
        "rate limiter off"
    )
    report.add(
        "telegram_answered_per_s",
        Figure(
            group,
            "answered updates per second",
            f["answered_per_s"],
            "updates/s",
            300,
            at_most=False,
        ),
    )
    report.add("telegram_updates", Figure(group, "updates answered", f["updates"], "updates"))
    report.add(
        "telegram_latency_median_ms",
        Figure(group, "handed out -> reply arrived, median", f["latency_median_ms"], "ms"),
    )
    report.add(
        "telegram_latency_p99_ms",
        Figure(group, "handed out -> reply arrived, p99", f["latency_p99_ms"], "ms"),
    )
    report.add(
        "telegram_idle_latency_median_ms",
        Figure(group, "one at a time: median", f["idle_latency_median_ms"], "ms"),
    )
    report.add(
        "telegram_idle_latency_p99_ms",
        Figure(group, "one at a time: p99", f["idle_latency_p99_ms"], "ms"),
    )
    report.add(
        "telegram_failed_calls", Figure(group, "failed API calls", f["failed_calls"], "calls", 0)
    )
    report.add(
        "telegram_bot_cpu_pct",
        Figure(group, "CPU busy: the bot (100 = one core)", f["bot_cpu_pct"], "%"),
    )
    report.add(
        "telegram_server_cpu_pct",
        Figure(group, "CPU busy: Bot API server and users", f["server_cpu_pct"], "%"),
    )
    report.add("bot_rss_mb", Figure(group, "peak RSS of the bot", f["bot_rss_mb"], "MB", 120))
    group = "`python -m bot run` as shipped (AIORateLimiter, 30 requests/s overall)"
    report.add(
        "telegram_limited_answered_per_s",
        Figure(group, "answered updates per second", f["limited_answered_per_s"], "updates/s"),
    )
    report.add(
        "bot_production_rss_mb",
        Figure(group, "peak RSS of the bot", f["bot_production_rss_mb"], "MB", 120),
    )


def unlimited_bot() -> int:
    """Child: run `python -m bot run` with the rate limiter's request budgets switched off."""
    from telegram.ext import AIORateLimiter

    from bot.__main__ import main
    from bot.tgbot import wiring

    def without_budgets(**kwargs: Any) -> AIORateLimiter:
        # Retries on 429 stay; only the 30/s overall and 20/min group budgets go, so the
        # benchmark measures the bot rather than Telegram's allowance.
        return AIORateLimiter(overall_max_rate=0, group_max_rate=0, **kwargs)

    wiring.AIORateLimiter = without_budgets  # type: ignore[attr-defined,assignment]
    return main(["run"])


# -- output -----------------------------------------------------------------------------------


def _number(value: float) -> str:
    if isinstance(value, int) or abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def render(report: Report) -> str:
    """Return the figures as a text table grouped by what they measure, then the growth table."""
    lines: list[str] = []
    group = None
    for figure in report.figures.values():
        if figure.group != group:
            group = figure.group
            lines.append(f"\n{group}")
        target = ""
        if figure.target is not None:
            sign = "<=" if figure.at_most else ">="
            target = f"{sign} {_number(figure.target)}  {'met' if figure.met else 'MISSED'}"
        value = f"{_number(figure.value)} {figure.unit}".rstrip()
        lines.append(f"  {figure.label:<48} {value:>20}   {target}")
    lines.append("\nGrowth (each size in a fresh process; latency warm over the dev questions)")
    header = (
        "size", "facts", "phrasings", "load ms", "build ms", "median us", "p99 us",
        "1st p99 us", "naive med us", "RSS MB",
    )  # fmt: skip
    keys = (
        "size", "facts", "phrasings", "load_ms", "build_ms", "median_us", "p99_us",
        "first_pass_p99_us", "baseline_median_us", "rss_mb",
    )  # fmt: skip
    lines.append("  " + "".join(f"{h:>13}" for h in header))
    for row in report.growth:
        cells = [f"{row['size']:.0f}x"] + [_number(row[k]) for k in keys[1:]]
        lines.append("  " + "".join(f"{c:>13}" for c in cells))
    return "\n".join(lines).lstrip("\n")


def conditions(quick: bool) -> dict[str, Any]:
    """Return the machine and software the run happened on."""
    import rapidfuzz

    try:
        import telegram

        ptb = telegram.__version__
    except ImportError:
        ptb = "absent"
    return {
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "cpu_model": _cpu_model(),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "rapidfuzz": rapidfuzz.__version__,
        "python_telegram_bot": ptb,
        "commit": _git("rev-parse", "--short", "HEAD"),
        "uncommitted_changes": bool(_git("status", "--porcelain", "--untracked-files=no")),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "quick": quick,
    }


def _git(*args: str) -> str:
    """Return git's answer about the working tree, or "" outside a repository."""
    try:
        run = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=10, check=False
        )
    except OSError:
        return ""
    return run.stdout.strip() if run.returncode == 0 else ""


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Log a stage and how long it took."""
    log(f"{name} ...")
    started = time.perf_counter()
    yield
    log(f"{name}: {time.perf_counter() - started:.1f} s")


def run_benchmark(sizes: Sizes, *, quick: bool) -> Report:
    """Measure everything, in an order that keeps the heavy parts from disturbing the light."""
    report = Report(conditions=conditions(quick))
    steps: list[tuple[str, Callable[[], None]]] = []
    with tempfile.TemporaryDirectory(prefix="berbot-bench-") as temp:
        work = Path(temp)
        steps = [
            ("engine latency and baseline", lambda: engine_latency(report, sizes)),
            ("ask --json batch", lambda: ask_batch(report, sizes, work)),
            ("ask cold start", lambda: cold_start(report, sizes)),
            ("Telegram end to end", lambda: telegram(report, sizes, work)),
            ("growth", lambda: growth(report, sizes, work)),
        ]
        try:
            for name, step in steps:
                with stage(name):
                    step()
        finally:
            shutil.rmtree(_SAVED, ignore_errors=True)
    report.conditions["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def child(args: list[str]) -> int:
    """Run one of the child modes used for measurements in a fresh interpreter."""
    mode, rest = args[0], args[1:]
    if mode == "engine":
        engine_probe(*rest)
    elif mode == "bot":
        return unlimited_bot()
    else:
        raise SystemExit(f"unknown child mode {mode!r}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the options, run the benchmark, print the table and write the JSON."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == [CHILD]:
        return child(arguments[1:])
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures here")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check it runs")
    options = parser.parse_args(arguments)
    report = run_benchmark(QUICK if options.quick else FULL, quick=options.quick)
    shown = (
        "cpu_count", "python", "commit", "uncommitted_changes",
        "load_average_before", "load_average_after",
    )  # fmt: skip
    conditions_line = ", ".join(f"{k}={report.conditions[k]}" for k in shown)
    conditions_line += "\nSlowest imports of `ask` (ms, -X importtime, cumulative): " + ", ".join(
        f"{module} {ms}" for module, ms in report.conditions["ask_slowest_imports_ms"].items()
    )
    print(f"{render(report)}\n\nConditions: {conditions_line}")
    if options.json:
        options.json.write_text(json.dumps(report.as_json(), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
