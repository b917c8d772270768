"""torch.distributions samplers that take a `torch.Generator`.

`Distribution.sample()` and `.rsample()` draw from torch's global random state, which every
session of a server shares. These functions repeat, operation for operation, what torch's own
`rsample` does for the families the lab offers, but draw the noise from ``generator``. The
stream is the same: ``torch.manual_seed(s); d.sample((n,))`` equals
``sample(d, (n,), torch.Generator().manual_seed(s))`` bit for bit (tested), so the code panels
can show plain ``dist.sample`` and reproduce the page's numbers.
"""

from __future__ import annotations

import torch
from torch.autograd.function import Function, once_differentiable
from torch.distributions import (
    Beta,
    Chi2,
    Distribution,
    Exponential,
    Gamma,
    Laplace,
    MultivariateNormal,
    Normal,
    StudentT,
    TransformedDistribution,
    Uniform,
)

from core.errors import InputError
from core.validate import MAX_ELEMENTS, int_in_range

SUPPORTED = (
    "Normal, Uniform, Laplace, StudentT, Exponential, Gamma, Beta, MultivariateNormal and "
    "transformed distributions of them (Gumbel, LogNormal)"
)


def rsample(
    dist: Distribution, sample_shape=(), generator: torch.Generator | None = None
) -> torch.Tensor:
    """A reparameterised sample: differentiable with respect to the distribution's parameters.

    x = g(theta, noise) with the noise drawn from ``generator`` (Kingma & Welling 2014); Gamma,
    Beta and StudentT use torch's implicit reparameterisation gradients (Figurnov et al. 2018),
    dx/dtheta = -(dF(x; theta)/dtheta) / p(x; theta).
    """
    shape = torch.Size(sample_shape) + dist.batch_shape + dist.event_shape
    int_in_range("number of values drawn", shape.numel(), 0, MAX_ELEMENTS)
    for kind, draw in _SAMPLERS:
        if isinstance(dist, kind):
            return draw(dist, torch.Size(sample_shape), shape, generator)
    raise InputError(
        f"Seeded sampling supports {SUPPORTED}; got {type(dist).__name__}.",
        code="dist_unsupported",
        kind=type(dist).__name__,
    )


# Each sampler: (dist, sample_shape, full shape, generator) -> sample, as torch's rsample.


def _transformed(d: TransformedDistribution, sample_shape, shape, g):  # Gumbel, LogNormal
    x = rsample(d.base_dist, sample_shape, g)
    for transform in d.transforms:
        x = transform(x)
    return x


def _normal(d: Normal, sample_shape, shape, g):
    return d.loc + torch.randn(shape, generator=g, dtype=d.loc.dtype) * d.scale


def _mvn(d: MultivariateNormal, sample_shape, shape, g):
    eps = torch.randn(shape, generator=g, dtype=d.loc.dtype)
    return d.loc + torch.matmul(d.scale_tril, eps.unsqueeze(-1)).squeeze(-1)


def _uniform(d: Uniform, sample_shape, shape, g):
    return d.low + torch.rand(shape, generator=g, dtype=d.low.dtype) * (d.high - d.low)


def _laplace(d: Laplace, sample_shape, shape, g):
    u = d.loc.new_empty(shape).uniform_(torch.finfo(d.loc.dtype).eps - 1, 1, generator=g)
    return d.loc - d.scale * u.sign() * torch.log1p(-u.abs())


def _student_t(d: StudentT, sample_shape, shape, g):
    # X ~ N(0, 1), Z ~ chi2(df): X / sqrt(Z / df) ~ t(df); torch draws X first.
    eps = torch.randn(shape, generator=g, dtype=d.df.dtype)
    z = rsample(Chi2(d.df), sample_shape, g)
    return d.loc + d.scale * eps * torch.rsqrt(z / d.df)


def _exponential(d: Exponential, sample_shape, shape, g):
    return d.rate.new_empty(shape).exponential_(generator=g) / d.rate


def _gamma(d: Gamma, sample_shape, shape, g):  # Chi2 too
    value = torch._standard_gamma(d.concentration.expand(shape), generator=g)
    value = value / d.rate.expand(shape)
    value.detach().clamp_(min=torch.finfo(value.dtype).tiny)  # as torch: outside autograd
    return value


def _beta(d: Beta, sample_shape, shape, g):
    concentration = torch.stack([d.concentration1, d.concentration0], -1)
    return _SeededDirichlet.apply(concentration.expand((*shape, 2)), g).select(-1, 0)


_SAMPLERS = (
    (TransformedDistribution, _transformed),
    (Normal, _normal),
    (MultivariateNormal, _mvn),
    (Uniform, _uniform),
    (Laplace, _laplace),
    (StudentT, _student_t),
    (Exponential, _exponential),
    (Gamma, _gamma),
    (Beta, _beta),
)


def sample(
    dist: Distribution, sample_shape=(), generator: torch.Generator | None = None
) -> torch.Tensor:
    """A sample outside the autograd graph, as `Distribution.sample` (same stream as rsample)."""
    with torch.no_grad():
        return rsample(dist, sample_shape, generator)


class _SeededDirichlet(Function):
    """torch.distributions.dirichlet._Dirichlet with a generator: the forward pass draws
    ``torch._sample_dirichlet``; the backward pass is torch's implicit gradient."""

    @staticmethod
    def forward(ctx, concentration, generator):
        x = torch._sample_dirichlet(concentration, generator=generator)
        ctx.save_for_backward(x, concentration)
        return x

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_output):
        x, concentration = ctx.saved_tensors
        total = concentration.sum(-1, True).expand_as(concentration)
        grad = torch._dirichlet_grad(x, concentration, total)
        return grad * (grad_output - (x * grad_output).sum(-1, True)), None
