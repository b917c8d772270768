"""Bayesian neural networks: priors on weights and biases and the functions they draw, a
variational posterior by Bayes by backprop, and Gaussian noise as a regulariser.

Three stateful tabs; only the open one draws its controls and computes. Training runs only
behind a button, within core's cost budget, streams a progress bar and its loss curve, and is
stored under its settings and seed for every session (ui.shared_runs): reruns and other
controls never retrain, and sessions pressing Train on the same settings share one training.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import numpy as np
import streamlit as st
import torch

from core import bnn, bnn_data, bnn_noise, bnn_training, bnn_vi
from core.bnn import NetworkPrior, NormalPrior
from core.errors import InputError
from ui import display, shared_runs, widgets
from ui.charts import bnn as charts
from ui.i18n import t
from ui.snippets import bnn as snippets

TABS = ("bnn.tab.prior", "bnn.tab.vi", "bnn.tab.noise")
WIDTHS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
TRAIN_WIDTHS = (5, 10, 20, 50, 100, 200, 500)
SAMPLE_COUNTS = (1, 2, 4, 8, 16, 32)
PRIOR_POINTS = 161
VARIANCE_POINTS = 41
VARIANCE_NETWORKS = 500  # networks behind the empirical variance curve
GRID_POINTS = 161
PREDICTIVE_SAMPLES = 300
SHOWN_SAMPLES = 12  # sampled networks drawn over the predictive band
TEST_POINTS = 300
LIVE_UPDATES = 20  # progress and live-curve updates per training run
# Offsets of the sidebar seed: each view draws its own random numbers.
SEED_VARIANCE, SEED_DATA, SEED_TRAIN, SEED_PREDICTIVE = 1, 2, 3, 4
PRIOR_DEFAULTS = {  # parameter: (loc, scale)
    "fc1.weight": (0.0, 2.0),
    "fc1.bias": (0.0, 2.0),
    "out.weight": (0.0, 1.0),
    "out.bias": (0.0, 0.1),
}


class DataSpec(NamedTuple):
    function: str
    noise: float
    n: int
    gap_center: float
    gap_width: float


class VISettings(NamedTuple):
    data: DataSpec
    width: int
    activation: str
    prior_scale: float
    noise_sigma: float
    steps: int
    lr: float
    n_samples: int


class NoiseSettings(NamedTuple):
    data: DataSpec
    width: int
    activation: str
    input_sigma: float
    hidden_sigma: float
    steps: int
    lr: float


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def _np(x: torch.Tensor) -> np.ndarray:
    return x.detach().to(torch.float64).numpy()


def _plot(builder, *args, **kwargs) -> None:
    """Draw ``builder(*args, **kwargs)`` (a ``ui.charts.bnn`` builder), built once and cached."""
    display.built_chart(builder, *args, key_prefix="bnn", file_prefix="bnn", **kwargs)


def _prior_of(values: tuple[tuple[float, float], ...]) -> NetworkPrior:
    return NetworkPrior(*(NormalPrior(loc, scale) for loc, scale in values))


# --- cached computations (small scalar keys; numpy out) -------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def _prior_view(
    width: int,
    activation: str,
    priors: tuple[tuple[float, float], ...],
    n: int,
    scale_output: bool,
    seed: int,
) -> dict:
    prior = _prior_of(priors)
    x = bnn_data.grid(PRIOR_POINTS)
    f = bnn.sample_prior_functions(x, width, activation, prior, n, scale_output, _generator(seed))
    xv = bnn_data.grid(VARIANCE_POINTS)
    many = bnn.sample_prior_functions(
        xv,
        width,
        activation,
        prior,
        VARIANCE_NETWORKS,
        scale_output,
        _generator(seed + SEED_VARIANCE),
    )
    view = {"x": _np(x), "f": _np(f), "xv": _np(xv), "var": _np(bnn.sample_variance(many))}
    if bnn.has_closed_form(activation, prior):
        mean, var = bnn.prior_moments(x, width, activation, prior, scale_output)
        lower, upper = bnn.moment_band(mean, var)
        view |= {"mean": _np(mean), "lower": _np(lower), "upper": _np(upper)}
        view["closed_var"] = _np(bnn.prior_moments(xv, width, activation, prior, scale_output)[1])
    if bnn.has_gp_limit(activation, prior):
        view["kernel"] = repr(bnn.gp_limit_kernel(activation, prior))
    return view


def _data(spec: DataSpec, seed: int) -> bnn_data.ToyData:
    return bnn_data.make_toy_data(*spec, n_test=TEST_POINTS, generator=_generator(seed))


@st.cache_data(max_entries=32, show_spinner=False)
def _data_view(spec: DataSpec, seed: int) -> dict:
    data = _data(spec, seed)
    x = bnn_data.grid(GRID_POINTS)
    return {
        "x_grid": _np(x),
        "f_true": _np(bnn_data.true_function(spec.function)(x)),
        "x": _np(data.x),
        "y": _np(data.y),
        "x_test": _np(data.x_test),
        "y_test": _np(data.y_test),
        "gap": (data.gap.low, data.gap.high),
    }


def _train_vi(settings: VISettings, seed: int, callback) -> dict:
    data = _data(settings.data, seed + SEED_DATA)
    generator = _generator(seed + SEED_TRAIN)
    result = bnn_vi.train_bayes_by_backprop(
        data.x,
        data.y,
        settings.width,
        settings.activation,
        NetworkPrior.isotropic(settings.prior_scale),
        settings.noise_sigma,
        settings.steps,
        settings.lr,
        settings.n_samples,
        generator=generator,
        callback=callback,
        report_every=_report_every(settings.steps),
    )
    x = bnn_data.grid(GRID_POINTS)
    guide = result.guide
    samples = bnn_vi.predictive(
        guide, x, settings.activation, PREDICTIVE_SAMPLES, _generator(seed + SEED_PREDICTIVE)
    )
    mean, lower, upper = bnn_vi.predictive_band(samples)
    sigma = guide.sigma()
    sd_data, sd_gap = bnn_vi.mean_sd_outside_and_inside(samples, data.gap.contains(x))
    return {
        "history": {k: np.asarray(v) for k, v in result.history.items()},
        "mean": _np(mean),
        "lower": _np(lower),
        "upper": _np(upper),
        "samples": _np(samples[:SHOWN_SAMPLES]),
        "mu": {k: _np(v).ravel() for k, v in guide.mu.items()},
        "sigma": {k: _np(v).ravel() for k, v in sigma.items()},
        "rho_all": _np(torch.cat([v.ravel() for v in guide.rho.values()])),
        "sigma_all": _np(torch.cat([v.ravel() for v in sigma.values()])),
        "sd_data": sd_data,
        "sd_gap": sd_gap,
    }


def _train_noise(settings: NoiseSettings, seed: int, callback) -> dict:
    data = _data(settings.data, seed + SEED_DATA)
    result = bnn_noise.train_with_noise(
        data.x,
        data.y,
        data.x_test,
        data.y_test,
        settings.width,
        settings.activation,
        settings.input_sigma,
        settings.hidden_sigma,
        settings.steps,
        settings.lr,
        generator=_generator(seed + SEED_TRAIN),
        callback=callback,
        report_every=_report_every(settings.steps),
        record_every=max(1, settings.steps // 200),
    )
    x = bnn_data.grid(GRID_POINTS)
    with torch.no_grad():
        fits = bnn.network_outputs(x, result.params, settings.activation)
    return {
        "fits": _np(fits),
        "step": np.asarray(result.history["step"]),
        "train": np.asarray(result.history["train_mse"]),
        "test": np.asarray(result.history["test_mse"]),
    }


def _report_every(steps: int) -> int:
    return max(1, steps // LIVE_UPDATES)


def _refusal(settings: VISettings | NoiseSettings) -> InputError | None:
    """Why core would refuse to train these settings (over its cost budget), or None."""
    networks = settings.n_samples if isinstance(settings, VISettings) else bnn_noise.NETWORKS
    check = bnn_training.check_budget
    return shared_runs.refusal(check, settings.steps, networks, settings.data.n, settings.width)


# --- training behind a button ----------------------------------------------------------------


def _trained(
    kind: str,
    settings: VISettings | NoiseSettings,
    train: Callable[..., dict],
    live_figure: Callable[[dict], object],
    refusal: InputError | None,
) -> dict | None:
    """The stored training for these settings and seed; or, when the button is pressed, a new
    one, with a progress bar and a live loss curve while it runs, or another session's
    training of the same settings, with its progress. None until then, and when ``refusal``
    (over the budget: the button is disabled and the reason shown)."""
    seed = widgets.seed()
    stored = shared_runs.stored(f"bnn.{kind}", (settings, seed))
    label = t("bnn.train.done") if stored is not None else t("bnn.train.button")
    pressed = st.button(
        label,
        key=f"bnn_{kind}_train",
        help=t("bnn.train.help"),
        icon=":material/play_arrow:",
        type="primary",
        disabled=stored is not None or refusal is not None,
    )
    if refusal is not None:
        shared_runs.show_refusal(refusal)
    if not pressed or refusal is not None:
        return stored
    bar = st.progress(0.0, text=t("bnn.train.starting"))
    live = st.empty()

    def show(step: int, total: int, history: dict) -> None:
        bar.progress(step / total, text=t("bnn.train.progress", step=step, total=total))
        with live.container():
            # a new key per update: one run draws the live curve many times
            display.chart(live_figure(history), key=f"bnn_live_{kind}_{step}", filename=kind)

    def compute(report: Callable[[object], None]) -> dict:
        report((0, settings.steps))

        def callback(step: int, total: int, history: dict) -> None:
            report((step, total))  # for the sessions waiting for this training
            show(step, total, history)

        return train(settings, seed, callback)

    try:
        shared_runs.run_once(
            f"bnn.{kind}", (settings, seed), compute, on_wait=shared_runs.waiting(bar)
        )
    finally:
        bar.empty()  # the live curve stays: after a divergence it shows how the loss blew up
    st.rerun()  # draw the stored result, and the button as "trained"


# --- controls -------------------------------------------------------------------------------


def _slider(key: str, label_key: str, low, high, default, step=None, container=st):
    return widgets.slider(
        key,
        t(label_key),
        low,
        high,
        default,
        step,
        help=t(f"{label_key}.help"),
        container=container,
    )


def _log_slider(key: str, label_key: str, low, high, default, container=st) -> float:
    return widgets.log_slider(
        key, t(label_key), low, high, default, help=t(f"{label_key}.help"), container=container
    )


def _count(key: str, label_key: str, options, default, container=st) -> int:
    return widgets.count_slider(
        key, t(label_key), options, default, help=t(f"{label_key}.help"), container=container
    )


def _activation_key(name: str) -> str:
    # core.activations' labels (ReLU, Tanh, ...) are the activations page's catalog entries
    return "bnn.act.erf" if name == "erf" else f"act.name.{name}"


def _activation(key: str, default: str, container=st) -> str:
    return widgets.select(
        key,
        t("bnn.activation"),
        bnn.ACTIVATION_NAMES,
        default,
        help=t("bnn.activation.help"),
        option_key=_activation_key,
        container=container,
    )


def _data_controls(prefix: str, defaults: DataSpec) -> DataSpec:
    st.markdown(t("bnn.data.heading"))
    c1, c2, c3, c4, c5 = st.columns(5)
    function = widgets.select(
        f"{prefix}_fn",
        t("bnn.data.function"),
        tuple(bnn_data.TRUE_FUNCTIONS),
        defaults.function,
        help=t("bnn.data.function.help"),
        option_key=lambda name: f"bnn.fn.{name}",
        container=c1,
    )
    noise = _slider(f"{prefix}_noise", "bnn.data.noise", 0.0, 1.0, defaults.noise, 0.05, c2)
    n = _slider(f"{prefix}_n", "bnn.data.n", 5, 200, defaults.n, 1, c3)
    low, high = bnn_data.DOMAIN
    center = _slider(f"{prefix}_gap_c", "bnn.data.gap_c", low, high, defaults.gap_center, 0.1, c4)
    width = _slider(f"{prefix}_gap_w", "bnn.data.gap_w", 0.0, 4.0, defaults.gap_width, 0.1, c5)
    return DataSpec(function, noise, n, center, width)


def _plot_data(view: dict, title_key: str, with_test: bool = False) -> None:
    _plot(
        charts.data_figure,
        view["x_grid"],
        view["f_true"],
        view["x"],
        view["y"],
        gap=view["gap"],
        labels={**_data_labels(), "title": t(title_key), "test": t("bnn.legend.test")},
        test=(view["x_test"], view["y_test"]) if with_test else None,
    )


def _data_labels() -> dict[str, str]:
    return {
        "x": "x",
        "y": "y",
        "data": t("bnn.legend.data"),
        "true": t("bnn.legend.true"),
        "gap": t("bnn.legend.gap"),
    }


def _prior_controls(name: str, loc: float, scale: float) -> tuple[float, float]:
    """loc and scale sliders of one parameter tensor's Normal prior."""
    key = name.replace(".", "_")
    role = t(f"bnn.prior.role.{key}")
    st.markdown(f"**`{name}`**")
    return (
        widgets.slider(
            f"bnn_{key}_loc",
            t("bnn.prior.loc"),
            -3.0,
            3.0,
            loc,
            0.1,
            help=t("bnn.prior.loc.help", name=name, role=role),
        ),
        widgets.log_slider(
            f"bnn_{key}_scale",
            t("bnn.prior.scale"),
            0.01,
            10.0,
            scale,
            help=t("bnn.prior.scale.help", name=name, role=role),
        ),
    )


# --- tab 1: the prior -----------------------------------------------------------------------


def prior_tab() -> None:
    st.markdown(t("bnn.prior.intro"))
    with display.controls():
        c1, c2, c3, c4 = st.columns(4)
        width = _count("bnn_width", "bnn.prior.width", WIDTHS, 50, c1)
        activation = _activation("bnn_act", "relu", c2)
        n = _slider("bnn_n", "bnn.prior.n", 1, 100, 10, 1, c3)
        with c4:
            scale_output = widgets.toggle(
                "bnn_scale_out", t("bnn.prior.scale_out"), True, help=t("bnn.prior.scale_out.help")
            )
        priors = []
        for column, (name, (loc, scale)) in zip(st.columns(4), PRIOR_DEFAULTS.items(), strict=True):
            with column:
                priors.append(_prior_controls(name, loc, scale))
    widgets.formula(
        r"f(x) = b_2 + \sum_{j=1}^{J} v_j\, h(w_j x + b_j),\quad"
        r" w_j \sim \mathcal{N}(\mu_w, \sigma_w^2),\ b_j \sim \mathcal{N}(\mu_b, \sigma_b^2),\ "
        r" v_j \sim \mathcal{N}\!\left(\tfrac{\mu_v}{c}, \tfrac{\sigma_v^2}{c^2}\right),\ "
        r" b_2 \sim \mathcal{N}(\mu_{b_2}, \sigma_{b_2}^2),\quad c = \sqrt{J} \text{ or } 1",
        t("bnn.prior.formula_caption"),
    )
    with widgets.input_errors():
        view = _prior_view(width, activation, tuple(priors), n, scale_output, widgets.seed())
        closed = "closed_var" in view
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
            band = (view["lower"], view["upper"]) if closed else None
            _plot(
                charts.prior_functions_figure,
                view["x"],
                view["f"],
                labels=labels,
                band=band,
                mean=view.get("mean"),
            )
        with right:
            labels = {
                "title": t("bnn.prior.variance", n=VARIANCE_NETWORKS),
                "x": "x",
                "y": "Var f(x)",
                "empirical": t("bnn.legend.empirical_var", n=VARIANCE_NETWORKS),
                "closed": t("bnn.legend.closed_var"),
            }
            _plot(
                charts.variance_figure,
                view["xv"],
                view["var"],
                view.get("closed_var"),
                labels=labels,
            )
        _closed_form_note(activation, view, scale_output)
        code = snippets.prior_code(
            width, activation, priors, n, scale_output, PRIOR_POINTS, widgets.seed()
        )
        widgets.code_panel(code)


def _closed_form_note(activation: str, view: dict, scale_output: bool) -> None:
    if "closed_var" not in view:
        st.caption(t("bnn.prior.no_closed_form"))
        return
    formula = (
        r"\operatorname{Var} f(x) = \sigma_{b_2}^2 + J\left(\mathbb{E}[v^2]\,"
        r"\mathbb{E}[h(z)^2] - \mathbb{E}[v]^2\, \mathbb{E}[h(z)]^2\right),\quad"
        r" z = w x + b \sim \mathcal{N}(\mu_w x + \mu_b,\ \sigma_w^2 x^2 + \sigma_b^2)"
    )
    widgets.formula(
        formula, t(f"bnn.prior.closed.{'linear' if activation == 'linear' else 'kernel'}")
    )
    if "kernel" in view:
        key = "bnn.prior.gp_limit" if scale_output else "bnn.prior.gp_unscaled"
        st.info(t(key, kernel=view["kernel"]), icon=":material/link:")


# --- tab 2: the variational posterior ----------------------------------------------------


VI_DATA = DataSpec("step", 0.1, 60, 0.5, 2.0)


def vi_tab() -> None:
    st.markdown(t("bnn.vi.intro"))
    with display.controls():
        data = _data_controls("bnn_vi", VI_DATA)
        st.markdown(t("bnn.model.heading"))
        c1, c2, c3, c4 = st.columns(4)
        width = _count("bnn_vi_width", "bnn.model.width", TRAIN_WIDTHS, 10, c1)
        activation = _activation("bnn_vi_act", "tanh", c2)
        prior_scale = _log_slider("bnn_vi_prior", "bnn.vi.prior", 0.1, 10.0, 1.0, c3)
        noise_sigma = _log_slider("bnn_vi_sigma_y", "bnn.vi.sigma_y", 0.01, 1.0, 0.1, c4)
        c5, c6, c7 = st.columns(3)
        steps = _slider("bnn_vi_steps", "bnn.train.steps", 100, 5000, 1000, 100, c5)
        lr = _log_slider("bnn_vi_lr", "bnn.train.lr", 0.001, 0.3, 0.03, c6)
        n_samples = _count("bnn_vi_k", "bnn.vi.k", SAMPLE_COUNTS, 8, c7)
    widgets.formula(
        r"\mathrm{ELBO}(\mu, \rho) = \mathbb{E}_{q}\!\left[\sum_i \log \mathcal{N}(y_i \mid"
        r" f_w(x_i), \sigma_y^2)\right] - \mathrm{KL}\big(q(w) \,\|\, p(w)\big),\quad"
        r" w = \mu + \operatorname{softplus}(\rho) \odot \varepsilon,\ "
        r"\varepsilon \sim \mathcal{N}(0, I)",
        t("bnn.vi.formula_caption"),
    )
    settings = VISettings(data, width, activation, prior_scale, noise_sigma, steps, lr, n_samples)
    with widgets.input_errors():
        view = _data_view(data, widgets.seed() + SEED_DATA)
        result, refusal = None, _refusal(settings)
        with widgets.input_errors():  # a diverged training: its message above the data
            result = _trained("vi", settings, _train_vi, _live_elbo, refusal)
        if result is None:
            _plot_data(view, "bnn.vi.data_title")
            if refusal is None:
                st.info(t("bnn.train.first"), icon=":material/model_training:")
        else:
            _vi_results(result, view, settings)
        code = snippets.vi_code(
            _snippet_data(data, view),
            width,
            activation,
            prior_scale,
            noise_sigma,
            steps,
            lr,
            n_samples,
            _seeds(),
            GRID_POINTS,
            PREDICTIVE_SAMPLES,
        )
        widgets.code_panel(code)


def _snippet_data(spec: DataSpec, view: dict) -> tuple:
    return spec.function, spec.noise, spec.n, view["gap"]


def _seeds() -> dict[str, int]:
    seed = widgets.seed()
    return {
        "data": seed + SEED_DATA,
        "train": seed + SEED_TRAIN,
        "predictive": seed + SEED_PREDICTIVE,
    }


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


def _vi_results(result: dict, view: dict, settings: VISettings) -> None:
    labels = {
        **_data_labels(),
        "title": t("bnn.vi.predictive_title"),
        "y": "f(x)",
        "band": t("bnn.legend.band"),
        "samples": t("bnn.legend.sampled", n=SHOWN_SAMPLES),
        "mean": t("bnn.legend.mean"),
    }
    _plot(
        charts.predictive_figure,
        view["x_grid"],
        result["mean"],
        result["lower"],
        result["upper"],
        result["samples"],
        view["f_true"],
        view["x"],
        view["y"],
        gap=view["gap"],
        labels=labels,
    )
    m1, m2, m3 = st.columns(3)
    m1.metric(t("bnn.vi.sd_data"), f"{result['sd_data']:.3f}", help=t("bnn.vi.sd_data.help"))
    if result["sd_gap"] is not None:
        m2.metric(t("bnn.vi.sd_gap"), f"{result['sd_gap']:.3f}", help=t("bnn.vi.sd_gap.help"))
    m3.metric("ELBO", f"{result['history']['elbo'][-1]:.1f}", help=t("bnn.vi.elbo.help"))
    if settings.activation == "relu":
        st.caption(t("bnn.vi.relu_note"))
    args, kwargs = _elbo_args(result["history"])
    _plot(charts.elbo_figure, *args, **kwargs)
    left, right = st.columns(2)
    with left:
        names = list(bnn.PARAMETERS)
        labels = {
            "title": t("bnn.vi.hist_title"),
            "mu": "μ",
            "sigma": "σ = softplus(ρ)",
            "count": t("bnn.axis.count"),
        }
        _plot(
            charts.parameter_histograms_figure,
            names,
            [result["mu"][k] for k in names],
            [result["sigma"][k] for k in names],
            labels=labels,
        )
    with right:
        rho, sigma = result["rho_all"], result["sigma_all"]
        grid = _softplus_curve(float(rho.min()), float(rho.max()))
        labels = {
            "title": t("bnn.vi.softplus_title"),
            "x": "ρ",
            "y": "σ",
            "curve": "σ = softplus(ρ) = log(1 + exp ρ)",
            "points": t("bnn.legend.learned"),
        }
        _plot(charts.softplus_figure, *grid, rho, sigma, labels=labels)
    widgets.formula(
        r"\sigma = \operatorname{softplus}(\rho) = \log(1 + e^{\rho}) > 0,\quad"
        r" \rho = \operatorname{softplus}^{-1}(\sigma) = \log(e^{\sigma} - 1),\quad"
        r" \mathrm{KL} = \sum \log\frac{\sigma_p}{\sigma} + \frac{\sigma^2 + (\mu - \mu_p)^2}"
        r"{2\sigma_p^2} - \frac{1}{2}",
        t("bnn.vi.softplus_caption"),
    )


@st.cache_data(max_entries=32, show_spinner=False)
def _softplus_curve(low: float, high: float) -> tuple[np.ndarray, np.ndarray]:
    rho = torch.linspace(min(low, -5.0), max(high, 3.0), 121)
    return _np(rho), _np(bnn.softplus(rho))


# --- tab 3: noise as a regulariser ----------------------------------------------------------


NOISE_DATA = DataSpec(**bnn_noise.OVERFITTING_DATA)
NOISE_TRAINING = bnn_noise.OVERFITTING_TRAINING


def noise_tab() -> None:
    st.markdown(t("bnn.noise.intro"))
    with display.controls():
        data = _data_controls("bnn_reg", NOISE_DATA)
        st.markdown(t("bnn.model.heading"))
        c1, c2, c3, c4, c5, c6 = st.columns(6)
        d = NOISE_TRAINING
        width = _count("bnn_reg_width", "bnn.model.width", TRAIN_WIDTHS, d["width"], c1)
        activation = _activation("bnn_reg_act", d["activation"], c2)
        input_sigma = _slider("bnn_reg_sx", "bnn.noise.input", 0.0, 1.0, d["input_sigma"], 0.05, c3)
        hidden_sigma = _slider(
            "bnn_reg_sh", "bnn.noise.hidden", 0.0, 1.0, d["hidden_sigma"], 0.05, c4
        )
        steps = _slider("bnn_reg_steps", "bnn.train.steps", 100, 5000, d["steps"], 100, c5)
        lr = _log_slider("bnn_reg_lr", "bnn.train.lr", 0.001, 0.3, d["lr"], c6)
    widgets.formula(
        r"h = \operatorname{act}\big(W_1 (x + \sigma_x \varepsilon) + b_1\big) + \sigma_h"
        r" \varepsilon',\quad \mathbb{E}_\varepsilon\!\left[(f(x + \sigma_x\varepsilon) - y)^2"
        r"\right] \approx (f(x) - y)^2 + \sigma_x^2 \left(f'(x)^2 + (f(x) - y) f''(x)\right)",
        t("bnn.noise.formula_caption"),
    )
    settings = NoiseSettings(data, width, activation, input_sigma, hidden_sigma, steps, lr)
    with widgets.input_errors():
        view = _data_view(data, widgets.seed() + SEED_DATA)
        result, refusal = None, _refusal(settings)
        with widgets.input_errors():
            result = _trained("noise", settings, _train_noise, _live_errors, refusal)
        if result is None:
            _plot_data(view, "bnn.noise.data_title", with_test=True)
            if refusal is None:
                st.info(t("bnn.train.first"), icon=":material/model_training:")
        else:
            _noise_results(result, view)
        code = snippets.noise_code(
            _snippet_data(data, view),
            TEST_POINTS,
            width,
            activation,
            input_sigma,
            hidden_sigma,
            steps,
            lr,
            _seeds(),
            GRID_POINTS,
        )
        widgets.code_panel(code)


def _errors_labels() -> dict[str, str]:
    return {
        "title": t("bnn.noise.errors_title"),
        "x": t("bnn.axis.step"),
        "y": t("bnn.axis.mse"),
        "train_plain": t("bnn.legend.train_plain"),
        "test_plain": t("bnn.legend.test_plain"),
        "train_noisy": t("bnn.legend.train_noisy"),
        "test_noisy": t("bnn.legend.test_noisy"),
    }


def _live_errors(history: dict):
    return charts.errors_figure(
        np.asarray(history["step"]),
        np.asarray(history["train_mse"]).reshape(-1, 2),
        np.asarray(history["test_mse"]).reshape(-1, 2),
        labels=_errors_labels(),
    )


def _noise_results(result: dict, view: dict) -> None:
    labels = {
        **_data_labels(),
        "title": t("bnn.noise.fits_title"),
        "plain": t("bnn.noise.plain"),
        "noisy": t("bnn.noise.noisy"),
        "fit_plain": t("bnn.legend.fit_plain"),
        "fit_noisy": t("bnn.legend.fit_noisy"),
        "test": t("bnn.legend.test"),
    }
    _plot(
        charts.fits_figure,
        view["x_grid"],
        result["fits"],
        view["f_true"],
        view["x"],
        view["y"],
        view["x_test"],
        view["y_test"],
        labels=labels,
    )
    train, test = result["train"][-1], result["test"][-1]
    header = [t("bnn.noise.table.network"), t("bnn.noise.table.train"), t("bnn.noise.table.test")]
    rows = [
        [t("bnn.noise.plain"), f"{train[0]:.4f}", f"{test[0]:.4f}"],
        [t("bnn.noise.noisy"), f"{train[1]:.4f}", f"{test[1]:.4f}"],
    ]
    st.markdown(_markdown_table(header, rows))
    verdict = "better" if test[1] < test[0] else "worse"
    st.caption(t(f"bnn.noise.verdict.{verdict}"))
    _plot(
        charts.errors_figure,
        result["step"],
        result["train"],
        result["test"],
        labels=_errors_labels(),
    )


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *map(line, rows)])


# --- the page ------------------------------------------------------------------------------

st.title(t("page.bayesian_nn.title"))
st.markdown(t("bnn.intro"))
for tab, draw in zip(widgets.tabs("bnn_tab", TABS), (prior_tab, vi_tab, noise_tab), strict=True):
    if tab.open:
        with tab:
            draw()
