"""core.kernels against closed forms written out independently in numpy, Monte Carlo
expectations over random network weights, and the algebra of covariance matrices."""

import math

import numpy as np
import pytest
import torch
from scipy.special import erf

from core.errors import InputError
from core.kernels import (
    KERNELS,
    PARAMETERS,
    RBF,
    ArcCosine,
    Constant,
    Linear,
    Matern32,
    Matern52,
    Modulated,
    NeuralNetwork,
    OrnsteinUhlenbeck,
    Periodic,
    RationalQuadratic,
    make_kernel,
)
from tests import tolerances as tol

X1 = np.linspace(-4.0, 3.0, 23)
X2 = np.array([-2.5, -0.3, 0.0, 0.7, 1.9, 4.2])
P2 = np.array([[0.0, 0.0], [1.0, -0.5], [-2.0, 0.3], [0.4, 2.2]])  # 2D inputs


def _r(a, b):
    a, b = np.atleast_2d(a.T).T, np.atleast_2d(b.T).T
    return np.sqrt(((a[:, None, :] - b[None, :, :]) ** 2).sum(-1))


def _gram(a, b, s0, s):
    """x~' S x~' with x~ = (1, x), S = diag(s0^2, s^2 I)."""
    a, b = np.atleast_2d(a.T).T, np.atleast_2d(b.T).T
    return s0**2 + s**2 * a @ b.T


CLOSED_FORMS = [
    (RBF(1.3, 0.7), lambda r: 1.3**2 * np.exp(-(r**2) / (2 * 0.7**2))),
    (OrnsteinUhlenbeck(0.8, 1.5), lambda r: 0.8**2 * np.exp(-r / 1.5)),
    (
        Matern32(1.1, 0.9),
        lambda r: 1.1**2 * (1 + np.sqrt(3) * r / 0.9) * np.exp(-np.sqrt(3) * r / 0.9),
    ),
    (
        Matern52(0.6, 2.0),
        lambda r: (
            0.6**2
            * (1 + np.sqrt(5) * r / 2.0 + 5 * r**2 / (3 * 2.0**2))
            * np.exp(-np.sqrt(5) * r / 2.0)
        ),
    ),
    (
        Periodic(1.2, 0.8, 2.5),
        lambda r: 1.2**2 * np.exp(-2 * np.sin(np.pi * r / 2.5) ** 2 / 0.8**2),
    ),
    (
        RationalQuadratic(0.9, 1.4, 0.6),
        lambda r: 0.9**2 * (1 + r**2 / (2 * 0.6 * 1.4**2)) ** (-0.6),
    ),
]


# Roundings of a kernel formula: up to 3 libm calls (tol.LIBM_ULPS each) and 20 operations.
KERNEL_OPS = 3 * tol.LIBM_ULPS + 20


def test_periodic_kernel_in_two_dimensions_is_a_product_over_dimensions():
    a, b = P2, P2[::-1].copy()
    d = np.abs(a[:, None, :] - b[None, :, :])
    expected = 1.2**2 * np.exp(-2 * (np.sin(np.pi * d / 2.5) ** 2).sum(-1) / 0.8**2)
    kernel = Periodic(1.2, 0.8, 2.5)
    K = kernel(torch.tensor(a), torch.tensor(b)).numpy()
    # numpy's formula against ours (tol.formula_tol, tests/tolerances.py)
    bound = tol.formula_tol(kernel, torch.tensor(a), torch.tensor(b), ops=KERNEL_OPS)
    np.testing.assert_allclose(K, expected, rtol=0, atol=bound)
    grid = torch.cartesian_prod(*[torch.linspace(-3, 3, 15, dtype=torch.float64)] * 2)
    eig = torch.linalg.eigvalsh(Periodic(1.0, 1.0, 5.0)(grid))
    assert float(eig.min()) > -1e-9


# The periodic kernel in 2D is a product over dimensions: tested on its own above.
STATIONARY_CASES = [(k, f, X1, X2) for k, f in CLOSED_FORMS] + [
    (k, f, P2, P2[::-1].copy()) for k, f in CLOSED_FORMS if not isinstance(k, Periodic)
]


@pytest.mark.parametrize(
    ("kernel", "closed_form", "a", "b"),
    STATIONARY_CASES,
    ids=[f"{type(c[0]).__name__}-{c[2].ndim}d" for c in STATIONARY_CASES],
)
def test_stationary_kernels_match_their_closed_forms(kernel, closed_form, a, b):
    K = kernel(torch.tensor(a), torch.tensor(b))
    assert K.dtype == torch.float64 and K.shape == (len(a), len(b))
    # numpy's closed form against ours: two formulas (tol.formula_tol)
    bound = tol.formula_tol(kernel, torch.tensor(a), torch.tensor(b), ops=KERNEL_OPS)
    np.testing.assert_allclose(K.numpy(), closed_form(_r(a, b)), rtol=0, atol=bound)


def test_distances_on_a_line_are_those_of_cdist_bit_for_bit():
    # One-dimensional inputs skip cdist for |x - x'|: the matrices must not change at all.
    a = torch.tensor(np.random.default_rng(0).normal(0, 3, (200, 1)))
    r = torch.cdist(a, a, compute_mode="donot_use_mm_for_euclid_dist")
    assert torch.equal(RBF(1.3, 0.7)(a), 1.3**2 * torch.exp(-(r**2) / (2 * 0.7**2)))
    assert torch.equal(OrnsteinUhlenbeck(0.8, 2.0)(a), 0.8**2 * torch.exp(-r / 2.0))


def test_linear_kernel_is_alpha_squared_one_plus_x_x():
    K = Linear(1.7)(torch.tensor(X1), torch.tensor(X2)).numpy()
    # a^2 + a^2 x x' against a^2 (1 + x x'): 3 roundings of numbers up to a^2 (1 + |x x'|)
    size = 1.7**2 * (1 + np.abs(np.outer(X1, X2)))
    np.testing.assert_allclose(
        K, 1.7**2 * (1 + np.outer(X1, X2)), rtol=0, atol=tol.rounding_tol(size.max(), 3)
    )


def _nn_closed_form(a, b, s0, s):
    q12, q11, q22 = _gram(a, b, s0, s), _gram(a, a, s0, s), _gram(b, b, s0, s)
    d1, d2 = np.diag(q11)[:, None], np.diag(q22)[None, :]
    return 2 / np.pi * np.arcsin(2 * q12 / np.sqrt((1 + 2 * d1) * (1 + 2 * d2)))


def _arccos_closed_form(a, b, s0, s):
    q12 = _gram(a, b, s0, s)
    n1, n2 = np.sqrt(np.diag(_gram(a, a, s0, s)))[:, None], np.sqrt(np.diag(_gram(b, b, s0, s)))
    t = np.arccos(np.clip(q12 / (n1 * n2), -1, 1))
    # Cho & Saul (2009), degree 1: k1 = |x||y| J1(t) / pi, J1 = sin t + (pi - t) cos t; halved.
    return n1 * n2 * (np.sin(t) + (np.pi - t) * np.cos(t)) / np.pi / 2


@pytest.mark.parametrize(("a", "b"), [(X1, X2), (P2, P2[::-1].copy())], ids=["1d", "2d"])
def test_network_kernels_match_their_closed_forms(a, b):
    ta, tb = torch.tensor(a), torch.tensor(b)
    # numpy's closed forms against ours (tol.formula_tol: arcsin and arccos amplify near 1)
    nn, arccos = NeuralNetwork(0.7, 1.8), ArcCosine(1.2, 0.5)
    bound = tol.formula_tol(nn, ta, tb, ops=KERNEL_OPS)
    np.testing.assert_allclose(
        nn(ta, tb).numpy(), _nn_closed_form(a, b, 0.7, 1.8), rtol=0, atol=bound
    )
    bound = tol.formula_tol(arccos, ta, tb, ops=KERNEL_OPS)
    np.testing.assert_allclose(
        arccos(ta, tb).numpy(), _arccos_closed_form(a, b, 1.2, 0.5), rtol=0, atol=bound
    )


def _monte_carlo(h, pairs, s0, s, n=1_000_000, seed=0):
    """E[h(u.x~) h(u.x~')] over u ~ N(0, diag(s0^2, s^2)), with its standard error."""
    rng = np.random.default_rng(seed)
    u0, u1 = s0 * rng.standard_normal(n), s * rng.standard_normal(n)
    means, ses = [], []
    for x, y in pairs:
        prod = h(u0 + u1 * x) * h(u0 + u1 * y)
        means.append(prod.mean())
        ses.append(prod.std() / math.sqrt(n))
    return np.array(means), np.array(ses)


PAIRS = [(0.0, 0.0), (-1.5, 2.0), (0.5, 0.6), (3.0, 3.0), (-2.0, -0.7)]


def test_nn_kernel_is_the_expectation_over_random_erf_units():
    mc, se = _monte_carlo(erf, PAIRS, 0.8, 1.6)
    k = NeuralNetwork(0.8, 1.6)
    exact = np.array([float(k(torch.tensor([x]), torch.tensor([y]))[0, 0]) for x, y in PAIRS])
    # 1e6 seeded draws: within 5 standard errors
    assert np.all(np.abs(mc - exact) < 5 * se), (mc, exact, se)


def test_arccosine_kernel_is_the_expectation_over_random_relu_units():
    relu = lambda z: np.maximum(z, 0)  # noqa: E731
    mc, se = _monte_carlo(relu, PAIRS, 1.1, 0.7, seed=1)
    k = ArcCosine(1.1, 0.7)
    exact = np.array([float(k(torch.tensor([x]), torch.tensor([y]))[0, 0]) for x, y in PAIRS])
    assert np.all(np.abs(mc - exact) < 5 * se), (mc, exact, se)


def test_nn_kernel_in_two_dimensions_uses_sigma_squared_identity():
    rng = np.random.default_rng(2)
    n = 1_000_000
    u = rng.standard_normal((n, 3)) * np.array([0.5, 1.3, 1.3])
    x, y = np.array([1.0, 0.4, -0.8]), np.array([1.0, -1.1, 0.2])  # with the leading 1
    prod = erf(u @ x) * erf(u @ y)
    exact = float(NeuralNetwork(0.5, 1.3)(x[None, 1:], y[None, 1:])[0, 0])
    assert abs(prod.mean() - exact) < 5 * prod.std() / math.sqrt(n)


def _all_kernels():
    return [KERNELS[name]() for name in KERNELS]


@pytest.mark.parametrize("kernel", _all_kernels(), ids=list(KERNELS))
def test_every_kernel_gives_a_symmetric_psd_matrix_and_its_diagonal(kernel):
    x = torch.linspace(-3, 3, 40, dtype=torch.float64)
    K = kernel(x)
    assert torch.equal(K, K.T)
    eig = torch.linalg.eigvalsh(K)
    assert float(eig.min()) > -1e-9 * float(eig.max())
    # diag evaluates k(x, x) by its own path (r = 0, or q(x, x) once): tol.formula_tol
    bound = tol.formula_tol(kernel.diag, x, ops=KERNEL_OPS)
    torch.testing.assert_close(kernel.diag(x), K.diagonal(), rtol=0, atol=bound)


def test_sums_products_and_scalings_are_exactly_those_of_the_matrices():
    x, y = torch.tensor(X1), torch.tensor(X2)
    k1, k2 = RBF(1.2, 0.5), Periodic(0.7, 1.1, 2.0)
    assert torch.equal((k1 + k2)(x, y), k1(x, y) + k2(x, y))
    assert torch.equal((k1 * k2)(x, y), k1(x, y) * k2(x, y))
    assert torch.equal((3.0 * k1)(x, y), 3.0 * k1(x, y))
    assert torch.equal((k1 * 3.0)(x, y), 3.0 * k1(x, y))
    assert torch.equal((k1 + 0.5)(x, y), k1(x, y) + 0.5)
    assert sum([k1, k2]) is not None and torch.equal(sum([k1, k2])(x, y), (k1 + k2)(x, y))
    nested = (k1 + k2) * Linear(0.3) + 2 * k2
    expected = (k1(x, y) + k2(x, y)) * Linear(0.3)(x, y) + 2 * k2(x, y)
    assert torch.equal(nested(x, y), expected)
    bound = tol.formula_tol(nested.diag, x, ops=3 * KERNEL_OPS)  # three kernels' formulas
    torch.testing.assert_close(nested.diag(x), nested(x).diagonal(), rtol=0, atol=bound)


def test_modulated_kernel_is_a_of_x_a_of_x_prime_k():
    x, y = torch.tensor(X1), torch.tensor(X2)
    k = Matern52(1.0, 0.8)
    expected = (x**2)[:, None] * (y**2)[None, :] * k(x, y)
    # the same three factors multiplied in another order: 3 roundings, relative
    torch.testing.assert_close(Modulated(k, 2)(x, y), expected, rtol=tol.rounding_tol(1, 3), atol=0)
    with pytest.raises(InputError):
        Modulated(k, 2)(torch.tensor(P2))


def test_constant_is_a_constant_matrix():
    assert torch.equal(
        Constant(0.25)(torch.tensor(X1), torch.tensor(X2)),
        torch.full((23, 6), 0.25, dtype=torch.float64),
    )


def test_inputs_of_any_accepted_shape():
    k = RBF()
    assert k(0.5).shape == (1, 1)
    assert k([0.0, 1.0, 2.0]).shape == (3, 3)
    assert k(np.zeros((4, 2)), np.ones((5, 2))).shape == (4, 5)
    for bad in (np.zeros((2, 2, 2)),):
        with pytest.raises(InputError):
            k(bad)
    with pytest.raises(InputError):
        k(np.zeros((3, 2)), np.zeros((3, 1)))
    with pytest.raises(InputError):
        k([0.0, float("nan")])


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf"), "abc", None])
@pytest.mark.parametrize("name", list(KERNELS))
def test_invalid_parameters_raise_input_error(name, bad):
    for param in PARAMETERS[name]:
        with pytest.raises(InputError):
            make_kernel(name, **{param: bad})


def test_defaults_are_one_and_scales_must_be_positive():
    assert RBF().amplitude == RBF().lengthscale == 1.0
    assert Periodic().period == 1.0 and RationalQuadratic().alpha == 1.0
    assert NeuralNetwork().sigma0 == NeuralNetwork().sigma == Linear().alpha == 1.0
    with pytest.raises(InputError):
        -1.0 * RBF()
    with pytest.raises(InputError):
        make_kernel("Gaussian")


def test_repr_reads_like_the_formula():
    assert repr(RBF(1.0, 0.5)) == "1**2 * RBF(lengthscale=0.5)"
    assert repr(Periodic(2.0, 1.0, 3.0)) == "2**2 * Periodic(lengthscale=1, period=3)"
    assert repr(RBF() + Linear(0.5)) == "1**2 * RBF(lengthscale=1) + Linear(alpha=0.5)"
    assert repr(4 * (RBF() + Constant(1))) == "4 * (1**2 * RBF(lengthscale=1) + Constant(1))"
    assert repr(NeuralNetwork(0.5, 2)) == "NeuralNetwork(sigma0=0.5, sigma=2)"
