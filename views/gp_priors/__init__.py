"""The GP-priors page's views, one module per tab: a simple GP and the general basis
(`simple`, `basis`), the kernels (`kernels`), the RBF from bumps (`bumps`), the infinitely
wide network (`network`), kernel algebra (`algebra`, with one module per exercise) and
two-dimensional inputs (`grid`). `common` holds what they share."""

from ui import display

# chart keys "gp_..." and export names "gp-prior-...", as the page always had
PLOT = display.Plotter("gp", "gp-prior")
