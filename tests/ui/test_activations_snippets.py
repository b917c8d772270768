"""The code panels of the activations page run and print what the page shows."""

from __future__ import annotations

import string
import warnings

import pytest
import torch

from core.activations import ACTIVATIONS, curves, probe
from core.depth import chain_rule, clip_gradient, depth_experiment, random_gradient
from core.expression import parse
from tests import tolerances as tol
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
        # the same activation calls and autograd passes as core on the same float64 x:
        # identical computations, equal to the bit (the default tolerance is slack)
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
    # the same draws, matmuls and backward pass as core, layer by layer: identical (equal to
    # the bit; the default tolerance is slack for a matmul MKL rounds by alignment)
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
    # 12 layers h = f(w h), each rounding w h, f and f' (~3 + 2 tol.LIBM_ULPS): as if x0 and
    # w moved that much per layer; tol.formula_tol measures what the chain makes of it
    ops = 12 * (3 + 2 * tol.LIBM_ULPS)
    inputs = (torch.tensor(x0, dtype=torch.float64), torch.tensor(weight, dtype=torch.float64))

    def chain(part):
        def run(x, w):
            with torch.enable_grad():  # chain_rule differentiates
                return getattr(chain_rule(name, float(x), 12, float(w)), part)[-1]

        return run

    by_hand = tol.formula_tol(chain("by_hand"), *inputs, ops=ops)
    assert ns["by_hand"] == pytest.approx(float(result.by_hand[-1]), rel=0, abs=by_hand)
    measured = tol.formula_tol(chain("autograd"), *inputs, ops=ops)
    assert float(ns["measured"]) == pytest.approx(float(result.autograd[-1]), rel=0, abs=measured)


def test_clipping_code_reproduces_the_norms():
    ns = _run(snippets.clipping_code(16, 3.0, 0.5, 2.0, seed=11))
    result = clip_gradient(random_gradient(16, 3.0, torch.Generator().manual_seed(11)), 0.5, 2.0)
    # torch's clip_grad_value_ / clip_grad_norm_ on the same draws as core: identical (the
    # default tolerances are slack)
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

    def value(x):
        return torch.broadcast_to(f(x), x.shape)

    def slope(x):
        with torch.enable_grad():
            xg = x.clone().requires_grad_(True)
            y = f(xg)
            return torch.autograd.grad(y.sum(), xg)[0] if y.requires_grad else torch.zeros_like(x)

    # the rendered code against the parsed tree: the same formula in other ops, at most
    # 2 libm calls and 6 roundings (tol.formula_tol measures its slope's amplification)
    ops = 2 * tol.LIBM_ULPS + 6
    y_tol = tol.formula_tol(value, x, ops=ops)
    torch.testing.assert_close(ns["y"].detach(), value(x), rtol=0, atol=y_tol)
    torch.testing.assert_close(
        ns["dy"], slope(x), rtol=0, atol=tol.formula_tol(slope, x, ops=2 * ops)
    )


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


@pytest.mark.parametrize(
    "text", ["sin(exp(1)) * x", "exp(exp(0.5))+x", "log(2)*tanh(x)", "x**2 + pi", "exp(exp(1))"]
)
def test_custom_code_with_nested_constants_runs_without_warnings_and_keeps_the_dtype(text):
    """Issue 17: the panel for sin(exp(1)) * x held torch.tensor(torch.exp(...)), which warns
    when run, and its float64 constants turned a 0-d float32 input into float64. The panel's
    f must run with warnings as errors, keep float32 and float64 (also 0-d), and compute what
    core computes: the same float64 constants rounded to the input's dtype, through ops that
    may round differently in the last bit (x ** 2.0 by a number, core's by a 0-d tensor): 2 eps.
    """
    expression = parse(text)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ns = _run(snippets.custom_code(expression, 4.0))
        for dtype in (torch.float32, torch.float64):
            for x in (torch.linspace(-4.0, 4.0, 401, dtype=dtype), torch.tensor(0.3, dtype=dtype)):
                y = ns["f"](x)
                assert y.dtype == dtype, (text, dtype, tuple(x.shape))
                expected = torch.broadcast_to(expression(x), x.shape)
                eps = torch.finfo(dtype).eps
                torch.testing.assert_close(y, expected, rtol=2 * eps, atol=0)
