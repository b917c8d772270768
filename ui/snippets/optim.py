"""PyTorch programs reproducing each view of the gradient-descent page with the current values.

Each returns a short, self-contained script; the tests run it and compare its numbers with
``core``'s. Values are written with ``repr`` so the script computes exactly what the page did.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.optim import Surface

_HEADER = "import math\n\nimport torch\nimport torch.nn.functional as F\n"

# Source of each optimiser over a parameter list, as core.optim.make_optimizer builds it.
_MAKERS = {
    "gd": "torch.optim.SGD({params}, lr=lr)",
    "momentum": "torch.optim.SGD({params}, lr=lr, momentum=beta1)",
    "nesterov": "torch.optim.SGD({params}, lr=lr, momentum=beta1, nesterov=True)",
    "rmsprop": "torch.optim.RMSprop({params}, lr=lr, alpha=beta2)",
    "adam": "torch.optim.Adam({params}, lr=lr, betas=(beta1, beta2))",
}


def _maker(name: str, beta1: float, params: str) -> str:
    # torch refuses Nesterov without momentum; with beta1 = 0 it is plain gradient descent.
    key = "gd" if name == "nesterov" and beta1 == 0 else name
    return _MAKERS[key].format(params=params)


def _surface(surf: Surface) -> str:
    return f"""{_HEADER}

def f(x, y):
    return {surf.code}
"""


def _grid(bounds: tuple[float, float, float, float], n: int) -> str:
    x_lo, x_hi, y_lo, y_hi = bounds
    return f"""xs = torch.linspace({x_lo!r}, {x_hi!r}, {n}, dtype=torch.float64)
ys = torch.linspace({y_lo!r}, {y_hi!r}, {n}, dtype=torch.float64)
Y, X = torch.meshgrid(ys, xs, indexing="ij")"""


def gradient_code(surf: Surface, point: tuple[float, float], n: int) -> str:
    """The gradient, its norm and the Hessian's eigenvalues at ``point``; the gradient field
    on an n x n grid with one backward pass over the sum."""
    x, y = point
    return f"""{_surface(surf)}

# At one point: autograd for the gradient, torch.autograd.functional for the Hessian.
p = torch.tensor([{x!r}, {y!r}], dtype=torch.float64, requires_grad=True)
value = f(p[0], p[1])
(grad,) = torch.autograd.grad(value, p)
hessian = torch.autograd.functional.hessian(lambda q: f(q[0], q[1]), p.detach())
eigenvalues = torch.linalg.eigvalsh(hessian)
print("f =", value.item())
print("gradient =", grad.tolist(), " norm =", grad.norm().item())
print("Hessian eigenvalues =", eigenvalues.tolist())

# On a grid: f acts on each point separately, so one backward pass over the sum gives
# every point's own partial derivatives.
{_grid(surf.bounds, n)}
X, Y = X.clone().requires_grad_(True), Y.clone().requires_grad_(True)
dfdx, dfdy = torch.autograd.grad(
    f(X, Y).sum(), (X, Y), allow_unused=True, materialize_grads=True
)
print("largest |gradient| on the grid:", torch.sqrt(dfdx**2 + dfdy**2).max().item())
"""


def descent_code(
    surf: Surface,
    start: tuple[float, float],
    optimizers: Sequence[str],
    lr: float,
    steps: int,
    beta1: float,
    beta2: float,
) -> str:
    """Each chosen torch.optim optimiser from the same start; the paths are in ``paths``."""
    makers = "\n".join(
        f"    {name!r}: lambda p: {_maker(name, beta1, '[p]')}," for name in optimizers
    )
    return f"""{_surface(surf)}

start = ({start[0]!r}, {start[1]!r})
lr, steps = {lr!r}, {steps}
beta1, beta2 = {beta1!r}, {beta2!r}
optimizers = {{
{makers}
}}

paths = {{}}
for name, make in optimizers.items():
    theta = torch.tensor(start, dtype=torch.float64, requires_grad=True)
    optimizer = make(theta)
    path = [theta.detach().clone()]
    for step in range(steps):
        optimizer.zero_grad()
        f(theta[0], theta[1]).backward()
        optimizer.step()
        if not (theta.abs() <= 1e6).all():  # False for inf and NaN too: diverged
            print(f"{{name}}: stopped after {{step}} steps, |theta| > 1e6")
            break
        path.append(theta.detach().clone())
    paths[name] = torch.stack(path)
    end = paths[name][-1]
    print(f"{{name}}: theta = {{end.tolist()}}, f = {{f(end[0], end[1]).item():.6g}}")
"""


def basins_code(
    surf: Surface, optimizer: str, lr: float, steps: int, n: int, beta1: float, beta2: float
) -> str:
    """Descents from an n x n grid of starts at once: one (n*n, 2) parameter tensor."""
    return f"""{_surface(surf)}

n, lr, steps = {n}, {lr!r}, {steps}
beta1, beta2 = {beta1!r}, {beta2!r}
{_grid(surf.bounds, n)}
theta = torch.stack([X.ravel(), Y.ravel()], dim=1).requires_grad_(True)  # one row per start
optimizer = {_maker(optimizer, beta1, "[theta]")}
for step in range(steps):
    optimizer.zero_grad()
    # The gradient of the sum is each row's own gradient, and the update is element-wise:
    # this is n * n independent descents at once.
    f(theta[:, 0], theta[:, 1]).sum().backward()
    optimizer.step()

ends = theta.detach()
finite = (ends.abs() <= 1e6).all(dim=1)
print(f"{{int(finite.sum())}} of {{n * n}} descents stayed finite")
places = torch.unique(ends[finite].round(decimals=1), dim=0)
print("where they end (rounded, first 10):", places[:10].tolist())
"""
