"""The pieces of a document a pack scope selects (:class:`Segment`: a heading, a paragraph,
a caption, an alt text, a metadata value; "unit" in method names) and the whole document's
text read once (:class:`DocumentText`). Nothing here is about units of measurement (those are
:mod:`edlint.text.quantities`)."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate, compress, islice
from operator import eq
from typing import Any

from ...document import BLOCKQUOTE, CAPTION, Document, ImageBlock, MappedText
from .lexicon import _WORD, fold, plain_case

_PUNCT_EDGE = " \t\n\u00a0\u200b.,;:!?…-–—|•·*_()[]{}\"'“”‘’«»>"


# -- segments: the pieces of text a scope names -----------------------------------------------------
class Segment:
    """A piece of text a pack rule reads: a prose block, an image's alt text or caption,
    or a metadata value. ``string`` is its text; ``text`` maps it back to the source.
    Derived data (words, sentences, quotations) is computed on demand and shared by
    every pack rule through ``doc.view``."""

    __slots__ = (
        "_core",
        "_core_key_exact",
        "_core_key_folded",
        "_plain",
        "_quotes",
        "_sentences",
        "_source",
        "_span",
        "_text",
        "_words_exact",
        "_words_folded",
        "kind",
        "level",
        "quoted",
        "string",
    )

    def __init__(
        self,
        kind: str,
        text: MappedText | None,
        quoted: bool = False,
        level: int = 0,
        *,
        source: str = "",
        value: str = "",
        span: Any = None,
    ) -> None:
        """``text``, or else a ``value`` found within ``source[span]`` (its map is made
        when asked for: only a finding needs it)."""
        self.kind = kind
        self.level = level
        self.quoted = quoted
        self._text = text
        self.string: str = text.text if text is not None else value
        self._source = source
        self._span = span
        self._words_folded: frozenset[str] | None = None
        self._words_exact: frozenset[str] | None = None
        self._sentences: Any = None
        self._quotes: list[tuple[int, int]] | None = None
        self._core: tuple[int, int] | None = None
        self._plain: bool | None = None
        self._core_key_folded: tuple[str, str | None] | None = None
        self._core_key_exact: tuple[str, str | None] | None = None

    def __repr__(self) -> str:
        return f"Segment({self.kind!r}, {self.string[:40]!r})"

    @property
    def text(self) -> MappedText:
        if self._text is None:
            self._text = _span_text(self._source, self.string, self._span)
        return self._text

    def wordset(self, ignore_case: bool) -> frozenset[str]:
        """The unit's distinct words (lowercased when ``ignore_case``)."""
        words = self._words_folded if ignore_case else self._words_exact
        if words is None:
            text = self.string
            words = frozenset(_WORD.findall(text.lower() if ignore_case else text))
            if ignore_case:
                self._words_folded = words
            else:
                self._words_exact = words
        return words

    def core_words(self, ignore_case: bool) -> tuple[str, str | None]:
        """The core text with its whitespace runs made single spaces (lowercased when
        ``ignore_case``), and its first word (None unless it starts with one): what
        whole-block rules look up."""
        found = self._core_key_folded if ignore_case else self._core_key_exact
        if found is None:
            lo, hi = self.core
            key = fold(" ".join(self.string[lo:hi].split()), ignore_case)
            m = _WORD.match(key)
            found = (key, m.group(0) if m else None)
            if ignore_case:
                self._core_key_folded = found
            else:
                self._core_key_exact = found
        return found

    @property
    def plain_case(self) -> bool:
        """Whether the text holds none of the :data:`CASE_TRAPS`."""
        if self._plain is None:
            self._plain = plain_case(self.string)
        return self._plain

    @property
    def core(self) -> tuple[int, int]:
        """The text without surrounding whitespace and punctuation."""
        if self._core is None:
            t = self.string
            lo, hi = 0, len(t)
            while lo < hi and t[lo] in _PUNCT_EDGE:
                lo += 1
            while hi > lo and t[hi - 1] in _PUNCT_EDGE:
                hi -= 1
            self._core = (lo, hi)
        return self._core

    @property
    def sentences(self) -> Any:
        if self._sentences is None:
            from ...text.sentences import SentenceIndex

            self._sentences = SentenceIndex(self.string)
        return self._sentences

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        return self.sentences.around(start, end)

    def quotations(self) -> list[tuple[int, int]]:
        """Spans of top-level quotations (marks included)."""
        if self._quotes is None:
            from ...text.quotes import has_quote_marks, scan_quotes

            text = self.string
            if not has_quote_marks(text):
                self._quotes = []
            else:
                self._quotes = [(q.start, q.end) for q in scan_quotes(text).quotes if q.depth == 0]
        return self._quotes

    def in_quotation(self, start: int, end: int) -> bool:
        if self.quoted:
            return True
        return any(qs < start and end <= qe for qs, qe in self.quotations())


def document_segments(doc: Document) -> list[Segment]:
    return doc.view("declarative.segments", _build_segments)


class DocumentText:
    """The text of every unit of a document, joined by line breaks, read in one pass
    for the whole document: its words, its lowercase form and where each unit starts.

    A line break is no word character and no cased letter, and no word or phrase
    regex matches across it once its end is bounded to the unit: so the words here are
    the union of the units' words, ``str.lower()`` keeps every unit as it would be on
    its own, and a word match here is a word match in one unit.
    """

    __slots__ = ("_by_first_char", "_lower", "_plain", "_repeated", "_words", "ends", "starts", "text", "units")

    def __init__(self, units: list[Segment]) -> None:
        self.units = units
        texts = [u.string for u in units]
        self.text = "\n".join(texts)
        # unit i is text[starts[i]:ends[i]], each followed by its line break
        self.starts: list[int] = list(accumulate([len(t) + 1 for t in texts], initial=0))[:-1]
        self.ends: list[int] = [start + len(t) for start, t in zip(self.starts, texts, strict=True)]
        self._lower: str | None = None
        self._words: dict[bool, frozenset[str]] = {}
        self._plain: bool | None = None
        self._repeated: frozenset[str] | None = None
        self._by_first_char: dict[str, list[int]] | None = None

    @property
    def lower(self) -> str:
        if self._lower is None:
            self._lower = self.text.lower()
        return self._lower

    @property
    def plain_case(self) -> bool:
        """Whether no unit holds one of the :data:`CASE_TRAPS`. Then ``lower`` has the
        same length as ``text``, offsets carry over, and words keep their bounds."""
        if self._plain is None:
            self._plain = plain_case(self.text)
        return self._plain

    def _read_lower_words(self) -> None:
        # One regex pass for both; the word list itself is not kept (a long-lived list
        # of every word of every document would only give the garbage collector work).
        tokens = _WORD.findall(self.lower)
        self._words[True] = frozenset(tokens)
        self._repeated = frozenset(compress(tokens, map(eq, tokens, islice(tokens, 1, None))))

    def words(self, ignore_case: bool) -> frozenset[str]:
        """Every word of every unit (lowercased when ``ignore_case``)."""
        words = self._words.get(ignore_case)
        if words is None:
            if ignore_case:
                self._read_lower_words()
                return self._words[True]
            words = self._words[False] = frozenset(_WORD.findall(self.text))
        return words

    def repeated_words(self) -> frozenset[str]:
        """Lowercase words that directly follow themselves (with anything but a word in
        between, possibly across units): a superset of the doubled words."""
        if self._repeated is None:
            self._read_lower_words()
        return self._repeated  # type: ignore[return-value]

    def units_holding(self, requirements: list[frozenset[str]], ignore_case: bool) -> set[Segment] | None:
        """The units holding, for each of ``requirements`` (see literal_requirements), one
        of its strings: the only ones where the pattern they come from can match. None
        when any unit may hold them (a document with :data:`CASE_TRAPS`, ignoring case)."""
        if ignore_case and not self.plain_case:
            return None
        haystack = self.lower if ignore_case else self.text
        candidates: list[int] | None = None
        for strings in requirements:
            if any("\n" in s for s in strings):
                continue  # could reach across units: no help
            if candidates is None:
                candidates = self._indexes_holding(haystack, strings)
            else:
                starts, ends = self.starts, self.ends
                candidates = [i for i in candidates if any(haystack.find(s, starts[i], ends[i]) >= 0 for s in strings)]
            if not candidates:
                return set()
        if candidates is None:
            return None
        return {self.units[i] for i in candidates}

    def _indexes_holding(self, haystack: str, strings: frozenset[str]) -> list[int]:
        """Indexes of the units holding one of ``strings`` (none holds a line break)."""
        found: set[int] = set()
        for s in strings:
            at = haystack.find(s)
            while at >= 0:
                i = self.unit_index(at)
                found.add(i)
                at = haystack.find(s, max(at + 1, self.ends[i] + 1))  # on to the next unit
        return sorted(found)

    def units_starting_with(
        self, prefixes: tuple[str, ...], first_chars: frozenset[str], ignore_case: bool
    ) -> set[Segment]:
        """The units that start with one of ``prefixes``, whose first characters,
        lowercased, are ``first_chars`` (prefixes are lowercase, and compared with the
        lowercase text, when ``ignore_case``; the text must then be :attr:`plain_case`)."""
        if self._by_first_char is None:
            # lowercase first character -> indexes of the units starting with it
            self._by_first_char = {}
            for i, unit in enumerate(self.units):
                self._by_first_char.setdefault(unit.string[:1].lower(), []).append(i)
        haystack = self.lower if ignore_case else self.text
        starts = self.starts
        out: set[Segment] = set()
        for first in first_chars:
            for i in self._by_first_char.get(first, ()):
                if haystack.startswith(prefixes, starts[i]):
                    out.add(self.units[i])
        return out

    def unit_index(self, offset: int) -> int:
        """The index of the unit holding ``offset``."""
        return bisect_right(self.starts, offset) - 1

    def units_between(self, start: int, end: int) -> list[Segment]:
        """The units that ``[start, end)`` touches."""
        return self.units[self.unit_index(start) : self.unit_index(max(start, end - 1)) + 1]


def document_text(doc: Document) -> DocumentText:
    return doc.view("declarative.text", _new_document_text)


def _new_document_text(doc: Document) -> DocumentText:
    return DocumentText(document_segments(doc))


def document_words(doc: Document, ignore_case: bool) -> frozenset[str]:
    """Every word of every unit: a rule whose words are not here has nothing to find."""
    return document_text(doc).words(ignore_case)


def document_plain_case(doc: Document) -> bool:
    """Whether no unit holds one of the :data:`CASE_TRAPS`."""
    return document_text(doc).plain_case


def _build_segments(doc: Document) -> list[Segment]:
    units: list[tuple[int, Segment]] = []
    seen_captions: set[tuple[int, int]] = set()
    for block in doc.prose:  # prose kinds with text, in order (a view other rules share)
        text = block.text
        if not text.text or isinstance(block, ImageBlock):  # type: ignore[union-attr]
            continue
        units.append((block.span.start, Segment(block.kind, text, BLOCKQUOTE in block.container, block.level)))  # type: ignore[arg-type]
        if block.kind == CAPTION:
            sp = text.span  # type: ignore[union-attr]
            seen_captions.add((sp.start, sp.end))
    for image in doc.images:
        if image.caption is not None and image.caption.text:
            sp = image.caption.span
            if (sp.start, sp.end) not in seen_captions:
                units.append((sp.start, Segment(CAPTION, image.caption, image.in_quote)))
        if image.alt and image.alt_span is not None:
            units.append(
                (
                    image.alt_span.start,
                    Segment("alt", None, image.in_quote, source=doc.source, value=image.alt, span=image.alt_span),
                )
            )
    for key, mf in doc.metadata.items():
        values = mf.value if isinstance(mf.value, list) else [mf.value]
        for v in values:
            if isinstance(v, str) and v.strip():
                units.append(
                    (
                        mf.value_span.start,
                        Segment("metadata." + key.lower(), None, source=doc.source, value=v, span=mf.value_span),
                    )
                )
    units.sort(key=_first)
    return [u for _, u in units]


def _first(pair: tuple[int, Segment]) -> int:
    return pair[0]


def _span_text(source: str, value: str, span: Any) -> MappedText:
    """A value with its source span: verbatim when the source holds it as written
    (perhaps inside quote marks), else every offset maps to the whole span."""
    raw = source[span.start : span.end]
    at = raw.find(value) if value else -1
    if at >= 0:
        return MappedText(value, [(0, span.start + at, span.start + at + len(value))])
    return MappedText(value, [(0, span.start, span.end)])
