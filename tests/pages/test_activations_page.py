"""The activations page through app.py, as a browser opens it: every tab, every control's
extremes, junk in the link, both languages."""

from __future__ import annotations

import pytest

from core.activations import ACTIVATIONS
from core.depth import INITS
from tests import tolerances as tol
from tests.apptest import assert_clean, extreme_links, open_page, plotly_figures
from views.activations import NAME_KEYS, chain, clipping, custom, depth, functions
from views.activations.depth import INIT_KEYS

PAGE = "activations.py"
TABS = {
    "functions": "Function and derivative",
    "depth": "Gradients across depth",
    "chain": "Chain rule by hand",
    "clipping": "Gradient clipping",
    "custom": "Your own activation",
}
TABS_ZH = {
    "functions": "函数与导数",
    "depth": "梯度随深度的变化",
    "chain": "手算链式法则",
    "clipping": "梯度裁剪",
    "custom": "自定义激活函数",
}
NAMES = list(ACTIVATIONS)
# Every activation that has parameters: their sliders show only when it is chosen.
PARAMETRISED = [name for name in NAMES if ACTIVATIONS[name].params]


def _open(tab: str, **params) -> object:
    at = open_page(PAGE, {"act_view": TABS[tab], **params})
    assert_clean(at)
    return at


def _specs(at) -> list[str]:
    return [el.proto.spec for el in at.get("plotly_chart")]


@pytest.mark.parametrize(("tab", "charts"), [("functions", 1), ("depth", 2), ("chain", 1),
                                             ("clipping", 1), ("custom", 1)])  # fmt: skip
def test_each_tab_draws_at_default_settings_and_only_its_own_charts(tab, charts):
    at = _open(tab)
    assert len(plotly_figures(at)) == charts
    assert not at.warning
    assert at.expander  # the code panel


@pytest.mark.parametrize("tab", list(TABS_ZH))
def test_chinese(tab):
    at = open_page(PAGE, {"lang": "zh", "act_view": TABS_ZH[tab]})
    assert_clean(at)
    assert plotly_figures(at)
    assert not at.warning


def test_default_tab_is_function_and_derivative_with_kink_note():
    at = open_page(PAGE)
    assert_clean(at)
    fig = plotly_figures(at)[0]
    assert {t["name"] for t in fig["data"]} == {"Sigmoid", "Tanh", "ReLU"}
    assert any("PyTorch's autograd returns **0**" in i.value for i in at.info)
    assert any("0.25" in m.value for m in at.markdown)  # sigmoid'(0) in the probe table


def test_the_views_name_every_activation_and_initialisation_core_has():
    assert list(NAME_KEYS) == NAMES
    assert tuple(INIT_KEYS) == INITS


@pytest.mark.parametrize("fns", [NAMES[:6], NAMES[6:12], NAMES[12:], PARAMETRISED])
@pytest.mark.parametrize("link", extreme_links(functions))
def test_function_controls_at_their_extremes(fns, link):
    at = _open("functions", act_fns=fns, **link)
    assert not at.warning, [w.value for w in at.warning]
    assert len(plotly_figures(at)[0]["data"]) >= 2 * min(len(fns), 6)


def test_multiselect_accepts_display_names_and_drops_junk_with_a_notice():
    at = open_page(PAGE, {"act_fns": ["Leaky ReLU", "bogus", "Leaky ReLU", "GELU (tanh)"]})
    assert_clean(at)
    assert at.multiselect(key="act_fns").value == ["leaky_relu", "gelu_tanh"]
    assert any("bogus" in w.value for w in at.warning)


def test_clearing_every_activation_says_what_to_do():
    at = open_page(PAGE)
    at.multiselect(key="act_fns").set_value([]).run()
    assert_clean(at)
    assert at.info and not at.get("plotly_chart")


def test_moving_function_controls_changes_the_chart():
    at = open_page(PAGE)
    before = _specs(at)
    at.slider(key="act_x0").set_value(2.5).run()
    after_probe = _specs(at)
    at.slider(key="act_xmax").set_value(3.0).run()
    after_range = _specs(at)
    at.toggle(key="act_second").set_value(True).run()
    assert_clean(at)
    assert before != after_probe != after_range
    assert len(plotly_figures(at)[0]["data"]) == 9  # three activations on three panels


@pytest.mark.parametrize("view", [depth, chain, clipping, custom], ids=lambda m: m.__name__)
def test_every_view_at_the_extremes_of_its_controls(view):
    tab = view.__name__.rsplit(".", 1)[-1]
    for link in extreme_links(view):
        at = _open(tab, **link)
        assert plotly_figures(at), link
        if link.get("act_expr") != "log(x)":  # log(x) is not finite for x <= 0 and says so
            assert not at.warning, (link, [w.value for w in at.warning])


def test_depth_every_activation():
    at = _open("depth", act_depth="3", act_width="8", act_sigma="0.01")
    seen = set()
    for name in NAMES:
        at.selectbox(key="act_depth_fn").set_value(name).run()
        assert_clean(at)
        seen.add(_specs(at)[0])
    assert len(seen) == len(NAMES)


def test_depth_controls_change_the_chart():
    at = _open("depth")
    norms = plotly_figures(at)[0]["data"][0]
    at.slider(key="act_depth").set_value(10).run()
    assert_clean(at)
    assert plotly_figures(at)[0]["data"][0] != norms
    at.selectbox(key="act_init").set_value("he").run()
    assert_clean(at)


def test_sigmoid_with_plain_init_visibly_vanishes_on_the_page():
    at = _open("depth")
    ratio = at.metric[2].value
    assert float(ratio) < 1e-8


def test_chain_rule_every_activation():
    at = _open("chain", act_chain_fn="ReLU", act_chain_x0=str(chain.X0.low))
    assert any("exactly 0" in c.value for c in at.caption)
    before = _specs(at)
    at.slider(key="act_chain_w").set_value(0.5).run()
    assert _specs(at) != before
    for name in NAMES:
        at.selectbox(key="act_chain_fn").set_value(name).run()
        assert_clean(at)


def _half_unit(shown: str) -> float:
    """Half a unit in the last digit of a metric the page shows as f"{value:.4e}"."""
    return 0.5 * 10.0 ** (int(shown.split("e")[1]) - 4)


def test_sigmoid_chain_metrics_match_the_bound_at_zero():
    at = _open("chain", act_chain_x0="0", act_chain_depth="3")
    shown = [m.value for m in at.metric]
    by_hand, autograd, bound = (float(v) for v in shown)
    # float64 products of 3 factors w sigmoid'(z) by hand and by autograd (a libm exp and a
    # few roundings each), then each shown to 4 decimals of its mantissa: half a unit each
    rounding = tol.rounding_tol(abs(by_hand), 3 * (tol.LIBM_ULPS + 4))
    both = _half_unit(shown[0]) + _half_unit(shown[1]) + rounding
    assert autograd == pytest.approx(by_hand, rel=0, abs=both)
    # 0.25^3 = 1.5625e-02 exactly: only the display's half unit
    assert by_hand <= bound == pytest.approx(0.25**3, rel=0, abs=_half_unit(shown[2]))


def test_clipping_at_its_highs_changes_with_a_control():
    at = _open("clipping", **extreme_links(clipping)[1])
    before = _specs(at)
    at.slider(key="act_clip_n").set_value(8).run()
    assert_clean(at)
    assert _specs(at) != before


@pytest.mark.parametrize(
    "expression",
    ["__import__('os').system('ls')", "().__class__.__bases__", "x.__class__", "open('f')",
     "9**9**9", "lambda: 1", "(" * 60 + "x" + ")" * 60, "ｘ", "", "x +",
     "<script>alert(1)</script>"],
)  # fmt: skip
def test_hostile_formulas_show_an_error_not_an_exception(expression):
    at = _open("custom", act_expr=expression)
    assert at.error
    assert not at.get("plotly_chart")


def test_formulas_that_are_not_finite_everywhere_warn():
    at = _open("custom", act_expr="log(x)")
    assert at.warning and plotly_figures(at)
    at = _open("custom", act_expr="sqrt(-1 - x*x)")
    assert at.warning


def test_custom_extremes_and_changes():
    at = _open("custom", act_custom_ref="nothing", act_custom_xmax=str(custom.X_MAX.high),
               act_custom_second="true", act_expr="2")  # fmt: skip
    assert len(plotly_figures(at)[0]["data"]) == 3
    at = _open("custom", act_custom_xmax=str(custom.X_MAX.low), act_expr="x" + " " * 250)
    before = _specs(at)
    at.text_input(key="act_expr").set_value("max(x, 0.1 * x)").run()
    assert_clean(at)
    assert _specs(at) != before
    at.selectbox(key="act_custom_ref").set_value("mish").run()
    assert_clean(at)


@pytest.mark.parametrize(
    "params",
    [
        {"act_xmax": "abc", "act_eps": "abc", "act_x0": "1e999", "act_second": "maybe"},
        {"act_view": "nonsense"},
        {"act_fns": "bogus"},
        {"act_view": TABS["depth"], "act_width": "7", "act_init": "foo", "act_depth": "1e9",
         "act_depth_fn": "zzz", "act_sigma": "-1"},
        {"act_view": TABS["chain"], "act_chain_depth": "abc", "act_chain_x0": "nan",
         "act_chain_w": "inf"},
        {"act_view": TABS["clipping"], "act_clip_n": "-5", "act_clip_scale": "0",
         "act_clip_value": "x", "act_clip_norm": ""},
        {"act_view": TABS["custom"], "act_custom_ref": "zzz", "act_custom_xmax": "-3"},
        {"act_leaky_relu_negative_slope": "abc", "act_fns": "Leaky ReLU"},
    ],
)  # fmt: skip
def test_junk_in_the_link_gives_a_warning_not_an_exception(params):
    at = open_page(PAGE, params)
    assert_clean(at)
    assert at.warning
    assert plotly_figures(at)
