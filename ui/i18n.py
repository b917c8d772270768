"""Every user-facing string: ``t(key, **params)`` over an English and a Chinese catalog.

The catalogs live in ``ui/catalogs/``, one module per topic, each with ``EN`` and ``ZH``
dictionaries of the same keys. Keys are dotted (``gp.kernel.label``); values are
``str.format`` templates. Formulas and code are not translated.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping

import streamlit as st

from ui import catalogs, markdown

LANGUAGES = {"en": "English", "zh": "简体中文"}
DEFAULT_LANGUAGE = "en"
LANG_KEY = "lang"


def _load_catalogs() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}
    for module_info in sorted(pkgutil.iter_modules(catalogs.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{catalogs.__name__}.{module_info.name}")
        for lang, table in (("en", module.EN), ("zh", module.ZH)):
            clash = merged[lang].keys() & table.keys()
            if clash:
                raise KeyError(f"catalog {module_info.name} redefines {sorted(clash)}")
            merged[lang].update(table)
    return merged


CATALOGS: Mapping[str, Mapping[str, str]] = _load_catalogs()


def current_language() -> str:
    lang = st.session_state.get(LANG_KEY, DEFAULT_LANGUAGE)
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def has(key: str) -> bool:
    return key in CATALOGS[DEFAULT_LANGUAGE]


def translate(key: str, lang: str, /, **params: object) -> str:
    """The template for ``key`` in ``lang``, filled with ``params``.

    A key missing from a catalog is a bug the catalog tests catch; at run time it falls back
    to English, then to the key itself, so a page never crashes over a string.
    """
    return _filled(_template(key, lang), params, _format)


def _template(key: str, lang: str) -> str:
    return CATALOGS.get(lang, {}).get(key) or CATALOGS[DEFAULT_LANGUAGE].get(key, key)


def _format(template: str, params: dict[str, object]) -> str:
    return template.format(**params)


def _filled(template: str, params: dict[str, object], fill) -> str:
    if not params:
        return template
    try:
        return fill(template, params)
    except (KeyError, IndexError, ValueError):
        return template


def t(key: str, /, **params: object) -> str:
    """``key`` in the language chosen in the sidebar."""
    return translate(key, current_language(), **params)


def t_markdown(key: str, /, **params: object) -> str:
    """``t`` for a Markdown message that quotes user text: each text parameter shows as typed,
    never as a link, an image or formatting (`ui.markdown.fill`)."""
    return _filled(_template(key, current_language()), params, markdown.fill)
