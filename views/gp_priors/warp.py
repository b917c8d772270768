"""Kernel algebra, warping: ``g(x) = x^2 f(x)`` from samples of f, against samples drawn
from ``x^2 x'^2 k(x, x')`` directly."""

from __future__ import annotations

from core import gp_prior_views as core_views
from core.kernels import Kernel
from ui import display, widgets
from ui.cached_views import cached_view
from ui.snippets import gp as snippets
from views.gp_priors import common
from views.gp_priors.common import K1


@cached_view(max_entries=16)
def warped(kernel: Kernel, n: int, seed: int) -> core_views.BuiltView:
    return core_views.warp_view(kernel, n, seed)


def render(n: int) -> None:
    with display.controls():
        kernel = K1.draw()
    view = warped(kernel, n, widgets.seed())
    common.built_and_direct(view, "gp.alg.warp.built", "gp.alg.warp.direct")
    widgets.formula(
        r"g(x) = a(x) f(x),\; a(x) = x^2 \;\Rightarrow\;"
        r" g \sim \mathcal{GP}\left(0,\; a(x)\, a(x')\, k(x, x')\right)"
    )
    widgets.code_panel(
        snippets.warp_code(kernel, core_views.PATH_POINTS, n, widgets.seed(), view.jitters)
    )
