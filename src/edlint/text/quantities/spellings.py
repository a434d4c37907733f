"""How units are spelled and styled: metre/meter and litre/liter words used as units
(``find_unit_spellings``; measuring devices such as "parking meters" are not units), and
``style_of``, how a quantity writes its unit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

from ..patterns import lazy
from .extract import Quantity

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


# A bare meter/metre after one of these words is a measuring device, spelled "meter" in
# every variety: "parking meters", "a smart meter", "gas and water meters".
_DEVICE_BEFORE = lazy(
    r"(?i)\b(?:parking|gas|water|electric(?:ity)?|power|energy|utility|smart|prepay(?:ment)?|coin"
    r"|taxi|light|exposure|flow|pressure|heat|steam|noise|sound|decibel|radiation|geiger|speed"
    r"|volt|amp|ohm|multi|glucose|peak[- ]flow|rain|wind|digital|analogue|analog|pay|postage"
    r")[\s-]+$"
)
_DEVICE_AFTER = lazy(
    r"(?i)[\s-]+(?:readers?|readings?|maids?|box(?:es)?|cabinets?|fees?|charges?|bays?|heads?|feeding)\b"
)


# A count in words before the meter ("one meter", "two meters"): a measure in copy is
# usually written in figures ("2 metres").
_COUNTED_DEVICE = lazy(r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|a|each|every|the)\s+$")


def _is_device(text: str, start: int, end: int) -> bool:
    """Is the bare meter/metre at text[start:end] a device ("parking meters"), not a unit?"""
    # The device word sits right before ("400 parking meters", "gas and water meters").
    if _DEVICE_BEFORE.search(text, max(0, start - 30), start):
        return True
    return bool(_DEVICE_AFTER.match(text, end))


class SpellingMatch(NamedTuple):
    """A metre/meter or litre/liter word used as a unit."""

    start: int
    end: int
    word: str  # as written: "Kilometres"
    family: str  # "metre" | "litre"
    variant: str  # "re" (British) | "er" (American)
    # a bare meter counted in words ("one meter on each street"): a device, not a unit, when
    # the article speaks of parking or gas meters (find_unit_spellings' ``devices``)
    counted: bool = False

    def respelled(self, variant: str) -> str:
        """The word in the other spelling, keeping its case: Metres -> Meters."""
        w = self.word
        stem_end = len(w) - (1 if w[-1:] in "sS" and w[-3:-1].lower() in ("re", "er") else 0)
        tail = w[stem_end - 2 : stem_end]
        new = "re" if variant == "re" else "er"
        if tail.isupper():
            new = new.upper()
        return w[: stem_end - 2] + new + w[stem_end:]


def find_unit_spellings(
    text: str, quantities: Iterable[Quantity] = (), *, lowered: str | None = None, devices: list | None = None
) -> list[SpellingMatch]:
    """metre/meter, litre/liter and their prefixed forms used as units. A bare "meter" or
    "metre" counts only where it is a unit (after a number, "square", "hundreds of",
    before "away", "long" ...), never a device ("parking meter") or verse ("iambic metre").
    ``lowered``: ``text.lower()``, when the caller has it; ``devices``: a list that gets the
    offset of each device meter met (once an article speaks of parking meters, a caller
    drops the matches marked ``counted``: "cash at one meter on each street")."""
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
        counted = False
        if bare:
            s = m.start()
            if _is_device(text, s, m.end()):
                if devices is not None:
                    devices.append(s)
                continue
            k = bisect_right(starts, s) - 1
            before = _UNIT_CONTEXT_BEFORE.search(text, max(0, s - 25), s)
            after = _UNIT_CONTEXT_AFTER.match(text, m.end())
            if not ((k >= 0 and reach[k] > s) or before or after):
                continue
            # "cash at one meter in every street", "remove two meters outside the school"
            counted = not (before or after) and _COUNTED_DEVICE.search(text, max(0, s - 12), s) is not None
        family = "metre" if m.group("stem").lower() == "met" else "litre"
        out.append(SpellingMatch(m.start(), m.end(), word, family, m.group("ending").lower(), counted))
    return out


def style_of(q: Quantity) -> str:
    """How a quantity writes its unit, for consistency checks: "full" for names, else the
    abbreviation without spaces or dots ("sqft", "km/h", "°C")."""
    if q.form == "full":
        return "full"
    return re.sub(r"[\s.]", "", q.unit_text).replace("º", "°")
