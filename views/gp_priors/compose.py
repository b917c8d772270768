"""Kernel algebra, composing: samples and covariance matrix of ``k1 + k2`` or ``k1 * k2``."""

from __future__ import annotations

from core import gp_prior_views as core_views
from core.kernels import Kernel
from ui import display, widgets
from ui.cached_views import cached_view
from ui.controls import Select
from ui.i18n import t
from ui.snippets import gp as snippets
from views.gp_priors import common
from views.gp_priors.common import K1, K2

OP = Select(key="gp_alg_op", label="gp.alg.op", options={"+": None, "*": None})
SYMBOL = {"+": "+", "*": r"\cdot"}


@cached_view(max_entries=16)
def composed(k1: Kernel, k2: Kernel, op: str, n: int, seed: int) -> core_views.PriorView:
    return core_views.compose_view(k1, k2, op, n, seed)


def render(n: int) -> None:
    k1, k2 = common.two_kernels(K1, K2)
    with display.controls():
        op = OP.draw()
    view = composed(k1, k2, op, n, widgets.seed())
    common.samples_and_matrix(view)
    widgets.formula(rf"k(x, x') = k_1(x, x') {SYMBOL[op]} k_2(x, x')", t("gp.alg.compose.note"))
    widgets.code_panel(
        snippets.compose_code(k1, k2, op, core_views.PATH_POINTS, n, widgets.seed(), view.jitter)
    )
