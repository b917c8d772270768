"""Kernel pickers shared by the Gaussian-process pages: a kernel choice and one URL-bound
slider per parameter, returned as a hashable `core.gp_prior_views.Spec` (cache-friendly)."""

from __future__ import annotations

import streamlit as st

from core import gp_prior_views as views
from core import kernels
from ui import widgets
from ui.i18n import t

# parameter: (key suffix, low, high, default, log scale)
PARAM_SPECS = {
    "amplitude": ("amp", 0.1, 3.0, 1.0, False),
    "lengthscale": ("ls", 0.05, 5.0, 1.0, True),
    "period": ("period", 0.5, 5.0, 2.0, False),
    "alpha": ("alpha", 0.1, 10.0, 1.0, True),
    "sigma0": ("s0", 0.1, 5.0, 1.0, False),
    "sigma": ("s", 0.1, 10.0, 2.0, False),
    "linear_alpha": ("lalpha", 0.1, 3.0, 1.0, False),
}


def param_control(prefix: str, kernel: str, param: str) -> float:
    """The slider of one kernel parameter; its URL key is ``<prefix>_<suffix>``."""
    name = "linear_alpha" if (kernel, param) == ("Linear", "alpha") else param
    suffix, low, high, default, log = PARAM_SPECS[name]
    label_key = f"gp.param.{name}"
    key, label, help_text = f"{prefix}_{suffix}", t(label_key), t(f"{label_key}.help")
    if log:
        return widgets.log_slider(key, label, low, high, default, help=help_text)
    return widgets.slider(key, label, low, high, default, 0.1, help=help_text)


def kernel_controls(
    prefix: str, label_key: str, default: str, options=tuple(kernels.KERNELS), fixed=()
) -> views.Spec:
    """A kernel choice and a slider for each of its parameters (except those in fixed)."""
    name = widgets.select(
        f"{prefix}_kernel",
        t(label_key),
        options,
        default,
        help=t("gp.kernel.help"),
        option_key=lambda o: f"gp.kernel.{o}",
    )
    params = [p for p in kernels.PARAMETERS[name] if p not in fixed]
    values = {}
    for column, param in zip(st.columns(max(1, len(params))), params, strict=False):
        with column:
            values[param] = param_control(prefix, name, param)
    return views.spec_of(name, values)
