"""Basins of attraction: one optimiser from every point of a grid of starts at once, each
start coloured by the minimum its descent reaches (or why it reached none)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core import optim
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import PALETTE
from ui.charts import optim as charts
from ui.controls import Count, Select
from ui.i18n import t
from ui.snippets import optim as snippets
from views.gradient_descent import common
from views.gradient_descent.common import BASIN_BETA1, BASIN_LR, OPTIMIZER_LABELS, fmt

BETA2 = 0.999  # the basins view keeps Adam's and RMSprop's second-moment decay fixed
OPTIMIZER = Select(key="gd_b_opt", label="gd.basins.opt.label", help="gd.basins.opt.help",
                   options=OPTIMIZER_LABELS, default="gd")  # fmt: skip
STEPS = Count(key="gd_b_steps", label="gd.steps.label", help="gd.steps.help",
              options=(20, 50, 100, 200, 500), default=200)  # fmt: skip
GRID = Count(key="gd_b_n", label="gd.basins.n.label", help="gd.basins.n.help",
             options=(10, 15, 20, 25, 30, 40, 50), default=25)  # fmt: skip
BASIN_COLORS = (*PALETTE[:6], "#882255", "#44AA99")
# Starts that reached no minimum, by why: legend (with their share) and colour.
OUTCOMES = {
    "diverged": ("gd.basins.outcome.diverged", "#000000"),
    "unbounded": ("gd.basins.outcome.unbounded", "#8C8C8C"),
    "undefined": ("gd.basins.outcome.undefined", "#C9A0DC"),
    "elsewhere": ("gd.basins.outcome.elsewhere", "#E3E3E3"),
    "other": ("gd.basins.outcome.other", PALETTE[6]),
}


@cached_view(max_entries=16)
def _basins(
    choice: common.SurfaceChoice, name: str, lr: float, steps: int, n: int, beta1: float
) -> optim.Basins:
    return optim.basins(choice.build(), name, lr, steps, n, beta1, BETA2)


def render(chosen: common.Chosen) -> None:
    surf = chosen.surf
    st.markdown(t("gd.basins.intro"))
    with display.controls():
        c1, c2, c3, c4, c5 = st.columns(5, gap="medium")
        name = OPTIMIZER.draw(c1)
        lr = replace(BASIN_LR, default=surf.lr).draw(c2)
        steps = STEPS.draw(c3)
        n = GRID.draw(c4)
        beta1 = float(BASIN_BETA1.draw(c5))
    widgets.formula(
        r"\theta_0 \;\longmapsto\; \theta_T,\qquad "
        r"\text{basin}(\theta^\ast) = \{\theta_0 : \theta_T \to \theta^\ast\}",
        t("gd.basins.formula_caption"),
    )
    with widgets.input_errors():
        result = _basins(chosen.choice, name, lr, steps, n, beta1)
        minima = charts.Marker(
            t("gd.chart.minima_reached"), result.minima, charts.MINIMUM_COLOR, "x-thin-open", 16
        )
        common.PLOT(
            charts.map_figure,
            chosen.landscape.map,
            labels=common.map_labels(t("gd.basins.chart", opt=t(OPTIMIZER_LABELS[name]))),
            cells=_cells(result, n),
            markers=[minima] if len(result.minima) else [],
            filled=False,
            clickable=False,
        )
        st.caption(t("gd.basins.caption"))
        widgets.code_panel(snippets.basins_code(surf, name, lr, steps, n, beta1, BETA2))


def _label(result: optim.Basins, index: int, share: float) -> str:
    x, y = result.minima[index]
    return t(
        "gd.basins.minimum",
        x=f"{x:.2f}",
        y=f"{y:.2f}",
        f=fmt(round(float(result.minimum_values[index]), 9)),  # f = 0, not 7.9e-31
        share=f"{100 * share:.0f}",
        where=t("gd.basins.known" if result.known[index] else "gd.basins.found"),
    )


def _cell(name: str, starts, color: str, size: float) -> charts.Marker:
    return charts.Marker(name, starts, color, "square", size, 0.8, outline=False)


def _cells(result: optim.Basins, n: int) -> list[charts.Marker]:
    """One group of coloured start points per minimum reached and per other outcome."""
    labels, starts, shares = result.labels, result.starts, result.shares()
    size = charts.cell_size(n)
    cells = []
    for index in range(len(result.minima)):
        color = BASIN_COLORS[index % len(BASIN_COLORS)]
        cells.append(
            _cell(_label(result, index, shares[index]), starts[labels == index], color, size)
        )
    for outcome, code in optim.OUTCOMES.items():
        if shares.get(code, 0.0) > 0:
            key, color = OUTCOMES[outcome]
            name = t(key, share=f"{100 * shares[code]:.0f}")
            cells.append(_cell(name, starts[labels == code], color, size))
    return cells
