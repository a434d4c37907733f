#!/usr/bin/env python3
"""What tells an unattributed quotation apart, measured on labelled sets (quote_eval.py's).

    python benchmarks/quote_features.py /tmp/v6a /tmp/v6b [--tsv out.tsv]

For every labelled quotation it records a few plain features of the quotation and the
rule's verdict under both scopes (``attribution_scope: reporting`` and ``all``), then prints
precision and recall on ``unattributed`` for the rule alone and for the rule with each gate
(a feature the finding must have), over all the sets given and per set. It is an analysis
aid for deciding what the rule should require, not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_eval import _opens, clean, lint
from quote_sites import paragraph_at, paragraph_before

_FIRST = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|we're|we’re|our|us)\b", re.I)
_SECOND = re.compile(r"\b(?:you|your|you're|you’re)\b", re.I)
_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|added|adds|explained|explains|noted|notes|recalled|recalls|asked|asks|"
    r"wrote|writes|according to|shared|shares|described|describes|put it|commented|reflected|stated)\b",
    re.I,
)


def _load(setdir: str) -> dict[str, list[dict]]:
    import json

    labels: dict[str, list[dict]] = defaultdict(list)
    with open(os.path.join(setdir, "labels.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                item = json.loads(line)
                name = item["file"].removeprefix("posts/")
                labels[name].append(item)
    return labels


def _features(lines: list[str], item: dict) -> dict:
    """Plain features of the labelled quotation from its line and the lines around it."""
    i = item["line"] - 1
    line = lines[i] if i < len(lines) else ""
    a, z = paragraph_at(lines, i) if i < len(lines) else (i, i)
    para = " ".join(s.strip() for s in lines[a : z + 1])
    block = para.lstrip().startswith(">") or "<blockquote" in para.lower()
    body = re.sub(r"^>\s?|\s>\s?", " ", para)
    m = re.search(r"[\"“‘]", line)
    inner = body
    outside = ""
    if m:
        # the quotation from its opening mark on this line to its closing mark
        start = body.find(line.strip()[:20]) if line.strip() else -1
        off = max(0, start) + (m.start() - (len(line) - len(line.lstrip())))
        rest = body[off + 1 :]
        close = re.search(r"[\"”’](?=[\s,.;:!?)*_—–-]|$)", rest)
        inner = rest[: close.start()] if close else rest
        outside = body[:off] + " " + (rest[close.end() :] if close else "")
    bounds = paragraph_before(lines, a)
    prev = " ".join(s.strip() for s in lines[bounds[0] : bounds[1] + 1]) if bounds else ""
    nxt = ""
    k = z + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k < len(lines):
        nxt = lines[k].strip()
    words_out = len(re.findall(r"[A-Za-z]\w*", outside))
    return {
        "block": block,
        "words": len(inner.split()),
        "first_person": bool(_FIRST.search(inner)),
        "second_person": bool(_SECOND.search(inner)),
        "upper": bool(re.match(r"[\W_]*[A-Z]", inner)),
        "alone": words_out <= 2,
        "speech_out": bool(_SPEECH.search(outside)),
        "prev_colon": prev.rstrip(" *_").endswith(":"),
        "prev_speech": bool(_SPEECH.search(prev)),
        "next_speech": bool(_SPEECH.search(nxt[:80])),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+")
    ap.add_argument("--tsv")
    args = ap.parse_args(argv)
    rows = []
    for setdir in args.sets:
        labels = _load(setdir)
        posts = os.path.join(setdir, "posts")
        for name, items in sorted(labels.items()):
            path = os.path.join(posts, name)
            if not os.path.exists(path):
                continue
            flagged = {}
            for scope in ("reporting", "all"):
                text, found = lint(path, {"quotes": {"attribution_scope": scope}})
                lines = text.splitlines()
                hit = set()
                for f in found:
                    cands = [k for k, q in enumerate(items) if q["line"] == f.line]
                    if len(cands) > 1:
                        at = clean(lines[f.line - 1][f.column - 1 :])[:25]
                        cands = [k for k in cands if _opens(items[k], at)] or cands[:1]
                    hit.update(cands[:1])
                    if not cands:
                        rows.append({"set": os.path.basename(setdir), "file": name, "line": f.line,
                                     "label": "unlabelled", f"rule_{scope}": True})
                flagged[scope] = hit
            for k, q in enumerate(items):
                row = {"set": os.path.basename(setdir.rstrip("/")), "file": name, "line": q["line"],
                       "label": q["label"], "rule_reporting": k in flagged["reporting"],
                       "rule_all": k in flagged["all"]}
                row.update(_features(lines, q))
                rows.append(row)
    labelled = [r for r in rows if r["label"] != "unlabelled"]
    feats = ["block", "first_person", "second_person", "upper", "alone", "speech_out", "prev_colon",
             "prev_speech", "next_speech"]
    pos = [r for r in labelled if r["label"] == "unattributed"]
    print(f"labels {len(labelled)}, unattributed {len(pos)}")
    print("feature rates (unattributed vs other):")
    for f in feats:
        p = sum(1 for r in pos if r[f]) / max(1, len(pos))
        n = sum(1 for r in labelled if r["label"] != "unattributed" and r[f]) / max(1, len(labelled) - len(pos))
        print(f"  {f:14} {p:.2f} {n:.2f}")
    print("rule (+ gate): TP FP P R")
    for scope in ("reporting", "all"):
        for gate in [None, *feats, "first_or_second", "upper_and_words8"]:
            tp = fp = 0
            for r in rows:
                if not r.get(f"rule_{scope}"):
                    continue
                if gate == "first_or_second":
                    g = r.get("first_person") or r.get("second_person")
                elif gate == "upper_and_words8":
                    g = r.get("upper") and r.get("words", 0) >= 8
                else:
                    g = r.get(gate, True) if gate else True
                if r["label"] == "unlabelled":
                    fp += 1 if gate is None else 0
                    continue
                if not g:
                    continue
                if r["label"] == "unattributed":
                    tp += 1
                else:
                    fp += 1
            p = tp / (tp + fp) if tp + fp else 1.0
            print(f"  {scope:9} {gate or '-':18} {tp:3} {fp:3} {p:.2f} {tp / max(1, len(pos)):.2f}")
    if args.tsv:
        keys = ["set", "file", "line", "label", "rule_reporting", "rule_all", "words", *feats]
        with open(args.tsv, "w", encoding="utf-8") as fh:
            fh.write("\t".join(keys) + "\n")
            for r in rows:
                fh.write("\t".join(str(r.get(k, "")) for k in keys) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
