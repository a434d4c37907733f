"""JUnit XML for GitLab test reports, Jenkins and other CI dashboards.

One ``testsuite`` per file, one ``testcase`` per rule checked on it (``classname`` is the
file, ``name`` the rule id). A rule's findings at or above the failing severity
(``--fail-on``, default warning) make its testcase a ``failure``; file-error and
internal-error are ``error``s; findings below the threshold are listed in the testcase's
``system-out`` and do not fail it, so the report agrees with the exit code.

Context keys used (all optional): ``files`` (paths linted, in order), ``rules_by_file``
(path -> rule ids checked), ``fail_on`` (severity name).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

_ERRORS = ("file-error", "internal-error")
_RANK = {"info": 1, "warning": 2, "error": 3}
# Characters XML 1.0 cannot carry at all (article text may hold them).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: str) -> str:
    """One line, controls and bidi overrides written out (printable), valid XML."""
    from . import printable

    return _NOT_XML.sub("\ufffd", printable(text))


def _line(f: Any) -> str:
    return _clean(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")


def build(result: Any, context: dict[str, Any]) -> ET.Element:
    threshold = _RANK.get(str(context.get("fail_on") or "warning"), 2)
    files: list[str] = list(context.get("files") or [])
    rules_by_file: dict[str, Any] = context.get("rules_by_file") or {}
    by_file: dict[str, dict[str, list[Any]]] = {}
    for f in result.findings:
        by_file.setdefault(f.path, {}).setdefault(f.rule, []).append(f)
        if f.path not in files:
            files.append(f.path)

    root = ET.Element("testsuites", name="edlint")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for path in files:
        findings = by_file.get(path, {})
        rule_ids = list(dict.fromkeys([*rules_by_file.get(path, ()), *sorted(findings)]))
        suite = ET.SubElement(root, "testsuite", name=_clean(path))
        counts = {"tests": 0, "failures": 0, "errors": 0}
        for rule_id in rule_ids:
            case = ET.SubElement(
                suite, "testcase", name=_clean(rule_id), classname=_clean(path), file=_clean(path), time="0"
            )
            counts["tests"] += 1
            found = findings.get(rule_id, [])
            failing = [f for f in found if rule_id in _ERRORS or _RANK.get(str(f.severity), 2) >= threshold]
            failing_ids = {id(f) for f in failing}
            passing = [f for f in found if id(f) not in failing_ids]
            if failing:
                kind = "error" if rule_id in _ERRORS else "failure"
                counts["errors" if kind == "error" else "failures"] += 1
                first = failing[0]
                message = first.message if len(failing) == 1 else f"{len(failing)} findings; first: {first.message}"
                el = ET.SubElement(case, kind, message=_clean(message), type=str(max(f.severity for f in failing)))
                el.text = "\n".join(_line(f) for f in failing) + "\n"
            if passing:
                out = ET.SubElement(case, "system-out")
                out.text = "\n".join(_line(f) for f in passing) + "\n"
        for k, v in counts.items():
            suite.set(k, str(v))
            totals[k] += v
        suite.set("skipped", "0")
        suite.set("time", "0")
    for k, v in totals.items():
        root.set(k, str(v))
    root.set("time", "0")
    return root


def render(result: Any, context: dict[str, Any]) -> str:
    root = build(result, context)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
