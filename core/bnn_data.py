"""Toy 1D regression data for the Bayesian-network page: a true function, Gaussian noise, and
an optional gap in the inputs where no data is seen.

Inputs are uniform on ``DOMAIN`` minus the gap ``[center - width/2, center + width/2]``
(clipped to the domain): draw u uniform on an interval as long as what remains, then shift the
draws past the gap's start by the gap's width. Targets are ``y = f(x) + noise * eps``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import torch

from core.errors import InputError
from core.validate import bounded, excerpt, int_in_range

Tensor = torch.Tensor

DOMAIN = (-3.0, 3.0)
MAX_POINTS = 2000
MAX_NOISE = 3.0
# The gap may cover at most this share of the domain, so some data always remains.
MAX_GAP_SHARE = 0.8


@dataclass(frozen=True)
class TrueFunction:
    """A true function: the callable, its formula, and the same as PyTorch source over x."""

    fn: Callable[[Tensor], Tensor]
    latex: str
    source: str


TRUE_FUNCTIONS: dict[str, TrueFunction] = {
    "sine": TrueFunction(lambda x: torch.sin(2 * x), r"f(x) = \sin(2x)", "torch.sin(2 * x)"),
    "cubic": TrueFunction(
        lambda x: 0.1 * x**3 - 0.5 * x, r"f(x) = 0.1\,x^3 - 0.5\,x", "0.1 * x**3 - 0.5 * x"
    ),
    "step": TrueFunction(torch.sign, r"f(x) = \operatorname{sign}(x)", "torch.sign(x)"),
    "abs": TrueFunction(lambda x: torch.abs(x) - 1.5, r"f(x) = |x| - 1.5", "torch.abs(x) - 1.5"),
}


@dataclass(frozen=True)
class Gap:
    """The interval of inputs left out: ``[low, high]`` (empty when low == high)."""

    low: float
    high: float

    @classmethod
    def around(cls, center: float, width: float) -> Gap:
        lo, hi = DOMAIN
        center = bounded("gap centre", center, lo, hi)
        width = bounded("gap width", width, 0.0, MAX_GAP_SHARE * (hi - lo))
        return cls(max(lo, center - width / 2), min(hi, center + width / 2))

    @property
    def width(self) -> float:
        return self.high - self.low

    def contains(self, x: Tensor) -> Tensor:
        return (x > self.low) & (x < self.high)


@dataclass(frozen=True)
class ToyData:
    """Training and test points of one toy problem (inputs sorted), and its true function."""

    x: Tensor
    y: Tensor
    x_test: Tensor
    y_test: Tensor
    function: str
    noise: float
    gap: Gap


def true_function(name: str) -> Callable[[Tensor], Tensor]:
    if not isinstance(name, str) or name not in TRUE_FUNCTIONS:
        options = ", ".join(TRUE_FUNCTIONS)
        raise InputError(
            f"Unknown true function {excerpt(name)}; choose one of: {options}.",
            code="bnn_function",
            name=excerpt(name),
            options=options,
        )
    return TRUE_FUNCTIONS[name].fn


def sample_inputs(n: int, gap: Gap, generator: torch.Generator | None = None) -> Tensor:
    """``n`` inputs uniform on the domain outside the gap, sorted (at most `MAX_POINTS`)."""
    n = int_in_range("number of points", n, 1, MAX_POINTS)
    if not isinstance(gap, Gap):
        raise InputError(
            f"gap must be a Gap (e.g. Gap.around(0, 1)), got {excerpt(gap)}.",
            code="bnn_gap_type",
            got=excerpt(gap),
        )
    lo, hi = DOMAIN
    u = lo + (hi - lo - gap.width) * torch.rand(n, generator=generator)
    return torch.sort(torch.where(u >= gap.low, u + gap.width, u)).values


def make_toy_data(
    function: str = "sine",
    noise: float = 0.1,
    n: int = 40,
    gap_center: float = 0.0,
    gap_width: float = 0.0,
    n_test: int = 200,
    generator: torch.Generator | None = None,
) -> ToyData:
    """Training inputs, then their noise, then test inputs, then theirs, from one generator."""
    f = true_function(function)
    noise = bounded("noise", noise, 0.0, MAX_NOISE)
    n = int_in_range("number of points", n, 1, MAX_POINTS)
    n_test = int_in_range("number of test points", n_test, 1, MAX_POINTS)
    gap = Gap.around(gap_center, gap_width)
    x = sample_inputs(n, gap, generator)
    y = f(x) + noise * torch.randn(n, generator=generator)
    x_test = sample_inputs(n_test, gap, generator)
    y_test = f(x_test) + noise * torch.randn(n_test, generator=generator)
    return ToyData(x, y, x_test, y_test, function, noise, gap)


def grid(n: int = 201) -> Tensor:
    """Evenly spaced inputs over the domain, for drawing fitted curves."""
    return torch.linspace(*DOMAIN, int_in_range("grid points", n, 2, 10_000))
