#!/usr/bin/env python3
"""Print what the parser makes of a file: every block with its position, kind, containers,
text and image fields, and any verbatim-mapping mismatch. A debugging aid for rule authors.

    python tools/show_blocks.py article.md
"""

import sys

from edlint.parsers import ParseOptions, format_for, parse


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        src = fh.read()
    doc = parse(path, src, format_for(path) or "text", ParseOptions())
    print(doc.problems, list(doc.metadata)[:20], doc.language)
    for b in doc.blocks:
        text = b.text.text if b.text else ""
        line, col = doc.lines.position(b.span.start)
        extra = ""
        if b.kind == "image":
            extra = f" src={b.src!r} alt={b.alt!r} cap={b.caption!r} credit={b.credit!r} deco={b.decorative}"
        print(f"{line}:{col}", b.kind, b.container, repr(text)[:80], extra[:200])
        if b.text:
            for i, ch in enumerate(text):
                so = b.text.source_offset(i)
                if src[so] != ch and not ch.isspace() and ch not in "\ufffc&*":
                    print("   MISMAP", i, repr(ch), repr(src[so : so + 10]))
                    break
    print(doc.suppressions)


if __name__ == "__main__":
    main(sys.argv[1])
