"""What the temperature does to Gumbel-Softmax samples (entropy, annealing) and the gradients
of a small loss through soft, straight-through and torch samples."""

from __future__ import annotations

import math
import threading

import torch
import torch.nn.functional as F

from core.gumbel import (
    as_logits,
    check_tau,
    gumbel_softmax,
    logit_noise,
    logits_vector,
    perturbed_logits,
    relaxed_from_perturbed,
    shifted_logits,
)
from core.validate import MAX_ELEMENTS, first_items, int_in_range, product_at_most

# At most MAX_TAUS temperatures per call (an annealing schedule's length, see
# `core.gumbel.annealing_schedule`); every sample is kept, so temperatures x samples x
# categories <= `core.validate.MAX_ELEMENTS`.
MAX_TAUS = 1_000_000


def uniform_entropy(k: int) -> float:
    """``log k``: the largest entropy a distribution over k categories can have."""
    return math.log(int_in_range("k", k, 1, 10**9))


def mean_largest_probability(y: torch.Tensor) -> torch.Tensor:
    """``mean over samples of max_i y_i`` (axis -2 holds the samples): 1 for one-hot
    samples, 1/k for uniform ones."""
    return y.detach().amax(dim=-1).mean(dim=-1)


def sample_entropy(y: torch.Tensor) -> torch.Tensor:
    """``H(y) = -sum_i y_i log y_i`` along the last axis (0 log 0 = 0)."""
    return -torch.special.xlogy(y, y).sum(dim=-1)


def expected_entropy(
    logits, taus, n: int, generator=None, *, noise_times_tau: bool = False
) -> torch.Tensor:
    """Monte Carlo ``E[H(softmax((logits + g) / tau))]`` for each tau (or, with
    ``noise_times_tau``, of the wrong variant ``softmax(logits + tau g)``), from the same ``n``
    noise draws for every tau (common random numbers give a smooth curve)."""
    logits = as_logits(logits).detach()
    taus = [check_tau(tau) for tau in first_items("taus", taus, MAX_TAUS)]
    shifted = shifted_logits(logits)
    noise = logit_noise(logits, n, generator)
    rows, k = noise.shape
    product_at_most({"temperatures": len(taus), "samples": rows, "categories": k}, MAX_ELEMENTS)
    if noise_times_tau:
        samples = [relaxed_from_perturbed(shifted + tau * noise, 1.0) for tau in taus]
    else:
        samples = [relaxed_from_perturbed(shifted + noise, tau) for tau in taus]
    return torch.stack([sample_entropy(y).mean() for y in samples])


def annealed_samples(logits, taus: torch.Tensor, n: int, generator=None) -> torch.Tensor:
    """``(T, n, k)``: at step t, ``n`` samples ``softmax((logits + g) / tau_t)``."""
    logits = logits_vector(logits).detach()
    taus = torch.as_tensor(taus).flatten()
    int_in_range("number of temperatures", taus.numel(), 1, MAX_TAUS)
    taus = torch.tensor([check_tau(tau) for tau in taus.tolist()])
    steps, k = taus.numel(), logits.shape[-1]
    n = int_in_range("n", n, 1, 100_000)
    perturbed = perturbed_logits(logits, steps * n, generator).reshape(steps, n, k)
    return relaxed_from_perturbed(perturbed, taus.to(logits.dtype)[:, None, None])


_GLOBAL_RNG = threading.Lock()  # F.gumbel_softmax draws from the global RNG: one user at a time


def target_loss(y: torch.Tensor, target: int) -> torch.Tensor:
    """``L(y) = ||y - e_target||^2`` per sample (a small loss that prefers one category)."""
    target = int_in_range("target", target, 0, y.shape[-1] - 1)
    return ((y - F.one_hot(torch.tensor(target), y.shape[-1]).to(y.dtype)) ** 2).sum(dim=-1)


def loss_gradients(logits, tau, target: int, n: int, generator=None) -> dict[str, torch.Tensor]:
    """Mean over ``n`` samples of ``d L(y) / d logits`` for ``L = ||y - e_target||^2`` and
    y from: ``soft`` and ``hard`` (ours, the same noise), ``torch_soft`` and ``torch_hard``
    (``torch.nn.functional.gumbel_softmax``, seeded from ``generator``), and ``exact``: the
    true gradient of ``E_(i ~ softmax(logits))[L(e_i)]`` that these estimators approximate."""
    logits = logits_vector(logits).detach()
    tau = check_tau(tau)
    k = logits.shape[-1]
    target = int_in_range("target", target, 0, k - 1)
    if generator is None:
        generator = torch.Generator()
        generator.seed()
    state = generator.get_state()
    grads = {}
    for hard in (False, True):
        generator.set_state(state)  # the same noise for soft and hard
        grads["hard" if hard else "soft"] = _mean_grad(
            logits, lambda x, h=hard: gumbel_softmax(x, tau, h, n, generator), target
        )
    torch_seed = int(torch.randint(2**62, (1,), generator=generator))
    with _GLOBAL_RNG, torch.random.fork_rng(devices=[]):
        for hard in (False, True):
            torch.manual_seed(torch_seed)  # the same noise for torch's soft and hard too
            grads["torch_hard" if hard else "torch_soft"] = _mean_grad(
                logits, lambda x, h=hard: F.gumbel_softmax(x.expand(n, k), tau, h), target
            )
    one_hots = torch.eye(k, dtype=logits.dtype)
    grads["exact"] = _grad(
        logits, lambda x: (torch.softmax(x, -1) * target_loss(one_hots, target)).sum()
    )
    return grads


def _mean_grad(logits: torch.Tensor, sampler, target: int) -> torch.Tensor:
    return _grad(logits, lambda x: target_loss(sampler(x), target).mean())


def _grad(logits: torch.Tensor, loss) -> torch.Tensor:
    x = logits.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(loss(x), x)
    return grad
