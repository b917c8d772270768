"""URL values are checked before a bound widget sees them: junk is replaced, never trusted."""

import math

from hypothesis import given
from hypothesis import strategies as st

from ui.state import ALIAS, INVALID, VALID, Choice, Flag, Number, check_multi, check_raw

LENGTHSCALE = Number(0.1, 5.0, 1.0)
N = Number(1, 1000, 100, integer=True)
KERNEL = Choice.of(("RBF", "Linear", "Periodic"), "RBF")


def test_valid_values_pass_untouched():
    assert check_raw("2.5", LENGTHSCALE) == (VALID, None)
    assert check_raw("17", N) == (VALID, None)
    assert check_raw("Periodic", KERNEL) == (VALID, None)
    assert check_raw("true", Flag(False)) == (VALID, None)


def test_junk_falls_back_to_the_default():
    assert check_raw("abc", LENGTHSCALE) == (INVALID, 1.0)
    assert check_raw("nan", LENGTHSCALE) == (INVALID, 1.0)
    assert check_raw("nope", KERNEL) == (INVALID, "RBF")
    assert check_raw("maybe", Flag(True)) == (INVALID, True)
    assert check_raw("", N) == (INVALID, 100)


def test_out_of_range_is_clamped_to_the_nearest_bound():
    assert check_raw("1e12", N) == (INVALID, 1000)
    assert check_raw("-5", LENGTHSCALE) == (INVALID, 0.1)
    assert check_raw("inf", LENGTHSCALE) == (INVALID, 5.0)
    assert check_raw("2.6", N) == (INVALID, 3)


def test_repeated_parameters_are_junk():
    assert check_raw(["1", "2"], N) == (INVALID, 100)
    assert check_raw(["7"], N) == (VALID, None)


def test_a_label_in_the_other_language_is_an_alias_not_an_error():
    spec = Choice({"Xavier": "xavier", "plain": "normal"}, "xavier", {"朴素正态": "normal"})
    assert check_raw("朴素正态", spec) == (ALIAS, "normal")
    assert spec.label_of("normal") == "plain"


@given(st.text(max_size=300))
def test_any_text_gives_a_number_in_range(raw):
    for spec in (LENGTHSCALE, N):
        verdict, used = check_raw(raw, spec)
        value = float(raw) if verdict == VALID else used
        assert math.isfinite(value)
        assert spec.low <= value <= spec.high
        if spec.integer:
            assert float(value).is_integer()


@given(st.lists(st.text(max_size=50), max_size=4))
def test_any_list_of_texts_gives_a_valid_choice(raws):
    verdict, used = check_raw(raws, KERNEL)
    assert verdict in (VALID, INVALID)
    assert (raws[0] if verdict == VALID else used) in KERNEL.labels


def test_multi_select_links_keep_known_labels_in_order_without_repeats():
    labels = {"ReLU": "relu", "relu": "relu", "Tanh": "tanh", "双曲正切": "tanh"}
    assert check_multi(["Tanh", "relu", "ReLU", "nope"], labels, 5) == (["tanh", "relu"], ["nope"])
    assert check_multi(["ReLU", "Tanh"], labels, 1) == (["relu"], [])


@given(st.lists(st.text(max_size=30), max_size=8))
def test_any_multi_select_link_gives_known_values(raws):
    labels = {"a": 1, "b": 2}
    values, junk = check_multi(raws, labels, 1)
    assert set(values) <= {1, 2} and len(values) <= 1
    assert all(r not in labels for r in junk)
