"""What the gradient-descent views share: the chosen surface as a hashable value, the learning
rate and momentum controls of the descent and basins tabs, the start and probe points (typed,
or set by a click on the map), and the map's and the 3D surface's chart blocks."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np
import streamlit as st

from core import optim
from ui import display
from ui.charts import optim as charts
from ui.controls import LogSlider, Number, Slider
from ui.i18n import t

PLOT = display.Plotter("gd_chart", "gd")
POINT_LIMIT = 10.0  # typed start and probe coordinates
POINT_STEP = 0.1


def _point(help: str, *axes: tuple[str, str]) -> tuple[Number, ...]:
    """The x and y boxes of a point: (URL key, label) each; the defaults are the chosen
    surface's own (`point_inputs`)."""
    return tuple(
        Number(
            key=key,
            label=label,
            help=help,
            low=-POINT_LIMIT,
            high=POINT_LIMIT,
            default=0.0,
            step=POINT_STEP,
        )
        for key, label in axes
    )


PROBE = _point("gd.probe.help", ("gd_px", "gd.probe.x"), ("gd_py", "gd.probe.y"))
START = _point("gd.start.help", ("gd_x0", "gd.start.x"), ("gd_y0", "gd.start.y"))
# The learning rate defaults to the chosen surface's own (`Surface.lr`).
LR = LogSlider(key="gd_lr", label="gd.lr.label", help="gd.lr.help", low=1e-4, high=10.0,
               default=optim.surface("bowl").lr)  # fmt: skip
BASIN_LR = replace(LR, key="gd_b_lr")
BETA1 = Slider(key="gd_beta1", label="gd.beta1.label", help="gd.beta1.help", low=0.0, high=0.99,
               default=0.9, step=0.01)  # fmt: skip
BASIN_BETA1 = replace(BETA1, key="gd_b_beta")
OPTIMIZER_LABELS = {
    "gd": "gd.opt.gd",
    "momentum": "gd.opt.momentum",
    "nesterov": "gd.opt.nesterov",
    "rmsprop": "gd.opt.rmsprop",
    "adam": "gd.opt.adam",
}


@dataclass(frozen=True)
class SurfaceChoice:
    """The chosen surface as a small, hashable cache key: only the fields its kind reads."""

    name: str
    kappa: float = 0.0
    text: str = ""
    width: float = 0.0

    @classmethod
    def of(cls, name: str, kappa: float, text: str, width: float) -> SurfaceChoice:
        if name == "typed":
            return cls(name, text=text, width=float(width))
        return cls(name, kappa=float(kappa) if name == "bowl" else 0.0)

    def build(self) -> optim.Surface:
        if self.name == "typed":
            return optim.typed_surface(self.text, self.width)
        return (
            optim.surface(self.name, self.kappa)
            if self.name == "bowl"
            else optim.surface(self.name)
        )


@dataclass(frozen=True)
class Landscape:
    """The surface as the charts draw it: the contour ``map``, f on its grid (``z``) with the
    3D view's ``ceiling``, the map's ``gaps`` and the steepest-descent ``field``."""

    map: charts.Map
    z: np.ndarray
    ceiling: float | None
    gaps: optim.Gaps
    field: tuple[np.ndarray, ...]


@dataclass(frozen=True)
class Chosen:
    """What every tab draws on: the surface chosen above the tabs and whether to add 3D."""

    choice: SurfaceChoice
    surf: optim.Surface
    landscape: Landscape
    show_3d: bool


def fmt(x: float) -> str:
    return f"{x:.4g}" if math.isfinite(x) else str(x)


def set_point(controls: tuple[Number, Number], point: tuple[float, float]) -> None:
    for control, value in zip(controls, point, strict=True):
        st.session_state[control.key] = round(min(max(value, control.low), control.high), 4)


def point_inputs(controls: tuple[Number, Number], default: tuple[float, float]):
    """(x, y) typed in two boxes side by side, starting at ``default``."""
    columns = st.columns(2)
    return tuple(
        float(replace(control, default=float(value)).draw(column, format="%.4g"))
        for control, value, column in zip(controls, default, columns, strict=True)
    )


def clickable_map(key: str, points: tuple[Number, Number], *args, **kwargs) -> None:
    """`charts.map_figure`, built once and cached; a click on it moves the point ``points``
    there."""
    PLOT(
        charts.map_figure,
        *args,
        key=key,
        chart_kwargs={"on_select": _click_sets(key, points), "selection_mode": "points"},
        **kwargs,
    )


def _click_sets(chart_key: str, points: tuple[Number, Number]):
    """A callback: a click on the chart (on its invisible grid) moves the point there."""

    def callback() -> None:
        point = display.clicked_point(chart_key)
        if point is not None:
            set_point(points, point)

    return callback


def map_labels(title: str) -> dict[str, str]:
    return {
        "title": title,
        "f": "f(x, y)",
        "field": t("gd.chart.field"),
        "click": t("gd.chart.click"),
    }


def minima_marker(surf: optim.Surface) -> list[charts.Marker]:
    if not surf.minima:
        return []
    return [
        charts.Marker(t("gd.chart.minima"), surf.minima, charts.MINIMUM_COLOR, "x-thin-open", 14)
    ]


def outside_note(surf: optim.Surface, point: tuple[float, float]) -> None:
    x_lo, x_hi, y_lo, y_hi = surf.bounds
    if not (x_lo <= point[0] <= x_hi and y_lo <= point[1] <= y_hi):
        st.caption(t("gd.outside"))


def surface_3d(landscape: Landscape, paths=(), markers=()) -> None:
    PLOT(
        charts.surface_figure,
        landscape.map.xs,
        landscape.map.ys,
        landscape.z,
        landscape.ceiling,
        labels={"title": t("gd.3d.chart"), "f": "f(x, y)"},
        paths=tuple(paths),
        markers=tuple(markers),
    )
    st.caption(t("gd.3d.caption"))
