"""The code panels of the Normal-distributions page run and reproduce the page's numbers."""

import contextlib
import io
import math

import pytest
import torch

from core import distributions as nd
from core import distributions_1d as d1
from ui.snippets import distributions as snippets


def _run(code: str) -> dict:
    """Execute a code panel's program (test only) and return its variables."""
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<code panel>", "exec"), namespace)
    return namespace


def _same(ours: float, theirs: float, rel: float = 1e-5) -> bool:
    if math.isnan(ours):
        return math.isnan(theirs)
    return theirs == pytest.approx(ours, rel=rel, abs=1e-6)


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

    xs, ys = torch.linspace(*bounds[:2], 40), torch.linspace(*bounds[2:], 40)
    assert torch.allclose(ns["density"], nd.density_grid(dist, xs, ys), rtol=1e-4, atol=1e-7)

    points = nd.samples(dist, n, torch.Generator().manual_seed(seed))
    assert torch.allclose(ns["samples"], points, rtol=1e-5, atol=1e-5)
    sample_mean, sample_cov = nd.sample_moments(points)
    assert torch.allclose(ns["sample_mean"], sample_mean, atol=1e-4)
    assert torch.allclose(ns["sample_cov"], sample_cov, rtol=1e-4, atol=1e-4)
    point = torch.tensor(probe)
    assert _same(float(dist.log_prob(point)), float(ns["log_p"]))
    assert _same(float(nd.mahalanobis(dist, point)), float(ns["mahalanobis"]))
    # two ways to compute the distance: a point right on an ellipse may fall either side
    inside = nd.fraction_inside(dist, points, (1, 2, 3))
    assert ns["inside"] == pytest.approx(inside, abs=1.5 / n)
    assert ns["mass"] == pytest.approx([nd.ellipse_mass(k) for k in (1, 2, 3)])
    cond = nd.conditional(dist, a)
    assert _same(float(cond.loc), float(ns["cond_mean"]))
    assert _same(float(cond.variance), float(ns["cond_var"]), rel=1e-4)


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
    for key, value in d1.summary(dist).items():
        assert _same(value, float(ns[key])), key


@pytest.mark.parametrize(("name", "params"), list(_family_cases()))
def test_the_rsample_program_reproduces_the_gradients(name, params):
    m, seed = 5, 31
    ns = _run(snippets.reparam_code(name, params, m, seed))
    demo = d1.reparameterisation_demo(name, params, m, torch.Generator().manual_seed(seed))
    assert torch.equal(ns["x"].detach(), demo.x)
    for p in params:
        assert torch.allclose(ns[p].grad, demo.grads[p], rtol=1e-5, atol=1e-6), p
    assert ns["y"].requires_grad is False
    assert torch.equal(ns["y"], demo.x)
