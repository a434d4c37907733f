import sys
from edlint.parsers import markdown, html, text, ParseOptions, format_for
path = sys.argv[1]
src = open(path, encoding='utf-8').read()
mod = {'markdown': markdown, 'html': html, 'text': text}[format_for(path)]
doc = mod.parse(path, src, ParseOptions())
print(doc.problems, list(doc.metadata)[:20], doc.language)
for b in doc.blocks:
    t = b.text.text if b.text else ''
    line, col = doc.lines.position(b.span.start)
    extra = ''
    if b.kind == 'image':
        extra = f" src={b.src!r} alt={b.alt!r} cap={b.caption!r} credit={b.credit!r} deco={b.decorative}"
    print(f"{line}:{col}", b.kind, b.container, repr(t)[:80], extra[:200])
    if b.text:
        for i,ch in enumerate(b.text.text):
            so = b.text.source_offset(i)
            if src[so] != ch and ch not in ' \ufffc&*' and not ch.isspace():
                print("   MISMAP", i, repr(ch), repr(src[so:so+10]))
                break
print(doc.suppressions)
