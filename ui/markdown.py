"""User text inside Markdown: shown as typed, never as a link, an image or formatting.

Streamlit draws messages (``st.warning``, ``st.error``, captions) as Markdown. A value quoted
from a link or a text field (``?seed=x`[Log in](https://evil.example)`x``) must not be able to
close a code span and add a link, an image that every visitor's browser fetches, formatting,
LaTeX or a coloured directive to the lab's own message.
"""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]+")
# Streamlit's frontend links every "http://", "https://", "www." and e-mail address it finds
# in the text after parsing (GFM autolink literals), escapes or not: an invisible word joiner
# (U+2060) inside each of those patterns leaves the text as it reads but no longer a link.
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?=@)", re.IGNORECASE)
_WORD_JOINER = "\u2060"
# Backslash escapes for every character that can open a construct inside a line: emphasis,
# code, links and images, HTML, entities, strike-through, tables, headings, ``$`` maths and
# ``:red[...]`` directives (their ``[``).
_ACTIVE = re.compile(r"([\\`*_\[\]<>&$~|#])")
_BACKTICKS = re.compile("`+")


def _one_line(text: object) -> str:
    return _CONTROL.sub(" ", str(text))


def escaped(text: object) -> str:
    """``text`` as plain Markdown text: every character shows as itself (web and e-mail
    addresses with an invisible word joiner, so that they are not links)."""
    text = _AUTOLINK.sub(_WORD_JOINER, _one_line(text))
    return _ACTIVE.sub(r"\\\1", text)


def literal(text: object) -> str:
    """``text`` as inline code: a fence longer than any run of backticks inside it, so nothing
    in the text can close the span (CommonMark 6.1)."""
    text = _one_line(text) or " "  # an empty span would be two bare backticks
    fence = "`" * (max((len(run) for run in _BACKTICKS.findall(text)), default=0) + 1)
    pad = " " if text.startswith(("`", " ")) or text.endswith(("`", " ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def fill(template: str, params: dict[str, object]) -> str:
    """``template.format(**params)`` for Markdown: a text parameter written in backticks in the
    template (`` `{found}` ``) becomes `literal`, any other text parameter `escaped`; numbers
    keep their format specs (``{value:g}``)."""
    safe: dict[str, object] = {}
    for name, value in params.items():
        if not isinstance(value, str):
            safe[name] = value
            continue
        quoted = f"`{{{name}}}`"
        if quoted in template:
            template = template.replace(quoted, f"{{{name}}}")
            safe[name] = literal(value)
        else:
            safe[name] = escaped(value)
    return template.format(**safe)
