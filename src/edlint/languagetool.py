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
    """A function turning a UTF-16 code-unit offset of ``text`` into a code-point index
    (LanguageTool is Java: its offsets and lengths count UTF-16 code units, so each
    character beyond U+FFFF, an emoji, counts twice). An offset inside such a character
    maps to the character. Offsets outside the text are for the caller to drop: see
    :func:`parse_matches`."""
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


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class ResponseShapeError(LanguageToolError):
    """The server answered JSON that is not LanguageTool's /v2/check shape."""


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def parse_matches(text: str, payload: Any, dropped: list[int] | None = None) -> list[Match]:
    """LanguageTool's JSON matches with offsets and lengths converted to code points.

    The top level must be LanguageTool's shape (an object whose ``matches`` is a list), else
    :class:`ResponseShapeError`. A match that is not an object, lacks an integer offset or
    length, or lies outside the text (in UTF-16 units, as the server counts) is dropped and
    counted in ``dropped[0]``: the caller warns once. Fields of the wrong type read as empty.
    """
    if not isinstance(payload, dict):
        raise ResponseShapeError(f"the answer is a JSON {type(payload).__name__}, not an object")
    matches = payload.get("matches", [])
    if not isinstance(matches, list):
        raise ResponseShapeError(f"'matches' is a JSON {type(matches).__name__}, not a list")
    to_index = utf16_to_index(text)
    units = utf16_length(text)
    out = []
    bad = 0
    for m in matches:
        offset = m.get("offset") if isinstance(m, dict) else None
        length = m.get("length") if isinstance(m, dict) else None
        if not (_is_int(offset) and _is_int(length)) or offset < 0 or length < 0 or offset + length > units:
            bad += 1
            continue
        start = to_index(offset)
        end = to_index(offset + length)
        rule = m.get("rule") if isinstance(m.get("rule"), dict) else {}
        category = rule.get("category") if isinstance(rule.get("category"), dict) else {}
        replacements = m.get("replacements") if isinstance(m.get("replacements"), list) else []
        out.append(
            Match(
                offset=start,
                length=max(0, end - start),
                message=_text(m.get("message")) or _text(m.get("shortMessage")) or _text(rule.get("description")),
                rule_id=_text(rule.get("id")),
                category=_text(category.get("id")),
                issue_type=_text(rule.get("issueType")),
                replacements=tuple(_text(r.get("value")) for r in replacements[:5] if isinstance(r, dict)),
            )
        )
    if dropped is not None:
        dropped[0] += bad
    return out


# Limits of one request: the whole exchange (connect, send, headers, body) within the
# deadline, however the server trickles its bytes; the answer at most this large.
MAX_RESPONSE_BYTES = 8 * 1024 * 1024


class AnswerTooLarge(ValueError):
    pass


class _DeadlineSocket:
    """A socket whose every receive waits no longer than the per-read timeout nor past the
    request's deadline. http.client reads through it; a server that sends one byte every few
    seconds would otherwise keep a read-timeout-only request going for ever."""

    def __init__(self, sock: Any, deadline: float, timeout: float) -> None:
        self._sock = sock
        self._deadline = deadline
        self._timeout = timeout

    def _arm(self) -> None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("no complete answer within the request deadline")
        self._sock.settimeout(min(self._timeout, left))

    def recv_into(self, buffer: Any, nbytes: int = 0, flags: int = 0) -> int:
        self._arm()
        return self._sock.recv_into(buffer, nbytes, flags)

    def recv(self, bufsize: int, flags: int = 0) -> bytes:
        self._arm()
        return self._sock.recv(bufsize, flags)

    def sendall(self, data: Any, flags: int = 0) -> None:
        self._arm()
        self._sock.sendall(data, flags)

    def makefile(self, mode: str = "r", buffering: Any = None, **kwargs: Any) -> Any:
        import io
        import socket

        raw = socket.SocketIO(self, "rb" if "r" in mode else "wb")  # type: ignore[arg-type]
        self._sock._io_refs = getattr(self._sock, "_io_refs", 0) + 1
        return io.BufferedReader(raw) if "r" in mode else io.BufferedWriter(raw)

    def _decref_socketios(self) -> None:
        decref = getattr(self._sock, "_decref_socketios", None)
        if decref is not None:
            decref()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def post_form(
    url: str, body: bytes, headers: dict[str, str], timeout: float, deadline: float, max_bytes: int | None = None
) -> tuple[int, str, bytes]:
    """POST ``body`` to ``url``: (HTTP status, reason, response body), all of it within
    ``deadline`` (a time.monotonic() value), each read within ``timeout``, the body at most
    ``max_bytes`` (else ValueError). Raises OSError (TimeoutError) on network trouble."""
    import http.client
    import urllib.parse

    if max_bytes is None:
        max_bytes = MAX_RESPONSE_BYTES
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url}")
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("no time left for the request")
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    conn = cls(parts.hostname, parts.port, timeout=min(timeout, left))
    try:
        conn.connect()
        conn.sock = _DeadlineSocket(conn.sock, deadline, timeout)  # type: ignore[assignment]
        path = parts.path or "/"
        if parts.query:
            path += "?" + parts.query
        conn.request("POST", path, body=body, headers=headers)
        response = conn.getresponse()
        declared = response.getheader("Content-Length")
        if declared is not None and declared.strip().isdigit() and int(declared) > max_bytes:
            raise AnswerTooLarge(
                f"the answer would be {int(declared):,} bytes, more than the {max_bytes:,} bytes edlint reads"
            )
        chunks, size = [], 0
        while True:
            chunk = response.read(min(65536, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise AnswerTooLarge(f"the answer is larger than the {max_bytes:,} bytes edlint reads")
        return response.status, response.reason or "", b"".join(chunks)
    except http.client.HTTPException as exc:
        raise OSError(f"bad HTTP answer: {type(exc).__name__}: {exc}") from exc
    finally:
        conn.close()


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
        return json.dumps(
            [
                language,
                sorted(self.disabled_rules),
                sorted(self.enabled_rules),
                sorted(self.disabled_categories),
                sorted(self.enabled_categories),
                self.level,
            ]
        )


# ``--no-cache`` (the CLI sets this variable for the run, workers included): the answer
# cache is neither read nor written either.
NO_CACHE_ENV = "EDLINT_NO_CACHE"
MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024


def _open_cache_file(path: str, append: bool) -> int | None:
    """A descriptor for the answer cache file, never through a symlink (neither the file nor
    its folder, both of which a linted tree can hold) and never anything but a regular file;
    None when it cannot be opened so."""
    import stat

    folder = os.path.dirname(path) or "."
    try:
        if os.path.islink(folder):
            return None
        flags = os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        flags |= (os.O_WRONLY | os.O_APPEND | os.O_CREAT) if append else os.O_RDONLY
        fd = os.open(path, flags, 0o644)
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            return None
    except OSError:
        os.close(fd)
        return None
    return fd


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

    _dropped: list[int] = field(default_factory=lambda: [0])  # matches outside their text

    def __post_init__(self) -> None:
        self._slots = threading.Semaphore(max(1, self.settings.max_concurrency))
        if os.environ.get(NO_CACHE_ENV):
            self.cache_path = None

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
        fd = _open_cache_file(self.cache_path, append=False)
        if fd is None:
            return
        try:
            with open(fd, "rb") as raw:
                data = raw.read(MAX_CACHE_FILE_BYTES + 1)
            if len(data) > MAX_CACHE_FILE_BYTES:
                return  # a cache that large is not ours to trust or to grow
            with __import__("io").StringIO(data.decode("utf-8", "replace")) as fh:
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
        rows = [
            [m.offset, m.length, m.message, m.rule_id, m.category, m.issue_type, list(m.replacements)] for m in matches
        ]
        self._cache[key] = rows
        if not self.cache_path:
            return
        try:
            folder = os.path.dirname(self.cache_path) or "."
            if not os.path.lexists(folder):
                os.mkdir(folder)
        except OSError:
            return
        fd = _open_cache_file(self.cache_path, append=True)
        if fd is None:
            return
        try:
            # One short line per append: concurrent runs interleave whole lines.
            with open(fd, "w", encoding="utf-8", closefd=True) as fh:
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
                        what = (
                            "gave an answer edlint cannot read"
                            if isinstance(exc, ResponseShapeError)
                            else "unreachable"
                        )
                        self.messages.append(
                            f"LanguageTool at {self.settings.url} {what}: {exc}; grammar checks skipped"
                        )
                return None
        with self._lock:
            try:
                before = self._dropped[0]
                matches = parse_matches(text, payload, self._dropped)
            except ResponseShapeError as exc:
                if not self.failed:
                    self.failed = True
                    self.messages.append(
                        f"LanguageTool at {self.settings.url} gave an answer edlint cannot read: "
                        f"{exc}; grammar checks skipped"
                    )
                return None
            if self._dropped[0] and not before:
                self.messages.append(
                    f"LanguageTool at {self.settings.url} reported matches outside the text "
                    "it was sent; those matches were dropped"
                )
            if self._dropped[0] == before:
                self._remember(key, matches)  # an answer with bogus matches is not kept
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
        # Imported here: http.client pulls in email and (for https) ssl, which a run without
        # a LanguageTool server must not pay for.
        import urllib.parse

        body = urllib.parse.urlencode(fields).encode("utf-8")
        url = check_url(s.url)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
            "User-Agent": "edlint",
        }
        delay = 0.5
        last: Exception | None = None
        for attempt in range(s.retries + 1):
            # timeout_s bounds the whole request, not each read of it.
            deadline = time.monotonic() + s.timeout_s
            try:
                status, reason, raw = post_form(url, body, headers, s.timeout_s, deadline)
            except TimeoutError as exc:
                # A server too slow for the deadline will not be quicker on a retry.
                raise LanguageToolError(f"no complete answer within {s.timeout_s:g} s") from exc
            except AnswerTooLarge as exc:
                raise ResponseShapeError(str(exc)) from exc
            except ValueError as exc:
                raise LanguageToolError(str(exc)) from exc
            except OSError as exc:
                last = exc
            else:
                if status == 200:
                    try:
                        return json.loads(raw.decode("utf-8"))
                    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
                        raise ResponseShapeError(f"not JSON: {type(exc).__name__}") from exc
                detail = raw[:200].decode("utf-8", "replace").strip()
                last = LanguageToolError(f"HTTP {status}: {detail or reason}")
                # 4xx other than rate limiting will not get better with a retry.
                if status != 429 and 400 <= status < 500:
                    raise last
            if attempt < s.retries:
                time.sleep(delay)
                delay *= 2
        if isinstance(last, LanguageToolError):
            raise last
        reason = getattr(last, "reason", None) or getattr(last, "strerror", None) or last
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
        return None, (
            "LanguageTool is not installed under LTP_PATH; run `edlint languagetool install` "
            "on a machine with network access, or set languagetool.url"
        )
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language if language != "auto" else "en-US")
        return str(tool._url), None  # the library's own attribute: the started server's URL
    except Exception as exc:  # noqa: BLE001
        return None, f"could not start the local LanguageTool: {exc}"
