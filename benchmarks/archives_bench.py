"""Archives benchmarks (issue 23), not tests: local `--jobs` vs the Dask executor, and a
large WordPress export streamed through the index pass and linted.

    python benchmarks/archives_bench.py runs CORPUS_DIR            # local -j2, dask 2 workers, dask 1 worker
    python benchmarks/archives_bench.py make-wxr CORPUS_DIR OUT.xml --mb 1024
    python benchmarks/archives_bench.py index OUT.xml              # index pass alone: time, peak memory
    python benchmarks/archives_bench.py lint OUT.xml               # edlint check on the export

Memory is sampled every 0.2 s over the whole process tree (psutil, which distributed
installs): the client's RSS, and the largest RSS of any other process (a pool worker or a
Dask worker/nanny). Wall times on a shared machine are noisy: run each more than once.
"""

from __future__ import annotations

import argparse
import glob
import html
import os
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EDLINT = os.path.join(os.path.dirname(sys.executable), "edlint")


def sample_tree(proc: subprocess.Popen, out: dict) -> None:
    import psutil

    try:
        root = psutil.Process(proc.pid)
    except psutil.Error:
        return
    while proc.poll() is None:
        try:
            client = root.memory_info().rss
            others = [c.memory_info().rss for c in root.children(recursive=True)]
        except psutil.Error:
            time.sleep(0.2)
            continue
        out["client"] = max(out.get("client", 0), client)
        if others:
            out["worker"] = max(out.get("worker", 0), max(others))
            out["total"] = max(out.get("total", 0), client + sum(others))
        time.sleep(0.2)


def measure(args: list[str], label: str, units: int) -> dict:
    import resource

    peaks: dict = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    proc = subprocess.Popen([EDLINT, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    thread = threading.Thread(target=sample_tree, args=(proc, peaks), daemon=True)
    thread.start()
    _out, err = proc.communicate()
    wall = time.monotonic() - started
    thread.join(1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU of the whole tree (workers are waited for by their parents): on a shared machine
    # a steadier measure than wall time.
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    mb = lambda n: f"{n / 2**20:.0f} MB"
    row = {
        "label": label,
        "wall": wall,
        "rate": units / wall,
        "client": mb(peaks.get("client", 0)),
        "worker": mb(peaks.get("worker", 0)),
        "total": mb(peaks.get("total", peaks.get("client", 0))),
        "exit": proc.returncode,
    }
    print(
        f"| {label} | {wall:.1f} | {units / wall:.0f} | {cpu:.0f} s ({1000 * cpu / units:.1f} ms/doc) | {row['client']} | {row['worker']} | {row['total']} | {proc.returncode} |",
        flush=True,
    )
    if proc.returncode not in (0, 1):
        print(err[-2000:], file=sys.stderr)
    return row


def runs(corpus: str) -> None:
    n = len(glob.glob(os.path.join(corpus, "**", "*.md"), recursive=True))
    common = ["check", "--no-cache", "--format", "json", "-o", os.devnull, "-q", corpus]
    print(f"{n} articles; load average before: {os.getloadavg()[0]:.1f}")
    print("| run | wall s | files/s | CPU | client peak | largest worker | tree total | exit |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    measure([*common, "--jobs", "2"], "local --jobs 2", n)
    measure([*common, "--executor", "dask", "--jobs", "2"], "dask LocalCluster, 2 workers", n)
    measure([*common, "--executor", "dask", "--jobs", "1"], "dask LocalCluster, 1 worker", n)


# -- a large WordPress export from a Markdown corpus ---------------------------------------------
def _gutenberg(markdown: str) -> str:
    body = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    blocks = []
    for para in re.split(r"\n\s*\n", body.strip()):
        para = para.strip()
        if not para:
            continue
        m = re.match(r"!\[(.*?)\]\((.*?)\)", para)
        if m:
            blocks.append(
                f'<!-- wp:image -->\n<figure class="wp-block-image"><img src="{html.escape(m[2])}" alt="{html.escape(m[1])}"/>'
                f"<figcaption>{html.escape(m[1])}</figcaption></figure>\n<!-- /wp:image -->"
            )
        elif para.startswith("#"):
            blocks.append(f"<!-- wp:heading -->\n<h2>{html.escape(para.lstrip('# '))}</h2>\n<!-- /wp:heading -->")
        else:
            blocks.append(f"<!-- wp:paragraph -->\n<p>{html.escape(para)}</p>\n<!-- /wp:paragraph -->")
    return "\n\n".join(blocks)


def make_wxr(corpus: str, out: str, megabytes: int) -> None:
    sys.path.insert(0, os.path.join(HERE, "..", "tests", "exports"))
    from builders import AUTHOR, HEAD, Post, item  # type: ignore[import-not-found]

    files = sorted(glob.glob(os.path.join(corpus, "**", "*.md"), recursive=True))
    bodies = []
    for path in files[:2000]:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        title = re.search(r"^title:\s*(.+)$", text, re.M)
        bodies.append(((title[1].strip(" \"'") if title else os.path.basename(path)), _gutenberg(text)))
    authors = {f"author{i}": f"Reporter {i}" for i in range(40)}
    target = megabytes * 2**20
    written = 0
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        head = HEAD.format(
            site="Benchmark Gazette",
            language="en-GB",
            authors="\n".join(AUTHOR.format(id=i, login=k, name=v) for i, (k, v) in enumerate(authors.items(), 2)),
        )
        fh.write(head)
        written += len(head)
        while written < target:
            title, body = bodies[n % len(bodies)]
            post = Post(1000 + n, title, body, creator=f"author{n % 40}", slug=f"post-{n}", excerpt=title)
            chunk = item(post)
            fh.write(chunk)
            written += len(chunk.encode())
            n += 1
        fh.write("\n</channel>\n</rss>\n")
    print(f"{out}: {n} posts, {os.path.getsize(out) / 2**20:.0f} MiB")


def index_only(path: str) -> None:
    import resource

    sys.path.insert(0, os.path.join(HERE, "..", "src"))
    from edlint.parsers.exports.wxr_items import wxr_items

    started = time.monotonic()
    items = sum(1 for _ in wxr_items(path))
    wall = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    size = os.path.getsize(path) / 2**20
    print(
        f"| index {os.path.basename(path)} | {size:.0f} MiB | {items} posts | {wall:.1f} s | {size / wall:.0f} MiB/s | peak RSS {peak:.0f} MB |"
    )


def lint(path: str, jobs: str, dask: bool = False) -> None:
    from edlint.parsers.exports.wxr_items import wxr_items

    n = sum(1 for _ in wxr_items(path))
    executor = ["--executor", "dask"] if dask else []
    measure(
        ["check", "--no-cache", "--format", "json", "-o", os.devnull, "-q", "--jobs", jobs, *executor, path],
        f"lint {os.path.basename(path)} -j{jobs}{' dask' if dask else ''}",
        n,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("runs").add_argument("corpus")
    mk = sub.add_parser("make-wxr")
    mk.add_argument("corpus")
    mk.add_argument("out")
    mk.add_argument("--mb", type=int, default=1024)
    sub.add_parser("index").add_argument("path")
    li = sub.add_parser("lint")
    li.add_argument("path")
    li.add_argument("--jobs", default="2")
    li.add_argument("--dask", action="store_true")
    args = parser.parse_args()
    if args.cmd == "runs":
        runs(args.corpus)
    elif args.cmd == "make-wxr":
        make_wxr(args.corpus, args.out, args.mb)
    elif args.cmd == "index":
        index_only(args.path)
    else:
        lint(args.path, args.jobs, args.dask)


if __name__ == "__main__":
    main()
