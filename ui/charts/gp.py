"""Figures of the Gaussian-process priors page: plain arrays and translated labels in,
``go.Figure`` out.

Traces and layouts are plain dicts handed to ``finished_figure``: validated Plotly objects
cost tens of milliseconds per figure on every rerun."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import (
    PALETTE,
    finished_figure,
    named_colorscale,
    round_coords,
    round_significant,
)

BAND_FILL = "rgba(86, 180, 233, 0.25)"
MEAN_COLOR = "#000000"
SAMPLE_COLORS = PALETTE[:6]
# Beyond this many plotted coordinates a figure switches to WebGL lines.
WEBGL_POINTS = 4000


SEQUENTIAL_SCALE = named_colorscale("Viridis")
DIVERGING_SCALE = named_colorscale("RdBu_r")


def _line(x, y, name: str, color: str, **kwargs) -> dict:
    width = kwargs.pop("width", 2.5)
    dash = kwargs.pop("dash", "solid")
    log = kwargs.pop("log", False)
    return dict(
        type="scatter",
        x=round_significant(x) if log else round_coords(x),
        y=round_significant(y) if log else round_coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": width, "dash": dash},
        **kwargs,
    )


def _band(x, lower, upper, name: str) -> list[dict]:
    """Two traces filling the region between lower and upper."""
    edge = {"width": 0}
    return [
        dict(
            type="scatter",
            x=round_coords(x),
            y=round_coords(upper),
            mode="lines",
            line=edge,
            showlegend=False,
            hoverinfo="skip",
            legendgroup="band",
        ),
        dict(
            type="scatter",
            x=round_coords(x),
            y=round_coords(lower),
            mode="lines",
            line=edge,
            fill="tonexty",
            fillcolor=BAND_FILL,
            name=name,
            legendgroup="band",
        ),
    ]


def paths_figure(
    x,
    paths,
    *,
    labels: Mapping[str, str],
    band: tuple | None = None,
    mean=None,
    dash: str = "solid",
    height: int = 460,
) -> go.Figure:
    """Sample paths (rows of ``paths``) over x, with an optional band and mean.

    ``labels``: title, x, y, paths (legend of the first path; the others share it), and
    band / mean when those are given.
    """
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    traces = []
    if band is not None:
        traces += _band(x, band[0], band[1], labels["band"])
    if mean is not None:
        traces.append(_line(x, mean, labels["mean"], MEAN_COLOR, width=4))
    kind = "scattergl" if paths.size > WEBGL_POINTS else "scatter"
    for i, row in enumerate(paths):
        traces.append(
            dict(
                type=kind,
                x=round_coords(x),
                y=round_coords(row),
                mode="lines",
                name=labels["paths"],
                legendgroup="paths",
                showlegend=i == 0,
                line={"color": SAMPLE_COLORS[i % len(SAMPLE_COLORS)], "width": 2, "dash": dash},
            )
        )
    return finished_figure(
        traces, {}, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def curves_figure(
    x,
    curves: Sequence[tuple[str, Sequence[float]]],
    *,
    labels: Mapping[str, str],
    marker: float | None = None,
    log_x: bool = False,
    log_y: bool = False,
    height: int = 420,
) -> go.Figure:
    """Named curves over the same x (solid, dashed, dotted in turn), with an optional
    vertical marker line whose legend is ``labels["marker"]``."""
    dashes = ("solid", "dash", "dot", "dashdot")
    traces = [
        _line(
            x,
            y,
            name,
            PALETTE[i % len(PALETTE)],
            width=3,
            dash=dashes[i % len(dashes)],
            connectgaps=False,
            log=log_x or log_y,
        )
        for i, (name, y) in enumerate(curves)
    ]
    layout: dict = {}
    if marker is not None:
        marker_line = {"color": PALETTE[4], "width": 2, "dash": "dot"}
        # add_vline's full-height line; the trace below gives it the legend entry shapes lack.
        layout["shapes"] = [
            {
                "type": "line",
                "x0": marker,
                "x1": marker,
                "xref": "x",
                "y0": 0,
                "y1": 1,
                "yref": "y domain",
                "line": marker_line,
            }
        ]
        traces.append(
            dict(
                type="scatter",
                x=[marker],
                y=[None],
                mode="lines",
                name=labels["marker"],
                line=marker_line,
            )
        )
    # Log axes: few labelled ticks, no minor labels crowding the projector.
    if log_x:
        layout["xaxis"] = {"type": "log", "dtick": 1}
    if log_y:
        layout["yaxis"] = {"type": "log", "nticks": 6, "exponentformat": "power"}
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def bumps_figure(x, bumps, *, labels: Mapping[str, str], height: int = 420) -> go.Figure:
    """Basis functions (rows of ``bumps``) drawn thin in one colour."""
    traces = [
        _line(
            x,
            row,
            labels["bumps"],
            PALETTE[0],
            width=1.5,
            legendgroup="bumps",
            showlegend=i == 0,
            opacity=0.7,
        )
        for i, row in enumerate(np.atleast_2d(np.asarray(bumps, dtype=float)))
    ]
    return finished_figure(
        traces, {}, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def heatmap_figure(
    x, y, z, *, labels: Mapping[str, str], symmetric: bool = False, height: int = 460
) -> go.Figure:
    """``z[i, j]`` at ``(x[j], y[i])``; a diverging scale centred at 0 when ``symmetric``."""
    z = np.asarray(z, dtype=float)
    scale = {"colorscale": SEQUENTIAL_SCALE}
    if symmetric:
        top = float(np.abs(z).max()) or 1.0
        scale = {"colorscale": DIVERGING_SCALE, "zmin": -top, "zmax": top}
    heatmap = dict(
        type="heatmap",
        x=round_coords(x),
        y=round_coords(y),
        z=round_coords(z, 3),
        colorbar={"title": {"text": labels["colorbar"]}},
        **scale,
    )
    layout = {
        "xaxis": {"constrain": "domain"},
        "yaxis": {"scaleanchor": "x", "scaleratio": 1, "constrain": "domain"},
    }
    return finished_figure(
        [heatmap],
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
        legend=False,
    )


def surface_figure(x, y, z, *, labels: Mapping[str, str], height: int = 520) -> go.Figure:
    """A 3D surface ``z[i, j]`` over ``(x[j], y[i])``, coloured like ``heatmap_figure``'s
    symmetric scale."""
    top = float(np.abs(np.asarray(z, dtype=float)).max()) or 1.0
    surface = dict(
        type="surface",
        x=round_coords(x),
        y=round_coords(y),
        z=round_coords(z, 3),
        colorscale=DIVERGING_SCALE,
        cmin=-top,
        cmax=top,
        colorbar={"title": {"text": labels["z"]}},
    )
    layout = {
        "scene": {
            "xaxis": {"title": {"text": labels["x"]}, "nticks": 5},
            "yaxis": {"title": {"text": labels["y"]}, "nticks": 5},
            "zaxis": {"title": {"text": labels["z"]}, "nticks": 4},
            "aspectmode": "manual",
            "aspectratio": {"x": 1, "y": 1, "z": 0.5},
            "camera": {"eye": {"x": 1.1, "y": -1.3, "z": 0.75}},
        }
    }
    return finished_figure(
        [surface],
        layout,
        title=labels["title"],
        height=height,
        legend=False,
        overrides={"margin": {"l": 0, "r": 0, "t": 60, "b": 0}},  # no 2D axis labels in 3D
    )


def histogram_figure(
    edges,
    density,
    grid,
    pdf,
    *,
    labels: Mapping[str, str],
    height: int = 420,
) -> go.Figure:
    """A density histogram (bars over ``edges``) against a density curve."""
    edges = np.asarray(edges, dtype=float)
    centres = (edges[:-1] + edges[1:]) / 2
    traces = [
        dict(
            type="bar",
            x=round_coords(centres),
            y=round_coords(density),
            width=float(edges[1] - edges[0]),
            name=labels["hist"],
            marker={"color": PALETTE[0], "line": {"width": 0}},
            opacity=0.6,
        ),
        _line(grid, pdf, labels["pdf"], PALETTE[1], width=3),
    ]
    return finished_figure(
        traces,
        {"bargap": 0},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )
