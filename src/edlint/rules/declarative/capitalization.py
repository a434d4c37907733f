"""``capitalization``: headings (or any scope) in sentence case, AP title case, upper or
lower case, with exceptions for names.

    - id: heading-sentence-case
      type: capitalization
      message: "Heading is in title case; use sentence case: '{suggestion}'"
      style: sentence                # sentence | title | upper | lower
      scope: heading                 # the default
      exceptions: [New York, White House]
      min_words: 3

Acronyms (NASA), words with inner capitals (iPhone, McDonald), words with digits and
words inside an exception phrase are never judged. The first word, and a word after a
colon or sentence punctuation, may always be capitalised.

Sentence case is judged conservatively, because a heading in sentence case may hold
proper nouns: it is reported only when no principal word after the first is lowercase and
at least two are capitalised ("Mayor Adams Visits New York", but not "Mayor Adams visits
New York"). Title case follows AP: principal words capitalised; a, an, the, and, but, or,
nor, of, for, to, at, by, via and per lowercase except first and last.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...document import Document
from ..base import Finding
from .base import FIX_CHOICES, CheckType, PackRuleOptions, make_fix, render
from .existence import quote_match
from .scopes import covered
from .spec import Field, Spec, one_of, read_int

_TOKEN = re.compile(r"[^\W\d_](?:[\w'’]|[.\-](?=\w))*")
# AP: articles, and conjunctions and prepositions of three letters or fewer.
MINOR = frozenset("a an the and but for nor or so yet as at by in of off on out per to up via".split())
# Minor words that are never capitalised mid-title (the rest may be adverbs: "Log In").
STRICT_MINOR = frozenset("a an the and but or nor of for to at by via per".split())
_BREAK = re.compile(r"[:.?!|—–]")


def _exempt(tok: str) -> bool:
    if any(c.isdigit() for c in tok):
        return True
    letters = [c for c in tok if c.isalpha()]
    if len(letters) > 1 and any(c.isupper() for c in letters[1:]):
        return True  # NASA, iPhone, McDonald, U.S.
    return len(letters) == 1 and tok.isupper()  # I, Plan B, Vitamin D


class Capitalization(CheckType):
    NAME = "capitalization"
    FIELDS = {
        # sentence, title (AP), upper or lower.
        "style": Field(
            one_of("sentence", "title", "upper", "lower"), required=True, doc="sentence, title (AP), upper or lower."
        ),
        # Shorter units are not judged.
        "min_words": Field(read_int, 3, doc="Units with fewer words are not judged."),
        "fix": Field(one_of(*FIX_CHOICES), "suggestion", doc="safe, unsafe, suggestion or none."),
    }
    PLACEHOLDERS = ("match", "suggestion", "style")
    DEFAULT_SCOPE = ("heading",)
    WHY = "Headings capitalised one way in one article and another way in the next look unedited."
    FIX = "always"

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        self.style = values["style"]
        self.min_words = values["min_words"]
        self.fix_kind = values["fix"]

    @property
    def fix(self) -> str:
        return "never" if self.fix_kind == "none" else "always"

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        exc = self.exceptions_for(opts)
        for unit in self.scope.units(doc):
            text = unit.string
            tokens = [m.span() for m in _TOKEN.finditer(text)]
            if len(tokens) < self.min_words:
                continue
            exempt_spans = exc.spans(unit)
            fixed = self.corrected(text, tokens, exempt_spans)
            if fixed is None or fixed == text:
                continue
            _lo, _hi = unit.core
            message = render(
                self.message,
                {
                    "match": quote_match(text),
                    "suggestion": quote_match(fixed, 120),
                    "style": self.style,
                },
            )
            span = unit.text.source_span(0, len(text))
            # A heading with markup in it (*emphasis*, a link) gets no fix: rewriting its
            # source span would drop the markup.
            fix = (
                make_fix(span, fixed, self.fix_kind, f"Write it in {self.style} case")
                if unit.text.is_verbatim(0, len(text))
                else None
            )
            yield Finding(span, message, fix)

    def corrected(self, text: str, tokens: list[tuple[int, int]], exempt_spans: list[tuple[int, int]]) -> str | None:
        """The text in the wanted style, or None when it already is (or cannot be judged)."""
        chars = list(text)
        judged = []  # (index, start, end, token, free) — free: may be capitalised anyway
        prev_end = 0
        for i, (s, e) in enumerate(tokens):
            tok = text[s:e]
            free = i == 0 or bool(_BREAK.search(text, prev_end, s))
            prev_end = e
            if _exempt(tok) or covered(exempt_spans, s, e):
                continue
            judged.append((i, s, e, tok, free))
        if self.style == "upper":
            if not any(t != t.upper() for *_, t, _f in judged):
                return None
            for _, s, e, tok, _f in judged:
                chars[s:e] = tok.upper()
            return "".join(chars)
        if self.style == "lower":
            if not any(t != t.lower() for *_, t, _f in judged):
                return None
            for _, s, e, tok, _f in judged:
                chars[s:e] = tok.lower()
            return "".join(chars)
        last = len(tokens) - 1
        if self.style == "sentence":
            caps = [j for j in judged if not j[4] and j[3][0].isupper()]
            lower_principal = [j for j in judged if not j[4] and j[3][0].islower() and j[3].lower() not in MINOR]
            if lower_principal or len(caps) < 2:
                return None
            for _, s, _e, tok, _f in caps:
                chars[s] = tok[0].lower()
            return "".join(chars)
        # AP title case
        changed = False
        for i, s, _e, tok, free in judged:
            low = tok.lower()
            if free or i == last:
                if tok[0].islower():
                    chars[s] = tok[0].upper()
                    changed = True
            elif low in STRICT_MINOR:
                if tok[0].isupper():
                    chars[s] = tok[0].lower()
                    changed = True
            elif low not in MINOR and tok[0].islower():
                chars[s] = tok[0].upper()
                changed = True
        return "".join(chars) if changed else None

    def details(self) -> list[str]:
        names = {"sentence": "sentence case", "title": "AP title case", "upper": "upper case", "lower": "lower case"}
        return [
            f"Expects {names[self.style]}; units of fewer than {self.min_words} words are not judged. "
            "Acronyms, words with inner capitals or digits, and `exceptions` are left as written."
        ]

    def fix_safety(self) -> str:
        if self.fix_kind == "suggestion":
            return "The corrected text is a suggestion, never applied: names need their capitals."
        if self.fix_kind == "none":
            return ""
        return f"The fix rewrites the capitals ({self.fix_kind})."
