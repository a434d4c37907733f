"""Cross-file rules: combine the facts each file produced, after all files are linted.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
The three steps are functions of their own (gather the facts, combine them, locate what the
rules produced in its file) so that a distributed run (edlint.dask) can do each where the
data is: facts gathered per batch, combined once, located beside each batch's results.
"""

from __future__ import annotations

from typing import Any

from ..policy import apply_suppressions
from ..results import Diagnostic, FileResult
from ..rules.base import Finding
from .lint import _diagnostic, _digest

# (rule id, rule family, path, what the rule produced)
Produced = tuple[str, str, str, Finding]


class CrossFile:
    """The cross-file pass of a run."""

    def _cross_file(self, results: list[FileResult]) -> list[Diagnostic]:
        by_rule, rules = facts_by_rule(results)
        if not by_rule:
            return []
        produced = combine_facts(by_rule, rules, self.messages)
        return locate_produced(produced, {r.path: r for r in results})


def facts_by_rule(results: list[FileResult]) -> tuple[dict[str, list[tuple[str, Any]]], dict[str, tuple[Any, Any]]]:
    """Rule id -> [(path, facts)] in file order, and rule id -> (rule, its options)."""
    by_rule: dict[str, list[tuple[str, Any]]] = {}
    rules: dict[str, Any] = {}
    for r in results:
        if r.settings is None:
            continue
        for rule in r.settings.rules:
            if rule.combine is not None and rule.id in r.facts:
                by_rule.setdefault(rule.id, []).append((r.path, r.facts[rule.id]))
                rules.setdefault(rule.id, (rule, r.settings.options.get(rule.id)))
    return by_rule, rules


def combine_facts(
    by_rule: dict[str, list[tuple[str, Any]]], rules: dict[str, tuple[Any, Any]], messages: list[str]
) -> list[Produced]:
    out: list[Produced] = []
    for rule_id, facts in by_rule.items():
        rule, opts = rules[rule_id]
        try:
            produced = list(rule.combine(facts, opts))
        except Exception as exc:  # noqa: BLE001
            messages.append(f"cross-file rule {rule_id!r} failed: {type(exc).__name__}: {exc}")
            continue
        out.extend((rule_id, rule.family, path, f) for path, f in produced)
    return out


def locate_produced(produced: list[Produced], index: dict[str, FileResult]) -> list[Diagnostic]:
    """The findings of cross-file rules, suppressed and located as in their files."""
    out: list[Diagnostic] = []
    for rule_id, family, path, f in produced:
        fr = index.get(path)
        if fr is None or fr.settings is None or fr.lines is None:
            continue
        kept = apply_suppressions([(rule_id, f)], fr.suppressions, fr.lines.line_of, fr.settings, {rule_id: family})
        for kept_id, k in kept:
            fp = _digest(f"{kept_id}\0{k.message}")
            out.append(_diagnostic(kept_id, k, path, fr.lines, fr.settings, fp))
    return out
