"""GitHub Actions workflow commands: annotations on the pull request's files."""

from __future__ import annotations

from typing import Any

from . import export_item, printable, summary_line

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    text = printable(text)  # no line breaks, ESC or bidi overrides from the content
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(result: Any, context: dict[str, Any]) -> str:
    lines = []
    for f in result.findings:
        # A post of a CMS export: annotate the export file (GitHub can open it) and name the
        # post in the title.
        file, item = export_item(f.path)
        title = f"{f.rule} ({item})" if item else f.rule
        props = ",".join(
            [
                f"file={escape_property(file)}",
                f"line={f.line}",
                f"col={f.column}",
                f"endLine={f.end_line}",
                f"endColumn={f.end_column}",
                f"title={escape_property(title)}",
            ]
        )
        lines.append(f"::{_LEVEL[str(f.severity)]} {props}::{escape_data(f.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
