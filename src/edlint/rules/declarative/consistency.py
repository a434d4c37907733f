"""``consistency``: one article, one choice. Either form is fine; both in one article is not.

    - id: spelling-consistency
      type: consistency
      message: "'{match}' is {side} spelling; this article mostly uses {majority} ('{suggestion}')"
      sides: [US, UK]                   # names of the columns (used in messages)
      groups:                           # each group is one choice for the whole article
        variety:
          - [colo(r|rs|red|ring|rful), colou(r|rs|red|ring|rful)]
          - [~license, licence]         # ~: also correct on the other side; only suggested
      pairs:                            # each pair is its own choice
        - [e-mail, email]

The form used more often wins (on a tie, the one used first); every use of the other
form is reported, with its counterpart from the winning column as the suggestion.
"""

from __future__ import annotations

from typing import Any, Iterator

from ...document import Document
from ..base import Finding
from .base import (
    CheckType,
    Matcher,
    PackRuleOptions,
    make_fix,
    match_case,
    render,
    short_list,
)
from .existence import quote_match
from .spec import Field, Spec, read_str_list
from .units import Lexicon, expand


def read_rows(value: Any, spec: Spec, keys: tuple) -> tuple[tuple[tuple[str, ...], tuple], ...]:
    """A list of rows (each a list of 2+ forms), with each row's key path for errors."""
    if not isinstance(value, list):
        raise spec.fail(f"{keys[-1]!r} must be a list of [form, form] rows", *keys)
    out = []
    for i, row in enumerate(value):
        where = keys + (i,)
        if not isinstance(row, list) or len(row) < 2:
            raise spec.fail("each row must list two or more forms, e.g. [e-mail, email]", *where)
        out.append((read_str_list(row, spec, where), where))
    return tuple(out)


def read_groups(value: Any, spec: Spec, keys: tuple) -> tuple[tuple[str, tuple], ...]:
    if not isinstance(value, dict):
        raise spec.fail("'groups' must map group names to lists of rows", *keys)
    return tuple((str(name), read_rows(rows, spec, keys + (name,))) for name, rows in value.items())


class Consistency(CheckType):
    NAME = "consistency"
    FIELDS = {
        # Each row is its own choice: [e-mail, email].
        "pairs": Field(read_rows, (), doc="Rows of forms, each row its own choice."),
        # Each named group of rows is one choice for the whole article (all US or all UK).
        "groups": Field(read_groups, (), doc="Named lists of rows; each group is one choice."),
        # Names of the columns, for messages ({side}, {majority}).
        "sides": Field(read_str_list, (), doc="Names of the columns, e.g. [US, UK]."),
    }
    PLACEHOLDERS = ("match", "suggestion", "side", "majority")
    WHY = "Switching between two accepted forms in one article looks careless and distracts the reader."
    FIX = "always"

    def setup(self, values: dict[str, Any], spec: Spec) -> None:
        rows_by_group: list[tuple[str, tuple]] = []
        for rows, where in values["pairs"]:
            rows_by_group.append((f"pair:{rows[0]}", ((rows, where),)))
        rows_by_group.extend(values["groups"])
        if not rows_by_group:
            raise spec.fail("a consistency rule needs 'pairs' or 'groups'", ())
        self.sides: tuple[str, ...] = values["sides"]
        width = len(self.sides) or None
        entries: list[tuple[str, Any]] = []
        seen: dict[str, tuple] = {}
        self.group_names: list[str] = []
        self.rows_shown: list[str] = []
        for gi, (name, rows) in enumerate(rows_by_group):
            self.group_names.append(name)
            for row, where in rows:
                if width is None:
                    width = len(row)
                if len(row) != width:
                    raise spec.fail(f"row has {len(row)} forms but there are {width} columns", *where)
                neutral = [form.startswith("~") for form in row]
                if all(neutral):
                    raise spec.fail("every form in this row is marked ~", *where)
                expanded = [expand(form.lstrip("~")) for form in row]
                counts = {len(e) for e in expanded}
                if len(counts) != 1:
                    raise spec.fail(
                        "the forms of this row expand to different numbers of words: "
                        + ", ".join(f"{row[c]!r} → {len(e)}" for c, e in enumerate(expanded)),
                        *where,
                    )
                self.rows_shown.append(" / ".join(row))
                for k in range(counts.pop()):
                    forms = tuple(e[k] for e in expanded)
                    for col, form in enumerate(forms):
                        if neutral[col]:
                            continue
                        key = form.lower() if self.ignore_case else form
                        if key in seen:
                            raise spec.fail(f"{form!r} is listed twice", *where)
                        if forms.count(form) > 1:
                            raise spec.fail(f"{form!r} appears in two columns of one row", *where)
                        seen[key] = where
                        entries.append((form, (gi, col, forms)))
        self.width = width or 2
        self.matcher = Matcher(Lexicon(entries, self.ignore_case), [])

    def side_name(self, col: int, forms: tuple[str, ...]) -> str:
        return self.sides[col] if col < len(self.sides) else f"'{forms[col]}'"

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        by_group: dict[int, list[Any]] = {}
        for hit in self.hits(doc, opts, self.matcher):
            by_group.setdefault(hit.payload[0], []).append(hit)
        for hits in by_group.values():
            counts = [0] * self.width
            first_seen = [len(hits)] * self.width
            for i, hit in enumerate(hits):
                col = hit.payload[1]
                counts[col] += 1
                first_seen[col] = min(first_seen[col], i)
            used = [c for c in range(self.width) if counts[c]]
            if len(used) < 2:
                continue
            winner = max(used, key=lambda c: (counts[c], -first_seen[c]))
            for hit in hits:
                _, col, forms = hit.payload
                if col == winner:
                    continue
                suggestion = forms[winner]
                if self.ignore_case:
                    suggestion = match_case(suggestion, hit.text)
                message = render(self.message, {
                    "match": quote_match(hit.text),
                    "suggestion": suggestion,
                    "side": self.side_name(col, forms),
                    "majority": self.side_name(winner, forms),
                })
                yield hit.finding(message, make_fix(hit.span(), suggestion, "unsafe", f"Replace with '{suggestion}'"))

    def details(self) -> list[str]:
        out = []
        if self.sides:
            out.append(f"Columns: {', '.join(self.sides)}.")
        groups = [g for g in self.group_names if not g.startswith("pair:")]
        if groups:
            out.append(f"Groups (each one choice per article): {', '.join(groups)}.")
        out.append(f"Forms: {short_list(self.rows_shown, 10)}.")
        out.append("A form marked `~` is also correct on the other side: it is never reported, only suggested.")
        return out

    def fix_safety(self) -> str:
        return ("The fix replaces each minority form with its counterpart from the majority column. "
                "It is unsafe: a name or a quotation may need the other form (add it to `exceptions`).")
