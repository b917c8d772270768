"""The code panels of the Normal-distributions page run and reproduce the page's numbers."""

import contextlib
import io
import math

import pytest
import torch

from core import distributions as nd
from core import distributions_1d as d1
from tests import tolerances as tol
from ui.snippets import distributions as snippets

# Roundings of a 2 x 2 covariance's Cholesky factor, solve or inverse and a quadratic form in
# float32 (torch's MultivariateNormal also rebuilds the covariance as L L^T).
OPS_2D = 12


def _run(code: str) -> dict:
    """Execute a code panel's program (test only) and return its variables."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<code panel>", "exec"), namespace)
    return namespace


def _same(ours: float, theirs: float, bound: float) -> bool:
    if math.isnan(ours):
        return math.isnan(theirs)
    return theirs == pytest.approx(ours, rel=0, abs=bound)


def _tol_2d(f, mean, cov, *more) -> float:
    """f(dist, *more) in float32 by two formulas: tol.formula_tol over the mean, the
    covariance and the points (a covariance with rho = -0.99 amplifies rounding 1e2-1e5)."""

    def g(m, c, *rest):
        return torch.as_tensor(f(nd.mvn(m, c), *rest))

    inputs = (torch.tensor(mean), torch.as_tensor(cov, dtype=torch.float32), *more)
    return tol.formula_tol(g, *inputs, ops=OPS_2D, eps=tol.EPS32)


@pytest.mark.parametrize(
    ("mean", "source", "values"),
    [
        ((0.0, 0.0), "sigmas", (1.5, 1.0, 0.6)),
        ((-2.5, 4.0), "sigmas", (0.1, 5.0, -0.99)),
        ((1.0, -1.0), "matrix", (2.0, 0.5, 0.5, 1.0)),
    ],
)
def test_the_2d_program_reproduces_samples_probe_ellipses_and_conditional(mean, source, values):
    n, seed, probe, a = 2000, 17, (1.2, -0.4), 0.8
    cov = nd.cov_from(*values) if source == "sigmas" else [list(values[:2]), list(values[2:])]
    dist = nd.mvn(list(mean), cov)
    kwargs = {"sigmas": values} if source == "sigmas" else {"matrix": values}
    bounds = nd.window(dist)
    ns = _run(snippets.normal_2d_code(mean, n, seed, probe, a, bounds=bounds, grid=40, **kwargs))

    # The program builds its covariance by its own formula, then makes the same torch calls
    # as core: each output moves as the distribution's inputs do by their rounding.
    xs, ys = torch.linspace(*bounds[:2], 40), torch.linspace(*bounds[2:], 40)
    density = _tol_2d(lambda d: nd.density_grid(d, xs, ys), mean, cov)
    torch.testing.assert_close(ns["density"], nd.density_grid(dist, xs, ys), rtol=0, atol=density)

    def draws(d):
        return nd.samples(d, n, torch.Generator().manual_seed(seed))

    points = draws(dist)
    torch.testing.assert_close(ns["samples"], points, rtol=0, atol=_tol_2d(draws, mean, cov))
    sample_mean, sample_cov = nd.sample_moments(points)
    mean_tol = _tol_2d(lambda d: nd.sample_moments(draws(d))[0], mean, cov)
    torch.testing.assert_close(ns["sample_mean"], sample_mean, rtol=0, atol=mean_tol)
    cov_tol = _tol_2d(lambda d: nd.sample_moments(draws(d))[1], mean, cov)
    torch.testing.assert_close(ns["sample_cov"], sample_cov, rtol=0, atol=cov_tol)
    point = torch.tensor(probe)
    log_p = _tol_2d(lambda d, p: d.log_prob(p), mean, cov, point)
    assert _same(float(dist.log_prob(point)), float(ns["log_p"]), log_p)
    # Cholesky and a triangular solve against torch.linalg.solve
    distance = _tol_2d(nd.mahalanobis, mean, cov, point)
    assert _same(float(nd.mahalanobis(dist, point)), float(ns["mahalanobis"]), distance)
    # two ways to compute the distance: a point right on an ellipse may fall either side
    inside = nd.fraction_inside(dist, points, (1, 2, 3))
    assert ns["inside"] == pytest.approx(inside, abs=1.5 / n)
    # 1 - exp(-k^2 / 2) in Python floats both ways: 3 roundings of a number below 1
    masses = [nd.ellipse_mass(k) for k in (1, 2, 3)]
    assert ns["mass"] == pytest.approx(masses, rel=0, abs=tol.rounding_tol(1, 2 + tol.LIBM_ULPS))
    cond = nd.conditional(dist, a)
    # the same formula on the covariance given (snippet) and rebuilt as L L^T (core): a
    # Schur complement, amplified by 1 / (1 - rho^2)
    cond_mean = _tol_2d(lambda d: nd.conditional(d, a).loc, mean, cov)
    assert _same(float(cond.loc), float(ns["cond_mean"]), cond_mean)
    cond_var = _tol_2d(lambda d: nd.conditional(d, a).variance, mean, cov)
    assert _same(float(cond.variance), float(ns["cond_var"]), cond_var)


def _family_cases():
    for name, family in d1.FAMILIES.items():
        yield name, {p.name: p.default for p in family.params}
    yield "Beta", {"concentration1": 0.5, "concentration0": 0.5}  # mode not unique
    yield "Beta", {"concentration1": 1.0, "concentration0": 0.5}  # mode 1, torch says nan
    yield "Beta", {"concentration1": 0.5, "concentration0": 1.0}  # mode 0
    yield "Gamma", {"concentration": 0.5, "rate": 2.0}
    yield "StudentT", {"df": 0.5, "loc": 1.0, "scale": 2.0}  # mean undefined


@pytest.mark.parametrize(("name", "params"), list(_family_cases()))
def test_the_1d_program_reproduces_samples_and_summary(name, params):
    n, seed = 500, 23
    ns = _run(snippets.univariate_code(name, params, n, seed))
    dist = d1.univariate(name, params)
    assert torch.equal(ns["x"], d1.samples(dist, n, torch.Generator().manual_seed(seed)))
    # mean, variance, entropy: the same torch calls; the median: float32 tensor arithmetic
    # (loc - scale ln ln 2, e^mu, ln 2 / rate) against core's float64, a libm call and 3
    # roundings on numbers as large as the parameters
    magnitude = sum(abs(v) for v in params.values())
    for key, value in d1.summary(dist).items():
        bound = tol.float32_tol(abs(value) + magnitude, tol.LIBM_ULPS + 3)
        assert _same(value, float(ns[key]), bound), key


@pytest.mark.parametrize(("name", "params"), list(_family_cases()))
def test_the_rsample_program_reproduces_the_gradients(name, params):
    m, seed = 5, 31
    ns = _run(snippets.reparam_code(name, params, m, seed))
    demo = d1.reparameterisation_demo(name, params, m, torch.Generator().manual_seed(seed))
    assert torch.equal(ns["x"].detach(), demo.x)
    for p in params:
        # the same rsample and backward on the same float32 numbers, in tensors of the same
        # shape (m,), as core: identical computations, equal to the bit
        assert torch.equal(ns[p].grad, demo.grads[p]), p
    assert ns["y"].requires_grad is False
    assert torch.equal(ns["y"], demo.x)
