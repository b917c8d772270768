"""The 1D families of torch.distributions: the histogram of n draws under the pdf, the cdf,
mean, median and mode marked on both, the 68-95-99.7 rule for the normal; the summary; then
sample vs rsample (`reparam`)."""

from __future__ import annotations

import math
from dataclasses import dataclass

import streamlit as st
import torch

from core import distributions_1d as d1
from ui import display, widgets
from ui.cached_views import cached_view
from ui.charts import distributions as charts
from ui.controls import Select, Slider, Toggle
from ui.i18n import t
from ui.snippets import distributions as snippets
from views.distributions import CURVE_POINTS, KS, PLOT, percent, reparam, sample_count


@dataclass(frozen=True, kw_only=True)
class ParamSlider(Slider):
    """A family parameter's slider, labelled with its symbol and torch keyword as they are
    (``$\\mu$ · `loc```): no catalog key, the same in every language."""

    def draw(self, container=st, **kwargs) -> float:
        return widgets.slider(self.key, self.label, self.low, self.high, self.default, self.step,
                              help=t(self.help), container=container, **kwargs)  # fmt: skip


FAMILY = Select(key="nd_family", label="dist.family.label", help="dist.family.help",
                options=dict.fromkeys(d1.FAMILIES), default="Normal")  # fmt: skip
# Tooltip of each parameter, by its torch keyword.
PARAM_HELP = {
    "loc": "dist.param.loc.help",
    "scale": "dist.param.scale.help",
    "low": "dist.param.low.help",
    "high": "dist.param.high.help",
    "df": "dist.param.df.help",
    "rate": "dist.param.rate.help",
    "concentration": "dist.param.concentration.help",
    "concentration1": "dist.param.concentration1.help",
    "concentration0": "dist.param.concentration0.help",
}
# One slider per parameter of each family, its range as core declares it.
PARAMS = {
    (name, p.name): ParamSlider.of(
        p,
        key=f"nd_{name.lower()}_{p.name}",
        label=f"${p.symbol}$ · `{p.name}`",
        help=PARAM_HELP[p.name],
    )
    for name, family in d1.FAMILIES.items()
    for p in family.params
}
N = sample_count("nd_n1")
RULE = Toggle(key="nd_rule", label="dist.rule.label", help="dist.rule.help", default=True)

FIGURE_LABELS = {
    "pdf_title": "dist.1d.pdf_title",
    "cdf_title": "dist.1d.cdf_title",
    "hist": "dist.1d.hist",
    "pdf": "dist.1d.pdf",
    "cdf": "dist.1d.cdf",
}
# The centres marked on the charts: label, colour, dash.
MARKERS = {
    "mean": ("dist.1d.mean", charts.PALETTE[3], "dash"),
    "median": ("dist.1d.median", charts.PALETTE[2], "dot"),
    "mode": ("dist.1d.mode", charts.PALETTE[7], "dashdot"),
}
# The summary's metrics (tooltip: label.help).
SUMMARY = {
    "mean": "dist.1d.mean",
    "median": "dist.1d.median",
    "mode": "dist.1d.mode",
    "variance": "dist.1d.variance",
    "entropy": "dist.1d.entropy",
}
# How mean, median and mode relate (`d1.order_of_centres`).
ORDER = {
    "equal": "dist.1d.order.equal",
    "right": "dist.1d.order.right",
    "left": "dist.1d.order.left",
    "mixed": "dist.1d.order.mixed",
    "undefined": "dist.1d.order.undefined",
}


@cached_view(max_entries=32)
def computed(family: str, params: tuple, n: int, seed: int) -> d1.UnivariateView:
    generator = torch.Generator().manual_seed(seed)
    return d1.univariate_view(family, dict(params), n, generator, CURVE_POINTS)


def render() -> None:
    family, params, n, rule = _controls()
    seed = widgets.seed()
    with widgets.input_errors():
        view = computed(family, tuple(params.items()), n, seed)
        bands = []
        if rule:
            bands = [
                (lo, hi, t("dist.rule.band", k=k, mass=percent(mass)))
                for k, (lo, hi, mass) in zip(
                    KS, d1.normal_bands(d1.univariate(family, params), KS), strict=True
                )
            ]
        widgets.formula(d1.FAMILIES[family].pdf_latex)
        PLOT(
            charts.univariate_figure,
            view.histogram,
            view.cdf,
            _markers(view.summary),
            view.y_top,
            bands=bands,
            labels={k: t(key) for k, key in FIGURE_LABELS.items()},
            key=f"nd_chart_{family.lower()}-pdf-cdf",
            filename=f"{family.lower()}-pdf-cdf",
        )
        if family == "Normal" and params == {"loc": 0.0, "scale": 1.0}:
            st.info(t("dist.1d.standard_note"), icon=":material/target:")
        _summary(view.summary)
        widgets.code_panel(snippets.univariate_code(family, params, n, seed))
        reparam.render(family, params)


def _controls() -> tuple[str, dict[str, float], int, bool]:
    cols = display.control_columns([1.2, 3, 1.4], gap="medium")
    family = FAMILY.draw(cols[0])
    shown = d1.FAMILIES[family].params
    params = {
        p.name: PARAMS[family, p.name].draw(col)
        for p, col in zip(shown, cols[1].columns(3), strict=False)
    }
    n = int(N.draw(cols[2]))
    rule = False
    if family == "Normal":
        rule = RULE.draw(cols[2])
        cols[2].button(
            t("dist.standard.button"),
            help=t("dist.standard.help"),
            on_click=_standard_normal,
            icon=":material/target:",
        )
    return family, params, n, rule


def _standard_normal() -> None:
    st.session_state[PARAMS["Normal", "loc"].key] = 0.0
    st.session_state[PARAMS["Normal", "scale"].key] = 1.0
    st.session_state[RULE.key] = True


def _markers(stats: dict[str, float]) -> list[charts.Marker]:
    return [
        charts.Marker(stats[k], t(label), color, dash)
        for k, (label, color, dash) in MARKERS.items()
    ]


def _fmt(x: float) -> str:
    """A number for the page: 4 significant digits, "∞", or "undefined" for nan."""
    if math.isnan(x):
        return t("dist.undefined")
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.4g}"


def _summary(stats: dict[str, float]) -> None:
    for col, (key, label) in zip(st.columns(5), SUMMARY.items(), strict=True):
        value = stats[key]
        shown = t("dist.1d.not_unique") if key == "mode" and math.isnan(value) else _fmt(value)
        col.metric(t(label), shown, help=t(label + ".help"))
    st.markdown(t(ORDER[d1.order_of_centres(stats)]))
    st.caption(t("dist.1d.centres_note"))
