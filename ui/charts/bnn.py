"""Figures of the Bayesian-network page: plain arrays and translated labels in, ``go.Figure``
out. ``labels`` maps roles (title, x, y, and one name per trace) to the page's strings.

Traces and layouts are plain dicts (`base.finished_figure`), the two-panel figures laid out
by hand: validated objects and ``make_subplots`` cost ten times more on every rerun."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import FONT_SIZE, PALETTE, finished_figure, panel_title, round_coords

BAND_FILL = "rgba(86, 180, 233, 0.3)"
GAP_FILL = "rgba(230, 159, 0, 0.12)"
DATA_COLOR = "#000000"
TRUE_COLOR = "#009E73"
MEAN_COLOR = "#0072B2"
PATH_COLOR = "rgba(0, 114, 178, 0.35)"
TEST_COLOR = "#BBBBBB"
LAYER_COLORS = PALETTE[:4]
# Beyond this many plotted coordinates a figure switches to WebGL lines.
WEBGL_POINTS = 4000


def _line(
    x, y, name: str, color: str, dash: str = "solid", width: float = 3, log_y=False, **kwargs
) -> dict:
    """A line; on a log axis y is only cast to float32, not rounded (small values stay > 0)."""
    return dict(
        type="scatter",
        x=round_coords(x),
        y=np.asarray(y, dtype=np.float32) if log_y else round_coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": width, "dash": dash},
        **kwargs,
    )


def _band(x, lower, upper, name: str, fill: str = BAND_FILL) -> list[dict]:
    """Two traces filling the region between lower and upper."""
    return [
        dict(
            type="scatter",
            x=round_coords(x),
            y=round_coords(upper),
            mode="lines",
            line={"width": 0},
            showlegend=False,
            hoverinfo="skip",
            legendgroup=name,
        ),
        dict(
            type="scatter",
            x=round_coords(x),
            y=round_coords(lower),
            mode="lines",
            line={"width": 0},
            fill="tonexty",
            fillcolor=fill,
            name=name,
            legendgroup=name,
        ),
    ]


def _paths(x, paths, name: str, color: str = PATH_COLOR) -> dict:
    """Many functions as one trace, rows joined by gaps: one legend entry, a small payload.
    The more functions, the fainter each, so that a hundred still show their spread."""
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    n = paths.shape[0]
    xs = np.tile(np.append(x, np.nan), n)
    ys = np.hstack([paths, np.full((n, 1), np.nan)]).ravel()
    return dict(
        type="scattergl" if paths.size > WEBGL_POINTS else "scatter",
        x=round_coords(xs),
        y=round_coords(ys),
        mode="lines",
        name=name,
        line={"color": color, "width": 1.5},
        opacity=min(1.0, max(0.3, 3 / np.sqrt(n))),
        connectgaps=False,
    )


def _points(x, y, name: str, color: str = DATA_COLOR, size: int = 8, **kwargs) -> dict:
    return dict(
        type="scatter",
        x=round_coords(x),
        y=round_coords(y),
        mode="markers",
        name=name,
        marker={"color": color, "size": size, "line": {"width": 1, "color": "#FFFFFF"}},
        **kwargs,
    )


def _gap(gap: tuple[float, float] | None, label: str) -> dict:
    """Layout entries shading the inputs the data leaves out, labelled at the top left (what
    ``add_vrect`` would add)."""
    if gap is None or gap[1] <= gap[0]:
        return {}
    column = {"xref": "x", "yref": "y domain"}
    return {
        "shapes": [
            {
                "type": "rect",
                **column,
                "x0": gap[0],
                "x1": gap[1],
                "y0": 0,
                "y1": 1,
                "fillcolor": GAP_FILL,
                "layer": "below",
                "line": {"width": 0},
            }
        ],
        "annotations": [
            {
                **column,
                "x": gap[0],
                "y": 1,
                "text": label,
                "showarrow": False,
                "xanchor": "left",
                "yanchor": "top",
            }
        ],
    }


def _log_ticks(values) -> dict:
    """Ticks at 1, 2 and 5 times the powers of ten that the values span, labelled in full
    (Plotly's own minor log ticks read "2", "5" without their power)."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values) & (values > 0)]
    if not values.size:
        return {}
    low, high = np.floor(np.log10(values.min())), np.ceil(np.log10(values.max()))
    ticks = [m * 10.0**e for e in range(int(low), int(high) + 1) for m in (1, 2, 5)]
    return {"tickvals": ticks, "ticktext": [f"{t:g}" for t in ticks]}


# --- the prior ---------------------------------------------------------------------------------


def prior_functions_figure(
    x,
    functions,
    *,
    labels: Mapping[str, str],
    band: tuple | None = None,
    mean=None,
    height: int = 480,
) -> go.Figure:
    """Functions drawn from the prior, with the closed-form mean and ±2σ band when known.

    ``labels``: title, x, y, paths, and band / mean when those are given.
    """
    traces = [] if band is None else _band(x, band[0], band[1], labels["band"])
    traces.append(_paths(x, functions, labels["paths"], PALETTE[0]))
    if mean is not None:
        traces.append(_line(x, mean, labels["mean"], DATA_COLOR, dash="dash"))
    return finished_figure(
        traces, {}, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def variance_figure(
    x, empirical, closed_form=None, *, labels: Mapping[str, str], height: int = 480
) -> go.Figure:
    """Var f(x) over many networks against its closed form (when there is one).

    ``labels``: title, x, y, empirical, and closed when ``closed_form`` is given.
    """
    traces = [_line(x, empirical, labels["empirical"], PALETTE[1])]
    if closed_form is not None:
        traces.append(_line(x, closed_form, labels["closed"], DATA_COLOR, dash="dash"))
    return finished_figure(
        traces,
        {"yaxis": {"rangemode": "tozero"}},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


# --- data and the variational posterior ------------------------------------------------------


def data_figure(
    x_grid,
    f_true,
    x,
    y,
    *,
    gap: tuple[float, float] | None,
    labels: Mapping[str, str],
    test: tuple | None = None,
    height: int = 460,
) -> go.Figure:
    """The toy data set: training points, the true function, the gap, and the test points
    ``test = (x_test, y_test)`` when given.

    ``labels``: title, x, y, data, true, gap, and test when ``test`` is given.
    """
    traces = [] if test is None else [_points(*test, labels["test"], TEST_COLOR, size=5)]
    traces.append(_line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot"))
    traces.append(_points(x, y, labels["data"]))
    return finished_figure(
        traces,
        _gap(gap, labels["gap"]),
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def predictive_figure(
    x_grid,
    mean,
    lower,
    upper,
    samples,
    f_true,
    x,
    y,
    *,
    gap: tuple[float, float] | None,
    labels: Mapping[str, str],
    height: int = 520,
) -> go.Figure:
    """The predictive mean, its ±2σ band and a few sampled networks over the data.

    ``labels``: title, x, y, band, samples, mean, true, data, gap.
    """
    traces = [
        *_band(x_grid, lower, upper, labels["band"]),
        _paths(x_grid, samples, labels["samples"]),
        _line(x_grid, mean, labels["mean"], MEAN_COLOR, width=4),
        _line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot"),
        _points(x, y, labels["data"]),
    ]
    return finished_figure(
        traces,
        _gap(gap, labels["gap"]),
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def elbo_figure(
    steps, elbo, log_likelihood, kl, *, labels: Mapping[str, str], height: int = 420
) -> go.Figure:
    """The ELBO and its two terms during training. The first steps, far below the rest, are
    clipped off the y axis so that the later progress stays readable.

    ``labels``: title, x, y, elbo, log_likelihood, kl.
    """
    curves = [np.asarray(c, dtype=float) for c in (elbo, log_likelihood, kl)]
    traces = [
        _line(steps, curves[0], labels["elbo"], DATA_COLOR, width=3),
        _line(steps, curves[1], labels["log_likelihood"], PALETTE[0], width=2),
        _line(steps, curves[2], labels["kl"], PALETTE[1], width=2),
    ]
    layout = {}
    settled = np.concatenate([c[len(c) // 10 :] for c in curves])
    settled = settled[np.isfinite(settled)]
    if settled.size:
        low, high = float(settled.min()), float(settled.max())
        pad = 0.1 * (high - low) + 1.0
        layout["yaxis"] = {"range": [low - pad, high + pad]}
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


def parameter_histograms_figure(
    layers: Sequence[str],
    mu: Sequence[np.ndarray],
    sigma: Sequence[np.ndarray],
    *,
    labels: Mapping[str, str],
    height: int = 420,
) -> go.Figure:
    """Histograms of the learned mu (left) and sigma (right), one colour per parameter tensor.

    ``labels``: title, mu, sigma (the two axis titles), count.
    """
    traces = []
    for i, (name, m, s) in enumerate(zip(layers, mu, sigma, strict=True)):
        style = {
            "type": "histogram",
            "name": name,
            "legendgroup": name,
            "marker": {"color": LAYER_COLORS[i % len(LAYER_COLORS)]},
            "opacity": 0.7,
        }
        traces += [
            {**style, "x": round_coords(m), "xaxis": "x", "yaxis": "y"},
            {**style, "x": round_coords(s), "xaxis": "x2", "yaxis": "y2", "showlegend": False},
        ]
    # the domains make_subplots(rows=1, cols=2, horizontal_spacing=0.1) gives
    layout = {
        "xaxis": {"anchor": "y", "domain": [0.0, 0.45], "title": {"text": labels["mu"]}},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0]},
        "xaxis2": {"anchor": "y2", "domain": [0.55, 1.0], "title": {"text": labels["sigma"]}},
        "yaxis2": {"anchor": "x2", "domain": [0.0, 1.0]},
        "barmode": "overlay",
    }
    return finished_figure(
        traces, layout, title=labels["title"], y_title=labels["count"], height=height
    )


def softplus_figure(
    rho_grid, sigma_grid, rho, sigma, *, labels: Mapping[str, str], height: int = 420
) -> go.Figure:
    """sigma = softplus(rho) as a curve, with the learned (rho, sigma) of every parameter.

    ``labels``: title, x, y, curve, points.
    """
    traces = [
        _line(rho_grid, sigma_grid, labels["curve"], PALETTE[0]),
        _points(rho, sigma, labels["points"], PALETTE[1], size=7),
    ]
    return finished_figure(
        traces,
        {"yaxis": {"rangemode": "tozero"}},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )


# --- noise as a regulariser -----------------------------------------------------------------


def fits_figure(
    x_grid,
    fits: Sequence[np.ndarray],
    f_true,
    x,
    y,
    x_test,
    y_test,
    *,
    labels: Mapping[str, str],
    height: int = 480,
) -> go.Figure:
    """Side by side: the fit without noise (left) and with noise (right), over the same data.

    ``labels``: title, plain, noisy (panel titles), x, y, fit_plain, fit_noisy, true, data,
    test.
    """
    traces = []
    for col, (which, fit) in enumerate(zip(("plain", "noisy"), fits, strict=True), start=1):
        first = col == 1
        panel = {"xaxis": "x", "yaxis": "y"} if first else {"xaxis": "x2", "yaxis": "y2"}
        panel_traces = [
            _points(x_test, y_test, labels["test"], TEST_COLOR, size=5, showlegend=first),
            _line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot", showlegend=first),
            _points(x, y, labels["data"], showlegend=first),
            _line(x_grid, fit, labels[f"fit_{which}"], PALETTE[col - 1], width=3.5),
        ]
        traces += [{**t, **panel, "legendgroup": t["name"]} for t in panel_traces]
    # the layout make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.05,
    # subplot_titles=...) gives
    layout = {
        "xaxis": {"anchor": "y", "domain": [0.0, 0.475]},
        "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "title": {"text": labels["y"]}},
        "xaxis2": {"anchor": "y2", "domain": [0.525, 1.0]},
        "yaxis2": {"anchor": "x2", "domain": [0.0, 1.0], "matches": "y", "showticklabels": False},
        "annotations": [
            panel_title(labels["plain"], 0.2375, size=FONT_SIZE),
            panel_title(labels["noisy"], 0.7625, size=FONT_SIZE),
        ],
    }
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        height=height,
        overrides={"legend": {"y": 1.12}, "margin": {"t": 140}},  # legend above panel titles
    )


def errors_figure(
    steps,
    train: np.ndarray,
    test: np.ndarray,
    *,
    labels: Mapping[str, str],
    height: int = 420,
) -> go.Figure:
    """Training (solid) and test (dashed) mean squared error of both networks, log scale.

    ``train`` and ``test`` are (steps, 2) arrays: column 0 without noise, column 1 with it.
    ``labels``: title, x, y, and train_plain, test_plain, train_noisy, test_noisy.
    """
    traces = []
    for col, which in enumerate(("plain", "noisy")):
        color = PALETTE[col]
        for values, role, dash in ((train, "train", "solid"), (test, "test", "dash")):
            name = labels[f"{role}_{which}"]
            traces.append(_line(steps, values[:, col], name, color, dash, 2.5, log_y=True))
    yaxis = {"type": "log", **_log_ticks(np.concatenate([train.ravel(), test.ravel()]))}
    return finished_figure(
        traces,
        {"yaxis": yaxis},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=height,
    )
