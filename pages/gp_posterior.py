"""Gaussian-process posterior (d2l.ai §18.3): click to add observations, choose the kernel and
the noise, read the log marginal likelihood, and learn the hyperparameters by gradient.

The observations live in one URL-bound text box (a shared link reproduces the data); clicks on
the chart, the data-set choice and the remove / clear buttons edit it through callbacks, before
the box is drawn. Four stateful tabs; only the open one computes. core.gp_posterior_views
computes each view (cached here on its scalar arguments), ui.charts.gp_posterior draws it.
"""

from __future__ import annotations

import math

import streamlit as st
import torch

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.errors import InputError
from ui import display, shared_runs, widgets
from ui.cached_views import view as _view
from ui.charts import gp as gp_charts
from ui.charts import gp_posterior as charts
from ui.i18n import t
from ui.kernel_controls import PARAM_SPECS, kernel_controls
from ui.snippets import gp_posterior as snippets
from ui.state import Text, sanitize_param

TABS = ("posterior", "covariance", "likelihood", "noise")
FORMS = ("single", "+", "*")
DATASETS = ("custom", *obs.DATASETS)
PREFIXES = {"": "gpp_k", "k1.": "gpp_k", "k2.": "gpp_k2"}
DATA_KEY = "gpp_obs"
DATASET_KEY = "gpp_data"
NOISE_KEY = "gpp_noise"
CHART_KEY = "gpp_chart"
NOISE_RANGE = (1e-4, 4.0)
NOISE_DEFAULT = 0.0625  # d2l's noise: sd 0.25
NOISE_PER_DECADE = 16
LOG_PER_DECADE = 8  # kernel_controls' log sliders (widgets.log_slider's default)
MAX_CHARS = 2000  # 100 pairs typed with a few more decimals than are kept
FIT_KEY = "_gpp_fit"
PENDING_KEY = "_gpp_pending"
FULL_KEY = "_gpp_full"
LAST_VALID = "_gpp_last_valid"
COMPARE_SAMPLES = 3
LIVE_UPDATES = 20  # redraws of the live curve during a fit
X_STAR = 2.5


# --- charts --------------------------------------------------------------------------------


def _plot(builder, *args, **kwargs) -> None:
    display.built_chart(builder, *args, key_prefix="gpp", file_prefix="gp-posterior", **kwargs)


# --- the observations: one URL-bound text box, edited by callbacks ------------------------------


def _default_text(dataset: str) -> str:
    return "" if dataset == "custom" else views.dataset_text(dataset)


def _current_text() -> str:
    dataset = st.session_state.get(DATASET_KEY, "d2l")
    return st.session_state.get(DATA_KEY, _default_text(dataset))


def _edit(text: str) -> None:
    """New observations from a click or a button: the data are the user's own from now on."""
    st.session_state[DATA_KEY] = text
    st.session_state[DATASET_KEY] = "custom"


def _load_dataset() -> None:
    name = st.session_state.get(DATASET_KEY, "custom")
    if name != "custom":
        st.session_state[DATA_KEY] = views.dataset_text(name)


def _typed() -> None:
    """Typed or pasted data are the user's own; valid ones are stored tidily (three decimals,
    one pair per line), which keeps the link short."""
    st.session_state[DATASET_KEY] = "custom"
    try:
        x, y = obs.parse_observations(st.session_state.get(DATA_KEY, ""))
    except InputError:
        return  # kept as typed: the error names the line to fix
    st.session_state[DATA_KEY] = obs.format_observations(x, y)


def _add_clicked_point() -> None:
    """A click on the chart (on its invisible grid) adds an observation there."""
    point = display.clicked_point(CHART_KEY)
    if point is None:
        return
    text = _current_text()
    if obs.count(text) >= obs.MAX_OBSERVATIONS:
        st.session_state[FULL_KEY] = True
        return
    _edit(obs.with_point(text, *point))


def _remove_last() -> None:
    _edit(obs.without_last(_current_text()))


def _clear() -> None:
    _edit("")


def _data_box(dataset: str) -> str:
    """The text of the observations, bound to the URL (over-long links are cut)."""
    sanitize_param(DATA_KEY, Text(MAX_CHARS, _default_text(dataset)))
    return st.text_area(
        t("gpp.data.box"),
        value=_default_text(dataset),
        key=DATA_KEY,
        help=t("gpp.data.box.help", max=obs.MAX_OBSERVATIONS, limit=f"{obs.LIMIT:g}"),
        max_chars=MAX_CHARS,
        height=160,
        on_change=_typed,
        bind=widgets.BIND,
    )


def _observations(text: str) -> str:
    """The text to draw: ``text`` when it parses, else the last one that did (error shown)."""
    try:
        x, _ = obs.parse_observations(text)
    except InputError as error:
        widgets.show_input_error(error)
        last_valid = st.session_state.get(LAST_VALID, "")
        st.caption(t("gpp.data.last_valid" if last_valid else "gpp.data.none_valid"))
        return last_valid
    st.session_state[LAST_VALID] = text
    st.caption(t("gpp.data.count", n=len(x), max=obs.MAX_OBSERVATIONS))
    return text


def data_controls() -> tuple[str, str | None]:
    """(observations text, data set whose true function to draw or None)."""
    if DATA_KEY in st.query_params and DATASET_KEY not in st.query_params:
        # A link with observations of its own and no data set: they are the sender's data.
        st.session_state.setdefault(DATASET_KEY, "custom")
    dataset = widgets.select(
        DATASET_KEY,
        t("gpp.dataset"),
        DATASETS,
        "d2l",
        help=t("gpp.dataset.help"),
        option_key=lambda o: f"gpp.dataset.{o}",
        on_change=_load_dataset,
    )
    c2, c3 = st.columns(2)
    c2.button(
        t("gpp.remove_last"),
        help=t("gpp.remove_last.help"),
        on_click=_remove_last,
        icon=":material/undo:",
        width="stretch",
    )
    c3.button(
        t("gpp.clear"),
        help=t("gpp.clear.help"),
        on_click=_clear,
        icon=":material/delete:",
        width="stretch",
    )
    with st.expander(t("gpp.data.expander"), icon=":material/edit:"):
        text = _data_box(dataset)
    if st.session_state.pop(FULL_KEY, False):
        st.warning(t("gpp.data.full", max=obs.MAX_OBSERVATIONS), icon=":material/block:")
    return _observations(text), None if dataset == "custom" else dataset


# --- the model: kernel form, kernels, noise ------------------------------------------------------


def model_controls() -> tuple[views.Form, float]:
    op = widgets.select(
        "gpp_form",
        t("gpp.form"),
        FORMS,
        "single",
        help=t("gpp.form.help"),
        option_key=lambda o: f"gpp.form.{o}",
        radio=True,
        horizontal=True,
    )
    if op == "single":
        form = (op, kernel_controls(PREFIXES[""], "gp.kernel", "RBF"), None)
    else:
        left, right = st.columns(2, gap="large")
        with left:
            spec1 = kernel_controls(PREFIXES["k1."], "gpp.k1", "RBF")
        with right:
            spec2 = kernel_controls(PREFIXES["k2."], "gpp.k2", "Periodic")
        form = (op, spec1, spec2)
    noise = widgets.log_slider(
        NOISE_KEY,
        t("gpp.noise"),
        *NOISE_RANGE,
        NOISE_DEFAULT,
        help=t("gpp.noise.help"),
        points_per_decade=NOISE_PER_DECADE,
    )
    st.caption(t("gpp.noise.sd", sd=f"{math.sqrt(noise):.3g}"))
    return form, noise


def _named(form: views.Form) -> snippets.Form:
    op, spec1, spec2 = form
    return op, (spec1[0], dict(spec1[1])), None if spec2 is None else (spec2[0], dict(spec2[1]))


def _control_name(form: views.Form, path: str) -> tuple[str, str]:
    """(path prefix, kernel_controls name) of hyperparameter ``path``: "k2.", "lengthscale"."""
    prefix, _, param = path.rpartition(".")
    spec = form[2] if prefix == "k2" else form[1]
    name = "linear_alpha" if (spec[0], param) == ("Linear", "alpha") else param
    return (f"{prefix}." if prefix else ""), name


def _slider_of(form: views.Form, path: str) -> tuple[str, tuple]:
    """The slider key of hyperparameter ``path`` and its kernel_controls spec."""
    prefix, name = _control_name(form, path)
    suffix, *rest = PARAM_SPECS[name]
    return f"{PREFIXES[prefix]}_{suffix}", tuple(rest)


def _param_label(form: views.Form, path: str) -> str:
    """The slider's label of hyperparameter ``path``, with k₁ / k₂ in a sum or product."""
    prefix, name = _control_name(form, path)
    which = {"k1.": "k₁: ", "k2.": "k₂: "}.get(prefix, "")
    return which + t(f"gp.param.{name}")


def _log_labels(low: float, high: float, default: float, per_decade: int) -> list[str]:
    """The options of widgets.log_slider(low, high, default, points_per_decade=per_decade)."""
    n = round(math.log10(high / low) * per_decade)
    values = {float(f"{low * (high / low) ** (i / n):.2g}") for i in range(n + 1)} | {default}
    return [f"{v:g}" for v in sorted(values)]


def _nearest_label(value: float, labels: list[str]) -> str:
    return min(labels, key=lambda label: abs(math.log(float(label) / value)))


def _slider_value(spec: tuple, value: float):
    low, high, default, log = spec
    if log:
        return _nearest_label(value, _log_labels(low, high, default, LOG_PER_DECADE))
    return round(min(max(value, low), high), 1)


def _fit_bounds(form: views.Form) -> dict[str, tuple[float, float]]:
    """Every hyperparameter stays in its slider's range while fitted."""
    kernel = views.kernel_of_form(form)
    bounds = {path: _slider_of(form, path)[1][:2] for path in gpp.hyperparameters(kernel)}
    return {**bounds, gpp.NOISE: NOISE_RANGE}


def _apply_pending_fit() -> None:
    """Set the sliders to the fitted values (before they are drawn: a widget's value can only
    be set by code before it exists in the run)."""
    for key, value in st.session_state.pop(PENDING_KEY, {}).items():
        st.session_state[key] = value


# --- tab 1: the posterior -------------------------------------------------------------------


def _labels(title: str, **extra: str) -> dict[str, str]:
    return {
        "title": title,
        "x": "x",
        "y": "f(x)",
        "mean": t("gpp.legend.mean"),
        "band": t("gpp.legend.band"),
        "prior": t("gpp.legend.prior"),
        "samples": t("gpp.legend.samples"),
        "observations": t("gpp.legend.observations"),
        "truth": t("gpp.legend.truth"),
        "click": t("gpp.legend.click"),
        "x_star": "x*",
        **extra,
    }


def _jitter_notes(*jitters: float) -> None:
    if max(jitters) > 0:
        st.caption(t("gp.jitter", jitter=f"{max(jitters):.1e}"))


def _lml_metrics(terms: gpp.LMLTerms) -> None:
    cols = st.columns(4)
    for col, key, value in zip(
        cols,
        ("total", "data_fit", "complexity", "constant"),
        (terms.total, terms.data_fit, terms.complexity, terms.constant),
        strict=True,
    ):
        col.metric(t(f"gpp.lml.{key}"), f"{value:.3f}", help=t(f"gpp.lml.{key}.help"))


def posterior_tab(form, text: str, noise: float, truth: str | None) -> None:
    st.markdown(t("gpp.posterior.intro"))
    c1, c2 = st.columns([2, 1])
    with c1:
        n = widgets.slider("gpp_n", t("gpp.samples"), 1, 50, 5, help=t("gpp.samples.help"))
    with c2:
        show_prior = widgets.toggle(
            "gpp_prior", t("gpp.show_prior"), True, help=t("gpp.show_prior.help")
        )
    seed = widgets.seed()
    view = _view(views.posterior_view, form, text, noise, n, seed, truth)
    title = t("gpp.posterior.chart", n=len(view["x"]), kernel=view["repr"])
    _plot(
        charts.posterior_figure,
        view["grid"],
        view["mean"],
        view["band"],
        view["x"],
        view["y"],
        bounds=view["bounds"],
        samples=view["samples"],
        prior_band=view["prior_band"] if show_prior else None,
        truth=view["truth"],
        clickable=True,
        labels=_labels(title),
        key=CHART_KEY,
        chart_kwargs={"on_select": _add_clicked_point, "selection_mode": "points"},
    )
    st.caption(t("gpp.posterior.click_hint"))
    if len(view["x"]) == 0:
        st.info(t("gpp.posterior.empty"), icon=":material/info:")
    _jitter_notes(view["jitter"], view["sample_jitter"])
    _lml_metrics(_view(views.lml_view, form, text, noise))
    widgets.formula(
        r"\bar f_* = K_*^\top (K + \sigma^2 I)^{-1} \mathbf y,\quad"
        r" \operatorname{cov}(f_*) = K_{**} - K_*^\top (K + \sigma^2 I)^{-1} K_*,\quad"
        r" \bar f_* \pm 2 \sqrt{\operatorname{diag} \operatorname{cov}(f_*)}",
        t("gpp.posterior.formula"),
    )
    _code(form, view, noise, n, seed, X_STAR)


def _code(form, view: dict, noise: float, n: int, seed: int, x_star: float) -> None:
    widgets.code_panel(
        snippets.posterior_code(
            _named(form),
            view["x"].tolist(),
            view["y"].tolist(),
            noise,
            view["bounds"][:2],
            views.TEST_POINTS,
            n,
            seed,
            view["jitter"],
            view["sample_jitter"],
            x_star,
        )
    )


# --- tab 2: covariance and influence ----------------------------------------------------------


def covariance_tab(form, text: str, noise: float) -> None:
    st.markdown(t("gpp.cov.intro"))
    x_star = widgets.slider(
        "gpp_xstar", t("gpp.xstar"), -10.0, 10.0, X_STAR, 0.05, help=t("gpp.xstar.help")
    )
    cov = _view(views.covariance_view, form, text, noise)
    infl = _view(views.influence_view, form, text, noise, x_star)
    bounds = views.window(torch.as_tensor(infl["x"]), torch.as_tensor(infl["y"]))
    left, right = st.columns(2)
    with left:
        labels = {"title": t("gpp.cov.chart"), "x": "x", "y": "x'", "colorbar": "cov"}
        _plot(
            gp_charts.heatmap_figure,
            cov["grid"],
            cov["grid"],
            cov["cov"],
            labels=labels,
            symmetric=True,
        )
    with right:
        labels = {
            "title": t("gpp.influence.chart", x=f"{x_star:g}"),
            "x": "xᵢ",
            "y": t("gpp.influence.axis"),
            "weights": t("gpp.influence.legend"),
            "x_star": "x*",
        }
        _plot(
            charts.influence_figure,
            infl["x"],
            infl["weights"],
            x_star,
            bounds=bounds[:2],
            labels=labels,
        )
    if len(infl["x"]):
        st.markdown(
            t(
                "gpp.influence.sum",
                x=f"{x_star:g}",
                mean=f"{infl['mean']:.4f}",
                total=f"{infl['total']:.4f}",
            )
        )
    else:
        st.info(t("gpp.posterior.empty"), icon=":material/info:")
    widgets.formula(
        r"\bar f(x_*) = \sum_i w_i(x_*)\, y_i,\quad"
        r" \mathbf w(x_*)^\top = k(x_*, X) (K + \sigma^2 I)^{-1}",
        t("gpp.influence.formula"),
    )
    view = _view(views.posterior_view, form, text, noise, 1, widgets.seed(), None)
    _code(form, view, noise, 1, widgets.seed(), x_star)


# --- tab 3: the marginal likelihood and the fit ------------------------------------------------


def _signature(form: views.Form, text: str) -> tuple:
    """What a fit belongs to: the kernel structure and the data (not the values it set)."""
    return form[0], form[1][0], form[2][0] if form[2] else None, text


def _run_fit(form, text: str, noise: float, steps: int, lr: float) -> None:
    """Adam with a live progress bar and curve, or another session's identical fit (shared,
    ui.shared_runs); the result goes to the sliders on the rerun."""
    bar = st.progress(0.0, text=t("gpp.fit.running"))
    slot = st.empty()
    every = max(1, steps // LIVE_UPDATES)

    def compute(report) -> dict:
        history: list[float] = []
        report((0, steps))

        def progress(step: int, lml: float) -> None:
            history.append(lml)
            if step % every and step != steps:
                return
            report((step, steps))  # for the sessions waiting for this fit
            label = t("gpp.fit.step", step=step, steps=steps, lml=f"{lml:.3f}")
            bar.progress(step / steps, text=label)
            with slot.container():
                display.chart(
                    charts.progress_figure(history, total_steps=steps, labels=_progress_labels()),
                    key=f"gpp_fit_live_{step}",
                    filename="gp-fit",
                )

        x, y = obs.parse_observations(text)
        result = gpp.fit(
            views.kernel_of_form(form),
            x,
            y,
            noise,
            steps=steps,
            lr=lr,
            bounds=_fit_bounds(form),
            callback=progress,
        )
        return {
            "params": result.params,
            "lml": result.lml,
            "initial": result.initial_lml,
            "history": list(result.history),
        }

    # Every input of the fit: the kernels with their starting values, the data, the noise.
    key = (form, text, noise, steps, lr)
    fitted = shared_runs.run_once("gp.fit", key, compute, on_wait=shared_runs.waiting(bar))
    params = dict(fitted["params"])
    st.session_state[FIT_KEY] = {
        "signature": _signature(form, text),
        "params": params,
        "lml": fitted["lml"],
        "initial": fitted["initial"],
        "history": list(fitted["history"]),
        "steps": steps,
    }
    pending = {
        _slider_of(form, p)[0]: _slider_value(_slider_of(form, p)[1], v)
        for p, v in params.items()
        if p != gpp.NOISE
    }
    pending[NOISE_KEY] = _nearest_label(
        params[gpp.NOISE], _log_labels(*NOISE_RANGE, NOISE_DEFAULT, NOISE_PER_DECADE)
    )
    st.session_state[PENDING_KEY] = pending
    st.rerun()


def _progress_labels() -> dict[str, str]:
    return {
        "title": t("gpp.fit.chart"),
        "x": t("gpp.fit.axis"),
        "y": "log p(y | X)",
        "lml": "log p(y | X)",
    }


def _fit_result(form, text: str) -> dict | None:
    result = st.session_state.get(FIT_KEY)
    if result is None or result["signature"] != _signature(form, text):
        return None
    return result


def _show_fit(form, result: dict) -> None:
    params = ", ".join(
        f"{_param_label(form, path)} = {value:.4g}"
        for path, value in result["params"].items()
        if path != gpp.NOISE
    )
    noise = result["params"][gpp.NOISE]
    st.success(
        t(
            "gpp.fit.done",
            params=params,
            noise=f"{noise:.4g}",
            sd=f"{math.sqrt(noise):.4g}",
            lml=f"{result['lml']:.3f}",
            initial=f"{result['initial']:.3f}",
        ),
        icon=":material/check_circle:",
    )
    st.caption(t("gpp.fit.applied"))
    _plot(
        charts.progress_figure,
        result["history"],
        total_steps=result["steps"],
        labels=_progress_labels(),
    )


def likelihood_tab(form, text: str, noise: float) -> None:
    st.markdown(t("gpp.lml.intro"))
    _lml_metrics(_view(views.lml_view, form, text, noise))
    fit, complexity, constant = (t(f"gpp.lml.{k}") for k in ("data_fit", "complexity", "constant"))
    widgets.formula(
        r"\log p(\mathbf y \mid X) = \underbrace{-\tfrac12 \mathbf y^\top (K + \sigma^2 I)^{-1}"
        rf" \mathbf y}}_{{\text{{{fit}}}}} \; \underbrace{{- \tfrac12 \log |K + \sigma^2 I|}}"
        rf"_{{\text{{{complexity}}}}} \; \underbrace{{- \tfrac n2 \log 2\pi}}"
        rf"_{{\text{{{constant}}}}}"
    )
    path = views.surface_param(form)
    result = _fit_result(form, text)
    left, right = st.columns([1.3, 1], gap="large")
    with left:
        if path is not None:
            _contour(form, text, noise, path, result)
    with right:
        st.markdown(f"**{t('gpp.fit.title')}**")
        st.markdown(t("gpp.fit.intro"))
        c1, c2 = st.columns(2)
        with c1:
            steps = widgets.slider(
                "gpp_steps", t("gpp.fit.steps"), 10, 1000, 200, 10, help=t("gpp.fit.steps.help")
            )
        with c2:
            lr = widgets.log_slider(
                "gpp_lr", t("gpp.fit.lr"), 0.005, 0.5, 0.1, help=t("gpp.fit.lr.help")
            )
        x, _ = obs.parse_observations(text)
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
                _run_fit(form, text, noise, steps, lr)
        if result is not None:
            _show_fit(form, result)
    d2l_reference()
    x, y = obs.parse_observations(text)
    span = _slider_of(form, path)[1][:2] if path else None
    widgets.code_panel(
        snippets.likelihood_code(
            _named(form),
            x.tolist(),
            y.tolist(),
            noise,
            steps,
            lr,
            _fit_bounds(form),
            path,
            span,
            NOISE_RANGE,
            views.SURFACE_POINTS,
        )
    )


def _contour(form, text: str, noise: float, path: str, result: dict | None) -> None:
    span = _slider_of(form, path)[1][:2]
    view = _view(views.surface_view, form, text, path, span, NOISE_RANGE)
    current = (gpp.hyperparameters(views.kernel_of_form(form))[path], noise)
    fitted = None
    if result is not None:
        fitted = (result["params"][path], result["params"][gpp.NOISE])
    name = _param_label(form, path)
    labels = {
        "title": t("gpp.contour.chart", param=name),
        "x": name,
        "y": "σ²",
        "colorbar": "log p",
        "surface": "log p(y | X)",
        "current": t("gpp.contour.current"),
        "fitted": t("gpp.contour.fitted"),
    }
    _plot(
        charts.contour_figure,
        view["values"],
        view["noises"],
        view["lml"],
        current=current,
        fitted=fitted,
        labels=labels,
    )
    best_value, best_noise = view["best"]
    st.caption(
        t("gpp.contour.caption", param=name, value=f"{best_value:.3g}", noise=f"{best_noise:.3g}")
    )


def d2l_reference() -> None:
    with st.expander(t("gpp.d2l.title"), icon=":material/menu_book:"):
        ref = _view(views.d2l_reference)
        st.markdown(
            t(
                "gpp.d2l.body",
                d2l_ls=f"{views.D2L_REPORTED['ls']:g}",
                d2l_sigma=f"{views.D2L_REPORTED['sigma']:g}",
                d2l_l=f"{ref['d2l_ls']:.3f}",
                ls=f"{ref['ls']:.3f}",
                ls2=f"{ref['ls2']:.3f}",
                sigma=f"{ref['sigma']:.3f}",
                lml=f"{ref['lml']:.3f}",
            )
        )


# --- tab 4: interpolation vs regression ---------------------------------------------------------


def noise_tab(form, text: str, noise: float, truth: str | None) -> None:
    st.markdown(t("gpp.noise_tab.intro"))
    seed = widgets.seed() + 1
    drawn = {}
    for column, value, key in zip(st.columns(2), (0.0, noise), ("free", "noisy"), strict=True):
        with column, widgets.input_errors():
            view = _view(views.posterior_view, form, text, value, COMPARE_SAMPLES, seed, truth)
            drawn[key] = view
            title = t(f"gpp.noise_tab.{key}", noise=f"{value:.3g}")
            _plot(
                charts.posterior_figure,
                view["grid"],
                view["mean"],
                view["band"],
                view["x"],
                view["y"],
                bounds=view["bounds"],
                samples=view["samples"],
                truth=view["truth"],
                labels=_labels(title),
                height=480,
                legend_room=True,
            )
            _jitter_notes(view["jitter"], view["sample_jitter"])
    st.markdown(t("gpp.noise_tab.explain"))
    widgets.formula(
        r"\sigma^2 = 0:\; \bar f(x_i) = y_i,\ \operatorname{var} f(x_i) = 0 \qquad"
        r" \sigma^2 > 0:\; \bar f(x_i) \ne y_i,\ \operatorname{var} f(x_i) > 0"
    )
    if "free" in drawn:
        _code(form, drawn["free"], 0.0, COMPARE_SAMPLES, seed, X_STAR)


# --- the page ------------------------------------------------------------------------------

st.title(t("page.gp_posterior.title"))
st.markdown(t("gpp.intro"))
_apply_pending_fit()
with display.controls():
    data_column, model_column = st.columns([1, 1.6], gap="large")
    with data_column:
        text, truth = data_controls()
    with model_column:
        form, noise = model_controls()
DRAW = {
    "posterior": lambda: posterior_tab(form, text, noise, truth),
    "covariance": lambda: covariance_tab(form, text, noise),
    "likelihood": lambda: likelihood_tab(form, text, noise),
    "noise": lambda: noise_tab(form, text, noise, truth),
}
for tab, name in zip(widgets.tabs("gpp_tab", [f"gpp.tab.{k}" for k in TABS]), TABS, strict=True):
    if tab.open:
        with tab, widgets.input_errors():
            DRAW[name]()
