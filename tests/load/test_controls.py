"""The load tool's simulated hand on a control, and the URL it leaves behind."""

from itertools import pairwise

from streamlit.proto.Element_pb2 import Element
from streamlit.proto.Slider_pb2 import Slider

from benchmarks.load.controls import Control, control_of
from benchmarks.load.protocol import with_param


def _slider(**fields) -> Element:
    element = Element()
    element.slider.CopyFrom(Slider(id="$$ID-abc-gp_ls", data_type=Slider.FLOAT, **fields))
    return element


def test_a_control_walks_up_its_range_and_back_and_always_moves():
    control = Control("$$ID-abc-k", "slider", ((0,), (1,), (2,)), start=1, fragment_id="")
    walk = [control.position(step) for step in range(7)]
    assert walk == [1, 2, 1, 0, 1, 2, 1]
    assert all(a != b for a, b in pairwise(walk))


def test_a_float_slider_moves_on_its_own_grid_from_its_current_value():
    element = _slider(min=0.5, max=4.5, step=0.5, default=[1.0], query_param_key="gp_ls")
    control = control_of(element, fragment_id="")
    assert control.key == "gp_ls"
    assert control.positions[0] == (0.5,) and control.positions[-1] == (4.5,)
    assert control.positions[control.start] == (1.0,)
    assert list(control.state(1).double_array_value.data) == [1.5]


def test_the_url_drops_a_parameter_back_at_its_default_as_the_frontend_does():
    element = _slider(min=0.0, max=2.0, step=1.0, default=[1.0], query_param_key="gp_ls")
    control = control_of(element, fragment_id="")  # positions 0, 1, 2; starts at 1
    assert control.url_values(1) == ("2",)  # JavaScript prints 2.0 as "2"
    assert control.url_values(2) is None
    assert with_param("seed=3&gp_ls=2", "gp_ls", None) == "seed=3"
    assert with_param("seed=3", "gp_ls", ("0.5",)) == "seed=3&gp_ls=0.5"


def test_widgets_in_forms_disabled_or_ignoring_changes_are_not_moved():
    for fields in ({"form_id": "f"}, {"disabled": True}, {"ignore_rerun": True}):
        assert control_of(_slider(min=0.0, max=1.0, step=0.1, default=[0.5], **fields), "") is None
