"""Rerun time as a real server sees it: one tab on `streamlit run`, a control moved again
and again, timed from the change sent to the run finished (websocket client of
benchmarks.load, loopback). The home page's seed box is the baseline in the same run."""

from __future__ import annotations

import asyncio
import statistics
import time
from urllib.parse import urlencode

from benchmarks.load.protocol import Tab
from tests.e2e.conftest import Server

WARM_UP = 3


async def _median_move_ms(base_url: str, path: str, params: dict, repeats: int) -> float:
    tab = Tab(base_url, path, urlencode(params, doseq=True))
    run = await tab.open(timeout=120)
    if run.errors:
        raise RuntimeError(f"{path} {params}: {run.errors}")
    main = [c for c in run.controls if c.key not in ("seed",)] or run.controls
    control = main[0]
    times = []
    try:
        for step in range(1, WARM_UP + repeats + 1):
            start = time.perf_counter()
            moved = await tab.move(control, step, timeout=120)
            if step > WARM_UP:
                times.append((time.perf_counter() - start) * 1000)
            if moved.errors:
                raise RuntimeError(f"{path} {params}: {moved.errors}")
    finally:
        await tab.close()
    return statistics.median(times)


def median_moves_ms(scenarios: dict[str, list[tuple[str, dict]]], repeats: int = 15) -> dict:
    """{name: [median ms per scenario]} for (url path, URL parameters) scenarios, plus the
    home page baseline, all against one fresh server."""
    server = Server()
    try:
        base = server.url().rstrip("/")

        async def measure_all():
            result = {"home (baseline)": [await _median_move_ms(base, "", {}, repeats)]}
            for name, runs in scenarios.items():
                result[name] = [await _median_move_ms(base, p, q, repeats) for p, q in runs]
            return result

        return asyncio.run(measure_all())
    finally:
        server.stop()
