"""What each view of the GP-posterior page draws: small scalars, the observations as text and
a seed in, tensors out (so the page can cache every view on its arguments).

A kernel travels as a form ``(op, spec1, spec2)``: op "single" (spec2 None), "+" or "*", the
specs being `core.gp_prior_views.Spec`. The observations travel as the text of the page's data
box and are parsed here (`core.gp_observations.parse_observations`).
"""

from __future__ import annotations

import math

import torch

from core import gp_observations as obs
from core import gp_posterior as gpp
from core.gp import band as prior_band
from core.gp_prior_views import Spec, kernel_of
from core.kernels import RBF, Kernel
from core.validate import positive

DTYPE = torch.float64
Form = tuple[str, Spec, Spec | None]
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


def kernel_of_form(form: Form) -> Kernel:
    """``k1`` alone, ``k1 + k2`` or ``k1 * k2``."""
    op, spec1, spec2 = form
    k1 = kernel_of(spec1)
    if op == "single" or spec2 is None:
        return k1
    k2 = kernel_of(spec2)
    return k1 + k2 if op == "+" else k1 * k2


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


def posterior_view(
    form: Form, text: str, noise: float, n_samples: int, seed: int, truth: str | None = None
) -> dict:
    """Posterior mean, its ±2 sd band, samples (``seed``), the prior band, the noise-free
    function of data set ``truth`` (when given) and the jitters used."""
    kernel = kernel_of_form(form)
    x, y = obs.parse_observations(text)
    bounds = window(x, y)
    grid = _grid(bounds, TEST_POINTS)
    post = gpp.posterior_with_jitter(kernel, x, y, noise, grid)
    samples, sample_jitter = gpp.sample_posterior(
        kernel, x, y, noise, grid, n_samples, torch.Generator().manual_seed(seed)
    )
    sd = _sd(post.cov)
    return {
        "x": x,
        "y": y,
        "bounds": bounds,
        "grid": grid,
        "mean": post.mean,
        "band": (post.mean - K_SIGMA * sd, post.mean + K_SIGMA * sd),
        "samples": samples,
        "prior_band": prior_band(kernel, grid, K_SIGMA),
        "truth": None if truth is None else obs.true_function(truth, grid),
        "jitter": post.jitter,
        "sample_jitter": sample_jitter,
        "repr": repr(kernel),
    }


def covariance_view(form: Form, text: str, noise: float) -> dict:
    """The posterior covariance on a coarse grid of the view."""
    kernel = kernel_of_form(form)
    x, y = obs.parse_observations(text)
    grid = _grid(window(x, y), HEATMAP_POINTS)
    return {"grid": grid, "cov": gpp.posterior(kernel, x, y, noise, grid)[1]}


def influence_view(form: Form, text: str, noise: float, x_star: float) -> dict:
    """The weights ``w_i`` of each observation in the posterior mean at ``x_star``, and that
    mean ``sum_i w_i y_i``."""
    kernel = kernel_of_form(form)
    x, y = obs.parse_observations(text)
    w = gpp.influence(kernel, x, noise, torch.tensor([x_star], dtype=DTYPE))[0]
    return {"x": x, "y": y, "weights": w, "mean": float(w @ y), "total": float(w.sum())}


def lml_view(form: Form, text: str, noise: float) -> gpp.LMLTerms:
    x, y = obs.parse_observations(text)
    return gpp.lml_terms(kernel_of_form(form), x, y, noise)


def surface_param(form: Form) -> str | None:
    """The hyperparameter the likelihood contour varies against the noise: a lengthscale when
    the kernel has one, else its first hyperparameter (None when it has none)."""
    paths = gpp.hyperparameters(kernel_of_form(form))
    return next((p for p in paths if p.split(".")[-1] == "lengthscale"), next(iter(paths), None))


def _log_axis(low: float, high: float, n: int) -> torch.Tensor:
    low, high = positive("low", low), positive("high", high)
    return torch.logspace(math.log10(low), math.log10(high), n, dtype=DTYPE)


def surface_view(
    form: Form, text: str, path: str, span: tuple[float, float], noise_span: tuple[float, float]
) -> dict:
    """``log p(y | X)`` over a log grid of hyperparameter ``path`` (rows) and of the noise
    variance (columns), the other hyperparameters as set, and the grid's best point."""
    kernel = kernel_of_form(form)
    x, y = obs.parse_observations(text)
    values = _log_axis(*span, SURFACE_POINTS)
    noises = _log_axis(*noise_span, SURFACE_POINTS)
    z = gpp.lml_surface(kernel, x, y, path, values.tolist(), noises.tolist())
    i, j = divmod(int(torch.argmax(z)), z.shape[1])
    return {
        "values": values,
        "noises": noises,
        "lml": z,
        "best": (float(values[i]), float(noises[j])),
    }


def d2l_reference(steps: int = 150, lr: float = 0.1) -> dict:
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
    return {
        "ls": ls,
        "ls2": ls**2,
        "sigma": math.sqrt(result.noise),
        "lml": result.lml,
        "d2l_ls": math.sqrt(D2L_REPORTED["ls"]),
    }
