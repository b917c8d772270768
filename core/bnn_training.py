"""What both trainers of the Bayesian-network page share: checked settings, parameters
initialised from a generator, a progress callback, and stopping when the loss diverges."""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from core.bnn import BLOCK, Params, shapes, width_of
from core.bnn_data import MAX_POINTS
from core.errors import InputError
from core.validate import bounded, int_in_range

Tensor = torch.Tensor
# callback(step, total steps, history so far): called every `report_every` steps and at the end
Progress = Callable[[int, int, dict[str, list[float]]], None]

MAX_STEPS = 20_000
LR_LIMITS = (1e-6, 10.0)
# The cost budget of one training, in hidden-unit evaluations: steps x networks per step x
# training points x width (each step evaluates and differentiates that many hidden units).
# Measured once on one core (the server runs torch with OMP_NUM_THREADS=1), 1e8 of them took
# 1.2-1.7 s of Bayes by backprop and 2.7-5.5 s of the noise trainer: 1-4 default trainings
# (1.3 s and 2.4 s), as long as the per-step overhead (~1 ms) of 5000 steps of the smallest
# network. The link of issue 18 (5000 steps x K 32 x n 200 x width 500 = 1.6e10) took 128 s.
MAX_WORK = 100_000_000


def check_steps(steps: object) -> int:
    return int_in_range("training steps", steps, 1, MAX_STEPS)


def check_lr(lr: object) -> float:
    return bounded("learning rate", lr, *LR_LIMITS)


def check_budget(steps: int, networks: int, n: int, width: int) -> None:
    """Refuse a training over the budget, ``steps x networks x n x width <= MAX_WORK``
    (``networks`` evaluated per step on ``n`` points), or one whose step alone holds a hidden
    layer larger than `core.bnn.BLOCK` numbers (its memory). Arguments already checked."""
    units = networks * n * width
    if units > BLOCK:
        raise InputError(
            f"One training step would hold {units:,} hidden units ({networks} networks x {n} "
            f"points x width {width}), more than the {BLOCK:,} that fit in memory. Lower the "
            "networks per step, the points or the width.",
            code="bnn_step_too_large",
            units=units,
            networks=networks,
            n=n,
            width=width,
            limit=BLOCK,
        )
    work = steps * units
    if work > MAX_WORK:
        raise InputError(
            f"This training is too large for the server: {steps} steps x {networks} networks "
            f"per step x {n} points x width {width} = {work:,} hidden-unit evaluations, more "
            f"than the budget of {MAX_WORK:,}. Lower the steps, the networks per step, the "
            f"points or the width until the product is at most {MAX_WORK:,}: with the others "
            f"as they are, at most {MAX_WORK // units:,} steps fit.",
            code="bnn_over_budget",
            steps=steps,
            networks=networks,
            n=n,
            width=width,
            work=work,
            budget=MAX_WORK,
            max_steps=MAX_WORK // units,
        )


def check_data(x: Tensor, y: Tensor, name: str = "training data") -> tuple[Tensor, Tensor]:
    """Inputs and targets as matching 1-D float tensors of finite numbers."""
    x, y = torch.as_tensor(x), torch.as_tensor(y)
    if x.ndim != 1 or x.shape != y.shape or x.numel() == 0:
        raise InputError(
            f"The {name} must be two 1-D tensors of the same length, got shapes "
            f"{tuple(x.shape)} and {tuple(y.shape)}.",
            code="bnn_data_shape",
            name=name,
        )
    int_in_range(f"number of points in the {name}", x.numel(), 1, MAX_POINTS)
    if not bool(torch.isfinite(x).all() & torch.isfinite(y).all()):
        raise InputError(
            f"The {name} contain NaN or infinite values.", code="bnn_data_not_finite", name=name
        )
    dtype = torch.get_default_dtype()
    return x.to(dtype), y.to(dtype)


def init_params(width: int, generator: torch.Generator | None = None) -> Params:
    """One network's parameters as ``nn.Linear`` initialises them, but from our generator:
    weight and bias ``~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))`` (fan_in = 1 for fc1, J for out),
    drawn in the order of ``core.bnn.PARAMETERS``."""
    width = width_of(width)
    bound = {"fc1": 1.0, "out": 1.0 / math.sqrt(width)}
    return {
        name: bound[name.split(".")[0]] * (2 * torch.rand(shape, generator=generator) - 1)
        for name, shape in shapes(width).items()
    }


def check_loss(loss: Tensor, step: int, lr: float) -> None:
    """Stop with a message, not a crash, when training has diverged."""
    if not bool(torch.isfinite(loss)):
        raise InputError(
            f"Training diverged at step {step}: the loss became {loss.item()}. Lower the "
            f"learning rate (now {lr:g}).",
            code="bnn_diverged",
            step=step,
            lr=lr,
        )


def report(
    callback: Progress | None, step: int, steps: int, every: int, history: dict[str, list[float]]
) -> None:
    """Call ``callback`` every ``every`` steps and at the last one."""
    if callback is not None and (step % every == 0 or step == steps):
        callback(step, steps, history)
