"""Gaussian-process priors (d2l.ai §18.2): from random weights to random functions, kernels
and their algebra, the RBF from infinitely many bumps, and the infinitely wide network.

Six stateful tabs; only the open one draws its controls and computes. core.gp_prior_views
computes each view (cached here on its scalar arguments), ui.charts.gp draws it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from core import gp_prior_views as views
from core import kernels, weight_space
from ui import display, widgets
from ui.cached_views import factored_view
from ui.cached_views import view as _view
from ui.charts import gp as charts
from ui.i18n import t
from ui.kernel_controls import kernel_controls
from ui.snippets import gp as snippets

HIDDEN_COUNTS = (*views.BUMP_COUNTS, 2000, 3000, 5000, 10000)
NETWORK_SIGMAS = {  # name: (low, high, default)
    "sigma_b": (0.0, 3.0, 0.5),
    "sigma_v": (0.1, 3.0, 1.0),
    "sigma0": (0.1, 5.0, 1.0),
    "sigma": (0.1, 10.0, 2.0),
}
TABS = ("simple", "kernels", "bumps", "network", "algebra", "grid")
ALGEBRA_VIEWS = ("compose", "sum", "warp", "amplitude", "ou_rbf", "product")
COV_LABELS = {"x": "x", "y": "x'", "colorbar": "k(x, x')"}


# --- cached computation and drawing ---------------------------------------------------------


def _plot(builder, *args, **kwargs) -> None:
    display.built_chart(builder, *args, key_prefix="gp", file_prefix="gp-prior", **kwargs)


def _paths(view: dict, key: str, series: str = "f", mean=None, dash="solid", **labels) -> None:
    """Sample paths ``view[series]`` with the view's band and a mean (0 by default); the
    title is ``t(key)`` and ``labels`` override any label."""
    labels = {
        "title": t(key),
        "x": "x",
        "y": "f(x)",
        "paths": t("gp.legend.samples"),
        "band": t("gp.legend.band"),
        "mean": t("gp.legend.mean"),
        **labels,
    }
    mean = np.zeros_like(view["x"]) if mean is None else mean
    _plot(
        charts.paths_figure,
        view["x"],
        view[series],
        band=view["band"],
        mean=mean,
        dash=dash,
        labels=labels,
    )


def _jitter_note(*jitters: float) -> None:
    if max(jitters) > 0:
        st.caption(t("gp.jitter", jitter=f"{max(jitters):.1e}"))


# --- controls -------------------------------------------------------------------------------


def _slider(key: str, label_key: str, low, high, default, step=None):
    return widgets.slider(key, t(label_key), low, high, default, step, help=t(f"{label_key}.help"))


def _samples(key: str, high: int = 30, default: int = 5) -> int:
    return _slider(key, "gp.samples", 1, high, default)


def _count_slider(key: str, label_key: str, options: Sequence[int], default: int) -> int:
    return widgets.count_slider(key, t(label_key), options, default, help=t(f"{label_key}.help"))


# --- tab 1: a simple GP, and the general basis --------------------------------------------


def simple_tab() -> None:
    st.subheader(t("gp.simple.title"))
    st.markdown(t("gp.simple.intro"))
    with display.controls():
        c1, c2 = st.columns(2)
        with c1:
            alpha = _slider("gp_lin_alpha", "gp.lin.alpha", 0.1, 3.0, 1.0, 0.1)
        with c2:
            n = _samples("gp_lin_n", 50, 10)
    view = _view(views.linear_view, alpha, n, views.LINE_POINTS, widgets.seed())
    _paths(view, "gp.lin.chart", band=t("gp.legend.band_exact"), paths=t("gp.legend.lines"))
    widgets.formula(
        r"f(x) = w_0 + w_1 x,\; w_0, w_1 \sim \mathcal{N}(0, \alpha^2) \;\Rightarrow\;"
        r" m(x) = 0,\; k(x, x') = \alpha^2 (1 + x x'),\;"
        r" \pm 2\sigma(x) = \pm 2 \alpha \sqrt{1 + x^2}"
    )
    widgets.code_panel(snippets.linear_code(alpha, n, views.LINE_POINTS, widgets.seed()))
    basis_section()


def basis_section() -> None:
    st.subheader(t("gp.basis.title"))
    st.markdown(t("gp.basis.intro"))
    with display.controls():
        c1, c2, c3 = st.columns(3)
        with c1:
            kind = widgets.select(
                "gp_basis",
                t("gp.basis.kind"),
                ("polynomial", "fourier"),
                help=t("gp.basis.kind.help"),
                option_key=lambda o: f"gp.basis.{o}",
            )
        period = 1.0  # unused by the polynomial basis
        with c2:
            if kind == "polynomial":
                size_param = _slider("gp_basis_degree", "gp.basis.degree", 0, 6, 3)
            else:
                size_param = _slider("gp_basis_freq", "gp.basis.freq", 1, 10, 3)
        if kind == "fourier":
            with c3:
                period = _slider("gp_basis_period", "gp.basis.period", 0.5, 8.0, 4.0, 0.5)
        c4, c5, c6 = st.columns(3)
        with c4:
            u_text = widgets.text(
                "gp_basis_u", t("gp.basis.u"), "0, 1", help=t("gp.basis.u.help"), max_chars=120
            )
        with c5:
            s = _slider("gp_basis_s", "gp.basis.s", 0.1, 2.0, 0.5, 0.1)
        with c6:
            n = _samples("gp_basis_n")
    with widgets.input_errors():
        size = views.features_of(kind, size_param, period).size
        u = tuple(weight_space.parse_weights(u_text, size))
        args = (kind, size_param, period, u, s, n, views.BASIS_POINTS, widgets.seed())
        view = _view(views.basis_view, *args)
        st.caption(t("gp.basis.u_used", u=", ".join(f"{v:g}" for v in u)))
        left, right = st.columns(2)
        with left:
            _paths(view, "gp.basis.weights", series="weights", mean=view["mean"])
        with right:
            _paths(view, "gp.basis.functions", mean=view["mean"], dash="dash")
        _jitter_note(view["jitter"])
        widgets.formula(
            r"f(x) = w^\top \phi(x),\; w \sim \mathcal{N}(u, s^2 I) \;\Rightarrow\;"
            r" m(x) = u^\top \phi(x),\; k(x, x') = s^2\, \phi(x)^\top \phi(x')",
            t("gp.basis.formula_caption"),
        )
        widgets.code_panel(snippets.basis_code(*args, view["jitter"]))


# --- tab 2: the kernels ----------------------------------------------------------------------


def kernels_tab() -> None:
    st.subheader(t("gp.kernels.title"))
    st.markdown(t("gp.kernels.intro"))
    with display.controls():
        spec = kernel_controls("gp_k", "gp.kernel", "RBF")
        c1, c2 = st.columns(2)
        with c1:
            n = _samples("gp_k_n", 50)
        with c2:
            n_points = _slider("gp_k_points", "gp.points", 50, 1000, 200, 50)
    if spec[0] == "RBF":
        st.info(t("gp.kernels.d2l_note"), icon=":material/info:")
    view = _view(views.prior_view, spec, n, n_points, widgets.seed())
    left, right = st.columns(2)
    with left:
        _paths(view, "gp.kernels.samples", title=view["repr"])
        _jitter_note(view["jitter"])
    with right:
        labels = {"title": t("gp.kernels.matrix"), **COV_LABELS}
        _plot(charts.heatmap_figure, view["coarse"], view["coarse"], view["K"], labels=labels)
    kernel_slice(spec, n_points, n, view["jitter"])


@st.fragment
def kernel_slice(spec: views.Spec, n_points: int, n_samples: int, jitter: float) -> None:
    """Moving x0 redraws only the slice (and the code that reproduces the view)."""
    left, right = st.columns(2)
    with left:
        x0 = _slider("gp_k_x0", "gp.kernels.x0", -5.0, 5.0, 0.0, 0.1)
        view = _view(views.kernel_slice, spec, x0, n_points)
        labels = {"title": t("gp.kernels.slice"), "x": "x", "y": "k(x, x₀)", "marker": "x₀"}
        _plot(charts.curves_figure, view["x"], [("k(x, x₀)", view["k"])], marker=x0, labels=labels)
    with right:
        widgets.formula(kernels.KERNELS[spec[0]].latex, t(f"gp.kernel.{spec[0]}.note"))
    widgets.code_panel(
        snippets.kernel_code(
            spec[0], dict(spec[1]), n_points, n_samples, widgets.seed(), jitter, x0
        )
    )


# --- tab 3: RBF from infinitely many bumps -----------------------------------------------


def bumps_tab() -> None:
    st.subheader(t("gp.bumps.title"))
    st.markdown(t("gp.bumps.intro"))
    with display.controls():
        c1, c2, c3, c4, c5 = st.columns(5)
        with c1:
            n_basis = _count_slider("gp_bump_j", "gp.bumps.j", views.BUMP_COUNTS, 10)
        with c2:
            ls = _slider("gp_bump_ls", "gp.bumps.ls", 0.1, 2.0, 0.5, 0.1)
        with c3:
            sigma = _slider("gp_bump_sigma", "gp.bumps.sigma", 0.1, 3.0, 1.0, 0.1)
        with c4:
            spread = widgets.select(
                "gp_bump_spread",
                t("gp.bumps.spread"),
                ("d2l", "window"),
                help=t("gp.bumps.spread.help"),
                option_key=lambda o: f"gp.bumps.spread.{o}",
            )
        with c5:
            n = _samples("gp_bump_n")
    view = _view(views.bumps_view, n_basis, ls, sigma, spread, n, widgets.seed())
    limit = view["limit"]
    left, right = st.columns(2)
    with left:
        title = t("gp.bumps.basis", shown=len(view["bumps"]), total=n_basis)
        labels = {"title": title, "x": "x", "y": "φᵢ(x)", "bumps": "φᵢ(x)"}
        _plot(charts.bumps_figure, view["x"], view["bumps"], labels=labels)
    with right:
        _paths(view, "gp.bumps.functions", band=t("gp.legend.band_finite"))
    left, right = st.columns(2)
    with left:
        curves = [(t("gp.bumps.k_j", j=n_basis), view["slice"])]
        if limit is not None:
            curves.append((t("gp.bumps.k_limit"), limit["slice"]))
        labels = {"title": t("gp.bumps.slice"), "x": "x", "y": "k(x, 0)", "marker": "x₀"}
        _plot(charts.curves_figure, view["x"], curves, marker=view["x0"], labels=labels)
    with right:
        errors = _view(views.bumps_convergence, ls, sigma, spread)
        labels = {
            "title": t("gp.bumps.convergence"),
            "x": "J",
            "y": t("gp.bumps.error_axis"),
            "marker": t("gp.bumps.current"),
        }
        curves = [(t("gp.bumps.error"), errors)]
        _plot(
            charts.curves_figure,
            list(views.BUMP_COUNTS),
            curves,
            marker=n_basis,
            log_x=True,
            log_y=True,
            labels=labels,
        )
    if limit is None:
        st.caption(t("gp.bumps.no_limit"))
    else:
        st.caption(t("gp.bumps.limit", kernel=limit["repr"], c=f"{view['half_width']:.3g}"))
    widgets.formula(
        r"k_J(x, x') = \frac{\sigma^2}{J} \sum_{i=1}^{J} \phi_i(x)\phi_i(x')"
        r" \;\xrightarrow{J \to \infty}\; \frac{\sigma^2 \sqrt{\pi}\,\ell}{2c}"
        r" \exp\left(-\frac{(x - x')^2}{2 (\sqrt{2}\ell)^2}\right),\;"
        r" \phi_i(x) = \exp\left(-\frac{(x - c_i)^2}{2\ell^2}\right)",
        t("gp.bumps.formula_caption"),
    )
    widgets.code_panel(
        snippets.bumps_code(
            n_basis, ls, sigma, view["half_width"], views.BUMP_POINTS, n, widgets.seed()
        )
    )


# --- tab 4: the infinitely wide network ------------------------------------------------------


def network_tab() -> None:
    st.subheader(t("gp.net.title"))
    st.markdown(t("gp.net.intro"))
    with display.controls():
        c1, c2, c3 = st.columns(3)
        with c1:
            activation = widgets.select(
                "gp_net_act",
                t("gp.net.activation"),
                ("erf", "relu"),
                help=t("gp.net.activation.help"),
            )
        with c2:
            n_hidden = _count_slider("gp_net_j", "gp.net.j", HIDDEN_COUNTS, 10)
        with c3:
            n = _slider("gp_net_n", "gp.net.n", 1, 20, 5)
        sigmas = {}
        for column, (name, (low, high, default)) in zip(
            st.columns(4), NETWORK_SIGMAS.items(), strict=True
        ):
            with column:
                sigmas[name] = _slider(f"gp_net_{name}", f"gp.net.{name}", low, high, default, 0.1)
    frozen = tuple(sorted(sigmas.items()))
    view = _view(views.network_view, activation, n_hidden, n, frozen, widgets.seed())
    left, right = st.columns(2)
    with left:
        title = t("gp.net.networks", j=n_hidden)
        _paths(view, "gp.net.networks", series="nets", title=title, paths=t("gp.legend.networks"))
    with right:
        _paths(view, "gp.net.gp", dash="dash", title=t("gp.net.gp", kernel=view["repr"]))
        _jitter_note(view["jitter"])
    network_histogram(activation, n_hidden, frozen)
    kernel_name = "NeuralNetwork" if activation == "erf" else "ArcCosine"
    widgets.formula(
        r"f(x) = b + \sum_{i=1}^{J} v_i\, h(u_{i0} + u_{i1} x),\;"
        r" b \sim \mathcal{N}(0, \sigma_b^2),\; v_i \sim \mathcal{N}(0, \sigma_v^2 / J)"
        r" \;\xrightarrow{J \to \infty}\; \mathcal{GP}\left(0,\; \sigma_b^2 + \sigma_v^2"
        r" k_h(x, x')\right)"
    )
    widgets.formula(kernels.KERNELS[kernel_name].latex, t(f"gp.net.{activation}.note"))
    widgets.code_panel(
        snippets.network_code(activation, n_hidden, n, sigmas, views.NETWORK_POINTS, widgets.seed())
    )


def _histogram(view: dict, title: str, x_label: str, hist_label: str, pdf_label: str):
    """The histogram with its normal curve, and the excess kurtosis beside it."""
    left, right = st.columns([2, 1])
    with left:
        labels = {
            "title": title,
            "x": x_label,
            "y": t("gp.density"),
            "hist": hist_label,
            "pdf": pdf_label,
        }
        _plot(
            charts.histogram_figure,
            view["edges"],
            view["density"],
            view["grid"],
            view["pdf"],
            labels=labels,
        )
    right.metric(t("gp.kurtosis"), f"{view['kurtosis']:.2f}", help=t("gp.kurtosis.help"))
    return right


@st.fragment
def network_histogram(activation: str, n_hidden: int, sigmas: tuple) -> None:
    x0 = _slider("gp_net_x0", "gp.net.x0", -5.0, 5.0, 1.0, 0.1)
    view = _view(views.network_histogram, activation, n_hidden, sigmas, x0, widgets.seed() + 2)
    title = t("gp.net.hist", n=views.HIST_NETWORKS, x0=f"{x0:g}")
    column = _histogram(view, title, "f(x₀)", t("gp.net.hist_legend"), "N(0, k(x₀, x₀))")
    column.markdown(t("gp.net.clt"))


# --- tab 5: kernel algebra and the chapter's exercises -------------------------------------


def algebra_tab() -> None:
    st.subheader(t("gp.alg.title"))
    with display.controls():
        c1, c2 = st.columns([2, 1])
        with c1:
            choice = widgets.select(
                "gp_alg_view",
                t("gp.alg.view"),
                ALGEBRA_VIEWS,
                help=t("gp.alg.view.help"),
                option_key=lambda o: f"gp.alg.{o}",
            )
        with c2:
            n = _samples("gp_alg_n")
    st.markdown(t(f"gp.alg.{choice}.intro"))
    {
        "compose": compose_view,
        "sum": sum_view,
        "warp": warp_view,
        "amplitude": amplitude_view,
        "ou_rbf": ou_rbf_view,
        "product": product_view,
    }[choice](n)


def _two_kernels(default2: str = "Periodic") -> tuple[views.Spec, views.Spec]:
    with display.controls():
        left, right = st.columns(2)
        with left:
            spec1 = kernel_controls("gp_a1", "gp.alg.k1", "RBF")
        with right:
            spec2 = kernel_controls("gp_a2", "gp.alg.k2", default2)
    return spec1, spec2


def _built_and_direct(view: dict, key: str) -> None:
    """Left: paths built from other GPs' samples. Right: drawn from the kernel directly."""
    left, right = st.columns(2)
    with left:
        _paths(view, f"gp.alg.{key}.built", series="built")
    with right:
        _paths(view, f"gp.alg.{key}.direct", dash="dash")
    _jitter_note(*view.get("jitters", [view["jitter"]]))


def _named(spec: views.Spec) -> tuple[str, dict[str, float]]:
    return spec[0], dict(spec[1])


def compose_view(n: int) -> None:
    spec1, spec2 = _two_kernels()
    with display.controls():
        op = widgets.select("gp_alg_op", t("gp.alg.op"), ("+", "*"), help=t("gp.alg.op.help"))
    view = _view(views.compose_view, spec1, spec2, op, n, widgets.seed())
    left, right = st.columns(2)
    with left:
        _paths(view, "gp.alg.compose.chart", title=view["repr"])
        _jitter_note(view["jitter"])
    with right:
        labels = {"title": t("gp.kernels.matrix"), **COV_LABELS}
        _plot(charts.heatmap_figure, view["coarse"], view["coarse"], view["K"], labels=labels)
    symbol = "+" if op == "+" else r"\cdot"
    widgets.formula(rf"k(x, x') = k_1(x, x') {symbol} k_2(x, x')", t("gp.alg.compose.note"))
    widgets.code_panel(
        snippets.compose_code(
            _named(spec1), _named(spec2), op, views.PATH_POINTS, n, widgets.seed(), view["jitter"]
        )
    )


def sum_view(n: int) -> None:
    spec1, spec2 = _two_kernels()
    view = _view(views.sum_view, spec1, spec2, n, widgets.seed())
    _built_and_direct(view, "sum")
    widgets.formula(
        r"u(x) = f(x) + 2 g(x) \sim \mathcal{GP}\left(m_1 + 2 m_2,\; k_1 + 4 k_2\right)"
    )
    widgets.code_panel(
        snippets.sum_code(
            _named(spec1), _named(spec2), views.PATH_POINTS, n, widgets.seed(), view["jitters"]
        )
    )


def warp_view(n: int) -> None:
    with display.controls():
        spec = kernel_controls("gp_a1", "gp.alg.k1", "RBF")
    view = _view(views.warp_view, spec, n, widgets.seed())
    _built_and_direct(view, "warp")
    widgets.formula(
        r"g(x) = a(x) f(x),\; a(x) = x^2 \;\Rightarrow\;"
        r" g \sim \mathcal{GP}\left(0,\; a(x)\, a(x')\, k(x, x')\right)"
    )
    widgets.code_panel(
        snippets.warp_code(_named(spec), views.PATH_POINTS, n, widgets.seed(), view["jitters"])
    )


def amplitude_view(n: int) -> None:
    with display.controls():
        name, params = kernel_controls(
            "gp_a1", "gp.alg.k1", "RBF", kernels.STATIONARY, fixed=("amplitude",)
        )
        a = _slider("gp_alg_amp", "gp.param.amplitude", 0.1, 3.0, 2.0, 0.1)
    specs = tuple(views.spec_of(name, {**dict(params), "amplitude": v}) for v in (1.0, a))
    _same_noise(specs, n, ("gp.alg.amplitude.one", "gp.alg.amplitude.a"), amplitude=a)
    widgets.formula(
        r"k_a(x, x') = a^2 k_1(x, x') \;\Rightarrow\; L_a = a L_1,\; f_a = a\, f_1"
        r" \text{ for the same } z"
    )


def ou_rbf_view(n: int) -> None:
    with display.controls():
        ls = widgets.log_slider(
            "gp_alg_ls",
            t("gp.param.lengthscale"),
            0.05,
            5.0,
            1.0,
            help=t("gp.param.lengthscale.help"),
        )
    specs = tuple(
        views.spec_of(name, {"amplitude": 1.0, "lengthscale": ls})
        for name in ("OrnsteinUhlenbeck", "RBF")
    )
    _same_noise(specs, n, ("gp.alg.ou_rbf.ou", "gp.alg.ou_rbf.rbf"))
    widgets.formula(
        r"k_{\mathrm{OU}} = \exp\left(-\frac{|x - x'|}{\ell}\right) \quad \text{vs} \quad"
        r" k_{\mathrm{RBF}} = \exp\left(-\frac{(x - x')^2}{2\ell^2}\right)",
        t("gp.alg.ou_rbf.note"),
    )


def _same_noise(specs, n: int, keys: tuple[str, str], **params) -> None:
    both = _view(views.same_noise_view, specs, n, widgets.seed())
    for column, view, key in zip(st.columns(2), both, keys, strict=True):
        with column:
            _paths(view, key, title=t(key, **params))
    _jitter_note(*(v["jitter"] for v in both))
    widgets.code_panel(
        snippets.same_noise_code(
            [_named(s) for s in specs],
            views.PATH_POINTS,
            n,
            widgets.seed(),
            [v["jitter"] for v in both],
        )
    )


def product_view(n: int) -> None:
    spec1, spec2 = _two_kernels("RBF")
    view = _view(views.product_view, spec1, spec2, n, widgets.seed())
    _built_and_direct(view, "product")
    widgets.formula(
        r"u(x) = f(x) g(x):\; \mathrm{Cov}(u(x), u(x')) = k_1(x, x') k_2(x, x'),\;"
        r" \frac{\mathbb{E}[u^4]}{\mathbb{E}[u^2]^2} - 3 = 3 \cdot 3 - 3 = 6"
    )
    product_histogram(spec1, spec2)


@st.fragment
def product_histogram(spec1: views.Spec, spec2: views.Spec) -> None:
    x0 = _slider("gp_alg_x0", "gp.alg.x0", -5.0, 5.0, 1.0, 0.1)
    seed = widgets.seed() + 2
    view = _view(views.product_histogram, spec1, spec2, x0, seed)
    title = t("gp.alg.product.hist", n=views.HIST_PRODUCT, x0=f"{x0:g}")
    column = _histogram(view, title, "u(x₀)", "u(x₀) = f(x₀) g(x₀)", t("gp.alg.product.normal"))
    column.markdown(t("gp.alg.product.verdict"))
    widgets.code_panel(
        snippets.product_code(_named(spec1), _named(spec2), x0, views.HIST_PRODUCT, seed)
    )


# --- tab 6: two-dimensional inputs -----------------------------------------------------------


def grid_tab() -> None:
    st.subheader(t("gp.grid.title"))
    st.markdown(t("gp.grid.intro"))
    with display.controls():
        spec = kernel_controls("gp_g", "gp.kernel", "RBF", kernels.STATIONARY)
        n_grid = _slider("gp_g_n", "gp.grid.n", 20, 50, 40, 5)
    # views.grid_view, its Cholesky factor computed once for every seed (Resample is cheap)
    view = factored_view(views.grid_factor, views.grid_sample, (spec, n_grid), widgets.seed())
    title = repr(views.kernel_of(spec))
    labels = {"title": title, "x": "x₁", "y": "x₂", "z": "f(x)", "colorbar": "f(x)"}
    axis = view["axis"]
    left, right = st.columns(2)
    with left:
        _plot(charts.surface_figure, axis, axis, view["f"], labels=labels)
    with right:
        _plot(charts.heatmap_figure, axis, axis, view["f"], labels=labels, symmetric=True)
    _jitter_note(view["jitter"])
    kernel_class = kernels.KERNELS[spec[0]]
    widgets.formula(
        getattr(kernel_class, "latex_nd", kernel_class.latex) + r",\; x \in \mathbb{R}^2",
        t("gp.grid.note", n=n_grid * n_grid),
    )
    widgets.code_panel(
        snippets.grid_code(spec[0], dict(spec[1]), n_grid, widgets.seed(), view["jitter"])
    )


# --- the page ------------------------------------------------------------------------------

st.title(t("page.gp_priors.title"))
st.markdown(t("gp.intro"))
DRAW = (simple_tab, kernels_tab, bumps_tab, network_tab, algebra_tab, grid_tab)
for tab, draw in zip(widgets.tabs("gp_tab", [f"gp.tab.{k}" for k in TABS]), DRAW, strict=True):
    if tab.open:
        with tab:
            draw()
