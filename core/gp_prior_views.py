"""What each view of the GP-priors page draws: small scalars, kernels and a seed in, frozen
dataclasses of tensors out.

Kernels are hashable values (`core.kernels.Kernel`), so a page caches a view on its arguments
as they are. Every random view draws from ``torch.Generator().manual_seed(seed)`` (``seed + 1``
for a second, independent panel), exactly as the page's code panels do.
"""

from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Paths:
    """Sample paths ``f`` (one per row) over ``x``, the 2-sigma ``band`` (lower, upper)
    around the ``mean`` (None: zero), and the jitter their Cholesky factor needed."""

    x: torch.Tensor
    f: torch.Tensor
    band: tuple[torch.Tensor, torch.Tensor]
    jitter: float = 0.0
    mean: torch.Tensor | None = None


@dataclass(frozen=True)
class BasisView(Paths):
    """`Paths` drawn in function space, and ``weights``: the same prior drawn in weight space."""

    weights: torch.Tensor | None = None


@dataclass(frozen=True)
class PriorView(Paths):
    """`Paths` of one kernel, its matrix ``K`` on the ``coarse`` grid, and its ``repr``."""

    coarse: torch.Tensor | None = None
    K: torch.Tensor | None = None
    repr: str = ""


@dataclass(frozen=True)
class KernelSlice:
    x: torch.Tensor
    k: torch.Tensor  # k(x, x0)


@dataclass(frozen=True)
class Limit:
    """The kernel the bumps tend to, and its slice ``k(x, x0)``."""

    repr: str
    slice: torch.Tensor


@dataclass(frozen=True)
class BumpsView(Paths):
    """`Paths` of J bumps' functions, the bumps shown, the finite kernel's slice
    ``k_J(x, x0)``, the centres' half width and the limit (None when there is none)."""

    bumps: torch.Tensor | None = None
    slice: torch.Tensor | None = None
    x0: float = 0.0
    half_width: float = 0.0
    limit: Limit | None = None


@dataclass(frozen=True)
class NetworkView(Paths):
    """`Paths` of the GP limit, and ``nets``: finite networks' functions."""

    nets: torch.Tensor | None = None
    repr: str = ""


@dataclass(frozen=True)
class BuiltView(Paths):
    """`Paths` drawn from a kernel directly, ``built`` from other GPs' samples, and every
    jitter the draws needed."""

    built: torch.Tensor | None = None
    jitters: tuple[float, ...] = ()


@dataclass(frozen=True)
class Histogram:
    """A density histogram, the normal density of equal variance, and the excess kurtosis."""

    edges: torch.Tensor
    density: torch.Tensor
    grid: torch.Tensor
    pdf: torch.Tensor
    kurtosis: float


@dataclass(frozen=True)
class GridFactor:
    """What every sample of `grid_view` shares: the axis, ``L`` with ``L L^T = K + jitter I``
    over the grid, and the jitter."""

    axis: torch.Tensor
    L: torch.Tensor
    jitter: float


@dataclass(frozen=True)
class GridView:
    """One sample over the grid: ``f[i, j]`` at ``(axis[j], axis[i])``."""

    axis: torch.Tensor
    f: torch.Tensor
    jitter: float


def _x(bounds: tuple[float, float], n: int) -> torch.Tensor:
    n = int_in_range("number of points", n, 2, gp.MAX_POINTS)
    return torch.linspace(bounds[0], bounds[1], n, dtype=DTYPE)


def _gen(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


def _paths(kernel: kernels.Kernel, x: torch.Tensor, n_samples: int, seed: int) -> Paths:
    """Prior samples, the jitter they needed, and the 2-sigma band."""
    f, jitter = gp.sample_prior_with_jitter(kernel, x, n_samples, _gen(seed))
    return Paths(x=x, f=f, band=gp.band(kernel, x), jitter=jitter)


def _extended(paths: Paths, cls: type, **fields) -> Paths:
    """``paths`` as the subclass ``cls`` of `Paths`, with its further fields."""
    return cls(**vars(paths), **fields)


def linear_view(alpha: float, n_samples: int, n_points: int, seed: int) -> Paths:
    """Lines ``w0 + w1 x`` from random weights, and the exact band ``+- 2 alpha sqrt(1+x^2)``."""
    x = _x(X_WIDE, n_points)
    draw = gp.sample_linear_weights(x, n_samples, alpha, _gen(seed))
    return Paths(x=x, f=draw.functions, band=gp.band(kernels.Linear(alpha), x))


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
) -> BasisView:
    """``f = w^T phi(x)``, ``w ~ N(u, s^2 I)``: from the weights (seed) and from
    ``N(m, K)`` (seed + 1), with the shared mean and band."""
    x = _x(X_BASIS, n_points)
    features = features_of(kind, size_param, period)
    weights = gp.sample_basis_weights(features, x, u, s, n_samples, _gen(seed))
    mean, kernel = gp.basis_prior(features, x, u, s)
    paths = _paths(kernel, x, n_samples, seed + 1)
    lower, upper = paths.band
    return BasisView(
        x=x,
        f=mean + paths.f,
        band=(mean + lower, mean + upper),
        jitter=paths.jitter,
        mean=mean,
        weights=weights.functions,
    )


def _with_matrix(kernel: kernels.Kernel, paths: Paths) -> PriorView:
    coarse = _x(X_WIDE, HEATMAP_POINTS)
    return _extended(paths, PriorView, coarse=coarse, K=kernel(coarse), repr=repr(kernel))


def prior_view(kernel: kernels.Kernel, n_samples: int, n_points: int, seed: int) -> PriorView:
    """Prior samples of one kernel, and its covariance matrix on a coarse grid."""
    return _with_matrix(kernel, _paths(kernel, _x(X_WIDE, n_points), n_samples, seed))


def kernel_slice(kernel: kernels.Kernel, x0: float, n_points: int) -> KernelSlice:
    """``k(x, x0)`` over the plotted range."""
    x = _x(X_WIDE, n_points)
    return KernelSlice(x=x, k=kernel(x, torch.tensor([x0], dtype=DTYPE))[:, 0])


def _half_width(x: torch.Tensor, lengthscale: float, spread: str) -> float | None:
    return weight_space.window_half_width(x, lengthscale) if spread == "window" else None


def bumps_view(
    n_basis: int, lengthscale: float, sigma: float, spread: str, n_samples: int, seed: int
) -> BumpsView:
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
    limit = None
    if basis.half_width > 0:
        kernel = basis.limit()
        limit = Limit(repr=repr(kernel), slice=kernel(x, x[centre : centre + 1])[:, 0])
    return BumpsView(
        x=x,
        f=basis.sample(n_samples, _gen(seed)).functions,
        band=(-two_sd, two_sd),
        bumps=basis.features[:, shown].T,
        slice=k_j[:, centre],
        x0=float(x[centre]),
        half_width=basis.half_width,
        limit=limit,
    )


def bumps_convergence(lengthscale: float, sigma: float, spread: str) -> torch.Tensor:
    """``max |k_J - k_limit| / a^2`` for each J of ``BUMP_COUNTS``."""
    x = _x(X_BUMPS, 61)
    half_width = _half_width(x, lengthscale, spread)
    return weight_space.bump_kernel_error(x, BUMP_COUNTS, lengthscale, sigma, half_width)


def network_view(
    activation: str, n_hidden: int, n_networks: int, sigmas: tuple, seed: int
) -> NetworkView:
    """Random finite networks (seed) next to samples of their GP limit (seed + 1);
    ``sigmas`` is ``((name, value), ...)`` of `wide_networks.network_kernel`'s scales."""
    s = dict(sigmas)
    x = _x(X_WIDE, NETWORK_POINTS)
    nets = wide_networks.sample_network(
        x, n_hidden, n_networks, activation, generator=_gen(seed), **s
    )
    kernel = wide_networks.network_kernel(activation, **s)
    return _extended(
        _paths(kernel, x, n_networks, seed + 1), NetworkView, nets=nets, repr=repr(kernel)
    )


def _histogram(values: torch.Tensor, sd: float) -> Histogram:
    """Density histogram over +-4.5 sd, the N(0, sd^2) density, and the excess kurtosis."""
    edge = 4.5 * sd
    edges, density = sample_stats.density_histogram(values, HIST_BINS, -edge, edge)
    grid = torch.linspace(-edge, edge, 201, dtype=DTYPE)
    return Histogram(
        edges=edges,
        density=density,
        grid=grid,
        pdf=sample_stats.normal_pdf(grid, sd),
        kurtosis=sample_stats.excess_kurtosis(values),
    )


def network_histogram(
    activation: str, n_hidden: int, sigmas: tuple, x0: float, seed: int
) -> Histogram:
    """``f(x0)`` over ``HIST_NETWORKS`` random networks against ``N(0, k(x0, x0))``."""
    s = dict(sigmas)
    values = wide_networks.sample_network_at(
        x0, n_hidden, HIST_NETWORKS, activation, generator=_gen(seed), **s
    )
    kernel = wide_networks.network_kernel(activation, **s)
    return _histogram(values, float(kernel.diag(torch.tensor([x0], dtype=DTYPE))[0]) ** 0.5)


def compose_view(
    k1: kernels.Kernel, k2: kernels.Kernel, op: str, n_samples: int, seed: int
) -> PriorView:
    """Samples and covariance of ``k1 + k2`` (op "+") or ``k1 * k2`` (op "*")."""
    kernel = k1 + k2 if op == "+" else k1 * k2
    return _with_matrix(kernel, _paths(kernel, _x(X_WIDE, PATH_POINTS), n_samples, seed))


def sum_view(k1: kernels.Kernel, k2: kernels.Kernel, n_samples: int, seed: int) -> BuiltView:
    """``u = f + 2g`` built from samples of f then g (seed), and drawn from ``k1 + 4 k2``
    (seed + 1)."""
    x = _x(X_WIDE, PATH_POINTS)
    gen = _gen(seed)
    f, j1 = gp.sample_prior_with_jitter(k1, x, n_samples, gen)
    g, j2 = gp.sample_prior_with_jitter(k2, x, n_samples, gen)
    paths = _paths(k1 + 4 * k2, x, n_samples, seed + 1)
    return _extended(paths, BuiltView, built=f + 2 * g, jitters=(j1, j2, paths.jitter))


def warp_view(k: kernels.Kernel, n_samples: int, seed: int) -> BuiltView:
    """``g = x^2 f`` from samples of f (seed), and drawn from ``x^2 x'^2 k`` (seed + 1)."""
    x = _x(X_WIDE, PATH_POINTS)
    f, j1 = gp.sample_prior_with_jitter(k, x, n_samples, _gen(seed))
    paths = _paths(kernels.Modulated(k, 2), x, n_samples, seed + 1)
    return _extended(paths, BuiltView, built=x**2 * f, jitters=(j1, paths.jitter))


def same_noise_view(
    kernel_list: tuple[kernels.Kernel, ...], n_samples: int, seed: int
) -> list[Paths]:
    """Each kernel drawn from the same seed: the same z, a different Cholesky factor."""
    x = _x(X_WIDE, PATH_POINTS)
    kernel_list = first_items("kernels", kernel_list, MAX_COMPARED)
    return [_paths(kernel, x, n_samples, seed) for kernel in kernel_list]


def product_view(k1: kernels.Kernel, k2: kernels.Kernel, n_samples: int, seed: int) -> BuiltView:
    """``u = f g`` (seed) next to the GP with kernel ``k1 * k2`` (seed + 1)."""
    x = _x(X_WIDE, PATH_POINTS)
    paths = _paths(k1 * k2, x, n_samples, seed + 1)
    built = gp.sample_product_of_gps(k1, k2, x, n_samples, _gen(seed))
    return _extended(paths, BuiltView, built=built, jitters=(paths.jitter,))


def product_histogram(k1: kernels.Kernel, k2: kernels.Kernel, x0: float, seed: int) -> Histogram:
    """``u(x0) = f(x0) g(x0)`` over ``HIST_PRODUCT`` draws against the normal of equal
    variance: excess kurtosis 6, not 0."""
    x = torch.tensor([x0], dtype=DTYPE)
    u = gp.sample_product_of_gps(k1, k2, x, HIST_PRODUCT, _gen(seed))[:, 0]
    return _histogram(u, float((k1 * k2).diag(x)[0]) ** 0.5)


def grid_view(kernel: kernels.Kernel, n_grid: int, seed: int) -> GridView:
    """One prior sample over an ``n_grid x n_grid`` grid: ``f[i, j]`` at ``(axis[j], axis[i])``."""
    return grid_sample(grid_factor(kernel, n_grid), seed)


def grid_factor(kernel: kernels.Kernel, n_grid: int) -> GridFactor:
    """What every sample of `grid_view` shares, whatever the seed: the axis, the Cholesky
    factor ``L`` of ``K + jitter I`` over the grid (2500 x 2500 at most: nearly all of the
    view's cost) and the jitter. A page keeps it and draws each new seed with `grid_sample`."""
    x = gp.grid_2d(*GRID_RANGE, n_grid)
    L, jitter = gp.cholesky_with_jitter(kernel(x))
    return GridFactor(axis=x[:n_grid, 0], L=L, jitter=jitter)


def grid_sample(factor: GridFactor, seed: int) -> GridView:
    """`grid_view` from its `grid_factor`: ``f = L z``, ``z ~ N(0, I)`` drawn from ``seed``
    exactly as `core.gp.sample_prior_with_jitter` draws it (the same numbers)."""
    L = factor.L
    f = torch.randn(1, L.shape[0], generator=_gen(seed), dtype=L.dtype) @ L.T
    n = factor.axis.shape[0]
    return GridView(axis=factor.axis, f=f[0].reshape(n, n), jitter=factor.jitter)
