"""Kernel algebra, products: ``u = f g`` from two GPs next to the GP with kernel ``k1 k2``
(same covariance), and the histogram of ``u(x0)`` (a fragment): excess kurtosis 6, not 0."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from core import gp_prior_views as core_views
from core.kernels import Kernel
from ui import widgets
from ui.cached_views import cached_view
from ui.i18n import t
from ui.snippets import gp as snippets
from views.gp_priors import common
from views.gp_priors.common import K1

SECOND = replace(common.K2, default="RBF")
X0 = common.x0_slider("gp_alg_x0", "gp.alg.x0", 1.0)


@cached_view(max_entries=16)
def histogram(k1: Kernel, k2: Kernel, x0: float, seed: int) -> core_views.Histogram:
    return core_views.product_histogram(k1, k2, x0, seed)


def render(n: int) -> None:
    k1, k2, _ = common.from_two_gps("product", K1, SECOND, n)
    widgets.formula(
        r"u(x) = f(x) g(x):\; \mathrm{Cov}(u(x), u(x')) = k_1(x, x') k_2(x, x'),\;"
        r" \frac{\mathbb{E}[u^4]}{\mathbb{E}[u^2]^2} - 3 = 3 \cdot 3 - 3 = 6"
    )
    product_histogram(k1, k2)


@st.fragment
def product_histogram(k1: Kernel, k2: Kernel) -> None:
    x0 = X0.draw()
    seed = widgets.seed() + 2
    view = histogram(k1, k2, x0, seed)
    title = t("gp.alg.product.hist", n=core_views.HIST_PRODUCT, x0=f"{x0:g}")
    column = common.histogram(
        view, title, "u(x₀)", "u(x₀) = f(x₀) g(x₀)", t("gp.alg.product.normal")
    )
    column.markdown(t("gp.alg.product.verdict"))
    widgets.code_panel(snippets.product_code(k1, k2, x0, core_views.HIST_PRODUCT, seed))
