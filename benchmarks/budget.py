"""The performance budget of shared/DESIGN.md, checked against benchmarks/results.json.

`make bench-check` exits non-zero when anything is over budget; unit tests never assert time.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

BUDGET = {
    "page rerun at defaults, real server, median, less the home page's (ms)": 100,
    "page rerun at largest settings, real server, median, less the home page's (ms)": 500,
    "figure payload at defaults (KB)": 300,
    "from streamlit run to the first page drawn (s)": 5,
    "GP prior 1000 x 10, speed-up over np.random.multivariate_normal": 5,
    "server RSS with 30 sessions (MB)": 1024,
}


def over_budget(results: dict) -> list[str]:
    problems = []
    # A page's own cost: its rerun less the home page's, measured on the same server (the
    # shared sidebar, navigation and websocket round trip are in both).
    base = results["server_reruns"][0]["default_ms"]
    for page in results["server_reruns"][1:]:
        if page["default_ms"] - base > 100:
            problems.append(f"{page['page']} default rerun {page['default_ms'] - base:.0f} ms")
        if page["largest_ms"] - base > 500:
            problems.append(f"{page['page']} largest rerun {page['largest_ms'] - base:.0f} ms")
    for page in results["pages"]:
        if page["payload_default_kb"] > 300:
            problems.append(f"{page['page']} payload {page['payload_default_kb']:.0f} KB")
    if results["cold_start"]["first_page_drawn_s"] > 5:
        problems.append(f"cold start {results['cold_start']['first_page_drawn_s']:.1f} s")
    for gp in results["core"]["gp_sampling"]:
        if "1000 points" in gp["what"] and gp["speedup_vs_mvn"] < 5:
            problems.append(
                f"GP sampling on {gp['threads']} thread(s) only {gp['speedup_vs_mvn']:.1f}x "
                "faster than numpy"
            )
    rss = results["memory"].get("30_sessions_mb", 0)
    if rss > 1024:
        problems.append(f"30 sessions use {rss:.0f} MB")
    return problems


def main() -> int:
    results = json.loads((Path(__file__).parent / "results.json").read_text())
    problems = over_budget(results)
    for p in problems:
        print("over budget:", p)
    print("within budget" if not problems else f"{len(problems)} over budget")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
