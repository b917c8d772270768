"""core.distributions_sampling draws torch.distributions' own stream from a generator."""

import pytest
import torch
from torch.distributions import (
    Beta,
    Cauchy,
    Chi2,
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

from core.distributions_sampling import rsample, sample
from core.errors import InputError

DISTS = [
    Normal(1.0, 2.0),
    Uniform(-1.0, 3.0),
    Gumbel(0.5, 1.5),
    Laplace(-1.0, 0.5),
    StudentT(3.0, 1.0, 2.0),
    LogNormal(0.0, 0.75),
    Exponential(2.0),
    Gamma(0.5, 3.0),
    Gamma(4.0, 1.0),
    Chi2(3.0),
    Beta(2.0, 5.0),
    Beta(0.3, 0.4),
    MultivariateNormal(torch.tensor([1.0, -1.0]), torch.tensor([[2.0, 0.5], [0.5, 1.0]])),
    Normal(torch.zeros(3), torch.tensor([1.0, 2.0, 3.0])),  # a batch
    Gamma(torch.tensor([0.5, 2.0]), torch.tensor([1.0, 3.0])),
    Beta(torch.tensor([0.5, 2.0]), torch.tensor([2.0, 0.5])),
]


@pytest.mark.parametrize("dist", DISTS, ids=repr)
@pytest.mark.parametrize("shape", [(), (1,), (7,), (1000, 2)])
def test_sample_is_torch_sample_under_the_same_seed_bit_for_bit(dist, shape):
    torch.manual_seed(21)
    ref = dist.sample(shape)
    ours = sample(dist, shape, torch.Generator().manual_seed(21))
    assert ours.shape == ref.shape
    assert torch.equal(ours, ref)


@pytest.mark.parametrize("dist", DISTS, ids=repr)
def test_rsample_is_torch_rsample_under_the_same_seed(dist):
    torch.manual_seed(5)
    ref = dist.rsample((50,))
    ours = rsample(dist, (50,), torch.Generator().manual_seed(5))
    assert torch.equal(ours, ref)


def test_without_a_generator_the_global_stream_is_used():
    dist = Gumbel(0.0, 1.0)
    torch.manual_seed(2)
    ref = dist.sample((10,))
    torch.manual_seed(2)
    assert torch.equal(sample(dist, (10,)), ref)


@pytest.mark.parametrize(
    ("make", "params"),
    [
        (Normal, (1.0, 2.0)),
        (Gamma, (2.0, 1.5)),
        (Beta, (2.0, 3.0)),
        (StudentT, (4.0, 0.0, 1.0)),
        (Gumbel, (0.0, 1.0)),
    ],
)
def test_rsample_carries_gradients_and_sample_does_not(make, params):
    theta = [torch.tensor(p, requires_grad=True) for p in params]
    x = rsample(make(*theta), (20,), torch.Generator().manual_seed(1))
    grads = torch.autograd.grad(x.sum(), theta)
    assert all(torch.isfinite(g) for g in grads)
    y = sample(make(*theta), (20,), torch.Generator().manual_seed(1))
    assert not y.requires_grad
    assert torch.equal(x.detach(), y)


def test_a_family_without_a_seeded_sampler_raises_an_input_error():
    with pytest.raises(InputError) as info:
        sample(Cauchy(0.0, 1.0), (3,), torch.Generator().manual_seed(0))
    assert info.value.code == "dist_unsupported"
