"""core.gp and its weight-space views: samples with the right covariance, the smallest
jitter, weight space agreeing with function space, the bumps' RBF limit, and wide networks.

Monte Carlo checks are seeded; tolerances are 5 standard errors (stated per test)."""

import math

import numpy as np
import pytest
import torch
from scipy import stats
from scipy.special import erf, erfc

from core import gp, gp_prior_views, sample_stats, weight_space, wide_networks
from core.errors import InputError
from core.kernels import (
    RBF,
    ArcCosine,
    Linear,
    Matern32,
    NeuralNetwork,
    OrnsteinUhlenbeck,
    Periodic,
)
from tests import tolerances as tol

F64 = torch.float64
# Roundings of a kernel formula: up to 3 libm calls and 20 operations.
KERNEL_OPS = 3 * tol.LIBM_ULPS + 20


def _factor_tol(L: torch.Tensor) -> float:
    """|L L^T - A| for the Cholesky factor L of A: the backward error gamma_{n+1} |L||L^T|
    (Higham, Thm 10.3) and the product's own gamma_n |L||L^T| (tol.sum_tol), in any order."""
    return tol.sum_tol(float((L.abs() @ L.abs().T).max()), 2 * L.shape[0] + 1)


def _gen(seed=0):
    return torch.Generator().manual_seed(seed)


def _bump_sum_tol(c: float, ell: float, j: int, m, limit):
    """|k_J - k| for J bumps of width ell centred on the J cells of [-c, c], against their
    limit k (the integral over the whole line; ``limit``, at midpoints m = (x + x') / 2).
    Summed over every cell of the line, the midpoint rule integrates the Gaussian
    exp(-(u - m)^2 / ell^2) to within 2 exp(-(pi ell / dc)^2) of itself (Poisson summation;
    the further terms are far smaller); the cells beyond [-c, c], missing here, hold at most
    its tails beyond c - dc, (erfc((c - dc - m) / ell) + erfc((c - dc + m) / ell)) / 2 of
    it; and the J products are summed with rounding (tol.sum_tol, each ~KERNEL_OPS)."""
    dc = 2 * c / j
    poisson = 2 * math.exp(-((math.pi * ell / dc) ** 2))
    tails = (erfc((c - dc - m) / ell) + erfc((c - dc + m) / ell)) / 2
    return limit * (poisson + tails) + tol.sum_tol(limit, j + KERNEL_OPS)


def _cov_tolerance(K: torch.Tensor, n: int) -> torch.Tensor:
    """5 standard errors of an empirical covariance of n normal draws (known zero mean)."""
    d = K.diagonal()
    return 5 * torch.sqrt((d[:, None] * d[None, :] + K**2) / n)


# --- sampling ---------------------------------------------------------------------------


@pytest.mark.parametrize("kernel", [RBF(1.5, 0.8), OrnsteinUhlenbeck(), NeuralNetwork(1, 2)])
def test_the_empirical_covariance_of_many_prior_samples_is_k(kernel):
    x = torch.linspace(-2, 2, 7, dtype=F64)
    n = 40_000
    f = gp.sample_prior(kernel, x, n, _gen(1))
    assert f.shape == (n, 7) and f.dtype == F64
    empirical = f.T @ f / n
    K = kernel(x)
    assert torch.all((empirical - K).abs() < _cov_tolerance(K, n))
    assert torch.all(f.mean(0).abs() < 5 * K.diagonal().sqrt() / math.sqrt(n))


def test_samples_are_reproducible_from_the_generator():
    x = torch.linspace(0, 1, 30, dtype=F64)
    a = gp.sample_prior(Matern32(), x, 3, _gen(7))
    b = gp.sample_prior(Matern32(), x, 3, _gen(7))
    assert torch.equal(a, b)
    assert not torch.equal(a, gp.sample_prior(Matern32(), x, 3, _gen(8)))


def test_cholesky_needs_no_jitter_for_a_well_conditioned_matrix():
    K = OrnsteinUhlenbeck()(torch.linspace(0, 5, 50, dtype=F64))
    L, jitter = gp.cholesky_with_jitter(K)
    assert jitter == 0.0
    torch.testing.assert_close(L @ L.T, K, rtol=0, atol=_factor_tol(L))


def test_the_jitter_is_the_smallest_that_works():
    K = RBF(1.0, 1.0)(torch.linspace(-5, 5, 300, dtype=F64))  # numerically singular
    L, jitter = gp.cholesky_with_jitter(K)
    assert jitter > 0
    eye = torch.eye(300, dtype=F64)
    torch.testing.assert_close(L @ L.T, K + jitter * eye, rtol=0, atol=_factor_tol(L))
    assert int(torch.linalg.cholesky_ex(K + jitter / 10 * eye).info) != 0 or jitter / 10 < 1e-10


def test_a_low_rank_linear_kernel_on_300_points_still_samples_straight_lines():
    x = torch.linspace(-5, 5, 300, dtype=F64)
    f, jitter = gp.sample_prior_with_jitter(Linear(1.0), x, 20, _gen(2))
    assert jitter > 0 and torch.isfinite(f).all()
    # rank 2: every sample is (up to the tiny jitter) a line a + b x
    design = torch.stack([torch.ones_like(x), x], dim=1)
    coef = torch.linalg.lstsq(design, f.T).solution
    residual = (design @ coef - f.T).abs().max()
    assert float(residual) < 1e-3


def test_a_matrix_that_is_not_psd_raises_input_error():
    with pytest.raises(InputError):
        gp.cholesky_with_jitter(torch.tensor([[1.0, 2.0], [2.0, 1.0]], dtype=F64))
    with pytest.raises(InputError):
        gp.cholesky_with_jitter(torch.ones(2, 3, dtype=F64))


@pytest.mark.parametrize(
    "call",
    [
        lambda: gp.sample_prior(RBF(), torch.linspace(0, 1, 5), 0),
        lambda: gp.sample_prior(RBF(), torch.tensor([0.0, float("nan")]), 2),
        lambda: gp.sample_prior("RBF", torch.linspace(0, 1, 5), 2),
        lambda: gp.band(RBF(), torch.linspace(0, 1, 5), k_sigma=-1),
        lambda: gp.grid_2d(1.0, 1.0, 10),
    ],
)
def test_bad_input_raises_input_error(call):
    with pytest.raises(InputError):
        call()


@pytest.mark.parametrize("bad", [0.0, -0.5, float("nan")])
def test_zero_negative_or_nan_lengthscales_raise_input_error(bad):
    with pytest.raises(InputError):
        RBF(lengthscale=bad)
    with pytest.raises(InputError):
        Periodic(lengthscale=bad)


# --- bands ------------------------------------------------------------------------------


def test_the_linear_band_is_two_sqrt_one_plus_x_squared():
    x = torch.linspace(-5, 5, 101, dtype=F64)
    lower, upper = gp.band(Linear(1.0), x)
    # k sqrt(a^2 + a^2 x^2) against k a sqrt(1 + x^2): ~4 roundings each, no cancellation
    rel = tol.rounding_tol(1, 8)
    torch.testing.assert_close(upper, 2 * torch.sqrt(1 + x**2), rtol=rel, atol=0)
    torch.testing.assert_close(lower, -upper, rtol=0, atol=0)  # a negation: exact
    _, upper3 = gp.band(Linear(3.0), x, k_sigma=1.0)
    torch.testing.assert_close(upper3, 3 * torch.sqrt(1 + x**2), rtol=rel, atol=0)


def test_band_is_k_sigma_standard_deviations():
    x = torch.linspace(-1, 1, 9, dtype=F64)
    _, upper = gp.band(RBF(2.0, 1.0), x, k_sigma=3.0)
    torch.testing.assert_close(upper, torch.full((9,), 6.0, dtype=F64))


# --- weight space -----------------------------------------------------------------------


def test_linear_weights_give_lines_with_the_linear_kernel_covariance():
    x = torch.linspace(-3, 3, 5, dtype=F64)
    n = 40_000
    w, f = gp.sample_linear_weights(x, n, alpha=1.5, generator=_gen(3))
    # w @ (1, x)^T against w0 + w1 x: 2 roundings of |w0| + |w1 x|
    line = tol.rounding_tol(float((w[:, :1].abs() + (w[:, 1:] * x).abs()).max()), 2)
    torch.testing.assert_close(f, w[:, :1] + w[:, 1:] * x, rtol=0, atol=line)
    K = Linear(1.5)(x)
    assert torch.all((f.T @ f / n - K).abs() < _cov_tolerance(K, n))


@pytest.mark.parametrize(
    "features",
    [weight_space.PolynomialFeatures(3), weight_space.FourierFeatures(2, 3.0)],
    ids=["polynomial", "fourier"],
)
def test_weight_space_and_function_space_samples_agree_in_distribution(features):
    x = torch.linspace(-1.5, 1.5, 6, dtype=F64)
    u = [0.5, -1.0, 0.3, 0.8, 0.0][: features.size] + [0.0] * max(0, features.size - 5)
    s, n = 0.7, 40_000
    by_weights = gp.sample_basis_weights(features, x, u, s, n, _gen(4)).functions
    mean, kernel = gp.basis_prior(features, x, u, s)
    by_kernel = mean + gp.sample_prior(kernel, x, n, _gen(5))
    phi = features(x)
    K = s**2 * phi @ phi.T
    # (s^2 phi) phi^T against s^2 (phi phi^T): a k-term product and 2 scalings each way
    K_tol = tol.sum_tol(s**2 * float((phi.abs() @ phi.abs().T).max()), features.size + 2)
    torch.testing.assert_close(kernel(x), K, rtol=0, atol=K_tol)
    # phi @ u, the same product as core's: identical (equal to the bit)
    torch.testing.assert_close(mean, phi @ torch.tensor(u, dtype=F64), rtol=0, atol=0)
    for f in (by_weights, by_kernel):
        centred = f - mean
        assert torch.all((centred.T @ centred / n - K).abs() < _cov_tolerance(K, n))
        assert torch.all(centred.mean(0).abs() < 5 * K.diagonal().sqrt() / math.sqrt(n))
    # the same law at one point: a two-sample Kolmogorov-Smirnov test (seeded, p fixed)
    ks = stats.ks_2samp(by_weights[:, 2].numpy(), by_kernel[:, 2].numpy())
    assert ks.pvalue > 1e-3


def test_parse_weights_pads_with_zeros_and_rejects_junk():
    assert weight_space.parse_weights("1, -0.5", 4) == [1.0, -0.5, 0.0, 0.0]
    assert weight_space.parse_weights("  ", 2) == [0.0, 0.0]
    for junk in ("1, abc", "nan", "1 2 3", "inf"):
        with pytest.raises(InputError):
            weight_space.parse_weights(junk, 2)


# --- the RBF kernel from J bumps (d2l §18.2.4) ----------------------------------------------


def test_bump_kernel_is_sigma_squared_over_j_phi_phi_transpose():
    x = torch.linspace(-2, 2, 11, dtype=F64)
    basis = gp.rbf_basis_functions(x, 25, lengthscale=0.6, sigma=1.3)
    c = math.log(25)
    centres = -c + 2 * c / 25 * (np.arange(25) + 0.5)
    # -c + dc (k + 1/2) in numpy and torch: 4 roundings of numbers up to 2c (absolute: the
    # middle centre is 0)
    np.testing.assert_allclose(
        basis.centres.numpy(), centres, rtol=0, atol=tol.rounding_tol(2 * c, 4)
    )
    phi = np.exp(-((x.numpy()[:, None] - centres) ** 2) / (2 * 0.6**2))
    # sigma^2 / J sum of J = 25 products of bumps (each ~KERNEL_OPS roundings) in any order
    K_tol = tol.sum_tol(1.3**2 / 25 * float((np.abs(phi) @ np.abs(phi).T).max()), 25 + KERNEL_OPS)
    np.testing.assert_allclose(
        basis.kernel_matrix().numpy(), 1.3**2 / 25 * phi @ phi.T, rtol=0, atol=K_tol
    )


def test_bump_kernel_tends_to_the_rbf_with_lengthscale_sqrt2_l_and_the_derived_amplitude():
    """Completing the square: int exp(-(x-c)^2/2l^2) exp(-(x'-c)^2/2l^2) dc
    = sqrt(pi) l exp(-(x-x')^2 / (2 (sqrt(2) l)^2)); the Riemann sum over J cells of [-c, c]
    carries sigma^2 / J = sigma^2 dc / (2c)."""
    x = torch.linspace(-3, 3, 31, dtype=F64)
    ell, sigma, c = 0.5, 1.2, 6.0
    basis = gp.rbf_basis_functions(x, 1000, ell, sigma, half_width=c)
    limit = basis.limit()
    assert limit.lengthscale == math.sqrt(2) * ell  # the same product
    # the same formula for a^2, then a = sqrt(a^2) squared again: 2 roundings
    amplitude2 = sigma**2 * math.sqrt(math.pi) * ell / (2 * c)
    assert limit.amplitude**2 == pytest.approx(
        amplitude2, rel=0, abs=tol.rounding_tol(amplitude2, 2)
    )
    xs = x.numpy()
    r = xs[:, None] - xs[None, :]
    independent = sigma**2 * math.sqrt(math.pi) * ell / (2 * c) * np.exp(-(r**2) / (4 * ell**2))
    # margin c - max|x| = 3 = 6 l: the missing tails are erfc(6) / 2 = 1e-17 of the variance,
    # and the midpoint sum over 1000 cells is exact to 2 exp(-(pi l / dc)^2) (_bump_sum_tol)
    m = (xs[:, None] + xs[None, :]) / 2
    bound = _bump_sum_tol(c, ell, 1000, m, independent)
    K = basis.kernel_matrix().numpy()
    assert np.all(np.abs(K - independent) <= bound), np.abs(K - independent).max()
    # the same RBF written two ways (tol.formula_tol)
    limit_tol = tol.formula_tol(limit, x, ops=KERNEL_OPS)
    np.testing.assert_allclose(limit(x).numpy(), independent, rtol=0, atol=limit_tol)


def test_bump_kernel_matches_the_finite_window_integral_exactly():
    x = torch.linspace(-3, 3, 13, dtype=F64)
    ell, sigma, c = 0.7, 1.0, 4.0
    K = gp.rbf_basis_functions(x, 2000, ell, sigma, half_width=c).kernel_matrix().numpy()
    xs = x.numpy()
    m = (xs[:, None] + xs[None, :]) / 2
    r = xs[:, None] - xs[None, :]
    window = math.sqrt(math.pi) * ell / 2 * (erf((c - m) / ell) - erf((-c - m) / ell))
    exact = sigma**2 / (2 * c) * np.exp(-(r**2) / (4 * ell**2)) * window
    # the midpoint rule on [-c, c] (dc = 2c / J) against the integral of f(u) = exp(-(u -
    # m)^2 / l^2): Euler-Maclaurin's leading term dc^2 / 24 |f'(c) - f'(-c)|, doubled for the
    # rest of the series (each term (dc / l)^2 = 3e-5 times the one before), and the rounding
    # of 2000 products summed and of the erf formula (tol.sum_tol)
    dc = 2 * c / 2000

    def slope(u):
        return -2 * (u - m) / ell**2 * np.exp(-(((u - m) / ell) ** 2))

    midpoint = dc**2 / 24 * np.abs(slope(c) - slope(-c))
    bound = 2 * sigma**2 / (2 * c) * np.exp(-(r**2) / (4 * ell**2)) * midpoint
    bound += tol.sum_tol(np.abs(exact), 2000 + KERNEL_OPS)
    assert np.all(np.abs(K - exact) <= bound), np.abs(K - exact).max()


def test_d2l_spread_shrinks_the_variance_like_one_over_two_log_j():
    x = torch.linspace(-1, 1, 5, dtype=F64)
    for j in (100, 1000):
        basis = gp.rbf_basis_functions(x, j, 0.3, 1.0)
        assert basis.half_width == math.log(j)  # the same call
        expected = math.sqrt(math.pi) * 0.3 / (2 * math.log(j))
        # at x = 0, the centre of [-c, c]: the limit itself up to _bump_sum_tol (tails
        # erfc(15) and a Poisson term of 1e-46 here: rounding)
        bound = _bump_sum_tol(math.log(j), 0.3, j, 0.0, expected)
        assert float(basis.kernel_matrix()[2, 2]) == pytest.approx(expected, rel=0, abs=bound)
    with pytest.raises(InputError):
        gp.rbf_basis_functions(x, 1, 0.3).limit()


def test_bump_convergence_curve_falls_with_j():
    x = torch.linspace(-3, 3, 31, dtype=F64)
    errors = weight_space.bump_kernel_error(x, [2, 10, 100, 1000], 0.5, 1.0, half_width=5.0)
    # down to the floor erfc(4) / 2 = 8e-9 (the window reaches 2 = 4 l beyond x), then flat
    assert torch.all(errors[1:] <= errors[:-1] + 1e-8) and float(errors[-1]) < 1e-6


def test_bump_functions_have_the_finite_kernel_as_covariance():
    x = torch.linspace(-2, 2, 6, dtype=F64)
    basis = gp.rbf_basis_functions(x, 30, 0.8, 1.5)
    n = 40_000
    w, f = basis.sample(n, _gen(6))
    assert w.shape == (n, 30)
    assert float(w.std()) == pytest.approx(1.5 / math.sqrt(30), rel=0.02)
    K = basis.kernel_matrix()
    assert torch.all((f.T @ f / n - K).abs() < _cov_tolerance(K, n))


# --- wide networks ------------------------------------------------------------------------


@pytest.mark.parametrize(("activation", "hidden"), [("erf", 1), ("erf", 50), ("relu", 3)])
def test_network_covariance_is_sb2_plus_sv2_k_h_for_every_width(activation, hidden):
    x = torch.tensor([-2.0, 0.0, 0.5, 3.0], dtype=F64)
    s = {"sigma_b": 0.5, "sigma_v": 1.2, "sigma0": 0.8, "sigma": 1.5}
    n = 60_000
    f = wide_networks.sample_network(x, hidden, n, activation, generator=_gen(7), **s)
    K = wide_networks.network_kernel(activation, **s)(x)
    # f is not Gaussian for small J: use the empirical standard error of each product
    prods = f[:, :, None] * f[:, None, :]
    se = prods.std(0) / math.sqrt(n)
    assert torch.all((prods.mean(0) - K).abs() < 5 * se + 1e-6), (prods.mean(0), K)


def test_erf_network_matches_a_hand_written_forward_pass():
    x = torch.linspace(-1, 1, 4, dtype=F64)
    g = _gen(8)
    f = gp.sample_erf_network(x, 7, 3, sigma_b=0.3, sigma_v=2.0, sigma0=1.1, sigma=0.9, generator=g)
    g = _gen(8)
    b = 0.3 * torch.randn(3, generator=g, dtype=F64)
    u0 = 1.1 * torch.randn(3, 7, generator=g, dtype=F64)
    u1 = 0.9 * torch.randn(3, 7, 1, generator=g, dtype=F64)[..., 0]
    v = 2.0 / math.sqrt(7) * torch.randn(3, 7, generator=g, dtype=F64)
    expected = b[:, None] + (v[:, :, None] * torch.erf(u0[:, :, None] + u1[:, :, None] * x)).sum(1)
    assert f.dtype == F64
    # b + sum of J = 7 terms v_j erf(u0_j + u1_j x) in another order (tol.sum_tol), each
    # argument rounded twice (erf's slope <= 2 / sqrt(pi)) and erf once (tol.LIBM_ULPS)
    args = (u0.abs()[:, :, None] + (u1[:, :, None] * x).abs()) * 2 / math.sqrt(math.pi)
    terms = v.abs()[:, :, None] * (torch.erf(u0[:, :, None] + u1[:, :, None] * x).abs() + args)
    bound = tol.sum_tol(float((b.abs()[:, None] + terms.sum(1)).max()), 7 + 2 + tol.LIBM_ULPS)
    torch.testing.assert_close(f, expected, rtol=0, atol=bound)


def test_wide_networks_become_gaussian_and_narrow_ones_are_not():
    s = {"sigma_b": 0.0, "sigma_v": 1.0, "sigma0": 1.0, "sigma": 2.0}
    narrow = wide_networks.sample_network_at(1.0, 1, 20_000, "erf", generator=_gen(9), **s)
    wide = wide_networks.sample_network_at(1.0, 2000, 20_000, "erf", generator=_gen(9), **s)
    # excess kurtosis: SE ~ sqrt(24 / n) = 0.035 for a normal
    assert sample_stats.excess_kurtosis(narrow) > 0.5
    assert abs(sample_stats.excess_kurtosis(wide)) < 5 * math.sqrt(24 / 20_000)
    variance = float(gp.network_kernel("erf", **s).diag(torch.tensor([1.0]))[0])
    assert float(wide.double().var()) == pytest.approx(variance, rel=5 * math.sqrt(2 / 20_000))


def test_network_kernel_and_bad_activation():
    k = gp.network_kernel("relu", 0.5, 2.0, 1.0, 1.0)
    x = torch.linspace(-1, 1, 3, dtype=F64)
    # sb^2 + sv^2 k_h with the same k_h: 2 roundings
    expected = 0.25 + 4 * ArcCosine(1.0, 1.0)(x)
    torch.testing.assert_close(
        k(x), expected, rtol=0, atol=tol.rounding_tol(float(expected.max()), 2)
    )
    with pytest.raises(InputError):
        gp.network_kernel("tanh")
    with pytest.raises(InputError):
        gp.sample_erf_network(x, 0, 3)


# --- products of GPs and the statistics the page prints -------------------------------------


def test_product_of_two_gps_has_covariance_k1_k2_and_excess_kurtosis_6():
    k1, k2 = RBF(1.0, 1.0), Periodic(1.5, 1.0, 2.0)
    x = torch.tensor([0.3], dtype=F64)
    n = 400_000
    u = gp.sample_product_of_gps(k1, k2, x, n, _gen(10))[:, 0]
    assert float(u.var()) == pytest.approx(float((k1 * k2)(x)[0, 0]), rel=0.02)
    # E[u^4] / E[u^2]^2 - 3 = 9 - 3 = 6; its SE at 4e5 draws is about 0.2
    assert sample_stats.excess_kurtosis(u) == pytest.approx(6.0, abs=1.0)
    normal = gp.sample_prior(k1, x, n, _gen(11))[:, 0]
    assert abs(sample_stats.excess_kurtosis(normal)) < 5 * math.sqrt(24 / n)


def test_density_histogram_and_normal_pdf():
    values = torch.randn(100_000, generator=_gen(12), dtype=F64)
    edges, density = sample_stats.density_histogram(values, 40, -4, 4)
    # the bars integrate to the share of the draws inside [-4, 4], 1 - 2 Phi(-4) = 1 - 6e-5:
    # 5 binomial standard errors, plus the rounding of 40 bars summed
    outside = 2 * stats.norm.cdf(-4)
    se = math.sqrt(outside * (1 - outside) / 100_000)
    assert edges.shape == (41,)
    assert float((density * 0.2).sum()) == pytest.approx(
        1 - outside, rel=0, abs=5 * se + tol.sum_tol(1, 40 + 3)
    )
    grid = torch.linspace(-3, 3, 7, dtype=F64)
    # exp(-x^2 / 2 s^2) / (s sqrt(2 pi)) written two ways (ours, scipy's); torch's Normal(0.0,
    # 2.0) holds loc and scale as float32 tensors, so its log(scale) and log(sqrt(2 pi)) are
    # float32 numbers: relative error up to eps32 (log 2 + log sqrt(2 pi)), 2e-9 here
    pdf_tol = tol.formula_tol(
        lambda g: sample_stats.normal_pdf(g, 2.0), grid, ops=tol.LIBM_ULPS + 8
    )
    rel = tol.float32_tol(math.log(2.0) + 0.5 * math.log(2 * math.pi), 2)
    np.testing.assert_allclose(
        sample_stats.normal_pdf(grid, 2.0).numpy(),
        stats.norm(0, 2).pdf(grid),
        rtol=rel,
        atol=pdf_tol,
    )
    with pytest.raises(InputError):
        sample_stats.excess_kurtosis(torch.ones(10))


def test_grid_2d_is_row_major_in_x2():
    x = gp.grid_2d(-1, 1, 3)
    assert x.shape == (9, 2)
    assert x[:3, 1].eq(-1).all() and torch.equal(
        x[:3, 0], torch.tensor([-1.0, 0.0, 1.0], dtype=F64)
    )


# --- the page's views -------------------------------------------------------------------------


def test_views_use_the_seeds_they_document():
    kernel = RBF(1.0, 0.7)
    view = gp_prior_views.prior_view(kernel, 3, 50, 5)
    x = torch.linspace(-5, 5, 50, dtype=F64)
    # the views call gp.sample_prior as written here: identical computations (bit for bit;
    # the default tolerances below are slack)
    torch.testing.assert_close(view.f, gp.sample_prior(RBF(1.0, 0.7), x, 3, _gen(5)))
    both = gp_prior_views.same_noise_view((kernel, kernel), 2, 4)
    torch.testing.assert_close(both[0].f, both[1].f)
    summed = gp_prior_views.sum_view(kernel, kernel, 2, 4)
    gen = _gen(4)
    f = gp.sample_prior(RBF(1.0, 0.7), summed.x, 2, gen)
    g = gp.sample_prior(RBF(1.0, 0.7), summed.x, 2, gen)
    torch.testing.assert_close(summed.built, f + 2 * g)
    grid = gp_prior_views.grid_view(Matern32(), 20, 0)
    assert grid.f.shape == (20, 20)


def test_too_many_network_weights_raise_input_error():
    with pytest.raises(InputError):
        gp.sample_erf_network(torch.zeros(3), 10_000, 10_000)


@pytest.mark.parametrize("activation", ["erf", "relu"])
def test_network_at_a_point_with_two_coordinates_has_variance_k_x0_x0(activation):
    """E[f(x0)^2] = sb^2 + sv^2 E[h(u.x~0)^2] = k(x0, x0) for every width J, with the
    pre-activation's variance s0^2 + s^2 |x0|^2 using every coordinate of x0 (issue 17: only
    the first was used, giving E[f^2] = 2 for relu where k = 4). Tolerance: 5 standard errors
    of the mean of f^2, from the samples."""
    x0 = [1.0, 2.0]
    s = {"sigma_b": 1.0, "sigma_v": 1.0, "sigma0": 1.0, "sigma": 1.0}
    n = 100_000
    f = wide_networks.sample_network_at(x0, 20, n, activation, generator=_gen(17), **s)
    squares = f.double() ** 2
    k00 = float(wide_networks.network_kernel(activation, **s)(torch.tensor([x0], dtype=F64)))
    se = float(squares.std()) / math.sqrt(n)
    assert abs(float(squares.mean()) - k00) < 5 * se
    one_coordinate = float(wide_networks.network_kernel(activation, **s)(torch.tensor([[1.0]])))
    assert abs(k00 - one_coordinate) > 20 * se  # the test tells the two apart


def test_network_at_a_point_reads_one_point_in_any_of_its_shapes():
    s = {"sigma_b": 0.5, "sigma_v": 1.5, "sigma0": 1.0, "sigma": 0.7}
    flat = wide_networks.sample_network_at([1.0, 2.0], 5, 10, "relu", generator=_gen(3), **s)
    row = wide_networks.sample_network_at([[1.0, 2.0]], 5, 10, "relu", generator=_gen(3), **s)
    torch.testing.assert_close(flat, row, rtol=0, atol=0)
    number = wide_networks.sample_network_at(2.0, 5, 10, "relu", generator=_gen(3), **s)
    column = wide_networks.sample_network_at([[2.0]], 5, 10, "relu", generator=_gen(3), **s)
    torch.testing.assert_close(number, column, rtol=0, atol=0)
    with pytest.raises(InputError) as error:
        wide_networks.sample_network_at([[1.0, 2.0], [3.0, 4.0]], 5, 10, generator=_gen(3))
    assert error.value.code == "gp_point_shape" and "(2, 2)" in str(error.value)


def test_mean_weights_beyond_the_scale_range_are_refused_with_the_range():
    top = weight_space.MAX_MEAN_WEIGHT
    assert weight_space.parse_weights(f"{top:g}, {-top:g}", 2) == [top, -top]
    for text in ("1e40", "-1e7", "inf", "nan"):
        with pytest.raises(InputError) as info:
            weight_space.parse_weights(text, 2)
        assert info.value.code == "gp_weight_range"
        assert info.value.params["high"] == top
    features = weight_space.PolynomialFeatures(1)
    with pytest.raises(InputError):
        weight_space.basis_prior(features, torch.zeros(3, dtype=F64), [1e40, 0.0])
    # at the largest allowed u the functions stay finite in float32, the plotting edge's dtype
    x = torch.linspace(*gp_prior_views.X_BASIS, 50, dtype=F64)
    mean, _ = weight_space.basis_prior(weight_space.PolynomialFeatures(6), x, [top] * 7)
    assert torch.isfinite(mean.float()).all()
