"""Front matter: find it at the top of a file and load it, every top-level key with its
source span. YAML goes through the one hardened loader (:mod:`edlint.yaml_loader`: YAML 1.2
core scalars, alias and depth caps, no Python tags); TOML (``+++``) through tomllib.
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
        return None
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
