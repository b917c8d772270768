"""The views of the Normal-distributions page, one module per tab: the 2D normal
(`normal_2d`, its covariance controls in `covariance`) and the 1D families (`univariate`, with
sample vs rsample in `reparam`). Here is what they share: the chart plotter, the k of the
k-sigma ellipses and bands, the sample-count slider and the way a probability is shown."""

from __future__ import annotations

from ui import display
from ui.controls import LogSlider

# chart keys "nd_chart_..." as the page always had
PLOT = display.Plotter("nd_chart", "nd")
KS = (1, 2, 3)  # the k-sigma ellipses (2D) and bands (1D)
CURVE_POINTS = 300  # points of every exact curve


def sample_count(key: str) -> LogSlider:
    """How many samples a tab draws: 10 to 100,000 on a log scale."""
    return LogSlider(
        key=key, label="dist.n.label", help="dist.n.help", low=10, high=100_000, default=1000
    )


def percent(p: float) -> str:
    """A probability as a percentage; "> 99.9 %" rather than a rounded, false "100.0 %"."""
    return f"{100 * p:.1f} %" if p < 0.999 else "> 99.9 %"
