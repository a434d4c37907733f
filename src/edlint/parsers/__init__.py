"""Reading files into Documents: decoding, format detection, and the parser table.

A parser never raises on bad input: it returns a Document whose ``problems`` say what went
wrong. Parser modules are imported lazily, so linting only Markdown never imports the HTML
parser (and ``edlint --version`` imports neither).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from ..document import Document, ParseProblem, Span

# Extension -> format. Like Vale's format table: one place says what a file is.
FORMATS: dict[str, str] = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".qmd": "markdown",  # Quarto: Markdown with YAML front matter; its code cells are fences
    ".mdx": "markdown",  # MDX (Docusaurus, Next.js, Astro): Markdown, JSX as HTML, import/export lines as code
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
}

_PARSER_MODULES = {"markdown": "markdown", "html": "html", "text": "text"}


@dataclass(frozen=True)
class ParseOptions:
    """What parsers take from config."""

    language: str = "en"
    # Shortcode/template-tag name -> how to read it as an image:
    # {"figure": {"src": "src", "alt": "alt", "caption": "caption", "credit": "attr"}, ...}
    # Keys are argument names, or positions ("1", "2" ...) for positional tags.
    image_shortcodes: dict[str, dict[str, str]] = field(default_factory=dict)


def format_for(path: str) -> str | None:
    dot = path.rfind(".")
    if dot == -1:
        return None
    return FORMATS.get(path[dot:].lower())


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, None) or (None, why it cannot be read as text)."""
    if b"\x00" in data[:8192] or b"\x00" in data:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return None, "file is UTF-16 encoded; save it as UTF-8"
        return None, "binary file (contains NUL bytes); not an article"
    try:
        text = data.decode("utf-8-sig")  # strips a BOM when there is one
    except UnicodeDecodeError as exc:
        return None, (f"file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); save it as UTF-8")
    return text, None


def parse(path: str, source: str, fmt: str, options: ParseOptions | None = None) -> Document:
    """Parse ``source`` as ``fmt``; a parser crash becomes a parse problem, never a traceback."""
    options = options or ParseOptions()
    module = importlib.import_module(f".{_PARSER_MODULES[fmt]}", __name__)
    parse_fn: Callable[[str, str, ParseOptions], Document] = module.parse
    try:
        return parse_fn(path, source, options)
    except RecursionError:
        doc = Document(path=path, format=fmt, source=source)
        doc.problems.append(ParseProblem("document is nested too deeply to parse", Span(0, 0)))
        return doc
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        doc = Document(path=path, format=fmt, source=source)
        doc.problems.append(ParseProblem(f"could not parse file ({type(exc).__name__}: {exc})", Span(0, 0)))
        return doc
