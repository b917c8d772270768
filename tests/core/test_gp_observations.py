"""Observations as text: parsing with line numbers, formatting back, editing, data sets."""

import pytest
import torch

from core import gp_observations as obs
from core.errors import InputError


def test_pairs_are_read_with_commas_spaces_tabs_and_semicolons():
    x, y = obs.parse_observations("0, 1\n\n1.5 -2\n2\t3e-1; (4, 5)\n")
    assert x.tolist() == [0.0, 1.5, 2.0, 4.0]
    assert y.tolist() == [1.0, -2.0, 0.3, 5.0]
    assert x.dtype == y.dtype == torch.float64


def test_empty_text_is_no_observations():
    x, y = obs.parse_observations("  \n")
    assert x.shape == y.shape == (0,)


@pytest.mark.parametrize(
    ("text", "code", "line"),
    [
        ("0, 1\n1, 2, 3", "gpp_parse_pair", 2),
        ("0, 1\n2, 3\nx, 4", "gpp_parse_number", 3),
        ("1, inf", "gpp_parse_range", 1),
        ("0, 0\n1, nan", "gpp_parse_range", 2),
        ("0, 1\n11, 0", "gpp_parse_range", 2),
        ("0 1 ; 2", "gpp_parse_pair", 1),
    ],
)
def test_bad_lines_are_named(text, code, line):
    with pytest.raises(InputError, match=f"Line {line}") as error:
        obs.parse_observations(text)
    assert error.value.code == code
    assert error.value.params["line"] == line


def test_too_many_points_and_non_text_are_explained():
    with pytest.raises(InputError, match="at most 100") as error:
        obs.parse_observations("\n".join("0, 0" for _ in range(101)))
    assert error.value.code == "gpp_too_many"
    with pytest.raises(InputError) as error:
        obs.parse_observations(None)
    assert error.value.code == "gpp_parse_type"


def test_formatting_reads_back_and_editing_adds_or_removes_one_pair():
    x = torch.tensor([0.12345, -2.0])
    y = torch.tensor([1.0, 0.5])
    text = obs.format_observations(x, y)
    assert text == "0.123, 1\n-2, 0.5"
    text = obs.with_point(text, 3.14159, -1.0)
    assert obs.count(text) == 3 and text.endswith("3.142, -1")
    assert obs.without_last("0, 1; 2, 3") == "0, 1"
    assert obs.without_last("") == "" and obs.with_point("", 1.0, 2.0) == "1, 2"


@pytest.mark.parametrize("name", list(obs.DATASETS))
def test_data_sets_are_their_function_plus_seeded_noise(name):
    spec = obs.DATASETS[name]
    x, y = obs.dataset(name, torch.Generator().manual_seed(0))
    again = obs.dataset(name, torch.Generator().manual_seed(0))[1]
    assert torch.equal(y, again) and len(x) == spec.n
    residual = y - obs.true_function(name, x)
    # the sample sd of n normal draws is within 5 standard errors sd / sqrt(2 n)
    assert abs(float(residual.std()) - spec.noise_sd) < 5 * spec.noise_sd / (2 * spec.n) ** 0.5
    with pytest.raises(InputError):
        obs.dataset("nope")


def test_d2l_data_set_is_d2ls():
    x, _ = obs.dataset("d2l")
    torch.testing.assert_close(x, torch.linspace(0, 5, 50, dtype=torch.float64))
    f = obs.true_function("d2l", torch.tensor([1.0], dtype=torch.float64))
    assert float(f) == pytest.approx(0.8414709848 + 0.5 * -0.7568024953)
