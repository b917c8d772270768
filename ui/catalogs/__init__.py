"""Translation catalogs, one module per topic; each defines ``EN`` and ``ZH`` with equal keys."""
