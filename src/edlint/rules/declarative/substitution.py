"""``substitution``: a word or phrase with a preferred replacement, offered as a fix.

- id: wordy-phrase
  type: substitution
  message: "Use '{suggestion}' instead of '{match}'"
  swap:
    in order to: to
    utili(se|ze): use            # every expansion maps to 'use'
    organi(s|z)(e|ed): [arrange, set up]   # alternatives: a suggestion, never applied
  regex: false                   # true: keys are regexes, values may use \\1 or \\g<name>
  fix: unsafe                    # safe | unsafe | suggestion | none
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ...document import Document
from ..base import Finding
from .base import (
    FIX_CHOICES,
    CheckType,
    Matcher,
    PackRuleOptions,
    make_fix,
    match_case,
    render,
    short_list,
)
from .existence import quote_match
from .lexicon import Lexicon, expand
from .regexes import compile_pattern
from .spec import Field, Spec, one_of, read_bool, read_regex

_GROUP_REF = re.compile(r"\\(\d+)|\\g<(\w+)>")


def read_swap(value: Any, spec: Spec, keys: tuple) -> tuple[tuple[str, Any, int | None], ...]:
    """``{bad: good}`` -> ((bad, good or tuple of alternatives, line), ...)."""
    if not isinstance(value, dict) or not value:
        raise spec.fail("'swap' must map each word or phrase to its replacement", *keys)
    out = []
    for bad, good in value.items():
        where = (*keys, bad)
        if isinstance(good, list):
            if not good or not all(isinstance(g, (str, int, float)) and not isinstance(g, bool) for g in good):
                raise spec.fail(f"replacements of {bad!r} must be a non-empty list of text", *where)
            good = tuple(str(g) for g in good)
        elif isinstance(good, (str, int, float)) and not isinstance(good, bool):
            good = str(good)
        elif good is None:
            good = ""
        else:
            raise spec.fail(f"replacement of {bad!r} must be text or a list of text", *where)
        out.append((str(bad), good, spec.line(*where)))
    return tuple(out)


class Substitution(CheckType):
    NAME = "substitution"
    FIELDS = {
        # bad -> preferred. A list of preferred forms is offered as alternatives (no fix).
        "swap": Field(read_swap, required=True, doc="Map of word or phrase to its replacement."),
        # Keys are regular expressions; replacements may refer to groups (\\1, \\g<name>).
        "regex": Field(read_bool, False, doc="Keys are regular expressions."),
        # How the replacement is offered: safe (--fix), unsafe (--unsafe-fixes),
        # suggestion (shown, never applied) or none.
        "fix": Field(one_of(*FIX_CHOICES), "unsafe", doc="safe, unsafe, suggestion or none."),
        "unless_sentence": Field(read_regex, None, doc="Skip a match whose sentence matches this regex."),
    }
    PLACEHOLDERS = ("match", "suggestion")
    WHY = "The house style prefers the replacement: one form, used the same way in every article."

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        self.regex = values["regex"]
        self.fix_kind = values["fix"]
        self.pairs: list[tuple[str, Any]] = []
        flags = re.I if self.ignore_case else 0
        patterns: list[tuple[re.Pattern[str], Any]] = []
        entries: list[tuple[str, Any]] = []
        seen: dict[str, str] = {}
        for bad, good, _line in values["swap"]:
            if self.regex:
                rx = compile_pattern(bad, flags, spec, "swap", bad)
                for alt in good if isinstance(good, tuple) else (good,):
                    for m in _GROUP_REF.finditer(alt):
                        num, name = m.group(1), m.group(2)
                        if (num is not None and int(num) > rx.groups) or (
                            name is not None
                            and name not in rx.groupindex
                            and not (name.isdigit() and int(name) <= rx.groups)
                        ):
                            raise spec.fail(f"replacement {alt!r} refers to a group {bad!r} does not have", "swap", bad)
                patterns.append((rx, good))
                self.pairs.append((bad, good))
                continue
            forms = expand(bad)
            if isinstance(good, tuple):
                targets: list[Any] = [good] * len(forms)
            else:
                goods = expand(good)
                if len(goods) == len(forms):
                    targets = goods
                elif len(goods) == 1:
                    targets = goods * len(forms)
                else:
                    raise spec.fail(
                        f"{bad!r} expands to {len(forms)} forms but {good!r} to {len(goods)}; "
                        "give one replacement or the same number",
                        "swap",
                        bad,
                    )
            for form, target in zip(forms, targets):
                key = form.lower() if self.ignore_case else form
                if key in seen:
                    raise spec.fail(f"{form!r} is listed twice in 'swap'", "swap", bad)
                seen[key] = form
                entries.append((form, target))
                self.pairs.append((form, target))
        self.matcher = Matcher(Lexicon(entries, self.ignore_case) if entries else None, patterns)
        src = values["unless_sentence"]
        self.unless = compile_pattern(src, flags, spec, "unless_sentence") if src else None

    @property
    def fix(self) -> str:
        if self.fix_kind == "none":
            return "never"
        return "always" if not any(isinstance(g, tuple) for _, g in self.pairs) else "sometimes"

    def suggestion(self, hit: Any) -> tuple[str, ...]:
        target = hit.payload
        alts = target if isinstance(target, tuple) else (target,)
        out = []
        for alt in alts:
            s = hit.match.expand(alt) if hit.match is not None and self.regex else alt
            out.append(match_case(s, hit.text) if self.ignore_case else s)
        return tuple(out)

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        for hit in self.hits(doc, opts, self.matcher, self.unless):
            alts = self.suggestion(hit)
            if hit.text in alts:
                continue
            shown = " or ".join(f"'{a}'" for a in alts).strip("'") if len(alts) > 1 else alts[0]
            message = render(self.message, {"match": quote_match(hit.text), "suggestion": shown})
            kind = self.fix_kind if len(alts) == 1 else ("suggestion" if self.fix_kind != "none" else "none")
            title = f"Replace with '{alts[0]}'" if alts[0] else "Remove it"
            yield hit.finding(message, make_fix(hit.span(), alts[0], kind, title))

    def details(self) -> list[str]:
        shown = [
            f"{bad} → {' / '.join(good) if isinstance(good, tuple) else (good or '(remove)')}"
            for bad, good in self.pairs
        ]
        return [f"Replacements: {short_list(shown, 10)}."]

    def fix_safety(self) -> str:
        return {
            "safe": "The fix is safe: `--fix` applies it.",
            "unsafe": "The fix is unsafe: check the sentence still reads well. `--unsafe-fixes` applies it.",
            "suggestion": "The replacement is shown as a suggestion and never applied automatically.",
            "none": "",
        }[self.fix_kind]
