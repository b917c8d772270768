"""A `streamlit run app.py` on a loopback port, and what the load test reads from it: RSS and
the runtime's own /_stcore/metrics (cache sizes, session counts)."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
LOOPBACK = "127.0.0.1"


def check_loopback(url: str) -> None:
    """The load tool talks to 127.0.0.1 only: it must never load anyone else's server."""
    host = urlsplit(url).hostname
    if host != LOOPBACK:
        raise SystemExit(f"refusing {url!r}: the load tool only connects to {LOOPBACK}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind((LOOPBACK, 0))
        return s.getsockname()[1]


def http_get(base_url: str, path: str, headers: dict[str, str] | None = None):
    """GET on loopback with http.client: unlike urllib it never goes through an HTTP proxy
    from the environment. Returns (status, headers, body)."""
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(LOOPBACK, parts.port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    found = re.search(r"VmRSS:\s+(\d+) kB", status)
    return int(found.group(1)) / 1024 if found else 0.0  # a killed, unreaped process: none


def cpu_s(pid: int) -> float:
    """CPU time (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def runtime_metrics(base_url: str) -> dict[str, float]:
    """Streamlit's /_stcore/metrics as {"cache_memory_bytes{...}": value, ...}: cache sizes
    show which cache grows when RSS does."""
    _, _, body = http_get(base_url, "/_stcore/metrics")
    metrics = {}
    for line in body.decode().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            metrics[name] = float(value)
    return metrics


class StreamlitServer:
    """One `streamlit run app.py` on a free loopback port, its log kept in a file (a pipe
    nobody reads would fill up and stall the server under load)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self.log_path = Path(tempfile.mkdtemp(prefix="lab-load-")) / "server.log"
        self._log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "streamlit", "run", "app.py"),
                *("--server.port", str(self.port)),
                *("--server.address", LOOPBACK),
                *("--server.headless", "true"),
                *("--browser.gatherUsageStats", "false"),
                # A source file saved while sessions run makes Streamlit drop modules from
                # sys.modules under their feet (KeyError on import): a server in service
                # watches no files, and the project is edited while this runs.
                *("--server.fileWatcherType", "none"),
            ],
            cwd=ROOT,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.pid = self.process.pid
        wait_healthy(self.url, self.process)

    def log_errors(self) -> list[str]:
        """Tracebacks and ERROR lines the server logged (the app logs its bugs there)."""
        lines = self.log_path.read_text(errors="replace").splitlines()
        return [line for line in lines if "Traceback" in line or " ERROR " in line]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()


def wait_healthy(url: str, process: subprocess.Popen | None = None, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            status, _, body = http_get(url, "/_stcore/health")
            if status == 200 and body.strip() == b"ok":
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"{url} did not answer /_stcore/health within {timeout:.0f} s")
