"""core.optim and core.surfaces: derivatives against closed forms and finite differences,
descents against hand-written update loops, the 2 / L rule, and bad input."""

from __future__ import annotations

import dataclasses
import math

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core import optim, surfaces
from core.errors import InputError
from tests import tolerances as tol

D = torch.float64


# --- closed forms ----------------------------------------------------------------------------


def _closed_gradient(name: str, x: float, y: float, kappa: float = 50.0) -> tuple[float, float]:
    if name == "bowl":
        return x, kappa * y
    if name == "rosenbrock":
        return -2 * (1 - x) - 400 * x * (y - x**2), 200 * (y - x**2)
    if name == "himmelblau":
        a, b = x**2 + y - 11, x + y**2 - 7
        return 4 * x * a + 2 * b, 2 * a + 4 * y * b
    if name == "gaussians":
        gx, gy = 2 * surfaces.WELL_BOWL * x, 2 * surfaces.WELL_BOWL * y
        for cx, cy, depth, width in surfaces.WELLS:
            e = depth * math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / (2 * width**2))
            gx += e * (x - cx) / width**2
            gy += e * (y - cy) / width**2
        return gx, gy
    if name == "saddle":
        return 2 * x, -2 * y
    return 3 * x**2 - 3 * y**2, -6 * x * y  # monkey saddle


def _closed_hessian(name: str, x: float, y: float, kappa: float = 50.0) -> list[list[float]]:
    if name == "bowl":
        return [[1.0, 0.0], [0.0, kappa]]
    if name == "rosenbrock":
        return [[2 - 400 * (y - 3 * x**2), -400 * x], [-400 * x, 200.0]]
    if name == "himmelblau":
        return [
            [12 * x**2 + 4 * y - 42, 4 * x + 4 * y],
            [4 * x + 4 * y, 12 * y**2 + 4 * x - 26],
        ]
    if name == "saddle":
        return [[2.0, 0.0], [0.0, -2.0]]
    return [[6 * x, -6 * y], [-6 * y, -6 * x]]  # monkey saddle


POINTS = [(0.3, -1.2), (-1.5, 0.7), (2.0, 2.5)]
# Roundings along the longer of two evaluations of f, its gradient or its Hessian (autograd's
# and a closed form's, or one formula run by SIMD and scalar kernels): the Gaussian wells'
# three exps (tol.LIBM_ULPS each) and about 12 operations per well.
SURFACE_OPS = 3 * (tol.LIBM_ULPS + 12)


def _closed_tol(closed, name: str, x: float, y: float) -> float:
    """tol.formula_tol of a closed-form gradient or Hessian at (x, y): autograd and the formula
    round apart by SURFACE_OPS each, as if (x, y) had moved that much."""
    point = torch.tensor((x, y), dtype=D)
    return tol.formula_tol(
        lambda p: torch.tensor(closed(name, *p.tolist()), dtype=D), point, ops=SURFACE_OPS
    )


@pytest.mark.parametrize("name", optim.SURFACES)
@pytest.mark.parametrize("point", POINTS)
def test_autograd_gradient_matches_the_closed_form(name, point):
    surf = optim.surface(name)
    expected = torch.tensor(_closed_gradient(name, *point), dtype=D)
    bound = _closed_tol(_closed_gradient, name, *point)
    torch.testing.assert_close(optim.gradient(surf, *point), expected, rtol=0, atol=bound)


@pytest.mark.parametrize("name", ["bowl", "rosenbrock", "himmelblau", "saddle", "monkey_saddle"])
@pytest.mark.parametrize("point", POINTS)
def test_hessian_matches_the_closed_form(name, point):
    surf = optim.surface(name)
    expected = torch.tensor(_closed_hessian(name, *point), dtype=D)
    bound = _closed_tol(_closed_hessian, name, *point)
    torch.testing.assert_close(optim.hessian(surf, *point), expected, rtol=0, atol=bound)


@pytest.mark.parametrize("name", optim.SURFACES)
def test_one_backward_over_the_grid_gives_every_points_own_gradient(name):
    surf = optim.surface(name)
    grid = optim.landscape(surf, 7)
    for i in (0, 3, 6):
        for j in (1, 5):
            x, y = float(grid.xs[j]), float(grid.ys[i])
            gx, gy = _closed_gradient(name, x, y)
            bound = _closed_tol(_closed_gradient, name, x, y)
            assert float(grid.gx[i, j]) == pytest.approx(gx, rel=0, abs=bound)
            assert float(grid.gy[i, j]) == pytest.approx(gy, rel=0, abs=bound)
            # one formula on the whole grid (SIMD kernels) and at one point (scalar ones)
            at = (torch.tensor(x, dtype=D), torch.tensor(y, dtype=D))
            bound = tol.formula_tol(surf, *at, ops=SURFACE_OPS)
            assert float(grid.z[i, j]) == pytest.approx(float(surf(*at)), rel=0, abs=bound)


def test_typed_surface_gradients_agree_with_finite_differences():
    surf = optim.typed_surface("sin(x) * cos(y) + 0.1 * (x**2 + y**2) + exp(-x*y)", 3.0)
    h = 1e-6
    ops = 3 * tol.LIBM_ULPS + 8  # f: sin, cos, exp and 8 operations
    for x, y in [(0.4, -1.1), (-2.0, 0.5), (1.3, 2.2)]:
        # tol.central_difference_tol: f's terms are at most `size` and round `ops` times, x +- h
        # once (moving f by |x| |grad f|); the third derivatives in x and in y are
        # -cos x cos y - y^3 e^(-xy) and sin x sin y + x^3 e^(-xy), within h of (x, y)
        r = max(abs(x), abs(y))
        growth = math.exp(abs(x * y) + h * (abs(x) + abs(y)))  # e^(-xy) near (x, y)
        size = 1 + 0.1 * (x**2 + y**2) + growth
        slope = 1 + 0.2 * r + r * growth  # |df/dx|, |df/dy|
        f_scale = ops * size + r * slope
        bound = tol.central_difference_tol(h, f_scale, 1 + r**3 * growth)
        bound += tol.rounding_tol(slope, ops)  # autograd's own rounding
        fd = [
            (float(surf(torch.tensor(x + h, dtype=D), torch.tensor(y, dtype=D)))
             - float(surf(torch.tensor(x - h, dtype=D), torch.tensor(y, dtype=D)))) / (2 * h),
            (float(surf(torch.tensor(x, dtype=D), torch.tensor(y + h, dtype=D)))
             - float(surf(torch.tensor(x, dtype=D), torch.tensor(y - h, dtype=D)))) / (2 * h),
        ]  # fmt: skip
        assert optim.gradient(surf, x, y).tolist() == pytest.approx(fd, rel=0, abs=bound)


def test_a_typed_formula_is_the_built_in_surface():
    typed = optim.typed_surface("(1 - x)**2 + 100 * (y - x**2)**2", 2.0)
    built_in = optim.surface("rosenbrock")
    # the parser builds the same torch operations in the same order: equal to the bit
    for point in POINTS:
        assert torch.equal(optim.gradient(typed, *point), optim.gradient(built_in, *point))
        assert torch.equal(optim.hessian(typed, *point), optim.hessian(built_in, *point))


def test_constant_and_one_variable_formulas_have_zero_partial_derivatives():
    flat = optim.typed_surface("2 * pi", 2.0)
    assert optim.gradient(flat, 0.3, 0.4).tolist() == [0.0, 0.0]
    assert optim.hessian(flat, 0.3, 0.4).abs().max() == 0
    grid = optim.landscape(optim.typed_surface("x**3", 2.0), 5)
    assert grid.gy.abs().max() == 0
    assert torch.equal(grid.gx[0], 3 * grid.xs**2)  # pow's backward: 3 x^2 times 1, exactly


@pytest.mark.parametrize(
    "text", ["__import__('os').system('ls')", "x.__class__", "lambda: 1", "", "z + 1"]
)
def test_hostile_or_wrong_formulas_are_refused(text):
    with pytest.raises(InputError):
        optim.typed_surface(text)


# --- what the Hessian says about a point ----------------------------------------------------


def test_saddle_hessian_eigenvalues_have_opposite_signs():
    a = optim.analyse_point(optim.surface("saddle"), 0.0, 0.0)
    # eigh's backward error, ~8 eps ||H||, on a Hessian of a few roundings itself
    assert a.eigenvalues.tolist() == pytest.approx([-2.0, 2.0], rel=0, abs=tol.rounding_tol(2, 12))
    assert a.curvature == "saddle" and a.critical
    # The monkey saddle away from its centre: eigenvalues +-6 r, opposite signs too.
    b = optim.analyse_point(optim.surface("monkey_saddle"), 0.6, -0.8)
    assert b.eigenvalues.tolist() == pytest.approx([-6.0, 6.0], rel=0, abs=tol.rounding_tol(6, 12))
    assert b.curvature == "saddle" and not b.critical


def test_himmelblau_saddle_is_found_from_a_rounded_point():
    a = optim.analyse_point(optim.surface("himmelblau"), -0.1279, -1.9538)
    assert a.critical and a.curvature == "saddle"
    assert a.eigenvalues[0] < 0 < a.eigenvalues[1]


@pytest.mark.parametrize(
    ("name", "point", "kind"),
    [
        ("bowl", (0.0, 0.0), "convex"),
        ("rosenbrock", (1.0, 1.0), "convex"),
        ("himmelblau", (3.0, 2.0), "convex"),
        ("himmelblau", (-0.270845, -0.923039), "concave"),  # the local maximum
        ("monkey_saddle", (0.0, 0.0), "flat"),  # gradient and Hessian both vanish
    ],
)
def test_critical_points_are_classified_by_the_hessian(name, point, kind):
    a = optim.analyse_point(optim.surface(name), *point)
    assert a.critical and a.curvature == kind


def test_a_point_on_a_slope_is_not_critical_and_its_norm_is_the_gradient_length():
    a = optim.analyse_point(optim.surface("bowl", kappa=4.0), 3.0, 1.0)
    assert not a.critical
    # |(3, 4)|: the gradient is exact, hypot a libm call
    assert a.gradient_norm == pytest.approx(5.0, rel=0, abs=tol.rounding_tol(5, tol.LIBM_ULPS))
    assert a.value == 0.5 * (9 + 4)  # small integers and a half: exact
    # eigh's backward error (~8 eps ||H||) and the two 2 x 2 products' (2 terms each)
    bound = tol.rounding_tol(float(torch.linalg.matrix_norm(a.hessian, 2)), 8 + 2 * 2)
    torch.testing.assert_close(a.eigenvectors @ torch.diag(a.eigenvalues) @ a.eigenvectors.T,
                               a.hessian, rtol=0, atol=bound)  # fmt: skip


@pytest.mark.parametrize("text", ["x + 2 * y", "abs(x) + max(y, 0)"])
def test_a_slope_without_curvature_is_not_critical(text):
    a = optim.analyse_point(optim.typed_surface(text, 2.0), 0.5, 0.5)
    assert a.hessian.abs().max() == 0 and a.curvature == "flat" and not a.critical


def _himmelblau_floor(x: float, y: float) -> float:
    """How far above 0 Himmelblau's f = a^2 + b^2 may be at a minimum known to 16 significant
    digits: a = x^2 + y - 11 and b = x + y^2 - 7 vanish there, the coordinates' half unit in
    the last digit (5e-16) moves them by |grad a| or |grad b| times that, and each is
    evaluated with 3 roundings (tol.rounding_tol, whose factor 2 spares the squares' own)."""
    digit = 0.5e-15
    a = tol.rounding_tol(x**2 + abs(y) + 11, 3) + (2 * abs(x) + 1) * digit
    b = tol.rounding_tol(abs(x) + y**2 + 7, 3) + (1 + 2 * abs(y)) * digit
    return a**2 + b**2


def test_himmelblau_minima_are_minima():
    surf = optim.surface("himmelblau")
    for point in surf.minima:
        a = optim.analyse_point(surf, *point)
        assert a.gradient_norm < 1e-9 and a.curvature == "convex"
        assert 0 <= a.value <= _himmelblau_floor(*point)


def test_a_point_outside_a_formulas_domain_is_an_input_error():
    with pytest.raises(InputError) as info:
        optim.analyse_point(optim.typed_surface("log(x) + y"), -1.0, 0.0)
    assert info.value.code == "gd_point_undefined"


# --- descent: exactly PyTorch's updates -------------------------------------------------------


def _himmelblau_grad(p: torch.Tensor) -> torch.Tensor:
    return torch.tensor(_closed_gradient("himmelblau", *p.tolist()), dtype=D)


def _by_hand(name: str, start, lr: float, steps: int, b1: float = 0.9, b2: float = 0.999):
    """The update rules written out (PyTorch's documented forms), on Himmelblau."""
    p = torch.tensor(start, dtype=D)
    buf = m = v = torch.zeros(2, dtype=D)
    path = [p.clone()]
    for t in range(1, steps + 1):
        g = _himmelblau_grad(p)
        if name == "gd":
            p = p - lr * g
        elif name == "momentum":
            buf = b1 * buf + g
            p = p - lr * buf
        elif name == "nesterov":
            buf = b1 * buf + g
            p = p - lr * (g + b1 * buf)
        elif name == "rmsprop":
            v = b2 * v + (1 - b2) * g**2
            p = p - lr * g / (v.sqrt() + 1e-8)
        else:  # adam
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g**2
            p = p - lr * (m / (1 - b1**t)) / ((v / (1 - b2**t)).sqrt() + 1e-8)
        path.append(p.clone())
    return torch.stack(path)


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_trajectories_equal_a_hand_written_update_loop(name):
    lr = 0.01 if name in ("gd", "momentum", "nesterov") else 0.05
    run = optim.descend(optim.surface("himmelblau"), (0.5, -0.5), name, lr, 60, 0.8, 0.99)
    assert run.status == "finished" and run.steps == 60
    # autograd and torch.optim against the closed-form gradient and the textbook update: each
    # step rounds the gradient and the update (~16 operations) apart, as if the start and lr
    # moved that much; tol.formula_tol measures what 60 steps make of it
    inputs = (torch.tensor((0.5, -0.5), dtype=D), torch.tensor(lr, dtype=D))

    def by_hand(start, rate):
        return _by_hand(name, tuple(start.tolist()), float(rate), 60, 0.8, 0.99)

    bound = tol.formula_tol(by_hand, *inputs, ops=16)
    torch.testing.assert_close(run.points, by_hand(*inputs), rtol=0, atol=bound)
    f = optim.surface("himmelblau")
    # squares and sums round alike on one point and on a vector of them: equal to the bit
    assert torch.equal(run.losses, f(run.points[:, 0], run.points[:, 1]))


def test_optimisers_run_together_exactly_as_alone():
    surf = optim.surface("gaussians")
    together = optim.descend_all(surf, (2.5, 2.5), [*optim.OPTIMIZERS, "gd"], 0.3, 80)
    assert list(together) == list(optim.OPTIMIZERS)
    for name, run in together.items():
        alone = optim.descend(surf, (2.5, 2.5), name, 0.3, 80)
        assert torch.equal(run.points, alone.points) and run.status == alone.status
    # One that diverges stops alone; the others run on.
    mixed = optim.descend_all(optim.surface("bowl", 50.0), (1.0, 1.0), ["gd", "adam"], 0.05, 50)
    assert mixed["gd"].status == "diverged" and mixed["gd"].steps < 50
    assert mixed["adam"].status == "finished" and mixed["adam"].steps == 50


def test_nesterov_without_momentum_is_plain_gradient_descent():
    surf = optim.surface("rosenbrock")
    a = optim.descend(surf, (-1.2, 1.0), "nesterov", 0.001, 30, beta1=0.0)
    b = optim.descend(surf, (-1.2, 1.0), "gd", 0.001, 30)
    assert torch.equal(a.points, b.points)  # the same torch.optim.SGD: the same program


def test_make_optimizer_builds_torch_optimizers_with_the_given_hyperparameters():
    p = torch.zeros(2, requires_grad=True)
    sgd = optim.make_optimizer("nesterov", [p], 0.1, 0.7, 0.95)
    assert isinstance(sgd, torch.optim.SGD)
    assert sgd.defaults["momentum"] == 0.7 and sgd.defaults["nesterov"]
    adam = optim.make_optimizer("adam", [p], 0.1, 0.7, 0.95)
    assert isinstance(adam, torch.optim.Adam) and adam.defaults["betas"] == (0.7, 0.95)
    rms = optim.make_optimizer("rmsprop", [p], 0.1, 0.7, 0.95)
    assert isinstance(rms, torch.optim.RMSprop) and rms.defaults["alpha"] == 0.95


# --- the learning-rate bound ------------------------------------------------------------------


@pytest.mark.parametrize("kappa", [1.0, 10.0, 100.0])
def test_gradient_descent_on_a_quadratic_converges_below_two_over_l_and_diverges_above(kappa):
    bowl = optim.surface("bowl", kappa)
    L = optim.largest_curvature(bowl, 0.3, -0.2)
    # diag(1, kappa) by autograd, exact; eigh's backward error ~8 eps ||H||
    assert pytest.approx(max(1.0, kappa), rel=0, abs=tol.rounding_tol(L, 8)) == L
    bound = optim.stable_lr("gd", L)
    assert bound == 2 / L  # the same division
    # Start on the steepest axis: the flat one converges at any lr below 2/L, only slower.
    calm = optim.descend(bowl, (0.0, 1.0), "gd", 0.9 * bound, 400)
    assert calm.status == "finished" and calm.losses[-1] < 1e-12 * calm.losses[0]
    wild = optim.descend(bowl, (0.0, 1.0), "gd", 1.1 * bound, 400)
    assert wild.status == "diverged" and wild.steps < 400
    assert bool(torch.isfinite(wild.points).all()) and wild.points.abs().max() <= 1e6
    # Each step multiplies the steep coordinate by 1 - lr L = -1.2: it grows, never shrinks.
    steep = wild.points[:, 1].abs()
    assert bool((steep[1:] > steep[:-1]).all())


@pytest.mark.parametrize("name", ["momentum", "nesterov"])
@pytest.mark.parametrize("beta", [0.5, 0.9])
def test_the_momentum_bounds_are_where_momentum_starts_to_diverge(name, beta):
    bowl = optim.surface("bowl", 20.0)
    bound = optim.stable_lr(name, 20.0, beta)
    calm = optim.descend(bowl, (1.0, 1.0), name, 0.95 * bound, 400, beta)
    assert calm.status == "finished" and calm.losses[-1] < 1e-6 * calm.losses[0]
    wild = optim.descend(bowl, (1.0, 1.0), name, 1.05 * bound, 400, beta)
    assert wild.status == "diverged"


def test_adaptive_methods_and_non_positive_curvature_have_no_bound():
    assert optim.stable_lr("adam", 10.0) is None
    assert optim.stable_lr("rmsprop", 10.0) is None
    assert optim.stable_lr("gd", -2.0) is None


def _steps_to(run: optim.Trajectory, fraction: float) -> int:
    below = torch.nonzero(run.losses <= fraction * run.losses[0])
    return int(below[0]) if len(below) else math.inf


def test_momentum_beats_plain_gradient_descent_on_an_ill_conditioned_bowl():
    bowl = optim.surface("bowl", 100.0)
    lr = 1 / 100  # 1/L: the step plain GD is usually given
    generator = torch.Generator().manual_seed(12)
    for start in (torch.rand(3, 2, generator=generator, dtype=D) * 8 - 4).tolist():
        # GD's flat direction shrinks by 1 - lr = 0.99 a step, momentum's by about 0.95.
        gd = _steps_to(optim.descend(bowl, start, "gd", lr, 700), 1e-4)
        momentum = _steps_to(optim.descend(bowl, start, "momentum", lr, 700, 0.9), 1e-4)
        assert momentum < gd / 2, (start, momentum, gd)


# --- runs that cannot go on ------------------------------------------------------------------


def test_a_saddle_lets_descent_run_off_to_minus_infinity():
    run = optim.descend(optim.surface("saddle"), (1.0, 1e-3), "gd", 0.1, 500)
    assert run.status == "unbounded" and run.steps < 500
    assert run.losses[-1] < run.losses[0] and bool(torch.isfinite(run.losses).all())
    # Near the saddle the escaping coordinate only grows by (1 + 2 lr) per step: a crawl.
    expected = 1e-3 * 1.2 ** torch.arange(1, 6, dtype=D)
    # relative roundings: lr g and the sum (2 a step) against 1.2 rounded (once a power) and
    # pow, a libm call, over 5 steps
    bound = tol.rounding_tol(float(expected.max()), 3 * 5 + tol.LIBM_ULPS + 1)
    torch.testing.assert_close(run.points[1:6, 1], expected, rtol=0, atol=bound)


def test_descent_stops_where_the_formula_is_undefined():
    surf = optim.typed_surface("log(x) + y**2", 2.0)
    run = optim.descend(surf, (0.5, 1.0), "gd", 1.0, 50)  # x <- x - 1/x jumps below 0
    assert run.status == "undefined" and run.steps == 0
    assert run.points.tolist() == [[0.5, 1.0]]
    # At a cone's tip f is 0 but its gradient is not defined: no step is taken.
    cone = optim.descend(optim.typed_surface("sqrt(x**2 + y**2)"), (0, 0), "gd", 0.1, 5)
    assert cone.status == "undefined" and cone.steps == 0


def test_a_step_onto_infinity_is_divergence_not_a_crash():
    surf = optim.typed_surface("exp(x**2)", 2.0)
    run = optim.descend(surf, (-1.5, 0.0), "gd", 10.0, 50)
    assert run.status == "diverged"
    assert bool(torch.isfinite(run.points).all()) and bool(torch.isfinite(run.losses).all())


def test_a_start_where_f_is_undefined_is_an_input_error():
    with pytest.raises(InputError) as info:
        optim.descend(optim.typed_surface("sqrt(x)"), (-1.0, 0.0), "gd", 0.1, 10)
    assert info.value.code == "gd_start_undefined"


def test_zero_steps_is_the_start_alone():
    run = optim.descend(optim.surface("bowl"), (1.0, 2.0), "adam", 0.1, 0)
    assert run.points.tolist() == [[1.0, 2.0]] and run.status == "finished"


# --- basins of attraction ---------------------------------------------------------------------


def _ends_tol(surf, name: str, starts: torch.Tensor, lr: float, steps: int, *betas) -> list:
    """Per start: how far the ends of two runs of one torch.optim descent may be apart when
    their element-wise kernels round differently (a batch runs SIMD loop bodies, a lone start
    the scalar tails; fused multiply-adds or not). As in
    test_trajectories_equal_a_hand_written_update_loop, each step's ~16 roundings count as if
    the start and lr had moved that much; tol.sensitivity_tol measures what the steps of a
    batched run make of it, and the end's own 16 roundings are added."""
    rate = torch.tensor(lr, dtype=D)

    def ends(jiggle):
        theta = jiggle(starts, 16 * tol.EPS64 * starts.abs()).clone().requires_grad_(True)
        step = float(jiggle(rate, 16 * tol.EPS64 * rate))
        optimizer = optim.make_optimizer(name, [theta], step, *betas)
        for _ in range(steps):
            optimizer.zero_grad()
            surf(theta[:, 0], theta[:, 1]).sum().backward()
            optimizer.step()
        return {i: end for i, end in enumerate(theta.detach())}

    tols = tol.sensitivity_tol(ends, grad=True)
    end = ends(lambda M, scale: M)
    return [tols[i] + tol.rounding_tol(float(end[i].abs().max()), 16) for i in range(len(end))]


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_the_batched_descent_is_exactly_one_descent_per_start(name):
    surf = optim.surface("himmelblau")
    lr = 0.005 if name in ("gd", "momentum", "nesterov") else 0.05
    basins = optim.basins(surf, name, lr, 40, 4, 0.8, 0.99)
    bounds = _ends_tol(surf, name, basins.starts, lr, 40, 0.8, 0.99)
    for start, end, bound in zip(basins.starts.tolist(), basins.ends, bounds, strict=True):
        alone = optim.descend(surf, start, name, lr, 40, 0.8, 0.99)
        if alone.status == "finished":
            torch.testing.assert_close(end, alone.points[-1], rtol=0, atol=bound)


def test_himmelblau_basins_are_its_four_minima():
    surf = optim.surface("himmelblau")
    basins = optim.basins(surf, "gd", 0.01, 300, 12)
    assert basins.known == (True, True, True, True)
    assert sorted(map(tuple, basins.minima.tolist())) == sorted(surf.minima)
    shares = basins.shares()
    assert all(shares[i] > 0.15 for i in range(4))
    # each share rounds once, and their sum adds len(shares) - 1 roundings
    assert sum(shares.values()) == pytest.approx(1.0, rel=0, abs=tol.sum_tol(1, len(shares) + 1))
    floors = [_himmelblau_floor(*point) for point in basins.minima.tolist()]
    assert all(
        0 <= v <= floor for v, floor in zip(basins.minimum_values.tolist(), floors, strict=True)
    )
    # Each start's label is the minimum its own descent ends next to.
    minima = torch.tensor(surf.minima, dtype=D)
    for i in range(0, len(basins.starts), 7):
        label = int(basins.labels[i])
        if label >= 0:
            nearest = torch.linalg.vector_norm(minima - basins.ends[i], dim=1).argmin()
            assert torch.equal(basins.minima[label], minima[nearest])


def test_basins_of_a_typed_double_well_are_found_by_clustering():
    surf = optim.typed_surface("(x**2 - 1)**2 + y**2", 2.0)
    basins = optim.basins(surf, "momentum", 0.01, 400, 10, 0.8)
    assert basins.known == (False, False)
    found = sorted(basins.minima.tolist())
    # Each estimate is Newton's method from an end within BASIN_RADIUS x the diagonal (0.17) of
    # (+-1, 0): on g = f' = 4x^3 - 4x its error e falls to at most 2.8 e^2 a step (g'' / 2g'
    # on [0.83, 1.17]; y's is linear, gone in one), which reaches rounding in 6 of its 8 steps.
    # There the computed g, 4 roundings of numbers up to 8, over the curvature 8 leaves x
    # within 4 eps (pinv's roundings a few more); a minimum is the mean of up to 100 estimates.
    bound = tol.rounding_tol(1, 4 + 4) + tol.sum_tol(1, 100)
    assert found == [
        pytest.approx([-1.0, 0.0], rel=0, abs=bound),
        pytest.approx([1.0, 0.0], rel=0, abs=bound),
    ]
    left = basins.minima[:, 0] < 0
    for start, label in zip(basins.starts, basins.labels.tolist(), strict=True):
        if label >= 0:
            assert bool(left[label]) == bool(start[0] < 0)


def test_a_saddle_has_no_basins_and_unfinished_descents_are_elsewhere():
    basins = optim.basins(optim.surface("saddle"), "gd", 0.1, 200, 6)
    assert len(basins.minima) == 0
    assert set(basins.labels.tolist()) <= {optim.OUTCOMES["unbounded"]}
    slow = optim.basins(optim.surface("rosenbrock"), "gd", 0.0001, 20, 4)  # (1, 1) not a start
    assert (slow.labels == optim.OUTCOMES["elsewhere"]).all()


def test_too_large_a_step_diverges_every_start():
    basins = optim.basins(optim.surface("bowl", 10.0), "gd", 1.0, 100, 4)  # no start on an axis
    assert (basins.labels == optim.OUTCOMES["diverged"]).all()
    assert basins.shares() == {optim.OUTCOMES["diverged"]: 1.0}


# --- drawing helpers --------------------------------------------------------------------------


def test_descent_directions_are_unit_vectors_against_the_gradient():
    gx = torch.tensor([3.0, 0.0, math.nan], dtype=D)
    gy = torch.tensor([4.0, 0.0, 1.0], dtype=D)
    u, v = optim.descent_directions(gx, gy)
    # -(3, 4) / hypot(3, 4): a libm call and a division
    unit = tol.rounding_tol(1, tol.LIBM_ULPS + 1)
    assert u[0].item() == pytest.approx(-0.6, rel=0, abs=unit)
    assert v[0].item() == pytest.approx(-0.8, rel=0, abs=unit)
    assert torch.isnan(u[1:]).all() and torch.isnan(v[1:]).all()


def test_contours_take_the_log_where_f_spans_decades():
    rosen = optim.surface("rosenbrock")
    z = optim.landscape(rosen, 20).z
    values, low = optim.contour_values(rosen, z)
    assert low == float(z.min())  # the 0 quantile: the smallest value itself
    assert torch.equal(values, torch.log10(1 + (z - low)))  # the same operations (z >= low)
    bowl = optim.surface("bowl")
    _, none = optim.contour_values(bowl, optim.landscape(bowl, 20).z)
    assert none is None
    # the 0.9 quantile of 0 ... 10 in float32: 0.9 * 10 and the interpolation round
    ceiling = optim.display_ceiling(torch.arange(11.0))
    assert ceiling == pytest.approx(9.0, rel=0, abs=tol.float32_tol(10, 2))


# --- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: optim.surface("volcano"), "gd_surface"),
        (lambda: optim.surface("bowl", kappa=0.0), "out_of_range"),
        (lambda: optim.surface("bowl", kappa=math.nan), "not_finite"),
        (lambda: optim.typed_surface("x", half_width=-1), "out_of_range"),
        (lambda: optim.make_optimizer("lbfgs", [torch.zeros(1)], 0.1), "gd_optimizer"),
        (lambda: optim.descend(optim.surface("bowl"), (0, 0), "gd", 0.0, 10), "out_of_range"),
        (lambda: optim.descend(optim.surface("bowl"), (0, 0), "gd", math.inf, 10), "not_finite"),
        (lambda: optim.descend(optim.surface("bowl"), (0, 0), "gd", 0.1, -1), "not_int_in_range"),
        (lambda: optim.descend(optim.surface("bowl"), (math.nan, 0), "gd", 0.1, 5), "not_finite"),
        (lambda: optim.descend(optim.surface("bowl"), (0, 0), "adam", 0.1, 5, 1.5), "out_of_range"),
        (lambda: optim.basins(optim.surface("bowl"), "gd", 0.1, 5, 1000), "not_int_in_range"),
        (lambda: optim.analyse_point(optim.surface("bowl"), 1e300, 0.0), "out_of_range"),
        (lambda: optim.landscape(optim.surface("bowl"), 1), "not_int_in_range"),
    ],
)
def test_bad_input_is_an_input_error_with_a_code(call, code):
    with pytest.raises(InputError) as info:
        call()
    assert info.value.code == code


ANY = st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(
    [0.0, -1.0, 1e308, -1e308, 5e-324, 1e-300, math.nan, math.inf]
)


@settings(max_examples=40)
@given(ANY, ANY, ANY, st.sampled_from(optim.OPTIMIZERS))
def test_any_numbers_give_a_finite_path_or_an_input_error(x, y, lr, name):
    try:
        run = optim.descend(optim.surface("himmelblau"), (x, y), name, lr, 5)
    except InputError:
        return
    assert bool(torch.isfinite(run.points).all()) and bool(torch.isfinite(run.losses).all())


# --- issue 17: values too large to draw, or not finite ------------------------------------------


def test_contours_leave_overflow_and_nan_blank_and_never_inf():
    typed = optim.typed_surface("x * y")
    z = torch.tensor([[0.0, 1.0, 1e300], [math.inf, -math.inf, math.nan]], dtype=D)
    values, low = optim.contour_values(typed, z)
    assert low == 0.0  # 1e300 against a median of 1: the log scale
    assert torch.isfinite(values[0]).all() and torch.isnan(values[1]).all()
    # f spanning more than float64's range: z - low overflows, log10(1 + z - low) does not.
    wide = torch.tensor([[-1.5e308, 0.0, 1.5e308]], dtype=D)
    values, low = optim.contour_values(typed, wide)
    assert torch.isfinite(values).all()
    # log10(1 + 3e308) = log10(2) + log10(0.5 + 1.5e308): two libm calls and a few roundings
    # of numbers up to 308.5
    bound = tol.rounding_tol(308.5, 2 * tol.LIBM_ULPS + 3)
    assert values[0, 2].item() == pytest.approx(308 + math.log10(3), rel=0, abs=bound)
    nowhere, none = optim.contour_values(typed, torch.full((2, 2), math.inf, dtype=D))
    assert none is None and torch.isnan(nowhere).all()


def test_gaps_count_where_f_overflows_and_where_it_is_undefined():
    z = torch.tensor([1.0, math.inf, -math.inf, math.nan], dtype=D)
    assert optim.gaps(z) == optim.Gaps(0.5, 0.25, False)
    assert optim.gaps(torch.full((3,), math.nan, dtype=D)).nowhere_finite
    grid = optim.landscape(optim.typed_surface("exp(100*x*y)", 4.0), 80).z
    gaps = optim.gaps(grid)
    # exp overflows where 100 x y > log(FLOAT_MAX) = 709.78
    # a count of infinities over n both ways: the same one division
    assert gaps.overflow == float((grid == math.inf).double().mean())
    assert 0 < gaps.overflow < 0.5 and gaps.undefined == 0 and not gaps.nowhere_finite


def test_largest_curvature_refuses_a_hessian_that_is_not_finite():
    surf = optim.typed_surface("sin(1e300*x) + 0*y")
    with pytest.raises(InputError) as info:
        optim.largest_curvature(surf, 3.0, 2.0)
    assert info.value.code == "gd_curvature_undefined"


def test_a_huge_gradient_is_measured_without_overflow_and_is_not_critical():
    a = optim.analyse_point(optim.typed_surface("1e200*(x + y)"), 1.0, 1.0)
    # hypot (a libm call) against sqrt(2) 1e200 (a libm call and a product)
    bound = tol.rounding_tol(1.5e200, tol.LIBM_ULPS + 1)
    assert a.gradient_norm == pytest.approx(math.sqrt(2) * 1e200, rel=0, abs=bound)
    assert not a.critical
    u, v = optim.descent_directions(torch.tensor([1e200], dtype=D), torch.tensor([1e200], dtype=D))
    unit = tol.rounding_tol(1, tol.LIBM_ULPS + 1)  # -1e200 / hypot against sqrt(0.5)
    assert u.item() == pytest.approx(-math.sqrt(0.5), rel=0, abs=unit)
    assert v.item() == pytest.approx(-math.sqrt(0.5), rel=0, abs=unit)


@pytest.mark.parametrize("text", ["exp(100*x*y)", "x**100*y**100"])
def test_a_short_newton_step_on_a_steep_slope_is_not_a_critical_point(text):
    # The Newton step is 0.007 long (under CRITICAL_FRACTION of the window), but |grad f| is
    # 3.8e45 and 141 and stays that size after the step: no critical point is near.
    a = optim.analyse_point(optim.typed_surface(text, 4.0), 1.0, 1.0)
    assert a.newton_step < surfaces.CRITICAL_FRACTION * 8 * 2**0.5  # window 8 x 8
    assert not a.critical


def test_basin_shares_read_numpy_labels_as_a_cached_view_returns_them():
    result = optim.basins(optim.surface("himmelblau"), "gd", 0.01, 50, 6)
    as_numpy = dataclasses.replace(result, labels=result.labels.numpy())
    assert as_numpy.shares() == result.shares()
