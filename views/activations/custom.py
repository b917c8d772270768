"""Your own activation: a typed formula, parsed safely, drawn with its derivatives by autograd
beside a built-in activation for reference."""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st
import torch

from core import activations as acts
from core.expression import FUNCTIONS, parse
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import Select, Text
from ui.i18n import t
from ui.snippets import activations as snippets
from views.activations import (
    NAME_KEYS,
    curve,
    function_chart,
    labelled,
    second_toggle,
    x_max_slider,
)

EPSILON = 0.01
EXPRESSION = Text(
    key="act_expr", label="act.custom.label", help="act.custom.help",
    default="x * sigmoid(1.702 * x)", examples=("max(x, 0.1 * x)", "log(x)", "2"),
)  # fmt: skip
REFERENCE = Select(
    key="act_custom_ref", label="act.custom.ref_label", help="act.custom.ref_help",
    options={"none": "act.custom.none", **NAME_KEYS}, default="gelu",
)  # fmt: skip
X_MAX = x_max_slider("act_custom_xmax")
SECOND = second_toggle("act_custom_second")


@dataclass(frozen=True)
class Custom:
    """The typed formula's curve, what it reaches, and whether it is finite on the whole grid."""

    curve: acts.Curve
    summary: acts.CurveSummary
    all_finite: bool


@cached_view(max_entries=32)
def custom(text: str, x_max: float, second: bool) -> Custom:
    c = acts.curve(parse(text), x_max, 2 if second else 1, EPSILON)
    finite = bool(torch.isfinite(c.y).all())
    return Custom(c, acts.summarize(c.x, c.y, c.dy), finite)


def render() -> None:
    st.markdown(t("act.custom.intro"))
    with display.controls():
        text = EXPRESSION.draw()
        st.caption(
            t("act.custom.allowed", functions=", ".join(FUNCTIONS))
            + "  \n"
            + t("act.custom.examples")
        )
        c1, c2, c3 = st.columns(3)
        reference = REFERENCE.draw(c1)
        x_max = X_MAX.draw(c2)
        second = SECOND.draw(c3)
    with widgets.input_errors():
        expression = parse(text)
        widgets.formula(f"f(x) = {expression.latex}", t("act.custom.formula_caption"))
        yours = custom(text, x_max, second)
        curves = [labelled(t("act.custom.yours"), yours.curve)]
        if reference != "none":
            ref = curve(reference, (), x_max, second, EPSILON)
            curves.append(labelled(t(NAME_KEYS[reference]), ref))
        function_chart(curves, yours.curve.x, x0=None, epsilon=EPSILON,
                       title="act.custom.chart", key="act_chart_custom")  # fmt: skip
        summary = yours.summary
        if math.isnan(summary.y_min):
            st.warning(t("act.custom.no_finite"))
        else:
            st.markdown(
                t(
                    "act.custom.summary",
                    low=f"{summary.y_min:.4g}",
                    high=f"{summary.y_max:.4g}",
                    slope=f"{summary.max_abs_derivative:.4g}",
                    at=f"{summary.at:.3g}",
                )
            )
        if not yours.all_finite:
            st.warning(t("act.custom.some_nonfinite"))
        widgets.code_panel(snippets.custom_code(expression, x_max))
