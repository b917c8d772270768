"""What each view of the GP-posterior page draws: a kernel, small scalars, the observations as
text and a seed in, a frozen dataclass of tensors out (so the page can cache every view on its
arguments: kernels are hashable values).

The kernel is one of `core.kernels.KERNELS`, or the sum or product of two (``k1 + k2``,
``k1 * k2``). The observations travel as the text of the page's data box and are parsed here
(`core.gp_observations.parse_observations`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from core import gp_observations as obs
from core import gp_posterior as gpp
from core.gp import band as prior_band
from core.kernels import RBF, Kernel
from core.validate import positive

DTYPE = torch.float64
X_VIEW = (-1.0, 6.0)  # the plotted inputs, widened to hold every observation
Y_VIEW = (-3.0, 3.0)
MARGIN = 0.5
TEST_POINTS = 200
HEATMAP_POINTS = 61
SURFACE_POINTS = 30
DATA_SEED = 0  # the built-in data sets are always the same draws
K_SIGMA = 2.0
# d2l.ai §18.3 (from scratch, RBF with a = 1 fixed, started at ls = 0.4, sigma = 0.5).
D2L_REPORTED = {"ls": 0.299, "sigma": 0.24}
D2L_START = {"lengthscale": 0.4, "sigma": 0.5}


def dataset_text(name: str) -> str:
    """The text of built-in data set ``name`` (always drawn from ``DATA_SEED``)."""
    return obs.format_observations(*obs.dataset(name, torch.Generator().manual_seed(DATA_SEED)))


def window(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float, float, float]:
    """``(x_lo, x_hi, y_lo, y_hi)``: the default view, widened to hold every observation."""
    if x.numel() == 0:
        return (*X_VIEW, *Y_VIEW)
    return (
        min(X_VIEW[0], float(x.min()) - MARGIN),
        max(X_VIEW[1], float(x.max()) + MARGIN),
        min(Y_VIEW[0], float(y.min()) - MARGIN),
        max(Y_VIEW[1], float(y.max()) + MARGIN),
    )


def _grid(bounds: tuple[float, float, float, float], n: int) -> torch.Tensor:
    return torch.linspace(bounds[0], bounds[1], n, dtype=DTYPE)


def _sd(cov: torch.Tensor) -> torch.Tensor:
    # Rounding can leave a variance of -1e-17 where the data pin f down.
    return cov.diagonal().clamp_min(0.0).sqrt()


@dataclass(frozen=True)
class PosteriorView:
    """The posterior on the view's grid, with what the chart draws around it."""

    x: torch.Tensor  # the observations
    y: torch.Tensor
    bounds: tuple[float, float, float, float]  # the view: x_lo, x_hi, y_lo, y_hi
    grid: torch.Tensor  # TEST_POINTS inputs across the view
    mean: torch.Tensor
    band: tuple[torch.Tensor, torch.Tensor]  # mean -/+ K_SIGMA sd
    samples: torch.Tensor  # (n_samples, TEST_POINTS)
    prior_band: tuple[torch.Tensor, torch.Tensor]
    truth: torch.Tensor | None  # the data set's noise-free function, when asked for
    jitter: float  # added to K + noise I for its Cholesky factor
    sample_jitter: float  # added to the posterior covariance for the samples


def posterior_view(
    kernel: Kernel, text: str, noise: float, n_samples: int, seed: int, truth: str | None = None
) -> PosteriorView:
    """Posterior mean, its ±2 sd band, samples (``seed``), the prior band, the noise-free
    function of data set ``truth`` (when given) and the jitters used."""
    x, y = obs.parse_observations(text)
    bounds = window(x, y)
    grid = _grid(bounds, TEST_POINTS)
    post = gpp.posterior_with_jitter(kernel, x, y, noise, grid)
    samples, sample_jitter = gpp.sample_posterior(
        kernel, x, y, noise, grid, n_samples, torch.Generator().manual_seed(seed)
    )
    sd = _sd(post.cov)
    return PosteriorView(
        x=x,
        y=y,
        bounds=bounds,
        grid=grid,
        mean=post.mean,
        band=(post.mean - K_SIGMA * sd, post.mean + K_SIGMA * sd),
        samples=samples,
        prior_band=prior_band(kernel, grid, K_SIGMA),
        truth=None if truth is None else obs.true_function(truth, grid),
        jitter=post.jitter,
        sample_jitter=sample_jitter,
    )


@dataclass(frozen=True)
class CovarianceView:
    grid: torch.Tensor  # HEATMAP_POINTS inputs across the view
    cov: torch.Tensor  # the posterior covariance on it


def covariance_view(kernel: Kernel, text: str, noise: float) -> CovarianceView:
    """The posterior covariance on a coarse grid of the view."""
    x, y = obs.parse_observations(text)
    grid = _grid(window(x, y), HEATMAP_POINTS)
    return CovarianceView(grid=grid, cov=gpp.posterior(kernel, x, y, noise, grid)[1])


@dataclass(frozen=True)
class InfluenceView:
    x: torch.Tensor  # the observations
    y: torch.Tensor
    weights: torch.Tensor  # w_i(x*)
    mean: float  # sum_i w_i y_i: the posterior mean at x*
    total: float  # sum_i w_i
    x_range: tuple[float, float]  # the inputs of the view (`window`)


def influence_view(kernel: Kernel, text: str, noise: float, x_star: float) -> InfluenceView:
    """The weights ``w_i`` of each observation in the posterior mean at ``x_star``, and that
    mean ``sum_i w_i y_i``."""
    x, y = obs.parse_observations(text)
    w = gpp.influence(kernel, x, noise, torch.tensor([x_star], dtype=DTYPE))[0]
    return InfluenceView(
        x=x, y=y, weights=w, mean=float(w @ y), total=float(w.sum()), x_range=window(x, y)[:2]
    )


def lml_view(kernel: Kernel, text: str, noise: float) -> gpp.LMLTerms:
    x, y = obs.parse_observations(text)
    return gpp.lml_terms(kernel, x, y, noise)


def surface_param(kernel: Kernel) -> str | None:
    """The hyperparameter the likelihood contour varies against the noise: a lengthscale when
    the kernel has one, else its first hyperparameter (None when it has none)."""
    paths = gpp.hyperparameters(kernel)
    return next((p for p in paths if p.split(".")[-1] == "lengthscale"), next(iter(paths), None))


def _log_axis(low: float, high: float, n: int) -> torch.Tensor:
    low, high = positive("low", low), positive("high", high)
    return torch.logspace(math.log10(low), math.log10(high), n, dtype=DTYPE)


@dataclass(frozen=True)
class SurfaceView:
    values: torch.Tensor  # SURFACE_POINTS values of the hyperparameter, log-spaced
    noises: torch.Tensor  # SURFACE_POINTS noise variances, log-spaced
    lml: torch.Tensor  # log p(y | X) at (values[i], noises[j])
    best: tuple[float, float]  # the grid's best (value, noise)


def surface_view(
    kernel: Kernel,
    text: str,
    path: str,
    span: tuple[float, float],
    noise_span: tuple[float, float],
) -> SurfaceView:
    """``log p(y | X)`` over a log grid of hyperparameter ``path`` (rows) and of the noise
    variance (columns), the other hyperparameters as set, and the grid's best point."""
    x, y = obs.parse_observations(text)
    values = _log_axis(*span, SURFACE_POINTS)
    noises = _log_axis(*noise_span, SURFACE_POINTS)
    z = gpp.lml_surface(kernel, x, y, path, values.tolist(), noises.tolist())
    i, j = divmod(int(torch.argmax(z)), z.shape[1])
    return SurfaceView(
        values=values, noises=noises, lml=z, best=(float(values[i]), float(noises[j]))
    )


@dataclass(frozen=True)
class D2LReference:
    ls: float  # the fitted lengthscale l
    ls2: float  # l^2: d2l's "lengthscale"
    sigma: float  # the fitted noise sd
    lml: float
    d2l_ls: float  # d2l's reported lengthscale as our l


def d2l_reference(steps: int = 150, lr: float = 0.1) -> D2LReference:
    """d2l.ai §18.3 reproduced: an RBF with a = 1 fixed, lengthscale and noise learned on
    d2l's data set, started where d2l starts. d2l's ``rbfkernel`` computes
    ``exp(-r^2 / (2 ls))``, so its "lengthscale" 0.299 is our ``l^2`` (l = 0.547)."""
    x, y = obs.dataset("d2l", torch.Generator().manual_seed(DATA_SEED))
    result = gpp.fit(
        RBF(1.0, D2L_START["lengthscale"]),
        x,
        y,
        D2L_START["sigma"] ** 2,
        steps=steps,
        lr=lr,
        fixed=("amplitude",),
    )
    ls = result.params["lengthscale"]
    return D2LReference(
        ls=ls,
        ls2=ls**2,
        sigma=math.sqrt(result.noise),
        lml=result.lml,
        d2l_ls=math.sqrt(D2L_REPORTED["ls"]),
    )
