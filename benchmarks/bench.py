#!/usr/bin/env python3
"""Side-by-side speed benchmark: edlint (cold, warm, --jobs 1, default jobs) against proselint.

Not a test. Run from the repository root with edlint installed:

    python benchmarks/bench.py                 # synthetic corpus of 1,000 articles + real corpus
    python benchmarks/bench.py --n 200 --repeat 1 --no-proselint

It generates the synthetic corpus with ../shared/bench/gen_corpus.py (word salad: for speed,
not accuracy), installs proselint 0.16.0 into its own venv (benchmarks/.venv-proselint) when
missing, runs every command --repeat times, and prints medians, files/s, MB/s, peak RSS and
the ratio to proselint. Whole processes are timed, as a user would see them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
PROSELINT_VENV = os.path.join(HERE, ".venv-proselint")


def run(cmd: list[str], cwd: str | None = None) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, os.waitstatus_to_exitcode(status), usage.ru_maxrss


def median_run(cmd: list[str], repeat: int, before=None) -> tuple[float, int, int]:
    times, rss, code = [], 0, 0
    for _ in range(repeat):
        if before:
            before()
        wall, code, peak = run(cmd)
        times.append(wall)
        rss = max(rss, peak)
    return statistics.median(times), code, rss


def files_in(folder: str, exts: tuple[str, ...]) -> list[str]:
    out = []
    for dirpath, _, names in os.walk(folder):
        out += [os.path.join(dirpath, n) for n in names if n.lower().endswith(exts)]
    return sorted(out)


def ensure_proselint() -> str | None:
    exe = os.path.join(PROSELINT_VENV, "bin", "proselint")
    if os.path.exists(exe):
        return exe
    try:
        subprocess.run([sys.executable, "-m", "venv", PROSELINT_VENV], check=True)
        subprocess.run([os.path.join(PROSELINT_VENV, "bin", "pip"), "install", "-q", "proselint==0.16.0"], check=True)
    except (subprocess.CalledProcessError, OSError) as exc:
        print(f"(proselint unavailable: {exc})")
        return None
    return exe


def edlint_exe() -> list[str]:
    exe = shutil.which("edlint", path=os.path.dirname(sys.executable)) or shutil.which("edlint")
    return [exe] if exe else [sys.executable, "-m", "edlint.cli"]


def bench_set(name: str, folder: str, files: list[str], repeat: int, proselint: str | None, cache_dir: str) -> list[tuple]:
    size = sum(os.path.getsize(f) for f in files)
    ed = edlint_exe()
    rows = []

    def clear_cache() -> None:
        shutil.rmtree(cache_dir, ignore_errors=True)

    common = ["check", "--quiet", "--no-color", "--cache-dir", cache_dir, folder]
    rows.append(("edlint cold (default jobs)", *median_run(ed + common, repeat, clear_cache)))
    rows.append(("edlint cold --jobs 1", *median_run(ed + ["check", "--quiet", "--no-color", "--no-cache", "--jobs", "1", folder], repeat)))
    run(ed + common)  # fill the cache
    rows.append(("edlint warm (cache)", *median_run(ed + common, repeat)))
    if proselint and name != "real":
        md = [f for f in files if f.endswith(".md")]
        rows.append(("proselint 0.16.0 check", *median_run([proselint, "check", *md], repeat)))
    print(f"\n## {name}: {len(files)} files, {size / 1e6:.1f} MB (median of {repeat})\n")
    print("| command | wall s | files/s | MB/s | peak RSS MiB | vs proselint |")
    print("|---|---|---|---|---|---|")
    base = next((r[1] for r in rows if r[0].startswith("proselint")), None)
    for label, wall, code, rss in rows:
        ratio = f"{base / wall:.1f}x" if base else "-"
        print(f"| {label} | {wall:.2f} | {len(files) / wall:.0f} | {size / 1e6 / wall:.1f} | {rss / 1024:.0f} | {ratio} |")
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="synthetic articles to generate")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-proselint", action="store_true")
    ap.add_argument("--no-real", action="store_true", help="skip ../shared/corpus")
    args = ap.parse_args()
    gen = os.path.join(SHARED, "bench", "gen_corpus.py")
    work = tempfile.mkdtemp(prefix="edlint-bench-")
    try:
        subprocess.run([sys.executable, gen, "--n", str(args.n), "--out", os.path.join(work, "corpus")],
                       check=True, stdout=subprocess.DEVNULL)
        full = os.path.join(work, "corpus", "full")
        tiny = os.path.join(work, "corpus", "tiny", "tiny.md")
        proselint = None if args.no_proselint else ensure_proselint()
        ed = edlint_exe()
        print("# edlint benchmark")
        print(f"\nstart-up: `edlint --version` {median_run(ed + ['--version'], 5)[0]:.3f} s; "
              f"`edlint check tiny.md` {median_run(ed + ['check', '--no-cache', tiny], 5)[0]:.3f} s"
              + (f"; `proselint check tiny.md` {median_run([proselint, 'check', tiny], 5)[0]:.3f} s" if proselint else ""))
        bench_set(f"synthetic --n {args.n}", full, files_in(full, (".md",)), args.repeat, proselint,
                  os.path.join(work, "cache-syn"))
        real = os.path.join(SHARED, "corpus")
        if not args.no_real and os.path.isdir(real):
            bench_set("real", real, files_in(real, (".md", ".html", ".txt")), args.repeat, None,
                      os.path.join(work, "cache-real"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
