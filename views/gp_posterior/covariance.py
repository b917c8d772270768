"""The posterior covariance as a heatmap, and the weight of each observation in the posterior
mean at a point x* of one's choice."""

from __future__ import annotations

import streamlit as st

from core import gp_posterior_views as views
from core.kernels import Kernel
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import gp as gp_charts
from ui.charts import gp_posterior as charts
from ui.controls import Slider
from ui.i18n import t
from views.gp_posterior import PLOT, common

X_STAR = Slider(
    key="gpp_xstar", label="gpp.xstar", low=-10.0, high=10.0, default=common.X_STAR, step=0.05
)


@cached_view(max_entries=16)
def covariance(kernel: Kernel, text: str, noise: float) -> views.CovarianceView:
    return views.covariance_view(kernel, text, noise)


@cached_view(max_entries=32)
def influence(kernel: Kernel, text: str, noise: float, x_star: float) -> views.InfluenceView:
    return views.influence_view(kernel, text, noise, x_star)


def render(model: common.Model) -> None:
    st.markdown(t("gpp.cov.intro"))
    x_star = X_STAR.draw()
    cov = covariance(model.kernel, model.text, model.noise)
    infl = influence(model.kernel, model.text, model.noise, x_star)
    left, right = st.columns(2)
    with left:
        labels = {"title": t("gpp.cov.chart"), "x": "x", "y": "x'", "colorbar": "cov"}
        PLOT(gp_charts.heatmap_figure, cov.grid, cov.grid, cov.cov, labels=labels, symmetric=True)
    with right:
        labels = {
            "title": t("gpp.influence.chart", x=f"{x_star:g}"),
            "x": "xᵢ",
            "y": t("gpp.influence.axis"),
            "weights": t("gpp.influence.legend"),
            "x_star": "x*",
        }
        PLOT(
            charts.influence_figure,
            infl.x,
            infl.weights,
            x_star,
            bounds=infl.x_range,
            labels=labels,
        )
    if len(infl.x):
        mean, total = f"{infl.mean:.4f}", f"{infl.total:.4f}"
        st.markdown(t("gpp.influence.sum", x=f"{x_star:g}", mean=mean, total=total))
    else:
        st.info(t("gpp.posterior.empty"), icon=":material/info:")
    widgets.formula(
        r"\bar f(x_*) = \sum_i w_i(x_*)\, y_i,\quad"
        r" \mathbf w(x_*)^\top = k(x_*, X) (K + \sigma^2 I)^{-1}",
        t("gpp.influence.formula"),
    )
    seed = widgets.seed()
    view = common.posterior(model.kernel, model.text, model.noise, 1, seed, None)
    common.code_panel(model, view, model.noise, 1, seed, x_star)
