"""Gaussian-process regression: the exact posterior, the log marginal likelihood, and its
maximisation over the hyperparameters by gradient (d2l.ai §18.3; Rasmussen & Williams 2006,
§2.2 and Algorithm 2.1).

Observations ``y = f(x) + eps`` with ``f ~ GP(0, k)`` and ``eps ~ N(0, noise)`` (``noise`` is
the variance sigma^2). With ``L L^T = K + noise I`` (Cholesky, ``core.gp.cholesky_with_jitter``)
and ``alpha = (K + noise I)^-1 y``:

    mean(x*) = K*^T alpha                      K* = k(X, x*)
    cov(x*)  = K** - V^T V,  V = L^-1 K*       K** = k(x*, x*)
    log p(y | X) = -1/2 y^T alpha  -  sum_i log L_ii  -  n/2 log(2 pi)
                   (data fit)         (complexity)       (constant)

All tensors are float64. Zero observations are valid: the posterior is then the prior and
``log p(y | X) = 0``. With ``noise = 0`` the matrix may be singular (repeated inputs, a long
lengthscale); the smallest jitter that lets the Cholesky factorisation succeed is added and
reported. Repeated inputs with different outputs and no noise are impossible data: they
raise `InputError`.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
import torch

from core.errors import InputError
from core.gp import check_kernel, cholesky_with_jitter
from core.kernels import (
    DTYPE,
    MAX_ENTRIES,
    PARAMETERS,
    Kernel,
    Modulated,
    Product,
    Scaled,
    Sum,
    as_inputs,
)
from core.validate import (
    SHOWN_ENTRIES,
    bounded,
    finite_tensor,
    first_items,
    int_in_range,
    product_at_most,
    scale,
)

__all__ = [
    "Fit",
    "LMLTerms",
    "Posterior",
    "check_fit_budget",
    "fit",
    "hyperparameters",
    "influence",
    "lml_surface",
    "lml_terms",
    "log_marginal_likelihood",
    "posterior",
    "posterior_with_jitter",
    "sample_posterior",
    "with_hyperparameters",
]

# Limits (the page: at most 100 observations, 200 test points, 50 samples, a 30 x 30
# likelihood grid, 1000 fitting steps). K is MAX_TRAIN^2 (32 MB), the test covariance
# MAX_TEST^2 = `MAX_ENTRIES` (50 MB); samples x test points <= `MAX_ENTRIES`.
MAX_TRAIN = 2000
MAX_TEST = 2500
MAX_SAMPLES = 100_000
MAX_NOISE = 1e6
MAX_STEPS = 2000
# The likelihood surface: at most MAX_SURFACE_AXIS values and noises, and values x n^2 (the
# batch of kernel matrices) and values x noises x n (the grid of terms) <= `MAX_ENTRIES`.
MAX_SURFACE_AXIS = 200
# Fitting: each step factorises K (n^3 / 3 flops, ~1 s at n = 2000 with its gradient), so
# steps x n^3 <= MAX_FIT_WORK keeps a fit under ~20 s (n = 100: 2000 steps; n = 2000: 1 step).
MAX_FIT_WORK = 10**10
# The cost budget of one fit: steps x observations. Below a few hundred observations a step
# costs its autograd overhead and O(n^2) kernel work, not the factorisation: measured once on
# one core, a sum kernel took 2.1 ms per step at n = 50 and 3.0 ms at n = 100, so the largest
# fit allowed (50 x 1000, or 100 x 500) takes 1.5-2.1 s, 4-6 default fits (d2l's 50 points,
# 200 steps: 0.37 s); 100 x 1000 took 2.9 s.
FIT_BUDGET = 50_000
LOG_2PI = math.log(2 * math.pi)
# Hyperparameters stay in [1e-5, 1e5] while fitted (the noise variance may go down to 1e-8):
# beyond, the kernel matrix under- or overflows long before the fit could mean anything.
DEFAULT_BOUNDS = (1e-5, 1e5)
NOISE_BOUNDS = (1e-8, 1e5)
NOISE = "noise"


# --- inputs -----------------------------------------------------------------------------------


def _noise(noise: object) -> float | torch.Tensor:
    """The noise variance, checked; a tensor that requires grad stays one (so that the
    posterior and the likelihood are differentiable in it)."""
    if torch.is_tensor(noise) and noise.requires_grad:
        bounded("noise variance", float(noise.detach()), 0.0, MAX_NOISE)
        return noise.to(DTYPE).reshape(())
    return bounded("noise variance", noise, 0.0, MAX_NOISE)


def _rows(name: str, x: object, high: int) -> torch.Tensor:
    """Inputs as (n, d), 0 <= n <= high; an empty list is zero points."""
    if not torch.is_tensor(x) and np.size(np.asarray(x, dtype=object)) == 0:
        return torch.zeros(0, 1, dtype=DTYPE)
    x = as_inputs(name, x)
    int_in_range(f"number of points in {name}", x.shape[0], 0, high)
    return x


def _data(x: object, y: object, name: str = "x_train") -> tuple[torch.Tensor, torch.Tensor]:
    x = _rows(name, x, MAX_TRAIN)
    y = torch.as_tensor(np.asarray(y, dtype=np.float64) if not torch.is_tensor(y) else y)
    y = finite_tensor("y", y.to(DTYPE).reshape(-1))
    if y.shape[0] != x.shape[0]:
        raise InputError(
            f"There must be one y for each x: got {x.shape[0]} inputs and {y.shape[0]} outputs.",
            code="gpp_length_mismatch",
            n_x=x.shape[0],
            n_y=y.shape[0],
        )
    return x, y


def _check_consistent(x: torch.Tensor, y: torch.Tensor, noise: float) -> None:
    """Without noise, two observations at the same input must agree."""
    if noise > 0 or x.shape[0] < 2:
        return
    _, group = torch.unique(x, dim=0, return_inverse=True)
    for g in torch.unique(group):
        values = y[group == g]
        low, high = float(values.min()), float(values.max())
        if high > low:
            at = _point(x[group == g][0])
            raise InputError(
                f"Two observations at the same x = {at} disagree (y = {low:g} and {high:g}): "
                "without noise that is impossible. Add noise or remove one of them.",
                code="gpp_contradiction",
                x=at,
                y1=f"{low:g}",
                y2=f"{high:g}",
            )


def _point(x: torch.Tensor, spec: str = "g") -> str:
    """A point's coordinates for a message: the first `SHOWN_ENTRIES` of them."""
    shown = ", ".join(f"{float(v):{spec}}" for v in x[:SHOWN_ENTRIES])
    return shown + (", …" if x.numel() > SHOWN_ENTRIES else "")


# --- the posterior ------------------------------------------------------------------------------


def _factor(kernel: Kernel, x: torch.Tensor, noise) -> tuple[torch.Tensor, float]:
    """``(L, jitter)`` with ``L L^T = K + (noise + jitter) I``."""
    K = kernel(x) + noise * torch.eye(x.shape[0], dtype=DTYPE)
    return _posterior_cholesky(K, kernel, x, noise)


def _posterior_cholesky(
    matrix: torch.Tensor, kernel: Kernel, x: torch.Tensor, noise
) -> tuple[torch.Tensor, float]:
    """`cholesky_with_jitter` of a matrix the posterior builds: ``K + noise I`` or the posterior
    covariance. For every kernel both are positive semi-definite, so a failure means rounding
    errors swamped them (inputs so close that ``K + noise I`` is numerically singular): the
    error says so, instead of calling a valid matrix invalid."""
    try:
        return cholesky_with_jitter(matrix)
    except InputError as error:
        if error.code != "gp_not_psd" or x.shape[0] < 2:
            raise
        raise _round_off_error(kernel, x, noise) from None


def _round_off_error(kernel: Kernel, x: torch.Tensor, noise) -> InputError:
    """The closest pair of inputs, the condition number of ``K + noise I`` and a noise variance
    that cures it: with noise >= 1e-8 mean(diag K), the condition number is at most
    trace / noise = n 1e8, so rounding moves the posterior by at most ~n 1e8 eps64 = n 2e-8
    of the prior variance, which the jitter absorbs."""
    noise = float(noise.detach()) if torch.is_tensor(noise) else float(noise)
    with torch.no_grad():
        K = kernel(x).detach()
        eigenvalues = torch.linalg.eigvalsh(K + noise * torch.eye(x.shape[0], dtype=DTYPE))
        distances = torch.cdist(x, x).fill_diagonal_(math.inf)
    top, bottom, eps = float(eigenvalues[-1]), float(eigenvalues[0]), torch.finfo(DTYPE).eps
    # Below eps * top the smallest eigenvalue is rounding noise itself: only a bound is known.
    cond = f"{top / bottom:.1e}" if bottom > eps * top else f"≥ {1 / eps:.1e}"
    i, j = divmod(int(distances.argmin()), x.shape[0])
    mean_variance = float(K.diagonal().mean())
    wanted = max(1e-8 * mean_variance, 100 * noise, torch.finfo(DTYPE).tiny)
    suggest = 10.0 ** math.ceil(math.log10(wanted))
    x1, x2 = (_point(x[k], ".12g") for k in (i, j))
    gap = f"{float(distances[i, j]):.2g}"
    return InputError(
        f"Rounding errors, not the data, broke the posterior: the inputs x = {x1} and x = {x2} "
        f"are only {gap} apart, so with noise variance σ² = {noise:g} the matrix K + σ²I is "
        f"numerically singular (condition number {cond}, beyond what float64's 16 digits "
        f"resolve). Remove one of the two points, or raise the noise variance to {suggest:g} "
        "or more.",
        code="gpp_round_off",
        x1=x1,
        x2=x2,
        gap=gap,
        noise=f"{noise:g}",
        cond=cond,
        suggest=f"{suggest:g}",
    )


@dataclass(frozen=True)
class Posterior:
    """The posterior of f at the test inputs, and the jitter its Cholesky factor needed."""

    mean: torch.Tensor
    cov: torch.Tensor
    jitter: float


def posterior_with_jitter(
    kernel: Kernel, x_train: object, y_train: object, noise: float, x_test: object
) -> Posterior:
    """Mean and covariance of ``f(x_test) | y`` (R&W Algorithm 2.1), with the jitter used."""
    kernel, noise = check_kernel(kernel), _noise(noise)
    x, y = _data(x_train, y_train)
    xs = _rows("x_test", x_test, MAX_TEST)
    if x.shape[0] and xs.shape[0] and x.shape[1] != xs.shape[1]:
        raise InputError(
            f"x_train and x_test must have the same number of input dimensions, got "
            f"{x.shape[1]} and {xs.shape[1]}.",
            code="gp_input_dims",
            d1=x.shape[1],
            d2=xs.shape[1],
        )
    prior_cov = kernel(xs) if xs.shape[0] else torch.zeros(0, 0, dtype=DTYPE)
    if x.shape[0] == 0:
        return Posterior(torch.zeros(xs.shape[0], dtype=DTYPE), prior_cov, 0.0)
    _check_consistent(x, y, noise)
    L, jitter = _factor(kernel, x, noise)
    k_star = kernel(x, xs)
    alpha = torch.cholesky_solve(y[:, None], L)[:, 0]
    v = torch.linalg.solve_triangular(L, k_star, upper=False)
    cov = prior_cov - v.T @ v
    return Posterior(k_star.T @ alpha, (cov + cov.T) / 2, jitter)


def posterior(
    kernel: Kernel, x_train: object, y_train: object, noise: float, x_test: object
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(mean, cov)`` of ``f(x_test)`` given ``y_train = f(x_train) + eps``, eps ~ N(0, noise).

    ``mean = K*^T (K + noise I)^-1 y``, ``cov = K** - K*^T (K + noise I)^-1 K*`` (d2l.ai
    §18.3): the covariance of the noise-free f, not of new noisy observations.
    """
    result = posterior_with_jitter(kernel, x_train, y_train, noise, x_test)
    return result.mean, result.cov


def sample_posterior(
    kernel: Kernel,
    x_train: object,
    y_train: object,
    noise: float,
    x_test: object,
    n_samples: int,
    generator: torch.Generator | None = None,
) -> tuple[torch.Tensor, float]:
    """``(samples, jitter)``: ``n_samples`` draws of ``f(x_test) | y``, shape (n_samples, m).

    ``f = mean + L_post z`` with ``L_post L_post^T = cov + jitter I``; the posterior covariance
    is nearly singular wherever the data pin f down, so a jitter is the rule, not the exception.
    """
    n_samples = int_in_range("number of samples", n_samples, 1, MAX_SAMPLES)
    m = _rows("x_test", x_test, MAX_TEST).shape[0]
    product_at_most({"number of test points": m, "number of samples": n_samples}, MAX_ENTRIES)
    result = posterior_with_jitter(kernel, x_train, y_train, noise, x_test)
    x = _rows("x_train", x_train, MAX_TRAIN)
    L, jitter = _posterior_cholesky(result.cov, kernel, x, _noise(noise))
    z = torch.randn(n_samples, result.mean.shape[0], generator=generator, dtype=DTYPE)
    return result.mean + z @ L.T, jitter


def influence(kernel: Kernel, x_train: object, noise: float, x_test: object) -> torch.Tensor:
    """The weights ``W = K*^T (K + noise I)^-1``, shape (m, n): ``mean(x*_j) = sum_i W_ji y_i``.

    Row j says how much each observation moves the posterior mean at ``x*_j`` (the
    "equivalent kernel", R&W §2.6). It does not depend on y.
    """
    kernel, noise = check_kernel(kernel), _noise(noise)
    x = _rows("x_train", x_train, MAX_TRAIN)
    xs = _rows("x_test", x_test, MAX_TEST)
    if x.shape[0] == 0:
        return torch.zeros(xs.shape[0], 0, dtype=DTYPE)
    L, _ = _factor(kernel, x, noise)
    return torch.cholesky_solve(kernel(x, xs), L).T


# --- the log marginal likelihood ---------------------------------------------------------------


@dataclass(frozen=True)
class LMLTerms:
    """``log p(y | X) = data_fit + complexity + constant`` (R&W eq. 2.30)."""

    data_fit: float  # -1/2 y^T (K + noise I)^-1 y
    complexity: float  # -1/2 log |K + noise I|
    constant: float  # -n/2 log(2 pi)
    jitter: float

    @property
    def total(self) -> float:
        return self.data_fit + self.complexity + self.constant


def _lml(kernel: Kernel, x: torch.Tensor, y: torch.Tensor, noise) -> tuple[torch.Tensor, ...]:
    """``(data_fit, complexity, constant, jitter)`` as tensors, differentiable in any tensor
    hyperparameter of the kernel and in the noise."""
    L, jitter = _factor(kernel, x, noise)
    alpha = torch.cholesky_solve(y[:, None], L)[:, 0]
    data_fit = -0.5 * (y @ alpha)
    complexity = -torch.log(L.diagonal()).sum()
    constant = torch.tensor(-0.5 * y.shape[0] * LOG_2PI, dtype=DTYPE)
    return data_fit, complexity, constant, torch.tensor(jitter, dtype=DTYPE)


def _checked_lml(kernel: Kernel, x: object, y: object, noise) -> tuple[torch.Tensor, ...]:
    kernel, noise = check_kernel(kernel), _noise(noise)
    x, y = _data(x, y, "x")
    if x.shape[0] == 0:
        return tuple(torch.zeros((), dtype=DTYPE) for _ in range(4))
    _check_consistent(x, y, noise)
    return _lml(kernel, x, y, noise)


def lml_terms(kernel: Kernel, x: object, y: object, noise: float) -> LMLTerms:
    """The three terms of ``log p(y | X)`` and the jitter the factorisation needed."""
    data_fit, complexity, constant, jitter = (float(v) for v in _checked_lml(kernel, x, y, noise))
    return LMLTerms(data_fit, complexity, constant, jitter)


def log_marginal_likelihood(kernel: Kernel, x: object, y: object, noise: float) -> torch.Tensor:
    """``log p(y | X) = log N(y; 0, K + noise I)``, a 0-dim float64 tensor (0 for no data).

    ``-1/2 y^T (K + noise I)^-1 y - 1/2 log |K + noise I| - n/2 log(2 pi)`` (d2l.ai §18.3).
    Differentiable in a noise tensor and in tensor hyperparameters set with
    `with_hyperparameters` (`fit` climbs its gradient).
    """
    data_fit, complexity, constant, _ = _checked_lml(kernel, x, y, noise)
    return data_fit + complexity + constant


def lml_surface(
    kernel: Kernel,
    x: object,
    y: object,
    param: str,
    values: Iterable[float],
    noises: Iterable[float],
) -> torch.Tensor:
    """``log p(y | X)`` for every hyperparameter ``param`` in ``values`` (rows) and noise
    variance in ``noises`` (columns), the other hyperparameters as in ``kernel``.

    One eigendecomposition ``K = U diag(lam) U^T`` per value serves every noise:
    ``log p = -1/2 sum_i (u_i^T y)^2 / (lam_i + noise) - 1/2 sum_i log(lam_i + noise)
    - n/2 log(2 pi)``; the decompositions run as one batch.
    """
    kernel = check_kernel(kernel)
    x, y = _data(x, y, "x")
    values = [scale(param, v) for v in first_items("values", values, MAX_SURFACE_AXIS)]
    noises = first_items("noises", noises, MAX_SURFACE_AXIS)
    noise = torch.tensor([_positive_noise(v) for v in noises], dtype=DTYPE)
    if not values or not noise.numel():
        raise InputError(
            "The likelihood surface needs at least one value and one noise variance.",
            code="gpp_empty_grid",
        )
    n = x.shape[0]
    product_at_most([("values", len(values)), ("n", n), ("n", n)], MAX_ENTRIES)
    product_at_most([("values", len(values)), ("noises", noise.numel()), ("n", n)], MAX_ENTRIES)
    if n == 0:
        return torch.zeros(len(values), noise.numel(), dtype=DTYPE)
    K = torch.stack([with_hyperparameters(kernel, {param: v})(x) for v in values])
    lam, U = torch.linalg.eigh(K)
    lam = lam.clamp_min(0.0)  # rounding leaves tiny negative eigenvalues of a PSD matrix
    proj2 = (U.transpose(-1, -2) @ y) ** 2
    s = lam[:, None, :] + noise[None, :, None]
    return -0.5 * (proj2[:, None, :] / s).sum(-1) - 0.5 * torch.log(s).sum(-1) - 0.5 * n * LOG_2PI


def _positive_noise(v: object) -> float:
    v = _noise(v)
    if v <= 0:
        raise InputError(
            f"The likelihood surface needs noise variances > 0, got {v:g}.",
            code="gpp_surface_noise",
            value=v,
        )
    return v


# --- hyperparameters by name --------------------------------------------------------------------

# Linear(alpha) stores alpha as both of its dot-product scales.
_TIED = {("Linear", "alpha"): ("alpha", "sigma0", "sigma")}


def _children(kernel: Kernel) -> tuple[str, ...]:
    if isinstance(kernel, Sum | Product):
        return ("k1", "k2")
    if isinstance(kernel, Scaled | Modulated):
        return ("kernel",)
    return ()


def _own(kernel: Kernel) -> tuple[str, ...]:
    if isinstance(kernel, Scaled):
        return ("scale",)
    return PARAMETERS.get(type(kernel).__name__, ())


def components(kernel: Kernel) -> list[tuple[str, Kernel]]:
    """The kernels a sum or product ``k1 + k2`` / ``k1 * k2`` is made of, each with the prefix
    of its hyperparameters' paths ("k1.", "k2."); any other kernel alone, with prefix ""."""
    if isinstance(kernel, Sum | Product):
        return [("k1.", kernel.k1), ("k2.", kernel.k2)]
    return [("", kernel)]


def hyperparameters(kernel: Kernel) -> dict[str, float]:
    """The kernel's positive hyperparameters by name, in order: ``{"amplitude": 1.0,
    "lengthscale": 0.5}``, or paths for composed kernels (``"k1.lengthscale"``,
    ``"kernel.period"`` inside ``c * k``, ``"scale"``). Constants added with ``k + c`` and the
    power of a modulated kernel are fixed, not listed."""
    kernel = check_kernel(kernel)
    found = {p: float(getattr(kernel, p)) for p in _own(kernel)}
    for child in _children(kernel):
        for name, value in hyperparameters(getattr(kernel, child)).items():
            found[f"{child}.{name}"] = value
    return found


def with_hyperparameters(kernel: Kernel, values: Mapping[str, float | torch.Tensor]) -> Kernel:
    """A copy of ``kernel`` with the named hyperparameters replaced (floats or tensors: a tensor
    that requires grad makes the kernel matrix differentiable in it). The original is left as
    it is; floats are checked like the constructors check them."""
    kernel = check_kernel(kernel)
    unknown = set(values) - set(hyperparameters(kernel))
    if unknown:
        raise InputError(
            f"Unknown hyperparameter(s) {', '.join(sorted(unknown))}; this kernel has "
            f"{', '.join(hyperparameters(kernel)) or 'none'}.",
            code="gpp_unknown_param",
            names=", ".join(sorted(unknown)),
            options=", ".join(hyperparameters(kernel)) or "-",
        )
    return _replaced(kernel, values, "")


def _replaced(kernel: Kernel, values: Mapping[str, object], prefix: str) -> Kernel:
    # Kernels are immutable values: the copy is set here, before anyone else holds it.
    node = copy.copy(kernel)
    for child in _children(kernel):
        value = _replaced(getattr(kernel, child), values, f"{prefix}{child}.")
        object.__setattr__(node, child, value)
    for p in _own(kernel):
        if prefix + p not in values:
            continue
        value = values[prefix + p]
        if not torch.is_tensor(value):
            value = scale(p, value)
        for attr in _TIED.get((type(kernel).__name__, p), (p,)):
            object.__setattr__(node, attr, value)
    return node


# --- fitting the hyperparameters ----------------------------------------------------------------


@dataclass(frozen=True)
class Fit:
    """The hyperparameters that maximised ``log p(y | X)`` along the Adam trajectory."""

    kernel: Kernel
    noise: float
    params: dict[str, float]  # every hyperparameter after the fit, and "noise"
    lml: float
    initial_lml: float
    history: tuple[float, ...] = field(repr=False)  # log p(y | X) before each step
    learned: tuple[str, ...] = ()


def _bounds(
    names: list[str], bounds: Mapping[str, tuple[float, float]] | None
) -> tuple[torch.Tensor, torch.Tensor]:
    bounds = dict(bounds or {})
    pairs = [bounds.get(n, NOISE_BOUNDS if n == NOISE else DEFAULT_BOUNDS) for n in names]
    for n, (lo, hi) in zip(names, pairs, strict=True):
        if not 0 < lo <= hi:
            raise InputError(
                f"The bounds of {n} must satisfy 0 < low <= high, got ({lo:g}, {hi:g}).",
                code="gpp_bounds",
                name=n,
                low=lo,
                high=hi,
            )
    logs = torch.log(torch.tensor(pairs, dtype=DTYPE))
    return logs[:, 0], logs[:, 1]


def check_fit_budget(steps: int, n: int) -> None:
    """Refuse a fit over the budget ``steps x n <= FIT_BUDGET`` (arguments already checked)."""
    if steps * n > FIT_BUDGET:
        raise InputError(
            f"Fitting {steps} steps on {n} observations is too much for the server: steps x "
            f"observations = {steps * n:,}, more than the budget of {FIT_BUDGET:,}. Lower the "
            f"steps to at most {FIT_BUDGET // n:,}, or use fewer observations.",
            code="gpp_fit_budget",
            steps=steps,
            n=n,
            work=steps * n,
            budget=FIT_BUDGET,
            max_steps=FIT_BUDGET // n,
        )


def fit(
    kernel: Kernel,
    x: object,
    y: object,
    noise: float,
    *,
    steps: int = 200,
    lr: float = 0.1,
    fixed: Iterable[str] = (),
    bounds: Mapping[str, tuple[float, float]] | None = None,
    callback: Callable[[int, float], None] | None = None,
) -> Fit:
    """Maximise ``log p(y | X)`` over the hyperparameters and the noise variance.

    Adam (``torch.optim.Adam``, learning rate ``lr``) on the logarithms of the parameters,
    gradients by ``torch.autograd`` through the Cholesky factorisation; after each step the
    log-parameters are projected back into ``bounds`` (name -> (low, high); by default
    [1e-5, 1e5], noise [1e-8, 1e5]). Names in ``fixed`` (hyperparameter names as in
    `hyperparameters`, or "noise") keep their values. Starts from ``kernel`` and ``noise``;
    returns the best point of the trajectory. ``callback(step, lml)`` runs after every step.
    """
    kernel = check_kernel(kernel)
    x, y = _data(x, y, "x")
    if x.shape[0] == 0:
        raise InputError(
            "Fitting the hyperparameters needs at least one observation.",
            code="gpp_fit_empty",
        )
    steps = int_in_range("number of steps", steps, 1, MAX_STEPS)
    n = x.shape[0]
    product_at_most([("steps", steps), ("n", n), ("n", n), ("n", n)], MAX_FIT_WORK)
    check_fit_budget(steps, n)
    lr = bounded("learning rate", lr, 1e-6, 10.0)
    start = {**hyperparameters(kernel), NOISE: float(_noise(noise))}
    fixed = set(fixed)
    unknown = fixed - set(start)
    if unknown:
        raise InputError(
            f"Cannot keep unknown hyperparameter(s) {', '.join(sorted(unknown))} fixed; this "
            f"kernel has {', '.join(start)}.",
            code="gpp_unknown_param",
            names=", ".join(sorted(unknown)),
            options=", ".join(start),
        )
    learned = [n for n in start if n not in fixed]
    if not learned:
        raise InputError("Nothing to fit: every hyperparameter is fixed.", code="gpp_fit_nothing")
    low, high = _bounds(learned, bounds)
    # The noise starts at the bottom of its range when it is 0 (log 0 has no gradient step).
    log_p = torch.log(torch.tensor([start[n] for n in learned], dtype=DTYPE)).clamp(low, high)
    log_p.requires_grad_(True)
    optimizer = torch.optim.Adam([log_p], lr=lr)

    def current() -> dict[str, torch.Tensor | float]:
        return {**start, **dict(zip(learned, torch.exp(log_p), strict=True))}

    def objective(values: Mapping[str, torch.Tensor | float]) -> torch.Tensor:
        kernel_values = {n: v for n, v in values.items() if n != NOISE}
        data_fit, complexity, constant, _ = _lml(
            with_hyperparameters(kernel, kernel_values), x, y, values[NOISE]
        )
        return data_fit + complexity + constant

    history: list[float] = []
    best_lml, best_log = -math.inf, log_p.detach().clone()
    for step in range(steps + 1):
        optimizer.zero_grad()
        lml = objective(current())
        value = float(lml.detach())
        if value > best_lml:
            best_lml, best_log = value, log_p.detach().clone()
        if step == steps:
            break
        history.append(value)
        (-lml).backward()
        optimizer.step()
        with torch.no_grad():
            log_p.clamp_(low, high)
        if callback is not None:
            callback(step + 1, value)
    best = {**start, **{n: float(v) for n, v in zip(learned, torch.exp(best_log), strict=True)}}
    fitted = with_hyperparameters(kernel, {n: v for n, v in best.items() if n != NOISE})
    return Fit(
        kernel=fitted,
        noise=best[NOISE],
        params=best,
        lml=best_lml,
        initial_lml=history[0] if history else best_lml,
        history=tuple(history),
        learned=tuple(learned),
    )
