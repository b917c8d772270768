"""The annealing tab: the temperature falls as tau_t = max(tau_min, exp(-r t)) and the samples
sharpen from near uniform to near one-hot."""

from __future__ import annotations

import numpy as np

from core import gumbel_views as core_views
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import LogSlider, Slider, row
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common

STEPS = Slider(key="gb_steps", label="gumbel.anneal.steps", low=10, high=500, default=100)
RATE = LogSlider(key="gb_rate", label="gumbel.anneal.rate", low=0.001, high=1.0, default=0.03)
TAU_MIN = Slider(
    key="gb_tau_min", label="gumbel.anneal.tau_min", low=0.05, high=2.0, default=0.1, step=0.05
)

FORMULA = (
    r"\tau_t = \max\big(\tau_{\min},\ e^{-r t}\big),\qquad "
    r"y^{(t)} = \mathrm{softmax}\big((\ell + g^{(t)})/\tau_t\big)"
)


@cached_view(max_entries=16)
def computed(
    logits: tuple[float, ...], steps: int, rate: float, tau_min: float, seed: int
) -> core_views.Annealing:
    return core_views.annealing(logits, steps, rate, tau_min, common.generator(seed))


def render() -> None:
    logits = common.logits()
    common.intro("gumbel.anneal.intro", FORMULA)
    steps, rate, tau_min = row(STEPS, RATE, TAU_MIN)
    seed = widgets.seed() + common.SEED_ANNEAL
    with widgets.input_errors():
        data = computed(logits, steps, rate, tau_min, seed)
        PLOT(
            charts.annealing_figure,
            np.arange(steps),
            data.taus,
            data.sharpness,
            labels={
                "title": t("gumbel.anneal.chart", n=core_views.ANNEAL_SAMPLES),
                "tau": "τ_t",
                "sharpness": t("gumbel.anneal.sharpness"),
                "sharpness_axis": t("gumbel.anneal.sharpness_axis"),
                "x": t("gumbel.anneal.step"),
            },
        )
        PLOT(
            charts.heatmap_figure,
            data.first,
            common.categories(len(logits)),
            labels={
                "title": t("gumbel.anneal.heatmap"),
                "x": t("gumbel.anneal.step"),
                "y": t("gumbel.category"),
            },
        )
        widgets.code_panel(
            snippets.annealing_code(logits, steps, rate, tau_min, core_views.ANNEAL_SAMPLES, seed)
        )
