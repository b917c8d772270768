"""core.gumbel and its companions (gumbel_extremes, gumbel_stats, gumbel_topk,
gumbel_relaxation) against scipy.stats, torch.nn.functional, closed forms
and seeded Monte Carlo. Every random check uses a fixed seed, and tolerances are at least 5
standard errors (or a KS critical value at alpha = 0.001), so a pass is no accident and a
rerun never flakes."""

from __future__ import annotations

import math

import numpy as np
import pytest
import scipy.stats
import torch
import torch.nn.functional as F

from core.errors import InputError
from core.gumbel import (
    annealing_schedule,
    gumbel_cdf,
    gumbel_distribution,
    gumbel_max,
    gumbel_softmax,
    gumbel_summary,
    gumbel_topk,
    logit_noise,
    noise_times_tau_softmax,
    sample_gumbel,
    uniform_to_gumbel,
)
from core.gumbel_extremes import (
    normal_max_constants,
    standardized_normal_maxima,
)
from core.gumbel_relaxation import (
    annealed_samples,
    expected_entropy,
    loss_gradients,
    sample_entropy,
)
from core.gumbel_stats import (
    category_frequencies,
    chi_square_test,
    running_frequencies,
)
from core.gumbel_topk import (
    topk_inclusion_by_orderings,
    topk_inclusion_probabilities,
)
from core.sample_stats import density_histogram
from tests import tolerances as tol

LOGITS = torch.tensor([1.0, -0.5, 2.0, 0.3, -2.0])
KS_C_0001 = math.sqrt(-math.log(0.001 / 2) / 2)  # Kolmogorov critical constant, alpha = 0.001


def gen(seed: int = 0) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def assert_close_in_se(estimate, truth, se, k: float = 5.0):
    estimate, truth, se = (np.asarray(v, dtype=float) for v in (estimate, truth, se))
    assert np.all(np.abs(estimate - truth) <= k * se + 1e-12), (estimate, truth, se)


# --- the distribution -----------------------------------------------------------------------


@pytest.mark.parametrize(("loc", "scale"), [(0.0, 1.0), (1.5, 2.0), (-3.0, 0.25)])
def test_gumbel_samples_pass_ks_against_scipy_gumbel_r(loc, scale):
    n = 200_000
    x = sample_gumbel((n,), loc, scale, generator=gen(1)).double().numpy()
    result = scipy.stats.kstest(x, scipy.stats.gumbel_r(loc, scale).cdf)
    assert result.statistic < KS_C_0001 / math.sqrt(n)


def test_sample_gumbel_shape_dtype_and_reproducibility():
    a = sample_gumbel((3, 4), generator=gen(7))
    b = sample_gumbel((3, 4), generator=gen(7))
    assert a.shape == (3, 4) and a.dtype == torch.get_default_dtype()
    assert torch.equal(a, b)
    assert sample_gumbel(5, generator=gen(0)).shape == (5,)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_transform_is_finite_at_exact_zero_and_one(dtype):
    g = uniform_to_gumbel(torch.tensor([0.0, 1.0], dtype=dtype))
    assert torch.isfinite(g).all()
    assert g[0] < g[1]


def test_samplers_stay_finite_when_the_uniforms_are_exactly_zero_or_one(monkeypatch):
    def edge_uniforms(shape, generator=None, dtype=None):
        u = torch.zeros(shape, dtype=dtype)
        u.view(-1)[::2] = 1.0
        return u

    monkeypatch.setattr(torch, "rand", edge_uniforms)
    assert torch.isfinite(sample_gumbel((10,), 1.0, 3.0)).all()
    for tau in (0.01, 1.0, 100.0):
        y = gumbel_softmax(LOGITS, tau, n=4)
        assert torch.isfinite(y).all()
        assert torch.allclose(y.sum(-1), torch.ones(4))
    assert gumbel_max(LOGITS, 6).shape == (6,)


def test_cdf_and_summary_match_scipy():
    loc, scale = 0.7, 1.8
    ref = scipy.stats.gumbel_r(loc, scale)
    x = torch.linspace(-5, 12, 50, dtype=torch.float64)
    # exp(-exp(-z)) in float64 on both sides: two libm calls and two roundings each
    bound = tol.formula_tol(lambda v: gumbel_cdf(v, loc, scale), x, ops=2 * tol.LIBM_ULPS + 2)
    assert np.abs(gumbel_cdf(x, loc, scale).numpy() - ref.cdf(x.numpy())).max() <= bound
    summary = gumbel_summary(loc, scale)
    dist = gumbel_distribution(loc, scale)  # float32: mean, mode, variance, entropy from torch
    moments = {
        "mean": (ref.mean(), lambda d: d.mean),
        "variance": (ref.var(), lambda d: d.variance),
        "entropy": (ref.entropy(), lambda d: d.entropy()),
    }
    for key, (value, value_of) in moments.items():
        bound = tol.float32_distribution_tol(dist, value_of)
        assert summary[key] == pytest.approx(value, rel=0, abs=bound)
    # the median's closed form in float64: a log of a log and two roundings
    median_bound = tol.rounding_tol(abs(ref.median()) + 1, 2 * tol.LIBM_ULPS + 2)
    assert summary["median"] == pytest.approx(ref.median(), rel=0, abs=median_bound)
    assert summary["mode"] == np.float32(loc)


# --- Gumbel-max -----------------------------------------------------------------------------


def test_gumbel_max_frequencies_match_softmax_by_chi_square():
    n = 200_000
    samples = gumbel_max(LOGITS, n, generator=gen(2))
    assert samples.dtype == torch.long and samples.shape == (n,)
    counts = torch.bincount(samples, minlength=5).numpy()
    expected = n * torch.softmax(LOGITS.double(), 0).numpy()
    reference = scipy.stats.chisquare(counts, expected)
    assert reference.pvalue > 1e-3
    ours = chi_square_test(counts, torch.softmax(LOGITS, 0))
    # our expected counts come from a float32 softmax (a libm call, a 5-term sum, a division:
    # ~(tol.LIBM_ULPS + 6) eps32 relative); the statistic sum (O - E)^2 / E moves by
    # sum |O^2 - E^2| / E times that, the p-value by chi2's density there times that
    delta = tol.float32_tol(
        float(np.abs(counts**2 - expected**2) @ (1 / expected)), tol.LIBM_ULPS + 6
    )
    p_tol = scipy.stats.chi2(4).pdf(reference.statistic) * delta
    assert ours.p_value == pytest.approx(reference.pvalue, rel=0, abs=p_tol)
    assert ours.dof == 4


def test_gumbel_max_detects_the_wrong_distribution():
    samples = gumbel_max(LOGITS, 50_000, generator=gen(3))
    wrong = torch.softmax(LOGITS * 0.9, 0)
    assert chi_square_test(torch.bincount(samples, minlength=5), wrong).p_value < 1e-6


def test_chi_square_pools_small_expected_counts():
    result = chi_square_test([95, 3, 1, 1], [0.94, 0.03, 0.02, 0.01])
    # expected 94, 3, 2, 1: the three small bins pool into one of 6 expected (5 observed)
    reference = scipy.stats.chisquare([5, 95], [6, 94])
    assert result.bins == 2 and result.dof == 1
    # the probabilities pass through float32 (2 roundings of each expected count E): the
    # statistic sum (O - E)^2 / E moves by sum |O^2 - E^2| / E times that
    delta = tol.float32_tol(abs(25 - 36) / 6 + abs(95**2 - 94**2) / 94, 2)
    assert result.statistic == pytest.approx(reference.statistic, rel=0, abs=delta)
    assert chi_square_test([3, 5, 2], [0.3, 0.5, 0.2]).p_value is None


def test_huge_equal_logits_still_share_the_samples():
    # 1e30 + g == 1e30 in float32: without shifting by the max, category 0 would always win.
    samples = gumbel_max(torch.tensor([1e30, 1e30, -1e30]), 20_000, generator=gen(4))
    freq = category_frequencies(samples, 3)
    assert_close_in_se(freq, [0.5, 0.5, 0.0], math.sqrt(0.25 / 20_000))


# --- Gumbel-Softmax -------------------------------------------------------------------------


@pytest.mark.parametrize("tau", [1e-3, 0.1, 1.0, 10.0, 1e3])
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_soft_samples_lie_on_the_simplex(tau, dtype):
    y = gumbel_softmax(LOGITS.to(dtype), tau, n=2000, generator=gen(5))
    assert y.shape == (2000, 5) and y.dtype == dtype
    assert (y >= 0).all()
    # each y_i = exp(.) / sum: a libm call, a 5-term sum and a division; then 5 more terms
    bound = tol.rounding_tol(1, tol.LIBM_ULPS + 11, torch.finfo(dtype).eps)
    assert (y.sum(-1) - 1).abs().max() <= bound


def test_small_tau_gives_near_one_hot_and_large_tau_near_uniform():
    cold = gumbel_softmax(LOGITS, 1e-4, n=10_000, generator=gen(6))
    assert (cold.max(-1).values > 0.99).float().mean() > 0.999
    hot = gumbel_softmax(LOGITS, 1e4, n=10_000, generator=gen(6))
    assert (hot - 0.2).abs().max() < 0.01


@pytest.mark.parametrize("tau", [0.1, 0.5, 1.0, 5.0])
def test_agrees_in_distribution_with_torch_gumbel_softmax(tau):
    n = 100_000
    ours = gumbel_softmax(LOGITS, tau, n=n, generator=gen(7)).double()
    torch.manual_seed(7)
    theirs = F.gumbel_softmax(LOGITS.expand(n, 5), tau=tau).double()
    se = torch.sqrt(ours.var(0) / n + theirs.var(0) / n)
    assert_close_in_se(ours.mean(0), theirs.mean(0), se)
    # the whole distribution of one coordinate: two-sample KS at alpha = 0.001
    ks = scipy.stats.ks_2samp(ours[:, 2].numpy(), theirs[:, 2].numpy())
    assert ks.statistic < KS_C_0001 * math.sqrt(2 / n)


def test_agrees_with_relaxed_one_hot_categorical():
    n, tau = 100_000, 0.7
    ours = gumbel_softmax(LOGITS, tau, n=n, generator=gen(8)).double()
    torch.manual_seed(8)
    dist = torch.distributions.RelaxedOneHotCategorical(torch.tensor(tau), logits=LOGITS)
    theirs = dist.sample((n,)).double()
    se = torch.sqrt(ours.var(0) / n + theirs.var(0) / n)
    assert_close_in_se(ours.mean(0), theirs.mean(0), se)


@pytest.mark.parametrize("tau", [0.05, 1.0, 20.0])
def test_argmax_of_soft_samples_is_categorical_at_every_tau(tau):
    n = 100_000
    y = gumbel_softmax(LOGITS, tau, n=n, generator=gen(9))
    counts = torch.bincount(y.argmax(-1), minlength=5)
    assert chi_square_test(counts, torch.softmax(LOGITS, 0)).p_value > 1e-3


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_hard_samples_are_one_hot_with_the_soft_gradient(dtype):
    # modelled on PyTorch's test_nn.py _test_gumbel_softmax_grad
    logits_soft = torch.zeros(10, 10, dtype=dtype, requires_grad=True)
    logits_hard = torch.zeros(10, 10, dtype=dtype, requires_grad=True)
    y_soft = gumbel_softmax(logits_soft, 1.0, hard=False, generator=gen(10))
    y_hard = gumbel_softmax(logits_hard, 1.0, hard=True, generator=gen(10))
    assert y_hard.shape == (10, 10)
    assert ((y_hard == 0) | (y_hard == 1)).all()
    assert torch.equal(y_hard.sum(-1), torch.ones(10, dtype=dtype))
    assert torch.equal(y_hard.argmax(-1), y_soft.argmax(-1))
    y_soft.sum().backward()
    y_hard.sum().backward()
    tol = 2 * torch.finfo(dtype).eps
    assert torch.allclose(logits_soft.grad, logits_hard.grad, atol=tol, rtol=0)


def test_hard_gradient_equals_soft_gradient_for_any_upstream_gradient():
    logits = torch.tensor([0.2, 0.8, 0.1], requires_grad=True)
    weights = torch.tensor([[1.0, -2.0, 0.5]]).expand(50, 3)
    grads = []
    for hard in (False, True):
        y = gumbel_softmax(logits, 0.5, hard=hard, n=50, generator=gen(11))
        (grad,) = torch.autograd.grad((y * weights).sum(), logits)
        grads.append(grad)
    # straight-through passes the upstream gradient to the soft sample unchanged: as above
    bound = 2 * tol.EPS32 * float(grads[0].abs().max())
    assert torch.allclose(grads[0], grads[1], atol=bound, rtol=0)


def test_straight_through_counts_follow_softmax():
    # modelled on PyTorch's test_nn.py _test_gumbel_softmax_straight_through
    num_draws = 10_000
    logits = torch.tensor([[0.2, 0.8, 0.1]])
    probs = logits.softmax(-1)
    y = gumbel_softmax(logits, 1.0, hard=True, n=num_draws, generator=gen(12))
    counts = y.sum(0, keepdim=True)
    assert y.min() >= 0 and counts.sum() == num_draws
    expected = probs * num_draws
    z = (counts - expected) / (expected * (1 - probs)).sqrt()
    assert z.abs().max() < 2.58


def test_same_generator_state_gives_the_same_noise_everywhere():
    soft = gumbel_softmax(LOGITS, 0.3, n=500, generator=gen(13))
    hard = gumbel_softmax(LOGITS, 0.3, hard=True, n=500, generator=gen(13))
    index = gumbel_max(LOGITS, 500, generator=gen(13))
    assert torch.equal(hard, F.one_hot(soft.argmax(-1), 5).float())
    assert torch.equal(index, soft.argmax(-1))
    assert torch.equal(gumbel_topk(LOGITS, 1, 500, generator=gen(13))[:, 0], index)


@pytest.mark.parametrize("tau", [0.0, -1.0, math.inf, -math.inf, math.nan, "abc", None])
def test_invalid_tau_raises_input_error(tau):
    with pytest.raises(InputError):
        gumbel_softmax(LOGITS, tau)
    with pytest.raises(InputError):
        noise_times_tau_softmax(LOGITS, tau)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_non_finite_logits_raise_input_error(bad):
    logits = torch.tensor([0.0, bad, 1.0])
    for call in (
        lambda: gumbel_softmax(logits, 1.0),
        lambda: gumbel_max(logits, 10),
        lambda: gumbel_topk(logits, 2),
    ):
        with pytest.raises(InputError):
            call()


@pytest.mark.parametrize(
    "call",
    [
        lambda: sample_gumbel((3,), scale=0.0),
        lambda: sample_gumbel((3,), loc=math.nan),
        lambda: sample_gumbel((-1,)),
        lambda: sample_gumbel((10**5, 10**5)),
        lambda: gumbel_max(LOGITS, 0),
        lambda: gumbel_max(torch.zeros(2, 3, 4), 1),
        lambda: gumbel_softmax(torch.zeros(3, 4), 1.0, n=2),
        lambda: gumbel_topk(LOGITS, 6),
        lambda: annealing_schedule(10, -1.0, 0.5),
        lambda: annealing_schedule(10, 0.1, 0.0),
    ],
)
def test_other_bad_inputs_raise_input_error(call):
    with pytest.raises(InputError):
        call()


@pytest.mark.parametrize("tau", [1e-300, 1e-3, 1.0, 1e3, 1e300])
@pytest.mark.parametrize("hard", [False, True])
def test_logits_of_plus_minus_1e30_give_valid_samples(tau, hard):
    logits = torch.tensor([1e30, -1e30, 0.0, 3e38, -3e38], requires_grad=True)
    y = gumbel_softmax(logits, tau, hard=hard, n=100, generator=gen(14))
    assert torch.isfinite(y).all() and (y >= 0).all()
    assert torch.allclose(y.sum(-1), torch.ones(100))
    y[:, 0].sum().backward()
    assert not torch.isnan(logits.grad).any()
    assert torch.equal(gumbel_max(logits, 100, generator=gen(14)), torch.full((100,), 3))


# --- the wrong variant ----------------------------------------------------------------------


def test_noise_times_tau_is_a_different_distribution():
    same = noise_times_tau_softmax(LOGITS, 1.0, n=100, generator=gen(15))
    assert torch.allclose(same, gumbel_softmax(LOGITS, 1.0, n=100, generator=gen(15)))
    # tau -> 0: no randomness left, softmax(logits) every time, never one-hot
    cold = noise_times_tau_softmax(LOGITS, 1e-6, n=100, generator=gen(15))
    # softmax moves by at most the spread of what is added, 2e-6 max|g| (each y_i by y_i
    # times it), plus float32 rounding of a softmax
    noise = logit_noise(LOGITS, 100, gen(15))
    bound = 2e-6 * float(noise.abs().max()) + tol.float32_tol(1, tol.LIBM_ULPS + 6)
    assert torch.allclose(cold, torch.softmax(LOGITS, 0).expand(100, 5), atol=bound, rtol=0)
    # tau = 3: its argmax is no longer Categorical(softmax(logits))
    warm = noise_times_tau_softmax(LOGITS, 3.0, n=20_000, generator=gen(15))
    counts = torch.bincount(warm.argmax(-1), minlength=5)
    assert chi_square_test(counts, torch.softmax(LOGITS, 0)).p_value < 1e-6


# --- top-k ----------------------------------------------------------------------------------


@pytest.mark.parametrize("k", [1, 2, 3, 5])
def test_exact_inclusion_dp_matches_enumerating_orderings(k):
    exact = topk_inclusion_probabilities(LOGITS, k)
    # probabilities in float64, each a sum of at most 5! ordered picks, each k quotients and
    # products: sum_tol over 5! 2k operations on terms summing to at most 1
    bound = tol.sum_tol(1, math.factorial(5) * 2 * k)
    assert torch.allclose(exact, topk_inclusion_by_orderings(LOGITS, k), atol=bound, rtol=0)
    assert exact.sum().item() == pytest.approx(k, rel=0, abs=tol.sum_tol(k, 5) + 5 * bound)
    if k == 1:
        softmax = torch.softmax(LOGITS.double(), 0)
        assert torch.allclose(exact, softmax, atol=bound, rtol=0)


def test_inclusion_by_orderings_against_a_hand_computation():
    # p = (1/2, 1/3, 1/6), k = 2: P(3 excluded) = P(1,2) + P(2,1) = 1/2*2/3 + 1/3*3/4 = 7/12
    p = torch.tensor([3.0, 2.0, 1.0]).log()
    exact = topk_inclusion_probabilities(p, 2)
    # the logits are float32: log 3 and log 2 rounded, their effect measured by jiggling them
    log_p = torch.tensor([3.0, 2.0, 1.0], dtype=torch.float64).log()
    bound = tol.sensitivity_tol(
        lambda jiggle: topk_inclusion_probabilities(jiggle(log_p, tol.EPS32 * log_p.abs()), 2)[2]
    )
    assert exact[2].item() == pytest.approx(1 - 7 / 12, rel=0, abs=bound)


def test_gumbel_topk_frequencies_match_exact_inclusion():
    n, k = 100_000, 2
    sample = gumbel_topk(LOGITS, k, n, generator=gen(16))
    assert sample.shape == (n, k)
    assert (sample[:, 0] != sample[:, 1]).all()
    freq = (
        torch.zeros(5, dtype=torch.float64).index_add_(
            0, sample.flatten(), torch.ones(n * k, dtype=torch.float64)
        )
        / n
    )
    exact = topk_inclusion_probabilities(LOGITS, k)
    assert_close_in_se(freq, exact, torch.sqrt(exact * (1 - exact) / n))
    # the first pick alone is Categorical(softmax(logits))
    first = category_frequencies(sample[:, 0], 5)
    p = torch.softmax(LOGITS.double(), 0)
    assert_close_in_se(first, p, torch.sqrt(p * (1 - p) / n))


def test_exact_inclusion_survives_extreme_logits():
    exact = topk_inclusion_probabilities([1e30, 0.0, 0.0, -1e30], 2)
    assert torch.allclose(exact, torch.tensor([1.0, 0.5, 0.5, 0.0], dtype=torch.float64))


# --- extremes of normals --------------------------------------------------------------------


def test_normal_max_constants_make_the_exact_cdf_approach_gumbel():
    x = np.linspace(-4, 10, 4001)
    gumbel = np.exp(-np.exp(-x))
    distances = []
    for n in (10, 10**4, 10**8, 10**12):
        a_n, b_n = normal_max_constants(n)
        exact = np.exp(n * scipy.stats.norm.logcdf(a_n * x + b_n))  # P(max <= a_n x + b_n)
        distances.append(np.abs(exact - gumbel).max())
    assert distances == sorted(distances, reverse=True)
    assert distances[-1] < 0.025
    a, b = normal_max_constants(1000)
    a_ref = 1 / math.sqrt(2 * math.log(1000))  # two libm calls, two roundings
    assert a == pytest.approx(a_ref, rel=0, abs=tol.rounding_tol(a_ref, 2 * tol.LIBM_ULPS + 2))
    # by hand: sqrt(13.8155) - (ln 6.9078 + ln 4 pi) / (2 sqrt(13.8155)) = 3.71692 - 0.60046
    # the difference of two values rounded to 5 decimals by hand: within 2 x 5e-6
    assert b == pytest.approx(3.11646, abs=1e-5)


def test_standardized_maxima_follow_the_exact_law_of_the_maximum():
    n, m = 500, 20_000
    z = standardized_normal_maxima(n, m, generator=gen(17)).double().numpy()
    a_n, b_n = normal_max_constants(n)

    def cdf(x):
        return np.exp(n * scipy.stats.norm.logcdf(a_n * x + b_n))

    assert scipy.stats.kstest(z, cdf).statistic < KS_C_0001 / math.sqrt(m)


# --- temperature, annealing, histograms -----------------------------------------------------


def test_expected_entropy_runs_from_zero_to_log_k():
    taus = [1e-3, 0.1, 1.0, 10.0, 1e3]
    h = expected_entropy(LOGITS, taus, 4000, generator=gen(18))
    assert (h[1:] >= h[:-1]).all()
    # log 5 - H(softmax(z / tau)) = KL(y || uniform) ~ Var(z / tau) / 2: with logits and
    # noise spread over ~10, 5e-5 at tau = 1000
    assert h[0] < 0.01 and h[-1] == pytest.approx(math.log(5), abs=1e-3)


def test_expected_entropy_matches_torch_gumbel_softmax():
    n, tau = 50_000, 0.8
    ours = expected_entropy(LOGITS, [tau], n, generator=gen(19))[0]
    torch.manual_seed(19)
    h = sample_entropy(F.gumbel_softmax(LOGITS.expand(n, 5), tau=tau).double())
    se = math.sqrt(2 * h.var().item() / n)
    assert abs(ours.item() - h.mean().item()) < 5 * se


def test_annealing_schedule_and_samples_sharpen():
    taus = annealing_schedule(50, 0.1, 0.2)
    t = torch.arange(50, dtype=torch.float64)
    # computed in float64, returned in float32: one rounding of values <= 1
    expected = torch.clamp(torch.exp(-0.1 * t), min=0.2)
    assert torch.allclose(taus.double(), expected, atol=tol.float32_tol(1, 1), rtol=0)
    y = annealed_samples(LOGITS, taus, 2000, generator=gen(20))
    assert y.shape == (50, 2000, 5)
    sharpness = y.max(-1).values.mean(-1)
    assert sharpness[-1] > sharpness[0] + 0.1


def test_density_histogram_and_running_frequencies():
    x = sample_gumbel((50_000,), generator=gen(21))
    edges, density = density_histogram(x, 60, -3.0, 9.0)
    assert edges.shape == (61,) and density.shape == (60,)
    inside = ((x >= -3) & (x <= 9)).double().mean()
    mass = (density * (edges[1] - edges[0])).sum().item()
    assert mass == pytest.approx(inside.item(), rel=0, abs=tol.sum_tol(1, 60 + 3))
    samples = gumbel_max(LOGITS, 1000, generator=gen(22))
    ns, freq = running_frequencies(samples, 5)
    assert ns[0] == 1 and ns[-1] == 1000
    assert torch.allclose(freq[-1], category_frequencies(samples, 5))


# --- gradients through samples --------------------------------------------------------------


def test_loss_gradients_agree_with_torch_and_the_exact_gradient():
    logits, tau, target, n = torch.tensor([1.0, 0.0, -1.0]), 1.0, 2, 20_000
    grads = loss_gradients(logits, tau, target, n, generator=gen(23))
    p = torch.softmax(logits, 0)
    assert torch.allclose(grads["exact"], -2 * p[target] * (F.one_hot(torch.tensor(2), 3) - p))
    # per-sample gradients of torch's soft estimator give the standard error
    x = logits.expand(n, 3).clone().requires_grad_(True)
    torch.manual_seed(0)
    y = F.gumbel_softmax(x, tau=tau)
    ((y - F.one_hot(torch.tensor(target), 3)) ** 2).sum().backward()
    se = x.grad.std(0) * math.sqrt(2 / n)
    assert_close_in_se(grads["soft"], grads["torch_soft"], se)
    assert_close_in_se(grads["soft"], x.grad.mean(0), se)
    # same seed, same numbers
    again = loss_gradients(logits, tau, target, n, generator=gen(23))
    assert all(torch.equal(grads[key], again[key]) for key in grads)
