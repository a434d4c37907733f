"""The text a pack rule reads: word lists (:class:`Lexicon`), the pieces of a document
a scope names (:class:`Segment`: a heading, a paragraph, a caption, an alt text, a
metadata value; "unit" in method names), scopes, exceptions and URL detection. Nothing
here is about units of measurement (those are :mod:`edlint.text.quantities`)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, compress, islice
from operator import eq
from typing import Any, Iterable

from ...document import (
    BLOCKQUOTE,
    CAPTION,
    PROSE_KINDS,
    Document,
    ImageBlock,
    MappedText,
)
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
    lead = r"(?<!\w)" if phrase[:1].isalnum() or phrase[:1] == "_" else ""
    return re.compile(lead + _phrase_body(phrase), re.I if ignore_case else 0)


def _phrase_body(phrase: str) -> str:
    """:func:`phrase_regex` without the check before the phrase."""
    body = r"\s+".join(re.escape(p) for p in phrase.split(" "))
    tail = r"(?!\w)" if phrase[-1:].isalnum() or phrase[-1:] == "_" else ""
    return body + tail


# Characters outside ASCII that re.IGNORECASE matches to an ASCII letter (or whose
# str.lower() is ASCII): İ ı ſ and the Kelvin sign. In text without them, an ASCII word
# matches a token case-insensitively exactly when it equals the token's str.lower(), so
# the lowercased word sets can rule phrases out. tests/rules/declarative/test_packs_fastpaths.py checks this list
# against the whole Unicode range.
CASE_TRAPS = "\u0130\u0131\u017f\u212a"


def plain_case(text: str) -> bool:
    """Whether ``text`` holds none of the :data:`CASE_TRAPS`."""
    # four substring searches: much faster than one character-class regex
    return text.isascii() or not any(c in text for c in CASE_TRAPS)


class _Phrase:
    """A phrase of several words in a :class:`Lexicon`. ``needs`` are its words after the
    first (folded): every match has each of them as a whole word of the text, so a text
    lacking one cannot match. None when that does not hold (a non-ASCII phrase matched
    regardless of case)."""

    __slots__ = ("text", "payload", "needs", "_regex", "ignore_case")

    def __init__(self, text: str, payload: Any, ignore_case: bool) -> None:
        self.text = text
        self.payload = payload
        self.ignore_case = ignore_case
        words = _WORD.findall(fold(text, ignore_case))
        self.needs: frozenset[str] | None = (
            frozenset(words[1:]) if text.isascii() or not ignore_case else None)
        self._regex: re.Pattern[str] | None = None

    @property
    def regex(self) -> re.Pattern[str]:
        # Compiled the first time its first word is seen, so long lists load quickly.
        if self._regex is None:
            self._regex = phrase_regex(self.text, self.ignore_case)
        return self._regex

    def possible(self, words: frozenset[str]) -> bool:
        return self.needs is None or self.needs <= words


class Lexicon:
    """Literal words and phrases, found by dictionary look-up of the unit's words rather
    than by one large alternation (fast however long the list is)."""

    def __init__(self, entries: Iterable[tuple[str, Any]], ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.single: dict[str, Any] = {}
        # first word -> its phrases, longest first
        self.multi: dict[str, list[_Phrase]] = {}
        self.odd: list[tuple[re.Pattern[str], Any]] = []  # phrases that do not start with a word
        for phrase, payload in entries:
            m = _WORD.match(phrase)
            if m is None:
                self.odd.append((phrase_regex(phrase, ignore_case), payload))
            elif m.end() == len(phrase):
                self.single.setdefault(fold(phrase, ignore_case), payload)
            else:
                key = fold(m.group(0), ignore_case)
                self.multi.setdefault(key, []).append(_Phrase(phrase, payload, ignore_case))
        for lst in self.multi.values():
            lst.sort(key=lambda p: -len(p.text))
        self.first_words = frozenset(self.single) | frozenset(self.multi)
        # First words that only start phrases: present in a text, they may still not matter.
        self._phrase_only = frozenset(self.multi).difference(self.single)
        self._word_rx: dict[str, re.Pattern[str]] = {}
        self._finders: dict[str, re.Pattern[str]] = {}
        self._either: dict[str, re.Pattern[str]] = {}
        # Needed to look words up in the lowercase document text (see find_in_document).
        self._ascii_firsts = all(w.isascii() for w in self.first_words)
        lengths = [len(p) for p in self.single] + [len(p.text) for lst in self.multi.values() for p in lst]
        self.max_length = max(lengths, default=0)

    def __bool__(self) -> bool:
        return bool(self.first_words or self.odd)

    def _word_regex(self, word: str) -> re.Pattern[str]:
        rx = self._word_rx.get(word)
        if rx is None:
            rx = self._word_rx[word] = re.compile(
                r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I if self.ignore_case else 0)
        return rx

    def _word_finder(self, word: str) -> re.Pattern[str]:
        """``word`` as a whole word, matched exactly: for the lowercase document text
        when ignoring case. It starts with the literal word, so the regex engine skips
        ahead to it; the look-behind after it checks the character before it."""
        rx = self._finders.get(word)
        if rx is None:
            w = re.escape(word)
            rx = self._finders[word] = re.compile(w + r"(?<!\w" + w + r")(?!\w)")
        return rx

    def _either_phrase(self, word: str) -> re.Pattern[str]:
        """The phrases that start with ``word`` as one regex: group N is the Nth phrase,
        and the first that matches wins, as when each is tried in turn."""
        rx = self._either.get(word)
        if rx is None:
            # every phrase starts with a word: each would start with this check
            branches = "|".join(f"({_phrase_body(p.text)})" for p in self.multi[word])
            rx = self._either[word] = re.compile(r"(?<!\w)(?:" + branches + ")", re.I if self.ignore_case else 0)
        return rx

    def candidates(self, words: frozenset[str], plain: bool) -> frozenset[str]:
        """The first words worth looking for in text whose (folded) words are ``words``;
        ``plain``: the text holds no :data:`CASE_TRAPS`, so phrases can be ruled out."""
        found = self.first_words.intersection(words)
        if not (plain or not self.ignore_case) or self._phrase_only.isdisjoint(found):
            return found
        return frozenset(w for w in found if w not in self._phrase_only
                         or any(p.possible(words) for p in self.multi[w]))

    def find(self, unit: "Segment", firsts: frozenset[str] | None = None) -> list[tuple[int, int, Any]]:
        """``(start, end, payload)`` of every entry in ``unit``, longest match first at
        each position, in text order. Only the words the unit holds (one set
        intersection) are looked for; ``firsts`` narrows them further (from
        :meth:`candidates`)."""
        hits: list[tuple[int, int, Any]] = []
        words = unit.wordset(self.ignore_case)
        present = (self.first_words if firsts is None else firsts).intersection(words)
        if present:
            text = unit.string
            rule_out = not self.ignore_case or unit.plain_case
            for word in present:
                single = self.single.get(word)
                phrases = self.multi.get(word)
                if phrases and rule_out:
                    phrases = [p for p in phrases if p.possible(words)]
                if not phrases:
                    if single is not None:
                        for wm in self._word_regex(word).finditer(text):
                            hits.append((wm.start(), wm.end(), single))
                    continue
                for wm in self._word_regex(word).finditer(text):
                    start = wm.start()
                    for phrase in phrases:
                        m = phrase.regex.match(text, start)
                        if m:
                            hits.append((start, m.end(), phrase.payload))
                            break
                    else:
                        if single is not None:
                            hits.append((start, wm.end(), single))
        if self.odd:
            text = unit.string
            for rx, payload in self.odd:
                for m in rx.finditer(text):
                    hits.append((m.start(), m.end(), payload))
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
        return hits

    def find_in_document(self, text: "DocumentText", firsts: frozenset[str]) -> dict["Segment", list[tuple[int, int, Any]]] | None:
        """What :meth:`find` gives for every unit, but found in the whole document text at
        once, without the odd entries: unit -> its ``(start, end, payload)``, for units
        with any. ``firsts``: from :meth:`candidates`. None when the units must be read
        one by one: a document with :data:`CASE_TRAPS`, or a word outside ASCII, when
        ignoring case (then a lowercase word and a case-insensitive match can differ)."""
        if self.ignore_case and not (self._ascii_firsts and text.plain_case):
            return None
        source = text.text
        haystack = text.lower if self.ignore_case else source
        words = text.words(self.ignore_case)
        found: list[tuple[int, int, Any]] = []
        for word in firsts.intersection(words):
            single = self.single.get(word)
            phrases = self.multi.get(word)
            if not phrases or not any(p.possible(words) for p in phrases):
                if single is not None:
                    found.extend((m.start(), m.end(), single) for m in self._word_finder(word).finditer(haystack))
                continue
            either = self._either_phrase(word)
            for wm in self._word_finder(word).finditer(haystack):
                start = wm.start()
                # bounded to the unit, as if the unit were read on its own
                m = either.match(source, start, text.ends[text.unit_index(start)])
                if m:
                    found.append((start, m.end(), phrases[m.lastindex - 1].payload))  # type: ignore[operator]
                elif single is not None:
                    found.append((start, wm.end(), single))
        by_unit: dict[Segment, list[tuple[int, int, Any]]] = {}
        if not found:
            return by_unit
        found.sort(key=lambda h: (h[0], -h[1]))
        for start, end, payload in found:
            i = text.unit_index(start)
            base = text.starts[i]
            by_unit.setdefault(text.units[i], []).append((start - base, end - base, payload))
        return by_unit

    def find_odd(self, unit: "Segment") -> list[tuple[int, int, Any]]:
        """Matches of the entries that do not start with a word, in text order."""
        hits = [(m.start(), m.end(), payload) for rx, payload in self.odd for m in rx.finditer(unit.string)]
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
        return hits

    def whole(self, unit: "Segment") -> tuple[int, int, Any] | None:
        """The entry that is the unit's whole text (ignoring edge punctuation), if any."""
        lo, hi = unit.core
        text = unit.string
        if self.odd:
            for rx, payload in self.odd:
                if rx.fullmatch(text, lo, hi):
                    return lo, hi, payload
        if hi - lo > 2 * self.max_length + 8:
            return None
        key, first = unit.core_words(self.ignore_case)
        if first is None:
            return None
        if first == key:
            payload = self.single.get(key)
            return (lo, hi, payload) if payload is not None else None
        for phrase in self.multi.get(first, ()):
            if phrase.regex.fullmatch(text, lo, hi):
                return lo, hi, phrase.payload
        return None


# -- segments: the pieces of text a scope names -----------------------------------------------------
class Segment:
    """A piece of text a pack rule reads: a prose block, an image's alt text or caption,
    or a metadata value. ``string`` is its text; ``text`` maps it back to the source.
    Derived data (words, sentences, quotations) is computed on demand and shared by
    every pack rule through ``doc.view``."""

    __slots__ = ("kind", "level", "quoted", "string", "_text", "_source", "_span", "_words_folded",
                 "_words_exact", "_sentences", "_quotes", "_core", "_plain", "_core_key_folded",
                 "_core_key_exact")

    def __init__(self, kind: str, text: MappedText | None, quoted: bool = False, level: int = 0,
                 *, source: str = "", value: str = "", span: Any = None) -> None:
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
        for qs, qe in self.quotations():
            if qs < start and end <= qe:
                return True
        return False


def document_segments(doc: Document) -> list[Segment]:
    return doc.view("declarative.units", _build_segments)


class DocumentText:
    """The text of every unit of a document, joined by line breaks, read in one pass
    for the whole document: its words, its lowercase form and where each unit starts.

    A line break is no word character and no cased letter, and no word or phrase
    regex matches across it once its end is bounded to the unit: so the words here are
    the union of the units' words, ``str.lower()`` keeps every unit as it would be on
    its own, and a word match here is a word match in one unit.
    """

    __slots__ = ("units", "text", "starts", "ends", "_lower", "_words", "_plain", "_repeated", "_by_first_char")

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
                candidates = [i for i in candidates
                              if any(haystack.find(s, starts[i], ends[i]) >= 0 for s in strings)]
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

    def units_starting_with(self, prefixes: tuple[str, ...], first_chars: frozenset[str],
                            ignore_case: bool) -> set[Segment]:
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
            units.append((image.alt_span.start, Segment("alt", None, image.in_quote, source=doc.source,
                                                     value=image.alt, span=image.alt_span)))
    for key, mf in doc.metadata.items():
        values = mf.value if isinstance(mf.value, list) else [mf.value]
        for v in values:
            if isinstance(v, str) and v.strip():
                units.append((mf.value_span.start, Segment("metadata." + key.lower(), None, source=doc.source,
                                                        value=v, span=mf.value_span)))
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

    def _read(self, doc: Document) -> "_ScopeUnits":
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
