"""A shared link cannot break the lab or speak for it: checked in a real browser."""

from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import wait_ready
from ui.i18n import CATALOGS
from ui.registry import HOME

pytestmark = pytest.mark.e2e

EXCEPTION = '[data-testid="stException"]'
WARNING = '[data-testid="stAlertContentWarning"]'
LINK = "x`[Log in again](https://evil.example)`x"
IMAGE = "![](https://tracker.example/s.png)"
FOREIGN = 'a[href*="evil.example"], img[src*="tracker.example"], a[href*="tracker.example"]'


def _open(page, server, path: str, **params: str) -> None:
    query = "&".join(f"{k}={quote(v, safe='')}" for k, v in params.items())
    page.goto(f"{server.base}/{path}?{query}")
    wait_ready(page)


def _main_text(page) -> str:
    return page.locator('[data-testid="stMain"]').inner_text()


@pytest.mark.parametrize("seed", ["inf", "-inf", "1e999", "9" * 400])
def test_a_seed_no_number_can_hold_warns_and_the_page_draws(server, page, seed):
    _open(page, server, "gumbel-softmax", seed=seed)
    assert page.locator(EXCEPTION).count() == 0
    assert "OverflowError" not in _main_text(page)
    warning = page.locator(WARNING).first
    expect(warning).to_contain_text("seed")
    assert seed[:40] in warning.inner_text()
    expect(page.locator(".js-plotly-plot").first).to_be_visible()
    seed_box = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"] input')
    expect(seed_box).to_have_value("2147483647" if seed[0] != "-" else "0")


@pytest.mark.parametrize(
    ("path", "key"),
    [
        ("", "seed"),
        ("gp-posterior", "gpp_obs"),
        ("gumbel-softmax", "gb_logits"),
        ("gp-priors", "gp_basis_u"),
        ("activation-functions", "act_expr"),
    ],
)
@pytest.mark.parametrize("value", [LINK, IMAGE], ids=["link", "image"])
def test_text_from_a_link_shows_as_text_never_as_a_link_or_image(server, page, path, key, value):
    params = {key: value}
    if key == "act_expr":
        params["act_view"] = CATALOGS["en"]["act.tab.custom"]
    _open(page, server, path, **params)
    assert page.locator(EXCEPTION).count() == 0
    assert page.locator(FOREIGN).count() == 0
    # A message says what was wrong with the value; the notice for a link quotes it whole.
    messages = page.locator(f"{WARNING}, [data-testid='stAlertContentError']")
    assert messages.count() >= 1, key
    if key == "seed":
        assert value in messages.first.inner_text()


def test_the_home_pages_own_path_opens_the_home_page_with_its_link(server, page):
    _open(page, server, HOME.url_path, seed="7", lang="zh")
    expect(page.locator("h1").first).to_have_text(CATALOGS["zh"]["home.title"])
    assert page.get_by_text("Page not found").count() == 0
    seed_box = page.locator('[data-testid="stSidebar"] [data-testid="stNumberInput"] input')
    expect(seed_box).to_have_value("7")
    url = urlsplit(page.url)
    assert url.path == f"/{HOME.url_path}" and "seed=7" in url.query and "lang=zh" in url.query
