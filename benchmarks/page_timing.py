"""Server-side rerun time and Plotly payload of each page, measured with AppTest.

Every tab is measured twice: at its defaults, and with every slider, select-slider and
number box of the tab pushed to its largest value. A page's figure is its slowest tab.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.settings import EXTRA_LARGEST, TAB_KEYS
from tests.apptest import open_page, plotly_figures
from ui.registry import PAGES

BARE = str(Path(__file__).with_name("bare_page.py"))


@dataclass
class PageTiming:
    page: str
    default_ms: float
    largest_ms: float
    payload_default_kb: float
    payload_largest_kb: float
    slowest_tab: str
    # The URLs measured, for the real-server timing: (url path, parameters)
    default_urls: list = field(default_factory=list)
    largest_urls: list = field(default_factory=list)


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


def push_to_largest(at: AppTest) -> dict[str, str]:
    """Every numeric control of the open page at its maximum (the costliest settings);
    returns those settings as URL parameters."""
    params = {}
    for slider in at.main.slider:
        if not isinstance(slider.value, tuple):
            slider.set_value(slider.max)
            params[slider.key] = f"{slider.max:g}"
    for select_slider in at.main.select_slider:
        select_slider.set_value(select_slider.options[-1])
        params[select_slider.key] = select_slider.options[-1]
    for box in at.main.number_input:
        if box.max is not None and abs(box.max) < 1e6:
            box.set_value(box.max)
            params[box.key] = f"{box.max:g}"
    at.run()
    return {k: v for k, v in params.items() if k}


def _measure(at: AppTest, repeats: int, what: str) -> tuple[float, float]:
    if not plotly_figures(at):
        raise RuntimeError(f"{what}: no chart drawn")
    return median_rerun_ms(at, repeats), payload_kb(at)


def time_page(script: str, repeats: int) -> PageTiming:
    path = next(info.url_path for info in PAGES if info.script == script)
    tab_labels = [tab.label for tab in open_page(script).tabs] or [None]
    default, largest, slowest = (0.0, 0.0), (0.0, 0.0), ""
    default_urls, largest_urls = [], []
    for label in tab_labels:
        params = {TAB_KEYS[script]: label} if label else {}
        at = open_page(script, params, timeout=120)
        ms, kb = _measure(at, repeats, f"{script} {label}")
        default = (max(default[0], ms), max(default[1], kb))
        default_urls.append((path, params))
        largest_urls.append((path, {**params, **push_to_largest(at)}))
        ms, kb = _measure(at, repeats, f"{script} {label} at its largest")
        if ms > largest[0]:
            slowest = str(label)
        largest = (max(largest[0], ms), max(largest[1], kb))
    for params in EXTRA_LARGEST.get(script, []):
        at = open_page(script, params, timeout=120)
        ms, kb = _measure(at, repeats, f"{script} {params}")
        largest = (max(largest[0], ms), max(largest[1], kb))
        largest_urls.append((path, params))
    return PageTiming(
        script, default[0], largest[0], default[1], largest[1], slowest, default_urls, largest_urls
    )


def time_all_pages(repeats: int = 15) -> tuple[float, list[PageTiming]]:
    return bare_rerun_ms(repeats), [time_page(info.script, repeats) for info in PAGES]
