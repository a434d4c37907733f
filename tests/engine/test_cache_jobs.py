"""The content cache and worker processes give exactly the findings of a plain run."""

import json
import os

from edlint.cache import STORE, Cache
from edlint.engine import Linter

CORE = {"select": ["image-alt", "duplicate-paragraph"]}
DUP = "The council approved the library budget after a long and heated debate.\n\n"


def corpus(write, n=24):
    paths = []
    for i in range(n):
        body = f"Story {i} about the harbour and the boats that use it.\n\n"
        if i % 3 == 0:
            body += "![](harbour.jpg)\n\n"
        if i % 4 == 0:
            body += DUP + DUP
        paths.append(write(f"news/story{i:02}.md", body))
    return paths


def as_json(result):
    return [f.to_json() for f in result.findings]


def test_warm_run_equals_cold_run_and_reads_nothing_again(write, tmp_path, monkeypatch):
    corpus(write)
    cache_dir = str(tmp_path / ".edlint_cache")
    cold = Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    assert os.path.exists(os.path.join(cache_dir, STORE))
    from edlint import engine

    def no_parse(*a, **k):
        raise AssertionError("a warm run must not parse")

    monkeypatch.setattr(engine.lint, "parse", no_parse)
    warm = Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    assert as_json(warm) == as_json(cold) and len(cold.findings) > 0


def test_a_changed_file_is_linted_again(write, tmp_path):
    paths = corpus(write)
    cache_dir = str(tmp_path / "c")
    Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    with open(paths[1], "a", encoding="utf-8") as fh:
        fh.write("\n![](new-photo.jpg)\n")
    warm = Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    plain = Linter(config=CORE).run([str(tmp_path / "news")])
    assert as_json(warm) == as_json(plain)
    assert any(f.path == paths[1] and f.rule == "image-alt" for f in warm.findings)


def test_changed_config_invalidates(write, tmp_path):
    corpus(write)
    cache_dir = str(tmp_path / "c")
    Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    other = Linter(config={"select": ["image-alt"]}).run([str(tmp_path / "news")], cache=Cache(cache_dir))
    assert {f.rule for f in other.findings} == {"image-alt"}


def test_corrupt_or_foreign_store_is_ignored(write, tmp_path):
    corpus(write)
    cache_dir = tmp_path / "c"
    cache_dir.mkdir()
    plain = Linter(config=CORE).run([str(tmp_path / "news")])
    (cache_dir / STORE).write_text("{not json", encoding="utf-8")
    assert as_json(Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(str(cache_dir)))) == as_json(plain)
    forged = {"version": "0.0.0-other", "entries": {}, "cross": {}}
    (cache_dir / STORE).write_text(json.dumps(forged), encoding="utf-8")
    assert as_json(Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(str(cache_dir)))) == as_json(plain)
    # An entry with the wrong shape is a miss, not a crash.
    data = json.loads((cache_dir / STORE).read_text(encoding="utf-8"))
    for key in data["entries"]:
        data["entries"][key] = {"findings": [{"bogus": 1}]}
    (cache_dir / STORE).write_text(json.dumps(data), encoding="utf-8")
    assert as_json(Linter(config=CORE).run([str(tmp_path / "news")], cache=Cache(str(cache_dir)))) == as_json(plain)


def test_two_workers_give_the_same_findings_in_the_same_order(write, tmp_path):
    corpus(write, n=40)
    one = Linter(config=CORE).run([str(tmp_path / "news")], jobs=1)
    two = Linter(config=CORE).run([str(tmp_path / "news")], jobs=2)
    assert as_json(one) == as_json(two) and len(one.findings) > 10
