"""Interpolation against regression: the same data and kernel without noise (the mean passes
through every observation) and with the chosen noise (it need not)."""

from __future__ import annotations

import streamlit as st

from ui import widgets
from ui.i18n import t
from views.gp_posterior import common

COMPARE_SAMPLES = 3
TITLES = {"free": "gpp.noise_tab.free", "noisy": "gpp.noise_tab.noisy"}


def render(model: common.Model) -> None:
    st.markdown(t("gpp.noise_tab.intro"))
    seed = widgets.seed() + 1  # other draws than the posterior tab's
    drawn = {}
    for column, noise, which in zip(st.columns(2), (0.0, model.noise), TITLES, strict=True):
        with column, widgets.input_errors():
            view = common.posterior(
                model.kernel, model.text, noise, COMPARE_SAMPLES, seed, model.truth
            )
            drawn[which] = view
            title = t(TITLES[which], noise=f"{noise:.3g}")
            common.posterior_chart(view, title, height=480, legend_room=True)
            common.jitter_notes(view)
    st.markdown(t("gpp.noise_tab.explain"))
    widgets.formula(
        r"\sigma^2 = 0:\; \bar f(x_i) = y_i,\ \operatorname{var} f(x_i) = 0 \qquad"
        r" \sigma^2 > 0:\; \bar f(x_i) \ne y_i,\ \operatorname{var} f(x_i) > 0"
    )
    if "free" in drawn:
        common.code_panel(model, drawn["free"], 0.0, COMPARE_SAMPLES, seed)
