"""The article's authors: the names and slugs its metadata gives (front matter,
<meta name=author>, JSON-LD), resolved through the site's authors registry."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..patterns import lazy
from .names import looks_like_slug, name_key, person_name, slug_key


class AuthorRef(NamedTuple):
    """An author the article's metadata names."""

    name: str | None  # display name, when known
    slug: str | None  # slug or id, when given
    source: str  # frontmatter | meta | jsonld
    field: str  # the metadata key ("authors", "author", "jsonld")
    start: int  # source span of the value
    end: int
    bio: str | None = None  # a bio given with the author (authors[].bio, JSON-LD description)

    @property
    def label(self) -> str:
        return self.name or self.slug or ""


@dataclass
class AuthorsRegistry:
    """A site's authors: slug, name and bio of each (see rules/bios.py for the loader)."""

    entries: list[dict[str, str]] = field(default_factory=list)
    by_slug: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str = ""

    def add(self, slug: str, name: str, bio: str = "", aliases: Iterable[str] = ()) -> None:
        entry = {"slug": slug, "name": name or slug, "bio": bio or ""}
        self.entries.append(entry)
        if slug:
            self.by_slug.setdefault(slug_key(slug), entry)
        for n in (name, *aliases):
            k = name_key(n or "")
            if k:
                self.by_name.setdefault(k, entry)
                self.by_slug.setdefault(slug_key(n or ""), entry)

    def lookup(self, name: str | None = None, slug: str | None = None) -> dict[str, str] | None:
        if slug:
            e = self.by_slug.get(slug_key(slug))
            if e is not None:
                return e
        if name:
            k = name_key(name)
            e = self.by_name.get(k) or self.by_slug.get(slug_key(name))
            if e is not None:
                return e
            words = k.split()
            if len(words) > 2:  # "Denise Turner Roth" registered as "Denise Roth"
                e = self.by_name.get(f"{words[0]} {words[-1]}")
                if e is not None:
                    return e
        return None

    def __len__(self) -> int:
        return len(self.entries)


def _registry(doc: Any) -> AuthorsRegistry | None:
    reg = doc.site.get("authors") if doc.site else None
    return reg if isinstance(reg, AuthorsRegistry) else None


_AUTHOR_FIELDS = ("author", "authors")
_NAME_KEYS = ("name", "display_name", "full_name", "title")
_SLUG_KEYS = ("slug", "id", "key", "username")
_PROFILE_URL = lazy(
    r"/(?:author|authors|people|person|contributor|contributors|staff|profile|writers?|by)/([\w\-]+)/?$"
)


def document_authors(doc: Any) -> list[AuthorRef]:
    """The authors the metadata names (front matter, <meta name=author>, JSON-LD)."""
    return doc.view("bios.authors", _build_authors)


def _build_authors(doc: Any) -> list[AuthorRef]:
    out: list[AuthorRef] = []
    reg = _registry(doc)
    for key in _AUTHOR_FIELDS:
        f = doc.metadata.get(key)
        if f is None:
            continue
        span = (f.value_span.start, f.value_span.end)
        if f.source == "frontmatter":
            out.extend(_authors_from_value(f.value, "frontmatter", key, span, reg))
        elif f.source in ("meta", "og") and isinstance(f.value, str):
            m = _PROFILE_URL.search(f.value.strip())
            if m:
                slug = m.group(1)
                e = reg.lookup(slug=slug) if reg else None
                out.append(AuthorRef(e["name"] if e else _slug_to_name(slug), slug, "meta", key, *span))
            else:
                name = person_name(f.value)
                if name and len(name.split()) >= 2:
                    out.append(AuthorRef(name, None, "meta", key, *span))
    ld = doc.metadata.get("jsonld")
    if ld is not None and isinstance(ld.value, dict):
        span = (ld.value_span.start, ld.value_span.end)
        authors = ld.value.get("author") or ld.value.get("creator")
        for a in authors if isinstance(authors, list) else [authors]:
            if isinstance(a, dict):
                kinds = a.get("@type", "Person")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if "person" not in {str(k).casefold() for k in kinds} or not isinstance(a.get("name"), str):
                    continue
                name = person_name(a["name"])
                desc = a.get("description")
                if name:
                    out.append(
                        AuthorRef(
                            name,
                            None,
                            "jsonld",
                            "jsonld",
                            *span,
                            bio=desc.strip() if isinstance(desc, str) and desc.strip() else None,
                        )
                    )
            elif isinstance(a, str):
                name = person_name(a)
                if name:
                    out.append(AuthorRef(name, None, "jsonld", "jsonld", *span))
    return out


def _slug_to_name(slug: str) -> str | None:
    parts = [p for p in re.split(r"[-_.]+", slug) if p]
    if len(parts) < 2 or any(p.isdigit() for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)


def _authors_from_value(
    value: Any, source: str, key: str, span: tuple[int, int], reg: AuthorsRegistry | None
) -> list[AuthorRef]:
    out: list[AuthorRef] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        name = slug = bio = None
        if isinstance(item, dict):
            name = next((str(item[k]) for k in _NAME_KEYS if isinstance(item.get(k), str)), None)
            slug = next((str(item[k]) for k in _SLUG_KEYS if isinstance(item.get(k), (str, int))), None)
            b = item.get("bio")
            bio = b.strip() if isinstance(b, str) and b.strip() else None
        elif isinstance(item, (str, int)) and str(item).strip():
            s = str(item).strip()
            if looks_like_slug(s):
                slug = s
            else:
                for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", s):
                    if part:
                        e = reg.lookup(name=part) if reg else None
                        out.append(AuthorRef(part, e["slug"] if e else None, source, key, *span))
                continue
        else:
            continue
        if reg is not None and (slug or name):
            e = reg.lookup(name=name, slug=slug)
            if e is not None:
                name = name or e["name"]
                slug = slug or e["slug"]
        out.append(AuthorRef(name, slug, source, key, *span, bio=bio))
    return out
