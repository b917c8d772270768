"""The Gumbel-max tab: argmax of logits plus Gumbel noise is an exact categorical sample;
frequencies against softmax, their convergence, and a chi-square test."""

from __future__ import annotations

import streamlit as st

from core import gumbel_stats as stats
from core import gumbel_views as core_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import LogSlider
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common

SAMPLES = LogSlider(key="gb_max_n", label="gumbel.max.n", low=10, high=100_000, default=1000)

FORMULA = (
    r"\arg\max_i\,(\ell_i + g_i) \sim \mathrm{Categorical}\big(\mathrm{softmax}(\ell)\big),"
    r"\quad g_i \overset{iid}{\sim} \mathrm{Gumbel}(0, 1)"
)


@cached_view(max_entries=16)
def computed(logits: tuple[float, ...], n: int, seed: int) -> core_views.GumbelMax:
    return core_views.gumbel_max(logits, n, common.generator(seed))


def render() -> None:
    logits = common.logits()
    common.intro("gumbel.max.intro", FORMULA)
    n = int(SAMPLES.draw(display.controls()))
    seed = widgets.seed() + common.SEED_MAX
    with widgets.input_errors():
        data = computed(logits, n, seed)
        categories = common.categories(len(logits))
        left, right = st.columns(2)
        with left:
            PLOT(
                charts.grouped_bars,
                categories,
                {t("gumbel.max.observed", n=n): data.freq, common.SOFTMAX: data.probs},
                title=t("gumbel.max.chart"),
                x_title=t("gumbel.category"),
                y_title=t("gumbel.probability"),
            )
        with right:
            PLOT(
                charts.running_frequency_figure,
                data.ns,
                data.running,
                data.probs,
                categories,
                labels={"title": t("gumbel.max.running"), "y": t("gumbel.max.running.y")},
            )
        chi_square_metrics(data.test)
        widgets.code_panel(snippets.gumbel_max_code(logits, n, seed))


def chi_square_metrics(test: stats.ChiSquare) -> None:
    if test.p_value is None:
        st.info(t("gumbel.max.no_test"))
        return
    c1, c2, c3 = st.columns(3)
    c1.metric("χ²", f"{test.statistic:.2f}", help=t("gumbel.max.chi2.help"))
    c2.metric(t("gumbel.max.dof"), test.dof, help=t("gumbel.max.dof.help"))
    c3.metric(t("gumbel.max.p"), f"{test.p_value:.3g}", help=t("gumbel.max.p.help"))
