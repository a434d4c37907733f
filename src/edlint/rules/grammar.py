"""Grammar and spelling through a LanguageTool server the user configured.

The rule is off unless a server is configured (``languagetool.url``, the environment
variable ``EDLINT_LANGUAGETOOL_URL``, ``local: true`` with LanguageTool installed under
``LTP_PATH``, or ``public_api: true``). It never downloads anything. The client (one per run)
is site data, so the check itself only asks it and maps answers back to the article.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ..document import (
    BYLINE,
    CAPTION,
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    TABLE_CELL,
    Document,
)
from ..text.patterns import lazy
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
    """Options of the grammar rule (config section `languagetool:`)."""

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


SECTION = section("languagetool", LanguageToolOptions, "Grammar and spelling through LanguageTool")


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
    return isinstance(opts, LanguageToolOptions) and bool(server_url(opts) or opts.local)


class _Service:
    """The run's LanguageTool client plus what the engine should tell the user."""

    def __init__(self, client: Any, required: bool, messages: list[str]) -> None:
        self.client = client
        self.required = required
        self._messages = messages

    @property
    def messages(self) -> list[str]:
        msgs = list(self._messages)
        if self.client is not None:
            msgs += self.client.messages
        return msgs

    @property
    def fatal(self) -> bool:
        return self.required and (self.client is None or self.client.failed)


@site_loader("languagetool", "languagetool")
def load_client(config_dir: str, opts: LanguageToolOptions | None) -> _Service:
    from ..languagetool import Client, ServerSettings, local_server_url

    opts = opts or LanguageToolOptions()
    url = server_url(opts)
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
        return _Service(None, opts.required, messages)
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
    return _Service(Client(settings, cache_path=cache_path), opts.required, messages)


_PROSE = (PARAGRAPH, HEADING, LIST_ITEM, CAPTION, TABLE_CELL)
_DIRECT_QUOTE = lazy(r"“[^”]{1,2000}”|\"[^\"\n]{1,2000}\"|«[^»]{1,2000}»|„[^“”]{1,2000}[“”]")
_NAME = lazy(r"\b[A-Z][\w'’-]+")
_SPEAKER = lazy(
    r"(?:\b(?:said|says|told|added|asked|wrote)\s+((?:[A-Z][\w'’-]+\s?){1,3}))|((?:[A-Z][\w'’-]+\s){1,3})(?:said|says|told)\b"
)


def _language(doc: Document, opts: LanguageToolOptions) -> str:
    if opts.language != "auto":
        return opts.language
    lang = doc.language.replace("_", "-")
    return "en-US" if lang.lower() == "en" else lang


def _names(doc: Document) -> set[str]:
    """Names the article itself vouches for: authors, bylines, people quoted."""
    names: set[str] = set()
    for key in ("author", "authors", "byline", "creator"):
        value = doc.meta(key)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, dict):
                v = v.get("name") or v.get("title")
            if isinstance(v, str):
                names.update(_NAME.findall(v))
    for block in doc.prose:
        text = block.text.text if block.text else ""
        if block.kind == BYLINE:
            names.update(_NAME.findall(text))
        for m in _SPEAKER.finditer(text):
            names.update(_NAME.findall(m.group(1) or m.group(2) or ""))
    return names


@rule(
    "grammar",
    family="grammar",
    summary="Grammar and spelling problems found by LanguageTool",
    severity=Severity.WARNING,
    section=SECTION,
    needs_server=True,
    server_configured=_configured,
    fix="sometimes",
)
def grammar(doc: Document, opts: LanguageToolOptions) -> Iterator[Finding]:
    """## What it does
    Sends the article's prose (no markup, code, URLs or front matter; direct quotes skipped by
    default, since quoted speech is not corrected) to a LanguageTool server and reports its
    matches at their exact line and column, with LanguageTool's rule id and category.
    Replacements are offered as suggestions, never applied automatically. Names the article
    vouches for (its authors, bylines, people quoted) are not reported as misspellings.

    ## Why is this bad?
    Typos and grammar slips are the corrections readers write in about first.

    ## Example
    ```markdown
    The council have voted to to close the libary on Sundays.
    ```

    Use instead:
    ```markdown
    The council has voted to close the library on Sundays.
    ```

    Off unless a LanguageTool server is configured; no server ships with edlint.

    ## Options
    - `url`
    - `language`
    - `local`
    - `public_api`
    - `required`
    - `timeout_s`
    - `disabled_rules`
    - `enabled_categories`
    - `check_quotes`
    - `severity`
    """
    service = doc.site.get("languagetool")
    client = getattr(service, "client", None)
    if client is None or client.failed:
        return
    blocks = [b for b in doc.prose if b.kind in _PROSE and b.text is not None and b.text.text.strip()]
    if not opts.check_quotes:
        blocks = [b for b in blocks if not b.in_quote]
    if not blocks:
        return
    names = _names(doc)
    language = _language(doc, opts)
    for batch in _batches(blocks, opts.max_batch_chars):
        text = "\n\n".join(b.text.text for b in batch)
        starts = []
        pos = 0
        for b in batch:
            starts.append(pos)
            pos += len(b.text.text) + 2
        matches = client.check(text, language)
        if matches is None:
            return
        for m in matches:
            k = bisect_right(starts, m.offset) - 1
            if k < 0:
                continue
            block = batch[k]
            local = m.offset - starts[k]
            end = local + m.length
            btext = block.text.text
            if end > len(btext):
                continue  # straddles the paragraph join
            matched = btext[local:end]
            if m.category == "TYPOS" and matched in names:
                continue
            if not opts.check_quotes and any(q.start() <= local < q.end() for q in _DIRECT_QUOTE.finditer(btext)):
                continue
            span = block.text.source_span(local, end)
            sev = opts.severity.get(m.category) or opts.severity.get(m.issue_type.upper())
            severity = Severity.parse(sev) if sev in ("error", "warning", "info") else None
            fix = None
            if m.replacements:
                fix = Fix(
                    f"Replace with {quoted(m.replacements[0])}",
                    (Edit(span.start, span.end, m.replacements[0]),),
                    Applicability.SUGGESTION,
                )
            yield Finding(
                span,
                f"{m.message} ({m.rule_id})"
                + (f"; suggestions: {', '.join(m.replacements[:3])}" if m.replacements else ""),
                fix=fix,
                severity=severity,
                data={"languagetool_rule": m.rule_id, "category": m.category, "replacements": list(m.replacements)},
            )


def _batches(blocks: list[Any], limit: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    size = 0
    for b in blocks:
        n = len(b.text.text) + 2
        if batch and size + n > limit:
            yield batch
            batch, size = [], 0
        batch.append(b)
        size += n
    if batch:
        yield batch


# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (grammar,)
