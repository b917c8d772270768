"""Descent: the chosen torch.optim optimisers from one start (typed or clicked), their paths
on the map and their losses, why a run stopped (diverged, unbounded, undefined) and, on the
bowl, the 2/L rule that says which learning rates converge."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import streamlit as st

from core import optim
from core.errors import InputError
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import PALETTE
from ui.charts import optim as charts
from ui.controls import Count, Multi, Select
from ui.i18n import t
from ui.snippets import optim as snippets
from views.gradient_descent import common
from views.gradient_descent.common import BETA1, LR, OPTIMIZER_LABELS, START, fmt

CHART = "gd_chart_descent"
OPTIMIZERS = Multi(key="gd_opts", label="gd.opts.label", help="gd.opts.help",
                   options=OPTIMIZER_LABELS, default=("gd", "momentum", "adam"))  # fmt: skip
STEPS = Count(key="gd_steps", label="gd.steps.label", help="gd.steps.help",
              options=(10, 20, 50, 100, 200, 500, 1000), default=100)  # fmt: skip
BETA2 = Select(key="gd_beta2", label="gd.beta2.label", help="gd.beta2.help", default="0.999",
               options=dict.fromkeys(("0.9", "0.99", "0.999", "0.9999")))  # fmt: skip
# Formulas stay untranslated: the optimisers' names in them are PyTorch's.
UPDATE_NAMES = {
    "gd": "SGD",
    "momentum": "SGD + momentum",
    "nesterov": "SGD + Nesterov",
    "rmsprop": "RMSprop",
    "adam": "Adam",
}
UPDATE_RULES = {
    "gd": r"\theta_{t+1} = \theta_t - \eta\, g_t",
    "momentum": r"b_{t+1} = \beta_1 b_t + g_t,\quad \theta_{t+1} = \theta_t - \eta\, b_{t+1}",
    "nesterov": r"b_{t+1} = \beta_1 b_t + g_t,\quad "
    r"\theta_{t+1} = \theta_t - \eta\,(g_t + \beta_1 b_{t+1})",
    "rmsprop": r"v_{t+1} = \beta_2 v_t + (1-\beta_2)\, g_t^2,\quad "
    r"\theta_{t+1} = \theta_t - \eta\, \frac{g_t}{\sqrt{v_{t+1}} + \epsilon}",
    "adam": r"m_{t+1} = \beta_1 m_t + (1-\beta_1) g_t,\ v_{t+1} = \beta_2 v_t + (1-\beta_2) g_t^2,"
    r"\ \theta_{t+1} = \theta_t - \eta\, \frac{m_{t+1}/(1-\beta_1^{t+1})}"
    r"{\sqrt{v_{t+1}/(1-\beta_2^{t+1})} + \epsilon}",
}
# The stable learning rate of each optimiser with one (`optim.stable_lr`).
BOUNDS = {"gd": "gd.bound.gd", "momentum": "gd.bound.momentum", "nesterov": "gd.bound.nesterov"}
STATUS_WARNINGS = {
    "unbounded": ("gd.status.unbounded", ":material/south:"),
    "undefined": ("gd.status.undefined", ":material/block:"),
}
STATUS_SHORT = {
    "finished": "gd.status.short.finished",
    "diverged": "gd.status.short.diverged",
    "unbounded": "gd.status.short.unbounded",
    "undefined": "gd.status.short.undefined",
}
TABLE_HEADER = ("gd.table.opt", "gd.table.steps", "gd.table.end", "gd.table.f", "gd.table.status")


@cached_view(max_entries=64)
def _trajectories(
    choice: common.SurfaceChoice,
    names: tuple,
    lr: float,
    steps: int,
    beta1: float,
    beta2: float,
    start: tuple,
) -> dict[str, optim.Trajectory]:
    return optim.descend_all(choice.build(), start, names, lr, steps, beta1, beta2)


@cached_view(max_entries=64)
def _curvature_at(choice: common.SurfaceChoice, x: float, y: float) -> float | None:
    try:
        return optim.largest_curvature(choice.build(), x, y)
    except InputError:
        return None


def render(chosen: common.Chosen) -> None:
    surf = chosen.surf
    st.markdown(t("gd.descent.intro"))
    with display.controls():
        c1, c2, c3 = st.columns([2.2, 1.2, 1.2], gap="medium")
        names = OPTIMIZERS.draw(c1)
        lr = replace(LR, default=surf.lr).draw(c2)
        steps = STEPS.draw(c3)
        c4, c5, c6 = st.columns([1.2, 1.0, 2.2], gap="medium")
        beta1 = float(BETA1.draw(c4))
        beta2 = float(BETA2.draw(c5))
        with c6:
            start = common.point_inputs(START, surf.start)
    if not names:
        st.info(t("gd.opts.none"))
        return
    widgets.formula(
        r"\begin{aligned}"
        + r"\\".join(rf"\text{{{UPDATE_NAMES[n]}}}:&\quad {UPDATE_RULES[n]}" for n in names)
        + r"\end{aligned}",
        t("gd.descent.formula_caption"),
    )
    if surf.name == "bowl":
        _bowl_note(chosen.choice, lr, beta1)
    runs = {}
    with widgets.input_errors():
        runs = _trajectories(chosen.choice, tuple(names), lr, steps, beta1, beta2, start)
    if not runs:
        return
    curvature = _curvature_at(chosen.choice, *start)
    for name in names:
        _status_message(runs[name], lr, beta1, curvature)
    paths = [
        charts.Path(
            t(OPTIMIZER_LABELS[n]),
            runs[n].points[:, 0],
            runs[n].points[:, 1],
            charts.OPTIMIZER_COLORS[n],
            runs[n].losses,
        )
        for n in names
    ]
    start_marker = charts.Marker(t("gd.chart.start"), [start], PALETTE[7], "circle", 13)
    map_col, loss_col = st.columns([1.25, 1], gap="medium")
    with map_col:
        common.clickable_map(
            CHART,
            START,
            chosen.landscape.map,
            labels=common.map_labels(t("gd.descent.chart")),
            paths=tuple(paths),
            markers=(*common.minima_marker(surf), start_marker),
        )
        common.outside_note(surf, start)
    with loss_col:
        _loss_chart(paths, [runs[n] for n in names], surf)
    st.caption(t("gd.descent.caption"))
    _results_table([runs[n] for n in names])
    if chosen.show_3d:
        common.surface_3d(chosen.landscape, paths=paths)
    widgets.code_panel(snippets.descent_code(surf, start, names, lr, steps, beta1, beta2))


def _bound_text(name: str, curvature: float | None, beta1: float) -> str:
    if curvature is None:
        return ""
    bound = optim.stable_lr(name, curvature, beta1)
    if bound is None:
        key = "gd.bound.adaptive" if name in ("rmsprop", "adam") else "gd.bound.none"
        return t(key, L=fmt(curvature))
    return t(BOUNDS[name], L=fmt(curvature), bound=fmt(bound), beta=f"{beta1:g}")


def _status_message(run: optim.Trajectory, lr: float, beta1: float, curvature) -> None:
    x, y = run.points[-1]
    values = {
        "opt": t(OPTIMIZER_LABELS[run.optimizer]),
        "k": run.steps,
        "x": fmt(x),
        "y": fmt(y),
        "lr": f"{lr:g}",
    }
    if run.status == "diverged":
        bound = _bound_text(run.optimizer, curvature, beta1)
        st.warning(t("gd.status.diverged", **values) + " " + bound, icon=":material/warning:")
    elif run.status in STATUS_WARNINGS:
        key, icon = STATUS_WARNINGS[run.status]
        st.warning(t(key, **values), icon=icon)


def _bowl_note(choice: common.SurfaceChoice, lr: float, beta: float) -> None:
    """The 2 / L rule, with L computed (the bowl's Hessian is the same everywhere)."""
    curvature = _curvature_at(choice, 0.0, 0.0)
    if curvature is None:
        return
    bound = optim.stable_lr("gd", curvature)
    st.info(
        t(
            "gd.bowl.note.below" if lr < bound else "gd.bowl.note.above",
            L=fmt(curvature),
            bound=fmt(bound),
            momentum=fmt(optim.stable_lr("momentum", curvature, beta)),
            beta=f"{beta:g}",
            lr=f"{lr:g}",
        ),
        icon=":material/straighten:",
    )


def _results_table(runs: list[optim.Trajectory]) -> None:
    rows = [[t(k) for k in TABLE_HEADER]]
    for run in runs:
        x, y = run.points[-1]
        rows.append(
            [
                t(OPTIMIZER_LABELS[run.optimizer]),
                str(run.steps),
                f"({fmt(x)}, {fmt(y)})",
                fmt(float(run.losses[-1])),
                t(STATUS_SHORT[run.status]),
            ]
        )
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + " --- |" * len(TABLE_HEADER))
    st.markdown("\n".join(lines))


def _loss_chart(paths: list[charts.Path], runs: list[optim.Trajectory], surf) -> None:
    log = surf.min_value is not None
    curves = [
        charts.Path(path.name, np.arange(len(run.losses)), run.losses, path.color)
        for path, run in zip(paths, runs, strict=True)
    ]
    labels = {
        "title": t("gd.loss.chart"),
        "x": t("gd.loss.x"),
        "y": t("gd.loss.y_gap", f_min=f"{surf.min_value:g}") if log else t("gd.loss.y"),
    }
    common.PLOT(charts.loss_figure, curves, reference=surf.min_value, labels=labels)
    if log:
        st.caption(t("gd.loss.caption_log", floor=f"{charts.LOG_FLOOR:g}"))
