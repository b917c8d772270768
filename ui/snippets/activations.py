"""PyTorch programs reproducing each view of the activations page with the current values.

Each returns a short, self-contained script; the tests run it and compare its numbers with
``core``'s. Values are written with ``repr`` so the script computes exactly what the page did.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from core.activations import ACTIVATIONS, GRID_POINTS
from core.expression import Expression

_HEADER = "import torch\nimport torch.nn.functional as F\n"

_INIT_CALLS = {
    "xavier": "torch.nn.init.xavier_normal_(torch.empty(width, width), generator=g)",
    "he": (
        "torch.nn.init.kaiming_normal_(torch.empty(width, width), nonlinearity='relu', generator=g)"
    ),
    "normal": "torch.nn.init.normal_(torch.empty(width, width), 0.0, {sigma!r}, generator=g)",
}


_DERIVATIVE = '''

def derivative(y, x):
    """dy/dx elementwise by autograd (0 where y does not depend on x), kept differentiable."""
    if not y.requires_grad:
        return torch.zeros_like(x)
    (dy,) = torch.autograd.grad(y.sum(), x, create_graph=True, allow_unused=True)
    return torch.zeros_like(x) if dy is None else dy

'''


def functions_code(
    chosen: Sequence[tuple[str, Mapping[str, float]]], x_max: float, x0: float, second: bool
) -> str:
    """f and f' (and f'') of each chosen activation by autograd, and the probe at x0."""
    lines = [
        _HEADER + _DERIVATIVE,
        f"x = torch.linspace({-x_max!r}, {x_max!r}, {GRID_POINTS}, dtype=torch.float64,"
        " requires_grad=True)",
        f"x0 = torch.tensor([{x0!r}], dtype=torch.float64, requires_grad=True)",
        "curves, probes = {}, {}",
    ]
    for name, params in chosen:
        act = ACTIVATIONS[name]
        derivatives = "(y, dy, derivative(dy, x))" if second else "(y, dy)"
        lines += [
            "",
            f"# {act.label}: {act.torch_name}",
            f"y = {act.call_source('x', **params)}",
            "dy = derivative(y, x)",
            f"curves[{name!r}] = [c.detach() for c in {derivatives}]",
            f"y0 = {act.call_source('x0', **params)}",
            f"probes[{name!r}] = (y0.item(), derivative(y0, x0).item())",
            f'print({name!r}, "f(x0), f\'(x0) =", probes[{name!r}])',
        ]
    return "\n".join(lines) + "\n"


def depth_code(
    name: str, depth: int, width: int, init: str, sigma: float, batch: int, seed: int
) -> str:
    """The depth experiment: a bias-free MLP, a linear loss, and each layer's gradient norm."""
    init_call = _INIT_CALLS[init].format(sigma=sigma)
    return f"""{_HEADER}
g = torch.Generator().manual_seed({seed})
depth, width, batch = {depth}, {width}, {batch}
x = torch.randn(batch, width, generator=g)
# Weights drawn in float32 as torch.nn.init does; the passes run in float64 so that
# tiny gradients stay numbers instead of underflowing to 0.
weights = [{init_call}.double().requires_grad_() for _ in range(depth)]

h = x.double()
pre_activations = []
for w in weights:
    z = h @ w.T
    pre_activations.append(z.detach())
    h = {ACTIVATIONS[name].call_source("z")}
loss = h.sum() / batch  # dloss/dh_L = 1/batch: any change across layers comes from backprop
loss.backward()
norms = [w.grad.norm().item() for w in weights]
for layer, norm in enumerate(norms, start=1):
    print(f"layer {{layer:2d}}  ||dloss/dW|| = {{norm:.3e}}")
"""


def chain_code(name: str, x0: float, depth: int, weight: float) -> str:
    """h_l = f(w h_(l-1)) L times: the product of local derivatives vs autograd."""
    act = ACTIVATIONS[name]
    return f"""{_HEADER}
x0 = torch.tensor({x0!r}, dtype=torch.float64, requires_grad=True)
w, depth = {weight!r}, {depth}

h, by_hand = x0, 1.0
for layer in range(depth):
    z = w * h
    zd = z.detach().requires_grad_()
    (local,) = torch.autograd.grad({act.call_source("zd")}, zd)  # f'(z_l)
    by_hand = by_hand * w * local.item()
    h = {act.call_source("z")}
(measured,) = torch.autograd.grad(h, x0)
print("product of w f'(z_l):", by_hand)
print("autograd dh_L/dx0:   ", measured.item())
"""


def clipping_code(n: int, scale: float, clip_value: float, max_norm: float, seed: int) -> str:
    """Clip one gradient by value and by norm with torch.nn.utils; print the norms."""
    return f"""{_HEADER}
g = torch.Generator().manual_seed({seed})
grad = {scale!r} * torch.randn({n}, generator=g)

by_value = torch.nn.Parameter(torch.zeros({n}))
by_value.grad = grad.clone()
torch.nn.utils.clip_grad_value_([by_value], clip_value={clip_value!r})

by_norm = torch.nn.Parameter(torch.zeros({n}))
by_norm.grad = grad.clone()
norm_before = torch.nn.utils.clip_grad_norm_([by_norm], max_norm={max_norm!r})

print("norm before:          ", norm_before.item())
print("norm after clamp:     ", by_value.grad.norm(2).item())
print("norm after norm-clip: ", by_norm.grad.norm(2).item())
print("cosine(grad, clamped):", F.cosine_similarity(grad, by_value.grad, dim=0).item())
"""


def custom_code(expression: Expression, x_max: float) -> str:
    """The typed formula as PyTorch code, and its derivative by autograd."""
    body = expression.code if not expression.constant else f"({expression.code}) + 0 * x"
    return f"""import math

{_HEADER}

def f(x):
    return {body}


x = torch.linspace({-x_max!r}, {x_max!r}, 401, dtype=torch.float64, requires_grad=True)
y = f(x)
(dy,) = torch.autograd.grad(y.sum(), x)
print("max |f'(x)| on the grid:", dy.abs().max().item())
"""
