#!/usr/bin/env python3
"""Loopback load on `edlint serve`: N concurrent clients posting real articles to /v1/check
for a fixed time. Not a test.

    python benchmarks/serve_load.py                      # 20 clients, 30 s, render off
    python benchmarks/serve_load.py --clients 20 --duration 30 --render --workers 2

The server runs as its own process (`python -m edlint.cli serve`) on a free loopback port,
with a copy of `examples/` as its site (so the cross-file facts are real). The articles
posted are Markdown and HTML files from ../shared/corpus (digitalgov, 18f, the extraction
benchmark) when it is there, else the examples. Each client keeps one HTTP/1.1 connection
and posts articles in turn; a separate probe asks /healthz every 0.5 s. Reported: requests/s,
latency p50/p95/p99/max, errors by kind, /healthz worst latency, and the server's RSS after
start-up, after a warm-up, and at the end (from /proc).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# ../shared/corpus beside the checkout, or two levels up from a worktree (/work/wt/NAME).
CORPUS = next(
    (
        c
        for c in (
            os.path.join(up, "shared", "corpus")
            for up in (os.path.dirname(ROOT), os.path.dirname(os.path.dirname(ROOT)))
        )
        if os.path.isdir(c)
    ),
    "",
)
MAX_ARTICLE = 60_000  # bytes: a long feature; bigger corpus pages are scraped boilerplate


def articles() -> list[tuple[str, str]]:
    """(format, text) of the articles to post."""
    found: list[tuple[str, str]] = []
    folders = [CORPUS] if CORPUS else []
    folders.append(os.path.join(ROOT, "examples"))
    for folder in folders:
        for dirpath, _, names in os.walk(folder):
            for name in sorted(names):
                fmt = {".md": "markdown", ".html": "html", ".txt": "text"}.get(os.path.splitext(name)[1])
                path = os.path.join(dirpath, name)
                if fmt and os.path.getsize(path) <= MAX_ARTICLE:
                    try:
                        with open(path, encoding="utf-8") as fh:
                            found.append((fmt, fh.read()))
                    except UnicodeDecodeError:
                        continue
    return found


def rss_kib(pid: int) -> int:
    """The RSS of ``pid`` and its children (worker processes)."""
    total = 0
    pids = [pid]
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            pids += [int(p) for p in fh.read().split()]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as fh:
                total += next((int(line.split()[1]) for line in fh if line.startswith("VmRSS:")), 0)
        except OSError:
            continue
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(conn: http.client.HTTPConnection, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if data else {}
    conn.request(method, path, body=data, headers=headers)
    response = conn.getresponse()
    return response.status, response.read()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--duration", type=float, default=30.0)
    ap.add_argument("--workers", type=int, default=4, help="the server's worker threads")
    ap.add_argument("--processes", type=int, default=0, help="the server's worker processes (0: threads)")
    ap.add_argument("--render", action="store_true", help="ask for the rendered article too (as the page does)")
    ap.add_argument("--timeout", type=float, default=30.0, help="the server's per-request limit")
    args = ap.parse_args()

    posts = articles()
    random.Random(7).shuffle(posts)
    sizes = [len(t) for _, t in posts]
    print(
        f"{len(posts)} articles, median {statistics.median(sizes) / 1000:.1f} k characters, max {max(sizes) / 1000:.1f} k"
    )

    site = tempfile.mkdtemp(prefix="edlint-serve-load-")
    shutil.copytree(os.path.join(ROOT, "examples"), os.path.join(site, "examples"))
    port = free_port()
    log = open(os.path.join(site, "server.log"), "w")  # noqa: SIM115 - closed in the finally below
    server = subprocess.Popen(
        [sys.executable, "-m", "edlint.cli", "serve", "--port", str(port), "--root", site,
         "--workers", str(args.workers), "--processes", str(args.processes), "--timeout", str(args.timeout), "--watch-interval", "0",
         "--log-level", "warning"],
        cwd=site, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                status, body = request(conn, "GET", "/healthz")
                if status == 200 and json.loads(body)["scanned"]:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                print("server did not start; see", log.name)
                return 2
            time.sleep(0.2)
        rss_start = rss_kib(server.pid)
        for fmt, text in posts[:20]:  # warm-up: imports, parsers, caches
            request(conn, "POST", "/v1/check", {"text": text, "format": fmt, "render": args.render})
        rss_warm = rss_kib(server.pid)

        latencies: list[float] = []
        errors: dict[str, int] = {}
        health: list[float] = []
        lock = threading.Lock()
        stop = time.monotonic() + args.duration

        def client(n: int) -> None:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=args.timeout + 30)
            i = n
            while time.monotonic() < stop:
                fmt, text = posts[i % len(posts)]
                i += args.clients
                t0 = time.monotonic()
                try:
                    status, _ = request(c, "POST", "/v1/check", {"text": text, "format": fmt, "render": args.render})
                    kind = None if status == 200 else f"HTTP {status}"
                except (OSError, http.client.HTTPException) as exc:
                    kind = type(exc).__name__
                    c.close()
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=args.timeout + 30)
                took = time.monotonic() - t0
                with lock:
                    if kind is None:
                        latencies.append(took)
                    else:
                        errors[kind] = errors.get(kind, 0) + 1

        def probe() -> None:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            while time.monotonic() < stop:
                t0 = time.monotonic()
                status, _ = request(c, "GET", "/healthz")
                if status == 200:
                    health.append(time.monotonic() - t0)
                time.sleep(0.5)

        threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
        threads.append(threading.Thread(target=probe))
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - started
        rss_end = rss_kib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(site, ignore_errors=True)

    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")

    print(
        f"{args.clients} clients, {elapsed:.1f} s, workers {args.processes or args.workers} "
        f"{'processes' if args.processes else 'threads'}, render {'on' if args.render else 'off'}: "
        f"{len(latencies)} ok, {sum(errors.values())} errors {errors or ''}"
    )
    print(f"requests/s {len(latencies) / elapsed:.1f}")
    print(f"latency ms: p50 {pct(0.5):.0f}  p95 {pct(0.95):.0f}  p99 {pct(0.99):.0f}  max {pct(1.0):.0f}")
    if health:
        print(
            f"/healthz ms: median {statistics.median(health) * 1000:.0f}  worst {max(health) * 1000:.0f} ({len(health)} probes)"
        )
    print(
        f"server RSS MiB: after start {rss_start / 1024:.0f}, after warm-up {rss_warm / 1024:.0f}, at end {rss_end / 1024:.0f}"
    )
    print(f"load average: {os.getloadavg()[0]:.1f} (the machine is shared: figures are noisy)")
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
