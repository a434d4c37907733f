"""What is done to the source before markdown-it reads it: front matter and shortcodes blanked
out (offsets kept), code regions found so template tags shown as code are not shortcodes, and
runs of unmatched brackets defused. Every scan here is linear in the source."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from ...document import Span
from ...text.patterns import lazy

_NON_BREAK = lazy(r"[^\r\n]")
_LINK_TARGET_BEFORE = lazy(r"(?:\]\(\s*|^\s*\[[^\]\n]+\]:\s*)$")


_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})[^\n]*$", re.M)
_BACKTICKS = lazy(r"`+")
# What bracket defusing looks at: an escape, a bracket, a blank line (a paragraph ends).
_BRACKET_EVENT = lazy(r"\\.|[\[\]]|\n[ \t]*(?=\n)")


def _code_regions(source: str, start: int) -> list[Span]:
    """Fenced code blocks and inline code spans, found before parsing, so template tags shown
    as code (a how-to post about shortcodes) are not read as the page's own shortcodes."""
    if "`" not in source and "~~~" not in source:
        return []
    regions: list[Span] = []
    opened: re.Match[str] | None = None
    for m in _FENCE.finditer(source, start):
        if opened is None:
            opened = m
        elif m.group(1)[0] == opened.group(1)[0] and len(m.group(1)) >= len(opened.group(1)):
            regions.append(Span(opened.start(), m.end()))
            opened = None
    if opened is not None:
        regions.append(Span(opened.start(), len(source)))
    if "`" in source:
        fence_starts = [r.start for r in regions]
        fences = list(regions)
        for span_start, span_end in _code_spans(source, start):
            k = bisect_right(fence_starts, span_start) - 1
            if k < 0 or span_start >= fences[k].end:  # fences do not overlap: the last one before decides
                regions.append(Span(span_start, span_end))
    return regions


def _code_spans(source: str, start: int) -> Iterator[tuple[int, int]]:
    """Inline code spans on one line each: a run of backticks opens, and the next run of the
    same length on its line closes (CommonMark); a run with no such partner is text.

    Linear: each run's next partner is found once, from the right. A pattern that tried every
    run against the rest of its line took 44 s on a line of 80 KB of backtick runs."""
    runs = [(m.start(), m.end()) for m in _BACKTICKS.finditer(source, start)]
    if len(runs) < 2:
        return
    # The line of each run: runs are in text order, so count the line breaks in between.
    lines = []
    line, prev = 0, start
    for a, _ in runs:
        line += source.count("\n", prev, a)
        prev = a
        lines.append(line)
    partner = [-1] * len(runs)
    last: dict[tuple[int, int], int] = {}
    for i in range(len(runs) - 1, -1, -1):
        key = (lines[i], runs[i][1] - runs[i][0])
        partner[i] = last.get(key, -1)
        last[key] = i
    i = 0
    while i < len(runs):
        j = partner[i]
        if j == -1:
            i += 1
            continue
        yield runs[i][0], runs[j][1]
        i = j + 1


# More unmatched '[' than this in one paragraph is no article: see _defuse_brackets.
MAX_UNMATCHED_BRACKETS = 16
_DEFUSED_BRACKET = "\u2045"  # ⁅: text to the parser, and to every rule


def _defuse_brackets(masked: str, start: int) -> str:
    """Replace the unmatched '[' of a paragraph that holds more than
    MAX_UNMATCHED_BRACKETS of them (one character for one: offsets are kept).

    markdown-it looks for the end of a link's text from every '[', up to the nesting limit
    deep, so a page of unmatched '[' costs about MAX_NESTING steps per bracket (2 MB took
    92 s). An unmatched '[' opens no link; so many of them are no article, and what a rule
    reads there does not matter."""
    if masked.count("[", start) <= MAX_UNMATCHED_BRACKETS:
        return masked
    defuse: list[int] = []
    stack: list[int] = []

    def end_paragraph() -> None:
        if len(stack) > MAX_UNMATCHED_BRACKETS:
            defuse.extend(stack)
        stack.clear()

    for m in _BRACKET_EVENT.finditer(masked, start):
        c = masked[m.start()]
        if c == "[":
            stack.append(m.start())
        elif c == "]":
            if stack:
                stack.pop()
        elif c == "\n":
            end_paragraph()
    end_paragraph()
    if not defuse:
        return masked
    pieces, pos = [], 0
    for at in sorted(defuse):
        pieces += (masked[pos:at], _DEFUSED_BRACKET)
        pos = at + 1
    pieces.append(masked[pos:])
    return "".join(pieces)


def _mask(source: str, body_start: int, spans: list[Span]) -> str:
    """Blank out front matter and shortcodes, keeping every line break (and so every offset).

    A shortcode alone on its lines becomes spaces (a blank line, as it reads). One with text
    after it on its line becomes no-break spaces, so that text is not pushed into an indented
    code block. One that is a link destination becomes letters, so the link stays a link.
    """
    if body_start == 0 and not spans:
        return source
    pieces = [_NON_BREAK.sub(" ", source[:body_start])]
    pos = body_start
    for span in spans:
        if span.start < pos or span.end <= span.start:
            continue
        pieces.append(source[pos : span.start])
        line_start = source.rfind("\n", 0, span.start) + 1
        line_end = source.find("\n", span.end)
        line_end = len(source) if line_end == -1 else line_end
        if _LINK_TARGET_BEFORE.search(source[line_start : span.start]):
            fill = "x"
        elif source[span.end : line_end].strip() or _inside_html_block(source, line_start, line_end):
            fill = "\u00a0"
        else:
            fill = " "
        pieces.append(_NON_BREAK.sub(fill, source[span.start : span.end]))
        pos = span.end
    pieces.append(source[pos:])
    return "".join(pieces)


def _inside_html_block(source: str, line_start: int, line_end: int) -> bool:
    """The line before is an HTML tag line and the line after is not blank."""
    if line_start == 0 or line_end >= len(source):
        return False
    prev_start = source.rfind("\n", 0, line_start - 1) + 1
    before = source[prev_start : line_start - 1].strip()
    next_end = source.find("\n", line_end + 1)
    after = source[line_end + 1 : len(source) if next_end == -1 else next_end].strip()
    return before.startswith("<") and not before.startswith("</") and bool(after)


# MDX: ES module lines at the top level ("import Chart from '../chart'", "export const meta =
# {…}") are code, not prose. A statement runs to the next blank line.
_ESM_STATEMENT = lazy(r"^(?:import|export)\b[^\n]*(?:\n(?![ \t]*\n)[^\n]*){0,200}", re.M)


def esm_spans(source: str, start: int, code: list[Span]) -> list[Span]:
    """The ``import``/``export`` statements of an MDX file (outside fenced code)."""
    if "import" not in source and "export" not in source:
        return []
    out: list[Span] = []
    for m in _ESM_STATEMENT.finditer(source, start):
        if any(c.start <= m.start() < c.end for c in code):
            continue
        out.append(Span(m.start(), m.end()))
    return out


_PRE_OPEN = lazy(r"<pre\b[^>\n]{0,500}>", re.I)
_PRE_CLOSE = lazy(r"</pre\s*>", re.I)


def pre_spans(source: str, start: int, code: list[Span]) -> list[Span]:
    """Raw HTML ``<pre>`` … ``</pre>`` in Markdown (posts converted from HTML, highlighted
    listings): code, even where a blank line inside it ends markdown-it's HTML block and
    the rest would be read as paragraphs. Outside fenced code; linear."""
    if "<pre" not in source and "<PRE" not in source:
        return []
    out: list[Span] = []
    pos = start
    while True:
        m = _PRE_OPEN.search(source, pos)
        if m is None:
            break
        if any(c.start <= m.start() < c.end for c in code):
            pos = m.end()
            continue
        close = _PRE_CLOSE.search(source, m.end())
        if close is None:
            break
        out.append(Span(m.end(), close.start()))
        pos = close.end()
    return out


_COMMENT_OPEN = lazy(r"<!--")


def html_comment_spans(source: str, start: int, code_regions: list[Span]) -> list[Span]:
    """The HTML comments of the body (``<!-- … -->``, an unclosed one to the end), outside
    code. Linear: each comment's end is found once."""
    spans: list[Span] = []
    pos = start
    code = sorted(code_regions, key=lambda c: c.start)
    code_starts = [c.start for c in code]
    while (m := _COMMENT_OPEN.search(source, pos)) is not None:
        k = bisect_right(code_starts, m.start()) - 1
        if k >= 0 and m.start() < code[k].end:
            pos = m.end()
            continue
        end = source.find("-->", m.end())
        end = len(source) if end < 0 else end + 3
        spans.append(Span(m.start(), end))
        pos = end
    return spans
