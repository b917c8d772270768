"""The bumps tab: J Gaussian bumps with random weights, the functions they draw, their kernel
``k_J(x, 0)`` against the RBF it tends to, and the error of ``k_J`` as J grows."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gp as charts
from ui.controls import Count, Select, Slider
from ui.i18n import t
from ui.snippets import gp as snippets
from views.gp_priors import PLOT, common

J = Count(key="gp_bump_j", label="gp.bumps.j", options=core_views.BUMP_COUNTS, default=10)
LENGTHSCALE = Slider(
    key="gp_bump_ls", label="gp.bumps.ls", low=0.1, high=2.0, default=0.5, step=0.1
)
SIGMA = Slider(
    key="gp_bump_sigma", label="gp.bumps.sigma", low=0.1, high=3.0, default=1.0, step=0.1
)
SPREAD = Select(
    key="gp_bump_spread",
    label="gp.bumps.spread",
    options={"d2l": "gp.bumps.spread.d2l", "window": "gp.bumps.spread.window"},
)
N = common.samples("gp_bump_n")


@cached_view()
def bumps(
    n_basis: int, ls: float, sigma: float, spread: str, n: int, seed: int
) -> core_views.BumpsView:
    return core_views.bumps_view(n_basis, ls, sigma, spread, n, seed)


@cached_view()
def convergence(ls: float, sigma: float, spread: str):
    return core_views.bumps_convergence(ls, sigma, spread)


def render() -> None:
    st.subheader(t("gp.bumps.title"))
    st.markdown(t("gp.bumps.intro"))
    with display.controls():
        c1, c2, c3, c4, c5 = st.columns(5)
        n_basis = J.draw(c1)
        ls = LENGTHSCALE.draw(c2)
        sigma = SIGMA.draw(c3)
        spread = SPREAD.draw(c4)
        n = N.draw(c5)
    view = bumps(n_basis, ls, sigma, spread, n, widgets.seed())
    limit = view.limit
    left, right = st.columns(2)
    with left:
        title = t("gp.bumps.basis", shown=len(view.bumps), total=n_basis)
        labels = {"title": title, "x": "x", "y": "φᵢ(x)", "bumps": "φᵢ(x)"}
        PLOT(charts.bumps_figure, view.x, view.bumps, labels=labels)
    with right:
        common.paths(view, t("gp.bumps.functions"), band=t("gp.legend.band_finite"))
    left, right = st.columns(2)
    with left:
        curves = [(t("gp.bumps.k_j", j=n_basis), view.slice)]
        if limit is not None:
            curves.append((t("gp.bumps.k_limit"), limit.slice))
        labels = {"title": t("gp.bumps.slice"), "x": "x", "y": "k(x, 0)", "marker": "x₀"}
        PLOT(charts.curves_figure, view.x, curves, marker=view.x0, labels=labels)
    with right:
        labels = {
            "title": t("gp.bumps.convergence"),
            "x": "J",
            "y": t("gp.bumps.error_axis"),
            "marker": t("gp.bumps.current"),
        }
        PLOT(
            charts.curves_figure,
            list(core_views.BUMP_COUNTS),
            [(t("gp.bumps.error"), convergence(ls, sigma, spread))],
            marker=n_basis,
            log_x=True,
            log_y=True,
            labels=labels,
        )
    if limit is None:
        st.caption(t("gp.bumps.no_limit"))
    else:
        st.caption(t("gp.bumps.limit", kernel=limit.repr, c=f"{view.half_width:.3g}"))
    widgets.formula(
        r"k_J(x, x') = \frac{\sigma^2}{J} \sum_{i=1}^{J} \phi_i(x)\phi_i(x')"
        r" \;\xrightarrow{J \to \infty}\; \frac{\sigma^2 \sqrt{\pi}\,\ell}{2c}"
        r" \exp\left(-\frac{(x - x')^2}{2 (\sqrt{2}\ell)^2}\right),\;"
        r" \phi_i(x) = \exp\left(-\frac{(x - c_i)^2}{2\ell^2}\right)",
        t("gp.bumps.formula_caption"),
    )
    widgets.code_panel(
        snippets.bumps_code(
            n_basis, ls, sigma, view.half_width, core_views.BUMP_POINTS, n, widgets.seed()
        )
    )
