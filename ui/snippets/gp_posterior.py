"""Short PyTorch programs that reproduce each view of the GP-posterior page with its values.

Each program stands alone (torch and math only): it writes the kernel out as a formula whose
hyperparameters are arguments (so the fit can differentiate through them), holds the
observations as literals, and draws from a generator seeded like the page's, so the tests
can run it and compare its numbers with ``core.gp_posterior``.

The kernel is one of `core.kernels.KERNELS` or the sum or product of two; hyperparameters are
named as in `core.gp_posterior.hyperparameters` ("lengthscale", or "k1.lengthscale" in a sum
or product).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.gp_posterior import components
from core.kernels import PARAMETERS, Kernel, Product, Sum

# The kernel formulas of the GP-priors page's programs, in the same variable names.
from ui.snippets.gp import DOT_PRODUCT_CODE, SHORT_NAMES, STATIONARY_CODE

F64 = "dtype=torch.float64"
OPERATORS = {Sum: "+", Product: "*"}

_LML = '''
def log_marginal_likelihood(K, y):
    """log N(y; 0, K) = data fit + complexity + constant, from the Cholesky factor of K."""
    L = torch.linalg.cholesky(K)
    alpha = torch.cholesky_solve(y[:, None], L)[:, 0]
    data_fit = -0.5 * y @ alpha
    complexity = -torch.log(L.diagonal()).sum()
    constant = -0.5 * len(y) * math.log(2 * math.pi)
    return data_fit, complexity, constant
'''


def _num(v: float) -> str:
    return repr(float(v))


def _tensor(values: Sequence[float]) -> str:
    return "torch.tensor([" + ", ".join(_num(v) for v in values) + f"], {F64})"


def _args(name: str) -> list[str]:
    if name == "Linear":
        return ["alpha"]
    if name in DOT_PRODUCT_CODE:
        return ["s0", "s"]
    return [SHORT_NAMES[p] for p in PARAMETERS[name]]


def _parametric(name: str, fn: str) -> str:
    """``def fn(x1, x2, <hyperparameters>)``: the kernel ``name`` as a formula."""
    lines = [f"def {fn}(x1, x2, {', '.join(_args(name))}):"]
    if name == "Linear":
        lines.append("    return alpha**2 * (1 + x1[:, None] * x2[None, :])")
    elif name in DOT_PRODUCT_CODE:
        lines += [
            "    q12 = s0**2 + s**2 * x1[:, None] * x2[None, :]",
            "    q11 = s0**2 + s**2 * x1[:, None] ** 2",
            "    q22 = s0**2 + s**2 * x2[None, :] ** 2",
        ]
        if name == "ArcCosine":
            lines.append("    t = torch.acos((q12 / torch.sqrt(q11 * q22)).clamp(-1, 1))")
        lines.append(f"    return {DOT_PRODUCT_CODE[name]}")
    else:
        body = STATIONARY_CODE[name]
        lines += ["    r = (x1[:, None] - x2[None, :]).abs()", f"    return {body}"]
    return "\n".join(lines) + "\n"


def _parts(kernel: Kernel) -> list[tuple[str, str, Mapping[str, float]]]:
    """(path prefix, kernel name, its parameters) for each kernel of a sum or product."""
    return [(prefix, type(k).__name__, k.parameters) for prefix, k in components(kernel)]


def paths(kernel: Kernel) -> list[str]:
    """The hyperparameter names of the kernel, in `core.gp_posterior.hyperparameters` order."""
    return [prefix + p for prefix, name, _ in _parts(kernel) for p in PARAMETERS[name]]


def _definitions(kernel: Kernel) -> str:
    return "\n\n".join(
        _parametric(name, f"k{i}") for i, (_, name, _) in enumerate(_parts(kernel), start=1)
    )


def _expression(kernel: Kernel, values: Mapping[str, str], a: str, b: str) -> str:
    """``k(a, b)`` with each hyperparameter given by the expression in ``values``."""
    calls = [
        f"k{i}({a}, {b}, {', '.join(values[prefix + p] for p in PARAMETERS[name])})"
        for i, (prefix, name, _) in enumerate(_parts(kernel), start=1)
    ]
    return f" {OPERATORS[type(kernel)]} ".join(calls) if len(calls) == 2 else calls[0]


def _literals(kernel: Kernel) -> dict[str, str]:
    return {
        prefix + p: _num(params[p])
        for prefix, name, params in _parts(kernel)
        for p in PARAMETERS[name]
    }


def _kernel(kernel: Kernel) -> str:
    """``def k(x1, x2)``: the kernel with the current hyperparameters."""
    return f"def k(x1, x2):\n    return {_expression(kernel, _literals(kernel), 'x1', 'x2')}\n"


def _program(kernel: Kernel, body: str, *, lml: bool = False) -> str:
    parts = ["import math\n\nimport torch\n", _definitions(kernel), _LML if lml else ""]
    return "\n\n".join(p.strip("\n") + "\n" for p in parts if p) + "\n" + body.strip() + "\n"


def _data(x: Sequence[float], y: Sequence[float], noise: float) -> str:
    return (
        f"x_train = {_tensor(x)}\n"
        f"y_train = {_tensor(y)}\n"
        f"noise = {_num(noise)}  # noise variance sigma^2"
    )


def posterior_code(
    kernel: Kernel,
    x: Sequence[float],
    y: Sequence[float],
    noise: float,
    bounds: tuple[float, float],
    n_test: int,
    n_samples: int,
    seed: int,
    jitter: float,
    sample_jitter: float,
    x_star: float,
) -> str:
    """Posterior mean, covariance, ±2 sd band, samples, the log marginal likelihood's terms
    and the weights of the observations in the mean at ``x_star``."""
    return _program(
        kernel,
        f"""
{_kernel(kernel)}

{_data(x, y, noise)}
x_test = torch.linspace({_num(bounds[0])}, {_num(bounds[1])}, {n_test}, {F64})
eye = torch.eye(len(x_train), {F64})

K = k(x_train, x_train) + (noise + {jitter!r}) * eye  # jitter: the smallest that worked
L = torch.linalg.cholesky(K)
K_s = k(x_train, x_test)
alpha = torch.cholesky_solve(y_train[:, None], L)[:, 0]
mean = K_s.T @ alpha
V = torch.linalg.solve_triangular(L, K_s, upper=False)
cov = k(x_test, x_test) - V.T @ V
cov = (cov + cov.T) / 2  # exactly symmetric
sd = cov.diagonal().clamp_min(0).sqrt()
lower, upper = mean - 2 * sd, mean + 2 * sd

data_fit, complexity, constant = log_marginal_likelihood(K, y_train)
lml = data_fit + complexity + constant

gen = torch.Generator().manual_seed({seed})
L_post = torch.linalg.cholesky(cov + {sample_jitter!r} * torch.eye(len(x_test), {F64}))
samples = mean + torch.randn({n_samples}, len(x_test), generator=gen, {F64}) @ L_post.T

x_star = torch.tensor([{_num(x_star)}], {F64})
weights = torch.cholesky_solve(k(x_train, x_star), L)[:, 0]  # mean(x*) = weights @ y_train
""",
        lml=True,
    )


def _surface(
    kernel: Kernel, path: str, span: tuple[float, float], noise_span: tuple[float, float], n: int
) -> str:
    values = _literals(kernel) | {path: "v"}
    return f"""
# log p(y | X) over a log grid of {path} (rows) and of the noise variance (columns)
values = torch.logspace(math.log10({_num(span[0])}), math.log10({_num(span[1])}), {n}, {F64})
noises = torch.logspace(
    math.log10({_num(noise_span[0])}), math.log10({_num(noise_span[1])}), {n}, {F64}
)
surface = torch.zeros({n}, {n}, {F64})
for i, v in enumerate(values):
    K = {_expression(kernel, values, "x_train", "x_train")}
    for j, s2 in enumerate(noises):
        surface[i, j] = sum(log_marginal_likelihood(K + s2 * eye, y_train))
"""


def _fit(
    kernel: Kernel,
    noise: float,
    steps: int,
    lr: float,
    bounds: Mapping[str, tuple[float, float]],
    fixed: Sequence[str],
) -> str:
    start = {**{p: float(v) for p, v in _literals(kernel).items()}, "noise": float(noise)}
    learned = [p for p in [*paths(kernel), "noise"] if p not in fixed]
    values = {
        p: (f"theta[{learned.index(p)}]" if p in learned else _num(v)) for p, v in start.items()
    }
    low = [bounds[p][0] for p in learned]
    high = [bounds[p][1] for p in learned]
    return f"""
# Adam on the log-hyperparameters, gradients by autograd through the Cholesky factor
names = [{", ".join(repr(p) for p in learned)}]
low, high = torch.log({_tensor(low)}), torch.log({_tensor(high)})
log_theta = torch.log({_tensor([start[p] for p in learned])}).clamp(low, high).requires_grad_()
optimizer = torch.optim.Adam([log_theta], lr={_num(lr)})


def objective(theta):
    K = {_expression(kernel, values, "x_train", "x_train")} + {values["noise"]} * eye
    return sum(log_marginal_likelihood(K, y_train))


history, best_lml, best_log = [], -math.inf, log_theta.detach().clone()
for step in range({steps} + 1):
    optimizer.zero_grad()
    lml = objective(log_theta.exp())
    if lml.item() > best_lml:
        best_lml, best_log = lml.item(), log_theta.detach().clone()
    if step == {steps}:
        break
    history.append(lml.item())
    (-lml).backward()  # Adam minimises: maximise log p(y | X)
    optimizer.step()
    with torch.no_grad():  # keep every hyperparameter inside its range
        log_theta.clamp_(low, high)
fitted = dict(zip(names, best_log.exp().tolist()))
"""


def likelihood_code(
    kernel: Kernel,
    x: Sequence[float],
    y: Sequence[float],
    noise: float,
    steps: int,
    lr: float,
    bounds: Mapping[str, tuple[float, float]],
    path: str | None = None,
    span: tuple[float, float] | None = None,
    noise_span: tuple[float, float] = (1e-4, 4.0),
    n: int = 30,
    fixed: Sequence[str] = (),
) -> str:
    """The likelihood surface over ``path`` and the noise (when ``path`` is given), and the
    fit: Adam on the log-hyperparameters (all but ``fixed``), projected into ``bounds``."""
    surface = _surface(kernel, path, span, noise_span, n) if path is not None else ""
    return _program(
        kernel,
        f"""
x_train = {_tensor(x)}
y_train = {_tensor(y)}
eye = torch.eye(len(x_train), {F64})
{surface}{_fit(kernel, noise, steps, lr, bounds, fixed)}""",
        lml=True,
    )
