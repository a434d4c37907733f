"""A LanguageTool HTTP client for the grammar rule.

Why not language-tool-python's own client for checking: it has a fixed 300 s timeout, imports
``requests`` at start (~0.1 s), queries the server in its constructor, keeps offset correction
in class globals (not thread-safe) and does not correct match lengths. LanguageTool's HTTP API
(``POST /v2/check``, ``GET /v2/languages``) is small and documented, so this module speaks it
with the standard library: bounded timeouts, retries with back-off, bounded concurrency, and
UTF-16 offsets converted back to code points. language-tool-python is still used where it
serves: finding and starting a LanguageTool already installed under ``LTP_PATH``
(``local: true``) and the explicit ``edlint languagetool install``.

Nothing here ever downloads anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any


class LanguageToolError(Exception):
    pass


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, with offsets in the checked text."""

    offset: int  # code points into the checked text
    length: int  # code points
    message: str
    rule_id: str
    category: str
    issue_type: str
    replacements: tuple[str, ...]


def utf16_to_index(text: str) -> Any:
    """A function turning a UTF-16 code-unit offset of ``text`` into a code-point index."""
    if not any(ord(c) > 0xFFFF for c in text):
        return lambda units: units
    # Prefix table: code-unit offset -> index, built once for texts with astral characters.
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) > 0xFFFF:
            table.append(i)  # the low surrogate belongs to the same character
    table.append(len(text))

    def convert(units: int) -> int:
        if units >= len(table):
            return len(text)
        return table[max(0, units)]

    return convert


def parse_matches(text: str, payload: dict[str, Any]) -> list[Match]:
    """LanguageTool's JSON matches with offsets and lengths converted to code points."""
    to_index = utf16_to_index(text)
    out = []
    for m in payload.get("matches", []):
        try:
            start = to_index(int(m["offset"]))
            end = to_index(int(m["offset"]) + int(m["length"]))
            rule = m.get("rule") or {}
            category = (rule.get("category") or {}).get("id", "")
            out.append(
                Match(
                    offset=start,
                    length=max(0, end - start),
                    message=str(m.get("message") or m.get("shortMessage") or rule.get("description") or ""),
                    rule_id=str(rule.get("id", "")),
                    category=str(category),
                    issue_type=str(rule.get("issueType", "")),
                    replacements=tuple(str(r.get("value", "")) for r in (m.get("replacements") or [])[:5]),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return out


@dataclass
class ServerSettings:
    """How to reach and query a LanguageTool server."""

    url: str
    timeout_s: float = 10.0
    retries: int = 2
    max_concurrency: int = 2
    disabled_rules: tuple[str, ...] = ()
    enabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    level: str = "default"  # or "picky"

    def key(self, language: str) -> str:
        return json.dumps([language, sorted(self.disabled_rules), sorted(self.enabled_rules),
                           sorted(self.disabled_categories), sorted(self.enabled_categories), self.level])


@dataclass
class Client:
    """One per run: checks texts, remembers results, and gives up cleanly when the server is down."""

    settings: ServerSettings
    cache_path: str | None = None
    messages: list[str] = field(default_factory=list)
    failed: bool = False
    _cache: dict[str, list[list[Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _slots: threading.Semaphore | None = None
    _cache_loaded: bool = False

    def __post_init__(self) -> None:
        self._slots = threading.Semaphore(max(1, self.settings.max_concurrency))

    # -- cache: paragraph hash + language + settings -> matches -----------------------------
    def _cache_key(self, text: str, language: str) -> str:
        data = f"{self.settings.url}\0{self.settings.key(language)}\0{text}".encode("utf-8", "surrogatepass")
        return hashlib.blake2b(data, digest_size=16).hexdigest()

    def _load_cache(self) -> None:
        if self._cache_loaded:
            return
        self._cache_loaded = True
        if not self.cache_path:
            return
        try:
            with open(self.cache_path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        key, matches = json.loads(line)
                        if isinstance(key, str) and isinstance(matches, list):
                            self._cache[key] = matches
                    except (ValueError, TypeError):
                        continue  # a torn or foreign line: ignore it
        except OSError:
            pass

    def _remember(self, key: str, matches: list[Match]) -> None:
        rows = [[m.offset, m.length, m.message, m.rule_id, m.category, m.issue_type, list(m.replacements)] for m in matches]
        self._cache[key] = rows
        if not self.cache_path:
            return
        try:
            os.makedirs(os.path.dirname(self.cache_path) or ".", exist_ok=True)
            # One short line per append: concurrent runs interleave whole lines.
            with open(self.cache_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps([key, rows], ensure_ascii=False) + "\n")
        except OSError:
            pass

    # -- checking -----------------------------------------------------------------------------
    def check(self, text: str, language: str) -> list[Match] | None:
        """Matches for ``text``; None when the server could not be asked (reported once)."""
        with self._lock:
            self._load_cache()
            key = self._cache_key(text, language)
            rows = self._cache.get(key)
            if rows is not None:
                return [Match(r[0], r[1], r[2], r[3], r[4], r[5], tuple(r[6])) for r in rows]
            if self.failed:
                return None
        assert self._slots is not None
        with self._slots:
            try:
                payload = self._post(text, language)
            except LanguageToolError as exc:
                with self._lock:
                    if not self.failed:
                        self.failed = True
                        self.messages.append(
                            f"LanguageTool at {self.settings.url} unreachable: {exc}; grammar checks skipped"
                        )
                return None
        matches = parse_matches(text, payload)
        with self._lock:
            self._remember(key, matches)
        return matches

    def _post(self, text: str, language: str) -> dict[str, Any]:
        s = self.settings
        fields = {"text": text, "language": language}
        if s.disabled_rules:
            fields["disabledRules"] = ",".join(s.disabled_rules)
        if s.enabled_rules:
            fields["enabledRules"] = ",".join(s.enabled_rules)
        if s.disabled_categories:
            fields["disabledCategories"] = ",".join(s.disabled_categories)
        if s.enabled_categories:
            fields["enabledCategories"] = ",".join(s.enabled_categories)
        if s.level != "default":
            fields["level"] = s.level
        # Imported here: urllib.request pulls in http, email and ssl (about 20 ms), which a
        # run without a LanguageTool server must not pay for.
        import urllib.error
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode(fields).encode("utf-8")
        url = check_url(s.url)
        delay = 0.5
        last: Exception | None = None
        for attempt in range(s.retries + 1):
            request = urllib.request.Request(
                url, data=body, method="POST",
                headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json",
                         "User-Agent": "edlint"},
            )
            try:
                with urllib.request.urlopen(request, timeout=s.timeout_s) as response:  # noqa: S310 - user-configured server
                    data = json.loads(response.read().decode("utf-8"))
                if not isinstance(data, dict):
                    raise LanguageToolError("unexpected response (not a JSON object)")
                return data
            except urllib.error.HTTPError as exc:
                last = exc
                # 4xx other than rate limiting will not get better with a retry.
                if exc.code != 429 and 400 <= exc.code < 500:
                    detail = exc.read()[:200].decode("utf-8", "replace").strip()
                    raise LanguageToolError(f"HTTP {exc.code}: {detail or exc.reason}") from exc
            except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
                last = exc
            if attempt < s.retries:
                time.sleep(delay)
                delay *= 2
        reason = getattr(last, "reason", None) or last
        raise LanguageToolError(f"{type(last).__name__}: {reason}")


def check_url(base: str) -> str:
    base = base.rstrip("/")
    if base.endswith("/v2/check"):
        return base
    if base.endswith("/v2"):
        return base + "/check"
    return base + "/v2/check"


def local_server_url(language: str) -> tuple[str | None, str | None]:
    """Start a LanguageTool installed under LTP_PATH (never download); (url, problem)."""
    try:
        from language_tool_python.download_lt import LocalLanguageTool
    except Exception as exc:  # noqa: BLE001
        return None, f"language-tool-python is not usable: {exc}"
    try:
        installed = LocalLanguageTool.get_latest_installed_version()
    except Exception as exc:  # noqa: BLE001
        return None, f"cannot look for a local LanguageTool: {exc}"
    if installed is None:
        return None, ("LanguageTool is not installed under LTP_PATH; run `edlint languagetool install` "
                      "on a machine with network access, or set languagetool.url")
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language if language != "auto" else "en-US")
        return str(tool._url), None  # the library's own attribute: the started server's URL
    except Exception as exc:  # noqa: BLE001
        return None, f"could not start the local LanguageTool: {exc}"
