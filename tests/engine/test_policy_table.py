"""Severity and reporting, decided in one place (policy): a table over every layer.

Two stand-in rules of a family ``desk`` run through the real engine: ``desk-hedge`` flags
"reportedly" with no severity of its own (its default is a warning) and ``desk-weak``
flags "sources say" at ``info`` and "allegedly" at ``error`` (a rule's per-finding
choice, as ``image-credit`` lowers a weak credit to ``info``). Each row gives the config
(severity, overrides), the file's path and front matter, the command line, and the
severities expected for the three findings; ``None`` means not reported.
"""

from __future__ import annotations

from typing import Any

import pytest

from edlint.document import Document
from edlint.engine import Linter
from edlint.policy import CliOverrides, exit_code, severity_of
from edlint.rules.base import Finding, Rule, Severity
from edlint.rules.registry import build_registry

ARTICLE = """{front}The mayor reportedly met the developers twice before the vote.

Sources say the contract was signed in March, and the firm allegedly paid no fee.
"""


def _hits(doc: Document, word: str) -> list[tuple[int, int]]:
    out = []
    start = doc.source.find(word)
    while start >= 0:
        out.append((start, start + len(word)))
        start = doc.source.find(word, start + 1)
    return out


def _hedge(doc: Document, opts: Any):
    from edlint.document import Span

    for s, e in _hits(doc, "reportedly"):
        yield Finding(Span(s, e), "Hedge 'reportedly'")


def _weak(doc: Document, opts: Any):
    from edlint.document import Span

    for s, e in _hits(doc, "Sources say"):
        yield Finding(Span(s, e), "Vague sourcing 'Sources say'", severity=Severity.INFO)
    for s, e in _hits(doc, "allegedly"):
        yield Finding(Span(s, e), "Unattributed 'allegedly'", severity=Severity.ERROR)


HEDGE = Rule(id="desk-hedge", family="desk", summary="", severity=Severity.WARNING, check=_hedge)
WEAK = Rule(id="desk-weak", family="desk", summary="", severity=Severity.WARNING, check=_weak)

# W warning, N info (notice), E error, OFF not reported.
W, N, E, OFF = Severity.WARNING, Severity.INFO, Severity.ERROR, None


def run(
    config: dict[str, Any], path: str = "news/story.md", front: str = "", cli: CliOverrides | None = None
) -> dict[str, Severity | None]:
    registry = build_registry(extra_rules=(HEDGE, WEAK), entry_points=False, shipped_packs=False)
    cfg = {"select": ["desk"], **config}
    linter = Linter(config=cfg, cli=cli, registry=registry)
    text = ARTICLE.format(front=f"---\ntitle: Vote\n{front}---\n\n" if front else "")
    result = linter.run_text(text, path)
    got: dict[str, Severity | None] = {"reportedly": OFF, "Sources say": OFF, "allegedly": OFF}
    for f in result.findings:
        assert f.rule in ("desk-hedge", "desk-weak"), f
        word = f.message.split("'")[1]
        got[word] = f.severity
    return got


# (id, config, path, front matter, cli, expected severities of reportedly / sources say / allegedly)
TABLE = [
    ("defaults", {}, "news/story.md", "", None, (W, N, E)),
    # Config severity by rule id beats the finding's own choice, upwards and downwards.
    ("rule warning lifts info", {"severity": {"desk-weak": "warning"}}, "news/story.md", "", None, (W, W, W)),
    ("rule error", {"severity": {"desk-weak": "error"}}, "news/story.md", "", None, (W, E, E)),
    ("rule info lowers error", {"severity": {"desk-weak": "info"}}, "news/story.md", "", None, (W, N, N)),
    # The bug: setting a rule's severity to its own default still overrides the finding.
    (
        "rule set to its default",
        {"severity": {"desk-weak": "warning", "desk-hedge": "warning"}},
        "news/story.md",
        "",
        None,
        (W, W, W),
    ),
    # By family: every rule of the family, per-finding choices included.
    ("family", {"severity": {"desk": "error"}}, "news/story.md", "", None, (E, E, E)),
    # Within one layer a rule id beats its family, whatever the order of keys.
    ("id beats family", {"severity": {"desk-weak": "info", "desk": "error"}}, "news/story.md", "", None, (E, N, N)),
    # An override for matching files is a later layer: it wins over the top-level setting.
    (
        "override wins",
        {"severity": {"desk-weak": "info"}, "overrides": [{"files": ["news/**"], "severity": {"desk-weak": "error"}}]},
        "news/story.md",
        "",
        None,
        (W, E, E),
    ),
    (
        "override by family after rule",
        {"severity": {"desk-weak": "info"}, "overrides": [{"files": ["news/**"], "severity": {"desk": "warning"}}]},
        "news/story.md",
        "",
        None,
        (W, W, W),
    ),
    (
        "override elsewhere",
        {"overrides": [{"files": ["opinion/**"], "severity": {"desk": "error"}}]},
        "news/story.md",
        "",
        None,
        (W, N, E),
    ),
    (
        "override ignores",
        {"overrides": [{"files": ["news/**"], "ignore": ["desk-weak"]}]},
        "news/story.md",
        "",
        None,
        (W, OFF, OFF),
    ),
    # Front matter can turn rules off, never change a severity.
    (
        "front matter disables",
        {"severity": {"desk-weak": "error"}},
        "news/story.md",
        "edlint:\n  disable: [desk-weak]\n",
        None,
        (W, OFF, OFF),
    ),
    ("front matter disables family", {}, "news/story.md", "edlint:\n  disable: [desk]\n", None, (OFF, OFF, OFF)),
    # The command line selects and ignores after config and overrides.
    (
        "cli ignore",
        {"severity": {"desk": "error"}},
        "news/story.md",
        "",
        CliOverrides(ignore=("desk-hedge",)),
        (OFF, E, E),
    ),
    ("cli select", {}, "news/story.md", "", CliOverrides(select=("desk-weak",)), (OFF, N, E)),
]


@pytest.mark.parametrize(
    "config, path, front, cli, expected", [row[1:] for row in TABLE], ids=[row[0] for row in TABLE]
)
def test_severity_table(config, path, front, cli, expected):
    got = run(config, path, front, cli)
    assert (got["reportedly"], got["Sources say"], got["allegedly"]) == expected


@pytest.mark.parametrize(
    "config, fail_on, code",
    [
        ({}, Severity.ERROR, 1),  # 'allegedly' is an error of its own
        ({"severity": {"desk-weak": "warning"}}, Severity.ERROR, 0),
        ({"severity": {"desk": "info"}}, Severity.WARNING, 0),
        ({"severity": {"desk": "info"}}, Severity.INFO, 1),
        ({"severity": {"desk-hedge": "error"}, "ignore": ["desk-weak"]}, Severity.ERROR, 1),
        ({"ignore": ["desk-weak"]}, Severity.ERROR, 0),
    ],
)
def test_fail_on_sees_final_severity(config, fail_on, code):
    registry = build_registry(extra_rules=(HEDGE, WEAK), entry_points=False, shipped_packs=False)
    linter = Linter(config={"select": ["desk"], **config}, registry=registry)
    result = linter.run_text(ARTICLE.format(front=""), "news/story.md")
    assert exit_code(result.findings, fail_on, result.internal_error) == code


def test_engine_errors_are_always_errors():
    registry = build_registry(extra_rules=(HEDGE, WEAK), entry_points=False, shipped_packs=False)
    linter = Linter(config={"select": ["desk"], "severity": {"core": "info", "file-error": "info"}}, registry=registry)
    settings = linter.settings_for("news/story.md", linter.config_for("news/story.md"))
    assert severity_of("file-error", Severity.INFO, settings) is Severity.ERROR
    assert severity_of("internal-error", None, settings) is Severity.ERROR


# -- a rule's Finding is never changed; the report record is frozen -------------------------
def test_a_finding_yielded_twice_is_not_mutated(tmp_path):
    """A rule may hand out the same Finding object for two files (a cached result); each
    file's report must keep its own path, rule and position."""
    from edlint.document import Span

    shared = Finding(Span(0, 3), "Headline starts with 'The'", severity=Severity.INFO)

    def same_finding(doc, opts):
        if doc.source.startswith("The"):
            yield shared

    rule = Rule(id="desk-the", family="desk", summary="", severity=Severity.WARNING, check=same_finding)
    registry = build_registry(extra_rules=(rule,), entry_points=False, shipped_packs=False)
    for name in ("a.md", "b.md"):
        (tmp_path / name).write_text("The mayor resigned on Friday.\n")
    linter = Linter(config={"select": ["desk-the"], "severity": {"desk-the": "error"}}, registry=registry)
    result = linter.run([str(tmp_path / "a.md"), str(tmp_path / "b.md")])
    assert sorted(f.path.rsplit("/", 1)[-1] for f in result.findings) == ["a.md", "b.md"]
    assert {f.severity for f in result.findings} == {Severity.ERROR}
    assert shared == Finding(Span(0, 3), "Headline starts with 'The'", severity=Severity.INFO)
    import dataclasses

    with pytest.raises(dataclasses.FrozenInstanceError):
        result.findings[0].severity = Severity.INFO  # type: ignore[misc]
