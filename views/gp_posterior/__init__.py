"""The views of the GP-posterior page (``pages/gp_posterior.py``), all of one model drawn above
the tabs (`common`): the posterior and its samples (`posterior`), the posterior covariance and
the weight of each observation (`covariance`), the marginal likelihood and the fit of the
hyperparameters (`likelihood`), and interpolation against regression (`noise`)."""

from ui import display

PLOT = display.Plotter("gpp", "gp-posterior")  # the page's chart keys and export names
