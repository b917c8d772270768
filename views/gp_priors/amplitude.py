"""Kernel algebra, amplitude: a stationary kernel at amplitude 1 and at amplitude a, drawn
from the same z: ``L_a = a L_1``, so ``f_a = a f_1``."""

from __future__ import annotations

from dataclasses import replace

from core import kernels
from ui import display, widgets
from ui.kernel_controls import parameter_range
from views.gp_priors import common

# the first kernel's picker without its amplitude, which this view sets itself
KERNEL = replace(common.K1, options=kernels.STATIONARY, fixed=("amplitude",))
AMPLITUDE = replace(parameter_range("RBF", "amplitude").control("gp_alg"), default=2.0)


def render(n: int) -> None:
    with display.controls():
        kernel = KERNEL.draw()
        a = AMPLITUDE.draw()
    name, params = type(kernel).__name__, kernel.parameters
    pair = tuple(kernels.make_kernel(name, **(params | {"amplitude": v})) for v in (1.0, a))
    common.same_noise(pair, n, ("gp.alg.amplitude.one", "gp.alg.amplitude.a"), amplitude=a)
    widgets.formula(
        r"k_a(x, x') = a^2 k_1(x, x') \;\Rightarrow\; L_a = a L_1,\; f_a = a\, f_1"
        r" \text{ for the same } z"
    )
