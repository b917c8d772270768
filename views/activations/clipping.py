"""Gradient clipping: one random gradient clipped by value (direction changes) and by norm
(direction kept), with the norms and cosines that result."""

from __future__ import annotations

import streamlit as st
import torch

from core.depth import Clipped, clip_gradient, random_gradient
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import activations as charts
from ui.controls import LogSlider, Slider, row
from ui.i18n import t
from ui.snippets import activations as snippets
from views.activations import PLOT, markdown_table

N = Slider(
    key="act_clip_n", label="act.clip.n_label", help="act.clip.n_help", low=2, high=64,
    default=16, step=1,
)  # fmt: skip
SCALE = LogSlider(
    key="act_clip_scale", label="act.clip.scale_label", help="act.clip.scale_help", low=0.1,
    high=100.0, default=3.0,
)  # fmt: skip
CLIP_VALUE = LogSlider(
    key="act_clip_value", label="act.clip.value_label", help="act.clip.value_help", low=0.01,
    high=10.0, default=1.0,
)  # fmt: skip
MAX_NORM = LogSlider(
    key="act_clip_norm", label="act.clip.norm_label", help="act.clip.norm_help", low=0.1,
    high=100.0, default=5.0,
)  # fmt: skip
FORMULA = (
    r"\text{clamp: } g_i \leftarrow \min(\max(g_i, -c), c) \qquad"
    r"\text{norm: } g \leftarrow g \cdot \min\!\left(1, \frac{M}{\lVert g \rVert_2 + 10^{-6}}"
    r"\right)"
)


@cached_view(max_entries=32)
def clipped(n: int, scale: float, clip_value: float, max_norm: float, seed: int) -> Clipped:
    grad = random_gradient(n, scale, torch.Generator().manual_seed(seed))
    return clip_gradient(grad, clip_value, max_norm)


def render() -> None:
    st.markdown(t("act.clip.intro"))
    n, scale, clip_value, max_norm = row(N, SCALE, CLIP_VALUE, MAX_NORM)
    widgets.formula(FORMULA)
    with widgets.input_errors():
        result = clipped(n, scale, clip_value, max_norm, widgets.seed())
        original, by_value, by_norm = (
            t(k) for k in ("act.clip.original", "act.clip.by_value", "act.clip.by_norm")
        )
        series = [(original, result.original), (by_value, result.by_value),
                  (by_norm, result.by_norm)]  # fmt: skip
        PLOT(
            charts.clipping_chart,
            series,
            clip_value=clip_value,
            x_title=t("act.axis.component"),
            y_title=t("act.axis.gradient"),
            title=t("act.clip.chart"),
            key="act_chart_clipping",
        )
        header = [t("act.clip.gradient"), t("act.clip.norm"), t("act.clip.cosine")]
        rows = [
            [original, f"{result.norm_before:.4g}", "1"],
            [by_value, f"{result.norm_by_value:.4g}", f"{result.cosine_by_value:.4f}"],
            [by_norm, f"{result.norm_by_norm:.4g}", f"{result.cosine_by_norm:.4f}"],
        ]
        st.markdown(markdown_table(header, rows))
        st.caption(t("act.clip.caption"))
        code = snippets.clipping_code(n, scale, clip_value, max_norm, widgets.seed())
        widgets.code_panel(code)
