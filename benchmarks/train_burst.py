"""`python -m benchmarks.train_burst`: a whole class presses Train on the lecturer's link.

One fresh `streamlit run`. Alone: one tab opens the Bayesian-network VI tab at its defaults
and presses Train; the wait is timed from the press to the run finished. Together:
``--students`` tabs open the same link with another seed (so nothing is stored yet) and
press Train at the same moment; each one's wait is timed the same way, and every tab must
draw the same charts. With the trainings shared (`ui.shared_runs`), the class waits about as
long as one student alone, not ``students`` times as long."""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from urllib.parse import urlencode

from benchmarks.load.protocol import Tab
from tests.e2e.conftest import Server
from ui.i18n import CATALOGS

PAGE = "bayesian-networks"
TRAIN = "bnn_vi_train"


def _link(seed: int) -> str:
    return urlencode({"bnn_tab": CATALOGS["en"]["bnn.tab.vi"], "seed": seed})


async def _open(base: str, seed: int) -> Tab:
    tab = Tab(base, PAGE, _link(seed))
    run = await tab.open(timeout=300)
    if run.errors or TRAIN not in run.buttons:
        raise RuntimeError(f"{PAGE}: {run.errors or 'no Train button'}")
    return tab


async def _press(tab: Tab) -> tuple[float, str]:
    start = time.perf_counter()
    run = await tab.press(TRAIN, timeout=600)
    if run.errors:
        raise RuntimeError(run.errors)
    return time.perf_counter() - start, run.chart_digest()


async def _measure(base: str, students: int) -> dict:
    # a fresh server's first run takes `pages/` for Streamlit's old multipage layout and
    # answers any path but the home page's "page not found"; then the page's imports
    home = Tab(base, "")
    await home.open(timeout=300)
    await home.close()
    await (await _open(base, 1)).close()
    alone = await _open(base, 2)
    alone_s, _ = await _press(alone)
    await alone.close()
    tabs = await asyncio.gather(*(_open(base, 3) for _ in range(students)))
    results = await asyncio.gather(*(_press(tab) for tab in tabs))
    for tab in tabs:
        await tab.close()
    waits = [wait for wait, _ in results]
    return {
        "alone_s": alone_s,
        "median_s": statistics.median(waits),
        "max_s": max(waits),
        "same_charts": len({digest for _, digest in results}) == 1,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_burst", description=__doc__)
    parser.add_argument("--students", type=int, default=30, help="tabs pressing Train at once")
    students = parser.parse_args().students
    if not 1 <= students <= 100:
        parser.error("--students must be 1..100")
    server = Server()
    try:
        figures = asyncio.run(_measure(server.base, students))
    finally:
        server.stop()
    print(
        f"alone {figures['alone_s']:.2f} s; {students} together: median "
        f"{figures['median_s']:.2f} s, slowest {figures['max_s']:.2f} s "
        f"({figures['max_s'] / figures['alone_s']:.1f}x alone); "
        f"same charts in every tab: {figures['same_charts']}"
    )


if __name__ == "__main__":
    main()
