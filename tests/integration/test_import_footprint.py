"""The daemon parent does not load what only extraction workers or sample builders need.

Each parsing library costs megabytes in every process that imports it; the
parent only walks, hashes and dispatches, so they load in the workers alone.
"""

from __future__ import annotations

import subprocess
import sys

# Parsing libraries (workers) and sample-building libraries (`demo-share` only).
HEAVY = ("lxml", "pypdf", "openpyxl", "extract_msg", "docx", "pptx", "fpdf", "bs4")

_PROBE = """
import sys
import recordkeeper.cli, recordkeeper.daemon, recordkeeper.services.ingest
print(",".join(m for m in sys.argv[1:] if m in sys.modules))
"""


def _loaded_after(code: str) -> list[str]:
    out = subprocess.run(
        [sys.executable, "-c", code, *HEAVY], capture_output=True, text=True, check=True
    )
    return [m for m in out.stdout.strip().split(",") if m]


def test_the_daemon_parent_imports_no_parsing_or_sample_library() -> None:
    assert _loaded_after(_PROBE) == []


def test_the_parsers_module_loads_every_format_for_the_workers() -> None:
    loaded = _loaded_after(
        "import sys; import recordkeeper.ingest.extract.parsers\n"
        'print(",".join(m for m in sys.argv[1:] if m in sys.modules))'
    )
    assert {"lxml", "pypdf", "extract_msg"} <= set(loaded)
