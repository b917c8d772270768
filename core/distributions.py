"""The 2D normal of torch.distributions.MultivariateNormal, checked for the person at the controls.

p(x) = exp(-(x - mu)^T Sigma^-1 (x - mu) / 2) / (2 pi sqrt(det Sigma)), x in R^2.
A covariance is valid when it is 2x2, finite, symmetric and positive definite; every other
matrix raises `InputError` naming the problem (with the eigenvalues) and the nearest valid
matrix. Univariate summaries live in `core.distributions_1d`; `summary` and `histogram` are
re-exported here. `normal_2d_view` and `conditional_view` compute what the page's 2D view draws,
as frozen dataclasses (`Normal2D`, `Conditional`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch
from torch.distributions import Distribution, MultivariateNormal, Normal

from core.distributions_1d import Histogram, histogram, pdf, summary
from core.distributions_sampling import sample
from core.errors import InputError
from core.validate import (
    excerpt,
    finite,
    first_items,
    in_open_interval,
    int_in_range,
    non_negative,
    positive,
    product_at_most,
)

__all__ = [
    "Conditional",
    "Normal2D",
    "conditional",
    "conditional_slice",
    "conditional_view",
    "conditional_window",
    "cov_from",
    "density_grid",
    "ellipse",
    "ellipse_mass",
    "fraction_inside",
    "histogram",
    "histogram_2d",
    "mahalanobis",
    "marginals",
    "mvn",
    "nearest_valid_cov",
    "normal_2d_view",
    "principal_axes",
    "principal_axis_segments",
    "sample_moments",
    "samples",
    "sigmas_from",
    "summary",
    "window",
]

SYMMETRY_RTOL = 1e-6  # |S01 - S10| within this (relative) counts as symmetric: typed decimals
# An eigenvalue below this many machine epsilons of the largest one makes the matrix singular
# in its precision (float32: 1.2e-6; the page's extreme, sigmas 0.1 and 5 with rho 0.99, has
# 8e-6); a failing Cholesky factorisation counts as singular too.
SINGULAR_EPS = 10.0
# Limits: at most MAX_SAMPLES points of the plane (64 MB in float64; the page draws at most
# 100,000, a test 2 million), a density grid of at most MAX_GRID_POINTS (xs x ys; the page's
# is 80 x 80), at most MAX_BINS bins per axis of a 2D histogram and MAX_KS ellipses at once.
MAX_SAMPLES = 4_000_000
MAX_GRID_POINTS = 1_000_000
MAX_BINS = 1000
MAX_KS = 100


def _fmt(x: float) -> str:
    return f"{x:.4g}"


def _fmt_matrix(m: torch.Tensor) -> str:
    return "[" + ", ".join("[" + ", ".join(_fmt(v) for v in row) + "]" for row in m.tolist()) + "]"


def _tensor(
    name: str, value, shape: tuple[int, ...], *, shape_code: str, finite_code: str
) -> torch.Tensor:
    """value as a floating tensor of ``shape`` with only finite entries; else `InputError`
    with ``shape_code`` or ``finite_code``."""
    try:
        t = value if isinstance(value, torch.Tensor) else torch.as_tensor(value)
    except (TypeError, ValueError, RuntimeError):
        t = None
    if t is None or t.is_complex() or tuple(t.shape) != shape:
        if t is None:
            got = excerpt(value)
        else:
            got = "complex numbers" if t.is_complex() else f"shape {tuple(t.shape)}"
        raise InputError(
            f"The {name} must be numbers of shape {shape}, got {got}.",
            code=shape_code,
            got=got,
        )
    if not t.is_floating_point():
        t = t.to(torch.get_default_dtype())
    if not bool(torch.isfinite(t).all()):
        raise InputError(
            f"The {name} must contain only finite numbers, got {t.tolist()}.",
            code=finite_code,
            value=str(t.tolist()),
        )
    return t


def _mean(mean) -> torch.Tensor:
    return _tensor(
        "mean", mean, (2,), shape_code="dist_mean_shape", finite_code="dist_mean_not_finite"
    )


def _cov_tensor(cov) -> torch.Tensor:
    return _tensor(
        "covariance matrix", cov, (2, 2), shape_code="dist_cov_shape",
        finite_code="dist_cov_not_finite",
    )  # fmt: skip


def nearest_valid_cov(cov) -> torch.Tensor:
    """The nearest symmetric positive-definite matrix, in the Frobenius norm up to a floor.

    Symmetrise, S = (C + C^T)/2, then clip S's eigenvalues at 1 % of the largest absolute one
    (Higham 1988 clips at 0, which would leave a singular matrix; the floor keeps it valid after
    rounding to 4 significant digits).
    """
    c = _cov_tensor(cov)
    c64 = c.double()
    evals, evecs = torch.linalg.eigh((c64 + c64.T) / 2)
    floor = 0.01 * float(evals.abs().max()) or 0.01
    fixed = evecs @ torch.diag(evals.clamp(min=floor)) @ evecs.T
    return ((fixed + fixed.T) / 2).to(c.dtype)


def _cov(cov) -> torch.Tensor:
    """A valid covariance (symmetrised), or `InputError` naming what is wrong."""
    c = _cov_tensor(cov)
    c64 = c.double()
    scale = max(1.0, float(c64.abs().max()))
    if abs(float(c64[0, 1] - c64[1, 0])) > SYMMETRY_RTOL * scale:
        suggestion = _fmt_matrix(nearest_valid_cov(c))
        raise InputError(
            "The covariance matrix must be symmetric, but Sigma[0,1] = "
            f"{_fmt(c64[0, 1])} and Sigma[1,0] = {_fmt(c64[1, 0])}. "
            f"Nearest valid matrix: {suggestion}.",
            code="dist_cov_not_symmetric",
            upper=_fmt(c64[0, 1]),
            lower=_fmt(c64[1, 0]),
            suggestion=suggestion,
        )
    sym = (c + c.T) / 2
    evals = torch.linalg.eigvalsh(sym.double())
    tol = SINGULAR_EPS * torch.finfo(c.dtype).eps * float(evals.abs().max())
    lowest = float(evals.min())
    if lowest < -tol:
        code, what = (
            "dist_cov_not_pd",
            "is not positive definite (a negative eigenvalue: a negative variance)",
        )
    elif lowest <= tol or int(torch.linalg.cholesky_ex(sym).info) != 0:
        code, what = (
            "dist_cov_singular",
            "is singular (an eigenvalue is 0: all the mass on a line, no density)",
        )
    else:
        return sym
    shown = ", ".join(_fmt(v) for v in evals.tolist())
    suggestion = _fmt_matrix(nearest_valid_cov(c))
    raise InputError(
        f"The covariance matrix {what}; its eigenvalues are {shown}, and all must be > 0. "
        f"Nearest valid matrix: {suggestion}.",
        code=code,
        eigenvalues=shown,
        suggestion=suggestion,
    )


def mvn(mean, cov) -> MultivariateNormal:
    """torch.distributions.MultivariateNormal(mean, covariance_matrix=cov), validated.

    mean: shape (2,); cov: shape (2, 2), finite, symmetric, positive definite. Lists and floats
    are accepted; a floating tensor keeps its dtype.
    """
    m = _mean(mean)
    c = _cov(cov).to(m.dtype)
    return MultivariateNormal(m, covariance_matrix=c)


def cov_from(sigma_x, sigma_y, rho) -> torch.Tensor:
    """Sigma = [[sx^2, rho sx sy], [rho sx sy, sy^2]] with sx, sy > 0 and -1 < rho < 1."""
    sx = positive("sigma_x", sigma_x)
    sy = positive("sigma_y", sigma_y)
    r = in_open_interval("rho", rho, -1.0, 1.0)
    return torch.tensor([[sx * sx, r * sx * sy], [r * sx * sy, sy * sy]])


def sigmas_from(cov) -> tuple[float, float, float]:
    """(sigma_x, sigma_y, rho) of a valid covariance: the inverse of `cov_from`,
    sigma = sqrt(diagonal), rho = Sigma_xy / (sigma_x sigma_y)."""
    c = _cov(cov).double()
    sx, sy = float(c[0, 0].sqrt()), float(c[1, 1].sqrt())
    return sx, sy, float(c[0, 1]) / (sx * sy)


def _mvn_2d(dist) -> MultivariateNormal:
    if not isinstance(dist, MultivariateNormal) or tuple(dist.event_shape) != (2,):
        raise InputError(
            f"Expected a 2D MultivariateNormal, got {excerpt(dist)}.",
            code="dist_not_2d",
            value=excerpt(dist),
        )
    return dist


def _vector(name: str, value, dtype: torch.dtype) -> torch.Tensor:
    t = torch.as_tensor(value, dtype=dtype)
    if t.ndim == 1:
        int_in_range(f"number of values in {name}", t.numel(), 0, MAX_GRID_POINTS)
    if t.ndim != 1 or t.numel() == 0 or not bool(torch.isfinite(t).all()):
        raise InputError(
            f"{name} must be a non-empty 1-D list of finite numbers.",
            code="dist_grid_axis",
            name=name,
        )
    return t


def density_grid(dist: Distribution, xs, ys) -> torch.Tensor:
    """p(x_j, y_i) = exp(log_prob) on the grid: shape (len(ys), len(xs)), rows follow y."""
    d = _mvn_2d(dist)
    xs = _vector("xs", xs, d.loc.dtype)
    ys = _vector("ys", ys, d.loc.dtype)
    product_at_most({"len(xs)": xs.numel(), "len(ys)": ys.numel()}, MAX_GRID_POINTS)
    gx, gy = torch.meshgrid(xs, ys, indexing="xy")
    return d.log_prob(torch.stack([gx, gy], dim=-1)).exp()


def principal_axes(cov) -> tuple[torch.Tensor, torch.Tensor]:
    """(sqrt of the eigenvalues, eigenvectors as columns), major axis first: the 1-sigma
    ellipse's semi-axes are sqrt(lambda_i) v_i."""
    evals, evecs = torch.linalg.eigh(_cov(cov))
    return evals.flip(0).sqrt(), evecs.flip(1)


def principal_axis_segments(mean, cov) -> torch.Tensor:
    """Segments mu -/+ sqrt(lambda_i) v_i, shape (axis, end, xy): the 1-sigma ellipse's axes."""
    m = _mean(mean)
    roots, vecs = principal_axes(cov)
    half = (vecs * roots).T.to(m.dtype)  # row i: sqrt(lambda_i) v_i
    return torch.stack([m - half, m + half], dim=1)


def ellipse(mean, cov, k_sigma, n: int = 200) -> torch.Tensor:
    """n points of the k-sigma contour {x : (x - mu)^T Sigma^-1 (x - mu) = k^2}.

    x(t) = mu + k V Lambda^(1/2) (cos t, sin t) with Sigma = V Lambda V^T, for n values of t
    from 0 to 2 pi inclusive: then (x - mu)^T Sigma^-1 (x - mu) = k^2 (cos^2 t + sin^2 t) = k^2.
    The last point repeats the first, so the points draw a closed curve as they are.
    """
    m = _mean(mean)
    k = positive("k_sigma", k_sigma)
    n = int_in_range("n", n, 2, MAX_SAMPLES)
    roots, vecs = principal_axes(cov)
    t = torch.linspace(0, 2 * math.pi, n, dtype=torch.float64)
    circle = torch.stack([t.cos(), t.sin()], dim=-1)
    points = m.double() + k * circle @ (vecs.double() * roots.double()).T
    return points.to(m.dtype)


def mahalanobis(dist: Distribution, x) -> torch.Tensor:
    """sqrt((x - mu)^T Sigma^-1 (x - mu)) for points x of shape (..., 2), via the Cholesky
    factor L (Sigma = L L^T): the length of L^-1 (x - mu)."""
    d = _mvn_2d(dist)
    diff = _points(x, d.loc.dtype, allow_one=True) - d.loc
    z = torch.linalg.solve_triangular(d.scale_tril, diff.unsqueeze(-1), upper=False)
    return z.squeeze(-1).norm(dim=-1)


def ellipse_mass(k_sigma) -> float:
    """Probability inside the k-sigma ellipse of a 2D normal: the squared Mahalanobis distance
    is chi-square with 2 degrees of freedom, so P = 1 - exp(-k^2 / 2) (39.3 %, 86.5 %, 98.9 %)."""
    k = non_negative("k_sigma", k_sigma)
    return 1.0 - math.exp(-k * k / 2)


def fraction_inside(dist: Distribution, points: torch.Tensor, ks: Sequence[float]) -> list[float]:
    """The fraction of points within each k-sigma ellipse (Mahalanobis distance <= k)."""
    r = mahalanobis(dist, _points(points, None))
    if r.numel() == 0:
        raise InputError("Counting needs at least one point, got none.", code="dist_no_points")
    ks = first_items("ks", ks, MAX_KS)
    return [float((r <= positive("k_sigma", k)).double().mean()) for k in ks]


def samples(dist: Distribution, n: int, generator: torch.Generator | None = None) -> torch.Tensor:
    """n draws, shape (n, 2); with torch.manual_seed(s) the same as dist.sample((n,))."""
    d = _mvn_2d(dist)
    return sample(d, (int_in_range("n", n, 1, MAX_SAMPLES),), generator)


def sample_moments(points: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(sample mean, unbiased sample covariance: divisor n - 1) of points (n, 2)."""
    points = _points(points, None)
    if points.shape[0] < 2:
        raise InputError("Sample moments need at least 2 samples.", code="dist_too_few")
    return points.mean(0), torch.cov(points.T)


def marginals(dist: Distribution) -> tuple[Normal, Normal]:
    """p(x) = N(mu_x, Sigma_xx) and p(y) = N(mu_y, Sigma_yy): a normal's marginals are read off
    its mean and the diagonal of its covariance."""
    d = _mvn_2d(dist)
    sd = d.covariance_matrix.diagonal().sqrt()
    return Normal(d.loc[0], sd[0]), Normal(d.loc[1], sd[1])


def conditional(dist: Distribution, a) -> Normal:
    """p(y | x = a) = N(mu_y + (Sigma_yx / Sigma_xx)(a - mu_x), Sigma_yy - Sigma_yx^2 / Sigma_xx)
    (Bishop, PRML eq. 2.81-2.82); with Sigma from (sx, sy, rho): mean mu_y + rho (sy/sx)(a - mu_x),
    variance sy^2 (1 - rho^2), standard deviation sy sqrt(1 - rho^2). Returned as a torch Normal,
    whose ``scale`` is the standard deviation and ``variance`` its square."""
    d = _mvn_2d(dist)
    a = finite("a", a)
    s = d.covariance_matrix
    mean = d.loc[1] + s[1, 0] / s[0, 0] * (a - d.loc[0])
    var = s[1, 1] - s[1, 0] ** 2 / s[0, 0]
    return Normal(mean, var.sqrt())


def conditional_slice(dist: Distribution, a, ys) -> torch.Tensor:
    """p(a, y) / p_x(a) on ys: the joint density along the line x = a, normalised by the
    marginal. It equals the closed-form `conditional` pdf (tested): the slice is the formula."""
    d = _mvn_2d(dist)
    a = finite("a", a)
    ys = _vector("ys", ys, d.loc.dtype)
    points = torch.stack([torch.full_like(ys, a), ys], dim=-1)
    px = marginals(d)[0].log_prob(torch.tensor(float(a), dtype=d.loc.dtype))
    return (d.log_prob(points) - px).exp()


def window(dist: Distribution, k: float = 4.0) -> tuple[float, float, float, float]:
    """(x_low, x_high, y_low, y_high): a square around the mean, k marginal standard
    deviations (the larger one) each way, so equal axes show the ellipses' true shape."""
    d = _mvn_2d(dist)
    half = positive("k", k) * float(d.covariance_matrix.diagonal().max().sqrt())
    mx, my = (float(v) for v in d.loc)
    return mx - half, mx + half, my - half, my + half


def conditional_window(dist: Distribution, a, k: float = 4.0) -> tuple[float, float]:
    """(low, high) in y holding both the marginal p(y) and p(y | x = a), k sd each way: far
    from the mean, the conditional leaves the marginal's range."""
    d = _mvn_2d(dist)
    cond, marginal = conditional(d, a), marginals(d)[1]
    k = positive("k", k)
    centres, sds = (cond.loc, marginal.loc), (cond.scale, marginal.scale)
    low = min(float(c - k * s) for c, s in zip(centres, sds, strict=True))
    high = max(float(c + k * s) for c, s in zip(centres, sds, strict=True))
    return low, high


def histogram_2d(points: torch.Tensor, bounds: tuple[float, float, float, float], bins: int):
    """(x edges, y edges, density (bins_y, bins_x)) of points over bounds: counts / (n * area).

    ``points`` (n, 2) with 1 <= n <= `MAX_SAMPLES`; ``bounds`` finite with low < high."""
    bins = int_in_range("bins", bins, 1, MAX_BINS)
    points = _points(points, None)
    if points.shape[0] == 0:
        raise InputError("A histogram needs at least one point, got none.", code="dist_no_points")
    x_lo, x_hi, y_lo, y_hi = _bounds(bounds)
    if not (x_lo < x_hi and y_lo < y_hi):
        shown = f"({x_lo:g}, {x_hi:g}, {y_lo:g}, {y_hi:g})"
        raise InputError(
            f"The histogram's bounds need x_low < x_high and y_low < y_high, got {shown}.",
            code="dist_bounds",
            bounds=shown,
        )
    counts, edges = torch.histogramdd(
        points.detach().double(), bins=[bins, bins], range=[x_lo, x_hi, y_lo, y_hi]
    )
    area = (x_hi - x_lo) * (y_hi - y_lo) / bins**2
    return edges[0], edges[1], (counts / (points.shape[0] * area)).T


def _bounds(bounds) -> tuple[float, float, float, float]:
    names = ("x_low", "x_high", "y_low", "y_high")
    try:
        values = list(bounds)
    except TypeError:
        values = []
    if len(values) != 4:
        raise InputError(
            f"bounds must be four numbers (x_low, x_high, y_low, y_high), got {excerpt(bounds)}.",
            code="dist_bounds",
            bounds=excerpt(bounds),
        )
    x_lo, x_hi, y_lo, y_hi = (finite(n, v) for n, v in zip(names, values, strict=True))
    return x_lo, x_hi, y_lo, y_hi


def _points(x, dtype: torch.dtype | None, allow_one: bool = False) -> torch.Tensor:
    """Points of the plane: shape (n, 2) (or (2,) for one point when ``allow_one``), at most
    `MAX_SAMPLES` of them."""
    try:
        t = torch.as_tensor(x, dtype=dtype)
    except (TypeError, ValueError, RuntimeError):
        t = torch.zeros(())
    if t.ndim == 0 or t.shape[-1] != 2 or (t.ndim == 1 and not allow_one) or t.ndim > 2:
        raise InputError(
            f"The points must have shape (n, 2), got shape {tuple(t.shape)}.",
            code="dist_points_shape",
            shape=str(tuple(t.shape)),
        )
    int_in_range("number of points", t.numel() // 2, 0, MAX_SAMPLES)
    return t


# --- the views of the page --------------------------------------------------------------------


@dataclass(frozen=True)
class Normal2D:
    """What the 2D view draws: the density on a ``grid`` x ``grid`` lattice over `window`
    (``bounds``), the k-sigma ellipses with the fraction of samples inside each, the principal
    axes, both marginals (histogram and exact pdf), the sample moments (None for one sample),
    and the samples themselves, or above ``hist_above`` of them their 2D histogram
    (x edges, y edges, density)."""

    bounds: tuple[float, float, float, float]
    xs: torch.Tensor
    ys: torch.Tensor
    density: torch.Tensor
    ellipses: tuple[torch.Tensor, ...]
    inside: tuple[float, ...]
    axes: torch.Tensor
    marginal_x: Histogram
    marginal_y: Histogram
    sample_mean: torch.Tensor | None
    sample_cov: torch.Tensor | None
    points: torch.Tensor | None
    hist_2d: tuple[torch.Tensor, torch.Tensor, torch.Tensor] | None


def normal_2d_view(
    dist: Distribution,
    n: int,
    generator: torch.Generator | None = None,
    *,
    ks: Sequence[float] = (1, 2, 3),
    grid: int = 80,
    curve_points: int = 300,
    ellipse_points: int = 160,
    marginal_bins: int = 40,
    hist_above: int = 20_000,
) -> Normal2D:
    """n draws of the 2D normal ``dist`` (from ``generator``) and everything drawn around them."""
    d = _mvn_2d(dist)
    bounds = window(d)
    xs = torch.linspace(bounds[0], bounds[1], grid)
    ys = torch.linspace(bounds[2], bounds[3], grid)
    points = samples(d, n, generator)
    marginal_x, marginal_y = marginals(d)
    fine_x = torch.linspace(bounds[0], bounds[1], curve_points)
    fine_y = torch.linspace(bounds[2], bounds[3], curve_points)
    sample_mean, sample_cov = sample_moments(points) if n >= 2 else (None, None)
    cov = d.covariance_matrix
    hist_2d = histogram_2d(points, bounds, grid) if n > hist_above else None
    return Normal2D(
        bounds=bounds,
        xs=xs,
        ys=ys,
        density=density_grid(d, xs, ys),
        ellipses=tuple(ellipse(d.loc, cov, k, ellipse_points) for k in ks),
        inside=tuple(fraction_inside(d, points, ks)),
        axes=principal_axis_segments(d.loc, cov),
        marginal_x=_marginal(points[:, 0], bounds[:2], fine_x, marginal_x, marginal_bins),
        marginal_y=_marginal(points[:, 1], bounds[2:], fine_y, marginal_y, marginal_bins),
        sample_mean=sample_mean,
        sample_cov=sample_cov,
        points=points if n <= hist_above else None,
        hist_2d=hist_2d,
    )


def _marginal(values, bounds, grid, dist, bins: int) -> Histogram:
    edges, density = histogram(values, *bounds, bins)
    return Histogram(edges, density, grid, pdf(dist, grid))


@dataclass(frozen=True)
class Conditional:
    """p(y | x = a) on ``ys`` (`conditional_window`): its closed-form pdf, the normalised slice
    of the joint density along x = a (`conditional_slice`), the marginal p(y), and the
    conditional's mean and variance."""

    ys: torch.Tensor
    conditional_pdf: torch.Tensor
    slice_pdf: torch.Tensor
    marginal_pdf: torch.Tensor
    mean: float
    variance: float


def conditional_view(dist: Distribution, a, points: int = 300) -> Conditional:
    d = _mvn_2d(dist)
    cond = conditional(d, a)
    ys = torch.linspace(*conditional_window(d, a), points)
    return Conditional(
        ys=ys,
        conditional_pdf=pdf(cond, ys),
        slice_pdf=conditional_slice(d, a, ys),
        marginal_pdf=pdf(marginals(d)[1], ys),
        mean=float(cond.loc),
        variance=float(cond.variance),
    )
