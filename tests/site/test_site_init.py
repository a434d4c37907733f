"""`edlint init` writes a config for the site it finds: generator, variety, authors registry,
no placeholder that changes behaviour; on a site with many articles, settings measured from
what the house already does."""

import pytest
import yaml
from click.testing import CliRunner
from sitetools import copy_site, rules_of, run_check

from edlint import cli


def init():
    return CliRunner().invoke(cli.main, ["init"], catch_exceptions=False)


def written():
    with open(".edlint.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh.read()) or {}


@pytest.mark.parametrize(
    "name,kind", [("hugo", "hugo"), ("jekyll", "jekyll"), ("eleventy", "eleventy"), ("plain", "plain")]
)
def test_init_config_gives_no_finding_on_the_sites_articles(name, kind, tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site(name, tmp_path))
    result = init()
    assert result.exit_code == 0, result.output
    data = written()
    assert data["site"] == kind
    assert "exclude" not in data  # no live placeholder
    assert "language" not in data  # the site declares it (or nothing does): not guessed
    code, findings, _ = run_check()
    assert rules_of(findings) == [] and code == 0


def test_init_finds_the_authors_registry(tmp_path, monkeypatch):
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    init()
    assert written()["bios"] == {"authors": "_data/authors.yml"}
    assert "language: en-GB" in open(".edlint.yaml").read()  # said, commented: the site decides


def test_init_on_a_uk_site_never_forces_us_spelling(tmp_path, monkeypatch):
    """The old starter config wrote `language: en-US` everywhere: a UK site then got
    units-spelling on "kilometres" with a safe fix."""
    monkeypatch.chdir(copy_site("jekyll", tmp_path))
    init()
    _, findings, _ = run_check("_posts/2024-05-02-ferry-timetable.md")
    assert findings == []


# -- a site with many articles: measured ----------------------------------------------------------
TOWNS = [
    "Penryn",
    "Falmouth",
    "Truro",
    "Redruth",
    "Camborne",
    "Hayle",
    "St Ives",
    "Penzance",
    "Helston",
    "Newquay",
    "Bodmin",
    "Launceston",
]
TOPICS = [
    ("bus shelter", "replaced"),
    ("library", "refurbished"),
    ("car park", "resurfaced"),
    ("footbridge", "repaired"),
]


def house_article(i):
    town = TOWNS[i % len(TOWNS)]
    thing, done = TOPICS[i % len(TOPICS)]
    # This house writes long standfirsts (170-200 characters), straight quotes, and
    # uncaptioned, uncredited images.
    desc = (
        f"The {thing} in {town} will be {done} over the summer after years of complaints from "
        f"residents, the town council said at its meeting on Tuesday night, with work starting in June"
    )
    return (
        f'---\ntitle: "{town} {thing} to be {done}"\nauthor: Jo Pengelly\ndate: 2023-05-{(i % 27) + 1:02d}\n'
        f'description: "{desc}"\n---\n\n'
        f"The {thing} in {town} will be {done} this summer, the town council said.\n\n"
        f'"We have waited a long time for this," said councillor Ann Trevithick. '
        f'"People will notice the difference straight away."\n\n'
        f"![A view of the {thing} in {town} before the work]({town.lower().replace(' ', '-')}-{i}.jpg)\n\n"
        f"The council said the work would cost about {10 + i} thousand pounds and would be finished "
        f"by the end of August.\n"
    )


@pytest.fixture
def big_site(tmp_path, monkeypatch):
    root = tmp_path / "gazette"
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Gazette\n", encoding="utf-8")
    for i in range(30):
        (root / "_posts" / f"2023-05-{(i % 27) + 1:02d}-story-{i}.md").write_text(house_article(i), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def test_init_measures_the_house_and_proposes_matching_settings(big_site):
    code, before, _ = run_check()
    rules_before = {r for _, r in rules_of(before)}
    assert "metadata-length" in rules_before  # the default disagrees
    # image-caption's and image-credit's defaults already follow a house whose articles
    # caption and credit no photo.
    assert "image-credit" not in rules_before and "image-caption" not in rules_before
    result = init()
    assert "Descriptions: 30 of 30 articles" in result.output
    assert "Images: 30 in articles, 0 captioned, 0 credited." in result.output
    assert "edlint baseline write" in result.output
    data = written()
    fields = data["metadata"]["fields"]
    assert fields["description"]["max_length"] > 160
    # The schema is written whole (it replaces the default): the other fields still required.
    assert fields["title"]["required"] and fields["date"]["required"] and fields["body"]["required"]
    assert set(data["ignore"]) == {"image-caption", "image-credit"}
    # Every article attributes its quotations with "said": reported copy, all of it checked.
    assert "Reported speech: 30 of 30 articles" in result.output
    assert data["quotes"] == {"marks": "straight", "attribution_scope": "all"}
    code, after, _ = run_check()
    assert rules_of(after) == [] and code == 0


def test_init_marks_fields_the_house_does_not_always_have(big_site):
    for path in sorted(big_site.glob("_posts/*.md"))[:5]:
        text = path.read_text(encoding="utf-8").replace("author: Jo Pengelly\n", "")
        path.write_text(text, encoding="utf-8")
    init()
    author = written()["metadata"]["fields"]["author"]
    assert author["required"] is False and "authors" in author["aliases"]


def test_init_measures_the_variety_when_the_site_declares_none(big_site):
    for path in big_site.glob("_posts/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(
            text + "\nThe new surface is a lighter colour, and the centre of the town will be organised around it.\n",
            encoding="utf-8",
        )
    result = init()
    assert written()["language"] == "en-GB"
    assert "measured" in result.output


def test_a_date_in_the_file_name_counts_as_the_date(big_site):
    for path in big_site.glob("_posts/*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text("\n".join(ln for ln in text.split("\n") if not ln.startswith("date:")), encoding="utf-8")
    init()
    data = written()
    assert "metadata" not in data or data["metadata"]["fields"]["date"]["required"] is True
    code, findings, _ = run_check()
    assert rules_of(findings) == [] and code == 0


def test_link_out_posts_with_no_body_are_recognised(big_site):
    for i, path in enumerate(sorted(big_site.glob("_posts/*.md"))[:4]):
        head = path.read_text(encoding="utf-8").split("\n---\n")[0]
        path.write_text(
            head.replace("---\n", f"---\noriginal_url: https://example.org/story-{i}\n", 1) + "\n---\n",
            encoding="utf-8",
        )
    # original_url: a site's own link-out key (the default schema knows source_url and the like)
    _, before, _ = run_check()
    assert "metadata-required" in {r for _, r in rules_of(before)}
    result = init()
    assert "original_url" in result.output
    assert written()["metadata"]["fields"]["body"]["unless"] == ["original_url"]
    code, findings, _ = run_check()
    assert rules_of(findings) == [] and code == 0
