"""WordPress exports (WXR): each post a Document, findings at the export's line and column."""

from __future__ import annotations

import json
import os

import pytest
from builders import Post, image, paragraph, position, wxr
from click.testing import CliRunner

from edlint.cli import main
from edlint.engine import Linter
from edlint.parsers.exports import expand, load, sniff

CORE = {"select": ["doubled-word", "image-alt", "image-credit", "bio-inconsistent"]}
BIO = "<em>Maya Okafor is a health reporter for the Ledger and a former nurse in Fresno County.</em>"
OTHER_BIO = "<em>Maya Okafor covers the courts and city hall for the Ledger from its Fresno newsroom.</em>"


def clinic_post(**kw) -> Post:
    body = (
        paragraph("The county will cut weekend hours at three clinics from March, officials said on Tuesday.")
        + image(
            "https://ledger.example/wp-content/uploads/2024/03/clinic.jpg",
            "Patients wait outside the Elm Street clinic",
            "Patients wait outside the Elm Street clinic. Photo: Tom Reid/The Ledger",
            201,
        )
        + paragraph("Nurses said the the cuts would push patients to the emergency room at St Anne’s.")
    )
    return Post(101, "Clinic hours cut at three sites", body, slug="clinic-hours", **kw)


def attachment() -> Post:
    return Post(
        201,
        "clinic",
        "",
        post_type="attachment",
        status="inherit",
        parent=101,
        attachment_url="https://ledger.example/wp-content/uploads/2024/03/clinic.jpg",
        alt="Patients wait outside the Elm Street clinic",
        excerpt="Patients wait outside the Elm Street clinic",
    )


def run(path: str, config=CORE):
    return Linter(config=config).run([path])


def found(result, rule: str) -> list[tuple[str, int, int]]:
    return [(os.path.basename(f.path), f.line, f.column) for f in result.findings if f.rule == rule]


def test_a_finding_points_at_the_line_and_column_inside_the_cdata(write):
    text = wxr([clinic_post(), attachment()])
    path = write("export.xml", text)
    result = run(path)
    assert found(result, "doubled-word") == [("export.xml#post-101", *position(text, "the the"))]
    # A clean, credited image with alt text: nothing else to say about this post.
    assert {f.rule for f in result.findings} == {"doubled-word"}


def test_split_cdata_entities_and_wide_characters_before_a_finding_on_the_same_line(write):
    # "]]>" in a post (a code sample) is split by WordPress across two CDATA sections; the
    # columns after it, and after é, “ ” and an emoji, still count code points of the file.
    body = paragraph(
        "In the café’s window 😀 a sign read “if (a[b[0]]>1) close”, and and regulars laughed."
    ) + paragraph("Owners said rent had risen by by a third.")
    text = wxr([Post(7, "Café sign", body, slug="cafe-sign")])
    assert "]]]]><![CDATA[>" in text
    path = write("export.xml", text)
    result = run(path)
    assert found(result, "doubled-word") == [
        ("export.xml#post-7", *position(text, "and and")),
        ("export.xml#post-7", *position(text, "by by")),
    ]


def test_content_escaped_with_entities_instead_of_cdata(write):
    # Older exporters and hand-made files escape the HTML instead of using CDATA.
    raw = "&lt;p&gt;The council approved the the budget on Tuesday &amp;amp; adjourned.&lt;/p&gt;"
    text = wxr([Post(8, "Budget", "", slug="budget", raw_content=raw)])
    path = write("export.xml", text)
    result = run(path)
    assert found(result, "doubled-word") == [("export.xml#post-8", *position(text, "the the"))]


def test_windows_line_endings(write):
    text = wxr([clinic_post()]).replace("\n", "\r\n")
    path = write("export.xml", text, mode="w")
    result = run(path)
    assert found(result, "doubled-word") == [("export.xml#post-101", *position(text, "the the"))]


def test_post_fields_become_metadata(write):
    text = wxr(
        [
            clinic_post(
                excerpt="Weekend hours will be cut at three county clinics.", categories=["Health"], tags=["Clinics"]
            ),
            attachment(),
        ]
    )
    path = write("export.xml", text)
    (post,) = expand(path, sniff(path), max_size=1 << 20)
    doc = load(post, max_size=1 << 20)
    assert doc.meta("title") == "Clinic hours cut at three sites"
    assert doc.meta("author") == "Maya Okafor"  # dc:creator "mokafor" through wp:author
    assert doc.meta("description") == "Weekend hours will be cut at three county clinics."
    assert doc.meta("date") == "2024-03-05 09:30:00"
    assert doc.meta("categories") == ["Health"] and doc.meta("tags") == ["Clinics"]
    assert doc.meta("slug") == "clinic-hours"
    (media,) = doc.meta("attachments")
    assert media["alt"] == "Patients wait outside the Elm Street clinic"
    assert media["caption"] == "Patients wait outside the Elm Street clinic"
    assert doc.language == "en-GB"
    # The title's position is the export's too.
    assert doc.lines.position(doc.metadata["title"].value_span.start) == position(text, "Clinic hours cut")
    # Gutenberg's block comments are not prose.
    assert all("wp:paragraph" not in (b.text.text if b.text else "") for b in doc.blocks)


def test_cross_file_bios_compare_posts_of_one_export(write):
    posts = [
        Post(
            101,
            "Clinic hours cut",
            paragraph("The county will cut weekend clinic hours from March.") + paragraph(BIO),
            slug="a",
        ),
        Post(
            102,
            "Trial delayed",
            paragraph("The trial of the former treasurer was delayed again.") + paragraph(OTHER_BIO),
            slug="b",
        ),
        Post(
            103,
            "Courthouse reopens",
            paragraph("The courthouse reopened on Monday after repairs.") + paragraph(BIO),
            slug="c",
        ),
    ]
    text = wxr(posts)
    path = write("export.xml", text)
    result = run(path)
    assert found(result, "bio-inconsistent") == [("export.xml#post-102", *position(text, "Maya Okafor covers"))]
    assert "export.xml#post-101" in result.findings[0].message


def test_only_posts_unless_pages_are_asked_for_and_never_attachments_or_trash(write):
    about = Post(5, "About us", paragraph("We we are a newsroom."), post_type="page", slug="about")
    trashed = Post(6, "Old", paragraph("Gone gone."), status="trash", slug="old")
    text = wxr([clinic_post(), about, trashed, attachment()])
    path = write("export.xml", text)
    assert [os.path.basename(f.path) for f in run(path).findings] == ["export.xml#post-101"]
    linter = Linter(config=CORE)
    linter.export_pages = True
    paths = sorted({os.path.basename(f.path) for f in linter.run([path]).findings})
    assert paths == ["export.xml#post-101", "export.xml#post-5"]


def test_a_folder_lints_exports_but_not_other_xml(write, tmp_path):
    write("site/export.xml", wxr([clinic_post()]))
    # An RSS feed and a sitemap are not exports, nor articles.
    write(
        "site/feed.xml",
        '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Feed</title><item><title>the the</title></item></channel></rss>\n',
    )
    write(
        "site/sitemap.xml",
        '<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n',
    )
    result = Linter(config=CORE).run([str(tmp_path / "site")])
    assert {os.path.basename(f.path) for f in result.findings} == {"export.xml#post-101"}
    assert result.files == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (wxr([clinic_post()])[:-40], "not well-formed"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
            + wxr([clinic_post()]).split("\n", 1)[1],
            "declares XML entities",
        ),
    ],
)
def test_a_broken_or_hostile_export_is_a_file_error_not_a_traceback(write, text, message):
    path = write("export.xml", text)
    result = run(path)
    (f,) = result.findings
    assert f.rule == "file-error" and message in f.message


def test_cli_reports_json_and_sarif_and_refuses_fix(write, tmp_path, monkeypatch):
    about = Post(5, "About us", paragraph("The Ledger has covered the valley valley since 1921."), post_type="page")
    text = wxr([clinic_post(), about])
    write("export.xml", text)
    write(".edlint.yaml", "select: [doubled-word]\n")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "export.xml"])
    assert out.exit_code == 1, out.output
    (finding,) = json.loads(out.stdout)["findings"]
    assert (finding["path"], finding["line"], finding["column"]) == ("export.xml#post-101", *position(text, "the the"))
    sarif = CliRunner().invoke(main, ["check", "--no-cache", "--format", "sarif", "export.xml"])
    location = json.loads(sarif.stdout)["runs"][0]["results"][0]["locations"][0]
    region = location["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == position(text, "the the")
    # The export file is the artifact (code scanning can open it); the post is a logical
    # location inside it, not a file named "export.xml#post-101".
    assert location["physicalLocation"]["artifactLocation"]["uri"] == "export.xml"
    assert location["logicalLocations"] == [
        {"name": "post-101", "fullyQualifiedName": "export.xml#post-101", "kind": "element"}
    ]
    import os

    import jsonschema

    schema_path = os.path.join(os.path.dirname(__file__), "..", "data", "sarif-schema-2.1.0.json")
    with open(schema_path, encoding="utf-8") as fh:
        jsonschema.Draft4Validator(json.load(fh)).validate(json.loads(sarif.stdout))
    github = CliRunner().invoke(main, ["check", "--no-cache", "--format", "github", "export.xml"])
    assert github.stdout.startswith(f"::warning file=export.xml,line={position(text, 'the the')[0]},")
    assert "title=doubled-word (post-101)::" in github.stdout
    pages = CliRunner().invoke(main, ["check", "--no-cache", "--format", "json", "--export-pages", "export.xml"])
    assert [f["path"] for f in json.loads(pages.stdout)["findings"]] == ["export.xml#post-101", "export.xml#post-5"]
    refused = CliRunner().invoke(main, ["check", "--no-cache", "--fix", "export.xml"])
    assert refused.exit_code == 2 and "cannot rewrite" in refused.output
    assert (tmp_path / "export.xml").read_text(encoding="utf-8") == text


def test_index_memory_does_not_grow_with_post_size(write):
    """The index pass keeps no post text: ten times longer posts, the same peak memory."""
    import tracemalloc

    from edlint.parsers.exports.wxr import index

    def peak(words: int) -> int:
        body = paragraph(" ".join(["Residents queued outside the library before it opened."] * words))
        path = write(f"big{words}.xml", wxr([Post(i, f"Post {i}", body, slug=f"p{i}") for i in range(1, 41)]))
        with open(path, "rb") as fh:
            tracemalloc.start()
            found = index(fh)
            size = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        assert len(found.items) == 40
        return size

    small, large = peak(400), peak(2000)  # about 0.9 MB and 4.5 MB of posts
    assert large < small * 1.2


def test_worker_processes_lint_posts_as_one_process_does(write):
    posts = [
        Post(
            300 + i,
            f"Council meeting {i}",
            paragraph(f"Councillors met on Monday to discuss item {i} and and the budget.")
            + paragraph(BIO if i % 5 else OTHER_BIO),
            slug=f"council-{i}",
        )
        for i in range(40)
    ]
    path = write("export.xml", wxr(posts))
    one = Linter(config=CORE).run([path], jobs=1)
    two = Linter(config=CORE).run([path], jobs=2)
    assert [f.to_json() for f in two.findings] == [f.to_json() for f in one.findings]
    assert {f.rule for f in one.findings} == {"doubled-word", "bio-inconsistent"}
    assert one.files == 40


def test_an_export_declared_in_another_encoding(write):
    text = wxr([clinic_post()]).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace("’", "'")
    text = text.replace("Nurses said", "Café nurses said")  # é: one byte in the file, one column
    path = write("export.xml", text.encode("latin-1"))
    assert found(run(path), "doubled-word") == [("export.xml#post-101", *position(text, "the the"))]


def test_a_workspace_counts_an_export_as_its_posts(write, tmp_path):
    """The editor and the server check a draft's bio against the archive's posts too."""
    from edlint.engine.workspace import Workspace

    posts = [
        Post(
            101, "Clinic hours cut", paragraph("The county will cut weekend clinic hours.") + paragraph(BIO), slug="a"
        ),
        Post(103, "Courthouse reopens", paragraph("The courthouse reopened after repairs.") + paragraph(BIO), slug="c"),
    ]
    write("site/export.xml", wxr(posts))
    workspace = Workspace(Linter(config=CORE), [str(tmp_path / "site")])
    assert workspace.scan() == 2
    draft = f"<html><body><article><p>The trial was delayed again.</p><p>{OTHER_BIO}</p></article></body></html>"
    result = workspace.check_text(draft, str(tmp_path / "site" / "draft.html"))
    (f,) = [f for f in result.findings if f.rule == "bio-inconsistent"]
    assert "export.xml#post-10" in f.message
