#!/usr/bin/env python3
"""A seeded sample of findings per rule, with their context, for a judge who did not write
the rules ("would a copy editor agree?"). Not a test.

    python benchmarks/judge_sample.py --root /tmp/sites/18f.gsa.gov --root ../shared/corpus \\
        --rules quote-attribution,image-credit --per-rule 20 --seed 7 > sample.md

Each root is linted as it is (its own config, if any) with ``--format json``; every finding
at or above ``--min-severity`` of the chosen rules is pooled, and ``--per-rule`` of each rule
are drawn with ``--seed``. The output gives, per rule, its summary and first paragraph of
docs, then each sampled finding: path:line:col, message and the source lines around it
(long lines cut around the column).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys

SEVERITIES = ("info", "warning", "error")


def lint(root: str, edlint: str, select: str | None = None) -> list[dict]:
    extra = ["--select", select] if select else []
    proc = subprocess.run([edlint, "check", "--no-cache", "--format", "json", *extra, "."], cwd=root,
                          capture_output=True, text=True)
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(f"# {root}: no JSON ({proc.stderr[-300:]})", file=sys.stderr)
        return []
    for f in data["findings"]:
        f["root"] = root
    return data["findings"]


def context(f: dict, width: int = 160) -> str:
    path = os.path.join(f["root"], f["path"])
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return "(unreadable)"
    out = []
    for n in range(max(1, f["line"] - 2), min(len(lines), f["line"] + 2) + 1):
        text = lines[n - 1]
        if len(text) > width * 2:
            c = f["column"] - 1 if n == f["line"] else 0
            text = ("…" if c > width else "") + text[max(0, c - width): c + width] + "…"
        mark = ">" if n == f["line"] else " "
        out.append(f"    {mark}{n:5d} | {text}")
    return "\n".join(out)


def rule_docs(rule: str, edlint: str) -> str:
    proc = subprocess.run([edlint, "explain", rule], capture_output=True, text=True)
    text = proc.stdout.strip()
    # The summary line and the "What it does" section are enough for a judge.
    cut = text.find("## Why")
    return text[:cut].strip() if cut > 0 else text[:1500]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", action="append", required=True)
    ap.add_argument("--rules", required=True, help="comma-separated rule ids")
    ap.add_argument("--per-rule", type=int, default=20)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--min-severity", default="warning", choices=SEVERITIES)
    ap.add_argument("--edlint", default="edlint")
    ap.add_argument("--select-only", action="store_true",
                    help="run only the sampled rules (faster on big sites; no other rule's findings change them)")
    args = ap.parse_args()
    wanted = args.rules.split(",")
    floor = SEVERITIES.index(args.min_severity)
    pool: dict[str, list[dict]] = {r: [] for r in wanted}
    for root in args.root:
        for f in lint(root, args.edlint, args.rules if args.select_only else None):
            if f["rule"] in pool and SEVERITIES.index(f["severity"]) >= floor:
                pool[f["rule"]].append(f)
    rng = random.Random(args.seed)
    for rule in wanted:
        found = sorted(pool[rule], key=lambda f: (f["root"], f["path"], f["line"], f["column"]))
        picked = rng.sample(found, min(args.per_rule, len(found)))
        print(f"# {rule}: {len(found)} findings, {len(picked)} sampled (seed {args.seed})\n")
        print("\n".join("> " + line for line in rule_docs(rule, args.edlint).splitlines()))
        print()
        for i, f in enumerate(picked, 1):
            rel = os.path.join(os.path.basename(f["root"].rstrip("/")), f["path"])
            print(f"## {rule} #{i}: {rel}:{f['line']}:{f['column']} ({f['severity']})")
            print(f"message: {f['message']}")
            print(context(f))
            print()


if __name__ == "__main__":
    main()
