"""Static-site template tags that are not prose, and the ones that are images.

Hugo: ``{{< figure src="a.jpg" caption="..." attr="..." >}}``, ``{{% note %}}``;
Jekyll/Eleventy (Liquid, Nunjucks): ``{% image "src", "alt" %}``,
``{% include figure.html image="a.jpg" alt="..." caption="..." %}``,
``{% render 'figure', src: 'a.jpg' %}``; expressions: ``{{ "/path/" | url }}``. Paired tags
(``{{< note >}}...{{< /note >}}``) keep their inner text as prose; only the tags themselves
are masked.

Which tags are images, and which argument holds which image field, is a mapping
(:data:`DEFAULT_IMAGE_SHORTCODES`, :data:`DEFAULT_IMAGE_INCLUDES`, plus the site's own
``shortcodes:`` config); :func:`image_fields` applies it to one tag.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import Span
from ..text.patterns import lazy

# How image shortcodes map to image fields; values are argument names or 1-based positions,
# several separated by "|" (the first one the tag has wins). Config (`shortcodes:`) adds to
# or replaces these.
DEFAULT_IMAGE_SHORTCODES: dict[str, dict[str, str]] = {
    # Hugo's figure (attr is its credit line), or an Eleventy {% figure "src", "alt", "caption" %}.
    "figure": {"src": "src|1", "alt": "alt|2", "caption": "caption|3", "credit": "attr|credit", "title": "title"},
    # Theme shortcodes: Hugo {{< img src=... >}} (a site-data uid on some sites) ...
    "img": {"src": "src|1", "alt": "alt|2", "caption": "caption", "credit": "credit|attr", "uid": "src"},
    # ... and Eleventy {% image "src", "alt" %} or Hugo {{< image src=... alt=... >}}.
    "image": {"src": "1|src", "alt": "2|alt", "caption": "caption", "credit": "credit|attr"},
    "image_with_class": {"src": "1", "alt": "3", "class": "2"},
}
# Jekyll/Liquid includes of a figure template ({% include figure.html image="..." %},
# Minimal Mistakes' {% include figure image_path="..." %}), keyed by the included file's
# name without its extension. The names of the arguments vary by theme.
_INCLUDE_FIELDS = {
    "src": "image|src|url|img|image_path|image_url|path|file|photo|source",
    "alt": "alt|alt_text|alttext|image_alt|description",
    "caption": "caption|figcaption|image_caption",
    "credit": "credit|attr|attribution|photo_credit|image_credit|copyright",
}
DEFAULT_IMAGE_INCLUDES: dict[str, dict[str, str]] = dict.fromkeys(
    ("figure", "image", "img", "picture", "photo", "figure-image", "image-figure"), _INCLUDE_FIELDS
)
_INCLUDE_TAGS = frozenset({"include", "include_relative", "include_cached", "render"})

_TAG = lazy(
    r"\{\{<\s*(?P<hc>/)?\s*(?P<hname>[\w./-]+)(?P<hargs>.{0,4000}?)\s*/?>\}\}"
    r"|\{\{%\s*(?P<pc>/)?\s*(?P<pname>[\w./-]+)(?P<pargs>.{0,4000}?)\s*/?%\}\}"
    r"|\{%-?\s*(?P<lname>[\w./-]+)(?P<largs>.{0,4000}?)-?%\}"
    r"|\{\{-?(?P<expr>.{0,2000}?)-?\}\}",
    re.S,
)
# An argument: key=value (Hugo, Jekyll, Nunjucks) or key: value (Liquid render/include),
# the value double-, single- or curly-quoted or bare. A comma between arguments
# (Nunjucks: {% image "a.jpg", "alt" %}) is a separator, not an argument.
_ARG = lazy(
    r"(?:(?P<key>[\w-]+)\s*(?:=|:(?=[\s\"'“]))\s*)?"
    r"(?:\"(?P<dq>(?:[^\"\\]|\\.)*)\"|'(?P<sq>(?:[^'\\]|\\.)*)'|“(?P<cq>[^”]*)”|(?P<bare>[^\s\"'=,][^\s\"'=]*))",
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
    liquid: bool = False  # {% ... %}: a bare value is a variable, not text
    quoted: set[str] = field(default_factory=set)  # keys whose value was quoted

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
            sc = Shortcode(name.lstrip("/"), Span(m.start(), m.end()), closing, liquid=prefix == "l")
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
        if key not in sc.args:
            sc.args[key] = (value.replace('\\"', '"'), span)
            if group != "bare":
                sc.quoted.add(key)


# A value that is a template variable, not text: "{{ include.image }}", "{{ page.image |
# relative_url }}", and in Liquid a bare page.image or hero (but not a bare path: a.jpg, /img/a).
_EXPRESSION = lazy(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_QUOTED_IN_EXPRESSION = lazy(r"""["']([^"']*[/.][^"']*)["']""")
_VARIABLE = lazy(r"[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[[^\]]*\])*")
_IMAGE_EXTENSIONS = frozenset("jpg jpeg png gif webp svg avif tif tiff bmp heic".split())


def is_template_value(value: str, bare_is_variable: bool = False) -> bool:
    """True when ``value`` is only a template variable (its text is not known here)."""
    v = value.strip()
    if len(v) > 2000:
        return False  # no template variable is this long (and the scan below stays bounded)
    if "{{" in v or "{%" in v:
        literal = _EXPRESSION.sub(" ", v).strip()
        if literal:
            return False  # "{{ site.baseurl }}/img/a.jpg": the path is there
        return not any(_QUOTED_IN_EXPRESSION.search(e.group()) for e in _EXPRESSION.finditer(v))
    if bare_is_variable and _VARIABLE.fullmatch(v):
        return v.rsplit(".", 1)[-1].lower() not in _IMAGE_EXTENSIONS
    return False


def _position(arg: str, shift: int) -> str:
    arg = arg.strip()
    return str(int(arg) + shift) if arg.isdigit() else arg


def image_fields(sc: Shortcode, codes: dict[str, dict[str, str]]) -> dict[str, tuple[str, Span, bool]] | None:
    """The image fields of ``sc`` (field -> (value, value span, is a template variable)),
    or None when the tag is not an image.

    ``codes`` maps tag names to {field: argument}. An include ({% include figure.html ... %})
    is looked up by the included file's name ("figure.html"), then by its name without the
    extension ("figure", also in :data:`DEFAULT_IMAGE_INCLUDES`); its positional arguments
    count from the one after the file name.
    """
    if sc.closing:
        return None
    shift = 0
    if sc.liquid and sc.name in _INCLUDE_TAGS:
        target = sc.arg("1")
        if target is None:
            return None
        file = target[0].strip().rsplit("/", 1)[-1]
        stem = file.split(".", 1)[0]
        # The site's own mapping (by file name, then without the extension), not Hugo's
        # default tag of the same name; then the usual include arguments.
        spec = next(
            (
                own
                for own in (codes.get(file), codes.get(stem))
                if own is not None and own is not DEFAULT_IMAGE_SHORTCODES.get(stem)
            ),
            DEFAULT_IMAGE_INCLUDES.get(stem),
        )
        shift = 1
    else:
        spec = codes.get(sc.name)
    if spec is None:
        return None
    out: dict[str, tuple[str, Span, bool]] = {}
    if "src" in spec and not any(sc.arg(_position(a, shift)) for a in spec["src"].split("|")):
        return None  # {% figure caption:"..." %}...{% endfigure %} wraps an image; it is not one
    for field_name, wanted in spec.items():
        for arg in wanted.split("|"):
            arg = arg.strip()
            key = _position(arg, shift)
            found = sc.arg(key)
            if found is not None:
                value, vspan = found
                variable = is_template_value(value, sc.liquid and key not in sc.quoted)
                out[field_name] = (value, vspan, variable)
                break
    return out


# Template tags that wrap code: Jekyll/Eleventy ``{% highlight py %}…{% endhighlight %}``,
# Hugo ``{{< highlight go >}}…{{< /highlight >}}`` and ``{{< code >}}…{{< /code >}}``.
CODE_TAGS = frozenset({"highlight", "code", "codeblock", "syntax", "prism", "codecaption"})


def tag_pairs(shortcodes: list[Shortcode]) -> list[tuple[str, Shortcode, Span]]:
    """(name, opening tag, body between the tags) of each paired tag: Liquid's
    ``{% x %}…{% endx %}`` and Hugo's ``{{< x >}}…{{< /x >}}``. A closing tag matches the
    nearest open one of its name (tags left open, like ``{% include %}``, are passed over);
    the search back is bounded so a page of stray closings stays linear."""
    stack: list[Shortcode] = []
    out: list[tuple[str, Shortcode, Span]] = []
    for sc in shortcodes:
        ends = sc.liquid and sc.name.startswith("end")
        name = sc.name[3:] if ends else sc.name
        if not (sc.closing or ends):
            stack.append(sc)
            continue
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - MAX_OPEN_SEARCH), -1):
            if stack[k].name == name:
                out.append((name, stack[k], Span(stack[k].span.end, sc.span.start)))
                del stack[k:]
                break
    return out


def code_tag_regions(shortcodes: list[Shortcode]) -> list[tuple[Shortcode, Span]]:
    """The opening tag and the body of each code-wrapping tag pair."""
    return [(opening, body) for name, opening, body in tag_pairs(shortcodes) if name in CODE_TAGS]


MAX_OPEN_SEARCH = 64
MAX_MARKED_BLOCKS = 200_000


def mark_shortcode_bodies(blocks: list, shortcodes: list[Shortcode]) -> None:
    """Give each block between a paired tag's opening and closing (``{{< pull-quote >}}``
    … ``{{< /pull-quote >}}``) the class ``shortcode-NAME``: rules then know a pull quote
    or a callout from the article's own paragraphs, as they know ``class="pullquote"``."""
    pairs = [(name, body.start, body.end) for name, _opening, body in tag_pairs(shortcodes)]
    if not pairs:
        return
    from bisect import bisect_left

    texts = sorted((b for b in blocks if getattr(b, "text", None) is not None), key=lambda b: b.span.start)
    starts = [b.span.start for b in texts]
    budget = MAX_MARKED_BLOCKS  # nested pairs mark a block once per pair: bounded work
    for name, start, end in pairs:
        for b in texts[bisect_left(starts, start) :]:
            if b.span.start >= end or budget <= 0:
                break
            budget -= 1
            if b.span.end <= end:
                b.classes = (*b.classes, f"shortcode-{name}")
