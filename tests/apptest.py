"""Run pages the way a browser does: through app.py (navigation and sidebar), with a URL."""

from __future__ import annotations

import base64
import contextlib
import io
import json
from collections.abc import Mapping

import numpy as np
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT
from ui.i18n import CATALOGS
from ui.registry import PAGES

APP = str(ROOT / "app.py")
PAGE_SCRIPTS = [info.script for info in PAGES]


def open_page(
    script: str | None,
    params: Mapping[str, str | list[str]] | None = None,
    *,
    timeout: float = 60,
) -> AppTest:
    """Open ``pages/<script>`` (or the home page when None) with ``params`` in the URL.

    AppTest needs one run of app.py before it can switch to a page registered by
    st.navigation; the parameters are in the URL from that first run on, as in a fresh tab.
    """
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.query_params.update(dict(params or {}))
    at.run()
    if script is not None:
        at.switch_page(f"pages/{script}").run()
    return at


def assert_clean(at: AppTest) -> None:
    """No exception reached the page, and no catalog key leaked through untranslated."""
    assert not at.exception, [e.value for e in at.exception]
    unexpected = {CATALOGS[lang]["app.unexpected"] for lang in CATALOGS}
    assert not [e.value for e in at.error if e.value in unexpected], "a page raised (see log)"
    texts = [m.value for m in at.markdown] + [e.value for e in at.error]
    leaked = [s for s in texts if _looks_like_key(s)]
    assert not leaked, leaked


def _looks_like_key(text: str) -> bool:
    return text.strip() in CATALOGS["en"]


def plotly_figures(at: AppTest) -> list[dict]:
    """The figures a page drew, as Plotly JSON dicts."""
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def trace_array(values) -> np.ndarray | None:
    """A trace's numeric coordinates (Plotly sends numpy data as base64 typed arrays, with a
    shape for 2-D data); None for text or missing values."""
    if isinstance(values, dict) and "bdata" in values:
        flat = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = values.get("shape")
        return flat.reshape([int(d) for d in shape.split(",")]) if shape else flat
    if isinstance(values, list):
        with contextlib.suppress(TypeError, ValueError):
            return np.asarray(values, dtype=float)
    return None


def widget(at: AppTest, key: str, kind: str):
    """The widget of ``kind`` ("slider", "select_slider", "toggle", ...) with ``key``."""
    return getattr(at, kind)(key=key)


def extreme(w, kind: str, end: int):
    """The first (end = 0) or last (end = -1) value a widget offers."""
    if kind == "slider":
        return w.min if end == 0 else w.max
    if kind == "toggle":
        return end != 0
    return w.options[end]


def run_code_panels(at: AppTest) -> int:
    """Execute every PyTorch code panel of the page (our own generated programs, never user
    input); return how many ran."""
    blocks = [block for block in at.main.code if block.language == "python"]
    for block in blocks:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(compile(block.value, "<code panel>", "exec"), {})
    return len(blocks)


def visible_texts(at: AppTest) -> list[str]:
    """Every string the page shows: text elements, widget labels and help, tab and expander
    labels, and chart titles, axis titles and legend entries."""
    texts: list[str] = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            for field in ("body", "label", "help", "placeholder"):
                value = getattr(proto, field, None)
                if isinstance(value, str) and value:
                    texts.append(value)
            if node.type == "plotly_chart":
                texts.extend(_figure_texts(json.loads(proto.spec)))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return texts


def _figure_texts(spec: dict) -> list[str]:
    layout = spec.get("layout", {})
    found = [
        (layout.get(axis, {}).get("title") or {}).get("text")
        for axis in layout
        if axis.startswith(("xaxis", "yaxis"))
    ]
    found.append((layout.get("title") or {}).get("text"))
    found += [trace.get("name") for trace in spec.get("data", [])]
    return [s for s in found if isinstance(s, str) and s]


def declared_controls(module) -> list:
    """The controls a view module declares (``ui.controls``), in declaration order."""
    from ui.controls import declared

    return declared(vars(module))


def extreme_links(module) -> list[dict[str, str]]:
    """URL parameters that put every control a view declares at one end of its range: the
    first link at every low end, the second at every high end, then one link per further
    option of a choice (a select's other options, a toggle's other state). Read from the
    declarations, so a range changed in one place is swept at its new ends."""
    controls = [c for c in declared_controls(module) if c.extremes()]
    links = [
        {c.key: c.extremes()[0] for c in controls},
        {c.key: c.extremes()[-1] for c in controls},
    ]
    for control in controls:
        links.extend({control.key: value} for value in control.extremes()[1:-1])
    return links
