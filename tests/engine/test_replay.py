"""Warm runs replayed from the cache (replay.py): the same report as a full run, without
loading rules or parsers, and a full run again as soon as anything the findings depended
on changes (an article, a folder, a config, a pack, site data, the arguments)."""

import json
import os
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from edlint import cli
from edlint.cache import STORE
from edlint.commands import check as check_command

ARTICLE = """---
title: Harbour wall to be rebuilt after winter storms
author: Maria Lopez
date: 2024-03-04
description: The council will spend £2m rebuilding the harbour wall at Porthleven.
---

The harbour wall at Porthleven will be rebuilt this summer, the council said on Monday.

"We cannot wait for another winter like the last one," said harbour master Tom Jenkins.

![](harbour-wall.jpg)

The work will close the quay to visitors for about six weeks.
"""

CLEAN = """---
title: Library opens on Sundays from April
author: Maria Lopez
date: 2024-03-05
description: Penzance library will open on Sunday afternoons from April.
---

Penzance library will open on Sunday afternoons from April, the council said on Tuesday.
"""

CONFIG = "select: [image-alt, quote-style, metadata-required, bio-inconsistent]\n"


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "harbour.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "library.md").write_text(CLEAN, encoding="utf-8")
    (tmp_path / ".edlint.yaml").write_text(CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args, replay_expected=None, monkeypatch=None):
    """Run `edlint check`; with replay_expected, assert whether the run was replayed
    (a replayed run never builds a Linter)."""
    if replay_expected is not None:
        built = []
        real = check_command.make_linter

        def spy(*a, **k):
            built.append(True)
            return real(*a, **k)

        monkeypatch.setattr(check_command, "make_linter", spy)
    result = CliRunner().invoke(cli.main, ["check", "--no-color", *args], catch_exceptions=False)
    if replay_expected is not None:
        assert (not built) == replay_expected, "replayed" if not built else "full run"
        monkeypatch.setattr(check_command, "make_linter", real)
    return result


def touch_later(path, text):
    """Rewrite a file so that its signature surely changes (coarse file-system clocks)."""
    time.sleep(0.01)
    path.write_text(text, encoding="utf-8")


def test_second_identical_run_is_replayed_with_the_same_report(site, monkeypatch):
    first = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert first.exit_code == 1 and "image-alt" in first.output
    second = check("news", replay_expected=True, monkeypatch=monkeypatch)
    assert second.output == first.output and second.exit_code == first.exit_code
    as_json = check("--format", "json", "news", replay_expected=True, monkeypatch=monkeypatch)
    full = check("--format", "json", "--no-cache", "news")
    assert json.loads(as_json.output) == json.loads(full.output)


def test_clean_run_replays_exit_zero(site, monkeypatch):
    assert check("news/library.md").exit_code == 0
    again = check("news/library.md", replay_expected=True, monkeypatch=monkeypatch)
    assert again.exit_code == 0


def test_edited_article_is_linted_again(site, monkeypatch):
    check("news")
    article = site / "news" / "library.md"
    touch_later(article, CLEAN + "\n![](reading-room.jpg)\n")
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert "library.md" in result.output and result.output.count("image-alt") == 2


def test_new_file_in_a_walked_folder_is_found(site, monkeypatch):
    check("news")
    (site / "news" / "sub").mkdir()
    (site / "news" / "sub" / "new.md").write_text(ARTICLE, encoding="utf-8")
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert "new.md" in result.output


def test_new_file_in_a_subfolder_is_found(site, monkeypatch):
    (site / "news" / "2024").mkdir()
    check("news")
    (site / "news" / "2024" / "march.md").write_text(ARTICLE, encoding="utf-8")
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert "march.md" in result.output


def test_edited_config_is_read_again(site, monkeypatch):
    check("news")
    touch_later(site / ".edlint.yaml", "select: [metadata-required]\n")
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert result.exit_code == 0 and "image-alt" not in result.output


def test_config_appearing_nearer_the_files_is_used(site, monkeypatch):
    check("news")
    (site / "news" / ".edlint.yaml").write_text("select: [quote-style]\nquotes:\n  marks: curly\n", encoding="utf-8")
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert "image-alt" not in result.output and "quote-style" in result.output


def test_other_arguments_are_another_run(site, monkeypatch):
    check("news")
    result = check("--select", "image-alt", "news", replay_expected=False, monkeypatch=monkeypatch)
    assert "quote-style" not in result.output and "image-alt" in result.output
    # Each invocation keeps its own record: the first one still replays.
    check("news", replay_expected=True, monkeypatch=monkeypatch)


def test_another_day_is_another_run(site, monkeypatch):
    check("--today", "2024-03-06", "news")
    check("--today", "2024-03-07", "news", replay_expected=False, monkeypatch=monkeypatch)


def test_edited_pack_is_read_again(site, monkeypatch):
    pack = site / "house.yaml"
    rule = """pack: house
rules:
  - id: harbour-master-case
    type: existence
    message: "Use lower case for job titles: '{{match}}'"
    tokens: [{word}]
    ignore_case: false
"""
    pack.write_text(rule.format(word="Harbour Master"), encoding="utf-8")
    (site / ".edlint.yaml").write_text(CONFIG + "packs: [house.yaml]\nextend_select: [house]\n", encoding="utf-8")
    assert "harbour-master-case" not in check("news").output
    touch_later(pack, rule.format(word="harbour master"))
    result = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert "harbour-master-case" in result.output


def test_edited_authors_registry_is_read_again(site, monkeypatch):
    authors = site / "authors.yaml"
    authors.write_text("- name: Maria Lopez\n  bio: Maria Lopez covers Cornwall for the paper.\n", encoding="utf-8")
    (site / ".edlint.yaml").write_text(CONFIG + "bios:\n  authors: authors.yaml\n", encoding="utf-8")
    check("news")
    check("news", replay_expected=True, monkeypatch=monkeypatch)
    touch_later(authors, "- name: Maria Lopez\n  bio: Maria Lopez is the paper's courts reporter.\n")
    check("news", replay_expected=False, monkeypatch=monkeypatch)


def test_damaged_manifest_is_never_trusted(site, monkeypatch):
    first = check("news")
    store = site / ".edlint_cache" / STORE
    data = json.loads(store.read_text(encoding="utf-8"))
    for manifest in data["manifests"].values():
        manifest["files"] = [["news/harbour.md"]]  # wrong shape
    store.write_text(json.dumps(data), encoding="utf-8")
    again = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert again.output == first.output
    data = json.loads(store.read_text(encoding="utf-8"))
    for entry in data["entries"].values():
        entry["findings"] = [["image-alt", "warning", "Forged", "one", 1, 1, 2, 0, 1, ""]]
    store.write_text(json.dumps(data), encoding="utf-8")
    forged = check("news", replay_expected=False, monkeypatch=monkeypatch)
    assert forged.output == first.output and "Forged" not in forged.output


def test_runs_that_cannot_be_replayed(site, monkeypatch):
    # A plugin named as a module: its code is not stamped, so every run is a full run.
    (site / "house_rules.py").write_text(
        "from edlint.rules.base import rule\n\n"
        "@rule('no-op-house', family='house', summary='Does nothing')\n"
        "def no_op_house(doc, opts):\n    return iter(())\n",
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(site))
    monkeypatch.setenv("EDLINT_ALLOW_PLUGINS", "1")
    (site / ".edlint.yaml").write_text(CONFIG + "plugins: [house_rules]\n", encoding="utf-8")
    check("news")
    check("news", replay_expected=False, monkeypatch=monkeypatch)
    # Formats that describe the rules, fixes, and --no-cache always run in full.
    (site / ".edlint.yaml").write_text(CONFIG, encoding="utf-8")
    check("--format", "sarif", "news")
    check("--format", "sarif", "news", replay_expected=False, monkeypatch=monkeypatch)
    check("--no-cache", "news", replay_expected=False, monkeypatch=monkeypatch)


def test_replayed_run_loads_no_rules_or_parsers(site):
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    probe = (
        "import sys\n"
        "from edlint.cli import main\n"
        "try:\n    main(['check', '--quiet', 'news'])\n"
        "except SystemExit as exc:\n    code = exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('markdown_it', 'yaml', 'edlint.rules.images',\n"
        "    'edlint.parsers', 'edlint.engine', 'edlint.rules.registry')))\n"
        "print('LOADED', code, loaded, file=sys.stderr)\n"
    )
    cold = subprocess.run([sys.executable, "-c", probe], cwd=site, env=env, capture_output=True, text=True)
    warm = subprocess.run([sys.executable, "-c", probe], cwd=site, env=env, capture_output=True, text=True)
    assert "LOADED 1 [" in cold.stderr and "markdown_it" in cold.stderr
    assert "LOADED 1 []" in warm.stderr, warm.stderr
    assert warm.stdout == cold.stdout


def test_articles_with_bios_are_cached_and_replayed(site, monkeypatch):
    """Cross-file facts (each article's bios) must survive the JSON cache, or every article
    with a bio would be linted again on every run."""
    bio_a = "Maria Lopez covers Cornwall's coast and harbours for the paper."
    bio_b = "Maria Lopez is the paper's courts reporter, based in Truro since 2019."
    for name, bio in (("a.md", bio_a), ("b.md", bio_b), ("c.md", bio_a)):
        (site / "news" / name).write_text(
            ARTICLE.replace("description:", f"bio: {bio}\ndescription:"), encoding="utf-8"
        )
    first = check("news")
    assert "bio-inconsistent" in first.output and "b.md" in first.output
    data = json.loads((site / ".edlint_cache" / STORE).read_text(encoding="utf-8"))
    assert len(data["entries"]) == 5  # every article, the ones with bio facts included
    again = check("news", replay_expected=True, monkeypatch=monkeypatch)
    assert again.output == first.output


def test_edited_include_template_is_read_again(site, monkeypatch):
    # A Jekyll site's figure include (images family, includes.py): editing or adding a
    # template changes which arguments are the picture's alt text, so the run is not replayed.
    (site / "_includes").mkdir()
    template = site / "_includes" / "photo.html"
    template.write_text('<figure><img src="/img/{{ include.file }}"></figure>\n', encoding="utf-8")
    check("news")
    check("news", replay_expected=True, monkeypatch=monkeypatch)
    touch_later(template, '<figure><img src="/img/{{ include.file }}" alt="{{ include.text }}"></figure>\n')
    check("news", replay_expected=False, monkeypatch=monkeypatch)
    check("news", replay_expected=True, monkeypatch=monkeypatch)
    (site / "_includes" / "figure.html").write_text('<img src="{{ include.src }}">\n', encoding="utf-8")
    check("news", replay_expected=False, monkeypatch=monkeypatch)
