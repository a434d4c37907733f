#!/usr/bin/env python3
"""Side-by-side speed benchmark: edlint (cold, warm, --jobs 1, default jobs) against proselint
and textlint.

Not a test. Run from the repository root with edlint installed:

    python benchmarks/bench.py                 # synthetic corpus of 1,000 articles + real corpus
    python benchmarks/bench.py --n 200 --repeat 1 --no-proselint

It generates the synthetic corpus with ../shared/bench/gen_corpus.py (word salad: for speed,
not accuracy), installs proselint 0.16.0 into its own venv (benchmarks/.venv-proselint) when
missing, and textlint 15.8.0 with the reference rules into benchmarks/.textlint with npm,
runs every command --repeat times, and prints medians, files/s, MB/s, peak RSS and
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
TEXTLINT_DIR = os.path.join(HERE, ".textlint")
# The set-up of ../shared/bench/README.md's textlint figures.
TEXTLINT_PACKAGES = ["textlint@15.8.0", "textlint-rule-no-todo", "textlint-rule-write-good",
                     "textlint-rule-terminology", "textlint-plugin-html"]
TEXTLINT_RC = '{"plugins": {"html": true}, "rules": {"no-todo": true, "write-good": true, "terminology": true}}\n'


def run(cmd: list[str], cwd: str | None = None, memory_limit: int | None = None) -> tuple[float, int, int, float]:
    """(wall seconds, exit code, peak RSS in KiB, CPU seconds) of one whole process; CPU
    includes worker processes (they are waited for before the parent exits). With
    ``memory_limit`` (bytes of address space) a runaway input fails instead of swapping a
    shared machine to death."""

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            preexec_fn=limit if memory_limit else None)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def median_run(cmd: list[str], repeat: int, before=None) -> tuple[float, int, int]:
    times, rss, code = [], 0, 0
    for _ in range(repeat):
        if before:
            before()
        wall, code, peak, _ = run(cmd)
        times.append(wall)
        rss = max(rss, peak)
    return statistics.median(times), code, rss


def compile_bytecode(python: str) -> None:
    """Write the .pyc files of an environment, as pip does when it installs a wheel. Some
    machines set PYTHONDONTWRITEBYTECODE, and an editable install never compiles: without
    this, every run would pay for compiling edlint's (or proselint's) source."""
    script = ("import compileall, sys, sysconfig, os\n"
              "paths = {sysconfig.get_paths()['purelib'], sysconfig.get_paths()['platlib']}\n"
              "try:\n    import edlint; paths.add(os.path.dirname(edlint.__file__))\nexcept ImportError:\n    pass\n"
              "for p in paths:\n    compileall.compile_dir(p, quiet=2)\n")
    subprocess.run([python, "-c", script], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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


def ensure_textlint() -> list[str] | None:
    """textlint with the reference rules, installed with npm into benchmarks/.textlint."""
    exe = os.path.join(TEXTLINT_DIR, "node_modules", ".bin", "textlint")
    rc = os.path.join(TEXTLINT_DIR, "textlintrc.json")
    if not os.path.exists(exe):
        npm = shutil.which("npm")
        if npm is None:
            print("(textlint unavailable: no npm)")
            return None
        os.makedirs(TEXTLINT_DIR, exist_ok=True)
        try:
            subprocess.run([npm, "install", "--silent", "--no-audit", "--no-fund", *TEXTLINT_PACKAGES],
                           cwd=TEXTLINT_DIR, check=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            print(f"(textlint unavailable: {exc})")
            return None
    with open(rc, "w", encoding="utf-8") as fh:
        fh.write(TEXTLINT_RC)
    return [exe, "--config", rc]


def edlint_exe() -> list[str]:
    exe = shutil.which("edlint", path=os.path.dirname(sys.executable)) or shutil.which("edlint")
    return [exe] if exe else [sys.executable, "-m", "edlint.cli"]


def bench_set(name: str, folder: str, files: list[str], repeat: int, proselint: str | None, cache_dir: str,
              textlint: list[str] | None = None) -> list[tuple]:
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
    if textlint and name != "real":
        md = [f for f in files if f.endswith(".md")]
        rows.append(("textlint 15.8.0 (no-todo, write-good, terminology)", *median_run(textlint + md, repeat)))
    print(f"\n## {name}: {len(files)} files, {size / 1e6:.1f} MB (median of {repeat})\n")
    print("| command | wall s | files/s | MB/s | peak RSS MiB | vs proselint | vs textlint |")
    print("|---|---|---|---|---|---|---|")
    base = next((r[1] for r in rows if r[0].startswith("proselint")), None)
    base_tl = next((r[1] for r in rows if r[0].startswith("textlint")), None)
    for label, wall, code, rss in rows:
        ratio = f"{base / wall:.1f}x" if base else "-"
        ratio_tl = f"{base_tl / wall:.1f}x" if base_tl else "-"
        print(f"| {label} | {wall:.2f} | {len(files) / wall:.0f} | {size / 1e6 / wall:.1f} | {rss / 1024:.0f} "
              f"| {ratio} | {ratio_tl} |")
    return rows


# -- adversarial single files ----------------------------------------------------------------------
ADVERSARIAL_SIZE = 4_900_000  # just under 5 MB: every such input must lint in under 10 s
ADVERSARIAL_MEMORY = 4 * 1024**3  # address space per run: beyond it the run fails (exit 1 or -9)
FRONT = "---\ntitle: Hostile input\nauthor: Test Desk\ndate: 2024-05-02\n---\n\n"


def _fill(unit: str, size: int = ADVERSARIAL_SIZE) -> str:
    """``unit`` repeated to ``size`` bytes of UTF-8 (not characters: the limit is on bytes)."""
    per = len(unit.encode("utf-8"))
    return unit * (size // per)


def adversarial_inputs() -> dict[str, str]:
    """Bodies that once made a path quadratic or a regex backtrack (issue 19, defects 6 and 7),
    each just under 5 MB. Names say what the file holds."""
    import random

    rng = random.Random(19)
    runs = "".join("`" * rng.randint(1, 9) + "x" for _ in range(ADVERSARIAL_SIZE // 5))[:ADVERSARIAL_SIZE]
    return {
        "backtick-runs-one-line": runs,
        "one-run-of-backticks": "`" * ADVERSARIAL_SIZE,
        "unmatched-brackets": _fill("The council [draft said "),
        "unmatched-brackets-then-one-close": _fill("[a ")[:-2] + "]",
        "km-miles-and-meters": _fill("The ferry sails 5 km (3 miles) to a tide meter. "),
        "whitespace-run": "Text" + " " * (ADVERSARIAL_SIZE - 10) + "x\n",
        "word-run-no-space": "a" * ADVERSARIAL_SIZE,
        "doubled-words": _fill("the the "),
        "quote-marks": _fill('"\u201c'),
        "quote-marks-in-words": _fill('word"\u201cword '),
        "one-paragraph-of-prose": _fill("The island ferry will add a 6.15am sailing on weekdays, the operator said. "),
        # thousands of short paragraphs, quotations among them: a per-finding scan over every
        # paragraph in quote-attribution (a preview rule, so this file runs with --preview)
        "news-paragraphs-with-quotes": _fill(
            "\u201cWe will keep going whatever happens,\u201d Ana Ruiz said.\n\n"
            "Ruiz also started selling gear in the 1980s.\n\n"
            "\u201cI have never seen anything like it, and I don\u2019t think I will again.\u201d\n\n"
            "> \u201cPeople here are equal. Equally tired, equally frustrated by the delays\u201d\n\n"
            "The council met on Tuesday. So why now? \u201cBecause the money ran out.\u201d\n\n"
        ),
    }


PREVIEW_INPUTS = {"news-paragraphs-with-quotes"}  # run with --preview: their rules are in preview


def bench_adversarial(ed: list[str], work: str, limit: float = 10.0) -> bool:
    """Lint each adversarial file alone (no cache): wall, CPU and peak RSS; False when one
    took longer than ``limit`` seconds."""
    folder = os.path.join(work, "adversarial")
    os.makedirs(folder, exist_ok=True)
    print(f"\n| adversarial file (< 5 MB) | MB | wall s | CPU s | peak RSS MiB | exit | under {limit:.0f} s |")
    print("|---|---|---|---|---|---|---|")
    ok = True
    for name, body in adversarial_inputs().items():
        path = os.path.join(folder, name + ".md")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(FRONT + body + "\n")
        size = os.path.getsize(path)
        preview = ["--preview"] if name in PREVIEW_INPUTS else []
        wall, code, rss, cpu = run(ed + ["check", "--quiet", "--no-cache", "--jobs", "1", *preview, path],
                                   memory_limit=ADVERSARIAL_MEMORY)
        ok = ok and wall < limit and size < 5_000_000
        print(f"| {name} | {size / 1e6:.2f} | {wall:.2f} | {cpu:.2f} | {rss / 1024:.0f} | {code} | "
              f"{'yes' if wall < limit else '**no**'} |")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="synthetic articles to generate")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--no-proselint", action="store_true")
    ap.add_argument("--no-textlint", action="store_true")
    ap.add_argument("--no-real", action="store_true", help="skip ../shared/corpus")
    ap.add_argument("--adversarial-only", action="store_true",
                    help="only the adversarial single files (no corpus, no other tools)")
    args = ap.parse_args()
    if args.adversarial_only:
        work = tempfile.mkdtemp(prefix="edlint-bench-")
        try:
            print(f"load average before: {os.getloadavg()[0]:.2f}")
            ok = bench_adversarial(edlint_exe(), work)
            print(f"\nload average after: {os.getloadavg()[0]:.2f}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return 0 if ok else 1
    gen = os.path.join(SHARED, "bench", "gen_corpus.py")
    work = tempfile.mkdtemp(prefix="edlint-bench-")
    try:
        subprocess.run([sys.executable, gen, "--n", str(args.n), "--out", os.path.join(work, "corpus")],
                       check=True, stdout=subprocess.DEVNULL)
        full = os.path.join(work, "corpus", "full")
        tiny = os.path.join(work, "corpus", "tiny", "tiny.md")
        proselint = None if args.no_proselint else ensure_proselint()
        textlint = None if args.no_textlint else ensure_textlint()
        ed = edlint_exe()
        compile_bytecode(sys.executable)
        if proselint:
            compile_bytecode(os.path.join(PROSELINT_VENV, "bin", "python"))
        article = os.path.join(full, "article-0001.md")
        print("# edlint benchmark")
        print(f"\nload average before: {os.getloadavg()[0]:.2f} (2 cores: above ~0.5 the figures are noisy)")
        print("\n| one file | median wall s (of 7) |\n|---|---|")
        print(f"| `edlint --version` | {median_run(ed + ['--version'], 7)[0]:.3f} |")
        print(f"| `edlint check --no-cache tiny.md` | {median_run(ed + ['check', '--no-cache', tiny], 7)[0]:.3f} |")
        print(f"| `edlint check --no-cache article-0001.md` (890 words) | "
              f"{median_run(ed + ['check', '--no-cache', article], 7)[0]:.3f} |")
        one_cache = os.path.join(work, "cache-one")
        run(ed + ["check", "--cache-dir", one_cache, article])
        print(f"| `edlint check article-0001.md` again (replayed from the cache) | "
              f"{median_run(ed + ['check', '--cache-dir', one_cache, article], 7)[0]:.3f} |")
        if proselint:
            print(f"| `proselint check tiny.md` | {median_run([proselint, 'check', tiny], 7)[0]:.3f} |")
            print(f"| `proselint check article-0001.md` | {median_run([proselint, 'check', article], 7)[0]:.3f} |")
        if textlint:
            print(f"| `textlint article-0001.md` | {median_run(textlint + [article], 7)[0]:.3f} |")
        subset = os.path.join(work, "corpus", "subset100")
        if os.path.isdir(subset) and args.n >= 1000:
            # Linear cost: 10x the articles should take about 10x the time (minus start-up).
            one = ed + ["check", "--quiet", "--no-cache", "--jobs", "1"]
            small, _, small_rss = median_run(one + [subset], args.repeat)
            large, _, large_rss = median_run(one + [full], args.repeat)
            print(f"\nscaling (`--jobs 1`, no cache): 100 files {small:.2f} s ({small_rss / 1024:.0f} MiB), "
                  f"1,000 files {large:.2f} s ({large_rss / 1024:.0f} MiB): x{large / small:.1f} time for x10 files")
        bench_set(f"synthetic --n {args.n}", full, files_in(full, (".md",)), args.repeat, proselint,
                  os.path.join(work, "cache-syn"), textlint)
        real = os.path.join(SHARED, "corpus")
        if not args.no_real and os.path.isdir(real):
            bench_set("real", real, files_in(real, (".md", ".html", ".txt")), args.repeat, None,
                      os.path.join(work, "cache-real"))
        bench_adversarial(ed, work)
        print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
