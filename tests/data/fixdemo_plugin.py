"""A test-only plugin whose rules attach fixes (loaded via config ``plugins: [fixdemo_plugin.py]``).

Few built-in rules fix anything yet, so the fix machinery is tested against these:

- ``fixdemo-double-space``: two or more spaces after a sentence; the safe fix removes ONE
  space, so "a.   b" needs two rounds (tests re-linting until stable).
- ``fixdemo-per-cent``: "per cent" -> "percent" (safe house-style substitution).
- ``fixdemo-percent-sign``: "10 per cent" -> "10%" (safe; overlaps fixdemo-per-cent).
- ``fixdemo-miles``: "5 miles" -> "5 miles (8 km)" (unsafe: a converted unit).
- ``fixdemo-title-breaker``: a bad fix that drops the closing quote of the front-matter
  title, so the file no longer parses (tests that such a round is never written).
- ``fixdemo-flip-flop``: "towards" <-> "toward" forever (tests the round cap).
"""

from __future__ import annotations

import re
from typing import Iterator

from edlint.document import Document
from edlint.rules.base import Applicability, Edit, Finding, Fix, Severity, rule

_DOUBLE_SPACE = re.compile(r"(?<=[.!?])  +(?=\S)")
_PER_CENT = re.compile(r"\bper cent\b")
_NUM_PER_CENT = re.compile(r"\b(\d+(?:\.\d+)?) per cent\b")
_MILES = re.compile(r"\b(\d+) miles\b(?! \()")
_TOWARD = re.compile(r"\btowards?\b")



def _matches(doc: Document, pattern: re.Pattern[str]) -> Iterator[tuple[object, re.Match[str]]]:
    for block in doc.prose:
        for m in pattern.finditer(block.text.text):
            yield block, m


@rule("fixdemo-double-space", family="fixdemo", summary="Two spaces between sentences",
      severity=Severity.INFO, fix="always")
def fixdemo_double_space(doc, opts):
    """## What it does
    Reports two or more spaces between sentences (test-only rule).

    ## Fix safety
    Safe: removes one space per round.
    """
    for block, m in _matches(doc, _DOUBLE_SPACE):
        span = block.text.source_span(m.start(), m.end())
        # Remove one space per round on purpose: "a.   b" takes two rounds.
        yield Finding(span, "Two spaces between sentences",
                      fix=Fix("Remove the extra space", (Edit(span.start, span.start + 1, ""),)))



@rule("fixdemo-per-cent", family="fixdemo", summary="'per cent' spelled as two words",
      fix="always")
def fixdemo_per_cent(doc, opts):
    """## What it does
    Reports 'per cent' written as two words (test-only rule).
    """
    for block, m in _matches(doc, _PER_CENT):
        span = block.text.source_span(m.start(), m.end())
        yield Finding(span, "Use 'percent', not 'per cent'", fix=Fix.replace(span, "percent", "Write 'percent'"))


@rule("fixdemo-percent-sign", family="fixdemo", summary="A number followed by 'per cent'",
      fix="always")
def fixdemo_percent_sign(doc, opts):
    """## What it does
    Reports a number followed by 'per cent' (test-only rule).
    """
    for block, m in _matches(doc, _NUM_PER_CENT):
        span = block.text.source_span(m.start(), m.end())
        yield Finding(span, f"Use '{m.group(1)}%'", fix=Fix.replace(span, f"{m.group(1)}%", "Use the % sign"))


@rule("fixdemo-miles", family="fixdemo", summary="Miles without a metric conversion",
      fix="sometimes")
def fixdemo_miles(doc, opts):
    """## What it does
    Reports miles without kilometres (test-only rule).

    ## Fix safety
    Unsafe: a converted unit needs an editor's eye.
    """
    for block, m in _matches(doc, _MILES):
        span = block.text.source_span(m.start(), m.end())
        km = round(int(m.group(1)) * 1.609344)
        yield Finding(
            span, f"Add a metric conversion to '{m.group(0)}'",
            fix=Fix.replace(span, f"{m.group(0)} ({km} km)", "Add the distance in kilometres",
                            Applicability.UNSAFE),
        )


@rule("fixdemo-title-breaker", family="fixdemo", summary="A fix that breaks the front matter",
      fix="always", default_enabled=False)
def fixdemo_title_breaker(doc, opts):
    """## What it does
    A deliberately bad fix that breaks the front matter (test-only rule).
    """
    field = doc.meta_field("title")
    if field is None:
        return
    end = field.value_span.end
    if doc.source[end - 1 : end] == '"':
        yield Finding(field.value_span, "Title is quoted",
                      fix=Fix("Drop the closing quote", (Edit(end - 1, end, ""),)))


@rule("fixdemo-flip-flop", family="fixdemo", summary="A fix that never settles",
      fix="always", default_enabled=False)
def fixdemo_flip_flop(doc, opts):
    """## What it does
    A deliberately unstable fix (test-only rule).
    """
    for block, m in _matches(doc, _TOWARD):
        span = block.text.source_span(m.start(), m.end())
        other = "toward" if m.group(0) == "towards" else "towards"
        yield Finding(span, f"Use '{other}'", fix=Fix.replace(span, other, f"Write '{other}'"))

