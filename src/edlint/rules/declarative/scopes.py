"""Which segments a pack rule reads (:class:`Scope`), and where in them it does not report:
exception phrases and URLs."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...document import PROSE_KINDS, Document
from .lexicon import Lexicon
from .segments import Segment, document_segments
from .spec import Spec, did_you_mean, read_str_list

# -- scopes ------------------------------------------------------------------------------------
BLOCK_SCOPES = {
    "paragraph": "paragraph",
    "heading": "heading",
    "list_item": "list_item",
    "list-item": "list_item",
    "caption": "caption",
    "byline": "byline",
    "bio": "bio",
    "table_cell": "table_cell",
    "table-cell": "table_cell",
}


SCOPE_WORDS = sorted(
    set(BLOCK_SCOPES) | {"prose", "quote", "alt"} | {f"heading.h{i}" for i in range(1, 7)} | {"metadata.<field>"}
)


@dataclass(frozen=True)
class Scope:
    """Which units a rule reads, and whether quoted material counts.

    Block kinds are read outside quotations. ``quote`` adds quoted material: blockquotes
    and the text inside quotation marks, in any prose block. ``quote`` alone reads only
    quoted material. ``alt`` and ``metadata.<field>`` know no quotations.
    """

    kinds: frozenset[str]
    headings: frozenset[int] = frozenset()  # empty: every level
    metadata: frozenset[str] = frozenset()
    alt: bool = False
    quote: bool = False
    names: tuple[str, ...] = ("prose",)

    @classmethod
    def parse(cls, value: Any, spec: Spec, keys: tuple) -> Scope:
        names = read_str_list(value, spec, keys)
        if not names:
            raise spec.fail("'scope' is empty", *keys)
        kinds: set[str] = set()
        levels: set[int] = set()
        metadata: set[str] = set()
        alt = False
        quote = False
        plain_heading = False
        for i, raw in enumerate(names):
            name = raw.strip().lower()
            if name == "prose":
                kinds |= PROSE_KINDS
                plain_heading = True
            elif name in BLOCK_SCOPES:
                kinds.add(BLOCK_SCOPES[name])
                plain_heading = plain_heading or name == "heading"
            elif re.fullmatch(r"heading\.h[1-6]", name):
                kinds.add("heading")
                levels.add(int(name[-1]))
            elif name == "quote":
                quote = True
            elif name == "alt":
                alt = True
            elif name.startswith("metadata.") and re.fullmatch(r"metadata\.[\w:@.-]+", name):
                metadata.add(name[len("metadata.") :])
            else:
                raise spec.fail(
                    f"unknown scope {raw!r}{did_you_mean(name, SCOPE_WORDS)} (scopes: {', '.join(SCOPE_WORDS)})",
                    *keys,
                    i,
                )
        if plain_heading:
            levels = set()  # "heading" (or "prose") wins over heading.hN
        scope = cls(frozenset(kinds), frozenset(levels), frozenset(metadata), alt, quote, tuple(names))
        return _SCOPES.setdefault(scope, scope)

    def _kind_ok(self, unit: Segment) -> bool:
        if unit.kind not in self.kinds:
            return False
        return not (self.headings and unit.kind == "heading" and unit.level not in self.headings)

    def units(self, doc: Document) -> list[Segment]:
        """The units this scope reads, in document order: one list per document, shared
        by every rule with this scope (``parse`` hands equal scopes out as one object)."""
        return self._read(doc).units

    def units_with_core(self, doc: Document) -> tuple[list[Segment], list[int]]:
        """The units with a non-empty :attr:`Segment.core`, in order, and the core lengths."""
        read = self._read(doc)
        if read.with_core is None:
            units = [u for u in read.units if u.core[1] > u.core[0]]
            read.with_core = (units, [u.core[1] - u.core[0] for u in units])
        return read.with_core

    def _read(self, doc: Document) -> _ScopeUnits:
        by_scope = doc.view("declarative.scopes", _new_scope_units)
        read = by_scope.get(id(self))
        if read is None or read.scope is not self:  # the scope is kept: a recycled id is noticed
            read = by_scope[id(self)] = _ScopeUnits(self, [u for u in document_segments(doc) if self._reads(u)])
        return read

    def _reads(self, unit: Segment) -> bool:
        kind = unit.kind
        if kind in PROSE_KINDS:
            return self.quote or (self._kind_ok(unit) and not unit.quoted)
        if kind == "alt":
            return self.alt
        return kind.startswith("metadata.") and kind[9:] in self.metadata

    def wants(self, unit: Segment, start: int, end: int) -> bool:
        """Whether a match at ``[start, end)`` of ``unit`` counts, given quotations."""
        if unit.kind not in PROSE_KINDS:
            return True
        if unit.in_quotation(start, end):
            return self.quote
        return self._kind_ok(unit)

    def describe(self) -> str:
        parts = []
        labels = {
            "paragraph": "paragraphs",
            "heading": "headings",
            "list_item": "list items",
            "caption": "captions",
            "byline": "bylines",
            "bio": "author bios",
            "table_cell": "table cells",
        }
        if self.kinds >= PROSE_KINDS:
            parts.append("all prose (headings, paragraphs, list items, captions, bylines, bios, table cells)")
        else:
            for k in sorted(self.kinds):
                label = labels.get(k, k)
                if k == "heading" and self.headings:
                    label = "headings of level " + ", ".join(str(h) for h in sorted(self.headings))
                parts.append(label)
        if self.alt:
            parts.append("image alt text")
        for m in sorted(self.metadata):
            parts.append(f"the `{m}` metadata field")
        where = ", ".join(parts)
        if not self.quote:
            return where + ", outside quotations and blockquotes"
        if not parts:
            return "quotations and blockquotes only"
        return where + ", and quotations and blockquotes in any prose"


# One object per distinct scope, so that per-document unit lists are shared by rules.
_SCOPES: dict[Scope, Scope] = {}


class _ScopeUnits:
    """What one scope reads in one document."""

    __slots__ = ("scope", "units", "with_core")

    def __init__(self, scope: Scope, units: list[Segment]) -> None:
        self.scope = scope
        self.units = units
        self.with_core: tuple[list[Segment], list[int]] | None = None


def _new_scope_units(doc: Document) -> dict[int, _ScopeUnits]:
    return {}  # by id(scope)


_URLISH = re.compile(r"://|^www\.|@\w|\.(?:com|org|net|gov|edu|io|co|uk|us|info|html?|php|aspx?)\b|/\w", re.I)


def in_url(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is part of a URL, e-mail address, handle or path."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    hi = end
    n = len(text)
    while hi < n and not text[hi].isspace():
        hi += 1
    token = text[lo:hi]
    if len(token) == end - start:
        return False
    return bool(_URLISH.search(token.rstrip(".,;:!?)]\"'”’")))


class Exceptions:
    """Phrases inside which matches are not reported (``Ministry of Defence``), found
    the way a :class:`Lexicon` finds words: fast however long the list."""

    def __init__(self, phrases: Iterable[str], ignore_case: bool = True) -> None:
        cleaned = sorted({" ".join(p.split()) for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
        self.phrases = tuple(cleaned)
        self.ignore_case = ignore_case
        self._lexicon: Lexicon | None = None

    def spans(self, unit: Segment) -> list[tuple[int, int]]:
        if not self.phrases:
            return []
        if self._lexicon is None:
            self._lexicon = Lexicon(((p, p) for p in self.phrases), self.ignore_case)
        return [(s, e) for s, e, _ in self._lexicon.find(unit)]


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
