"""Summaries of Monte Carlo samples that the pages print and draw next to a density."""

from __future__ import annotations

import torch

from core.errors import InputError
from core.validate import MAX_ELEMENTS, finite_tensor, histogram_range, int_in_range, positive

DTYPE = torch.float64
# At most `core.validate.MAX_ELEMENTS` values per call (the pages pass at most 50,000).
MAX_BINS = 10_000


def _values(values: object) -> torch.Tensor:
    v = torch.as_tensor(values)
    int_in_range("number of values", v.numel(), 2, MAX_ELEMENTS)
    return finite_tensor("values", v.to(DTYPE).flatten())


def excess_kurtosis(values: object) -> float:
    """``E[(v - mean)^4] / Var(v)^2 - 3`` (plain moments): 0 for a normal, 6 for the product
    of two independent centred normals (``E[f^4 g^4] / E[f^2 g^2]^2 = 3 * 3``)."""
    v = _values(values)
    centred = v - v.mean()
    var = (centred**2).mean()
    if float(var) == 0:
        raise InputError("The kurtosis of constant values is undefined.", code="gp_constant_values")
    return float((centred**4).mean() / var**2 - 3)


def rice_bins(n: int) -> int:
    """Rice's rule, ``2 n^(1/3)`` bins for n values, kept within 10..80: enough bars to show a
    shape, few enough that each holds a steady count."""
    return min(80, max(10, round(2 * n ** (1 / 3))))


def density_histogram(
    values: object, bins: int, low: float, high: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(edges, density)``: counts in ``bins`` equal bins on ``[low, high]`` divided by
    ``n * width``, n counting every value, so the bars estimate the pdf and integrate to the
    share of values inside (those outside, infinite ones included, count in n only). The one
    histogram of the lab's samples; NaN is refused."""
    v = torch.as_tensor(values).detach()
    int_in_range("number of values", v.numel(), 1, MAX_ELEMENTS)
    v = v.to(DTYPE).flatten()
    finite_tensor("values", v[~torch.isinf(v)])
    bins = int_in_range("bins", bins, 1, MAX_BINS)
    low, high = histogram_range(low, high)
    counts, edges = torch.histogram(v, bins=bins, range=(low, high))
    return edges, counts / (v.numel() * (high - low) / bins)


def normal_pdf(x: object, sd: float) -> torch.Tensor:
    """The density of ``N(0, sd^2)`` at x."""
    sd = positive("sd", sd)
    x = torch.as_tensor(x, dtype=DTYPE)
    int_in_range("number of points", x.numel(), 0, MAX_ELEMENTS)
    return torch.distributions.Normal(0.0, sd).log_prob(x).exp()
