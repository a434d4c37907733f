"""units-spelling: "metre" and "meter" (or "litre" and "liter") in one article or against its
language, and one unit abbreviated two ways (as info)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...document import HEADING, Document
from ...text.quantities import (
    UNITS,
    classify_unit,
    style_of,
)
from ..base import Applicability, Finding, Fix, Severity, rule
from .options import SECTION, UnitsOptions
from .scan import _quoted, _region, _Scan, _scan, _Seen, _span


@rule(
    "units-spelling",
    family="units",
    summary='"metre" and "meter" (or "litre" and "liter") in one article, or against its language',
    severity=Severity.WARNING,
    section=SECTION,
    fix="sometimes",
)
def units_spelling(doc: Document, opts: UnitsOptions) -> Iterator[Finding]:
    """## What it does
    Reports the British and American spellings of metric units mixed in one article
    ("metres" in one paragraph, "kilometers" in the next; "litre" and "liter"), or used
    against the article's `language` (`en-US` writes meter and liter, `en-GB` and other
    English variants write metre and litre). A bare "meter" counts only where it is a
    unit ("two meters", "square meters", "meters away"), never a device ("a parking
    meter", "smart meters"); once the article speaks of such devices, a meter counted in
    words ("cash at one meter on each street", "remove two meters outside the school") is
    one of them, while a measure ("120 meters along the seafront") is still a unit. Also reports, as info, one unit written two ways in the
    body ("10km" here, "kilometres" there; "km/h" and "kph").

    ## Why is this bad?
    Mixed spellings read as careless copy-editing, and a British spelling in an American
    article (or the reverse) looks like pasted wire copy.

    ## Example
    ```markdown
    ---
    language: en-GB
    ---
    The wall is 4 meters high and runs for 300 metres along the river.
    ```

    Use instead:
    ```markdown
    The wall is 4 metres high and runs for 300 metres along the river.
    ```

    ## Options
    - `spelling`: `metre`, `meter`, or `auto` (the article's `language`, else its majority).
    - `abbreviations`: also report a unit written both abbreviated and in full (info).

    ## Fix safety
    Respelling a unit ("meters" to "metres") changes nothing else. It is safe when the
    spelling comes from `spelling` or from a declared language (front matter `lang`,
    `<html lang>`, the site's generator config or edlint's `language`), and unsafe when
    edlint only counted the article's own spellings. A measuring device ("parking meters",
    "a smart meter", "meter readers") is spelled meter everywhere and is never reported.
    Mixed abbreviation styles are not fixed: which style fits the sentence is an editor's
    call.
    """
    if not doc.is_english:
        return
    scan = _scan(doc)
    if scan.spellings:
        region = _region(doc)
        variants = [sm.variant for _, sm in scan.spellings]
        if opts.spelling != "auto":
            house = "re" if opts.spelling == "metre" else "er"
            why = "house style"
        elif region is not None:
            house = "er" if region == "us" else "re"
            why = f"the article's language ({doc.language})"
        else:
            votes = Counter(variants)
            house = variants[0] if votes["re"] == votes["er"] else max(votes, key=lambda v: votes[v])
            why = "the rest of the article"
        # Only a declared variety or house style makes the respelling mechanical; a majority
        # vote is a guess an editor should confirm.
        applicability = Applicability.UNSAFE if why == "the rest of the article" else Applicability.SAFE
        for block, sm in scan.spellings:
            if sm.variant == house:
                continue
            right = sm.respelled(house)
            kind = "American" if sm.variant == "er" else "British"
            message = f'"{sm.word}" is the {kind} spelling; {why} calls for "{right}"'
            span = _span(block, sm.start, sm.end)
            yield Finding(span, message, fix=Fix.replace(span, right, f'Respell as "{right}"', applicability))
    if opts.abbreviations:
        yield from _abbreviation_styles(scan)


def _abbreviation_styles(scan: _Scan) -> Iterator[Finding]:
    groups: dict[str, list[_Seen]] = {}
    for s in scan.seen:
        q = s.q
        if q.words or (s.paired and not s.source) or s.block.kind == HEADING:
            continue
        key = q.unit
        if q.compound:
            cls = classify_unit(q.unit_text)
            if cls is None:
                continue
            key = cls[0]
        groups.setdefault(key, []).append(s)
    for key, items in groups.items():
        styles = Counter(style_of(s.q) for s in items)
        if len(styles) < 2:
            continue
        top = max(styles.values())
        leaders = [st for st, n in styles.items() if n == top]
        first = next(style_of(s.q) for s in items if style_of(s.q) in leaders)
        example = next(s for s in items if style_of(s.q) == first)
        name = UNITS[key].plural
        for s in items:
            if style_of(s.q) == first:
                continue
            unit_written = s.q.unit_text
            message = (
                f'{name.capitalize()} written as "{unit_written}" here but as '
                f'"{example.q.unit_text}" elsewhere ("{_quoted(example.block, example.q)}")'
            )
            yield Finding(_span(s.block, s.q.unit_start, s.q.unit_end), message, severity=Severity.INFO)
