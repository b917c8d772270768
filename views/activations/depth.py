"""Gradients across depth: a deep bias-free network's weight-gradient norm per layer, and each
layer's pre-activations against the activation's saturation zones."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
import torch

from core.depth import GradientFlow, gradient_flow
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import activations as charts
from ui.controls import LogSlider, Select, row
from ui.i18n import t
from ui.snippets import activations as snippets
from views.activations import NAME_KEYS, PLOT, activation_select, depth_slider

BATCH = 32
EPSILON = 0.01  # saturation threshold shaded on the pre-activation histograms
INIT_KEYS = {"xavier": "act.init.xavier", "he": "act.init.he", "normal": "act.init.normal"}

ACTIVATION = activation_select("act_depth_fn")
DEPTH = depth_slider("act_depth", help="act.depth.help")
WIDTH = Select(
    key="act_width", label="act.width.label", help="act.width.help",
    options={str(2**k): None for k in range(2, 10)}, default="64",
)  # fmt: skip
INIT = Select(
    key="act_init", label="act.init.label", help="act.init.help", options=INIT_KEYS,
    default="normal",
)  # fmt: skip
SIGMA = LogSlider(
    key="act_sigma", label="act.sigma.label", help="act.sigma.help", low=0.01, high=10.0,
    default=0.1,
)  # fmt: skip
FORMULA = (
    r"\frac{\partial \ell}{\partial W_l} = \delta_l\, h_{l-1}^\top,\quad"
    r"\delta_l = f'(z_l) \odot W_{l+1}^\top \delta_{l+1},\quad "
    r"z_l = W_l h_{l-1},\ h_l = f(z_l),\ \ell = \tfrac{1}{B}\sum_{b,i} h_{L,i}^{(b)}"
)


@cached_view(max_entries=32)
def flow(name: str, depth: int, width: int, init: str, sigma: float, seed: int) -> GradientFlow:
    generator = torch.Generator().manual_seed(seed)
    return gradient_flow(name, depth, width, init, sigma, BATCH, EPSILON, generator)


def render() -> None:
    st.markdown(t("act.depth.intro"))
    name, depth, width, init, sigma = row(ACTIVATION, DEPTH, WIDTH, INIT, SIGMA)
    width = int(width)
    widgets.formula(FORMULA, t("act.depth.formula_caption"))
    with widgets.input_errors():
        run = flow(name, depth, width, init, sigma, widgets.seed())
        norms = run.norms
        m1, m2, m3 = st.columns(3)
        m1.metric(t("act.depth.first"), f"{norms[0]:.3e}")
        m2.metric(t("act.depth.last"), f"{norms[-1]:.3e}")
        ratio = norms[0] / norms[-1] if norms[-1] > 0 else math.inf
        m3.metric(t("act.depth.ratio"), f"{ratio:.3e}")
        table = pd.DataFrame({"layer": range(1, len(norms) + 1), "weight_grad_norm": norms})
        PLOT(
            charts.gradient_norm_chart,
            norms,
            name=t(NAME_KEYS[name]),
            x_title=t("act.axis.layer"),
            y_title=t("act.axis.grad_norm"),
            title=t("act.depth.chart"),
            key="act_chart_gradient_norms",
            chart_kwargs={"data": table},
        )
        PLOT(
            charts.histogram_heatmap,
            run.edges,
            run.density,
            run.saturated,
            x_title=t("act.axis.z"),
            y_title=t("act.axis.layer"),
            color_title=t("act.axis.share"),
            saturation_label=t("act.saturation.zone", eps=EPSILON),
            title=t("act.depth.hist_chart"),
            key="act_chart_pre_activations",
        )
        st.caption(t("act.depth.hist_caption", batch=BATCH))
        code = snippets.depth_code(name, depth, width, init, sigma, BATCH, widgets.seed())
        widgets.code_panel(code)
