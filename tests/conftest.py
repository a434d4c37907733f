import os
import sys

import pytest

HERE = os.path.dirname(__file__)
sys.path.insert(0, HERE)


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
