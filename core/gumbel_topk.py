"""Exact inclusion probabilities of Gumbel top-k sampling (k categories without replacement,
drawn in Plackett-Luce order; Kool, van Hoof and Welling 2019)."""

from __future__ import annotations

import itertools
import math

import torch

from core.errors import InputError
from core.gumbel import (
    as_logits,
    logits_vector,
)
from core.validate import int_in_range


def topk_inclusion_probabilities(logits, k: int) -> torch.Tensor:
    """Exact ``P(i is among the top-k of logits + g)`` for each category (float64).


    Sums the Plackett-Luce probabilities of every ordered prefix with a dynamic programme over
    subsets: ``P(S first) = sum_(i in S) P(S - i first) * p_i / sum_(j not in S - i) p_j``,
    with ``p = softmax(logits)`` (2^K subsets; K at most 16).
    """
    logits = logits_vector(logits).detach().double()
    if logits.numel() > 16:
        raise InputError(
            f"Exact inclusion probabilities need at most 16 logits, got {logits.numel()}.",
            code="gumbel_topk_size",
            count=logits.numel(),
        )
    size = logits.numel()
    k = int_in_range("k", k, 1, size)
    log_p = logits.tolist()
    prob = {0: 1.0}
    for _ in range(k):
        grown: dict[int, float] = {}
        for subset, p_subset in prob.items():
            rest = [j for j in range(size) if not subset >> j & 1]
            log_rest = _logsumexp([log_p[j] for j in rest])
            for i in rest:
                key = subset | 1 << i
                grown[key] = grown.get(key, 0.0) + p_subset * math.exp(log_p[i] - log_rest)
        prob = grown
    inclusion = torch.zeros(size, dtype=torch.float64)
    for subset, p_subset in prob.items():
        for i in range(size):
            if subset >> i & 1:
                inclusion[i] += p_subset
    return inclusion


def _logsumexp(values: list[float]) -> float:
    # plain floats: the subset programme calls this 2^K times, where torch's overhead dominates
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


def topk_inclusion_by_orderings(logits, k: int) -> torch.Tensor:
    """The same probabilities by enumerating every ordered k-tuple (small cases only): the
    plain Plackett-Luce sum the subset programme above must agree with."""
    p = torch.softmax(as_logits(logits).detach().double(), dim=-1).tolist()
    inclusion = torch.zeros(len(p), dtype=torch.float64)
    for order in itertools.permutations(range(len(p)), k):
        prob, left = 1.0, 1.0
        for i in order:
            prob *= p[i] / left
            left -= p[i]
        for i in order:
            inclusion[i] += prob
    return inclusion
