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
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx
from streamlit.runtime.state.session_state_proxy import get_session_state

from ui.i18n import t, t_markdown

NOTICES_KEY = "_url_notices"
LINKS_KEY = "_page_links"
# A longer value is junk, not a number (400 nines is a number: the largest value allowed).
MAX_PARAM_LENGTH = 1000


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

    def url_text(self, value: object) -> str:
        return str(int(value)) if self.integer else repr(float(value))

    def shown(self, value: object) -> str:
        return _fmt(value)


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

    url_text = shown = label_of


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

    def url_text(self, value: object) -> str:
        return "true" if value else "false"

    shown = url_text


@dataclass(frozen=True)
class Text:
    """A text field: one value of at most ``max_chars`` characters; a longer one is cut."""

    max_chars: int
    default: str

    def is_valid(self, raw: str) -> bool:
        return len(raw) <= self.max_chars

    def corrected(self, raw: str) -> str:
        return raw[: self.max_chars]

    def describe(self) -> str:
        return t("state.valid.text", n=self.max_chars)

    def shown(self, value: object) -> str:
        # What `corrected` gave: the default (a repeated parameter) or the cut value.
        return self.default if value == self.default else t("state.used.text", n=self.max_chars)

    def url_text(self, value: object) -> str:
        return str(value)


Spec = Number | Choice | Flag | Text


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
    _seed_binding_with(key, spec.url_text(used))
    record_notice(key, ", ".join(raw), spec.describe(), spec.shown(used))


def _seed_binding_with(key: str, text: str | list[str]) -> None:
    """Make Streamlit's own URL binding read ``text`` for ``key`` instead of the link's value,
    and show it in the address bar.

    On a tab's first run a bound widget seeds itself from the link's value even when
    ``st.session_state`` already holds one, converting it on its own terms first: an integer
    control computes ``int(float(value))``, which raises OverflowError for ``inf`` or 400
    nines. The binding reads the link's first parameters from a private table (Streamlit
    1.67, ``QueryParams._initial_query_params``); tests/pages/test_app.py holds this to it.
    """
    values = [text] if isinstance(text, str) else list(text)
    kind = "string_value" if len(values) == 1 else "string_array_value"
    with get_session_state().query_params() as query_params:
        query_params._initial_query_params[key] = values
        # the address bar too
        query_params.set_corrected_value(key, values[0] if len(values) == 1 else values, kind)


def remember_link(url_path: str) -> None:
    """Keep the parameters of the page that just ran, for `restore_link`."""
    links = st.session_state.setdefault(LINKS_KEY, {})
    links[url_path] = {key: st.query_params.get_all(key) for key in st.query_params}


def restore_link(url_path: str) -> None:
    """On Back or Forward to a page, bring back the parameters it had when it was left.

    Opening another page from the navigation drops the parameters of the page left behind
    from its history entry (Streamlit 1.67 filters out parameters bound to other pages), so
    Back would reopen it at its defaults. Call before the page creates its controls.
    """
    ctx = get_script_run_ctx()
    saved = st.session_state.get(LINKS_KEY, {}).get(url_path)
    if ctx is None or not ctx.is_history_navigation or not saved:
        return
    for key, values in saved.items():
        if key not in st.query_params:
            _seed_binding_with(key, values)


def record_notice(key: str, value: str, valid: str, used: str) -> None:
    """Queue the warning "the link set KEY to VALUE, not valid (VALID); using USED"."""
    notice = t_markdown(
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
