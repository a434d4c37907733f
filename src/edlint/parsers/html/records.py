"""What the HTML reader keeps while reading (an open element) and what it hands back."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...document import Block, ImageBlock, MappedTextBuilder, MetaField, ParseProblem, Span


@dataclass
class _Open:
    """An HTML element still open while the page is read."""

    tag: str
    start: int
    attrs: dict[str, str | None]
    classes: tuple[str, ...]
    block: Block | None = None  # the BLOCKQUOTE container block
    images: list[ImageBlock] | None = None  # a figure's images
    caption_blocks: list[Block] | None = None
    credit: MappedTextBuilder | None = None


@dataclass
class HtmlResult:
    """What the HTML reader found: blocks, metadata, directives, language, problems."""

    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, MetaField] = field(default_factory=dict)
    directives: list[tuple[str, frozenset[str], Span]] = field(default_factory=list)
    language: str | None = None
    problems: list[ParseProblem] = field(default_factory=list)
    head_span: Span | None = None
