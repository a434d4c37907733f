"""One self-contained HTML page for editors: each article with its findings highlighted in
place and listed beside it, severity colours, and the rules' explanations.

No script, no external asset, no network: the styles are inline and a Content-Security-
Policy forbids scripts, so nothing in an article can run even if it slipped through; and
everything taken from articles, messages and rule docs is escaped. Long articles scroll
inside their own pane, with line numbers and links both ways between a highlight and its
entry in the list. Files without findings are only listed.

Context keys used (all optional): ``registry`` (rule docs), ``files`` (paths linted, in
order), ``sources`` (path -> text, when the text is not the file on disk, e.g. stdin),
``read_roots`` and ``max_file_sizes`` (articles are read as the lint read them: reading.py).
"""

from __future__ import annotations

import re
from html import escape
from typing import Any

from .. import __version__
from ..document import LineIndex
from . import printable, summary_line

_RANK = {"info": 1, "warning": 2, "error": 3}
_LABEL = {"error": "Error", "warning": "Warning", "info": "Info"}

_CSS = """
:root { --error: #b3261e; --error-bg: #fde0dc; --warning: #8a5300; --warning-bg: #ffe9b3;
  --info: #0b57d0; --info-bg: #dce8fc; --muted: #5f6368; --line: #e0e0e0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1f1f1f; background: #f6f6f4; }
header.top { padding: 1rem 1.5rem; background: #fff; border-bottom: 1px solid var(--line); }
h1 { margin: 0 0 .25rem; font-size: 1.4rem; }
h2 { font-size: 1.15rem; margin: 0; word-break: break-all; }
.summary { margin: 0; color: var(--muted); }
main { padding: 1rem 1.5rem 3rem; }
nav.toc summary { cursor: pointer; margin-top: .5rem; font-weight: 600; }
nav.toc ul { list-style: none; padding: 0; margin: .5rem 0 0; columns: 2 22rem; }
nav.toc li { margin: .1rem 0; break-inside: avoid; }
nav.toc a { word-break: break-all; }
.count { display: inline-block; min-width: 1.6em; padding: 0 .35em; border-radius: .8em;
  font-size: .8rem; font-weight: 600; text-align: center; }
.count.error, .badge.error { background: var(--error); color: #fff; }
.count.warning, .badge.warning { background: var(--warning); color: #fff; }
.count.info, .badge.info { background: var(--info); color: #fff; }
section.article { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  margin: 1.25rem 0; }
section.article > header { padding: .6rem 1rem; border-bottom: 1px solid var(--line);
  display: flex; gap: .75rem; align-items: baseline; flex-wrap: wrap; }
.panes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); }
@media (max-width: 60rem) { .panes { grid-template-columns: 1fr; } }
.source { max-height: 80vh; overflow: auto; border-right: 1px solid var(--line);
  font: 13px/1.55 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.line { display: flex; }
.ln { flex: none; width: 3.5em; padding-right: .6em; text-align: right; color: #9aa0a6;
  user-select: none; background: #fafafa; border-right: 1px solid var(--line); }
.tx { flex: 1; padding: 0 .75rem; white-space: pre-wrap; overflow-wrap: anywhere; min-width: 0; }
.line.hit .ln { color: #1f1f1f; font-weight: 600; }
mark { color: inherit; border-radius: 2px; padding: 0; }
mark.error { background: var(--error-bg); text-decoration: underline wavy var(--error); }
mark.warning { background: var(--warning-bg); text-decoration: underline wavy var(--warning); }
mark.info { background: var(--info-bg); text-decoration: underline dotted var(--info); }
mark.point { display: inline-block; width: 0; height: 1.1em; vertical-align: text-bottom;
  border-left: 3px solid var(--warning); background: none; text-decoration: none; }
mark.point.error { border-color: var(--error); }
mark.point.info { border-color: var(--info); }
sup.ref { font: 600 10px/1 system-ui, sans-serif; margin: 0 1px; }
sup.ref a { text-decoration: none; padding: 0 2px; border-radius: 3px; color: #fff; }
sup.ref a.error { background: var(--error); } sup.ref a.warning { background: var(--warning); }
sup.ref a.info { background: var(--info); }
.findings { max-height: 80vh; overflow: auto; }
.findings ol { list-style: none; margin: 0; padding: 0; }
.finding { padding: .55rem 1rem; border-bottom: 1px solid var(--line);
  border-left: 4px solid transparent; }
.finding.error { border-left-color: var(--error); }
.finding.warning { border-left-color: var(--warning); }
.finding.info { border-left-color: var(--info); }
.finding:target, .anchor:target + mark { outline: 2px solid #1f1f1f; }
.finding .where { font-size: .85rem; color: var(--muted); }
.badge { font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .03em;
  padding: .05rem .4rem; border-radius: 3px; }
.rule { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; }
.msg { margin: .2rem 0 0; overflow-wrap: anywhere; }
.why { margin: .15rem 0 0; font-size: .85rem; color: var(--muted); }
.fix { margin: .2rem 0 0; font-size: .85rem; overflow-wrap: anywhere; }
.fix code { background: #f1f3f4; padding: 0 .2em; }
.gap { padding: .2rem 1rem; color: var(--muted); background: #f1f3f4; font-style: italic;
  font-family: system-ui, sans-serif; font-size: .8rem; }
.ctl { color: var(--error); background: #f1f3f4; font-size: .85em; }
.elided { color: var(--muted); background: #f1f3f4; font-style: italic; }
.nosource { padding: .75rem 1rem; color: var(--muted); }
section.rules article { background: #fff; border: 1px solid var(--line); border-radius: 6px;
  padding: .6rem 1rem; margin: .75rem 0; }
section.rules h3 { margin: 0; font-size: 1rem; font-family: ui-monospace, Menlo, monospace; }
section.rules .doc h2, section.rules .doc h3 { font-size: .95rem; margin: .9rem 0 .3rem; }
section.rules pre { background: #f6f8fa; padding: .5rem .75rem; overflow: auto; font-size: 13px; }
.clean { color: var(--muted); }
@media print { .source, .findings { max-height: none; overflow: visible; } }
"""

TOC_OPEN = 25  # more files than this: the list of files starts collapsed

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _e(text: Any) -> str:
    """A name, message or note: one line, controls and bidi overrides written out."""
    return escape(printable(text), quote=True)


_SOURCE_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _src(text: str) -> str:
    """Article text: tabs and line breaks kept, but controls and bidi overrides shown as
    marks rather than obeyed, so the text reads in the order it is stored."""
    if not _SOURCE_UNSAFE.search(text):
        return escape(text, quote=True)
    out, pos = [], 0
    for m in _SOURCE_UNSAFE.finditer(text):
        out.append(escape(text[pos : m.start()], quote=True))
        out.append(f'<span class="ctl">{escape(printable(m.group()))}</span>')
        pos = m.end()
    out.append(escape(text[pos:], quote=True))
    return "".join(out)


def _source_for(path: str, context: dict[str, Any]) -> str | None:
    sources = context.get("sources") or {}
    if path in sources:
        return sources[path]
    from ..reading import read_text

    # As the lint read it: inside the linted root, bounded, never from .git (a committed
    # symlink to /etc/passwd or .git/config must not end up in an uploaded report).
    real_path = (context.get("real_paths") or {}).get(path, path)
    limit = (context.get("max_file_sizes") or {}).get(real_path)
    if limit is None:
        text, _, _ = read_text(real_path, roots=context.get("read_roots"))
    else:
        text, _, _ = read_text(real_path, limit, context.get("read_roots"))
    return text


def _render_doc(doc: str) -> str:
    """A rule's Markdown docs as HTML, with raw HTML in them escaped, not passed through."""
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover - markdown-it-py is a dependency
        return f"<pre>{_e(doc)}</pre>"
    md = MarkdownIt("commonmark", {"html": False})
    return md.render(doc)


class _Ids:
    def __init__(self, file_no: int) -> None:
        self.prefix = f"f{file_no}"

    def mark(self, i: int) -> str:
        return f"{self.prefix}-m{i}"

    def item(self, i: int) -> str:
        return f"{self.prefix}-i{i}"

    def line(self, n: int) -> str:
        return f"{self.prefix}-L{n}"


def _severity(f: Any) -> str:
    return str(f.severity) if str(f.severity) in _RANK else "warning"


# Past these sizes an article is folded: only the lines around findings are shown, and long
# runs of text without a finding (minified HTML) are cut in the middle.
FOLD_LINES = 400
FOLD_CHARS = 60_000
CONTEXT_LINES = 3
LONG_RUN = 600
KEEP = 200


def _highlighted(source: str, findings: list[Any], ids: _Ids) -> tuple[str, bool]:
    """The article's lines with each finding's span in a <mark> (overlaps: the most severe
    colour wins), an anchor where it starts and a numbered link to its entry where it ends.
    Returns the HTML and whether the text was folded."""
    n = len(source)
    lines = LineIndex(source)
    spans = []
    for i, f in enumerate(findings, 1):
        start = max(0, min(f.span.start, n))
        end = max(start, min(f.span.end, n))
        while end > start and source[end - 1] in "\r\n":
            end -= 1  # never highlight the line break itself
        spans.append((start, end, i, _severity(f)))
    # Where each line's content ends (before its line break).
    content_end = [lines.line_end(k, source) for k in range(lines.line_count)]
    points = set(lines.starts) | set(content_end) | {0, n}
    starts_at: dict[int, list[tuple[int, int, str]]] = {}
    ends_at: dict[int, list[tuple[int, int, str]]] = {}
    for start, end, i, sev in spans:
        points.add(start)
        points.add(end)
        starts_at.setdefault(start, []).append((i, end, sev))
        ends_at.setdefault(end, []).append((i, start, sev))
    ordered = sorted(points)
    line_starts = set(lines.starts)
    hit_lines = {lines.line_of(s) for s, _, _, _ in spans}
    fold = lines.line_count > FOLD_LINES or n > FOLD_CHARS
    shown: set[int] | None = None
    if fold:
        shown = set()
        for start, end, _, _ in spans:
            first, last = lines.line_of(start), lines.line_of(end)
            if last - first > 2 * CONTEXT_LINES:  # a long span: its ends are enough
                shown.update(range(first - CONTEXT_LINES, first + CONTEXT_LINES + 1))
                shown.update(range(last - CONTEXT_LINES, last + CONTEXT_LINES + 1))
            else:
                shown.update(range(first - CONTEXT_LINES, last + CONTEXT_LINES + 1))

    out: list[str] = []
    active: dict[int, str] = {}
    line_no = -1
    visible = True
    hidden_from = -1  # first line of the current run of hidden lines
    for k, p in enumerate(ordered):
        line_here = lines.line_of(p)
        if p == n and n > 0 and p in line_starts and p not in starts_at:
            break  # the empty "line" after a final line break
        if p == 0 or (p in line_starts and line_here != line_no):
            if line_no >= 0 and visible:
                out.append("</span></div>\n")
            line_no = line_here
            visible = shown is None or line_no in shown
            if visible:
                if hidden_from >= 0:
                    out.append(_gap(line_no - hidden_from))
                    hidden_from = -1
                cls = "line hit" if line_no in hit_lines else "line"
                out.append(
                    f'<div class="{cls}" id="{ids.line(line_no + 1)}"><span class="ln">{line_no + 1}</span>'
                    '<span class="tx">'
                )
            elif hidden_from < 0:
                hidden_from = line_no
        for i, start, sev in ends_at.get(p, ()):
            if start < p:
                active.pop(i, None)
                if visible:
                    out.append(f'<sup class="ref"><a class="{sev}" href="#{ids.item(i)}">{i}</a></sup>')
        for i, end, sev in sorted(starts_at.get(p, ())):
            if visible:
                out.append(f'<span class="anchor" id="{ids.mark(i)}"></span>')
            if end == p:
                if visible:
                    f = findings[i - 1]
                    out.append(f'<mark class="point {sev}" title="{_e(_title(f))}"></mark>')
                    out.append(f'<sup class="ref"><a class="{sev}" href="#{ids.item(i)}">{i}</a></sup>')
            else:
                active[i] = sev
        if k + 1 >= len(ordered):
            break
        q = ordered[k + 1]
        seg_end = min(q, content_end[line_here])
        if p >= seg_end or not visible:
            continue  # inside a line break, or a folded line
        if active:
            text = _src(source[p:seg_end])
            sev = max(active.values(), key=lambda s: _RANK[s])
            title = "\n".join(_title(findings[i - 1]) for i in sorted(active))
            out.append(f'<mark class="{sev}" title="{escape(title, quote=True)}">{text}</mark>')
        elif fold and seg_end - p > LONG_RUN:
            cut = seg_end - p - 2 * KEEP
            out.append(
                f'{_src(source[p : p + KEEP])}<span class="elided">[… {cut:,} characters …]</span>'
                f"{_src(source[seg_end - KEEP : seg_end])}"
            )
        else:
            out.append(_src(source[p:seg_end]))
    if line_no >= 0 and visible:
        out.append("</span></div>\n")
    if hidden_from >= 0:
        out.append(_gap(lines.line_count - hidden_from))
    return "".join(out), fold


def _gap(count: int) -> str:
    return f'<div class="gap">⋯ {count:,} line{"" if count == 1 else "s"} without findings not shown ⋯</div>\n'


def _title(f: Any) -> str:
    return printable(f"{f.line}:{f.column} {f.severity} {f.rule}: {f.message}")


def _counts(findings: list[Any]) -> str:
    counts = {"error": 0, "warning": 0, "info": 0}
    for f in findings:
        counts[_severity(f)] += 1
    return " ".join(f'<span class="count {k}" title="{_e(_LABEL[k])}">{v}</span>' for k, v in counts.items() if v)


def _finding_item(i: int, f: Any, ids: _Ids, registry: Any, has_source: bool) -> str:
    sev = _severity(f)
    rule = registry.get(f.rule) if registry is not None else None
    where = f"{f.line}:{f.column}"
    where_html = f'<a href="#{ids.mark(i)}">{_e(where)}</a>' if has_source else _e(where)
    parts = [
        f'<li class="finding {sev}" id="{ids.item(i)}">',
        f'<span class="where">{i}. line {where_html}</span> ',
        f'<span class="badge {sev}">{_e(sev)}</span> ',
        f'<a class="rule" href="#rule-{_e(f.rule)}">{_e(f.rule)}</a>',
        f'<p class="msg">{_e(f.message)}</p>',
    ]
    if rule is not None and rule.summary:
        parts.append(f'<p class="why">{_e(rule.summary)}</p>')
    if f.fix is not None:
        kind = f.fix.applicability.value
        how = {"safe": "applied by --fix", "unsafe": "applied by --fix --unsafe-fixes"}.get(kind, "suggestion only")
        replacements = ", ".join(f"<code>{_e(e.replacement)}</code>" for e in f.fix.edits[:3] if e.replacement)
        parts.append(
            f'<p class="fix">Fix ({_e(kind)}, {_e(how)}): {_e(f.fix.title)}'
            + (f" → {replacements}" if replacements else "")
            + "</p>"
        )
    parts.append("</li>")
    return "".join(parts)


def _article(file_no: int, path: str, findings: list[Any], context: dict[str, Any]) -> str:
    ids = _Ids(file_no)
    registry = context.get("registry")
    source = _source_for(path, context)
    has_source = source is not None and source != ""
    items = "\n".join(_finding_item(i, f, ids, registry, has_source) for i, f in enumerate(findings, 1))
    if has_source:
        assert source is not None
        text, folded = _highlighted(source, findings, ids)
        note = '<div class="gap">A long file: only the lines around its findings are shown.</div>\n' if folded else ""
        body = f'<div class="source" aria-label="Article text">\n{note}{text}</div>'
    else:
        body = '<div class="source nosource">The file could not be shown (unreadable, empty or not text).</div>'
    return (
        f'<section class="article" id="file-{file_no}">\n'
        f"<header><h2>{_e(path)}</h2> {_counts(findings)}</header>\n"
        f'<div class="panes">\n{body}\n'
        f'<aside class="findings" aria-label="Findings"><ol>\n{items}\n</ol></aside>\n'
        "</div>\n</section>\n"
    )


def _rules_section(rule_ids: list[str], registry: Any) -> str:
    if not rule_ids:
        return ""
    out = ['<section class="rules" id="rules">\n<h2>Rules</h2>']
    for rid in rule_ids:
        rule = registry.get(rid) if registry is not None else None
        out.append(f'<article id="rule-{_e(rid)}">')
        if rule is None:
            out.append(f"<h3>{_e(rid)}</h3></article>")
            continue
        fix = {"never": "no fix", "sometimes": "fix sometimes available", "always": "fix available"}.get(rule.fix, "")
        out.append(
            f"<h3>{_e(rid)}</h3>"
            f'<p class="why">{_e(rule.family)} · default severity '
            f'<span class="badge {_e(str(rule.severity))}">{_e(str(rule.severity))}</span> · {_e(fix)}</p>'
            f"<p>{_e(rule.summary)}</p>"
        )
        if rule.doc:
            out.append(
                "<details><summary>Explanation, example and options</summary>"
                f'<div class="doc">{_render_doc(rule.doc)}</div></details>'
            )
        out.append("</article>")
    out.append("</section>")
    return "\n".join(out) + "\n"


def render(result: Any, context: dict[str, Any]) -> str:
    from ..fileio import printable_path

    # Findings carry printable paths; the file is read under its real name.
    real = {printable_path(p): p for p in context.get("files") or []}
    context = {**context, "real_paths": real}
    files: list[str] = list(real)
    by_file: dict[str, list[Any]] = {}
    for f in result.findings:
        by_file.setdefault(f.path, []).append(f)
        if f.path not in files:
            files.append(f.path)
    with_findings = [p for p in files if by_file.get(p)]
    clean = [p for p in files if not by_file.get(p)]
    summary = summary_line(result)

    toc = "\n".join(
        f'<li><a href="#file-{n}">{_e(p)}</a> {_counts(by_file[p])}</li>' for n, p in enumerate(with_findings, 1)
    )
    articles = "".join(_article(n, p, by_file[p], context) for n, p in enumerate(with_findings, 1))
    clean_html = ""
    if clean:
        names = ", ".join(_e(p) for p in clean)
        clean_html = f'<section id="clean"><h2>Files without findings ({len(clean)})</h2><p class="clean">{names}</p></section>\n'
    rule_ids = sorted({f.rule for f in result.findings})
    notes = "".join(f'<p class="summary">{_e(m)}</p>' for m in getattr(result, "messages", []) or [])
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>edlint report: {_e(summary)}</title>\n"
        f"<style>{_CSS}</style>\n</head>\n<body>\n"
        '<header class="top">\n<h1>edlint report</h1>\n'
        f'<p class="summary" id="summary">{_e(summary)} · edlint {_e(__version__)}</p>\n{notes}'
        + (
            f'<nav class="toc" aria-label="Files"><details{" open" if len(with_findings) <= TOC_OPEN else ""}>'
            f"<summary>{len(with_findings)} file{'' if len(with_findings) == 1 else 's'} with findings</summary>"
            f"<ul>\n{toc}\n</ul></details></nav>\n"
            if toc
            else ""
        )
        + "</header>\n<main>\n"
        + articles
        + clean_html
        + _rules_section(rule_ids, context.get("registry"))
        + "</main>\n</body>\n</html>\n"
    )
