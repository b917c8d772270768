"""The 2D tab: one prior sample over a grid of two-dimensional inputs, as a surface and a
heatmap. The grid's Cholesky factor is shared by every seed (`factored_view`), so Resample
costs only the new draw."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from core import kernels
from ui import display, widgets
from ui.cached_views import factored_view
from ui.charts import gp as charts
from ui.controls import Slider
from ui.i18n import t
from ui.kernel_controls import KernelPicker
from ui.snippets import gp as snippets
from views.gp_priors import PLOT, common

KERNEL = KernelPicker("gp_g", "gp.kernel", "RBF", kernels.STATIONARY)
SIZE = Slider(key="gp_g_n", label="gp.grid.n", low=20, high=50, default=40, step=5)


def render() -> None:
    st.subheader(t("gp.grid.title"))
    st.markdown(t("gp.grid.intro"))
    with display.controls():
        kernel = KERNEL.draw()
        n_grid = SIZE.draw()
    # the factor is computed once for every seed: Resample costs only the draw
    view = factored_view(
        core_views.grid_factor, core_views.grid_sample, (kernel, n_grid), widgets.seed()
    )
    labels = {"title": repr(kernel), "x": "x₁", "y": "x₂", "z": "f(x)", "colorbar": "f(x)"}
    left, right = st.columns(2)
    with left:
        PLOT(charts.surface_figure, view.axis, view.axis, view.f, labels=labels)
    with right:
        PLOT(charts.heatmap_figure, view.axis, view.axis, view.f, labels=labels, symmetric=True)
    common.jitter_note(view.jitter)
    widgets.formula(
        getattr(kernel, "latex_nd", kernel.latex) + r",\; x \in \mathbb{R}^2",
        t("gp.grid.note", n=n_grid * n_grid),
    )
    widgets.code_panel(snippets.grid_code(kernel, n_grid, widgets.seed(), view.jitter))
