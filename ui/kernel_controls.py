"""Kernel pickers shared by the Gaussian-process pages: a kernel choice and one URL-bound
slider per parameter, declared once here, drawn as a `core.kernels.Kernel` (a hashable value,
so views cache on it)."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from core import kernels
from ui.controls import Control, LogSlider, Select, Slider

# The label of each kernel in the picker.
KERNEL_LABELS = {
    "RBF": "gp.kernel.RBF",
    "Linear": "gp.kernel.Linear",
    "OrnsteinUhlenbeck": "gp.kernel.OrnsteinUhlenbeck",
    "Matern32": "gp.kernel.Matern32",
    "Matern52": "gp.kernel.Matern52",
    "Periodic": "gp.kernel.Periodic",
    "RationalQuadratic": "gp.kernel.RationalQuadratic",
    "NeuralNetwork": "gp.kernel.NeuralNetwork",
    "ArcCosine": "gp.kernel.ArcCosine",
}
# The note shown under each kernel's formula.
KERNEL_NOTES = {
    "RBF": "gp.kernel.RBF.note",
    "Linear": "gp.kernel.Linear.note",
    "OrnsteinUhlenbeck": "gp.kernel.OrnsteinUhlenbeck.note",
    "Matern32": "gp.kernel.Matern32.note",
    "Matern52": "gp.kernel.Matern52.note",
    "Periodic": "gp.kernel.Periodic.note",
    "RationalQuadratic": "gp.kernel.RationalQuadratic.note",
    "NeuralNetwork": "gp.kernel.NeuralNetwork.note",
    "ArcCosine": "gp.kernel.ArcCosine.note",
}


@dataclass(frozen=True)
class _Range:
    """A kernel parameter's slider: URL-key suffix, catalog label, range, log scale."""

    suffix: str
    label: str
    low: float
    high: float
    default: float
    log: bool = False

    def control(self, prefix: str) -> Control:
        if self.log:
            return LogSlider(
                key=f"{prefix}_{self.suffix}",
                label=self.label,
                low=self.low,
                high=self.high,
                default=self.default,
            )
        return Slider(
            key=f"{prefix}_{self.suffix}",
            label=self.label,
            low=self.low,
            high=self.high,
            default=self.default,
            step=0.1,
        )


# Every kernel parameter's range, for both GP pages (the Linear kernel's alpha is a weight
# scale, RationalQuadratic's a shape: same name, different sliders).
RANGES = {
    "amplitude": _Range("amp", "gp.param.amplitude", 0.1, 3.0, 1.0),
    "lengthscale": _Range("ls", "gp.param.lengthscale", 0.05, 5.0, 1.0, log=True),
    "period": _Range("period", "gp.param.period", 0.5, 5.0, 2.0),
    "alpha": _Range("alpha", "gp.param.alpha", 0.1, 10.0, 1.0, log=True),
    "sigma0": _Range("s0", "gp.param.sigma0", 0.1, 5.0, 1.0),
    "sigma": _Range("s", "gp.param.sigma", 0.1, 10.0, 2.0),
    "linear_alpha": _Range("lalpha", "gp.param.linear_alpha", 0.1, 3.0, 1.0),
}


def parameter_range(kernel: str, param: str) -> _Range:
    return RANGES["linear_alpha" if (kernel, param) == ("Linear", "alpha") else param]


@dataclass(frozen=True)
class KernelPicker:
    """A kernel choice (URL key ``<prefix>_kernel``) and a slider per parameter of the chosen
    kernel (``<prefix>_<suffix>``), except those in ``fixed``."""

    prefix: str
    label: str
    default: str
    options: tuple[str, ...] = tuple(kernels.KERNELS)
    fixed: tuple[str, ...] = ()

    @property
    def choice(self) -> Select:
        options = {name: KERNEL_LABELS[name] for name in self.options}
        return Select(
            key=f"{self.prefix}_kernel",
            label=self.label,
            help="gp.kernel.help",
            options=options,
            default=self.default,
        )

    def parameter(self, kernel: str, param: str) -> Control:
        """The slider of ``param`` of ``kernel``."""
        return parameter_range(kernel, param).control(self.prefix)

    def parameters(self, kernel: str) -> list[str]:
        return [p for p in kernels.PARAMETERS[kernel] if p not in self.fixed]

    def controls(self) -> list[Control]:
        """Every control the picker can show (for the page sweeps)."""
        sliders = {
            (param, self.parameter(name, param).key): self.parameter(name, param)
            for name in self.options
            for param in self.parameters(name)
        }
        return [self.choice, *sliders.values()]

    def draw(self) -> kernels.Kernel:
        name = self.choice.draw()
        params = self.parameters(name)
        values = {}
        for column, param in zip(st.columns(max(1, len(params))), params, strict=False):
            with column:
                values[param] = self.parameter(name, param).draw()
        return kernels.make_kernel(name, **values)
