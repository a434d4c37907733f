"""Harper (Automattic's grammar checker, in Rust) in process, through harper-py.

Building a ``harper.Linter`` loads its dictionary (about 0.6 s), so each process builds one
per dialect and configuration, the first time a paragraph has to be checked and its answer
is not remembered, and keeps it for every later run in the process: a warm run (answers,
files or the whole run cached) never builds it, and worker processes build their own. A
``harper.Linter`` may not be called from two threads at once (harper-py raises), so calls
are serialised with a lock (the language server and the desk server lint from threads).

Harper's spans count code points (checked by tests/grammar/test_offsets.py, with ’, é, — and
an emoji before a finding), which is what Python's ``str`` indexes: no conversion.
"""

from __future__ import annotations

import threading
from typing import Any

from .answers import Answers
from .backend import Backend, Problem

INSTALL_HINT = 'pip install "edlint[grammar]"'
DIALECTS = {"en-US": 0, "en-GB": 1, "en-AU": 2, "en-CA": 3, "en-IN": 4}
# Varieties Harper has no dialect for are closest to British spelling.
BRITISH_LIKE = ("en-NZ", "en-IE", "en-ZA")


def available() -> bool:
    """harper-py is installed (looked up without importing it)."""
    from importlib.util import find_spec

    try:
        return find_spec("harper") is not None
    except (ImportError, ValueError):
        return False


def library_stamp() -> str:
    """Which harper-py is installed, from its files (no import): a new Harper decides
    findings differently, so cached findings of the old one must not be served."""
    import os
    from importlib.util import find_spec

    try:
        spec = find_spec("harper")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return "harper:absent"
    parts = []
    for folder in spec.submodule_search_locations:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith((".so", ".pyd", ".py")):
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    continue
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return "harper:" + ",".join(parts)


def dialect_of(language: str) -> str:
    """The Harper dialect for a language tag (en, en-US, en-gb ...)."""
    tag = language.replace("_", "-")
    lower = tag.lower()
    for known in DIALECTS:
        if lower == known.lower():
            return known
    if any(lower == b.lower() for b in BRITISH_LIKE):
        return "en-GB"
    return "en-US"


# harper.Linter objects of this process, by (dialect, words, rule toggles): built once per
# process and shared by every run in it (the language server and the desk server lint many
# times; the tests too). Each has its own lock: harper-py refuses concurrent calls.
_SHARED: dict[tuple[str, str], tuple[Any, threading.Lock]] = {}
_SHARED_LOCK = threading.Lock()
MAX_SHARED = 4


def shared_linter(
    dialect: str, words: tuple[str, ...], rules: dict[str, bool], context: str
) -> tuple[Any, threading.Lock, list[str]]:
    """The process's harper.Linter for this dialect and configuration (built on first use),
    its lock, and what building it had to say."""
    key = (dialect, context)
    with _SHARED_LOCK:
        got = _SHARED.get(key)
        if got is not None:
            return got[0], got[1], []
        import harper

        messages = []
        linter = harper.Linter(harper.Dialect(DIALECTS[dialect]))
        if rules:
            config = linter.get_lint_config()
            unknown = sorted(set(rules) - set(config))
            if unknown:
                messages.append(
                    f"grammar: Harper has no rule named {', '.join(unknown)} (grammar.harper_rules); ignored"
                )
            config.update({k: v for k, v in rules.items() if k in config})
            linter.set_lint_config(config)
        if words:
            linter.import_words(list(words))
        if len(_SHARED) >= MAX_SHARED:
            del _SHARED[next(iter(_SHARED))]
        lock = threading.Lock()
        _SHARED[key] = (linter, lock)
        return linter, lock, messages


class HarperBackend(Backend):
    """``words``: the house dictionary from the config; ``more_words``: called once, when a
    linter is first needed, for the words of the shipped packs (reading them costs a third
    of a second: a warm run must not pay it)."""

    name = "harper"

    def __init__(
        self, words: tuple[str, ...], rules: dict[str, bool], answers: Answers, more_words: Any = None
    ) -> None:
        super().__init__()
        self.words = tuple(sorted(set(words)))
        self.rules = dict(sorted(rules.items()))
        self.answers = answers
        self._more_words = more_words
        self._all_words: tuple[str, ...] | None = None
        self._context: str | None = None

    def identity(self) -> str:
        if self._context is None:
            from .answers import _digest
            from .dictionary import shipped_stamp

            self._context = _digest(f"{library_stamp()}\0{shipped_stamp()}\0{self.words!r}\0{self.rules!r}")
        return f"harper:{self._context}"

    def all_words(self) -> tuple[str, ...]:
        if self._all_words is None:
            more = set(self._more_words()) if self._more_words is not None else set()
            self._all_words = tuple(sorted(more | set(self.words)))
        return self._all_words

    def check(self, paragraphs: list[str], dialect: str) -> list[list[Problem]] | None:
        context = f"{self.identity()}\0{dialect}"
        out: list[list[Problem]] = []
        linter = lock = None
        for text in paragraphs:
            key = Answers.key(context, text)
            problems = self.answers.get(key)
            if problems is None:
                if linter is None:
                    linter, lock, said = shared_linter(dialect, self.all_words(), self.rules, self.identity())
                    self.messages.extend(m for m in said if m not in self.messages)
                assert lock is not None
                try:
                    with lock:
                        problems = _problems(linter.organized_lints(text, language="plaintext"))
                except (KeyboardInterrupt, SystemExit):
                    raise
                except BaseException as exc:  # noqa: BLE001 - a panic in Harper is pyo3's PanicException, a BaseException
                    note = f"grammar: Harper failed on a paragraph ({type(exc).__name__}: {exc}); it was not checked"
                    if note not in self.messages:
                        self.messages.append(note)
                    out.append([])
                    continue  # not remembered: a later Harper may check it
                self.answers.put(key, problems)
            out.append(problems)
        return out


def _problems(organized: dict[str, list[Any]]) -> list[Problem]:
    out = []
    for code, lints in organized.items():
        for lint in lints:
            span = lint.span
            problem = lint.problem_text
            replacements = []
            for s in lint.suggestions:
                kind = int(s.kind)
                if kind == 1:  # remove
                    replacements.append("")
                elif kind == 2:  # insert after
                    replacements.append(problem + s.replacement_text)
                else:
                    replacements.append(s.replacement_text)
            replacements = [r for r in dict.fromkeys(replacements) if r != problem]
            kind = lint.lint_kind
            out.append(
                Problem(span.start, span.end, kind, code, lint.message, tuple(replacements[:5]), kind == "Spelling")
            )
    out.sort(key=lambda p: (p.start, p.end, p.code))
    return out
