"""Baselines: adopt edlint on an archive that already has thousands of findings.

``edlint baseline write FILE`` records the current findings; ``edlint check --baseline FILE``
then reports only findings that are not in it. An entry is keyed by rule + path + the
finding's fingerprint (rule, the enclosing block's normalised text, the text at fault and an
occurrence index: see ``engine.lint._fingerprints``), never by line number, so inserting or
editing text elsewhere in the article does not bring old findings back. The key is the same
as SARIF's ``partialFingerprints``.

Paths are stored relative to the baseline file's folder (with ``/``), so the baseline works
whatever folder edlint is run from.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .policy import INTERNAL_ERROR
from .results import Diagnostic

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read."""


Key = tuple[str, str, str]  # (rule, path, fingerprint)


def _rel(path: str, base_dir: str) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir)
    except ValueError:  # another drive on Windows
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def key(finding: Diagnostic, base_dir: str) -> Key:
    return (finding.rule, _rel(finding.path, base_dir), finding.fingerprint)


def _base_dir(baseline_path: str) -> str:
    return os.path.dirname(os.path.abspath(baseline_path))


def entries(findings: Iterable[Diagnostic], baseline_path: str) -> list[dict[str, Any]]:
    base = _base_dir(baseline_path)
    out = []
    for f in findings:
        if f.rule == INTERNAL_ERROR:
            continue  # a crash is a bug to fix, never something to accept
        rule, path, fp = key(f, base)
        # line and message are for people reading the file; matching ignores them.
        out.append({"rule": rule, "path": path, "fingerprint": fp, "line": f.line, "message": f.message})
    out.sort(key=lambda e: (e["path"], e["line"], e["rule"], e["fingerprint"]))
    return out


def dumps(items: list[dict[str, Any]]) -> str:
    from . import __version__

    payload = {"edlint_baseline": FORMAT_VERSION, "edlint_version": __version__, "findings": items}
    return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"


def write(findings: Iterable[Diagnostic], baseline_path: str) -> int:
    """Write the baseline file (atomically); returns the number of entries."""
    items = entries(findings, baseline_path)
    data = dumps(items).encode("utf-8")
    from .fileio import write_atomic

    # New or replaced, never through a symlink (a dangling one would create its target).
    write_atomic(baseline_path, data)
    return len(items)


MAX_BASELINE_SIZE = 256 * 1024 * 1024  # a million findings is about 150 MB


@dataclass
class Baseline:
    """Findings recorded as known (their fingerprints), read from a baseline file."""

    path: str
    keys: Counter[Key]

    @classmethod
    def load(cls, path: str) -> Baseline:
        from .reading import read_file

        # Bounded, a regular file, inside the tree (reading.py): a baseline replaced by a
        # link to /dev/zero or to a file outside the tree is refused, not read.
        got = read_file(path, MAX_BASELINE_SIZE)
        if got.problem == "File not found":
            raise BaselineError(f"no baseline file {path!r} (create it with `edlint baseline write {path}`)")
        if got.data is None:
            raise BaselineError(f"cannot read baseline {path!r}: {got.skipped or got.problem}")
        try:
            data = json.loads(got.data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"cannot read baseline {path!r}: {exc}") from exc
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise BaselineError(f"{path!r} is not an edlint baseline (no 'findings' list)")
        version = data.get("edlint_baseline")
        if version != FORMAT_VERSION:
            raise BaselineError(f"{path!r}: baseline format {version!r} is not supported (expected {FORMAT_VERSION})")
        keys: Counter[Key] = Counter()
        for i, e in enumerate(data["findings"]):
            try:
                keys[(str(e["rule"]), str(e["path"]), str(e["fingerprint"]))] += 1
            except (KeyError, TypeError):
                raise BaselineError(f"{path!r}: entry {i} lacks rule, path or fingerprint") from None
        return cls(path, keys)

    def filter(self, findings: Iterable[Diagnostic], linted: Iterable[str] | None = None) -> Filtered:
        """Split findings into new ones and ones the baseline already records.

        ``linted``: the files of this run; entries for other files are not counted as stale.
        """
        base = _base_dir(self.path)
        left = Counter(self.keys)
        new: list[Diagnostic] = []
        known = 0
        for f in findings:
            k = key(f, base)
            if f.rule != INTERNAL_ERROR and left[k] > 0:
                left[k] -= 1
                known += 1
            else:
                new.append(f)
        if linted is not None:
            paths = {_rel(p, base) for p in linted}
            stale = sum(n for k, n in left.items() if k[1] in paths)
        else:
            stale = sum(left.values())
        return Filtered(new, known, stale)


@dataclass
class Filtered:
    """What applying a baseline left: new findings, and counts of known and stale ones."""

    findings: list[Diagnostic]  # not in the baseline: reported
    known: int  # in the baseline: hidden
    stale: int  # baseline entries no finding matched (fixed since, or file not linted)

    def note(self, path: str) -> str:
        parts = [f"{self.known} known finding{'' if self.known == 1 else 's'} hidden by baseline {path}"]
        if self.stale:
            parts.append(
                f"{self.stale} baseline entr{'y' if self.stale == 1 else 'ies'} no longer match "
                f"(refresh with `edlint baseline write {path}`)"
            )
        return "; ".join(parts)


def apply(result: Any, baseline_path: str, linted: Iterable[str] | None = None) -> tuple[Any, Filtered]:
    """A RunResult with only the findings that are not in the baseline."""
    from dataclasses import replace

    filtered = Baseline.load(baseline_path).filter(result.findings, linted)
    return replace(result, findings=filtered.findings), filtered
