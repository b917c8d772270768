"""Empirical summaries the Gumbel page compares with exact laws: histograms, empirical cdfs,
category frequencies and Pearson's chi-square goodness-of-fit test."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.stats
import torch
import torch.nn.functional as F

from core.errors import InputError
from core.gumbel import (
    MAX_CATEGORIES,
    as_logits,
)
from core.validate import MAX_ELEMENTS, int_in_range, offending_entries, product_at_most

# Samples, grids and index tensors hold at most `core.validate.MAX_ELEMENTS` values; running
# frequencies keep one count per sample and category (int64), so samples x categories <=
# `core.validate.MAX_ELEMENTS` there, at most MAX_RUNNING_POINTS sample sizes.
MAX_RUNNING_POINTS = 1000


def _values(name: str, x: object, low: int = 0) -> torch.Tensor:
    """Samples (or grid points) as a flat float64 tensor of ``low`` to `MAX_ELEMENTS` values."""
    t = torch.as_tensor(x).detach()
    int_in_range(f"number of {name}", t.numel(), low, MAX_ELEMENTS)
    return t.double().flatten()


def _indices(indices: object, k: int) -> tuple[torch.Tensor, int]:
    """Sampled category indices, whole numbers from 0 to k - 1, at most `MAX_ELEMENTS`."""
    k = int_in_range("k", k, 1, MAX_CATEGORIES)
    t = torch.as_tensor(indices)
    int_in_range("number of indices", t.numel(), 0, MAX_ELEMENTS)
    if t.is_floating_point() or t.is_complex() or t.dtype == torch.bool:
        raise InputError(
            f"indices must be whole numbers (an integer tensor), got {t.dtype}.",
            code="gumbel_indices",
            k=k,
        )
    bad = (t < 0) | (t >= k)
    if bool(bad.any()):
        count, entries = offending_entries(t, bad)
        raise InputError(
            f"indices must lie from 0 to k - 1 = {k - 1}; {count} do not: {entries}.",
            code="gumbel_index_range",
            high=k - 1,
            count=count,
            entries=entries,
        )
    return t.flatten().long(), k


def empirical_cdf(x: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
    """Share of the samples ``x`` that are <= each grid point."""
    ordered = torch.sort(_values("samples", x)).values
    grid = _values("grid points", grid)
    return torch.searchsorted(ordered, grid, right=True) / max(ordered.numel(), 1)


def max_cdf_distance(cdf_a: torch.Tensor, cdf_b: torch.Tensor) -> float:
    """``sup_x |F_a(x) - F_b(x)|`` over a grid (the Kolmogorov distance)."""
    a, b = _values("grid points", cdf_a, 1), _values("grid points", cdf_b, 1)
    if a.shape != b.shape:
        raise InputError(
            f"The two cdfs must be on one grid, got {a.numel()} and {b.numel()} values.",
            code="gumbel_cdf_grids",
            n_a=a.numel(),
            n_b=b.numel(),
        )
    return float((a - b).abs().max())


def sample_summary(x: torch.Tensor) -> dict[str, float]:
    """Sample mean, median and variance (unbiased): at least 2 samples."""
    x = _values("samples", x, 2)
    return {"mean": x.mean().item(), "median": x.median().item(), "variance": x.var().item()}


def category_probabilities(logits) -> torch.Tensor:
    """``softmax(logits)`` in float64: what every sampler on the page should reproduce."""
    return torch.softmax(as_logits(logits).detach().double(), dim=-1)


def category_counts(indices: torch.Tensor, k: int) -> torch.Tensor:
    """How often each category 0..k-1 was sampled."""
    indices, k = _indices(indices, k)
    return torch.bincount(indices, minlength=k)


def category_frequencies(indices: torch.Tensor, k: int) -> torch.Tensor:
    """Share of each category 0..k-1 among the sampled indices."""
    indices, k = _indices(indices, k)
    counts = torch.bincount(indices, minlength=k).to(torch.float64)
    return counts / max(indices.numel(), 1)


def inclusion_frequencies(picks: torch.Tensor, k: int) -> torch.Tensor:
    """Share of the sampled rows (subsets) that include each category 0..k-1."""
    flat, k = _indices(picks, k)
    picks = torch.as_tensor(picks)
    rows = flat.reshape(-1, picks.shape[-1]) if picks.ndim else flat.reshape(-1, 1)
    counts = torch.bincount(rows.flatten(), minlength=k).to(torch.float64)
    return counts / max(rows.shape[0], 1)


def inclusion_standard_errors(probs: torch.Tensor, n: int) -> torch.Tensor:
    """Binomial standard errors ``sqrt(p (1 - p) / n)`` of frequencies estimating ``probs``."""
    n = int_in_range("n", n, 1, 10**12)
    return torch.sqrt(probs * (1 - probs) / n)


def running_frequencies(
    indices: torch.Tensor, k: int, points: int = 40
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(ns, freq)``: category frequencies among the first ``ns[j]`` samples, ``ns``
    log-spaced from 1 to ``len(indices)``; ``freq`` has shape (len(ns), k)."""
    indices, k = _indices(indices, k)
    points = int_in_range("points", points, 1, MAX_RUNNING_POINTS)
    total = int_in_range("number of indices", indices.numel(), 1, MAX_ELEMENTS)
    product_at_most({"samples": total, "categories": k}, MAX_ELEMENTS)
    ns = torch.unique(torch.logspace(0, math.log10(max(total, 1)), points).round().long())
    cumulative = F.one_hot(indices, k).cumsum(dim=0)
    return ns, cumulative[ns - 1].double() / ns[:, None].double()


@dataclass(frozen=True)
class ChiSquare:
    """Pearson's chi-square goodness-of-fit test; ``p_value`` None when fewer than 2 bins
    remain after pooling (the test says nothing then)."""

    statistic: float
    p_value: float | None
    dof: int
    bins: int


def chi_square_test(counts, probs, min_expected: float = 5.0) -> ChiSquare:
    """Observed ``counts`` against ``n * probs`` with ``scipy.stats.chisquare``.


    Categories expected fewer than ``min_expected`` times are pooled into one bin (the usual
    rule for the chi-square approximation to hold); a pooled bin still below it joins the next
    smallest bin. ``counts`` (>= 0, not all 0) and ``probs`` (>= 0, not all 0,
    normalised here) are two vectors of one length, 1 to `MAX_CATEGORIES`.
    """
    observed_t = _values("counts", counts)
    p_t = _values("probs", probs)
    observed = np.asarray(observed_t, dtype=float)
    p = np.asarray(p_t, dtype=float)
    shapes = (tuple(torch.as_tensor(counts).shape), tuple(torch.as_tensor(probs).shape))
    if observed.shape != p.shape or len(shapes[0]) != 1 or shapes[0] != shapes[1]:
        raise InputError(
            f"counts and probs need the same length, got {observed.shape} and {p.shape}.",
            code="gumbel_chi_square_shape",
        )
    int_in_range("number of categories", observed.size, 1, MAX_CATEGORIES)
    for name, t in (("counts", observed_t), ("probs", p_t)):
        bad = ~torch.isfinite(t) | (t < 0)
        if bool(bad.any()):
            count, entries = offending_entries(t, bad)
            raise InputError(
                f"{name} must be finite numbers >= 0; {count} are not: {entries}.",
                code="gumbel_chi_square_values",
                name=name,
                count=count,
                entries=entries,
            )
        if not float(t.sum()) > 0:
            raise InputError(
                f"{name} must not all be 0: the test needs samples and probabilities.",
                code="gumbel_chi_square_empty",
                name=name,
            )
    n = observed.sum()
    expected = n * p / p.sum()
    order = np.argsort(expected)
    small = expected[order] < min_expected
    cut = int(small.sum())
    if 0 < cut < len(order) and expected[order[:cut]].sum() < min_expected:
        cut += 1  # the pooled bin is still too small: merge it with the next smallest bin
    pooled_obs = [observed[order[:cut]].sum()] if cut else []
    pooled_exp = [expected[order[:cut]].sum()] if cut else []
    obs = np.concatenate([pooled_obs, observed[order[cut:]]])
    exp = np.concatenate([pooled_exp, expected[order[cut:]]])
    bins = len(obs)
    if bins < 2 or n <= 0:
        return ChiSquare(float("nan"), None, 0, bins)
    result = scipy.stats.chisquare(obs, exp)
    return ChiSquare(float(result.statistic), float(result.pvalue), bins - 1, bins)
