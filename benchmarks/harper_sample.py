#!/usr/bin/env python3
"""A seeded sample of the grammar and spelling rules' Harper findings, spread over Harper's
lint kinds, with the source lines around each, for a judge who did not write the rules.
Not a test; writes no verdicts.

    edlint check CORPUS... --select grammar --format json --no-cache -o report.json
    python benchmarks/harper_sample.py report.json --size 40 --seed 24 > docs/evaluation/harper-sample.md

Allocation: every kind with findings gets at least one (two when it has two or more), the
rest in proportion to each kind's count; within a kind, findings are drawn with the seed.
Also prints the count of findings per kind and per Harper rule.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re

TAG = re.compile(r"<[^>]{0,400}>")


def context(f: dict, width: int = 150) -> str:
    try:
        with open(f["path"], encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return "    (unreadable)"
    out = []
    for n in range(max(1, f["line"] - 1), min(len(lines), f["line"] + 1) + 1):
        text = lines[n - 1]
        if len(text) > width * 2:
            c = f["column"] - 1 if n == f["line"] else len(text) if n < f["line"] else 0
            text = ("…" if c > width else "") + text[max(0, c - width) : c + width] + "…"
        mark = ">" if n == f["line"] else " "
        out.append(f"    {mark}{n:5d} | {text}")
    return "\n".join(out)


def flagged(f: dict) -> str:
    try:
        with open(f["path"], encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return ""
    if f["end_line"] != f["line"]:
        return lines[f["line"] - 1][f["column"] - 1 :] + " …"
    return lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1]


def allocate(counts: dict[str, int], size: int) -> dict[str, int]:
    share = {k: min(v, 2 if v >= 2 else 1) for k, v in counts.items()}
    left = size - sum(share.values())
    total = sum(counts.values())
    while left > 0:
        # The kind furthest below its proportional share gets the next place.
        open_kinds = [k for k in counts if share[k] < counts[k]]
        if not open_kinds:
            break
        k = max(open_kinds, key=lambda k: counts[k] / total * size - share[k])
        share[k] += 1
        left -= 1
    return share


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("report")
    ap.add_argument("--size", type=int, default=40)
    ap.add_argument("--seed", type=int, default=24)
    ap.add_argument("--strip", default="/work/shared/", help="path prefix left out of the listing")
    args = ap.parse_args()
    with open(args.report, encoding="utf-8") as fh:
        findings = [
            f
            for f in json.load(fh)["findings"]
            if f["rule"] in ("grammar", "spelling") and (f.get("data") or {}).get("backend") == "harper"
        ]
    by_kind: dict[str, list[dict]] = collections.defaultdict(list)
    for f in findings:
        by_kind[f["data"]["kind"]].append(f)
    counts = {k: len(v) for k, v in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))}
    share = allocate(counts, args.size)
    rng = random.Random(args.seed)
    print(f"# Harper findings: a seeded sample of {sum(share.values())} (seed {args.seed}), no verdicts\n")
    print("Rules `grammar` and `spelling` (edlint's grammar family, Harper backend, default options).")
    print("For each finding: path:line:col, the flagged text, edlint's message (Harper's message,")
    print("its rule name in brackets, its suggestions) and the source lines around it. The")
    print("question for each: would a sceptical copy editor agree that this needs a change?\n")
    print("## Findings per Harper lint kind (whole corpus)\n")
    print("| kind | rule | findings | sampled |\n|---|---|---|---|")
    for k, n in counts.items():
        rule = "spelling" if k == "Spelling" else "grammar"
        print(f"| {k} | {rule} | {n} | {share[k]} |")
    print(f"| all | | {sum(counts.values())} | {sum(share.values())} |\n")
    rules = collections.Counter(f["data"]["harper_rule"] for f in findings)
    print("Per Harper rule: " + ", ".join(f"{r} {n}" for r, n in rules.most_common()) + "\n")
    number = 0
    for kind in counts:
        pool = sorted(by_kind[kind], key=lambda f: (f["path"], f["line"], f["column"]))
        for f in rng.sample(pool, share[kind]):
            number += 1
            path = f["path"].replace(args.strip, "", 1) if args.strip else f["path"]
            print(f"## {number}. {kind} ({f['rule']}): {path}:{f['line']}:{f['column']}\n")
            print(f"- flagged: `{flagged(f)}`")
            print(f"- message: {f['message']}\n")
            print(context(f))
            print()


if __name__ == "__main__":
    main()
