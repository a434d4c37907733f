"""The ``dates:`` config section."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..base import section


@dataclass(frozen=True)
class DatesOptions:
    """Options of the dates family (config section `dates:`)."""

    # House style for dates: "auto" checks that an article is consistent with itself;
    # ap = "Nov. 13, 2025", "March 3"; us = "November 13, 2025"; uk = "13 November 2025";
    # iso = "2025-11-13".
    style: Literal["auto", "ap", "us", "uk", "iso"] = "auto"
    # Report numeric dates such as 04/05/2026 that read differently in the US and the UK.
    ambiguous_numeric: bool = True
    # Check date style in table cells too (tables often abbreviate on purpose).
    check_tables: bool = False
    # "Today" for the future-publication-date check, as YYYY-MM-DD ("" = the day of the run).
    today: str = ""
    # Days a publication date may lie ahead of today before it is reported (time zones).
    future_days: int = 1
    # Metadata fields that hold the publication date, first found wins.
    # Matched without regard to case (HTML meta names are lower-cased).
    date_fields: tuple[str, ...] = (
        "date",
        "publishDate",
        "published",
        "pubDate",
        "datePublished",
        "article:published_time",
    )
    # Other metadata date fields that must hold valid dates.
    other_date_fields: tuple[str, ...] = (
        "lastmod",
        "updated",
        "modified",
        "dateModified",
        "expiryDate",
        "article:modified_time",
    )


SECTION = section("dates", DatesOptions, "Dates: style, weekdays, impossible dates, publication date")
