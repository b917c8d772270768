"""Figures of the Normal-distributions page: plain arrays and translated labels in, go.Figure out.

The 2D chart carries a grid of invisible markers (`base.click_grid`), so a click anywhere on it
moves the probe.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

# Bars (edges, density) and the exact pdf on a grid, for a marginal or a 1D histogram: the
# core views' own dataclass, its tensors as numpy arrays (`ui.cached_views.to_numpy`).
from core.distributions_1d import Histogram
from ui.charts.base import (
    PALETTE,
    click_grid,
    finished_figure,
    panel_title,
    round_coords,
)

SAMPLE_COLOR = PALETTE[1]
CURVE_COLOR = PALETTE[0]
ELLIPSE_COLOR = PALETTE[7]
AXIS_COLOR = PALETTE[2]
PROBE_COLOR = PALETTE[4]
SLICE_COLOR = PALETTE[3]
DASHES = ("solid", "dash", "dot", "dashdot")
BAR_OPACITY = 0.45
CONTOUR_SCALE = [[0.0, "#6BAED6"], [1.0, "#08306B"]]
HEAT_SCALE = [[0.0, "rgba(213,94,0,0)"], [0.05, "rgba(213,94,0,0.15)"], [1.0, "#D55E00"]]


def _xy(values, digits: int = 4) -> np.ndarray:
    """Rounded coordinates as float32: Plotly sends numpy arrays as binary (base64), where
    float32 takes half the bytes of float64 and rounding alone saves nothing. Values beyond
    float32's range stay float64 (`round_coords`) instead of turning into inf."""
    return round_coords(values, digits)


def _sig(values, digits: int = 4) -> np.ndarray:
    """Round to ``digits`` significant digits of the largest value (densities span decades)."""
    values = np.asarray(values, dtype=float)
    finite = np.abs(values[np.isfinite(values)])
    top = float(finite.max()) if finite.size else 0.0
    if top == 0.0:
        return values.astype(np.float32)
    return _xy(values, max(0, digits - 1 - int(np.floor(np.log10(top)))))


def _centres(edges) -> np.ndarray:
    edges = np.asarray(edges, dtype=float)
    return (edges[:-1] + edges[1:]) / 2


def _line(x, y, name: str, color: str, dash: str = "solid", width: float = 3, **kwargs):
    return dict(
        type="scatter",
        x=_xy(x),
        y=_xy(y),
        mode="lines",
        name=name,
        line={"color": color, "width": width, "dash": dash},
        hoverinfo="skip",
        **kwargs,
    )


def _bars(hist: Histogram, name: str, *, horizontal: bool = False, **kwargs) -> dict:
    centres, density = _xy(_centres(hist.edges)), _sig(hist.density)
    width = float(hist.edges[1] - hist.edges[0])
    return dict(
        type="bar",
        x=density if horizontal else centres,
        y=centres if horizontal else density,
        width=width,
        orientation="h" if horizontal else "v",
        name=name,
        marker={"color": SAMPLE_COLOR, "line": {"width": 0}},
        opacity=BAR_OPACITY,
        hoverinfo="skip",
        **kwargs,
    )


# Axes of the 2D chart, laid out by hand (make_subplots costs ~10x the rest of the figure):
# main plot x/y, top marginal x2/y2 (x2 follows x), right marginal x3/y3 (y3 follows y).
MAIN_X, MAIN_Y = (0.0, 0.8), (0.0, 0.79)
_MARGINAL_2D_AXES = {
    "xaxis2": {"domain": MAIN_X, "anchor": "y2", "matches": "x", "showticklabels": False},
    "yaxis2": {"domain": (0.81, 1.0), "anchor": "x2", "title": {"text": "p(x)"}},
    "xaxis3": {"domain": (0.815, 1.0), "anchor": "y3", "title": {"text": "p(y)"}},
    "yaxis3": {"domain": MAIN_Y, "anchor": "x3", "matches": "y", "showticklabels": False},
}


def normal_2d_figure(
    *,
    bounds: tuple[float, float, float, float],
    density_xs,
    density_ys,
    density,
    points=None,
    hist_2d=None,
    ellipses: Sequence[tuple[np.ndarray, str]],
    axis_segments,
    marginal_x: Histogram,
    marginal_y: Histogram,
    probe: tuple[float, float],
    slice_at: float | None,
    labels: Mapping[str, str],
    click_grid_size: int = 50,
) -> go.Figure:
    """Samples (or their 2D histogram ``hist_2d`` = (x edges, y edges, density)) under density
    contours, the k-sigma ellipses, the principal axes (``axis_segments``: (axis, end, xy)), the
    probe and the slice x = ``slice_at``; marginal histograms with exact pdfs on the edges."""
    x_lo, x_hi, y_lo, y_hi = bounds
    traces: list = []
    if hist_2d is not None:
        x_edges, y_edges, z = hist_2d
        traces.append(
            dict(
                type="heatmap",
                x=_xy(_centres(x_edges)),
                y=_xy(_centres(y_edges)),
                z=_sig(z, 3),
                colorscale=HEAT_SCALE,
                showscale=False,
                name=labels["hist_2d"],
                showlegend=True,
                hoverinfo="skip",
            )
        )
    if points is not None:
        points = np.asarray(points, dtype=float)
        traces.append(
            dict(
                type="scattergl",
                x=_xy(points[:, 0], 3),
                y=_xy(points[:, 1], 3),
                mode="markers",
                name=labels["samples"],
                marker={"size": 5, "color": SAMPLE_COLOR, "opacity": 0.45},
                unselected={"marker": {"opacity": 0.45}},
                hoverinfo="skip",
            )
        )
    traces.append(
        dict(
            type="contour",
            x=_xy(density_xs),
            y=_xy(density_ys),
            z=_sig(density, 3),
            contours={"coloring": "lines"},
            line={"width": 2},
            colorscale=CONTOUR_SCALE,
            ncontours=8,
            showscale=False,
            name=labels["density"],
            showlegend=True,
            hoverinfo="skip",
        )
    )
    for (curve, name), dash in zip(ellipses, DASHES, strict=False):
        xy = np.asarray(curve, dtype=float)
        traces.append(_line(xy[:, 0], xy[:, 1], name, ELLIPSE_COLOR, dash, 2.5))
    for i, segment in enumerate(np.asarray(axis_segments, dtype=float)):
        traces.append(
            _line(
                segment[:, 0],
                segment[:, 1],
                labels["axes"],
                AXIS_COLOR,
                width=4,
                legendgroup="axes",
                showlegend=i == 0,
            )
        )
    if slice_at is not None:
        traces.append(
            _line([slice_at, slice_at], [y_lo, y_hi], labels["slice"], SLICE_COLOR, "dash")
        )
    traces.append(
        dict(
            type="scatter",
            x=[round(probe[0], 4)],
            y=[round(probe[1], 4)],
            mode="markers",
            name=labels["probe"],
            marker={
                "size": 18,
                "symbol": "star",
                "color": PROBE_COLOR,
                "line": {"color": "#000000", "width": 1.5},
            },
            hoverinfo="skip",
        )
    )
    traces.append(click_grid(bounds, click_grid_size, labels["click"]))
    traces += [
        _bars(marginal_x, labels["marginal_hist"], xaxis="x2", yaxis="y2"),
        _line(
            marginal_x.grid,
            marginal_x.pdf,
            labels["marginal_pdf"],
            CURVE_COLOR,
            xaxis="x2",
            yaxis="y2",
        ),
        _bars(marginal_y, "", horizontal=True, showlegend=False, xaxis="x3", yaxis="y3"),
        _line(
            marginal_y.pdf,
            marginal_y.grid,
            "",
            CURVE_COLOR,
            showlegend=False,
            xaxis="x3",
            yaxis="y3",
        ),
    ]
    layout = dict(
        xaxis={"domain": MAIN_X, "anchor": "y", "range": [x_lo, x_hi], "title": {"text": "x"}},
        yaxis={
            "domain": MAIN_Y,
            "anchor": "x",
            "range": [y_lo, y_hi],
            "title": {"text": "y"},
            "scaleanchor": "x",
            "scaleratio": 1,
        },
        **_MARGINAL_2D_AXES,
        bargap=0,
        hovermode="closest",
        dragmode="pan",
        clickmode="event+select",
    )
    # Ten legend entries: below the plot, where they cover neither the title nor the marginal.
    below = {"legend": {"y": -0.09, "yanchor": "top"}, "margin": {"b": 150}}
    return finished_figure(traces, layout, title=labels["title"], height=800, overrides=below)


def conditional_figure(
    ys, conditional_pdf, slice_pdf, marginal_pdf, cond_mean: float, *, labels: Mapping[str, str]
) -> go.Figure:
    """p(y | x = a) in closed form, the normalised slice of the joint density as markers on it,
    and the marginal p(y) for comparison."""
    ys = np.asarray(ys, dtype=float)
    top = float(np.max(conditional_pdf)) * 1.08
    every = max(1, len(ys) // 40)
    traces = [
        _line(ys, marginal_pdf, labels["marginal"], PALETTE[5], "dash"),
        _line(ys, conditional_pdf, labels["conditional"], SLICE_COLOR),
        dict(
            type="scatter",
            x=_xy(ys[::every]),
            y=_sig(np.asarray(slice_pdf)[::every]),
            mode="markers",
            name=labels["slice"],
            marker={"size": 8, "color": PALETTE[7], "symbol": "circle-open"},
            hoverinfo="skip",
        ),
        _line([cond_mean, cond_mean], [0, top], labels["mean"], PALETTE[7], "dot", 2),
    ]
    layout = dict(
        xaxis={"title": {"text": "y"}},
        yaxis={"title": {"text": labels["y"]}, "rangemode": "tozero"},
    )
    return finished_figure(traces, layout, title=labels["title"], height=440)


def surface_figure(xs, ys, density, *, labels: Mapping[str, str]) -> go.Figure:
    surface = dict(
        type="surface",
        x=_xy(xs, 3),
        y=_xy(ys, 3),
        z=_sig(density, 3),
        colorscale="Blues",
        showscale=False,
        name=labels["density"],
    )
    layout = dict(
        scene={
            "xaxis": {"title": {"text": "x"}},
            "yaxis": {"title": {"text": "y"}},
            "zaxis": {"title": {"text": "p(x, y)"}},
            "camera": {"eye": {"x": 1.5, "y": -1.5, "z": 1.0}},
        }
    )
    return finished_figure(
        [surface],
        layout,
        title=labels["title"],
        height=560,
        legend=False,
    )


@dataclass(frozen=True)
class Marker:
    """A vertical line at ``x`` (mean, median, mode) in the pdf and cdf panels."""

    x: float
    name: str
    color: str
    dash: str


def univariate_figure(
    view: Histogram,
    cdf,
    markers: Sequence[Marker],
    y_top: float,
    *,
    bands: Sequence[tuple[float, float, str]] = (),
    labels: Mapping[str, str],
) -> go.Figure:
    """Left: the pdf over the sample histogram (``view``), with shaded mu +- k sigma ``bands``
    (lo, hi, legend) for a normal; right: the cdf on the same, linked x-axis (x2 follows x)."""
    xs, pdf = np.asarray(view.grid, dtype=float), np.asarray(view.pdf, dtype=float)
    right = {"xaxis": "x2", "yaxis": "y2"}
    # Bars first, translucent bands over them, the pdf on top.
    traces: list = [_bars(view, labels["hist"])]
    for (lo, hi, name), opacity in zip(
        sorted(bands, key=lambda b: b[0]), (0.12, 0.2, 0.3), strict=False
    ):
        inside = (xs >= lo) & (xs <= hi)
        traces.append(
            _line(
                xs[inside],
                pdf[inside],
                name,
                CURVE_COLOR,
                width=0,
                fill="tozeroy",
                fillcolor=f"rgba(0,114,178,{opacity})",
            )
        )
    # Cut a pole (Gamma, Beta) far above the axis: the JSON then holds no huge numbers.
    traces.append(_line(xs, np.minimum(pdf, y_top * 10), labels["pdf"], CURVE_COLOR))
    traces.append(_line(xs, cdf, labels["cdf"], PALETTE[5], **right))
    # In the cdf panel the markers and F = 1/2 are shapes: lines without legend entries of
    # their own, far cheaper than traces.
    shapes = [_cdf_line(xs[0], 0.5, xs[-1], 0.5, PALETTE[7], "dot", 1.5)]
    for m in markers:
        if not np.isfinite(m.x):
            continue
        traces.append(
            _line([m.x, m.x], [0, y_top], m.name, m.color, m.dash, 2.5, legendgroup=m.name)
        )
        shapes.append(_cdf_line(m.x, 0, m.x, 1, m.color, m.dash, 2.5))
    x_range = [float(xs[0]), float(xs[-1])]
    layout = dict(
        xaxis={"domain": (0, 0.46), "range": x_range, "title": {"text": "x"}},
        yaxis={"range": [0, y_top], "title": {"text": "p(x)"}},
        xaxis2={"domain": (0.54, 1), "anchor": "y2", "matches": "x", "title": {"text": "x"}},
        yaxis2={"anchor": "x2", "range": [0, 1.02], "title": {"text": "F(x) = P(X ≤ x)"}},
        annotations=[
            panel_title(labels["pdf_title"], 0.23),
            panel_title(labels["cdf_title"], 0.77),
        ],
        shapes=shapes,
        bargap=0,
    )
    under_the_axes = {"legend": {"y": -0.16, "yanchor": "top"}, "margin": {"b": 110}}
    return finished_figure(traces, layout, height=520, overrides=under_the_axes)


def _cdf_line(x0, y0, x1, y1, color: str, dash: str, width: float) -> dict:
    return {
        "type": "line",
        "xref": "x2",
        "yref": "y2",
        "x0": float(x0),
        "y0": float(y0),
        "x1": float(x1),
        "y1": float(y1),
        "line": {"color": color, "dash": dash, "width": width},
    }
