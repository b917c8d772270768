"""What the four views of the GP-posterior page share: the model drawn above the tabs (the
observations, the kernel and the noise), its cached posterior and likelihood, the posterior
chart's labels, and the code panel.

The observations live in one URL-bound text box (a shared link reproduces the data); clicks on
the chart, the data-set choice and the remove / clear buttons edit it through callbacks, before
the box is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.errors import InputError
from core.kernels import Kernel
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import gp_posterior as charts
from ui.controls import LogSlider, Select, Text
from ui.i18n import t
from ui.kernel_controls import KernelPicker
from ui.snippets import gp_posterior as snippets
from ui.state import Text as TextParam
from ui.state import sanitize_param
from views.gp_posterior import PLOT

DATASETS = {
    "custom": "gpp.dataset.custom",
    "d2l": "gpp.dataset.d2l",
    "step": "gpp.dataset.step",
    "periodic": "gpp.dataset.periodic",
    "linear": "gpp.dataset.linear",
}
assert tuple(DATASETS)[1:] == tuple(obs.DATASETS)
DATASET = Select(key="gpp_data", label="gpp.dataset", options=DATASETS, default="d2l")
# 100 pairs typed with a few more decimals than are kept; the examples are for the sweeps.
DATA = Text(
    key="gpp_obs",
    label="gpp.data.box",
    default="",
    max_chars=2000,
    examples=("", "-10, -10\n0, 1\n10, 10"),
)
FORM = Select(
    key="gpp_form",
    label="gpp.form",
    options={"single": "gpp.form.single", "+": "gpp.form.+", "*": "gpp.form.*"},
    default="single",
    radio=True,
)
# One kernel, or k1 and k2 of a sum or product; k1 shares the single kernel's sliders.
KERNEL = KernelPicker("gpp_k", "gp.kernel", "RBF")
K1 = KernelPicker("gpp_k", "gpp.k1", "RBF")
K2 = KernelPicker("gpp_k2", "gpp.k2", "Periodic")
NOISE = LogSlider(
    key="gpp_noise", label="gpp.noise", low=1e-4, high=4.0, default=0.0625, points_per_decade=16
)  # d2l's noise: sd 0.25

CHART_KEY = "gpp_chart"  # the posterior chart, whose clicks add observations
PENDING_KEY = "_gpp_pending"  # slider values a fit set, applied before the sliders are drawn
FULL_KEY = "_gpp_full"
LAST_VALID = "_gpp_last_valid"
X_STAR = 2.5  # where the code panels weigh the observations


@dataclass(frozen=True)
class Model:
    """What every view draws: the observations (the text of the last valid ones), the data set
    whose true function to draw (None for one's own data), the kernel and the noise variance."""

    text: str
    truth: str | None
    kernel: Kernel
    noise: float


# --- the observations: one URL-bound text box, edited by callbacks ------------------------------


def _default_text(dataset: str) -> str:
    return "" if dataset == "custom" else views.dataset_text(dataset)


def _current_text() -> str:
    dataset = st.session_state.get(DATASET.key, DATASET.default)
    return st.session_state.get(DATA.key, _default_text(dataset))


def _edit(text: str) -> None:
    """New observations from a click or a button: the data are the user's own from now on."""
    st.session_state[DATA.key] = text
    st.session_state[DATASET.key] = "custom"


def _load_dataset() -> None:
    name = st.session_state.get(DATASET.key, "custom")
    if name != "custom":
        st.session_state[DATA.key] = views.dataset_text(name)


def _typed() -> None:
    """Typed or pasted data are the user's own; valid ones are stored tidily (three decimals,
    one pair per line), which keeps the link short."""
    st.session_state[DATASET.key] = "custom"
    try:
        x, y = obs.parse_observations(st.session_state.get(DATA.key, ""))
    except InputError:
        return  # kept as typed: the error names the line to fix
    st.session_state[DATA.key] = obs.format_observations(x, y)


def add_clicked_point() -> None:
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
    """The text of the observations, bound to the URL (over-long links are cut): a text area,
    which `ui.controls.Text` does not draw."""
    sanitize_param(DATA.key, TextParam(DATA.max_chars, _default_text(dataset)))
    return st.text_area(
        t(DATA.label),
        value=_default_text(dataset),
        key=DATA.key,
        help=t(DATA.help, max=obs.MAX_OBSERVATIONS, limit=f"{obs.LIMIT:g}"),
        max_chars=DATA.max_chars,
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


def _data_controls() -> tuple[str, str | None]:
    """(observations text, data set whose true function to draw or None)."""
    if DATA.key in st.query_params and DATASET.key not in st.query_params:
        # A link with observations of its own and no data set: they are the sender's data.
        st.session_state.setdefault(DATASET.key, "custom")
    dataset = DATASET.draw(on_change=_load_dataset)
    buttons = (
        ("gpp.remove_last", "gpp.remove_last.help", _remove_last, ":material/undo:"),
        ("gpp.clear", "gpp.clear.help", _clear, ":material/delete:"),
    )
    for column, (label, tip, action, icon) in zip(st.columns(2), buttons, strict=True):
        column.button(t(label), help=t(tip), on_click=action, icon=icon, width="stretch")
    with st.expander(t("gpp.data.expander"), icon=":material/edit:"):
        text = _data_box(dataset)
    if st.session_state.pop(FULL_KEY, False):
        st.warning(t("gpp.data.full", max=obs.MAX_OBSERVATIONS), icon=":material/block:")
    return _observations(text), None if dataset == "custom" else dataset


# --- the model: kernel form, kernels, noise ------------------------------------------------------


def _model_controls() -> tuple[Kernel, float]:
    op = FORM.draw(horizontal=True)
    if op == "single":
        kernel = KERNEL.draw()
    else:
        left, right = st.columns(2, gap="large")
        with left:
            k1 = K1.draw()
        with right:
            k2 = K2.draw()
        kernel = k1 + k2 if op == "+" else k1 * k2
    noise = NOISE.draw()
    st.caption(t("gpp.noise.sd", sd=f"{math.sqrt(noise):.3g}"))
    return kernel, noise


def draw_model() -> Model:
    """The controls above the tabs; a fit's values go to the sliders first (a widget's value
    can only be set by code before it exists in the run)."""
    for key, value in st.session_state.pop(PENDING_KEY, {}).items():
        st.session_state[key] = value
    with display.controls():
        data_column, model_column = st.columns([1, 1.6], gap="large")
        with data_column:
            text, truth = _data_controls()
        with model_column:
            kernel, noise = _model_controls()
    return Model(text, truth, kernel, noise)


# --- shared by the views -------------------------------------------------------------------------


@cached_view(max_entries=32)
def posterior(
    kernel: Kernel, text: str, noise: float, n: int, seed: int, truth: str | None
) -> views.PosteriorView:
    return views.posterior_view(kernel, text, noise, n, seed, truth)


@cached_view(max_entries=32)
def lml(kernel: Kernel, text: str, noise: float) -> gpp.LMLTerms:
    return views.lml_view(kernel, text, noise)


def labels(title: str) -> dict[str, str]:
    """The posterior chart's labels."""
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
    }


def posterior_chart(view: views.PosteriorView, title: str, **options) -> None:
    """The posterior of ``view`` with its samples and true function; ``options`` go to
    `charts.posterior_figure` (prior band, click grid, height) or to the chart."""
    PLOT(
        charts.posterior_figure,
        view.grid,
        view.mean,
        view.band,
        view.x,
        view.y,
        bounds=view.bounds,
        samples=view.samples,
        truth=view.truth,
        labels=labels(title),
        **options,
    )


def jitter_notes(view: views.PosteriorView) -> None:
    jitter = max(view.jitter, view.sample_jitter)
    if jitter > 0:
        st.caption(t("gp.jitter", jitter=f"{jitter:.1e}"))


# The terms of log p(y | X): (label, tooltip).
LML_TERMS = {
    "total": ("gpp.lml.total", "gpp.lml.total.help"),
    "data_fit": ("gpp.lml.data_fit", "gpp.lml.data_fit.help"),
    "complexity": ("gpp.lml.complexity", "gpp.lml.complexity.help"),
    "constant": ("gpp.lml.constant", "gpp.lml.constant.help"),
}


def lml_metrics(model: Model) -> None:
    terms = lml(model.kernel, model.text, model.noise)
    for col, (term, (label, tip)) in zip(st.columns(4), LML_TERMS.items(), strict=True):
        col.metric(t(label), f"{getattr(terms, term):.3f}", help=t(tip))


def code_panel(
    model: Model,
    view: views.PosteriorView,
    noise: float,
    n: int,
    seed: int,
    x_star: float = X_STAR,
) -> None:
    """The program that reproduces ``view`` (drawn with ``noise``, ``n`` samples, ``seed``) and
    weighs the observations at ``x_star``."""
    widgets.code_panel(
        snippets.posterior_code(
            model.kernel,
            view.x.tolist(),
            view.y.tolist(),
            noise,
            view.bounds[:2],
            views.TEST_POINTS,
            n,
            seed,
            view.jitter,
            view.sample_jitter,
            x_star,
        )
    )
