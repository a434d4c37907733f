"""Where a link or image ends in the source: bracket and parenthesis matching that knows
escapes, code spans, destinations and titles (one forward scan each)."""

from __future__ import annotations


def _match_bracket(s: str, i: int, limit: int) -> int:
    """Index after the ']' matching the '[' at ``i`` (-1 when unmatched)."""
    unpaired: set[str] = set()
    depth = 0
    j = i
    while j < limit:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        elif c == "`":
            # code spans inside link text may hold brackets
            k = j
            while k < limit and s[k] == "`":
                k += 1
            run = s[j:k]
            # A run with no partner has none further on either: look it up once only, or
            # link text full of unpaired runs would be read once per run.
            close = -1 if run in unpaired else s.find(run, k, limit)
            if close != -1:
                j = close + (k - j)
                continue
            unpaired.add(run)
            j = k
            continue
        j += 1
    return -1


def _match_paren(s: str, i: int, limit: int) -> int:
    """Index after the ')' matching the '(' at ``i`` (destination and title aware)."""
    depth = 0
    j = i
    quote = None
    while j < limit:
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if quote:
            if c == quote:
                quote = None
        elif c in "\"'" and depth == 1 and j > i + 1 and s[j - 1] in " \t\n":
            quote = c
        elif c == "<" and depth == 1 and j == i + 1:
            close = s.find(">", j, limit)
            if close != -1:
                j = close + 1
                continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


def _link_end(s: str, start: int, limit: int) -> int:
    """End of a link or image starting at ``start`` ('[' or '![')."""
    b = start + 1 if s.startswith("![", start) else start
    j = _match_bracket(s, b, limit)
    if j == -1:
        return start + 1
    if j < limit and s[j] == "(":
        k = _match_paren(s, j, limit)
        return k if k != -1 else j
    if j < limit and s[j] == "[":
        k = _match_bracket(s, j, limit)
        return k if k != -1 else j
    return j
