"""The network tab: finite one-hidden-layer networks (erf or ReLU) with random weights, next
to their GP limit; the histogram of f(x0) over many networks (a fragment) against the normal."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from core import wide_networks
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import Count, Select, Slider
from ui.i18n import t
from ui.kernel_controls import RANGES
from ui.snippets import gp as snippets
from views.gp_priors import common

ACTIVATION = Select(
    key="gp_net_act", label="gp.net.activation", options={"erf": None, "relu": None}
)
J = Count(
    key="gp_net_j",
    label="gp.net.j",
    options=(*core_views.BUMP_COUNTS, 2000, 3000, 5000, 10000),
    default=10,
)
N = Slider(key="gp_net_n", label="gp.net.n", low=1, high=20, default=5)
# The weights' scales; the input layer's are the NeuralNetwork and ArcCosine kernels' own.
SIGMAS = {
    "sigma_b": Slider(
        key="gp_net_sigma_b", label="gp.net.sigma_b", low=0.0, high=3.0, default=0.5, step=0.1
    ),
    "sigma_v": Slider(
        key="gp_net_sigma_v", label="gp.net.sigma_v", low=0.1, high=3.0, default=1.0, step=0.1
    ),
    "sigma0": Slider.of(RANGES["sigma0"], key="gp_net_sigma0", label="gp.net.sigma0", step=0.1),
    "sigma": Slider.of(RANGES["sigma"], key="gp_net_sigma", label="gp.net.sigma", step=0.1),
}
X0 = common.x0_slider("gp_net_x0", "gp.net.x0", 1.0)
NOTES = {"erf": "gp.net.erf.note", "relu": "gp.net.relu.note"}


@cached_view()
def networks(
    activation: str, n_hidden: int, n: int, sigmas: tuple, seed: int
) -> core_views.NetworkView:
    return core_views.network_view(activation, n_hidden, n, sigmas, seed)


@cached_view()
def histogram(
    activation: str, n_hidden: int, sigmas: tuple, x0: float, seed: int
) -> core_views.Histogram:
    return core_views.network_histogram(activation, n_hidden, sigmas, x0, seed)


def render() -> None:
    st.subheader(t("gp.net.title"))
    st.markdown(t("gp.net.intro"))
    with display.controls():
        c1, c2, c3 = st.columns(3)
        activation = ACTIVATION.draw(c1)
        n_hidden = J.draw(c2)
        n = N.draw(c3)
        sigmas = {
            name: control.draw(column)
            for column, (name, control) in zip(st.columns(4), SIGMAS.items(), strict=True)
        }
    frozen = tuple(sorted(sigmas.items()))
    view = networks(activation, n_hidden, n, frozen, widgets.seed())
    left, right = st.columns(2)
    with left:
        common.paths(
            view,
            t("gp.net.networks", j=n_hidden),
            series="nets",
            paths=t("gp.legend.networks"),
        )
    with right:
        common.paths(view, t("gp.net.gp", kernel=view.repr), dash="dash")
        common.jitter_note(view.jitter)
    network_histogram(activation, n_hidden, frozen)
    widgets.formula(
        r"f(x) = b + \sum_{i=1}^{J} v_i\, h(u_{i0} + u_{i1} x),\;"
        r" b \sim \mathcal{N}(0, \sigma_b^2),\; v_i \sim \mathcal{N}(0, \sigma_v^2 / J)"
        r" \;\xrightarrow{J \to \infty}\; \mathcal{GP}\left(0,\; \sigma_b^2 + \sigma_v^2"
        r" k_h(x, x')\right)"
    )
    widgets.formula(wide_networks.KERNEL_OF[activation].latex, t(NOTES[activation]))
    widgets.code_panel(
        snippets.network_code(
            activation, n_hidden, n, sigmas, core_views.NETWORK_POINTS, widgets.seed()
        )
    )


@st.fragment
def network_histogram(activation: str, n_hidden: int, sigmas: tuple) -> None:
    x0 = X0.draw()
    view = histogram(activation, n_hidden, sigmas, x0, widgets.seed() + 2)
    title = t("gp.net.hist", n=core_views.HIST_NETWORKS, x0=f"{x0:g}")
    column = common.histogram(view, title, "f(x₀)", t("gp.net.hist_legend"), "N(0, k(x₀, x₀))")
    column.markdown(t("gp.net.clt"))
