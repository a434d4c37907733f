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

from collections.abc import Iterator
from typing import Any

from ...document import Document
from ...text.page_chrome import chrome_texts
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
from .lexicon import Lexicon, expand
from .spec import Field, Spec, read_bool, read_str_list


def read_rows(value: Any, spec: Spec, keys: tuple) -> tuple[tuple[tuple[str, ...], tuple], ...]:
    """A list of rows (each a list of 2+ forms), with each row's key path for errors."""
    if not isinstance(value, list):
        raise spec.fail(f"{keys[-1]!r} must be a list of [form, form] rows", *keys)
    out = []
    for i, row in enumerate(value):
        where = (*keys, i)
        if not isinstance(row, list) or len(row) < 2:
            raise spec.fail("each row must list two or more forms, e.g. [e-mail, email]", *where)
        out.append((read_str_list(row, spec, where), where))
    return tuple(out)


def read_varieties(value: Any, spec: Spec, keys: tuple) -> dict[str, dict[str, str]]:
    """``{group: {side: [language tags]}}`` -> ``{group: {tag: side}}`` (tags lower-cased)."""
    if not isinstance(value, dict):
        raise spec.fail("'varieties' must map group names to {side: [language tags]}", *keys)
    out: dict[str, dict[str, str]] = {}
    for group, sides in value.items():
        where = (*keys, group)
        if not isinstance(sides, dict):
            raise spec.fail("each group maps side names to lists of language tags, e.g. {US: [en-US]}", *where)
        tags: dict[str, str] = {}
        for side, langs in sides.items():
            for tag in read_str_list(langs, spec, (*where, side)):
                tags[tag.lower().replace("_", "-")] = str(side)
        out[str(group)] = tags
    return out


# Lower-case words that may sit inside a name: "Ministry of Defence", "Centre for Policy Studies".
_NAME_JOINERS = frozenset({"of", "for", "the", "and", "on", "de", "du", "la", "&"})


def _word_after(text: str, end: int) -> str:
    i = end
    while i < len(text) and text[i] in " \t\n\u00a0":
        i += 1
    j = i
    while j < len(text) and (text[j].isalnum() or text[j] in "'’&-"):
        j += 1
    return text[i:j]


# What may stand between a sentence's end and its first word: spaces, opening quotes and
# brackets, list bullets and emphasis left over from markup.
_LEAD_IN = " \t\n\u00a0\"“‘'([*_>•"
# A capital after these starts a sentence (or a clause written as one).
_SENTENCE_ENDS = ".!?:;…"


def starts_sentence(text: str, start: int) -> bool:
    """Is the word at ``text[start:]`` the first word of its sentence (or of the text)?
    "A Spectre attack", "Then, Spectre was disclosed": no; "… ended. Colour matters": yes."""
    i = start
    while i > 0 and text[i - 1] in _LEAD_IN:
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_ENDS


def in_name(text: str, start: int, end: int, heading: bool = False) -> bool:
    """Is the capitalised word at ``text[start:end]`` part of a name ("Labour Party",
    "Ministry of Defence", "Shoreline Amphitheatre", "a Spectre attack") rather than the
    article's own spelling? Names keep their spelling whatever the article's variety.
    A capital that opens a sentence says nothing by itself (see :func:`name_forms`)."""
    word = text[start:end]
    if not word[:1].isupper():
        return False
    if heading:
        return True  # Title Case headings capitalise every word: nothing there is a vote
    if len(word) > 1 and word.isupper():
        return True  # an acronym or a shouted label ("SPECTRE", "COLOUR TV")
    after = _word_after(text, end)
    while after.lower() in _NAME_JOINERS and after:
        nxt = text.find(after, end) + len(after)
        end, after = nxt, _word_after(text, nxt)
    if after[:1].isupper():
        return True  # "Labour Party", "Centre for Policy Studies"
    # Capitalised mid-sentence: a name ("voted Labour", "the Defence Secretary", "a Spectre
    # attack"); at a sentence's start the capital is the sentence's.
    return not starts_sentence(text, start)


def _without_names(hits: list[Any]) -> list[Any]:
    """The hits that are the article's own spelling: not inside a name, and not a capitalised
    form the article uses as a name elsewhere ("Spectre" opening a sentence in a story about
    the Spectre flaw is the name, not the British "spectre")."""
    named: set[str] = set()
    keep: list[Any] = []
    openers: list[Any] = []
    for hit in hits:
        text, start, end = hit.unit.string, hit.start, hit.end
        if in_name(text, start, end, hit.unit.kind == "heading"):
            if hit.unit.kind != "heading":
                named.add(text[start:end].lower())
            continue
        if text[start : start + 1].isupper():
            openers.append(hit)
        keep.append(hit)
    if not named or not openers:
        return keep
    dropped = {id(h) for h in openers if h.text.lower() in named}
    return [h for h in keep if id(h) not in dropped]


def read_groups(value: Any, spec: Spec, keys: tuple) -> tuple[tuple[str, tuple], ...]:
    if not isinstance(value, dict):
        raise spec.fail("'groups' must map group names to lists of rows", *keys)
    return tuple((str(name), read_rows(rows, spec, (*keys, name))) for name, rows in value.items())


class Consistency(CheckType):
    NAME = "consistency"
    FIELDS = {
        # Each row is its own choice: [e-mail, email].
        "pairs": Field(read_rows, (), doc="Rows of forms, each row its own choice."),
        # Each named group of rows is one choice for the whole article (all US or all UK).
        "groups": Field(read_groups, (), doc="Named lists of rows; each group is one choice."),
        # Names of the columns, for messages ({side}, {majority}).
        "sides": Field(read_str_list, (), doc="Names of the columns, e.g. [US, UK]."),
        # When the article's language variety is declared (front matter, <html lang>, the
        # site's config, edlint's `language`), it decides these groups instead of the count.
        "varieties": Field(
            read_varieties, dict, doc="{group: {side: [language tags]}}: a declared language picks the side."
        ),
        # Capitalised words inside names ("Ministry of Defence") never count and are never
        # reported (default true).
        "skip_names": Field(read_bool, True, doc="Leave capitalised names alone (default true)."),
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
        self.skip_names: bool = values["skip_names"]
        self.varieties: dict[str, dict[str, str]] = values["varieties"]
        known_groups = {name for name, _ in values["groups"]}
        for group, tags in self.varieties.items():
            if group not in known_groups:
                raise spec.fail(f"'varieties' names a group that does not exist: {group!r}", "varieties", group)
            for side in set(tags.values()):
                if side not in self.sides:
                    raise spec.fail(f"'varieties' names a side that is not in 'sides': {side!r}", "varieties", group)
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

    def declared_side(self, doc: Document, group: int) -> int | None:
        """The column the article's declared language variety picks for ``group``."""
        if not self.varieties or not doc.variety_known:
            return None
        tags = self.varieties.get(self.group_names[group])
        if not tags:
            return None
        lang = doc.language.lower().replace("_", "-")
        side = tags.get(lang)
        if side is None:
            return None
        return self.sides.index(side)

    def check(self, doc: Document, opts: PackRuleOptions) -> Iterator[Finding]:
        by_group: dict[int, list[Any]] = {}
        hits = list(self.hits(doc, opts, self.matcher))
        if not hits:
            return
        chrome = chrome_texts(doc)
        if chrome:
            # A cookie banner, a footer or a sidebar is the site's text, not the article's.
            hits = [h for h in hits if id(h.unit.text) not in chrome]
        if self.skip_names:
            hits = _without_names(hits)
        for hit in hits:
            by_group.setdefault(hit.payload[0], []).append(hit)
        for group, hits in by_group.items():
            declared = self.declared_side(doc, group)
            if declared is not None:
                yield from self._report(hits, declared, doc.language)
                continue
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
            yield from self._report(hits, winner, None)

    def _report(self, hits: list[Any], winner: int, language: str | None) -> Iterator[Finding]:
        """Every hit not in column ``winner``; ``language``: the declared variety that chose it."""
        for hit in hits:
            _, col, forms = hit.payload
            if col == winner:
                continue
            suggestion = forms[winner]
            if self.ignore_case:
                suggestion = match_case(suggestion, hit.text)
            values = {
                "match": quote_match(hit.text),
                "suggestion": suggestion,
                "side": self.side_name(col, forms),
                "majority": self.side_name(winner, forms),
            }
            if language is None:
                message = render(self.message, values)
            else:
                message = (
                    f"'{values['match']}' is {values['side']} spelling; the article's language "
                    f"({language}) calls for {values['majority']} spelling ('{suggestion}')"
                )
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
        return (
            "The fix replaces each minority form with its counterpart from the majority column. "
            "It is unsafe: a name or a quotation may need the other form (add it to `exceptions`)."
        )
