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


# Abbreviations a full stop ends inside a sentence (measures, titles, companies, months).
ABBREVIATIONS = frozenset(
    "oz lb lbs sq ft in yd mi tsp tbsp pt qt gal approx no nos vs etc inc co corp ltd llc jr sr st "
    "mt dr mr mrs ms prof gov sen rep dept est fig vol pp min max hr hrs yr yrs mo wk ave blvd rd "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_WORD_AND_STOP_BEFORE = lazy(r"([\w.]+)\.\s+$")


def after_abbreviation(text: str, start: int) -> bool:
    """The word at ``start`` follows a full stop that ends an abbreviation ("4 oz. cooked",
    "McClatchy Co. can’t", "5 p.m. and"), or a dot with no space after it (``*.sites``,
    ``{.float-left}``): not the start of a sentence, whatever a sentence splitter thinks."""
    if start == 0:
        return False
    if text[start - 1] == ".":
        return True
    m = _WORD_AND_STOP_BEFORE.search(text[max(0, start - 24) : start])
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha())
