"""HTML (CMS exports, saved web pages) and HTML fragments inside Markdown.

Built on the standard library's tokenizer (``html.parser`` with ``convert_charrefs=False``):
it gives the exact line and column of every tag, text run and entity, on minified pages
too. lxml was measured and rejected: line numbers only, ``sourceline`` stops at 65535 and
content nested deeper than ~256 levels silently vanishes. Nesting is tracked on an explicit
stack (no recursion), so a 10,000-level page is read like any other.
"""

from __future__ import annotations

from ...document import BLOCKQUOTE, SHORTCODE, Block, Document, ParseProblem, Span
from .. import ParseOptions
from ..directives import build_suppressions
from ..frontmatter import FrontMatter, split_front_matter
from ..shortcodes import find_shortcodes, mark_shortcode_bodies
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
    fm = split_front_matter(source) if source.lstrip()[:3] in ("---", "+++") else None
    if fm is not None:
        return _parse_content_page(path, source, options, fm)
    # A page holding template tags ({% trans "…" %}, {{ page.title }}) is a template or was
    # saved from one: the tags are not prose.
    tags = find_shortcodes(source, 0) if "{%" in source or "{{" in source else []
    result = extract(_masked(source, tags), 0, len(source), fragment=False)
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


def _parse_content_page(path: str, source: str, options: ParseOptions, fm: FrontMatter) -> Document:
    """An HTML content file of a site generator (Hugo ``content/…/index.html``, a Jekyll
    page in HTML): front matter at the top, then an HTML fragment in which template tags
    (``{{< case-studies/quote author="…" >}}``) are tags, not prose."""
    doc = Document(path=path, format="html", source=source, language=options.language)
    doc.frontmatter_span = fm.span
    doc.metadata = fm.fields
    if fm.problem:
        fatal = fm.body_start >= len(source)
        doc.problems.append(ParseProblem(fm.problem, fm.problem_span or Span(0, 3), fatal=fatal))
        if fatal:
            return doc
    start = fm.body_start
    tags = find_shortcodes(source, start)
    result = extract(_masked(source, tags), start, len(source), fragment=True)
    for sc in tags:
        args = {k: v for k, (v, _) in sc.args.items()}
        result.blocks.append(
            Block(kind=SHORTCODE, span=sc.span, attrs={"name": sc.name, "closing": sc.closing, "args": args})
        )
    result.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    mark_shortcode_bodies(result.blocks, tags)
    doc.blocks = result.blocks
    lang = doc.meta("lang", "language", "locale")
    if isinstance(lang, str) and lang.strip():
        doc.language, doc.language_declared = lang.strip(), True
    doc.problems.extend(result.problems)
    doc.suppressions = build_suppressions(result.directives, doc.lines)
    return doc


def _masked(source: str, tags: list) -> str:
    """``source`` with each template tag blanked: same length, same line breaks, so every
    offset still points into the real source."""
    if not tags:
        return source
    pieces, pos = [], 0
    for sc in tags:
        if sc.span.start < pos:
            continue
        pieces.append(source[pos : sc.span.start])
        pieces.append("".join(c if c in "\r\n" else " " for c in source[sc.span.start : sc.span.end]))
        pos = sc.span.end
    pieces.append(source[pos:])
    return "".join(pieces)
