"""Per page: the URLs benchmarked — each tab at its defaults, and each at the largest settings
its controls allow."""

SCENARIOS: dict[str, dict[str, list[dict[str, str]]]] = {}
