#!/usr/bin/env python3
"""Every quote-attribution finding on real organisation blogs, printed with its paragraph.

Not a test. The sites are public repositories unpacked by hand:

    # 18F (Eleventy): the posts are in content/posts/
    git --git-dir=/path/to/18F/18f.gsa.gov archive HEAD content/posts | tar -x -C /tmp/sites/18f.gsa.gov
    # digital.gov (Hugo): the news posts are in content/news/
    git --git-dir=/path/to/GSA/digitalgov.gov archive HEAD content/news | tar -x -C /tmp/sites/digitalgov

    python benchmarks/quote_sites.py \\
        18f=/tmp/sites/18f.gsa.gov/content/posts digitalgov=/tmp/sites/digitalgov/content/news \\
        [--sample 20 --seed 20] [--counts] [--edlint PATH]

Each finding is printed as ``site path:line`` with the message, the paragraph before the
quotation (its context: an introduction, a speaker named at its end) and the paragraph the
quotation is in. ``--sample N`` prints a seeded random sample of N findings of the sorted
list instead of all of them (for judging by hand); ``--counts`` prints only the totals.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lint(edlint: str, folder: str) -> list[dict]:
    """quote-attribution findings of every article under ``folder`` (JSON output)."""
    proc = subprocess.run(
        [edlint, "check", "--no-cache", "--select", "quote-attribution", "--format", "json", folder],
        capture_output=True, text=True,
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"edlint failed on {folder}: {proc.stderr[-2000:]}")
    return [f for f in json.loads(proc.stdout)["findings"] if f["rule"] == "quote-attribution"]


def paragraph_at(lines: list[str], i: int) -> tuple[int, int]:
    """(first, last) line index of the paragraph (a run of non-blank lines) holding line ``i``."""
    start = end = i
    while start > 0 and lines[start - 1].strip():
        start -= 1
    while end + 1 < len(lines) and lines[end + 1].strip():
        end += 1
    return start, end


def paragraph_before(lines: list[str], start: int) -> tuple[int, int] | None:
    """(first, last) line index of the paragraph before the one starting at ``start``."""
    k = start - 1
    while k >= 0 and not lines[k].strip():
        k -= 1
    return paragraph_at(lines, k) if k >= 0 else None


def paragraphs(path: str, line: int) -> tuple[str, str]:
    """(the paragraph before, the paragraph holding ``line``), paragraphs being runs of
    non-blank lines."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        lines = fh.read().splitlines()
    start, end = paragraph_at(lines, max(0, min(line - 1, len(lines) - 1)))
    prev = paragraph_before(lines, start)
    before = "\n".join(lines[prev[0] : prev[1] + 1]) if prev else ""
    return before, "\n".join(lines[start : end + 1])


def short(text: str, limit: int = 900) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sites", nargs="+", help="NAME=FOLDER of Markdown posts")
    ap.add_argument("--edlint", default=shutil.which("edlint") or os.path.join(HERE, "..", ".venv", "bin", "edlint"))
    ap.add_argument("--sample", type=int, default=0, help="print a seeded sample of this many findings")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--counts", action="store_true", help="print only the number of findings per site")
    args = ap.parse_args(argv)
    found: list[tuple[str, str, dict]] = []
    for spec in args.sites:
        name, _, folder = spec.partition("=")
        items = lint(args.edlint, folder)
        print(f"{name}: {len(items)} findings in {len({f['path'] for f in items})} files")
        found += [(name, folder, f) for f in items]
    print(f"total: {len(found)}")
    if args.counts:
        return 0
    found.sort(key=lambda t: (t[0], t[2]["path"], t[2]["line"], t[2]["column"]))
    chosen = found
    if args.sample:
        chosen = sorted(random.Random(args.seed).sample(found, min(args.sample, len(found))),
                        key=lambda t: (t[0], t[2]["path"], t[2]["line"]))
    for k, (name, folder, f) in enumerate(chosen, 1):
        rel = os.path.relpath(f["path"], folder)
        before, para = paragraphs(f["path"], f["line"])
        print(f"\n=== {k}. {name} {rel}:{f['line']}:{f['column']}  {f['message']}")
        print("--- before:\n" + short(before, 500))
        print("--- paragraph:\n" + short(para))
    return 0


if __name__ == "__main__":
    sys.exit(main())
