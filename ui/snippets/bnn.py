"""PyTorch programs reproducing each view of the Bayesian-network page with its current values.

Each returns a self-contained script in plain PyTorch (``torch.distributions.Normal``,
``F.softplus``, ``torch.optim.Adam``); the tests run it and compare its numbers with
``core.bnn*``. Values are written with ``repr`` so the script computes what the page did, and
random numbers come from seeded generators in the same order as in ``core``.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.activations import ACTIVATIONS
from core.bnn import ACTIVATION_NAMES, PARAMETERS
from core.bnn_data import DOMAIN, TRUE_FUNCTIONS

_HEADER = "import math\n\nimport torch\nimport torch.nn.functional as F\n"

_NETWORK = '''
shapes = {{
    "fc1.weight": (width, 1), "fc1.bias": (width,), "out.weight": (1, width), "out.bias": (1,)
}}


def hidden(x, w):
    """act(fc1(x)) for a batch of networks: (networks, points, width). fc1 has one input,
    so fc1(x) is the outer product x w^T + b."""
    rows = x[None] if x.ndim == 1 else x  # inputs shared by all networks, or one row each
    pre = rows[:, :, None] * w["fc1.weight"][:, None, :, 0] + w["fc1.bias"][:, None, :]
    return {act}


def readout(h, w):
    """out(h) = h @ out.weight^T + out.bias: (networks, points)."""
    return (h * w["out.weight"][:, None, 0, :]).sum(dim=-1) + w["out.bias"]

'''

_DATA = """
# Toy data: y = f(x) + noise, x uniform on [{lo!r}, {hi!r}] outside the gap [{gap_lo!r}, {gap_hi!r}]
gen = torch.Generator().manual_seed({seed})


def true_f(x):
    return {source}


def inputs(n):  # uniform on an interval as long as what the gap leaves, shifted past it
    u = {lo!r} + {remaining!r} * torch.rand(n, generator=gen)
    return torch.sort(torch.where(u >= {gap_lo!r}, u + {gap_width!r}, u)).values


x = inputs({n})
y = true_f(x) + {noise!r} * torch.randn({n}, generator=gen)
"""

_TEST_DATA = """x_test = inputs({n_test})
y_test = true_f(x_test) + {noise!r} * torch.randn({n_test}, generator=gen)
"""

_INIT = """
# nn.Linear's initialisation, from our generator: U(-1/sqrt(fan_in), 1/sqrt(fan_in))
gen = torch.Generator().manual_seed({seed})
bound = {{"fc1": 1.0, "out": 1 / math.sqrt(width)}}
init = {{
    name: bound[name.split(".")[0]] * (2 * torch.rand(shape, generator=gen) - 1)
    for name, shape in shapes.items()
}}
"""


def _activation_call(name: str, argument: str) -> str:
    """PyTorch source applying activation ``name`` to ``argument``."""
    if name == "erf":
        return f"torch.erf({argument})"
    if name not in ACTIVATION_NAMES:
        raise ValueError(name)
    return ACTIVATIONS[name].call_source(x=argument)


def _network(activation: str) -> str:
    return _NETWORK.format(act=_activation_call(activation, "pre"))


def _data(
    function: str, noise: float, n: int, gap: tuple[float, float], seed: int, n_test: int | None
) -> str:
    lo, hi = DOMAIN
    gap_width = gap[1] - gap[0]
    code = _DATA.format(
        lo=lo,
        hi=hi,
        gap_lo=gap[0],
        gap_hi=gap[1],
        gap_width=gap_width,
        remaining=hi - lo - gap_width,
        seed=seed,
        source=TRUE_FUNCTIONS[function].source,
        n=n,
        noise=noise,
    )
    if n_test is not None:
        code += _TEST_DATA.format(n_test=n_test, noise=noise)
    return code


def prior_code(
    width: int,
    activation: str,
    priors: Sequence[tuple[float, float]],
    n: int,
    scale_output: bool,
    points: int,
    seed: int,
) -> str:
    """Networks drawn from Normal(loc, scale) priors, all at once, and the functions they
    compute; then the variance of f(x) over them."""
    lo, hi = DOMAIN
    x_mid = lo + (hi - lo) * (points // 2) / (points - 1)
    table = ",\n".join(
        f'    "{name}": ({loc!r}, {scale!r})'
        for name, (loc, scale) in zip(PARAMETERS, priors, strict=True)
    )
    scaling = (
        "# Neal (1996): out.weight / sqrt(J) keeps Var f(x) finite as the width J grows\n"
        'w["out.weight"] = w["out.weight"] / math.sqrt(width)\n'
        if scale_output
        else ""
    )
    variance = (
        f'print("Var f(x) at x = {x_mid!r} over the networks:", f[:, {points // 2}].var().item())\n'
        if n > 1
        else ""
    )
    return f"""{_HEADER}
width, n_networks = {width}, {n}
{_network(activation)}
priors = {{  # parameter: (loc, scale) of its Normal prior
{table},
}}
gen = torch.Generator().manual_seed({seed})
# One draw per tensor for all networks at once: a batch dimension first, no loop
w = {{
    name: loc + scale * torch.randn(n_networks, *shapes[name], generator=gen)
    for name, (loc, scale) in priors.items()
}}
{scaling}
x = torch.linspace({lo!r}, {hi!r}, {points})
f = readout(hidden(x, w), w)  # (networks, points): one random function per row
{variance}"""


def vi_code(
    data: tuple[str, float, int, tuple[float, float]],
    width: int,
    activation: str,
    prior_scale: float,
    sigma_y: float,
    steps: int,
    lr: float,
    n_samples: int,
    seeds: dict[str, int],
    points: int,
    predictive_samples: int,
    init_sigma: float = 0.05,
) -> str:
    """Bayes by backprop: the guide Normal(mu, softplus(rho)), the ELBO with reparameterised
    samples and the closed-form KL, Adam, and the predictive band."""
    function, noise, n, gap = data
    lo, hi = DOMAIN
    return f"""{_HEADER}from torch.distributions import Normal
{_data(function, noise, n, gap, seeds["data"], None)}
width, prior_scale, sigma_y = {width}, {prior_scale!r}, {sigma_y!r}
steps, lr, K = {steps}, {lr!r}, {n_samples}
{_network(activation)}{_INIT.format(seed=seeds["train"])}
# The guide q(w) = Normal(mu, softplus(rho)): rho is unconstrained, sigma is always > 0.
# rho starts at softplus^-1(sigma0) = log(exp(sigma0) - 1), written stably:
sigma0 = torch.tensor({init_sigma!r})
rho0 = sigma0 + torch.log(-torch.expm1(-sigma0))
mu = {{name: value.requires_grad_() for name, value in init.items()}}
rho = {{name: torch.full_like(value, rho0.item()).requires_grad_() for name, value in init.items()}}


def sample(n):
    \"\"\"n networks from q by reparameterisation: what Normal(mu, sigma).rsample() computes,
    with our generator: the gradient flows through mu and rho.\"\"\"
    return {{
        name: mu[name] + F.softplus(rho[name]) * torch.randn(n, *mu[name].shape, generator=gen)
        for name in mu
    }}


def kl_normal(mu_q, sigma_q, mu_p, sigma_p):
    \"\"\"KL(N(mu_q, sigma_q^2) || N(mu_p, sigma_p^2)) in closed form, elementwise.\"\"\"
    sigma_p, mu_p = torch.as_tensor(sigma_p), torch.as_tensor(mu_p)
    return (
        torch.log(sigma_p / sigma_q)
        + (sigma_q**2 + (mu_q - mu_p) ** 2) / (2 * sigma_p**2)
        - 0.5
    )


optimizer = torch.optim.Adam([*mu.values(), *rho.values()], lr=lr)
for step in range(steps):
    w = sample(K)
    f = readout(hidden(x, w), w)  # (K, n): K networks drawn from q
    log_likelihood = Normal(f, sigma_y).log_prob(y).sum(dim=1).mean()
    kl = sum(kl_normal(mu[k], F.softplus(rho[k]), 0.0, prior_scale).sum() for k in mu)
    loss = kl - log_likelihood  # = -ELBO
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print("ELBO", -loss.item(), "KL", kl.item())

# The predictive band: mean -/+ 2 sd of f over networks drawn from q
gen = torch.Generator().manual_seed({seeds["predictive"]})
xs = torch.linspace({lo!r}, {hi!r}, {points})
with torch.no_grad():
    w = sample({predictive_samples})
    fs = readout(hidden(xs, w), w)
mean, sd = fs.mean(dim=0), fs.std(dim=0)
lower, upper = mean - 2 * sd, mean + 2 * sd
"""


def noise_code(
    data: tuple[str, float, int, tuple[float, float]],
    n_test: int,
    width: int,
    activation: str,
    input_sigma: float,
    hidden_sigma: float,
    steps: int,
    lr: float,
    seeds: dict[str, int],
    points: int,
) -> str:
    """Two copies of one network, trained side by side: without noise, and with Gaussian
    noise on the inputs and hidden activations; their training and test errors."""
    function, noise, n, gap = data
    lo, hi = DOMAIN
    return f"""{_HEADER}{_data(function, noise, n, gap, seeds["data"], n_test)}
width, steps, lr = {width}, {steps}, {lr!r}
{_network(activation)}{_INIT.format(seed=seeds["train"])}
# Two copies of the same initial network, trained as one batch: 0 without noise, 1 with.
# Adam treats every parameter on its own, so each copy trains as if it were alone.
w = {{name: value.expand(2, *value.shape).clone().requires_grad_() for name, value in init.items()}}
sigma_x = torch.tensor([0.0, {input_sigma!r}])  # input noise of each copy
sigma_h = torch.tensor([0.0, {hidden_sigma!r}])  # hidden-activation noise of each copy

optimizer = torch.optim.Adam(w.values(), lr=lr)
for step in range(steps):
    x_noisy = x + sigma_x[:, None] * torch.randn(2, len(x), generator=gen)
    h = hidden(x_noisy, w)
    h = h + sigma_h[:, None, None] * torch.randn(2, len(x), width, generator=gen)
    loss = ((readout(h, w) - y) ** 2).mean(dim=1).sum()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

with torch.no_grad():  # evaluated without noise
    train_mse = ((readout(hidden(x, w), w) - y) ** 2).mean(dim=1)
    test_mse = ((readout(hidden(x_test, w), w) - y_test) ** 2).mean(dim=1)
    fits = readout(hidden(torch.linspace({lo!r}, {hi!r}, {points}), w), w)
print("train MSE without / with noise:", train_mse.tolist())
print("test MSE  without / with noise:", test_mse.tolist())
"""
