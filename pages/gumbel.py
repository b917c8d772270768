import streamlit as st

st.title("gumbel")
