"""Agencies and desks: a byline or author value that names an organisation, not a person."""

from __future__ import annotations

import re

from .names import name_key

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
    # "Ledger Staff" (the publication's name and a staff word), "Brennan Ledger Staff",
    # "New York Times Staff" (a longer name, then the desk word last); "News Desk", "The Editors".
    return (bool(strong) and (len(others) <= 1 or (words[-1] in strong and len(others) <= 3))) or not others
