"""Declarative rule packs: the shipped packs' cases and examples, each check type, pack
validation errors (with file:line), the registry, config packs and `edlint test-rules`."""

from __future__ import annotations

import glob
import os
import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from edlint.cli import main
from edlint.config import ConfigError
from edlint.rules.base import Applicability, Severity
from edlint.rules.declarative.lexicon import expand
from edlint.rules.declarative.packs import (
    PackError,
    load_pack_text,
    shipped_pack_paths,
    shipped_packs,
)
from edlint.rules.declarative.regexes import backtracking_risk
from edlint.rules.registry import build_registry
from edlint.testing import run_examples
from paths import TESTS

HERE = Path(TESTS)
CASE_FILES = sorted(glob.glob(str(HERE / "cases" / "packs" / "*.cases")))
SHIPPED_RULES = [r for p in shipped_packs() for r in p.rules]


# The case files run in tests/test_cases.py.


# -- the shipped packs ---------------------------------------------------------------------------
def test_three_packs_are_shipped():
    names = sorted(os.path.basename(p) for p in shipped_pack_paths())
    assert names == ["newsroom-basics.yaml", "scrape-residue.yaml", "spelling-variants.yaml"]
    assert {p.name for p in shipped_packs()} == {"newsroom-basics", "scrape-residue", "spelling-variants"}


@pytest.mark.parametrize("rule", SHIPPED_RULES, ids=lambda r: r.id)
def test_shipped_examples(rule):
    results = run_examples([rule])
    assert results, rule.id
    failed = [f"{r.kind} {r.index + 1}: {r.detail}\n{r.text}" for r in results if not r.ok]
    assert not failed, "\n".join(failed)


@pytest.mark.parametrize("rule", SHIPPED_RULES, ids=lambda r: r.id)
def test_shipped_rule_metadata(rule):
    assert os.path.exists(HERE / "cases" / "packs" / f"{rule.id}.cases"), f"no case file for {rule.id}"
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:", "## Options"):
        assert heading in rule.doc, (rule.id, heading)
    assert "- `exceptions`" in rule.doc
    assert rule.summary and not rule.summary.endswith(".")
    message = rule.check.message
    assert message[0].isupper() or message[0] in "'{\"", message
    assert not message.rstrip().endswith("."), message
    assert rule.origin.startswith("pack:")
    assert len(rule.examples.get("bad", [])) >= 1 and len(rule.examples.get("good", [])) >= 1


def test_spelling_pack_leaves_unit_words_to_the_units_family():
    rule = next(r for r in SHIPPED_RULES if r.id == "spelling-consistency")
    forms = {f.lower() for f in rule.check.matcher.lexicon.single} | {
        p.text.lower() for lst in rule.check.matcher.lexicon.multi.values() for p in lst
    }
    units = {
        "metre",
        "meter",
        "metres",
        "meters",
        "litre",
        "liter",
        "litres",
        "liters",
        "kilometre",
        "kilometer",
        "centimetre",
        "centimeter",
        "millimetre",
        "millimeter",
        "gram",
        "gramme",
        "grams",
        "grammes",
        "kilogramme",
        "tonne",
        "tonnes",
        "ton",
        "tons",
    }
    assert not forms & units
    assert "colour" in forms and "organise" in forms


def test_spelling_pack_rows_are_us_then_uk():
    text = Path(shipped_pack_dir_file("spelling-variants.yaml")).read_text()
    assert "[color(|s|ed|ing|ful|less), colour(|s|ed|ing|ful|less)]" in text


def shipped_pack_dir_file(name):
    return next(p for p in shipped_pack_paths() if p.endswith(name))


# -- registry and CLI ----------------------------------------------------------------------------
def test_pack_rules_are_ordinary_rules():
    reg = build_registry(entry_points=False)
    rule = reg.get("doubled-word")
    assert rule is not None and rule.family == "newsroom-basics"
    assert "newsroom-basics" in reg.families
    assert reg.sections["spelling-variants"].options.__name__ == "PackRuleOptions"
    assert reg.get("time-vague").status == "preview"
    assert not reg.get("time-vague").enabled_by_default
    assert reg.get("scrape-advertisement").severity == Severity.WARNING


def test_rules_and_explain_list_pack_rules():
    runner = CliRunner()
    out = runner.invoke(main, ["rules"])
    assert out.exit_code == 0
    assert re.search(r"^spelling-consistency\s+spelling-variants\s+warning\s+on", out.output, re.M)
    out = runner.invoke(main, ["explain", "doubled-word"])
    assert out.exit_code == 0
    assert out.output.startswith("# doubled-word (newsroom-basics)")
    assert "## Fix safety" in out.output
    assert "Defined in the `newsroom-basics` pack" in out.output


def test_select_ignore_severity_and_suppression_work_on_pack_rules():
    from edlint.testing import findings

    text = "The council approved the the budget.\n"
    assert [f.rule for f in findings(text, select=["newsroom-basics"])] == ["doubled-word"]
    assert findings(text, config={"ignore": ["doubled-word"]}, select=None) == [] or all(
        f.rule != "doubled-word" for f in findings(text, config={"ignore": ["doubled-word"]}, select=None)
    )
    got = findings(text, select=["doubled-word"], config={"severity": {"newsroom-basics": "error"}})
    assert got[0].severity == Severity.ERROR
    suppressed = "<!-- edlint-disable-next-line doubled-word -->\nThe council approved the the budget.\n"
    assert [f.rule for f in findings(suppressed, select=["doubled-word"])] == []
    off = "---\nedlint: {disable: [newsroom-basics]}\n---\n\nThe council approved the the budget.\n"
    assert findings(off, select=["doubled-word"]) == []


def test_rule_options_from_config():
    from edlint.testing import findings

    # A capitalised name never votes ...
    named = "The Ministry of Defence said the defense budget would grow at the center.\n"
    assert findings(named, select=["spelling-consistency"]) == []
    # ... and a lower-case one can be allowed in config.
    text = "The defence ministry said the defense budget would grow at the center.\n"
    assert [f.rule for f in findings(text, select=["spelling-consistency"])] == ["spelling-consistency"]
    cfg = {"rules": {"spelling-consistency": {"exceptions": ["defence ministry"]}}}
    assert findings(text, select=["spelling-consistency"], config=cfg) == []
    with pytest.raises(ConfigError, match="unknown option"):
        findings(text, select=["spelling-consistency"], config={"rules": {"spelling-consistency": {"exception": []}}})


# -- building packs for the tests below -------------------------------------------------------------
def pack(body: str, name: str = "house", path: str = "house.yaml"):
    text = textwrap.dedent(body)
    if not text.lstrip().startswith(("pack:", "rules:")):
        text = f"pack: {name}\nrules:\n" + textwrap.indent(text, "  ")
    return load_pack_text(text, path)


def run(p, text: str, fmt: str | None = None, config=None, path=None):
    from edlint.engine import Linter

    reg = build_registry(entry_points=False, shipped_packs=False, extra_rules=tuple(p.rules))
    cfg = dict(config or {})
    cfg.setdefault("select", [r.id for r in p.rules])
    cfg.setdefault("preview", True)
    fmt = fmt or ("html" if text.lstrip().startswith("<") else "md")
    name = path or f"article.{fmt}"
    return Linter(config=cfg, registry=reg).run_text(text, name).findings


def where(findings):
    return [(f.line, f.column, f.rule) for f in findings]


# -- existence -------------------------------------------------------------------------------------
EXISTENCE = """
- id: house-banned
  type: existence
  message: "Avoid '{match}'"
  tokens: [utili(se|ze), at this point in time]
  patterns: ['\\bper cent\\b']
"""


def test_existence_tokens_patterns_and_expansion():
    p = pack(EXISTENCE)
    got = run(p, "We utilise tools. At this point in time, it is 5 per cent. They utilize it.\n")
    assert [f.message for f in got] == [
        "Avoid 'utilise'",
        "Avoid 'At this point in time'",
        "Avoid 'per cent'",
        "Avoid 'utilize'",
    ]
    assert where(got)[0] == (1, 4, "house-banned")


def test_existence_whole_words_only():
    p = pack(EXISTENCE)
    assert run(p, "Underutilised space and percentages are fine.\n") == []


def test_existence_case_sensitive():
    p = pack("""
    - id: house-caps
      type: existence
      message: "'{match}'"
      ignore_case: false
      tokens: [Internet]
    """)
    assert len(run(p, "The Internet and the internet.\n")) == 1


def test_existence_whole_block():
    p = pack("""
    - id: house-widget
      type: existence
      message: "'{match}'"
      whole_block: true
      tokens: [share this]
      patterns: ['\\d+ shares']
    """)
    assert where(run(p, "Share this!\n\n12 shares\n\nPlease share this with friends.\n")) == [
        (1, 1, "house-widget"),
        (3, 1, "house-widget"),
    ]


def test_existence_unless_sentence():
    p = pack("""
    - id: house-recent
      type: existence
      message: "'{match}'"
      tokens: [recently]
      unless_sentence: '\\b20\\d\\d\\b'
    """)
    got = run(p, "It recently changed in 2023. It recently changed again.\n")
    assert where(got) == [(1, 33, "house-recent")]


@pytest.mark.parametrize(
    "scope,expected",
    [
        ("heading", [(5, 3)]),
        ("paragraph", [(7, 1)]),
        ("caption", [(9, 26)]),
        ("alt", [(9, 3)]),
        ("metadata.title", [(2, 8)]),
        ("quote", [(11, 3), (13, 12)]),
        ("[heading, quote]", [(5, 3), (11, 3), (13, 12)]),
        ("list_item", [(15, 3)]),
        ("prose", [(5, 3), (7, 1), (9, 26), (15, 3)]),
    ],
)
def test_scopes(scope, expected):
    p = pack(f"""
    - id: house-scope
      type: existence
      message: "'{{match}}'"
      tokens: [widget]
      scope: {scope}
    """)
    text = textwrap.dedent("""\
        ---
        title: Widget sales rise
        ---

        # Widget maker expands

        Widget orders doubled.

        ![widget photo](w.jpg "A widget line")

        > widget fans queued

        He said "a widget is a gift" and left.

        * widget parts
        """)
    assert [(f.line, f.column) for f in run(p, text)] == expected


def test_heading_levels_scope():
    p = pack("""
    - id: house-h2
      type: existence
      message: "'{match}'"
      tokens: [widget]
      scope: heading.h2
    """)
    assert where(run(p, "# Widget\n\n## Widget\n")) == [(3, 4, "house-h2")]


def test_language():
    p = pack("""
    - id: house-en
      type: existence
      message: "'{match}'"
      tokens: [die]
    - id: house-any
      type: existence
      message: "'{match}'"
      tokens: [die]
      language: any
    """)
    text = "---\nlang: de\n---\n\nDie Katze und die Maus.\n"
    assert {f.rule for f in run(p, text)} == {"house-any"}


@pytest.mark.parametrize(
    "when,text,flagged",
    [
        ("{dated: false}", "Yesterday it rained.\n", True),
        ("{dated: false}", "---\ndate: 2024-01-02\n---\nYesterday it rained.\n", False),
        ("{dated: true}", "---\ndate: 2024-01-02\n---\nYesterday it rained.\n", True),
        ("{present: [evergreen]}", "---\nevergreen: false\n---\nYesterday it rained.\n", True),
        ("{missing: [evergreen]}", "---\nevergreen: false\n---\nYesterday it rained.\n", False),
        ("{equals: {evergreen: true}}", "---\nevergreen: true\n---\nYesterday it rained.\n", True),
        ("{equals: {evergreen: true}}", "---\nevergreen: false\n---\nYesterday it rained.\n", False),
        ("{equals: {tags: evergreen}}", "---\ntags: [a, Evergreen]\n---\nYesterday it rained.\n", True),
        ("[{equals: {type: guide}}, {equals: {type: explainer}}]", "---\ntype: explainer\n---\nYesterday.\n", True),
        ("{format: html}", "Yesterday it rained.\n", False),
    ],
)
def test_when_conditions(when, text, flagged):
    p = pack(f"""
    - id: house-when
      type: existence
      message: "'{{match}}'"
      tokens: [yesterday]
      when: {when}
    """)
    assert bool(run(p, text)) is flagged


def test_dated_by_file_name():
    p = pack("""
    - id: house-when
      type: existence
      message: "'{match}'"
      tokens: [yesterday]
      when: {dated: false}
    """)
    assert run(p, "Yesterday it rained.\n", path="2024-03-05-rain.md") == []
    assert run(p, "Yesterday it rained.\n", path="rain.md") != []


# -- substitution ------------------------------------------------------------------------------------
def test_substitution_fix_and_case():
    p = pack("""
    - id: house-swap
      type: substitution
      message: "Use '{suggestion}' instead of '{match}'"
      swap:
        in order to: to
        organi(s|z)(e|ed): [arrange, set up]
        e-mail(|s): email(|s)
      fix: safe
    """)
    got = run(p, "In order to win, we e-mailed? No: E-mails organised it.\n")
    assert [f.message for f in got] == [
        "Use 'To' instead of 'In order to'",
        "Use 'Emails' instead of 'E-mails'",
        "Use 'arrange' or 'set up' instead of 'organised'",
    ]
    fix = got[0].fix
    assert fix.applicability == Applicability.SAFE and fix.edits[0].replacement == "To"
    assert (fix.edits[0].start, fix.edits[0].end) == (0, len("In order to"))
    assert got[2].fix.applicability == Applicability.SUGGESTION


def test_substitution_regex_groups():
    p = pack("""
    - id: house-doubled
      type: substitution
      message: "'{match}' → '{suggestion}'"
      regex: true
      swap:
        '\\b(\\w+) \\1\\b': '\\1'
        '(?P<n>\\d+) per cent': '\\g<n>%'
    """)
    got = run(p, "It rose by by 5 per cent.\n")
    assert [f.message for f in got] == ["'by by' → 'by'", "'5 per cent' → '5%'"]
    assert got[0].fix.applicability == Applicability.UNSAFE


def test_substitution_fix_none():
    p = pack("""
    - id: house-swap
      type: substitution
      message: "'{match}'"
      swap: {whilst: while}
      fix: none
    """)
    got = run(p, "Whilst here.\n")
    assert got[0].fix is None and p.rules[0].fix == "never"


# -- consistency ---------------------------------------------------------------------------------------
def test_consistency_pairs_are_separate_choices():
    p = pack("""
    - id: house-either
      type: consistency
      message: "'{match}' and {majority} both used; use '{suggestion}'"
      pairs:
        - [e-mail(|s), email(|s)]
        - [web site, website]
    """)
    text = "Send an email. E-mails help. Send emails. Our website and web site.\n"
    got = run(p, text)
    assert [f.message for f in got] == [
        "'E-mails' and 'emails' both used; use 'Emails'",
        "'web site' and 'website' both used; use 'website'",
    ]


def test_consistency_groups_and_neutral_forms():
    p = pack("""
    - id: house-variety
      type: consistency
      message: "'{match}' is {side}; mostly {majority} ('{suggestion}')"
      sides: [US, UK]
      groups:
        variety:
          - [color, colour]
          - [~license, licence]
          - [center, centre]
    """)
    assert run(p, "The licence and the colour of the centre. They license it.\n") == []
    got = run(p, "The licence, the color, the center.\n")
    assert [f.message for f in got] == ["'licence' is UK; mostly US ('license')"]


# -- occurrence -----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "per,expected",
    [
        ("sentence", [(1, 11), (3, 13)]),
        ("block", [(1, 11), (3, 13)]),
        ("article", [(1, 11)]),
    ],
)
def test_occurrence_units(per, expected):
    p = pack(f"""
    - id: house-very
      type: occurrence
      message: "{{count}} × '{{match}}' (max {{max}})"
      tokens: [very]
      max: 1
      per: {per}
    """)
    text = "Very hot, very very dry. Very.\n\nIt is very, very cold.\n"
    assert [(f.line, f.column) for f in run(p, text)] == expected


def test_occurrence_message():
    p = pack("""
    - id: house-bang
      type: occurrence
      message: "{count} exclamation marks (at most {max})"
      patterns: ['!']
      max: 0
      per: sentence
    """)
    got = run(p, "Wow! Great!! Fine.\n")
    assert [f.message for f in got] == ["1 exclamation marks (at most 0)", "2 exclamation marks (at most 0)"]


# -- capitalization --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "style,heading,suggestion",
    [
        ("sentence", "How The City Pays For Roads", "How the city pays for roads"),
        ("sentence", "How the city pays for roads", None),
        ("sentence", "Mayor Adams visits New York", None),
        ("title", "How the city pays for roads", "How the City Pays for Roads"),
        ("title", "How The City Pays For Roads", "How the City Pays for Roads"),
        ("title", "How the City Pays for Roads", None),
        ("title", "A Plan to Log In and Sign Up", None),
        ("upper", "Breaking news today", "BREAKING NEWS TODAY"),
        ("lower", "Breaking News from NASA", "breaking news from NASA"),
    ],
)
def test_capitalization_styles(style, heading, suggestion):
    p = pack(f"""
    - id: house-caps
      type: capitalization
      message: "'{{match}}' → '{{suggestion}}' ({{style}})"
      style: {style}
    """)
    got = run(p, f"## {heading}\n")
    if suggestion is None:
        assert got == []
    else:
        assert [f.message for f in got] == [f"'{heading}' → '{suggestion}' ({style})"]
        assert got[0].fix.edits[0].replacement == suggestion


def test_capitalization_exceptions():
    p = pack("""
    - id: house-caps
      type: capitalization
      message: "'{suggestion}'"
      style: sentence
      exceptions: [Supreme Court, White House]
    """)
    assert [f.message for f in run(p, "## The White House Asks The Supreme Court\n")] == [
        "'The White House asks the Supreme Court'"
    ]


# -- conditional -------------------------------------------------------------------------------------------
def test_conditional():
    p = pack("""
    - id: house-acronym
      type: conditional
      message: "'{match}' is not spelled out"
      first: '\\b([A-Z]{2,5})s?\\b'
      second: ['\\(([A-Z]{2,5})s?\\)']
      exceptions: [FBI]
    """)
    text = "The GAO and the FBI met. The Government Accountability Office (GAO) agreed. HUD too.\n"
    got = run(p, text)
    assert [f.message for f in got] == ["'GAO' is not spelled out", "'HUD' is not spelled out"]
    assert p.rules[0].check.ignore_case is False


# -- docs ------------------------------------------------------------------------------------------------
def test_generated_docs_shape():
    p = pack("""
    - id: house-banned
      type: existence
      message: "Avoid '{match}'"
      description: Reports banned words.
      why: The style guide bans them.
      link: https://example.com/style#banned
      tokens: [utilise]
      examples: {bad: [We utilise it.], good: [We use it.]}
    """)
    doc = p.rules[0].doc
    assert doc.index("## What it does") < doc.index("## Why is this bad?") < doc.index("## Example")
    assert "```markdown\nWe utilise it.\n```" in doc and "Use instead:\n```markdown\nWe use it.\n```" in doc
    assert "<https://example.com/style#banned>" in doc
    assert p.rules[0].summary == "Reports banned words"
    assert p.rules[0].family == "house" and p.rules[0].origin == "pack:house.yaml"


# -- validation errors ----------------------------------------------------------------------------------
def error_of(text: str, path: str = "bad.yaml") -> PackError:
    with pytest.raises(PackError) as info:
        load_pack_text(textwrap.dedent(text), path)
    return info.value


@pytest.mark.parametrize(
    "text,line,fragment",
    [
        (
            "rules:\n  - id: a-b\n    type: existance\n    message: x\n    tokens: [y]\n",
            3,
            "unknown check type 'existance'; did you mean 'existence'?",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    patterns: ['(unclosed']\n",
            5,
            "invalid regular expression",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    patterns: ['ok', '(a+)+$']\n",
            5,
            "exponential",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    patterns: ['(x\\w|\\wy)+z']\n",
            5,
            "exponential",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n    scope: [paragraph, sidebar]\n",
            6,
            "unknown scope 'sidebar'",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n  - id: a-b\n    type: existence\n    message: z\n    tokens: [w]\n",
            6,
            "used twice in this pack (first on line 2)",
        ),
        ("rules:\n  - id: a-b\n    type: existence\n    tokens: [y]\n", 2, "rule has no 'message'"),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n    severity: fatal\n",
            6,
            "'severity' must be one of error, warning, info",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokenz: [y]\n",
            5,
            "unknown key 'tokenz'; did you mean 'tokens'?",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: 'Avoid {word}'\n    tokens: [y]\n",
            4,
            "unknown placeholder {word}",
        ),
        ("rules:\n  - id: A_B\n    type: existence\n    message: x\n    tokens: [y]\n", 2, "not kebab-case"),
        ("rules:\n  - id: a-b\n    type: existence\n    message: x\n", 2, "needs 'tokens' or 'patterns'"),
        (
            "rules:\n  - id: a-b\n    type: consistency\n    message: x\n    pairs:\n      - [colo(r|rs), colour]\n",
            6,
            "expand to different numbers",
        ),
        (
            "rules:\n  - id: a-b\n    type: consistency\n    message: x\n    pairs:\n      - [color, colour]\n      - [colour, culler]\n",
            7,
            "'colour' is listed twice",
        ),
        (
            "rules:\n  - id: a-b\n    type: substitution\n    message: x\n    regex: true\n    swap: {'(a)b': '\\2'}\n",
            6,
            "refers to a group",
        ),
        ("rules:\n  - id: a-b\n    type: occurrence\n    message: x\n    patterns: ['!']\n", 2, "rule has no 'max'"),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n    when: {published: true}\n",
            6,
            "unknown condition 'published'",
        ),
        (
            "rules:\n  - id: a-b\n    type: capitalization\n    message: x\n    style: shouting\n",
            5,
            "'style' must be one of",
        ),
        (
            "rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n    ignore_case: yes\n",
            6,
            "must be true or false",
        ),
        ("pack: rules\nrules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y]\n", 1, "reserved"),
        ("rules:\n  - id: a-b\n    type: existence\n    message: x\n    tokens: [y\n", 6, "invalid YAML"),
        ("rule:\n  - id: a-b\n", 1, "unknown pack key 'rule'; did you mean 'rules'?"),
        ("rules: []\n", 1, "non-empty 'rules'"),
        ("rules:\n  - id: a-b\n    id: c-d\n", 3, "written twice"),
    ],
)
def test_validation_errors_name_file_and_line(text, line, fragment):
    err = error_of(text)
    assert isinstance(err, ConfigError)
    assert err.path == "bad.yaml"
    assert err.line == line, str(err)
    assert fragment in err.message, err.message
    assert str(err).startswith(f"bad.yaml:{line}: ")


def test_duplicate_ids_across_packs_and_builtins(tmp_path):
    a = tmp_path / "a.yaml"
    a.write_text("pack: house-a\nrules:\n  - id: house-rule\n    type: existence\n    message: x\n    tokens: [y]\n")
    b = tmp_path / "b.yaml"
    b.write_text(
        "pack: house-b\nrules:\n  - id: other\n    type: existence\n    message: x\n    tokens: [y]\n"
        "  - id: house-rule\n    type: existence\n    message: x\n    tokens: [y]\n"
    )
    with pytest.raises(PackError) as info:
        build_registry(entry_points=False, packs=(str(a), str(b)), base_dir=str(tmp_path))
    assert info.value.path == str(b) and info.value.line == 7
    assert "already defined" in info.value.message and "a.yaml" in info.value.message
    c = tmp_path / "c.yaml"
    c.write_text("pack: house-c\nrules:\n  - id: doubled-word\n    type: existence\n    message: x\n    tokens: [y]\n")
    with pytest.raises(PackError) as info:
        build_registry(entry_points=False, packs=("c.yaml",), base_dir=str(tmp_path))
    assert info.value.line == 3 and "newsroom-basics.yaml" in info.value.message
    d = tmp_path / "d.yaml"
    d.write_text("pack: duplicates\nrules:\n  - id: dd-x\n    type: existence\n    message: x\n    tokens: [y]\n")
    with pytest.raises(PackError, match="built-in rule family"):
        build_registry(entry_points=False, packs=("d.yaml",), base_dir=str(tmp_path))


def test_missing_pack_file(tmp_path):
    with pytest.raises(PackError, match="cannot read rule pack"):
        build_registry(entry_points=False, packs=("nope.yaml",), base_dir=str(tmp_path))


def test_yaml_scalars_stay_text():
    p = pack("""
    - id: house-words
      type: existence
      message: "'{match}'"
      tokens: [no, on, off, yes, 2024-01-01]
    """)
    assert p.rules[0].check.tokens == ("no", "on", "off", "yes", "2024-01-01")


def test_alias_bombs_are_refused():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]")
    lines.append("rules: *a7")
    with pytest.raises(PackError, match="too large"):
        load_pack_text("\n".join(lines) + "\n", "bomb.yaml")


# -- regex vetting and word lists --------------------------------------------------------------------
@pytest.mark.parametrize(
    "pattern,risky",
    [
        (r"(a+)+$", True),
        (r"(\w*)*x", True),
        (r"(x{1,9})+y", True),
        (r"(x\w|\wy)+z", True),
        (r"(a|ab)+c", False),  # the parser factors out the common prefix
        (r"(\w|\d)*!", False),  # the parser merges the branches into one class
        (r"(?:\w+\s?)+$", True),
        (r"\bin order to\b", False),
        (r"(?:[\w-]+ ){0,3}newsletters?", False),
        (r"(?:[^,]*,)*x", False),
        (r"(?:foo|bar)+", False),
        (r"(?>a+)+b", False),
        (r"\b(\w+)\s+\1\b", False),
        (r"a{3}(bc){2}", False),
    ],
)
def test_backtracking_risk(pattern, risky):
    import sys

    if sys.version_info < (3, 11) and "(?>" in pattern:
        pytest.skip("atomic groups need Python 3.11")
    from edlint.rules.declarative.regexes import _sp

    assert bool(backtracking_risk(list(_sp.parse(pattern)))) is risky


@pytest.mark.parametrize(
    "entry,forms",
    [
        ("color", ["color"]),
        ("color(|s|ed)", ["color", "colors", "colored"]),
        ("colo(r|ur)(|s)", ["color", "colors", "colour", "colours"]),
        ("this   (week|month)", ["this week", "this month"]),
    ],
)
def test_expand(entry, forms):
    assert expand(entry) == forms


# -- config packs ------------------------------------------------------------------------------------------
HOUSE_PACK = """\
pack: house-style
description: Our house style
rules:
  - id: house-towards
    type: substitution
    message: "Use '{suggestion}' instead of '{match}'"
    swap: {towards: toward}
    examples:
      bad: [We walked towards the river.]
      good: [We walked toward the river.]
"""


def test_config_pack_through_registry(tmp_path):
    from edlint.engine import Linter

    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.yaml").write_text(HOUSE_PACK)
    reg = build_registry(entry_points=False, packs=("style/house.yaml",), base_dir=str(tmp_path))
    assert reg.get("house-towards").family == "house-style"
    got = Linter(config={"select": ["house-style"]}, registry=reg).run_text("Walk towards it.\n", "a.md").findings
    assert [f.rule for f in got] == ["house-towards"]


def _engine_loads_config_packs() -> bool:
    import inspect

    from edlint.engine import Linter

    return "packs" in inspect.signature(Linter.registry_for).parameters


@pytest.mark.skipif(not _engine_loads_config_packs(), reason="engine does not pass config packs yet")
def test_config_packs_from_cli(tmp_path, monkeypatch):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.yaml").write_text(HOUSE_PACK)
    (tmp_path / ".edlint.yaml").write_text("packs: [style/house.yaml]\nselect: [house-style]\n")
    (tmp_path / "story.md").write_text("We walked towards the river.\n")
    monkeypatch.chdir(tmp_path)
    out = CliRunner().invoke(main, ["check", "story.md"])
    assert out.exit_code == 1 and "house-towards" in out.output
    (tmp_path / "style" / "house.yaml").write_text(HOUSE_PACK.replace("type: substitution", "type: swap"))
    out = CliRunner().invoke(main, ["check", "story.md"])
    assert out.exit_code == 2
    assert "house.yaml:5: unknown check type 'swap'" in out.output


# -- edlint test-rules ---------------------------------------------------------------------------------------
def test_test_rules_passes_on_shipped_packs():
    out = CliRunner().invoke(main, ["test-rules", "newsroom-basics", "scrape-residue", "spelling-variants"])
    assert out.exit_code == 0, out.output
    assert "0 failures" in out.output


def test_test_rules_reports_failing_examples(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(HOUSE_PACK.replace("good: [We walked toward the river.]", "good: [We walked towards the river.]"))
    out = CliRunner().invoke(main, ["test-rules", str(path)])
    assert out.exit_code == 1
    assert "FAIL" in out.output and "good example 1 was reported" in out.output
    assert "1 rule, 2 examples, 1 failure" in out.output


def test_test_rules_invalid_pack_is_exit_2(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(HOUSE_PACK.replace("swap: {towards: toward}", "swap: {towards: toward}\n    scope: sidebar"))
    out = CliRunner().invoke(main, ["test-rules", str(path)])
    assert out.exit_code == 2
    assert f"{path}:8: unknown scope 'sidebar'" in out.output


def test_test_rules_missing_examples_fail(tmp_path):
    path = tmp_path / "house.yaml"
    path.write_text(HOUSE_PACK.split("    examples:")[0])
    out = CliRunner().invoke(main, ["test-rules", str(path)])
    assert out.exit_code == 1 and "no 'bad' example" in out.output


# -- speed ---------------------------------------------------------------------------------------------------
def test_packs_are_fast_on_a_long_article():
    import time

    from edlint.engine import Linter

    reg = build_registry(entry_points=False)
    ids = [r.id for r in SHIPPED_RULES]
    para = (
        "The council's colourful plan was organized in order to help neighbors, officials said "
        "on Tuesday, and the program will run until 2025. "
    )
    text = "# Plan Approved By Council\n\n" + "\n\n".join(para * 3 for _ in range(40)) + "\n"
    linter = Linter(config={"select": ids, "preview": True}, registry=reg)
    linter.run_text(text, "warm.md")
    start = time.perf_counter()
    for _ in range(5):
        linter.run_text(text, "a.md")
    per_run = (time.perf_counter() - start) / 5
    assert per_run < 0.25, per_run
