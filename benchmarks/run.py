"""`make bench`: measure everything, write benchmarks/results.json and results.md.

Numbers are wall-clock on whatever machine runs this; page figures sit next to the rerun time
of a bare Streamlit script measured in the same run, and core figures are ratios against the
alternatives run in the same process.
"""

from __future__ import annotations

import json
import logging
import os
import platform
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path

import torch

from benchmarks import core_ratios, page_timing, server_reruns, server_timing
from benchmarks.budget import BUDGET, over_budget

HERE = Path(__file__).parent


def machine() -> str:
    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, torch {torch.__version__} "
        f"({torch.get_num_threads()} threads)"
    )


def server_figures(pages: list[page_timing.PageTiming]) -> list[dict]:
    """Each page's slowest tab on a real server, at its defaults and at its largest."""
    scenarios = {}
    for p in pages:
        scenarios[f"{p.page} default"] = p.default_urls
        scenarios[f"{p.page} largest"] = p.largest_urls
    medians = server_reruns.median_moves_ms(scenarios)
    rows = [{"page": "home (baseline)", "default_ms": medians["home (baseline)"][0]}]
    for p in pages:
        fragment = medians.get(f"{p.page} fragment") or []
        rows.append(
            {
                "page": p.page,
                "default_ms": max(medians[f"{p.page} default"]),
                "largest_ms": max(medians[f"{p.page} largest"]),
                # a control inside an st.fragment: only that fragment reruns
                "in_fragment_ms": max(fragment) if fragment else "no fragment",
            }
        )
    return rows


def collect() -> dict:
    # Core first, in a fresh process: AppTest and servers leave threads that skew small ops.
    # The GP comparison runs with both libraries on every core, then on one thread each (as
    # the server runs, app.py); everything after it runs on one thread too. (Importing the
    # harness already set torch to one thread: the core count is asked of the machine.)
    gp_sampling = core_ratios.gp_sampling(threads=os.cpu_count() or 1)
    gp_sampling += core_ratios.gp_sampling(threads=1)
    core = {
        "weight_space": core_ratios.weight_space_sampler(),
        "gumbel_softmax": core_ratios.gumbel_softmax_vs_torch(),
        "activation_derivatives": core_ratios.activation_derivatives(),
        "gp_sampling": gp_sampling,
    }
    bare_ms, pages = page_timing.time_all_pages()
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "bare_rerun_ms": bare_ms,
        "pages": [{k: v for k, v in asdict(p).items() if not k.endswith("_urls")} for p in pages],
        "server_reruns": server_figures(pages),
        "core": core,
        "cold_start": server_timing.cold_start(),
        "import_ms": server_timing.import_times(),
        "memory": server_timing.memory(),
    }


def _table(rows: list[dict]) -> list[str]:
    keys = list(dict.fromkeys(k for row in rows for k in row))
    lines = ["| " + " | ".join(keys) + " |", "|" + " --- |" * len(keys)]
    for row in rows:
        values = [row.get(k, "") for k in keys]
        cells = [f"{v:.3g}" if isinstance(v, float) else str(v) for v in values]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(results: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['when']} on {results['machine']}. Regenerate with `make bench`;",
        "check the budget with `make bench-check`.",
        "",
        "## Pages on a real server (median of 15 control moves after warm-up)",
        "",
        "One tab on `streamlit run`, a control of the open tab moved again and again, timed",
        "from the change sent over the websocket to the run finished; each page's slowest",
        "tab, at its defaults and with every numeric control at its maximum; and a control",
        "inside an `st.fragment`, where a tab has one (only that fragment reruns).",
        "",
        *_table(results["server_reruns"]),
        "",
        "## Pages with AppTest (median of 15 reruns after warm-up) and payload",
        "",
        f"A bare Streamlit script reruns in {results['bare_rerun_ms']:.1f} ms in the same run.",
        "AppTest recompiles the page on every run, which a real server does not: these",
        "figures are upper bounds. Payload is the Plotly JSON of the page, worst tab.",
        "",
        *_table(results["pages"]),
        "",
        "## Core against the alternatives",
        "",
        *_table(results["core"]["gp_sampling"]),
        "",
        *_table([results["core"]["weight_space"]]),
        "",
        *_table([results["core"]["gumbel_softmax"]]),
        "",
        *_table(results["core"]["activation_derivatives"]),
        "",
        "## Cold start and imports",
        "",
        *_table([results["cold_start"]]),
        "",
        *_table([{"module": k, "import_ms": v} for k, v in results["import_ms"].items()]),
        "",
        "## Server memory (RSS)",
        "",
        *_table([results["memory"]]),
        "",
        "## Budget",
        "",
        *_table([{"what": k, "budget": v} for k, v in BUDGET.items()]),
        "",
        "Over budget: " + (", ".join(over_budget(results)) or "nothing"),
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    results = collect()
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    (HERE / "results.md").write_text(markdown(results))
    print(markdown(results))


if __name__ == "__main__":
    main()
