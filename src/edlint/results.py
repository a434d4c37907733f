"""What a run produces: per-file results and the run's result, shared by the engine and by
warm runs replayed from the cache (which must not import the engine's parsers and rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import LineIndex, Suppression
from .fileio import printable_path
from .policy import FILE_ERROR, INTERNAL_ERROR, FileSettings
from .rules.base import Finding


@dataclass
class FileResult:
    """One file's findings, plus what cross-file rules need after its Document is gone."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, Any] = field(default_factory=dict)  # cross-file rule id -> facts
    lines: LineIndex | None = None
    suppressions: list[Suppression] = field(default_factory=list)
    settings: FileSettings | None = None
    internal_error: bool = False
    messages: list[str] = field(default_factory=list)  # from site services (e.g. a server down)


@dataclass
class RunResult:
    """The findings of a whole run, in report order."""

    findings: list[Finding]
    files: int
    internal_error: bool = False
    messages: list[str] = field(default_factory=list)  # run-level notes (plugins, servers)

    @property
    def errors(self) -> list[dict[str, str]]:
        return [
            {"path": f.path, "message": f.message}
            for f in self.findings
            if f.rule in (FILE_ERROR, INTERNAL_ERROR)
        ]


def finalize_findings(findings: list[Finding]) -> list[Finding]:
    """The run's findings as reported: paths made printable, in (path, line, column) order."""
    shown: dict[str, str] = {}  # paths repeat: check each once
    for f in findings:
        path = shown.get(f.path)
        if path is None:
            # Surrogates (undecodable bytes in a file name) are not printable either.
            path = shown[f.path] = f.path if f.path.isprintable() else printable_path(f.path)
        f.path = path
    findings.sort(key=Finding.sort_key)
    return findings
