"""Helpers for testing rules on article text (used by edlint's tests and by plugin authors).

    findings(text, fmt="md", select=["image-alt"], config={"images": {...}})

runs the full pipeline (parse, rules, policy, positions) on ``text`` and returns the
findings, each with ``rule``, ``line``, ``column``, ``severity`` and ``message``.

Case files (``tests/cases/<family>/<rule-id>.cases``) hold many small cases::

    ## A caption with a credit is fine [md]
    .
    ![Crowds](crowd.jpg "Crowds at the march. Photo: J. Doe/AP")
    .
    .

    ## An image with no alt text [html]
    .
    <p>Text</p>
    <img src="a.jpg">
    .
    2:1 image-alt
    .

A case is: a ``## title [fmt]`` line, ``.``, the input, ``.``, the expected findings one per
line as ``line:col rule-id`` (optionally followed by a message fragment that must occur in
the message; empty means nothing may be reported), ``.``. The format is ``md``, ``html``
or ``txt``. Options for every case in a file may be given in a ``## config`` case whose
input is YAML (config file syntax).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .results import Diagnostic
from .rules.base import Rule

_FMT_EXT = {"md": ".md", "markdown": ".md", "html": ".html", "txt": ".txt", "text": ".txt"}


def findings(
    text: str,
    fmt: str = "md",
    *,
    select: Iterable[str] | None = None,
    config: dict[str, Any] | None = None,
    path: str | None = None,
    preview: bool = True,
) -> list[Diagnostic]:
    """Lint ``text`` as a file of format ``fmt`` and return its findings, sorted.

    ``select`` limits the run to these rule ids or families (default: every rule that is
    on by default). ``config`` is a config mapping as in ``.edlint.yaml``.
    """
    from .api import lint_text

    cfg = dict(config or {})
    if select is not None:
        cfg["select"] = list(select)
    if preview:
        cfg.setdefault("preview", True)
    name = path or f"article{_FMT_EXT.get(fmt, '.' + fmt)}"
    result = lint_text(text, path=name, config=cfg)
    return result.findings


@dataclass
class Case:
    """One example of a .cases file: an article fragment and the findings it must give."""

    title: str
    fmt: str
    text: str
    expected: list[tuple[int, int, str, str]]  # line, col, rule, message fragment
    line: int  # where the case starts in the case file
    config: dict[str, Any] = field(default_factory=dict)


_TITLE = re.compile(r"^## (.*?)(?:\s+\[(md|html|txt)\])?\s*$")
_EXPECT = re.compile(r"^(\d+):(\d+)\s+([a-z0-9-]+)(?:\s+(.*))?$")


def read_cases(path: str) -> list[Case]:
    """Read a ``.cases`` file (see module docstring)."""
    from .yaml_loader import load_yaml

    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    cases: list[Case] = []
    file_config: dict[str, Any] = {}
    i = 0
    while i < len(lines):
        m = _TITLE.match(lines[i])
        if not m:
            i += 1
            continue
        title, fmt, start = m.group(1), m.group(2) or "md", i + 1
        sections: list[list[str]] = []
        i += 1
        if i >= len(lines) or lines[i] != ".":
            raise ValueError(f"{path}:{i + 1}: expected '.' after the case title")
        i += 1
        current: list[str] = []
        while i < len(lines) and len(sections) < 2:
            if lines[i] == ".":
                sections.append(current)
                current = []
            else:
                current.append(lines[i])
            i += 1
        if len(sections) < 2:
            raise ValueError(f"{path}:{start}: case {title!r} is not closed with '.'")
        body, expect = sections
        if title == "config":
            file_config = load_yaml("\n".join(body)) or {}
            continue
        expected = []
        for raw in expect:
            if not raw.strip():
                continue
            em = _EXPECT.match(raw.strip())
            if not em:
                raise ValueError(f"{path}: case {title!r}: bad expectation line {raw!r}")
            expected.append((int(em.group(1)), int(em.group(2)), em.group(3), em.group(4) or ""))
        cases.append(Case(title, fmt, "\n".join(body) + "\n", expected, start, dict(file_config)))
    return cases


def check_case(case: Case, rules: Iterable[str]) -> None:
    """Assert that ``case`` yields exactly its expected findings among ``rules``."""
    rules = list(rules)
    got = findings(case.text, case.fmt, select=rules, config=case.config)
    got_keys = sorted((f.line, f.column, f.rule) for f in got if f.rule in rules)
    want_keys = sorted((line, col, rule) for line, col, rule, _ in case.expected)
    detail = "\n".join(f"  {f.line}:{f.column} {f.rule} {f.message}" for f in got)
    assert got_keys == want_keys, (
        f"case {case.title!r} (line {case.line}): expected {want_keys}, got:\n{detail or '  nothing'}"
    )
    for line, col, rule, fragment in case.expected:
        if not fragment:
            continue
        messages = [f.message for f in got if (f.line, f.column, f.rule) == (line, col, rule)]
        assert any(fragment in msg for msg in messages), (
            f"case {case.title!r}: no message containing {fragment!r} at {line}:{col}: {messages}"
        )


def case_params(folder: str) -> list[Any]:
    """pytest parameters ``(case, rule_id)`` for every case file under ``folder`` (searched
    recursively). A file is named for its rule: ``<rule-id>.cases``, or
    ``<rule-id>--<variant>.cases`` for more cases of the same rule (e.g. under a config)."""
    import os

    import pytest

    params = []
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            if not name.endswith(".cases"):
                continue
            stem = name[: -len(".cases")]
            rule_id = stem.split("--")[0]
            family = os.path.basename(dirpath)
            for case in read_cases(os.path.join(dirpath, name)):
                params.append(pytest.param(case, rule_id, id=f"{family}/{stem}:{case.line}:{case.title}"))
    return params


# -- pack examples as tests ----------------------------------------------------------------------
# Here rather than in the pack loader: running an example needs the engine, and the engine
# loads packs (through the registry); the loader must not import it back.
@dataclass
class ExampleResult:
    rule: str
    kind: str  # bad | good | missing
    index: int
    ok: bool
    text: str
    detail: str = ""


def lint_with_rules(
    rules: Iterable[Rule], text: str, fmt: str | None = None, config: dict[str, Any] | None = None
) -> list[Diagnostic]:
    """Run ``rules`` (and only them) on ``text`` through the whole pipeline."""
    from .engine import Linter
    from .rules.registry import build_registry

    rules = list(rules)
    reg = build_registry(entry_points=False, extra_rules=tuple(rules), shipped_packs=False)
    cfg = dict(config or {})
    cfg.setdefault("select", [r.id for r in rules])
    cfg.setdefault("preview", True)
    if fmt is None:
        fmt = "html" if text.lstrip().startswith("<") else "md"
    linter = Linter(config=cfg, registry=reg)
    return linter.run_text(text, f"example.{fmt}").findings


def run_examples(rules: Iterable[Rule]) -> list[ExampleResult]:
    """Check each rule's examples: every ``bad`` one is reported by the rule, no ``good``
    one is. Used by ``edlint test-rules`` and by edlint's own tests."""
    rules = list(rules)
    out: list[ExampleResult] = []
    for rule in rules:
        examples = rule.examples or {}
        bad, good = examples.get("bad") or [], examples.get("good") or []
        if not bad:
            out.append(ExampleResult(rule.id, "missing", 0, False, "", "no 'bad' example"))
        if not good:
            out.append(ExampleResult(rule.id, "missing", 0, False, "", "no 'good' example"))
        for kind, items in (("bad", bad), ("good", good)):
            for i, text in enumerate(items):
                text = text if text.endswith("\n") else text + "\n"
                got = lint_with_rules([rule], text)
                found = [f for f in got if f.rule == rule.id]
                problems = [f for f in got if f.rule == "internal-error"]
                if problems:
                    out.append(ExampleResult(rule.id, kind, i, False, text, problems[0].message))
                    continue
                ok = bool(found) if kind == "bad" else not found
                detail = "; ".join(f"{f.line}:{f.column} {f.message}" for f in found) or "nothing reported"
                out.append(ExampleResult(rule.id, kind, i, ok, text, detail))
    return out
