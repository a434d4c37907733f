"""Conversion factors to SI base units (metre, kilogram, cubic metre, square metre,
metre per second, kelvin) as (factor, offset): si = value * factor + offset.

Generated from pint 0.25.3 by benchmarks/pint_factors.py; do not edit.
tests/rules/units/test_units.py re-derives every entry from pint and fails if one differs.
"""

FACTORS: dict[str, tuple[tuple[float, float], ...]] = {
    'mm': ((0.001, 0.0),),  # millimeter
    'cm': ((0.01, 0.0),),  # centimeter
    'm': ((1.0, 0.0),),  # meter
    'km': ((1000.0, 0.0),),  # kilometer
    'in': ((0.0254, 0.0),),  # inch
    'ft': ((0.30479999999999996, 0.0),),  # foot
    'yd': ((0.9144, 0.0),),  # yard
    'mi': ((1609.344, 0.0),),  # mile
    'nmi': ((1852.0, 0.0),),  # nautical_mile
    'mg': ((1e-06, 0.0),),  # milligram
    'g': ((0.001, 0.0),),  # gram
    'kg': ((1.0, 0.0),),  # kilogram
    't': ((1000.0, 0.0),),  # metric_ton
    'oz': ((0.028349523125000005, 0.0),),  # ounce
    'ozt': ((0.03110347680000001, 0.0),),  # troy_ounce
    'lb': ((0.4535923700000001, 0.0),),  # pound
    'st': ((6.35029318, 0.0),),  # stone
    'ton': ((907.1847400000001, 0.0), (1016.0469088000001, 0.0),),  # short_ton, long_ton
    'ston': ((907.1847400000001, 0.0),),  # short_ton
    'lton': ((1016.0469088000001, 0.0),),  # long_ton
    'ml': ((1.0000000000000002e-06, 0.0),),  # milliliter
    'cl': ((1.0000000000000003e-05, 0.0),),  # centiliter
    'l': ((0.0010000000000000002, 0.0),),  # liter
    'm3': ((1.0, 0.0),),  # meter ** 3
    'floz': ((2.9573529562499994e-05, 0.0), (2.8413062500000008e-05, 0.0),),  # fluid_ounce, imperial_fluid_ounce
    'pt': ((0.0004731764729999999, 0.0), (0.0005682612500000002, 0.0),),  # pint, imperial_pint
    'qt': ((0.0009463529459999998, 0.0), (0.0011365225000000004, 0.0),),  # quart, imperial_quart
    'gal': ((0.0037854117839999993, 0.0), (0.004546090000000002, 0.0),),  # gallon, imperial_gallon
    'usgal': ((0.0037854117839999993, 0.0),),  # gallon
    'impgal': ((0.004546090000000002, 0.0),),  # imperial_gallon
    'ft3': ((0.028316846591999994, 0.0),),  # foot ** 3
    'bbl': ((0.15898729492799996, 0.0),),  # oil_barrel
    'cm2': ((0.0001, 0.0),),  # centimeter ** 2
    'm2': ((1.0, 0.0),),  # meter ** 2
    'km2': ((1000000.0, 0.0),),  # kilometer ** 2
    'ha': ((10000.0, 0.0),),  # hectare
    'in2': ((0.00064516, 0.0),),  # inch ** 2
    'ft2': ((0.09290303999999999, 0.0),),  # foot ** 2
    'yd2': ((0.83612736, 0.0),),  # yard ** 2
    'mi2': ((2589988.110336, 0.0),),  # mile ** 2
    'acre': ((4046.8726098742513, 0.0),),  # acre
    'kmh': ((0.2777777777777778, 0.0),),  # kilometer / hour
    'ms': ((1.0, 0.0),),  # meter / second
    'mph': ((0.44704, 0.0),),  # mile / hour
    'fts': ((0.30479999999999996, 0.0),),  # foot / second
    'kn': ((0.5144444444444445, 0.0),),  # knot
    'degC': ((1.0, 273.15),),  # degC
    'degF': ((0.5555555555555429, 255.37222222222223),),  # degF
}
