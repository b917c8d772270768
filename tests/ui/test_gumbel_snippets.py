"""The PyTorch programs the Gumbel page shows run on their own and reproduce core's numbers."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from core import gumbel as gb
from core import gumbel_extremes as extremes
from core import gumbel_relaxation as relax
from core import gumbel_stats as stats
from core import gumbel_topk as topk
from ui.snippets import gumbel as snippets

LOGITS = (2.0, 1.0, 0.0, -0.5)


def run(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace


def gen(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def test_distribution_program_draws_the_same_gumbel_samples():
    ns = run(snippets.distribution_code(0.5, 2.0, 3000, 11))
    _, g = gb.uniform_and_gumbel(3000, 0.5, 2.0, gen(11))
    assert torch.equal(ns["g"], g)


@pytest.mark.parametrize(("n", "m"), [(100, 500), (5000, 1000)])  # one chunk, several
def test_normal_maxima_program_matches_core(n, m):
    ns = run(snippets.normal_maxima_code(n, m, 3))
    core = extremes.standardized_normal_maxima(n, m, gen(3))
    assert torch.allclose(ns["z"], core)


def test_gumbel_max_program_counts_and_tests_like_core():
    ns = run(snippets.gumbel_max_code(LOGITS, 4000, 5))
    samples = gb.gumbel_max(torch.tensor(LOGITS), 4000, gen(5))
    counts = stats.category_counts(samples, 4)
    assert torch.equal(ns["counts"], counts)
    # every category is expected at least 5 times here, so core pools nothing
    test = stats.chi_square_test(counts, stats.category_probabilities(LOGITS))
    assert test.bins == 4
    assert test.p_value == pytest.approx(ns["test"].pvalue)


@pytest.mark.parametrize("hard", [False, True])
@pytest.mark.parametrize("tau", [0.01, 1.0, 100.0])
def test_gumbel_softmax_program_matches_core(tau, hard):
    ns = run(snippets.gumbel_softmax_code(LOGITS, tau, hard, 7, 9))
    x = torch.tensor(LOGITS)
    assert torch.allclose(ns["y"], gb.gumbel_softmax(x, tau, hard, 7, gen(9)), atol=1e-6)
    assert torch.allclose(ns["y_wrong"], gb.noise_times_tau_softmax(x, tau, 7, gen(9)), atol=1e-6)


def test_gradients_program_matches_core():
    ns = run(snippets.gradients_code(LOGITS, 0.5, 2, 300, 13))
    core = relax.loss_gradients(torch.tensor(LOGITS), 0.5, 2, 300, gen(13))
    for name in ("soft", "hard", "torch_soft", "torch_hard", "exact"):
        assert torch.allclose(ns[name], core[name], atol=1e-6), name


def test_annealing_program_matches_core():
    ns = run(snippets.annealing_code(LOGITS, 40, 0.05, 0.2, 30, 17))
    taus = gb.annealing_schedule(40, 0.05, 0.2)
    y = relax.annealed_samples(torch.tensor(LOGITS), taus, 30, gen(17))
    assert torch.allclose(ns["taus"], taus)
    assert torch.allclose(ns["sharpness"], relax.mean_largest_probability(y), atol=1e-6)


def test_topk_program_matches_core():
    ns = run(snippets.topk_code(LOGITS, 2, 2000, 19))
    picks = gb.gumbel_topk(torch.tensor(LOGITS), 2, 2000, gen(19))
    assert torch.allclose(ns["freq"].double(), stats.inclusion_frequencies(picks, 4))
    exact = topk.topk_inclusion_probabilities(LOGITS, 2)
    assert torch.allclose(torch.tensor(ns["exact"], dtype=torch.float64), exact, atol=1e-12)
