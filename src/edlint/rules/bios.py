"""Author bios and bylines: a bio printed twice, bios that disagree, a byline that is not the
author. The recogniser (what counts as a bio, a byline, an author) is in text/bios/."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..document import Document, Span
from ..text.bios import (
    AuthorsRegistry,
    Bio,
    bio_key,
    bio_relation,
    document_authors,
    document_bios,
    document_bylines,
    is_organisation,
    name_key,
    same_person,
    slug_forms,
    slug_key,
)
from ..text.normalize import strip_accents, word_key
from .base import (
    Finding,
    Severity,
    cross_file_rule,
    rule,
    section,
    site_loader,
    tree_paths,
)


@dataclass(frozen=True)
class BiosOptions:
    """Options of the bios family (config section `bios:`)."""

    # Path of an authors registry (YAML list or mapping with name, slug, bio; a Jekyll
    # _data/authors.yml; a CSV with id/slug and name or first_name/last_name; or a folder of
    # Hugo author pages <slug>/_index.md), relative to the config file's folder.
    authors: str = ""
    # Two bios at least this alike (0-1, rapidfuzz ratio of their words) are copies.
    similarity: float = 0.9
    # Across articles, an author's bios less alike than this (0-1) are different bios: a
    # changed job or a finished internship, not a copy that drifted by a word.
    consistency: float = 0.95
    # Bios shorter than this many words are not compared ("Staff Writer").
    min_words: int = 5
    # Count the JSON-LD author description as a printed copy of the bio.
    jsonld_bios: bool = True
    # With a registry: report authors and bylines that are not in it.
    unknown_authors: bool = True


SECTION = section("bios", BiosOptions, "Author bios, bylines and the authors registry")


# -- the registry ----------------------------------------------------------------------------

_NAME_FIELDS = ("name", "display_name", "full_name", "title")
_SLUG_FIELDS = ("slug", "id", "key", "username", "handle")
_BIO_FIELDS = ("bio", "description", "about", "short_bio", "shortBio")


def _authors_path(config_dir: str, options: Any) -> str:
    rel = getattr(options, "authors", "") or ""
    if not rel:
        return ""
    return rel if os.path.isabs(rel) else os.path.join(config_dir, rel)


def _authors_inputs(config_dir: str, options: Any) -> list[str]:
    path = _authors_path(config_dir, options)
    return tree_paths(path, depth=2) if path else []  # author pages: <slug>/_index.md


@site_loader("authors", "bios", inputs=_authors_inputs)
def load_authors(config_dir: str, options: Any) -> AuthorsRegistry | None:
    """Read the authors registry named by ``bios: {authors: PATH}`` (None when unset)."""
    path = _authors_path(config_dir, options)
    if not path:
        return None
    reg = AuthorsRegistry(path=path)
    if os.path.isdir(path):
        _load_author_pages(path, reg)
    elif path.lower().endswith(".csv"):
        import csv
        import io

        from ..reading import read_site_text

        with io.StringIO(read_site_text(path), newline="") as fh:
            for row in csv.DictReader(fh):
                _add_entry(reg, {k.strip(): (v or "").strip() for k, v in row.items() if k}, None)
    else:
        from ..reading import read_site_text

        text = read_site_text(path)
        if path.lower().endswith(".json"):
            import json

            data = json.loads(text)
        else:
            from ..parsers.frontmatter import load_yaml

            data = load_yaml(text)
        _add_all(reg, data)
    return reg


def _add_all(reg: AuthorsRegistry, data: Any) -> None:
    if isinstance(data, dict) and isinstance(data.get("authors"), (list, dict)) and len(data) <= 2:
        data = data["authors"]
    if isinstance(data, list):
        for item in data:
            if isinstance(item, dict):
                _add_entry(reg, item, None)
            elif isinstance(item, str):
                reg.add(item, item)
    elif isinstance(data, dict):  # Jekyll _data/authors.yml: slug -> {name, bio} or slug -> name
        for slug, item in data.items():
            if isinstance(item, dict):
                _add_entry(reg, item, str(slug))
            elif isinstance(item, str):
                reg.add(str(slug), item)


def _add_entry(reg: AuthorsRegistry, item: dict, slug: str | None) -> None:
    def text(*keys: str) -> str:
        for k in keys:
            v = item.get(k)
            if isinstance(v, (str, int)) and str(v).strip():
                return " ".join(str(v).split())
        return ""

    slug = text(*_SLUG_FIELDS) or slug or ""
    first_last = " ".join(p for p in (text("first_name", "given_name"), text("last_name", "family_name")) if p)
    name = text(*_NAME_FIELDS) or first_last
    if not (slug or name):
        return
    aliases = [a for a in (first_last, text("full_name"), text("display_name")) if a]
    reg.add(slug, name, text(*_BIO_FIELDS), aliases)


def _load_author_pages(folder: str, reg: AuthorsRegistry) -> None:
    from ..parsers.frontmatter import split_front_matter

    for entry in sorted(os.listdir(folder)):
        sub = os.path.join(folder, entry)
        for candidate in (os.path.join(sub, "_index.md"), os.path.join(sub, "index.md"), sub):
            if os.path.isfile(candidate) and candidate.endswith(".md"):
                from ..reading import read_site_text

                try:
                    fm = split_front_matter(read_site_text(candidate))
                except (OSError, UnicodeDecodeError):
                    continue
                if fm is not None and not fm.problem:
                    values = {k: f.value for k, f in fm.fields.items()}
                    default = entry[:-3] if entry.endswith(".md") else entry
                    _add_entry(reg, values, default)
                break


def _registry(doc: Document) -> AuthorsRegistry | None:
    reg = doc.site.get("authors") if doc.site else None
    return reg if isinstance(reg, AuthorsRegistry) else None


# -- helpers -------------------------------------------------------------------------------


def _excerpt(text: str, words: int = 8) -> str:
    parts = text.split()
    out = " ".join(parts[:words])
    return out + "…" if len(parts) > words else out


def _who(bio: Bio) -> str:
    return f"Bio of '{bio.name}'" if bio.name else f"Bio '{_excerpt(bio.text)}'"


def _where(doc: Document, bio: Bio) -> str:
    line = doc.lines.position(bio.start)[0]
    return f"line {line} ({bio.label})" if bio.label else f"line {line}"


def _relative(other: str, here: str) -> str:
    """``other`` as seen from ``here``'s folder ("b.md", "../2019/b.md")."""
    try:
        return os.path.relpath(other, os.path.dirname(here) or ".")
    except ValueError:  # another drive
        return other


def _difference(a: str, b: str, width: int = 6) -> tuple[str, str]:
    """Where two bios part: a few words of each from the first word that differs."""
    wa, wb = a.split(), b.split()
    i = 0
    while i < min(len(wa), len(wb)) and word_key(wa[i]) == word_key(wb[i]):
        i += 1
    start = max(0, i - 1)

    def snip(words: list[str]) -> str:
        out = " ".join(words[start : start + width])
        return ("…" if start else "") + out + ("…" if start + width < len(words) else "")

    return snip(wa), snip(wb)


def _different_people(a: Bio, b: Bio) -> bool:
    return bool(a.name and b.name and not same_person(a.name, b.name))


# -- bio-duplicate -------------------------------------------------------------------------


@rule(
    "bio-duplicate",
    family="bios",
    summary="An author bio printed more than once in one article",
    severity=Severity.WARNING,
    section=SECTION,
)
def bio_duplicate(doc: Document, opts: BiosOptions) -> Iterator[Finding]:
    """## What it does
    Reports an author bio that appears a second time in the same article: twice in the body,
    in the body and in the front matter (`author_bio`, `bio`, `authors[].bio`) that the
    template prints, in both an `<aside class="author-bio">` and a footer, around a
    "Written By" line, or in the body and the JSON-LD author description. Copies are
    compared on their words (case, spacing, no-break spaces, ’ versus ' and punctuation do
    not count), a copy that drifted by a word still counts, and a short bio that is the
    opening of the full one is a copy too. The second copy is reported, naming the line of
    the first; a repeated bio is not also reported as `duplicate-paragraph`.

    ## Why is this bad?
    A doubled bio is the commonest template defect in published articles: the CMS adds the
    bio and so did the writer, or a scraper pasted it twice. Readers see it at once.

    ## Example
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    author_bio: Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.

    *Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.*
    ```

    Use instead:
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    author_bio: Maya Okafor is a health reporter for the Ledger. Reach her at maya@ledger.example.
    ---

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    ## Options
    - `similarity`
    - `min_words`
    - `jsonld_bios`
    """
    bios = [b for b in document_bios(doc) if b.words >= opts.min_words and (opts.jsonld_bios or b.origin != "jsonld")]
    if len(bios) < 2:
        return
    # Metadata copies first (the template prints them wherever the body copy sits).
    bios.sort(key=lambda b: (b.origin == "body", b.start))
    firsts: list[Bio] = []
    for bio in bios:
        found = None
        for first in firsts:
            if first.start < bio.end and bio.start < first.end and first.origin == bio.origin:
                continue
            if _different_people(first, bio):
                continue
            rel = bio_relation(first.key, bio.key, opts.similarity)
            if rel is not None:
                found = (first, rel)
                break
        if found is None:
            firsts.append(bio)
            continue
        if bio.origin != "body":
            continue
        first, (kind, score) = found
        how = {
            "same": "repeats",
            "contained": "repeats part of" if len(bio.key) < len(first.key) else "repeats and extends",
            "similar": f"nearly repeats ({round(score * 100)}% alike)",
        }[kind]
        yield Finding(Span(bio.start, bio.end), f"{_who(bio)} {how} the one on {_where(doc, first)}")


# -- bio-inconsistent ----------------------------------------------------------------------


class BioFact(NamedTuple):
    """One bio of one article, as bio-inconsistent carries it across files."""

    author: str  # the person's key (registry slug or normalised full name)
    name: str  # display name
    key: str  # the bio's comparison form
    text: str  # the bio (cut at 600 characters)
    line: int
    start: int
    end: int
    label: str  # where in the metadata, for a metadata bio ("front matter 'bio'")


def _author_key(doc: Document, name: str | None) -> tuple[str, str] | None:
    """(key, display name) of a bio's person, resolved to a full name when possible."""
    if not name:
        return None
    reg = _registry(doc)
    if reg is not None:
        e = reg.lookup(name=name)
        if e is None and len(name_key(name).split()) == 1:
            # "Emileigh is a content designer ..." in a post by authors: [emileigh, ...]
            for a in document_authors(doc):
                cand = reg.lookup(name=a.name, slug=a.slug)
                if cand is not None and (same_person(name, cand["name"]) or slug_key(name) == slug_key(cand["slug"])):
                    e = cand
                    break
        if e is not None:
            return "slug:" + slug_key(e["slug"] or e["name"]), e["name"]
    words = name_key(name).split()
    if len(words) < 2:
        return None
    return " ".join(words), name


def _bio_facts(doc: Document, opts: BiosOptions) -> dict[str, Any]:
    """Small per-document values: each bio's author, words, line; registry problems."""
    entries = []
    for bio in document_bios(doc):
        if bio.words < opts.min_words or (bio.origin == "jsonld" and not opts.jsonld_bios):
            continue
        who = _author_key(doc, bio.name)
        if who is None:
            continue
        entries.append(
            list(
                BioFact(
                    who[0],
                    who[1],
                    bio.key,
                    bio.text[:600],
                    doc.lines.position(bio.start)[0],
                    bio.start,
                    bio.end,
                    bio.label,
                )
            )
        )
    # Facts are kept in the JSON cache between runs: plain lists, read back as BioFact, so
    # a warm run combines exactly what a cold one does.
    return {"bios": entries, "problems": [list(p) for p in _registry_problems(doc, opts)]}


def _registry_problems(doc: Document, opts: BiosOptions) -> list[tuple[int, int, str]]:
    reg = _registry(doc)
    if reg is None:
        return []
    out: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    if opts.unknown_authors:
        for a in document_authors(doc):
            label = a.label
            if not label or name_key(label) in seen or (a.source != "frontmatter" and a.name is None):
                continue
            if is_organisation(label):
                continue  # "Associated Press", "Staff": an agency or a desk is not a person
            seen.add(name_key(label))
            if reg.lookup(name=a.name, slug=a.slug) is None:
                out.append((a.start, a.end, f"Author '{label}' is not in the authors registry"))
        for bl in document_bylines(doc):
            for name in bl.names:
                if name_key(name) in seen or is_organisation(name):
                    continue
                seen.add(name_key(name))
                if reg.lookup(name=name) is None:
                    out.append((bl.start, bl.end, f"Byline author '{name}' is not in the authors registry"))
    authors = [e for a in document_authors(doc) if (e := reg.lookup(name=a.name, slug=a.slug))]
    for bio in document_bios(doc):
        if bio.words < opts.min_words:
            continue
        entry = reg.lookup(name=bio.name) if bio.name else None
        if entry is None and bio.name and len(name_key(bio.name).split()) == 1:
            entry = next((e for e in authors if same_person(bio.name, e["name"])), None)
        if entry is None and not bio.name and len(authors) == 1:
            entry = authors[0]
        if entry is None or not entry["bio"]:
            continue
        if bio_relation(bio_key(entry["bio"]), bio.key, opts.consistency) is None:
            out.append(
                (
                    bio.start,
                    bio.end,
                    f"Bio of '{entry['name']}' differs from the authors registry: '{_excerpt(entry['bio'])}'",
                )
            )
    return out


@cross_file_rule(
    "bio-inconsistent",
    family="bios",
    summary="One author with different bios across the articles of a run, or not as registered",
    facts=_bio_facts,
    severity=Severity.WARNING,
    section=SECTION,
)
def bio_inconsistent(facts: list[tuple[str, dict[str, Any]]], opts: BiosOptions) -> Iterator[tuple[str, Finding]]:
    """## What it does
    Compares the bios of each author across all the articles of one run (and within one
    article, such as a front-matter bio and a different one in the body). When an author
    has two or more different bios (less alike than `consistency`; a short bio that opens
    the full one is the same bio), the articles whose bio is not the most common one are
    reported, naming an article with the usual bio. With an authors registry
    (`bios: {authors: path}`: YAML with name, slug and bio, a Jekyll `_data/authors.yml`,
    a CSV, or a folder of author pages), each bio must also match the registry's, and an
    author or byline name that is not in the registry is reported. Authors are matched by
    name or slug (front matter `author`/`authors`, `<meta name="author">`, JSON-LD, "By …").
    Wire agencies ("Associated Press", "Reuters", "AFP", "PA Media", "Bloomberg") and desk
    or staff bylines ("Staff", "Editorial Board", "Our Foreign Staff", "Staff and agencies")
    are not people and are never reported as missing from the registry.

    ## Why is this bad?
    Bios drift: a promotion reaches one article and not the next, an intern's bio outlives
    the internship. Readers who follow an author see the contradiction.

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
    - `unknown_authors`
    """
    groups: dict[str, list[tuple[str, BioFact]]] = {}
    for path, f in facts:
        if not f:
            continue
        for start, end, message in f.get("problems", ()):
            yield path, Finding(Span(start, end), message)
        for raw in f.get("bios", ()):
            fact = BioFact(*raw)
            groups.setdefault(fact.author, []).append((path, fact))
    for items in groups.values():
        if len({(p, fact.key) for p, fact in items}) < 2:
            continue
        # Cluster the variants; the one used by most articles is the reference.
        clusters: list[list[tuple[str, BioFact]]] = []
        for path, fact in items:
            for cl in clusters:
                # Within one article a near copy is bio-duplicate's finding, not this one's.
                threshold = opts.similarity if cl[0][0] == path else opts.consistency
                if bio_relation(cl[0][1].key, fact.key, threshold) is not None:
                    cl.append((path, fact))
                    break
            else:
                clusters.append([(path, fact)])
        if len(clusters) < 2:
            continue
        ref = max(clusters, key=lambda cl: (len({p for p, _ in cl}), -clusters.index(cl)))
        rpath, rfact = ref[0]
        for cl in clusters:
            if cl is ref:
                continue
            reported: set[str] = set()
            for path, fact in cl:
                if path in reported:
                    continue
                reported.add(path)
                if rpath == path:
                    where = f"on line {rfact.line}" + (f" ({rfact.label})" if rfact.label else "")
                else:
                    where = f"in {_relative(rpath, path)}:{rfact.line}"
                mine, theirs = _difference(fact.text, rfact.text)
                yield (
                    path,
                    Finding(
                        Span(fact.start, fact.end),
                        f"Bio of '{fact.name}' differs from the one {where}: '{mine}' here, '{theirs}' there",
                    ),
                )


# -- byline-mismatch -----------------------------------------------------------------------


def _byline_matches(byline_text: str, names: tuple[str, ...], meta_names: list[str], slugs: list[str]) -> bool:
    folded = " " + word_key(strip_accents(byline_text)) + " "
    for m in meta_names:
        words = name_key(m).split()
        if not words:
            continue
        if " ".join(words) in folded:
            return True
        if len(words[-1]) >= 3 and f" {words[-1]} " in folded:
            return True
        if any(same_person(m, n) for n in names):
            return True
    for s in slugs:
        sk = slug_key(s)
        for n in names:
            if sk in slug_forms(n):
                return True
            last = name_key(n).split()[-1:] or [""]
            if len(last[0]) >= 3 and last[0] in sk:
                return True
    return False


@rule(
    "byline-mismatch",
    family="bios",
    summary="The byline names someone other than the metadata author",
    severity=Severity.WARNING,
    section=SECTION,
)
def byline_mismatch(doc: Document, opts: BiosOptions) -> Iterator[Finding]:
    """## What it does
    Compares the "By …" line at the top of the article with the author in the metadata
    (front matter `author`/`authors`, `<meta name="author">`, JSON-LD `author`) and reports
    a byline that names none of them. Slugs (`authors: [mokafor]`) are resolved through the
    authors registry when one is configured, else matched against the byline's names.
    Bylines inside quotes and the bylines of related stories further down are ignored.

    ## Why is this bad?
    Whichever is wrong, the article is credited to two different people: the byline
    readers see and the author that feeds, search engines and the author page use.

    ## Example
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    ---

    By Daniel Kim

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    Use instead:
    ```markdown
    ---
    title: Clinic hours cut
    author: Maya Okafor
    ---

    By Maya Okafor

    The county will cut weekend hours at three clinics starting in March, officials said.
    ```

    ## Options
    - `authors`
    """
    bylines = document_bylines(doc)
    if not bylines:
        return
    reg = _registry(doc)
    meta_names: list[str] = []
    slugs: list[str] = []
    first_field = None
    for a in document_authors(doc):
        name = a.name
        if name is None and a.slug and reg is not None:
            e = reg.lookup(slug=a.slug)
            name = e["name"] if e else None
        if name:
            meta_names.append(name)
        elif a.slug:
            slugs.append(a.slug)
        else:
            continue
        first_field = first_field or a
    if first_field is None:
        return
    shown = ", ".join(dict.fromkeys(meta_names + slugs))
    line = doc.lines.position(first_field.start)[0]
    for bl in bylines:
        if _byline_matches(bl.text, bl.names, meta_names, slugs):
            continue
        yield Finding(
            Span(bl.start, bl.end),
            f"Byline '{', '.join(bl.names)}' does not match the author in the metadata ('{shown}', line {line})",
        )


# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (bio_duplicate, bio_inconsistent, byline_mismatch)
