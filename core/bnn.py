"""Bayesian neural networks: Normal priors on the weights and biases of a one-hidden-layer
network, the random functions they draw, and the pieces of a variational posterior.

The network is the one of the usual Pyro example, written in plain PyTorch: ``fc1`` maps the
input x to J hidden units, ``out`` maps them to the output,
``f(x) = out.bias + out.weight @ h(fc1.weight x + fc1.bias)``, and every parameter tensor has
an independent Normal(loc, scale) prior. Many networks are handled at once as *batched*
parameters: each tensor has the shape of its ``nn.Linear`` counterpart with a leading batch
dimension B (``fc1.weight`` is (B, J, 1), ``fc1.bias`` (B, J), ``out.weight`` (B, 1, J),
``out.bias`` (B, 1)), so drawing 100 networks is one ``randn`` per tensor, not a loop.

With ``scale_output`` the output weights are divided by sqrt(J) (Neal 1996): the variance of
f(x) then stays finite as J grows, and the network tends to a Gaussian process whose kernel,
for erf units, is ``NeuralNetwork`` (Williams 1998), and for ReLU units ``ArcCosine``.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, fields

import torch
import torch.nn.functional as F

from core.activations import ACTIVATIONS
from core.errors import InputError
from core.kernels import ArcCosine, Constant, Kernel, NeuralNetwork
from core.validate import (
    bounded,
    excerpt,
    finite,
    int_in_range,
    offending_entries,
    positive,
    product_at_most,
    scale,
)

Tensor = torch.Tensor
Params = dict[str, Tensor]

PARAMETERS = ("fc1.weight", "fc1.bias", "out.weight", "out.bias")
MAX_WIDTH = 2000
MAX_NETWORKS = 1_000_000
# All weights are drawn at once: networks x width is bounded (about 80 MB of parameters).
MAX_WEIGHTS = 5_000_000
LOC_LIMIT = 100.0
SCALE_LIMITS = (1e-4, 100.0)
# Hidden units one training step holds (K samples x points x units): autograd keeps them all
# for the backward pass, so a step cannot be cut into chunks (64 MB of float32 each).
BLOCK = 16_000_000
# Hidden units evaluated at once without autograd: 8 MB of float32 for each intermediate
# (product, sum with the bias, activation, the readout's product), so the prior's 500 widest
# networks (20M units) never hold more than ~32 MB at a time.
CHUNK = 2_000_000
# One call evaluates at most MAX_EVALUATIONS hidden units (networks x points x units: time,
# ~1 s; the page's largest is 300 x 161 x 500 = 24M) and returns at most MAX_OUTPUTS numbers
# (networks x points, 40 MB) for at most MAX_POINTS inputs per network.
MAX_EVALUATIONS = 50_000_000
MAX_OUTPUTS = 10_000_000
MAX_POINTS = 100_000
# The activations the page offers: core.activations' functions, plus erf, whose wide-network
# limit has a closed-form kernel (Williams 1998).
ACTIVATION_NAMES = ("relu", "tanh", "erf", "sigmoid", "gelu", "silu", "elu", "softplus", "linear")
# E[h(z)] and E[h(z)^2] for z ~ N(0, s^2) are known in closed form for these (kernels.py).
LIMIT_KERNELS = {"erf": NeuralNetwork, "relu": ArcCosine}


# --- the prior ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class NormalPrior:
    """``Normal(loc, scale)`` on every entry of one parameter tensor."""

    loc: float = 0.0
    scale: float = 1.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "loc", bounded("prior loc", self.loc, -LOC_LIMIT, LOC_LIMIT))
        object.__setattr__(self, "scale", _prior_scale("prior scale", self.scale))


def _prior_scale(name: str, value: object) -> float:
    value = positive(name, value)  # 0, negative and NaN say so before the range check does
    return scale(name, value, *SCALE_LIMITS)


@dataclass(frozen=True)
class NetworkPrior:
    """The four priors, by parameter; hashable, so pages can cache on it."""

    fc1_weight: NormalPrior = NormalPrior()
    fc1_bias: NormalPrior = NormalPrior()
    out_weight: NormalPrior = NormalPrior()
    out_bias: NormalPrior = NormalPrior()

    def __post_init__(self) -> None:
        for f in fields(self):
            if not isinstance(getattr(self, f.name), NormalPrior):
                raise InputError(
                    f"{f.name} must be a NormalPrior(loc, scale), got "
                    f"{excerpt(getattr(self, f.name))}.",
                    code="bnn_prior_type",
                    name=f.name,
                )

    @classmethod
    def isotropic(cls, scale: float = 1.0) -> NetworkPrior:
        """``Normal(0, scale)`` on every weight and bias."""
        p = NormalPrior(0.0, scale)
        return cls(p, p, p, p)

    def of(self, name: str) -> NormalPrior:
        """The prior of parameter ``name`` ("fc1.weight", ...)."""
        return getattr(self, name.replace(".", "_"))

    def items(self) -> list[tuple[str, NormalPrior]]:
        return [(name, self.of(name)) for name in PARAMETERS]


def width_of(value: object) -> int:
    return int_in_range("width J", value, 1, MAX_WIDTH)


def shapes(width: int) -> dict[str, tuple[int, ...]]:
    """The shape of each parameter tensor of one network, as in ``nn.Linear``."""
    return {
        "fc1.weight": (width, 1),
        "fc1.bias": (width,),
        "out.weight": (1, width),
        "out.bias": (1,),
    }


def activation_fn(name: str) -> Callable[[Tensor], Tensor]:
    """The activation ``name``: ``torch.erf``, or the ``torch.nn.functional`` function of
    ``core.activations`` with its default parameters."""
    if name == "erf":
        return torch.erf
    if name not in ACTIVATION_NAMES:
        raise InputError(
            f"Unknown activation {excerpt(name)}; choose one of: {', '.join(ACTIVATION_NAMES)}.",
            code="bnn_activation",
            name=excerpt(name),
            options=", ".join(ACTIVATION_NAMES),
        )
    activation = ACTIVATIONS[name]
    return functools.partial(activation.fn, **activation.resolve({}))


def sample_prior_weights(
    width: int,
    prior: NetworkPrior,
    n_networks: int,
    scale_output: bool = False,
    generator: torch.Generator | None = None,
) -> Params:
    """Batched parameters of ``n_networks`` networks drawn from the prior.

    One draw per tensor, in the order of ``PARAMETERS``: ``loc + scale * randn``, i.e.
    ``Normal(loc, scale).sample((n,))`` with our generator. With ``scale_output`` the output
    weights are then divided by sqrt(J): ``out.weight ~ Normal(loc / sqrt(J), scale^2 / J)``.
    """
    width = width_of(width)
    n_networks = int_in_range("number of networks", n_networks, 1, MAX_NETWORKS)
    if n_networks * width > MAX_WEIGHTS:
        raise InputError(
            f"{n_networks} networks of width {width} need too many weights: networks x width "
            f"must be at most {MAX_WEIGHTS:,}, got {n_networks * width:,}.",
            code="bnn_too_many",
            n=n_networks,
            width=width,
            limit=MAX_WEIGHTS,
        )
    weights = {}
    for name, shape in shapes(width).items():
        p = prior.of(name)
        weights[name] = p.loc + p.scale * torch.randn(n_networks, *shape, generator=generator)
    if scale_output:
        weights["out.weight"] = weights["out.weight"] / math.sqrt(width)
    return weights


# --- the network ---------------------------------------------------------------------------


def hidden_layer(x: Tensor, params: Params, activation: Callable[[Tensor], Tensor]) -> Tensor:
    """``h = activation(fc1(x))``: (B, n, J), for inputs x shared by the batch, shape (n,),
    or one row per network, shape (B, n).

    fc1 has one input, so ``fc1(x)`` is the outer product ``x w^T + b``, written as a
    broadcast: on a busy CPU a batched matmul of such thin matrices (and its backward) is
    many times slower than this elementwise form.
    """
    rows = x if x.ndim == 2 else x[None]
    check_evaluations(params["fc1.weight"].shape[0], rows.shape[-1], params["fc1.weight"].shape[1])
    weight, bias = params["fc1.weight"][:, None, :, 0], params["fc1.bias"][:, None, :]
    return activation(rows[:, :, None] * weight + bias)


def readout(h: Tensor, params: Params) -> Tensor:
    """``out(h) = h @ out.weight^T + out.bias`` for hidden activations (B, n, J): (B, n)."""
    return (h * params["out.weight"][:, None, 0, :]).sum(dim=-1) + params["out.bias"]


def check_evaluations(networks: int, points: int, width: int) -> None:
    """At most `MAX_POINTS` inputs, `MAX_OUTPUTS` outputs and `MAX_EVALUATIONS` hidden units."""
    int_in_range("number of points", points, 0, MAX_POINTS)
    product_at_most({"number of networks": networks, "number of points": points}, MAX_OUTPUTS)
    product_at_most(
        {"number of networks": networks, "number of points": points, "width J": width},
        MAX_EVALUATIONS,
    )


def network_outputs(x: Tensor, params: Params, activation: str) -> Tensor:
    """``f(x)`` of every network in a batch: Tensor(B, n) for x of shape (n,) or (B, n).

    Computed in chunks of networks so that the hidden layer never exceeds ``CHUNK`` numbers.
    """
    act = activation_fn(activation)
    x = torch.as_tensor(x).to(params["fc1.weight"].dtype)
    batch, width = params["fc1.weight"].shape[:2]
    check_evaluations(batch, x.shape[-1] if x.ndim else 1, width)
    step = max(1, CHUNK // max(1, x.numel() * width))
    outputs = None  # one block, filled in place: small results kept between the chunks'
    for start in range(0, batch, step):  # temporaries would fragment the heap
        block = {k: v[start : start + step] for k, v in params.items()}
        chunk = readout(hidden_layer(x, block, act), block)
        if outputs is None:
            outputs = chunk.new_empty((batch, *chunk.shape[1:]))
        outputs[start : start + chunk.shape[0]] = chunk
    return outputs


def sample_prior_functions(
    x: Tensor,
    width: int,
    activation: str,
    prior: NetworkPrior,
    n_networks: int,
    scale_output: bool = False,
    generator: torch.Generator | None = None,
) -> Tensor:
    """``f(x)`` for ``n_networks`` networks drawn from the prior: Tensor(n_networks, n)."""
    activation_fn(activation)  # an unknown name fails before any drawing
    networks = int_in_range("number of networks", n_networks, 1, MAX_NETWORKS)
    check_evaluations(networks, torch.as_tensor(x).numel(), width_of(width))
    weights = sample_prior_weights(width, prior, n_networks, scale_output, generator)
    return network_outputs(x, weights, activation)


# --- the prior's moments in closed form ----------------------------------------------------


def has_closed_form(activation: str, prior: NetworkPrior) -> bool:
    """Whether ``prior_moments`` knows the mean and variance of f(x): always for a linear
    activation; for erf and ReLU when the fc1 priors are centred (loc 0)."""
    activation_fn(activation)
    if activation == "linear":
        return True
    centred = prior.fc1_weight.loc == 0 and prior.fc1_bias.loc == 0
    return activation in LIMIT_KERNELS and centred


def prior_moments(
    x: Tensor, width: int, activation: str, prior: NetworkPrior, scale_output: bool = False
) -> tuple[Tensor, Tensor]:
    """Exact ``E[f(x)]`` and ``Var[f(x)]`` under the prior, for any width J, in float64.

    With ``z = w1 x + b1 ~ N(mu_z, s_z^2)``, ``mu_z = m_w1 x + m_b1``,
    ``s_z^2 = s_w1^2 x^2 + s_b1^2``, and output weights ``v ~ N(m_v, s_v^2)`` (after the
    1/sqrt(J) factor), the J terms ``v_j h(z_j)`` are independent, so
    ``E f = m_b2 + J m_v E[h]`` and ``Var f = s_b2^2 + J (E[v^2] E[h^2] - m_v^2 E[h]^2)``.
    Linear h: ``E[h] = mu_z``, ``E[h^2] = mu_z^2 + s_z^2``. erf and ReLU with centred fc1:
    ``E[h^2] = k(x, x)`` of ``NeuralNetwork(s_b1, s_w1)`` / ``ArcCosine(s_b1, s_w1)``, and
    ``E[erf z] = 0``, ``E[relu z] = s_z / sqrt(2 pi)``.
    """
    width = width_of(width)
    if not has_closed_form(activation, prior):
        raise InputError(
            f"The prior variance of a {activation} network has no closed form here: it is "
            "known for linear units, and for erf and relu units with fc1 locs of 0.",
            code="bnn_no_closed_form",
            activation=activation,
        )
    x = torch.as_tensor(x, dtype=torch.float64).reshape(-1)
    int_in_range("number of points", x.numel(), 0, MAX_POINTS)
    w1, b1, b2 = prior.fc1_weight, prior.fc1_bias, prior.out_bias
    factor = 1.0 / math.sqrt(width) if scale_output else 1.0
    m_v, s_v = prior.out_weight.loc * factor, prior.out_weight.scale * factor
    if activation == "linear":
        mean_h = w1.loc * x + b1.loc
        mean_h2 = mean_h**2 + w1.scale**2 * x**2 + b1.scale**2
    else:
        mean_h2 = LIMIT_KERNELS[activation](b1.scale, w1.scale).diag(x)
        s_z = torch.sqrt(w1.scale**2 * x**2 + b1.scale**2)
        mean_h = s_z / math.sqrt(2 * math.pi) if activation == "relu" else torch.zeros_like(x)
    mean = b2.loc + width * m_v * mean_h
    variance = b2.scale**2 + width * ((m_v**2 + s_v**2) * mean_h2 - m_v**2 * mean_h**2)
    return mean, variance


def has_gp_limit(activation: str, prior: NetworkPrior) -> bool:
    """Whether networks with 1/sqrt(J) output scaling tend to a Gaussian process as J grows:
    erf or ReLU units with centred fc1 priors, and for ReLU (whose units have a mean output
    above 0) a centred output-weight prior too, else the mean of f grows like sqrt(J)."""
    if activation not in LIMIT_KERNELS or not has_closed_form(activation, prior):
        return False
    return activation == "erf" or prior.out_weight.loc == 0


def gp_limit_kernel(activation: str, prior: NetworkPrior) -> Kernel:
    """The kernel of the Gaussian process that 1/sqrt(J)-scaled networks tend to (Neal 1996):
    ``s_b2^2 + (m_v^2 + s_v^2) k(x, x')`` with ``k = NeuralNetwork(s_b1, s_w1)`` for erf
    (Williams 1998) or ``ArcCosine(s_b1, s_w1)`` for ReLU; its mean is ``m_b2``. It is also
    the exact covariance at every width J."""
    if not has_gp_limit(activation, prior):
        raise InputError(
            f"A {activation} network with these priors has no Gaussian-process limit here: it "
            "needs erf or relu units, fc1 locs of 0, and (for relu) an out.weight loc of 0.",
            code="bnn_no_gp_limit",
            activation=activation,
        )
    v = prior.out_weight
    unit = LIMIT_KERNELS[activation](prior.fc1_bias.scale, prior.fc1_weight.scale)
    return Constant(prior.out_bias.scale**2) + (v.loc**2 + v.scale**2) * unit


def moment_band(mean: Tensor, variance: Tensor, k_sigma: float = 2.0) -> tuple[Tensor, Tensor]:
    """``mean -/+ k_sigma * sqrt(variance)``."""
    k_sigma = finite("k_sigma", k_sigma)
    sd = torch.sqrt(variance)
    return mean - k_sigma * sd, mean + k_sigma * sd


def check_functions(functions: Tensor, min_networks: int) -> None:
    """(networks, points) sampled functions: at least ``min_networks`` networks, at most
    `MAX_OUTPUTS` numbers."""
    if functions.ndim != 2 or functions.shape[0] < min_networks:
        raise InputError(
            "The sampled functions must be a (networks, points) tensor with at least "
            f"{min_networks} network(s), got shape {tuple(functions.shape)}.",
            code="bnn_functions_shape",
            shape=str(tuple(functions.shape)),
            min=min_networks,
        )
    int_in_range("number of outputs", functions.numel(), 0, MAX_OUTPUTS)


def sample_variance(functions: Tensor) -> Tensor:
    """The unbiased variance of f(x) over networks (dim 0) at each x, in float64; 0 for one
    network."""
    check_functions(functions, 1)
    f = functions.to(torch.float64)
    return f.var(dim=0) if f.shape[0] > 1 else torch.zeros_like(f[0])


# --- the variational posterior's pieces ------------------------------------------------------


def softplus(rho: Tensor) -> Tensor:
    """``sigma = softplus(rho) = log(1 + exp(rho)) > 0`` for every real rho: the guide's
    standard deviations are unconstrained numbers rho, yet always positive.

    Far below 0 softplus(rho) ~ exp(rho) underflows (to 0 below about -104 in float32), so the
    result is floored at the smallest normal number of its type: > 0 for any rho, and
    ``log(sigma)`` in the KL term stays finite. Nowhere else does the floor change a value.
    """
    return F.softplus(rho).clamp_min(torch.finfo(rho.dtype).tiny)


def inverse_softplus(sigma: object) -> Tensor:
    """``rho = log(exp(sigma) - 1)``, written ``sigma + log(1 - exp(-sigma))`` so that it
    neither overflows for large sigma nor loses small ones: the rho that starts the guide at a
    chosen sigma."""
    s = torch.as_tensor(sigma)
    s = s if s.is_floating_point() else s.to(torch.get_default_dtype())
    _check_sigma("sigma", s, ~(torch.isfinite(s) & (s > 0)))
    return s + torch.log(-torch.expm1(-s))


def kl_normal(mu_q: Tensor, sigma_q: Tensor, mu_p: object, sigma_p: object) -> Tensor:
    """``KL(N(mu_q, sigma_q^2) || N(mu_p, sigma_p^2))`` elementwise, in closed form:
    ``log(sigma_p / sigma_q) + (sigma_q^2 + (mu_q - mu_p)^2) / (2 sigma_p^2) - 1/2``
    (Kingma & Welling 2014, appendix B; Blundell et al. 2015).

    Both sigmas must be > 0 (sigma 0 gives an infinite or NaN KL); NaN and inf pass
    through, so a training run that diverged is reported by its loss."""
    sigma_q, mu_q = torch.as_tensor(sigma_q), torch.as_tensor(mu_q)
    sigma_p = torch.as_tensor(sigma_p, dtype=sigma_q.dtype)
    mu_p = torch.as_tensor(mu_p, dtype=mu_q.dtype)
    for name, s in (("sigma_q", sigma_q), ("sigma_p", sigma_p)):
        _check_sigma(name, s, s <= 0)
    return torch.log(sigma_p / sigma_q) + (sigma_q**2 + (mu_q - mu_p) ** 2) / (2 * sigma_p**2) - 0.5


def _check_sigma(name: str, sigma: Tensor, bad: Tensor) -> None:
    if bool(bad.any()):
        count, entries = offending_entries(sigma, bad)
        raise InputError(
            f"{name} must be finite and greater than 0; {count} entries are not: {entries}.",
            code="bnn_sigma",
            name=name,
            count=count,
            value=entries,
        )
