"""The GP-priors page through app.py: every tab in both languages, every control at its
extremes (read from the views' declarations), junk in the link, charts that follow the
controls, and code panels that run."""

import json
from collections import ChainMap

import numpy as np
import pytest

from tests.apptest import assert_clean, extreme_links, open_page, plotly_figures, trace_array
from ui.i18n import CATALOGS
from views.gp_priors import algebra, basis, bumps, grid, kernels, network, simple

PAGE = "gp_priors.py"
EN = CATALOGS["en"]
TAB = {
    name: EN[f"gp.tab.{name}"]
    for name in ("simple", "kernels", "bumps", "network", "algebra", "grid")
}


def _kernel(name: str) -> str:
    return EN[f"gp.kernel.{name}"]


def _open(tab: str, **params: str):
    at = open_page(PAGE, {"gp_tab": TAB[tab], **params})
    assert_clean(at)
    return at


def _clean_with_charts(at, n_charts: int = 1) -> None:
    assert not at.warning, [w.value for w in at.warning]
    assert not at.error, [e.value for e in at.error]
    assert len(plotly_figures(at)) >= n_charts


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("tab", list(TAB))
def test_every_tab_draws_at_its_defaults_in_both_languages(tab, lang):
    at = open_page(PAGE, {"gp_tab": CATALOGS[lang][f"gp.tab.{tab}"], "lang": lang})
    assert_clean(at)
    _clean_with_charts(at, 2)
    assert at.latex, "every view shows its formula"
    assert at.code, "every view shows its PyTorch code"


def _merged(*modules) -> list[dict[str, str]]:
    """`extreme_links` of views drawn in one tab: all their lows in one link, all their highs
    in another, then each further option."""
    per_view = [extreme_links(m) for m in modules]
    ends = [dict(ChainMap(*(links[end] for links in per_view))) for end in (0, 1)]
    return ends + [link for links in per_view for link in links[2:]]


def _kernel_links(picker, **extra: str) -> list[dict[str, str]]:
    """Each kernel a picker offers with its parameters at their low ends, then at their high
    ends (with ``extra``)."""
    links = []
    for name, label in zip(picker.options, picker.choice.url_values(), strict=True):
        sliders = [picker.parameter(name, p) for p in picker.parameters(name)]
        for end in (0, -1):
            ends = {c.key: c.extremes()[end] for c in sliders}
            links.append({picker.choice.key: label, **ends, **extra})
    return links


def _exercise_links(exercise, option: str) -> list[dict[str, str]]:
    """An algebra exercise with its controls and the shared sample count at their lows,
    then at their highs."""
    chosen = {algebra.VIEW.key: EN[algebra.VIEW.options[option]]}
    return [link | chosen for link in _merged(algebra, exercise)[:2]]


EXTREMES = {
    "simple": [
        *_merged(simple, basis),
        # the other basis at its lows, and the largest polynomial with every weight typed
        {basis.KIND.key: EN["gp.basis.fourier"], "gp_basis_freq": "1", "gp_basis_period": "0.5"},
        {"gp_basis_degree": "6", "gp_basis_u": "1, -2, 3, -4, 5, -6, 7"},
    ],
    # the choice of kernel is swept with every kernel's own parameters, on 1000 points
    "kernels": [
        *extreme_links(kernels)[:2],
        *_kernel_links(kernels.KERNEL, **{kernels.POINTS.key: "1000"}),
    ],
    "bumps": [
        *extreme_links(bumps),
        {"gp_bump_j": "1", "gp_bump_spread": EN["gp.bumps.spread.window"]},
    ],
    "network": extreme_links(network),
    "algebra": [
        *(
            link
            for option, (_, exercise) in algebra.EXERCISES.items()
            for link in _exercise_links(exercise, option)
        ),
        # combinations the generated links do not reach: other kernels, mixed ends
        {
            "gp_alg_view": EN["gp.alg.compose"],
            "gp_a1_kernel": _kernel("Linear"),
            "gp_a2_kernel": _kernel("NeuralNetwork"),
            "gp_alg_op": "*",
            "gp_alg_n": "30",
        },
        {
            "gp_alg_view": EN["gp.alg.compose"],
            "gp_a1_ls": "0.05",
            "gp_a2_period": "0.5",
            "gp_a2_ls": "5",
            "gp_alg_n": "1",
        },
        {
            "gp_alg_view": EN["gp.alg.sum"],
            "gp_a1_kernel": _kernel("ArcCosine"),
            "gp_a2_kernel": _kernel("OrnsteinUhlenbeck"),
            "gp_a2_ls": "0.05",
        },
        {
            "gp_alg_view": EN["gp.alg.warp"],
            "gp_a1_kernel": _kernel("Matern32"),
            "gp_a1_ls": "5",
            "gp_alg_n": "30",
        },
        {
            "gp_alg_view": EN["gp.alg.amplitude"],
            "gp_alg_amp": "3.0",
            "gp_a1_kernel": _kernel("Periodic"),
            "gp_a1_period": "5.0",
        },
        {
            "gp_alg_view": EN["gp.alg.product"],
            "gp_alg_x0": "5.0",
            "gp_a2_kernel": _kernel("Linear"),
            "gp_a2_lalpha": "3.0",
        },
    ],
    "grid": [
        *extreme_links(grid),
        {"gp_g_kernel": _kernel("OrnsteinUhlenbeck"), "gp_g_ls": "0.05", "gp_g_n": "20"},
        {"gp_g_kernel": _kernel("Periodic"), "gp_g_period": "5.0", "gp_g_n": "50"},
        {"gp_g_kernel": _kernel("RationalQuadratic"), "gp_g_alpha": "10", "gp_g_ls": "0.05"},
    ],
}
CASES = [(tab, params) for tab, cases in EXTREMES.items() for params in cases]


@pytest.mark.parametrize(
    ("tab", "params"), CASES, ids=[f"{t}-{i}" for i, (t, _) in enumerate(CASES)]
)
def test_every_control_at_its_extremes(tab, params):
    at = _open(tab, **params)
    # no warning: every value in the link was valid and used as it is
    _clean_with_charts(at)


@pytest.mark.parametrize(
    ("tab", "junk"),
    [
        ("kernels", {"gp_k_points": "abc", "gp_k_kernel": "Gauss", "gp_k_ls": "-3"}),
        ("bumps", {"gp_bump_j": "7", "gp_bump_spread": "<b>x</b>", "gp_bump_ls": "1e9"}),
        ("network", {"gp_net_j": "NaN", "gp_net_act": "tanh", "gp_net_x0": "1" * 300}),
        ("algebra", {"gp_alg_view": "everything", "gp_alg_n": "-1"}),
        ("grid", {"gp_g_kernel": "Linear", "gp_g_n": "9999"}),
        ("simple", {"gp_lin_n": "2.5", "gp_basis": "spline"}),
    ],
)
def test_junk_url_params_give_a_warning_not_an_exception(tab, junk):
    at = _open(tab, **junk)
    assert at.warning
    assert plotly_figures(at)


def test_junk_mean_weights_show_an_error_and_the_page_goes_on():
    at = _open("simple", gp_basis_u="1, abc")
    assert at.error and "abc" in at.error[0].value
    assert len(plotly_figures(at)) >= 1  # the line section still draws
    at = _open("simple", gp_basis_u="1,2,3,4,5,6,7,8,9")
    assert at.error


def test_an_unknown_tab_falls_back_to_the_first():
    at = open_page(PAGE, {"gp_tab": "<script>"})
    assert_clean(at)
    assert at.warning and plotly_figures(at)


def _data(at) -> str:
    return json.dumps([fig["data"] for fig in plotly_figures(at)])


def test_changing_a_control_changes_the_chart_data():
    at = _open("kernels")
    before = _data(at)
    at.select_slider(key="gp_k_ls").set_value("0.5").run()
    assert_clean(at)
    assert _data(at) != before
    before = _data(at)
    at.slider(key="gp_k_x0").set_value(2.0).run()
    assert _data(at) != before


def test_the_seed_changes_the_samples():
    at = _open("bumps")
    before = _data(at)
    at.sidebar.button[0].click().run()
    assert_clean(at)
    assert _data(at) != before


def test_jitter_is_reported_when_it_was_needed():
    at = _open("kernels", gp_k_kernel=_kernel("Linear"), gp_k_points="300")
    jitter_prefix = EN["gp.jitter"].split("{")[0]
    assert any(c.value.startswith(jitter_prefix) for c in at.caption)
    at = _open("kernels", gp_k_kernel=_kernel("OrnsteinUhlenbeck"))
    assert not any(c.value.startswith(jitter_prefix) for c in at.caption)


def test_rbf_note_on_d2l_ls_is_shown():
    at = _open("kernels")
    assert any(EN["gp.kernels.d2l_note"] == i.value for i in at.info)


def test_excess_kurtosis_of_the_product_of_gps_is_printed():
    at = _open("algebra", gp_alg_view=EN["gp.alg.product"])
    kurtosis = float(at.metric[0].value)
    assert 4 < kurtosis < 8  # 6 in theory; 50,000 draws


@pytest.mark.parametrize("tab", ["kernels", "bumps", "grid"])
def test_the_code_panel_on_the_page_runs(tab):
    at = _open(tab)
    programs = [block.value for block in at.code if "import torch" in block.value]
    assert programs
    for program in programs:
        exec(compile(program, "<panel>", "exec"), {})  # our own generated program


def _nonfinite_points(at) -> int:
    bad = 0
    for fig in plotly_figures(at):
        for trace in fig["data"]:
            for axis in ("x", "y", "z"):
                values = trace_array(trace.get(axis))
                if values is not None and values.dtype.kind == "f":
                    bad += int((~np.isfinite(values)).sum())
    return bad


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("u", ["1e40", "0, -1e7", "inf", "nan"])
def test_mean_weights_too_large_to_draw_are_refused_with_the_valid_range(u, lang):
    # issue 17 item 8: u = 1e40 drew charts whose every point was inf, with no message
    at = open_page(PAGE, {"gp_basis_u": u, "lang": lang})
    assert_clean(at)
    assert len(at.error) == 1
    message = at.error[0].value
    assert "1e+06" in message and "-1e+06" in message
    assert u.split(", ")[-1].replace("1e7", "1e+07").replace("1e40", "1e+40") in message
    assert plotly_figures(at) and _nonfinite_points(at) == 0  # the line section still draws


def test_the_largest_mean_weights_allowed_are_drawn_finite():
    at = _open("simple", gp_basis_u="1e6, -1e6, 1e6, -1e6", gp_basis_degree="6")
    _clean_with_charts(at, 3)
    assert _nonfinite_points(at) == 0
