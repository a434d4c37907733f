"""Page metadata from ``<head>``: the language, ``<title>`` and ``<meta>`` tags, and the common
names (title, author, date ...) chosen over the page's many metadata sources."""

from __future__ import annotations

import re
from html import unescape

from ...document import MappedTextBuilder, MetaField, Span
from .jsonld import _jsonld_names


class _HeadMetadata:
    """``<html lang>``, ``<title>`` and ``<meta>`` (mixed into the walker)."""

    # -- metadata ----------------------------------------------------------------------
    def _head_tag(self, tag: str, amap: dict[str, str | None], start: int, end: int) -> None:
        if self.fragment:
            return
        md = self.result.metadata
        if tag == "html":
            lang = amap.get("lang") or amap.get("xml:lang")
            if lang:
                self.result.language = lang
        elif tag == "title" and "title" not in md:
            self.title_builder = MappedTextBuilder()
            self._title_start = start
        elif tag == "meta":
            key = amap.get("property") or amap.get("name") or amap.get("itemprop")
            content = amap.get("content")
            if key and content is not None:
                key = key.strip().lower()
                if key not in md:
                    m = re.search(r"\bcontent\s*=\s*[\"']?", self.src[start:end], re.I)
                    vstart = start + (m.end() if m else 0)
                    source = "og" if key.startswith(("og:", "article:")) else "meta"
                    md[key] = MetaField(
                        key, unescape(content).strip(), Span(start, end), Span(vstart, vstart + len(content)), source
                    )

    def _end_title(self) -> None:
        builder, self.title_builder = self.title_builder, None
        text = builder.build() if builder is not None else None
        if text is not None and "title" not in self.result.metadata:
            start = getattr(self, "_title_start", 0)
            self.result.metadata["title"] = MetaField("title", text.text, Span(start, start + 7), text.span, "title")


def _canonical(md: dict[str, MetaField]) -> None:
    """Common names over the page's many metadata sources (front-matter style keys)."""
    jsonld = md.get("jsonld").value if "jsonld" in md else {}

    def alias(name: str, *keys: str, json_key: str | None = None) -> None:
        if name in md:
            return
        for key in keys:
            if key in md:
                f = md[key]
                md[name] = MetaField(name, f.value, f.key_span, f.value_span, f.source)
                return
        if json_key and isinstance(jsonld, dict) and jsonld.get(json_key):
            f = md["jsonld"]
            value = jsonld[json_key]
            if json_key == "author":
                value = _jsonld_names(value)
            md[name] = MetaField(name, value, f.key_span, f.value_span, "jsonld")

    alias("title", "og:title", "twitter:title", json_key="headline")
    alias("description", "og:description", "twitter:description", json_key="description")
    alias("author", "article:author", "byl", "parsely-author", "sailthru.author", json_key="author")
    alias(
        "date",
        "article:published_time",
        "date",
        "pubdate",
        "publishdate",
        "parsely-pub-date",
        "dc.date",
        "dc.date.issued",
        "datepublished",
        "time:published",
        json_key="datePublished",
    )
    alias("image", "og:image", "twitter:image", json_key="image")
