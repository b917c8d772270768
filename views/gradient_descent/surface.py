"""Above the tabs: the surface f(x, y) every tab works on (a built-in one, or a typed
formula on a window), its formula and what its map leaves blank; then the tabs, each drawn on
the chosen surface."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import optim
from core.errors import InputError
from core.expression import FUNCTIONS
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import optim as charts
from ui.controls import LogSlider, Select, Slider, Text, Toggle
from ui.i18n import t
from views.gradient_descent import common
from views.gradient_descent.common import Chosen, Landscape, SurfaceChoice

GRID = 80  # contour grid per axis
ARROWS = 15  # gradient-field arrows per axis
SURFACE_LABELS = {
    "bowl": "gd.surface.bowl",
    "rosenbrock": "gd.surface.rosenbrock",
    "himmelblau": "gd.surface.himmelblau",
    "gaussians": "gd.surface.gaussians",
    "saddle": "gd.surface.saddle",
    "monkey_saddle": "gd.surface.monkey_saddle",
    "typed": "gd.surface.typed",
}
SURFACE_CAPTIONS = {
    "bowl": "gd.surface.bowl.caption",
    "rosenbrock": "gd.surface.rosenbrock.caption",
    "himmelblau": "gd.surface.himmelblau.caption",
    "gaussians": "gd.surface.gaussians.caption",
    "saddle": "gd.surface.saddle.caption",
    "monkey_saddle": "gd.surface.monkey_saddle.caption",
    "typed": "gd.surface.typed.caption",
}
SURFACE = Select(key="gd_surface", label="gd.surface.label", help="gd.surface.help",
                 options=SURFACE_LABELS, default="bowl")  # fmt: skip
KAPPA = LogSlider(key="gd_kappa", label="gd.kappa.label", help="gd.kappa.help", low=1.0,
                  high=100.0, default=50.0)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class FormulaText(Text):
    """The formula box: its tooltip lists the functions a formula may use."""

    def help_params(self) -> dict[str, object]:
        return {"functions": ", ".join(FUNCTIONS)}


EXPRESSION = FormulaText(key="gd_expr", label="gd.expr.label", help="gd.expr.help",
                  default="sin(x) * cos(y) + 0.1 * (x**2 + y**2)",
                  examples=("abs(x) + max(y, 0)", "x"))  # fmt: skip
WIDTH = Slider(key="gd_width", label="gd.width.label", help="gd.width.help", low=1.0, high=10.0,
               default=4.0, step=0.5)  # fmt: skip
SHOW_3D = Toggle(key="gd_3d", label="gd.3d.label", help="gd.3d.help")


def choose() -> Chosen:
    """The surface controls, the formula and the gaps note; an `InputError` when the surface
    cannot be built (the page shows it and draws nothing below)."""
    with display.controls():
        c1, c2, c3, c4 = st.columns([1.3, 2.4, 1.0, 0.8], gap="medium")
        name = SURFACE.draw(c1, on_change=_surface_defaults)
        kappa, text, width = KAPPA.default, EXPRESSION.default, WIDTH.default
        if name == "bowl":
            kappa = KAPPA.draw(c2)
        elif name == "typed":
            text = EXPRESSION.draw(c2)
            width = WIDTH.draw(c3, on_change=_surface_defaults)
        show_3d = SHOW_3D.draw(c4)
    choice = SurfaceChoice.of(name, kappa, text, width)
    surf = choice.build()
    landscape = _landscape(choice)
    widgets.formula(surf.latex, t(SURFACE_CAPTIONS[surf.name]))
    _gaps_note(landscape.gaps)
    return Chosen(choice, surf, landscape, show_3d)


def _surface_defaults() -> None:
    """A new surface starts from its own start, probe and learning rate (control callback)."""
    state = st.session_state
    choice = SurfaceChoice.of(
        state.get(SURFACE.key, SURFACE.default),
        float(state.get(KAPPA.key, KAPPA.default)),
        str(state.get(EXPRESSION.key, EXPRESSION.default)),
        float(state.get(WIDTH.key, WIDTH.default)),
    )
    try:
        surf = choice.build()
    except InputError:
        return  # a formula that does not parse leaves everything where it was
    common.set_point(common.START, surf.start)
    common.set_point(common.PROBE, surf.probe)
    for lr in (common.LR, common.BASIN_LR):
        state[lr.key] = f"{surf.lr:g}"


@cached_view(max_entries=32)
def _landscape(choice: SurfaceChoice) -> Landscape:
    surf = choice.build()
    grid = optim.landscape(surf, GRID)
    values, log_min = optim.contour_values(surf, grid.z)
    return Landscape(
        charts.Map(grid.xs.numpy(), grid.ys.numpy(), values.numpy(), surf.bounds, log_min),
        grid.z,
        optim.display_ceiling(grid.z),
        optim.gaps(grid.z),
        optim.steepest_descent_field(surf, ARROWS),
    )


def _gaps_note(gaps: optim.Gaps) -> None:
    """What the map leaves blank, and why: f overflowed, or is undefined, there."""
    limit = f"{optim.FLOAT_MAX:.2g}"
    if gaps.nowhere_finite:
        st.warning(t("gd.gaps.nowhere", limit=limit), icon=":material/block:")
        return
    if gaps.overflow:
        share = f"{100 * gaps.overflow:.2g}"
        st.warning(t("gd.gaps.overflow", share=share, limit=limit), icon=":material/warning:")
    if gaps.undefined:
        share = f"{100 * gaps.undefined:.2g}"
        st.warning(t("gd.gaps.undefined", share=share), icon=":material/block:")
