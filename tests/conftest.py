import os
import sys

import pytest

HERE = os.path.dirname(__file__)
sys.path.insert(0, HERE)


@pytest.fixture(autouse=True)
def _no_user_plugin_permission(monkeypatch, tmp_path_factory):
    """Whether local plugins may load is the user's choice (EDLINT_ALLOW_PLUGINS, the
    user-level config): the tests start from the default, whoever runs them."""
    monkeypatch.delenv("EDLINT_ALLOW_PLUGINS", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "no-user-config"))


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: write("a/b.md", text) -> path (str)."""

    def _write(rel: str, content, mode: str = "w") -> str:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return str(path)

    return _write
