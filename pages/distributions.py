"""Normal distributions: the 2D normal of torch.distributions.MultivariateNormal, and 1D
distributions with sample vs rsample. Controls -> core -> ui.charts; the maths is in core."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st
import torch

from core import distributions as nd
from core import distributions_1d as d1
from core.errors import InputError
from ui import display, widgets
from ui.charts import distributions as charts
from ui.i18n import t
from ui.snippets import distributions as snippets

KS = (1, 2, 3)
HIST_ABOVE = 20_000  # more samples than this: a 2D histogram instead of single points
GRID = 80  # density grid per axis
MARGINAL_BINS = 40
CURVE_POINTS = 300
PROBE_LIMIT = 30.0
COV_LIMIT = 25.0
REPARAM_DRAWS = 5
CHART_KEY = "nd_chart"
LAST_VALID = "nd_last_valid"
MATRIX_KEYS = ("nd_c11", "nd_c12", "nd_c21", "nd_c22")
SIGMA_KEYS = ("nd_sx", "nd_sy", "nd_rho")
SIGMA_DEFAULTS = (1.5, 1.0, 0.6)
SIGMA_RANGE = (0.1, 5.0)
RHO_LIMIT = 0.99
CHART_LABELS = (
    *("title", "samples", "hist_2d", "density", "axes", "probe", "click"),
    *("marginal_hist", "marginal_pdf"),
)


# --- shared helpers ---------------------------------------------------------------------------


def _fmt(x: float) -> str:
    """A number for the page: 4 significant digits, "∞", or "undefined" for nan."""
    if math.isnan(x):
        return t("dist.undefined")
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.4g}"


def _percent(p: float) -> str:
    """A probability as a percentage; "> 99.9 %" rather than a rounded, false "100.0 %"."""
    return f"{100 * p:.1f} %" if p < 0.999 else "> 99.9 %"


def _chart(fig, name: str, **kwargs):
    return display.chart(fig, key=kwargs.pop("key", f"nd_chart_{name}"), filename=name, **kwargs)


# --- 2D normal: state ---------------------------------------------------------------------------


def _clamp(x: float, low: float, high: float) -> float:
    return min(max(x, low), high)


def _carry_covariance_across() -> None:
    """Switching modes carries the current covariance across (callback of the mode control)."""
    state = st.session_state
    if state.get("nd_cov_mode") == "matrix":
        sigmas = [state.get(k, d) for k, d in zip(SIGMA_KEYS, SIGMA_DEFAULTS, strict=True)]
        cov = nd.cov_from(*sigmas).tolist()
        for key, value in zip(MATRIX_KEYS, (*cov[0], *cov[1]), strict=True):
            state[key] = round(value, 4)
        return
    try:
        sx, sy, rho = nd.sigmas_from(_typed_matrix())
    except InputError:
        return  # an invalid matrix leaves the sliders where they were
    state["nd_sx"] = round(_clamp(sx, *SIGMA_RANGE), 2)
    state["nd_sy"] = round(_clamp(sy, *SIGMA_RANGE), 2)
    state["nd_rho"] = round(_clamp(rho, -RHO_LIMIT, RHO_LIMIT), 2)


def _typed_matrix() -> list[list[float]]:
    c11, c12, c21, c22 = (float(st.session_state.get(k, 0.0)) for k in MATRIX_KEYS)
    return [[c11, c12], [c21, c22]]


def _use_nearest(matrix: list[list[float]]) -> None:
    fixed = nd.nearest_valid_cov(matrix).tolist()
    for key, value in zip(MATRIX_KEYS, (*fixed[0], *fixed[1]), strict=True):
        st.session_state[key] = float(f"{value:.4g}")


def _probe_from_click() -> None:
    """A click on the chart (on its invisible grid) moves the probe there."""
    point = display.clicked_point(CHART_KEY)
    if point is not None:
        st.session_state["nd_px"] = round(_clamp(point[0], -PROBE_LIMIT, PROBE_LIMIT), 2)
        st.session_state["nd_py"] = round(_clamp(point[1], -PROBE_LIMIT, PROBE_LIMIT), 2)


# --- 2D normal: controls ------------------------------------------------------------------------


def _covariance_controls() -> tuple[str, tuple[float, ...]]:
    """("sigmas", (sx, sy, rho)) or ("matrix", (c11, c12, c21, c22)) as set by the controls."""
    mode = widgets.select(
        "nd_cov_mode",
        t("dist.cov_mode.label"),
        ["sliders", "matrix"],
        help=t("dist.cov_mode.help"),
        option_key=lambda o: f"dist.cov_mode.{o}",
        radio=True,
        horizontal=True,
        on_change=_carry_covariance_across,
    )
    if mode == "sliders":
        sx = widgets.slider(
            "nd_sx",
            t("dist.sx.label"),
            *SIGMA_RANGE,
            SIGMA_DEFAULTS[0],
            0.01,
            help=t("dist.sx.help"),
        )
        sy = widgets.slider(
            "nd_sy",
            t("dist.sy.label"),
            *SIGMA_RANGE,
            SIGMA_DEFAULTS[1],
            0.01,
            help=t("dist.sy.help"),
        )
        rho = widgets.slider(
            "nd_rho",
            t("dist.rho.label"),
            -RHO_LIMIT,
            RHO_LIMIT,
            SIGMA_DEFAULTS[2],
            0.01,
            help=t("dist.rho.help"),
        )
        return "sigmas", (sx, sy, rho)
    default = nd.cov_from(*SIGMA_DEFAULTS).tolist()
    entries = []
    for row in range(2):
        for col, column in enumerate(st.columns(2)):
            key = MATRIX_KEYS[2 * row + col]
            entries.append(
                widgets.number(
                    key,
                    t(f"dist.{key[3:]}.label"),
                    -COV_LIMIT,
                    COV_LIMIT,
                    round(default[row][col], 4),
                    0.1,
                    help=t("dist.matrix.help"),
                    container=column,
                    format="%.4g",
                )
            )
    st.caption(t("dist.matrix.caption"))
    return "matrix", tuple(entries)


def _checked_normal(mean, source: str, values: tuple[float, ...]):
    """(distribution, source, values) to draw: the covariance set, or the last valid one with
    the error shown and a button offering the nearest valid matrix."""
    cov = nd.cov_from(*values) if source == "sigmas" else [list(values[:2]), list(values[2:])]
    try:
        dist = nd.mvn(list(mean), cov)
    except InputError as error:
        widgets.show_input_error(error)
        st.button(
            t("dist.nearest.button"),
            help=t("dist.nearest.help"),
            on_click=_use_nearest,
            args=(cov,),
            icon=":material/healing:",
        )
        st.caption(t("dist.last_valid"))
        source, values = st.session_state.get(LAST_VALID, ("sigmas", SIGMA_DEFAULTS))
        return nd.mvn(list(mean), _cov_list(source, values)), source, values
    st.session_state[LAST_VALID] = (source, tuple(values))
    return dist, source, tuple(values)


def _cov_list(source: str, values) -> list[list[float]]:
    if source == "sigmas":
        return nd.cov_from(*values).tolist()
    return [list(values[:2]), list(values[2:])]


# --- 2D normal: computation (cached on small scalars) -----------------------------------------


@st.cache_data(max_entries=32, show_spinner=False)
def _normal_2d_view(mean: tuple, cov: tuple, n: int, seed: int) -> dict:
    dist = nd.mvn(list(mean), [list(cov[:2]), list(cov[2:])])
    bounds = nd.window(dist)
    xs = torch.linspace(bounds[0], bounds[1], GRID)
    ys = torch.linspace(bounds[2], bounds[3], GRID)
    points = nd.samples(dist, n, torch.Generator().manual_seed(seed))
    marginal_x, marginal_y = nd.marginals(dist)
    fine_x = torch.linspace(bounds[0], bounds[1], CURVE_POINTS)
    fine_y = torch.linspace(bounds[2], bounds[3], CURVE_POINTS)
    sample_mean, sample_cov = nd.sample_moments(points) if n >= 2 else (None, None)
    view = {
        "bounds": bounds,
        "xs": xs.numpy(),
        "ys": ys.numpy(),
        "density": nd.density_grid(dist, xs, ys).numpy(),
        "ellipses": [nd.ellipse(mean, dist.covariance_matrix, k, 160).numpy() for k in KS],
        "inside": nd.fraction_inside(dist, points, KS),
        "axes": nd.principal_axis_segments(mean, dist.covariance_matrix).numpy(),
        "marginal_x": _marginal(points[:, 0], bounds[:2], fine_x, marginal_x),
        "marginal_y": _marginal(points[:, 1], bounds[2:], fine_y, marginal_y),
        "sample_mean": None if sample_mean is None else sample_mean.tolist(),
        "sample_cov": None if sample_cov is None else sample_cov.tolist(),
        "points": points.numpy() if n <= HIST_ABOVE else None,
        "hist_2d": None,
    }
    if n > HIST_ABOVE:
        x_edges, y_edges, z = nd.histogram_2d(points, bounds, GRID)
        view["hist_2d"] = (x_edges.numpy(), y_edges.numpy(), z.numpy())
    return view


def _marginal(values, bounds, grid, dist) -> charts.Histogram:
    edges, density = nd.histogram(values, *bounds, MARGINAL_BINS)
    return charts.Histogram(
        edges.numpy(), density.numpy(), grid.numpy(), d1.pdf(dist, grid).numpy()
    )


# --- 2D normal: page blocks ---------------------------------------------------------------------


def _ellipse_labels(inside: list[float]) -> list[str]:
    return [
        t("dist.chart.ellipse", k=k, mass=_percent(nd.ellipse_mass(k)), observed=_percent(f))
        for k, f in zip(KS, inside, strict=True)
    ]


def _probe_block(dist, probe: tuple[float, float]) -> None:
    point = torch.tensor(probe, dtype=dist.loc.dtype)
    log_p = float(dist.log_prob(point))
    distance = float(nd.mahalanobis(dist, point))
    cols = st.columns(3)
    cols[0].metric(t("dist.probe.log_prob"), f"{log_p:.4f}", help=t("dist.probe.log_prob.help"))
    cols[1].metric(
        t("dist.probe.density"), f"{math.exp(log_p):.4g}", help=t("dist.probe.density.help")
    )
    cols[2].metric(
        t("dist.probe.mahalanobis"), f"{distance:.3f}", help=t("dist.probe.mahalanobis.help")
    )
    st.caption(
        t("dist.probe.caption", d=f"{distance:.2f}", mass=_percent(nd.ellipse_mass(distance)))
    )


def _moments_table(mean, cov, view) -> None:
    st.markdown(f"**{t('dist.table.title')}**")
    if view["sample_mean"] is None:
        st.caption(t("dist.table.too_few"))
        return
    sm, sc = view["sample_mean"], view["sample_cov"]
    rows = {
        "μₓ": (mean[0], sm[0]),
        "μᵧ": (mean[1], sm[1]),
        "Σₓₓ = σₓ²": (cov[0], sc[0][0]),
        "Σₓᵧ = ρσₓσᵧ": (cov[1], sc[0][1]),
        "Σᵧᵧ = σᵧ²": (cov[3], sc[1][1]),
    }
    table = pd.DataFrame(
        [(name, f"{a:.4f}", f"{b:.4f}") for name, (a, b) in rows.items()],
        columns=[t("dist.table.quantity"), t("dist.table.true"), t("dist.table.sample")],
    )
    st.table(table.set_index(t("dist.table.quantity")))
    st.caption(t("dist.table.caption"))


def _conditional_block(dist, a: float) -> None:
    cond = nd.conditional(dist, a)
    mean, var = float(cond.loc), float(cond.variance)
    widgets.formula(
        r"p(y\mid x=a)=\mathcal N\!\left(\mu_y+\rho\frac{\sigma_y}{\sigma_x}(a-\mu_x),\;"
        r"\sigma_y^2(1-\rho^2)\right)"
        rf"\qquad \mu_{{y\mid x={a:g}}}={mean:.4g},\ \sigma^2_{{y\mid x={a:g}}}={var:.4g},"
        rf"\ \sigma_{{y\mid x={a:g}}}={math.sqrt(var):.4g}",
        t("dist.cond.caption"),
    )
    ys = torch.linspace(*nd.conditional_window(dist, a), CURVE_POINTS)
    labels = {k: t(f"dist.cond.{k}") for k in ("marginal", "conditional", "slice", "mean", "y")}
    labels["title"] = t("dist.cond.chart_title", a=f"{a:g}")
    fig = charts.conditional_figure(
        ys.numpy(),
        d1.pdf(cond, ys).numpy(),
        nd.conditional_slice(dist, a, ys).numpy(),
        d1.pdf(nd.marginals(dist)[1], ys).numpy(),
        mean,
        labels=labels,
    )
    _chart(fig, "conditional")


def _probe_controls() -> tuple[float, float]:
    st.markdown(f"**{t('dist.probe.title')}**")
    return tuple(
        widgets.number(
            f"nd_p{axis}",
            t(f"dist.p{axis}.label"),
            -PROBE_LIMIT,
            PROBE_LIMIT,
            1.0,
            0.1,
            help=t(f"dist.p{axis}.help"),
            container=column,
            format="%.2f",
        )
        for axis, column in zip("xy", st.columns(2), strict=True)
    )


def _main_chart(view: dict, probe, slice_at: float | None) -> None:
    """The 2D chart; a click on it moves the probe (`_probe_from_click`)."""
    labels = {k: t(f"dist.chart.{k}") for k in CHART_LABELS}
    labels["slice"] = t("dist.chart.slice", a=f"{slice_at:g}") if slice_at is not None else ""
    fig = charts.normal_2d_figure(
        bounds=view["bounds"],
        density_xs=view["xs"],
        density_ys=view["ys"],
        density=view["density"],
        points=view["points"],
        hist_2d=view["hist_2d"],
        ellipses=list(zip(view["ellipses"], _ellipse_labels(view["inside"]), strict=True)),
        axis_segments=view["axes"],
        marginal_x=view["marginal_x"],
        marginal_y=view["marginal_y"],
        probe=probe,
        slice_at=slice_at,
        labels=labels,
    )
    _chart(fig, "normal-2d", key=CHART_KEY, on_select=_probe_from_click, selection_mode="points")
    st.caption(t("dist.chart.click_hint"))
    if view["hist_2d"] is not None:
        st.caption(t("dist.chart.hist_note", limit=f"{HIST_ABOVE:,}"))


def normal_2d_tab() -> None:
    widgets.formula(
        r"p(\mathbf x)=\frac{1}{2\pi\sqrt{\det\Sigma}}"
        r"\exp\!\left(-\tfrac12(\mathbf x-\boldsymbol\mu)^\top\Sigma^{-1}"
        r"(\mathbf x-\boldsymbol\mu)\right),"
        r"\quad \Sigma=\begin{pmatrix}\sigma_x^2&\rho\sigma_x\sigma_y\\"
        r"\rho\sigma_x\sigma_y&\sigma_y^2\end{pmatrix}",
        t("dist.2d.formula_caption"),
    )
    controls, chart = display.controls_beside_chart(2.6)
    probe_col, table_col = st.columns([1, 1], gap="large")
    with controls:
        st.markdown(f"**{t('dist.2d.controls')}**")
        mean = tuple(
            widgets.slider(
                f"nd_m{axis}",
                t(f"dist.m{axis}.label"),
                -5.0,
                5.0,
                0.0,
                0.1,
                help=t(f"dist.m{axis}.help"),
            )
            for axis in "xy"
        )
        dist, source, values = _checked_normal(mean, *_covariance_controls())
        n = int(
            widgets.log_slider("nd_n", t("dist.n.label"), 10, 100_000, 1000, help=t("dist.n.help"))
        )
        show_slice = widgets.toggle(
            "nd_slice", t("dist.slice.label"), False, help=t("dist.slice.help")
        )
        a = widgets.slider("nd_a", t("dist.a.label"), -15.0, 15.0, 1.0, 0.1, help=t("dist.a.help"))
        show_surface = widgets.toggle(
            "nd_surface", t("dist.surface.label"), False, help=t("dist.surface.help")
        )
    with probe_col:
        probe = _probe_controls()
    cov = tuple(v for row in _cov_list(source, values) for v in row)
    view = _normal_2d_view(mean, cov, n, widgets.seed())
    with chart:
        _main_chart(view, probe, a if show_slice else None)
    with probe_col:
        _probe_block(dist, probe)
    with table_col:
        _moments_table(mean, cov, view)
    if show_slice:
        st.subheader(t("dist.cond.title"))
        _conditional_block(dist, a)
    if show_surface:
        labels = {"title": t("dist.surface.title"), "density": "p(x, y)"}
        _chart(
            charts.surface_figure(view["xs"], view["ys"], view["density"], labels=labels),
            "density-surface",
        )
    code_args = {"sigmas": values} if source == "sigmas" else {"matrix": values}
    program = snippets.normal_2d_code(
        mean, n, widgets.seed(), probe, a, bounds=view["bounds"], grid=GRID, **code_args
    )
    widgets.code_panel(program)


# --- 1D distributions -------------------------------------------------------------------------


def _param_key(family: str, param: str) -> str:
    return f"nd_{family.lower()}_{param}"


def _standard_normal() -> None:
    st.session_state[_param_key("Normal", "loc")] = 0.0
    st.session_state[_param_key("Normal", "scale")] = 1.0
    st.session_state["nd_rule"] = True


@st.cache_data(max_entries=32, show_spinner=False)
def _univariate_view(family: str, params: tuple, n: int, seed: int) -> dict:
    dist = d1.univariate(family, dict(params))
    xs = d1.grid(dist, CURVE_POINTS)
    pdf = d1.pdf(dist, xs)
    x = d1.samples(dist, n, torch.Generator().manual_seed(seed))
    edges, density = nd.histogram(x, *d1.plot_range(dist))
    return {
        "view": charts.Histogram(edges.numpy(), density.numpy(), xs.numpy(), pdf.numpy()),
        "cdf": d1.cdf(dist, xs).numpy(),
        "y_top": d1.pdf_axis_top(pdf),
        "summary": d1.summary(dist),
    }


def _univariate_controls() -> tuple[str, dict[str, float], int, bool]:
    cols = display.control_columns([1.2, 3, 1.4], gap="medium")
    family = widgets.select(
        "nd_family",
        t("dist.family.label"),
        list(d1.FAMILIES),
        "Normal",
        help=t("dist.family.help"),
        container=cols[0],
    )
    spec = d1.FAMILIES[family]
    params = {}
    for p, col in zip(spec.params, cols[1].columns(3), strict=False):
        params[p.name] = widgets.slider(
            _param_key(family, p.name),
            f"${p.symbol}$ · `{p.name}`",
            p.low,
            p.high,
            p.default,
            p.step,
            help=t(f"dist.param.{p.name}.help"),
            container=col,
        )
    n = int(
        widgets.log_slider(
            "nd_n1", t("dist.n.label"), 10, 100_000, 1000, help=t("dist.n.help"), container=cols[2]
        )
    )
    rule = False
    if family == "Normal":
        rule = widgets.toggle(
            "nd_rule", t("dist.rule.label"), True, help=t("dist.rule.help"), container=cols[2]
        )
        cols[2].button(
            t("dist.standard.button"),
            help=t("dist.standard.help"),
            on_click=_standard_normal,
            icon=":material/target:",
        )
    return family, params, n, rule


def _markers(stats: dict[str, float]) -> list[charts.Marker]:
    styles = {
        "mean": (charts.PALETTE[3], "dash"),
        "median": (charts.PALETTE[2], "dot"),
        "mode": (charts.PALETTE[7], "dashdot"),
    }
    return [
        charts.Marker(stats[k], t(f"dist.1d.{k}"), color, dash)
        for k, (color, dash) in styles.items()
    ]


def _summary_block(stats: dict[str, float]) -> None:
    cols = st.columns(5)
    for col, key in zip(cols, ("mean", "median", "mode", "variance", "entropy"), strict=True):
        value = stats[key]
        shown = t("dist.1d.not_unique") if key == "mode" and math.isnan(value) else _fmt(value)
        col.metric(t(f"dist.1d.{key}"), shown, help=t(f"dist.1d.{key}.help"))
    st.markdown(t(f"dist.1d.order.{d1.order_of_centres(stats)}"))
    st.caption(t("dist.1d.centres_note"))


@st.cache_data(max_entries=32, show_spinner=False)
def _reparam_demo(family: str, params: tuple, seed: int) -> dict:
    demo = d1.reparameterisation_demo(
        family, dict(params), REPARAM_DRAWS, torch.Generator().manual_seed(seed)
    )
    return {
        "x": demo.x.tolist(),
        "grads": {k: v.tolist() for k, v in demo.grads.items()},
        "flag": str(demo.sample_requires_grad),
        "error": demo.sample_error.split("\n")[0],
    }


def _reparam_block(family: str, params: dict[str, float]) -> None:
    spec = d1.FAMILIES[family]
    st.subheader(t("dist.reparam.title"))
    st.markdown(t("dist.reparam.intro"))
    widgets.formula(spec.reparam_latex)
    demo = _reparam_demo(family, tuple(params.items()), widgets.seed())
    table = pd.DataFrame({"x": [f"{v:.4f}" for v in demo["x"]]})
    for p in spec.params:
        table[f"∂x/∂{p.name}"] = [f"{v:.4f}" for v in demo["grads"][p.name]]
    table.index = [t("dist.reparam.draw", i=i + 1) for i in range(len(table))]
    st.table(table)
    st.markdown(t("dist.reparam.sample_note", flag=demo["flag"], error=demo["error"]))
    widgets.code_panel(snippets.reparam_code(family, params, REPARAM_DRAWS, widgets.seed()))


def univariate_tab() -> None:
    family, params, n, rule = _univariate_controls()
    spec = d1.FAMILIES[family]
    with widgets.input_errors():
        view = _univariate_view(family, tuple(params.items()), n, widgets.seed())
        dist = d1.univariate(family, params)
        bands = []
        if rule:
            bands = [
                (lo, hi, t("dist.rule.band", k=k, mass=_percent(mass)))
                for k, (lo, hi, mass) in zip(KS, d1.normal_bands(dist, KS), strict=True)
            ]
        labels = {k: t(f"dist.1d.{k}") for k in ("pdf_title", "cdf_title", "hist", "pdf", "cdf")}
        fig = charts.univariate_figure(
            view["view"],
            view["cdf"],
            _markers(view["summary"]),
            view["y_top"],
            bands=bands,
            labels=labels,
        )
        widgets.formula(spec.pdf_latex)
        _chart(fig, f"{family.lower()}-pdf-cdf")
        if family == "Normal" and params == {"loc": 0.0, "scale": 1.0}:
            st.info(t("dist.1d.standard_note"), icon=":material/target:")
        _summary_block(view["summary"])
        widgets.code_panel(snippets.univariate_code(family, params, n, widgets.seed()))
        _reparam_block(family, params)


# --- the page -----------------------------------------------------------------------------------

st.title(t("page.distributions.title"))
st.markdown(t("dist.intro"))
tab_2d, tab_1d = widgets.tabs("nd_tab", ["dist.tab.2d", "dist.tab.1d"])
with tab_2d:
    if tab_2d.open:
        normal_2d_tab()
with tab_1d:
    if tab_1d.open:
        univariate_tab()
