"""Small, reused checks at the entry of `core` functions (one helper per kind of check).

Each returns the value as a float or int when it is valid and raises `InputError` otherwise,
so call sites read ``ls = positive("lengthscale", ls)``.
"""

from __future__ import annotations

import math
import reprlib
from collections.abc import Iterable, Mapping

import torch

from core.errors import InputError

# Error messages quote at most this many offending entries of a tensor, and at most this many
# characters of any other value: a message names the problem, it never copies the input.
SHOWN_ENTRIES = 3
SHOWN_CHARACTERS = 60
# The most numbers one call of `core` draws, takes or returns: 40 MB of float32 (80 MB of
# float64), with the few temporaries of that size a sampler or a statistic keeps.
MAX_ELEMENTS = 10_000_000


def _as_float(name: str, value: object) -> float:
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be a number, got {excerpt(value)}.",
            code="not_a_number",
            name=name,
            value=excerpt(value),
        ) from None
    return x


def finite(name: str, value: object) -> float:
    """A finite real number."""
    x = _as_float(name, value)
    if not math.isfinite(x):
        raise InputError(
            f"{name} must be a finite number, got {x}.", code="not_finite", name=name, value=x
        )
    return x


def positive(name: str, value: object) -> float:
    """A finite number > 0 (scales, lengthscales, temperatures)."""
    x = finite(name, value)
    if x <= 0:
        raise InputError(
            f"{name} must be greater than 0, got {x:g}.", code="not_positive", name=name, value=x
        )
    return x


def non_negative(name: str, value: object) -> float:
    """A finite number >= 0."""
    x = finite(name, value)
    if x < 0:
        raise InputError(
            f"{name} must be 0 or more, got {x:g}.", code="negative", name=name, value=x
        )
    return x


def in_open_interval(name: str, value: object, low: float, high: float) -> float:
    """A finite number with low < value < high."""
    x = finite(name, value)
    if not low < x < high:
        raise InputError(
            f"{name} must lie strictly between {low:g} and {high:g}, got {x:g}.",
            code="not_in_open_interval",
            name=name,
            value=x,
            low=low,
            high=high,
        )
    return x


def histogram_range(low: object, high: object) -> tuple[float, float]:
    """``(low, high)`` of a histogram: finite, ``low < high``."""
    low, high = finite("low", low), finite("high", high)
    if not low < high:
        raise InputError(
            f"The histogram needs low < high, got {low:g} and {high:g}.",
            code="gp_grid_range",
            low=low,
            high=high,
        )
    return low, high


def int_in_range(name: str, value: object, low: int, high: int) -> int:
    """An integer with low <= value <= high."""
    x = finite(name, value)
    if x != int(x) or not low <= x <= high:
        shown = f"{int(x):,}" if x == int(x) else f"{x:g}"
        raise InputError(
            f"{name} must be a whole number from {low:,} to {high:,}, got {shown}.",
            code="not_int_in_range",
            name=name,
            value=x,
            low=low,
            high=high,
        )
    return int(x)


def finite_tensor(name: str, t: torch.Tensor) -> torch.Tensor:
    """A tensor with no NaN or infinite entry."""
    bad = ~torch.isfinite(t)
    if bool(bad.any()):
        count, entries = offending_entries(t, bad)
        raise InputError(
            f"{name} must contain only finite numbers; {count} of {t.numel():,} entries are "
            f"not: {entries}.",
            code="tensor_not_finite",
            name=name,
            count=count,
            total=f"{t.numel():,}",
            entries=entries,
        )
    return t


def offending_entries(t: torch.Tensor, bad: torch.Tensor) -> tuple[str, str]:
    """``(count, entries)`` for a message about the entries of ``t`` where ``bad`` is True:
    how many there are, and the first `SHOWN_ENTRIES` with their indices, e.g.
    ``("2", "[0, 3] = nan, [4, 1] = inf")``. Never more than that, whatever the size of t."""
    flat = bad.reshape(-1)
    count = int(flat.sum())
    mask = flat.to(torch.uint8)
    values = t.detach().reshape(-1)
    shown, start = [], 0
    while len(shown) < SHOWN_ENTRIES and start < mask.numel():
        i = start + int(mask[start:].argmax())
        if not mask[i]:
            break
        index = ", ".join(str(k) for k in _unravel(i, tuple(t.shape)))
        shown.append(f"[{index}] = {float(values[i]):g}" if index else f"{float(values[i]):g}")
        start = i + 1
    more = ", …" if count > len(shown) else ""
    return f"{count:,}", ", ".join(shown) + more


def _unravel(i: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    index = []
    for size in reversed(shape):
        i, k = divmod(i, size)
        index.append(k)
    return tuple(reversed(index))


_EXCERPT = reprlib.Repr()
_EXCERPT.maxstring = _EXCERPT.maxother = SHOWN_CHARACTERS
_EXCERPT.maxlist = _EXCERPT.maxtuple = _EXCERPT.maxdict = _EXCERPT.maxset = SHOWN_ENTRIES


def excerpt(value: object) -> str:
    """A short repr of any value for a message: strings and reprs cut to `SHOWN_CHARACTERS`,
    sequences to their first `SHOWN_ENTRIES` items (``[1, 2, 3, ...]``), tensors by shape."""
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {tuple(value.shape)}"
    text = _EXCERPT.repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def product_at_most(factors: Mapping[str, int] | Iterable[tuple[str, int]], limit: int) -> int:
    """A cost that grows as a product of sizes (points x samples, width x depth x batch) is at
    most ``limit``. ``factors`` maps each size's name to its (already checked) value, or lists
    (name, value) pairs when a size occurs twice (n x n). Returns the product."""
    pairs = list(factors.items() if isinstance(factors, Mapping) else factors)
    total = math.prod(int(v) for _, v in pairs)
    if total > limit:
        names = " × ".join(name for name, _ in pairs)
        values = " × ".join(f"{int(v):,}" for _, v in pairs)
        raise InputError(
            f"{names} = {values} = {total:,} is too large: it must be at most {limit:,}.",
            code="too_large",
            names=names,
            values=values,
            total=f"{total:,}",
            limit=f"{limit:,}",
        )
    return total


def first_items(name: str, values: Iterable[object], limit: int) -> list[object]:
    """The items of an iterable (a list, a generator, a tensor), at most ``limit`` of them:
    one more is an `InputError`, found without reading the rest."""
    items = []
    for item in values:
        if len(items) == limit:
            raise InputError(
                f"{name} must have at most {limit:,} values; got more.",
                code="too_many_values",
                name=name,
                limit=f"{limit:,}",
            )
        items.append(item)
    return items


def bounded(name: str, value: object, low: float, high: float) -> float:
    """A finite number with low <= value <= high: far beyond a control's range, floating
    point overflows (a lengthscale of 1e-300 squared is 0; a scale of 1e38 times noise is inf)."""
    x = finite(name, value)
    if not low <= x <= high:
        raise InputError(
            f"{name} must lie between {low:g} and {high:g}, got {x:g}.",
            code="out_of_range",
            name=name,
            value=x,
            low=low,
            high=high,
        )
    return x


# Scales (and mean weights, core.weight_space) stay in here: their squares and their products
# with a few features stay far inside float32 (1.2e-38 to 3.4e38), the dtype at the plotting edge.
SCALE_RANGE = (1e-6, 1e6)


def scale(
    name: str, value: object, low: float = SCALE_RANGE[0], high: float = SCALE_RANGE[1]
) -> float:
    """A positive scale (amplitude, lengthscale, standard deviation) in a range where the
    arithmetic stays finite: > 0, and between ``low`` and ``high``."""
    return bounded(name, positive(name, value), low, high)
