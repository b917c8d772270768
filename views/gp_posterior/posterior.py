"""The posterior: its mean, its ±2 sd band and samples over the prior band, the observations
(a click on the chart adds one), and the terms of the log marginal likelihood."""

from __future__ import annotations

import streamlit as st

from ui import widgets
from ui.controls import Slider, Toggle
from ui.i18n import t
from views.gp_posterior import common

SAMPLES = Slider(key="gpp_n", label="gpp.samples", low=1, high=50, default=5)
PRIOR = Toggle(key="gpp_prior", label="gpp.show_prior", default=True)


def render(model: common.Model) -> None:
    st.markdown(t("gpp.posterior.intro"))
    c1, c2 = st.columns([2, 1])
    n = SAMPLES.draw(container=c1)
    show_prior = PRIOR.draw(container=c2)
    seed = widgets.seed()
    view = common.posterior(model.kernel, model.text, model.noise, n, seed, model.truth)
    common.posterior_chart(
        view,
        t("gpp.posterior.chart", n=len(view.x), kernel=repr(model.kernel)),
        prior_band=view.prior_band if show_prior else None,
        clickable=True,
        key=common.CHART_KEY,
        chart_kwargs={"on_select": common.add_clicked_point, "selection_mode": "points"},
    )
    st.caption(t("gpp.posterior.click_hint"))
    if len(view.x) == 0:
        st.info(t("gpp.posterior.empty"), icon=":material/info:")
    common.jitter_notes(view)
    common.lml_metrics(model)
    widgets.formula(
        r"\bar f_* = K_*^\top (K + \sigma^2 I)^{-1} \mathbf y,\quad"
        r" \operatorname{cov}(f_*) = K_{**} - K_*^\top (K + \sigma^2 I)^{-1} K_*,\quad"
        r" \bar f_* \pm 2 \sqrt{\operatorname{diag} \operatorname{cov}(f_*)}",
        t("gpp.posterior.formula"),
    )
    common.code_panel(model, view, model.noise, n, seed)
