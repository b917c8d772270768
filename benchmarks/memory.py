"""`python -m benchmarks.memory`: does the server give memory back after large work?

One fresh `streamlit run`, every page opened once (the warmed-up baseline), then the
sequence of issue 18: six opens of the deepest, widest depth experiment and four of the
widest Bayesian-network prior, each with its own seed (nothing cached), one after another.
The server's RSS is sampled every 50 ms: the peak, the RSS when the sequence ends, and a
minute later. Community Cloud's smallest memory limit is 690 MB."""

from __future__ import annotations

import argparse
import asyncio
import threading
import time
from urllib.parse import urlencode

from benchmarks.load.protocol import Tab
from benchmarks.load.server import rss_mb
from tests.e2e.conftest import Server
from ui.registry import PAGES

DEPTH = ("activation-functions", {"act_view": "Gradients across depth", "act_width": 512,
                                  "act_depth": 50})  # fmt: skip
BNN = ("bayesian-networks", {"bnn_width": 1000, "bnn_n": 100})
SEQUENCE = [(DEPTH, seed) for seed in range(1, 7)] + [(BNN, seed) for seed in range(1, 5)]


class Sampler(threading.Thread):
    """The highest RSS of ``pid`` since the last `reset`."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.running = pid, 0.0, True

    def run(self) -> None:
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.05)

    def reset(self) -> float:
        peak, self.peak = self.peak, rss_mb(self.pid)
        return peak


async def _open(base: str, path: str, params: dict) -> None:
    tab = Tab(base, path, urlencode(params))
    run = await tab.open(timeout=300)
    await tab.close()
    if run.errors:
        raise RuntimeError(f"{path} {params}: {run.errors}")


def measure(idle_s: float) -> dict[str, float]:
    server = Server()
    sampler = Sampler(server.process.pid)
    sampler.start()
    try:
        base = server.base

        async def sequence() -> dict[str, float]:
            # the home page first: a fresh server's first run takes `pages/` for Streamlit's
            # old multipage layout and answers any other path "page not found"
            for path in ("", *(info.url_path for info in PAGES)):
                await _open(base, path, {})
            time.sleep(2)
            figures = {"baseline_mb": rss_mb(server.process.pid)}
            sampler.reset()
            for (path, params), seed in SEQUENCE:
                await _open(base, path, {**params, "seed": seed})
                print(f"{path} seed {seed}: peak {sampler.peak:.0f} MB", flush=True)
            figures["end_mb"] = rss_mb(server.process.pid)
            return figures

        figures = asyncio.run(sequence())
        time.sleep(idle_s)
        figures["peak_mb"] = sampler.reset()
        figures["idle_mb"] = rss_mb(server.process.pid)
        figures["idle_s"] = idle_s
        return figures
    finally:
        sampler.running = False
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.memory", description=__doc__)
    parser.add_argument("--idle", type=float, default=60, help="seconds idle after the sequence")
    figures = measure(parser.parse_args().idle)
    print(
        f"baseline {figures['baseline_mb']:.0f} MB, peak {figures['peak_mb']:.0f} MB, "
        f"end {figures['end_mb']:.0f} MB, after {figures['idle_s']:.0f} s idle "
        f"{figures['idle_mb']:.0f} MB (limit 690 MB)"
    )


if __name__ == "__main__":
    main()
