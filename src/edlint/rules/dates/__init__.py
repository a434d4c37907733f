"""Date rules: mixed date styles, weekdays that do not match their date, dates that cannot
exist, publication-date problems, and relative time words in undated articles.

Every rule reads the same per-document view (``doc.view("dates", ...)``): the dates found in
each prose block by :mod:`edlint.text.dates` and the article's publication date.
"""

# Importing a rule module declares its rule; the order is the order the rules were written in.
from . import format, weekday, invalid, metadata, undated  # noqa: F401, I001
from .format import date_format
from .invalid import date_invalid
from .metadata import date_metadata
from .options import SECTION, DatesOptions
from .undated import time_relative_undated
from .view import DocDates, doc_dates
from .weekday import date_weekday

__all__ = [
    "SECTION", "DatesOptions", "DocDates", "doc_dates",
    "date_format", "date_weekday", "date_invalid", "date_metadata", "time_relative_undated",
]
