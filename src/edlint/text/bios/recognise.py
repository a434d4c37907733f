"""The bios of a document: metadata bio fields, blocks typed as bios, and body paragraphs
that open with (or close on) a bio sentence naming one of the article's authors."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from ..normalize import fold_chars
from ..patterns import lazy
from .authors import _NAME_KEYS, _registry, document_authors
from .bylines import document_bylines
from .compare import bio_key
from .names import _HONORIFICS, name_key, resolve_name
from .sentences import _SENTENCE_START, _STOP, bio_end, bio_sentence, is_contact_line


class Bio(NamedTuple):
    """One author bio, in the body or in the metadata."""

    text: str
    key: str
    name: str | None  # the person, resolved to an author's full name when possible
    start: int  # source span
    end: int
    origin: str  # body | frontmatter | jsonld
    label: str  # where it is, for messages ("front matter 'author_bio'")
    block_start: int = -1  # the body block holding it (its span start), -1 for metadata
    whole_block: bool = False  # the bio is the whole block (so the block is not a paragraph)
    signal: str = "structure"  # structure | text

    @property
    def words(self) -> int:
        return self.key.count(" ") + 1 if self.key else 0


# Front-matter fields that hold a bio; "a.b" looks inside a mapping or a list of mappings.
BIO_FIELDS = ("author_bio", "bio", "author.bio", "authors.bio")
# Lines of an author box that are not the bio ("More articles from ...", "Follow us").
_BOX_CHAFF = lazy(r"(?i)(?:more|read|view|see|all) (?:articles|stories|posts|from|by)\b|follow us\b")
_SPEECH = lazy(r"\b(?:said|says|told|tells|according to|asked|recalled|added)\b", re.I)
_EMPH_BEFORE = lazy(r"(?:[_*]|<(?:em|i|strong|b)\b[^>]*>)\s*$", re.I)


def document_bios(doc: Any) -> list[Bio]:
    """Every author bio of the document, metadata first, then the body in order."""
    return doc.view("bios.bios", _build_bios)


def _known_names(doc: Any) -> list[str]:
    names = [a.name for a in document_authors(doc) if a.name]
    for bl in document_bylines(doc):
        names.extend(bl.names)
    reg = _registry(doc)
    if reg is not None:
        for a in document_authors(doc):
            if not a.name and a.slug:
                e = reg.lookup(slug=a.slug)
                if e:
                    names.append(e["name"])
    return names


def _slugs(doc: Any) -> list[str]:
    return [a.slug for a in document_authors(doc) if a.slug and not a.name]


def _build_bios(doc: Any) -> list[Bio]:
    from ...document import BIO, LIST_ITEM, PARAGRAPH

    bios: list[Bio] = []
    bios.extend(_metadata_bios(doc, BIO_FIELDS))
    known = _known_names(doc)
    slugs = _slugs(doc)
    english = doc.is_english
    candidates = [
        b
        for b in doc.prose
        if b.kind in (PARAGRAPH, LIST_ITEM, BIO)
        and not b.in_quote
        and b.text.text
        and not b.attrs.get("chrome")  # "Share this article", "Comments" after the bio
    ]
    tail = {id(b) for b in candidates[-3:]}
    # Cheap gates for body paragraphs with no structural signal: the paragraph must open
    # with (or, for a glued bio, contain) a word of an author's name.
    firsts, lasts = set(), []
    for n in known:
        words = n.split()
        firsts.add(words[0].strip(".").casefold())
        if len(words) > 1 and len(words[-1]) > 2:
            lasts.append(words[-1])
    for sl in slugs:
        parts = [x for x in re.split(r"[-_.]+", sl) if len(x) > 2]
        if parts:
            firsts.add(parts[0].casefold())
            lasts.extend(x.capitalize() for x in parts[1:])
    firsts |= _HONORIFICS
    for b in candidates:
        raw = b.text.text
        typed = b.kind == BIO
        trailing = id(b) in tail
        emphasised = bool(b.attrs.get("emphasis")) or "emphasis" in b.container
        boxed = "footer" in b.container or "aside" in b.container
        special = typed or trailing or emphasised or boxed or raw[:1] in "_*"
        if not special:
            opening = raw[: raw.find(" ")].strip(".,").casefold() if " " in raw else ""
            glue = bool(lasts) and len(raw) > 40 and any(x in raw for x in lasts)
            if opening not in firsts and not glue:
                continue
        text = fold_chars(raw)
        # Emphasis markers the parser left as text ("_Jane Doe is ... _" with a space
        # before the closing underscore) do not hide the name.
        lead = len(text) - len(text.lstrip("_* ")) if text[:1] in "_*" else 0
        sent = bio_sentence(text, lead) if text[lead : lead + 1].isalpha() else None
        emphasised = emphasised or lead > 0
        if typed:
            words = len(text.split())
            if words < 4 or (sent is None and words < 8):
                continue
            if _BOX_CHAFF.match(text):
                continue
            name = None
            if sent is not None:
                name = resolve_name(sent.name, known, slugs)[0]
            else:
                tk = " " + bio_key(text) + " "
                name = next((k for k in known if len(name_key(k).split()) >= 2 and f" {name_key(k)} " in tk), None)
            bios.append(_body_bio(b, 0, len(raw), name, "structure"))
            continue
        if sent is not None and not _SPEECH.search(text, 0, 400):
            name, matched = resolve_name(sent.name, known, slugs)
            full_match = matched and len(name_key(sent.name).split()) >= 2
            single = len(name_key(sent.name).split()) == 1
            accept = (
                (emphasised and (trailing or matched or sent.role) and (sent.role_near or not single))
                or (boxed and sent.role)
                or full_match
                or (matched and trailing and (sent.role_near or not single))
                or (english and trailing and sent.role and sent.copula and len(name_key(name).split()) >= 2)
            )
            if accept and len(text.split()) <= 200:
                end = bio_end(text, lead)
                bios.append(
                    _body_bio(
                        b,
                        lead,
                        end,
                        name,
                        "structure" if emphasised or boxed else "text",
                        whole=end - lead >= len(text.rstrip()) * 0.8,
                    )
                )
                continue
        if trailing and (emphasised or english) and is_contact_line(text) and len(text.split()) <= 40:
            bios.append(_body_bio(b, 0, len(raw), None, "text", whole=True))
            continue
        # A bio glued to the end of the paragraph: "...options._**Jane Doe** is a ...".
        if (trailing or (lasts and any(x in raw for x in lasts))) and len(text) > 40:
            glued = _glued_bio(doc, b, text, known, slugs, trailing)
            if glued is not None:
                bios.append(glued)
    return _copies_of_body_bios(bios, candidates)


def _copies_of_body_bios(bios: list[Bio], candidates: list[Any]) -> list[Bio]:
    """A paragraph that repeats a bio recognised in the body word for word is that bio too,
    wherever it sits: wire copy pasted with its bio twice and a line or two of credits after
    ("Reporting by ...", "Our Standards: ...") has only the second copy among the closing
    paragraphs."""
    whole = {b.key: b for b in bios if b.origin == "body" and b.whole_block and b.words >= 8}
    if not whole:
        return bios
    taken = {b.block_start for b in bios if b.origin == "body"}
    extra = []
    for c in candidates:
        if c.span.start in taken or len(c.text.text) > 2000:
            continue
        found = whole.get(bio_key(c.text.text))
        if found is not None:
            extra.append(_body_bio(c, 0, len(c.text.text), found.name, "text", whole=True))
    if not extra:
        return bios
    body = sorted([b for b in bios if b.origin == "body"] + extra, key=lambda b: b.start)
    return [b for b in bios if b.origin != "body"] + body


def _glued_bio(doc: Any, block: Any, text: str, known: list[str], slugs: list[str], trailing: bool) -> Bio | None:
    for m in _SENTENCE_START.finditer(text, 20):
        pos = m.end()
        sent = bio_sentence(text, pos)
        if sent is None:
            continue
        if _SPEECH.search(text, pos, pos + 300):
            continue
        name, matched = resolve_name(sent.name, known, slugs)
        so = block.text.source_offset(pos)
        emph = bool(_EMPH_BEFORE.search(doc.source, max(0, so - 12), so))
        if not (matched or (emph and trailing and sent.role)):
            continue
        end = bio_end(text, pos)
        # The bio must close the paragraph (a name-first sentence mid-paragraph is prose).
        if end < len(text.rstrip()) and not _STOP.search(text, pos):
            continue
        return _body_bio(block, pos, end, name, "structure" if emph else "text")
    return None


def _body_bio(block: Any, start: int, end: int, name: str | None, signal: str, whole: bool | None = None) -> Bio:
    raw = block.text.text
    span = block.text.source_span(start, end)
    if whole is None:
        whole = start == 0 and end >= len(raw.rstrip()) * 0.8
    return Bio(
        text=raw[start:end],
        key=bio_key(raw[start:end]),
        name=name,
        start=span.start,
        end=span.end,
        origin="body",
        label="",
        block_start=block.span.start,
        whole_block=whole,
        signal=signal,
    )


def _metadata_bios(doc: Any, fields: tuple[str, ...]) -> list[Bio]:
    out: list[Bio] = []
    authors = [a for a in document_authors(doc) if a.name]
    single = authors[0].name if len(authors) == 1 else None
    for path in fields:
        top, _, sub = path.partition(".")
        f = doc.metadata.get(top)
        if f is None or f.source != "frontmatter":
            continue
        values: list[tuple[str, str | None]] = []
        if not sub:
            if isinstance(f.value, str):
                values.append((f.value, single))
        else:
            items = f.value if isinstance(f.value, list) else [f.value]
            for item in items:
                if isinstance(item, dict) and isinstance(item.get(sub), str):
                    nm = next((str(item[k]) for k in _NAME_KEYS if isinstance(item.get(k), str)), None)
                    values.append((item[sub], nm or single))
        where = _key_lines(doc, f, sub) if sub else []
        for n, (text, name) in enumerate(values):
            text = " ".join(text.split())
            if not text:
                continue
            start, end = where[n] if n < len(where) else (f.value_span.start, f.value_span.end)
            out.append(
                Bio(text, bio_key(text), name, start, end, "frontmatter", f"front matter '{path if sub else top}'")
            )
    for a in document_authors(doc):
        if a.source == "jsonld" and a.bio:
            out.append(Bio(a.bio, bio_key(a.bio), a.name, a.start, a.end, "jsonld", "JSON-LD author description"))
    return out


def _key_lines(doc: Any, f: Any, key: str) -> list[tuple[int, int]]:
    """Where each ``key:`` sits inside a front-matter value (the bios of ``authors:``)."""
    lo, hi = f.value_span.start, f.value_span.end
    pat = re.compile(rf"^[ \t]*(?:-[ \t]+)?({re.escape(key)})[ \t]*:", re.M)
    return [(m.start(1), hi) for m in pat.finditer(doc.source, lo, hi)]
