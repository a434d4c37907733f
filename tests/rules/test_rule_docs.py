"""Meta-tests over the registry: every rule documents itself, and its docs are true.

- the docs have ruff's sections, and `## Options` names only real options;
- the `## Example` is flagged by the rule and the `Use instead:` text is not (settings the
  example needs come first, as a ```yaml block starting with `# .edlint.yaml`);
- every family rule has a case file under tests/cases/.
"""

import dataclasses
import os
import re

import pytest

from edlint.rules.registry import default_registry
from edlint.testing import findings
from paths import TESTS

CASES = os.path.join(TESTS, "cases")
ENGINE_RULES = {"file-error", "internal-error", "unused-suppression"}
FENCE = re.compile(r"```(\w*)\n(.*?)```", re.S)
EXT = {"markdown": "md", "md": "md", "html": "html", "text": "txt", "txt": "txt", "": "md"}

RULES = [r for r in default_registry().sorted_rules() if r.origin == "builtin"]


def _examples(doc):
    """(bad fence, good fence, config). A rule whose example needs settings shows them first
    as a ```yaml block starting with `# .edlint.yaml`."""
    bad = doc.split("## Example", 1)[1] if "## Example" in doc else ""
    good = bad.split("Use instead:", 1)[1] if "Use instead:" in bad else ""
    bad = bad.split("Use instead:", 1)[0]
    fences = list(FENCE.finditer(bad))
    config = {}
    if fences and fences[0].group(1) == "yaml" and fences[0].group(2).startswith("# .edlint.yaml"):
        from edlint.parsers.frontmatter import load_yaml

        config = load_yaml(fences[0].group(2)) or {}
        fences = fences[1:]
    return (fences[0] if fences else None), FENCE.search(good), config


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_docs_have_the_sections(rule):
    for heading in ("## What it does", "## Why is this bad?", "## Example", "Use instead:"):
        assert heading in rule.doc, f"{rule.id}: docs lack {heading!r}"
    assert rule.summary and not rule.summary.endswith(".")
    if "## Options" in rule.doc:
        listed = re.findall(r"^- `(\w+)`", rule.doc.split("## Options", 1)[1], re.M)
        assert listed, f"{rule.id}: '## Options' lists nothing"
        assert rule.section is not None
        fields = {f.name for f in dataclasses.fields(rule.section.options)}
        unknown = set(listed) - fields
        assert not unknown, f"{rule.id}: docs list options that do not exist: {unknown}"


@pytest.mark.parametrize(
    "rule",
    [r for r in RULES if r.id not in ENGINE_RULES and not r.cross_file and not r.needs_server],
    ids=lambda r: r.id,
)
def test_rule_doc_example_is_flagged_and_fix_is_clean(rule):
    bad, good, config = _examples(rule.doc)
    assert bad and good, f"{rule.id}: the Example and Use instead sections need fenced code blocks"
    fmt = EXT.get(bad.group(1), "md")
    got = [f for f in findings(bad.group(2), fmt, select=[rule.id], config=config) if f.rule == rule.id]
    assert got, f"{rule.id}: its own ## Example is not flagged"
    fmt = EXT.get(good.group(1), "md")
    got = [f for f in findings(good.group(2), fmt, select=[rule.id], config=config) if f.rule == rule.id]
    assert not got, f"{rule.id}: its 'Use instead' example is flagged: {[f.message for f in got]}"


# Rules that need a server are tested end to end against a stand-in server instead
# (tests/test_grammar.py): a case file could only show that nothing happens without one.
@pytest.mark.parametrize(
    "rule", [r for r in RULES if r.id not in ENGINE_RULES and not r.needs_server], ids=lambda r: r.id
)
def test_every_rule_has_a_case_file(rule):
    path = os.path.join(CASES, rule.family, f"{rule.id}.cases")
    assert os.path.isfile(path), f"{rule.id}: no case file at tests/cases/{rule.family}/{rule.id}.cases"
