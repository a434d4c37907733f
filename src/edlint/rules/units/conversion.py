"""units-conversion: a bracketed conversion whose numbers do not agree with the original."""

from __future__ import annotations

from collections.abc import Iterator

from ...document import Document
from ...text.quantities import (
    Quantity,
    check_conversion,
    format_number,
    format_sig,
    temperature_kind,
)
from ..base import Applicability, Finding, Fix, Severity, rule
from .options import SECTION, UnitsOptions
from .scan import _quoted, _scan, _span


def _expected_text(value: float, c: Quantity) -> str:
    if c.compound and c.unit == "in":
        ft, inch = divmod(round(value), 12)
        return f"{ft}ft {inch}in"
    if c.compound and c.unit == "lb":
        st, lb = divmod(round(value), 14)
        return f"{st}st {lb}lb"
    if c.info.temperature:
        number = format_number(value, 3) if abs(value) < 10 else str(round(value))
    else:
        number = format_number(value, 3)
    unit = c.unit_text
    gap = "" if c.attached else " "
    return f"{number}{gap}{unit}"


@rule(
    "units-conversion",
    family="units",
    summary="A bracketed conversion whose numbers do not agree: 10 km (20 miles)",
    severity=Severity.WARNING,
    section=SECTION,
    fix="sometimes",
)
def units_conversion(doc: Document, opts: UnitsOptions) -> Iterator[Finding]:
    """## What it does
    Checks every quantity followed by a conversion in brackets ("25 centimetres (10
    inches)", "10 km (6 miles)", "30C (86F)", or "10 km, or about 6 miles") and reports
    the conversion when its number does not agree with the original within rounding.
    Precision follows what is written, trailing zeros included: "100 m (330 ft)" rounds
    328 ft to two significant figures and is right, "100 m (300 ft)" rounds away 9% and
    is not; "25 cm (10 in)" is right (9.84), "10 km (20 miles)" is not (6.2). A rounding
    larger than `conversion_tolerance` of the value is reported even when the digits
    written allow it, unless the original itself is that imprecise ("3 ft (1 m)").
    Temperatures are affine: a reading converts with the offset ("30C (86F)"), a change
    without it ("rose by 2C (3.6F)"); when the words do not say which, either is
    accepted. Areas and speeds convert with their compound factors, so "500 sq km (310
    sq miles)" (the length factor) is reported. Conversion factors come from pint.

    ## Why is this bad?
    A wrong conversion is a factual error printed next to the right figure; readers who
    know one of the units spot it at once, and it undermines the rest of the reporting.

    ## Example
    ```markdown
    The route is 10 km (20 miles) long and the lake warmed by 2C (35.6F).
    ```

    Use instead:
    ```markdown
    The route is 10 km (6.2 miles) long and the lake warmed by 2C (3.6F).
    ```

    ## Options
    - `conversion_tolerance`: the largest relative rounding accepted (default 0.05,
      doubled for hedged conversions such as "(about 6 miles)").

    ## Fix safety
    The fix replaces the converted number with the right one, rounded to as many
    significant figures as the original (at least two). It is unsafe: the writer may have meant a
    different original figure.
    """
    if not doc.is_english:
        return
    for block, conv in _scan(doc).conversions:
        if not conv.checkable:
            continue
        text = block.text.text
        src, tgt = conv.source, conv.target
        kind = temperature_kind(text, src) if src.info.temperature else None
        result = check_conversion(conv, kind, opts.conversion_tolerance)
        if result is None or result.ok:
            continue
        expected = _expected_text(result.expected, tgt)
        message = f'"{_quoted(block, src)}" is {expected}, not "{_quoted(block, tgt)}"'
        if result.hint:
            message += f": {result.hint}"
        fix = None
        if not (tgt.compound or tgt.words or tgt.is_range or src.is_range):
            if tgt.info.temperature:
                decimals = 1 if tgt.step < 0.5 or src.step < 0.5 else 0
                number = f"{round(result.expected, decimals):.{decimals}f}"
            else:
                k = max(2, min(3, src.sig_figs))
                number = format_sig(result.expected, k)
            span = _span(block, tgt.num_start, tgt.num_end)
            fix = Fix.replace(span, number, f"Use {number}", Applicability.UNSAFE)
        yield Finding(_span(block, tgt.start, tgt.end), message, fix=fix)


# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
