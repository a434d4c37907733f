"""date-format: dates written in mixed styles or against the house style."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from ...document import Block, Document
from ...text.dates import (
    AP_MONTH_ABBR,
    HOUSE_STYLES,
    MONTHS,
    DateMention,
    DateStyle,
    is_abbreviated,
    month_as,
    render,
    spell,
    weekday_of,
)
from ...text.patterns import lazy
from ...text.quoting import quoted
from ..base import Finding, Severity, rule
from .options import SECTION, DatesOptions
from .view import DocDates, _is_dateline, _replace_fix, _span, doc_dates

_ORDER_WORD = {"md": "month-day", "dm": "day-month"}


def _order(d: DateMention) -> str | None:
    if d.kind in ("md", "dm"):
        return d.kind
    if d.kind == "numeric" and len(d.readings) == 1:
        return "md" if d.readings[0] == (d.raw_parts[0], d.raw_parts[1]) else "dm"
    return None


def _naming_fits(d: DateMention) -> tuple[str, ...]:
    """Naming schemes (ap, full, abbr) whose choice of spelled-out or abbreviated month
    this date follows. The form of an abbreviation ("Sep" or "Sept.") is judged apart."""
    return _naming_fits_of(d.month, d.month_text, d.end_month, d.end_month_text, d.day is not None)


@lru_cache(maxsize=1024)
def _naming_fits_of(
    month: int | None, text: str, end_month: int | None, end_text: str, with_day: bool
) -> tuple[str, ...]:
    # Kept per month as written: an article writes its few months the same way many times.
    out = {"ap", "full", "abbr"}
    for m, t in ((month, text), (end_month, end_text)):
        if not t or m is None or m == 5:
            continue
        if not with_day:
            fits = {"abbr"} if is_abbreviated(m, t) else {"ap", "full", "abbr"}
        elif is_abbreviated(m, t):
            fits = {"abbr", "ap"} if m in AP_MONTH_ABBR else {"abbr"}
        else:
            fits = {"full"} if m in AP_MONTH_ABBR else {"full", "ap"}
        out &= fits
    return tuple(sorted(out))


def _majority(values: list, prefer: tuple = ()) -> object | None:
    """Most common value; ties go to ``prefer`` order, then to the first written."""
    if not values:
        return None
    counts = Counter(values)
    top = max(counts.values())
    tied = [v for v in counts if counts[v] == top]
    for p in prefer:
        if p in tied:
            return p
    return next(v for v in values if v in tied)


def _profile(items: list[DateMention]) -> DateStyle:
    # One pass over the dates collects every choice the article makes, in the order written
    # (ties in _majority go to the first written).
    orders: list[str] = []
    schemes = {"ap": 0, "full": 0, "abbr": 0}
    abbrs: list[tuple[int, str]] = []  # every abbreviated month but May, as written
    dotted: list[bool] = []  # whether each abbreviated first month has its period
    ordinals: list[bool] = []
    dm_commas: list[bool] = []
    for d in items:
        kind = d.kind
        if kind == "md" or kind == "dm":
            orders.append(kind)
            ordinals.append(d.ordinal)
            if kind == "dm" and d.year is not None:
                dm_commas.append(d.year_comma)
        elif (o := _order(d)) is not None:
            orders.append(o)
        if d.month_text:
            for scheme in _naming_fits(d):
                schemes[scheme] += 1
        m, t = d.month, d.month_text
        if t and m is not None and m != 5 and is_abbreviated(m, t):
            abbrs.append((m, t))
            if not d.dot_unknown:
                dotted.append(t.endswith("."))
        m, t = d.end_month, d.end_month_text
        if t and m is not None and m != 5 and is_abbreviated(m, t):
            abbrs.append((m, t))
    order = _majority(orders) or "md"
    top = max(schemes.values())
    naming = next(s for s in ("ap", "full", "abbr") if schemes[s] == top)  # "ap" when none
    abbr_dot = _majority(dotted, prefer=(True,))
    septs = [t.rstrip(".").title() for m, t in abbrs if m == 9]
    sept = _majority(septs, prefer=("Sept",) if naming == "ap" else ()) or "Sept"
    ordinal = _majority(ordinals, prefer=(False,))
    return DateStyle(
        order=order,
        naming=naming,
        abbr_dot=True if abbr_dot is None else abbr_dot,
        ordinals=bool(ordinal),
        year_comma=True if order == "md" else bool(_majority(dm_commas, prefer=(False,))),
        keep_of=True,
        sept=sept,
    )


def _reasons(d: DateMention, want: DateStyle, new: str) -> str:
    if d.kind == "numeric":
        return "is a numeric date"
    if d.kind == "iso":
        return "is an ISO date"
    if want.order == "iso":
        return "is written out"
    out = []
    if d.kind in ("md", "dm") and d.kind != want.order:
        out.append(f"is {_ORDER_WORD[d.kind]}")
    written = d.month_text
    wanted = month_as(d.month, written, want, with_day=d.day is not None)
    if d.dot_unknown and wanted.endswith("."):
        wanted = wanted[:-1]
    if written and written != wanted:
        if written.rstrip(".") == wanted.rstrip("."):
            out.append(
                f"has no period after {quoted(written)}"
                if wanted.endswith(".")
                else f"has a period after {quoted(written.rstrip('.'))}"
            )
        elif written == MONTHS[d.month - 1]:
            out.append("spells out the month")
        elif wanted == MONTHS[d.month - 1]:
            out.append(f"abbreviates the month ({quoted(written)})")
        else:
            out.append(f"writes the month as {quoted(written)}")
    if d.kind in ("md", "dm") and d.ordinal != want.ordinals:
        out.append("has an ordinal" if d.ordinal else "has no ordinal")
    if d.year is not None and d.kind in ("md", "dm") and d.kind == want.order and d.year_comma != want.year_comma:
        out.append("has a comma before the year" if d.year_comma else "has no comma before the year")
    if d.kind == "my" and d.year_comma:
        out.append("has a comma between month and year")
    if d.kind == "my" and d.of and not want.keep_of:
        out.append("has 'of' before the year")
    return " and ".join(out) or "is written differently"


@rule(
    "date-format",
    family="dates",
    summary="Dates written in mixed styles or against the house style",
    severity=Severity.WARNING,
    section=SECTION,
    fix="sometimes",
)
def date_format(doc: Document, opts: DatesOptions) -> Iterator[Finding]:
    """## What it does
    Reports a date written differently from the article's other dates (month-day against
    day-month, a spelled-out month among abbreviated ones, an ordinal among plain days), or,
    when `style` names a house style, any date that does not follow it. Consistency is
    judged the way a style guide judges it: under AP style "Nov. 13" and "March 3" agree,
    because AP abbreviates only Jan., Feb., Aug., Sept., Oct., Nov. and Dec. before a day.
    A numeric date such as 04/05/2026 is always reported: US readers see April 5, UK
    readers see 4 May.

    ## Why is this bad?
    Mixed styles look careless and slow readers down; an all-numeric date can be read as two
    different days, and readers on the other side of the Atlantic will get it wrong.

    ## Example
    ```markdown
    The board met on March 3 and will meet again on 14 April.
    ```

    Use instead:
    ```markdown
    The board met on March 3 and will meet again on April 14.
    ```

    ## Options
    - `style`
    - `ambiguous_numeric`
    - `check_tables`

    ## Fix safety
    The fix rewrites the date in the article's (or the house) style. It is unsafe: an
    editor should confirm the rewritten date, especially when a numeric date is resolved.
    """
    if not doc.is_english:
        return  # day-month numeric dates are the norm there, and month names are English
    dd = doc_dates(doc, opts)
    per_block: dict[int, tuple[Block, list[DateMention]]] = {}
    for b, d in dd.mentions:
        per_block.setdefault(id(b), (b, []))[1].append(d)
    datelines = {k for k, (b, ds) in per_block.items() if _is_dateline(b, ds)}
    items = [
        (b, d)
        for b, d in dd.mentions
        if d.month is not None
        and not d.upper
        and not b.in_quote
        and id(b) not in datelines
        and not _machine_stamp(b.text.text, d)
        and not _stamped(b.text.text, d)
    ]
    if opts.ambiguous_numeric:
        yield from _ambiguous(doc, dd, items, opts)
    checked = [
        (b, d)
        for b, d in items
        if (opts.check_tables or (b.kind != "table_cell" and "table" not in b.container))
        and d.valid
        and not d.ambiguous
    ]
    if opts.style == "auto":
        written = [(b, d) for b, d in checked if d.kind in ("md", "dm", "my", "numeric")]
        if len(written) < 2:
            return
        want = _profile([d for _, d in written])
        house = _house_form(want)
        # As many dates spell the month out as abbreviate it: the article has no naming
        # style to follow, so a date is only judged on what else it does differently.
        undecided = _naming_undecided([d for _, d in written])
        judged = [_as_judged(d, want, undecided) for _, d in written]
        renders = [render(d, st) for (_, d), st in zip(written, judged)]  # each date in the article's style
        consistent = [d for (_, d), new in zip(written, renders) if d.kind != "numeric" and new == _plain(d.text)]
        examples: dict[tuple, DateMention | None] = {}
        for (b, d), new, st in zip(written, renders, judged):
            if d.kind == "numeric":
                if _order(d) == want.order:
                    continue
                reason = f"is {'day/month' if _order(d) == 'dm' else 'month/day'}"
                new = render(d, house)
            else:
                if new is None or new == _plain(d.text):
                    continue
                reason = _reasons(d, st, new)
                new = render(d, house._replace(naming=st.naming) if undecided else house) or new
                new = _keep_spaces(d.text, new)
            example = _example(consistent, d, want, examples)
            ex = f" (e.g. {quoted(example.text)})" if example else ""
            yield _style_finding(
                doc, b, d, new, f"Date {quoted(d.text)} {reason}, unlike this article's other dates{ex}"
            )
        return
    want = HOUSE_STYLES[opts.style]
    label = opts.style.upper()
    for b, d in checked:
        if opts.style == "iso" and d.kind == "iso":
            continue
        new = render(d, want)
        if new is not None and new == _plain(d.text):
            continue
        if new is not None:
            new = _keep_spaces(d.text, new)
        reason = _reasons(d, want, new or "")
        if new is None:
            yield Finding(
                _span(b, d.start, d.end),
                f"Date {quoted(d.text)} {reason}; {label} style needs a full date (YYYY-MM-DD)",
            )
            continue
        yield _style_finding(
            doc, b, d, new, f"Date {quoted(d.text)} {reason}; {label} style writes {quoted(new)}", plain=True
        )


def _naming_undecided(items: list[DateMention]) -> bool:
    """Do as many dates spell their month out as abbreviate it ("October 7" once, "Oct 24-26"
    once)? Then a tie-break, not the article, would choose which to rewrite."""
    schemes = {"ap": 0, "full": 0, "abbr": 0}
    for d in items:
        if d.month_text:
            for scheme in _naming_fits(d):
                schemes[scheme] += 1
    top = max(schemes.values())
    tied = [s for s, n in schemes.items() if n == top]
    return top > 0 and "full" in tied and len(tied) > 1


def _as_judged(d: DateMention, want: DateStyle, naming_undecided: bool = False) -> DateStyle:
    """The article's style as ``d`` is judged against it. Style guides do not write ordinals
    or a comma between a day-month date and its year, so an article that mostly does is not
    "mixed" when a date leaves them out: only their presence against the article's absence
    is reported. With the month naming undecided, ``d`` keeps its own."""
    naming = want.naming
    if naming_undecided and d.month_text:
        fits = _naming_fits(d)
        if fits and naming not in fits:
            naming = fits[0]
    return want._replace(
        ordinals=d.ordinal and want.ordinals,
        year_comma=want.year_comma if want.order == "md" else (d.year_comma and want.year_comma),
        naming=naming,
    )


def _house_form(want: DateStyle) -> DateStyle:
    """How a fix writes a date in the article's style: its order and month names, without
    ordinals ("March 5", "5 March") and without a comma before the year of a day-month date
    ("31 December 2013"); a day-month date spells its month out unless the article
    abbreviates months ("31 Dec 2013" only in an article that writes "22 Mar")."""
    naming = "full" if want.order == "dm" and want.naming == "ap" else want.naming
    return want._replace(ordinals=False, year_comma=want.order == "md", naming=naming)


_MACHINE_CLOCK = lazy(r"[ \t\u00a0T]*\d{1,2}:\d{2}:\d{2}\b")


def _machine_stamp(text: str, d: DateMention) -> bool:
    """A date printed by a program ("Wed Jun 06 15:00:00 UTC 2012", "06 Jun 2012 15:00:00
    +0000"): a clock with seconds follows it. People do not write seconds in prose, and
    such a stamp is copied as the program wrote it."""
    return bool(_MACHINE_CLOCK.match(text, d.end))


# A template's stamp or a citation's access date inside a line: "(Published Monday, Nov. 18,
# 2019)", "Price guides updated November 20th", "retrieved 20 November 2019". The format is
# the template's or the citation style's, not the writer's.
_STAMP_BEFORE = lazy(
    r"(?:(?:^|[(|•·—–\[])\s*(?i:published|updated|posted|modified|last edited)"
    r"|\b(?i:retrieved|accessed|archived))"
    r"(?:\s+(?i:on|from the original on))?[\s\u00a0:]*(?:[A-Z][a-z]{2,8}day,?[\s\u00a0]+)?$"
)


def _stamped(text: str, d: DateMention) -> bool:
    start = d.weekday_start if 0 <= d.weekday_start < d.start else d.start
    window = text[max(0, start - 40) : start]
    if start > 40:
        window = "\x00" + window  # not the start of the block: "^" must not match
    return bool(_STAMP_BEFORE.search(window))


def _example(
    consistent: list[DateMention], d: DateMention, want: DateStyle, memo: dict[tuple, DateMention | None] | None = None
) -> DateMention | None:
    """A date written the article's way that shows what ``d`` does differently.

    The choice depends on ``d`` only through a few facts (its order, whether the house
    would abbreviate its month, its ordinal), so ``memo`` keeps it per combination: an
    article with thousands of dates is not scored date by date against every other."""
    order_matters = d.kind in ("md", "dm")
    abbreviated = None  # how the house writes d's month, when d has a month and a day
    if d.month_text and d.day is not None:
        abbreviated = is_abbreviated(d.month, month_as(d.month, d.month_text, want))
    ordinal_off = d.ordinal != want.ordinals
    key = (order_matters, abbreviated, ordinal_off)
    if memo is not None and key in memo:
        return memo[key]

    def score(x: DateMention) -> int:
        points = 0
        if x.day is not None and x.month != 5:
            points += 1
        if order_matters and x.kind == want.order:
            points += 1
        if (
            abbreviated is not None
            and x.month_text
            and x.month != 5
            and x.day is not None
            and is_abbreviated(x.month, x.month_text) == abbreviated
        ):
            points += 2
        if ordinal_off and x.day is not None:
            points += 1
        return points

    best = max(consistent, key=score, default=None)
    if memo is not None:
        memo[key] = best
    return best


def _plain(text: str) -> str:
    return text.replace("\u00a0", " ")


def _keep_spaces(written: str, new: str) -> str:
    """Keep a no-break space the writer put inside the date ("Aug.\u00a09")."""
    if "\u00a0" in written and " " in new:
        return new.replace(" ", "\u00a0", written.count("\u00a0"))
    return new


def _style_finding(
    doc: Document, b: Block, d: DateMention, new: str | None, message: str, plain: bool = False
) -> Finding:
    span = _span(b, d.start, d.end)
    fix = None
    if new is not None and new != d.text:
        fix = _replace_fix(doc, b, d.start, d.end, new, f"Write {quoted(new)}", span)
        if not plain:
            message += f"; write {quoted(new)}"
    return Finding(span, message, fix=fix)


def _declared_region(doc: Document) -> str | None:
    """ "us" or "uk" when the article's English variety is declared (front matter, <html lang>,
    the site's or edlint's config): writers in that variety mean its reading of 03/05."""
    if not doc.variety_known:
        return None
    lang = doc.language.lower().replace("_", "-")
    if lang in ("en-us", "en-ph"):
        return "us"
    if lang[:3] == "en-" and lang != "en-ca":  # Canada writes both orders
        return "uk"
    return None


def _ambiguous(doc: Document, dd: DocDates, items: list, opts: DatesOptions) -> Iterator[Finding]:
    for b, d in items:
        if not d.ambiguous:
            continue
        (m1, d1), (m2, d2) = d.readings
        us, uk = spell(d.year, m1, d1, "us"), spell(d.year, m2, d2, "uk")
        message = f"Numeric date {quoted(d.text)} is ambiguous: {us} (US) or {uk} (UK)"
        pick: tuple[int, int] | None = None
        if d.weekday is not None:
            fits = [r for r in d.readings if weekday_of(d.year, r[0], r[1]) == d.weekday]
            if len(fits) == 1:
                pick = fits[0]
                message += f"; {quoted(d.weekday_text)} fits {spell(d.year, pick[0], pick[1], 'us' if pick == d.readings[0] else 'uk')}"
        region = _declared_region(doc) if opts.style == "auto" else None
        if opts.style in ("ap", "us") or region == "us":
            pick = pick or d.readings[0]
        elif opts.style == "uk" or region == "uk":
            pick = pick or d.readings[1]
        fix = None
        if pick is not None:
            style = HOUSE_STYLES[opts.style] if opts.style != "auto" else HOUSE_STYLES[region or "ap"]
            if opts.style == "auto":
                others = [x for _, x in dd.mentions if x.kind in ("md", "dm") and x.valid]
                if others:
                    style = _house_form(_profile(others))
            resolved = d._replace(kind="md", month=pick[0], day=pick[1], readings=(pick,))
            new = render(resolved, style)
            if new:
                fix = _replace_fix(doc, b, d.start, d.end, new, f"Write {quoted(new)}")
        yield Finding(_span(b, d.start, d.end), message, fix=fix)
