"""Quantities in prose: a number and a unit of measurement, with where they were written.

    qs = find_quantities("The trail climbs 2,000ft (610m) over two miles.")
    [(q.unit, q.value, text[q.start:q.end]) for q in qs]
    # [('ft', 2000.0, '2,000ft'), ('m', 610.0, '610m'), ('mi', 2.0, 'two miles')]
    find_conversions(text, qs)   # the 2,000ft is followed by its conversion in brackets

Numbers: digits with separators and decimals (``1,234.5``), fractions (``1/2``, ``2½``),
ranges (``5-7``, ``5 to 7``, ``between 5 and 7``), multipliers (``2m tonnes``,
``1.5 million acres``), negative temperatures (``-5C``, ``minus 5C``), numbers in words
(``one`` to ``ninety-nine``, ``a hundred``), ``a``/``an`` as one (``a mile``) and halves
(``half a mile``, ``two and a half miles``). Compound heights and weights (``6ft 2in``,
``5-foot-10``, ``6'2"``, ``10st 4lb``) are one quantity in the smaller unit.

Units: full names in both spellings (metre/meter), plurals, abbreviations and symbols
(km, mi, ft, ′ ″, kg, lb, st, °C, mph, km/h, l, gal, sq ft, m², acres, hectares ...).
False units are rejected: roads and models (M5, 5G, 3D), "m" meaning million (£1m,
5m people), times (5pm, 2h 30m), ordinals (21st), "1 in 5", idioms (by a mile, one foot
in the grave), proper names (Three Mile Island, The Green Mile, 8 Mile), calibres and
film formats (9mm pistol, 35mm film), "pounds" meaning money, and rates (40 miles per
gallon).

Offsets are indices into the text given. Conversion factors come from a table generated
from pint at development time (``edlint/text/_unit_factors.py``, written by
``benchmarks/pint_factors.py`` and checked against pint by the tests), so pint is never
imported at run time.

One job per module; each imports only from those listed above it:

    numbers.py      number patterns; parse_number, parse_word_number
    units.py        the unit table (Unit, UNITS, COUNTERPART), surface forms, unit_at,
                    classify_unit
    arithmetic.py   conversion factors, convert, round_sig, format_number, format_sig
    traps.py        the false-unit traps (is this number + unit a measurement?)
    extract.py      Quantity, find_quantities
    conversions.py  Conversion, find_conversions, temperature_kind, ConversionCheck,
                    check_conversion
    spellings.py    SpellingMatch, find_unit_spellings, style_of

This module re-exports the names used outside the package; anything else is imported from
the module that holds it.
"""

from __future__ import annotations

from .arithmetic import convert, factors, format_number, format_sig
from .conversions import Conversion, check_conversion, find_conversions, temperature_kind
from .extract import Quantity, find_quantities
from .numbers import parse_number
from .spellings import SpellingMatch, find_unit_spellings, style_of
from .units import COUNTERPART, IMPERIAL, METRIC, NEUTRAL, UNITS, classify_unit, unit_at

__all__ = [
    "COUNTERPART",
    "IMPERIAL",
    "METRIC",
    "NEUTRAL",
    "UNITS",
    "Conversion",
    "Quantity",
    "SpellingMatch",
    "check_conversion",
    "classify_unit",
    "convert",
    "factors",
    "find_conversions",
    "find_quantities",
    "find_unit_spellings",
    "format_number",
    "format_sig",
    "parse_number",
    "style_of",
    "temperature_kind",
    "unit_at",
]
