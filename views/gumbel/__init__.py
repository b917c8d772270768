"""The Gumbel page's views, one module per tab: the distribution (with the maxima of normals,
`maxima`), the Gumbel-max trick, Gumbel-Softmax (with its gradients, `gradients`), annealing
the temperature, and top-k sampling. `common` holds what they share: the logits typed above
the tabs, the categories' names, the seed offsets."""

from ui import display

# chart keys "gb_..." and export names "gumbel-...", as the page always had
PLOT = display.Plotter("gb", "gumbel")
