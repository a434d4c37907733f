"""quote-unbalanced: an opening quotation mark never closed, or a closing mark never opened."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import CAPTION, HEADING, Block, Document
from ...text.quotes import DOUBLE, GUILLEMET, SINGLE, QuoteScan, curly_mark, scan_quotes
from ...text.quoting import quoted
from ..base import Applicability, Finding, Fix, Severity, rule
from .options import SECTION, QuotesOptions
from .view import _around, _embedded, _ends_sentence, _preview, _readers_text, _teaser_like, block_scans


@rule(
    "quote-unbalanced",
    family="quotes",
    summary="An opening quotation mark never closed, or a closing mark never opened",
    severity=Severity.WARNING,
    section=SECTION,
)
def quote_unbalanced(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports an opening quotation mark with no closing mark in its paragraph, and a closing
    mark with no opening one. A quotation that runs over several paragraphs is fine when
    each following paragraph opens with a quotation mark again (the newspaper convention):
    only the last paragraph carries the closing mark.

    Apostrophes (council’s, ’90s, rock ’n’ roll) and primes (6'2") are told apart from
    quotation marks; an unclosed straight single mark is taken for an apostrophe. A
    quotation opened again at the start of a later line (paragraphs pasted one per line)
    follows the same convention. Documents that are not in English are not checked.

    ## Why is this bad?
    Readers cannot tell where the speaker's words end, and a misplaced mark can put words
    in someone's mouth.

    ## Example
    ```markdown
    “We will not close any branch libraries this year, Director Sam Oyelaran said.
    ```

    Use instead:
    ```markdown
    “We will not close any branch libraries this year,” Director Sam Oyelaran said.
    ```
    """
    if not doc.is_english:
        return
    scans = block_scans(doc)
    prose = [b for b in doc.prose if b.kind not in ("byline", "bio") and not _embedded(b) and not _readers_text(b)]
    # Openers left open at the end of a block, waiting for a closer in a later block (a
    # quoted passage that runs over a list): kind -> (block, mark index, block position).
    waiting: dict[str, tuple[Block, int, int]] = {}
    for i, b in enumerate(prose):
        if b.kind == HEADING:
            yield from _report_waiting(waiting)
            waiting = {}
        scan = scans.get(id(b))
        if scan is None or not scan.marks:
            continue
        marks = scan.marks
        for mk in marks:
            if mk.wrong_way:
                right = curly_mark(mk.kind, mk.role) if mk.char not in "\u201a\u201e" else mk.char
                span = b.text.source_span(mk.pos, mk.pos + 1)
                yield Finding(
                    span,
                    f"Quotation mark {mk.char} is turned the wrong way: {quoted(_around(scan.text, mk.pos))}",
                    fix=Fix.replace(span, right, f"Use {right}", Applicability.UNSAFE),
                )
        for mi in scan.stray_closes:
            mk = marks[mi]
            if mk.kind not in (DOUBLE, GUILLEMET):
                continue
            w = waiting.get(mk.kind)
            if w is not None and i - w[2] <= 15:
                del waiting[mk.kind]  # closes a passage opened in an earlier block
                continue
            if not mk.confident:
                continue
            yield Finding(
                b.text.source_span(mk.pos, mk.pos + 1),
                f"Closing quotation mark {mk.char} has no opening mark: {quoted(_around(scan.text, mk.pos))}",
            )
        unclosed = [q for q in scan.quotes if not q.closed]
        if not unclosed:
            continue
        nxt = _next_text_block(prose, i, scans)
        for q in unclosed:
            mk = marks[q.open_mark]
            if mk.kind == SINGLE and mk.char != "\u2018":
                continue
            if not mk.confident and mk.kind != SINGLE:
                continue
            if mk.kind == GUILLEMET and any(
                o.kind == GUILLEMET and o.start > q.start and o.closed for o in scan.quotes
            ):
                continue  # «…«…» : one mark closes both (Russian and other conventions)
            if q.depth == 0 and _reopened_on_new_line(doc, b, scan, q):
                continue  # pasted paragraphs on separate lines: the same convention
            if q.depth == 0 and q is unclosed[-1]:
                if nxt is not None and _reopens(scans.get(id(nxt)), q.kind):
                    continue  # runs on into the next paragraph
                if mk.kind in (DOUBLE, GUILLEMET):
                    yield from _report_waiting({k: v for k, v in waiting.items() if k == mk.kind})
                    waiting[mk.kind] = (b, q.open_mark, i)
                    continue
            yield _unclosed_finding(b, scan, mk)
    yield from _report_waiting(waiting)


def _reopened_on_new_line(doc: Document, b: Block, scan: QuoteScan, q) -> bool:
    """Is the quotation opened again at the start of a later line of the same block,
    after a finished sentence (paragraphs of one quotation pasted one per line)?"""
    text = scan.text
    for o in scan.quotes:
        if o.start <= q.start or o.kind != q.kind or o.depth != 1:
            continue
        pos = b.text.source_offset(o.start)
        gap = doc.source[max(0, pos - 4) : pos]
        if ("\n" in gap or "\r" in gap) and _ends_sentence(text[: o.start]):
            return True
    return False


def _report_waiting(waiting: dict[str, tuple[Block, int, int]]) -> Iterator[Finding]:
    for b, mi, _ in waiting.values():
        scan = scan_quotes(b.text.text)
        yield _unclosed_finding(b, scan, scan.marks[mi])


def _unclosed_finding(b: Block, scan: QuoteScan, mk) -> Finding:
    return Finding(
        b.text.source_span(mk.pos, mk.pos + 1),
        f"Opening quotation mark {mk.char} is never closed: {quoted(_preview(scan.text[mk.pos : mk.pos + 40], 40))}",
    )


def _next_text_block(prose: list[Block], i: int, scans: dict[int, QuoteScan]) -> Block | None:
    """The next block of running text, past captions, headline-like lines and credits
    (an embedded tweet or photo between two paragraphs of one quotation)."""
    for b in prose[i + 1 : i + 8]:
        if b.kind == HEADING:
            return None
        if b.kind == CAPTION or _teaser_like(b.text.text):
            continue
        return b
    return None


def _reopens(scan: QuoteScan | None, kind: str) -> bool:
    if scan is None or not scan.quotes:
        return False
    q = scan.quotes[0]
    return q.start <= 1 and q.depth == 0 and q.kind == kind
