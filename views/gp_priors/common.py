"""What the GP-priors views share: the sample-count and x0 sliders, sample paths with their
band, the jitter note, the histogram with its kurtosis, and the kernel algebra's pickers,
two-panel layout and same-noise comparison."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import gp_prior_views as core_views
from core.kernels import Kernel
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gp as charts
from ui.controls import Slider
from ui.i18n import t
from ui.kernel_controls import KernelPicker
from ui.snippets import gp as snippets
from views.gp_priors import PLOT

COV_LABELS = {"x": "x", "y": "x'", "colorbar": "k(x, x')"}
# the algebra's two kernels (the product view picks RBF for the second: `product`)
K1 = KernelPicker("gp_a1", "gp.alg.k1", "RBF")
K2 = KernelPicker("gp_a2", "gp.alg.k2", "Periodic")


def samples(key: str, high: int = 30, default: int = 5) -> Slider:
    """How many sample paths a view draws."""
    return Slider(key=key, label="gp.samples", low=1, high=high, default=default)


def x0_slider(key: str, label: str, default: float) -> Slider:
    """A point x0 over the plotted range of the kernels, networks and algebra."""
    low, high = core_views.X_WIDE
    return Slider(key=key, label=label, low=low, high=high, default=default, step=0.1)


def paths(view: core_views.Paths, title: str, series: str = "f", dash="solid", **labels) -> None:
    """Sample paths (the view's field ``series``) with the view's band and mean (0 unless the
    view has one); ``labels`` override any label."""
    labels = {
        "title": title,
        "x": "x",
        "y": "f(x)",
        "paths": t("gp.legend.samples"),
        "band": t("gp.legend.band"),
        "mean": t("gp.legend.mean"),
        **labels,
    }
    mean = np.zeros_like(view.x) if view.mean is None else view.mean
    PLOT(
        charts.paths_figure,
        view.x,
        getattr(view, series),
        band=view.band,
        mean=mean,
        dash=dash,
        labels=labels,
    )


def jitter_note(*jitters: float) -> None:
    if max(jitters) > 0:
        st.caption(t("gp.jitter", jitter=f"{max(jitters):.1e}"))


def samples_and_matrix(view: core_views.PriorView) -> None:
    """A kernel's samples (titled with the kernel), and its covariance matrix on the view's
    coarse grid."""
    left, right = st.columns(2)
    with left:
        paths(view, view.repr)
        jitter_note(view.jitter)
    with right:
        labels = {"title": t("gp.kernels.matrix"), **COV_LABELS}
        PLOT(charts.heatmap_figure, view.coarse, view.coarse, view.K, labels=labels)


def histogram(
    view: core_views.Histogram, title: str, x_label: str, hist_label: str, pdf_label: str
):
    """The histogram with its normal curve, and the excess kurtosis beside it; returns the
    column of the kurtosis."""
    left, right = st.columns([2, 1])
    with left:
        labels = {
            "title": title,
            "x": x_label,
            "y": t("gp.density"),
            "hist": hist_label,
            "pdf": pdf_label,
        }
        PLOT(charts.histogram_figure, view.edges, view.density, view.grid, view.pdf, labels=labels)
    right.metric(t("gp.kurtosis"), f"{view.kurtosis:.2f}", help=t("gp.kurtosis.help"))
    return right


def two_kernels(first: KernelPicker, second: KernelPicker) -> tuple[Kernel, Kernel]:
    """The two kernels of an exercise, side by side."""
    with display.controls():
        left, right = st.columns(2)
        with left:
            k1 = first.draw()
        with right:
            k2 = second.draw()
    return k1, k2


def built_and_direct(view: core_views.BuiltView, built_title: str, direct_title: str) -> None:
    """Left: paths built from other GPs' samples. Right: drawn from the kernel directly."""
    left, right = st.columns(2)
    with left:
        paths(view, t(built_title), series="built")
    with right:
        paths(view, t(direct_title), dash="dash")
    jitter_note(*view.jitters)


# The exercises that build u from samples of two GPs: the core view, and the titles of the
# built and the directly drawn paths.
FROM_TWO_GPS = {
    "sum": (core_views.sum_view, "gp.alg.sum.built", "gp.alg.sum.direct"),
    "product": (core_views.product_view, "gp.alg.product.built", "gp.alg.product.direct"),
}


@cached_view(max_entries=16)
def from_two_gps_view(exercise: str, k1: Kernel, k2: Kernel, n: int, seed: int):
    return FROM_TWO_GPS[exercise][0](k1, k2, n, seed)


def from_two_gps(
    exercise: str, first: KernelPicker, second: KernelPicker, n: int
) -> tuple[Kernel, Kernel, core_views.BuiltView]:
    """The two kernels of an exercise of `FROM_TWO_GPS`, its paths built and drawn directly;
    returns the kernels and the view."""
    k1, k2 = two_kernels(first, second)
    view = from_two_gps_view(exercise, k1, k2, n, widgets.seed())
    built_and_direct(view, *FROM_TWO_GPS[exercise][1:])
    return k1, k2, view


@cached_view(max_entries=16)
def same_noise_view(kernels: tuple[Kernel, ...], n: int, seed: int) -> list[core_views.Paths]:
    return core_views.same_noise_view(kernels, n, seed)


def same_noise(kernels: tuple[Kernel, Kernel], n: int, titles: tuple[str, str], **params) -> None:
    """Two kernels drawn from the same z side by side (titles: catalog keys, with
    ``params``), and the code that draws them."""
    both = same_noise_view(kernels, n, widgets.seed())
    for column, view, title in zip(st.columns(2), both, titles, strict=True):
        with column:
            paths(view, t(title, **params))
    jitter_note(*(v.jitter for v in both))
    widgets.code_panel(
        snippets.same_noise_code(
            kernels, core_views.PATH_POINTS, n, widgets.seed(), [v.jitter for v in both]
        )
    )
