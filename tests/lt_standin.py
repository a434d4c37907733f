"""A loopback stand-in for a LanguageTool server, faithful to its HTTP API.

``POST /v2/check`` takes the form fields LanguageTool takes (text, language, disabledRules,
enabledRules, disabledCategories, enabledCategories, level) and answers with LanguageTool's
JSON shape (software, language, matches with message, shortMessage, offset, length,
replacements, context, sentence, rule{id, description, issueType, category{id, name}}).
Offsets and lengths are in UTF-16 code units, as LanguageTool (Java) sends them.
``GET /v2/languages`` lists languages. Modes simulate failures: "error" (HTTP 500), "slow"
(answers after a delay), "close" (drops the connection).
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RULES = [
    # (pattern, rule id, category id, issue type, message, replacements)
    (r"\bteh\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.", ["the"]),
    (r"\blibary\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.", ["library"]),
    (r"\bOkafor\b", "MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "Possible spelling mistake found.", ["Okafors"]),
    (r"\bcould of\b", "COULD_OF", "GRAMMAR", "grammar", "Did you mean “could have”?", ["could have"]),
    (r"\b(\w+) \1\b", "ENGLISH_WORD_REPEAT_RULE", "MISC", "duplication", "Possible typo: you repeated a word.", [""]),
    (r"\bin order to\b", "IN_ORDER_TO", "STYLE", "style", "Consider a shorter alternative.", ["to"]),
    (r"😀x", "EMOJI_TEST", "TYPOGRAPHY", "typographical", "Emoji glued to a word.", ["😀 x"]),
]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class StandIn:
    def __init__(self) -> None:
        self.mode = "ok"
        self.delay = 3.0
        self.requests: list[dict[str, str]] = []
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def check(self, fields: dict[str, str]) -> dict:
        text = fields.get("text", "")
        disabled = set(filter(None, fields.get("disabledRules", "").split(",")))
        disabled_cats = set(filter(None, fields.get("disabledCategories", "").split(",")))
        matches = []
        for pattern, rule_id, cat, issue, message, repl in RULES:
            if rule_id in disabled or cat in disabled_cats:
                continue
            for m in re.finditer(pattern, text):
                offset = utf16_len(text[: m.start()])
                length = utf16_len(m.group(0))
                matches.append(
                    {
                        "message": message,
                        "shortMessage": "",
                        "replacements": [{"value": r} for r in repl],
                        "offset": offset,
                        "length": length,
                        "context": {"text": text[max(0, m.start() - 20) : m.end() + 20], "offset": 0, "length": length},
                        "sentence": text,
                        "type": {"typeName": "Other"},
                        "rule": {
                            "id": rule_id,
                            "description": message,
                            "issueType": issue,
                            "category": {"id": cat, "name": cat.title()},
                        },
                        "ignoreForIncompleteSentence": False,
                        "contextForSureMatch": 0,
                    }
                )
        matches.sort(key=lambda x: x["offset"])
        return {
            "software": {
                "name": "LanguageTool",
                "version": "6.5",
                "buildDate": "2024-09-27",
                "apiVersion": 1,
                "status": "",
                "premium": False,
            },
            "warnings": {"incompleteResults": False},
            "language": {
                "name": "English (US)",
                "code": fields.get("language", "en-US"),
                "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9},
            },
            "matches": matches,
        }

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _send(self, code: int, payload) -> None:
                body = json.dumps(payload).encode("utf-8")
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                if self.path.startswith("/v2/languages"):
                    self._send(
                        200,
                        [
                            {"name": "English (US)", "code": "en", "longCode": "en-US"},
                            {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
                            {"name": "German", "code": "de", "longCode": "de"},
                        ],
                    )
                else:
                    self._send(404, {"error": "not found"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode("utf-8")
                fields = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
                standin.requests.append(fields)
                if standin.mode == "close":
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.connection.close()
                    return
                if standin.mode == "error":
                    self._send(500, {"error": "internal error"})
                    return
                if standin.mode == "slow":
                    time.sleep(standin.delay)
                if not self.path.startswith("/v2/check"):
                    self._send(404, {"error": "not found"})
                    return
                if "text" not in fields or "language" not in fields:
                    self.send_response(400)
                    self.end_headers()
                    self.wfile.write(b"Error: Missing 'text' or 'data' parameter")
                    return
                self._send(200, standin.check(fields))

        return Handler
