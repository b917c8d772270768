"""Cold start, import times and server memory, against a real `streamlit run` on loopback."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.e2e.conftest import CHROMIUM, READY, Server
from ui.registry import PAGES

CORE_MODULES = ("core.distributions", "core.kernels", "core.gp", "core.activations", "core.gumbel")


def rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def import_ms(module: str) -> float:
    """Cumulative import time of ``module`` in a fresh interpreter (python -X importtime)."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    for line in reversed(out.splitlines()):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == module:
            return int(parts[1]) / 1000
    raise RuntimeError(f"no importtime line for {module}")


def cold_start() -> dict[str, float]:
    """Seconds from launching the server to /_stcore/health, and to the first page's HTML."""
    start = time.perf_counter()
    server = Server()
    healthy = time.perf_counter() - start
    with urllib.request.urlopen(server.url(), timeout=30) as r:
        r.read()
    html = time.perf_counter() - start
    drawn = _first_page_drawn(server) + healthy
    server.stop()
    return {"health_s": healthy, "html_s": html, "first_page_drawn_s": drawn}


def _browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )
    return pw, browser


def _first_page_drawn(server: Server) -> float:
    pw, browser = _browser()
    try:
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(server.url())
        page.wait_for_selector(READY, timeout=60_000)
        return time.perf_counter() - start
    finally:
        browser.close()
        pw.stop()


def memory(sessions: int = 30) -> dict[str, float]:
    """Server RSS: idle, after every page once, with ``sessions`` open, and after they close."""
    server = Server()
    pw, browser = _browser()
    result = {"idle_mb": rss_mb(server.process.pid)}
    try:
        paths = ["", *(info.url_path for info in PAGES)]
        page = browser.new_page()
        for path in paths:
            page.goto(server.url(path))
            page.wait_for_selector(READY, timeout=120_000)
        page.close()
        result["every_page_once_mb"] = rss_mb(server.process.pid)
        contexts = []
        for i in range(sessions):
            context = browser.new_context()
            tab = context.new_page()
            tab.goto(server.url(paths[i % len(paths)], seed=i))
            tab.wait_for_selector(READY, timeout=120_000)
            contexts.append(context)
        result[f"{sessions}_sessions_mb"] = rss_mb(server.process.pid)
        for context in contexts:
            context.close()
        time.sleep(5)
        result["after_sessions_closed_mb"] = rss_mb(server.process.pid)
    finally:
        browser.close()
        pw.stop()
        server.stop()
    return result


def _import_statements(script: Path) -> str:
    """The top-level import statements of a script, as source."""
    tree = ast.parse(script.read_text())
    return "\n".join(
        ast.unparse(node)
        for node in tree.body
        if isinstance(node, ast.Import)
        or (isinstance(node, ast.ImportFrom) and node.module != "__future__")
    )


def _timed_imports(preloaded: str, measured: str) -> float:
    """Milliseconds the ``measured`` import statements take in a fresh interpreter that has
    already run the ``preloaded`` ones."""
    program = "\n".join(
        [
            "import time",
            preloaded,
            "start = time.perf_counter()",
            measured,
            "print((time.perf_counter() - start) * 1000)",
        ]
    )
    out = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.split()[-1])


def import_times() -> dict[str, float]:
    """Modules one by one (python -X importtime); all of core together; and what each page's
    imports add on its first visit after a restart, over what app.py already imported."""
    modules = (*CORE_MODULES, "ui.widgets", "streamlit", "torch", "plotly.graph_objects")
    times = {m: import_ms(m) for m in modules}
    every_core_module = [f"core.{p.stem}" for p in sorted((ROOT / "core").glob("[!_]*.py"))]
    times["core, every module"] = _timed_imports("", f"import {', '.join(every_core_module)}")
    app_imports = _import_statements(ROOT / "app.py")
    for info in PAGES:
        page_imports = _import_statements(ROOT / "pages" / info.script)
        times[f"pages/{info.script} beyond app.py"] = _timed_imports(app_imports, page_imports)
    return times
