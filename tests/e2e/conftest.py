"""A real `streamlit run app.py` on a free loopback port, and Chromium driven by Playwright.

In CI (CI=true) a missing Chromium is a failure, not a skip: .ci/run installs it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_async

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
READY = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One `streamlit run` process; ``url(path, **params)`` builds links into it."""

    def __init__(self) -> None:
        self.port = _free_port()
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 (closed in stop())
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                "app.py",
                "--server.port",
                str(self.port),
                "--server.address",
                "127.0.0.1",
                "--server.headless",
                "true",
                "--browser.gatherUsageStats",
                "false",
                # A served app must not reload modules when files change under it.
                "--server.fileWatcherType",
                "none",
            ],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            # A file, not a pipe nobody reads: a full pipe would freeze the server.
            stderr=self._log,
        )
        self._wait_healthy()

    def _wait_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self._log.seek(0)
                raise RuntimeError(self._log.read().decode(errors="replace"))
            try:
                with urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=2) as r:
                    if r.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.2)
        raise TimeoutError("streamlit did not answer /_stcore/health")

    def url(self, path: str = "", **params: object) -> str:
        query = "&".join(f"{k}={v}" for k, v in params.items())
        return f"{self.base}/{path}" + (f"?{query}" if query else "")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing at /usr/bin/chromium: install Debian's chromium")
        pytest.skip("Chromium not installed (apt-get install chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(
            executable_path=str(chromium_path),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield b
        b.close()


def warm_up(server: Server) -> None:
    """Open and close one session, so the browser's first visit is not the server's first
    (Streamlit 1.67 flashes "Page not found" on a fresh server's first deep link, and that
    modal would swallow the keys a test presses)."""
    from benchmarks.load.protocol import Tab

    async def visit() -> None:
        tab = Tab(server.base, "", "")
        await tab.open(timeout=60)
        await tab.close()

    run_async(visit())


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    s = Server()
    warm_up(s)
    yield s
    s.stop()


@pytest.fixture
def fresh_server() -> Iterator[Server]:
    """A server that has served nothing yet (deep links on a fresh server are the hard case)."""
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1920, "height": 1080})
    p = context.new_page()
    p.set_default_timeout(60_000)
    yield p
    context.close()


def wait_ready(page) -> None:
    """The app is connected and its script has finished running."""
    page.wait_for_selector(READY, timeout=60_000)
    # A rerun may start right after the first render (URL corrections): let it settle.
    page.wait_for_timeout(500)
    page.wait_for_selector(READY, timeout=60_000)
