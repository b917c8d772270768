"""Run pages the way a browser does: through app.py (navigation and sidebar), with a URL."""

from __future__ import annotations

from collections.abc import Mapping

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
    import json

    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
