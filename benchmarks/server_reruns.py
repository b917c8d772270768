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


async def _median_move_ms(
    base_url: str, path: str, params: dict, repeats: int, in_fragment: bool = False
) -> float | None:
    """Median time of moving the open tab's first control (its first control inside an
    st.fragment when ``in_fragment``: then only the fragment reruns); None if there is none."""
    tab = Tab(base_url, path, urlencode(params, doseq=True))
    run = await tab.open(timeout=120)
    if run.errors:
        raise RuntimeError(f"{path} {params}: {run.errors}")
    main = [c for c in run.controls if c.key not in ("seed",)] or run.controls
    if in_fragment:
        main = [c for c in main if c.fragment_id]
    if not main:
        await tab.close()
        return None
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
                if name.endswith("default"):
                    fragment = [
                        await _median_move_ms(base, p, q, repeats, in_fragment=True)
                        for p, q in runs
                    ]
                    result[name.replace("default", "fragment")] = [
                        ms for ms in fragment if ms is not None
                    ]
            return result

        return asyncio.run(measure_all())
    finally:
        server.stop()
