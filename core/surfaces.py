"""Loss surfaces of two parameters, and what calculus says about them at a point.

A `Surface` is a function f(x, y) on tensors with its formula, a window to draw it in and,
where they are known, its minima. Built-in surfaces (`SURFACES`, made by `surface`): a convex
bowl whose conditioning kappa is a control, Rosenbrock's banana valley, Himmelblau's four
minima, a sum of Gaussian wells with local minima, the saddle x^2 - y^2 and the monkey saddle
x^3 - 3xy^2. `typed_surface` turns a formula typed by the user into one, through the shared
safe parser `core.expression` (nothing typed is ever evaluated as Python).

Derivatives are `torch.autograd`'s: `landscape` evaluates f and its gradient on a whole grid
with one backward pass over the sum (each output depends on its own point only, so the
gradient of the sum at a point is the gradient of f there); `analyse_point` adds the Hessian
(`torch.autograd.functional.hessian`) and its eigenvalues, which tell a minimum, a maximum and
a saddle apart.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import torch

from core.errors import InputError
from core.expression import parse
from core.validate import bounded, excerpt, finite, int_in_range

Tensor = torch.Tensor
DTYPE = torch.float64  # descents on Rosenbrock's valley need more than float32's 7 digits

KAPPA_RANGE = (1e-3, 1e3)
HALF_WIDTH_RANGE = (0.1, 100.0)
POINT_LIMIT = 1e6  # beyond this a point has diverged (see core.optim)
FLOAT_MAX = torch.finfo(DTYPE).max  # 1.8e308: beyond it f overflows to +-inf
MAX_GRID = 400  # landscape: at most MAX_GRID x MAX_GRID points (and so every grid of z here)
# A point is critical when a Newton step from it is shorter than this fraction of the window's
# diagonal (a typed or clicked point is never exactly on one); relative tolerance of a zero
# eigenvalue.
CRITICAL_FRACTION = 1e-3
# ... and when that Newton step cuts the gradient at least this much: near a critical point a
# step nearly cancels it (Newton converges quadratically); on a steep slope (exp(100 x y) at
# (1, 1): a step of 0.01, yet |grad f| = 3.8e45) the gradient after it is of the same size.
NEWTON_GAIN = 0.1
FLAT_TOLERANCE = 1e-8
CURVATURES = ("convex", "concave", "saddle", "flat")


@dataclass(frozen=True)
class Surface:
    """f(x, y) (``fn``) with its LaTeX and PyTorch source (``code``, an expression in the
    tensors ``x`` and ``y``; ``torch``, ``F`` and ``math`` imported), the window
    ``bounds = (x_lo, x_hi, y_lo, y_hi)`` it is drawn in, a default start for descent, a
    default probe point, a learning rate for plain gradient descent that works from that start,
    the known minima and the known minimum value ``min_value`` (None when unknown)."""

    name: str
    fn: Callable[[Tensor, Tensor], Tensor]
    latex: str
    code: str
    bounds: tuple[float, float, float, float]
    start: tuple[float, float]
    probe: tuple[float, float]
    lr: float
    minima: tuple[tuple[float, float], ...] = ()
    min_value: float | None = None
    log_contours: bool = False  # values span decades: contour log(1 + f - min f)

    def __call__(self, x: Tensor, y: Tensor) -> Tensor:
        out = torch.broadcast_to(self.fn(x, y), torch.broadcast_shapes(x.shape, y.shape))
        if not out.requires_grad and (x.requires_grad or y.requires_grad):
            # A constant formula: keep it in the graph, so its gradient is 0, not an error.
            out = out + 0 * (x + y)
        return out

    @property
    def diagonal(self) -> float:
        x_lo, x_hi, y_lo, y_hi = self.bounds
        return math.hypot(x_hi - x_lo, y_hi - y_lo)


# --- the built-in surfaces -------------------------------------------------------------------

# Sum of Gaussian wells on a gentle bowl: (centre x, centre y, depth, width).
WELLS = ((-1.2, -0.8, 1.0, 0.6), (1.4, 0.4, 0.8, 0.8), (-0.3, 1.6, 0.6, 0.45))
WELL_BOWL = 0.04
# Himmelblau (1972): four minima, all with f = 0 (three of them known only numerically).
HIMMELBLAU_MINIMA = (
    (3.0, 2.0),
    (-2.805118086952745, 3.131312518250573),
    (-3.779310253377747, -3.283185991286170),
    (3.584428340330492, -1.848126526964404),
)


def _bowl(kappa: float) -> Surface:
    k = bounded("kappa", kappa, *KAPPA_RANGE)
    return Surface(
        "bowl",
        lambda x, y: 0.5 * (x**2 + k * y**2),
        rf"f(x, y) = \tfrac12\left(x^2 + {k:g}\,y^2\right)",
        f"0.5 * (x ** 2 + {k!r} * y ** 2)",
        (-5.0, 5.0, -5.0, 5.0),
        (-4.0, 2.0),
        (3.0, 1.0),
        0.018,  # 1/L at kappa = 50: plain GD crawls along the flat direction, momentum does not
        ((0.0, 0.0),),
        0.0,
    )


def _rosenbrock() -> Surface:
    return Surface(
        "rosenbrock",
        lambda x, y: (1 - x) ** 2 + 100 * (y - x**2) ** 2,
        r"f(x, y) = (1 - x)^2 + 100\,(y - x^2)^2",
        "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2",
        (-2.0, 2.0, -1.0, 3.0),
        (-1.2, 1.0),
        (-1.0, 1.5),
        0.001,
        ((1.0, 1.0),),
        0.0,
        log_contours=True,
    )


def _himmelblau() -> Surface:
    return Surface(
        "himmelblau",
        lambda x, y: (x**2 + y - 11) ** 2 + (x + y**2 - 7) ** 2,
        r"f(x, y) = (x^2 + y - 11)^2 + (x + y^2 - 7)^2",
        "(x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2",
        (-5.0, 5.0, -5.0, 5.0),
        (0.0, 0.0),
        (-0.1279, -1.9538),
        0.01,
        HIMMELBLAU_MINIMA,
        0.0,
        log_contours=True,
    )


def _wells_fn(x: Tensor, y: Tensor) -> Tensor:
    out = WELL_BOWL * (x**2 + y**2)
    for cx, cy, depth, width in WELLS:
        out = out - depth * torch.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * width**2))
    return out


def _gaussians() -> Surface:
    terms = " ".join(
        rf"- {'' if a == 1 else f'{a:g}'}\,e^{{-\left((x {-cx:+g})^2 + (y {-cy:+g})^2\right)"
        rf" / {2 * s**2:g}}}"
        for cx, cy, a, s in WELLS
    )
    code = f"{WELL_BOWL!r} * (x ** 2 + y ** 2)" + "".join(
        f" - {a!r} * torch.exp(-((x - {cx!r}) ** 2 + (y - {cy!r}) ** 2) / {2 * s**2!r})"
        for cx, cy, a, s in WELLS
    )
    return Surface(
        "gaussians",
        _wells_fn,
        rf"f(x, y) = {WELL_BOWL:g}\,(x^2 + y^2) {terms}",
        code,
        (-3.0, 3.0, -3.0, 3.0),
        (2.5, 2.5),
        (0.2, -0.3),
        0.1,
    )


def _saddle() -> Surface:
    return Surface(
        "saddle",
        lambda x, y: x**2 - y**2,
        r"f(x, y) = x^2 - y^2",
        "x ** 2 - y ** 2",
        (-2.0, 2.0, -2.0, 2.0),
        (1.8, 0.001),
        (0.0, 0.0),
        0.056,
    )


def _monkey_saddle() -> Surface:
    return Surface(
        "monkey_saddle",
        lambda x, y: x**3 - 3 * x * y**2,
        r"f(x, y) = x^3 - 3\,x y^2",
        "x ** 3 - 3 * x * y ** 2",
        (-1.5, 1.5, -1.5, 1.5),
        (1.2, 0.05),
        (0.0, 0.0),
        0.056,
    )


_BUILDERS: dict[str, Callable[[], Surface]] = {
    "rosenbrock": _rosenbrock,
    "himmelblau": _himmelblau,
    "gaussians": _gaussians,
    "saddle": _saddle,
    "monkey_saddle": _monkey_saddle,
}
SURFACES = ("bowl", *_BUILDERS)


def surface(name: str, kappa: float = 50.0) -> Surface:
    """The built-in surface ``name`` (one of `SURFACES`); ``kappa`` is the bowl's condition
    number: f = (x^2 + kappa y^2) / 2 has Hessian diag(1, kappa)."""
    if name == "bowl":
        return _bowl(kappa)
    if not isinstance(name, str) or name not in _BUILDERS:
        raise InputError(
            f"Unknown surface {excerpt(name)}; choose one of {', '.join(SURFACES)}.",
            code="gd_surface",
            name=excerpt(name),
            options=", ".join(SURFACES),
        )
    return _BUILDERS[name]()


def typed_surface(text: str, half_width: float = 4.0) -> Surface:
    """A surface from a formula in x and y, read by `core.expression.parse` (its
    `InputError` says what is wrong), drawn on the square [-half_width, half_width]^2."""
    w = bounded("half-width", half_width, *HALF_WIDTH_RANGE)
    expression = parse(text, variables=("x", "y"))
    # The code panel must give a tensor that depends on x and y even for a constant.
    code = f"{expression.code} + 0 * x + 0 * y" if expression.constant else expression.code
    return Surface(
        "typed",
        expression,
        f"f(x, y) = {expression.latex}",
        code,
        (-w, w, -w, w),
        (0.75 * w, 0.5 * w),
        (0.25 * w, 0.25 * w),
        0.056,
    )


# --- calculus on a grid and at a point -------------------------------------------------------


def _checked_point(x: float, y: float) -> tuple[float, float]:
    return (
        bounded("x", finite("x", x), -POINT_LIMIT, POINT_LIMIT),
        bounded("y", finite("y", y), -POINT_LIMIT, POINT_LIMIT),
    )


@dataclass(frozen=True)
class Landscape:
    """f and its gradient on a grid: ``z[i, j] = f(xs[j], ys[i])`` (rows follow y, as a
    contour plot wants), ``gx``, ``gy`` the partial derivatives there."""

    xs: Tensor
    ys: Tensor
    z: Tensor
    gx: Tensor
    gy: Tensor


def landscape(
    surf: Surface, n: int, bounds: tuple[float, float, float, float] | None = None
) -> Landscape:
    """f, df/dx and df/dy on an n x n grid over ``bounds`` (the surface's window by default).

    One backward pass over sum(f) gives every point's gradient at once: f acts on each grid
    point separately, so d(sum f)/d(x_ij) = df/dx at that point. Non-finite values (a typed
    log(x) left of 0) stay NaN or inf: the chart leaves a gap there.
    """
    n = int_in_range("grid size", n, 2, MAX_GRID)
    x_lo, x_hi, y_lo, y_hi = surf.bounds if bounds is None else _window(bounds)
    xs = torch.linspace(x_lo, x_hi, n, dtype=DTYPE)
    ys = torch.linspace(y_lo, y_hi, n, dtype=DTYPE)
    gy_, gx_ = torch.meshgrid(ys, xs, indexing="ij")
    x = gx_.clone().requires_grad_(True)
    y = gy_.clone().requires_grad_(True)
    with torch.enable_grad():
        z = surf(x, y)
        dx, dy = torch.autograd.grad(z.sum(), (x, y), allow_unused=True, materialize_grads=True)
    return Landscape(xs, ys, z.detach(), dx, dy)


def gradient(surf: Surface, x: float, y: float) -> Tensor:
    """(df/dx, df/dy) at (x, y) by autograd."""
    p = torch.tensor(_checked_point(x, y), dtype=DTYPE, requires_grad=True)
    with torch.enable_grad():
        (g,) = torch.autograd.grad(surf(p[0], p[1]), p)
    return g


def hessian(surf: Surface, x: float, y: float) -> Tensor:
    """The 2 x 2 matrix of second derivatives at (x, y) (torch.autograd.functional.hessian),
    symmetrised against round-off."""
    p = torch.tensor(_checked_point(x, y), dtype=DTYPE)
    h = torch.autograd.functional.hessian(lambda q: surf(q[0], q[1]), p)
    return (h + h.T) / 2


@dataclass(frozen=True)
class PointAnalysis:
    """Everything the gradient view says about one point.

    ``eigenvalues`` ascending, ``eigenvectors`` their unit vectors as columns; ``curvature``
    is "convex" (both eigenvalues > 0: f curves up in every direction), "concave" (both < 0),
    "saddle" (opposite signs: up one way, down the other) or "flat" (an eigenvalue is 0: the
    second derivatives cannot tell, as at the monkey saddle's centre). ``newton_step`` is
    |H^+ grad f|, how far a Newton step would go: the distance to the nearest critical point
    when f is close to quadratic there; ``critical`` when it is below `CRITICAL_FRACTION` of
    the window's diagonal, cancels the gradient and, taken, cuts it by `NEWTON_GAIN` (or the
    gradient is exactly 0).
    """

    point: tuple[float, float]
    value: float
    gradient: Tensor
    gradient_norm: float
    hessian: Tensor
    eigenvalues: Tensor
    eigenvectors: Tensor
    curvature: str
    newton_step: float
    critical: bool


def curvature_kind(eigenvalues: Tensor) -> str:
    """One of `CURVATURES` from the Hessian's eigenvalues (ascending)."""
    if torch.as_tensor(eigenvalues).numel() == 0:
        raise InputError("The Hessian has no eigenvalues to classify.", code="gd_no_eigenvalues")
    low, high = float(eigenvalues[0]), float(eigenvalues[-1])
    tolerance = FLAT_TOLERANCE * max(1.0, abs(low), abs(high))
    if low > tolerance:
        return "convex"
    if high < -tolerance:
        return "concave"
    if low < -tolerance and high > tolerance:
        return "saddle"
    return "flat"


def analyse_point(surf: Surface, x: float, y: float) -> PointAnalysis:
    """f, the gradient, its norm, the Hessian and its eigen-decomposition at (x, y).

    `InputError` when f or its derivatives are not finite there (outside a typed formula's
    domain, or at a kink of abs or max where the second derivative does not exist).
    """
    x, y = _checked_point(x, y)
    g = gradient(surf, x, y)
    h = hessian(surf, x, y)
    value = float(surf(torch.tensor(x, dtype=DTYPE), torch.tensor(y, dtype=DTYPE)))
    if not (math.isfinite(value) and bool(torch.isfinite(g).all() and torch.isfinite(h).all())):
        raise InputError(
            f"f or its derivatives are not finite at ({x:g}, {y:g}); choose another point.",
            code="gd_point_undefined",
            x=f"{x:g}",
            y=f"{y:g}",
        )
    eigenvalues, eigenvectors = torch.linalg.eigh(h)
    # hypot, not vector_norm: |(1e200, 1e200)| is 1.4e200, not inf (which made it "critical").
    norm = float(torch.hypot(*g))
    newton = torch.linalg.pinv(h) @ g
    step = float(torch.hypot(*newton))
    # The part of the gradient no step can cancel (H singular): a plane's gradient never does.
    residual = float(torch.hypot(*(g - h @ newton)))
    near = step < CRITICAL_FRACTION * surf.diagonal and residual <= 1e-6 * norm
    if near:
        after = gradient(surf, x - float(newton[0]), y - float(newton[1]))
        near = (
            bool(torch.isfinite(after).all()) and float(torch.hypot(*after)) <= NEWTON_GAIN * norm
        )
    return PointAnalysis(
        (x, y),
        value,
        g,
        norm,
        h,
        eigenvalues,
        eigenvectors,
        curvature_kind(eigenvalues),
        step,
        norm == 0 or near,
    )


def largest_curvature(surf: Surface, x: float, y: float) -> float:
    """L: the largest Hessian eigenvalue at (x, y). For the bowl it is the same everywhere,
    max(1, kappa), the Lipschitz constant of its gradient.

    `InputError` when the Hessian is not finite there (sin(1e300 x): its second derivative
    overflows)."""
    x, y = _checked_point(x, y)
    h = hessian(surf, x, y)
    if not bool(torch.isfinite(h).all()):
        raise InputError(
            f"The curvature of f (its Hessian) is not finite at ({x:g}, {y:g}).",
            code="gd_curvature_undefined",
            x=f"{x:g}",
            y=f"{y:g}",
        )
    return float(torch.linalg.eigvalsh(h)[-1])


# --- for drawing -----------------------------------------------------------------------------


def descent_directions(gx: Tensor, gy: Tensor) -> tuple[Tensor, Tensor]:
    """Unit vectors of -grad f (the direction of steepest descent), NaN where the gradient is
    0 or not finite (no direction to draw)."""
    norm = torch.hypot(gx, gy)  # not sqrt(gx^2 + gy^2), which overflows from |g| ~ 1e154 on
    usable = torch.isfinite(norm) & (norm > 0)
    safe = torch.where(usable, norm, torch.ones_like(norm))
    nan = torch.full_like(norm, math.nan)
    return torch.where(usable, -gx / safe, nan), torch.where(usable, -gy / safe, nan)


def steepest_descent_field(surf: Surface, n: int) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """(x, y, u, v) on an n x n grid over the window: each point and the unit vector of
    -grad f there (`descent_directions`), for a field of arrows."""
    grid = landscape(surf, n)
    y, x = torch.meshgrid(grid.ys, grid.xs, indexing="ij")
    return (x, y, *descent_directions(grid.gx, grid.gy))


def contour_values(surf: Surface, z: Tensor) -> tuple[Tensor, float | None]:
    """What the contour map colours: f itself, or log10(1 + f - min f) where f spans decades
    (Rosenbrock's walls are 10^4 times its valley); returns (values, min f) in the log case,
    (values, None) otherwise. Typed formulas take the log when the top of the grid is more than
    50 times further from the bottom than the median is.

    Where f is not finite (overflowed to +-inf, or NaN) the values are NaN: the map leaves a
    gap there (`gaps` says how much of it)."""
    _grid_values(z)
    drawn = torch.isfinite(z)
    nan = torch.full_like(z, math.nan)
    finite_z = z[drawn]
    if finite_z.numel() == 0:
        return nan, None
    low, median, high = (
        float(v)
        for v in torch.quantile(finite_z, torch.tensor([0.0, 0.5, 1.0], dtype=finite_z.dtype))
    )
    # f spanning more than FLOAT_MAX (high - low = inf) needs the log scale too: a linear one
    # has no finite width.
    width = high - low
    spread = surf.log_contours or (
        surf.name == "typed" and (width > 50 * (median - low) or math.isinf(width))
    )
    if not spread:
        return torch.where(drawn, z, nan), None
    values = torch.log10(1 + (z - low).clamp(min=0))
    # z - low overflows where f spans more than FLOAT_MAX: log10(1 + 2 d) with d = z/2 - low/2.
    wide = drawn & torch.isinf(values)
    values = torch.where(wide, math.log10(2) + torch.log10(0.5 + (z / 2 - low / 2)), values)
    return torch.where(drawn, values, nan), low


@dataclass(frozen=True)
class Gaps:
    """Where a grid of f has nothing to draw, as fractions of its points: ``overflow`` where f
    is +-inf (|f| passed `FLOAT_MAX`, the largest float64), ``undefined`` where it is NaN (log
    or sqrt of a negative number, 0 * inf); ``nowhere_finite`` when no point is left."""

    overflow: float
    undefined: float
    nowhere_finite: bool


def gaps(z: Tensor) -> Gaps:
    """The `Gaps` of the values ``z`` of f on a grid."""
    n = max(z.numel(), 1)
    return Gaps(
        int(torch.isinf(z).sum()) / n,
        int(torch.isnan(z).sum()) / n,
        not bool(torch.isfinite(z).any()),
    )


def display_ceiling(z: Tensor, quantile: float = 0.9) -> float | None:
    """The height a 3D view cuts f at, so that steep walls do not flatten the rest: the
    ``quantile`` of the finite values on the grid, None when there is none."""
    quantile = bounded("quantile", quantile, 0.0, 1.0)
    _grid_values(z)
    finite_z = z[torch.isfinite(z)]
    if finite_z.numel() == 0:
        return None
    return float(torch.quantile(finite_z, quantile))


def _grid_values(z: Tensor) -> None:
    """Values of f on a grid `landscape` could draw: at most `MAX_GRID` squared of them."""
    int_in_range("number of values of f", torch.as_tensor(z).numel(), 0, MAX_GRID**2)


def _window(bounds: object) -> tuple[float, float, float, float]:
    """(x_lo, x_hi, y_lo, y_hi) with lo < hi, inside +-`POINT_LIMIT`."""
    try:
        x_lo, x_hi, y_lo, y_hi = (
            bounded(name, v, -POINT_LIMIT, POINT_LIMIT)
            for name, v in zip(("x_lo", "x_hi", "y_lo", "y_hi"), bounds, strict=True)
        )
    except (TypeError, ValueError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(
            f"bounds must be four numbers (x_lo, x_hi, y_lo, y_hi), got {excerpt(bounds)}.",
            code="gd_bounds",
            bounds=excerpt(bounds),
        ) from None
    if not (x_lo < x_hi and y_lo < y_hi):
        shown = f"({x_lo:g}, {x_hi:g}, {y_lo:g}, {y_hi:g})"
        raise InputError(
            f"bounds must have x_lo < x_hi and y_lo < y_hi, got {shown}.",
            code="gd_bounds",
            bounds=shown,
        )
    return x_lo, x_hi, y_lo, y_hi
