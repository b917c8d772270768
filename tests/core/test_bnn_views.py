"""The Bayesian-network page's view functions: the same draws as core's own functions with the
seed offsets they state, closed forms where they exist, and typed results of the stated shape."""

from __future__ import annotations

import pytest
import torch

from core import bnn, bnn_data, bnn_views
from core.bnn_views import DataSpec, NoiseSettings, VISettings

PRIORS = ((0.0, 2.0), (0.0, 2.0), (0.0, 1.0), (0.0, 0.1))
DATA = DataSpec("step", 0.1, 20, 0.5, 2.0)
VI = VISettings(
    data=DATA, width=5, activation="tanh", steps=40, lr=0.03, prior_scale=1.0, noise_sigma=0.1,
    n_samples=3,
)  # fmt: skip


def test_prior_view_draws_what_core_draws_from_the_seed_and_its_offset():
    view = bnn_views.prior_view(7, "erf", PRIORS, 3, True, 11)
    prior = bnn_views.prior_of(PRIORS)
    gen = torch.Generator().manual_seed
    x = bnn_data.grid(bnn_views.PRIOR_POINTS)
    assert torch.equal(view.f, bnn.sample_prior_functions(x, 7, "erf", prior, 3, True, gen(11)))
    xv = bnn_data.grid(bnn_views.VARIANCE_POINTS)
    many = bnn.sample_prior_functions(
        xv, 7, "erf", prior, bnn_views.VARIANCE_NETWORKS, True, gen(11 + bnn_views.SEED_VARIANCE)
    )
    assert torch.equal(view.var, bnn.sample_variance(many))
    # erf units with zero-mean priors: a closed form and a GP limit
    assert torch.equal(view.closed_var, bnn.prior_moments(xv, 7, "erf", prior, True)[1])
    assert torch.all(view.lower <= view.mean) and torch.all(view.mean <= view.upper)
    assert view.kernel == repr(bnn.gp_limit_kernel("erf", prior))


def test_prior_view_without_a_closed_form_has_none():
    view = bnn_views.prior_view(5, "tanh", PRIORS, 2, False, 0)
    assert view.f.shape == (2, bnn_views.PRIOR_POINTS)
    assert (view.mean, view.lower, view.upper, view.closed_var, view.kernel) == (None,) * 5


def test_data_view_is_the_toy_problem_of_the_seed():
    view = bnn_views.data_view(DATA, 5)
    data = bnn_data.make_toy_data(
        *DATA, n_test=bnn_views.TEST_POINTS, generator=torch.Generator().manual_seed(5)
    )
    assert torch.equal(view.x, data.x) and torch.equal(view.y_test, data.y_test)
    assert view.gap == (data.gap.low, data.gap.high) == pytest.approx((-0.5, 1.5))
    assert torch.equal(view.f_true, torch.sign(view.x_grid))


def test_training_views_report_progress_and_typed_results():
    calls = []
    vi = bnn_views.train_vi(VI, 0, lambda *a: calls.append(a[:2]))
    assert calls and calls[-1] == (40, 40) and len(calls) <= bnn_views.LIVE_UPDATES
    assert len(vi.history["elbo"]) == 40
    assert vi.samples.shape == (bnn_views.SHOWN_SAMPLES, bnn_views.GRID_POINTS)
    assert torch.all(vi.lower <= vi.upper) and vi.sd_gap is not None
    assert torch.allclose(vi.sigma_all, bnn.softplus(vi.rho_all))
    assert set(vi.mu) == set(vi.sigma) == set(bnn.PARAMETERS)
    settings = NoiseSettings(
        data=DataSpec("cubic", 0.5, 20, 0.0, 0.0), width=5, activation="relu", steps=30, lr=0.03,
        input_sigma=0.2, hidden_sigma=0.1,
    )  # fmt: skip
    noise = bnn_views.train_noise(settings, 0)
    assert noise.fits.shape == (2, bnn_views.GRID_POINTS)
    assert noise.train.shape == noise.test.shape == (len(noise.step), 2)
    assert settings.networks == 2 and VI.networks == 3
