"""The Gumbel page's view functions (`core.gumbel_views`): each draws the same noise as the
core functions it composes, so a seed shows the same samples as before they were grouped."""

from __future__ import annotations

import math

import pytest
import torch

from core import gumbel as gb
from core import gumbel_extremes as extremes
from core import gumbel_relaxation as relax
from core import gumbel_stats as stats
from core import gumbel_views as views
from tests import tolerances as tol

LOGITS = (2.0, 1.0, 0.0, -0.5)


def gen(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def test_distribution_draws_core_samples_and_spans_the_central_999_per_mille():
    view = views.distribution(0.5, 2.0, 3000, gen(1))
    _, g = gb.uniform_and_gumbel(3000, 0.5, 2.0, gen(1))
    assert view.sample == stats.sample_summary(g)
    assert view.exact == gb.gumbel_summary(0.5, 2.0)
    # the grid runs between the 0.05% and 99.95% quantiles: the cdf there, a few roundings
    bound = tol.rounding_tol(1, 4 + 2 * tol.LIBM_ULPS)
    assert float(view.cdf[0]) == pytest.approx(views.GUMBEL_QUANTILES[0], abs=bound)
    assert float(view.cdf[-1]) == pytest.approx(views.GUMBEL_QUANTILES[1], abs=bound)
    assert torch.equal(view.ecdf, stats.empirical_cdf(g, view.x))


def test_maxima_are_core_standardised_maxima():
    view = views.maxima(100, gen(2))
    z = extremes.standardized_normal_maxima(100, views.MAXIMA_SAMPLES, gen(2))
    assert view.constants == extremes.normal_max_constants(100)
    low, high = views.MAXIMA_RANGE
    width = (high - low) / 50
    inside = ((z >= low) & (z <= high)).sum().item()
    # the density histogram holds the maxima inside the range: its area is their share, up to
    # the roundings of counts / (m width), a 50-term sum and the product by the width
    area = float(view.density.sum()) * width
    assert area == pytest.approx(inside / views.MAXIMA_SAMPLES, abs=tol.rounding_tol(1, 60))


def test_gumbel_max_counts_core_samples():
    view = views.gumbel_max(LOGITS, 500, gen(3))
    samples = gb.gumbel_max(torch.tensor(LOGITS), 500, gen(3))
    assert torch.equal(view.freq, stats.category_frequencies(samples, 4))
    counts = stats.category_counts(samples, 4)
    assert view.test == stats.chi_square_test(counts, stats.category_probabilities(LOGITS))
    assert torch.equal(view.running[-1], view.freq)


@pytest.mark.parametrize("hard", [False, True])
def test_batch_puts_the_same_noise_through_both_formulas(hard):
    view = views.batch(LOGITS, 0.5, hard, 7, gen(4))
    x = torch.tensor(LOGITS)
    assert torch.equal(view.right, gb.gumbel_softmax(x, 0.5, hard, 7, gen(4)))
    assert torch.equal(view.wrong, gb.noise_times_tau_softmax(x, 0.5, 7, gen(4)))


def test_softmax_stats_argmax_is_gumbel_max_of_the_same_noise():
    view = views.softmax_stats(LOGITS, 1.0, gen(5))
    samples = gb.gumbel_max(torch.tensor(LOGITS), views.STATS_SAMPLES, gen(5))
    assert torch.equal(view.right_argmax, stats.category_frequencies(samples, 4))
    entropy = relax.expected_entropy(LOGITS, views.ENTROPY_TAUS, views.STATS_SAMPLES, gen(5))
    assert torch.equal(view.entropy_right, entropy)
    assert view.max_entropy == math.log(4)
    assert len(view.entropy_wrong) == len(views.ENTROPY_TAUS)


def test_gradients_annealing_and_top_k_are_the_core_functions():
    grads = views.gradients(LOGITS, 0.5, 2, gen(6))
    core = relax.loss_gradients(torch.tensor(LOGITS), 0.5, 2, views.STATS_SAMPLES, gen(6))
    assert grads.keys() == core.keys()
    assert all(torch.equal(grads[name], core[name]) for name in grads)
    view = views.annealing(LOGITS, 20, 0.1, 0.2, gen(7))
    taus = gb.annealing_schedule(20, 0.1, 0.2)
    y = relax.annealed_samples(torch.tensor(LOGITS), taus, views.ANNEAL_SAMPLES, gen(7))
    assert torch.equal(view.taus, taus)
    assert torch.equal(view.first, y[:, 0, :])
    picks = views.top_k(LOGITS, 2, 300, gen(8))
    # each sample includes exactly k categories: inclusion probabilities sum to k (float64
    # sums over 12 ordered pairs of ~4-rounding products); frequencies: 4 quotients summed
    assert float(picks.exact.sum()) == pytest.approx(2, abs=tol.rounding_tol(2, 60))
    assert float(picks.freq.sum()) == pytest.approx(2, abs=tol.rounding_tol(2, 8))


def test_without_a_generator_the_two_formulas_still_share_their_noise():
    view = views.batch((0.0, 0.0, 0.0), 1.0, False, 50, None)
    # at tau = 1 both formulas are softmax(logits + g): equal when g is the same noise, up to
    # the roundings of a shift, an exp and a 3-term normalisation in float32
    torch.testing.assert_close(
        view.right, view.wrong, rtol=0, atol=tol.float32_tol(1, 6 + tol.LIBM_ULPS)
    )
