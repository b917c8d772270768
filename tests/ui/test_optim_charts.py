"""The gradient-descent figures on values at the edge of float64 (issue 17): no exception, and
nothing infinite in what reaches Plotly."""

from __future__ import annotations

import json
import math

import numpy as np

from core import optim
from tests.apptest import trace_array
from ui.charts import gp as gp_charts
from ui.charts import optim as charts

LABELS = {"title": "t", "f": "f", "field": "field", "click": "click", "x": "x", "y": "y"}


def _spec(fig) -> dict:
    return json.loads(fig.to_json())


def _map(values: np.ndarray, log_min: float | None) -> charts.Map:
    axis = np.linspace(-1.0, 1.0, values.shape[0])
    return charts.Map(axis, axis, values, (-1.0, 1.0, -1.0, 1.0), log_min)


def test_the_colour_bar_of_f_up_to_float64s_limit_has_finite_ticks():
    surf = optim.typed_surface("exp(exp(exp(x))) + 0*y")
    z = optim.landscape(surf, 40).z
    values, log_min = optim.contour_values(surf, z)
    assert log_min is not None and bool((z == math.inf).any())
    bar = charts._colorbar(_map(values.numpy(), log_min), "f")
    assert bar["tickvals"] and np.isfinite(bar["tickvals"]).all()
    assert len(bar["tickvals"]) <= charts.MAX_COLORBAR_TICKS + 1
    # values straight from a caller that did not clean them: inf and the top of float64
    raw = np.array([[0.0, 308.5], [math.inf, math.nan]])
    contour = _spec(charts.map_figure(_map(raw, -1e308), labels=LABELS))["data"][0]
    assert np.isfinite(contour["colorbar"]["tickvals"]).all()


def test_a_loss_spanning_more_than_float64_gets_no_infinite_range():
    curve = charts.Path("adam", np.arange(3), np.array([1.5e308, 0.0, -1.5e308]), "#000000")
    spec = _spec(charts.loss_figure([curve], reference=None, labels=LABELS))
    y_range = spec["layout"]["yaxis"].get("range")
    assert y_range is None or np.isfinite(y_range).all()
    # rounding to 4 decimals scales by 10^4 first: near float64's limit that was inf
    np.testing.assert_array_equal(trace_array(spec["data"][0]["y"]), curve.y)


def test_gp_paths_beyond_float32_stay_finite_at_the_plotting_edge():
    x = np.linspace(-2, 2, 5)
    fig = gp_charts.paths_figure(x, np.full((1, 5), 1e40), labels={**LABELS, "paths": "p"})
    for trace in _spec(fig)["data"]:
        assert np.isfinite(trace_array(trace["y"])).all()
