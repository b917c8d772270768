"""Exact inclusion probabilities of Gumbel top-k sampling (k categories without replacement,
drawn in Plackett-Luce order; Kool, van Hoof and Welling 2019)."""

from __future__ import annotations

import itertools
import math

import torch

from core.errors import InputError
from core.gumbel import (
    logits_vector,
)
from core.validate import int_in_range

# The subset programme visits up to 2^MAX_EXACT_LOGITS subsets (~1 s at 16); the check by
# orderings enumerates n! / (n - k)! ordered k-tuples, at most MAX_ORDERINGS of them (~0.1 s).
MAX_EXACT_LOGITS = 16
MAX_ORDERINGS = 100_000


def topk_inclusion_probabilities(logits, k: int) -> torch.Tensor:
    """Exact ``P(i is among the top-k of logits + g)`` for each category (float64).


    Sums the Plackett-Luce probabilities of every ordered prefix with a dynamic programme over
    subsets: ``P(S first) = sum_(i in S) P(S - i first) * p_i / sum_(j not in S - i) p_j``,
    with ``p = softmax(logits)`` (2^K subsets; K at most 16).
    """
    logits = logits_vector(logits).detach().double()
    if logits.numel() > MAX_EXACT_LOGITS:
        raise InputError(
            f"Exact inclusion probabilities need at most {MAX_EXACT_LOGITS} logits, got "
            f"{logits.numel()}.",
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
    plain Plackett-Luce sum the subset programme above must agree with. There are
    n! / (n - k)! orderings of k of n logits: at most `MAX_ORDERINGS` (10 logits: k <= 5)."""
    logits = logits_vector(logits).detach().double()
    size = logits.numel()
    k = int_in_range("k", k, 1, size)
    orderings = math.perm(size, k)
    if orderings > MAX_ORDERINGS:
        raise InputError(
            f"{size} logits have {orderings:,} orderings of k = {k}; enumerating them is "
            f"limited to {MAX_ORDERINGS:,} (n! / (n - k)!): use fewer logits or a smaller k.",
            code="gumbel_orderings",
            n=size,
            k=k,
            count=f"{orderings:,}",
            limit=f"{MAX_ORDERINGS:,}",
        )
    p = torch.softmax(logits, dim=-1).tolist()
    inclusion = [0.0] * size
    for order in itertools.permutations(range(size), k):
        prob, left = 1.0, 1.0
        for i in order:
            prob *= p[i] / left
            left -= p[i]
        for i in order:
            inclusion[i] += prob
    return torch.tensor(inclusion, dtype=torch.float64)
