"""The pipeline: read -> parse -> rules -> policy -> located findings.

Per file: read and decode once, parse once into a Document, run each enabled rule on it,
collect cross-file facts, then let policy decide what is reported. After all files, the
cross-file rules combine their facts. An exception inside a rule becomes an
``internal-error`` finding for that file; the run goes on.

One job per module: ``linter`` (the Linter: a run's state, ``run`` and ``finish``),
``configs`` (config discovery, registries, settings per file, site data), ``discovery``
(which files), ``lint`` (one file -> one FileResult: read, parse, rules, diagnostics,
fingerprints), ``cache_io`` (cache keys, settings fingerprint, entries, replay record),
``pool`` (worker processes) and ``cross_file``. The Linter is made of their parts; the state
they share is set up in ``Linter.__init__``.
"""

from ..results import Diagnostic, FileResult, RunResult
from .cache_io import _to_cache
from .configs import _as_list, _peek_list
from .lint import (
    MAX_FINDINGS_PER_RULE,
    _capital,
    _diagnostic,
    _digest,
    _file_error,
    _fingerprints,
    _read,
    _where,
)
from .linter import Linter
from .pool import MIN_FILES_PER_WORKER, _init_worker, _lint_chunk, _worker_died

# Everything engine.py had at module level stays importable from here. A function patched
# here does not change what the engine calls: patch it in its module (engine.lint, ...).
__all__ = [
    "MAX_FINDINGS_PER_RULE",
    "MIN_FILES_PER_WORKER",
    "Diagnostic",
    "FileResult",
    "Linter",
    "RunResult",
    "_as_list",
    "_capital",
    "_diagnostic",
    "_digest",
    "_file_error",
    "_fingerprints",
    "_init_worker",
    "_lint_chunk",
    "_peek_list",
    "_read",
    "_to_cache",
    "_where",
    "_worker_died",
]
