#!/usr/bin/env python3
"""Per-rule cost in ms per article over a folder (parsing excluded). Not a test.

    python benchmarks/profile_rules.py /tmp/perfcorpus/full
    python benchmarks/profile_rules.py DIR --rules units-conversion,date-format --repeat 3
    python benchmarks/profile_rules.py DIR --isolated          # each rule pays for its views
    python benchmarks/profile_rules.py DIR --cprofile units-conversion

Files are found, configured and parsed as `edlint check` does (edlint.engine.Linter, default
selection unless --select/--preview), once; then every rule runs over every parsed Document
in the engine's order. By default shared views (doc.view) are built by whichever rule asks
first, as in a real run; --isolated clears them before each rule so each rule's number
includes every view it uses. CPU time (time.process_time) is used: the machine may be loaded.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time


def _parse_all(linter, paths):
    from edlint.parsers import ParseOptions, format_for, parse

    docs = []
    start = time.process_time()
    for path in paths:
        config = linter.config_for(path)
        settings = linter.settings_for(path, config)
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        if not text.strip():
            continue
        options = ParseOptions(language=settings.language, image_shortcodes=settings.shortcodes)
        doc = parse(path, text, format_for(path) or "text", options)
        doc.site = linter.site_data(config, settings)
        docs.append((doc, settings))
    return docs, time.process_time() - start


def _run_rule(rule, doc, opts):
    out = 0
    if rule.check is not None:
        for _ in rule.check(doc, opts):
            out += 1
    if rule.facts is not None:
        rule.facts(doc, opts)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--rules", help="comma-separated rule ids to time (default: every enabled rule)")
    ap.add_argument("--select", help="like edlint check --select")
    ap.add_argument("--preview", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="timing passes; the median is shown")
    ap.add_argument("--isolated", action="store_true", help="clear shared views before each rule")
    ap.add_argument("--cprofile", metavar="RULE", help="cProfile one rule (isolated) and print the top")
    ap.add_argument("--top", type=int, default=30)
    args = ap.parse_args(argv)

    from edlint.engine import Linter
    from edlint.policy import CliOverrides

    cli = CliOverrides(select=tuple(args.select.split(",")) if args.select else None,
                       preview=True if args.preview else None)
    linter = Linter(cli=cli)
    paths = list(linter.discover(args.paths))
    docs, parse_s = _parse_all(linter, paths)
    # A thousand parsed documents stay alive: without this, a full collection walks them
    # all in the middle of whichever rule happens to allocate at that moment.
    import gc

    gc.collect()
    gc.freeze()
    n = len(docs)
    if not n:
        print("no files")
        return 1
    wanted = set(args.rules.split(",")) if args.rules else None
    order: list = []
    seen: set[str] = set()
    for _, settings in docs:
        for rule in settings.rules:
            if rule.id not in seen and (rule.check is not None or rule.facts is not None):
                seen.add(rule.id)
                order.append(rule)

    if args.cprofile:
        rule = next(r for r in order if r.id == args.cprofile)
        prof = cProfile.Profile()
        for doc, settings in docs:
            doc._views.clear()
            opts = settings.options.get(rule.id)
            prof.enable()
            _run_rule(rule, doc, opts)
            prof.disable()
        pstats.Stats(prof, stream=sys.stdout).sort_stats("cumulative").print_stats(args.top)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)
        return 0

    times: dict[str, list[float]] = {r.id: [] for r in order}
    counts: dict[str, int] = {r.id: 0 for r in order}
    for rep in range(args.repeat):
        for doc, _ in docs:
            doc._views.clear()
        for rule in order:
            if wanted is not None and rule.id not in wanted and args.isolated:
                continue
            total = 0.0
            found = 0
            for doc, settings in docs:
                if rule not in settings.rules:
                    continue
                if args.isolated:
                    doc._views.clear()
                opts = settings.options.get(rule.id)
                t0 = time.process_time()
                found += _run_rule(rule, doc, opts)
                total += time.process_time() - t0
            times[rule.id].append(total)
            counts[rule.id] = found
    print(f"{n} documents, parse {parse_s / n * 1000:.2f} ms/article (one pass)")
    print(f"{'rule':32} {'ms/article':>10} {'min':>8} {'findings':>9}")
    grand = 0.0
    rows = []
    for rule in order:
        t = times[rule.id]
        if not t:
            continue
        med = statistics.median(t) / n * 1000
        grand += med
        rows.append((med, rule.id, min(t) / n * 1000, counts[rule.id]))
    for med, rid, mn, cnt in sorted(rows, reverse=True):
        if wanted is None or rid in wanted:
            print(f"{rid:32} {med:10.3f} {mn:8.3f} {cnt:9d}")
    print(f"{'TOTAL (all rules)':32} {grand:10.3f}")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # piped into head
        sys.exit(0)
