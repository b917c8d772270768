"""The look every chart shares, tuned for a projector at the back of a lecture hall."""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

FONT_SIZE = 16
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


def finish(
    fig: go.Figure,
    *,
    title: str | None = None,
    x_title: str | None = None,
    y_title: str | None = None,
    height: int = 520,
    legend: bool = True,
) -> go.Figure:
    """Apply the shared layout: large fonts, axis titles, a legend above the plot."""
    fig.update_layout(
        title={"text": title, "font": {"size": FONT_SIZE + 4}} if title else None,
        font={"family": FONT_FAMILY, "size": FONT_SIZE},
        height=height,
        margin={"l": 70, "r": 30, "t": 80 if title else 40, "b": 60},
        showlegend=legend,
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        hoverlabel={"font": {"size": FONT_SIZE}},
    )
    if x_title is not None:
        fig.update_xaxes(title_text=x_title)
    if y_title is not None:
        fig.update_yaxes(title_text=y_title)
    return fig


def round_coords(values, digits: int = 4) -> np.ndarray:
    """Coordinates rounded to what a screen can show: smaller JSON payloads, same picture."""
    return np.round(np.asarray(values, dtype=float), digits)
