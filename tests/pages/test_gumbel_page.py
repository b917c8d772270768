"""The Gumbel page through app.py, as a browser would open it (AppTest)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.apptest import (
    assert_clean,
    declared_controls,
    extreme,
    extreme_links,
    open_page,
    plotly_figures,
    run_code_panels,
    trace_array,
    widget,
)
from ui.i18n import CATALOGS
from views.gumbel import anneal, common, distribution, gradients, gumbel_max, maxima, softmax, topk

SCRIPT = "gumbel.py"
TAB_KEYS = {
    "distribution": "gumbel.tab.distribution",
    "max": "gumbel.tab.max",
    "softmax": "gumbel.tab.softmax",
    "anneal": "gumbel.tab.anneal",
    "topk": "gumbel.tab.topk",
}
# the view modules of each tab (a tab's sections are modules of their own)
MODULES = {
    "distribution": (distribution, maxima),
    "max": (gumbel_max,),
    "softmax": (softmax, gradients),
    "anneal": (anneal,),
    "topk": (topk,),
}
# the controls of each tab: key -> kind of widget
CONTROLS = {
    "distribution": {
        "gb_loc": "slider",
        "gb_scale": "slider",
        "gb_samples": "select_slider",
        "gb_normals": "select_slider",
    },
    "max": {"gb_max_n": "select_slider"},
    "softmax": {
        "gb_tau": "select_slider",
        "gb_batch": "slider",
        "gb_hard": "toggle",
        "gb_target": "selectbox",
    },
    "anneal": {"gb_steps": "slider", "gb_rate": "select_slider", "gb_tau_min": "slider"},
    "topk": {"gb_k": "selectbox", "gb_topk_n": "select_slider"},
}


def tab_params(tab: str, lang: str = "en", **params: str) -> dict[str, str]:
    return {"gb_view": CATALOGS[lang][TAB_KEYS[tab]], "lang": lang, **params}


def open_tab(tab: str, lang: str = "en", **params: str):
    at = open_page(SCRIPT, tab_params(tab, lang, **params))
    assert_clean(at)
    return at


def figure_data(at) -> list:
    return [trace for fig in plotly_figures(at) for trace in fig["data"]]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_every_tab_draws_computes_alone_and_its_code_runs(tab, lang):
    at = open_tab(tab, lang)
    assert plotly_figures(at), tab
    assert not at.warning
    labels = {t.label for t in at.tabs}
    assert {CATALOGS[lang][key] for key in TAB_KEYS.values()} <= labels
    # only the open tab computes: the controls of the others are not even created
    keys = {w.key for w in at.main if getattr(w, "key", None)}
    for other, controls in CONTROLS.items():
        assert (set(controls) <= keys) == (other == tab), other
    assert run_code_panels(at) >= 1


@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_every_control_at_its_extremes(tab):
    at = open_tab(tab, gb_logits="3, -2, 0.5, 1, -1, 0, 2, -3, 1.5, 0")  # k = 10
    for end in (0, -1):
        for key, kind in CONTROLS[tab].items():
            w = widget(at, key, kind)
            w.set_value(extreme(w, kind, end))
        at.run()
        assert_clean(at)
        assert plotly_figures(at)


def test_the_declarations_are_the_controls_each_tab_draws():
    for tab, modules in MODULES.items():
        declared = {c.key for module in modules for c in declared_controls(module)}
        assert declared == set(CONTROLS[tab]), tab


@pytest.mark.parametrize(
    ("tab", "link"),
    [
        (tab, link)
        for tab, modules in MODULES.items()
        for module in (*modules, common)
        for link in extreme_links(module)
    ],
)
def test_links_at_the_declared_extremes_draw_without_warning(tab, link):
    at = open_tab(tab, **link)
    assert not at.warning
    assert not at.error
    assert plotly_figures(at)


@pytest.mark.parametrize("tab", list(TAB_KEYS))
def test_junk_url_params_warn_and_fall_back(tab):
    junk = dict.fromkeys(CONTROLS[tab], "abc")
    at = open_page(SCRIPT, tab_params(tab, **junk))
    assert_clean(at)
    warnings = " ".join(w.value for w in at.warning)
    for key in junk:
        assert key in warnings
    assert plotly_figures(at)


def test_junk_tab_and_out_of_range_values_are_replaced():
    at = open_page(SCRIPT, {"gb_view": "<script>", "gb_loc": "1e9", "gb_scale": "-5"})
    assert_clean(at)
    assert at.session_state["gb_loc"] == distribution.LOC.high
    assert at.session_state["gb_scale"] == distribution.SCALE.low
    assert len(at.warning) == 3


@pytest.fixture(scope="module")
def default_softmax_figures() -> list:
    return figure_data(open_tab("softmax"))


@pytest.mark.parametrize("logits", ["abc", "1", "1, 2, nan", ",".join(["1"] * 11), "", "x" * 500])
def test_bad_logits_warn_and_the_page_draws_the_default(logits, default_softmax_figures):
    at = open_page(SCRIPT, tab_params("softmax", gb_logits=logits))
    assert_clean(at)
    assert any("2, 1, 0" in w.value for w in at.warning)
    assert not at.error
    assert figure_data(at) == default_softmax_figures


def assert_finite_figures(at) -> None:
    checked = 0
    for trace in figure_data(at):
        for axis in ("x", "y", "a", "b", "c", "z"):
            values = trace_array(trace.get(axis))
            if values is not None:
                assert np.all(np.isfinite(values)), axis
                checked += 1
    assert checked


@pytest.mark.parametrize("tab", ["max", "softmax", "anneal", "topk"])
def test_logits_of_plus_minus_1e30_draw_without_error(tab):
    at = open_tab(tab, gb_logits="1e30, -1e30, 0")
    assert not at.error
    assert_finite_figures(at)


@pytest.mark.parametrize("logits", ["5, 5", "1,2,3,"])
def test_ties_and_a_trailing_comma_are_fine(logits):
    at = open_tab("softmax", gb_logits=logits)
    assert not at.error
    assert_finite_figures(at)


@pytest.mark.parametrize(
    ("tab", "key", "kind", "value"),
    [
        ("distribution", "gb_loc", "slider", 2.0),
        ("distribution", "gb_normals", "select_slider", "10000"),
        ("max", "gb_max_n", "select_slider", "10"),
        ("softmax", "gb_tau", "select_slider", "0.1"),
        ("softmax", "gb_target", "selectbox", "1"),
        ("anneal", "gb_rate", "select_slider", "0.1"),
        ("topk", "gb_k", "selectbox", "3"),
    ],
)
def test_changing_a_control_changes_the_chart_data(tab, key, kind, value):
    at = open_tab(tab)
    before = figure_data(at)
    widget(at, key, kind).set_value(value)
    at.run()
    assert_clean(at)
    assert figure_data(at) != before


def test_the_seed_reproduces_the_view_and_resample_changes_it():
    first = figure_data(open_tab("softmax", seed="7"))
    assert figure_data(open_tab("softmax", seed="7")) == first
    assert figure_data(open_tab("softmax", seed="8")) != first


def test_hard_samples_are_one_hot_bars():
    at = open_tab("softmax", gb_hard="true")
    stacked = plotly_figures(at)[0]["data"]
    heights = np.array([trace_array(trace["y"]) for trace in stacked])
    assert set(np.unique(heights)) <= {0.0, 1.0}
    assert np.all(heights.sum(axis=0) == 1.0)


def test_simplex_for_three_logits_and_a_note_otherwise():
    ternaries = [
        trace for trace in figure_data(open_tab("softmax")) if trace.get("type") == "scatterternary"
    ]
    assert len(ternaries) == 6  # the view's simplex and the note's two, samples + softmax
    at = open_tab("softmax", gb_logits="1, 0, -1, 2")
    assert not any(trace.get("type") == "scatterternary" for trace in figure_data(at))
    assert at.info
