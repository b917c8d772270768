"""The gradient at a point: f, the gradient vector and the Hessian with its eigenvalues at a
probe point (typed or clicked), the directions f curves up and down, and whether the point is
critical (a minimum, maximum, saddle or a degenerate one)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import streamlit as st

from core import optim
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import PALETTE
from ui.charts import optim as charts
from ui.i18n import t
from ui.snippets import optim as snippets
from views.gradient_descent import common
from views.gradient_descent.common import PROBE, fmt
from views.gradient_descent.surface import ARROWS

CHART = "gd_chart_gradient"
# The Hessian's eigenvectors, by the sign of the curvature along them: legend, colour, dash.
CURVES = {
    "convex": ("gd.chart.curves.convex", PALETTE[2], "solid"),
    "concave": ("gd.chart.curves.concave", PALETTE[3], "dash"),
    "flat": ("gd.chart.curves.flat", "#7F7F7F", "dot"),
}
CRITICAL = {
    "convex": "gd.critical.convex",
    "concave": "gd.critical.concave",
    "saddle": "gd.critical.saddle",
    "flat": "gd.critical.flat",
}
SHAPES = {
    "convex": "gd.shape.convex",
    "concave": "gd.shape.concave",
    "saddle": "gd.shape.saddle",
    "flat": "gd.shape.flat",
}


@dataclass(frozen=True)
class Probe:
    """The point's analysis and, for each eigenvector (a column of ``analysis.eigenvectors``),
    the kind of curvature along it (convex, concave or flat)."""

    analysis: optim.PointAnalysis
    directions: tuple[str, ...]


@cached_view(max_entries=64)
def _probe(choice: common.SurfaceChoice, x: float, y: float) -> Probe:
    a = optim.analyse_point(choice.build(), x, y)
    return Probe(a, tuple(optim.curvature_kind(value.reshape(1)) for value in a.eigenvalues))


def render(chosen: common.Chosen) -> None:
    surf, landscape = chosen.surf, chosen.landscape
    st.markdown(t("gd.grad.intro"))
    widgets.formula(
        r"\nabla f(x, y) = \begin{pmatrix} \dfrac{\partial f}{\partial x} \\[4pt]"
        r"\dfrac{\partial f}{\partial y} \end{pmatrix},\qquad "
        r"H = \begin{pmatrix} \dfrac{\partial^2 f}{\partial x^2} & "
        r"\dfrac{\partial^2 f}{\partial x\,\partial y} \\[4pt]"
        r"\dfrac{\partial^2 f}{\partial y\,\partial x} & \dfrac{\partial^2 f}{\partial y^2}"
        r"\end{pmatrix}",
        t("gd.grad.formula_caption"),
    )
    chart_col, facts_col = st.columns([1.7, 1], gap="large")
    with facts_col:
        st.markdown(f"**{t('gd.point.title')}**")
        point = common.point_inputs(PROBE, surf.probe)
        common.outside_note(surf, point)
        probe = None
        with widgets.input_errors():
            probe = _probe(chosen.choice, *point)
            _facts(probe.analysis)
    length = 0.15 * surf.diagonal
    arrows = (
        []
        if probe is None
        else [*_curves(point, probe, 0.6 * length), *_gradient_arrow(point, probe.analysis, length)]
    )
    marker = charts.Marker(t("gd.chart.probe"), [point], PALETTE[4], "star", 18)
    with chart_col:
        common.clickable_map(
            CHART,
            PROBE,
            landscape.map,
            labels=common.map_labels(t("gd.grad.chart")),
            field=landscape.field,
            arrows=tuple(arrows),
            markers=(*common.minima_marker(surf), marker),
        )
        st.caption(t("gd.grad.caption"))
    if chosen.show_3d:
        where = [] if probe is None else [(*point, probe.analysis.value)]
        common.surface_3d(landscape, markers=[(t("gd.chart.probe"), p, PALETTE[4]) for p in where])
    widgets.code_panel(snippets.gradient_code(surf, point, ARROWS))


def _curves(point: tuple[float, float], probe: Probe, length: float) -> list[charts.Arrow]:
    """The Hessian's eigenvectors through the point, styled by the sign of their curvature."""
    arrows = []
    vectors = np.asarray(probe.analysis.eigenvectors).T
    for kind, vector in zip(probe.directions, vectors, strict=True):
        label, color, dash = CURVES[kind]
        tip = (float(vector[0]) * length, float(vector[1]) * length)
        arrows.append(charts.Arrow(t(label), point, tip, color, head=False, dash=dash))
    return arrows


def _gradient_arrow(point, a: optim.PointAnalysis, length: float) -> list[charts.Arrow]:
    if a.gradient_norm == 0:
        return []
    gx, gy = (float(g) for g in a.gradient)
    scale = length / a.gradient_norm
    return [charts.Arrow(t("gd.chart.gradient"), point, (gx * scale, gy * scale), PALETTE[1])]


def _facts(a: optim.PointAnalysis) -> None:
    gx, gy = (float(g) for g in a.gradient)
    (h11, h12), (_, h22) = np.asarray(a.hessian).tolist()
    low, high = (float(v) for v in a.eigenvalues)
    top, bottom = st.columns(2), st.columns(2)
    top[0].metric("f(x, y)", fmt(a.value), help=t("gd.point.f.help"))
    top[1].metric("‖∇f‖", fmt(a.gradient_norm), help=t("gd.point.norm.help"))
    bottom[0].metric("λ₁", fmt(low), help=t("gd.point.eig.help"))
    bottom[1].metric("λ₂", fmt(high), help=t("gd.point.eig.help"))
    widgets.formula(
        rf"\nabla f = \begin{{pmatrix}} {fmt(gx)} \\ {fmt(gy)} \end{{pmatrix}},\quad "
        rf"H = \begin{{pmatrix}} {fmt(h11)} & {fmt(h12)} \\ {fmt(h12)} & {fmt(h22)}"
        r"\end{pmatrix}"
    )
    if a.critical:
        message = t(CRITICAL[a.curvature])
        (st.success if a.curvature == "convex" else st.warning)(message, icon=":material/flag:")
    else:
        shape = t(SHAPES[a.curvature])
        st.info(t("gd.not_critical", shape=shape), icon=":material/trending_down:")
    if a.curvature == "saddle" and a.critical:
        st.markdown(t("gd.saddle.explain"))
