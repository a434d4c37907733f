"""Baselines: `edlint baseline write FILE` and `edlint check --baseline FILE`."""

import json
import os

from ci_helpers import BUDGET, FERRY, project, run
from edlint import baseline as bl
from edlint.document import Span
from edlint.results import Diagnostic
from edlint.rules.base import Severity


def setup(tmp_path, monkeypatch, files=None, paths=("news",)):
    root = project(tmp_path, files or {"news/budget.md": BUDGET, "news/ferry.md": FERRY})
    monkeypatch.chdir(root)
    result = run(["baseline", "write", ".edlint-baseline.json", *paths])
    assert result.exit_code == 0, result.output
    return root


def test_write_then_check_reports_nothing(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    data = json.load(open(".edlint-baseline.json", encoding="utf-8"))
    assert data["edlint_baseline"] == 1
    assert len(data["findings"]) == 10
    entry = next(e for e in data["findings"] if e["rule"] == "image-alt")
    assert entry["path"] == "news/budget.md"
    assert set(entry) == {"rule", "path", "fingerprint", "line", "message"}
    plain = run(["check", "news"])
    assert plain.exit_code == 1
    result = run(["check", "--baseline", ".edlint-baseline.json", "news"])
    assert result.exit_code == 0, result.output
    assert "No problems found in 2 files" in result.stdout
    assert "10 known findings hidden by baseline .edlint-baseline.json" in result.stderr


def test_baseline_survives_inserting_lines_above(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    text = open("news/budget.md", encoding="utf-8").read()
    edited = text.replace(
        "---\n\n",
        "---\n\nUpdated at 5pm with the vote count.\n\nThe mayor welcomed the result.\n\n",
        1,
    )
    with open("news/budget.md", "w", encoding="utf-8") as fh:
        fh.write(edited)
    result = run(["check", "--baseline", ".edlint-baseline.json", "news"])
    assert result.exit_code == 0, result.output


def test_new_findings_are_reported(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    with open("news/budget.md", "a", encoding="utf-8") as fh:
        fh.write("\nThe pier is 2 miles from the station.\n")
    result = run(["check", "--baseline", ".edlint-baseline.json", "news"])
    assert result.exit_code == 1
    lines = [ln for ln in result.stdout.splitlines() if ": warning " in ln or ": info " in ln]
    assert lines == ["news/budget.md:13:13: warning fixdemo-miles Add a metric conversion to '2 miles'"]


def test_a_repeated_paragraph_brings_one_new_finding(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch, {"a.md": "Rates rose 4 per cent.\n"}, paths=("a.md",))
    with open("a.md", "w", encoding="utf-8") as fh:
        fh.write("Rates rose 4 per cent.\n\nRates rose 4 per cent.\n")
    result = run(["check", "--baseline", ".edlint-baseline.json", "--select", "fixdemo-per-cent", "a.md"])
    # Same rule, same block text: the occurrence index keeps them apart. One is known.
    assert result.stdout.count("fixdemo-per-cent") == 1
    assert "a.md:3:14: warning fixdemo-per-cent" in result.stdout


def test_fixed_findings_make_entries_stale(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    text = open("news/ferry.md", encoding="utf-8").read()
    with open("news/ferry.md", "w", encoding="utf-8") as fh:
        fh.write(text.replace("5 per cent", "5%"))
    result = run(["check", "--baseline", ".edlint-baseline.json", "news"])
    assert result.exit_code == 0
    # The two per-cent findings are gone. The double space in the edited paragraph comes
    # back as new (its block text changed, so its key did): an info, below --fail-on.
    assert "3 baseline entries no longer match" in result.stderr
    assert "news/ferry.md:5:25: info fixdemo-double-space" in result.stdout
    # Entries for files not linted in this run are not stale.
    one = run(["check", "--baseline", ".edlint-baseline.json", "news/budget.md"])
    assert "no longer match" not in one.stderr


def test_baseline_works_from_another_folder(tmp_path, monkeypatch):
    root = setup(tmp_path, monkeypatch)
    monkeypatch.chdir(os.path.join(root, "news"))
    result = run(["check", "--config", "../.edlint.yaml", "--baseline", "../.edlint-baseline.json", "."])
    assert result.exit_code == 0, result.output


def test_baseline_with_sarif_and_fix(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    result = run(["check", "--format", "sarif", "--baseline", ".edlint-baseline.json", "news"])
    assert json.loads(result.stdout)["runs"][0]["results"] == []
    # --fix still fixes what it can; what is left is known.
    fixed = run(["check", "--fix", "--baseline", ".edlint-baseline.json", "news"])
    assert fixed.exit_code == 0
    assert "10%" in open("news/budget.md", encoding="utf-8").read()


def test_bad_baseline_files_are_exit_2(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    missing = run(["check", "--baseline", "nope.json", "news"])
    assert missing.exit_code == 2
    assert "edlint baseline write nope.json" in missing.stderr
    with open("bad.json", "w", encoding="utf-8") as fh:
        fh.write("{not json")
    assert run(["check", "--baseline", "bad.json", "news"]).exit_code == 2
    with open("other.json", "w", encoding="utf-8") as fh:
        json.dump({"edlint_baseline": 99, "findings": []}, fh)
    result = run(["check", "--baseline", "other.json", "news"])
    assert result.exit_code == 2 and "not supported" in result.stderr


def test_internal_errors_are_never_baselined(tmp_path):
    at = {"path": str(tmp_path / "a.md"), "line": 1, "column": 1, "end_line": 1, "end_column": 1, "span": Span(0, 0)}
    f = Diagnostic(rule="internal-error", severity=Severity.ERROR, message="Rule 'x' failed", fingerprint="1", **at)
    g = Diagnostic(rule="image-alt", severity=Severity.WARNING, message="Image has no alt", fingerprint="2", **at)
    path = str(tmp_path / "base.json")
    assert bl.write([f, g], path) == 1
    filtered = bl.Baseline.load(path).filter([f, g])
    assert filtered.findings == [f] and filtered.known == 1


def test_rewriting_a_baseline_replaces_it(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    with open("news/ferry.md", "w", encoding="utf-8") as fh:
        fh.write("The ferry leaves at 7am.\n")
    result = run(["baseline", "write", ".edlint-baseline.json", "news"])
    assert "Wrote 7 findings from 2 files" in result.stdout
    assert len(json.load(open(".edlint-baseline.json", encoding="utf-8"))["findings"]) == 7


def test_baseline_write_rejects_unknown_paths_and_rules(tmp_path, monkeypatch):
    setup(tmp_path, monkeypatch)
    assert run(["baseline", "write", "b.json", "nowhere"]).exit_code == 2
    assert run(["baseline", "write", "--select", "imag-alt", "b.json", "news"]).exit_code == 2
    assert not os.path.exists("b.json")
