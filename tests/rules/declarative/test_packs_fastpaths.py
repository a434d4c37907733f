"""The pack engine's fast paths find what reading each unit on its own finds.

Pack rules look words up in the whole document text at once, skip units a pattern cannot
match (by the strings, prefixes or doubled words its syntax needs) and ask whole-block
lexicons only about short units. The reference below is the plain algorithm they replace:
each unit read on its own, every word of the lexicon looked for with its own regex. The
tests run both on random and hand-made documents (with the characters that make case
folding and word bounds awkward) and assert the same matches.
"""

from __future__ import annotations

import re
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edlint.document import Document, MappedText, Span
from edlint.rules.declarative.base import Matcher, build_matcher
from edlint.rules.declarative.lexicon import CASE_TRAPS, Lexicon, phrase_regex
from edlint.rules.declarative.regex_prefilters import (
    anchored_at_start,
    literal_prefixes,
    literal_requirements,
    repeated_word_chars,
)
from edlint.rules.declarative.scopes import Scope
from edlint.rules.declarative.segments import Segment
from edlint.rules.declarative.spec import Spec

PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SPEC = Spec({}, "test.yaml", {}, ())
_WORD = re.compile(r"\w+")


# -- the reference: every unit on its own --------------------------------------------------------
def _reference_find(lex: Lexicon, unit: Segment) -> list[tuple[int, int, object]]:
    text = unit.string
    words = frozenset(_WORD.findall(text.lower() if lex.ignore_case else text))
    hits = []
    for word in lex.first_words & words:
        rx = re.compile(r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I if lex.ignore_case else 0)
        for wm in rx.finditer(text):
            for phrase in lex.multi.get(word, ()):
                m = phrase_regex(phrase.text, lex.ignore_case).match(text, wm.start())
                if m:
                    hits.append((wm.start(), m.end(), phrase.payload))
                    break
            else:
                if word in lex.single:
                    hits.append((wm.start(), wm.end(), lex.single[word]))
    for rx, payload in lex.odd:
        hits.extend((m.start(), m.end(), payload) for m in rx.finditer(text))
    return sorted(hits, key=lambda h: (h[0], -h[1]))


def _reference_whole(lex: Lexicon, unit: Segment):
    lo, hi = unit.core
    text = unit.string
    for rx, payload in lex.odd:
        if rx.fullmatch(text, lo, hi):
            return lo, hi, payload
    key = " ".join(text[lo:hi].split())
    key = key.lower() if lex.ignore_case else key
    m = _WORD.match(key)
    if m is None:
        return None
    if m.end() == len(key):
        return (lo, hi, lex.single[key]) if key in lex.single else None
    for phrase in lex.multi.get(m.group(0), ()):
        if phrase_regex(phrase.text, lex.ignore_case).fullmatch(text, lo, hi):
            return lo, hi, phrase.payload
    return None


def _reference(matcher: Matcher, units: list[Segment], scope_units: list[Segment]) -> list:
    lex = matcher.lexicon
    if lex and not lex.odd and not matcher.patterns:
        every_word: set[str] = set()
        for unit in units:  # every unit, in scope or not
            every_word |= set(_WORD.findall(unit.string.lower() if lex.ignore_case else unit.string))
        if lex.first_words.isdisjoint(every_word):
            return []
    out = []
    for unit in scope_units:
        text = unit.string
        found: list = []
        if matcher.whole_block:
            lo, hi = unit.core
            if hi <= lo:
                continue
            hit = _reference_whole(lex, unit) if lex else None
            if hit:
                found = [(hit[0], hit[1], hit[2], None)]
            else:
                for rx, payload in matcher.patterns:
                    m = rx.fullmatch(text, lo, hi)
                    if m:
                        found = [(lo, hi, payload, m.span())]
                        break
        else:
            if lex:
                found = [(s, e, p, None) for s, e, p in _reference_find(lex, unit)]
            for rx, payload in matcher.patterns:
                found += [(m.start(), m.end(), payload, m.span()) for m in rx.finditer(text) if m.end() > m.start()]
            found.sort(key=lambda h: (h[0], -h[1]))
            kept, last = [], -1
            for hit in found:
                if hit[0] >= last:
                    kept.append(hit)
                    last = hit[1]
            found = kept
        if found:
            out.append((units.index(unit), found))
    return out


def _fast(matcher: Matcher, doc: Document, units: list[Segment], scope: Scope) -> list:
    return [
        (units.index(unit), [(s, e, p, m.span() if m else None) for s, e, p, m in found])
        for unit, found in matcher.scan(doc, scope)
    ]


# -- documents ---------------------------------------------------------------------------------
def _document(
    paragraphs: list[str], headings: list[str] = (), metadata: list[str] = ()
) -> tuple[Document, list[Segment]]:
    """A document whose units are ``paragraphs``, ``headings`` and ``metadata`` values."""
    source = "\n\n".join([*paragraphs, *headings, *metadata])
    units, at = [], 0
    for kind, texts in (("paragraph", paragraphs), ("heading", headings), ("metadata.title", metadata)):
        for text in texts:
            if kind.startswith("metadata"):
                units.append(Segment(kind, None, source=source, value=text, span=Span(at, at + len(text))))
            else:
                units.append(Segment(kind, MappedText(text, [(0, at, at + len(text))]), level=2))
            at += len(text) + 2
    doc = Document("test.md", "markdown", source)
    doc._views["declarative.segments"] = units
    return doc, units


PROSE = Scope.parse(["prose"], SPEC, ("scope",))
PARAGRAPHS = Scope.parse(["paragraph"], SPEC, ("scope",))

MATCHERS = {
    "lexicon": build_matcher(
        (
            "in order to",
            "in order for",
            "a large number of",
            "the",
            "bye bye",
            "bye",
            "so so",
            "in spite of",
            "in spite",
            "one kind",
            "x-ray",
            "e-mail",
            "reading, subscribe",
            "in",
            "order",
        ),
        (),
        True,
        SPEC,
    ),
    # a word outside ASCII: looked up unit by unit
    "lexicon with non-ASCII words": build_matcher(
        ("in order to", "the", "so so", "café", "ſo", "straße", "σοφός", "in spite of"), (), True, SPEC
    ),
    "lexicon, case kept": build_matcher(("in order to", "The", "bye bye", "Café", "ΟΔΟΣ", "K"), (), False, SPEC),
    "lexicon with an odd entry": build_matcher(("-ish", "in order to", "so"), (), True, SPEC),
    "lexicon and patterns": build_matcher(
        ("in order to", "the"), (r"!", r"\d+ ?shares?", r"^(?:sign up|subscribe) (?:for|to)\b"), True, SPEC
    ),
    "doubled word": build_matcher((), (r"(?<![\w'’-])([a-z]+)\s+\1(?![\w'’-])",), True, SPEC),
    "doubled word, case kept": build_matcher((), (r"(?<!\w)([A-Za-z]+)\s+\1(?!\w)",), False, SPEC),
    "anchored": build_matcher(
        (), (r"^(?:READ MORE|Read more|See also)\s*:", r"^(?:we|this site) uses? cookies\b"), False, SPEC
    ),
    "anchored, ignoring case": build_matcher((), (r"^(?:we|this site) uses? cookies\b", r"\Aso\b"), True, SPEC),
    "whole block": build_matcher(
        ("advert", "share this", "so so", "ſo", "in order to"), (r"\d+ ?shares?", r"so+"), True, SPEC, whole_block=True
    ),
    "whole block, lexicon only": build_matcher(("advert", "share this", "bye bye"), (), True, SPEC, whole_block=True),
    "whole block with an odd entry": build_matcher(("…more", "advert"), (), True, SPEC, whole_block=True),
}

# Words and separators that make matching awkward: final sigma, non-ASCII words,
# underscores, line breaks and no-break spaces between words; and, in some documents, the
# case traps (İ ı ſ K), which turn the shortcuts off.
WORDS = [
    "in",
    "In",
    "IN",
    "order",
    "ORDER",
    "to",
    "for",
    "the",
    "The",
    "THE",
    "a",
    "large",
    "number",
    "of",
    "bye",
    "Bye",
    "so",
    "So",
    "SO",
    "café",
    "CAFÉ",
    "straße",
    "STRASSE",
    "x",
    "ray",
    "e",
    "mail",
    "reading",
    "subscribe",
    "sign",
    "up",
    "we",
    "use",
    "uses",
    "cookies",
    "this",
    "site",
    "READ",
    "MORE",
    "Read",
    "more",
    "See",
    "also",
    "advert",
    "share",
    "3",
    "12",
    "shares",
    "ΟΔΟΣ",
    "οδος",
    "σοφός",
    "ΣΟΦΌΣ",
    "K",
    "k",
    "ish",
    "_so",
    "so_",
    "spite",
    # whole phrases, so that the random texts hold matches
    "in order to",
    "IN ORDER TO",
    "in  order\nto",
    "in order for",
    "a large number of",
    "in spite of",
    "bye bye",
    "so so",
    "Bye bye bye",
    "the the",
    "The the",
    "THE THE",
    "we use cookies",
    "See also:",
    "READ MORE:",
    "Read more :",
    "12 shares",
    "Share this",
    "reading, subscribe",
    "x-ray",
    "one kind",
]
TRAPS = ["İn", "ın", "ſo", "\u212a", "ſpite", "in ſpite of", "İN ORDER TO", "one \u212aind", "one kınd"]
SEPARATORS = [" ", " ", " ", "  ", "\n", "\u00a0", ", ", "-", "’", "'", ": ", "!", "…", "_", "", "\t"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    pairs = st.lists(st.tuples(st.sampled_from(words), st.sampled_from(SEPARATORS)), min_size=1, max_size=12)
    return pairs.map(lambda pairs: "".join(w + s for w, s in pairs).strip() or "so")


def _same_as_reference(paragraphs, headings, metadata, name):
    matcher = MATCHERS[name]
    for scope in (PROSE, PARAGRAPHS):
        doc, units = _document(paragraphs, headings, metadata)
        assert _fast(matcher, doc, units, scope) == _reference(matcher, units, scope.units(doc))


@PROPS
@given(
    st.lists(_texts(WORDS), min_size=1, max_size=5),
    st.lists(_texts(WORDS), max_size=2),
    st.lists(_texts(WORDS), max_size=2),
    st.sampled_from(sorted(MATCHERS)),
)
def test_scan_finds_what_each_unit_read_alone_finds(paragraphs, headings, metadata, name):
    _same_as_reference(paragraphs, headings, metadata, name)


@PROPS
@given(
    st.lists(_texts(WORDS + TRAPS), min_size=1, max_size=5),
    st.lists(_texts(WORDS + TRAPS), max_size=2),
    st.sampled_from(sorted(MATCHERS)),
)
def test_scan_with_case_traps_finds_what_each_unit_read_alone_finds(paragraphs, metadata, name):
    _same_as_reference(paragraphs, [], metadata, name)


HAND_MADE = [
    ["The the cat", "so so", "İN ORDER TO go", "in order\nto"],  # a trap, a line break in a unit
    ["The the cat", "so so", "IN ORDER TO go", "in order\nto"],
    ["we went in order", "to see", "the", "the end"],  # a phrase, a doubled word across units
    ["in ſpite of it", "in spite of it", "so ſo", "one \u212aind", "one kınd"],  # a trap inside a phrase
    ["bye bye bye", "Bye bye", "ΟΔΟΣ ΟΔΟΣ'Α οδος"],  # overlapping phrases, final sigma
    ["in order to in order for", "a large number of people", "x-ray e-mail"],
    ["We use cookies to", "READ MORE: news", "Read more: that", "this site uses cookies"],
    ["advert", "_advert_", "Share this!", "12 shares", "So so."],
    ["advert", "_advert_", "Share this!", "12 shares", "ſo", "So so."],
    ["the\u00a0the", "the\tthe", "the_the the", "THE THE", "the\u212athe"],
    ["the\u00a0the", "the\tthe", "the_the the", "THE THE"],
]


def test_scan_on_hand_made_documents():
    for paragraphs in HAND_MADE:
        for name in MATCHERS:
            for metadata in ([], ["advert"], ["in order to", "the"]):
                _same_as_reference(paragraphs, ["Share this"], metadata, name)


def test_whole_block_gate_reads_every_unit():
    """A whole-block entry is looked up only when its first word is a word somewhere in the
    document, out of scope too: "_advert_" is not the word "advert"."""
    matcher = MATCHERS["whole block, lexicon only"]
    doc, units = _document(["_advert_"])
    assert _fast(matcher, doc, units, PROSE) == []
    doc, units = _document(["_advert_"], metadata=["advert"])
    assert [i for i, _ in _fast(matcher, doc, units, PROSE)] == [0]


# -- what the shortcuts assume about Unicode -----------------------------------------------------
def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


def test_case_traps_are_the_only_characters_that_fold_to_ascii():
    """Outside CASE_TRAPS, no non-ASCII character matches an ASCII one ignoring case, and
    str.lower() keeps every character one character, a word character or not as it was."""
    others = "".join(
        chr(i) for i in range(0x80, sys.maxunicode + 1) if not 0xD800 <= i < 0xE000 and chr(i) not in CASE_TRAPS
    )
    for a in map(chr, range(0x80)):
        assert re.search(re.escape(a), others, re.I) is None, a
    for c in others:
        low = c.lower()
        if low != c:
            assert len(low) == 1 and not low.isascii() and _is_word(low) == _is_word(c), c
    for c in CASE_TRAPS:  # each is there for a reason
        assert any(re.fullmatch(re.escape(a), c, re.I) for a in map(chr, range(0x80))) or c.lower().isascii()


# -- what the pattern analysis promises -----------------------------------------------------------
PATTERNS = [
    (r"^(?:sign up|subscribe|register) (?:for|to) (?:our|the) newsletters?\b", re.I),
    (r"^(?:READ MORE|Read more|RELATED)\s*:\s*\S.{0,20}$", 0),
    (r"\d+ (?:comments?|repl(?:y|ies))", re.I),
    (r"(?i:ab)c+d", 0),
    (r"(?>ab|a)c", 0),
    (r"x(?:yz)*w", re.I),
    (r"^a|b", 0),
    (r"(?m)^ab", 0),
    (r"\Aab+", re.I),
    (r"(?<![\w'’-])([a-z]+)\s+\1(?![\w'’-])", re.I),
    (r"(?<!\w)([A-Z0-9]+)\s+\1(?!\w)", 0),
]
PATTERN_TEXT = st.lists(
    st.sampled_from(
        [
            *list("abcdxyzwABCDSUGNPRTEMOLW0123 \n:'’-!ſİK"),
            "sign up",
            "subscribe",
            "register",
            "for",
            "to",
            "our",
            "newsletter",
            "READ MORE",
            "Read more",
            "comment",
            "reply",
            "ab",
            "abc",
            "xyzw",
        ]
    ),
    max_size=16,
).map("".join)


@PROPS
@given(PATTERN_TEXT, st.sampled_from(PATTERNS))
def test_pattern_analysis_holds_for_every_match(text, pattern):
    rx = re.compile(*pattern)
    ignore_case = bool(rx.flags & re.I)
    folded = text.lower() if ignore_case else text
    plain = not any(c in text for c in CASE_TRAPS)
    for m in rx.finditer(text):
        if anchored_at_start(rx):
            assert m.start() == 0
        if plain or not ignore_case:
            matched = folded[m.start() : m.end()]
            for strings in literal_requirements(rx):
                assert any(s in matched for s in strings), (strings, matched)
            prefixes = literal_prefixes(rx)
            if prefixes is not None:
                assert matched.startswith(tuple(prefixes))
        chars = repeated_word_chars(rx)
        if chars is not None and plain:
            words = _WORD.findall(m.group().lower())
            assert len(words) == 2 and words[0] == words[1] and set(words[0]) <= chars


def test_repeated_word_chars_knows_only_the_doubled_word_shape():
    assert repeated_word_chars(re.compile(r"(?<![\w'’-])([a-z]+)\s+\1(?![\w'’-])", re.I)) == frozenset(
        "abcdefghijklmnopqrstuvwxyz"
    )
    for source in (
        r"(?<!\w)(\w+)\s+\1(?!\w)",
        r"([a-z]+)\s+\1",
        r"(?<![\w])([a-z']+)\s+\1(?!\w)",
        r"(?a)(?<!\w)([a-z]+)\s+\1(?!\w)",
        r"(?<!\w)([a-z]+),\1(?!\w)",
    ):
        assert repeated_word_chars(re.compile(source)) is None, source
