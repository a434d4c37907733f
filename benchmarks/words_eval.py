#!/usr/bin/env python3
"""Findings per rule of the words families (spelling, bios, dates, units) on real roots,
for two edlint source trees side by side. Not a test.

    git archive main src | tar -x -C /tmp/before
    python benchmarks/words_eval.py --before-src /tmp/before/src \\
        --root ruby=/tmp/words/roots/ruby --root gt=/tmp/words/roots/gt ... [--save DIR]

Each root is linted as it is (its own ``.edlint.yaml``, e.g. one ``edlint init`` wrote) with
``--select`` of the words rules and ``--format json``; the table gives warnings (and all
findings) per rule before and after. ``--save DIR`` keeps the JSON of every run
(``DIR/<root>.<before|after>.json``) for ``--diff``: the findings that appeared or went away.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")
RULES = (
    "spelling-consistency,bio-duplicate,bio-inconsistent,byline-mismatch,date-format,date-weekday,"
    "date-invalid,date-metadata,time-relative-undated,units-conversion,units-mixed-system,units-spelling"
)


def lint(root: str, src: str, rules: str) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=src)
    proc = subprocess.run(
        [sys.executable, "-m", "edlint.cli", "check", "--no-cache", "--format", "json", "--select", rules, "."],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(proc.stdout)["findings"]
    except (json.JSONDecodeError, KeyError):
        print(f"# {root}: no JSON ({proc.stderr[-500:]})", file=sys.stderr)
        return []


def key(f: dict) -> tuple:
    return (f["path"], f["line"], f["rule"], f["message"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", action="append", required=True, help="NAME=PATH")
    ap.add_argument("--before-src", help="src folder of the edlint to compare with")
    ap.add_argument("--rules", default=RULES)
    ap.add_argument("--save", help="folder for the JSON of each run")
    ap.add_argument("--reuse-before", action="store_true", help="read the before runs from --save")
    ap.add_argument("--diff", action="store_true", help="print findings that appeared or went away")
    ap.add_argument("--no-after", action="store_true", help="only the before runs (to save them)")
    args = ap.parse_args()
    rules = args.rules.split(",")
    table: dict[str, dict[str, tuple[Counter, Counter]]] = {}
    for spec in args.root:
        name, path = spec.split("=", 1)
        runs: dict[str, list[dict]] = {}
        for label, src in (("before", args.before_src), ("after", None if args.no_after else SRC)):
            if src is None:
                continue
            saved = os.path.join(args.save, f"{name}.{label}.json") if args.save else None
            if label == "before" and args.reuse_before and saved and os.path.exists(saved):
                with open(saved, encoding="utf-8") as fh:
                    runs[label] = json.load(fh)
            else:
                runs[label] = lint(path, src, args.rules)
                if saved:
                    os.makedirs(args.save, exist_ok=True)
                    with open(saved, "w", encoding="utf-8") as fh:
                        json.dump(runs[label], fh)
        table[name] = {
            label: (Counter(f["rule"] for f in fs if f["severity"] != "info"), Counter(f["rule"] for f in fs))
            for label, fs in runs.items()
        }
        if args.diff and "before" in runs and "after" in runs:
            b = {key(f) for f in runs["before"]}
            a = {key(f) for f in runs["after"]}
            for k in sorted(b - a):
                print(f"- {name}/{k[0]}:{k[1]} {k[2]}: {k[3][:150]}")
            for k in sorted(a - b):
                print(f"+ {name}/{k[0]}:{k[1]} {k[2]}: {k[3][:150]}")
    print("\nwarnings (all findings in brackets), before -> after\n")
    print("| rule | " + " | ".join(table) + " |")
    print("|---|" + "---:|" * len(table))
    for rule in rules:
        cells = []
        for name in table:
            parts = []
            for label in ("before", "after"):
                if label in table[name]:
                    warn, every = table[name][label]
                    parts.append(f"{warn[rule]}" + (f" ({every[rule]})" if every[rule] != warn[rule] else ""))
            cells.append(" → ".join(parts))
        print(f"| {rule} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
