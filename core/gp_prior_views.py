"""What each view of the GP-priors page draws: small scalars and a seed in, tensors out.

A kernel travels as a hashable spec ``(name, ((param, value), ...))`` so the page can cache
a view on its arguments. Every random view draws from ``torch.Generator().manual_seed(seed)``
(``seed + 1`` for a second, independent panel), exactly as the page's code panels do.
"""

from __future__ import annotations

import torch

from core import gp, kernels, sample_stats, weight_space, wide_networks
from core.validate import first_items, int_in_range

DTYPE = torch.float64
X_WIDE = (-5.0, 5.0)  # kernels, networks, algebra
X_BASIS = (-2.0, 2.0)  # polynomial and Fourier bases: x^6 stays readable
X_BUMPS = (-3.0, 3.0)  # inside d2l's centre range [-log J, log J] once J >= 100
GRID_RANGE = (-3.0, 3.0)
HEATMAP_POINTS = 61
PATH_POINTS = 200
LINE_POINTS = 100
BASIS_POINTS = 150
BUMP_POINTS = 150
NETWORK_POINTS = 120
HIST_NETWORKS = 1000
HIST_PRODUCT = 50_000
HIST_BINS = 60
BUMP_COUNTS = (1, 2, 3, 5, 10, 20, 30, 50, 100, 200, 300, 500, 1000)
BUMPS_SHOWN = 40
MAX_COMPARED = 10  # kernels drawn side by side from one seed

Spec = tuple[str, tuple[tuple[str, float], ...]]


def spec_of(name: str, params: dict[str, float]) -> Spec:
    return name, tuple(sorted(params.items()))


def kernel_of(spec: Spec) -> kernels.Kernel:
    name, params = spec
    return kernels.make_kernel(name, **dict(params))


def _x(bounds: tuple[float, float], n: int) -> torch.Tensor:
    n = int_in_range("number of points", n, 2, gp.MAX_POINTS)
    return torch.linspace(bounds[0], bounds[1], n, dtype=DTYPE)


def _gen(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def _paths(kernel: kernels.Kernel, x: torch.Tensor, n_samples: int, seed: int) -> dict:
    """Prior samples, the jitter they needed, and the 2-sigma band."""
    f, jitter = gp.sample_prior_with_jitter(kernel, x, n_samples, _gen(seed))
    return {"x": x, "f": f, "band": gp.band(kernel, x), "jitter": jitter}


def linear_view(alpha: float, n_samples: int, n_points: int, seed: int) -> dict:
    """Lines ``w0 + w1 x`` from random weights, and the exact band ``+- 2 alpha sqrt(1+x^2)``."""
    x = _x(X_WIDE, n_points)
    draw = gp.sample_linear_weights(x, n_samples, alpha, _gen(seed))
    return {"x": x, "f": draw.functions, "band": gp.band(kernels.Linear(alpha), x)}


def features_of(kind: str, size_param: int, period: float):
    """Polynomial features of degree ``size_param``, or ``size_param`` Fourier frequencies."""
    if kind == "polynomial":
        return weight_space.PolynomialFeatures(size_param)
    return weight_space.FourierFeatures(size_param, period)


def basis_view(
    kind: str,
    size_param: int,
    period: float,
    u: tuple[float, ...],
    s: float,
    n_samples: int,
    n_points: int,
    seed: int,
) -> dict:
    """``f = w^T phi(x)``, ``w ~ N(u, s^2 I)``: from the weights (seed) and from
    ``N(m, K)`` (seed + 1), with the shared mean and band."""
    x = _x(X_BASIS, n_points)
    features = features_of(kind, size_param, period)
    weights = gp.sample_basis_weights(features, x, u, s, n_samples, _gen(seed))
    mean, kernel = gp.basis_prior(features, x, u, s)
    view = _paths(kernel, x, n_samples, seed + 1)
    lower, upper = view["band"]
    view.update(
        weights=weights.functions, f=mean + view["f"], mean=mean, band=(mean + lower, mean + upper)
    )
    return view


def prior_view(spec: Spec, n_samples: int, n_points: int, seed: int) -> dict:
    """Prior samples of one kernel, and its covariance matrix on a coarse grid."""
    kernel = kernel_of(spec)
    view = _paths(kernel, _x(X_WIDE, n_points), n_samples, seed)
    coarse = _x(X_WIDE, HEATMAP_POINTS)
    view.update(coarse=coarse, K=kernel(coarse), repr=repr(kernel))
    return view


def kernel_slice(spec: Spec, x0: float, n_points: int) -> dict:
    """``k(x, x0)`` over the plotted range."""
    x = _x(X_WIDE, n_points)
    return {"x": x, "k": kernel_of(spec)(x, torch.tensor([x0], dtype=DTYPE))[:, 0]}


def _half_width(x: torch.Tensor, lengthscale: float, spread: str) -> float | None:
    return weight_space.window_half_width(x, lengthscale) if spread == "window" else None


def bumps_view(
    n_basis: int, lengthscale: float, sigma: float, spread: str, n_samples: int, seed: int
) -> dict:
    """J bumps (at most ``BUMPS_SHOWN`` of them for the picture), functions drawn in weight
    space, the finite kernel's band and slice ``k_J(x, 0)``, and the limiting RBF."""
    x = _x(X_BUMPS, BUMP_POINTS)
    basis = gp.rbf_basis_functions(
        x, n_basis, lengthscale, sigma, _half_width(x, lengthscale, spread)
    )
    shown = torch.linspace(0, n_basis - 1, min(n_basis, BUMPS_SHOWN)).round().long().unique()
    k_j = basis.kernel_matrix()
    centre = x.numel() // 2
    two_sd = 2 * k_j.diagonal().sqrt()
    view = {
        "x": x,
        "bumps": basis.features[:, shown].T,
        "f": basis.sample(n_samples, _gen(seed)).functions,
        "band": (-two_sd, two_sd),
        "slice": k_j[:, centre],
        "x0": float(x[centre]),
        "half_width": basis.half_width,
        "limit": None,
    }
    if basis.half_width > 0:
        limit = basis.limit()
        view["limit"] = {"repr": repr(limit), "slice": limit(x, x[centre : centre + 1])[:, 0]}
    return view


def bumps_convergence(lengthscale: float, sigma: float, spread: str) -> torch.Tensor:
    """``max |k_J - k_limit| / a^2`` for each J of ``BUMP_COUNTS``."""
    x = _x(X_BUMPS, 61)
    half_width = _half_width(x, lengthscale, spread)
    return weight_space.bump_kernel_error(x, BUMP_COUNTS, lengthscale, sigma, half_width)


def network_view(activation: str, n_hidden: int, n_networks: int, sigmas: tuple, seed: int) -> dict:
    """Random finite networks (seed) next to samples of their GP limit (seed + 1)."""
    s = dict(sigmas)
    x = _x(X_WIDE, NETWORK_POINTS)
    nets = wide_networks.sample_network(
        x, n_hidden, n_networks, activation, generator=_gen(seed), **s
    )
    kernel = wide_networks.network_kernel(activation, **s)
    view = _paths(kernel, x, n_networks, seed + 1)
    view.update(nets=nets, repr=repr(kernel))
    return view


def _histogram(values: torch.Tensor, sd: float) -> dict:
    """Density histogram over +-4.5 sd, the N(0, sd^2) density, and the excess kurtosis."""
    edge = 4.5 * sd
    edges, density = sample_stats.density_histogram(values, HIST_BINS, -edge, edge)
    grid = torch.linspace(-edge, edge, 201, dtype=DTYPE)
    return {
        "edges": edges,
        "density": density,
        "grid": grid,
        "pdf": sample_stats.normal_pdf(grid, sd),
        "kurtosis": sample_stats.excess_kurtosis(values),
    }


def network_histogram(activation: str, n_hidden: int, sigmas: tuple, x0: float, seed: int) -> dict:
    """``f(x0)`` over ``HIST_NETWORKS`` random networks against ``N(0, k(x0, x0))``."""
    s = dict(sigmas)
    values = wide_networks.sample_network_at(
        x0, n_hidden, HIST_NETWORKS, activation, generator=_gen(seed), **s
    )
    kernel = wide_networks.network_kernel(activation, **s)
    return _histogram(values, float(kernel.diag(torch.tensor([x0], dtype=DTYPE))[0]) ** 0.5)


def compose_view(spec1: Spec, spec2: Spec, op: str, n_samples: int, seed: int) -> dict:
    """Samples and covariance of ``k1 + k2`` (op "+") or ``k1 * k2`` (op "*")."""
    k1, k2 = kernel_of(spec1), kernel_of(spec2)
    kernel = k1 + k2 if op == "+" else k1 * k2
    view = _paths(kernel, _x(X_WIDE, PATH_POINTS), n_samples, seed)
    coarse = _x(X_WIDE, HEATMAP_POINTS)
    view.update(coarse=coarse, K=kernel(coarse), repr=repr(kernel))
    return view


def sum_view(spec1: Spec, spec2: Spec, n_samples: int, seed: int) -> dict:
    """``u = f + 2g`` built from samples of f then g (seed), and drawn from ``k1 + 4 k2``
    (seed + 1)."""
    k1, k2 = kernel_of(spec1), kernel_of(spec2)
    x = _x(X_WIDE, PATH_POINTS)
    gen = _gen(seed)
    f, j1 = gp.sample_prior_with_jitter(k1, x, n_samples, gen)
    g, j2 = gp.sample_prior_with_jitter(k2, x, n_samples, gen)
    view = _paths(k1 + 4 * k2, x, n_samples, seed + 1)
    view.update(built=f + 2 * g, jitters=(j1, j2, view["jitter"]))
    return view


def warp_view(spec: Spec, n_samples: int, seed: int) -> dict:
    """``g = x^2 f`` from samples of f (seed), and drawn from ``x^2 x'^2 k`` (seed + 1)."""
    k = kernel_of(spec)
    x = _x(X_WIDE, PATH_POINTS)
    f, j1 = gp.sample_prior_with_jitter(k, x, n_samples, _gen(seed))
    view = _paths(kernels.Modulated(k, 2), x, n_samples, seed + 1)
    view.update(built=x**2 * f, jitters=(j1, view["jitter"]))
    return view


def same_noise_view(specs: tuple[Spec, ...], n_samples: int, seed: int) -> list[dict]:
    """Each kernel drawn from the same seed: the same z, a different Cholesky factor."""
    x = _x(X_WIDE, PATH_POINTS)
    specs = first_items("kernels", specs, MAX_COMPARED)
    return [_paths(kernel_of(spec), x, n_samples, seed) for spec in specs]


def product_view(spec1: Spec, spec2: Spec, n_samples: int, seed: int) -> dict:
    """``u = f g`` (seed) next to the GP with kernel ``k1 * k2`` (seed + 1)."""
    k1, k2 = kernel_of(spec1), kernel_of(spec2)
    x = _x(X_WIDE, PATH_POINTS)
    view = _paths(k1 * k2, x, n_samples, seed + 1)
    view["built"] = gp.sample_product_of_gps(k1, k2, x, n_samples, _gen(seed))
    return view


def product_histogram(spec1: Spec, spec2: Spec, x0: float, seed: int) -> dict:
    """``u(x0) = f(x0) g(x0)`` over ``HIST_PRODUCT`` draws against the normal of equal
    variance: excess kurtosis 6, not 0."""
    k1, k2 = kernel_of(spec1), kernel_of(spec2)
    x = torch.tensor([x0], dtype=DTYPE)
    u = gp.sample_product_of_gps(k1, k2, x, HIST_PRODUCT, _gen(seed))[:, 0]
    return _histogram(u, float((k1 * k2).diag(x)[0]) ** 0.5)


def grid_view(spec: Spec, n_grid: int, seed: int) -> dict:
    """One prior sample over an ``n_grid x n_grid`` grid: ``f[i, j]`` at ``(axis[j], axis[i])``."""
    return grid_sample(grid_factor(spec, n_grid), seed)


def grid_factor(spec: Spec, n_grid: int) -> dict:
    """What every sample of `grid_view` shares, whatever the seed: the axis, the Cholesky
    factor ``L`` of ``K + jitter I`` over the grid (2500 x 2500 at most: nearly all of the
    view's cost) and the jitter. A page keeps it and draws each new seed with `grid_sample`."""
    x = gp.grid_2d(*GRID_RANGE, n_grid)
    L, jitter = gp.cholesky_with_jitter(kernel_of(spec)(x))
    return {"axis": x[:n_grid, 0], "L": L, "jitter": jitter}


def grid_sample(factor: dict, seed: int) -> dict:
    """`grid_view` from its `grid_factor`: ``f = L z``, ``z ~ N(0, I)`` drawn from ``seed``
    exactly as `core.gp.sample_prior_with_jitter` draws it (the same numbers)."""
    axis, L = factor["axis"], factor["L"]
    f = torch.randn(1, L.shape[0], generator=_gen(seed), dtype=L.dtype) @ L.T
    n = axis.shape[0]
    return {"axis": axis, "f": f[0].reshape(n, n), "jitter": factor["jitter"]}
