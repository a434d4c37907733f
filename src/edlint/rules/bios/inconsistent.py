"""bio-inconsistent: one author with bios that contradict each other across the articles of a
run, or a bio that is not the registry's.

A bio is true on the day its article was published: an intern's bio that later says she
finished the internship, or a job that changed between 2014 and 2017, is the archive being
accurate. So when the articles carry dates, only contradictions are reported: two different
bios in articles published at the same time (within ``window_days``), and an article that
goes back to an older bio after a newer one was in use. Without dates the order is unknown
and the most common bio is the reference.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterator
from typing import Any

from ...document import Span
from ...text.bios import bio_relation, own_part, same_sentences
from ..base import Finding, Severity, cross_file_rule
from .facts import BioFact, bio_facts
from .options import SECTION, BiosOptions
from .wording import difference, relative

# (path, publication date "YYYY-MM-DD" or "", the bio)
Item = tuple[str, str, BioFact]


@cross_file_rule(
    "bio-inconsistent",
    family="bios",
    summary="One author with bios that contradict each other across a run, or not as registered",
    facts=bio_facts,
    severity=Severity.WARNING,
    section=SECTION,
)
def bio_inconsistent(facts: list[tuple[str, dict[str, Any]]], opts: BiosOptions) -> Iterator[tuple[str, Finding]]:
    """## What it does
    Compares the bios of each author across the articles of one run and within one article
    (a front-matter bio and a different one in the body). Bios are true on the day they were
    published, so a bio that changed over time (a new job, an internship that ended) is not
    reported. What is reported, when the articles carry dates (metadata or file name):
    two different bios of one author in articles published within `window_days` of each
    other, and an article that goes back to an older bio after a newer one was in use.
    Without dates the order is unknown, and the articles whose bio is not the most common
    one are reported. Bios are less alike than `consistency` to differ; a short bio that
    opens the full one is the same bio; a closing note that goes on to credit other people
    ("Gray Brooks and Eric Mill are at 18F …") is compared up to that point.

    With an authors registry (`bios: {authors: path}`: YAML with name, slug and bio, a
    Jekyll `_data/authors.yml`, a CSV, or a folder of author pages), an author or byline
    name that is not in it is reported, and so is a bio that differs from the registry's
    in the author's newest article (older articles keep the bio of their day). Wire
    agencies ("Associated Press", "Reuters", "AFP") and desk bylines ("Staff", "Editorial
    Board", "Brennan Ledger Staff") are not people and are never reported as missing from
    the registry; "By Jane Doe Staff Writer" still names Jane Doe.

    ## Why is this bad?
    Two articles of the same week that describe their author differently contradict each
    other, and a new article carrying last year's bio tells readers something that is no
    longer true.

    ## Example
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    bio: Maya Okafor covers courts for the Ledger.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.

    *Maya Okafor is a health reporter for the Ledger and a former nurse in Fresno County.*
    ```

    Use instead:
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    bio: Maya Okafor is a health reporter for the Ledger and a former nurse in Fresno County.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    ## Options
    - `authors`
    - `consistency`
    - `similarity`
    - `min_words`
    - `window_days`
    - `jsonld_bios`
    - `unknown_authors`
    """
    groups: dict[str, list[Item]] = {}
    registered: dict[str, list[tuple[str, str, int, int, str]]] = {}
    for path, f in facts:
        if not f:
            continue
        for start, end, message in f.get("problems", ()):
            yield path, Finding(Span(start, end), message)
        date = f.get("date") or ""
        for raw in f.get("bios", ()):
            fact = BioFact(*raw)
            groups.setdefault(fact.author, []).append((path, date, fact))
        for author, start, end, message in f.get("registry_bios", ()):
            registered.setdefault(author, []).append((path, date, start, end, message))
    yield from _against_registry(registered, groups)
    for items in groups.values():
        if len({(p, fact.key) for p, _, fact in items}) < 2:
            continue
        clusters = _clusters(items, opts)
        if len(clusters) < 2:
            continue
        if all(date for _, date, _ in items):
            yield from _contradictions(items, clusters, opts)
        else:
            yield from _against_the_usual(clusters)


def _against_registry(
    registered: dict[str, list[tuple[str, str, int, int, str]]], groups: dict[str, list[Item]]
) -> Iterator[tuple[str, Finding]]:
    """A bio unlike the registry's, in the author's newest article (or an undated one): the
    registry holds today's bio, and an older article rightly keeps the one of its day."""
    for author, items in registered.items():
        dates = [d for _, d, *_ in items] + [d for _, d, _ in groups.get(author, ())]
        newest = max((d for d in dates if d), default="")
        for path, date, start, end, message in items:
            if not date or date == newest:
                yield path, Finding(Span(start, end), message)


def _clusters(items: list[Item], opts: BiosOptions) -> list[list[Item]]:
    """Group an author's bios into variants (copies that drift by a word are one variant)."""
    clusters: list[list[Item]] = []
    for item in items:
        path, _, fact = item
        for cl in clusters:
            # Within one article a near copy is bio-duplicate's finding, not this one's.
            threshold = opts.similarity if cl[0][0] == path else opts.consistency
            first = cl[0][2]
            if bio_relation(first.key, fact.key, threshold) is not None or (
                first.key != fact.key
                and same_sentences(own_part(first.text, first.name), own_part(fact.text, fact.name))
            ):
                cl.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def _finding(item: Item, other: Item, how: str) -> tuple[str, Finding]:
    path, _, fact = item
    opath, _, ofact = other
    if opath == path:
        where = f"on line {ofact.line}" + (f" ({ofact.label})" if ofact.label else "")
    else:
        where = f"in {relative(opath, path)}:{ofact.line}"
    mine, theirs = difference(fact.text, ofact.text)
    return path, Finding(
        Span(fact.start, fact.end),
        f"Bio of '{fact.name}' differs from the one {where}{how}: '{mine}' here, '{theirs}' there",
    )


def _against_the_usual(clusters: list[list[Item]]) -> Iterator[tuple[str, Finding]]:
    """No dates: the variant used by most articles is the reference."""
    ref = max(clusters, key=lambda cl: (len({p for p, _, _ in cl}), -clusters.index(cl)))
    for cl in clusters:
        if cl is ref:
            continue
        reported: set[str] = set()
        for item in cl:
            if item[0] in reported:
                continue
            reported.add(item[0])
            yield _finding(item, ref[0], "")


def _days(a: str, b: str) -> int:
    return abs((_dt.date.fromisoformat(a) - _dt.date.fromisoformat(b)).days)


def _contradictions(items: list[Item], clusters: list[list[Item]], opts: BiosOptions) -> Iterator[tuple[str, Finding]]:
    """Dated articles: two variants at the same time, or a return to an older variant."""
    variant = {id(item): i for i, cl in enumerate(clusters) for item in cl}
    uses = [len({p for p, _, _ in cl}) for cl in clusters]
    reported: set[str] = set()
    # One article, two different bios of its author: a contradiction on the page.
    by_path: dict[str, list[Item]] = {}
    for item in items:
        by_path.setdefault(item[0], []).append(item)
    for path, mine in by_path.items():
        if len({variant[id(i)] for i in mine}) < 2:
            continue
        first = mine[0]
        for item in mine[1:]:
            if variant[id(item)] != variant[id(first)] and path not in reported:
                reported.add(path)
                yield _finding(item, first, "")
    ordered = sorted(items, key=lambda it: (it[1], it[0]))
    first_use: dict[int, str] = {}
    for item in ordered:
        first_use.setdefault(variant[id(item)], item[1])
    latest: Item | None = None  # the newest article whose bio stands
    standing: dict[int, set[str]] = {}  # variant -> articles that used it, so far
    for item in ordered:
        path, date, _ = item
        v = variant[id(item)]
        if path in reported:
            continue
        if latest is not None and variant[id(latest)] != v:
            lv = variant[id(latest)]
            if _days(date, latest[1]) <= opts.window_days and latest[0] != path:
                # Published at the same time with different bios: the less used one is off.
                odd, usual = (item, latest) if uses[v] <= uses[lv] else (latest, item)
                if odd[0] not in reported:
                    reported.add(odd[0])
                    when = "the same day" if opts.window_days <= 0 else f"within {opts.window_days} days"
                    yield _finding(odd, usual, f", published {when}")
                if odd is item:
                    continue
            elif first_use[v] < first_use[lv] and len(standing[lv]) >= 2:
                # Back to an older bio after a newer one was established (used in two
                # articles or more): the older one was copied from an old article.
                reported.add(path)
                yield _finding(item, latest, f" (a newer bio, in use since {first_use[lv]})")
                continue
        latest = item
        standing.setdefault(v, set()).add(path)
