"""Server-side rerun time and Plotly payload of each page, measured with AppTest."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.settings import SCENARIOS
from tests.apptest import open_page, plotly_figures
from ui.registry import PAGES

BARE = str(Path(__file__).with_name("bare_page.py"))


@dataclass
class PageTiming:
    page: str
    default_ms: float
    largest_ms: float
    payload_default_kb: float
    payload_largest_kb: float  # each figure is the worst over the page's tabs


def median_rerun_ms(at: AppTest, repeats: int) -> float:
    """Median wall time of ``at.run()`` after two warm-up reruns (caches filled)."""
    for _ in range(2):
        at.run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        at.run()
        times.append((time.perf_counter() - start) * 1000)
    if at.exception:
        raise RuntimeError([e.value for e in at.exception])
    return statistics.median(times)


def payload_kb(at: AppTest) -> float:
    return sum(len(el.proto.spec) for el in at.get("plotly_chart")) / 1024


def bare_rerun_ms(repeats: int) -> float:
    at = AppTest.from_file(BARE, default_timeout=60)
    at.run()
    return median_rerun_ms(at, repeats)


def _worst(script: str, scenarios: list[dict[str, str]], repeats: int) -> tuple[float, float]:
    """(slowest median rerun, largest payload) over the scenarios (one per tab, say)."""
    worst_ms, worst_kb = 0.0, 0.0
    for params in scenarios or [{}]:
        at = open_page(script, params, timeout=120)
        if at.warning:
            raise RuntimeError(f"{script} {params}: {[w.value for w in at.warning]}")
        if not plotly_figures(at):
            raise RuntimeError(f"{script} {params}: no chart drawn")
        worst_ms = max(worst_ms, median_rerun_ms(at, repeats))
        worst_kb = max(worst_kb, payload_kb(at))
    return worst_ms, worst_kb


def time_page(script: str, repeats: int) -> PageTiming:
    scenarios = SCENARIOS.get(script, {})
    default_ms, default_kb = _worst(script, scenarios.get("default", []), repeats)
    largest_ms, largest_kb = _worst(script, scenarios.get("largest", []), repeats)
    return PageTiming(script, default_ms, largest_ms, default_kb, largest_kb)


def time_all_pages(repeats: int = 15) -> tuple[float, list[PageTiming]]:
    return bare_rerun_ms(repeats), [time_page(info.script, repeats) for info in PAGES]
