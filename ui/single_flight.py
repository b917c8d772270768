"""Single flight: one computation per key at a time in this server process, its outcome shared.

A class presses Train on the same link at once: the first caller for a key computes (the
leader); every caller that asks for that key meanwhile waits for the leader's outcome instead
of computing it again, watching the progress the leader reports. The registry holds only the
computations in flight, at most ``max_in_flight`` of them (a caller with a new key waits for a
free slot); a finished one is dropped at once, so results are kept elsewhere (a bounded cache,
see `ui.shared_runs`).

How each outcome reaches the waiters:

- a value: every waiter returns it;
- an ``Exception`` (bad input, a diverged training): every waiter raises it, and the next call
  for the key computes again;
- a ``BaseException`` that is not an ``Exception``: the leader's own run was stopped, not the
  computation refuted (Streamlit stops a script by raising ``StopException`` or
  ``RerunException`` in it when its session closes or reruns): the waiters wake up and one of
  them takes over.

Streamlit's ``st.cache_data`` already computes a missed value once (a per-key lock, and waiters
that poll for their own stop or rerun), but it cannot serve a computation that draws while it
runs: a live progress bar drawn from inside a cached function would be replayed on every hit
(and a block created outside it cannot be replayed at all), and a failed computation is redone
by every waiter. Hence this, with the same polling (`stop_point`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from streamlit.runtime.scriptrunner_utils.script_run_context import get_run_yield_check

V = TypeVar("V")
Report = Callable[[object], None]  # the leader's progress, for the waiters to show
OnWait = Callable[[object | None], None]  # a waiter's poll: the latest progress, or None


@dataclass(eq=False)
class _Flight:
    leader: int  # thread id: a leader asking for its own key would wait for itself
    done: threading.Event = field(default_factory=threading.Event)
    progress: object | None = None
    value: object = None
    error: BaseException | None = None
    abandoned: bool = False
    waiters: int = 0

    def report(self, progress: object) -> None:
        self.progress = progress  # one reference assignment: readers see old or new


class SingleFlight(Generic[V]):
    """A bounded registry of computations in flight, keyed by a hashable key.

    ``run(key, compute, on_wait=...)`` returns ``compute(report)``'s value, computed at most
    once at a time per key however many threads ask. ``compute`` may call ``report(progress)``
    with any object; a waiting thread gets the latest one in ``on_wait(progress)`` every
    ``poll_seconds`` (``None`` before the first report, and while it waits for a free slot).
    ``on_wait`` may raise to stop waiting (Streamlit's stop or rerun): nothing is left behind.
    """

    def __init__(self, max_in_flight: int = 2, poll_seconds: float = 0.1) -> None:
        if max_in_flight < 1 or poll_seconds <= 0:
            raise ValueError("max_in_flight must be >= 1 and poll_seconds > 0")
        self.max_in_flight = max_in_flight
        self.poll_seconds = poll_seconds
        self._changed = threading.Condition(threading.Lock())
        self._flights: dict[Hashable, _Flight] = {}

    def __len__(self) -> int:
        """How many keys are being computed now."""
        with self._changed:
            return len(self._flights)

    def waiting(self, key: Hashable) -> int:
        """How many callers wait for the computation of ``key`` (0 when none runs)."""
        with self._changed:
            flight = self._flights.get(key)
            return 0 if flight is None else flight.waiters

    def run(
        self, key: Hashable, compute: Callable[[Report], V], *, on_wait: OnWait | None = None
    ) -> V:
        while True:
            flight, leading = self._join(key, on_wait)
            if leading:
                return self._lead(key, flight, compute)
            try:
                while not flight.done.wait(self.poll_seconds):
                    if on_wait is not None:
                        on_wait(flight.progress)
            finally:
                with self._changed:
                    flight.waiters -= 1
            if flight.abandoned:
                continue  # the leader's run stopped: take over, or follow whoever did
            if flight.error is not None:
                raise flight.error
            return flight.value  # type: ignore[return-value]

    def _join(self, key: Hashable, on_wait: OnWait | None) -> tuple[_Flight, bool]:
        """The flight of ``key`` and whether this thread leads it (registered a new one)."""
        while True:
            with self._changed:
                flight = self._flights.get(key)
                if flight is not None:
                    if flight.leader == threading.get_ident():
                        raise RuntimeError(f"{key!r} is computed by this very thread")
                    flight.waiters += 1
                    return flight, False
                if len(self._flights) < self.max_in_flight:
                    flight = self._flights[key] = _Flight(threading.get_ident())
                    return flight, True
                self._changed.wait(self.poll_seconds)  # woken when a flight ends
            if on_wait is not None:
                on_wait(None)

    def _lead(self, key: Hashable, flight: _Flight, compute: Callable[[Report], V]) -> V:
        try:
            value = compute(flight.report)
        except Exception as error:
            self._land(key, flight, error=error)
            raise
        except BaseException:
            self._land(key, flight, abandoned=True)
            raise
        self._land(key, flight, value=value)
        return value

    def _land(
        self,
        key: Hashable,
        flight: _Flight,
        *,
        value: object = None,
        error: BaseException | None = None,
        abandoned: bool = False,
    ) -> None:
        """Record the outcome, drop the flight, and wake its waiters and the slot waiters.
        Dropped first: a waiter that takes over must find the key free."""
        with self._changed:
            flight.value, flight.error, flight.abandoned = value, error, abandoned
            del self._flights[key]
            flight.done.set()
            self._changed.notify_all()


def stop_point() -> None:
    """Let Streamlit stop or rerun this script here, as ``st.cache_data`` lets a session that
    waits for another session's computation: a no-op outside a script run."""
    check = get_run_yield_check()
    if check is not None:
        check()
