"""Activation functions, their derivatives, and what PyTorch's autograd says about them.

``ACTIVATIONS[name](x, **params)`` is the ``torch.nn.functional`` function itself (so it agrees
with PyTorch exactly); each entry also carries its formula, a closed-form derivative written out
by hand (tested against autograd and finite differences), its parameters with defaults and
slider ranges, and the points where it is not differentiable.

At a kink autograd returns one of the one-sided derivatives; which one is PyTorch's choice, not
mathematics (ReLU'(0) = 0, Hardtanh'(+-1) = 0, LeakyReLU'(0) = slope). The closed forms below
make the same choice, and ``nondifferentiable_points`` measures it rather than assuming it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.errors import InputError
from core.validate import bounded, excerpt, finite, int_in_range

MIN_RATE = 1e-3
# Curves are taken on at most MAX_POINTS inputs (8 MB in float64; second derivatives keep a
# few graphs of that size). The page draws GRID_POINTS.
MAX_POINTS = 1_000_000
GRID_POINTS = 401

Tensor = torch.Tensor

# Klambauer et al. 2017, "Self-Normalizing Neural Networks" (the constants torch uses).
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946
_GELU_C = math.sqrt(2.0 / math.pi)
_GELU_K = 0.044715


@dataclass(frozen=True)
class Param:
    """A parameter of an activation: its torch keyword, default, slider range and symbol."""

    name: str
    default: float
    low: float
    high: float
    symbol: str
    positive: bool = False  # must be > 0 (a rate such as beta), not merely finite

    @property
    def step(self) -> float:
        """The slider's step: the power of ten nearest below a hundredth of the range."""
        return 10 ** math.floor(math.log10((self.high - self.low) / 100))


@dataclass(frozen=True)
class Activation:
    """One activation: ``fn(x, **params)``, its formula and its derivative.

    ``derivative`` is the closed form (a callable like ``fn``) or None when there is none;
    ``kinks(**params)`` lists where the function is not differentiable; ``output_range(**params)``
    is the range as text.
    """

    name: str
    label: str
    fn: Callable[..., Tensor]
    latex: str
    derivative: Callable[..., Tensor] | None
    derivative_latex: str | None
    torch_name: str
    torch_call: str  # Python source for the code panel, a template over x and the params
    output_range: Callable[..., str]  # plain text, e.g. "(0, 1)"
    params: tuple[Param, ...] = ()
    kinks: Callable[..., tuple[float, ...]] = lambda **_: ()

    def __call__(self, x: Tensor, **params: float) -> Tensor:
        # The torch function itself, on any floating input: sigmoid(inf) is simply 1.
        return self.fn(as_tensor(x), **self.resolve(params))

    def resolve(self, params: dict[str, object]) -> dict[str, float]:
        """All parameters, defaults filled in, each checked; unknown names are an error."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(params) - set(known))
        if unknown:
            allowed = ", ".join(known) or "none"
            raise InputError(
                f"{self.label} has no parameter {', '.join(unknown)}; its parameters: {allowed}.",
                code="act_unknown_param",
                activation=self.label,
                names=", ".join(unknown),
                allowed=allowed,
            )
        values = {}
        for p in self.params:
            value = bounded(f"{self.label} {p.name}", params.get(p.name, p.default), -1e3, 1e3)
            # A rate such as beta: at 0 (or a subnormal) softplus and SiLU divide by zero.
            if p.positive and value < MIN_RATE:
                raise InputError(
                    f"{self.label} {p.name} must be at least {MIN_RATE:g}, got {value:g}.",
                    code="act_param_positive",
                    activation=self.label,
                    name=p.name,
                    value=value,
                )
            values[p.name] = value
        return values

    def call_source(self, x: str = "x", **params: float) -> str:
        """The PyTorch expression computing this activation of ``x`` with these parameters."""
        values = {k: repr(v) for k, v in self.resolve(params).items()}
        return self.torch_call.format(x=x, **values)


# --- the functions and their hand-written derivatives ----------------------------------------


def _step(x: Tensor, low: float, high: float, inside: float = 1.0, outside: float = 0.0) -> Tensor:
    """``inside`` on the open interval (low, high), ``outside`` elsewhere, as PyTorch's kinks."""
    mask = (x > low) & (x < high)
    return torch.where(mask, torch.full_like(x, inside), torch.full_like(x, outside))


def _positive_part(x: Tensor, negative_slope: Tensor | float) -> Tensor:
    """1 for x > 0, ``negative_slope`` for x <= 0 (PyTorch takes the left side at 0)."""
    return torch.where(x > 0, torch.ones_like(x), negative_slope * torch.ones_like(x))


def _sigmoid_d(x: Tensor) -> Tensor:
    s = torch.sigmoid(x)
    return s * (1 - s)


def _tanh_d(x: Tensor) -> Tensor:
    return 1 - torch.tanh(x) ** 2


def _leaky_relu(x: Tensor, negative_slope: float = 0.01) -> Tensor:
    return F.leaky_relu(x, negative_slope)


def _leaky_relu_d(x: Tensor, negative_slope: float = 0.01) -> Tensor:
    return _positive_part(x, negative_slope)


def _prelu(x: Tensor, weight: float = 0.25) -> Tensor:
    return F.prelu(x, torch.tensor([weight], dtype=x.dtype))


def _prelu_d(x: Tensor, weight: float = 0.25) -> Tensor:
    return _positive_part(x, weight)


def _elu(x: Tensor, alpha: float = 1.0) -> Tensor:
    return F.elu(x, alpha)


def _elu_d(x: Tensor, alpha: float = 1.0) -> Tensor:
    return _positive_part(x, alpha * torch.exp(torch.clamp(x, max=0)))


def _selu_d(x: Tensor) -> Tensor:
    return SELU_SCALE * _positive_part(x, SELU_ALPHA * torch.exp(torch.clamp(x, max=0)))


def _gelu_d(x: Tensor) -> Tensor:
    """Phi(x) + x phi(x) (Hendrycks & Gimpel 2016)."""
    cdf = 0.5 * (1 + torch.erf(x / math.sqrt(2)))
    pdf = torch.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)
    return cdf + x * pdf


def _gelu_tanh(x: Tensor) -> Tensor:
    return F.gelu(x, approximate="tanh")


def _gelu_tanh_d(x: Tensor) -> Tensor:
    u = torch.tanh(_GELU_C * (x + _GELU_K * x**3))
    return 0.5 * (1 + u) + 0.5 * x * (1 - u**2) * _GELU_C * (1 + 3 * _GELU_K * x**2)


def _silu(x: Tensor, beta: float = 1.0) -> Tensor:
    # x sigmoid(beta x) = silu(beta x) / beta: with beta = 1 it is F.silu itself, bit for bit.
    return F.silu(x) if beta == 1.0 else F.silu(beta * x) / beta


def _silu_d(x: Tensor, beta: float = 1.0) -> Tensor:
    s = torch.sigmoid(beta * x)
    return s + beta * x * s * (1 - s)


def _softplus(x: Tensor, beta: float = 1.0) -> Tensor:
    return F.softplus(x, beta)


def _softplus_d(x: Tensor, beta: float = 1.0) -> Tensor:
    return torch.sigmoid(beta * x)


def _mish_d(x: Tensor) -> Tensor:
    t = torch.tanh(F.softplus(x))
    return t + x * torch.sigmoid(x) * (1 - t**2)


def _softsign_d(x: Tensor) -> Tensor:
    return 1 / (1 + torch.abs(x)) ** 2


def _hardtanh(x: Tensor) -> Tensor:
    return F.hardtanh(x)


def _linear(x: Tensor) -> Tensor:
    return x.clone()


_OPEN = "(−∞, ∞)"
_HALF = "[0, ∞)"


def _kink_at_zero_unless(one_sided: str, value: float) -> Callable[..., tuple[float, ...]]:
    """A kink at 0 except when the parameter makes both sides agree (e.g. ELU with alpha 1)."""
    return lambda **p: () if p[one_sided] == value else (0.0,)


def _slope_range(name: str) -> Callable[..., str]:
    return lambda **p: _OPEN if p[name] > 0 else _HALF


_TABLE = (
    Activation(
        "sigmoid",
        "Sigmoid",
        torch.sigmoid,
        r"\sigma(x) = \frac{1}{1 + e^{-x}}",
        _sigmoid_d,
        r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))",
        "torch.nn.functional.sigmoid",
        "torch.sigmoid({x})",
        lambda: "(0, 1)",
    ),
    Activation(
        "tanh",
        "Tanh",
        torch.tanh,
        r"\tanh(x) = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
        _tanh_d,
        r"\tanh'(x) = 1 - \tanh^2(x)",
        "torch.nn.functional.tanh",
        "torch.tanh({x})",
        lambda: "(−1, 1)",
    ),
    Activation(
        "relu",
        "ReLU",
        F.relu,
        r"\operatorname{ReLU}(x) = \max(0, x)",
        lambda x: _step(x, 0.0, math.inf),
        r"\operatorname{ReLU}'(x) = \mathbb{1}[x > 0]",
        "torch.nn.functional.relu",
        "F.relu({x})",
        lambda: _HALF,
        kinks=lambda: (0.0,),
    ),
    Activation(
        "leaky_relu",
        "Leaky ReLU",
        _leaky_relu,
        r"f(x) = \max(0, x) + a \min(0, x)",
        _leaky_relu_d,
        r"f'(x) = \begin{cases} 1 & x > 0 \\ a & x \le 0 \end{cases}",
        "torch.nn.functional.leaky_relu",
        "F.leaky_relu({x}, negative_slope={negative_slope})",
        _slope_range("negative_slope"),
        (Param("negative_slope", 0.01, 0.0, 1.0, "a"),),
        _kink_at_zero_unless("negative_slope", 1.0),
    ),
    Activation(
        "prelu",
        "PReLU",
        _prelu,
        r"f(x) = \max(0, x) + w \min(0, x)",
        _prelu_d,
        r"f'(x) = \begin{cases} 1 & x > 0 \\ w & x \le 0 \end{cases}",
        "torch.nn.functional.prelu",
        "F.prelu({x}, torch.tensor([{weight}], dtype={x}.dtype))",
        _slope_range("weight"),
        (Param("weight", 0.25, -1.0, 1.0, "w"),),
        _kink_at_zero_unless("weight", 1.0),
    ),
    Activation(
        "elu",
        "ELU",
        _elu,
        r"f(x) = \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases}",
        _elu_d,
        r"f'(x) = \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        "torch.nn.functional.elu",
        "F.elu({x}, alpha={alpha})",
        lambda alpha: f"(−{alpha:g}, ∞)",
        (Param("alpha", 1.0, 0.1, 3.0, r"\alpha", positive=True),),
        _kink_at_zero_unless("alpha", 1.0),
    ),
    Activation(
        "selu",
        "SELU",
        F.selu,
        r"f(x) = \lambda \begin{cases} x & x > 0 \\ \alpha (e^{x} - 1) & x \le 0 \end{cases},"
        r"\ \lambda \approx 1.0507,\ \alpha \approx 1.6733",
        _selu_d,
        r"f'(x) = \lambda \begin{cases} 1 & x > 0 \\ \alpha e^{x} & x \le 0 \end{cases}",
        "torch.nn.functional.selu",
        "F.selu({x})",
        lambda: f"(−{SELU_SCALE * SELU_ALPHA:.4f}, ∞)",
        kinks=lambda: (0.0,),
    ),
    Activation(
        "gelu",
        "GELU",
        F.gelu,
        r"\operatorname{GELU}(x) = x\,\Phi(x) = \frac{x}{2}\left(1 + \operatorname{erf}"
        r"\frac{x}{\sqrt{2}}\right)",
        _gelu_d,
        r"\operatorname{GELU}'(x) = \Phi(x) + x\,\varphi(x)",
        "torch.nn.functional.gelu",
        "F.gelu({x})",
        lambda: "[≈ −0.1700, ∞)",
    ),
    Activation(
        "gelu_tanh",
        "GELU (tanh)",
        _gelu_tanh,
        r"f(x) = \frac{x}{2}\left(1 + \tanh u\right),\ u = \sqrt{2/\pi}\,(x + 0.044715\,x^3)",
        _gelu_tanh_d,
        r"f'(x) = \frac{1 + \tanh u}{2} + \frac{x}{2}(1 - \tanh^2 u)\sqrt{2/\pi}"
        r"\,(1 + 0.134145\,x^2)",
        "torch.nn.functional.gelu",
        "F.gelu({x}, approximate='tanh')",
        lambda: "[≈ −0.1700, ∞)",
    ),
    Activation(
        "silu",
        "SiLU / Swish",
        _silu,
        r"f(x) = x\,\sigma(\beta x)",
        _silu_d,
        r"f'(x) = \sigma(\beta x) + \beta x\,\sigma(\beta x)(1 - \sigma(\beta x))",
        "torch.nn.functional.silu",
        "F.silu({beta} * {x}) / {beta}",
        lambda beta: f"[≈ −{0.2784645 / beta:.4f}, ∞)",
        (Param("beta", 1.0, 0.1, 10.0, r"\beta", positive=True),),
    ),
    Activation(
        "softplus",
        "Softplus",
        _softplus,
        r"f(x) = \frac{1}{\beta}\log(1 + e^{\beta x})",
        _softplus_d,
        r"f'(x) = \sigma(\beta x)",
        "torch.nn.functional.softplus",
        "F.softplus({x}, beta={beta})",
        lambda beta: "(0, ∞)",
        (Param("beta", 1.0, 0.1, 10.0, r"\beta", positive=True),),
    ),
    Activation(
        "mish",
        "Mish",
        F.mish,
        r"f(x) = x \tanh(\operatorname{softplus}(x))",
        _mish_d,
        r"f'(x) = \tanh(\operatorname{sp}(x)) + x\,\sigma(x)\,(1 - \tanh^2(\operatorname{sp}(x)))",
        "torch.nn.functional.mish",
        "F.mish({x})",
        lambda: "[≈ −0.3088, ∞)",
    ),
    Activation(
        "softsign",
        "Softsign",
        F.softsign,
        r"f(x) = \frac{x}{1 + |x|}",
        _softsign_d,
        r"f'(x) = \frac{1}{(1 + |x|)^2}",
        "torch.nn.functional.softsign",
        "F.softsign({x})",
        lambda: "(−1, 1)",
    ),
    Activation(
        "hardtanh",
        "Hardtanh",
        _hardtanh,
        r"f(x) = \max(-1, \min(1, x))",
        lambda x: _step(x, -1.0, 1.0),
        r"f'(x) = \mathbb{1}[-1 < x < 1]",
        "torch.nn.functional.hardtanh",
        "F.hardtanh({x})",
        lambda: "[−1, 1]",
        kinks=lambda: (-1.0, 1.0),
    ),
    Activation(
        "hardsigmoid",
        "Hardsigmoid",
        F.hardsigmoid,
        r"f(x) = \frac{\operatorname{ReLU6}(x + 3)}{6}",
        lambda x: _step(x, -3.0, 3.0, inside=1 / 6),
        r"f'(x) = \tfrac{1}{6}\,\mathbb{1}[-3 < x < 3]",
        "torch.nn.functional.hardsigmoid",
        "F.hardsigmoid({x})",
        lambda: "[0, 1]",
        kinks=lambda: (-3.0, 3.0),
    ),
    Activation(
        "relu6",
        "ReLU6",
        F.relu6,
        r"f(x) = \min(\max(0, x), 6)",
        lambda x: _step(x, 0.0, 6.0),
        r"f'(x) = \mathbb{1}[0 < x < 6]",
        "torch.nn.functional.relu6",
        "F.relu6({x})",
        lambda: "[0, 6]",
        kinks=lambda: (0.0, 6.0),
    ),
    Activation(
        "linear",
        "Identity",
        _linear,
        r"f(x) = x",
        torch.ones_like,
        r"f'(x) = 1",
        "torch.nn.Identity",
        "{x}",
        lambda: _OPEN,
    ),
)

ACTIVATIONS: dict[str, Activation] = {a.name: a for a in _TABLE}


# --- autograd --------------------------------------------------------------------------------


def as_tensor(x: object) -> Tensor:
    """``x`` as a floating tensor (numbers and lists accepted); any values, inf included."""
    if not isinstance(x, Tensor):
        try:
            x = torch.as_tensor(x, dtype=torch.get_default_dtype())
        except (TypeError, ValueError, RuntimeError):
            raise InputError(
                f"x must be a tensor or numbers, got {type(x).__name__}.", code="act_x_type"
            ) from None
    int_in_range("number of points in x", x.numel(), 0, MAX_POINTS)
    return x if x.is_floating_point() else x.to(torch.get_default_dtype())


def as_input(x: object) -> Tensor:
    """``x`` as a floating tensor, checked to be finite: where derivatives are taken."""
    x = as_tensor(x)
    bad = int((~torch.isfinite(x)).sum())
    if bad:
        raise InputError(
            f"x must contain only finite numbers; {bad} entries are NaN or infinite.",
            code="act_x_not_finite",
            count=bad,
        )
    return x


def get(name: str) -> Activation:
    """The activation called ``name``, or an `InputError` listing the names there are."""
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        names = ", ".join(ACTIVATIONS)
        raise InputError(
            f"Unknown activation {excerpt(name)}; choose one of: {names}.",
            code="act_unknown",
            name=excerpt(name),
            names=names,
        ) from None


def derivatives(fn: Callable[[Tensor], Tensor], x: Tensor, order: int = 1) -> tuple[Tensor, ...]:
    """``(f(x), f'(x))`` or, with ``order=2``, ``(f, f', f'')`` of an elementwise ``fn``.

    Autograd of ``sum(f(x))`` with respect to x is the elementwise derivative, since each output
    depends on its own input only. x is copied: its ``requires_grad`` is left as it was.
    Where ``fn`` does not depend on x (a constant, or a derivative that is piecewise constant)
    the derivative is 0, not an error.
    """
    x = as_input(x).detach().clone().requires_grad_(True)
    with torch.enable_grad():
        y = torch.broadcast_to(torch.as_tensor(fn(x), dtype=x.dtype), x.shape)
        outputs = [y]
        for _ in range(order):
            outputs.append(_grad(outputs[-1], x, keep_graph=len(outputs) < order))
    return tuple(o.detach() for o in outputs)


def _grad(y: Tensor, x: Tensor, keep_graph: bool) -> Tensor:
    if not y.requires_grad:
        return torch.zeros_like(x)
    (dy,) = torch.autograd.grad(
        y, x, torch.ones_like(y), create_graph=keep_graph, allow_unused=True
    )
    return torch.zeros_like(x) if dy is None else dy


def value_and_grad(name: str, x: Tensor, **params: float) -> tuple[Tensor, Tensor]:
    """``(f(x), f'(x))`` of activation ``name`` via ``torch.autograd``; x of any shape."""
    y, dy = curves(name, x, 1, **params)
    return y, dy


def curves(name: str, x: Tensor, order: int = 1, **params: float) -> tuple[Tensor, ...]:
    """``(f, f')`` or ``(f, f', f'')`` of activation ``name`` on x, all by autograd.

    PyTorch has no double backward for some functions (``hardsigmoid``): f'' is then autograd
    of the closed-form f'.
    """
    activation = get(name)
    values = activation.resolve(params)
    fn = lambda t: activation.fn(t, **values)  # noqa: E731
    try:
        return derivatives(fn, x, order)
    except RuntimeError:
        if order < 2 or activation.derivative is None:
            raise
        y, dy = derivatives(fn, x)
        _, d2y = derivatives(lambda t: activation.derivative(t, **values), x)
        return y, dy, d2y


def closed_form_derivative(name: str, x: Tensor, **params: float) -> Tensor | None:
    """The hand-written derivative of ``name`` at x, or None when there is none."""
    activation = get(name)
    if activation.derivative is None:
        return None
    return activation.derivative(as_input(x), **activation.resolve(params))


# --- what the page reports about a curve ------------------------------------------------------


@dataclass(frozen=True)
class Kink:
    """A point where f is not differentiable: both one-sided derivatives and autograd's pick."""

    x: float
    left: float
    right: float
    autograd: float


def nondifferentiable_points(name: str, **params: float) -> list[Kink]:
    """Each kink of ``name`` with its one-sided derivatives and what autograd returns there.

    One-sided derivatives are autograd's at x -+ 1e-9 (float64): the pieces are smooth, so
    that is their limit to ~1e-9; the value at x itself is autograd's convention, measured.
    """
    activation = get(name)
    values = activation.resolve(params)
    kinks = []
    for x0 in activation.kinks(**values):
        xs = torch.tensor([x0 - 1e-9, x0 + 1e-9, x0], dtype=torch.float64)
        _, dy = value_and_grad(name, xs, **values)
        left, right, at = (float(v) for v in dy)
        kinks.append(Kink(x0, round(left, 6), round(right, 6), at))
    return kinks


@dataclass(frozen=True)
class Probe:
    """f(x0), autograd's f'(x0) and the closed form's f'(x0) (None when there is none)."""

    value: float
    autograd: float
    closed_form: float | None


def probe(name: str, x0: float, **params: float) -> Probe:
    """The three numbers of the probe table at x0, in float64."""
    x = torch.tensor([finite("x0", x0)], dtype=torch.float64)
    y, dy = value_and_grad(name, x, **params)
    closed = closed_form_derivative(name, x, **params)
    return Probe(float(y), float(dy), None if closed is None else float(closed))


def max_abs_derivative(name: str, **params: float) -> float:
    """``sup |f'(x)|`` by autograd: 1/4 for sigmoid, 1 for tanh.

    Taken over a fine grid on [-20, 20], the kinks (where autograd's value is a one-sided limit,
    e.g. alpha for ELU with alpha > 1) and x = +-1e6, which stands for the limits at +-infinity
    (Softplus with a small beta approaches 1 only far out).
    """
    activation = get(name)
    values = activation.resolve(params)
    grid = torch.linspace(-20.0, 20.0, 8001, dtype=torch.float64)
    extra = torch.tensor((0.0, -1e6, 1e6, *activation.kinks(**values)), dtype=torch.float64)
    _, dy = value_and_grad(name, torch.cat((grid, extra)), **values)
    return float(dy.abs().max())


def saturated_intervals(x: Tensor, dy: Tensor, epsilon: float) -> list[tuple[float, float]]:
    """The runs of the sorted grid x where |f'(x)| < epsilon, as (start, end) pairs."""
    epsilon = finite("epsilon", epsilon)
    x, dy = _same_grid(x, dy)
    flat = (dy.detach().abs() < epsilon).to(torch.int8)
    edges = torch.diff(flat, prepend=flat.new_zeros(1), append=flat.new_zeros(1))
    starts = torch.nonzero(edges == 1).flatten().tolist()
    ends = (torch.nonzero(edges == -1).flatten() - 1).tolist()
    return [(float(x[a]), float(x[b])) for a, b in zip(starts, ends, strict=True)]


def grid(x_max: float) -> Tensor:
    """The page's x grid: `GRID_POINTS` float64 points from -x_max to x_max."""
    return torch.linspace(-x_max, x_max, GRID_POINTS, dtype=torch.float64)


@dataclass(frozen=True)
class Curve:
    """f, f' and (order 2) f'' on a grid, and the runs of the grid where |f'| < epsilon."""

    x: Tensor
    y: Tensor
    dy: Tensor
    d2y: Tensor | None
    saturated: tuple[tuple[float, float], ...]


def curve(
    fn: str | Callable[[Tensor], Tensor], x_max: float, order: int, epsilon: float, **params
) -> Curve:
    """The curve of activation ``fn`` (a name, with ``params``) or of an elementwise callable
    (a parsed formula) on `grid` (x_max), derivatives up to ``order`` (1 or 2) by autograd."""
    x = grid(x_max)
    outputs = curves(fn, x, order, **params) if isinstance(fn, str) else derivatives(fn, x, order)
    d2y = outputs[2] if len(outputs) == 3 else None
    saturated = tuple(saturated_intervals(x, outputs[1], epsilon))
    return Curve(x, outputs[0], outputs[1], d2y, saturated)


@dataclass(frozen=True)
class Facts:
    """What the probe table says about one activation: the probe at x0, the output range as
    text, ``sup |f'|`` and the kinks."""

    probe: Probe
    output_range: str
    sup: float
    kinks: tuple[Kink, ...]


def facts(name: str, x0: float, **params: float) -> Facts:
    """`probe`, output range, `max_abs_derivative` and `nondifferentiable_points` of ``name``."""
    activation = get(name)
    return Facts(
        probe(name, x0, **params),
        activation.output_range(**activation.resolve(params)),
        max_abs_derivative(name, **params),
        tuple(nondifferentiable_points(name, **params)),
    )


@dataclass(frozen=True)
class CurveSummary:
    """What a plotted curve reaches: its value range and its steepest slope on the grid."""

    y_min: float
    y_max: float
    max_abs_derivative: float
    at: float


def summarize(x: Tensor, y: Tensor, dy: Tensor) -> CurveSummary:
    """Range of y and max |dy| (with its x) over the finite points of a grid."""
    x, y, dy = _same_grid(x, y, dy)
    ok = torch.isfinite(y) & torch.isfinite(dy)
    if not bool(ok.any()):
        nan = math.nan
        return CurveSummary(nan, nan, nan, nan)
    x, y, dy = x[ok], y[ok], dy[ok]
    i = int(torch.argmax(dy.abs()))
    return CurveSummary(float(y.min()), float(y.max()), float(dy[i].abs()), float(x[i]))


def _same_grid(*curves: object) -> tuple[Tensor, ...]:
    """Curves on one grid: 1-D tensors of one length (at most `MAX_POINTS`)."""
    tensors = tuple(as_tensor(c).detach() for c in curves)
    shapes = {tuple(t.shape) for t in tensors}
    if len(shapes) != 1 or tensors[0].ndim != 1:
        shown = ", ".join(str(tuple(t.shape)) for t in tensors)
        raise InputError(
            f"The curves must be 1-D tensors of one length, got shapes {shown}.",
            code="act_curve_shapes",
            shapes=shown,
        )
    return tensors
