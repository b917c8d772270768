"""A small, safe parser for formulas typed by a user, e.g. ``x * sigmoid(1.702 * x)``.

``parse(text, variables=("x",))`` returns an `Expression`: a callable on tensors (``f(x)``, or
``f(x, y)`` with ``variables=("x", "y")``) built as a tree of closures over torch operations.
The text goes through Python's own parser (``ast.parse(mode="eval")``) and the tree is then
checked node by node against an allow-list: numbers, the named variables, the constants ``pi``
and ``e``, unary ``+ -``, binary ``+ - * / **`` and calls of listed functions with positional
arguments. Nothing is ever passed to ``eval``, ``exec`` or ``compile``; anything else is an
`InputError` that says what was found, where, and what is allowed.

Constant parts (``exp(2)``, ``1/3``) are computed once while parsing, in float64, and must be
finite real numbers: ``1/0``, ``(-8)**(1/3)`` and ``9**9**9`` are refused there, not later.
In the rendered code a constant is a Python float wherever it meets a variable (a torch call
on constants is read out with ``.item()``): a Python number never changes a tensor's dtype.
"""

from __future__ import annotations

import ast
import dataclasses
import math
import threading
from collections.abc import Callable
from dataclasses import dataclass

import torch
import torch.nn.functional as F

from core.errors import InputError
from core.validate import int_in_range

Tensor = torch.Tensor
Env = dict[str, Tensor]
Closure = Callable[[Env, torch.dtype], Tensor]

MAX_LENGTH = 200
MAX_DEPTH = 50
MAX_CONSTANT_EXPONENT = 100.0  # a constant power beyond this overflows anything a chart shows
# A formula is evaluated on at most MAX_VALUES points (after broadcasting): 2 MB per float64
# intermediate, and a 200-character formula has at most ~100 of them, kept by autograd, so
# ~200 MB at most. The pages use at most a 400 x 400 grid.
MAX_VALUES = 250_000


@dataclass(frozen=True)
class Function:
    """An allowed function: how many arguments, its torch op, and code and LaTeX templates."""

    arity: int
    op: Callable[..., Tensor]
    code: str  # Python source for the code panel, a str.format template over a0, a1
    latex: str


def _unary(op: Callable[..., Tensor], code: str, latex: str) -> Function:
    return Function(1, op, code + "({a0})", latex + r"\left({a0}\right)")


FUNCTIONS: dict[str, Function] = {
    "exp": Function(1, torch.exp, "torch.exp({a0})", "e^{{{a0}}}"),
    "log": _unary(torch.log, "torch.log", r"\log"),
    "sqrt": Function(1, torch.sqrt, "torch.sqrt({a0})", r"\sqrt{{{a0}}}"),
    "abs": Function(1, torch.abs, "torch.abs({a0})", r"\left|{a0}\right|"),
    "sin": _unary(torch.sin, "torch.sin", r"\sin"),
    "cos": _unary(torch.cos, "torch.cos", r"\cos"),
    "tanh": _unary(torch.tanh, "torch.tanh", r"\tanh"),
    "erf": _unary(torch.erf, "torch.erf", r"\operatorname{{erf}}"),
    "sigmoid": _unary(torch.sigmoid, "torch.sigmoid", r"\sigma"),
    "relu": _unary(torch.relu, "torch.relu", r"\operatorname{{ReLU}}"),
    "softplus": _unary(F.softplus, "F.softplus", r"\operatorname{{softplus}}"),
    "gelu": _unary(F.gelu, "F.gelu", r"\operatorname{{GELU}}"),
    "silu": _unary(F.silu, "F.silu", r"\operatorname{{SiLU}}"),
    "min": Function(2, torch.minimum, "torch.minimum({a0}, {a1})", r"\min\left({a0}, {a1}\right)"),
    "max": Function(2, torch.maximum, "torch.maximum({a0}, {a1})", r"\max\left({a0}, {a1}\right)"),
}
# name -> (value, Python source, LaTeX)
CONSTANTS: dict[str, tuple[float, str, str]] = {
    "pi": (math.pi, "math.pi", r"\pi"),
    "e": (math.e, "math.e", "e"),
}
_BINARY: dict[type, tuple[Callable[[Tensor, Tensor], Tensor], str]] = {
    ast.Add: (torch.add, "+"),
    ast.Sub: (torch.sub, "-"),
    ast.Mult: (torch.mul, "*"),
    ast.Div: (torch.div, "/"),
    ast.Pow: (torch.pow, "**"),
}
# Forbidden constructs: (their name in messages, error code); others are "expr_construct".
_FORBIDDEN: dict[type, tuple[str, str]] = {
    ast.Attribute: ("attribute access", "expr_attribute"),
    ast.Subscript: ("indexing", "expr_subscript"),
    ast.Lambda: ("lambda", "expr_lambda"),
    ast.ListComp: ("comprehension", "expr_comprehension"),
    ast.SetComp: ("comprehension", "expr_comprehension"),
    ast.DictComp: ("comprehension", "expr_comprehension"),
    ast.GeneratorExp: ("comprehension", "expr_comprehension"),
    ast.JoinedStr: ("text in quotes", "expr_string"),
}
# Operator precedence, as Python reads it: the code panel and LaTeX add only needed brackets.
_ADD, _MUL, _UNARY, _POW, _ATOM = range(5)


@dataclass(frozen=True)
class Expression:
    """A parsed formula: call it with one tensor per variable (positionally or by name).

    ``latex`` and ``code`` render the same tree (code as PyTorch source over the variables, with
    ``torch``, ``F`` and ``math`` imported); ``constant`` is True when no variable occurs in it.
    """

    text: str
    variables: tuple[str, ...]
    latex: str
    code: str
    constant: bool
    _root: Closure

    def __call__(self, *args: object, **kwargs: object) -> Tensor:
        env = self._bind(args, kwargs)
        dtype = _common_dtype(env)
        env = {k: v.to(dtype) for k, v in env.items()}
        try:
            shape = torch.broadcast_shapes(*(v.shape for v in env.values()))
            int_in_range("number of points", shape.numel(), 0, MAX_VALUES)
            return torch.broadcast_to(self._root(env, dtype), shape)
        except (RuntimeError, TypeError) as error:
            raise InputError(
                f"Could not evaluate {self.text!r} on these inputs: {error}.",
                code="expr_eval",
                text=self.text,
            ) from None

    def _bind(self, args: tuple[object, ...], kwargs: dict[str, object]) -> Env:
        names = ", ".join(self.variables)
        extra = set(kwargs) - set(self.variables)
        if len(args) > len(self.variables) or extra:
            raise InputError(
                f"The expression takes the variables {names} only.",
                code="expr_arguments",
                variables=names,
            )
        given = dict(zip(self.variables, args, strict=False)) | kwargs
        if set(given) != set(self.variables):
            raise InputError(
                f"The expression needs a value for each of {names}.",
                code="expr_arguments",
                variables=names,
            )
        return {name: _as_tensor(given[name]) for name in self.variables}


def _as_tensor(value: object) -> Tensor:
    if isinstance(value, Tensor):
        return value
    try:
        return torch.as_tensor(value, dtype=torch.get_default_dtype())
    except (TypeError, ValueError, RuntimeError):
        raise InputError(
            f"Expected a tensor or numbers, got {type(value).__name__}.", code="expr_input"
        ) from None


def _common_dtype(env: Env) -> torch.dtype:
    floating = [v.dtype for v in env.values() if v.is_floating_point()]
    if not floating:
        return torch.get_default_dtype()
    dtype = floating[0]
    for other in floating[1:]:
        dtype = torch.promote_types(dtype, other)
    return dtype


# --- parsing ---------------------------------------------------------------------------------


# One parse at a time: the server parses many students' formulas on its threads, and CPython
# 3.11's AST constructor keeps one recursion counter per interpreter, which two threads can
# corrupt ("SystemError: AST constructor recursion depth mismatch", seen in the tests).
_PARSING = threading.Lock()


def parse(text: str, variables: tuple[str, ...] = ("x",)) -> Expression:
    """Check ``text`` against the grammar and compile it; `InputError` when it does not fit."""
    grammar = _Grammar(tuple(variables))
    if not isinstance(text, str):
        raise InputError(
            f"The formula must be text, got {type(text).__name__}.", code="expr_not_text"
        )
    stripped = text.strip()
    grammar.check_text(stripped)
    try:
        with _PARSING:
            tree = ast.parse(stripped, mode="eval")
    except SyntaxError as error:
        raise grammar.error(
            "expr_syntax",
            f"Could not read the formula at character {error.offset or 1}: {error.msg}.",
            pos=error.offset or 1,
            detail=error.msg,
        ) from None
    except (ValueError, RecursionError, MemoryError):
        raise grammar.error(
            "expr_syntax", "Could not read the formula.", pos=1, detail="invalid input"
        ) from None
    node = _as_number(_Compiler(grammar, stripped).compile(tree.body, depth=1))
    return Expression(stripped, grammar.variables, node.latex, node.code, node.constant, node.fn)


@dataclass(frozen=True)
class _Grammar:
    """What is allowed, and the errors that say so."""

    variables: tuple[str, ...]

    def __post_init__(self) -> None:
        reserved = set(FUNCTIONS) | set(CONSTANTS)
        bad = [v for v in self.variables if not v.isidentifier() or v in reserved]
        if bad or not self.variables or len(set(self.variables)) != len(self.variables):
            raise InputError(
                f"Variables must be distinct plain names, not {', '.join(map(repr, bad))}.",
                code="expr_variables",
            )

    def allowed(self) -> str:
        return (
            f"Allowed: numbers, the variables {', '.join(self.variables)}, the constants pi "
            f"and e, + - * / ** and the functions {', '.join(FUNCTIONS)}."
        )

    def error(self, code: str, message: str, **params: object) -> InputError:
        return InputError(
            f"{message} {self.allowed()}",
            code=code,
            variables=", ".join(self.variables),
            functions=", ".join(FUNCTIONS),
            **params,
        )

    def check_text(self, text: str) -> None:
        """Length, characters and bracket depth, before Python's parser sees the text."""
        if not text:
            raise self.error("expr_empty", "The formula is empty.")
        if len(text) > MAX_LENGTH:
            raise self.error(
                "expr_too_long",
                f"The formula has {len(text)} characters; at most {MAX_LENGTH} are allowed.",
                length=len(text),
                limit=MAX_LENGTH,
            )
        for i, ch in enumerate(text):
            # ASCII only: Python would silently NFKC-normalise look-alike letters into names.
            if not (ch.isascii() and (ch.isprintable() or ch in " \t")):
                raise self.error(
                    "expr_character",
                    f"The character {ch!r} at character {i + 1} is not allowed.",
                    found=repr(ch),
                    pos=i + 1,
                )
        depth = deepest = 0
        for ch in text:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            deepest = max(deepest, depth)
        if deepest > MAX_DEPTH:
            raise self.too_deep()

    def too_deep(self) -> InputError:
        return self.error(
            "expr_depth",
            f"The formula is nested more than {MAX_DEPTH} levels deep.",
            limit=MAX_DEPTH,
        )


@dataclass(frozen=True)
class _Compiled:
    fn: Closure
    code: str
    latex: str
    prec: int
    constant: bool
    tensor: bool = False  # the code is a torch call, not a Python number or variable name
    variable: str | None = None  # a variable the part depends on (None for a constant)


class _Compiler:
    """Walks the checked tree once, producing the closure, its source code and its LaTeX."""

    def __init__(self, grammar: _Grammar, text: str) -> None:
        self.grammar = grammar
        self.text = text

    def compile(self, node: ast.AST, depth: int) -> _Compiled:
        if depth > MAX_DEPTH:
            raise self.grammar.too_deep()
        if isinstance(node, ast.Constant):
            return self._number(node)
        if isinstance(node, ast.Name):
            return self._name(node)
        if isinstance(node, ast.UnaryOp):
            return self._fold(node, self._unary(node, depth))
        if isinstance(node, ast.BinOp):
            return self._fold(node, self._binary(node, depth))
        if isinstance(node, ast.Call):
            return self._fold(node, self._call(node, depth))
        what, code = _FORBIDDEN.get(type(node), (type(node).__name__, "expr_construct"))
        raise self._refuse(code, node, f"{what[0].upper()}{what[1:]} is not allowed")

    # errors

    def _where(self, node: ast.AST) -> tuple[str, int]:
        segment = ast.get_source_segment(self.text, node) or type(node).__name__
        return segment[:40], getattr(node, "col_offset", 0) + 1

    def _refuse(self, code: str, node: ast.AST, message: str, **params: object) -> InputError:
        found, pos = self._where(node)
        return self.grammar.error(
            code, f"{message}: {found!r} at character {pos}.", found=found, pos=pos, **params
        )

    # leaves

    def _number(self, node: ast.Constant) -> _Compiled:
        value = node.value
        if isinstance(value, str | bytes):
            raise self._refuse("expr_string", node, "Text in quotes is not allowed")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._refuse("expr_constant", node, "Only real numbers are allowed")
        try:
            number = float(value)
        except OverflowError:
            number = math.inf
        if not math.isfinite(number):
            raise self._refuse("expr_not_finite", node, "This number is too large")
        return _Compiled(_constant(number), repr(number), _latex_number(number), _ATOM, True)

    def _name(self, node: ast.Name) -> _Compiled:
        name = node.id
        if name in self.grammar.variables:
            return _Compiled(
                lambda env, dtype: env[name], name, name, _ATOM, False, tensor=True, variable=name
            )
        if name in CONSTANTS:
            value, code, latex = CONSTANTS[name]
            return _Compiled(_constant(value), code, latex, _ATOM, True)
        if name in FUNCTIONS:
            raise self._refuse(
                "expr_uncalled", node, f"{name} is a function: write {name}(...)", name=name
            )
        raise self._refuse("expr_name", node, "Unknown name")

    # operators

    def _unary(self, node: ast.UnaryOp, depth: int) -> _Compiled:
        if not isinstance(node.op, ast.UAdd | ast.USub):
            raise self._refuse("expr_operator", node, "This operator is not allowed")
        arg = _as_number(self.compile(node.operand, depth + 1))
        sign = "-" if isinstance(node.op, ast.USub) else "+"
        op = torch.neg if sign == "-" else torch.positive
        code = sign + _bracket(arg, _POW, arg.code, "({})")
        latex = sign + _bracket(arg, _POW, arg.latex, r"\left({}\right)")
        return _Compiled(
            lambda env, dtype: op(arg.fn(env, dtype)),
            code,
            latex,
            _UNARY,
            arg.constant,
            variable=arg.variable,
        )

    def _binary(self, node: ast.BinOp, depth: int) -> _Compiled:
        if type(node.op) not in _BINARY:
            hint = " (use ** for powers)" if isinstance(node.op, ast.BitXor) else ""
            raise self._refuse("expr_operator", node, f"This operator is not allowed{hint}")
        op, symbol = _BINARY[type(node.op)]
        left = _as_number(self.compile(node.left, depth + 1))
        right = _as_number(self.compile(node.right, depth + 1))
        if isinstance(node.op, ast.Pow):
            self._check_exponent(node.right, right)
        prec, code, latex = _render_binary(symbol, left, right)
        return _Compiled(
            lambda env, dtype: op(left.fn(env, dtype), right.fn(env, dtype)),
            code,
            latex,
            prec,
            left.constant and right.constant,
            variable=left.variable or right.variable,
        )

    def _check_exponent(self, node: ast.AST, exponent: _Compiled) -> None:
        if exponent.constant:
            value = float(exponent.fn({}, torch.float64))
            if abs(value) > MAX_CONSTANT_EXPONENT:
                raise self._refuse(
                    "expr_exponent",
                    node,
                    f"Exponents are limited to +-{MAX_CONSTANT_EXPONENT:g}, this one is {value:g}",
                    value=value,
                    limit=MAX_CONSTANT_EXPONENT,
                )

    def _call(self, node: ast.Call, depth: int) -> _Compiled:
        func = node.func
        if not isinstance(func, ast.Name):
            self.compile(func, depth + 1)  # refuses attribute access, lambdas and the like
            raise self._refuse("expr_call", node, "Only the listed functions can be called")
        if func.id not in FUNCTIONS:
            raise self._refuse("expr_function", func, "Unknown function")
        if node.keywords:
            raise self._refuse("expr_keywords", node, "Keyword arguments are not allowed")
        spec = FUNCTIONS[func.id]
        if len(node.args) != spec.arity:
            raise self._refuse(
                "expr_arity",
                node,
                f"{func.id} takes {spec.arity} argument(s), got {len(node.args)}",
                name=func.id,
                arity=spec.arity,
                given=len(node.args),
            )
        args = [self.compile(a, depth + 1) for a in node.args]
        like = next((a.variable for a in args if a.variable), None)
        codes = {f"a{i}": _tensor_code(a, like) for i, a in enumerate(args)}
        latexes = {f"a{i}": a.latex for i, a in enumerate(args)}
        return _Compiled(
            lambda env, dtype: spec.op(*(a.fn(env, dtype) for a in args)),
            spec.code.format(**codes),
            spec.latex.format(**latexes),
            _ATOM,
            like is None,
            tensor=True,
            variable=like,
        )

    def _fold(self, node: ast.AST, compiled: _Compiled) -> _Compiled:
        """A constant part is computed now, once: it must be a finite real number."""
        if not compiled.constant:
            return compiled
        value = float(compiled.fn({}, torch.float64))
        if not math.isfinite(value):
            raise self._refuse(
                "expr_not_finite", node, f"This part evaluates to {value}", value=value
            )
        return dataclasses.replace(compiled, fn=_constant(value))


def _constant(value: float) -> Closure:
    return lambda env, dtype: torch.tensor(value, dtype=dtype)


def _latex_number(number: float) -> str:
    mantissa, _, exponent = f"{number:.6g}".partition("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}" if exponent else mantissa


def _as_number(part: _Compiled) -> _Compiled:
    """A constant torch call as a Python float (``.item()``), for the operators: a float64
    tensor would turn a 0-d float32 tensor it meets into float64, a Python float never does."""
    if part.constant and part.tensor:
        return dataclasses.replace(part, code=f"{part.code}.item()", tensor=False)
    return part


def _tensor_code(arg: _Compiled, like: str | None) -> str:
    """Torch functions take tensors. A constant argument beside a variable one becomes a tensor
    of that variable's dtype (``like.new_tensor``), as core evaluates it; among constants only,
    a float64 tensor (a torch call already is one: wrapping it again would copy it, with a
    warning)."""
    if not arg.constant or (arg.tensor and like is None):
        return arg.code
    if like is not None:
        return f"{like}.new_tensor({_as_number(arg).code})"
    return f"torch.tensor({arg.code}, dtype=torch.float64)"


def _bracket(node: _Compiled, at_least: int, text: str, template: str) -> str:
    return text if node.prec >= at_least else template.format(text)


def _render_binary(symbol: str, left: _Compiled, right: _Compiled) -> tuple[int, str, str]:
    """Precedence, code and LaTeX of ``left symbol right``, bracketed as Python reads it."""
    code_br, tex_br = "({})", r"\left({}\right)"
    if symbol == "**":
        # Right-associative, and binds tighter than a unary minus on its left: (-x)**2.
        base, power = _bracket(left, _ATOM, left.code, code_br), right.code
        code = f"{base} ** {_bracket(right, _UNARY, power, code_br)}"
        latex = f"{{{_bracket(left, _ATOM, left.latex, tex_br)}}}^{{{right.latex}}}"
        return _POW, code, latex
    if symbol in "*/":
        # Left-associative: a right operand of the same level keeps its brackets, as in a/(b*c).
        lhs, rhs = _bracket(left, _MUL, left.code, code_br), right.code
        code = f"{lhs} {symbol} {_bracket(right, _UNARY, rhs, code_br)}"
        if symbol == "/":
            latex = rf"\frac{{{left.latex}}}{{{right.latex}}}"
        else:
            lhs = _bracket(left, _MUL, left.latex, tex_br)
            rhs = _bracket(right, _POW, right.latex, tex_br) if right.prec != _MUL else right.latex
            latex = rf"{lhs} \cdot {rhs}"
        return _MUL, code, latex
    code = f"{left.code} {symbol} {_bracket(right, _MUL, right.code, code_br)}"
    rhs = right.latex if symbol == "+" or right.prec > _ADD else rf"\left({right.latex}\right)"
    rhs = rf"\left({rhs}\right)" if right.prec == _UNARY else rhs
    return _ADD, code, f"{left.latex} {symbol} {rhs}"
