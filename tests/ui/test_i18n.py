"""The two catalogs say the same things: same keys, same placeholders, nothing empty."""

import string

import pytest

from ui import i18n_review
from ui.i18n import CATALOGS, LANGUAGES, translate


def _placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def test_every_language_has_a_catalog():
    assert set(CATALOGS) == set(LANGUAGES) == {"en", "zh"}


def test_catalogs_have_identical_keys():
    en, zh = set(CATALOGS["en"]), set(CATALOGS["zh"])
    assert not en - zh, f"missing in Chinese: {sorted(en - zh)}"
    assert not zh - en, f"missing in English: {sorted(zh - en)}"


@pytest.mark.parametrize("key", sorted(CATALOGS["en"]))
def test_translations_keep_placeholders_and_are_not_empty(key):
    en, zh = CATALOGS["en"][key], CATALOGS["zh"][key]
    assert en.strip() and zh.strip()
    assert _placeholders(en) == _placeholders(zh), key


def test_chinese_catalog_is_written_in_chinese():
    # Names (Gumbel-Softmax, ReLU) may stay as they are, but most entries must be Chinese.
    zh = CATALOGS["zh"].values()
    with_cjk = [s for s in zh if any("\u4e00" <= ch <= "\u9fff" for ch in s)]
    assert len(with_cjk) >= 0.8 * len(zh)


def test_missing_key_falls_back_to_english_then_to_the_key():
    assert translate("home.title", "xx") == CATALOGS["en"]["home.title"]
    assert translate("no.such.key", "zh") == "no.such.key"


def test_a_template_with_wrong_parameters_never_raises():
    assert translate("state.notice", "en", key="n") == CATALOGS["en"]["state.notice"]


def test_activation_names_in_the_catalog_are_core_labels():
    from core.activations import ACTIVATIONS

    for name, activation in ACTIVATIONS.items():
        assert CATALOGS["en"][f"act.name.{name}"] == activation.label


def test_every_chinese_string_was_revisited_since_its_english_changed():
    """A changed English string leaves its Chinese behind unless someone revisits it: the
    hash recorded with the translation (`ui.i18n_review`) must be the English's own."""
    left = i18n_review.stale()
    assert left == {"changed": [], "new": [], "gone": []}, (
        f"{left}: revisit the Chinese of these keys, then `python -m ui.i18n_review KEY ...` "
        "(`--prune` for keys that are gone)"
    )


def test_an_edited_english_string_is_found_stale(monkeypatch):
    key = "gumbel.intro"
    english = {**CATALOGS["en"], key: CATALOGS["en"][key] + " Edited."}
    monkeypatch.setitem(i18n_review.CATALOGS, "en", english)
    assert i18n_review.stale()["changed"] == [key]
