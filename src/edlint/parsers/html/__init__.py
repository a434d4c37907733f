"""HTML (CMS exports, saved web pages) and HTML fragments inside Markdown.

Built on the standard library's tokenizer (``html.parser`` with ``convert_charrefs=False``):
it gives the exact line and column of every tag, text run and entity, on minified pages
too. lxml was measured and rejected: line numbers only, ``sourceline`` stops at 65535 and
content nested deeper than ~256 levels silently vanishes. Nesting is tracked on an explicit
stack (no recursion), so a 10,000-level page is read like any other.
"""

from __future__ import annotations

from ...document import BLOCKQUOTE, Document
from .. import ParseOptions
from ..directives import build_suppressions
from .blocks import _article_content
from .images import _px
from .jsonld import _JSONLD_RANK, _jsonld_metadata, _jsonld_names, _jsonld_objects
from .metadata import _canonical
from .records import HtmlResult, _Open
from .text import _add_collapsed, _space_if_blank
from .vocabulary import (
    BIO_CLASS,
    BLOCK_CLOSES_P,
    BLOCK_TAGS,
    BYLINE_CLASS,
    CHROME_CLASS,
    CONTAINERS,
    CREDIT_CLASS,
    IMPLIED_CLOSE,
    JSONLD_TYPES,
    KIND_OF,
    MAX_STACK_SCAN,
    SKIP,
    VOID,
)
from .walker import _Extractor, extract

__all__ = [
    "BIO_CLASS",
    "BLOCK_CLOSES_P",
    "BLOCK_TAGS",
    "BYLINE_CLASS",
    "CHROME_CLASS",
    "CONTAINERS",
    "CREDIT_CLASS",
    "IMPLIED_CLOSE",
    "JSONLD_TYPES",
    "KIND_OF",
    "MAX_STACK_SCAN",
    "SKIP",
    "VOID",
    "_JSONLD_RANK",
    "HtmlResult",
    "_Extractor",
    "_Open",
    "_add_collapsed",
    "_article_content",
    "_canonical",
    "_jsonld_metadata",
    "_jsonld_names",
    "_jsonld_objects",
    "_px",
    "_space_if_blank",
    "extract",
    "parse",
]


def parse(path: str, source: str, options: ParseOptions) -> Document:
    result = extract(source, 0, len(source), fragment=False)
    # Source order: an image inside a paragraph comes after the paragraph's start (blocks
    # are appended when they close); containers before their contents.
    result.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    _canonical(result.metadata)
    doc = Document(
        path=path,
        format="html",
        source=source,
        blocks=result.blocks,
        metadata=result.metadata,
        language=result.language or options.language,
        head_tag_span=result.head_span,
        language_declared=bool(result.language),
    )
    doc.problems.extend(result.problems)
    doc.suppressions = build_suppressions(result.directives, doc.lines)
    return doc
