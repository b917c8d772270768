"""Back and Forward bring back the view a student had, settings and typed data included."""

from urllib.parse import parse_qs, quote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_ready
from ui.i18n import CATALOGS

pytestmark = pytest.mark.e2e

OBSERVATIONS = "0, 1\n2.5, -0.5\n4, 0.25"


def _params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def _go(page, action) -> None:
    action()
    wait_ready(page)


@pytest.mark.parametrize(
    ("path", "params", "slider"),
    [
        (
            "gumbel-softmax",
            {"seed": "5", "gb_view": CATALOGS["en"]["gumbel.tab.softmax"], "gb_batch": "20"},
            ("gb_batch", "20"),
        ),
        ("gp-posterior", {"seed": "5", "gpp_obs": OBSERVATIONS, "gpp_k_amp": "1.5"}, None),
    ],
    ids=["gumbel", "gp-posterior"],
)
def test_back_after_opening_another_page_reopens_the_same_view(server, page, path, params, slider):
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    page.goto(f"{server.base}/{path}?{query}")
    wait_ready(page)
    expected = _params(page)
    assert {k: v[0] for k, v in expected.items()} == params
    nav = page.locator('[data-testid="stSidebarNav"] a')
    _go(page, lambda: nav.filter(has_text=CATALOGS["en"]["page.gradient_descent.title"]).click())
    assert urlsplit(page.url).path == "/gradient-descent"
    _go(page, page.go_back)
    assert _params(page) == expected
    if slider:
        key, value = slider
        expect(page.locator(f".st-key-{key} input[type='range']").first).to_have_value(value)
    _go(page, page.go_forward)
    assert urlsplit(page.url).path == "/gradient-descent"
