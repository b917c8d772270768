"""Gradient descent: the gradient as a vector, learning rate, momentum and initialisation on
convex, non-convex and saddle-shaped surfaces. Controls -> core -> ui.charts; the maths is in
core.optim (descents are torch.optim's own)."""

from __future__ import annotations

import math

import numpy as np
import streamlit as st

from core import optim
from core.errors import InputError
from core.expression import FUNCTIONS
from ui import display, widgets
from ui.charts import PALETTE
from ui.charts import optim as charts
from ui.i18n import t
from ui.snippets import optim as snippets

GRID = 80  # contour grid per axis
ARROWS = 15  # gradient-field arrows per axis
POINT_LIMIT = 10.0  # typed start and probe coordinates
WIDTH_RANGE = (1.0, 10.0)
DEFAULT_EXPRESSION = "sin(x) * cos(y) + 0.1 * (x**2 + y**2)"
DEFAULT_KAPPA = 50.0
DEFAULT_WIDTH = 4.0
DEFAULT_OPTIMIZERS = ["gd", "momentum", "adam"]
STEP_CHOICES = (10, 20, 50, 100, 200, 500, 1000)
BETA2_CHOICES = ("0.9", "0.99", "0.999", "0.9999")
BASIN_BETA2 = 0.999  # the basins view keeps Adam's and RMSprop's second-moment decay fixed
BASIN_GRIDS = (10, 15, 20, 25, 30, 40, 50)
BASIN_STEPS = (20, 50, 100, 200, 500)
LR_RANGE = (1e-4, 10.0)
TABS = ("gd.tab.gradient", "gd.tab.descent", "gd.tab.basins")
GRADIENT_CHART = "gd_chart_gradient"
DESCENT_CHART = "gd_chart_descent"
PROBE_KEYS = ("gd_px", "gd_py")
START_KEYS = ("gd_x0", "gd_y0")
OUTCOME_COLORS = {
    "diverged": "#000000",
    "unbounded": "#8C8C8C",
    "undefined": "#C9A0DC",
    "elsewhere": "#E3E3E3",
    "other": PALETTE[6],
}
BASIN_COLORS = (PALETTE[0], PALETTE[1], PALETTE[2], PALETTE[3], PALETTE[4], PALETTE[5])
BASIN_COLORS += ("#882255", "#44AA99")


def _name_key(name: str) -> str:
    return f"gd.surface.{name}"


def _opt_key(name: str) -> str:
    return f"gd.opt.{name}"


def _fmt(x: float) -> str:
    return f"{x:.4g}" if math.isfinite(x) else str(x)


# --- the surface ------------------------------------------------------------------------------


def _spec(name: str, kappa: float, text: str, width: float) -> tuple:
    """The chosen surface as a small, hashable cache key (irrelevant fields normalised)."""
    if name == "typed":
        return (name, 0.0, text, float(width))
    return (name, float(kappa) if name == "bowl" else 0.0, "", 0.0)


def _build(spec: tuple) -> optim.Surface:
    name, kappa, text, width = spec
    if name == "typed":
        return optim.typed_surface(text, width)
    return optim.surface(name, kappa) if name == "bowl" else optim.surface(name)


def _set_point(keys: tuple[str, str], point: tuple[float, float]) -> None:
    for key, value in zip(keys, point, strict=True):
        st.session_state[key] = round(min(max(value, -POINT_LIMIT), POINT_LIMIT), 4)


def _surface_defaults() -> None:
    """A new surface starts from its own start, probe and learning rate (control callback)."""
    state = st.session_state
    spec = _spec(
        state.get("gd_surface", "bowl"),
        float(state.get("gd_kappa", DEFAULT_KAPPA)),
        str(state.get("gd_expr", DEFAULT_EXPRESSION)),
        float(state.get("gd_width", DEFAULT_WIDTH)),
    )
    try:
        surf = _build(spec)
    except InputError:
        return  # a formula that does not parse leaves everything where it was
    _set_point(START_KEYS, surf.start)
    _set_point(PROBE_KEYS, surf.probe)
    st.session_state["gd_lr"] = f"{surf.lr:g}"
    st.session_state["gd_b_lr"] = f"{surf.lr:g}"


def surface_controls() -> tuple[tuple, bool]:
    """The surface (shared by every tab) and the 3D toggle."""
    c1, c2, c3, c4 = st.columns([1.3, 2.4, 1.0, 0.8], gap="medium")
    name = widgets.select(
        "gd_surface",
        t("gd.surface.label"),
        (*optim.SURFACES, "typed"),
        "bowl",
        help=t("gd.surface.help"),
        option_key=_name_key,
        on_change=_surface_defaults,
        container=c1,
    )
    kappa, text, width = DEFAULT_KAPPA, DEFAULT_EXPRESSION, DEFAULT_WIDTH
    if name == "bowl":
        kappa = widgets.log_slider(
            "gd_kappa",
            t("gd.kappa.label"),
            1.0,
            100.0,
            DEFAULT_KAPPA,
            help=t("gd.kappa.help"),
            container=c2,
        )
    elif name == "typed":
        text = widgets.text(
            "gd_expr",
            t("gd.expr.label"),
            DEFAULT_EXPRESSION,
            help=t("gd.expr.help", functions=", ".join(FUNCTIONS)),
            container=c2,
        )
        width = widgets.slider(
            "gd_width",
            t("gd.width.label"),
            *WIDTH_RANGE,
            DEFAULT_WIDTH,
            0.5,
            help=t("gd.width.help"),
            container=c3,
            on_change=_surface_defaults,
        )
    show_3d = widgets.toggle("gd_3d", t("gd.3d.label"), help=t("gd.3d.help"), container=c4)
    return _spec(name, kappa, text, width), show_3d


# --- cached computations (small scalar keys; numpy out) ---------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def _landscape(spec: tuple) -> dict:
    surf = _build(spec)
    grid = optim.landscape(surf, GRID)
    values, log_min = optim.contour_values(surf, grid.z)
    return {
        "map": charts.Map(grid.xs.numpy(), grid.ys.numpy(), values.numpy(), surf.bounds, log_min),
        "z": grid.z.numpy(),
        "ceiling": optim.display_ceiling(grid.z),
        "gaps": optim.gaps(grid.z),
        "field": tuple(a.numpy() for a in optim.steepest_descent_field(surf, ARROWS)),
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _point(spec: tuple, x: float, y: float) -> dict:
    a = optim.analyse_point(_build(spec), x, y)
    return {
        "value": a.value,
        "gradient": a.gradient.tolist(),
        "norm": a.gradient_norm,
        "hessian": a.hessian.tolist(),
        "eigenvalues": a.eigenvalues.tolist(),
        "directions": [
            (optim.curvature_kind(value.reshape(1)), vector.tolist())
            for value, vector in zip(a.eigenvalues, a.eigenvectors.T, strict=True)
        ],
        "curvature": a.curvature,
        "critical": a.critical,
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _trajectories(
    spec: tuple, names: tuple, lr: float, steps: int, beta1: float, beta2: float, start: tuple
) -> dict[str, dict]:
    runs = optim.descend_all(_build(spec), start, names, lr, steps, beta1, beta2)
    return {
        name: {"points": r.points.numpy(), "losses": r.losses.numpy(), "status": r.status}
        for name, r in runs.items()
    }


@st.cache_data(max_entries=64, show_spinner=False)
def _curvature_at(spec: tuple, x: float, y: float) -> float | None:
    try:
        return optim.largest_curvature(_build(spec), x, y)
    except InputError:
        return None


@st.cache_data(max_entries=16, show_spinner=False)
def _basins(spec: tuple, name: str, lr: float, steps: int, n: int, beta1: float) -> dict:
    b = optim.basins(_build(spec), name, lr, steps, n, beta1, BASIN_BETA2)
    return {
        "starts": b.starts.numpy(),
        "labels": b.labels.numpy(),
        "shares": b.shares(),
        "minima": b.minima.numpy(),
        "values": b.minimum_values.tolist(),
        "known": b.known,
    }


# --- shared blocks ----------------------------------------------------------------------------


def _point_controls(keys: tuple[str, str], default: tuple[float, float], label: str):
    columns = st.columns(2)
    return tuple(
        float(
            widgets.number(
                key,
                t(f"gd.{label}.{axis}"),
                -POINT_LIMIT,
                POINT_LIMIT,
                float(value),
                0.1,
                help=t(f"gd.{label}.help"),
                container=column,
                format="%.4g",
            )
        )
        for key, axis, value, column in zip(keys, "xy", default, columns, strict=True)
    )


def _clickable_map(key: str, point_keys: tuple[str, str], *args, **kwargs) -> None:
    """`charts.map_figure`, built once and cached; a click on it moves the point at
    ``point_keys`` there."""
    display.built_chart(
        charts.map_figure,
        *args,
        key_prefix="gd",
        file_prefix="gradient-descent",
        key=key,
        chart_kwargs={"on_select": _click_sets(key, point_keys), "selection_mode": "points"},
        **kwargs,
    )


def _click_sets(chart_key: str, keys: tuple[str, str]):
    """A callback: a click on the chart (on its invisible grid) moves the point there."""

    def callback() -> None:
        point = display.clicked_point(chart_key)
        if point is not None:
            _set_point(keys, point)

    return callback


def _map_labels(title: str) -> dict[str, str]:
    return {
        "title": title,
        "f": "f(x, y)",
        "field": t("gd.chart.field"),
        "click": t("gd.chart.click"),
    }


def _minima_marker(surf: optim.Surface) -> list[charts.Marker]:
    if not surf.minima:
        return []
    return [
        charts.Marker(t("gd.chart.minima"), surf.minima, charts.MINIMUM_COLOR, "x-thin-open", 14)
    ]


def _outside_note(surf: optim.Surface, point: tuple[float, float]) -> None:
    x_lo, x_hi, y_lo, y_hi = surf.bounds
    if not (x_lo <= point[0] <= x_hi and y_lo <= point[1] <= y_hi):
        st.caption(t("gd.outside"))


# --- the gradient at a point ------------------------------------------------------------------


CURVATURE_STYLES = {"convex": (PALETTE[2], "solid"), "concave": (PALETTE[3], "dash"),
                    "flat": ("#7F7F7F", "dot")}  # fmt: skip


def _curvature_arrows(point: tuple[float, float], info: dict, length: float) -> list:
    """The Hessian's eigenvectors through the point, styled by the sign of their curvature."""
    arrows = []
    for kind, vector in info["directions"]:
        color, dash = CURVATURE_STYLES[kind]
        arrows.append(
            charts.Arrow(
                t(f"gd.chart.curves.{kind}"),
                point,
                (vector[0] * length, vector[1] * length),
                color,
                head=False,
                dash=dash,
            )
        )
    return arrows


def _gradient_arrow(point, info: dict, length: float) -> list:
    if info["norm"] == 0:
        return []
    gx, gy = info["gradient"]
    scale = length / info["norm"]
    return [charts.Arrow(t("gd.chart.gradient"), point, (gx * scale, gy * scale), PALETTE[1])]


def _point_facts(info: dict) -> None:
    gx, gy = info["gradient"]
    (h11, h12), (_, h22) = info["hessian"]
    low, high = info["eigenvalues"]
    top, bottom = st.columns(2), st.columns(2)
    top[0].metric("f(x, y)", _fmt(info["value"]), help=t("gd.point.f.help"))
    top[1].metric("‖∇f‖", _fmt(info["norm"]), help=t("gd.point.norm.help"))
    bottom[0].metric("λ₁", _fmt(low), help=t("gd.point.eig.help"))
    bottom[1].metric("λ₂", _fmt(high), help=t("gd.point.eig.help"))
    widgets.formula(
        rf"\nabla f = \begin{{pmatrix}} {_fmt(gx)} \\ {_fmt(gy)} \end{{pmatrix}},\quad "
        rf"H = \begin{{pmatrix}} {_fmt(h11)} & {_fmt(h12)} \\ {_fmt(h12)} & {_fmt(h22)}"
        r"\end{pmatrix}"
    )
    kind = info["curvature"]
    if info["critical"]:
        message = t(f"gd.critical.{kind}")
        (st.success if kind == "convex" else st.warning)(message, icon=":material/flag:")
    else:
        shape = t(f"gd.shape.{kind}")
        st.info(t("gd.not_critical", shape=shape), icon=":material/trending_down:")
    if kind == "saddle" and info["critical"]:
        st.markdown(t("gd.saddle.explain"))


def gradient_view(spec: tuple, surf: optim.Surface, view: dict, show_3d: bool) -> None:
    st.markdown(t("gd.grad.intro"))
    widgets.formula(
        r"\nabla f(x, y) = \begin{pmatrix} \dfrac{\partial f}{\partial x} \\[4pt]"
        r"\dfrac{\partial f}{\partial y} \end{pmatrix},\qquad "
        r"H = \begin{pmatrix} \dfrac{\partial^2 f}{\partial x^2} & "
        r"\dfrac{\partial^2 f}{\partial x\,\partial y} \\[4pt]"
        r"\dfrac{\partial^2 f}{\partial y\,\partial x} & \dfrac{\partial^2 f}{\partial y^2}"
        r"\end{pmatrix}",
        t("gd.grad.formula_caption"),
    )
    chart_col, facts_col = st.columns([1.7, 1], gap="large")
    with facts_col:
        st.markdown(f"**{t('gd.point.title')}**")
        point = _point_controls(PROBE_KEYS, surf.probe, "probe")
        _outside_note(surf, point)
        info = None
        with widgets.input_errors():
            info = _point(spec, *point)
            _point_facts(info)
    length = 0.15 * surf.diagonal
    arrows = (
        []
        if info is None
        else [
            *_curvature_arrows(point, info, 0.6 * length),
            *_gradient_arrow(point, info, length),
        ]
    )
    probe = charts.Marker(t("gd.chart.probe"), [point], PALETTE[4], "star", 18)
    with chart_col:
        _clickable_map(
            GRADIENT_CHART,
            PROBE_KEYS,
            view["map"],
            labels=_map_labels(t("gd.grad.chart")),
            field=view["field"],
            arrows=tuple(arrows),
            markers=(*_minima_marker(surf), probe),
        )
        st.caption(t("gd.grad.caption"))
    if show_3d:
        markers = (
            [] if info is None else [(t("gd.chart.probe"), (*point, info["value"]), PALETTE[4])]
        )
        _surface_3d(view, markers=markers)
    widgets.code_panel(snippets.gradient_code(surf, point, ARROWS))


def _built(builder, *args, **kwargs) -> None:
    """A chart that takes no clicks, built once per data and labels (`display.built_chart`)."""
    display.built_chart(builder, *args, key_prefix="gd_chart", file_prefix="gd", **kwargs)


def _surface_3d(view: dict, paths=(), markers=()) -> None:
    _built(
        charts.surface_figure,
        view["map"].xs,
        view["map"].ys,
        view["z"],
        view["ceiling"],
        labels={"title": t("gd.3d.chart"), "f": "f(x, y)"},
        paths=tuple(paths),
        markers=tuple(markers),
    )
    st.caption(t("gd.3d.caption"))


# --- descent ----------------------------------------------------------------------------------


# Formulas stay untranslated: the optimisers' names in them are PyTorch's.
UPDATE_NAMES = {"gd": "SGD", "momentum": "SGD + momentum", "nesterov": "SGD + Nesterov",
                "rmsprop": "RMSprop", "adam": "Adam"}  # fmt: skip
UPDATE_RULES = {
    "gd": r"\theta_{t+1} = \theta_t - \eta\, g_t",
    "momentum": r"b_{t+1} = \beta_1 b_t + g_t,\quad \theta_{t+1} = \theta_t - \eta\, b_{t+1}",
    "nesterov": r"b_{t+1} = \beta_1 b_t + g_t,\quad "
    r"\theta_{t+1} = \theta_t - \eta\,(g_t + \beta_1 b_{t+1})",
    "rmsprop": r"v_{t+1} = \beta_2 v_t + (1-\beta_2)\, g_t^2,\quad "
    r"\theta_{t+1} = \theta_t - \eta\, \frac{g_t}{\sqrt{v_{t+1}} + \epsilon}",
    "adam": r"m_{t+1} = \beta_1 m_t + (1-\beta_1) g_t,\ v_{t+1} = \beta_2 v_t + (1-\beta_2) g_t^2,"
    r"\ \theta_{t+1} = \theta_t - \eta\, \frac{m_{t+1}/(1-\beta_1^{t+1})}"
    r"{\sqrt{v_{t+1}/(1-\beta_2^{t+1})} + \epsilon}",
}


def _descent_controls(surf: optim.Surface) -> dict:
    c1, c2, c3 = st.columns([2.2, 1.2, 1.2], gap="medium")
    names = widgets.multiselect(
        "gd_opts",
        t("gd.opts.label"),
        optim.OPTIMIZERS,
        DEFAULT_OPTIMIZERS,
        help=t("gd.opts.help"),
        option_key=_opt_key,
        container=c1,
    )
    lr = widgets.log_slider(
        "gd_lr", t("gd.lr.label"), *LR_RANGE, surf.lr, help=t("gd.lr.help"), container=c2
    )
    steps = widgets.count_slider(
        "gd_steps", t("gd.steps.label"), STEP_CHOICES, 100, help=t("gd.steps.help"), container=c3
    )
    c4, c5, c6 = st.columns([1.2, 1.0, 2.2], gap="medium")
    beta1 = widgets.slider(
        "gd_beta1", t("gd.beta1.label"), 0.0, 0.99, 0.9, 0.01, help=t("gd.beta1.help"), container=c4
    )
    beta2 = widgets.select(
        "gd_beta2",
        t("gd.beta2.label"),
        BETA2_CHOICES,
        "0.999",
        help=t("gd.beta2.help"),
        container=c5,
    )
    with c6:
        start = _point_controls(START_KEYS, surf.start, "start")
    return {
        "names": names,
        "lr": lr,
        "steps": steps,
        "beta1": float(beta1),
        "beta2": float(beta2),
        "start": start,
    }


def _bound_text(name: str, curvature: float | None, beta1: float) -> str:
    if curvature is None:
        return ""
    bound = optim.stable_lr(name, curvature, beta1)
    if bound is None:
        key = "gd.bound.adaptive" if name in ("rmsprop", "adam") else "gd.bound.none"
        return t(key, L=_fmt(curvature))
    return t(f"gd.bound.{name}", L=_fmt(curvature), bound=_fmt(bound), beta=f"{beta1:g}")


def _status_message(name: str, run: dict, controls: dict, curvature: float | None) -> None:
    label = t(_opt_key(name))
    steps = len(run["points"]) - 1
    x, y = run["points"][-1]
    common = {"opt": label, "k": steps, "x": _fmt(x), "y": _fmt(y), "lr": f"{controls['lr']:g}"}
    if run["status"] == "diverged":
        bound = _bound_text(name, curvature, controls["beta1"])
        st.warning(t("gd.status.diverged", **common) + " " + bound, icon=":material/warning:")
    elif run["status"] == "unbounded":
        st.warning(t("gd.status.unbounded", **common), icon=":material/south:")
    elif run["status"] == "undefined":
        st.warning(t("gd.status.undefined", **common), icon=":material/block:")


def _bowl_note(surf: optim.Surface, spec: tuple, controls: dict) -> None:
    """The 2 / L rule, with L computed (the bowl's Hessian is the same everywhere)."""
    curvature = _curvature_at(spec, 0.0, 0.0)
    if curvature is None:
        return
    lr, beta = controls["lr"], controls["beta1"]
    bound = optim.stable_lr("gd", curvature)
    verdict = "below" if lr < bound else "above"
    st.info(
        t(
            f"gd.bowl.note.{verdict}",
            L=_fmt(curvature),
            bound=_fmt(bound),
            momentum=_fmt(optim.stable_lr("momentum", curvature, beta)),
            beta=f"{beta:g}",
            lr=f"{lr:g}",
        ),
        icon=":material/straighten:",
    )


def _results_table(names: list[str], runs: dict[str, dict]) -> None:
    header = [t(k) for k in ("gd.table.opt", "gd.table.steps", "gd.table.end", "gd.table.f",
                             "gd.table.status")]  # fmt: skip
    rows = []
    for name in names:
        run = runs[name]
        x, y = run["points"][-1]
        rows.append(
            [
                t(_opt_key(name)),
                str(len(run["points"]) - 1),
                f"({_fmt(x)}, {_fmt(y)})",
                _fmt(float(run["losses"][-1])),
                t(f"gd.status.short.{run['status']}"),
            ]
        )
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    st.markdown("\n".join(lines))


def descent_view(spec: tuple, surf: optim.Surface, view: dict, show_3d: bool) -> None:
    st.markdown(t("gd.descent.intro"))
    with display.controls():
        controls = _descent_controls(surf)
    names = controls["names"]
    if not names:
        st.info(t("gd.opts.none"))
        return
    widgets.formula(
        r"\begin{aligned}"
        + r"\\".join(rf"\text{{{UPDATE_NAMES[n]}}}:&\quad {UPDATE_RULES[n]}" for n in names)
        + r"\end{aligned}",
        t("gd.descent.formula_caption"),
    )
    if surf.name == "bowl":
        _bowl_note(surf, spec, controls)
    args = (controls["lr"], controls["steps"], controls["beta1"], controls["beta2"])
    runs = {}
    with widgets.input_errors():
        runs = _trajectories(spec, tuple(names), *args, controls["start"])
    if not runs:
        return
    curvature = _curvature_at(spec, *controls["start"])
    for name in names:
        _status_message(name, runs[name], controls, curvature)
    paths = [
        charts.Path(
            t(_opt_key(n)),
            runs[n]["points"][:, 0],
            runs[n]["points"][:, 1],
            charts.OPTIMIZER_COLORS[n],
            runs[n]["losses"],
        )
        for n in names
    ]
    start_marker = charts.Marker(t("gd.chart.start"), [controls["start"]], PALETTE[7], "circle", 13)
    map_col, loss_col = st.columns([1.25, 1], gap="medium")
    with map_col:
        _clickable_map(
            DESCENT_CHART,
            START_KEYS,
            view["map"],
            labels=_map_labels(t("gd.descent.chart")),
            paths=tuple(paths),
            markers=(*_minima_marker(surf), start_marker),
        )
        _outside_note(surf, controls["start"])
    with loss_col:
        _loss_chart(paths, runs, names, surf)
    st.caption(t("gd.descent.caption"))
    _results_table(names, runs)
    if show_3d:
        _surface_3d(view, paths=paths)
    widgets.code_panel(snippets.descent_code(surf, controls["start"], names, *args))


def _loss_chart(paths: list, runs: dict, names: list[str], surf: optim.Surface) -> None:
    log = surf.min_value is not None
    curves = [
        charts.Path(
            path.name,
            np.arange(len(runs[n]["losses"])),
            runs[n]["losses"],
            path.color,
        )
        for path, n in zip(paths, names, strict=True)
    ]
    labels = {
        "title": t("gd.loss.chart"),
        "x": t("gd.loss.x"),
        "y": t("gd.loss.y_gap", f_min=f"{surf.min_value:g}") if log else t("gd.loss.y"),
    }
    _built(charts.loss_figure, curves, reference=surf.min_value, labels=labels)
    if log:
        st.caption(t("gd.loss.caption_log", floor=f"{charts.LOG_FLOOR:g}"))


# --- basins of attraction ---------------------------------------------------------------------


def _basin_controls(surf: optim.Surface) -> dict:
    c1, c2, c3, c4, c5 = st.columns(5, gap="medium")
    name = widgets.select(
        "gd_b_opt",
        t("gd.basins.opt.label"),
        optim.OPTIMIZERS,
        "gd",
        help=t("gd.basins.opt.help"),
        option_key=_opt_key,
        container=c1,
    )
    lr = widgets.log_slider(
        "gd_b_lr", t("gd.lr.label"), *LR_RANGE, surf.lr, help=t("gd.lr.help"), container=c2
    )
    steps = widgets.count_slider(
        "gd_b_steps", t("gd.steps.label"), BASIN_STEPS, 200, help=t("gd.steps.help"), container=c3
    )
    n = widgets.count_slider(
        "gd_b_n", t("gd.basins.n.label"), BASIN_GRIDS, 25, help=t("gd.basins.n.help"), container=c4
    )
    beta = widgets.slider(
        "gd_b_beta",
        t("gd.beta1.label"),
        0.0,
        0.99,
        0.9,
        0.01,
        help=t("gd.beta1.help"),
        container=c5,
    )
    return {"name": name, "lr": lr, "steps": steps, "n": n, "beta1": float(beta)}


def _basin_label(result: dict, index: int, share: float) -> str:
    x, y = result["minima"][index]
    where = t("gd.basins.known" if result["known"][index] else "gd.basins.found")
    return t(
        "gd.basins.minimum",
        x=f"{x:.2f}",
        y=f"{y:.2f}",
        f=_fmt(round(result["values"][index], 9)),  # f = 0, not 7.9e-31
        share=f"{100 * share:.0f}",
        where=where,
    )


def _cell(name: str, starts, color: str, size: float) -> charts.Marker:
    return charts.Marker(name, starts, color, "square", size, 0.8, outline=False)


def _basin_cells(result: dict, n: int) -> list[charts.Marker]:
    """One group of coloured start points per minimum reached and per other outcome."""
    labels, starts, shares = result["labels"], result["starts"], result["shares"]
    size = charts.cell_size(n)
    cells = []
    for index in range(len(result["minima"])):
        name = _basin_label(result, index, shares[index])
        color = BASIN_COLORS[index % len(BASIN_COLORS)]
        cells.append(_cell(name, starts[labels == index], color, size))
    for outcome, code in optim.OUTCOMES.items():
        if shares.get(code, 0.0) > 0:
            name = t(f"gd.basins.outcome.{outcome}", share=f"{100 * shares[code]:.0f}")
            color = OUTCOME_COLORS[outcome]
            cells.append(_cell(name, starts[labels == code], color, size))
    return cells


def basins_view(spec: tuple, surf: optim.Surface, view: dict) -> None:
    st.markdown(t("gd.basins.intro"))
    with display.controls():
        controls = _basin_controls(surf)
    widgets.formula(
        r"\theta_0 \;\longmapsto\; \theta_T,\qquad "
        r"\text{basin}(\theta^\ast) = \{\theta_0 : \theta_T \to \theta^\ast\}",
        t("gd.basins.formula_caption"),
    )
    with widgets.input_errors():
        result = _basins(
            spec, controls["name"], controls["lr"], controls["steps"], controls["n"],
            controls["beta1"],
        )  # fmt: skip
        cells = _basin_cells(result, controls["n"])
        minima = charts.Marker(
            t("gd.chart.minima_reached"), result["minima"], charts.MINIMUM_COLOR, "x-thin-open", 16
        )
        _built(
            charts.map_figure,
            view["map"],
            labels=_map_labels(t("gd.basins.chart", opt=t(_opt_key(controls["name"])))),
            cells=cells,
            markers=[minima] if len(result["minima"]) else [],
            filled=False,
            clickable=False,
        )
        st.caption(t("gd.basins.caption"))
        widgets.code_panel(
            snippets.basins_code(
                surf, controls["name"], controls["lr"], controls["steps"], controls["n"],
                controls["beta1"], BASIN_BETA2,
            )
        )  # fmt: skip


# --- the page ---------------------------------------------------------------------------------


def _gaps_note(gaps: optim.Gaps) -> None:
    """What the map leaves blank, and why: f overflowed, or is undefined, there."""
    limit = f"{optim.FLOAT_MAX:.2g}"
    if gaps.nowhere_finite:
        st.warning(t("gd.gaps.nowhere", limit=limit), icon=":material/block:")
        return
    if gaps.overflow:
        share = f"{100 * gaps.overflow:.2g}"
        st.warning(t("gd.gaps.overflow", share=share, limit=limit), icon=":material/warning:")
    if gaps.undefined:
        share = f"{100 * gaps.undefined:.2g}"
        st.warning(t("gd.gaps.undefined", share=share), icon=":material/block:")


def main() -> None:
    st.title(t("page.gradient_descent.title"))
    st.markdown(t("gd.intro"))
    with display.controls():
        spec, show_3d = surface_controls()
    try:
        surf = _build(spec)
        view = _landscape(spec)
    except InputError as error:
        widgets.show_input_error(error)
        return
    widgets.formula(surf.latex, t(f"gd.surface.{surf.name}.caption"))
    _gaps_note(view["gaps"])
    views = (
        lambda: gradient_view(spec, surf, view, show_3d),
        lambda: descent_view(spec, surf, view, show_3d),
        lambda: basins_view(spec, surf, view),
    )
    for tab, draw in zip(widgets.tabs("gd_tab", TABS), views, strict=True):
        with tab, widgets.input_errors():  # a tab that cannot draw leaves the others working
            if tab.open:
                draw()


main()
