"""The top-k tab: the k largest of logits plus Gumbel noise sample k categories without
replacement (Plackett-Luce); how often each is picked against its exact probability."""

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

# the options (1..number of categories, 2 by default) follow the logits: set when drawn
K = Select(key="gb_k", label="gumbel.topk.k", options={})
SAMPLES = common.sample_count("gb_topk_n", "gumbel.topk.n")

FORMULA = (
    r"(i_1, \dots, i_k) = \operatorname{top\text{-}k}_i\,(\ell_i + g_i),\qquad "
    r"P(i_1, \dots, i_k) = \prod_{j=1}^{k} \frac{p_{i_j}}{1 - \sum_{l<j} p_{i_l}},"
    r"\quad p = \mathrm{softmax}(\ell)"
)


@cached_view(max_entries=16)
def computed(logits: tuple[float, ...], k: int, n: int, seed: int) -> core_views.TopK:
    return core_views.top_k(logits, k, n, common.generator(seed))


def render() -> None:
    logits = common.logits()
    common.intro("gumbel.topk.intro", FORMULA)
    categories = common.categories(len(logits))
    c1, c2 = display.control_columns(2)
    k = common.category(K, len(logits), min(2, len(logits)), c1)
    n = int(SAMPLES.draw(c2))
    seed = widgets.seed() + common.SEED_TOPK
    with widgets.input_errors():
        data = computed(logits, k, n, seed)
        observed = t("gumbel.topk.freq", n=n)
        PLOT(
            charts.grouped_bars,
            categories,
            {observed: data.freq, t("gumbel.topk.exact"): data.exact, common.SOFTMAX: data.probs},
            errors={observed: 2 * data.se},
            title=t("gumbel.topk.chart", k=k),
            x_title=t("gumbel.category"),
            y_title=t("gumbel.topk.y"),
        )
        st.caption(t("gumbel.topk.caption"))
        widgets.code_panel(snippets.topk_code(logits, k, n, seed))
