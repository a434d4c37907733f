"""Static-site template tags that are not prose.

Hugo: ``{{< figure src="a.jpg" caption="..." attr="..." >}}``, ``{{% note %}}``;
Jekyll/Eleventy (Liquid, Nunjucks): ``{% image "src" "alt" %}``, ``{% include x.html %}``;
expressions: ``{{ "/path/" | url }}``. Paired tags (``{{< note >}}...{{< /note >}}``) keep
their inner text as prose; only the tags themselves are masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Span
from ..text.patterns import lazy

# How image shortcodes map to image fields; keys are argument names or 1-based positions.
# Config (`shortcodes:`) adds to or replaces these.
DEFAULT_IMAGE_SHORTCODES: dict[str, dict[str, str]] = {
    "figure": {"src": "src", "alt": "alt", "caption": "caption", "credit": "attr", "title": "title"},
    "img": {"src": "src", "alt": "alt", "caption": "caption", "credit": "credit", "uid": "src"},
    "image": {"src": "1", "alt": "2", "caption": "caption", "credit": "credit"},
    "image_with_class": {"src": "1", "alt": "3", "class": "2"},
}

_TAG = lazy(
    r"\{\{<\s*(?P<hc>/)?\s*(?P<hname>[\w./-]+)(?P<hargs>.{0,4000}?)\s*/?>\}\}"
    r"|\{\{%\s*(?P<pc>/)?\s*(?P<pname>[\w./-]+)(?P<pargs>.{0,4000}?)\s*/?%\}\}"
    r"|\{%-?\s*(?P<lname>[\w./-]+)(?P<largs>.{0,4000}?)-?%\}"
    r"|\{\{-?(?P<expr>.{0,2000}?)-?\}\}",
    re.S,
)
_ARG = lazy(
    r"(?:(?P<key>[\w-]+)\s*=\s*)?"
    r"(?:\"(?P<dq>(?:[^\"\\]|\\.)*)\"|'(?P<sq>(?:[^'\\]|\\.)*)'|“(?P<cq>[^”]*)”|(?P<bare>[^\s\"'=]+))",
    re.S,
)


@dataclass
class Shortcode:
    """A Hugo or Liquid shortcode found in Markdown: its name, span and arguments."""

    name: str
    span: Span
    closing: bool = False
    # key (name, or "1", "2" ... for positional arguments) -> (value, value span)
    args: dict[str, tuple[str, Span]] = field(default_factory=dict)

    def arg(self, key: str) -> tuple[str, Span] | None:
        return self.args.get(key)


def find_shortcodes(source: str, start: int = 0, exclude: list[Span] | None = None) -> list[Shortcode]:
    """Template tags in ``source`` from ``start``, except those inside ``exclude`` (code)."""
    if "{{" not in source and "{%" not in source:
        return []
    out: list[Shortcode] = []
    skip = sorted(exclude or [], key=lambda sp: sp.start)
    for m in _TAG.finditer(source, start):
        if skip and any(sp.start <= m.start() < sp.end for sp in skip):
            continue
        if m.group("expr") is not None:
            out.append(Shortcode("{{expression}}", Span(m.start(), m.end())))
            continue
        for prefix in ("h", "p", "l"):
            name = m.group(prefix + "name")
            if name is None:
                continue
            closing = bool(m.groupdict().get(prefix + "c")) or (prefix == "l" and name.startswith("end"))
            sc = Shortcode(name.lstrip("/"), Span(m.start(), m.end()), closing)
            args_start = m.start(prefix + "args")
            _parse_args(m.group(prefix + "args"), args_start, sc)
            out.append(sc)
            break
    return out


def _parse_args(text: str, base: int, sc: Shortcode) -> None:
    position = 0
    for am in _ARG.finditer(text):
        for group in ("dq", "sq", "cq", "bare"):
            value = am.group(group)
            if value is not None:
                break
        else:  # pragma: no cover - the pattern always sets one group
            continue
        vstart = base + am.start(group)
        span = Span(vstart, vstart + len(value))
        key = am.group("key")
        if key is None:
            if group == "bare" and value in ("|", "-"):
                continue
            position += 1
            key = str(position)
        sc.args.setdefault(key, (value.replace('\\"', '"'), span))
