"""core.distributions_1d: summaries, pdf, cdf and quantiles against scipy.stats and closed forms;
sample vs rsample gradients against closed forms and finite differences."""

import math

import numpy as np
import pytest
import scipy.special
import scipy.stats
import torch
from torch.distributions import (
    Beta,
    Exponential,
    Gamma,
    Gumbel,
    Laplace,
    LogNormal,
    MultivariateNormal,
    Normal,
    StudentT,
    Uniform,
)

from core import distributions as nd
from core import distributions_1d as d1
from core.errors import InputError
from tests import tolerances as tol

EULER_GAMMA = 0.5772156649015329

# (torch distribution, the same distribution in scipy.stats)
CASES = [
    (Normal(0.0, 1.0), scipy.stats.norm(0, 1)),
    (Normal(-2.0, 3.0), scipy.stats.norm(-2, 3)),
    (Uniform(-1.0, 3.0), scipy.stats.uniform(-1, 4)),
    (Gumbel(0.0, 1.0), scipy.stats.gumbel_r(0, 1)),
    (Gumbel(1.5, 2.0), scipy.stats.gumbel_r(1.5, 2)),
    (Laplace(1.0, 0.5), scipy.stats.laplace(1, 0.5)),
    (StudentT(3.0, 1.0, 2.0), scipy.stats.t(3, 1, 2)),
    (StudentT(1.5, 0.0, 1.0), scipy.stats.t(1.5, 0, 1)),
    (StudentT(0.5, 0.0, 1.0), scipy.stats.t(0.5, 0, 1)),
    (LogNormal(0.0, 0.75), scipy.stats.lognorm(0.75, scale=1.0)),
    (LogNormal(1.0, 0.3), scipy.stats.lognorm(0.3, scale=math.e)),
    (Exponential(2.0), scipy.stats.expon(scale=0.5)),
    (Gamma(2.0, 1.0), scipy.stats.gamma(2, scale=1)),
    (Gamma(0.5, 3.0), scipy.stats.gamma(0.5, scale=1 / 3)),
    (Beta(2.0, 5.0), scipy.stats.beta(2, 5)),
    (Beta(0.5, 0.5), scipy.stats.beta(0.5, 0.5)),
]
IDS = [repr(d) for d, _ in CASES]


def _close(ours: float, ref: float, bound: float) -> bool:
    if math.isnan(ref):
        return math.isnan(ours)
    if math.isinf(ref):
        return ours == ref
    return abs(ours - ref) <= bound


def _summary_close(dist, key: str, ref: float) -> bool:
    ours = d1.summary(dist)[key]
    return _close(ours, ref, tol.float32_distribution_tol(dist, lambda d: d1.summary(d)[key]))


def test_gumbel_summary_is_the_closed_form():
    """Gumbel(0, 1): mean = Euler's gamma, median = -ln ln 2, mode = 0, variance = pi^2/6,
    entropy = gamma + 1 (nats)."""
    dist = Gumbel(0.0, 1.0)
    s = nd.summary(dist)
    assert set(s) == {"mean", "median", "mode", "variance", "entropy"}
    assert all(isinstance(v, float) for v in s.values())
    assert _summary_close(dist, "mean", EULER_GAMMA)
    # the median's closed form runs in float64 in core too: a few roundings of 0.37
    assert s["median"] == pytest.approx(-math.log(math.log(2)), abs=tol.rounding_tol(1, 4))
    assert s["mode"] == 0.0
    assert _summary_close(dist, "variance", math.pi**2 / 6)
    assert _summary_close(dist, "entropy", EULER_GAMMA + 1)


def test_gumbel_with_loc_and_scale_shifts_and_stretches_the_closed_forms():
    loc, scale = 1.5, 2.0  # exact in float32
    dist = Gumbel(loc, scale)
    s = nd.summary(dist)
    assert _summary_close(dist, "mean", loc + scale * EULER_GAMMA)
    median = loc - scale * math.log(math.log(2))
    assert s["median"] == pytest.approx(median, abs=tol.rounding_tol(abs(median), 6))
    assert s["mode"] == loc


def test_lognormal_median_and_mode_are_closed_forms():
    mu, sigma = 0.4, 0.8  # rounded to float32 in the distribution
    dist = LogNormal(mu, sigma)
    assert _summary_close(dist, "median", math.exp(mu))
    assert _summary_close(dist, "mode", math.exp(mu - sigma**2))
    assert _summary_close(dist, "mean", math.exp(mu + sigma**2 / 2))


@pytest.mark.parametrize(("dist", "ref"), CASES, ids=IDS)
def test_summary_matches_scipy(dist, ref):
    mean, var = (float(v) for v in ref.stats(moments="mv"))
    if isinstance(dist, StudentT) and float(dist.df) <= 1:
        mean = math.nan  # undefined; scipy reports inf, torch (and we) nan
    assert _summary_close(dist, "mean", mean)
    assert _summary_close(dist, "variance", var)
    assert _summary_close(dist, "median", float(ref.median()))
    assert _summary_close(dist, "entropy", float(ref.entropy()))


@pytest.mark.parametrize(
    ("dist", "mode"),
    [
        (Normal(1.0, 2.0), 1.0),
        (Laplace(-1.0, 2.0), -1.0),
        (StudentT(0.5, 2.0, 1.0), 2.0),
        (Exponential(3.0), 0.0),
        (Gamma(3.0, 2.0), 1.0),  # (alpha - 1) / beta
        (Gamma(1.0, 2.0), 0.0),
        (Gamma(0.5, 2.0), 0.0),  # the density is infinite at 0
        (Beta(2.0, 5.0), 0.2),  # (a - 1) / (a + b - 2)
        (Beta(0.5, 2.0), 0.0),
        (Beta(1.0, 2.0), 0.0),
        (Beta(0.5, 1.0), 0.0),
        (Beta(2.0, 0.5), 1.0),
        (Beta(2.0, 1.0), 1.0),
        (Beta(1.0, 0.5), 1.0),
        (Beta(1.0, 1.0), math.nan),  # flat
        (Beta(0.5, 0.5), math.nan),  # U-shaped: modes 0 and 1
        (Uniform(0.0, 2.0), math.nan),  # every point is a mode
    ],
    ids=repr,
)
def test_mode_including_the_boundary_cases(dist, mode):
    """The parameters are exact in float32 and core's formulas run in float64: three roundings.
    (A parameter's sensitivity is no measure here: at a = 1 or b = 1 the mode jumps.)"""
    assert _close(d1.summary(dist)["mode"], mode, tol.rounding_tol(abs(mode), 3))


@pytest.mark.parametrize(
    "dist",
    [Gumbel(0.5, 1.5), LogNormal(0.0, 0.75), Gamma(3.0, 2.0), Beta(2.0, 5.0), Laplace(0.0, 1.0)],
    ids=repr,
)
def test_mode_is_where_the_pdf_peaks(dist):
    """The float32 pdf's argmax on a fine grid is the mode, up to the plateau where the float32
    density cannot tell points from the peak: log p within (LIBM_ULPS + 4) eps32 (1 + |log p|)
    of its maximum, found with the float64 density."""
    lo, hi = d1.plot_range(dist)
    x = torch.linspace(lo, hi, 200_001, dtype=torch.float64)
    peak = float(x[d1.pdf(dist, x.float()).double().argmax()])
    at = {name: getattr(dist, name).double() for name in dist.arg_constraints}
    log_p = d1.log_prob(type(dist)(**at), x)
    top = float(log_p.max())
    plateau = x[log_p >= top - tol.float32_tol(1 + abs(top), tol.LIBM_ULPS + 4)]
    bound = float((plateau - d1.mode(dist)).abs().max()) + float(x[1] - x[0])
    assert d1.mode(dist) == pytest.approx(peak, abs=bound)


def test_student_t_moments_follow_the_degrees_of_freedom():
    assert math.isnan(d1.summary(StudentT(1.0))["mean"])
    assert math.isinf(d1.summary(StudentT(1.5))["variance"])
    assert d1.summary(StudentT(3.0))["variance"] == 3.0  # 1 * 3 / (3 - 2): exact


@pytest.mark.parametrize(("dist", "ref"), CASES, ids=IDS)
def test_pdf_and_cdf_match_scipy_inside_and_outside_the_support(dist, ref):
    lo, hi = d1.plot_range(dist)
    x = np.linspace(lo - 1.0, hi + 1.0, 301)
    if isinstance(dist, Beta | Gamma):
        x = x[(x < -1e-6) | (x > 1e-3)]  # avoid the pole at 0 of Beta(0.5, .), Gamma(0.5, .)
    if isinstance(dist, Beta):
        x = x[(x < 1 - 1e-3) | (x > 1 + 1e-6)]
    pdf = d1.pdf(dist, torch.tensor(x, dtype=torch.float32)).numpy()
    cdf = d1.cdf(dist, torch.tensor(x, dtype=torch.float32)).numpy()
    xf = x.astype(np.float32).astype(float)
    np.testing.assert_allclose(
        pdf, ref.pdf(xf), rtol=0, atol=tol.float32_distribution_tol(dist, d1.pdf, xf)
    )
    np.testing.assert_allclose(
        cdf, ref.cdf(xf), rtol=0, atol=tol.float32_distribution_tol(dist, d1.cdf, xf)
    )


@pytest.mark.parametrize(("dist", "ref"), CASES, ids=IDS)
@pytest.mark.parametrize("q", [0.01, 0.25, 0.5, 0.9])
def test_quantile_matches_scipy(dist, ref, q):
    """torch's icdf runs in float32 (the distribution's dtype) on q rounded to float32: the
    quantile moves by eps32 q / pdf(x) for q's rounding, and by a libm call and ~4 roundings
    of numbers as large as |x| + |median| + IQR; scipy's inverses (StudentT, Gamma, Beta) run
    in float64 on the same parameters."""
    x = float(ref.ppf(q))
    assert d1.quantile(dist, q) == pytest.approx(x, rel=0, abs=_quantile_tol(ref, q))


def _quantile_tol(ref, q: float) -> float:
    """See `test_quantile_matches_scipy`."""
    x = float(ref.ppf(q))
    low, high = ref.interval(0.5)
    size = abs(x) + abs(float(ref.median())) + (high - low)
    return tol.float32_tol(size, tol.LIBM_ULPS + 4) + tol.float32_tol(q / ref.pdf(x), 1)


@pytest.mark.parametrize(("dist", "ref"), CASES, ids=IDS)
def test_plot_range_holds_the_median_and_stays_in_the_support(dist, ref):
    lo, hi = d1.plot_range(dist)
    assert lo < d1.median(dist) < hi
    grid = d1.grid(dist, 50)
    assert bool(torch.isfinite(d1.pdf(dist, grid)).all())
    assert float(grid[0]) >= ref.support()[0] - 1 or isinstance(dist, Uniform)


def test_normal_plot_range_is_plus_minus_3_29_sigma():
    """The central 99.9 %: the 0.05 % and 99.95 % quantiles (+-3.2905 sigma)."""
    ref = scipy.stats.norm(1, 2)
    lo, hi = d1.plot_range(Normal(1.0, 2.0))
    assert lo == pytest.approx(ref.ppf(5e-4), rel=0, abs=_quantile_tol(ref, 5e-4))
    assert hi == pytest.approx(ref.ppf(1 - 5e-4), rel=0, abs=_quantile_tol(ref, 1 - 5e-4))


def test_heavy_tails_are_cut_at_8_interquartile_ranges():
    """core inverts StudentT's cdf with scipy.special.stdtrit in float64, as scipy.stats does:
    the two differ by the few roundings of 8 (q75 - q25)."""
    lo, hi = d1.plot_range(StudentT(0.5))
    iqr = 2 * float(scipy.stats.t(0.5).ppf(0.75))
    bound = tol.rounding_tol(8 * iqr, 6)
    assert hi == pytest.approx(8 * iqr, rel=0, abs=bound)
    assert lo == pytest.approx(-8 * iqr, rel=0, abs=bound)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_normal_bands_are_the_68_95_99_7_rule(k):
    (lo, hi, mass) = d1.normal_bands(Normal(1.0, 2.0), (k,))[0]
    assert (lo, hi) == (1 - 2 * k, 1 + 2 * k)  # small integers: exact
    # erf against a difference of two normal cdfs: libm calls and a subtraction near 1
    mass_ref = scipy.stats.norm.cdf(k) - scipy.stats.norm.cdf(-k)
    assert mass == pytest.approx(mass_ref, rel=0, abs=tol.rounding_tol(1, 3 * tol.LIBM_ULPS))


def test_the_68_95_99_7_rule_to_one_decimal():
    assert [round(100 * d1.normal_interval_mass(k), 1) for k in (1, 2, 3)] == [68.3, 95.4, 99.7]


def test_normal_bands_need_a_normal():
    with pytest.raises(InputError):
        d1.normal_bands(Gumbel(0.0, 1.0))


@pytest.mark.parametrize(
    ("name", "order"),
    [
        ("Normal", "equal"),
        ("Laplace", "equal"),
        ("Gumbel", "right"),
        ("LogNormal", "right"),
        ("Gamma", "right"),
        ("Uniform", "undefined"),
    ],
)
def test_order_of_mean_median_mode(name, order):
    assert d1.order_of_centres(d1.summary(d1.univariate(name))) == order


def test_a_left_skewed_beta_has_mean_below_median_below_mode():
    stats = d1.summary(d1.univariate("Beta", {"concentration1": 5.0, "concentration0": 2.0}))
    assert d1.order_of_centres(stats) == "left"


# --- families: construction and validation ----------------------------------------------------


@pytest.mark.parametrize("name", list(d1.FAMILIES))
def test_every_family_builds_at_its_defaults_and_at_the_extremes_of_its_controls(name):
    family = d1.FAMILIES[name]
    for pick in ("default", "low", "high"):
        params = {p.name: getattr(p, pick) for p in family.params}
        if name == "Uniform" and pick != "default":
            params = {"low": family.params[0].low, "high": family.params[1].high}
        dist = d1.univariate(name, params)
        assert isinstance(dist, family.cls)
        s = d1.summary(dist)
        assert not math.isnan(s["median"]) and math.isfinite(s["entropy"])
        xs = d1.grid(dist)
        assert bool(torch.isfinite(d1.pdf(dist, xs)).all())
        assert d1.pdf_axis_top(d1.pdf(dist, xs)) > 0


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("Normal", {"scale": 0.0}),
        ("Normal", {"scale": -1.0}),
        ("Normal", {"loc": math.nan}),
        ("Gamma", {"concentration": math.inf}),
        ("Beta", {"concentration1": 0.0}),
        ("StudentT", {"df": -2.0}),
        ("Exponential", {"rate": "fast"}),
        ("Uniform", {"low": 1.0, "high": 1.0}),
        ("Uniform", {"low": 2.0, "high": 1.0}),
        ("Cauchy", {}),
    ],
)
def test_invalid_parameters_raise_an_input_error(name, params):
    with pytest.raises(InputError):
        d1.univariate(name, params)


@pytest.mark.parametrize(
    "dist",
    [
        MultivariateNormal(torch.zeros(2), torch.eye(2)),
        Normal(torch.zeros(3), torch.ones(3)),
        "not a distribution",
    ],
)
def test_summary_needs_a_univariate_distribution(dist):
    with pytest.raises(InputError):
        d1.summary(dist)


def test_histogram_bars_sit_on_the_pdf():
    dist = d1.univariate("Normal")
    x = d1.samples(dist, 200_000, torch.Generator().manual_seed(4))
    edges, density = nd.histogram(x, -3.0, 3.0, 30)
    centres = (edges[:-1] + edges[1:]) / 2
    width = float(edges[1] - edges[0])
    # bar = P(bin) / width; its standard error is sqrt(P (1 - P) / n) / width
    p_bin = scipy.stats.norm.cdf(edges[1:].numpy()) - scipy.stats.norm.cdf(edges[:-1].numpy())
    se = np.sqrt(p_bin * (1 - p_bin) / 200_000) / width
    assert np.all(np.abs(density.numpy() - p_bin / width) < 5 * se + 1e-12)
    assert centres.shape == density.shape


def test_pdf_axis_top_stops_below_a_pole():
    dist = d1.univariate("Gamma", {"concentration": 0.2, "rate": 1.0})
    pdf = d1.pdf(dist, d1.grid(dist))
    assert d1.pdf_axis_top(pdf) < float(pdf.max())


# --- sample vs rsample ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(d1.FAMILIES))
def test_seeded_sample_means_and_variances_match_the_summary(name):
    """n = 100,000: the sample mean within 5 standard errors sqrt(var / n) (where the variance
    is finite), the sample median within 5 standard errors 1 / (2 p(m) sqrt(n))."""
    dist = d1.univariate(name)
    n = 100_000
    x = d1.samples(dist, n, torch.Generator().manual_seed(8)).double()
    s = d1.summary(dist)
    if math.isfinite(s["variance"]):
        assert abs(float(x.mean()) - s["mean"]) < 5 * math.sqrt(s["variance"] / n)
    density_at_median = float(d1.pdf(dist, torch.tensor([s["median"]]))[0])
    se_median = 1 / (2 * density_at_median * math.sqrt(n))
    assert abs(float(x.median()) - s["median"]) < 5 * se_median


def _demo(name, params=None, seed=3, m=6):
    return d1.reparameterisation_demo(name, params, m, torch.Generator().manual_seed(seed))


def _standardised_tol(x: torch.Tensor, loc: float, scale: float) -> float:
    """The noise eps (autograd's d x / d scale) against (x - loc) / scale recomputed from the
    float32 draw x = loc + scale eps: x rounds once, the subtraction and division twice more."""
    return tol.float32_tol((float(x.abs().max()) + abs(loc)) / scale, 3)


def test_rsample_gradients_of_a_normal_are_one_and_epsilon():
    demo = _demo("Normal", {"loc": 1.0, "scale": 2.0})
    np.testing.assert_allclose(demo.grads["loc"].numpy(), 1.0)
    eps, bound = ((demo.x - 1.0) / 2.0).numpy(), _standardised_tol(demo.x, 1.0, 2.0)
    np.testing.assert_allclose(demo.grads["scale"].numpy(), eps, rtol=0, atol=bound)


@pytest.mark.parametrize("name", ["Gumbel", "Laplace"])
def test_rsample_gradient_of_a_location_scale_family_is_the_standardised_draw(name):
    demo = _demo(name, {"loc": -1.0, "scale": 0.5})
    np.testing.assert_allclose(demo.grads["loc"].numpy(), 1.0)
    eps, bound = ((demo.x + 1.0) / 0.5).numpy(), _standardised_tol(demo.x, -1.0, 0.5)
    np.testing.assert_allclose(demo.grads["scale"].numpy(), eps, rtol=0, atol=bound)


def test_rsample_gradients_of_uniform_lognormal_and_exponential():
    u = _demo("Uniform", {"low": -1.0, "high": 3.0})
    frac, bound = (u.x + 1.0) / 4.0, _standardised_tol(u.x, -1.0, 4.0) + tol.float32_tol(1, 1)
    np.testing.assert_allclose(u.grads["low"].numpy(), (1 - frac).numpy(), rtol=0, atol=bound)
    np.testing.assert_allclose(u.grads["high"].numpy(), frac.numpy(), rtol=0, atol=bound)
    ln = _demo("LogNormal", {"loc": 0.2, "scale": 0.5})
    # d x / d loc = x: autograd's exp(y) against the draw, a rounding each
    bound = tol.float32_tol(float(ln.x.max()), 2)
    np.testing.assert_allclose(ln.grads["loc"].numpy(), ln.x.numpy(), rtol=0, atol=bound)
    # d x / d scale = x eps, eps recomputed through a log (LIBM_ULPS) of the rounded draw
    eps = (ln.x.log() - 0.2) / 0.5
    size = float((ln.x * (ln.x.log().abs() + 1.2) / 0.5).max())
    bound = tol.float32_tol(size, tol.LIBM_ULPS + 4)
    np.testing.assert_allclose(ln.grads["scale"].numpy(), (ln.x * eps).numpy(), rtol=0, atol=bound)
    ex = _demo("Exponential", {"rate": 2.0})
    # x = -log(u) / rate, d x / d rate = -x / rate: three roundings
    bound = tol.float32_tol(float(ex.x.max()) / 2.0, 3)
    np.testing.assert_allclose(ex.grads["rate"].numpy(), (-ex.x / 2.0).numpy(), rtol=0, atol=bound)


H = 1e-5  # the central difference's step in a concentration
# torch draws Gamma and Beta gradients from series and a fitted rational approximation (ATen's
# Distributions.h), which torch's own tests hold to 0.005 relative error: so do these.
TORCH_APPROXIMATION = 5e-3


def _implicit(cdf, x: float, theta: float, pdf: float) -> tuple[float, float]:
    """(dx/dtheta, its error bound): -(dF(x; theta)/dtheta) / p(x), the implicit
    reparameterisation gradient, with dF/dtheta by a central difference in float64 of scipy's
    regularised incomplete gamma/beta functions (cephes: within 1e-13 relative, 450 eps64;
    third derivative in theta below 10 for these parameters)."""
    slope = (cdf(x, theta + H) - cdf(x, theta - H)) / (2 * H)
    return -slope / pdf, tol.central_difference_tol(H, 450, 10) / pdf


def test_gamma_rsample_gradient_is_the_implicit_gradient():
    k, rate = 2.5, 1.5
    demo = _demo("Gamma", {"concentration": k, "rate": rate})
    for x, g_k, g_rate in zip(
        demo.x.tolist(),
        demo.grads["concentration"].tolist(),
        demo.grads["rate"].tolist(),
        strict=True,
    ):
        pdf = scipy.stats.gamma(k, scale=1 / rate).pdf(x)
        ref, bound = _implicit(lambda v, a: scipy.special.gammainc(a, rate * v), x, k, pdf)
        assert g_k == pytest.approx(ref, rel=TORCH_APPROXIMATION, abs=bound)
        # x = sample / rate, d x / d rate = -x / rate: three roundings in float32
        assert g_rate == pytest.approx(-x / rate, rel=0, abs=tol.float32_tol(x / rate, 3))


def test_beta_rsample_gradient_is_the_implicit_gradient():
    a, b = 2.0, 3.0
    demo = _demo("Beta", {"concentration1": a, "concentration0": b})
    for x, g_a, g_b in zip(
        demo.x.tolist(),
        demo.grads["concentration1"].tolist(),
        demo.grads["concentration0"].tolist(),
        strict=True,
    ):
        pdf = scipy.stats.beta(a, b).pdf(x)
        ref_a, bound_a = _implicit(lambda v, t: scipy.special.betainc(t, b, v), x, a, pdf)
        ref_b, bound_b = _implicit(lambda v, t: scipy.special.betainc(a, t, v), x, b, pdf)
        assert g_a == pytest.approx(ref_a, rel=TORCH_APPROXIMATION, abs=bound_a)
        assert g_b == pytest.approx(ref_b, rel=TORCH_APPROXIMATION, abs=bound_b)


def test_student_t_df_gradient_holds_the_noise_fixed():
    """x = loc + scale eps / sqrt(c / df), c ~ chi2(df) drawn through its cdf u = F(c; df):
    moving df with eps and u fixed, by finite differences, gives the autograd gradient."""
    df, loc, scale = 4.0, 0.5, 2.0
    demo = _demo("StudentT", {"df": df, "loc": loc, "scale": scale})
    gen = torch.Generator().manual_seed(3)
    eps = torch.randn(6, generator=gen, dtype=torch.float32).double().numpy()  # drawn first
    x = demo.x.double().numpy()
    c = df * (eps * scale / (x - loc)) ** 2
    u = scipy.stats.chi2(df).cdf(c)

    def draw(d):
        return loc + scale * eps / np.sqrt(scipy.stats.chi2(d).ppf(u) / d)

    h = 1e-4
    ref = (draw(df + h) - draw(df - h)) / (2 * h)
    # chi2(df) is Gamma(df / 2): torch's approximate gradient. The difference: scipy's chi2
    # quantile within 1e-13 relative (450 eps64) of draws of size |x|, their third derivative
    # in df of that size too; u from the rounded draw moves ref by ~eps32 relative.
    bound = tol.central_difference_tol(h, 450 * np.abs(x).max(), np.abs(x).max())
    np.testing.assert_allclose(demo.grads["df"].numpy(), ref, rtol=TORCH_APPROXIMATION, atol=bound)
    np.testing.assert_allclose(demo.grads["loc"].numpy(), 1.0)
    bound = _standardised_tol(demo.x, loc, scale)
    np.testing.assert_allclose(demo.grads["scale"].numpy(), (x - loc) / scale, rtol=0, atol=bound)


@pytest.mark.parametrize("name", list(d1.FAMILIES))
def test_sample_draws_the_same_numbers_without_a_gradient(name):
    demo = _demo(name)
    assert demo.sample_requires_grad is False
    assert "does not require grad" in demo.sample_error
    assert all(torch.isfinite(g).all() for g in demo.grads.values())


# --- pdf, cdf and log_prob on the whole line (issue 17) ---------------------------------------

EPS32 = float(torch.finfo(torch.float32).eps)
SUBNORMAL32 = 2.0**-149  # the smallest float32 above 0: the absolute grain of an underflow
# The largest constant term torch's float32 log_prob adds up at the controls' extremes:
# lgamma(20) = 39.3 (Gamma with alpha = 20, Beta with alpha + beta = 20).
LOG_NORMALISER = 40.0


def _scipy_twin(dist):
    """The same distribution in scipy.stats."""
    f = {k: float(getattr(dist, k)) for k in ("loc", "scale", "df", "rate") if hasattr(dist, k)}
    twins = {
        Normal: lambda: scipy.stats.norm(f["loc"], f["scale"]),
        Uniform: lambda: scipy.stats.uniform(float(dist.low), float(dist.high - dist.low)),
        Gumbel: lambda: scipy.stats.gumbel_r(f["loc"], f["scale"]),
        Laplace: lambda: scipy.stats.laplace(f["loc"], f["scale"]),
        StudentT: lambda: scipy.stats.t(f["df"], f["loc"], f["scale"]),
        LogNormal: lambda: scipy.stats.lognorm(f["scale"], scale=math.exp(f["loc"])),
        Exponential: lambda: scipy.stats.expon(scale=1 / f["rate"]),
        Gamma: lambda: scipy.stats.gamma(float(dist.concentration), scale=1 / f["rate"]),
        Beta: lambda: scipy.stats.beta(float(dist.concentration1), float(dist.concentration0)),
    }
    return twins[type(dist)]()


def _offset(dist) -> float:
    """How far the formula shifts and stretches x before the float32 arithmetic (|loc| + scale,
    or the Uniform's bounds); 0 where x only gets multiplied (rate, Beta)."""
    if isinstance(dist, Uniform):
        return max(abs(float(dist.low)), abs(float(dist.high)))
    if hasattr(dist, "loc"):
        return abs(float(dist.loc)) + float(dist.scale)
    return 0.0


def _whole_line_cases():
    cases = []
    for name, family in d1.FAMILIES.items():
        for pick in ("default", "low", "high"):
            params = {p.name: getattr(p, pick) for p in family.params}
            if name == "Uniform" and pick != "default":
                params = {"low": family.params[0].low, "high": family.params[1].high}
            cases.append(pytest.param(name, params, id=f"{name}-{pick}"))
    cases.append(pytest.param("Gumbel", {"loc": 0.5, "scale": 2.0}, id="Gumbel-0.5-2"))
    return cases


def _sweep(dist, ref) -> np.ndarray:
    """Sorted float32 points: +-inf, +-1e30 and other far points (the issue's among them),
    +-the smallest normal and subnormal float32, 0, quantiles, and each finite edge of the
    support with its two float32 neighbours."""
    far = [1e30, 1e6, 1000.0, 100.0, 16.27, 15.4, 4.47, 1.0, 0.5, 1e-30, 2.0**-126, 2.0**-149]
    xs = [math.inf, -math.inf, 0.0, *far, *(-v for v in far)]
    xs += [d1.quantile(dist, q) for q in (1e-6, 0.01, 0.25, 0.5, 0.75, 0.99, 1 - 1e-6)]
    for edge in ref.support():
        if math.isfinite(edge):
            e = np.float32(edge)
            xs += [edge, np.nextafter(e, np.float32(-np.inf)), np.nextafter(e, np.float32(np.inf))]
    return np.unique(np.array(xs, dtype=np.float32))


def _within_rounding(ours, f, x, delta, rel, abs_):
    """ours lies within [min f, max f] over {x - delta, x, x + delta}, widened by rel
    (relative) and abs_ (absolute): the exact value at an input moved by the float32 rounding
    of the formula's arithmetic, itself rounded."""
    with np.errstate(all="ignore"):
        values = np.stack([f(x - delta), f(x), f(x + delta)])
    low, high = values.min(axis=0), values.max(axis=0)
    return (ours >= low * (1 - rel) - abs_) & (ours <= high * (1 + rel) + abs_)


@pytest.mark.parametrize(("name", "params"), _whole_line_cases())
def test_pdf_cdf_and_log_prob_hold_on_the_whole_line(name, params):
    """No exception and no nan anywhere: pdf >= 0, log_prob = log pdf, the cdf finite, in
    [0, 1] and non-decreasing; 0 density outside the support and at +-inf, where the cdf is
    0 below and 1 above; and agreement with scipy.stats within the float32 rounding error.

    Tolerances. The formulas shift, scale, log or multiply x in float32, each step rounding by
    at most eps32 relative: the result is the exact value at an x moved by at most
    delta = 4 eps32 (|x| + offset) (1 + |ln|x||) (the log term for ln x in LogNormal), then
    rounded again. The cdf: 4 eps32 relative, plus 4 eps32 absolute for the cancellation in
    (1 + erf)/2 and 1 - exp(-z). The pdf is exp of a float32 sum of terms as large as
    |log p| + LOG_NORMALISER, so 4 eps32 (1 + |log p| + LOG_NORMALISER) relative, plus 2^-149
    for underflow. Gumbel's relative accuracy deep in the left tail is checked below.
    """
    dist = d1.univariate(name, params)
    ref = _scipy_twin(dist)
    x32 = _sweep(dist, ref)
    x = x32.astype(np.float64)
    xt = torch.from_numpy(x32)
    pdf = d1.pdf(dist, xt).double().numpy()
    cdf = d1.cdf(dist, xt).double().numpy()
    log_p = d1.log_prob(dist, xt).double().numpy()

    assert not (np.isnan(pdf).any() or np.isnan(cdf).any() or np.isnan(log_p).any())
    assert (pdf >= 0).all()
    np.testing.assert_array_equal(pdf, torch.from_numpy(log_p).float().exp().double().numpy())
    assert np.isfinite(cdf).all() and ((cdf >= 0) & (cdf <= 1)).all()
    assert (np.diff(cdf) >= 0).all(), "the cdf must not decrease"

    low, high = ref.support()
    outside = (x < low) | (x > high) | np.isinf(x)
    assert (pdf[outside] == 0).all() and (log_p[outside] == -np.inf).all()
    np.testing.assert_array_equal(cdf[outside], (x[outside] > low).astype(np.float64))

    finite = np.isfinite(x)
    xf = x[finite]
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = 4 * EPS32 * (np.abs(xf) + _offset(dist)) * (1 + np.abs(np.log(np.abs(xf))))
    delta = np.where(np.isfinite(delta), delta, 0.0)  # x = 0: ln|x| = -inf, but 0 * x = 0
    ok = _within_rounding(cdf[finite], ref.cdf, xf, delta, 4 * EPS32, 4 * EPS32)
    assert ok.all(), f"cdf off at x = {xf[~ok]}: {cdf[finite][~ok]} vs {ref.cdf(xf[~ok])}"
    with np.errstate(all="ignore"):
        rel = 4 * EPS32 * (1 + np.abs(ref.logpdf(xf)) + LOG_NORMALISER)
    rel = np.where(np.isfinite(rel), rel, 0.0)  # at a pole or a zero of the density
    ok = _within_rounding(pdf[finite], ref.pdf, xf, delta, rel, SUBNORMAL32)
    assert ok.all(), f"pdf off at x = {xf[~ok]}: {pdf[finite][~ok]} vs {ref.pdf(xf[~ok])}"


@pytest.mark.parametrize("name", list(d1.FAMILIES))
def test_pdf_cdf_and_log_prob_of_nan_are_nan_as_in_scipy(name):
    dist = d1.univariate(name)
    x = torch.tensor([math.nan, float(d1.median(dist))])
    for f in (d1.pdf, d1.cdf, d1.log_prob):
        y = f(dist, x)
        assert math.isnan(y[0]) and math.isfinite(y[1]), f.__name__


@pytest.mark.parametrize(("loc", "scale"), [(0.0, 1.0), (0.5, 2.0)])
def test_gumbel_cdf_keeps_its_relative_accuracy_far_into_both_tails(loc, scale):
    """torch's Gumbel cdf maps x back to a uniform and raised ValueError wherever that rounds
    below the smallest normal float32 or to 1 (x <= -4.47 or x >= 16.27 for Gumbel(0, 1)).

    exp(-exp(-z)) in float32: z = (x - loc) / scale rounds twice (|dz| <= 2 |z| eps32), each
    exp once, so to first order |d ln F| <= (1 + (1 + 2 |z|) e^-z) eps32; the bound below is
    twice that, relative, plus 2^-149 absolute where F is a subnormal float32.
    """
    dist = d1.univariate("Gumbel", {"loc": loc, "scale": scale})
    issue = [-15.4, -4.47, 16.27, 1000.0, -math.inf, math.inf]
    x32 = np.concatenate([loc + scale * np.linspace(-4.6, 20.0, 800), issue]).astype(np.float32)
    x = x32.astype(np.float64)
    ours = d1.cdf(dist, torch.from_numpy(x32)).double().numpy()
    ref = scipy.stats.gumbel_r(loc, scale).cdf(x)
    with np.errstate(over="ignore", invalid="ignore"):
        z = (x - loc) / scale
        bound = 2 * (1 + (1 + 2 * np.abs(z)) * np.exp(-z)) * EPS32 * ref + SUBNORMAL32
    bound = np.where(np.isnan(bound), SUBNORMAL32, bound)  # x = -inf: F = 0 exactly
    assert (np.abs(ours - ref) <= bound).all()
    if (loc, scale) == (0.0, 1.0):
        # -4.47 rounds to float32 by 4.47 eps32, which moves ln F by e^4.47 as much: the bound
        rel = 2 * (1 + (1 + 2 * 4.47) * math.exp(4.47)) * EPS32
        assert float(d1.cdf(dist, -4.47)) == pytest.approx(math.exp(-math.exp(4.47)), rel=rel)
        assert float(d1.cdf(dist, -4.47)) > 1e-38
        assert float(d1.cdf(dist, 16.27)) == np.float32(1 - 8.6e-8)


# --- the view of the page ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(d1.FAMILIES))
def test_the_1d_view_is_its_pieces_from_one_seeded_draw(name):
    view = d1.univariate_view(name, None, 400, torch.Generator().manual_seed(5), 60)
    dist = d1.univariate(name)
    xs = d1.grid(dist, 60)
    x = d1.samples(dist, 400, torch.Generator().manual_seed(5))
    edges, density = d1.histogram(x, *d1.plot_range(dist))
    assert torch.equal(view.histogram.grid, xs)
    assert torch.equal(view.histogram.edges, edges)
    assert torch.equal(view.histogram.density, density)
    assert torch.equal(view.histogram.pdf, d1.pdf(dist, xs))
    assert torch.equal(view.cdf, d1.cdf(dist, xs))
    assert view.y_top == d1.pdf_axis_top(d1.pdf(dist, xs))
    expected = d1.summary(dist)
    assert view.summary.keys() == expected.keys()
    for key, value in expected.items():
        assert view.summary[key] == value or (math.isnan(value) and math.isnan(view.summary[key]))
