"""The benchmark runs on tiny input and reports every figure; no assertion is made on timings."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIGURES = {
    "engine_median_us", "engine_p95_us", "engine_p99_us", "engine_samples",
    "engine_first_pass_median_us", "engine_first_pass_p99_us",
    "baseline_median_us", "baseline_p99_us", "baseline_ratio_median", "baseline_ratio_p99",
    "ask_batch_questions_per_s", "ask_batch_lines", "ask_batch_seconds", "ask_batch_rss_mb",
    "bm25_questions_per_s", "ask_batch_bm25_ratio",
    "ask_cold_start_ms", "interpreter_start_ms", "startup_imports_ms", "startup_engine_ready_ms",
    "startup_first_answer_ms", "startup_rest_ms", "ask_first_start_ms", "startup_pack_load_ms",
    "startup_index_build_ms",
    "ask_telegram_modules", "ask_rss_mb",
    "telegram_answered_per_s", "telegram_updates", "telegram_latency_median_ms",
    "telegram_latency_p99_ms", "telegram_idle_latency_median_ms", "telegram_idle_latency_p99_ms",
    "telegram_failed_calls", "telegram_bot_cpu_pct", "telegram_server_cpu_pct", "bot_rss_mb",
    "telegram_limited_answered_per_s", "bot_production_rss_mb",
    "growth_largest_median_us", "growth_largest_p99_us", "growth_largest_build_ms",
    "growth_largest_rss_mb", "growth_exponent_median", "growth_exponent_p99",
    "growth_exponent_build", "growth_exponent_load",
}  # fmt: skip
"""Every figure the issue asks for, with the extras that explain them."""

GROWTH_COLUMNS = {
    "size", "facts", "phrasings", "load_ms", "build_ms", "median_us", "p99_us",
    "first_pass_median_us", "first_pass_p99_us", "baseline_median_us", "rss_mb",
}  # fmt: skip


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def test_quick_benchmark_reports_every_figure_as_a_number(tmp_path: Path) -> None:
    """`tests/bench.py --quick --json FILE` prints a table and writes every figure and size."""
    output = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, "tests/bench.py", "--quick", "--json", str(output)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert "Growth" in run.stdout

    report = json.loads(output.read_text(encoding="utf-8"))
    figures = report["figures"]
    assert set(figures) == FIGURES
    for name, figure in figures.items():
        assert _is_number(figure["value"]), (name, figure)
        assert figure["target"] is None or _is_number(figure["target"]), (name, figure)
        assert figure["met"] in (None, True, False), (name, figure)
    assert figures["engine_median_us"]["target"] == 100
    assert figures["telegram_answered_per_s"]["target_is"] == "min"

    sizes = [row["size"] for row in report["growth"]]
    assert sizes == [1, 2]
    for row in report["growth"]:
        assert set(row) == GROWTH_COLUMNS
        assert all(_is_number(value) for value in row.values()), row
    assert report["growth"][1]["phrasings"] > report["growth"][0]["phrasings"]
    assert report["conditions"]["cpu_count"] >= 1
