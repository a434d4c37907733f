"""`edlint serve` as a command: its options, the missing extra, imports kept off `check`,
config reloads (file change, article change, SIGHUP) and /healthz under load."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from conftest import DRAFT, DRAFT_PATH
from edlint.cli import main


def test_serve_is_listed_and_documents_its_options():
    out = CliRunner().invoke(main, ["serve", "--help"])
    assert out.exit_code == 0
    for option in (
        "--host",
        "127.0.0.1",
        "--port",
        "--root",
        "--max-body",
        "--timeout",
        "--cors-origin",
        "EDLINT_SERVE_TOKEN",
    ):
        assert option in out.output
    assert "serve" in CliRunner().invoke(main, ["--help"]).output


@pytest.mark.parametrize("origin", ["*", "cms.example.org"])
def test_cors_origins_must_be_exact(origin, site):
    out = CliRunner().invoke(main, ["serve", "--root", str(site), "--cors-origin", origin])
    assert out.exit_code == 2 and "exact origin" in out.output


def test_a_bad_config_stops_the_server_with_exit_2(site):
    (site / ".edlint.yaml").write_text("selcet: [images]\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["serve", "--root", str(site)])
    assert out.exit_code == 2 and "config error" in out.output and "select" in out.output


def test_max_body_must_be_a_size(site):
    out = CliRunner().invoke(main, ["serve", "--root", str(site), "--max-body", "lots"])
    assert out.exit_code == 2 and "--max-body" in out.output


_BLOCK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('starlette', 'uvicorn'):
            raise ImportError('blocked for the test: ' + name)
sys.meta_path.insert(0, Block())
from edlint.cli import main
main(['serve'])
"""


def test_without_the_extra_the_message_says_how_to_install_it():
    proc = subprocess.run([sys.executable, "-c", _BLOCK], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert 'pip install "edlint[serve]"' in proc.stderr and "Traceback" not in proc.stderr


_CHECK = """
import sys
from edlint.cli import main
try:
    main(['check', '--no-cache', sys.argv[1]])
except SystemExit:
    pass
print([m for m in ('starlette', 'uvicorn', 'nh3', 'edlint.serve', 'httpx') if m in sys.modules])
"""


def test_check_imports_nothing_of_the_server(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("---\ntitle: Tide\n---\n\nThe tide turned on Thursday.\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", _CHECK, str(story)], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]"


# -- reloads --------------------------------------------------------------------------------------
def test_a_config_change_is_picked_up(client, site):
    body = {"text": DRAFT, "path": DRAFT_PATH}
    assert any(f["rule"] == "image-alt" for f in client.post("/v1/check", json=body).json()["findings"])
    service = client.app.state.service
    generation = client.get("/healthz").json()["config_generation"]
    assert service.poll() is None  # nothing changed yet
    (site / ".edlint.yaml").write_text("language: en-GB\nignore: [image-alt]\n", encoding="utf-8")
    assert service.poll() == "reload"
    assert client.get("/healthz").json()["config_generation"] == generation + 1
    assert not any(f["rule"] == "image-alt" for f in client.post("/v1/check", json=body).json()["findings"])


def test_a_broken_config_keeps_the_old_one(client, site):
    service = client.app.state.service
    (site / ".edlint.yaml").write_text("language: en-GB\nignore: [image-altt]\n", encoding="utf-8")
    assert service.poll() == "reload"
    health = client.get("/healthz").json()
    assert health["reload_error"] and "image-altt" in health["reload_error"]
    assert client.post("/v1/check", json={"text": DRAFT}).status_code == 200
    assert service.poll() is None  # not retried (nor logged) every interval
    (site / ".edlint.yaml").write_text("language: en-GB\nignore: [image-alt]\n", encoding="utf-8")
    assert service.poll() == "reload" and client.get("/healthz").json()["reload_error"] is None


def test_an_archive_change_updates_the_facts(client, site):
    body = {"text": DRAFT, "path": DRAFT_PATH}
    bio = lambda: [f for f in client.post("/v1/check", json=body).json()["findings"] if f["rule"] == "bio-inconsistent"]
    assert bio()
    for rel in ("content/news/2025-10-02-harbour-wall.md", "content/news/2025-11-20-ferry.md"):
        path = site / rel
        text = path.read_text(encoding="utf-8").replace(
            "covers transport and the coast for", "is the political editor of"
        )
        path.write_text(text.replace("for the Gazette.", "the Gazette."), encoding="utf-8")
        os.utime(path, ns=(time.time_ns(), time.time_ns() + 10**9))
    # The archived bios now read 'Priya Natarajan is the political editor of the Gazette.'
    same = DRAFT.replace("is the Gazette's political editor.", "is the political editor of the Gazette.")
    assert client.app.state.service.poll() == "articles"
    ok = client.post("/v1/check", json={"text": same, "path": DRAFT_PATH}).json()["findings"]
    assert not [f for f in ok if f["rule"] == "bio-inconsistent"]
    assert bio()  # the draft's own bio still differs


def _get(url: str, timeout: float = 10) -> dict:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read())


def _post(url: str, body: dict, timeout: float = 60) -> int:
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        response.read()
        return response.status


@pytest.mark.slow
def test_sighup_reloads_the_config(site, tmp_path):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "edlint.cli", "serve", "--port", str(port), "--watch-interval", "0"],
        cwd=site,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                health = _get(base + "/healthz", 2)
                if health["scanned"]:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        assert health["config_generation"] == 1
        proc.send_signal(signal.SIGHUP)
        while _get(base + "/healthz")["config_generation"] == 1:
            assert time.monotonic() < deadline, "SIGHUP did not reload"
            time.sleep(0.2)
        assert proc.poll() is None  # still serving
    finally:
        proc.terminate()
        proc.wait(20)
        log.close()


@pytest.mark.slow
def test_healthz_answers_while_checks_run(live_server):
    """N concurrent checks of a long article keep the worker threads busy; /healthz, served
    by the event loop, still answers promptly."""
    base = live_server(workers=2)
    long_draft = DRAFT + "\n".join(
        f"Paragraph {i}: the council met on Monday 18 November and said the harbour wall would cost £{i}m."
        for i in range(300)
    )
    n = 8
    with ThreadPoolExecutor(n + 1) as pool:
        started = time.monotonic()
        checks = [pool.submit(_post, base + "/v1/check", {"text": long_draft, "render": True}) for _ in range(n)]
        time.sleep(0.3)
        waits = []
        while not all(c.done() for c in checks):
            t0 = time.monotonic()
            assert _get(base + "/healthz")["status"] == "ok"
            waits.append(time.monotonic() - t0)
            time.sleep(0.1)
        assert all(c.result() == 200 for c in checks)
    took = time.monotonic() - started
    print(f"{n} checks in {took:.1f} s; /healthz worst {max(waits or [0]) * 1000:.0f} ms over {len(waits)} probes")
    assert waits and max(waits) < 1.0


@pytest.mark.slow
def test_a_port_in_use_is_exit_2(site):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = subprocess.run(
            [sys.executable, "-m", "edlint.cli", "serve", "--port", str(port), "--watch-interval", "0"],
            cwd=site,
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert proc.returncode == 2
    assert "could not start" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_worker_processes_check_against_the_archive_and_restart_on_change(live_server, site):
    base = live_server(processes=2)
    body = {"text": DRAFT, "path": DRAFT_PATH}

    def findings():
        request = urllib.request.Request(
            base + "/v1/check", json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=120) as response:
            return {f["rule"] for f in json.loads(response.read())["findings"]}

    assert {"bio-inconsistent", "image-alt", "date-weekday"} <= findings()  # facts scanned in the worker
    # A request error raised in a worker process is still a 422 naming the field.
    bad = urllib.request.Request(base + "/v1/check", json.dumps({"text": DRAFT, "select": ["imagez"]}).encode())
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(bad, timeout=120)
    assert err.value.code == 422 and json.loads(err.value.read())["error"]["field"] == "select[0]"
    (site / ".edlint.yaml").write_text("language: en-GB\nignore: [image-alt]\n", encoding="utf-8")
    service = live_server.apps[-1].state.service
    assert service.poll() == "reload"
    assert "image-alt" not in findings() and "date-weekday" in findings()
