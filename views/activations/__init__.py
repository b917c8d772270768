"""The views of the activations page, and what they share: the chart plotter, the activations'
names, the controls two tabs have in common, the cached curve and the Markdown table."""

from __future__ import annotations

from dataclasses import dataclass

from core import activations as acts
from ui import display
from ui.cached_views import cached_view
from ui.charts import activations as charts
from ui.controls import Multi, Select, Slider, Toggle
from ui.i18n import t

PLOT = display.Plotter("act_chart", "act")

# Catalog key of each activation's name, in the order of `ACTIVATIONS`.
NAME_KEYS = {
    "sigmoid": "act.name.sigmoid",
    "tanh": "act.name.tanh",
    "relu": "act.name.relu",
    "leaky_relu": "act.name.leaky_relu",
    "prelu": "act.name.prelu",
    "elu": "act.name.elu",
    "selu": "act.name.selu",
    "gelu": "act.name.gelu",
    "gelu_tanh": "act.name.gelu_tanh",
    "silu": "act.name.silu",
    "softplus": "act.name.softplus",
    "mish": "act.name.mish",
    "softsign": "act.name.softsign",
    "hardtanh": "act.name.hardtanh",
    "hardsigmoid": "act.name.hardsigmoid",
    "relu6": "act.name.relu6",
    "linear": "act.name.linear",
}
ROW_TITLES = ("act.axis.f", "act.axis.df", "act.axis.d2f")


# --- controls that read their label or tooltip with values filled in -------------------------


@dataclass(frozen=True, kw_only=True)
class ParamSlider(Slider):
    """The slider of one parameter of one activation (Leaky ReLU's slope, ELU's alpha...):
    its label names both, its tooltip states the range and PyTorch's default."""

    activation: str
    parameter: str  # its torch keyword (``param`` is `Slider.of`'s own argument)

    def label_params(self) -> dict[str, object]:
        return {"activation": t(NAME_KEYS[self.activation]), "param": self.parameter}

    def help_params(self) -> dict[str, object]:
        return {
            "param": self.parameter,
            "low": self.low,
            "high": self.high,
            "default": self.default,
        }


@dataclass(frozen=True, kw_only=True)
class CappedMulti(Multi):
    """A multi-select whose tooltip states how many may be chosen."""

    def help_params(self) -> dict[str, object]:
        return {"n": self.max_selections}


# --- controls several tabs declare with their own keys ---------------------------------------


def activation_select(key: str) -> Select:
    return Select(
        key=key, label="act.fn.label", help="act.fn.help", options=NAME_KEYS, default="sigmoid"
    )


def x_max_slider(key: str) -> Slider:
    return Slider(
        key=key, label="act.xmax.label", help="act.xmax.help", low=1.0, high=20.0, default=6.0,
        step=0.5,
    )  # fmt: skip


def second_toggle(key: str) -> Toggle:
    return Toggle(key=key, label="act.second.label", help="act.second.help")


def depth_slider(key: str, help: str) -> Slider:
    return Slider(key=key, label="act.depth.label", help=help, low=1, high=50, default=20, step=1)


# --- computation and blocks -------------------------------------------------------------------


@cached_view(max_entries=128)
def curve(name: str, params: tuple[tuple[str, float], ...], x_max: float, second: bool,
          epsilon: float) -> acts.Curve:  # fmt: skip
    return acts.curve(name, x_max, 2 if second else 1, epsilon, **dict(params))


def labelled(label: str, c: acts.Curve) -> charts.Curve:
    """A computed curve as the function chart draws it, under ``label``."""
    return charts.Curve(label, c.y, c.dy, c.d2y, c.saturated)


def function_chart(curves: list[charts.Curve], x, *, x0, epsilon: float, title: str,
                   key: str) -> None:  # fmt: skip
    """The stacked f, f' (and f'') panels of the functions and custom tabs."""
    PLOT(
        charts.function_chart,
        x,
        curves,
        x0=x0,
        epsilon=epsilon,
        row_titles=[t(k) for k in ROW_TITLES],
        saturation_label=t("act.saturation.band", eps=epsilon),
        x_title="x",
        title=t(title),
        key=key,
    )


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table: cheaper to send than a dataframe, and as readable for a few rows."""

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), line(["---"] * len(header)), *map(line, rows)])
