"""Reporters, chosen by name from a small table (imported lazily)."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from typing import Any

# name -> module in this package; each module has render(result, context) -> str.
REPORTERS = {
    "text": "text",
    "json": "json_",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "html": "html",
}


# What must never reach a terminal, a CI log or a report as itself: C0 and C1 controls
# (a newline would start a forged line or GitHub "::error::" command, ESC starts terminal
# sequences), DEL, the Unicode line and paragraph separators, and the bidi overrides and
# isolates that reorder what a reader sees ("Trojan Source").
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: Any, *, lines: bool = False) -> str:
    """``text`` with every control, line-breaking and bidi-override character written out as
    an escape (``\\n``, ``\\x1b``, ``\\u202e``): one line, shown as it is. Every human-
    readable field (paths, rule ids, messages, notes) of every report goes through here;
    JSON and SARIF carry exact data and are escaped by the JSON encoder instead. With
    ``lines``, line feeds and tabs stay (a rule's documentation, printed as a page)."""
    text = str(text)
    if not _UNSAFE.search(text):
        return text
    if lines:
        return "\n".join("\t".join(printable(cell) for cell in line.split("\t")) for line in text.split("\n"))
    return _UNSAFE.sub(_visible, text)


def export_item(path: str) -> tuple[str, str]:
    """(file, post) for a finding in one post of a CMS export (``export.xml#post-12``; its
    lines are the export file's); (path, "") for any other file."""
    import os

    file, sep, item = path.rpartition("#")
    if sep and item and not os.path.exists(path) and os.path.isfile(file):
        return file, item
    return path, ""


def get(name: str) -> Callable[..., str]:
    module = importlib.import_module(f".{REPORTERS[name]}", __name__)
    return module.render


def summary_line(result: Any) -> str:
    """'5 problems (2 errors, 3 warnings) in 3 files'."""
    counts = {"error": 0, "warning": 0, "info": 0}
    files = set()
    for f in result.findings:
        counts[str(f.severity)] += 1
        files.add(f.path)
    n = len(result.findings)
    if not n:
        return f"No problems found in {_plural(result.files, 'file')}"
    parts = [_plural(counts[k], k) for k in ("error", "warning", "info") if counts[k]]
    return f"{_plural(n, 'problem')} ({', '.join(parts)}) in {_plural(len(files), 'file')}"


def _plural(n: int, word: str) -> str:
    if word == "info":
        return f"{n} info"
    return f"{n} {word}{'' if n == 1 else 's'}"


def is_fixable(finding: Any, unsafe: bool) -> bool:
    """Whether ``--fix`` (with ``--unsafe-fixes`` when ``unsafe``) would apply the finding's
    fix: ruff's ``[*]``. Suggestions are never applied, so never fixable."""
    fix = finding.fix
    if fix is None or not fix.edits:
        return False
    kind = fix.applicability.value
    return kind == "safe" or (unsafe and kind == "unsafe")


def fix_counts(findings: Any, unsafe: bool) -> tuple[int, int]:
    """(findings ``--fix`` would fix, findings only ``--unsafe-fixes`` would add)."""
    fixable = hidden = 0
    for f in findings:
        if is_fixable(f, unsafe):
            fixable += 1
        elif not unsafe and is_fixable(f, True):
            hidden += 1
    return fixable, hidden


def fixable_line(result: Any, unsafe: bool) -> str | None:
    """ruff's closing line: '[*] 3 fixable with the `--fix` option (2 hidden fixes can be
    enabled with the `--unsafe-fixes` option).'; None when nothing could be fixed."""
    fixable, hidden = fix_counts(result.findings, unsafe)
    option = "`--fix --unsafe-fixes` options" if unsafe else "`--fix` option"
    more = f"{hidden} hidden {'fix' if hidden == 1 else 'fixes'} can be enabled with the `--unsafe-fixes` option"
    if fixable and hidden:
        return f"[*] {fixable} fixable with the {option} ({more})."
    if fixable:
        return f"[*] {fixable} fixable with the {option}."
    if hidden:
        return f"No fixes available ({more})."
    return None


def closing_lines(result: Any, context: dict[str, Any], lines: list[str]) -> str:
    """The text formats' ending: a blank line after the body, the summary and, when any
    finding is fixable, the fixable line (none of it with ``--quiet``)."""
    if not context.get("quiet"):
        if lines:
            lines.append("")
        lines.append(summary_line(result))
        fixable = fixable_line(result, bool(context.get("unsafe_fixes")))
        if fixable:
            lines.append(fixable)
    return "\n".join(lines) + "\n"
