"""Presentation mode, chart export names, and the share link with its QR code."""

import plotly.graph_objects as go
import pytest

from tests.apptest import assert_clean, open_page
from ui.display import (
    PRESENT_FONT_SIZE,
    PRESENT_HEIGHT,
    _export_name,
    _for_projector,
    _safe_filename,
)
from ui.i18n import t
from ui.registry import PAGES
from ui.share import qr_png


def test_projector_figures_are_larger_and_thicker_without_touching_the_data():
    fig = go.Figure(go.Scatter(x=[0, 1], y=[1, 2], line={"width": 2}, marker={"size": 6}))
    fig.update_layout(title_text="t")
    big = _for_projector(go.Figure(fig))
    assert big.layout.font.size == PRESENT_FONT_SIZE
    assert big.layout.height == PRESENT_HEIGHT
    assert big.data[0].line.width > 2 and big.data[0].marker.size > 6
    assert list(big.data[0].y) == [1, 2]


def test_export_file_names_are_safe_and_follow_the_language():
    assert _safe_filename("GP prior: RBF (l=0.5)") == "GP-prior-RBF-l-0.5"
    assert _safe_filename("../../etc/passwd") == "etc-passwd"
    assert _safe_filename("<script>") == "script"
    assert _safe_filename("高斯过程先验：样本") == "高斯过程先验-样本"
    assert _safe_filename("///") == "chart"
    fig = go.Figure(layout={"title": {"text": "核函数 k(x, x₀)"}})
    assert _export_name(fig, "gp-kernel") == "核函数-k-x-x₀"
    assert _export_name(go.Figure(), "gp-kernel") == "gp-kernel"


def test_qr_code_is_a_png():
    assert qr_png("http://localhost:8501/gp-priors?seed=3").startswith(b"\x89PNG")


def test_share_link_carries_every_url_parameter():
    at = open_page(None, {"seed": "5", "present": "true", "lang": "zh"})
    assert_clean(at)
    links = [c.value for c in at.sidebar.code]
    assert links and all(p in links[0] for p in ("seed=5", "present=true", "lang=zh"))


def test_presentation_mode_is_a_url_bound_toggle():
    at = open_page(None, {"present": "true"})
    assert at.sidebar.toggle(key="present").value is True
    at = open_page(None, {"present": "maybe"})
    assert at.sidebar.toggle(key="present").value is False
    assert any("present" in w.value for w in at.warning)


def test_csv_export_holds_every_drawn_point_and_skips_helper_traces():
    from ui.charts import traces_table

    fig = go.Figure(
        [
            go.Scatter(x=[0, 1, 2], y=[3, 4, 5], name="mean"),
            go.Scatter(x=[0], y=[0], hoverinfo="skip", name="click grid"),
            go.Heatmap(z=[[1, 2], [3, 4]], x=[10, 20], y=[-1, 1], name="K"),
        ]
    )
    table = traces_table(fig)
    assert list(table.loc[table.trace == "mean", "y"]) == [3, 4, 5]
    assert "click grid" not in set(table.trace)
    heat = table[table.trace == "K"]
    assert list(zip(heat.x, heat.y, heat.z, strict=True)) == [
        (10, -1, 1),
        (20, -1, 2),
        (10, 1, 3),
        (20, 1, 4),
    ]


def test_a_click_grid_is_invisible_clickable_and_left_out_of_exports():
    from ui.charts import traces_table
    from ui.charts.base import CLICK_GRID_NAME, click_grid

    grid = click_grid((-1.0, 1.0, 0.0, 2.0), 5, "click")
    assert len(grid["x"]) == len(grid["y"]) == 25
    assert (min(grid["x"]), max(grid["x"]), min(grid["y"]), max(grid["y"])) == (-1, 1, 0, 2)
    assert grid["marker"]["opacity"] == 0 and grid["name"] == CLICK_GRID_NAME
    fig = go.Figure([go.Scatter(x=[0], y=[1], name="mean"), grid])
    assert set(traces_table(fig).trace) == {"mean"}


@pytest.mark.parametrize("info", PAGES, ids=lambda i: i.name)
def test_presentation_mode_folds_every_pages_controls_into_an_expander(info):
    at = open_page(info.script, {"present": "true"})
    assert_clean(at)
    folded = [e for e in at.expander if e.label == t("display.controls")]
    assert folded, info.name
    assert any(len(e.slider) + len(e.selectbox) + len(e.toggle) for e in folded)


def test_a_link_too_long_for_a_qr_code_gets_a_note_not_a_crash():
    assert qr_png("http://x/?" + "a" * 5000) is None
    at = open_page("gumbel.py", {"junk": "a" * 3000})
    assert_clean(at)
    assert any("QR" in c.value for c in at.sidebar.caption)


def test_projector_figures_make_room_for_a_wrapping_legend_under_the_title():
    from ui.display import _legend_rows

    def figure(names):
        fig = go.Figure([go.Scatter(x=[0], y=[0], name=n) for n in names])
        fig.update_layout(title_text="t", legend={"orientation": "h", "y": 1.02}, margin_t=80)
        return fig

    short, long = figure(["a", "b"]), figure([f"posterior sample number {i}" for i in range(8)])
    assert _legend_rows(short, PRESENT_FONT_SIZE) == 1
    assert _legend_rows(long, PRESENT_FONT_SIZE) >= 4
    assert _legend_rows(figure(["后验均值"] * 12), 24) > _legend_rows(figure(["mean"] * 12), 24)
    big_short, big_long = _for_projector(short), _for_projector(long)
    assert big_long.layout.margin.t > big_short.layout.margin.t >= 80
    assert big_long.layout.title.yref == "container"


def test_projector_figures_keep_invisible_band_edges_invisible():
    fig = go.Figure(go.Scatter(x=[0, 1], y=[1, 2], line={"width": 0}, fill="tonexty"))
    assert _for_projector(fig).data[0].line.width == 0
