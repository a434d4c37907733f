"""One YAML loader for front matter, config files and rule packs: the same scalars, the same
hardening, positions kept. Each case is run through all three doors."""

from __future__ import annotations

import pytest

from edlint.config import ConfigError, load_config_file
from edlint.parsers import parse
from edlint.rules.declarative.packs import PackError, load_pack_text
from edlint.rules.registry import default_registry
from edlint.yaml_loader import compose_yaml, key_lines, load_yaml

# Words YAML 1.1 would turn into booleans, times or dates: text everywhere here.
TEXT_SCALARS = ["yes", "no", "on", "off", "Y", "N", "12:30", "2025-13-01", "0x1F", "1_000"]


def _front_matter_value(raw: str):
    doc = parse("story.md", f"---\ntitle: Vote\nflag: {raw}\n---\n\nThe council met.\n", "markdown")
    assert not doc.problems, doc.problems
    return doc.meta("flag")


def _pack_value(raw: str):
    pack = load_pack_text(
        f"rules:\n  - id: house-words\n    type: existence\n    message: \"'{{match}}'\"\n    tokens: [{raw}]\n",
        "house.yaml",
    )
    return pack.rules[0].check.tokens[0]


@pytest.mark.parametrize("raw", TEXT_SCALARS)
def test_the_same_scalar_is_text_in_front_matter_config_and_packs(raw, tmp_path):
    assert load_yaml(f"v: {raw}") == {"v": raw}
    assert _front_matter_value(raw) == raw
    assert _pack_value(raw) == raw
    # In config, a yes/no word where a boolean belongs is an error, not a silent True.
    cfg = tmp_path / ".edlint.yaml"
    cfg.write_text(f"preview: {raw}\n")
    with pytest.raises(ConfigError, match="true or false"):
        load_config_file(str(cfg), default_registry())


@pytest.mark.parametrize(
    "raw, value", [("true", True), ("false", False), ("null", None), ("42", 42), ("-3", -3), ("2.5", 2.5)]
)
def test_core_scalars_agree(raw, value):
    assert load_yaml(f"v: {raw}") == {"v": value}
    assert _front_matter_value(raw) == value


HOSTILE = {
    "python tag": "v: !!python/object/apply:os.system ['true']\n",
    "alias bomb": "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(6)),
    "too deep": "v: " + "[" * 300 + "]" * 300 + "\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_yaml_is_refused_by_every_door(name, tmp_path):
    text = HOSTILE[name]
    doc = parse("story.md", f"---\n{text}---\n\nThe council met.\n", "markdown")
    assert doc.problems, f"front matter accepted {name}"
    cfg = tmp_path / ".edlint.yaml"
    cfg.write_text(text)
    with pytest.raises(ConfigError):
        load_config_file(str(cfg), default_registry())
    with pytest.raises(PackError):
        load_pack_text(text, "house.yaml")


def test_positions_are_kept():
    text = "select: [images]\noverrides:\n  - files: ['news/**']\n    severity:\n      images: error\n"
    node, data = compose_yaml(text)
    assert data["overrides"][0]["severity"] == {"images": "error"}
    lines = key_lines(node)
    assert lines[("select",)] == 1
    assert lines[("overrides", 0, "files")] == 3
    assert lines[("overrides", 0, "severity", "images")] == 5


def test_config_error_points_at_the_line(tmp_path):
    cfg = tmp_path / ".edlint.yaml"
    cfg.write_text("select: [images]\nseverity:\n  images: loud\n")
    with pytest.raises(ConfigError) as err:
        load_config_file(str(cfg), default_registry())
    assert err.value.line == 3


# -- the seeded printable check (start-up) -----------------------------------------------------


def test_the_seeded_non_printable_class_matches_pyyamls_on_every_code_point():
    import re
    import sys

    from edlint import yaml_loader

    every = "".join(map(chr, range(sys.maxunicode + 1)))
    slow = re.compile(yaml_loader.PYYAML_NON_PRINTABLE)
    fast = re.compile(yaml_loader.NON_PRINTABLE)
    assert slow.findall(every) == fast.findall(every)
    # ... and it is the class PyYAML uses, so seeding the cache changes nothing it does.
    from edlint.yaml_loader import yaml

    assert yaml.reader.Reader.NON_PRINTABLE.findall(every) == slow.findall(every)


def test_a_control_character_in_front_matter_is_still_refused():
    from edlint.yaml_loader import load_yaml, yaml

    with pytest.raises(yaml.YAMLError, match="control characters are not allowed"):
        load_yaml("title: Bell\x07 rings\n")


def test_edlint_imports_pyyaml_only_through_the_loader():
    import ast

    from paths import REPO

    offenders = []
    import pathlib

    src = pathlib.Path(REPO) / "src"
    for path in sorted((src / "edlint").rglob("*.py")):
        if path.name == "yaml_loader.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Type-only imports run under a type checker, not at start-up.
        typing_only = {
            id(n)
            for block in ast.walk(tree)
            if isinstance(block, ast.If) and getattr(block.test, "id", "") == "TYPE_CHECKING"
            for n in ast.walk(block)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            if any(n == "yaml" or n.startswith("yaml.") for n in names):
                offenders.append(f"{path.relative_to(src)}:{node.lineno}")
    assert offenders == []
