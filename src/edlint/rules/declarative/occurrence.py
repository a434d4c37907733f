"""``occurrence``: at most N matches per sentence, block or article.

- id: exclamation-marks
  type: occurrence
  message: "{count} exclamation marks in this article (at most {max})"
  patterns: ['!']
  max: 1
  per: article                 # sentence | block | article
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...document import Document
from ..base import Finding
from .base import (
    CheckType,
    PackRuleOptions,
    build_matcher,
    read_tokens,
    render,
    short_list,
)
from .existence import quote_match
from .regexes import compile_pattern
from .spec import Field, Spec, one_of, read_int, read_patterns, read_regex


class Occurrence(CheckType):
    NAME = "occurrence"
    FIELDS = {
        "tokens": Field(read_tokens, (), doc="Words or phrases to count."),
        "patterns": Field(read_patterns, (), doc="Regular expressions to count."),
        # The most matches allowed in one unit; the first match beyond it is reported.
        "max": Field(read_int, required=True, doc="The most matches allowed per unit."),
        # The unit counted over.
        "per": Field(one_of("sentence", "block", "article"), "article", doc="sentence, block or article."),
        "unless_sentence": Field(read_regex, None, doc="Skip a match whose sentence matches this regex."),
    }
    PLACEHOLDERS = ("match", "count", "max")
    WHY = "Used more than sparingly, it loses its force and tires the reader."

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        self.tokens = values["tokens"]
        self.patterns = values["patterns"]
        if not self.tokens and not self.patterns:
            raise spec.fail("an occurrence rule needs 'tokens' or 'patterns'", ())
        self.max = values["max"]
        self.per = values["per"]
        self.matcher = build_matcher(self.tokens, self.patterns, self.ignore_case, spec)
        src = values["unless_sentence"]
        self.unless = compile_pattern(src, re.I if self.ignore_case else 0, spec, "unless_sentence") if src else None

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        groups: dict[Any, list[Any]] = {}
        for hit in self.hits(doc, opts, self.matcher, self.unless):
            if self.per == "article":
                key: Any = 0
            elif self.per == "block":
                key = id(hit.unit)
            else:
                key = (id(hit.unit), hit.unit.sentences.index(hit.start))
            groups.setdefault(key, []).append(hit)
        for hits in groups.values():
            if len(hits) > self.max:
                hit = hits[self.max]
                yield hit.finding(
                    render(
                        self.message,
                        {
                            "match": quote_match(hit.text),
                            "count": len(hits),
                            "max": self.max,
                        },
                    )
                )

    def details(self) -> list[str]:
        what = []
        if self.tokens:
            what.append(short_list(self.tokens))
        if self.patterns:
            what.append(short_list(self.patterns, 6))
        return [
            f"Counts {' and '.join(what)}; more than {self.max} per {self.per} is reported "
            f"once, at the first match over the limit."
        ]
