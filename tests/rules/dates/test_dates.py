"""Tests for the dates family: the case files, the extractor, and its precision/recall."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from edlint.testing import findings
from edlint.text import dates as D
from paths import TESTS

CASES_DIR = os.path.join(TESTS, "cases", "dates")
RULES = ("date-format", "date-weekday", "date-invalid", "date-metadata", "time-relative-undated")


# The case files run in tests/test_cases.py.


# -- the extractor's development set ------------------------------------------------------
# (sentence, the dates in it as written). The weekday is not part of a date; "the" is, in
# "the 13th of November". A bare year, a month alone and "mid-June" are not dates.
DEV_SET: list[tuple[str, list[str]]] = [
    ("The City Council will vote on the budget June 19, 2025, after a public hearing.", ["June 19, 2025"]),
    ("Applications are due June 19.", ["June 19"]),
    ("The ceremony was held on 19 June 2025 at the cathedral.", ["19 June 2025"]),
    ("Early voting begins Nov. 13 at all county libraries.", ["Nov. 13"]),
    ("The school year starts Sept. 3 for most students.", ["Sept. 3"]),
    ("Join us Thursday, Nov. 13, for a community forum.", ["Nov. 13"]),
    ("Kickoff: Thu 13 Nov, 7pm, main hall.", ["13 Nov"]),
    ("The file was last modified on 2025-06-19 by the clerk.", ["2025-06-19"]),
    ("Invoice dated 19/06/2025 was paid in full.", ["19/06/2025"]),
    ("The memo, dated 6/19/25, was obtained by reporters.", ["6/19/25"]),
    ("We will celebrate on June 19th with a picnic.", ["June 19th"]),
    ("The summit runs June 19-21 in Denver.", ["June 19-21"]),
    ("The festival runs 19–21 June in Edinburgh.", ["19–21 June"]),
    ("The report will be published in June 2025.", ["June 2025"]),
    ("You may want to bring a jacket.", []),
    ("Theresa May said in 2019 that she would resign.", []),
    ("Prime Minister Theresa May 2019 speech transcripts are online.", []),
    ("Protesters will march 5 miles to the Capitol.", []),
    ("The company has 100M users and 6005 employees.", []),
    ("Arsenal won 3-1 at home on Saturday.", []),
    ("The meeting starts at 10:30 a.m. and ends at 12.45.", []),
    ("Upgrade to version 2.10.1 or v3.12.2025 before Friday.", []),
    ("Call the hotline at 202-555-0143 or 1-800-555-1212.", []),
    ("Tickets for the 2012 London Olympics sold out quickly.", []),
    ("May I ask a question about the 2024 budget?", []),
    ("The proposal passed 5-2 with 3 abstentions.", []),
    ("About 24/7 support is available; 1/2 of callers wait.", []),
    ("Turnout rose 12 percent from 2016 to 2020.", []),
    ("The agency plans to march forward with reforms in the 1990s style.", []),
    ("She joined the agency in March and left in May.", []),
    ("Open enrollment runs from Nov. 1 through Dec. 15.", ["Nov. 1", "Dec. 15"]),
    ("The law took effect Jan. 1, 2024, and was amended March 3, 2025.", ["Jan. 1, 2024", "March 3, 2025"]),
    ("On 4 July 1776 the declaration was adopted.", ["4 July 1776"]),
    ("Apollo 11 landed on July 20, 1969.", ["July 20, 1969"]),
    ("The deadline moved from April 15 to May 17 this year.", ["April 15", "May 17"]),
    ("The storm made landfall Aug. 29, 2005, near Buras.", ["Aug. 29, 2005"]),
    ("Posted 2023-09-15T19:56:00-05:00 by the web team.", ["2023-09-15T19:56:00-05:00"]),
    ("See https://example.gov/2025/06/19/launch-day for details.", []),
    ("The file 2022-08-10-18f-tech-sandwich.md holds the post.", []),
    ("The meeting is Monday, Oct. 7, at City Hall.", ["Oct. 7"]),
    ("Services will be held Tuesday the 11th of November.", ["the 11th of November"]),
    ("Fireworks light up the sky on the 4th of July.", ["the 4th of July"]),
    ("The window is open from June 30-July 2 only.", ["June 30-July 2"]),
    ("The exhibition runs 30 November–2 December 2025.", ["30 November–2 December 2025"]),
    ("Results are expected in early June.", []),
    ("The program ran from mid-March to late April.", []),
    ("Sales rose in Q3 2025 and in FY2024.", []),
    ("On June 5, 2000 people marched through downtown.", ["June 5"]),
    ("The March 3-0 win clinched the title.", []),
    ("May 3 percent of voters be undecided? Hardly.", []),
    ("Top 10 March Madness upsets of all time.", []),
    ("The office closes Dec. 24-26 for the holidays.", ["Dec. 24-26"]),
    ("The bill, filed on January 12, 2023, died in committee.", ["January 12, 2023"]),
    ("Our records show 12/31/2024 as the closing date.", ["12/31/2024"]),
    ("The document is dated 31.12.2024 in German style.", ["31.12.2024"]),
    ("The IP address 10.12.2019.5 was blocked.", []),
    ("Python 3.12 and Node 20.11.1 are supported.", []),
    ("The ratio was 3/4 and the score 21-14.", []),
    ("Chapter 11 filing came in September 2008.", ["September 2008"]),
    ("He was born in 1962 and moved to Ohio in 1980.", []),
    ("The agency received 1,200 comments by Feb. 28.", ["Feb. 28"]),
    ("Hearings are scheduled for Jan. 9, Jan. 16 and Jan. 23.", ["Jan. 9", "Jan. 16", "Jan. 23"]),
    ("The tool launched in beta in October 2014 and left beta in 2015.", ["October 2014"]),
    ("A 2-1 vote on Tuesday sent the measure to the governor.", []),
    ("The team scored 31-10 in the opener.", []),
    ("Brian May played guitar at the concert.", []),
    ("Ms. May spoke to reporters after the vote.", []),
    ("June is the busiest month for weddings.", []),
    ("The 9/11 Commission issued its report.", []),
    ("Flights resume 3 March, the airline said.", ["3 March"]),
    ("The data covers Jan 2020 through Dec 2023.", ["Jan 2020", "Dec 2023"]),
    ("Submit forms by 5 p.m. on April 30.", ["April 30"]),
    ("A July 4 parade will close Main Street.", ["July 4"]),
    ("The grant period is 10/01/2024 to 09/30/2025.", ["10/01/2024", "09/30/2025"]),
    ("Room 1205 on floor 12 hosts 30 people.", []),
    ("The 2020-21 school year was disrupted.", []),
    ("Temperatures hit 102 degrees on Aug. 3 and Aug. 4.", ["Aug. 3", "Aug. 4"]),
    ("Comments close on Monday, 2025-06-16, at noon.", ["2025-06-16"]),
    ("The case number is 2025-CV-1234.", []),
    ("Lot 13/14/2025 was auctioned.", ["13/14/2025"]),
    ("Volunteers march 10 kilometers every March 1.", ["March 1"]),
    ("The 18F team shipped 5 June releases last summer.", []),
    ("The webinar airs Wednesday (June 18) at 2 p.m. ET.", ["June 18"]),
    ("NASA set the launch for Sept. 2024, then delayed it.", ["Sept. 2024"]),
    ("Signed on the 1st of May, 2019, the deal held.", ["the 1st of May, 2019"]),
    ("The office reopened after 3 weeks on 21 September.", ["21 September"]),
    ("Price: $5/6/2025 bundle offer ends soon.", []),
    ("We counted 4 May-born babies in the ward.", []),
    ("From April 2023 to June 2024 the team grew to 40.", ["April 2023", "June 2024"]),
    # Written after the extractor was tuned on the sentences above, and kept as they came.
    ("The Bank of England held rates at 5.25% on 2 November.", ["2 November"]),
    ("Shares fell 3.2% to 412p on Thursday 9 November 2023.", ["9 November 2023"]),
    ("Manchester City beat Liverpool 4-1 on Sunday, 1 April.", ["1 April"]),
    ("The 25-year-old signed a contract until June 2027.", ["June 2027"]),
    ("Officers were called at 11.15pm on 23 December.", ["23 December"]),
    ("Her trial is set for Feb. 3 in federal court in Manhattan.", ["Feb. 3"]),
    ("The index closed at 4,512.31, up 0.8 percent.", []),
    ("Windows 10 version 22H2 reaches end of support Oct. 14, 2025.", ["Oct. 14, 2025"]),
    ("A magnitude 6.1 quake struck at 3:42 a.m. local time.", []),
    ("The agency will accept comments through 11:59 p.m. ET on Aug. 5.", ["Aug. 5"]),
    ("He served from 1999 to 2007 and again from 2011.", []),
    ("Inflation was 3.4% in the 12 months to December.", []),
    ("Polls open 7 a.m. to 8 p.m. on Nov. 5, 2024.", ["Nov. 5, 2024"]),
    ("The release, dated March 14th, 2024, cited 12 sources.", ["March 14th, 2024"]),
    ("Attendance dropped 20% year over year, to 1.2 million.", []),
    ("In a 7-2 ruling on June 27, the court sided with the state.", ["June 27"]),
    ("Ticket prices start at $25 for the May 16-18 festival.", ["May 16-18"]),
    ("The bridge, built in 1932, closed on 14 Aug for repairs.", ["14 Aug"]),
    ("The firm's Q2 results, released 07/30/2024, beat forecasts.", ["07/30/2024"]),
    ("The March on Washington took place Aug. 28, 1963.", ["Aug. 28, 1963"]),
    ("April showers brought 4 inches of rain to the valley.", []),
    ("Next Monday, the board meets at 6:30 p.m. in Room 204.", []),
    ("The Sept. 11 attacks killed nearly 3,000 people.", ["Sept. 11"]),
    ("By 2030, the city hopes to cut emissions by 50%.", []),
    ("A May 2021 audit found 14 violations.", ["May 2021"]),
    ("The game ended 2-2 after extra time on 12 Jan.", ["12 Jan"]),
    ("The team released v2.4.1 on 2024-03-05 and v2.5 on 2024-04-02.", ["2024-03-05", "2024-04-02"]),
    ("Dial 1-202-501-0000 for help between 9 and 5.", []),
    ("The committee met Jan. 10-12, 2024, in Phoenix.", ["Jan. 10-12, 2024"]),
    ("A third of voters (33%) said the economy was their top issue.", []),
]


def _extract(sentence: str) -> list[str]:
    return [d.text for d in D.find_dates(sentence)]


def test_extractor_precision_recall(capsys):
    assert len(DEV_SET) >= 80
    tp = fp = fn = 0
    misses = []
    for sentence, gold in DEV_SET:
        got = _extract(sentence)
        remaining = list(gold)
        for g in got:
            if g in remaining:
                remaining.remove(g)
                tp += 1
            else:
                fp += 1
                misses.append(f"false positive {g!r} in {sentence!r}")
        fn += len(remaining)
        misses.extend(f"missed {g!r} in {sentence!r}" for g in remaining)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    with capsys.disabled():
        print(
            f"\ndate extractor on {len(DEV_SET)} sentences: precision {precision:.3f}, recall {recall:.3f} "
            f"(tp={tp}, fp={fp}, fn={fn})"
        )
        for line in misses:
            print("  " + line)
    assert precision >= 0.97
    assert recall >= 0.90


# -- helpers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value,date,utc",
    [
        ("2015-06-15", dt.date(2015, 6, 15), None),
        ("2015-06-15 12:30:00 -4", dt.date(2015, 6, 15), dt.date(2015, 6, 15)),
        ("2015-06-15 22:30:00 -4", dt.date(2015, 6, 15), dt.date(2015, 6, 16)),
        ("2020-07-08 9:00:00 -0500", dt.date(2020, 7, 8), dt.date(2020, 7, 8)),
        ("2020-09-09T00:00:00-04:00", dt.date(2020, 9, 9), dt.date(2020, 9, 9)),
        ("2019-11-26T10:00:00.000Z", dt.date(2019, 11, 26), dt.date(2019, 11, 26)),
        ("2023-10-13 11:20:00", dt.date(2023, 10, 13), None),
        ("Tue, 26 Nov 2019 10:00:00 GMT", dt.date(2019, 11, 26), dt.date(2019, 11, 26)),
        ("June 15, 2015", dt.date(2015, 6, 15), None),
        ("15 June 2015", dt.date(2015, 6, 15), None),
    ],
)
def test_parse_meta_date(value, date, utc):
    parsed = D.parse_meta_date(value)
    assert parsed is not None and parsed.problem is None
    assert parsed.date == date
    assert parsed.utc_date == utc


@pytest.mark.parametrize(
    "value,problem",
    [
        ("2025-13-01", "there is no month 13"),
        ("2025-02-29", "2025 is not a leap year"),
        ("2025-04-31", "April has 30 days"),
        ("2025-01-10 25:30:00", "does not exist"),
        ("2025/1/2/3", "YYYY-MM-DD"),
        ("next week", "is not a date"),
        ("June 2025", "is not a date"),
        (True, "is not a date"),
    ],
)
def test_parse_meta_date_problems(value, problem):
    parsed = D.parse_meta_date(value)
    assert parsed is not None and parsed.date is None
    assert problem in parsed.problem


def test_parse_meta_date_empty():
    assert D.parse_meta_date(None) is None
    assert D.parse_meta_date("  ") is None


def test_nearest_occurrence():
    assert D.nearest_occurrence(12, 30, dt.date(2025, 1, 2)) == dt.date(2024, 12, 30)
    assert D.nearest_occurrence(1, 2, dt.date(2024, 12, 30)) == dt.date(2025, 1, 2)
    assert D.nearest_occurrence(6, 19, dt.date(2025, 6, 1)) == dt.date(2025, 6, 19)
    assert D.nearest_occurrence(2, 29, dt.date(2025, 3, 1)) == dt.date(2024, 2, 29)
    assert D.nearest_occurrence(2, 30, dt.date(2025, 3, 1)) is None


@pytest.mark.parametrize(
    "number,sample,expected",
    [
        (1, "Monday", "Tuesday"),
        (1, "Mon", "Tue"),
        (3, "Tues.", "Thurs."),
        (4, "Thurs", "Fri"),
        (2, "MON", "WED"),
        (6, "Sat.", "Sun."),
        (0, "SUNDAY", "MONDAY"),
    ],
)
def test_weekday_like(number, sample, expected):
    assert D.weekday_like(number, sample) == expected


def test_file_name_date():
    assert D.file_name_date("content/posts/2022-08-10-18f-tech-sandwich.md") == (dt.date(2022, 8, 10), "2022-08-10")
    assert D.file_name_date("news/2019/05/2019-05-20-making-choices.md")[0] == dt.date(2019, 5, 20)
    assert D.file_name_date("posts/launch.md") == (None, "")
    assert D.file_name_date("posts/2022-02-30-bad.md") == (None, "2022-02-30")


@pytest.mark.parametrize(
    "text,style,expected",
    [
        ("13 November 2025", "ap", "Nov. 13, 2025"),
        ("March 3rd", "ap", "March 3"),
        ("Sept 9", "ap", "Sept. 9"),
        ("September 2025", "ap", "September 2025"),
        ("Sept. 2025", "ap", "September 2025"),
        ("June 19-21, 2025", "uk", "19-21 June 2025"),
        ("30 June–2 July", "ap", "June 30–July 2"),
        ("Nov. 13, 2025", "us", "November 13, 2025"),
        ("Nov. 13, 2025", "iso", "2025-11-13"),
        ("the 4th of July", "ap", "July 4"),
        ("19/06/2025", "ap", "June 19, 2025"),
    ],
)
def test_render(text, style, expected):
    (d,) = D.find_dates(text)
    assert D.render(d, D.HOUSE_STYLES[style]) == expected


def test_render_iso_needs_a_year():
    (d,) = D.find_dates("Nov. 13")
    assert D.render(d, D.HOUSE_STYLES["iso"]) is None


def test_mention_fields():
    (d,) = D.find_dates("Monday-Wednesday, June 30-July 2, 2025")
    assert (d.month, d.day, d.end_month, d.end_day, d.year) == (6, 30, 7, 2, 2025)
    assert (d.weekday, d.end_weekday) == (0, 2)
    (d,) = D.find_dates("It is due 04/05/2026.")
    assert d.ambiguous and d.readings == ((4, 5), (5, 4))
    (d,) = D.find_dates("Dec. 30-Jan. 2")
    assert d.valid and d.end_month == 1
    (d,) = D.find_dates("on 13 Nov.")
    assert d.text == "13 Nov" and d.dot_unknown


def test_relative_dates():
    found = [
        w
        for _, _, w in D.find_relative_dates(
            "Yesterday the board met; it meets again on Thursday, June 19, and on Friday. Today's sites vary."
        )
    ]
    assert found == ["Yesterday", "on Friday"]


# -- fixes -----------------------------------------------------------------------------------


def _fixed(text: str, rule_id: str, fmt: str = "md", config=None) -> str:
    out = text
    fs = [f for f in findings(text, fmt, select=[rule_id], config=config) if f.fix is not None]
    edits = sorted((e for f in fs for e in f.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        out = out[: e.start] + e.replacement + out[e.end :]
    return out


def test_weekday_fix_is_unsafe_and_keeps_the_form():
    text = "---\ndate: 2025-10-01\n---\n\nThe hearing is Mon., Oct. 7, and the vote Thurs., Oct. 9.\n"
    fs = findings(text, "md", select=["date-weekday"])
    assert [f.fix.applicability.value for f in fs] == ["unsafe"]
    assert _fixed(text, "date-weekday") == text.replace("Mon.,", "Tue.,")


def test_weekday_fix_inside_emphasis():
    text = "---\ndate: 2025-10-01\n---\n\nThe hearing is **Monday**, Oct. 7.\n"
    (f,) = findings(text, "md", select=["date-weekday"])
    assert f.fix is not None  # the weekday itself is plain text inside the emphasis
    assert _fixed(text, "date-weekday") == text.replace("Monday", "Tuesday")


def test_format_fixes_in_auto_mode():
    text = "The board met on March 3. It meets again on 10 April and on April 24th.\n"
    assert _fixed(text, "date-format", "txt") == (
        "The board met on March 3. It meets again on April 10 and on April 24.\n"
    )


def test_format_fix_resolves_ambiguity_with_the_house_style():
    text = "The permit expires 04/05/2026.\n"
    assert _fixed(
        text, "date-format", "txt", {"dates": {"style": "uk"}}
    ) == "The permit expires 5 April 2026.\n".replace("5 April", "4 May")
    assert _fixed(text, "date-format", "txt", {"dates": {"style": "ap"}}) == "The permit expires April 5, 2026.\n"


def test_format_fix_keeps_the_sentence_period():
    text = "Talks opened on 3 March and close on 14 Apr.\n"
    assert _fixed(text, "date-format", "txt", {"dates": {"style": "ap"}}) == (
        "Talks opened on March 3 and close on April 14.\n"
    )


def test_file_name_date_disagreement():
    text = "---\ntitle: Tech sandwich\ndate: 2022-09-06\n---\n\nBody.\n"
    fs = findings(
        text,
        "md",
        select=["date-metadata"],
        path="posts/2022-08-10-18f-tech-sandwich.md",
        config={"dates": {"today": "2025-01-01"}},
    )
    assert [(f.line, f.column) for f in fs] == [(3, 7)]
    assert "'2022-08-10'" in fs[0].message
    # The same date, or the same day in UTC, agrees.
    ok = "---\ndate: 2022-08-09 22:00:00 -0400\n---\n\nBody.\n"
    assert (
        findings(
            ok, "md", select=["date-metadata"], path="posts/2022-08-10-x.md", config={"dates": {"today": "2025-01-01"}}
        )
        == []
    )


def test_file_name_date_counts_as_publication_date():
    text = "---\ntitle: Launch\n---\n\nWe launched yesterday.\n"
    assert findings(text, "md", select=["date-metadata"], path="posts/2022-08-10-launch.md") == []


def test_file_name_year_for_weekday():
    text = "---\ntitle: Launch\n---\n\nThe site goes live Friday, June 19.\n"
    (f,) = findings(text, "md", select=["date-weekday"], path="posts/2025-06-10-launch.md")
    assert "June 19, 2025 is a Thursday" in f.message and "file name" in f.message


def test_relative_words_one_rule_one_severity() -> None:
    """ "yesterday" in an undated article is reported once, by one rule, as a warning."""
    text = "---\ntitle: Bridge reopens\n---\n\nThe bridge reopened yesterday after repairs last week.\n"
    fs = [f for f in findings(text, "md") if f.rule.startswith(("time-", "date-"))]
    assert [(f.rule, str(f.severity)) for f in fs] == [("time-relative-undated", "warning")] * 2


def test_file_name_date_dates_the_article() -> None:
    text = "---\ntitle: Bridge reopens\n---\n\nThe bridge reopened yesterday after repairs last week.\n"
    assert findings(text, "md", select=["time-relative-undated"], path="posts/2025-03-04-bridge.md") == []
    assert len(findings(text, "md", select=["time-relative-undated"], path="posts/bridge.md")) == 2


def test_pasted_body_without_metadata_is_not_undated() -> None:
    body = (
        "Officials said on Tuesday that the bridge would reopen next week.\n"
        "The mayor, speaking yesterday, said repairs had cost $2m.\n"
    )
    assert findings(body, "txt") == []


def test_guessed_year_offers_no_fix() -> None:
    text = (
        "---\ntitle: Plant\n---\n\nThe company filed its plans in January 2026.\n\n"
        "Contractors start work on Monday, March 3, the company said.\n"
    )
    [f] = findings(text, "md", select=["date-weekday"])
    assert f.fix is None and "guess" in f.message and str(f.severity) == "info"
    dated = text.replace("title: Plant\n", "title: Plant\ndate: 2026-02-01\n")
    [f] = findings(dated, "md", select=["date-weekday"])
    assert f.fix is not None and f.fix.applicability.value == "unsafe" and str(f.severity) == "warning"


def test_ambiguous_numeric_date_read_in_declared_variety() -> None:
    uk = "---\ntitle: Vote\nlang: en-GB\n---\n\nThe vote is on 03/05/2026 at the town hall.\n"
    [f] = findings(uk, "md", select=["date-format"])
    assert f.fix is not None and f.fix.edits[0].replacement == "3 May 2026"
    us = uk.replace("en-GB", "en-US")
    [f] = findings(us, "md", select=["date-format"])
    assert f.fix is not None and f.fix.edits[0].replacement == "March 5, 2026"
    undeclared = uk.replace("lang: en-GB\n", "")
    [f] = findings(undeclared, "md", select=["date-format"])
    assert f.fix is None  # which reading the writer meant is not known
