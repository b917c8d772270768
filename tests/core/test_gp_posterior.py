"""GP regression against independent references: scikit-learn's GaussianProcessRegressor with
a fixed kernel (test-only), the dense normal log density of scipy, finite differences, and
d2l.ai §18.3's published fit."""

import math

import numpy as np
import pytest
import torch
from scipy import optimize, stats
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process import kernels as sk

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.errors import InputError
from core.kernels import (
    RBF,
    Linear,
    Matern32,
    Matern52,
    OrnsteinUhlenbeck,
    Periodic,
    RationalQuadratic,
)
from tests import tolerances as tol

D = torch.float64


def _data(n: int = 12, seed: int = 0):
    gen = torch.Generator().manual_seed(seed)
    x = torch.rand(n, generator=gen, dtype=D) * 5
    y = torch.sin(x) + 0.5 * torch.sin(4 * x) + 0.25 * torch.randn(n, generator=gen, dtype=D)
    return x, y


X_TEST = torch.linspace(-1, 6, 40, dtype=D)


def _c(a: float) -> sk.ConstantKernel:
    return sk.ConstantKernel(a**2, "fixed")


# Our kernels and the same covariance in scikit-learn's kernel algebra.
PAIRS = {
    "RBF": (RBF(1.3, 0.7), _c(1.3) * sk.RBF(0.7, "fixed")),
    "Matern32": (Matern32(0.8, 1.1), _c(0.8) * sk.Matern(1.1, "fixed", nu=1.5)),
    "Matern52": (Matern52(1.2, 0.6), _c(1.2) * sk.Matern(0.6, "fixed", nu=2.5)),
    "OrnsteinUhlenbeck": (
        OrnsteinUhlenbeck(0.9, 1.5),
        _c(0.9) * sk.Matern(1.5, "fixed", nu=0.5),
    ),
    "Periodic": (
        Periodic(1.1, 0.9, 2.0),
        _c(1.1) * sk.ExpSineSquared(0.9, 2.0, "fixed", "fixed"),
    ),
    "RationalQuadratic": (
        RationalQuadratic(1.0, 0.8, 2.5),
        _c(1.0) * sk.RationalQuadratic(0.8, 2.5, "fixed", "fixed"),
    ),
    "Linear": (Linear(0.7), _c(0.7) * sk.DotProduct(1.0, "fixed")),
    "sum": (
        RBF(1.0, 0.5) + Periodic(0.5, 1.2, 1.5),
        _c(1.0) * sk.RBF(0.5, "fixed") + _c(0.5) * sk.ExpSineSquared(1.2, 1.5, "fixed", "fixed"),
    ),
    "product": (
        RBF(1.2, 2.0) * Periodic(1.0, 1.0, 1.0),
        _c(1.2) * sk.RBF(2.0, "fixed") * sk.ExpSineSquared(1.0, 1.0, "fixed", "fixed"),
    ),
    "scaled": (
        2.5 * Matern52(1.0, 0.9),
        sk.ConstantKernel(2.5, "fixed") * sk.Matern(0.9, "fixed", nu=2.5),
    ),
}


# Roundings of a kernel formula (ours or scikit-learn's): up to 3 libm calls, 20 operations.
KERNEL_OPS = 3 * tol.LIBM_ULPS + 20


def _posterior_tol(kernel, x, noise, x_test):
    """Normwise first-order bounds on the posterior mean and covariance computed by two
    implementations (ours, scikit-learn's): each writes k its own way (entries apart by
    e = tol.formula_tol) and solves with K + noise I by Cholesky (backward error
    3 n eps ||A||, Higham Thm 10.4); with noise the matrix is well conditioned, so
    ||d A^-1 b|| <= ||A^-1|| ||dA|| ||A^-1 b|| (Higham Thm 7.2) is a usable bound.
    Returns (mean bound as a function of y, covariance bound)."""
    n = len(x)
    A = kernel(x) + noise * torch.eye(n, dtype=D)
    K_s = kernel(x, x_test)
    inv = 1 / float(torch.linalg.eigvalsh(A)[0])  # ||A^-1||_2
    e_A = tol.formula_tol(kernel, x, ops=KERNEL_OPS)
    e_s = tol.formula_tol(kernel, x, x_test, ops=KERNEL_OPS)
    e_ss = tol.formula_tol(kernel, x_test, ops=KERNEL_OPS)
    dA = n * e_A + 6 * n * tol.EPS64 * float(torch.linalg.matrix_norm(A, 2))  # ||dA||_2
    ks = float(torch.linalg.matrix_norm(K_s, 2))
    ds = math.sqrt(n * len(x_test)) * e_s  # ||dK_s||_2 <= ||dK_s||_F

    def mean_tol(y):
        alpha = torch.linalg.solve(A, y)
        d_alpha = inv * dA * float(alpha.norm())
        return (
            ks * d_alpha
            + ds * float(alpha.norm())
            + tol.sum_tol(float((K_s.abs().T @ alpha.abs()).max()), n)
        )

    cov = e_ss + 2 * ks * inv * ds + ks**2 * inv**2 * dA + tol.sum_tol(ks**2 * inv, 2 * n)
    return mean_tol, cov


def _at_the_data_tol(kernel, x, y, jitter):
    """``(expected mean, its tolerance, bound on |cov(x_i, x_i)|)`` for a noise-free posterior
    at its own inputs: exactly ``y - jitter alpha`` and ``jitter K (K + jitter I)^-1 <= jitter``,
    plus rounding, measured by tol.sensitivity_tol with K (as K_s and K_ss) moved by its formula's
    rounding (KERNEL_OPS eps) and K + jitter I by its Cholesky's backward error. A normwise
    bound would be ~1e-3 here: K's near-null direction is amplified by 1 / jitter, but K
    itself multiplies it away."""
    K = kernel(x)
    A = K + jitter * torch.eye(len(x), dtype=D)
    formula, rounding = KERNEL_OPS * tol.EPS64 * K.abs(), tol.cholesky_rounding(A)

    def at_the_data(jiggle):
        L = torch.linalg.cholesky(jiggle(A, rounding))
        K_s = jiggle(K, formula)
        V = torch.linalg.solve_triangular(L, K_s, upper=False)
        mean = K_s.T @ torch.cholesky_solve(y[:, None], L)[:, 0]
        return {"mean": mean, "var": jiggle(K, formula).diagonal() - (V * V).sum(0)}

    tols = tol.sensitivity_tol(at_the_data)
    alpha = torch.linalg.solve(A, y)
    alpha_tol = jitter * tol.spd_solve_tol(A, alpha)
    return y - jitter * alpha, tols["mean"] + alpha_tol, jitter + tols["var"]


def _sklearn(kernel, x, y, noise):
    return GaussianProcessRegressor(kernel=kernel, alpha=noise, optimizer=None).fit(
        x.numpy()[:, None], y.numpy()
    )


@pytest.mark.parametrize("name", list(PAIRS))
def test_posterior_mean_and_covariance_match_scikit_learn(name):
    ours, theirs = PAIRS[name]
    x, y = _data()
    mean, cov = gpp.posterior(ours, x, y, 0.05, X_TEST)
    ref_mean, ref_cov = _sklearn(theirs, x, y, 0.05).predict(
        X_TEST.numpy()[:, None], return_cov=True
    )
    mean_tol, cov_tol = _posterior_tol(ours, x, 0.05, X_TEST)
    np.testing.assert_allclose(mean.numpy(), ref_mean, rtol=0, atol=mean_tol(y))
    np.testing.assert_allclose(cov.numpy(), ref_cov, rtol=0, atol=cov_tol)
    assert mean.dtype == cov.dtype == D


@pytest.mark.parametrize("name", list(PAIRS))
def test_log_marginal_likelihood_matches_scikit_learn_and_the_dense_formula(name):
    ours, theirs = PAIRS[name]
    x, y = _data(15, seed=1)
    lml = gpp.log_marginal_likelihood(ours, x, y, 0.1)
    assert lml.dtype == D and lml.ndim == 0
    # log N(y; 0, K + 0.1 I) along two paths, K written two ways (tol.gaussian_lml_tol)
    A = ours(x) + 0.1 * torch.eye(len(x), dtype=D)
    bound = tol.gaussian_lml_tol(A, y, tol.formula_tol(ours, x, ops=KERNEL_OPS))
    assert float(lml) == pytest.approx(
        _sklearn(theirs, x, y, 0.1).log_marginal_likelihood_value_, rel=0, abs=bound
    )
    # scipy: an eigendecomposition (pseudo-inverse and log-determinant) of the same matrix
    dense = stats.multivariate_normal(np.zeros(len(x)), ours(x).numpy() + 0.1 * np.eye(len(x)))
    assert float(lml) == pytest.approx(dense.logpdf(y.numpy()), rel=0, abs=bound)


def test_the_three_terms_are_data_fit_complexity_and_constant():
    x, y = _data(20)
    kernel, noise = RBF(1.0, 0.6), 0.07
    terms = gpp.lml_terms(kernel, x, y, noise)
    K = kernel(x).numpy() + noise * np.eye(20)
    yn = y.numpy()
    # numpy's LU solve and slogdet of the same matrix: each term is within the first-order
    # bound of the whole log-likelihood (tol.gaussian_lml_tol)
    bound = tol.gaussian_lml_tol(torch.from_numpy(K), y)
    assert terms.data_fit == pytest.approx(-0.5 * yn @ np.linalg.solve(K, yn), rel=0, abs=bound)
    assert terms.complexity == pytest.approx(-0.5 * np.linalg.slogdet(K)[1], rel=0, abs=bound)
    # -n/2 log(2 pi) both ways: a libm call and 2 roundings
    constant = -10 * math.log(2 * math.pi)
    assert terms.constant == pytest.approx(constant, rel=0, abs=tol.rounding_tol(abs(constant), 6))
    # the same three terms, summed (in another order): 2 roundings of numbers this size
    size = abs(terms.data_fit) + abs(terms.complexity) + abs(terms.constant)
    total = float(gpp.log_marginal_likelihood(kernel, x, y, noise))
    assert terms.total == pytest.approx(total, rel=0, abs=tol.rounding_tol(size, 2))
    assert terms.jitter == 0.0


def test_no_observations_give_the_prior_and_a_likelihood_of_one():
    kernel = Matern32(1.5, 0.8)
    mean, cov = gpp.posterior(kernel, [], [], 0.1, X_TEST)
    assert torch.equal(mean, torch.zeros(40, dtype=D))
    torch.testing.assert_close(cov, kernel(X_TEST), rtol=0, atol=0)  # the prior: k itself
    assert float(gpp.log_marginal_likelihood(kernel, [], [], 0.1)) == 0.0
    assert gpp.influence(kernel, [], 0.1, X_TEST).shape == (40, 0)
    f, _ = gpp.sample_posterior(kernel, [], [], 0.1, X_TEST, 3, torch.Generator().manual_seed(0))
    assert f.shape == (3, 40)


def test_noise_free_posterior_interpolates_the_observations():
    x, y = _data(8)
    mean, cov = gpp.posterior(RBF(1.0, 0.5), x, y, 0.0, x)
    expected, mean_tol, var_tol = _at_the_data_tol(RBF(1.0, 0.5), x, y, 0.0)
    torch.testing.assert_close(mean, expected, rtol=0, atol=mean_tol)
    assert float(cov.diagonal().abs().max()) <= var_tol


def test_repeated_inputs_with_noise_match_scikit_learn():
    x = torch.tensor([0.0, 1.0, 1.0, 2.0, 2.0, 2.0], dtype=D)
    y = torch.tensor([0.1, 0.5, 0.7, -0.2, 0.0, 0.1], dtype=D)
    mean, cov = gpp.posterior(RBF(1.0, 0.8), x, y, 0.2, X_TEST)
    ref = _sklearn(_c(1.0) * sk.RBF(0.8, "fixed"), x, y, 0.2)
    ref_mean, ref_cov = ref.predict(X_TEST.numpy()[:, None], return_cov=True)
    mean_tol, cov_tol = _posterior_tol(RBF(1.0, 0.8), x, 0.2, X_TEST)
    np.testing.assert_allclose(mean.numpy(), ref_mean, rtol=0, atol=mean_tol(y))
    np.testing.assert_allclose(cov.numpy(), ref_cov, rtol=0, atol=cov_tol)


def test_noise_free_repeated_inputs_that_agree_need_and_report_a_jitter():
    x = torch.tensor([0.0, 1.0, 1.0, 2.0], dtype=D)
    y = torch.tensor([0.3, -0.5, -0.5, 0.8], dtype=D)
    result = gpp.posterior_with_jitter(RBF(), x, y, 0.0, x)
    assert result.jitter > 0
    expected, mean_tol, _ = _at_the_data_tol(RBF(), x, y, result.jitter)
    torch.testing.assert_close(result.mean, expected, rtol=0, atol=mean_tol)
    terms = gpp.lml_terms(RBF(), x, y, 0.0)
    assert terms.jitter > 0 and math.isfinite(terms.total)


def test_noise_free_repeated_inputs_that_disagree_are_explained():
    x = torch.tensor([0.0, 1.0, 1.0], dtype=D)
    y = torch.tensor([0.3, -0.5, 0.2], dtype=D)
    with pytest.raises(InputError, match="same x = 1 disagree") as error:
        gpp.posterior(RBF(), x, y, 0.0, X_TEST)
    assert error.value.code == "gpp_contradiction"
    with pytest.raises(InputError):
        gpp.log_marginal_likelihood(RBF(), x, y, 0.0)
    mean, _ = gpp.posterior(RBF(), x, y, 1e-3, X_TEST)  # any noise makes them possible
    assert torch.isfinite(mean).all()


def test_influence_weights_make_up_the_posterior_mean():
    x, y = _data(10)
    kernel = RBF(1.0, 0.4) + Linear(0.3)
    w = gpp.influence(kernel, x, 0.05, X_TEST)
    mean, _ = gpp.posterior(kernel, x, y, 0.05, X_TEST)
    # K_s^T (A^-1 y) against (A^-1 K_s)^T y from one factor: the solves' normwise bound
    torch.testing.assert_close(
        w @ y, mean, rtol=0, atol=_posterior_tol(kernel, x, 0.05, X_TEST)[0](y)
    )


def test_posterior_samples_have_the_posterior_mean_and_covariance():
    x, y = _data(6)
    kernel, xs = RBF(1.0, 0.7), torch.tensor([-0.5, 0.7, 2.2, 4.9], dtype=D)
    n = 40_000
    f, _ = gpp.sample_posterior(kernel, x, y, 0.05, xs, n, torch.Generator().manual_seed(3))
    mean, cov = gpp.posterior(kernel, x, y, 0.05, xs)
    se = (cov.diagonal() / n).sqrt()
    assert bool(((f.mean(0) - mean).abs() < 5 * se).all())
    # the sample covariance: standard error of a covariance entry <= sqrt(2/n) * sd_i * sd_j
    sd = cov.diagonal().sqrt()
    tol = 5 * math.sqrt(2 / n) * sd[:, None] * sd[None, :]
    assert bool(((torch.cov(f.T) - cov).abs() < tol).all())
    again, _ = gpp.sample_posterior(kernel, x, y, 0.05, xs, n, torch.Generator().manual_seed(3))
    assert torch.equal(f, again)


def test_the_likelihood_surface_is_the_likelihood_at_each_grid_point():
    x, y = _data(25)
    kernel = RBF(0.9, 1.0) + Periodic(0.4, 1.0, 2.0)
    values, noises = [0.1, 0.5, 2.0], [1e-4, 0.05, 1.0, 3.0]
    z = gpp.lml_surface(kernel, x, y, "k1.lengthscale", values, noises)
    assert z.shape == (3, 4)
    for i, v in enumerate(values):
        k = gpp.with_hyperparameters(kernel, {"k1.lengthscale": v})
        for j, s2 in enumerate(noises):
            # the same log-likelihood along two code paths (tol.gaussian_lml_tol)
            bound = tol.gaussian_lml_tol(k(x) + s2 * torch.eye(len(x), dtype=D), y)
            assert float(z[i, j]) == pytest.approx(
                float(gpp.log_marginal_likelihood(k, x, y, s2)), rel=0, abs=bound
            )


def test_hyperparameters_are_named_by_path_and_replaced_in_a_copy():
    kernel = RBF(1.0, 0.5) + 2.0 * Periodic(0.5, 1.2, 1.5)
    assert gpp.hyperparameters(kernel) == {
        "k1.amplitude": 1.0,
        "k1.lengthscale": 0.5,
        "k2.scale": 2.0,
        "k2.kernel.amplitude": 0.5,
        "k2.kernel.lengthscale": 1.2,
        "k2.kernel.period": 1.5,
    }
    changed = gpp.with_hyperparameters(kernel, {"k2.kernel.period": 3.0, "k1.lengthscale": 0.2})
    assert gpp.hyperparameters(changed)["k2.kernel.period"] == 3.0
    assert gpp.hyperparameters(kernel)["k2.kernel.period"] == 1.5  # the original is untouched
    expected = RBF(1.0, 0.2) + 2.0 * Periodic(0.5, 1.2, 3.0)
    assert changed == expected  # kernels are values: the copy equals the one built so
    torch.testing.assert_close(changed(X_TEST), expected(X_TEST))
    linear = gpp.with_hyperparameters(Linear(1.0), {"alpha": 0.5})
    assert linear == Linear(0.5)
    torch.testing.assert_close(linear(X_TEST), Linear(0.5)(X_TEST))
    with pytest.raises(InputError, match="Unknown hyperparameter"):
        gpp.with_hyperparameters(kernel, {"lengthscale": 1.0})
    with pytest.raises(InputError):
        gpp.with_hyperparameters(RBF(), {"lengthscale": -1.0})


def test_a_sum_or_product_is_made_of_its_two_kernels_and_any_other_kernel_of_itself():
    k1, k2 = RBF(1.0, 0.5), Periodic(0.5, 1.2, 1.5)
    assert gpp.components(k1 + k2) == [("k1.", k1), ("k2.", k2)]
    assert gpp.components(k1 * k2) == [("k1.", k1), ("k2.", k2)]
    assert gpp.components(k1) == [("", k1)]
    # the prefixes are those of the hyperparameters' paths
    paths = [prefix + p for prefix, k in gpp.components(k1 + k2) for p in k.parameters]
    assert paths == list(gpp.hyperparameters(k1 + k2))


def test_autograd_gradient_of_the_likelihood_matches_finite_differences():
    x, y = _data(15)
    log_l = torch.tensor(math.log(0.6), dtype=D, requires_grad=True)
    noise = torch.tensor(0.1, dtype=D, requires_grad=True)
    kernel = gpp.with_hyperparameters(Matern52(1.0, 1.0), {"lengthscale": log_l.exp()})
    lml = gpp.log_marginal_likelihood(kernel, x, y, noise)
    grad_l, grad_noise = torch.autograd.grad(lml, (log_l, noise))

    def at(log_value: float, s2: float = 0.1) -> float:
        return float(gpp.log_marginal_likelihood(Matern52(1.0, math.exp(log_value)), x, y, s2))

    h, base = 1e-5, math.log(0.6)
    # tol.central_difference_tol: the log-likelihood's own rounding (tol.gaussian_lml_tol,
    # in units of eps) and its third derivatives, by autograd
    third_l, third_noise = _third_derivatives(x, y, base, 0.1)
    f_scale = tol.gaussian_lml_tol(Matern52(1.0, 0.6)(x) + 0.1 * torch.eye(15, dtype=D), y)
    f_scale /= tol.EPS64
    numeric = (at(base + h) - at(base - h)) / (2 * h)
    bound = tol.central_difference_tol(h, f_scale, third_l)
    assert float(grad_l) == pytest.approx(numeric, rel=0, abs=bound)
    numeric = (at(base, 0.1 + h) - at(base, 0.1 - h)) / (2 * h)
    bound = tol.central_difference_tol(h, f_scale, third_noise)
    assert float(grad_noise) == pytest.approx(numeric, rel=0, abs=bound)


def _third_derivatives(x, y, log_l: float, noise: float) -> tuple[float, float]:
    """|d^3 lml / d log_l^3| and |d^3 lml / d noise^3|, by autograd through the Cholesky."""
    out = []
    for which in (0, 1):
        p = torch.tensor([log_l, noise], dtype=D, requires_grad=True)
        kernel = gpp.with_hyperparameters(Matern52(1.0, 1.0), {"lengthscale": p[0].exp()})
        d = gpp.log_marginal_likelihood(kernel, x, y, p[1])
        for _ in range(3):
            (d,) = torch.autograd.grad(d, p, create_graph=True)
            d = d[which]
        out.append(abs(float(d.detach())))
    return out[0], out[1]


def _d2l_data():
    return obs.dataset("d2l", torch.Generator().manual_seed(views.DATA_SEED))


def _optimum_tol(lml, ends, gradients) -> tuple[float, float]:
    """(parameters, LML): how far apart two points that each nearly maximise one LML may be,
    from the gradient g each optimiser stopped at (its own stopping rule, measured) and the
    LML's curvature. Where -LML is mu-strongly convex (its Hessian's eigenvalues >= mu),
    |theta - theta'| <= |g - g'| / mu <= (|g| + |g'|) / mu, and each point is at most
    |g|^2 / (2 mu) below the maximum. mu: half the smaller of the Hessians' least eigenvalues
    at the two ends (autograd of ``lml``), a floor for it on the short segment between them."""
    hessians = [torch.autograd.functional.hessian(lambda p: -lml(p), end) for end in ends]
    mu = min(float(torch.linalg.eigvalsh(h)[0]) for h in hessians) / 2
    norms = [float(g.norm()) for g in gradients]
    return sum(norms) / mu, sum(n**2 for n in norms) / (2 * mu)


def _gradient(lml, at: torch.Tensor) -> torch.Tensor:
    p = at.clone().requires_grad_(True)
    (g,) = torch.autograd.grad(lml(p), p)
    return g


def test_fit_on_d2l_data_reproduces_d2ls_reference_and_scipys_optimum():
    ref = views.d2l_reference()  # a = 1 fixed, l and sigma learned from d2l's start

    # reference: scipy's L-BFGS-B on the same likelihood, written with scikit-learn's kernel
    x, y = _d2l_data()

    def negative(p):
        kernel = sk.RBF(p[0], "fixed")
        return -_sklearn(kernel, x, y, p[1] ** 2).log_marginal_likelihood_value_

    best = optimize.minimize(negative, [0.4, 0.5], bounds=((0.01, 10.0), (0.01, 10.0)))
    assert best.success

    # Neither optimiser reaches the optimum exactly: Adam runs a fixed 150 steps, L-BFGS-B
    # stops at a small (finite-difference) gradient. Each one's gradient at its end, in
    # (l, sigma) with noise sigma^2 -- core's by autograd at Adam's, scikit-learn's own at
    # scipy's -- and the LML's curvature bound the distance between them (_optimum_tol).
    def lml(p):
        kernel = gpp.with_hyperparameters(RBF(1.0, 1.0), {"lengthscale": p[0]})
        return gpp.log_marginal_likelihood(kernel, x, y, p[1] ** 2)

    adam = torch.tensor([ref.ls, ref.sigma], dtype=D)
    scipy_end = torch.tensor(best.x, dtype=D)
    fitted = GaussianProcessRegressor(
        kernel=sk.RBF(best.x[0]) + sk.WhiteKernel(best.x[1] ** 2), alpha=0.0, optimizer=None
    ).fit(x.numpy()[:, None], y.numpy())
    _, g = fitted.log_marginal_likelihood(fitted.kernel_.theta, eval_gradient=True)
    # scikit-learn differentiates in (log l, log sigma^2): d/dl = (d/dlog l) / l and so on
    theirs = torch.tensor([g[0] / best.x[0], 2 * g[1] / best.x[1]], dtype=D)
    distance, gap = _optimum_tol(lml, [adam, scipy_end], [_gradient(lml, adam), theirs])
    assert ref.ls == pytest.approx(best.x[0], rel=0, abs=distance)
    assert ref.sigma == pytest.approx(best.x[1], rel=0, abs=distance)
    # the two LMLs are also two implementations: their rounding (tol.gaussian_lml_tol)
    A = RBF(1.0, best.x[0])(x) + best.x[1] ** 2 * torch.eye(len(x), dtype=D)
    assert ref.lml == pytest.approx(-best.fun, rel=0, abs=gap + tol.gaussian_lml_tol(A, y))
    # d2l reports ls = 0.299 for its kernel exp(-r^2 / (2 ls)), i.e. l = sqrt(0.299) = 0.547,
    # and sigma = 0.24, on its own (unseeded) draw of the same data set.
    assert ref.ls == pytest.approx(math.sqrt(views.D2L_REPORTED["ls"]), abs=0.05)
    assert ref.sigma == pytest.approx(views.D2L_REPORTED["sigma"], abs=0.03)


def test_fit_keeps_fixed_hyperparameters_and_never_ends_below_its_start():
    x, y = _data(15)
    result = gpp.fit(RBF(1.3, 0.4), x, y, 0.5, steps=60, fixed=("amplitude",))
    assert result.params["amplitude"] == 1.3 and result.learned == ("lengthscale", "noise")
    assert result.lml >= max(result.history) >= result.initial_lml == result.history[0]
    assert len(result.history) == 60


def test_fit_of_every_hyperparameter_reaches_scikit_learns_optimum():
    x, y = _d2l_data()
    result = gpp.fit(RBF(1.0, 1.0), x, y, 0.0625, steps=150, lr=0.1)
    kernel = sk.ConstantKernel(1.0) * sk.RBF(1.0) + sk.WhiteKernel(0.0625)
    ref = GaussianProcessRegressor(kernel=kernel, alpha=1e-12).fit(x.numpy()[:, None], y.numpy())
    params = ref.kernel_.get_params()

    # Adam's fixed 150 steps and scikit-learn's L-BFGS-B each stop short of the optimum: their
    # gradients there (core's by autograd, scikit-learn's own) and the curvature bound how far
    # apart they are (_optimum_tol), in scikit-learn's theta = log(a^2, l, noise).
    def lml(theta):
        a, ell = torch.exp(theta[0] / 2), torch.exp(theta[1])
        kernel = gpp.with_hyperparameters(RBF(1.0, 1.0), {"amplitude": a, "lengthscale": ell})
        return gpp.log_marginal_likelihood(kernel, x, y, torch.exp(theta[2]))

    found = [result.params["amplitude"] ** 2, result.params["lengthscale"], result.noise]
    ours = torch.log(torch.tensor(found, dtype=D))
    theirs = torch.tensor(ref.kernel_.theta, dtype=D)
    _, g = ref.log_marginal_likelihood(ref.kernel_.theta, eval_gradient=True)
    distance, gap = _optimum_tol(lml, [ours, theirs], [_gradient(lml, ours), torch.tensor(g)])
    # scikit-learn's alpha = 1e-12 adds to its noise: its optimum moves by about log(1 +
    # 1e-12 / noise) in log-noise, and the LML by |d lml / d noise| 1e-12 <= (|alpha|^2 +
    # tr A^-1) 1e-12 / 2
    noise = params["k2__noise_level"]
    distance += math.log1p(1e-12 / noise)
    amplitude, ell = math.sqrt(params["k1__k1__constant_value"]), params["k1__k2__length_scale"]
    A = RBF(amplitude, ell)(x) + noise * torch.eye(len(x), dtype=D)  # at scikit-learn's end
    alpha = torch.linalg.solve(A, y)
    nudge = 0.5e-12 * float(alpha @ alpha + torch.linalg.inv(A).trace())
    lml_tol = gap + nudge + tol.gaussian_lml_tol(A, y)
    assert result.lml == pytest.approx(ref.log_marginal_likelihood_value_, rel=0, abs=lml_tol)
    # a distance d in log(a^2, l, noise) is a relative error of at most e^d - 1
    rel = math.expm1(distance)
    assert result.params["amplitude"] ** 2 == pytest.approx(
        params["k1__k1__constant_value"], rel=rel, abs=0
    )
    assert result.params["lengthscale"] == pytest.approx(
        params["k1__k2__length_scale"], rel=rel, abs=0
    )
    assert result.noise == pytest.approx(noise, rel=rel, abs=0)
    assert float(gpp.log_marginal_likelihood(result.kernel, x, y, result.noise)) == pytest.approx(
        result.lml,
        rel=0,
        abs=tol.gaussian_lml_tol(result.kernel(x) + result.noise * torch.eye(len(x), dtype=D), y),
    )


def test_fit_respects_bounds_reports_progress_and_explains_bad_requests():
    x, y = _data(10)
    seen = []
    result = gpp.fit(
        RBF(1.0, 1.0),
        x,
        y,
        0.1,
        steps=40,
        bounds={"lengthscale": (0.8, 1.2), "noise": (0.2, 0.3)},
        callback=lambda step, lml: seen.append((step, lml)),
    )
    # clamped in log space: exp(log(bound)) is within 2 roundings of the bound
    slack = tol.rounding_tol(1.2, 2)
    assert 0.8 - slack <= result.params["lengthscale"] <= 1.2 + slack
    assert 0.2 - slack <= result.noise <= 0.3 + slack
    assert [s for s, _ in seen] == list(range(1, 41))
    assert [v for _, v in seen] == list(result.history)
    for bad, code in [
        ({"x": [], "y": []}, "gpp_fit_empty"),
        ({"fixed": ("period",)}, "gpp_unknown_param"),
        ({"fixed": ("amplitude", "lengthscale", "noise")}, "gpp_fit_nothing"),
        ({"bounds": {"noise": (0.5, 0.1)}}, "gpp_bounds"),
    ]:
        args = {"x": x, "y": y, **bad}
        with pytest.raises(InputError) as error:
            gpp.fit(RBF(), args.pop("x"), args.pop("y"), 0.1, steps=5, **args)
        assert error.value.code == code


@pytest.mark.parametrize(
    ("call", "code"),
    [
        (lambda: gpp.posterior("rbf", [0.0], [1.0], 0.1, [0.5]), "gp_not_a_kernel"),
        (lambda: gpp.posterior(RBF(), [0.0, 1.0], [1.0], 0.1, [0.5]), "gpp_length_mismatch"),
        (lambda: gpp.posterior(RBF(), [0.0], [float("nan")], 0.1, [0.5]), "tensor_not_finite"),
        (lambda: gpp.posterior(RBF(), [0.0], [1.0], -0.1, [0.5]), "out_of_range"),
        (lambda: gpp.posterior(RBF(), [0.0], [1.0], float("inf"), [0.5]), "not_finite"),
        (lambda: gpp.posterior(RBF(), [[0.0, 1.0]], [1.0], 0.1, [0.5]), "gp_input_dims"),
        (
            lambda: gpp.lml_surface(RBF(), [0.0], [1.0], "lengthscale", [1.0], [0.0]),
            "gpp_surface_noise",
        ),
        (lambda: gpp.sample_posterior(RBF(), [0.0], [1.0], 0.1, [0.5], 0), "not_int_in_range"),
    ],
)
def test_bad_input_raises_input_error_with_a_code(call, code):
    with pytest.raises(InputError) as error:
        call()
    assert error.value.code == code


def test_views_give_the_band_around_the_mean_and_the_surfaces_best_point():
    kernel = RBF(1.0, 0.5)
    text = views.dataset_text("d2l")
    view = views.posterior_view(kernel, text, 0.06, 2, 0, "d2l")
    lower, upper = view.band
    # (m - 2 sd + m + 2 sd) / 2: 3 roundings of numbers up to |m| + 2 sd
    midpoint = tol.rounding_tol(float(torch.maximum(lower.abs(), upper.abs()).max()), 3)
    torch.testing.assert_close((lower + upper) / 2, view.mean, rtol=0, atol=midpoint)
    assert bool((upper >= lower).all()) and view.truth is not None
    surface = views.surface_view(kernel, text, "lengthscale", (0.05, 5.0), (1e-4, 4.0))
    assert surface.lml.shape == (views.SURFACE_POINTS, views.SURFACE_POINTS)
    assert surface.best[0] == pytest.approx(0.55, rel=0.2)


def test_nearly_duplicated_inputs_without_noise_are_blamed_on_rounding_not_the_matrix():
    """Issue 17: RBF(3, 5) at x = 1 and 1 + 1e-6 with no noise makes K + noise I numerically
    singular; sampling the posterior failed with "not positive semi-definite", false for a
    valid kernel. The error must name the pair, and its cure must work."""
    from ui.catalogs import gp_posterior as catalog

    kernel, x, y = RBF(3.0, 5.0), [1.0, 1.0 + 1e-6, 2.0], [0.0, 0.1, 0.3]
    grid = torch.linspace(-1, 6, 200, dtype=D)
    with pytest.raises(InputError) as error:
        gpp.sample_posterior(kernel, x, y, 0.0, grid, 3, torch.Generator().manual_seed(0))
    e = error.value
    assert e.code == "gpp_round_off"
    assert "not positive semi-definite" not in str(e)
    assert "Rounding errors" in str(e) and "x = 1 and x = 1.000001" in str(e)
    assert e.params["gap"] == "1e-06" and e.params["noise"] == "0"
    for language in (catalog.EN, catalog.ZH):
        assert language["error.gpp_round_off"].format(**e.params)
    suggested = float(e.params["suggest"])
    assert 0 < suggested <= 1e-6  # far below any noise the page's slider offers
    samples, jitter = gpp.sample_posterior(kernel, x, y, suggested, grid, 3)
    assert bool(torch.isfinite(samples).all()) and jitter < 1e-6
    # The same data with the noise the issue also tried work, and remain finite.
    samples, _ = gpp.sample_posterior(kernel, x, y, 1e-12, grid, 3)
    assert bool(torch.isfinite(samples).all())


def test_a_truly_indefinite_matrix_is_still_called_not_positive_semi_definite():
    """The prior path (core.gp.cholesky_with_jitter) keeps its message for invalid matrices:
    eigenvalues 3 and -1 are no covariance, whatever the jitter."""
    from core.gp import cholesky_with_jitter

    with pytest.raises(InputError) as error:
        cholesky_with_jitter(torch.tensor([[1.0, 2.0], [2.0, 1.0]], dtype=D))
    assert error.value.code == "gp_not_psd"
    assert "not positive semi-definite" in str(error.value)
