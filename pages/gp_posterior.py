"""Gaussian-process posterior (d2l.ai §18.3): click to add observations, choose the kernel and
the noise, read the log marginal likelihood, and learn the hyperparameters by gradient.

The data and the model are drawn above the tabs (views.gp_posterior.common); each tab is a view
of them, and only the open one computes:
- posterior: the posterior mean, band and samples over the prior; clicks add observations
- covariance: the posterior covariance, and each observation's weight in the mean at x*
- likelihood: the terms of log p(y | X), its contour, and the fit of the hyperparameters
- noise: noise-free interpolation beside noisy regression
"""

from ui.page import tabbed_page
from views.gp_posterior import common, covariance, likelihood, noise, posterior

VIEWS = {
    "gpp.tab.posterior": posterior.render,
    "gpp.tab.covariance": covariance.render,
    "gpp.tab.likelihood": likelihood.render,
    "gpp.tab.noise": noise.render,
}
tabbed_page("page.gp_posterior.title", "gpp.intro", "gpp_tab", VIEWS, header=common.draw_model)
