"""Markdown with YAML (or TOML) front matter, through markdown-it-py (CommonMark + tables).

markdown-it gives block tokens with line maps but inline tokens without positions, so the
inline walk below finds each text token in the source, moving forward only; that gives every
prose character its exact source offset even after emphasis, links, entities and escapes are
stripped. Before parsing, front matter and static-site shortcodes are blanked out (replaced by
spaces, line breaks kept) so markdown-it never reads them as prose and line numbers survive.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from ...document import BLOCKQUOTE, CODE, Block, Document, ParseProblem, Span
from ...text.patterns import lazy
from .. import ParseOptions
from ..directives import build_suppressions
from ..frontmatter import mdx_metadata, split_front_matter
from ..shortcodes import DEFAULT_IMAGE_SHORTCODES, code_tag_regions, find_shortcodes, mark_shortcode_bodies
from .blocks import _Walker
from .inline import OBJECT
from .masking import _code_regions, _defuse_brackets, _mask, esm_spans, html_comment_spans, pre_spans

__all__ = ["MAX_NESTING", "OBJECT", "_code_regions", "_defuse_brackets", "parse"]

_MD = None


def _parser() -> Any:
    global _MD
    if _MD is None:
        from markdown_it import MarkdownIt

        # text_join off: entities and escapes stay separate tokens that keep their markup,
        # which the inline walk needs to find them in the source.
        # maxNesting: CommonMark's preset stops at 20 levels and silently drops what is deeper;
        # 100 keeps real articles whole and stays far from Python's recursion limit. Deeper
        # nesting is reported as a parse problem (see _nesting_problem).
        _MD = (
            MarkdownIt("commonmark", {"html": True, "maxNesting": MAX_NESTING})
            .enable(["table", "strikethrough"])
            .disable("text_join")
        )
    return _MD


MAX_NESTING = 100
# A line opening with a long run of blockquote/list markers: one character class, one
# quantifier (linear), then the markers in that prefix are counted.
_DEEP_PREFIX = lazy(rf"^[ \t>*+\-\d.)]{{{MAX_NESTING},}}", re.M)
# A list marker is followed by a space; a run of "-" or "+" is a rule or a grid table's
# border (Pandoc, Quarto), not nesting.
_MARKER = lazy(r">|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])")


def parse(path: str, source: str, options: ParseOptions) -> Document:
    doc = Document(path=path, format="markdown", source=source, language=options.language)
    body_start = 0
    fm = split_front_matter(source)
    if fm is not None:
        doc.frontmatter_span = fm.span
        doc.metadata = fm.fields
        body_start = fm.body_start
        if fm.problem:
            fatal = fm.body_start >= len(source)  # unclosed: nothing can be read
            span = fm.problem_span if fm.problem_span is not None else Span(0, 3)
            doc.problems.append(ParseProblem(fm.problem, span, fatal=fatal))
            if fatal:
                return doc
    if fm is None and path.lower().endswith(".mdx"):
        doc.metadata = mdx_metadata(source)
    lang = doc.meta("lang", "language", "locale")
    if isinstance(lang, str) and lang.strip():
        doc.language = lang.strip()
        doc.language_declared = True

    code_regions = _code_regions(source, body_start)
    shortcodes = find_shortcodes(source, body_start, exclude=code_regions)
    # Code wrapped in template tags ({% highlight %}): code, not prose, for every rule.
    code_tags = code_tag_regions(shortcodes)
    if code_tags:
        inside = [body for _sc, body in code_tags]
        shortcodes = [sc for sc in shortcodes if not any(b.start <= sc.span.start < b.end for b in inside)]
    esm = esm_spans(source, body_start, code_regions) if path.lower().endswith(".mdx") else []
    pres = [p for p in pre_spans(source, body_start, code_regions) if p.end > p.start]
    if pres:
        shortcodes = [sc for sc in shortcodes if not any(p.start <= sc.span.start < p.end for p in pres)]
    if shortcodes and "<!--" in source:
        # A figure left inside an HTML comment (a draft's discarded copy) is not on the page.
        comments = html_comment_spans(source, body_start, code_regions)
        starts = [c.start for c in comments]
        shortcodes = [
            sc
            for sc in shortcodes
            if (k := bisect_right(starts, sc.span.start) - 1) < 0 or sc.span.start >= comments[k].end
        ]
    mask_spans = sorted(
        [sc.span for sc in shortcodes] + [body for _sc, body in code_tags] + esm + pres, key=lambda sp: sp.start
    )
    masked = _defuse_brackets(_mask(source, body_start, mask_spans), body_start)
    walker = _Walker(doc, masked, options)
    walker.mask_spans = mask_spans
    walker.mask_starts = [sp.start for sp in walker.mask_spans]
    image_codes = {**DEFAULT_IMAGE_SHORTCODES, **options.image_shortcodes}
    walker.shortcode_blocks(shortcodes, image_codes)
    for sc, body in code_tags:
        doc.blocks.append(Block(kind=CODE, span=body, attrs={"info": str(sc.arg("1")[0]) if sc.arg("1") else ""}))
    for body in pres:
        doc.blocks.append(Block(kind=CODE, span=body, attrs={"info": "pre"}))
    walker.walk(_parser().parse(masked))
    if len(source) > MAX_NESTING * 2:
        deep = next(
            (
                m
                for m in _DEEP_PREFIX.finditer(masked, body_start)
                if len(_MARKER.findall(m.group())) >= MAX_NESTING - 2
            ),
            None,
        )
        if deep is not None:
            doc.problems.append(
                ParseProblem(
                    f"Markdown nested deeper than {MAX_NESTING} levels (blockquotes or lists); "
                    "the deeper text is not checked",
                    Span(deep.start(), deep.start()),
                    fatal=False,
                )
            )
    walker.frontmatter_image()
    doc.blocks.sort(key=lambda b: (b.span.start, 0 if b.kind == BLOCKQUOTE else 1))
    if shortcodes:
        mark_shortcode_bodies(doc.blocks, shortcodes)
    doc.suppressions = build_suppressions(walker.directives, doc.lines)
    return doc
