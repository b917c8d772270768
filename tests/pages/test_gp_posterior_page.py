"""The GP-posterior page through app.py: every tab in both languages, every control at its
extremes, junk in the link, data in the link, clicks on the chart, the data buttons, and the
hyperparameter fit."""

import json

import numpy as np
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState, WidgetStates

from core import gp_posterior_views as views
from core.kernels import KERNELS
from tests import tolerances as tol
from tests.apptest import assert_clean, extreme_links, open_page, plotly_figures, trace_array
from ui.i18n import CATALOGS
from ui.kernel_controls import KERNEL_LABELS
from views.gp_posterior import common, covariance, likelihood, noise, posterior

PAGE = "gp_posterior.py"
EN = CATALOGS["en"]
TAB = {name: EN[f"gpp.tab.{name}"] for name in ("posterior", "covariance", "likelihood", "noise")}
OWN = EN["gpp.dataset.custom"]
SUM = EN["gpp.form.+"]
PRODUCT = EN["gpp.form.*"]


def _open(tab: str = "posterior", **params: str):
    at = open_page(PAGE, {"gpp_tab": TAB[tab], **params})
    assert_clean(at)
    return at


def _quiet(at) -> None:
    assert not at.warning, [w.value for w in at.warning]
    assert not at.error, [e.value for e in at.error]


def _trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def _observations(at) -> np.ndarray:
    main = plotly_figures(at)[0]
    trace = _trace(main, EN["gpp.legend.observations"])
    return np.stack([trace_array(trace["x"]), trace_array(trace["y"])], axis=1)


def _mean(at) -> np.ndarray:
    return trace_array(_trace(plotly_figures(at)[0], EN["gpp.legend.mean"])["y"])


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("tab", list(TAB))
def test_every_tab_draws_at_its_defaults_in_both_languages(tab, lang):
    at = open_page(PAGE, {"gpp_tab": CATALOGS[lang][f"gpp.tab.{tab}"], "lang": lang})
    assert_clean(at)
    _quiet(at)
    assert plotly_figures(at), "every tab draws a chart"
    assert at.latex, "every view shows its formula"
    assert [c for c in at.code if c.language == "python"], "every view shows its PyTorch code"


def test_defaults_show_d2ls_data_the_posterior_and_the_likelihood_terms():
    at = _open()
    _quiet(at)
    assert len(_observations(at)) == 50
    names = [t.get("name") for t in plotly_figures(at)[0]["data"]]
    for key in ("band", "prior", "samples", "truth", "mean"):
        assert EN[f"gpp.legend.{key}"] in names
    assert "click-grid" in names
    metrics = {m.label: float(m.value) for m in at.metric}
    total = metrics[EN["gpp.lml.total"]]
    parts = [metrics[EN[f"gpp.lml.{k}"]] for k in ("data_fit", "complexity", "constant")]
    # the page shows each of the four with 3 decimals: half a unit (0.5e-3) each, and the
    # float64 sums' rounding
    shown = 4 * 0.5e-3 + tol.rounding_tol(sum(abs(p) for p in parts), 3)
    assert total == pytest.approx(sum(parts), rel=0, abs=shown)


def _kernel_at(name: str, end: int) -> dict[str, str]:
    """The single kernel ``name`` with every parameter and the noise at its low (end 0) or
    high (end -1) end, read from the declarations."""
    picker = common.KERNEL
    link = {picker.choice.key: EN[KERNEL_LABELS[name]]}
    for param in picker.parameters(name):
        control = picker.parameter(name, param)
        link[control.key] = control.extremes()[end]
    return link | {common.NOISE.key: common.NOISE.extremes()[end]}


@pytest.mark.parametrize("i", range(len(KERNELS)))
def test_every_kernel_at_its_extremes(i):
    at = _open("posterior", **_kernel_at(list(KERNELS)[i], 0 if i % 2 else -1))
    _quiet(at)
    assert np.isfinite(_mean(at)).all()


@pytest.mark.parametrize("name", ["Linear", "NeuralNetwork", "Periodic"])
def test_the_likelihood_contour_follows_the_kernels_hyperparameter(name):
    at = _open("likelihood", gpp_k_kernel=EN[f"gp.kernel.{name}"])
    _quiet(at)
    (contour,) = plotly_figures(at)
    param = {"Periodic": "lengthscale", "Linear": "linear_alpha", "NeuralNetwork": "sigma0"}[name]
    assert EN[f"gp.param.{param}"] in contour["layout"]["title"]["text"]
    assert contour["data"][0]["type"] == "contour"


VIEWS = {"posterior": posterior, "covariance": covariance, "likelihood": likelihood}
VIEWS["noise"] = noise
# Every control above the tabs and of the tab at its low, then its high end (from the
# declarations); then the largest seed in presentation mode.
OTHER = {"seed": str(2**31 - 1), "present": "true"}


@pytest.mark.parametrize("end", [0, 1, None], ids=["low", "high", "other"])
@pytest.mark.parametrize("tab", list(TAB))
def test_every_control_at_its_extremes(tab, end):
    links = [OTHER] if end is None else [extreme_links(common)[end], extreme_links(VIEWS[tab])[end]]
    at = _open(tab, **{k: v for link in links for k, v in link.items()})
    _quiet(at)
    assert plotly_figures(at)


def _options_above_the_tabs() -> list[dict[str, str]]:
    """Each other option of the choices above the tabs (k₂'s inside a sum, where it shows;
    the single kernel and k₁ share their keys, so their links come twice)."""
    links: list[dict[str, str]] = []
    for option in extreme_links(common)[2:]:
        link = option | {common.FORM.key: SUM} if common.K2.choice.key in option else option
        if link not in links:
            links.append(link)
    return links


@pytest.mark.parametrize("params", _options_above_the_tabs(), ids=str)
def test_every_option_above_the_tabs(params):
    at = _open("posterior", **params)
    _quiet(at)
    assert np.isfinite(_mean(at)).all()


@pytest.mark.parametrize("form", [SUM, PRODUCT])
@pytest.mark.parametrize("tab", ["posterior", "likelihood", "noise"])
def test_sums_and_products_of_two_kernels(form, tab):
    at = _open(tab, gpp_form=form, gpp_k2_kernel=EN["gp.kernel.Linear"])
    _quiet(at)
    figures = plotly_figures(at)
    if tab == "posterior":
        assert (
            "+" in figures[0]["layout"]["title"]["text"]
            or "*" in figures[0]["layout"]["title"]["text"]
        )


@pytest.mark.parametrize(
    "params",
    [
        {"gpp_noise": "abc", "gpp_k_ls": "-3", "gpp_n": "1e9", "gpp_xstar": "nan"},
        {"gpp_tab": "nonsense", "gpp_data": "junk", "gpp_form": "÷", "gpp_k_kernel": "Magic"},
        {"gpp_prior": "maybe", "gpp_steps": "0", "gpp_lr": "7", "gpp_n": ["1", "2"]},
    ],
)
def test_junk_in_the_link_warns_and_is_replaced(params):
    at = open_page(PAGE, {"gpp_tab": TAB["likelihood"], **params})
    assert_clean(at)
    assert at.warning, "a notice says what was replaced"
    assert plotly_figures(at)


def test_observations_in_the_link_are_drawn_and_bad_lines_are_named():
    at = _open(gpp_data=OWN, gpp_obs="0, 1\n2.5, -0.5; 4, 0.25")
    _quiet(at)
    # the chart's traces are float32: one rounding (these numbers are exact in float32)
    expected = [[0, 1], [2.5, -0.5], [4, 0.25]]
    np.testing.assert_allclose(_observations(at), expected, rtol=tol.EPS32, atol=0)
    at = _open(gpp_data=OWN, gpp_obs="0, 1\n2.5\n4, 0.25")
    assert EN["error.gpp_parse_pair"].format(line=2, text="2.5") in [e.value for e in at.error]
    assert plotly_figures(at), "the last valid data (none here: the prior) stay drawn"
    at = _open(gpp_data=OWN, gpp_obs="\n".join(f"{i / 20}, 0" for i in range(101)))
    assert EN["error.gpp_too_many"].format(n=101, max=100) in [e.value for e in at.error]


def test_no_observations_show_the_prior_and_a_zero_likelihood():
    at = _open(gpp_data=OWN)
    _quiet(at)
    assert len(_observations(at)) == 0
    np.testing.assert_array_equal(_mean(at), 0)  # the prior's mean: zeros, exactly
    assert {m.label: m.value for m in at.metric}[EN["gpp.lml.total"]] == "0.000"
    at = _open("likelihood", gpp_data=OWN)
    fit = next(b for b in at.button if b.label == EN["gpp.fit.button"])
    assert fit.disabled


def test_noise_free_view_explains_contradicting_repeats_and_keeps_the_noisy_one():
    at = _open("noise", gpp_data=OWN, gpp_obs="1, 0\n1, 1\n3, 0.5")
    assert [e.value for e in at.error] == [
        EN["error.gpp_contradiction"].format(x="1", y1="0", y2="1")
    ]
    assert len(plotly_figures(at)) == 1  # the noisy regression is drawn


def _click(at, x: float, y: float) -> None:
    """What the browser sends when a marker of the chart's click grid is clicked."""
    chart = at.get("plotly_chart")[0]
    point = {"x": x, "y": y, "curve_number": 9, "point_number": 3}
    selection = {"selection": {"points": [point], "point_indices": [3], "box": [], "lasso": []}}
    states = WidgetStates()
    states.widgets.extend(at._tree.get_widget_states().widgets)
    states.widgets.append(WidgetState(id=chart.proto.id, string_value=json.dumps(selection)))
    at._run(widget_state=states)
    assert_clean(at)


def test_a_click_on_the_chart_adds_an_observation_there():
    at = _open(gpp_data=OWN, gpp_obs="0, 1")
    _click(at, 2.25, -0.75)
    assert at.session_state["gpp_obs"] == "0, 1\n2.25, -0.75"
    # float32 traces (as above)
    np.testing.assert_allclose(_observations(at), [[0, 1], [2.25, -0.75]], rtol=tol.EPS32, atol=0)
    assert at.query_params["gpp_obs"] == "0, 1\n2.25, -0.75"


def test_a_click_beyond_the_cap_is_refused_with_a_notice():
    full = "\n".join(f"{i / 20:g}, 0" for i in range(100))
    at = _open(gpp_data=OWN, gpp_obs=full)
    _click(at, 2.25, -0.75)
    assert len(_observations(at)) == 100
    assert [w.value for w in at.warning] == [EN["gpp.data.full"].format(max=100)]


def test_data_buttons_and_the_data_set_choice_edit_the_observations():
    at = _open()
    remove = next(b for b in at.button if b.label == EN["gpp.remove_last"])
    remove.click().run()
    assert len(_observations(at)) == 49
    assert at.session_state["gpp_data"] == "custom"
    next(b for b in at.button if b.label == EN["gpp.clear"]).click().run()
    assert len(_observations(at)) == 0
    at.text_area(key="gpp_obs").input("0,1\n2 3.14159").run()  # typed: tidied
    assert at.session_state["gpp_obs"] == "0, 1\n2, 3.142"
    at.selectbox(key="gpp_data").set_value("step").run()
    assert_clean(at)
    assert at.session_state["gpp_obs"] == views.dataset_text("step")
    assert len(_observations(at)) == 30
    assert EN["gpp.legend.truth"] in [t.get("name") for t in plotly_figures(at)[0]["data"]]


def test_moving_a_slider_changes_the_posterior():
    at = _open()
    before = _mean(at)
    at.select_slider(key="gpp_k_ls").set_value("0.37").run()
    assert_clean(at)
    assert not np.allclose(before, _mean(at))


def test_fitting_sets_the_sliders_and_marks_the_optimum():
    at = _open("likelihood", gpp_steps="150")
    fit = next(b for b in at.button if b.label == EN["gpp.fit.button"])
    fit.click().run()
    assert_clean(at)
    assert at.success, "the fitted values are reported"
    # d2l's data: the optimum is near a = 0.79, l = 0.50, sigma^2 = 0.066 (scikit-learn agrees,
    # see tests/core/test_gp_posterior.py); the sliders take their nearest options.
    assert at.session_state["gpp_k_amp"] == 0.8  # rounded to 1 decimal by the page
    assert at.session_state["gpp_k_ls"] == "0.5"
    assert float(at.session_state["gpp_noise"]) == pytest.approx(0.066, rel=0.15)
    names = [t.get("name") for f in plotly_figures(at) for t in f["data"]]
    assert EN["gpp.contour.fitted"] in names


def test_a_link_with_invalid_observations_says_so_and_the_data_set_box_says_custom():
    at = open_page(PAGE, {"gpp_obs": "0, 1\nnot a pair"})
    assert_clean(at)
    assert at.session_state["gpp_data"] == "custom"
    assert at.error and "2" in at.error[0].value  # the line to fix
    captions = " ".join(c.value for c in at.caption)
    assert CATALOGS["en"]["gpp.data.none_valid"] in captions


def test_a_link_with_valid_observations_of_its_own_is_custom_data():
    at = open_page(PAGE, {"gpp_obs": "0, 1\n2.5, -0.5"})
    assert_clean(at)
    assert at.session_state["gpp_data"] == "custom"
    assert not at.error
