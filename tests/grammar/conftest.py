import pytest


@pytest.fixture(scope="session")
def harper_linter():
    """The process's shared American harper.Linter with the default configuration, built
    once for the whole session (every test that lints through edlint reuses it)."""
    pytest.importorskip("harper", reason='harper-py not installed: pip install "edlint[grammar]"')
    from edlint.rules.grammar import GrammarOptions, _harper_service

    service = _harper_service("/nonexistent-config-dir", GrammarOptions(cache=False))
    backend = service.backend
    from edlint.grammar.harper_backend import shared_linter

    linter, _lock, _ = shared_linter("en-US", backend.all_words(), backend.rules, backend.identity())
    return linter
