"""Conditions (``when:``): which articles a rule runs on."""

from __future__ import annotations

from typing import Any, NamedTuple

from ...document import Document
from .spec import Spec, did_you_mean, read_bool, read_str_list

DATE_FIELDS = (
    "date",
    "publishdate",
    "pubdate",
    "published",
    "published_at",
    "publish_date",
    "date_published",
    "datepublished",
    "article:published_time",
    "og:published_time",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
)
_CONDITION_KEYS = ("dated", "present", "missing", "equals", "format")


class Condition(NamedTuple):
    """All of: ``dated`` (the article has / has no publication date in its metadata or
    file name), ``present``/``missing`` metadata fields, ``equals`` (a field has this value,
    or contains it when it is a list), ``format`` (markdown, html, text)."""

    dated: bool | None = None
    present: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    equals: tuple[tuple[str, tuple[str, ...]], ...] = ()
    formats: tuple[str, ...] = ()

    def holds(self, doc: Document) -> bool:
        meta = _lowercase_metadata(doc)
        if self.formats and doc.format not in self.formats:
            return False
        if self.dated is not None and is_dated(doc) != self.dated:
            return False
        if any(f not in meta for f in self.present):
            return False
        if any(f in meta for f in self.missing):
            return False
        for key, wanted in self.equals:
            mf = meta.get(key)
            if mf is None:
                return False
            value = mf.value
            have = value if isinstance(value, list) else [value]
            have_s = {_scalar_text(v) for v in have}
            if not have_s.intersection(wanted):
                return False
        return True

    def describe(self) -> str:
        parts = []
        if self.dated is True:
            parts.append("the article has a publication date")
        elif self.dated is False:
            parts.append("the article has no publication date (in its metadata or file name)")
        parts += [f"metadata has `{f}`" for f in self.present]
        parts += [f"metadata has no `{f}`" for f in self.missing]
        parts += [f"`{k}` is {' or '.join(repr(v) for v in vs)}" for k, vs in self.equals]
        if self.formats:
            parts.append("the file is " + " or ".join(self.formats))
        return " and ".join(parts)


def _lowercase_metadata(doc: Document) -> dict[str, Any]:
    """The metadata by lowercase key (built once per document, for every condition)."""
    return doc.view("declarative.metadata", lambda d: {k.lower(): v for k, v in d.metadata.items()})


def _scalar_text(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    return str(v).strip().lower()


def is_dated(doc: Document) -> bool:
    """Whether the article carries its publication date: a date field in its metadata
    (front matter, ``<meta>``, JSON-LD), a date in its file name (``2024-03-05-slug.md``),
    or a dateline: a short block that is not a sentence and holds a full date
    ("November 20, 2019 - 11:28", "Published March 5, 2024")."""

    def build(d: Document) -> bool:
        keys = {k.lower() for k in d.metadata}
        if any(f in keys for f in DATE_FIELDS):
            return True
        jsonld = d.meta("jsonld")
        if isinstance(jsonld, dict) and (jsonld.get("datePublished") or jsonld.get("dateCreated")):
            return True
        from ...text.dates import file_name_date, find_dates

        if file_name_date(d.path)[0] is not None:
            return True
        for block in d.prose:
            text = block.text.text.strip() if block.text is not None else ""
            if not text or text.endswith(".") or len(text.split()) > 12 or not any(c.isdigit() for c in text):
                continue
            if any(m.year and m.month and m.day for m in find_dates(text)):
                return True
        return False

    return doc.view("declarative.dated", build)


def read_conditions(value: Any, spec: Spec, keys: tuple) -> tuple[Condition, ...]:
    items = value if isinstance(value, list) else [value]
    out = []
    for i, item in enumerate(items):
        k = keys + ((i,) if isinstance(value, list) else ())
        if not isinstance(item, dict):
            raise spec.fail("'when' must be a mapping (or a list of mappings, any of which may hold)", *k)
        for key in item:
            if key not in _CONDITION_KEYS:
                raise spec.fail(f"unknown condition {key!r}{did_you_mean(key, _CONDITION_KEYS)}", *k, key)
        dated = read_bool(item["dated"], spec, (*k, "dated")) if "dated" in item else None
        present = tuple(f.lower() for f in read_str_list(item.get("present", []), spec, (*k, "present")))
        missing = tuple(f.lower() for f in read_str_list(item.get("missing", []), spec, (*k, "missing")))
        equals = item.get("equals", {}) or {}
        if not isinstance(equals, dict):
            raise spec.fail("'equals' must map metadata fields to values", *k, "equals")
        eq = tuple(
            (str(f).lower(), tuple(_scalar_text(x) for x in (v if isinstance(v, list) else [v])))
            for f, v in equals.items()
        )
        formats = read_str_list(item.get("format", []), spec, (*k, "format"))
        for f in formats:
            if f not in ("markdown", "html", "text"):
                raise spec.fail(f"'format' must be markdown, html or text (got {f!r})", *k, "format")
        out.append(Condition(dated, present, missing, eq, formats))
    return tuple(out)
