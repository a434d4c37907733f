"""The workspace: one unsaved document checked against the facts of a folder on disk (what
the language server and `edlint serve` use for cross-file rules)."""

from __future__ import annotations

import threading

from edlint.engine import Linter
from edlint.engine.workspace import Workspace

ARTICLE = """---
title: {title}
date: 2026-03-02
authors:
  - maya-okafor
---

The county will cut weekend hours at three clinics, officials said on Monday.

_**Maya Okafor** {bio}_
"""

USUAL = "is a health reporter for the Ledger. Reach her at maya@ledger.example."
OTHER = "covers courts and crime for the Ledger."


def _workspace(tmp_path, *bios):
    for i, bio in enumerate(bios):
        (tmp_path / f"post-{i}.md").write_text(ARTICLE.format(title=f"Clinics {i}", bio=bio), encoding="utf-8")
    ws = Workspace(Linter(config={"select": ["bio-inconsistent"]}), [str(tmp_path)])
    assert ws.scan() == len(bios)
    return ws


def test_a_draft_whose_bio_differs_from_the_archive_is_reported(tmp_path):
    ws = _workspace(tmp_path, USUAL, USUAL)
    draft = str(tmp_path / "draft.md")
    got = ws.check_text(ARTICLE.format(title="Draft", bio=OTHER), draft).findings
    assert [(f.rule, f.path, f.line) for f in got] == [("bio-inconsistent", draft, 10)]
    assert ws.facts_count() == 2  # checking a draft does not add it to the workspace


def test_a_draft_with_the_usual_bio_is_clean(tmp_path):
    ws = _workspace(tmp_path, USUAL, USUAL)
    assert ws.check_text(ARTICLE.format(title="Draft", bio=USUAL), str(tmp_path / "draft.md")).findings == []


def test_an_edited_file_replaces_its_own_facts(tmp_path):
    # post-0 on disk has the odd bio; the buffer being edited fixes it: no finding, because
    # the buffer's facts replace the file's own rather than adding a third bio.
    ws = _workspace(tmp_path, OTHER, USUAL)
    path = str(tmp_path / "post-0.md")
    assert ws.check_text(ARTICLE.format(title="Clinics 0", bio=USUAL), path).findings == []
    ws.update(path, ARTICLE.format(title="Clinics 0", bio=USUAL))
    ws.forget(str(tmp_path / "post-1.md"))
    assert ws.facts_count() == 1


def test_a_cancelled_scan_keeps_what_it_read(tmp_path):
    cancel = threading.Event()
    cancel.set()
    for i in range(3):
        (tmp_path / f"post-{i}.md").write_text(ARTICLE.format(title=str(i), bio=USUAL), encoding="utf-8")
    ws = Workspace(Linter(config={"select": ["bio-inconsistent"]}), [str(tmp_path)])
    assert ws.scan(cancel) == 0 and ws.scanned.is_set()
