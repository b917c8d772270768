"""The pages of the lab: one list that the navigation and the home page's cards both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    script: str  # file under pages/ (stable: tests and links refer to it)
    url_path: str  # differs from the file name; see shared DESIGN notes on pages/
    section: str  # catalog key of the navigation section
    icon: str
    title_key: str  # catalog keys of the page's title and of its card on the home page
    blurb_key: str = ""

    @property
    def name(self) -> str:
        return self.script.removesuffix(".py")


HOME = PageInfo("home.py", "overview", "nav.section.lab", ":material/home:", "page.home.title")

PAGES: tuple[PageInfo, ...] = (
    PageInfo(
        "distributions.py",
        "normal-distributions",
        "nav.section.distributions",
        ":material/scatter_plot:",
        "page.distributions.title",
        "page.distributions.blurb",
    ),
    PageInfo(
        "gp_priors.py",
        "gp-priors",
        "nav.section.gp",
        ":material/ssid_chart:",
        "page.gp_priors.title",
        "page.gp_priors.blurb",
    ),
    PageInfo(
        "gp_posterior.py",
        "gp-posterior",
        "nav.section.gp",
        ":material/query_stats:",
        "page.gp_posterior.title",
        "page.gp_posterior.blurb",
    ),
    PageInfo(
        "activations.py",
        "activation-functions",
        "nav.section.nn",
        ":material/function:",
        "page.activations.title",
        "page.activations.blurb",
    ),
    PageInfo(
        "gradient_descent.py",
        "gradient-descent",
        "nav.section.nn",
        ":material/south_east:",
        "page.gradient_descent.title",
        "page.gradient_descent.blurb",
    ),
    PageInfo(
        "bayesian_nn.py",
        "bayesian-networks",
        "nav.section.nn",
        ":material/hub:",
        "page.bayesian_nn.title",
        "page.bayesian_nn.blurb",
    ),
    PageInfo(
        "gumbel.py",
        "gumbel-softmax",
        "nav.section.discrete",
        ":material/casino:",
        "page.gumbel.title",
        "page.gumbel.blurb",
    ),
)
