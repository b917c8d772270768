"""Univariate torch.distributions: the families the page offers, their summaries, pdf and cdf.

torch gives mean, variance, entropy and (mostly) mode; where it lacks a piece (a median, a cdf,
a quantile, or a mode at a boundary) the closed form is written here, with its source.
`univariate_view` computes what the page's 1D view draws (`UnivariateView`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import scipy.special
import torch
from torch.distributions import (
    Beta,
    Distribution,
    Exponential,
    Gamma,
    Gumbel,
    Laplace,
    LogNormal,
    Normal,
    StudentT,
    Uniform,
)

from core import sample_stats
from core.distributions_sampling import rsample, sample
from core.errors import InputError
from core.gumbel import gumbel_cdf
from core.validate import (
    MAX_ELEMENTS,
    excerpt,
    finite,
    first_items,
    in_open_interval,
    int_in_range,
    positive,
)

# At most MAX_SAMPLES draws or points per call (40 MB in float32, a few temporaries of that
# size; the page draws at most 100,000) and MAX_BANDS k-sigma bands.
MAX_SAMPLES = MAX_ELEMENTS
MAX_BANDS = 100


@dataclass(frozen=True)
class Param:
    """A parameter: its torch keyword, LaTeX symbol, default and the range the page offers."""

    name: str
    symbol: str
    default: float
    low: float
    high: float
    step: float = 0.1
    positive: bool = False


@dataclass(frozen=True)
class Family:
    name: str
    cls: type[Distribution]
    params: tuple[Param, ...]
    pdf_latex: str
    reparam_latex: str


def _loc(symbol: str = r"\mu", low: float = -5.0, high: float = 5.0) -> Param:
    return Param("loc", symbol, 0.0, low, high)


def _scale(symbol: str = r"\sigma", default: float = 1.0, high: float = 5.0) -> Param:
    return Param("scale", symbol, default, 0.1, high, positive=True)


# Implicit reparameterisation (Figurnov et al. 2018): differentiate F(g; alpha) = u at fixed u.
_IMPLICIT = (
    r"\frac{\partial g}{\partial\alpha}="
    r"-\frac{\partial F(g;\alpha)/\partial\alpha}{p(g;\alpha)}"
)

FAMILIES: dict[str, Family] = {
    f.name: f
    for f in (
        Family(
            "Normal",
            Normal,
            (_loc(), _scale()),
            r"p(x)=\frac{1}{\sigma\sqrt{2\pi}}\exp\!\left(-\frac{(x-\mu)^2}{2\sigma^2}\right)",
            r"x=\mu+\sigma\varepsilon,\ \varepsilon\sim\mathcal N(0,1):\quad"
            r"\frac{\partial x}{\partial\mu}=1,\ \frac{\partial x}{\partial\sigma}=\varepsilon",
        ),
        Family(
            "Uniform",
            Uniform,
            (Param("low", "a", -1.0, -5.0, 5.0), Param("high", "b", 1.0, -5.0, 5.0)),
            r"p(x)=\frac{1}{b-a}\quad\text{for } a\le x<b",
            r"x=a+(b-a)u,\ u\sim\mathcal U(0,1):\quad"
            r"\frac{\partial x}{\partial a}=1-u,\ \frac{\partial x}{\partial b}=u",
        ),
        Family(
            "Gumbel",
            Gumbel,
            (_loc(), _scale(r"\beta")),
            r"p(x)=\frac{1}{\beta}e^{-z-e^{-z}},\ z=\frac{x-\mu}{\beta}",
            r"x=\mu-\beta\ln(-\ln u),\ u\sim\mathcal U(0,1):\quad"
            r"\frac{\partial x}{\partial\mu}=1,\ \frac{\partial x}{\partial\beta}=-\ln(-\ln u)",
        ),
        Family(
            "Laplace",
            Laplace,
            (_loc(), _scale("b")),
            r"p(x)=\frac{1}{2b}\exp\!\left(-\frac{|x-\mu|}{b}\right)",
            r"x=\mu-b\,\operatorname{sign}(u)\ln(1-|u|),\ u\sim\mathcal U(-1,1):\quad"
            r"\frac{\partial x}{\partial\mu}=1,\ \frac{\partial x}{\partial b}=\frac{x-\mu}{b}",
        ),
        Family(
            "StudentT",
            StudentT,
            (Param("df", r"\nu", 3.0, 0.5, 30.0, 0.5, positive=True), _loc(), _scale()),
            r"p(x)=\frac{\Gamma(\frac{\nu+1}{2})}{\sqrt{\nu\pi}\,\sigma\,\Gamma(\frac{\nu}{2})}"
            r"\left(1+\frac{z^2}{\nu}\right)^{-\frac{\nu+1}{2}},\ z=\frac{x-\mu}{\sigma}",
            r"x=\mu+\sigma\frac{\varepsilon}{\sqrt{c/\nu}},\ \varepsilon\sim\mathcal N(0,1),\ "
            r"c\sim\chi^2_\nu:\quad\frac{\partial x}{\partial\sigma}=\frac{x-\mu}{\sigma},\ "
            r"\frac{\partial c}{\partial\nu}=-\frac{\partial F(c;\nu)/\partial\nu}{p(c;\nu)}",
        ),
        Family(
            "LogNormal",
            LogNormal,
            (_loc(low=-2.0, high=2.0), _scale(default=0.75, high=2.0)),
            r"p(x)=\frac{1}{x\sigma\sqrt{2\pi}}\exp\!\left(-\frac{(\ln x-\mu)^2}{2\sigma^2}\right),"
            r"\ x>0",
            r"x=e^{\mu+\sigma\varepsilon},\ \varepsilon\sim\mathcal N(0,1):\quad"
            r"\frac{\partial x}{\partial\mu}=x,\ \frac{\partial x}{\partial\sigma}=x\varepsilon",
        ),
        Family(
            "Exponential",
            Exponential,
            (Param("rate", r"\lambda", 1.0, 0.1, 5.0, positive=True),),
            r"p(x)=\lambda e^{-\lambda x},\ x\ge 0",
            r"x=\frac{e}{\lambda},\ e\sim\operatorname{Exp}(1):\quad"
            r"\frac{\partial x}{\partial\lambda}=-\frac{x}{\lambda}",
        ),
        Family(
            "Gamma",
            Gamma,
            (
                Param("concentration", r"\alpha", 2.0, 0.2, 20.0, positive=True),
                Param("rate", r"\beta", 1.0, 0.1, 5.0, positive=True),
            ),
            r"p(x)=\frac{\beta^{\alpha}}{\Gamma(\alpha)}x^{\alpha-1}e^{-\beta x},\ x>0",
            r"x=\frac{g}{\beta},\ g\sim\Gamma(\alpha,1):\quad" + _IMPLICIT + r",\ "
            r"\frac{\partial x}{\partial\beta}=-\frac{x}{\beta}",
        ),
        Family(
            "Beta",
            Beta,
            (
                Param("concentration1", r"\alpha", 2.0, 0.2, 10.0, positive=True),
                Param("concentration0", r"\beta", 5.0, 0.2, 10.0, positive=True),
            ),
            r"p(x)=\frac{x^{\alpha-1}(1-x)^{\beta-1}}{B(\alpha,\beta)},\ 0<x<1",
            r"x=\frac{g_1}{g_1+g_0},\ g_1\sim\Gamma(\alpha,1),\ g_0\sim\Gamma(\beta,1):\quad"
            + _IMPLICIT,
        ),
    )
}


def univariate(name: str, params: Mapping[str, float] | None = None) -> Distribution:
    """The torch distribution ``name`` with ``params`` (missing ones take their defaults)."""
    family = FAMILIES.get(name) if isinstance(name, str) else None
    if family is None:
        raise InputError(
            f"Unknown distribution {excerpt(name)}; choose one of {', '.join(FAMILIES)}.",
            code="dist_family",
            name=excerpt(name),
            options=", ".join(FAMILIES),
        )
    params = dict(params or {})
    values = {}
    for p in family.params:
        raw = params.get(p.name, p.default)
        values[p.name] = positive(p.name, raw) if p.positive else finite(p.name, raw)
    if name == "Uniform" and not values["low"] < values["high"]:
        raise InputError(
            f"Uniform needs low < high, got low = {values['low']:g} and high = {values['high']:g}.",
            code="dist_uniform_order",
            low=values["low"],
            high=values["high"],
        )
    return family.cls(**{k: torch.tensor(v) for k, v in values.items()})


# --- summary ----------------------------------------------------------------------------------


def _scalar(dist: Distribution) -> None:
    if not isinstance(dist, Distribution) or dist.batch_shape or dist.event_shape:
        raise InputError(
            "Expected a univariate torch distribution with scalar parameters, got "
            f"{excerpt(dist)}.",
            code="dist_not_univariate",
            value=excerpt(dist),
        )


def mode(dist: Distribution) -> float:
    """The mode; nan where it is not unique (Uniform: every point of [low, high) is one; torch
    agrees). Gamma and Beta: see `_gamma_mode`, `_beta_mode`; the rest: torch's ``mode``."""
    _scalar(dist)
    if isinstance(dist, Beta):
        return _beta_mode(float(dist.concentration1), float(dist.concentration0))
    if isinstance(dist, Gamma):
        return _gamma_mode(float(dist.concentration), float(dist.rate))
    if isinstance(dist, Uniform):
        return math.nan
    try:
        return float(dist.mode)
    except NotImplementedError:
        return math.nan


def _gamma_mode(k: float, rate: float) -> float:
    """(k - 1)/rate for k >= 1, else 0, where the density grows without bound."""
    return (k - 1) / rate if k >= 1 else 0.0


def _beta_mode(a: float, b: float) -> float:
    """(a - 1)/(a + b - 2) for a, b > 1; 0 when the density decreases (a <= 1 < b, or a < 1 = b);
    1 when it increases; nan when flat (a = b = 1) or U-shaped (a, b < 1: modes 0 and 1), where
    torch reports 1 or nan inconsistently."""
    if a > 1 and b > 1:
        return (a - 1) / (a + b - 2)
    if (a <= 1 < b) or (a < 1 and b == 1):
        return 0.0
    if (b <= 1 < a) or (b < 1 and a == 1):
        return 1.0
    return math.nan


def median(dist: Distribution) -> float:
    """The median, in closed form where one exists.

    Normal, Laplace, StudentT: loc. Uniform: (low + high)/2. Gumbel: loc - scale ln(ln 2).
    LogNormal: e^mu. Exponential: ln 2 / rate. Gamma and Beta: the inverse regularised
    incomplete gamma / beta function at 1/2 (no closed form). Others: icdf(1/2) when torch has it.
    """
    _scalar(dist)
    if isinstance(dist, Normal | Laplace | StudentT):
        return float(dist.loc)
    if isinstance(dist, Uniform):
        return float((dist.low + dist.high) / 2)
    if isinstance(dist, Gumbel):
        return float(dist.loc) - float(dist.scale) * math.log(math.log(2.0))
    if isinstance(dist, LogNormal):
        return math.exp(float(dist.loc))
    if isinstance(dist, Exponential):
        return math.log(2.0) / float(dist.rate)
    return quantile(dist, 0.5)


def summary(dist_1d: Distribution) -> dict[str, float]:
    """Mean, median, mode, variance and entropy (nats) of a univariate distribution, as floats.

    nan means undefined (StudentT mean for df <= 1, Uniform mode), inf means infinite
    (StudentT variance for 1 < df <= 2). Mean, variance and entropy come from torch.
    """
    _scalar(dist_1d)
    return {
        "mean": float(dist_1d.mean),
        "median": median(dist_1d),
        "mode": mode(dist_1d),
        "variance": float(dist_1d.variance),
        "entropy": float(dist_1d.entropy()),
    }


def order_of_centres(stats: Mapping[str, float], rtol: float = 1e-4) -> str:
    """How mean, median and mode relate: "equal" (symmetric and unimodal), "right"
    (mode < median < mean: a long right tail), "left", or "undefined" (one is nan or inf)."""
    centres = [stats["mode"], stats["median"], stats["mean"]]
    if not all(math.isfinite(c) for c in centres):
        return "undefined"
    scale = max(1.0, *(abs(c) for c in centres))
    if max(centres) - min(centres) <= rtol * scale:
        return "equal"
    if centres == sorted(centres):
        return "right"
    if centres == sorted(centres, reverse=True):
        return "left"
    return "mixed"


# --- pdf, cdf, quantiles ----------------------------------------------------------------------


def _as_float_tensor(x, dtype: torch.dtype) -> torch.Tensor:
    t = torch.as_tensor(x, dtype=dtype)
    int_in_range("number of points", t.numel(), 0, MAX_SAMPLES)
    return t


def _inside(dist: Distribution, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(mask of the finite x in the support, x with the other points moved to the median).

    -inf and +inf are left out: there every family's density is 0 and its cdf 0 or 1, while
    torch's formulas give inf - inf = nan (Gumbel's log_prob at -inf, Gamma's at +inf)."""
    inside = dist.support.check(x) & torch.isfinite(x)
    safe = torch.where(inside, x, torch.full_like(x, median(dist)))
    return inside, safe


def log_prob(dist: Distribution, x) -> torch.Tensor:
    """log p(x): torch's log_prob inside the support, -inf outside it and at -inf and +inf
    (torch refuses points outside); nan stays nan."""
    _scalar(dist)
    x = _as_float_tensor(x, dist.mean.dtype)
    inside, safe = _inside(dist, x)
    outside = torch.where(torch.isnan(x), x, torch.full_like(x, -math.inf))
    return torch.where(inside, dist.log_prob(safe), outside)


def pdf(dist: Distribution, x) -> torch.Tensor:
    """exp(log_prob(x)): 0 outside the support and at -inf and +inf; nan stays nan."""
    return log_prob(dist, x).exp()


def cdf(dist: Distribution, x) -> torch.Tensor:
    """P(X <= x): 0 or 1 outside the support (and at -inf, +inf); nan stays nan.

    StudentT: scipy.special.stdtr; Beta: the regularised incomplete beta function I_x(a, b)
    (scipy.special.betainc); Gumbel: the closed form exp(-exp(-z)) of `core.gumbel.gumbel_cdf`
    (torch's cdf maps x back to a uniform and refuses those that round to below the smallest
    normal number or to 1: every x <= -4.47 or >= 16.27 for Gumbel(0, 1)); the rest: torch's.
    """
    _scalar(dist)
    x = _as_float_tensor(x, dist.mean.dtype)
    inside, safe = _inside(dist, x)
    if isinstance(dist, StudentT):
        z = ((safe - dist.loc) / dist.scale).double().numpy()
        inner = torch.from_numpy(scipy.special.stdtr(float(dist.df), z)).to(x.dtype)
    elif isinstance(dist, Beta):
        a, b = float(dist.concentration1), float(dist.concentration0)
        inner = torch.from_numpy(scipy.special.betainc(a, b, safe.double().numpy())).to(x.dtype)
    elif isinstance(dist, Gumbel):
        inner = gumbel_cdf(safe, float(dist.loc), float(dist.scale))
    else:
        inner = dist.cdf(safe)
    outside = torch.where(torch.isnan(x), x, 1 - (x < median(dist)).to(x.dtype))
    return torch.where(inside, inner, outside)


def quantile(dist: Distribution, q: float) -> float:
    """The inverse cdf at q in (0, 1): torch's icdf, or scipy.special's inverse functions
    (stdtrit, gammaincinv, betaincinv) where torch has none."""
    _scalar(dist)
    q = in_open_interval("q", q, 0.0, 1.0)
    if isinstance(dist, StudentT):
        t = float(scipy.special.stdtrit(float(dist.df), q))
        return float(dist.loc) + float(dist.scale) * t
    if isinstance(dist, Gamma):
        return float(scipy.special.gammaincinv(float(dist.concentration), q)) / float(dist.rate)
    if isinstance(dist, Beta):
        a, b = float(dist.concentration1), float(dist.concentration0)
        return float(scipy.special.betaincinv(a, b, q))
    try:
        return float(dist.icdf(torch.tensor(q, dtype=dist.mean.dtype)))
    except NotImplementedError:
        raise InputError(
            f"No quantile function for {type(dist).__name__}.",
            code="dist_unsupported",
            kind=type(dist).__name__,
        ) from None


def plot_range(dist: Distribution, tail: float = 5e-4, iqr_limit: float = 8.0):
    """(low, high) for a chart: the central 1 - 2*tail of the mass, at most iqr_limit
    interquartile ranges from the median (heavy tails such as StudentT with small df), cut at
    the support's bounds; a bounded support is shown whole with a margin for the cdf's steps."""
    _scalar(dist)
    tail = in_open_interval("tail", tail, 0.0, 0.5)
    iqr_limit = positive("iqr_limit", iqr_limit)
    if isinstance(dist, Uniform):
        low, high = float(dist.low), float(dist.high)
        margin = 0.15 * (high - low)
        return low - margin, high + margin
    if isinstance(dist, Beta):
        return 0.0, 1.0
    med = median(dist)
    iqr = quantile(dist, 0.75) - quantile(dist, 0.25)
    low = max(quantile(dist, tail), med - iqr_limit * iqr)
    high = min(quantile(dist, 1 - tail), med + iqr_limit * iqr)
    if isinstance(dist, Exponential | Gamma | LogNormal):
        low = 0.0
    return low, high


def grid(dist: Distribution, n: int = 400) -> torch.Tensor:
    """n points over `plot_range`, kept strictly inside a bounded support, where a pdf may be
    infinite (Gamma with alpha < 1, Beta with a or b < 1)."""
    n = int_in_range("n", n, 2, 100_000)
    low, high = plot_range(dist)
    inset = 1e-3 * (high - low)
    if isinstance(dist, Beta):
        low, high = low + inset, high - inset
    elif isinstance(dist, Exponential | Gamma | LogNormal):
        low += inset
    return torch.linspace(low, high, n, dtype=dist.mean.dtype)


def samples(dist: Distribution, n: int, generator: torch.Generator | None = None):
    """n draws; with torch.manual_seed(s) the same as dist.sample((n,))."""
    _scalar(dist)
    return sample(dist, (int_in_range("n", n, 1, MAX_SAMPLES),), generator)


def histogram(x: torch.Tensor, low: float, high: float, bins: int | None = None):
    """(edges, density) of samples x over [low, high]: `core.sample_stats.density_histogram`,
    with Rice's rule (`sample_stats.rice_bins`) when ``bins`` is None."""
    n = torch.as_tensor(x).numel()
    return sample_stats.density_histogram(
        x, sample_stats.rice_bins(n) if bins is None else bins, low, high
    )


def pdf_axis_top(pdf_values: torch.Tensor) -> float:
    """A y-axis top for a pdf chart: its maximum, unless the pdf has a pole (Gamma alpha < 1,
    Beta a < 1), where the axis stops at 3x the 95th percentile so the shape stays visible."""
    pdf_values = _as_float_tensor(pdf_values, torch.float64)
    finite_values = pdf_values[torch.isfinite(pdf_values)]
    if finite_values.numel() == 0:
        return 1.0
    peak = float(finite_values.max())
    typical = float(torch.quantile(finite_values.double(), 0.95))
    top = min(peak, 3 * typical) if typical > 0 else peak
    return 1.1 * top if top > 0 else 1.0


def normal_interval_mass(k: float) -> float:
    """P(|X - mu| <= k sigma) for a normal: erf(k / sqrt 2) (68.3 %, 95.4 %, 99.7 %)."""
    return math.erf(positive("k", k) / math.sqrt(2.0))


def normal_bands(dist: Normal, ks=(1, 2, 3)) -> list[tuple[float, float, float]]:
    """(mu - k sigma, mu + k sigma, mass) for each k: the 68-95-99.7 rule."""
    if not isinstance(dist, Normal):
        raise InputError(
            f"The k-sigma bands are drawn for a Normal, got {type(dist).__name__}.",
            code="dist_unsupported",
            kind=type(dist).__name__,
        )
    mu, sigma = float(dist.loc), float(dist.scale)
    ks = first_items("ks", ks, MAX_BANDS)
    return [(mu - k * sigma, mu + k * sigma, normal_interval_mass(k)) for k in ks]


# --- the views of the page --------------------------------------------------------------------


@dataclass(frozen=True)
class Histogram:
    """Samples' density histogram (``edges``, ``density``) and the exact pdf on a ``grid``: a 1D
    view, or a marginal of the 2D one."""

    edges: torch.Tensor
    density: torch.Tensor
    grid: torch.Tensor
    pdf: torch.Tensor


@dataclass(frozen=True)
class UnivariateView:
    """What the 1D view draws: the histogram of n draws under the pdf, the cdf on the same grid,
    the pdf axis' top (`pdf_axis_top`) and the `summary`."""

    histogram: Histogram
    cdf: torch.Tensor
    y_top: float
    summary: dict[str, float]


def univariate_view(
    name: str,
    params: Mapping[str, float] | None,
    n: int,
    generator: torch.Generator | None = None,
    points: int = 300,
) -> UnivariateView:
    """Family ``name`` with ``params``: pdf and cdf on ``points`` points of its `plot_range`,
    and the Rice-rule histogram of ``n`` draws (drawn from ``generator``) over the same range."""
    dist = univariate(name, params)
    xs = grid(dist, points)
    density = pdf(dist, xs)
    x = samples(dist, n, generator)
    edges, bars = histogram(x, *plot_range(dist))
    return UnivariateView(
        Histogram(edges, bars, xs, density), cdf(dist, xs), pdf_axis_top(density), summary(dist)
    )


# --- sample vs rsample ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReparamDemo:
    """m draws of a family, each from its own copy of the parameters so autograd's gradient of
    the sum holds every draw's own derivative: grads[name][i] = d x_i / d theta."""

    x: torch.Tensor
    grads: dict[str, torch.Tensor]
    sample_requires_grad: bool
    sample_error: str


def reparameterisation_demo(
    name: str,
    params: Mapping[str, float] | None = None,
    m: int = 5,
    generator: torch.Generator | None = None,
) -> ReparamDemo:
    """rsample lets gradients reach the parameters; sample cuts the graph.

    ``sample`` starts from the same generator state as ``rsample``, so it returns the very same
    numbers, but without a ``grad_fn``: asking autograd for their gradient fails, and the error
    text is returned to show it.
    """
    m = int_in_range("m", m, 1, 1000)
    base = univariate(name, params)
    theta = {
        p.name: getattr(base, p.name).detach().expand(m).clone().requires_grad_(True)
        for p in FAMILIES[name].params
    }
    batched = FAMILIES[name].cls(**theta)
    generator = generator if generator is not None else torch.default_generator
    twin = torch.Generator().set_state(generator.get_state())
    x = rsample(batched, (), generator)
    x.sum().backward()
    grads = {k: v.grad.detach().clone() for k, v in theta.items()}
    y = sample(batched, (), twin)
    try:
        torch.autograd.grad(y.sum(), list(theta.values()))
        error = ""
    except RuntimeError as e:
        error = str(e)
    return ReparamDemo(x.detach(), grads, y.requires_grad, error)
