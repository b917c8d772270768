"""Weight space: random functions ``f(x) = w^T phi(x)`` with Gaussian weights (d2l.ai §18.2).

With ``w ~ N(u, S)`` the function is a GP with mean ``m(x) = u^T phi(x)`` and kernel
``k(x, x') = phi(x)^T S phi(x')``; here ``S = s^2 I``. The straight line ``w0 + w1 x`` is the
polynomial basis of degree 1. ``rbf_basis_functions`` builds d2l's J Gaussian bumps, whose
kernel tends to an RBF kernel of lengthscale ``sqrt(2) l`` as J grows.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import NamedTuple

import torch

from core.errors import InputError
from core.kernels import DTYPE, MAX_ENTRIES, RBF, Kernel, as_inputs
from core.validate import SCALE_RANGE, first_items, int_in_range, positive, product_at_most

# At most MAX_BASIS features; every matrix built here (points x features, samples x features,
# samples x points, the bumps' points x points kernel) has at most `MAX_ENTRIES` entries.
MAX_BASIS = 10_000
MAX_SAMPLES = 1_000_000
# bump_kernel_error: at most this many values of J (the page compares 13).
MAX_BASIS_COUNTS = 100
MAX_WEIGHT_TEXT = 200
# |u_i| <= 1e6: with |phi_i(x)| <= 2^6 on the page's inputs, m(x) = u^T phi(x) stays below 1e9,
# finite in float32 at the plotting edge (u = 1e40 made every point drawn there inf).
MAX_MEAN_WEIGHT = SCALE_RANGE[1]


class WeightSample(NamedTuple):
    """Weights drawn in weight space and the functions they make."""

    weights: torch.Tensor  # (n_samples, n_features)
    functions: torch.Tensor  # (n_samples, n_points)


def _one_dimensional(x: object, n_features: int = 1) -> torch.Tensor:
    x = as_inputs("x", x)
    product_at_most({"number of points": x.shape[0], "features": n_features}, MAX_ENTRIES)
    if x.shape[1] != 1:
        raise InputError(
            f"This basis takes one-dimensional inputs, got {x.shape[1]} dimensions.",
            code="gp_basis_dims",
            d=x.shape[1],
        )
    return x[:, 0]


class PolynomialFeatures:
    """``phi(x) = (1, x, x^2, ..., x^degree)``."""

    def __init__(self, degree: int = 1) -> None:
        self.degree = int_in_range("degree", degree, 0, 10)
        self.size = self.degree + 1

    def __call__(self, x: object) -> torch.Tensor:
        x = _one_dimensional(x, self.size)
        return x[:, None] ** torch.arange(self.size, dtype=DTYPE)

    def __repr__(self) -> str:
        return f"PolynomialFeatures(degree={self.degree})"


class FourierFeatures:
    """``phi(x) = (1, cos(w x), sin(w x), ..., cos(K w x), sin(K w x))``, ``w = 2 pi / period``."""

    def __init__(self, n_frequencies: int = 1, period: float = 2 * math.pi) -> None:
        self.n_frequencies = int_in_range("number of frequencies", n_frequencies, 1, 50)
        self.period = positive("period", period)
        self.size = 2 * self.n_frequencies + 1

    def __call__(self, x: object) -> torch.Tensor:
        x = _one_dimensional(x, self.size)
        k = torch.arange(1, self.n_frequencies + 1, dtype=DTYPE)
        angle = 2 * math.pi * x[:, None] * k / self.period
        cos_sin = torch.stack([torch.cos(angle), torch.sin(angle)], dim=2).flatten(1)
        return torch.cat([torch.ones(x.shape[0], 1, dtype=DTYPE), cos_sin], dim=1)

    def __repr__(self) -> str:
        return f"FourierFeatures(n_frequencies={self.n_frequencies}, period={self.period:.3g})"


Features = PolynomialFeatures | FourierFeatures


class BasisKernel(Kernel):
    """``k(x, x') = phi(x)^T S phi(x')`` with ``S = weight_sd^2 I``."""

    def __init__(self, features: Features, weight_sd: float = 1.0) -> None:
        self.features = features
        self.weight_sd = positive("weight_sd", weight_sd)

    def _matrix(self, x1, x2):
        return self.weight_sd**2 * (self.features(x1) @ self.features(x2).T)

    def _diag(self, x):
        return self.weight_sd**2 * (self.features(x) ** 2).sum(dim=1)

    def __repr__(self) -> str:
        return f"{self.weight_sd:.3g}**2 * BasisKernel({self.features!r})"


def _mean_weights(features: Features, mean_weights: object) -> torch.Tensor:
    u = torch.as_tensor(mean_weights, dtype=DTYPE).flatten()
    if u.numel() != features.size:
        raise InputError(
            f"The mean weights u need {features.size} numbers for {features!r}, got {u.numel()}.",
            code="gp_weights_size",
            size=features.size,
            got=u.numel(),
        )
    for value in u.tolist():
        _mean_weight(value)
    return u


def _mean_weight(value: float) -> float:
    """One mean weight u_i: a number from -`MAX_MEAN_WEIGHT` to `MAX_MEAN_WEIGHT`."""
    if not abs(value) <= MAX_MEAN_WEIGHT:  # also NaN
        raise InputError(
            f"The mean weight {value:g} is out of range: each u_i must lie from "
            f"{-MAX_MEAN_WEIGHT:g} to {MAX_MEAN_WEIGHT:g}.",
            code="gp_weight_range",
            value=value,
            low=-MAX_MEAN_WEIGHT,
            high=MAX_MEAN_WEIGHT,
        )
    return value


def basis_prior(
    features: Features, x: object, mean_weights: object, weight_sd: float = 1.0
) -> tuple[torch.Tensor, BasisKernel]:
    """``(m(x), k)``: the mean ``u^T phi(x)`` at x and the kernel of ``w ~ N(u, s^2 I)``."""
    u = _mean_weights(features, mean_weights)
    return features(x) @ u, BasisKernel(features, weight_sd)


def sample_basis_weights(
    features: Features,
    x: object,
    mean_weights: object,
    weight_sd: float,
    n_samples: int,
    generator: torch.Generator | None = None,
) -> WeightSample:
    """Weights ``w = u + s z``, ``z ~ N(0, I)``, and the functions ``f(x) = phi(x)^T w``."""
    u = _mean_weights(features, mean_weights)
    weight_sd = positive("weight_sd", weight_sd)
    n_samples = int_in_range("number of samples", n_samples, 1, MAX_SAMPLES)
    phi = features(x)
    product_at_most({"number of samples": n_samples, "features": features.size}, MAX_ENTRIES)
    product_at_most({"number of samples": n_samples, "number of points": len(phi)}, MAX_ENTRIES)
    w = u + weight_sd * torch.randn(n_samples, features.size, generator=generator, dtype=DTYPE)
    return WeightSample(w, w @ phi.T)


def sample_linear_weights(
    x: object, n_samples: int, alpha: float = 1.0, generator: torch.Generator | None = None
) -> WeightSample:
    """d2l's simple GP: lines ``f(x) = w0 + w1 x`` with ``w0, w1 ~ N(0, alpha^2)``.

    Its kernel is ``Linear(alpha)``: ``alpha^2 (1 + x x')``; the 2-sigma band is
    ``+- 2 alpha sqrt(1 + x^2)``.
    """
    alpha = positive("alpha", alpha)
    return sample_basis_weights(PolynomialFeatures(1), x, [0.0, 0.0], alpha, n_samples, generator)


def parse_weights(text: str, size: int) -> list[float]:
    """Numbers typed as ``"1, -0.5, 2"`` (commas or spaces), padded with zeros to ``size``;
    each within +-`MAX_MEAN_WEIGHT`."""
    size = int_in_range("size", size, 1, MAX_BASIS)
    text = str(text)[:MAX_WEIGHT_TEXT]
    tokens = [tok for tok in re.split(r"[,\s;]+", text.strip()) if tok]
    values = []
    for tok in tokens:
        try:
            value = float(tok)
        except ValueError:
            raise InputError(
                f"The mean weights must be numbers separated by commas, got {tok!r}.",
                code="gp_weights_text",
                token=tok,
            ) from None
        values.append(_mean_weight(value))
    if len(values) > size:
        raise InputError(
            f"The basis has {size} functions, so u takes at most {size} numbers; got "
            f"{len(values)}.",
            code="gp_weights_size",
            size=size,
            got=len(values),
        )
    return values + [0.0] * (size - len(values))


# --- d2l §18.2.4: the RBF kernel from infinitely many Gaussian bumps -----------------------


@dataclass(frozen=True)
class BumpBasis:
    """J bumps ``phi_i(x) = exp(-(x - c_i)^2 / (2 l^2))`` with weights ``w_i ~ N(0, sigma^2/J)``.

    Centres: the midpoints of J equal cells of width ``dc = 2 c / J`` covering ``[-c, c]``;
    d2l.ai §18.2.4 takes ``c = log J`` (so ``dc = 2 log J / J``), or pass ``half_width``.
    The kernel is ``k_J(x, x') = sigma^2 / J sum_i phi_i(x) phi_i(x')``, a midpoint Riemann
    sum of ``(sigma^2 / 2c) int phi_c(x) phi_c(x') dc``. Completing the square,
    ``int_R phi_c(x) phi_c(x') dc = sqrt(pi) l exp(-(x - x')^2 / (2 (sqrt(2) l)^2))``, so for
    x, x' well inside ``[-c, c]`` and ``dc`` small against ``l``:
    ``k_J -> RBF(amplitude^2 = sigma^2 sqrt(pi) l / (2c), lengthscale = sqrt(2) l)``.
    d2l writes the limit as ``sqrt(pi) l sigma^2 exp(...)``, dropping the ``1 / (2c)``:
    with ``c = log J`` the variance shrinks like ``1 / (2 log J)``; with a fixed
    ``half_width`` it converges to a fixed RBF.
    """

    x: torch.Tensor  # (n,)
    centres: torch.Tensor  # (J,)
    lengthscale: float
    sigma: float
    half_width: float

    @property
    def n_basis(self) -> int:
        return self.centres.numel()

    @property
    def weight_sd(self) -> float:
        return self.sigma / math.sqrt(self.n_basis)

    @property
    def features(self) -> torch.Tensor:
        """``phi_i(x_n)``, shape (n, J)."""
        return torch.exp(-((self.x[:, None] - self.centres) ** 2) / (2 * self.lengthscale**2))

    def kernel_matrix(self) -> torch.Tensor:
        """``k_J(x, x') = sigma^2 / J Phi Phi^T``, the exact covariance of the finite model."""
        phi = self.features
        return self.weight_sd**2 * (phi @ phi.T)

    def limit(self) -> RBF:
        """The RBF the bumps' kernel tends to: ``a^2 = sigma^2 sqrt(pi) l / (2c)``, ``sqrt(2) l``.

        Raises ``InputError`` for d2l's single bump (``c = log 1 = 0``)."""
        if self.half_width == 0:
            raise InputError(
                "One bump at c = log 1 = 0 has no limiting kernel: use J >= 2.",
                code="gp_bumps_no_limit",
            )
        amplitude2 = self.sigma**2 * math.sqrt(math.pi) * self.lengthscale / (2 * self.half_width)
        return RBF(math.sqrt(amplitude2), math.sqrt(2) * self.lengthscale)

    def sample(self, n_samples: int, generator: torch.Generator | None = None) -> WeightSample:
        """Weights ``w ~ N(0, sigma^2/J I)`` and the functions ``f = Phi w``."""
        n_samples = int_in_range("number of samples", n_samples, 1, MAX_SAMPLES)
        product_at_most({"number of samples": n_samples, "J": self.n_basis}, MAX_ENTRIES)
        n_points = len(self.x)
        product_at_most({"number of samples": n_samples, "number of points": n_points}, MAX_ENTRIES)
        w = self.weight_sd * torch.randn(n_samples, self.n_basis, generator=generator, dtype=DTYPE)
        return WeightSample(w, w @ self.features.T)


def rbf_basis_functions(
    x: object,
    n_basis: int,
    lengthscale: float = 1.0,
    sigma: float = 1.0,
    half_width: float | None = None,
) -> BumpBasis:
    """J Gaussian bumps over the inputs x (see ``BumpBasis``); ``half_width=None`` is d2l's
    ``log J``."""
    x = _one_dimensional(x)
    n_basis = int_in_range("number of basis functions J", n_basis, 1, MAX_BASIS)
    product_at_most({"number of points": len(x), "J": n_basis}, MAX_ENTRIES)
    # its kernel matrix is points x points
    product_at_most([("number of points", len(x)), ("number of points", len(x))], MAX_ENTRIES)
    lengthscale = positive("lengthscale", lengthscale)
    sigma = positive("sigma", sigma)
    c = math.log(n_basis) if half_width is None else positive("half_width", half_width)
    dc = 2 * c / n_basis
    centres = -c + dc * (torch.arange(n_basis, dtype=DTYPE) + 0.5)
    return BumpBasis(x, centres, lengthscale, sigma, c)


def window_half_width(x: object, lengthscale: float = 1.0, margin: float = 4.0) -> float:
    """A fixed window ``max |x| + margin * l`` for the centres: the bumps then reach beyond
    every input, and the missing tail of the integral is only ``erfc(margin) / 2``
    (8e-9 for the default 4) of the limiting variance."""
    x = _one_dimensional(x)
    return float(x.abs().max()) + positive("margin", margin) * positive("lengthscale", lengthscale)


def bump_kernel_error(
    x: object,
    n_basis_values: list[int],
    lengthscale: float = 1.0,
    sigma: float = 1.0,
    half_width: float | None = None,
) -> torch.Tensor:
    """``max |k_J - k_limit| / a_limit^2`` over pairs of x, for each J (NaN where J = 1 has no
    limit): how fast the bumps' kernel approaches its RBF, relative to its variance."""
    errors = []
    for j in first_items("values of J", n_basis_values, MAX_BASIS_COUNTS):
        basis = rbf_basis_functions(x, j, lengthscale, sigma, half_width)
        if basis.half_width == 0:
            errors.append(math.nan)
            continue
        limit = basis.limit()
        diff = (basis.kernel_matrix() - limit(basis.x)).abs().max()
        errors.append(float(diff) / limit.amplitude**2)
    return torch.tensor(errors, dtype=DTYPE)
