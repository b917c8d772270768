"""core.activations against torch.nn.functional, finite differences and closed forms."""

from __future__ import annotations

import math

import pytest
import torch
import torch.nn.functional as F
from scipy.optimize import brentq

from core.activations import (
    ACTIVATIONS,
    GRID_POINTS,
    SELU_ALPHA,
    SELU_SCALE,
    closed_form_derivative,
    curve,
    curves,
    derivatives,
    facts,
    grid,
    max_abs_derivative,
    nondifferentiable_points,
    probe,
    saturated_intervals,
    summarize,
    value_and_grad,
)
from core.errors import InputError
from tests import tolerances as tol

# The torch.nn.functional call each activation must reproduce with its default parameters.
REFERENCE = {
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "relu": F.relu,
    "leaky_relu": F.leaky_relu,
    "prelu": lambda x: F.prelu(x, torch.tensor([0.25], dtype=x.dtype)),
    "elu": F.elu,
    "selu": F.selu,
    "gelu": F.gelu,
    "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
    "silu": F.silu,
    "softplus": F.softplus,
    "mish": F.mish,
    "softsign": F.softsign,
    "hardtanh": F.hardtanh,
    "hardsigmoid": F.hardsigmoid,
    "relu6": F.relu6,
    "linear": lambda x: x,
}
NAMES = list(ACTIVATIONS)
# Every kink of every activation (defaults), kept away from when differencing numerically.
KINKS = (-3.0, -1.0, 0.0, 1.0, 3.0, 6.0)


def _smooth_points() -> torch.Tensor:
    x = torch.linspace(-7.9, 7.9, 317, dtype=torch.float64)
    far = torch.stack([(x - k).abs() for k in KINKS]).min(0).values > 1e-3
    return x[far]


# Some of torch's CPU kernels hold a constant in float32 even for float64 tensors:
# hardsigmoid's backward multiplies by 1/6 rounded to float32 under
# ATEN_CPU_CAPABILITY=default (not with AVX2), 5e-9 from 1/6.
FLOAT32_CONSTANT = tol.float32_tol(1 / 6, 1)
# Roundings in one activation or closed-form derivative: up to 2 libm calls and 8 operations.
ACTIVATION_OPS = 2 * tol.LIBM_ULPS + 8


def _derivatives(name: str, x: torch.Tensor, order: int, **params) -> list[torch.Tensor]:
    """f, f', ..., f^(order) by autograd, on smooth pieces (0 past a piecewise-linear
    function's last derivative, which torch may not differentiate again)."""
    x = x.clone().requires_grad_(True)
    out = [ACTIVATIONS[name](x, **params)]
    for _ in range(order):
        try:
            (d,) = torch.autograd.grad(out[-1].sum(), x, create_graph=True, allow_unused=True)
        except RuntimeError:  # no grad_fn, or no double backward: constant on each piece
            d = None
        out.append(torch.zeros_like(x) if d is None else d)
    return [d.detach() for d in out]


def _difference_tol(name: str, x: torch.Tensor, h: float, order: int) -> float:
    """tol.central_difference_tol for differencing the (order - 1)-th derivative: its values
    round ACTIVATION_OPS times, x +- h once (moving them by |x| eps times the next derivative),
    and the truncation takes the (order + 2)-th."""
    d = [float(v.abs().max()) for v in _derivatives(name, x, order + 2)]
    f_scale = ACTIVATION_OPS * d[order - 1] + float(x.abs().max()) * d[order]
    return tol.central_difference_tol(h, f_scale, d[order + 2]) + FLOAT32_CONSTANT


def test_the_table_has_every_activation_of_the_issue():
    assert set(ACTIVATIONS) == set(REFERENCE)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_default_call_equals_torch_functional(name, dtype):
    x = torch.cat([torch.linspace(-30, 30, 601), torch.tensor([0.0, -1.0, 1.0, 3.0, 6.0])])
    x = x.to(dtype)
    y = ACTIVATIONS[name](x)
    assert y.dtype == dtype
    # the torch.nn.functional call itself with its default parameters (the identity a clone):
    # the same kernel on the same tensor, equal to the bit
    torch.testing.assert_close(y, REFERENCE[name](x), rtol=0, atol=0)


@pytest.mark.parametrize(
    ("name", "params", "reference"),
    [
        ("leaky_relu", {"negative_slope": 0.2}, lambda x: F.leaky_relu(x, 0.2)),
        ("prelu", {"weight": -0.5}, lambda x: F.prelu(x, torch.tensor([-0.5], dtype=x.dtype))),
        ("elu", {"alpha": 2.5}, lambda x: F.elu(x, 2.5)),
        ("silu", {"beta": 3.0}, lambda x: x * torch.sigmoid(3.0 * x)),
        ("silu", {"beta": 0.1}, lambda x: x * torch.sigmoid(0.1 * x)),
        ("softplus", {"beta": 4.0}, lambda x: F.softplus(x, beta=4.0)),
    ],
)
def test_parameters_reach_torch(name, params, reference):
    x = torch.linspace(-8, 8, 161, dtype=torch.float64)
    # the same torch calls, but SiLU with beta: silu(beta x) / beta against x sigmoid(beta x),
    # two formulas (tol.formula_tol)
    bound = tol.formula_tol(reference, x, ops=ACTIVATION_OPS)
    torch.testing.assert_close(ACTIVATIONS[name](x, **params), reference(x), rtol=0, atol=bound)


@pytest.mark.parametrize("name", NAMES)
def test_autograd_derivative_matches_central_differences(name):
    """(f(x+h) - f(x-h)) / 2h in float64, away from kinks: error O(h^2) + O(eps/h)."""
    x = _smooth_points()
    h = 1e-6
    act = ACTIVATIONS[name]
    numeric = (act(x + h) - act(x - h)) / (2 * h)
    _, dy = value_and_grad(name, x)
    torch.testing.assert_close(dy, numeric, rtol=0, atol=_difference_tol(name, x, h, 1))


@pytest.mark.parametrize("name", NAMES)
def test_closed_form_derivative_matches_autograd_even_at_kinks(name):
    """The closed forms take PyTorch's side at each kink, so they agree everywhere."""
    x = torch.cat([_smooth_points(), torch.tensor(KINKS, dtype=torch.float64)])
    _, dy = value_and_grad(name, x)
    closed = closed_form_derivative(name, x)
    # two formulas for f': tol.formula_tol on the smooth pieces (at a kink both give the
    # same one-sided value exactly), and torch's float32 constants
    smooth = _smooth_points()
    bound = tol.formula_tol(lambda x: closed_form_derivative(name, x), smooth, ops=ACTIVATION_OPS)
    torch.testing.assert_close(closed, dy, rtol=0, atol=bound + FLOAT32_CONSTANT)


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("leaky_relu", {"negative_slope": 0.3}),
        ("prelu", {"weight": -0.7}),
        ("elu", {"alpha": 0.4}),
        ("silu", {"beta": 2.5}),
        ("softplus", {"beta": 0.3}),
    ],
)
def test_closed_form_with_parameters(name, params):
    x = _smooth_points()
    _, dy = value_and_grad(name, x, **params)
    closed = closed_form_derivative(name, x, **params)
    # two formulas for f' (tol.formula_tol)
    bound = tol.formula_tol(
        lambda x: closed_form_derivative(name, x, **params), x, ops=ACTIVATION_OPS
    )
    torch.testing.assert_close(closed, dy, rtol=0, atol=bound)


@pytest.mark.parametrize(
    ("name", "x", "expected"),
    [
        ("sigmoid", 0.0, 0.25),
        ("tanh", 0.0, 1.0),
        ("relu", 2.0, 1.0),
        ("relu", -2.0, 0.0),
        ("relu", 0.0, 0.0),  # PyTorch's choice at the kink
        ("leaky_relu", 0.0, 0.01),
        ("hardtanh", 1.0, 0.0),
        ("hardtanh", -1.0, 0.0),
        ("relu6", 0.0, 0.0),
        ("relu6", 6.0, 0.0),
        ("hardsigmoid", 3.0, 0.0),
        ("gelu", 0.0, 0.5),
        ("softplus", 0.0, 0.5),
        ("selu", 1.0, SELU_SCALE),
    ],
)
def test_known_derivative_values(name, x, expected):
    _, dy = value_and_grad(name, torch.tensor(x, dtype=torch.float64))
    # exact in floating point: at these points the backward formulas only multiply and add
    # 0, 1/2, 1 and the constants themselves (0.01, SELU's scale as torch holds it)
    assert float(dy) == expected


@pytest.mark.parametrize("name", NAMES)
def test_second_derivative_matches_differences_of_the_first(name):
    x = _smooth_points()
    h = 1e-5
    _, _, d2y = curves(name, x, order=2)
    numeric = (value_and_grad(name, x + h)[1] - value_and_grad(name, x - h)[1]) / (2 * h)
    torch.testing.assert_close(d2y, numeric, rtol=0, atol=_difference_tol(name, x, h, 2))


def test_second_derivative_of_sigmoid_is_the_closed_form():
    x = torch.linspace(-6, 6, 121, dtype=torch.float64)
    y, dy, d2y = curves("sigmoid", x, order=2)
    s = torch.sigmoid(x)
    # autograd's double backward against the closed form, two formulas (tol.formula_tol)
    bound = tol.formula_tol(lambda x: _sigmoid_closed(x, 2), x, ops=ACTIVATION_OPS)
    torch.testing.assert_close(d2y, s * (1 - s) * (1 - 2 * s), rtol=0, atol=bound)
    bound = tol.formula_tol(lambda x: _sigmoid_closed(x, 1), x, ops=ACTIVATION_OPS)
    torch.testing.assert_close(dy, s * (1 - s), rtol=0, atol=bound)
    assert torch.equal(y, s)  # torch.sigmoid itself


def _sigmoid_closed(x: torch.Tensor, order: int) -> torch.Tensor:
    s = torch.sigmoid(x)
    return s * (1 - s) if order == 1 else s * (1 - s) * (1 - 2 * s)


@pytest.mark.parametrize("name", ["relu", "hardtanh", "linear", "relu6", "hardsigmoid"])
def test_second_derivative_of_piecewise_linear_is_zero(name):
    """(hardsigmoid has no double backward in PyTorch: curves() differentiates its f'.)"""
    x = torch.linspace(-8, 8, 33, dtype=torch.float64)
    _, dy, d2y = curves(name, x, order=2)
    assert torch.equal(dy, value_and_grad(name, x)[1])  # the same backward on the same x
    assert torch.equal(d2y, torch.zeros_like(x))


@pytest.mark.parametrize("shape", [(), (5,), (2, 3, 4)])
def test_value_and_grad_keeps_shape_and_leaves_x_alone(shape):
    x = torch.randn(shape, generator=torch.Generator().manual_seed(0))
    y, dy = value_and_grad("tanh", x)
    assert y.shape == dy.shape == x.shape
    assert not x.requires_grad and not y.requires_grad and not dy.requires_grad
    w = x.clone().requires_grad_(True)
    value_and_grad("gelu", w)
    assert w.requires_grad and w.grad is None


@pytest.mark.parametrize("name", NAMES)
def test_calling_an_activation_is_torch_even_at_infinity(name):
    x = torch.tensor([-math.inf, -1e30, 0.0, 1e30, math.inf])
    # the torch call itself: equal to the bit, NaN where torch gives NaN
    torch.testing.assert_close(
        ACTIVATIONS[name](x), REFERENCE[name](x), rtol=0, atol=0, equal_nan=True
    )


def test_value_and_grad_accepts_numbers_and_lists():
    y, dy = value_and_grad("sigmoid", [0.0, 1.0])
    assert y.dtype == torch.get_default_dtype()
    assert float(dy[0]) == 0.25
    y, dy = value_and_grad("relu", 3)
    assert float(y) == 3 and float(dy) == 1


def test_derivatives_of_a_constant_function_are_zero():
    x = torch.linspace(-1, 1, 5)
    y, dy, d2y = derivatives(lambda t: 2.0, x, order=2)
    assert torch.equal(y, torch.full_like(x, 2.0))
    assert torch.equal(dy, torch.zeros_like(x)) and torch.equal(d2y, torch.zeros_like(x))


# The one-sided derivatives are autograd's at x0 -+ 1e-9, rounded to 6 decimals by core: half
# a unit there, plus 1e-9 |f''| beside the kink (|f''| <= 2 here: ELU's alpha e^x with
# alpha 2) and torch's float32 1/6 (FLOAT32_CONSTANT).
ONE_SIDED = 0.5e-6 + 1e-9 * 2 + FLOAT32_CONSTANT


@pytest.mark.parametrize(
    ("name", "params", "points"),
    [
        ("relu", {}, [(0.0, 0.0, 1.0, 0.0)]),
        ("leaky_relu", {"negative_slope": 0.1}, [(0.0, 0.1, 1.0, 0.1)]),
        ("prelu", {}, [(0.0, 0.25, 1.0, 0.25)]),
        ("elu", {"alpha": 2.0}, [(0.0, 2.0, 1.0, 2.0)]),
        ("selu", {}, [(0.0, SELU_SCALE * SELU_ALPHA, SELU_SCALE, SELU_SCALE * SELU_ALPHA)]),
        ("hardtanh", {}, [(-1.0, 0.0, 1.0, 0.0), (1.0, 1.0, 0.0, 0.0)]),
        ("relu6", {}, [(0.0, 0.0, 1.0, 0.0), (6.0, 1.0, 0.0, 0.0)]),
        ("hardsigmoid", {}, [(-3.0, 0.0, 1 / 6, 0.0), (3.0, 1 / 6, 0.0, 0.0)]),
        ("elu", {"alpha": 1.0}, []),  # both sides 1: differentiable
        ("leaky_relu", {"negative_slope": 1.0}, []),
        ("sigmoid", {}, []),
    ],
)
def test_nondifferentiable_points_report_what_pytorch_returns(name, params, points):
    kinks = nondifferentiable_points(name, **params)
    got = [(k.x, k.left, k.right, k.autograd) for k in kinks]
    assert len(got) == len(points)
    for (x, left, right, at), (x0, *sides, at0) in zip(got, points, strict=True):
        assert x == x0  # the kink itself, as listed
        assert [left, right] == pytest.approx(sides, rel=0, abs=ONE_SIDED)
        # autograd's own value at the kink: one product of the constants (SELU's scale times
        # alpha) and torch's float32 1/6
        bound = tol.rounding_tol(abs(at0), 1) + FLOAT32_CONSTANT
        assert at == pytest.approx(at0, rel=0, abs=bound)


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("sigmoid", {}, 0.25),
        ("tanh", {}, 1.0),
        ("relu", {}, 1.0),
        ("hardsigmoid", {}, 1 / 6),
        ("selu", {}, SELU_SCALE * SELU_ALPHA),
        ("elu", {"alpha": 2.0}, 2.0),
        ("softplus", {"beta": 0.1}, 1.0),  # the limit at +infinity
        ("softsign", {}, 1.0),
        ("linear", {}, 1.0),
    ],
)
def test_max_abs_derivative(name, params, expected):
    # each maximum is taken at a point of the grid (0, a kink, or 1e6 for softplus' limit,
    # where sigmoid(1e5) is 1 in float64): the closed value up to a product's rounding
    # (SELU's scale times alpha), and hardsigmoid's float32 1/6
    bound = tol.rounding_tol(expected, 1) + FLOAT32_CONSTANT
    assert max_abs_derivative(name, **params) == pytest.approx(expected, rel=0, abs=bound)


def test_max_derivative_of_silu_is_the_root_of_its_second_derivative():
    """SiLU' peaks where SiLU'' = sigma'(x) (2 + x (1 - 2 sigma(x))) = 0, at x* ~ 2.40."""
    d2 = lambda x: float(curves("silu", torch.tensor([x], dtype=torch.float64), 2)[2])  # noqa: E731
    x_star = brentq(d2, 1.0, 4.0, xtol=1e-12)
    _, dy = value_and_grad("silu", torch.tensor([x_star], dtype=torch.float64))
    # max_abs_derivative's grid (step 40 / 8000) has a point within half a step of x*, where
    # f' falls short of its peak by |f'''| (step / 2)^2 / 2 (f'' = 0 at x*); x* itself is
    # 1e-12 off (brentq's xtol), which moves f' by far less
    step = 40 / 8000
    near = torch.linspace(x_star - step / 2, x_star + step / 2, 11, dtype=torch.float64)
    d3 = float(derivatives(ACTIVATIONS["silu"], near, order=3)[3].abs().max())
    bound = d3 * (step / 2) ** 2 / 2 + tol.rounding_tol(float(dy), ACTIVATION_OPS)
    assert max_abs_derivative("silu") == pytest.approx(float(dy), rel=0, abs=bound)


@pytest.mark.parametrize(
    ("name", "params", "low"),
    [("gelu", {}, -0.1700), ("gelu_tanh", {}, -0.1700), ("mish", {}, -0.3088)],
)
def test_stated_minimum_of_the_output_range(name, params, low):
    x = torch.linspace(-5, 5, 200_001, dtype=torch.float64)
    minimum = float(ACTIVATIONS[name](x, **params).min())
    # low is the minimum rounded to the 4 decimals the range shows: half a unit there; the
    # grid (step 5e-5) misses the minimum by |f''| (step / 2)^2 / 2 at most
    step = 10 / 200_000
    d2 = float(curves(name, x, 2, **params)[2].abs().max())
    assert minimum == pytest.approx(low, rel=0, abs=0.5e-4 + d2 * (step / 2) ** 2 / 2)
    assert f"{low:.4f}".replace("-", "−") in ACTIVATIONS[name].output_range(**params)


def test_silu_range_scales_with_beta():
    x = torch.linspace(-50, 50, 400_001, dtype=torch.float64)
    for beta in (0.5, 1.0, 4.0):
        minimum = float(ACTIVATIONS["silu"](x, beta=beta).min())
        assert f"{-minimum:.4f}" in ACTIVATIONS["silu"].output_range(beta=beta)


def test_saturation_of_sigmoid_starts_where_its_derivative_falls_below_epsilon():
    eps = 0.01
    x_star = brentq(lambda x: math.exp(-x) / (1 + math.exp(-x)) ** 2 - eps, 0.0, 20.0)
    x = torch.linspace(-10, 10, 2001, dtype=torch.float64)
    _, dy = value_and_grad("sigmoid", x)
    (a1, b1), (a2, b2) = saturated_intervals(x, dy, eps)
    # the interval ends are points of the grid, spaced 0.01
    assert (a1, a2, b2) == (-10.0, pytest.approx(x_star, abs=0.01), 10.0)
    assert b1 == pytest.approx(-x_star, abs=0.01)


def test_saturation_of_relu_is_the_negative_half_line():
    x = torch.linspace(-4, 4, 9, dtype=torch.float64)
    _, dy = value_and_grad("relu", x)
    assert saturated_intervals(x, dy, 0.5) == [(-4.0, 0.0)]
    _, dy = value_and_grad("linear", x)
    assert saturated_intervals(x, dy, 0.5) == []


def test_probe_and_summary():
    p = probe("tanh", 0.5)
    # torch's tanh and Python's: two libms; 1 - t^2 doubles t's error at most (|t| < 1/2)
    bound = tol.rounding_tol(0.5, tol.LIBM_ULPS)
    assert p.value == pytest.approx(math.tanh(0.5), rel=0, abs=bound)
    bound = tol.rounding_tol(1, 2 * tol.LIBM_ULPS + 2)
    assert p.autograd == pytest.approx(1 - math.tanh(0.5) ** 2, rel=0, abs=bound)
    # 1 - tanh(x)^2 from the same tanh, by autograd and by hand: a product and a difference
    assert p.closed_form == pytest.approx(p.autograd, rel=0, abs=tol.rounding_tol(1, 2))
    x = torch.linspace(-3, 3, 601, dtype=torch.float64)
    y, dy = value_and_grad("sigmoid", x)
    s = summarize(x, y, dy)
    # the grid's middle point is -3 + 300 (6 / 600), 0 up to a rounding of 3; sigmoid' there
    # is 1/4 - O(x^2), up to its own roundings
    mid = tol.rounding_tol(3, 2)
    quarter = tol.rounding_tol(0.25, tol.LIBM_ULPS + 2)
    assert (s.max_abs_derivative, s.at) == (
        pytest.approx(0.25, rel=0, abs=quarter),
        pytest.approx(0.0, rel=0, abs=mid),
    )
    # sigmoid(-3) on the grid (SIMD) and alone (scalar): a libm exp and 2 roundings each
    alone = float(torch.sigmoid(torch.tensor(-3.0, dtype=torch.float64)))
    bound = tol.rounding_tol(alone, tol.LIBM_ULPS + 2)
    assert s.y_min == pytest.approx(alone, rel=0, abs=bound)
    assert math.isnan(summarize(x, x * math.nan, x).y_min)


def test_call_source_is_valid_pytorch():
    x = torch.linspace(-3, 3, 13, dtype=torch.float64)
    for name, act in ACTIVATIONS.items():
        params = {p.name: (p.low + p.high) / 2 for p in act.params}
        source = act.call_source("x", **params)
        value = eval(source, {"torch": torch, "F": F, "x": x})  # our own template, not user text
        # the same torch call with the same numbers (repr round-trips a float): equal
        torch.testing.assert_close(value, act(x, **params), rtol=0, atol=0, msg=name)


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: value_and_grad("swish", torch.zeros(2)), "act_unknown"),
        (lambda: value_and_grad("relu", torch.zeros(2), slope=1.0), "act_unknown_param"),
        (lambda: value_and_grad("softplus", torch.zeros(2), beta=0.0), "act_param_positive"),
        (lambda: value_and_grad("silu", torch.zeros(2), beta=-1.0), "act_param_positive"),
        (lambda: value_and_grad("elu", torch.zeros(2), alpha=math.nan), "not_finite"),
        (lambda: value_and_grad("elu", torch.zeros(2), alpha="big"), "not_a_number"),
        (lambda: value_and_grad("tanh", torch.tensor([0.0, math.nan])), "act_x_not_finite"),
        (lambda: value_and_grad("tanh", torch.tensor([math.inf])), "act_x_not_finite"),
        (lambda: value_and_grad("tanh", "abc"), "act_x_type"),
        (lambda: ACTIVATIONS["elu"](torch.zeros(2), alpha=-math.inf), "not_finite"),
        (lambda: probe("relu", math.nan), "not_finite"),
    ],
)
def test_bad_input_is_an_input_error(call, code):
    with pytest.raises(InputError) as error:
        call()
    assert error.value.code == code
    assert str(error.value)


# --- the view functions -----------------------------------------------------------------------


@pytest.mark.parametrize("name", [n for n in ACTIVATIONS if ACTIVATIONS[n].params])
def test_param_step_is_a_power_of_ten_giving_about_a_hundred_steps(name):
    for p in ACTIVATIONS[name].params:
        steps = (p.high - p.low) / p.step
        assert 10 <= steps <= 1000
        assert math.log10(p.step) == pytest.approx(round(math.log10(p.step)), abs=1e-12)


def test_curve_of_a_name_is_curves_on_the_grid_with_its_saturation():
    x = grid(4.0)
    assert x.shape == (GRID_POINTS,) and x.dtype == torch.float64
    assert (float(x[0]), float(x[-1])) == (-4.0, 4.0)
    c = curve("elu", 4.0, 2, 0.05, alpha=2.0)
    y, dy, d2y = curves("elu", x, 2, alpha=2.0)
    # the very same calls on the very same grid: equal to the bit
    assert torch.equal(c.x, x) and torch.equal(c.y, y) and torch.equal(c.dy, dy)
    assert torch.equal(c.d2y, d2y)
    assert c.saturated == tuple(saturated_intervals(x, dy, 0.05))
    assert curve("sigmoid", 4.0, 1, 0.05).d2y is None


def test_curve_of_a_callable_is_its_autograd_derivatives():
    c = curve(lambda t: t**3, 2.0, 2, 0.01)
    x = grid(2.0)
    # y = x^3 by one multiplication chain, dy = 3x^2 and d2y = 6x: a few roundings each
    torch.testing.assert_close(c.dy, 3 * x**2, rtol=1e-15, atol=1e-15)
    torch.testing.assert_close(c.d2y, 6 * x, rtol=1e-15, atol=1e-15)
    assert len(c.saturated) == 1  # |3x^2| < 0.01 only around 0


def test_facts_are_the_probe_range_sup_and_kinks():
    f = facts("leaky_relu", 0.5, negative_slope=0.1)
    assert f.probe == probe("leaky_relu", 0.5, negative_slope=0.1)
    assert f.output_range == "(−∞, ∞)"
    assert f.sup == max_abs_derivative("leaky_relu", negative_slope=0.1) == 1.0
    assert f.kinks == tuple(nondifferentiable_points("leaky_relu", negative_slope=0.1))
    assert len(f.kinks) == 1
    with pytest.raises(InputError):
        facts("bogus", 0.0)
