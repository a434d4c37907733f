"""The Python API, for CMS save hooks and tools that embed edlint.

    import edlint
    result = edlint.lint_text(text, path="story.md", config={"select": ["images"]})
    for f in result.findings:
        print(f.line, f.column, f.rule, f.severity, f.message)

``config`` is a mapping in ``.edlint.yaml`` syntax, a path to a config file, or None to
discover the config as the CLI does (upward from ``path``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .engine import Linter, RunResult


def lint_text(text: str, path: str = "article.md", config: str | dict[str, Any] | None = None) -> RunResult:
    """Lint ``text`` as if it were the file ``path`` (its extension picks the format)."""
    return Linter(config=config).run_text(text, path)


def lint_paths(paths: Iterable[str], config: str | dict[str, Any] | None = None) -> RunResult:
    """Lint files and folders (recursively, by extension)."""
    return Linter(config=config).run(list(paths))
