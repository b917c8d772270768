"""What each view of the Bayesian-network page computes, as typed results.

- `prior_view`: functions drawn from a network prior, their sample variance over many more
  networks, and, where it exists, the closed-form mean, band and variance and the kernel of
  the wide-network Gaussian-process limit (Neal 1996, Williams 1998);
- `data_view`: a toy regression problem on a grid, with its gap;
- `train_vi`: Bayes by backprop (Blundell et al. 2015) on the toy data, then its predictive
  band and the learned means and scales;
- `train_noise`: a network trained with and without Gaussian noise on its inputs and hidden
  units (Bishop 1995), its fits and errors.

Each view draws its own random numbers from the page's seed plus a fixed offset (``SEED_*``),
so a shared link shows the same samples. The results hold tensors; the views hand them over
as numpy arrays (``ui.cached_views``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np
import torch

from core import bnn, bnn_data, bnn_noise, bnn_vi
from core.bnn import NetworkPrior, NormalPrior

Tensor = torch.Tensor
Progress = Callable[[int, int, dict], None]  # step, total steps, history so far

PRIOR_POINTS = 161
VARIANCE_POINTS = 41
VARIANCE_NETWORKS = 500  # networks behind the empirical variance curve
GRID_POINTS = 161
PREDICTIVE_SAMPLES = 300
SHOWN_SAMPLES = 12  # sampled networks drawn over the predictive band
TEST_POINTS = 300
LIVE_UPDATES = 20  # progress and live-curve updates per training run
# Offsets of the page's seed: each view draws its own random numbers.
SEED_VARIANCE, SEED_DATA, SEED_TRAIN, SEED_PREDICTIVE = 1, 2, 3, 4


class DataSpec(NamedTuple):
    """A toy problem (`core.bnn_data.make_toy_data`)."""

    function: str
    noise: float
    n: int
    gap_center: float
    gap_width: float


@dataclass(frozen=True, kw_only=True)
class Training:
    """What every training of the page is given: its toy problem, the network's hidden width
    and activation, the number of Adam steps and the learning rate."""

    data: DataSpec
    width: int
    activation: str
    steps: int
    lr: float


@dataclass(frozen=True, kw_only=True)
class VISettings(Training):
    """Bayes by backprop: the prior's scale, the noise of y and the networks per step."""

    prior_scale: float
    noise_sigma: float
    n_samples: int

    @property
    def networks(self) -> int:
        """Networks evaluated per training step (for the cost budget)."""
        return self.n_samples


@dataclass(frozen=True, kw_only=True)
class NoiseSettings(Training):
    """Training with noise: the sd of the noise on the inputs and on the hidden units."""

    input_sigma: float
    hidden_sigma: float
    networks: ClassVar[int] = bnn_noise.NETWORKS  # plain and noisy, side by side


def _generator(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def seeds(seed: int) -> dict[str, int]:
    """The seeds of the data, the training and the predictive draws for the page's seed."""
    return {
        "data": seed + SEED_DATA,
        "train": seed + SEED_TRAIN,
        "predictive": seed + SEED_PREDICTIVE,
    }


def prior_of(values: tuple[tuple[float, float], ...]) -> NetworkPrior:
    """The network prior of (loc, scale) pairs, one per tensor in the order of PARAMETERS."""
    return NetworkPrior(*(NormalPrior(loc, scale) for loc, scale in values))


@dataclass(frozen=True)
class PriorView:
    """``n`` functions ``f`` drawn at ``x``; their variance ``var`` at ``xv`` over
    `VARIANCE_NETWORKS` networks; the closed-form mean and band at ``x`` and variance at
    ``xv`` (None without a closed form); the GP-limit kernel's repr (None without one)."""

    x: Tensor
    f: Tensor
    xv: Tensor
    var: Tensor
    mean: Tensor | None = None
    lower: Tensor | None = None
    upper: Tensor | None = None
    closed_var: Tensor | None = None
    kernel: str | None = None


def prior_view(
    width: int,
    activation: str,
    priors: tuple[tuple[float, float], ...],
    n: int,
    scale_output: bool,
    seed: int,
) -> PriorView:
    prior = prior_of(priors)
    x = bnn_data.grid(PRIOR_POINTS)
    f = bnn.sample_prior_functions(x, width, activation, prior, n, scale_output, _generator(seed))
    xv = bnn_data.grid(VARIANCE_POINTS)
    many = bnn.sample_prior_functions(
        xv,
        width,
        activation,
        prior,
        VARIANCE_NETWORKS,
        scale_output,
        _generator(seed + SEED_VARIANCE),
    )
    closed = {}
    if bnn.has_closed_form(activation, prior):
        mean, var = bnn.prior_moments(x, width, activation, prior, scale_output)
        lower, upper = bnn.moment_band(mean, var)
        closed_var = bnn.prior_moments(xv, width, activation, prior, scale_output)[1]
        closed = {"mean": mean, "lower": lower, "upper": upper, "closed_var": closed_var}
    kernel = None
    if bnn.has_gp_limit(activation, prior):
        kernel = repr(bnn.gp_limit_kernel(activation, prior))
    return PriorView(x, f, xv, bnn.sample_variance(many), kernel=kernel, **closed)


def toy_data(spec: DataSpec, seed: int) -> bnn_data.ToyData:
    return bnn_data.make_toy_data(*spec, n_test=TEST_POINTS, generator=_generator(seed))


@dataclass(frozen=True)
class DataView:
    """The true function on a grid, the training and test points, and the gap."""

    x_grid: Tensor
    f_true: Tensor
    x: Tensor
    y: Tensor
    x_test: Tensor
    y_test: Tensor
    gap: tuple[float, float]


def data_view(spec: DataSpec, seed: int) -> DataView:
    data = toy_data(spec, seed)
    x = bnn_data.grid(GRID_POINTS)
    f_true = bnn_data.true_function(spec.function)(x)
    return DataView(
        x, f_true, data.x, data.y, data.x_test, data.y_test, (data.gap.low, data.gap.high)
    )


def _run(settings: Training, seed: int, callback: Progress | None) -> dict:
    """What every training of the page is run with: its random numbers (from the seed's
    training offset) and `LIVE_UPDATES` progress reports to ``callback``."""
    every = max(1, settings.steps // LIVE_UPDATES)
    return {"generator": _generator(seed + SEED_TRAIN), "callback": callback, "report_every": every}


@dataclass(frozen=True)
class VIView:
    """A Bayes-by-backprop training: its ELBO history (``elbo``, ``log_likelihood``, ``kl``),
    the predictive mean and band on the grid with `SHOWN_SAMPLES` sampled functions, each
    tensor's learned means ``mu`` and scales ``sigma`` (flattened), all rho and sigma, and the
    mean predictive sd at the data and inside the gap (None without a gap)."""

    history: dict[str, np.ndarray]
    mean: Tensor
    lower: Tensor
    upper: Tensor
    samples: Tensor
    mu: dict[str, Tensor]
    sigma: dict[str, Tensor]
    rho_all: Tensor
    sigma_all: Tensor
    sd_data: float
    sd_gap: float | None


def train_vi(settings: VISettings, seed: int, callback: Progress | None = None) -> VIView:
    data = toy_data(settings.data, seed + SEED_DATA)
    result = bnn_vi.train_bayes_by_backprop(
        data.x,
        data.y,
        settings.width,
        settings.activation,
        NetworkPrior.isotropic(settings.prior_scale),
        settings.noise_sigma,
        settings.steps,
        settings.lr,
        settings.n_samples,
        **_run(settings, seed, callback),
    )
    x = bnn_data.grid(GRID_POINTS)
    guide = result.guide
    samples = bnn_vi.predictive(
        guide, x, settings.activation, PREDICTIVE_SAMPLES, _generator(seed + SEED_PREDICTIVE)
    )
    mean, lower, upper = bnn_vi.predictive_band(samples)
    sigma = guide.sigma()
    sd_data, sd_gap = bnn_vi.mean_sd_outside_and_inside(samples, data.gap.contains(x))
    return VIView(
        history={k: np.asarray(v) for k, v in result.history.items()},
        mean=mean,
        lower=lower,
        upper=upper,
        samples=samples[:SHOWN_SAMPLES],
        mu={k: v.detach().ravel() for k, v in guide.mu.items()},
        sigma={k: v.detach().ravel() for k, v in sigma.items()},
        rho_all=torch.cat([v.ravel() for v in guide.rho.values()]),
        sigma_all=torch.cat([v.ravel() for v in sigma.values()]),
        sd_data=sd_data,
        sd_gap=sd_gap,
    )


@dataclass(frozen=True)
class NoiseView:
    """The two networks' fits on the grid (plain, noisy) and, at each recorded ``step``,
    their training and test errors (one [plain, noisy] row per step)."""

    fits: Tensor
    step: np.ndarray
    train: np.ndarray
    test: np.ndarray


def train_noise(settings: NoiseSettings, seed: int, callback: Progress | None = None) -> NoiseView:
    data = toy_data(settings.data, seed + SEED_DATA)
    result = bnn_noise.train_with_noise(
        data.x,
        data.y,
        data.x_test,
        data.y_test,
        settings.width,
        settings.activation,
        settings.input_sigma,
        settings.hidden_sigma,
        settings.steps,
        settings.lr,
        record_every=max(1, settings.steps // 200),
        **_run(settings, seed, callback),
    )
    with torch.no_grad():
        fits = bnn.network_outputs(bnn_data.grid(GRID_POINTS), result.params, settings.activation)
    history = result.history
    return NoiseView(fits, *(np.asarray(history[k]) for k in ("step", "train_mse", "test_mse")))


def softplus_curve(low: float, high: float) -> tuple[Tensor, Tensor]:
    """sigma = softplus(rho) over [low, high], widened to at least [-5, 3]."""
    rho = torch.linspace(min(low, -5.0), max(high, 3.0), 121)
    return rho, bnn.softplus(rho)
