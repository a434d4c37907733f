"""Replay every input kept in tests/regressions/ (crashes the fuzzer found, see fuzz/README.md)
through every format, in process and through the CLI: no exception escapes, no internal-error,
no parser crash hidden as a file-error, every position inside the file, no hang.

A fixture is the raw file bytes, as the fuzzer wrote them (``fuzz/fuzz_edlint.py``: with
``--format`` the bytes are the file; without it the first byte chose the format, which does
not matter here since each fixture is replayed as Markdown, HTML and plain text).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys

import pytest

from edlint.document import LineIndex
from edlint.engine import Linter
from edlint.parsers import decode
from paths import TESTS

HERE = TESTS
FOLDER = os.path.join(HERE, "regressions")
FIXTURES = sorted(
    name
    for name in (os.listdir(FOLDER) if os.path.isdir(FOLDER) else [])
    if not name.startswith(".") and name != "README.md"
)
FORMATS = {"md": "regression.md", "html": "regression.html", "txt": "regression.txt"}
HANG_GUARD = 30  # seconds per fixture and format; these inputs are small

# Crashes not fixed yet: (fixture, format) -> what is wrong and where. Each is an
# xfail(strict=True): when the fix lands the test passes and the entry must go.
KNOWN: dict[tuple[str, str], str] = {}

_LINTER: Linter | None = None


def linter() -> Linter:
    global _LINTER
    if _LINTER is None:
        _LINTER = Linter(config={"select": ["all"], "preview": True})
    return _LINTER


@pytest.fixture
def hang_guard():
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum, frame):
        raise TimeoutError(f"still running after {HANG_GUARD} s (hang)")

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(HANG_GUARD)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def text_of(data: bytes) -> str:
    """The text the parsers see: decoded as the engine does, or leniently when the engine
    would stop at a file-error (so the parsers still get the content)."""
    text, _problem = decode(data)
    if text is None:
        text = data.replace(b"\x00", b"").decode("utf-8", "replace")
    return text


def check_findings(findings, text: str, path: str) -> None:
    lines = LineIndex(text)
    for f in findings:
        assert f.rule != "internal-error", f.message
        assert not (f.rule == "file-error" and f.message.startswith("Could not parse file")), f.message
        assert f.path == path
        for line, col in ((f.line, f.column), (f.end_line, f.end_column)):
            assert 1 <= line <= lines.line_count, (f.rule, line, f.message)
            start = lines.starts[line - 1]
            end = lines.starts[line] if line < lines.line_count else lines.length
            assert 1 <= col <= end - start + 1, (f.rule, line, col, f.message)
        assert (f.end_line, f.end_column) >= (f.line, f.column), f


def test_the_folder_is_documented():
    assert os.path.isfile(os.path.join(FOLDER, "README.md"))


CASES = [
    pytest.param(
        name,
        fmt,
        id=f"{name}-{fmt}",
        marks=[pytest.mark.xfail(strict=True, reason=KNOWN[name, fmt])] if (name, fmt) in KNOWN else [],
    )
    for name in FIXTURES
    for fmt in sorted(FORMATS)
]


def test_known_failures_name_real_fixtures():
    assert {name for name, _ in KNOWN} <= set(FIXTURES)


@pytest.mark.parametrize("name, fmt", CASES)
def test_fixture_lints_cleanly(name, fmt, hang_guard):
    with open(os.path.join(FOLDER, name), "rb") as fh:
        data = fh.read()
    text = text_of(data)
    path = FORMATS[fmt]
    result = linter().run_text(text, path)
    assert not result.internal_error, [f.message for f in result.findings if f.rule == "internal-error"]
    check_findings(result.findings, text, path)


@pytest.mark.skipif(not FIXTURES, reason="no fixtures yet")
@pytest.mark.parametrize("output", ["json", "text"])
def test_fixtures_through_the_cli(tmp_path, output):
    """All fixtures at once, as files on disk, through the real command: no traceback."""
    for i, name in enumerate(FIXTURES):
        with open(os.path.join(FOLDER, name), "rb") as fh:
            data = fh.read()
        for ext in ("md", "html", "txt"):
            (tmp_path / f"fixture{i:03}.{ext}").write_bytes(data)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "edlint.cli",
            "check",
            "--no-cache",
            "--jobs",
            "1",
            "--preview",
            "--select",
            "all",
            "--format",
            output,
            ".",
        ],
        cwd=tmp_path,
        capture_output=True,
        timeout=60 + 10 * len(FIXTURES),
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode("utf-8", "replace")
    known = {f"./fixture{i:03}.{fmt}" for i, name in enumerate(FIXTURES) for fmt in FORMATS if (name, fmt) in KNOWN}
    if output == "json":
        report = json.loads(proc.stdout)
        assert report["summary"]["files"] == 3 * len(FIXTURES)
        broken = {f["path"] for f in report["findings"] if f["rule"] == "internal-error"}
        assert broken <= known, sorted(broken - known)
        assert proc.returncode == (2 if broken else 1 if report["findings"] else 0)
    else:
        assert proc.returncode in (0, 1, 2) and (proc.returncode != 2 or known)
