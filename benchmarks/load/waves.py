"""Waves of students: N tabs open over a ramp, move controls for a while, close; the next
wave comes with new seeds (so bounded caches must evict, unbounded ones grow), while the
server's RSS is sampled throughout."""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import signal
import statistics
import time
from dataclasses import dataclass

from benchmarks.load.server import cpu_s, rss_mb, runtime_metrics
from benchmarks.load.student import Outcome, Plan, Room, attend

SAMPLE_EVERY_S = 0.5


@dataclass(frozen=True)
class Settings:
    sessions: int
    waves: int
    duration_s: float  # every tab of a wave is open at once for this long
    ramp_s: float  # tabs of a wave open evenly spread over this
    gap_s: float  # between waves: the server settles, RSS is read
    think_s: float
    pages: tuple[str, ...]
    control_key: str | None
    timeout_s: float
    reconnect: bool
    kill_pid: int | None  # failover drill: SIGKILL this replica ...
    kill_after_s: float  # ... this long after the first wave started
    settle_s: float = 0.0  # idle after the last wave before RSS is read a last time


class ServerWatch:
    """RSS and CPU time of the server process(es), summed over replicas; RSS and the number
    of open tabs are sampled every half second."""

    def __init__(self, pids: list[int], room: Room) -> None:
        self.pids, self.room, self.samples = pids, room, []
        self._t0 = time.monotonic()
        self._cpu = dict.fromkeys(pids, 0.0)  # a killed replica keeps the CPU it had used

    def read(self) -> float:
        total = 0.0
        for pid in self.pids:
            with contextlib.suppress(FileNotFoundError):  # killed in the failover drill
                total += rss_mb(pid)
        return total

    def cpu(self) -> float:
        for pid in self.pids:
            with contextlib.suppress(FileNotFoundError):
                self._cpu[pid] = cpu_s(pid)
        return sum(self._cpu.values())

    async def run(self) -> None:
        while True:
            t = time.monotonic() - self._t0
            self.samples.append(
                {"t_s": round(t, 1), "rss_mb": self.read(), "open": self.room.present}
            )
            await asyncio.sleep(SAMPLE_EVERY_S)

    def peak_between(self, start: float, end: float) -> float:
        inside = [s["rss_mb"] for s in self.samples if start <= s["t_s"] <= end]
        return max(inside, default=self.read())

    def now(self) -> float:
        return time.monotonic() - self._t0


async def run_waves(
    base_url: str, pids: list[int], metrics_urls: list[str], settings: Settings
) -> dict:
    room = Room()
    watch = ServerWatch(pids, room)
    sampler = asyncio.create_task(watch.run())
    killer = None
    if settings.kill_pid is not None:
        killer = asyncio.create_task(_kill_later(settings.kill_pid, settings.kill_after_s))
    waves, idle = [], watch.read()
    try:
        for wave in range(settings.waves):
            waves.append(await _wave(base_url, wave, settings, room, watch, metrics_urls))
        await asyncio.sleep(settings.settle_s)
        settled = watch.read()
    finally:
        sampler.cancel()
        if killer is not None:
            killer.cancel()
    return {
        "idle_rss_mb": idle,
        "settled_rss_mb": settled,
        "waves": waves,
        "rss_timeline": watch.samples,
    }


async def _kill_later(pid: int, after_s: float) -> None:
    await asyncio.sleep(after_s)
    os.kill(pid, signal.SIGKILL)


async def _wave(
    base_url: str,
    wave: int,
    settings: Settings,
    room: Room,
    watch: ServerWatch,
    metrics_urls: list[str],
) -> dict:
    n = settings.sessions
    start = time.monotonic()
    end = start + settings.ramp_s + settings.duration_s
    plans = [
        Plan(
            base_url=base_url,
            page=settings.pages[i % len(settings.pages)],
            # A new seed for every tab of every wave: the caches see new keys each wave.
            query=f"seed={wave * n + i}",
            start_at=start + settings.ramp_s * i / n,
            end_at=end,
            think_s=settings.think_s,
            control_key=settings.control_key,
            timeout_s=settings.timeout_s,
            reconnect=settings.reconnect,
            rng_seed=wave * n + i,
        )
        for i in range(n)
    ]
    t_start, cpu_before = watch.now(), watch.cpu()
    client_before = resource.getrusage(resource.RUSAGE_SELF)
    rss_before = watch.read()
    bound = settings.ramp_s + settings.duration_s + 2 * settings.timeout_s
    async with asyncio.timeout(bound):  # the tool stops, whatever the server does
        outcomes = await asyncio.gather(*(attend(plan, room) for plan in plans))
    t_closed, cpu_used = watch.now(), watch.cpu() - cpu_before
    client = resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.sleep(settings.gap_s)
    figures = summarize(outcomes, steady=(start + settings.ramp_s, end))
    return {
        "wave": wave + 1,
        **figures,
        # What one rerun costs the server (the whole wave's CPU, opening pages included),
        # and what the simulated tabs cost this process: it shares the machine.
        "server_cpu_ms_per_rerun": 1000 * cpu_used / max(1, figures["reruns"]),
        "client_cpu_s": (client.ru_utime + client.ru_stime)
        - (client_before.ru_utime + client_before.ru_stime),
        "rss_before_mb": rss_before,
        "rss_peak_mb": watch.peak_between(t_start, t_closed),
        "rss_after_close_mb": watch.read(),
        "runtime_metrics": [_cache_and_sessions(url) for url in metrics_urls],
    }


def _cache_and_sessions(url: str) -> dict[str, float]:
    try:
        metrics = runtime_metrics(url)
    except OSError as exc:  # a replica killed in the failover drill
        return {"unreachable": str(exc)}
    return {k: v for k, v in metrics.items() if k.startswith(("cache_memory", "active_sessions"))}


def summarize(outcomes: list[Outcome], steady: tuple[float, float]) -> dict:
    """Figures of one wave; the rerun rate is over ``steady`` (monotonic times), when every
    tab of the wave is open."""
    pages = [o.page for o in outcomes]
    latencies = sorted(s for o in outcomes for _, s in o.moves)
    in_steady = sum(steady[0] <= done <= steady[1] for o in outcomes for done, _ in o.moves)
    opens = sorted(o.open_s for o in outcomes if o.open_s is not None)
    errors = [e for o in outcomes for e in o.errors]
    recoveries = sorted(r for o in outcomes for r in o.recoveries_s)
    return {
        "sessions": len(outcomes),
        "opened": sum(o.opened for o in outcomes),
        "held": sum(o.opened and not o.lost for o in outcomes),
        "skipped_no_control": sum(bool(o.skipped) for o in outcomes),
        "reruns": len(latencies),
        "reruns_per_s": in_steady / (steady[1] - steady[0]),
        "change_p50_ms": _quantile(latencies, 0.50) * 1000,
        "change_p95_ms": _quantile(latencies, 0.95) * 1000,
        "change_max_ms": (latencies[-1] if latencies else 0.0) * 1000,
        "open_p50_s": _quantile(opens, 0.50),
        "open_p95_s": _quantile(opens, 0.95),
        "errors": len(errors),
        "error_examples": sorted(set(errors))[:5],
        "disconnects": sum(o.disconnects for o in outcomes),
        "lost": sum(o.lost for o in outcomes),
        "recovery_p50_s": _quantile(recoveries, 0.50),
        "recovery_max_s": recoveries[-1] if recoveries else 0.0,
        "views_restored": sum(o.views_restored for o in outcomes),
        "views_changed": sum(o.views_changed for o in outcomes),
        "per_page": {page: _latencies(outcomes, page) for page in dict.fromkeys(pages)},
    }


def _latencies(outcomes: list[Outcome], page: str) -> dict:
    latencies = sorted(s for o in outcomes if o.page == page for _, s in o.moves)
    return {
        "reruns": len(latencies),
        "p50_ms": _quantile(latencies, 0.50) * 1000,
        "p95_ms": _quantile(latencies, 0.95) * 1000,
    }


def _quantile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    if len(sorted_values) == 1:
        return sorted_values[0]
    return statistics.quantiles(sorted_values, n=100, method="inclusive")[round(q * 100) - 1]
