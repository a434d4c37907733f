"""A bracketed conversion to suggest for a quantity in the other system."""

from __future__ import annotations

from ...text.quantities import (
    COUNTERPART,
    UNITS,
    Quantity,
    convert,
    format_sig,
    temperature_kind,
)
from .variety import _spell


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
