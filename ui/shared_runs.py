"""Long computations behind a button (a training, a hyperparameter fit), run once per server
process and shared by every session: the finished ones in a bounded cache, the running ones
in one `ui.single_flight.SingleFlight`, so a class pressing the same button on the same link
trains once and everyone gets the result.

A page first asks core whether it would run these settings at all (``refusal``: over the cost
budget, the button is disabled and the reason shown), then calls ``run_once(kind, key,
compute, on_wait=waiting(bar))`` with ``key`` every input that determines the result (the seed
included): ``compute(report)`` runs only when no session has the result or is computing it,
and draws its own live progress; the sessions that wait for it move their progress bar with
what it reports (``report((step, total))``).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

import streamlit as st

from core.errors import InputError
from ui import widgets
from ui.i18n import t
from ui.single_flight import OnWait, Report, SingleFlight, stop_point

V = TypeVar("V")

# Long computations running at once in this process; more wait for a slot (with a notice).
# Each runs on one core (app.py sets OMP_NUM_THREADS=1) and the server has about two: more at
# once would only share the cores, and slow every other session's reruns too.
MAX_RUNNING = 2
STORED = 32  # finished results kept (a training's result is a few hundred KB at most)

RUNS: SingleFlight = SingleFlight(max_in_flight=MAX_RUNNING)  # one per server process


def refusal(check: Callable[..., object], *args: object) -> InputError | None:
    """The `InputError` with which core's ``check(*args)`` refuses a run (over its cost
    budget), or None."""
    try:
        check(*args)
    except InputError as error:
        return error
    return None


def show_refusal(error: InputError) -> None:
    """Why the button is disabled: what is over the budget, and what would fit."""
    st.warning(widgets.error_message(error), icon=":material/speed:")


class _NotStoredError(Exception):
    """No stored result for this key (yet)."""


@st.cache_data(max_entries=STORED, show_spinner=False)
def _stored(kind: str, key: Hashable, _result: object = None) -> object:
    """A finished result, stored under its kind and key and shared by every session.

    st.cache_data has no "look up without computing": called with ``_result`` (not hashed,
    for the leading underscore) this stores it; called without, it returns what was stored or
    raises, and a call that raises leaves nothing in the cache.
    """
    if _result is None:
        raise _NotStoredError
    return _result


def stored(kind: str, key: Hashable) -> object | None:
    """The stored result of ``kind`` for ``key``, or None."""
    try:
        return _stored(kind, key)
    except _NotStoredError:
        return None


def run_once(
    kind: str, key: Hashable, compute: Callable[[Report], V], *, on_wait: OnWait | None = None
) -> V:
    """The stored result, or ``compute(report)``'s, computed by one session at a time: the
    others asking for the same ``(kind, key)`` meanwhile wait (calling ``on_wait``) and get it.
    ``compute`` must not return None (None means "not stored")."""
    found = stored(kind, key)
    if found is not None:
        return found  # type: ignore[return-value]

    def lead(report: Report) -> V:
        # Looked up again: a run may have ended between the first look and taking the lead.
        again = stored(kind, key)
        if again is not None:
            return again  # type: ignore[return-value]
        value = compute(report)
        _stored(kind, key, _result=value)
        return value

    return RUNS.run((kind, key), lead, on_wait=on_wait)


def waiting(bar) -> OnWait:
    """An ``on_wait`` for ``run_once``: moves ``st.progress`` ``bar`` with the ``(step, total)``
    another session reports, says that it is another session's run, and lets Streamlit stop
    or rerun this session meanwhile."""
    shown: list[object] = [object()]  # what the bar shows now (nothing yet)

    def on_wait(progress: object | None) -> None:
        stop_point()
        if progress == shown[0]:
            return
        shown[0] = progress
        if progress is None:
            bar.progress(0.0, text=t("shared.queued"))
        else:
            step, total = progress  # type: ignore[misc]
            bar.progress(step / total, text=t("shared.progress", step=step, total=total))

    return on_wait
