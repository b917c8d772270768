"""core.bnn_training's cost budget, and both trainers refusing a training over it at entry."""

from __future__ import annotations

import pytest
import torch

from core import bnn_noise, bnn_vi
from core.bnn import BLOCK
from core.bnn_training import MAX_WORK, check_budget
from core.errors import InputError


def test_a_training_at_the_budget_passes_and_one_step_more_is_refused_with_the_way_out():
    check_budget(MAX_WORK // (32 * 200 * 5), 32, 200, 5)  # 3125 steps: exactly the budget
    with pytest.raises(InputError) as caught:
        check_budget(MAX_WORK // (32 * 200 * 5) + 1, 32, 200, 5)
    error = caught.value
    assert error.code == "bnn_over_budget"
    assert error.params["work"] == 3126 * 32 * 200 * 5 > MAX_WORK
    assert error.params["max_steps"] == 3125
    message = str(error)
    for shown in ("3126 steps", "32 networks", "200 points", "width 5", f"{MAX_WORK:,}"):
        assert shown in message
    assert "at most 3,125 steps" in message


def test_the_link_of_issue_18_is_refused():
    """5000 steps x K 32 x n 200 x width 500: 128 s of server CPU before the budget."""
    with pytest.raises(InputError) as caught:
        check_budget(5000, 32, 200, 500)
    assert caught.value.params["work"] == 16_000_000_000
    assert caught.value.params["max_steps"] == 31


def test_one_step_holding_more_than_a_block_of_hidden_units_is_refused():
    check_budget(1, 1, BLOCK, 1)
    with pytest.raises(InputError) as caught:
        check_budget(1, 2, BLOCK // 2 + 1, 1)
    assert caught.value.code == "bnn_step_too_large"


def _data(n: int) -> tuple[torch.Tensor, torch.Tensor]:
    x = torch.linspace(-3, 3, n)
    return x, torch.sin(x)


def test_bayes_by_backprop_refuses_an_over_budget_training_before_it_starts():
    x, y = _data(200)
    progress = []
    with pytest.raises(InputError) as caught:
        bnn_vi.train_bayes_by_backprop(
            x, y, width=500, steps=5000, n_samples=32, callback=lambda *a: progress.append(a)
        )
    assert caught.value.code == "bnn_over_budget"
    assert caught.value.params["networks"] == 32
    assert not progress  # not a single step


def test_the_noise_trainer_counts_its_two_networks_and_refuses_over_budget():
    x, y = _data(200)
    with pytest.raises(InputError) as caught:
        bnn_noise.train_with_noise(x, y, x, y, width=500, steps=5000)
    assert caught.value.code == "bnn_over_budget"
    assert caught.value.params["networks"] == bnn_noise.NETWORKS == 2
    assert caught.value.params["work"] == 5000 * 2 * 200 * 500


def test_the_default_noise_training_is_well_inside_the_budget():
    training, n = bnn_noise.OVERFITTING_TRAINING, bnn_noise.OVERFITTING_DATA["n"]
    work = training["steps"] * bnn_noise.NETWORKS * n * training["width"]
    check_budget(training["steps"], bnn_noise.NETWORKS, n, training["width"])
    assert 4 * work <= MAX_WORK
