"""Controls declared once.

A view states each of its controls as one module-level value: the URL key, the catalog key of
the label (the tooltip is ``<label>.help`` unless given), the range, the default and the step
or log scale. ``draw()`` makes the URL-bound widget (``ui.widgets``), which checks the link's
value against the very same range (``ui.state``); the page-sweep tests read the declarations
to open every view at every extreme (`extremes`). Where ``core`` declares a parameter itself
(an activation's or a distribution's ``Param``, a kernel's parameters), the control is made
from that declaration (`Slider.of`), so the range is not typed again.

Like ``torch.distributions``' ``arg_constraints`` or scikit-learn's ``Hyperparameter``: one
declaration that the widget, the URL check and the tests read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, is_dataclass

import streamlit as st

from ui import display, widgets
from ui.i18n import t, translate


@dataclass(frozen=True, kw_only=True)
class Control:
    """What every control has: its URL key, the catalog key of its label and of its tooltip."""

    key: str
    label: str
    help: str = ""

    def __post_init__(self) -> None:
        if not self.help:
            object.__setattr__(self, "help", self.label + ".help")

    def label_params(self) -> dict[str, object]:
        """Values for placeholders in the label's text (none by default)."""
        return {}

    def help_params(self) -> dict[str, object]:
        """Values for placeholders in the tooltip's text (none by default)."""
        return {}

    def texts(self) -> tuple[str, str]:
        """The label and the tooltip, in the page's language."""
        return t(self.label, **self.label_params()), t(self.help, **self.help_params())

    def extremes(self) -> tuple[str, ...]:
        """URL values that put the control at each end of its range (for the page sweeps)."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class Slider(Control):
    """A number on a slider from ``low`` to ``high``; whole numbers when all three are ints."""

    kind = "slider"  # the Streamlit element it draws

    low: float
    high: float
    default: float
    step: float | None = None

    @classmethod
    def of(cls, param, *, key: str, label: str, help: str = "", **overrides) -> Slider:
        """The slider of a parameter ``core`` declares (anything with low, high, default and,
        optionally, step)."""
        values = {"low": param.low, "high": param.high, "default": param.default}
        values["step"] = getattr(param, "step", None)
        return cls(key=key, label=label, help=help, **(values | overrides))

    widget = staticmethod(widgets.slider)

    def draw(self, container=st, **kwargs):
        label, tip = self.texts()
        return self.widget(
            self.key,
            label,
            self.low,
            self.high,
            self.default,
            self.step,
            help=tip,
            container=container,
            **kwargs,
        )

    def extremes(self) -> tuple[str, ...]:
        return tuple(_url_number(v) for v in (self.low, self.high))


@dataclass(frozen=True, kw_only=True)
class LogSlider(Control):
    """A number on a log scale: ``points_per_decade`` values per factor of ten, rounded to two
    significant digits, plus the default."""

    kind = "select_slider"  # the Streamlit element it draws

    low: float
    high: float
    default: float
    points_per_decade: int = 8

    def values(self) -> list[float]:
        return widgets.log_values(self.low, self.high, self.default, self.points_per_decade)

    def draw(self, container=st, **kwargs) -> float:
        label, tip = self.texts()
        return widgets.log_slider(
            self.key,
            label,
            self.low,
            self.high,
            self.default,
            help=tip,
            points_per_decade=self.points_per_decade,
            container=container,
            **kwargs,
        )

    def extremes(self) -> tuple[str, ...]:
        values = self.values()
        return (f"{values[0]:g}", f"{values[-1]:g}")


@dataclass(frozen=True, kw_only=True)
class Count(Control):
    """A whole count from a fixed list (often log-spaced: 1, 2, 5, 10, ...)."""

    kind = "select_slider"  # the Streamlit element it draws

    options: tuple[int, ...]
    default: int

    def draw(self, container=st) -> int:
        label, tip = self.texts()
        return widgets.count_slider(
            self.key, label, self.options, self.default, help=tip,
            container=container,
        )  # fmt: skip

    def extremes(self) -> tuple[str, ...]:
        return (str(self.options[0]), str(self.options[-1]))


@dataclass(frozen=True, kw_only=True)
class Number(Slider):
    """A number typed in a box, from ``low`` to ``high``."""

    kind = "number_input"  # the Streamlit element it draws

    widget = staticmethod(widgets.number)


@dataclass(frozen=True, kw_only=True)
class Select(Control):
    """One of ``options``: a mapping from each option's id to the catalog key of its label
    (None: the id is shown as it is, e.g. a kernel's or a torch function's name)."""

    options: Mapping[str, str | None]
    default: str | None = None
    radio: bool = False

    @property
    def kind(self) -> str:
        """The Streamlit element it draws."""
        return "radio" if self.radio else "selectbox"

    def draw(self, container=st, **kwargs) -> str:
        label, tip = self.texts()
        translated = any(v is not None for v in self.options.values())
        return widgets.select(
            self.key,
            label,
            tuple(self.options),
            self.default,
            help=tip,
            option_key=self.options.__getitem__ if translated else None,
            radio=self.radio,
            container=container,
            **kwargs,
        )

    def extremes(self) -> tuple[str, ...]:
        return tuple(self.url_values())

    def url_values(self, lang: str = "en") -> list[str]:
        """Each option as the URL carries it in ``lang``."""
        return [translate(k, lang) if k else o for o, k in self.options.items()]


@dataclass(frozen=True, kw_only=True)
class Multi(Control):
    """Several of ``options`` (option id -> catalog key of its label)."""

    kind = "multiselect"  # the Streamlit element it draws

    options: Mapping[str, str]
    default: tuple[str, ...]
    max_selections: int | None = None

    def draw(self, container=st) -> list[str]:
        label, tip = self.texts()
        return widgets.multiselect(
            self.key,
            label,
            tuple(self.options),
            self.default,
            help=tip,
            option_key=self.options.__getitem__,
            max_selections=self.max_selections,
            container=container,
        )

    def extremes(self) -> tuple[str, ...]:
        return ()


@dataclass(frozen=True, kw_only=True)
class Toggle(Control):
    kind = "toggle"  # the Streamlit element it draws

    default: bool = False

    def draw(self, container=st) -> bool:
        label, tip = self.texts()
        return widgets.toggle(self.key, label, self.default, help=tip, container=container)

    def extremes(self) -> tuple[str, ...]:
        return ("true", "false")


@dataclass(frozen=True, kw_only=True)
class Text(Control):
    kind = "text_input"  # the Streamlit element it draws

    default: str
    max_chars: int = 200
    examples: tuple[str, ...] = field(default=())  # valid values for the page sweeps

    def draw(self, container=st) -> str:
        label, tip = self.texts()
        return widgets.text(
            self.key,
            label,
            self.default,
            help=tip,
            max_chars=self.max_chars,
            container=container,
        )

    def extremes(self) -> tuple[str, ...]:
        return self.examples


def row(*controls: Control) -> list:
    """Draw ``controls`` side by side, one column each (folded away in presentation mode);
    their values, in order."""
    columns = display.control_columns(len(controls))
    return [control.draw(column) for control, column in zip(controls, columns, strict=True)]


def _url_number(value: float) -> str:
    return str(value) if isinstance(value, int) else repr(float(value))


def declared(namespace: Mapping[str, object]) -> list[Control]:
    """The controls among a module's names (``vars(module)``), for the tests."""
    found: list[Control] = []
    for value in namespace.values():
        if isinstance(value, Control):
            found.append(value)
        elif is_dataclass(value) and not isinstance(value, type) and hasattr(value, "controls"):
            found.extend(value.controls())  # a group, such as a kernel picker
        elif isinstance(value, Sequence | Mapping) and not isinstance(value, str):
            items = value.values() if isinstance(value, Mapping) else value
            found.extend(v for v in items if isinstance(v, Control))
    return found
