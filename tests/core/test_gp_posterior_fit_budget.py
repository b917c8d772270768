"""core.gp_posterior.fit's cost budget: steps x observations, refused at entry."""

from __future__ import annotations

import pytest
import torch

from core import gp_posterior as gpp
from core.errors import InputError
from core.kernels import RBF


def test_a_fit_at_the_budget_passes_and_one_step_more_is_refused_with_the_way_out():
    gpp.check_fit_budget(gpp.FIT_BUDGET // 100, 100)
    with pytest.raises(InputError) as caught:
        gpp.check_fit_budget(gpp.FIT_BUDGET // 100 + 1, 100)
    error = caught.value
    assert error.code == "gpp_fit_budget"
    assert error.params["max_steps"] == gpp.FIT_BUDGET // 100
    assert f"at most {gpp.FIT_BUDGET // 100:,}" in str(error)


def test_fit_refuses_an_over_budget_fit_before_its_first_step():
    x = torch.linspace(0, 5, 100, dtype=torch.float64)
    steps = []
    with pytest.raises(InputError) as caught:
        gpp.fit(RBF(), x, torch.sin(x), 0.1, steps=1000, callback=lambda *a: steps.append(a))
    assert caught.value.code == "gpp_fit_budget"
    assert caught.value.params == {
        "steps": 1000,
        "n": 100,
        "work": 100_000,
        "budget": gpp.FIT_BUDGET,
        "max_steps": gpp.FIT_BUDGET // 100,
    }
    assert not steps


def test_d2ls_fifty_points_fit_at_the_pages_largest_step_count():
    """The page's steps slider ends at 1000; d2l's data set has 50 points."""
    gpp.check_fit_budget(1000, 50)
