"""Options of the units family (config section ``units:``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..base import section


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
