"""Inline suppression directives, shared by every format.

    <!-- edlint-disable rule-a rule-b -->   ... until <!-- edlint-enable --> (or the end)
    <!-- edlint-disable-next-line rule-a -->
    <!-- edlint-disable-file rule-a -->

Plain text has no comments, so there a line consisting only of the directive, in the
form ``[edlint-disable rule-a]``, does the same (the HTML comment form works too).
No rule ids means every rule.
"""

from __future__ import annotations

import re

from ..document import LineIndex, Span, Suppression

DIRECTIVE = re.compile(r"^\s*edlint-(disable-next-line|disable-file|disable|enable)\b([^\n]*?)\s*$")
TEXT_DIRECTIVE = re.compile(
    r"^[ \t]*\[edlint-(disable-next-line|disable-file|disable|enable)\b([^\]\n]*)\][ \t]*$",
    re.M,
)


def parse_directive(comment_body: str) -> tuple[str, frozenset[str]] | None:
    m = DIRECTIVE.match(comment_body)
    if not m:
        return None
    ids = frozenset(t for t in re.split(r"[\s,]+", m.group(2).strip()) if t)
    return m.group(1), ids


def build_suppressions(directives: list[tuple[str, frozenset[str], Span]], lines: LineIndex) -> list[Suppression]:
    """Turn directives in source order into line ranges."""
    out: list[Suppression] = []
    open_blocks: list[tuple[frozenset[str], Span]] = []
    last_line = lines.line_count - 1

    def close(ids: frozenset[str], span: Span, end_line: int) -> None:
        out.append(Suppression(ids, lines.line_of(span.start), end_line, span, "disable"))

    for kind, ids, span in directives:
        line = lines.line_of(span.start)
        if kind == "disable-next-line":
            end_line = lines.line_of(span.end)
            out.append(Suppression(ids, end_line + 1, end_line + 1, span, kind))
        elif kind == "disable-file":
            out.append(Suppression(ids, 0, last_line, span, kind))
        elif kind == "disable":
            open_blocks.append((ids, span))
        elif kind == "enable":
            remaining = []
            for open_ids, open_span in open_blocks:
                # `enable` with ids closes only those; bare `enable` closes all.
                if not ids or open_ids & ids or (not open_ids and not ids):
                    close(open_ids, open_span, line)
                else:
                    remaining.append((open_ids, open_span))
            open_blocks = remaining
    for open_ids, open_span in open_blocks:
        close(open_ids, open_span, last_line)
    return out


def text_directives(source: str) -> list[tuple[str, frozenset[str], Span]]:
    out = []
    for m in TEXT_DIRECTIVE.finditer(source):
        ids = frozenset(t for t in re.split(r"[\s,]+", m.group(2).strip()) if t)
        out.append((m.group(1), ids, Span(m.start(), m.end())))
    return out


def comment_directive(comment_body: str, span: Span) -> tuple[str, frozenset[str], Span] | None:
    parsed = parse_directive(comment_body)
    if parsed is None:
        return None
    return parsed[0], parsed[1], span
