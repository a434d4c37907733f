"""What a rule is: metadata, options, a pure check, and what it reports.

A rule module declares rules with :func:`rule` (per document) or :func:`cross_file_rule`
(across the files of one run) and its family lists them in ``RULES``; the registry collects
those lists and the engine runs the rules. A check
never reads files, config or other documents: it receives a Document and its options.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..document import Document, Span


class Severity(enum.IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        return cls[str(value).strip().upper()]

    def __str__(self) -> str:
        return self.name.lower()


class Applicability(str, enum.Enum):
    SAFE = "safe"  # mechanical, meaning unchanged: applied by --fix
    UNSAFE = "unsafe"  # plausible, an editor should look: applied by --unsafe-fixes
    SUGGESTION = "suggestion"  # shown, never applied


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` with ``replacement`` (source offsets)."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """Edits that resolve a finding, with how safely they can be applied."""

    title: str  # an imperative: "Use curly quotes"
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @classmethod
    def replace(
        cls, span: Span, replacement: str, title: str, applicability: Applicability = Applicability.SAFE
    ) -> Fix:
        return cls(title, (Edit(span.start, span.end, replacement),), applicability)


class Finding(NamedTuple):
    """What a rule reports: where (source offsets), what, and optionally a fix, a severity
    of its own (a weak credit is only ``info``) and extra JSON fields. Immutable: the engine
    turns it into a :class:`edlint.results.Diagnostic` (path, rule, 1-based position, the
    severity policy decides, fingerprint); reporters only ever see that."""

    span: Span
    message: str
    fix: Fix | None = None
    severity: Severity | None = None  # a suggestion to policy; config overrides it
    data: dict[str, Any] | None = None  # extra JSON fields (e.g. a LanguageTool rule id)


class Section(NamedTuple):
    """A config section shared by a family's rules (``images:``, ``units:`` ...).

    ``options`` is a frozen dataclass whose fields (with defaults) are the section's keys;
    the config loader validates user values against the field types.
    """

    name: str
    options: type
    doc: str = ""
    # Sections whose keys are read into this one first (grammar: reads languagetool:).
    merges: tuple[str, ...] = ()


class SiteLoader(NamedTuple):
    """Data a family needs from the site (an authors registry, image metadata ...),
    loaded once per run by the engine and given to documents as ``doc.site[name]``.

    ``load(config_dir, options)`` does the I/O; rules only read the result.
    ``inputs(config_dir, options)`` names the files and folders ``load`` reads, so a warm
    run can tell that the data is unchanged without loading it (see ``replay.py``); a
    loader without it (a LanguageTool server) makes every run that uses it a full run.
    """

    name: str
    section: str
    load: Callable[[str, Any], Any]
    inputs: Callable[[str, Any], list[str]] | None = None


ALL_PAGES = ("article", "list", "author", "page")
ARTICLES_ONLY = ("article",)
# Families about a story's metadata and bylines say nothing useful about a section list or an
# author's profile page, and a paragraph repeated on purpose (a note in each section of a
# documentation page, a release list) is no CMS accident: by default these check articles only.
_FAMILY_PAGE_KINDS = {"metadata": ARTICLES_ONLY, "bios": ARTICLES_ONLY, "duplicates": ARTICLES_ONLY}

_KEBAB = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, eq=False)
class Rule:
    """A rule as the engine sees it: id, docs, options and the function that checks."""

    id: str
    family: str
    summary: str
    severity: Severity
    check: Callable[..., Iterable[Finding]] | None
    section: Section | None = None
    fix: str = "never"  # never | sometimes | always
    status: str = "stable"  # stable | preview
    since: str = "0.1.0"
    needs_server: bool = False  # off by default (grammar) ...
    # ... unless this says a server is configured: server_configured(options) -> bool.
    server_configured: Callable[[Any], bool] | None = None
    default_enabled: bool = True
    doc: str = ""
    # Cross-file rules: facts(doc, opts) -> small picklable value per document;
    # combine(list[(path, facts)], opts) -> iterable of (path, Finding).
    facts: Callable[..., Any] | None = None
    combine: Callable[..., Iterable[tuple[str, Finding]]] | None = None
    origin: str = "builtin"  # builtin | plugin:<name> | pack:<path>
    module: str = ""  # the Python module that declared it
    examples: dict[str, list[str]] = field(default_factory=dict)
    # The page kinds (document.page_kind) the rule checks; the engine skips the others.
    page_kinds: tuple[str, ...] = ALL_PAGES

    @property
    def cross_file(self) -> bool:
        return self.combine is not None

    @property
    def enabled_by_default(self) -> bool:
        return self.default_enabled and not self.needs_server and self.status == "stable"


# The attribute @rule and @cross_file_rule set on the function they decorate. A rule is
# registered only when its family lists the function in ``RULES``; the mark lets a test find
# decorated functions that no family lists.
RULE_MARK = "__edlint_rule__"
_SECTIONS: dict[str, Section] = {}
_LOADERS: list[SiteLoader] = []


def section(name: str, options: type, doc: str = "", merges: tuple[str, ...] = ()) -> Section:
    """Declare (or fetch) a family's config section."""
    existing = _SECTIONS.get(name)
    if existing is not None:
        return existing
    sec = _SECTIONS[name] = Section(name, options, doc, merges)
    return sec


def site_loader(name: str, section_name: str, inputs: Callable[[str, Any], list[str]] | None = None) -> Callable:
    def deco(fn: Callable[[str, Any], Any]) -> Callable:
        _LOADERS.append(SiteLoader(name, section_name, fn, inputs))
        return fn

    return deco


def tree_paths(path: str, depth: int = 1) -> list[str]:
    """``path`` and, when it is a folder, what it holds down to ``depth`` levels: the
    ``inputs`` of a loader that reads a folder of files."""
    import os

    out = [path]
    if depth > 0 and os.path.isdir(path):
        try:
            names = sorted(os.listdir(path))
        except OSError:
            return out
        for name in names:
            out += tree_paths(os.path.join(path, name), depth - 1)
    return out


def _clean_doc(fn: Callable) -> str:
    import inspect

    return inspect.cleandoc(fn.__doc__ or "")


def rule(
    id: str,
    *,
    family: str,
    summary: str,
    severity: Severity = Severity.WARNING,
    section: Section | None = None,
    fix: str = "never",
    status: str = "stable",
    since: str = "0.1.0",
    needs_server: bool = False,
    server_configured: Callable[[Any], bool] | None = None,
    default_enabled: bool = True,
    page_kinds: tuple[str, ...] | None = None,
) -> Callable:
    """Declare a per-document rule: ``check(doc, options) -> Iterable[Finding]``.

    ``page_kinds``: the kinds of page it checks (default: articles only for the metadata
    and bios families, every page for the others). The decorator only attaches the
    :class:`Rule` to the function; the rule is registered when its family lists the function
    in ``RULES`` (tests/rules/test_registration.py checks)."""

    return _marker(
        id=id,
        family=family,
        summary=summary,
        severity=severity,
        section=section,
        fix=fix,
        status=status,
        since=since,
        needs_server=needs_server,
        server_configured=server_configured,
        default_enabled=default_enabled,
        check_role="check",
        page_kinds=page_kinds or _FAMILY_PAGE_KINDS.get(family, ALL_PAGES),
    )


def _marker(check_role: str, **fields: Any) -> Callable:
    """The decorator both kinds of rule share: build the Rule from the decorated function
    (``check`` or ``combine``, its docstring, its module) and attach it to the function."""

    def deco(fn: Callable) -> Callable:
        extra = {"check": fn} if check_role == "check" else {"check": None, "combine": fn}
        setattr(fn, RULE_MARK, Rule(**fields, **extra, doc=_clean_doc(fn), module=fn.__module__))
        return fn

    return deco


def cross_file_rule(
    id: str,
    *,
    family: str,
    summary: str,
    facts: Callable[[Document, Any], Any],
    severity: Severity = Severity.WARNING,
    section: Section | None = None,
    status: str = "stable",
    since: str = "0.1.0",
    default_enabled: bool = True,
    page_kinds: tuple[str, ...] | None = None,
) -> Callable:
    """Declare a rule over all files of a run.

    ``facts(doc, options)`` runs per document and returns a small picklable value (never
    the Document); the decorated ``combine(facts, options)`` receives ``[(path, facts)]``
    for every document of the run and yields ``(path, Finding)``.
    """

    return _marker(
        id=id,
        family=family,
        summary=summary,
        severity=severity,
        section=section,
        status=status,
        since=since,
        default_enabled=default_enabled,
        facts=facts,
        check_role="combine",
        page_kinds=page_kinds or _FAMILY_PAGE_KINDS.get(family, ALL_PAGES),
    )


def rule_of(item: Any) -> Rule | None:
    """The rule an entry of ``RULES`` stands for: a decorated function or a Rule."""
    if isinstance(item, Rule):
        return item
    return getattr(item, RULE_MARK, None)


def rules_of_module(module: Any) -> list[Rule]:
    """The rules a module exports: its ``RULES`` tuple when it has one, else (a plugin
    written before ``RULES`` existed) every decorated function among its attributes and
    those of its own submodules it imported."""
    listed = getattr(module, "RULES", None)
    if listed is not None:
        out = []
        for item in listed:
            r = rule_of(item)
            if r is None:
                raise TypeError(f"{module.__name__}.RULES holds {item!r}, which is not a rule")
            out.append(r)
        return out
    import types

    name = module.__name__
    found: dict[str, Rule] = {}
    values = list(vars(module).values())
    for value in list(values):
        if isinstance(value, types.ModuleType) and value.__name__.startswith(name + "."):
            values += list(vars(value).values())
    for value in values:
        r = getattr(value, RULE_MARK, None) if callable(value) else None
        # Only the module's own rules: a plugin may import a built-in rule to wrap it.
        if isinstance(r, Rule) and (r.module == name or r.module.startswith(name + ".")):
            found.setdefault(r.id, r)
    return list(found.values())


def valid_rule_id(rule_id: str) -> bool:
    return bool(_KEBAB.match(rule_id))
