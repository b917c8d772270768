"""Why the Gumbel distribution: the standardised maximum of n standard normals tends to
Gumbel(0, 1) (extreme-value theory), with the classical normalising constants."""

from __future__ import annotations

import math

import torch

from core.validate import MAX_ELEMENTS, int_in_range, product_at_most

# n x m normal draws per call (drawn in chunks of rows: time, ~1 s; the page draws
# 10,000 x 2000), and at most `MAX_ELEMENTS` points for the exact cdf and pdf.
MAX_DRAWS = 10**8


def normal_max_constants(n: int) -> tuple[float, float]:
    """``(a_n, b_n)`` with ``(max of n N(0,1) - b_n) / a_n -> Gumbel(0, 1)`` in distribution:
    ``a_n = (2 ln n)^(-1/2)``, ``b_n = sqrt(2 ln n) - (ln ln n + ln 4 pi) / (2 sqrt(2 ln n))``
    (Leadbetter, Lindgren and Rootzen 1983, Theorem 1.5.3; Embrechts, Kluppelberg and
    Mikosch 1997, Example 3.3.29). The convergence is slow, of order 1 / log n."""
    n = int_in_range("n", n, 2, 10**12)
    root = math.sqrt(2.0 * math.log(n))
    a_n = 1.0 / root
    b_n = root - (math.log(math.log(n)) + math.log(4.0 * math.pi)) / (2.0 * root)
    return a_n, b_n


def standardized_normal_maxima(n: int, m: int, generator=None) -> torch.Tensor:
    """``m`` draws of ``(max(Z_1..Z_n) - b_n) / a_n`` with ``Z_i ~ N(0, 1)`` drawn directly,
    in chunks of rows so memory stays small for large n."""
    a_n, b_n = normal_max_constants(n)
    m = int_in_range("m", m, 1, 1_000_000)
    product_at_most({"n": n, "m": m}, MAX_DRAWS)
    rows = max(1, 4_000_000 // n)
    maxima = [
        torch.randn((min(rows, m - start), n), generator=generator).amax(dim=1)
        for start in range(0, m, rows)
    ]
    return (torch.cat(maxima) - b_n) / a_n


def standardized_max_cdf(n: int, x: torch.Tensor) -> torch.Tensor:
    """The exact cdf of ``(max of n N(0,1) - b_n) / a_n``: ``Phi(a_n x + b_n)^n``."""
    a_n, b_n = normal_max_constants(n)
    return torch.exp(n * torch.special.log_ndtr(a_n * _points(x) + b_n))


def standardized_max_pdf(n: int, x: torch.Tensor) -> torch.Tensor:
    """Its density ``n a_n phi(a_n x + b_n) Phi(a_n x + b_n)^(n - 1)``."""
    a_n, b_n = normal_max_constants(n)
    z = a_n * _points(x) + b_n
    log_phi = -0.5 * z**2 - 0.5 * math.log(2 * math.pi)
    return torch.exp(math.log(n * a_n) + log_phi + (n - 1) * torch.special.log_ndtr(z))


def _points(x: object) -> torch.Tensor:
    x = torch.as_tensor(x)
    int_in_range("number of points", x.numel(), 0, MAX_ELEMENTS)
    return x.double()
