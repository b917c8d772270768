"""The Normal-distributions page through app.py (AppTest): defaults, every control at its
extremes, junk in the link, invalid matrices, both tabs, both languages."""

import math

import numpy as np
import plotly.graph_objects as go
import pytest
import torch

from core import distributions as nd
from core import distributions_1d as d1
from core.errors import InputError
from tests import tolerances as tol
from tests.apptest import assert_clean, extreme_links, open_page, plotly_figures, trace_array
from ui.i18n import CATALOGS, translate
from views.distributions import covariance, normal_2d, univariate

PAGE = "distributions.py"
TAB_1D = CATALOGS["en"]["dist.tab.1d"]
MATRIX_MODE = CATALOGS["en"]["dist.cov_mode.matrix"]
MIXED_2D = {"nd_sx": "0.1", "nd_sy": "5.0", "nd_rho": "0.99"}


def _links_2d() -> dict[str, dict[str, str]]:
    """Every control of the 2D tab at each end of its range, read from the declarations; the
    high end once with the typed matrix (all 25: singular, so the last valid state is drawn)
    and once with the sliders, the slice and the surface on."""
    low, high, *others = extreme_links(normal_2d)
    cov_low, cov_high, *cov_others = extreme_links(covariance)
    sliders = {k: v for k, v in cov_high.items() if k != covariance.MODE.key}
    links = {
        "low": low | cov_low | {"seed": "0"},
        "high": high | cov_high | {"seed": str(2**31 - 1)},
        "high-sliders": high | sliders | {"nd_slice": "true", "nd_surface": "true"},
        "mixed": MIXED_2D,
    }
    links.update((f"other-{i}", link) for i, link in enumerate(others + cov_others))
    return links


def _trace(fig: dict, name: str) -> dict:
    return next(t for t in fig["data"] if t.get("name") == name)


def _names(fig: dict) -> list[str]:
    return [t.get("name", "") for t in fig["data"]]


def _programs(at) -> list[str]:
    """The page's code panels (the sidebar's share box is plain text)."""
    return [c.value for c in at.code if c.language == "python"]


def _clean_without_warnings(at) -> None:
    assert_clean(at)
    assert not at.warning, [w.value for w in at.warning]


def _assert_valid_plotly(at) -> None:
    """The page builds figures without Plotly's validation (speed): validate them here."""
    for fig in plotly_figures(at):
        go.Figure(fig)


# --- 2D tab -----------------------------------------------------------------------------------


def test_defaults_draw_samples_ellipses_marginals_and_the_probe():
    at = open_page(PAGE)
    _clean_without_warnings(at)
    (main,) = plotly_figures(at)
    samples = _trace(main, CATALOGS["en"]["dist.chart.samples"])
    assert len(trace_array(samples["x"])) == 1000
    ellipses = [n for n in _names(main) if "σ" in n and "%" in n]
    assert len(ellipses) == 3 and "39.3 %" in ellipses[0] and "98.9 %" in ellipses[2]
    assert "click-grid" in _names(main)
    _assert_valid_plotly(at)
    (program,) = _programs(at)
    assert "MultivariateNormal" in program


def test_the_conditional_slice_adds_its_line_and_its_chart():
    at = open_page(PAGE, {"nd_slice": "true", "nd_a": "2.0"})
    _clean_without_warnings(at)
    main, conditional = plotly_figures(at)
    assert CATALOGS["en"]["dist.chart.slice"].format(a="2") in _names(main)
    assert len(conditional["data"]) == 4
    _assert_valid_plotly(at)
    # the closed form, with sigma^2 and sigma stated apart: mean 0.6 * 2 / 1.5 * 1 = 0.8
    assert "0.8" in at.latex[-1].value and "0.64" in at.latex[-1].value


def test_the_probe_metrics_are_core_numbers():
    at = open_page(PAGE, {"nd_px": "2.5", "nd_py": "-1.0"})
    _clean_without_warnings(at)
    dist = nd.mvn([0.0, 0.0], nd.cov_from(1.5, 1.0, 0.6))
    point = torch.tensor([2.5, -1.0])
    metrics = {m.label: m.value for m in at.metric}
    # the page computes these with the same core calls on the same float32 numbers and shows
    # log p with 4 decimals, the distance with 3: half a unit in the last shown digit
    log_p = float(dist.log_prob(point))
    assert float(metrics["log_prob"]) == pytest.approx(log_p, rel=0, abs=0.5e-4)
    distance = float(metrics[CATALOGS["en"]["dist.probe.mahalanobis"]])
    assert distance == pytest.approx(float(nd.mahalanobis(dist, point)), rel=0, abs=0.5e-3)


def test_the_moments_table_shows_true_and_sample_values():
    at = open_page(PAGE)
    table = at.table[0].value
    assert list(table.columns) == [CATALOGS["en"]["dist.table.true"], "Sample"]
    assert float(table.iloc[2, 0]) == 2.25  # Sigma_xx = 1.5^2, exact, shown as 2.2500
    assert abs(float(table.iloc[2, 1]) - 2.25) < 0.5


LINKS_2D = _links_2d()


@pytest.mark.parametrize("params", LINKS_2D.values(), ids=LINKS_2D.keys())
def test_every_2d_control_at_its_extremes(params):
    at = open_page(PAGE, params)
    _clean_without_warnings(at)
    figures = plotly_figures(at)
    assert figures
    _assert_valid_plotly(at)
    if params.get("nd_surface") == "true":
        assert any(t["type"] == "surface" for f in figures for t in f["data"])


def test_above_20000_samples_the_chart_shows_a_2d_histogram():
    at = open_page(PAGE, {"nd_n": "24000"})
    main = plotly_figures(at)[0]
    types = [t["type"] for t in main["data"]]
    assert "heatmap" in types
    assert CATALOGS["en"]["dist.chart.samples"] not in _names(main)
    at = open_page(PAGE, {"nd_n": "18000"})
    main = plotly_figures(at)[0]
    assert len(trace_array(_trace(main, CATALOGS["en"]["dist.chart.samples"])["x"])) == 18000


def test_hiding_the_slice_drops_the_conditional_chart():
    at = open_page(PAGE, {"nd_slice": "true"})
    at.toggle(key="nd_slice").set_value(False).run()
    _clean_without_warnings(at)
    assert len(plotly_figures(at)) == 1


def test_moving_a_slider_changes_the_chart_data():
    at = open_page(PAGE)
    before = trace_array(plotly_figures(at)[0]["data"][1]["z"]).copy()  # the density contours
    at.slider(key="nd_rho").set_value(-0.5).run()
    assert_clean(at)
    after = trace_array(plotly_figures(at)[0]["data"][1]["z"])
    assert not np.array_equal(before, after)
    x_before = trace_array(plotly_figures(at)[0]["data"][0]["x"]).copy()
    at.sidebar.button[0].click().run()  # Resample: new seed, new samples
    assert not np.array_equal(x_before, trace_array(plotly_figures(at)[0]["data"][0]["x"]))


def test_switching_to_the_matrix_carries_the_covariance_across_and_back():
    at = open_page(PAGE, {"nd_sx": "2.0", "nd_sy": "0.5", "nd_rho": "0.3"})
    at.radio(key="nd_cov_mode").set_value("matrix").run()
    assert_clean(at)
    values = [at.session_state[k] for k in ("nd_c11", "nd_c12", "nd_c21", "nd_c22")]
    assert values == [4.0, 0.3, 0.3, 0.25]  # the page rounds them to 4 decimals: these
    at.number_input(key="nd_c12").set_value(0.5).run()
    at.number_input(key="nd_c21").set_value(0.5).run()
    at.radio(key="nd_cov_mode").set_value("sliders").run()
    assert_clean(at)
    assert at.session_state["nd_rho"] == 0.5  # rounded to 2 decimals by the page: exactly


@pytest.mark.parametrize(
    ("entries", "code", "shown"),
    [
        (("1.0", "2.0", "2.0", "1.0"), "not_pd", "-1, 3"),
        (("1.0", "1.0", "1.0", "1.0"), "singular", "0, 2"),
        (("1.0", "0.5", "0.3", "1.0"), "not_symmetric", "0.3"),
        (("-25.0", "0.0", "0.0", "-25.0"), "not_pd", "-25"),
        (("0.0", "0.0", "0.0", "0.0"), "singular", "0, 0"),
    ],
)
def test_an_invalid_matrix_is_explained_and_the_last_valid_state_stays_drawn(entries, code, shown):
    params = {"nd_cov_mode": MATRIX_MODE}
    params.update(zip(("nd_c11", "nd_c12", "nd_c21", "nd_c22"), entries, strict=True))
    at = open_page(PAGE, params)
    assert_clean(at)
    assert len(at.error) == 1
    message = at.error[0].value
    assert shown in message and "Nearest valid matrix" in message
    assert plotly_figures(at), "the last valid state is still drawn"
    nearest = next(b for b in at.button if b.label == CATALOGS["en"]["dist.nearest.button"])
    nearest.click().run()
    assert_clean(at)
    assert not at.error
    typed = [[at.session_state["nd_c11"], at.session_state["nd_c12"]]]
    typed.append([at.session_state["nd_c21"], at.session_state["nd_c22"]])
    nd.mvn([0, 0], typed)


def test_a_valid_typed_matrix_is_drawn_and_in_the_code_panel():
    params = {"nd_cov_mode": MATRIX_MODE, "nd_c11": "3.0", "nd_c12": "-1.0"}
    params.update({"nd_c21": "-1.0", "nd_c22": "2.0"})
    at = open_page(PAGE, params)
    _clean_without_warnings(at)
    assert "[[3.0, -1.0], [-1.0, 2.0]]" in _programs(at)[0]
    table = at.table[0].value
    assert float(table.iloc[3, 0]) == -1.0  # the typed entry, shown as -1.0000


# --- 1D tab -----------------------------------------------------------------------------------


def _family_params(name: str, pick: str) -> dict[str, str]:
    end = 0 if pick == "low" else -1
    sliders = [s for (family, _), s in univariate.PARAMS.items() if family == name]
    params = {s.key: s.extremes()[end] for s in sliders}
    if name == "Uniform":  # low = high would be invalid: keep the interval open
        params = {"nd_uniform_low": "-5.0", "nd_uniform_high": "5.0"}
    return params


@pytest.mark.parametrize("name", list(d1.FAMILIES))
@pytest.mark.parametrize("pick", ["low", "high"])
def test_every_family_at_the_extremes_of_its_controls(name, pick):
    params = {"nd_tab": TAB_1D, "nd_family": name, **_family_params(name, pick)}
    params[univariate.N.key] = univariate.N.extremes()[0 if pick == "low" else -1]
    at = open_page(PAGE, params)
    _clean_without_warnings(at)
    (fig,) = plotly_figures(at)
    _assert_valid_plotly(at)
    assert CATALOGS["en"]["dist.1d.pdf"] in _names(fig)
    assert len(at.table) == 1  # the rsample table
    assert len(_programs(at)) == 2


LINKS_1D = extreme_links(univariate)


@pytest.mark.parametrize("params", LINKS_1D, ids=[f"link-{i}" for i in range(len(LINKS_1D))])
def test_every_1d_declaration_at_its_extremes(params):
    at = open_page(PAGE, {"nd_tab": TAB_1D, **params})
    _clean_without_warnings(at)
    assert plotly_figures(at)
    _assert_valid_plotly(at)


def test_the_1d_summary_and_histogram_are_core_numbers():
    at = open_page(PAGE, {"nd_tab": TAB_1D, "nd_family": "Gumbel"})
    _clean_without_warnings(at)
    metrics = {m.label: m.value for m in at.metric}
    # the page shows 4 significant digits (.4g): half a unit in the 4th, here 0.5e-4; Gumbel's
    # mean, Euler's gamma, is core's float32 loc + scale gamma (2 roundings), its median
    # -ln ln 2 a float64 closed form (4 roundings)
    shown = 0.5 * 10.0 ** (math.floor(math.log10(abs(float(metrics["Mean"])))) - 3)
    bound = shown + tol.float32_tol(np.euler_gamma, 2)
    assert float(metrics["Mean"]) == pytest.approx(np.euler_gamma, rel=0, abs=bound)
    median = -math.log(math.log(2))
    shown = 0.5 * 10.0 ** (math.floor(math.log10(abs(float(metrics["Median"])))) - 3)
    bound = shown + tol.rounding_tol(median, 4)
    assert float(metrics["Median"]) == pytest.approx(median, rel=0, abs=bound)
    assert "mode < median < mean" in " ".join(m.value for m in at.markdown)


def test_an_empty_uniform_interval_is_an_error_not_an_exception():
    params = {"nd_tab": TAB_1D, "nd_family": "Uniform", "nd_uniform_low": "2.0"}
    at = open_page(PAGE, {**params, "nd_uniform_high": "-1.0"})
    assert_clean(at)
    assert len(at.error) == 1 and "low < high" in at.error[0].value


def test_the_standard_normal_button_and_the_68_95_99_7_shading():
    params = {"nd_tab": TAB_1D, "nd_normal_loc": "2.0", "nd_normal_scale": "3.0"}
    at = open_page(PAGE, params)
    names = _names(plotly_figures(at)[0])
    assert any("68.3 %" in n for n in names) and any("99.7 %" in n for n in names)
    assert not at.info
    next(b for b in at.button if b.label.startswith("Standard normal")).click().run()
    assert_clean(at)
    assert at.session_state["nd_normal_loc"] == 0.0 and at.session_state["nd_normal_scale"] == 1.0
    assert len(at.info) == 1
    at.toggle(key="nd_rule").set_value(False).run()
    assert not any("%" in n for n in _names(plotly_figures(at)[0]))


def test_changing_a_parameter_changes_the_pdf():
    at = open_page(PAGE, {"nd_tab": TAB_1D})
    pdf_name = CATALOGS["en"]["dist.1d.pdf"]
    before = trace_array(_trace(plotly_figures(at)[0], pdf_name)["y"]).copy()
    at.slider(key="nd_normal_scale").set_value(2.0).run()
    after = trace_array(_trace(plotly_figures(at)[0], pdf_name)["y"])
    assert not np.array_equal(before, after)


# --- links and languages ----------------------------------------------------------------------

JUNK_KEYS = [
    "nd_tab",
    "nd_mx",
    "nd_sx",
    "nd_rho",
    "nd_n",
    "nd_cov_mode",
    "nd_slice",
    "nd_a",
    "nd_surface",
    "nd_px",
    "nd_py",
]


@pytest.mark.parametrize("key", JUNK_KEYS)
def test_junk_in_a_2d_parameter_warns_and_is_replaced(key):
    at = open_page(PAGE, {key: "abc"})
    assert_clean(at)
    assert any(key in w.value for w in at.warning)
    assert plotly_figures(at)


@pytest.mark.parametrize(
    "params",
    [
        {"nd_cov_mode": MATRIX_MODE, "nd_c11": "abc", "nd_c22": "nan"},
        {"nd_cov_mode": MATRIX_MODE, "nd_c12": "inf", "nd_c21": "1e300"},
        {"nd_tab": TAB_1D, "nd_family": "Cauchy"},
        {"nd_tab": TAB_1D, "nd_n1": "7"},
        {"nd_tab": TAB_1D, "nd_normal_scale": "-3"},
        {"nd_tab": TAB_1D, "nd_family": "Beta", "nd_beta_concentration1": "0"},
        {"nd_tab": TAB_1D, "nd_rule": "maybe"},
        {"nd_n": "100000000", "nd_rho": "1", "nd_sx": "0"},
    ],
)
def test_junk_and_out_of_range_values_warn_instead_of_failing(params):
    at = open_page(PAGE, params)
    assert_clean(at)
    assert at.warning
    assert plotly_figures(at)


@pytest.mark.parametrize("tab", ["dist.tab.2d", "dist.tab.1d"])
def test_both_tabs_render_in_chinese(tab):
    at = open_page(PAGE, {"lang": "zh", "nd_tab": CATALOGS["zh"][tab], "nd_surface": "true"})
    _clean_without_warnings(at)
    assert at.title[0].value == CATALOGS["zh"]["page.distributions.title"]
    assert plotly_figures(at)


def test_a_chinese_link_to_the_1d_tab_opens_it_in_english():
    at = open_page(PAGE, {"nd_tab": CATALOGS["zh"]["dist.tab.1d"]})
    _clean_without_warnings(at)
    assert at.selectbox(key="nd_family").value == "Normal"


def _raised(call) -> InputError:
    with pytest.raises(InputError) as info:
        call()
    return info.value


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_error_core_raises_has_a_complete_translation(lang):
    errors = [
        _raised(lambda: nd.mvn([0.0], [[1, 0], [0, 1]])),
        _raised(lambda: nd.mvn([math.nan, 0.0], [[1, 0], [0, 1]])),
        _raised(lambda: nd.mvn([0, 0], [1, 2, 3])),
        _raised(lambda: nd.mvn([0, 0], [[math.inf, 0], [0, 1]])),
        _raised(lambda: nd.mvn([0, 0], [[1, 0.5], [0.2, 1]])),
        _raised(lambda: nd.mvn([0, 0], [[1, 1], [1, 1]])),
        _raised(lambda: nd.mvn([0, 0], [[1, 2], [2, 1]])),
        _raised(lambda: d1.univariate("Cauchy")),
        _raised(lambda: d1.univariate("Uniform", {"low": 1.0, "high": 0.0})),
        _raised(lambda: d1.summary(nd.mvn([0, 0], [[1, 0], [0, 1]]))),
        _raised(lambda: nd.density_grid(torch.distributions.Normal(0.0, 1.0), [0.0], [0.0])),
        _raised(lambda: nd.density_grid(nd.mvn([0, 0], [[1, 0], [0, 1]]), [], [0.0])),
        _raised(lambda: d1.quantile(torch.distributions.Poisson(3.0), 0.5)),
        _raised(lambda: nd.sample_moments(torch.zeros(1, 2))),
    ]
    for error in errors:
        assert error.code.startswith("dist_") or error.code in CATALOGS["en"]
        text = translate(f"error.{error.code}", lang, **error.params)
        assert "{" not in text, (error.code, text)
