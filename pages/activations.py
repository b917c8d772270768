"""Activations and gradients: saturation, vanishing gradients, and what depth does to them."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
import torch

from core import activations as acts
from core.activations import ACTIVATIONS
from core.depth import (
    INITS,
    chain_rule,
    clip_gradient,
    depth_experiment,
    layer_histograms,
    random_gradient,
)
from core.expression import FUNCTIONS, parse
from ui import display, widgets
from ui.charts import activations as charts
from ui.i18n import t
from ui.snippets import activations as snippets

NAMES = tuple(ACTIVATIONS)
N_POINTS = 401
MAX_SHOWN = 6
PARAM_COLUMNS = 4
DEPTH_BATCH = 32
DEPTH_EPSILON = 0.01  # saturation threshold shaded on the pre-activation histograms
CUSTOM_EPSILON = 0.01
WIDTHS = tuple(str(2**k) for k in range(2, 10))
TABS = ("act.tab.functions", "act.tab.depth", "act.tab.chain", "act.tab.clipping", "act.tab.custom")


def _name_key(name: str) -> str:
    return f"act.name.{name}"


def _chart(fig, key: str, data: pd.DataFrame | None = None) -> None:
    display.chart(fig, key=key, filename=key.removeprefix("act_chart_"), data=data)


def _grid(x_max: float) -> torch.Tensor:
    return torch.linspace(-x_max, x_max, N_POINTS, dtype=torch.float64)


def _to_curve(label: str, x: torch.Tensor, outputs, epsilon: float) -> charts.Curve:
    y, dy = outputs[0], outputs[1]
    d2y = outputs[2].numpy() if len(outputs) == 3 else None
    saturated = acts.saturated_intervals(x, dy, epsilon)
    return charts.Curve(label, y.numpy(), dy.numpy(), d2y, saturated)


# --- cached computations (small scalar keys; numpy out) ---------------------------------------


@st.cache_data(max_entries=128, show_spinner=False)
def _activation_curve(
    name: str,
    params: tuple[tuple[str, float], ...],
    x_max: float,
    second: bool,
    epsilon: float,
    label: str,
) -> charts.Curve:
    x = _grid(x_max)
    outputs = acts.curves(name, x, 2 if second else 1, **dict(params))
    return _to_curve(label, x, outputs, epsilon)


def _curve(name: str, params: dict[str, float], x_max: float, second: bool, eps: float):
    key = tuple(sorted(params.items()))
    return _activation_curve(name, key, x_max, second, eps, t(_name_key(name)))


@st.cache_data(max_entries=32, show_spinner=False)
def _depth_run(name: str, depth: int, width: int, init: str, sigma: float, seed: int) -> dict:
    generator = torch.Generator().manual_seed(seed)
    run = depth_experiment(name, depth, width, init, sigma, DEPTH_BATCH, generator)
    hist = layer_histograms(run.pre_activations)
    z = torch.linspace(float(hist.edges[0]), float(hist.edges[-1]), 801, dtype=torch.float64)
    _, dz = acts.value_and_grad(name, z)
    return {
        "norms": run.weight_grad_norms.numpy(),
        "edges": hist.edges.numpy(),
        "density": hist.density.numpy(),
        "saturated": acts.saturated_intervals(z, dz, DEPTH_EPSILON),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _chain(name: str, x0: float, depth: int, weight: float) -> dict:
    result = chain_rule(name, x0, depth, weight)
    return {
        "by_hand": result.by_hand.numpy(),
        "autograd": result.autograd.numpy(),
        "bound": result.bound.numpy(),
    }


# --- controls ---------------------------------------------------------------------------------


def _activation_select(key: str, default: str, container=st) -> str:
    return widgets.select(
        key,
        t("act.fn.label"),
        NAMES,
        default,
        help=t("act.fn.help"),
        option_key=_name_key,
        container=container,
    )


def _param_controls(names: list[str]) -> dict[str, dict[str, float]]:
    """A slider for each parameter of the chosen activations (Leaky ReLU slope, ELU alpha...)."""
    params: dict[str, dict[str, float]] = {name: {} for name in names}
    specs = [(name, p) for name in names for p in ACTIVATIONS[name].params]
    columns = st.columns(PARAM_COLUMNS) if specs else []
    for i, (name, p) in enumerate(specs):
        step = 10 ** math.floor(math.log10((p.high - p.low) / 100))
        params[name][p.name] = widgets.slider(
            f"act_{name}_{p.name}",
            t("act.param.label", activation=t(_name_key(name)), param=p.name),
            p.low,
            p.high,
            p.default,
            step,
            help=t("act.param.help", param=p.name, low=p.low, high=p.high, default=p.default),
            container=columns[i % PARAM_COLUMNS],
        )
    return params


# --- views ------------------------------------------------------------------------------------


def functions_view() -> None:
    st.markdown(t("act.functions.intro"))
    with display.controls():
        names = widgets.multiselect(
            "act_fns",
            t("act.fns.label"),
            NAMES,
            ["sigmoid", "tanh", "relu"],
            help=t("act.fns.help", n=MAX_SHOWN),
            option_key=_name_key,
            max_selections=MAX_SHOWN,
        )
        c1, c2, c3, c4 = st.columns(4)
        x_max = widgets.slider(
            "act_xmax",
            t("act.xmax.label"),
            1.0,
            20.0,
            6.0,
            0.5,
            help=t("act.xmax.help"),
            container=c1,
        )
        epsilon = widgets.log_slider(
            "act_eps", t("act.eps.label"), 1e-4, 0.5, 0.01, help=t("act.eps.help"), container=c2
        )
        x0 = widgets.slider(
            "act_x0", t("act.x0.label"), -10.0, 10.0, 0.0, 0.1, help=t("act.x0.help"), container=c3
        )
        second = widgets.toggle(
            "act_second", t("act.second.label"), help=t("act.second.help"), container=c4
        )
        params = _param_controls(names)
    if not names:
        st.info(t("act.fns.none"))
        return
    with widgets.input_errors():
        _formulas(names)
        curves = [_curve(n, params[n], x_max, second, epsilon) for n in names]
        rows = [t("act.axis.f"), t("act.axis.df"), t("act.axis.d2f")]
        fig = charts.function_chart(
            _grid(x_max).numpy(),
            curves,
            x0=x0,
            epsilon=epsilon,
            row_titles=rows,
            saturation_label=t("act.saturation.band", eps=epsilon),
            x_title="x",
            title=t("act.functions.chart"),
        )
        _chart(fig, "act_chart_functions")
        st.caption(t("act.functions.caption", eps=epsilon))
        _probe_table(names, params, x0)
        chosen = [(n, params[n]) for n in names]
        widgets.code_panel(snippets.functions_code(chosen, x_max, x0, second))


def _formulas(names: list[str]) -> None:
    columns = st.columns(min(len(names), 3))
    for i, name in enumerate(names):
        act = ACTIVATIONS[name]
        with columns[i % len(columns)]:
            st.markdown(f"**{t(_name_key(name))}** · `{act.torch_name}`")
            st.latex(act.latex)
            if act.derivative_latex:
                st.latex(act.derivative_latex)


@st.cache_data(max_entries=256, show_spinner=False)
def _facts(name: str, params: tuple[tuple[str, float], ...], x0: float) -> dict:
    """The probe at x0, the output range, sup |f'| and the kinks of one activation."""
    values = dict(params)
    return {
        "probe": acts.probe(name, x0, **values),
        "range": ACTIVATIONS[name].output_range(**ACTIVATIONS[name].resolve(values)),
        "sup": acts.max_abs_derivative(name, **values),
        "kinks": acts.nondifferentiable_points(name, **values),
    }


def _markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table: cheaper to send than a dataframe, and as readable for a few rows."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *map(line, rows)])


def _probe_table(names: list[str], params: dict[str, dict[str, float]], x0: float) -> None:
    header = [
        t(k)
        for k in (
            "act.table.activation",
            "act.table.f",
            "act.table.autograd",
            "act.table.closed",
            "act.table.range",
            "act.table.max",
        )
    ]
    rows, notes = [], []
    for name in names:
        facts = _facts(name, tuple(sorted(params[name].items())), x0)
        p = facts["probe"]
        closed = "—" if p.closed_form is None else f"{p.closed_form:.6g}"
        label = t(_name_key(name))
        rows.append(
            [
                label,
                f"{p.value:.6g}",
                f"{p.autograd:.6g}",
                closed,
                facts["range"],
                f"{facts['sup']:.4g}",
            ]
        )
        notes += [
            t(
                "act.kink",
                activation=label,
                x=f"{k.x:g}",
                left=f"{k.left:.6g}",
                right=f"{k.right:.6g}",
                value=f"{k.autograd:.6g}",
            )
            for k in facts["kinks"]
        ]
    st.markdown(t("act.table.title", x0=x0))
    st.markdown(_markdown_table(header, rows))
    if notes:
        st.info("\n\n".join(notes), icon=":material/info:")


def depth_view() -> None:
    st.markdown(t("act.depth.intro"))
    with display.controls():
        c1, c2, c3, c4, c5 = st.columns(5)
        name = _activation_select("act_depth_fn", "sigmoid", container=c1)
        depth = widgets.slider(
            "act_depth", t("act.depth.label"), 1, 50, 20, 1, help=t("act.depth.help"), container=c2
        )
        width = widgets.select(
            "act_width", t("act.width.label"), WIDTHS, "64", help=t("act.width.help"), container=c3
        )
        init = widgets.select(
            "act_init",
            t("act.init.label"),
            INITS,
            "normal",
            help=t("act.init.help"),
            option_key=lambda i: f"act.init.{i}",
            container=c4,
        )
        sigma = widgets.log_slider(
            "act_sigma",
            t("act.sigma.label"),
            0.01,
            10.0,
            0.1,
            help=t("act.sigma.help"),
            container=c5,
        )
    widgets.formula(
        r"\frac{\partial \ell}{\partial W_l} = \delta_l\, h_{l-1}^\top,\quad"
        r"\delta_l = f'(z_l) \odot W_{l+1}^\top \delta_{l+1},\quad "
        r"z_l = W_l h_{l-1},\ h_l = f(z_l),\ \ell = \tfrac{1}{B}\sum_{b,i} h_{L,i}^{(b)}",
        t("act.depth.formula_caption"),
    )
    with widgets.input_errors():
        run = _depth_run(name, depth, int(width), init, sigma, widgets.seed())
        norms = run["norms"]
        m1, m2, m3 = st.columns(3)
        m1.metric(t("act.depth.first"), f"{norms[0]:.3e}")
        m2.metric(t("act.depth.last"), f"{norms[-1]:.3e}")
        ratio = norms[0] / norms[-1] if norms[-1] > 0 else math.inf
        m3.metric(t("act.depth.ratio"), f"{ratio:.3e}")
        _chart(
            charts.gradient_norm_chart(
                norms,
                name=t(_name_key(name)),
                x_title=t("act.axis.layer"),
                y_title=t("act.axis.grad_norm"),
                title=t("act.depth.chart"),
            ),
            "act_chart_gradient_norms",
            pd.DataFrame({"layer": range(1, len(norms) + 1), "weight_grad_norm": norms}),
        )
        _chart(
            charts.histogram_heatmap(
                run["edges"],
                run["density"],
                run["saturated"],
                x_title=t("act.axis.z"),
                y_title=t("act.axis.layer"),
                color_title=t("act.axis.share"),
                saturation_label=t("act.saturation.zone", eps=DEPTH_EPSILON),
                title=t("act.depth.hist_chart"),
            ),
            "act_chart_pre_activations",
        )
        st.caption(t("act.depth.hist_caption", batch=DEPTH_BATCH))
        code = snippets.depth_code(
            name, depth, int(width), init, sigma, DEPTH_BATCH, widgets.seed()
        )
        widgets.code_panel(code)


def chain_view() -> None:
    st.markdown(t("act.chain.intro"))
    with display.controls():
        c1, c2, c3, c4 = st.columns(4)
        name = _activation_select("act_chain_fn", "sigmoid", container=c1)
        depth = widgets.slider(
            "act_chain_depth",
            t("act.depth.label"),
            1,
            50,
            20,
            1,
            help=t("act.chain.depth_help"),
            container=c2,
        )
        x0 = widgets.slider(
            "act_chain_x0",
            t("act.chain.x0_label"),
            -5.0,
            5.0,
            0.5,
            0.1,
            help=t("act.chain.x0_help"),
            container=c3,
        )
        weight = widgets.slider(
            "act_chain_w",
            t("act.chain.w_label"),
            -3.0,
            3.0,
            1.0,
            0.05,
            help=t("act.chain.w_help"),
            container=c4,
        )
    widgets.formula(
        r"\frac{\partial h_L}{\partial x_0} = \prod_{l=1}^{L} w\, f'(z_l),\quad"
        r"\left|\frac{\partial h_L}{\partial x_0}\right| \le \left(|w| \sup_z |f'(z)|\right)^L,"
        r"\quad z_l = w\, h_{l-1},\ h_0 = x_0",
        t("act.chain.formula_caption"),
    )
    with widgets.input_errors():
        result = _chain(name, x0, depth, weight)
        names = (t("act.chain.by_hand"), t("act.chain.autograd"), t("act.chain.bound"))
        _chart(
            charts.chain_rule_chart(
                result["by_hand"],
                result["autograd"],
                result["bound"],
                names=names,
                x_title=t("act.axis.layer"),
                y_title=t("act.axis.chain"),
                title=t("act.chain.chart"),
            ),
            "act_chart_chain_rule",
            pd.DataFrame({"layer": range(1, depth + 1)} | result),
        )
        m1, m2, m3 = st.columns(3)
        for column, label, key in zip(
            (m1, m2, m3), names, ("by_hand", "autograd", "bound"), strict=True
        ):
            column.metric(label, f"{result[key][-1]:.4e}")
        if (result["by_hand"] == 0).any():
            st.caption(t("act.chain.zero"))
        widgets.code_panel(snippets.chain_code(name, x0, depth, weight))


def clipping_view() -> None:
    st.markdown(t("act.clip.intro"))
    with display.controls():
        c1, c2, c3, c4 = st.columns(4)
        n = widgets.slider(
            "act_clip_n",
            t("act.clip.n_label"),
            2,
            64,
            16,
            1,
            help=t("act.clip.n_help"),
            container=c1,
        )
        scale = widgets.log_slider(
            "act_clip_scale",
            t("act.clip.scale_label"),
            0.1,
            100.0,
            3.0,
            help=t("act.clip.scale_help"),
            container=c2,
        )
        clip_value = widgets.log_slider(
            "act_clip_value",
            t("act.clip.value_label"),
            0.01,
            10.0,
            1.0,
            help=t("act.clip.value_help"),
            container=c3,
        )
        max_norm = widgets.log_slider(
            "act_clip_norm",
            t("act.clip.norm_label"),
            0.1,
            100.0,
            5.0,
            help=t("act.clip.norm_help"),
            container=c4,
        )
    widgets.formula(
        r"\text{clamp: } g_i \leftarrow \min(\max(g_i, -c), c) \qquad"
        r"\text{norm: } g \leftarrow g \cdot \min\!\left(1, \frac{M}{\lVert g \rVert_2 + 10^{-6}}"
        r"\right)"
    )
    with widgets.input_errors():
        grad = random_gradient(n, scale, torch.Generator().manual_seed(widgets.seed()))
        result = clip_gradient(grad, clip_value, max_norm)
        series = [
            (t("act.clip.original"), result.original.numpy()),
            (t("act.clip.by_value"), result.by_value.numpy()),
            (t("act.clip.by_norm"), result.by_norm.numpy()),
        ]
        _chart(
            charts.clipping_chart(
                series,
                clip_value=clip_value,
                x_title=t("act.axis.component"),
                y_title=t("act.axis.gradient"),
                title=t("act.clip.chart"),
            ),
            "act_chart_clipping",
        )
        header = [t("act.clip.gradient"), t("act.clip.norm"), t("act.clip.cosine")]
        rows = [
            [t("act.clip.original"), f"{result.norm_before:.4g}", "1"],
            [
                t("act.clip.by_value"),
                f"{result.norm_by_value:.4g}",
                f"{result.cosine_by_value:.4f}",
            ],
            [t("act.clip.by_norm"), f"{result.norm_by_norm:.4g}", f"{result.cosine_by_norm:.4f}"],
        ]
        st.markdown(_markdown_table(header, rows))
        st.caption(t("act.clip.caption"))
        code = snippets.clipping_code(n, scale, clip_value, max_norm, widgets.seed())
        widgets.code_panel(code)


def custom_view() -> None:
    st.markdown(t("act.custom.intro"))
    with display.controls():
        text = widgets.text(
            "act_expr", t("act.custom.label"), "x * sigmoid(1.702 * x)", help=t("act.custom.help")
        )
        st.caption(
            t("act.custom.allowed", functions=", ".join(FUNCTIONS))
            + "  \n"
            + t("act.custom.examples")
        )
        c1, c2, c3 = st.columns(3)
        reference = widgets.select(
            "act_custom_ref",
            t("act.custom.ref_label"),
            ("none", *NAMES),
            "gelu",
            help=t("act.custom.ref_help"),
            option_key=lambda n: "act.custom.none" if n == "none" else _name_key(n),
            container=c1,
        )
        x_max = widgets.slider(
            "act_custom_xmax",
            t("act.xmax.label"),
            1.0,
            20.0,
            6.0,
            0.5,
            help=t("act.xmax.help"),
            container=c2,
        )
        second = widgets.toggle(
            "act_custom_second", t("act.second.label"), help=t("act.second.help"), container=c3
        )
    with widgets.input_errors():
        expression = parse(text)
        widgets.formula(f"f(x) = {expression.latex}", t("act.custom.formula_caption"))
        x = _grid(x_max)
        outputs = acts.derivatives(expression, x, 2 if second else 1)
        curves = [_to_curve(t("act.custom.yours"), x, outputs, CUSTOM_EPSILON)]
        if reference != "none":
            curves.append(_curve(reference, {}, x_max, second, CUSTOM_EPSILON))
        fig = charts.function_chart(
            x.numpy(),
            curves,
            x0=None,
            epsilon=CUSTOM_EPSILON,
            row_titles=[t("act.axis.f"), t("act.axis.df"), t("act.axis.d2f")],
            saturation_label=t("act.saturation.band", eps=CUSTOM_EPSILON),
            x_title="x",
            title=t("act.custom.chart"),
        )
        _chart(fig, "act_chart_custom")
        summary = acts.summarize(x, outputs[0], outputs[1])
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
        if not bool(torch.isfinite(outputs[0]).all()):
            st.warning(t("act.custom.some_nonfinite"))
        widgets.code_panel(snippets.custom_code(expression, x_max))


# --- the page ---------------------------------------------------------------------------------

st.title(t("page.activations.title"))
st.markdown(t("act.intro"))
for tab, view in zip(
    widgets.tabs("act_view", TABS),
    (functions_view, depth_view, chain_view, clipping_view, custom_view),
    strict=True,
):
    with tab:
        if tab.open:
            view()
