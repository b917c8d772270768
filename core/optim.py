"""Gradient descent on a surface of two parameters, done by `torch.optim` itself.

What is drawn is what PyTorch does: the parameters are a tensor, each step is
``optimizer.zero_grad(); f(theta).backward(); optimizer.step()`` with `torch.optim.SGD` (plain,
heavy-ball momentum, Nesterov), `torch.optim.RMSprop` or `torch.optim.Adam` (`make_optimizer`).
`descend` follows one start and stops, with a status instead of an exception, when the
parameters stop being finite or leave the box |theta_i| <= 1e6 (`STATUSES`). `basins` runs a
whole grid of starts at once and labels each by the minimum it reaches. `stable_lr` gives the
learning-rate bound of the quadratic: plain GD on f = (L/2) x^2 converges iff lr < 2 / L.

The surfaces and the calculus at a point live in `core.surfaces` (re-exported here).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import torch

from core.errors import InputError
from core.surfaces import (
    CURVATURES,
    DTYPE,
    FLOAT_MAX,
    POINT_LIMIT,
    SURFACES,
    Gaps,
    Landscape,
    PointAnalysis,
    Surface,
    analyse_point,
    contour_values,
    curvature_kind,
    descent_directions,
    display_ceiling,
    gaps,
    gradient,
    hessian,
    landscape,
    largest_curvature,
    steepest_descent_field,
    surface,
    typed_surface,
)
from core.validate import bounded, excerpt, finite, first_items, int_in_range, product_at_most

__all__ = [
    "CURVATURES",
    "FLOAT_MAX",
    "OPTIMIZERS",
    "OUTCOMES",
    "STATUSES",
    "SURFACES",
    "Basins",
    "Gaps",
    "Landscape",
    "PointAnalysis",
    "Surface",
    "Trajectory",
    "analyse_point",
    "basins",
    "contour_values",
    "curvature_kind",
    "descend",
    "descend_all",
    "descent_directions",
    "display_ceiling",
    "gaps",
    "gradient",
    "hessian",
    "landscape",
    "largest_curvature",
    "make_optimizer",
    "stable_lr",
    "steepest_descent_field",
    "surface",
    "typed_surface",
]

Tensor = torch.Tensor

OPTIMIZERS = ("gd", "momentum", "nesterov", "rmsprop", "adam")
STATUSES = ("finished", "diverged", "unbounded", "undefined")
_FINISHED, _DIVERGED, _UNBOUNDED, _UNDEFINED = range(4)
LR_RANGE = (1e-6, 100.0)
MAX_STEPS = 5000
MAX_BASIN_GRID = 100
# Basins run every start at once: each step is one pass over n x n points (~10 ms of autograd
# overhead plus the points), so n x n x steps <= MAX_BASIN_WORK keeps a call under ~10 s
# (the page's largest is 50 x 50 x 500 = 1.25M).
MAX_BASIN_WORK = 5_000_000
# Basins: descents that end within this fraction of the window's diagonal of a minimum (found
# by Newton's method) reach it; minima closer than this are one; at most MAX_BASINS are told
# apart.
BASIN_RADIUS = 0.03
MAX_BASINS = 8
NEWTON_STEPS = 8
# Basin labels that are not a minimum's index.
OUTCOMES = {"diverged": -1, "unbounded": -2, "undefined": -3, "elsewhere": -4, "other": -5}


# --- optimisers ------------------------------------------------------------------------------


def _betas(beta1: float, beta2: float) -> tuple[float, float]:
    b1 = bounded("beta1", beta1, 0.0, 0.999)
    b2 = bounded("beta2", beta2, 0.0, 0.99999)
    return b1, b2


def make_optimizer(
    name: str, params: Iterable[Tensor], lr: float, beta1: float = 0.9, beta2: float = 0.999
) -> torch.optim.Optimizer:
    """The `torch.optim` optimiser ``name`` (one of `OPTIMIZERS`) over ``params``.

    PyTorch's formulations (its docs), with g the gradient and b, m, v its running buffers:
    gd: theta -= lr g; momentum: b = beta1 b + g, theta -= lr b; nesterov: b = beta1 b + g,
    theta -= lr (g + beta1 b); rmsprop: v = beta2 v + (1 - beta2) g^2,
    theta -= lr g / (sqrt v + eps); adam: betas (beta1, beta2), bias-corrected.
    Nesterov with beta1 = 0 is plain GD (torch refuses nesterov=True without momentum).
    """
    lr = bounded("learning rate", lr, *LR_RANGE)
    b1, b2 = _betas(beta1, beta2)
    params = list(params)
    if name == "gd" or (name == "nesterov" and b1 == 0):
        return torch.optim.SGD(params, lr=lr)
    if name in ("momentum", "nesterov"):
        return torch.optim.SGD(params, lr=lr, momentum=b1, nesterov=name == "nesterov")
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=b2)
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(b1, b2))
    raise InputError(
        f"Unknown optimiser {excerpt(name)}; choose one of {', '.join(OPTIMIZERS)}.",
        code="gd_optimizer",
        name=excerpt(name),
        options=", ".join(OPTIMIZERS),
    )


def stable_lr(optimizer: str, curvature: float, beta1: float = 0.9) -> float | None:
    """The largest stable learning rate on a quadratic of curvature L (its Hessian's largest
    eigenvalue), None where there is no such bound (adaptive methods, or L <= 0).

    On f = (L/2) x^2 the iteration is linear; its companion matrix has spectral radius < 1 iff
    gd: lr < 2 / L; momentum (heavy ball): lr < 2 (1 + beta) / L;
    nesterov (PyTorch's form): lr < 2 (1 + beta) / ((1 + 2 beta) L)
    (Jury's test on z^2 - T z + D; e.g. Goh 2017, "Why momentum really works", for the first
    two). RMSprop and Adam divide by a running gradient scale, so no fixed bound applies.
    """
    L = finite("curvature", curvature)
    b = bounded("beta1", beta1, 0.0, 0.999)
    if L <= 0 or optimizer not in ("gd", "momentum", "nesterov"):
        return None
    if optimizer == "gd":
        return 2 / L
    if optimizer == "momentum":
        return 2 * (1 + b) / L
    return 2 * (1 + b) / ((1 + 2 * b) * L)


# --- one loop for one start or a batch of them -----------------------------------------------


@dataclass
class _Run:
    """Rows of all optimisers together: optimiser i owns rows i*m ... (i+1)*m - 1."""

    status: Tensor  # (k m,) index into STATUSES
    steps: Tensor  # (k m,) steps of the valid path: theta_0 ... theta_steps are drawn
    ends: Tensor  # (k m, 2) last valid point
    history: list[Tensor]  # theta_t of every row at every step, when recorded
    losses: list[Tensor]


def _run(
    surf: Surface,
    starts: Tensor,
    optimizers: Sequence[str],
    lr: float,
    steps: int,
    beta1: float,
    beta2: float,
    record: bool,
) -> _Run:
    """Descend from each row of ``starts`` (m, 2) with each optimiser, all at once.

    Each optimiser steps a parameter tensor of its own, a copy of ``starts``; f is evaluated
    on all of them concatenated, so one forward and one backward pass serve every optimiser
    and every start (autograd's per-pass overhead dominates at this size). This changes
    nothing for any row: its loss depends on its own parameters only, so the gradient of the
    sum is, row by row, the gradient at that row's point.

    A row stops (its path ends at its last valid point) when its parameters leave the box or
    stop being finite: "unbounded" if its loss had fallen below its start value (f -> -inf,
    as past a saddle), else "diverged"; or when f or the gradient is not finite at a point
    inside the box: "undefined". Stopped rows go on being updated, and are ignored. The
    checks cost a few element-wise operations per step while every row is fine.
    """
    params = [starts.clone().requires_grad_(True) for _ in optimizers]
    opts = [
        make_optimizer(name, [p], lr, beta1, beta2)
        for name, p in zip(optimizers, params, strict=True)
    ]
    rows = len(params) * starts.shape[0]
    alive = torch.ones(rows, dtype=torch.bool)
    all_alive = True
    status = torch.full((rows,), _FINISHED, dtype=torch.long)
    valid_steps = torch.full((rows,), steps, dtype=torch.long)
    ends = torch.full((rows, 2), math.nan, dtype=starts.dtype)
    first = previous = previous_value = None
    history, losses = [], []
    for t in range(steps + 1):
        with torch.enable_grad():
            theta = torch.cat(params)
            loss = surf(theta[:, 0], theta[:, 1])
        value, current = loss.detach(), theta.detach()
        first = value if first is None else first
        # |p| <= limit is False for NaN and inf too.
        ok = torch.isfinite(value) & (current.abs() <= POINT_LIMIT).all(1)
        if not bool(ok.all()):
            stopped = alive & ~ok
            if bool(stopped.any()):
                reason = _stop_reason(current, value, previous_value, first)
                status = torch.where(stopped, reason, status)
                if previous is not None:
                    ends = torch.where(stopped[:, None], previous, ends)
                valid_steps = torch.where(stopped, t - 1, valid_steps)
                alive &= ~stopped
        if record:
            history.append(current)
            losses.append(value)
        all_alive = all_alive and bool(alive.all())
        if t == steps or not (all_alive or bool(alive.any())):
            break
        for p in params:
            p.grad = None
        loss.sum().backward()
        grads = torch.cat([p.grad for p in params])
        if not bool(torch.isfinite(grads).all()):
            no_gradient = alive & ~torch.isfinite(grads).all(1)
            status = torch.where(no_gradient, _UNDEFINED, status)
            ends = torch.where(no_gradient[:, None], current, ends)
            valid_steps = torch.where(no_gradient, t, valid_steps)
            alive &= ~no_gradient
        for opt in opts:
            opt.step()
        previous, previous_value = current, value
    ends = torch.where(alive[:, None], current, ends)
    return _Run(status, valid_steps, ends, history, losses)


def _stop_reason(point: Tensor, value: Tensor, previous: Tensor | None, first: Tensor) -> Tensor:
    """Why a row would stop here (an index into STATUSES), for every row."""
    inside = (point.abs() <= POINT_LIMIT).all(1)
    falling = (previous if previous is not None else value) < first
    reason = torch.where(falling, _UNBOUNDED, _DIVERGED)
    # Inside the box, f itself is not finite: +inf diverges, -inf is unbounded, NaN undefined.
    reason = torch.where(inside & (value == math.inf), _DIVERGED, reason)
    reason = torch.where(inside & (value == -math.inf), _UNBOUNDED, reason)
    return torch.where(inside & torch.isnan(value), _UNDEFINED, reason)


def _start(x: float, y: float) -> Tensor:
    return torch.tensor(
        [[bounded(n, v, -POINT_LIMIT, POINT_LIMIT) for n, v in (("x0", x), ("y0", y))]],
        dtype=DTYPE,
    )


@dataclass(frozen=True)
class Trajectory:
    """The path of one optimiser: ``points`` (k + 1, 2) are theta_0 (the start) to theta_k,
    ``losses`` f there; k is the number of steps asked for unless the run stopped early, which
    ``status`` (one of `STATUSES`) says why."""

    optimizer: str
    points: Tensor
    losses: Tensor
    status: str

    @property
    def steps(self) -> int:
        return len(self.points) - 1


def descend_all(
    surf: Surface,
    start: tuple[float, float],
    optimizers: Sequence[str],
    lr: float,
    steps: int,
    beta1: float = 0.9,
    beta2: float = 0.999,
) -> dict[str, Trajectory]:
    """``steps`` steps of each of ``optimizers`` on ``surf`` from the same ``start``, run
    together (see `_run`): exactly what `descend` gives for each one alone.

    `InputError` when f is not finite at the start itself."""
    steps = int_in_range("steps", steps, 0, MAX_STEPS)
    starts = _start(*start)
    # Each optimiser at most once: a longer list (repeats) is a mistake, not more work to do.
    names = list(dict.fromkeys(str(n) for n in first_items("optimizers", optimizers, 100)))
    run = _run(surf, starts, names, lr, steps, beta1, beta2, record=True)
    if int(run.steps[0]) < 0:
        x, y = starts[0].tolist()
        raise InputError(
            f"f is not finite at the start ({x:g}, {y:g}); choose another start.",
            code="gd_start_undefined",
            x=f"{x:g}",
            y=f"{y:g}",
        )
    points, losses = torch.stack(run.history), torch.stack(run.losses)
    paths = {}
    for i, name in enumerate(names):
        k = int(run.steps[i])
        status = STATUSES[int(run.status[i])]
        paths[name] = Trajectory(name, points[: k + 1, i], losses[: k + 1, i], status)
    return paths


def descend(
    surf: Surface,
    start: tuple[float, float],
    optimizer: str,
    lr: float,
    steps: int,
    beta1: float = 0.9,
    beta2: float = 0.999,
) -> Trajectory:
    """``steps`` steps of ``optimizer`` on ``surf`` from ``start`` (see `make_optimizer`).

    `InputError` when f is not finite at the start itself."""
    return descend_all(surf, start, [optimizer], lr, steps, beta1, beta2)[optimizer]


# --- basins of attraction --------------------------------------------------------------------


@dataclass(frozen=True)
class Basins:
    """Where descents from an n x n grid of starts end.

    ``starts`` and ``ends`` (n*n, 2) (rows follow y, then x); ``labels`` (n*n,) the index of
    the minimum reached in ``minima`` (k, 2), or one of `OUTCOMES`: diverged, unbounded,
    undefined, "elsewhere" (not within a Newton step of a minimum when the steps ran out: still
    moving, or stuck at a saddle), "other" (a minimum beyond the first `MAX_BASINS`).
    ``minimum_values`` is f at each minimum; ``known[i]`` whether minimum i is one of the
    surface's known minima (else it is estimated from where the descents ended).
    """

    starts: Tensor
    ends: Tensor
    labels: Tensor
    minima: Tensor
    minimum_values: Tensor
    known: tuple[bool, ...]

    def shares(self) -> dict[int, float]:
        """The fraction of the starts with each label that occurs (also once the tensors are
        numpy arrays, as a cached view returns them)."""
        values, counts = torch.unique(torch.as_tensor(self.labels), return_counts=True)
        total = len(self.labels)
        return {int(v): int(c) / total for v, c in zip(values, counts, strict=True)}


def _grid_starts(bounds: tuple[float, float, float, float], n: int) -> Tensor:
    x_lo, x_hi, y_lo, y_hi = bounds
    gy, gx = torch.meshgrid(
        torch.linspace(y_lo, y_hi, n, dtype=DTYPE),
        torch.linspace(x_lo, x_hi, n, dtype=DTYPE),
        indexing="ij",
    )
    return torch.stack([gx.ravel(), gy.ravel()], dim=1)


def _hessians(surf: Surface, points: Tensor) -> tuple[Tensor, Tensor]:
    """(gradients (m, 2), Hessians (m, 2, 2)) at many points at once.

    Second derivatives of the summed gradient, as for the gradient itself: each point's
    Hessian is its own."""
    x = points[:, 0].clone().requires_grad_(True)
    y = points[:, 1].clone().requires_grad_(True)
    with torch.enable_grad():
        first = torch.autograd.grad(
            surf(x, y).sum(), (x, y), create_graph=True, allow_unused=True, materialize_grads=True
        )
        rows = [
            torch.autograd.grad(
                g.sum(), (x, y), retain_graph=True, allow_unused=True, materialize_grads=True
            )
            if g.requires_grad
            else (torch.zeros_like(x), torch.zeros_like(y))  # a linear f: constant gradient
            for g in first
        ]
    h = torch.stack([torch.stack([d.detach() for d in row], dim=1) for row in rows], dim=1)
    return torch.stack([g.detach() for g in first], dim=1), (h + h.transpose(1, 2)) / 2


def _nearby_minima(surf: Surface, ends: Tensor, radius: float) -> tuple[Tensor, Tensor]:
    """(the local minimum next to each end, whether there is one within ``radius``).

    Newton's method from each end, `NEWTON_STEPS` times: where f curves up all the way and
    the iteration settles (its last step under a tenth of ``radius``) within ``radius`` of the
    end, the end has arrived at that minimum. One Newton step alone is fooled by curved
    valleys such as Rosenbrock's; the pseudo-inverse copes with a flat direction."""
    points = ends.clone()
    ok = torch.ones(len(ends), dtype=torch.bool)
    step = torch.zeros_like(ends)
    for _ in range(NEWTON_STEPS):
        g, h = _hessians(surf, points)
        finite = torch.isfinite(h).all((1, 2)) & torch.isfinite(g).all(1)
        h = torch.where(finite[:, None, None], h, torch.zeros_like(h))
        g = torch.where(finite[:, None], g, torch.zeros_like(g))
        scale = h.abs().amax((1, 2)).clamp(min=1.0)
        ok &= finite & (torch.linalg.eigvalsh(h)[:, 0] >= -1e-8 * scale)
        step = (torch.linalg.pinv(h) @ g.unsqueeze(-1)).squeeze(-1)
        points = points - step
    settled = torch.linalg.vector_norm(step, dim=1) < radius / 10
    near = torch.linalg.vector_norm(points - ends, dim=1) < radius
    return points, ok & settled & near & torch.isfinite(points).all(1)


def basins(
    surf: Surface,
    optimizer: str,
    lr: float,
    steps: int,
    n: int,
    beta1: float = 0.9,
    beta2: float = 0.999,
) -> Basins:
    """Descend from each point of an n x n grid over the surface's window, all at once.

    The parameter tensor is (n*n, 2) and the loss the sum of f over its rows. This is exactly
    n*n separate descents: the gradient of the sum is, row by row, each point's own gradient,
    and every torch.optim update used here is element-wise — SGD, momentum and Nesterov are
    linear in the gradient with one buffer entry per parameter entry, RMSprop's and Adam's
    running averages of g and g^2 (and their bias corrections) are per entry too. Nothing
    mixes rows (no weight decay, no gradient clipping, no norm over the tensor).

    A descent reaches a minimum when Newton's method from its end settles on a minimum
    within `BASIN_RADIUS` of the window's diagonal (f curving up all the way); ends at the
    same minimum (within that radius) share a label; a known minimum is used as it is known.
    """
    steps = int_in_range("steps", steps, 0, MAX_STEPS)
    n = int_in_range("grid size", n, 2, MAX_BASIN_GRID)
    product_at_most([("grid size", n), ("grid size", n), ("steps", steps)], MAX_BASIN_WORK)
    starts = _grid_starts(surf.bounds, n)
    run = _run(surf, starts, [optimizer], lr, steps, beta1, beta2, record=False)
    labels = torch.full((len(starts),), OUTCOMES["elsewhere"], dtype=torch.long)
    labels[run.status == _DIVERGED] = OUTCOMES["diverged"]
    labels[run.status == _UNBOUNDED] = OUTCOMES["unbounded"]
    labels[run.status == _UNDEFINED] = OUTCOMES["undefined"]
    finished = run.status == _FINISHED
    radius = BASIN_RADIUS * surf.diagonal
    minima, known = [], []
    if bool(finished.any()):
        index = torch.nonzero(finished).ravel()
        estimates, arrived = _nearby_minima(surf, run.ends[index], radius)
        candidates, estimates = index[arrived], estimates[arrived]
        minima, known = _label_minima(surf, candidates, estimates, labels, radius)
    points = torch.tensor(minima, dtype=DTYPE).reshape(-1, 2)
    values = surf(points[:, 0], points[:, 1]).detach() if len(points) else torch.zeros(0)
    return Basins(starts, run.ends, labels, points, values, tuple(known))


def _label_minima(
    surf: Surface, index: Tensor, estimates: Tensor, labels: Tensor, radius: float
) -> tuple[list[tuple[float, float]], list[bool]]:
    """Give each arriving descent (``index`` into ``labels``, its minimum's estimate) the
    label of its minimum: known minima first, then the estimates grouped greedily (lowest f
    first: each group takes every estimate within ``radius`` of its first member)."""
    minima: list[tuple[float, float]] = []
    known: list[bool] = []
    free = torch.ones(len(index), dtype=torch.bool)
    for point in surf.minima:
        near = free & (
            torch.linalg.vector_norm(estimates - torch.tensor(point, dtype=DTYPE), dim=1) < radius
        )
        if bool(near.any()):
            labels[index[near]] = len(minima)
            minima.append(point)
            known.append(True)
            free &= ~near
    with torch.no_grad():
        order = torch.argsort(surf(estimates[:, 0], estimates[:, 1]))
    for i in order.tolist():
        if not free[i]:
            continue
        if len(minima) == MAX_BASINS:
            labels[index[free]] = OUTCOMES["other"]
            break
        near = free & (torch.linalg.vector_norm(estimates - estimates[i], dim=1) < radius)
        labels[index[near]] = len(minima)
        minima.append(tuple(estimates[near].mean(0).tolist()))
        known.append(False)
        free &= ~near
    return minima, known
