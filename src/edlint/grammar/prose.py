"""What a grammar backend reads, and what is never reported.

Prose only: headings, paragraphs, list items, captions and table cells, as the parsers give
them (no markup, no front matter; inline code is a placeholder and shortcodes are gone).
Inside that text, web and mail addresses and the code placeholder are masked: a problem
touching them is dropped. Quotations are what someone said, not the paper's grammar: block
quotes are not sent and problems inside direct quotes are dropped, unless
``grammar.check_quotes``.
"""

from __future__ import annotations

from typing import Any

from ..document import CAPTION, HEADING, LIST_ITEM, PARAGRAPH, TABLE_CELL
from ..text.patterns import lazy

PROSE_KINDS = (PARAGRAPH, HEADING, LIST_ITEM, CAPTION, TABLE_CELL)
MAX_PARAGRAPH = 20_000  # characters: longer blocks are machine-made, not prose
_DIRECT_QUOTE = lazy(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»|„[^“”]{1,2000}[“”]|‘[^’]{1,2000}’(?!\w)")
_MASKED = lazy(
    r"(?:https?://|www\.)[^\s<>\"“”]+|[\w.+-]+@[\w-]+\.[\w.-]+|[\w-]+\.(?:com|org|gov|net|edu|io)\b\S*|\ufffc"
)


def blocks_to_check(doc: Any, check_quotes: bool) -> list[Any]:
    out = []
    for b in doc.prose:
        if b.kind not in PROSE_KINDS or b.text is None:
            continue
        text = b.text.text
        if not text.strip() or len(text) > MAX_PARAGRAPH:
            continue
        if b.in_quote and not check_quotes:
            continue
        out.append(b)
    return out


def excluded_ranges(text: str, check_quotes: bool) -> list[tuple[int, int]]:
    """Ranges of ``text`` where no problem is reported."""
    ranges = [m.span() for m in _MASKED.finditer(text)] if ("\ufffc" in text or "." in text or "@" in text) else []
    if not check_quotes and any(q in text for q in '“"«„‘'):
        ranges += [m.span() for m in _DIRECT_QUOTE.finditer(text)]
    return ranges


def touches(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start < r_end and r_start < max(end, start + 1) for r_start, r_end in ranges)
