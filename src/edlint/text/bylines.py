"""Byline lines: "By Jane Doe", "By Jane Doe and Sam Lee", "Written By"."""

from __future__ import annotations

import re

from .patterns import lazy

_NAME = r"(?-i:[A-Z])[\w'’.\-]*"  # a capital even though the pattern ignores case ("By Tuesday the ..." is a sentence)
BYLINE_RE = lazy(
    rf"^(?:by|written by|words by|story by|reporting by)\s*:?\s+{_NAME}"
    rf"(?:\s+(?:{_NAME}|and|&|de|van|von|da|la|le|del|bin|al-?\w*)|,)*\s*[.,]?\s*$"
    r"|^written by\s*:?\s*$",
    re.I,
)


def is_byline(text: str) -> bool:
    """A short line that names the writer."""
    return len(text) <= 120 and bool(BYLINE_RE.match(text.strip()))
