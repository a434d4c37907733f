"""Options of the bios family (config section ``bios:``)."""

from __future__ import annotations

from dataclasses import dataclass

from ..base import section


@dataclass(frozen=True)
class BiosOptions:
    """Options of the bios family (config section `bios:`)."""

    # Path of an authors registry (YAML list or mapping with name, slug, bio; a Jekyll
    # _data/authors.yml; a CSV with id/slug and name or first_name/last_name; or a folder of
    # Hugo author pages <slug>/_index.md), relative to the config file's folder.
    authors: str = ""
    # Two bios at least this alike (0-1, rapidfuzz ratio of their words) are copies.
    similarity: float = 0.9
    # Across articles, an author's bios less alike than this (0-1) are different bios: a
    # changed job or a finished internship, not a copy that drifted by a word.
    consistency: float = 0.95
    # Bios shorter than this many words are not compared ("Staff Writer").
    min_words: int = 5
    # Read the JSON-LD author description as a bio too. It is never printed, so by default
    # it is neither a second copy (bio-duplicate) nor a bio to compare (bio-inconsistent).
    jsonld_bios: bool = False
    # Dated articles whose publication dates are at most this many days apart are published
    # "at the same time": their author's bios must agree. Bios further apart may differ (a
    # bio is true on its article's day); only a return to an older bio is reported then.
    window_days: int = 0
    # With a registry: report authors and bylines that are not in it.
    unknown_authors: bool = True


SECTION = section("bios", BiosOptions, "Author bios, bylines and the authors registry")
