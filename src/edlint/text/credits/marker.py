"""Where a credit starts in a caption ("Photo: ...", "Image Credit: ...", "©"): the marker the
Markdown and text parsers use to tell a caption or credit line."""

from __future__ import annotations

import re

from ..patterns import lazy

CREDIT_MARKER = lazy(
    r"(?:(?<=\W)|^)\(?(?:"
    r"(?:image|photo(?:graph)?|picture|pictures|illustration|graphic|video|footage|map|chart)"
    r"\s*(?:credit)?s?\s*[:|]"
    # the New Zealand form: "Photo / Mihi Tawhai", "Photos / Supplied"
    r"|(?:photo(?:graph)?|picture|image)s?\s+/\s+(?=[A-Z])"
    r"|(?:photo(?:graph)?|image|illustration|picture)s?\s+(?:by|courtesy(?:\s+of)?)\b"
    r"|credits?\s*:"
    r"|courtesy\s+of\b"
    r"|source\s*:"
    r"|©"
    r"|\(c\)\s"
    r"|copyright\b"
    r")",
    re.I,
)


def find_credit_marker(text: str) -> int | None:
    """Offset where a credit begins in ``text``, or None."""
    m = CREDIT_MARKER.search(text)
    if m is None:
        return None
    return m.start()
