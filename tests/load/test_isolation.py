"""Two students on the same page at the same time, with different seeds, never see each
other's data: a module global, a cached object mutated in place or a figure shared between
sessions would show one student's samples in the other's chart.

Each step moves both students' slider at once (their scripts run concurrently on the
server), to different positions; every chart each receives must equal, spec for spec, what
a student alone on the server receives after the same moves with the same seed.

About 15-20 s on 2 cores, most of it the fresh server importing torch and the page.
"""

from __future__ import annotations

import asyncio

import pytest

from benchmarks.load.protocol import Run, Tab
from benchmarks.load.server import StreamlitServer
from benchmarks.load.student import pick
from tests.conftest import run_async

PAGE = "gp-priors"  # its default view draws random functions from the seed
SEEDS = (1, 2)
STEPS = 3
TIMEOUT_S = 60


@pytest.fixture(scope="module")
def server():
    s = StreamlitServer()
    yield s
    s.stop()


async def _concurrent(url: str) -> list[list[dict]]:
    """Charts of each seed's tab after opening and after each step, both tabs at once."""
    tabs = [Tab(url, PAGE, f"seed={seed}") for seed in SEEDS]
    try:
        runs = await asyncio.gather(*(tab.open(TIMEOUT_S) for tab in tabs))
        control = pick(runs[0].controls, None)
        assert control is not None, f"no slider on {PAGE!r}"
        charts = [[dict(run.charts)] for run in runs]
        for step in range(1, STEPS + 1):
            # The second tab is always one position further: never the same value.
            moved = await asyncio.gather(
                *(tab.move(control, step + i, TIMEOUT_S) for i, tab in enumerate(tabs))
            )
            for i, run in enumerate(moved):
                charts[i].append(dict(_clean(run).charts))
        return charts
    finally:
        await asyncio.gather(*(tab.close() for tab in tabs))


async def _alone(url: str, seed_index: int) -> list[dict]:
    """The same moves as tab ``seed_index`` of _concurrent, with nobody else around."""
    tab = Tab(url, PAGE, f"seed={SEEDS[seed_index]}")
    try:
        run = await tab.open(TIMEOUT_S)
        control = pick(run.controls, None)
        charts = [dict(run.charts)]
        for step in range(1, STEPS + 1):
            run = await tab.move(control, step + seed_index, TIMEOUT_S)
            charts.append(dict(_clean(run).charts))
        return charts
    finally:
        await tab.close()


def _clean(run: Run) -> Run:
    assert not run.errors, run.errors
    assert run.charts, f"no chart on {PAGE!r}"
    return run


def test_concurrent_sessions_with_different_seeds_never_share_data(server):
    together = run_async(_concurrent(server.url))
    alone = [run_async(_alone(server.url, i)) for i in range(len(SEEDS))]

    for i, seed in enumerate(SEEDS):
        for step, (seen, expected) in enumerate(zip(together[i], alone[i], strict=True)):
            differing = sorted(p for p in expected if seen.get(p) != expected[p])
            assert seen.keys() == expected.keys() and not differing, (
                f"seed {seed}, step {step}: charts at {differing} differ from a lone session's"
            )
    # Otherwise the test could not tell one student's data from the other's.
    assert together[0][0] != together[1][0], "seeds 1 and 2 drew the same charts"
