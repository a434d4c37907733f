"""What a text gives as a credit: the kinds (credit, weak, licence, none) and the result record."""

from __future__ import annotations

from typing import NamedTuple

CREDIT = "credit"  # a creator or source is named
WEAK = "weak"  # "File photo", "Handout", "Supplied": says where from, names nobody
LICENCE = "licence"  # only a licence ("CC BY-SA 4.0", "public domain")
NONE = "none"

_RANK = {NONE: 0, LICENCE: 1, WEAK: 2, CREDIT: 3}


class CreditResult(NamedTuple):
    """What a text gives as a credit; ``start``/``end`` locate the evidence in the text."""

    kind: str
    start: int = 0
    end: int = 0
    value: str = ""  # the credit words (for messages)

    @property
    def named(self) -> bool:
        return self.kind == CREDIT


NO_CREDIT = CreditResult(NONE)
