"""``python -m edlint.rules.declarative.compile_packs FILE``: write the shipped packs compiled
(see :mod:`edlint.rules.declarative.compiled`). The build hook runs it; so can a developer
who edited a pack and wants the fast start-up back without reinstalling."""

from __future__ import annotations

import sys

from ...fileio import write_atomic
from . import compiled, packs


def write(out: str) -> None:
    paths = packs.shipped_pack_paths()
    if not paths:
        raise SystemExit("no shipped packs found")
    write_atomic(out, compiled.dump([packs.load_pack(p) for p in paths], paths), sync=False)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m edlint.rules.declarative.compile_packs FILE", file=sys.stderr)
        return 2
    write(argv[0] if argv[0] != "-" else compiled.compiled_path())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
