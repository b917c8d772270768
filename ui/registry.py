"""The pages of the lab: one list that the navigation and the home page's cards both read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageInfo:
    script: str  # file under pages/ (stable: tests and links refer to it)
    url_path: str  # differs from the file name; see shared DESIGN notes on pages/
    section: str  # catalog key of the navigation section
    icon: str

    @property
    def name(self) -> str:
        return self.script.removesuffix(".py")

    @property
    def title_key(self) -> str:
        return f"page.{self.name}.title"

    @property
    def blurb_key(self) -> str:
        return f"page.{self.name}.blurb"


HOME = PageInfo("home.py", "overview", "nav.section.lab", ":material/home:")

PAGES: tuple[PageInfo, ...] = (
    PageInfo(
        "distributions.py",
        "normal-distributions",
        "nav.section.distributions",
        ":material/scatter_plot:",
    ),
    PageInfo("gp_priors.py", "gp-priors", "nav.section.gp", ":material/ssid_chart:"),
    PageInfo("gp_posterior.py", "gp-posterior", "nav.section.gp", ":material/query_stats:"),
    PageInfo("activations.py", "activation-functions", "nav.section.nn", ":material/function:"),
    PageInfo("gradient_descent.py", "gradient-descent", "nav.section.nn", ":material/south_east:"),
    PageInfo("bayesian_nn.py", "bayesian-networks", "nav.section.nn", ":material/hub:"),
    PageInfo("gumbel.py", "gumbel-softmax", "nav.section.discrete", ":material/casino:"),
)
