"""The views of the lab: one package per page, one module per tab.

A view module reads top to bottom as the tab looks: its controls declared once at the top
(``ui.controls``), its computation in one cached function (``ui.cached_views.cached_view``)
returning a frozen dataclass, then ``render()``: intro, controls, chart(s), formula, code
panel. Pages (``pages/*.py``) are only the table of their views (``ui.page.tabbed_page``).
Dependencies point one way: pages -> views -> ui -> core.
"""
