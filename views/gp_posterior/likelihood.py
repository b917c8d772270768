"""The log marginal likelihood: its three terms, its contour over a hyperparameter and the noise,
and the fit of every hyperparameter by Adam, whose result goes to the sliders; d2l's own fit
reproduced beside it."""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.kernels import Kernel
from ui import display, shared_runs, widgets
from ui.cached_views import cached_view
from ui.charts import gp_posterior as charts
from ui.controls import Control, LogSlider, Slider
from ui.i18n import t
from ui.snippets import gp_posterior as snippets
from views.gp_posterior import PLOT, common

STEPS = Slider(key="gpp_steps", label="gpp.fit.steps", low=10, high=1000, default=200, step=10)
LR = LogSlider(key="gpp_lr", label="gpp.fit.lr", low=0.005, high=0.5, default=0.1)
FIT_KEY = "_gpp_fit"
FIT_RUNS = "gpp_fit"  # the kind of the fits ui.shared_runs stores
LIVE_UPDATES = 20  # redraws of the live curve during a fit
NOISE_SPAN = (common.NOISE.low, common.NOISE.high)


@cached_view(max_entries=16)
def surface(kernel: Kernel, text: str, path: str, span: tuple[float, float]) -> views.SurfaceView:
    return views.surface_view(kernel, text, path, span, NOISE_SPAN)


@cached_view(max_entries=1)
def d2l_reference() -> views.D2LReference:
    return views.d2l_reference()


# --- the sliders of the hyperparameters ---------------------------------------------------------


def parameter(kernel: Kernel, path: str) -> Control:
    """The slider of hyperparameter ``path`` ("lengthscale", "k2.period") of ``kernel``."""
    prefix, _, param = path.rpartition(".")
    picker = common.K2 if prefix == "k2" else common.K1  # k1 has the single kernel's sliders
    part = dict(gpp.components(kernel))[f"{prefix}." if prefix else ""]
    return picker.parameter(type(part).__name__, param)


def span(kernel: Kernel, path: str) -> tuple[float, float]:
    control = parameter(kernel, path)
    return control.low, control.high


def label(kernel: Kernel, path: str) -> str:
    """The slider's label of hyperparameter ``path``, with k₁ / k₂ in a sum or product."""
    which = {"k1": "k₁: ", "k2": "k₂: "}.get(path.rpartition(".")[0], "")
    return which + t(parameter(kernel, path).label)


def _option(control: LogSlider, value: float) -> str:
    """The option of a log slider nearest to ``value`` (on a log scale)."""
    return f"{min(control.values(), key=lambda v: abs(math.log(v / value))):g}"


def _slider_value(control: Control, value: float):
    if isinstance(control, LogSlider):
        return _option(control, value)
    return round(min(max(value, control.low), control.high), 1)  # the kernel sliders' step


def fit_bounds(kernel: Kernel) -> dict[str, tuple[float, float]]:
    """Every hyperparameter stays in its slider's range while fitted."""
    bounds = {path: span(kernel, path) for path in gpp.hyperparameters(kernel)}
    return {**bounds, gpp.NOISE: NOISE_SPAN}


# --- the fit ------------------------------------------------------------------------------------


def _signature(kernel: Kernel, text: str) -> tuple:
    """What a fit belongs to: the kernel's structure and the data (not the values it set)."""
    parts = tuple(type(k).__name__ for _, k in gpp.components(kernel))
    return type(kernel).__name__, parts, text


@dataclass(frozen=True)
class Fitted:
    """A fit of this session, kept to report it and mark it on the contour."""

    signature: tuple
    fit: gpp.Fit
    steps: int


def _progress_labels() -> dict[str, str]:
    return {
        "title": t("gpp.fit.chart"),
        "x": t("gpp.fit.axis"),
        "y": "log p(y | X)",
        "lml": "log p(y | X)",
    }


def _run_fit(model: common.Model, steps: int, lr: float) -> None:
    """Adam with a live progress bar and curve, or another session's identical fit (shared,
    ui.shared_runs); the result goes to the sliders on the rerun."""
    bar = st.progress(0.0, text=t("gpp.fit.running"))
    slot = st.empty()
    every = max(1, steps // LIVE_UPDATES)

    def compute(report) -> gpp.Fit:
        history: list[float] = []
        report((0, steps))

        def progress(step: int, lml: float) -> None:
            history.append(lml)
            if step % every and step != steps:
                return
            report((step, steps))  # for the sessions waiting for this fit
            text = t("gpp.fit.step", step=step, steps=steps, lml=f"{lml:.3f}")
            bar.progress(step / steps, text=text)
            with slot.container():
                display.chart(
                    charts.progress_figure(history, total_steps=steps, labels=_progress_labels()),
                    key=f"gpp_fit_live_{step}",
                    filename="gp-fit",
                )

        x, y = obs.parse_observations(model.text)
        return gpp.fit(
            model.kernel,
            x,
            y,
            model.noise,
            steps=steps,
            lr=lr,
            bounds=fit_bounds(model.kernel),
            callback=progress,
        )

    # Every input of the fit: the kernel with its starting values, the data, the noise.
    key = (model.kernel, model.text, model.noise, steps, lr)
    fit = shared_runs.run_once(FIT_RUNS, key, compute, on_wait=shared_runs.waiting(bar))
    st.session_state[FIT_KEY] = Fitted(_signature(model.kernel, model.text), fit, steps)
    pending = {
        parameter(model.kernel, path).key: _slider_value(parameter(model.kernel, path), value)
        for path, value in fit.params.items()
        if path != gpp.NOISE
    }
    pending[common.NOISE.key] = _option(common.NOISE, fit.params[gpp.NOISE])
    st.session_state[common.PENDING_KEY] = pending
    st.rerun()


def _fitted(model: common.Model) -> Fitted | None:
    """This session's fit of the current kernel structure and data, if any."""
    fitted = st.session_state.get(FIT_KEY)
    if fitted is None or fitted.signature != _signature(model.kernel, model.text):
        return None
    return fitted


def _show_fit(kernel: Kernel, fitted: Fitted) -> None:
    params = ", ".join(
        f"{label(kernel, path)} = {value:.4g}"
        for path, value in fitted.fit.params.items()
        if path != gpp.NOISE
    )
    noise = fitted.fit.params[gpp.NOISE]
    st.success(
        t(
            "gpp.fit.done",
            params=params,
            noise=f"{noise:.4g}",
            sd=f"{math.sqrt(noise):.4g}",
            lml=f"{fitted.fit.lml:.3f}",
            initial=f"{fitted.fit.initial_lml:.3f}",
        ),
        icon=":material/check_circle:",
    )
    st.caption(t("gpp.fit.applied"))
    PLOT(
        charts.progress_figure,
        list(fitted.fit.history),
        total_steps=fitted.steps,
        labels=_progress_labels(),
    )


# --- the view -----------------------------------------------------------------------------------


def _contour(model: common.Model, path: str, fitted: Fitted | None) -> None:
    view = surface(model.kernel, model.text, path, span(model.kernel, path))
    current = (gpp.hyperparameters(model.kernel)[path], model.noise)
    best = None
    if fitted is not None:
        best = (fitted.fit.params[path], fitted.fit.params[gpp.NOISE])
    name = label(model.kernel, path)
    labels = {
        "title": t("gpp.contour.chart", param=name),
        "x": name,
        "y": "σ²",
        "colorbar": "log p",
        "surface": "log p(y | X)",
        "current": t("gpp.contour.current"),
        "fitted": t("gpp.contour.fitted"),
    }
    PLOT(
        charts.contour_figure,
        view.values,
        view.noises,
        view.lml,
        current=current,
        fitted=best,
        labels=labels,
    )
    best_value, best_noise = view.best
    st.caption(
        t("gpp.contour.caption", param=name, value=f"{best_value:.3g}", noise=f"{best_noise:.3g}")
    )


def _d2l_reference() -> None:
    with st.expander(t("gpp.d2l.title"), icon=":material/menu_book:"):
        ref = d2l_reference()
        st.markdown(
            t(
                "gpp.d2l.body",
                d2l_ls=f"{views.D2L_REPORTED['ls']:g}",
                d2l_sigma=f"{views.D2L_REPORTED['sigma']:g}",
                d2l_l=f"{ref.d2l_ls:.3f}",
                ls=f"{ref.ls:.3f}",
                ls2=f"{ref.ls2:.3f}",
                sigma=f"{ref.sigma:.3f}",
                lml=f"{ref.lml:.3f}",
            )
        )


def render(model: common.Model) -> None:
    st.markdown(t("gpp.lml.intro"))
    common.lml_metrics(model)
    fit, complexity, constant = (
        t(common.LML_TERMS[term][0]) for term in ("data_fit", "complexity", "constant")
    )
    widgets.formula(
        r"\log p(\mathbf y \mid X) = \underbrace{-\tfrac12 \mathbf y^\top (K + \sigma^2 I)^{-1}"
        rf" \mathbf y}}_{{\text{{{fit}}}}} \; \underbrace{{- \tfrac12 \log |K + \sigma^2 I|}}"
        rf"_{{\text{{{complexity}}}}} \; \underbrace{{- \tfrac n2 \log 2\pi}}"
        rf"_{{\text{{{constant}}}}}"
    )
    path = views.surface_param(model.kernel)
    fitted = _fitted(model)
    x, y = obs.parse_observations(model.text)
    left, right = st.columns([1.3, 1], gap="large")
    with left:
        if path is not None:
            _contour(model, path, fitted)
    with right:
        st.markdown(f"**{t('gpp.fit.title')}**")
        st.markdown(t("gpp.fit.intro"))
        c1, c2 = st.columns(2)
        steps = STEPS.draw(container=c1)
        lr = LR.draw(container=c2)
        refusal = shared_runs.refusal(gpp.check_fit_budget, steps, len(x))
        clicked = st.button(
            t("gpp.fit.button"),
            help=t("gpp.fit.button.help"),
            icon=":material/auto_fix_high:",
            type="primary",
            disabled=len(x) == 0 or refusal is not None,
        )
        if refusal is not None:
            shared_runs.show_refusal(refusal)
        elif clicked:
            with widgets.input_errors():
                _run_fit(model, steps, lr)
        if fitted is not None:
            _show_fit(model.kernel, fitted)
    _d2l_reference()
    widgets.code_panel(
        snippets.likelihood_code(
            model.kernel,
            x.tolist(),
            y.tolist(),
            model.noise,
            steps,
            lr,
            fit_bounds(model.kernel),
            path,
            span(model.kernel, path) if path else None,
            NOISE_SPAN,
            views.SURFACE_POINTS,
        )
    )
