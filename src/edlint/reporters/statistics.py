"""`--statistics`: how many findings each rule made, most first, as ruff prints them.

Text: ``count<TAB>rule-id<TAB>[*] summary`` (``[*]``: --fix fixes at least one of them;
``[ ]`` otherwise; no column at all when nothing is fixable); JSON: a list of
``{"rule", "count", "fixable", "summary"}``. The summary and fixable lines follow, as in
the text report.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from . import closing_lines, is_fixable, printable


def rows(result: Any, unsafe: bool) -> list[tuple[str, int, bool]]:
    """(rule, count, fixable) per rule with a finding, by count (most first), then rule id."""
    counts: Counter[str] = Counter()
    fixable: set[str] = set()
    for f in result.findings:
        counts[f.rule] += 1
        if is_fixable(f, unsafe):
            fixable.add(f.rule)
    return [(rule, n, rule in fixable) for rule, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(result: Any, context: dict[str, Any]) -> str:
    unsafe = bool(context.get("unsafe_fixes"))
    summaries = context.get("summaries") or {}
    table = rows(result, unsafe)
    if context.get("fmt") == "json":
        return (
            json.dumps(
                [
                    {"rule": rule, "count": n, "fixable": fx, "summary": summaries.get(rule, "")}
                    for rule, n, fx in table
                ],
                indent=2,
            )
            + "\n"
        )
    lines = []
    if table:
        count_width = len(str(table[0][1]))
        rule_width = max(len(rule) for rule, _, _ in table)
        any_fixable = any(fx for _, _, fx in table)
        for rule, n, fx in table:
            mark = ("[*] " if fx else "[ ] ") if any_fixable else ""
            summary = printable(summaries.get(rule, ""))
            lines.append(f"{n:>{count_width}}\t{printable(rule):<{rule_width}}\t{mark}{summary}".rstrip())
    return closing_lines(result, context, lines)
