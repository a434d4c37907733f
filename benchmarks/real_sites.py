#!/usr/bin/env python3
"""`edlint init` + `edlint check` at the root of real sites: files checked against the site's
real articles, findings per rule before (another edlint, e.g. main) and after.

Not a test. The sites are public repositories unpacked by hand, e.g.

    git --git-dir=/path/to/bare/repo archive HEAD | tar -x -C /tmp/sites/NAME

    python benchmarks/real_sites.py \\
        --site linkerd=/tmp/sites/website/linkerd.io:'content/blog/**/*.md' \\
        --site ruby=/tmp/sites/www.ruby-lang.org:'*/news/_posts/*.md' \\
        --site v8=/tmp/sites/v8.dev:'src/blog/*.md' \\
        --corpus ../shared/corpus --before-src /tmp/main/src --sample 20

Each site is copied to a temporary folder first (init writes a config there). ``--corpus``
lays out the digitalgov (Hugo) and 18f (Eleventy) samples of the shared corpus as their sites
are laid out, under a minimal generator config. ``--before-src`` is the ``src`` folder of the
edlint to compare with (`git archive <commit> src | tar -x -C /tmp/main`). A seeded sample of
warnings from the init-configured run is printed for judging by hand.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(os.path.dirname(HERE), "src")


def edlint(args: list[str], cwd: str, src: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=src)
    return subprocess.run([sys.executable, "-m", "edlint.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True)


def check(cwd: str, src: str) -> dict:
    proc = edlint(["check", "--no-cache", "--format", "json", "--jobs", "2", "."], cwd, src)
    try:
        return json.loads(proc.stdout)
    except json.JSONDecodeError:
        return {"findings": [], "summary": {"files": 0}, "error": proc.stderr[-2000:]}


def per_rule(report: dict) -> Counter:
    return Counter(f["rule"] for f in report.get("findings", []))


def copy_site(path: str, work: str, name: str) -> str:
    dest = os.path.join(work, name)
    shutil.copytree(path, dest, symlinks=True, ignore=shutil.ignore_patterns(".git", ".edlint_cache", "node_modules"))
    for stale in (".edlint.yaml", ".edlint.yml"):
        if os.path.exists(os.path.join(dest, stale)):
            os.remove(os.path.join(dest, stale))
    return dest


def corpus_sites(corpus: str, work: str) -> list[tuple[str, str, str]]:
    """digitalgov as a Hugo site and 18f as an Eleventy site, each under a minimal config."""
    out = []
    dg = os.path.join(work, "digitalgov")
    shutil.copytree(os.path.join(corpus, "digitalgov"), dg)
    with open(os.path.join(dg, "hugo.yaml"), "w", encoding="utf-8") as fh:
        fh.write("baseURL: https://digital.gov/\nlanguageCode: en-US\ntitle: Digital.gov\n"
                 "taxonomies:\n  author: authors\n  topic: topics\n")
    out.append(("digitalgov (corpus, Hugo)", dg, "content/news/**/*.md"))
    tf = os.path.join(work, "18f")
    shutil.copytree(os.path.join(corpus, "18f"), tf)
    with open(os.path.join(tf, ".eleventy.js"), "w", encoding="utf-8") as fh:
        fh.write('module.exports = function () {\n  return { dir: { input: "content" } };\n};\n')
    out.append(("18f (corpus, Eleventy)", tf, "content/posts/*.md"))
    return out


def line_text(root: str, path: str, line: int) -> str:
    try:
        with open(os.path.join(root, path), encoding="utf-8") as fh:
            return fh.read().splitlines()[line - 1].strip()[:140]
    except (OSError, IndexError, UnicodeDecodeError):
        return ""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--site", action="append", default=[], help="NAME=PATH:ARTICLES_GLOB")
    ap.add_argument("--corpus", help="../shared/corpus: also lay out digitalgov and 18f as their sites")
    ap.add_argument("--before-src", help="src folder of the edlint to compare with (e.g. main)")
    ap.add_argument("--sample", type=int, default=20)
    ap.add_argument("--seed", type=int, default=17)
    ap.add_argument("--init-only", action="store_true", help="skip the runs before init (slow sites)")
    args = ap.parse_args()
    work = tempfile.mkdtemp(prefix="edlint-sites-")
    sites: list[tuple[str, str, str]] = []
    for spec in args.site:
        name, rest = spec.split("=", 1)
        path, _, articles = rest.partition(":")
        sites.append((name, copy_site(path, work, name), articles))
    if args.corpus:
        sites += corpus_sites(args.corpus, work)
    for name, root, articles in sites:
        print(f"\n## {name}\n")
        real = len(glob.glob(os.path.join(root, articles), recursive=True)) if articles else None
        before = check(root, args.before_src) if args.before_src and not args.init_only else None
        defaults = check(root, SRC) if not args.init_only else {}
        init = edlint(["init"], root, SRC)
        settings = edlint(["check", "--show-settings", "."], root, SRC)
        after = check(root, SRC)
        files_line = next((ln for ln in settings.stdout.splitlines() if ln.startswith("files checked")), "")
        print(f"- real articles ({articles}): {real}")
        print(f"- {files_line}")
        if before is not None:
            print(f"- files checked before: {before['summary'].get('files')}")
        print("- `edlint init` said:")
        for ln in init.stdout.splitlines():
            print(f"  - {ln}")
        rules = sorted(set(per_rule(defaults)) | set(per_rule(after)) | set(per_rule(before or {})))
        print("\n| rule | before | after (no config) | after (init config) |\n|---|---:|---:|---:|")
        b, d, a = per_rule(before or {}), per_rule(defaults), per_rule(after)
        for r in rules:
            print(f"| {r} | {b.get(r, '-') if before else 'n/a'} | {d.get(r, 0)} | {a.get(r, 0)} |")
        print(f"| **total** | {sum(b.values()) if before else 'n/a'} | {sum(d.values())} | {sum(a.values())} |")
        warnings = [f for f in after.get("findings", []) if f.get("severity") == "warning"]
        rng = random.Random(args.seed)
        sample = rng.sample(warnings, min(args.sample, len(warnings)))
        if sample:
            print(f"\nSeeded sample ({len(sample)} of {len(warnings)} warnings, seed {args.seed}):\n")
            for f in sorted(sample, key=lambda f: (f["path"], f["line"])):
                print(f"- `{f['path']}:{f['line']}` {f['rule']}: {f['message'][:160]}")
                print(f"  > {line_text(root, f['path'], f['line'])}")
        if args.before_src and args.corpus and "corpus" in name:
            meta_b = {r: n for r, n in b.items() if r.startswith("metadata-")}
            meta_a = {r: n for r, n in a.items() if r.startswith("metadata-")}
            print(f"\nmetadata-* before: {meta_b}; after: {meta_a}")
            meta = [f for f in after.get("findings", []) if f["rule"].startswith("metadata-")]
            for f in sorted(rng.sample(meta, min(args.sample, len(meta))), key=lambda f: (f["path"], f["line"])):
                print(f"- `{f['path']}:{f['line']}` {f['rule']}: {f['message'][:160]}")
    print(f"\n(work folder: {work})")


if __name__ == "__main__":
    main()
