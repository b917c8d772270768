"""ui.single_flight with real threads. Every wait is on an event the test controls; the
timeouts are only guards against a hang (a failure), never part of what is asserted."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from ui.single_flight import SingleFlight

GUARD = 60.0  # seconds: only a broken implementation waits this long


def wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + GUARD
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.001)


class Counting:
    """A computation that counts its calls and, when asked to, holds each call until
    ``waiters`` callers wait for its key (so that they really overlap)."""

    def __init__(self, flights: SingleFlight, key, waiters: int = 0, outcome=None) -> None:
        self.flights, self.key, self.waiters = flights, key, waiters
        self.outcome = outcome or (lambda call: f"value {call}")
        self.calls = 0
        self._lock = threading.Lock()

    def __call__(self, report) -> str:
        with self._lock:
            self.calls += 1
            call = self.calls
        if self.waiters:
            wait_until(lambda: self.flights.waiting(self.key) >= self.waiters, "all wait")
        return self.outcome(call)


def run_together(n: int, call):
    """``call()`` in ``n`` threads at once; their futures."""
    pool = ThreadPoolExecutor(max_workers=n)
    futures = [pool.submit(call) for _ in range(n)]
    pool.shutdown(wait=False)
    return futures


def test_many_callers_of_one_key_compute_it_once_and_share_the_value():
    flights = SingleFlight(max_in_flight=2, poll_seconds=0.01)
    compute = Counting(flights, "k", waiters=7)
    futures = run_together(8, lambda: flights.run("k", compute))
    assert [f.result(GUARD) for f in futures] == ["value 1"] * 8
    assert compute.calls == 1
    assert len(flights) == 0 and flights.waiting("k") == 0  # nothing left behind


def test_an_exception_reaches_every_waiter_and_the_next_call_computes_again():
    flights = SingleFlight(poll_seconds=0.01)

    def outcome(call):
        if call == 1:
            raise ValueError("diverged")
        return "second try"

    compute = Counting(flights, "k", waiters=4, outcome=outcome)
    futures = run_together(5, lambda: flights.run("k", compute))
    errors = [f.exception(GUARD) for f in futures]
    assert all(isinstance(e, ValueError) and str(e) == "diverged" for e in errors)
    assert compute.calls == 1
    assert len(flights) == 0
    compute.waiters = 0
    assert flights.run("k", compute) == "second try"
    assert compute.calls == 2


@pytest.mark.parametrize("stop", [StopException, KeyboardInterrupt])
def test_a_stopped_leader_releases_its_waiters_and_one_of_them_takes_over(stop):
    """Streamlit stops a closed or rerun session's script by raising StopException or
    RerunException (BaseExceptions) in it: the waiters must not hang, nor see that."""
    flights = SingleFlight(poll_seconds=0.01)
    calls: list[str] = []

    def compute(report):
        calls.append(threading.current_thread().name)
        if len(calls) == 1:  # the leader: stopped once all three wait for it
            wait_until(lambda: flights.waiting("k") == 3, "three wait for the leader")
            raise stop()
        # the one that took over: the other two now wait for it
        wait_until(lambda: flights.waiting("k") == 2, "two wait for the new leader")
        return "taken over"

    pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="session")
    led = pool.submit(flights.run, "k", compute)
    wait_until(lambda: len(flights) == 1, "the leader runs")
    followers = [pool.submit(flights.run, "k", compute) for _ in range(3)]
    assert isinstance(led.exception(GUARD), stop)
    assert [f.result(GUARD) for f in followers] == ["taken over"] * 3
    pool.shutdown()
    assert len(calls) == 2 and calls[0] != calls[1]
    assert len(flights) == 0


def test_different_keys_are_computed_at_the_same_time():
    flights = SingleFlight(max_in_flight=2, poll_seconds=0.01)
    both_running = threading.Barrier(2, timeout=GUARD)  # broken if they ran one after the other

    def compute(report):
        both_running.wait()
        return "done"

    pool = ThreadPoolExecutor(max_workers=2)
    futures = [pool.submit(flights.run, key, compute) for key in ("a", "b")]
    assert [f.result(GUARD) for f in futures] == ["done", "done"]
    pool.shutdown()
    assert len(flights) == 0


def test_at_most_max_in_flight_keys_run_and_the_next_waits_for_a_slot():
    flights = SingleFlight(max_in_flight=1, poll_seconds=0.01)
    events: list[str] = []
    b_waits_for_a_slot = threading.Event()

    def compute_a(report):
        events.append("a starts")
        assert b_waits_for_a_slot.wait(GUARD)
        events.append("a ends")
        return "a"

    def compute_b(report):
        events.append("b starts")
        return "b"

    def on_wait_b(progress):
        assert progress is None  # b is not waiting for a computation of its own key
        b_waits_for_a_slot.set()

    pool = ThreadPoolExecutor(max_workers=2)
    a = pool.submit(flights.run, "a", compute_a)
    wait_until(lambda: len(flights) == 1, "a runs")
    b = pool.submit(flights.run, "b", compute_b, on_wait=on_wait_b)
    assert (a.result(GUARD), b.result(GUARD)) == ("a", "b")
    pool.shutdown()
    assert events == ["a starts", "a ends", "b starts"]
    assert len(flights) == 0


def test_waiters_see_the_leaders_progress():
    flights = SingleFlight(poll_seconds=0.01)
    seen: list[object] = []
    saw_half = threading.Event()

    def compute(report):
        report((5, 10))
        assert saw_half.wait(GUARD)
        return "done"

    def on_wait(progress):
        seen.append(progress)
        if progress == (5, 10):
            saw_half.set()

    pool = ThreadPoolExecutor(max_workers=2)
    led = pool.submit(flights.run, "k", compute)
    wait_until(lambda: len(flights) == 1, "the leader runs")
    followed = pool.submit(flights.run, "k", compute, on_wait=on_wait)
    assert (led.result(GUARD), followed.result(GUARD)) == ("done", "done")
    pool.shutdown()
    assert (5, 10) in seen


def test_a_waiter_that_stops_waiting_leaves_nothing_behind():
    flights = SingleFlight(poll_seconds=0.01)
    release = threading.Event()

    def compute(report):
        assert release.wait(GUARD)
        return "done"

    def on_wait(progress):
        raise StopException()  # the waiting session was closed

    pool = ThreadPoolExecutor(max_workers=1)
    led = pool.submit(flights.run, "k", compute)
    wait_until(lambda: len(flights) == 1, "the leader runs")
    with pytest.raises(StopException):
        flights.run("k", compute, on_wait=on_wait)
    assert flights.waiting("k") == 0
    release.set()
    assert led.result(GUARD) == "done"
    pool.shutdown()
    assert len(flights) == 0


def test_a_leader_asking_for_its_own_key_is_an_error_not_a_deadlock():
    flights = SingleFlight()
    with pytest.raises(RuntimeError, match="this very thread"):
        flights.run("k", lambda report: flights.run("k", lambda r: "inner"))
    assert len(flights) == 0
