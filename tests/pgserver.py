"""A throwaway PostgreSQL server on 127.0.0.1 (Debian's ``postgresql``), for tests and benches.

Installed with apt-get when missing and we are root; started as the ``postgres`` user in a fresh
temporary data folder; removed on exit.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


class NoPostgres(RuntimeError):
    pass


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), reverse=True)
    return found[0].parent if found else None


def _install() -> None:
    from debian_packages import apt_install, can_install

    if not can_install():
        raise NoPostgres(
            "Cần PostgreSQL (Debian: apt-get install postgresql) mà máy này chưa có và không "
            "có quyền root để cài."
        )
    apt_install("postgresql", recommends=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def postgres_server(database: str = "hocvuso"):
    """Yield a SQLAlchemy URL to a new, empty database on a new server."""
    if _pg_bin() is None:
        _install()
    pg = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="hocvuso-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    as_postgres: list[str] = []
    if os.geteuid() == 0:  # the server refuses to run as root
        shutil.chown(root, "postgres")
        shutil.chown(sockets, "postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    run = dict(check=True, capture_output=True)
    subprocess.run(
        [*as_postgres, str(pg / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres"], **run
    )
    port = _free_port()
    options = f"-h 127.0.0.1 -p {port} -k {sockets} -c max_connections=100"
    pg_ctl = [*as_postgres, str(pg / "pg_ctl"), "-D", str(data)]
    subprocess.run([*pg_ctl, "-o", options, "-l", str(root / "log"), "-w", "start"], **run)
    try:
        subprocess.run(
            [str(pg / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres"]
            + ["-c", f"CREATE DATABASE {database}"],
            **run,
        )
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/{database}"
    finally:
        subprocess.run([*pg_ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
