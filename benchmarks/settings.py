"""What the page benchmark opens: every tab of every page (the tab control's URL key here),
at its defaults and with every numeric control of the tab pushed to its largest value."""

TAB_KEYS: dict[str, str] = {
    "distributions.py": "nd_tab",
    "gp_priors.py": "gp_tab",
    "activations.py": "act_view",
    "gumbel.py": "gb_view",
    "gp_posterior.py": "gpp_tab",
    "bayesian_nn.py": "bnn_tab",
    "gradient_descent.py": "gd_tab",
}

# Largest settings that "every control at its maximum" does not reach on its own.
EXTRA_LARGEST: dict[str, list[dict[str, object]]] = {
    "activations.py": [
        {
            "act_fns": ["sigmoid", "tanh", "relu", "gelu", "mish", "selu"],
            "act_second": "true",
            "act_xmax": "20",
        }
    ],
}
