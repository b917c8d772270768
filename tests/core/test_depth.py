"""core.depth: the vanishing/exploding-gradient facts, the chain rule, and clipping."""

from __future__ import annotations

import math

import pytest
import torch

from core.depth import (
    chain_rule,
    clip_gradient,
    depth_experiment,
    gradient_flow,
    init_weight,
    layer_histograms,
    random_gradient,
)
from core.errors import InputError
from tests import tolerances as tol


def _run(activation, init, sigma=1.0, depth=20, width=64, seed=0):
    generator = torch.Generator().manual_seed(seed)
    return depth_experiment(activation, depth, width, init, sigma, 32, generator)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sigmoid_with_plain_small_init_vanishes(seed):
    """Each layer multiplies the gradient by about 0.25 * sigma * sqrt(w) = 0.2: after 20
    layers the first layer's gradient is many orders of magnitude below the last's."""
    norms = _run("sigmoid", "normal", sigma=0.1, seed=seed).weight_grad_norms
    assert norms[0] / norms[-1] < 1e-8
    # and it shrinks all the way down, not just at one layer
    assert bool((norms[1:] > norms[:-1]).float().mean() > 0.9)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_sigmoid_vanishes_even_with_xavier_init(seed):
    norms = _run("sigmoid", "xavier", seed=seed).weight_grad_norms
    assert norms[0] / norms[-1] < 1e-6


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("width", [64, 256])
def test_relu_with_he_init_stays_healthy(seed, width):
    norms = _run("relu", "he", width=width, seed=seed).weight_grad_norms
    assert float(norms.max() / norms.min()) < 10
    assert bool(torch.isfinite(norms).all()) and bool((norms > 0).all())


@pytest.mark.parametrize("seed", [0, 1])
def test_tanh_with_large_plain_init_explodes_towards_the_input(seed):
    norms = _run("tanh", "normal", sigma=1.0, width=256, seed=seed).weight_grad_norms
    assert norms[0] / norms[-1] > 1e4


def test_gradients_match_an_nn_module_network():
    """The same weights in torch.nn.Sequential give the same weight gradients."""
    depth, width, batch = 6, 16, 8
    run = depth_experiment(
        "tanh", depth, width, "xavier", 1.0, batch, torch.Generator().manual_seed(3)
    )
    g = torch.Generator().manual_seed(3)
    x = torch.randn(batch, width, generator=g).double()
    layers = []
    for _ in range(depth):
        linear = torch.nn.Linear(width, width, bias=False).double()
        with torch.no_grad():
            linear.weight.copy_(
                torch.nn.init.xavier_normal_(torch.empty(width, width), generator=g)
            )
        layers += [linear, torch.nn.Tanh()]
    net = torch.nn.Sequential(*layers)
    net(x).sum(dim=1).mean().backward()
    expected = torch.stack([m.weight.grad.norm() for m in net if isinstance(m, torch.nn.Linear)])
    torch.testing.assert_close(run.weight_grad_norms, expected)
    assert run.pre_activations.shape == (depth, batch, width)


def test_same_seed_same_run_and_new_seed_new_run():
    a = _run("gelu", "he", seed=5).weight_grad_norms
    b = _run("gelu", "he", seed=5).weight_grad_norms
    c = _run("gelu", "he", seed=6).weight_grad_norms
    assert torch.equal(a, b) and not torch.equal(a, c)


@pytest.mark.parametrize(
    ("init", "sigma", "expected_std"),
    [("xavier", 1.0, math.sqrt(1 / 512)), ("he", 1.0, math.sqrt(2 / 512)), ("normal", 0.3, 0.3)],
)
def test_initialisations_have_the_stated_spread(init, sigma, expected_std):
    """512 x 512 draws: the sample std has relative standard error 1/sqrt(2n) ~ 0.14%."""
    weight = init_weight(512, init, sigma, torch.Generator().manual_seed(0))
    assert float(weight.std()) == pytest.approx(expected_std, rel=5 * 0.0014)
    assert abs(float(weight.mean())) < 5 * expected_std / 512


def test_largest_settings_stay_finite():
    """The page's extreme: 50 linear layers of width 512 with sigma 10 grow the signal by
    ~sigma sqrt(w) = 226 per layer, 1e117 in all: float64 still holds it."""
    run = _run("linear", "normal", 10.0, depth=50, width=512)
    assert bool(torch.isfinite(run.weight_grad_norms).all())
    assert float(run.weight_grad_norms.min()) > 1e100
    hist = layer_histograms(run.pre_activations)
    assert bool(torch.isfinite(hist.density).all())


def test_layer_histograms_are_shares_on_a_symmetric_range():
    values = torch.randn(4, 1000, generator=torch.Generator().manual_seed(0)) * 3
    hist = layer_histograms(values, bins=30)
    assert hist.density.shape == (4, 30)
    torch.testing.assert_close(hist.density.sum(1), torch.ones(4, dtype=torch.float64))
    assert float(hist.edges[0]) == -float(hist.edges[-1])
    # R is the 99% quantile of |N(0, 9)|: 3 * 2.576
    assert float(hist.edges[-1]) == pytest.approx(3 * 2.576, rel=0.05)
    tiny = layer_histograms(torch.full((2, 10), 1e-3))
    assert float(tiny.edges[-1]) == 1.0


def test_chain_rule_by_hand_equals_autograd_and_respects_the_bound():
    for name, x0, weight in [("sigmoid", 0.5, 1.0), ("tanh", -1.0, 2.0), ("gelu", 2.0, 0.7)]:
        result = chain_rule(name, x0, 30, weight)
        # the same 30 local derivatives (each ~3 + tol.LIBM_ULPS roundings) multiplied in
        # another order: relative error at most that many roundings per layer
        rel = tol.rounding_tol(1, 30 * (3 + tol.LIBM_ULPS))
        torch.testing.assert_close(result.by_hand, result.autograd, rtol=rel, atol=0)
        assert bool((result.by_hand.abs() <= result.bound * (1 + 1e-12)).all())


def test_sigmoid_chain_is_at_most_a_quarter_per_layer():
    result = chain_rule("sigmoid", 0.0, 10)
    assert float(result.by_hand[0]) == 0.25  # sigmoid'(0)
    layers = torch.arange(1, 11, dtype=torch.float64)
    torch.testing.assert_close(result.bound, 0.25**layers)
    assert bool((result.factors <= 0.25).all())


def test_chain_rule_special_cases():
    tanh = chain_rule("tanh", 0.0, 5)  # stays at the fixed point 0 where tanh' = 1
    torch.testing.assert_close(tanh.by_hand, torch.ones(5, dtype=torch.float64))
    relu = chain_rule("relu", -1.0, 4)  # a negative input: every derivative is exactly 0
    assert torch.equal(relu.by_hand, torch.zeros(4, dtype=torch.float64))
    assert torch.equal(relu.autograd, torch.zeros(4, dtype=torch.float64))
    linear = chain_rule("linear", 3.0, 5, weight=2.0)
    torch.testing.assert_close(linear.autograd, 2.0 ** torch.arange(1, 6, dtype=torch.float64))


def test_clipping_by_norm_keeps_direction_and_by_value_bounds_entries():
    grad = random_gradient(32, 5.0, torch.Generator().manual_seed(0))
    result = clip_gradient(grad, clip_value=1.0, max_norm=2.0)
    norm = float(grad.norm())
    assert result.norm_before == pytest.approx(norm)
    torch.testing.assert_close(result.by_norm, grad * (2.0 / (norm + 1e-6)))
    # torch scales by max_norm / (norm + 1e-6): exactly 2 norm / (norm + 1e-6), then float32
    # sums of 32 squares (tol.sum_tol) for the norms and the cosine's dot product
    eps = torch.finfo(grad.dtype).eps
    sums = tol.sum_tol(1, 3 * 32 + 4, eps)
    assert result.norm_by_norm == pytest.approx(2.0 * norm / (norm + 1e-6), rel=sums)
    assert result.cosine_by_norm == pytest.approx(1.0, abs=sums)
    torch.testing.assert_close(result.by_value, grad.clamp(-1.0, 1.0), rtol=0, atol=0)  # exact
    assert result.norm_by_value == pytest.approx(float(grad.clamp(-1, 1).norm()), rel=sums)
    assert result.cosine_by_value < 0.999
    assert torch.equal(result.original, grad)


def test_clipping_does_nothing_below_the_thresholds():
    grad = torch.tensor([0.1, -0.2, 0.05])
    result = clip_gradient(grad, clip_value=1.0, max_norm=10.0)
    assert torch.equal(result.by_value, grad)
    torch.testing.assert_close(result.by_norm, grad)


@pytest.mark.parametrize(
    "call",
    [
        lambda: depth_experiment("relu", 0, 8),
        lambda: depth_experiment("relu", 101, 8),
        lambda: depth_experiment("relu", 3, 0),
        lambda: depth_experiment("relu", 3, 8, init="orthogonal"),
        lambda: depth_experiment("relu", 3, 8, init="normal", sigma=0.0),
        lambda: depth_experiment("swish", 3, 8),
        lambda: depth_experiment("relu", 2.5, 8),
        lambda: chain_rule("sigmoid", math.inf, 3),
        lambda: chain_rule("sigmoid", 0.0, 3, weight=math.nan),
        lambda: clip_gradient(torch.ones(3), 0.0, 1.0),
        lambda: clip_gradient(torch.ones(3), 1.0, -1.0),
        lambda: clip_gradient(torch.tensor([math.nan]), 1.0, 1.0),
        lambda: clip_gradient(torch.zeros(0), 1.0, 1.0),
        lambda: random_gradient(0),
        lambda: layer_histograms(torch.zeros(2, 3), bins=1),
    ],
)
def test_bad_input_is_an_input_error(call):
    with pytest.raises(InputError):
        call()


def test_gradient_flow_is_the_experiment_its_histograms_and_saturation():
    flow = gradient_flow("tanh", 4, 8, "normal", 0.5, 16, 0.01, torch.Generator().manual_seed(3))
    run = depth_experiment("tanh", 4, 8, "normal", 0.5, 16, torch.Generator().manual_seed(3))
    hist = layer_histograms(run.pre_activations)
    # the same draws and the same passes: equal to the bit
    assert torch.equal(flow.norms, run.weight_grad_norms)
    assert torch.equal(flow.edges, hist.edges) and torch.equal(flow.density, hist.density)
    limit = float(hist.edges[-1])
    # tanh'(z) < 0.01 for |z| > atanh(sqrt(0.99)) ~ 2.99: a zone at each end of the range
    # (this seed's range reaches ~3.95), each edge found on the 801-point grid
    edge = math.atanh(math.sqrt(0.99))
    assert limit > edge
    (a, b), (c, d) = flow.saturated
    assert a == -limit and d == limit
    grid_step = 2 * limit / 800
    assert b == pytest.approx(-edge, abs=grid_step) and c == pytest.approx(edge, abs=grid_step)
