#!/usr/bin/env python3
"""The grammar rules with Harper: what they cost on the 1,000-article synthetic corpus, cold
and warm, against a run without them; and on one small file. Not a test.

    python benchmarks/grammar_bench.py [--corpus DIR] [--jobs N] [--repeat 3]

DIR is the output of /work/shared/bench/gen_corpus.py (made in a temporary folder when not
given: ``gen_corpus.py --n 1000 --out DIR``). Each configuration is run with its own cache
folder: "cold" starts from an empty one (no file cache, no paragraph answers), "warm" runs
the same command again (the run is replayed from the cache). Wall and CPU seconds (this
process's children) are the minimum over ``--repeat`` runs; the machine is shared, so the
figures are noisy.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

GEN = "/work/shared/bench/gen_corpus.py"


def timed(cmd: list[str], cwd: str) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
    return wall, cpu, proc.stdout.count("\n")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--edlint", default=shutil.which("edlint") or "edlint")
    args = ap.parse_args()
    os.environ.pop("EDLINT_LANGUAGETOOL_URL", None)
    work = tempfile.mkdtemp(prefix="grammar-bench-")
    corpus = args.corpus
    if corpus is None:
        corpus = os.path.join(work, "corpus")
        subprocess.run([sys.executable, GEN, "--n", "1000", "--out", corpus], check=True, capture_output=True)
    full = os.path.join(corpus, "full")
    tiny = os.path.join(corpus, "tiny", "tiny.md")
    configs = {"off": [], "on (Harper)": ["--extend-select", "grammar"]}
    print(f"corpus: {full} ({len(os.listdir(full))} files), -j {args.jobs}, min of {args.repeat}")
    print("| grammar | cold wall s | cold CPU s | warm wall s | warm CPU s | findings lines |")
    print("|---|---|---|---|---|---|")
    for name, extra in configs.items():
        cold, warm = [], []
        lines = 0
        for _ in range(args.repeat):
            cache = os.path.join(work, "cache")
            shutil.rmtree(cache, ignore_errors=True)
            # The paragraph answers live beside the config (here: the working folder).
            shutil.rmtree(os.path.join(work, ".edlint_cache"), ignore_errors=True)
            cmd = [args.edlint, "check", "-j", str(args.jobs), "--cache-dir", cache, *extra, full]
            w, c, lines = timed(cmd, work)
            cold.append((w, c))
            warm.append(timed(cmd, work)[:2])
        print(
            f"| {name} | {min(w for w, _ in cold):.2f} | {min(c for _, c in cold):.2f} "
            f"| {min(w for w, _ in warm):.3f} | {min(c for _, c in warm):.3f} | {lines} |"
        )
    print()
    print("one small file (tiny.md), --no-cache, -j 1:")
    print("| grammar | wall s | CPU s |")
    print("|---|---|---|")
    for name, extra in configs.items():
        runs = [
            timed([args.edlint, "check", "--no-cache", "-j", "1", *extra, tiny], work)[:2] for _ in range(args.repeat)
        ]
        print(f"| {name} | {min(w for w, _ in runs):.3f} | {min(c for _, c in runs):.3f} |")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
