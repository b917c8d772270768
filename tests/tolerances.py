"""How far apart two floating-point computations of the same number may honestly be.

Tests that compare two programs computing one quantity along different floating-point paths
(another formula, summation order, BLAS/LAPACK blocking, SIMD width, thread count) allow
for rounding and for no more: each function below gives the bound for one kind of
computation from the dtype's epsilon and the computation's own amplification of rounding
errors, and names where the bound comes from. Nothing here is fitted to one machine.

Notation: eps = torch.finfo(dtype).eps = 2u (u the unit roundoff); Higham = N. J. Higham,
"Accuracy and Stability of Numerical Algorithms", 2nd ed., SIAM 2002. Its constant
gamma_k = k u / (1 - k u) is taken as k eps (a factor 2 to spare), and the difference of two
paths, each within a bound of the exact value, as twice that bound.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import torch

EPS64 = torch.finfo(torch.float64).eps  # 2.2e-16
EPS32 = torch.finfo(torch.float32).eps  # 1.2e-7
# exp, log, sin, erf, ... in the libms torch and numpy call (glibc, SLEEF's u10/u35 vector
# functions, MKL VML) are correct to within 3.5 ulp: one such call counts as 4 roundings.
LIBM_ULPS = 4
# Standard deviations allowed by `sensitivity_tol`: under its model a difference this large
# has probability below 2 exp(-LAMBDA^2 / 2) = 3e-8 (Hoeffding's inequality).
LAMBDA = 6.0


def rounding_tol(magnitude: float, ops: int, eps: float = EPS64) -> float:
    """``ops * eps * magnitude``: two evaluations of one well-conditioned formula.

    Each of the ``ops`` roundings along the longer path (a libm function counts as
    LIBM_ULPS) is at most u relative, so each result is within gamma_ops of the exact value
    when no cancellation amplifies them (Higham, Lemma 3.1); two results differ by at most
    2 gamma_ops <= ops * eps times ``magnitude``, a bound on the compared values' size.
    """
    return ops * eps * magnitude


def float32_tol(magnitude: float, ops: int) -> float:
    """`rounding_tol` in float32."""
    return rounding_tol(magnitude, ops, EPS32)


def float32_distribution_tol(dist, value_of, *points, ops: int = 4 * LIBM_ULPS) -> float:
    """A torch distribution's ``value_of(dist, *points)`` (a moment, pdf, cdf) in float32 from
    parameters rounded to float32, against scipy or a closed form in float64 from the exact
    ones: `formula_tol` in float32, the parameters and points moved by ``ops`` eps32 each and
    amplified by the formula (measured on a float64 copy), plus ``ops`` roundings of the value.
    ops: up to four libm calls (lgamma, digamma, log, exp)."""
    names = list(dist.arg_constraints)
    params = [getattr(dist, name).double() for name in names]

    def value(*inputs):
        at = dict(zip(names, inputs[: len(names)], strict=True))
        return torch.as_tensor(value_of(type(dist)(**at), *inputs[len(names) :]))

    inputs = [*params, *(torch.as_tensor(p, dtype=torch.float64) for p in points)]
    return formula_tol(value, *inputs, ops=ops, eps=EPS32)


def sum_tol(abs_sum: float, terms: int, eps: float = EPS64) -> float:
    """``terms * eps * abs_sum``: a sum, dot or matrix product in any order.

    |fl(sum x_i) - sum x_i| <= gamma_{n-1} sum |x_i| for every order of the additions
    (pairwise, blocked, SIMD lanes, threads; Higham §4.2), and |fl(a.b) - a.b| <=
    gamma_n |a|.|b| for a dot product (Higham §3.1): ``abs_sum`` is sum |x_i| or |a|.|b|.
    """
    return terms * eps * abs_sum


def spd_solve_tol(A: torch.Tensor, x: torch.Tensor, eps: float = EPS64) -> float:
    """``6 n eps cond2(A) ||x||_2``: ``x = A^-1 b`` by Cholesky along two paths.

    Each path solves ``(A + dA) x^ = b`` with ``|dA| <= gamma_{3n+1} |R^T||R|`` (Higham,
    Thm 10.4), ``||dA||_2 <= 3n eps ||A||_2`` for a positive definite A; the forward error
    is then ``||x^ - x|| <= cond2(A) ||dA|| / ||A|| ||x||`` to first order (Higham, Thm 7.2);
    twice that for two paths. The same bound covers a kernel matrix written as two formulas
    (``|dK| <= few eps |K|``). cond2 from the eigenvalues in float64.
    """
    A = A.detach().to(torch.float64)
    eigenvalues = torch.linalg.eigvalsh(A)
    cond = float(eigenvalues[-1] / eigenvalues[0])
    return 6 * A.shape[0] * eps * cond * float(x.detach().double().norm())


def central_difference_tol(h: float, f_scale: float, d3_scale: float, eps: float = EPS64) -> float:
    """``h^2 / 6 |f'''| + 2 eps |f| / h``: a central difference ``(f(x+h) - f(x-h)) / 2h``
    against the exact derivative.

    Taylor's remainder gives the truncation ``h^2/6 max|f'''|``; each value f(x +- h) rounds
    by ``eps |f|`` (more if f is itself computed: pass its error in ``f_scale * eps``), and
    the division by 2h turns those into ``eps |f| / h``.
    """
    return h**2 / 6 * d3_scale + 2 * eps * f_scale / h


def perturb(M: torch.Tensor, scale: torch.Tensor | float, gen: torch.Generator) -> torch.Tensor:
    """``M + scale * xi``, xi = +-1 at random (symmetric when M is square and symmetric)."""
    xi = 2.0 * torch.randint(0, 2, M.shape, generator=gen, dtype=M.dtype) - 1
    if M.ndim == 2 and M.shape[0] == M.shape[1] and torch.equal(M, M.mT):
        xi = xi.triu() + xi.triu(1).mT
    return M + scale * xi


def sensitivity_tol(
    compute: Callable[[Callable], Any], draws: int = 16, seed: int = 0, grad: bool = False
) -> Any:
    """``LAMBDA * max_k RMS |dy_k|``: the change of ``y = compute(jiggle)`` when every input
    the two paths may round differently is jiggled by its rounding error at random. ``y`` is
    a tensor (the result a float) or a dict of them (a dict of floats, from the same draws);
    outputs that are not finite (nan where both sides give nan) are left out.

    ``compute(jiggle)`` recomputes the compared output, passing each input matrix M through
    ``jiggle(M, scale)`` with ``scale`` the per-entry size of the difference the two paths
    can make in M (a formula's rounding, a backward error: `cholesky_rounding`); jiggle
    returns ``M + scale * xi`` with random signs xi (`perturb`), the same draw for all inputs.

    Why not a normwise bound: for a near-singular matrix (a GP prior on a fine grid, a
    noise-free posterior) cond(A) is 1e10-1e14, and ``n eps cond(A) ||L|| |z|`` exceeds the
    samples themselves, 1e4-1e6 times what real BLAS libraries differ by: the worst direction
    of perturbation is amplified by cond(A) (Sun, BIT 31 (1991), for the Cholesky factor),
    and rounding errors do not point in it. Treated as independent, zero-mean and bounded
    (the model of Higham & Mary, "A new approach to probabilistic rounding error analysis",
    SIAM J. Sci. Comput. 41 (2019)), the first-order difference
    ``dy_k = sum_ij g_ij e_ij xi_ij`` has variance <= sum (g_ij e_ij)^2, which random +-1
    draws measure (small-sample statistical condition estimation: Kenney & Laub, SIAM J.
    Sci. Comput. 15 (1994)); Hoeffding's inequality bounds it by LAMBDA times that.
    ``draws`` = 16 estimates the RMS within a factor 0.6 with probability 0.99; the maximum
    over outputs steadies it further. Seeded: the same tolerance on every run. ``grad``: let
    compute use autograd (a fit).
    """
    with torch.set_grad_enabled(grad):
        base = compute(lambda M, scale: M)
        single = not isinstance(base, dict)
        base = {
            k: torch.as_tensor(v, dtype=torch.float64).detach()
            for k, v in _named(base, single).items()
        }
        squares = {k: torch.zeros_like(v) for k, v in base.items()}
        gen = torch.Generator().manual_seed(seed)
        for _ in range(draws):
            y = _named(compute(lambda M, scale: perturb(M, scale, gen)), single)
            for k, v in y.items():
                change = torch.as_tensor(v, dtype=torch.float64).detach() - base[k]
                # where the output is nan or inf, it is so on both sides: left out
                squares[k] += change.where(base[k].isfinite(), 0.0) ** 2
    tols = {k: LAMBDA * float((v / draws).sqrt().max()) for k, v in squares.items()}
    return tols["y"] if single else tols


def _named(y: Any, single: bool) -> dict:
    return {"y": y} if single else y


def formula_tol(
    f: Callable[..., torch.Tensor], *inputs: torch.Tensor, ops: int, eps: float = EPS64
) -> float:
    """Tolerance on ``f(*inputs)`` written as two formulas equal in exact arithmetic (another
    order of operations, another libm or SIMD width): `sensitivity_tol` with every input
    jiggled by ``ops eps |x|``, plus `rounding_tol` ``(max |f|, ops)``; eps of the dtype
    the formulas run in (the inputs keep theirs).

    A short formula evaluated in floating point is the exact formula at inputs moved by a
    few eps each, then rounded a few times (backward error analysis, Higham §1.5): ``ops``
    counts the roundings along the longer path (LIBM_ULPS per libm call, n per n-term sum).
    The jiggle measures how much f amplifies such moves: a kernel's derivative in r, an
    arcsine near 1, a cancellation.
    """
    inputs = tuple(x.detach() for x in inputs)
    values = f(*inputs).detach().double()
    magnitude = float(values[values.isfinite()].abs().max()) if values.isfinite().any() else 0.0

    def jiggled(jiggle):
        return f(*(jiggle(x, ops * eps * x.abs()) for x in inputs))

    return sensitivity_tol(jiggled) + rounding_tol(magnitude, ops, eps)


def gaussian_lml_tol(A: torch.Tensor, y: torch.Tensor, entry_error=0.0) -> float:
    """First-order bound on the difference of ``log N(y; 0, A)`` computed by two paths
    (Cholesky, a solve, the log-diagonal) when A's entries may also differ by
    ``entry_error`` (a scalar or a matrix: two formulas for the kernel, `formula_tol`).

    ``d(y^T A^-1 y) = -alpha^T dA alpha`` and ``d log|A| = tr(A^-1 dA)`` exactly to first order,
    so ``|d lml| <= 1/2 |alpha|^T E |alpha| + 1/2 sum_ij |A^-1|_ij E_ij`` for ``|dA| <= E``
    componentwise, with ``E = (3n + 1) eps |L||L^T| + entry_error``: the backward error of
    the Cholesky solve on both paths (2 gamma_{3n+1}, Higham, Thm 10.4). The sums' own
    rounding, ``n eps (|y|^T |alpha| + sum |log L_ii|)``, is added.
    """
    A, y = A.detach().double(), y.detach().double()
    n = A.shape[0]
    L = torch.linalg.cholesky(A)
    alpha = torch.cholesky_solve(y[:, None], L)[:, 0]
    E = (3 * n + 1) * EPS64 * (L.abs() @ L.abs().mT) + entry_error
    inverse = torch.cholesky_inverse(L).abs()
    first_order = 0.5 * alpha.abs() @ E @ alpha.abs() + 0.5 * (inverse * E).sum()
    sums = y.abs() @ alpha.abs() + L.diagonal().log().abs().sum()
    return float(first_order) + sum_tol(float(sums), n)


def cholesky_rounding(A: torch.Tensor, eps: float = EPS64) -> torch.Tensor:
    """Per-entry scale of the difference two Cholesky factorisations of A (and two ways of
    writing its formula) make: ``sqrt(n) eps (|A| + |L||L^T|)``.

    Cholesky is backward stable, ``L^ L^T = A + dA`` with ``|dA| <= gamma_{n+1}|L||L^T|``
    (Higham, Thm 10.3); each entry of dA sums up to n roundings, which grow like sqrt(n)
    rather than n with overwhelming probability (Higham & Mary 2019). ``eps |A|``
    covers a kernel formula evaluated in another order (a few roundings, and |L||L^T| >= |A|).
    """
    L = torch.linalg.cholesky(A)
    return math.sqrt(A.shape[0]) * eps * (A.abs() + L.abs() @ L.abs().mT)


def cholesky_first_order(L: torch.Tensor, dA: torch.Tensor) -> torch.Tensor:
    """The Cholesky factor of ``L L^T + dA`` to first order: ``L + L Phi(L^-1 dA L^-T)``, Phi
    keeping the lower triangle and half the diagonal (Sun, BIT 31 (1991)). Defined for any
    symmetric dA, even one that would make a near-singular matrix indefinite."""
    X = torch.linalg.solve_triangular(L, dA, upper=False)
    X = torch.linalg.solve_triangular(L, X.mT, upper=False)
    return L + L @ (X.tril(-1) + 0.5 * torch.diag_embed(X.diagonal(dim1=-2, dim2=-1)))


def cholesky_sample_tol(K: torch.Tensor, jitter: float, z: torch.Tensor) -> float:
    """Tolerance on ``f = z @ L.T``, ``L L^T = K + jitter I``, drawn by two paths from the same
    standard normals z: `sensitivity_tol` with the matrix jiggled by `cholesky_rounding` (to
    first order, `cholesky_first_order`), and the product's own rounding ``n eps |z| |L|^T``
    (`sum_tol`; well conditioned) added.

    The normwise bound ``n eps cond(K + jitter I) ||L|| max|z|`` is 0.1-30 for the page's
    samples of size 3-10 (cond 1e11-1e14): no test at all. This one is 1e-13 to 5e-4 of
    their size, 40-500 times the spread measured across MKL code paths (MKL_CBWR), ATen
    kernels (ATEN_CPU_CAPABILITY) and 1 or 2 threads, and still fails on a wrong seed, a
    transposed factor or a jitter 1% off.
    """
    A = K.detach().double() + jitter * torch.eye(K.shape[0], dtype=torch.float64)
    L, scale, z = torch.linalg.cholesky(A), cholesky_rounding(A), z.double()

    def sample(jiggle):
        return z @ cholesky_first_order(L, jiggle(A, scale) - A).mT

    product = float((z.abs() @ L.abs().mT).max())
    return sensitivity_tol(sample) + sum_tol(product, A.shape[0])
