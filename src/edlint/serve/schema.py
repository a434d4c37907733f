"""The request bodies the API accepts, described once: the validator below and the OpenAPI
document (openapi.py) are both made from ``CHECK_FIELDS`` / ``FIX_FIELDS``, so they cannot
disagree. Anything malformed is a RequestError naming the field (422)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..parsers import FORMATS as SUFFIX_FORMATS

FORMATS = ("markdown", "html", "text")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")
_SUFFIX_FORMAT = SUFFIX_FORMATS  # one list of file kinds for every path (parsers.FORMATS)
MAX_LIST = 200  # select/ignore/fixes entries


class RequestError(Exception):
    """A request the API cannot take: 422 with the offending field named."""

    def __init__(self, field: str | None, message: str, code: str = "invalid_field") -> None:
        super().__init__(message)
        self.field, self.message, self.code = field, message, code

    def __reduce__(self):  # raised in a worker process, re-raised in the server
        return (RequestError, (self.field, self.message, self.code))


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # string | boolean | string-list | string-list-or-null
    description: str
    required: bool = False
    enum: tuple[str, ...] = ()


CHECK_FIELDS = (
    Field("text", "string", "The draft, as the CMS holds it (front matter included for Markdown).", required=True),
    Field("format", "string", "markdown, html or text; default: from `path`'s extension, else markdown.", enum=FORMATS),
    Field(
        "path",
        "string",
        "Where the draft lives (or will) in the site, e.g. `content/news/2025-11-20-flood.md`: "
        "file-name dates, `overrides` and cross-file facts use it. Relative; never read.",
    ),
    Field("language", "string", "The draft's language tag (en-GB, en-US ...), as its front matter would declare it."),
    Field("select", "string-list", "Only these rules or families (within what the site's config enables)."),
    Field("ignore", "string-list", "Not these rules or families."),
    Field("render", "boolean", "Also return the draft rendered as sanitised HTML with findings marked (`rendered`)."),
)
FIX_FIELDS = (
    *CHECK_FIELDS,
    Field(
        "fixes",
        "string-list-or-null",
        "Ids of the findings (from /v1/check) whose fixes to apply, whatever their applicability; "
        "omitted or null: every safe fix, as `edlint check --fix`.",
    ),
    Field("unsafe", "boolean", "With `fixes` omitted: apply unsafe fixes too (`--unsafe-fixes`)."),
)


@dataclass(frozen=True)
class Draft:
    text: str
    format: str
    path: str | None = None
    language: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()


def _check_type(f: Field, value: Any) -> None:
    if f.kind == "string" and not isinstance(value, str):
        raise RequestError(f.name, f"must be a string, not {_json_type(value)}")
    for i, text in enumerate(value if isinstance(value, list) else [value]):
        if isinstance(text, str) and not _encodable(text):
            # JSON allows "\ud800"; no text (and no UTF-8 answer) can hold it.
            name = f"{f.name}[{i}]" if isinstance(value, list) else f.name
            raise RequestError(name, "contains a lone UTF-16 surrogate (\\ud800-\\udfff): not valid Unicode text")
    if f.kind == "boolean" and not isinstance(value, bool):
        raise RequestError(f.name, f"must be true or false, not {_json_type(value)}")
    if f.kind.startswith("string-list"):
        if value is None and f.kind.endswith("or-null"):
            return
        if not isinstance(value, list):
            raise RequestError(f.name, f"must be a list of strings, not {_json_type(value)}")
        if len(value) > MAX_LIST:
            raise RequestError(f.name, f"at most {MAX_LIST} entries")
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise RequestError(f"{f.name}[{i}]", f"must be a string, not {_json_type(item)}")
    if f.enum and value not in f.enum:
        raise RequestError(f.name, f"must be one of {', '.join(f.enum)}, not {value!r}")


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def parse_fields(body: Any, fields: tuple[Field, ...]) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise RequestError(None, f"the request body must be a JSON object, not {_json_type(body)}")
    known = {f.name: f for f in fields}
    for name in body:
        if name not in known:
            from ..config import _did_you_mean

            raise RequestError(name, f"unknown field {name!r}{_did_you_mean(name, known)}", code="unknown_field")
    for f in fields:
        if f.name not in body:
            if f.required:
                raise RequestError(f.name, "is required", code="missing_field")
            continue
        _check_type(f, body[f.name])
    return body


def parse_draft(body: dict[str, Any]) -> Draft:
    path = body.get("path")
    if path is not None and (not path.strip() or len(path) > 1024 or "\x00" in path):
        raise RequestError("path", "must be a non-empty path of at most 1024 characters")
    from_path = None
    if path is not None:
        dot = path.rfind(".")
        from_path = _SUFFIX_FORMAT.get(path[dot:].lower()) if dot > path.rfind("/") else None
    fmt = body.get("format")
    if fmt is not None and from_path is not None and fmt != from_path:
        raise RequestError("format", f"{fmt!r} does not match the path's extension ({from_path})")
    if path is not None and from_path is None:
        # A CMS slug without an extension: lint it as the format it is.
        path = path.rstrip("/") + {"markdown": ".md", "html": ".html", "text": ".txt"}[fmt or "markdown"]
    language = body.get("language")
    if language is not None and not _LANGUAGE.match(language):
        raise RequestError("language", f"not a language tag such as en-GB: {language!r}")
    select = body.get("select")
    return Draft(
        text=body["text"],
        format=fmt or from_path or "markdown",
        path=path,
        language=language,
        select=tuple(select) if select is not None else None,
        ignore=tuple(body.get("ignore") or ()),
    )
