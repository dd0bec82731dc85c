"""A reader that stops early (`recordkeeper registry list | head`) is no error.

Before, the command said "internt fel, se logghändelse ..." on stderr, logged a
traceback and exited 1: `typer.echo` met the closed pipe inside the command, and
JSON output (written unflushed) met it at the interpreter's last flush.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import RULES_DIR


@pytest.mark.parametrize(
    "args",
    [["rules", "check", str(RULES_DIR)], ["rules", "check", str(RULES_DIR), "--json"]],
)
def test_a_reader_gone_before_the_output_is_quietly_fine(args: list[str], tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "recordkeeper", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader is gone before the command writes
    stderr = proc.stderr.read()
    proc.stderr.close()
    assert (proc.wait(timeout=120), stderr) == (0, b"")
