"""What both trainers of the Bayesian-network page share: checked settings, parameters
initialised from a generator, a progress callback, and stopping when the loss diverges."""

from __future__ import annotations

import math
from collections.abc import Callable

import torch

from core.bnn import Params, shapes, width_of
from core.errors import InputError
from core.validate import bounded, int_in_range

Tensor = torch.Tensor
# callback(step, total steps, history so far): called every `report_every` steps and at the end
Progress = Callable[[int, int, dict[str, list[float]]], None]

MAX_STEPS = 20_000
LR_LIMITS = (1e-6, 10.0)


def check_steps(steps: object) -> int:
    return int_in_range("training steps", steps, 1, MAX_STEPS)


def check_lr(lr: object) -> float:
    return bounded("learning rate", lr, *LR_LIMITS)


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
