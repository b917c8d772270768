"""Every public function of `core` states and checks its limits (issue 18, item 4).

Oversize arguments raise `InputError` at once, before anything large is allocated or run for
long; the message is short, names the offending value and the limit, and has a translation.
Oversize inputs are built as expanded views (``torch.zeros(1).expand(n)``: n entries, no
memory), so the probes themselves stay small.
"""

import itertools
import math
import resource

import pytest
import torch

from core import (
    activations,
    bnn,
    bnn_data,
    bnn_training,
    bnn_vi,
    depth,
    distributions,
    distributions_1d,
    distributions_sampling,
    expression,
    gp,
    gp_observations,
    gp_posterior,
    gp_prior_views,
    gumbel,
    gumbel_extremes,
    gumbel_relaxation,
    gumbel_stats,
    gumbel_topk,
    kernels,
    optim,
    sample_stats,
    validate,
    weight_space,
    wide_networks,
)
from core.errors import InputError
from core.kernels import RBF
from ui.i18n import CATALOGS, translate

F64 = torch.float64
MAX_MESSAGE = 500  # characters
MAX_GROWTH_MB = 300  # peak memory a rejected call may add (the oversize requests: 1 to 40 GB)

# A hang guard, not a timing: a limit checked too late would run for minutes.
pytestmark = pytest.mark.timeout(120)


def huge(*shape: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """A tensor of ``shape`` that takes no memory: one zero, expanded."""
    return torch.zeros((1,) * len(shape), dtype=dtype).expand(*shape)


def line(n: int) -> torch.Tensor:
    return torch.linspace(-3, 3, n, dtype=F64)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def rejected(call) -> InputError:
    """The InputError of ``call``, raised quickly and without a new memory peak."""
    before = peak_rss_mb()
    with pytest.raises(InputError) as info:
        call()
    assert peak_rss_mb() - before < MAX_GROWTH_MB
    return info.value


def check_message(error: InputError, *fragments: str) -> None:
    message = str(error)
    assert len(message) < MAX_MESSAGE, message
    for fragment in fragments:
        assert fragment in message, (fragment, message)
    for lang in ("en", "zh"):
        key = f"error.{error.code}"
        assert key in CATALOGS[lang], key
        text = translate(key, lang, **error.params)
        assert "{" not in text and len(text) < MAX_MESSAGE, (key, text)


# --- the cases of the issue --------------------------------------------------------------------


def test_a_nan_in_a_huge_matrix_is_quoted_not_copied():
    matrix = torch.zeros(5000, 5000)
    matrix[12, 40] = math.nan
    matrix[4999, 4999] = math.inf
    error = rejected(lambda: validate.finite_tensor("covariance matrix", matrix))
    check_message(error, "2 of 25,000,000", "[12, 40] = nan", "[4999, 4999] = inf")


def test_many_bad_entries_show_three_and_the_count():
    error = rejected(lambda: validate.finite_tensor("x", torch.full((1000,), math.nan)))
    check_message(error, "1,000 of 1,000", "[0] = nan, [1] = nan, [2] = nan, …")
    assert "[3]" not in str(error)


def test_a_huge_covariance_is_refused_by_its_size_before_it_is_scanned():
    error = rejected(lambda: gp.cholesky_with_jitter(huge(5000, 5000, dtype=F64)))
    check_message(error, "5,000", f"{gp.MAX_POINTS:,}")


def test_prior_samples_are_bounded_as_points_times_samples():
    error = rejected(lambda: gp.sample_prior(RBF(), line(5000), 1_000_000))
    check_message(error, "5,000", f"{gp.MAX_POINTS:,}")
    error = rejected(lambda: gp.sample_prior(RBF(), line(gp.MAX_POINTS), 1_000_000))
    assert error.code == "too_large"
    check_message(error, "2,500 × 1,000,000", f"{kernels.MAX_ENTRIES:,}")


def test_kernel_inputs_and_matrices_have_a_size_limit():
    error = rejected(lambda: kernels.as_inputs("x", huge(kernels.MAX_INPUT_VALUES + 1, dtype=F64)))
    check_message(error, "1,000,001", f"{kernels.MAX_INPUT_VALUES:,}")
    n = math.isqrt(kernels.MAX_ENTRIES) + 1
    error = rejected(lambda: RBF()(line(n), line(n)))
    check_message(error, f"{n:,} × {n:,}", f"{kernels.MAX_ENTRIES:,}")


def test_the_likelihood_surface_has_a_grid_limit_and_stops_reading_an_endless_one():
    x, y = line(20), torch.zeros(20, dtype=F64)
    endless = (1.0 for _ in itertools.count())
    error = rejected(lambda: gp_posterior.lml_surface(RBF(), x, y, "lengthscale", endless, [0.1]))
    check_message(error, "values", f"{gp_posterior.MAX_SURFACE_AXIS:,}")
    big, zeros = line(2000), torch.zeros(2000, dtype=F64)
    axis = [1.0] * gp_posterior.MAX_SURFACE_AXIS
    error = rejected(
        lambda: gp_posterior.lml_surface(RBF(), big, zeros, "lengthscale", axis, [0.1])
    )
    check_message(error, "200 × 2,000 × 2,000", f"{kernels.MAX_ENTRIES:,}")


def test_a_deep_wide_batch_is_bounded_as_depth_times_batch_times_width():
    error = rejected(lambda: depth.depth_experiment("relu", 100, 1024, batch=1024))
    check_message(error, "100 × 1,024 × 1,024", f"{depth.MAX_ACTIVATIONS:,}")


def test_enumerating_orderings_is_bounded_as_n_factorial_over_n_minus_k_factorial():
    error = rejected(lambda: gumbel_topk.topk_inclusion_by_orderings(torch.zeros(10), 9))
    check_message(error, "3,628,800", f"{gumbel_topk.MAX_ORDERINGS:,}")
    # within the limit it still agrees with the subset programme
    logits = torch.linspace(-1, 1, 10)
    torch.testing.assert_close(
        gumbel_topk.topk_inclusion_by_orderings(logits, 4),
        gumbel_topk.topk_inclusion_probabilities(logits, 4),
    )


def test_wide_networks_are_bounded_as_points_times_units_times_networks():
    call = lambda: wide_networks.sample_network(line(5000), 10_000, 500)  # noqa: E731
    error = rejected(call)
    check_message(error, "500 × 10,000 × 5,000", f"{wide_networks.MAX_EVALUATIONS:,}")


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: distributions.histogram_2d(torch.zeros(0, 2), (0, 1, 0, 1), 10), "dist_no_points"),
        (lambda: gumbel_stats.chi_square_test([], []), "not_int_in_range"),
        (lambda: gumbel_stats.chi_square_test([0, 0], [0.5, 0.5]), "gumbel_chi_square_empty"),
        (lambda: bnn.kl_normal(torch.zeros(3), torch.zeros(3), 0.0, 1.0), "bnn_sigma"),
        (lambda: bnn.kl_normal(torch.zeros(3), torch.ones(3), 0.0, 0.0), "bnn_sigma"),
        (lambda: depth.layer_histograms(torch.zeros(0, 5)), "act_layers_shape"),
        (lambda: depth.layer_histograms(torch.tensor(1.0)), "act_layers_shape"),
        (lambda: gumbel_stats.sample_summary(torch.zeros(0)), "not_int_in_range"),
        (lambda: gumbel_stats.running_frequencies(torch.zeros(0, dtype=torch.long), 3), None),
        (lambda: bnn.sample_variance(torch.zeros(0, 4)), "bnn_functions_shape"),
        (lambda: bnn_vi.predictive_band(torch.zeros(1, 4)), "bnn_functions_shape"),
        (lambda: distributions.fraction_inside(_mvn(), torch.zeros(0, 2), [1.0]), None),
        (lambda: gumbel_stats.max_cdf_distance(torch.zeros(0), torch.zeros(0)), None),
    ],
)
def test_empty_inputs_raise_instead_of_giving_nan(call, code):
    error = rejected(call)
    if code is not None:
        assert error.code == code
    check_message(error)


def _mvn():
    return distributions.mvn([0.0, 0.0], [[1.0, 0.0], [0.0, 1.0]])


# --- every public function, oversize -----------------------------------------------------------

_PRIOR = bnn.NetworkPrior()
_BOWL = optim.surface("bowl")

OVERSIZE = {
    # validate: a value that is not a number is quoted, not copied
    "validate.positive": lambda: validate.positive("sigma", [0.0] * 10**6),
    # kernels, gp
    "kernels.make_kernel": lambda: kernels.make_kernel(["RBF"] * 10**6),
    "kernels.Kernel.diag": lambda: RBF().diag(huge(2 * kernels.MAX_INPUT_VALUES, dtype=F64)),
    "gp.grid_2d": lambda: gp.grid_2d(-1.0, 1.0, 51),
    "gp.band": lambda: gp.band(RBF(), huge(gp.MAX_POINTS + 1, dtype=F64)),
    "gp.sample_product_of_gps": lambda: gp.sample_product_of_gps(RBF(), RBF(), line(100), 10**5),
    # gp_posterior, gp_observations, views
    "gp_posterior.posterior": lambda: gp_posterior.posterior(
        RBF(), line(2001), torch.zeros(2001, dtype=F64), 0.1, [0.0]
    ),
    "gp_posterior.posterior.x_test": lambda: gp_posterior.posterior(
        RBF(), [0.0], [0.0], 0.1, line(gp_posterior.MAX_TEST + 1)
    ),
    "gp_posterior.sample_posterior": lambda: gp_posterior.sample_posterior(
        RBF(), [0.0], [0.0], 0.1, line(2500), 100_000
    ),
    "gp_posterior.influence": lambda: gp_posterior.influence(RBF(), line(2001), 0.1, [0.0]),
    "gp_posterior.fit": lambda: gp_posterior.fit(
        RBF(), line(2000), torch.zeros(2000, dtype=F64), 0.1, steps=10
    ),
    "gp_posterior.fit.steps": lambda: gp_posterior.fit(RBF(), [0.0], [0.0], 0.1, steps=10**6),
    "gp_observations.parse_observations": lambda: gp_observations.parse_observations(
        "0, 0\n" * 10**6
    ),
    "gp_observations.parse_observations.max_points": lambda: gp_observations.parse_observations(
        "0, 0", max_points=10**6
    ),
    "gp_observations.true_function": lambda: gp_observations.true_function(
        "d2l", huge(10**7, dtype=F64)
    ),
    "gp_prior_views.prior_view": lambda: gp_prior_views.prior_view(RBF(), 5, 10**10, 0),
    # weight space, wide networks
    "weight_space.PolynomialFeatures": lambda: weight_space.PolynomialFeatures(10)(line(10**6)),
    "weight_space.FourierFeatures": lambda: weight_space.FourierFeatures(50)(line(10**5)),
    "weight_space.rbf_basis_functions": lambda: weight_space.rbf_basis_functions(
        line(1000), 10_000
    ),
    "weight_space.sample_basis_weights": lambda: weight_space.sample_basis_weights(
        weight_space.PolynomialFeatures(1), line(1000), [0.0, 0.0], 1.0, 1_000_000
    ),
    "weight_space.bump_kernel_error": lambda: weight_space.bump_kernel_error(
        line(5), list(range(2, 1000))
    ),
    "wide_networks.sample_network_at": lambda: wide_networks.sample_network_at(
        1.0, 10_000, 100_000
    ),
    # bnn
    "bnn.sample_prior_functions": lambda: bnn.sample_prior_functions(
        line(1000), 1000, "relu", _PRIOR, 1000
    ),
    "bnn.network_outputs": lambda: bnn.network_outputs(
        huge(bnn.MAX_POINTS + 1), bnn.sample_prior_weights(2, _PRIOR, 1), "relu"
    ),
    "bnn.prior_moments": lambda: bnn.prior_moments(huge(10**6), 5, "linear", _PRIOR),
    "bnn.inverse_softplus": lambda: bnn.inverse_softplus(huge(5000, 5000)),
    "bnn.activation_fn": lambda: bnn.activation_fn("x" * 10**6),
    "bnn_data.sample_inputs": lambda: bnn_data.sample_inputs(10**10, bnn_data.Gap(0.0, 0.0)),
    "bnn_training.check_data": lambda: bnn_training.check_data(huge(10**6), huge(10**6)),
    "bnn_vi.reparameterised": lambda: bnn_vi.reparameterised(
        {k: torch.zeros(v) for k, v in bnn.shapes(10).items()},
        {k: torch.ones(v) for k, v in bnn.shapes(10).items()},
        10**6,
    ),
    "bnn_vi.predictive": lambda: bnn_vi.predictive(
        bnn_vi.initial_guide(500), huge(10**5), "tanh", 2000
    ),
    # depth
    "depth.depth_experiment.weights": lambda: depth.depth_experiment("relu", 100, 1024, batch=1),
    "depth.layer_histograms": lambda: depth.layer_histograms(huge(100, 10**6)),
    "depth.clip_gradient": lambda: depth.clip_gradient(huge(10**6), 1.0, 1.0),
    "depth.random_gradient": lambda: depth.random_gradient(10**9),
    "depth.init_weight": lambda: depth.init_weight(10**6, "he", 1.0, None),
    # activations, expression, surfaces, optim
    "activations.value_and_grad": lambda: activations.value_and_grad(
        "relu", huge(activations.MAX_POINTS + 1)
    ),
    "activations.get": lambda: activations.get(list(range(10**6))),
    "activations.summarize": lambda: activations.summarize(huge(10**7), huge(10**7), huge(10**7)),
    "expression.Expression": lambda: expression.parse("x * y", ("x", "y"))(
        torch.zeros(1000, 1), torch.zeros(1, 1000)
    ),
    "optim.landscape": lambda: optim.landscape(_BOWL, 10**5),
    "optim.basins": lambda: optim.basins(_BOWL, "gd", 0.1, 5000, 100),
    "optim.descend_all": lambda: optim.descend_all(_BOWL, (1.0, 1.0), ["gd"] * 10**6, 0.1, 10),
    "optim.descend": lambda: optim.descend(_BOWL, (1.0, 1.0), "gd", 0.1, 10**9),
    "optim.contour_values": lambda: optim.contour_values(_BOWL, huge(5000, 5000, dtype=F64)),
    "optim.display_ceiling": lambda: optim.display_ceiling(huge(5000, 5000, dtype=F64)),
    "optim.surface": lambda: optim.surface(["bowl"] * 10**6),
    # distributions
    "distributions.density_grid": lambda: distributions.density_grid(
        _mvn(), torch.zeros(10_000), torch.zeros(10_000)
    ),
    "distributions.samples": lambda: distributions.samples(_mvn(), 10**9),
    "distributions.sample_moments": lambda: distributions.sample_moments(huge(2, 10**6)),
    "distributions.mahalanobis": lambda: distributions.mahalanobis(_mvn(), huge(10**8, 2)),
    "distributions.ellipse": lambda: distributions.ellipse([0, 0], [[1, 0], [0, 1]], 1.0, 10**9),
    "distributions.histogram_2d": lambda: distributions.histogram_2d(
        torch.zeros(10, 2), (0.0, 1.0, 0.0, 1.0), 10**5
    ),
    "distributions.fraction_inside": lambda: distributions.fraction_inside(
        _mvn(), torch.zeros(1, 2), [1.0] * 10**6
    ),
    "distributions_1d.samples": lambda: distributions_1d.samples(
        torch.distributions.Normal(0.0, 1.0), 10**9
    ),
    "distributions_1d.pdf": lambda: distributions_1d.pdf(
        torch.distributions.Normal(0.0, 1.0), huge(2 * 10**7)
    ),
    "distributions.histogram": lambda: distributions.histogram(huge(2 * 10**7), 0.0, 1.0),
    "distributions_1d.pdf_axis_top": lambda: distributions_1d.pdf_axis_top(huge(2 * 10**7)),
    "distributions_1d.univariate": lambda: distributions_1d.univariate(["Normal"] * 10**6),
    "distributions_sampling.sample": lambda: distributions_sampling.sample(
        torch.distributions.Normal(0.0, 1.0), (10**10,)
    ),
    "sample_stats.density_histogram": lambda: sample_stats.density_histogram(
        huge(2 * 10**7), 10, 0.0, 1.0
    ),
    "sample_stats.excess_kurtosis": lambda: sample_stats.excess_kurtosis(huge(2 * 10**7)),
    "sample_stats.normal_pdf": lambda: sample_stats.normal_pdf(huge(2 * 10**7), 1.0),
    # gumbel
    "gumbel.sample_gumbel": lambda: gumbel.sample_gumbel((10**5, 10**5)),
    "gumbel.gumbel_softmax": lambda: gumbel.gumbel_softmax([0.0, 0.0], 1.0, n=10**7),
    "gumbel.gumbel_max": lambda: gumbel.gumbel_max([0.0, 0.0], 10**9),
    "gumbel.parse_logits": lambda: gumbel.parse_logits("1," * 10**6),
    "gumbel.gumbel_cdf": lambda: gumbel.gumbel_cdf(huge(2 * 10**7)),
    "gumbel.as_logits": lambda: gumbel.as_logits(huge(10**5, 10**3)),
    "gumbel.annealing_schedule": lambda: gumbel.annealing_schedule(10**9, 0.1, 0.5),
    "gumbel_extremes.standardized_normal_maxima": (
        lambda: gumbel_extremes.standardized_normal_maxima(10**4, 10**6)
    ),
    "gumbel_extremes.standardized_max_cdf": lambda: gumbel_extremes.standardized_max_cdf(
        100, huge(2 * 10**7)
    ),
    "gumbel_relaxation.expected_entropy": lambda: gumbel_relaxation.expected_entropy(
        [0.0, 0.0], [1.0] * 1000, 10**4
    ),
    "gumbel_relaxation.annealed_samples": lambda: gumbel_relaxation.annealed_samples(
        [0.0, 0.0], huge(2 * 10**6), 1
    ),
    "gumbel_stats.running_frequencies": lambda: gumbel_stats.running_frequencies(
        huge(5 * 10**6, dtype=torch.long), 10
    ),
    "gumbel_stats.category_counts": lambda: gumbel_stats.category_counts(
        torch.tensor([0, 10**9]), 2
    ),
    "gumbel_topk.topk_inclusion_probabilities": lambda: gumbel_topk.topk_inclusion_probabilities(
        torch.zeros(17), 8
    ),
}


@pytest.mark.parametrize("name", sorted(OVERSIZE))
def test_oversize_arguments_raise_a_short_input_error_at_once(name):
    check_message(rejected(OVERSIZE[name]))
