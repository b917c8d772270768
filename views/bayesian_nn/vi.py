"""Tab 2, the variational posterior: Bayes by backprop (Blundell et al. 2015) on a toy problem
with a gap, its predictive band, the ELBO during training, and the learned means and scales
with the softplus that keeps every scale positive."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import bnn, bnn_views
from core.bnn_views import DataSpec, VISettings
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import bnn as charts
from ui.controls import Count, LogSlider
from ui.i18n import t
from ui.snippets import bnn as snippets
from views.bayesian_nn import PLOT, common

DATA = common.data_controls("bnn_vi", DataSpec("step", 0.1, 60, 0.5, 2.0))
WIDTH = common.width("bnn_vi_width", 10)
ACTIVATION = common.activation("bnn_vi_act", "tanh")
PRIOR = LogSlider(key="bnn_vi_prior", label="bnn.vi.prior", low=0.1, high=10.0, default=1.0)
SIGMA_Y = LogSlider(key="bnn_vi_sigma_y", label="bnn.vi.sigma_y", low=0.01, high=1.0, default=0.1)
STEPS = common.steps("bnn_vi_steps", 1000)
LR = common.learning_rate("bnn_vi_lr", 0.03)
SAMPLES = Count(key="bnn_vi_k", label="bnn.vi.k", options=(1, 2, 4, 8, 16, 32), default=8)
MODEL, TRAINING = (WIDTH, ACTIVATION, PRIOR, SIGMA_Y), (STEPS, LR, SAMPLES)  # two rows

ELBO = (
    r"\mathrm{ELBO}(\mu, \rho) = \mathbb{E}_{q}\!\left[\sum_i \log \mathcal{N}(y_i \mid"
    r" f_w(x_i), \sigma_y^2)\right] - \mathrm{KL}\big(q(w) \,\|\, p(w)\big),\quad"
    r" w = \mu + \operatorname{softplus}(\rho) \odot \varepsilon,\ "
    r"\varepsilon \sim \mathcal{N}(0, I)"
)
SOFTPLUS = (
    r"\sigma = \operatorname{softplus}(\rho) = \log(1 + e^{\rho}) > 0,\quad"
    r" \rho = \operatorname{softplus}^{-1}(\sigma) = \log(e^{\sigma} - 1),\quad"
    r" \mathrm{KL} = \sum \log\frac{\sigma_p}{\sigma} + \frac{\sigma^2 + (\mu - \mu_p)^2}"
    r"{2\sigma_p^2} - \frac{1}{2}"
)


def render() -> None:
    st.markdown(t("bnn.vi.intro"))
    data, values = common.draw_controls(DATA, MODEL, TRAINING)
    width, activation, prior_scale, noise_sigma, steps, lr, n_samples = values
    widgets.formula(ELBO, t("bnn.vi.formula_caption"))
    settings = VISettings(
        data=data, width=width, activation=activation, steps=steps, lr=lr,
        prior_scale=prior_scale, noise_sigma=noise_sigma, n_samples=n_samples,
    )  # fmt: skip
    with widgets.input_errors():
        view = common.train_and_show(
            "vi", settings, bnn_views.train_vi, _live_elbo, "bnn.vi.data_title", _results
        )
        code = snippets.vi_code(
            common.snippet_data(data, view),
            width,
            activation,
            prior_scale,
            noise_sigma,
            steps,
            lr,
            n_samples,
            bnn_views.seeds(widgets.seed()),
            bnn_views.GRID_POINTS,
            bnn_views.PREDICTIVE_SAMPLES,
        )
        widgets.code_panel(code)


def _elbo_args(history: dict) -> tuple[tuple, dict]:
    """Arguments of ``charts.elbo_figure`` for a training history."""
    steps = np.arange(1, len(history["elbo"]) + 1)
    labels = {
        "title": t("bnn.vi.elbo_title"),
        "x": t("bnn.axis.step"),
        "y": t("bnn.axis.nats"),
        "elbo": "ELBO",
        "log_likelihood": t("bnn.legend.log_likelihood"),
        "kl": "KL(q ‖ p)",
    }
    args = (steps, *(np.asarray(history[k]) for k in ("elbo", "log_likelihood", "kl")))
    return args, {"labels": labels}


def _live_elbo(history: dict):
    args, kwargs = _elbo_args(history)
    return charts.elbo_figure(*args, **kwargs)


softplus_curve = cached_view(max_entries=32)(bnn_views.softplus_curve)


def _results(result: bnn_views.VIView, view: bnn_views.DataView, settings: VISettings) -> None:
    labels = {
        **common.data_labels(),
        "title": t("bnn.vi.predictive_title"),
        "y": "f(x)",
        "band": t("bnn.legend.band"),
        "samples": t("bnn.legend.sampled", n=bnn_views.SHOWN_SAMPLES),
        "mean": t("bnn.legend.mean"),
    }
    PLOT(
        charts.predictive_figure,
        view.x_grid,
        result.mean,
        result.lower,
        result.upper,
        result.samples,
        view.f_true,
        view.x,
        view.y,
        gap=view.gap,
        labels=labels,
    )
    m1, m2, m3 = st.columns(3)
    m1.metric(t("bnn.vi.sd_data"), f"{result.sd_data:.3f}", help=t("bnn.vi.sd_data.help"))
    if result.sd_gap is not None:
        m2.metric(t("bnn.vi.sd_gap"), f"{result.sd_gap:.3f}", help=t("bnn.vi.sd_gap.help"))
    m3.metric("ELBO", f"{result.history['elbo'][-1]:.1f}", help=t("bnn.vi.elbo.help"))
    if settings.activation == "relu":
        st.caption(t("bnn.vi.relu_note"))
    args, kwargs = _elbo_args(result.history)
    PLOT(charts.elbo_figure, *args, **kwargs)
    left, right = st.columns(2)
    with left:
        names = list(bnn.PARAMETERS)
        labels = {
            "title": t("bnn.vi.hist_title"),
            "mu": "μ",
            "sigma": "σ = softplus(ρ)",
            "count": t("bnn.axis.count"),
        }
        PLOT(
            charts.parameter_histograms_figure,
            names,
            [result.mu[k] for k in names],
            [result.sigma[k] for k in names],
            labels=labels,
        )
    with right:
        rho, sigma = result.rho_all, result.sigma_all
        grid = softplus_curve(float(rho.min()), float(rho.max()))
        labels = {
            "title": t("bnn.vi.softplus_title"),
            "x": "ρ",
            "y": "σ",
            "curve": "σ = softplus(ρ) = log(1 + exp ρ)",
            "points": t("bnn.legend.learned"),
        }
        PLOT(charts.softplus_figure, *grid, rho, sigma, labels=labels)
    widgets.formula(SOFTPLUS, t("bnn.vi.softplus_caption"))
