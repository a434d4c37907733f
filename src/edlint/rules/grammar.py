"""Grammar and spelling: Harper in process, or a LanguageTool server, behind two rules.

``grammar`` reports grammar, usage, punctuation and word-choice problems; ``spelling``
reports misspelled words, so either can be selected or ignored alone. Both are off unless
selected (``extend_select: [grammar]``), or unless a LanguageTool server is configured (as
before Harper). ``grammar.backend`` picks the checker: ``auto`` (LanguageTool when a server is
configured, else Harper when installed), ``harper`` or ``languagetool``. The backend is site
data (one per run and process, built lazily), so the checks only ask it and map answers
back to the article. This module imports no backend: ``edlint.grammar`` is imported by the
site loader, which runs only when one of the rules is enabled.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..document import Document
from ..grammar.kinds import (  # a few tuples: the only grammar module loaded at start-up
    DEFAULT_HARPER_ONLY,
    DEFAULT_KINDS_OFF,
)
from ..text.quoting import quoted
from .base import (
    Applicability,
    Edit,
    Finding,
    Fix,
    Severity,
    rule,
    section,
    site_loader,
)

# LanguageTool rules whose problems another edlint family reports already (one problem,
# one report): quote typography and pairing (quotes), doubled words (newsroom-basics pack),
# weekday/date agreement (dates), metre/meter style (units).
DEFAULT_DISABLED = (
    "EN_QUOTES",
    "EN_UNPAIRED_QUOTES",
    "ENGLISH_WORD_REPEAT_RULE",
    "DATE_WEEKDAY",
    "DATE_NEW_YEAR",
    "MORFOLOGIK_RULE_EN_GB_METER",
    "WHITESPACE_RULE",
)
DEFAULT_SEVERITY = {
    "TYPOS": "warning",
    "GRAMMAR": "warning",
    "CONFUSED_WORDS": "warning",
    "PUNCTUATION": "warning",
    "CASING": "warning",
    "STYLE": "info",
    "TYPOGRAPHY": "info",
    "REDUNDANCY": "info",
    "PLAIN_ENGLISH": "info",
    "SEMANTICS": "info",
    "MISC": "info",
}


@dataclass(frozen=True)
class LanguageToolOptions:
    """The `languagetool:` section: how to reach a LanguageTool server (read into the
    `grammar:` options, which have the same keys)."""

    url: str = ""  # e.g. http://languagetool.internal:8010 (EDLINT_LANGUAGETOOL_URL overrides)
    language: str = "auto"  # auto: the article's language (front matter lang, <html lang>, config)
    local: bool = False  # start a LanguageTool already installed under LTP_PATH
    public_api: bool = False  # send drafts to LanguageTool's public API (rate-limited; drafts leave the building)
    required: bool = False  # server unreachable -> exit 2 instead of a warning
    timeout_s: float = 10.0
    retries: int = 2
    max_concurrency: int = 2
    max_batch_chars: int = 15000
    disabled_rules: tuple[str, ...] = DEFAULT_DISABLED
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    level: Literal["default", "picky"] = "default"
    check_quotes: bool = False  # quoted speech is not corrected
    severity: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_SEVERITY))
    cache: bool = True  # remember answers per paragraph in .edlint_cache/


@dataclass(frozen=True)
class GrammarOptions(LanguageToolOptions):
    """Options of the grammar and spelling rules (config section `grammar:`; the
    `languagetool:` section's keys are read too)."""

    backend: Literal["auto", "harper", "languagetool"] = "auto"
    words: tuple[str, ...] = ()  # the house dictionary: names, places, house terms
    dictionary: tuple[str, ...] = ()  # word files (one per line), relative to the config's folder
    kinds_off: tuple[str, ...] = DEFAULT_KINDS_OFF  # Harper lint kinds / LanguageTool categories not reported
    harper_rules: dict[str, str] = field(default_factory=dict)  # Harper rule -> "on" | "off"
    # When set, only these Harper rules are reported (an allow list); () reports every rule
    # not turned off. The default: the rules judged right on real articles (grammar/kinds.py).
    harper_only: tuple[str, ...] = DEFAULT_HARPER_ONLY
    # Unknown words with a capital (Okafor, FedRAMP, iPhone), an accent (sautéed), a digit or
    # a dot next to them are names, brands, abbreviations or foreign words far more often
    # than typos: not reported unless this is true.
    check_names: bool = False


LT_SECTION = section("languagetool", LanguageToolOptions, "How to reach a LanguageTool server")
SECTION = section("grammar", GrammarOptions, "Grammar and spelling (Harper or LanguageTool)", merges=("languagetool",))


ENV_URL = "EDLINT_LANGUAGETOOL_URL"
PUBLIC_API = "https://api.languagetool.org"


def server_url(opts: LanguageToolOptions) -> str | None:
    url = os.environ.get(ENV_URL) or opts.url
    if url:
        return url
    if opts.public_api:
        return PUBLIC_API
    return None


def _configured(opts: Any) -> bool:
    """On by default: a LanguageTool server is configured (and not overruled by
    ``backend: harper``)."""
    return isinstance(opts, GrammarOptions) and opts.backend != "harper" and bool(server_url(opts) or opts.local)


class GrammarService:
    """The run's grammar backend plus what the engine should tell the user."""

    def __init__(self, backend: Any, required: bool, messages: list[str], identity: str) -> None:
        self.backend = backend
        self.required = required
        self._messages = messages
        self._identity = identity

    @property
    def messages(self) -> list[str]:
        msgs = list(self._messages)
        if self.backend is not None:
            msgs += [m for m in self.backend.messages if m not in msgs]
            client = getattr(self.backend, "client", None)
            if client is not None:
                msgs += client.messages
        return msgs

    @property
    def fatal(self) -> bool:
        return self.required and (self.backend is None or self.backend.failed)

    def __str__(self) -> str:
        # Part of the content cache's key (engine/cache_io.py dumps site data with str):
        # what decides the findings, never a memory address.
        return f"GrammarService({self._identity})"

    __repr__ = __str__


def _word_inputs(config_dir: str, opts: GrammarOptions | None) -> list[str]:
    from ..grammar.dictionary import word_file_paths

    return word_file_paths(config_dir, opts.dictionary) if opts is not None else []


@site_loader("grammar", "grammar", inputs=_word_inputs)
def load_service(config_dir: str, opts: GrammarOptions | None) -> GrammarService:
    opts = opts or GrammarOptions()
    url = server_url(opts)
    backend = opts.backend
    if backend == "auto":
        from ..grammar.harper_backend import available

        backend = "languagetool" if (url or opts.local) else "harper" if available() else "none"
    if backend == "harper":
        return _harper_service(config_dir, opts)
    if backend == "languagetool":
        return _languagetool_service(config_dir, opts, url)
    return GrammarService(
        None,
        True,
        [
            "grammar: no grammar checker is available: install Harper "
            '(pip install "edlint[grammar]") or configure a LanguageTool server '
            "(languagetool.url or EDLINT_LANGUAGETOOL_URL); grammar checks skipped"
        ],
        "none",
    )


def _harper_service(config_dir: str, opts: GrammarOptions) -> GrammarService:
    from ..grammar.answers import Answers
    from ..grammar.dictionary import read_word_file, shipped_words, tokens, word_file_paths
    from ..grammar.harper_backend import INSTALL_HINT, HarperBackend, available
    from ..grammar.kinds import DEFAULT_HARPER_RULES_OFF

    if not available():
        message = f"grammar: the Harper backend is not installed: {INSTALL_HINT}"
        return GrammarService(None, True, [message], "harper:absent")
    messages: list[str] = []
    words = set(tokens(opts.words))
    for path in word_file_paths(config_dir, opts.dictionary):
        try:
            words |= tokens(read_word_file(path))
        except (OSError, UnicodeDecodeError) as exc:
            messages.append(f"grammar: cannot read the word file {path}: {exc}")
    rules = dict.fromkeys(DEFAULT_HARPER_RULES_OFF, False)
    for name, value in opts.harper_rules.items():
        state = str(value).strip().lower()
        if state not in ("on", "off"):
            messages.append(f"grammar.harper_rules.{name}: {value!r} is neither on nor off; ignored")
            continue
        rules[name] = state == "on"
    cache_path = os.path.join(config_dir, ".edlint_cache", "harper.jsonl") if opts.cache else None
    backend = HarperBackend(tuple(words), rules, Answers(cache_path), more_words=shipped_words)
    return GrammarService(backend, opts.required, messages, backend.identity())


def _languagetool_service(config_dir: str, opts: GrammarOptions, url: str | None) -> GrammarService:
    from ..grammar.languagetool_backend import LanguageToolBackend
    from ..languagetool import Client, ServerSettings, local_server_url

    messages: list[str] = []
    if url is None and opts.local:
        url, problem = local_server_url(opts.language)
        if problem:
            messages.append(f"{problem}; grammar checks skipped")
    if url is None:
        if not messages:
            messages.append(
                "grammar is selected but no LanguageTool server is configured "
                "(languagetool.url or EDLINT_LANGUAGETOOL_URL); grammar checks skipped"
            )
        return GrammarService(None, opts.required, messages, "languagetool:none")
    settings = ServerSettings(
        url=url,
        timeout_s=opts.timeout_s,
        retries=opts.retries,
        max_concurrency=opts.max_concurrency,
        disabled_rules=opts.disabled_rules,
        enabled_rules=opts.enabled_rules,
        disabled_categories=opts.disabled_categories,
        enabled_categories=opts.enabled_categories,
        level=opts.level,
    )
    cache_path = os.path.join(config_dir, ".edlint_cache", "languagetool.jsonl") if opts.cache else None
    backend = LanguageToolBackend(Client(settings, cache_path=cache_path), opts.max_batch_chars)
    return GrammarService(backend, opts.required, messages, f"languagetool:{url}")


def _language(doc: Document, opts: GrammarOptions, harper: bool) -> str | None:
    """The variety to check the article in; None: not English, not checked."""
    if opts.language != "auto":
        lang = opts.language
    else:
        if not doc.is_english:
            return None
        lang = doc.language.replace("_", "-")
    if not harper:
        return "en-US" if lang.lower() == "en" else lang
    from ..grammar.harper_backend import dialect_of

    if not lang.lower().startswith("en"):
        return None
    return dialect_of(lang)


def _problems(doc: Document, opts: GrammarOptions) -> list[tuple[Any, Any]]:
    """Every problem the backend reports in the article (both rules read this once)."""
    # Keyed by the options object: the two rules share one when configured alike.
    return doc.view(f"grammar-problems:{id(opts)}", lambda d: _find(d, opts))


def _find(doc: Document, opts: GrammarOptions) -> list[tuple[Any, Any]]:
    service = doc.site.get("grammar")
    backend = getattr(service, "backend", None)
    if backend is None or backend.failed:
        return []
    from ..document import PARAGRAPH
    from ..grammar.dictionary import article_names, plain_word, possessive_stem, tokens
    from ..grammar.kinds import SENTENCE_START
    from ..grammar.prose import after_abbreviation, blocks_to_check, excluded_ranges, touches

    language = _language(doc, opts, backend.name == "harper")
    if language is None:
        return []
    blocks = blocks_to_check(doc, opts.check_quotes)
    if not blocks:
        return []
    if opts.language == "auto":
        # A page that declares English but is not (a CMS template's lang="en" on a German
        # article) would be one long list of "misspellings"; so would a paragraph in another
        # language inside an English article.
        from ..text.language import reads_english

        if not reads_english(b.text.text for b in blocks):
            return []
        blocks = [b for b in blocks if len(b.text.text) < 200 or reads_english((b.text.text,))]
    answers = backend.check([b.text.text for b in blocks], language)
    if answers is None:
        return []
    off = set(opts.kinds_off)
    only = set(opts.harper_only) if backend.name == "harper" else set()
    names: set[str] | None = None
    house = set(tokens(opts.words))
    # Harper's spell check without a house word list flagged 14 correct words in 19 on real
    # articles (technical terms, names, brands: docs/evaluation/judged/harper.md): with
    # Harper, `spelling` reports only for a site that lists its own words.
    spell = backend.name != "harper" or bool(opts.words or opts.dictionary)
    out = []
    for block, problems in zip(blocks, answers):
        text = block.text.text
        excluded = None
        for p in problems:
            if p.kind in off or p.end > len(text) or (only and p.code not in only):
                continue
            if p.code in SENTENCE_START and (block.kind != PARAGRAPH or after_abbreviation(text, p.start)):
                continue
            if excluded is None:
                excluded = excluded_ranges(text, opts.check_quotes)
            if touches(p.start, p.end, excluded):
                continue
            if p.spelling:
                if not spell:
                    continue
                if not opts.check_names and not plain_word(text, p.start, p.end):
                    continue
                if names is None:
                    names = article_names(doc) | house
                word = possessive_stem(text[p.start : p.end])
                if word in names or word.capitalize() in names:
                    continue
            out.append((block, p))
    return out


def _finding(doc: Document, block: Any, p: Any, opts: GrammarOptions) -> Finding:
    span = block.text.source_span(p.start, p.end)
    matched = block.text.text[p.start : p.end]
    replacements = list(dict.fromkeys(r.strip() if r.strip() else r for r in p.replacements))
    if "’" in block.text.text and "'" not in block.text.text:
        # The article writes curly apostrophes: so does the suggestion (quote-style agrees).
        replacements = [r.replace("'", "’") for r in replacements]
    p = p._replace(replacements=tuple(replacements))
    fix = None
    if p.replacements and doc.source[span.start : span.end] == matched:
        # Only where the source holds exactly the text the backend read (no markup or
        # entity inside): the edit then changes nothing else.
        fix = Fix(
            f"Replace with {quoted(p.replacements[0])}" if p.replacements[0] else f"Remove {quoted(matched)}",
            (Edit(span.start, span.end, p.replacements[0]),),
            Applicability.UNSAFE,
        )
    sev = opts.severity.get(p.kind)
    severity = Severity.parse(sev) if sev in ("error", "warning", "info") else None
    message = p.message.rstrip(". ").replace("`", "'")
    shown = [r for r in p.replacements[:3] if r]
    text = f"{message} ({p.code})" + (f"; suggestions: {', '.join(shown)}" if shown else "")
    data: dict[str, Any] = {"kind": p.kind, "replacements": list(p.replacements)}
    service = doc.site.get("grammar")
    if getattr(getattr(service, "backend", None), "name", "") == "languagetool":
        data.update(languagetool_rule=p.code, category=p.kind)
    else:
        data.update(backend="harper", harper_rule=p.code)
    return Finding(span, text, fix=fix, severity=severity, data=data)


@rule(
    "grammar",
    family="grammar",
    summary="Grammar, usage and punctuation problems found by Harper or LanguageTool",
    severity=Severity.WARNING,
    section=SECTION,
    needs_server=True,
    server_configured=_configured,
    fix="sometimes",
)
def grammar(doc: Document, opts: GrammarOptions) -> Iterator[Finding]:
    """## What it does
    Checks the article's prose with Harper (in process, offline: `pip install
    "edlint[grammar]"`) or a LanguageTool server and reports grammar, usage, word-choice and
    punctuation problems at their exact line and column. Only prose is read: no markup, code,
    URLs, shortcodes or front matter; quotations are skipped by default, since quoted speech
    is not corrected. Misspelled words are the `spelling` rule's. With Harper, only the
    rules an independent judge found right on real articles are on by default (fixed wrong
    phrases such as "could of", "hone in on", "alot"; `harper_only`); `harper_only: []`
    turns on every Harper rule not listed as off.

    ## Why is this bad?
    Grammar slips are the corrections readers write in about first.

    ## Example
    ```yaml
    # .edlint.yaml
    extend_select: [grammar]
    grammar: {backend: harper}
    ```

    ```markdown
    The council said the closure could of been avoided.
    ```

    Use instead:
    ```markdown
    The council said the closure could have been avoided.
    ```

    Off unless selected, or unless a LanguageTool server is configured.

    ## Options
    - `backend`
    - `kinds_off`
    - `harper_rules`
    - `harper_only`
    - `check_quotes`
    - `language`
    - `url`
    - `required`
    - `severity`

    ## Fix safety
    The checker's first suggestion is offered as an unsafe fix: a grammar suggestion can
    change what the sentence means, so an editor should read it.
    """
    for block, p in _problems(doc, opts):
        if not p.spelling:
            yield _finding(doc, block, p, opts)


@rule(
    "spelling",
    family="grammar",
    summary="Misspelled words found by Harper or LanguageTool (the house dictionary aside)",
    severity=Severity.WARNING,
    section=SECTION,
    needs_server=True,
    server_configured=_configured,
    fix="sometimes",
)
def spelling(doc: Document, opts: GrammarOptions) -> Iterator[Finding]:
    """## What it does
    Reports words the grammar checker (Harper or LanguageTool) does not know, in the
    article's variety of English (en-US, en-GB, en-AU, en-CA from its declared language),
    at their exact line and column. Words in the house dictionary (`words`, the word files
    in `dictionary`), the US/UK spellings the spelling-variants pack keeps consistent, and
    the names the article vouches for (its authors, bylines, people quoted) are not reported.
    With Harper it reports only for a site that gives its word list (`words` or
    `dictionary`): without one, an independent judge found 14 of 19 sampled findings wrong
    (technical terms, product and scientific names).

    ## Why is this bad?
    A typo in print is the mistake readers notice first.

    ## Example
    ```yaml
    # .edlint.yaml
    extend_select: [spelling]
    grammar: {backend: harper, words: [Okafor, agrihood]}   # with Harper: needs a word list
    ```

    ```markdown
    The council voted to shut the libary on Sundays.
    ```

    Use instead:
    ```markdown
    The council voted to shut the library on Sundays.
    ```

    Off unless selected, or unless a LanguageTool server is configured.

    ## Options
    - `backend`
    - `words`
    - `dictionary`
    - `language`

    ## Fix safety
    The checker's first suggestion is offered as an unsafe fix: the nearest dictionary word
    is not always the word the writer meant.
    """
    for block, p in _problems(doc, opts):
        if p.spelling:
            yield _finding(doc, block, p, opts)


# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (grammar, spelling)
