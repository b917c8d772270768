"""The Gumbel-Softmax tab: a batch of relaxed samples at temperature tau (hard: straight-through
one-hots), on the simplex for three categories, entropy against tau, argmax frequencies of the
right and the wrong formula; then the gradients (`gradients`) and the correctness note."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import gumbel_views as core_views
from ui import widgets
from ui.cached_views import cached_view
from ui.charts import gumbel as charts
from ui.controls import LogSlider, Slider, Toggle, row
from ui.i18n import t
from ui.snippets import gumbel as snippets
from views.gumbel import PLOT, common, gradients

TAU = LogSlider(key="gb_tau", label="gumbel.soft.tau", low=0.01, high=100.0, default=1.0)
BATCH = Slider(key="gb_batch", label="gumbel.soft.batch", low=1, high=40, default=12)
HARD = Toggle(key="gb_hard", label="gumbel.soft.hard")
TERNARY_POINTS = 500
# the correctness note's two formulas: variant -> (formula, title on the simplex, else title)
NOTE = {
    "right": (
        r"y = \mathrm{softmax}\big((\ell + g)/\tau\big)",
        "gumbel.note.right_ternary",
        "gumbel.note.right",
    ),
    "wrong": (
        r"y = \mathrm{softmax}(\ell + \tau g)",
        "gumbel.note.wrong_ternary",
        "gumbel.note.wrong",
    ),
}

FORMULA = (
    r"y_i = \frac{\exp\big((\ell_i + g_i)/\tau\big)}{\sum_j \exp\big((\ell_j + g_j)/\tau\big)}"
    r",\qquad y_{\text{hard}} = \mathrm{onehot}(\arg\max_i y_i) + y - \mathrm{sg}(y)"
)


@cached_view(max_entries=16)
def batch(logits: tuple[float, ...], tau: float, hard: bool, n: int, seed: int):
    return core_views.batch(logits, tau, hard, n, common.generator(seed))


@cached_view(max_entries=16)
def summary(logits: tuple[float, ...], tau: float, seed: int) -> core_views.SoftmaxStats:
    return core_views.softmax_stats(logits, tau, common.generator(seed))


def render() -> None:
    logits = common.logits()
    common.intro("gumbel.soft.intro", FORMULA, "gumbel.soft.formula_caption")
    tau, n_batch, hard = row(TAU, BATCH, HARD)
    k = len(logits)
    categories = common.categories(k)
    with widgets.input_errors():
        samples = batch(logits, tau, hard, n_batch, widgets.seed() + common.SEED_BATCH)
        stats = summary(logits, tau, widgets.seed() + common.SEED_STATS)
        left, right = st.columns(2)
        with left:
            stacked(samples.right, categories, "gumbel.soft.batch_chart")
        with right:
            if k == 3:
                simplex(logits, tau, hard, "right", "gumbel.soft.ternary")
            else:
                st.info(t("gumbel.soft.ternary_k"))
        left, right = st.columns(2)
        with left:
            PLOT(
                charts.entropy_figure,
                core_views.ENTROPY_TAUS,
                {
                    "softmax((ℓ+g)/τ)": stats.entropy_right,
                    t("gumbel.soft.wrong_short"): stats.entropy_wrong,
                },
                tau,
                stats.max_entropy,
                labels={
                    "title": t("gumbel.soft.entropy", n=core_views.STATS_SAMPLES),
                    "y": t("gumbel.soft.entropy.y"),
                    "ceiling": t("gumbel.soft.entropy.ceiling", k=k),
                },
            )
        with right:
            PLOT(
                charts.grouped_bars,
                categories,
                {
                    t("gumbel.soft.argmax_right"): stats.right_argmax,
                    common.SOFTMAX: stats.probs,
                    t("gumbel.soft.argmax_wrong"): stats.wrong_argmax,
                },
                title=t("gumbel.soft.argmax", tau=f"{tau:g}", n=core_views.STATS_SAMPLES),
                x_title="i",
                y_title=t("gumbel.probability"),
            )
        widgets.code_panel(
            snippets.gumbel_softmax_code(
                logits, tau, hard, n_batch, widgets.seed() + common.SEED_BATCH
            )
        )
        gradients.render(logits, tau)
        correctness_note(logits, tau, n_batch)


def stacked(y: np.ndarray, categories: list[str], title_key: str) -> None:
    PLOT(
        charts.stacked_samples_figure,
        y,
        categories,
        labels={"title": t(title_key), "x": t("gumbel.soft.sample"), "y": "y_i"},
    )


def simplex(logits: tuple[float, ...], tau: float, hard: bool, variant: str, title: str) -> None:
    """Samples of the right or the wrong formula on the probability simplex (k = 3)."""
    data = batch(logits, tau, hard, TERNARY_POINTS, widgets.seed() + common.SEED_STATS)
    PLOT(
        charts.ternary_figure,
        getattr(data, variant),
        ["y₁", "y₂", "y₃"],
        data.probs,
        labels={
            "title": t(title, tau=f"{tau:g}", n=TERNARY_POINTS),
            "samples": t("gumbel.soft.samples"),
            "softmax": common.SOFTMAX,
        },
        key=f"gb_ternary_{variant}_{title}",
    )


def correctness_note(logits: tuple[float, ...], tau: float, n_batch: int) -> None:
    """The right and the wrong formula side by side, soft samples from the same noise: on
    the simplex when k = 3, else as stacked bars."""
    st.subheader(t("gumbel.note.title"))
    st.markdown(t("gumbel.note.body"))
    samples = batch(logits, tau, False, n_batch, widgets.seed() + common.SEED_BATCH)
    for column, (variant, (latex, simplex_title, bars_title)) in zip(
        st.columns(2), NOTE.items(), strict=True
    ):
        with column:
            widgets.formula(latex)
            if len(logits) == 3:
                simplex(logits, tau, False, variant, simplex_title)
            else:
                stacked(getattr(samples, variant), common.categories(len(logits)), bars_title)
