"""Figures of the Gaussian-process priors page: plain arrays and translated labels in,
``go.Figure`` out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import PALETTE, finish, round_coords

BAND_FILL = "rgba(86, 180, 233, 0.25)"
MEAN_COLOR = "#000000"
SAMPLE_COLORS = PALETTE[:6]
# Beyond this many plotted coordinates a figure switches to WebGL lines.
WEBGL_POINTS = 4000


def _coords(values, digits: int = 4) -> np.ndarray:
    """Rounded, then sent as float32: Plotly ships numpy arrays as binary, so the dtype, not
    the rounding, sets the payload (float32 halves it; the screen cannot tell)."""
    return round_coords(values, digits).astype(np.float32)


def _significant(values, digits: int = 4) -> list[float]:
    """Rounded to significant digits: what a log axis needs (1e-9 must not become 0)."""
    return [float(f"{v:.{digits}g}") for v in np.asarray(values, dtype=float)]


def _line(x, y, name: str, color: str, **kwargs) -> go.Scatter:
    width = kwargs.pop("width", 2.5)
    dash = kwargs.pop("dash", "solid")
    log = kwargs.pop("log", False)
    return go.Scatter(
        x=_significant(x) if log else _coords(x),
        y=_significant(y) if log else _coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": width, "dash": dash},
        **kwargs,
    )


def _band(x, lower, upper, name: str) -> list[go.Scatter]:
    """Two traces filling the region between lower and upper."""
    edge = {"width": 0}
    return [
        go.Scatter(
            x=_coords(x),
            y=_coords(upper),
            mode="lines",
            line=edge,
            showlegend=False,
            hoverinfo="skip",
            legendgroup="band",
        ),
        go.Scatter(
            x=_coords(x),
            y=_coords(lower),
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
    fig = go.Figure()
    if band is not None:
        fig.add_traces(_band(x, band[0], band[1], labels["band"]))
    if mean is not None:
        fig.add_trace(_line(x, mean, labels["mean"], MEAN_COLOR, width=4))
    trace = go.Scattergl if paths.size > WEBGL_POINTS else go.Scatter
    for i, row in enumerate(paths):
        fig.add_trace(
            trace(
                x=_coords(x),
                y=_coords(row),
                mode="lines",
                name=labels["paths"],
                legendgroup="paths",
                showlegend=i == 0,
                line={"color": SAMPLE_COLORS[i % len(SAMPLE_COLORS)], "width": 2, "dash": dash},
            )
        )
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
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
    fig = go.Figure()
    dashes = ("solid", "dash", "dot", "dashdot")
    for i, (name, y) in enumerate(curves):
        fig.add_trace(
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
        )
    if marker is not None:
        fig.add_vline(x=marker, line={"color": PALETTE[4], "width": 2, "dash": "dot"})
        fig.add_trace(
            go.Scatter(
                x=[marker],
                y=[None],
                mode="lines",
                name=labels["marker"],
                line={"color": PALETTE[4], "width": 2, "dash": "dot"},
            )
        )
    # Log axes: few labelled ticks, no minor labels crowding the projector.
    if log_x:
        fig.update_xaxes(type="log", dtick=1)
    if log_y:
        fig.update_yaxes(type="log", nticks=6, exponentformat="power")
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def bumps_figure(x, bumps, *, labels: Mapping[str, str], height: int = 420) -> go.Figure:
    """Basis functions (rows of ``bumps``) drawn thin in one colour."""
    fig = go.Figure()
    for i, row in enumerate(np.atleast_2d(np.asarray(bumps, dtype=float))):
        fig.add_trace(
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
        )
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def heatmap_figure(
    x, y, z, *, labels: Mapping[str, str], symmetric: bool = False, height: int = 460
) -> go.Figure:
    """``z[i, j]`` at ``(x[j], y[i])``; a diverging scale centred at 0 when ``symmetric``."""
    z = np.asarray(z, dtype=float)
    scale = {"colorscale": "Viridis"}
    if symmetric:
        top = float(np.abs(z).max()) or 1.0
        scale = {"colorscale": "RdBu_r", "zmin": -top, "zmax": top}
    fig = go.Figure(
        go.Heatmap(
            x=_coords(x),
            y=_coords(y),
            z=_coords(z, 3),
            colorbar={"title": {"text": labels["colorbar"]}},
            **scale,
        )
    )
    fig.update_yaxes(scaleanchor="x", scaleratio=1, constrain="domain")
    fig.update_xaxes(constrain="domain")
    return finish(
        fig,
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
    fig = go.Figure(
        go.Surface(
            x=_coords(x),
            y=_coords(y),
            z=_coords(z, 3),
            colorscale="RdBu_r",
            cmin=-top,
            cmax=top,
            colorbar={"title": {"text": labels["z"]}},
        )
    )
    fig.update_layout(
        scene={
            "xaxis_title": labels["x"],
            "yaxis_title": labels["y"],
            "zaxis_title": labels["z"],
            "aspectmode": "manual",
            "aspectratio": {"x": 1, "y": 1, "z": 0.5},
            "camera": {"eye": {"x": 1.1, "y": -1.3, "z": 0.75}},
            "xaxis": {"nticks": 5},
            "yaxis": {"nticks": 5},
            "zaxis": {"nticks": 4},
        }
    )
    finish(fig, title=labels["title"], height=height, legend=False)
    fig.update_layout(margin={"l": 0, "r": 0, "t": 60, "b": 0})
    return fig


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
    fig = go.Figure(
        go.Bar(
            x=_coords(centres),
            y=_coords(density),
            width=float(edges[1] - edges[0]),
            name=labels["hist"],
            marker={"color": PALETTE[0], "line": {"width": 0}},
            opacity=0.6,
        )
    )
    fig.add_trace(_line(grid, pdf, labels["pdf"], PALETTE[1], width=3))
    fig.update_layout(bargap=0)
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )
