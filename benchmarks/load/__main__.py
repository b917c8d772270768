"""`python -m benchmarks.load [options]`: the load test; see benchmarks/load/__init__.py."""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import shlex
import sys
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.load import report
from benchmarks.load.protocol import Tab
from benchmarks.load.server import LOOPBACK, StreamlitServer, check_loopback
from benchmarks.load.waves import Settings, run_waves
from ui.registry import PAGES

OUT_DIR = Path(__file__).resolve().parents[1]
MAX_SESSIONS = 200  # bounded: this is a lecture hall, not a denial of service
MAX_DURATION_S = 600
MAX_WAVES = 10


def parse(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__)
    p.add_argument("--url", help=f"attach to a running server or proxy on {LOOPBACK}")
    p.add_argument(
        "--server-pid",
        type=int,
        action="append",
        default=[],
        help="with --url: process(es) whose RSS to sample (one per replica)",
    )
    p.add_argument(
        "--metrics-url",
        action="append",
        default=[],
        help="with --url: replica(s) whose /_stcore/metrics to read after each wave",
    )
    p.add_argument("--sessions", type=int, default=50, help="tabs per wave (default 50)")
    p.add_argument("--waves", type=int, default=3, help="waves of tabs opening and closing")
    p.add_argument("--duration", type=float, default=30, help="seconds every tab is open")
    p.add_argument("--ramp", type=float, default=10, help="seconds over which a wave opens")
    p.add_argument("--gap", type=float, default=5, help="seconds between waves")
    p.add_argument(
        "--settle", type=float, default=0, help="seconds idle after the last wave, then RSS"
    )
    p.add_argument("--think", type=float, default=1.0, help="mean seconds between two moves")
    p.add_argument(
        "--pages",
        nargs="+",
        default=[info.url_path for info in PAGES],
        help='url paths, tabs spread over them in turn ("" is the home page)',
    )
    p.add_argument("--control", help="key of the widget to move (default: first slider)")
    p.add_argument("--timeout", type=float, default=60, help="seconds to wait for a run")
    p.add_argument(
        "--reconnect",
        action="store_true",
        help="a dropped tab reloads its URL (failover drill) instead of failing",
    )
    p.add_argument("--kill-pid", type=int, help="failover drill: SIGKILL this replica ...")
    p.add_argument("--kill-after", type=float, default=20, help="... this many seconds in")
    p.add_argument("--no-warmup", action="store_true", help="measure from a cold server")
    p.add_argument("--scenario", default="single-server", help="name of this run's section")
    p.add_argument("--no-write", action="store_true", help="print, don't write the results")
    args = p.parse_args(argv)
    if not 1 <= args.sessions <= MAX_SESSIONS:
        p.error(f"--sessions must be 1..{MAX_SESSIONS}")
    if not 0 < args.duration <= MAX_DURATION_S or not 1 <= args.waves <= MAX_WAVES:
        p.error(f"--duration must be in (0, {MAX_DURATION_S}], --waves in 1..{MAX_WAVES}")
    if args.kill_pid is not None and args.kill_pid not in args.server_pid:
        p.error("--kill-pid must be one of the --server-pid replicas this run watches")
    if args.url:
        check_loopback(args.url)
        for url in args.metrics_url:
            check_loopback(url)
    return args


async def warm_up(url: str, pages: list[str], timeout: float) -> None:
    """Open every page once: a class arrives at a server that has been up for a while."""
    for page in pages:
        tab = Tab(url, page)
        try:
            await tab.open(timeout)
        finally:
            await tab.close()


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


async def measure(args: argparse.Namespace, url: str, pids: list[int], metrics: list[str]):
    if not args.no_warmup:
        await warm_up(url, args.pages, args.timeout)
    settings = Settings(
        sessions=args.sessions,
        waves=args.waves,
        duration_s=args.duration,
        ramp_s=args.ramp,
        gap_s=args.gap,
        think_s=args.think,
        pages=tuple(args.pages),
        control_key=args.control,
        timeout_s=args.timeout,
        reconnect=args.reconnect,
        kill_pid=args.kill_pid,
        kill_after_s=args.kill_after,
        settle_s=args.settle,
    )
    result = await run_waves(url, pids, metrics, settings)
    return {"settings": settings.__dict__, **result}


def main(argv: list[str]) -> int:
    args = parse(argv)
    # Other work on the machine shares its cores: the figures are read against this.
    load_before = os.getloadavg()[0]
    server = None if args.url else StreamlitServer()
    try:
        url = args.url or server.url
        pids = args.server_pid or [server.pid]
        metrics = args.metrics_url or ([server.url] if server else [])
        result = asyncio.run(measure(args, url, pids, metrics))
        if server is not None:
            result["server_log_errors"] = server.log_errors()
    finally:
        if server is not None:
            server.stop()
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "command": shlex.join(["python", "-m", "benchmarks.load", *argv]),
        "load_average": [load_before, os.getloadavg()[0]],
        **result,
    }
    result["checks"] = report.checks(result)
    if not args.no_write:
        report.write(OUT_DIR, args.scenario, result)
    print(report.markdown({args.scenario: result}))
    return 0 if all(result["checks"].values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
