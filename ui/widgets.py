"""Common controls and blocks every page uses.

Controls: each has a key (its URL parameter), a help tooltip and bounds, is bound to the URL
with ``bind="query-params"``, and has its URL value checked first by ``ui.state``.
Blocks: the formula box, the "PyTorch code for this view" expander, and the single place
where `core.errors.InputError` becomes an ``st.error``.
"""

from __future__ import annotations

import contextlib
import math
import secrets
from collections.abc import Callable, Iterator, Sequence

import streamlit as st

from core.errors import InputError
from ui import display, i18n, markdown
from ui.charts.base import round_significant
from ui.i18n import t
from ui.state import Choice, Flag, Number, Text, sanitize_multi, sanitize_param

SEED_KEY = "seed"
_LANG_FROM_URL = "_lang_from_url"
SEED_MAX = 2**31 - 1
BIND = "query-params"


# --- bound controls -------------------------------------------------------------------------


def slider(
    key: str,
    label: str,
    low: float,
    high: float,
    default: float,
    step: float | None = None,
    *,
    help: str,
    container=st,
    **kwargs,
):
    """A slider bound to the URL; integer when all of low, high and default are ints."""
    integer = all(isinstance(v, int) for v in (low, high, default))
    sanitize_param(key, Number(low, high, default, integer))
    return container.slider(
        label, low, high, default, step, key=key, help=help, bind=BIND, **kwargs
    )


def log_slider(
    key: str,
    label: str,
    low: float,
    high: float,
    default: float,
    *,
    help: str,
    points_per_decade: int = 8,
    container=st,
    **kwargs,
) -> float:
    """A slider over log-spaced values (temperatures, learning rates, counts spanning decades)."""
    labels = [f"{v:g}" for v in log_values(low, high, default, points_per_decade)]
    sanitize_param(key, Choice.of(labels, f"{default:g}"))
    label_value = container.select_slider(
        label, options=labels, value=f"{default:g}", key=key, help=help, bind=BIND, **kwargs
    )
    return float(label_value)


def count_slider(
    key: str,
    label: str,
    options: Sequence[int],
    default: int,
    *,
    help: str,
    container=st,
) -> int:
    """A slider over whole counts (log-spaced options such as 1, 2, 5, 10, ...)."""
    labels = [str(o) for o in options]
    sanitize_param(key, Choice.of(labels, str(default)))
    value = container.select_slider(
        label, options=labels, value=str(default), key=key, help=help, bind=BIND
    )
    return int(value)


def log_values(low: float, high: float, default: float, points_per_decade: int) -> list[float]:
    """The values of a log slider: ``points_per_decade`` per factor of ten, each rounded to two
    significant digits, and the default."""
    n = round(math.log10(high / low) * points_per_decade)
    grid = round_significant([low * (high / low) ** (i / n) for i in range(n + 1)], 2)
    return sorted(set(grid) | {default})


def number(
    key: str,
    label: str,
    low: float,
    high: float,
    default: float,
    step: float | None = None,
    *,
    help: str,
    container=st,
    **kwargs,
):
    """A number box bound to the URL."""
    integer = all(isinstance(v, int) for v in (low, high, default))
    sanitize_param(key, Number(low, high, default, integer))
    return container.number_input(
        label,
        min_value=low,
        max_value=high,
        value=default,
        step=step,
        key=key,
        help=help,
        bind=BIND,
        **kwargs,
    )


def select(
    key: str,
    label: str,
    options: Sequence[str],
    default: str | None = None,
    *,
    help: str,
    option_key: Callable[[str], str] | None = None,
    radio: bool = False,
    container=st,
    **kwargs,
) -> str:
    """A selectbox (or radio) bound to the URL; returns the chosen option.

    Options are stable ids. With ``option_key`` (option -> catalog key) they are shown
    translated; the URL then carries the translated label and a label from the other language
    is read back to the same option.
    """
    default = options[0] if default is None else default
    sanitize_param(key, _choice_spec(options, default, option_key))
    fmt = (lambda o: t(option_key(o))) if option_key else str
    widget = container.radio if radio else container.selectbox
    return widget(
        label,
        options,
        index=list(options).index(default),
        key=key,
        help=help,
        format_func=fmt,
        bind=BIND,
        **kwargs,
    )


def _choice_spec(
    options: Sequence[str], default: str, option_key: Callable[[str], str] | None
) -> Choice:
    if option_key is None:
        return Choice.of(options, default)
    current = i18n.current_language()
    labels = {t(option_key(o)): o for o in options}
    aliases = {
        i18n.translate(option_key(o), lang): o
        for lang in i18n.LANGUAGES
        if lang != current
        for o in options
    }
    return Choice(labels, default, aliases)


def multiselect(
    key: str,
    label: str,
    options: Sequence[str],
    default: Sequence[str],
    *,
    help: str,
    option_key: Callable[[str], str] | None = None,
    max_selections: int | None = None,
    container=st,
) -> list[str]:
    """A multi-select bound to the URL (``?key=a&key=b``); ids or labels in either language
    are read back, junk is dropped with a notice, repeats and extras are removed."""
    fmt = (lambda o: t(option_key(o))) if option_key else str
    # The ids themselves, and each option's label in every language.
    spec = _choice_spec(options, options[0], option_key)
    labels = {o: o for o in options} | dict(spec.labels) | dict(spec.aliases)
    sanitize_multi(key, labels, fmt, list(default), max_selections)
    return container.multiselect(
        label,
        options,
        default=list(default),
        format_func=fmt,
        key=key,
        help=help,
        max_selections=max_selections,
        bind=BIND,
    )


def toggle(key: str, label: str, default: bool = False, *, help: str, container=st) -> bool:
    sanitize_param(key, Flag(default))
    return container.toggle(label, value=default, key=key, help=help, bind=BIND)


def text(
    key: str, label: str, default: str, *, help: str, max_chars: int = 200, container=st
) -> str:
    """A text field bound to the URL; an over-long URL value is cut to ``max_chars``, a
    repeated one replaced by the default, each with a notice."""
    sanitize_param(key, Text(max_chars, default))
    return container.text_input(
        label, value=default, key=key, help=help, max_chars=max_chars, bind=BIND
    )


def tabs(key: str, label_keys: Sequence[str]):
    """Tabs (labels from the catalog) whose open one is in the URL; hidden ones have ``.open``
    False, so the page skips their work. Switching language keeps the open tab."""
    spec = _choice_spec(label_keys, label_keys[0], lambda k: k)
    labels = list(spec.labels)
    sanitize_param(key, Choice({label: label for label in labels}, labels[0], _tab_aliases(spec)))
    if st.session_state.get(key) in spec.aliases:
        st.session_state[key] = t(spec.aliases[st.session_state[key]])
    return st.tabs(labels, key=key, on_change="rerun", bind=BIND)


def _tab_aliases(spec: Choice) -> dict[str, str]:
    return {label: t(label_key) for label, label_key in spec.aliases.items()}


# --- the shared sidebar ---------------------------------------------------------------------


def _draw_new_seed() -> None:
    st.session_state[SEED_KEY] = secrets.randbelow(SEED_MAX)


def _language_control() -> None:
    """Language switch. Not natively bound: the URL must carry ``lang=zh``, not the label."""
    key = i18n.LANG_KEY
    if _LANG_FROM_URL not in st.session_state:
        sanitize_param(key, Choice.of(tuple(i18n.LANGUAGES), i18n.DEFAULT_LANGUAGE))
        raw = st.query_params.get(key)
        st.session_state[_LANG_FROM_URL] = raw if raw in i18n.LANGUAGES else i18n.DEFAULT_LANGUAGE
    # The radio's key is its identity, so the index only sets its first value (from the link).
    chosen = st.radio(
        "Language / 语言",
        options=list(i18n.LANGUAGES),
        index=list(i18n.LANGUAGES).index(st.session_state[_LANG_FROM_URL]),
        format_func=i18n.LANGUAGES.get,
        key=key,
        horizontal=True,
        help="English or Simplified Chinese · 英文或简体中文",
    )
    # Keep the URL in step (default omitted, as native bindings do).
    if chosen == i18n.DEFAULT_LANGUAGE:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = chosen


def sidebar_controls() -> None:
    """Language, seed, Resample and presentation mode, shared by every page (all in the URL)."""
    with st.sidebar:
        _language_control()
        number(
            SEED_KEY,
            t("sidebar.seed"),
            0,
            SEED_MAX,
            0,
            1,
            help=t("sidebar.seed.help"),
        )
        st.button(
            t("sidebar.resample"),
            icon=":material/casino:",
            help=t("sidebar.resample.help"),
            on_click=_draw_new_seed,
            width="stretch",
        )
        toggle(
            display.PRESENT_KEY,
            t("sidebar.present"),
            help=t("sidebar.present.help"),
        )


def seed() -> int:
    """The sidebar seed: every random view draws from a generator seeded with it."""
    return int(st.session_state.get(SEED_KEY, 0))


# --- blocks ---------------------------------------------------------------------------------


def formula(latex: str, caption: str | None = None) -> None:
    """The formula the chart draws."""
    st.latex(latex)
    if caption:
        st.caption(caption)


def code_panel(code: str) -> None:
    """The short PyTorch program that reproduces the current picture with the current values."""
    with st.expander(t("widgets.code.title"), icon=":material/code:"):
        st.code(code, language="python")


def error_message(error: InputError) -> str:
    """The error, as Markdown, in the page's language when the catalog has it, else the English
    message; the values it quotes (often typed by a user) show as typed."""
    key = f"error.{error.code}" if error.code else None
    if key and i18n.has(key):
        return i18n.t_markdown(key, **error.params)
    return markdown.escaped(error)


def show_input_error(error: InputError) -> None:
    st.error(error_message(error), icon="🚫")


@contextlib.contextmanager
def input_errors() -> Iterator[None]:
    """Run a block; an `InputError` inside it becomes an ``st.error`` and the page goes on."""
    try:
        yield
    except InputError as error:
        show_input_error(error)
