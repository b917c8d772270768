"""The benchmark harness's logic (never its timings): the budget check and the measuring order."""

from __future__ import annotations

import copy

import pytest

from benchmarks import core_ratios
from benchmarks.budget import over_budget

WITHIN = {
    "server_reruns": [
        {"page": "home (baseline)", "default_ms": 50.0},
        {"page": "gp_priors.py", "default_ms": 140.0, "largest_ms": 540.0},
    ],
    "pages": [{"page": "gp_priors.py", "payload_default_kb": 299.0}],
    "cold_start": {"first_page_drawn_s": 4.9},
    "core": {
        "gp_sampling": [
            {"what": "GP prior, 100 points x 10 samples", "threads": 1, "speedup_vs_mvn": 2.0},
            {"what": "GP prior, 1000 points x 10 samples", "threads": 2, "speedup_vs_mvn": 5.1},
            {"what": "GP prior, 1000 points x 10 samples", "threads": 1, "speedup_vs_mvn": 9.0},
        ]
    },
    "memory": {"30_sessions_mb": 1000.0},
}


def test_within_budget_reports_nothing():
    # A page's own cost is its rerun less the home page's: 90 ms and 490 ms here.
    assert over_budget(WITHIN) == []


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("server_reruns", 1, "default_ms"), 151.0, "gp_priors.py default rerun 101 ms"),
        (("server_reruns", 1, "largest_ms"), 551.0, "gp_priors.py largest rerun 501 ms"),
        (("pages", 0, "payload_default_kb"), 301.0, "gp_priors.py payload 301 KB"),
        (("cold_start", "first_page_drawn_s"), 5.2, "cold start 5.2 s"),
        (("memory", "30_sessions_mb"), 1100.0, "30 sessions use 1100 MB"),
        (
            ("core", "gp_sampling", 2, "speedup_vs_mvn"),
            4.0,
            "GP sampling on 1 thread(s) only 4.0x faster than numpy",
        ),
        (
            ("core", "gp_sampling", 1, "speedup_vs_mvn"),
            4.9,
            "GP sampling on 2 thread(s) only 4.9x faster than numpy",
        ),
    ],
)
def test_each_budget_line_is_checked(path, value, message):
    results = copy.deepcopy(WITHIN)
    target = results
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    assert over_budget(results) == [message]


def test_the_100_point_gp_row_is_not_budgeted():
    results = copy.deepcopy(WITHIN)
    results["core"]["gp_sampling"][0]["speedup_vs_mvn"] = 0.5
    assert over_budget(results) == []


def test_blocks_alternate_and_each_starts_with_an_untimed_warm_up():
    calls = []
    times = core_ratios.alternating_blocks_ms(
        {"a": lambda: calls.append("a"), "b": lambda: calls.append("b")}, blocks=2, per_block=3
    )
    assert "".join(calls) == "aaaabbbbaaaabbbb"
    assert [len(t) for t in times.values()] == [6, 6]
    assert all(t >= 0 for ts in times.values() for t in ts)


def test_gp_rows_compare_the_same_kernel_on_the_stated_threads():
    rows = core_ratios.gp_sampling(threads=1, sizes=(30,), n_samples=4)
    (row,) = rows
    assert row["what"] == "GP prior, 30 points x 4 samples"
    assert row["threads"] == 1
    assert row["speedup_vs_mvn"] == pytest.approx(
        row["np.random.multivariate_normal_ms"] / row["ours_ms"]
    )
    assert row["speedup_vs_d2l"] == pytest.approx(row["d2l_recipe_ms"] / row["ours_ms"])
