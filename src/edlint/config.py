"""Configuration: find, load, validate.

``.edlint.yaml`` (searched upward from each file, or ``--config PATH``) or ``[tool.edlint]``
in ``pyproject.toml``. As in ruff, the nearest config wins (no merging up the tree),
``.edlint.yaml`` beats ``pyproject.toml`` in the same folder, and globs are relative to the
config's folder. Every problem is a :class:`ConfigError` naming the file and line, with the
closest valid name suggested; the CLI turns it into exit code 2.

Family sections (``images:``, ``units:`` ...) are validated against the options dataclass
each family declares; this module knows none of them by name.
"""

from __future__ import annotations

import os
import re
import typing
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .globs import glob_problem
from .validation import CONFIG_KEYS, bool_problem, validate_options
from .validation import did_you_mean as _did_you_mean  # the name cli.py imports

CONFIG_NAMES = (".edlint.yaml", ".edlint.yml")
SEVERITIES = ("error", "warning", "info")
DEFAULT_MAX_FILE_SIZE = 32 * 1024 * 1024
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    "node_modules",
    ".venv",
    "venv",
    "__pycache__",
    ".edlint_cache",
    ".tox",
    "_site",
    ".pytest_cache",
)


class ConfigError(Exception):
    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        where = f"{path}:{line}: " if path and line else f"{path}: " if path else ""
        super().__init__(f"{where}{message}")


@dataclass(frozen=True)
class Override:
    """Settings for the files matching some globs, layered over the config's own."""

    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """One config file's settings (or the defaults when there is no file)."""

    path: str | None = None  # the file it came from
    root: str = "."  # folder that globs are relative to
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    preview: bool = False
    severity: dict[str, str] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = ()
    overrides: tuple[Override, ...] = ()
    plugins: tuple[str, ...] = ()
    packs: tuple[str, ...] = ()
    language: str = "en"
    fail_on: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    # True: inline directives may disable any rule; False: none; a list: these rules may
    # NOT be disabled inline (or in front matter), e.g. legal checks such as image-credit.
    allow_inline_disable: bool | tuple[str, ...] = True
    shortcodes: dict[str, dict[str, str]] = field(default_factory=dict)
    # The site generator (hugo, jekyll, eleventy, plain), or auto: found from its config files.
    site: str = "auto"
    # Globs of the files that are articles (default: the generator's layout decides).
    articles: tuple[str, ...] | None = None
    # Page kind -> globs of the files of that kind (list, author, page, article); first match wins.
    page_kinds: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # Skip what .gitignore, .ignore and .git/info/exclude ignore (as ruff's respect-gitignore).
    respect_gitignore: bool = True
    language_given: bool = False  # `language` was written in the config
    # Where each key was written (for error messages raised after loading).
    lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)

    def key(self) -> str:
        return self.path or "<defaults>"


TOP_LEVEL_KEYS = CONFIG_KEYS
OVERRIDE_KEYS = {"files", "select", "extend_select", "ignore", "severity", "rules"}


# -- finding config files --------------------------------------------------------------
def find_config_file(start_dir: str, looked_at: Callable[[str], None] | None = None) -> str | None:
    """The nearest config upward from ``start_dir`` (a folder). ``looked_at`` is told every
    candidate file checked, present or not (a warm run must notice a config appearing)."""
    d = os.path.abspath(start_dir)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(d, name)
            if looked_at is not None:
                looked_at(candidate)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(d, "pyproject.toml")
        if looked_at is not None:
            looked_at(pyproject)
        if os.path.isfile(pyproject) and _pyproject_has_section(pyproject):
            return pyproject
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _pyproject_has_section(path: str) -> bool:
    try:
        from .reading import read_site_text

        return "[tool.edlint" in read_site_text(path)
    except (OSError, UnicodeDecodeError):
        return False


# -- loading -----------------------------------------------------------------------------
class _Positions:
    """Line numbers of keys, by dotted path, from the YAML node tree."""

    def __init__(self, text: str, node: Any = None, toml: bool = False) -> None:
        self.text = text
        self.lines: dict[str, int] = {}
        if node is not None:
            self._walk(node, "")
        self.toml = toml

    def _walk(self, node: Any, prefix: str) -> None:
        from .yaml_loader import key_lines

        for keys, line in key_lines(node).items():
            path = prefix
            for k in keys:
                path = (
                    f"{path}[{k}]"
                    if isinstance(k, int) and not isinstance(k, bool)
                    else (f"{path}.{k}" if path else str(k))
                )
            self.lines[path] = line

    def line(self, path: str) -> int | None:
        if path in self.lines:
            return self.lines[path]
        if self.toml:
            last = path.split(".")[-1].split("[")[0]
            m = re.search(rf"^\s*\"?{re.escape(last)}\"?\s*=", self.text, re.M)
            if m:
                return self.text.count("\n", 0, m.start()) + 1
        # Fall back to the parent key's line.
        while "." in path or "[" in path:
            path = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", path)
            if path in self.lines:
                return self.lines[path]
        return None


def load_config_file(path: str, registry: Any) -> Config:
    try:
        from .reading import read_site_text

        text = read_site_text(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", path) from exc
    if path.endswith(".toml"):
        try:
            import tomllib  # type: ignore[import-not-found]
        except ModuleNotFoundError:  # Python 3.10
            import tomli as tomllib  # type: ignore[no-redef]
        try:
            data = tomllib.loads(text).get("tool", {}).get("edlint", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"invalid TOML: {exc}", path) from exc
        positions = _Positions(text, toml=True)
    else:
        from .yaml_loader import compose_yaml, yaml

        try:
            node, data = compose_yaml(text)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise ConfigError(f"invalid YAML: {exc.problem}", path, mark.line + 1 if mark else None) from exc
        except (yaml.YAMLError, RecursionError) as exc:
            raise ConfigError(f"config refused: {exc}", path) from exc
        positions = _Positions(text, node)
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError("config must be a mapping of keys to values", path, 1)
    return config_from_mapping(data, registry, path=path, positions=positions)


def config_from_mapping(
    data: dict[str, Any],
    registry: Any,
    path: str | None = None,
    root: str | None = None,
    positions: _Positions | None = None,
) -> Config:
    """Validate a config mapping (from a file, pyproject, or the Python API)."""
    positions = positions or _Positions("")
    where = path or "<config>"

    def fail(message: str, key_path: str) -> typing.NoReturn:
        raise ConfigError(message, where, positions.line(key_path))

    section_names = set(registry.sections)
    known = TOP_LEVEL_KEYS | section_names
    # Plugins that were not allowed to load leave their rules and sections unknown: the
    # config is then read without them (the run says which plugins it skipped).
    without_plugins = bool(getattr(registry, "skipped_plugins", None))
    for key in data:
        if key not in known and not without_plugins:
            fail(f"unknown key {key!r}{_did_you_mean(key, known)}", str(key))

    selectors = _selector_names(registry)
    rule_ids = set(registry.rules)

    def selector_list(value: Any, key_path: str) -> tuple[str, ...]:
        items = _str_list(value, key_path, fail)
        for i, item in enumerate(items):
            if item not in selectors and not without_plugins:
                fail(f"unknown rule or family {item!r}{_did_you_mean(item, selectors)}", f"{key_path}[{i}]")
        return tuple(item for item in items if item in selectors)

    def severity_map(value: Any, key_path: str) -> dict[str, str]:
        if not isinstance(value, dict):
            fail("'severity' must map rule ids or families to error, warning or info", key_path)
        out = {}
        for k, v in value.items():
            if k not in selectors and without_plugins:
                continue
            if k not in selectors:
                fail(f"unknown rule or family {k!r}{_did_you_mean(k, selectors)}", f"{key_path}.{k}")
            if str(v).lower() not in SEVERITIES:
                fail(f"severity of {k!r} must be one of error, warning, info (got {v!r})", f"{key_path}.{k}")
            out[str(k)] = str(v).lower()
        return out

    def rule_options(value: Any, key_path: str) -> dict[str, dict[str, Any]]:
        if not isinstance(value, dict):
            fail("'rules' must map rule ids to their options", key_path)
        out = {}
        for rid, opts in value.items():
            if rid not in rule_ids and without_plugins:
                continue
            if rid not in rule_ids:
                fail(f"unknown rule {rid!r}{_did_you_mean(rid, rule_ids)}", f"{key_path}.{rid}")
            rule = registry.rules[rid]
            if opts is None:
                opts = {}
            if not isinstance(opts, dict):
                fail(f"options of {rid!r} must be a mapping", f"{key_path}.{rid}")
            if rule.section is None:
                if opts:
                    fail(f"rule {rid!r} has no options", f"{key_path}.{rid}")
                out[rid] = {}
                continue
            validate_options(rule.section.options, opts, f"{key_path}.{rid}", fail)
            out[rid] = dict(opts)
        return out

    def sections_of(mapping: dict[str, Any], prefix: str) -> dict[str, dict[str, Any]]:
        out = {}
        for name in section_names:
            if name in mapping:
                value = mapping[name] or {}
                if not isinstance(value, dict):
                    fail(f"'{name}' must be a mapping of options", f"{prefix}{name}")
                validate_options(registry.sections[name].options, value, f"{prefix}{name}", fail)
                out[name] = dict(value)
        return out

    kwargs: dict[str, Any] = {}
    if "select" in data:
        kwargs["select"] = selector_list(data["select"], "select")
    if "extend_select" in data:
        kwargs["extend_select"] = selector_list(data["extend_select"], "extend_select")
    if "ignore" in data:
        kwargs["ignore"] = selector_list(data["ignore"], "ignore")
    if "preview" in data:
        kwargs["preview"] = _bool(data["preview"], "preview", fail)
    if "severity" in data:
        kwargs["severity"] = severity_map(data["severity"], "severity")
    if "rules" in data:
        kwargs["rules"] = rule_options(data["rules"], "rules")
    kwargs["sections"] = sections_of(data, "")
    if "exclude" in data:
        kwargs["exclude"] = _glob_list(data["exclude"], "exclude", fail)
    if "plugins" in data:
        kwargs["plugins"] = _str_list(data["plugins"], "plugins", fail)
    if "packs" in data:
        kwargs["packs"] = _str_list(data["packs"], "packs", fail)
    if "language" in data:
        lang = data["language"]
        if not isinstance(lang, str) or not re.match(r"^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$", lang):
            fail(f"'language' must be a language tag such as en-US or en-GB (got {lang!r})", "language")
        kwargs["language"] = lang
        kwargs["language_given"] = True
    if "site" in data:
        from .site.detect import SITE_KINDS

        v = str(data["site"]).lower()
        if v not in (*SITE_KINDS, "auto"):
            fail(f"'site' must be one of auto, {', '.join(SITE_KINDS)} (got {data['site']!r})", "site")
        kwargs["site"] = v
    if "articles" in data:
        kwargs["articles"] = _glob_list(data["articles"], "articles", fail)
    if "page_kinds" in data:
        from .site.kinds import PAGE_KINDS

        pk = data["page_kinds"]
        if not isinstance(pk, dict):
            fail("'page_kinds' must map a page kind (article, list, author, page) to globs", "page_kinds")
        kinds = {}
        for k, v in pk.items():
            if k not in PAGE_KINDS:
                fail(
                    f"unknown page kind {k!r}{_did_you_mean(k, PAGE_KINDS)}; one of {', '.join(PAGE_KINDS)}",
                    f"page_kinds.{k}",
                )
            kinds[str(k)] = _glob_list(v, f"page_kinds.{k}", fail)
        kwargs["page_kinds"] = kinds
    if "respect_gitignore" in data:
        kwargs["respect_gitignore"] = _bool(data["respect_gitignore"], "respect_gitignore", fail)
    if "fail_on" in data:
        v = str(data["fail_on"]).lower()
        if v not in SEVERITIES:
            fail(f"'fail_on' must be one of error, warning, info (got {data['fail_on']!r})", "fail_on")
        kwargs["fail_on"] = v
    if "max_file_size" in data:
        kwargs["max_file_size"] = _size(data["max_file_size"], "max_file_size", fail)
    if "allow_inline_disable" in data:
        v = data["allow_inline_disable"]
        if isinstance(v, bool):
            kwargs["allow_inline_disable"] = v
        else:
            kwargs["allow_inline_disable"] = selector_list(v, "allow_inline_disable")
    if "shortcodes" in data:
        sc = data["shortcodes"]
        if not isinstance(sc, dict) or not all(isinstance(v, dict) for v in sc.values()):
            fail("'shortcodes' must map shortcode names to {field: argument} mappings", "shortcodes")
        fields = {"src", "alt", "caption", "credit", "title", "class", "uid"}
        for name, spec in sc.items():
            for f in spec:
                if f not in fields:
                    fail(f"unknown shortcode field {f!r}{_did_you_mean(f, fields)}", f"shortcodes.{name}.{f}")
        kwargs["shortcodes"] = {str(k): {str(a): str(b) for a, b in v.items()} for k, v in sc.items()}
    if "overrides" in data:
        ovs = data["overrides"]
        if not isinstance(ovs, list):
            fail("'overrides' must be a list of {files: [...], ...} entries", "overrides")
        out = []
        for i, ov in enumerate(ovs):
            kp = f"overrides[{i}]"
            if not isinstance(ov, dict):
                fail("each override must be a mapping with 'files'", kp)
            for key in ov:
                if key not in OVERRIDE_KEYS | section_names:
                    fail(
                        f"unknown override key {key!r}{_did_you_mean(key, OVERRIDE_KEYS | section_names)}",
                        f"{kp}.{key}",
                    )
            if "files" not in ov:
                fail("override has no 'files' globs", kp)
            out.append(
                Override(
                    files=_glob_list(ov["files"], f"{kp}.files", fail),
                    select=selector_list(ov["select"], f"{kp}.select") if "select" in ov else None,
                    extend_select=selector_list(ov.get("extend_select", []), f"{kp}.extend_select"),
                    ignore=selector_list(ov.get("ignore", []), f"{kp}.ignore"),
                    severity=severity_map(ov.get("severity", {}), f"{kp}.severity"),
                    rules=rule_options(ov.get("rules", {}), f"{kp}.rules"),
                    sections=sections_of(ov, f"{kp}."),
                )
            )
        kwargs["overrides"] = tuple(out)
    cfg_root = root or (os.path.dirname(os.path.abspath(path)) if path else os.getcwd())
    return Config(path=path, root=cfg_root, lines=dict(positions.lines), **kwargs)


def _selector_names(registry: Any) -> set[str]:
    return set(registry.rules) | set(registry.families) | {"all"}


def _str_list(value: Any, key_path: str, fail: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        fail(f"'{key_path}' must be a list of strings", key_path)
    return tuple(value)


def _glob_list(value: Any, key_path: str, fail: Any) -> tuple[str, ...]:
    globs = _str_list(value, key_path, fail)
    for i, g in enumerate(globs):
        problem = glob_problem(g)
        if problem is not None:
            fail(f"{g!r} is not a valid glob: {problem}", f"{key_path}[{i}]")
    return globs


def _bool(value: Any, key_path: str, fail: Any) -> bool:
    problem = bool_problem(value)
    if problem:
        fail(f"'{key_path}' {problem}", key_path)
    return value


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|mb|mib|gb|gib)?\s*$", re.I)
_UNITS = {None: 1, "b": 1, "kb": 1000, "kib": 1024, "mb": 1000**2, "mib": 1024**2, "gb": 1000**3, "gib": 1024**3}


def _size(value: Any, key_path: str, fail: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    m = _SIZE.match(str(value))
    if not m:
        fail(f"'{key_path}' must be a size such as 32MiB or a number of bytes (got {value!r})", key_path)
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower() or None])
