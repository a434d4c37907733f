"""``existence``: words, phrases or patterns that should not appear.

- id: wordy-in-order-to
  type: existence
  message: "'{match}' can usually be cut"
  tokens: [in order to, at this point in time]
  patterns: ['\\bper cent\\b']
  whole_block: false        # true: only when the whole block is the phrase
  unless_sentence: '\\b20\\d\\d\\b'   # not when the sentence matches this
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...document import Document
from ..base import Finding
from .base import (
    CheckType,
    PackRuleOptions,
    build_matcher,
    read_tokens,
    render,
    short_list,
)
from .regexes import compile_pattern
from .spec import Field, Spec, read_bool, read_patterns, read_regex


def quote_match(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Existence(CheckType):
    NAME = "existence"
    FIELDS = {
        # Literal words or phrases (whole words; any whitespace between words).
        # "colo(u|)r" expands to colour and color.
        "tokens": Field(read_tokens, (), doc="Words or phrases to report; `(a|b)` expands."),
        # Regular expressions, compiled once at load and vetted for catastrophic backtracking.
        "patterns": Field(read_patterns, (), doc="Regular expressions to report."),
        # Report only when a token or pattern is the whole block (navigation, widget text).
        "whole_block": Field(read_bool, False, doc="Only when the whole block is the match."),
        # Skip a match when its sentence matches this regular expression.
        "unless_sentence": Field(read_regex, None, doc="Skip a match whose sentence matches this regex."),
    }
    PLACEHOLDERS = ("match",)
    WHY = "The house style guide asks writers to avoid this wording."

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        self.tokens = values["tokens"]
        self.patterns = values["patterns"]
        if not self.tokens and not self.patterns:
            raise spec.fail("an existence rule needs 'tokens' or 'patterns'", ())
        self.whole_block = values["whole_block"]
        self.matcher = build_matcher(self.tokens, self.patterns, self.ignore_case, spec, self.whole_block)
        src = values["unless_sentence"]
        flags = re.I if self.ignore_case else 0
        self.unless = compile_pattern(src, flags, spec, "unless_sentence") if src else None
        self.unless_source = src

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        for hit in self.hits(doc, opts, self.matcher, self.unless):
            yield hit.finding(render(self.message, {"match": quote_match(hit.text)}))

    def details(self) -> list[str]:
        out = []
        if self.tokens:
            out.append(f"Words and phrases: {short_list(self.tokens)}.")
        if self.patterns:
            out.append(f"Patterns: {short_list(self.patterns, 6)}.")
        if self.whole_block:
            out.append("Reported only when one of them is the whole block (ignoring punctuation around it).")
        if self.unless_source:
            out.append(f"Not reported when the sentence matches `{self.unless_source}`.")
        return out
