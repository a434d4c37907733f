"""The command line: exit codes, formats, stdin, rules/explain/init."""

import json
import os

from click.testing import CliRunner

from edlint.cli import main

CLEAN = "---\ntitle: Harbour wall repaired\n---\n\nThe harbour wall was repaired in time for the regatta.\n"
BAD = "Intro to the harbour story.\n\n![](harbour.jpg)\n"
CORE = ["--select", "image-alt,duplicate-paragraph"]


def run(args, input=None, env=None):
    return CliRunner().invoke(main, args, input=input, env=env, catch_exceptions=False)


def test_exit_0_when_clean(write):
    path = write("clean.md", CLEAN)
    result = run(["check", *CORE, path])
    assert result.exit_code == 0, result.output
    assert "No problems found in 1 file" in result.output


def test_exit_1_with_findings_and_text_format(write):
    path = write("bad.md", BAD)
    result = run(["check", *CORE, path])
    assert result.exit_code == 1
    assert f"{path}:3:1: warning image-alt Image (harbour.jpg) has no alt text" in result.output
    assert "1 problem (1 warning) in 1 file" in result.output


def test_fail_on_error_lets_warnings_pass(write):
    path = write("bad.md", BAD)
    assert run(["check", *CORE, "--fail-on", "error", path]).exit_code == 0


def test_exit_2_on_usage_and_config_errors(write, tmp_path):
    assert run(["check", "--select", "imag-alt", str(tmp_path)]).exit_code == 2
    assert run(["check", "--format", "xml", str(tmp_path)]).exit_code == 2
    assert run(["check", str(tmp_path / "missing.md")]).exit_code == 2
    cfg = write(".edlint.yaml", "selct: [all]\n")
    result = run(["check", "--config", cfg, str(tmp_path)])
    assert result.exit_code == 2
    assert "did you mean 'select'" in result.output


def test_json_format_contract(write):
    path = write("bad.md", BAD)
    broken = write("broken.md", b"\xff\xfe\x00binary")
    result = run(["check", *CORE, "--format", "json", path, broken])
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert set(data) == {"version", "findings", "errors", "summary"}
    f = next(x for x in data["findings"] if x["rule"] == "image-alt")
    assert {k: f[k] for k in ("path", "line", "column", "end_line", "end_column", "rule", "severity")} == {
        "path": path,
        "line": 3,
        "column": 1,
        "end_line": 3,
        "end_column": 17,
        "rule": "image-alt",
        "severity": "warning",
    }
    assert data["errors"] == [{"path": broken, "message": "File is UTF-16 encoded; save it as UTF-8"}]
    assert data["summary"]["files"] == 2
    assert data["summary"]["by_severity"] == {"error": 1, "warning": 1, "info": 0}


def test_relative_paths_stay_relative(write, tmp_path, monkeypatch):
    write("news/bad.md", BAD)
    monkeypatch.chdir(tmp_path)
    data = json.loads(run(["check", *CORE, "--format", "json", "news"]).output)
    assert data["findings"][0]["path"] == os.path.join("news", "bad.md")


def test_github_format_escapes(write):
    path = write("a,b:c.md", BAD)
    result = run(["check", *CORE, "--format", "github", path])
    line = result.output.splitlines()[0]
    assert line.startswith("::warning file=")
    assert "a%2Cb%3Ac.md" in line
    assert ",line=3,col=1,endLine=3,endColumn=17,title=image-alt::Image (harbour.jpg) has no alt text" in line


def test_stdin_with_filename():
    result = run(["check", *CORE, "--stdin-filename", "draft.html", "-"], input='<p>Hi</p><img src="x.jpg">')
    assert result.exit_code == 1
    assert "draft.html:1:10: warning image-alt" in result.output


def test_no_color_and_quiet(write):
    path = write("bad.md", BAD)
    result = run(["check", *CORE, "--quiet", "--no-color", path])
    assert "\033[" not in result.output
    assert "problem" not in result.output


def test_rules_explain_version_init(tmp_path, monkeypatch):
    listing = run(["rules"]).output
    assert "image-alt" in listing and "duplicate-paragraph" in listing
    data = json.loads(run(["rules", "--format", "json"]).output)
    ids = {r["id"] for r in data}
    assert {"image-alt", "duplicate-paragraph", "file-error"} <= ids
    text = run(["explain", "image-alt"]).output
    assert text.startswith("# image-alt (images)")
    assert "## What it does" in text and "Use instead:" in text
    assert run(["explain", "image-alts"]).exit_code == 2
    assert run(["--version"]).output.startswith("edlint ")
    monkeypatch.chdir(tmp_path)
    assert run(["init"]).exit_code == 0
    assert run(["init"]).exit_code == 2  # exists
    from edlint.config import load_config_file
    from edlint.rules.registry import default_registry

    load_config_file(str(tmp_path / ".edlint.yaml"), default_registry())  # the starter config is valid


def test_pre_commit_style_invocation_with_force_exclude(write, tmp_path, monkeypatch):
    write(".edlint.yaml", "select: [image-alt]\nexclude: ['vendor/**']\n")
    write("vendor/x.md", BAD)
    write("news/ok.md", CLEAN)
    monkeypatch.chdir(tmp_path)
    result = run(["check", "--force-exclude", "vendor/x.md", "news/ok.md"])
    assert result.exit_code == 0, result.output
