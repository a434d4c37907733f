"""Plain text (pasted from a web page): paragraphs split on blank lines.

Recognised line types: caption/credit lines ("Image Credit: ...", "Photo: ...",
"(Photo: ...)") which stand for an image, byline lines ("By Jane Doe", "Written By"),
and suppression directives (``[edlint-disable rule]`` on a line of its own).
"""

from __future__ import annotations

import re

from ..document import (
    BYLINE,
    CAPTION,
    COMMENT,
    HEADING,
    PARAGRAPH,
    Block,
    Document,
    ImageBlock,
    MappedTextBuilder,
    Span,
    slice_mapped,
)
from ..text.bylines import is_byline
from ..text.credits import find_credit_marker
from . import ParseOptions
from .directives import TEXT_DIRECTIVE, build_suppressions, text_directives

_NL = r"(?:\r\n|\n|\r(?!\n))"
_PARAGRAPH_BREAK = re.compile(rf"{_NL}[ \t]*{_NL}(?:[ \t]*{_NL})*")
_LINE_BREAK = re.compile(rf"[ \t]*{_NL}[ \t]*")
MAX_CAPTION_WORDS = 60


def parse(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, format="text", source=source, language=options.language)
    directive_spans = {(m.start(), m.end()) for m in TEXT_DIRECTIVE.finditer(source)}
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(source):
        _paragraph(doc, source, pos, m.start(), directive_spans)
        pos = m.end()
    _paragraph(doc, source, pos, len(source), directive_spans)
    doc.suppressions = build_suppressions(text_directives(source), doc.lines)
    return doc


def _paragraph(doc: Document, source: str, start: int, end: int, directives: set) -> None:
    # Trim surrounding whitespace.
    while start < end and source[start] in " \t\r\n":
        start += 1
    while end > start and source[end - 1] in " \t\r\n":
        end -= 1
    if start >= end:
        return
    # Directive lines are comments, not prose; a paragraph may mix them with text lines.
    builder = MappedTextBuilder()
    line_start = start
    prev_break = (start, start)
    for lb in list(_LINE_BREAK.finditer(source, start, end)) + [None]:
        line_end = lb.start() if lb else end
        if (line_start, line_end) in directives or _is_directive(source, line_start, line_end, directives):
            doc.blocks.append(Block(kind=COMMENT, span=Span(line_start, line_end)))
        else:
            if len(builder):
                builder.add(" ", prev_break[0], prev_break[1])  # the line break reads as a space
            builder.add(source[line_start:line_end], line_start)
        if lb is None:
            break
        prev_break = (lb.start(), lb.end())
        line_start = lb.end()
    if not len(builder):
        return
    text = builder.build()
    span = text.span
    words = text.text.split()
    if len(words) <= 8 and is_byline(text.text):
        doc.blocks.append(Block(kind=BYLINE, span=span, text=text))
        return
    marker = find_credit_marker(text.text) if len(words) <= MAX_CAPTION_WORDS else None
    if marker is not None:
        credit = slice_mapped(text, marker, len(text.text))
        caption_block = Block(kind=CAPTION, span=span, text=text)
        image = ImageBlock(
            span=span, origin="text", caption=text, credit=credit, attrs={"caption_line": True}
        )
        caption_block.parent = image
        doc.blocks.append(image)
        doc.blocks.append(caption_block)
        return
    kind = PARAGRAPH
    # A short line with no closing punctuation at the very top reads as the headline.
    if not doc.blocks and len(words) <= 16 and "\n" not in source[start:end] and not text.text.endswith((".", ":", "?", "!", "”", '"')):
        kind = HEADING
    doc.blocks.append(Block(kind=kind, span=span, text=text, level=1 if kind == HEADING else 0))


def _is_directive(source: str, start: int, end: int, directives: set) -> bool:
    line = source[start:end].strip()
    return line.startswith("[edlint-") and any(s <= start and end <= e for s, e in directives)
