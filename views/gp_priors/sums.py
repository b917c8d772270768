"""Kernel algebra, sums: ``u = f + 2 g`` built from samples of two GPs, against samples drawn
from ``k1 + 4 k2`` directly."""

from __future__ import annotations

from core import gp_prior_views as core_views
from ui import widgets
from ui.snippets import gp as snippets
from views.gp_priors import common
from views.gp_priors.common import K1, K2


def render(n: int) -> None:
    k1, k2, view = common.from_two_gps("sum", K1, K2, n)
    widgets.formula(
        r"u(x) = f(x) + 2 g(x) \sim \mathcal{GP}\left(m_1 + 2 m_2,\; k_1 + 4 k_2\right)"
    )
    widgets.code_panel(
        snippets.sum_code(k1, k2, core_views.PATH_POINTS, n, widgets.seed(), view.jitters)
    )
