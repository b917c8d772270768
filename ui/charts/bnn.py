"""Figures of the Bayesian-network page: plain arrays and translated labels in, ``go.Figure``
out. ``labels`` maps roles (title, x, y, and one name per trace) to the page's strings."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts.base import PALETTE, finish, round_coords

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
):
    """A line; on a log axis y is only cast to float32, not rounded (small values stay > 0)."""
    return go.Scatter(
        x=round_coords(x),
        y=np.asarray(y, dtype=np.float32) if log_y else round_coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": width, "dash": dash},
        **kwargs,
    )


def _band(x, lower, upper, name: str, fill: str = BAND_FILL) -> list[go.Scatter]:
    """Two traces filling the region between lower and upper."""
    return [
        go.Scatter(
            x=round_coords(x),
            y=round_coords(upper),
            mode="lines",
            line={"width": 0},
            showlegend=False,
            hoverinfo="skip",
            legendgroup=name,
        ),
        go.Scatter(
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


def _paths(x, paths, name: str, color: str = PATH_COLOR) -> go.Scatter:
    """Many functions as one trace, rows joined by gaps: one legend entry, a small payload.
    The more functions, the fainter each, so that a hundred still show their spread."""
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    n = paths.shape[0]
    xs = np.tile(np.append(x, np.nan), n)
    ys = np.hstack([paths, np.full((n, 1), np.nan)]).ravel()
    trace = go.Scattergl if paths.size > WEBGL_POINTS else go.Scatter
    return trace(
        x=round_coords(xs),
        y=round_coords(ys),
        mode="lines",
        name=name,
        line={"color": color, "width": 1.5},
        opacity=min(1.0, max(0.3, 3 / np.sqrt(n))),
        connectgaps=False,
    )


def _points(x, y, name: str, color: str = DATA_COLOR, size: int = 8, **kwargs) -> go.Scatter:
    return go.Scatter(
        x=round_coords(x),
        y=round_coords(y),
        mode="markers",
        name=name,
        marker={"color": color, "size": size, "line": {"width": 1, "color": "#FFFFFF"}},
        **kwargs,
    )


def _gap(fig: go.Figure, gap: tuple[float, float] | None, label: str) -> None:
    """Shade the inputs the data leaves out."""
    if gap is not None and gap[1] > gap[0]:
        fig.add_vrect(
            x0=gap[0],
            x1=gap[1],
            fillcolor=GAP_FILL,
            line_width=0,
            layer="below",
            annotation_text=label,
            annotation_position="top left",
        )


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
    fig = go.Figure()
    if band is not None:
        fig.add_traces(_band(x, band[0], band[1], labels["band"]))
    fig.add_trace(_paths(x, functions, labels["paths"], PALETTE[0]))
    if mean is not None:
        fig.add_trace(_line(x, mean, labels["mean"], DATA_COLOR, dash="dash"))
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def variance_figure(
    x, empirical, closed_form=None, *, labels: Mapping[str, str], height: int = 480
) -> go.Figure:
    """Var f(x) over many networks against its closed form (when there is one).

    ``labels``: title, x, y, empirical, and closed when ``closed_form`` is given.
    """
    fig = go.Figure(_line(x, empirical, labels["empirical"], PALETTE[1]))
    if closed_form is not None:
        fig.add_trace(_line(x, closed_form, labels["closed"], DATA_COLOR, dash="dash"))
    fig.update_yaxes(rangemode="tozero")
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
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
    fig = go.Figure()
    if test is not None:
        fig.add_trace(_points(*test, labels["test"], TEST_COLOR, size=5))
    fig.add_trace(_line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot"))
    fig.add_trace(_points(x, y, labels["data"]))
    _gap(fig, gap, labels["gap"])
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
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
    fig = go.Figure()
    fig.add_traces(_band(x_grid, lower, upper, labels["band"]))
    fig.add_trace(_paths(x_grid, samples, labels["samples"]))
    fig.add_trace(_line(x_grid, mean, labels["mean"], MEAN_COLOR, width=4))
    fig.add_trace(_line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot"))
    fig.add_trace(_points(x, y, labels["data"]))
    _gap(fig, gap, labels["gap"])
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )


def elbo_figure(
    steps, elbo, log_likelihood, kl, *, labels: Mapping[str, str], height: int = 420
) -> go.Figure:
    """The ELBO and its two terms during training. The first steps, far below the rest, are
    clipped off the y axis so that the later progress stays readable.

    ``labels``: title, x, y, elbo, log_likelihood, kl.
    """
    curves = [np.asarray(c, dtype=float) for c in (elbo, log_likelihood, kl)]
    fig = go.Figure(
        [
            _line(steps, curves[0], labels["elbo"], DATA_COLOR, width=3),
            _line(steps, curves[1], labels["log_likelihood"], PALETTE[0], width=2),
            _line(steps, curves[2], labels["kl"], PALETTE[1], width=2),
        ]
    )
    settled = np.concatenate([c[len(c) // 10 :] for c in curves])
    settled = settled[np.isfinite(settled)]
    if settled.size:
        low, high = float(settled.min()), float(settled.max())
        pad = 0.1 * (high - low) + 1.0
        fig.update_yaxes(range=[low - pad, high + pad])
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
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
    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.1)
    for i, (name, m, s) in enumerate(zip(layers, mu, sigma, strict=True)):
        style = {"marker_color": LAYER_COLORS[i % len(LAYER_COLORS)], "opacity": 0.7}
        fig.add_trace(go.Histogram(x=round_coords(m), name=name, legendgroup=name, **style), 1, 1)
        fig.add_trace(
            go.Histogram(x=round_coords(s), name=name, legendgroup=name, showlegend=False, **style),
            1,
            2,
        )
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(title_text=labels["mu"], row=1, col=1)
    fig.update_xaxes(title_text=labels["sigma"], row=1, col=2)
    return finish(fig, title=labels["title"], y_title=labels["count"], height=height)


def softplus_figure(
    rho_grid, sigma_grid, rho, sigma, *, labels: Mapping[str, str], height: int = 420
) -> go.Figure:
    """sigma = softplus(rho) as a curve, with the learned (rho, sigma) of every parameter.

    ``labels``: title, x, y, curve, points.
    """
    fig = go.Figure(
        [
            _line(rho_grid, sigma_grid, labels["curve"], PALETTE[0]),
            _points(rho, sigma, labels["points"], PALETTE[1], size=7),
        ]
    )
    fig.update_yaxes(rangemode="tozero")
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
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
    fig = make_subplots(
        rows=1,
        cols=2,
        shared_yaxes=True,
        horizontal_spacing=0.05,
        subplot_titles=(labels["plain"], labels["noisy"]),
    )
    for col, (which, fit) in enumerate(zip(("plain", "noisy"), fits, strict=True), start=1):
        first = col == 1
        traces = [
            _points(x_test, y_test, labels["test"], TEST_COLOR, size=5, showlegend=first),
            _line(x_grid, f_true, labels["true"], TRUE_COLOR, dash="dot", showlegend=first),
            _points(x, y, labels["data"], showlegend=first),
            _line(x_grid, fit, labels[f"fit_{which}"], PALETTE[col - 1], width=3.5),
        ]
        for trace in traces:
            trace.legendgroup = trace.name
            fig.add_trace(trace, 1, col)
    fig.update_xaxes(title_text=labels["x"])
    fig.update_yaxes(title_text=labels["y"], row=1, col=1)
    finish(fig, title=labels["title"], height=height)
    # the legend above the panel titles, not over them
    fig.update_layout(legend_y=1.12, margin_t=140)
    return fig


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
    fig = go.Figure()
    for col, which in enumerate(("plain", "noisy")):
        color = PALETTE[col]
        for values, role, dash in ((train, "train", "solid"), (test, "test", "dash")):
            name = labels[f"{role}_{which}"]
            fig.add_trace(_line(steps, values[:, col], name, color, dash, 2.5, log_y=True))
    fig.update_yaxes(type="log", **_log_ticks(np.concatenate([train.ravel(), test.ravel()])))
    return finish(
        fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=height
    )
