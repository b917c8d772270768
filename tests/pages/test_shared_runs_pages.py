"""The long computations behind a button (ui.shared_runs) through the pages, as browsers open
them: a link over the cost budget is refused before anything runs, and sessions asking for the
same training or fit share one run. Timeouts only guard against hangs."""

from __future__ import annotations

import contextlib
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from unittest import mock

import pytest
import streamlit as st
import torch
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates
from streamlit.runtime import Runtime
from streamlit.runtime.caching.storage.dummy_cache_storage import MemoryCacheStorageManager
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.runtime.scriptrunner_utils.exceptions import StopException
from streamlit.testing.v1 import app_test
from streamlit.testing.v1.util import patch_config_options

from core import bnn_noise, bnn_vi
from core import gp_observations as obs
from core import gp_posterior as gpp
from core.bnn_training import MAX_WORK
from tests.apptest import assert_clean, open_page, plotly_figures
from ui import shared_runs
from ui.i18n import CATALOGS

BNN, GPP = "bayesian_nn.py", "gp_posterior.py"
EN = CATALOGS["en"]
TAB = {"vi": "bnn.tab.vi", "noise": "bnn.tab.noise"}
TRAIN_BUTTON = {"vi": "bnn_vi_train", "noise": "bnn_noise_train"}
# The link of issue 18 on each tab: the largest values every control allows.
OVER = {
    "vi": {"bnn_vi_steps": "5000", "bnn_vi_width": "500", "bnn_vi_k": "32", "bnn_vi_n": "200"},
    "noise": {"bnn_reg_steps": "5000", "bnn_reg_width": "500", "bnn_reg_n": "200"},
}
OVER_PARAMS = {  # what core reports for them
    "vi": {"steps": 5000, "networks": 32, "n": 200, "width": 500},
    "noise": {"steps": 5000, "networks": bnn_noise.NETWORKS, "n": 200, "width": 500},
}
TINY_VI = {"bnn_vi_steps": "100", "bnn_vi_width": "5", "bnn_vi_k": "1", "bnn_vi_n": "20"}
GUARD = 120.0


@pytest.fixture(autouse=True)
def nothing_stored():
    st.cache_data.clear()


def _no_training(*args, **kwargs):
    raise AssertionError("trained")


def _forged_click(at, button) -> None:
    """Press a disabled button the way only a hand-made message to the server could."""
    states = WidgetStates()
    states.widgets.extend(at._tree.get_widget_states().widgets)
    states.widgets.append(WidgetState(id=button.proto.id, trigger_value=True))
    at._run(widget_state=states)


def _bnn(tab: str, lang: str = "en", **params: str):
    at = open_page(BNN, {"bnn_tab": CATALOGS[lang][TAB[tab]], "lang": lang, **params})
    assert_clean(at)
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("tab", ["vi", "noise"])
def test_a_link_over_the_training_budget_is_refused_before_training(tab, lang, monkeypatch):
    monkeypatch.setattr(bnn_vi, "train_bayes_by_backprop", _no_training)
    monkeypatch.setattr(bnn_noise, "train_with_noise", _no_training)
    at = _bnn(tab, lang, **OVER[tab])
    params = OVER_PARAMS[tab]
    units = params["networks"] * params["n"] * params["width"]
    expected = CATALOGS[lang]["error.bnn_over_budget"].format(
        **params,
        work=params["steps"] * units,
        budget=MAX_WORK,
        max_steps=MAX_WORK // units,
    )
    assert [w.value for w in at.warning] == [expected]
    button = at.button(key=TRAIN_BUTTON[tab])
    assert button.disabled
    assert not at.info  # no "press Train" invitation
    assert plotly_figures(at)  # the data is drawn
    _forged_click(at, button)  # even a click that gets through trains nothing
    assert_clean(at)
    assert [w.value for w in at.warning] == [expected]


def test_a_link_over_the_fitting_budget_is_refused_before_fitting(monkeypatch):
    open_page(GPP, {"gpp_tab": EN["gpp.tab.likelihood"]})  # d2l's reference fit, now cached
    monkeypatch.setattr(gpp, "fit", _no_training)
    n = 60  # 60 points x 1000 steps
    x = torch.linspace(0.0, 5.0, n, dtype=torch.float64)
    text = obs.format_observations(x, torch.sin(x))
    at = open_page(GPP, {"gpp_tab": EN["gpp.tab.likelihood"], "gpp_obs": text, "gpp_steps": "1000"})
    assert_clean(at)
    work = 1000 * n
    expected = EN["error.gpp_fit_budget"].format(
        steps=1000, n=n, work=work, budget=gpp.FIT_BUDGET, max_steps=gpp.FIT_BUDGET // n
    )
    assert [w.value for w in at.warning] == [expected]
    fit = next(b for b in at.button if b.label == EN["gpp.fit.button"])
    assert fit.disabled
    _forged_click(at, fit)
    assert_clean(at)
    assert not at.success


def test_a_second_session_fitting_the_same_gp_gets_the_first_ones_fit(monkeypatch):
    link = {"gpp_tab": EN["gpp.tab.likelihood"], "gpp_steps": "30"}
    first = open_page(GPP, link)
    next(b for b in first.button if b.label == EN["gpp.fit.button"]).click().run()
    assert_clean(first)
    monkeypatch.setattr(gpp, "fit", _no_training)
    second = open_page(GPP, link)
    next(b for b in second.button if b.label == EN["gpp.fit.button"]).click().run()
    assert_clean(second)
    assert [s.value for s in second.success] == [s.value for s in first.success]
    for key in ("gpp_k_amp", "gpp_k_ls", "gpp_noise"):
        assert second.session_state[key] == first.session_state[key]


def _wait_until(condition, what: str) -> None:
    deadline = time.monotonic() + GUARD
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.005)


@contextlib.contextmanager
def one_server():
    """Let two AppTests run at once as two sessions of one server.

    Each AppTest run installs a mock Runtime of its own in ``Runtime._instance`` and removes
    it (sets None) when it ends, and patches ``config.get_option`` around itself: two runs at
    once would pull them from under each other. Here every run sees one shared mock runtime,
    and the option patch outlives both.
    """

    class Slot:  # what AppTest assigns its own mock runtime to, instead of Runtime
        _instance = None

    runtime = mock.MagicMock(spec=Runtime)
    runtime.media_file_mgr = MediaFileManager(MemoryMediaFileStorage("/mock/media"))
    runtime.cache_storage_manager = MemoryCacheStorageManager()
    # A server compiles each script once under one lock; each AppTest has a script cache of
    # its own, and CPython 3.11 fails ("AST constructor recursion depth mismatch") when two
    # threads compile at once: share one lock, as the server does.
    compiling = threading.Lock()
    get_bytecode = ScriptCache.get_bytecode

    def locked_get_bytecode(self, script_path):
        with compiling:
            return get_bytecode(self, script_path)

    with (
        mock.patch.object(ScriptCache, "get_bytecode", locked_get_bytecode),
        mock.patch.object(app_test, "Runtime", Slot),
        mock.patch.object(Runtime, "_instance", runtime),
        patch_config_options({"global.appTest": True}),
    ):
        yield


def test_two_sessions_pressing_train_together_train_once(monkeypatch):
    """The second session waits for the first one's training (it is made to arrive while the
    training runs) and shows the same result; the network is trained once."""
    sessions = [_bnn("vi", **TINY_VI) for _ in range(2)]
    second_waits = threading.Event()
    trainings: list[int] = []
    train = bnn_vi.train_bayes_by_backprop

    def counted(*args, **kwargs):
        trainings.append(threading.get_ident())
        assert second_waits.wait(GUARD), "the other session never waited for this training"
        return train(*args, **kwargs)

    real_waiting = shared_runs.waiting

    def waiting(bar):
        on_wait = real_waiting(bar)

        def noted(progress):
            second_waits.set()
            on_wait(progress)

        return noted

    monkeypatch.setattr(bnn_vi, "train_bayes_by_backprop", counted)
    monkeypatch.setattr(shared_runs, "waiting", waiting)

    def press(at):
        return at.button(key=TRAIN_BUTTON["vi"]).click().run(timeout=GUARD)

    with one_server(), ThreadPoolExecutor(max_workers=2, thread_name_prefix="session") as pool:
        done = [f.result(GUARD) for f in [pool.submit(press, at) for at in sessions]]
    assert len(trainings) == 1
    figures = []
    for at in done:
        assert_clean(at)
        assert not at.error, [e.value for e in at.error]
        button = at.button(key=TRAIN_BUTTON["vi"])
        assert button.disabled and button.label == EN["bnn.train.done"]
        figures.append(plotly_figures(at))
    assert len(figures[0]) == 4 and figures[0] == figures[1]
    assert len(shared_runs.RUNS) == 0


def test_a_session_stopped_while_training_hands_the_training_to_the_waiting_one(monkeypatch):
    """Streamlit stops a closed (or rerun) session's script by raising StopException at its
    next output, here inside the training's progress callback: the session waiting for that
    training must not hang, but train itself and show the result."""
    first, second = (_bnn("vi", **TINY_VI) for _ in range(2))
    second_waits = threading.Event()
    trainings: list[int] = []  # the script thread of each session that trained
    train = bnn_vi.train_bayes_by_backprop

    def stopped_first(*args, **kwargs):
        trainings.append(threading.get_ident())
        if len(trainings) > 1:
            return train(*args, **kwargs)
        assert second_waits.wait(GUARD), "the other session never waited for this training"
        raise StopException()

    real_waiting = shared_runs.waiting

    def waiting(bar):
        on_wait = real_waiting(bar)

        def noted(progress):
            second_waits.set()
            on_wait(progress)

        return noted

    monkeypatch.setattr(bnn_vi, "train_bayes_by_backprop", stopped_first)
    monkeypatch.setattr(shared_runs, "waiting", waiting)

    def press(at):
        return at.button(key=TRAIN_BUTTON["vi"]).click().run(timeout=GUARD)

    with one_server(), ThreadPoolExecutor(max_workers=2, thread_name_prefix="session") as pool:
        led = pool.submit(press, first)
        _wait_until(lambda: len(shared_runs.RUNS) == 1, "the first session trains")
        took_over = pool.submit(press, second).result(GUARD)
        stopped = led.result(GUARD)
    assert len(trainings) == 2 and trainings[0] != trainings[1]
    assert_clean(stopped)
    assert_clean(took_over)
    button = took_over.button(key=TRAIN_BUTTON["vi"])
    assert button.disabled and button.label == EN["bnn.train.done"]
    assert len(plotly_figures(took_over)) == 4
    assert len(shared_runs.RUNS) == 0
