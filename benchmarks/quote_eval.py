#!/usr/bin/env python3
"""Precision and recall of quote-attribution against a hand-labelled set of real posts.

    python benchmarks/quote_eval.py /work/eval/quotes [--verbose]

The labelled set is a directory with ``posts/`` (the articles, unchanged) and
``labels.jsonl`` (one object per quotation of five words or more: ``file`` (relative to
``posts/``, or to the set with a ``posts/`` prefix; posts may sit in folders), ``line`` of the
opening mark, ``quote`` (its first 60 characters as cleaned text) and ``label``:
``attributed``, ``unattributed`` or ``not-speech``). It is not part of the test suite and
is read only from the path given on the command line.

A finding is matched to the labelled quotation on its line (by the text at the finding when
a line holds several). Precision counts every finding: one on an ``attributed`` or
``not-speech`` quotation, or on a quotation nobody labelled, is a false alarm. Recall is
over the ``unattributed`` labels.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def clean(s: str) -> str:
    """The labels' cleaning: tags removed, Markdown links reduced to their text, marks and
    whitespace runs dropped (compared case-insensitively)."""
    s = _LINK.sub(r"\1", _TAG.sub(" ", s))
    s = re.sub(r"[\"'“”‘’«»*_>`]", "", s)
    return " ".join(s.split()).lower()


def _opens(item: dict, at: str) -> bool:
    """Does the labelled quotation open with ``at`` (its first 25 cleaned characters)? A label
    kept in the repository holds a hash of them instead of the words (quote_set.py)."""
    if "quote" in item:
        want = clean(item["quote"])[:25]
        return want == at[: len(want)]
    import hashlib

    return hashlib.sha1(at[: item["key_len"]].encode("utf-8")).hexdigest()[:12] == item["key"]


def lint(path: str, config: dict | None = None) -> list:
    from edlint.testing import findings

    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    fmt = "html" if path.endswith((".html", ".htm")) else "md"
    return text, [f for f in findings(text, fmt, select=["quote-attribution"], path=path, config=config)
                  if f.rule == "quote-attribution"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("evaldir", help="directory with posts/ and labels.jsonl")
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false alarm and miss")
    ap.add_argument("--option", "-o", action="append", default=[], metavar="KEY=VALUE",
                    help="a quotes option for the run, e.g. attribution_scope=all")
    args = ap.parse_args(argv)
    config = {"quotes": dict(o.split("=", 1) for o in args.option)} if args.option else None
    posts = os.path.join(args.evaldir, "posts")
    labels: dict[str, list[dict]] = defaultdict(list)
    with open(os.path.join(args.evaldir, "labels.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                name = item["file"]
                labels[name[len("posts/") :] if name.startswith("posts/") else name].append(item)
    # posts/ may hold the files flat or by site and repository path (posts/<site>/<path>)
    files = sorted(
        os.path.relpath(os.path.join(d, f), posts)
        for d, _, names in os.walk(posts)
        for f in names
        if not f.startswith(".")
    )
    tp = 0
    false_alarms: list[str] = []
    misses: list[str] = []
    by_label: Counter = Counter()
    n_unattributed = sum(1 for items in labels.values() for q in items if q["label"] == "unattributed")
    for name in files:
        text, found = lint(os.path.join(posts, name), config)
        lines = text.splitlines()
        items = labels.get(name, [])
        hit: set[int] = set()
        for f in found:
            cands = [k for k, q in enumerate(items) if q["line"] == f.line]
            if len(cands) > 1:
                at = clean(lines[f.line - 1][f.column - 1 :])[:25]
                best = [k for k in cands if _opens(items[k], at)]
                cands = best or cands[:1]
            where = f"{name}:{f.line}:{f.column}"
            if not cands:
                by_label["unlabelled"] += 1
                false_alarms.append(f"{where} (no label) {f.message}")
                continue
            q = items[cands[0]]
            by_label[q["label"]] += 1
            if q["label"] == "unattributed" and cands[0] not in hit:
                tp += 1
                hit.add(cands[0])
            else:
                false_alarms.append(f"{where} ({q['label']}) {f.message}")
        for k, q in enumerate(items):
            if q["label"] == "unattributed" and k not in hit:
                misses.append(f"{name}:{q['line']} {q.get('quote', q.get('key'))!r}")
    n_found = tp + len(false_alarms)
    precision = tp / n_found if n_found else 1.0
    recall = tp / n_unattributed if n_unattributed else 1.0
    print(f"posts: {len(files)}, labelled quotations: {sum(len(v) for v in labels.values())}, "
          f"unattributed: {n_unattributed}")
    print(f"findings: {n_found} (on labels: {dict(by_label)})")
    print(f"true positives: {tp}, false alarms: {len(false_alarms)}, misses: {len(misses)}")
    print(f"precision: {precision:.3f}  recall on unattributed: {recall:.3f}")
    if args.verbose:
        for line in false_alarms:
            print("FALSE ALARM", line)
        for line in misses:
            print("MISS", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
