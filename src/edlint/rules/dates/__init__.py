"""Date rules: mixed date styles, weekdays that do not match their date, dates that cannot
exist, publication-date problems, and relative time words in undated articles.

Every rule reads the same per-document view (``doc.view("dates", ...)``): the dates found in
each prose block by :mod:`edlint.text.dates` and the article's publication date.
"""

from .format import date_format
from .invalid import date_invalid
from .metadata import date_metadata
from .options import SECTION, DatesOptions
from .undated import time_relative_undated
from .view import DocDates, doc_dates
from .weekday import date_weekday

__all__ = [
    "SECTION",
    "DatesOptions",
    "DocDates",
    "date_format",
    "date_invalid",
    "date_metadata",
    "date_weekday",
    "doc_dates",
    "time_relative_undated",
]

# The rules this family registers (the registry reads this tuple; a rule not listed here
# is not run). Order: the order the rules were written in.
RULES = (date_format, date_weekday, date_invalid, date_metadata, time_relative_undated)
