"""The look every chart shares, tuned for a projector at the back of a lecture hall."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

if TYPE_CHECKING:
    import pandas as pd

FONT_SIZE = 16
# Streamlit's chart theme sets its own small tick, axis-title and legend fonts (12.75 px):
# they must be set explicitly to stay readable from the back of a lecture hall.
TICK_SIZE = 15
# A CJK-capable stack so Chinese titles and legends render wherever the browser has a CJK font.
FONT_FAMILY = (
    "'Source Sans Pro', 'Source Sans 3', 'Noto Sans CJK SC', 'Noto Sans SC', "
    "'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif"
)
# Colour-blind-safe (Okabe-Ito), readable on both white and dark backgrounds.
PALETTE = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#F0E442",
    "#000000",
)


def named_colorscale(name: str) -> list[list]:
    """A Plotly colour scale name ("Blues", "Viridis", "RdBu_r") as explicit stops, as a
    validated figure sends it. ``plain_figure`` must not send the name: plotly.js knows no
    "_r" reversals and draws some names ("Blues") with other colours than Python's."""
    return [list(stop) for stop in go.Heatmap(colorscale=name).colorscale]


def plain_figure(traces: list[dict], layout: dict) -> go.Figure:
    """A figure from plain dicts without plotly's per-property validation, which costs more
    than the rest of a rerun for a chart drawn on every rerun (the tests validate every
    figure). Streamlit's default template is attached as the object it already is: plotly
    would otherwise copy and check it again for every figure."""
    layout = {"template": pio.templates[pio.templates.default], **layout}
    traces = [_explicit_scales(trace) for trace in traces]
    return go.Figure({"data": traces, "layout": layout}, _validate=False)


def _explicit_scales(trace: dict) -> dict:
    """The trace with any colour scale given by name (its own or its markers') expanded."""
    if isinstance(trace.get("colorscale"), str):
        trace = {**trace, "colorscale": named_colorscale(trace["colorscale"])}
    marker = trace.get("marker")
    if isinstance(marker, dict) and isinstance(marker.get("colorscale"), str):
        scale = named_colorscale(marker["colorscale"])
        trace = {**trace, "marker": {**marker, "colorscale": scale}}
    return trace


def finished_figure(
    traces: list[dict],
    layout: dict,
    *,
    title: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 520,
    legend: bool = True,
    overrides: dict | None = None,
) -> go.Figure:
    """A plain figure with the look every chart shares: large fonts, axis titles, a legend
    above the plot. The look is merged into the layout dict before the figure exists: Plotly's
    ``update_layout`` on a built figure costs ~20 ms per figure, even unvalidated.
    ``overrides`` are merged last, over the shared look (a legend placed elsewhere, a wider
    margin)."""
    shared = {
        "title": {"text": title, "font": {"size": FONT_SIZE + 4}} if title else None,
        "font": {"family": FONT_FAMILY, "size": FONT_SIZE},
        "height": height,
        "margin": {"l": 70, "r": 30, "t": 80 if title else 40, "b": 60},
        "showlegend": legend,
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.02,
            "x": 0,
            "font": {"size": TICK_SIZE},
        },
        "hoverlabel": {"font": {"size": FONT_SIZE}},
    }
    for kind, text in (("xaxis", x_title), ("yaxis", y_title)):
        # as Plotly does, the first axis of each kind exists whether or not the layout names it
        for name in [kind, *(k for k in layout if k.startswith(kind) and k != kind)]:
            shared[name] = {"tickfont": {"size": TICK_SIZE}, "title": {"font": {"size": FONT_SIZE}}}
            if text is not None:
                shared[name]["title"]["text"] = text
    return plain_figure(traces, _merged(_merged(layout, shared), overrides or {}))


def panel_title(text: str, x: float, *, size: float = FONT_SIZE + 2) -> dict:
    """A title centred at ``x`` (paper coordinates) above a panel, as make_subplots places it."""
    return {
        "text": text,
        "x": x,
        "y": 1.0,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": size},
    }


def _merged(base: dict, update: dict) -> dict:
    """``base`` updated by ``update`` as ``update_layout`` does: nested dicts merge, other
    values (None too) replace."""
    out = dict(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merged(out[key], value)
        else:
            out[key] = value
    return out


def _axes(fig: go.Figure, kind: str) -> list[str]:
    """Names of the figure's 2D axes of one kind ("xaxis", "xaxis2", ...)."""
    names = [k for k in fig.layout if k.startswith(kind) and fig.layout[k] is not None]
    return names or [kind]


def axis_fonts(fig: go.Figure, tick_size: float, title_size: float) -> dict:
    """Layout entries setting tick labels and titles of every 2D axis to these sizes."""
    return {
        name: {"tickfont": {"size": tick_size}, "title": {"font": {"size": title_size}}}
        for kind in ("xaxis", "yaxis")
        for name in _axes(fig, kind)
    }


def round_coords(values, digits: int = 4) -> np.ndarray:
    """Coordinates rounded to what a screen can show, as float32: Plotly sends numpy arrays
    as base64 binary, so it is the dtype, not the rounding, that halves the payload.
    Values beyond float32's range (exploding gradients) keep float64 rather than turn inf."""
    values = np.asarray(values, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        rounded = np.round(values, digits)
    # np.round scales by 10^digits first, so |v| near float64's limit would become inf.
    rounded = np.where(np.isinf(rounded) & np.isfinite(values), values, rounded)
    finite = rounded[np.isfinite(rounded)]
    if finite.size and np.abs(finite).max() > np.finfo(np.float32).max:
        return rounded
    return rounded.astype(np.float32)


def round_significant(values, digits: int = 4) -> list[float]:
    """Rounded to significant digits, not decimals: what a log axis needs (1e-9 must not
    become 0)."""
    return [float(f"{v:.{digits}g}") for v in np.asarray(values, dtype=float)]


# Streamlit reports clicks on markers only, never on empty plot area: a grid of invisible
# markers over the plot makes "click anywhere" work. The name lets exports leave it out.
CLICK_GRID_NAME = "click-grid"


def click_grid(bounds: tuple[float, float, float, float], n: int, hover: str) -> dict:
    """An n x n grid of invisible, clickable markers over (x_lo, x_hi, y_lo, y_hi), as a trace
    dict; ``hover`` is the line shown under the coordinates."""
    x_lo, x_hi, y_lo, y_hi = bounds
    gx, gy = np.meshgrid(np.linspace(x_lo, x_hi, n), np.linspace(y_lo, y_hi, n))
    return dict(
        type="scattergl",
        x=round_coords(gx.ravel(), 3),
        y=round_coords(gy.ravel(), 3),
        mode="markers",
        name=CLICK_GRID_NAME,
        marker={"size": 10, "opacity": 0, "color": "#000000"},
        selected={"marker": {"opacity": 0}},
        unselected={"marker": {"opacity": 0}},
        hovertemplate="(%{x:.2f}, %{y:.2f})<br>" + hover + "<extra></extra>",
        showlegend=False,
    )


def traces_table(fig: go.Figure) -> pd.DataFrame:
    """The numbers a figure draws, one row per point: trace, x, y (and z), for CSV export.

    Helper traces that take no hover (click grids, guides) are left out; a heat map's z grid
    is flattened against its x and y coordinates.
    """
    import pandas as pd  # ~0.5 s to import: not on the home page's first run after a restart

    frames = []
    for i, trace in enumerate(fig.data):
        if (
            trace.visible is False
            or getattr(trace, "hoverinfo", None) == "skip"
            or trace.name == CLICK_GRID_NAME
        ):
            continue
        name = trace.name or f"trace {i + 1}"
        columns = {c: getattr(trace, c, None) for c in ("x", "y", "z", "a", "b", "c")}
        z = columns["z"]
        if z is not None and np.ndim(z) == 2:
            z = np.asarray(z, dtype=float)
            xs = np.arange(z.shape[1]) if columns["x"] is None else np.asarray(columns["x"])
            ys = np.arange(z.shape[0]) if columns["y"] is None else np.asarray(columns["y"])
            if xs.ndim == 1 and ys.ndim == 1 and len(xs) == z.shape[1] and len(ys) == z.shape[0]:
                gx, gy = np.meshgrid(xs, ys)
                columns = {"x": gx.ravel(), "y": gy.ravel(), "z": z.ravel()}
            else:
                continue
        present = {k: np.asarray(v).ravel() for k, v in columns.items() if v is not None}
        if not present or len({len(v) for v in present.values()}) != 1:
            continue
        frame = pd.DataFrame(present)
        frame.insert(0, "trace", name)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()
