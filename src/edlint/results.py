"""What a run produces: per-file results and the run's result, shared by the engine and by
warm runs replayed from the cache (which must not import the engine's parsers and rules)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .document import LineIndex, Span, Suppression
from .fileio import printable_path
from .policy import FILE_ERROR, INTERNAL_ERROR, FileSettings
from .rules.base import Fix, Severity


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    """One reported finding: what reporters, baselines, the cache and fixes consume.

    Built by the engine from a rule's :class:`~edlint.rules.base.Finding` once policy has
    kept it and decided its severity; never changed after (``dataclasses.replace`` makes a
    new one). Line and column are 1-based; ``span`` keeps the 0-based source offsets.
    """

    path: str
    rule: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    span: Span
    fix: Fix | None = None
    data: dict[str, Any] | None = None  # extra JSON fields (e.g. a LanguageTool rule id)
    fingerprint: str = ""

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule, self.message)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": str(self.severity),
            "message": self.message,
        }
        if self.fix is not None:
            out["fix"] = {
                "title": self.fix.title,
                "applicability": self.fix.applicability.value,
                "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits],
            }
        if self.data:
            out["data"] = self.data
        return out


# The note for a file with nothing in it (said on stderr, not a finding).
EMPTY_FILE_NOTE = "skipped: empty file"


@dataclass
class FileResult:
    """One file's findings, plus what cross-file rules need after its Document is gone."""

    path: str
    findings: list[Diagnostic] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # cross-file rule id -> facts
    lines: LineIndex | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    settings: FileSettings | None = None
    internal_error: bool = False
    messages: list[str] = field(default_factory=list)  # from site services (e.g. a server down)


@dataclass
class RunResult:
    """The findings of a whole run, in report order."""

    findings: list[Diagnostic]
    files: int
    internal_error: bool = False
    messages: list[str] = field(default_factory=list)  # run-level notes (plugins, servers)

    @property
    def errors(self) -> list[dict[str, str]]:
        return [{"path": f.path, "message": f.message} for f in self.findings if f.rule in (FILE_ERROR, INTERNAL_ERROR)]


def finalize_findings(findings: list[Diagnostic]) -> list[Diagnostic]:
    """The run's findings as reported: paths made printable, in (path, line, column) order."""
    shown: dict[str, str] = {}  # paths repeat: check each once
    for i, f in enumerate(findings):
        path = shown.get(f.path)
        if path is None:
            # Surrogates (undecodable bytes in a file name) are not printable either.
            path = shown[f.path] = f.path if f.path.isprintable() else printable_path(f.path)
        if path != f.path:
            findings[i] = replace(f, path=path)
    findings.sort(key=Diagnostic.sort_key)
    return findings
