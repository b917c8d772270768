"""The code panels of the GP-posterior page run on their own and reproduce core's numbers."""

import math

import pytest
import torch

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.kernels import PARAMETERS, RBF, make_kernel
from tests import tolerances as tol
from ui.snippets import gp_posterior as snippets

PARAMS = {"amplitude": 1.3, "lengthscale": 0.7, "period": 2.5, "alpha": 0.8, "sigma0": 1.1}
PARAMS["sigma"] = 1.7
BOUNDS = {"amplitude": (0.1, 3.0), "lengthscale": (0.05, 5.0), "period": (0.5, 5.0)}
BOUNDS |= {"alpha": (0.1, 10.0), "sigma0": (0.1, 5.0), "sigma": (0.1, 10.0), "noise": (1e-4, 4.0)}


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # only our own generated programs
    return namespace


F64 = torch.float64
# Roundings in any kernel formula of the page: at most 3 libm calls and 20 arithmetic
# operations (the bound of tests/ui/test_gp_snippets.py), and one more for a sum or product.
KERNEL_OPS = 3 * tol.LIBM_ULPS + 21


def _close(a, b, atol, rtol=0.0):
    torch.testing.assert_close(
        torch.as_tensor(a).double(), torch.as_tensor(b).double(), rtol=rtol, atol=atol
    )


def _posterior_tolerances(kernel, x, y, grid, x_star, noise, view, n_samples, seed):
    """How far the program's outputs may lie from core's: `tol.sensitivity_tol` of the
    posterior's formulas (R&W Algorithm 2.1, as both write them) when every kernel matrix
    moves by its formula's rounding (inputs jiggled KERNEL_OPS eps, as in tol.formula_tol)
    and each Cholesky factorisation by its backward error (tol.cholesky_rounding; the
    posterior covariance's to first order, tol.cholesky_first_order). Without noise K is
    nearly singular, its amplification runs to 1e10, and the tolerances grow with it."""
    eye, eye_test = torch.eye(len(x), dtype=F64), torch.eye(len(grid), dtype=F64)
    z = torch.randn(n_samples, len(grid), generator=torch.Generator().manual_seed(seed), dtype=F64)

    def kernel_matrix(jiggle, a, b):
        a = jiggle(a, KERNEL_OPS * tol.EPS64 * a.abs())
        b = jiggle(b, KERNEL_OPS * tol.EPS64 * b.abs())
        K = kernel(a, b)
        return jiggle(K, KERNEL_OPS * tol.EPS64 * K.abs())

    def posterior(jiggle):
        K = kernel_matrix(jiggle, x, x) + (noise + view.jitter) * eye
        L = torch.linalg.cholesky(jiggle(K, tol.cholesky_rounding(K)))
        K_s = kernel_matrix(jiggle, x, grid)
        alpha = torch.cholesky_solve(y[:, None], L)[:, 0]
        V = torch.linalg.solve_triangular(L, K_s, upper=False)
        cov = kernel_matrix(jiggle, grid, grid) - V.T @ V
        return L, alpha, K_s.T @ alpha, (cov + cov.T) / 2 + view.sample_jitter * eye_test

    C0 = posterior(lambda M, scale: M)[3]
    L0, rounding = torch.linalg.cholesky(C0), tol.cholesky_rounding(C0)

    def outputs(jiggle):
        L, alpha, mean, C = posterior(jiggle)
        sd = (C.diagonal() - view.sample_jitter).clamp_min(0).sqrt()
        draws = z @ tol.cholesky_first_order(L0, jiggle(C, rounding) - C0).T
        data_fit = -0.5 * y @ alpha
        complexity = -torch.log(L.diagonal()).sum()
        weights = torch.cholesky_solve(kernel_matrix(jiggle, x, x_star), L)[:, 0]
        return {
            "mean": mean,
            "lower": mean - 2 * sd,
            "upper": mean + 2 * sd,
            "sd": sd,
            "samples": mean + draws,
            "draws": draws,
            "data_fit": data_fit,
            "complexity": complexity,
            "lml": data_fit + complexity,
            "weights": weights,
        }

    return tol.sensitivity_tol(outputs)


def _kernel(name: str):
    return make_kernel(name, **{p: PARAMS[p] for p in PARAMETERS[name]})


KERNELS = [
    _kernel("RBF"),
    _kernel("Matern32"),
    _kernel("Periodic"),
    _kernel("RationalQuadratic"),
    _kernel("Linear"),
    _kernel("NeuralNetwork"),
    _kernel("ArcCosine"),
    _kernel("RBF") + _kernel("Periodic"),
    _kernel("Matern52") * _kernel("OrnsteinUhlenbeck"),
]
TEXT = views.dataset_text("d2l")


# Without noise, K is nearly singular for the dot-product kernels: any two ways of writing the
# same kernel then give visibly different interpolants, so those are compared with noise only.
CASES = [(k, 0.06) for k in KERNELS] + [(k, 0.0) for k in KERNELS[:3] + KERNELS[-2:]]


@pytest.mark.parametrize(("kernel", "noise"), CASES, ids=str)
def test_posterior_code_reproduces_the_view(kernel, noise):
    text = TEXT if noise else obs.format_observations(*obs.dataset("linear"))  # few, apart
    view = views.posterior_view(kernel, text, noise, 3, 7)
    x, y = view.x, view.y
    code = snippets.posterior_code(
        kernel,
        x.tolist(),
        y.tolist(),
        noise,
        view.bounds[:2],
        views.TEST_POINTS,
        3,
        7,
        view.jitter,
        view.sample_jitter,
        2.5,
    )
    ns = _run(code)
    x_star = torch.tensor([2.5], dtype=F64)
    tols = _posterior_tolerances(kernel, x, y, ns["x_test"], x_star, noise, view, 3, 7)
    _close(ns["mean"], view.mean, tols["mean"])
    _close(ns["lower"], view.band[0], tols["lower"])
    _close(ns["upper"], view.band[1], tols["upper"])
    _close(ns["samples"], view.samples, tols["samples"])
    # Without noise the mean's amplification dominates those three: the band's width and the
    # samples' spread about the mean on their own, far better conditioned.
    _close((ns["upper"] - ns["lower"]) / 4, (view.band[1] - view.band[0]) / 4, tols["sd"])
    draws = view.samples - view.mean
    _close(
        ns["samples"] - ns["mean"],
        draws,
        tols["draws"] + tol.rounding_tol(float(view.samples.abs().max()), 2),
    )
    terms = views.lml_view(kernel, text, noise)
    assert float(ns["data_fit"]) == pytest.approx(terms.data_fit, rel=0, abs=tols["data_fit"])
    complexity = tols["complexity"]
    assert float(ns["complexity"]) == pytest.approx(terms.complexity, rel=0, abs=complexity)
    # + the constant -n/2 log(2 pi): one more rounding of the total
    lml = tols["lml"] + tol.rounding_tol(abs(terms.total), 2)
    assert float(ns["lml"]) == pytest.approx(terms.total, rel=0, abs=lml)
    weights = views.influence_view(kernel, text, noise, 2.5).weights
    _close(ns["weights"], weights, tols["weights"])


def test_posterior_code_without_observations_draws_the_prior():
    kernel = _kernel("RBF")
    view = views.posterior_view(kernel, "", 0.1, 2, 1)
    code = snippets.posterior_code(
        kernel, [], [], 0.1, view.bounds[:2], 200, 2, 1, 0.0, view.sample_jitter, 0.0
    )
    ns = _run(code)
    _close(ns["mean"], torch.zeros(200), 0.0)  # an empty sum: 0 exactly
    # the prior: the same z (seed 1) through a jittered Cholesky of k(x_test, x_test)
    z = torch.randn(2, 200, generator=torch.Generator().manual_seed(1), dtype=F64)
    K = kernel(ns["x_test"])
    sample = tol.cholesky_sample_tol(K, view.sample_jitter, z)
    _close(ns["samples"], view.samples, sample + tol.formula_tol(lambda K: K, K, ops=KERNEL_OPS))
    assert float(ns["lml"]) == 0.0


def _fit_tolerances(kernel, x, y, noise, steps, bounds, fixed=()):
    """How far Adam's trajectory (lr 0.1) may end apart by two paths: `tol.sensitivity_tol`
    of core's fit when the data's kernel matrix moves by its rounding (x jiggled
    (KERNEL_OPS + sqrt(n)) eps: the formulas' and the Cholesky factorisations' rounding, as
    in tol.formula_tol and tol.cholesky_rounding), held through every step (a fixed
    perturbation accumulates coherently), and when each step's move rounds apart: its
    gradient comes from solves with K + noise I, relatively accurate to cond(K + noise I) eps
    (Higham, Thm 7.2), so the start is jiggled by (KERNEL_OPS + cond) eps and carried to the
    end, sqrt(steps) times for as many independent moves. Keys: "history", "lml", "noise"
    and each hyperparameter."""
    x_scale = (KERNEL_OPS + math.sqrt(len(x))) * tol.EPS64 * x.abs()
    names = list(gpp.hyperparameters(kernel))
    start = torch.tensor([*gpp.hyperparameters(kernel).values(), noise], dtype=F64)
    eigenvalues = torch.linalg.eigvalsh(kernel(x) + noise * torch.eye(len(x), dtype=F64))
    cond = float(eigenvalues[-1] / eigenvalues[0])
    start_scale = math.sqrt(steps) * (KERNEL_OPS + cond) * tol.EPS64 * start.abs()

    def fit(jiggle):
        *values, moved_noise = jiggle(start, start_scale).tolist()
        moved = gpp.with_hyperparameters(kernel, dict(zip(names, values, strict=True)))
        run = gpp.fit(
            moved,
            jiggle(x, x_scale),
            y,
            moved_noise,
            steps=steps,
            lr=0.1,
            bounds=bounds,
            fixed=fixed,
        )
        return {
            "history": torch.tensor(run.history, dtype=F64),
            "lml": torch.tensor(run.lml, dtype=F64),
            "noise": torch.tensor(run.noise, dtype=F64),
        } | {name: torch.tensor(value, dtype=F64) for name, value in run.params.items()}

    return tol.sensitivity_tol(fit, grad=True)


@pytest.mark.parametrize(
    ("kernel", "path"),
    [(_kernel("RBF"), "lengthscale"), (_kernel("Linear") + _kernel("Periodic"), "k2.lengthscale")],
)
def test_likelihood_code_reproduces_the_surface_and_the_fit(kernel, path):
    x, y = obs.parse_observations(TEXT)
    bounds = {p: BOUNDS[p.split(".")[-1]] for p in gpp.hyperparameters(kernel)} | {
        "noise": BOUNDS["noise"]
    }
    span = BOUNDS["lengthscale"]
    code = snippets.likelihood_code(
        kernel, x.tolist(), y.tolist(), 0.06, 30, 0.1, bounds, path, span, (1e-4, 4.0), 8
    )
    ns = _run(code)
    # the same logspace calls on the same floats: bit for bit
    values = torch.logspace(math.log10(0.05), math.log10(5.0), 8, dtype=F64)
    noises = torch.logspace(math.log10(1e-4), math.log10(4.0), 8, dtype=F64)
    _close(ns["values"], values, 0.0)
    _close(ns["noises"], noises, 0.0)
    expected = gpp.lml_surface(kernel, x, y, path, values.tolist(), noises.tolist())
    # each grid point: log N(y; 0, K + s2 I) by two paths, bounded at that point
    eye = torch.eye(len(x), dtype=F64)
    bound = []
    for v in values.tolist():
        k_v = gpp.with_hyperparameters(kernel, {path: v})
        entry = tol.formula_tol(k_v, x, ops=KERNEL_OPS)
        bound.append([tol.gaussian_lml_tol(k_v(x) + s2 * eye, y, entry) for s2 in noises.tolist()])
    bound = torch.tensor(bound, dtype=F64)
    assert ((ns["surface"] - expected).abs() <= bound).all(), (ns["surface"] - expected, bound)
    result = gpp.fit(kernel, x, y, 0.06, steps=30, lr=0.1, bounds=bounds)
    tols = _fit_tolerances(kernel, x, y, 0.06, 30, bounds)
    history_tol = tols["history"] + tol.gaussian_lml_tol(
        kernel(x) + 0.06 * eye, y, tol.formula_tol(kernel, x, ops=KERNEL_OPS)
    )
    _close(ns["history"], result.history, history_tol)
    assert ns["fitted"].keys() == result.params.keys()
    for name, value in result.params.items():
        fitted = tols[name] + tol.rounding_tol(value, 2)  # + exp(log(value)) at a bound
        assert ns["fitted"][name] == pytest.approx(value, rel=0, abs=fitted), name


def test_fit_code_keeps_fixed_hyperparameters_as_d2l_does():
    x, y = obs.dataset("d2l", torch.Generator().manual_seed(views.DATA_SEED))  # not rounded
    bounds = {"lengthscale": gpp.DEFAULT_BOUNDS, "noise": gpp.NOISE_BOUNDS}
    code = snippets.likelihood_code(
        RBF(1.0, 0.4), x.tolist(), y.tolist(), 0.25, 40, 0.1, bounds, fixed=("amplitude",)
    )
    ns = _run(code)
    result = gpp.fit(RBF(1.0, 0.4), x, y, 0.25, steps=40, lr=0.1, fixed=("amplitude",))
    assert ns["names"] == ["lengthscale", "noise"]
    tols = _fit_tolerances(RBF(1.0, 0.4), x, y, 0.25, 40, bounds, fixed=("amplitude",))
    K = RBF(1.0, result.params["lengthscale"])(x) + result.noise * torch.eye(len(x), dtype=F64)
    best = tols["lml"] + tol.gaussian_lml_tol(
        K, y, KERNEL_OPS * tol.EPS64 * K.abs()
    )  # + its own rounding
    assert ns["best_lml"] == pytest.approx(result.lml, rel=0, abs=best)
    lengthscale = result.params["lengthscale"]
    assert ns["fitted"]["lengthscale"] == pytest.approx(lengthscale, rel=0, abs=tols["lengthscale"])
    assert ns["fitted"]["noise"] == pytest.approx(result.noise, rel=0, abs=tols["noise"])
    assert "surface" not in ns
