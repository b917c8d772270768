"""The PyTorch programs the Bayesian-network page shows run on their own and reproduce core's
numbers: the same data, the same networks, the same training trajectory."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from core import bnn, bnn_data, bnn_noise, bnn_vi
from core.bnn import NetworkPrior, NormalPrior
from ui.snippets import bnn as snippets

PRIORS = ((0.3, 1.5), (-0.2, 0.8), (0.1, 1.2), (0.5, 0.2))
SEEDS = {"data": 2, "train": 3, "predictive": 4}


def run(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)
    return namespace


def gen(seed: int) -> torch.Generator:
    return torch.Generator().manual_seed(seed)


@pytest.mark.parametrize("scale_output", [False, True])
@pytest.mark.parametrize("activation", bnn.ACTIVATION_NAMES)
def test_prior_program_draws_the_same_functions(activation, scale_output):
    ns = run(snippets.prior_code(7, activation, PRIORS, 4, scale_output, 31, 11))
    prior = NetworkPrior(*(NormalPrior(*p) for p in PRIORS))
    x = torch.linspace(-3.0, 3.0, 31)
    f = bnn.sample_prior_functions(x, 7, activation, prior, 4, scale_output, gen(11))
    assert torch.allclose(ns["f"], f, atol=1e-6), activation


def _data(function="step", noise=0.1, n=15, center=0.5, width=2.0):
    data = bnn_data.make_toy_data(function, noise, n, center, width, 300, gen(SEEDS["data"]))
    return data, (function, noise, n, (data.gap.low, data.gap.high))


@pytest.mark.parametrize("function", list(bnn_data.TRUE_FUNCTIONS))
def test_vi_program_trains_the_same_guide_as_core(function):
    data, spec = _data(function)
    ns = run(snippets.vi_code(spec, 6, "tanh", 1.5, 0.1, 15, 0.02, 3, SEEDS, 41, 50))
    assert torch.equal(ns["x"], data.x) and torch.allclose(ns["y"], data.y)
    result = bnn_vi.train_bayes_by_backprop(
        data.x,
        data.y,
        6,
        "tanh",
        NetworkPrior.isotropic(1.5),
        0.1,
        15,
        0.02,
        3,
        generator=gen(SEEDS["train"]),
    )
    for name in bnn.PARAMETERS:
        assert torch.allclose(ns["mu"][name], result.guide.mu[name], atol=1e-5), name
        assert torch.allclose(ns["rho"][name], result.guide.rho[name], atol=1e-5), name
    assert -ns["loss"].item() == pytest.approx(result.history["elbo"][-1], rel=1e-5)
    samples = bnn_vi.predictive(
        result.guide, bnn_data.grid(41), "tanh", 50, gen(SEEDS["predictive"])
    )
    assert torch.allclose(ns["fs"], samples, atol=1e-4)


@pytest.mark.parametrize(("activation", "sx", "sh"), [("relu", 0.3, 0.0), ("erf", 0.2, 0.4)])
def test_noise_program_trains_the_same_two_networks_as_core(activation, sx, sh):
    data, spec = _data("cubic", 0.4, 12, 0.0, 0.0)
    ns = run(snippets.noise_code(spec, 300, 8, activation, sx, sh, 20, 0.03, SEEDS, 41))
    assert torch.allclose(ns["y_test"], data.y_test)
    result = bnn_noise.train_with_noise(
        data.x,
        data.y,
        data.x_test,
        data.y_test,
        8,
        activation,
        sx,
        sh,
        20,
        0.03,
        generator=gen(SEEDS["train"]),
    )
    assert ns["train_mse"].tolist() == pytest.approx(result.train_mse, rel=1e-4)
    assert ns["test_mse"].tolist() == pytest.approx(result.test_mse, rel=1e-4)
    fits = bnn.network_outputs(bnn_data.grid(41), result.params, activation)
    assert torch.allclose(ns["fits"], fits, atol=1e-5)
