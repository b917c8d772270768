"""The code panels of the activations page run and print what the page shows."""

from __future__ import annotations

import string

import pytest
import torch

from core.activations import ACTIVATIONS, curves, probe
from core.depth import chain_rule, clip_gradient, depth_experiment, random_gradient
from core.expression import parse
from ui.catalogs import activations as catalog
from ui.snippets import activations as snippets


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # the test runs our own program
    return namespace


def test_functions_code_gives_the_curves_and_the_probe():
    chosen = [("sigmoid", {}), ("leaky_relu", {"negative_slope": 0.2}), ("silu", {"beta": 2.0})]
    chosen += [("linear", {}), ("relu", {})]
    ns = _run(snippets.functions_code(chosen, 5.0, 0.0, second=True))
    x = torch.linspace(-5.0, 5.0, 401, dtype=torch.float64)
    for name, params in chosen:
        y, dy, d2y = curves(name, x, 2, **params)
        got = ns["curves"][name]
        torch.testing.assert_close(got[0], y)
        torch.testing.assert_close(got[1], dy)
        torch.testing.assert_close(got[2], d2y)
        p = probe(name, 0.0, **params)
        assert ns["probes"][name] == pytest.approx((p.value, p.autograd))


@pytest.mark.parametrize("name", list(ACTIVATIONS))
def test_functions_code_runs_for_every_activation(name):
    params = {p.name: p.high for p in ACTIVATIONS[name].params}
    ns = _run(snippets.functions_code([(name, params)], 3.0, 1.5, second=False))
    assert ns["probes"][name] == pytest.approx(
        (probe(name, 1.5, **params).value, probe(name, 1.5, **params).autograd)
    )


@pytest.mark.parametrize(
    ("name", "init", "sigma"),
    [
        ("sigmoid", "normal", 0.1),
        ("relu", "he", 1.0),
        ("tanh", "xavier", 1.0),
        ("elu", "normal", 2.0),
    ],
)
def test_depth_code_reproduces_the_gradient_norms(name, init, sigma):
    ns = _run(snippets.depth_code(name, 8, 32, init, sigma, 16, seed=7))
    run = depth_experiment(name, 8, 32, init, sigma, 16, torch.Generator().manual_seed(7))
    torch.testing.assert_close(
        torch.tensor(ns["norms"], dtype=torch.float64), run.weight_grad_norms
    )
    torch.testing.assert_close(torch.stack(ns["pre_activations"]), run.pre_activations)


@pytest.mark.parametrize(
    ("name", "x0", "weight"), [("sigmoid", 0.5, 1.0), ("tanh", -1.0, 1.5), ("relu", -0.5, 1.0)]
)
def test_chain_code_reproduces_the_product_and_autograd(name, x0, weight):
    ns = _run(snippets.chain_code(name, x0, 12, weight))
    result = chain_rule(name, x0, 12, weight)
    assert ns["by_hand"] == pytest.approx(float(result.by_hand[-1]), rel=1e-12, abs=1e-300)
    assert float(ns["measured"]) == pytest.approx(float(result.autograd[-1]), rel=1e-12, abs=1e-300)


def test_clipping_code_reproduces_the_norms():
    ns = _run(snippets.clipping_code(16, 3.0, 0.5, 2.0, seed=11))
    result = clip_gradient(random_gradient(16, 3.0, torch.Generator().manual_seed(11)), 0.5, 2.0)
    assert float(ns["norm_before"]) == pytest.approx(result.norm_before)
    torch.testing.assert_close(ns["by_value"].grad, result.by_value)
    torch.testing.assert_close(ns["by_norm"].grad, result.by_norm)


@pytest.mark.parametrize(
    "text",
    ["x * sigmoid(1.702 * x)", "max(x, 0.1 * x)", "log(1 + exp(x))", "exp(1)", "min(x, 0) ** 2"],
)
def test_custom_code_computes_the_parsed_formula(text):
    ns = _run(snippets.custom_code(parse(text), 4.0))
    x = torch.linspace(-4.0, 4.0, 401, dtype=torch.float64)
    f = parse(text)
    torch.testing.assert_close(ns["y"].detach(), torch.broadcast_to(f(x), x.shape))
    xg = x.clone().requires_grad_(True)
    y = f(xg)
    expected = torch.autograd.grad(y.sum(), xg)[0] if y.requires_grad else torch.zeros_like(x)
    torch.testing.assert_close(ns["dy"], expected)


def test_catalog_languages_match():
    assert catalog.EN.keys() == catalog.ZH.keys()
    fields = string.Formatter()
    for key, template in catalog.EN.items():
        en = {f for _, f, _, _ in fields.parse(template) if f}
        zh = {f for _, f, _, _ in fields.parse(catalog.ZH[key]) if f}
        assert en == zh, key
        assert key.startswith(("act.", "error.act_", "error.expr_")), key


def test_every_error_code_raised_has_a_template():
    from tests.core.test_expression import HOSTILE

    codes = {code for _, code in HOSTILE}
    codes |= {"act_unknown", "act_unknown_param", "act_param_positive", "act_x_not_finite"}
    codes |= {"act_x_type", "act_init", "act_grad", "expr_arguments", "expr_eval"}
    missing = [c for c in codes if f"error.{c}" not in catalog.EN]
    assert not missing
