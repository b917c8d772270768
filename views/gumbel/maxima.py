"""Why Gumbel, the end of the distribution tab: the standardised maximum of n normals tends to
Gumbel(0, 1). A fragment: its slider reruns only this section."""

from __future__ import annotations

import streamlit as st

from core import gumbel_views as core_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import LogSlider
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common

NORMALS = LogSlider(key="gb_normals", label="gumbel.maxima.n", low=10, high=10_000, default=100)

FORMULA = (
    r"\frac{\max_{i \le n} Z_i - b_n}{a_n} \xrightarrow{d} \mathrm{Gumbel}(0, 1),\quad "
    r"a_n = \frac{1}{\sqrt{2 \ln n}},\quad "
    r"b_n = \sqrt{2 \ln n} - \frac{\ln \ln n + \ln 4\pi}{2 \sqrt{2 \ln n}}"
)


@cached_view(max_entries=16)
def computed(n: int, seed: int) -> core_views.Maxima:
    return core_views.maxima(n, common.generator(seed))


@st.fragment
def render() -> None:
    st.subheader(t("gumbel.maxima.title"))
    common.intro("gumbel.maxima.intro", FORMULA, "gumbel.maxima.formula_caption")
    n = int(NORMALS.draw(display.controls()))
    seed = widgets.seed() + common.SEED_MAXIMA
    with widgets.input_errors():
        data = computed(n, seed)
        a_n, b_n = data.constants
        PLOT(
            charts.maxima_figure,
            data.edges,
            data.density,
            data.x,
            data.gumbel,
            data.exact,
            labels={
                "title": t("gumbel.maxima.chart", n=n, m=core_views.MAXIMA_SAMPLES),
                "hist": t("gumbel.maxima.hist"),
                "exact": t("gumbel.maxima.exact"),
                "gumbel": t("gumbel.maxima.gumbel"),
                "x": t("gumbel.maxima.x"),
                "y": t("gumbel.density"),
            },
        )
        st.caption(
            t("gumbel.maxima.caption", a=f"{a_n:.4f}", b=f"{b_n:.4f}", d=f"{data.distance:.3f}")
        )
        widgets.code_panel(snippets.normal_maxima_code(n, core_views.MAXIMA_SAMPLES, seed))
