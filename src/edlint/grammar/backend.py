"""The interface every grammar backend implements, and what it answers."""

from __future__ import annotations

from typing import NamedTuple


class Problem(NamedTuple):
    """One problem a backend found in one paragraph (offsets in code points of that text)."""

    start: int
    end: int
    kind: str  # the backend's kind: Harper's lint kind ("Spelling") or LanguageTool's category ("TYPOS")
    code: str  # the backend's rule ("SpellCheck", "MORFOLOGIK_RULE_EN_US")
    message: str
    replacements: tuple[str, ...]
    spelling: bool  # a misspelled word (reported by the `spelling` rule), else grammar


class Backend:
    """Checks paragraphs of one article. ``check`` returns, for each paragraph, its problems,
    or None when the backend could not check them (the reason is in ``messages``)."""

    name = ""
    failed = False

    def __init__(self) -> None:
        self.messages: list[str] = []

    def check(self, paragraphs: list[str], dialect: str) -> list[list[Problem]] | None:
        raise NotImplementedError

    def identity(self) -> str:
        """What, besides the article and the options, decides this backend's answers (its
        version, its dictionary): part of the content cache's key."""
        return self.name
