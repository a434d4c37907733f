"""Bio and byline rules: case files, the recogniser, the registry and cross-file runs."""

from __future__ import annotations

import os

import pytest

import edlint
from paths import TESTS

HERE = TESTS
# The case files run in tests/test_cases.py.


# -- the recogniser ------------------------------------------------------------------------

from edlint.document import Document  # noqa: E402
from edlint.parsers import ParseOptions, parse  # noqa: E402
from edlint.text.bios import (  # noqa: E402
    AuthorsRegistry,
    bio_key,
    bio_relation,
    bio_sentence,
    byline_people,
    document_authors,
    document_bios,
    is_contact_line,
    is_organisation,
    leading_name,
    name_key,
    same_person,
    slug_forms,
)
from edlint.text.normalize import fold_chars  # noqa: E402


def _doc(text: str, path: str = "a.md") -> Document:
    fmt = {"md": "markdown", "html": "html", "txt": "text"}[path.rsplit(".", 1)[1]]
    return parse(path, text, fmt, ParseOptions())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maya Okafor is a reporter.", "Maya Okafor"),
        ("Dr. Maya K. Okafor is a reporter.", "Dr. Maya K. Okafor"),
        ("Ludwig van Beethoven was a composer.", "Ludwig van Beethoven"),
        ("Julius is an LA Entertainment Reporter.", "Julius"),
        ("The Ledger is a newspaper.", None),
        ("This is the second post in a series.", None),
        ("Maya's reporting won an award.", None),
        ("“Maya is great,” she said.", None),
    ],
)
def test_leading_name(text, name):
    found = leading_name(fold_chars(text))
    assert (found[0] if found else None) == name


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Cynthia Baur, Ph.D., is the Senior Advisor for Health Literacy at the CDC.", "Cynthia Baur", True),
        ("Rebecca and Colin work here at TTS on our Acquisitions team.", "Rebecca", False),
        ("Julius\u00a0is an LA Entertainment Reporter for Fox News.", "Julius", True),
        ("Maya Okafor covers health for the Ledger.", "Maya Okafor", True),
        ("Emiliano joined pv magazine in March 2017.", "Emiliano", False),
    ],
)
def test_bio_sentence(text, name, role):
    s = bio_sentence(fold_chars(text))
    assert s is not None and s.name == name and s.role == role


@pytest.mark.parametrize(
    "text",
    [
        "This is the second of a series of posts.",
        "Maya Okafor, the mayor said, would run.",
        "In 2019 Maya Okafor joined.",
    ],
)
def test_not_bio_sentence(text):
    assert bio_sentence(fold_chars(text)) is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("By TOM KRISHER, AP Auto Writer", ["Tom Krisher"]),
        (
            "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
            ["Lisa Mascaro", "Mary Clare Jalonick", "Eric Tucker"],
        ),
        ("By Julius Young | Fox News", ["Julius Young"]),
        ("By\u00a0Eric Song, IGN Staff", ["Eric Song"]),
        ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", ["Umair Irfan"]),
        ("November 12, 2018 | BY: Beachbody", ["Beachbody"]),
        ("By Associated Press", []),
        ("Written By", []),
        ("Tempo de leitura: 1 minuto", []),
    ],
)
def test_byline_people(text, names):
    assert byline_people(text) == names


def test_names_and_slugs():
    assert name_key("Dr. José  Álvarez Jr.") == "jose alvarez"
    assert {"mayaokafor", "mokafor", "maya", "okafor"} <= slug_forms("Maya Okafor")
    assert same_person("Julius", "Julius Young")
    assert same_person("Denise Turner Roth", "Denise Roth")
    assert not same_person("Maya Okafor", "Daniel Kim")


def test_bio_relation():
    a = bio_key("Maya Okafor is the Ledger’s health reporter.")
    b = bio_key("MAYA OKAFOR is the Ledger's health\u00a0reporter")
    assert bio_relation(a, b, 0.9) == ("same", 1.0)
    short = bio_key("Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog.")
    full = bio_key("Pulitzer Prize-winning journalist Michael Hiltzik writes a daily blog. He also writes a column.")
    assert bio_relation(short, full, 0.9) == ("contained", 1.0)
    near = bio_relation(
        bio_key("Daniel Kim covers the port, shipping and the waterfront for the Ledger."),
        bio_key("Daniel Kim covers the port, shipping and the harbor for the Ledger."),
        0.85,
    )
    assert near is not None and near[0] == "similar"
    assert (
        bio_relation(bio_key("Maya Okafor covers courts."), bio_key("Daniel Kim edits the sports pages."), 0.9) is None
    )


def test_link_residue_is_ignored():
    assert bio_key('She interns with the [UX Program](   "UX Program") at GSA.') == bio_key(
        "She interns with the UX Program at GSA."
    )


def test_contact_lines():
    assert is_contact_line("Reach her at maya@ledger.example.")
    assert is_contact_line("Follow Maya on Twitter @mokafor.")
    assert not is_contact_line("Follow us on Facebook.")
    assert not is_contact_line("EMAIL ME")


def test_glued_bio_is_found_with_its_offsets():
    text = (
        "---\ntitle: Comments\nauthors:\n  - jessica-milcetich\n---\n\n"
        "Blog comments are just no longer one of those options._**Jessica Milcetich** is a Social Media "
        "Strategist for USA.gov._\n"
    )
    doc = _doc(text)
    (bio,) = document_bios(doc)
    assert bio.name == "Jessica Milcetich" and not bio.whole_block
    assert text[bio.start : bio.start + 17] == "Jessica Milcetich"


def test_series_note_and_body_sentences_are_not_bios():
    text = (
        "---\ntitle: Product management\nauthors:\n  - alla\n---\n\n"
        "*This is the second of a series of blog posts about product management at 18F.*\n\n"
        "Maria Lopez is a nurse in Fresno who has worked nights for a decade.\n\n"
        "Product managers here spend much of their time on acquisitions work.\n"
    )
    assert document_bios(_doc(text)) == []


def test_authors_from_front_matter_and_jsonld():
    md = _doc(
        "---\ntitle: T\nauthors:\n  - name: Maya Okafor\n    bio: Maya covers health.\n  - dkim\n---\n\nBody text here.\n"
    )
    refs = document_authors(md)
    assert [(a.name, a.slug) for a in refs] == [("Maya Okafor", None), (None, "dkim")]
    html = _doc(
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":'
        '[{"@type":"Person","name":"By TOM KRISHER, AP Auto Writer"},{"@type":"Organization","name":"AP"}]}'
        "</script></head><body><article><p>Text of the story.</p></article></body></html>",
        "a.html",
    )
    assert [a.name for a in document_authors(html)] == ["Tom Krisher"]


def test_registry_lookup():
    reg = AuthorsRegistry()
    reg.add("deniseroth", "Denise Turner Roth", "", ["Denise Roth"])
    reg.add("garren", "Garren Givens")
    assert reg.lookup(slug="deniseroth")["name"] == "Denise Turner Roth"
    assert reg.lookup(name="Denise Roth")["slug"] == "deniseroth"
    assert reg.lookup(name="GARREN GIVENS")["slug"] == "garren"
    assert reg.lookup(name="Daniel Kim") is None


# -- cross-file and registry runs ------------------------------------------------------------

ARTICLE = """---
title: "{title}"
authors:
  - {slug}
---

{body}

_**{name}** {bio}_
"""


def _article(
    write, rel, title, slug, name, bio, body="The county will cut weekend hours at three clinics, officials said."
):
    return write(rel, ARTICLE.format(title=title, slug=slug, name=name, bio=bio, body=body))


def _run(paths, **bios):
    config = {"select": ["bio-inconsistent"], "bios": bios} if bios else {"select": ["bio-inconsistent"]}
    return [f for f in edlint.lint_paths(paths, config=config).findings if f.rule == "bio-inconsistent"]


def test_one_author_two_bios_across_files(write):
    a = _article(
        write,
        "a.md",
        "Clinic hours",
        "georgia-gallavin",
        "Georgia Gallavin",
        "is in her last semester at The New School, earning an MA in Media Studies. She recently finished her internship at GSA.",
    )
    b = _article(
        write,
        "b.md",
        "Openfda",
        "georgia-gallavin",
        "Georgia Gallavin",
        "is in her last semester at The New School, earning an MA in Media Studies. She is interning at GSA this summer, working on usability.",
    )
    got = _run([a, b])
    assert len(got) == 1
    assert "Georgia Gallavin" in got[0].message and got[0].line == 9 and got[0].column == 4


def test_the_most_common_bio_is_the_reference(write):
    usual = "is a health reporter for the Ledger. Reach her at maya@ledger.example."
    paths = [
        _article(write, "a.md", "One", "maya-okafor", "Maya Okafor", "covers courts and crime for the Ledger."),
        _article(write, "b.md", "Two", "maya-okafor", "Maya Okafor", usual),
        _article(write, "c.md", "Three", "maya-okafor", "Maya Okafor", usual),
    ]
    got = _run(paths)
    assert [os.path.basename(f.path) for f in got] == ["a.md"]
    assert "b.md:9" in got[0].message


def test_same_bio_everywhere_and_different_authors_are_fine(write):
    paths = [
        _article(write, "a.md", "One", "maya-okafor", "Maya Okafor", "is a health reporter for the Ledger."),
        _article(write, "b.md", "Two", "maya-okafor", "Maya Okafor", "is a health reporter for the Ledger."),
        _article(write, "c.md", "Three", "daniel-kim", "Daniel Kim", "covers the port for the Ledger."),
    ]
    assert _run(paths) == []


def test_bios_that_drift_by_a_word_are_the_same_bio(write):
    paths = [
        _article(
            write,
            "a.md",
            "One",
            "daniel-kim",
            "Daniel Kim",
            "covers the port, shipping and the waterfront for the Ledger and the Sunday magazine.",
        ),
        _article(
            write,
            "b.md",
            "Two",
            "daniel-kim",
            "Daniel Kim",
            "covers the port, shipping and the waterfront for the Ledger and its Sunday magazine.",
        ),
    ]
    assert _run(paths) == []


REGISTRY_YAML = """
- name: Maya Okafor
  slug: maya-okafor
  bio: Maya Okafor is a health reporter for the Ledger.
- name: Daniel Kim
  slug: dkim
  bio: Daniel Kim covers the port and the waterfront for the Ledger.
"""

JEKYLL_YAML = """
maya-okafor:
  name: Maya Okafor
  bio: Maya Okafor is a health reporter for the Ledger.
dkim:
  name: Daniel Kim
  bio: Daniel Kim covers the port and the waterfront for the Ledger.
"""

REGISTRY_CSV = """id,first_name,last_name,full_name,bio
maya-okafor,Maya,Okafor,,Maya Okafor is a health reporter for the Ledger.
dkim,Daniel,Kim,Daniel J. Kim,Daniel Kim covers the port and the waterfront for the Ledger.
"""


@pytest.mark.parametrize(
    ("name", "content"),
    [("authors.yaml", REGISTRY_YAML), ("_data/authors.yml", JEKYLL_YAML), ("team.csv", REGISTRY_CSV)],
)
def test_registry_mismatch_and_match(write, name, content):
    reg = write(name, content)
    good = _article(write, "a.md", "One", "maya-okafor", "Maya Okafor", "is a health reporter for the Ledger.")
    bad = _article(write, "b.md", "Two", "dkim", "Daniel Kim", "covers city hall for the Ledger.")
    got = _run([good, bad], authors=reg)
    assert [(os.path.basename(f.path), f.line) for f in got] == [("b.md", 9)]
    assert "authors registry" in got[0].message and "covers the port" in got[0].message


def test_registry_relative_to_the_config_folder(write):
    write("site/data/authors.yaml", REGISTRY_YAML)
    write("site/.edlint.yaml", "select: [bio-inconsistent]\nbios:\n  authors: data/authors.yaml\n")
    bad = _article(write, "site/posts/b.md", "Two", "dkim", "Daniel Kim", "covers city hall for the Ledger.")
    got = [f for f in edlint.lint_paths([bad]).findings if f.rule == "bio-inconsistent"]
    assert len(got) == 1 and "authors registry" in got[0].message


def test_unknown_author_and_byline(write):
    reg = write("authors.yaml", REGISTRY_YAML)
    post = write(
        "p.md",
        "---\ntitle: T\nauthors:\n  - nobody-here\n---\n\nBy Sam Ortiz\n\nThe county will cut weekend hours at three clinics, officials said.\n",
    )
    got = _run([post], authors=reg)
    messages = sorted(f.message for f in got)
    assert messages == [
        "Author 'nobody-here' is not in the authors registry",
        "Byline author 'Sam Ortiz' is not in the authors registry",
    ]
    assert _run([post], authors=reg, unknown_authors=False) == []


@pytest.mark.parametrize(
    "author, byline",
    [
        ("Associated Press", "By The Associated Press"),
        ("Reuters", "By Reuters Staff"),
        ("AFP", "By AFP"),
        ("PA Media", "By PA Media"),
        ("Bloomberg", "By Bloomberg News"),
        ("Staff", "By Staff"),
        ("Editorial Board", "By The Editorial Board"),
        ("Our Foreign Staff", "By Our Foreign Staff"),
        ("Staff and agencies", "By Staff and agencies"),
        ("Ledger Staff", "By Ledger Staff"),
        # the publication's full name, then the desk word
        ("Harbour City Ledger Staff", "By Harbour City Ledger Staff and The Associated Press"),
        ("Tri-County Courier Staff", "By Tri-County Courier Staff"),
    ],
)
def test_agencies_and_desks_are_not_missing_authors(write, author, byline):
    reg = write("authors.yaml", REGISTRY_YAML)
    post = write(
        "p.md",
        f"---\ntitle: Port strike enters second week\nauthor: {author}\n---\n\n{byline}\n\n"
        "Dock workers in Antwerp extended their strike on Monday, leaving 40 ships at anchor.\n",
    )
    assert _run([post], authors=reg) == []


def test_a_person_beside_an_agency_is_still_checked(write):
    reg = write("authors.yaml", REGISTRY_YAML)
    post = write(
        "p.md",
        "---\ntitle: Port strike enters second week\nauthors:\n  - Associated Press\n  - Sam Ortiz\n---\n\n"
        "By Sam Ortiz and The Associated Press\n\n"
        "Dock workers in Antwerp extended their strike on Monday, leaving 40 ships at anchor.\n",
    )
    assert sorted(f.message for f in _run([post], authors=reg)) == [
        "Author 'Sam Ortiz' is not in the authors registry",
    ]


def test_a_reporter_with_a_staff_role_is_still_checked(write):
    # "Staff Writer" is Sam's role, not a desk: the byline still names a person
    reg = write("authors.yaml", REGISTRY_YAML)
    post = write(
        "p.md",
        "---\ntitle: Port strike enters second week\n---\n\nBy Sam Ortiz Staff Writer\n\n"
        "Dock workers in Antwerp extended their strike on Monday, leaving 40 ships at anchor.\n",
    )
    assert [f.message for f in _run([post], authors=reg)] == [
        "Byline author 'Sam Ortiz' is not in the authors registry",
    ]


def test_is_organisation():
    for name in (
        "Associated Press",
        "The Associated Press",
        "Reuters",
        "AFP",
        "PA Media",
        "Bloomberg",
        "Staff",
        "Editorial Board",
        "Our Foreign Staff",
        "Staff and agencies",
        "Ledger Staff",
        "The Editors",
        "News Desk",
        "AP and Reuters",
        "Agence France-Presse",
        "Harbour City Ledger Staff",
        "New York Times Staff",
    ):
        assert is_organisation(name), name
    for name in (
        "Maya Okafor",
        "Daniel Kim",
        "Jane Board",
        "Brandon Press",
        "Anne Editor",
        "Kim Staff Smith",
        "Jane Doe Staff Writer",
    ):
        assert not is_organisation(name), name


def test_registry_folder_of_author_pages(write):
    write(
        "authors/maya-okafor/_index.md",
        '---\ndisplay_name: "Maya Okafor"\nfirst_name: "Maya"\nlast_name: "Okafor"\nslug: maya-okafor\n---\n',
    )
    folder = os.path.dirname(os.path.dirname(write("authors/dkim/_index.md", "---\ndisplay_name: Daniel Kim\n---\n")))
    post = _article(write, "a.md", "One", "maya-okafor", "Maya Okafor", "is a health reporter for the Ledger.")
    assert _run([post], authors=folder) == []
    stranger = _article(write, "b.md", "Two", "sam-ortiz", "Sam Ortiz", "is a health reporter for the Ledger.")
    got = _run([stranger], authors=folder)
    assert [f.message for f in got] == ["Author 'sam-ortiz' is not in the authors registry"]


def test_byline_mismatch_uses_the_registry(write):
    reg = write("authors.yaml", REGISTRY_YAML)
    post = write(
        "p.md",
        "---\ntitle: T\nauthors:\n  - dkim\n---\n\nBy Maya Okafor\n\nThe county will cut weekend hours at three clinics, officials said.\n",
    )
    config = {"select": ["byline-mismatch"], "bios": {"authors": reg}}
    got = edlint.lint_paths([post], config=config).findings
    assert [f.rule for f in got] == ["byline-mismatch"] and "Daniel Kim" in got[0].message


def test_missing_registry_is_reported_not_fatal(write):
    post = _article(write, "a.md", "One", "maya-okafor", "Maya Okafor", "is a health reporter for the Ledger.")
    result = edlint.lint_paths(
        [post], config={"select": ["bio-inconsistent"], "bios": {"authors": "/nonexistent/authors.yaml"}}
    )
    assert any("authors" in m for m in result.messages)
    assert not result.internal_error


# -- bios change over time (issue 18) -------------------------------------------------------

DATED = """---
title: "{title}"
date: {date}
authors:
  - {slug}
---

The agency said the new service would reach every county by the spring, officials said.

_**{name}** {bio}_
"""


def _dated(write, rel, date, bio, name="Priya Raman", slug="priya-raman", title="Update"):
    return write(rel, DATED.format(title=title, date=date, slug=slug, name=name, bio=bio))


INTERN = "is a graduate student at Ridgeview University and is interning with the Digital Services team this summer."
DONE = "is a graduate student at Ridgeview University. She recently finished her internship with the Digital Services team."


def test_a_bio_updated_over_time_is_not_a_contradiction(write):
    paths = [
        _dated(write, "2019/a.md", "2019-06-10", INTERN),
        _dated(write, "2019/b.md", "2019-06-17", INTERN),
        _dated(write, "2019/c.md", "2019-09-02", DONE),
        _dated(
            write,
            "2022/d.md",
            "2022-03-01",
            "is a product manager at the Census Bureau, where she leads the address-matching team.",
        ),
    ]
    assert _run(paths) == []


def test_two_bios_on_the_same_day_contradict(write):
    a = _dated(write, "a.md", "2021-05-04", "is a product manager at the Census Bureau and leads its data team.")
    b = _dated(write, "b.md", "2021-05-04", "is a senior designer at the Census Bureau, working on survey forms.")
    got = _run([a, b])
    assert len(got) == 1 and "published the same day" in got[0].message


def test_a_wider_window_is_an_option(write):
    a = _dated(write, "a.md", "2021-05-04", "is a product manager at the Census Bureau and leads its data team.")
    b = _dated(write, "b.md", "2021-05-07", "is a senior designer at the Census Bureau, working on survey forms.")
    assert _run([a, b]) == []
    got = _run([a, b], window_days=7)
    assert len(got) == 1 and "within 7 days" in got[0].message


def test_going_back_to_an_older_bio_is_reported(write):
    old = "is a reporter covering transit for the Ledger and its Sunday edition."
    new = "is the Ledger's city hall bureau chief and writes the Monday politics column."
    paths = [
        _dated(write, "a.md", "2019-02-01", old),
        _dated(write, "b.md", "2020-02-01", new),
        _dated(write, "c.md", "2020-06-01", new),
        _dated(write, "d.md", "2021-02-01", old),
    ]
    got = _run(paths)
    assert [os.path.basename(f.path) for f in got] == ["d.md"]
    assert "newer bio, in use since 2020-02-01" in got[0].message
    # A newer bio seen once is not yet the desk's bio: going back may be the correction.
    assert _run([paths[0], paths[1], paths[3]]) == []


def test_a_bio_that_leaves_out_a_sentence_says_nothing_different(write):
    full = (
        "is the training administrator at the state patent office. You can read more of her work at "
        "example.org. All opinions are her own."
    )
    short = "is the training administrator at the state patent office. All opinions are her own."
    paths = [
        _dated(write, "a.md", "2019-02-01", full),
        _dated(write, "b.md", "2019-03-01", short),
        _dated(write, "c.md", "2019-04-01", short),
        _dated(write, "d.md", "2019-05-01", full),
        _dated(write, "e.md", "2019-05-01", short),
    ]
    assert _run(paths) == []


def test_a_team_credit_after_the_bio_is_not_part_of_it(write):
    bio_a = (
        "leads the Digital Analytics Program, which runs the public dashboard. Ana Ortiz, Ben Cho and "
        "Lee Park are on the data team and maintain the site."
    )
    bio_b = (
        "leads the Digital Analytics Program, which runs the public dashboard. Sam Reyes and Dana Wu "
        "built the new download pages."
    )
    a = _article(write, "a.md", "One", "tom-ruiz", "Tom Ruiz", bio_a)
    b = _article(write, "b.md", "Two", "tom-ruiz", "Tom Ruiz", bio_b)
    assert _run([a, b]) == []


def test_registry_bio_is_judged_in_the_newest_article_only(write):
    reg = write("authors.yaml", REGISTRY_YAML)
    older = _dated(write, "a.md", "2018-01-10", "covers city hall for the Ledger.", name="Daniel Kim", slug="dkim")
    newest = _dated(
        write,
        "b.md",
        "2024-01-10",
        "covers the port and the waterfront for the Ledger.",
        name="Daniel Kim",
        slug="dkim",
    )
    assert _run([older, newest], authors=reg) == []
    stale = _dated(write, "c.md", "2025-01-10", "covers city hall for the Ledger.", name="Daniel Kim", slug="dkim")
    got = _run([older, newest, stale], authors=reg)
    assert {os.path.basename(f.path) for f in got} == {"c.md"}
    assert any("authors registry" in f.message for f in got)


def test_jsonld_description_counts_only_when_asked(write):
    page = (
        '<html lang="en"><head><title>Merger</title><script type="application/ld+json">'
        '{"@type":"NewsArticle","author":{"@type":"Person","name":"Maya Okafor",'
        '"description":"Maya Okafor is a health reporter for the Ledger and a former nurse."}}</script>'
        '</head><body><article><p class="byline">By Maya Okafor</p>'
        "<p>The county will cut weekend hours at three clinics starting in March, officials said.</p>"
        '<div class="author-bio">Maya Okafor is a health reporter for the Ledger and a former nurse.</div>'
        "</article></body></html>"
    )
    path = write("page.html", page)
    config = {"select": ["bio-duplicate"]}
    assert edlint.lint_paths([path], config=config).findings == []
    config["bios"] = {"jsonld_bios": True}
    got = edlint.lint_paths([path], config=config).findings
    assert [f.rule for f in got] == ["bio-duplicate"]
