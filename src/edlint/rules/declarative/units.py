"""The text a pack rule reads: word lists (:class:`Lexicon`), the pieces of a document
a scope names (:class:`Unit`), scopes, exceptions and URL detection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from ...document import BLOCKQUOTE, CAPTION, PROSE_KINDS, Document, ImageBlock, MappedText
from .spec import Spec, did_you_mean, read_str_list

_EXPANSION = re.compile(r"\(([^()]*\|[^()]*)\)")


def expand(entry: str) -> list[str]:
    """``colo(r|ur)ed`` -> ``[colored, coloured]``; ``color(|s|ed)`` -> ``[color, colors, colored]``.

    Several groups multiply out in order (the first varies slowest). Whitespace inside an
    entry becomes one space.
    """
    entry = " ".join(entry.split())
    if "(" not in entry:
        return [entry]
    out = [""]
    last = 0
    for m in _EXPANSION.finditer(entry):
        head = entry[last : m.start()]
        out = [o + head + alt for o in out for alt in m.group(1).split("|")]
        last = m.end()
    tail = entry[last:]
    return [o + tail for o in out]


_WORD = re.compile(r"\w+")
_PUNCT_EDGE = " \t\n\u00a0\u200b.,;:!?…-–—|•·*_()[]{}\"'“”‘’«»>"


def fold(text: str, ignore_case: bool) -> str:
    return text.lower() if ignore_case else text


def phrase_regex(phrase: str, ignore_case: bool) -> re.Pattern[str]:
    """A literal phrase: any run of whitespace between words, whole words at the edges."""
    body = r"\s+".join(re.escape(p) for p in phrase.split(" "))
    lead = r"(?<!\w)" if phrase[:1].isalnum() or phrase[:1] == "_" else ""
    tail = r"(?!\w)" if phrase[-1:].isalnum() or phrase[-1:] == "_" else ""
    return re.compile(lead + body + tail, re.I if ignore_case else 0)


class Lexicon:
    """Literal words and phrases, found by dictionary look-up of the unit's words rather
    than by one large alternation (fast however long the list is). A phrase's own regex is
    compiled the first time its first word is seen, so long lists load quickly."""

    def __init__(self, entries: Iterable[tuple[str, Any]], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.single: dict[str, Any] = {}
        # first word -> [[phrase, payload, compiled or None]], longest phrase first
        self.multi: dict[str, list[list[Any]]] = {}
        self.odd: list[tuple[re.Pattern[str], Any]] = []  # phrases that do not start with a word
        for phrase, payload in entries:
            m = _WORD.match(phrase)
            if m is None:
                self.odd.append((phrase_regex(phrase, ignore_case), payload))
            elif m.end() == len(phrase):
                self.single.setdefault(fold(phrase, ignore_case), payload)
            else:
                key = fold(m.group(0), ignore_case)
                self.multi.setdefault(key, []).append([phrase, payload, None])
        for lst in self.multi.values():
            lst.sort(key=lambda t: -len(t[0]))
        self.first_words = frozenset(self.single) | frozenset(self.multi)
        self._word_rx: dict[str, re.Pattern[str]] = {}
        lengths = [len(p) for p in self.single] + [len(t[0]) for lst in self.multi.values() for t in lst]
        self.max_length = max(lengths, default=0)

    def _phrases(self, word: str) -> list[list[Any]]:
        lst = self.multi.get(word, ())
        for item in lst:
            if item[2] is None:
                item[2] = phrase_regex(item[0], self.ignore_case)
        return lst  # type: ignore[return-value]

    def __bool__(self) -> bool:
        return bool(self.first_words or self.odd)

    def _word_regex(self, word: str) -> re.Pattern[str]:
        rx = self._word_rx.get(word)
        if rx is None:
            rx = self._word_rx[word] = re.compile(
                r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I if self.ignore_case else 0)
        return rx

    def find(self, unit: "Unit") -> Iterator[tuple[int, int, Any]]:
        """``(start, end, payload)`` of every entry in ``unit``, longest match first at
        each position, in text order. Only the words the unit holds (one set
        intersection) are looked for."""
        hits: list[tuple[int, int, Any]] = []
        text = unit.text.text
        for word in self.first_words.intersection(unit.wordset(self.ignore_case)):
            phrases = self._phrases(word)
            single = self.single.get(word)
            for wm in self._word_regex(word).finditer(text):
                start = wm.start()
                done = False
                for _, payload, rx in phrases:
                    m = rx.match(text, start)
                    if m:
                        hits.append((start, m.end(), payload))
                        done = True
                        break
                if not done and single is not None:
                    hits.append((start, wm.end(), single))
        for rx, payload in self.odd:
            for m in rx.finditer(text):
                hits.append((m.start(), m.end(), payload))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
        return iter(hits)

    def whole(self, unit: "Unit") -> tuple[int, int, Any] | None:
        """The entry that is the unit's whole text (ignoring edge punctuation), if any."""
        lo, hi = unit.core
        text = unit.text.text
        if self.odd:
            for rx, payload in self.odd:
                if rx.fullmatch(text, lo, hi):
                    return lo, hi, payload
        if hi - lo > 2 * self.max_length + 8:
            return None
        key = fold(" ".join(text[lo:hi].split()), self.ignore_case)
        m = _WORD.match(key)
        if m is None:
            return None
        if m.end() == len(key):
            payload = self.single.get(key)
            return (lo, hi, payload) if payload is not None else None
        for _, payload, rx in self._phrases(m.group(0)):
            if rx.fullmatch(text, lo, hi):
                return lo, hi, payload
        return None


# -- units: the pieces of text a scope names -----------------------------------------------------
class Unit:
    """A piece of text a pack rule reads: a prose block, an image's alt text or caption,
    or a metadata value. Derived data (words, sentences, quotations) is computed on demand
    and shared by every pack rule through ``doc.view``."""

    __slots__ = ("kind", "level", "text", "quoted", "_words", "_sentences", "_quotes", "_core")

    def __init__(self, kind: str, text: MappedText, quoted: bool = False, level: int = 0) -> None:
        self.kind = kind
        self.level = level
        self.text = text
        self.quoted = quoted
        self._words: dict[bool, frozenset[str]] = {}
        self._sentences: Any = None
        self._quotes: list[tuple[int, int]] | None = None
        self._core: tuple[int, int] | None = None

    def __repr__(self) -> str:
        return f"Unit({self.kind!r}, {self.text.text[:40]!r})"

    def wordset(self, ignore_case: bool) -> frozenset[str]:
        """The unit's distinct words (lowercased when ``ignore_case``)."""
        words = self._words.get(ignore_case)
        if words is None:
            text = self.text.text
            words = self._words[ignore_case] = frozenset(_WORD.findall(text.lower() if ignore_case else text))
        return words

    @property
    def core(self) -> tuple[int, int]:
        """The text without surrounding whitespace and punctuation."""
        if self._core is None:
            t = self.text.text
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

            self._sentences = SentenceIndex(self.text.text)
        return self._sentences

    def sentence_around(self, start: int, end: int) -> tuple[int, int]:
        return self.sentences.around(start, end)

    def quotations(self) -> list[tuple[int, int]]:
        """Spans of top-level quotations (marks included)."""
        if self._quotes is None:
            from ...text.quotes import has_quote_marks, scan_quotes

            text = self.text.text
            if not has_quote_marks(text):
                self._quotes = []
            else:
                self._quotes = [(q.start, q.end) for q in scan_quotes(text).quotes if q.depth == 0]
        return self._quotes

    def in_quotation(self, start: int, end: int) -> bool:
        if self.quoted:
            return True
        for qs, qe in self.quotations():
            if qs < start and end <= qe:
                return True
        return False


def document_units(doc: Document) -> list[Unit]:
    return doc.view("declarative.units", _build_units)


def document_words(doc: Document, ignore_case: bool) -> frozenset[str]:
    """Every word of every unit: a rule whose words are not here has nothing to find."""
    def build(d: Document) -> frozenset[str]:
        out: set[str] = set()
        for unit in document_units(d):
            out |= unit.wordset(ignore_case)
        return frozenset(out)

    return doc.view(f"declarative.words.{ignore_case}", build)


def _build_units(doc: Document) -> list[Unit]:
    units: list[tuple[int, Unit]] = []
    seen_captions: set[tuple[int, int]] = set()
    for block in doc.blocks:
        if isinstance(block, ImageBlock):
            continue
        if block.kind in PROSE_KINDS and block.text is not None and block.text.text:
            units.append((block.span.start, Unit(block.kind, block.text, BLOCKQUOTE in block.container, block.level)))
            if block.kind == CAPTION:
                sp = block.text.span
                seen_captions.add((sp.start, sp.end))
    for image in doc.images:
        if image.caption is not None and image.caption.text:
            sp = image.caption.span
            if (sp.start, sp.end) not in seen_captions:
                units.append((sp.start, Unit(CAPTION, image.caption, image.in_quote)))
        if image.alt and image.alt_span is not None:
            units.append((image.alt_span.start, Unit("alt", _span_text(doc.source, image.alt, image.alt_span), image.in_quote)))
    for key, mf in doc.metadata.items():
        values = mf.value if isinstance(mf.value, list) else [mf.value]
        for v in values:
            if isinstance(v, str) and v.strip():
                units.append((mf.value_span.start, Unit("metadata." + key.lower(), _span_text(doc.source, v, mf.value_span))))
    units.sort(key=lambda t: t[0])
    return [u for _, u in units]


def _span_text(source: str, value: str, span: Any) -> MappedText:
    """A value with its source span: verbatim when the source holds it as written
    (perhaps inside quote marks), else every offset maps to the whole span."""
    raw = source[span.start : span.end]
    at = raw.find(value) if value else -1
    if at >= 0:
        return MappedText(value, [(0, span.start + at, span.start + at + len(value))])
    return MappedText(value, [(0, span.start, span.end)])


# -- scopes ------------------------------------------------------------------------------------
BLOCK_SCOPES = {
    "paragraph": "paragraph", "heading": "heading", "list_item": "list_item", "list-item": "list_item",
    "caption": "caption", "byline": "byline", "bio": "bio", "table_cell": "table_cell",
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
    def parse(cls, value: Any, spec: Spec, keys: tuple) -> "Scope":
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
                metadata.add(name[len("metadata."):])
            else:
                raise spec.fail(
                    f"unknown scope {raw!r}{did_you_mean(name, SCOPE_WORDS)} "
                    f"(scopes: {', '.join(SCOPE_WORDS)})",
                    *keys, i,
                )
        if plain_heading:
            levels = set()  # "heading" (or "prose") wins over heading.hN
        return cls(frozenset(kinds), frozenset(levels), frozenset(metadata), alt, quote, tuple(names))

    def _kind_ok(self, unit: Unit) -> bool:
        if unit.kind not in self.kinds:
            return False
        return not (self.headings and unit.kind == "heading" and unit.level not in self.headings)

    def units(self, doc: Document) -> Iterator[Unit]:
        for unit in document_units(doc):
            kind = unit.kind
            if kind in PROSE_KINDS:
                if (self.quote or (self._kind_ok(unit) and not unit.quoted)):
                    yield unit
            elif kind == "alt":
                if self.alt:
                    yield unit
            elif kind.startswith("metadata.") and kind[9:] in self.metadata:
                yield unit

    def wants(self, unit: Unit, start: int, end: int) -> bool:
        """Whether a match at ``[start, end)`` of ``unit`` counts, given quotations."""
        if unit.kind not in PROSE_KINDS:
            return True
        if unit.in_quotation(start, end):
            return self.quote
        return self._kind_ok(unit)

    def describe(self) -> str:
        parts = []
        labels = {
            "paragraph": "paragraphs", "heading": "headings", "list_item": "list items",
            "caption": "captions", "byline": "bylines", "bio": "author bios", "table_cell": "table cells",
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

    def spans(self, unit: Unit) -> list[tuple[int, int]]:
        if not self.phrases:
            return []
        if self._lexicon is None:
            self._lexicon = Lexicon(((p, p) for p in self.phrases), self.ignore_case)
        return [(s, e) for s, e, _ in self._lexicon.find(unit)]


def covered(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)
