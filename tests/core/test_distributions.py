"""core.distributions (the 2D normal) against scipy.stats, closed forms and seeded Monte Carlo.

Monte Carlo tolerances are 5 standard errors of the estimate, with fixed seeds.
"""

import math

import numpy as np
import pytest
import scipy.spatial.distance
import scipy.stats
import torch
from torch.distributions import MultivariateNormal

from core import distributions as nd
from core.errors import InputError
from tests import tolerances as tol

COVS = [
    [[1.0, 0.0], [0.0, 1.0]],
    [[2.25, 0.9], [0.9, 1.0]],
    [[0.04, -0.099], [-0.099, 0.25]],  # rho = -0.099 / (0.2 x 0.5) = -0.99: a thin ellipse
    [[25.0, 3.0], [3.0, 0.5]],
]
MEANS = [[0.0, 0.0], [1.5, -2.0], [-4.0, 3.0], [0.3, 0.7]]
CASES = list(zip(MEANS, COVS, strict=True))


def _points(seed: int, n: int = 50) -> np.ndarray:
    return np.random.default_rng(seed).normal(scale=3.0, size=(n, 2))


# Roundings of a 2 x 2 normal's log density as backward errors: the point (its rounding and
# x - mu: 2), the mean (1) and the covariance (its rounding, the Cholesky factor's gamma_3
# |L||L^T| and the triangular solve's gamma_2 |L||L^T|: 8; |L||L^T| = |Sigma| for 2 x 2,
# Higham Thms 8.5, 10.3), then forward roundings of the quadratic form, the log-determinant
# (a libm log and a sum) and the constant: 8 + LIBM_ULPS.
POINT_OPS, MEAN_OPS, COV_OPS, LOG_PROB_OPS = 2, 1, 8, 8 + tol.LIBM_ULPS
# Roundings of a float32 symmetric eigendecomposition of a 2 x 2 matrix: its backward error
# dSigma, ||dSigma|| <= few n eps ||Sigma|| (LAPACK Users' Guide §4.7), with the input's
# rounding, sqrt then square of the eigenvalues and two 2-term products to rebuild it.
EIGH_OPS = 16


def _log_prob_tol(mean, cov, x, eps: float) -> np.ndarray:
    """Per point, how far log N(x; mean, cov) by ours (Cholesky, in the dtype of ``eps``) and
    by scipy (eigh in float64) may differ: `tol.sensitivity_tol` with the inputs jiggled by
    their backward errors above (plus eigh's, normwise: COV_OPS eps64 ||Sigma||), which
    measures cond(Sigma)'s amplification, plus LOG_PROB_OPS roundings of |log p|."""
    m, c, p = (torch.as_tensor(np.asarray(v), dtype=torch.float64) for v in (mean, cov, x))
    c_scale = COV_OPS * eps * c.abs() + COV_OPS * tol.EPS64 * float(c.abs().max())

    def log_prob(jiggle):
        m_j, c_j = jiggle(m, MEAN_OPS * eps * m.abs()), jiggle(c, c_scale)
        lp = MultivariateNormal(m_j, covariance_matrix=c_j).log_prob(
            jiggle(p, POINT_OPS * eps * p.abs())
        )
        return {str(i): v for i, v in enumerate(lp)}

    amplified = tol.sensitivity_tol(log_prob)
    size = log_prob(lambda M, scale: M)
    return np.array(
        [amplified[k] + tol.rounding_tol(abs(float(v)), LOG_PROB_OPS, eps) for k, v in size.items()]
    )


def _mahalanobis_torch(points, mean, cov):
    d = points - mean
    return (d @ torch.linalg.inv(cov) * d).sum(-1).sqrt()


# --- mvn, cov_from: construction and validation -----------------------------------------------


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_log_prob_matches_scipy_multivariate_normal(mean, cov):
    x = _points(1)
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    ours = dist.log_prob(torch.from_numpy(x)).numpy()
    ref = scipy.stats.multivariate_normal(mean, cov).logpdf(x)
    # float64 log_prob, Cholesky against eigh: backward errors amplified by cond(Sigma), and
    # 8 + LIBM_ULPS roundings of |log p|, per point (_log_prob_tol)
    np.testing.assert_array_less(np.abs(ours - ref), _log_prob_tol(mean, cov, x, tol.EPS64))


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_mvn_accepts_plain_lists_in_the_default_dtype(mean, cov):
    dist = nd.mvn(mean, cov)
    assert isinstance(dist, MultivariateNormal)
    assert dist.loc.dtype == torch.get_default_dtype()
    x = _points(2, 10)
    ref = scipy.stats.multivariate_normal(mean, cov).logpdf(x)
    ours = dist.log_prob(torch.tensor(x, dtype=torch.float32)).numpy()
    # float32 log_prob (its inputs rounded to float32 too) against float64: the same bound in
    # eps32, the float64 side's rounding being 2^29 times smaller (_log_prob_tol)
    np.testing.assert_array_less(np.abs(ours - ref), _log_prob_tol(mean, cov, x, tol.EPS32))
    # the covariance as given, each entry rounded once to float32 (relative error <= eps/2)
    np.testing.assert_allclose(dist.covariance_matrix.numpy(), cov, rtol=tol.float32_tol(1, 1))


def test_mvn_keeps_a_float64_tensor_in_float64():
    dist = nd.mvn(torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64))
    assert dist.loc.dtype == torch.float64 and dist.covariance_matrix.dtype == torch.float64


def test_mvn_accepts_integer_entries():
    dist = nd.mvn([1, 2], [[2, 1], [1, 2]])
    assert dist.loc.is_floating_point()
    # small integers are exact in float32: the same numbers
    np.testing.assert_array_equal(dist.covariance_matrix.numpy(), [[2, 1], [1, 2]])


@pytest.mark.parametrize(
    ("cov", "code"),
    [
        ([[1.0, 0.5], [0.3, 1.0]], "dist_cov_not_symmetric"),
        ([[1.0, 2.0], [2.0, 1.0]], "dist_cov_not_pd"),  # eigenvalues -1, 3
        ([[-1.0, 0.0], [0.0, 2.0]], "dist_cov_not_pd"),  # a negative variance
        ([[-1.0, 0.0], [0.0, -1.0]], "dist_cov_not_pd"),
        ([[1.0, 1.0], [1.0, 1.0]], "dist_cov_singular"),  # rho = 1
        ([[0.0, 0.0], [0.0, 0.0]], "dist_cov_singular"),
        ([[4.0, -2.0], [-2.0, 1.0]], "dist_cov_singular"),  # rho = -1
        ([[0.0, 0.0], [0.0, 1.0]], "dist_cov_singular"),
        ([[math.nan, 0.0], [0.0, 1.0]], "dist_cov_not_finite"),
        ([[1.0, math.inf], [math.inf, 1.0]], "dist_cov_not_finite"),
        ([[1.0, 0.0], [0.0, -math.inf]], "dist_cov_not_finite"),
        ([1.0, 2.0], "dist_cov_shape"),
        ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], "dist_cov_shape"),
        ([[[1.0], [0.0]], [[0.0], [1.0]]], "dist_cov_shape"),
        ([[1.0, 0.0], [0.0]], "dist_cov_shape"),  # ragged
        ("abc", "dist_cov_shape"),
        (None, "dist_cov_shape"),
        (torch.eye(2, dtype=torch.complex64), "dist_cov_shape"),
        (3.0, "dist_cov_shape"),
    ],
)
def test_every_bad_covariance_raises_an_input_error_naming_the_problem(cov, code):
    with pytest.raises(InputError) as info:
        nd.mvn([0.0, 0.0], cov)
    assert info.value.code == code
    assert str(info.value)


def test_a_matrix_that_is_not_positive_definite_names_its_eigenvalues_and_the_nearest_one():
    with pytest.raises(InputError) as info:
        nd.mvn([0.0, 0.0], [[1.0, 2.0], [2.0, 1.0]])
    message = str(info.value)
    assert "-1" in message and "3" in message  # the eigenvalues
    assert info.value.params["eigenvalues"] == "-1, 3"
    assert "Nearest valid matrix" in message
    nearest = info.value.params["suggestion"]
    entries = [float(v) for v in nearest.replace("[", "").replace("]", "").split(",")]
    nd.mvn([0.0, 0.0], [entries[:2], entries[2:]])  # the suggestion itself is valid


def test_a_non_symmetric_matrix_names_both_off_diagonal_entries():
    with pytest.raises(InputError) as info:
        nd.mvn([0, 0], [[1.0, 0.5], [0.3, 1.0]])
    assert info.value.params["upper"] == "0.5" and info.value.params["lower"] == "0.3"


def test_tiny_asymmetry_from_rounding_is_accepted_and_symmetrised():
    dist = nd.mvn([0, 0], [[1.0, 0.5], [0.5 + 1e-9, 1.0]])
    c = dist.covariance_matrix
    assert torch.equal(c, c.T)


@pytest.mark.parametrize(
    "mean", [[0.0], [0.0, 0.0, 0.0], [[0.0, 0.0]], [math.nan, 0.0], [0.0, math.inf], "xy", None]
)
def test_a_bad_mean_raises_an_input_error(mean):
    with pytest.raises(InputError) as info:
        nd.mvn(mean, [[1.0, 0.0], [0.0, 1.0]])
    assert info.value.code in ("dist_mean_shape", "dist_mean_not_finite")


@pytest.mark.parametrize(
    "cov",
    [
        [[1.0, 2.0], [2.0, 1.0]],
        [[1.0, 0.5], [0.3, 1.0]],
        [[-3.0, 0.0], [0.0, -1.0]],
        [[0.0, 0.0], [0.0, 0.0]],
        [[1.0, 1.0], [1.0, 1.0]],
    ],
)
def test_the_nearest_valid_matrix_is_the_clipped_symmetric_part(cov):
    fixed = nd.nearest_valid_cov(cov).double()
    c = torch.tensor(cov, dtype=torch.float64)
    s = (c + c.T) / 2
    evals, evecs = torch.linalg.eigh(s)
    floor = 0.01 * float(evals.abs().max()) or 0.01
    expected = (evecs @ torch.diag(evals.clamp(min=floor)) @ evecs.T).numpy()
    # the same float64 eigh, but ours from float32 input and back to float32: one rounding of
    # each entry in (the clipping is 1-Lipschitz in Frobenius, the floor moves by 1 % of it),
    # one out, and the float64 recomposition's; 4 roundings of the largest entry
    size = max(float(np.abs(cov).max()), float(np.abs(expected).max()))
    np.testing.assert_allclose(fixed.numpy(), expected, rtol=0, atol=tol.float32_tol(size, 4))
    nd.mvn([0, 0], fixed)


def test_the_nearest_valid_matrix_of_a_valid_one_is_itself():
    cov = [[2.25, 0.9], [0.9, 1.0]]
    # rounded to float32 in and out (2 roundings of the largest entry: eigh's recomposition is
    # normwise), with a float64 eigh in between (a few eps64, counted as a third)
    np.testing.assert_allclose(
        nd.nearest_valid_cov(cov).numpy(), cov, rtol=0, atol=tol.float32_tol(2.25, 3)
    )


@pytest.mark.parametrize(("sx", "sy", "rho"), [(1.0, 1.0, 0.0), (1.5, 0.5, 0.6), (0.1, 5, -0.99)])
def test_cov_from_builds_the_matrix_of_sigmas_and_rho(sx, sy, rho):
    c = nd.cov_from(sx, sy, rho)
    assert c.shape == (2, 2)
    # the same float64 products, rounded once to float32
    np.testing.assert_allclose(
        c.numpy(), [[sx**2, rho * sx * sy], [rho * sx * sy, sy**2]], rtol=tol.float32_tol(1, 1)
    )
    # back from float32 entries (relative error eps/2 each): sqrt halves it for the sigmas,
    # rho = Sigma_xy / (sx sy) gathers eps/2 + 2 eps/4; float64 arithmetic adds ~nothing
    np.testing.assert_allclose(nd.sigmas_from(c), (sx, sy, rho), rtol=tol.float32_tol(1, 2))


@pytest.mark.parametrize(
    ("sx", "sy", "rho"),
    [
        (0.0, 1.0, 0.0),
        (1.0, -1.0, 0.0),
        (math.nan, 1.0, 0.0),
        (1.0, math.inf, 0.0),
        (1.0, 1.0, 1.0),
        (1.0, 1.0, -1.0),
        (1.0, 1.0, 1.5),
        (1.0, 1.0, math.nan),
        ("a", 1.0, 0.0),
    ],
)
def test_cov_from_rejects_invalid_sigmas_and_rho(sx, sy, rho):
    with pytest.raises(InputError):
        nd.cov_from(sx, sy, rho)


# --- density grid ------------------------------------------------------------------------------


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_density_grid_integrates_to_one(mean, cov):
    """Trapezoid rule over mean +- 9 sd with 601 x 601 points: the truncated mass is < 1e-15
    and the rule's error is well below the stated tolerance of 1e-3."""
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    sd = np.sqrt(np.diag(cov))
    xs = torch.linspace(mean[0] - 9 * sd[0], mean[0] + 9 * sd[0], 601, dtype=torch.float64)
    ys = torch.linspace(mean[1] - 9 * sd[1], mean[1] + 9 * sd[1], 601, dtype=torch.float64)
    p = nd.density_grid(dist, xs, ys).numpy()
    total = np.trapezoid(np.trapezoid(p, xs.numpy(), axis=1), ys.numpy())
    # discretisation error of a grid sum (docstring), not rounding: kept at 1e-3
    assert abs(total - 1) < 1e-3


def test_density_grid_rows_follow_y_and_columns_follow_x():
    dist = nd.mvn([0.5, -1.0], [[2.25, 0.9], [0.9, 1.0]])
    xs, ys = torch.linspace(-3, 3, 7), torch.linspace(-2, 2, 4)
    grid = nd.density_grid(dist, xs, ys)
    assert grid.shape == (len(ys), len(xs))
    ref = scipy.stats.multivariate_normal([0.5, -1.0], [[2.25, 0.9], [0.9, 1.0]])
    points = [[x, y] for y in ys.tolist() for x in xs.tolist()]  # row by row: y, then x
    # float32 log_prob then exp: the absolute error in log p is the relative error in p,
    # plus exp's own (a libm call)
    rel = _log_prob_tol([0.5, -1.0], [[2.25, 0.9], [0.9, 1.0]], points, tol.EPS32)
    rel += tol.float32_tol(1, tol.LIBM_ULPS)
    expected = ref.pdf(points)
    np.testing.assert_array_less(np.abs(grid.flatten().numpy() - expected), rel * expected)


@pytest.mark.parametrize("bad", [[], [[0.0, 1.0]], [0.0, math.nan]])
def test_density_grid_rejects_bad_axes(bad):
    with pytest.raises(InputError):
        nd.density_grid(nd.mvn([0, 0], [[1, 0], [0, 1]]), bad, [0.0, 1.0])


def test_density_grid_needs_a_2d_normal():
    with pytest.raises(InputError):
        nd.density_grid(torch.distributions.Normal(0.0, 1.0), [0.0], [0.0])


# --- ellipses, axes, Mahalanobis -------------------------------------------------------------


def _mahalanobis_np(points, mean, cov):
    inv = np.linalg.inv(np.asarray(cov, dtype=float))
    d = np.asarray(points, dtype=float) - np.asarray(mean, dtype=float)
    return np.sqrt(np.einsum("ni,ij,nj->n", d, inv, d))


@pytest.mark.parametrize(("mean", "cov"), CASES)
@pytest.mark.parametrize("k", [0.5, 1.0, 2.0, 3.0])
def test_ellipse_points_are_at_mahalanobis_distance_k(mean, cov, k):
    points = nd.ellipse(mean, cov, k, n=64)
    assert points.shape == (64, 2)
    # float64 work on the float32-rounded mean and covariance, the points rounded to float32:
    # tol.formula_tol jiggles all three by an eps32 rounding and measures the distance's
    # amplification of them (1 / sqrt(lambda_min) for the points, cond(Sigma) for Sigma)
    m64, c64 = torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64)
    distance_tol = tol.formula_tol(
        _mahalanobis_torch, points.double(), m64, c64, ops=2, eps=tol.EPS32
    )
    np.testing.assert_allclose(
        _mahalanobis_np(points.numpy(), mean, cov), k, rtol=0, atol=distance_tol
    )
    # a closed curve going once round the mean: n - 1 distinct points, the last is the first,
    # up to sin(fl(2 pi)) ~ pi eps64 times the radius and the rounding of each to float32
    radius = k * math.sqrt(float(np.linalg.eigvalsh(np.asarray(cov)).max()))
    closing = tol.float32_tol(float(points.abs().max()), 1)
    closing += tol.rounding_tol(radius, tol.LIBM_ULPS)
    assert torch.allclose(points[0], points[-1], rtol=0, atol=closing)
    assert len({tuple(np.round(p, 5)) for p in points[:-1].tolist()}) == 63
    # its area (shoelace): the affine image (det k V Lambda^1/2 = k^2 sqrt(det Sigma)) of a
    # regular 63-gon inscribed in the unit circle, area (63/2) sin(2 pi/63) -> pi as n grows
    polygon = 63 / 2 * math.sin(2 * math.pi / 63)

    def area_error(p, c):
        x, y = p[:, 0], p[:, 1]
        area = 0.5 * (x[:-1] @ y[1:] - x[1:] @ y[:-1]).abs()
        return area - k * k * torch.linalg.det(c).sqrt() * polygon

    # exact for the polygon: the difference is the points' rounding to float32 and the
    # covariance's (its det), amplified by the shoelace's cancellation (tol.formula_tol)
    area_tol = tol.formula_tol(area_error, points.double(), c64, ops=2, eps=tol.EPS32)
    assert abs(float(area_error(points.double(), c64))) <= area_tol


def test_ellipse_default_has_200_points_and_keeps_float64():
    points = nd.ellipse(torch.zeros(2, dtype=torch.float64), torch.eye(2, dtype=torch.float64), 1)
    assert points.shape == (200, 2) and points.dtype == torch.float64
    # float64 cos and sin (libm each), the product with the eigenvectors of I (orthonormal to
    # a few eps) and the norm's square, sum and sqrt: 2 libm calls and 8 roundings of 1
    norm_tol = tol.rounding_tol(1.0, 2 * tol.LIBM_ULPS + 8)
    np.testing.assert_allclose(points.norm(dim=1).numpy(), 1.0, rtol=0, atol=norm_tol)


@pytest.mark.parametrize("k", [0.0, -1.0, math.nan, math.inf])
def test_ellipse_rejects_a_bad_k(k):
    with pytest.raises(InputError):
        nd.ellipse([0, 0], [[1, 0], [0, 1]], k)


def test_ellipse_rejects_a_bad_matrix():
    with pytest.raises(InputError):
        nd.ellipse([0, 0], [[1, 2], [2, 1]], 1.0)


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_mahalanobis_matches_scipy(mean, cov):
    x = _points(3, 20)
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    ours = nd.mahalanobis(dist, torch.from_numpy(x)).numpy()
    inv = np.linalg.inv(cov)
    ref = [scipy.spatial.distance.mahalanobis(p, mean, inv) for p in x]
    # a triangular solve with the Cholesky factor against an explicit inverse: the squared
    # distance's forward error is ~cond(Sigma) times a dozen roundings (Higham, Thm 7.2),
    # half that for the distance
    cond = float(np.linalg.cond(np.asarray(cov)))
    np.testing.assert_allclose(ours, ref, rtol=tol.rounding_tol(cond, 12), atol=0)


@pytest.mark.parametrize("k", [0.0, 0.5, 1.0, 2.0, 3.0])
def test_ellipse_mass_is_the_chi_square_2_cdf(k):
    # 1 - exp(-k^2/2) (a libm exp, 3 roundings) against scipy's regularised incomplete gamma
    # (cephes igam: a libm exp and a short series, ~8 roundings), values <= 1
    bound = tol.rounding_tol(1.0, 2 * tol.LIBM_ULPS + 11)
    assert nd.ellipse_mass(k) == pytest.approx(scipy.stats.chi2(2).cdf(k * k), rel=0, abs=bound)


def test_the_1_2_3_sigma_ellipses_hold_39_86_99_percent():
    # values stated to one decimal (the page's text): compared after rounding, not a tolerance
    assert [round(100 * nd.ellipse_mass(k), 1) for k in (1, 2, 3)] == [39.3, 86.5, 98.9]


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_principal_axes_rebuild_the_covariance(mean, cov):
    roots, vecs = nd.principal_axes(cov)
    assert roots[0] >= roots[1] > 0
    rebuilt = vecs @ torch.diag(roots**2) @ vecs.T
    # float32 eigh's backward error is normwise: EIGH_OPS roundings of ||Sigma|| = lambda_max
    lam_max, lam_min = (float(v) for v in np.linalg.eigvalsh(np.asarray(cov))[::-1])
    np.testing.assert_allclose(
        rebuilt.numpy(), cov, rtol=0, atol=tol.float32_tol(lam_max, EIGH_OPS)
    )
    segments = nd.principal_axis_segments(mean, cov)
    assert segments.shape == (2, 2, 2)
    # each segment runs from mu - sqrt(lambda) v to mu + sqrt(lambda) v: the 1-sigma ellipse;
    # their midpoint: mu rounded to float32, two sums and a halving (3 roundings of |mu| + |h|)
    size = float(np.abs(mean).max()) + math.sqrt(lam_max)
    np.testing.assert_allclose(
        segments.mean(dim=1).numpy(), [mean, mean], rtol=0, atol=tol.float32_tol(size, 3)
    )
    ends = segments.reshape(-1, 2).numpy()
    # (lambda, v) is an exact eigenpair of Sigma + dSigma: d^2 = 1 + v^T dSigma v / lambda,
    # so d is within cond(Sigma) EIGH_OPS eps32 / 2 of 1; the ends' rounding to float32 adds
    # 2 roundings of |mu| + |h| divided by sqrt(lambda_min)
    end_tol = tol.float32_tol(lam_max / lam_min, EIGH_OPS) / 2
    end_tol += tol.float32_tol(size / math.sqrt(lam_min), 2)
    np.testing.assert_allclose(_mahalanobis_np(ends, mean, cov), 1.0, rtol=0, atol=end_tol)


# --- sampling and moments (seeded) -------------------------------------------------------------


def test_samples_are_the_stream_of_dist_sample_under_the_same_seed():
    dist = nd.mvn([1.0, -2.0], [[2.25, 0.9], [0.9, 1.0]])
    torch.manual_seed(11)
    ref = dist.sample((5000,))
    ours = nd.samples(dist, 5000, torch.Generator().manual_seed(11))
    assert torch.equal(ours, ref)  # identical computation: the same draws, bit for bit


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_seeded_sample_moments_match_the_parameters(mean, cov):
    """n = 200,000: the sample mean is within 5 standard errors sqrt(S_ii / n); sample
    covariance entries within 5 standard errors sqrt((S_ii S_jj + S_ij^2) / n)."""
    n = 200_000
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    points = nd.samples(dist, n, torch.Generator().manual_seed(5))
    m, c = nd.sample_moments(points)
    s = np.asarray(cov)
    # Monte Carlo bounds, not rounding: 5 standard errors (docstring)
    np.testing.assert_array_less(np.abs(m.numpy() - mean), 5 * np.sqrt(np.diag(s) / n))
    se = np.sqrt((np.outer(np.diag(s), np.diag(s)) + s**2) / n)
    np.testing.assert_array_less(np.abs(c.numpy() - s), 5 * se)


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_the_fraction_inside_each_ellipse_matches_its_mass(mean, cov):
    n = 100_000
    dist = nd.mvn(mean, cov)
    points = nd.samples(dist, n, torch.Generator().manual_seed(9))
    for k, f in zip((1, 2, 3), nd.fraction_inside(dist, points, (1, 2, 3)), strict=True):
        p = nd.ellipse_mass(k)
        # Monte Carlo bound, not rounding: 5 binomial standard errors sqrt(p (1 - p) / n)
        assert abs(f - p) < 5 * math.sqrt(p * (1 - p) / n)


def test_sample_moments_need_two_samples():
    with pytest.raises(InputError):
        nd.sample_moments(torch.zeros(1, 2))


# --- marginals and conditionals ----------------------------------------------------------------


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_marginals_are_the_normals_on_the_diagonal(mean, cov):
    px, py = nd.marginals(nd.mvn(mean, cov))
    for marginal, i in ((px, 0), (py, 1)):
        ref = scipy.stats.norm(mean[i], math.sqrt(cov[i][i]))
        x = torch.linspace(mean[i] - 3, mean[i] + 3, 9)
        # float32 normal log_prob: the inputs' rounding, sqrt, square, a difference, a
        # division, a libm log and 3 sums (8 + LIBM_ULPS), amplified by (x - mu) / sigma^2
        mu_i, var_i = (torch.tensor(v, dtype=torch.float64) for v in (mean[i], cov[i][i]))
        bound = tol.formula_tol(
            lambda m, v, x: torch.distributions.Normal(m, v.sqrt()).log_prob(x),
            mu_i,
            var_i,
            x.double(),
            ops=8 + tol.LIBM_ULPS,
            eps=tol.EPS32,
        )
        np.testing.assert_allclose(
            marginal.log_prob(x).numpy(), ref.logpdf(x.numpy()), rtol=0, atol=bound
        )


@pytest.mark.parametrize(("mean", "cov"), CASES)
@pytest.mark.parametrize("a", [-2.0, 0.0, 1.3])
def test_conditional_is_the_schur_complement(mean, cov, a):
    """p(y | x = a): mean mu_y + S_yx S_xx^-1 (a - mu_x), variance S_yy - S_yx S_xx^-1 S_xy,
    and, with S from sigmas and rho, sigma_y^2 (1 - rho^2)."""
    cond = nd.conditional(nd.mvn(mean, cov), a)
    m64, s64 = torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64)
    a64 = torch.tensor(a, dtype=torch.float64)

    def loc(m, s, a):
        return m[1] + s[1, 0] / s[0, 0] * (a - m[0])

    def variance(s):
        return s[1, 1] - s[1, 0] ** 2 / s[0, 0]

    # float32 against float64, the same formulas: the inputs' rounding and 4 operations for the
    # mean; for the variance 3 and torch's sqrt then square (cond.variance = scale^2);
    # tol.formula_tol measures the cancellation in a - mu_x and in the Schur complement
    loc_tol = tol.formula_tol(loc, m64, s64, a64, ops=5, eps=tol.EPS32)
    var_tol = tol.formula_tol(variance, s64, ops=6, eps=tol.EPS32)
    assert float(cond.loc) == pytest.approx(float(loc(m64, s64, a64)), rel=0, abs=loc_tol)
    assert float(cond.variance) == pytest.approx(float(variance(s64)), rel=0, abs=var_tol)
    _, sy, rho = nd.sigmas_from(cov)
    # the same bound: sigmas_from works in float64 on the float32 entries, the float32 path's
    # roundings dominate; the standard deviation's error is the variance's / (2 sd) plus sqrt's
    assert float(cond.variance) == pytest.approx(sy**2 * (1 - rho**2), rel=0, abs=var_tol)
    sd = sy * math.sqrt(1 - rho**2)
    sd_tol = var_tol / (2 * sd) + tol.float32_tol(sd, 1)
    assert float(cond.scale) == pytest.approx(sd, rel=0, abs=sd_tol)


@pytest.mark.parametrize(("mean", "cov"), CASES)
def test_the_normalised_slice_of_the_joint_density_is_the_conditional(mean, cov):
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    a = mean[0] + 0.7
    cond = nd.conditional(dist, a)
    ys = torch.linspace(mean[1] - 3, mean[1] + 3, 41, dtype=torch.float64)
    # log p(a, y) - log p(a) against the conditional's log density: log densities as large as
    # |log p|, computed through Sigma's factor (cond(Sigma) amplifies their ~16 roundings),
    # exponentiated: relative error in p = absolute error in log p
    log_p = float(cond.log_prob(ys).abs().max()) + float(
        dist.log_prob(torch.stack([torch.full_like(ys, a), ys], -1)).abs().max()
    )
    rel = tol.rounding_tol(log_p * float(np.linalg.cond(np.asarray(cov))), 16)
    np.testing.assert_allclose(
        nd.conditional_slice(dist, a, ys).numpy(), cond.log_prob(ys).exp().numpy(), rtol=rel
    )


def test_conditional_matches_samples_near_the_slice():
    """Samples with |x - a| < 0.02: their y has the conditional mean and variance (5 SE)."""
    mean, cov, a = [0.5, -1.0], [[2.25, 0.9], [0.9, 1.0]], 1.0
    dist = nd.mvn(torch.tensor(mean, dtype=torch.float64), torch.tensor(cov, dtype=torch.float64))
    points = nd.samples(dist, 2_000_000, torch.Generator().manual_seed(3))
    y = points[(points[:, 0] - a).abs() < 0.02, 1]
    cond = nd.conditional(dist, a)
    sd, n = float(cond.scale), len(y)
    # Monte Carlo bounds, not rounding: 5 standard errors of the mean and of the variance; the
    # window's own bias (slope S_yx / S_xx = 0.4 times x - a within +-0.02, < 1e-4) is far less
    assert abs(float(y.mean()) - float(cond.loc)) < 5 * sd / math.sqrt(n)
    assert abs(float(y.var()) - sd**2) < 5 * sd**2 * math.sqrt(2 / (n - 1))


def test_conditional_rejects_a_non_finite_a():
    with pytest.raises(InputError):
        nd.conditional(nd.mvn([0, 0], [[1, 0], [0, 1]]), math.nan)


# --- chart helpers -----------------------------------------------------------------------------


def test_window_is_square_and_holds_4_sd_each_way():
    dist = nd.mvn([1.0, -2.0], [[2.25, 0.9], [0.9, 1.0]])
    x_lo, x_hi, y_lo, y_hi = nd.window(dist)
    # float64 sums mu +- half and their differences: 4 roundings of |mu| + half = 8
    assert x_hi - x_lo == pytest.approx(y_hi - y_lo, rel=0, abs=tol.rounding_tol(8.0, 4))
    # exact: half = 4 sqrt(2.25) = 6 and the means are small integers, all binary fractions
    assert x_lo == 1.0 - 6.0 and x_hi == 1.0 + 6.0
    assert y_lo <= -2.0 - 4.0 and y_hi >= -2.0 + 4.0


def test_histogram_2d_is_a_density_over_its_bounds():
    points = torch.tensor([[0.1, 0.1], [0.6, 0.1], [0.6, 0.6], [5.0, 5.0]])
    *_, z = nd.histogram_2d(points, (0.0, 1.0, 0.0, 1.0), 2)
    assert z.shape == (2, 2)
    # rows follow y: the point (0.6, 0.1) is in row 0 (low y), column 1 (high x)
    assert z[0, 1] > 0 and z[1, 0] == 0
    cell = 0.25
    # exact (binary fractions: each count / (4 x 0.25) = 1); one point of four is outside
    assert float(z.sum()) * cell == 3 / 4


def test_conditional_window_holds_the_marginal_and_a_far_conditional():
    dist = nd.mvn([0.0, 0.0], nd.cov_from(0.1, 5.0, 0.99))
    low, high = nd.conditional_window(dist, 15.0)
    cond = nd.conditional(dist, 15.0)
    assert low <= -4 * 5.0 and high >= float(cond.loc) + 4 * float(cond.scale)


# --- the views of the page --------------------------------------------------------------------


@pytest.mark.parametrize(("n", "hist_above"), [(1, 20_000), (500, 20_000), (500, 100)])
def test_the_2d_view_is_its_pieces_from_one_seeded_draw(n, hist_above):
    dist = nd.mvn(MEANS[1], COVS[1])
    view = nd.normal_2d_view(
        dist, n, torch.Generator().manual_seed(3), grid=30, marginal_bins=12,
        hist_above=hist_above,
    )  # fmt: skip
    points = nd.samples(dist, n, torch.Generator().manual_seed(3))
    bounds = nd.window(dist)
    assert view.bounds == bounds
    xs = torch.linspace(bounds[0], bounds[1], 30)
    assert torch.equal(view.density, nd.density_grid(dist, xs, torch.linspace(*bounds[2:], 30)))
    assert view.inside == tuple(nd.fraction_inside(dist, points, (1, 2, 3)))
    assert torch.equal(view.ellipses[1], nd.ellipse(dist.loc, dist.covariance_matrix, 2, 160))
    edges, density = nd.histogram(points[:, 0], *bounds[:2], 12)
    assert torch.equal(view.marginal_x.edges, edges)
    assert torch.equal(view.marginal_x.density, density)
    if n < 2:
        assert view.sample_mean is None and view.sample_cov is None
    else:
        assert torch.equal(view.sample_cov, nd.sample_moments(points)[1])
    if n > hist_above:
        assert view.points is None
        assert torch.equal(view.hist_2d[2], nd.histogram_2d(points, bounds, 30)[2])
    else:
        assert view.hist_2d is None and torch.equal(view.points, points)


def test_the_conditional_view_agrees_with_the_closed_form():
    dist = nd.mvn(MEANS[1], COVS[1])
    view = nd.conditional_view(dist, 0.7, 50)
    cond = nd.conditional(dist, 0.7)
    assert view.ys.shape == (50,)
    assert (view.mean, view.variance) == (float(cond.loc), float(cond.variance))
    expected = scipy.stats.norm(float(cond.loc), float(cond.scale)).pdf(view.ys.double().numpy())
    # float32: the exponent -z^2/2 (plus the log normaliser) carries a few roundings relative
    # to 1 + z^2, which exp turns into that relative error of the pdf (<= its maximum)
    z = (view.ys.double().numpy() - float(cond.loc)) / float(cond.scale)
    bound = 8 * tol.EPS32 * float(expected.max()) * (1 + float(np.max(z**2)))
    np.testing.assert_allclose(view.slice_pdf.numpy(), expected, rtol=0, atol=bound)
    np.testing.assert_allclose(view.conditional_pdf.numpy(), expected, rtol=0, atol=bound)
