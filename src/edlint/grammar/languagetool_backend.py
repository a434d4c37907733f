"""A LanguageTool server the user configured, behind the backend interface.

The HTTP client (bounded requests, retries, UTF-16 offsets, its own answer cache) is
:mod:`edlint.languagetool`; this module batches an article's paragraphs into requests and
splits the answers back into paragraphs.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from .backend import Backend, Problem

SPELLING_CATEGORIES = frozenset({"TYPOS"})


class LanguageToolBackend(Backend):
    name = "languagetool"

    def __init__(self, client: Any, max_batch_chars: int) -> None:
        super().__init__()
        self.client = client
        self.max_batch_chars = max_batch_chars

    @property
    def failed(self) -> bool:  # type: ignore[override]
        return bool(self.client.failed)

    def identity(self) -> str:
        return f"languagetool:{self.client.settings.url}"

    def check(self, paragraphs: list[str], dialect: str) -> list[list[Problem]] | None:
        out: list[list[Problem]] = [[] for _ in paragraphs]
        for batch in _batches(list(enumerate(paragraphs)), self.max_batch_chars):
            text = "\n\n".join(p for _, p in batch)
            starts = []
            pos = 0
            for _, p in batch:
                starts.append(pos)
                pos += len(p) + 2
            matches = self.client.check(text, dialect)
            if matches is None:
                return None
            for m in matches:
                k = bisect_right(starts, m.offset) - 1
                if k < 0:
                    continue
                index, paragraph = batch[k]
                local = m.offset - starts[k]
                end = local + m.length
                if end > len(paragraph):
                    continue  # straddles the join between two paragraphs
                out[index].append(
                    Problem(
                        local,
                        end,
                        m.category,
                        m.rule_id,
                        m.message,
                        tuple(m.replacements),
                        m.category in SPELLING_CATEGORIES,
                    )
                )
        return out


def _batches(items: list[tuple[int, str]], limit: int) -> Iterator[list[tuple[int, str]]]:
    batch: list[tuple[int, str]] = []
    size = 0
    for item in items:
        n = len(item[1]) + 2
        if batch and size + n > limit:
            yield batch
            batch, size = [], 0
        batch.append(item)
        size += n
    if batch:
        yield batch
