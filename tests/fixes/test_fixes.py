"""--fix, --unsafe-fixes and --diff: edit selection, rounds until stable, atomic writes."""

import os
import stat

import pytest

from ci_helpers import BUDGET, FERRY, linter_for, project, run
from edlint import fixes
from edlint.rules.base import Applicability, Edit, Fix


def F(*edits, title="t", applicability=Applicability.SAFE):
    return Fix(title, tuple(Edit(*e) for e in edits), applicability)


# -- choosing and applying edits ---------------------------------------------------------------
def test_select_fixes_sorts_and_skips_overlaps():
    a = F((10, 20, "x"), title="a")
    b = F((15, 25, "y"), title="b")  # overlaps a
    c = F((0, 5, "z"), title="c")
    d = F((20, 22, "w"), title="d")  # touches a's end: no overlap
    assert fixes.select_fixes([a, b, c, d], 100) == [c, a, d]


def test_select_fixes_keeps_a_fix_whole_or_drops_it():
    early = F((0, 3, "x"), title="early")
    split = F((2, 4, "a"), (10, 12, "b"), title="two edits")  # first edit overlaps `early`
    late = F((11, 13, "c"), title="late")  # would overlap split's second edit
    # `split` is dropped whole, so `late` (which only clashes with its second edit) is taken.
    assert fixes.select_fixes([early, split, late], 50) == [early, late]


def test_select_fixes_insertions_at_same_point_conflict_and_duplicates_collapse():
    ins1 = F((4, 4, "A"), title="1")
    ins2 = F((4, 4, "B"), title="2")
    assert len(fixes.select_fixes([ins1, ins2], 10)) == 1
    same1 = F((1, 3, "x"), title="x")
    same2 = F((1, 3, "x"), title="x")
    assert fixes.select_fixes([same1, same2], 10) == [same1]


def test_select_fixes_drops_edits_outside_the_text():
    assert fixes.select_fixes([F((5, 30, ""))], 10) == []


def test_apply_fixes_and_line_endings():
    text = "One.  Two per cent.\r\nThree."
    out = fixes.apply_fixes(text, [F((4, 5, "")), F((10, 18, "percent"))])
    assert out == "One. Two percent.\r\nThree."
    # A replacement with a line break takes the file's CRLF.
    out = fixes.apply_fixes(text, [F((19, 21, "\n\n"))])
    assert out == "One.  Two per cent.\r\n\r\nThree."


def test_applicability():
    safe, unsafe = F((0, 1, "")), F((0, 1, ""), applicability=Applicability.UNSAFE)
    suggestion = F((0, 1, ""), applicability=Applicability.SUGGESTION)
    assert fixes.applicable(safe, False) and not fixes.applicable(unsafe, False)
    assert fixes.applicable(unsafe, True)
    assert not fixes.applicable(suggestion, True) and not fixes.applicable(None, True)


# -- the fix loop -------------------------------------------------------------------------------
def test_fix_text_runs_rounds_until_stable(tmp_path):
    root = project(tmp_path, {})
    linter = linter_for(root)
    text = "---\ntitle: Vote\n---\n\nThe council voted.   Taxes rise 10 per cent.\n"
    out = fixes.fix_text(linter, os.path.join(root, "a.md"), text)
    # Three spaces need two rounds (the demo rule removes one space per round);
    # "10 per cent" is fixed by one of two overlapping fixes, and the other is then moot.
    assert out.fixed == "---\ntitle: Vote\n---\n\nThe council voted. Taxes rise 10%.\n"
    assert out.rounds == 2
    assert out.applied == 3
    assert [f.rule for f in out.result.findings] == []


def test_unsafe_fixes_only_when_asked(tmp_path):
    root = project(tmp_path, {})
    linter = linter_for(root)
    text = "The breakwater is 5 miles long.\n"
    path = os.path.join(root, "a.md")
    assert fixes.fix_text(linter, path, text).fixed == text
    assert fixes.fix_text(linter, path, text, unsafe=True).fixed == "The breakwater is 5 miles (8 km) long.\n"


def test_a_round_that_breaks_the_file_is_not_kept(tmp_path):
    config = "plugins: [fixdemo_plugin.py]\nselect: [fixdemo-title-breaker, fixdemo-per-cent]\n"
    root = project(tmp_path, {}, config=config)
    linter = linter_for(root)
    text = '---\ntitle: "Budget vote"\n---\n\nTaxes rise by 2 per cent.\n'
    out = fixes.fix_text(linter, os.path.join(root, "a.md"), text)
    # The title-breaker fix would leave an unclosed quote (a file-error): skipped; the
    # harmless fix of the same round is kept.
    assert out.fixed == '---\ntitle: "Budget vote"\n---\n\nTaxes rise by 2 percent.\n'
    assert not any(f.rule == "file-error" for f in out.result.findings)
    assert any("Drop the closing quote" in n for n in out.notes)


def test_fixes_that_never_settle_stop_at_the_cap(tmp_path):
    config = "plugins: [fixdemo_plugin.py]\nselect: [fixdemo-flip-flop]\n"
    root = project(tmp_path, {}, config=config)
    linter = linter_for(root)
    out = fixes.fix_text(linter, os.path.join(root, "a.md"), "Walk towards the pier.\n")
    assert out.rounds == fixes.MAX_ROUNDS
    assert any("did not settle" in n for n in out.notes)


# -- the command line -----------------------------------------------------------------------------
def test_fix_writes_and_second_run_is_a_no_op(tmp_path, monkeypatch):
    root = project(tmp_path, {"news/budget.md": BUDGET, "news/ferry.md": FERRY})
    monkeypatch.chdir(root)
    result = run(["check", "--fix", "news"])
    assert result.exit_code == 1  # the image without alt text and the miles are left
    assert "Applied 5 fix(es) to 2 file(s)" in result.stderr
    budget = open("news/budget.md", encoding="utf-8").read()
    assert "Taxes rise 10%, and the harbour fund gets 3% more." in budget
    assert "Tuesday. Taxes" in budget
    assert "5 miles long" in budget  # unsafe: not applied
    assert "fixdemo-per-cent" not in result.stdout
    assert "news/budget.md:9:23: warning fixdemo-miles" in result.stdout
    before = {p: open(f"news/{p}", "rb").read() for p in ("budget.md", "ferry.md")}
    again = run(["check", "--fix", "news"])
    assert "No fixes applied" in again.stderr
    assert {p: open(f"news/{p}", "rb").read() for p in ("budget.md", "ferry.md")} == before
    assert again.stdout == result.stdout


def test_unsafe_fixes_flag(tmp_path, monkeypatch):
    root = project(tmp_path, {"budget.md": BUDGET})
    monkeypatch.chdir(root)
    run(["check", "--fix", "--unsafe-fixes", "budget.md"])
    assert "5 miles (8 km) long" in open("budget.md", encoding="utf-8").read()


def test_diff_prints_without_writing(tmp_path, monkeypatch):
    root = project(tmp_path, {"budget.md": BUDGET, "clean.md": "The regatta was won by the harbour club.\n"})
    monkeypatch.chdir(root)
    result = run(["check", "--diff", "."])
    assert result.exit_code == 1
    assert open("budget.md", encoding="utf-8").read() == BUDGET
    assert "--- a/./budget.md\n+++ b/./budget.md\n" in result.stdout
    assert "-The council voted on Tuesday.  Taxes rise 10 per cent" in result.stdout
    assert "+The council voted on Tuesday. Taxes rise 10%, and the harbour fund gets 3% more." in result.stdout
    assert "clean.md" not in result.stdout
    assert "fix(es) would be applied to 1 file(s)" in result.stderr
    nothing = run(["check", "--diff", "clean.md"])
    assert nothing.exit_code == 0 and nothing.stdout == ""


def test_fix_stdin_prints_the_fixed_text(tmp_path, monkeypatch):
    root = project(tmp_path, {})
    monkeypatch.chdir(root)
    result = run(["check", "--fix", "--stdin-filename", "story.md", "-"], input="Rates rose 4 per cent.\n")
    assert result.stdout == "Rates rose 4%.\n"
    assert result.exit_code == 0


def test_fix_keeps_mode_bom_and_crlf(tmp_path, monkeypatch):
    text = "\ufeff---\r\ntitle: Vote\r\n---\r\n\r\nRates rose 4 per cent.  It was expected.\r\n"
    root = project(tmp_path, {"a.md": text.encode("utf-8")})
    monkeypatch.chdir(root)
    os.chmod("a.md", 0o640)
    run(["check", "--fix", "a.md"])
    data = open("a.md", "rb").read()
    assert data == "\ufeff---\r\ntitle: Vote\r\n---\r\n\r\nRates rose 4%. It was expected.\r\n".encode("utf-8")
    assert stat.S_IMODE(os.stat("a.md").st_mode) == 0o640
    assert [n for n in os.listdir(".") if n.endswith(".edlint-tmp")] == []


def test_fix_is_never_written_through_a_symlink(tmp_path, monkeypatch):
    # SECURITY.md: fixes are never written through a symlink (even one inside the tree);
    # the fix is reported, the link and the file it points to stay as they are.
    root = project(tmp_path, {"real.md": "Rates rose 4 per cent.\n"})
    monkeypatch.chdir(root)
    os.symlink("real.md", "link.md")
    result = run(["check", "--fix", "link.md"])
    assert os.path.islink("link.md")
    assert open("real.md", encoding="utf-8").read() == "Rates rose 4 per cent.\n"
    assert "link.md: is a symbolic link; fixes are not written through it; fixes not written" in result.stderr


def test_failed_rename_leaves_the_original_and_no_temp_file(tmp_path, monkeypatch):
    root = project(tmp_path, {"a.md": "Rates rose 4 per cent.\n"})
    monkeypatch.chdir(root)

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    from edlint import fileio

    monkeypatch.setattr(fileio.os, "replace", boom)
    result = run(["check", "--fix", "a.md"])
    assert open("a.md", encoding="utf-8").read() == "Rates rose 4 per cent.\n"
    assert [n for n in os.listdir(".") if "edlint-tmp" in n] == []
    assert "could not write fixes" in result.stderr
    # What is reported is what is on disk.
    assert "fixdemo-percent-sign" in result.stdout


def test_a_file_changed_meanwhile_is_not_clobbered(tmp_path):
    root = project(tmp_path, {"a.md": "Rates rose 4 per cent.\n"})
    path = os.path.join(root, "a.md")
    linter = linter_for(root)
    real_lint = linter.lint_file
    calls = []

    def lint_and_edit(p, text=None):
        calls.append(p)
        if len(calls) == 1:  # an editor saves while edlint is working
            with open(path, "w", encoding="utf-8") as fh:
                fh.write("Rates rose 4 per cent, the bank said.\n")
        return real_lint(p, text)

    linter.lint_file = lint_and_edit
    out = fixes.fix_file(linter, path)
    assert not out.written
    assert open(path, encoding="utf-8").read() == "Rates rose 4 per cent, the bank said.\n"
    assert any("changed on disk" in n for n in out.notes)


def test_write_atomic_refuses_when_content_differs(tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"new")
    assert fixes.write_atomic(str(p), b"fixed", expected=b"old") is False
    assert p.read_bytes() == b"new"
    assert fixes.write_atomic(str(p), b"fixed", expected=b"new") is True
    assert p.read_bytes() == b"fixed"


def test_unreadable_files_are_reported_not_fixed(tmp_path, monkeypatch):
    root = project(tmp_path, {"bin.md": b"\x00\x01binary", "ok.md": "Rates rose 4 per cent.\n"})
    monkeypatch.chdir(root)
    result = run(["check", "--fix", "bin.md", "ok.md"])
    assert "bin.md:1:1: error file-error" in result.stdout
    assert open("bin.md", "rb").read() == b"\x00\x01binary"
    assert open("ok.md", encoding="utf-8").read() == "Rates rose 4%.\n"


def test_unified_diff_marks_a_missing_final_newline():
    d = fixes.unified_diff("a per cent", "a percent", "x.md")
    assert d.splitlines()[-1] == "\\ No newline at end of file"
    assert fixes.unified_diff("same\n", "same\n", "x.md") == ""


@pytest.mark.parametrize("text", ["4 per cent\u2028rise.\n", "Line one.\fLine two 4 per cent.\n"])
def test_unified_diff_splits_only_at_line_feeds(text):
    d = fixes.unified_diff(text, text.replace("4 per cent", "4%"), "x.md")
    assert d.count("\n-") == 1 and d.count("\n+") == 2  # "+++" header and one line
