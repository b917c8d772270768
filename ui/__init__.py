"""Streamlit and Plotly glue shared by the pages."""
