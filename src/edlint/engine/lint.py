"""One file -> one FileResult: read, parse, run the rules, apply suppressions, and build the
located, fingerprinted diagnostics.

A part of :class:`~edlint.engine.linter.Linter` (its state is set up in ``Linter.__init__``).
"""

from __future__ import annotations

import os
from bisect import bisect_right
from typing import Any

from ..cache import blake2b
from ..document import Document, LineIndex, Span
from ..parsers import ParseOptions, format_for, parse
from ..policy import (
    FILE_ERROR,
    INTERNAL_ERROR,
    FileSettings,
    apply_suppressions,
    disabled_by_frontmatter,
    frontmatter_disabled,
    severity_of,
)
from ..results import EMPTY_FILE_NOTE, Diagnostic, FileResult
from ..rules.base import Finding, Severity
from ..site import page_kind, set_language
from ..text.normalize import normalize

MAX_FINDINGS_PER_RULE = 1000  # per file
_FINGERPRINT_LOOKBACK = 64


class FileLinting:
    """Lint one file, or one already parsed Document."""

    def lint_file(self, path: str, text: str | None = None, language: str | None = None) -> FileResult:
        """Lint one file (``text`` given: lint it as if it were ``path``; ``language``: the
        caller declares the document's language, as its own front matter would)."""
        if type(path) is not str and text is None:
            return self.lint_export_item(path)  # one post of a CMS export (engine/exports.py)
        config = self.config_for(path)
        settings = self.settings_for(path, config)
        result = FileResult(path=path, settings=settings)
        fmt = format_for(path) or "text"
        if text is None:
            text, problem, skipped = _read(path, settings.max_file_size, self.read_roots)
            if skipped is not None:
                # Not a finding: a link out of the tree is not followed, as git would not.
                result.messages.append(f"{path}: skipped: {skipped}")
                return result
            if problem is not None:
                result.findings.append(_file_error(path, problem))
                return result
        assert text is not None
        if not text.strip():
            # Nothing to check, not a fault: sites keep empty partials and section files
            # (Jekyll includes, Hugo's _index.md). Said once per run, not a finding.
            result.messages.append(f"{path}: {EMPTY_FILE_NOTE}")
            return result
        site_data = self.site_data(config, settings)
        # a Jekyll site's own figure includes, read from its templates; the config's
        # `shortcodes:` entries win over them
        shortcodes = {**site_data.get("image_includes", {}), **settings.shortcodes}
        options = ParseOptions(language=settings.language, image_shortcodes=shortcodes)
        doc = parse(path, text, fmt, options)
        doc.site = site_data
        site = self.site_for(path, config)
        if language:
            doc.language, doc.language_declared = language, True
        set_language(doc, site, config)
        doc.page_kind = page_kind(path, doc, site, config)
        return self.lint_document(doc, settings, result)

    def lint_document(self, doc: Document, settings: FileSettings, result: FileResult) -> FileResult:
        raw: list[tuple[str, Finding]] = []  # (rule id, what the rule reported)
        fatal = False
        for problem in doc.problems:
            raw.append((FILE_ERROR, Finding(problem.span, _capital(problem.message))))
            fatal = fatal or problem.fatal
        result.lines = doc.lines
        result.suppressions = doc.suppressions
        if not fatal:
            off = frontmatter_disabled(doc.meta("edlint"))
            for rule in settings.rules:
                if rule.check is None and rule.facts is None:
                    continue
                if doc.page_kind not in rule.page_kinds:
                    continue  # a list, author or other page: only the rules for its kind
                if disabled_by_frontmatter(rule, off, settings):
                    continue
                opts = settings.options.get(rule.id)
                try:
                    if rule.check is not None:
                        count = 0
                        for f in rule.check(doc, opts):
                            if count == MAX_FINDINGS_PER_RULE:
                                # A machine-made page can hold 500,000 doubled words: report
                                # the first ones and say so, rather than take minutes.
                                raw.append(
                                    (
                                        rule.id,
                                        Finding(
                                            f.span,
                                            f"{rule.id} stopped after {MAX_FINDINGS_PER_RULE} findings in this file",
                                            severity=Severity.INFO,
                                        ),
                                    )
                                )
                                break
                            raw.append((rule.id, f))
                            count += 1
                    if rule.facts is not None:
                        result.facts[rule.id] = rule.facts(doc, opts)
                except (Exception, SystemExit) as exc:  # noqa: BLE001 - one rule must not stop the run
                    result.internal_error = True
                    where = _where(exc)
                    raw.append(
                        (
                            INTERNAL_ERROR,
                            Finding(Span(0, 0), f"Rule {rule.id!r} failed: {type(exc).__name__}: {exc}{where}"),
                        )
                    )
        families = {r.id: r.family for r in settings.rules}
        kept = apply_suppressions(raw, doc.suppressions, doc.lines.line_of, settings, families)
        fps = _fingerprints(doc, kept)
        result.findings = [
            _diagnostic(rule_id, f, doc.path, doc.lines, settings, fp) for (rule_id, f), fp in zip(kept, fps)
        ]
        # Site services (a LanguageTool client ...) report run-level problems, and may
        # require the run to fail (exit 2) when they could not do their job.
        for service in doc.site.values():
            for message in getattr(service, "messages", None) or ():
                if message not in result.messages:
                    result.messages.append(message)
            if getattr(service, "fatal", False):
                result.internal_error = True
        return result

    def _compact(self, result: FileResult) -> FileResult:
        # Cross-file rules need a file's line index and suppressions after its Document is
        # gone; a file with no facts needs neither, so memory stays flat on large runs.
        if not result.facts:
            result.lines = None
            result.suppressions = []
        return result


def _read(path: str, max_size: int, roots: Any = None) -> tuple[str | None, str | None, str | None]:
    """(text, file-error problem, skipped reason): reading.py does the reading."""
    from ..reading import read_text

    return read_text(path, max_size, roots)


def _capital(message: str) -> str:
    return message[:1].upper() + message[1:]


def _where(exc: BaseException) -> str:
    import traceback  # only when a rule failed

    tb = traceback.extract_tb(exc.__traceback__)
    if not tb:
        return ""
    frame = tb[-1]
    return f" (at {os.path.basename(frame.filename)}:{frame.lineno})"


def _file_error(path: str, message: str, rule: str = FILE_ERROR) -> Diagnostic:
    """A file (or folder) nobody could check (or, with ``rule=INTERNAL_ERROR``, that edlint
    failed on): reported at 1:1, always an error."""
    return Diagnostic(
        path=path,
        rule=rule,
        severity=Severity.ERROR,
        message=message,
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        span=Span(0, 0),
        fingerprint=_digest(f"{rule}\0{message}"),
    )


def _diagnostic(
    rule_id: str, f: Finding, path: str, lines: LineIndex, settings: FileSettings, fingerprint: str
) -> Diagnostic:
    """The report record of a kept finding: the only place positions become 1-based; the
    severity is policy's (:func:`policy.severity_of`)."""
    line, column = lines.position(f.span.start)
    end_line, end_column = lines.position(f.span.end)
    return Diagnostic(
        path=path,
        rule=rule_id,
        severity=severity_of(rule_id, f.severity, settings),
        message=f.message,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        span=f.span,
        fix=f.fix,
        data=f.data,
        fingerprint=fingerprint,
    )


def _digest(text: str) -> str:
    return blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()


def _fingerprints(doc: Document, findings: list[tuple[str, Finding]]) -> list[str]:
    """Keys that survive edits elsewhere in the file: rule + the enclosing block's
    normalised text + an occurrence index (the same key for SARIF and baselines)."""
    if not findings:
        return []
    blocks = sorted((b for b in doc.blocks if b.span.end > b.span.start), key=lambda b: b.span.start)
    starts = [b.span.start for b in blocks]
    block_keys: dict[int, str] = {}  # block index -> digest of its normalised text, once each
    counts: dict[str, int] = {}
    out = []
    for rule_id, f in findings:
        k = bisect_right(starts, f.span.start) - 1
        found = -1
        # Nested blocks (a paragraph in a blockquote): walk back a little to the innermost.
        for j in range(k, max(-1, k - _FINGERPRINT_LOOKBACK), -1):
            b = blocks[j]
            if b.span.start <= f.span.start < max(b.span.end, b.span.start + 1):
                found = j
                break
        if found >= 0:
            context_key = block_keys.get(found)
            if context_key is None:
                b = blocks[found]
                text = b.text.text if b.text is not None else doc.source[b.span.start : b.span.end]
                context_key = block_keys[found] = _digest(normalize(text))
        else:
            context_key = _digest(normalize(doc.source[f.span.start : f.span.end + 80]))
        base = f"{rule_id}\0{context_key}\0{doc.source[f.span.start : f.span.end]}"
        n = counts.get(base, 0)
        counts[base] = n + 1
        out.append(_digest(f"{base}\0{n}"))
    return out
