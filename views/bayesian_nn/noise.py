"""Tab 3, noise as a regulariser: one network trained with and without Gaussian noise on its
inputs and hidden units (Bishop 1995), side by side on a problem made to overfit; their fits,
final errors and errors during training."""

from __future__ import annotations

import numpy as np
import streamlit as st

from core import bnn_noise, bnn_views
from core.bnn_views import DataSpec, NoiseSettings
from ui import widgets
from ui.charts import bnn as charts
from ui.controls import Slider
from ui.i18n import t
from ui.snippets import bnn as snippets
from views.bayesian_nn import PLOT, common

DEFAULTS = bnn_noise.OVERFITTING_TRAINING
DATA = common.data_controls("bnn_reg", DataSpec(**bnn_noise.OVERFITTING_DATA))
WIDTH = common.width("bnn_reg_width", DEFAULTS["width"])
ACTIVATION = common.activation("bnn_reg_act", DEFAULTS["activation"])
INPUT_SIGMA = Slider(
    key="bnn_reg_sx", label="bnn.noise.input", low=0.0, high=1.0,
    default=DEFAULTS["input_sigma"], step=0.05,
)  # fmt: skip
HIDDEN_SIGMA = Slider(
    key="bnn_reg_sh", label="bnn.noise.hidden", low=0.0, high=1.0,
    default=DEFAULTS["hidden_sigma"], step=0.05,
)  # fmt: skip
STEPS = common.steps("bnn_reg_steps", DEFAULTS["steps"])
LR = common.learning_rate("bnn_reg_lr", DEFAULTS["lr"])
MODEL = (WIDTH, ACTIVATION, INPUT_SIGMA, HIDDEN_SIGMA, STEPS, LR)  # one row
VERDICTS = {True: "bnn.noise.verdict.better", False: "bnn.noise.verdict.worse"}

FORMULA = (
    r"h = \operatorname{act}\big(W_1 (x + \sigma_x \varepsilon) + b_1\big) + \sigma_h"
    r" \varepsilon',\quad \mathbb{E}_\varepsilon\!\left[(f(x + \sigma_x\varepsilon) - y)^2"
    r"\right] \approx (f(x) - y)^2 + \sigma_x^2 \left(f'(x)^2 + (f(x) - y) f''(x)\right)"
)


def render() -> None:
    st.markdown(t("bnn.noise.intro"))
    data, values = common.draw_controls(DATA, MODEL)
    width, activation, input_sigma, hidden_sigma, steps, lr = values
    widgets.formula(FORMULA, t("bnn.noise.formula_caption"))
    settings = NoiseSettings(
        data=data, width=width, activation=activation, steps=steps, lr=lr,
        input_sigma=input_sigma, hidden_sigma=hidden_sigma,
    )  # fmt: skip
    with widgets.input_errors():
        view = common.train_and_show(
            "noise",
            settings,
            bnn_views.train_noise,
            _live_errors,
            "bnn.noise.data_title",
            _results,
            with_test=True,
        )
        code = snippets.noise_code(
            common.snippet_data(data, view),
            bnn_views.TEST_POINTS,
            width,
            activation,
            input_sigma,
            hidden_sigma,
            steps,
            lr,
            bnn_views.seeds(widgets.seed()),
            bnn_views.GRID_POINTS,
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


def _results(result: bnn_views.NoiseView, view: bnn_views.DataView, _settings) -> None:
    labels = {
        **common.data_labels(),
        "title": t("bnn.noise.fits_title"),
        "plain": t("bnn.noise.plain"),
        "noisy": t("bnn.noise.noisy"),
        "fit_plain": t("bnn.legend.fit_plain"),
        "fit_noisy": t("bnn.legend.fit_noisy"),
        "test": t("bnn.legend.test"),
    }
    PLOT(
        charts.fits_figure,
        view.x_grid,
        result.fits,
        view.f_true,
        view.x,
        view.y,
        view.x_test,
        view.y_test,
        labels=labels,
    )
    train, test = result.train[-1], result.test[-1]
    header = [t("bnn.noise.table.network"), t("bnn.noise.table.train"), t("bnn.noise.table.test")]
    rows = [
        [t("bnn.noise.plain"), f"{train[0]:.4f}", f"{test[0]:.4f}"],
        [t("bnn.noise.noisy"), f"{train[1]:.4f}", f"{test[1]:.4f}"],
    ]
    st.markdown(_markdown_table(header, rows))
    st.caption(t(VERDICTS[bool(test[1] < test[0])]))
    PLOT(charts.errors_figure, result.step, result.train, result.test, labels=_errors_labels())


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *map(line, rows)])
