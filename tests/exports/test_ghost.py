"""Ghost JSON exports: posts from html (or lexical/mobiledoc), positions in the JSON file."""

from __future__ import annotations

import json
import os

from builders import ghost, position

from edlint.engine import Linter
from edlint.parsers.exports import expand, load, sniff

CORE = {"select": ["doubled-word", "image-alt", "image-credit"]}


def bridge(**kw) -> dict:
    html = (
        "<p>The bridge on the A48 reopened on Monday after “repairs” costing £4m.\n"
        "Drivers had faced a 12-mile detour for for nearly a year.</p>\n"
        '<figure class="kg-card kg-image-card kg-card-hascaption"><img src="https://valley.example/content/images/bridge.jpg" '
        'alt="Traffic crosses the reopened bridge"><figcaption>Traffic crosses the bridge. Photo: Tom Reid</figcaption></figure>'
    )
    return {
        "id": "65f0a1",
        "uuid": "c1d2",
        "title": "Bridge reopens after a year",
        "slug": "bridge-reopens",
        "html": html,
        "type": "post",
        "status": "published",
        "published_at": "2024-05-06T09:00:00.000Z",
        "custom_excerpt": "The A48 bridge has reopened after a year of repairs that cost £4m.",
        **kw,
    }


def findings(path: str, rule: str = "doubled-word"):
    result = Linter(config=CORE).run([path])
    return [(os.path.basename(f.path), f.line, f.column) for f in result.findings if f.rule == rule]


def test_html_post_positions_count_json_escapes(write):
    # In the file the html is one JSON string: \n, \" and (with ensure_ascii) \u00a3 escapes
    # come before the finding on the same line.
    for indent, ascii_only in ((1, False), (None, True)):
        text = json.dumps(json.loads(ghost([bridge()], indent=indent)), indent=indent, ensure_ascii=ascii_only)
        path = write(f"ghost-{indent}.json", text)
        assert findings(path) == [(f"ghost-{indent}.json#bridge-reopens", *position(text, "for for"))]


def test_metadata_authors_tags_and_a_clean_post(write):
    text = ghost([bridge(html="<p>The bridge on the A48 reopened on Monday.</p>")])
    path = write("ghost.json", text)
    (item,) = expand(path, sniff(path), max_size=1 << 20)
    doc = load(item, max_size=1 << 20)
    assert doc.meta("title") == "Bridge reopens after a year"
    assert doc.meta("author") == "Ana Ruiz"
    assert doc.meta("tags") == ["Transport"]
    assert doc.meta("date") == "2024-05-06T09:00:00.000Z"
    assert doc.language == "en-GB"
    assert Linter(config=CORE).run([path]).findings == []


def test_lexical_and_mobiledoc_posts_without_html(write):
    lexical = {
        "root": {
            "children": [
                {
                    "type": "paragraph",
                    "children": [{"type": "text", "text": "Council members voted to to close the depot."}],
                },
                {"type": "image", "src": "https://valley.example/depot.jpg", "altText": "", "caption": "The depot"},
            ]
        }
    }
    mobiledoc = {
        "version": "0.3.1",
        "markups": [],
        "atoms": [],
        "cards": [],
        "sections": [[1, "p", [[0, [], 0, "The library will will open late on Sundays."]]]],
    }
    posts = [
        bridge(id="a1", slug="depot", html=None, lexical=json.dumps(lexical)),
        bridge(id="a2", slug="library", html=None, mobiledoc=json.dumps(mobiledoc)),
    ]
    text = ghost(posts)
    path = write("ghost.json", text)
    got = findings(path)
    # Rendered text has no place in the file of its own: it points at the field.
    assert got == [
        ("ghost.json#depot", *position(text, '"lexical"', 0)[:1], got[0][2]),
        ("ghost.json#library", *position(text, '"mobiledoc"', 0)[:1], got[1][2]),
    ]
    assert {f[0] for f in findings(path, "image-alt")} == {"ghost.json#depot"}


def test_other_json_is_not_an_export(write, tmp_path):
    write("site/data/authors.json", json.dumps({"authors": [{"name": "Ana Ruiz", "bio": "the the"}]}))
    write("site/ghost.json", ghost([bridge()]))
    result = Linter(config=CORE).run([str(tmp_path / "site")])
    assert {os.path.basename(f.path) for f in result.findings} == {"ghost.json#bridge-reopens"}


def test_invalid_json_is_a_file_error(write):
    path = write("ghost.json", ghost([bridge()])[:-30])
    (f,) = Linter(config=CORE).run([path]).findings
    assert f.rule == "file-error" and "not valid JSON" in f.message
