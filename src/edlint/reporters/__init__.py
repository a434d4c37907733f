"""Reporters, chosen by name from a small table (imported lazily)."""

from __future__ import annotations

import importlib
from typing import Any, Callable

# name -> module in this package; each module has render(result, context) -> str.
REPORTERS = {
    "text": "text",
    "json": "json_",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "html": "html",
}


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
    more = (f"{hidden} hidden {'fix' if hidden == 1 else 'fixes'} can be enabled with the "
            "`--unsafe-fixes` option")
    if fixable and hidden:
        return f"[*] {fixable} fixable with the {option} ({more})."
    if fixable:
        return f"[*] {fixable} fixable with the {option}."
    if hidden:
        return f"No fixes available ({more})."
    return None
