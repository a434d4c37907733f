import sys

import pytest


@pytest.fixture(autouse=True, scope="module")
def _keep_import_machinery():
    """Importing dask installs importlib_metadata's finder on ``sys.meta_path`` for the rest
    of the process; tests elsewhere (the entry-point scan of the start-up tests) must see
    the interpreter as a plain run of edlint does."""
    before = list(sys.meta_path)
    yield
    sys.meta_path[:] = before
