"""Per-document resolution of the schema's fields, and helpers for reading their values."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from ...document import Document, MetaField, Span
from .options import MetadataOptions, schema_of
from .schema import BODY, Condition, FieldSpec, Schema

_FORMAT = {"markdown": "md", "html": "html", "text": "txt"}
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_BODY_KINDS = frozenset({"paragraph", "list_item", "table_cell", "caption"})


def _applies(doc: Document, opts: MetadataOptions) -> bool:
    if doc.frontmatter_span is not None and not doc.metadata and doc.problems:
        return False  # front matter that could not be read: file-error says so, once
    return _FORMAT.get(doc.format, doc.format) in opts.apply_to


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict, tuple)):
        return not value
    return False


def _has_body(doc: Document) -> bool:
    return doc.view(
        "metadata:body",
        lambda d: any(b.kind in _BODY_KINDS and b.text is not None and b.text.text.strip() for b in d.blocks),
    )


def _head(doc: Document) -> Span:
    """Where a missing field is reported: the front matter, the <head>, or line 1."""
    if doc.frontmatter_span is not None:
        return doc.head_span
    if doc.format == "html":
        m = _HEAD.search(doc.source, 0, 200_000)
        if m:
            return Span(m.start(), m.end())
    return Span(0, 0)


@dataclass
class FieldState:
    """Whether a schema field is present, empty or required in one document."""

    spec: FieldSpec
    present: list[MetaField]  # written, with a value
    empty: list[MetaField]  # written, but empty
    required: bool  # required here (conditions applied)


def _lookup(doc: Document, schema: Schema, name: str) -> list[MetaField]:
    spec = schema.by_name.get(name)
    names = spec.names if spec is not None else (name,)
    return [doc.metadata[n] for n in names if n in doc.metadata]


def _holds(doc: Document, schema: Schema, cond: Condition) -> bool:
    if cond.field == BODY and cond.field not in doc.metadata:
        return _has_body(doc)
    for f in _lookup(doc, schema, cond.field):
        if _empty(f.value):
            continue
        if cond.equals is None and cond.matches is None:
            return True
        items = f.value if isinstance(f.value, list) else [f.value]
        for item in items:
            text = str(item)
            if cond.equals is not None and text in cond.equals:
                return True
            if cond.matches is not None and cond.matches.search(text):
                return True
    return False


def field_states(doc: Document, opts: MetadataOptions) -> list[FieldState]:
    """Each schema field's state in ``doc``; none when the schema does not apply to it
    (plain text by default), so rules need no guard of their own."""
    if not _applies(doc, opts):
        return []
    schema = schema_of(opts)

    def build(d: Document) -> list[FieldState]:
        out = []
        for spec in schema.fields:
            found = [d.metadata[n] for n in spec.names if n in d.metadata]
            present = [f for f in found if not _empty(f.value)]
            empty = [f for f in found if _empty(f.value)]
            required = spec.required
            if required and spec.when:
                required = any(_holds(d, schema, c) for c in spec.when)
            if required and spec.unless:
                required = not any(_holds(d, schema, c) for c in spec.unless)
            out.append(FieldState(spec, present, empty, required))
        return out

    return doc.view(f"metadata:fields:{id(schema)}", build)


def _q(value: Any, limit: int = 60) -> str:
    text = str(value).replace("\n", " ")
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"'{text}'"


def _shape(value: Any) -> str:
    if isinstance(value, bool):
        return f"{'true' if value else 'false'} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return _q(value)


_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")


def display_text(value: str) -> str:
    """Text as readers see it: tags and Markdown bold removed, entities decoded, spaces collapsed."""
    if "<" in value:
        value = _TAG.sub("", value)
    if "&" in value:
        value = html.unescape(value)
    if "**" in value or "__" in value:
        value = value.replace("**", "").replace("__", "")
    return _WS.sub(" ", value).strip()


def _item_span(doc: Document, f: MetaField, item: str) -> Span:
    """An item of a list value: found inside the field's own value span."""
    if item and f.source == "frontmatter":
        i = doc.source.find(item, f.value_span.start, f.value_span.end)
        if i >= 0:
            return Span(i, i + len(item))
    return f.value_span


def _text_items(f: MetaField) -> list[str]:
    if isinstance(f.value, str):
        return [f.value]
    if isinstance(f.value, list):
        return [v for v in f.value if isinstance(v, str)]
    return []
