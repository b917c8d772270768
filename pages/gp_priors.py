"""Gaussian-process priors (d2l.ai §18.2), one tab each (`views.gp_priors`):
- a simple GP: lines from random weights, then polynomial and Fourier bases;
- kernels: samples, covariance matrix and slice of each kernel;
- the RBF kernel as the limit of infinitely many Gaussian bumps;
- the infinitely wide network and its GP limit;
- kernel algebra: the chapter's exercises (sums, products, warping, amplitude, OU vs RBF);
- two-dimensional inputs.
"""

from ui.page import tabbed_page
from views.gp_priors import algebra, bumps, grid, kernels, network, simple

tabbed_page(
    "page.gp_priors.title",
    "gp.intro",
    "gp_tab",
    {
        "gp.tab.simple": simple.render,
        "gp.tab.kernels": kernels.render,
        "gp.tab.bumps": bumps.render,
        "gp.tab.network": network.render,
        "gp.tab.algebra": algebra.render,
        "gp.tab.grid": grid.render,
    },
)
