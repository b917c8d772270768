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
    as_logits,
)
from core.validate import finite, int_in_range


def density_histogram(
    x: torch.Tensor, bins: int, low: float, high: float
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(edges, density)``: counts in ``bins`` equal bins on [low, high] divided by
    ``len(x) * width``, so the bars estimate the pdf (values outside count in the total)."""
    bins = int_in_range("bins", bins, 1, 10_000)
    low, high = finite("low", low), finite("high", high)
    if not low < high:
        raise InputError(
            f"The histogram range needs low < high, got [{low:g}, {high:g}].",
            code="gumbel_range",
            low=low,
            high=high,
        )
    x = x.detach().double().flatten()
    counts = torch.histc(x, bins=bins, min=low, max=high)
    edges = torch.linspace(low, high, bins + 1, dtype=torch.float64)
    width = (high - low) / bins
    return edges, counts / (max(x.numel(), 1) * width)


def empirical_cdf(x: torch.Tensor, grid: torch.Tensor) -> torch.Tensor:
    """Share of the samples ``x`` that are <= each grid point."""
    ordered = torch.sort(x.detach().double().flatten()).values
    return torch.searchsorted(ordered, grid.double(), right=True) / max(ordered.numel(), 1)


def max_cdf_distance(cdf_a: torch.Tensor, cdf_b: torch.Tensor) -> float:
    """``sup_x |F_a(x) - F_b(x)|`` over a grid (the Kolmogorov distance)."""
    return float((cdf_a.double() - cdf_b.double()).abs().max())


def sample_summary(x: torch.Tensor) -> dict[str, float]:
    """Sample mean, median and variance (unbiased)."""
    x = x.detach().double().flatten()
    return {"mean": x.mean().item(), "median": x.median().item(), "variance": x.var().item()}


def category_probabilities(logits) -> torch.Tensor:
    """``softmax(logits)`` in float64: what every sampler on the page should reproduce."""
    return torch.softmax(as_logits(logits).detach().double(), dim=-1)


def category_counts(indices: torch.Tensor, k: int) -> torch.Tensor:
    """How often each category 0..k-1 was sampled."""
    return torch.bincount(indices.flatten(), minlength=k)


def category_frequencies(indices: torch.Tensor, k: int) -> torch.Tensor:
    """Share of each category 0..k-1 among the sampled indices."""
    indices = indices.flatten()
    counts = torch.bincount(indices, minlength=k).to(torch.float64)
    return counts / max(indices.numel(), 1)


def inclusion_frequencies(picks: torch.Tensor, k: int) -> torch.Tensor:
    """Share of the sampled rows (subsets) that include each category 0..k-1."""
    rows = picks.reshape(-1, picks.shape[-1])
    counts = torch.bincount(rows.flatten(), minlength=k).to(torch.float64)
    return counts / max(rows.shape[0], 1)


def inclusion_standard_errors(probs: torch.Tensor, n: int) -> torch.Tensor:
    """Binomial standard errors ``sqrt(p (1 - p) / n)`` of frequencies estimating ``probs``."""
    return torch.sqrt(probs * (1 - probs) / max(n, 1))


def running_frequencies(
    indices: torch.Tensor, k: int, points: int = 40
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(ns, freq)``: category frequencies among the first ``ns[j]`` samples, ``ns``
    log-spaced from 1 to ``len(indices)``; ``freq`` has shape (len(ns), k)."""
    total = indices.numel()
    ns = torch.unique(torch.logspace(0, math.log10(max(total, 1)), points).round().long())
    cumulative = F.one_hot(indices.flatten(), k).cumsum(dim=0)
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
    smallest bin.
    """
    observed = np.asarray(torch.as_tensor(counts).detach().double(), dtype=float)
    p = np.asarray(torch.as_tensor(probs).detach().double(), dtype=float)
    if observed.shape != p.shape or observed.ndim != 1:
        raise InputError(
            f"counts and probs need the same length, got {observed.shape} and {p.shape}.",
            code="gumbel_chi_square_shape",
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
