"""Declarative rules: YAML rule packs whose rules become ordinary :class:`Rule` objects.

One module per check type (``existence``, ``substitution``, ``consistency``,
``occurrence``, ``capitalization``, ``conditional``); their shared base, fields and scopes
in ``base``; the ``conditions``, ``scopes`` and ``segments`` (scoped text) they select with and
``lexicon`` (word lists) they look for;
``regexes`` (pattern hardening); ``spec`` (field validation); and ``packs`` (loading,
validation, docs). A pack's examples run as tests through :func:`edlint.testing.run_examples`.
This package declares no Python rules; the registry adds pack rules through
:func:`packs.pack_rules_for_registry`.
"""
