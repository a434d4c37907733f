"""SARIF (validated against the official 2.1.0 schema) and JUnit XML, plus --output."""

import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from ci_helpers import BUDGET, CLEAN, FERRY, SCHEMA, project, run


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    return jsonschema.Draft4Validator(schema)


@pytest.fixture
def newsroom(tmp_path, monkeypatch):
    root = project(
        tmp_path,
        {
            "news/budget.md": BUDGET,
            "news/ferry.md": FERRY,
            "news/regatta.md": CLEAN,
            "news/broken.md": b"\xff\xfe\x00binary",
            "news/page.html": "<html><body><p>Rates rose 4 per cent.</p><img src='a.jpg'></body></html>",
        },
    )
    monkeypatch.chdir(root)
    return root


def sarif(args):
    result = run(["check", "--format", "sarif", *args])
    return result, json.loads(result.stdout)


# -- SARIF -----------------------------------------------------------------------------------------
def test_sarif_validates_on_a_multi_file_multi_rule_run(newsroom, validator):
    result, data = sarif(["news"])
    assert result.exit_code == 1
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    (run_,) = data["runs"]
    results = run_["results"]
    assert {r["ruleId"] for r in results} >= {
        "fixdemo-per-cent",
        "fixdemo-percent-sign",
        "fixdemo-double-space",
        "fixdemo-miles",
        "image-alt",
        "file-error",
    }
    files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert files == {"news/budget.md", "news/ferry.md", "news/broken.md", "news/page.html"}
    assert data["version"] == "2.1.0"
    assert run_["columnKind"] == "unicodeCodePoints"


def test_sarif_driver_and_rules(newsroom):
    _, data = sarif(["news"])
    driver = data["runs"][0]["tool"]["driver"]
    assert driver["name"] == "edlint" and driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    ids = [r["id"] for r in rules]
    assert ids == sorted(ids)
    # Every rule checked is described, including ones that found nothing.
    assert "duplicate-paragraph" in ids
    alt = rules[ids.index("image-alt")]
    assert alt["shortDescription"]["text"]
    assert alt["fullDescription"]["text"].startswith("Reports an image")
    assert "## Why is this bad?" in alt["help"]["markdown"]
    assert alt["defaultConfiguration"]["level"] == "warning"
    assert rules[ids.index("fixdemo-double-space")]["defaultConfiguration"]["level"] == "note"
    for r in data["runs"][0]["results"]:
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"]


def test_sarif_result_shape(newsroom):
    _, data = sarif(["news/budget.md"])
    run_ = data["runs"][0]
    alt = next(r for r in run_["results"] if r["ruleId"] == "image-alt")
    loc = alt["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "news/budget.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"] == {"startLine": 11, "startColumn": 1, "endLine": 11, "endColumn": 18}
    assert alt["level"] == "warning"
    assert alt["message"]["text"] == "Image (IMG_0423.jpg) has no alt text"
    base = run_["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base.startswith("file:///") and base.endswith("/")
    spaces = next(r for r in run_["results"] if r["ruleId"] == "fixdemo-double-space")
    assert spaces["level"] == "note"
    (fix,) = spaces["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["replacements"][0]["insertedContent"] == {"text": ""}
    miles = next(r for r in run_["results"] if r["ruleId"] == "fixdemo-miles")
    assert miles["fixes"][0]["description"]["text"].endswith("(unsafe)")


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_sarif_uris_are_relative_to_the_repo_root_from_a_subfolder(newsroom, monkeypatch):
    subprocess.run(["git", "init", "-q", newsroom], check=True)
    monkeypatch.chdir(os.path.join(newsroom, "news"))
    _, data = sarif(["--config", "../.edlint.yaml", "budget.md"])
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in data["runs"][0]["results"]}
    assert uris == {"news/budget.md"}


def test_sarif_uris_outside_a_repo_are_relative_to_the_current_folder(newsroom, monkeypatch):
    with open("outside.md", "w", encoding="utf-8") as fh:
        fh.write("Rates rose 4 per cent.\n")
    monkeypatch.chdir(os.path.join(newsroom, "news"))
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", os.path.dirname(newsroom))
    _, data = sarif(["--config", "../.edlint.yaml", "budget.md", "../outside.md"])
    locations = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in data["runs"][0]["results"]]
    assert {"uri": "budget.md", "uriBaseId": "%SRCROOT%"} in locations
    # A file outside the root gets an absolute URI and no base.
    outside = [loc for loc in locations if loc["uri"].endswith("outside.md")]
    assert outside and all(loc["uri"].startswith("file:///") and "uriBaseId" not in loc for loc in outside)


def test_sarif_fingerprints_survive_lines_moving(newsroom):
    _, before = sarif(["news/budget.md"])
    text = open("news/budget.md", encoding="utf-8").read()
    moved = text.replace("---\n\n", "---\n\nA new first paragraph about the harbour.\n\nAnd another one.\n\n", 1)
    with open("news/budget.md", "w", encoding="utf-8") as fh:
        fh.write(moved)
    _, after = sarif(["news/budget.md"])

    def prints(data):
        return {
            (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]): r["partialFingerprints"][
                "edlintFingerprint/v1"
            ]
            for r in data["runs"][0]["results"]
        }

    b, a = prints(before), prints(after)
    assert sorted(b.values()) == sorted(a.values())
    assert set(b) != set(a)  # lines did move


def test_sarif_fingerprints_differ_between_files_with_the_same_text(tmp_path, monkeypatch):
    root = project(tmp_path, {"a.md": "Rates rose 4 per cent.\n", "b.md": "Rates rose 4 per cent.\n"})
    monkeypatch.chdir(root)
    _, data = sarif(["--select", "fixdemo-per-cent", "a.md", "b.md"])
    fps = [r["partialFingerprints"]["edlintFingerprint/v1"] for r in data["runs"][0]["results"]]
    assert len(fps) == 2 and len(set(fps)) == 2


def test_sarif_clean_run_validates(tmp_path, monkeypatch, validator):
    root = project(tmp_path, {"regatta.md": CLEAN})
    monkeypatch.chdir(root)
    result, data = sarif(["regatta.md"])
    assert result.exit_code == 0
    validator.validate(data)
    assert data["runs"][0]["results"] == []
    assert data["runs"][0]["invocations"][0]["executionSuccessful"] is True


# -- JUnit -------------------------------------------------------------------------------------------
def junit(args):
    result = run(["check", "--format", "junit", *args])
    return result, ET.fromstring(result.stdout.encode("utf-8"))


def test_junit_counts(newsroom):
    result, root = junit(["news"])
    assert result.exit_code == 1
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"news/broken.md", "news/budget.md", "news/ferry.md", "news/page.html", "news/regatta.md"}
    budget = suites["news/budget.md"]
    cases = {c.get("name"): c for c in budget.findall("testcase")}
    # One testcase per rule checked (plugin rules on, default-off ones not).
    assert set(cases) == {
        "image-alt",
        "duplicate-paragraph",
        "fixdemo-double-space",
        "fixdemo-per-cent",
        "fixdemo-percent-sign",
        "fixdemo-miles",
    }
    assert int(budget.get("tests")) == len(cases)
    failed = {n for n, c in cases.items() if c.find("failure") is not None}
    # double-space is info, below the default --fail-on warning: listed, not failed.
    assert failed == {"image-alt", "fixdemo-per-cent", "fixdemo-percent-sign", "fixdemo-miles"}
    assert int(budget.get("failures")) == 4
    assert "Two spaces between sentences" in cases["fixdemo-double-space"].find("system-out").text
    pct = cases["fixdemo-per-cent"].find("failure")
    assert pct.get("message").startswith("2 findings")
    assert pct.text.count("news/budget.md:7:") == 2
    assert cases["image-alt"].get("classname") == "news/budget.md"
    assert cases["image-alt"].get("file") == "news/budget.md"
    regatta = suites["news/regatta.md"]
    assert regatta.get("failures") == "0" and int(regatta.get("tests")) > 0
    broken = suites["news/broken.md"]
    assert broken.get("errors") == "1"
    assert broken.find("testcase[@name='file-error']/error") is not None
    total = sum(int(s.get("failures")) for s in suites.values())
    assert root.get("failures") == str(total)
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites.values()))


def test_junit_follows_fail_on(newsroom):
    _, root = junit(["--fail-on", "info", "news/budget.md"])
    suite = root.find("testsuite")
    assert suite.find("testcase[@name='fixdemo-double-space']/failure") is not None
    _, root = junit(["--fail-on", "error", "news/budget.md"])
    assert root.get("failures") == "0"


def test_junit_survives_characters_xml_cannot_hold(tmp_path, monkeypatch):
    root = project(tmp_path, {"a.md": "Rates rose 4 per cent.\x0b\x1b\n"})
    monkeypatch.chdir(root)
    _result, xml_root = junit(["a.md"])
    assert xml_root.find("testsuite") is not None


# -- --output ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["sarif", "junit", "html", "json", "text"])
def test_output_file_and_summary_on_stderr(newsroom, fmt):
    result = run(["check", "--format", fmt, "--output", "report.out", "news/budget.md"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "7 problems (6 warnings, 1 info) in 1 file" in result.stderr
    content = open("report.out", encoding="utf-8").read()
    assert "image-alt" in content
    quiet = run(["check", "--format", fmt, "-q", "--output", "report.out", "news/budget.md"])
    assert quiet.stderr == ""


def test_output_to_an_unwritable_place_is_exit_2(newsroom):
    result = run(["check", "--format", "sarif", "--output", "no/such/dir/report.sarif", "news/budget.md"])
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_sarif_uris_are_percent_encoded(tmp_path):
    from edlint.reporters.sarif import artifact_location

    root = str(tmp_path)
    (tmp_path / "news").mkdir()
    for name in ("old story.md", "café.md"):
        (tmp_path / "news" / name).write_text("x\n", encoding="utf-8")
    assert artifact_location(str(tmp_path / "news" / "old story.md"), root) == {
        "uri": "news/old%20story.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert artifact_location(str(tmp_path / "news" / "café.md"), root)["uri"] == "news/caf%C3%A9.md"
