"""A small news site for the server's tests: a config, two archived articles by one author
with the same bio, and a draft by her with known problems (and text that must stay clean)."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette", reason="the serve extra is not installed")

ARCHIVE = {
    "content/news/2025-10-02-harbour-wall.md": """---
title: "Harbour wall repairs to start after winter storms"
description: "The council will rebuild 40 metres of the wall before the spring tides."
author: Priya Natarajan
author_bio: Priya Natarajan covers transport and the coast for the Gazette.
date: 2025-10-02
---

Repairs to the harbour wall at Porthleven will begin on Monday 6 October, the council said.

“We have waited two winters for this,” said Jenna Pascoe, who runs the fish market on the quay.
""",
    "content/news/2025-11-20-ferry.md": """---
title: "Ferry timetable cut for the winter"
description: "Boats between Falmouth and St Mawes will run hourly from November."
author: Priya Natarajan
author_bio: Priya Natarajan covers transport and the coast for the Gazette.
date: 2025-11-20
---

The ferry between Falmouth and St Mawes will run every hour from November, the operator said.
""",
}

# Known problems: 'Monday' (18 November 2025 is a Tuesday; unsafe fix), an image with no alt,
# caption or credit, straight quotes among curly ones (safe fix), and a bio that differs from
# the one on the author's article of the same day (cross-file: bios that change between
# articles weeks apart are a career, not a slip, and are not reported). Must stay clean: 'Wednesday 26 November' (right),
# the curly-quoted paragraphs, the headline.
DRAFT = """---
title: "Coastal path reopens after landslip"
description: "Walkers can use the path between Porthleven and Loe Bar again after six weeks of repairs."
author: Priya Natarajan
author_bio: Priya Natarajan is the Gazette's political editor.
date: 2025-11-20
---

# Coastal path reopens after landslip

The stretch of coastal path between Porthleven and Loe Bar reopened on Monday 18 November, after engineers spent six weeks shoring up the cliff.

![](loe-bar-path.jpg)

“We have put in new drainage so it does not happen again,” said Tom Reilly, the county’s rights-of-way officer.

"It's been a long wait for walkers," said Ellen Rowe, who chairs the Loe Bar Ramblers.

“Most of our members stayed away all autumn,” she added.

The path will close again on Wednesday 26 November for a final inspection.
"""
DRAFT_PATH = "content/news/2025-11-20-coast-path.md"


@pytest.fixture
def site(tmp_path):
    root = tmp_path / "site"
    (root / "content" / "news").mkdir(parents=True)
    (root / ".edlint.yaml").write_text("language: en-GB\n", encoding="utf-8")
    for rel, text in ARCHIVE.items():
        (root / rel).write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def make_client(site):
    """make_client(**settings) -> a started TestClient (archive scanned) on the site."""
    from starlette.testclient import TestClient

    from edlint.serve.app import create_app
    from edlint.serve.settings import ServeSettings

    clients = []

    def make(**kwargs):
        kwargs.setdefault("watch_interval", 0)
        app = create_app(ServeSettings(root=str(site), **kwargs))
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        assert app.state.service._state.workspace.scanned.wait(30)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client):
    return make_client()


def marked(html: str) -> dict[int, str]:
    """Finding index -> the rendered text marked for it (pieces joined by '|')."""
    from html.parser import HTMLParser

    out: dict[int, list[str]] = {}

    class Walk(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack: list[list[int]] = []

        def handle_starttag(self, tag, attrs):
            if tag == "mark":
                self.stack.append([int(i) for i in (dict(attrs).get("data-f") or "").split()])

        def handle_endtag(self, tag):
            if tag == "mark" and self.stack:
                self.stack.pop()

        def handle_data(self, data):
            for ids in self.stack:
                for i in ids:
                    out.setdefault(i, []).append(data)

    Walk().feed(html)
    return {i: "|".join(parts) for i, parts in out.items()}


@pytest.fixture
def live_server(site):
    """live_server(**settings) -> base URL of `edlint serve`'s app on uvicorn, on a free
    loopback port, in a thread (stopped after the test)."""
    import threading
    import time

    import uvicorn

    from edlint.serve.app import create_app
    from edlint.serve.settings import ServeSettings

    servers = []

    def start(**kwargs):
        kwargs.setdefault("watch_interval", 0)
        app = create_app(ServeSettings(root=str(site), **kwargs))
        server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not (server.started and app.state.service._state.workspace.scanned.is_set()):
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.05)
        servers.append((server, thread))
        start.apps.append(app)
        port = server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    start.apps = []  # the apps started, for tests that reach the service behind the URL
    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(10)
