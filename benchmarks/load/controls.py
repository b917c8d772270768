"""The control a simulated student moves, read from the Delta protos the server sends.

A slider (plain or select_slider) is preferred, as in a lecture; a number_input (the sidebar
seed is on every page) is the fallback. The control walks its range back and forth like a hand
dragging it, a few positions at a time, so every change is a real change.
"""

from __future__ import annotations

from dataclasses import dataclass

from streamlit.proto.Element_pb2 import Element
from streamlit.proto.NumberInput_pb2 import NumberInput
from streamlit.proto.Slider_pb2 import Slider
from streamlit.proto.WidgetStates_pb2 import WidgetState

POSITIONS = 9  # grid points a control walks through: enough to differ, few enough to cache


@dataclass(frozen=True)
class Control:
    widget_id: str
    kind: str  # "slider", "select_slider" or "number_input"
    positions: tuple  # values, in the form the widget state carries them
    start: int  # index in positions of the value the page opened with
    fragment_id: str  # set when the control lives in an st.fragment: only that reruns
    url_key: str = ""  # the query parameter the control is bound to, if any
    url_default: tuple[str, ...] = ()  # at its default the frontend drops the parameter

    @property
    def key(self) -> str | None:
        """The user key: ids of keyed widgets are "$$ID-<hash>-<key>" ("None" when unkeyed)."""
        key = self.widget_id.split("-", maxsplit=2)[-1]
        return None if key == "None" else key

    def position(self, step: int) -> int:
        """Index of the value after ``step`` moves: up the grid, then back down, and so on."""
        period = 2 * (len(self.positions) - 1)
        phase = (self.start + step) % period
        return phase if phase < len(self.positions) else period - phase

    def state(self, step: int) -> WidgetState:
        """The WidgetState the browser would send after ``step`` moves (step >= 1)."""
        value = self.positions[self.position(step)]
        state = WidgetState(id=self.widget_id)
        if self.kind == "slider":
            state.double_array_value.data[:] = value
        elif self.kind == "select_slider":
            state.string_array_value.data[:] = value
        elif isinstance(value, int):
            state.int_value = value
        else:
            state.double_value = value
        return state

    def url_values(self, step: int) -> tuple[str, ...] | None:
        """What the frontend writes into the URL after ``step`` moves: None (drop the
        parameter) at the default, else the value(s) as JavaScript's String() prints them."""
        value = self.positions[self.position(step)]
        text = tuple(map(js_string, value if isinstance(value, tuple) else (value,)))
        return None if text == self.url_default else text


def js_string(value) -> str:
    """String(value) in JavaScript: 2.0 prints as "2"."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def control_of(element: Element, fragment_id: str) -> Control | None:
    """The movable control this element is, or None (not a widget we move, in a form,
    disabled, set to ignore changes, or with fewer than two positions)."""
    kind = element.WhichOneof("type")
    if kind not in {"slider", "number_input"}:
        return None
    proto = getattr(element, kind)
    if proto.form_id or proto.disabled or proto.ignore_rerun:
        return None
    if kind == "number_input":
        found = _number_input(proto, fragment_id)
    elif proto.type == Slider.SELECT_SLIDER:
        found = _select_slider(proto, fragment_id)
    elif proto.data_type in {Slider.INT, Slider.FLOAT}:
        found = _slider(proto, fragment_id)
    else:  # dates and times: not in this lab
        return None
    return found if found and len(found.positions) >= 2 else None


def _slider(proto: Slider, fragment_id: str) -> Control:
    current = list(proto.value if proto.set_value else proto.default)
    integer = proto.data_type == Slider.INT
    grid = _grid(proto.min, proto.max, proto.step, integer)
    url = _url_binding(proto, tuple(map(js_string, proto.default)))
    if len(current) == 2:  # a range: keep the lower handle, drag the upper one
        grid = [v for v in grid if v >= current[0]]
        positions = tuple((current[0], v) for v in grid)
        start = _nearest(grid, current[1])
    else:
        positions = tuple((v,) for v in grid)
        start = _nearest(grid, current[0])
    return Control(proto.id, "slider", positions, start, fragment_id, *url)


def _select_slider(proto: Slider, fragment_id: str) -> Control:
    options = list(proto.options)
    if proto.set_value:
        current = [options.index(v) for v in proto.raw_value]
    else:
        current = [int(i) for i in proto.default]
    indices = sorted({round(i * (len(options) - 1) / (POSITIONS - 1)) for i in range(POSITIONS)})
    url = _url_binding(proto, tuple(options[int(i)] for i in proto.default))
    if len(current) == 2:
        indices = [i for i in indices if i >= current[0]]
        positions = tuple((options[current[0]], options[i]) for i in indices)
        start = _nearest(indices, current[1])
    else:
        positions = tuple((options[i],) for i in indices)
        start = _nearest(indices, current[0])
    return Control(proto.id, "select_slider", positions, start, fragment_id, *url)


def _number_input(proto: NumberInput, fragment_id: str) -> Control:
    integer = proto.data_type == NumberInput.INT
    current = proto.value if proto.set_value else proto.default
    step = proto.step or 1
    low = proto.min if proto.has_min else current - POSITIONS * step
    high = proto.max if proto.has_max else current + POSITIONS * step
    # A seed box spans 2**31 values: walk a few steps from the current value, not the range.
    top = min(high, current + (POSITIONS - 1) * step)
    start = max(low, top - (POSITIONS - 1) * step)
    grid = _grid(start, top, step, integer)
    url = _url_binding(proto, (js_string(int(proto.default) if integer else proto.default),))
    return Control(
        proto.id, "number_input", tuple(grid), _nearest(grid, current), fragment_id, *url
    )


def _url_binding(proto: Slider | NumberInput, default: tuple[str, ...]) -> tuple:
    if not proto.HasField("query_param_key"):
        return ("", ())
    return (proto.query_param_key, default)


def _grid(low: float, high: float, step: float, integer: bool) -> list:
    """Up to POSITIONS values from low to high, on the widget's own step grid."""
    steps = round((high - low) / step) if step > 0 else 0
    if steps <= 0:
        return [int(low) if integer else low]
    indices = sorted({round(i * steps / (POSITIONS - 1)) for i in range(POSITIONS)})
    values = [low + i * step for i in indices]
    return [round(v) for v in values] if integer else [round(v, 12) for v in values]


def _nearest(values: list, target: float) -> int:
    return min(range(len(values)), key=lambda i: abs(values[i] - target))
