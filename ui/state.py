"""Page state <-> URL query parameters: what Streamlit's native ``bind="query-params"`` lacks.

Widgets bind themselves to the URL (the key is the parameter). Before a bound widget is
created, ``sanitize_param`` reads the raw parameter; when it is junk or out of range it writes
the value actually used into ``st.session_state`` (which takes precedence over the URL and
rewrites it) and records a notice the page shows as a warning. Nothing read from a URL is ever
unpickled or evaluated: numbers go through ``float``, choices are compared with a list.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import streamlit as st

from ui.i18n import t

NOTICES_KEY = "_url_notices"
MAX_PARAM_LENGTH = 200


@dataclass(frozen=True)
class Number:
    """A numeric control: ``low <= value <= high``; whole numbers when ``integer``."""

    low: float
    high: float
    default: float
    integer: bool = False

    def parse(self, raw: str) -> float | None:
        """The number in ``raw`` clamped to the range, or None when it is no number at all."""
        if len(raw) > MAX_PARAM_LENGTH:
            return None
        try:
            x = float(raw)
        except ValueError:
            return None
        if math.isnan(x):
            return None
        x = min(max(x, self.low), self.high)
        if self.integer:
            x = float(round(x))
        return x

    def is_valid(self, raw: str) -> bool:
        x = self.parse(raw)
        if x is None:
            return False
        if self.integer:
            # Streamlit reads whole-number controls with int(): "3.0" or "1e3" would be dropped.
            try:
                return int(raw) == x
            except ValueError:
                return False
        return x == float(raw)

    def corrected(self, raw: str) -> int | float:
        x = self.parse(raw)
        x = self.default if x is None else x
        return int(x) if self.integer else x

    def describe(self) -> str:
        kind = "state.valid.integer" if self.integer else "state.valid.number"
        return t(kind, low=_fmt(self.low), high=_fmt(self.high))


@dataclass(frozen=True)
class Choice:
    """A selection: ``labels`` maps each option's label, as it appears in the URL, to its value.

    ``aliases`` maps labels of the other language to values, so a link made in Chinese opens
    the same view in English (and back) without a warning.
    """

    labels: Mapping[str, object]
    default: object
    aliases: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def of(cls, options: Sequence[str], default: str) -> Choice:
        """Options that are their own labels (language-neutral names, numbers)."""
        return cls({o: o for o in options}, default)

    def is_valid(self, raw: str) -> bool:
        return raw in self.labels

    def corrected(self, raw: str) -> object:
        return self.aliases.get(raw, self.default)

    def is_alias(self, raw: str) -> bool:
        return raw in self.aliases

    def describe(self) -> str:
        return t("state.valid.choice", options=", ".join(self.labels))

    def label_of(self, value: object) -> str:
        return next((label for label, v in self.labels.items() if v == value), str(value))


@dataclass(frozen=True)
class Flag:
    """An on/off control; the URL carries ``true`` or ``false``."""

    default: bool

    def is_valid(self, raw: str) -> bool:
        return raw.lower() in ("true", "false")

    def corrected(self, raw: str) -> bool:
        return self.default

    def describe(self) -> str:
        return t("state.valid.flag")


Spec = Number | Choice | Flag


def _fmt(x: object) -> str:
    if isinstance(x, float | int) and not isinstance(x, bool):
        return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else f"{x:g}"
    return str(x)


VALID, ALIAS, INVALID = "valid", "alias", "invalid"


def check_raw(raw: str | list[str], spec: Spec) -> tuple[str, object]:
    """(VALID, None), (ALIAS, value) or (INVALID, value to use). Pure: no Streamlit involved."""
    if isinstance(raw, list):
        # A repeated parameter (?n=1&n=2) is junk for a single-valued control.
        if len(raw) != 1:
            return INVALID, spec.default
        raw = raw[0]
    if spec.is_valid(raw):
        return VALID, None
    if isinstance(spec, Choice) and spec.is_alias(raw):
        return ALIAS, spec.corrected(raw)
    return INVALID, spec.corrected(raw)


def sanitize_param(key: str, spec: Spec) -> None:
    """Replace a junk or out-of-range URL value of ``key`` before its widget is created."""
    if key not in st.query_params:
        return
    raw = st.query_params.get_all(key)
    verdict, used = check_raw(raw, spec)
    if verdict == VALID:
        return
    st.session_state[key] = used
    if verdict == ALIAS:
        return
    shown = ", ".join(raw)
    record_notice(
        key,
        shown,
        spec.describe(),
        spec.label_of(used) if isinstance(spec, Choice) else _fmt(used),
    )


def record_notice(key: str, value: str, valid: str, used: str) -> None:
    """Queue the warning "the link set KEY to VALUE, not valid (VALID); using USED"."""
    notice = t(
        "state.notice",
        key=key,
        value=value[:40] + ("…" if len(value) > 40 else ""),
        valid=valid,
        used=used,
    )
    notices = st.session_state.setdefault(NOTICES_KEY, [])
    if notice not in notices:
        notices.append(notice)


def check_multi(
    raw: Sequence[str], labels: Mapping[str, object], max_items: int | None
) -> tuple[list[object], list[str]]:
    """(the values to use, the junk entries) for a multi-select read from a URL.

    Known labels (either language) map to their values; repeats are dropped and the list is
    cut to ``max_items``. Pure: no Streamlit involved.
    """
    values = list(dict.fromkeys(labels[r] for r in raw if r in labels))
    junk = [r for r in raw if r not in labels]
    return (values[:max_items] if max_items else values), junk


def sanitize_multi(
    key: str,
    labels: Mapping[str, object],
    current_label: Callable[[object], str],
    default: list[object],
    max_items: int | None,
) -> None:
    """The multi-select counterpart of `sanitize_param`."""
    if key not in st.query_params:
        return
    raw = [r for r in st.query_params.get_all(key) if r]
    values, junk = check_multi(raw, labels, max_items)
    if [current_label(v) for v in values] != raw:
        st.session_state[key] = values or default
    if junk:
        record_notice(
            key,
            ", ".join(junk),
            t("state.valid.choice", options=", ".join(current_label(v) for v in labels.values())),
            ", ".join(current_label(v) for v in values or default),
        )


def show_url_notices() -> None:
    """Show (once) the warnings gathered while reading the URL of this run."""
    for notice in st.session_state.pop(NOTICES_KEY, []):
        st.warning(notice, icon="⚠️")
