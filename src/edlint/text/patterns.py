"""Regular expressions compiled on first use.

Compiling is most of what importing a rule module costs (a long alternation takes a
millisecond), and most articles never reach most patterns: an article without an author
bio never needs the bio grammar. ``lazy(...)`` stands in for ``re.compile(...)`` at module
level: the pattern is compiled the first time one of its methods or attributes is used,
and from then on each method is a plain attribute of the object, as fast as calling the
compiled pattern's method directly.

Use it for patterns called through their methods (``X.search(text)``); pass
``X.compiled`` where a real ``re.Pattern`` is required (``re.sub(X.compiled, ...)``).
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A ``re.Pattern`` that compiles itself when first used."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    @property
    def compiled(self) -> re.Pattern[str]:
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = re.compile(*self._source)
        return compiled

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not yet in the instance dict: look the attribute up on the
        # compiled pattern and keep it (bound methods included), so the next access is a
        # plain dict hit that never comes back here.
        if name.startswith("__"):
            raise AttributeError(name)
        value = getattr(self.compiled, name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)
