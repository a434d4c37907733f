"""The OpenAPI 3.1 document of the API, from the same field tables the validator uses."""

from __future__ import annotations

from typing import Any

from .schema import CHECK_FIELDS, FIX_FIELDS, Field


def _field_schema(f: Field) -> dict[str, Any]:
    if f.kind == "string":
        out: dict[str, Any] = {"type": "string"}
        if f.enum:
            out["enum"] = list(f.enum)
    elif f.kind == "boolean":
        out = {"type": "boolean"}
    elif f.kind == "string-list":
        out = {"type": "array", "items": {"type": "string"}}
    else:
        out = {"type": ["array", "null"], "items": {"type": "string"}}
    out["description"] = f.description
    return out


def _body(fields: tuple[Field, ...]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
        "properties": {f.name: _field_schema(f) for f in fields},
    }


_EDIT = {
    "type": "object",
    "required": ["start", "end", "replacement"],
    "properties": {
        "start": {"type": "integer", "description": "Code-point offset into `text`."},
        "end": {"type": "integer"},
        "replacement": {"type": "string"},
    },
}
_FINDING = {
    "type": "object",
    "description": "One finding, as `edlint check --format json` writes it, plus `id` and `family`.",
    "required": ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "id", "family"],
    "properties": {
        "id": {"type": "string", "description": "Names this finding of this text (for /v1/fix)."},
        "family": {"type": "string"},
        "path": {"type": "string"},
        "line": {"type": "integer", "description": "1-based; columns count code points."},
        "column": {"type": "integer"},
        "end_line": {"type": "integer"},
        "end_column": {"type": "integer"},
        "rule": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "message": {"type": "string"},
        "fix": {
            "type": "object",
            "required": ["title", "applicability", "edits"],
            "properties": {
                "title": {"type": "string"},
                "applicability": {"type": "string", "enum": ["safe", "unsafe", "suggestion"]},
                "edits": {"type": "array", "items": {"$ref": "#/components/schemas/Edit"}},
            },
        },
        "data": {"type": "object"},
    },
}
_REPORT = {
    "type": "object",
    "required": ["version", "findings", "errors", "summary"],
    "properties": {
        "version": {"type": "string"},
        "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
        "errors": {"type": "array", "items": {"type": "object"}},
        "summary": {"type": "object"},
        "rendered": {
            "type": "object",
            "description": "With `render: true`: sanitised HTML, findings in "
            '`<mark data-f="i j">` (indices into `findings`), and the indices not shown in the text.',
            "properties": {"html": {"type": "string"}, "unplaced": {"type": "array", "items": {"type": "integer"}}},
        },
    },
}
_FIXED = {
    "allOf": [
        {"$ref": "#/components/schemas/Report"},
        {
            "type": "object",
            "required": ["text", "changed", "applied"],
            "properties": {
                "text": {"type": "string", "description": "The fixed text; `findings` are about it."},
                "changed": {"type": "boolean"},
                "applied": {"type": "integer"},
                "applied_ids": {"type": "array", "items": {"type": "string"}},
                "skipped": {
                    "type": "array",
                    "items": {"type": "object", "properties": {"id": {"type": "string"}, "reason": {"type": "string"}}},
                },
                "notes": {"type": "array", "items": {"type": "string"}},
            },
        },
    ]
}
_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["status", "code", "message"],
            "properties": {
                "status": {"type": "integer"},
                "code": {"type": "string"},
                "message": {"type": "string"},
                "field": {"type": "string", "description": "The request field at fault (422)."},
            },
        }
    },
}


def _errors(*statuses: int) -> dict[str, Any]:
    why = {
        401: "Missing or wrong bearer token.",
        404: "Not found.",
        413: "Request body over the size limit.",
        422: "Malformed JSON, unknown field or bad value; `error.field` names it.",
        503: "Over the time limit, or too many requests waiting.",
    }
    ref = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {str(s): {"description": why[s], "content": ref} for s in statuses}


def _ok(schema: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def openapi_document() -> dict[str, Any]:
    from .. import __version__

    secured = [{"bearer": []}]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "edlint serve",
            "version": __version__,
            "description": "Check news drafts against the house style and the site's archive.",
        },
        "paths": {
            "/v1/check": {
                "post": {
                    "operationId": "check",
                    "summary": "Check a draft",
                    "security": secured,
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}}},
                    },
                    "responses": {"200": _ok("Report", "The findings."), **_errors(401, 413, 422, 503)},
                }
            },
            "/v1/fix": {
                "post": {
                    "operationId": "fix",
                    "summary": "Apply fixes to a draft",
                    "security": secured,
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/FixRequest"}}},
                    },
                    "responses": {
                        "200": _ok("Fixed", "The fixed text and its findings."),
                        **_errors(401, 413, 422, 503),
                    },
                }
            },
            "/v1/rules": {
                "get": {
                    "operationId": "listRules",
                    "summary": "Every rule, with whether the site's config enables it",
                    "security": secured,
                    "responses": {
                        "200": {
                            "description": "The rules.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}}
                                        },
                                    }
                                }
                            },
                        },
                        **_errors(401, 503),
                    },
                }
            },
            "/v1/rules/{rule_id}": {
                "get": {
                    "operationId": "getRule",
                    "summary": "One rule's documentation (as `edlint explain`)",
                    "security": secured,
                    "parameters": [{"name": "rule_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                    "responses": {"200": _ok("Rule", "The rule."), **_errors(401, 404, 503)},
                }
            },
            "/v1/open": {
                "get": {
                    "operationId": "openArticle",
                    "summary": "An article of the site, by its path or URL path",
                    "security": secured,
                    "parameters": [{"name": "path", "in": "query", "required": True, "schema": {"type": "string"}}],
                    "responses": {
                        "200": {
                            "description": "The article's text.",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "properties": {
                                            "path": {"type": "string"},
                                            "format": {"type": "string"},
                                            "text": {"type": "string"},
                                        },
                                    }
                                }
                            },
                        },
                        **_errors(401, 404, 422, 503),
                    },
                }
            },
            "/healthz": {
                "get": {
                    "operationId": "health",
                    "summary": "Liveness, config generation, facts known",
                    "responses": {
                        "200": {
                            "description": "Alive.",
                            "content": {"application/json": {"schema": {"type": "object"}}},
                        }
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "CheckRequest": _body(CHECK_FIELDS),
                "FixRequest": _body(FIX_FIELDS),
                "Edit": _EDIT,
                "Finding": _FINDING,
                "Report": _REPORT,
                "Fixed": _FIXED,
                "Error": _ERROR,
                "Rule": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "family": {"type": "string"},
                        "summary": {"type": "string"},
                        "severity": {"type": "string"},
                        "status": {"type": "string"},
                        "fix": {"type": "string", "enum": ["never", "sometimes", "always"]},
                        "enabled": {"type": "boolean"},
                        "doc": {"type": "string"},
                        "explanation": {"type": "string"},
                        "options": {"type": "object"},
                    },
                },
            },
        },
    }
