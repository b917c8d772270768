"""Sampling Gaussian-process priors: f ~ GP(0, k) on a finite set of inputs (d2l.ai §18.2).

Function space: ``f(x_1..x_n) ~ N(0, K)`` with ``K_ij = k(x_i, x_j)``, drawn as ``L z`` where
``L L^T = K + jitter I`` (Cholesky, ``torch.linalg.cholesky_ex``) and ``z ~ N(0, I)``.
The jitter is the smallest of 0, 1e-10 * mean(diag K), 1e-9 * mean(diag K), ... that lets
the factorisation succeed; it is returned, never kept in module state (shared by sessions).

The weight-space views live in ``core.weight_space`` (bases) and ``core.wide_networks``
(one-hidden-layer networks) and are re-exported here.
"""

from __future__ import annotations

import torch

from core.errors import InputError
from core.kernels import DTYPE, MAX_ENTRIES, Kernel, as_inputs
from core.validate import finite, finite_tensor, int_in_range, product_at_most, scale
from core.weight_space import (
    FourierFeatures,
    PolynomialFeatures,
    basis_prior,
    rbf_basis_functions,
    sample_basis_weights,
    sample_linear_weights,
)
from core.wide_networks import network_kernel, sample_erf_network, sample_relu_network

__all__ = [
    "FourierFeatures",
    "PolynomialFeatures",
    "band",
    "basis_prior",
    "cholesky_with_jitter",
    "grid_2d",
    "network_kernel",
    "rbf_basis_functions",
    "sample_basis_weights",
    "sample_erf_network",
    "sample_linear_weights",
    "sample_prior",
    "sample_prior_with_jitter",
    "sample_product_of_gps",
    "sample_relu_network",
]

# At most MAX_POINTS inputs: their covariance matrix has MAX_POINTS^2 = `MAX_ENTRIES` entries
# (50 MB; the 50 x 50 grid of the 2D view). At most MAX_SAMPLES draws, and
# points x samples <= `MAX_ENTRIES` (the samples are one matrix).
MAX_POINTS = 2500
MAX_SAMPLES = 1_000_000
# Relative jitters tried after 0: 1e-10, 1e-9, ..., 1e-2 times the mean prior variance.
_JITTER_EXPONENTS = range(-10, -1)


def cholesky_with_jitter(K: torch.Tensor) -> tuple[torch.Tensor, float]:
    """``(L, jitter)`` with ``L L^T = K + jitter I``, jitter the smallest that works.

    Positive semi-definite but singular matrices (a Linear kernel on many points, an RBF on
    a fine grid) fail an exact Cholesky in floating point; a tiny diagonal jitter fixes that
    while changing the covariance by far less than the eye can see.
    """
    K = torch.as_tensor(K, dtype=DTYPE)
    if K.ndim != 2 or K.shape[0] != K.shape[1]:
        raise InputError(
            f"The covariance matrix must be square, got shape {tuple(K.shape)}.",
            code="gp_not_square",
            shape=str(tuple(K.shape)),
        )
    int_in_range("size of the covariance matrix", K.shape[0], 0, MAX_POINTS)
    K = finite_tensor("covariance matrix", K)
    L, info = torch.linalg.cholesky_ex(K)
    if int(info) == 0:
        return L, 0.0
    mean_var = float(K.diagonal().mean())
    scale = mean_var if mean_var > 0 else 1.0
    diagonal = K.diagonal().clone()
    K = K.clone()
    for exponent in _JITTER_EXPONENTS:
        jitter = scale * 10.0**exponent
        K.diagonal().copy_(diagonal + jitter)
        L, info = torch.linalg.cholesky_ex(K)
        if int(info) == 0:
            return L, jitter
    raise InputError(
        "The covariance matrix is not positive semi-definite: its Cholesky factorisation "
        f"fails even with a jitter of {jitter:.1e} on the diagonal.",
        code="gp_not_psd",
        jitter=jitter,
    )


def check_kernel(kernel: object) -> Kernel:
    if not isinstance(kernel, Kernel):
        raise InputError(
            f"kernel must be a Kernel object (e.g. RBF()), got {type(kernel).__name__}.",
            code="gp_not_a_kernel",
            got=type(kernel).__name__,
        )
    return kernel


def _points(x: object) -> torch.Tensor:
    x = as_inputs("x", x)
    int_in_range("number of points", x.shape[0], 1, MAX_POINTS)
    return x


def sample_prior_with_jitter(
    kernel: Kernel, x: object, n_samples: int, generator: torch.Generator | None = None
) -> tuple[torch.Tensor, float]:
    """``(samples, jitter)``: ``n_samples`` draws of ``f(x) ~ N(0, K)``, shape (n_samples, n).

    ``f = L z``, ``z ~ N(0, I)``, rows of ``z`` drawn in one call from ``generator``.
    """
    kernel = check_kernel(kernel)
    x = _points(x)
    n_samples = int_in_range("number of samples", n_samples, 1, MAX_SAMPLES)
    product_at_most({"number of points": x.shape[0], "number of samples": n_samples}, MAX_ENTRIES)
    L, jitter = cholesky_with_jitter(kernel(x))
    z = torch.randn(n_samples, x.shape[0], generator=generator, dtype=DTYPE)
    return z @ L.T, jitter


def sample_prior(
    kernel: Kernel, x: object, n_samples: int, generator: torch.Generator | None = None
) -> torch.Tensor:
    """``n_samples`` draws of ``f(x)`` for ``f ~ GP(0, kernel)``: Tensor(n_samples, n)."""
    return sample_prior_with_jitter(kernel, x, n_samples, generator)[0]


def band(kernel: Kernel, x: object, k_sigma: float = 2.0) -> tuple[torch.Tensor, torch.Tensor]:
    """``(lower, upper) = 0 -/+ k_sigma sqrt(k(x, x))``: the pointwise k-sigma band of the prior."""
    kernel = check_kernel(kernel)
    k_sigma = scale("k_sigma", k_sigma, 1e-3, 100)
    sd = torch.sqrt(kernel.diag(_points(x)).clamp_min(0.0))
    return -k_sigma * sd, k_sigma * sd


def sample_product_of_gps(
    k1: Kernel,
    k2: Kernel,
    x: object,
    n_samples: int,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """Draws of ``u = f g`` with independent ``f ~ GP(0, k1)``, ``g ~ GP(0, k2)``.

    Its covariance is ``k1 * k2``, yet ``u`` is no GP: at one point it is a product of two
    normals, with excess kurtosis 6 (d2l.ai §18.2, exercise 5; see
    ``core.sample_stats.excess_kurtosis``).
    """
    f = sample_prior(k1, x, n_samples, generator)
    g = sample_prior(k2, x, n_samples, generator)
    return f * g


def grid_2d(low: float, high: float, n: int) -> torch.Tensor:
    """The ``n x n`` grid over ``[low, high]^2`` as ``(n*n, 2)`` inputs, row-major in x2."""
    low, high = finite("low", low), finite("high", high)
    if not low < high:
        raise InputError(
            f"The grid needs low < high, got {low:g} and {high:g}.",
            code="gp_grid_range",
            low=low,
            high=high,
        )
    n = int_in_range("grid size", n, 2, int(MAX_POINTS**0.5))
    axis = torch.linspace(low, high, n, dtype=DTYPE)
    x2, x1 = torch.meshgrid(axis, axis, indexing="ij")
    return torch.stack([x1.flatten(), x2.flatten()], dim=1)
