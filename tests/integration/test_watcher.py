"""Real watchdog observers (inotify and polling) driving the daemon's tick on a temp dir.

No fixed sleeps: each test ticks the daemon until the store shows the outcome
or a deadline passes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from recordkeeper.config import Settings, load_settings
from recordkeeper.daemon import Daemon
from recordkeeper.ingest.watcher import PathQueue, choose_mode, filesystem_type
from recordkeeper.ruleset.load import LoadedRules
from recordkeeper.services.context import Context
from recordkeeper.services.ingest import status
from recordkeeper.store.tables import DocumentRow
from recordkeeper.store.unit import Store
from tests.conftest import RULES_DIR

DEADLINE_S = 20.0


def _settings(tmp_path: Path, share: Path, mode: str) -> Settings:
    return load_settings(
        None,
        {
            "database_url": f"sqlite:///{tmp_path / 'rk.db'}",
            "rules_dir": str(RULES_DIR),
            "roots": [{"path": str(share), "mode": mode}],
            "ingest": {
                "stable_seconds": 0.2,
                "poll_interval_seconds": 0.2,
                "rescan_minutes": 600,  # only the start-up scan: events must do the rest
            },
        },
    )


@pytest.fixture(params=["inotify", "poll"])
def daemon(
    request: pytest.FixtureRequest, tmp_path: Path, share: Path, rules: LoadedRules
) -> Iterator[Daemon]:
    settings = _settings(tmp_path, share, request.param)
    store = Store(settings.database_url)
    store.migrate()
    d = Daemon(Context(settings=settings, rules=rules, store=store), tick_interval_s=0.05)
    d.start()
    assert [w.mode for w in d.watchers] == [request.param]
    d.tick()  # start-up scan of the empty share
    yield d
    d.stop()
    d.join()


def docs(store: Store) -> list[DocumentRow]:
    with store.read() as s:
        rows = list(s.execute(select(DocumentRow).order_by(DocumentRow.path)).scalars())
        s.expunge_all()
        return rows


def tick_until(daemon: Daemon, done: Callable[[list[DocumentRow]], bool]) -> list[DocumentRow]:
    deadline = time.monotonic() + DEADLINE_S
    while time.monotonic() < deadline:
        daemon.tick()
        rows = docs(daemon.ctx.store)
        if done(rows):
            return rows
        daemon.queue.wakeup.wait(0.05)
    pytest.fail(f"not reached within {DEADLINE_S}s; documents: {[(d.path, d.state) for d in rows]}")


def test_a_created_file_is_ingested_from_events(daemon: Daemon, share: Path) -> None:
    (share / "P").mkdir()
    (share / "P" / "a.txt").write_text("hello")
    (doc,) = tick_until(daemon, lambda rows: len(rows) == 1)
    assert (doc.path, doc.project, doc.state) == ("P/a.txt", "P", "present")


def test_a_rename_is_seen_as_a_move(daemon: Daemon, share: Path) -> None:
    (share / "a.txt").write_text("content")
    (first,) = tick_until(daemon, lambda rows: len(rows) == 1)
    (share / "a.txt").rename(share / "b.txt")
    (doc,) = tick_until(daemon, lambda rows: rows[0].path == "b.txt")
    assert doc.id == first.id
    assert doc.state == "present"


def test_a_folder_moved_in_the_tree_moves_its_documents(daemon: Daemon, share: Path) -> None:
    (share / "Old" / "sub").mkdir(parents=True)
    for i in range(3):
        (share / "Old" / "sub" / f"{i}.txt").write_text(f"file {i}")
    before = tick_until(daemon, lambda rows: len(rows) == 3)
    (share / "Old").rename(share / "New")
    after = tick_until(daemon, lambda rows: all(d.path.startswith("New/") for d in rows))
    assert {d.id for d in after} == {d.id for d in before}
    assert {d.state for d in after} == {"present"}


def test_a_rewritten_file_becomes_a_new_version(daemon: Daemon, share: Path) -> None:
    path = share / "v.txt"
    path.write_text("one")
    (first,) = tick_until(daemon, lambda rows: len(rows) == 1)
    path.write_text("two, longer")
    (doc,) = tick_until(daemon, lambda rows: rows[0].current_sha256 != first.current_sha256)
    assert doc.id == first.id


def test_a_deleted_file_is_marked_gone(daemon: Daemon, share: Path) -> None:
    (share / "d.txt").write_text("d")
    tick_until(daemon, lambda rows: len(rows) == 1)
    (share / "d.txt").unlink()
    (doc,) = tick_until(daemon, lambda rows: rows[0].state == "gone")
    assert doc.gone_at is not None


def test_a_file_is_held_while_its_office_lock_exists(daemon: Daemon, share: Path) -> None:
    lock = share / "~$Rapport.docx"
    lock.write_text("user")
    (share / "Rapport.docx").write_text("body")
    (share / "other.txt").write_text("o")
    rows = tick_until(daemon, lambda rows: len(rows) >= 1)
    assert [d.path for d in rows] == ["other.txt"]
    lock.unlink()
    rows = tick_until(daemon, lambda rows: len(rows) == 2)
    assert [d.path for d in rows] == ["Rapport.docx", "other.txt"]


def test_the_queue_coalesces_a_storm_on_one_path() -> None:
    queue = PathQueue()
    for _ in range(1000):
        queue.put("root", "P/a.docx")
    queue.put("root", "P/b.docx")
    assert len(queue) == 2
    assert queue.drain() == [("root", "P/a.docx"), ("root", "P/b.docx")]
    assert len(queue) == 0


MOUNTINFO = """\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 259:2 / / rw,relatime - ext4 /dev/nvme0n1p2 rw
40 27 0:45 / /srv/share rw,relatime - cifs //fs01/projekt rw,vers=3.1.1
41 27 0:46 / /srv/nfs rw,relatime - nfs4 fs02:/export rw
42 27 0:47 / /home/u/remote\\040dir rw - fuse.sshfs u@h:/ rw
43 40 0:48 / /srv/share/local rw - ext4 /dev/sdb1 rw
"""


@pytest.mark.parametrize(
    ("path", "fs_type", "mode"),
    [
        ("/srv/share/FMB/a.docx", "cifs", "poll"),
        ("/srv/nfs/x", "nfs4", "poll"),
        ("/home/u/remote dir/x", "fuse.sshfs", "poll"),
        ("/srv/share/local/x", "ext4", "inotify"),  # the longest mount point wins
        ("/var/lib/x", "ext4", "inotify"),
        ("/srv/shared", "ext4", "inotify"),  # a prefix of a name is not a parent
    ],
)
def test_auto_mode_polls_network_filesystems(path: str, fs_type: str, mode: str) -> None:
    assert filesystem_type(Path(path), MOUNTINFO) == fs_type
    assert choose_mode("auto", fs_type) == mode


def test_configured_modes_win_over_detection() -> None:
    assert choose_mode("poll", "ext4") == "poll"
    assert choose_mode("inotify", "cifs") == "inotify"
    assert choose_mode("auto", None) == "inotify"


def test_filesystem_type_of_a_real_path(tmp_path: Path) -> None:
    assert filesystem_type(tmp_path) not in (None, "")


def test_the_start_up_scan_records_what_waits_for_stability(
    tmp_path: Path, share: Path, rules: LoadedRules
) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (share / "FMB X" / name).parent.mkdir(parents=True, exist_ok=True)
        (share / "FMB X" / name).write_text("text")
    settings = _settings(tmp_path, share, "poll")
    store = Store(settings.database_url)
    store.migrate()
    d = Daemon(Context(settings=settings, rules=rules, store=store), tick_interval_s=0.05)
    try:
        d.tick()  # the start-up scan hands every new file to the stability tracker
        (scan,) = status(d.ctx).last_scans.values()
        assert (scan["seen"], scan["pending"], scan["unchanged"]) == (3, 3, 0)
    finally:
        d.stop()
        d.join()


def test_a_stop_during_a_tick_skips_the_remaining_hooks(
    tmp_path: Path, share: Path, rules: LoadedRules
) -> None:
    # SIGTERM arriving while a tick runs: the daemon must not start the next hook
    # (a project evaluation or a reclassification batch can take many seconds)
    settings = _settings(tmp_path, share, "poll")
    store = Store(settings.database_url)
    store.migrate()
    d = Daemon(Context(settings=settings, rules=rules, store=store), tick_interval_s=0.05)
    ran: list[str] = []
    d.tick_hooks += [lambda daemon: ran.append("first"), lambda daemon: daemon.stop()]
    d.tick_hooks.append(lambda daemon: ran.append("after the stop"))
    try:
        d.tick()
        assert ran == ["first"]
        assert d.stopping
    finally:
        d.join()
