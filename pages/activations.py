"""Activations and gradients: saturation, vanishing gradients, and what depth does to them.

- Function and derivative: activations with f, f' (and f''), saturation and a probe at x0.
- Gradients across depth: gradient norms per layer of a deep network and its pre-activations.
- Chain rule by hand: the product of factors w f'(z_l) against autograd and its bound.
- Gradient clipping: clipping by value against clipping by norm.
- Your own activation: a typed formula with its derivatives.
"""

from ui.page import tabbed_page
from views.activations import chain, clipping, custom, depth, functions

tabbed_page(
    "page.activations.title",
    "act.intro",
    "act_view",
    {
        "act.tab.functions": functions.render,
        "act.tab.depth": depth.render,
        "act.tab.chain": chain.render,
        "act.tab.clipping": clipping.render,
        "act.tab.custom": custom.render,
    },
)
