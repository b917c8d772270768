"""Bayesian neural networks, in three tabs:

- the prior: Normal priors on weights and biases, the functions they draw, and the
  Gaussian-process limit of wide networks;
- the variational posterior: Bayes by backprop, its predictive band and learned scales;
- noise as a regulariser: one network trained with and without Gaussian noise.
"""

from ui.page import tabbed_page
from views.bayesian_nn import noise, prior, vi

tabbed_page(
    "page.bayesian_nn.title",
    "bnn.intro",
    "bnn_tab",
    {"bnn.tab.prior": prior.render, "bnn.tab.vi": vi.render, "bnn.tab.noise": noise.render},
)
