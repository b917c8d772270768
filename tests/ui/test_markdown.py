"""User text inside Markdown shows as typed: no link, image, formatting or code span escape."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ui import markdown
from ui.markdown import escaped, fill, literal

# CommonMark with GFM's autolink literals (http://, https://, www., e-mail), as Streamlit's
# frontend draws Markdown.
MD = MarkdownIt("gfm-like")
MD.linkify.set({"fuzzy_link": False})
JOINER = "\u2060"  # what `escaped` puts inside web and e-mail addresses; invisible
HOSTILE = [
    "x`[Log in again](https://evil.example)`x",
    "![](https://tracker.example/s.png)",
    "https://evil.example www.evil.example mail@evil.example HTTPS://EVIL.EXAMPLE",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ ~~gone~~ $x^2$ :red[alert] :material/home:",
    "`` ``` ` ",
    "line\nbreak\r\n# heading",
    "[a]: https://evil.example\n[a]",
    "\\`escaped\\`",
]
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


def _inline(text: str):
    blocks = MD.parse(text)
    assert [b.type for b in blocks] == ["paragraph_open", "inline", "paragraph_close"], text
    return blocks[1].children


def _shown(text: str) -> str:
    """What a reader sees: the text of every inline token, code spans included."""
    return "".join(t.content for t in _inline(text) if t.type in ("text", "code_inline"))


def _one_line(text: str) -> str:
    return markdown._CONTROL.sub(" ", text)


@given(TEXT)
def test_escaped_text_reads_as_typed_and_makes_no_markup(text):
    shown_text = _one_line(text)
    if not shown_text.strip():
        return  # Markdown drops a paragraph of spaces; nothing to show either way
    tokens = _inline("x " + escaped(text) + " x")
    assert {t.type for t in tokens} <= {"text", "softbreak"}
    shown = _shown("x " + escaped(text) + " x").replace(JOINER, "")
    assert shown == "x " + shown_text.replace(JOINER, "") + " x"


@given(TEXT)
def test_literal_is_one_code_span_that_holds_the_text(text):
    tokens = [t for t in _inline("x " + literal(text) + " x") if t.type != "text"]
    assert [t.type for t in tokens] == ["code_inline"]
    shown = _one_line(text)
    # CommonMark strips one space at each end of a code span that has one at both ends.
    assert tokens[0].content in (shown, shown[1:-1]) or shown.strip() == ""


def test_hostile_values_become_neither_links_nor_images():
    for text in HOSTILE:
        for rendered in (escaped(text), literal(text)):
            types = {t.type for t in _inline("Got " + rendered + ".")}
            assert not types & {"link_open", "image", "html_inline", "strong_open", "em_open"}


def test_fill_quotes_backticked_text_as_code_and_escapes_the_rest():
    out = fill(
        "**{key}** set to `{value}`, using {used:g}",
        {"key": "a_b", "value": "x`[y](https://evil.example)`", "used": 2.5},
    )
    assert out == r"**a\_b** set to `` x`[y](https://evil.example)` ``, using 2.5"
    assert _shown(out) == "a_b set to x`[y](https://evil.example)`, using 2.5"
