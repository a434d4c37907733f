"""The ``metadata:`` config section and the schema compiled from it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ..base import section
from .schema import DEFAULT_FIELDS, DEFAULT_KNOWN, Schema, SchemaError, compile_schema


def _default_fields() -> dict[str, Any]:
    return {
        k: {kk: (list(vv) if isinstance(vv, list) else vv) for kk, vv in v.items()} for k, v in DEFAULT_FIELDS.items()
    }


@dataclass(frozen=True)
class MetadataOptions:
    """Options of the metadata family (config section `metadata:`)."""

    # The house schema: field name -> {type, required, aliases, min_length, max_length,
    # min_items, max_items, pattern, values, ignore_case, when, unless, from_filename}.
    fields: dict[str, Any] = field(default_factory=_default_fields)
    # Formats whose metadata is checked (plain text has none).
    apply_to: tuple[Literal["md", "html", "txt"], ...] = ("md", "html")
    # Front-matter keys metadata-unknown never reports (besides the schema's names).
    known_fields: tuple[str, ...] = DEFAULT_KNOWN
    # How alike (0-1) the title and the H1 must be to count as the same headline.
    title_similarity: float = 0.9
    # JSON-LD article properties search engines need.
    jsonld_required: tuple[str, ...] = ("headline", "image", "datePublished", "author")

    @classmethod
    def validate_config(cls, values: dict[str, Any]) -> list[tuple[str, str]]:
        """Problems in the nested schema, as (message, dotted key path) for the config loader."""
        problems: list[tuple[str, str]] = []
        if "fields" in values:
            try:
                compile_schema(values["fields"])
            except SchemaError as exc:
                problems.extend(exc.problems)
        sim = values.get("title_similarity")
        if isinstance(sim, (int, float)) and not isinstance(sim, bool) and not 0 <= sim <= 1:
            problems.append((f"'title_similarity' must be between 0 and 1 (got {sim!r})", "title_similarity"))
        return problems


SECTION = section("metadata", MetadataOptions, "Metadata: the house schema for front matter and HTML metadata")


def schema_of(opts: MetadataOptions) -> Schema:
    """The compiled schema, cached on the options instance (compiled once per settings)."""
    cached = opts.__dict__.get("_schema")
    if cached is None:
        cached = compile_schema(opts.fields)
        object.__setattr__(opts, "_schema", cached)
    return cached
