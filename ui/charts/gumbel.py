"""Figures of the Gumbel page: plain arrays and translated labels in, ``go.Figure`` out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ui.charts.base import FONT_SIZE, PALETTE, finish, round_coords

BAR_OPACITY = 0.55
DASHES = ("solid", "dash", "dot", "dashdot")


def _centres(edges) -> np.ndarray:
    edges = np.asarray(edges, dtype=float)
    return (edges[:-1] + edges[1:]) / 2


def _histogram(edges, density, name: str, color: str) -> go.Bar:
    edges = np.asarray(edges, dtype=float)
    return go.Bar(
        x=round_coords(_centres(edges)),
        y=round_coords(density),
        width=float(edges[1] - edges[0]),
        name=name,
        marker={"color": color, "line": {"width": 0}},
        opacity=BAR_OPACITY,
    )


def _line(x, y, name: str, color: str, dash: str = "solid", **kwargs) -> go.Scatter:
    return go.Scatter(
        x=round_coords(x),
        y=round_coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": 3, "dash": dash},
        **kwargs,
    )


def transform_figure(
    u_edges,
    u_density,
    g_edges,
    g_density,
    x,
    pdf,
    markers: Mapping[str, float],
    *,
    labels: Mapping[str, str],
) -> go.Figure:
    """Left: the histogram of U (flat). Right: the histogram of g = loc - scale log(-log U)
    with the Gumbel pdf and vertical lines at the named markers (mean, median, mode)."""
    fig = make_subplots(
        rows=1,
        cols=2,
        subplot_titles=(labels["u_title"], labels["g_title"]),
        column_widths=[0.35, 0.65],
        horizontal_spacing=0.08,
    )
    fig.add_trace(_histogram(u_edges, u_density, labels["u_hist"], PALETTE[5]), row=1, col=1)
    fig.add_trace(_histogram(g_edges, g_density, labels["g_hist"], PALETTE[0]), row=1, col=2)
    fig.add_trace(_line(x, pdf, labels["pdf"], PALETTE[1]), row=1, col=2)
    top = float(np.max(pdf)) * 1.1
    for (name, value), color, dash in zip(markers.items(), PALETTE[2:], DASHES, strict=False):
        fig.add_trace(_line([value, value], [0, top], name, color, dash), row=1, col=2)
    fig.update_xaxes(title_text="u", row=1, col=1)
    fig.update_xaxes(title_text="g", row=1, col=2)
    fig.update_yaxes(title_text=labels["density"], row=1, col=1)
    fig.update_annotations(font_size=FONT_SIZE + 2)
    finish(fig, height=500)
    # the legend goes above the two subplot titles
    fig.update_layout(legend={"y": 1.14}, margin={"t": 110})
    return fig


def cdf_figure(x, exact, empirical, *, labels: Mapping[str, str]) -> go.Figure:
    fig = go.Figure(
        [
            _line(x, empirical, labels["empirical"], PALETTE[0], line_shape="hv"),
            _line(x, exact, labels["exact"], PALETTE[1], "dash"),
        ]
    )
    return finish(fig, title=labels["title"], x_title="x", y_title=labels["y"], height=420)


def maxima_figure(edges, density, x, gumbel_pdf, exact_pdf, *, labels: Mapping[str, str]):
    """Histogram of standardised maxima, the exact density of that statistic, and its
    Gumbel(0, 1) limit."""
    fig = go.Figure(
        [
            _histogram(edges, density, labels["hist"], PALETTE[0]),
            _line(x, exact_pdf, labels["exact"], PALETTE[2], "dash"),
            _line(x, gumbel_pdf, labels["gumbel"], PALETTE[1]),
        ]
    )
    fig.update_layout(bargap=0)
    return finish(fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"])


def grouped_bars(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    title: str,
    x_title: str,
    y_title: str,
    errors: Mapping[str, Sequence[float]] | None = None,
    height: int = 440,
) -> go.Figure:
    """One group of bars per category, one bar per named series (optional error bars)."""
    errors = errors or {}
    fig = go.Figure(
        [
            go.Bar(
                x=list(categories),
                y=round_coords(values),
                name=name,
                marker_color=color,
                error_y=(
                    {"type": "data", "array": round_coords(errors[name]), "thickness": 2}
                    if name in errors
                    else None
                ),
            )
            for (name, values), color in zip(series.items(), PALETTE, strict=False)
        ]
    )
    fig.update_layout(barmode="group")
    return finish(fig, title=title, x_title=x_title, y_title=y_title, height=height)


def running_frequency_figure(ns, freq, probs, categories, *, labels: Mapping[str, str]):
    """Frequencies among the first n samples (log n) converging to dashed softmax levels."""
    freq = np.asarray(freq, dtype=float)
    fig = go.Figure()
    for i, name in enumerate(categories):
        color = PALETTE[i % len(PALETTE)]
        fig.add_trace(_line(ns, freq[:, i], name, color, legendgroup=name))
        fig.add_trace(
            _line(
                [ns[0], ns[-1]],
                [probs[i], probs[i]],
                name,
                color,
                "dot",
                legendgroup=name,
                showlegend=False,
                hoverinfo="skip",
            )
        )
    fig.update_xaxes(type="log")
    return finish(fig, title=labels["title"], x_title="n", y_title=labels["y"], height=440)


def stacked_samples_figure(y, categories, *, labels: Mapping[str, str]) -> go.Figure:
    """Each sample is one bar split into its k probabilities."""
    y = np.asarray(y, dtype=float)
    samples = [str(j + 1) for j in range(y.shape[0])]
    fig = go.Figure(
        [
            go.Bar(
                x=samples,
                y=round_coords(y[:, i], 3),
                name=name,
                marker_color=PALETTE[i % len(PALETTE)],
            )
            for i, name in enumerate(categories)
        ]
    )
    fig.update_layout(barmode="stack", bargap=0.15, legend={"traceorder": "normal"})
    fig.update_yaxes(range=[0, 1])
    return finish(fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=420)


def ternary_figure(y, corners: Sequence[str], centre, *, labels: Mapping[str, str]):
    """Samples of a 3-category distribution as points on the probability simplex, with the
    point softmax(logits) marked."""
    y = np.asarray(y, dtype=float)
    fig = go.Figure(
        [
            go.Scatterternary(
                a=round_coords(y[:, 0], 3),
                b=round_coords(y[:, 1], 3),
                c=round_coords(y[:, 2], 3),
                mode="markers",
                name=labels["samples"],
                marker={"size": 6, "color": PALETTE[0], "opacity": 0.45},
            ),
            go.Scatterternary(
                a=[round(float(centre[0]), 4)],
                b=[round(float(centre[1]), 4)],
                c=[round(float(centre[2]), 4)],
                mode="markers",
                name=labels["softmax"],
                marker={"size": 16, "color": PALETTE[1], "symbol": "x"},
            ),
        ]
    )
    fig.update_layout(
        ternary={
            "aaxis": {"title": {"text": corners[0]}, "min": 0},
            "baxis": {"title": {"text": corners[1]}, "min": 0},
            "caxis": {"title": {"text": corners[2]}, "min": 0},
        }
    )
    return finish(fig, title=labels["title"], height=480)


def entropy_figure(taus, entropies: Mapping[str, Sequence[float]], tau, max_entropy, *, labels):
    """E[H(y)] against tau (log axis): one curve per named series, the current tau marked,
    and the entropy log k of the uniform distribution as a ceiling."""
    fig = go.Figure(
        [
            _line(taus, values, name, color, dash)
            for (name, values), color, dash in zip(entropies.items(), PALETTE, DASHES, strict=False)
        ]
    )
    fig.add_hline(
        y=float(max_entropy),
        line={"color": "gray", "dash": "dot"},
        annotation_text=labels["ceiling"],
        annotation_position="bottom right",
    )
    fig.add_vline(x=float(tau), line={"color": PALETTE[3], "width": 2})
    fig.update_xaxes(type="log")
    return finish(fig, title=labels["title"], x_title="τ", y_title=labels["y"], height=440)


def annealing_figure(steps, taus, sharpness, *, labels: Mapping[str, str]) -> go.Figure:
    """The schedule tau_t (left axis) and the mean largest probability max_i y_i (right)."""
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(_line(steps, taus, labels["tau"], PALETTE[0]), secondary_y=False)
    fig.add_trace(
        _line(steps, sharpness, labels["sharpness"], PALETTE[1], "dash"), secondary_y=True
    )
    top = max(1.0, float(np.max(taus))) * 1.05
    fig.update_yaxes(title_text="τ_t", secondary_y=False, range=[0, top])
    fig.update_yaxes(
        title_text=labels["sharpness_axis"], secondary_y=True, range=[0, 1.05], showgrid=False
    )
    return finish(fig, title=labels["title"], x_title=labels["x"], height=440)


def heatmap_figure(y, categories, *, labels: Mapping[str, str]) -> go.Figure:
    """One sample per step: categories down, steps across, probability as colour."""
    y = np.asarray(y, dtype=float)
    fig = go.Figure(
        go.Heatmap(
            z=round_coords(y.T, 3),
            x=np.arange(y.shape[0]),
            y=list(categories),
            zmin=0,
            zmax=1,
            colorscale="Viridis",
            colorbar={"title": {"text": "y_i"}},
        )
    )
    fig.update_yaxes(type="category")
    return finish(fig, title=labels["title"], x_title=labels["x"], y_title=labels["y"], height=380)
