#!/usr/bin/env python3
"""Keep a hand-labelled quotation set in the repository without copying anyone's prose.

A labelled set (see ``quote_eval.py``) is a folder with ``posts/<site>/<path in repo>`` and
``labels.jsonl``. The posts belong to other people and the labels quote them, so neither is
committed; this script turns the set into a manifest of labels that hold only where each
quotation is, its label and a short hash of its opening words, and rebuilds the set from
the public repositories at the labelled commits.

    # a set -> manifest (sites as site=owner/name@commit)
    python benchmarks/quote_set.py export /work/eval/quotes-v6a benchmarks/quote_sets/v6a.jsonl \\
        --site letsencrypt=letsencrypt/website@b89871e…
    # manifest -> set, from git snapshots (e.g. the fetch tool's /work/.mirror/owner+name/repo)
    python benchmarks/quote_set.py rebuild benchmarks/quote_sets/v6a.jsonl /tmp/v6a --mirrors /work/.mirror
    python benchmarks/quote_eval.py /tmp/v6a

``quote_eval.py`` matches a hashed label exactly as it matches a written one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from quote_eval import clean

KEY_CHARS = 25  # quote_eval compares the first 25 cleaned characters


def quote_key(cleaned: str) -> str:
    """The hash a label keeps of its quotation's first cleaned characters."""
    return hashlib.sha1(cleaned[:KEY_CHARS].encode("utf-8")).hexdigest()[:12]


def export(setdir: str, out: str, sites: dict[str, str]) -> int:
    rows = []
    with open(os.path.join(setdir, "labels.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            item = json.loads(line)
            rel = item["file"].removeprefix("posts/")
            site, _, path = rel.partition("/")
            if site not in sites:
                sys.exit(f"no --site for {site!r}")
            cleaned = clean(item["quote"])
            rows.append(
                {
                    "site": site,
                    "source": sites[site],
                    "path": path,
                    "line": item["line"],
                    "label": item["label"],
                    "key": quote_key(cleaned),
                    "key_len": min(len(cleaned), KEY_CHARS),
                }
            )
    with open(out, "w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(rows)} labels -> {out}")
    return 0


def rebuild(manifest: str, setdir: str, mirrors: str) -> int:
    with open(manifest, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    os.makedirs(os.path.join(setdir, "posts"), exist_ok=True)
    done: set[tuple[str, str]] = set()
    for r in rows:
        if (r["site"], r["path"]) in done:
            continue
        done.add((r["site"], r["path"]))
        repo, _, commit = r["source"].partition("@")
        gitdir = os.path.join(mirrors, repo.replace("/", "+"), "repo")
        if os.path.isdir(os.path.join(gitdir, ".git")):
            gitdir = os.path.join(gitdir, ".git")
        proc = subprocess.run(["git", "--git-dir", gitdir, "show", f"{commit}:{r['path']}"], capture_output=True)
        if proc.returncode:
            sys.exit(f"{repo}@{commit}:{r['path']}: {proc.stderr.decode(errors='replace').strip()}")
        dest = os.path.join(setdir, "posts", r["site"], r["path"])
        os.makedirs(os.path.dirname(dest), exist_ok=True)
        with open(dest, "wb") as fh:
            fh.write(proc.stdout)
    with open(os.path.join(setdir, "labels.jsonl"), "w", encoding="utf-8") as fh:
        for r in rows:
            item = {"file": f"posts/{r['site']}/{r['path']}", "line": r["line"], "label": r["label"],
                    "key": r["key"], "key_len": r["key_len"]}
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"{len(done)} posts, {len(rows)} labels -> {setdir}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("setdir")
    e.add_argument("out")
    e.add_argument("--site", action="append", default=[], help="site=owner/name@commit")
    r = sub.add_parser("rebuild")
    r.add_argument("manifest")
    r.add_argument("setdir")
    r.add_argument("--mirrors", default="/work/.mirror")
    args = ap.parse_args(argv)
    if args.cmd == "export":
        return export(args.setdir, args.out, dict(s.split("=", 1) for s in args.site))
    return rebuild(args.manifest, args.setdir, args.mirrors)


if __name__ == "__main__":
    sys.exit(main())
