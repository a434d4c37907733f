"""Tests for the metadata family: case files, schema compilation and config errors, the
date from the file name, the helpers, and each rule's documented examples."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from edlint.cli import main
from edlint.rules.registry import default_registry
from edlint.testing import findings
from paths import TESTS

# The registry imports the family modules itself (and drops rules declared before it
# runs), so build it before importing the rule module by name.
default_registry()
from edlint.rules import metadata as M  # noqa: E402

CASES_DIR = os.path.join(TESTS, "cases", "metadata")
RULES = (
    "metadata-required",
    "metadata-type",
    "metadata-length",
    "metadata-pattern",
    "metadata-enum",
    "metadata-title-mismatch",
    "metadata-unknown",
    "metadata-jsonld",
)


# The case files run in tests/test_cases.py.


def test_every_rule_has_a_case_file():
    for rule_id in RULES:
        assert os.path.exists(os.path.join(CASES_DIR, f"{rule_id}.cases")), rule_id


# -- the date in the file name ------------------------------------------------------------

NO_DATE = """---
title: 18F tech sandwich
authors: [vdavez]
excerpt: We often talk about 18F Engineering as a technology shop, but that's too broad.
---

We often talk about 18F Engineering as a technology shop.
"""


def _rule(fs, rule_id="metadata-required"):
    return [f for f in fs if f.rule == rule_id]


def test_date_from_the_file_name():
    fs = findings(NO_DATE, select=["metadata-required"], path="content/posts/2022-08-10-18f-tech-sandwich.md")
    assert _rule(fs) == []


def test_no_date_in_the_file_name():
    fs = findings(NO_DATE, select=["metadata-required"], path="content/posts/18f-tech-sandwich.md")
    assert [f.message for f in _rule(fs)] == [
        "Required field 'date' (or 'publishDate', 'published', 'pubdate') is missing"
    ]


def test_impossible_date_in_the_file_name_does_not_count():
    fs = findings(NO_DATE, select=["metadata-required"], path="posts/2022-02-30-18f-tech-sandwich.md")
    assert len(_rule(fs)) == 1


def test_from_filename_can_be_turned_off():
    cfg = {"metadata": {"fields": {"date": {"type": "date", "required": True}}}}
    fs = findings(NO_DATE, select=["metadata-required"], config=cfg, path="posts/2022-08-10-sandwich.md")
    assert len(_rule(fs)) == 1


# -- schema errors: exit 2 with file:line -----------------------------------------------------

BAD_SCHEMAS = [
    ("    slug: {type: strng}\n", 4, "unknown type 'strng'", "did you mean 'string'"),
    ("    slug: {pattern: '[a-z'}\n", 4, "not a valid regular expression", ""),
    ("    slug:\n      type: string\n      max_len: 40\n", 6, "unknown setting 'max_len'", "max_length"),
    ("    section: {type: enum}\n", 4, "has type 'enum' but no 'values'", ""),
    ("    title: {max_length: long}\n", 4, "must be a whole number", ""),
    ("    title: {min_length: 100, max_length: 50}\n", 4, "larger than 'max_length'", ""),
    ("    title: string\n", 4, "must be a mapping of settings", ""),
    ("    summary: {required: yes}\n", 4, "must be true or false", ""),
    ("    summary: {required: true, unless: {feld: source_url}}\n", 4, "'unless' of field 'summary'", ""),
    (
        "    summary:\n      required: true\n      when: {field: section, matches: '(oops'}\n",
        6,
        "not a valid regular expression",
        "",
    ),
    ("    author: {aliases: [writer]}\n    writer: {type: string}\n", 5, "name 'writer' is used by", ""),
    ("    body: {type: string}\n", 4, "'body' field has no type", ""),
]


@pytest.mark.parametrize("fields,line,fragment,hint", BAD_SCHEMAS)
def test_schema_errors_exit_2_with_file_and_line(write, tmp_path, fields, line, fragment, hint):
    cfg = write(".edlint.yaml", "metadata:\n  fields:\n    title: {type: string}\n" + fields)
    article = write("a.md", "---\ntitle: Harbour wall\n---\n\nText.\n")
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 2, result.output
    assert f"{cfg}:{line}:" in result.output
    assert fragment in result.output
    assert hint in result.output


def test_other_metadata_options_are_validated(write):
    cfg = write(".edlint.yaml", "metadata:\n  apply_to: [md, pdf]\n")
    article = write("a.md", "Text.\n")
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 2 and f"{cfg}:2:" in result.output
    cfg = write(".edlint.yaml", "metadata:\n  title_similarity: 1.5\n")
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 2 and f"{cfg}:2:" in result.output and "between 0 and 1" in result.output


def test_schema_errors_in_overrides_and_rule_options(write):
    article = write("a.md", "Text.\n")
    cfg = write(
        ".edlint.yaml", "overrides:\n  - files: ['*.md']\n    metadata:\n      fields:\n        slug: {pattern: '(['}\n"
    )
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 2 and f"{cfg}:5:" in result.output
    cfg = write(".edlint.yaml", "rules:\n  metadata-type:\n    fields:\n      date: {type: dat}\n")
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 2 and f"{cfg}:4:" in result.output and "did you mean 'date'" in result.output


def test_a_valid_site_schema_loads(write):
    cfg = write(
        ".edlint.yaml",
        """\
select: [metadata]
metadata:
  fields:
    title: {type: string, required: true, max_length: 110}
    slug: {type: string, required: true, pattern: "^[a-z0-9-]+$"}
    date: {type: date, required: true}
    summary: {type: string, required: true, unless: source_url}
    authors: {type: list, required: true, min_items: 1, unless: [source_url, redirectto]}
    topics: {type: list, required: true, pattern: "^[a-z0-9-]+$"}
    source_url: {type: url}
    weight: {type: integer}
    section: {type: enum, values: [news, features], ignore_case: true}
    body: {required: true, unless: source_url}
""",
    )
    article = write(
        "2023-11-20-update.md",
        """\
---
source_url: https://get.gov/posts/2023-10-13-registrar-transition-update/
date: 2023-10-13 11:20:00 -0500
title: An update on our transition
summary: We posted a few weeks ago about changes coming to .gov. Here is a quick update.
topics:
  - domain-management
slug: an-update-on-our-transition
weight: 1
---
""",
    )
    result = CliRunner().invoke(main, ["check", "--config", cfg, article])
    assert result.exit_code == 0, result.output


# -- compile_schema and helpers ------------------------------------------------------------------


def test_default_schema_compiles_and_has_the_news_fields():
    schema = M.schema_of(M.MetadataOptions())
    required = {s.name for s in schema.fields if s.required}
    assert required == {"title", "author", "date", "description", "body"}
    assert schema.by_name["authors"].name == "author"
    assert schema.by_name["excerpt"].name == "description"


def test_schema_is_compiled_once_per_options_instance():
    opts = M.MetadataOptions()
    assert M.schema_of(opts) is M.schema_of(opts)


def test_schema_error_lists_every_problem():
    with pytest.raises(M.SchemaError) as err:
        M.compile_schema({"a": {"type": "strng"}, "b": {"pattern": "("}})
    paths = [p for _, p in err.value.problems]
    assert paths == ["fields.a.type", "fields.b.pattern"]


@pytest.mark.parametrize(
    "raw,expected",
    [
        ('There has been some <a href="http://e-pluribusunum.com/">talk</a> of it.', "There has been some talk of it."),
        ("I don&#8217;t remember being bullied", "I don’t remember being bullied"),
        ("**Transition Post 4**&mdash;Here is a list", "Transition Post 4—Here is a list"),
        ("  two\n  lines  ", "two lines"),
    ],
)
def test_display_text(raw, expected):
    assert M.display_text(raw) == expected


@pytest.mark.parametrize(
    "title,h1,agree",
    [
        ("Harbour wall repaired - Portside News", "Harbour wall repaired", True),
        ("Portside News | Harbour wall repaired", "Harbour wall repaired", True),
        (
            "Anthony Lynn: “We needed to win this game” – ProFootballTalk",
            'Anthony Lynn: "We needed to win this\u00a0game"',
            True,
        ),
        (
            "Anthony Lynn: &#8220;We needed to win this&nbsp;game&#8221;",
            "Anthony Lynn: “We needed to win this game”",
            True,
        ),
        ("Harbour wall repaired before regatta", "Harbour wall repaired before the regatta", True),
        ("Harbour wall to be repaired next year", "Harbour wall repaired before the regatta", False),
        ("Gathering feedback with customer panels", "Recruiting customers with feedback panels", False),
    ],
)
def test_titles_agree(title, h1, agree):
    assert M.titles_agree(title, h1, 0.9) is agree


@pytest.mark.parametrize(
    "value,types,ok",
    [
        ("2015-06-15", ("date",), True),
        ("2015-06-15 12:30:00 -4", ("date",), True),
        ("2020-09-09T00:00:00-04:00", ("datetime",), True),
        ("2015-06-15", ("datetime",), False),
        ("June 15, 2015", ("date",), True),
        ("2015-02-30", ("date",), False),
        ("soon", ("date",), False),
        (["a", "b"], ("list",), True),
        ("a, b", ("list",), False),
        ([1, 2], ("list",), False),
        (42, ("string",), False),
        (42, ("string", "integer"), True),
        ("https://digital.gov/topics", ("url",), True),
        ("/topics", ("url",), False),
        ("/topics", ("path",), True),
        ("press@example.gov", ("email",), True),
        ("press at example.gov", ("email",), False),
        (True, ("boolean",), True),
        ("yes", ("boolean",), False),
        ({"uid": "tile-1"}, ("mapping",), True),
    ],
)
def test_type_problem(value, types, ok):
    spec = M.FieldSpec("f", types=types)
    assert (M.type_problem(value, spec) is None) is ok


def test_html_values_are_read_leniently():
    spec = M.FieldSpec("tags", types=("list",))
    assert M.type_problem("harbour, regatta", spec, lenient=True) is None
    assert M.type_problem("harbour, regatta", spec, lenient=False) is not None


# -- edlint init -------------------------------------------------------------------------------


def test_init_writes_the_default_schema_commented(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["init"])
    assert result.exit_code == 0
    text = (tmp_path / ".edlint.yaml").read_text()
    assert "# metadata:" in text
    block = text.split("# metadata:", 1)[1]
    assert "fields" in block and "apply_to" in block
    # Uncommented, the section is a valid config that gives the same defaults.
    import yaml

    lines = ["metadata:"] + [ln[1:] for ln in block.splitlines()[1:] if ln.startswith("#   ")]
    data = yaml.safe_load("\n".join(lines))
    assert data["metadata"]["fields"] == M.MetadataOptions().fields
