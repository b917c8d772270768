"""What each view of the Gumbel page computes, one function per view, each result a frozen
dataclass of tensors (``views/gumbel`` caches them and hands them to the charts as numpy).

Every function takes the view's small settings and a ``generator``; it draws its noise in the
order the page always has, so a seed reproduces a shared link's samples.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import torch

from core import gumbel as gb
from core import gumbel_extremes as extremes
from core import gumbel_relaxation as relax
from core import gumbel_stats as stats
from core import gumbel_topk as topk
from core import sample_stats

MAXIMA_SAMPLES = 2000  # replicates of the maximum of n normals
STATS_SAMPLES = 2000  # Monte Carlo samples behind the Gumbel-Softmax statistics
ANNEAL_SAMPLES = 200  # samples per step behind the sharpness curve
# temperatures of the entropy curve: 10^-2 to 10^2, eight per decade
ENTROPY_TAUS = tuple(float(x) for x in np.logspace(-2, 2, 33))
# the charts' ranges: central 99.9% of the Gumbel law, and of the standardised normal maximum
GUMBEL_QUANTILES = (0.0005, 0.9995)
MAXIMA_RANGE = (-3.0, 7.0)


@dataclass(frozen=True)
class Distribution:
    """Uniforms ``U`` and ``g = loc - scale log(-log U)`` as density histograms, the exact pdf
    and cdf on a grid, the sample's empirical cdf, and exact vs sample summaries."""

    u_edges: torch.Tensor
    u_density: torch.Tensor
    g_edges: torch.Tensor
    g_density: torch.Tensor
    x: torch.Tensor
    pdf: torch.Tensor
    cdf: torch.Tensor
    ecdf: torch.Tensor
    exact: dict[str, float]  # mean, median, mode, variance, entropy (`gumbel.gumbel_summary`)
    sample: dict[str, float]  # mean, median, variance of the sample


def distribution(loc: float, scale: float, n: int, generator=None) -> Distribution:
    u, g = gb.uniform_and_gumbel(n, loc, scale, generator)
    low, high = (gb.gumbel_quantile(q, loc, scale) for q in GUMBEL_QUANTILES)
    x = torch.linspace(low, high, 240, dtype=torch.float64)
    u_edges, u_density = sample_stats.density_histogram(u, 20, 0.0, 1.0)
    g_edges, g_density = sample_stats.density_histogram(g, 60, low, high)
    return Distribution(
        u_edges=u_edges,
        u_density=u_density,
        g_edges=g_edges,
        g_density=g_density,
        x=x,
        pdf=gb.gumbel_pdf(x, loc, scale),
        cdf=gb.gumbel_cdf(x, loc, scale),
        ecdf=stats.empirical_cdf(g, x),
        exact=gb.gumbel_summary(loc, scale),
        sample=stats.sample_summary(g),
    )


@dataclass(frozen=True)
class Maxima:
    """`MAXIMA_SAMPLES` standardised maxima of n normals against Gumbel(0, 1) and their exact
    law; ``distance`` is the largest gap between the two cdfs on the grid."""

    edges: torch.Tensor
    density: torch.Tensor
    x: torch.Tensor
    gumbel: torch.Tensor  # Gumbel(0, 1) pdf
    exact: torch.Tensor  # pdf of (max - b_n) / a_n
    distance: float
    constants: tuple[float, float]  # (a_n, b_n)


def maxima(n: int, generator=None) -> Maxima:
    z = extremes.standardized_normal_maxima(n, MAXIMA_SAMPLES, generator)
    low, high = MAXIMA_RANGE
    x = torch.linspace(low, high, 201, dtype=torch.float64)
    edges, density = sample_stats.density_histogram(z, 50, low, high)
    exact_cdf = extremes.standardized_max_cdf(n, x)
    return Maxima(
        edges=edges,
        density=density,
        x=x,
        gumbel=gb.gumbel_pdf(x),
        exact=extremes.standardized_max_pdf(n, x),
        distance=stats.max_cdf_distance(exact_cdf, gb.gumbel_cdf(x)),
        constants=extremes.normal_max_constants(n),
    )


@dataclass(frozen=True)
class GumbelMax:
    """n Gumbel-max samples: their frequencies, the running frequencies after the first
    ``ns`` samples, ``softmax(logits)``, and Pearson's chi-square test of the counts."""

    freq: torch.Tensor
    probs: torch.Tensor
    ns: torch.Tensor
    running: torch.Tensor
    test: stats.ChiSquare


def gumbel_max(logits: tuple[float, ...], n: int, generator=None) -> GumbelMax:
    k = len(logits)
    samples = gb.gumbel_max(torch.tensor(logits), n, generator)
    probs = stats.category_probabilities(logits)
    ns, running = stats.running_frequencies(samples, k)
    return GumbelMax(
        freq=stats.category_frequencies(samples, k),
        probs=probs,
        ns=ns,
        running=running,
        test=stats.chi_square_test(stats.category_counts(samples, k), probs),
    )


@dataclass(frozen=True)
class Batch:
    """The same noise through the right formula (soft or hard) and the wrong one."""

    right: torch.Tensor  # softmax((logits + g) / tau), one-hot when hard
    wrong: torch.Tensor  # softmax(logits + tau g)
    probs: torch.Tensor


def batch(logits: tuple[float, ...], tau: float, hard: bool, n: int, generator=None) -> Batch:
    """Both formulas from the generator's same state: each draws the very same noise."""
    x = torch.tensor(logits)
    replay = _replay(generator)
    return Batch(
        right=gb.gumbel_softmax(x, tau, hard, n, replay()),
        wrong=gb.noise_times_tau_softmax(x, tau, n, replay()),
        probs=stats.category_probabilities(logits),
    )


@dataclass(frozen=True)
class SoftmaxStats:
    """Over `STATS_SAMPLES` samples of each formula: the frequencies of their argmax (the
    right one is exactly categorical at every tau) and the mean entropy at `ENTROPY_TAUS`."""

    right_argmax: torch.Tensor
    wrong_argmax: torch.Tensor
    probs: torch.Tensor
    entropy_right: torch.Tensor
    entropy_wrong: torch.Tensor
    max_entropy: float  # log k


def softmax_stats(logits: tuple[float, ...], tau: float, generator=None) -> SoftmaxStats:
    """Every statistic from the generator's same state (common random numbers)."""
    x = torch.tensor(logits)
    k = len(logits)
    replay = _replay(generator)
    right = gb.gumbel_softmax(x, tau, n=STATS_SAMPLES, generator=replay())
    wrong = gb.noise_times_tau_softmax(x, tau, n=STATS_SAMPLES, generator=replay())
    entropy = {
        variant: relax.expected_entropy(
            x, ENTROPY_TAUS, STATS_SAMPLES, replay(), noise_times_tau=variant
        )
        for variant in (False, True)
    }
    return SoftmaxStats(
        right_argmax=stats.category_frequencies(right.argmax(-1), k),
        wrong_argmax=stats.category_frequencies(wrong.argmax(-1), k),
        probs=stats.category_probabilities(logits),
        entropy_right=entropy[False],
        entropy_wrong=entropy[True],
        max_entropy=relax.uniform_entropy(k),
    )


def gradients(
    logits: tuple[float, ...], tau: float, target: int, generator=None
) -> dict[str, torch.Tensor]:
    """`gumbel_relaxation.loss_gradients` over `STATS_SAMPLES` samples: estimator name ->
    mean gradient of ``||y - e_target||^2``."""
    return relax.loss_gradients(torch.tensor(logits), tau, target, STATS_SAMPLES, generator)


@dataclass(frozen=True)
class Annealing:
    """The schedule ``tau_t``, the mean largest probability of `ANNEAL_SAMPLES` samples at
    each step, and the first sample of every step."""

    taus: torch.Tensor
    sharpness: torch.Tensor
    first: torch.Tensor


def annealing(
    logits: tuple[float, ...], steps: int, rate: float, tau_min: float, generator=None
) -> Annealing:
    taus = gb.annealing_schedule(steps, rate, tau_min)
    y = relax.annealed_samples(torch.tensor(logits), taus, ANNEAL_SAMPLES, generator)
    return Annealing(taus=taus, sharpness=relax.mean_largest_probability(y), first=y[:, 0, :])


@dataclass(frozen=True)
class TopK:
    """How often each category is among the top k of n Gumbel-perturbed samples, its exact
    inclusion probability, the standard error of the frequency, and ``softmax(logits)``."""

    freq: torch.Tensor
    exact: torch.Tensor
    se: torch.Tensor
    probs: torch.Tensor


def top_k(logits: tuple[float, ...], k: int, n: int, generator=None) -> TopK:
    picks = gb.gumbel_topk(torch.tensor(logits), k, n, generator)
    exact = topk.topk_inclusion_probabilities(logits, k)
    return TopK(
        freq=stats.inclusion_frequencies(picks, len(logits)),
        exact=exact,
        se=stats.inclusion_standard_errors(exact, n),
        probs=stats.category_probabilities(logits),
    )


def _replay(generator: torch.Generator | None):
    """A function that returns ``generator`` reset to its present state: each call draws the
    same noise again (a fresh random generator when None)."""
    if generator is None:
        generator = torch.Generator()
        generator.seed()
    state = generator.get_state()

    def replay() -> torch.Generator:
        generator.set_state(state)
        return generator

    return replay
