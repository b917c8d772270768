"""The baseline: a bare Streamlit script, so page figures are the page's own cost."""

import streamlit as st

st.title("bare")
st.slider("x", 0, 10, 5, key="x")
