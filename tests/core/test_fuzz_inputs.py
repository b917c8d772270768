"""Arbitrary numbers into every public entry point of `core`: each call returns finite
output or raises InputError, never another exception and never a NaN for a chart.

The floats include NaN, +-inf, 0, negatives, 1e308 and subnormals; Hypothesis is
derandomised (tests/conftest.py), so the examples are the same on every run.
"""

import inspect
import math

import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from core import activations, distributions, gp, gumbel, kernels
from core.errors import InputError

ANY_FLOAT = st.floats(allow_nan=True, allow_infinity=True, allow_subnormal=True) | st.sampled_from(
    [0.0, -0.0, -1.0, 1e308, -1e308, 5e-324, 1e-300, 1e30, -1e30, float("nan"), float("inf")]
)
NICE_FLOAT = st.floats(-50, 50, allow_nan=False)
X = torch.linspace(-3, 3, 25, dtype=torch.float64)


def finite_or_input_error(call) -> None:
    try:
        out = call()
    except InputError:
        return
    tensors = out if isinstance(out, tuple | list) else (out,)
    for t in tensors:
        if isinstance(t, torch.Tensor):
            assert bool(torch.isfinite(t).all()), t
        elif isinstance(t, float):
            assert math.isfinite(t), t


@settings(max_examples=150)
@given(st.lists(ANY_FLOAT, min_size=2, max_size=2), st.lists(ANY_FLOAT, min_size=4, max_size=4))
def test_mvn_any_mean_and_matrix(mean, entries):
    def call():
        dist = distributions.mvn(mean, [entries[:2], entries[2:]])
        return dist.log_prob(torch.zeros(2, dtype=dist.mean.dtype))

    finite_or_input_error(call)


@settings(max_examples=150)
@given(ANY_FLOAT, ANY_FLOAT, ANY_FLOAT, ANY_FLOAT)
def test_cov_from_and_ellipse_any_numbers(sx, sy, rho, k):
    def call():
        cov = distributions.cov_from(sx, sy, rho)
        return distributions.ellipse([0.0, 0.0], cov, k, n=16)

    finite_or_input_error(call)


@settings(max_examples=150)
@given(st.sampled_from(sorted(kernels.KERNELS)), ANY_FLOAT, ANY_FLOAT)
def test_every_kernel_with_any_parameter(name, a, b):
    def call():
        names = list(inspect.signature(kernels.KERNELS[name]).parameters)
        values = dict(zip(names, (a, b, 1.0), strict=False))
        kernel = kernels.make_kernel(name, **values)
        return gp.band(kernel, X)

    finite_or_input_error(call)


@settings(max_examples=60)
@given(ANY_FLOAT, ANY_FLOAT, st.integers(-5, 60))
def test_rbf_prior_samples_with_any_hyperparameters(amplitude, lengthscale, n_samples):
    def call():
        kernel = kernels.RBF(amplitude, lengthscale)
        g = torch.Generator().manual_seed(0)
        return gp.sample_prior(kernel, X, n_samples, generator=g)

    finite_or_input_error(call)


@settings(max_examples=150)
@given(st.sampled_from(sorted(activations.ACTIVATIONS)), NICE_FLOAT, ANY_FLOAT)
def test_activations_with_any_parameter(name, x, param):
    act = activations.ACTIVATIONS[name]
    params = {p.name: param for p in act.params}
    finite_or_input_error(lambda: activations.value_and_grad(name, torch.tensor([x]), **params))


@settings(max_examples=150)
@given(st.lists(ANY_FLOAT, min_size=1, max_size=6), ANY_FLOAT, st.booleans())
def test_gumbel_softmax_with_any_logits_and_temperature(logits, tau, hard):
    g = torch.Generator().manual_seed(0)
    finite_or_input_error(lambda: gumbel.gumbel_softmax(logits, tau, hard=hard, n=3, generator=g))


@settings(max_examples=150)
@given(ANY_FLOAT, ANY_FLOAT, st.lists(ANY_FLOAT, min_size=1, max_size=6))
def test_gumbel_samplers_with_any_numbers(loc, scale, logits):
    g = torch.Generator().manual_seed(0)
    finite_or_input_error(lambda: gumbel.sample_gumbel((4,), loc, scale, generator=g))
    finite_or_input_error(lambda: gumbel.gumbel_max(logits, 5, generator=g).double())
