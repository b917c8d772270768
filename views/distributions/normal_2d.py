"""The 2D normal: samples of torch's MultivariateNormal under its density contours, the
k-sigma ellipses and principal axes, the marginals; a probe (typed, or clicked on the chart)
with its log density and Mahalanobis distance; true against sample moments; optionally the
conditional p(y | x = a) and the density as a surface."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
import torch

from core import distributions as nd
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import distributions as charts
from ui.controls import Number, Slider, Toggle
from ui.i18n import t
from ui.snippets import distributions as snippets
from views.distributions import CURVE_POINTS, KS, PLOT, covariance, percent, sample_count

HIST_ABOVE = 20_000  # more samples than this: a 2D histogram instead of single points
GRID = 80  # density grid per axis
MARGINAL_BINS = 40
ELLIPSE_POINTS = 160
CHART_KEY = "nd_chart"  # the main chart, whose clicks move the probe

MEAN = (
    Slider(key="nd_mx", label="dist.mx.label", help="dist.mx.help", low=-5.0, high=5.0,
           default=0.0, step=0.1),
    Slider(key="nd_my", label="dist.my.label", help="dist.my.help", low=-5.0, high=5.0,
           default=0.0, step=0.1),
)  # fmt: skip
N = sample_count("nd_n")
SLICE = Toggle(key="nd_slice", label="dist.slice.label", help="dist.slice.help")
A = Slider(key="nd_a", label="dist.a.label", help="dist.a.help", low=-15.0, high=15.0,
           default=1.0, step=0.1)  # fmt: skip
SURFACE = Toggle(key="nd_surface", label="dist.surface.label", help="dist.surface.help")
PROBE = (
    Number(key="nd_px", label="dist.px.label", help="dist.px.help", low=-30.0, high=30.0,
           default=1.0, step=0.1),
    Number(key="nd_py", label="dist.py.label", help="dist.py.help", low=-30.0, high=30.0,
           default=1.0, step=0.1),
)  # fmt: skip

CHART_LABELS = {
    "title": "dist.chart.title",
    "samples": "dist.chart.samples",
    "hist_2d": "dist.chart.hist_2d",
    "density": "dist.chart.density",
    "axes": "dist.chart.axes",
    "probe": "dist.chart.probe",
    "click": "dist.chart.click",
    "marginal_hist": "dist.chart.marginal_hist",
    "marginal_pdf": "dist.chart.marginal_pdf",
}
CONDITIONAL_LABELS = {
    "marginal": "dist.cond.marginal",
    "conditional": "dist.cond.conditional",
    "slice": "dist.cond.slice",
    "mean": "dist.cond.mean",
    "y": "dist.cond.y",
}


@cached_view(max_entries=32)
def computed(mean: tuple[float, float], cov: tuple[float, ...], n: int, seed: int) -> nd.Normal2D:
    generator = torch.Generator().manual_seed(seed)
    return nd.normal_2d_view(
        _normal(mean, cov), n, generator, ks=KS, grid=GRID, curve_points=CURVE_POINTS,
        ellipse_points=ELLIPSE_POINTS, marginal_bins=MARGINAL_BINS, hist_above=HIST_ABOVE,
    )  # fmt: skip


def _normal(mean: tuple[float, float], cov: tuple[float, ...]):
    """The 2D normal of a mean and the covariance's four entries (as the caches key them)."""
    return nd.mvn(list(mean), [list(cov[:2]), list(cov[2:])])


def render() -> None:
    widgets.formula(
        r"p(\mathbf x)=\frac{1}{2\pi\sqrt{\det\Sigma}}"
        r"\exp\!\left(-\tfrac12(\mathbf x-\boldsymbol\mu)^\top\Sigma^{-1}"
        r"(\mathbf x-\boldsymbol\mu)\right),"
        r"\quad \Sigma=\begin{pmatrix}\sigma_x^2&\rho\sigma_x\sigma_y\\"
        r"\rho\sigma_x\sigma_y&\sigma_y^2\end{pmatrix}",
        t("dist.2d.formula_caption"),
    )
    controls, chart = display.controls_beside_chart(2.6)
    probe_col, table_col = st.columns([1, 1], gap="large")
    with controls:
        st.markdown(f"**{t('dist.2d.controls')}**")
        mean = tuple(m.draw() for m in MEAN)
        dist, setting = covariance.checked(mean, covariance.draw())
        n = int(N.draw())
        show_slice = SLICE.draw()
        a = A.draw()
        show_surface = SURFACE.draw()
    with probe_col:
        st.markdown(f"**{t('dist.probe.title')}**")
        probe = tuple(p.draw(c, format="%.2f") for p, c in zip(PROBE, st.columns(2), strict=True))
    cov = setting.entries()
    seed = widgets.seed()
    view = computed(mean, cov, n, seed)
    with chart:
        _main_chart(view, probe, a if show_slice else None)
    with probe_col:
        _probe_metrics(dist, probe)
    with table_col:
        _moments_table(mean, cov, view)
    if show_slice:
        st.subheader(t("dist.cond.title"))
        _conditional(mean, cov, a)
    if show_surface:
        labels = {"title": t("dist.surface.title"), "density": "p(x, y)"}
        PLOT(charts.surface_figure, view.xs, view.ys, view.density, labels=labels,
             key="nd_chart_density-surface")  # fmt: skip
    widgets.code_panel(
        snippets.normal_2d_code(
            mean, n, seed, probe, a, bounds=view.bounds, grid=GRID, **setting.code_args()
        )
    )


def _main_chart(view: nd.Normal2D, probe, slice_at: float | None) -> None:
    """The 2D chart; a click on it moves the probe (`_probe_from_click`)."""
    labels = {k: t(key) for k, key in CHART_LABELS.items()}
    labels["slice"] = t("dist.chart.slice", a=f"{slice_at:g}") if slice_at is not None else ""
    ellipse_labels = [
        t("dist.chart.ellipse", k=k, mass=percent(nd.ellipse_mass(k)), observed=percent(f))
        for k, f in zip(KS, view.inside, strict=True)
    ]
    PLOT(
        charts.normal_2d_figure,
        bounds=view.bounds,
        density_xs=view.xs,
        density_ys=view.ys,
        density=view.density,
        points=view.points,
        hist_2d=view.hist_2d,
        ellipses=list(zip(view.ellipses, ellipse_labels, strict=True)),
        axis_segments=view.axes,
        marginal_x=view.marginal_x,
        marginal_y=view.marginal_y,
        probe=probe,
        slice_at=slice_at,
        labels=labels,
        key=CHART_KEY,
        chart_kwargs={"on_select": _probe_from_click, "selection_mode": "points"},
    )
    st.caption(t("dist.chart.click_hint"))
    if view.hist_2d is not None:
        st.caption(t("dist.chart.hist_note", limit=f"{HIST_ABOVE:,}"))


def _probe_from_click() -> None:
    """A click on the chart (on its invisible grid) moves the probe there."""
    point = display.clicked_point(CHART_KEY)
    if point is not None:
        for control, value in zip(PROBE, point, strict=True):
            st.session_state[control.key] = round(min(max(value, control.low), control.high), 2)


def _probe_metrics(dist, probe: tuple[float, float]) -> None:
    point = torch.tensor(probe, dtype=dist.loc.dtype)
    log_p = float(dist.log_prob(point))
    distance = float(nd.mahalanobis(dist, point))
    cols = st.columns(3)
    cols[0].metric(t("dist.probe.log_prob"), f"{log_p:.4f}", help=t("dist.probe.log_prob.help"))
    cols[1].metric(
        t("dist.probe.density"), f"{math.exp(log_p):.4g}", help=t("dist.probe.density.help")
    )
    cols[2].metric(
        t("dist.probe.mahalanobis"), f"{distance:.3f}", help=t("dist.probe.mahalanobis.help")
    )
    st.caption(
        t("dist.probe.caption", d=f"{distance:.2f}", mass=percent(nd.ellipse_mass(distance)))
    )


def _moments_table(mean, cov: tuple[float, ...], view: nd.Normal2D) -> None:
    st.markdown(f"**{t('dist.table.title')}**")
    if view.sample_mean is None:
        st.caption(t("dist.table.too_few"))
        return
    sm, sc = view.sample_mean, view.sample_cov
    rows = {
        "μₓ": (mean[0], sm[0]),
        "μᵧ": (mean[1], sm[1]),
        "Σₓₓ = σₓ²": (cov[0], sc[0][0]),
        "Σₓᵧ = ρσₓσᵧ": (cov[1], sc[0][1]),
        "Σᵧᵧ = σᵧ²": (cov[3], sc[1][1]),
    }
    table = pd.DataFrame(
        [(name, f"{a:.4f}", f"{b:.4f}") for name, (a, b) in rows.items()],
        columns=[t("dist.table.quantity"), t("dist.table.true"), t("dist.table.sample")],
    )
    st.table(table.set_index(t("dist.table.quantity")))
    st.caption(t("dist.table.caption"))


@cached_view(max_entries=32)
def conditional(mean: tuple[float, float], cov: tuple[float, ...], a: float) -> nd.Conditional:
    return nd.conditional_view(_normal(mean, cov), a, CURVE_POINTS)


def _conditional(mean, cov: tuple[float, ...], a: float) -> None:
    view = conditional(mean, cov, a)
    widgets.formula(
        r"p(y\mid x=a)=\mathcal N\!\left(\mu_y+\rho\frac{\sigma_y}{\sigma_x}(a-\mu_x),\;"
        r"\sigma_y^2(1-\rho^2)\right)"
        rf"\qquad \mu_{{y\mid x={a:g}}}={view.mean:.4g},\ \sigma^2_{{y\mid x={a:g}}}="
        rf"{view.variance:.4g},\ \sigma_{{y\mid x={a:g}}}={math.sqrt(view.variance):.4g}",
        t("dist.cond.caption"),
    )
    labels = {k: t(key) for k, key in CONDITIONAL_LABELS.items()}
    labels["title"] = t("dist.cond.chart_title", a=f"{a:g}")
    PLOT(
        charts.conditional_figure,
        view.ys,
        view.conditional_pdf,
        view.slice_pdf,
        view.marginal_pdf,
        view.mean,
        labels=labels,
        key="nd_chart_conditional",
    )
