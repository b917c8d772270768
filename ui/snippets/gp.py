"""Short PyTorch programs that reproduce each view of the GP-priors page with its values.

Each program stands alone (torch and math only), writes the kernel out as a formula, and
draws from a generator seeded like the page's, so the tests can run it and compare its
numbers with ``core.gp``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.gp_prior_views import GRID_RANGE, X_BASIS, X_BUMPS, X_WIDE
from core.kernels import Kernel
from core.wide_networks import KERNEL_OF

F64 = "dtype=torch.float64"

_SAMPLER = '''
def sample(K, n, gen, jitter=0.0):
    """n draws of N(0, K): L z with L L^T = K + jitter I (jitter: the smallest that worked)."""
    L = torch.linalg.cholesky(K + jitter * torch.eye(len(K), dtype=K.dtype))
    return torch.randn(n, len(K), generator=gen, dtype=K.dtype) @ L.T
'''

# Kernel bodies: first line names the parameters, second computes from r or the
# augmented inner products q (x~ = (1, x), S = diag(s0^2, s^2)).
STATIONARY_CODE = {
    "RBF": "a**2 * torch.exp(-(r**2) / (2 * l**2))",
    "OrnsteinUhlenbeck": "a**2 * torch.exp(-r / l)",
    "Matern32": "a**2 * (1 + math.sqrt(3) * r / l) * torch.exp(-math.sqrt(3) * r / l)",
    "Matern52": (
        "a**2 * (1 + math.sqrt(5) * r / l + 5 * r**2 / (3 * l**2))"
        " * torch.exp(-math.sqrt(5) * r / l)"
    ),
    "Periodic": "a**2 * torch.exp(-2 * torch.sin(math.pi * r / p) ** 2 / l**2)",
    "RationalQuadratic": "a**2 * (1 + r**2 / (2 * alpha * l**2)) ** (-alpha)",
}
SHORT_NAMES = {"amplitude": "a", "lengthscale": "l", "period": "p", "alpha": "alpha"}
DOT_PRODUCT_CODE = {
    "NeuralNetwork": (
        "2 / math.pi * torch.asin(2 * q12 / torch.sqrt((1 + 2 * q11) * (1 + 2 * q22)))"
    ),
    "ArcCosine": (
        "torch.sqrt(q11 * q22) * (torch.sin(t) + (math.pi - t) * torch.cos(t)) / (2 * math.pi)"
    ),
}


def _num(v: float) -> str:
    return repr(float(v))


def _tensor(values: Sequence[float]) -> str:
    return "torch.tensor([" + ", ".join(_num(v) for v in values) + f"], {F64})"


def kernel_function(kernel: Kernel, fn: str = "k", dims: int = 1) -> str:
    """``def fn(x1, x2)`` computing ``kernel`` (one of `core.kernels.KERNELS`) as a formula."""
    name, params = type(kernel).__name__, kernel.parameters
    lines = [f"def {fn}(x1, x2):"]
    if name in STATIONARY_CODE:
        names = [p for p in ("amplitude", "lengthscale", "period", "alpha") if p in params]
        lines.append(
            f"    {', '.join(SHORT_NAMES[p] for p in names)} = "
            f"{', '.join(_num(params[p]) for p in names)}"
        )
        if dims > 1 and name == "Periodic":
            # one periodic factor per input dimension (the Euclidean r is not PSD for d > 1)
            lines += [
                "    d = (x1[:, None, :] - x2[None, :, :]).abs()",
                "    sin2 = (torch.sin(math.pi * d / p) ** 2).sum(-1)",
                "    return a**2 * torch.exp(-2 * sin2 / l**2)",
            ]
        else:
            r = "torch.cdist(x1, x2)" if dims > 1 else "(x1[:, None] - x2[None, :]).abs()"
            lines += [f"    r = {r}", f"    return {STATIONARY_CODE[name]}"]
    elif name == "Linear":
        lines += [
            f"    alpha = {_num(params['alpha'])}",
            "    return alpha**2 * (1 + x1[:, None] * x2[None, :])",
        ]
    else:
        lines += [
            f"    s0, s = {_num(params['sigma0'])}, {_num(params['sigma'])}",
            "    q12 = s0**2 + s**2 * x1[:, None] * x2[None, :]",
            "    q11 = s0**2 + s**2 * x1[:, None] ** 2",
            "    q22 = s0**2 + s**2 * x2[None, :] ** 2",
        ]
        if name == "ArcCosine":
            lines.append("    t = torch.acos((q12 / torch.sqrt(q11 * q22)).clamp(-1, 1))")
        lines.append(f"    return {DOT_PRODUCT_CODE[name]}")
    return "\n".join(lines) + "\n"


def _program(body: str, *, sampler: bool = True, kernels: str = "") -> str:
    parts = ["import math\n\nimport torch\n", _SAMPLER if sampler else "", kernels]
    return "\n".join(p.strip("\n") + "\n" for p in parts if p) + "\n" + body.strip() + "\n"


def _two_kernels(k1: Kernel, k2: Kernel) -> str:
    return kernel_function(k1, fn="k1") + "\n\n" + kernel_function(k2, fn="k2")


def _grid(bounds: tuple[float, float], n: int) -> str:
    return f"x = torch.linspace({_num(bounds[0])}, {_num(bounds[1])}, {n}, {F64})"


def linear_code(alpha: float, n_samples: int, n_points: int, seed: int) -> str:
    """Lines ``w0 + w1 x`` from random weights, and their exact 2-sigma band."""
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
alpha = {_num(alpha)}
gen = torch.Generator().manual_seed({seed})
w = alpha * torch.randn({n_samples}, 2, generator=gen, {F64})  # (w0, w1) ~ N(0, alpha^2 I)
f = w[:, :1] + w[:, 1:] * x  # one line per row
band = 2 * alpha * torch.sqrt(1 + x**2)  # 2 standard deviations of f(x)
""",
        sampler=False,
    )


def _features(kind: str, size_param: int, period: float) -> str:
    if kind == "polynomial":
        return f"phi = x[:, None] ** torch.arange({size_param + 1}, {F64})  # 1, x, ..., x^d"
    return (
        f"k = torch.arange(1, {size_param + 1}, {F64})\n"
        f"angle = 2 * math.pi * x[:, None] * k / {_num(period)}\n"
        "phi = torch.cat([torch.ones(len(x), 1, dtype=torch.float64),\n"
        "                 torch.stack([angle.cos(), angle.sin()], dim=2).flatten(1)], dim=1)"
    )


def basis_code(
    kind: str,
    size_param: int,
    period: float,
    u: Sequence[float],
    s: float,
    n_samples: int,
    n_points: int,
    seed: int,
    jitter: float,
) -> str:
    """``f = w^T phi(x)``, ``w ~ N(u, s^2 I)``: drawn from the weights and from ``N(m, K)``."""
    return _program(
        f"""
{_grid(X_BASIS, n_points)}
{_features(kind, size_param, period)}
u, s = {_tensor(u)}, {_num(s)}

gen = torch.Generator().manual_seed({seed})
w = u + s * torch.randn({n_samples}, phi.shape[1], generator=gen, {F64})
f_weights = w @ phi.T  # weight space

m = phi @ u  # mean function u^T phi(x)
K = s**2 * phi @ phi.T  # kernel phi(x)^T S phi(x')
gen = torch.Generator().manual_seed({seed + 1})
f_functions = m + sample(K, {n_samples}, gen, jitter={jitter!r})  # function space
"""
    )


def kernel_code(
    kernel: Kernel,
    n_points: int,
    n_samples: int,
    seed: int,
    jitter: float,
    x0: float,
) -> str:
    """Prior samples, the 2-sigma band and the slice ``k(x, x0)`` of one kernel."""
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
K = k(x, x)
gen = torch.Generator().manual_seed({seed})
f = sample(K, {n_samples}, gen, jitter={jitter!r})
band = 2 * K.diagonal().sqrt()  # mean 0 +- 2 standard deviations
k_slice = k(x, torch.tensor([{_num(x0)}], {F64}))[:, 0]  # k(x, x0)
""",
        kernels=kernel_function(kernel),
    )


def bumps_code(
    n_basis: int,
    lengthscale: float,
    sigma: float,
    half_width: float,
    n_points: int,
    n_samples: int,
    seed: int,
) -> str:
    """J Gaussian bumps with weights N(0, sigma^2/J), and the RBF their kernel tends to."""
    return _program(
        f"""
{_grid(X_BUMPS, n_points)}
J, l, sigma = {n_basis}, {_num(lengthscale)}, {_num(sigma)}
c = {_num(half_width)}  # centres cover [-c, c]; d2l takes c = log J
dc = 2 * c / J
centres = -c + dc * (torch.arange(J, {F64}) + 0.5)
phi = torch.exp(-((x[:, None] - centres) ** 2) / (2 * l**2))  # (n, J)

gen = torch.Generator().manual_seed({seed})
w = sigma / math.sqrt(J) * torch.randn({n_samples}, J, generator=gen, {F64})
f = w @ phi.T  # functions in weight space

k_J = sigma**2 / J * phi @ phi.T  # exact kernel of the finite model
a2 = sigma**2 * math.sqrt(math.pi) * l / (2 * c)  # limit: a^2 exp(-r^2 / (2 (sqrt(2) l)^2))
k_limit = a2 * torch.exp(-((x[:, None] - x[None, :]) ** 2) / (2 * (math.sqrt(2) * l) ** 2))
print("max |k_J - k_limit| / a^2 =", ((k_J - k_limit).abs().max() / a2).item())
""",
        sampler=False,
    )


def network_code(
    activation: str,
    n_hidden: int,
    n_networks: int,
    sigmas: Mapping[str, float],
    n_points: int,
    seed: int,
) -> str:
    """A one-hidden-layer network with random weights, and the GP kernel it tends to."""
    h = "torch.erf" if activation == "erf" else "torch.relu"
    kernel = kernel_function(KERNEL_OF[activation](sigmas["sigma0"], sigmas["sigma"]), fn="k_h")
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
J, N = {n_hidden}, {n_networks}
sb, sv, s0, s = {_num(sigmas["sigma_b"])}, {_num(sigmas["sigma_v"])}, \
{_num(sigmas["sigma0"])}, {_num(sigmas["sigma"])}
gen = torch.Generator().manual_seed({seed})
b = sb * torch.randn(N, generator=gen, {F64})
u0 = s0 * torch.randn(N, J, generator=gen, {F64})
u1 = s * torch.randn(N, J, 1, generator=gen, {F64})[..., 0]
v = sv / math.sqrt(J) * torch.randn(N, J, generator=gen, {F64})
hidden = {h}(u0[:, :, None] + u1[:, :, None] * x)  # (N, J, n)
f = b[:, None] + torch.einsum("sj,sjn->sn", v, hidden)

# The GP it becomes as J grows: k = sb^2 + sv^2 k_h
K = sb**2 + sv**2 * k_h(x, x)
""",
        sampler=False,
        kernels=kernel,
    )


def compose_code(
    k1: Kernel,
    k2: Kernel,
    op: str,
    n_points: int,
    n_samples: int,
    seed: int,
    jitter: float,
) -> str:
    """Samples from ``k1 + k2`` or ``k1 * k2``."""
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
K = k1(x, x) {op} k2(x, x)  # a sum or an elementwise product of kernels is a kernel
gen = torch.Generator().manual_seed({seed})
f = sample(K, {n_samples}, gen, jitter={jitter!r})
band = 2 * K.diagonal().sqrt()
""",
        kernels=_two_kernels(k1, k2),
    )


def sum_code(k1: Kernel, k2: Kernel, n_points: int, n_samples: int, seed: int, jitters) -> str:
    """``u = f + 2 g`` from two GPs, against samples drawn from ``k1 + 4 k2``."""
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
K1, K2 = k1(x, x), k2(x, x)
gen = torch.Generator().manual_seed({seed})
f = sample(K1, {n_samples}, gen, jitter={jitters[0]!r})
g = sample(K2, {n_samples}, gen, jitter={jitters[1]!r})
u = f + 2 * g  # a GP with mean 0 and kernel k1 + 4 k2

gen = torch.Generator().manual_seed({seed + 1})
u_direct = sample(K1 + 4 * K2, {n_samples}, gen, jitter={jitters[2]!r})
""",
        kernels=_two_kernels(k1, k2),
    )


def warp_code(kernel: Kernel, n_points: int, n_samples: int, seed: int, jitters) -> str:
    """``g(x) = x^2 f(x)``, against samples drawn from ``x^2 x'^2 k(x, x')``."""
    return _program(
        f"""
{_grid(X_WIDE, n_points)}
K = k(x, x)
gen = torch.Generator().manual_seed({seed})
g = x**2 * sample(K, {n_samples}, gen, jitter={jitters[0]!r})  # a(x) f(x), a(x) = x^2

gen = torch.Generator().manual_seed({seed + 1})
K_g = (x**2)[:, None] * (x**2)[None, :] * K  # a(x) a(x') k(x, x')
g_direct = sample(K_g, {n_samples}, gen, jitter={jitters[1]!r})
""",
        kernels=kernel_function(kernel),
    )


def same_noise_code(
    kernels: Sequence[Kernel], n_points: int, n_samples: int, seed: int, jitters
) -> str:
    """Several kernels driven by the same standard-normal draws z (amplitude, OU vs RBF)."""
    defs = "\n\n".join(kernel_function(k, fn=f"k{i + 1}") for i, k in enumerate(kernels))
    lines = [
        _grid(X_WIDE, n_points),
        f"gen = torch.Generator().manual_seed({seed})",
        f"z = torch.randn({n_samples}, len(x), generator=gen, {F64})  # one z for every kernel",
    ]
    for i, jitter in enumerate(jitters):
        lines += [
            f"K{i + 1} = k{i + 1}(x, x) + {jitter!r} * torch.eye(len(x), {F64})",
            f"f{i + 1} = z @ torch.linalg.cholesky(K{i + 1}).T",
        ]
    return _program("\n".join(lines), sampler=False, kernels=defs)


def product_code(k1: Kernel, k2: Kernel, x0: float, n_draws: int, seed: int) -> str:
    """``u = f g`` at one point x0: a product of two normals, with excess kurtosis 6."""
    return _program(
        f"""
x0 = torch.tensor([{_num(x0)}], {F64})
gen = torch.Generator().manual_seed({seed})
f = sample(k1(x0, x0), {n_draws}, gen)[:, 0]
g = sample(k2(x0, x0), {n_draws}, gen)[:, 0]
u = f * g  # Var u = k1(x0, x0) k2(x0, x0), but u is not normal
c = u - u.mean()
print("excess kurtosis:", ((c**4).mean() / (c**2).mean() ** 2 - 3).item(), "(normal: 0)")
""",
        kernels=_two_kernels(k1, k2),
    )


def grid_code(kernel: Kernel, n_grid: int, seed: int, jitter: float) -> str:
    """One prior sample over an n x n grid of 2D inputs."""
    return _program(
        f"""
axis = torch.linspace({_num(GRID_RANGE[0])}, {_num(GRID_RANGE[1])}, {n_grid}, {F64})
x2, x1 = torch.meshgrid(axis, axis, indexing="ij")
x = torch.stack([x1.flatten(), x2.flatten()], dim=1)  # ({n_grid}^2, 2) inputs
gen = torch.Generator().manual_seed({seed})
f = sample(k(x, x), 1, gen, jitter={jitter!r}).reshape({n_grid}, {n_grid})  # f[row=x2, col=x1]
""",
        kernels=kernel_function(kernel, dims=2),
    )
