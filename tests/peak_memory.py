"""How much memory a piece of code takes at its peak, measured in a fresh process set up as
the server is (`ui.memory.keep_giving_back`): the high-water mark of its resident set
(``ru_maxrss``) minus the resident set just before, after ``setup`` ran once as a warm-up.
Memory, unlike time, does not depend on how busy the machine is: these figures repeat."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import json, re, resource
import torch
from ui.memory import keep_giving_back

torch.set_num_threads(1)
if {server!r}:
    keep_giving_back()
{setup}

def rss_mb():
    status = open("/proc/self/status").read()
    return int(re.search(r"VmRSS:\\s+(\\d+) kB", status).group(1)) / 1024

before = rss_mb()
{code}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"peak_mb": peak - before, "kept_mb": rss_mb() - before}}))
"""


def growth_mb(setup: str, code: str, server: bool = True) -> dict[str, float]:
    """{"peak_mb": peak growth while ``code`` ran, "kept_mb": growth it left behind}; with
    ``server`` False the allocator keeps glibc's defaults."""
    program = _PROGRAM.format(
        server=server, setup=textwrap.dedent(setup), code=textwrap.dedent(code)
    )
    out = subprocess.run(
        [sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])
