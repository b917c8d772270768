"""core.expression: what it computes, how it renders, and everything it must refuse."""

from __future__ import annotations

import builtins
import math
import warnings

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given
from hypothesis import strategies as st

from core.errors import InputError
from core.expression import FUNCTIONS, MAX_LENGTH, parse
from tests import tolerances as tol

X = torch.linspace(-4, 4, 81, dtype=torch.float64)


@pytest.mark.parametrize(
    ("text", "reference"),
    [
        ("x * sigmoid(1.702 * x)", lambda x: x * torch.sigmoid(1.702 * x)),
        ("max(x, 0.1 * x)", lambda x: F.leaky_relu(x, 0.1)),
        ("log(1 + exp(x))", F.softplus),
        ("x * tanh(softplus(x))", F.mish),
        ("x / (1 + abs(x))", F.softsign),
        ("x * (1 + erf(x / sqrt(2))) / 2", F.gelu),
        ("-x**2", lambda x: -(x**2)),
        ("(-x)**2", lambda x: x**2),
        ("2**-x", lambda x: 2.0 ** (-x)),
        ("x**2**0.5", lambda x: x ** (2**0.5)),
        ("x / 2 / 4", lambda x: x / 8),
        ("x - (1 + x)", lambda x: torch.full_like(x, -1.0)),
        ("x - -x", lambda x: 2 * x),
        ("+x", lambda x: x),
        ("pi * e * x", lambda x: math.pi * math.e * x),
        ("min(x, 0)", lambda x: torch.clamp(x, max=0)),
        ("relu(x) + gelu(x) - silu(x)", lambda x: F.relu(x) + F.gelu(x) - F.silu(x)),
        ("sin(x) ** 2 + cos(x) ** 2", torch.ones_like),
        ("1_000 * x", lambda x: 1000 * x),
        ("  x  ", lambda x: x),
    ],
)
def test_formulas_compute_what_they_say(text, reference):
    f = parse(text)
    # the same formula in other ops (at most 3 libm calls and 8 roundings): tol.formula_tol
    bound = tol.formula_tol(
        lambda x: torch.broadcast_to(f(x), x.shape), X, ops=3 * tol.LIBM_ULPS + 8
    )
    torch.testing.assert_close(f(X), reference(X), rtol=0, atol=bound, equal_nan=True)


@pytest.mark.parametrize(
    "text",
    ["x * sigmoid(1.702 * x)", "-x**2", "(-x)**2", "2**-x", "x/(2*x+1)", "x/2/3", "x - (1 + x)",
     "x * -1", "exp(2) * x", "min(x, 0)", "x**2**0.5", "-(-x)", "1e-5 * x", "pi * x", "3"],
)  # fmt: skip
def test_code_rendering_computes_the_same(text):
    """The code panel's source computes the same numbers (exec'd here, in a test), up to the
    last bits: Python's c / x becomes reciprocal(x) * c in torch, x ** c a pow by a number."""
    f = parse(text)
    namespace = {"torch": torch, "F": F, "math": math, "x": X}
    value = eval(f.code, namespace)  # our own rendering of an allow-listed tree
    value = torch.broadcast_to(torch.as_tensor(value, dtype=X.dtype), X.shape)
    bound = tol.formula_tol(
        lambda x: torch.broadcast_to(f(x), x.shape), X, ops=3 * tol.LIBM_ULPS + 8
    )
    torch.testing.assert_close(value, f(X), rtol=0, atol=bound, equal_nan=True)


@pytest.mark.parametrize(
    ("text", "latex"),
    [
        ("x / 2", r"\frac{x}{2}"),
        ("x * sigmoid(x)", r"x \cdot \sigma\left(x\right)"),
        ("(-x)**2", r"{\left(-x\right)}^{2}"),
        ("x - (1 + x)", r"x - \left(1 + x\right)"),
        ("exp(x)", "e^{x}"),
        ("sqrt(x)", r"\sqrt{x}"),
        ("abs(x)", r"\left|x\right|"),
        ("pi * x", r"\pi \cdot x"),
        ("1e-5 * x", r"1 \times 10^{-5} \cdot x"),
    ],
)
def test_latex_rendering(text, latex):
    assert parse(text).latex == latex


def test_named_variables_for_two_dimensional_formulas():
    f = parse("x**2 + 3 * y", variables=("x", "y"))
    x, y = torch.tensor([1.0, 2.0]), torch.tensor([[0.0], [1.0]])
    expected = x**2 + 3 * y
    torch.testing.assert_close(f(x, y), expected)
    torch.testing.assert_close(f(y=y, x=x), expected)
    assert f.variables == ("x", "y")
    with pytest.raises(InputError) as error:
        parse("x + z", variables=("x", "y"))
    assert error.value.code == "expr_name"
    with pytest.raises(InputError):
        f(x)
    with pytest.raises(InputError):
        f(x, y, x)


def test_constant_formulas_broadcast_and_fold():
    f = parse("exp(1) + 1 / 3")
    assert f.constant
    torch.testing.assert_close(f(X), torch.full_like(X, math.e + 1 / 3))
    assert not parse("x * 0").constant


def test_dtype_follows_the_input():
    assert parse("x * 2")(torch.zeros(3)).dtype == torch.float32
    assert parse("x * 2")(torch.zeros(3, dtype=torch.float64)).dtype == torch.float64
    assert parse("x * 2")([1.0, 2.0]).dtype == torch.get_default_dtype()


def test_autograd_flows_through_the_closures():
    f = parse("x * sigmoid(x)")
    x = X.clone().requires_grad_(True)
    (dy,) = torch.autograd.grad(f(x).sum(), x)
    s = torch.sigmoid(X)
    # autograd's sigmoid backward against the closed form: tol.formula_tol
    bound = tol.formula_tol(
        lambda x: torch.sigmoid(x) * (1 + x * (1 - torch.sigmoid(x))), X, ops=tol.LIBM_ULPS + 6
    )
    torch.testing.assert_close(dy, s + X * s * (1 - s), rtol=0, atol=bound)


def test_values_that_are_not_finite_at_some_points_are_left_to_the_caller():
    y = parse("log(x)")(torch.tensor([-1.0, 0.0, 1.0]))
    assert math.isnan(y[0]) and y[1] == -math.inf and y[2] == 0


HOSTILE = [
    ("__import__('os')", "expr_function"),
    ("__import__('os').system('ls')", "expr_attribute"),
    ("().__class__.__bases__", "expr_attribute"),
    ("().__class__.__bases__[0].__subclasses__()", "expr_attribute"),
    ("x.__class__", "expr_attribute"),
    ("x.real", "expr_attribute"),
    ("open('f')", "expr_function"),
    ("eval('1')", "expr_function"),
    ("exec('x')", "expr_function"),
    ("getattr(x, 'y')", "expr_function"),
    ("[x for x in ()]", "expr_comprehension"),
    ("(x for x in ())", "expr_comprehension"),
    ("{x: 1 for x in ()}", "expr_comprehension"),
    ("lambda: 1", "expr_lambda"),
    ("(lambda: 1)()", "expr_lambda"),
    ("x[0]", "expr_subscript"),
    ("sigmoid(x)[0]", "expr_subscript"),
    ("'text'", "expr_string"),
    ("f'{x}'", "expr_string"),
    ("b'x'", "expr_string"),
    ("9**9**9", "expr_exponent"),
    ("x ** 1000", "expr_exponent"),
    ("1e999", "expr_not_finite"),
    ("1 / 0", "expr_not_finite"),
    ("(-8) ** (1 / 3)", "expr_not_finite"),
    ("sqrt(-1) * x", "expr_not_finite"),
    ("1e300 * 1e300", "expr_not_finite"),
    ("1j", "expr_constant"),
    ("True", "expr_constant"),
    ("None", "expr_constant"),
    ("...", "expr_constant"),
    ("x if x else 1", "expr_construct"),
    ("x < 1", "expr_construct"),
    ("x and 1", "expr_construct"),
    ("(x := 1)", "expr_construct"),
    ("[x, 1]", "expr_construct"),
    ("(x, 1)", "expr_construct"),
    ("{}", "expr_construct"),
    ("x ^ 2", "expr_operator"),
    ("x // 2", "expr_operator"),
    ("x % 2", "expr_operator"),
    ("x @ x", "expr_operator"),
    ("x << 1", "expr_operator"),
    ("~x", "expr_operator"),
    ("not x", "expr_operator"),
    ("sigmoid", "expr_uncalled"),
    ("sigmoid(x, 2)", "expr_arity"),
    ("max(x)", "expr_arity"),
    ("sigmoid(x=1)", "expr_keywords"),
    ("sigmoid(*x)", "expr_construct"),
    ("sigmoid(x)(2)", "expr_call"),
    ("x(2)", "expr_function"),
    ("foo", "expr_name"),
    ("X", "expr_name"),
    ("import os", "expr_syntax"),
    ("x = 1", "expr_syntax"),
    ("x; 1", "expr_syntax"),
    ("x +", "expr_syntax"),
    ("(x", "expr_syntax"),
    ("", "expr_empty"),
    ("   ", "expr_empty"),
    ("x + " * 60 + "x", "expr_too_long"),
    ("(" * 60 + "x" + ")" * 60, "expr_depth"),
    ("-" * 80 + "x", "expr_depth"),
    ("x" + "+x" * 70, "expr_depth"),
    ("ｘ", "expr_character"),  # fullwidth x: Python would normalise it to x
    ("𝐞𝐱𝐩(x)", "expr_character"),  # mathematical bold: would become exp
    ("е * x", "expr_character"),  # Cyrillic e
    ("x\u200b", "expr_character"),  # zero-width space
    ("x\n+ 1", "expr_character"),
    ("x\x00", "expr_character"),
    ("\u202ex", "expr_character"),  # right-to-left override
]


@pytest.mark.parametrize(("text", "code"), HOSTILE)
def test_hostile_and_malformed_input_is_refused_with_a_reason(text, code):
    with pytest.raises(InputError) as error:
        parse(text)
    assert error.value.code == code
    message = str(error.value)
    assert "Allowed:" in message  # what would be valid
    assert len(message) < 600


def test_messages_say_what_and_where():
    with pytest.raises(InputError) as error:
        parse("x + x.__class__")
    assert "'x.__class__' at character 5" in str(error.value)
    assert error.value.params["pos"] == 5
    assert error.value.params["found"] == "x.__class__"


@pytest.mark.timeout(60)  # a hang guard, not a timing (speed is measured in benchmarks/)
def test_every_hostile_formula_is_refused():
    for text, _ in HOSTILE:
        with pytest.raises(InputError):
            parse(text)


def test_parse_and_evaluate_never_call_eval_or_exec(monkeypatch):
    def forbidden(*args, **kwargs):
        raise AssertionError("eval/exec called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    f = parse("x * sigmoid(1.702 * x) + max(x, 0) ** 2 - exp(pi)")
    f(X)
    for text, _ in HOSTILE:
        with pytest.raises(InputError):
            parse(text)


def test_not_text_and_bad_variables():
    with pytest.raises(InputError):
        parse(None)  # type: ignore[arg-type]
    with pytest.raises(InputError):
        parse(b"x")  # type: ignore[arg-type]
    for variables in [(), ("exp",), ("1x",), ("x", "x")]:
        with pytest.raises(InputError):
            parse("x", variables=variables)


def test_the_length_limit_is_200_characters():
    assert MAX_LENGTH == 200
    longest = "x" + " " * 198 + "x"
    assert parse(longest.replace(" ", "+", 1)).text
    with pytest.raises(InputError) as error:
        parse(longest + "+")
    assert error.value.code == "expr_too_long"


# --- junk never raises anything but InputError -------------------------------------------------

TOKENS = [
    "x", "y", "1", "2.5", "1e3", "pi", "e", "+", "-", "*", "/", "**", "(", ")", ",", ".",
    "[", "]", "'", "lambda", ":", " ", *FUNCTIONS, "__class__", "import", "=", "<", "^",
]  # fmt: skip


def _parse_and_run(text: str) -> None:
    try:
        f = parse(text)
    except InputError:
        return
    try:
        y = f(X)
    except InputError:
        return
    assert isinstance(y, torch.Tensor) and y.shape == X.shape


@given(st.text(max_size=250))
def test_arbitrary_text_raises_only_input_errors(text):
    _parse_and_run(text)


@given(st.lists(st.sampled_from(TOKENS), max_size=60).map("".join))
def test_token_soup_raises_only_input_errors(text):
    _parse_and_run(text)


@st.composite
def _formulas(draw, depth=0):
    """Grammatical formulas, to reach evaluation with odd values (overflow, 0/0, log(-1))."""
    if depth > 3 or draw(st.booleans()):
        return draw(st.sampled_from(["x", "pi", "0", "1e3", "-2.5", "1e-300"]))
    kind = draw(st.sampled_from(["unary", "binary", "call"]))
    if kind == "unary":
        return f"-({draw(_formulas(depth + 1))})"
    if kind == "binary":
        op = draw(st.sampled_from(["+", "-", "*", "/", "**"]))
        return f"({draw(_formulas(depth + 1))}) {op} ({draw(_formulas(depth + 1))})"
    name = draw(st.sampled_from(sorted(FUNCTIONS)))
    args = ", ".join(draw(_formulas(depth + 1)) for _ in range(FUNCTIONS[name].arity))
    return f"{name}({args})"


@given(_formulas())
def test_grammatical_formulas_evaluate_or_are_refused(text):
    _parse_and_run(text)


NESTED_CONSTANTS = [
    "sin(exp(1)) * x",
    "exp(exp(0.5))+x",
    "log(2)*tanh(x)",
    "x**2 + pi",
    "-exp(1) * x",
    "(exp(1) + 1) / x",
    "sin(exp(1) + 1) * x",
    "max(exp(1), x)",
    "min(x, 0.1)",
    "sigmoid(exp(0.5))",
]


@pytest.mark.parametrize("text", NESTED_CONSTANTS)
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("shape", [(41,), ()])
def test_rendered_nested_constants_run_warning_free_in_the_input_dtype(text, dtype, shape):
    """Issue 17: sin(exp(1)) * x rendered as torch.tensor(torch.exp(...)), which warns, and a
    float64 constant tensor turned a 0-d float32 input into float64. The rendered code must run
    with warnings as errors, return the input's dtype, and give core's numbers: both round the
    same float64 constants to that dtype, through ops that may round differently in the last
    bit: torch computes Python's c / x as reciprocal(x) * c, two roundings against torch.div's
    one, and x ** 2.0 by a number, not a 0-d tensor. Hence 2 eps of the dtype."""
    x = torch.linspace(0.5, 4.0, 41, dtype=dtype) if shape else torch.tensor(1.7, dtype=dtype)
    f = parse(text)
    code = f.code if not f.constant else f"({f.code}) + 0 * x"
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        value = eval(code, {"torch": torch, "F": F, "math": math, "x": x})  # our own rendering
    assert value.dtype == dtype and value.shape == x.shape
    torch.testing.assert_close(value, f(x), rtol=2 * torch.finfo(dtype).eps, atol=0)
