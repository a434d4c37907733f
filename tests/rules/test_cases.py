"""Every case file under tests/cases/<family>/ (format: edlint.testing), one parametrized test.

Each case is linted with only its rule selected; the expected findings (line, column, rule and
optionally a message fragment) must be exactly what is reported, and a case with no expected
findings must stay clean.
"""

import os

import pytest

from edlint.testing import case_params, check_case
from paths import TESTS

CASES = os.path.join(TESTS, "cases")


@pytest.mark.parametrize(("case", "rule_id"), case_params(CASES))
def test_case(case, rule_id):
    check_case(case, [rule_id])
