"""pytest plugin: the whole suite's log output is scanned for personal data.

Every test's captured stdout, stderr and `logging` records (where structlog
writes its lines in tests, unredacted, since tests do not install the
production redaction) are run through `recordkeeper.pii`. A personnummer,
e-mail address or phone number in any of them fails the run at the end, with
the test and the kind of data named (never the value). Output that is not a
log line (a test that prints a document on purpose) is not exempt: keep
personal data out of output altogether.

The audit log is scanned too: `scan_audit_leaves()` is called by the `store`
fixture's teardown on every database the suite used.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from recordkeeper import pii
from recordkeeper.errors import RecordkeeperError
from recordkeeper.store.tables import AuditEntryRow
from recordkeeper.store.unit import Store


@dataclass(frozen=True)
class Finding:
    test: str
    where: str
    kinds: tuple[str, ...]


FINDINGS: list[Finding] = []


def scan_text(test: str, where: str, text: str) -> None:
    for line in text.splitlines():
        kinds = pii.find_kinds(line)
        if kinds:
            FINDINGS.append(Finding(test, where, kinds))


def scan_audit_leaves(test: str, store: Store) -> None:
    """Every leaf of the store's audit log, checked for personal data."""
    try:
        with store.read() as session:
            rows = list(session.execute(select(AuditEntryRow.idx, AuditEntryRow.leaf)))
    except RecordkeeperError:  # a test that broke its database on purpose
        return
    for index, leaf in rows:
        kinds = pii.find_kinds(bytes(leaf).decode("utf-8", "replace"))
        if kinds:
            FINDINGS.append(Finding(test, f"audit entry {index}", kinds))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    for name, content in report.sections:
        if name.startswith("Captured"):
            scan_text(report.nodeid, name, content)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not FINDINGS:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    lines = ["personal data found in log output or audit entries:"]
    seen = set()
    for f in FINDINGS:
        key = (f.test, f.where, f.kinds)
        if key not in seen:
            seen.add(key)
            lines.append(f"  {f.test}: {f.where}: {', '.join(f.kinds)}")
    if reporter is not None:
        reporter.write_line("\n".join(lines), red=True)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
