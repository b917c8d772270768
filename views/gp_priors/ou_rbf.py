"""Kernel algebra, OU against RBF: both kernels at one lengthscale, drawn from the same z."""

from __future__ import annotations

from core import kernels
from ui import display, widgets
from ui.i18n import t
from ui.kernel_controls import parameter_range
from views.gp_priors import common

LENGTHSCALE = parameter_range("RBF", "lengthscale").control("gp_alg")


def render(n: int) -> None:
    with display.controls():
        ls = LENGTHSCALE.draw()
    pair = (
        kernels.OrnsteinUhlenbeck(amplitude=1.0, lengthscale=ls),
        kernels.RBF(amplitude=1.0, lengthscale=ls),
    )
    common.same_noise(pair, n, ("gp.alg.ou_rbf.ou", "gp.alg.ou_rbf.rbf"))
    widgets.formula(
        r"k_{\mathrm{OU}} = \exp\left(-\frac{|x - x'|}{\ell}\right) \quad \text{vs} \quad"
        r" k_{\mathrm{RBF}} = \exp\left(-\frac{(x - x')^2}{2\ell^2}\right)",
        t("gp.alg.ou_rbf.note"),
    )
