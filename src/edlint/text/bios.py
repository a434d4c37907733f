"""Author bios, bylines and the names in them: the shared recogniser.

String level (no Document needed)::

    leading_name("Dr. Maya K. Okafor is ...")        -> ("Dr. Maya K. Okafor", 18)
    bio_sentence("Maya Okafor covers health ...")     -> BioSentence(name="Maya Okafor", ...)
    byline_people("By TOM KRISHER, AP Auto Writer")   -> ["Tom Krisher"]
    bio_key(text) / bio_match(a, b)                   -> comparison of two bios
    name_key("Condé  Nast") -> "conde nast";  slug_forms("Maya Okafor") -> {"mayaokafor", ...}

Document level (computed once per document through ``doc.view``)::

    document_authors(doc) -> [AuthorRef]   front matter, <meta name=author>, JSON-LD, registry
    document_bylines(doc) -> [Byline]      "By ..." lines near the top, outside quotes
    document_bios(doc)    -> [Bio]         metadata bios and bios in the body, in source order

How a bio is recognised, strongest signal first:

1. structure: a front-matter bio field (``author_bio``, ``bio``, ``authors[].bio``), a
   JSON-LD author ``description``, a block the parser typed as BIO (``class=author-bio`` ...);
2. a paragraph that opens with a person's name and a bio predicate ("<Name> is a/the ...",
   "<Name> covers ...", "<Name>, Ph.D., is ...", "<Name> joined ...") and that is wholly
   emphasised, or sits in a footer/aside, or names one of the article's authors, or closes
   the article and carries a job word (reporter, editor, writer, intern, covers ...);
3. the same opening glued to the end of a paragraph ("...options._**Jane Doe** is a ...")
   when it names an author or starts an emphasised run;
4. "Reach him at ...", "Follow Jane on Twitter ..." lines closing the article.

Not bios: italic series notes ("*This is the second post in a series*"), quotes (a
paragraph that opens with a quote mark, sits in a blockquote, or carries "said"/"told"),
and name-first sentences in the body that name nobody who wrote the article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, NamedTuple

from .normalize import fold_chars, strip_accents, word_key
from .patterns import lazy

# -- names ---------------------------------------------------------------------------------

_WORD_AT = lazy(r"([^\W\d_][\w'\-]*)(\.?)")
_HONORIFICS = frozenset("dr mr mrs ms mx prof professor rev sir dame lord lady".split())
_PARTICLES = frozenset("de van von da del della der den di du la le st bin al ten ter dos das y".split())
# Capitalised words that open sentences but are not names.
_NOT_NAME = frozenset(
    """the this that these those a an it its he she they we i you our your his her their my
    in on at for with from to by of as after before during when where what why how if while
    there here today yesterday tomorrow last next each every all some many most more one two
    three both also but and or so yet however meanwhile now then according under over since
    until about because although though despite following not no yes please thanks thank
    written photo photos image images credit credits editor editors note notes update updated
    correction read follow reach contact email share subscribe click see learn check join
    sign watch listen download visit find get go let use our us who whom whose which
    monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december advertisement related""".split()
)
# Words that make a "name" a job title or an organisation ("AP Auto Writer", "Fox News").
_ROLE_WORDS = frozenset(
    """writer writers reporter reporters editor editors correspondent correspondents columnist
    contributor contributors staff news press associated wire service services desk team
    national political politics security business auto entertainment senior chief special
    international sports science health tech technology opinion media magazine times post
    journal herald tribune inc llc ltd group network online digital admin administrator
    reuters bloomberg afp photographer producer published updated posted""".split()
)


def leading_name(text: str, pos: int = 0) -> tuple[str, int] | None:
    """The person's name that opens ``text`` at ``pos`` ("Dr. Maya K. Okafor", "Julius").

    Returns ``(name, end)`` with ``end`` the offset just after the name, or None. Up to four
    capitalised words, initials and particles ("van", "de"); a sentence opener such as
    "The" or "This" is not a name. Expects text folded with ``fold_chars`` (no NBSP).
    """
    n = len(text)
    i = pos
    words: list[str] = []
    names = 0
    end = pos
    while i < n and names < 4:
        m = _WORD_AT.match(text, i)
        if m is None:
            break
        word, dot = m.group(1), m.group(2)
        low = word.casefold()
        after = m.end(1)
        if not words and low in _HONORIFICS:
            words.append(word + dot)
            after = m.end()
        elif word[0].isupper():
            if names == 0 and low in _NOT_NAME:
                return None
            if word.endswith(("'s", "'")) and len(word) > 2:
                return None  # a possessive: "Maya's reporting ..."
            if dot and len(word) <= 2:  # an initial "K." or "Jr."
                after = m.end()
            words.append(text[m.start(1):after])
            names += 1
        elif names and low in _PARTICLES:
            words.append(word)
        else:
            break
        end = after
        if end < n and text[end] == " ":
            i = end + 1
        else:
            break
    # A trailing particle is not part of the name ("Maya de").
    while words and words[-1].casefold() in _PARTICLES:
        words.pop()
        end = text.rfind(" ", pos, end)
    if names == 0:
        return None
    return " ".join(words), end


def name_key(name: str) -> str:
    """Comparison form of a person's name: accents, case, honorifics and initials dropped."""
    words = word_key(strip_accents(name)).split()
    words = [w for w in words if len(w) > 1 and w not in _HONORIFICS and w not in ("jr", "sr", "phd")]
    return " ".join(words)


def slug_key(slug: str) -> str:
    """Comparison form of a slug or an id: letters and digits only ("maya-okafor" -> "mayaokafor")."""
    return re.sub(r"[\W_]+", "", strip_accents(slug).casefold())


def slug_forms(name: str) -> set[str]:
    """Slugs a site might give this person: full, first+last, first initial+last, first, last."""
    words = name_key(name).split()
    if not words:
        return set()
    first, last = words[0], words[-1]
    return {"".join(words), first + last, first[0] + last, first, last, first + last[0]}


def same_person(a: str, b: str) -> bool:
    """True if two names (or a name and a first name) plausibly name the same person."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    if len(ka) == 1 or len(kb) == 1:
        one, other = (ka, kb) if len(ka) == 1 else (kb, ka)
        return one[0] in (other[0], other[-1])
    return ka[0] == kb[0] and ka[-1] == kb[-1]


def looks_like_slug(value: str) -> bool:
    return bool(re.fullmatch(r"[a-z0-9][a-z0-9_.\-]*", value.strip()))


def person_name(value: str) -> str | None:
    """A display name from a metadata value, or None for URLs, handles and organisations."""
    v = " ".join(fold_chars(value).split()).strip(" ,;|")
    if not v or len(v) > 80 or "://" in v or "@" in v or "#" in v:
        return None
    m = re.match(r"(?i)by\b\s*:?\s*", v)
    if m:
        v = v[m.end():]
    v = re.split(r"\s*(?:,|\||\s[-\u2013\u2014]\s|\.\s)", v, maxsplit=1)[0]
    found = leading_name(_title_if_caps(v))
    if found is None:
        return None
    name = _drop_role_words(found[0])
    if not name:
        return None
    return name


_CAPS_RUN = lazy(r"\b[A-Z][A-Z'\-]+(?:\s+[A-Z]\.?)?(?:\s+[A-Z][A-Z'\-]+)+\b")


def _title_if_caps(text: str) -> str:
    """"TOM KRISHER, AP Auto Writer" -> "Tom Krisher, AP Auto Writer": runs of two or more
    words in capitals are names shouted in bylines; a lone acronym stays as it is."""
    return _CAPS_RUN.sub(lambda m: m.group(0).title(), text)


def _drop_role_words(name: str) -> str:
    kept = []
    for w in name.split():
        if w.casefold().strip(".") in _ROLE_WORDS:
            break
        kept.append(w)
    return " ".join(kept)


# -- agencies and desks ---------------------------------------------------------------------

# News agencies and wire services named as a story's author or in its byline.
_AGENCIES = frozenset(
    """associated press|the associated press|ap|reuters|thomson reuters|afp|agence france-presse|
    agence france presse|pa|pa media|pa wire|press association|the press association|bloomberg|
    bloomberg news|dpa|deutsche presse-agentur|efe|ansa|xinhua|kyodo|kyodo news|yonhap|upi|
    united press international|aap|australian associated press|canadian press|the canadian press|
    cp|tass|ria novosti|anadolu|anadolu agency|ani|pti|press trust of india|ians|cnn wire|
    nexstar media wire|bloomberg wire|dow jones|dow jones newswires|jiji press|europa press""".split("|")
)
_AGENCIES = frozenset(" ".join(a.split()) for a in _AGENCIES)
# Words of a desk or staff byline: "Staff", "Editorial Board", "Our Foreign Staff", "Staff
# and agencies", "Ledger Staff", "The Editors", "News Desk", "Web Team".
_DESK_WORDS = frozenset(
    """staff agencies agency editorial board editors editor desk newsroom team bureau wire wires
    writers writer reporters reporter correspondents correspondent contributors contributor""".split()
)
_DESK_FILLER = frozenset("and & the our of from with foreign home city news web online digital sports".split())


def is_organisation(name: str) -> bool:
    """A byline or author value that names an agency or a desk, not a person: "Associated
    Press", "Reuters", "AFP", "PA Media", "Bloomberg", "Staff", "Editorial Board", "Our
    Foreign Staff", "Staff and agencies", "Ledger Staff"."""
    words = name_key(name.replace("/", " ")).split() or [w.casefold() for w in name.split()]
    if not words:
        return False
    if " ".join(words) in _AGENCIES or " ".join(w for w in words if w != "the") in _AGENCIES:
        return True
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|/|\band\b|&|\bwith\b)\s*", name_key(name)) if p.strip()]
    if parts and all(p in _AGENCIES for p in parts):
        return True  # "AP and Reuters"
    # A desk: at least one desk word, and the rest filler or the publication's name
    # ("Ledger Staff"): no more than one other word.
    desk = [w for w in words if w in _DESK_WORDS]
    if not desk:
        return False
    others = [w for w in words if w not in _DESK_WORDS and w not in _DESK_FILLER and w not in _AGENCIES]
    strong = {"staff", "agencies", "newsroom"}.intersection(desk) or {"editorial", "board"} <= set(words)
    # "Ledger Staff" (the publication's name and a staff word); "News Desk", "The Editors".
    return (bool(strong) and len(others) <= 1) or not others


# -- bylines ---------------------------------------------------------------------------------

_BY_MARKER = lazy(
    r"(?:^|[|\u2022\u00b7]\s*|\s[-\u2013\u2014]\s*)(?:written\s+|words\s+|story\s+|reporting\s+)?by\b\s*:?\s*",
    re.I,
)
_BYLINE_SPLIT = lazy(r"\s*(?:,|;|\band\b|&|\||\u2022|\u00b7|\s[-\u2013\u2014]\s)\s*", re.I)


def byline_people(text: str) -> list[str]:
    """The people a byline names: "By TOM KRISHER, AP Auto Writer" -> ["Tom Krisher"].

    Empty when the line has no "By" marker near its start, or names only an organisation
    or a role ("By Reuters Staff", "Written By").
    """
    t = fold_chars(text)
    m = _BY_MARKER.search(t, 0, min(len(t), 60))
    if m is None or m.start() > 40:
        return []
    rest = _title_if_caps(t[m.end():])
    out: list[str] = []
    for part in _BYLINE_SPLIT.split(rest):
        part = part.strip()
        if not part:
            continue
        if re.match(r"(?i)(?:updated|published|posted)\b|\d", part):
            break
        found = leading_name(part)
        if found is None:
            continue
        name = _drop_role_words(found[0])
        if name != found[0] and len(name.split()) < 2:
            continue  # "IGN Staff", "Fox News": an organisation or a desk
        if not name or name.casefold() in _NOT_NAME or (name.isupper() and len(name) <= 5):
            continue
        out.append(name)
    return out


# -- bio sentences -------------------------------------------------------------------------

_PREDICATE = lazy(
    r"(?:also |currently |now |previously |formerly |recently )?"
    r"(?:is|was|are|were|has|have|had|serves|served|works|worked|work|joined|joins|covers|"
    r"covered|cover|writes|wrote|write|reports|reported|edits|edited|leads|led|lead|manages|"
    r"managed|directs|directed|teaches|taught|studies|studied|lives|lived|holds|held|earned|"
    r"received|graduated|specializes|specialises|focuses|hosts|hosted|produces|produced|"
    r"contributes|contributed|spent|began|started|helps|helped|oversees|runs|founded|"
    r"co-founded|brings)\b",
    re.I,
)
_COPULA = lazy(
    r"(?:also |currently |now |previously |formerly |recently )?"
    r"(?:is|was|are|were|serves|served|works|worked|work|joined|covers|covered|writes|reports|"
    r"edits|leads|manages|directs|teaches|specializes|specialises|focuses|hosts|contributes|"
    r"has been|had been|has worked|has covered|has written|has reported)\b",
    re.I,
)
_APPOSITIVE = lazy(r",\s*[^,]{1,160}?,\s*")
_PAIR = lazy(r"\s+(?:and|&)\s+")
_ROLE_CUE = lazy(
    r"\b(?:reporter|editor|correspondent|writer|author|columnist|journalist|contributor|producer|"
    r"photographer|photojournalist|critic|blogger|freelancer?|intern|interning|internship|fellow|"
    r"student|semester|strategist|specialist|manager|director|designer|developer|engineer|"
    r"researcher|analyst|advis[eo]r|officer|founder|professor|lecturer|consultant|coordinator|"
    r"anchor|host|covers|covering|writes|writing about|reach (?:him|her|them|me)|"
    r"follow (?:him|her|them|me)|twitter|email)\b",
    re.I,
)
_SPEECH = lazy(r"\b(?:said|says|told|tells|according to|asked|recalled|added)\b", re.I)
_CONTACT = lazy(
    r"(?:reach|contact|email|e-mail|write to) (?:him|her|them|me) (?:at|on|via|by)\b|follow (?!us\b)\S+(?: \S+)? on\b",
    re.I,
)
_STOP = lazy(
    r"[.!?][\"')\]]*\s*(?=(?:(?:This|These) (?:article|post|story|piece|series|blog|essay|interview|"
    r"column|report|is|was|first|second|third)\b|Editor'?s note|Note:|Read more|Check out|"
    r"Learn more|Subscribe|Related:|Originally (?:published|posted)|A version of this|"
    r"Cross-posted|The views|Views expressed|Disclaimer|Photo|Top image|Correction))"
)
# Lines of an author box that are not the bio ("More articles from ...", "Follow us").
_BOX_CHAFF = lazy(r"(?i)(?:more|read|view|see|all) (?:articles|stories|posts|from|by)\b|follow us\b")
_SENTENCE_START = lazy(r"[.!?][\"')\]]*\s*(?=[A-Z])")
_EMPH_BEFORE = lazy(r"(?:[_*]|<(?:em|i|strong|b)\b[^>]*>)\s*$", re.I)


class BioSentence(NamedTuple):
    """A sentence that reads as an author bio: the name, the role and where it ends."""

    name: str  # the person named first
    name_end: int  # offset after the name
    end: int  # offset after the predicate word
    role: bool  # a job word or a contact line in the first sentence
    copula: bool  # "is/was/serves as/works/joined/covers/writes ..." (a description, not an act)
    role_near: bool  # a job word within the next 300 characters


def bio_sentence(text: str, pos: int = 0) -> BioSentence | None:
    """A bio opening at ``pos``: a name, an optional appositive, a bio predicate.

    "Cynthia Baur, Ph.D., is the Senior Advisor ...", "Rebecca and Colin work here ...",
    "Julius is an LA Entertainment Reporter ..." (``text`` folded with ``fold_chars``).
    """
    found = leading_name(text, pos)
    if found is None:
        return None
    name, i = found
    pair = _PAIR.match(text, i)
    if pair is not None:
        other = leading_name(text, pair.end())
        if other is not None:
            i = other[1]
    if i < len(text) and text[i] == ",":
        app = _APPOSITIVE.match(text, i)
        if app is None:
            return None
        i = app.end()
    elif i < len(text) and text[i] == " ":
        i += 1
    else:
        return None
    pred = _PREDICATE.match(text, i)
    if pred is None:
        return None
    stop = _SENTENCE_START.search(text, pred.end())
    first = text[pos:stop.end() if stop else pos + 300]
    role = bool(_ROLE_CUE.search(first))
    return BioSentence(name, found[1], pred.end(), role, bool(_COPULA.match(text, i)),
                       role or bool(_ROLE_CUE.search(text, pos, pos + 300)))


def bio_end(text: str, start: int) -> int:
    """Where a bio that starts at ``start`` ends: the end of the text, or before a closing
    note ("This article is part of ...", "Editor's note: ...")."""
    m = _STOP.search(text, start)
    if m is None:
        return len(text.rstrip())
    end = m.start() + 1
    while end < len(text) and text[end] in "\"')]":
        end += 1
    return end


def is_contact_line(text: str) -> bool:
    """"Reach her at ...", "Follow Maya on Twitter ..." (a bio's closing line)."""
    return bool(_CONTACT.match(fold_chars(text).strip()))


# -- comparing bios --------------------------------------------------------------------------

_LINK_RESIDUE = lazy(r"\]\(\s*(?:\"[^\"]*\")?\s*\)|[\[\]]")


def bio_key(text: str) -> str:
    """Comparison form: words only (case, spacing, NBSP, quote style and punctuation gone),
    with leftovers of unparsed link syntax removed."""
    return word_key(_LINK_RESIDUE.sub(" ", text))


def bio_relation(a: str, b: str, similarity: float, min_contained: int = 8) -> tuple[str, float] | None:
    """How two bio keys (from :func:`bio_key`) relate, or None when they are different bios.

    ``("same", 1.0)``: the same words; ``("contained", 1.0)``: the shorter (at least
    ``min_contained`` words) is part of the longer, as a short bio is the opening of the full
    one; ``("similar", score)``: rapidfuzz's ratio reaches ``similarity`` (copies drift by a
    word). Strings whose lengths differ too much for the ratio to reach it are not compared.
    """
    if a == b:
        return ("same", 1.0) if a else None
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if not short:
        return None
    if short.count(" ") + 1 >= min_contained and f" {short} " in f" {long_} ":
        return ("contained", 1.0)
    # ratio = 2*matches/(len a + len b) <= 2*len(short)/(len(short)+len(long)).
    if 2 * len(short) < similarity * (len(short) + len(long_)):
        return None
    from rapidfuzz.fuzz import ratio

    score = ratio(a, b, score_cutoff=similarity * 100)
    return ("similar", score / 100) if score else None


# -- documents -------------------------------------------------------------------------------


class AuthorRef(NamedTuple):
    """An author the article's metadata names."""

    name: str | None  # display name, when known
    slug: str | None  # slug or id, when given
    source: str  # frontmatter | meta | jsonld
    field: str  # the metadata key ("authors", "author", "jsonld")
    start: int  # source span of the value
    end: int
    bio: str | None = None  # a bio given with the author (authors[].bio, JSON-LD description)

    @property
    def label(self) -> str:
        return self.name or self.slug or ""


class Byline(NamedTuple):
    """A byline block and the people it names."""

    names: tuple[str, ...]
    text: str
    start: int
    end: int


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


@dataclass
class AuthorsRegistry:
    """A site's authors: slug, name and bio of each (see rules/bios.py for the loader)."""

    entries: list[dict[str, str]] = field(default_factory=list)
    by_slug: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, str]] = field(default_factory=dict)
    path: str = ""

    def add(self, slug: str, name: str, bio: str = "", aliases: Iterable[str] = ()) -> None:
        entry = {"slug": slug, "name": name or slug, "bio": bio or ""}
        self.entries.append(entry)
        if slug:
            self.by_slug.setdefault(slug_key(slug), entry)
        for n in (name, *aliases):
            k = name_key(n or "")
            if k:
                self.by_name.setdefault(k, entry)
                self.by_slug.setdefault(slug_key(n or ""), entry)

    def lookup(self, name: str | None = None, slug: str | None = None) -> dict[str, str] | None:
        if slug:
            e = self.by_slug.get(slug_key(slug))
            if e is not None:
                return e
        if name:
            k = name_key(name)
            e = self.by_name.get(k) or self.by_slug.get(slug_key(name))
            if e is not None:
                return e
            words = k.split()
            if len(words) > 2:  # "Denise Turner Roth" registered as "Denise Roth"
                e = self.by_name.get(f"{words[0]} {words[-1]}")
                if e is not None:
                    return e
        return None

    def __len__(self) -> int:
        return len(self.entries)


def _registry(doc: Any) -> AuthorsRegistry | None:
    reg = doc.site.get("authors") if doc.site else None
    return reg if isinstance(reg, AuthorsRegistry) else None


_AUTHOR_FIELDS = ("author", "authors")
# Front-matter fields that hold a bio; "a.b" looks inside a mapping or a list of mappings.
BIO_FIELDS = ("author_bio", "bio", "author.bio", "authors.bio")
_NAME_KEYS = ("name", "display_name", "full_name", "title")
_SLUG_KEYS = ("slug", "id", "key", "username")
_PROFILE_URL = lazy(r"/(?:author|authors|people|person|contributor|contributors|staff|profile|writers?|by)/([\w\-]+)/?$")


def document_authors(doc: Any) -> list[AuthorRef]:
    """The authors the metadata names (front matter, <meta name=author>, JSON-LD)."""
    return doc.view("bios.authors", _build_authors)


def _build_authors(doc: Any) -> list[AuthorRef]:
    out: list[AuthorRef] = []
    reg = _registry(doc)
    for key in _AUTHOR_FIELDS:
        f = doc.metadata.get(key)
        if f is None:
            continue
        span = (f.value_span.start, f.value_span.end)
        if f.source == "frontmatter":
            out.extend(_authors_from_value(f.value, "frontmatter", key, span, reg))
        elif f.source in ("meta", "og") and isinstance(f.value, str):
            m = _PROFILE_URL.search(f.value.strip())
            if m:
                slug = m.group(1)
                e = reg.lookup(slug=slug) if reg else None
                out.append(AuthorRef(e["name"] if e else _slug_to_name(slug), slug, "meta", key, *span))
            else:
                name = person_name(f.value)
                if name and len(name.split()) >= 2:
                    out.append(AuthorRef(name, None, "meta", key, *span))
    ld = doc.metadata.get("jsonld")
    if ld is not None and isinstance(ld.value, dict):
        span = (ld.value_span.start, ld.value_span.end)
        authors = ld.value.get("author") or ld.value.get("creator")
        for a in authors if isinstance(authors, list) else [authors]:
            if isinstance(a, dict):
                kinds = a.get("@type", "Person")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if "person" not in {str(k).casefold() for k in kinds} or not isinstance(a.get("name"), str):
                    continue
                name = person_name(a["name"])
                desc = a.get("description")
                if name:
                    out.append(AuthorRef(name, None, "jsonld", "jsonld", *span,
                                         bio=desc.strip() if isinstance(desc, str) and desc.strip() else None))
            elif isinstance(a, str):
                name = person_name(a)
                if name:
                    out.append(AuthorRef(name, None, "jsonld", "jsonld", *span))
    return out


def _slug_to_name(slug: str) -> str | None:
    parts = [p for p in re.split(r"[-_.]+", slug) if p]
    if len(parts) < 2 or any(p.isdigit() for p in parts):
        return None
    return " ".join(p.capitalize() for p in parts)


def _authors_from_value(value: Any, source: str, key: str, span: tuple[int, int],
                        reg: AuthorsRegistry | None) -> list[AuthorRef]:
    out: list[AuthorRef] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        name = slug = bio = None
        if isinstance(item, dict):
            name = next((str(item[k]) for k in _NAME_KEYS if isinstance(item.get(k), str)), None)
            slug = next((str(item[k]) for k in _SLUG_KEYS if isinstance(item.get(k), (str, int))), None)
            b = item.get("bio")
            bio = b.strip() if isinstance(b, str) and b.strip() else None
        elif isinstance(item, (str, int)) and str(item).strip():
            s = str(item).strip()
            if looks_like_slug(s):
                slug = s
            else:
                for part in re.split(r"\s*(?:,|;|\band\b|&)\s*", s):
                    if part:
                        e = reg.lookup(name=part) if reg else None
                        out.append(AuthorRef(part, e["slug"] if e else None, source, key, *span))
                continue
        else:
            continue
        if reg is not None and (slug or name):
            e = reg.lookup(name=name, slug=slug)
            if e is not None:
                name = name or e["name"]
                slug = slug or e["slug"]
        out.append(AuthorRef(name, slug, source, key, *span, bio=bio))
    return out


def document_bylines(doc: Any) -> list[Byline]:
    """"By ..." lines that name people, outside quotes, before the body gets going."""
    return doc.view("bios.bylines", _build_bylines)


def _build_bylines(doc: Any) -> list[Byline]:
    out: list[Byline] = []
    long_paragraphs = 0
    for b in doc.prose:
        if b.kind == "paragraph" and len(b.text.text) > 80:
            long_paragraphs += 1
            if long_paragraphs > 2:
                break
        if b.kind != "byline" or b.in_quote:
            continue
        names = byline_people(b.text.text)
        if names:
            out.append(Byline(tuple(names), b.text.text, b.span.start, b.span.end))
    return out


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


def resolve_name(name: str, known: list[str], slugs: Iterable[str] = ()) -> tuple[str, bool]:
    """``name`` as one of the article's authors (full name) if it is one: (name, matched)."""
    for k in known:
        if same_person(name, k):
            return (k if len(name_key(k).split()) >= len(name_key(name).split()) else name), True
    forms = slug_forms(name)
    for s in slugs:
        sk = slug_key(s)
        if sk in forms or (len(name_key(name).split()) >= 2 and sk == "".join(name_key(name).split())):
            return name, True
        # "rebecca-refoy" for "Rebecca": the first word of the slug.
        first = re.split(r"[-_.]", s.casefold())[0]
        if len(name_key(name).split()) == 1 and first == name_key(name):
            return name, True
    return name, False


def _build_bios(doc: Any) -> list[Bio]:
    from ..document import BIO, LIST_ITEM, PARAGRAPH

    bios: list[Bio] = []
    bios.extend(_metadata_bios(doc, BIO_FIELDS))
    known = _known_names(doc)
    slugs = _slugs(doc)
    english = doc.is_english
    candidates = [
        b for b in doc.prose
        if b.kind in (PARAGRAPH, LIST_ITEM, BIO) and not b.in_quote and b.text.text
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
            opening = raw[:raw.find(" ")].strip(".,").casefold() if " " in raw else ""
            glue = bool(lasts) and len(raw) > 40 and any(x in raw for x in lasts)
            if opening not in firsts and not glue:
                continue
        text = fold_chars(raw)
        # Emphasis markers the parser left as text ("_Jane Doe is ... _" with a space
        # before the closing underscore) do not hide the name.
        lead = len(text) - len(text.lstrip("_* ")) if text[:1] in "_*" else 0
        sent = bio_sentence(text, lead) if text[lead:lead + 1].isalpha() else None
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
                bios.append(_body_bio(b, lead, end, name, "structure" if emphasised or boxed else "text",
                                      whole=end - lead >= len(text.rstrip()) * 0.8))
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
            out.append(Bio(text, bio_key(text), name, start, end, "frontmatter",
                           f"front matter '{path if sub else top}'"))
    for a in document_authors(doc):
        if a.source == "jsonld" and a.bio:
            out.append(Bio(a.bio, bio_key(a.bio), a.name, a.start, a.end, "jsonld", "JSON-LD author description"))
    return out


def _key_lines(doc: Any, f: Any, key: str) -> list[tuple[int, int]]:
    """Where each ``key:`` sits inside a front-matter value (the bios of ``authors:``)."""
    lo, hi = f.value_span.start, f.value_span.end
    pat = re.compile(rf"^[ \t]*(?:-[ \t]+)?({re.escape(key)})[ \t]*:", re.M)
    return [(m.start(1), hi) for m in pat.finditer(doc.source, lo, hi)]
