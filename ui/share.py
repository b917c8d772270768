"""The "Share this view" block: the link of the current view, to copy, and as a QR code."""

from __future__ import annotations

import io
from urllib.parse import urlencode, urlsplit

import segno
import streamlit as st

from ui.i18n import t


def current_link(url_path: str) -> str:
    """The address that reopens this view: the app's root, the page, and every URL parameter."""
    app_url = st.context.url or "http://localhost:8501/"
    parts = urlsplit(app_url)
    root = f"{parts.scheme}://{parts.netloc}/"
    query = urlencode(
        [(k, v) for k in st.query_params for v in st.query_params.get_all(k)], doseq=False
    )
    return root + url_path + (f"?{query}" if query else "")


@st.cache_data(max_entries=256, show_spinner=False)
def qr_png(text: str) -> bytes | None:
    """The QR code of ``text`` as a PNG, or None when the text is longer than a QR code holds
    (about 2,900 bytes: a link with many typed data points can be)."""
    try:
        code = segno.make(text, error="l")
    except segno.DataOverflowError:
        return None
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def share_block(url_path: str) -> None:
    """A popover with the link (st.code has a copy button) and its QR code for the room."""
    with st.popover(t("share.button"), icon=":material/share:", width="stretch"):
        link = current_link(url_path)
        st.caption(t("share.caption"))
        st.code(link, language=None, wrap_lines=True)
        png = qr_png(link)
        if png is None:
            st.caption(t("share.qr_too_long", n=len(link)))
        else:
            st.image(png, caption=t("share.qr"), width=280)
