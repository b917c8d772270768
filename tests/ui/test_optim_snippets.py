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
    # on the same numbers (identical computations: equal to the bit; the default tolerances
    # are slack, not rounding bounds)
    assert ns["value"].item() == pytest.approx(facts.value)
    torch.testing.assert_close(ns["grad"], facts.gradient)
    # core symmetrises the Hessian, the program does not: by Weyl's inequality the
    # eigenvalues move by at most ||H - H^T|| / 2, plus eigvalsh's rounding (~8 eps ||H||)
    h = ns["hessian"]
    weyl = float(torch.linalg.matrix_norm(h - h.T, 2)) / 2
    bound = weyl + tol.rounding_tol(float(torch.linalg.matrix_norm(h, 2)), 8)
    torch.testing.assert_close(ns["eigenvalues"], facts.eigenvalues, rtol=0, atol=bound)
    grid = optim.landscape(surf, 9)
    torch.testing.assert_close(ns["dfdx"], grid.gx)
    torch.testing.assert_close(ns["dfdy"], grid.gy)


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
        # the same torch.optim updates on the same float64 numbers: identical computations,
        # equal to the bit; 1e-12 only leaves room for a last-bit difference of an
        # element-wise kernel run over another tensor shape (core steps a batch of starts)
        torch.testing.assert_close(ns["paths"][name], run.points, rtol=1e-12, atol=1e-12)


def test_descent_code_with_nesterov_and_no_momentum_is_gradient_descent():
    surf = optim.surface("himmelblau")
    ns = _run(snippets.descent_code(surf, (1.0, 1.0), ["nesterov"], 0.01, 20, 0.0, 0.999))
    run = optim.descend(surf, (1.0, 1.0), "gd", 0.01, 20)
    # with momentum 0 the program makes plain SGD, as core does: the same updates (identical
    # computations; the default tolerance is slack)
    torch.testing.assert_close(ns["paths"]["nesterov"], run.points)


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_basins_code_ends_where_the_page_says(name):
    surf = optim.surface("himmelblau")
    lr = 0.01 if name in ("gd", "momentum", "nesterov") else 0.1
    ns = _run(snippets.basins_code(surf, name, lr, 50, 6, 0.9, 0.999))
    basins = optim.basins(surf, name, lr, 50, 6, 0.9, 0.999)
    stopped = [optim.OUTCOMES[k] for k in ("diverged", "unbounded", "undefined")]
    ran_all = ~torch.isin(basins.labels, torch.tensor(stopped))
    assert ran_all.sum() > 20
    # the same element-wise updates of a batch of starts as core: identical (1e-12 is slack)
    torch.testing.assert_close(ns["ends"][ran_all], basins.ends[ran_all], rtol=1e-12, atol=1e-12)
