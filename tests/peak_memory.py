"""How much memory a piece of code takes at its peak, measured in a fresh process set up as
the server is (`ui.memory.keep_giving_back`): the high-water mark of its resident set
(``VmHWM``, reset through ``/proc/self/clear_refs`` after ``setup`` ran once as a warm-up)
minus the resident set just before. Not ``ru_maxrss``: Linux carries that across ``exec``
from the parent, a test worker of several hundred MB. Memory, unlike time, does not depend
on how busy the machine is: these figures repeat."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_PROGRAM = """
import json, re
import torch
from ui.memory import keep_giving_back

torch.set_num_threads(1)
if {server!r}:
    keep_giving_back()
{setup}

def status_mb(field):
    status = open("/proc/self/status").read()
    return int(re.search(field + r":\\s+(\\d+) kB", status).group(1)) / 1024

with open("/proc/self/clear_refs", "w") as clear:
    clear.write("5")  # the high-water mark starts again from the resident set
before = status_mb("VmRSS")
{code}
peak, kept = status_mb("VmHWM") - before, status_mb("VmRSS") - before
print(json.dumps({{"peak_mb": peak, "kept_mb": kept}}))
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
