"""JSON-LD: the page's most specific article object, with its author references resolved."""

from __future__ import annotations

from typing import Any

from ...document import MetaField, Span
from .records import HtmlResult

# The most specific article type wins: Yoast pages put a WebPage first and the Article later.
_JSONLD_RANK = {
    "NewsArticle": 0,
    "ReportageNewsArticle": 0,
    "AnalysisNewsArticle": 0,
    "OpinionNewsArticle": 0,
    "LiveBlogPosting": 1,
    "BlogPosting": 1,
    "Article": 2,
    "TechArticle": 2,
    "Report": 3,
    "WebPage": 9,
}


def _jsonld_metadata(scripts: list[tuple[str, int, int]], result: HtmlResult) -> None:
    import json

    best: tuple[int, dict, Span] | None = None
    by_id: dict[str, dict] = {}
    for text, start, end in scripts:
        try:
            data = json.loads(text)
        except ValueError:
            continue
        for obj in _jsonld_objects(data):
            if isinstance(obj.get("@id"), str):
                by_id.setdefault(obj["@id"], obj)
            types = obj.get("@type")
            types = types if isinstance(types, list) else [types]
            ranks = [_JSONLD_RANK[t] for t in types if isinstance(t, str) and t in _JSONLD_RANK]
            if ranks and (best is None or min(ranks) < best[0]):
                best = (min(ranks), obj, Span(start, end))
    if best is None:
        return
    _, obj, span = best
    author = obj.get("author")
    # Resolve {"@id": ...} references (Yoast's Person nodes live elsewhere in the @graph).
    if isinstance(author, dict) and set(author) == {"@id"} and author["@id"] in by_id:
        obj = {**obj, "author": by_id[author["@id"]]}
    elif isinstance(author, list):
        obj = {
            **obj,
            "author": [by_id.get(a.get("@id"), a) if isinstance(a, dict) and set(a) == {"@id"} else a for a in author],
        }
    result.metadata.setdefault("jsonld", MetaField("jsonld", obj, span, span, "jsonld"))


def _jsonld_objects(data: Any, depth: int = 0) -> list[dict]:
    if depth > 4:
        return []
    if isinstance(data, list):
        return [o for item in data for o in _jsonld_objects(item, depth + 1)]
    if isinstance(data, dict):
        out = [data]
        graph = data.get("@graph")
        if graph is not None:
            out.extend(_jsonld_objects(graph, depth + 1))
        return out
    return []


def _jsonld_names(value: Any) -> Any:
    if isinstance(value, dict):
        return value.get("name", value)
    if isinstance(value, list):
        names = [_jsonld_names(v) for v in value]
        return names[0] if len(names) == 1 else names
    return value
