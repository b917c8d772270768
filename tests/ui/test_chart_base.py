"""The shared chart look: ``finished_figure`` merges it into the layout dict, and draws exactly
what Plotly's own ``update_layout`` of the built figure would (the slow path it replaces)."""

from __future__ import annotations

import copy
import json

import plotly
import plotly.graph_objects as go
import pytest

from ui.charts.base import FONT_SIZE, finished_figure, named_colorscale, plain_figure
from ui.charts.distributions import _MARGINAL_2D_AXES

TRACES = [{"type": "scatter", "x": [1.0, 2.0], "y": [3.0, 4.0], "name": "a"}]
LAYOUTS = {
    "empty": {},
    "ranges and a title of its own": {
        "xaxis": {"range": [0, 1]},
        "yaxis": {"title": {"text": "old"}},
        "title": {"text": "kept?"},
        "margin": {"l": 5},
        "legend": {"x": 0.5},
    },
    "marginal axes": _MARGINAL_2D_AXES,
    "a 3D scene": {"scene": {"xaxis": {"title": {"text": "x"}}}},
}
FINISHES = {
    "defaults": {},
    "everything": {"title": "T", "x_title": "X", "y_title": "Y", "height": 300, "legend": False},
    "x title only": {"x_title": "X"},
}


def _drawn(fig) -> dict:
    """The figure as the browser gets it; a null property is the same as an absent one."""

    def clean(value):
        if isinstance(value, dict):
            return {k: clean(v) for k, v in value.items() if v is not None}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value

    return clean(json.loads(json.dumps(fig, cls=plotly.utils.PlotlyJSONEncoder)))


OVERRIDES = {"legend": {"y": -0.12, "yanchor": "top"}, "margin": {"b": 130}}


def _look(layout: dict, finish_args: dict) -> dict:
    """The shared look alone, for a figure with the axes of ``layout``."""
    axes = {k: {} for k in layout if k.startswith(("xaxis", "yaxis"))}
    look = finished_figure([], axes, **finish_args).layout.to_plotly_json()
    look.pop("template")
    look.setdefault("title", None)  # no title is part of the look (Plotly drops the null here)
    return look


@pytest.mark.parametrize("finish_args", FINISHES.values(), ids=FINISHES)
@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS)
def test_merging_the_look_is_what_update_layout_does(layout, finish_args):
    slow = plain_figure(TRACES, copy.deepcopy(layout)).update_layout(_look(layout, finish_args))
    fast = finished_figure(TRACES, copy.deepcopy(layout), **finish_args)
    assert _drawn(fast) == _drawn(slow)
    slow.update_layout(OVERRIDES)
    fast = finished_figure(TRACES, copy.deepcopy(layout), overrides=OVERRIDES, **finish_args)
    assert _drawn(fast) == _drawn(slow)


def test_the_look_is_large_fonts_titles_and_a_legend_above_the_plot():
    look = _look({}, {"title": "T", "x_title": "X", "height": 300})
    assert look["title"] == {"text": "T", "font": {"size": FONT_SIZE + 4}}
    assert look["font"]["size"] == FONT_SIZE and look["height"] == 300
    assert look["xaxis"]["title"] == {"text": "X", "font": {"size": FONT_SIZE}}
    assert look["legend"]["orientation"] == "h" and look["legend"]["y"] > 1


def test_the_layout_passed_in_is_left_untouched():
    layout = copy.deepcopy(_MARGINAL_2D_AXES)
    finished_figure(TRACES, layout, title="T", x_title="X")
    assert layout == _MARGINAL_2D_AXES


def test_every_axis_gets_projector_fonts_and_the_title():
    fig = finished_figure(TRACES, copy.deepcopy(_MARGINAL_2D_AXES), y_title="Y")
    for name in ("yaxis", "yaxis2", "yaxis3"):
        assert fig.layout[name].title.font.size == FONT_SIZE
        assert fig.layout[name].title.text == "Y"


@pytest.mark.parametrize("name", ["Blues", "Blues_r", "Viridis", "RdBu_r"])
def test_a_plain_figure_sends_named_colour_scales_as_a_validated_figure_does(name):
    # plotly.js has no "Blues_r" (it would fall back to its default) and its own "Blues"
    # differs from Python's: the stops must be sent, exactly as validation expands them.
    validated = go.Figure(go.Heatmap(z=[[0, 1]], colorscale=name), layout={"template": "none"})
    expected = _drawn(validated)["data"][0]["colorscale"]
    traces = [
        {"type": "heatmap", "z": [[0, 1]], "colorscale": name},
        {"type": "scatter", "x": [0], "y": [0], "marker": {"color": [1], "colorscale": name}},
    ]
    heatmap, scatter = _drawn(plain_figure(traces, {}))["data"]
    assert heatmap["colorscale"] == scatter["marker"]["colorscale"] == expected
    assert traces[0]["colorscale"] == name  # the caller's dicts are left as they were
    assert named_colorscale(name) == expected
