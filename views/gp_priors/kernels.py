"""The kernels tab: samples of one kernel with its band, its covariance matrix, and the slice
``k(x, x0)`` with its formula (a fragment: moving x0 redraws only the slice)."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from core.kernels import Kernel
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gp as charts
from ui.controls import Slider
from ui.i18n import t
from ui.kernel_controls import KERNEL_NOTES, KernelPicker
from ui.snippets import gp as snippets
from views.gp_priors import PLOT, common

KERNEL = KernelPicker("gp_k", "gp.kernel", "RBF")
N = common.samples("gp_k_n", 50)
POINTS = Slider(key="gp_k_points", label="gp.points", low=50, high=1000, default=200, step=50)
X0 = common.x0_slider("gp_k_x0", "gp.kernels.x0", 0.0)


@cached_view()
def prior(kernel: Kernel, n: int, n_points: int, seed: int) -> core_views.PriorView:
    return core_views.prior_view(kernel, n, n_points, seed)


@cached_view()
def kernel_slice(kernel: Kernel, x0: float, n_points: int) -> core_views.KernelSlice:
    return core_views.kernel_slice(kernel, x0, n_points)


def render() -> None:
    st.subheader(t("gp.kernels.title"))
    st.markdown(t("gp.kernels.intro"))
    with display.controls():
        kernel = KERNEL.draw()
        c1, c2 = st.columns(2)
        n = N.draw(c1)
        n_points = POINTS.draw(c2)
    if type(kernel).__name__ == "RBF":
        st.info(t("gp.kernels.d2l_note"), icon=":material/info:")
    view = prior(kernel, n, n_points, widgets.seed())
    common.samples_and_matrix(view)
    slice_and_code(kernel, n_points, n, view.jitter)


@st.fragment
def slice_and_code(kernel: Kernel, n_points: int, n_samples: int, jitter: float) -> None:
    """Moving x0 redraws only the slice (and the code that reproduces the view)."""
    left, right = st.columns(2)
    with left:
        x0 = X0.draw()
        view = kernel_slice(kernel, x0, n_points)
        labels = {"title": t("gp.kernels.slice"), "x": "x", "y": "k(x, x₀)", "marker": "x₀"}
        PLOT(charts.curves_figure, view.x, [("k(x, x₀)", view.k)], marker=x0, labels=labels)
    with right:
        widgets.formula(kernel.latex, t(KERNEL_NOTES[type(kernel).__name__]))
    widgets.code_panel(
        snippets.kernel_code(kernel, n_points, n_samples, widgets.seed(), jitter, x0)
    )
