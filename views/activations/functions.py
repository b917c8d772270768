"""Function and derivative: up to six activations with f, f' (and f''), where they saturate,
and a probe table at x0 comparing autograd with the closed-form derivative."""

from __future__ import annotations

import streamlit as st

from core import activations as acts
from core.activations import ACTIVATIONS
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import LogSlider, Slider
from ui.i18n import t
from ui.snippets import activations as snippets
from views.activations import (
    NAME_KEYS,
    CappedMulti,
    ParamSlider,
    curve,
    function_chart,
    labelled,
    markdown_table,
    second_toggle,
    x_max_slider,
)

PARAM_COLUMNS = 4
FNS = CappedMulti(
    key="act_fns", label="act.fns.label", help="act.fns.help", options=NAME_KEYS,
    default=("sigmoid", "tanh", "relu"), max_selections=6,
)  # fmt: skip
X_MAX = x_max_slider("act_xmax")
EPSILON = LogSlider(
    key="act_eps", label="act.eps.label", help="act.eps.help", low=1e-4, high=0.5, default=0.01
)
X0 = Slider(
    key="act_x0", label="act.x0.label", help="act.x0.help", low=-10.0, high=10.0, default=0.0,
    step=0.1,
)  # fmt: skip
SECOND = second_toggle("act_second")
# One slider per parameter of each activation, its range as core declares it.
PARAMS = {
    (name, p.name): ParamSlider.of(
        p,
        key=f"act_{name}_{p.name}",
        label="act.param.label",
        help="act.param.help",
        activation=name,
        parameter=p.name,
    )
    for name, activation in ACTIVATIONS.items()
    for p in activation.params
}
TABLE_HEADER = (
    "act.table.activation",
    "act.table.f",
    "act.table.autograd",
    "act.table.closed",
    "act.table.range",
    "act.table.max",
)


@cached_view(max_entries=256)
def facts(name: str, params: tuple[tuple[str, float], ...], x0: float) -> acts.Facts:
    return acts.facts(name, x0, **dict(params))


def render() -> None:
    st.markdown(t("act.functions.intro"))
    with display.controls():
        names = FNS.draw()
        c1, c2, c3, c4 = st.columns(4)
        x_max = X_MAX.draw(c1)
        epsilon = EPSILON.draw(c2)
        x0 = X0.draw(c3)
        second = SECOND.draw(c4)
        params = _param_controls(names)
    if not names:
        st.info(t("act.fns.none"))
        return
    with widgets.input_errors():
        _formulas(names)
        computed = [curve(n, params[n], x_max, second, epsilon) for n in names]
        curves = [labelled(t(NAME_KEYS[n]), c) for n, c in zip(names, computed, strict=True)]
        function_chart(curves, computed[0].x, x0=x0, epsilon=epsilon,
                       title="act.functions.chart", key="act_chart_functions")  # fmt: skip
        st.caption(t("act.functions.caption", eps=epsilon))
        _probe_table(names, params, x0)
        chosen = [(n, dict(params[n])) for n in names]
        widgets.code_panel(snippets.functions_code(chosen, x_max, x0, second))


def _param_controls(names: list[str]) -> dict[str, tuple[tuple[str, float], ...]]:
    """The chosen activations' parameter sliders, four to a row; each activation's values as
    sorted (name, value) pairs (hashable, for the caches)."""
    shown = [(name, p.name) for name in names for p in ACTIVATIONS[name].params]
    columns = st.columns(PARAM_COLUMNS) if shown else []
    values: dict[str, dict[str, float]] = {name: {} for name in names}
    for i, (name, param) in enumerate(shown):
        values[name][param] = PARAMS[name, param].draw(columns[i % PARAM_COLUMNS])
    return {name: tuple(sorted(v.items())) for name, v in values.items()}


def _formulas(names: list[str]) -> None:
    columns = st.columns(min(len(names), 3))
    for i, name in enumerate(names):
        act = ACTIVATIONS[name]
        with columns[i % len(columns)]:
            st.markdown(f"**{t(NAME_KEYS[name])}** · `{act.torch_name}`")
            st.latex(act.latex)
            if act.derivative_latex:
                st.latex(act.derivative_latex)


def _probe_table(names: list[str], params: dict[str, tuple], x0: float) -> None:
    rows, notes = [], []
    for name in names:
        f = facts(name, params[name], x0)
        p = f.probe
        closed = "—" if p.closed_form is None else f"{p.closed_form:.6g}"
        label = t(NAME_KEYS[name])
        rows.append([label, f"{p.value:.6g}", f"{p.autograd:.6g}", closed, f.output_range,
                     f"{f.sup:.4g}"])  # fmt: skip
        notes += [
            t(
                "act.kink",
                activation=label,
                x=f"{k.x:g}",
                left=f"{k.left:.6g}",
                right=f"{k.right:.6g}",
                value=f"{k.autograd:.6g}",
            )
            for k in f.kinks
        ]
    st.markdown(t("act.table.title", x0=x0))
    st.markdown(markdown_table([t(k) for k in TABLE_HEADER], rows))
    if notes:
        st.info("\n\n".join(notes), icon=":material/info:")
