"""How charts and controls are shown: one `chart()` for every page, and presentation mode.

Presentation mode (a sidebar toggle, ``?present=true``) is for the projector: larger fonts,
thicker lines, charts as tall as the screen, the page's controls folded into an expander.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
import zlib
from typing import TYPE_CHECKING

import plotly.graph_objects as go
import streamlit as st

from ui.charts import FONT_SIZE, traces_table
from ui.charts.base import axis_fonts
from ui.i18n import t

if TYPE_CHECKING:
    import pandas as pd

PRESENT_KEY = "present"
PRESENT_FONT_SIZE = 26
PRESENT_HEIGHT = 820
# Width (px) a chart's legend is assumed to wrap at: half the main column on a 1920 px screen,
# since most charts share a row with another.
LEGEND_WIDTH = 700
# Static CSS only (never user content): larger text for the back of the hall.
_PRESENT_CSS = """
<style>
[data-testid="stMain"] p, [data-testid="stMain"] li { font-size: 1.35rem; }
[data-testid="stMain"] .katex { font-size: 1.6em; }
[data-testid="stMain"] h1 { font-size: 3.2rem; }
</style>
"""


def presenting() -> bool:
    return bool(st.session_state.get(PRESENT_KEY, False))


def apply_presentation_css() -> None:
    if presenting():
        st.html(_PRESENT_CSS)


def controls(label_key: str = "display.controls"):
    """Where a page puts its controls: folded away in presentation mode."""
    if presenting():
        return st.expander(t(label_key), icon=":material/tune:", expanded=False)
    return st.container()


def control_columns(spec, **kwargs) -> list:
    """``st.columns(spec)`` for a row of controls, inside `controls()`."""
    return controls().columns(spec, **kwargs)


def controls_beside_chart(chart_width: float) -> tuple:
    """(controls, chart) containers: side by side, the chart ``chart_width`` times as wide;
    in presentation mode the controls fold above a full-width chart."""
    if presenting():
        return controls(), st.container()
    return tuple(st.columns([1, chart_width], gap="large"))


def _text_width(text: str, font_size: float) -> float:
    """Rough rendered width in px: CJK characters are about twice as wide as Latin ones."""
    return sum(font_size * (1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55) for c in text)


def _legend_rows(fig: go.Figure, font_size: float, width: float = LEGEND_WIDTH) -> int:
    """How many rows a horizontal legend of this figure wraps into at ``width`` px."""
    rows, used = 0, width
    for trace in fig.data:
        if trace.showlegend is False or not trace.name or trace.visible is False:
            continue
        entry = _text_width(trace.name, font_size) + 2.5 * font_size  # symbol and gaps
        if used + entry > width:
            rows, used = rows + 1, 0.0
        used += entry
    return rows


def _for_projector(fig: go.Figure) -> go.Figure:
    scale = PRESENT_FONT_SIZE / FONT_SIZE
    fig.update_layout(
        font_size=PRESENT_FONT_SIZE,
        height=PRESENT_HEIGHT,
        legend_font_size=PRESENT_FONT_SIZE - 2,
        **axis_fonts(fig, PRESENT_FONT_SIZE - 2, PRESENT_FONT_SIZE),
    )
    titled = bool(fig.layout.title and fig.layout.title.text)
    if titled:
        fig.update_layout(
            title={"font": {"size": PRESENT_FONT_SIZE + 6}, "yref": "container", "y": 0.99},
            title_yanchor="top",
        )
    legend = fig.layout.legend
    if fig.layout.showlegend is not False and legend.orientation == "h" and (legend.y or 0) > 1:
        # A legend above the plot grows upwards as it wraps: make room for it under the title.
        rows = _legend_rows(fig, PRESENT_FONT_SIZE - 2)
        top = (PRESENT_FONT_SIZE * 2.4 if titled else 10) + rows * PRESENT_FONT_SIZE * 1.5 + 20
        fig.update_layout(margin_t=max(top, fig.layout.margin.t or 0))
    for trace in fig.data:
        line = getattr(trace, "line", None)
        if line is not None and "width" in line:
            # Band edges are drawn with width 0 and must stay invisible.
            trace.line.width = (2 if line.width is None else line.width) * scale
        marker = getattr(trace, "marker", None)
        if marker is not None and "size" in marker and isinstance(marker.size, int | float):
            trace.marker.size = marker.size * scale
    return fig


def _safe_filename(name: str) -> str:
    """Letters of any script, digits, dot, dash: no path separators, no markup."""
    return re.sub(r"[^\w.-]+", "-", name).strip("-.")[:80] or "chart"


def _export_name(fig: go.Figure, fallback: str) -> str:
    """Exports are named after the chart's title, so they come out in the page's language."""
    title = fig.layout.title.text if fig.layout.title else None
    return _safe_filename(title or fallback)


def chart(
    fig: go.Figure,
    *,
    key: str,
    filename: str,
    data: pd.DataFrame | None = None,
    **plotly_chart_kwargs,
):
    """Draw a figure the lab's way: projector-ready, PNG export for slides, CSV of its data.

    Exports are named after the chart's title (``filename`` when it has none). The CSV
    holds ``data`` when given, else every point the figure draws; it is built only
    when someone clicks the button. Returns what ``st.plotly_chart`` returns (the selection
    when ``on_select`` is given).
    """
    if presenting():
        fig = _for_projector(go.Figure(fig))
    name = _export_name(fig, filename)
    config = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "filename": name, "scale": 3},
    }
    event = st.plotly_chart(
        fig, theme="streamlit", width="stretch", key=key, config=config, **plotly_chart_kwargs
    )
    table = (lambda: data) if data is not None else (lambda: traces_table(fig))
    st.download_button(
        t("display.csv"),
        data=lambda: table().to_csv(index=False).encode(),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"{key}_csv",
        icon=":material/download:",
        help=t("display.csv.help"),
        type="tertiary",
        on_click="ignore",
    )
    return event


def clicked_point(chart_key: str) -> tuple[float, float] | None:
    """(x, y) of the marker last clicked on the chart drawn with ``key=chart_key`` and
    ``on_select`` (a `click_grid` makes that anywhere on the plot); None if there is none."""
    selection = st.session_state.get(chart_key) or {}
    for point in selection.get("selection", {}).get("points", []):
        x, y = point.get("x"), point.get("y")
        if isinstance(x, int | float) and isinstance(y, int | float):
            return float(x), float(y)
    return None


@st.cache_resource(max_entries=128, show_spinner=False)
def _built(module: str, builder: str, *args, **kwargs) -> go.Figure:
    """Figures built once per (builder, data, labels) and then shared read-only between
    reruns and sessions: building a Plotly figure (mostly its validation) costs 10-30 ms,
    handing a built one to st.plotly_chart about 2 ms. Nothing mutates them afterwards
    (presentation mode draws a copy)."""
    return getattr(importlib.import_module(module), builder)(*args, **kwargs)


def built_chart(
    builder,
    *args,
    key_prefix: str,
    file_prefix: str,
    key: str | None = None,
    filename: str | None = None,
    chart_kwargs: dict | None = None,
    **kwargs,
):
    """Draw ``builder(*args, **kwargs)`` (a ``ui.charts`` builder), built once and cached.

    Unless given, the key comes from the builder and its labels: stable across reruns,
    distinct between the charts of a tab; so does the export's file name (unless a title
    names it). ``chart_kwargs`` go to `chart` (e.g. ``on_select``).
    """
    fig = _built(builder.__module__, builder.__name__, *args, **kwargs)
    name = builder.__name__.removesuffix("_figure")
    texts = repr(sorted((k, v) for k, v in kwargs.items() if isinstance(v, str | dict)))
    key = key or f"{key_prefix}_{name}_{zlib.crc32(texts.encode()):08x}"
    filename = filename or f"{file_prefix}-{name}"
    return chart(fig, key=key, filename=filename, **(chart_kwargs or {}))


class Plotter:
    """`built_chart` with a page's key and file-name prefixes: ``PLOT = Plotter("gp",
    "gp-prior")`` once per page, then ``PLOT(charts.paths_figure, x, f, labels=...)``."""

    def __init__(self, key_prefix: str, file_prefix: str) -> None:
        self.key_prefix, self.file_prefix = key_prefix, file_prefix

    def __call__(self, builder, *args, **kwargs):
        return built_chart(
            builder, *args, key_prefix=self.key_prefix, file_prefix=self.file_prefix, **kwargs
        )
