"""The JSON contract (documented in README; other tools parse it, keep it stable)."""

from __future__ import annotations

import json
from typing import Any


def payload(result: Any) -> dict[str, Any]:
    """The report as a JSON-ready mapping (`edlint serve` answers with the same one)."""
    from .. import __version__

    by_severity = {"error": 0, "warning": 0, "info": 0}
    for f in result.findings:
        by_severity[str(f.severity)] += 1
    return {
        "version": __version__,
        "findings": [f.to_json() for f in result.findings],
        "errors": result.errors,
        "summary": {
            "files": result.files,
            "findings": len(result.findings),
            "by_severity": by_severity,
        },
    }


def render(result: Any, context: dict[str, Any]) -> str:
    return json.dumps(payload(result), ensure_ascii=False, indent=2) + "\n"
