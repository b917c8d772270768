"""Figures of the gradient-descent page: plain arrays and translated labels in, go.Figure out.

The maps carry a grid of invisible markers (`base.click_grid`), so a click anywhere on them
moves the probe point or the start of the descent.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import PALETTE, click_grid, finished_figure, round_coords, round_significant

OPTIMIZER_COLORS = {
    "gd": PALETTE[0],
    "momentum": PALETTE[1],
    "nesterov": PALETTE[2],
    "rmsprop": PALETTE[3],
    "adam": PALETTE[4],
}
# Light, so that paths and arrows in the palette's colours stand out on it.
MAP_SCALE = [[0.0, "#F7FBFF"], [0.5, "#C6DBEF"], [1.0, "#6A8CAF"]]
SURFACE_SCALE = "Blues_r"
LEGEND_BELOW = {"legend": {"y": -0.12, "yanchor": "top"}, "margin": {"b": 130}}
FIELD_COLOR = "rgba(40, 40, 40, 0.55)"
MINIMUM_COLOR = PALETTE[7]
LOG_FLOOR = 1e-16  # below float64 resolution relative to f ~ 1: drawn at the axis floor
MAX_MARKED_STEPS = 150  # longer paths are drawn as lines only
MAP_HEIGHT = 760
MAX_COLORBAR_TICKS = 10  # f spanning 300 decades gets a tick every 31 of them


@dataclass(frozen=True)
class Map:
    """The contour background: ``values[i, j]`` at (xs[j], ys[i]); when ``log_min`` is set the
    values are log10(1 + f - log_min) and the colour bar is labelled in f."""

    xs: np.ndarray
    ys: np.ndarray
    values: np.ndarray
    bounds: tuple[float, float, float, float]
    log_min: float | None = None


@dataclass(frozen=True)
class Path:
    """A descent: points (k, 2) on the map, or (steps, values) on the loss chart."""

    name: str
    x: np.ndarray
    y: np.ndarray
    color: str
    z: np.ndarray | None = None  # heights, for the 3D view


@dataclass(frozen=True)
class Arrow:
    """A vector drawn from ``start``; ``head`` False draws a plain segment through it."""

    name: str
    start: tuple[float, float]
    vector: tuple[float, float]
    color: str
    head: bool = True
    dash: str = "solid"


@dataclass(frozen=True)
class Marker:
    """Points sharing a legend entry: xy of shape (m, 2)."""

    name: str
    xy: np.ndarray
    color: str
    symbol: str = "circle"
    size: float = 12
    opacity: float = 1.0
    outline: bool = True


def cell_size(n: int) -> float:
    """Marker size (px) at which an n x n grid of square markers tiles the square map."""
    plot_px = MAP_HEIGHT - 210  # the figure's height less its title and legend margins
    return max(3.0, 0.92 * plot_px / n)


def _finite(values) -> np.ndarray:
    """float32 coordinates with NaN for what is not finite (JSON has no inf)."""
    out = round_coords(values)
    return np.where(np.isfinite(out), out, np.nan).astype(out.dtype)


def _colorbar(m: Map, title: str) -> dict:
    bar = {"title": {"text": title}, "thickness": 16, "len": 0.8}
    if m.log_min is None:
        return bar
    # Ticks at round values of f: 0, 1, 10, 100, ... within the range drawn. Near float64's
    # limit the top of f overflows (inf): the decades then stop at 10^308.
    drawn = m.values[np.isfinite(m.values)]
    top = float(drawn.max()) if drawn.size else 0.0
    with np.errstate(over="ignore"):
        f_top = m.log_min + np.power(10.0, top) - 1
        decades = int(np.log10(min(max(f_top, 1.0), np.finfo(float).max)))
        step = -(-(decades + 1) // MAX_COLORBAR_TICKS)
        ticks = [0.0] + [10.0**k for k in range(0, decades + 1, step)]
        ticks = [f for f in ticks if m.log_min <= f <= f_top]
        at = [float(np.log10(1 + f - m.log_min)) for f in ticks]
    shown = [(v, f) for v, f in zip(at, ticks, strict=True) if np.isfinite(v)]
    bar["tickvals"] = [v for v, _ in shown]
    bar["ticktext"] = [f"{f:g}" for _, f in shown]
    return bar


def _contour(m: Map, *, filled: bool, title: str) -> dict:
    trace = dict(
        type="contour",
        x=round_coords(m.xs),
        y=round_coords(m.ys),
        z=_finite(m.values),
        ncontours=22,
        hoverinfo="skip",
        name=title,
        showlegend=False,
    )
    if filled:
        trace |= dict(
            colorscale=MAP_SCALE,
            line={"width": 0.6, "color": "rgba(60, 60, 60, 0.35)"},
            colorbar=_colorbar(m, title),
        )
    else:
        trace |= dict(
            contours={"coloring": "none"},
            line={"width": 1, "color": "rgba(30, 30, 30, 0.55)"},
            showscale=False,
        )
    return trace


def _segments(starts: np.ndarray, ends: np.ndarray) -> tuple[list, list]:
    """x and y of many segments in one trace, separated by gaps."""
    xs: list = []
    ys: list = []
    for (x0, y0), (x1, y1) in zip(starts.tolist(), ends.tolist(), strict=True):
        xs += [round(x0, 4), round(x1, 4), None]
        ys += [round(y0, 4), round(y1, 4), None]
    return xs, ys


def _heads(tips: np.ndarray, vectors: np.ndarray, color: str, size: float, name: str) -> dict:
    # Plotly's "arrow" symbol points up; marker angles turn it clockwise (compass bearings).
    angles = np.degrees(np.arctan2(vectors[:, 0], vectors[:, 1]))
    return dict(
        type="scatter",
        x=round_coords(tips[:, 0]),
        y=round_coords(tips[:, 1]),
        mode="markers",
        marker={"symbol": "arrow", "angle": np.round(angles, 1), "size": size, "color": color},
        name=name,
        legendgroup=name,
        showlegend=False,
        hoverinfo="skip",
    )


def _field(field: tuple, length: float, name: str) -> list[dict]:
    """Arrows of fixed ``length`` centred on the grid points (x, y) along the unit (u, v)."""
    x, y, u, v = (np.asarray(a, dtype=float).ravel() for a in field)
    keep = np.isfinite(u) & np.isfinite(v)
    centres = np.stack([x[keep], y[keep]], axis=1)
    units = np.stack([u[keep], v[keep]], axis=1)
    tails, tips = centres - units * length / 2, centres + units * length / 2
    xs, ys = _segments(tails, tips)
    shafts = dict(
        type="scatter",
        x=xs,
        y=ys,
        mode="lines",
        line={"color": FIELD_COLOR, "width": 1.5},
        name=name,
        legendgroup=name,
        hoverinfo="skip",
    )
    return [shafts, _heads(tips, units, FIELD_COLOR, 9, name)]


def _arrow(arrow: Arrow, show_legend: bool = True) -> list[dict]:
    start = np.asarray(arrow.start, dtype=float)
    vector = np.asarray(arrow.vector, dtype=float)
    tail, tip = (start, start + vector) if arrow.head else (start - vector, start + vector)
    line = dict(
        type="scatter",
        x=round_coords([tail[0], tip[0]]),
        y=round_coords([tail[1], tip[1]]),
        mode="lines",
        line={"color": arrow.color, "width": 4, "dash": arrow.dash},
        name=arrow.name,
        legendgroup=arrow.name,
        showlegend=show_legend,
        hoverinfo="skip",
    )
    if not arrow.head:
        return [line]
    return [line, _heads(tip[None, :], vector[None, :], arrow.color, 18, arrow.name)]


def _path(path: Path) -> dict:
    mode = "lines+markers" if len(path.x) <= MAX_MARKED_STEPS else "lines"
    return dict(
        type="scatter",
        x=round_coords(path.x),
        y=round_coords(path.y),
        mode=mode,
        line={"color": path.color, "width": 3},
        marker={"size": 5, "color": path.color},
        name=path.name,
        legendgroup=path.name,
        hovertemplate="(%{x:.4g}, %{y:.4g})<extra>" + path.name + "</extra>",
    )


def _marker(marker: Marker, gl: bool = False) -> dict:
    xy = np.asarray(marker.xy, dtype=float).reshape(-1, 2)
    return dict(
        type="scattergl" if gl else "scatter",
        x=round_coords(xy[:, 0]),
        y=round_coords(xy[:, 1]),
        mode="markers",
        marker={
            "symbol": marker.symbol,
            "size": marker.size,
            "color": marker.color,
            "opacity": marker.opacity,
            "line": {"color": "#000000", "width": 1.2 if marker.outline else 0},
        },
        name=marker.name,
        hovertemplate="(%{x:.4g}, %{y:.4g})<extra>" + marker.name + "</extra>",
    )


def map_figure(
    background: Map,
    *,
    labels: Mapping[str, str],
    field: tuple | None = None,
    paths: Sequence[Path] = (),
    arrows: Sequence[Arrow] = (),
    markers: Sequence[Marker] = (),
    cells: Sequence[Marker] = (),
    filled: bool = True,
    clickable: bool = True,
) -> go.Figure:
    """The contour map of f with, in drawing order: coloured grid ``cells`` (basins), the
    steepest-descent ``field`` (x, y, u, v on a coarse grid: unit vectors of -grad f), descent
    ``paths``, ``arrows`` (the gradient at the probe, curvature directions), ``markers`` and
    an invisible click grid. ``labels``: title, f (colour bar), field, click."""
    x_lo, x_hi, y_lo, y_hi = background.bounds
    traces = [_marker(c, gl=True) for c in cells]
    traces.append(_contour(background, filled=filled, title=labels["f"]))
    if field is not None:
        n = max(int(np.sqrt(np.asarray(field[0]).size)), 2)
        traces += _field(field, 0.7 * (x_hi - x_lo) / (n - 1), labels["field"])
    traces += [_path(p) for p in paths]
    named: set[str] = set()
    for arrow in arrows:
        traces += _arrow(arrow, show_legend=arrow.name not in named)
        named.add(arrow.name)
    traces += [_marker(m) for m in markers]
    if clickable:
        traces.append(click_grid(background.bounds, 50, labels["click"]))
    layout = dict(
        xaxis={"range": [x_lo, x_hi], "title": {"text": "x"}, "constrain": "domain"},
        yaxis={
            "range": [y_lo, y_hi],
            "title": {"text": "y"},
            "scaleanchor": "x",
            "scaleratio": 1,
            "constrain": "domain",
        },
        hovermode="closest",
        dragmode="pan",
        clickmode="event+select",
    )
    # Below the plot: a legend above it would cover the title on a square map.
    return finished_figure(
        traces, layout, title=labels["title"], height=MAP_HEIGHT, overrides=LEGEND_BELOW
    )


def loss_figure(
    curves: Sequence[Path], *, reference: float | None, labels: Mapping[str, str]
) -> go.Figure:
    """f against the step, one line per optimiser; with a ``reference`` (the known minimum
    f*), f - f* on a log axis, where values below `LOG_FLOOR` sit on the axis floor."""
    log = reference is not None
    traces = []
    for curve in curves:
        y = np.asarray(curve.y, dtype=float)
        if log:
            y = np.maximum(y - reference, LOG_FLOOR)
            y = np.array(round_significant(y))
        else:
            y = _finite(y)
        traces.append(
            dict(
                type="scatter",
                x=np.asarray(curve.x, dtype=np.int32),
                y=y,
                mode="lines",
                line={"color": curve.color, "width": 3},
                name=curve.name,
            )
        )
    yaxis = {"title": {"text": labels["y"]}, "type": "log" if log else "linear"}
    if log and _decades(traces) > 3:
        yaxis |= {"dtick": 1, "exponentformat": "power"}  # one label a decade, not 2 and 5 too
    if not log:
        yaxis["range"] = _robust_range(traces)
    layout = dict(
        xaxis={"title": {"text": labels["x"]}, "rangemode": "tozero"},
        yaxis=yaxis,
        hovermode="x unified",
    )
    return finished_figure(
        traces, layout, title=labels["title"], height=MAP_HEIGHT, overrides=LEGEND_BELOW
    )


def _robust_range(traces: list[dict]) -> list[float] | None:
    """The y range of the middle 90% of the values, widened by its span on both sides: a run
    falling to -inf leaves through the bottom instead of flattening every other curve."""
    values = np.concatenate([np.asarray(t["y"], dtype=float) for t in traces] or [np.ones(1)])
    values = values[np.isfinite(values)]
    if not values.size or values.min() == values.max():
        return None
    with np.errstate(over="ignore", invalid="ignore"):
        low, high = np.percentile(values, [5, 95])
        span = (high - low) or max(abs(high), 1.0)
        margin = 0.05 * span
        bottom = max(values.min() - margin, low - span)
        top = min(values.max() + margin, high + span)
    if not (np.isfinite(bottom) and np.isfinite(top)):
        return None  # f spans more than float64's range: Plotly's own range
    return [float(bottom), float(top)]


def _decades(traces: list[dict]) -> float:
    values = np.concatenate([np.asarray(t["y"], dtype=float) for t in traces] or [np.ones(1)])
    values = values[np.isfinite(values) & (values > 0)]
    return float(np.log10(values.max() / values.min())) if values.size else 0.0


def surface_figure(
    xs,
    ys,
    z,
    ceiling: float | None,
    *,
    labels: Mapping[str, str],
    paths: Sequence[Path] = (),
    markers: Sequence[tuple[str, tuple[float, float, float], str]] = (),
) -> go.Figure:
    """f as a 3D surface, cut at ``ceiling`` so that steep walls do not flatten the rest,
    with descent ``paths`` (their ``z``) and ``markers`` (name, (x, y, f), colour) on it."""
    z = np.asarray(z, dtype=float)
    if ceiling is not None:
        z = np.where(z > ceiling, np.nan, z)
    traces = [
        dict(
            type="surface",
            x=round_coords(xs),
            y=round_coords(ys),
            z=_finite(z),
            colorscale=SURFACE_SCALE,
            showscale=False,
            opacity=0.9,
            name=labels["f"],
            hoverinfo="skip",
        )
    ]
    for path in paths:
        height = np.asarray(path.z, dtype=float)
        inside = np.ones_like(height, dtype=bool) if ceiling is None else height <= ceiling
        traces.append(
            dict(
                type="scatter3d",
                x=round_coords(np.where(inside, path.x, np.nan)),
                y=round_coords(np.where(inside, path.y, np.nan)),
                z=_finite(np.where(inside, height, np.nan)),
                mode="lines",
                line={"color": path.color, "width": 6},
                name=path.name,
            )
        )
    for name, (x, y, f), color in markers:
        traces.append(
            dict(
                type="scatter3d",
                x=[round(x, 4)],
                y=[round(y, 4)],
                z=[round(f, 4)],
                mode="markers",
                marker={"size": 7, "color": color, "line": {"color": "#000000", "width": 1}},
                name=name,
            )
        )
    layout = dict(
        scene={
            "xaxis": {"title": {"text": "x"}},
            "yaxis": {"title": {"text": "y"}},
            "zaxis": {"title": {"text": "f(x, y)"}},
            "camera": {"eye": {"x": 1.4, "y": -1.4, "z": 1.0}},
        }
    )
    return finished_figure(traces, layout, title=labels["title"], height=620)
