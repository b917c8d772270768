"""core.gp_prior_views: the 2D view split into its seed-independent factor and a draw."""

from __future__ import annotations

import torch

from core import gp
from core import gp_prior_views as views
from core.kernels import RBF, Matern32


def test_a_grid_sample_from_the_shared_factor_is_the_sample_prior_draw_itself():
    kernel = RBF(amplitude=1.0, lengthscale=1.0)
    factor = views.grid_factor(kernel, 20)
    x = gp.grid_2d(*views.GRID_RANGE, 20)
    for seed in (0, 7):
        f, jitter = gp.sample_prior_with_jitter(kernel, x, 1, torch.Generator().manual_seed(seed))
        view = views.grid_sample(factor, seed)
        assert torch.equal(view.f, f[0].reshape(20, 20))  # the same numbers, bit for bit
        assert view.jitter == jitter
        assert torch.equal(view.axis, x[:20, 0])
        assert torch.equal(views.grid_view(kernel, 20, seed).f, view.f)


def test_drawing_from_a_factor_leaves_it_untouched():
    """Pages share one factor between every seed and session: a draw must not change it."""
    factor = views.grid_factor(Matern32(), 10)
    before = factor.L.clone()
    views.grid_sample(factor, 1)
    assert torch.equal(factor.L, before)
