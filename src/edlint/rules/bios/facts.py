"""What bio-inconsistent knows about one article: its bios (whose, in what words, where),
its publication date, and its problems against the authors registry. Facts are plain lists
so the JSON cache keeps them between runs."""

from __future__ import annotations

from typing import Any, NamedTuple

from ...document import Document
from ...text.bios import (
    bio_key,
    bio_relation,
    document_authors,
    document_bios,
    document_bylines,
    is_organisation,
    name_key,
    own_part,
    same_person,
    slug_key,
)
from ...text.dates import file_name_date, parse_meta_date
from .options import BiosOptions
from .registry import registry_of
from .wording import excerpt

# Metadata fields that hold the publication date, first found wins (as the dates family reads them).
DATE_FIELDS = ("date", "publishDate", "published", "pubDate", "datePublished", "article:published_time")


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
    reg = registry_of(doc)
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


def bio_facts(doc: Document, opts: BiosOptions) -> dict[str, Any]:
    """Small per-document values: each bio's author, words, line; registry problems."""
    entries = []
    for bio in document_bios(doc):
        if bio.words < opts.min_words or (bio.origin == "jsonld" and not opts.jsonld_bios):
            continue
        who = _author_key(doc, bio.name)
        if who is None:
            continue
        # Only the author's own sentences: a closing note that goes on to credit the team
        # ("Gray Brooks, Eric Mill and Colin Craig are at 18F ...") changes with each post.
        key = bio_key(own_part(bio.text, bio.name))
        entries.append(
            list(
                BioFact(
                    who[0],
                    who[1],
                    key,
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
    problems, registered = registry_problems(doc, opts)
    return {
        "bios": entries,
        "problems": [list(p) for p in problems],
        "registry_bios": [list(p) for p in registered],
        "date": publication_date(doc),
    }


def publication_date(doc: Document) -> str:
    """The article's publication date as YYYY-MM-DD (metadata first, then the file name), or ""."""
    lowered = {k.lower(): f for k, f in doc.metadata.items()}
    for key in DATE_FIELDS:
        f = doc.metadata.get(key) or lowered.get(key.lower())
        if f is None or f.value in (None, ""):
            continue
        meta = parse_meta_date(f.value)
        if meta is not None and meta.date is not None:
            return meta.date.isoformat()
    day, _ = file_name_date(doc.path or "")
    return day.isoformat() if day is not None else ""


def registry_problems(
    doc: Document, opts: BiosOptions
) -> tuple[list[tuple[int, int, str]], list[tuple[str, int, int, str]]]:
    """Authors and bylines missing from the registry (start, end, message), and bios that
    differ from the registry's (author key, start, end, message): those are judged across
    the run, since an older article rightly keeps the bio of its day."""
    reg = registry_of(doc)
    if reg is None:
        return [], []
    out: list[tuple[int, int, str]] = []
    registered: list[tuple[str, int, int, str]] = []
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
        if bio_relation(bio_key(entry["bio"]), bio_key(own_part(bio.text, bio.name)), opts.consistency) is None:
            registered.append(
                (
                    "slug:" + slug_key(entry["slug"] or entry["name"]),
                    bio.start,
                    bio.end,
                    f"Bio of '{entry['name']}' differs from the authors registry: '{excerpt(entry['bio'])}'",
                )
            )
    return out, registered
