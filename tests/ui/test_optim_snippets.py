"""The code panels of the gradient-descent page run and compute what the page shows."""

from __future__ import annotations

import contextlib
import io

import pytest
import torch

from core import optim
from tests import tolerances as tol
from ui.snippets import optim as snippets


def _run(code: str) -> dict:
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(code, "<snippet>", "exec"), namespace)  # the test runs our own program
    return namespace


SURFACES = [
    optim.surface("bowl", 20.0),
    optim.surface("himmelblau"),
    optim.surface("gaussians"),
    optim.surface("monkey_saddle"),
    optim.typed_surface("sin(x) * cos(y) + 0.1 * (x**2 + y**2)", 3.0),
    optim.typed_surface("x**3", 2.0),  # y unused
    optim.typed_surface("2.5", 2.0),  # constant
]


@pytest.mark.parametrize("surf", SURFACES, ids=lambda s: s.code[:20])
def test_gradient_code_gives_the_point_facts_and_the_field(surf):
    point = (0.7, -0.4)
    ns = _run(snippets.gradient_code(surf, point, 9))
    facts = optim.analyse_point(surf, *point)
    # f, its autograd gradient and the grid's gradient field: the same float64 calls as core
    # on the same numbers and tensor shapes (identical computations: equal to the bit)
    assert ns["value"].item() == facts.value
    assert torch.equal(ns["grad"], facts.gradient)
    # core symmetrises the Hessian, the program does not: by Weyl's inequality the
    # eigenvalues move by at most ||H - H^T|| / 2, plus eigvalsh's rounding (~8 eps ||H||)
    h = ns["hessian"]
    weyl = float(torch.linalg.matrix_norm(h - h.T, 2)) / 2
    bound = weyl + tol.rounding_tol(float(torch.linalg.matrix_norm(h, 2)), 8)
    torch.testing.assert_close(ns["eigenvalues"], facts.eigenvalues, rtol=0, atol=bound)
    grid = optim.landscape(surf, 9)
    assert torch.equal(ns["dfdx"], grid.gx)
    assert torch.equal(ns["dfdy"], grid.gy)


def _path_tol(surf, start, name: str, lr: float, steps: int, beta1: float, beta2: float):
    """How far two programs' paths of one torch.optim descent may drift apart when their
    element-wise kernels round differently (core steps a (1, 2) tensor and evaluates f on
    vectors of one point, the program a (2,) tensor and f on 0-d ones): as in
    tests/core/test_optim.py, each step's ~16 roundings count as if the start and lr had moved
    that much, tol.sensitivity_tol measures what the steps make of it, and the points' own
    16 roundings are added."""
    origin = torch.tensor(start, dtype=torch.float64)
    rate = torch.tensor(lr, dtype=torch.float64)

    def path(jiggle):
        theta = jiggle(origin, 16 * tol.EPS64 * origin.abs()).clone().requires_grad_(True)
        step = float(jiggle(rate, 16 * tol.EPS64 * rate))
        optimizer = optim.make_optimizer(name, [theta], step, beta1, beta2)
        points = [theta.detach().clone()]
        for _ in range(steps):
            optimizer.zero_grad()
            surf(theta[0], theta[1]).backward()
            optimizer.step()
            points.append(theta.detach().clone())
        return torch.stack(points)

    size = float(path(lambda M, scale: M).abs().max())
    return tol.sensitivity_tol(path, grad=True) + tol.rounding_tol(size, 16)


@pytest.mark.parametrize(
    ("surf", "start", "lr", "steps"),
    [
        (optim.surface("rosenbrock"), (-1.2, 1.0), 0.001, 80),
        (optim.surface("himmelblau"), (0.0, 0.0), 0.01, 60),
        (optim.surface("bowl", 50.0), (-4.0, 2.0), 0.05, 60),  # above 2/L: gd diverges
        (optim.surface("saddle"), (1.0, 0.01), 0.3, 60),  # runs off to -inf
    ],
)
def test_descent_code_traces_the_same_paths(surf, start, lr, steps):
    ns = _run(snippets.descent_code(surf, start, optim.OPTIMIZERS, lr, steps, 0.9, 0.99))
    for name in optim.OPTIMIZERS:
        run = optim.descend(surf, start, name, lr, steps, 0.9, 0.99)
        # the same torch.optim updates on the same float64 numbers, on tensors of other shapes
        bound = _path_tol(surf, start, name, lr, run.steps, 0.9, 0.99)
        torch.testing.assert_close(ns["paths"][name], run.points, rtol=0, atol=bound)


def test_descent_code_with_nesterov_and_no_momentum_is_gradient_descent():
    surf = optim.surface("himmelblau")
    ns = _run(snippets.descent_code(surf, (1.0, 1.0), ["nesterov"], 0.01, 20, 0.0, 0.999))
    run = optim.descend(surf, (1.0, 1.0), "gd", 0.01, 20)
    # with momentum 0 the program makes plain SGD, as core does: the same updates, on tensors
    # of other shapes (_path_tol)
    bound = _path_tol(surf, (1.0, 1.0), "gd", 0.01, run.steps, 0.0, 0.999)
    torch.testing.assert_close(ns["paths"]["nesterov"], run.points, rtol=0, atol=bound)


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_basins_code_ends_where_the_page_says(name):
    surf = optim.surface("himmelblau")
    lr = 0.01 if name in ("gd", "momentum", "nesterov") else 0.1
    ns = _run(snippets.basins_code(surf, name, lr, 50, 6, 0.9, 0.999))
    basins = optim.basins(surf, name, lr, 50, 6, 0.9, 0.999)
    stopped = [optim.OUTCOMES[k] for k in ("diverged", "unbounded", "undefined")]
    ran_all = ~torch.isin(basins.labels, torch.tensor(stopped))
    assert ran_all.sum() > 20
    # the same element-wise updates of the same (36, 2) batch of starts as core, f evaluated
    # on the same columns: identical computations, equal to the bit
    assert torch.equal(ns["ends"][ran_all], basins.ends[ran_all])
