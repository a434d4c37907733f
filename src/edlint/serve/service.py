"""The checking service behind `edlint serve`: the site's Linter and Workspace, and the jobs
the API runs in its worker threads (check, fix, rules, open a site file).

The configuration is the edlint config of the site folder, found as `edlint check` finds
it. ``reload()`` builds a new Linter and Workspace, learns the archive's facts and only then
replaces the old pair, so requests never see a half-built state; a config that no longer
loads keeps the old one (and says so in /healthz). A watcher thread reloads when a config,
pack or site-data file the Linter read changes, and updates the facts of an article that
changed on disk.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from .. import __version__
from .schema import Draft, RequestError
from .settings import ServeSettings

log = logging.getLogger("edlint.serve")

FORMAT_SUFFIX = {"markdown": ".md", "html": ".html", "text": ".txt"}
_ALWAYS_KEPT = ("file-error", "internal-error")
# The files tried, in order, for a URL path such as /news/2025/flood-warning/.
_URL_CANDIDATES = ("{p}", "{p}.md", "{p}/index.md", "{p}/_index.md", "{p}.html", "{p}/index.html", "{p}.txt")
_SITE_CONTENT_DIRS = ("", "content/", "_posts/", "src/")


class NotFound(Exception):
    pass


@dataclass
class _State:
    linter: Any
    workspace: Any
    loaded_at: float
    generation: int
    registry: Any  # the rules the site's config knows
    enabled: frozenset[str]  # ... and those it turns on
    max_file_size: int


def finding_id(d: Any) -> str:
    """Names one finding of one text: the fix request sends it back with the same text."""
    key = f"{d.rule}\0{d.span.start}\0{d.span.end}\0{d.message}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class CheckService:
    def __init__(self, settings: ServeSettings) -> None:
        self.settings = settings
        self.root = os.path.realpath(settings.root)
        self.reload_error: str | None = None
        self._reload_lock = threading.Lock()
        self._stop = threading.Event()
        self._generation = 0
        self._state = self._build()
        self._watcher: threading.Thread | None = None
        self._articles: dict[str, tuple[int, int]] = {}
        # Called after a reload or an article update (worker processes restart then).
        self.on_change: list[Callable[[], None]] = []

    # -- state -------------------------------------------------------------------------------
    def _build(self) -> _State:
        """A Linter and Workspace for the site; raises ConfigError if the config is bad."""
        from ..engine import Linter
        from ..engine.workspace import Workspace
        from ..reading import Root

        linter = Linter(config=None)
        linter.read_roots = (Root.of(self.root),)  # nothing outside the site is read
        # Resolved once, before any worker thread uses the Linter (its caches are not
        # thread-safe; the Workspace's lock guards them afterwards). A broken config fails here.
        probe = os.path.join(self.root, "draft.md")
        config = linter.config_for(probe)
        settings = linter.settings_for(probe, config)
        workspace = Workspace(linter, [self.root])
        self._generation += 1
        return _State(
            linter,
            workspace,
            time.time(),
            self._generation,
            linter.registry_of(config),
            frozenset(r.id for r in settings.rules),
            settings.max_file_size,
        )

    def start(self) -> None:
        """Learn the archive's facts (blocking) and start watching for changes."""
        self._learn(self._state)
        if self.settings.watch_interval > 0 and self._watcher is None:
            self._watcher = threading.Thread(target=self._watch, name="edlint-serve-watch", daemon=True)
            self._watcher.start()

    def stop(self) -> None:
        self._stop.set()

    def _learn(self, state: _State) -> None:
        """The archive's facts; with worker processes only they need them (each scans)."""
        if self.settings.scan and not self.settings.processes:
            self._scan(state)
        else:
            self._articles = self._article_stamps(state)
            state.workspace.scanned.set()

    def _changed(self) -> None:
        for callback in self.on_change:
            callback()

    def _scan(self, state: _State) -> None:
        started = time.monotonic()
        count = state.workspace.scan(self._stop)
        self._articles = self._article_stamps(state)
        log.info("edlint serve: %d articles scanned in %.1f s", count, time.monotonic() - started)

    def reload(self, reason: str = "reload") -> bool:
        """Rebuild from the config now on disk; False (old state kept) if it does not load."""
        from ..config import ConfigError

        with self._reload_lock:
            try:
                state = self._build()
            except (ConfigError, OSError) as exc:
                self.reload_error = f"{reason}: config not reloaded: {exc}"
                log.error("edlint serve: %s", self.reload_error)
                return False
            self._learn(state)
            self._state = state
            self.reload_error = None
            self._changed()
            log.info("edlint serve: configuration reloaded (%s)", reason)
            return True

    def health(self) -> dict[str, Any]:
        state = self._state
        return {
            "status": "ok",
            "version": __version__,
            "config_generation": state.generation,
            "loaded_at": state.loaded_at,
            "articles_with_facts": state.workspace.facts_count(),
            "scanned": state.workspace.scanned.is_set(),
            "reload_error": self.reload_error,
        }

    # -- watching ------------------------------------------------------------------------------
    def _watch(self) -> None:
        while not self._stop.wait(self.settings.watch_interval):
            try:
                self.poll()
            except Exception:
                log.exception("edlint serve: watching for changes failed")

    def poll(self) -> str | None:
        """One look for changes: 'reload', 'articles' or None."""
        from ..replay import signature

        state = self._state
        inputs = dict(state.linter.inputs.signatures)
        changed = {path: now for path, sig in inputs.items() if (now := signature(path)) != sig}
        if changed:
            if not self.reload("a config, pack or site-data file changed"):
                # Kept the old state: do not retry (and log) every interval until it changes again.
                state.linter.inputs.signatures.update(changed)
            return "reload"
        now = self._article_stamps(state)
        if now == self._articles:
            return None
        for path, stamp in now.items():
            if self._articles.get(path) != stamp:
                state.workspace.update(path)
        for path in set(self._articles) - set(now):
            state.workspace.forget(path)
        self._articles = now
        self._changed()
        return "articles"

    def _article_stamps(self, state: _State) -> dict[str, tuple[int, int]]:
        stamps = {}
        for path in state.workspace.articles():
            try:
                st = os.stat(path)
            except OSError:
                continue
            stamps[path] = (st.st_mtime_ns, st.st_size)
        return stamps

    # -- paths ---------------------------------------------------------------------------------
    def site_path(self, value: str) -> tuple[str, str]:
        """(path relative to the site, absolute path) for a path or URL path in the site;
        RequestError for one that leaves it."""
        parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".")]
        if not parts or any(p == ".." for p in parts) or ":" in parts[0]:
            raise RequestError("path", "must be a path inside the site (no '..', no drive or scheme)")
        return "/".join(parts), os.path.join(self.root, *parts)

    def draft_path(self, draft: Draft) -> tuple[str, str]:
        if draft.path is None:
            name = "draft" + FORMAT_SUFFIX[draft.format or "markdown"]
            return name, os.path.join(self.root, name)
        rel, full = self.site_path(draft.path)
        return rel, full

    # -- jobs ----------------------------------------------------------------------------------
    def check(self, draft: Draft, *, render: bool = False) -> dict[str, Any]:
        state = self._state
        rel, full = self.draft_path(draft)
        result = state.workspace.check_text(draft.text, full, draft.language)
        findings = self._selected(state, draft, result.findings, rel)
        return self._payload(state, draft, findings, render=render)

    def fix(self, draft: Draft, ids: list[str] | None, unsafe: bool, *, render: bool = False) -> dict[str, Any]:
        """Apply the fixes of the findings ``ids`` (any applicability: an editor chose them),
        or, with ``ids`` None, every safe fix (and unsafe ones with ``unsafe``) as `--fix`."""
        from ..fixes import apply_fixes, select_fixes

        state = self._state
        rel, full = self.draft_path(draft)
        applied: list[str] = []
        skipped: list[dict[str, str]] = []
        notes: list[str] = []
        if ids is None:
            done = state.workspace.fix_text(draft.text, full, unsafe=unsafe, language=draft.language)
            new_text, count, notes = done.fixed, done.applied, [n.replace(full, rel) for n in done.notes]
        else:
            result = state.workspace.check_text(draft.text, full, draft.language)
            findings = self._selected(state, draft, result.findings, rel)
            by_id = {finding_id(d): d for d in findings}
            wanted = []
            for fid in dict.fromkeys(ids):
                d = by_id.get(fid)
                if d is None:
                    skipped.append({"id": fid, "reason": "no such finding in this text (checked again since?)"})
                elif d.fix is None or not d.fix.edits:
                    skipped.append({"id": fid, "reason": "this finding has no fix"})
                else:
                    wanted.append((fid, d.fix))
            chosen = select_fixes([f for _, f in wanted], len(draft.text))
            for fid, f in wanted:
                if any(f is c for c in chosen):
                    applied.append(fid)
                else:
                    skipped.append({"id": fid, "reason": "overlaps another fix applied first; check again"})
            new_text = apply_fixes(draft.text, chosen)
            after = state.workspace.check_text(new_text, full, draft.language)
            if _breakage(after.findings) > _breakage(result.findings):
                notes.append("these fixes would make the draft unreadable; nothing was changed")
                skipped.extend({"id": fid, "reason": "would break the draft"} for fid in applied)
                applied, new_text = [], draft.text
            count = len(applied)
        fixed = replace(draft, text=new_text)
        out = self.check(fixed, render=render)
        out.update({"text": new_text, "changed": new_text != draft.text, "applied": count, "notes": notes})
        if ids is not None:
            out["applied_ids"], out["skipped"] = applied, skipped
        return out

    def rules(self) -> list[dict[str, Any]]:
        state = self._state
        reg, enabled = self._registry(state)
        return [_rule_summary(r, r.id in enabled) for r in reg.sorted_rules()]

    def rule(self, rule_id: str) -> dict[str, Any]:
        from ..commands.common import _option_defaults
        from ..commands.explain import explain_text

        state = self._state
        reg, enabled = self._registry(state)
        r = reg.get(rule_id)
        if r is None:
            from ..config import _did_you_mean

            raise NotFound(f"unknown rule {rule_id!r}{_did_you_mean(rule_id, reg.rules)}")
        out = _rule_summary(r, r.id in enabled)
        out.update({"doc": r.doc.strip(), "explanation": explain_text(r), "options": _option_defaults(r)})
        return _jsonable(out)

    def open(self, value: str) -> dict[str, Any]:
        """A file of the site, by its path or the URL path it is published at."""
        from ..parsers import format_for
        from ..reading import Root, read_text

        state = self._state
        rel, _ = self.site_path(value)
        for prefix in _SITE_CONTENT_DIRS:
            for pattern in _URL_CANDIDATES:
                candidate = prefix + pattern.format(p=rel)
                full = os.path.join(self.root, *candidate.split("/"))
                if not os.path.isfile(full) or format_for(full) is None:
                    continue
                text, problem, skipped = read_text(full, state.max_file_size, (Root.of(self.root),))
                if text is None:
                    raise NotFound(f"{candidate}: {skipped or problem}")
                fmt = {"markdown": "markdown", "html": "html"}.get(format_for(full) or "", "text")
                return {"path": candidate, "format": fmt, "text": text}
        found = self._by_slug(state, rel.rsplit("/", 1)[-1])
        if len(found) == 1:
            return self.open(found[0])
        if found:
            raise NotFound(f"several articles match {value!r}: {', '.join(sorted(found)[:5])}; give the file's path")
        raise NotFound(f"no article at {value!r} in the site")

    def _by_slug(self, state: _State, slug: str) -> list[str]:
        """Articles a published URL ending in ``slug`` may come from: ``slug.md``, a dated
        ``2025-11-20-slug.md`` (Jekyll, many Hugo sites), or ``slug/index.md``."""
        slug = os.path.splitext(slug)[0].lower()
        if not slug:
            return []
        out = []
        for path in state.workspace.articles():
            stem = os.path.splitext(os.path.basename(path))[0].lower()
            if stem in ("index", "_index"):
                stem = os.path.basename(os.path.dirname(path)).lower()
            if stem == slug or (stem.endswith("-" + slug) and stem[:10].count("-") == 2 and stem[:4].isdigit()):
                out.append(os.path.relpath(path, self.root).replace(os.sep, "/"))
        return out

    # -- internals -----------------------------------------------------------------------------
    def _registry(self, state: _State) -> tuple[Any, frozenset[str]]:
        return state.registry, state.enabled

    def _selected(self, state: _State, draft: Draft, findings: list[Any], rel: str) -> list[Any]:
        """The request's select/ignore narrow what the site's config enables (a CMS cannot
        switch on a rule the desk switched off); file and internal errors always show."""
        reg, _ = self._registry(state)
        names = set(reg.rules) | set(reg.families) | {"all"}
        for name, values in (("select", draft.select), ("ignore", draft.ignore)):
            for i, v in enumerate(values or ()):
                if v not in names:
                    from ..config import _did_you_mean

                    raise RequestError(f"{name}[{i}]", f"unknown rule or family {v!r}{_did_you_mean(v, names)}")

        def matches(rule_id: str, selectors: tuple[str, ...]) -> bool:
            r = reg.get(rule_id)
            return "all" in selectors or rule_id in selectors or (r is not None and r.family in selectors)

        out = []
        for d in findings:
            keep = d.rule in _ALWAYS_KEPT or (
                (draft.select is None or matches(d.rule, draft.select))
                and not (draft.ignore and matches(d.rule, draft.ignore))
            )
            if keep:
                out.append(replace(d, path=rel))
        return out

    def _payload(self, state: _State, draft: Draft, findings: list[Any], *, render: bool) -> dict[str, Any]:
        from ..reporters.json_ import payload
        from ..results import RunResult

        body = payload(RunResult(findings, 1))
        reg, _ = self._registry(state)
        for d, out in zip(findings, body["findings"]):
            r = reg.get(d.rule)
            out["id"] = finding_id(d)
            out["family"] = r.family if r is not None else "core"
        if render:
            body["rendered"] = self._render(draft, findings)
        return body

    def _render(self, draft: Draft, findings: list[Any]) -> dict[str, Any]:
        from ..parsers import format_for
        from .render import Span, render

        fmt = draft.format or {"markdown": "markdown", "html": "html"}.get(
            format_for(self.draft_path(draft)[0]) or "", "text"
        )
        spans = [Span(i, d.span.start, d.span.end, str(d.severity)) for i, d in enumerate(findings)]
        done = render(draft.text, fmt, spans, remote_images=self.settings.remote_images)
        return {"html": done.html, "unplaced": [i for i in range(len(findings)) if i not in done.placed]}


def _breakage(findings: list[Any]) -> int:
    return sum(1 for d in findings if d.rule in _ALWAYS_KEPT)


def _rule_summary(r: Any, enabled: bool) -> dict[str, Any]:
    return {
        "id": r.id,
        "family": r.family,
        "summary": r.summary,
        "severity": str(r.severity),
        "status": r.status,
        "fix": r.fix,
        "enabled": enabled,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
