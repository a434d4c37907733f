"""A Jekyll site's own figure includes, read from its `_includes/` templates."""

from __future__ import annotations

from edlint.api import lint_paths
from edlint.rules.images.includes import include_fields

# A travel blog's template: the picture through a capture, the caption as the alt text.
CAPTURED = """{% capture imagePath %}https://images.example.org/{{ include.filename }}{% endcapture %}
{% capture thumb %}https://images.example.org/thumbnails/{{ include.thumb }}{% endcapture %}
<div class="gallery">
  <a class="card" href="{{ imagePath }}" title="{{ include.caption }}">
    <figure>
      <img alt="{{ include.caption }}" src="{{ thumb }}">
      <figcaption>{{ include.caption }}</figcaption>
    </figure>
  </a>
</div>
"""

# A newsroom's template: its own argument names, a credit line, no alt fallback.
NAMED = """<figure class="photo">
  <img src="{{ site.baseurl }}/img/{{ include.file | escape }}" alt="{{ include.describe }}">
  <figcaption>{{ include.text }} <span class="credit">{{ include.photographer }}</span></figcaption>
</figure>
"""


def test_fields_are_read_from_the_template():
    assert include_fields(CAPTURED) == {"src": "thumb", "alt": "caption", "caption": "caption"}
    assert include_fields(NAMED) == {"src": "file", "alt": "describe", "caption": "text", "credit": "photographer"}


def test_a_template_that_shows_no_picture_from_its_arguments_is_no_figure():
    assert include_fields('<footer><img src="/logo.png" alt="Logo"></footer>') is None
    assert include_fields("<p>{{ include.text }}</p>") is None


def _site(tmp_path, template: str, post: str, select: str = "images") -> list[tuple[int, str, str]]:
    (tmp_path / ".edlint.yaml").write_text(f"select: [{select}]\n", encoding="utf-8")
    (tmp_path / "_config.yml").write_text("title: Harbour Notes\n", encoding="utf-8")
    (tmp_path / "_includes").mkdir()
    (tmp_path / "_includes" / "photo.html").write_text(template, encoding="utf-8")
    (tmp_path / "_posts").mkdir()
    path = tmp_path / "_posts" / "2026-05-02-harbour.md"
    path.write_text(post, encoding="utf-8")
    result = lint_paths([str(path)], config=str(tmp_path / ".edlint.yaml"))
    return sorted((f.line, f.rule, f.message) for f in result.findings)


POST = """---
title: "Harbour festival draws record crowds"
date: 2026-05-02
---

The harbour festival drew 40,000 people on Saturday, organisers said.

{% include photo.html file="crowd.jpg" text="Crowds fill the quay before the fireworks." photographer="Photo: Ana Ruiz" %}

{% include photo.html file="stage.jpg" describe="The main stage at dusk" text="The headline act opens the night." %}
"""


def test_the_sites_own_include_is_a_picture_with_its_alt_caption_and_credit(tmp_path):
    got = _site(tmp_path, NAMED, POST)
    # crowd.jpg: no alt argument, and this template has no fallback; stage.jpg: no credit
    # while the article credits its other photo
    assert [(line, rule) for line, rule, _ in got] == [(8, "image-alt"), (10, "image-credit")]


def test_a_template_that_writes_the_caption_as_alt_text_satisfies_image_alt(tmp_path):
    post = POST.replace('file="crowd.jpg" text=', 'filename="crowd.jpg" thumb="crowd-t.jpg" caption=').replace(
        'file="stage.jpg" describe="The main stage at dusk" text=', 'filename="stage.jpg" thumb="stage-t.jpg" caption='
    )
    got = _site(tmp_path, CAPTURED, post)
    assert not [g for g in got if g[1] == "image-alt"]


# A pull-quote box whose photo include shows the speaker: the include the site draws as a
# picture of a person (`person="…"`) is the quotation's source, for quote-attribution too.
PORTRAIT = """<figure class="team-photo">
  <img src="/img/team/{{ include.person }}.jpg" alt="{{ include.caption }}">
  <figcaption>{{ include.caption }}</figcaption>
</figure>
"""

PULL_QUOTES = """---
title: "A year of the new permit counter"
date: 2026-09-03
---

A year ago the city opened a single counter for building permits.

<div class="pquote">
  {% include photo.html person="lucia-ferrante" caption="Lucia Ferrante, permit counter lead" %}
  <p>“We don’t need more forms. We need fewer steps between a question and an answer.”</p>
</div>

Inspector Carl Benning said his crews noticed the difference within weeks. “Now a request lands on one desk,” Benning said.

The counter closes at noon on Fridays.

“Every form we removed was one less wrong answer someone could give us.”
"""


def test_a_portrait_include_beside_a_pull_quote_gives_its_speaker(tmp_path):
    got = _site(tmp_path, PORTRAIT, PULL_QUOTES, select="quote-attribution")
    # the pull quote is the pictured colleague's; the last quotation names no one
    assert [(line, rule) for line, rule, _ in got] == [(17, "quote-attribution")]
