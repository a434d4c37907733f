"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver`` lists every rule that was checked (id, summary, the rule's docs as
help, default level); each result points at its file relative to the repository root
(``uriBaseId: %SRCROOT%``) with a 1-based region whose columns count code points, and
carries ``partialFingerprints`` built from the same key as baselines (rule + path + the
engine's block-text fingerprint), so alerts follow a finding when lines move.

Context keys used (all optional): ``registry`` (rule metadata), ``rules_by_file`` (path ->
rule ids checked), ``root`` (the folder URIs are relative to; default: the git work tree,
else the current folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any
from urllib.parse import quote

from .. import __version__
from . import export_item

INFORMATION_URI = "https://example.invalid/edlint"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "edlintFingerprint/v1"
SRCROOT = "%SRCROOT%"

LEVELS = {"error": "error", "warning": "warning", "info": "note"}
# GitHub shows this property as the alert's severity for non-security tools.
_PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}

_SECTION = re.compile(r"^## +(.+?)\s*$", re.M)


def doc_section(doc: str, title: str) -> str:
    """The text under ``## title`` in a rule's docs (empty when missing)."""
    matches = list(_SECTION.finditer(doc or ""))
    for i, m in enumerate(matches):
        if m.group(1).strip().lower() == title.lower():
            end = matches[i + 1].start() if i + 1 < len(matches) else len(doc)
            return doc[m.end() : end].strip()
    return ""


def _first_paragraph(text: str) -> str:
    para = text.strip().split("\n\n", 1)[0]
    return " ".join(para.split())


def project_root(context: dict[str, Any]) -> str:
    root = context.get("root")
    if root:
        return os.path.realpath(root)
    try:
        from ..changed import GitError, repo_root

        return repo_root(os.getcwd())
    except GitError:
        return os.path.realpath(os.getcwd())


def artifact_location(path: str, root: str) -> dict[str, str]:
    real = os.path.realpath(path) if os.path.exists(path) else os.path.abspath(path)
    rel = os.path.relpath(real, root) if real == root or real.startswith(root.rstrip(os.sep) + os.sep) else None
    if rel is None:
        return {"uri": "file://" + quote(real.replace(os.sep, "/"), safe="/")}
    return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def fingerprint(finding: Any, uri: str) -> str:
    key = f"{finding.rule}\0{uri}\0{finding.fingerprint}"
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _rule_ids(result: Any, context: dict[str, Any]) -> list[str]:
    ids: set[str] = set()
    for rules in (context.get("rules_by_file") or {}).values():
        ids.update(rules)
    ids.update(f.rule for f in result.findings)
    return sorted(ids)


def rule_descriptor(rule_id: str, registry: Any) -> dict[str, Any]:
    rule = registry.get(rule_id) if registry is not None else None
    if rule is None:
        return {"id": rule_id, "name": rule_id, "shortDescription": {"text": rule_id}}
    doc = rule.doc or ""
    what = _first_paragraph(doc_section(doc, "What it does")) or rule.summary
    sev = str(rule.severity)
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.id.split("-")),
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "help": {"text": doc or rule.summary, "markdown": doc or rule.summary},
        "defaultConfiguration": {"level": LEVELS.get(sev, "warning")},
        "properties": {
            "tags": ["editorial", rule.family],
            "problem.severity": _PROBLEM_SEVERITY.get(sev, "warning"),
        },
    }


def _region(f: Any) -> dict[str, int]:
    line = max(1, f.line or 1)
    column = max(1, f.column or 1)
    end_line = max(line, f.end_line or line)
    end_column = max(1, f.end_column or column)
    if end_line == line and end_column < column:
        end_column = column
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _fixes(f: Any, location: dict[str, str]) -> list[dict[str, Any]]:
    fix = f.fix
    if fix is None or not fix.edits:
        return []
    label = fix.title if fix.applicability.value == "safe" else f"{fix.title} ({fix.applicability.value})"
    return [
        {
            "description": {"text": label},
            "artifactChanges": [
                {
                    "artifactLocation": dict(location),
                    "replacements": [
                        {
                            # Offsets in code points of the decoded text (BOM removed).
                            "deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                            "insertedContent": {"text": e.replacement},
                        }
                        for e in fix.edits
                    ],
                }
            ],
        }
    ]


def build(result: Any, context: dict[str, Any]) -> dict[str, Any]:
    registry = context.get("registry")
    root = project_root(context)
    rule_ids = _rule_ids(result, context)
    index = {rid: i for i, rid in enumerate(rule_ids)}
    results = []
    for f in result.findings:
        file, item = export_item(f.path)
        location = artifact_location(file, root)
        where: dict[str, Any] = {"physicalLocation": {"artifactLocation": location, "region": _region(f)}}
        if item:
            # A post of a CMS export: the file is the artifact (its lines are the export's),
            # the post is a logical location inside it.
            kind = "element" if file.lower().endswith(".xml") else "object"
            where["logicalLocations"] = [{"name": item, "fullyQualifiedName": f.path, "kind": kind}]
        sarif_result: dict[str, Any] = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS.get(str(f.severity), "warning"),
            "message": {"text": f.message},
            "locations": [where],
            "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f, location["uri"] + ("#" + item if item else ""))},
        }
        fixes = _fixes(f, location)
        if fixes:
            sarif_result["fixes"] = fixes
        results.append(sarif_result)
    invocation: dict[str, Any] = {"executionSuccessful": not getattr(result, "internal_error", False)}
    messages = list(getattr(result, "messages", []) or [])
    if messages:
        invocation["toolExecutionNotifications"] = [{"level": "warning", "message": {"text": m}} for m in messages]
    root_uri = "file://" + quote(root.replace(os.sep, "/").rstrip("/") + "/", safe="/")
    run = {
        "tool": {
            "driver": {
                "name": "edlint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [rule_descriptor(rid, registry) for rid in rule_ids],
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": root_uri}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def render(result: Any, context: dict[str, Any]) -> str:
    return json.dumps(build(result, context), ensure_ascii=False, indent=2) + "\n"
