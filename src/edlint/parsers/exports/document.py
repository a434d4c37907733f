"""One export item -> one Document: the post's HTML as the body, its fields as metadata.

The Document's source is the post's HTML followed by its title, excerpt and byline, each on
its own lines (so metadata findings have a span too); only the HTML is read as blocks. Its
line index answers in the export file's lines and columns (positions.ExportLineIndex).
"""

from __future__ import annotations

from typing import Any

from ...document import Document, MetaField, Span
from .positions import PieceBuilder

# Field -> metadata key, in the order they follow the body.
TRAILER_FIELDS = (("title", "title"), ("excerpt", "description"), ("author", "author"), ("date", "date"))


def build_document(
    path: str,
    body: PieceBuilder,
    fields: dict[str, PieceBuilder],
    extra: dict[str, Any],
    language: str | None,
) -> Document:
    """``fields``: title, excerpt, author, date (each with its positions); ``extra``: plain
    metadata (slug, categories, tags, attachments ...)."""
    from ..directives import build_suppressions
    from ..html import BLOCKQUOTE, _canonical, extract

    source_builder = PieceBuilder()
    # The body's runs, then each field's, copied with their positions.
    _append(source_builder, body)
    body_end = len(source_builder)
    spans: dict[str, Span] = {}
    for name, _key in TRAILER_FIELDS:
        piece = fields.get(name)
        if piece is None or not piece.text().strip():
            continue
        source_builder.add_gap("\n\n")
        start = len(source_builder)
        _append(source_builder, piece)
        spans[name] = Span(start, len(source_builder))
    source = source_builder.text()
    result = extract(source, 0, body_end, fragment=False)
    result.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    metadata: dict[str, MetaField] = {}
    for name, key in TRAILER_FIELDS:
        if name in spans:
            span = spans[name]
            metadata[key] = MetaField(key, source[span.start : span.end].strip(), span, span, "frontmatter")
    for key, value in extra.items():
        if value not in (None, "", [], {}):
            metadata[key] = MetaField(key, value, Span(0, 0), Span(0, 0), "frontmatter")
    # The body's own <meta>/JSON-LD, if a post embeds any, only where the export says nothing.
    for key, f in result.metadata.items():
        metadata.setdefault(key, f)
    _canonical(metadata)
    doc = Document(
        path=path,
        format="html",
        source=source,
        blocks=result.blocks,
        metadata=metadata,
        language=language or result.language or "en",
        language_declared=False,
    )
    doc._lines = source_builder.index(source)
    doc.problems.extend(result.problems)
    doc.suppressions = build_suppressions(result.directives, doc.lines)
    return doc


def _append(target: PieceBuilder, piece: PieceBuilder) -> None:
    for text, line, column, verbatim in piece.runs():
        target.add(text, line, column, verbatim=verbatim)
