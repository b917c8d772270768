"""A shared link is how the lab travels: no value in it may break a page or speak for the lab.

Every control a tab shows is set, all at once, to each hostile value below (numbers Streamlit's
own binding cannot convert, repeated parameters, Markdown that would add a link or an image to
the lab's own warning). The page must draw without an exception, and no message on it may
contain a link or an image.
"""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from tests.apptest import assert_clean, open_page
from ui.registry import PAGES

# The URL key of each page's tabs.
TAB_KEYS = {
    "distributions.py": "nd_tab",
    "gp_priors.py": "gp_tab",
    "gp_posterior.py": "gpp_tab",
    "activations.py": "act_view",
    "gradient_descent.py": "gd_tab",
    "bayesian_nn.py": "bnn_tab",
    "gumbel.py": "gb_view",
}
KINDS = (
    "slider",
    "select_slider",
    "number_input",
    "selectbox",
    "radio",
    "toggle",
    "text_input",
    "text_area",
    "multiselect",
)
LINK = "x`[Log in again](https://evil.example)`x"
IMAGE = "![](https://tracker.example/s.png)"
HOSTILE = {
    "inf": "inf",
    "minus-inf": "-inf",
    "1e999": "1e999",
    "400-nines": "9" * 400,
    "repeated": ["1", "inf"],
    "link": LINK,
    "image": IMAGE,
}
MARKDOWN = MarkdownIt("gfm-like")  # CommonMark with autolinks, as Streamlit's frontend draws


def _controls(at) -> set[str]:
    keys = set()
    for kind in KINDS:
        for w in getattr(at, kind):
            if w.key and not w.key.startswith("$$") and w.key != "lang":
                keys.add(w.key)
    return keys


def _hostile_links_and_images(text: str) -> list[str]:
    """The links and images in ``text`` (rendered as Markdown) that a hostile value made."""
    found = []
    for block in MARKDOWN.parse(text):
        for token in block.children or []:
            target = str(token.attrs.get("href") or token.attrs.get("src") or "")
            if token.type in ("link_open", "image") and ".example" in target:
                found.append(target)
    return found


def _messages(at) -> list[str]:
    elements = [*at.warning, *at.error, *at.info, *at.success, *at.markdown, *at.caption]
    return [e.value for e in elements]


@pytest.fixture(scope="module")
def tab_links() -> list[tuple[str, str, str, frozenset[str]]]:
    """(page, tab key, tab label, the tab's control keys) for every tab of every page."""
    found = []
    for info in PAGES:
        first = open_page(info.script)
        tab_key = TAB_KEYS[info.script]
        for tab in first.tabs:
            at = open_page(info.script, {tab_key: tab.label})
            assert_clean(at)
            found.append((info.script, tab_key, tab.label, frozenset(_controls(at))))
    return found


def test_every_page_has_its_tab_key_here():
    assert set(TAB_KEYS) == {info.script for info in PAGES}


@pytest.mark.slow
@pytest.mark.parametrize("value", HOSTILE.values(), ids=HOSTILE.keys())
def test_every_control_survives_a_hostile_link(tab_links, value):
    for script, tab_key, label, controls in tab_links:
        params = dict.fromkeys(controls, value) | {tab_key: label}
        at = open_page(script, params)
        assert_clean(at)
        assert at.main.children, (script, label)
        for message in _messages(at):
            assert not _hostile_links_and_images(message), (script, label, message)
    for script, tab_key in TAB_KEYS.items():
        at = open_page(script, {tab_key: value, "lang": value})
        assert_clean(at)
        for message in _messages(at):
            assert not _hostile_links_and_images(message), (script, message)
