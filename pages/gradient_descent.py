"""Gradient descent on convex, non-convex and saddle-shaped surfaces (chosen above the tabs):
- the gradient as a vector and the Hessian's curvature at a point;
- descents with torch.optim: learning rate, momentum, Adam, and where each run ends;
- basins of attraction: which minimum each start of a grid reaches."""

from ui.page import tabbed_page
from views.gradient_descent import basins, descent, gradient, surface

VIEWS = {
    "gd.tab.gradient": gradient.render,
    "gd.tab.descent": descent.render,
    "gd.tab.basins": basins.render,
}
tabbed_page("page.gradient_descent.title", "gd.intro", "gd_tab", VIEWS, header=surface.choose)
