"""Where the test suite's own files are: every test finds data, cases and the repository
through these names (tests live in folders that mirror the code, so ``__file__`` is not
the tests folder)."""

import os

TESTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TESTS)
CASES = os.path.join(TESTS, "cases")
DATA = os.path.join(TESTS, "data")
