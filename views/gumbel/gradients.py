"""Gradients through Gumbel-Softmax, a section of the softmax tab: the mean gradient of a small
loss through soft, straight-through and torch samples against the exact one. A fragment: its
select reruns only this section."""

from __future__ import annotations

import streamlit as st

from core import gumbel_views as core_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import Select
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common

# the options (the categories 1..k, last by default) follow the logits: set when drawn
TARGET = Select(key="gb_target", label="gumbel.grad.target", options={})
# estimator (a key of `core.gumbel_relaxation.loss_gradients`) -> catalog key of its legend
# entry (None: shown as it is)
ESTIMATORS = {
    "soft": "gumbel.grad.soft",
    "hard": "gumbel.grad.hard",
    "torch_soft": None,
    "torch_hard": None,
    "exact": "gumbel.grad.exact",
}
TORCH_NAMES = {
    "torch_soft": "F.gumbel_softmax(hard=False)",
    "torch_hard": "F.gumbel_softmax(hard=True)",
}

FORMULA = (
    r"L(y) = \lVert y - e_c \rVert^2,\qquad "
    r"\nabla_\ell\, \mathbb{E}_{i \sim \mathrm{softmax}(\ell)}\big[L(e_i)\big]"
)


@cached_view(max_entries=16)
def computed(logits: tuple[float, ...], tau: float, target: int, seed: int) -> dict:
    return core_views.gradients(logits, tau, target, common.generator(seed))


@st.fragment
def render(logits: tuple[float, ...], tau: float) -> None:
    st.subheader(t("gumbel.grad.title"))
    common.intro("gumbel.grad.intro", FORMULA)
    categories = common.categories(len(logits))
    target = common.category(TARGET, len(logits), len(logits), display.controls())
    seed = widgets.seed() + common.SEED_GRAD
    with widgets.input_errors():
        grads = computed(logits, tau, target - 1, seed)
        PLOT(
            charts.grouped_bars,
            categories,
            {
                (t(key) if key else TORCH_NAMES[name]): grads[name]
                for name, key in ESTIMATORS.items()
            },
            title=t("gumbel.grad.chart", tau=f"{tau:g}", n=core_views.STATS_SAMPLES, c=target),
            x_title="i",
            y_title="∂L/∂ℓ_i",
            height=460,
        )
        widgets.code_panel(
            snippets.gradients_code(logits, tau, target - 1, core_views.STATS_SAMPLES, seed)
        )
