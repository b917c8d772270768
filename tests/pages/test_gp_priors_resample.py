"""Resample on the 2D view of the GP-priors page: the Cholesky factor of the grid's kernel
matrix (nearly all of the view's cost) is computed once, whatever the seed."""

from __future__ import annotations

import functools
import itertools

import streamlit as st

from core import gp_prior_views
from tests.apptest import assert_clean, open_page, plotly_figures
from ui.i18n import CATALOGS


def test_resampling_the_2d_view_draws_new_samples_from_one_factorisation(monkeypatch):
    st.cache_data.clear()
    st.cache_resource.clear()
    factorised = []
    factor = gp_prior_views.grid_factor

    @functools.wraps(factor)  # found by its module and name, as the page's cache finds it
    def counted(*args):
        factorised.append(args)
        return factor(*args)

    monkeypatch.setattr(gp_prior_views, "grid_factor", counted)
    at = open_page("gp_priors.py", {"gp_tab": CATALOGS["en"]["gp.tab.grid"]})
    assert_clean(at)
    surfaces = [plotly_figures(at)[0]["data"][0]["z"]]
    for _ in range(3):
        at.sidebar.button[0].click().run()  # Resample: a new seed
        assert_clean(at)
        surfaces.append(plotly_figures(at)[0]["data"][0]["z"])
    assert len(factorised) == 1
    assert all(a != b for a, b in itertools.pairwise(surfaces))
