"""The code panels of the GP-priors page run on their own and reproduce core's numbers."""

import math

import pytest
import torch

from core import gp
from core import gp_prior_views as views
from core.kernels import (
    KERNELS,
    PARAMETERS,
    RBF,
    Matern52,
    OrnsteinUhlenbeck,
    Periodic,
    make_kernel,
)
from tests import tolerances as tol
from ui.snippets import gp as snippets

PARAMS = {"amplitude": 1.3, "lengthscale": 0.7, "period": 2.5, "alpha": 0.8, "sigma0": 1.1}
PARAMS["sigma"] = 1.7
F64 = torch.float64
# Roundings in any of the page's kernel formulas: at most 3 libm calls (tol.LIBM_ULPS each)
# and 20 arithmetic operations (ArcCosine, the longest).
KERNEL_OPS = 3 * tol.LIBM_ULPS + 20


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # only our own generated programs
    return namespace


def _params(name: str) -> dict[str, float]:
    return {p: PARAMS[p] for p in PARAMETERS[name]}


def _close(a, b, atol):
    torch.testing.assert_close(
        torch.as_tensor(a).double(), torch.as_tensor(b).double(), rtol=0, atol=atol
    )


def _z(n_samples: int, n: int, seed: int) -> torch.Tensor:
    """The standard normals both programs draw from ``manual_seed(seed)``."""
    return torch.randn(n_samples, n, generator=torch.Generator().manual_seed(seed), dtype=F64)


def _matmul_tol(a: torch.Tensor, b: torch.Tensor) -> float:
    """``a @ b`` by two paths (even the same program: MKL may round by the operands'
    alignment): k eps max(|a||b|), k the inner dimension (tol.sum_tol)."""
    return tol.sum_tol(float((a.abs() @ b.abs()).max()), a.shape[-1])


@pytest.mark.parametrize("name", list(KERNELS))
def test_kernel_code_reproduces_samples_band_and_slice(name):
    kernel = make_kernel(name, **_params(name))
    view = views.prior_view(kernel, 4, 120, 3)
    x, x0 = view.x, torch.tensor([0.5], dtype=F64)
    ns = _run(snippets.kernel_code(kernel, 120, 4, 3, view.jitter, 0.5))
    # The snippet writes the kernel as its own formula: rounding, amplified by k's slope.
    _close(ns["K"], kernel(x), tol.formula_tol(kernel, x, ops=KERNEL_OPS))
    # The same z through a jittered Cholesky factor, whose conditioning amplifies rounding.
    _close(ns["f"], view.f, tol.cholesky_sample_tol(ns["K"], view.jitter, _z(4, 120, 3)))
    band = tol.formula_tol(lambda x: 2 * kernel.diag(x).sqrt(), x, ops=KERNEL_OPS + 2)
    _close(ns["band"], view.band[1], band)
    k_slice = views.kernel_slice(kernel, 0.5, 120).k
    _close(ns["k_slice"], k_slice, tol.formula_tol(kernel, x, x0, ops=KERNEL_OPS))


def test_linear_code_reproduces_the_lines_and_band():
    view = views.linear_view(1.5, 6, 100, 9)
    ns = _run(snippets.linear_code(1.5, 6, 100, 9))
    # w0 + w1 x by hand against core's w @ phi^T, phi = (1, x): two roundings each way
    line = tol.formula_tol(lambda w, x: w[:, :1] + w[:, 1:] * x, ns["w"], view.x, ops=2)
    _close(ns["f"], view.f, line)
    # 2 alpha sqrt(1 + x^2) against 2 sqrt(alpha^2 + alpha^2 x^2)
    band = tol.formula_tol(lambda x: 2 * 1.5 * torch.sqrt(1 + x**2), view.x, ops=8)
    _close(ns["band"], view.band[1], band)


@pytest.mark.parametrize(
    ("kind", "size_param", "u"),
    [("polynomial", 3, (0, 1, 0, 0)), ("fourier", 2, (1, 0, 0.5, 0, 0))],
)
def test_basis_code_reproduces_both_spaces(kind, size_param, u):
    view = views.basis_view(kind, size_param, 3.0, u, 0.6, 4, 80, 2)
    ns = _run(snippets.basis_code(kind, size_param, 3.0, u, 0.6, 4, 80, 2, view.jitter))
    phi = ns["phi"]
    # w @ phi^T and phi @ u: the features and the products are core's, term for term
    _close(ns["f_weights"], view.weights, _matmul_tol(ns["w"], phi.T))
    _close(ns["m"], view.mean, _matmul_tol(phi, ns["u"][:, None]))
    # K = (s^2 phi) phi^T against core's s^2 (phi phi^T): one more rounding per entry
    _, kernel = gp.basis_prior(views.features_of(kind, size_param, 3.0), view.x, u, 0.6)
    _close(ns["K"], kernel(view.x), 2 * 0.6**2 * _matmul_tol(phi, phi.T))
    # m + L z with the same z (seed + 1): a jittered Cholesky of the rank-deficient K
    sample = tol.cholesky_sample_tol(ns["K"], view.jitter, _z(4, 80, 3))
    _close(ns["f_functions"], view.f, sample + tol.rounding_tol(float(view.f.abs().max()), 1))


@pytest.mark.parametrize("spread", ["d2l", "window"])
def test_bumps_code_reproduces_the_functions_and_the_limit(spread):
    view = views.bumps_view(50, 0.5, 1.2, spread, 3, 4)
    ns = _run(snippets.bumps_code(50, 0.5, 1.2, view.half_width, views.BUMP_POINTS, 3, 4))
    centre = views.BUMP_POINTS // 2
    phi = ns["phi"]
    # sums of J = 50 products of bumps exp(-(x - c)^2 / 2 l^2), each bump within
    # ~KERNEL_OPS roundings of core's: (J + KERNEL_OPS) eps |w| |phi|^T
    f_tol = (50 + KERNEL_OPS) / 50 * _matmul_tol(ns["w"], phi.T)
    _close(ns["f"], view.f, f_tol)
    k_tol = (50 + KERNEL_OPS) / 50 * 1.2**2 / 50 * _matmul_tol(phi, phi[centre : centre + 1].T)
    _close(ns["k_J"][:, centre], view.slice, k_tol)
    x = ns["x"]
    limit = gp.rbf_basis_functions(x, 50, 0.5, 1.2, view.half_width).limit()
    limit_tol = tol.formula_tol(limit, x, x[centre : centre + 1], ops=KERNEL_OPS)
    _close(ns["k_limit"][:, centre], view.limit.slice, limit_tol)


@pytest.mark.parametrize("activation", ["erf", "relu"])
def test_network_code_reproduces_the_networks_and_the_kernel(activation):
    sigmas = {"sigma_b": 0.5, "sigma_v": 1.0, "sigma0": 1.0, "sigma": 2.0}
    frozen = tuple(sorted(sigmas.items()))
    view = views.network_view(activation, 30, 3, frozen, 5)
    ns = _run(snippets.network_code(activation, 30, 3, sigmas, views.NETWORK_POINTS, 5))
    # b + sum_j v_j h(u0_j + u1_j x), J = 30, in core's blocks and einsum order: each term
    # rounds h's argument twice and h (erf: tol.LIBM_ULPS; slope <= 2/sqrt(pi)) once
    terms = ns["v"].abs()[:, :, None] * ns["hidden"].abs()
    args = ns["v"].abs()[:, :, None] * (
        ns["u0"].abs()[:, :, None] + (ns["u1"][:, :, None] * ns["x"]).abs()
    )
    f_tol = tol.sum_tol(float(terms.sum(1).max()), 30 + 1 + tol.LIBM_ULPS)
    _close(ns["f"], view.nets, f_tol + tol.rounding_tol(float(args.sum(1).max()), 2 * 2))
    from core.wide_networks import network_kernel

    kernel = network_kernel(activation, **sigmas)
    _close(ns["K"], kernel(view.x), tol.formula_tol(kernel, view.x, ops=KERNEL_OPS + 3))


def _kernels():
    return RBF(amplitude=1.0, lengthscale=0.8), Periodic(amplitude=1.0, lengthscale=1.0, period=2.0)


@pytest.mark.parametrize("op", ["+", "*"])
def test_compose_code(op):
    s1, s2 = _kernels()
    view = views.compose_view(s1, s2, op, 3, 1)
    code = snippets.compose_code(s1, s2, op, views.PATH_POINTS, 3, 1, view.jitter)
    ns = _run(code)
    # The same z through a jittered Cholesky factor, whose conditioning amplifies rounding.
    sample = tol.cholesky_sample_tol(ns["K"], view.jitter, _z(3, views.PATH_POINTS, 1))
    _close(ns["f"], view.f, sample)


def test_sum_and_warp_code():
    s1, s2 = _kernels()
    n = views.PATH_POINTS
    view = views.sum_view(s1, s2, 3, 1)
    ns = _run(snippets.sum_code(s1, s2, n, 3, 1, view.jitters))
    # Jittered Cholesky samples, each from its z: f then g from seed 1, u_direct from seed 2.
    gen = torch.Generator().manual_seed(1)
    z_f, z_g = (torch.randn(3, n, generator=gen, dtype=F64) for _ in range(2))
    f_tol = tol.cholesky_sample_tol(ns["K1"], view.jitters[0], z_f)
    g_tol = tol.cholesky_sample_tol(ns["K2"], view.jitters[1], z_g)
    _close(ns["u"], view.built, f_tol + 2 * g_tol + tol.rounding_tol(float(ns["u"].abs().max()), 2))
    direct = tol.cholesky_sample_tol(ns["K1"] + 4 * ns["K2"], view.jitters[2], _z(3, n, 2))
    _close(ns["u_direct"], view.f, direct)
    view = views.warp_view(s1, 3, 1)
    ns = _run(snippets.warp_code(s1, n, 3, 1, view.jitters))
    x2 = float((ns["x"] ** 2).max())  # g = x^2 f scales f's difference by up to max x^2
    f_tol = tol.cholesky_sample_tol(ns["K"], view.jitters[0], _z(3, n, 1))
    _close(ns["g"], view.built, x2 * f_tol + tol.rounding_tol(float(ns["g"].abs().max()), 2))
    direct = tol.cholesky_sample_tol(ns["K_g"], view.jitters[1], _z(3, n, 2))
    _close(ns["g_direct"], view.f, direct)


def test_same_noise_code():
    s1, _ = _kernels()
    ou = OrnsteinUhlenbeck(amplitude=1.0, lengthscale=0.8)
    both = views.same_noise_view((ou, s1), 2, 6)
    code = snippets.same_noise_code((ou, s1), views.PATH_POINTS, 2, 6, [v.jitter for v in both])
    ns = _run(code)
    z = _z(2, views.PATH_POINTS, 6)  # one z for both kernels
    eye = torch.eye(views.PATH_POINTS, dtype=F64)
    for i, view in enumerate(both, start=1):
        K = ns[f"K{i}"] - view.jitter * eye  # K{i} holds the jitter already
        _close(ns[f"f{i}"], view.f, tol.cholesky_sample_tol(K, view.jitter, z))


def test_product_code_reproduces_the_draws_and_the_kurtosis():
    s1, s2 = _kernels()
    view = views.product_histogram(s1, s2, 0.7, 8)
    ns = _run(snippets.product_code(s1, s2, 0.7, views.HIST_PRODUCT, 8))
    c = ns["u"] - ns["u"].mean()
    kurtosis = float((c**4).mean() / (c**2).mean() ** 2 - 3)
    # core's formula on u = f g drawn alike (1 x 1 Cholesky factors): the moments are means
    # of n = 50 000 terms, m4 / m2^2 rounds within ~(3 n + 8) eps of (kurtosis + 3)
    bound = tol.sum_tol(abs(view.kurtosis) + 3, 3 * views.HIST_PRODUCT + 8)
    assert math.isclose(kurtosis, view.kurtosis, rel_tol=0, abs_tol=bound)


def test_grid_code():
    kernel = Matern52(amplitude=1.0, lengthscale=1.5)
    view = views.grid_view(kernel, 20, 3)
    ns = _run(snippets.grid_code(kernel, 20, 3, view.jitter))
    K = kernel(gp.grid_2d(*views.GRID_RANGE, 20))
    _close(ns["f"], view.f, tol.cholesky_sample_tol(K, view.jitter, _z(1, 400, 3)))
