"""Code actions as plain edits on code-point offsets (the server turns them into LSP edits).

- a finding's fix: ``quickfix``; a safe fix is the preferred action, an unsafe one says
  "(unsafe: check it)", a suggestion says "(suggestion)";
- "Disable RULE for this line": the documented suppression comment, written so it does not
  change what the article renders (see :func:`disable_for_line`);
- "Disable RULE in this file": ``edlint-disable-file`` after the front matter;
- "Fix all safe problems in this file" (``source.fixAll.edlint``) is the session's
  :meth:`~edlint.lsp.session.Session.fix_all`, made into one edit by :func:`minimal_edit`.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from ..document import LineIndex
from ..policy import ALWAYS_ON
from ..results import Diagnostic
from ..rules.base import Applicability

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n.*?^(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S | re.M)


class TextEdit(NamedTuple):
    start: int
    end: int
    replacement: str


class Action(NamedTuple):
    title: str
    kind: str  # quickfix | source.fixAll.edlint
    edits: tuple[TextEdit, ...]
    preferred: bool
    finding: Diagnostic | None


def format_of(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext in (".html", ".htm"):
        return "html"
    if ext == ".txt":
        return "text"
    return "markdown"


def fix_action(finding: Diagnostic) -> Action | None:
    fix = finding.fix
    if fix is None or not fix.edits:
        return None
    label = {
        Applicability.SAFE: "",
        Applicability.UNSAFE: " (unsafe: check it)",
        Applicability.SUGGESTION: " (suggestion)",
    }[fix.applicability]
    edits = tuple(TextEdit(e.start, e.end, e.replacement) for e in fix.edits)
    return Action(f"{fix.title}{label}", "quickfix", edits, fix.applicability is Applicability.SAFE, finding)


def _directive(fmt: str, kind: str, rule: str) -> str:
    if fmt == "text":
        return f"[edlint-{kind} {rule}]"
    return f"<!-- edlint-{kind} {rule} -->"


def front_matter_end(text: str) -> int:
    """Where a Markdown file's front matter ends (0 when it has none)."""
    m = _FRONT_MATTER.match(text)
    return m.end() if m else 0


def disable_for_line(text: str, finding: Diagnostic, path: str) -> Action | None:
    """``edlint-disable-next-line RULE`` above the finding's line.

    In Markdown a comment on a line of its own inside a paragraph would end the paragraph,
    so when the line above is part of the same text it gets the comment at its end instead
    (an inline comment, which renders as nothing). Plain text has no comments: the
    bracketed directive goes on a line of its own. Findings in front matter (YAML has no
    such comments) and the engine's own errors get no such action."""
    if finding.rule in ALWAYS_ON:
        return None
    fmt = format_of(path)
    start = finding.span.start
    if fmt == "markdown" and start < front_matter_end(text):
        return None
    lines = LineIndex(text)
    line = lines.line_of(start)
    line_start = lines.starts[line]
    title = f"Disable {finding.rule} for this line"
    directive = _directive(fmt, "disable-next-line", finding.rule)
    if fmt == "markdown" and line > 0:
        prev_start = lines.starts[line - 1]
        prev = text[prev_start:line_start].rstrip("\r\n")
        if prev.strip() and prev_start >= front_matter_end(text) and not prev.lstrip().startswith(("```", "~~~")):
            end = prev_start + len(prev)
            return Action(title, "quickfix", (TextEdit(end, end, f" {directive}"),), False, finding)
    newline = "\r\n" if "\r\n" in text else "\n"
    line_text = text[line_start : lines.starts[line + 1] if line + 1 < len(lines.starts) else len(text)]
    indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
    insert = f"{indent}{directive}{newline}"
    return Action(title, "quickfix", (TextEdit(line_start, line_start, insert),), False, finding)


def disable_in_file(text: str, finding: Diagnostic, path: str) -> Action | None:
    """``edlint-disable-file RULE`` at the top of the body."""
    if finding.rule in ALWAYS_ON:
        return None
    fmt = format_of(path)
    newline = "\r\n" if "\r\n" in text else "\n"
    at = front_matter_end(text) if fmt == "markdown" else 0
    if fmt == "html":
        # After the doctype, so that browsers stay in standards mode.
        m = re.match(r"\s*<!doctype[^>]*>[ \t]*\r?\n?", text, re.I)
        at = m.end() if m else 0
    insert = f"{_directive(fmt, 'disable-file', finding.rule)}{newline}"
    return Action(f"Disable {finding.rule} in this file", "quickfix", (TextEdit(at, at, insert),), False, finding)


def one_round(text: str, findings: list[Diagnostic]) -> str:
    """``text`` with the safe fixes of these findings applied once (no re-lint)."""
    from ..fixes import applicable, apply_fixes, select_fixes

    return apply_fixes(text, select_fixes((f.fix for f in findings if applicable(f.fix, False)), len(text)))


def minimal_edit(before: str, after: str) -> TextEdit | None:
    """One edit turning ``before`` into ``after``: the differing middle (so the editor's
    cursor and folds outside it stay put)."""
    if before == after:
        return None
    n = min(len(before), len(after))
    head = 0
    while head < n and before[head] == after[head]:
        head += 1
    tail = 0
    while tail < n - head and before[len(before) - 1 - tail] == after[len(after) - 1 - tail]:
        tail += 1
    # Never split a CRLF pair between kept and replaced text.
    if head and before[head - 1] == "\r":
        head -= 1
    if tail and before[len(before) - tail] == "\n" and len(before) - tail - 1 >= head:
        if before[len(before) - tail - 1 : len(before) - tail] == "\r":
            tail -= 1
    return TextEdit(head, len(before) - tail, after[head : len(after) - tail])
