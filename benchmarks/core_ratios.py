"""Core against what users would otherwise run, in the same process, reported as ratios.

Each entry times both sides with the same inputs (median of repeats after a warm-up) and
reports ``baseline / ours``: above 1 means ours is faster.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np
import torch
import torch.nn.functional as F
from scipy.spatial import distance_matrix
from threadpoolctl import threadpool_limits

from core.activations import ACTIVATIONS, value_and_grad
from core.gp import sample_prior
from core.gumbel import gumbel_softmax
from core.kernels import RBF
from core.weight_space import sample_linear_weights


def median_ms(fn: Callable[[], object], repeats: int = 7) -> float:
    fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _d2l_rbf(x1: np.ndarray, x2: np.ndarray, ls: float) -> np.ndarray:
    """d2l.ai §18.2's recipe: a scipy distance matrix, then the RBF on it."""
    dist = distance_matrix(np.expand_dims(x1, 1), np.expand_dims(x2, 1))
    return np.exp(-(1.0 / ls / 2) * (dist**2))


def alternating_blocks_ms(
    fns: dict[str, Callable[[], object]], blocks: int, per_block: int
) -> dict[str, list[float]]:
    """Times of each function in blocks taken in turn (A A A, B B B, A A A, ...), each block
    after an untimed warm-up call: a machine drifting meanwhile weighs on every side alike,
    while one library's idle worker threads (OpenBLAS spins after each call) do not steal the
    cores of the next call, as they would if the calls alternated one by one."""
    times: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(blocks):
        for name, fn in fns.items():
            fn()
            for _ in range(per_block):
                start = time.perf_counter()
                fn()
                times[name].append((time.perf_counter() - start) * 1000)
    return times


def _gp_contenders(n: int, n_samples: int) -> dict[str, Callable[[], object]]:
    """Ten draws from the same RBF prior on n points: ours, numpy's, d2l.ai's recipe."""
    x = torch.linspace(0, 5, n, dtype=torch.float64)
    kernel = RBF(1.0, 0.5)
    K = kernel(x, x).numpy()
    g = torch.Generator().manual_seed(0)
    rng = np.random.default_rng(0)
    return {
        "ours": lambda: sample_prior(kernel, x, n_samples, generator=g),
        "mvn": lambda: np.random.multivariate_normal(np.zeros(n), K, size=n_samples),
        "d2l": lambda: rng.multivariate_normal(
            np.zeros(n), _d2l_rbf(x.numpy(), x.numpy(), 0.25), size=n_samples
        ),
    }


def gp_sampling(threads: int, sizes=(100, 1000, 2000), n_samples: int = 10) -> list[dict]:
    """Ours vs numpy with ``threads`` threads on both sides (torch's pool and numpy's BLAS).

    Each side's figure is the median of its calls, taken in alternating blocks.
    """
    torch.set_num_threads(threads)
    rows = []
    for n in sizes:
        with threadpool_limits(limits=threads):
            times = alternating_blocks_ms(
                _gp_contenders(n, n_samples), blocks=3, per_block=2 if n > 1000 else 5
            )
        ours, mvn, d2l = (statistics.median(times[k]) for k in ("ours", "mvn", "d2l"))
        rows.append(
            {
                "what": f"GP prior, {n} points x {n_samples} samples",
                "threads": threads,
                "ours_ms": ours,
                "np.random.multivariate_normal_ms": mvn,
                "d2l_recipe_ms": d2l,
                "speedup_vs_mvn": mvn / ours,
                "speedup_vs_d2l": d2l / ours,
            }
        )
    return rows


def gumbel_softmax_vs_torch(k: int = 10, n: int = 10_000) -> dict:
    logits = torch.randn(k)
    g = torch.Generator().manual_seed(0)
    ours = median_ms(lambda: gumbel_softmax(logits, 0.5, n=n, generator=g))
    batch = logits.expand(n, k)
    theirs = median_ms(lambda: F.gumbel_softmax(batch, tau=0.5))
    return {
        "what": f"Gumbel-Softmax, {n} samples of {k} categories",
        "ours_ms": ours,
        "F.gumbel_softmax_ms": theirs,
        "ratio_torch_over_ours": theirs / ours,
    }


def activation_derivatives(n: int = 100_000) -> list[dict]:
    x = torch.linspace(-6, 6, n)
    rows = []
    for name, act in ACTIVATIONS.items():
        if act.derivative is None:
            continue
        autograd = median_ms(lambda: value_and_grad(name, x))  # noqa: B023
        closed = median_ms(lambda: act.derivative(x))  # noqa: B023
        rows.append(
            {
                "what": f"{name}' on {n} points",
                "autograd_ms": autograd,
                "closed_form_ms": closed,
                "autograd_over_closed": autograd / closed,
            }
        )
    return rows


def weight_space_sampler(n_points: int = 200, n_samples: int = 1000) -> dict:
    """Lines w0 + w1 x: our one-shot sampler vs d2l's loop of one weight draw per function."""
    x = torch.linspace(-5, 5, n_points, dtype=torch.float64)
    g = torch.Generator().manual_seed(0)
    ours = median_ms(lambda: sample_linear_weights(x, n_samples, 1.0, generator=g))
    xs = x.numpy()

    def d2l_loop():
        rng = np.random.default_rng(0)
        out = []
        for _ in range(n_samples):
            w0, w1 = rng.normal(0, 1.0, 2)
            out.append(w0 + w1 * xs)
        return np.array(out)

    loop = median_ms(d2l_loop)
    return {
        "what": f"weight-space lines, {n_samples} functions x {n_points} points",
        "ours_ms": ours,
        "python_loop_ms": loop,
        "speedup_vs_loop": loop / ours,
    }
