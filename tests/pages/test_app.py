"""The skeleton: navigation, home page, shared sidebar and URL notices, through app.py."""

import pytest

from tests.apptest import PAGE_SCRIPTS, assert_clean, open_page, visible_texts
from ui.i18n import CATALOGS
from ui.registry import HOME, PAGES


def test_every_page_has_a_url_path_that_differs_from_its_file_name():
    for info in (HOME, *PAGES):
        assert info.url_path and info.url_path != info.name
    assert len({info.url_path for info in (HOME, *PAGES)}) == len(PAGES) + 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_home_page_has_a_card_per_page_in_each_language(lang):
    at = open_page(None, {"lang": lang})
    assert_clean(at)
    assert at.title[0].value == CATALOGS[lang]["home.title"]
    links = at.get("page_link")
    assert len(links) == len(PAGES)
    assert {link.proto.label for link in links} == {CATALOGS[lang]["home.open"]}
    subheaders = {s.value for s in at.subheader}
    assert {CATALOGS[lang][info.title_key] for info in PAGES} <= subheaders


@pytest.mark.parametrize("script", PAGE_SCRIPTS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_page_opens_in_each_language(script, lang):
    assert_clean(open_page(script, {"lang": lang}))


@pytest.mark.parametrize(
    ("params", "expected_seed"),
    [({"seed": "abc"}, 0), ({"seed": "1e12"}, 2**31 - 1), ({"seed": "-4"}, 0)],
)
def test_a_junk_seed_in_the_link_warns_and_is_replaced(params, expected_seed):
    at = open_page(None, params)
    assert_clean(at)
    assert at.session_state["seed"] == expected_seed
    warning = " ".join(w.value for w in at.warning)
    assert "seed" in warning and params["seed"] in warning


def test_an_unknown_language_warns_and_falls_back_to_english():
    at = open_page(None, {"lang": "klingon"})
    assert_clean(at)
    assert at.session_state["lang"] == "en"
    assert any("klingon" in w.value for w in at.warning)


def test_a_valid_link_shows_no_warning():
    at = open_page(None, {"seed": "42", "lang": "zh"})
    assert not at.warning
    assert at.session_state["seed"] == 42


def test_resample_draws_a_new_seed():
    at = open_page(None, {"seed": "42"})
    at.sidebar.button[0].click().run()
    assert_clean(at)
    assert at.session_state["seed"] != 42


@pytest.mark.parametrize("script", PAGE_SCRIPTS)
def test_junk_in_every_parameter_never_raises(script):
    junk = {"seed": "NaN", "lang": "zh", "tab": "<script>", "x": "1" * 500}
    assert_clean(open_page(script, junk))


# English strings that are the same words in Chinese (names, symbols) are not leaks.
_UNTRANSLATED = {k for k, v in CATALOGS["en"].items() if v == CATALOGS["zh"][k]}


@pytest.mark.parametrize("script", [None, *PAGE_SCRIPTS])
def test_the_chinese_edition_shows_no_english_catalog_string(script):
    at = open_page(script, {"lang": "zh"})
    assert_clean(at)
    english = {v for k, v in CATALOGS["en"].items() if k not in _UNTRANSLATED and len(v) > 3}
    leaked = sorted({s for s in visible_texts(at) if s in english})
    assert not leaked, leaked


@pytest.mark.parametrize(
    ("seed", "used"),
    [("inf", 2**31 - 1), ("-inf", 0), ("1e999", 2**31 - 1), ("9" * 400, 2**31 - 1)],
)
def test_a_seed_no_integer_can_hold_warns_names_the_value_used_and_fixes_the_link(seed, used):
    # Streamlit's own binding converts with int(float(value)): OverflowError before the fix.
    at = open_page(None, {"seed": seed})
    assert_clean(at)
    assert at.session_state["seed"] == used
    warning = " ".join(w.value for w in at.warning)
    assert "seed" in warning and seed[:40] in warning and str(used) in warning
    assert at.query_params.get("seed", ["0"]) in ([str(used)], str(used))


def test_a_repeated_parameter_whose_last_value_is_junk_falls_back_to_the_default():
    at = open_page(None, {"seed": ["1", "inf"]})
    assert_clean(at)
    assert at.session_state["seed"] == 0


def test_a_value_in_the_link_is_quoted_as_text_never_as_a_link():
    value = "x`[Log in again](https://evil.example)`x"
    at = open_page(None, {"seed": value})
    assert_clean(at)
    (warning,) = [w.value for w in at.warning]
    # The whole value in one code span whose fence is longer than its own backticks.
    assert f"``{value}``" in warning


def test_an_over_long_text_in_the_link_is_cut_with_a_notice():
    at = open_page("gumbel.py", {"gb_logits": "1, " * 60 + "1"})
    assert_clean(at)
    assert len(at.text_input(key="gb_logits").value) == 120
    notice = next(w.value for w in at.warning if "gb" in w.value)
    assert "120" in notice


def test_a_repeated_text_parameter_says_which_value_is_used():
    at = open_page("gumbel.py", {"gb_logits": ["1, 2", "3, 4"]})
    assert_clean(at)
    used = at.text_input(key="gb_logits").value
    notice = next(w.value for w in at.warning if "gb" in w.value)
    assert "1, 2, 3, 4" in notice and used.replace("*", "") in notice.replace("&#44;", ",")
