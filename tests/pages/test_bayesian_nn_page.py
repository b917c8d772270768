"""The Bayesian neural network page through app.py, as a browser would open it (AppTest).
Training runs only at the smallest settings the controls allow."""

from __future__ import annotations

import numpy as np
import pytest
import streamlit as st

from core import bnn_vi
from core.bnn import ACTIVATION_NAMES, PARAMETERS
from core.bnn_data import TRUE_FUNCTIONS
from core.errors import InputError
from tests.apptest import (
    assert_clean,
    declared_controls,
    extreme_links,
    open_page,
    plotly_figures,
    run_code_panels,
    trace_array,
    visible_texts,
    widget,
)
from tests.apptest import extreme as any_extreme
from ui.i18n import CATALOGS
from views.bayesian_nn import common, noise, prior, vi

SCRIPT = "bayesian_nn.py"
TAB_KEYS = {"prior": "bnn.tab.prior", "vi": "bnn.tab.vi", "noise": "bnn.tab.noise"}
VIEWS = {"prior": prior, "vi": vi, "noise": noise}
# the controls of each tab, from the views' declarations: key -> kind of widget
CONTROLS = {tab: {c.key: c.kind for c in declared_controls(view)} for tab, view in VIEWS.items()}
TRAIN_BUTTON = {"vi": "bnn_vi_train", "noise": "bnn_noise_train"}
# The cheapest training the controls allow (and what the code panels then run).
TINY = {
    "vi": {"bnn_vi_steps": "100", "bnn_vi_width": "5", "bnn_vi_k": "1", "bnn_vi_n": "20"},
    "noise": {"bnn_reg_steps": "100", "bnn_reg_width": "5", "bnn_reg_n": "20"},
}


@pytest.fixture(autouse=True)
def no_stored_training():
    """Each test starts without the trainings (and views) an earlier test stored."""
    st.cache_data.clear()


def tab_params(tab: str, lang: str = "en", **params: str) -> dict[str, str]:
    return {"bnn_tab": CATALOGS[lang][TAB_KEYS[tab]], "lang": lang, **params}


def open_tab(tab: str, lang: str = "en", **params: str):
    at = open_page(SCRIPT, tab_params(tab, lang, **params))
    assert_clean(at)
    return at


def extreme(w, kind: str, end: int):
    """The first (end = 0) or last (end = -1) value a widget offers."""
    if kind == "selectbox":  # translated labels are shown; the value is the option's id
        ids = ACTIVATION_NAMES if w.key.endswith("_act") else tuple(TRUE_FUNCTIONS)
        return ids[end]
    return any_extreme(w, kind, end)


def chart_numbers(at) -> list[np.ndarray]:
    return [
        a
        for fig in plotly_figures(at)
        for trace in fig["data"]
        for a in (trace_array(trace.get("x")), trace_array(trace.get("y")))
        if a is not None
    ]


def same_numbers(a: list[np.ndarray], b: list[np.ndarray]) -> bool:
    return len(a) == len(b) and all(
        x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
        for x, y in zip(a, b, strict=True)
    )


def train(at, tab: str):
    at.button(key=TRAIN_BUTTON[tab]).click().run()
    assert_clean(at)
    return at


def test_the_option_tables_name_what_core_names_in_its_order():
    assert tuple(common.ACTIVATIONS) == ACTIVATION_NAMES
    assert tuple(common.FUNCTIONS) == tuple(TRUE_FUNCTIONS)
    assert tuple(prior.PRIORS) == tuple(prior.ROLES) == PARAMETERS


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_every_tab_draws_computes_alone_and_its_code_runs(tab, lang):
    at = open_tab(tab, lang, **TINY.get(tab, {}))
    assert plotly_figures(at), tab
    assert not at.warning
    assert {CATALOGS[lang][key] for key in TAB_KEYS.values()} <= {t.label for t in at.tabs}
    # only the open tab computes: the controls of the others are not even created
    keys = {w.key for w in at.main if getattr(w, "key", None)}
    for other, controls in CONTROLS.items():
        assert (set(controls) <= keys) == (other == tab), other
    assert run_code_panels(at) == 1


@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_every_control_at_its_extremes(tab):
    at = open_tab(tab)
    for end in (0, -1):
        for key, kind in CONTROLS[tab].items():
            w = widget(at, key, kind)
            w.set_value(extreme(w, kind, end))
        at.run()
        assert_clean(at)
        assert plotly_figures(at)
        assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize(
    ("tab", "link"),
    [(tab, link) for tab, view in VIEWS.items() for link in extreme_links(view)],
    ids=lambda v: v if isinstance(v, str) else "-".join(f"{k}={x}" for k, x in v.items())[:60],
)
def test_every_link_at_the_extremes_of_the_declared_controls(tab, link):
    at = open_tab(tab, **link)
    assert plotly_figures(at)
    assert not at.error, [e.value for e in at.error]
    assert not [w.value for w in at.warning if "bnn_" in w.value]  # every value was accepted


@pytest.mark.parametrize("tab", ["vi", "noise"])
def test_training_at_the_smallest_settings_draws_its_results(tab):
    at = open_tab(tab)
    for key, kind in CONTROLS[tab].items():
        if kind != "selectbox":
            w = widget(at, key, kind)
            w.set_value(extreme(w, kind, 0))
    at.run()
    train(at, tab)
    assert not at.error, [e.value for e in at.error]
    assert len(plotly_figures(at)) == (4 if tab == "vi" else 2)


@pytest.mark.parametrize("tab", ["vi", "noise"])
def test_training_is_stored_so_reruns_and_other_tabs_do_not_retrain(tab, monkeypatch):
    at = train(open_tab(tab, **TINY[tab]), tab)
    before = chart_numbers(at)
    button = at.button(key=TRAIN_BUTTON[tab])
    assert button.disabled and button.label == CATALOGS["en"]["bnn.train.done"]

    def no_training(*args, **kwargs):
        raise AssertionError("retrained")

    monkeypatch.setattr("core.bnn_vi.train_bayes_by_backprop", no_training)
    monkeypatch.setattr("core.bnn_noise.train_with_noise", no_training)
    at.run()
    assert_clean(at)
    assert same_numbers(chart_numbers(at), before)
    # another session with the same link finds the stored result too
    again = open_tab(tab, **TINY[tab])
    assert same_numbers(chart_numbers(again), before)


def test_before_training_the_data_is_drawn_and_a_button_invites_to_train():
    at = open_tab("vi", **TINY["vi"])
    assert len(plotly_figures(at)) == 1
    assert any(CATALOGS["en"]["bnn.train.first"][:20] in i.value for i in at.info)
    assert not at.button(key=TRAIN_BUTTON["vi"]).disabled


def test_a_diverging_training_shows_a_message_not_a_crash(monkeypatch):
    def diverge(*args, **kwargs):
        raise InputError("diverged", code="bnn_diverged", step=17, lr=0.3)

    monkeypatch.setattr(bnn_vi, "train_bayes_by_backprop", diverge)
    at = train(open_tab("vi", "zh", bnn_vi_steps="200", bnn_vi_n="21"), "vi")
    expected = CATALOGS["zh"]["error.bnn_diverged"].format(step=17, lr=0.3)
    assert [e.value for e in at.error] == [expected]
    assert plotly_figures(at)  # the data is still drawn


@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_junk_url_params_warn_and_fall_back(tab):
    junk = dict.fromkeys(CONTROLS[tab], "abc")
    at = open_page(SCRIPT, tab_params(tab, **junk))
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for key in junk:
        assert key in warnings
    assert plotly_figures(at)


def test_out_of_range_values_and_a_junk_tab_are_replaced():
    at = open_page(SCRIPT, {"bnn_tab": "<script>", "bnn_n": "1e9", "bnn_fc1_bias_loc": "-50"})
    assert_clean(at)
    assert at.session_state["bnn_n"] == 100
    assert at.session_state["bnn_fc1_bias_loc"] == -3.0
    assert len(at.warning) == 3


@pytest.mark.parametrize(
    ("tab", "key", "kind", "value"),
    [
        ("prior", "bnn_width", "select_slider", "200"),
        ("prior", "bnn_act", "selectbox", "erf"),
        ("prior", "bnn_fc1_bias_scale", "select_slider", "5.6"),
        ("prior", "bnn_scale_out", "toggle", False),
        ("vi", "bnn_vi_n", "slider", 30),
        ("vi", "bnn_vi_gap_w", "slider", 0.5),
        ("noise", "bnn_reg_fn", "selectbox", "sine"),
    ],
)
def test_changing_a_control_changes_the_chart_data(tab, key, kind, value):
    at = open_tab(tab)
    before = chart_numbers(at)
    widget(at, key, kind).set_value(value)
    at.run()
    assert_clean(at)
    assert not same_numbers(chart_numbers(at), before)


def test_the_erf_prior_links_to_the_gp_kernel_and_linear_has_a_closed_form():
    at = open_tab("prior", bnn_act="erf")
    assert any("NeuralNetwork" in i.value for i in at.info)
    figures = plotly_figures(at)
    assert len(figures[1]["data"]) == 2  # the sample variance and its closed form
    at = open_tab("prior", bnn_act=CATALOGS["en"]["act.name.tanh"])
    assert len(plotly_figures(at)[1]["data"]) == 1
    assert any(CATALOGS["en"]["bnn.prior.no_closed_form"] == c.value for c in at.caption)


_ENGLISH_ONLY = {v for k, v in CATALOGS["en"].items() if v != CATALOGS["zh"][k] and len(v) > 3}


@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_the_chinese_edition_shows_no_english_string_even_after_training(tab):
    at = open_tab(tab, "zh", **TINY.get(tab, {}))
    if tab in TRAIN_BUTTON:
        train(at, tab)
    leaked = sorted({s for s in visible_texts(at) if s in _ENGLISH_ONLY})
    assert not leaked, leaked
