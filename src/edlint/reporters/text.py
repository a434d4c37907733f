"""`path:line:col: severity rule-id [*] message`, then a summary line and, when some findings
can be fixed, a line saying how many (as ruff does)."""

from __future__ import annotations

from typing import Any

from . import closing_lines, is_fixable, printable

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _CYAN, _RESET = "\033[1m", "\033[2m", "\033[36m", "\033[0m"
FIXABLE_MARK = "[*]"


def render(result: Any, context: dict[str, Any]) -> str:
    colour = context.get("color", False)
    unsafe = bool(context.get("unsafe_fixes"))
    lines = []
    for f in result.findings:
        sev = str(f.severity)
        path, rule, message = printable(f.path), printable(f.rule), printable(f.message)
        # ruff's mark: this finding goes away with --fix (and --unsafe-fixes, when given).
        mark = f"{FIXABLE_MARK} " if is_fixable(f, unsafe) else ""
        if colour:
            if mark:
                mark = f"{_CYAN}{FIXABLE_MARK}{_RESET} "
            lines.append(
                f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {_COLOURS[sev]}{sev}{_RESET} "
                f"{_DIM}{rule}{_RESET} {mark}{message}"
            )
        else:
            lines.append(f"{path}:{f.line}:{f.column}: {sev} {rule} {mark}{message}")
    return closing_lines(result, context, lines)
