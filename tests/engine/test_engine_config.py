"""Config discovery, validation, overrides, front-matter opt-outs and suppressions, end to end."""

import os

import pytest

import edlint
from edlint.config import ConfigError
from edlint.engine import Linter

DUP = "The council approved the library budget after a long and heated debate.\n\n"
CORE = "select: [image-alt, duplicate-paragraph]\n"
CORE_D = {"select": ["image-alt", "duplicate-paragraph"]}
NO_ALT = "![](harbour.jpg)\n\n"


def rules_of(result):
    return sorted((f.rule, f.line) for f in result.findings)


def test_nearest_config_wins_and_yaml_beats_pyproject(write, tmp_path):
    write(".edlint.yaml", CORE + "ignore: [image-alt]\n")
    write(
        "pyproject.toml",
        "[tool.edlint]\nselect = ['image-alt', 'duplicate-paragraph']\nignore = ['duplicate-paragraph']\n",
    )
    write("sub/.edlint.yaml", CORE + "ignore: [duplicate-paragraph]\n")
    a = write("a.md", NO_ALT + DUP + DUP)
    b = write("sub/b.md", NO_ALT + DUP + DUP)
    result = edlint.lint_paths([a, b])
    by_path = {}
    for f in result.findings:
        by_path.setdefault(os.path.basename(f.path), set()).add(f.rule)
    assert by_path == {"a.md": {"duplicate-paragraph"}, "b.md": {"image-alt"}}


def test_pyproject_config_is_used_when_alone(write):
    write("pyproject.toml", "[tool.edlint]\nselect = ['image-alt']\n")
    a = write("a.md", NO_ALT + DUP + DUP)
    assert {f.rule for f in edlint.lint_paths([a]).findings} == {"image-alt"}


def test_overrides_apply_by_glob_relative_to_the_config(write):
    write(
        ".edlint.yaml",
        CORE + "overrides:\n  - files: ['archive/**']\n    ignore: [duplicates]\n    severity: {image-alt: error}\n",
    )
    a = write("archive/2019/old.md", NO_ALT + DUP + DUP)
    b = write("news/new.md", NO_ALT + DUP + DUP)
    result = edlint.lint_paths([a, b])
    got = sorted((os.path.basename(f.path), f.rule, str(f.severity)) for f in result.findings)
    assert got == [
        ("new.md", "duplicate-paragraph", "warning"),
        ("new.md", "image-alt", "warning"),
        ("old.md", "image-alt", "error"),
    ]


@pytest.mark.parametrize(
    "config, fragment, line",
    [
        ("selct: [images]\n", "did you mean 'select'", 1),
        ("language: en-US\nignore: [image-alts]\n", "did you mean 'image-alt'", 2),
        ("rules:\n  image-alt:\n    frontmatter_alt: maybe\n", "must be true or false", 3),
        ("rules:\n  image-alt:\n    generic_alts: [x]\n", "did you mean 'generic_alt'", 3),
        ("severity:\n  image-alt: fatal\n", "must be one of error, warning, info", 2),
        ("fail_on: never\n", "fail_on", 1),
        ("select: [images\n", "invalid YAML", None),
        ("overrides:\n  - ignore: [images]\n", "no 'files'", 2),
    ],
)
def test_bad_config_names_file_line_and_suggestion(write, config, fragment, line):
    cfg = write(".edlint.yaml", config)
    with pytest.raises(ConfigError) as info:
        Linter(config=cfg)
    err = info.value
    assert fragment in str(err)
    assert err.path == cfg
    if line is not None:
        assert err.line == line


def test_front_matter_opt_out(write):
    a = write("a.md", "---\ntitle: x\nedlint:\n  disable: [image-alt]\n---\n\n" + NO_ALT + DUP + DUP)
    assert {f.rule for f in edlint.lint_paths([a], config=CORE_D).findings} == {"duplicate-paragraph"}


def test_inline_suppression_and_unused_suppression(write):
    text = (
        "<!-- edlint-disable-next-line image-alt -->\n![](harbour.jpg)\n\n"
        "<!-- edlint-disable duplicates -->\n\n" + DUP + DUP + "<!-- edlint-enable -->\n\n"
        "<!-- edlint-disable-next-line image-alt -->\nA paragraph with no image in it at all.\n"
    )
    result = edlint.lint_text(text, path="a.md", config=CORE_D)
    assert rules_of(result) == [("unused-suppression", 12)]


def test_locked_rules_cannot_be_disabled_inline(write):
    text = "<!-- edlint-disable-next-line image-alt -->\n![](harbour.jpg)\n"
    result = edlint.lint_text(text, path="a.md", config={**CORE_D, "allow_inline_disable": ["image-alt"]})
    assert rules_of(result) == [("image-alt", 2), ("unused-suppression", 1)]
    msg = next(f.message for f in result.findings if f.rule == "unused-suppression")
    assert "may not be disabled" in msg
    result = edlint.lint_text(text, path="a.md", config={**CORE_D, "allow_inline_disable": False})
    assert ("image-alt", 2) in rules_of(result)


def test_exclude_globs_and_force_exclude(write, tmp_path):
    write(".edlint.yaml", CORE + "exclude: ['drafts/**']\n")
    kept = write("news/a.md", NO_ALT)
    skipped = write("drafts/b.md", NO_ALT)
    result = Linter().run([str(tmp_path)])
    assert [os.path.basename(f.path) for f in result.findings] == ["a.md"]
    # Named explicitly: linted unless --force-exclude (pre-commit passes staged files).
    assert Linter().run([skipped]).files == 1
    assert Linter(force_exclude=True).run([skipped, kept]).files == 1


def test_plugin_rule_that_raises_is_an_internal_error_and_others_still_run(write):
    plugin = write(
        "boom.py",
        "from edlint.rules.base import rule, Finding\n"
        "@rule('boom-check', family='local', summary='Always raises')\n"
        "def boom_check(doc, opts):\n"
        "    '''Raises.'''\n"
        "    raise ValueError('kaboom')\n",
    )
    write(".edlint.yaml", f"plugins: ['{os.path.basename(plugin)}']\nselect: [image-alt, boom-check]\n")
    a = write("a.md", NO_ALT)
    result = Linter(allow_plugins=True).run([a])
    assert result.internal_error
    assert {f.rule for f in result.findings} == {"internal-error", "image-alt"}
    assert "kaboom" in next(f.message for f in result.findings if f.rule == "internal-error")


def test_lint_text_api_returns_positions_and_fingerprints():
    result = edlint.lint_text("Intro.\n\n" + NO_ALT, path="story.md", config=CORE_D)
    (f,) = result.findings
    assert (f.rule, f.line, f.column, f.end_line, f.end_column) == ("image-alt", 3, 1, 3, 17)
    assert f.fingerprint
    moved = edlint.lint_text("Intro.\n\nA new paragraph above.\n\n" + NO_ALT, path="story.md", config=CORE_D)
    assert moved.findings[0].fingerprint == f.fingerprint


def test_a_rule_stops_after_a_thousand_findings_in_one_file():
    text = "".join(f"![](photo{i}.jpg)\n\n" for i in range(1200))
    result = edlint.lint_text(text, path="gallery.md", config={"select": ["image-alt"]})
    assert len(result.findings) == 1001
    last = result.findings[-1]
    assert last.message == "image-alt stopped after 1000 findings in this file"
    assert str(last.severity) == "info"
