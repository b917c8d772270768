"""The code panels of the GP-priors page run on their own and reproduce core's numbers."""

import math

import pytest
import torch

from core import gp_prior_views as views
from core.kernels import KERNELS, PARAMETERS
from ui.snippets import gp as snippets

PARAMS = {"amplitude": 1.3, "lengthscale": 0.7, "period": 2.5, "alpha": 0.8, "sigma0": 1.1}
PARAMS["sigma"] = 1.7


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # only our own generated programs
    return namespace


def _params(name: str) -> dict[str, float]:
    return {p: PARAMS[p] for p in PARAMETERS[name]}


def _close(a, b, tol=1e-9):
    torch.testing.assert_close(
        torch.as_tensor(a).double(), torch.as_tensor(b).double(), rtol=tol, atol=tol
    )


@pytest.mark.parametrize("name", list(KERNELS))
def test_kernel_code_reproduces_samples_band_and_slice(name):
    spec = views.spec_of(name, _params(name))
    view = views.prior_view(spec, 4, 120, 3)
    ns = _run(snippets.kernel_code(name, _params(name), 120, 4, 3, view["jitter"], 0.5))
    _close(ns["K"], views.kernel_of(spec)(view["x"]), 1e-12)
    _close(ns["f"], view["f"], 1e-5)  # a jittered Cholesky amplifies rounding
    _close(ns["band"], view["band"][1], 1e-12)
    _close(ns["k_slice"], views.kernel_slice(spec, 0.5, 120)["k"], 1e-12)


def test_linear_code_reproduces_the_lines_and_band():
    view = views.linear_view(1.5, 6, 100, 9)
    ns = _run(snippets.linear_code(1.5, 6, 100, 9))
    _close(ns["f"], view["f"], 1e-12)
    _close(ns["band"], view["band"][1], 1e-12)


@pytest.mark.parametrize(
    ("kind", "size_param", "u"),
    [("polynomial", 3, (0, 1, 0, 0)), ("fourier", 2, (1, 0, 0.5, 0, 0))],
)
def test_basis_code_reproduces_both_spaces(kind, size_param, u):
    view = views.basis_view(kind, size_param, 3.0, u, 0.6, 4, 80, 2)
    ns = _run(snippets.basis_code(kind, size_param, 3.0, u, 0.6, 4, 80, 2, view["jitter"]))
    _close(ns["f_weights"], view["weights"], 1e-10)
    _close(ns["f_functions"], view["f"], 1e-6)
    _close(ns["m"], view["mean"], 1e-12)


@pytest.mark.parametrize("spread", ["d2l", "window"])
def test_bumps_code_reproduces_the_functions_and_the_limit(spread):
    view = views.bumps_view(50, 0.5, 1.2, spread, 3, 4)
    ns = _run(snippets.bumps_code(50, 0.5, 1.2, view["half_width"], views.BUMP_POINTS, 3, 4))
    _close(ns["f"], view["f"], 1e-12)
    _close(ns["k_J"][:, views.BUMP_POINTS // 2], view["slice"], 1e-12)
    _close(ns["k_limit"][:, views.BUMP_POINTS // 2], view["limit"]["slice"], 1e-12)


@pytest.mark.parametrize("activation", ["erf", "relu"])
def test_network_code_reproduces_the_networks_and_the_kernel(activation):
    sigmas = {"sigma_b": 0.5, "sigma_v": 1.0, "sigma0": 1.0, "sigma": 2.0}
    frozen = tuple(sorted(sigmas.items()))
    view = views.network_view(activation, 30, 3, frozen, 5)
    ns = _run(snippets.network_code(activation, 30, 3, sigmas, views.NETWORK_POINTS, 5))
    _close(ns["f"], view["nets"], 1e-10)
    from core.wide_networks import network_kernel

    _close(ns["K"], network_kernel(activation, **sigmas)(view["x"]), 1e-6)


def _specs():
    rbf = views.spec_of("RBF", {"amplitude": 1.0, "lengthscale": 0.8})
    per = views.spec_of("Periodic", {"amplitude": 1.0, "lengthscale": 1.0, "period": 2.0})
    return rbf, per


def _named(spec):
    return spec[0], dict(spec[1])


@pytest.mark.parametrize("op", ["+", "*"])
def test_compose_code(op):
    s1, s2 = _specs()
    view = views.compose_view(s1, s2, op, 3, 1)
    code = snippets.compose_code(
        _named(s1), _named(s2), op, views.PATH_POINTS, 3, 1, view["jitter"]
    )
    _close(_run(code)["f"], view["f"], 1e-6)


def test_sum_and_warp_code():
    s1, s2 = _specs()
    view = views.sum_view(s1, s2, 3, 1)
    ns = _run(snippets.sum_code(_named(s1), _named(s2), views.PATH_POINTS, 3, 1, view["jitters"]))
    _close(ns["u"], view["built"], 1e-6)
    _close(ns["u_direct"], view["f"], 1e-6)
    view = views.warp_view(s1, 3, 1)
    ns = _run(snippets.warp_code(_named(s1), views.PATH_POINTS, 3, 1, view["jitters"]))
    _close(ns["g"], view["built"], 1e-6)
    _close(ns["g_direct"], view["f"], 1e-5)


def test_same_noise_code():
    s1, _ = _specs()
    ou = views.spec_of("OrnsteinUhlenbeck", {"amplitude": 1.0, "lengthscale": 0.8})
    both = views.same_noise_view((ou, s1), 2, 6)
    code = snippets.same_noise_code(
        [_named(ou), _named(s1)], views.PATH_POINTS, 2, 6, [v["jitter"] for v in both]
    )
    ns = _run(code)
    _close(ns["f1"], both[0]["f"], 1e-6)
    _close(ns["f2"], both[1]["f"], 1e-6)


def test_product_code_reproduces_the_draws_and_the_kurtosis():
    s1, s2 = _specs()
    view = views.product_histogram(s1, s2, 0.7, 8)
    ns = _run(snippets.product_code(_named(s1), _named(s2), 0.7, views.HIST_PRODUCT, 8))
    c = ns["u"] - ns["u"].mean()
    kurtosis = float((c**4).mean() / (c**2).mean() ** 2 - 3)
    assert math.isclose(kurtosis, view["kurtosis"], rel_tol=1e-9)


def test_grid_code():
    spec = views.spec_of("Matern52", {"amplitude": 1.0, "lengthscale": 1.5})
    view = views.grid_view(spec, 20, 3)
    ns = _run(snippets.grid_code("Matern52", dict(spec[1]), 20, 3, view["jitter"]))
    _close(ns["f"], view["f"], 1e-6)
