"""A throwaway PostgreSQL server for the test suite (stdlib only).

`.ci/run` starts one with `python3 tests/pgserver.py start DIR` before the
virtualenv exists and exports the URL it prints as RECORDKEEPER_TEST_PG_URL;
`tests/conftest.py` starts one the same way when that variable is unset and
the distribution's binaries are present, so `make test` on a developer's
machine runs the store tests on PostgreSQL too.

The cluster lives in DIR (initdb + pg_ctl), listens on 127.0.0.1 on a free
port with trust authentication, and runs with fsync off: it holds test data
only. PostgreSQL refuses to run as root, so as root the server runs as the
`postgres` system user (created if missing) through `runuser`.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

SUPERUSER = "rk"


def find_bin_dir() -> Path | None:
    """The newest `/usr/lib/postgresql/*/bin` holding initdb, else initdb on PATH."""

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.parent.name)
        except ValueError:
            return 0.0

    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    if candidates:
        return Path(candidates[-1]).parent
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(base: Path) -> list[str]:
    """argv prefix that runs a command as a user PostgreSQL accepts."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"],
            check=True,
        )
    shutil.chown(base, user="postgres")
    return ["runuser", "-u", "postgres", "--"]


def start(base: Path, bin_dir: Path | None = None) -> str:
    """Create and start a cluster in `base`; returns the admin URL (database `postgres`)."""
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL binaries (initdb, pg_ctl) not found")
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)  # runuser'd server must be able to enter a root-owned parent's child
    prefix = _as_server_user(base)
    data = base / "data"
    subprocess.run(
        [*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust",
         "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions", "--no-sync"],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    port = _free_port()
    options = (
        f"-c listen_addresses=127.0.0.1 -p {port} -k {base} -c fsync=off"
        " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "server.log"),
         "-w", "-t", "60", "-o", options, "start"],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    (base / "port").write_text(str(port))
    return f"postgresql://{SUPERUSER}@127.0.0.1:{port}/postgres"


def stop(base: Path, bin_dir: Path | None = None) -> None:
    """Stop the cluster in `base` at once (its data is disposable)."""
    bin_dir = bin_dir or find_bin_dir()
    if bin_dir is None or not (base / "data" / "postmaster.pid").exists():
        return
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    subprocess.run(
        [*prefix, str(bin_dir / "pg_ctl"), "-D", str(base / "data"), "-m", "immediate", "stop"],
        check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("start", "stop"):
        sys.exit("usage: pgserver.py start|stop DIR")
    if sys.argv[1] == "start":
        print(start(Path(sys.argv[2])))
    else:
        stop(Path(sys.argv[2]))
