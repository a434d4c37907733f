"""Units rules: mixed measurement systems, unit spellings, conversions that do not add up.

All three read one per-document scan (``doc.view("units")``): every quantity in the prose
(``edlint.text.quantities``), whether it sits in a quotation, which quantities come with a
conversion, and every metre/meter, litre/liter word used as a unit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..document import HEADING, Block, Document
from ..text.quantities import (
    COUNTERPART,
    IMPERIAL,
    METRIC,
    NEUTRAL,
    UNITS,
    Conversion,
    Quantity,
    SpellingMatch,
    check_conversion,
    classify_unit,
    convert,
    find_conversions,
    find_quantities,
    find_unit_spellings,
    format_number,
    format_sig,
    style_of,
    temperature_kind,
)
from .base import Applicability, Edit, Finding, Fix, Severity, rule, section


@dataclass(frozen=True)
class UnitsOptions:
    """Options of the units family (config section `units:`)."""

    # The house measurement system; "either" takes each article's majority per dimension.
    system: Literal["metric", "imperial", "either"] = "either"
    # With a house system set: a quantity in the other system needs a conversion even when
    # the article has no house-system quantity of that dimension.
    require_conversion: bool = True
    # Quantities inside direct quotes: reported as info, as warnings, or not at all.
    in_quotes: Literal["info", "warning", "ignore"] = "info"
    # Units never reported as a mixed system (names as written or unit keys: "pint", "pt").
    exempt_units: tuple[str, ...] = ("pint",)
    # metre/litre (British) or meter/liter (American); "auto" follows the article's
    # `language` (en-GB, en-US ...) and otherwise its majority.
    spelling: Literal["auto", "metre", "meter"] = "auto"
    # Also report one unit written two ways ("km" and "kilometres"), as info.
    abbreviations: bool = True
    # Largest relative rounding accepted in a conversion (doubled after "about").
    conversion_tolerance: float = 0.05


SECTION = section("units", UnitsOptions, "Units: measurement systems, unit spellings, conversions")


# ------------------------------------------------------------------------- the scan


@dataclass(slots=True)
class _Seen:
    """A quantity met while scanning, with where it was and whether it is paired or quoted."""

    block: Block
    q: Quantity
    quoted: bool
    paired: bool  # comes with a conversion (either side of it)
    source: bool  # the first-written side of a conversion


@dataclass(slots=True)
class _Scan:
    """What one pass over a document found: quantities, conversions and spellings."""

    seen: list[_Seen]
    conversions: list[tuple[Block, Conversion]]
    spellings: list[tuple[Block, SpellingMatch]]


_NO_IDS: frozenset[int] = frozenset()  # no quantity of the block comes with a conversion


def _build(doc: Document) -> _Scan:
    from ..text.quotes import scan_quotes
    from .quotes.view import block_scans as quote_scans

    seen: list[_Seen] = []
    conversions: list[tuple[Block, Conversion]] = []
    spellings: list[tuple[Block, SpellingMatch]] = []
    scans = None  # the quote rules' per-block scans, shared (the same scan_quotes results)
    for block in doc.prose:
        text = block.text.text
        lowered = text.lower()
        qs = find_quantities(text, headline=None if block.kind == HEADING else False, lowered=lowered)
        if qs:
            convs = find_conversions(text, qs)
            if convs:
                sources = {id(c.source) for c in convs}
                paired = sources | {id(c.target) for c in convs}
                conversions.extend([(block, c) for c in convs])
            else:
                sources = paired = _NO_IDS
            in_quote = block.in_quote
            quotes = None
            if not in_quote:
                if scans is None:
                    scans = quote_scans(doc)
                quotes = scans.get(id(block))
                if quotes is None:
                    quotes = scan_quotes(text)
                if not quotes.quotes:
                    quotes = None  # no quotation: nothing is inside one
            for q in qs:
                quoted = in_quote or (quotes is not None and quotes.inside(q.start) is not None)
                seen.append(_Seen(block, q, quoted, id(q) in paired, id(q) in sources))
        for sm in find_unit_spellings(text, qs, lowered=lowered):
            spellings.append((block, sm))
    return _Scan(seen, conversions, spellings)


def _scan(doc: Document) -> _Scan:
    return doc.view("units", _build)


def _region(doc: Document) -> str | None:
    """ "us" or "uk" (any English but American) from the article's language when the article,
    the site or the config declares it; None when the language is only assumed."""
    if not doc.variety_known:
        return None
    lang = doc.language.lower().replace("_", "-")
    if not lang.startswith("en-"):
        return None
    return "us" if lang[3:5] in ("us", "ph") else "uk"


def _span(block: Block, start: int, end: int):
    return block.text.source_span(start, end)


def _quoted(block: Block, q: Quantity) -> str:
    return block.text.text[q.start : q.end]


# ------------------------------------------------------------------ units-mixed-system


def _exempt(q: Quantity, exempt: tuple[str, ...]) -> bool:
    if not exempt:
        return False
    u = q.info
    names = {u.key.lower(), u.name.lower(), u.plural.lower()}
    return any(e.lower() in names for e in exempt)


def _house_spelling(doc: Document, opts: UnitsOptions) -> str:
    if opts.spelling != "auto":
        return "re" if opts.spelling == "metre" else "er"
    region = _region(doc)
    if region is not None:
        return "er" if region == "us" else "re"
    votes = Counter(sm.variant for _, sm in _scan(doc).spellings)
    return "er" if votes["er"] > votes["re"] else "re"


def _spell(word: str, variant: str) -> str:
    if variant == "er":
        return word.replace("metre", "meter").replace("litre", "liter")
    return word


def suggest_conversion(q: Quantity, text: str, variant: str = "re") -> str | None:
    """A bracketed conversion for ``q`` in the other system: "800 metres" -> "(2,600 feet)".
    None for ambiguous units (gallons, pints, tons) and for ranges of temperatures."""
    target = COUNTERPART.get(q.unit)
    if target is None:
        return None
    temp = q.info.temperature
    delta = temp and temperature_kind(text, q) == "diff"
    values = [q.value] + ([q.high] if q.high is not None else [])
    conv = [convert(v, q.unit, target, delta=delta)[0] for v in values]
    # Use a friendlier unit for big results: 188 cm -> 1.88 m, 1,200 g -> 1.2 kg.
    if target == "cm" and max(abs(v) for v in conv) >= 100:
        target, conv = "m", [v / 100 for v in conv]
    elif target == "g" and max(abs(v) for v in conv) >= 1000:
        target, conv = "kg", [v / 1000 for v in conv]
    elif target == "ft" and q.unit == "m" and max(abs(v) for v in conv) >= 10000:
        target, conv = "mi", [v / 5280 for v in conv]
    if temp:
        decimals = 1 if q.step < 0.5 else 0
        nums = [f"{round(v, decimals):.{decimals}f}" for v in conv]
    else:
        k = max(2, min(3, q.sig_figs))
        nums = [format_sig(v, k) for v in conv]
    number = "-".join(nums)
    unit = UNITS[target]
    if q.form == "full" and not q.hyphenated:
        one = len(nums) == 1 and nums[0] in ("1", "1.0")
        name = unit.name if one else unit.plural
        if temp:
            name = "degrees " + unit.name.split()[-1]
        return f"({number} {_spell(name, variant)})"
    if temp:
        sym = ("°" if "°" in q.unit_text or "º" in q.unit_text else "") + unit.abbr
        return f"({number}{sym})"
    abbr = _spell(unit.abbr, variant)
    # "5km (3 miles)", "a 22-inch (56cm) wheel", "10 km (6 miles)"
    gap = "" if (q.attached or q.hyphenated) and len(abbr) <= 4 and " " not in abbr else " "
    return f"({number}{gap}{abbr})"


@rule(
    "units-mixed-system",
    family="units",
    summary="Metric and imperial measures of the same kind in one article, without a conversion",
    severity=Severity.WARNING,
    section=SECTION,
    fix="sometimes",
)
def units_mixed_system(doc: Document, opts: UnitsOptions) -> Iterator[Finding]:
    """## What it does
    Finds articles that measure the same kind of thing (length, weight, volume, area,
    speed, temperature) in both metric and imperial/US units, and reports each quantity in
    the article's minority system that has no conversion next to it. The article's system
    is the house one when `system` is set, otherwise the one most of its quantities use
    (the first side of a conversion counts as the writer's choice). Quantities with a
    conversion ("10 km (6 miles)"), nautical miles, knots and barrels are never reported.

    ## Why is this bad?
    Readers notice when one paragraph says "two miles" and the next "800 metres": they
    cannot compare the two, and it looks as if the piece was stitched together from
    sources. Give every measure in the article's system, with the other in brackets.

    ## Example
    ```markdown
    The march set off two miles from the palace and stopped 800 metres short of the gates.
    ```

    Use instead:
    ```markdown
    The march set off two miles from the palace and stopped 875 yards (800 metres) short
    of the gates.
    ```

    ## Options
    - `system`: `metric`, `imperial` or `either` (the article's majority, per dimension).
    - `require_conversion`: with a house `system`, report other-system quantities even in
      articles that use no house-system quantity of that kind.
    - `in_quotes`: quantities inside direct quotes are reported as `info` (the default),
      as `warning`, or `ignore`d.
    - `exempt_units`: units never reported (default: pints, which British readers
      expect for beer and milk).

    ## Fix safety
    Where the unit is unambiguous the fix inserts a bracketed conversion, rounded to as
    many significant figures as the original (at least two). It is unsafe: the writer should check the
    rounding and decide which system leads.
    """
    if not doc.is_english:
        return
    scan = _scan(doc)
    if not scan.seen:
        return
    region = _region(doc)
    by_dim: dict[str, list[_Seen]] = {}
    for s in scan.seen:
        if s.q.system == NEUTRAL or _exempt(s.q, opts.exempt_units):
            continue
        by_dim.setdefault(_mix_group(s.q), []).append(s)
    variant = _house_spelling(doc, opts)
    for dim, items in by_dim.items():
        loose = [s for s in items if not s.paired]
        if opts.in_quotes == "ignore":
            loose = [s for s in loose if not s.quoted]
        if not loose:
            continue
        votes_from = [s for s in items if (not s.paired or s.source)]
        unquoted = [s for s in votes_from if not s.quoted] or votes_from
        votes = Counter(s.q.system for s in unquoted)
        if opts.system != "either":
            house = opts.system
            if not opts.require_conversion and votes[house] == 0:
                continue
        else:
            if len(votes) < 2 and all(s.q.system in votes for s in loose):
                continue
            if votes[METRIC] != votes[IMPERIAL]:
                house = METRIC if votes[METRIC] > votes[IMPERIAL] else IMPERIAL
            elif region == "us":
                house = IMPERIAL
            else:
                house = unquoted[0].q.system
        example = next((s for s in unquoted if s.q.system == house), None)
        house_word = "metric" if house == METRIC else "imperial"
        for s in loose:
            if s.q.system == house:
                continue
            written = _quoted(s.block, s.q)
            if opts.system != "either":
                message = f'"{written}" is {s.q.system}; house style is {house_word}: add a conversion in brackets'
            elif example is not None:
                message = (
                    f'"{written}" is {s.q.system} but this article gives {_DIM_PLURAL[dim]} in '
                    f'{house_word} units (e.g. "{_quoted(example.block, example.q)}"); '
                    f"add a conversion in brackets"
                )
            else:
                message = (
                    f'"{written}" is {s.q.system}; this article mostly uses {house_word} units: '
                    f"add a conversion in brackets"
                )
            fix = None
            suggestion = suggest_conversion(s.q, s.block.text.text, variant)
            if suggestion is not None:
                message += f", e.g. {suggestion}"
                at = _span(s.block, s.q.start, s.q.end).end
                fix = Fix(f"Add {suggestion}", (Edit(at, at, " " + suggestion),), Applicability.UNSAFE)
            severity = Severity.INFO if s.quoted and opts.in_quotes == "info" else None
            yield Finding(_span(s.block, s.q.start, s.q.end), message, fix=fix, severity=severity)


_DIM_PLURAL = {
    "length": "lengths and distances",
    "mass": "weights",
    "volume": "volumes",
    "area": "areas",
    "speed": "speeds",
    "temperature": "temperatures",
    "height": "heights",
    "body weight": "body weights",
}


def _mix_group(q: Quantity) -> str:
    """What a quantity is compared with. Heights written in feet and inches (6ft 2in,
    5-foot-10, 6'2") and weights in stones (14st 3lb) are the conventional way to give a
    person's height and weight in British and American copy, not a choice of system for
    distances and masses, so they form groups of their own."""
    if q.compound and q.unit == "in":
        return "height"
    if q.unit == "st" or (q.compound and q.unit == "lb" and q.unit_text.lower().startswith("st")):
        return "body weight"
    return q.dimension


# ---------------------------------------------------------------------- units-spelling


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
    meter", "smart meters"). Also reports, as info, one unit written two ways in the
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


# -------------------------------------------------------------------- units-conversion


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
RULES = (units_mixed_system, units_spelling, units_conversion)
