"""Gumbel page: the distribution and why it arises (maxima of normals), the Gumbel-max trick,
Gumbel-Softmax with its gradients, annealing the temperature, and top-k sampling.

The logits that four of the tabs share are typed above the tabs (the page's header).
"""

from ui.page import tabbed_page
from views.gumbel import anneal, common, distribution, gumbel_max, softmax, topk

VIEWS = {
    "gumbel.tab.distribution": distribution.render,
    "gumbel.tab.max": gumbel_max.render,
    "gumbel.tab.softmax": softmax.render,
    "gumbel.tab.anneal": anneal.render,
    "gumbel.tab.topk": topk.render,
}
tabbed_page("page.gumbel.title", "gumbel.intro", "gb_view", VIEWS, header=common.logits_control)
