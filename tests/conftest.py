"""Shared test setup: the project root on sys.path, and Hypothesis profiles that never flake."""

import asyncio
import concurrent.futures
import os
import sys
from pathlib import Path

import torch
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# The suite runs in two workers on two cores: a second torch thread per worker only contends
# (small linear algebra runs several times slower with it on a busy machine).
# TORCH_THREADS=2 overrides it, to check that no tolerance depends on the thread count.
torch.set_num_threads(int(os.environ.get("TORCH_THREADS", "1")))

# Derandomised: the same examples on every run and every machine.
settings.register_profile(
    "project", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("project")


def run_async(coroutine):
    """asyncio.run in a thread of its own: Playwright's sync API, used by other tests in the
    same worker, may leave an event loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
