"""The kernel-algebra tab: one of the chapter's exercises at a time, each in its own module
(`compose`, `sums`, `warp`, `amplitude`, `ou_rbf`, `product`), with a shared sample count."""

from __future__ import annotations

import streamlit as st

from ui import display
from ui.controls import Select
from ui.i18n import t
from views.gp_priors import amplitude, common, compose, ou_rbf, product, sums, warp

VIEW = Select(
    key="gp_alg_view",
    label="gp.alg.view",
    options={
        "compose": "gp.alg.compose",
        "sum": "gp.alg.sum",
        "warp": "gp.alg.warp",
        "amplitude": "gp.alg.amplitude",
        "ou_rbf": "gp.alg.ou_rbf",
        "product": "gp.alg.product",
    },
)
N = common.samples("gp_alg_n")
# each exercise: its introduction and its module
EXERCISES = {
    "compose": ("gp.alg.compose.intro", compose),
    "sum": ("gp.alg.sum.intro", sums),
    "warp": ("gp.alg.warp.intro", warp),
    "amplitude": ("gp.alg.amplitude.intro", amplitude),
    "ou_rbf": ("gp.alg.ou_rbf.intro", ou_rbf),
    "product": ("gp.alg.product.intro", product),
}


def render() -> None:
    st.subheader(t("gp.alg.title"))
    with display.controls():
        c1, c2 = st.columns([2, 1])
        choice = VIEW.draw(c1)
        n = N.draw(c2)
    intro, exercise = EXERCISES[choice]
    st.markdown(t(intro))
    exercise.render(n)
