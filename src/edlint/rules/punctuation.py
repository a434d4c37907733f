"""Punctuation rules: marks that come in pairs and lost one half."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..document import Block, Document
from ..text.patterns import lazy
from .base import Finding, Severity, rule

# A closing bracket that is not half of a pair: a list enumerator ("1)", "b)", "iv)") at the
# start of the text or after a space, and the emoticons ":)", ";-)", "=(" standing alone
# (never "8)": that is the end of "(in 2018)").
_ENUMERATOR = lazy(r"(?:^|(?<=\s))(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\)")
_EMOTICON = lazy(r"(?:^|(?<=\s))[:;=][-^'o]?[()]")
_EXCERPT = 40


def _excerpt(text: str, start: int, forward: bool) -> str:
    """The words on the open side of a bracket, cut at a word boundary."""
    if forward:
        piece = text[start : start + _EXCERPT]
        return piece if len(piece) < _EXCERPT else piece.rsplit(" ", 1)[0] + "…"
    piece = text[max(0, start - _EXCERPT + 1) : start + 1]
    return piece if start < _EXCERPT else "…" + piece.split(" ", 1)[-1]


def unbalanced_brackets(text: str) -> tuple[list[int], list[int]]:
    """Offsets of the opening brackets never closed and of the closing brackets never
    opened in ``text`` (round brackets; pairs nest).

    Emoticons are never brackets. A list enumerator ("2)") is one only when no bracket is
    open: in "(Nov. 18)" the bracket after 18 closes the aside."""
    if "(" not in text and ")" not in text:
        return [], []
    emoticons = {m.end() - 1 for m in _EMOTICON.finditer(text)}
    enumerators = {m.end() - 1 for m in _ENUMERATOR.finditer(text)} if ")" in text else set()
    opened: list[int] = []
    stray: list[int] = []
    for m in re.finditer(r"[()]", text):
        at = m.start()
        if at in emoticons:
            continue
        if text[at] == "(":
            opened.append(at)
        elif opened:
            opened.pop()
        elif at not in enumerators:
            stray.append(at)
    return opened, stray


@rule(
    "paren-unbalanced",
    family="punctuation",
    summary="A bracket opened and never closed, or closed and never opened",
    severity=Severity.WARNING,
    status="preview",
    since="0.2.0",
)
def paren_unbalanced(doc: Document, opts: None) -> Iterator[Finding]:
    """## What it does
    Reports a round bracket that has no partner in the same paragraph, heading, list item,
    caption or table cell: an aside that was opened and never closed, or a closing bracket
    left behind when the start of an aside was cut. List enumerators such as `1)` or `b)`
    and emoticons such as `:)` are not brackets and are skipped; code is not read.

    ## Why is this bad?
    An unclosed aside makes the reader wait for an end that never comes, and usually means
    an edit cut half of a sentence: the copy around it needs a second look, not just a
    bracket.

    ## Example
    ```markdown
    The council approved the budget (after a four-hour debate on Tuesday night.
    ```

    Use instead:
    ```markdown
    The council approved the budget (after a four-hour debate) on Tuesday night.
    ```
    """
    for block in doc.prose:
        yield from _block_findings(block)


def _block_findings(block: Block) -> Iterator[Finding]:
    mapped = block.text
    if mapped is None:
        return
    text = mapped.text
    opened, stray = unbalanced_brackets(text)
    for at in opened:
        yield Finding(mapped.source_span(at, at + 1), f"Bracket is never closed: '{_excerpt(text, at, forward=True)}'")
    for at in stray:
        yield Finding(
            mapped.source_span(at, at + 1),
            f"Closing bracket has no opening bracket: '{_excerpt(text, at, forward=False)}'",
        )


# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run).
RULES = (paren_unbalanced,)
