"""Word lists a pack rule looks for (:class:`Lexicon`): entries expanded (``colo(r|ur)``),
folded and found by their first word, fast however long the list."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .segments import DocumentText, Segment

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

    __slots__ = ("_regex", "ignore_case", "needs", "payload", "text")

    def __init__(self, text: str, payload: Any, ignore_case: bool) -> None:
        self.text = text
        self.payload = payload
        self.ignore_case = ignore_case
        words = _WORD.findall(fold(text, ignore_case))
        self.needs: frozenset[str] | None = frozenset(words[1:]) if text.isascii() or not ignore_case else None
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
                r"(?<!\w)" + re.escape(word) + r"(?!\w)", re.I if self.ignore_case else 0
            )
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
        return frozenset(
            w for w in found if w not in self._phrase_only or any(p.possible(words) for p in self.multi[w])
        )

    def find(self, unit: Segment, firsts: frozenset[str] | None = None) -> list[tuple[int, int, Any]]:
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

    def find_in_document(
        self, text: DocumentText, firsts: frozenset[str]
    ) -> dict[Segment, list[tuple[int, int, Any]]] | None:
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

    def find_odd(self, unit: Segment) -> list[tuple[int, int, Any]]:
        """Matches of the entries that do not start with a word, in text order."""
        hits = [(m.start(), m.end(), payload) for rx, payload in self.odd for m in rx.finditer(unit.string)]
        if len(hits) > 1:
            hits.sort(key=lambda h: (h[0], -h[1]))
        return hits

    def whole(self, unit: Segment) -> tuple[int, int, Any] | None:
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
