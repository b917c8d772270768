"""core.sample_stats: the one histogram of the lab's samples, and its default bin count."""

import math

import pytest
import torch

from core import sample_stats
from core.errors import InputError
from tests import tolerances as tol


def test_values_outside_the_range_and_infinities_count_in_n_only():
    values = torch.tensor([0.1, 0.6, 0.7, 5.0, math.inf, -math.inf])
    edges, density = sample_stats.density_histogram(values, 2, 0.0, 1.0)
    assert edges.tolist() == [0.0, 0.5, 1.0]
    # 1 and 2 of 6 values in bins of width 1/2
    assert density.tolist() == pytest.approx([1 / 3, 2 / 3], rel=0, abs=tol.rounding_tol(1, 3))
    share_inside = float((density * 0.5).sum())
    assert share_inside == pytest.approx(3 / 6, rel=0, abs=tol.rounding_tol(1, 4))


def test_nan_is_refused_with_a_message():
    with pytest.raises(InputError) as caught:
        sample_stats.density_histogram(torch.tensor([0.5, math.nan]), 4, 0.0, 1.0)
    assert "nan" in str(caught.value).lower()


@pytest.mark.parametrize(("n", "bins"), [(1, 10), (125, 10), (1000, 20), (8000, 40), (10**6, 80)])
def test_rice_bins_within_10_and_80(n, bins):
    assert sample_stats.rice_bins(n) == bins
