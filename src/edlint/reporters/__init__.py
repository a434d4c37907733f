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
