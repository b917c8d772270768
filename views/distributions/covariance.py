"""The covariance of the 2D view, set one of two ways: sigma_x, sigma_y and rho on sliders, or
the four entries of Sigma typed in. Switching carries the current covariance across; a typed
matrix that is no covariance is explained (core's `InputError`), the nearest valid one is
offered, and the last valid covariance stays drawn."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import distributions as nd
from core.errors import InputError
from ui import widgets
from ui.controls import Number, Select, Slider
from ui.i18n import t

MODE = Select(
    key="nd_cov_mode", label="dist.cov_mode.label", help="dist.cov_mode.help",
    options={"sliders": "dist.cov_mode.sliders", "matrix": "dist.cov_mode.matrix"}, radio=True,
)  # fmt: skip
SX = Slider(key="nd_sx", label="dist.sx.label", help="dist.sx.help", low=0.1, high=5.0,
            default=1.5, step=0.01)  # fmt: skip
SY = Slider(key="nd_sy", label="dist.sy.label", help="dist.sy.help", low=0.1, high=5.0,
            default=1.0, step=0.01)  # fmt: skip
RHO = Slider(key="nd_rho", label="dist.rho.label", help="dist.rho.help", low=-0.99, high=0.99,
             default=0.6, step=0.01)  # fmt: skip
SIGMAS = (SX, SY, RHO)
# The typed matrix starts at the sliders' default covariance.
_DEFAULT = nd.cov_from(*(s.default for s in SIGMAS)).tolist()


def _entry(key: str, label: str, row: int, col: int) -> Number:
    return Number(key=key, label=label, help="dist.matrix.help", low=-25.0, high=25.0,
                  default=round(_DEFAULT[row][col], 4), step=0.1)  # fmt: skip


MATRIX = (
    _entry("nd_c11", "dist.c11.label", 0, 0),
    _entry("nd_c12", "dist.c12.label", 0, 1),
    _entry("nd_c21", "dist.c21.label", 1, 0),
    _entry("nd_c22", "dist.c22.label", 1, 1),
)
LAST_VALID = "nd_last_valid"  # session state: the covariance drawn while a typed one is invalid


@dataclass(frozen=True)
class Setting:
    """The covariance as set: ``source`` "sigmas" with (sigma_x, sigma_y, rho), or "matrix"
    with the typed (c11, c12, c21, c22)."""

    source: str
    values: tuple[float, ...]

    def matrix(self) -> list[list[float]]:
        if self.source == "sigmas":
            return nd.cov_from(*self.values).tolist()
        return [list(self.values[:2]), list(self.values[2:])]

    def entries(self) -> tuple[float, ...]:
        """The four entries, row by row (hashable, for the cache)."""
        return tuple(v for row in self.matrix() for v in row)

    def code_args(self) -> dict[str, tuple[float, ...]]:
        """How the code panel states it (``snippets.normal_2d_code``)."""
        return {self.source: self.values}


DEFAULT = Setting("sigmas", tuple(s.default for s in SIGMAS))


def draw() -> Setting:
    """The covariance controls of the mode chosen."""
    mode = MODE.draw(horizontal=True, on_change=_carry_across)
    if mode == "sliders":
        return Setting("sigmas", tuple(s.draw() for s in SIGMAS))
    entries = []
    for row in range(2):
        for entry, column in zip(MATRIX[2 * row : 2 * row + 2], st.columns(2), strict=True):
            entries.append(entry.draw(column, format="%.4g"))
    st.caption(t("dist.matrix.caption"))
    return Setting("matrix", tuple(entries))


def checked(mean: tuple[float, float], setting: Setting):
    """(distribution, setting) to draw: the covariance set, or the last valid one with the
    error shown and a button offering the nearest valid matrix."""
    cov = setting.matrix()
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
        setting = st.session_state.get(LAST_VALID, DEFAULT)
        return nd.mvn(list(mean), setting.matrix()), setting
    st.session_state[LAST_VALID] = setting
    return dist, setting


# --- callbacks --------------------------------------------------------------------------------


def _carry_across() -> None:
    """Switching modes carries the current covariance across (callback of `MODE`)."""
    state = st.session_state
    if state.get(MODE.key) == "matrix":
        cov = nd.cov_from(*(state.get(s.key, s.default) for s in SIGMAS)).tolist()
        _set_matrix(cov, lambda v: round(v, 4))
        return
    try:
        values = nd.sigmas_from(_typed_matrix())
    except InputError:
        return  # an invalid matrix leaves the sliders where they were
    for slider, value in zip(SIGMAS, values, strict=True):
        state[slider.key] = round(min(max(value, slider.low), slider.high), 2)


def _typed_matrix() -> list[list[float]]:
    c11, c12, c21, c22 = (float(st.session_state.get(e.key, 0.0)) for e in MATRIX)
    return [[c11, c12], [c21, c22]]


def _use_nearest(matrix: list[list[float]]) -> None:
    _set_matrix(nd.nearest_valid_cov(matrix).tolist(), lambda v: float(format(v, ".4g")))


def _set_matrix(cov: list[list[float]], shown) -> None:
    for entry, value in zip(MATRIX, (*cov[0], *cov[1]), strict=True):
        st.session_state[entry.key] = shown(value)
