"""Bad input never produces a traceback: each becomes a file-error and other files are checked."""

import json

import pytest
from click.testing import CliRunner

from edlint.cli import main

GOOD = "Intro to the harbour story.\n\n![](harbour.jpg)\n"


def check(*paths, extra=()):
    result = CliRunner().invoke(
        main, ["check", "--no-cache", "--select", "image-alt", "--format", "json", *extra, *paths]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.output)


@pytest.mark.parametrize(
    "name, content, fragment",
    [
        ("binary.md", bytes(range(256)) * 4, "Binary file"),
        ("latin1.md", "Caf\xe9 owners said the rain kept diners away.".encode("latin-1"), "not valid UTF-8 (byte 0xe9"),
        ("unclosed.md", b"---\ntitle: Oops\n\nBody that never starts.\n", "Front matter is not closed"),
        ("badyaml.md", b'---\ntitle: "Budget vote\n---\n\nBody.\n', "not valid YAML"),
        ("list.md", b"---\n- a\n- b\n---\n\nBody.\n", "not a mapping"),
        ("utf16.md", "Hello".encode("utf-16"), "UTF-16"),
    ],
)
def test_each_bad_file_is_a_file_error_and_the_good_file_is_still_checked(write, name, content, fragment):
    bad = write(name, content)
    good = write("good.md", GOOD)
    code, data = check(bad, good)
    assert code == 1
    errors = [f for f in data["findings"] if f["rule"] == "file-error"]
    assert len(errors) == 1 and errors[0]["path"] == bad
    assert fragment in errors[0]["message"]
    assert errors[0]["severity"] == "error"
    assert any(f["rule"] == "image-alt" and f["path"] == good for f in data["findings"])


def test_file_error_fails_even_with_fail_on_error_and_no_other_findings(write):
    bad = write("list.md", b"---\n- a\n- b\n---\n\nBody.\n")
    code, _ = check(bad, extra=("--fail-on", "error"))
    assert code == 1


def test_malformed_html_is_linted_not_crashed(write):
    page = write("page.html", b"<html><body><p>Unclosed <b>bold <img src=x.jpg><div><p>Text & more</span></body>")
    _code, data = check(page)
    assert [f["rule"] for f in data["findings"]] == ["image-alt"]


def test_file_over_max_size_is_a_file_error(write):
    write(".edlint.yaml", "max_file_size: 1KiB\nselect: [image-alt]\n")
    big = write("big.md", "word " * 1000)
    good = write("good.md", GOOD)
    _code, data = check(big, good)
    msgs = {f["path"]: f["message"] for f in data["findings"]}
    assert "over the" in msgs[big] and "max_file_size" in msgs[big]
    assert good in msgs


def test_unreadable_file(write, monkeypatch):
    # Tests run as root in CI, where chmod 000 does not stop reads: make os.open() (what
    # reading.py opens articles with) refuse instead.
    import os

    bad = write("locked.md", GOOD)
    good = write("good.md", GOOD)
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if os.path.realpath(str(path)) == os.path.realpath(bad):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded_open)
    _code, data = check(bad, good)
    msgs = {f["path"]: f["message"] for f in data["findings"]}
    assert msgs[bad] == "Permission denied: cannot read file"
    assert good in msgs


def test_directory_symlink_loop_is_not_followed(write, tmp_path):
    import os

    write("a/good.md", GOOD)
    os.symlink(str(tmp_path / "a"), str(tmp_path / "a" / "loop"))
    _code, data = check(str(tmp_path))
    assert data["summary"]["files"] == 1
