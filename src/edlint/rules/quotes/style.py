"""quote-style: straight and curly marks mixed, or not the house style."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import HEADING, Block, Document, Span
from ...text.patterns import lazy
from ...text.quotes import (
    APOSTROPHE,
    CLOSE,
    DOUBLE,
    OPEN,
    SINGLE,
    QuoteScan,
    curly_mark,
)
from ...text.quoting import quoted
from ..base import Applicability, Edit, Finding, Fix, Severity, rule
from .options import SECTION, QuotesOptions
from .view import _SKIP_KINDS, _around, _embedded, _in_link, _preview, _readers_text, _teaser_like, block_scans

_LINK_TITLE = lazy(r"\](?:\(|:)\s*(?:[^\s\"\u201c]+\s+)?$")
_TO_STRAIGHT = {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"}


@rule(
    "quote-style",
    family="quotes",
    summary="Straight and curly quotation marks or apostrophes mixed, or not the house style",
    severity=Severity.INFO,
    section=SECTION,
    fix="sometimes",
)
def quote_style(doc: Document, opts: QuotesOptions) -> Iterator[Finding]:
    """## What it does
    Reports quotation marks and apostrophes that do not match the house style. With
    `marks: consistent` (the default), a document that mixes straight and curly marks
    (`council’s` here, `mayor's` there) has its minority style reported; with `marks: curly`
    or `marks: straight`, every other mark is. Off-style marks are reported once per
    paragraph, with their count. With `primary: auto` (the default) the article's own
    choice of single or double marks for quotations is followed (UK copy often uses
    ‘…’ throughout) and only a mix is reported, the minority; with `primary: double`, a
    top-level quotation in single marks is reported (and the reverse with
    `primary: single`, the British convention of ‘…’ with “…” nested inside). Headings,
    short lines without closing punctuation (headline teasers) and teaser links are not
    held to `primary`: headlines use single marks by convention. Documents that are not
    in English are not checked.

    Primes in measurements (6'2", 5' tall), marks of other conventions („…“, «…») and
    the text of embedded posts (a tweet's blockquote) are left alone.

    ## Why is this bad?
    Mixed marks look careless in print and break search: a reader searching for
    `council’s` does not find `council's`.

    ## Example
    ```markdown
    The council’s vote came after the mayor's veto. "We will try again," Ruiz said.
    ```

    Use instead:
    ```markdown
    The council’s vote came after the mayor’s veto. “We will try again,” Ruiz said.
    ```

    ## Options
    - `marks`
    - `primary`
    - `check_apostrophes`

    ## Fix safety
    Curly to straight is always safe. Straight to curly is safe when the mark's role follows
    from its neighbours alone (an apostrophe inside a word, ’90s, an opening mark after a
    space, a mark after a word that is either an apostrophe or a closing single quote, both
    ’); where the role was inferred from pairing (a double mark between two words or
    between two spaces) the fix is unsafe. Swapping single and double marks of
    a quotation is safe only when every mark of it was read with confidence, and, under
    `primary: auto`, only when the document's language variety is declared (otherwise the
    majority is a guess at the house style).
    """
    if not doc.is_english:
        return
    scans = block_scans(doc)
    items: list[tuple[Block, QuoteScan, int]] = []
    straight = curly = 0
    for b in doc.prose:
        if (b.kind in _SKIP_KINDS and b.kind != "table_cell") or _embedded(b) or _readers_text(b):
            continue
        scan = scans.get(id(b))
        if scan is None or not scan.marks or (_teaser_like(b.text.text) and _in_link(doc, b)):
            continue  # a teaser link to another story keeps that story's marks
        for mi, mk in enumerate(scan.marks):
            if not _style_mark(mk, opts) or _in_link_title(scan, mk) or _other_convention(scan, mk):
                continue
            items.append((b, scan, mi))
            if mk.straight:
                straight += 1
            else:
                curly += 1
    if opts.marks == "consistent":
        if straight and curly:
            target = "straight" if straight > curly else "curly"
            yield from _style_findings(items, target, mixed=True)
    else:
        yield from _style_findings(items, opts.marks, mixed=False)
    if opts.primary != "any":
        yield from _primary_findings(doc, scans, opts)


def _auto_primary(doc: Document, scans: dict[int, QuoteScan]) -> str | None:
    """The marks most of the article's top-level quotations use, when it uses both
    (None when it is consistent, or evenly split)."""
    counts = {DOUBLE: 0, SINGLE: 0}
    for b in doc.prose:
        if b.kind in _SKIP_KINDS or b.kind == HEADING or _embedded(b) or _readers_text(b):
            continue
        scan = scans.get(id(b))
        if scan is None or not scan.quotes or _teaser_like(b.text.text):
            continue
        for q in scan.quotes:
            if q.depth or not q.closed or q.kind not in counts:
                continue
            om, cm = scan.marks[q.open_mark], scan.marks[q.close_mark]
            if (om.confident and cm.confident) or not (om.straight or cm.straight):
                counts[q.kind] += 1
    if counts[DOUBLE] and counts[SINGLE] and counts[DOUBLE] != counts[SINGLE]:
        return DOUBLE if counts[DOUBLE] > counts[SINGLE] else SINGLE
    return None


def _style_mark(mk, opts: QuotesOptions) -> bool:
    if mk.role == APOSTROPHE:
        return opts.check_apostrophes and mk.char in "'\u2019"
    if mk.role in (OPEN, CLOSE) and mk.kind in (DOUBLE, SINGLE):
        return mk.char in "\"'\u201c\u201d\u2018\u2019"
    return False


def _other_convention(scan: QuoteScan, mk) -> bool:
    """A closer of a German-style pair („…“, ‚…‘) follows its own convention."""
    return mk.role == CLOSE and mk.partner >= 0 and scan.marks[mk.partner].char in "\u201e\u201a"


def _in_link_title(scan: QuoteScan, mk) -> bool:
    """A mark of a Markdown link title left in the text ([x]( "Title"), [id]: "Title")
    is markup."""
    if mk.role in (OPEN, CLOSE):
        pos = mk.pos if mk.role == OPEN or mk.partner < 0 else scan.marks[mk.partner].pos
    else:
        q = scan.inside(mk.pos)
        if q is None:
            return False
        pos = q.start
    return bool(_LINK_TITLE.search(scan.text, max(0, pos - 120), pos))


def _style_findings(items: list, target: str, mixed: bool) -> Iterator[Finding]:
    """One finding per block, at its first off-style mark, with the count and one fix
    for them all (safe only when every mark's role is certain)."""
    groups: dict[int, list] = {}
    order: list = []
    for item in items:
        key = id(item[0])
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(item)
    reason = f"the rest of the document uses {target} marks" if mixed else f"house style is {target} marks"
    for key in order:
        # Edits first, messages only for a lone mark: a paragraph of 100,000 marks costs
        # one pass, not 100,000 messages.
        fixes = [x for x in (_mark_fix(item, target) for item in groups[key]) if x is not None]
        if not fixes:
            continue
        if len(fixes) == 1:
            (_b, scan, mi), edit, safe = fixes[0]
            mk = scan.marks[mi]
            what = "apostrophe" if mk.role == APOSTROPHE else "quotation mark"
            style = "straight" if mk.straight else "curly"
            yield Finding(
                Span(edit.start, edit.end),
                f"{style.capitalize()} {what} in {quoted(_around(scan.text, mk.pos))}; {reason}",
                fix=Fix(f"Use {edit.replacement}", (edit,), Applicability.SAFE if safe else Applicability.UNSAFE),
            )
            continue
        edits = tuple(edit for _, edit, _ in fixes)
        safe = all(ok for _, _, ok in fixes)
        style = "curly" if target == "straight" else "straight"
        _, scan, _ = groups[key][0]
        yield Finding(
            Span(min(e.start for e in edits), max(e.end for e in edits)),
            f"{len(fixes)} {style} quotation marks and apostrophes in {quoted(_preview(scan.text, 40))}; {reason}",
            fix=Fix(f"Use {target} marks", edits, Applicability.SAFE if safe else Applicability.UNSAFE),
        )


def _mark_fix(item: tuple, target: str) -> tuple[tuple, Edit, bool] | None:
    """(the item, the edit that gives the mark the target style, whether that edit is
    certain), or None when the mark already has that style."""
    b, scan, mi = item
    mk = scan.marks[mi]
    if target == "curly" and mk.straight:
        repl = curly_mark(mk.kind, mk.role)
        # An apostrophe and a closing single mark are both ’: when the mark follows a
        # word, the choice between them does not change the fix.
        safe = mk.confident or (repl == "\u2019" and mk.pos > 0 and not scan.text[mk.pos - 1].isspace())
    elif target == "straight" and not mk.straight:
        repl = _TO_STRAIGHT[mk.char]
        safe = True
    else:
        return None
    span = b.text.source_span(mk.pos, mk.pos + 1)
    return item, Edit(span.start, span.end, repl), safe


def _primary_findings(doc: Document, scans: dict[int, QuoteScan], opts: QuotesOptions) -> Iterator[Finding]:
    if opts.primary == "auto":
        want = _auto_primary(doc, scans)
        if want is None:
            return
        # The majority of one article is a guess at its style: a rewrite is safe only
        # when the document's variety is declared.
        guess_only = not doc.variety_known
    else:
        want = DOUBLE if opts.primary == "double" else SINGLE
        guess_only = False
    other = SINGLE if want == DOUBLE else DOUBLE
    for b in doc.prose:
        if b.kind in _SKIP_KINDS or b.kind == HEADING or _embedded(b) or _readers_text(b):
            continue
        scan = scans.get(id(b))
        if scan is None or not scan.quotes or _teaser_like(b.text.text):
            continue  # headlines and teasers put quotations in single marks by convention
        for q in scan.quotes:
            if q.depth or q.kind != other or not q.closed:
                continue
            om, cm = scan.marks[q.open_mark], scan.marks[q.close_mark]
            if not (om.confident and cm.confident) and (om.straight or cm.straight):
                continue  # a straight single pair we cannot be sure of
            edits = []
            safe = True
            for inner in scan.quotes:
                if not (q.start <= inner.start < q.end) or not inner.closed:
                    continue
                swap = want if inner.kind == other else other
                for idx in (inner.open_mark, inner.close_mark):
                    mk = scan.marks[idx]
                    safe = safe and mk.confident
                    repl = _swap_char(mk.char, swap, mk.role)
                    sp = b.text.source_span(mk.pos, mk.pos + 1)
                    edits.append(Edit(sp.start, sp.end, repl))
            span = b.text.source_span(q.start, q.start + 1)
            name = "double" if want == DOUBLE else "single"
            yield Finding(
                span,
                f"Quotation in {'single' if other == SINGLE else 'double'} marks: "
                f"{quoted(_preview(scan.text[q.start : q.end], 40))}; "
                + (
                    f"the rest of the document uses {name} marks"
                    if opts.primary == "auto"
                    else f"house style is {name} marks outside"
                ),
                fix=Fix(
                    f"Use {name} quotation marks",
                    tuple(sorted(edits, key=lambda e: e.start)),
                    Applicability.SAFE if safe and not guess_only else Applicability.UNSAFE,
                ),
            )


def _swap_char(ch: str, kind: str, role: str) -> str:
    if ch in "\"'":
        return '"' if kind == DOUBLE else "'"
    return curly_mark(kind, role)
