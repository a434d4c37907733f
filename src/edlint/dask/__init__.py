"""Linting on a Dask cluster: ``edlint check --executor dask`` and a Python API for data
teams, ``lint_bag``.

Files (or the posts of a CMS export) go to the workers in batches; each worker runs the same
per-document pipeline as a local run (its own Linter, built once per run settings), keeps
its results, and sends back only findings. Cross-file rules are reduced on the cluster: each
batch's facts are merged in a tree, combined once, and the findings located beside the batch
they belong to; the client never holds the Documents or the facts.

Importing ``edlint.dask`` does not import dask: ``require`` does, and a missing extra is a
clear error (:class:`DaskUnavailable`) rather than a traceback.
"""

from __future__ import annotations

from typing import Any

INSTALL_HINT = 'pip install "edlint[dask]"'
# The JSON contract's fields (reporters/json_.py), the columns of a findings table.
FINDING_COLUMNS = ("path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix", "data")


class DaskUnavailable(Exception):
    """dask or distributed is not installed."""


class ClusterError(Exception):
    """The scheduler could not be reached, or the cluster could not start."""


def require() -> None:
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as exc:
        raise DaskUnavailable(
            f"the Dask executor needs dask and distributed ({exc.name} is missing): {INSTALL_HINT}"
        ) from None


def lint_bag(items: Any, config: Any = None, *, pages: bool = False, cross_file: bool = True) -> Any:
    """Lint a Dask bag of paths (files, folders, WordPress/Ghost exports) or of texts
    (``(path, text)`` pairs or ``{"path": ..., "text": ...}`` mappings).

    ``config``: a config file path, a mapping in ``.edlint.yaml``'s shape, or None (each
    file's own config, found upward from it). Returns a bag with one dict per finding, the
    fields of the JSON contract (``Diagnostic.to_json``), cross-file findings included;
    ``to_dataframe`` makes a Dask dataframe of it (needs ``dask[dataframe]``). Nothing runs
    until the bag is computed (``.compute()``, ``.to_textfiles()``, ``to_dataframe(..).to_parquet()``).
    """
    require()
    from dask.bag import concat

    import dask

    from ..engine import Linter
    from ..engine.recipe import LinterRecipe
    from ..policy import CliOverrides
    from . import tasks

    state = tasks.RunState(LinterRecipe(Linter, config, CliOverrides(), export_pages=pages))
    units = items.map_partitions(_units_of, state)
    batches = units.map_partitions(_lint_partition, state)
    own = batches.map(_rows_of).flatten()
    if not cross_file:
        return own
    facts = batches.map(tasks.facts_of).reduction(_merge_list, _merge_list)
    combined = dask.delayed(tasks.combine)(state, facts)
    cross = batches.map(_located_rows, state, combined).flatten()
    return concat([own, cross])


def to_dataframe(findings: Any) -> Any:
    """A Dask dataframe of ``lint_bag``'s findings, one column per JSON field (``fix`` and
    ``data`` as JSON text, empty when absent)."""
    try:
        import pandas  # noqa: F401
    except ImportError:
        raise DaskUnavailable('a findings dataframe needs pandas: pip install "dask[dataframe]"') from None
    meta = {c: ("int64" if c in ("line", "column", "end_line", "end_column") else "string") for c in FINDING_COLUMNS}
    return findings.map(_flat_row).to_dataframe(meta=meta)


def _flat_row(row: dict[str, Any]) -> dict[str, Any]:
    import json

    out = {c: row.get(c) for c in FINDING_COLUMNS}
    for c in ("fix", "data"):
        out[c] = json.dumps(row[c], ensure_ascii=False) if row.get(c) is not None else ""
    return out


def _units_of(part: Any, state: Any) -> list[Any]:
    """A partition's items as units of work: folders walked, exports expanded into posts."""
    from .tasks import worker_linter

    linter = worker_linter(state)
    out: list[Any] = []
    for item in part:
        if isinstance(item, dict):
            out.append((str(item["path"]), str(item["text"])))
        elif isinstance(item, tuple):
            out.append((str(item[0]), str(item[1])))
        else:
            out.extend(linter.expand_exports(list(linter.discover([str(item)]))))
    return out


def _lint_partition(part: Any, state: Any) -> list[Any]:
    from .tasks import lint_batch

    return [lint_batch(state, list(part))]


def _rows_of(batch: Any) -> list[dict[str, Any]]:
    return [f.to_json() for r in batch.results for f in r.findings]


def _merge_list(parts: Any) -> Any:
    from .tasks import merge_facts

    return merge_facts(*parts)


def _located_rows(batch: Any, state: Any, combined: Any) -> list[dict[str, Any]]:
    from .tasks import locate

    return [f.to_json() for f in locate(state, batch, combined)]
