"""The authors registry named by ``bios: {authors: PATH}``: a YAML list or mapping, a Jekyll
``_data/authors.yml``, a CSV, or a folder of Hugo author pages."""

from __future__ import annotations

import os
from typing import Any

from ...document import Document
from ...text.bios import AuthorsRegistry
from ..base import site_loader, tree_paths

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

        from ...reading import read_site_text

        with io.StringIO(read_site_text(path), newline="") as fh:
            for row in csv.DictReader(fh):
                _add_entry(reg, {k.strip(): (v or "").strip() for k, v in row.items() if k}, None)
    else:
        from ...reading import read_site_text

        text = read_site_text(path)
        if path.lower().endswith(".json"):
            import json

            data = json.loads(text)
        else:
            from ...parsers.frontmatter import load_yaml

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
    from ...parsers.frontmatter import split_front_matter

    for entry in sorted(os.listdir(folder)):
        sub = os.path.join(folder, entry)
        for candidate in (os.path.join(sub, "_index.md"), os.path.join(sub, "index.md"), sub):
            if os.path.isfile(candidate) and candidate.endswith(".md"):
                from ...reading import read_site_text

                try:
                    fm = split_front_matter(read_site_text(candidate))
                except (OSError, UnicodeDecodeError):
                    continue
                if fm is not None and not fm.problem:
                    values = {k: f.value for k, f in fm.fields.items()}
                    default = entry[:-3] if entry.endswith(".md") else entry
                    _add_entry(reg, values, default)
                break


def registry_of(doc: Document) -> AuthorsRegistry | None:
    reg = doc.site.get("authors") if doc.site else None
    return reg if isinstance(reg, AuthorsRegistry) else None
