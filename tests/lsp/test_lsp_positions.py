"""Offsets to client positions and back, and the code actions' edits (no server needed)."""

from __future__ import annotations

import pytest

from edlint.engine import Linter
from edlint.lsp import actions
from edlint.lsp.positions import UTF8, UTF16, UTF32, PositionMap

LINE = "Crowds 🎉 gathered at the council’s offices on Friday, and the the mayor spoke."


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        (UTF16, len(LINE[: LINE.index("the the")]) + 1),  # the emoji is two UTF-16 units
        (UTF8, len(LINE[: LINE.index("the the")].encode("utf-8"))),
        (UTF32, len(LINE[: LINE.index("the the")])),
    ],
)
def test_positions_count_in_the_negotiated_encoding(encoding, expected):
    text = "# Parade\n\n" + LINE + "\n"
    offset = text.index("the the")
    pm = PositionMap(text, encoding)
    assert pm.position(offset) == (2, expected)
    assert pm.offset(2, expected) == offset  # and back


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_ending_starts_a_line(newline):
    text = newline.join(["Headline", "", "Body with a finding here"]) + newline
    pm = PositionMap(text)
    assert pm.position(text.index("finding")) == (2, len("Body with a "))
    assert pm.offset(9, 0) == len(text)  # past the end: clamped


def test_a_position_inside_a_surrogate_pair_lands_on_the_character():
    text = "🎉 x"
    pm = PositionMap(text, UTF16)
    assert pm.offset(0, 1) == 0 and pm.offset(0, 2) == 1


def test_minimal_edit_keeps_what_did_not_change():
    before = '---\ntitle: x\n---\n\nIt\'s a "good" day.\r\nAnd more.\r\n'
    after = before.replace("It's", "It’s")
    edit = actions.minimal_edit(before, after)
    assert before[: edit.start] + edit.replacement + before[edit.end :] == after
    assert edit.end - edit.start <= 3
    assert actions.minimal_edit(before, before) is None


def _finding(text: str, path: str, rule: str = "doubled-word"):
    result = Linter(config={"select": [rule]}).run_text(text, path)
    (finding,) = [f for f in result.findings if f.rule == rule]
    return finding


def _apply(text: str, action: actions.Action) -> str:
    for e in sorted(action.edits, key=lambda e: -e.start):
        text = text[: e.start] + e.replacement + text[e.end :]
    return text


def test_disable_for_line_keeps_a_wrapped_paragraph_whole(tmp_path):
    text = "---\ntitle: Rail strike\n---\n\nTrains will not run on Saturday,\nthe the union said on Friday.\n"
    path = str(tmp_path / "strike.md")
    action = actions.disable_for_line(text, _finding(text, path), path)
    quiet = _apply(text, action)
    assert quiet.endswith("Saturday, <!-- edlint-disable-next-line doubled-word -->\nthe the union said on Friday.\n")
    assert [f.rule for f in Linter(config={"select": ["doubled-word"]}).run_text(quiet, path).findings] == []


def test_disable_for_line_after_a_blank_line_and_in_a_list(tmp_path):
    text = "# Rail strike\n\n- Trains will not run,\n  the the union said.\n\nThe the strike ends Monday.\n"
    path = str(tmp_path / "strike.md")
    findings = Linter(config={"select": ["doubled-word"]}).run_text(text, path).findings
    assert len(findings) == 2
    quiet = text
    for finding in sorted(findings, key=lambda f: -f.span.start):
        quiet = _apply(quiet, actions.disable_for_line(quiet, finding, path))
    assert "\n<!-- edlint-disable-next-line doubled-word -->\nThe the strike" in quiet
    assert Linter(config={"select": ["doubled-word"]}).run_text(quiet, path).findings == []


def test_no_line_comment_inside_front_matter(tmp_path):
    text = "---\ntitle: The the rail strike\n---\n\nTrains will not run on Saturday.\n"
    path = str(tmp_path / "strike.md")
    findings = Linter(config={"select": ["doubled-word"]}).run_text(text, path).findings
    for finding in findings:
        assert actions.disable_for_line(text, finding, path) is None
        whole = actions.disable_in_file(text, finding, path)
        assert _apply(text, whole).startswith("---\ntitle: The the rail strike\n---\n<!-- edlint-disable-file")


def test_fix_labels_say_how_safe_they_are(tmp_path):
    text = "Trains will not run on Saturday, the the union said.\n"
    path = str(tmp_path / "strike.txt")
    action = actions.fix_action(_finding(text, path))
    assert action.title.endswith("(unsafe: check it)") and not action.preferred
