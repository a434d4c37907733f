"""Quote rules: direct quotes with no speaker, unbalanced marks, mixed or off-style marks.

Every rule reads the same per-document scan (``doc.view("quotes.scans", ...)``, see
:mod:`.view`): the quotation marks and quotations :mod:`edlint.text.quotes` finds in each
prose block. quote-attribution's parts: :mod:`.lexicon` (the speech-verb lexicon),
:mod:`.names` (who can speak: names, roles, credits), :mod:`.documents` (documents as
sources), :mod:`.speaker` (the reporting-verb search and the attribution next to a quotation),
:mod:`.mentions` (quotations that are not speech), :mod:`.sources` (links, pull quotes,
footnotes), :mod:`.context` (the paragraphs around a quotation) and :mod:`.attribution` (the
rule: the walk through the article).
"""

from .attribution import quote_attribution
from .options import SECTION, QuotesOptions
from .style import quote_style
from .unbalanced import quote_unbalanced

__all__ = ["SECTION", "QuotesOptions", "quote_attribution", "quote_style", "quote_unbalanced"]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (quote_attribution, quote_unbalanced, quote_style)
