"""Units of measurement: the unit table and how each unit is written.

``UNITS`` holds one ``Unit`` record per unit (names, dimension, system, pint expressions);
``COUNTERPART`` the unit a quantity is usually converted to. The lexicon maps every surface
form (full names in both spellings, plurals, abbreviations, symbols) to a unit key;
``unit_at`` reads the unit written at an offset and ``classify_unit`` the unit a string
names. ``_word_unit_starts`` finds where a unit written in full may start, which is where
the scan for numbers in words looks.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..patterns import lazy

LENGTH, MASS, VOLUME, AREA, SPEED, TEMPERATURE = (
    "length",
    "mass",
    "volume",
    "area",
    "speed",
    "temperature",
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
        _u("floz", "fluid ounce", "fluid ounces", "fl oz", VOLUME, IMPERIAL, "fluid_ounce", "imperial_fluid_ounce"),
        _u("pt", "pint", "pints", "pints", VOLUME, IMPERIAL, "pint", "imperial_pint"),
        _u("qt", "quart", "quarts", "qt", VOLUME, IMPERIAL, "quart", "imperial_quart"),
        _u("gal", "gallon", "gallons", "gallons", VOLUME, IMPERIAL, "gallon", "imperial_gallon"),
        _u("usgal", "US gallon", "US gallons", "US gallons", VOLUME, IMPERIAL, "gallon"),
        _u("impgal", "imperial gallon", "imperial gallons", "imperial gallons", VOLUME, IMPERIAL, "imperial_gallon"),
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
    "mm": "in",
    "cm": "in",
    "m": "ft",
    "km": "mi",
    "in": "cm",
    "ft": "m",
    "yd": "m",
    "mi": "km",
    "g": "oz",
    "kg": "lb",
    "oz": "g",
    "lb": "kg",
    "st": "kg",
    "ston": "t",
    "lton": "t",
    "usgal": "l",
    "impgal": "l",
    "ft3": "m3",
    "m3": "ft3",
    "cm2": "in2",
    "m2": "ft2",
    "km2": "mi2",
    "ha": "acre",
    "in2": "cm2",
    "ft2": "m2",
    "yd2": "m2",
    "mi2": "km2",
    "acre": "ha",
    "kmh": "mph",
    "ms": "fts",
    "mph": "kmh",
    "fts": "ms",
    "degC": "degF",
    "degF": "degC",
}


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
    [_head(k.split()[0].lower()) for k in _ABBR if k.split()] + [_head(k.split()[0]) for k in _FULL if k.split()]
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
