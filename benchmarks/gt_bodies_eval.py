#!/usr/bin/env python3
"""The 60 real article bodies of the extraction benchmark, linted as pasted plain text.

    python benchmarks/gt_bodies_eval.py [--corpus ../shared/corpus] [--edlint .venv/bin/edlint]

Writes each ``articleBody`` of ``extraction-benchmark/ground-truth.json`` out as a ``.txt``
file in two layouts: as given (paragraphs separated by blank lines) and as a web page pastes
(one line per paragraph, no blank lines). Lints both with ``edlint check --format json`` and
prints every warning and error with its verdict from the hand-judged table below (path:line,
rule, verdict, reason), then precision over the judged ones; a finding the table does not
know is printed as UNJUDGED, to be judged and added. Also prints how many paragraphs the
text parser recovers in three layouts (as pasted; hard-wrapped at 72 columns with and
without blank lines) and how often ``text.language.reads_english`` tells the 7 non-English
bodies from the 53 English ones. Results are in docs/evaluation/gt-bodies-eval.md.

The corpus is not part of the repository (it sits beside it, in ../shared); tests never
read it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

# Bodies that are not in English (read by a person; <html lang> is wrong on two pages).
NOT_ENGLISH = {
    "20b2b64916b0": "it",
    "23aaecd14171": "pt",
    "57b4dafd18cf": "de",
    "b6fb53e9fb04": "it",
    "ba07d1e64775": "de",
    "c82b3d1d540b": "ru",
    "f6ac15a4d985": "pt",
}

_UNDATED = "wrong: a pasted body carries no metadata; that is not an undated article (issue 18)"
# (file, rule, first 30 characters of the flagged text) -> verdict and reason. A verdict is
# "right" or "wrong"; the family in brackets is who owns the rule.
VERDICTS: dict[tuple[str, str, str], str] = {
    (
        "16c30add7e96",
        "spelling-consistency",
        "neighbouring states",
    ): "wrong: inside a quoted tweet by an Indian politician; a quote keeps its spelling",
    (
        "287e4d9f4af3",
        "quote-attribution",
        '"Pokemon Sword and Shield are ',
    ): 'wrong: attributed in the same line ("Read our Pokemon Sword and Shield review")',
    (
        "33fe2471fd55",
        "image-credit",
        "Cover image: artist’s impressi",
    ): 'wrong: the caption credits the work ("by Peter Koros Design")',
    (
        "33fe2471fd55",
        "quote-unbalanced",
        "‘, the famous statement by the",
    ): "right: the closing mark is an opening one, after a space",
    (
        "8cad00dc22de",
        "spelling-consistency",
        "Coloured Box Drum Dance with t",
    ): "wrong: the name of a dance (a proper noun)",
    (
        "8cad00dc22de",
        "spelling-consistency",
        "Coloured Box Drum Dance perfor",
    ): "wrong: the name of a dance (a proper noun)",
    (
        "9cb8224b660f",
        "date-weekday",
        "Friday, Dec. 6 at LiveNation.c",
    ): "wrong: the tour is in 2019 (Dec. 6, 2019 was a Friday); the year came from another date",
    ("9cb8224b660f", "spelling-consistency", "Theatre, Clarkston, MI"): "wrong: a venue's name",
    ("b6906ca016bb", "spelling-consistency", "Centre for Economic Policy Res"): "wrong: an organisation's name",
    (
        "b6fb53e9fb04",
        "quote-unbalanced",
        "“, prodotta da Toei Animation ",
    ): "right: the closing mark is an opening one (Italian uses the same curly marks)",
    (
        "ba4dfe2d3e81",
        "quote-unbalanced",
        "”Bird flu in the year of the r",
    ): "right: the quotation opens with a closing mark",
    ("ba4dfe2d3e81", "quote-unbalanced", "‘black death - which affects l"): "right: the quotation mark is never closed",
    (
        "16c30add7e96",
        "spelling-consistency",
        "canceled flights, closed schoo",
    ): "right: the body mixes 'neighbouring' with 'canceled' (judged by the lead)",
    ("d90bda7ed14d", "date-format", "November 19."): "right: '15 November' and 'November 19' in one sentence",
    (
        "c82b3d1d540b",
        "quote-attribution",
        "«Когда вся ваша жизнь состояла",
    ): "wrong: a Russian article; English attribution rules do not apply",
    (
        "c82b3d1d540b",
        "quote-attribution",
        "«Я лично ненавижу, когда вижу,",
    ): "wrong: a Russian article; English attribution rules do not apply",
    (
        "c82b3d1d540b",
        "quote-attribution",
        "«Я думаю, что кто-то сейчас ск",
    ): "wrong: a Russian article; English attribution rules do not apply",
}
_JOINED = "wrong: a multi-paragraph quotation, misread when the pasted lines were taken for one paragraph"
for _key in (
    ("624fcd903d56", "“These rioters, they are also "),
    ("624fcd903d56", "“They are already there in the"),
    ("921019755f4a", '"I am excited to be joining a '),
    ("921019755f4a", "\"Jose is one of the world's mo"),
    ("921019755f4a", '"He is renowned for his tactic'),
    ("c58aa507c4de", '"The Bureau of Prisons and the'),
    ("c7e39ac49fa1", '"I would like to emphasise tha'),
    ("eb62ac8425e5", '"We have worked diligently to '),
):
    VERDICTS[(_key[0], "quote-unbalanced", _key[1])] = _JOINED
# Rules whose every finding here has one verdict.
RULE_VERDICTS = {"time-relative-undated": _UNDATED}
FAMILY = {
    "time-relative-undated": "unitsdates",
    "date-weekday": "unitsdates",
    "date-format": "unitsdates",
    "spelling-consistency": "unitsdates",
    "quote-attribution": "quotes",
    "quote-unbalanced": "quotes",
    "quote-style": "quotes",
    "image-credit": "images",
    "image-caption": "images",
    "duplicate-paragraph": "text",
    "bio-duplicate": "text",
    "bio-inconsistent": "text",
}


def _bodies(corpus: str) -> dict[str, str]:
    path = os.path.join(corpus, "extraction-benchmark", "ground-truth.json")
    with open(path, encoding="utf-8") as fh:
        return {k[:12]: v["articleBody"] for k, v in json.load(fh).items()}


def _lint(edlint: str, folder: str) -> list[dict]:
    r = subprocess.run(
        [edlint, "check", "--no-cache", "--format", "json", "."], cwd=folder, capture_output=True, text=True
    )
    return json.loads(r.stdout)["findings"]


def _judge(folder: str, findings: list[dict]) -> list[tuple[str, str, str, str]]:
    out = []
    for f in findings:
        if f["severity"] not in ("warning", "error"):
            continue
        path = f["path"].lstrip("./")
        with open(os.path.join(folder, path), encoding="utf-8") as fh:
            line = fh.read().splitlines()[f["line"] - 1]
        snippet = line[f["column"] - 1 :][:30]
        name = path[:12]
        verdict = RULE_VERDICTS.get(f["rule"]) or VERDICTS.get((name, f["rule"], snippet)) or "UNJUDGED"
        out.append((f"{path}:{f['line']}", f["rule"], verdict, snippet))
    return out


def _report(title: str, judged: list[tuple[str, str, str, str]]) -> None:
    print(f"\n== {title}: {len(judged)} warnings")
    for where, rule, verdict, snippet in judged:
        print(f"{where:22s} {rule:22s} [{FAMILY.get(rule, '?')}] {verdict}  | {snippet!r}")
    right = sum(v.startswith("right") for _, _, v, _ in judged)
    known = sum(not v.startswith("UNJUDGED") for _, _, v, _ in judged)
    print(f"right {right} of {known} judged ({len(judged) - known} unjudged)")
    mine = [j for j in judged if FAMILY.get(j[1]) == "text"]
    print(f"of them in the text helper's families (duplicates, bios): {len(mine)}")


def _paragraphs(bodies: dict[str, str]) -> None:
    from edlint.parsers import ParseOptions, parse

    layouts = {
        "one line per paragraph, no blank lines": lambda ps: "\n".join(ps),
        "wrapped at 72, blank lines": lambda ps: "\n\n".join(_wrap(p) for p in ps),
        "wrapped at 72, no blank lines": lambda ps: "\n".join(_wrap(p) for p in ps),
    }
    print("\n== paragraphs recovered by the text parser")
    for name, layout in layouts.items():
        found = total = 0
        for key, body in bodies.items():
            paras = [p.strip() for p in body.splitlines() if p.strip()]
            doc = parse(key + ".txt", layout(paras) + "\n", "text", ParseOptions())
            got = {b.text.text for b in doc.blocks if b.text is not None}
            found += sum(" ".join(p.split()) in got for p in paras)
            total += len(paras)
        print(f"{name:42s} {found}/{total} ({100 * found / total:.1f}%)")


def _wrap(p: str) -> str:
    return textwrap.fill(p, 72, break_on_hyphens=False)


def _language(bodies: dict[str, str]) -> None:
    import time

    from edlint.text.language import reads_english

    right = 0
    start = time.perf_counter()
    for key, body in bodies.items():
        paras = [p for p in body.splitlines() if p.strip()]
        right += reads_english(paras) == (key not in NOT_ENGLISH)
    ms = (time.perf_counter() - start) * 1000 / len(bodies)
    print(f"\n== language: {right}/{len(bodies)} bodies told right (English or not), {ms:.2f} ms a body")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # ../shared beside the clone (or beside the folder of worktrees).
    default = next(
        (
            c
            for c in (
                os.path.join(os.path.dirname(ROOT), "shared", "corpus"),
                os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared", "corpus"),
            )
            if os.path.isdir(c)
        ),
        "../shared/corpus",
    )
    ap.add_argument("--corpus", default=default)
    ap.add_argument("--edlint", default=os.path.join(ROOT, ".venv", "bin", "edlint"))
    args = ap.parse_args()
    bodies = _bodies(args.corpus)
    with tempfile.TemporaryDirectory() as given, tempfile.TemporaryDirectory() as pasted:
        for key, body in bodies.items():
            with open(os.path.join(given, key + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(body + "\n")
            with open(os.path.join(pasted, key + ".txt"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(p for p in body.splitlines() if p.strip()) + "\n")
        _report("as given (blank lines between paragraphs)", _judge(given, _lint(args.edlint, given)))
        _report("as pasted (no blank lines)", _judge(pasted, _lint(args.edlint, pasted)))
    sys.path.insert(0, os.path.join(ROOT, "src"))
    _paragraphs(bodies)
    _language(bodies)
    return 0


if __name__ == "__main__":
    sys.exit(main())
