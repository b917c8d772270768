"""Normal distributions, one tab each (views in `views.distributions`):
- `normal_2d`: the 2D normal of torch.distributions.MultivariateNormal: samples, density,
  k-sigma ellipses, marginals, a probe, sample moments, the conditional p(y | x = a);
- `univariate`: the 1D families: pdf, cdf, mean, median, mode, and sample vs rsample."""

from ui.page import tabbed_page
from views.distributions import normal_2d, univariate

tabbed_page(
    "page.distributions.title",
    "dist.intro",
    "nd_tab",
    {"dist.tab.2d": normal_2d.render, "dist.tab.1d": univariate.render},
)
