"""Figures of the Gaussian-process posterior page: plain arrays and translated labels in,
``go.Figure`` out.

The posterior chart can carry a grid of invisible markers (`base.click_grid`), so a click
anywhere on it adds an observation there.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import PALETTE, click_grid, finished_figure, round_coords, round_significant

MEAN_COLOR = PALETTE[0]
BAND_FILL = "rgba(0, 114, 178, 0.22)"
PRIOR_FILL = "rgba(120, 120, 120, 0.12)"
SAMPLE_COLOR = "rgba(213, 94, 0, 0.45)"
DATA_COLOR = PALETTE[7]
TRUTH_COLOR = PALETTE[2]
MARK_COLOR = PALETTE[4]
FIT_COLOR = PALETTE[3]
CLICK_GRID = 50
LEGEND_ROOM = 130
# Likelihood contours span this many nats below the best grid value; lower is one colour.
CONTOUR_DEPTH = 60.0


def _band(x, lower, upper, name: str, fill: str, group: str) -> list[dict]:
    """Two traces filling the region between lower and upper, under one legend entry."""
    common = {
        "type": "scatter",
        "x": round_coords(x),
        "mode": "lines",
        "line": {"width": 0},
        "legendgroup": group,
    }
    return [
        {**common, "y": round_coords(upper), "showlegend": False, "hoverinfo": "skip"},
        {**common, "y": round_coords(lower), "fill": "tonexty", "fillcolor": fill, "name": name},
    ]


def _joined(x, paths) -> tuple[np.ndarray, np.ndarray]:
    """Many paths as one trace, separated by gaps: one trace draws faster than fifty."""
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    xs = np.tile(np.append(np.asarray(x, dtype=float), np.nan), len(paths))
    ys = np.concatenate([np.append(row, np.nan) for row in paths])
    return xs, ys


def _curve(x, y, name: str, color: str, width: float, **kwargs) -> dict:
    line = {"color": color, "width": width, "dash": kwargs.pop("dash", "solid")}
    return dict(
        type="scatter",
        x=round_coords(x),
        y=round_coords(y),
        mode="lines",
        name=name,
        line=line,
        **kwargs,
    )


def posterior_figure(
    grid,
    mean,
    band: tuple,
    x,
    y,
    *,
    bounds: tuple[float, float, float, float],
    labels: Mapping[str, str],
    samples=None,
    prior_band: tuple | None = None,
    truth=None,
    clickable: bool = False,
    legend_room: bool = False,
    height: int = 560,
) -> go.Figure:
    """Observations, the posterior mean and its ±2 sd band, optional samples, prior band and
    true function; with ``clickable``, the invisible click grid; ``legend_room`` makes space
    for a legend of two rows.

    ``labels``: title, x, y, mean, band, observations, and samples / prior / truth / click for
    the optional parts.
    """
    traces: list[dict] = []
    if prior_band is not None:
        traces += _band(grid, *prior_band, labels["prior"], PRIOR_FILL, "prior")
    traces += _band(grid, *band, labels["band"], BAND_FILL, "band")
    if samples is not None and len(samples):
        sx, sy = _joined(grid, samples)
        traces.append(
            _curve(
                sx, sy, labels["samples"], SAMPLE_COLOR, 1.5, connectgaps=False, hoverinfo="skip"
            )
        )
    if truth is not None:
        traces.append(_curve(grid, truth, labels["truth"], TRUTH_COLOR, 2.5, dash="dot"))
    traces.append(_curve(grid, mean, labels["mean"], MEAN_COLOR, 4))
    traces.append(
        dict(
            type="scatter",
            x=round_coords(x),
            y=round_coords(y),
            mode="markers",
            name=labels["observations"],
            marker={"color": DATA_COLOR, "size": 9, "line": {"color": "#FFFFFF", "width": 1}},
        )
    )
    if clickable:
        traces.append(click_grid(bounds, CLICK_GRID, labels["click"]))
    layout = {
        "xaxis": {"range": list(bounds[:2])},
        "yaxis": {"range": list(bounds[2:])},
        "hovermode": "closest",
    }
    # A half-width chart's legend takes two rows between the title and the plot.
    room = {"margin": {"t": LEGEND_ROOM}, "title": {"y": 0.98, "yanchor": "top"}}
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
        overrides=room if legend_room else None,
    )


def influence_figure(
    x,
    weights,
    x_star: float,
    *,
    bounds: tuple[float, float],
    labels: Mapping[str, str],
    height: int = 460,
) -> go.Figure:
    """The weight of each observation in the posterior mean at ``x_star``, as stems."""
    x = np.asarray(x, dtype=float)
    weights = np.asarray(weights, dtype=float)
    line = {"color": MARK_COLOR, "width": 2, "dash": "dash"}
    traces = [
        dict(
            type="bar",
            x=round_coords(x),
            y=round_coords(weights, 5),
            width=max(0.02, 0.4 * (bounds[1] - bounds[0]) / max(len(x), 20)),
            name=labels["weights"],
            marker={"color": np.where(weights >= 0, PALETTE[0], PALETTE[1]).tolist()},
            hovertemplate="x = %{x:.3f}<br>w = %{y:.4f}<extra></extra>",
        ),
        # the legend entry of the x* line
        dict(type="scatter", x=[x_star], y=[None], mode="lines", name=labels["x_star"], line=line),
    ]
    layout = {
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "y domain",
                "x0": x_star,
                "x1": x_star,
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        ],
        "xaxis": {"range": list(bounds)},
    }
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def _marker(point: tuple[float, float], name: str, symbol: str, color: str) -> dict:
    return dict(
        type="scatter",
        x=[point[0]],
        y=[point[1]],
        mode="markers",
        name=name,
        marker={
            "symbol": symbol,
            "size": 18,
            "color": color,
            "line": {"color": "#FFFFFF", "width": 2},
        },
        hovertemplate="(%{x:.3g}, %{y:.3g})<extra>" + name + "</extra>",
    )


def _log_ticks(values) -> list[float]:
    """1, 2 and 5 times the powers of ten inside the range of ``values``."""
    low, high = float(np.min(values)), float(np.max(values))
    decades = range(int(np.floor(np.log10(low))), int(np.ceil(np.log10(high))) + 1)
    ticks = [m * 10.0**d for d in decades for m in (1, 2, 5)]
    return [v for v in round_significant(ticks, 3) if low * 0.999 <= v <= high * 1.001]


def contour_figure(
    values,
    noises,
    lml,
    *,
    current: tuple[float, float],
    labels: Mapping[str, str],
    fitted: tuple[float, float] | None = None,
    height: int = 520,
) -> go.Figure:
    """``lml[i, j]`` at (``values[i]``, ``noises[j]``) as filled contours on log axes, the
    current setting (circle) and the fitted optimum (star) marked. Contours span
    ``CONTOUR_DEPTH`` nats below the top; everything lower shares the bottom colour."""
    z = np.asarray(lml, dtype=float).T  # rows: noise (y), columns: the hyperparameter (x)
    top = float(np.max(z))
    traces = [
        dict(
            type="contour",
            x=round_coords(values, 6),
            y=round_coords(noises, 8),
            z=round_coords(np.maximum(z, top - CONTOUR_DEPTH), 3),
            colorscale="Viridis",
            contours={"start": top - CONTOUR_DEPTH, "end": top, "size": CONTOUR_DEPTH / 15},
            colorbar={"title": {"text": labels["colorbar"]}},
            name=labels["surface"],
            hovertemplate="(%{x:.3g}, %{y:.3g})<br>log p = %{z:.2f}<extra></extra>",
        ),
        _marker(current, labels["current"], "circle", MARK_COLOR),
    ]
    if fitted is not None:
        traces.append(_marker(fitted, labels["fitted"], "star", FIT_COLOR))
    layout = {
        "xaxis": {"type": "log", "tickvals": _log_ticks(values)},
        "yaxis": {"type": "log", "dtick": 1, "exponentformat": "power"},
    }
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def progress_figure(
    history: Sequence[float], *, total_steps: int, labels: Mapping[str, str], height: int = 380
) -> go.Figure:
    """The log marginal likelihood before each Adam step of a fit."""
    trace = dict(
        type="scatter",
        x=np.arange(1, len(history) + 1),
        y=round_coords(history, 4),
        mode="lines",
        name=labels["lml"],
        line={"color": PALETTE[0], "width": 3},
    )
    return finished_figure(
        [trace],
        {"xaxis": {"range": [0, total_steps]}},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )
