"""Short PyTorch programs that reproduce each view of the Normal-distributions page.

Each program stands alone (torch; scipy for the Gamma and Beta medians) and uses plain
``torch.manual_seed`` + ``dist.sample``: the page draws the same stream from a seeded generator,
so the numbers agree (the tests run these programs and compare).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def _num(x: float) -> str:
    return repr(float(x))


def _cov_lines(sigmas: Sequence[float] | None, matrix: Sequence[float] | None) -> str:
    if sigmas is not None:
        sx, sy, rho = (_num(v) for v in sigmas)
        return (
            f"sx, sy, rho = {sx}, {sy}, {rho}\n"
            "cov = torch.tensor([[sx * sx, rho * sx * sy], [rho * sx * sy, sy * sy]])"
        )
    c11, c12, c21, c22 = (_num(v) for v in matrix or ())
    return f"cov = torch.tensor([[{c11}, {c12}], [{c21}, {c22}]])"


def normal_2d_code(
    mean: Sequence[float],
    n: int,
    seed: int,
    probe: Sequence[float],
    a: float,
    *,
    bounds: Sequence[float],
    grid: int,
    sigmas: Sequence[float] | None = None,
    matrix: Sequence[float] | None = None,
) -> str:
    """The 2D view: the density grid, samples, sample moments, the probe, the k-sigma
    fractions and p(y | x = a). The covariance comes from ``sigmas`` (sigma_x, sigma_y, rho) or
    a typed ``matrix``; ``bounds`` (x_lo, x_hi, y_lo, y_hi) and ``grid`` are the chart's."""
    mx, my = (_num(v) for v in mean)
    px, py = (_num(v) for v in probe)
    x_lo, x_hi, y_lo, y_hi = (_num(round(v, 6)) for v in bounds)
    return f"""import math

import torch
from torch.distributions import MultivariateNormal

mean = torch.tensor([{mx}, {my}])
{_cov_lines(sigmas, matrix)}
dist = MultivariateNormal(mean, covariance_matrix=cov)

# the density on the chart's grid, exp(log_prob): rows follow y, columns x
xs = torch.linspace({x_lo}, {x_hi}, {grid})
ys = torch.linspace({y_lo}, {y_hi}, {grid})
gx, gy = torch.meshgrid(xs, ys, indexing="xy")
density = dist.log_prob(torch.stack([gx, gy], dim=-1)).exp()

torch.manual_seed({seed})
samples = dist.sample(({n},))  # shape ({n}, 2)
sample_mean = samples.mean(0)
sample_cov = torch.cov(samples.T)  # divisor n - 1

# the probe: log density and Mahalanobis distance sqrt(d^T cov^-1 d)
probe = torch.tensor([{px}, {py}])
log_p = dist.log_prob(probe)
d = probe - mean
mahalanobis = torch.sqrt(d @ torch.linalg.solve(cov, d))

# k-sigma ellipses: fraction of samples inside vs the 2D mass 1 - exp(-k^2 / 2)
diff = samples - mean
m2 = (diff @ torch.linalg.inv(cov) * diff).sum(1)
inside = [(m2 <= k**2).float().mean().item() for k in (1, 2, 3)]
mass = [1 - math.exp(-(k**2) / 2) for k in (1, 2, 3)]

# p(y | x = a) = N(mu_y + cov_yx / cov_xx (a - mu_x), cov_yy - cov_yx^2 / cov_xx)
a = {_num(a)}
cond_mean = mean[1] + cov[1, 0] / cov[0, 0] * (a - mean[0])
cond_var = cov[1, 1] - cov[1, 0] ** 2 / cov[0, 0]

print("sample mean", sample_mean.tolist(), "sample cov", sample_cov.tolist())
print("log_prob", log_p.item(), "density", log_p.exp().item())
print("Mahalanobis distance", mahalanobis.item())
print("inside the 1, 2, 3-sigma ellipses", inside, "expected", mass)
print("p(y | x = a): mean", cond_mean.item(), "variance", cond_var.item())
"""


_MEDIAN = {
    "Normal": "median = dist.loc.item()  # symmetric about loc",
    "Laplace": "median = dist.loc.item()  # symmetric about loc",
    "StudentT": "median = dist.loc.item()  # symmetric about loc",
    "Uniform": "median = dist.icdf(torch.tensor(0.5)).item()",
    "Gumbel": "median = (dist.loc - dist.scale * math.log(math.log(2))).item()",
    "LogNormal": "median = dist.loc.exp().item()  # e^mu",
    "Exponential": "median = math.log(2) / dist.rate.item()",
    "Gamma": (
        "median = scipy.special.gammaincinv(dist.concentration.item(), 0.5) / dist.rate.item()"
    ),
    "Beta": (
        "median = scipy.special.betaincinv(\n"
        "    dist.concentration1.item(), dist.concentration0.item(), 0.5\n)"
    ),
}

_MODE = {
    "Uniform": 'mode = float("nan")  # every point of [low, high) is a mode',
    "Beta": """a, b = dist.concentration1.item(), dist.concentration0.item()
if a > 1 and b > 1:
    mode = (a - 1) / (a + b - 2)
elif a <= 1 < b or (a < 1 and b == 1):
    mode = 0.0  # the density decreases
elif b <= 1 < a or (b < 1 and a == 1):
    mode = 1.0  # the density increases
else:
    mode = float("nan")  # flat, or U-shaped with two modes (0 and 1)""",
}


def _constructor(family: str, params: Mapping[str, float], requires_grad_m: int | None) -> str:
    if requires_grad_m is None:
        args = ", ".join(f"{k}=torch.tensor({_num(v)})" for k, v in params.items())
        return f"dist = {family}({args})"
    lines = [f"{k} = torch.full((m,), {_num(v)}, requires_grad=True)" for k, v in params.items()]
    lines.append(f"dist = {family}({', '.join(params)})")
    return "\n".join(lines)


def univariate_code(family: str, params: Mapping[str, float], n: int, seed: int) -> str:
    """The 1D view: n samples and mean, median, mode, variance, entropy of ``family``."""
    imports = "import math\n\n" if "math." in _MEDIAN[family] else ""
    imports += "import scipy.special\n" if family in ("Gamma", "Beta") else ""
    return f"""{imports}import torch
from torch.distributions import {family}

{_constructor(family, params, None)}

torch.manual_seed({seed})
x = dist.sample(({n},))

mean = dist.mean.item()
variance = dist.variance.item()
entropy = dist.entropy().item()  # nats
{_MEDIAN[family]}
{_MODE.get(family, "mode = dist.mode.item()")}

print("mean", mean, "median", median, "mode", mode)
print("variance", variance, "entropy", entropy)
print("sample mean", x.mean().item(), "sample median", x.median().item())
"""


def reparam_code(family: str, params: Mapping[str, float], m: int, seed: int) -> str:
    """sample() vs rsample(): gradients of each draw with respect to every parameter."""
    grads = "\n".join(f'print("dx/d{k}", {k}.grad.tolist())' for k in params)
    return f"""import torch
from torch.distributions import {family}

m = {m}  # one copy of the parameters per draw: then .grad[i] is d x_i / d theta
{_constructor(family, params, m)}

torch.manual_seed({seed})
x = dist.rsample()  # reparameterised: x = g(theta, noise), differentiable in theta
x.sum().backward()
print("x", x.tolist())
{grads}

torch.manual_seed({seed})
y = dist.sample()  # the same numbers, but cut from the autograd graph
print("sample() requires_grad:", y.requires_grad)  # False: no gradient reaches theta
"""
