"""Generate ``src/edlint/text/_unit_factors.py`` from pint, and time what pint would cost.

    python benchmarks/pint_factors.py            # rewrite the factor table
    python benchmarks/pint_factors.py --check    # exit 1 if the table differs from pint
    python benchmarks/pint_factors.py --timing   # import and registry cost of pint

The unit list (and each unit's pint expressions) lives in ``edlint.text.quantities.units.UNITS``;
this script only asks pint for the numbers. pint is a development/test dependency: at run
time edlint reads the generated table and never imports pint (importing pint and building
its registry costs ~0.2 s, more than linting a whole article).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TARGET = os.path.join(ROOT, "src", "edlint", "text", "_unit_factors.py")
sys.path.insert(0, os.path.join(ROOT, "src"))


def derive() -> dict[str, tuple[tuple[float, float], ...]]:
    """(factor, offset) to SI base units for every unit key, computed by pint."""
    import pint

    from edlint.text.quantities import UNITS

    ureg = pint.UnitRegistry()
    out: dict[str, tuple[tuple[float, float], ...]] = {}
    for key, unit in UNITS.items():
        pairs = []
        for expr in unit.pint:
            base = ureg.Quantity(0.0, expr).to_base_units()
            offset = float(base.magnitude)
            one = ureg.Quantity(1.0, expr).to_base_units()
            factor = float(one.magnitude) - offset
            pairs.append((factor, offset))
        out[key] = tuple(pairs)
    return out


def render(table: dict[str, tuple[tuple[float, float], ...]]) -> str:
    import pint

    from edlint.text.quantities import UNITS

    lines = [
        '"""Conversion factors to SI base units (metre, kilogram, cubic metre, square metre,',
        "metre per second, kelvin) as (factor, offset): si = value * factor + offset.",
        "",
        f"Generated from pint {pint.__version__} by benchmarks/pint_factors.py; do not edit.",
        "tests/rules/units/test_units.py re-derives every entry from pint and fails if one differs.",
        '"""',
        "",
        "FACTORS: dict[str, tuple[tuple[float, float], ...]] = {",
    ]
    for key, pairs in table.items():
        exprs = ", ".join(UNITS[key].pint)
        body = ", ".join(f"({f!r}, {o!r})" for f, o in pairs)
        lines.append(f"    {key!r}: ({body},),  # {exprs}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def timing() -> None:
    import subprocess

    code = (
        "import time; t0 = time.perf_counter(); import pint; t1 = time.perf_counter();"
        "u = pint.UnitRegistry(); u.Quantity(1, 'mile').to('km'); t2 = time.perf_counter();"
        "print(f'{t1 - t0:.3f} {t2 - t1:.3f}')"
    )
    imp, reg = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True).stdout.split()
    code2 = (
        "import time, sys; sys.path.insert(0, %r); t0 = time.perf_counter();"
        "from edlint.text import quantities as q; q.factors('km'); t1 = time.perf_counter();"
        "print(f'{t1 - t0:.4f}')" % os.path.join(ROOT, "src")
    )
    ours = subprocess.run([sys.executable, "-c", code2], capture_output=True, text=True,
                          check=True).stdout.strip()
    print(f"import pint: {imp} s; UnitRegistry() + first conversion: {reg} s")
    print(f"import edlint.text.quantities + factor table: {ours} s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--timing", action="store_true")
    args = ap.parse_args()
    if args.timing:
        timing()
        return 0
    text = render(derive())
    if args.check:
        with open(TARGET, encoding="utf-8") as fh:
            same = fh.read() == text
        print("up to date" if same else "differs from pint: regenerate")
        return 0 if same else 1
    t = time.perf_counter()
    with open(TARGET, "w", encoding="utf-8") as fh:
        fh.write(text)
    print(f"wrote {TARGET} ({time.perf_counter() - t:.3f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
