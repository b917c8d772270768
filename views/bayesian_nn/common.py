"""What the views share: the choice of activation; and, for the two training views (`vi`,
`noise`), the toy-data controls and chart, the controls of a training run, and training behind
a button.

Training runs only when the button is pressed, within core's cost budget, with a progress bar
and a live loss curve, and is stored under its settings and seed for every session
(``ui.shared_runs``): reruns and other controls never retrain, and sessions pressing Train on
the same settings share one training.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from core import bnn_data, bnn_training, bnn_views
from core.bnn_views import DataSpec, NoiseSettings, VISettings
from core.errors import InputError
from ui import display, shared_runs, widgets
from ui.cached_views import cached_view, to_numpy
from ui.charts import bnn as charts
from ui.controls import Count, LogSlider, Select, Slider
from ui.i18n import t
from views.bayesian_nn import PLOT

# core.activations' labels (ReLU, Tanh, ...) are the activations page's catalog entries.
ACTIVATIONS = {
    "relu": "act.name.relu",
    "tanh": "act.name.tanh",
    "erf": "bnn.act.erf",
    "sigmoid": "act.name.sigmoid",
    "gelu": "act.name.gelu",
    "silu": "act.name.silu",
    "elu": "act.name.elu",
    "softplus": "act.name.softplus",
    "linear": "act.name.linear",
}
FUNCTIONS = {
    "sine": "bnn.fn.sine",
    "cubic": "bnn.fn.cubic",
    "step": "bnn.fn.step",
    "abs": "bnn.fn.abs",
}
TRAIN_WIDTHS = (5, 10, 20, 50, 100, 200, 500)


def activation(key: str, default: str) -> Select:
    return Select(key=key, label="bnn.activation", options=ACTIVATIONS, default=default)


def width(key: str, default: int) -> Count:
    """The hidden width of a trained network."""
    return Count(key=key, label="bnn.model.width", options=TRAIN_WIDTHS, default=default)


def steps(key: str, default: int) -> Slider:
    return Slider(key=key, label="bnn.train.steps", low=100, high=5000, default=default, step=100)


def learning_rate(key: str, default: float) -> LogSlider:
    return LogSlider(key=key, label="bnn.train.lr", low=0.001, high=0.3, default=default)


# The sliders of a toy problem after its function: URL key suffix, label, low, high, step.
DATA_SLIDERS = (
    ("noise", "bnn.data.noise", 0.0, 1.0, 0.05),
    ("n", "bnn.data.n", 5, 200, 1),
    ("gap_c", "bnn.data.gap_c", *bnn_data.DOMAIN, 0.1),
    ("gap_w", "bnn.data.gap_w", 0.0, 4.0, 0.1),
)


def data_controls(prefix: str, defaults: DataSpec) -> tuple:
    """The controls of a toy problem, in the order of `DataSpec`'s fields."""
    function = Select(
        key=f"{prefix}_fn", label="bnn.data.function", options=FUNCTIONS, default=defaults.function
    )
    sliders = (
        Slider(key=f"{prefix}_{suffix}", label=label, low=low, high=high, default=value, step=step)
        for (suffix, label, low, high, step), value in zip(DATA_SLIDERS, defaults[1:], strict=True)
    )
    return (function, *sliders)


def draw_row(controls: tuple) -> list:
    """``controls`` side by side, in one row of columns; their values."""
    return [
        c.draw(container=col) for c, col in zip(controls, st.columns(len(controls)), strict=True)
    ]


def draw_controls(data: tuple, *rows: tuple) -> tuple[DataSpec, list]:
    """The toy problem's controls, then the model's, row by row (folded away in presentation
    mode): the problem and the values of the model's controls."""
    with display.controls():
        st.markdown(t("bnn.data.heading"))
        spec = DataSpec(*draw_row(data))
        st.markdown(t("bnn.model.heading"))
        values = [value for row in rows for value in draw_row(row)]
    return spec, values


data_view = cached_view(max_entries=32)(bnn_views.data_view)


def page_data(spec: DataSpec) -> bnn_views.DataView:
    """The toy problem of ``spec`` at the page's seed."""
    return data_view(spec, widgets.seed() + bnn_views.SEED_DATA)


def data_labels() -> dict[str, str]:
    return {
        "x": "x",
        "y": "y",
        "data": t("bnn.legend.data"),
        "true": t("bnn.legend.true"),
        "gap": t("bnn.legend.gap"),
    }


def plot_data(view: bnn_views.DataView, title_key: str, with_test: bool = False) -> None:
    PLOT(
        charts.data_figure,
        view.x_grid,
        view.f_true,
        view.x,
        view.y,
        gap=view.gap,
        labels={**data_labels(), "title": t(title_key), "test": t("bnn.legend.test")},
        test=(view.x_test, view.y_test) if with_test else None,
    )


def snippet_data(spec: DataSpec, view: bnn_views.DataView) -> tuple:
    """The toy problem as the code panels take it."""
    return spec.function, spec.noise, spec.n, view.gap


def refusal(settings: VISettings | NoiseSettings) -> InputError | None:
    """Why core would refuse to train these settings (over its cost budget), or None."""
    check = bnn_training.check_budget
    return shared_runs.refusal(
        check, settings.steps, settings.networks, settings.data.n, settings.width
    )


def trained(
    kind: str,
    settings: VISettings | NoiseSettings,
    train: Callable,
    live_figure: Callable[[dict], object],
    refused: InputError | None,
):
    """The stored training for these settings and seed; or, when the button is pressed, a new
    one, with a progress bar and a live loss curve while it runs, or another session's
    training of the same settings, with its progress. None until then, and when ``refused``
    (over the budget: the button is disabled and the reason shown)."""
    seed = widgets.seed()
    run = f"bnn.{kind}"  # the kind of run in ui.shared_runs
    stored = shared_runs.stored(run, (settings, seed))
    label = t("bnn.train.done") if stored is not None else t("bnn.train.button")
    pressed = st.button(
        label,
        key=f"bnn_{kind}_train",
        help=t("bnn.train.help"),
        icon=":material/play_arrow:",
        type="primary",
        disabled=stored is not None or refused is not None,
    )
    if refused is not None:
        shared_runs.show_refusal(refused)
    if not pressed or refused is not None:
        return stored
    bar = st.progress(0.0, text=t("bnn.train.starting"))
    live = st.empty()

    def show(step: int, total: int, history: dict) -> None:
        bar.progress(step / total, text=t("bnn.train.progress", step=step, total=total))
        with live.container():
            # a new key per update: one run draws the live curve many times
            display.chart(live_figure(history), key=f"bnn_live_{kind}_{step}", filename=kind)

    def compute(report: Callable[[object], None]):
        report((0, settings.steps))

        def callback(step: int, total: int, history: dict) -> None:
            report((step, total))  # for the sessions waiting for this training
            show(step, total, history)

        return to_numpy(train(settings, seed, callback))

    try:
        shared_runs.run_once(run, (settings, seed), compute, on_wait=shared_runs.waiting(bar))
    finally:
        bar.empty()  # the live curve stays: after a divergence it shows how the loss blew up
    st.rerun()  # draw the stored result, and the button as "trained"


def train_and_show(
    kind: str,
    settings: VISettings | NoiseSettings,
    train: Callable,
    live_figure: Callable[[dict], object],
    data_title: str,
    show_results: Callable,
    *,
    with_test: bool = False,
) -> bnn_views.DataView:
    """The data, the Train button, and the trained results once there are any (else the data
    and an invitation to train); returns the data for the code panel."""
    view = page_data(settings.data)
    refused = refusal(settings)
    result = None
    with widgets.input_errors():  # a diverged training: its message above the data
        result = trained(kind, settings, train, live_figure, refused)
    if result is None:
        plot_data(view, data_title, with_test=with_test)
        if refused is None:
            st.info(t("bnn.train.first"), icon=":material/model_training:")
    else:
        show_results(result, view, settings)
    return view
