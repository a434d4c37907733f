"""Which rules run: table tests over select/extend_select/ignore layers (flake8 style)."""

import pytest

from edlint.document import Span
from edlint.policy import Layer, exit_code, select_rules
from edlint.results import Diagnostic
from edlint.rules.base import Rule, Severity


def R(id, family, status="stable", needs_server=False):
    return Rule(
        id=id,
        family=family,
        summary="",
        severity=Severity.WARNING,
        check=lambda d, o: [],
        status=status,
        needs_server=needs_server,
    )


RULES = [
    R("image-alt", "images"),
    R("image-credit", "images"),
    R("quote-style", "quotes"),
    R("quote-new", "quotes", status="preview"),
    R("grammar", "grammar", needs_server=True),
]


@pytest.mark.parametrize(
    "layers, preview, expected",
    [
        ([], False, {"image-alt", "image-credit", "quote-style"}),
        ([], True, {"image-alt", "image-credit", "quote-style", "quote-new"}),
        ([Layer(select=("images",))], False, {"image-alt", "image-credit"}),
        ([Layer(select=("images",), ignore=("image-credit",))], False, {"image-alt"}),
        # A rule id beats its family: selected by id, ignored by family -> on.
        ([Layer(select=("image-credit",), ignore=("images",))], False, {"image-credit"}),
        # Equal specificity: ignore wins.
        ([Layer(select=("images",), ignore=("images",))], False, set()),
        ([Layer(ignore=("quotes",))], False, {"image-alt", "image-credit"}),
        ([Layer(extend_select=("grammar",))], False, {"image-alt", "image-credit", "quote-style", "grammar"}),
        # `all` never starts a server check; naming it does.
        ([Layer(select=("all",))], False, {"image-alt", "image-credit", "quote-style"}),
        ([Layer(select=("all",))], True, {"image-alt", "image-credit", "quote-style", "quote-new"}),
        # Preview rules named explicitly run without --preview.
        ([Layer(extend_select=("quote-new",))], False, {"image-alt", "image-credit", "quote-style", "quote-new"}),
        # Later layers win: config ignores images, an override selects image-alt again.
        ([Layer(ignore=("images",)), Layer(extend_select=("image-alt",))], False, {"image-alt", "quote-style"}),
        # A later `select` replaces everything before it.
        ([Layer(ignore=("images",)), Layer(select=("image-credit",))], False, {"image-credit"}),
    ],
)
def test_selection(layers, preview, expected):
    assert {r.id for r in select_rules(RULES, layers, preview)} == expected


def F(rule, severity):
    return Diagnostic(
        path="a.md",
        rule=rule,
        severity=severity,
        message="m",
        line=1,
        column=1,
        end_line=1,
        end_column=1,
        span=Span(0, 0),
    )


@pytest.mark.parametrize(
    "findings, fail_on, internal, code",
    [
        ([], Severity.WARNING, False, 0),
        ([F("image-alt", Severity.INFO)], Severity.WARNING, False, 0),
        ([F("image-alt", Severity.INFO)], Severity.INFO, False, 1),
        ([F("image-alt", Severity.WARNING)], Severity.WARNING, False, 1),
        ([F("image-alt", Severity.WARNING)], Severity.ERROR, False, 0),
        # A file nobody could check fails the run whatever fail_on says.
        ([F("file-error", Severity.ERROR)], Severity.ERROR, False, 1),
        ([F("file-error", Severity.INFO)], Severity.ERROR, False, 1),
        ([F("image-alt", Severity.WARNING)], Severity.WARNING, True, 2),
    ],
)
def test_exit_code(findings, fail_on, internal, code):
    assert exit_code(findings, fail_on, internal) == code
