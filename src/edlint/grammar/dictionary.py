"""The house dictionary: words that are not spelling mistakes on this site.

From the config (``grammar.words``, word files named in ``grammar.dictionary``), from the packs
shipped with edlint (every US and UK form the spelling-variants pack keeps consistent, which
that pack reports, not the spelling rule: one problem, one report; names and abbreviations
the packs list as exceptions), and, per article, the names the article vouches for (its
authors, bylines, people quoted) and the site's authors registry.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from typing import Any

from ..text.patterns import lazy

MAX_WORD_FILE = 2 * 1024 * 1024
_ENDINGS = lazy(r"^(~?)([^()]*)\(([^()]*)\)(.*)$")
_TOKEN = lazy(r"[^\W\d_][\w'’.-]*")
_NAME = lazy(r"\b[A-Z][\w'’-]+")
_SPEAKER = lazy(
    r"(?:\b(?:said|says|told|added|asked|wrote)\s+((?:[A-Z][\w'’-]+\s?){1,3}))|((?:[A-Z][\w'’-]+\s){1,3})(?:said|says|told)\b"
)
# Unit spellings: the units family reports metre/meter (units-spelling).
UNIT_WORDS = (
    "metre metres meter meters kilometre kilometres kilometer kilometers centimetre centimetres "
    "centimeter centimeters millimetre millimetres millimeter millimeters litre litres liter liters "
    "millilitre millilitres milliliter milliliters tonne tonnes gramme grammes"
).split()


def tokens(entries: Iterable[str]) -> set[str]:
    """The words of dictionary entries ("Walla Walla" -> Walla)."""
    out: set[str] = set()
    for entry in entries:
        out.update(_TOKEN.findall(str(entry)))
    return out


def expand(form: str) -> list[str]:
    """``color(|s|ed)`` -> color, colors, colored (the spelling-variants pack's notation)."""
    m = _ENDINGS.match(form)
    if m is None:
        return [form.lstrip("~")]
    _, stem, endings, tail = m.groups()
    return [w for e in endings.split("|") for w in expand(stem + e + tail)]


def _pack_words(data: Any) -> set[str]:
    words: set[str] = set()
    if not isinstance(data, dict):
        return words
    for rule in data.get("rules") or []:
        if not isinstance(rule, dict):
            continue
        groups = rule.get("groups")
        rows = list(rule.get("pairs") or [])
        if isinstance(groups, dict):
            for group in groups.values():
                rows.extend(group or [])
        for row in rows:
            if isinstance(row, list):
                for form in row:
                    if isinstance(form, str):
                        words.update(expand(form))
        exceptions = rule.get("exceptions")
        if isinstance(exceptions, list) and rule.get("type") in ("capitalization", "conditional"):
            # Names and abbreviations (heading case, acronyms), not phrases.
            words.update(tokens(e for e in exceptions if isinstance(e, str)))
    return words


_SHIPPED: set[str] | None = None


def shipped_words() -> set[str]:
    global _SHIPPED
    if _SHIPPED is None:
        from ..rules.declarative.packs import shipped_pack_paths
        from ..yaml_loader import load_yaml

        words = set(UNIT_WORDS)
        for path in shipped_pack_paths():
            try:
                with open(path, encoding="utf-8") as fh:
                    words |= _pack_words(load_yaml(fh.read(MAX_WORD_FILE)))
            except (OSError, ValueError, UnicodeDecodeError):
                continue
        _SHIPPED = {w for w in words if re.fullmatch(r"[^\W\d_][\w'’-]*", w)}
    return _SHIPPED


def shipped_stamp() -> str:
    """The shipped packs' files as they are on disk (no reading): what ``shipped_words``
    depends on, for the paragraph answers' key."""
    from ..rules.declarative.packs import shipped_pack_paths

    parts = []
    for path in shipped_pack_paths():
        try:
            st = os.stat(path)
        except OSError:
            continue
        parts.append(f"{os.path.basename(path)}:{st.st_size}:{st.st_mtime_ns}")
    return ",".join(parts)


def word_file_paths(config_dir: str, files: Iterable[str]) -> list[str]:
    return [f if os.path.isabs(f) else os.path.join(config_dir, f) for f in files]


def read_word_file(path: str) -> list[str]:
    """One word or name per line; ``#`` starts a comment. Read as site files are (inside the
    linted root, never through a symlink out of it, bounded)."""
    from ..reading import read_site_text

    text = read_site_text(path, MAX_WORD_FILE)
    return [line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip()]


def article_names(doc: Any) -> set[str]:
    """Names the article itself vouches for: authors, bylines, people quoted; and the names
    in the site's authors registry when the bios family loaded it."""
    from ..document import BYLINE

    names: set[str] = set()
    for key in ("author", "authors", "byline", "creator"):
        value = doc.meta(key)
        values = value if isinstance(value, list) else [value]
        for v in values:
            if isinstance(v, dict):
                v = v.get("name") or v.get("title")
            if isinstance(v, str):
                names.update(_NAME.findall(v))
    for block in doc.prose:
        text = block.text.text if block.text else ""
        if block.kind == BYLINE:
            names.update(_NAME.findall(text))
        if "said" in text or "says" in text or "told" in text or "added" in text or "asked" in text or "wrote" in text:
            for m in _SPEAKER.finditer(text):
                names.update(_NAME.findall(m.group(1) or m.group(2) or ""))
    registry = doc.site.get("authors") if doc.site else None
    for entry in getattr(registry, "entries", None) or ():
        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
            names.update(_NAME.findall(entry["name"]))
    return names


def possessive_stem(word: str) -> str:
    for tail in ("’s", "'s", "’", "'"):
        if word.endswith(tail) and len(word) > len(tail):
            return word[: -len(tail)]
    return word


_NEIGHBOUR_OF_NAME = frozenset("0123456789._/@#&+=<>[]{}\\|~^$%*")


def plain_word(text: str, start: int, end: int) -> bool:
    """An ordinary lower-case English word as written: ASCII letters (an apostrophe
    inside), at least two, with no digit, dot, slash or other code-like character touching
    it. Misspellings are such words; names, brands, abbreviations, code and foreign words
    mostly are not."""
    word = possessive_stem(text[start:end])
    if len(word) < 2 or not word.isascii() or not word.replace("'", "").replace("-", "").isalpha():
        return False
    if not word.islower():
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in "-‐" or after in "-‐":
        return False  # a piece of a hyphenated word ("un-adjusted", "api-umbrella")
    if before in _NEIGHBOUR_OF_NAME or (
        after in _NEIGHBOUR_OF_NAME and not (after == "." and _sentence_end(text, end))
    ):
        return False
    return not (before.isalnum() or after.isalnum())


def _sentence_end(text: str, i: int) -> bool:
    """``text[i]`` is a full stop ending a sentence (end of text or a space after it)."""
    return i + 1 >= len(text) or text[i + 1].isspace()
