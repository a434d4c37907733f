"""`path:line:col: severity rule-id message`, then a summary line."""

from __future__ import annotations

from typing import Any

from . import printable, summary_line

_COLOURS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"


def render(result: Any, context: dict[str, Any]) -> str:
    colour = context.get("color", False)
    lines = []
    for f in result.findings:
        sev = str(f.severity)
        path, rule, message = printable(f.path), printable(f.rule), printable(f.message)
        if colour:
            lines.append(
                f"{_BOLD}{path}{_RESET}:{f.line}:{f.column}: {_COLOURS[sev]}{sev}{_RESET} "
                f"{_DIM}{rule}{_RESET} {message}"
            )
        else:
            lines.append(f"{path}:{f.line}:{f.column}: {sev} {rule} {message}")
    if not context.get("quiet"):
        if lines:
            lines.append("")
        lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
