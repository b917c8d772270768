"""What the Gumbel page's views share: the logits typed above the tabs, the categories' names
and the choice of one, the seed offsets, the sample-size slider, and the pieces every view
opens with (introduction and formula, a row of controls)."""

from __future__ import annotations

from dataclasses import replace

import streamlit as st
import torch

from core import gumbel as gb
from core.errors import InputError
from ui import display, widgets
from ui.controls import LogSlider, Select, Text
from ui.i18n import t

LOGITS = Text(
    key="gb_logits",
    label="gumbel.logits.label",
    help="gumbel.logits.help",
    default="2, 1, 0",
    max_chars=120,
    examples=("2, 1, 0", "3, -2, 0.5, 1, -1, 0, 2, -3, 1.5, 0", "1e30, -1e30, 0"),
)
SOFTMAX = "softmax(ℓ)"  # legend entry of the exact category probabilities
# per-view offsets of the sidebar seed, so views do not share noise by accident
SEED_U, SEED_MAXIMA, SEED_MAX, SEED_BATCH, SEED_STATS, SEED_GRAD, SEED_ANNEAL, SEED_TOPK = range(8)


def logits_control() -> None:
    """The categories' logits, typed as comma-separated numbers above the tabs (in the link
    as typed); a warning when they do not parse, like a junk link value."""
    text = LOGITS.draw(display.controls())
    try:
        _parsed(text)
    except InputError as error:
        fallback = t("gumbel.logits.fallback", logits=LOGITS.default)
        st.warning(f"{widgets.error_message(error)} {fallback}", icon="⚠️")


def logits() -> tuple[float, ...]:
    """The logits `logits_control` holds; the default ones when they do not parse (it has
    warned)."""
    try:
        return _parsed(st.session_state.get(LOGITS.key, LOGITS.default))
    except InputError:
        return _parsed(LOGITS.default)


def _parsed(text: str) -> tuple[float, ...]:
    return tuple(gb.parse_logits(text).tolist())


def categories(k: int) -> list[str]:
    """The categories' names on the charts: 1 to k."""
    return [str(i + 1) for i in range(k)]


def generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def sample_count(key: str, label: str) -> LogSlider:
    """How many samples a view draws (the distribution's and top-k's): 100 to 100,000."""
    return LogSlider(key=key, label=label, low=100, high=100_000, default=5000)


def category(control: Select, k: int, default: int, container=st) -> int:
    """Draw ``control`` with the categories 1 to k as its options (they follow the logits,
    so it is declared without them), ``default`` preselected; the chosen category."""
    options = categories(k)
    return int(
        replace(control, options=dict.fromkeys(options), default=str(default)).draw(container)
    )


def intro(text_key: str, latex: str, caption_key: str | None = None) -> None:
    """A view's opening: its introduction, then the formula it draws (with a caption)."""
    st.markdown(t(text_key))
    widgets.formula(latex, t(caption_key) if caption_key else None)
