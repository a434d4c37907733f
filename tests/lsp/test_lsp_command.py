"""`edlint lsp` without the extra installed, and `edlint check` never importing it."""

from __future__ import annotations

import subprocess
import sys

MISSING_PYGLS = """
import sys
sys.modules["pygls"] = None  # as if `pip install edlint` without the lsp extra
from edlint.cli import main
main(["lsp"])
"""


def test_without_the_extra_a_clear_message_and_exit_2():
    run = subprocess.run([sys.executable, "-c", MISSING_PYGLS], capture_output=True, text=True, timeout=60)
    assert run.returncode == 2
    assert 'pip install "edlint[lsp]"' in run.stderr
    assert "Traceback" not in run.stderr


def test_check_does_not_import_the_language_server(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Rail strike\n\nTrains will not run on Saturday, the union said.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from edlint.cli import main\n"
        "try:\n"
        f"    main(['check', '--no-cache', {str(story)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('pygls', 'lsprotocol') or m.startswith('edlint.lsp')))\n"
    )
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert run.stdout.strip().splitlines()[-1] == "[]"
