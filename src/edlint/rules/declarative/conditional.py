"""``conditional``: something that needs an earlier companion, such as an acronym that
must be spelled out on first use.

    - id: acronym-undefined
      type: conditional
      message: "'{match}' is not spelled out on first use"
      first: '\\b([A-Z]{2,6})s?\\b'            # group 1 (or the whole match) is the key
      second:                                  # where a key is introduced (group 1)
        - '\\(([A-Z]{2,6})s?\\)'               # Government Accountability Office (GAO)
        - '\\b([A-Z]{2,6})s? \\((?:the )?[A-Z][a-z]'   # GAO (Government Accountability Office)
      exceptions: [US, TV, FBI]               # keys (or phrases) that need no introduction

A use of a key is reported when no introduction of that key comes before it (or at it);
each key is reported once per article.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...document import Document
from ..base import Finding
from .base import CheckType, Matcher, PackRuleOptions, render
from .existence import quote_match
from .regexes import compile_pattern
from .spec import Field, Spec, read_regex, read_str_list


def _key(m: Any) -> str:
    return m.group(1) if m.re.groups and m.group(1) is not None else m.group(0)


class Conditional(CheckType):
    NAME = "conditional"
    FIELDS = {
        # What needs an introduction; group 1 (or the whole match) is its key.
        "first": Field(read_regex, required=True, doc="Regex of what needs an introduction."),
        # Where a key is introduced; group 1 (or the whole match) is the key.
        "second": Field(read_str_list, required=True, doc="Regexes that introduce a key."),
    }
    PLACEHOLDERS = ("match",)
    WHY = "Readers should not have to guess what an abbreviation stands for."
    IGNORE_CASE = False

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        import re

        flags = re.I if self.ignore_case else 0
        self.first_source = values["first"]
        self.second_sources = values["second"]
        if not self.second_sources:
            raise spec.fail("'second' needs at least one pattern", "second")
        first = compile_pattern(self.first_source, flags, spec, "first")
        self.first = Matcher(None, [(first, None)])
        self.second = [compile_pattern(p, flags, spec, "second", i) for i, p in enumerate(self.second_sources)]

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        units = list(self.scope.units(doc))
        if not units:
            return
        # Where each key is first introduced: (unit order, offset).
        introduced: dict[str, tuple[int, int]] = {}
        intro_spans: dict[int, list[tuple[int, int]]] = {}
        order = {id(u): n for n, u in enumerate(units)}
        for n, unit in enumerate(units):
            for rx in self.second:
                for m in rx.finditer(unit.string):
                    key = _key(m)
                    introduced.setdefault(key, (n, m.start()))
                    if (n, m.start()) < introduced[key]:
                        introduced[key] = (n, m.start())
                    intro_spans.setdefault(n, []).append(m.span())
        reported: set[str] = set()
        excepted = set(self.exceptions_for(opts).phrases)
        for hit in self.hits(doc, opts, self.first):
            key = _key(hit.match)
            if key in reported or key in excepted:
                continue
            n = order[id(hit.unit)]
            if any(s <= hit.start and hit.end <= e for s, e in intro_spans.get(n, ())):
                continue  # the introduction itself
            if key in introduced and introduced[key] <= (n, hit.start):
                continue
            reported.add(key)
            yield hit.finding(render(self.message, {"match": quote_match(hit.text)}))

    def details(self) -> list[str]:
        seconds = ", ".join(f"`{s}`" for s in self.second_sources)
        return [
            f"Needs an introduction: `{self.first_source}`. Introductions: {seconds}. "
            "Each key is reported once, at its first use before any introduction."
        ]
