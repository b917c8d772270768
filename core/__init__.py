"""Pure computation for the lab: torch, numpy and scipy only (no streamlit, no plotly)."""
