"""The general basis (in the first tab): ``f = w^T phi(x)`` with ``w ~ N(u, s^2 I)`` for
polynomial or Fourier features, drawn in weight space and in function space."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as core_views
from core import weight_space
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import Select, Slider, Text
from ui.i18n import t
from ui.snippets import gp as snippets
from views.gp_priors import common

KIND = Select(
    key="gp_basis",
    label="gp.basis.kind",
    options={"polynomial": "gp.basis.polynomial", "fourier": "gp.basis.fourier"},
)
DEGREE = Slider(key="gp_basis_degree", label="gp.basis.degree", low=0, high=6, default=3)
FREQUENCIES = Slider(key="gp_basis_freq", label="gp.basis.freq", low=1, high=10, default=3)
# the basis' size: the polynomial's degree or the number of Fourier frequencies
SIZE = {"polynomial": DEGREE, "fourier": FREQUENCIES}
PERIOD = Slider(
    key="gp_basis_period", label="gp.basis.period", low=0.5, high=8.0, default=4.0, step=0.5
)
U = Text(
    key="gp_basis_u",
    label="gp.basis.u",
    default="0, 1",
    max_chars=120,
    examples=("", "0.5", "1, -2, 3, -4, 5, -6, 7"),
)
S = Slider(key="gp_basis_s", label="gp.basis.s", low=0.1, high=2.0, default=0.5, step=0.1)
N = common.samples("gp_basis_n")


@cached_view()
def draws(
    kind: str, size: int, period: float, u: tuple[float, ...], s: float, n: int, seed: int
) -> core_views.BasisView:
    return core_views.basis_view(kind, size, period, u, s, n, core_views.BASIS_POINTS, seed)


def render() -> None:
    st.subheader(t("gp.basis.title"))
    st.markdown(t("gp.basis.intro"))
    with display.controls():
        c1, c2, c3 = st.columns(3)
        kind = KIND.draw(c1)
        size_param = SIZE[kind].draw(c2)
        period = PERIOD.draw(c3) if kind == "fourier" else 1.0  # unused by polynomials
        c4, c5, c6 = st.columns(3)
        u_text = U.draw(c4)
        s = S.draw(c5)
        n = N.draw(c6)
    with widgets.input_errors():
        size = core_views.features_of(kind, size_param, period).size
        u = tuple(weight_space.parse_weights(u_text, size))
        view = draws(kind, size_param, period, u, s, n, widgets.seed())
        st.caption(t("gp.basis.u_used", u=", ".join(f"{v:g}" for v in u)))
        left, right = st.columns(2)
        with left:
            common.paths(view, t("gp.basis.weights"), series="weights")
        with right:
            common.paths(view, t("gp.basis.functions"), dash="dash")
        common.jitter_note(view.jitter)
        widgets.formula(
            r"f(x) = w^\top \phi(x),\; w \sim \mathcal{N}(u, s^2 I) \;\Rightarrow\;"
            r" m(x) = u^\top \phi(x),\; k(x, x') = s^2\, \phi(x)^\top \phi(x')",
            t("gp.basis.formula_caption"),
        )
        widgets.code_panel(
            snippets.basis_code(
                kind,
                size_param,
                period,
                u,
                s,
                n,
                core_views.BASIS_POINTS,
                widgets.seed(),
                view.jitter,
            )
        )
