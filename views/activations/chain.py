"""Chain rule by hand: the derivative through L copies of one scalar layer, as a product of
factors w f'(z_l), against autograd and the bound (|w| sup|f'|)^L."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from core.depth import ChainRule, chain_rule
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import activations as charts
from ui.controls import Slider, row
from ui.i18n import t
from ui.snippets import activations as snippets
from views.activations import PLOT, activation_select, depth_slider

ACTIVATION = activation_select("act_chain_fn")
DEPTH = depth_slider("act_chain_depth", help="act.chain.depth_help")
X0 = Slider(
    key="act_chain_x0", label="act.chain.x0_label", help="act.chain.x0_help", low=-5.0,
    high=5.0, default=0.5, step=0.1,
)  # fmt: skip
WEIGHT = Slider(
    key="act_chain_w", label="act.chain.w_label", help="act.chain.w_help", low=-3.0, high=3.0,
    default=1.0, step=0.05,
)  # fmt: skip
FORMULA = (
    r"\frac{\partial h_L}{\partial x_0} = \prod_{l=1}^{L} w\, f'(z_l),\quad"
    r"\left|\frac{\partial h_L}{\partial x_0}\right| \le \left(|w| \sup_z |f'(z)|\right)^L,"
    r"\quad z_l = w\, h_{l-1},\ h_0 = x_0"
)
# The three derivatives shown, by field of `ChainRule`, with their labels.
SERIES = {"by_hand": "act.chain.by_hand", "autograd": "act.chain.autograd",
          "bound": "act.chain.bound"}  # fmt: skip


@cached_view(max_entries=64)
def chain(name: str, x0: float, depth: int, weight: float) -> ChainRule:
    return chain_rule(name, x0, depth, weight)


def render() -> None:
    st.markdown(t("act.chain.intro"))
    name, depth, x0, weight = row(ACTIVATION, DEPTH, X0, WEIGHT)
    widgets.formula(FORMULA, t("act.chain.formula_caption"))
    with widgets.input_errors():
        result = chain(name, x0, depth, weight)
        series = {field: getattr(result, field) for field in SERIES}
        names = tuple(t(k) for k in SERIES.values())
        PLOT(
            charts.chain_rule_chart,
            *series.values(),
            names=names,
            x_title=t("act.axis.layer"),
            y_title=t("act.axis.chain"),
            title=t("act.chain.chart"),
            key="act_chart_chain_rule",
            chart_kwargs={"data": pd.DataFrame({"layer": range(1, depth + 1)} | series)},
        )
        for column, label, values in zip(st.columns(3), names, series.values(), strict=True):
            column.metric(label, f"{values[-1]:.4e}")
        if (result.by_hand == 0).any():
            st.caption(t("act.chain.zero"))
        widgets.code_panel(snippets.chain_code(name, x0, depth, weight))
