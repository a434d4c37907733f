"""The shared base of every check type: common fields, matching with scope, quotation,
URL and exception filters, messages and fixes."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ...document import Document
from ..base import Applicability, Finding, Fix
from .conditions import Condition, read_conditions
from .lexicon import Lexicon, expand
from .regex_budget import BudgetExceeded, RegexBudget
from .regex_prefilters import anchored_at_start, literal_prefixes, literal_requirements, repeated_word_chars
from .regexes import compile_pattern
from .scopes import Exceptions, Scope, covered, in_url
from .segments import DocumentText, Segment, document_plain_case, document_text, document_words
from .spec import (
    Field,
    Spec,
    one_of,
    read_bool,
    read_examples,
    read_id,
    read_str,
    read_str_list,
)

# -- messages, capitals and fixes ---------------------------------------------------------------
_PLACEHOLDER = re.compile(r"\{(\w*)\}")


def check_message(message: str, allowed: Iterable[str], spec: Spec) -> None:
    allowed = set(allowed)
    for m in _PLACEHOLDER.finditer(message):
        if m.group(1) not in allowed:
            raise spec.fail(
                f"message has unknown placeholder {{{m.group(1)}}}; this check type offers "
                + ", ".join("{" + a + "}" for a in sorted(allowed)),
                "message",
            )


def render(message: str, values: dict[str, Any]) -> str:
    return _PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), message)


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` (ALL CAPS, Capitalised)."""
    letters = [c for c in original if c.isalpha()]
    if not letters or not replacement:
        return replacement
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return replacement.upper()
    if letters[0].isupper() and replacement[:1].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


FIX_CHOICES = ("safe", "unsafe", "suggestion", "none")


def make_fix(span: Any, replacement: str, kind: str, title: str) -> Fix | None:
    if kind == "none":
        return None
    return Fix.replace(span, replacement, title, Applicability(kind))


class Hit(NamedTuple):
    """A match that passed scope, quotation, URL and exception filters."""

    unit: Segment
    start: int
    end: int
    payload: Any = None
    match: re.Match[str] | None = None

    @property
    def text(self) -> str:
        return self.unit.string[self.start : self.end]

    def span(self) -> Any:
        return self.unit.text.source_span(self.start, self.end)

    def finding(self, message: str, fix: Fix | None = None) -> Finding:
        if fix is not None and not self.unit.text.is_verbatim(self.start, self.end):
            # The match crosses markup ("the *the*", "[in order](url) to"): replacing its
            # source span would delete the markup in between, so no fix is offered.
            fix = None
        return Finding(self.span(), message, fix)


# (start, end, payload, regex match or None) of one match in a unit
RawMatch = tuple[int, int, Any, "re.Match[str] | None"]
_NO_WORDS: frozenset[str] = frozenset()


def _earliest_longest(hit: RawMatch) -> tuple[int, int]:
    return hit[0], -hit[1]


@dataclass
class Matcher:
    """Literal ``tokens`` (a Lexicon) and regex ``patterns`` of one rule."""

    lexicon: Lexicon | None = None
    patterns: list[tuple[re.Pattern[str], Any]] = field(default_factory=list)
    whole_block: bool = False

    def __post_init__(self) -> None:
        self._prefilters = [PatternPrefilter(rx) for rx, _ in self.patterns]

    def __bool__(self) -> bool:
        return bool(self.lexicon) or bool(self.patterns)

    def words_to_find(self, doc: Document) -> frozenset[str] | None:
        """None when ``doc`` cannot hold a match (none of the words is in it); else the
        lexicon's first words worth looking for in its units."""
        lexicon = self.lexicon
        if not lexicon:
            return _NO_WORDS
        if lexicon.odd:
            return lexicon.first_words
        words = document_words(doc, lexicon.ignore_case)
        if self.whole_block:
            # A whole-block match is looked up by the unit's whole text, not by its words.
            if self.patterns or not lexicon.first_words.isdisjoint(words):
                return lexicon.first_words
            return None
        found = lexicon.candidates(words, document_plain_case(doc))
        return found if found or self.patterns else None

    def scan(self, doc: Document, scope: Scope) -> Iterator[tuple[Segment, list[RawMatch]]]:
        """``(unit, matches)`` for each unit of ``scope`` with matches, in document order.
        The matches of a unit are those of the lexicon and the patterns in text order; of
        overlapping ones, the earliest (then the longest) is kept. With ``whole_block``, a
        unit's one match is its whole core text.

        The result is what reading each unit on its own gives (tests/rules/declarative/test_packs_fastpaths.py
        holds that reference), found faster: the words are looked up in the whole document
        at once, and each pattern runs only in the units where its syntax lets it match."""
        firsts = self.words_to_find(doc)
        if firsts is None:
            return
        units = scope.units(doc)
        if not units:
            return
        text = document_text(doc)
        # Each pattern that can match here, with the only units it can match in (None: any).
        patterns = []
        for (rx, payload), prefilter in zip(self.patterns, self._prefilters, strict=True):
            where = prefilter.units(text)
            if where is None or where:
                patterns.append((rx, payload, where, prefilter.anchored))
        if self.whole_block:
            yield from self._scan_whole(scope.units_with_core(doc), patterns)
            return
        lexicon = self.lexicon
        odd = bool(lexicon and lexicon.odd)
        word_hits = lexicon.find_in_document(text, firsts) if lexicon and firsts else {}
        if word_hits is None:
            word_hits = {}
            by_unit = True  # the lexicon reads unit by unit
        else:
            by_unit = False
            if not odd and all(where is not None for _, _, where, _ in patterns):
                # Only some units can hold a match: look at those alone.
                wanted = set(word_hits)
                for _, _, where, _ in patterns:
                    wanted.update(where)  # type: ignore[arg-type]
                units = [u for u in units if u in wanted]
        for unit in units:
            if by_unit:
                found: list[RawMatch] = [(s, e, p, None) for s, e, p in lexicon.find(unit, firsts)]  # type: ignore[union-attr]
            else:
                hits = word_hits.get(unit)
                found = [(s, e, p, None) for s, e, p in hits] if hits else []
                if odd:
                    found.extend((s, e, p, None) for s, e, p in lexicon.find_odd(unit))  # type: ignore[union-attr]
            if patterns:
                unit_text = unit.string
                for rx, payload, where, anchored in patterns:
                    if where is not None and unit not in where:
                        continue
                    if anchored:
                        m = rx.match(unit_text)
                        if m and m.end() > m.start():
                            found.append((m.start(), m.end(), payload, m))
                        continue
                    for m in rx.finditer(unit_text):
                        if m.end() > m.start():
                            found.append((m.start(), m.end(), payload, m))
            if found:
                yield unit, _without_overlaps(found)

    def _scan_whole(
        self, with_core: tuple[list[Segment], list[int]], patterns: list
    ) -> Iterator[tuple[Segment, list[RawMatch]]]:
        """:meth:`scan` for ``whole_block``, over the units with a core and the core
        lengths: the lexicon's entry that is the whole core, else the first pattern that
        matches all of it. The lexicon is asked only about units short enough and starting
        with one of its words."""
        units, lengths = with_core
        lexicon = self.lexicon if self.lexicon else None
        # Lexicon.whole finds nothing in a longer unit, nor in one whose first word is
        # none of its first words (odd entries aside).
        quick = lexicon is not None and not lexicon.odd
        longest = 2 * lexicon.max_length + 8 if quick else 0
        if (lexicon is None or quick) and all(where is not None for _, _, where, _ in patterns):
            pattern_units: set[Segment] = set().union(*(where for _, _, where, _ in patterns))
            units = [u for u, n in zip(units, lengths, strict=True) if (quick and n <= longest) or u in pattern_units]
        for unit in units:
            lo, hi = unit.core
            if lexicon is not None and (
                not quick or (hi - lo <= longest and unit.core_words(lexicon.ignore_case)[1] in lexicon.first_words)
            ):
                hit = lexicon.whole(unit)
                if hit:
                    yield unit, [(hit[0], hit[1], hit[2], None)]
                    continue
            if patterns:
                text = unit.string
                for rx, payload, where, _ in patterns:
                    if where is not None and unit not in where:
                        continue
                    m = rx.fullmatch(text, lo, hi)
                    if m:
                        yield unit, [(lo, hi, payload, m)]
                        break


class PatternPrefilter:
    """Where a pattern can match, read from its syntax once: only in units that start
    with one of its prefixes (:func:`literal_prefixes`), only in units holding the
    strings it needs (:func:`literal_requirements`), only where two equal words follow
    each other (:func:`repeated_word_chars`)."""

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.ignore_case = bool(rx.flags & re.IGNORECASE)
        self.anchored = anchored_at_start(rx)
        prefixes = literal_prefixes(rx)
        self.prefixes = tuple(sorted(prefixes)) if prefixes else None
        self.first_chars = frozenset(p[:1].lower() for p in self.prefixes or ())
        # The rarest-looking strings first, so that few units are left to look at early.
        self.requirements = sorted(literal_requirements(rx), key=lambda strings: -min(map(len, strings)))
        self.doubled_chars = repeated_word_chars(rx)

    def units(self, text: DocumentText) -> set[Segment] | None:
        """The units of ``text`` where the pattern can match (empty: none); None: any."""
        if self.prefixes is not None and (text.plain_case or not self.ignore_case):
            return text.units_starting_with(self.prefixes, self.first_chars, self.ignore_case)
        if self.requirements:
            return text.units_holding(self.requirements, self.ignore_case)
        if self.doubled_chars is not None:
            return _units_with_doubles(text, self.doubled_chars)
        return None


def _without_overlaps(found: list[RawMatch]) -> list[RawMatch]:
    """``found`` in text order, dropping each match that overlaps an earlier or longer one."""
    if len(found) < 2:
        return found
    found.sort(key=_earliest_longest)
    kept: list[RawMatch] = []
    last = -1
    for hit in found:
        if hit[0] < last:
            continue
        last = hit[1]
        kept.append(hit)
    return kept


def _units_with_doubles(text: DocumentText, chars: frozenset[str]) -> set[Segment] | None:
    """The units where a doubled-word pattern whose word holds ``chars`` may match (see
    repeated_word_chars); None when every unit must be read."""
    if not text.plain_case:
        return None
    units: set[Segment] = set()
    for word in text.repeated_words():
        if chars.issuperset(word):
            w = re.escape(word)
            # Across units too: a match spilling over a unit boundary must not hide one
            # inside the next unit, so every unit it touches is kept.
            for m in re.finditer(w + r"\s+" + w, text.lower):
                units.update(text.units_between(m.start(), m.end()))
    return units


def read_phrases(value: Any, spec: Spec, keys: tuple) -> tuple[str, ...]:
    """Like tokens, for exception phrases: ``(a|b)`` expands."""
    return read_tokens(value, spec, keys)


def read_tokens(value: Any, spec: Spec, keys: tuple) -> tuple[str, ...]:
    items = read_str_list(value, spec, keys)
    out: list[str] = []
    for i, item in enumerate(items):
        if item.count("(") != item.count(")"):
            raise spec.fail(f"unbalanced parentheses in {item!r}", *keys, i)
        for form in expand(item):
            if not form.strip():
                raise spec.fail(f"{item!r} expands to an empty word", *keys, i)
            out.append(form)
    return tuple(out)


@dataclass(frozen=True)
class PackRuleOptions:
    # Phrases inside which the rule reports nothing (names of organisations, products ...).
    exceptions: tuple[str, ...] = ()


COMMON_FIELDS: dict[str, Field] = {
    "id": Field(read_id, required=True, doc="The rule id (kebab-case), unique across all rules."),
    "type": Field(read_str, required=True, doc="The check type."),
    "message": Field(read_str, required=True, doc="The finding's message, with placeholders."),
    "severity": Field(one_of("error", "warning", "info"), "warning", doc="error, warning or info."),
    "scope": Field(Scope.parse, None, doc="Where to look (default: prose outside quotations)."),
    "ignore_case": Field(read_bool, True, doc="Match regardless of case (default true)."),
    "summary": Field(read_str, "", doc="One line for `edlint rules` (default: from description)."),
    "description": Field(read_str, "", doc="What the rule does (the docs' first section)."),
    "why": Field(read_str, "", doc="Why it matters (the docs' second section)."),
    "link": Field(read_str, "", doc="A link to the style guide entry."),
    "examples": Field(read_examples, dict, doc="{bad: [...], good: [...]}: run by `edlint test-rules`."),
    "exceptions": Field(read_phrases, (), doc="Phrases inside which nothing is reported; `(a|b)` expands."),
    "when": Field(read_conditions, (), doc="Only run on articles matching one of these conditions."),
    "language": Field(read_str, None, doc="Language prefix the rule applies to (default en; `any`)."),
    "status": Field(one_of("stable", "preview"), "stable", doc="preview rules run only with --preview."),
    "since": Field(read_str, "0.1.0", doc="The version the rule arrived in."),
}


class CheckType:
    """The base of every check type. Subclasses set NAME, FIELDS, PLACEHOLDERS, WHY and
    implement ``setup`` (compile their own fields) and ``check``."""

    NAME = ""
    FIELDS: dict[str, Field] = {}
    PLACEHOLDERS: tuple[str, ...] = ("match",)
    DEFAULT_SCOPE: tuple[str, ...] = ("prose",)
    WHY = ""
    FIX = "never"  # never | sometimes | always
    IGNORE_CASE = True  # the default of ignore_case for this type

    def __init__(self, values: dict[str, Any], spec: Spec, pack_language: str = "en") -> None:
        self.id: str = values["id"]
        self.message: str = values["message"]
        self.severity: str = values["severity"]
        self.scope: Scope = values["scope"] or Scope.parse(list(self.DEFAULT_SCOPE), spec, ("scope",))
        self.ignore_case: bool = values["ignore_case"]
        self.summary: str = values["summary"]
        self.description: str = values["description"]
        self.why: str = values["why"]
        self.link: str = values["link"]
        self.examples: dict[str, tuple[str, ...]] = values["examples"]
        self.exceptions: tuple[str, ...] = values["exceptions"]
        self.when: tuple[Condition, ...] = values["when"]
        self.language: str = (values["language"] or pack_language or "en").lower()
        self.status: str = values["status"]
        self.since: str = values["since"]
        check_message(self.message, self.PLACEHOLDERS, spec)
        line = spec.line("id")
        self.where = f"{spec.path}:{line}: rule {self.id!r}" if line else f"{spec.path}: rule {self.id!r}"
        self._overrun = ""  # why this rule stopped running (its budget was exceeded)
        self._exceptions: dict[tuple[str, ...], Exceptions] = {}
        self.setup(values, spec)

    @classmethod
    def build(cls, spec: Spec, pack_language: str = "en") -> CheckType:
        fields = {**COMMON_FIELDS, **cls.FIELDS}
        fields["ignore_case"] = Field(read_bool, cls.IGNORE_CASE, doc=fields["ignore_case"].doc)
        return cls(spec.read(fields), spec, pack_language)

    # -- to implement ------------------------------------------------------------------------
    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        """Compile the type's own fields (raise ``spec.fail(...)`` on bad input)."""

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        raise NotImplementedError

    def details(self) -> list[str]:
        """Markdown lines for the docs: what exactly the rule looks for."""
        return []

    def fix_safety(self) -> str:
        return ""

    @property
    def fix(self) -> str:
        return self.FIX

    # -- shared ----------------------------------------------------------------------------
    def __call__(self, doc: Document, opts: PackRuleOptions | None) -> Iterator[Finding]:
        if not self.applies(doc):
            return iter(())
        if self._overrun:
            raise BudgetExceeded(f"{self._overrun}; not run again in this process")
        budget = RegexBudget.SECONDS + RegexBudget.PER_MB * len(doc.source) / 1e6
        try:
            # Findings past the engine's cap (1,000 per rule and file) are not made.
            found = RegexBudget.run(lambda: self.check(doc, opts or PackRuleOptions()), budget, 1001)
        except BudgetExceeded as exc:
            self._overrun = (
                f"{str(exc) or self.where}: took more than {budget:.1f} s of CPU on one "
                "document; rewrite it so it cannot backtrack"
            )
            raise BudgetExceeded(self._overrun) from None
        return iter(found)

    def applies(self, doc: Document) -> bool:
        if self.language != "any" and not doc.language.lower().startswith(self.language):
            return False
        if self.language.startswith("en") and not doc.is_english:
            return False  # undeclared text that reads as another language
        return not self.when or any(c.holds(doc) for c in self.when)

    def exceptions_for(self, opts: PackRuleOptions) -> Exceptions:
        key = tuple(opts.exceptions)
        exc = self._exceptions.get(key)
        if exc is None:
            exc = self._exceptions[key] = Exceptions(self.exceptions + key)
        return exc

    def hits(
        self, doc: Document, opts: PackRuleOptions, matcher: Matcher, unless: re.Pattern[str] | None = None
    ) -> Iterator[Hit]:
        """Matches of ``matcher`` in scope, outside URLs, exceptions and (by default)
        quotations, in document order."""
        exc: Exceptions | None = None
        scope = self.scope
        for unit, found in matcher.scan(doc, scope):
            exempt: list[tuple[int, int]] | None = None
            text = unit.string
            for start, end, payload, m in found:
                if not scope.wants(unit, start, end):
                    continue
                if in_url(text, start, end):
                    continue
                if exempt is None:
                    if exc is None:
                        exc = self.exceptions_for(opts)
                    exempt = exc.spans(unit)
                if exempt and covered(exempt, start, end):
                    continue
                if unless is not None:
                    s, e = unit.sentence_around(start, end)
                    if unless.search(text, s, e):
                        continue
                yield Hit(unit, start, end, payload, m)


def build_matcher(
    tokens: tuple[str, ...],
    patterns: tuple[str, ...],
    ignore_case: bool,
    spec: Spec,
    whole_block: bool = False,
    pattern_key: str = "patterns",
) -> Matcher:
    lexicon = Lexicon(((t, t) for t in tokens), ignore_case) if tokens else None
    flags = re.I if ignore_case else 0
    compiled = [(compile_pattern(p, flags, spec, pattern_key, i), p) for i, p in enumerate(patterns)]
    return Matcher(lexicon, compiled, whole_block)


def short_list(items: Iterable[str], limit: int = 12) -> str:
    items = list(items)
    shown = ", ".join(f"`{i}`" for i in items[:limit])
    if len(items) > limit:
        shown += f" and {len(items) - limit} more"
    return shown
