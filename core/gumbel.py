"""The Gumbel distribution, the Gumbel-max trick and Gumbel-Softmax.

Sources: Gumbel (1954) for the distribution; the Gumbel-max trick as in Maddison, Tarlow and
Minka (2014), "A* Sampling"; Gumbel-Softmax / Concrete as in Jang, Gu and Poole (2017) and
Maddison, Mnih and Teh (2017); Gumbel top-k as in Kool, van Hoof and Welling (2019).

Every random function draws its uniforms with one ``torch.rand`` call on the ``generator`` it
is given, so the same generator state gives the same noise to ``gumbel_max``,
``gumbel_softmax`` (soft or hard), the wrong variant and ``gumbel_topk``.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence

import torch

from core.errors import InputError
from core.validate import (
    MAX_ELEMENTS,
    bounded,
    excerpt,
    finite_tensor,
    in_open_interval,
    int_in_range,
    non_negative,
    positive,
)
from core.validate import scale as scale_

# At most `core.validate.MAX_ELEMENTS` random numbers (or values) per call (the page draws at
# most 100,000 x 10). At most MAX_CATEGORIES logits; a typed list of logits is at most
# MAX_LOGITS_TEXT characters and MAX_TYPED_LOGITS numbers.
MAX_CATEGORIES = 1_000_000
MAX_LOGITS_TEXT = 2000
MAX_TYPED_LOGITS = 100


# --- the distribution -----------------------------------------------------------------------


def uniform_to_gumbel(u: torch.Tensor, loc: float = 0.0, scale: float = 1.0) -> torch.Tensor:
    """``g = loc - scale * log(-log(U))``, the inverse cdf of Gumbel(loc, scale) at ``U``.

    ``U`` is first clamped into ``[tiny, 1 - eps/2]`` of its dtype (the smallest normal number
    and the largest number below 1), so ``U = 0`` and ``U = 1`` give finite values instead of
    -inf and +inf (float32: ``g`` stays within about [-4.5, 16.6]).
    """
    loc = bounded("loc", loc, -1e6, 1e6)
    scale = scale_("scale", scale)
    _check_size(u.numel())
    info = torch.finfo(u.dtype)
    u = u.clamp(min=info.tiny, max=1.0 - info.eps / 2)
    return loc - scale * torch.log(-torch.log(u))


def _shape(shape: int | Sequence[int] | torch.Size) -> tuple[int, ...]:
    """A shape as a tuple of ints >= 0 (one int, or a sequence of them)."""
    try:
        dims = (operator.index(shape),)
    except TypeError:
        try:
            dims = tuple(operator.index(d) for d in shape)
        except TypeError:
            dims = (-1,)
    if any(d < 0 for d in dims):
        raise InputError(
            f"shape must be a tuple of whole numbers >= 0, got {excerpt(shape)}.",
            code="gumbel_shape",
            shape=excerpt(shape),
        )
    _check_size(math.prod(dims))
    return dims


def _check_size(count: int) -> None:
    if count > MAX_ELEMENTS:
        raise InputError(
            f"That asks for {count:,} random numbers; at most {MAX_ELEMENTS:,} are allowed.",
            code="gumbel_too_many",
            count=count,
            limit=MAX_ELEMENTS,
        )


def standard_gumbel_noise(shape: tuple[int, ...], dtype: torch.dtype, generator) -> torch.Tensor:
    """Standard Gumbel noise: the one place every sampler draws its uniforms."""
    return uniform_to_gumbel(torch.rand(shape, generator=generator, dtype=dtype))


def sample_gumbel(
    shape: int | Sequence[int], loc: float = 0.0, scale: float = 1.0, generator=None
) -> torch.Tensor:
    """Samples of Gumbel(loc, scale): ``loc - scale * log(-log(U))``, ``U ~ Uniform(0, 1)``.

    cdf ``F(x) = exp(-exp(-(x - loc) / scale))``; never inf or NaN (see `uniform_to_gumbel`).
    """
    loc = bounded("loc", loc, -1e6, 1e6)
    scale = scale_("scale", scale)
    noise = standard_gumbel_noise(_shape(shape), torch.get_default_dtype(), generator)
    return loc + scale * noise


def uniform_and_gumbel(
    n: int, loc: float = 0.0, scale: float = 1.0, generator=None
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(U, g)``: ``n`` uniforms and the Gumbel(loc, scale) samples they map to, to show the
    transform ``g = loc - scale log(-log U)`` at work."""
    u = torch.rand(_shape((n,)), generator=generator)
    return u, uniform_to_gumbel(u, loc, scale)


def gumbel_distribution(loc: float = 0.0, scale: float = 1.0) -> torch.distributions.Gumbel:
    """``torch.distributions.Gumbel(loc, scale)`` after checking loc finite and scale > 0."""
    loc = bounded("loc", loc, -1e6, 1e6)
    scale = scale_("scale", scale)
    return torch.distributions.Gumbel(torch.tensor(loc), torch.tensor(scale))


def _points(x: object) -> torch.Tensor:
    """Points to evaluate a density or cdf at: a floating tensor of at most `MAX_ELEMENTS`."""
    try:
        t = torch.as_tensor(x)
    except (TypeError, ValueError, RuntimeError):
        raise InputError(
            f"x must be numbers, got {excerpt(x)}.", code="gumbel_x_type", value=excerpt(x)
        ) from None
    int_in_range("number of points", t.numel(), 0, MAX_ELEMENTS)
    return t if t.is_floating_point() else t.to(torch.get_default_dtype())


def gumbel_pdf(x: torch.Tensor, loc: float = 0.0, scale: float = 1.0) -> torch.Tensor:
    """``f(x) = exp(-(z + exp(-z))) / scale`` with ``z = (x - loc) / scale``."""
    return gumbel_distribution(loc, scale).log_prob(_points(x)).exp()


def gumbel_cdf(x: torch.Tensor, loc: float = 0.0, scale: float = 1.0) -> torch.Tensor:
    """``F(x) = exp(-exp(-(x - loc) / scale))``."""
    loc = bounded("loc", loc, -1e6, 1e6)
    scale = scale_("scale", scale)
    return torch.exp(-torch.exp(-(_points(x) - loc) / scale))


def gumbel_quantile(q: float, loc: float = 0.0, scale: float = 1.0) -> float:
    """``F^-1(q) = loc - scale log(-log q)`` for 0 < q < 1."""
    q = in_open_interval("q", q, 0.0, 1.0)
    return bounded("loc", loc, -1e6, 1e6) - scale_("scale", scale) * math.log(-math.log(q))


def gumbel_summary(loc: float = 0.0, scale: float = 1.0) -> dict[str, float]:
    """Mean ``loc + gamma scale`` (gamma = Euler-Mascheroni), median ``loc - scale log(log 2)``,
    mode ``loc``, variance ``pi^2 scale^2 / 6``, entropy ``log(scale) + gamma + 1``."""
    loc = bounded("loc", loc, -1e6, 1e6)
    scale = scale_("scale", scale)
    dist = gumbel_distribution(loc, scale)
    return {
        "mean": float(dist.mean),
        "median": loc - scale * math.log(math.log(2.0)),
        "mode": float(dist.mode),
        "variance": float(dist.variance),
        "entropy": float(dist.entropy()),
    }


# --- logits ---------------------------------------------------------------------------------


def as_logits(logits) -> torch.Tensor:
    """Logits as a floating tensor of shape (k,) or (m, k), every entry finite."""
    try:
        t = torch.as_tensor(logits)
    except (TypeError, ValueError, RuntimeError):
        raise InputError(
            f"logits must be numbers, got {excerpt(logits)}.",
            code="gumbel_logits_type",
            value=excerpt(logits),
        ) from None
    int_in_range("number of logits", t.numel(), 0, MAX_ELEMENTS)
    if not t.is_floating_point():
        t = t.to(torch.get_default_dtype())
    if t.dim() not in (1, 2) or t.shape[-1] < 1 or t.shape[-1] > MAX_CATEGORIES:
        raise InputError(
            "logits must be a vector of k numbers (or an m x k batch of them), got shape "
            f"{tuple(t.shape)}.",
            code="gumbel_logits_shape",
            shape=str(tuple(t.shape)),
        )
    return finite_tensor("logits", t)


def logits_vector(logits) -> torch.Tensor:
    """Logits of one categorical distribution: a finite tensor of shape (k,)."""
    t = as_logits(logits)
    if t.dim() != 1:
        raise InputError(
            f"This needs a vector of k logits, got shape {tuple(t.shape)}.",
            code="gumbel_logits_vector",
            shape=str(tuple(t.shape)),
        )
    return t


def parse_logits(text: str, min_k: int = 2, max_k: int = 10) -> torch.Tensor:
    """Logits typed as comma-separated numbers, e.g. ``"2, 1, 0"``. Each item goes through
    ``float`` (nothing is evaluated); a trailing comma is allowed. At most
    `MAX_LOGITS_TEXT` characters, and ``max_k`` at most `MAX_TYPED_LOGITS`."""
    max_k = int_in_range("max_k", max_k, 1, MAX_TYPED_LOGITS)
    min_k = int_in_range("min_k", min_k, 1, max_k)
    if not isinstance(text, str) or len(text) > MAX_LOGITS_TEXT:
        raise InputError(
            f"Type the logits as text of at most {MAX_LOGITS_TEXT} characters.",
            code="gumbel_logits_text_length",
            limit=MAX_LOGITS_TEXT,
        )
    items = [item.strip() for item in str(text).split(",")]
    if items and not items[-1]:
        items.pop()
    values = []
    for item in items:
        try:
            value = float(item)
        except ValueError:
            raise InputError(
                f"Logits are numbers separated by commas; {item[:20]!r} is not a number.",
                code="gumbel_logits_text",
                item=item[:20],
            ) from None
        if not math.isfinite(value):
            raise InputError(
                f"Logits must be finite numbers, got {item[:20]!r}.",
                code="gumbel_logits_not_finite",
                item=item[:20],
            )
        values.append(value)
    if not min_k <= len(values) <= max_k:
        raise InputError(
            f"Type from {min_k} to {max_k} logits separated by commas; got {len(values)}.",
            code="gumbel_logits_count",
            count=len(values),
            low=min_k,
            high=max_k,
        )
    return as_logits(torch.tensor(values))  # beyond float32's range a value becomes inf


def _sample_shape(logits: torch.Tensor, n: int) -> tuple[int, int]:
    """(n, k) for logits (k,) or (1, k); (m, k) for a batch when n is 1 or m."""
    n = int_in_range("n", n, 1, MAX_ELEMENTS)
    k = logits.shape[-1]
    m = logits.shape[0] if logits.dim() == 2 else 1
    if m not in (1, n) and n != 1:
        raise InputError(
            f"A batch of {m} rows of logits takes n = 1 or n = {m}, got n = {n}.",
            code="gumbel_batch",
            m=m,
            n=n,
        )
    rows = max(m, n)
    _check_size(rows * k)
    return rows, k


def logit_noise(logits: torch.Tensor, n: int, generator) -> torch.Tensor:
    """Standard Gumbel noise of the sample shape of ``logits`` and ``n`` (see `_sample_shape`)."""
    return standard_gumbel_noise(_sample_shape(logits, n), logits.dtype, generator)


def shifted_logits(logits: torch.Tensor) -> torch.Tensor:
    """``logits - max(logits)``: adding noise to these cannot overflow, even for logits near
    the largest float, and the shift changes neither the argmax nor the softmax."""
    return logits - logits.detach().amax(dim=-1, keepdim=True)


def perturbed_logits(logits: torch.Tensor, n: int, generator) -> torch.Tensor:
    """``logits + g`` (shifted, see `shifted_logits`) for an (n, k) draw of Gumbel noise."""
    return shifted_logits(logits) + logit_noise(logits, n, generator)


# --- Gumbel-max and Gumbel top-k ------------------------------------------------------------


def gumbel_max(logits, n: int, generator=None) -> torch.Tensor:
    """``n`` exact samples of Categorical(softmax(logits)): ``argmax_i (logits_i + g_i)``.

    Exactness: P(argmax = i) = exp(l_i) / sum_j exp(l_j) (Gumbel 1954; Maddison et al. 2014).
    """
    logits = as_logits(logits)
    return perturbed_logits(logits.detach(), n, generator).argmax(dim=-1)


def gumbel_topk(logits, k: int, n: int = 1, generator=None) -> torch.Tensor:
    """``(n, k)`` indices: the top-k of ``logits + g``, best first.

    Each row is a sample of k categories without replacement, drawn in order with the
    Plackett-Luce probabilities ``prod_j p_(i_j) / (1 - sum_(l<j) p_(i_l))`` (Kool et al. 2019).
    """
    logits = as_logits(logits)
    k = int_in_range("k", k, 1, logits.shape[-1])
    return perturbed_logits(logits.detach(), n, generator).topk(k, dim=-1).indices


# --- Gumbel-Softmax -------------------------------------------------------------------------


def check_tau(tau) -> float:
    if isinstance(tau, torch.Tensor) and tau.numel() != 1:
        raise InputError(
            f"tau must be a single number, got a tensor of shape {tuple(tau.shape)}.",
            code="gumbel_tau_shape",
            shape=str(tuple(tau.shape)),
        )
    return positive("tau", tau)


def relaxed_from_perturbed(perturbed: torch.Tensor, tau) -> torch.Tensor:
    """``softmax(perturbed / tau)`` along the last axis, ``tau`` a number or a tensor that
    broadcasts (one temperature per row). The row maximum is subtracted before dividing, so a
    tiny tau gives ``-inf`` (weight 0) for the losers rather than overflow, and never NaN."""
    top = perturbed.detach().amax(dim=-1, keepdim=True)
    # A tau below the dtype's smallest normal number would round to 0 (and 0 / 0 = NaN); the
    # clamped tau gives the same one-hot limit.
    info = torch.finfo(perturbed.dtype)
    tau = torch.as_tensor(tau, dtype=perturbed.dtype).clamp(info.tiny, info.max)
    return torch.softmax((perturbed - top) / tau, dim=-1)


def gumbel_softmax(logits, tau, hard: bool = False, n: int = 1, generator=None) -> torch.Tensor:
    """``(n, k)`` Gumbel-Softmax samples ``y = softmax((logits + g) / tau)``, ``tau > 0``.

    ``hard=True``: the one-hot of the same soft sample (same noise) with the straight-through
    gradient, ``y_hard + (y_soft - y_soft.detach())`` (Jang et al. 2017, section 2.2): the
    forward value is exactly one-hot and the gradient is the soft sample's. PyTorch writes
    ``y_hard - y_soft.detach() + y_soft``, the same up to rounding of the forward value.
    """
    logits = as_logits(logits)
    tau = check_tau(tau)
    y_soft = relaxed_from_perturbed(perturbed_logits(logits, n, generator), tau)
    if not hard:
        return y_soft
    index = y_soft.detach().argmax(dim=-1, keepdim=True)
    y_hard = torch.zeros_like(y_soft).scatter_(-1, index, 1.0)
    return y_hard + (y_soft - y_soft.detach())


def noise_times_tau_softmax(logits, tau, n: int = 1, generator=None) -> torch.Tensor:
    """The widely copied WRONG variant ``softmax(logits + tau * g)`` (same noise as
    `gumbel_softmax` for the same generator state), shown only to contrast with it.

    It is not Gumbel-Softmax: as tau -> 0 it returns softmax(logits) every time (no randomness,
    never one-hot); as tau -> inf it is one-hot on argmax(g), ignoring the logits; only at
    tau = 1 do the two coincide.
    """
    logits = as_logits(logits)
    tau = check_tau(tau)
    noise = logit_noise(logits, n, generator)
    return relaxed_from_perturbed(shifted_logits(logits) + tau * noise, 1.0)


def annealing_schedule(steps: int, rate: float, tau_min: float) -> torch.Tensor:
    """``tau_t = max(tau_min, exp(-rate t))`` for ``t = 0, ..., steps - 1`` (Jang et al. 2017
    anneal tau this way during training, with a floor tau_min such as 0.5)."""
    steps = int_in_range("steps", steps, 1, 1_000_000)
    rate = non_negative("rate", rate)
    tau_min = positive("tau_min", tau_min)
    t = torch.arange(steps, dtype=torch.float64)
    return torch.exp(-rate * t).clamp(min=tau_min).to(torch.get_default_dtype())
