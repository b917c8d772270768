"""Plotly figure builders: plain data in, ``go.Figure`` out. Never imports streamlit.

``ui.charts.base`` holds the look shared by every chart (projector-sized fonts, labelled axes,
legends); each topic has its own module of builders (``ui.charts.gumbel`` and so on).
"""

from ui.charts.base import (
    FONT_FAMILY,
    FONT_SIZE,
    PALETTE,
    finished_figure,
    round_coords,
    traces_table,
)

__all__ = ["FONT_FAMILY", "FONT_SIZE", "PALETTE", "finished_figure", "round_coords", "traces_table"]
