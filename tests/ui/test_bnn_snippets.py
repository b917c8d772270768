"""The PyTorch programs the Bayesian-network page shows run on their own and reproduce core's
numbers: the same data, the same networks, the same training trajectory."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from core import bnn, bnn_data, bnn_noise, bnn_vi
from core.bnn import NetworkPrior, NormalPrior
from tests import tolerances as tol
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


# Roundings of one network evaluation along a path, in float32: the hidden pre-activation
# (2), the activation (tol.LIBM_ULPS), the readout's sum over the width (width + 1).
def _network_ops(width: int) -> int:
    return 2 + tol.LIBM_ULPS + width + 1


def _training_tolerances(train, data, scalars, ops):
    """`tol.sensitivity_tol` of a float32 training run when the data and the run's scalars
    (prior and noise scales, learning rate) move by ``ops`` eps32 relative: each step's
    gradient and update are the exact ones at inputs moved that much (backward error of
    their ``ops`` roundings), and a move held through every step accumulates coherently,
    bounding the two paths' independent step-by-step roundings."""
    scalars = torch.tensor(scalars, dtype=torch.float64)

    def run(jiggle):
        x = jiggle(data.x, ops * tol.EPS32 * data.x.abs())
        y = jiggle(data.y, ops * tol.EPS32 * data.y.abs())
        return train(x, y, *jiggle(scalars, ops * tol.EPS32 * scalars).tolist())

    return tol.sensitivity_tol(run, grad=True)


@pytest.mark.parametrize("scale_output", [False, True])
@pytest.mark.parametrize("activation", bnn.ACTIVATION_NAMES)
def test_prior_program_draws_the_same_functions(activation, scale_output):
    ns = run(snippets.prior_code(7, activation, PRIORS, 4, scale_output, 31, 11))
    prior = NetworkPrior(*(NormalPrior(*p) for p in PRIORS))
    x = torch.linspace(-3.0, 3.0, 31)
    f = bnn.sample_prior_functions(x, 7, activation, prior, 4, scale_output, gen(11))
    # the same draws through the program's float32 network against core's (tol.formula_tol)
    names = list(ns["w"])

    def network(x, *weights):
        w = dict(zip(names, weights, strict=True))
        return ns["readout"](ns["hidden"](x, w), w)

    bound = tol.formula_tol(network, ns["x"], *ns["w"].values(), ops=_network_ops(7), eps=tol.EPS32)
    torch.testing.assert_close(ns["f"], f, rtol=0, atol=bound, msg=activation)


def _data(function="step", noise=0.1, n=15, center=0.5, width=2.0):
    data = bnn_data.make_toy_data(function, noise, n, center, width, 300, gen(SEEDS["data"]))
    return data, (function, noise, n, (data.gap.low, data.gap.high))


@pytest.mark.parametrize("function", list(bnn_data.TRUE_FUNCTIONS))
def test_vi_program_trains_the_same_guide_as_core(function):
    data, spec = _data(function)
    ns = run(snippets.vi_code(spec, 6, "tanh", 1.5, 0.1, 15, 0.02, 3, SEEDS, 41, 50))
    assert torch.equal(ns["x"], data.x)
    # y = f(x) + noise eps in float32, f one of the true functions: a few roundings
    y_tol = tol.float32_tol(float(data.y.abs().max()), tol.LIBM_ULPS + 4)
    torch.testing.assert_close(ns["y"], data.y, rtol=0, atol=y_tol)

    def train(x, y, prior_scale, noise_sigma, lr):
        result = bnn_vi.train_bayes_by_backprop(
            x,
            y,
            6,
            "tanh",
            NetworkPrior.isotropic(prior_scale),
            noise_sigma,
            15,
            lr,
            3,
            generator=gen(SEEDS["train"]),
        )
        samples = bnn_vi.predictive(
            result.guide, bnn_data.grid(41), "tanh", 50, gen(SEEDS["predictive"])
        )
        return (
            {"elbo": torch.tensor(result.history["elbo"][-1], dtype=torch.float64)}
            | {f"mu.{k}": v for k, v in result.guide.mu.items()}
            | {f"rho.{k}": v for k, v in result.guide.rho.items()}
            | {"fs": samples}
        )

    expected = train(data.x, data.y, 1.5, 0.1, 0.02)
    # 15 Adam steps on the ELBO: each evaluation ~ a network's roundings, in float32
    tols = _training_tolerances(train, data, (1.5, 0.1, 0.02), _network_ops(6))
    for name in bnn.PARAMETERS:
        for part in ("mu", "rho"):
            key = f"{part}.{name}"
            torch.testing.assert_close(
                ns[part][name], expected[key], rtol=0, atol=tols[key], msg=key
            )
    elbo = float(expected["elbo"])
    assert -ns["loss"].item() == pytest.approx(elbo, rel=0, abs=tols["elbo"])
    torch.testing.assert_close(ns["fs"], expected["fs"], rtol=0, atol=tols["fs"])


@pytest.mark.parametrize(("activation", "sx", "sh"), [("relu", 0.3, 0.0), ("erf", 0.2, 0.4)])
def test_noise_program_trains_the_same_two_networks_as_core(activation, sx, sh):
    data, spec = _data("cubic", 0.4, 12, 0.0, 0.0)
    ns = run(snippets.noise_code(spec, 300, 8, activation, sx, sh, 20, 0.03, SEEDS, 41))
    y_tol = tol.float32_tol(float(data.y_test.abs().max()), tol.LIBM_ULPS + 4)
    torch.testing.assert_close(ns["y_test"], data.y_test, rtol=0, atol=y_tol)

    def train(x, y, input_sigma, hidden_sigma, lr):
        result = bnn_noise.train_with_noise(
            x,
            y,
            data.x_test,
            data.y_test,
            8,
            activation,
            input_sigma,
            hidden_sigma,
            20,
            lr,
            generator=gen(SEEDS["train"]),
        )
        return {
            "train_mse": torch.tensor(result.train_mse, dtype=torch.float64),
            "test_mse": torch.tensor(result.test_mse, dtype=torch.float64),
            "fits": bnn.network_outputs(bnn_data.grid(41), result.params, activation),
        }

    expected = train(data.x, data.y, sx, sh, 0.03)
    # 20 Adam steps on the squared error, each evaluation ~ a network's roundings (float32)
    tols = _training_tolerances(train, data, (sx, sh, 0.03), _network_ops(8))
    for key in ("train_mse", "test_mse", "fits"):
        got = torch.as_tensor(ns[key], dtype=expected[key].dtype)
        torch.testing.assert_close(got, expected[key], rtol=0, atol=tols[key], msg=key)
