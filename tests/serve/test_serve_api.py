"""The HTTP API of `edlint serve`, through Starlette's test client: the CLI's JSON contract,
cross-file facts from the site archive, fixes, rules, opening site files, and every error
status (401, 404, 405, 413, 422, 500, 503)."""

from __future__ import annotations

import json
import os
import time

import pytest

from conftest import ARCHIVE, DRAFT, DRAFT_PATH, marked
from edlint.engine import Linter


def _rules(report):
    return sorted(f["rule"] for f in report["findings"])


def _at(report, rule):
    return [f for f in report["findings"] if f["rule"] == rule]


def test_check_gives_the_cli_json_contract_for_the_draft(client, site, monkeypatch):
    r = client.post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH})
    assert r.status_code == 200
    got = r.json()
    # The same findings, positions and fixes as `edlint check --format json` on the file in
    # the site (the archive included, for the cross-file rules).
    (site / DRAFT_PATH).write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(site)
    from edlint.reporters.json_ import payload

    linter = Linter()
    cli = payload(linter.run(["."]))
    cli_findings = [dict(f, path=f["path"].removeprefix("./")) for f in cli["findings"] if DRAFT_PATH in f["path"]]
    served = [{k: v for k, v in f.items() if k not in ("id", "family")} for f in got["findings"]]
    assert served == cli_findings
    assert got["version"] == cli["version"]
    assert got["summary"]["files"] == 1 and got["summary"]["findings"] == len(served)
    assert {f["family"] for f in got["findings"]} >= {"dates", "images", "quotes", "bios"}


def test_check_finds_the_known_problems_and_not_the_clean_text(client):
    report = client.post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH}).json()
    lines = DRAFT.split("\n")
    weekday = _at(report, "date-weekday")
    assert len(weekday) == 1  # 'Wednesday 26 November' is right and is not flagged
    edit = weekday[0]["fix"]["edits"][0]
    assert DRAFT[edit["start"] : edit["end"]] == "Monday" and edit["replacement"] == "Tuesday"
    assert weekday[0]["fix"]["applicability"] == "unsafe"
    quote = _at(report, "quote-style")
    assert len(quote) == 1 and lines[quote[0]["line"] - 1].startswith("\"It's been")
    assert quote[0]["fix"]["applicability"] == "safe"
    # image-alt, not image-credit: the draft credits no image, and by default (credit_policy:
    # as-the-article-does) an uncredited photo counts only beside a credited one.
    assert "image-alt" in set(_rules(report)) and "image-credit" not in set(_rules(report))
    # Cross-file: the bio differs from the one on her archived articles.
    bio = _at(report, "bio-inconsistent")
    assert len(bio) == 1 and "political editor" in bio[0]["message"]
    assert not [f for f in report["findings"] if f["line"] == 9]  # the headline is clean


def test_without_the_archive_there_is_no_cross_file_finding(make_client, site):
    for name in os.listdir(site / "content" / "news"):
        os.remove(site / "content" / "news" / name)
    report = make_client().post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH}).json()
    assert not _at(report, "bio-inconsistent")


def test_a_draft_with_the_archived_bio_is_consistent(client):
    same = DRAFT.replace("is the Gazette's political editor.", "covers transport and the coast for the Gazette.")
    report = client.post("/v1/check", json={"text": same, "path": DRAFT_PATH}).json()
    assert not _at(report, "bio-inconsistent")


def test_select_and_ignore_narrow_the_findings(client):
    only = client.post("/v1/check", json={"text": DRAFT, "select": ["images"]}).json()
    assert only["findings"] and {f["family"] for f in only["findings"]} == {"images"}
    without = client.post("/v1/check", json={"text": DRAFT, "ignore": ["images", "quote-style"]}).json()
    assert not {"images", "quotes"} & {f["family"] for f in without["findings"]}
    assert _at(without, "date-weekday")


def test_format_path_and_language(client):
    html = "<html><body><p>The council met on Monday 18 November 2025 to set the budget.</p></body></html>"
    report = client.post("/v1/check", json={"text": html, "format": "html", "select": ["dates"]}).json()
    assert [f["rule"] for f in report["findings"]] == ["date-weekday"]
    assert report["findings"][0]["path"] == "draft.html"
    # A path without an extension takes the format's; with one, they must agree.
    slug = client.post("/v1/check", json={"text": DRAFT, "path": "news/coast-path", "select": ["dates"]}).json()
    assert slug["findings"][0]["path"] == "news/coast-path.md"
    bad = client.post("/v1/check", json={"text": DRAFT, "path": "a.html", "format": "markdown"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "format"
    # The site says en-GB; a CMS that declares an en-US draft gets US spelling asked for.
    uk = "---\ntitle: Harbour\n---\n\nThe colour of the harbour changed overnight.\n"
    gb = client.post("/v1/check", json={"text": uk, "select": ["spelling-variants"]}).json()
    assert gb["findings"] == []
    us = client.post("/v1/check", json={"text": uk, "language": "en-US", "select": ["spelling-variants"]}).json()
    assert [f["message"].split("'")[1] for f in us["findings"]] == ["colour", "harbour"]
    assert client.post("/v1/check", json={"text": uk, "language": "English!"}).json()["error"]["field"] == "language"


def test_fix_all_safe_fixes_as_the_cli_does(client):
    out = client.post("/v1/fix", json={"text": DRAFT, "path": DRAFT_PATH}).json()
    assert out["changed"] and out["applied"] >= 1
    assert "“It’s been a long wait for walkers,”" in out["text"]
    assert "Monday 18 November" in out["text"]  # unsafe: not without `unsafe`
    assert not _at(out, "quote-style")
    unsafe = client.post("/v1/fix", json={"text": DRAFT, "path": DRAFT_PATH, "unsafe": True}).json()
    assert "Tuesday 18 November" in unsafe["text"]
    assert len(unsafe["text"]) >= len(DRAFT) - 5  # nothing else lost


def test_fix_one_chosen_finding(client):
    report = client.post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH}).json()
    weekday = _at(report, "date-weekday")[0]
    out = client.post("/v1/fix", json={"text": DRAFT, "path": DRAFT_PATH, "fixes": [weekday["id"], "0000"]}).json()
    assert out["applied_ids"] == [weekday["id"]]
    assert out["text"] == DRAFT.replace("on Monday 18", "on Tuesday 18")
    assert [s["id"] for s in out["skipped"]] == ["0000"]
    assert not _at(out, "date-weekday") and _at(out, "quote-style")  # only what was chosen
    image = _at(report, "image-alt")[0]
    none = client.post("/v1/fix", json={"text": DRAFT, "fixes": [image["id"]], "path": DRAFT_PATH}).json()
    assert not none["changed"] and none["skipped"][0]["reason"] == "this finding has no fix"


def test_render_marks_findings_at_their_words(client):
    report = client.post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH, "render": True}).json()
    html = report["rendered"]["html"]
    weekday = report["findings"].index(_at(report, "date-weekday")[0])
    marks = marked(html)
    assert marks[weekday] == "Monday 18 November"
    quote = report["findings"].index(_at(report, "quote-style")[0])
    assert marks[quote].startswith("\"It's been a long wait")
    bio = report["findings"].index(_at(report, "bio-inconsistent")[0])
    assert "political editor" in marks[bio]  # in the front matter box
    assert not any("Wednesday" in text for text in marks.values())
    assert not any("We have put in new drainage" in text for text in marks.values())
    assert report["rendered"]["unplaced"] == []


def test_rules_and_rule_docs(client):
    rules = client.get("/v1/rules").json()["rules"]
    ids = {r["id"]: r for r in rules}
    assert ids["image-alt"]["family"] == "images" and ids["image-alt"]["enabled"] is True
    assert ids["paren-unbalanced"]["enabled"] is False  # preview
    doc = client.get("/v1/rules/date-weekday").json()
    assert doc["id"] == "date-weekday" and "## What it does" in doc["doc"] and "# date-weekday" in doc["explanation"]
    missing = client.get("/v1/rules/date-weekdy")
    assert missing.status_code == 404 and "did you mean 'date-weekday'" in missing.json()["error"]["message"]


def test_open_an_article_by_path_or_url_path(client, site):
    got = client.get("/v1/open", params={"path": "content/news/2025-11-20-ferry.md"}).json()
    assert got["format"] == "markdown" and "Falmouth" in got["text"]
    by_url = client.get("/v1/open", params={"path": "/news/2025-11-20-ferry/"})
    assert by_url.status_code == 200 and by_url.json()["path"] == "content/news/2025-11-20-ferry.md"
    # A published URL drops the date prefix and the folders the generator maps.
    by_slug = client.get("/v1/open", params={"path": "/2025/10/20/ferry/"})
    assert by_slug.status_code == 200 and by_slug.json()["path"] == "content/news/2025-11-20-ferry.md"
    (site / "content" / "opinion").mkdir()
    (site / "content" / "opinion" / "ferry.md").write_text(
        ARCHIVE["content/news/2025-11-20-ferry.md"], encoding="utf-8"
    )
    both = client.get("/v1/open", params={"path": "/ferry/"})
    assert both.status_code == 404 and "several articles" in both.json()["error"]["message"]


def test_open_never_reads_outside_the_site(client, site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Payroll\n---\n\nNot for the desk.\n", encoding="utf-8")
    os.symlink(secret, site / "content" / "news" / "leak.md")
    for path in ("../secret.md", "content/../../secret.md", "/../secret.md", "C:/secret.md"):
        r = client.get("/v1/open", params={"path": path})
        assert r.status_code == 422 and r.json()["error"]["field"] == "path", path
    r = client.get("/v1/open", params={"path": "content/news/leak.md"})
    assert r.status_code == 404 and "Payroll" not in r.text and "not followed" in r.json()["error"]["message"]
    assert client.get("/v1/open", params={"path": "content/news/nothing-here.md"}).status_code == 404
    assert client.get("/v1/open").json()["error"]["field"] == "path"
    bad = client.post("/v1/check", json={"text": DRAFT, "path": "../../etc/cron.md"})
    assert bad.status_code == 422 and bad.json()["error"]["field"] == "path"


def test_healthz_and_openapi(client):
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["scanned"] is True and health["articles_with_facts"] == 2
    doc = client.get("/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert set(doc["paths"]) >= {"/v1/check", "/v1/fix", "/v1/rules", "/v1/rules/{rule_id}", "/healthz"}
    props = doc["components"]["schemas"]["CheckRequest"]["properties"]
    assert set(props) == {"text", "format", "path", "language", "select", "ignore", "render"}
    assert doc["components"]["schemas"]["CheckRequest"]["additionalProperties"] is False


# -- errors -------------------------------------------------------------------------------------------
def test_bearer_token(make_client, monkeypatch):
    client = make_client(token="s3cret-desk-token")
    body = {"text": DRAFT}
    missing = client.post("/v1/check", json=body)
    assert missing.status_code == 401 and missing.headers["www-authenticate"].startswith("Bearer")
    assert missing.json()["error"]["code"] == "unauthorized"
    assert client.post("/v1/check", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/v1/rules", headers={"Authorization": "Basic s3cret-desk-token"}).status_code == 401
    ok = client.post("/v1/check", json=body, headers={"Authorization": "Bearer s3cret-desk-token"})
    assert ok.status_code == 200
    assert client.get("/healthz").status_code == 200  # liveness needs no token
    assert client.get("/").status_code == 200  # the page asks for the token itself


@pytest.mark.parametrize(
    "body, field, code",
    [
        (b'{"text": "x",', None, "invalid_json"),
        (b"\xff\xfe{}", None, "invalid_json"),
        (b'["text"]', None, "invalid_field"),
        (b"{}", "text", "missing_field"),
        (b'{"text": 12}', "text", "invalid_field"),
        (b'{"text": "x", "fromat": "html"}', "fromat", "unknown_field"),
        (b'{"text": "x", "format": "docx"}', "format", "invalid_field"),
        (b'{"text": "x", "select": "images"}', "select", "invalid_field"),
        (b'{"text": "x", "select": ["images", 3]}', "select[1]", "invalid_field"),
        (b'{"text": "x", "ignore": ["imagez"]}', "ignore[0]", "invalid_field"),
        (b'{"text": "x", "render": "yes"}', "render", "invalid_field"),
        (b'{"text": "The council \\ud800 met on Monday."}', "text", "invalid_field"),
        (b'{"text": "x", "ignore": ["\\udfff"]}', "ignore[0]", "invalid_field"),
    ],
)
def test_malformed_requests_are_422_naming_the_field(client, body, field, code):
    r = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == code and error.get("field") == field
    if field:
        assert field in error["message"]


def test_fix_fields_are_checked_too(client):
    r = client.post("/v1/fix", json={"text": DRAFT, "fixes": "all"})
    assert r.status_code == 422 and r.json()["error"]["field"] == "fixes"
    r = client.post("/v1/fix", json={"text": DRAFT, "unsafe": 1})
    assert r.json()["error"]["field"] == "unsafe"
    assert client.post("/v1/check", json={"text": DRAFT, "fixes": []}).json()["error"]["field"] == "fixes"


def test_body_over_the_limit_is_413(make_client):
    client = make_client(max_body=4096)
    big = json.dumps({"text": "The council met. " * 400}).encode()
    r = client.post("/v1/check", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413 and r.json()["error"]["code"] == "too_large"

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(10):
            yield big[:1000]

    assert client.post("/v1/check", content=chunks()).status_code == 413
    assert client.post("/v1/check", json={"text": DRAFT[:1000]}).status_code == 200


def test_the_default_limit_is_2_mib(client):
    body = json.dumps({"text": "x" * (2 * 1024 * 1024)}).encode()
    assert client.post("/v1/check", content=body).status_code == 413


def test_time_limit_is_503_json(make_client, monkeypatch):
    client = make_client(timeout=0.3)
    service = client.app.state.service
    real = service.check

    def slow(*args, **kwargs):
        time.sleep(1.0)
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "check", slow)
    started = time.monotonic()
    r = client.post("/v1/check", json={"text": DRAFT})
    assert r.status_code == 503 and time.monotonic() - started < 0.9
    assert r.json()["error"]["code"] == "timeout" and "limit" in r.json()["error"]["message"]
    assert r.headers["retry-after"]


def test_too_many_waiting_is_503_busy(make_client):
    client = make_client(max_pending=0)
    r = client.post("/v1/check", json={"text": DRAFT})
    assert r.status_code == 503 and r.json()["error"]["code"] == "busy"


def test_internal_errors_carry_no_stack_trace(client, monkeypatch, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("/home/desk/secret-path exploded")

    monkeypatch.setattr(client.app.state.service, "rules", broken)
    r = client.get("/v1/rules")
    assert r.status_code == 500
    assert r.json() == {
        "error": {"status": 500, "code": "internal", "message": "internal error; the server's log has the details"}
    }
    assert "Traceback" not in r.text and "secret-path" not in r.text
    assert "secret-path" in caplog.text  # the operator still sees it


def test_unknown_endpoint_and_method(client):
    assert client.get("/v1/nothing").json()["error"]["status"] == 404
    r = client.get("/v1/check")
    assert r.status_code == 405 and r.json()["error"]["code"] == "method_not_allowed"


def test_cors_is_off_unless_origins_are_configured(make_client):
    preflight = {"Origin": "https://cms.example.org", "Access-Control-Request-Method": "POST"}
    closed = make_client()
    r = closed.options("/v1/check", headers=preflight)
    assert "access-control-allow-origin" not in r.headers
    r = closed.post("/v1/check", json={"text": DRAFT}, headers={"Origin": "https://cms.example.org"})
    assert "access-control-allow-origin" not in r.headers
    open_ = make_client(cors_origins=("https://cms.example.org",))
    r = open_.options("/v1/check", headers=preflight | {"Access-Control-Request-Headers": "authorization"})
    assert r.headers["access-control-allow-origin"] == "https://cms.example.org"
    other = open_.options("/v1/check", headers=preflight | {"Origin": "https://evil.example"})
    assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def test_page_and_assets_have_a_strict_policy(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "img-src 'self' data:;" in csp
    assert page.text.count("<script") == 1 and "http" not in page.text.replace("http-equiv", "")
    assert client.get("/static/page.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/page.css").status_code == 200


def test_answers_match_the_openapi_schemas(client):
    """A client generated from /openapi.json can read what the server sends."""
    from jsonschema import Draft202012Validator

    doc = client.get("/openapi.json").json()

    def check(instance, name):
        schema = {"$ref": f"#/components/schemas/{name}", "components": doc["components"]}
        Draft202012Validator(schema).validate(instance)

    def rejects(instance, name):
        schema = {"$ref": f"#/components/schemas/{name}", "components": doc["components"]}
        return not Draft202012Validator(schema).is_valid(instance)

    report = client.post("/v1/check", json={"text": DRAFT, "path": DRAFT_PATH, "render": True}).json()
    check(report, "Report")
    weekday = _at(report, "date-weekday")[0]
    check(client.post("/v1/fix", json={"text": DRAFT, "fixes": [weekday["id"]]}).json(), "Fixed")
    check(client.post("/v1/fix", json={"text": DRAFT}).json(), "Fixed")
    check(client.get("/v1/rules/date-weekday").json(), "Rule")
    for rule in client.get("/v1/rules").json()["rules"]:
        check(rule, "Rule")
    check(client.post("/v1/check", json={"txt": DRAFT}).json(), "Error")
    check({"text": DRAFT, "format": "markdown", "select": ["images"], "render": True}, "CheckRequest")
    assert rejects({"text": DRAFT, "fromat": "html"}, "CheckRequest")
    assert rejects({"format": "html"}, "CheckRequest")
    assert rejects({"text": DRAFT, "fixes": "all"}, "FixRequest")
    for path, ops in doc["paths"].items():
        for op in ops.values():
            assert op["operationId"] and "200" in op["responses"], path


def test_every_control_on_the_page_has_a_label(client):
    from html.parser import HTMLParser

    controls, labels, buttons = [], set(), []

    class Walk(HTMLParser):
        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            if tag in ("input", "select", "textarea"):
                controls.append(a.get("id"))
            if tag == "label":
                labels.add(a.get("for"))
            if tag == "button":
                buttons.append(a)

    Walk().feed(client.get("/").text)
    assert controls and all(c in labels for c in controls), (controls, labels)
    assert all(b.get("type") in ("button", "submit") for b in buttons)
