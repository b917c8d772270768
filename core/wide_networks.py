"""One-hidden-layer networks with random weights, and the GP they become (Neal 1996).

``f(x) = b + sum_{i=1..J} v_i h(u_i . x~)``, ``x~ = (1, x)``, ``b ~ N(0, sb^2)``,
``v_i ~ N(0, sv^2 / J)``, ``u_i ~ N(0, diag(s0^2, s^2 I))``. For every J,
``Cov(f(x), f(x')) = sb^2 + sv^2 E[h(u.x~) h(u.x~')]``; as J grows the central limit theorem
makes ``f`` a Gaussian process with that kernel: ``NeuralNetwork(s0, s)`` for ``h = erf``
(Williams 1998) and ``ArcCosine(s0, s)`` for ``h = relu`` (Cho & Saul 2009).

Network functions come in float64, to sit next to their GP limit. The histogram helper
``sample_network_at`` works in float32 (the default dtype outside GP linear algebra): at
10,000 hidden units and a thousand networks, float64 random numbers cost four times as long.
"""

from __future__ import annotations

import math

import numpy as np
import torch

from core.errors import InputError
from core.kernels import MAX_ENTRIES, ArcCosine, Constant, Kernel, NeuralNetwork, as_inputs
from core.validate import excerpt, int_in_range, non_negative, positive, product_at_most

ACTIVATIONS = {"erf": torch.erf, "relu": torch.relu}
KERNEL_OF = {"erf": NeuralNetwork, "relu": ArcCosine}
MAX_HIDDEN = 10_000
MAX_NETWORKS = 100_000
# All weights are drawn up front (one seed, one set of draws): bound them (about 120 MB).
MAX_WEIGHTS = 5_000_000
# Hidden-unit evaluations of one call (networks x units x points, or networks x units at one
# point): bounds time (~1 s; the page's largest is 20 x 10,000 x 120 = 24M). The outputs,
# networks x points, are one matrix of at most `MAX_ENTRIES`.
MAX_EVALUATIONS = 50_000_000
# Elements of one hidden-layer block: bounds memory (32 MB) whatever J and n are.
_BLOCK = 4_000_000
DTYPE = torch.float64
HIST_DTYPE = torch.float32


def _activation(name: str):
    if not isinstance(name, str) or name not in ACTIVATIONS:
        raise InputError(
            f"Unknown activation {excerpt(name)}; choose one of {', '.join(ACTIVATIONS)}.",
            code="gp_unknown_activation",
            name=excerpt(name),
            options=", ".join(ACTIVATIONS),
        )
    return ACTIVATIONS[name]


def network_kernel(
    activation: str,
    sigma_b: float = 1.0,
    sigma_v: float = 1.0,
    sigma0: float = 1.0,
    sigma: float = 1.0,
) -> Kernel:
    """The GP limit of the network: ``sb^2 + sv^2 k_h`` with ``k_h`` NeuralNetwork or ArcCosine."""
    _activation(activation)
    sigma_b = non_negative("sigma_b", sigma_b)
    sigma_v = positive("sigma_v", sigma_v)
    kernel = sigma_v**2 * KERNEL_OF[activation](sigma0, sigma)
    return kernel + Constant(sigma_b**2) if sigma_b > 0 else kernel


def _check(n_hidden, n_samples, sigma_b, sigma_v, sigma0, sigma):
    return (
        int_in_range("number of hidden units J", n_hidden, 1, MAX_HIDDEN),
        int_in_range("number of networks", n_samples, 1, MAX_NETWORKS),
        non_negative("sigma_b", sigma_b),
        positive("sigma_v", sigma_v),
        positive("sigma0", sigma0),
        positive("sigma", sigma),
    )


def sample_network(
    x: object,
    n_hidden: int,
    n_samples: int,
    activation: str = "erf",
    sigma_b: float = 1.0,
    sigma_v: float = 1.0,
    sigma0: float = 1.0,
    sigma: float = 1.0,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``f(x)`` for ``n_samples`` independent random networks: Tensor(n_samples, n).

    All weights are drawn first (b, then u0, then u, then v), so the draws do not depend on
    how the hidden layer is split into blocks to bound memory.
    """
    h = _activation(activation)
    x = as_inputs("x", x).to(DTYPE)
    J, N, sigma_b, sigma_v, sigma0, sigma = _check(
        n_hidden, n_samples, sigma_b, sigma_v, sigma0, sigma
    )
    if N * J > MAX_WEIGHTS:
        raise InputError(
            f"{N} networks of {J} hidden units need too many weights: n_samples x n_hidden "
            f"must be at most {MAX_WEIGHTS:,}, got {N * J:,}.",
            code="gp_network_too_big",
            n=N,
            j=J,
            limit=MAX_WEIGHTS,
        )
    product_at_most({"number of networks": N, "number of points": x.shape[0]}, MAX_ENTRIES)
    product_at_most(
        {"number of networks": N, "hidden units J": J, "number of points": x.shape[0]},
        MAX_EVALUATIONS,
    )
    b = sigma_b * torch.randn(N, generator=generator, dtype=DTYPE)
    u0 = sigma0 * torch.randn(N, J, generator=generator, dtype=DTYPE)
    u = sigma * torch.randn(N, J, x.shape[1], generator=generator, dtype=DTYPE)
    v = sigma_v / math.sqrt(J) * torch.randn(N, J, generator=generator, dtype=DTYPE)
    f = b[:, None].expand(N, x.shape[0]).clone()
    step = max(1, _BLOCK // max(1, N * x.shape[0]))
    for start in range(0, J, step):
        block = slice(start, start + step)
        pre = u0[:, block, None] + torch.einsum("sjd,nd->sjn", u[:, block], x)
        f += torch.einsum("sj,sjn->sn", v[:, block], h(pre))
    return f


def sample_erf_network(
    x: object,
    n_hidden: int,
    n_samples: int,
    sigma_b: float = 1.0,
    sigma_v: float = 1.0,
    sigma0: float = 1.0,
    sigma: float = 1.0,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``sample_network`` with ``h = erf``: tends to ``sb^2 + sv^2 NeuralNetwork(s0, s)``."""
    return sample_network(x, n_hidden, n_samples, "erf", sigma_b, sigma_v, sigma0, sigma, generator)


def sample_relu_network(
    x: object,
    n_hidden: int,
    n_samples: int,
    sigma_b: float = 1.0,
    sigma_v: float = 1.0,
    sigma0: float = 1.0,
    sigma: float = 1.0,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``sample_network`` with ``h = relu``: tends to ``sb^2 + sv^2 ArcCosine(s0, s)``."""
    return sample_network(
        x, n_hidden, n_samples, "relu", sigma_b, sigma_v, sigma0, sigma, generator
    )


def _one_point(x0: object) -> torch.Tensor:
    """``x0`` as one input point, shape (d,): a number (d = 1), the d coordinates of the
    point, or a (1, d) row (`as_inputs` would read d numbers as d points of one coordinate)."""
    x = as_inputs("x0", x0)
    if np.ndim(x0) == 1:
        x = x.reshape(1, -1)
    if x.shape[0] != 1:
        raise InputError(
            "x0 must be one point: a number, the list of its d coordinates or a (1, d) row; "
            f"got shape {tuple(x.shape)}.",
            code="gp_point_shape",
            shape=str(tuple(x.shape)),
        )
    return x[0]


def sample_network_at(
    x0: object,
    n_hidden: int,
    n_samples: int,
    activation: str = "erf",
    sigma_b: float = 1.0,
    sigma_v: float = 1.0,
    sigma0: float = 1.0,
    sigma: float = 1.0,
    generator: torch.Generator | None = None,
) -> torch.Tensor:
    """``f(x0)`` over many networks, Tensor(n_samples), float32, for histograms.

    At one input ``x0`` with d coordinates, the pre-activation ``u0 + u.x0`` of each unit is
    ``N(0, s0^2 + s^2 |x0|^2)``, so it is drawn directly: one normal per unit instead of
    d + 1, the same distribution (the kernels' ``q(x0, x0) = s0^2 + s^2 x0.x0``).
    """
    h = _activation(activation)
    x0 = _one_point(x0)
    J, N, sigma_b, sigma_v, sigma0, sigma = _check(
        n_hidden, n_samples, sigma_b, sigma_v, sigma0, sigma
    )
    product_at_most({"number of networks": N, "hidden units J": J}, MAX_EVALUATIONS)
    scale = math.sqrt(sigma0**2 + sigma**2 * float(x0 @ x0))
    b = sigma_b * torch.randn(N, generator=generator, dtype=HIST_DTYPE)
    outputs = []
    # Blocks of networks (a fixed size for a given J, so a seed always gives the same draws).
    step = max(1, 2 * _BLOCK // (4 * J))
    for start in range(0, N, step):
        rows = min(step, N - start)
        pre = scale * torch.randn(rows, J, generator=generator, dtype=HIST_DTYPE)
        v = sigma_v / math.sqrt(J) * torch.randn(rows, J, generator=generator, dtype=HIST_DTYPE)
        outputs.append((v * h(pre)).sum(dim=1))
    return b + torch.cat(outputs)
