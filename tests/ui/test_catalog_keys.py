"""Every catalog key is named in the code, and every key the code names is in the catalog.

Keys are written out in full where they are used (a control's declaration, a mapping from an
option to its label, a ``t("...")`` call): no key is built at run time. So reading the source
finds them all, and a dead or a missing key is a failing test, not a surprise on stage. Two
conventions complete the set: a control's tooltip is its label's key plus ``.help``
(``ui.controls``), and an `InputError` with ``code="x"`` is shown as ``error.x``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from ui.i18n import CATALOGS

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["app.py", "pages", "views", "ui"]
CATALOG = set(CATALOGS["en"])
NAMESPACES = {key.split(".")[0] for key in CATALOG}
KEY_SHAPE = re.compile(r"^[a-z0-9_]+(\.[A-Za-z0-9_]+)*\.[A-Za-z0-9_+*]+$")


def _python_files(*roots: str) -> list[Path]:
    files: list[Path] = []
    for root in roots:
        path = ROOT / root
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return [f for f in files if "catalogs" not in f.parts]


def _strings(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }


def _error_codes() -> set[str]:
    """Every string ``core`` writes that could be an `InputError` code (``code="x"``, or a
    code in a table of codes)."""
    return set().union(*(_strings(path) for path in _python_files("core")))


def _named_keys() -> set[str]:
    named: set[str] = set()
    for path in _python_files(*SOURCES):
        named |= {s for s in _strings(path) if KEY_SHAPE.match(s) and s.split(".")[0] in NAMESPACES}
    return named


def _modules() -> set[str]:
    """Dotted module names (``ui.charts``) look like keys; they are not."""
    return {
        ".".join(p.relative_to(ROOT).with_suffix("").parts) for p in _python_files(*SOURCES, "core")
    } | {".".join(p.relative_to(ROOT).parts[:-1]) for p in _python_files(*SOURCES, "core")}


def test_every_key_the_code_names_is_in_the_catalog():
    files = {name for name in _named_keys() if name.endswith(".py")}  # page scripts
    missing = sorted(_named_keys() - CATALOG - _modules() - files)
    assert not missing, f"named in the code but in no catalog: {missing}"


def test_every_catalog_key_is_used():
    named = _named_keys() & CATALOG
    used = named | {f"{key}.help" for key in named} | {f"error.{c}" for c in _error_codes()}
    dead = sorted(CATALOG - used)
    assert not dead, f"{len(dead)} catalog keys no code names: {dead}"
