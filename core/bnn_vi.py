"""A variational posterior for the network by Bayes by backprop (Blundell et al. 2015).

The guide q(w) is a Normal for every weight and bias, with mean ``mu`` and standard deviation
``sigma = softplus(rho)``: rho is unconstrained, so gradient steps can take it anywhere and
sigma stays positive. Training maximises the evidence lower bound

    ELBO(mu, rho) = E_q[log p(y | x, w)] - KL(q(w) || p(w)),

the first term estimated with K networks drawn by reparameterisation,
``w = mu + sigma * eps``, ``eps ~ N(0, 1)`` (what ``Normal(mu, sigma).rsample()`` does, here
with our generator), so the gradient flows through mu and rho; the KL term is in closed form.
The likelihood is ``y ~ Normal(f_w(x), noise_sigma)``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from core import bnn
from core.bnn import NetworkPrior, Params
from core.bnn_training import (
    Progress,
    check_budget,
    check_data,
    check_loss,
    check_lr,
    check_steps,
    report,
)
from core.bnn_training import init_params as init_means
from core.errors import InputError
from core.validate import finite, int_in_range, product_at_most, scale

Tensor = torch.Tensor

MAX_SAMPLES = 64
MAX_PREDICTIVE = 2000


@dataclass(frozen=True)
class Guide:
    """``q(w) = Normal(mu, softplus(rho))`` for each parameter tensor (unbatched shapes)."""

    mu: Params
    rho: Params

    def sigma(self) -> Params:
        return {name: bnn.softplus(rho) for name, rho in self.rho.items()}

    def sample(self, n: int, generator: torch.Generator | None = None) -> Params:
        """``n`` networks from q as batched parameters: ``mu + softplus(rho) * eps``."""
        return reparameterised(self.mu, self.sigma(), n, generator)


def reparameterised(
    mu: Params, sigma: Params, n: int, generator: torch.Generator | None = None
) -> Params:
    """``n`` draws of ``mu + sigma * eps``, ``eps ~ N(0, I)``, one ``randn`` per tensor in the
    order of ``core.bnn.PARAMETERS``: ``Normal(mu, sigma).rsample((n,))`` with our generator,
    differentiable in mu and sigma. At most `core.bnn.MAX_WEIGHTS` numbers in all."""
    n = int_in_range("number of networks", n, 1, bnn.MAX_NETWORKS)
    per_network = sum(m.numel() for m in mu.values())
    product_at_most({"number of networks": n, "parameters": per_network}, bnn.MAX_WEIGHTS)
    return {
        name: m + sigma[name] * torch.randn(n, *m.shape, generator=generator)
        for name, m in mu.items()
    }


def initial_guide(
    width: int, init_sigma: float = 0.05, generator: torch.Generator | None = None
) -> Guide:
    """mu as ``nn.Linear`` initialises weights; every rho = softplus^-1(init_sigma)."""
    init_sigma = scale("initial sigma", init_sigma, 1e-4, 10.0)
    mu = init_means(width, generator)
    rho0 = bnn.inverse_softplus(init_sigma)
    return Guide(mu, {name: torch.full_like(m, float(rho0)) for name, m in mu.items()})


@dataclass(frozen=True)
class VIResult:
    """The trained guide and, for every step, the ELBO and its two terms."""

    guide: Guide
    history: dict[str, list[float]]  # "elbo", "log_likelihood", "kl"


def _flat(params: Params) -> Tensor:
    """Every tensor of a network, in the order of ``PARAMETERS``, as one vector."""
    return torch.cat([params[name].reshape(-1) for name in bnn.PARAMETERS])


def _unflat(flat: Tensor, width: int) -> Params:
    """The named tensors of one network as views of a vector made by ``_flat``."""
    shapes = bnn.shapes(width)
    chunks = torch.split(flat, [math.prod(shape) for shape in shapes.values()])
    return {name: c.reshape(shapes[name]) for name, c in zip(shapes, chunks, strict=True)}


def train_bayes_by_backprop(
    x: Tensor,
    y: Tensor,
    width: int = 10,
    activation: str = "tanh",
    prior: NetworkPrior | None = None,
    noise_sigma: float = 0.1,
    steps: int = 1000,
    lr: float = 0.03,
    n_samples: int = 8,
    init_sigma: float = 0.05,
    generator: torch.Generator | None = None,
    callback: Progress | None = None,
    report_every: int = 50,
) -> VIResult:
    """Maximise the ELBO over (mu, rho) with Adam, full batch, K sampled networks per step.

    The data term is ``Normal(f_w(x), noise_sigma).log_prob(y)`` summed over the data and
    averaged over the K networks; the KL term is ``kl_normal`` summed over every weight and
    bias. Deterministic for a given generator state: the initial means are drawn first, then
    each step's eps. Raises ``InputError`` if the loss stops being finite.
    """
    x, y = check_data(x, y)
    prior = NetworkPrior.isotropic() if prior is None else prior
    bnn.activation_fn(activation)
    noise_sigma = scale("noise sigma", noise_sigma, 1e-3, 10.0)
    steps, lr = check_steps(steps), check_lr(lr)
    n_samples = int_in_range("samples K", n_samples, 1, MAX_SAMPLES)
    check_budget(steps, n_samples, x.numel(), bnn.width_of(width))
    every = int_in_range("report_every", report_every, 1, 10**6)
    start = initial_guide(width, init_sigma, generator)
    # All means in one vector and all rhos in another (the named tensors are views of them):
    # the same maths as tensor by tensor, in a quarter of the small operations per step.
    mu, rho = _flat(start.mu).requires_grad_(), _flat(start.rho).requires_grad_()
    loc = _flat({k: torch.full_like(v, prior.of(k).loc) for k, v in start.mu.items()})
    prior_scale = _flat({k: torch.full_like(v, prior.of(k).scale) for k, v in start.mu.items()})
    optimizer = torch.optim.Adam([mu, rho], lr=lr, foreach=True)
    history: dict[str, list[float]] = {"elbo": [], "log_likelihood": [], "kl": []}
    for step in range(1, steps + 1):
        sigma = bnn.softplus(rho)
        weights = reparameterised(_unflat(mu, width), _unflat(sigma, width), n_samples, generator)
        f = bnn.network_outputs(x, weights, activation)
        # validate_args=False: noise_sigma is checked above, and this runs every step
        likelihood = torch.distributions.Normal(f, noise_sigma, validate_args=False)
        log_likelihood = likelihood.log_prob(y).sum(dim=1).mean()
        kl = bnn.kl_normal(mu, sigma, loc, prior_scale).sum()
        loss = kl - log_likelihood  # = -ELBO
        check_loss(loss, step, lr)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        history["elbo"].append(-loss.item())
        history["log_likelihood"].append(log_likelihood.item())
        history["kl"].append(kl.item())
        report(callback, step, steps, every, history)
    guide = Guide(_unflat(mu.detach().clone(), width), _unflat(rho.detach().clone(), width))
    return VIResult(guide, history)


def predictive(
    guide: Guide,
    x: Tensor,
    activation: str,
    n_samples: int = 200,
    generator: torch.Generator | None = None,
) -> Tensor:
    """``f_w(x)`` for ``n_samples`` networks w ~ q: Tensor(n_samples, n). Their mean and
    standard deviation at each x are the predictive mean and the model's uncertainty."""
    n_samples = int_in_range("predictive samples", n_samples, 2, MAX_PREDICTIVE)
    with torch.no_grad():
        return bnn.network_outputs(
            torch.as_tensor(x), guide.sample(n_samples, generator), activation
        )


def predictive_band(
    samples: Tensor, noise_sigma: float = 0.0, k_sigma: float = 2.0
) -> tuple[Tensor, Tensor, Tensor]:
    """``(mean, lower, upper)``: mean -/+ k standard deviations of the sampled functions; with
    ``noise_sigma`` the observation noise is added in quadrature (the band for new y)."""
    noise_sigma = scale("noise sigma", noise_sigma, 0.0, 10.0) if noise_sigma else 0.0
    k_sigma = finite("k_sigma", k_sigma)
    bnn.check_functions(samples, 2)  # a standard deviation
    mean = samples.mean(dim=0)
    std = torch.sqrt(samples.var(dim=0) + noise_sigma**2)
    return mean, mean - k_sigma * std, mean + k_sigma * std


def mean_sd_outside_and_inside(samples: Tensor, inside: Tensor) -> tuple[float, float | None]:
    """The standard deviation of the sampled functions, averaged over the inputs outside a
    region (the data) and inside it (the gap; None when it holds no input)."""
    bnn.check_functions(samples, 2)  # a standard deviation
    inside = torch.as_tensor(inside)
    if inside.dtype != torch.bool or tuple(inside.shape) != tuple(samples.shape[1:]):
        raise InputError(
            f"inside must be a boolean mask with one entry per input ({samples.shape[1]}), got "
            f"{inside.dtype} of shape {tuple(inside.shape)}.",
            code="bnn_mask_shape",
            n=samples.shape[1],
            shape=str(tuple(inside.shape)),
        )
    sd = samples.std(dim=0)
    outside = float(sd[~inside].mean()) if bool((~inside).any()) else float("nan")
    return outside, float(sd[inside].mean()) if bool(inside.any()) else None
