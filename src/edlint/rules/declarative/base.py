"""The shared base of every check type: common fields, matching with scope, quotation,
URL and exception filters, messages and fixes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from ...document import Document
from ..base import Applicability, Finding, Fix
from .conditions import Condition, read_conditions
from .regexes import compile_pattern
from .spec import Field, Spec, one_of, read_bool, read_examples, read_id, read_str, read_str_list
from .units import Exceptions, Lexicon, Scope, Unit, covered, document_words, expand, in_url

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


@dataclass
class Hit:
    """A match that passed scope, quotation, URL and exception filters."""

    unit: Unit
    start: int
    end: int
    payload: Any = None
    match: re.Match[str] | None = None

    @property
    def text(self) -> str:
        return self.unit.text.text[self.start : self.end]

    def span(self) -> Any:
        return self.unit.text.source_span(self.start, self.end)

    def finding(self, message: str, fix: Fix | None = None) -> Finding:
        if fix is not None and not self.unit.text.is_verbatim(self.start, self.end):
            # The match crosses markup ("the *the*", "[in order](url) to"): replacing its
            # source span would delete the markup in between, so no fix is offered.
            fix = None
        return Finding(self.span(), message, fix)


@dataclass
class Matcher:
    """Literal ``tokens`` (a Lexicon) and regex ``patterns`` of one rule."""

    lexicon: Lexicon | None = None
    patterns: list[tuple[re.Pattern[str], Any]] = field(default_factory=list)
    whole_block: bool = False

    def __bool__(self) -> bool:
        return bool(self.lexicon) or bool(self.patterns)

    def may_match(self, doc: Document) -> bool:
        """False when the document cannot hold a match (none of the words is in it)."""
        if self.patterns or self.lexicon is None or self.lexicon.odd:
            return True
        words = document_words(doc, self.lexicon.ignore_case)
        return not self.lexicon.first_words.isdisjoint(words)

    def raw(self, unit: Unit) -> Iterator[tuple[int, int, Any, re.Match[str] | None]]:
        if self.whole_block:
            lo, hi = unit.core
            if hi <= lo:
                return
            if self.lexicon:
                hit = self.lexicon.whole(unit)
                if hit:
                    yield hit[0], hit[1], hit[2], None
                    return
            text = unit.text.text
            for rx, payload in self.patterns:
                m = rx.fullmatch(text, lo, hi)
                if m:
                    yield lo, hi, payload, m
                    return
            return
        found: list[tuple[int, int, Any, re.Match[str] | None]] = []
        if self.lexicon:
            for s, e, payload in self.lexicon.find(unit):
                found.append((s, e, payload, None))
        text = unit.text.text
        for rx, payload in self.patterns:
            for m in rx.finditer(text):
                if m.end() > m.start():
                    found.append((m.start(), m.end(), payload, m))
        if not found:
            return
        if len(found) > 1:
            found.sort(key=lambda h: (h[0], -h[1]))
        last = -1
        for hit in found:
            if hit[0] < last:
                continue  # overlaps a longer or earlier match
            last = hit[1]
            yield hit


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
        self._exceptions: dict[tuple[str, ...], Exceptions] = {}
        self.setup(values, spec)

    @classmethod
    def build(cls, spec: Spec, pack_language: str = "en") -> "CheckType":
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
        return self.check(doc, opts or PackRuleOptions())

    def applies(self, doc: Document) -> bool:
        if self.language != "any" and not doc.language.lower().startswith(self.language):
            return False
        return not self.when or any(c.holds(doc) for c in self.when)

    def exceptions_for(self, opts: PackRuleOptions) -> Exceptions:
        key = tuple(opts.exceptions)
        exc = self._exceptions.get(key)
        if exc is None:
            exc = self._exceptions[key] = Exceptions(self.exceptions + key)
        return exc

    def hits(self, doc: Document, opts: PackRuleOptions, matcher: Matcher,
             unless: re.Pattern[str] | None = None) -> Iterator[Hit]:
        """Matches of ``matcher`` in scope, outside URLs, exceptions and (by default)
        quotations, in document order."""
        if not matcher.may_match(doc):
            return
        exc = self.exceptions_for(opts)
        for unit in self.scope.units(doc):
            exempt: list[tuple[int, int]] | None = None
            text = unit.text.text
            for start, end, payload, m in matcher.raw(unit):
                if not self.scope.wants(unit, start, end):
                    continue
                if in_url(text, start, end):
                    continue
                if exempt is None:
                    exempt = exc.spans(unit)
                if exempt and covered(exempt, start, end):
                    continue
                if unless is not None:
                    s, e = unit.sentence_around(start, end)
                    if unless.search(text, s, e):
                        continue
                yield Hit(unit, start, end, payload, m)


def build_matcher(tokens: tuple[str, ...], patterns: tuple[str, ...], ignore_case: bool,
                  spec: Spec, whole_block: bool = False, pattern_key: str = "patterns") -> Matcher:
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
