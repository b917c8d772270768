"""Small, reused checks at the entry of `core` functions (one helper per kind of check).

Each returns the value as a float or int when it is valid and raises `InputError` otherwise,
so call sites read ``ls = positive("lengthscale", ls)``.
"""

from __future__ import annotations

import math

import torch

from core.errors import InputError


def _as_float(name: str, value: object) -> float:
    try:
        x = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be a number, got {value!r}.", code="not_a_number", name=name, value=value
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


def int_in_range(name: str, value: object, low: int, high: int) -> int:
    """An integer with low <= value <= high."""
    x = finite(name, value)
    if x != int(x) or not low <= x <= high:
        raise InputError(
            f"{name} must be a whole number from {low} to {high}, got {x:g}.",
            code="not_int_in_range",
            name=name,
            value=x,
            low=low,
            high=high,
        )
    return int(x)


def finite_tensor(name: str, t: torch.Tensor) -> torch.Tensor:
    """A tensor with no NaN or infinite entry."""
    if not bool(torch.isfinite(t).all()):
        raise InputError(
            f"{name} must contain only finite numbers, got {t.tolist()}.",
            code="tensor_not_finite",
            name=name,
        )
    return t


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


def scale(name: str, value: object, low: float = 1e-6, high: float = 1e6) -> float:
    """A positive scale (amplitude, lengthscale, standard deviation) in a range where the
    arithmetic stays finite: > 0, and between ``low`` and ``high``."""
    return bounded(name, positive(name, value), low, high)
