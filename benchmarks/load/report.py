"""Checks against the budget, and benchmarks/load_results.json + .md.

The JSON holds one entry per scenario ("single-server", "cluster-failover", ...): a run
replaces its own scenario and keeps the others, and the Markdown is rebuilt from all of them.
"""

from __future__ import annotations

import json
from pathlib import Path

RSS_BUDGET_MB = 1024  # with 30 open sessions (DESIGN.md, performance budget)
BUDGET_SESSIONS = 30
FLAT_TOLERANCE = 0.10  # RSS after a later wave may exceed the first wave's by this much


def checks(result: dict) -> dict[str, bool]:
    waves = result["waves"]
    failover = result["settings"]["kill_pid"] is not None
    found = {"no errors on any page": sum(w["errors"] for w in waves) == 0}
    if failover:
        found["no session lost"] = sum(w["lost"] for w in waves) == 0
        found["every reloaded view identical"] = sum(w["views_changed"] for w in waves) == 0
    else:
        found["no disconnects"] = sum(w["disconnects"] for w in waves) == 0
        found["every session held"] = all(w["held"] == w["sessions"] for w in waves)
    if result["settings"]["sessions"] >= BUDGET_SESSIONS:
        peak = max(w["rss_peak_mb"] for w in waves)
        found[f"RSS < {RSS_BUDGET_MB} MB with >= {BUDGET_SESSIONS} sessions"] = peak < RSS_BUDGET_MB
    if len(waves) > 1 and not failover:
        first = waves[0]["rss_after_close_mb"]
        later = max(w["rss_after_close_mb"] for w in waves[1:])
        found["RSS flat after the first wave"] = later <= first * (1 + FLAT_TOLERANCE)
    return found


def write(out_dir: Path, scenario: str, result: dict) -> None:
    json_path = out_dir / "load_results.json"
    scenarios = json.loads(json_path.read_text()) if json_path.exists() else {}
    scenarios[scenario] = result
    json_path.write_text(json.dumps(scenarios, indent=1) + "\n")
    (out_dir / "load_results.md").write_text(markdown(scenarios))


def markdown(scenarios: dict) -> str:
    lines = [
        "# Load test results",
        "",
        "Simulated students speak Streamlit's websocket protocol to a real `streamlit run`",
        "on loopback (`python -m benchmarks.load`, see `benchmarks/load/__init__.py`). Each opens",
        "a page, then moves its first slider every `think` seconds (0.5x-1.5x, seeded) and times",
        "the change until the server's `script_finished`. Tabs of a wave open over the ramp, stay",
        "open together for the duration, and close; every tab of every wave has its own seed.",
        "",
    ]
    for name, result in scenarios.items():
        lines += _scenario(name, result)
    return "\n".join(lines)


def _scenario(name: str, result: dict) -> list[str]:
    s = result["settings"]
    lines = [
        f"## {name}",
        "",
        f"Measured {result['when']} on {result['machine']}; 1-minute load average "
        f"{result['load_average'][0]:.1f} before, {result['load_average'][1]:.1f} after "
        "(other work on the machine shares its cores).",
        "",
        f"`{result['command']}`",
        "",
        f"{s['sessions']} sessions x {s['waves']} waves, ramp {s['ramp_s']:g} s, "
        f"{s['duration_s']:g} s all open, think {s['think_s']:g} s, pages "
        f"{', '.join(repr(p) for p in s['pages'])}; server RSS after warm-up "
        f"{result['idle_rss_mb']:.0f} MB; {s.get('settle_s', 0):g} s after the last wave "
        f"{result.get('settled_rss_mb', float('nan')):.0f} MB.",
        "",
        "| wave | sessions held | reruns/s | change p50 ms | p95 ms | max ms | open p50 s "
        "| errors | disconnects | RSS before MB | peak MB | after close MB |",
        "|" + " --- |" * 12,
    ]
    for w in result["waves"]:
        lines.append(
            f"| {w['wave']} | {w['held']}/{w['sessions']} | {w['reruns_per_s']:.1f} "
            f"| {w['change_p50_ms']:.0f} | {w['change_p95_ms']:.0f} | {w['change_max_ms']:.0f} "
            f"| {w['open_p50_s']:.2f} | {w['errors']} | {w['disconnects']} "
            f"| {w['rss_before_mb']:.0f} | {w['rss_peak_mb']:.0f} | {w['rss_after_close_mb']:.0f} |"
        )
    lines += ["", *_per_page(result), *_failover(result), *_checks(result)]
    return [*lines, *_timeline(result), *_notes(result)]


def _per_page(result: dict) -> list[str]:
    last = result["waves"][-1]
    lines = [
        f"Wave {last['wave']} by page; the server spent {last['server_cpu_ms_per_rerun']:.0f} ms "
        f"of CPU per rerun (wave total / reruns), the simulated tabs {last['client_cpu_s']:.1f} s "
        "of CPU in all.",
        "",
        "| page | reruns | change p50 ms | p95 ms |",
        "| --- | --- | --- | --- |",
    ]
    for page, p in last["per_page"].items():
        lines.append(
            f"| {page or '(home)'} | {p['reruns']} | {p['p50_ms']:.0f} | {p['p95_ms']:.0f} |"
        )
    return [*lines, ""]


def _failover(result: dict) -> list[str]:
    if result["settings"]["kill_pid"] is None:
        return []
    lines = ["Failover drill: one replica killed (SIGKILL) mid-run.", ""]
    for w in result["waves"]:
        lines.append(
            f"- wave {w['wave']}: {w['disconnects']} tabs dropped, {w['lost']} lost, "
            f"recovery p50 {w['recovery_p50_s']:.2f} s / max {w['recovery_max_s']:.2f} s, "
            f"{w['views_restored']} reloaded views identical, {w['views_changed']} different"
        )
    return [*lines, ""]


def _checks(result: dict) -> list[str]:
    return [f"- {'PASS' if ok else 'FAIL'}: {name}" for name, ok in result["checks"].items()] + [""]


def _timeline(result: dict) -> list[str]:
    """RSS every ~5 s: enough to see waves come and go without the full series."""
    samples = result["rss_timeline"]
    every = max(1, len(samples) // 40)
    rows = [f"{s['t_s']:.0f}s: {s['open']} open, {s['rss_mb']:.0f} MB" for s in samples[::every]]
    return ["RSS over time (full series in the JSON):", "", "> " + " · ".join(rows), ""]


def _notes(result: dict) -> list[str]:
    lines = []
    examples = sorted({e for w in result["waves"] for e in w["error_examples"]})
    if examples:
        lines += ["Errors seen:", "", *(f"- `{e}`" for e in examples), ""]
    if result.get("server_log_errors"):
        lines += ["Server log:", "", *(f"- `{e}`" for e in result["server_log_errors"][:5]), ""]
    caches = result["waves"][-1]["runtime_metrics"]
    if caches:
        lines += ["Runtime metrics after the last wave (`/_stcore/metrics`):", ""]
        for replica in caches:
            lines += [
                f"- `{k}` = {v:.0f}" if isinstance(v, float) else f"- {k}: {v}"
                for k, v in replica.items()
            ]
        lines.append("")
    return lines
