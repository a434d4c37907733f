"""Tests for the dates family: the case files, the extractor, and its precision/recall."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from edlint.testing import check_case, findings, read_cases
from edlint.text import dates as D

CASES_DIR = os.path.join(os.path.dirname(__file__), "cases", "dates")
RULES = ("date-format", "date-weekday", "date-invalid", "date-metadata")


def _cases():
    for name in sorted(os.listdir(CASES_DIR)):
        if not name.endswith(".cases"):
            continue
        rule_id = name[: -len(".cases")]
        for case in read_cases(os.path.join(CASES_DIR, name)):
            yield pytest.param(case, rule_id, id=f"{rule_id}:{case.line}:{case.title}")


@pytest.mark.parametrize("case,rule_id", list(_cases()))
def test_case(case, rule_id):
    check_case(case, [rule_id])
