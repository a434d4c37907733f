"""edlint: an editorial metadata and style linter for news articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import lint_paths, lint_text


def __getattr__(name: str) -> Any:
    # Lazy: `import edlint` (and `edlint --version`) must not import parsers or rules.
    if name in ("lint_text", "lint_paths"):
        from . import api

        return getattr(api, name)
    raise AttributeError(f"module 'edlint' has no attribute {name!r}")
