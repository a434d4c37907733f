"""A small newsroom corpus for the Dask tests: Markdown articles (bios that disagree across
files, clean articles) and a WordPress export whose posts take part in the same cross-file
checks."""

from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "exports"))

from builders import Post, paragraph, wxr

CONFIG = "select: [doubled-word, image-alt, bio-inconsistent, metadata-required]\n"

LONG_BIO = "Maya Okafor is a health reporter for the Ledger and a former nurse in Fresno County."
SHORT_BIO = "Maya Okafor covers the courts and city hall for the Ledger from its Fresno newsroom."

TOPICS = [
    ("clinic", "The county will cut weekend hours at three clinics from March, officials said."),
    ("library", "The central library will open on Sunday afternoons from next month."),
    ("ferry", "The island ferry will add an early sailing on weekdays from Monday."),
    ("budget", "The council approved a budget that raises parking fees by a quarter."),
    ("school", "Two primary schools will merge in September after a long consultation."),
]


def doubled_lede(lede: str) -> str:
    """The lede with its third word typed twice."""
    words = lede.split(" ")
    return " ".join([*words[:3], words[2], *words[3:]])


def article(i: int, topic: str, lede: str, bio: str, doubled: bool) -> str:
    body = doubled_lede(lede) if doubled else lede
    image = f"![](photos/{topic}.jpg)\n\n" if i % 7 == 3 else ""
    return (
        f"---\ntitle: {topic.title()} update {i}\nauthor: Maya Okafor\ndate: 2024-03-{1 + i % 27:02d}\n"
        f"description: {lede}\n---\n\n{body}\n\n{image}*{bio}*\n"
    )


def write_corpus(root: str, n: int = 60) -> list[str]:
    os.makedirs(os.path.join(root, "news"), exist_ok=True)
    with open(os.path.join(root, ".edlint.yaml"), "w", encoding="utf-8") as fh:
        fh.write(CONFIG)
    paths = []
    for i in range(n):
        topic, lede = TOPICS[i % len(TOPICS)]
        bio = SHORT_BIO if i % 11 == 5 else LONG_BIO
        path = os.path.join(root, "news", f"{i:03d}-{topic}.md")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(article(i, topic, lede, bio, doubled=i % 4 == 1))
        paths.append(path)
    posts = [
        Post(
            500 + i,
            f"{topic.title()} from the archive",
            paragraph(doubled_lede(lede) if i % 2 else lede)
            + paragraph(f"<em>{SHORT_BIO if i == 3 else LONG_BIO}</em>"),
            slug=f"archive-{i}",
            excerpt=lede,
        )
        for i, (topic, lede) in enumerate(TOPICS * 4)
    ]
    with open(os.path.join(root, "archive.xml"), "w", encoding="utf-8") as fh:
        fh.write(wxr(posts))
    return paths
