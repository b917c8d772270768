"""The gradient-descent page through app.py, as a browser opens it: every tab, every control's
extremes, junk and hostile formulas in the link, both languages."""

from __future__ import annotations

import numpy as np
import pytest

from core import optim
from tests.apptest import assert_clean, extreme_links, open_page, plotly_figures, trace_array
from views.gradient_descent import basins, descent, gradient, surface

PAGE = "gradient_descent.py"
TABS = {
    "gradient": "Gradient and curvature",
    "descent": "Descent",
    "basins": "Basins of attraction",
}
TABS_ZH = {"gradient": "梯度与曲率", "descent": "下降过程", "basins": "吸引域"}
SURFACES = (*optim.SURFACES, "typed")
VIEWS = {"gradient": gradient, "descent": descent, "basins": basins}
TYPED = surface.SURFACE.url_values()[-1]  # "Your own f(x, y)"


def _ends(*modules) -> tuple[dict[str, str], dict[str, str]]:
    """The links at every low end and at every high end of the controls of ``modules``."""
    links = [extreme_links(module) for module in modules]
    low, high = {}, {}
    for module_links in links:
        low |= module_links[0]
        high |= module_links[1]
    return low, high


def _open(tab: str, **params) -> object:
    at = open_page(PAGE, {"gd_tab": TABS[tab], **params})
    assert_clean(at)
    return at


def _specs(at) -> list[str]:
    return [el.proto.spec for el in at.get("plotly_chart")]


def _texts(at) -> str:
    return " ".join(e.value for e in [*at.error, *at.warning, *at.info, *at.success])


@pytest.mark.parametrize(("tab", "charts"), [("gradient", 1), ("descent", 2), ("basins", 1)])
def test_each_tab_draws_at_default_settings_and_only_its_own_charts(tab, charts):
    at = _open(tab)
    figures = plotly_figures(at)
    assert len(figures) == charts
    assert not at.warning and not at.error
    assert at.expander  # the code panel
    clickable = any(t.get("name") == "click-grid" for t in figures[0]["data"])
    assert clickable == (tab != "basins")  # a click moves the probe or the start


@pytest.mark.parametrize("tab", list(TABS_ZH))
def test_chinese(tab):
    at = open_page(PAGE, {"lang": "zh", "gd_tab": TABS_ZH[tab], "gd_3d": "true"})
    assert_clean(at)
    assert plotly_figures(at)
    assert not at.warning


def test_every_surface_on_the_gradient_and_descent_tabs():
    for tab in ("gradient", "descent"):
        at = _open(tab, gd_3d="true")
        seen = set()
        for name in SURFACES:
            at.selectbox(key="gd_surface").set_value(name).run()
            assert_clean(at)
            assert not at.error, (name, [e.value for e in at.error])
            seen.add(_specs(at)[0])
        assert len(seen) == len(SURFACES)


def test_a_new_surface_starts_from_its_own_start_and_probe():
    at = _open("descent")
    at.selectbox(key="gd_surface").set_value("rosenbrock").run()
    assert (at.number_input(key="gd_x0").value, at.number_input(key="gd_y0").value) == (-1.2, 1.0)
    assert at.select_slider(key="gd_lr").value == "0.001"


def test_the_saddle_point_is_recognised_at_the_default_probe():
    at = _open("gradient", gd_surface="Saddle x² − y²")
    assert any("Saddle point" in w.value for w in at.warning)
    assert any("Why saddles matter" in m.value for m in at.markdown)
    at = _open("gradient", gd_surface="Monkey saddle x³ − 3xy²")
    assert any("Degenerate critical point" in w.value for w in at.warning)


def test_the_probe_moves_and_the_chart_follows():
    at = _open("gradient")
    before = _specs(at)
    at.number_input(key="gd_px").set_value(-2.0).run()
    assert_clean(at)
    assert _specs(at) != before
    assert at.metric[0].value == "27"  # f(-2, 1) = (4 + 50 * 1) / 2 on the kappa = 50 bowl


_SURFACE_LOW, _SURFACE_HIGH = _ends(surface, gradient)


@pytest.mark.parametrize(
    "params",
    [
        _SURFACE_LOW,  # the flattest bowl, probed in a corner, in 3D
        _SURFACE_HIGH,  # f = x on the widest window, probed in the other corner
        # the steepest bowl, probed in the far corner
        {surface.KAPPA.key: _SURFACE_HIGH[surface.KAPPA.key]} | _ends(gradient)[1],
        # a formula with kinks on the narrowest window
        {surface.SURFACE.key: TYPED, surface.WIDTH.key: _SURFACE_LOW[surface.WIDTH.key],
         surface.EXPRESSION.key: surface.EXPRESSION.examples[0]},
    ],
)  # fmt: skip
def test_gradient_tab_at_its_extremes(params):
    at = _open("gradient", **params)
    assert not at.warning, [w.value for w in at.warning]
    assert plotly_figures(at)


def test_descent_controls_at_their_extremes():
    low, high = _ends(descent)
    at = _open("descent", **high, gd_opts=list(optim.OPTIMIZERS), gd_3d="true")
    assert any("diverged" in e.value for e in at.warning) and not at.error
    assert len(plotly_figures(at)) == 3
    at = _open("descent", **low, gd_opts=["nesterov", "rmsprop"])
    assert not at.error and len(plotly_figures(at)) == 2


def test_divergence_is_explained_with_two_over_l():
    at = _open("descent", gd_lr="0.056", gd_opts="Gradient descent")  # kappa 50: 2/L = 0.04
    assert any("not below 2/L" in i.value and "L = 50" in i.value for i in at.info)
    message = " ".join(e.value for e in at.warning)
    assert "diverged" in message and "2/L = 0.04" in message and not at.error
    at.select_slider(key="gd_lr").set_value("0.032").run()
    assert not at.warning and any("is below 2/L" in i.value for i in at.info)


def test_a_saddle_runs_off_with_an_explanation_not_a_crash():
    at = _open("descent", gd_surface="Saddle x² − y²", gd_lr="1", gd_steps="200")
    assert "f falling without bound" in _texts(at)
    assert plotly_figures(at)


def test_changing_descent_controls_changes_the_charts():
    at = _open("descent")
    before = _specs(at)
    at.select_slider(key="gd_lr").set_value("0.01").run()
    after_lr = _specs(at)
    at.number_input(key="gd_x0").set_value(3.0).run()
    after_start = _specs(at)
    at.multiselect(key="gd_opts").set_value(["adam"]).run()
    assert_clean(at)
    assert before != after_lr != after_start != _specs(at)
    at.multiselect(key="gd_opts").set_value([]).run()
    assert_clean(at)
    assert at.info and not at.get("plotly_chart")


def test_basins_at_their_extremes_and_every_optimiser():
    low, high = _ends(basins)
    # Plain gradient descent (the default), which diverges at the largest learning rate.
    del high[basins.OPTIMIZER.key]
    at = _open("basins", **high)
    assert any("diverged" in str(t.get("name")) for t in plotly_figures(at)[0]["data"])
    at = _open("basins", gd_surface="Himmelblau (four minima)", **low)
    seen = {_specs(at)[0]}
    for name in optim.OPTIMIZERS[1:]:
        at.selectbox(key="gd_b_opt").set_value(name).run()
        assert_clean(at)
        seen.add(_specs(at)[0])
    assert len(seen) == len(optim.OPTIMIZERS)


@pytest.mark.parametrize(
    ("tab", "params"),
    [(tab, link) for tab, module in VIEWS.items() for link in extreme_links(module)[2:]]
    + [("gradient", link) for link in extreme_links(surface)[2:]],
)
def test_every_further_option_of_a_choice_draws(tab, params):
    at = _open(tab, **params)
    assert plotly_figures(at)


def test_himmelblau_basins_show_its_four_minima():
    at = _open("basins", gd_surface="Himmelblau (four minima)")
    names = [t.get("name", "") for t in plotly_figures(at)[0]["data"]]
    assert sum("known minimum" in n for n in names) == 4


@pytest.mark.parametrize(
    "expression",
    ["__import__('os').system('ls')", "().__class__.__bases__", "9**9**9", "lambda: 1",
     "(" * 60 + "x" + ")" * 60, "ｘ", "", "z * 2", "<script>alert(1)</script>"],
)  # fmt: skip
def test_hostile_formulas_in_the_link_show_an_error_not_an_exception(expression):
    at = open_page(PAGE, {"gd_surface": "Your own f(x, y)", "gd_expr": expression})
    assert_clean(at)
    assert at.error
    assert not at.get("plotly_chart")


def test_formulas_undefined_in_places_or_everywhere_never_crash():
    at = _open("gradient", gd_surface="Your own f(x, y)", gd_expr="log(x) + y**2",
               gd_px="-1", gd_3d="true")  # fmt: skip
    assert at.error and plotly_figures(at)  # the point is outside the domain; the map is drawn
    at = _open("descent", gd_surface="Your own f(x, y)", gd_expr="log(x) + y**2",
               gd_x0="0.5", gd_lr="1")  # fmt: skip
    assert "not finite there" in _texts(at)
    at = _open("descent", gd_surface="Your own f(x, y)", gd_expr="sqrt(-1 - x*x)")
    assert at.error  # no start at all: f is nowhere real
    at = _open("basins", gd_surface="Your own f(x, y)", gd_expr="sqrt(-1 - x*x)")
    assert plotly_figures(at)


@pytest.mark.parametrize(
    "params",
    [
        {"gd_surface": "volcano", "gd_kappa": "abc", "gd_3d": "maybe", "gd_px": "1e999",
         "gd_py": "nan"},
        {"gd_tab": "nonsense"},
        {"gd_tab": TABS["descent"], "gd_lr": "abc", "gd_steps": "-5", "gd_opts": "bogus",
         "gd_beta1": "nan", "gd_beta2": "7", "gd_x0": "inf", "gd_y0": ""},
        {"gd_tab": TABS["basins"], "gd_b_opt": "lbfgs", "gd_b_lr": "0", "gd_b_steps": "x",
         "gd_b_n": "1e9", "gd_b_beta": "-1"},
        {"gd_surface": "Your own f(x, y)", "gd_width": "-3", "gd_expr": "x*y"},
    ],
)  # fmt: skip
def test_junk_in_the_link_gives_a_warning_not_an_exception(params):
    at = open_page(PAGE, params)
    assert_clean(at)
    assert at.warning
    assert plotly_figures(at)


def _finite_chart_data(at) -> None:
    """Nothing infinite reaches Plotly (NaN marks a gap on purpose)."""
    for fig in plotly_figures(at):
        for trace in fig["data"]:
            for axis in ("x", "y", "z"):
                values = trace_array(trace.get(axis))
                if values is not None and values.dtype.kind == "f":
                    assert not np.isinf(values).any(), (fig["layout"].get("title"), axis)


# issue 17 item 7: each gave "Something went wrong ... a bug in the lab" on some tab
OVERFLOWING = ["exp(100*x*y)", "exp(x*1000)+0*y", "exp(exp(exp(x)))+0*y", "1e308*x*y"]


@pytest.mark.parametrize("tab", list(TABS))
@pytest.mark.parametrize("expression", OVERFLOWING)
def test_a_formula_too_large_to_draw_says_so_on_every_tab(expression, tab):
    at = _open(tab, gd_surface="Your own f(x, y)", gd_expr=expression, gd_3d="true")
    assert "too large to draw" in _texts(at) and "1.8e+308" in _texts(at)
    assert plotly_figures(at) or at.error  # the map, or why the descent cannot start
    _finite_chart_data(at)


def test_a_formula_that_loses_meaning_runs_the_descent_with_a_status_not_a_crash():
    at = _open("descent", gd_surface="Your own f(x, y)", gd_expr="sin(1e300*x)+0*y",
               gd_opts=list(optim.OPTIMIZERS))  # fmt: skip
    assert "diverged" in _texts(at) and len(plotly_figures(at)) == 2
    _finite_chart_data(at)


@pytest.mark.parametrize("tab", list(TABS))
@pytest.mark.parametrize(
    ("expression", "message"),
    [("1/(x-x)", "no finite value anywhere"), ("log(0*x)+y", "no finite value anywhere"),
     ("log(x)", "undefined (NaN) on 50%"), ("1e200*(x+y)", "")],
)  # fmt: skip
def test_formulas_infinite_or_undefined_on_the_window_are_explained(expression, message, tab):
    at = _open(tab, gd_surface="Your own f(x, y)", gd_expr=expression, gd_3d="true")
    assert message in _texts(at)
    _finite_chart_data(at)


def test_after_an_overflowing_formula_the_other_tabs_and_controls_still_work():
    at = _open("descent", gd_surface="Your own f(x, y)", gd_expr="exp(100*x*y)")
    at.text_input(key="gd_expr").set_value("x**2 + y**2").run()
    assert_clean(at)
    assert "too large" not in _texts(at) and len(plotly_figures(at)) == 2
    at.selectbox(key="gd_surface").set_value("rosenbrock").run()
    assert_clean(at)
    assert not at.error and len(plotly_figures(at)) == 2


def test_a_huge_gradient_is_not_called_a_critical_point():
    at = _open("gradient", gd_surface="Your own f(x, y)", gd_expr="1e200*(x+y)")
    assert "Not a critical point" in _texts(at) and "∇f ≈ 0" not in _texts(at)
    assert "1.414e+200" in [m.value for m in at.metric]  # |∇f|, not inf
