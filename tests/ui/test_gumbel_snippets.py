"""The PyTorch programs the Gumbel page shows run on their own and reproduce core's numbers."""

from __future__ import annotations

import contextlib
import io
import math

import pytest
import torch

from core import gumbel as gb
from core import gumbel_extremes as extremes
from core import gumbel_relaxation as relax
from core import gumbel_stats as stats
from core import gumbel_topk as topk
from tests import tolerances as tol
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
    # the same maxima; (max - b_n) / a_n in float32 with a_n, b_n from the same closed form
    # (a few float64 roundings): 2 roundings of numbers up to (|max| + b_n) / a_n
    size = float((ns["maxima"].abs().max() + ns["b_n"]) / ns["a_n"])
    torch.testing.assert_close(ns["z"], core, rtol=0, atol=tol.float32_tol(size, 2))


def test_gumbel_max_program_counts_and_tests_like_core():
    ns = run(snippets.gumbel_max_code(LOGITS, 4000, 5))
    samples = gb.gumbel_max(torch.tensor(LOGITS), 4000, gen(5))
    counts = stats.category_counts(samples, 4)
    assert torch.equal(ns["counts"], counts)
    # every category is expected at least 5 times here, so core pools nothing
    test = stats.chi_square_test(counts, stats.category_probabilities(LOGITS))
    assert test.bins == 4
    # scipy's chisquare on the same counts both ways; a statistic of a few roundings moves
    # the p-value (a survival function, d ln p / d chi2 >= -chi2 / 2 - 1) relatively by
    # ~(1 + chi2) times that
    statistic = float(ns["test"].statistic)
    p_tol = test.p_value * tol.rounding_tol(1 + statistic, 8 + tol.LIBM_ULPS)
    assert test.p_value == pytest.approx(ns["test"].pvalue, rel=0, abs=p_tol)


@pytest.mark.parametrize("hard", [False, True])
@pytest.mark.parametrize("tau", [0.01, 1.0, 100.0])
def test_gumbel_softmax_program_matches_core(tau, hard):
    ns = run(snippets.gumbel_softmax_code(LOGITS, tau, hard, 7, 9))
    x = torch.tensor(LOGITS)

    def right(x, g):
        z = x - x.max() + g
        y = torch.softmax((z - z.amax(dim=1, keepdim=True)) / tau, dim=1)
        return torch.nn.functional.one_hot(y.argmax(dim=1), 4).float() if hard else y

    def wrong(x, g):
        return torch.softmax(x - x.max() + tau * g, dim=1)

    # the program's formulas on the same noise g, in float32: shifts (3), / tau, softmax
    # (exp, a 4-term sum, a division): tol.formula_tol measures the 1/tau amplification
    ops = 5 + tol.LIBM_ULPS + 4 + 1
    y_tol = tol.formula_tol(right, x, ns["g"], ops=ops, eps=tol.EPS32)
    torch.testing.assert_close(
        ns["y"], gb.gumbel_softmax(x, tau, hard, 7, gen(9)), rtol=0, atol=y_tol
    )
    y_tol = tol.formula_tol(wrong, x, ns["g"], ops=ops, eps=tol.EPS32)
    y_wrong = gb.noise_times_tau_softmax(x, tau, 7, gen(9))
    torch.testing.assert_close(ns["y_wrong"], y_wrong, rtol=0, atol=y_tol)


def test_gradients_program_matches_core():
    ns = run(snippets.gradients_code(LOGITS, 0.5, 2, 300, 13))
    core = relax.loss_gradients(torch.tensor(LOGITS), 0.5, 2, 300, gen(13))
    # Means of n = 300 per-sample gradients of ||y - e||^2 in float32, each at most
    # 2 ||y - e|| ||dy/dx|| <= 2 sqrt(2) / (2 tau) (softmax's Jacobian has norm <= 1/2 / tau):
    # a sum in any order (tol.sum_tol) plus each term's ~16 roundings
    bound = tol.sum_tol(math.sqrt(2) / 0.5, 300 + 16, tol.EPS32)
    for name in ("soft", "hard", "torch_soft", "torch_hard", "exact"):
        torch.testing.assert_close(ns[name], core[name], rtol=0, atol=bound, msg=name)


def test_annealing_program_matches_core():
    ns = run(snippets.annealing_code(LOGITS, 40, 0.05, 0.2, 30, 17))
    taus = gb.annealing_schedule(40, 0.05, 0.2)
    y = relax.annealed_samples(torch.tensor(LOGITS), taus, 30, gen(17))
    # exp(-r t) clamped, rounded to float32: one libm call and 2 roundings of a number <= 1
    torch.testing.assert_close(ns["taus"], taus, rtol=0, atol=tol.float32_tol(1, 2 + tol.LIBM_ULPS))
    # softmax((z - max z) / tau) on the same noise, then the mean of 30 maxima <= 1: the
    # formula's roundings amplified by 1 / tau_min (tol.formula_tol) and a 30-term mean
    taus = ns["taus"][:, None, None]

    def sharpness(z):
        y = torch.softmax((z - z.amax(dim=2, keepdim=True)) / taus, dim=2)
        return y.max(dim=2).values.mean(dim=1)

    bound = tol.formula_tol(sharpness, ns["z"], ops=10 + tol.LIBM_ULPS, eps=tol.EPS32)
    sharp = relax.mean_largest_probability(y)
    torch.testing.assert_close(
        ns["sharpness"], sharp, rtol=0, atol=bound + tol.sum_tol(1, 30, tol.EPS32)
    )


def test_topk_program_matches_core():
    ns = run(snippets.topk_code(LOGITS, 2, 2000, 19))
    picks = gb.gumbel_topk(torch.tensor(LOGITS), 2, 2000, gen(19))
    # the same counts / n, rounded once to float32 by the program
    freq = stats.inclusion_frequencies(picks, 4)
    torch.testing.assert_close(ns["freq"].double(), freq, rtol=0, atol=tol.float32_tol(1, 1))
    exact = topk.topk_inclusion_probabilities(LOGITS, 2)
    # sums over the 12 ordered pairs of products of softmax ratios (~4 roundings each) and the
    # softmax (a libm call, a 4-term sum), in float64, of probabilities <= 1
    bound = tol.rounding_tol(1, 12 * 4 + tol.LIBM_ULPS + 5)
    ours = torch.tensor(ns["exact"], dtype=torch.float64)
    torch.testing.assert_close(ours, exact, rtol=0, atol=bound)
