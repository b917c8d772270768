"""Observations (x, y) for Gaussian-process regression: typed or pasted text, and the built-in
data sets.

Text holds one pair per line, ``x, y`` (a comma, spaces or a tab between the numbers);
several pairs on one line may be separated by ``;``. Blank lines are skipped.
Errors name the line, the text found there and what would be valid.

Data sets (noise drawn from ``generator``; d2l.ai §18.3 for the first):
    d2l       f(x) = sin(x) + 0.5 sin(4x)          50 points on [0, 5], noise sd 0.25
    step      f(x) = -1 for x < 2.5, +1 after      30 points on [0, 5], noise sd 0.1
    periodic  f(x) = sin(pi x) + 0.4 cos(2 pi x)   30 points on [0, 3], noise sd 0.1
    linear    f(x) = 0.6 x - 1.5                   20 points on [0, 5], noise sd 0.2
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass

import torch

from core.errors import InputError
from core.gp_posterior import MAX_TEST, MAX_TRAIN
from core.validate import excerpt, int_in_range

DTYPE = torch.float64
# Every observation is in the page's link, and the link must fit a QR code (2331 bytes).
MAX_OBSERVATIONS = 100
LIMIT = 10.0  # |x| and |y| at most this: a zero-mean prior with amplitude <= 3 is the model
_SEPARATOR = re.compile(r"\s*[,\t ]\s*")
_SHOWN = 40  # characters of an offending line quoted back
# Text holds at most MAX_TEXT characters (100 per pair, for as many pairs as the posterior
# takes), checked before it is split; at most `core.gp_posterior.MAX_TRAIN` pairs are parsed.
MAX_TEXT = 100 * MAX_TRAIN


@dataclass(frozen=True)
class Dataset:
    f: Callable[[torch.Tensor], torch.Tensor]
    low: float
    high: float
    n: int
    noise_sd: float


DATASETS: dict[str, Dataset] = {
    "d2l": Dataset(lambda x: torch.sin(x) + 0.5 * torch.sin(4 * x), 0.0, 5.0, 50, 0.25),
    "step": Dataset(lambda x: torch.where(x < 2.5, -1.0, 1.0).to(DTYPE), 0.0, 5.0, 30, 0.1),
    "periodic": Dataset(
        lambda x: torch.sin(math.pi * x) + 0.4 * torch.cos(2 * math.pi * x), 0.0, 3.0, 30, 0.1
    ),
    "linear": Dataset(lambda x: 0.6 * x - 1.5, 0.0, 5.0, 20, 0.2),
}


def _dataset(name: str) -> Dataset:
    if not isinstance(name, str) or name not in DATASETS:
        raise InputError(
            f"Unknown data set {excerpt(name)}; choose one of {', '.join(DATASETS)}.",
            code="gpp_unknown_dataset",
            name=excerpt(name),
            options=", ".join(DATASETS),
        )
    return DATASETS[name]


def true_function(name: str, x: torch.Tensor) -> torch.Tensor:
    """The noise-free function behind data set ``name`` at ``x`` (at most
    `core.gp_posterior.MAX_TEST` points)."""
    f = _dataset(name).f
    x = torch.as_tensor(x, dtype=DTYPE)
    int_in_range("number of points", x.numel(), 0, MAX_TEST)
    return f(x)


def dataset(
    name: str, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(x, y)`` of data set ``name``: ``y = f(x) + noise_sd * z``, ``z ~ N(0, I)``."""
    spec = _dataset(name)
    x = torch.linspace(spec.low, spec.high, spec.n, dtype=DTYPE)
    z = torch.randn(spec.n, generator=generator, dtype=DTYPE)
    return x, spec.f(x) + spec.noise_sd * z


def _number(v: float) -> str:
    return f"{round(v, 3):g}"


def format_observations(x, y) -> str:
    """One ``x, y`` line per observation, three decimals: what `parse_observations` reads."""
    x, y = torch.as_tensor(x).reshape(-1), torch.as_tensor(y).reshape(-1)
    if x.numel() != y.numel():
        raise InputError(
            f"There must be one y for each x: got {x.numel()} inputs and {y.numel()} outputs.",
            code="gpp_length_mismatch",
            n_x=x.numel(),
            n_y=y.numel(),
        )
    int_in_range("number of observations", x.numel(), 0, MAX_TRAIN)
    return "\n".join(f"{_number(float(a))}, {_number(float(b))}" for a, b in zip(x, y, strict=True))


def _quoted(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…"


def _parse_pair(text: str, line: int) -> tuple[float, float]:
    parts = [p for p in _SEPARATOR.split(text.strip().strip("()[]").strip()) if p]
    if len(parts) != 2:
        raise InputError(
            f"Line {line}: '{_quoted(text)}' is not a pair of numbers x, y.",
            code="gpp_parse_pair",
            line=line,
            text=_quoted(text),
        )
    values = []
    for part in parts:
        try:
            v = float(part)
        except ValueError:
            raise InputError(
                f"Line {line}: '{_quoted(part)}' is not a number.",
                code="gpp_parse_number",
                line=line,
                text=_quoted(part),
            ) from None
        if not math.isfinite(v) or abs(v) > LIMIT:
            raise InputError(
                f"Line {line}: {part} lies outside [-{LIMIT:g}, {LIMIT:g}], the range x and y "
                "may take.",
                code="gpp_parse_range",
                line=line,
                value=_quoted(part),
                limit=f"{LIMIT:g}",
            )
        values.append(v)
    return values[0], values[1]


def parse_observations(
    text: str, max_points: int = MAX_OBSERVATIONS
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(x, y)`` float64 tensors from ``x, y`` lines (``;`` also separates pairs).

    Empty text is zero observations. Raises `InputError` naming the first bad line, or when
    there are more than ``max_points`` pairs (at most `core.gp_posterior.MAX_TRAIN`).
    """
    max_points = int_in_range("max_points", max_points, 0, MAX_TRAIN)
    _check_text(text)
    chunks = [
        (chunk, number)
        for number, line in enumerate(text.splitlines(), start=1)
        for chunk in line.split(";")
        if chunk.strip()
    ]
    if len(chunks) > max_points:
        raise InputError(
            f"There are {len(chunks)} observations; at most {max_points} are allowed.",
            code="gpp_too_many",
            n=len(chunks),
            max=max_points,
        )
    pairs = [_parse_pair(chunk, number) for chunk, number in chunks]
    values = torch.tensor(pairs, dtype=DTYPE).reshape(-1, 2)
    return values[:, 0].clone(), values[:, 1].clone()


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        raise InputError(
            f"Observations must be text, got {type(text).__name__}.",
            code="gpp_parse_type",
            got=type(text).__name__,
        )
    if len(text) > MAX_TEXT:
        raise InputError(
            f"The observations' text has {len(text):,} characters; at most {MAX_TEXT:,} are "
            "allowed.",
            code="gpp_text_too_long",
            n=f"{len(text):,}",
            limit=f"{MAX_TEXT:,}",
        )


def _chunks(text: str) -> list[str]:
    _check_text(text)
    return [c for line in text.splitlines() for c in line.split(";") if c.strip()]


def count(text: str) -> int:
    """How many pairs the text holds (valid or not)."""
    return len(_chunks(text))


def with_point(text: str, x: float, y: float) -> str:
    """The text with the pair (x, y) appended on a line of its own."""
    _check_text(text)
    line = f"{_number(x)}, {_number(y)}"
    return f"{text.rstrip()}\n{line}" if text.strip() else line


def without_last(text: str) -> str:
    """The text without its last pair."""
    return "\n".join(c.strip() for c in _chunks(text)[:-1])
