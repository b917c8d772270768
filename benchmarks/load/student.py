"""One simulated student: opens a page, then moves one control every few seconds until the
end of the wave, timing each change until the server reports the run finished.

If the connection drops and ``reconnect`` is set, the student reopens the address bar's URL
(every control lives in it), as a reloaded browser tab would, and checks the charts came
back exactly as they were.
"""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, field

from websockets.exceptions import WebSocketException

from benchmarks.load.controls import Control
from benchmarks.load.protocol import ServerError, Tab

# What a dropped server or proxy looks like from here.
CONNECTION_LOST = (WebSocketException, OSError, ServerError)


@dataclass
class Plan:
    base_url: str
    page: str
    query: str
    start_at: float  # time.monotonic() to open the tab
    end_at: float  # ... and to close it
    think_s: float  # mean pause between two moves (a hand on a slider, not a loop)
    control_key: str | None  # move this widget; None: the first slider, else a number box
    timeout_s: float
    reconnect: bool
    rng_seed: int


@dataclass
class Outcome:
    page: str
    opened: bool = False
    skipped: str = ""  # why the student had nothing to move
    open_s: float | None = None  # from opening the websocket to the first run finished
    moves: list[tuple[float, float]] = field(default_factory=list)  # (done at, change -> finished)
    errors: list[str] = field(default_factory=list)
    disconnects: int = 0
    recoveries_s: list[float] = field(default_factory=list)  # connection lost -> page back
    views_restored: int = 0
    views_changed: int = 0
    lost: bool = False  # dropped and never came back before the end of the wave


@dataclass
class Room:
    """How many tabs are open right now, for the memory timeline."""

    present: int = 0


def pick(controls: list[Control], key: str | None) -> Control | None:
    if key is not None:
        return next((c for c in controls if c.key == key), None)
    sliders = [c for c in controls if c.kind != "number_input"]
    return (sliders or controls or [None])[0]


async def attend(plan: Plan, room: Room) -> Outcome:
    outcome = Outcome(plan.page)
    rng = random.Random(plan.rng_seed)
    await asyncio.sleep(max(0.0, plan.start_at - time.monotonic()))
    tab = Tab(plan.base_url, plan.page, plan.query)
    room.present += 1
    try:
        await _attend(tab, plan, outcome, rng)
    finally:
        await tab.close()
        room.present -= 1
    return outcome


async def _attend(tab: Tab, plan: Plan, outcome: Outcome, rng: random.Random) -> None:
    started = time.monotonic()
    try:
        run = await tab.open(plan.timeout_s)
    except TimeoutError:
        outcome.errors.append("timeout opening the page")
        return
    except CONNECTION_LOST as exc:
        outcome.errors.append(f"could not open the page: {exc!r}")
        return
    outcome.opened, outcome.open_s = True, time.monotonic() - started
    outcome.errors += run.errors
    control = pick(run.controls, plan.control_key)
    if control is None:  # nothing to move: stay and read, the tab still holds a session
        outcome.skipped = f"no control to move on {plan.page!r}"
        await asyncio.sleep(max(0.0, plan.end_at - time.monotonic()))
        return
    last_finished = (tab.query, run.chart_digest())
    step = 0
    while True:
        pause = plan.think_s * rng.uniform(0.5, 1.5)
        if time.monotonic() + pause >= plan.end_at:
            return
        await asyncio.sleep(pause)
        step += 1
        sent = time.monotonic()
        try:
            run = await tab.move(control, step, plan.timeout_s)
        except TimeoutError:
            outcome.errors.append(f"no script_finished within {plan.timeout_s:.0f} s")
            return
        except CONNECTION_LOST:
            outcome.disconnects += 1
            if not plan.reconnect or not await _reopen(tab, plan, outcome, last_finished):
                outcome.lost = True
                return
            continue
        done = time.monotonic()
        outcome.moves.append((done, done - sent))
        outcome.errors += run.errors
        last_finished = (tab.query, run.chart_digest())


async def _reopen(tab: Tab, plan: Plan, outcome: Outcome, last_finished: tuple) -> bool:
    """Reload the tab until the page is back or the wave ends; True if it came back."""
    lost_at = time.monotonic()
    await tab.close()
    url_query = tab.query  # the address bar, with any change that was in flight
    while time.monotonic() < plan.end_at:
        try:
            run = await tab.open(plan.timeout_s)
        except (TimeoutError, *CONNECTION_LOST):
            await asyncio.sleep(0.5)  # the browser's reconnect backs off too
            continue
        outcome.recoveries_s.append(time.monotonic() - lost_at)
        outcome.errors += run.errors
        expected = await _view_of(url_query, last_finished, plan)
        if expected is not None:
            outcome.views_restored += run.chart_digest() == expected
            outcome.views_changed += run.chart_digest() != expected
        return True
    return False


async def _view_of(url_query: str, last_finished: tuple, plan: Plan) -> str | None:
    """The charts the reloaded URL must show: those last drawn, or if a change was in flight
    when the connection dropped (it is in the URL but was never drawn), those a fresh tab on
    the same URL draws."""
    query, digest = last_finished
    if url_query == query:
        return digest
    reference = Tab(plan.base_url, plan.page, url_query)
    try:
        return (await reference.open(plan.timeout_s)).chart_digest()
    except (TimeoutError, *CONNECTION_LOST):
        return None
    finally:
        await reference.close()
