"""Where a caption's credit starts: "Photo: ...", "Image Credit: ...", "Photo by ...".

Shared by the plain-text parser (a caption line stands for an image) and the image rules.
"""

from __future__ import annotations

import re

# A credit marker: the words newsrooms put before a photographer or agency.
CREDIT_MARKER = re.compile(
    r"(?:(?<=\W)|^)\(?(?:"
    r"(?:image|photo(?:graph)?|picture|pictures|illustration|graphic|video|footage|map|chart)"
    r"\s*(?:credit)?s?\s*[:|]"
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
