"""The server gives back what large work frees, and the largest views stay small: the
allocator settings of `ui.memory` and the working sets of the widest deep-network and
Bayesian-network views, measured in fresh processes (`tests.peak_memory`)."""

import threading

import pytest

from tests.peak_memory import growth_mb
from ui import memory

KEPT_MB = 50 * 32 * 512 * 8 / 2**20  # a deep run's float64 pre-activations: 6.25 MB
WEIGHTS_MB = 50 * 512 * 512 * 4 / 2**20  # its float32 weights: 50 MB


@pytest.mark.skipif(not memory.supported(), reason="needs glibc")
def test_the_trimming_thread_runs_once_per_process():
    assert memory.keep_giving_back()
    names = [thread.name for thread in threading.enumerate()]
    assert names.count("malloc-trim") == 1


@pytest.mark.skipif(not memory.supported(), reason="needs glibc")
def test_a_freed_block_goes_back_to_the_system_after_a_larger_one_was_freed():
    """glibc's default: freeing an 8 MB mapping raises the mmap threshold to 8 MB, so the next
    6 MB block comes from the heap and stays in the resident set once freed (below the trim
    threshold, twice the mmap threshold): how the server's RSS ratcheted up. With the
    server's settings the trimming thread gives it back within `memory.INTERVAL_S`."""
    larger = "x = torch.ones(2**21); del x  # 8 MB"
    wait = f"import time; time.sleep({memory.INTERVAL_S + 1})"
    block = f"y = torch.ones(3 * 2**19); del y  # 6 MB\n{wait}"
    assert growth_mb(larger, block, server=False)["kept_mb"] > 5
    assert growth_mb(larger, block)["kept_mb"] < 0.5


DEPTH_SETUP = """
from core.depth import depth_experiment
# the same kernels once (their code is paged in on first use, and is not the run's memory)
depth_experiment("relu", 2, 512)
"""


@pytest.mark.skipif(not memory.supported(), reason="needs glibc")
def test_the_widest_deepest_network_holds_its_float32_weights_and_little_more():
    """50 layers of 512 x 512 weights as drawn (float32, 50 MB), 32 x 512 float64
    pre-activations per layer (6.25 MB, once more for slack), one layer's
    float64 weights, gradient and their products (four 2 MB matrices), and 10 MB for the
    allocator's own; autograd over the whole network kept float64 copies and gradients of
    every weight, ~220 MB at its peak."""
    run = "depth_experiment('relu', 50, 512, 'normal', 0.1, 32, torch.Generator().manual_seed(1))"
    assert growth_mb(DEPTH_SETUP, run)["peak_mb"] < WEIGHTS_MB + 2 * KEPT_MB + 4 * 2 + 10


BNN_SETUP = """
from core import bnn, bnn_data
from core.bnn import NetworkPrior, NormalPrior
prior = NetworkPrior(*(NormalPrior(0.0, 1.0) for _ in range(4)))
x = bnn_data.grid(41)
bnn.sample_prior_functions(x, 1000, "relu", prior, 5, True, torch.Generator().manual_seed(0))
"""


@pytest.mark.skipif(not memory.supported(), reason="needs glibc")
def test_the_widest_prior_variance_is_computed_in_small_chunks():
    """The prior page's variance curve: 500 networks of width 1000 at 41 points, 20.5M hidden
    units; in chunks of `core.bnn.CHUNK`: at most four float32 intermediates of 8 MB alive
    (product, sum with the bias, activation, the readout's product), each of which the heap
    may place in fresh memory rather than in a freed block of another size (twice that),
    2 MB of weights and 6 MB for the allocator's own; 16M-unit blocks took ~130 MB."""
    run = "bnn.sample_prior_functions(x, 1000, 'relu', prior, 500, True, torch.Generator())"
    assert growth_mb(BNN_SETUP, run)["peak_mb"] < 2 * 4 * 8 + 2 + 6
