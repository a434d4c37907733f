"""Photo credits: where a credit starts in a caption, and whether it names anyone.

Two entry points:

- :func:`find_credit_marker` — the offset where a credit begins ("Photo: ...", "Image
  Credit: ...", "Photo by ...", "©"), used by the parsers to tell a caption/credit line.
- :class:`CreditRecogniser` — decides what a caption or a credit field gives the reader:
  a real credit (a creator or source is named), a *weak* one ("File photo", "Handout",
  "Supplied"), a *licence only* ("CC BY-SA 4.0", "public domain": a licence is not a
  credit, and CC licences themselves require naming the author), or nothing.

The recogniser knows the forms newsrooms use: "Photo: Name/Agency", "Photo by ...",
"Image Credit: ...", "Credit: ...", "Courtesy of ...", "(AP)", "(Reuters)", "(Name/Agency)",
"Getty Images" anywhere, "© Name", "Source: ..." (charts and maps), and a trailing
"Name/Agency" or "Agency" segment. A label such as "Image:" is also how some sites start a
*caption* ("Image: Jose Mourinho has agreed a deal ..."), so after "Photo:"/"Image:" the
words must look like a name list, not a sentence.
"""

from __future__ import annotations

from .kinds import CREDIT, LICENCE, NO_CREDIT, NONE, WEAK, CreditResult
from .marker import CREDIT_MARKER, find_credit_marker
from .recogniser import CreditRecogniser, classify_credit, default_recogniser
from .words import CONNECTORS, DEFAULT_LICENCES, DEFAULT_SOURCES, DEFAULT_WEAK
from .works import titled_work

__all__ = [
    "CONNECTORS",
    "CREDIT",
    "CREDIT_MARKER",
    "DEFAULT_LICENCES",
    "DEFAULT_SOURCES",
    "DEFAULT_WEAK",
    "LICENCE",
    "NONE",
    "NO_CREDIT",
    "WEAK",
    "CreditRecogniser",
    "CreditResult",
    "classify_credit",
    "default_recogniser",
    "find_credit_marker",
    "titled_work",
]
