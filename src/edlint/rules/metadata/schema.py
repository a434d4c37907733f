"""The house schema language: field types, settings, conditions, and their compiler."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ...validation import bool_problem, did_you_mean, whole_problem

FIELD_TYPES = (
    "string",
    "list",
    "date",
    "datetime",
    "url",
    "path",
    "email",
    "enum",
    "integer",
    "number",
    "boolean",
    "mapping",
    "any",
)
SPEC_KEYS = (
    "type",
    "required",
    "aliases",
    "min_length",
    "max_length",
    "min_items",
    "max_items",
    "pattern",
    "values",
    "ignore_case",
    "when",
    "unless",
    "from_filename",
)
COND_KEYS = ("field", "equals", "in", "matches")
BODY = "body"  # pseudo-field: the article has body text
# Front-matter keys of a link-out post (a teaser that sends readers to another page, which
# carries the byline, the standfirst and the text) or of a redirect stub.
LINK_OUT_FIELDS = ("source_url", "external_url", "externalUrl", "redirect_to", "redirectto", "redirect_url")

DEFAULT_FIELDS: dict[str, Any] = {
    "title": {"type": "string", "required": True, "max_length": 110, "aliases": ["headline"]},
    "author": {
        "type": ["string", "list"],
        "required": True,
        "aliases": ["authors", "byline"],
        "unless": list(LINK_OUT_FIELDS),
    },
    "date": {
        "type": "date",
        "required": True,
        "from_filename": True,
        "aliases": ["publishDate", "published", "pubdate"],
    },
    "description": {
        "type": "string",
        "required": True,
        "min_length": 50,
        "max_length": 160,
        "aliases": ["excerpt", "summary", "standfirst"],
        "unless": list(LINK_OUT_FIELDS),
    },
    "lang": {"type": "string", "pattern": "^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$", "aliases": ["locale"]},
    "body": {"required": True, "unless": list(LINK_OUT_FIELDS)},
}

# Static-site plumbing that metadata-unknown never reports.
DEFAULT_KNOWN = (
    "layout",
    "draft",
    "permalink",
    "slug",
    "weight",
    "url",
    "aliases",
    "redirect_from",
    "type",
    "language",
    "edlint",
    "tags",
    "categories",
    "image",
    "image_alt",
)


class Condition(NamedTuple):
    """A `when:` or `unless:` test of a schema field on another field's value."""

    field: str
    equals: tuple[str, ...] | None = None  # any of these values (as text)
    matches: re.Pattern[str] | None = None


class FieldSpec(NamedTuple):
    """One field of the house metadata schema."""

    name: str
    types: tuple[str, ...] = ("any",)
    required: bool = False
    aliases: tuple[str, ...] = ()
    min_length: int | None = None
    max_length: int | None = None
    min_items: int | None = None
    max_items: int | None = None
    pattern: re.Pattern[str] | None = None
    values: tuple[str, ...] | None = None
    ignore_case: bool = False
    when: tuple[Condition, ...] = ()  # requirement holds only if one of these holds
    unless: tuple[Condition, ...] = ()  # requirement waived if one of these holds
    from_filename: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Schema(NamedTuple):
    """The house metadata schema: its fields, by name and alias."""

    fields: tuple[FieldSpec, ...]
    by_name: dict[str, FieldSpec]  # names and aliases


class SchemaError(Exception):
    def __init__(self, problems: list[tuple[str, str]]) -> None:
        super().__init__(problems[0][0] if problems else "bad schema")
        self.problems = problems  # (message, dotted sub-path such as "fields.slug.pattern")


def compile_schema(fields: Any) -> Schema:
    """Validate and compile a ``fields`` mapping; raise SchemaError with every problem."""
    problems: list[tuple[str, str]] = []
    specs: list[FieldSpec] = []
    if not isinstance(fields, dict):
        raise SchemaError([("'fields' must map field names to their settings", "fields")])
    for name, raw in fields.items():
        where = f"fields.{name}"
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            problems.append(
                (f"field {name!r} must be a mapping of settings such as {{type: string, required: true}}", where)
            )
            continue
        spec = _compile_field(str(name), raw, where, problems)
        if spec is not None:
            specs.append(spec)
    by_name: dict[str, FieldSpec] = {}
    for spec in specs:
        for n in spec.names:
            if n in by_name and by_name[n] is not spec:
                problems.append(
                    (f"name {n!r} is used by fields {by_name[n].name!r} and {spec.name!r}", f"fields.{spec.name}")
                )
            by_name.setdefault(n, spec)
    if problems:
        raise SchemaError(problems)
    return Schema(tuple(specs), by_name)


def _compile_field(name: str, raw: dict, where: str, problems: list[tuple[str, str]]) -> FieldSpec | None:
    n_before = len(problems)

    def bad(message: str, key: str) -> None:
        problems.append((message, f"{where}.{key}"))

    for key in raw:
        if key not in SPEC_KEYS:
            bad(f"unknown setting {key!r} in field {name!r}{did_you_mean(key, SPEC_KEYS)}", str(key))
    kw: dict[str, Any] = {}
    t = raw.get("type", "any")
    types = tuple(t) if isinstance(t, list) else (t,)
    for item in types:
        if item not in FIELD_TYPES:
            bad(
                f"unknown type {item!r} for field {name!r}{did_you_mean(item, FIELD_TYPES)} "
                f"(types: {', '.join(FIELD_TYPES)})",
                "type",
            )
    kw["types"] = tuple(str(x) for x in types) or ("any",)
    for key in ("required", "ignore_case", "from_filename"):
        if key in raw:
            problem = bool_problem(raw[key])
            if problem:
                bad(f"{key!r} of field {name!r} {problem}", key)
            else:
                kw[key] = raw[key]
    for key in ("min_length", "max_length", "min_items", "max_items"):
        if key in raw:
            v = raw[key]
            problem = whole_problem(v, minimum=0)
            if problem:
                bad(f"{key!r} of field {name!r} {problem}", key)
            else:
                kw[key] = v
    for lo, hi in (("min_length", "max_length"), ("min_items", "max_items")):
        if kw.get(lo) is not None and kw.get(hi) is not None and kw[lo] > kw[hi]:
            bad(f"{lo!r} of field {name!r} is larger than {hi!r}", lo)
    if "aliases" in raw:
        a = raw["aliases"]
        a = [a] if isinstance(a, str) else a
        if not isinstance(a, list) or not all(isinstance(x, str) for x in a):
            bad(f"'aliases' of field {name!r} must be a list of field names", "aliases")
        else:
            kw["aliases"] = tuple(a)
    if "pattern" in raw:
        p = raw["pattern"]
        if not isinstance(p, str):
            bad(f"'pattern' of field {name!r} must be a regular expression in quotes", "pattern")
        else:
            try:
                kw["pattern"] = re.compile(p)
            except re.error as exc:
                bad(f"'pattern' of field {name!r} is not a valid regular expression: {exc}", "pattern")
    if "values" in raw:
        v = raw["values"]
        if not isinstance(v, list) or not v or any(isinstance(x, (dict, list)) for x in v):
            bad(f"'values' of field {name!r} must be a list of allowed values", "values")
        else:
            kw["values"] = tuple(str(x) for x in v)
    if "enum" in kw["types"] and "values" not in raw:
        bad(f"field {name!r} has type 'enum' but no 'values'", "type")
    for key in ("when", "unless"):
        if key in raw:
            conds = _compile_conditions(raw[key], f"{where}.{key}", name, key, problems)
            if conds is not None:
                kw[key] = conds
    if name == BODY and kw["types"] != ("any",):
        bad("the 'body' field has no type: it only says whether body text is required", "type")
    if len(problems) > n_before:
        return None
    return FieldSpec(name=name, **kw)


def _compile_conditions(
    raw: Any, where: str, name: str, key: str, problems: list[tuple[str, str]]
) -> tuple[Condition, ...] | None:
    items = raw if isinstance(raw, list) else [raw]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(Condition(item))
            continue
        if not isinstance(item, dict) or not isinstance(item.get("field"), str):
            problems.append(
                (f"{key!r} of field {name!r} must be a field name or {{field: NAME, equals: VALUE}}", where)
            )
            return None
        for k in item:
            if k not in COND_KEYS:
                problems.append((f"unknown condition key {k!r}{did_you_mean(k, COND_KEYS)}", f"{where}.{k}"))
                return None
        equals = None
        if "equals" in item:
            equals = (str(item["equals"]),)
        if "in" in item:
            if not isinstance(item["in"], list):
                problems.append(("condition 'in' must be a list of values", f"{where}.in"))
                return None
            equals = tuple(str(x) for x in item["in"])
        matches = None
        if "matches" in item:
            try:
                matches = re.compile(str(item["matches"]))
            except re.error as exc:
                problems.append((f"condition 'matches' is not a valid regular expression: {exc}", f"{where}.matches"))
                return None
        out.append(Condition(item["field"], equals, matches))
    return tuple(out)
