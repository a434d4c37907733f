"""Findings the engine itself reports. They are rules so that `edlint rules`, `explain`,
severities and JSON treat them like any other; they have no check function."""

from __future__ import annotations

from .base import Rule, Severity


def _engine_rule(id: str, summary: str, severity: Severity, doc: str) -> Rule:
    return Rule(id=id, family="core", summary=summary, severity=severity, check=None, doc=doc, module=__name__)


FILE_ERROR = _engine_rule(
    "file-error",
    "A file that could not be read or parsed",
    Severity.ERROR,
    """## What it does
Reports a file that edlint could not check: unreadable, binary, not UTF-8, empty, larger
than `max_file_size`, or with front matter that is not valid YAML.

## Why is this bad?
An article nobody could check is not a clean article. A `file-error` always fails the run,
whatever `--fail-on` says, and cannot be disabled.

## Example
```markdown
---
title: "Budget vote
---
```

Use instead:
```markdown
---
title: "Budget vote"
---
```
""",
)
INTERNAL_ERROR = _engine_rule(
    "internal-error",
    "A rule failed on this file (a bug in edlint or a plugin)",
    Severity.ERROR,
    """## What it does
Reports that a rule raised an exception on this file. The other rules and files are still
checked; the run exits with code 2.

## Why is this bad?
It is a bug in edlint or in a plugin: please report it with the file that triggers it.

## Example
```text
article.md:1:1: error internal-error Rule 'some-rule' failed: ValueError: ...
```

Use instead:
```text
(nothing: upgrade edlint or the plugin)
```
""",
)
UNUSED_SUPPRESSION = _engine_rule(
    "unused-suppression",
    "An edlint-disable directive that suppresses nothing",
    Severity.INFO,
    """## What it does
Reports an inline `edlint-disable` directive that suppressed no finding, or one that tries to
disable a rule the project locked with `allow_inline_disable`.

## Why is this bad?
Stale directives hide future problems and mislead the next editor.

## Example
```markdown
<!-- edlint-disable-next-line image-alt -->
![A lifeboat crew launches at dawn](lifeboat.jpg)
```

Use instead:
```markdown
![A lifeboat crew launches at dawn](lifeboat.jpg)
```
""",
)

RULES = (FILE_ERROR, INTERNAL_ERROR, UNUSED_SUPPRESSION)
