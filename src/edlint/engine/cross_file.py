"""Cross-file rules: combine the facts each file produced, after all files are linted.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
"""

from __future__ import annotations

from typing import Any

from ..policy import apply_suppressions
from ..results import Diagnostic, FileResult
from .lint import _diagnostic, _digest


class CrossFile:
    """The cross-file pass of a run."""

    def _cross_file(self, results: list[FileResult]) -> list[Diagnostic]:
        by_rule: dict[str, list[tuple[str, Any]]] = {}
        rules: dict[str, Any] = {}
        for r in results:
            if r.settings is None:
                continue
            for rule in r.settings.rules:
                if rule.combine is not None and rule.id in r.facts:
                    by_rule.setdefault(rule.id, []).append((r.path, r.facts[rule.id]))
                    rules.setdefault(rule.id, (rule, r.settings.options.get(rule.id)))
        if not by_rule:
            return []
        index = {r.path: r for r in results}
        out: list[Diagnostic] = []
        for rule_id, facts in by_rule.items():
            rule, opts = rules[rule_id]
            try:
                produced = list(rule.combine(facts, opts))
            except Exception as exc:  # noqa: BLE001
                self.messages.append(f"cross-file rule {rule_id!r} failed: {type(exc).__name__}: {exc}")
                continue
            for path, f in produced:
                fr = index.get(path)
                if fr is None or fr.settings is None or fr.lines is None:
                    continue
                kept = apply_suppressions(
                    [(rule_id, f)], fr.suppressions, fr.lines.line_of, fr.settings, {rule_id: rule.family}
                )
                for kept_id, k in kept:
                    fp = _digest(f"{kept_id}\0{k.message}")
                    out.append(_diagnostic(kept_id, k, path, fr.lines, fr.settings, fp))
        return out
