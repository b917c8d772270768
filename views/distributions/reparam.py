"""sample vs rsample, below the 1D view: a few reparameterised draws with the derivative of
each draw with respect to every parameter (autograd), and ``sample``'s same numbers cut from
the graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st
import torch

from core import distributions_1d as d1
from ui import widgets
from ui.cached_views import cached_view
from ui.i18n import t
from ui.snippets import distributions as snippets

DRAWS = 5


@cached_view(max_entries=32)
def computed(family: str, params: tuple, seed: int) -> d1.ReparamDemo:
    generator = torch.Generator().manual_seed(seed)
    return d1.reparameterisation_demo(family, dict(params), DRAWS, generator)


def render(family: str, params: dict[str, float]) -> None:
    st.subheader(t("dist.reparam.title"))
    st.markdown(t("dist.reparam.intro"))
    widgets.formula(d1.FAMILIES[family].reparam_latex)
    seed = widgets.seed()
    demo = computed(family, tuple(params.items()), seed)
    table = pd.DataFrame({"x": [f"{v:.4f}" for v in demo.x]})
    for p in d1.FAMILIES[family].params:
        table[f"∂x/∂{p.name}"] = [f"{v:.4f}" for v in demo.grads[p.name]]
    table.index = [t("dist.reparam.draw", i=i + 1) for i in range(len(table))]
    st.table(table)
    flag, error = str(demo.sample_requires_grad), demo.sample_error.split("\n")[0]
    st.markdown(t("dist.reparam.sample_note", flag=flag, error=error))
    widgets.code_panel(snippets.reparam_code(family, params, DRAWS, seed))
