"""What depth does to gradients: a deep fully connected network, the chain rule along one path,
and the two ways of clipping a gradient.

Backpropagation multiplies one factor per layer (Glorot & Bengio 2010; Goodfellow et al.,
*Deep Learning*, 8.2.5): for ``z_l = W_l h_{l-1}``, ``h_l = f(z_l)``,

    dl/dh_{l-1} = W_l^T (f'(z_l) * dl/dh_l),

so when ``|f'| <= 1/4`` (sigmoid) and the weights are small the gradient shrinks geometrically
towards the input (vanishing), and when ``||W|| f'`` exceeds 1 it grows (exploding). Xavier
initialisation keeps the variance of ``z`` constant for a linear/tanh network; He (Kaiming)
initialisation doubles it to make up for the half of ReLU's inputs it zeroes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

from core.activations import get, max_abs_derivative, saturated_intervals, value_and_grad
from core.errors import InputError
from core.validate import (
    excerpt,
    finite,
    finite_tensor,
    in_open_interval,
    int_in_range,
    positive,
    product_at_most,
)

Tensor = torch.Tensor

INITS = ("xavier", "he", "normal")
MAX_DEPTH = 100
MAX_WIDTH = 1024
MAX_BATCH = 1024
# One forward and backward pass keeps every layer's pre-activations (float64):
# depth x batch x width <= MAX_ACTIVATIONS (32 MB; the page's largest is 50 x 32 x 512),
# and its weights as their float32 draws: depth x width^2 <= MAX_WEIGHTS, the page's largest,
# 50 layers of 512 x 512 (52 MB). One layer at a time is copied to float64 and its gradient
# formed and reduced to a norm, so a pass never holds much more than those two.
MAX_ACTIVATIONS = 4_000_000
MAX_WEIGHTS = 50 * 512 * 512
# A gradient to clip has at most this many entries.
MAX_GRADIENT = 100_000


def init_weight(width: int, init: str, sigma: float, generator: torch.Generator | None) -> Tensor:
    """One ``width x width`` weight matrix drawn as ``torch.nn.init`` does.

    xavier: ``N(0, 2 / (fan_in + fan_out))``; he: ``N(0, 2 / fan_in)`` (ReLU gain);
    normal: ``N(0, sigma^2)``.
    """
    width = int_in_range("width", width, 1, MAX_WIDTH)
    weight = torch.empty(width, width)
    if init == "xavier":
        return torch.nn.init.xavier_normal_(weight, generator=generator)
    if init == "he":
        return torch.nn.init.kaiming_normal_(weight, nonlinearity="relu", generator=generator)
    if init == "normal":
        return torch.nn.init.normal_(weight, 0.0, sigma, generator=generator)
    raise InputError(
        f"Unknown initialisation {excerpt(init)}; choose one of: {', '.join(INITS)}.",
        code="act_init",
        init=excerpt(init),
        inits=", ".join(INITS),
    )


@dataclass(frozen=True)
class DepthRun:
    """One forward and backward pass: per layer, ``||dl/dW_l||_F`` and the pre-activations."""

    weight_grad_norms: Tensor  # (L,), layer 1 (next to the input) first
    pre_activations: Tensor  # (L, batch, width)


def depth_experiment(
    activation: str,
    depth: int,
    width: int,
    init: str = "he",
    sigma: float = 1.0,
    batch: int = 32,
    generator: torch.Generator | None = None,
    **params: float,
) -> DepthRun:
    """Backpropagate ``l = (1/B) sum_b sum_i h_{L,i}`` through L bias-free layers of width w.

    Inputs ``x ~ N(0, I)`` are drawn first, then ``W_1 ... W_L`` in order, all from
    ``generator`` in float32 (as ``torch.nn.init`` draws them); the passes run in float64 so
    that gradients of 1e-60 are still numbers, not 0. The loss is linear in the output, so its
    gradient ``dl/dh_L = 1/B`` is the same whatever the network does: what changes across
    layers is the product of the layer factors alone.
    """
    act = get(activation)
    values = act.resolve(params)
    depth = int_in_range("depth", depth, 1, MAX_DEPTH)
    width = int_in_range("width", width, 1, MAX_WIDTH)
    batch = int_in_range("batch", batch, 1, MAX_BATCH)
    product_at_most({"depth": depth, "batch": batch, "width": width}, MAX_ACTIVATIONS)
    product_at_most([("depth", depth), ("width", width), ("width", width)], MAX_WEIGHTS)
    sigma = positive("sigma", sigma)
    x = torch.randn(batch, width, generator=generator)
    weights = [init_weight(width, init, sigma, generator) for _ in range(depth)]
    # One block for every pre-activation, written in place: small tensors kept between the
    # 2 MB float64 copies of each layer would fragment the heap (~100 MB more at the peak).
    pre = torch.empty(depth, batch, width, dtype=torch.float64)
    h = x.double()
    for layer, w in enumerate(weights):
        torch.matmul(h, w.double().T, out=pre[layer])
        h = act.fn(pre[layer], **values)
    # Backward by hand, as autograd would (same products), one layer at a time: the loss's
    # gradient dl/dh_L = 1/B, then dl/dz_l = f'(z_l) dl/dh_l, dl/dW_l = (dl/dz_l)^T h_{l-1},
    # dl/dh_{l-1} = dl/dz_l W_l. Autograd over the whole network would keep every layer's
    # float64 weights and gradients at once (~260 MB at the page's largest).
    grad_h = torch.full((batch, width), 1.0 / batch, dtype=torch.float64)
    norms = torch.empty(depth, dtype=torch.float64)
    for layer in reversed(range(depth)):
        grad_z = _through_activation(act, values, pre[layer], grad_h)
        h_prev = act.fn(pre[layer - 1], **values) if layer else x.double()
        norms[layer] = torch.linalg.vector_norm(grad_z.T @ h_prev)
        grad_h = grad_z @ weights[layer].double()
    return DepthRun(norms, pre)


@dataclass(frozen=True)
class GradientFlow:
    """What the depth view shows of one run: the gradient norm per layer, the per-layer
    histograms of the pre-activations, and where on their axis the activation saturates."""

    norms: Tensor  # ||dl/dW_l||_F, layer 1 first
    edges: Tensor  # shared histogram bin edges
    density: Tensor  # (L, bins): share of layer l's pre-activations per bin
    saturated: tuple[tuple[float, float], ...]  # runs of z where |f'(z)| < epsilon


def gradient_flow(
    activation: str,
    depth: int,
    width: int,
    init: str,
    sigma: float,
    batch: int,
    epsilon: float,
    generator: torch.Generator | None = None,
) -> GradientFlow:
    """`depth_experiment`, its `layer_histograms`, and the saturation zones |f'| < epsilon on
    the histograms' range (found on 801 points)."""
    run = depth_experiment(activation, depth, width, init, sigma, batch, generator)
    hist = layer_histograms(run.pre_activations)
    z = torch.linspace(float(hist.edges[0]), float(hist.edges[-1]), 801, dtype=torch.float64)
    _, dz = value_and_grad(activation, z)
    saturated = tuple(saturated_intervals(z, dz, epsilon))
    return GradientFlow(run.weight_grad_norms, hist.edges, hist.density, saturated)


def _through_activation(act, values: dict, z: Tensor, grad_out: Tensor) -> Tensor:
    """``f'(z) * grad_out`` by autograd on the elementwise activation alone (any activation,
    typed ones included); 0 where f does not depend on z."""
    with torch.enable_grad():
        z = z.detach().requires_grad_(True)
        (grad,) = torch.autograd.grad(
            act.fn(z, **values), z, grad_out, allow_unused=True, materialize_grads=True
        )
    return grad


@dataclass(frozen=True)
class Histograms:
    """Per-layer histograms on shared bins: ``density[l]`` is the share of layer l per bin."""

    edges: Tensor  # (bins + 1,)
    density: Tensor  # (L, bins), each row sums to 1


def layer_histograms(values: Tensor, bins: int = 60, quantile: float = 0.99) -> Histograms:
    """Histograms of each layer's values (``values`` of shape (L, ...)) on one symmetric range.

    The range is +-R with R the ``quantile`` of all |values| (at least 1), so a few outliers do
    not squash the picture; values beyond R are counted in the end bins. ``values`` holds at
    least one layer of at least one finite value, at most `MAX_ACTIVATIONS` values in all.
    """
    bins = int_in_range("bins", bins, 2, 1000)
    quantile = in_open_interval("quantile", quantile, 0.0, 1.0 + 1e-12)
    values = torch.as_tensor(values)
    if values.ndim < 1 or values.numel() == 0:
        raise InputError(
            "values must hold at least one layer of at least one value (shape (L, ...)), got "
            f"shape {tuple(values.shape)}.",
            code="act_layers_shape",
            shape=str(tuple(values.shape)),
        )
    int_in_range("number of values", values.numel(), 1, MAX_ACTIVATIONS)
    values = finite_tensor("values", values)
    flat = values.detach().reshape(values.shape[0], -1).double()
    magnitudes = flat.abs().flatten()
    # kthvalue, not torch.quantile: a selection, not a full sort of up to a million values.
    k = max(1, math.ceil(quantile * magnitudes.numel()))
    limit = max(1.0, float(magnitudes.kthvalue(k).values))
    edges = torch.linspace(-limit, limit, bins + 1, dtype=torch.float64)
    clipped = flat.clamp(-limit, limit)
    counts = torch.stack([torch.histc(row, bins, -limit, limit) for row in clipped])
    return Histograms(edges, counts / flat.shape[1])


# --- the chain rule along one path ------------------------------------------------------------


@dataclass(frozen=True)
class ChainRule:
    """``h_l = f(w h_{l-1})``, ``h_0 = x_0``: dh_l/dx_0 by hand, by autograd, and its bound."""

    pre_activations: Tensor  # z_l = w h_{l-1}, l = 1..L
    factors: Tensor  # w f'(z_l)
    by_hand: Tensor  # prod_{k <= l} w f'(z_k)
    autograd: Tensor  # dh_l/dx_0 from torch.autograd
    bound: Tensor  # (|w| sup|f'|)^l


def chain_rule(
    activation: str, x0: float, depth: int, weight: float = 1.0, **params: float
) -> ChainRule:
    """The chain rule through L copies of one scalar layer, in float64.

    ``dh_L/dx_0 = prod_l w f'(z_l)``, so ``|dh_L/dx_0| <= (|w| sup|f'|)^L``: for sigmoid with
    w = 1 at most ``0.25^L``, whatever x_0 is.
    """
    act = get(activation)
    values = act.resolve(params)
    x0 = finite("x0", x0)
    weight = finite("weight", weight)
    depth = int_in_range("depth", depth, 1, MAX_DEPTH)
    x = torch.tensor(x0, dtype=torch.float64, requires_grad=True)
    h, zs, hs = x, [], []
    for _ in range(depth):
        z = weight * h
        zs.append(z)
        h = act.fn(z, **values)
        hs.append(h)
    autograd = torch.stack(
        [
            torch.autograd.grad(
                h_l, x, retain_graph=True, allow_unused=True, materialize_grads=True
            )[0]
            for h_l in hs
        ]
    )
    z = torch.stack(zs).detach()
    factors = weight * act.derivative(z, **values)
    sup = abs(weight) * max_abs_derivative(activation, **values)
    layers = torch.arange(1, depth + 1, dtype=torch.float64)
    return ChainRule(z, factors, torch.cumprod(factors, 0), autograd.detach(), sup**layers)


# --- clipping ---------------------------------------------------------------------------------


def random_gradient(n: int, scale: float = 1.0, generator: torch.Generator | None = None) -> Tensor:
    """A gradient vector to clip: ``scale * N(0, I_n)``."""
    n = int_in_range("n", n, 1, MAX_GRADIENT)
    scale = positive("scale", scale)
    return scale * torch.randn(n, generator=generator)


@dataclass(frozen=True)
class Clipped:
    """A gradient clipped by value and by norm, with the norms and directions that result."""

    original: Tensor
    by_value: Tensor
    by_norm: Tensor
    norm_before: float
    norm_by_value: float
    norm_by_norm: float
    cosine_by_value: float  # cosine with the original: 1 means the direction is kept
    cosine_by_norm: float


def clip_gradient(grad: Tensor, clip_value: float, max_norm: float) -> Clipped:
    """Clip a parameter's ``.grad`` two ways, with ``torch.nn.utils``.

    By value (``clip_grad_value_``): ``g_i <- clamp(g_i, -c, c)``, which changes the direction.
    By norm (``clip_grad_norm_``): ``g <- g min(1, M / (||g||_2 + 1e-6))``, which keeps it.
    """
    clip_value = positive("clip value", clip_value)
    max_norm = positive("max norm", max_norm)
    if not isinstance(grad, Tensor) or grad.numel() > MAX_GRADIENT:
        raise InputError(
            f"The gradient must be a tensor of at most {MAX_GRADIENT:,} numbers.",
            code="act_grad_size",
            limit=f"{MAX_GRADIENT:,}",
        )
    grad = grad.detach()
    if grad.numel() == 0 or not bool(torch.isfinite(grad).all()):
        raise InputError("The gradient must be a non-empty finite vector.", code="act_grad")
    by_value = torch.nn.Parameter(torch.zeros_like(grad))
    by_value.grad = grad.clone()
    torch.nn.utils.clip_grad_value_([by_value], clip_value)
    by_norm = torch.nn.Parameter(torch.zeros_like(grad))
    by_norm.grad = grad.clone()
    norm_before = float(torch.nn.utils.clip_grad_norm_([by_norm], max_norm))
    return Clipped(
        grad,
        by_value.grad,
        by_norm.grad,
        norm_before,
        float(by_value.grad.norm(2)),
        float(by_norm.grad.norm(2)),
        _cosine(grad, by_value.grad),
        _cosine(grad, by_norm.grad),
    )


def _cosine(a: Tensor, b: Tensor) -> float:
    denominator = float(a.norm() * b.norm())
    return float(a @ b) / denominator if denominator > 0 else math.nan
