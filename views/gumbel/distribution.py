"""The distribution tab: Gumbel samples made from uniforms, their histogram against the pdf,
the exact and sample summaries, the cdf; then why Gumbel (`maxima`)."""

from __future__ import annotations

import streamlit as st

from core import gumbel_views as core_views
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import Slider, row
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common, maxima

LOC = Slider(key="gb_loc", label="gumbel.dist.loc", low=-3.0, high=3.0, default=0.0, step=0.1)
SCALE = Slider(key="gb_scale", label="gumbel.dist.scale", low=0.2, high=3.0, default=1.0, step=0.1)
SAMPLES = common.sample_count("gb_samples", "gumbel.dist.samples")
# summaries shown with their sample value: key of the summary -> label (tooltip: label.help)
COMPARED = {
    "mean": "gumbel.dist.mean",
    "median": "gumbel.dist.median",
    "variance": "gumbel.dist.variance",
}

FORMULA = (
    r"g = \mu - \beta \log(-\log U),\quad U \sim \mathcal{U}(0, 1),\qquad "
    r"F(x) = \exp\!\big(-e^{-(x - \mu)/\beta}\big)"
)


@cached_view(max_entries=16)
def computed(loc: float, scale: float, n: int, seed: int) -> core_views.Distribution:
    return core_views.distribution(loc, scale, n, common.generator(seed))


def render() -> None:
    common.intro("gumbel.dist.intro", FORMULA, "gumbel.dist.formula_caption")
    loc, scale, n = row(LOC, SCALE, SAMPLES)
    n = int(n)
    seed = widgets.seed() + common.SEED_U
    with widgets.input_errors():
        data = computed(loc, scale, n, seed)
        markers = {
            t("gumbel.dist.mean"): data.exact["mean"],
            t("gumbel.dist.median"): data.exact["median"],
            t("gumbel.dist.mode"): data.exact["mode"],
        }
        PLOT(
            charts.transform_figure,
            data.u_edges,
            data.u_density,
            data.g_edges,
            data.g_density,
            data.x,
            data.pdf,
            markers,
            labels={
                "u_title": t("gumbel.dist.u_title"),
                "g_title": t("gumbel.dist.g_title", loc=loc, scale=scale),
                "u_hist": t("gumbel.dist.u_hist"),
                "g_hist": t("gumbel.dist.g_hist"),
                "pdf": t("gumbel.dist.pdf", loc=loc, scale=scale),
                "density": t("gumbel.density"),
            },
        )
        summary_metrics(data.exact, data.sample)
        PLOT(
            charts.cdf_figure,
            data.x,
            data.cdf,
            data.ecdf,
            labels={
                "title": t("gumbel.dist.cdf.title"),
                "empirical": t("gumbel.dist.cdf.empirical", n=n),
                "exact": t("gumbel.dist.cdf.exact"),
                "y": t("gumbel.dist.cdf.y"),
            },
        )
        widgets.code_panel(snippets.distribution_code(loc, scale, n, seed))
    maxima.render()


def summary_metrics(exact: dict[str, float], sample: dict[str, float]) -> None:
    """Mean, median and variance, exact with the sample's value beneath; the mode."""
    columns = st.columns(4)
    for column, (name, label) in zip(columns, COMPARED.items(), strict=False):
        column.metric(
            t(label),
            f"{exact[name]:.3f}",
            t("gumbel.dist.sample_value", value=f"{sample[name]:.3f}"),
            delta_color="off",
            delta_arrow="off",
            help=t(label + ".help"),
        )
    columns[3].metric(
        t("gumbel.dist.mode"), f"{exact['mode']:.3f}", help=t("gumbel.dist.mode.help")
    )
