"""`edlint init` on a newsroom that credits and captions most of its photos writes
`every-photo`, so a photo it forgot to credit is reported even when the article credits
nothing else; a house that credits some but not most keeps the default."""

import yaml
from click.testing import CliRunner
from sitetools import rules_of, run_check

from edlint import cli

STREETS = ["Harbour Road", "Mill Lane", "Quay Street", "Castle Hill", "Market Square", "Station Road"]


def newsroom_article(i: int, credited: bool) -> str:
    street = STREETS[i % len(STREETS)]
    credit = " Photo: Sam Okafor/The Ledger" if credited else ""
    return (
        f'---\ntitle: "Roadworks on {street} to finish early"\nauthor: Jo Pengelly\n'
        f"date: 2023-06-{(i % 27) + 1:02d}\n"
        f'description: "Contractors say the resurfacing of {street} will be finished a week ahead of schedule, '
        f'the county council said on Monday."\n---\n\n'
        f"The resurfacing of {street} will finish a week early, the county council said.\n\n"
        f'![Workers laying asphalt on {street}](roadworks-{i}.jpg "Workers lay new asphalt on {street} on '
        f'Monday morning.{credit}")\n\n'
        f"Traffic lights will be removed by Friday.\n"
    )


def make_site(root, credited):
    (root / "_posts").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Ledger\n", encoding="utf-8")
    for i in range(30):
        path = root / "_posts" / f"2023-06-{(i % 27) + 1:02d}-roadworks-{i}.md"
        path.write_text(newsroom_article(i, credited(i)), encoding="utf-8")


def init_and_read():
    result = CliRunner().invoke(cli.main, ["init"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with open(".edlint.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh.read()) or {}


def test_a_newsroom_crediting_most_photos_gets_every_photo(tmp_path, monkeypatch):
    root = tmp_path / "ledger"
    make_site(root, lambda i: i != 0)  # 29 of 30 credited: the desk forgot one
    monkeypatch.chdir(root)
    # Before init, the default only reports an uncredited photo beside a credited one.
    _, before, _ = run_check()
    assert "image-credit" not in {r for _, r in rules_of(before)}
    data = init_and_read()
    assert data["images"]["credit_policy"] == "every-photo"
    assert data["images"]["caption_policy"] == "every-photo"
    _, after, _ = run_check()
    assert [r for _, r in rules_of(after)] == ["image-credit"]  # the one photo the desk forgot


def test_a_site_crediting_some_photos_keeps_the_default(tmp_path, monkeypatch):
    root = tmp_path / "blog"
    make_site(root, lambda i: i % 3 == 0)  # 10 of 30 credited: some, not most
    monkeypatch.chdir(root)
    data = init_and_read()
    assert "credit_policy" not in data.get("images", {})
