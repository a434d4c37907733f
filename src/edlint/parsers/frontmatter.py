"""Front matter: find it at the top of a file and load it, every top-level key with its
source span. YAML goes through the one hardened loader (:mod:`edlint.yaml_loader`: YAML 1.2
core scalars, alias and depth caps, no Python tags); TOML (``+++``) through tomllib;
Franklin.jl's ``@def key = value`` lines (the Julia site generator's page variables) read
as plain values, never evaluated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..document import MetaField, Span
from ..yaml_loader import compose_yaml, load_yaml, yaml  # noqa: F401 - load_yaml: the older import path


@dataclass
class FrontMatter:
    """The YAML front matter of a Markdown file: where it is and what it says."""

    span: Span  # fences included
    body_start: int  # offset where the body begins
    fields: dict[str, MetaField]
    problem: str | None = None
    problem_span: Span | None = None


# Blank lines before the opening fence are tolerated (a CMS export often adds one), as
# static-site generators that trim leading whitespace do.
_OPEN = re.compile(r"\A(?:[ \t]*(?:\r\n|\n|\r))*(---|\+\+\+)[ \t]*(?:\r\n|\n|\r)")


def _closing(fence: str) -> re.Pattern[str]:
    alts = r"---|\.\.\." if fence == "---" else r"\+\+\+"
    # A fence line after any line break, CR-only ones included (old Mac exports): ``^`` and
    # ``$`` in re.M know only LF. The CR of a CRLF stays part of the match, as before.
    return re.compile(rf"(?<=[\r\n])(?:{alts})[ \t]*(?:\r(?=\n))?(?=[\r\n]|\Z)")


def split_front_matter(source: str) -> FrontMatter | None:
    """Find front matter at the top of ``source``; None when there is none."""
    m = _OPEN.match(source)
    if not m:
        return _franklin_defs(source)
    fence = m.group(1)
    start_inner = m.end()
    close = _closing(fence).search(source, start_inner)
    fence_start = m.start(1)
    if close is None:
        return FrontMatter(
            span=Span(fence_start, len(source)),
            body_start=len(source),
            fields={},
            problem="front matter is not closed (no closing '---' line)",
            problem_span=Span(fence_start, fence_start + 3),
        )
    end = close.end()
    body_start = end
    if source.startswith("\r\n", end):
        body_start = end + 2
    elif source.startswith(("\n", "\r"), end):
        body_start = end + 1
    inner = source[start_inner : close.start()]
    fm = FrontMatter(span=Span(fence_start, end), body_start=body_start, fields={})
    if fence == "+++":
        _load_toml(inner, start_inner, fm)
    else:
        _load_yaml_fields(inner, start_inner, fm)
    return fm


def _load_yaml_fields(inner: str, base: int, fm: FrontMatter) -> None:
    try:
        node, data = compose_yaml(inner)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        offset = base + (mark.index if mark is not None else 0)
        detail = exc.problem or str(exc)
        fm.problem = f"front matter is not valid YAML: {detail}"
        fm.problem_span = Span(offset, offset)
        return
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        fm.problem = f"front matter refused: {exc}"
        fm.problem_span = Span(0, 3)
        return
    if node is None:
        return
    if not isinstance(node, yaml.nodes.MappingNode) or not isinstance(data, dict):
        fm.problem = "front matter is not a mapping of field names to values"
        fm.problem_span = Span(base + node.start_mark.index, base + node.end_mark.index)
        return
    for key_node, value_node in node.value:
        key = key_node.value if isinstance(key_node.value, str) else str(key_node.value)
        fm.fields[key] = MetaField(
            key=key,
            value=data.get(key, data.get(_maybe_num(key))),
            key_span=Span(base + key_node.start_mark.index, base + key_node.end_mark.index),
            value_span=Span(base + value_node.start_mark.index, base + value_node.end_mark.index),
        )


def _maybe_num(key: str) -> Any:
    try:
        return int(key)
    except ValueError:
        return key


def _load_toml(inner: str, base: int, fm: FrontMatter) -> None:
    try:
        import tomllib  # type: ignore[import-not-found]
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        data = tomllib.loads(inner)
    except tomllib.TOMLDecodeError as exc:
        fm.problem = f"front matter is not valid TOML: {exc}"
        fm.problem_span = Span(0, 3)
        return
    for key, value in data.items():
        # tomllib keeps no positions: find the key's line ourselves.
        m = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", inner, re.M)
        start = base + (m.start() if m else 0)
        fm.fields[key] = MetaField(
            key=key,
            value=_stringify_toml(value),
            key_span=Span(start, start + len(key)),
            value_span=Span(start, start + (m.end() - m.start() if m else 0)),
        )


def _stringify_toml(value: Any) -> Any:
    # Keep "values as written": TOML dates become their ISO text, as YAML ones stay strings.
    import datetime as _dt

    if isinstance(value, (_dt.date, _dt.time, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_stringify_toml(v) for v in value]
    if isinstance(value, dict):
        return {k: _stringify_toml(v) for k, v in value.items()}
    return value


# Franklin.jl page variables: a run of ``@def name = value`` lines at the top of the page
# (blank lines between them allowed); a value may be a triple-quoted string over lines.
_FRANKLIN_DEF = re.compile(
    r'[ \t]*@def[ \t]+([A-Za-z_]\w{0,63})[ \t]*=[ \t]*("""[\s\S]{0,20000}?"""|[^\r\n]{0,2000})[ \t]*(?:\r\n|\n|\r|\Z)'
)
_PLUS_FENCE = re.compile(r"\+\+\+[ \t]*(?:\r\n|\n|\r)")
_BLANK_LINE = re.compile(r"[ \t]*(?:\r\n|\n|\r)")
_JULIA_DATE = re.compile(r"Date\(\s*(\d{4})\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})\s*\)\Z")
_JULIA_STRING = re.compile(r'"""([\s\S]*)"""\Z|"((?:[^"\\]|\\.)*)"\Z')
MAX_FRANKLIN_DEFS = 200


def _franklin_defs(source: str) -> FrontMatter | None:
    """The leading ``@def`` lines of a Franklin.jl page as front matter. Values are read as
    written, never run: strings, ``Date(y, m, d)`` (as ISO text), numbers, booleans and
    lists of those; anything else (a Julia expression) is kept as its source text."""
    pos = 0
    first = None
    fields: dict[str, MetaField] = {}
    while len(fields) < MAX_FRANKLIN_DEFS:
        blank = _BLANK_LINE.match(source, pos)
        if blank:
            pos = blank.end()
            continue
        m = _FRANKLIN_DEF.match(source, pos)
        if not m:
            break
        if first is None:
            first = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
        key, raw = m.group(1), m.group(2).rstrip()
        fields[key] = MetaField(
            key=key,
            value=_julia_value(raw),
            key_span=Span(m.start(1), m.end(1)),
            value_span=Span(m.start(2), m.start(2) + len(raw)),
        )
        pos = m.end()
    if first is None:
        return None
    # A Franklin page may go on with a ``+++`` block of Julia assignments: page variables
    # too. Simple ones read as TOML; Julia code is not a problem of the article's.
    block = _PLUS_FENCE.match(source, pos)
    if block:
        close = _closing("+++").search(source, block.end())
        if close is not None:
            extra = FrontMatter(span=Span(0, 0), body_start=0, fields={})
            _load_toml(source[block.end() : close.start()], block.end(), extra)
            if extra.problem is None:
                fields.update({k: v for k, v in extra.fields.items() if k not in fields})
            pos = close.end()
            line_break = _BLANK_LINE.match(source, pos)
            pos = line_break.end() if line_break else pos
    end = pos
    while end > first and source[end - 1] in "\r\n \t":
        end -= 1
    return FrontMatter(span=Span(first, end), body_start=pos, fields=fields)


def _julia_value(raw: str) -> Any:
    text = raw.strip()
    m = _JULIA_STRING.match(text)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2).replace('\\"', '"')
    m = _JULIA_DATE.match(text)
    if m:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    if text in ("true", "false"):
        return text == "true"
    if re.fullmatch(r"-?\d{1,18}", text):
        return int(text)
    if text.startswith("[") and text.endswith("]"):
        items = [i.strip() for i in text[1:-1].split(",") if i.strip()]
        return [_julia_value(i) for i in items]
    return text


# MDX metadata as a JavaScript export (Next.js blogs): ``export const meta = { title: '…',
# date: '2020-06-30', authors: [adam] }``. Read, never run: string literals, numbers and
# lists of names; anything else is kept as its source text.
_MDX_META = re.compile(r"^export\s+const\s+(?:meta|metadata|frontmatter|frontMatter)\s*=\s*\{", re.M)
_JS_FIELD = re.compile(
    r"^[ \t]*([A-Za-z_$][\w$]{0,63})\s*:\s*"
    r"('(?:[^'\\\n]|\\.){0,5000}'|\"(?:[^\"\\\n]|\\.){0,5000}\"|`[^`]{0,20000}`|\[[^\]]{0,2000}\]|[^,\n]{1,200})\s*,?\s*$",
    re.M,
)


def mdx_metadata(source: str) -> dict[str, MetaField]:
    """The fields of an MDX file's ``export const meta = {…}``, read as literals."""
    m = _MDX_META.search(source, 0, 20000)
    if m is None:
        return {}
    end = source.find("\n}", m.end(), m.end() + 50000)
    if end < 0:
        return {}
    fields: dict[str, MetaField] = {}
    for f in _JS_FIELD.finditer(source, m.end(), end + 1):
        raw = f.group(2).strip()
        if raw[:1] in "'\"`":
            value: Any = raw[1:-1]
        elif raw.startswith("["):
            value = [v.strip().strip("'\"`") for v in raw[1:-1].split(",") if v.strip()]
        else:
            value = raw
        fields[f.group(1)] = MetaField(
            key=f.group(1),
            value=value,
            key_span=Span(f.start(1), f.end(1)),
            value_span=Span(f.start(2), f.start(2) + len(f.group(2).rstrip())),
        )
    return fields
