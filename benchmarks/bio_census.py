#!/usr/bin/env python3
"""Census of author bios on a Markdown site: who has a closing bio in two or more articles,
and how each author's bio changed over time (variants in the order first used). Not a test.

    python benchmarks/bio_census.py /tmp/sites/digitalgov/content/news

Uses the same recogniser and variant grouping as ``bio-inconsistent`` (``rules/bios/facts.py``,
``rules/bios/inconsistent.py``), so a reader can judge whether any change it leaves alone is a
contradiction a copy editor would flag.
"""

from __future__ import annotations

import argparse
import glob
import os
from collections import defaultdict


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root")
    args = ap.parse_args()
    from edlint.parsers import parse
    from edlint.rules.bios.facts import BioFact, bio_facts
    from edlint.rules.bios.inconsistent import _clusters
    from edlint.rules.bios.options import BiosOptions

    opts = BiosOptions()
    groups: dict[str, list] = defaultdict(list)
    docs = bios = 0
    for path in sorted(glob.glob(os.path.join(args.root, "**/*.md"), recursive=True)):
        with open(path, encoding="utf-8", errors="replace") as fh:
            doc = parse(path, fh.read(), "markdown")
        docs += 1
        facts = bio_facts(doc, opts)
        for raw in facts["bios"]:
            fact = BioFact(*raw)
            bios += 1
            groups[fact.author].append((os.path.relpath(path, args.root), facts["date"], fact))
    multi = {a: it for a, it in groups.items() if len({p for p, _, _ in it}) >= 2}
    print(f"{docs} articles, {bios} bios, {len(groups)} authors, {len(multi)} with a bio in 2+ articles\n")
    for items in (multi[a] for a in sorted(multi)):
        clusters = _clusters(items, opts)
        if len(clusters) < 2:
            continue
        print(f"- **{items[0][2].name}** ({len({p for p, _, _ in items})} articles)")
        for cl in sorted(clusters, key=lambda c: min(d for _, d, _ in c)):
            dates = sorted(d for _, d, _ in cl)
            first = min(cl, key=lambda i: i[1])
            text = " ".join(first[2].text.split())
            text = text if len(text) <= 230 else text[:230] + "…"
            span = dates[0] + (f" … {dates[-1]}" if dates[-1] != dates[0] else "")
            print(f"  - {span} ({len(cl)}×, e.g. `{first[0]}:{first[2].line}`): {text}")


if __name__ == "__main__":
    main()
