"""Tab 1, the prior: Normal priors on each weight and bias tensor of a one-hidden-layer network,
the random functions they draw, and the variance of f(x) over many networks against its closed
form and, for erf and ReLU units, the Gaussian-process limit of wide networks (Neal 1996,
Williams 1998)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import bnn_views
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import bnn as charts
from ui.controls import Count, LogSlider, Slider, Toggle
from ui.i18n import t
from ui.snippets import bnn as snippets
from views.bayesian_nn import PLOT, common

WIDTH = Count(
    key="bnn_width", label="bnn.prior.width",
    options=(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000), default=50,
)  # fmt: skip
ACTIVATION = common.activation("bnn_act", "relu")
N = Slider(key="bnn_n", label="bnn.prior.n", low=1, high=100, default=10, step=1)
SCALE_OUTPUT = Toggle(key="bnn_scale_out", label="bnn.prior.scale_out", default=True)
NETWORK = (WIDTH, ACTIVATION, N, SCALE_OUTPUT)  # one row
# Each parameter tensor's Normal(loc, scale) prior: the defaults, and what its scale does.
PRIORS = {  # parameter: (loc, scale)
    "fc1.weight": (0.0, 2.0),
    "fc1.bias": (0.0, 2.0),
    "out.weight": (0.0, 1.0),
    "out.bias": (0.0, 0.1),
}
ROLES = {
    "fc1.weight": "bnn.prior.role.fc1_weight",
    "fc1.bias": "bnn.prior.role.fc1_bias",
    "out.weight": "bnn.prior.role.out_weight",
    "out.bias": "bnn.prior.role.out_bias",
}


def _url_name(name: str) -> str:
    return name.replace(".", "_")


@dataclass(frozen=True, kw_only=True)
class _AboutTensor:
    """A prior's control whose tooltip names its parameter tensor and what that tensor does."""

    tensor: str

    def help_params(self) -> dict[str, object]:
        return {"name": self.tensor, "role": t(ROLES[self.tensor])}


@dataclass(frozen=True, kw_only=True)
class PriorLoc(_AboutTensor, Slider):
    pass


@dataclass(frozen=True, kw_only=True)
class PriorScale(_AboutTensor, LogSlider):
    pass


LOCS = {
    name: PriorLoc(
        key=f"bnn_{_url_name(name)}_loc", label="bnn.prior.loc", low=-3.0, high=3.0,
        default=loc, step=0.1, tensor=name,
    )
    for name, (loc, _) in PRIORS.items()
}  # fmt: skip
SCALES = {
    name: PriorScale(
        key=f"bnn_{_url_name(name)}_scale", label="bnn.prior.scale", low=0.01, high=10.0,
        default=scale, tensor=name,
    )
    for name, (_, scale) in PRIORS.items()
}  # fmt: skip

FORMULA = (
    r"f(x) = b_2 + \sum_{j=1}^{J} v_j\, h(w_j x + b_j),\quad"
    r" w_j \sim \mathcal{N}(\mu_w, \sigma_w^2),\ b_j \sim \mathcal{N}(\mu_b, \sigma_b^2),\ "
    r" v_j \sim \mathcal{N}\!\left(\tfrac{\mu_v}{c}, \tfrac{\sigma_v^2}{c^2}\right),\ "
    r" b_2 \sim \mathcal{N}(\mu_{b_2}, \sigma_{b_2}^2),\quad c = \sqrt{J} \text{ or } 1"
)
CLOSED_FORM = (
    r"\operatorname{Var} f(x) = \sigma_{b_2}^2 + J\left(\mathbb{E}[v^2]\,"
    r"\mathbb{E}[h(z)^2] - \mathbb{E}[v]^2\, \mathbb{E}[h(z)]^2\right),\quad"
    r" z = w x + b \sim \mathcal{N}(\mu_w x + \mu_b,\ \sigma_w^2 x^2 + \sigma_b^2)"
)


prior_view = cached_view(max_entries=32)(bnn_views.prior_view)


def render() -> None:
    st.markdown(t("bnn.prior.intro"))
    with display.controls():
        width, activation, n, scale_output = common.draw_row(NETWORK)
        priors = []
        for column, name in zip(st.columns(4), PRIORS, strict=True):
            with column:
                priors.append(_draw_prior(name))
    widgets.formula(FORMULA, t("bnn.prior.formula_caption"))
    with widgets.input_errors():
        seed = widgets.seed()
        view = prior_view(width, activation, tuple(priors), n, scale_output, seed)
        left, right = st.columns(2)
        with left:
            labels = {
                "title": t("bnn.prior.functions", n=n, width=width),
                "x": "x",
                "y": "f(x)",
                "paths": t("bnn.legend.networks"),
                "band": t("bnn.legend.prior_band"),
                "mean": t("bnn.legend.prior_mean"),
            }
            band = None if view.closed_var is None else (view.lower, view.upper)
            PLOT(
                charts.prior_functions_figure,
                view.x,
                view.f,
                labels=labels,
                band=band,
                mean=view.mean,
            )
        with right:
            networks = bnn_views.VARIANCE_NETWORKS
            labels = {
                "title": t("bnn.prior.variance", n=networks),
                "x": "x",
                "y": "Var f(x)",
                "empirical": t("bnn.legend.empirical_var", n=networks),
                "closed": t("bnn.legend.closed_var"),
            }
            PLOT(charts.variance_figure, view.xv, view.var, view.closed_var, labels=labels)
        _closed_form_note(activation, view, scale_output)
        points = bnn_views.PRIOR_POINTS
        widgets.code_panel(
            snippets.prior_code(width, activation, priors, n, scale_output, points, seed)
        )


def _draw_prior(name: str) -> tuple[float, float]:
    """loc and scale sliders of one parameter tensor's Normal prior; their tooltips name the
    tensor and what it does."""
    st.markdown(f"**`{name}`**")
    return LOCS[name].draw(), SCALES[name].draw()


def _closed_form_note(activation: str, view: bnn_views.PriorView, scale_output: bool) -> None:
    if view.closed_var is None:
        st.caption(t("bnn.prior.no_closed_form"))
        return
    closed = "bnn.prior.closed.linear" if activation == "linear" else "bnn.prior.closed.kernel"
    widgets.formula(CLOSED_FORM, t(closed))
    if view.kernel is not None:
        key = "bnn.prior.gp_limit" if scale_output else "bnn.prior.gp_unscaled"
        st.info(t(key, kernel=view.kernel), icon=":material/link:")
