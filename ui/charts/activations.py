"""Figures of the activations page: curves and derivatives, gradients across depth, clipping."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import PALETTE, finished_figure, round_coords


@dataclass(frozen=True)
class Curve:
    """One activation drawn on the function chart: f, f', optionally f'', and where |f'| < eps."""

    label: str
    y: np.ndarray
    dy: np.ndarray
    d2y: np.ndarray | None
    saturated: Sequence[tuple[float, float]]


def _positive_sig(values: np.ndarray, digits: int = 4) -> np.ndarray:
    """|values| to ``digits`` significant digits for a log axis; 0 and non-finite become gaps.

    Rounding to decimals (``round_coords``) would turn a gradient of 1e-14 into 0.
    """
    magnitude = np.abs(np.asarray(values, dtype=float))
    ok = np.isfinite(magnitude) & (magnitude > 0)
    safe = np.where(ok, magnitude, 1.0)
    scale = 10.0 ** (np.floor(np.log10(safe)) - (digits - 1))
    return np.where(ok, np.round(safe / scale) * scale, np.nan)


def _gaps(values: np.ndarray) -> np.ndarray:
    """Rounded values with non-finite ones as NaN: Plotly leaves a gap there."""
    rounded = round_coords(values)
    return np.where(np.isfinite(rounded), rounded, np.nan)


def function_chart(
    x: np.ndarray,
    curves: Sequence[Curve],
    *,
    x0: float | None,
    epsilon: float,
    row_titles: Sequence[str],
    saturation_label: str,
    x_title: str,
    title: str,
) -> go.Figure:
    """f, f' (and f'') of each curve on stacked panels with linked x axes.

    Saturation zones (|f'| < epsilon) are shaded in the curve's colour across all panels;
    the band |f'| < epsilon is marked on the f' panel and the probe x0 by a vertical line.
    The panels are laid out by hand (axis domains, shapes in one list): ``make_subplots`` and
    ``add_vrect(row="all")`` cost ten times more.
    """
    rows = 3 if any(c.d2y is not None for c in curves) else 2
    xs = round_coords(x)
    traces = []
    for i, curve in enumerate(curves):
        color = PALETTE[i % len(PALETTE)]
        for row, values in enumerate((curve.y, curve.dy, curve.d2y)[:rows], start=1):
            if values is None:
                continue
            traces.append(
                {
                    "type": "scatter",
                    "x": xs,
                    "y": _gaps(values),
                    "xaxis": _axis("x", row),
                    "yaxis": _axis("y", row),
                    "mode": "lines",
                    "name": curve.label,
                    "legendgroup": curve.label,
                    "showlegend": row == 1,
                    "line": {"color": color, "width": 3, "dash": ("solid", "dash", "dot")[row - 1]},
                    "hovertemplate": f"{curve.label}<br>x=%{{x}}<br>{row_titles[row - 1]}=%{{y}}"
                    "<extra></extra>",
                }
            )
    shapes = [
        _column(a, b, PALETTE[i % len(PALETTE)])
        for i, curve in enumerate(curves)
        for a, b in curve.saturated
    ]
    shapes.append(
        {
            "type": "rect",
            "xref": "x2 domain",
            "yref": "y2",
            "x0": 0,
            "x1": 1,
            "y0": -epsilon,
            "y1": epsilon,
            "fillcolor": "#888888",
            "opacity": 0.25,
            "line": {"width": 0},
        }
    )
    if x0 is not None:
        shapes.append(
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": x0,
                "x1": x0,
                "y0": 0,
                "y1": 1,
                "line": {"color": "#555555", "dash": "dot", "width": 2},
            }
        )
    gap = 0.05
    height = (1 - gap * (rows - 1)) / rows
    axes = {}
    for row in range(1, rows + 1):
        top = 1 - (row - 1) * (height + gap)
        axes[_layout_name("y", row)] = {
            "domain": [top - height, top],
            "anchor": _axis("x", row),
            "title": {"text": row_titles[row - 1]},
        }
        x_axis = {"anchor": _axis("y", row), "showticklabels": row == rows}
        if row > 1:
            x_axis["matches"] = "x"
        if row == rows:
            x_axis["title"] = {"text": x_title}
        axes[_layout_name("x", row)] = x_axis
    layout = dict(
        shapes=shapes,
        annotations=[
            {
                "xref": "x2 domain",
                "yref": "y2",
                "x": 0.01,
                "y": epsilon,
                "text": saturation_label,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "bottom",
            }
        ],
        **axes,
    )
    return finished_figure(
        traces,
        layout,
        title=title,
        height=380 + 220 * rows,
        # On a tall figure the shared legend offset (a share of the plot height) hits the title.
        overrides={"legend": {"y": 1.0}},
    )


def _axis(kind: str, row: int) -> str:
    return kind if row == 1 else f"{kind}{row}"


def _layout_name(kind: str, row: int) -> str:
    return f"{kind}axis" if row == 1 else f"{kind}axis{row}"


def _column(a: float, b: float, color: str) -> dict:
    """A tinted column from a to b through every panel."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": a,
        "x1": b,
        "y0": 0,
        "y1": 1,
        "fillcolor": color,
        "opacity": 0.08,
        "line": {"width": 0},
        "layer": "below",
    }


def gradient_norm_chart(
    norms: np.ndarray, *, name: str, x_title: str, y_title: str, title: str
) -> go.Figure:
    """The weight-gradient norm of each layer on a log axis (layer 1 next to the input)."""
    trace = dict(
        type="scatter",
        x=np.arange(1, len(norms) + 1),
        y=_positive_sig(norms),
        mode="lines+markers",
        name=name,
        line={"color": PALETTE[0], "width": 3},
        marker={"size": 8},
        hovertemplate="l=%{x}<br>%{y:.3e}<extra></extra>",
    )
    return finished_figure(
        [trace],
        _log_layers_axes(len(norms)),
        title=title,
        x_title=x_title,
        y_title=y_title,
        height=460,
    )


def _log_layers_axes(depth: int) -> dict:
    """Layers 1..depth on x (about ten ticks), a log y axis with powers of ten."""
    return {
        "xaxis": {"dtick": max(1, depth // 10)},
        "yaxis": {"type": "log", "exponentformat": "power"},
    }


def histogram_heatmap(
    edges: np.ndarray,
    density: np.ndarray,
    saturated: Sequence[tuple[float, float]],
    *,
    x_title: str,
    y_title: str,
    color_title: str,
    saturation_label: str,
    title: str,
) -> go.Figure:
    """Each layer's pre-activation histogram as one row of a heatmap; saturation zones hatched."""
    traces = [
        dict(
            type="heatmap",
            x=round_coords((edges[:-1] + edges[1:]) / 2),
            y=np.arange(1, density.shape[0] + 1),
            z=round_coords(density, 4),
            colorscale="Blues",
            colorbar={"title": {"text": color_title}},
            hovertemplate="z=%{x}<br>l=%{y}<br>%{z}<extra></extra>",
        )
    ]
    layout = {}
    if saturated:
        layout["shapes"] = [
            {
                "type": "rect",
                "xref": "x",
                "yref": "y domain",
                "x0": a,
                "x1": b,
                "y0": 0,
                "y1": 1,
                "fillcolor": PALETTE[1],
                "opacity": 0.15,
                "line": {"width": 0},
                "layer": "above",
            }
            for a, b in saturated
        ]
        # A legend entry for the shaded zones (shapes have none of their own).
        traces.append(
            dict(
                type="scatter",
                x=[None],
                y=[None],
                mode="markers",
                marker={"size": 14, "color": PALETTE[1], "opacity": 0.4, "symbol": "square"},
                name=saturation_label,
            )
        )
    return finished_figure(
        traces, layout, title=title, x_title=x_title, y_title=y_title, height=520
    )


def chain_rule_chart(
    by_hand: np.ndarray,
    autograd: np.ndarray,
    bound: np.ndarray,
    *,
    names: tuple[str, str, str],
    x_title: str,
    y_title: str,
    title: str,
) -> go.Figure:
    """|dh_l/dx_0| per layer on a log axis: the product by hand, autograd's, and the bound."""
    layers = np.arange(1, len(by_hand) + 1)
    styles = (
        (by_hand, {"mode": "lines", "line": {"color": PALETTE[0], "width": 3}}),
        (autograd, {"mode": "markers", "marker": {"color": PALETTE[1], "size": 10}}),
        (bound, {"mode": "lines", "line": {"color": PALETTE[2], "width": 3, "dash": "dash"}}),
    )
    traces = [
        dict(
            type="scatter",
            x=layers,
            y=_positive_sig(values),
            name=name,
            hovertemplate=f"{name}<br>l=%{{x}}<br>%{{y:.3e}}<extra></extra>",
            **style,
        )
        for name, (values, style) in zip(names, styles, strict=True)
    ]
    return finished_figure(
        traces,
        _log_layers_axes(len(by_hand)),
        title=title,
        x_title=x_title,
        y_title=y_title,
        height=480,
    )


def clipping_chart(
    series: Sequence[tuple[str, np.ndarray]],
    *,
    clip_value: float,
    x_title: str,
    y_title: str,
    title: str,
) -> go.Figure:
    """The gradient's components before and after each kind of clipping, side by side."""
    traces = [
        dict(
            type="bar",
            x=np.arange(1, len(values) + 1),
            y=round_coords(values),
            name=name,
            marker={"color": PALETTE[i % len(PALETTE)]},
        )
        for i, (name, values) in enumerate(series)
    ]
    limits = [
        {
            "type": "line",
            "xref": "x domain",
            "yref": "y",
            "x0": 0,
            "x1": 1,
            "y0": level,
            "y1": level,
            "line": {"color": PALETTE[1], "dash": "dot", "width": 2},
        }
        for level in (-clip_value, clip_value)
    ]
    layout = {"shapes": limits, "barmode": "group", "bargap": 0.2}
    return finished_figure(
        traces, layout, title=title, x_title=x_title, y_title=y_title, height=460
    )
