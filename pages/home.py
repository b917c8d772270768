"""Home: what the lab is for, one card per page, and how to share a view."""

import streamlit as st

from ui.i18n import t
from ui.registry import PAGES

st.title(t("home.title"))
st.markdown(t("home.intro"))

columns = st.columns(2)
for i, info in enumerate(PAGES):
    with columns[i % 2].container(border=True):
        st.subheader(t(info.title_key))
        st.write(t(info.blurb_key))
        st.page_link(f"pages/{info.script}", label=t("home.open"), icon=info.icon)

st.subheader(t("home.share.title"))
st.markdown(t("home.share.body"))
