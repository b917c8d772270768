"""Covariance functions (kernels) of Gaussian processes, as small composable objects.

``k(x1, x2)`` is the ``(n, m)`` float64 covariance matrix for inputs of shape ``(n,)`` or
``(n, d)``; ``k.diag(x)`` is its diagonal for ``k(x, x)`` without building the matrix.
Kernels compose like the maths on the page (scikit-learn's kernel algebra):
``k1 + k2`` (Sum), ``k1 * k2`` (Product, elementwise), ``c * k`` (Scaled), ``k + c``
(a Constant added). Every parameter defaults to 1.0; scales must be finite and > 0.

Formulas (r = |x - x'|, Rasmussen & Williams 2006, ch. 4; d2l.ai §18.2):
    RBF                a^2 exp(-r^2 / (2 l^2))
    Linear             alpha^2 (1 + x.x')
    OrnsteinUhlenbeck  a^2 exp(-r / l)
    Matern32           a^2 (1 + sqrt(3) r / l) exp(-sqrt(3) r / l)
    Matern52           a^2 (1 + sqrt(5) r / l + 5 r^2 / (3 l^2)) exp(-sqrt(5) r / l)
    Periodic           a^2 exp(-2 sin^2(pi r / p) / l^2)   (summed over dimensions if d > 1)
    RationalQuadratic  a^2 (1 + r^2 / (2 alpha l^2))^(-alpha)
    NeuralNetwork      (2/pi) asin(2 x~'S x~' / sqrt((1 + 2 x~'S x~)(1 + 2 x~''S x~')))
    ArcCosine          |x~|_S |x~'|_S (sin t + (pi - t) cos t) / (2 pi)
with x~ = (1, x) and S = diag(sigma0^2, sigma^2 I) for the two network kernels.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import torch

from core.errors import InputError
from core.validate import excerpt, finite_tensor, int_in_range, non_negative, product_at_most
from core.validate import scale as checked_scale

DTYPE = torch.float64
# Limits, in numbers (not bytes), so that one call stays within ~200 MB:
# MAX_INPUT_VALUES: inputs of shape (n, d) hold at most this many (n x d) numbers (8 MB).
# MAX_ENTRIES: one float64 matrix a kernel call (n x m), a batch of samples (samples x points)
# or a feature matrix (points x features) may have: 50 MB, the largest the pages draw (the
# 2D prior on a 50 x 50 grid, against itself); its few temporaries stay under ~200 MB.
MAX_INPUT_VALUES = 1_000_000
MAX_ENTRIES = 6_250_000


def as_inputs(name: str, x: object) -> torch.Tensor:
    """Inputs as a float64 ``(n, d)`` tensor: a scalar is one point, ``(n,)`` is n points."""
    try:
        t = torch.as_tensor(np.array(x, dtype=np.float64) if not torch.is_tensor(x) else x)
    except (TypeError, ValueError):
        raise InputError(
            f"{name} must be numbers, got {type(x).__name__}.",
            code="gp_input_type",
            name=name,
            got=type(x).__name__,
        ) from None
    t = t.to(DTYPE)
    if t.ndim == 0:
        t = t.reshape(1, 1)
    elif t.ndim == 1:
        t = t[:, None]
    elif t.ndim != 2:
        raise InputError(
            f"{name} must have shape (n,) or (n, d), got shape {tuple(t.shape)}.",
            code="gp_input_shape",
            name=name,
            shape=str(tuple(t.shape)),
        )
    product_at_most({f"points in {name}": t.shape[0], "dimensions": t.shape[1]}, MAX_INPUT_VALUES)
    return finite_tensor(name, t)


def _num(v: float) -> str:
    return f"{v:.3g}"


class Kernel:
    """Base class: subclasses define ``_matrix(x1, x2)`` and ``_diag(x)`` on (n, d) inputs.

    Kernels are values: set once by the constructor (which checks them), equal when of the
    same kind with the same parameters, and hashable, so a view can be cached on a kernel.
    """

    latex: str = ""  # the formula, for the page

    def __setattr__(self, name: str, value: object) -> None:
        if name in vars(self):
            raise AttributeError(f"{type(self).__name__} is immutable: make a new kernel")
        super().__setattr__(name, value)

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and vars(other) == vars(self)

    def __hash__(self) -> int:
        return hash((type(self).__name__, *sorted(vars(self).items())))

    def __reduce__(self):
        # Pickling, and st.cache_data's hashing of arguments (which reads __reduce__, never
        # __hash__): the class and the parameters, set again without the constructor.
        return (object.__new__, (type(self),), dict(vars(self)))

    @property
    def parameters(self) -> dict[str, float]:
        """The constructor's parameters and their values (a kernel of `KERNELS`)."""
        return {p: getattr(self, p) for p in PARAMETERS[type(self).__name__]}

    def __call__(self, x1: object, x2: object = None) -> torch.Tensor:
        a = as_inputs("x1", x1)
        b = a if x2 is None else as_inputs("x2", x2)
        if a.shape[1] != b.shape[1]:
            raise InputError(
                f"x1 and x2 must have the same number of input dimensions, got {a.shape[1]} "
                f"and {b.shape[1]}.",
                code="gp_input_dims",
                d1=a.shape[1],
                d2=b.shape[1],
            )
        product_at_most({"points in x1": a.shape[0], "points in x2": b.shape[0]}, MAX_ENTRIES)
        return self._matrix(a, b)

    def diag(self, x: object) -> torch.Tensor:
        """``k(x_i, x_i)`` for every point: the prior variances, shape ``(n,)``."""
        return self._diag(as_inputs("x", x))

    def _matrix(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def _diag(self, x: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    # --- kernel algebra -------------------------------------------------------------------

    def __add__(self, other: object) -> Kernel:
        if isinstance(other, Kernel):
            return Sum(self, other)
        if isinstance(other, int | float) and not isinstance(other, bool):
            # sum() starts from 0: adding 0 must leave the kernel as it is.
            return self if other == 0 else Sum(self, Constant(other))
        return NotImplemented

    __radd__ = __add__

    def __mul__(self, other: object) -> Kernel:
        if isinstance(other, Kernel):
            return Product(self, other)
        if isinstance(other, int | float) and not isinstance(other, bool):
            return Scaled(other, self)
        return NotImplemented

    __rmul__ = __mul__


# --- stationary kernels: functions of r = |x - x'| ---------------------------------------


def _distances(x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
    """``|x - x'|`` for every pair, from exact differences: not |x|^2 + |x'|^2 - 2 x.x',
    which loses r near 0 to rounding. On a line, ``|x - x'|`` directly (what cdist computes
    there, bit for bit, at half the cost)."""
    if x1.shape[1] == 1:
        return (x1 - x2.T).abs()
    return torch.cdist(x1, x2, compute_mode="donot_use_mm_for_euclid_dist")


class Stationary(Kernel):
    """A kernel ``a^2 g(r)`` of the distance r = |x - x'| only (translation invariant)."""

    def __init__(self, amplitude: float = 1.0, lengthscale: float = 1.0) -> None:
        self.amplitude = checked_scale("amplitude", amplitude)
        self.lengthscale = checked_scale("lengthscale", lengthscale)

    def profile(self, r: torch.Tensor) -> torch.Tensor:
        """``g(r)`` with ``g(0) = 1``."""
        raise NotImplementedError

    def _matrix(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        return self.amplitude**2 * self.profile(_distances(x1, x2))

    def _diag(self, x: torch.Tensor) -> torch.Tensor:
        return self.amplitude**2 * self.profile(torch.zeros(x.shape[0], dtype=DTYPE))

    def _extra(self) -> str:
        return ""

    def __repr__(self) -> str:
        return (
            f"{_num(self.amplitude)}**2 * {type(self).__name__}"
            f"(lengthscale={_num(self.lengthscale)}{self._extra()})"
        )


class RBF(Stationary):
    """Radial basis function (squared exponential): ``a^2 exp(-r^2 / (2 l^2))``."""

    latex = r"k(x, x') = a^2 \exp\left(-\frac{\|x - x'\|^2}{2\ell^2}\right)"

    def profile(self, r):
        return torch.exp(r.square() / (-2 * self.lengthscale**2))


class OrnsteinUhlenbeck(Stationary):
    """Ornstein-Uhlenbeck (exponential, Matern 1/2): ``a^2 exp(-r / l)``."""

    latex = r"k(x, x') = a^2 \exp\left(-\frac{\|x - x'\|}{\ell}\right)"

    def profile(self, r):
        return torch.exp(-r / self.lengthscale)


class Matern32(Stationary):
    """Matern 3/2: ``a^2 (1 + sqrt(3) r / l) exp(-sqrt(3) r / l)``."""

    latex = (
        r"k(x, x') = a^2 \left(1 + \frac{\sqrt{3}\, r}{\ell}\right)"
        r" \exp\left(-\frac{\sqrt{3}\, r}{\ell}\right),\; r = \|x - x'\|"
    )

    def profile(self, r):
        s = math.sqrt(3) * r / self.lengthscale
        return (1 + s) * torch.exp(-s)


class Matern52(Stationary):
    """Matern 5/2: ``a^2 (1 + sqrt(5) r / l + 5 r^2 / (3 l^2)) exp(-sqrt(5) r / l)``."""

    latex = (
        r"k(x, x') = a^2 \left(1 + \frac{\sqrt{5}\, r}{\ell} + \frac{5 r^2}{3 \ell^2}\right)"
        r" \exp\left(-\frac{\sqrt{5}\, r}{\ell}\right),\; r = \|x - x'\|"
    )

    def profile(self, r):
        s = math.sqrt(5) * r / self.lengthscale
        return (1 + s + s**2 / 3) * torch.exp(-s)


class Periodic(Stationary):
    """Periodic (exp-sine-squared, MacKay 1998): ``a^2 exp(-2 sin^2(pi r / p) / l^2)``.

    For d-dimensional inputs ``sin^2(pi r / p)`` becomes ``sum_i sin^2(pi |x_i - x'_i| / p)``
    (a product of one-dimensional periodic kernels, as in GPflow): with the Euclidean r the
    matrix need not be positive semi-definite once d >= 2.
    """

    latex = r"k(x, x') = a^2 \exp\left(-\frac{2 \sin^2(\pi \|x - x'\| / p)}{\ell^2}\right)"
    latex_nd = (
        r"k(x, x') = a^2 \exp\left(-\frac{2}{\ell^2} \sum_i \sin^2(\pi |x_i - x'_i| / p)\right)"
    )

    def __init__(
        self, amplitude: float = 1.0, lengthscale: float = 1.0, period: float = 1.0
    ) -> None:
        super().__init__(amplitude, lengthscale)
        self.period = checked_scale("period", period)

    def profile(self, r):
        return torch.exp(-2 * self._sin2(r) / self.lengthscale**2)

    def _sin2(self, r: torch.Tensor) -> torch.Tensor:
        return torch.sin(math.pi * r / self.period) ** 2

    def _matrix(self, x1, x2):
        if x1.shape[1] == 1:
            return super()._matrix(x1, x2)
        sin2 = sum(self._sin2((x1[:, i, None] - x2[None, :, i]).abs()) for i in range(x1.shape[1]))
        return self.amplitude**2 * torch.exp(-2 * sin2 / self.lengthscale**2)

    def _extra(self) -> str:
        return f", period={_num(self.period)}"


class RationalQuadratic(Stationary):
    """Rational quadratic, a scale mixture of RBFs: ``a^2 (1 + r^2 / (2 alpha l^2))^(-alpha)``."""

    latex = r"k(x, x') = a^2 \left(1 + \frac{\|x - x'\|^2}{2 \alpha \ell^2}\right)^{-\alpha}"

    def __init__(
        self, amplitude: float = 1.0, lengthscale: float = 1.0, alpha: float = 1.0
    ) -> None:
        super().__init__(amplitude, lengthscale)
        self.alpha = checked_scale("alpha", alpha)

    def profile(self, r):
        return (1 + r**2 / (2 * self.alpha * self.lengthscale**2)) ** (-self.alpha)

    def _extra(self) -> str:
        return f", alpha={_num(self.alpha)}"


# --- dot-product kernels: functions of x~'S x~' -----------------------------------------


class DotProduct(Kernel):
    """A kernel of the augmented inner products ``q(x, x') = x~' S x~'`` with x~ = (1, x).

    ``S = diag(sigma0^2, sigma^2 I)``, so ``q(x, x') = sigma0^2 + sigma^2 x.x'``.
    """

    def __init__(self, sigma0: float = 1.0, sigma: float = 1.0) -> None:
        self.sigma0 = checked_scale("sigma0", sigma0)
        self.sigma = checked_scale("sigma", sigma)

    def _q(self, x1: torch.Tensor, x2: torch.Tensor) -> torch.Tensor:
        return self.sigma0**2 + self.sigma**2 * (x1 @ x2.T)

    def _q_diag(self, x: torch.Tensor) -> torch.Tensor:
        return self.sigma0**2 + self.sigma**2 * (x * x).sum(dim=1)

    def of_inner_products(
        self, q12: torch.Tensor, q11: torch.Tensor, q22: torch.Tensor
    ) -> torch.Tensor:
        raise NotImplementedError

    def _matrix(self, x1, x2):
        return self.of_inner_products(
            self._q(x1, x2), self._q_diag(x1)[:, None], self._q_diag(x2)[None, :]
        )

    def _diag(self, x):
        q = self._q_diag(x)
        return self.of_inner_products(q, q, q)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(sigma0={_num(self.sigma0)}, sigma={_num(self.sigma)})"


class Linear(DotProduct):
    """The line ``w0 + w1 x`` with ``w ~ N(0, alpha^2 I)``: ``alpha^2 (1 + x.x')``."""

    latex = r"k(x, x') = \alpha^2 (1 + x x')"

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = checked_scale("alpha", alpha)
        super().__init__(self.alpha, self.alpha)

    def of_inner_products(self, q12, q11, q22):
        return q12

    def __repr__(self) -> str:
        return f"Linear(alpha={_num(self.alpha)})"


class NeuralNetwork(DotProduct):
    """The erf-network (arcsine) kernel, Williams 1998, "Computation with infinite networks":

    ``E[erf(u.x~) erf(u.x~')] = (2/pi) asin(2 q(x,x') / sqrt((1 + 2 q(x,x)) (1 + 2 q(x',x'))))``
    for ``u ~ N(0, S)``.
    """

    latex = (
        r"k(x, x') = \frac{2}{\pi} \arcsin\left(\frac{2 \tilde{x}^\top \Sigma \tilde{x}'}"
        r"{\sqrt{(1 + 2 \tilde{x}^\top \Sigma \tilde{x})(1 + 2 \tilde{x}'^\top \Sigma"
        r" \tilde{x}')}}\right),\; \tilde{x} = (1, x),\;"
        r" \Sigma = \mathrm{diag}(\sigma_0^2, \sigma^2)"
    )

    def of_inner_products(self, q12, q11, q22):
        ratio = 2 * q12 / torch.sqrt((1 + 2 * q11) * (1 + 2 * q22))
        # |ratio| < 1 in exact arithmetic; rounding must not push asin out of its domain.
        return (2 / math.pi) * torch.asin(ratio.clamp(-1.0, 1.0))


class ArcCosine(DotProduct):
    """The ReLU-network kernel (Cho & Saul 2009, degree 1, halved):

    ``E[relu(u.x~) relu(u.x~')] = |x~|_S |x~'|_S (sin t + (pi - t) cos t) / (2 pi)`` for
    ``u ~ N(0, S)``, t the angle between ``S^(1/2) x~`` and ``S^(1/2) x~'``.
    """

    latex = (
        r"k(x, x') = \frac{\|\tilde{x}\|_\Sigma \|\tilde{x}'\|_\Sigma}{2\pi}"
        r" \left(\sin\theta + (\pi - \theta)\cos\theta\right),\;"
        r" \cos\theta = \frac{\tilde{x}^\top \Sigma \tilde{x}'}"
        r"{\|\tilde{x}\|_\Sigma \|\tilde{x}'\|_\Sigma}"
    )

    def of_inner_products(self, q12, q11, q22):
        norms = torch.sqrt(q11 * q22)
        theta = torch.acos((q12 / norms).clamp(-1.0, 1.0))
        return norms * (torch.sin(theta) + (math.pi - theta) * torch.cos(theta)) / (2 * math.pi)


# --- constants and combinations ------------------------------------------------------------


class Constant(Kernel):
    """``c`` everywhere: the covariance of a random offset ``b ~ N(0, c)``."""

    latex = r"k(x, x') = c"

    def __init__(self, value: float = 1.0) -> None:
        self.value = non_negative("constant", value)

    def _matrix(self, x1, x2):
        return torch.full((x1.shape[0], x2.shape[0]), self.value, dtype=DTYPE)

    def _diag(self, x):
        return torch.full((x.shape[0],), self.value, dtype=DTYPE)

    def __repr__(self) -> str:
        return f"Constant({_num(self.value)})"


def _wrapped(kernel: Kernel) -> str:
    return f"({kernel!r})" if isinstance(kernel, Sum) else repr(kernel)


class Sum(Kernel):
    """``k1 + k2``: the covariance of ``f + g`` for independent GPs ``f`` (k1) and ``g`` (k2)."""

    def __init__(self, k1: Kernel, k2: Kernel) -> None:
        self.k1, self.k2 = k1, k2

    def _matrix(self, x1, x2):
        return self.k1._matrix(x1, x2) + self.k2._matrix(x1, x2)

    def _diag(self, x):
        return self.k1._diag(x) + self.k2._diag(x)

    def __repr__(self) -> str:
        return f"{self.k1!r} + {self.k2!r}"


class Product(Kernel):
    """``k1 * k2`` (elementwise): the covariance, not the law, of ``f g`` for independent GPs."""

    def __init__(self, k1: Kernel, k2: Kernel) -> None:
        self.k1, self.k2 = k1, k2

    def _matrix(self, x1, x2):
        return self.k1._matrix(x1, x2) * self.k2._matrix(x1, x2)

    def _diag(self, x):
        return self.k1._diag(x) * self.k2._diag(x)

    def __repr__(self) -> str:
        return f"{_wrapped(self.k1)} * {_wrapped(self.k2)}"


class Scaled(Kernel):
    """``c * k`` with ``c > 0``: the covariance of ``sqrt(c) f``."""

    def __init__(self, scale: float, kernel: Kernel) -> None:
        self.scale = checked_scale("scale", scale)
        self.kernel = kernel

    def _matrix(self, x1, x2):
        return self.scale * self.kernel._matrix(x1, x2)

    def _diag(self, x):
        return self.scale * self.kernel._diag(x)

    def __repr__(self) -> str:
        return f"{_num(self.scale)} * {_wrapped(self.kernel)}"


class Modulated(Kernel):
    """``a(x) a(x') k(x, x')`` with ``a(x) = x^power``: the covariance of ``g(x) = a(x) f(x)``.

    d2l.ai §18.2, exercise 4 (``a(x) = x^2``). One-dimensional inputs only.
    """

    def __init__(self, kernel: Kernel, power: int = 2) -> None:
        self.kernel = kernel
        self.power = int_in_range("power", power, 0, 8)

    def _a(self, x: torch.Tensor) -> torch.Tensor:
        if x.shape[1] != 1:
            raise InputError(
                f"a(x) = x^{self.power} needs one-dimensional inputs, got {x.shape[1]} dimensions.",
                code="gp_modulated_dims",
                d=x.shape[1],
            )
        return x[:, 0] ** self.power

    def _matrix(self, x1, x2):
        return self._a(x1)[:, None] * self._a(x2)[None, :] * self.kernel._matrix(x1, x2)

    def _diag(self, x):
        return self._a(x) ** 2 * self.kernel._diag(x)

    def __repr__(self) -> str:
        return f"x**{self.power} * x'**{self.power} * {_wrapped(self.kernel)}"


# --- the catalogue the pages offer --------------------------------------------------------

KERNELS: dict[str, Callable[..., Kernel]] = {
    "RBF": RBF,
    "Linear": Linear,
    "OrnsteinUhlenbeck": OrnsteinUhlenbeck,
    "Matern32": Matern32,
    "Matern52": Matern52,
    "Periodic": Periodic,
    "RationalQuadratic": RationalQuadratic,
    "NeuralNetwork": NeuralNetwork,
    "ArcCosine": ArcCosine,
}
STATIONARY = tuple(name for name, cls in KERNELS.items() if issubclass(cls, Stationary))

# The constructor parameters of each kernel, in order.
PARAMETERS: dict[str, tuple[str, ...]] = {
    "RBF": ("amplitude", "lengthscale"),
    "Linear": ("alpha",),
    "OrnsteinUhlenbeck": ("amplitude", "lengthscale"),
    "Matern32": ("amplitude", "lengthscale"),
    "Matern52": ("amplitude", "lengthscale"),
    "Periodic": ("amplitude", "lengthscale", "period"),
    "RationalQuadratic": ("amplitude", "lengthscale", "alpha"),
    "NeuralNetwork": ("sigma0", "sigma"),
    "ArcCosine": ("sigma0", "sigma"),
}


def make_kernel(name: str, **params: float) -> Kernel:
    """The kernel called ``name`` (a key of ``KERNELS``) with those of ``params`` it takes."""
    if not isinstance(name, str) or name not in KERNELS:
        raise InputError(
            f"Unknown kernel {excerpt(name)}; choose one of {', '.join(KERNELS)}.",
            code="gp_unknown_kernel",
            name=excerpt(name),
            options=", ".join(KERNELS),
        )
    return KERNELS[name](**{p: params[p] for p in PARAMETERS[name] if p in params})
