"""Figures of the Gumbel page: plain arrays and translated labels in, ``go.Figure`` out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from ui.charts.base import PALETTE, finished_figure, panel_title, round_coords

BAR_OPACITY = 0.55
DASHES = ("solid", "dash", "dot", "dashdot")


def _centres(edges) -> np.ndarray:
    edges = np.asarray(edges, dtype=float)
    return (edges[:-1] + edges[1:]) / 2


def _histogram(edges, density, name: str, color: str, **kwargs) -> dict:
    edges = np.asarray(edges, dtype=float)
    return dict(
        type="bar",
        x=round_coords(_centres(edges)),
        y=round_coords(density),
        width=float(edges[1] - edges[0]),
        name=name,
        marker={"color": color, "line": {"width": 0}},
        opacity=BAR_OPACITY,
        **kwargs,
    )


def _line(x, y, name: str, color: str, dash: str = "solid", **kwargs) -> dict:
    return dict(
        type="scatter",
        x=round_coords(x),
        y=round_coords(y),
        mode="lines",
        name=name,
        line={"color": color, "width": 3, "dash": dash},
        **kwargs,
    )


# The two panels of the transform chart, laid out by hand as make_subplots would (column
# widths 0.35 : 0.65, spacing 0.08); it costs more than the rest of the figure.
U_DOMAIN, G_DOMAIN = (0.0, 0.322), (0.402, 1.0)


def _centre(domain: tuple[float, float]) -> float:
    return domain[0] + (domain[1] - domain[0]) / 2


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
    right = {"xaxis": "x2", "yaxis": "y2"}
    top = float(np.max(pdf)) * 1.1
    traces = [
        _histogram(u_edges, u_density, labels["u_hist"], PALETTE[5], xaxis="x", yaxis="y"),
        _histogram(g_edges, g_density, labels["g_hist"], PALETTE[0], **right),
        _line(x, pdf, labels["pdf"], PALETTE[1], **right),
        *(
            _line([value, value], [0, top], name, color, dash, **right)
            for (name, value), color, dash in zip(
                markers.items(), PALETTE[2:], DASHES, strict=False
            )
        ),
    ]
    layout = {
        "xaxis": {"anchor": "y", "domain": U_DOMAIN, "title": {"text": "u"}},
        "yaxis": {"anchor": "x", "domain": (0.0, 1.0), "title": {"text": labels["density"]}},
        "xaxis2": {"anchor": "y2", "domain": G_DOMAIN, "title": {"text": "g"}},
        "yaxis2": {"anchor": "x2", "domain": (0.0, 1.0)},
        "annotations": [
            panel_title(labels["u_title"], _centre(U_DOMAIN)),
            panel_title(labels["g_title"], _centre(G_DOMAIN)),
        ],
    }
    above_titles = {"legend": {"y": 1.14}, "margin": {"t": 110}}  # above the two panel titles
    return finished_figure(traces, layout, height=500, overrides=above_titles)


def cdf_figure(x, exact, empirical, *, labels: Mapping[str, str]) -> go.Figure:
    steps = _line(x, empirical, labels["empirical"], PALETTE[0])
    steps["line"]["shape"] = "hv"  # an empirical cdf is a step function
    traces = [steps, _line(x, exact, labels["exact"], PALETTE[1], "dash")]
    return finished_figure(
        traces, {}, title=labels["title"], x_title="x", y_title=labels["y"], height=420
    )


def maxima_figure(edges, density, x, gumbel_pdf, exact_pdf, *, labels: Mapping[str, str]):
    """Histogram of standardised maxima, the exact density of that statistic, and its
    Gumbel(0, 1) limit."""
    traces = [
        _histogram(edges, density, labels["hist"], PALETTE[0]),
        _line(x, exact_pdf, labels["exact"], PALETTE[2], "dash"),
        _line(x, gumbel_pdf, labels["gumbel"], PALETTE[1]),
    ]
    return finished_figure(
        traces, {"bargap": 0}, title=labels["title"], x_title=labels["x"], y_title=labels["y"]
    )


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
    traces = []
    for (name, values), color in zip(series.items(), PALETTE, strict=False):
        bar = dict(
            type="bar",
            x=list(categories),
            y=round_coords(values),
            name=name,
            marker={"color": color},
        )
        if name in errors:
            bar["error_y"] = {"type": "data", "array": round_coords(errors[name]), "thickness": 2}
        traces.append(bar)
    return finished_figure(
        traces,
        {"barmode": "group"},
        title=title,
        x_title=x_title,
        y_title=y_title,
        height=height,
    )


def running_frequency_figure(ns, freq, probs, categories, *, labels: Mapping[str, str]):
    """Frequencies among the first n samples (log n) converging to dashed softmax levels."""
    freq = np.asarray(freq, dtype=float)
    traces = []
    for i, name in enumerate(categories):
        color = PALETTE[i % len(PALETTE)]
        traces.append(_line(ns, freq[:, i], name, color, legendgroup=name))
        traces.append(
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
    return finished_figure(
        traces,
        {"xaxis": {"type": "log"}},
        title=labels["title"],
        x_title="n",
        y_title=labels["y"],
        height=440,
    )


def stacked_samples_figure(y, categories, *, labels: Mapping[str, str]) -> go.Figure:
    """Each sample is one bar split into its k probabilities."""
    y = np.asarray(y, dtype=float)
    samples = [str(j + 1) for j in range(y.shape[0])]
    traces = [
        dict(
            type="bar",
            x=samples,
            y=round_coords(y[:, i], 3),
            name=name,
            marker={"color": PALETTE[i % len(PALETTE)]},
        )
        for i, name in enumerate(categories)
    ]
    layout = {
        "barmode": "stack",
        "bargap": 0.15,
        "legend": {"traceorder": "normal"},
        "yaxis": {"range": [0, 1]},
    }
    return finished_figure(
        traces,
        layout,
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=420,
    )


def ternary_figure(y, corners: Sequence[str], centre, *, labels: Mapping[str, str]):
    """Samples of a 3-category distribution as points on the probability simplex, with the
    point softmax(logits) marked."""
    y = np.asarray(y, dtype=float)
    traces = [
        dict(
            type="scatterternary",
            a=round_coords(y[:, 0], 3),
            b=round_coords(y[:, 1], 3),
            c=round_coords(y[:, 2], 3),
            mode="markers",
            name=labels["samples"],
            marker={"size": 6, "color": PALETTE[0], "opacity": 0.45},
        ),
        dict(
            type="scatterternary",
            a=[round(float(centre[0]), 4)],
            b=[round(float(centre[1]), 4)],
            c=[round(float(centre[2]), 4)],
            mode="markers",
            name=labels["softmax"],
            marker={"size": 16, "color": PALETTE[1], "symbol": "x"},
        ),
    ]
    layout = {
        "ternary": {
            "aaxis": {"title": {"text": corners[0]}, "min": 0},
            "baxis": {"title": {"text": corners[1]}, "min": 0},
            "caxis": {"title": {"text": corners[2]}, "min": 0},
        }
    }
    return finished_figure(traces, layout, title=labels["title"], height=480)


def entropy_figure(taus, entropies: Mapping[str, Sequence[float]], tau, max_entropy, *, labels):
    """E[H(y)] against tau (log axis): one curve per named series, the current tau marked,
    and the entropy log k of the uniform distribution as a ceiling."""
    traces = [
        _line(taus, values, name, color, dash)
        for (name, values), color, dash in zip(entropies.items(), PALETTE, DASHES, strict=False)
    ]
    ceiling, tau = float(max_entropy), float(tau)
    # the shapes and label fig.add_hline / add_vline would add, across the plot area
    layout = {
        "xaxis": {"type": "log"},
        "shapes": [
            {
                "type": "line",
                "xref": "x domain",
                "x0": 0,
                "x1": 1,
                "yref": "y",
                "y0": ceiling,
                "y1": ceiling,
                "line": {"color": "gray", "dash": "dot"},
            },
            {
                "type": "line",
                "xref": "x",
                "x0": tau,
                "x1": tau,
                "yref": "y domain",
                "y0": 0,
                "y1": 1,
                "line": {"color": PALETTE[3], "width": 2},
            },
        ],
        "annotations": [
            {
                "text": labels["ceiling"],
                "showarrow": False,
                "xref": "x domain",
                "x": 1,
                "xanchor": "right",
                "yref": "y",
                "y": ceiling,
                "yanchor": "top",
            }
        ],
    }
    return finished_figure(
        traces, layout, title=labels["title"], x_title="τ", y_title=labels["y"], height=440
    )


def annealing_figure(steps, taus, sharpness, *, labels: Mapping[str, str]) -> go.Figure:
    """The schedule tau_t (left axis) and the mean largest probability max_i y_i (right)."""
    traces = [
        _line(steps, taus, labels["tau"], PALETTE[0], xaxis="x", yaxis="y"),
        _line(steps, sharpness, labels["sharpness"], PALETTE[1], "dash", xaxis="x", yaxis="y2"),
    ]
    top = max(1.0, float(np.max(taus))) * 1.05
    # a secondary y axis laid out as make_subplots(specs=[[{"secondary_y": True}]]) does
    layout = {
        "xaxis": {"anchor": "y", "domain": (0.0, 0.94)},
        "yaxis": {"anchor": "x", "domain": (0.0, 1.0), "title": {"text": "τ_t"}, "range": [0, top]},
        "yaxis2": {
            "anchor": "x",
            "overlaying": "y",
            "side": "right",
            "title": {"text": labels["sharpness_axis"]},
            "range": [0, 1.05],
            "showgrid": False,
        },
    }
    return finished_figure(traces, layout, title=labels["title"], x_title=labels["x"], height=440)


def heatmap_figure(y, categories, *, labels: Mapping[str, str]) -> go.Figure:
    """One sample per step: categories down, steps across, probability as colour."""
    y = np.asarray(y, dtype=float)
    trace = dict(
        type="heatmap",
        z=round_coords(y.T, 3),
        x=np.arange(y.shape[0]),
        y=list(categories),
        zmin=0,
        zmax=1,
        colorscale="Viridis",  # plain_figure sends its stops
        colorbar={"title": {"text": "y_i"}},
    )
    return finished_figure(
        [trace],
        {"yaxis": {"type": "category"}},
        title=labels["title"],
        x_title=labels["x"],
        y_title=labels["y"],
        height=380,
    )
