"""units-mixed-system: metric and imperial measures of the same kind in one article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ...document import Document
from ...text.patterns import lazy
from ...text.quantities import (
    IMPERIAL,
    METRIC,
    NEUTRAL,
    Quantity,
)
from ..base import Applicability, Edit, Finding, Fix, Severity, rule
from .options import SECTION, UnitsOptions
from .scan import _quoted, _region, _scan, _Seen, _span
from .suggest import suggest_conversion
from .variety import _house_spelling


def _exempt(q: Quantity, exempt: tuple[str, ...]) -> bool:
    if not exempt:
        return False
    u = q.info
    names = {u.key.lower(), u.name.lower(), u.plural.lower()}
    return any(e.lower() in names for e in exempt)


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
        if s.q.system == NEUTRAL or _exempt(s.q, opts.exempt_units) or _size_label(s):
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


# Things sold by their size in inches in every country: screens, wheels, tyres, pizzas.
_SIZED_THINGS = lazy(
    r"(?i)(?:-inch|\s*(?:in\.?|inch(?:es)?|\"|”))?[\s\u00a0]*"
    r"(?:(?!(?:of|between|from|to|than|on|in|at|by|for|with|and|or)\b)[\w-]{1,20}[\s\u00a0]+){0,4}"
    r"(?:display|screen|touchscreen|touch\s+screen|monitor|tv|television|laptop|notebook|tablet|"
    r"phone|smartphone|macbook|ipad|iphone|chromebook|imac|wheels?|rims?|tyres?|tires?|pizzas?)\b"
)
# "fell 12 inches Tuesday", "6 inches. The": a capital that is not a product's name.
_NOT_PRODUCTS = frozenset(
    "mon tue wed thu fri sat sun jan feb mar apr may jun jul aug sep oct nov dec the in on at and but".split()
)
# "Apple iPad Pro (11-inch, Wi-Fi, 64GB)": a model's size in a product name.
_MODEL_BRACKET = lazy(r"[A-Z][\w-]*(?:[\s\u00a0]+[A-Z0-9][\w-]*)*[\s\u00a0]*\($")


def _size_label(s: _Seen) -> bool:
    """A screen, wheel or pizza size in inches ("16-inch MacBook Pro", "a 5.5-inch touchscreen
    display", "22-inch wheels", "iPad Pro (11-inch)"): the product's name for its size, the
    same in every country, not the article's choice of system."""
    q = s.q
    if q.unit != "in" or q.compound:
        return False
    text = s.block.text.text
    after = text[q.end : q.end + 40]
    if _SIZED_THINGS.match(after):
        return True
    rest = after.lstrip("-\u2011 ")
    word = rest.split(" ", 1)[0].strip(",.;:")
    if (word[:1].isupper() and word[1:2].islower() and word.lower()[:3] not in _NOT_PRODUCTS) or (
        word[:1] == "i" and word[1:2].isupper()
    ):
        return True  # "16-inch MacBook Pro", "13-inch Surface", "12.9-inch iPad"
    return bool(_MODEL_BRACKET.search(text, max(0, q.start - 40), q.start))


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
