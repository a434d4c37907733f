"""The one pass over a document that every units rule reads (``doc.view("units")``): every
quantity in the prose, whether it sits in a quotation, which come with a conversion, and
every metre/meter, litre/liter word used as a unit."""

from __future__ import annotations

from dataclasses import dataclass

from ...document import HEADING, Block, Document
from ...text.quantities import (
    Conversion,
    Quantity,
    SpellingMatch,
    find_conversions,
    find_quantities,
    find_unit_spellings,
)

# ------------------------------------------------------------------------- the scan


@dataclass(slots=True)
class _Seen:
    """A quantity met while scanning, with where it was and whether it is paired or quoted."""

    block: Block
    q: Quantity
    quoted: bool
    paired: bool  # comes with a conversion (either side of it)
    source: bool  # the first-written side of a conversion


@dataclass(slots=True)
class _Scan:
    """What one pass over a document found: quantities, conversions and spellings."""

    seen: list[_Seen]
    conversions: list[tuple[Block, Conversion]]
    spellings: list[tuple[Block, SpellingMatch]]


_NO_IDS: frozenset[int] = frozenset()  # no quantity of the block comes with a conversion


def _build(doc: Document) -> _Scan:
    from ...text.quotes import scan_quotes
    from ..quotes.view import block_scans as quote_scans

    seen: list[_Seen] = []
    conversions: list[tuple[Block, Conversion]] = []
    spellings: list[tuple[Block, SpellingMatch]] = []
    scans = None  # the quote rules' per-block scans, shared (the same scan_quotes results)
    devices: list[int] = []  # meters met as devices ("the new parking meters"), anywhere
    for block in doc.prose:
        text = block.text.text
        lowered = text.lower()
        qs = find_quantities(text, headline=None if block.kind == HEADING else False, lowered=lowered)
        if qs:
            convs = find_conversions(text, qs)
            if convs:
                sources = {id(c.source) for c in convs}
                paired = sources | {id(c.target) for c in convs}
                conversions.extend([(block, c) for c in convs])
            else:
                sources = paired = _NO_IDS
            in_quote = block.in_quote
            quotes = None
            if not in_quote:
                if scans is None:
                    scans = quote_scans(doc)
                quotes = scans.get(id(block))
                if quotes is None:
                    quotes = scan_quotes(text)
                if not quotes.quotes:
                    quotes = None  # no quotation: nothing is inside one
            for q in qs:
                quoted = in_quote or (quotes is not None and quotes.inside(q.start) is not None)
                seen.append(_Seen(block, q, quoted, id(q) in paired, id(q) in sources))
        for sm in find_unit_spellings(text, qs, lowered=lowered, devices=devices):
            spellings.append((block, sm))
    if devices:
        # the article speaks of parking meters: "cash at one meter on each street" is one
        spellings = [(b, sm) for b, sm in spellings if not sm.counted]
    return _Scan(seen, conversions, spellings)


def _scan(doc: Document) -> _Scan:
    return doc.view("units", _build)


def _region(doc: Document) -> str | None:
    """ "us" or "uk" (any English but American) from the article's language when the article,
    the site or the config declares it; None when the language is only assumed."""
    if not doc.variety_known:
        return None
    lang = doc.language.lower().replace("_", "-")
    if not lang.startswith("en-"):
        return None
    return "us" if lang[3:5] in ("us", "ph") else "uk"


def _span(block: Block, start: int, end: int):
    return block.text.source_span(start, end)


def _quoted(block: Block, q: Quantity) -> str:
    return block.text.text[q.start : q.end]
