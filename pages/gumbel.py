"""Gumbel page: the distribution, the Gumbel-max trick, Gumbel-Softmax, annealing, top-k."""

from __future__ import annotations

import numpy as np
import streamlit as st
import torch

from core import gumbel as gb
from core import gumbel_extremes as extremes
from core import gumbel_relaxation as relax
from core import gumbel_stats as stats
from core import gumbel_topk as topk
from core import sample_stats
from core.errors import InputError
from ui import display, widgets
from ui.charts import gumbel as charts
from ui.i18n import t
from ui.snippets import gumbel as snippets

DEFAULT_LOGITS = "2, 1, 0"
MAXIMA_SAMPLES = 2000  # replicates of the maximum of n normals
STATS_SAMPLES = 2000  # Monte Carlo samples behind the Gumbel-Softmax statistics
TERNARY_POINTS = 500
ANNEAL_SAMPLES = 200  # samples per step behind the sharpness curve
ENTROPY_TAUS = tuple(float(x) for x in np.logspace(-2, 2, 33))
TABS = (
    "gumbel.tab.distribution",
    "gumbel.tab.max",
    "gumbel.tab.softmax",
    "gumbel.tab.anneal",
    "gumbel.tab.topk",
)
# per-view offsets of the sidebar seed, so views do not share noise by accident
SEED_U, SEED_MAXIMA, SEED_MAX, SEED_BATCH, SEED_STATS, SEED_GRAD, SEED_ANNEAL, SEED_TOPK = range(8)


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def _np(x: torch.Tensor) -> np.ndarray:
    return x.detach().double().numpy()


def _categories(k: int) -> list[str]:
    return [str(i + 1) for i in range(k)]


def _show(builder: str, *args, key: str | None = None, **kwargs) -> None:
    """Draw ``ui.charts.gumbel.<builder>(*args, **kwargs)``, built once and cached."""
    display.built_chart(
        getattr(charts, builder), *args, key_prefix="gb", file_prefix="gumbel", key=key, **kwargs
    )


# --- cached computations (small scalar keys; numpy out) -------------------------------------


@st.cache_data(max_entries=16)
def distribution_data(loc: float, scale: float, n: int, seed: int) -> dict:
    u, g = gb.uniform_and_gumbel(n, loc, scale, _generator(seed))
    low, high = gb.gumbel_quantile(0.0005, loc, scale), gb.gumbel_quantile(0.9995, loc, scale)
    x = torch.linspace(low, high, 240, dtype=torch.float64)
    u_edges, u_density = sample_stats.density_histogram(u, 20, 0.0, 1.0)
    g_edges, g_density = sample_stats.density_histogram(g, 60, low, high)
    return {
        "u_edges": _np(u_edges),
        "u_density": _np(u_density),
        "g_edges": _np(g_edges),
        "g_density": _np(g_density),
        "x": _np(x),
        "pdf": _np(gb.gumbel_pdf(x, loc, scale)),
        "cdf": _np(gb.gumbel_cdf(x, loc, scale)),
        "ecdf": _np(stats.empirical_cdf(g, x)),
        "exact": gb.gumbel_summary(loc, scale),
        "sample": stats.sample_summary(g),
    }


@st.cache_data(max_entries=16)
def maxima_data(n: int, seed: int) -> dict:
    z = extremes.standardized_normal_maxima(n, MAXIMA_SAMPLES, _generator(seed))
    x = torch.linspace(-3.0, 7.0, 201, dtype=torch.float64)
    edges, density = sample_stats.density_histogram(z, 50, -3.0, 7.0)
    exact_cdf = extremes.standardized_max_cdf(n, x)
    return {
        "edges": _np(edges),
        "density": _np(density),
        "x": _np(x),
        "gumbel": _np(gb.gumbel_pdf(x)),
        "exact": _np(extremes.standardized_max_pdf(n, x)),
        "distance": stats.max_cdf_distance(exact_cdf, gb.gumbel_cdf(x)),
        "constants": extremes.normal_max_constants(n),
    }


@st.cache_data(max_entries=16)
def gumbel_max_data(logits: tuple[float, ...], n: int, seed: int) -> dict:
    samples = gb.gumbel_max(torch.tensor(logits), n, _generator(seed))
    probs = stats.category_probabilities(logits)
    ns, running = stats.running_frequencies(samples, len(logits))
    counts = stats.category_counts(samples, len(logits))
    return {
        "freq": _np(stats.category_frequencies(samples, len(logits))),
        "probs": _np(probs),
        "ns": ns.numpy(),
        "running": _np(running),
        "test": stats.chi_square_test(counts, probs),
    }


@st.cache_data(max_entries=16)
def batch_data(logits: tuple[float, ...], tau: float, hard: bool, n: int, seed: int) -> dict:
    """The same noise through the right formula (soft or hard) and the wrong one."""
    x = torch.tensor(logits)
    return {
        "right": _np(gb.gumbel_softmax(x, tau, hard, n, _generator(seed))),
        "wrong": _np(gb.noise_times_tau_softmax(x, tau, n, _generator(seed))),
        "probs": _np(stats.category_probabilities(logits)),
    }


@st.cache_data(max_entries=16)
def softmax_stats(logits: tuple[float, ...], tau: float, seed: int) -> dict:
    x = torch.tensor(logits)
    k = len(logits)
    right = gb.gumbel_softmax(x, tau, n=STATS_SAMPLES, generator=_generator(seed))
    wrong = gb.noise_times_tau_softmax(x, tau, n=STATS_SAMPLES, generator=_generator(seed))
    entropy = {
        variant: _np(
            relax.expected_entropy(
                x, ENTROPY_TAUS, STATS_SAMPLES, _generator(seed), noise_times_tau=variant
            )
        )
        for variant in (False, True)
    }
    return {
        "right_argmax": _np(stats.category_frequencies(right.argmax(-1), k)),
        "wrong_argmax": _np(stats.category_frequencies(wrong.argmax(-1), k)),
        "probs": _np(stats.category_probabilities(logits)),
        "entropy_right": entropy[False],
        "entropy_wrong": entropy[True],
        "max_entropy": relax.uniform_entropy(k),
    }


@st.cache_data(max_entries=16)
def gradient_data(logits: tuple[float, ...], tau: float, target: int, seed: int) -> dict:
    grads = relax.loss_gradients(torch.tensor(logits), tau, target, STATS_SAMPLES, _generator(seed))
    return {name: _np(grad) for name, grad in grads.items()}


@st.cache_data(max_entries=16)
def annealing_data(
    logits: tuple[float, ...], steps: int, rate: float, tau_min: float, seed: int
) -> dict:
    taus = gb.annealing_schedule(steps, rate, tau_min)
    y = relax.annealed_samples(torch.tensor(logits), taus, ANNEAL_SAMPLES, _generator(seed))
    return {
        "taus": _np(taus),
        "sharpness": _np(relax.mean_largest_probability(y)),
        "first": _np(y[:, 0, :]),
    }


@st.cache_data(max_entries=16)
def topk_data(logits: tuple[float, ...], k: int, n: int, seed: int) -> dict:
    picks = gb.gumbel_topk(torch.tensor(logits), k, n, _generator(seed))
    exact = topk.topk_inclusion_probabilities(logits, k)
    return {
        "freq": _np(stats.inclusion_frequencies(picks, len(logits))),
        "exact": _np(exact),
        "se": _np(stats.inclusion_standard_errors(exact, n)),
        "probs": _np(stats.category_probabilities(logits)),
    }


# --- views ----------------------------------------------------------------------------------


def logits_control() -> tuple[float, ...]:
    """The categories' logits, typed as comma-separated numbers (in the link as typed)."""
    text = widgets.text(
        "gb_logits",
        t("gumbel.logits.label"),
        DEFAULT_LOGITS,
        help=t("gumbel.logits.help"),
        max_chars=120,
        container=display.controls(),
    )
    try:
        return tuple(gb.parse_logits(text).tolist())
    except InputError as error:
        # a warning, like a junk link value: the page goes on with the default logits
        fallback = t("gumbel.logits.fallback", logits=DEFAULT_LOGITS)
        st.warning(f"{widgets.error_message(error)} {fallback}", icon="⚠️")
        return tuple(gb.parse_logits(DEFAULT_LOGITS).tolist())


def distribution_view() -> None:
    st.markdown(t("gumbel.dist.intro"))
    widgets.formula(
        r"g = \mu - \beta \log(-\log U),\quad U \sim \mathcal{U}(0, 1),\qquad "
        r"F(x) = \exp\!\big(-e^{-(x - \mu)/\beta}\big)",
        t("gumbel.dist.formula_caption"),
    )
    c1, c2, c3 = display.control_columns(3)
    loc = widgets.slider(
        "gb_loc",
        t("gumbel.dist.loc"),
        -3.0,
        3.0,
        0.0,
        0.1,
        help=t("gumbel.dist.loc.help"),
        container=c1,
    )
    scale = widgets.slider(
        "gb_scale",
        t("gumbel.dist.scale"),
        0.2,
        3.0,
        1.0,
        0.1,
        help=t("gumbel.dist.scale.help"),
        container=c2,
    )
    n = int(
        widgets.log_slider(
            "gb_samples",
            t("gumbel.dist.samples"),
            100,
            100_000,
            5000,
            help=t("gumbel.dist.samples.help"),
            container=c3,
        )
    )
    seed = widgets.seed() + SEED_U
    with widgets.input_errors():
        data = distribution_data(loc, scale, n, seed)
        exact, sample = data["exact"], data["sample"]
        markers = {
            t("gumbel.dist.mean"): exact["mean"],
            t("gumbel.dist.median"): exact["median"],
            t("gumbel.dist.mode"): exact["mode"],
        }
        _show(
            "transform_figure",
            data["u_edges"],
            data["u_density"],
            data["g_edges"],
            data["g_density"],
            data["x"],
            data["pdf"],
            markers,
            labels=_transform_labels(loc, scale),
        )
        _summary_metrics(exact, sample)
        _show(
            "cdf_figure",
            data["x"],
            data["cdf"],
            data["ecdf"],
            labels={
                "title": t("gumbel.dist.cdf.title"),
                "empirical": t("gumbel.dist.cdf.empirical", n=n),
                "exact": t("gumbel.dist.cdf.exact"),
                "y": t("gumbel.dist.cdf.y"),
            },
        )
        widgets.code_panel(snippets.distribution_code(loc, scale, n, seed))
    maxima_section()


def _transform_labels(loc: float, scale: float) -> dict[str, str]:
    return {
        "u_title": t("gumbel.dist.u_title"),
        "g_title": t("gumbel.dist.g_title", loc=loc, scale=scale),
        "u_hist": t("gumbel.dist.u_hist"),
        "g_hist": t("gumbel.dist.g_hist"),
        "pdf": t("gumbel.dist.pdf", loc=loc, scale=scale),
        "density": t("gumbel.density"),
    }


def _summary_metrics(exact: dict, sample: dict) -> None:
    columns = st.columns(4)
    for column, name in zip(columns, ("mean", "median", "variance"), strict=False):
        column.metric(
            t(f"gumbel.dist.{name}"),
            f"{exact[name]:.3f}",
            t("gumbel.dist.sample_value", value=f"{sample[name]:.3f}"),
            delta_color="off",
            delta_arrow="off",
            help=t(f"gumbel.dist.{name}.help"),
        )
    columns[3].metric(
        t("gumbel.dist.mode"), f"{exact['mode']:.3f}", help=t("gumbel.dist.mode.help")
    )


@st.fragment
def maxima_section() -> None:
    st.subheader(t("gumbel.maxima.title"))
    st.markdown(t("gumbel.maxima.intro"))
    widgets.formula(
        r"\frac{\max_{i \le n} Z_i - b_n}{a_n} \xrightarrow{d} \mathrm{Gumbel}(0, 1),\quad "
        r"a_n = \frac{1}{\sqrt{2 \ln n}},\quad "
        r"b_n = \sqrt{2 \ln n} - \frac{\ln \ln n + \ln 4\pi}{2 \sqrt{2 \ln n}}",
        t("gumbel.maxima.formula_caption"),
    )
    n = int(
        widgets.log_slider(
            "gb_normals",
            t("gumbel.maxima.n"),
            10,
            10_000,
            100,
            help=t("gumbel.maxima.n.help"),
            container=display.controls(),
        )
    )
    seed = widgets.seed() + SEED_MAXIMA
    with widgets.input_errors():
        data = maxima_data(n, seed)
        a_n, b_n = data["constants"]
        _show(
            "maxima_figure",
            data["edges"],
            data["density"],
            data["x"],
            data["gumbel"],
            data["exact"],
            labels={
                "title": t("gumbel.maxima.chart", n=n, m=MAXIMA_SAMPLES),
                "hist": t("gumbel.maxima.hist"),
                "exact": t("gumbel.maxima.exact"),
                "gumbel": t("gumbel.maxima.gumbel"),
                "x": t("gumbel.maxima.x"),
                "y": t("gumbel.density"),
            },
        )
        st.caption(
            t("gumbel.maxima.caption", a=f"{a_n:.4f}", b=f"{b_n:.4f}", d=f"{data['distance']:.3f}")
        )
        widgets.code_panel(snippets.normal_maxima_code(n, MAXIMA_SAMPLES, seed))


def gumbel_max_view(logits: tuple[float, ...]) -> None:
    st.markdown(t("gumbel.max.intro"))
    widgets.formula(
        r"\arg\max_i\,(\ell_i + g_i) \sim \mathrm{Categorical}\big(\mathrm{softmax}(\ell)\big),"
        r"\quad g_i \overset{iid}{\sim} \mathrm{Gumbel}(0, 1)"
    )
    n = int(
        widgets.log_slider(
            "gb_max_n",
            t("gumbel.max.n"),
            10,
            100_000,
            1000,
            help=t("gumbel.max.n.help"),
            container=display.controls(),
        )
    )
    seed = widgets.seed() + SEED_MAX
    with widgets.input_errors():
        data = gumbel_max_data(logits, n, seed)
        test = data["test"]
        categories = _categories(len(logits))
        left, right = st.columns(2)
        with left:
            _show(
                "grouped_bars",
                categories,
                {t("gumbel.max.observed", n=n): data["freq"], "softmax(ℓ)": data["probs"]},
                title=t("gumbel.max.chart"),
                x_title=t("gumbel.category"),
                y_title=t("gumbel.probability"),
            )
        with right:
            _show(
                "running_frequency_figure",
                data["ns"],
                data["running"],
                data["probs"],
                categories,
                labels={"title": t("gumbel.max.running"), "y": t("gumbel.max.running.y")},
            )
        _chi_square_metrics(test)
        widgets.code_panel(snippets.gumbel_max_code(logits, n, seed))


def _chi_square_metrics(test: stats.ChiSquare) -> None:
    if test.p_value is None:
        st.info(t("gumbel.max.no_test"))
        return
    c1, c2, c3 = st.columns(3)
    c1.metric("χ²", f"{test.statistic:.2f}", help=t("gumbel.max.chi2.help"))
    c2.metric(t("gumbel.max.dof"), test.dof, help=t("gumbel.max.dof.help"))
    c3.metric(t("gumbel.max.p"), f"{test.p_value:.3g}", help=t("gumbel.max.p.help"))


def softmax_view(logits: tuple[float, ...]) -> None:
    st.markdown(t("gumbel.soft.intro"))
    widgets.formula(
        r"y_i = \frac{\exp\big((\ell_i + g_i)/\tau\big)}{\sum_j \exp\big((\ell_j + g_j)/\tau\big)}"
        r",\qquad y_{\text{hard}} = \mathrm{onehot}(\arg\max_i y_i) + y - \mathrm{sg}(y)",
        t("gumbel.soft.formula_caption"),
    )
    c1, c2, c3 = display.control_columns(3)
    tau = widgets.log_slider(
        "gb_tau",
        t("gumbel.soft.tau"),
        0.01,
        100.0,
        1.0,
        help=t("gumbel.soft.tau.help"),
        container=c1,
    )
    batch = widgets.slider(
        "gb_batch",
        t("gumbel.soft.batch"),
        1,
        40,
        12,
        help=t("gumbel.soft.batch.help"),
        container=c2,
    )
    with c3:
        hard = widgets.toggle("gb_hard", t("gumbel.soft.hard"), help=t("gumbel.soft.hard.help"))
    k = len(logits)
    categories = _categories(k)
    with widgets.input_errors():
        batch_samples = batch_data(logits, tau, hard, batch, widgets.seed() + SEED_BATCH)
        summary = softmax_stats(logits, tau, widgets.seed() + SEED_STATS)
        left, right = st.columns(2)
        with left:
            _show_stacked(batch_samples["right"], categories, "gumbel.soft.batch_chart")
        with right:
            if k == 3:
                _simplex(logits, tau, hard, "right", "gumbel.soft.ternary")
            else:
                st.info(t("gumbel.soft.ternary_k"))
        left, right = st.columns(2)
        with left:
            _show(
                "entropy_figure",
                ENTROPY_TAUS,
                {
                    "softmax((ℓ+g)/τ)": summary["entropy_right"],
                    t("gumbel.soft.wrong_short"): summary["entropy_wrong"],
                },
                tau,
                summary["max_entropy"],
                labels={
                    "title": t("gumbel.soft.entropy", n=STATS_SAMPLES),
                    "y": t("gumbel.soft.entropy.y"),
                    "ceiling": t("gumbel.soft.entropy.ceiling", k=k),
                },
            )
        with right:
            _show(
                "grouped_bars",
                categories,
                {
                    t("gumbel.soft.argmax_right"): summary["right_argmax"],
                    "softmax(ℓ)": summary["probs"],
                    t("gumbel.soft.argmax_wrong"): summary["wrong_argmax"],
                },
                title=t("gumbel.soft.argmax", tau=f"{tau:g}", n=STATS_SAMPLES),
                x_title="i",
                y_title=t("gumbel.probability"),
            )
        widgets.code_panel(
            snippets.gumbel_softmax_code(logits, tau, hard, batch, widgets.seed() + SEED_BATCH)
        )
        gradient_section(logits, tau)
        correctness_note(logits, tau, batch)


def _show_stacked(y: np.ndarray, categories: list[str], title_key: str) -> None:
    _show(
        "stacked_samples_figure",
        y,
        categories,
        labels={"title": t(title_key), "x": t("gumbel.soft.sample"), "y": "y_i"},
    )


def _simplex(logits: tuple[float, ...], tau: float, hard: bool, variant: str, title: str) -> None:
    """Samples of the right or the wrong formula on the probability simplex (k = 3)."""
    data = batch_data(logits, tau, hard, TERNARY_POINTS, widgets.seed() + SEED_STATS)
    _show(
        "ternary_figure",
        data[variant],
        ["y₁", "y₂", "y₃"],
        data["probs"],
        labels={
            "title": t(title, tau=f"{tau:g}", n=TERNARY_POINTS),
            "samples": t("gumbel.soft.samples"),
            "softmax": "softmax(ℓ)",
        },
        key=f"gb_ternary_{variant}_{title}",
    )


@st.fragment
def gradient_section(logits: tuple[float, ...], tau: float) -> None:
    st.subheader(t("gumbel.grad.title"))
    st.markdown(t("gumbel.grad.intro"))
    widgets.formula(
        r"L(y) = \lVert y - e_c \rVert^2,\qquad "
        r"\nabla_\ell\, \mathbb{E}_{i \sim \mathrm{softmax}(\ell)}\big[L(e_i)\big]"
    )
    categories = _categories(len(logits))
    target = int(
        widgets.select(
            "gb_target",
            t("gumbel.grad.target"),
            categories,
            categories[-1],
            help=t("gumbel.grad.target.help"),
            container=display.controls(),
        )
    )
    seed = widgets.seed() + SEED_GRAD
    with widgets.input_errors():
        grads = gradient_data(logits, tau, target - 1, seed)
        names = {
            "soft": t("gumbel.grad.soft"),
            "hard": t("gumbel.grad.hard"),
            "torch_soft": "F.gumbel_softmax(hard=False)",
            "torch_hard": "F.gumbel_softmax(hard=True)",
            "exact": t("gumbel.grad.exact"),
        }
        _show(
            "grouped_bars",
            categories,
            {label: grads[name] for name, label in names.items()},
            title=t("gumbel.grad.chart", tau=f"{tau:g}", n=STATS_SAMPLES, c=target),
            x_title="i",
            y_title="∂L/∂ℓ_i",
            height=460,
        )
        widgets.code_panel(snippets.gradients_code(logits, tau, target - 1, STATS_SAMPLES, seed))


def correctness_note(logits: tuple[float, ...], tau: float, batch: int) -> None:
    """The right and the wrong formula side by side, soft samples from the same noise: on
    the simplex when k = 3, else as stacked bars."""
    st.subheader(t("gumbel.note.title"))
    st.markdown(t("gumbel.note.body"))
    samples = batch_data(logits, tau, False, batch, widgets.seed() + SEED_BATCH)
    formulas = {
        "right": r"y = \mathrm{softmax}\big((\ell + g)/\tau\big)",
        "wrong": r"y = \mathrm{softmax}(\ell + \tau g)",
    }
    for column, (variant, latex) in zip(st.columns(2), formulas.items(), strict=True):
        with column:
            widgets.formula(latex)
            if len(logits) == 3:
                _simplex(logits, tau, False, variant, f"gumbel.note.{variant}_ternary")
            else:
                _show_stacked(samples[variant], _categories(len(logits)), f"gumbel.note.{variant}")


def annealing_view(logits: tuple[float, ...]) -> None:
    st.markdown(t("gumbel.anneal.intro"))
    widgets.formula(
        r"\tau_t = \max\big(\tau_{\min},\ e^{-r t}\big),\qquad "
        r"y^{(t)} = \mathrm{softmax}\big((\ell + g^{(t)})/\tau_t\big)"
    )
    c1, c2, c3 = display.control_columns(3)
    steps = widgets.slider(
        "gb_steps",
        t("gumbel.anneal.steps"),
        10,
        500,
        100,
        help=t("gumbel.anneal.steps.help"),
        container=c1,
    )
    rate = widgets.log_slider(
        "gb_rate",
        t("gumbel.anneal.rate"),
        0.001,
        1.0,
        0.03,
        help=t("gumbel.anneal.rate.help"),
        container=c2,
    )
    tau_min = widgets.slider(
        "gb_tau_min",
        t("gumbel.anneal.tau_min"),
        0.05,
        2.0,
        0.1,
        0.05,
        help=t("gumbel.anneal.tau_min.help"),
        container=c3,
    )
    seed = widgets.seed() + SEED_ANNEAL
    with widgets.input_errors():
        data = annealing_data(logits, steps, rate, tau_min, seed)
        steps_axis = np.arange(steps)
        _show(
            "annealing_figure",
            steps_axis,
            data["taus"],
            data["sharpness"],
            labels={
                "title": t("gumbel.anneal.chart", n=ANNEAL_SAMPLES),
                "tau": "τ_t",
                "sharpness": t("gumbel.anneal.sharpness"),
                "sharpness_axis": t("gumbel.anneal.sharpness_axis"),
                "x": t("gumbel.anneal.step"),
            },
        )
        _show(
            "heatmap_figure",
            data["first"],
            _categories(len(logits)),
            labels={
                "title": t("gumbel.anneal.heatmap"),
                "x": t("gumbel.anneal.step"),
                "y": t("gumbel.category"),
            },
        )
        widgets.code_panel(
            snippets.annealing_code(logits, steps, rate, tau_min, ANNEAL_SAMPLES, seed)
        )


def topk_view(logits: tuple[float, ...]) -> None:
    st.markdown(t("gumbel.topk.intro"))
    widgets.formula(
        r"(i_1, \dots, i_k) = \operatorname{top\text{-}k}_i\,(\ell_i + g_i),\qquad "
        r"P(i_1, \dots, i_k) = \prod_{j=1}^{k} \frac{p_{i_j}}{1 - \sum_{l<j} p_{i_l}},"
        r"\quad p = \mathrm{softmax}(\ell)"
    )
    categories = _categories(len(logits))
    c1, c2 = display.control_columns(2)
    k = int(
        widgets.select(
            "gb_k",
            t("gumbel.topk.k"),
            categories,
            categories[min(1, len(categories) - 1)],
            help=t("gumbel.topk.k.help"),
            container=c1,
        )
    )
    n = int(
        widgets.log_slider(
            "gb_topk_n",
            t("gumbel.topk.n"),
            100,
            100_000,
            5000,
            help=t("gumbel.topk.n.help"),
            container=c2,
        )
    )
    seed = widgets.seed() + SEED_TOPK
    with widgets.input_errors():
        data = topk_data(logits, k, n, seed)
        _show(
            "grouped_bars",
            categories,
            {
                t("gumbel.topk.freq", n=n): data["freq"],
                t("gumbel.topk.exact"): data["exact"],
                "softmax(ℓ)": data["probs"],
            },
            errors={t("gumbel.topk.freq", n=n): 2 * data["se"]},
            title=t("gumbel.topk.chart", k=k),
            x_title=t("gumbel.category"),
            y_title=t("gumbel.topk.y"),
        )
        st.caption(t("gumbel.topk.caption"))
        widgets.code_panel(snippets.topk_code(logits, k, n, seed))


# --- the page -------------------------------------------------------------------------------

st.title(t("page.gumbel.title"))
st.markdown(t("gumbel.intro"))
logits = logits_control()
tabs = widgets.tabs("gb_view", TABS)
views = (
    distribution_view,
    lambda: gumbel_max_view(logits),
    lambda: softmax_view(logits),
    lambda: annealing_view(logits),
    lambda: topk_view(logits),
)
for tab, view in zip(tabs, views, strict=True):
    if tab.open:
        with tab:
            view()
