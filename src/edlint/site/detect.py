"""Recognise the generator of a site from its config files, and read what edlint needs.

A site's root is the nearest folder, from a linted file or folder upward, that holds a
generator's config: ``hugo.toml|yaml|json`` (or ``config.*`` / ``config/_default/`` beside a
``content/``, ``themes/``, ``layouts/`` or ``archetypes/`` folder), ``_config.yml`` (Jekyll),
``.eleventy.js`` / ``eleventy.config.js|mjs|cjs`` (Eleventy). The search stops at the
repository root (a folder with ``.git``). Each folder is listed once per run; config files are
read once, at most ``MAX_CONFIG_BYTES`` each, as data (no JavaScript is run).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from typing import Any

from .kinds import (
    EleventyLayout,
    HugoLayout,
    JekyllLayout,
    Layout,
    QuartoLayout,
    kind_from_front_matter,
)
from .vocabulary import AUTHOR_FOLDERS

MAX_CONFIG_BYTES = 1024 * 1024
SITE_KINDS = ("hugo", "jekyll", "eleventy", "quarto", "plain")
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
HUGO_GENERIC = ("config.toml", "config.yaml", "config.yml", "config.json")
HUGO_FOLDERS = ("content", "archetypes", "themes", "layouts")
JEKYLL_CONFIGS = ("_config.yml", "_config.yaml", "_config.toml")
ELEVENTY_CONFIGS = (
    ".eleventy.js",
    ".eleventy.cjs",
    "eleventy.config.js",
    "eleventy.config.mjs",
    "eleventy.config.cjs",
    "eleventy.config.ts",
)
QUARTO_CONFIGS = ("_quarto.yml", "_quarto.yaml")
MARKERS = (
    *HUGO_CONFIGS,
    *HUGO_GENERIC,
    *JEKYLL_CONFIGS,
    *ELEVENTY_CONFIGS,
    *QUARTO_CONFIGS,
    *HUGO_FOLDERS,
    "config",
    ".git",
)
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}|[A-Za-z]{4}))?$")


def language_tag(value: Any) -> str | None:
    """``en_gb`` / ``en-GB`` / ``EN`` -> ``en-GB`` / ``en``; None for anything else."""
    if not isinstance(value, str):
        return None
    m = _TAG.match(value.strip())
    if not m:
        return None
    lang, region = m.group(1).lower(), m.group(2)
    if region is None:
        return lang
    return f"{lang}-{region.upper() if len(region) == 2 else region.title()}"


class Site:
    """One site: its generator, root folder, layout and the settings edlint took from it."""

    def __init__(
        self,
        kind: str,
        root: str,
        layout: Layout,
        language: str | None = None,
        language_from: str | None = None,
        config_files: tuple[str, ...] = (),
        detected_by: str = "",
    ) -> None:
        self.kind = kind  # hugo | jekyll | eleventy | plain
        self.root = root  # absolute
        self.layout = layout
        self.language = language
        self.language_from = language_from  # "hugo.toml: languageCode"
        self.config_files = config_files  # generator config files read (absolute)
        self.detected_by = detected_by  # the file or reason that decided the kind
        # Multilingual sites: a content folder -> (its language, where that was said).
        self.languages_by_dir: dict[str, tuple[str, str]] = {}

    def language_for(self, path: str) -> tuple[str | None, str | None]:
        """The site's language for ``path`` (a multilingual site's per-folder language)."""
        if self.languages_by_dir:
            rel = self.rel(path) or ""
            for d in sorted(self.languages_by_dir, key=len, reverse=True):
                if rel.startswith(d.rstrip("/") + "/"):
                    return self.languages_by_dir[d]
        return self.language, self.language_from

    def rel(self, path: str) -> str | None:
        """``path`` relative to the root ('/'-separated); None when outside it."""
        try:
            rel = os.path.relpath(os.path.abspath(path), self.root)
        except ValueError:
            return None
        rel = rel.replace(os.sep, "/")
        if rel == ".":
            return ""
        if rel == ".." or rel.startswith("../"):
            return None
        return rel

    def skip_dir(self, path: str) -> bool:
        rel = self.rel(path)
        if rel is None and self.kind == "plain":
            # A plain folder of articles checked from elsewhere (its root is the working
            # folder): its layout looks only at the folder's own name.
            rel = os.path.basename(os.path.normpath(path))
        return rel is not None and rel != "" and self.layout.skip_dir(rel)

    def skip_file(self, path: str) -> bool:
        rel = self.rel(path)
        return rel is not None and self.layout.skip_file(rel)

    def page_kind(self, path: str, meta: dict[str, Any]) -> str:
        said = kind_from_front_matter(meta)
        if said is not None:
            return said
        rel = self.rel(path)
        return self.layout.kind(rel, meta) if rel is not None else "article"

    def fingerprint(self) -> str:
        return repr((self.kind, self.root, self.language, sorted(self.languages_by_dir.items()), vars(self.layout)))

    def describe(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "root": self.root,
            "detected_by": self.detected_by,
            "language": self.language,
            "language_from": self.language_from,
            "config_files": list(self.config_files),
            **self.layout.describe(),
        }


class SiteFinder:
    """Finds and remembers the site of each folder for one run.

    ``note`` is told every folder listed and file read (replay.py signs them); ``forced``
    is the config's ``site:`` when it names a generator."""

    def __init__(self, note: Callable[[str], None] | None = None) -> None:
        self.note = note
        self._by_dir: dict[str, Site | None] = {}
        self._sites: dict[tuple[str, str], Site] = {}

    def site_for(self, path: str, fallback_root: str, forced: str | None = None) -> Site:
        """The site ``path`` (a file or folder) belongs to; a plain site rooted at
        ``fallback_root`` (the config's folder) when no generator is found."""
        path = os.path.abspath(path)
        start = path if os.path.isdir(path) else os.path.dirname(path)
        if forced and forced != "auto":
            root = os.path.abspath(fallback_root)
            found = self.for_dir(start)
            if found is not None and found.kind == forced:
                return found
            return self._site(root, forced, f"config site: {forced}")
        found = self.for_dir(start)
        if found is not None:
            return found
        return self._site(os.path.abspath(fallback_root), "plain", "no generator config found")

    def for_dir(self, d: str) -> Site | None:
        chain: list[str] = []
        site: Site | None = None
        while True:
            if d in self._by_dir:
                site = self._by_dir[d]
                break
            chain.append(d)
            names = self._names(d)
            kind, why = _kind_from_names(d, names)
            if kind is not None:
                site = self._site(d, kind, why)
                break
            parent = os.path.dirname(d)
            if ".git" in names or parent == d:
                break  # the repository (or filesystem) root: a site does not span repositories
            d = parent
        for c in chain:
            self._by_dir[c] = site
        return site

    def seed(self, d: str, names: list[str]) -> None:
        """The walk lists folders anyway: a folder holding a generator config starts a
        (nested) site there, without listing it twice."""
        d = os.path.abspath(d)
        if d in self._by_dir:
            return
        kind, why = _kind_from_names(d, set(names))
        if kind is not None:
            self._by_dir[d] = self._site(d, kind, why)

    def _names(self, d: str) -> set[str]:
        if self.note is not None:
            # Sign what decides the kind, not the folder: the folder's own signature changes
            # when the cache folder is created in it, and a replay must still be possible.
            for n in MARKERS:
                self.note(os.path.join(d, n))
        try:
            return set(os.listdir(d))
        except OSError:
            return set()

    def _site(self, root: str, kind: str, why: str) -> Site:
        key = (root, kind)
        site = self._sites.get(key)
        if site is None:
            site = self._sites[key] = _read_site(root, kind, why, lambda path: self._read(path, root))
        return site

    def _read(self, path: str, root: str) -> str | None:
        if self.note is not None:
            self.note(path)
        # A generator config that is a symlink out of the site is not read: nothing outside
        # the linted tree is opened because a file in it says so.
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
        if real != real_root and not real.startswith(real_root.rstrip(os.sep) + os.sep):
            return None
        return read_small(path)


def read_small(path: str, max_size: int = MAX_CONFIG_BYTES, *, git_info: bool = False) -> str | None:
    """A small site file (generator config, ignore file) as text, or None: read as articles
    are (a regular file, bounded, never from .git), so a FIFO or /dev/zero cannot block us."""
    from ..reading import read_file

    got = read_file(path, max_size, git_info=git_info)
    if got.data is None:
        return None
    try:
        return got.data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _kind_from_names(d: str, names: set[str]) -> tuple[str | None, str]:
    for n in HUGO_CONFIGS:
        if n in names:
            return "hugo", n
    for n in ELEVENTY_CONFIGS:
        if n in names:
            return "eleventy", n
    for n in JEKYLL_CONFIGS:
        if n in names:
            return "jekyll", n
    for n in QUARTO_CONFIGS:
        if n in names:
            return "quarto", n
    hugo_folders = [f for f in HUGO_FOLDERS if f in names]
    if hugo_folders:
        for n in HUGO_GENERIC:
            if n in names:
                return "hugo", f"{n} beside {hugo_folders[0]}/"
        if "config" in names and os.path.isdir(os.path.join(d, "config", "_default")):
            return "hugo", "config/_default/"
    return None, ""


def parse_data(path: str, text: str) -> Any:
    """A config file's data (TOML, YAML or JSON by extension); None when it cannot be read."""
    try:
        if path.endswith(".toml"):
            try:
                import tomllib  # type: ignore[import-not-found]
            except ModuleNotFoundError:  # Python 3.10
                import tomli as tomllib  # type: ignore[no-redef]
            return tomllib.loads(text)
        if path.endswith(".json"):
            import json

            return json.loads(text)
        from ..parsers.frontmatter import load_yaml

        return load_yaml(text)
    except Exception:  # noqa: BLE001 - a broken generator config: detection goes on without it
        return None


def _lower_keys(data: Any) -> dict[str, Any]:
    """Hugo config keys are case-insensitive."""
    return {str(k).lower(): v for k, v in data.items()} if isinstance(data, dict) else {}


def _read_site(root: str, kind: str, why: str, read: Callable[[str], str | None]) -> Site:
    if kind == "hugo":
        return _read_hugo(root, why, read)
    if kind == "jekyll":
        return _read_jekyll(root, why, read)
    if kind == "eleventy":
        return _read_eleventy(root, why, read)
    if kind == "quarto":
        return _read_quarto(root, why, read)
    return Site("plain", root, Layout(), detected_by=why)


def _read_quarto(root: str, why: str, read: Callable[[str], str | None]) -> Site:
    found = _first_config(root, QUARTO_CONFIGS, read)
    files = (found[0],) if found else ()
    data = found[1] if found and isinstance(found[1], dict) else {}
    name = os.path.basename(found[0]) if found else "_quarto.yml"
    project = data.get("project") if isinstance(data.get("project"), dict) else {}
    output = project.get("output-dir")
    layout = QuartoLayout(str(output) if isinstance(output, str) else "_site")
    language = language_tag(data.get("lang"))
    return Site("quarto", root, layout, language, f"{name}: lang" if language else None, files, why)


def _first_config(root: str, names: tuple[str, ...], read: Callable[[str], str | None]) -> tuple[str, Any] | None:
    for n in names:
        path = os.path.join(root, n)
        text = read(path)
        if text is not None:
            return path, parse_data(path, text)
    return None


def _read_hugo(root: str, why: str, read: Callable[[str], str | None]) -> Site:
    files: list[str] = []
    data: dict[str, Any] = {}
    found = _first_config(root, HUGO_CONFIGS + HUGO_GENERIC, read)
    if found is not None:
        files.append(found[0])
        data = _lower_keys(found[1])
    default_dir = os.path.join(root, "config", "_default")
    if os.path.isdir(default_dir):
        more = _first_config(default_dir, HUGO_CONFIGS + HUGO_GENERIC, read)
        if more is not None:
            files.append(more[0])
            data = {**_lower_keys(more[1]), **data}
        langs = _first_config(
            default_dir, ("languages.toml", "languages.yaml", "languages.yml", "languages.json"), read
        )
        if langs is not None and isinstance(langs[1], dict):
            files.append(langs[0])
            data.setdefault("languages", langs[1])
    name = os.path.basename(files[0]) if files else "hugo config"
    content_dir = str(data.get("contentdir") or "content").strip("/") or "content"
    content_dirs = [content_dir]
    language, language_from = None, None
    default_lang = data.get("defaultcontentlanguage")
    languages = data.get("languages") if isinstance(data.get("languages"), dict) else {}
    by_dir: dict[str, tuple[str, str]] = {}  # a language's contentDir -> (tag, where it was said)
    for key, spec in languages.items():
        spec = _lower_keys(spec)
        if isinstance(spec.get("contentdir"), str):
            d = spec["contentdir"].strip("/")
            content_dirs.append(d)
            for k in ("languagecode", "locale"):
                if language_tag(spec.get(k)):
                    by_dir[d] = (language_tag(spec[k]), f"{name}: languages.{key}.{k}")  # type: ignore[assignment]
                    break
            else:
                if language_tag(key):
                    by_dir[d] = (language_tag(key), f"{name}: languages.{key}")  # type: ignore[assignment]
    if language_tag(data.get("languagecode")):
        language, language_from = language_tag(data["languagecode"]), f"{name}: languageCode"
    if language is None and default_lang is not None:
        spec = _lower_keys(languages.get(default_lang) or languages.get(str(default_lang).lower()) or {})
        for k in ("languagecode", "locale"):
            if language_tag(spec.get(k)):
                language, language_from = language_tag(spec[k]), f"{name}: languages.{default_lang}.{k}"
                break
    if language is None and language_tag(default_lang):
        language, language_from = language_tag(default_lang), f"{name}: defaultContentLanguage"
    people = set(AUTHOR_FOLDERS)
    taxonomies = data.get("taxonomies")
    if isinstance(taxonomies, dict):
        for singular, plural in taxonomies.items():
            if str(singular).lower() in AUTHOR_FOLDERS and isinstance(plural, str):
                people.add(plural.lower())
    params = _lower_keys(data.get("params"))
    if os.path.isdir(default_dir) and "mainsections" not in params and "mainsections" not in data:
        more = _first_config(default_dir, ("params.toml", "params.yaml", "params.yml", "params.json"), read)
        if more is not None and isinstance(more[1], dict):
            files.append(more[0])
            params = _lower_keys(more[1])
    main = data.get("mainsections", params.get("mainsections"))
    if isinstance(main, str):
        main = [main]
    main_sections = tuple(str(m).strip("/") for m in main if isinstance(m, str)) if isinstance(main, list) else None
    layout = HugoLayout(
        tuple(dict.fromkeys(content_dirs)),
        str(data.get("publishdir") or "public").strip("/"),
        frozenset(people),
        main_sections or None,
    )
    site = Site("hugo", root, layout, language, language_from, tuple(files), why)
    site.languages_by_dir = by_dir
    return site


def _read_jekyll(root: str, why: str, read: Callable[[str], str | None]) -> Site:
    found = _first_config(root, JEKYLL_CONFIGS, read)
    files = (found[0],) if found else ()
    data = found[1] if found and isinstance(found[1], dict) else {}
    name = os.path.basename(found[0]) if found else "_config.yml"
    language, language_from = None, None
    for key in ("lang", "locale", "language"):
        if language_tag(data.get(key)):
            language, language_from = language_tag(data[key]), f"{name}: {key}"
            break
    collections = data.get("collections")
    names: tuple[str, ...] = ()
    if isinstance(collections, dict):
        names = tuple(str(k) for k in collections)
    elif isinstance(collections, list):
        names = tuple(str(k) for k in collections if isinstance(k, (str, int)))
    excluded = data.get("exclude")
    excluded = tuple(str(e) for e in excluded if isinstance(e, str)) if isinstance(excluded, list) else ()
    dest = str(data.get("destination") or "_site").strip("/") or "_site"
    layout = JekyllLayout(names, dest, excluded, _jekyll_default_layouts(data.get("defaults")))
    return Site("jekyll", root, layout, language, language_from, files, why)


def _jekyll_default_layouts(defaults: Any) -> tuple[tuple[str, str, str], ...]:
    """``defaults: [{scope: {path: "", type: components}, values: {layout: component}}]`` as
    (path, type, layout) triples; entries that set no layout are left out."""
    out: list[tuple[str, str, str]] = []
    if not isinstance(defaults, list):
        return ()
    for entry in defaults[:200]:
        if not isinstance(entry, dict):
            continue
        scope, values = entry.get("scope"), entry.get("values")
        if not isinstance(scope, dict) or not isinstance(values, dict):
            continue
        path, kind, layout = scope.get("path", ""), scope.get("type", ""), values.get("layout")
        if isinstance(path, str) and isinstance(kind, str) and isinstance(layout, str):
            out.append((path.strip().strip("/"), kind.strip(), layout))
    return tuple(out)


_ELEVENTY_DIR = re.compile(r"""\b(input|output|includes|data|layouts)\s*:\s*["'`]([^"'`\n]{1,200})["'`]""")
_JS_LANG = re.compile(r"""\b(?:lang|language|locale)\s*:\s*["'`]([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,4})?)["'`]""")


def _read_eleventy(root: str, why: str, read: Callable[[str], str | None]) -> Site:
    files: list[str] = []
    dirs: dict[str, str] = {}
    for n in ELEVENTY_CONFIGS:
        path = os.path.join(root, n)
        text = read(path)
        if text is None:
            continue
        files.append(path)
        # The config is JavaScript: never run it; take `dir: {input: "src"}` when it is spelt out.
        for key, value in _ELEVENTY_DIR.findall(text):
            dirs.setdefault(key, value.strip().removeprefix("./"))
        break
    input_dir = dirs.get("input", ".").strip("/") or "."
    layout = EleventyLayout(
        input_dir,
        dirs.get("output", "_site"),
        dirs.get("includes", "_includes"),
        dirs.get("data", "_data"),
        dirs.get("layouts", "_layouts"),
    )
    data_dir = os.path.join(root, input_dir, dirs.get("data", "_data"))
    language, language_from = None, None
    for n in (
        "site.json",
        "metadata.json",
        "site.yaml",
        "site.yml",
        "metadata.yaml",
        "metadata.yml",
        "site.js",
        "metadata.js",
        "site.cjs",
        "metadata.cjs",
    ):
        path = os.path.join(data_dir, n)
        text = read(path)
        if text is None:
            continue
        files.append(path)
        rel = os.path.relpath(path, root).replace(os.sep, "/")
        if n.endswith(("js",)):
            # Global data written as code: read a literal `lang: "en-GB"`, never execute it.
            m = _JS_LANG.search(text)
            if m and language_tag(m.group(1)):
                language, language_from = language_tag(m.group(1)), f"{rel}: lang"
        else:
            data = parse_data(path, text)
            if isinstance(data, dict):
                for key in ("lang", "language", "locale"):
                    if language_tag(data.get(key)):
                        language, language_from = language_tag(data[key]), f"{rel}: {key}"
                        break
        if language:
            break
    return Site("eleventy", root, layout, language, language_from, tuple(files), why)
