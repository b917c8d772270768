"""The code panels of the GP-posterior page run on their own and reproduce core's numbers."""

import pytest
import torch

from core import gp_observations as obs
from core import gp_posterior as gpp
from core import gp_posterior_views as views
from core.gp_prior_views import spec_of
from core.kernels import RBF
from ui.snippets import gp_posterior as snippets

PARAMS = {"amplitude": 1.3, "lengthscale": 0.7, "period": 2.5, "alpha": 0.8, "sigma0": 1.1}
PARAMS["sigma"] = 1.7
BOUNDS = {"amplitude": (0.1, 3.0), "lengthscale": (0.05, 5.0), "period": (0.5, 5.0)}
BOUNDS |= {"alpha": (0.1, 10.0), "sigma0": (0.1, 5.0), "sigma": (0.1, 10.0), "noise": (1e-4, 4.0)}


def _run(code: str) -> dict:
    namespace: dict = {}
    exec(compile(code, "<snippet>", "exec"), namespace)  # only our own generated programs
    return namespace


def _close(a, b, tol=1e-9):
    torch.testing.assert_close(
        torch.as_tensor(a).double(), torch.as_tensor(b).double(), rtol=tol, atol=tol
    )


def _spec(name: str):
    from core.kernels import PARAMETERS

    return spec_of(name, {p: PARAMS[p] for p in PARAMETERS[name]})


def _form(op: str, *names: str):
    specs = [_spec(n) for n in names]
    return (op, specs[0], specs[1] if len(specs) > 1 else None)


def _named(form):
    op, s1, s2 = form
    return op, (s1[0], dict(s1[1])), None if s2 is None else (s2[0], dict(s2[1]))


FORMS = [
    _form("single", "RBF"),
    _form("single", "Matern32"),
    _form("single", "Periodic"),
    _form("single", "RationalQuadratic"),
    _form("single", "Linear"),
    _form("single", "NeuralNetwork"),
    _form("single", "ArcCosine"),
    _form("+", "RBF", "Periodic"),
    _form("*", "Matern52", "OrnsteinUhlenbeck"),
]
TEXT = views.dataset_text("d2l")


# Without noise, K is nearly singular for the dot-product kernels: any two ways of writing the
# same kernel then give visibly different interpolants, so those are compared with noise only.
CASES = [(f, 0.06) for f in FORMS] + [(f, 0.0) for f in FORMS[:3] + FORMS[-2:]]


@pytest.mark.parametrize(
    ("form", "noise"), CASES, ids=lambda c: str(c[0]) if isinstance(c, tuple) else str(c)
)
def test_posterior_code_reproduces_the_view(form, noise):
    text = TEXT if noise else obs.format_observations(*obs.dataset("linear"))  # few, apart
    view = views.posterior_view(form, text, noise, 3, 7)
    x, y = view["x"], view["y"]
    code = snippets.posterior_code(
        _named(form),
        x.tolist(),
        y.tolist(),
        noise,
        view["bounds"][:2],
        views.TEST_POINTS,
        3,
        7,
        view["jitter"],
        view["sample_jitter"],
        2.5,
    )
    ns = _run(code)
    # Without noise K is nearly singular: the jitter's conditioning amplifies the rounding of
    # two ways of writing the same kernel (1/jitter ~ 1e10).
    tol = 1e-7 if noise else 1e-4
    _close(ns["mean"], view["mean"], tol)
    _close(ns["lower"], view["band"][0], 10 * tol)
    _close(ns["upper"], view["band"][1], 10 * tol)
    _close(ns["samples"], view["samples"], 1000 * tol)  # a jittered Cholesky, again
    terms = views.lml_view(form, text, noise)
    assert float(ns["data_fit"]) == pytest.approx(terms.data_fit, rel=tol)
    assert float(ns["complexity"]) == pytest.approx(terms.complexity, rel=tol)
    assert float(ns["lml"]) == pytest.approx(terms.total, rel=tol)
    weights = views.influence_view(form, text, noise, 2.5)["weights"]
    _close(ns["weights"], weights, 10 * tol)


def test_posterior_code_without_observations_draws_the_prior():
    form = _form("single", "RBF")
    view = views.posterior_view(form, "", 0.1, 2, 1)
    code = snippets.posterior_code(
        _named(form), [], [], 0.1, view["bounds"][:2], 200, 2, 1, 0.0, view["sample_jitter"], 0.0
    )
    ns = _run(code)
    _close(ns["mean"], torch.zeros(200))
    _close(ns["samples"], view["samples"], 1e-6)
    assert float(ns["lml"]) == 0.0


@pytest.mark.parametrize(
    ("form", "path"),
    [(_form("single", "RBF"), "lengthscale"), (_form("+", "Linear", "Periodic"), "k2.lengthscale")],
)
def test_likelihood_code_reproduces_the_surface_and_the_fit(form, path):
    x, y = obs.parse_observations(TEXT)
    kernel = views.kernel_of_form(form)
    bounds = {p: BOUNDS[p.split(".")[-1]] for p in gpp.hyperparameters(kernel)} | {
        "noise": BOUNDS["noise"]
    }
    span = BOUNDS["lengthscale"]
    code = snippets.likelihood_code(
        _named(form), x.tolist(), y.tolist(), 0.06, 30, 0.1, bounds, path, span, (1e-4, 4.0), 8
    )
    ns = _run(code)
    values = torch.logspace(-1.30103, 0.69897, 8, dtype=torch.float64)  # log10 of 0.05 and 5
    noises = torch.logspace(-4, 0.60206, 8, dtype=torch.float64)
    expected = gpp.lml_surface(kernel, x, y, path, ns["values"].tolist(), ns["noises"].tolist())
    _close(ns["values"], values, 1e-5)
    _close(ns["noises"], noises, 1e-5)
    _close(ns["surface"], expected, 1e-7)
    result = gpp.fit(kernel, x, y, 0.06, steps=30, lr=0.1, bounds=bounds)
    _close(ns["history"], result.history, 1e-8)
    assert ns["fitted"].keys() == result.params.keys()
    for name, value in result.params.items():
        assert ns["fitted"][name] == pytest.approx(value, rel=1e-7)


def test_fit_code_keeps_fixed_hyperparameters_as_d2l_does():
    x, y = obs.dataset("d2l", torch.Generator().manual_seed(views.DATA_SEED))  # not rounded
    form = ("single", ("RBF", {"amplitude": 1.0, "lengthscale": 0.4}), None)
    bounds = {"lengthscale": gpp.DEFAULT_BOUNDS, "noise": gpp.NOISE_BOUNDS}
    code = snippets.likelihood_code(
        form, x.tolist(), y.tolist(), 0.25, 40, 0.1, bounds, fixed=("amplitude",)
    )
    ns = _run(code)
    result = gpp.fit(RBF(1.0, 0.4), x, y, 0.25, steps=40, lr=0.1, fixed=("amplitude",))
    assert ns["names"] == ["lengthscale", "noise"]
    assert ns["best_lml"] == pytest.approx(result.lml, rel=1e-9)
    assert ns["fitted"]["lengthscale"] == pytest.approx(result.params["lengthscale"], rel=1e-6)
    assert ns["fitted"]["noise"] == pytest.approx(result.noise, rel=1e-6)
    assert "surface" not in ns
