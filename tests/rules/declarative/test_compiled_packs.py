"""The shipped packs compiled at build time (rules/declarative/compiled.py): the same rules as
loading the YAML, placed in the folder they are read from, and never used once they no
longer match the packs or the code."""

from __future__ import annotations

import os
import shutil

import pytest

from edlint import lint_text
from edlint.rules.declarative import compiled, packs

STORY = """---
title: Harbour dredging starts in the the spring
date: 2026-03-02
---

The harbour board voted to begin dredging in order to deepen the the channel.

Advertisement

The board's chair said the colour of the water would return to normal within a week, and
the color of the sand would not change.
"""


@pytest.fixture
def target(tmp_path, monkeypatch):
    """Where compiled.load looks for the compiled file, for this test only."""
    path = tmp_path / "_shipped_packs.pickle"
    monkeypatch.setattr(compiled, "compiled_path", lambda: str(path))
    return path


@pytest.fixture
def pack_copy(tmp_path):
    """The shipped packs copied to another folder (as a wheel installs them elsewhere)."""
    folder = tmp_path / "packs"
    shutil.copytree(packs.shipped_pack_dir(), folder)
    return sorted(str(folder / n) for n in os.listdir(folder) if n.endswith(".yaml"))


def _summary(loaded):
    return [
        (p.name, os.path.basename(p.path), [(r.id, r.severity, r.doc, r.summary, r.origin) for r in p.rules])
        for p in loaded
    ]


def _compiled_shipped() -> bytes:
    shipped = packs.shipped_pack_paths()
    return compiled.dump([packs.load_pack(p) for p in shipped], shipped)


def test_compiled_packs_equal_the_yaml_ones_and_point_at_the_folder_they_are_read_from(pack_copy, target):
    target.write_bytes(_compiled_shipped())
    got = compiled.load(pack_copy)
    assert got is not None
    expected = [packs.load_pack_text(open(p, encoding="utf-8").read(), p) for p in pack_copy]
    assert _summary(got) == _summary(expected)
    assert all(r.origin == f"pack:{p.path}" and p.path in pack_copy for p in got for r in p.rules)


def test_an_edited_or_removed_pack_is_loaded_from_yaml_not_from_the_stale_file(pack_copy, target):
    target.write_bytes(_compiled_shipped())
    assert compiled.load(pack_copy) is not None
    assert compiled.load(pack_copy[1:]) is None  # a pack removed
    with open(pack_copy[0], "a", encoding="utf-8") as f:
        f.write("\n# a house edit\n")
    assert compiled.load(pack_copy) is None


def test_a_damaged_compiled_file_falls_back_to_yaml(pack_copy, target):
    data = _compiled_shipped()
    target.write_bytes(data[: len(data) // 2])
    assert compiled.load(pack_copy) is None
    target.write_bytes(b"not a compiled pack file")
    assert compiled.load(pack_copy) is None
    target.unlink()
    assert compiled.load(pack_copy) is None


def test_pack_rules_find_the_same_problems_with_and_without_the_compiled_file(monkeypatch, tmp_path):
    config = {"select": ["newsroom-basics", "scrape-residue", "spelling-variants"]}
    shipped = packs.shipped_pack_paths()
    target = tmp_path / "_shipped_packs.pickle"
    target.write_bytes(_compiled_shipped())
    monkeypatch.setattr(compiled, "compiled_path", lambda: str(target))
    monkeypatch.setattr(packs, "_SHIPPED", None)
    assert compiled.load(shipped) is not None
    with_file = [(f.rule, f.line, f.column) for f in lint_text(STORY, "harbour.md", config).findings]
    monkeypatch.setattr(packs, "_SHIPPED", None)
    monkeypatch.setattr(compiled, "compiled_path", lambda: "/nonexistent/_shipped_packs.pickle")
    without = [(f.rule, f.line, f.column) for f in lint_text(STORY, "harbour.md", config).findings]
    assert with_file == without
    assert {"doubled-word", "scrape-advertisement", "spelling-consistency"} <= {r for r, _, _ in without}
