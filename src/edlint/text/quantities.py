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
from pint at development time (``_unit_factors.py``, written by ``benchmarks/pint_factors.py``
and checked against pint by the tests), so pint is never imported at run time.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from itertools import accumulate
from typing import Iterable, Iterator, NamedTuple

from .patterns import lazy

# --------------------------------------------------------------------------------- units

LENGTH, MASS, VOLUME, AREA, SPEED, TEMPERATURE = (
    "length", "mass", "volume", "area", "speed", "temperature",
)
METRIC, IMPERIAL, NEUTRAL = "metric", "imperial", "neutral"


class Unit(NamedTuple):
    """A unit of measurement: its names, dimension, system and pint expressions."""

    key: str  # short id: "km", "degC", "ft2"
    name: str  # singular, British spelling: "kilometre"
    plural: str
    abbr: str  # the usual abbreviation or symbol
    dimension: str
    system: str  # metric | imperial | neutral (nautical miles, knots, barrels, troy ounces)
    pint: tuple[str, ...]  # pint expressions; several when the name is ambiguous (gallon)

    @property
    def temperature(self) -> bool:
        return self.dimension == TEMPERATURE


def _u(key: str, name: str, plural: str, abbr: str, dim: str, system: str, *pint: str) -> Unit:
    return Unit(key, name, plural, abbr, dim, system, tuple(pint))


UNITS: dict[str, Unit] = {
    u.key: u
    for u in (
        # length
        _u("mm", "millimetre", "millimetres", "mm", LENGTH, METRIC, "millimeter"),
        _u("cm", "centimetre", "centimetres", "cm", LENGTH, METRIC, "centimeter"),
        _u("m", "metre", "metres", "m", LENGTH, METRIC, "meter"),
        _u("km", "kilometre", "kilometres", "km", LENGTH, METRIC, "kilometer"),
        _u("in", "inch", "inches", "in", LENGTH, IMPERIAL, "inch"),
        _u("ft", "foot", "feet", "ft", LENGTH, IMPERIAL, "foot"),
        _u("yd", "yard", "yards", "yd", LENGTH, IMPERIAL, "yard"),
        _u("mi", "mile", "miles", "miles", LENGTH, IMPERIAL, "mile"),
        _u("nmi", "nautical mile", "nautical miles", "nautical miles", LENGTH, NEUTRAL, "nautical_mile"),
        # mass
        _u("mg", "milligram", "milligrams", "mg", MASS, METRIC, "milligram"),
        _u("g", "gram", "grams", "g", MASS, METRIC, "gram"),
        _u("kg", "kilogram", "kilograms", "kg", MASS, METRIC, "kilogram"),
        _u("t", "tonne", "tonnes", "tonnes", MASS, METRIC, "metric_ton"),
        _u("oz", "ounce", "ounces", "oz", MASS, IMPERIAL, "ounce"),
        _u("ozt", "troy ounce", "troy ounces", "troy oz", MASS, NEUTRAL, "troy_ounce"),
        _u("lb", "pound", "pounds", "lb", MASS, IMPERIAL, "pound"),
        _u("st", "stone", "stone", "st", MASS, IMPERIAL, "stone"),
        _u("ton", "ton", "tons", "tons", MASS, IMPERIAL, "short_ton", "long_ton"),
        _u("ston", "short ton", "short tons", "short tons", MASS, IMPERIAL, "short_ton"),
        _u("lton", "long ton", "long tons", "long tons", MASS, IMPERIAL, "long_ton"),
        # volume
        _u("ml", "millilitre", "millilitres", "ml", VOLUME, METRIC, "milliliter"),
        _u("cl", "centilitre", "centilitres", "cl", VOLUME, METRIC, "centiliter"),
        _u("l", "litre", "litres", "litres", VOLUME, METRIC, "liter"),
        _u("m3", "cubic metre", "cubic metres", "m³", VOLUME, METRIC, "meter ** 3"),
        _u("floz", "fluid ounce", "fluid ounces", "fl oz", VOLUME, IMPERIAL,
           "fluid_ounce", "imperial_fluid_ounce"),
        _u("pt", "pint", "pints", "pints", VOLUME, IMPERIAL, "pint", "imperial_pint"),
        _u("qt", "quart", "quarts", "qt", VOLUME, IMPERIAL, "quart", "imperial_quart"),
        _u("gal", "gallon", "gallons", "gallons", VOLUME, IMPERIAL, "gallon", "imperial_gallon"),
        _u("usgal", "US gallon", "US gallons", "US gallons", VOLUME, IMPERIAL, "gallon"),
        _u("impgal", "imperial gallon", "imperial gallons", "imperial gallons", VOLUME, IMPERIAL,
           "imperial_gallon"),
        _u("ft3", "cubic foot", "cubic feet", "cu ft", VOLUME, IMPERIAL, "foot ** 3"),
        _u("bbl", "barrel", "barrels", "barrels", VOLUME, NEUTRAL, "oil_barrel"),
        # area
        _u("cm2", "square centimetre", "square centimetres", "sq cm", AREA, METRIC, "centimeter ** 2"),
        _u("m2", "square metre", "square metres", "sq m", AREA, METRIC, "meter ** 2"),
        _u("km2", "square kilometre", "square kilometres", "sq km", AREA, METRIC, "kilometer ** 2"),
        _u("ha", "hectare", "hectares", "hectares", AREA, METRIC, "hectare"),
        _u("in2", "square inch", "square inches", "sq in", AREA, IMPERIAL, "inch ** 2"),
        _u("ft2", "square foot", "square feet", "sq ft", AREA, IMPERIAL, "foot ** 2"),
        _u("yd2", "square yard", "square yards", "sq yd", AREA, IMPERIAL, "yard ** 2"),
        _u("mi2", "square mile", "square miles", "sq miles", AREA, IMPERIAL, "mile ** 2"),
        _u("acre", "acre", "acres", "acres", AREA, IMPERIAL, "acre"),
        # speed
        _u("kmh", "kilometre per hour", "kilometres per hour", "km/h", SPEED, METRIC, "kilometer / hour"),
        _u("ms", "metre per second", "metres per second", "m/s", SPEED, METRIC, "meter / second"),
        _u("mph", "mile per hour", "miles per hour", "mph", SPEED, IMPERIAL, "mile / hour"),
        _u("fts", "foot per second", "feet per second", "ft/s", SPEED, IMPERIAL, "foot / second"),
        _u("kn", "knot", "knots", "knots", SPEED, NEUTRAL, "knot"),
        # temperature (affine: converted with an offset, unless it is a difference)
        _u("degC", "degree Celsius", "degrees Celsius", "C", TEMPERATURE, METRIC, "degC"),
        _u("degF", "degree Fahrenheit", "degrees Fahrenheit", "F", TEMPERATURE, IMPERIAL, "degF"),
    )
}

# The unit a quantity is usually converted to, for suggestions. Ambiguous units (gallon,
# pint, ton ...) have none: which gallon is meant is the writer's call.
COUNTERPART: dict[str, str] = {
    "mm": "in", "cm": "in", "m": "ft", "km": "mi", "in": "cm", "ft": "m", "yd": "m", "mi": "km",
    "g": "oz", "kg": "lb", "oz": "g", "lb": "kg", "st": "kg", "ston": "t", "lton": "t",
    "usgal": "l", "impgal": "l", "ft3": "m3", "m3": "ft3",
    "cm2": "in2", "m2": "ft2", "km2": "mi2", "ha": "acre", "in2": "cm2", "ft2": "m2",
    "yd2": "m2", "mi2": "km2", "acre": "ha",
    "kmh": "mph", "ms": "fts", "mph": "kmh", "fts": "ms", "degC": "degF", "degF": "degC",
}

# ------------------------------------------------------------------ unit surface forms

_FULL: dict[str, str] = {}  # full name, lowercased -> unit key
_ABBR: dict[str, tuple[str, str]] = {}  # abbreviation or symbol as written -> (key, form)
# Symbols that are a unit only when they touch the number: 5l, 44t, 30C, 6′.
_ATTACHED_ONLY = frozenset({"l", "L", "t", "C", "F", "\u2032", "\u2033"})


def _re_er(stem: str) -> tuple[str, ...]:
    return (stem + "re", stem + "res", stem + "er", stem + "ers")


def _full(key: str, *names: str) -> None:
    for n in names:
        _FULL[n] = key


def _abbr(key: str, *forms: str, form: str = "abbr") -> None:
    for f in forms:
        _ABBR[f] = (key, form)


def _build_lexicon() -> None:
    for key, stem in (("mm", "millimet"), ("cm", "centimet"), ("m", "met"), ("km", "kilomet")):
        _full(key, *_re_er(stem))
    for key, stem in (("cm2", "centimet"), ("m2", "met"), ("km2", "kilomet")):
        _full(key, *("square " + w for w in _re_er(stem)))
    _full("m3", *("cubic " + w for w in _re_er("met")))
    _full("in", "inch", "inches")
    _full("ft", "foot", "feet")
    _full("yd", "yard", "yards")
    _full("mi", "mile", "miles")
    _full("nmi", "nautical mile", "nautical miles")
    _full("mg", "milligram", "milligrams", "milligramme", "milligrammes")
    _full("g", "gram", "grams", "gramme", "grammes")
    _full("kg", "kilogram", "kilograms", "kilogramme", "kilogrammes", "kilo", "kilos")
    _full("t", "tonne", "tonnes", "metric ton", "metric tons")
    _full("ton", "ton", "tons")
    _full("ston", "short ton", "short tons")
    _full("lton", "long ton", "long tons")
    _full("oz", "ounce", "ounces")
    _full("ozt", "troy ounce", "troy ounces")
    _full("lb", "pound", "pounds")
    _full("st", "stone")
    _full("ml", *_re_er("millilit"))
    _full("cl", *_re_er("centilit"))
    _full("l", *_re_er("lit"))
    _full("ft3", "cubic foot", "cubic feet")
    _full("floz", "fluid ounce", "fluid ounces")
    _full("pt", "pint", "pints")
    _full("qt", "quart", "quarts")
    _full("gal", "gallon", "gallons")
    _full("usgal", "us gallon", "us gallons", "u.s. gallon", "u.s. gallons")
    _full("impgal", "imperial gallon", "imperial gallons")
    _full("bbl", "barrel", "barrels")
    _full("in2", "square inch", "square inches")
    _full("ft2", "square foot", "square feet")
    _full("yd2", "square yard", "square yards")
    _full("mi2", "square mile", "square miles")
    _full("ha", "hectare", "hectares")
    _full("acre", "acre", "acres")
    for w in _re_er("kilomet"):
        _full("kmh", f"{w} per hour", f"{w} an hour", f"{w} a hour")
    for w in _re_er("met"):
        _full("ms", f"{w} per second", f"{w} a second")
    for w in ("mile", "miles"):
        _full("mph", f"{w} per hour", f"{w} an hour", f"{w} a hour")
    for w in ("foot", "feet"):
        _full("fts", f"{w} per second", f"{w} a second")
    _full("kn", "knot", "knots")
    for w in ("degree", "degrees"):
        _full("degC", f"{w} celsius", f"{w} centigrade")
        _full("degF", f"{w} fahrenheit")
        _abbr("degC", f"{w} C", f"{w.title()} C")
        _abbr("degF", f"{w} F", f"{w.title()} F")

    _abbr("kmh", "km/h", "km/hr", "kmh", "kph", "kmph", "KPH", "KMH", "km per hour", "km an hour")
    _abbr("ms", "m/s")
    _abbr("mph", "mph", "MPH", "m.p.h.")
    _abbr("fts", "ft/s")
    for pre in ("sq ", "sq. ", "sq"):
        _abbr("cm2", pre + "cm")
        _abbr("m2", pre + "m", pre + "metres", pre + "meters")
        _abbr("km2", pre + "km", pre + "kilometres", pre + "kilometers")
        _abbr("in2", pre + "in", pre + "in.")
        _abbr("ft2", pre + "ft", pre + "ft.", pre + "feet", pre + "foot")
        _abbr("yd2", pre + "yd", pre + "yds", pre + "yards")
        _abbr("mi2", pre + "mi", pre + "mile", pre + "miles")
    _abbr("cm2", "cm²", "cm2")
    _abbr("m2", "m²", "m2")
    _abbr("km2", "km²", "km2")
    _abbr("in2", "in²")
    _abbr("ft2", "ft²")
    _abbr("mi2", "mi²")
    _abbr("ha", "ha")
    _abbr("m3", "m³", "m3", "cu m", "cu. m")
    _abbr("ft3", "ft³", "cu ft", "cu. ft")
    _abbr("floz", "fl oz", "fl. oz", "fl. oz.", "fl oz.", "floz")
    _abbr("ml", "ml", "mL")
    _abbr("cl", "cl")
    _abbr("l", "l", "L")
    _abbr("gal", "gal")
    _abbr("qt", "qt")
    _abbr("bbl", "bbl")
    _abbr("mg", "mg")
    _abbr("kg", "kg", "kgs", "KG")
    _abbr("g", "g")
    _abbr("t", "t")
    _abbr("oz", "oz")
    _abbr("ozt", "troy oz", "ozt")
    _abbr("lb", "lb", "lbs", "LBS")
    _abbr("st", "st")
    _abbr("nmi", "nmi")
    _abbr("mm", "mm")
    _abbr("cm", "cm")
    _abbr("km", "km", "kms", "KM")
    _abbr("m", "m")
    _abbr("in", "in")
    _abbr("ft", "ft")
    _abbr("yd", "yd", "yds")
    _abbr("mi", "mi")
    _abbr("ft", "\u2032", form="symbol")
    _abbr("in", "\u2033", form="symbol")
    _abbr("degC", "°C", "ºC", "° C", "º C", "\u2103", "C", form="symbol")
    _abbr("degF", "°F", "ºF", "° F", "º F", "\u2109", "F", form="symbol")


_build_lexicon()


def _head(word: str) -> str:
    for i, c in enumerate(word):
        if c in "./":
            return word[:i]
    return word


# The first word of every unit name, cut at its first "." or "/" ("km/h" -> "km", "m.p.h."
# -> "m"), lowercased. Every reading unit_at tries starts with the same head as the text at
# its position, so a head not in this set rules out a unit at once ("5 people said").
_HEADS = frozenset(
    [_head(k.split()[0].lower()) for k in _ABBR if k.split()]
    + [_head(k.split()[0]) for k in _FULL if k.split()]
)
# The head of the unit-like words at a position: the letters of the first token before any
# "." or "/" (a token's trailing 2 or 3 included: "m2", "km2").
_HEAD_AT = lazy("(?:[A-Za-z\u00b0\u00ba\u2103\u2109\u2032\u2033\u00b2\u00b3]+[23]?)?")

# Up to four unit-like words after a number: "km", "sq ft", "miles per hour", "° C".
_UTOK = "[A-Za-z\u00b0\u00ba\u2103\u2109\u2032\u2033\u00b2\u00b3/.]+[23]?"
_UNIT_WORDS = lazy(rf"{_UTOK}(?:[ \u00a0]{_UTOK}){{0,3}}")
# "in" after a space is inches only where it cannot be the preposition: "5 in of snow".
_IN_OK = lazy(r"\.?[ \t]*(?:(?:of|tall|long|wide|deep|high|thick|across)\b|[),;:!?]|$)")


def _lookup(s: str, attached: bool) -> tuple[str, str, int] | None:
    norm = " ".join(s.split()) if (" " in s or "\u00a0" in s) else s
    hit = _ABBR.get(norm)
    if hit is not None:
        if norm in _ATTACHED_ONLY and not attached:
            return None
        return hit[0], hit[1], len(s)
    key = _FULL.get(norm.lower())
    if key is not None:
        return key, "full", len(s)
    if len(s) > 1 and s.endswith("."):
        return _lookup(s[:-1], attached)
    if "/" in s and " " not in s:
        head = s.split("/", 1)[0]
        if head:
            return _lookup(head, attached)
    return None


def unit_at(text: str, pos: int, attached: bool = False) -> tuple[str, str, int] | None:
    """The unit written at ``pos``: (key, form, end offset), the longest reading first
    ("square miles" before "square"). ``attached``: no space before it (5km)."""
    if _HEAD_AT.match(text, pos).group().lower() not in _HEADS:  # type: ignore[union-attr]
        return None
    return _unit_words_at(text, pos, attached)


def _unit_words_at(text: str, pos: int, attached: bool) -> tuple[str, str, int] | None:
    """``unit_at`` without its head test, which only saves time: what it rules out, the
    readings rule out too (for a caller that has tested the head in its own way)."""
    m = _UNIT_WORDS.match(text, pos)
    if m is None:
        return None
    for key, form, length in _readings(m.group(), attached):
        end = pos + length
        if not (key == "in" and form == "abbr" and not attached and not _IN_OK.match(text, end)):
            return key, form, end
    return None


_READINGS: dict[tuple[str, bool], tuple[tuple[str, str, int], ...]] = {}


def _readings(s: str, attached: bool) -> tuple[tuple[str, str, int], ...]:
    """Every unit reading of the unit-like words ``s``, longest first (memoised: the same
    few words follow numbers again and again)."""
    cache_key = (s, attached)
    found = _READINGS.get(cache_key)
    if found is None:
        hits = []
        while True:
            hit = _lookup(s, attached)
            if hit is not None:
                hits.append(hit)
            cut = max(s.rfind(" "), s.rfind("\u00a0"))
            if cut < 0:
                break
            s = s[:cut]
        if len(_READINGS) >= 20000:
            _READINGS.clear()
        found = _READINGS[cache_key] = tuple(hits)
    return found


def classify_unit(unit_text: str) -> tuple[str, str] | None:
    """(unit key, form) for a unit as written: "km" -> ("km", "abbr")."""
    hit = _lookup(unit_text, True)
    return (hit[0], hit[1]) if hit is not None and hit[2] == len(unit_text) else None


# ------------------------------------------------------------------------ numbers

_FRACTIONS = {
    "\u00bd": (1, 2), "\u00bc": (1, 4), "\u00be": (3, 4), "\u2153": (1, 3), "\u2154": (2, 3),
    "\u215b": (1, 8), "\u215c": (3, 8), "\u215d": (5, 8), "\u215e": (7, 8),
}
_FRACS = "".join(_FRACTIONS)
_FRAC_CLASS = "[" + _FRACS + "]"
_THIN = "\u00a0\u202f\u2009"
_NUM = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,3}}(?:[{_THIN}]\d{{3}})+|\d+)(?:\.\d+)?"
    rf"(?:\s?{_FRAC_CLASS}|[ ]\d/(?:2|3|4|8|16)(?![\d/]))?"
    rf"|\.\d+|{_FRAC_CLASS}|\d/(?:2|3|4|8|16)(?![\d/]))"
)
# The leading lookahead is for speed: a character set first lets the regex engine skip
# quickly to candidate positions (three times faster on news copy than the lookbehind alone).
_NUMBER = lazy(
    r"(?=[-\u2212\d.m\u00bd\u00bc\u00be\u2153\u2154\u215b\u215c\u215d\u215e])"
    r"(?:(?<![\w.,/£$€¥₹#])|(?<=\d[x\u00d7]))"  # not inside a word, money or a code; 4x100m
    r"(?P<neg>[-\u2212](?=\d)|minus\s+)?"
    rf"(?P<num>{_NUM})"
    rf"(?:(?P<rsep>\s?[-\u2013\u2014]\s?|\s+to\s+)(?P<neg2>[-\u2212]|minus\s+)?(?P<num2>{_NUM}))?"
)
# "2m tonnes", "1.5 million acres": a multiplier between the number and the unit.
_MULT = lazy(r"(?:[ ]?(?P<a>m|bn)|[ ](?P<b>thousand|million|billion))(?=[ \u00a0])")
_SPACES = " \u00a0\u202f\u2009"

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
_ONES_ALT = "|".join(sorted(_ONES, key=len, reverse=True))
_TENS_ALT = "|".join(_TENS)
_WCORE = rf"(?:(?:{_TENS_ALT})(?:[- ](?:{_ONES_ALT}))?|{_ONES_ALT})"
_WNUM = rf"(?:(?:{_WCORE}|an?)[- ](?:hundred|thousand)(?:[- ](?:and[- ])?{_WCORE})?|{_WCORE})"
_WHALF = r"[- ]and[- ]an?[- ]half"
# A number in words right before a unit: matched against the text that ends at the unit.
_WORDED_BEFORE = lazy(
    r"(?i)(?:^|(?<=[^\w'\u2019-]))(?P<w>"
    r"half[- ]an?|an?[- ]half|(?:a[- ])?quarter[- ]of[- ]an?|three[- ]quarters[- ]of[- ]an?"
    rf"|{_WNUM}(?:{_WHALF})?|an?)(?P<sep>\s+|-)$"
)
# Where a unit written in full may start (numbers in words come only before these). Run on
# the lowercased text: a case-sensitive alternation of literals is several times faster in
# Python's regex engine than an IGNORECASE one.
_FULL_STEM_WORDS = (
    "kilomet centimet millimet millilit centilit milligram kilogram nautical imperial hectare"
    " gallon degree square ounce pound stone quart metre meter litre liter tonne metric cubic"
    " fluid mile foot feet inch yard gram kilo pint acre knot troy ton mph km kg"
).split()


def _prefix_tree(words: list[str]) -> str:
    """An alternation that matches where one of ``words`` starts, grouped by first letters
    (the regex engine then tries one branch per position instead of every word). Only
    where a match starts counts: a word that extends a shorter one ("kilometre" after
    "kilo") adds nothing."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in sorted(groups.items()):
        if "" in rests:
            parts.append(re.escape(first))
        elif len(rests) == 1:
            parts.append(re.escape(first + rests[0]))
        else:
            parts.append(f"{re.escape(first)}(?:{_prefix_tree(rests)})")
    return "|".join(parts)


# Only the start offsets are used, and every stem is letters only, so a match can never
# hide another start (one inside it follows a letter).
_FULL_STEMS = lazy(rf"(?<![a-z])(?:{_prefix_tree(_FULL_STEM_WORDS)})")


# The same stems after a space or hyphen. A number in words must end right before the unit,
# followed by a space or a hyphen (``_WORDED_BEFORE``), so only these starts can give a
# quantity; the pattern opens with a character class, which the regex engine scans for
# quickly.
_SPACED_STEMS = lazy(rf"[\s-](?:{_prefix_tree(_FULL_STEM_WORDS)})")


def _word_unit_starts(text: str, low: str) -> list[int]:
    """Where a unit written in full may start after a space or hyphen (a number in words
    can stand only there), as offsets into ``text``; the stems are matched on ``low``, the
    lowercased text. In the rare text that lowercasing lengthens, every start, as the
    offsets there were always taken."""
    if len(low) == len(text):  # lowercasing kept every offset (no "İ")
        return [m.start() + 1 for m in _SPACED_STEMS.finditer(low)]
    return [m.start() for m in _FULL_STEMS.finditer(low)]


_AND_A_HALF = lazy(r"(?i)[ ]and[ ]an?[ ]half\b")


_NO_THIN = {ord(c): None for c in _THIN}


def parse_number(s: str) -> tuple[float, float, float, int] | None:
    """(value, step, loose_step, significant figures) of a number written in digits.

    ``step`` is half the place of the last digit written, trailing zeros counted
    (``100`` -> 0.5); ``loose_step`` does not count the trailing zeros of a whole number
    (``100`` -> 50, ``330`` -> 5). Fractions step by half their denominator's unit.
    """
    s = s.strip()
    if not s:
        return None
    frac = 0.0
    den = 0
    last = s[-1]
    try:
        if last in _FRACTIONS:
            a, b = _FRACTIONS[last]
            frac, den = a / b, b
            s = s[:-1].strip()
        elif "/" in s:
            parts = s.split()
            a, b = parts[-1].split("/")
            frac, den = int(a) / int(b), int(b)
            s = " ".join(parts[:-1])
        if den:
            # "1 000 ½": the whole part may be grouped with (thin) spaces too.
            whole = float(s.replace(",", "").translate(_NO_THIN)) if s else 0.0
            step = 1 / (2 * den)
            return whole + frac, step, step, 2
    except (ValueError, ZeroDivisionError):
        return None  # "3/0", "1/2/3": not a measurement
    digits = s.replace(",", "")
    if not digits.isascii():
        digits = digits.translate(_NO_THIN)
    if len(digits) > 1 and digits[0] == "0" and digits[1] != ".":
        return None  # "007", a leading-zero code, not a measurement
    try:
        value = float(digits)
    except ValueError:
        return None
    if "." in digits:
        decimals = len(digits) - digits.index(".") - 1
        step = 0.5 * 10.0 ** -decimals
        sig = len(digits.replace(".", "").lstrip("0")) or 1
        return value, step, step, sig
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    sig = len(stripped.lstrip("0")) or 1
    return value, 0.5, 0.5 * 10.0 ** zeros, sig


def parse_word_number(s: str) -> float | None:
    """The value of a number in words: "twenty-five", "a hundred", "two and a half"."""
    t = re.sub(r"[\s-]+", " ", s.strip().lower())
    half = 0.0
    if t.endswith(" and a half") or t.endswith(" and an half"):
        half, t = 0.5, t.rsplit(" and ", 1)[0]
    if t in ("a", "an"):
        return 1.0 + half
    if t in ("half a", "half an", "a half", "an half"):
        return 0.5
    if t in ("quarter of a", "quarter of an", "a quarter of a", "a quarter of an"):
        return 0.25
    if t in ("three quarters of a", "three quarters of an"):
        return 0.75
    total, current = 0, 0
    for w in t.split():
        if w in _ONES:
            current += _ONES[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w in ("a", "an"):
            current += 1
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif w == "and":
            continue
        else:
            return None
    return float(total + current) + half


# ---------------------------------------------------------------------- quantities


class Quantity(NamedTuple):
    """A number and its unit as written, with text offsets and written precision.

    A named tuple rather than a frozen dataclass: one is made for every quantity in every
    paragraph, and a tuple is made several times faster (it is as immutable, and compares
    and hashes by its fields alike)."""

    start: int  # the number (or "a", "half") ...
    end: int  # ... to the end of the unit
    num_start: int
    num_end: int
    unit_start: int
    unit_end: int
    unit: str  # key into UNITS
    value: float  # in ``unit`` (the low end of a range); compounds in the smaller unit
    high: float | None  # the high end of a range
    step: float  # half the place of the last written digit, trailing zeros counted
    loose_step: float  # the same, trailing zeros of whole numbers not counted
    sig_figs: int  # significant figures, trailing zeros of whole numbers not counted
    form: str  # full | abbr | symbol (how the unit is written)
    unit_text: str
    words: bool = False  # the number is written in words ("two", "a", "half a")
    compound: bool = False  # 6ft 2in, 10st 4lb
    attached: bool = False  # no space between number and unit (5km)
    hyphenated: bool = False  # an adjective: "a 10-mile walk"

    @property
    def info(self) -> Unit:
        return UNITS[self.unit]

    @property
    def dimension(self) -> str:
        return UNITS[self.unit].dimension

    @property
    def system(self) -> str:
        return UNITS[self.unit].system

    @property
    def is_range(self) -> bool:
        return self.high is not None


# Words that make a following "m" mean metres ("5m tall", "the 100m final").
_METRE_NEXT = frozenset(
    """tall high long wide deep thick away apart above below under underground underwater
    across down up from off into in of to at on by or and along beneath behind below beyond
    inland offshore out over past short taller higher longer wider deeper ahead lower race
    sprint dash hurdles freestyle backstroke breaststroke butterfly medley relay final
    finals heat heats record records mark line wall walls fence drop fall plunge climb
    swim dive diving platform springboard tower mast radius diameter circumference yacht
    boat waves wave cliff cliffs dunes dune deep-water tunnel bridge stretch section
    gap radius zone exclusion buffer rule distance segment""".split()
)
# Words that make "m" mean million ("5m people", "£3m deal").
_MILLION_PREV = lazy(
    r"(?i)\b(?:sales|revenue|revenues|turnover|profits?|loss(?:es)?|budget|funding|funds?|debts?"
    r"|worth|valued?|costs?|costing|raised?|raising|bill|deals?|investments?|invested|population"
    r"|users|viewers|visitors|customers|subscribers|downloads|votes|voters|people|jobs|homes"
    r"|households|followers|tickets|copies|doses|cases|salary|fines?|fined|paid|pay|spent|spend"
    r"|earned|earns?|grants?|awarded|bonus|contracts?|fee|fees|price|sold|bought|dollars|euros"
    r"|pounds|sterling|donat\w*|settlement|compensation|damages|loans?|bailout|tax|taxes)\b"
    r"[^.;:!?]{0,40}$"
)
_METRE_PLURALS = frozenset("hurdles waves heats walls cliffs dunes drops falls yachts boats".split())
_NETWORK = frozenset(
    """network networks phone phones mast masts coverage signal signals service services
    technology spectrum rollout roll-out connection connections data internet broadband
    mobile wireless speeds speed handset handsets device devices era standard licence
    license licences licenses operator operators router routers chip chips modem modems
    smartphone smartphones frequencies airwaves auction auctions capable-enabled
    enabled-ready-compatible force forces""".split()
)
_DESIGNATION_PREV = frozenset(
    """type category cat class grade level section form room apartment apt flat unit gate
    seat platform bus route line article clause schedule figure fig table box size model
    version floor block building terminal stage phase tier band vitamin chapter part page
    row ward lot suite highway interstate exit no number division league pier berth
    bay dock hall court lane zone sector""".split()
)
_CALIBRE_NEXT = frozenset(
    """pistol pistols handgun handguns gun guns rifle rifles round rounds ammunition ammo
    bullet bullets shell shells cartridge cartridges howitzer howitzers artillery mortar
    mortars calibre caliber cannon cannons film films camera cameras lens lenses
    projector projectors slide slides negatives""".split()
)
_MONEY_CUES = lazy(
    r"(?i)\b(?:costs?|costing|paid|pays?|paying|spent|spend|spending|worth|priced?|prices"
    r"|fined?|fines|salary|salaries|earn\w*|raise[sd]?|raising|budget|fund\w*|bills?|debts?"
    r"|donat\w*|sterling|wages?|tax(?:es)?|bonus(?:es)?|loans?|invest\w*|profits?|revenue"
    r"|sold|sale|buy|bought|charge[sd]?|fees?|compensation|award\w*|grants?|tariffs?|won"
    r"|wins?|prize|reward|cash|jackpot|bet|owed?|owing|rent|mortgage|savings|pension"
    r"|banknotes?|coins?|notes?|exchange|currency|sterling)\b"
)
# Words that make a bare "30C" a temperature: anywhere in its sentence (strong), or within a
# few words of it (weak: "it has been hot since before it was cool", said the 18F designer).
_TEMP_CUES = lazy(
    r"(?i)[°º]|\b(?:temperatur|degree|celsius|fahrenheit|centigrade|thermometer|mercury"
    r"|heatwave|heat\s+wave|freezing|frost|swelter|scorch|sizzl|climate|forecast|weather"
    r"|warming|pre-industrial|oven|fever)"
)
_TEMP_NEAR = lazy(
    r"(?i)\b(?:hot|hotter|hottest|cold|colder|coldest|cool|cooler|warm|warmer|warmest|heat"
    r"|chilly|mild|balmy|sunny|icy|snow|highs?|lows?|boil\w*|bake|roast|cook\w*|rose|fell"
    r"|rise|fall|drop\w*|hit|reached|peaked|topped|soared|plunged|plummeted)\b"
)
_TEMP_PAIR_AFTER = lazy(r"\s*[(\[]\s*(?:about\s+|around\s+|roughly\s+)?[-\u2212]?\d[\d.,]*\s?[°º]?\s?[CF]\b")
_TEMP_PAIR_BEFORE = lazy(r"[-\u2212]?\d[\d.,]*\s?[°º]?\s?[CF]\s*[(\[]\s*(?:about\s+|around\s+|roughly\s+)?[-\u2212]?$")
_WEIGHT_CUES = lazy(
    r"(?i)\b(?:weigh\w*|heav\w*|light(?:er|est)?|weight|lost|los(?:e|ing)|gained?|gaining"
    r"|bomb|bombs|lift\w*|carr\w*|fish|catch|caught|baby|born|meat|flour|sugar|butter"
    r"|cheese|potatoes)\b"
)
_RATE_LINK = lazy(r"\s*(?:/|per\s+|an?\s+|to\s+the\s+|for\s+every\s+)(?:\d[\d,.]*\s*)?")
_TORQUE_AFTER = lazy(r"(?i)[- ]?(?:ft|feet|foot|lbs?|pounds?)\b(?!\s*\d)")
_LIQUID_AFTER = lazy(
    r"(?i)\.?\s+(?:of\s+)?(?:[a-z-]+\s+){0,2}(?:water|milk|juice|wine|beer|coffee|tea|soda|cola"
    r"|spirits?|vodka|gin|whisk(?:e)?y|rum|liquid|broth|stock|cream|oil|vinegar|syrup|smoothie"
    r"|lemonade|drinks?|beverages?)\b"
)
_TIME_BEFORE = lazy(r"\d\s?h(?:rs?)?\s?$")
_TIME_AFTER = lazy(r"\s?\d{1,2}\s?s(?:ecs?)?\b")
_WORD_AFTER = lazy(r"[ \t]*(-?)([A-Za-z][A-Za-z'-]*)")
_WORD_BEFORE = lazy(r"([A-Za-z][A-Za-z.'-]*)[\s\u00a0]*$")
_CURRENCY_BEFORE = lazy(r"(?:[£$€¥₹]|\b(?:US|A|C|NZ|HK|S)\$|\b(?:USD|GBP|EUR|Rs\.?))\s?$")
# The last characters of _CURRENCY_BEFORE's readings. "\s?$" lets at most two characters
# follow one (a space, then a line break that "$" may stand before).
_CURRENCY_ENDS = frozenset("£$€¥₹DPRs.")
_MEASURE_AFTER = lazy(
    r"(?i)\s*(?:-?(?:tall|high|long|wide|deep|thick|taller|higher|longer|wider|deeper|"
    r"shorter|lower|away|below|above|across|of|in\s+(?:height|length|width|depth|diameter)"
    r"|from|apart|underground|underwater|closer|further|farther|or\s+so|and|,|\.|\)|;))"
)
_POSSESSIVE_FEET = lazy(
    r"(?i)\b(?:his|her|their|my|your|our|its|own|on|both|all|with)\s+(?:own\s+)?(?:two|four|\d)\s+$"
)
_A_IDIOMS = lazy(
    r"(?i)(?:\bby\s+a\s+mile\b|\ba\s+mile\s+a\s+minute|\bout\s+a\s+mile|\ba\s+mile\s+off\b"
    r"|\bgo(?:es|ing|ne)?\s+the\s+extra\s+mile|\ba\s+mile\s+wide\s+and\s+an\s+inch\s+deep)"
)
# "a"/"an" counts as one only before these units (not "a foot injury", "a pint", "a ton of").
_A_UNITS = frozenset(
    "mi km m mm cm kg g mg l ml cl gal usgal impgal acre ha t m2 km2 mi2 ft2 cm2 m3 nmi".split()
)
_RATE_BEFORE_A = lazy(
    r"(?:\d[\d,.]*\s?(?:p|c|cents?|pence|euros?|dollars?|pounds?|quid)?|[£$€¥₹]\s?\d[\d,.]*(?:\s?(?:m|bn|k))?)\s*$"
)
# A heading written in title case ("Man Walks 10 Miles to Work") capitalises units too.
_TITLE_WORD = lazy(r"\b[A-Za-z][a-z]{3,}\b")


def _looks_like_headline(text: str) -> bool:
    words = _TITLE_WORD.findall(text)
    if len(words) < 2:
        return False
    caps = sum(1 for w in words[1:] if w[0].isupper())
    return caps >= 0.6 * max(1, len(words) - 1)


def _next_word(text: str, pos: int) -> tuple[str, bool]:
    """The word after ``pos`` (lowercased) and whether it was joined by a hyphen."""
    m = _WORD_AFTER.match(text, pos)
    if not m:
        return "", False
    return m.group(2).lower(), bool(m.group(1))


_WORD_TAIL_REVERSED = lazy(r"[A-Za-z.'-]*")


def _prev_word(text: str, pos: int) -> str:
    """The word before ``pos`` (lowercased, no trailing full stop), looking back at most 40
    characters: what ``_WORD_BEFORE`` finds, without trying every start in the window."""
    w = text[max(0, pos - 40):pos].rstrip()  # str.isspace is the regex's \s
    n = _WORD_TAIL_REVERSED.match(w[::-1]).end()  # type: ignore[union-attr]
    # The trailing run of letters . ' -, from its first letter.
    return w[len(w) - n:].lstrip(".'-").lower().rstrip(".")


_CLAUSE_END = lazy(r"[.;!?](?:\s|$)")


def _clause(text: str, start: int, end: int) -> str:
    """The sentence or clause around ``text[start:end]`` (up to 120 characters each side)."""
    lo = max(0, start - 120)
    for m in _CLAUSE_END.finditer(text, lo, start):
        lo = m.end()
    m = _CLAUSE_END.search(text, end, min(len(text), end + 120))
    return text[lo:m.start() + 1 if m else min(len(text), end + 120)]


_PHRASE_BREAK = re.compile(r"[.,;:!?()\"\u201c\u201d\u2014]")


def _phrase(text: str, start: int, end: int) -> str:
    """The words right around ``text[start:end]`` (25 characters each side), cut at
    punctuation: the phrase it belongs to."""
    lo = max(0, start - 25)
    for m in _PHRASE_BREAK.finditer(text, lo, start):
        lo = m.end()
    hi = min(len(text), end + 25)
    m = _PHRASE_BREAK.search(text, end, hi)
    return text[lo:m.start() if m else hi]


def _m_is_million(text: str, num_start: int, unit_end: int) -> bool:
    """Does "5m" mean five million here ("5m people", "a 3m deal") rather than metres?"""
    if _TIME_AFTER.match(text, unit_end) or _TIME_BEFORE.search(text, max(0, num_start - 8), num_start):
        return True  # a duration: 2h 30m, 3m 45s (not metres either)
    word, hyphen = _next_word(text, unit_end)
    if word:
        if word in _METRE_NEXT or (hyphen and word in _METRE_NEXT):
            return False
        if word in ("a", "per") and re.match(r"\s+(?:a|per)\s+(?:year|month|week|season|day)\b",
                                               text[unit_end:unit_end + 20]):
            return True
        if word.endswith("s") and word not in _METRE_PLURALS and len(word) > 3 and not hyphen:
            return True
        if word in ("people", "children", "men", "women", "staff", "population", "sheep",
                    "deer", "fish", "euro", "dollar", "pound", "barrels", "units"):
            return True
    window = text[max(0, num_start - 60):num_start]
    return bool(_MILLION_PREV.search(window))


def _numeric_quantity(text: str, m: re.Match[str], headline: bool | None) -> Quantity | None:
    num_end = m.end()
    n = len(text)
    # A multiplier: "2m tonnes", "1.5 million acres".
    mult = ""
    found = None
    mm = _MULT.match(text, num_end)
    if mm is not None:
        found = unit_at(text, mm.end() + 1)
        if found is not None:
            mult = mm.group("a") or mm.group("b")
            upos, sep = mm.end() + 1, " "
    if found is None:
        if num_end < n and text[num_end] in _SPACES:
            upos, sep = num_end + 1, " "
        elif num_end < n and text[num_end] == "-":
            upos, sep = num_end + 1, "-"
        else:
            upos, sep = num_end, ""
        # _numbers_before_heads saw a unit's head or a multiplier here.
        found = _unit_words_at(text, upos, not sep)
        if found is None:
            return None
    key, form, unit_end = found
    if sep == "-" and (len(text[upos:unit_end]) == 1 and form != "full"):
        return None  # "5-C", "3-D"
    unit = UNITS[key]
    unit_text = text[upos:unit_end]
    start = m.start("num")
    # Money: "$5m", "£1.2bn", "US$3 million". The regex is tried only where one of the
    # characters its readings end in stands among the last three before the number.
    before = m.start()
    if not _CURRENCY_ENDS.isdisjoint(text[max(0, before - 3):before]) and _CURRENCY_BEFORE.search(
        text, max(0, before - 5), before
    ):
        return None
    parsed = parse_number(m.group("num"))
    if parsed is None:
        return None
    value, step, loose, sig = parsed
    high = None
    if m.group("num2"):
        p2 = parse_number(m.group("num2"))
        if p2 is None:
            return None
        high = p2[0]
        step, loose = min(step, p2[1]), min(loose, p2[2])
    q_num_end = mm.end() if mult else num_end
    if mult:
        factor = {"m": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "thousand": 1e3}[mult]
        value, step, loose = value * factor, step * factor, loose * factor
        high = high * factor if high is not None else None
    if m.group("neg") and unit.temperature:
        start = m.start("neg")
        value = -value
    if high is not None and m.group("neg2") and unit.temperature:
        high = -high
    if not _accept(text, key, form, unit_text, sep, value, m.group("num"), start, upos,
                   unit_end, m.start(), headline, mult):
        return None
    if key == "oz" and _LIQUID_AFTER.match(text, unit_end):
        key = "floz"  # "8 oz. almond milk" is a volume (fluid ounces)
    return Quantity(
        start=start, end=unit_end, num_start=start, num_end=q_num_end, unit_start=upos,
        unit_end=unit_end, unit=key, value=value, high=high, step=step, loose_step=loose,
        sig_figs=sig, form=form, unit_text=unit_text, attached=not sep,
        hyphenated=sep == "-",
    )


# The units that the trap chain in _accept reads words around.
_UNITS_WITH_TRAPS = frozenset({"m", "g", "st", "degC", "degF", "mm", "cm", "in", "lb"})


def _accept(text: str, key: str, form: str, unit_text: str, sep: str, value: float,
            num_text: str, start: int, unit_start: int, unit_end: int, prev_at: int,
            headline: bool | None, mult: str = "") -> bool:
    """The false-unit traps: is this number + unit really a measurement? The words before
    ``prev_at`` and after the unit are read only by the traps that need them."""
    unit = UNITS[key]
    # Rates: "40 miles per gallon", "10mg/kg" (the quantity is a ratio, not a measure).
    r = _RATE_LINK.match(text, unit_end)
    if r:
        other = unit_at(text, r.end(), attached=text[r.end() - 1:r.end()] in "/0123456789")
        if other is not None and (
            UNITS[other[0]].dimension != unit.dimension or r.group().strip()[:1] in ("/", "p")
        ):
            return False  # 40 miles per gallon, 10mg/kg
    if form == "full" and unit_text[0].isupper() and not unit.temperature and not unit_text.isupper():
        # "Three Mile Island", "The Green Mile", "8 Mile": a name, unless the whole text
        # is a title-case headline; even then a singular after a number above one is a name.
        if headline is None:
            headline = _looks_like_headline(text)
        if not headline:
            return False
        low = unit_text.lower()
        if value > 1 and sep != "-" and not low.endswith("s") and low not in ("feet", "stone"):
            return False
    if key in _UNITS_WITH_TRAPS:  # the traps below are for these units only
        if key == "m" and form == "abbr" and not mult:
            if _m_is_million(text, start, unit_end):
                return False
        elif key == "g" and form == "abbr":
            if _next_word(text, unit_end)[0] in _NETWORK or _prev_word(text, prev_at) in (
                "pulled", "pulling", "pull", "withstand", "withstood", "experienced", "sustained",
                "endure", "endured",
            ):
                return False
        elif key == "st" and form == "abbr":
            digits = num_text.replace(",", "")
            if not digits.isdigit() or (digits.endswith("1") and not digits.endswith("11")):
                return False  # 21st, 1st
            if unit_end < len(text) and text[unit_end:unit_end + 1] == ".":
                # "5 St. James" is a street, "10st." a weight at the end of a sentence
                if re.match(r"\.\s+[A-Z][a-z]", text[unit_end:unit_end + 4]) and sep:
                    return False
        elif key in ("degC", "degF") and form == "symbol" and len(unit_text) == 1:
            # A bare letter: "30C" is a temperature in weather copy, "18F" is also a government
            # agency and "12C" a bus route. Ask for temperature words in the sentence, or a
            # neighbouring temperature in brackets.
            prev = _prev_word(text, prev_at)
            if prev in _DESIGNATION_PREV or "." in num_text and len(num_text.split(".")[1]) > 1:
                return False
            lo, hi = (-90, 300) if key == "degC" else (-130, 600)
            if not lo <= value <= hi:
                return False
            if text[unit_end:unit_end + 2] in ("'s", "\u2019s"):
                return False
            if not (_TEMP_CUES.search(_clause(text, start, unit_end))
                    or _TEMP_NEAR.search(_phrase(text, start, unit_end))
                    or _TEMP_PAIR_AFTER.match(text, unit_end)
                    or _TEMP_PAIR_BEFORE.search(text, max(0, start - 16), start)):
                return False
        elif key in ("mm", "cm", "in") and _next_word(text, unit_end)[0] in _CALIBRE_NEXT:
            return False  # 9mm pistol, 35mm film, 155mm shells
        elif key == "lb" and form == "full":
            if mult:
                return False  # "5 million pounds" is money
            window = _clause(text, start, unit_end)
            if _next_word(text, unit_end)[0] in ("sterling", "a", "per") and re.match(
                r"\s+(?:sterling|(?:a|per)\s+(?:week|month|year|day|head|hour|night))\b", text[unit_end:unit_end + 20]
            ):
                return False
            if not _WEIGHT_CUES.search(window) and _MONEY_CUES.search(window):
                return False
        elif key == "st" and form == "full":
            nxt = _next_word(text, unit_end)[0]
            if nxt in ("age", "ages", "wall", "walls", "circle", "building", "house", "bridge"):
                return False
    if key in ("lb", "ft") and _TORQUE_AFTER.match(text, unit_end):
        return False  # 414 lb-ft of torque, 300 ft-lb: a moment, not a weight or a length
    if key in ("ft", "in") and form == "symbol":
        # coordinates: 51°30′26″
        if "°" in text[max(0, start - 4):start]:
            return False
    if len(unit_text) == 1 and _prev_word(text, prev_at) in _DESIGNATION_PREV:
        return False
    return True


class _Spans:
    """Does one of these (start, end) spans hold an offset? Bisection over the starts with
    the running maximum of the ends, so a long text with thousands of quantities is not
    checked pair by pair."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach: list[int] = []
        far = -1
        for _, e in ordered:
            far = max(far, e)
            self._reach.append(far)

    def hold(self, pos: int) -> bool:
        k = bisect_right(self._starts, pos)
        return k > 0 and self._reach[k - 1] > pos


def _worded_quantities(text: str, headline: bool | None, taken: _Spans,
                       starts: list[int]) -> list[Quantity]:
    out: list[Quantity] = []
    for unit_start in starts:
        if taken.hold(unit_start):
            continue
        w = _WORDED_BEFORE.search(text, max(0, unit_start - 60), unit_start)
        if not w:
            continue
        found = unit_at(text, unit_start)
        if found is None:
            continue
        key, form, unit_end = found
        if form != "full" and key not in ("km", "kg", "mph"):
            continue
        words = w.group("w")
        sep = w.group("sep")
        unit_text = text[unit_start:unit_end]
        start = w.start("w")
        value = parse_word_number(words)
        if value is None:
            continue
        lw = words.lower()
        article_only = lw in ("a", "an")
        end = unit_end
        # "a mile and a half"
        half = _AND_A_HALF.match(text, unit_end)
        if half and ("half" not in lw):
            value += 0.5
            end = half.end()
        if article_only:
            if key not in _A_UNITS and not (key == "ft" and _MEASURE_AFTER.match(text, unit_end)):
                continue
            if key == "m" and unit_text.lower().startswith("meter") and not _MEASURE_AFTER.match(text, unit_end):
                continue  # "a meter reader"
            if _RATE_BEFORE_A.search(text, max(0, start - 12), start):
                continue  # "$4 a gallon", "50p a mile"
            if _A_IDIOMS.search(text, max(0, start - 30), min(len(text), end + 30)):
                continue
        if key == "ft" and lw in ("one", "a", "an") and unit_text.lower() == "foot":
            if not _MEASURE_AFTER.match(text, unit_end):
                continue  # "one foot in the grave", "a foot injury"
        if key == "ft" and unit_text.lower() == "feet" and _POSSESSIVE_FEET.search(
            text, max(0, start - 20), unit_start
        ):
            continue  # "on his own two feet"
        if key in ("in", "yd", "pt", "ton", "st", "oz", "lb") and article_only:
            continue
        if "half" in lw or "quarter" in lw:
            step = 0.125
        else:
            step = 0.5
        if not _accept(text, key, form, unit_text, sep.strip(), value, str(int(value)), start,
                       unit_start, unit_end, start, headline):
            continue
        sig = len(str(int(value)).rstrip("0")) or 1
        out.append(
            Quantity(
                start=start, end=end, num_start=start, num_end=w.end("w"),
                unit_start=unit_start, unit_end=unit_end, unit=key, value=value, high=None,
                step=step, loose_step=step, sig_figs=sig, form=form, unit_text=unit_text,
                words=True, hyphenated=sep == "-",
            )
        )
    return out


# Compounds: 6ft 2in, 5-foot-10, six foot two, 10st 4lb, 8lb 6oz, 6'2".
_COMPOUND_NEXT = {"ft": ("in", 12), "st": ("lb", 14), "lb": ("oz", 16)}
_COMPOUND_NUM = lazy(rf"(?:[ -]|,?\s+and\s+)(?P<num>\d{{1,2}}(?:\.\d+)?|{_WCORE})(?!\d|[.,]\d)", re.I)
_INCH_MARK = lazy(r"[ ]?(?:\u2033|''|\"|\u201d)")
_NOT_COMPOUND_AFTER = lazy(r"\s*(?:[\d%/]|(?:per|times|x|by|to|or)\b)")
# (The foot digit first, then a look behind it: a pattern that opens with a character class
# lets the regex engine skip quickly to the digits.)
_FEET_INCHES = lazy(
    r"(?P<ft>\d(?<![\w.,]\d))\s?['\u2019\u2032]\s?(?P<in>\d{1,2}(?:\.\d+)?)\s?(?:\"|''|\u201d|\u2033)"
)


def _extend_compound(text: str, q: Quantity) -> Quantity:
    nxt = _COMPOUND_NEXT.get(q.unit)
    if nxt is None or q.is_range:
        return q
    small, limit = nxt
    m = _COMPOUND_NUM.match(text, q.end)
    if not m:
        return q
    num = m.group("num")
    end = m.end()
    mark = _INCH_MARK.match(text, end)
    if mark is not None and q.unit == "ft" and q.form == "symbol":
        end = mark.end()
    else:
        spaced = end < len(text) and text[end] == " "
        # After "6 ft 2", a spaced "in" is inches: the compound leaves no other reading.
        found = unit_at(text, end + 1 if spaced else end, attached=not spaced or small == "in")
        if found is not None:
            if found[0] != small:
                return q
            end = found[2]
        else:
            # A bare second number: "5ft 10", "5-foot-10", "six foot two", "10st 4".
            if q.unit not in ("ft", "st") or (q.form == "full" and q.unit_text.lower() != "foot"):
                return q
            if _NOT_COMPOUND_AFTER.match(text, end):
                return q
    if num[0].isdigit():
        parsed = parse_number(num)
        if parsed is None:
            return q
        part, step = parsed[0], parsed[1]
    else:
        pv = parse_word_number(num)
        if pv is None:
            return q
        part, step = pv, 0.5
    if part >= limit:
        return q
    big = convert(1.0, q.unit, small)[0]
    value = q.value * big + part
    return Quantity(
        start=q.start, end=end, num_start=q.num_start, num_end=end, unit_start=q.unit_start,
        unit_end=end, unit=small, value=value, high=None, step=step, loose_step=step,
        sig_figs=max(2, q.sig_figs), form=q.form, unit_text=q.unit_text, words=q.words,
        compound=True, attached=q.attached, hyphenated=q.hyphenated,
    )


# What may follow a number that has a unit: a unit's head, or a multiplier ("2bn tonnes").
_NUMBER_NEXT = _HEADS | {"bn", "thousand", "million", "billion"}

_BETWEEN = lazy(rf"(?i)\bbetween\s+(?P<num>{_NUM})\s+and\s+$")
# A digit or a fraction (every number ends in one) followed, after at most a space or a
# hyphen, by a word: ``head`` is what ``_HEAD_AT`` reads where find_quantities looks for a
# unit after a number that ends there.
_ENDS_BEFORE_WORD = lazy(
    rf"[\d{_FRACS}](?=[{_SPACES}-]?(?P<head>[A-Za-z\u00b0\u00ba\u2103\u2109\u2032\u2033\u00b2\u00b3]+[23]?))"
)
# Every character a _NUMBER match can hold: digits, fractions, separators, spaces and the
# letters of "minus" and "to". Matched on the reversed text, it finds the run of them that
# leads up to an offset.
_IN_NUMBER_REVERSED = lazy(rf"[\d\s{_THIN},./\-\u2212\u2013\u2014{_FRACS}minusto]*")


def _numbers_before_heads(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBER.finditer(text)`` that a unit's head (or a multiplier)
    follows, in order, found without stepping through every number in the text (most are
    not followed by a unit: "1,436 people", years, prices).

    Only where ``_ENDS_BEFORE_WORD`` matches can such a number end. The full scan's match
    ending there, if there is one, starts inside the run of number characters before it,
    and no match of the full scan holds the character before that run: so searching from
    the start of the run (or from the end of the last match found, if later) meets the
    matches the full scan meets from there on.
    """
    search = _NUMBER.search
    n = len(text)
    reversed_text = ""
    last: re.Match[str] | None = None  # the full scan's match found last
    for digit in _ENDS_BEFORE_WORD.finditer(text):
        if digit.group("head").lower() not in _NUMBER_NEXT:
            continue
        end = digit.end()
        if last is not None and last.end() >= end:
            # The match found last reaches here: it ends here, or no match does.
            if last.end() == end:
                yield last
            continue
        if not reversed_text:
            reversed_text = text[::-1]
        run = _IN_NUMBER_REVERSED.match(reversed_text, n - end).end() - (n - end)  # type: ignore[union-attr]
        run_start = end - run
        m = search(text, run_start if last is None or run_start > last.end() else last.end())
        while m is not None and m.end() < end:
            m = search(text, m.end())
        if m is None:
            return
        last = m
        if m.end() == end:
            yield m


def find_quantities(text: str, *, headline: bool | None = None, lowered: str | None = None) -> list[Quantity]:
    """Every quantity (number + unit) in ``text``, in order, without overlaps.

    ``headline``: the text is a title-case heading (units may be capitalised there);
    None guesses from the text. ``lowered``: ``text.lower()``, when the caller has it.
    """
    if lowered is None:
        lowered = text.lower()
    starts = _word_unit_starts(text, lowered)
    found: list[Quantity] = []
    # (Text without a digit or a fraction goes through the number scans quickly: they look
    # for those first.)
    for m in _numbers_before_heads(text):
        q = _numeric_quantity(text, m, headline)
        if q is not None:
            found.append(q)
    # These come in order: each starts inside its own number match, and the matches follow
    # one another. Only the quantities added below may need sorting in.
    numeric_count = len(found)
    marked = "'" in text or "\u2019" in text or "\u2032" in text  # 6'2" needs a foot mark
    numeric: _Spans | None = None
    for m in _FEET_INCHES.finditer(text) if marked else ():
        # Inside a quantity found above? (The 6'2" ones added here end before the next
        # match starts, so those found above are all there is to check.)
        if numeric is None:
            numeric = _Spans((q.start, q.end) for q in found)
        if numeric.hold(m.start()):
            continue
        ft, inch = int(m.group("ft")), float(m.group("in"))
        if inch >= 12:
            continue
        found.append(
            Quantity(
                start=m.start(), end=m.end(), num_start=m.start(), num_end=m.end(),
                unit_start=m.start() + 1, unit_end=m.end(), unit="in", value=ft * 12 + inch,
                high=None, step=0.5, loose_step=0.5, sig_figs=2, form="symbol",
                unit_text="'", compound=True, attached=True,
            )
        )
    if not found and not starts:
        return []
    if starts:
        taken = _Spans((q.start, q.end) for q in found)
        found.extend(_worded_quantities(text, headline, taken, starts))
    if len(found) > numeric_count:
        found.sort(key=lambda q: (q.start, -q.end))
    # Only the letters b, e, t, w, n and their capitals match _BETWEEN's (case-insensitive)
    # "between", so without it in the lowercased text there is nothing to search for.
    between = "between" in lowered
    out: list[Quantity] = []
    last_end = -1
    for q in found:
        if q.start < last_end:
            continue
        if q.unit in _COMPOUND_NEXT:
            q = _extend_compound(text, q)
        if between and q.high is None and not q.words:
            b = _BETWEEN.search(text, max(0, q.start - 40), q.start)
            if b:
                low = parse_number(b.group("num"))
                if low is not None:
                    q = q._replace(start=b.start("num"), num_start=b.start("num"), value=low[0],
                                   high=q.value, step=min(q.step, low[1]),
                                   loose_step=min(q.loose_step, low[2]))
        out.append(q)
        last_end = q.end
    return out


# ---------------------------------------------------------------------- conversions

_HEDGE = (
    r"(?:about|around|roughly|approximately|approx\.?|some|nearly|almost|over|under|more\s+than"
    r"|less\s+than|just\s+(?:over|under)|up\s+to|at\s+least|c\.|ca\.|circa|~|\u2248|an\s+estimated"
    r"|or|that'?s|that\s+is|i\.e\.,?|equivalent\s+to|the\s+equivalent\s+of|almost|close\s+to)"
)
_BRACKET_GAP = lazy(rf"(?i)\s*[(\[]\s*(?P<hedge>(?:{_HEDGE}\s*)*)")
_INLINE_GAP = lazy(
    rf"(?i),?\s*(?:or\s|\u2013|\u2014|\s-\s)\s*(?P<hedge>(?:{_HEDGE}\s*)*)"
)
_LOOSE_HEDGES = lazy(r"(?i)about|around|roughly|approx|some|nearly|almost|c\.|ca\.|circa|~|\u2248|estimated|close")


class Conversion(NamedTuple):
    """A quantity followed by the same measure in other units."""

    source: Quantity
    target: Quantity
    bracketed: bool  # "10 km (6 miles)"; otherwise "10 km, or about 6 miles"
    hedged: bool  # "(about 6 miles)": rounded loosely on purpose
    checkable: bool  # clearly meant as a conversion, so its numbers are worth checking


def find_conversions(text: str, quantities: list[Quantity]) -> list[Conversion]:
    """Quantities followed by the same measure in other units: "10 km (6 miles)"."""
    out: list[Conversion] = []
    for a, b in zip(quantities, quantities[1:]):
        if a.dimension != b.dimension or a.unit == b.unit:
            continue
        gap = text[a.end:b.start]
        m = _BRACKET_GAP.fullmatch(gap)
        if m:
            close = text.find(")", b.end, b.end + 60) if gap.strip().startswith("(") else text.find("]", b.end, b.end + 60)
            if close < 0 or "(" in text[b.end:close]:
                continue
            hedge = m.group("hedge") or ""
            out.append(Conversion(a, b, True, bool(_LOOSE_HEDGES.search(hedge)), True))
            continue
        m = _INLINE_GAP.fullmatch(gap)
        if m and len(gap) <= 40:
            hedge = m.group("hedge") or ""
            loose = bool(_LOOSE_HEDGES.search(hedge))
            out.append(Conversion(a, b, False, loose, loose))
    return out


# ------------------------------------------------------------------- temperatures

_DIFF_BEFORE = lazy(
    rf"(?i)(?:\bby|\b(?:warming|heating|cooling|rise|rises|increase|increases|drop|drops|fall|falls"
    rf"|change|changes|difference|swing|anomaly|jump|spike|dip|decline)\s+of)\s+(?:{_HEDGE}\s+)*$"
)
_DIFF_AFTER = lazy(
    r"(?i)\s*(?:\([^)]{0,30}\)\s*)?(?:of\s+(?:warming|heating|cooling)|warmer|cooler|hotter|colder"
    r"|higher|lower|above|below|rise|increase|drop|fall|jump|less|more|warming|cooling|hike"
    r"|difference|change|swing|over\s+pre-industrial|target|limit|threshold)\b"
)
_ABS_BEFORE = lazy(
    rf"(?i)\b(?:to|at|of|reached|reach|reaching|hit|hits|hitting|highs?|lows?|exceed\w*|topped"
    rf"|touched|is|was|were|be|above|below|than|around|about|from|temperatures?)\s+(?:{_HEDGE}\s+)*$"
)


def temperature_kind(text: str, q: Quantity) -> str | None:
    """Is this temperature a difference ("rose by 2C", "1.5C of warming") or an absolute
    reading ("highs of 30C")? None when the words around it do not say."""
    before = text[max(0, q.start - 50):q.start]
    if _DIFF_BEFORE.search(before):
        return "diff"
    if _DIFF_AFTER.match(text, q.end):
        return "diff"
    if _ABS_BEFORE.search(before):
        return "abs"
    return None


# --------------------------------------------------------------------- arithmetic

_FACTORS: dict[str, tuple[tuple[float, float], ...]] | None = None


def factors(key: str) -> tuple[tuple[float, float], ...]:
    """(factor, offset) pairs taking a value in ``key`` to SI base units (value*f + o);
    several when the unit name is ambiguous (US and imperial gallons)."""
    global _FACTORS
    if _FACTORS is None:
        from ._unit_factors import FACTORS

        _FACTORS = FACTORS
    return _FACTORS[key]


def convert(value: float, src: str, dst: str, *, delta: bool = False) -> list[float]:
    """``value`` in ``src`` expressed in ``dst``, for every reading of ambiguous units.
    ``delta``: a temperature difference (no offset)."""
    out = []
    for fs, os_ in factors(src):
        for fd, od in factors(dst):
            if delta:
                out.append(value * fs / fd)
            else:
                out.append((value * fs + os_ - od) / fd)
    return out


def round_sig(x: float, k: int) -> float:
    if x == 0 or not math.isfinite(x):
        return x
    return round(x, k - 1 - int(math.floor(math.log10(abs(x)))))


def format_number(x: float, k: int = 3) -> str:
    """``x`` to ``k`` significant figures, with thousands separators: 1609.34 -> "1,610"."""
    r = round_sig(x, k)
    if abs(r - round(r)) < 1e-9 * max(1.0, abs(r)):
        return f"{int(round(r)):,}"
    decimals = max(0, k - 1 - int(math.floor(math.log10(abs(r)))))
    return f"{r:,.{decimals}f}".rstrip("0").rstrip(".")


def format_sig(x: float, k: int) -> str:
    """``x`` rounded to ``k`` significant figures, showing all of them: 2.03 -> "2.0"."""
    r = round_sig(x, k)
    if r == 0 or not math.isfinite(r):
        return "0"
    decimals = max(0, k - 1 - int(math.floor(math.log10(abs(r)))))
    return f"{r:,.{decimals}f}"


class ConversionCheck(NamedTuple):
    """Whether a conversion's numbers agree, and what the source really converts to."""

    ok: bool
    expected: float  # the source in the target's unit (closest reading)
    reading: str  # "abs" | "diff" for temperatures, "" otherwise
    hint: str = ""  # why it is probably wrong (area converted as a length ...)


def _fits(s: float, s_step: float, c: float, c_loose: float, src: str, dst: str,
          delta: bool, tolerance: float, absolute_temperature: bool) -> tuple[bool, float]:
    """Does ``c`` (in ``dst``) agree with ``s`` (in ``src``) within rounding?

    Allowed error: the source's own rounding (half its last digit, converted) plus the
    conversion's rounding at the precision it is written, capped at ``tolerance`` of the
    value (1 degree for absolute temperatures) so "100 m (300 ft)" is not rounding.
    """
    best_err, best = math.inf, math.nan
    scale = abs(convert(1.0, src, dst, delta=True)[0])
    for conv in convert(s, src, dst, delta=delta):
        err = abs(c - conv)
        if absolute_temperature and abs(conv) < 150:
            cap = 1.0 if tolerance <= 0.05 else 2.0  # weather: 30C is 86F, not 90F
        else:
            cap = tolerance * abs(conv)
        if absolute_temperature and abs(conv) >= 150:
            # Oven temperatures are conventionally rounded to 25F/10C steps: 180C (350F).
            allowed = s_step * scale + cap
        else:
            allowed = s_step * scale + min(c_loose, cap)
        if err <= allowed * (1 + 1e-9) + 1e-12:
            return True, conv
        if err < best_err:
            best_err, best = err, conv
    return False, best


def check_conversion(conv: Conversion, kind: str | None = None, tolerance: float = 0.05) -> ConversionCheck | None:
    """Do the numbers of ``conv`` agree within rounding? None when it cannot be checked
    (a range against a single value). ``kind``: "diff"/"abs"/None for temperatures."""
    s, c = conv.source, conv.target
    if (s.high is None) != (c.high is None):
        return None
    tol = tolerance * 2 if conv.hedged else tolerance
    pairs = [(s.value, c.value)]
    if s.high is not None and c.high is not None:
        pairs.append((s.high, c.high))
    temp = s.info.temperature
    readings = [""] if not temp else (["diff"] if kind == "diff" else ["abs"] if kind == "abs" else ["abs", "diff"])
    expected = math.nan
    for reading in readings:
        delta = reading == "diff"
        good = True
        first = math.nan
        for sv, cv in pairs:
            ok, exp = _fits(sv, s.step, cv, c.loose_step, s.unit, c.unit, delta, tol, reading == "abs")
            if math.isnan(first):
                first = exp
            good = good and ok
        if good:
            return ConversionCheck(True, first, reading)
        if reading == readings[0]:
            expected = first
    hint = ""
    reading = readings[0]
    if temp and kind in ("diff", "abs"):
        other = "abs" if kind == "diff" else "diff"
        ok, _ = _fits(s.value, s.step, c.value, c.loose_step, s.unit, c.unit, other == "diff", tol,
                      other == "abs")
        if ok:
            hint = ("it converts an absolute temperature, but this is a change in temperature"
                    if kind == "diff" else
                    "it converts a change in temperature, but this is a temperature reading")
    elif s.dimension == AREA:
        lin = math.sqrt(abs(convert(1.0, s.unit, c.unit)[0]))
        # An area converted with the length factor: 500 sq km (310 sq miles).
        for f in (lin, 1 / lin if lin else 0.0):
            if f and abs(c.value - s.value * f) <= max(c.loose_step, 0.02 * s.value * f):
                hint = "it looks like the length factor was used; areas convert by its square"
                break
    return ConversionCheck(False, expected, reading, hint)


# ------------------------------------------------------------------- unit spellings

_SPELLING = lazy(
    r"(?i)(?<![A-Za-z])(?P<prefix>kilo|centi|milli|deci|deca|deka|hecto|micro|nano)?"
    r"(?P<stem>met|lit)(?P<ending>re|er)(?P<plural>s?)(?![\w])"
)
_UNIT_CONTEXT_BEFORE = lazy(
    r"(?i)(?:\d\s*|\b(?:square|cubic|sq\.?|per|hundreds?\s+of|thousands?\s+of|tens\s+of|dozens\s+of"
    r"|few|several|many|couple\s+of|of\s+a|half\s+a|a\s+few|fraction\s+of\s+a)\s+)$"
)
_UNIT_CONTEXT_AFTER = lazy(
    r"(?i)(?:\s+(?:away|long|high|tall|wide|deep|thick|above|below|apart|across|underground"
    r"|underwater|from|in\s+(?:length|height|diameter|depth|width)|squared|cubed)\b|-(?:long|high|tall|wide|deep|thick)\b)"
)


class SpellingMatch(NamedTuple):
    """A metre/meter or litre/liter word used as a unit."""

    start: int
    end: int
    word: str  # as written: "Kilometres"
    family: str  # "metre" | "litre"
    variant: str  # "re" (British) | "er" (American)

    def respelled(self, variant: str) -> str:
        """The word in the other spelling, keeping its case: Metres -> Meters."""
        w = self.word
        stem_end = len(w) - (1 if w[-1:] in "sS" and w[-3:-1].lower() in ("re", "er") else 0)
        tail = w[stem_end - 2:stem_end]
        new = "re" if variant == "re" else "er"
        if tail.isupper():
            new = new.upper()
        return w[:stem_end - 2] + new + w[stem_end:]


def find_unit_spellings(text: str, quantities: Iterable[Quantity] = (), *,
                        lowered: str | None = None) -> list[SpellingMatch]:
    """metre/meter, litre/liter and their prefixed forms used as units. A bare "meter" or
    "metre" counts only where it is a unit (after a number, "square", "hundreds of",
    before "away", "long" ...), never a device ("parking meter") or verse ("iambic metre").
    ``lowered``: ``text.lower()``, when the caller has it."""
    low = text.lower() if lowered is None else lowered
    if "metre" not in low and "meter" not in low and "litre" not in low and "liter" not in low:
        return []
    # Whether a position is inside a quantity's unit, by bisection: a scan of every
    # quantity for every bare "meter" took 25 s on 592 KB of "5 km (3 miles)" and "meter".
    spans = sorted((q.unit_start, q.unit_end) for q in quantities)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))  # the furthest unit end so far
    out = []
    for m in _SPELLING.finditer(text):
        word = m.group(0)
        bare = not m.group("prefix") and m.group("stem").lower() == "met"
        if bare:
            s = m.start()
            k = bisect_right(starts, s) - 1
            if not (
                (k >= 0 and reach[k] > s)
                or _UNIT_CONTEXT_BEFORE.search(text, max(0, s - 25), s)
                or _UNIT_CONTEXT_AFTER.match(text, m.end())
            ):
                continue
        family = "metre" if m.group("stem").lower() == "met" else "litre"
        out.append(SpellingMatch(m.start(), m.end(), word, family, m.group("ending").lower()))
    return out


def style_of(q: Quantity) -> str:
    """How a quantity writes its unit, for consistency checks: "full" for names, else the
    abbreviation without spaces or dots ("sqft", "km/h", "°C")."""
    if q.form == "full":
        return "full"
    return re.sub(r"[\s.]", "", q.unit_text).replace("º", "°")
