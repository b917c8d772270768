"""The first tab: a simple GP (lines with random weights, and their exact band), then the
general basis (`basis`)."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import Slider
from ui.i18n import t
from ui.kernel_controls import parameter_range
from ui.snippets import gp as snippets
from views.gp_priors import basis, common

# the weights' scale is the Linear kernel's alpha: its range is stated there
ALPHA = Slider.of(
    parameter_range("Linear", "alpha"), key="gp_lin_alpha", label="gp.lin.alpha", step=0.1
)
N = common.samples("gp_lin_n", 50, 10)


@cached_view()
def lines(alpha: float, n: int, seed: int) -> core_views.Paths:
    return core_views.linear_view(alpha, n, core_views.LINE_POINTS, seed)


def render() -> None:
    st.subheader(t("gp.simple.title"))
    st.markdown(t("gp.simple.intro"))
    with display.controls():
        c1, c2 = st.columns(2)
        alpha = ALPHA.draw(c1)
        n = N.draw(c2)
    view = lines(alpha, n, widgets.seed())
    common.paths(
        view,
        t("gp.lin.chart"),
        band=t("gp.legend.band_exact"),
        paths=t("gp.legend.lines"),
    )
    widgets.formula(
        r"f(x) = w_0 + w_1 x,\; w_0, w_1 \sim \mathcal{N}(0, \alpha^2) \;\Rightarrow\;"
        r" m(x) = 0,\; k(x, x') = \alpha^2 (1 + x x'),\;"
        r" \pm 2\sigma(x) = \pm 2 \alpha \sqrt{1 + x^2}"
    )
    widgets.code_panel(snippets.linear_code(alpha, n, core_views.LINE_POINTS, widgets.seed()))
    basis.render()
