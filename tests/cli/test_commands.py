"""One module per command: each is loaded only when run, and `check`'s options record
carries exactly the flags click parses."""

import subprocess
import sys

from click.testing import CliRunner

from edlint.cli import LazyGroup, main


def test_every_command_is_listed_and_loads():
    out = CliRunner().invoke(main, ["--help"]).output
    for name in LazyGroup.lazy:
        assert f"  {name} " in out, name
        assert main.get_command(None, name) is not None, name


def test_check_options_has_one_field_per_flag():
    from edlint.commands.check import CheckOptions, check

    assert {p.name for p in check.params} == set(CheckOptions._fields)


def test_a_check_loads_no_other_command():
    probe = (
        "import sys\nfrom edlint.cli import main\ntry:\n    main(['check', '--no-cache', '-'])\n"
        "except SystemExit:\n    pass\nprint(' '.join(m for m in sys.modules if m.startswith('edlint.commands')))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe], input="The council met on Monday.\n", capture_output=True, text=True
    )
    loaded = {m for m in proc.stdout.splitlines()[-1].split() if m.startswith("edlint.commands.")}
    assert loaded == {"edlint.commands.check", "edlint.commands.common"}, proc.stderr
