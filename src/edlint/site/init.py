"""`edlint init`: a config for the site found in the current folder.

It names the generator, the language variety (when the site declares one, or its articles
clearly use one), the authors registry and image data it finds. On a site with enough
articles (``MEASURE_FROM``) it also measures what the house already does -- which front-matter
fields every article has, how long its descriptions are, whether its images are captioned
and credited, which quotation marks it uses -- and proposes settings that match, each with
the measurement beside it. Nothing written is a placeholder: every live line is a decision
taken from the site; the rest is commented out.
"""

from __future__ import annotations

import os
import re
from typing import Any

MEASURE_FROM = 20  # articles: below this, the house defaults stand and nothing is measured
EVERY = 0.98  # a field "every article has" (a stray old post or two does not count)
RARE = 0.10  # images captioned or credited this rarely: the house does not do it
MOST = 0.60  # images captioned or credited this often: the house does it for every photo

REGISTRY_CANDIDATES = (
    "data/authors.yaml",
    "data/authors.yml",
    "data/authors.json",
    "data/authors.toml",
    "_data/authors.yml",
    "_data/authors.yaml",
    "_data/authors.json",
    "src/_data/authors.json",
    "src/_data/authors.yml",
    "src/_data/authors.yaml",
    "content/authors",
    "_authors",
)
IMAGE_DATA_CANDIDATES = ("data/images", "_data/images", "src/_data/images")
# Canonical field -> the front-matter names the default schema accepts for it.
FIELDS = {
    "title": ("title", "headline"),
    "author": ("author", "authors", "byline"),
    "date": ("date", "publishdate", "published", "pubdate"),
    "description": ("description", "excerpt", "summary", "standfirst"),
}
# Spellings that tell British from American English, for a site that declares no variety.
_UK = re.compile(
    r"\b(colour|favour|honour|labour|neighbour|centre|theatre|metres?|kilometres?|litres?|"
    r"organis(?:e|ed|ing|ation)|recognis(?:e|ed)|realis(?:e|ed)|apologis(?:e|ed)|analys(?:e|ed)|"
    r"defence|offence|travell(?:ed|ing)|programme)\b",
    re.I,
)
_US = re.compile(
    r"\b(color|favor|honor|labor|neighbor|center|theater|meters?|kilometers?|liters?|"
    r"organiz(?:e|ed|ing|ation)|recogniz(?:e|ed)|realiz(?:e|ed)|apologiz(?:e|ed)|analyz(?:e|ed)|"
    r"defense|offense|travel(?:ed|ing))\b",
    re.I,
)


def build_config(root: str = ".") -> tuple[str, list[str]]:
    """(the config text, lines to tell the user)."""
    from ..engine import Linter
    from .pages import page_kind

    root = os.path.abspath(root)
    linter = Linter(config={})
    config = linter.fixed_config
    site = linter.site_for(root, config)
    files = list(linter.discover([root]))
    articles = []
    kinds: dict[str, int] = {}
    for path in files:
        doc = _parse(path)
        if doc is None:
            continue
        kind = page_kind(path, doc, site, config)
        kinds[kind] = kinds.get(kind, 0) + 1
        if kind == "article":
            articles.append(doc)
    name = {"hugo": "Hugo", "jekyll": "Jekyll", "eleventy": "Eleventy"}.get(site.kind, site.kind)
    say = [
        f"Found {'an' if name[:1] in 'AEIOU' else 'a'} {name} site: {len(files)} files to check "
        f"({', '.join(f'{n} {k}' for k, n in sorted(kinds.items())) or 'none'})."
    ]
    live: list[str] = [
        "# edlint configuration, written by `edlint init` for this site.",
        "# `edlint check --show-settings` shows what edlint reads from the site;",
        "# `edlint rules` and `edlint explain RULE` document each rule.",
        "",
    ]
    live.append(f"site: {site.kind}  # {site.detected_by}")
    language = _language(site, articles, live, say)
    if language:
        live.append(f"language: {language}")
    registry = _first_existing(root, REGISTRY_CANDIDATES)
    image_data = _first_existing(root, IMAGE_DATA_CANDIDATES)
    sections: dict[str, list[str]] = {}
    if registry:
        sections.setdefault("bios", []).append(f"  authors: {registry}  # the authors registry found in the site")
        say.append(f"Authors registry: {registry}.")
    if image_data and image_data != "data/images":
        sections.setdefault("images", []).append(f"  site_data_folder: {image_data}  # alt, captions, credits by uid")
    elif image_data:
        say.append("Image data: data/images/ (read by default).")
    ignore: list[str] = []
    dated = _dated_sections(site, articles)
    if dated is not None:
        globs, kept, dropped = dated
        live.append(f"articles: [{', '.join(repr(g) for g in globs)}]  # dated: {', '.join(kept)}")
        live.append(f"# Not articles (most files have no date): {', '.join(dropped)}")
        say.append(
            f"Articles: the dated sections {', '.join(kept)}; {', '.join(dropped)} hold undated pages "
            "(documentation, landing pages) and are linted as pages."
        )
        articles = [d for d in articles if _matches_section(site, d.path, kept)]
    if len(articles) >= MEASURE_FROM:
        _measure(articles, sections, ignore, live, say)
    else:
        say.append(f"{len(articles)} articles: too few to measure the house style; the defaults stand.")
    if ignore:
        live.append(f"ignore: [{', '.join(ignore)}]")
    for name, lines in sections.items():
        live.append(f"{name}:")
        live.extend(lines)
    live += [
        "",
        "# Files to skip besides .gitignore and the site's build output, templates and themes:",
        "# exclude: []",
        "# Which files are articles (default: the site's layout), and other page kinds:",
        '# articles: ["content/news/**"]',
        '# page_kinds: {list: ["content/**/_index.md"]}',
    ]
    say.append(
        "To adopt edlint on a site with published articles, record today's findings with "
        "`edlint baseline write` and check with `edlint check --baseline edlint-baseline.json`: "
        "existing articles do not block, new ones are checked in full."
    )
    return "\n".join(live) + "\n", say


_DATE_IN_NAME = re.compile(r"(?:^|/)\d{4}-\d{2}-\d{2}-[^/]+$")


def _section(site: Any, path: str) -> str | None:
    """The folder that groups a page with its siblings: ``content/blog`` (Hugo), ``src/docs``
    (Eleventy), ``news`` (plain)."""
    rel = site.rel(path)
    if rel is None:
        return None
    parts = rel.split("/")[:-1]
    depth = {"hugo": 2, "eleventy": 2 if getattr(site.layout, "input_dir", ".") != "." else 1}.get(site.kind, 1)
    if site.kind == "jekyll" or len(parts) < depth:
        return None
    return "/".join(parts[:depth])


def _matches_section(site: Any, path: str, sections: list[str]) -> bool:
    return _section(site, path) in sections


def _dated_sections(site: Any, articles: list[Any]) -> tuple[list[str], list[str], list[str]] | None:
    """When some sections of the site are mostly undated (documentation beside a blog), the
    ``articles`` globs of the dated ones; None when every section is dated."""
    counts: dict[str, list[int]] = {}
    for doc in articles:
        section = _section(site, doc.path)
        if section is None:
            continue
        has_date = bool(doc.meta("date", "publishDate", "published", "pubdate")) or bool(
            _DATE_IN_NAME.search(doc.path.replace(os.sep, "/"))
        )
        c = counts.setdefault(section, [0, 0])
        c[0] += has_date
        c[1] += 1
    kept = sorted(s for s, (d, n) in counts.items() if d >= 0.5 * n)
    dropped = sorted(s for s in counts if s not in kept)
    if not kept or not dropped:
        return None
    root = os.path.relpath(site.root).replace(os.sep, "/")
    prefix = "" if root == "." else root + "/"
    return [f"{prefix}{s}/**" for s in kept], kept, dropped


def _parse(path: str) -> Any:
    from ..parsers import ParseOptions, format_for, parse
    from ..reading import read_text

    text, _problem, _skipped = read_text(path, 4 * 1024 * 1024)
    if text is None:
        return None
    return parse(path, text, format_for(path) or "text", ParseOptions())


def _first_existing(root: str, candidates: tuple[str, ...]) -> str | None:
    for rel in candidates:
        if os.path.exists(os.path.join(root, rel)):
            return rel
    return None


def _language(site: Any, articles: list[Any], live: list[str], say: list[str]) -> str | None:
    if site.language:
        live.append(
            f"# language: {site.language}  # read from {site.language_from} on every run; set it here to pin it"
        )
        say.append(f"Language variety: {site.language} (from {site.language_from}).")
        return None
    uk = us = 0
    for doc in articles:
        text = " ".join(b.text.text for b in doc.prose if b.text is not None)
        uk += len(_UK.findall(text))
        us += len(_US.findall(text))
    if uk >= 5 and uk >= 3 * us:
        say.append(
            f"Language variety: en-GB, measured ({uk} British spellings, {us} American); the site declares none."
        )
        return "en-GB"
    if us >= 5 and us >= 3 * uk:
        say.append(
            f"Language variety: en-US, measured ({us} American spellings, {uk} British); the site declares none."
        )
        return "en-US"
    live.append(
        "# language: en-GB  # the site declares no variety and its articles do not show one: spelling fixes stay unsafe"
    )
    say.append("Language variety: not declared by the site, not clear from its articles; not set.")
    return None


def _measure(
    articles: list[Any], sections: dict[str, list[str]], ignore: list[str], live: list[str], say: list[str]
) -> None:
    n = len(articles)
    have: dict[str, int] = dict.fromkeys(FIELDS, 0)
    lengths: list[int] = []
    for doc in articles:
        keys = {k.lower() for k in doc.metadata}
        for canon, names in FIELDS.items():
            # A date in the file name counts (Jekyll posts; the schema reads it: from_filename).
            if keys & set(names) or (canon == "date" and _DATE_IN_NAME.search(doc.path.replace(os.sep, "/"))):
                have[canon] += 1
        desc = doc.meta("description", "excerpt", "summary", "standfirst")
        if isinstance(desc, str) and desc.strip():
            lengths.append(len(desc.strip()))
    fields: dict[str, tuple[dict[str, Any], list[str]]] = {}  # field -> (changed settings, notes)
    for canon, count in have.items():
        if count / n < EVERY:
            fields[canon] = ({"required": False}, [f"in {count} of {n} articles"])
    link_field = _bodyless_marker(articles)
    if link_field is not None:
        key, count = link_field
        fields["body"] = ({"unless": [key]}, [f"{count} articles with no body all have '{key}' (link-outs)"])
        say.append(f"Articles with no body: {count}, each with '{key}': body text is not required there.")
    if lengths:
        lengths.sort()
        p5, p95 = lengths[int(0.05 * (len(lengths) - 1))], lengths[int(0.95 * (len(lengths) - 1))]
        over, under = sum(x > 160 for x in lengths), sum(x < 50 for x in lengths)
        say.append(
            f"Descriptions: {len(lengths)} of {n} articles, {lengths[0]}-{lengths[-1]} characters "
            f"(5% under {p5}, 5% over {p95})."
        )
        if over > 0.05 * len(lengths) or under > 0.05 * len(lengths):
            # The whole range, unless a few outliers stretch it far (those are for the baseline).
            low = lengths[0] if lengths[0] >= p5 * 0.66 else p5
            high = lengths[-1] if lengths[-1] <= p95 * 1.5 else p95
            lo = min(50, low // 10 * 10)
            hi = max(160, -(-high // 10) * 10)
            spec = fields.setdefault("description", ({}, []))
            spec[0].update({"min_length": lo, "max_length": hi})
            spec[1].append(f"90% are {p5}-{p95} characters")
    if fields:
        sections.setdefault("metadata", []).extend(
            ["  fields:  # the whole house schema (it replaces the default)", *_schema_lines(fields)]
        )
    images = captioned = credited = 0
    straight = curly = 0
    for doc in articles:
        for img in doc.images:
            if img.decorative:
                continue
            images += 1
            captioned += bool(img.caption is not None or img.title)
            credited += bool(img.credit is not None or _credit_words(img))
        for block in doc.prose:
            text = block.text.text if block.text is not None else ""
            straight += text.count('"')
            curly += text.count("\u201c") + text.count("\u201d")
    if images:
        say.append(f"Images: {images} in articles, {captioned} captioned, {credited} credited.")
        for rule, did, verb in (("caption", captioned, "captions"), ("credit", credited, "credits")):
            if did < RARE * images:
                ignore.append(f"image-{rule}")
                live.append(f"# The site {verb} {did} of {images} images: image-{rule} is off.")
            elif did >= MOST * images:
                # A newsroom: every editorial photo has one, so a photo without is a slip.
                sections.setdefault("images", []).append(
                    f"  {rule}_policy: every-photo  # measured: the site {verb} {did} of {images} images"
                )
    # Reported copy (news, releases): an unattributed quotation is a slip in every article,
    # including a draft that attributes nothing yet, so quote-attribution checks them all.
    from ..rules.quotes.attribution import reports_speech

    quoting = reporting = 0
    for doc in articles:
        if any(b.text is not None and any(m in b.text.text for m in '"“”«') for b in doc.prose):
            quoting += 1
            reporting += reports_speech(doc)
    if quoting:
        say.append(
            f"Reported speech: {reporting} of {quoting} articles with quotations attribute one with a said-clause."
        )
        if reporting >= MOST * quoting and quoting >= MEASURE_FROM // 2:
            sections.setdefault("quotes", []).append(
                f"  attribution_scope: all  # measured: {reporting} of {quoting} articles report speech"
            )
    if straight + curly >= 20:
        say.append(f"Quotation marks: {curly} curly, {straight} straight.")
        if straight >= 0.9 * (straight + curly):
            sections.setdefault("quotes", []).append(
                f"  marks: straight  # measured: {straight} straight, {curly} curly"
            )
        elif curly >= 0.9 * (straight + curly):
            sections.setdefault("quotes", []).append(f"  marks: curly  # measured: {curly} curly, {straight} straight")


def _bodyless_marker(articles: list[Any]) -> tuple[str, int] | None:
    """A front-matter field that every article without body text has and most articles with
    one lack (``source_url`` on a link-out post): the house's way of saying "no body here"."""
    empty = [d for d in articles if not any(b.text.text.strip() for b in d.prose if b.text is not None)]
    full = [d for d in articles if d not in empty]
    if len(empty) < 3 or not full:
        return None
    common = set.intersection(*({k for k, f in d.metadata.items() if f.value not in (None, "")} for d in empty))
    best = None
    for key in sorted(common):
        share = sum(key in d.metadata for d in full) / len(full)
        if share < 0.5 and (best is None or share < best[1]):
            best = (key, share)
    return (best[0], len(empty)) if best else None


def _schema_lines(changes: dict[str, tuple[dict[str, Any], list[str]]]) -> list[str]:
    """The default schema with the measured changes, one field a line (flow YAML)."""
    from ..rules.metadata.schema import DEFAULT_FIELDS
    from ..yaml_loader import yaml

    out = []
    for name, spec in DEFAULT_FIELDS.items():
        spec = dict(spec)
        note = ""
        if name in changes:
            spec.update(changes[name][0])
            note = "  # measured: " + "; ".join(changes[name][1])
        flow = yaml.safe_dump(spec, default_flow_style=True, sort_keys=False, width=10**6).strip()
        out.append(f"    {name}: {flow}{note}")
    return out


def _credit_words(img: Any) -> bool:
    caption = img.caption.text if img.caption is not None else (img.title or "")
    return bool(re.search(r"\b(photo|photograph|image|picture|credit|courtesy)\b\s*(by|:)?", caption, re.I))


def write_config(path: str = ".edlint.yaml", force: bool = False, appendix: str = "") -> int:
    """Write the config (``appendix``: the families' options, commented, for reference)."""
    import click

    if os.path.exists(path) and not force:
        click.echo(f"edlint: {path} already exists (use --force to overwrite)", err=True)
        return 2
    text, say = build_config(os.path.dirname(os.path.abspath(path)))
    if appendix:
        text += "\n# Every family's options with their defaults (uncomment to change one):" + appendix
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)
    for line in say:
        click.echo(line)
    click.echo(f"Wrote {path}")
    return 0
