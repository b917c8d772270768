"""A page of the lab: its title and introduction, then a row of tabs, one view each.

A page script is only this table (``pages/*.py``); each view is a module under ``views/`` with a
``render()`` that draws it top to bottom. Only the open tab renders: the others cost nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from core.errors import InputError
from ui import widgets
from ui.i18n import t


def tabbed_page(
    title: str,
    intro: str,
    tab_key: str,
    views: Mapping[str, Callable[..., None]],
    header: Callable[[], object] | None = None,
) -> None:
    """``views`` maps each tab's label (a catalog key) to its view's ``render``; ``tab_key`` is
    the URL parameter naming the open tab.

    ``header`` draws what every tab shares above the tabs (the Gumbel page's logits, the
    gradient-descent page's surface). What it returns, unless None, is handed to each view's
    ``render``; an `InputError` it raises is shown and nothing below it is drawn. A view's own
    `InputError` leaves the other tabs working.
    """
    st.title(t(title))
    st.markdown(t(intro))
    context = ()
    if header is not None:
        try:
            shared = header()
        except InputError as error:
            widgets.show_input_error(error)
            return
        context = () if shared is None else (shared,)
    for tab, render in zip(widgets.tabs(tab_key, list(views)), views.values(), strict=True):
        if tab.open:
            with tab, widgets.input_errors():
                render(*context)
